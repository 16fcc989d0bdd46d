"""Joins: lj ljf ij ijf ej uj ujf pj, the as-of joins aj aj0 ajf ajf0 and asof, and the
window joins wj wj1.

Rows are matched through ktwa.verbs.rows (integer row codes, no per-row Python tuples). The
as-of search ranks the time column jointly over both tables so that one searchsorted over
(group code, time rank) finds, for every left row, the last right row of its group at or
before its time.

Where q accepts the name of a table on the left (lj pj aj ..., since 4.1), the global is
updated in place and the name returned.
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.functions import Definitions
from ..values.types import (SYM, QDict, QTable, count, from_items, is_keyed, null_mask, to_items)
from . import arith, lists
from .index import take_pos
from .rows import find_rows, hay_codes, row_codes
from .tables import _names, _table, rekey, unkey

define = Definitions()

I64 = np.int64


def _columns(t: QTable, names: list) -> list:
    out = []
    for c in names:
        col = t.column(c)
        if col is None:
            raise QError(c)
        out.append(col)
    return out


def _keep_keys(fn):
    """A join on x's rows keeps x's keys: an x keyed table joins as its unkeyed rows."""
    def f(x, y):
        if is_keyed(x):
            return rekey(fn(unkey(x), y), x.keys.cols)
        if not isinstance(x, QTable):
            raise QError("type")
        return fn(x, y)
    return f


def _by_name(fn):
    """x f y where x may name a global table (q 4.1): the global takes the result."""
    def f(ctx, x, y):
        if isinstance(x, str):
            ctx.set_global(x, fn(ctx.get_global(x), y))
            return x
        return fn(x, y)
    return f


def _overlay(base, over, mask: np.ndarray, keep_nulls: bool):
    """base with the items of `over` where mask (and, with keep_nulls False, where `over` is
    not null): a column updated from a joined table."""
    if not keep_nulls and isinstance(over, np.ndarray):
        mask = mask & ~null_mask(over)
    if not mask.any():
        return base
    if isinstance(base, np.ndarray) and isinstance(over, np.ndarray) \
            and base.dtype == over.dtype:
        out = base.copy()
        out[mask] = over[mask]
        return out
    b, o = to_items(base), to_items(over)
    return from_items([o[k] if m else b[k] for k, m in enumerate(mask.tolist())])


def _key_rows(x: QTable, y) -> np.ndarray:
    """For each row of x, the row of keyed table y with the same key (-1 if none)."""
    if not is_keyed(y):
        raise QError("type")
    return find_rows(y.keys.data, _columns(x, y.keys.cols))


def _left(x: QTable, y, keep_nulls: bool, pos=None):
    """lj / ljf: x's rows with y's values where y's key matches (at pos, when known)."""
    if isinstance(y, list) and not y:
        return x
    if pos is None:
        pos = _key_rows(x, y)
    found = pos >= 0
    cols, data = list(x.cols), list(x.data)
    for c, v in zip(y.values.cols, y.values.data):
        taken = take_pos(v, pos)
        if c in cols:
            j = cols.index(c)
            data[j] = _overlay(data[j], taken, found, keep_nulls)
        else:
            cols.append(c)
            data.append(taken)
    return QTable(cols, data)


def lj(x, y):
    return _left(x, y, True)


def ljf(x, y):
    return _left(x, y, False)


def _inner(x: QTable, y, keep_nulls: bool):
    pos = _key_rows(x, y)
    rows = np.flatnonzero(pos >= 0).astype(I64)
    return _left(take_pos(x, rows), y, keep_nulls, pos[rows])


def ij(x, y):
    return _inner(x, y, True)


def ijf(x, y):
    return _inner(x, y, False)


