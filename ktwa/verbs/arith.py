"""Arithmetic, comparison, min/max, fill, math and aggregate primitives (q-core §4.2-§4.4, §6).

Kernels (``_k_*``) work on simple operands only (numpy scalars, symbols, simple vectors);
ktwa.verbs.atomic walks lists, dicts and tables. Scalars go through 0-d arrays so that integer
overflow wraps silently; float kernels run under ``np.errstate`` (division by zero gives
``0w``/``-0w``/``0n`` without warnings). The common ``long+long`` / ``float+float`` atom cases
have lean fast paths in front of the generic machinery.
"""
from __future__ import annotations

import operator as _op

import numpy as np

from ..values.types import known_null_free

from ..errors import QError
from ..values.types import enum_domain, match, ordered, plain
from ..values.types import (QDict, QTable, DTYPE_TYPE, SCALAR_TYPE, TYPE_DTYPE, INT_NULL, INT_INF,
                            NULL_J, from_items, to_items, null_mask, is_null)
from ..values.functions import Definitions
from ..values.temporal import TEMPORAL
from .atomic import atomic1, atomic2, SIMPLE
from . import temporal

define = Definitions()

_i64, _f64, _nd = np.int64, np.float64, np.ndarray
_F64 = np.dtype(np.float64)
NUMERIC = frozenset((1, 4, 5, 6, 7, 8, 9))
INTS = frozenset((5, 6, 7))
FLOATS = frozenset((8, 9))
TOL = 2.0 ** -43
_HI62, _LO62 = np.int64(2 ** 62), np.int64(-2 ** 62)
_HI31, _LO31 = np.int64(3037000499), np.int64(-3037000499)
_FBIG = 1e300
_ERR = dict(all="ignore")


# ---------------------------------------------------------------------------- type helpers

def _t(x) -> int:
    """Positive q type of a simple operand (0 for anything else)."""
    if type(x) is _nd:
        return DTYPE_TYPE.get(x.dtype, 0)
    if isinstance(x, str):
        return 11
    t = SCALAR_TYPE.get(type(x))
    if t is None:
        t = DTYPE_TYPE.get(getattr(x, "dtype", None), 0)
    return t


def _arr(x):
    """A simple operand as an ndarray (atoms become 0-d arrays)."""
    if type(x) is _nd:
        return x
    if type(x) is np.bytes_:
        return np.asarray(x, dtype="S1")
    return np.asarray(x)


def _out(r, scalar: bool, dt=None):
    """Unwrap a 0-d result to a numpy scalar of dtype dt."""
    if scalar:
        r = np.asarray(r, dtype=dt)
        return r[()]
    if dt is not None and r.dtype != dt:
        r = r.astype(dt)
    return r


def _nullmask(v: np.ndarray, t: int):
    """Mask of integer nulls in v (type t), or None when there are none (cheap check)."""
    if t not in INTS:
        return None
    n = INT_NULL[t]
    if v.ndim == 0:
        return np.True_ if v == n else None
    if v.size and v.min() == n:
        return v == n
    return None


def _conv(v: np.ndarray, t: int, rt: int) -> np.ndarray:
    """Convert numeric v of type t to type rt, mapping integer nulls to rt's null."""
    if t == rt:
        return v
    if t == 10:
        v, t = v.view(np.uint8), 4
        if rt == 4:
            return v
    r = v.astype(TYPE_DTYPE[rt])
    if t in INTS:
        m = _nullmask(v, t)
        if m is not None:
            n = INT_NULL.get(rt)
            if n is None:
                n = TYPE_DTYPE[rt].type("nan") if rt in FLOATS else None
            if n is not None:
                r = np.where(m, n, r)
    return r


def _u8_chars(v: np.ndarray) -> np.ndarray:
    return v.astype(np.uint8).view("S1")


def _as_number(x, t: int):
    """A char operand as its code (a byte), a temporal one as q's number of it (the count of
    days, milliseconds ...), for the verbs that take them as numbers (% div xexp xlog exp)."""
    if t == 10:
        v = _arr(x).view(np.uint8)
        return (v[()] if v.ndim == 0 else v), 4
    if t in TEMPORAL:
        v = temporal.qnums(_arr(x), t)
        return (v[()] if v.ndim == 0 else v), temporal.tm.BASE[t]
    return x, t


def _both_scalar(x, y) -> bool:
    return type(x) is not _nd and type(y) is not _nd


# ---------------------------------------------------------------------------- + - * %

def _arith_kernel(ufunc, op):
    def kernel(x, y):
        if type(x) is _nd and x.dtype == _F64 and (type(y) is _f64 or type(y) is _nd
                                                    and y.dtype == _F64):
            with np.errstate(**_ERR):           # doubles with doubles: no nulls to mask
                return ufunc(x, y)
        tx, ty = _t(x), _t(y)
        if tx not in NUMERIC or ty not in NUMERIC:
            return _other_arith(op, x, tx, y, ty)
        sc = _both_scalar(x, y)
        x, y = _arr(x), _arr(y)
        rt = max(6, tx, ty)
        dt = TYPE_DTYPE[rt]
        mx, my = _nullmask(x, tx), _nullmask(y, ty)
        if rt in FLOATS:
            with np.errstate(**_ERR):
                r = ufunc(x, y, dtype=dt, casting="unsafe")
            if mx is not None or my is not None:
                m = mx if my is None else (my if mx is None else mx | my)
                r = np.where(m, dt.type("nan"), r)
            return _out(r, sc, dt)
        if tx != rt:
            x = x.astype(dt)
        if ty != rt:
            y = y.astype(dt)
        r = ufunc(x, y)
        if mx is not None or my is not None:
            m = mx if my is None else (my if mx is None else mx | my)
            r = np.where(m, INT_NULL[rt], r)
        return _out(r, sc, dt)
    return kernel


_k_add = _arith_kernel(np.add, "+")
_k_sub = _arith_kernel(np.subtract, "-")
_k_mul = _arith_kernel(np.multiply, "*")


def _other_arith(op, x, tx, y, ty):
    """+ - * beyond numbers: temporal operands, and chars as add.md / subtract.md allow them
    (c+f and c-f are floats; a number minus a char is a number; c+c, c+j ... are 'type)."""
    sc = _both_scalar(x, y)
    if tx in TEMPORAL or ty in TEMPORAL:
        if tx not in NUMERIC | TEMPORAL | {10} or ty not in NUMERIC | TEMPORAL | {10}:
            raise QError("type")
        return temporal.arith(op, _arr(x), tx, _arr(y), ty, sc)
    if op != "*" and 10 in (tx, ty) and (tx in NUMERIC or ty in NUMERIC):
        if 9 in (tx, ty) or (op == "-" and ty == 10):
            cx = _arr(x).view(np.uint8) if tx == 10 else _arr(x)
            cy = _arr(y).view(np.uint8) if ty == 10 else _arr(y)
            return _arith_kernel(np.add if op == "+" else np.subtract, op)(
                _out(cx, sc), _out(cy, sc))
    raise QError("type")


def _k_div(x, y):
    # divide.md: always a float; a temporal divides as q's number (0D01%0D00:01 is 60f), a
    # char as its code ("z"%"a" is 1.257732)
    if type(x) is _nd and x.dtype == _F64 and (type(y) is _f64 or type(y) is _nd
                                                and y.dtype == _F64):
        with np.errstate(**_ERR):               # doubles by doubles: no nulls to mask
            return np.true_divide(x, y)
    x, tx = _as_number(x, _t(x))
    y, ty = _as_number(y, _t(y))
    if tx not in NUMERIC or ty not in NUMERIC:
        raise QError("type")
    sc = _both_scalar(x, y)
    x, y = _arr(x), _arr(y)
    mx, my = _nullmask(x, tx), _nullmask(y, ty)
    with np.errstate(**_ERR):
        r = np.true_divide(x, y, dtype=np.float64, casting="unsafe")
    if mx is not None or my is not None:
        m = mx if my is None else (my if mx is None else mx | my)
        r = np.where(m, np.nan, r)
    return _out(r, sc, np.float64)


def add(x, y):
    tx, ty = type(x), type(y)
    if tx is _i64:
        if ty is _i64:
            if _LO62 < x < _HI62 and _LO62 < y < _HI62:
                return x + y
        elif ty is _f64 and x != NULL_J and -_FBIG < y < _FBIG:
            return _f64(x) + y
    elif tx is _f64:
        if ty is _f64:
            if -_FBIG < x < _FBIG and -_FBIG < y < _FBIG:
                return x + y
        elif ty is _i64 and y != NULL_J and -_FBIG < x < _FBIG:
            return x + _f64(y)
    return atomic2(_k_add, x, y)


