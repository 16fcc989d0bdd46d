"""What q's primitives do with temporal values: casts between them, field extraction, the type
rules of + - * & | and comparison, xbar, and the clock (.z.p .z.d ...).

All the work is on counts (ktwa.values.temporal: int64 in q's own units from 2000.01.01), so
it stays vectorised. The type rules follow the domain tables of the q reference (add.md,
subtract.md, lesser.md, xbar.md) and the comparison table of basics/comparison.md, written
here as rules rather than tables.
"""
from __future__ import annotations

import time

import numpy as np

from ..errors import QError
from ..values import types as T
from ..values import temporal as tm
from ..values.functions import Definitions
from ..values.temporal import (TEMPORAL, DATED, SPANS, NULL, INF, NS, DAY_NS, DAY_MS, BASE,
                               counts, from_counts, qnums, from_qnums)

define = Definitions()

I64 = np.int64
INTLIKE = frozenset((1, 4, 5, 6, 7, 10))     # b x h i j, and c by its code
FLOATS = frozenset((8, 9))
_ERR = dict(all="ignore")


def _special(c: np.ndarray, t: int):
    """(null, +inf, -inf) masks of counts of type t."""
    return c == NULL[t], c == INF[t], c == -INF[t]


def _restore(r: np.ndarray, masks, rt: int) -> np.ndarray:
    """r with nulls and infinities of the source put back as rt's."""
    null, pinf, ninf = masks
    if null.any() or pinf.any() or ninf.any():
        r = np.where(null, NULL[rt], np.where(pinf, INF[rt], np.where(ninf, -INF[rt], r)))
    return r


def _scale(c: np.ndarray, k: int, rt: int) -> np.ndarray:
    """c*k saturating at rt's infinities (a date beyond the timestamp range is +-0Wp, as q)."""
    lim = INF[rt] // k
    with np.errstate(**_ERR):
        r = c * k
    big = (c > lim) | (c < -lim)
    return np.where(big, np.where(c > 0, INF[rt], -INF[rt]), r) if big.any() else r


def _month_days(months: np.ndarray) -> np.ndarray:
    """Day counts of the first of each month count."""
    return (months + 360).astype("M8[M]").astype("M8[D]").astype(I64) - tm.EPOCH_1970


def _day_months(days: np.ndarray) -> np.ndarray:
    """Month counts of day counts."""
    return (days + tm.EPOCH_1970).astype("M8[D]").astype("M8[M]").astype(I64) - 360


def _days(c: np.ndarray, t: int) -> np.ndarray:
    """Day counts (floor) of dated counts."""
    if t == 14:
        return c
    if t == 13:
        return _month_days(c)
    return np.floor_divide(c, DAY_NS if t == 12 else DAY_MS)


def _from_days(days: np.ndarray, rt: int) -> np.ndarray:
    if rt == 14:
        return days
    if rt == 13:
        return _day_months(days)
    return _scale(days, DAY_NS if rt == 12 else DAY_MS, rt)


