"""Groups and their aggregates: the one engine behind `group`, `xgroup`, `fby` and qSQL's `by`
(select / exec / update ... by), with the aggregates q users write (`sum avg count min max
first last wavg prd var dev svar sdev med`) computed for every group at once.

Rows are split into groups by codes (ktwa.verbs.hashing), never by a Python tuple per row.
An aggregate here must give exactly what the built-in gives applied to each group's items:
same values to the last bit, same types, same nulls. Where a column's type is not handled
here, `aggregate` says so (None) and the caller applies the expression group by group.

The sums behind sum, avg, wavg, var, dev, svar and sdev add in q's lane order, as the built-ins
do (arith.lane_sums). Only med's middle pair is summed as numpy sums (segment_sums):
`np.add.reduceat` adds a segment's first item to the pairwise sum of the rest, so a zero
placed before each segment makes it the pairwise sum of the whole segment. A check on first
use confirms that of the numpy at hand; where it does not hold, each group is summed alone.
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.functions import Builtin, Definitions
from ..values.types import (DTYPE_TYPE, INT_INF, INT_NULL, QDict, QTable, count, from_items,
                            is_atom, is_keyed, to_items)
from ..values.temporal import TEMPORAL
from .arith import (FLOATS, INTS, NUMERIC, lane_sums, lane_var, num_floats, sample,
                    stat_floats)
from .hashing import codes as item_codes, combine, int_view, positions_short
from .index import take_pos
from .lists import iasc, take_n

I64 = np.int64

define = Definitions()


# ---------------------------------------------------------------------------------------------
# groups


class Groups:
    """n items split into `count` groups: `codes[i]` is the group of item i; `first` (each
    group's first item) may be given, else it is found from `order`. `order` lists the items
    sorted by group, each group keeping its items' order."""

    __slots__ = ("codes", "count", "_first", "_order", "_sizes")

    def __init__(self, codes: np.ndarray, k: int, first: np.ndarray | None = None):
        self.codes = codes
        self.count = k
        self._first = first
        self._order = None
        self._sizes = None

    @property
    def sizes(self) -> np.ndarray:
        if self._sizes is None:
            self._sizes = np.bincount(self.codes, minlength=self.count).astype(I64)
        return self._sizes

    @property
    def order(self) -> np.ndarray:
        if self._order is None:
            self._order = _stable_order(self.codes, self.count)
        return self._order

    @property
    def starts(self) -> np.ndarray:
        s = np.empty(self.count, dtype=I64)
        if self.count:
            s[0] = 0
            np.cumsum(self.sizes[:-1], out=s[1:])
        return s

    @property
    def first(self) -> np.ndarray:
        if self._first is None:
            self._first = self.order[self.starts]
        return self._first

    @property
    def last(self) -> np.ndarray:
        return self.order[self.starts + self.sizes - 1]

    def parts(self) -> list:
        """Each group's items (ascending positions), in group order."""
        order, ends = self.order, np.cumsum(self.sizes).tolist()
        return [order[s:e] for s, e in zip([0] + ends[:-1], ends)]     # views, as np.split


def _stable_order(c: np.ndarray, k: int) -> np.ndarray:
    """Items sorted by code, ties in item order: numpy's radix sort on 8- or 16-bit codes (two
    16-bit passes for wider ones) rather than a comparison sort of longs."""
    if k <= 1 << 8:
        return np.argsort(c.astype(np.uint8), kind="stable")
    if k <= 1 << 16:
        return np.argsort(c.astype(np.uint16), kind="stable")
    if k <= 1 << 32:
        low = np.argsort((c & 0xFFFF).astype(np.uint16), kind="stable")
        high = (c[low] >> 16).astype(np.uint16)
        return low[np.argsort(high, kind="stable")]
    return np.argsort(c, kind="stable")


def _ranks(col):
    """(codes, k) of one key column with codes numbered in ascending order of the values (q's
    sort order: nulls first)."""
    c, first = item_codes(col)
    k = len(first)
    g = iasc(take_pos(col, first))
    rank = np.empty(k, dtype=I64)
    rank[g] = np.arange(k, dtype=I64)
    return rank[c], k


def groups(keys: list, ascending: bool) -> Groups:
    """The groups of n rows by key columns `keys` (q lists of count n): rows whose keys match
    in every column share a group. ascending: groups numbered in ascending key order (qSQL's
    `by`); else in order of first occurrence (`group`, `xgroup`, `fby`)."""
    n = count(keys[0])
    if n == 0:
        return Groups(np.zeros(0, dtype=I64), 0, np.zeros(0, dtype=I64))
    if ascending:
        parts = [_ranks(k) for k in keys]
        c, k = combine([p[0] for p in parts], [p[1] for p in parts], ascending=True)
        return Groups(c, k)
    if len(keys) == 1:
        c, first = item_codes(keys[0])
    else:
        parts = [item_codes(k) for k in keys]
        c, first = combine([p[0] for p in parts], [len(p[1]) for p in parts], ascending=False)
    return Groups(c, len(first), first)


def key_columns(t) -> list:
    """The key columns that a table (or any other list) groups by."""
    return list(t.data) if isinstance(t, QTable) else [t]


# ---------------------------------------------------------------------------------------------
# pairwise sums of segments, as numpy sums each segment alone

_PAIRWISE_OK: list = []


def _pad_sums(vs: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    k = len(sizes)
    if k == 0:
        return np.zeros(0, dtype=vs.dtype)
    starts = np.zeros(k, dtype=I64)
    np.cumsum(sizes[:-1], out=starts[1:])
    padded = np.insert(vs, starts, vs.dtype.type(0))
    with np.errstate(all="ignore"):
        return np.add.reduceat(padded, starts + np.arange(k, dtype=I64))


def _loop_sums(vs: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    ends = np.cumsum(sizes)
    with np.errstate(all="ignore"):
        return np.array([vs[e - s:e].sum(dtype=vs.dtype)
                         for s, e in zip(sizes.tolist(), ends.tolist())], dtype=vs.dtype)


def _pairwise_ok() -> bool:
    if not _PAIRWISE_OK:
        rng = np.random.default_rng(7)
        sizes = np.arange(1, 300, dtype=I64)
        ok = True
        for dt in (np.float64, np.float32):
            vs = (rng.standard_normal(int(sizes.sum())) * 1e3).astype(dt)
            ok = ok and np.array_equal(_pad_sums(vs, sizes), _loop_sums(vs, sizes))
        _PAIRWISE_OK.append(ok)
    return _PAIRWISE_OK[0]


def segment_sums(vs: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Sums of consecutive segments of float vector vs (of the given sizes, which may be 0), each
    exactly as `vs[a:b].sum()`."""
    return _pad_sums(vs, sizes) if _pairwise_ok() else _loop_sums(vs, sizes)


# ---------------------------------------------------------------------------------------------
# aggregates: each (columns..., groups) -> a vector with one item per group, or None when the
# column's type takes the general path


def _qt(x) -> int:
    return DTYPE_TYPE.get(x.dtype, 0) if type(x) is np.ndarray else 0


def _reduceat(ufunc, x, g: Groups, dtype=None):
    return ufunc.reduceat(x[g.order], g.starts, dtype=dtype)


def _sum(x, g):
    t = _qt(x)
    if t == 1:
        return np.bincount(g.codes[x], minlength=g.count).astype(np.int32)
    if t == 4:
        return _reduceat(np.add, x, g, np.int32)
    if t in INTS:
        return _reduceat(np.add, np.where(x == INT_NULL[t], 0, x).astype(x.dtype), g, x.dtype)
    if t in FLOATS:                     # in q's order of additions, as sum (arith.lane_sum)
        z = np.where(np.isnan(x), x.dtype.type(0), x)
        return lane_sums(z[g.order], g.sizes)
    return None


def _prd(x, g):
    t = _qt(x)
    if t in (1, 4):
        return _reduceat(np.multiply, x, g, np.int32)
    if t in INTS:
        return _reduceat(np.multiply, np.where(x == INT_NULL[t], 1, x).astype(x.dtype), g,
                         x.dtype)
    if t in FLOATS:
        with np.errstate(all="ignore"):
            return _reduceat(np.multiply, np.where(np.isnan(x), x.dtype.type(1), x), g, x.dtype)
    return None


def _max(x, g):
    t = _qt(x)
    if t in (1, 4):
        return _reduceat(np.maximum, x, g)
    if t == 10:
        return _reduceat(np.maximum, x.view(np.uint8), g).view(x.dtype)
    if t in INTS:
        m = _reduceat(np.maximum, x, g)
        m[m == INT_NULL[t]] = -INT_INF[t]
        return m
    if t in FLOATS:
        return _reduceat(np.maximum, np.where(np.isnan(x), x.dtype.type(-np.inf), x), g)
    return None


def _min(x, g):
    t = _qt(x)
    if t in (1, 4):
        return _reduceat(np.minimum, x, g)
    if t == 10:
        return _reduceat(np.minimum, x.view(np.uint8), g).view(x.dtype)
    if t in INTS:
        return _reduceat(np.minimum, np.where(x == INT_NULL[t], INT_INF[t], x), g)
    if t in FLOATS:
        return _reduceat(np.minimum, np.where(np.isnan(x), x.dtype.type(np.inf), x), g)
    return None


def _count(x, g):
    return g.sizes.astype(I64)


def _first(x, g):
    return _at(x, g.first)


def _last(x, g):
    return _at(x, g.last)


def _at(x, rows):
    if type(x) is np.ndarray:
        return x[rows]
    if isinstance(x, list):
        return from_items([x[r] for r in rows.tolist()])
    return None


def _floats(x):
    """x as float64 with nulls as nan, for a numeric vector; None for anything else."""
    t = _qt(x)
    return num_floats(x) if t in NUMERIC else None


def _avg(x, g):
    v = _floats(x)
    if v is None:
        return None
    keep = ~np.isnan(v)
    ks = keep[g.order]
    n = np.bincount(g.codes[keep], minlength=g.count).astype(np.int64)
    s = lane_sums(v[g.order][ks], n)    # the non-null items summed as avg does
    with np.errstate(all="ignore"):
        r = s / n
    r[n == 0] = np.nan
    return r


def _wavg(x, y, g):
    a, b = _floats(x), _floats(y)
    if a is None or b is None:
        return None
    keep = ~(np.isnan(a) | np.isnan(b))
    ks = keep[g.order]
    n = np.bincount(g.codes[keep], minlength=g.count).astype(np.int64)
    with np.errstate(all="ignore"):
        # (sum x*y)%sum x over each group's complete pairs, summed as sum adds (arith.wavg);
        # a product that is null (0w*0) is skipped, as sum skips nulls
        ab = a * b
        ab[np.isnan(ab)] = 0
        r = lane_sums(ab[g.order][ks], n) / lane_sums(a[g.order][ks], n)
    r[n == 0] = np.nan
    return r


def _var_of(x, g):
    """(var, count) of each group's non-null items, as var computes them (arith.var): the
    lane sums of each group's items less its first (arith.centred) and of their squares."""
    t = _qt(x)
    if t not in NUMERIC and t not in TEMPORAL:
        return None, None
    v = stat_floats(x)
    keep = ~np.isnan(v)
    n = np.bincount(g.codes[keep], minlength=g.count).astype(I64)
    vs = v[g.order][keep[g.order]]
    first = np.zeros(g.count)
    start = np.zeros(g.count, dtype=I64)
    np.cumsum(n[:-1], out=start[1:])
    some = n > 0
    first[some] = vs[start[some]]
    first[~np.isfinite(first)] = 0          # as centred: an infinite first item stays put
    with np.errstate(all="ignore"):
        d = vs - np.repeat(first, n)
        return lane_var(lane_sums(d, n), lane_sums(d * d, n), n), n


def _var(x, g):
    return _var_of(x, g)[0]


def _dev(x, g):
    r, _ = _var_of(x, g)
    if r is None:
        return None
    with np.errstate(all="ignore"):
        return np.sqrt(r)


def _svar(x, g):
    r, n = _var_of(x, g)
    return None if r is None else sample(r, n)


def _sdev(x, g):
    r = _svar(x, g)
    if r is None:
        return None
    with np.errstate(all="ignore"):
        return np.sqrt(r)


def _med(x, g):
    v = _floats(x)
    if v is None:
        return None
    keep = ~np.isnan(v)
    c, w = g.codes[keep], v[keep]
    ws = w[np.lexsort((w, c))]
    n = np.bincount(c, minlength=g.count).astype(I64)
    ok = n > 0
    start = np.zeros(g.count, dtype=I64)
    np.cumsum(n[:-1], out=start[1:])
    # numpy's median is the mean of the middle item (odd counts) or of the middle two (even)
    lo = (start + (n - 1) // 2)[ok]
    cnt = 2 - n[ok] % 2
    ends = np.cumsum(cnt)
    pos = np.repeat(lo, cnt) + (np.arange(int(ends[-1]) if len(ends) else 0, dtype=I64)
                                - np.repeat(ends - cnt, cnt))
    r = np.full(g.count, np.nan)
    with np.errstate(all="ignore"):
        r[ok] = segment_sums(ws[pos], cnt) / cnt
    return r


# name -> (rank, fn): the aggregates computed for all groups at once
AGGREGATES = {
    "sum": (1, _sum), "prd": (1, _prd), "max": (1, _max), "min": (1, _min),
    "count": (1, _count), "first": (1, _first), "last": (1, _last), "avg": (1, _avg),
    "var": (1, _var), "dev": (1, _dev), "svar": (1, _svar), "sdev": (1, _sdev),
    "med": (1, _med), "wavg": (2, _wavg),
}


def aggregate(name: str, cols: list, g: Groups):
    """The aggregate `name` (a key of AGGREGATES) of columns `cols` for each of g's groups, as a
    q list with one item per group; None where these columns' types take the general path
    (apply the aggregate to each group's items)."""
    if g.count == 0:
        return None
    if any(not isinstance(c, (np.ndarray, list)) or len(c) != len(g.codes) for c in cols):
        return None
    return AGGREGATES[name][1](*cols, g)


# ---------------------------------------------------------------------------------------------
# group, xgroup, fby


def group(x):
    if isinstance(x, QDict) and not is_keyed(x):
        gx = group(x.values)
        return QDict(gx.keys, [take_pos(x.keys, v) for v in gx.values])
    if is_atom(x) or not isinstance(x, (np.ndarray, list, QTable)):
        raise QError("type")
    n = count(x)
    if n == 0:
        return QDict(take_pos(x, np.array([], dtype=I64)) if not isinstance(x, list) else [],
                     [])
    if x.__class__ is np.ndarray:
        short = positions_short(x)
        if short is not None:
            return QDict(x[[p[0] for p in short]], [np.array(p, dtype=I64) for p in short])
        if x.dtype == bool:         # two groups at most: where 0b and where 1b, first seen first
            t, f = np.flatnonzero(x), np.flatnonzero(~x)
            parts = [t, f] if len(f) == 0 or (len(t) and t[0] < f[0]) else [f, t]
            parts = [p for p in parts if len(p)]
            return QDict(x[[p[0] for p in parts]], parts)
        iv = int_view(x)
        if iv is not None:
            lo = int(iv.min())
            if int(iv.max()) - lo < 256:
                return _group_bytes(x, (iv - lo).astype(np.uint8))
    g = groups(key_columns(x), ascending=False)
    return QDict(take_pos(x, g.first), g.parts())


def _group_bytes(x, off: np.ndarray):
    """group of a vector whose items are told apart by byte codes `off` (a char vector, or
    integers spanning under 256 values, a classifier's labels): one stable radix sort of the
    codes; each present code's run of positions is a group (ascending, a view of the order,
    as Groups.parts gives), the groups ordered by their first positions."""
    order = np.argsort(off, kind="stable")
    sizes = np.bincount(off)
    present = sizes[np.flatnonzero(sizes)]
    ends = np.cumsum(present)
    starts = ends - present
    firsts = order[starts]
    rank = np.argsort(firsts).tolist()
    s, e = starts.tolist(), ends.tolist()
    return QDict(x[firsts[rank]], [order[s[j]:e[j]] for j in rank])


def _names(x) -> list:
    if isinstance(x, str):
        return [x]
    if isinstance(x, np.ndarray) and x.dtype == object:
        return x.tolist()
    raise QError("type")


def xgroup(x, y):
    """`x xgroup y`: table y keyed by its columns x, every other column collected per key (a
    list per group), keys in order of first occurrence."""
    names = _names(x)
    if is_keyed(y):
        y = QTable(y.keys.cols + y.values.cols, y.keys.data + y.values.data)
    if not isinstance(y, QTable):
        raise QError("type")
    for c in names:
        if c not in y.cols:
            raise QError(c)
    keys = [y.column(c) for c in names]
    rest = [c for c in y.cols if c not in names]
    g = groups(keys, ascending=False)
    parts = g.parts()
    vals = [[take_pos(y.column(c), p) for p in parts] for c in rest]
    return QDict(QTable(names, [take_pos(k, g.first) for k in keys]), QTable(rest, vals))


def fby(ctx, x, y):
    """`(f;c) fby g`: f applied to the items of c in each group of g (a list, or a table of
    several key columns), each item of c given its group's result."""
    if not (isinstance(x, list) and len(x) == 2):
        raise QError("type")
    f, c = x
    n = count(y)
    if is_atom(c) or count(c) != n:
        raise QError("length")
    if n == 0:
        return take_n(0, ctx.apply(f, [c]))
    g = groups(key_columns(y), ascending=False)
    if f.__class__ is Builtin and AGGREGATES.get(f.name, (0,))[0] == 1:
        r = aggregate(f.name, [c], g)
        if r is not None:
            return take_pos(r, g.codes)
    res = [ctx.apply(f, [take_pos(c, p)]) for p in g.parts()]
    if all(is_atom(r) for r in res):
        return take_pos(from_items(res), g.codes)
    # a uniform function: each group's result has one item per item of the group
    out = [None] * n
    for p, r in zip(g.parts(), res):
        if is_atom(r) or count(r) != len(p):
            raise QError("length")
        for k, v in zip(p.tolist(), to_items(r)):
            out[k] = v
    return from_items(out)


define("group", group, doc="group x  dictionary of x's distinct items to the positions where "
                           "each occurs, in order of first occurrence")
define("xgroup", dyad=xgroup, infix=True,
       doc="c xgroup t  table t keyed by its columns c, the other columns collected per key")
define("fby", dyad=fby, ctx=True, infix=True,
       doc="(f;c) fby g  f applied to c within each group of g (a list or a table), one "
           "result per item of c")