def sub(x, y):
    tx, ty = type(x), type(y)
    if tx is _i64:
        if ty is _i64:
            if _LO62 < x < _HI62 and _LO62 < y < _HI62:
                return x - y
        elif ty is _f64 and x != NULL_J and -_FBIG < y < _FBIG:
            return _f64(x) - y
    elif tx is _f64:
        if ty is _f64:
            if -_FBIG < x < _FBIG and -_FBIG < y < _FBIG:
                return x - y
        elif ty is _i64 and y != NULL_J and -_FBIG < x < _FBIG:
            return x - _f64(y)
    if tx is QDict and ty is QDict and not match(x.keys, y.keys):
        return add(x, neg(y))       # subtract.md: a key only y has gives -y (x+neg y)
    return atomic2(_k_sub, x, y)


def mul(x, y):
    tx, ty = type(x), type(y)
    if tx is _i64:
        if ty is _i64:
            if _LO31 < x < _HI31 and _LO31 < y < _HI31:
                return x * y
        elif ty is _f64 and x != NULL_J and -1e150 < y < 1e150:
            return _f64(x) * y
    elif tx is _f64:
        if ty is _f64:
            if -1e150 < x < 1e150 and -1e150 < y < 1e150:
                return x * y
        elif ty is _i64 and y != NULL_J and -1e150 < x < 1e150:
            return x * _f64(y)
    return atomic2(_k_mul, x, y)


def _fdiv_ok(y) -> bool:
    return y > 1e-150 or y < -1e-150


def div(x, y):
    """`%`: always float."""
    tx, ty = type(x), type(y)
    if tx is _f64:
        if ty is _f64:
            if -1e150 < x < 1e150 and _fdiv_ok(y) and -1e150 < y < 1e150:
                return x / y
        elif ty is _i64 and -1e150 < x < 1e150 and y != 0 and y != NULL_J:
            return x / _f64(y)
    elif tx is _i64 and x != NULL_J:
        if ty is _i64:
            if y != 0 and y != NULL_J:
                return _f64(x) / _f64(y)
        elif ty is _f64 and _fdiv_ok(y) and -1e150 < y < 1e150:
            return _f64(x) / y
    return atomic2(_k_div, x, y)


# ---------------------------------------------------------------------------- div mod xexp xlog

def _k_idiv(x, y):
    tx, ty = _t(x), _t(y)
    if tx in TEMPORAL and ty in NUMERIC:
        # div.md: the left operand's type is kept (2014.10.13 div 365 is 2000.01.15)
        n, _ = _as_number(x, tx)
        r = _arr(_k_idiv(n, y))
        if r.dtype.kind == "f" and tx != 15:
            r = np.where(np.isnan(r), temporal.tm.NULL[tx], r).astype(np.int64)
        out = temporal.tm.from_qnums(r, tx)
        return out[()] if out.ndim == 0 else out
    x, tx = _as_number(x, tx)              # a char divides as its code, giving an int
    y, ty = _as_number(y, ty) if ty == 10 else (y, ty)
    if tx not in NUMERIC or ty not in NUMERIC:
        raise QError("type")
    sc = _both_scalar(x, y)
    x, y = _arr(x), _arr(y)
    # integer division takes the left operand's type (b/x/h -> int): `7h div 3` is 2i
    rt = max(6, tx, ty) if (tx in FLOATS or ty in FLOATS) else max(6, tx)
    dt = TYPE_DTYPE[rt]
    if rt in FLOATS:
        x, y = _conv(x, tx, rt), _conv(y, ty, rt)
        with np.errstate(**_ERR):
            r = np.floor(np.true_divide(x, y))
        return _out(r, sc, dt)
    return _int_divmod(np.floor_divide, x, tx, y, ty, rt, sc)


# mod.md's table for a temporal operand: the result's type by the other operand's kind,
# (int-like: b x h i j and c; float: e f). A temporal mod a number is a span (p -> n) or the
# count's type; a number mod a temporal is that temporal, floats giving floats (datetimes for
# d and z). z gives floats; two temporals are 'type, and d mod e (int, by the table) 'nyi.
_MOD_LEFT = {12: (16, 9), 13: (6, 9), 14: (6, None), 15: (9, 9), 16: (16, 9), 17: (17, 9),
             18: (18, 9), 19: (19, 9)}
_MOD_RIGHT = {12: (12, 9), 13: (13, 9), 14: (14, 15), 15: (15, 15), 16: (16, 9), 17: (17, 9),
              18: (18, 9), 19: (19, 9)}
_MOD_NUMBERS = NUMERIC | {10}


def _temporal_mod(x, tx: int, y, ty: int):
    """x mod y with one temporal operand: computed on q's numbers of both (mod.md)."""
    if tx in TEMPORAL and ty in _MOD_NUMBERS:
        ints, floats = _MOD_LEFT[tx]
        rt = floats if ty in FLOATS else ints
    elif ty in TEMPORAL and tx in _MOD_NUMBERS:
        ints, floats = _MOD_RIGHT[ty]
        rt = floats if tx in FLOATS else ints
    else:
        raise QError("type")
    if rt is None:                  # d mod f: '.' in mod.md's table
        raise QError("type")
    if tx == 14 and ty == 8:        # d mod e: an int by the table, by a rule it leaves open
        raise QError("nyi")
    a, ta = _as_number(x, tx)
    b, tb = _as_number(y, ty)
    if rt in FLOATS or rt == 15:
        a, b = _conv(_arr(a), ta, 9), _conv(_arr(b), tb, 9)
    r = _arr(_k_mod(a, b))
    if rt in TEMPORAL:
        if r.dtype.kind == "f" and rt != 15:
            r = np.where(np.isnan(r), temporal.tm.NULL[rt], r).astype(np.int64)
        elif r.dtype.kind == "i":       # the null of r's own width is rt's null
            r = np.where(r == np.iinfo(r.dtype).min, temporal.tm.NULL[rt], r.astype(np.int64))
        out = temporal.tm.from_qnums(r, rt)
    else:
        out = r.astype(TYPE_DTYPE[rt])
    return out[()] if out.ndim == 0 else out


def _k_mod(x, y):
    tx, ty = _t(x), _t(y)
    if tx in TEMPORAL or ty in TEMPORAL:
        return _temporal_mod(x, tx, y, ty)
    if tx not in NUMERIC or ty not in NUMERIC:
        raise QError("type")
    sc = _both_scalar(x, y)
    x, y = _arr(x), _arr(y)
    # mod keeps the left operand's type (b/x -> int) unless a float is involved
    rt = max(tx, ty) if (tx in FLOATS or ty in FLOATS) else max(6, tx) if tx < 5 else tx
    dt = TYPE_DTYPE[rt]
    if rt in FLOATS:
        x, y = _conv(x, tx, rt), _conv(y, ty, rt)
        with np.errstate(**_ERR):
            r = np.mod(x, y)
        return _out(r, sc, dt)
    return _int_divmod(np.mod, x, tx, y, ty, rt, sc)


def _int_divmod(fn, x, tx, y, ty, rt, sc):
    """Integer div/mod computed in the wider type, nulls (and division by 0) give rt's null."""
    wt = max(6, tx, ty)
    x, y = _conv(x, tx, wt), _conv(y, ty, wt)
    mx, my = _nullmask(x, wt), _nullmask(y, wt)
    with np.errstate(**_ERR):
        r = fn(x, y)
    m = y == 0
    if mx is not None:
        m = m | mx
    if my is not None:
        m = m | my
    dt = TYPE_DTYPE[rt]
    if wt != rt:
        r = r.astype(dt)
    if m.any():
        r = np.where(m, INT_NULL[rt], r)
    return _out(r, sc, dt)


def _float_kernel(fn):
    def kernel(x, y):
        x, tx = _as_number(x, _t(x))
        y, ty = _as_number(y, _t(y))
        if tx not in NUMERIC or ty not in NUMERIC:
            raise QError("type")
        sc = _both_scalar(x, y)
        x, y = _conv(_arr(x), tx, 9), _conv(_arr(y), ty, 9)
        with np.errstate(**_ERR):
            r = fn(x, y)
        return _out(r, sc, np.float64)
    return kernel


# exp.md: "the calculation is performed as exp y * log x", so a negative x gives 0n and an
# integer power can differ from the product in its last digit (2 xexp 3 is 7.9999999999999982).
# The power 0 of 0 is 1, not the formula's exp 0*-0w (lsq.md fits polynomials over x:til 6
# with x xexp/: til n, whose first column is all 1s).
_k_xexp = _float_kernel(lambda b, p: np.where((b == 0) & (p == 0), 1.0, np.exp(p * np.log(b))))
_k_xlog = _float_kernel(lambda b, v: np.log(v) / np.log(b))