def _span_units(c: np.ndarray, unit_ns: int, rt: int) -> np.ndarray:
    """Counts of rt (a span type) from counts of a span of unit_ns nanoseconds (floor)."""
    if unit_ns >= NS[rt]:
        return _scale(c, unit_ns // NS[rt], rt)
    return np.floor_divide(c, NS[rt] // unit_ns)


def convert_counts(c: np.ndarray, t: int, rt: int) -> np.ndarray:
    """Counts of type rt for counts c of type t: `rt$x` between temporal types. Narrower types
    floor (q: the hour we are in); timestamps and datetimes give their time of day to the span
    types; dates and months have no time of day ('type). Nulls and infinities stay such (the
    reference is silent on temporal infinities; they map to rt's)."""
    if t == rt:
        return c
    masks = _special(c, t)
    c0 = np.where(masks[0] | masks[1] | masks[2], 0, c)
    if t in (12, 15) and rt in (12, 15):
        r = _scale(c0, 10**6, 12) if rt == 12 else np.floor_divide(c0, 10**6)
    elif t in DATED and rt in DATED:
        r = _from_days(_days(c0, t), rt)
    elif t in SPANS and rt in SPANS:
        r = _span_units(c0, NS[t], rt)
    elif t in (12, 15) and rt in SPANS:
        per_day = DAY_NS if t == 12 else DAY_MS
        r = _span_units(np.mod(c0, per_day), NS[t], rt)
    else:
        raise QError("type")
    if rt in tm.NARROW:
        r = r.astype(np.int32).astype(I64)      # q's 4-byte types keep 32 bits
    return _restore(r, masks, rt)


def convert(v, t: int, rt: int):
    """`rt$v` for a temporal array or atom v of type t."""
    return from_counts(convert_counts(counts(v), t, rt), rt)


# ---------------------------------------------------------------------------------------------
# fields: `year$x, x.year, `hh$x ...

FIELDS = ("year", "mm", "dd", "hh", "uu", "ss", "week")


def field(name: str, v, t: int):
    """`name$v for the field names year mm dd hh uu ss week (type names are casts)."""
    c = counts(v)
    null = c == NULL[t]
    if name in ("year", "mm", "dd", "week"):
        if t not in DATED:
            raise QError("type")
        days = _days(np.where(null, 0, c), t)
        if name == "week":          # the Monday on or before (2000.01.03 was a Monday)
            r = days - np.mod(days - 2, 7)
            if t == 13:
                raise QError("type")
            return from_counts(np.where(null, NULL[14], r), 14)
        if t == 13 and name == "dd":
            raise QError("type")
        y, m, d = tm.civil(days)
        r = {"year": y, "mm": m, "dd": d}[name]
    else:
        if t in (13, 14):
            raise QError("type")
        unit = NS[t]
        c0 = np.where(null, 0, c)
        if t in (12, 15):
            c0 = np.mod(c0, DAY_NS if t == 12 else DAY_MS)
        secs = np.floor_divide(c0, 10**9 // unit) if unit < 10**9 else c0 * (unit // 10**9)
        r = {"hh": np.floor_divide(secs, 3600), "uu": np.mod(np.floor_divide(secs, 60), 60),
             "ss": np.mod(secs, 60)}[name]
    r = np.where(null, -2**31, r).astype(np.int32)
    return r[()] if r.ndim == 0 else r


# ---------------------------------------------------------------------------------------------
# type rules

def _finer(a: int, b: int) -> int:
    """The span type of the finer unit (n t v u)."""
    return a if NS[a] <= NS[b] else b


def common_type(a: int, b: int) -> int:
    """The type two temporal values are compared (and & | taken) in, or 0 when q does not
    support the pair (basics/comparison.md)."""
    if a == b:
        return a
    if 12 in (a, b):
        o = b if a == 12 else a
        return 12 if o in DATED else o
    if {a, b} == {13, 14}:
        return 14
    if {a, b} == {14, 15}:
        return 15
    if a in SPANS and b in SPANS:
        return _finer(a, b)
    if 15 in (a, b):
        o = b if a == 15 else a
        return o if o in SPANS else 0
    return 0


def sum_type(op: str, a: int, b: int) -> int:
    """Result type of a+b / a-b with at least one temporal operand (add.md, subtract.md), 0 for
    'type. e (real) operands are left out: how q rounds them is not documented ('nyi)."""
    if a in TEMPORAL and b in TEMPORAL:
        if a == b:
            if a in SPANS:
                return a
            return {12: 16, 13: 6, 14: 6, 15: 9}[a]
        if a in SPANS and b in SPANS:
            return _finer(a, b)
        if a in SPANS or b in SPANS:
            span, dated = (a, b) if a in SPANS else (b, a)
            if dated == 15:
                return 12 if span == 16 else 15
            return 12
        return 0
    tt, o = (a, b) if a in TEMPORAL else (b, a)
    if o in INTLIKE:
        return tt
    if o == 9:
        return 15 if tt in (14, 15) else 9
    return 0


def _unit_counts(v, t: int, rt: int) -> np.ndarray:
    """Counts of a temporal operand in the units of result type rt (rt finer or equal)."""
    c = counts(v)
    if t == rt or (t == 12 and rt == 16):      # p+p, p-p: nanoseconds as they are
        return c
    if rt == 12:
        masks = _special(c, t)
        c0 = np.where(masks[0] | masks[1] | masks[2], 0, c)
        if t in DATED:
            return _restore(_from_days(_days(c0, t), 12) if t != 15 else _scale(c0, 10**6, 12),
                            masks, 12)
        return _restore(_scale(c0, NS[t], 12), masks, 12)
    return convert_counts(c, t, rt)


def _nulls(v, t: int) -> np.ndarray:
    """Null mask of a numeric or temporal operand."""
    if t in TEMPORAL:
        return counts(v) == NULL[t]
    a = np.asarray(v)
    if t in FLOATS:
        return np.isnan(a)
    if t in (5, 6, 7):
        return a == np.iinfo(a.dtype).min
    return np.zeros(a.shape, dtype=bool)


def _plain(v, t: int) -> np.ndarray:
    """A number operand as int64 (chars by their code)."""
    a = np.asarray(v)
    if t == 10:
        a = a.view(np.uint8)
    return a.astype(I64)


def _out(r, scalar: bool):
    return r[()] if scalar and isinstance(r, np.ndarray) and r.ndim == 0 else r


def arith(op: str, x, tx: int, y, ty: int, scalar: bool):
    """x+y, x-y, x*y with a temporal operand."""
    if op == "*":
        return _times(x, tx, y, ty, scalar)
    rt = sum_type(op, tx, ty)
    if not rt:
        raise QError("nyi" if 8 in (tx, ty) else "type")
    fn = np.add if op == "+" else np.subtract
    quick = _shift(op, x, tx, y, ty, rt)
    if quick is not None:
        return quick
    null = _nulls(x, tx) | _nulls(y, ty)
    if rt in FLOATS or rt == 15:
        unit = 15 if rt == 15 else None
        a, b = _floats(x, tx, unit), _floats(y, ty, unit)
        with np.errstate(**_ERR):
            r = fn(a, b)
        r = np.where(null, np.nan, r)
        return _out(from_qnums(r, 15) if rt == 15 else r.astype(np.float64), scalar)
    if rt == 6:                                 # d-d, m-m: a count of days or months
        with np.errstate(**_ERR):
            r = fn(qnums(x, tx), qnums(y, ty))
        return _out(np.where(null, np.int32(-2**31), r).astype(np.int32), scalar)
    a = _unit_counts(x, tx, rt) if tx in TEMPORAL else _plain(x, tx)
    b = _unit_counts(y, ty, rt) if ty in TEMPORAL else _plain(y, ty)
    with np.errstate(**_ERR):
        r = fn(a, b)
    if rt in tm.NARROW:
        r = r.astype(np.int32).astype(I64)
    return _out(from_counts(np.where(null, NULL[rt], r), rt), scalar)


_I32_MAX = 2**31 - 1


def _shift(op: str, x, tx: int, y, ty: int, rt: int):
    """d+1, 1+d, d-1 (a 4-byte temporal vector and an integer atom, q's commonest temporal
    sum) in one pass, when no item is null and none leaves the int32 range: two reductions
    prove it; otherwise None, and the general path applies q's nulls and int32 wrap."""
    if rt not in tm.NARROW or ty == rt and op == "-":
        return None
    if tx == rt and ty in (5, 6, 7):
        v, k = x, y
    elif ty == rt and tx in (5, 6, 7) and op == "+":
        v, k = y, x
    else:
        return None
    if not isinstance(v, np.ndarray) or v.ndim != 1 or not v.size or np.ndim(k):
        return None
    k = int(k)
    if k == np.iinfo(np.asarray(y if v is x else x).dtype).min:     # the integer null
        return None
    k = k if op == "+" else -k
    c = counts(v)
    lo, hi = int(c.min()), int(c.max())
    if lo == NULL[rt] or lo + k <= NULL[rt] or hi + k > _I32_MAX:
        return None
    return from_counts(c + k, rt)


def _floats(v, t: int, unit):
    """An operand as float: q's number, or with unit 15 as days for datetime arithmetic."""
    if t in TEMPORAL:
        if unit == 15 and t in SPANS:
            f = counts(v).astype(np.float64) * (NS[t] / DAY_NS)
            return np.where(counts(v) == NULL[t], np.nan, f)
        return np.where(counts(v) == NULL[t], np.nan, qnums(v, t).astype(np.float64))
    a = np.asarray(v)
    if t == 10:
        a = a.view(np.uint8)
    return np.where(_nulls(v, t), np.nan, a.astype(np.float64))


def _times(x, tx, y, ty, scalar):
    """A temporal times an integer is that temporal, computed on q's number of it (math.md:
    2017.12m*0 1 2 is 2000.01 2017.12 2035.11m; timespan*int, 2*12:00). A temporal times a
    float is a float, q's number of it times the float (1e-9*0D00:00:02 is 2f), except that
    a date or datetime gives a datetime (multiply.md's table). Datetime times an integer,
    reals (their rounding is not documented) and other temporal products are 'nyi."""
    if (tx == 9 and ty in TEMPORAL) or (ty == 9 and tx in TEMPORAL):
        r = _floats(x, tx, None) * _floats(y, ty, None)
        return _out(from_qnums(r, 15) if {tx, ty} & {14, 15} else r, scalar)
    whole = TEMPORAL - {15}
    if tx in whole and ty in INTLIKE - {10}:
        (v, t), (k, kt) = (x, tx), (y, ty)
    elif ty in whole and tx in INTLIKE - {10}:
        (v, t), (k, kt) = (y, ty), (x, tx)
    else:
        raise QError("nyi")
    null = _nulls(v, t) | _nulls(k, kt)
    with np.errstate(**_ERR):
        r = counts(v) * _plain(k, kt)
    if t in tm.NARROW:
        r = r.astype(np.int32).astype(I64)
    return _out(from_counts(np.where(null, NULL[t], r), t), scalar)


def compare_operands(x, tx: int, y, ty: int):
    """(a, ta, b, tb) to compare x and y: temporal pairs as int64 counts of their common type
    (kind i), a temporal against a number by q's underlying number."""
    if tx in TEMPORAL and ty in TEMPORAL:
        rt = common_type(tx, ty)
        if not rt:
            raise QError("type")
        return (convert_counts(counts(x), tx, rt), 7, convert_counts(counts(y), ty, rt), 7)
    if tx in TEMPORAL:
        return qnums(x, tx), BASE[tx], np.asarray(y), ty
    return np.asarray(x), tx, qnums(y, ty), BASE[ty]


def lesser_greater(is_max: bool, x, tx: int, y, ty: int, scalar: bool):
    """x&y, x|y with a temporal operand (lesser.md): two temporals meet in their common type;
    a temporal and a number give the temporal."""
    if tx in TEMPORAL and ty in TEMPORAL:
        rt = common_type(tx, ty)
        if not rt:
            raise QError("type")
        a, b = convert_counts(counts(x), tx, rt), convert_counts(counts(y), ty, rt)
    else:
        rt = tx if tx in TEMPORAL else ty
        if (ty if tx in TEMPORAL else tx) in FLOATS and rt != 15:
            raise QError("nyi")
        if rt == 15:
            a, b = _floats(x, tx, None), _floats(y, ty, None)
            r = np.fmax(a, b) if is_max else np.where(np.isnan(a) | np.isnan(b), np.nan,
                                                         np.minimum(a, b))
            return _out(from_qnums(r, 15), scalar)
        a = counts(x) if tx in TEMPORAL else np.where(_nulls(x, tx), NULL[rt], _plain(x, tx))
        b = counts(y) if ty in TEMPORAL else np.where(_nulls(y, ty), NULL[rt], _plain(y, ty))
    r = np.maximum(a, b) if is_max else np.minimum(a, b)
    return _out(from_counts(r, rt), scalar)


# ---------------------------------------------------------------------------------------------
# aggregates (sum min max avg): q keeps the temporal type for sum min max, avg is a float

def aggregate(name: str, v: np.ndarray, t: int):
    c = counts(v)
    ok = c != NULL[t]
    if name == "avg":
        f = qnums(v[ok], t).astype(np.float64)
        return np.float64(f.sum() / f.size) if f.size else np.float64(np.nan)
    if name == "sum":
        if t == 15:
            return from_qnums(np.nansum(qnums(v, t)), 15)
        s = c[ok].sum(dtype=I64)
        if t in tm.NARROW:
            s = np.int64(np.int32(s))
        return tm.atom(t, int(s))
    c = c[ok]
    if not c.size:
        return tm.inf(t, -1 if name == "max" else 1)
    return tm.atom(t, int(c.max() if name == "max" else c.min()))


# ---------------------------------------------------------------------------------------------
# xbar: x*y div x on q's numbers, in y's type

def xbar(x, tx: int, y, ty: int, scalar: bool):
    """x xbar y where y is temporal, or x is a timespan (xbar.md)."""
    if tx == 16 and ty in TEMPORAL:
        if ty == 13:
            raise QError("nyi")
        step = counts(x)
        unit = NS[ty]
        if ty == 15:
            unit = 10**6
        if np.any(step % unit):
            raise QError("nyi")         # a step finer than y's unit: not documented
        step = step // unit
        return _bar_counts(counts(y), ty, step, scalar)
    if tx == ty and ty in (17, 18, 19):
        # a time of day by a step of its own type: q's xbar is x*y div x on the counts
        # (`00:05 xbar 12:34` is 12:30, `00:00:05 xbar time.second`)
        return _bar_counts(counts(y), ty, counts(x), scalar)
    if ty not in TEMPORAL or tx in TEMPORAL:
        raise QError("type")
    if tx in FLOATS:
        f = _floats(y, ty, None)
        step = np.asarray(x, dtype=np.float64)
        with np.errstate(**_ERR):
            r = step * np.floor(f / step)
        # f xbar d and f xbar z are datetimes (days), other temporals give floats (xbar.md)
        return _out(from_qnums(r, 15) if ty in (14, 15) else r, scalar)
    if tx not in INTLIKE:
        raise QError("type")
    step = _plain(x, tx)
    if ty == 15:
        step = step * DAY_MS
    return _bar_counts(counts(y), ty, step, scalar)


def _bar_counts(c, t, step, scalar):
    null = c == NULL[t]
    with np.errstate(**_ERR):
        r = np.where(step == 0, NULL[t], step * np.floor_divide(c, np.where(step == 0, 1, step)))
    return _out(from_counts(np.where(null, NULL[t], r), t), scalar)


# ---------------------------------------------------------------------------------------------
# the clock: .z.p .z.P .z.n .z.N .z.z .z.Z .z.d .z.D .z.t .z.T

_EPOCH_NS = tm.EPOCH_1970 * DAY_NS


def _now_ns(local: bool, offset: int | None = None) -> int:
    """Nanoseconds since 2000.01.01, UTC or local: `offset` minutes ahead of UTC (`\\o`), or
    when None the OS's offset, as q."""
    ns = time.time_ns()
    if local:
        ns += (time.localtime(ns // 10**9).tm_gmtoff if offset is None else offset * 60) * 10**9
    return ns - _EPOCH_NS


def _clock(rt: int, local: bool):
    def now(offset: int | None = None):
        return from_counts(convert_counts(np.array(_now_ns(local, offset), dtype=I64), 12, rt),
                           rt)
    return now


# the providers the evaluator looks `.z.?` names up in: each takes `\o`'s offset (None: the
# OS's), which only the local ones (.z.P .z.N ...) use
CLOCK = {".z.p": _clock(12, False), ".z.P": _clock(12, True),
         ".z.n": _clock(16, False), ".z.N": _clock(16, True),
         ".z.z": _clock(15, False), ".z.Z": _clock(15, True),
         ".z.d": _clock(14, False), ".z.D": _clock(14, True),
         ".z.t": _clock(19, False), ".z.T": _clock(19, True)}


# ---------------------------------------------------------------------------------------------
# time zones: gtime ltime (the OS's zone rules, as q: UTC offsets change with summer time)

def _offset_s(utc_s: int) -> int:
    """The local zone's offset from UTC, in seconds, at this UTC instant."""
    return time.localtime(utc_s).tm_gmtoff


def _shift_zone(x, to_utc: bool):
    """Timestamps or datetimes moved between local time and UTC (nulls and infinities kept)."""
    t = abs(T.qtype(x))
    if t not in (12, 15):
        raise QError("type")
    c = counts(x)
    masks = _special(c, t)
    per_s = NS[18] // NS[t]                 # counts in a second
    epoch_s = tm.EPOCH_1970 * 86_400        # 1970 to 2000 in seconds

    def shift(k: int) -> int:
        s = k // per_s + epoch_s
        if to_utc:                          # the offset in force at the UTC instant we land on
            off = _offset_s(s - _offset_s(s))
            return k - off * per_s
        return k + _offset_s(s) * per_s
    flat = np.array([shift(int(k)) for k in np.ravel(c)], dtype=I64).reshape(c.shape)
    return from_counts(_restore(flat, masks, t), t)


define("gtime", monad=lambda x: _shift_zone(x, True),
       doc="gtime ts  the UTC timestamp (or datetime) of local timestamp ts")
define("ltime", monad=lambda x: _shift_zone(x, False),
       doc="ltime ts  the local timestamp (or datetime) of UTC timestamp ts")