def ej(c, x, y):
    """ej[c;x;y]: for each row of y, each row of x equal on columns c, joined (y's values
    win on common columns)."""
    names = _names(c)
    x, y = _table(x), _table(y)
    cx, cy = row_codes(_columns(x, names), _columns(y, names))
    order = np.argsort(cx, kind="stable").astype(I64)
    sx = cx[order]
    lo = np.searchsorted(sx, cy, side="left")
    hi = np.searchsorted(sx, cy, side="right")
    n = hi - lo
    yrows = np.repeat(np.arange(len(y), dtype=I64), n)
    # for each y row, the positions lo..hi-1 of its matches in x's sorted order
    starts = np.repeat(lo - np.concatenate([[0], np.cumsum(n)[:-1]]), n) if len(n) else lo
    xrows = order[starts + np.arange(len(yrows), dtype=I64)] if len(yrows) else yrows
    left, right = take_pos(x, xrows), take_pos(y, yrows)
    cols, data = list(left.cols), list(left.data)
    for col, v in zip(right.cols, right.data):
        if col in cols:
            data[cols.index(col)] = v
        else:
            cols.append(col)
            data.append(v)
    return QTable(cols, data)


def _union_rows(x: QTable, y: QTable) -> QTable:
    """x's rows then y's, over the union of their columns (nulls where a table lacks one)."""
    cols = list(x.cols) + [c for c in y.cols if c not in x.cols]
    nx, ny = len(x), len(y)
    none = np.full(ny, -1, dtype=I64)
    data = []
    for c in cols:
        a, b = x.column(c), y.column(c)
        if a is None:
            a = take_pos(b, np.full(nx, -1, dtype=I64))
        if b is None:
            b = take_pos(a, none)
        data.append(lists.join(a, b))
    return QTable(cols, data)


def _union(x, y, keep_nulls: bool):
    if is_keyed(x) and is_keyed(y):
        if x.keys.cols != y.keys.cols:
            raise QError("mismatch")
        kc = x.keys.cols
        tx, ty = unkey(x), unkey(y)
        pos = find_rows(tx.data[:len(kc)], ty.data[:len(kc)])
        fresh = np.flatnonzero(pos < 0).astype(I64)
        joined = _left(tx, QDict(y.keys, y.values), keep_nulls)
        return rekey(_union_rows(joined, take_pos(ty, fresh)), kc)
    if isinstance(x, QTable) and isinstance(y, QTable):
        return _union_rows(x, y)
    raise QError("type")


def uj(x, y):
    return _union(x, y, True)


def ujf(x, y):
    return _union(x, y, False)


def pj(x: QTable, y):
    """x pj y: x plus y's values where y's key matches (0 where it does not)."""
    pos = _key_rows(x, y)
    cols, data = list(x.cols), list(x.data)
    zero = np.int64(0)
    for c, v in zip(y.values.cols, y.values.data):
        taken = arith.fill(zero, take_pos(v, pos))
        if c in cols:
            j = cols.index(c)
            data[j] = arith.add(data[j], taken)
        else:
            cols.append(c)
            data.append(taken)
    return QTable(cols, data)


# ---------------------------------------------------------------------------------------------
# as-of


def _time_ranks(a, b):
    """Dense ranks of the items of two time (sortable simple) columns, jointly."""
    if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)) or a.dtype != b.dtype \
            or a.dtype == SYM:
        raise QError("type")
    r = np.unique(np.concatenate([a, b]), return_inverse=True)[1].reshape(-1).astype(I64)
    return r[:len(a)], r[len(a):]


def _group_time_keys(cl, tl, cr, tr):
    """Integer keys ordering (group code, time) alike for both sides: the times themselves
    when they are integers of a small enough range, else their joint ranks."""
    if isinstance(tl, np.ndarray) and isinstance(tr, np.ndarray) and tl.dtype == tr.dtype \
            and tl.dtype.kind in "iu" and len(tl) and len(tr):
        lo = min(int(tl.min()), int(tr.min()))
        span = max(int(tl.max()), int(tr.max())) - lo + 1
        groups = int(max(cr.max(initial=0), cl.max(initial=0))) + 2
        if span * groups < 2 ** 62:
            return cl * span + (tl.astype(I64) - lo), cr * span + (tr.astype(I64) - lo), span
    rl, rr = _time_ranks(tl, tr)
    span = int(max(rl.max(initial=-1), rr.max(initial=-1))) + 2
    return cl * span + rl, cr * span + rr, span