def _k_xbar(x, y):
    """x xbar y: y rounded down to a multiple of x (xbar.md), x*floor y%x."""
    tx, ty = _t(x), _t(y)
    sc = _both_scalar(x, y)
    if tx == 16 and ty not in TEMPORAL:         # a timespan step over numbers: its count
        x, tx = _arr(x).view(np.int64), 7
    if tx in TEMPORAL or ty in TEMPORAL:
        if tx not in NUMERIC | TEMPORAL | {10} or ty not in NUMERIC | TEMPORAL | {10}:
            raise QError("type")
        return temporal.xbar(_arr(x), tx, _arr(y), ty, sc)
    if tx == 10 or ty == 10:
        if tx == 10 or ty not in NUMERIC | {10}:
            raise QError("type")
        y, ty = _arr(y).view(np.uint8), 4
    if tx not in NUMERIC or ty not in NUMERIC:
        raise QError("type")
    x, y = _arr(x), _arr(y)
    if tx in FLOATS or ty in FLOATS:
        a, b = _conv(x, tx, 9), _conv(y, ty, 9)
        with np.errstate(**_ERR):
            r = a * np.floor(b / a)
        return _out(r, sc, np.float64)
    rt = max(6, tx, ty)
    a, b = _conv(x, tx, rt), _conv(y, ty, rt)
    m = (b == INT_NULL[rt]) | (a == INT_NULL[rt]) | (a == 0)
    with np.errstate(**_ERR):
        r = a * np.floor_divide(b, np.where(a == 0, 1, a))
    return _out(np.where(m, INT_NULL[rt], r), sc, TYPE_DTYPE[rt])


def xbar(x, y):
    return atomic2(_k_xbar, x, y)


def idiv(x, y):
    if type(x) is _i64 and type(y) is _i64 and y > 0 and x != NULL_J:
        return x // y          # two longs (a loop's `x div n`): numpy's floor division
    return atomic2(_k_idiv, x, y)


def mod(x, y):
    if type(x) is _i64 and type(y) is _i64 and y > 0 and x != NULL_J:
        return x % y           # two longs (a key `x mod n` in a loop): numpy's floor modulo
    return atomic2(_k_mod, x, y)


def xexp(x, y):
    return atomic2(_k_xexp, x, y)


def xlog(x, y):
    return atomic2(_k_xlog, x, y)


# ---------------------------------------------------------------------------- comparisons

def _feq(x, y):
    """Tolerant float equality (nulls equal each other), float64 arrays (`=`, and `~`'s
    floats: float_equal)."""
    with np.errstate(**_ERR):
        d = np.abs(x - y)
        s = np.maximum(np.abs(x), np.abs(y))
        s *= TOL
        r = d <= s
        fin = np.isfinite(d)
        if not fin.all():
            r = np.where(fin, r, (x == y) | (np.isnan(x) & np.isnan(y)))
    return r


def _flt(x, y):
    """Tolerant float x<y with nulls lowest, float64 arrays."""
    with np.errstate(**_ERR):
        d = y - x
        s = np.maximum(np.abs(x), np.abs(y))
        s *= TOL
        r = d > s
        fin = np.isfinite(d)
        if not fin.all():
            xn, yn = np.isnan(x), np.isnan(y)
            r = np.where(fin, r, ((x < y) & np.isinf(d)) | (xn & ~yn))
    return r


def _cmp_prep(x, y):
    """Common representation for comparing simple operands: (x, y, kind) kind in i f s."""
    tx, ty = _t(x), _t(y)
    if tx in TEMPORAL or ty in TEMPORAL:
        if tx == 11 or ty == 11 or not (tx in NUMERIC | TEMPORAL | {10} and
                                          ty in NUMERIC | TEMPORAL | {10}):
            raise QError("type")
        x, tx, y, ty = temporal.compare_operands(_arr(x), tx, _arr(y), ty)
        if tx == 7 and ty == 7:
            return x, y, "i"
    if tx == 11 or ty == 11:
        if tx != ty:
            raise QError("type")
        return x, y, "s"
    if tx == 2 or ty == 2:      # guids compare with guids only, as 128-bit unsigned numbers
        if tx != ty:
            raise QError("type")
        return _guid_ints(x), _guid_ints(y), "i"
    if tx == 10:
        tx = 4
        x = _arr(x).view(np.uint8)
    if ty == 10:
        ty = 4
        y = _arr(y).view(np.uint8)
    if tx not in NUMERIC or ty not in NUMERIC:
        raise QError("type")
    x, y = _arr(x), _arr(y)
    rt = max(tx, ty)
    if rt in FLOATS:
        return _conv(x, tx, 9), _conv(y, ty, 9), "f"
    return _conv(x, tx, rt), _conv(y, ty, rt), "i"


def _guid_ints(g):
    """Guids as Python ints in an object array (their order is their bytes' order)."""
    a = _arr(g)
    flat = [int.from_bytes(bytes(b), "big") for b in a.reshape(-1).view(np.uint8).reshape(-1, 16)]
    return np.array(flat, dtype=object).reshape(a.shape)


_MIRROR = {"eq": "eq", "ne": "ne", "lt": "gt", "gt": "lt", "le": "ge", "ge": "le"}
_ONE_M_TOL = 1.0 - TOL


def _fcmp_scalar(op: str, x: np.ndarray, y: float):
    """Tolerant comparison of a float64 vector x with a float atom y via interval bounds."""
    if y != y:
        if op == "eq":
            return np.isnan(x)
        if op == "ne":
            return ~np.isnan(x)
        if op == "lt":
            return np.zeros(x.shape, dtype=bool)
        if op == "gt":
            return ~np.isnan(x)
        if op == "le":
            return np.isnan(x)
        return np.ones(x.shape, dtype=bool)
    if y > 0 and y != np.inf:
        lo, hi = y * _ONE_M_TOL, y / _ONE_M_TOL
    elif y < 0 and y != -np.inf:
        lo, hi = y / _ONE_M_TOL, y * _ONE_M_TOL
    else:
        lo = hi = y
    if op == "eq":
        return (x >= lo) & (x <= hi)
    if op == "ne":
        return ~((x >= lo) & (x <= hi))
    if op == "lt":
        r = x < lo
        r |= np.isnan(x)
        return r
    if op == "gt":
        return x > hi
    if op == "le":
        r = x <= hi
        r |= np.isnan(x)
        return r
    return x >= lo


def _cmp_kernel(op, iop, fop, sop):
    mop = _MIRROR[op]

    def kernel(x, y):
        sc = _both_scalar(x, y)
        xv, yv, kind = _cmp_prep(x, y)
        if kind == "s":
            if sc:
                return np.bool_(sop(xv, yv))
            if type(xv) is not _nd:
                xv = _sym_full(xv, len(yv))
            if type(yv) is not _nd:
                yv = _sym_full(yv, len(xv))
            return np.asarray(sop(xv, yv), dtype=bool)
        if kind == "i":
            return _out(iop(xv, yv), sc, np.bool_)
        if not sc:
            if yv.ndim == 0:
                return _fcmp_scalar(op, xv, float(yv))
            if xv.ndim == 0:
                return _fcmp_scalar(mop, yv, float(xv))
        return _out(fop(xv, yv), sc, np.bool_)
    return kernel


def _sym_full(s, n):
    a = np.empty(n, dtype=object)
    a[:] = s
    return a


float_equal = _feq

_k_eq = _cmp_kernel("eq", np.equal, _feq, _op.eq)
_k_ne = _cmp_kernel("ne", np.not_equal, lambda a, b: ~_feq(a, b), _op.ne)
_k_lt = _cmp_kernel("lt", np.less, _flt, _op.lt)
_k_gt = _cmp_kernel("gt", np.greater, lambda a, b: _flt(b, a), _op.gt)
_k_le = _cmp_kernel("le", np.less_equal, lambda a, b: _flt(a, b) | _feq(a, b), _op.le)
_k_ge = _cmp_kernel("ge", np.greater_equal, lambda a, b: _flt(b, a) | _feq(a, b), _op.ge)


def tolerant_eq(a: float, b: float) -> bool:
    if a == b:
        return True
    if a != a or b != b:
        return a != a and b != b
    d = abs(a - b)
    return d <= TOL * max(abs(a), abs(b)) and d != float("inf")


def eq(x, y):
    tx = type(x)
    if tx is type(y):
        if tx is _i64:
            return x == y
        if tx is _f64:
            return np.bool_(tolerant_eq(x, y))
    return atomic2(_k_eq, x, y, True)


def ne(x, y):
    tx = type(x)
    if tx is type(y):
        if tx is _i64:
            return x != y
        if tx is _f64:
            return np.bool_(not tolerant_eq(x, y))
    return atomic2(_k_ne, x, y, True)


# integer atoms of one type compare as numbers: their null is the type's least value, which
# is where q orders it (`0h>type x`, funq's daxf, needs no kernel)
_INT_ATOMS = frozenset({np.int64, np.int32, np.int16, np.uint8, np.bool_})


