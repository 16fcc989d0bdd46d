"""Moving-window and running aggregates: mcount msum mavg mdev mmax mmin, avgs, ema.

Every kernel is vectorised: window sums and counts are differences of cumulative sums (as q's
own definitions are), window maxima and minima use the van Herk / Gil-Werman block scan (two
accumulates per block, O(n) for any window), and `ema`'s linear recurrence is a doubling scan
(log2 n passes over the whole vector).

As q does, these apply column by column to tables, to the values of dictionaries and keyed
tables, and take a window `x` that is an integer atom (a window of 0 or less is empty).
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.functions import Definitions
from ..values.types import DTYPE_TYPE, INT_INF, INT_NULL, QDict, QTable, null_mask
from .index import is_int_atom

define = Definitions()

_NUMERIC = frozenset((1, 4, 5, 6, 7, 8, 9))
_INTS = frozenset((5, 6, 7))
_FLOATS = frozenset((8, 9))


def _vector_type(y) -> int:
    if not isinstance(y, np.ndarray):
        raise QError("type")
    return DTYPE_TYPE.get(y.dtype, 0)


def _floats(y: np.ndarray, t: int) -> np.ndarray:
    """A numeric vector as float64, integer nulls as nan."""
    if t not in _NUMERIC:
        raise QError("type")
    v = y.astype(np.float64)
    if t in _INTS:
        v[y == INT_NULL[t]] = np.nan
    return v


def _window_sum(v: np.ndarray, k: int) -> np.ndarray:
    """Sums of the last k items at each position (fewer at the start): c[i] - c[i-k]."""
    c = np.cumsum(v, dtype=v.dtype)
    if k <= 0:
        return c - c
    r = c.copy()
    r[k:] -= c[:-k]
    return r


def _window_count(y: np.ndarray, k: int) -> np.ndarray:
    return _window_sum((~null_mask(y)).astype(np.int64), k)


def _window_extreme(v: np.ndarray, k: int, ufunc, pad) -> np.ndarray:
    """ufunc (maximum / minimum) over the last k items at each position; `pad` is ufunc's
    identity for the partial windows at the start."""
    n = len(v)
    k = min(k, n)
    if k <= 1:
        return v.copy()
    w = np.concatenate([np.full(k - 1, pad, dtype=v.dtype), v])
    m = len(w)
    blocks = -(-m // k)
    w = np.concatenate([w, np.full(blocks * k - m, pad, dtype=v.dtype)]).reshape(blocks, k)
    prefix = ufunc.accumulate(w, axis=1).ravel()
    suffix = ufunc.accumulate(w[:, ::-1], axis=1)[:, ::-1].ravel()
    end = np.arange(k - 1, m)
    return ufunc(suffix[end - k + 1], prefix[end])


def _limits(dt: np.dtype):
    """(lowest, highest) value of a dtype: the identities of max and min."""
    if dt == np.bool_:
        return np.False_, np.True_
    if dt.kind == "f":
        return dt.type(-np.inf), dt.type(np.inf)
    info = np.iinfo(dt)
    return dt.type(info.min), dt.type(info.max)


# ---------------------------------------------------------------------------------------------
# vector kernels: (k, y, t) -> vector


def _mcount(k, y, t):
    if t == 0:
        raise QError("type")
    return _window_count(y, k)


def _msum(k, y, t):
    if t not in _NUMERIC:
        raise QError("type")
    if t in _FLOATS:
        return _window_sum(np.where(np.isnan(y), 0, y).astype(y.dtype), k)
    v = y
    if t in _INTS:
        v = np.where(y == INT_NULL[t], 0, y).astype(y.dtype)
    if t in (1, 4, 5):
        v = v.astype(np.int32)            # q sums booleans, bytes and shorts as ints
    return _window_sum(v, k)


def _mavg(k, y, t):
    v = _floats(y, t)
    nulls = np.isnan(v)
    with np.errstate(all="ignore"):
        return _window_sum(np.where(nulls, 0.0, v), k) / _window_sum((~nulls).astype(np.float64), k)


def _mdev(k, y, t):
    v = _floats(y, t)
    nulls = np.isnan(v)
    v0 = np.where(nulls, 0.0, v)
    with np.errstate(all="ignore"):
        n = _window_sum((~nulls).astype(np.float64), k)
        mean = _window_sum(v0, k) / n
        var = _window_sum(v0 * v0, k) / n - mean * mean
        # rounding can leave a constant window a hair below zero: its deviation is 0
        return np.sqrt(np.where(var < 0, 0.0, var))


def _comparable(y, t) -> np.ndarray:
    if t == 10:
        return y.view(np.uint8)
    if t not in _NUMERIC:
        raise QError("type")
    return y


def _back(r, y, t):
    return r.view("S1") if t == 10 else r


def _mmax(k, y, t):
    """Moving maxima; a null counts as minus infinity (an all-null window gives -0W)."""
    v = _comparable(y, t)
    lo, _ = _limits(v.dtype)
    if t in _INTS:
        v = np.where(v == INT_NULL[t], -INT_INF[t], v)
    elif t in _FLOATS:
        v = np.where(np.isnan(v), v.dtype.type(-np.inf), v)
    if k <= 0:
        return y
    return _back(_window_extreme(v, k, np.maximum, lo), y, t)


def _mmin(k, y, t):
    """Moving minima; a null is the least value, so a window holding one gives null."""
    v = _comparable(y, t)
    _, hi = _limits(v.dtype)
    if k <= 0:
        return y
    if t in _FLOATS:
        nulls = np.isnan(v)
        r = _window_extreme(np.where(nulls, v.dtype.type(np.inf), v), k, np.minimum, hi)
        if nulls.any():
            r[_window_sum(nulls.astype(np.int64), k) > 0] = np.nan
        return r
    return _back(_window_extreme(v, k, np.minimum, hi), y, t)


# ---------------------------------------------------------------------------------------------
# running: avgs, ema


def _avgs(y, t):
    v = _floats(y, t)
    nulls = np.isnan(v)
    with np.errstate(all="ignore"):
        return np.cumsum(np.where(nulls, 0.0, v)) / np.cumsum(~nulls)


def _linear_scan(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """s[i] = a[i]*s[i-1] + b[i] (s[-1] = 0) for all i at once: pairs (a, b) compose as affine
    maps, combined over distances 1, 2, 4 ... (Hillis-Steele)."""
    a, b = a.copy(), b.copy()
    shift = 1
    n = len(b)
    with np.errstate(all="ignore"):
        while shift < n:
            b[shift:] = a[shift:] * b[:-shift] + b[shift:]
            a[shift:] = a[shift:] * a[:-shift]
            shift *= 2
    return b


def _ema_vec(x, y):
    t = _vector_type(y)
    v = _floats(y, t)
    n = len(v)
    if isinstance(x, np.ndarray):
        if len(x) != n:
            raise QError("length")
        alpha = _floats(x, _vector_type(x))
    elif isinstance(x, np.generic) and DTYPE_TYPE.get(x.dtype, 0) in _NUMERIC:
        alpha = np.full(n, _floats(np.array([x]), DTYPE_TYPE[x.dtype])[0])
    else:
        raise QError("type")
    if n == 0:
        return v
    decay = 1.0 - alpha
    with np.errstate(all="ignore"):
        step = alpha * v
        # q starts the recurrence from the first item: s[0] = (1-a)*y[0] + a*y[0]
        step[0] = decay[0] * v[0] + step[0]
    decay[0] = 0.0
    return _linear_scan(decay, step)


# ---------------------------------------------------------------------------------------------
# shape: vectors, dictionaries, tables, keyed tables


def _by_item(vector_fn, y):
    """Apply a vector function along the items of y: a vector directly; a list of equal-length
    vectors of one type (the values of `a`b!(1 2 3;4 5 6)) position by position, as q's
    item-wise arithmetic does; the columns of a table; the values of a dict or keyed table."""
    if isinstance(y, QTable):
        return QTable(y.cols, [_by_item(vector_fn, c) for c in y.data])
    if isinstance(y, QDict):
        return QDict(y.keys, _by_item(vector_fn, y.values))
    if isinstance(y, list):
        if not y or not all(isinstance(v, np.ndarray) for v in y) \
                or len({v.dtype for v in y}) != 1 or len({len(v) for v in y}) != 1:
            raise QError("type")
        rows = np.stack(y)
        cols = [vector_fn(rows[:, j]) for j in range(rows.shape[1])]
        out = np.stack(cols, axis=1) if cols else rows
        return [out[i] for i in range(len(out))]
    _vector_type(y)
    return vector_fn(y)


def _window(kernel):
    """x f y for a window kernel (k, vector, type) -> vector."""
    def f(x, y):
        if not is_int_atom(x):
            raise QError("type")
        k = int(x)
        return _by_item(lambda v: kernel(k, v, _vector_type(v)), y)
    return f


def _running(kernel):
    return lambda y: _by_item(lambda v: kernel(v, _vector_type(v)), y)


def ema(x, y):
    return _by_item(lambda v: _ema_vec(x, v), y)


mcount = _window(_mcount)
msum = _window(_msum)
mavg = _window(_mavg)
mdev = _window(_mdev)
mmax = _window(_mmax)
mmin = _window(_mmin)
avgs = _running(_avgs)

define("mcount", dyad=mcount, infix=True,
       doc="x mcount y  the count of non-null items in each x-item window of y")
define("msum", dyad=msum, infix=True,
       doc="x msum y  sums of each x-item window of y (nulls count as 0)")
define("mavg", dyad=mavg, infix=True,
       doc="x mavg y  averages of the non-null items of each x-item window of y")
define("mdev", dyad=mdev, infix=True,
       doc="x mdev y  standard deviations of the non-null items of each x-item window of y")
define("mmax", dyad=mmax, infix=True,
       doc="x mmax y  maxima of each x-item window of y (a null counts as -0W)")
define("mmin", dyad=mmin, infix=True,
       doc="x mmin y  minima of each x-item window of y (a null is the least value)")
define("avgs", monad=avgs, doc="avgs x  running averages of x (nulls skipped)")
define("ema", dyad=ema, infix=True,
       doc="x ema y  exponential moving average of y with smoothing x (atom or list)")