def asof_rows(eq_left: list, t_left, eq_right: list, t_right) -> np.ndarray:
    """For each left row, the last right row equal on the eq columns whose time is at or
    before the left row's time (-1 if none)."""
    cr, cl = hay_codes(eq_right, eq_left) if eq_left else (
        np.zeros(count(t_right), dtype=I64), np.zeros(count(t_left), dtype=I64))
    kl, kr, span = _group_time_keys(np.maximum(cl, 0), t_left, cr, t_right)
    order = np.argsort(kr, kind="stable").astype(I64)
    at = np.searchsorted(kr[order], kl, side="right") - 1
    hit = np.where(at >= 0, order[np.maximum(at, 0)], -1)
    # the row found must be of the same group (and the left row's group must exist at all)
    same = (at >= 0) & (cl >= 0) & (cr[np.maximum(hit, 0)] == cl)
    return np.where(same, hit, -1).astype(I64)


def _asof_join(c, t1, t2, actual_time: bool, keep_nulls: bool):
    names = _names(c)
    if not names:
        raise QError("length")
    keyed = is_keyed(t1)
    x, y = _table(t1), _table(t2)
    tname = names[-1]
    rows = asof_rows(_columns(x, names[:-1]), _columns(x, [tname])[0],
                     _columns(y, names[:-1]), _columns(y, [tname])[0])
    found = rows >= 0
    skip = set(names[:-1]) | (set() if actual_time else {tname})
    cols, data = list(x.cols), list(x.data)
    for col, v in zip(y.cols, y.data):
        if col in skip:
            continue
        taken = take_pos(v, rows)
        if col in cols:
            j = cols.index(col)
            data[j] = _overlay(data[j], taken, found, keep_nulls)
        else:
            cols.append(col)
            data.append(taken)
    res = QTable(cols, data)
    return rekey(res, t1.keys.cols) if keyed else res


def _asof_variant(actual_time: bool, keep_nulls: bool):
    def f(ctx, c, t1, t2):
        if isinstance(t1, str):
            ctx.set_global(t1, _asof_join(c, ctx.get_global(t1), t2, actual_time, keep_nulls))
            return t1
        return _asof_join(c, t1, t2, actual_time, keep_nulls)
    return f


def asof(t, d):
    """t asof d: from the last row of t matching d's first keys, at or before d's last (its
    time), the other columns; a dictionary d gives one row, a table d a table."""
    t = _table(t)
    one = isinstance(d, QDict) and not is_keyed(d)
    if one:
        if not (isinstance(d.keys, np.ndarray) and d.keys.dtype == SYM):
            raise QError("type")
        q = QTable([str(k) for k in d.keys.tolist()],
                   [lists.enlist(v) for v in to_items(d.values)])
    else:
        q = _table(d)
    names = q.cols
    if not names:
        raise QError("length")
    rows = asof_rows(_columns(q, names[:-1]), q.column(names[-1]),
                     _columns(t, names[:-1]), _columns(t, [names[-1]])[0])
    rest = [c for c in t.cols if c not in names]
    res = QTable(rest, [take_pos(t.column(c), rows) for c in rest])
    return lists.first(res) if one else res


# ---------------------------------------------------------------------------------------------
# window joins