def lt(x, y):
    if type(x) is type(y) and type(x) in _INT_ATOMS:
        return x < y
    return atomic2(_k_lt, x, y, True)


def gt(x, y):
    if type(x) is type(y) and type(x) in _INT_ATOMS:
        return x > y
    return atomic2(_k_gt, x, y, True)


def le(x, y):
    if type(x) is type(y) and type(x) in _INT_ATOMS:
        return x <= y
    return atomic2(_k_le, x, y, True)


def ge(x, y):
    if type(x) is type(y) and type(x) in _INT_ATOMS:
        return x >= y
    return atomic2(_k_ge, x, y, True)


# ---------------------------------------------------------------------------- & | ^

def _minmax_kernel(is_max: bool):
    bop = np.logical_or if is_max else np.logical_and
    iop = np.maximum if is_max else np.minimum
    fop = np.fmax if is_max else np.minimum

    def kernel(x, y):
        tx, ty = _t(x), _t(y)
        sc = _both_scalar(x, y)
        if tx in TEMPORAL or ty in TEMPORAL:
            if not (tx in NUMERIC | TEMPORAL | {10} and ty in NUMERIC | TEMPORAL | {10}):
                raise QError("type")
            return temporal.lesser_greater(is_max, _arr(x), tx, _arr(y), ty, sc)
        if tx == 10 or ty == 10:
            # a char meets a number as its code and stays a char (lesser.md: 98&"c" is "b")
            if tx not in NUMERIC | {10} or ty not in NUMERIC | {10}:
                raise QError("type")
            a = _arr(x).view(np.uint8) if tx == 10 else _conv_char(_arr(x), tx)
            b = _arr(y).view(np.uint8) if ty == 10 else _conv_char(_arr(y), ty)
            r = iop(a, b)
            return _out(_u8_chars(np.asarray(r)), sc, "S1")
        if tx not in NUMERIC or ty not in NUMERIC:
            raise QError("type")
        x, y = _arr(x), _arr(y)
        if tx == 1 and ty == 1:
            return _out(bop(x, y), sc, np.bool_)
        rt = max(tx, ty)
        x, y = _conv(x, tx, rt), _conv(y, ty, rt)
        r = fop(x, y) if rt in FLOATS else iop(x, y)
        return _out(r, sc, TYPE_DTYPE[rt])
    return kernel


def _conv_char(v, t):
    """A number as a char code (`"c"$`: floats round, wider integers keep their low byte)."""
    if t in FLOATS:
        with np.errstate(**_ERR):
            v = np.trunc(v + np.copysign(0.5, v))
        v = np.where(np.isfinite(v), v, 0)
    return v.astype(np.int64).astype(np.uint8)


_k_min = _minmax_kernel(False)
_k_max = _minmax_kernel(True)


def qmin(x, y):
    if type(x) is _i64 and type(y) is _i64:
        return x if x < y else y
    return atomic2(_k_min, x, y)


def qmax(x, y):
    if type(x) is _i64 and type(y) is _i64:
        return x if x > y else y
    return atomic2(_k_max, x, y)


def _k_fill(x, y):
    tx, ty = _t(x), _t(y)
    sc = _both_scalar(x, y)
    if tx in TEMPORAL or ty in TEMPORAL:
        if tx != ty and (tx in TEMPORAL) == (ty in TEMPORAL):
            # two temporal types: fill.md's table mixes some (2024.01.01^0Np), not yet here
            raise QError("nyi")
        if tx != ty:
            return _fill_number_temporal(x, tx, y, ty, sc)
        xa, ya = _arr(x), _arr(y)
        r = np.where(null_mask(np.atleast_1d(ya)).reshape(ya.shape), xa, ya)
        return _out(np.asarray(r, dtype=ya.dtype), sc, ya.dtype)
    if tx == 11 or ty == 11:
        if tx != ty:
            raise QError("type")
        if sc:
            return y if y != "" else x
        xa = x if type(x) is _nd else _sym_full(x, len(y))
        ya = y if type(y) is _nd else _sym_full(y, len(x))
        return np.where(ya == "", xa, ya).astype(object)
    if tx == 10 and ty == 10:
        xa, ya = _arr(x), _arr(y)
        r = np.where(ya == b" ", xa, ya)
        return _out(np.asarray(r, dtype="S1"), sc, "S1")
    if tx not in NUMERIC or ty not in NUMERIC:
        raise QError("type")
    rt = max(tx, ty)
    xa, ya = _conv(_arr(x), tx, rt), _conv(_arr(y), ty, rt)
    if rt in FLOATS:
        m = np.isnan(ya)
    elif rt in INTS:
        m = ya == INT_NULL[rt]
    else:
        return _out(np.broadcast_to(ya, np.broadcast(xa, ya).shape).copy(), sc,
                    TYPE_DTYPE[rt])
    return _out(np.where(m, xa, ya), sc, TYPE_DTYPE[rt])


def _fill_number_temporal(x, tx, y, ty, sc):
    """`x^y` with a number on one side and a temporal on the other: fill.md's domain table
    gives the temporal's type, the number standing for q's number of it (`0^0Nn` is 0D00,
    as pj's `x+0^y[...]` fills a timespan column)."""
    rt, nt = (tx, ty) if tx in TEMPORAL else (ty, tx)
    if nt not in NUMERIC and nt != 10:
        raise QError("type")
    if (tx in FLOATS or ty in FLOATS) and rt != 15:
        raise QError("nyi")     # a float's rounding into a count is not documented
    xn, xt = _as_number(x, tx)
    yn, yt = _as_number(y, ty)
    base = temporal.tm.BASE[rt]
    r = _k_fill(_conv(_arr(xn), xt, base), _conv(_arr(yn), yt, base))
    out = temporal.tm.from_qnums(r, rt)
    return out[()] if sc else out


def fill(x, y):
    return atomic2(_k_fill, x, y)


# ---------------------------------------------------------------------------- monads

def _monad_kernel(fn, out_type=None, allow=NUMERIC):
    """fn(array, t) -> array; out_type None keeps fn's dtype."""
    def kernel(x):
        t = _t(x)
        if t not in allow:
            raise QError("type")
        sc = type(x) is not _nd
        r = fn(_arr(x), t)
        return _out(r, sc, r.dtype if out_type is None else out_type)
    return kernel


def _neg_a(v, t):
    if t in TEMPORAL:           # neg.md: a temporal negates in its own type
        return temporal.from_qnums(np.negative(temporal.qnums(v, t)), t)
    if t in (1, 4):
        v = v.astype(np.int32)
    return np.negative(v)


def _abs_a(v, t):
    if t in TEMPORAL:           # abs.md: a temporal stays its type
        return temporal.from_qnums(np.abs(temporal.qnums(v, t)), t)
    if t in (1, 4):
        v = v.astype(np.int32)
    return np.abs(v)


def _signum_a(v, t):
    if t in TEMPORAL:           # signum.md: the sign of q's number (nulls are -1)
        v, t = temporal.qnums(v, t), temporal.tm.BASE[t]
    if t in (1, 4):             # numpy has no sign of a boolean
        v = v.astype(np.int32)
    if t in FLOATS:
        with np.errstate(**_ERR):
            r = np.sign(v)
        r = np.where(np.isnan(v), -1, r)
        return r.astype(np.int32)
    return np.sign(v).astype(np.int32)


def _not_a(v, t):
    if t == 10:
        v = v.view(np.uint8)
    elif t in TEMPORAL:         # not.md: a temporal is zero at its epoch
        v = temporal.qnums(v, t)
    return v == 0


def _floor_a(v, t, f=np.floor):
    if t in FLOATS:
        with np.errstate(**_ERR):
            # not tolerant since q 3.0 (floor.md, precision.md: floor 1-1e-13 is 0)
            r = f(v.astype(np.float64))
            nan, pinf, ninf = np.isnan(r), r == np.inf, r == -np.inf
            r = np.where(nan | pinf | ninf, 0, np.clip(r, -9.2e18, 9.2e18)).astype(np.int64)
        if nan.any() or pinf.any() or ninf.any():
            r = np.where(nan, INT_NULL[7], np.where(pinf, INT_INF[7],
                                                    np.where(ninf, -INT_INF[7], r)))
        return r
    if t in (1, 4):
        return v.astype(np.int32)
    return v


def _ceil_a(v, t):
    if t in (1, 10):            # ceiling.md: a boolean or a char is its int (neg floor neg x)
        return (v.view(np.uint8) if t == 10 else v).astype(np.int32)
    return _floor_a(v, t, np.ceil)


def _lower_a(v, t):
    """floor.md: a char or symbol floors to its lower case (k's floor of text)."""
    if t == 10:
        return np.char.lower(v)
    return np.array([s.lower() for s in v], dtype=object)


def _to_float(v, t):
    if t in TEMPORAL:           # exp.md, sqrt.md: a temporal is q's number of it
        v, t = temporal.qnums(v, t), temporal.tm.BASE[t]
    return _conv(v, t, 9)


def _fmath(fn):
    def a(v, t):
        with np.errstate(**_ERR):
            return fn(_to_float(v, t))
    return a


def _recip_a(v, t):
    with np.errstate(**_ERR):
        return np.true_divide(1.0, _to_float(v, t))


_k_neg = _monad_kernel(_neg_a, allow=NUMERIC | TEMPORAL)
_k_abs = _monad_kernel(_abs_a, allow=NUMERIC | TEMPORAL)
_k_signum = _monad_kernel(_signum_a, np.int32, NUMERIC | TEMPORAL)
_k_not = _monad_kernel(_not_a, np.bool_, NUMERIC | TEMPORAL | {10})
_k_floor_num = _monad_kernel(lambda v, t: _lower_a(v, t) if t in (10, 11) else _floor_a(v, t),
                             allow=(NUMERIC - {1, 4}) | {10, 11})


def _k_floor(x):
    return x.lower() if isinstance(x, str) else _k_floor_num(x)

_k_ceil = _monad_kernel(_ceil_a, allow=(NUMERIC - {4}) | {10})
_k_recip = _monad_kernel(_recip_a, np.float64)


def neg(x):
    if type(x) is _i64 and x != NULL_J:
        return -x
    if type(x) is _f64:
        return -x
    return atomic1(_k_neg, x)


def _mk1(kernel):
    def f(x):
        return atomic1(kernel, x)
    return f


qabs = _mk1(_k_abs)
signum = _mk1(_k_signum)
qnot = _mk1(_k_not)
floor = _mk1(_k_floor)
ceiling = _mk1(_k_ceil)
reciprocal = _mk1(_k_recip)

MATH = {"exp": np.exp, "log": np.log, "sqrt": np.sqrt, "sin": np.sin, "cos": np.cos,
        "tan": np.tan, "asin": np.arcsin, "acos": np.arccos, "atan": np.arctan}


def _k_null(x):
    if type(x) is _nd:
        t = DTYPE_TYPE.get(x.dtype, 0)
        if t in INTS:
            return x == INT_NULL[t]
        return null_mask(x)
    return np.bool_(is_null(x))


def qnull(x):
    if x is None:
        return np.True_
    if enum_domain(x):
        # null.md: an enumeration is never null, not even of the null symbol (q stores an
        # index; its null stands for out of range)
        return np.zeros(len(x), dtype=bool) if isinstance(x, np.ndarray) else np.False_
    if isinstance(x, list):
        return from_items([qnull(i) for i in x]) if x else []
    if isinstance(x, QDict):
        return QDict(x.keys, qnull(x.values))
    if isinstance(x, QTable):
        return QTable(x.cols, [qnull(c) for c in x.data])
    return atomic1(_k_null, x)


# ---------------------------------------------------------------------------- aggregates

def _agg(vec_fn, list_fn, empty_list=None):
    """An aggregate: vec_fn on simple vectors, list_fn on general lists; dicts use values,
    tables give a dict column -> aggregate, atoms go to vec_fn as 1-item vectors."""
    def f(x):
        if type(x) is _nd:
            return vec_fn(x, DTYPE_TYPE.get(x.dtype, 0))
        if isinstance(x, list):
            if not x:
                if empty_list is None:
                    raise QError("type")
                return empty_list
            return list_fn(x)
        if isinstance(x, QDict):
            return f(x.values)
        if isinstance(x, QTable):
            return QDict(np.array(x.cols, dtype=object), from_items([f(c) for c in x.data]))
        if isinstance(x, SIMPLE):
            return _atom_agg(vec_fn, x)
        raise QError("type")
    return f


def _atom_agg(vec_fn, x):
    t = _t(x)
    if t == 0:
        raise QError("type")
    return vec_fn(_arr(x).reshape(1), t)


def _fold(fn, items):
    r = items[0]
    for v in items[1:]:
        r = fn(r, v)
    return r


def _scan(fn, items):
    out = [items[0]]
    r = items[0]
    for v in items[1:]:
        r = fn(r, v)
        out.append(r)
    return from_items(out)


def _sum_vec(x, t):
    if t in TEMPORAL:
        return temporal.aggregate("sum", x, t)
    if t == 1 or t == 4:
        return np.int32(np.count_nonzero(x) if t == 1 else x.sum(dtype=np.int32))
    if t in INTS:
        n = INT_NULL[t]
        if x.size and not known_null_free(x) and x.min() == n:
            x = x[x != n]
        return x.sum(dtype=x.dtype)
    if t in FLOATS:
        return lane_sum(x)
    raise QError("type")


def lane_sum(x: np.ndarray):
    """q's sum of floats, nulls skipped, in its order of additions (precision.md, "Q SIMD
    sum": {x+y}over{x+y}over 0N 8#x): eight running sums over the rows of 8, then those
    eight added in turn. The items past the last full row go into the first running sums."""
    if len(x) <= _SHORT_SUM and x.dtype == _F64:
        return _lane_sum_short(x)
    if x.size and np.isnan(x).any():
        x = np.where(np.isnan(x), x.dtype.type(0), x)
    pad = -len(x) % 8
    if pad or not len(x):
        x = np.concatenate([x, np.zeros(pad or 8, dtype=x.dtype)])
    with np.errstate(**_ERR):
        lanes = np.add.reduce(x.reshape(-1, 8), axis=0)     # numpy adds the rows in order
        s = lanes[0]
        for v in lanes[1:]:
            s = s + v
    return x.dtype.type(s)


_SHORT_SUM = 128    # doubles up to this many are summed in Python floats: numpy's fixed cost
                    # per call (isnan, pad, reshape, reduce, errstate) is 10x the loop's
_SHORT_PAIRS = 96   # and paired (wavg, wsum) in Python up to this many: a pair costs more


def _lane_sum_short(x: np.ndarray):
    """lane_sum of a short vector of doubles, the same additions in the same order: each lane
    starts at its item in the first row and takes the rows below it in turn (0.0 past the end),
    then the eight lanes are added left to right. Python floats are IEEE doubles, so every
    partial sum, inf included, is the one numpy makes. A null item makes the sum null, so
    only then are the nulls made 0.0 and the sum made again."""
    return np.float64(_lanes_py(x.tolist()))


def _lanes_py(v: list) -> float:
    """lane_sum of a list of Python floats (see _lane_sum_short)."""
    s = _lanes8(v)
    if s != s:
        s = _lanes8([0.0 if a != a else a for a in v])
    return s


def _lanes8(v: list) -> float:
    pad = -len(v) % 8 or (8 if not v else 0)
    if pad:
        v = v + [0.0] * pad
    rows = zip(*[iter(v)] * 8)
    a0, a1, a2, a3, a4, a5, a6, a7 = next(rows)
    for b0, b1, b2, b3, b4, b5, b6, b7 in rows:
        a0 += b0
        a1 += b1
        a2 += b2
        a3 += b3
        a4 += b4
        a5 += b5
        a6 += b6
        a7 += b7
    return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7