def _window_join(ctx, w, c, t, spec, prevailing: bool):
    """wj / wj1: for each row of t, aggregates of q's columns over q's rows equal to it on c's
    first columns whose time lies in its window [w[0] i; w[1] i] (both ends included); wj
    also takes the prevailing row, the last one at or before the window opens."""
    if isinstance(t, str):
        ctx.set_global(t, _window_join(ctx, w, c, ctx.get_global(t), spec, prevailing))
        return t
    names = _names(c)
    if not names or not isinstance(spec, list) or not spec or count(w) != 2:
        raise QError("type")
    x, q = _table(t), _table(spec[0])
    lo, hi = to_items(w)
    if count(lo) != len(x) or count(hi) != len(x):
        raise QError("length")
    eq, tname = names[:-1], names[-1]
    cq, cx = hay_codes(_columns(q, eq), _columns(x, eq)) if eq else (
        np.zeros(len(q), dtype=I64), np.zeros(len(x), dtype=I64))
    tq = _columns(q, [tname])[0]
    kboth, kq, width = _group_time_keys(np.concatenate([np.maximum(cx, 0)] * 2),
                                        np.concatenate([lo, hi]), cq, tq)
    klo, khi = kboth[:len(x)], kboth[len(x):]
    order = np.argsort(kq, kind="stable").astype(I64)
    kq = kq[order]
    first = np.searchsorted(kq, klo, side="left")
    end = np.searchsorted(kq, khi, side="right")
    if prevailing:
        p = first - 1
        ok = (p >= 0) & (np.where(p >= 0, kq[np.maximum(p, 0)], -1) // width == cx)
        inside = (first < len(kq)) & (np.where(first < len(kq), kq[np.minimum(
            first, len(kq) - 1)], -1) == klo)
        first = np.where(ok & ~inside, p, first)
    end = np.where(cx >= 0, np.maximum(end, first), first)
    cols, data = list(x.cols), list(x.data)
    for agg in spec[1:]:
        items = to_items(agg)
        if len(items) < 2 or not all(isinstance(a, str) for a in items[1:]):
            raise QError("type")
        f, src = items[0], [take_pos(v, order) for v in _columns(q, items[1:])]
        cells = [ctx.apply(f, [lists._slice(v, a, b) for v in src])
                 for a, b in zip(first.tolist(), end.tolist())]
        name = items[-1]
        res = from_items(cells) if cells else src[-1][:0]
        if name in cols:
            data[cols.index(name)] = res
        else:
            cols.append(name)
            data.append(res)
    return QTable(cols, data)


define("lj", dyad=_by_name(_keep_keys(lj)), ctx=True, infix=True,
       doc="x lj y  left join: x's rows with the columns of keyed y where its key matches")
define("ljf", dyad=_by_name(_keep_keys(ljf)), ctx=True, infix=True,
       doc="x ljf y  left join where y's nulls leave x's values (q 2.8's lj)")
define("ij", dyad=_by_name(_keep_keys(ij)), ctx=True, infix=True,
       doc="x ij y  inner join: the rows of x whose key is in keyed y, joined")
define("ijf", dyad=_by_name(_keep_keys(ijf)), ctx=True, infix=True,
       doc="x ijf y  inner join where y's nulls leave x's values")
define("ej", triad=ej, doc="ej[c;x;y]  equi join: each row of y with each row of x equal on c")
define("uj", dyad=uj, infix=True,
       doc="x uj y  union join: rows of both over all columns; keyed y upserts into keyed x")
define("ujf", dyad=ujf, infix=True, doc="x ujf y  union join where y's nulls leave x's values")
define("pj", dyad=_by_name(_keep_keys(pj)), ctx=True, infix=True,
       doc="x pj y  plus join: x plus the values of keyed y where its key matches")
define("aj", triad=_asof_variant(False, True), ctx=True,
       doc="aj[c;t1;t2]  as-of join: each t1 row with the last t2 row equal on c's first "
           "columns at or before its time (the last of c)")
define("aj0", triad=_asof_variant(True, True), ctx=True,
       doc="aj0[c;t1;t2]  as-of join taking the time from t2")
define("ajf", triad=_asof_variant(False, False), ctx=True,
       doc="ajf[c;t1;t2]  as-of join where t2's nulls leave t1's values")
define("ajf0", triad=_asof_variant(True, False), ctx=True,
       doc="ajf0[c;t1;t2]  ajf taking the time from t2")
define("asof", dyad=asof, infix=True,
       doc="t asof d  the other columns of t's last row matching d, at or before d's time")
define("wj", tetrad=lambda ctx, w, c, t, s: _window_join(ctx, w, c, t, s, True), ctx=True,
       doc="wj[w;c;t;(q;(f;c0)...)]  window join: f of q's c0 over each window w, with the "
           "prevailing row")
define("wj1", tetrad=lambda ctx, w, c, t, s: _window_join(ctx, w, c, t, s, False), ctx=True,
       doc="wj1[w;c;t;(q;(f;c0)...)]  window join over the rows inside each window only")