def lane_sums(vs: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """lane_sum of each of the consecutive segments of float vector vs (of the given sizes,
    which may be 0): each segment laid out in rows of 8 (zero-filled), its rows added one
    after another, then its 8 lanes in turn. Doubles: one bincount over (segment, lane), which
    adds each lane's items in item order; reals (bincount adds in doubles): a long segment is
    reduced alone (numpy adds the rows of a matrix in order), the short ones together, a row
    at a time."""
    k = len(sizes)
    if vs.dtype == np.float64:
        return _lane_sums_doubles(vs, sizes)
    rows = (sizes + 7) // 8
    rstart = np.zeros(k, dtype=np.int64)
    np.cumsum(rows[:-1], out=rstart[1:])
    start = np.zeros(k, dtype=np.int64)
    np.cumsum(sizes[:-1], out=start[1:])
    grid = np.zeros((int(rows.sum()), 8), dtype=vs.dtype)
    pos = np.arange(len(vs), dtype=np.int64) - np.repeat(start, sizes)
    grid.reshape(-1)[np.repeat(rstart * 8, sizes) + pos] = vs
    lanes = np.zeros((k, 8), dtype=vs.dtype)
    long_ = rows > 256
    with np.errstate(**_ERR):
        for i in np.flatnonzero(long_):
            lanes[i] = np.add.reduce(grid[rstart[i]:rstart[i] + rows[i]], axis=0)
        short = np.flatnonzero(~long_)
        short = short[np.argsort(-rows[short], kind="stable")]     # longest first
        for r in range(int(rows[short].max()) if len(short) else 0):
            live = short[:int(np.count_nonzero(rows[short] > r))]
            lanes[live] += grid[rstart[live] + r]
        out = lanes[:, 0].copy()
        for j in range(1, 8):
            out += lanes[:, j]
    return out


def _lane_sums_doubles(vs: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    k = len(sizes)
    if k == 0:
        return np.zeros(0, dtype=vs.dtype)
    start = np.zeros(k, dtype=np.int64)
    np.cumsum(sizes[:-1], out=start[1:])
    lane = (np.arange(len(vs), dtype=np.int64) - np.repeat(start, sizes)) & 7
    bins = np.repeat(np.arange(k, dtype=np.int64) * 8, sizes) + lane
    lanes = np.bincount(bins, weights=vs, minlength=8 * k).reshape(k, 8)
    out = lanes[:, 0].copy()
    with np.errstate(**_ERR):
        for j in range(1, 8):
            out += lanes[:, j]
    return out


def _prd_vec(x, t):
    if t in (1, 4):
        return np.int32(x.prod(dtype=np.int32))
    if t in INTS:
        n = INT_NULL[t]
        if x.size and x.min() == n:
            x = x[x != n]
        return x.prod(dtype=x.dtype)
    if t in FLOATS:
        with np.errstate(**_ERR):
            return np.nanprod(x, dtype=x.dtype)
    raise QError("type")


def _max_vec(x, t):
    if t in TEMPORAL:
        return temporal.aggregate("max", x, t)
    if t == 1:
        return np.bool_(x.any())
    if t in INTS:
        if not x.size:
            return -INT_INF[t]
        m = x.max()
        return -INT_INF[t] if m == INT_NULL[t] else m
    if t in FLOATS:
        if not x.size:
            return x.dtype.type(-np.inf)
        m = x.max()
        if m != m:
            ok = x[~np.isnan(x)]
            return ok.max() if ok.size else x.dtype.type(-np.inf)
        return m
    if t == 4:
        return x.max() if x.size else np.uint8(0)
    if t == 10:
        return np.bytes_(bytes([x.view(np.uint8).max() if x.size else 32]))
    raise QError("type")


def _min_vec(x, t):
    if t in TEMPORAL:
        return temporal.aggregate("min", x, t)
    if t == 1:
        return np.bool_(x.all())
    if t in INTS:
        if not x.size:
            return INT_INF[t]
        m = x.min()
        if m == INT_NULL[t]:
            ok = x[x != m]
            return ok.min() if ok.size else INT_INF[t]
        return m
    if t in FLOATS:
        if not x.size:
            return x.dtype.type(np.inf)
        m = x.min()
        if m != m:
            ok = x[~np.isnan(x)]
            return ok.min() if ok.size else x.dtype.type(np.inf)
        return m
    if t == 4:
        return x.min() if x.size else np.uint8(255)
    if t == 10:
        return np.bytes_(bytes([x.view(np.uint8).min() if x.size else 32]))
    raise QError("type")


def _avg_vec(x, t):
    if t in TEMPORAL:
        return temporal.aggregate("avg", x, t)
    if t not in NUMERIC:
        raise QError("type")
    if t in INTS:
        n = INT_NULL[t]
        if x.size and x.min() == n:
            x = x[x != n]
    v = x.astype(np.float64)
    if t in FLOATS:
        m = np.isnan(v)
        if m.any():
            v = v[~m]
    if not v.size:
        return np.float64(np.nan)
    with np.errstate(**_ERR):
        return np.float64(lane_sum(v) / v.size)


def _sum_list(x):
    return _fold(add, x)


def _prd_list(x):
    return _fold(mul, x)


def _avg_list(x):
    if all(isinstance(i, SIMPLE) and type(i) is not _nd and _t(i) in NUMERIC for i in x):
        # avg.md: in a mixed list of numeric atoms a null counts as zero, (1;0n;2;3) is 1.5
        v = np.array([_conv(_arr(i), _t(i), 9) for i in x])
        with np.errstate(**_ERR):
            return np.float64(np.where(np.isnan(v), 0.0, v).sum() / v.size)
    return div(_fold(add, x), np.int64(len(x)))


qsum = _agg(_sum_vec, _sum_list, np.int64(0))
prd = _agg(_prd_vec, _prd_list, np.int64(1))
qmaxagg = _agg(_max_vec, lambda x: _fold(qmax, x), -INT_INF[7])
qminagg = _agg(_min_vec, lambda x: _fold(qmin, x), INT_INF[7])
avg = _agg(_avg_vec, _avg_list, np.float64(np.nan))


def _running(vec_fn, dyad):
    """sums/prds/maxs/mins: keep the shape (dicts keep keys, tables keep columns)."""
    def f(x):
        if type(x) is _nd:
            return vec_fn(x, DTYPE_TYPE.get(x.dtype, 0))
        if isinstance(x, list):
            return _scan(dyad, x) if x else []
        if isinstance(x, QDict):
            return QDict(x.keys, f(x.values))
        if isinstance(x, QTable):
            return QTable(x.cols, [f(c) for c in x.data])
        if isinstance(x, SIMPLE):
            if _t(x) == 0:
                raise QError("type")
            return x
        raise QError("type")
    return f


def _cum_vec(x, t, cum, identity):
    """Running sums/products: nulls count as the identity (q's sums/prds skip nulls)."""
    if t in TEMPORAL and cum is np.cumsum and t != 15:
        r = _cum_vec(temporal.qnums(x, t), 6 if t in temporal.tm.NARROW else 7, cum, identity)
        return temporal.from_qnums(r, t)
    if t in (1, 4):
        return cum(x, dtype=np.int32)
    if t in INTS:
        m = _nullmask(x, t)
        if m is not None:
            x = np.where(m, identity, x)
        return cum(x, dtype=x.dtype)
    if t in FLOATS:
        m = np.isnan(x)
        if m.any():
            x = np.where(m, identity, x)
        with np.errstate(**_ERR):
            return cum(x, dtype=x.dtype)
    raise QError("type")


def _sums_vec(x, t):
    return _cum_vec(x, t, np.cumsum, 0)


def _prds_vec(x, t):
    return _cum_vec(x, t, np.cumprod, 1)


def _maxs_vec(x, t):
    """Running maxima; nulls are skipped and leading nulls give -0W (q's documented rule)."""
    if t in TEMPORAL:
        return np.maximum.accumulate(ordered(x)).view(x.dtype) if x.size else x
    if t == 1:
        return np.logical_or.accumulate(x) if x.size else x
    if t == 4:
        return np.maximum.accumulate(x) if x.size else x
    if t in INTS:
        r = np.maximum.accumulate(x) if x.size else x
        return np.where(r == INT_NULL[t], -INT_INF[t], r) if x.size and x[0] == INT_NULL[t] else r
    if t in FLOATS:
        r = np.fmax.accumulate(x) if x.size else x
        return np.where(np.isnan(r), x.dtype.type(-np.inf), r) if x.size and x[0] != x[0] else r
    if t == 10:
        return np.maximum.accumulate(x.view(np.uint8)).view("S1") if x.size else x
    raise QError("type")


def _mins_vec(x, t):
    """Running minima; nulls are skipped and leading nulls give 0W (`mins 0N 5 0N 1 3` is
    `0W 5 5 1 1`)."""
    if t in TEMPORAL:
        return np.minimum.accumulate(ordered(x)).view(x.dtype) if x.size else x
    if t == 1:
        return np.logical_and.accumulate(x) if x.size else x
    if t == 4:
        return np.minimum.accumulate(x) if x.size else x
    if t in INTS:
        m = _nullmask(x, t)
        return np.minimum.accumulate(x if m is None else np.where(m, INT_INF[t], x)) \
            if x.size else x
    if t in FLOATS:
        r = np.fmin.accumulate(x) if x.size else x
        return np.where(np.isnan(r), x.dtype.type(np.inf), r) if x.size and x[0] != x[0] else r
    if t == 10:
        return np.minimum.accumulate(x.view(np.uint8)).view("S1") if x.size else x
    raise QError("type")


sums = _running(_sums_vec, add)
prds = _running(_prds_vec, mul)
maxs = _running(_maxs_vec, qmax)
mins = _running(_mins_vec, qmin)


def _prior(dyad, seed_fn):
    """deltas/ratios: x[i] op x[i-1], the first item against the seed (0 or 1)."""
    def f(x):
        if type(x) is _nd:
            t = DTYPE_TYPE.get(x.dtype, 0)
            if t in TEMPORAL and dyad is sub:
                # deltas.md: the first item is x's own, then x[i]-x[i-1] (a timespan for
                # timestamps, an int for dates: then a general list)
                return from_items([x[0]] + to_items(sub(x[1:], x[:-1]))) if x.size else x
            if t not in NUMERIC:
                raise QError("type")
            if not x.size:
                return dyad(x, x)
            prev = np.concatenate([np.array([seed_fn(t)], dtype=x.dtype), x[:-1]])
            return dyad(x, prev)
        if isinstance(x, list):
            if not x:
                return []
            out = [dyad(x[0], np.int64(seed_fn(7)))]
            out += [dyad(x[i], x[i - 1]) for i in range(1, len(x))]
            return from_items(out)
        if isinstance(x, QDict):
            return QDict(x.keys, f(x.values))
        if isinstance(x, QTable):
            return QTable(x.cols, [f(c) for c in x.data])
        if isinstance(x, SIMPLE):
            return dyad(x, np.int64(seed_fn(7)))
        raise QError("type")
    return f


deltas = _prior(sub, lambda t: 0)
ratios = _prior(div, lambda t: 1)


def _seeded(dyad):
    """deltas[s;x], ratios[s;x]: the first item against s, as x op' prior with seed s."""
    def f(seed, x):
        if not isinstance(x, (np.ndarray, list)):
            return dyad(x, seed)
        if len(x) == 0:
            return x
        items = to_items(x)
        return from_items([dyad(items[0], seed)] + [dyad(items[i], items[i - 1])
                                                    for i in range(1, len(items))])
    return f


deltas2 = _seeded(sub)
ratios2 = _seeded(div)


def fills(x):
    if type(x) is _nd:
        t = DTYPE_TYPE.get(x.dtype, 0)
        m = null_mask(x) if t not in INTS else (x == INT_NULL[t])
        if not m.any():
            return x
        idx = np.where(m, 0, np.arange(len(x)))
        np.maximum.accumulate(idx, out=idx)
        return x[idx]
    if isinstance(x, list):
        return _scan(fill, x) if x else []
    if isinstance(x, QDict):
        return QDict(x.keys, fills(x.values))
    if isinstance(x, QTable):
        return QTable(x.cols, [fills(c) for c in x.data])
    if isinstance(x, SIMPLE):
        return x
    raise QError("type")


def differ(x):
    if enum_domain(x) and isinstance(x, _nd):
        x = plain(x)                  # an enumeration differs where its values do
    if type(x) is _nd:
        if not x.size:
            return np.zeros(0, dtype=bool)
        t = DTYPE_TYPE.get(x.dtype, 0)
        a, b = x[1:], x[:-1]
        if t in FLOATS:
            same = _feq(a.astype(np.float64), b.astype(np.float64))
        else:
            same = np.asarray(ordered(a) == ordered(b), dtype=bool)
        return np.concatenate([[True], ~same])
    if isinstance(x, list):
        if not x:
            return np.zeros(0, dtype=bool)
        return np.array([True] + [not _match_tol(x[i], x[i - 1]) for i in range(1, len(x))])
    if isinstance(x, QDict):
        return QDict(x.keys, differ(x.values))
    if isinstance(x, QTable):
        return differ(to_items(x))
    return np.True_


def _match_tol(a, b) -> bool:
    if isinstance(a, (np.floating,)) and isinstance(b, np.floating) and type(a) is type(b):
        return tolerant_eq(float(a), float(b))
    return match(a, b)


def _to_bool(x):
    """"b"$x for the simple operands all/any see."""
    t = _t(x)
    if t == 1:
        return _arr(x)
    if t == 10:
        return _arr(x).view(np.uint8) != 0
    if t in NUMERIC:
        return _arr(x) != 0
    if t in TEMPORAL:           # all-any.md: a temporal is true when its number is not 0
        return temporal.qnums(_arr(x), t) != 0
    raise QError("type")


def _allany(is_all: bool):
    def f(x):
        if isinstance(x, SIMPLE):
            b = _to_bool(x)
            return np.bool_(b.all() if is_all else b.any())
        if isinstance(x, list):
            if not x:
                return np.bool_(is_all)
            items = [atomic1(lambda v: _out(_to_bool(v), type(v) is not _nd, np.bool_), i)
                     for i in x]
            return _fold(qmin if is_all else qmax, items)
        if isinstance(x, QDict):
            return f(x.values)
        if isinstance(x, QTable):
            return QDict(np.array(x.cols, dtype=object), from_items([f(c) for c in x.data]))
        raise QError("type")
    return f


qall = _allany(True)
qany = _allany(False)


def num_floats(x, name="type"):
    """A simple numeric vector/atom as float64 with nulls as nan."""
    t = _t(x)
    if t not in NUMERIC:
        raise QError("type")
    return _conv(np.atleast_1d(_arr(x)), t, 9)


def stat_floats(x):
    """A numeric or temporal vector/atom as float64 with nulls as nan: the items of var, dev,
    cov and cor, whose domains take a temporal as its underlying numbers (var.md, cov.md)."""
    t = _t(x)
    if t in TEMPORAL:
        v = np.atleast_1d(_arr(x))
        f = temporal.qnums(v, t).astype(np.float64)
        f[temporal.tm.null_mask(v, t)] = np.nan
        return f
    return num_floats(x)


def _stat(fn, floats=num_floats):
    def vec(x, t):
        v = floats(x)
        v = v[~np.isnan(v)]
        with np.errstate(**_ERR):
            return np.float64(fn(v)) if v.size else np.float64(np.nan)
    return _agg(vec, lambda x: _list_stat(vec, x), np.float64(np.nan))


def _list_stat(vec, x):
    # a general list of conforming vectors: statistics column by column (item-wise)
    if all(type(i) is _nd for i in x):
        n = len(x[0])
        if any(len(i) != n for i in x):
            raise QError("length")
        return from_items([vec(np.array([i[j] for i in x]), 0) for j in range(n)])
    return vec(from_items(list(x)), 0) if all(not isinstance(i, (list, _nd)) for i in x) \
        else _raise_type()


def _raise_type():
    raise QError("type")


# var, dev, svar, sdev, cov, scov, cor as their pages define them: var is avg[sqr x]-sqr avg x,
# cov avg[x*y]-avg[x]*avg y, each avg summing in sum's lane order (lane_sum; the grouped fast
# paths use lane_sums on the same items, to the same bits). Both formulas are taken of the items
# less the first one (centred): in exact arithmetic neither changes under a shift, and so a
# constant list has var 0 exactly and a list far from 0 loses no digits to cancellation. What
# rounding still leaves below 0 in var is 0: a variance is never negative, and dev, its square
# root, is then 0, not 0n. svar/scov scale by n%n-1 (n the non-null items or complete pairs:
# var.md's svar of 3 0N 7 is 8), which is 0n for one item (0*0w), as for none.

def centred(v: np.ndarray) -> np.ndarray:
    """v (floats, no nulls) less its first item; less 0 where that item is infinite (the
    formulas then give 0n, as they would on v itself)."""
    if not v.size or not np.isfinite(v[0]):
        return v
    return v - v[0]


def lane_cov(sx, sy, sxy, n):
    """cov.md's avg[x*y]-avg[x]*avg y from the lane sums of n pairs' x, y and x*y (atoms, or
    vectors with one item per group)."""
    with np.errstate(**_ERR):
        return sxy / n - (sx / n) * (sy / n)


def lane_var(s, ss, n):
    """var.md's avg[sqr x]-sqr avg x from the lane sums of n items' x and x*x, at least 0."""
    return np.maximum(lane_cov(s, s, ss, n), 0.0)


def sample(r, n):
    """svar/scov from var/cov r of n items: r*n%n-1."""
    with np.errstate(**_ERR):
        return r * (np.float64(n) / (np.float64(n) - 1))


def _var_n(v):
    d = centred(v)
    with np.errstate(**_ERR):
        return lane_var(lane_sum(d), lane_sum(d * d), d.size), d.size


def _sqrt(r):
    with np.errstate(**_ERR):
        return np.sqrt(r)


# the median of a simple list's non-null items; med itself (tables, lists of lists) is in lists
med_items = _stat(np.median)
var = _stat(lambda v: _var_n(v)[0], stat_floats)
dev = _stat(lambda v: _sqrt(_var_n(v)[0]), stat_floats)
svar = _stat(lambda v: sample(*_var_n(v)), stat_floats)
sdev = _stat(lambda v: _sqrt(sample(*_var_n(v))), stat_floats)


def wsum(x, y):
    """sum x*y; two integer vectors are first made floats (sum.md: 2 3 4 wsum 1 2 4 is 24f)."""
    if type(x) is _nd and type(y) is _nd and x.dtype == _F64 and y.dtype == _F64 \
            and len(x) == len(y) <= _SHORT_PAIRS:
        # short doubles: the products and their lane sum in Python floats (funq's enorm2)
        return np.float64(_lanes_py([a * b for a, b in zip(x.tolist(), y.tolist())]))
    if type(x) is _nd and type(y) is _nd and _t(x) in INTS | {1, 4} and _t(y) in INTS | {1, 4}:
        x, y = _conv(x, _t(x), 9), _conv(y, _t(y), 9)
    return qsum(mul(x, y))


def _pair_floats(x, y):
    """Two numeric (or temporal) vectors of one count as floats, the pairs where either is null
    left out (cor.md, cov.md)."""
    if type(x) is not _nd or type(y) is not _nd:
        raise QError("type")
    if len(x) != len(y):
        raise QError("length")
    a, b = stat_floats(x), stat_floats(y)
    ok = ~(np.isnan(a) | np.isnan(b))
    return (a, b) if ok.all() else (a[ok], b[ok])


def _cov_sums(x, y):
    """The centred complete pairs a, b, with the lane sums of a, b and a*b."""
    a, b = _pair_floats(x, y)
    a, b = centred(a), centred(b)
    with np.errstate(**_ERR):
        return a, b, lane_sum(a), lane_sum(b), lane_sum(a * b)


def cov(x, y):
    a, _, sa, sb, sab = _cov_sums(x, y)
    return np.float64(lane_cov(sa, sb, sab, a.size))


def scov(x, y):
    a, _, sa, sb, sab = _cov_sums(x, y)
    return np.float64(sample(lane_cov(sa, sb, sab, a.size), a.size))


def cor(x, y):
    """cor.md: cov[x;y]%dev[x]*dev y, all three of the complete pairs (1 1 1 cor 1 3 9 is 0n)."""
    a, b, sa, sb, sab = _cov_sums(x, y)
    n = a.size
    with np.errstate(**_ERR):
        return np.float64(lane_cov(sa, sb, sab, n) / (np.sqrt(lane_var(sa, lane_sum(a * a), n))
                                                      * np.sqrt(lane_var(sb, lane_sum(b * b), n))))


def _wavg_short(x, y):
    """wavg of two short vectors of doubles of one count, as the general path makes it: the
    pairs where either is null left out, then (lane sum of the products) % (lane sum of x),
    in Python floats (the same IEEE products and sums); a zero denominator divides in numpy,
    which gives q's infinities and nulls."""
    pairs = [(a, b) for a, b in zip(x.tolist(), y.tolist()) if a == a and b == b]
    if not pairs:
        return np.float64(np.nan)
    num = _lanes_py([a * b for a, b in pairs])
    den = _lanes_py([a for a, _ in pairs])
    if den == 0.0:
        with np.errstate(**_ERR):
            return np.float64(num) / np.float64(den)
    return np.float64(num / den)


def wavg(x, y):
    if type(x) is _nd and type(y) is _nd and x.dtype != object and y.dtype != object:
        if len(x) != len(y):
            raise QError("length")
        if x.dtype == _F64 and y.dtype == _F64 and len(x) <= _SHORT_PAIRS:
            return _wavg_short(x, y)
        a, b = num_floats(x), num_floats(y)
        ok = ~(np.isnan(a) | np.isnan(b))
        if not ok.all():
            a, b = a[ok], b[ok]
        # wavg is (sum x*y)%sum x (wavg.md): both sums in sum's order of additions
        with np.errstate(**_ERR):
            return np.float64(lane_sum(a * b) / lane_sum(a)) if a.size else np.float64(np.nan)
    if isinstance(x, SIMPLE) and type(x) is not _nd and isinstance(y, (list, _nd)):
        x = np.full(len(y), x, dtype=_arr(x).dtype) if not isinstance(x, str) else x
    return div(qsum(mul(x, y)), qsum(x))


# ---------------------------------------------------------------------------- registration



define("+", dyad=add, infix=True,
       doc="x+y  add: numbers by q's type rules; a temporal moves by a number or a span "
           "(date+1 is a date, date+12:30 a timestamp)")
define("-", monad=neg, dyad=sub, infix=True,
       doc="x-y | -x  subtract (timestamp-timestamp is a timespan, date-date an int) / negate")
define("*", dyad=mul, infix=True,
       doc="x*y  multiply (a timespan, minute, second or time times an integer stays a span)")
define("%", monad=reciprocal, dyad=div, infix=True, doc="divide (always float)")
define("&", dyad=qmin, infix=True,
       doc='x&y  lesser / and: a char meets a number as a char (98&"c" is "b"), temporals '
           'in their common type')
define("|", dyad=qmax, infix=True,
       doc="x|y  greater / or: a char meets a number as a char, temporals in their common type")
define("=", dyad=eq, infix=True,
       doc="x=y  equal (tolerant); temporals compare in their common type, nulls equal")
define("<>", qtype=105, dyad=ne, infix=True,
       doc="x<>y  not equal")
define("<", dyad=lt, infix=True,
       doc="x<y  less than (nulls lowest; temporals in their common type)")
define(">", dyad=gt, infix=True,
       doc="x>y  greater than")
define("<=", qtype=105, dyad=le, infix=True,
       doc="x<=y  at most")
define(">=", qtype=105, dyad=ge, infix=True,
       doc="x>=y  at least")
define("^", dyad=fill, infix=True,
       doc="x^y  fill: y with its nulls replaced by x")

define("and", dyad=qmin, infix=True, doc="lesser / and")
define("or", dyad=qmax, infix=True, doc="greater / or")
define("mod", dyad=mod, infix=True, doc="modulus (sign of divisor)")
define("div", dyad=idiv, infix=True, doc="floor division")
define("xexp", dyad=xexp, infix=True, doc="x to the power y")
define("xlog", dyad=xlog, infix=True, doc="log of y base x")
define("wsum", dyad=wsum, infix=True, doc="x wsum y  weighted sum: sum x*y")
define("cov", dyad=cov, infix=True,
       doc="x cov y  covariance: avg[x*y]-avg[x]*avg y of the pairs with no null")
define("scov", dyad=scov, infix=True,
       doc="x scov y  sample covariance: cov[x;y]*n%n-1 of the n pairs with no null")
define("cor", dyad=cor, infix=True,
       doc="x cor y  correlation: cov[x;y]%dev[x]*dev y of the pairs with no null")
define("xbar", dyad=xbar, infix=True,
       doc="x xbar y  y rounded down to a multiple of x (numbers, temporals, timespan steps)")
define("wavg", dyad=wavg, infix=True, doc="weighted average")

define("neg", monad=neg,
       doc="neg x  negate (a temporal keeps its type)")
define("abs", monad=qabs,
       doc="abs x  absolute value (a temporal keeps its type)")
define("not", monad=qnot, doc="logical not")
define("signum", monad=signum,
       doc="signum x  sign as int: -1 0 1 (of a temporal's number; nulls -1)")
define("reciprocal", monad=reciprocal, doc="1%x")
define("floor", monad=floor, doc="floor x  round down (to long; a short or int keeps its type); text to lower case")
define("ceiling", monad=ceiling, doc="ceiling x  round up (to long; a short or int keeps its type; a boolean or char to int)")
define("null", monad=qnull, doc="is null")
for _name, _fn in MATH.items():
    define(_name, monad=_mk1(_monad_kernel(_fmath(_fn), np.float64, NUMERIC | TEMPORAL)),
           doc=_name)

define("sum", monad=qsum,
       doc="sum x  sum, nulls skipped (times sum to a time, dates to a date)")
define("prd", monad=prd, doc="product (nulls skipped)")
define("max", monad=qmaxagg,
       doc="max x  maximum, nulls skipped (-0W of the type when none)")
define("min", monad=qminagg,
       doc="min x  minimum, nulls skipped (0W of the type when none)")
define("avg", monad=avg,
       doc="avg x  mean as float (of a temporal's numbers)")
define("sums", monad=sums,
       doc="sums x  running sums (of times: times)")
define("prds", monad=prds, doc="running products")
define("maxs", monad=maxs, doc="maxs x  running maxima (nulls skipped, leading nulls -0W)")
define("mins", monad=mins, doc="mins x  running minima (nulls skipped, leading nulls 0W)")
define("deltas", monad=deltas, dyad=deltas2,
       doc="deltas x | deltas[s;x]  differences of neighbours (the first from 0, or from s)")
define("ratios", monad=ratios, dyad=ratios2,
       doc="ratios x | ratios[s;x]  ratios of neighbours (the first to 1, or to s)")
define("fills", monad=fills, doc="forward-fill nulls")
define("differ", monad=differ, doc="item differs from the previous one")
define("all", monad=qall, doc="all true")
define("any", monad=qany, doc="any true")
define("var", monad=var, doc="var x  variance: avg[x*x]-sqr avg x of the non-null items")
define("dev", monad=dev, doc="dev x  standard deviation: sqrt var x")
define("svar", monad=svar, doc="svar x  sample variance: var[x]*n%n-1 of the n non-null items")
define("sdev", monad=sdev, doc="sdev x  sample standard deviation: sqrt svar x")
