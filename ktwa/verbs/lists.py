"""List, dictionary and table primitives: til count first last where asc group # _ , ! ? ~ ...

Listed with `define`; ktwa.runtime.table merges them with the other modules' (a glyph's
monad from one module and dyad from another make one built-in).
"""
from __future__ import annotations

import hashlib

import math

import numpy as np

from ..errors import QError
from ..values import growth
from ..values.types import match
from ..values.functions import Definitions, Lambda, QFunction
from ..values.types import (CHAR, GUID, NULL_J, SYM, DiskRef, Enum, EnumScalar, EnumSym, QDict,
                            QTable, chars, count, enlist, enum_domain, enum_rows, enum_vector,
                            from_items, is_atom, is_keyed, is_null, is_string, item, made_of,
                            mark_null_free, null_mask, ordered, plain, qtype, sorted_vector, text, to_items,
                            with_attr)
from . import ipc_bytes
from .arith import avg, float_equal, med_items
from .attributes import ATTRIBUTES, set_attribute
from .hashing import (distinct_vector, find_positions, find_rows, first_positions, hkey,
                      item_depth, member)
from .limits import LIST_ITEM_BYTES, check_alloc
from .index import index, is_int_atom, is_int_vec, null_like, proto, take_pos, _row

I64 = np.int64


define = Definitions()


def _syms(names):
    return np.array(list(names), dtype=object)


def _is_syms(x):
    return isinstance(x, np.ndarray) and x.dtype == SYM


def _as_list(v):
    """A value as a q list for joining: atoms become 1-item lists."""
    if isinstance(v, (np.ndarray, list, QTable)):
        return v
    return _needle(v)


def _sub(x, pos):
    """Items of x at valid int64 positions (dicts: both keys and values). The positions are
    valid, so take_pos's check for nulls to fill is skipped (`d _ k` on a record in a loop)."""
    if isinstance(x, QDict):
        return QDict(_sub(x.keys, pos), _sub(x.values, pos))
    if isinstance(x, np.ndarray):
        return x[pos]
    if isinstance(x, list) and len(pos):
        return from_items([x[k] for k in pos.tolist()])
    return take_pos(x, pos)


def _slice(x, a, b):
    if isinstance(x, np.ndarray):
        return x[a:b]
    if isinstance(x, list):
        return from_items(x[a:b]) if x[a:b] else []
    if isinstance(x, QTable):
        return QTable(x.cols, [_slice(c, a, b) for c in x.data])
    if isinstance(x, QDict):
        return QDict(_slice(x.keys, a, b), _slice(x.values, a, b))
    raise QError("type")


def _bool_result(r):
    return np.bool_(r) if not isinstance(r, np.ndarray) else r


# ---------------------------------------------------------------------------------------------
# monads


def til(x):
    if isinstance(x, np.bool_):                  # til.md: til 1b is ,0
        x = np.int64(x)
    if isinstance(x, np.integer) and not isinstance(x, np.timedelta64):
        n = int(x)
        if n < 0:
            raise QError("domain")
        check_alloc(n, 8)
        return mark_null_free(np.arange(n, dtype=I64))
    raise QError("type")


def q_count(x):
    if isinstance(x, DiskRef) and x.flipped:    # a table that is not on disk to be counted
        raise QError("nyi")
    return I64(count(x))


def first(x):
    if isinstance(x, np.ndarray):
        return x[0] if len(x) else proto(x)
    if isinstance(x, list):
        return x[0] if x else None
    if isinstance(x, QTable):
        return _row(x, 0) if len(x) else proto(x)
    if isinstance(x, QDict):
        return first(x.values)
    return x


def last(x):
    if isinstance(x, np.ndarray):
        return x[-1] if len(x) else proto(x)
    if isinstance(x, list):
        return x[-1] if x else None
    if isinstance(x, QTable):
        return _row(x, len(x) - 1) if len(x) else proto(x)
    if isinstance(x, QDict):
        return last(x.values)
    return x


def q_enlist(*args):
    if len(args) == 1:
        return enlist(args[0])
    return from_items(list(args))


def reverse(x):
    if isinstance(x, np.ndarray):
        return x[::-1]
    if isinstance(x, list):
        return x[::-1]
    if isinstance(x, QTable):
        return take_pos(x, np.arange(len(x) - 1, -1, -1, dtype=I64))
    if isinstance(x, QDict):
        return QDict(reverse(x.keys), reverse(x.values))
    return x


def where(x):
    if isinstance(x, np.ndarray):
        if x.dtype == np.bool_:
            return np.flatnonzero(x).astype(I64)
        if x.dtype.kind in "iu":
            if len(x) and x.min() < 0:
                raise QError("domain")
            return np.repeat(np.arange(len(x), dtype=I64), x.astype(I64))
        raise QError("type")
    if isinstance(x, np.bool_):
        return np.arange(int(x), dtype=I64)
    if isinstance(x, np.integer) and not isinstance(x, np.timedelta64):
        if x < 0:
            raise QError("domain")
        return np.zeros(int(x), dtype=I64)
    if isinstance(x, QDict) and not is_keyed(x):
        return take_pos(x.keys, where(x.values))
    if isinstance(x, list):
        if not x:
            return np.array([], dtype=I64)
        v = from_items(x)
        if isinstance(v, np.ndarray):
            return where(v)
    raise QError("type")


# ---------------------------------------------------------------------------------------------
# sorting and grading (stable; nulls lowest)


def _skey(v):
    """Python sort key for items of a general list: atoms first, by q type number, then by
    value (asc.md: (1;1b;"b";2009.01.01;"a";0) sorts to 1b 0 1 "a" "b" 2009.01.01)."""
    if isinstance(v, str):
        return (0, 11, 1 if v else 0, v)
    if isinstance(v, np.bytes_):
        return (0, 10, 1, bytes(v))
    if isinstance(v, np.floating):
        t = -qtype(v)
        return (0, t, 0, 0.0) if np.isnan(v) else (0, t, 1, float(v))
    if isinstance(v, (np.datetime64, np.timedelta64)):
        return (0, -qtype(v), 0 if is_null(v) else 1, int(v.view(np.int64)))
    if isinstance(v, (np.integer, np.bool_)):
        return (0, -qtype(v), 0 if is_null(v) else 1, int(v))
    if isinstance(v, np.ndarray):
        return (1, tuple(_skey(a) for a in to_items(v)))
    if isinstance(v, list):
        return (1, tuple(_skey(a) for a in v))
    if isinstance(v, QDict):
        return (2, _skey(v.values))
    if v is None:
        return (-1,)
    return (3, id(v))


def _grade_vec(v: np.ndarray) -> np.ndarray:
    v = ordered(v)
    if v.dtype == SYM:
        v = v.astype(str) if len(v) else v
    if v.dtype.kind == "f":
        nn = np.isnan(v)
        if nn.any():
            return np.lexsort((np.where(nn, -np.inf, v), ~nn)).astype(I64)
    return np.argsort(v, kind="stable").astype(I64)


def _rank_codes(v) -> np.ndarray:
    """Dense sort codes for a column (nulls lowest)."""
    if isinstance(v, np.ndarray):
        v = ordered(v)
        _, inv = np.unique(v.astype(str) if v.dtype == SYM and len(v) else v,
                           return_inverse=True)
        codes = inv.astype(I64).reshape(-1) + 1
        if v.dtype.kind == "f":
            codes[np.isnan(v)] = 0
        return codes
    items = to_items(v)
    keys = [_skey(a) for a in items]
    order = sorted(set(keys))
    rank = {k: r for r, k in enumerate(order)}
    return np.array([rank[k] for k in keys], dtype=I64)


def _grade(x) -> np.ndarray:
    if isinstance(x, np.ndarray):
        return _grade_vec(x)
    if isinstance(x, list):
        return np.array(sorted(range(len(x)), key=lambda k: _skey(x[k])), dtype=I64)
    if isinstance(x, QTable):
        if not x.data or len(x) == 0:
            return np.arange(len(x), dtype=I64)
        codes = [_rank_codes(c) for c in x.data]
        return np.lexsort(codes[::-1]).astype(I64)
    if isinstance(x, QDict):
        return _grade(x.values)
    raise QError("rank")


def _grade_desc(x) -> np.ndarray:
    n = count(x)
    if isinstance(x, QDict):
        x = x.values
    return (n - 1 - _grade(reverse(x)))[::-1].copy()


def iasc(x):
    g = _grade(x)
    return take_pos(x.keys, g) if isinstance(x, QDict) and not is_keyed(x) else g


def idesc(x):
    g = _grade_desc(x)
    return take_pos(x.keys, g) if isinstance(x, QDict) and not is_keyed(x) else g


def asc(x):
    if is_atom(x):
        raise QError("rank")
    r = _sub(x, _grade(x))
    if isinstance(r, np.ndarray) and r.dtype != object or (isinstance(r, np.ndarray) and len(r)):
        return sorted_vector(r)
    if isinstance(r, QTable) or is_keyed(r):
        return _sorted_table(r)
    if isinstance(r, list) and r:
        return with_attr(r, "s")      # asc.md: a sorted general list has `s too (not shown)
    return r


def _sorted_table(r):
    """asc.md: a table sorted on all its columns has its first column (a keyed table its first
    value column) marked sorted when it is the only one, else parted."""
    t = r.values if is_keyed(r) else r
    if not t.data or not isinstance(t.data[0], np.ndarray):
        return r
    data = [with_attr(t.data[0], "s" if len(t.data) == 1 else "p")] + t.data[1:]
    t = QTable(t.cols, data)
    return QDict(r.keys, t) if is_keyed(r) else t


def rank(x):
    """rank x: the position of each item of x in x sorted (iasc iasc x)."""
    return _grade(_grade(x))


def xrank(x, y):
    """n xrank y: y's items in n buckets of near equal size, by rank ((n*rank y) div count y)."""
    if not is_int_atom(x):
        raise QError("type")
    if is_atom(y):
        raise QError("rank")
    n = count(y)
    return (int(x) * rank(y)) // n if n else np.array([], dtype=I64)


def desc(x):
    if is_atom(x):
        raise QError("rank")
    return _sub(x, _grade_desc(x))


# ---------------------------------------------------------------------------------------------
# distinct (group is in ktwa.verbs.grouping)


def _row_keys(t: QTable):
    cols = [c.tolist() if isinstance(c, np.ndarray) and c.dtype != CHAR and c.dtype.kind != "f"
            else [hkey(a) for a in to_items(c)] for c in t.data]
    return list(zip(*cols)) if cols else [()] * len(t)


def distinct(x):
    if isinstance(x, QDict):
        x = x.values
    if is_atom(x):
        raise QError("type")
    if isinstance(x, list) and not x:
        return x
    if isinstance(x, np.ndarray):
        return distinct_vector(x)
    return take_pos(x, first_positions(x))


# ---------------------------------------------------------------------------------------------
# find, in, within, set operations


def _has_lists(x) -> bool:
    return isinstance(x, list) and any(not is_atom(a) for a in x)


def _needle(v):
    if isinstance(v, (str, np.generic)):
        return enlist(v)
    return [v]


def find(hay, y):
    """`x?y`: index of the first occurrence of y in list x (count x if absent)."""
    if isinstance(hay, QDict) and not is_keyed(hay):
        pos = find(hay.values, y)
        return index(hay.keys, pos)
    if isinstance(hay, QTable):
        if is_atom(y) and len(hay.cols) == 1 and not isinstance(y, QDict):
            y = [y]                     # a one-column table's record may be its one atom
        elif isinstance(y, np.ndarray) and len(y) == len(hay.cols):
            y = to_items(y)             # a record of atoms of one type is a simple list
        if isinstance(y, list) and len(y) == len(hay.cols):
            y = QDict(_syms(hay.cols), y)        # find.md: a record as one item per column
        if isinstance(y, QDict):
            if isinstance(y.keys, QTable):
                raise QError("type")            # a record's keys are column names
            y = QTable(list(y.keys), [_as_list(v) for v in to_items(y.values)])
            r = find(hay, y)
            return r[0]
        if isinstance(y, QTable):
            if y.cols != hay.cols:
                raise QError("type")
            p = find_rows(hay, y)
            return np.where(p < 0, len(hay), p).astype(I64)
        raise QError("type")
    if not isinstance(hay, (np.ndarray, list)):
        raise QError("type")
    n = len(hay)
    if isinstance(hay, list) and hay and not isinstance(y, QDict):
        # a general list: y is sought as one item when it is as deep as the first item,
        # item by item when deeper, and is not found when shallower (find.md, in.md:
        # (1 2;9)?1 2 is 0, (9;(1 2;3 4))?1 2 is 2 2, (1 2;3)?3 is 2)
        dh, dy = item_depth(hay[0]), item_depth(y)
        if dy < dh:
            return I64(n)
        if dy > dh:
            items = to_items(y)
            if not items:
                return np.array([], dtype=I64)
            if all(item_depth(a) == dh for a in items):     # one lookup table for all of them
                p = find_positions(hay, list(items))
                return np.where(p < 0, n, p).astype(I64)
            return from_items([find(hay, a) for a in items])
        p = int(find_positions(hay, _needle(y))[0])
        return I64(n if p < 0 else p)
    if isinstance(hay, np.ndarray) and _numeric(hay) and _numeric(y) and is_atom(y) \
            and hay.dtype != np.asarray(y).dtype:
        # a number sought among numbers of another type is found by value (the python
        # examples' `(sums lst~\:wrd)?i`: a long in sums of booleans, which are ints)
        return _find_number(hay, y)
    if is_atom(y) or (isinstance(y, np.ndarray) and _has_lists(hay)):
        p = int(find_positions(hay, _needle(y))[0])
        return I64(n if p < 0 else p)
    if isinstance(y, np.ndarray):
        p = find_positions(hay, y)
        return np.where(p < 0, n, p).astype(I64)
    if isinstance(y, list):
        if not y:
            return np.array([], dtype=I64)
        return from_items([find(hay, a) for a in y])
    if isinstance(y, QDict):
        return QDict(y.keys, find(hay, y.values))
    p = int(find_positions(hay, [y])[0])
    return I64(n if p < 0 else p)


def _lt(r, n):
    if isinstance(r, np.ndarray):
        return r < n
    if isinstance(r, list):
        return from_items([_lt(a, n) for a in r]) if r else np.array([], dtype=bool)
    if isinstance(r, QDict):
        return QDict(r.keys, _lt(r.values, n))
    return np.bool_(r < n)


def q_in(x, y):
    if isinstance(y, QDict):
        y = y.values
    if is_atom(y):
        y = _as_list(y)
    if isinstance(x, np.ndarray) and isinstance(y, np.ndarray) and x.dtype == y.dtype:
        return member(y, x)
    if isinstance(x, np.ndarray) and _numeric(x) and _numeric(y) and x.dtype != y.dtype:
        # in.md: a vector's numbers are sought in numbers of another type by value only in
        # an atom or 1-item y, else 'type (an atom x keeps exact, typed match)
        if len(y) != 1:
            raise QError("type")
        return x == y[0]
    if is_atom(x) and _numeric(x) and isinstance(y, np.ndarray) and _numeric(y) \
            and np.asarray(x).dtype != y.dtype:
        return np.bool_(False)          # an atom x keeps exact, typed match (Find does not)
    return _lt(find(y, x), count(y))


def _find_number(hay: np.ndarray, y) -> np.int64:
    """The first index in numeric vector hay of the number y, of another numeric type, by
    value (q's nulls are one another's), count hay if absent."""
    nh = is_null(y)
    hit = null_mask(hay) if nh else (hay == y) & ~null_mask(hay)
    k = np.flatnonzero(hit)
    return I64(k[0] if len(k) else len(hay))


def _numeric(v) -> bool:
    """A short, int, long, real or float atom or vector (not boolean, byte, char, temporal)."""
    return isinstance(v, (np.ndarray, np.generic)) and np.asarray(v).dtype.kind in "if" \
        and np.asarray(v).dtype.itemsize > 1 and not enum_domain(v)


def within(x, y):
    if count(y) != 2 or is_atom(y):
        raise QError("length")
    lo, hi = to_items(y)
    if isinstance(x, list):
        if not x:
            return np.array([], dtype=bool)
        if is_atom(lo) and is_atom(hi):
            return from_items([within(a, y) for a in x])
        # bounds that are lists pair with x's items, as (lo<=x)&x<=hi would (within.md)
        los, his = (_pairing(b, len(x)) for b in (lo, hi))
        return from_items([within(a, [l, h]) for a, l, h in zip(x, los, his)])
    if isinstance(x, QDict):
        return QDict(x.keys, within(x.values, y))
    xa = x
    try:
        if isinstance(x, str) or (isinstance(x, np.ndarray) and x.dtype == SYM):
            if not all(isinstance(b, str) or _is_syms(b) for b in (lo, hi)):
                raise QError("type")
            xa = np.asarray(x, dtype=object)
            r = (np.asarray(xa >= lo, dtype=bool) & np.asarray(xa <= hi, dtype=bool))
        else:
            kinds = {getattr(v, "dtype", np.dtype(object)).kind for v in (x, lo, hi)}
            if ("S" in kinds) != (kinds == {"S"}):
                raise QError("type")
            if kinds & {"O"}:
                raise QError("type")
            # temporals compare in q's common type, floats within comparison tolerance
            # (precision.md lists within among the tolerant verbs): arith's own >= and <=
            if kinds & {"m", "M", "f"}:
                from .arith import ge, le
                r = np.logical_and(ge(x, lo), le(x, hi))
            else:
                r = (x >= lo) & (x <= hi)
    except (TypeError, ValueError):
        raise QError("type") from None
    if isinstance(r, np.ndarray):
        return np.asarray(r, dtype=bool)
    return np.bool_(bool(r))


def _pairing(v, n: int) -> list:
    """n items to pair with a list's: an atom repeated, a list of n its items."""
    if is_atom(v):
        return [v] * n
    if count(v) != n:
        raise QError("length")
    return to_items(v)


def _mask_keep(x, mask):
    return take_pos(x, np.flatnonzero(mask).astype(I64))


def q_except(x, y):
    if is_atom(x):
        x = _as_list(x)
    if isinstance(x, QDict):
        raise QError("type")
    m = q_in(x, y)
    if not isinstance(m, np.ndarray):
        raise QError("type")
    return _mask_keep(x, ~m)


def inter(x, y):
    if is_atom(x):
        x = _as_list(x)
    if isinstance(x, QDict) or isinstance(y, QDict):
        # inter.md: dictionaries meet in their values
        return inter(*(v.values if isinstance(v, QDict) else v for v in (x, y)))
    m = q_in(x, y)
    if not isinstance(m, np.ndarray):
        raise QError("type")
    return _mask_keep(x, m)


def union(x, y):
    return distinct(join(_as_list(x), _as_list(y)))


def cross(x, y):
    if isinstance(x, QTable) and isinstance(y, QTable):
        nx, ny = len(x), len(y)
        a = take_pos(x, np.repeat(np.arange(nx, dtype=I64), ny))
        b = take_pos(y, np.tile(np.arange(ny, dtype=I64), nx))
        return QTable(a.cols + b.cols, a.data + b.data)
    if isinstance(x, QDict) and isinstance(y, QDict):
        return QDict(cross(x.keys, y.keys), cross(x.values, y.values))
    xl, yl = _as_list(x), _as_list(y)
    nx, ny = count(xl), count(yl)
    xi, yi = to_items(xl), to_items(yl)
    return from_items([join(a, b) for a in xi for b in yi]) if nx and ny else []


# ---------------------------------------------------------------------------------------------
# join, raze, flip


def _table_cols_like(t: QTable, u: QTable):
    if t.cols == u.cols:
        return u.data
    if sorted(t.cols) != sorted(u.cols):
        raise QError("mismatch")
    return [u.column(c) for c in t.cols]


def _row_table(cols, d: QDict) -> QTable:
    if not (isinstance(d.keys, np.ndarray) and d.keys.dtype == SYM):
        raise QError("type")
    t = QTable(list(d.keys), [_as_list(v) if is_atom(v) else [v] for v in to_items(d.values)])
    return t


def _keyed_like(kt: QDict, rows) -> QDict:
    """Records as a keyed table shaped as kt: a dictionary (column names to values, in any
    order) is one record, a simple table its rows; so kt,rows upserts them as kt upsert rows
    does (upsert.md: into a keyed table, records or a table keyed or not)."""
    row = rows if isinstance(rows, QTable) else _row_table(None, rows)
    kc, vc = list(kt.keys.cols), list(kt.values.cols)
    if len(set(row.cols)) != len(row.cols) or not set(kc) <= set(row.cols) <= set(kc + vc):
        raise QError("mismatch")
    at = dict(zip(row.cols, row.data))
    keys = QTable(kc, [at[c] for c in kc])
    missing = [c for c in vc if c not in at]
    if missing:     # a column not given keeps its value in a row that is there, else null
        where = {}
        for j, k in enumerate(_row_keys(kt.keys)):
            where.setdefault(k, j)
        found = [where.get(k) for k in _row_keys(keys)]
        for c in missing:
            col = kt.values.column(c)
            items = to_items(col)
            null = to_items(null_like(col))[0] if items else None
            at[c] = from_items([null if j is None else items[j] for j in found])
    return QDict(keys, QTable(vc, [at[c] for c in vc]))


def join(x, y):
    if (x.__class__ is Enum or x.__class__ is EnumSym or y.__class__ is Enum
            or y.__class__ is EnumSym or isinstance(x, EnumScalar) or isinstance(y, EnumScalar)):
        return _join_enums(x, y)
    if isinstance(x, QTable) and not isinstance(y, (QTable, QDict)) and not count(y) == 0:
        raise QError("type")
    if isinstance(x, QTable) or isinstance(y, QTable):
        if isinstance(x, QTable) and isinstance(y, QTable):
            if not x.cols:
                return y
            if not y.cols:
                return x
            ud = _table_cols_like(x, y)
            return QTable(x.cols, [join(a, b) for a, b in zip(x.data, ud)])
        if isinstance(x, QTable) and isinstance(y, QDict) and not is_keyed(y):
            return join(x, _row_table(x.cols, y))
        if isinstance(y, QTable) and isinstance(x, QDict) and not is_keyed(x):
            return join(_row_table(y.cols, x), y)
        if isinstance(x, QTable) and count(y) == 0:
            return x
        if isinstance(x, QDict) and is_keyed(x) and isinstance(y, QTable):
            return _dict_merge(x, _keyed_like(x, y))
        if isinstance(y, QTable) and isinstance(x, list) and not x:
            return y
        raise QError("type")
    if isinstance(x, QDict) and isinstance(y, QDict):
        if is_keyed(x) and not is_keyed(y):
            y = _keyed_like(x, y)
        return _dict_merge(x, y)
    if isinstance(x, QDict) and y.__class__ is list and not y:
        return x            # the empty list adds nothing: funq's opt:defaults,opt with opt ()
    if isinstance(y, QDict) and x.__class__ is list and not x:
        return y
    if isinstance(x, QDict) and (is_atom(y) or isinstance(y, np.ndarray)) or \
            isinstance(y, QDict) and (is_atom(x) or isinstance(x, np.ndarray)):
        raise QError("type")                     # raze.md: 10,d is 'type
    xl, yl = _as_list(x), _as_list(y)
    if isinstance(xl, list) and not xl:
        return yl
    if isinstance(yl, list) and not yl:
        return xl
    if isinstance(xl, np.ndarray) and isinstance(yl, np.ndarray) and xl.dtype == yl.dtype:
        if xl.__class__ is np.ndarray and yl.__class__ is np.ndarray and xl.ndim == 1 \
                and yl.ndim == 1 and len(xl) >= 64 and 8 * len(yl) <= len(xl) \
                and (len(xl) < 1 << 20 or growth.growing(xl)):
            # a few items onto a long vector is an append (book.q's B[s],:x, a table's column
            # at a time): it grows x's buffer (values.growth), so a loop of them is not
            # quadratic; x and every other name keep their values. A one-off join onto a
            # vector of a million items or more is exact (no buffer of twice its size)
            return growth.joined(xl, yl)
        return np.concatenate([xl, yl])
    return list(to_items(xl)) + list(to_items(yl))


def _join_enums(x, y):
    """x,y with an enumeration: one domain stays an enumeration; an atom of another domain or
    a plain symbol atom makes a general list; lists otherwise lose the domain (join.md)."""
    if isinstance(x, list) and not x or isinstance(y, list) and not y:
        return y if isinstance(x, list) and not x else x
    dx, dy = enum_domain(x), enum_domain(y)
    if dx == dy:
        return made_of(enum_vector(to_items(plain(_as_list(x))) + to_items(plain(_as_list(y))),
                                   dx, enum_rows(x)), (x, y))
    if is_atom(x) and is_atom(y):
        return [x, y]
    return join(plain(x), plain(y))


def _dict_merge(x: QDict, y: QDict):
    if is_keyed(x) and is_keyed(y):
        kx = _row_keys(x.keys)
        pos = {}
        for k, v in enumerate(kx):
            pos.setdefault(v, k)
        ky = _row_keys(y.keys)
        yv = _table_cols_like(x.values, y.values) if x.values.cols else y.values.data
        vals = x.values
        rows = to_items(vals)
        newk, newv = [], []
        for j, k in enumerate(ky):
            r = pos.get(k)
            row = QDict(np.array(vals.cols, dtype=object),
                        from_items([c[j] for c in yv]))
            if r is None:
                pos[k] = len(rows) + len(newv)
                newk.append(j)
                newv.append(row)
            else:
                rows[r] = row
        allrows = rows + newv
        keys = join(x.keys, take_pos(y.keys, np.array(newk, dtype=I64)))
        vt = from_items(allrows) if allrows else vals
        if not isinstance(vt, QTable):
            raise QError("mismatch")
        return QDict(keys, vt)
    if is_keyed(x) or is_keyed(y):
        raise QError("type")
    p = find_positions(x.keys, y.keys)
    found = p >= 0
    yv = y.values
    if isinstance(x.values, np.ndarray) and isinstance(yv, np.ndarray) and \
            x.values.dtype == yv.dtype:
        vals = x.values.copy()
        vals[p[found]] = yv[found]
        newv = np.concatenate([vals, yv[~found]])
    else:
        items = list(to_items(x.values))
        yi = to_items(yv)
        for j, k in enumerate(p.tolist()):
            if k >= 0:
                items[k] = yi[j]
        items += [yi[j] for j in np.flatnonzero(~found).tolist()]
        newv = from_items(items)
    newk = join(x.keys, take_pos(y.keys, np.flatnonzero(~found).astype(I64)))
    return QDict(newk, newv)


def raze(x):
    if isinstance(x, QDict):
        return raze(x.values)
    if is_atom(x):
        return _as_list(x)
    if isinstance(x, np.ndarray) or isinstance(x, QTable) and len(x) == 0:
        return x
    if isinstance(x, QTable):
        # raze is ,/ over the rows, dictionaries: a table of one row is that row (funq's
        # onehot razes a list of one dictionary, which q holds as a table)
        r = index(x, np.int64(0))
        for k in range(1, len(x)):
            r = join(r, index(x, np.int64(k)))
        return r
    items = [a for a in x if not (isinstance(a, list) and not a)]
    if not items:
        return []
    first_ = items[0]
    if all(isinstance(a, QTable) or isinstance(a, QDict) for a in items) and \
            (isinstance(first_, QTable) or isinstance(first_, QDict)):
        r = first_
        for a in items[1:]:
            r = join(r, a)
        return r
    if any(isinstance(a, QDict) for a in items) and \
            any(is_atom(a) or isinstance(a, np.ndarray) for a in items):
        raise QError("type")                     # raze.md: raze (10;d) is 'type, as 10,d
    dt = None
    uniform = True
    for a in items:
        if isinstance(a, np.ndarray):
            d = a.dtype
        elif isinstance(a, str):
            d = SYM
        elif isinstance(a, np.generic):
            d = a.dtype
        else:
            uniform = False
            break
        if dt is None:
            dt = d
        elif d != dt:
            uniform = False
            break
    if uniform:
        parts = [a if isinstance(a, np.ndarray) else np.array([a], dtype=dt) for a in items]
        r = np.concatenate(parts)
        d = enum_domain(items[0])
        # enumerations of one domain stay one, as their joins do
        return made_of(enum_vector(r, d, enum_rows(items[0])), items) if d and all(
            enum_domain(a) == d for a in items) else r
    out = []
    for a in items:
        if isinstance(a, (QDict, QTable)) or not isinstance(a, (np.ndarray, list)):
            if isinstance(a, QTable):
                out.extend(to_items(a))
            else:
                out.append(a)
        else:
            out.extend(to_items(a))
    return out


def flip(x):
    if isinstance(x, DiskRef):      # ktwa.verbs.partitions resolves one that is on disk
        return DiskRef(x.cols, x.source, not x.flipped)
    if isinstance(x, QTable):
        return QDict(_syms(x.cols), list(x.data))
    if isinstance(x, QDict):
        if is_keyed(x):
            raise QError("nyi")
        if not _is_syms(x.keys):
            raise QError("type")
        if isinstance(x.values, QTable):
            # a dictionary of dictionaries with the same keys (its values a table) turns
            # inside out: k!([]c...) becomes c!([]k...) (KX's ml builds describe's so)
            t = x.values
            rows = [from_items([index(c, I64(i)) for c in t.data]) for i in range(len(t))]
            return QDict(_syms(t.cols), QTable(list(x.keys), rows))
        vals = to_items(x.values)
        lens = {count(v) for v in vals if not is_atom(v)}
        if not vals:
            return QTable([], [])
        if not lens:
            raise QError("rank")
        if len(lens) > 1:
            raise QError("length")
        n = lens.pop()
        cols = []
        for v in vals:
            if is_atom(v):
                v = take_n(n, v)
            cols.append(v)
        return QTable(list(x.keys), cols)
    if isinstance(x, list):
        if not x:
            return x
        lens = {count(v) for v in x if not is_atom(v)}
        if not lens:
            raise QError("rank")
        if len(lens) > 1:
            raise QError("length")
        m = lens.pop()
        if all(isinstance(v, np.ndarray) and not enum_domain(v) for v in x) \
                and len({v.dtype for v in x}) == 1:
            # (enumerations take the path below, so each row keeps its domain)
            arr = np.stack(x)
            return [arr[:, j].copy() for j in range(m)]
        rows = [to_items(v) if not is_atom(v) else [v] * m for v in x]
        return [from_items([r[j] for r in rows]) for j in range(m)]
    return x


# ---------------------------------------------------------------------------------------------
# take, drop, cut


def take_n(n: int, y):
    if isinstance(y, QDict):
        return QDict(take_n(n, y.keys), take_n(n, y.values))
    if is_atom(y) or isinstance(y, QFunction):
        y = _as_list(y)
    c = count(y)
    m = abs(n)
    if m <= c:
        return _slice(y, 0, m) if n >= 0 else _slice(y, c - m, c)
    # positions (8 bytes each) and the result's items
    check_alloc(m, 8 + (y.dtype.itemsize if isinstance(y, np.ndarray) else LIST_ITEM_BYTES))
    if c == 0:
        pos = np.full(m, -1, dtype=I64)
        if isinstance(y, list):
            # an empty general list fills with empty lists: dotq.md's .Q.id example flips
            # (5#names)!5#() into a table with no rows, so each taken item is ()
            return [[] for _ in range(m)]
    elif n >= 0:
        pos = np.arange(m, dtype=I64) % c
    else:
        pos = (c - m + np.arange(m, dtype=I64)) % c
    return take_pos(y, pos)


def _chunks(data, starts, ends):
    return [_slice(data, a, b) for a, b in zip(starts, ends)]


def reshape(shape, y):
    if len(shape) == 0:
        raise QError("length")
    dims = [int(d) for d in shape.tolist()]
    nulls = [k for k in range(len(dims)) if is_null(shape[k])]
    if is_atom(y):
        y = _as_list(y)
    c = count(y)
    if len(dims) > 2 and (nulls or any(d < 0 for d in dims) or 0 in dims[:-1]):
        # take.md: a shape of more than two may hold no null; its examples give 'domain for
        # 1 0 2 too (an empty dimension before the last) while 1 2 0 is allowed
        raise QError("domain")
    if nulls:
        if len(dims) != 2 or len(nulls) != 1:
            raise QError("length")
        if nulls[0] == 0:
            w = dims[1]
            if w <= 0:
                raise QError("length")
            rows = -(-c // w)
            starts = [k * w for k in range(rows)]
            ends = [min(c, s + w) for s in starts]
        else:
            rows = dims[0]
            if rows <= 0:
                return []
            check_alloc(rows, LIST_ITEM_BYTES)
            w = c // rows
            starts = [k * w for k in range(rows)]
            ends = starts[1:] + [c]
        return _chunks(y, starts, ends)
    if any(d < 0 for d in dims):
        raise QError("domain")
    total = math.prod(dims) if dims else 0     # Python's: 0W 2 must not wrap around
    check_alloc(total, 8)
    if len(dims) > 1:
        check_alloc(math.prod(dims[:-1]), LIST_ITEM_BYTES)
    data = take_n(total, y)

    def nest(d, lo, ds):
        if len(ds) == 1:
            return _slice(d, lo, lo + ds[0])
        step = int(np.prod(ds[1:]))
        return [nest(d, lo + k * step, ds[1:]) for k in range(ds[0])]

    if len(dims) == 1:
        return data
    return nest(data, 0, dims)


def take(x, y):
    if isinstance(x, str) and x in ATTRIBUTES and not enum_domain(x):
        return set_attribute(x, y, _grade)
    if is_int_atom(x):
        return take_n(int(x), y)
    if is_int_vec(x):
        return reshape(x, y)
    if isinstance(x, str):
        x = _syms([x])
    if _is_syms(x):
        if isinstance(y, QTable):
            cols = []
            for c in x.tolist():
                v = y.column(c)
                if v is None:
                    raise QError(c)
                cols.append(v)
            return QTable(list(x), cols)
        if is_keyed(y):
            raise QError("nyi")
        if isinstance(y, QDict):
            return QDict(x, index(y, x))
    if isinstance(x, QTable) and isinstance(y, QDict):
        # rows of a keyed table, or of a dictionary keyed by a table (`group t`'s)
        return QDict(x, index(y, x))
    if isinstance(x, (list, np.ndarray)) and isinstance(y, QDict) and not is_keyed(y):
        return QDict(x, index(y, x))
    raise QError("type")


def drop_n(n: int, y):
    c = count(y)
    if n >= 0:
        return _slice(y, min(n, c), c)
    return _slice(y, 0, max(c + n, 0))


def cut(x, y):
    if not isinstance(y, (np.ndarray, list, QTable)):
        raise QError("type")
    if is_int_atom(x):
        n = int(x)
        if n <= 0:
            raise QError("domain")
        c = count(y)
        x = np.arange(0, c, n, dtype=I64)
    if not is_int_vec(x):
        raise QError("type")
    pos = [int(a) for a in x.tolist()]
    if any(b < a for a, b in zip(pos, pos[1:])) or (pos and pos[0] < 0):
        raise QError("domain")
    c = count(y)
    if pos and pos[-1] > c:
        raise QError("index")
    return _chunks(y, pos, pos[1:] + [c])


def _key_rows(kt: QDict, ks) -> QTable:
    """Keys of the keyed table kt given as a table of its key columns, a list of key records
    (dictionaries), or, where kt has one key column, its values (an atom or a vector): a
    table of kt's key columns in kt's order."""
    kc = list(kt.keys.cols)
    if isinstance(ks, QTable):
        t = ks
    elif isinstance(ks, list) and ks and all(isinstance(k, QDict) for k in ks):
        t = _row_table(None, ks[0])
        for k in ks[1:]:
            t = join(t, _row_table(None, k))
    elif len(kc) == 1:
        t = QTable(kc, [_as_list(ks[0] if isinstance(ks, list) and len(ks) == 1 else ks)])
    else:
        raise QError("type")
    at = dict(zip(t.cols, t.data))
    if sorted(at) != sorted(kc):
        raise QError("mismatch")
    return QTable(kc, [at[c] for c in kc])


def _remove_keys(d, ks):
    if isinstance(d, QTable):
        drop = set(to_items(_as_list(ks)))
        keep = [k for k, c in enumerate(d.cols) if c not in drop]
        return QTable([d.cols[k] for k in keep], [d.data[k] for k in keep])
    if is_keyed(d):
        gone = set(_row_keys(_key_rows(d, ks)))
        keep = np.array([j for j, k in enumerate(_row_keys(d.keys)) if k not in gone], dtype=I64)
        return QDict(take_pos(d.keys, keep), take_pos(d.values, keep))
    p = find_positions(_as_list(ks), d.keys)
    return _sub(d, np.flatnonzero(p < 0).astype(I64))


def drop(x, y):
    if is_int_atom(x) and isinstance(y, (np.ndarray, list, QDict, QTable)):
        return drop_n(int(x), y)
    if is_int_vec(x) and isinstance(y, (np.ndarray, list, QTable)):
        return cut(x, y)
    # drop.md: keys (an atom or a vector) _ a dictionary; column names (a vector) _ a table;
    # a dictionary _ one key; a table's columns go only from the left (t _ `a is 'type)
    if (isinstance(x, str) and isinstance(y, QDict)) or (_is_syms(x) and
                                                         isinstance(y, (QDict, QTable))):
        return _remove_keys(y, x)
    if is_keyed(y) and isinstance(x, (QTable, np.ndarray, list)):
        # a table of keys (a keyed table's key), a list of key records, or the keys of a
        # one-column key (drop.md: enlist[100] _ d, as for a dictionary)
        return _remove_keys(y, x)
    if isinstance(y, QDict) and not is_keyed(y) and isinstance(x, (np.ndarray, list, np.generic)):
        return _remove_keys(y, x)       # drop.md: enlist[100] _ 100 200!`a`b is 200|`b
    if isinstance(x, QDict) and not is_keyed(x) and (is_atom(y) or isinstance(x.keys, list)):
        return _remove_keys(x, _needle(y) if is_atom(y) else [y])
    if is_keyed(x) and (not isinstance(y, (np.ndarray, str))
                        or isinstance(y, str) and len(x.keys.cols) == 1):
        return _remove_keys(x, [y])     # a key record, or the key of a one-column key
    if isinstance(x, (np.ndarray, list)) and is_int_atom(y):
        k = int(y)
        if not 0 <= k < len(x):
            return x
        if isinstance(x, np.ndarray):
            return x[np.arange(len(x)) != k]          # an enumeration keeps its domain
        return from_items(x[:k] + x[k + 1:]) if len(x) > 1 else []
    if isinstance(x, QTable) and is_int_atom(y):
        k = int(y)
        keep = np.array([j for j in range(len(x)) if j != k], dtype=I64)
        return take_pos(x, keep)
    raise QError("type")


# ---------------------------------------------------------------------------------------------
# dict / table construction


def unkey(x):
    if is_keyed(x):
        return QTable(x.keys.cols + x.values.cols, x.keys.data + x.values.data)
    return x


def key_n(n: int, t):
    t = unkey(t)
    if n == 0:
        return t
    if n < 0 or n > len(t.cols):
        raise QError("length")
    return QDict(QTable(t.cols[:n], t.data[:n]), QTable(t.cols[n:], t.data[n:]))


# internal functions q replaced by a keyword or a .Q/.j function (internal.md's table), for the
# unary ones: -n!x is that function of x
INTERNAL_COVERS = {-1: "hsym", -2: "attr", -5: "parse", -6: "eval", -7: "hcount",
                   -12: ".Q.host", -13: ".Q.addr", -15: "md5", -20: ".Q.gc", -24: "reval",
                   -29: ".j.k", -31: ".j.jd", -32: ".Q.btoa", -35: ".Q.gz"}


def _lambda_in(ctx, ns: str, text: str):
    """The lambda a message holds: its text evaluated in its namespace (where it finds its
    globals), the current namespace restored after."""
    saved = ctx.ns
    ctx.ns = ns
    try:
        f = ctx.eval_text(text)
    finally:
        ctx.ns = saved
    if not isinstance(f, Lambda):
        raise QError("badmsg")
    return f


def bang(ctx, x, y):
    """x!y: a dictionary of keys x and values y, or y keyed on its first x columns;
    0N!y writes y's k form to stdout and returns y; -3!y is that form as a string; -4!y
    its tokens; -5!y parses, -6!y evaluates a parse tree."""
    if x.__class__ is np.int64 and x == NULL_J:
        ctx.write(1, ctx.one_line(y) + "\n")
        return y
    if x.__class__ is np.int64 and x == -3:       # -3!y: y's k form as a string
        return chars(ctx.one_line(y))
    if x.__class__ is np.int64 and int(x) in INTERNAL_COVERS:
        # internal.md: these -n! were replaced by a keyword (-5! parse, -15! md5 ...)
        name = INTERNAL_COVERS[int(x)]
        f = ctx.builtins.get(name) or ctx.get_global(name)
        return ctx.apply(f, [y])
    if x.__class__ is np.int64 and x == -4:       # internal.md: the tokens of a string
        return ctx.tokens(y)
    if x.__class__ is np.int64 and x == -33:                 # internal.md: SHA-1 of a string
        if not is_string(y):
            raise QError("type")
        return np.frombuffer(hashlib.sha1(y.tobytes()).digest(), dtype=np.uint8).copy()
    if x.__class__ is np.int64 and x in (-8, -9, -22):       # q's IPC bytes (internal.md)
        if x == -9:
            return ipc_bytes.from_bytes(y, lambda ns, text: _lambda_in(ctx, ns, text))
        return {-8: ipc_bytes.to_bytes, -22: ipc_bytes.length}[int(x)](y)
    if x.__class__ is np.int64 and x == -18:
        raise QError("nyi: -18! (IPC compression)")
    if x.__class__ is np.int64 and x == -27:
        return _fixed_decimals(y)
    if is_int_atom(x) and (isinstance(y, QTable) or is_keyed(y)):
        return key_n(int(x), y)
    if is_int_atom(x) and isinstance(y, str) and not enum_domain(y):
        t = ctx.get_global(y)                    # enkey.md: 1!`t keys the global t itself
        if not (isinstance(t, QTable) or is_keyed(t)):
            raise QError("type")
        ctx.set_global(y, key_n(int(x), t))
        return y
    if isinstance(x, QTable) and isinstance(y, QTable):
        if len(x) != len(y):
            raise QError("length")
        return QDict(x, y)
    if x.__class__ is np.ndarray and x.dtype == SYM and y.__class__ is str:
        return DiskRef(x.tolist(), y)       # cols!`:dir/ or cols!`t (flip-splayed.md)
    if isinstance(x, (np.ndarray, list, QTable)):
        # keys that are a table and values that are not: a dictionary keyed by the table's
        # rows, e.g. an order book's sizes by sym and price
        if is_atom(y) and not isinstance(y, QFunction):
            y = take_n(count(x), y)
        elif isinstance(y, QTable):
            pass                    # keys!table: a record per key (a list beside a table)
        elif not isinstance(y, (np.ndarray, list)):
            raise QError("type")
        elif y.__class__ is list and not y and not isinstance(x, list):
            y = [None] * count(x)   # keys!(): each value (::), a dictionary to fill in later
        if count(x) != count(y):
            raise QError("length")
        return QDict(x, y)
    raise QError("type")


def _fixed_decimals(y):
    """-27!(n;y): float y (atomic) as strings of n decimal places, the binary value rounded
    as C's printf does (internal.md: "0.04" for .045), \\P aside. Non-finite values: 'nyi
    (what q writes for them is not shown)."""
    if not (isinstance(y, list) and len(y) == 2 and isinstance(y[0], np.int32)):
        raise QError("type")
    n, v = int(y[0]), y[1]
    if n < 0 or not (isinstance(v, np.float64) or
                     (isinstance(v, np.ndarray) and v.dtype == np.float64 and v.ndim == 1)):
        raise QError("type" if n >= 0 else "domain")
    vals = np.atleast_1d(v)
    if not np.isfinite(vals).all():
        raise QError("nyi")
    texts = [chars(f"{float(f):.{n}f}") for f in vals.tolist()]
    return texts[0] if isinstance(v, np.float64) else texts


def q_match(x, y):
    """x~y: floats match within comparison tolerance (match.md)."""
    return np.bool_(match(x, y, float_equal))


# ---------------------------------------------------------------------------------------------
# keys, values, columns


def q_key(x):
    if enum_domain(x):
        return enum_domain(x)
    if isinstance(x, QDict):
        return x.keys
    if is_int_atom(x) and not isinstance(x, np.bool_):
        return til(x)
    if isinstance(x, QTable):
        return QTable([], [])
    if isinstance(x, DiskRef) and not x.flipped:    # cols!`:dir/: the column names
        return np.array(x.cols, dtype=object)
    raise QError("type")


def q_value(ctx, x):
    if enum_domain(x):
        return plain(x)
    if isinstance(x, QDict):
        return x.values
    if isinstance(x, DiskRef) and not x.flipped:    # cols!`:dir/: where they are
        return x.source
    if isinstance(x, str):
        return ctx.get_global(x)
    if isinstance(x, np.ndarray) and x.dtype == CHAR:
        return ctx.eval_text(text(x))
    if isinstance(x, np.bytes_):
        return ctx.eval_text(text(x))
    return x


def cols(x):
    if is_keyed(x):
        return _syms(x.keys.cols + x.values.cols)
    if isinstance(x, QTable):
        return _syms(x.cols)
    if isinstance(x, QDict) and _is_syms(x.keys):
        return x.keys
    raise QError("type")


def xcol(x, y):
    if isinstance(x, QDict):
        m = dict(zip(to_items(x.keys), to_items(x.values)))
        rename = lambda cs: [m.get(c, c) for c in cs]  # noqa: E731
    else:
        names = to_items(_as_list(x))

        def rename(cs, offset=0):
            return [names[k + offset] if k + offset < len(names) else c
                    for k, c in enumerate(cs)]
    if is_keyed(y):
        kc, vc = y.keys.cols, y.values.cols
        allc = rename(kc + vc)
        return QDict(QTable(allc[:len(kc)], y.keys.data), QTable(allc[len(kc):], y.values.data))
    if isinstance(y, QTable):
        return QTable(rename(y.cols), y.data)
    raise QError("type")


def xkey(x, y):
    names = to_items(_as_list(x))
    if not all(isinstance(c, str) for c in names):
        raise QError("type")
    t = unkey(y)
    if not isinstance(t, QTable):
        raise QError("type")
    for c in names:
        if c not in t.cols:
            raise QError(c)
    rest = [c for c in t.cols if c not in names]
    order = names + rest
    t = QTable(order, [t.column(c) for c in order])
    return key_n(len(names), t) if names else t


def _xsort(x, y, descending):
    names = to_items(_as_list(x))
    keyed = is_keyed(y)
    t = unkey(y)
    if not isinstance(t, QTable):
        raise QError("type")
    sub = QTable(names, [t.column(c) for c in names])
    if any(c is None for c in sub.data):
        raise QError("type")
    g = _grade_desc(sub) if descending else _grade(sub)
    r = take_pos(t, g)
    return key_n(len(y.keys.cols), r) if keyed else r


def xasc(x, y):
    return _xsort(x, y, False)


def xdesc(x, y):
    return _xsort(x, y, True)


# ---------------------------------------------------------------------------------------------
# next prev sublist rotate rand ?


def q_next(x):
    if isinstance(x, QDict):
        return QDict(x.keys, q_next(x.values))
    if is_atom(x):
        return x
    return take_pos(x, np.arange(1, count(x) + 1, dtype=I64))


def q_prev(x):
    if isinstance(x, QDict):
        return QDict(x.keys, q_prev(x.values))
    if is_atom(x):
        return x
    return take_pos(x, np.arange(-1, count(x) - 1, dtype=I64))


def prev_seeded(s, x):
    """prev[s;x]: prev being an each-prior (type 109), its binary form takes a seed that
    stands before the first item: s, then each item but the last (funq's
    `prev[0f;w%sum w]`)."""
    if is_atom(x) or isinstance(x, (QDict, QTable)):
        raise QError("type")
    return from_items([s] + list(to_items(x))[:-1])


def xprev(x, y):
    if not is_int_atom(x):
        raise QError("type")
    return take_pos(y, np.arange(count(y), dtype=I64) - int(x))


def sublist(x, y):
    c = count(y)
    if is_int_atom(x):
        n = int(x)
        if abs(n) >= c:
            # no more items than y has: y itself, an atom or (::) too (KX's tutorial shows
            # `n sublist r` of whatever its query returned)
            return y
        return _slice(y, 0, n) if n >= 0 else _slice(y, c + n, c)
    if is_int_vec(x) and len(x) == 2:
        a, n = int(x[0]), int(x[1])
        a = min(max(a, 0), c)
        return _slice(y, a, min(c, a + max(n, 0)))
    raise QError("type")


def rotate(x, y):
    if not is_int_atom(x):
        raise QError("type")
    if is_atom(y):
        return y
    c = count(y)
    if c == 0:
        return y
    pos = (np.arange(c, dtype=I64) + int(x)) % c
    return _sub(y, pos)


# random draws use the session's generator (ctx.rng, seeded by \S like q's -314159 default)


def _roll_atom(n, y, rng):
    if isinstance(y, (np.datetime64, np.timedelta64)):
        # 3?12:00: times below y, like 3?720 in y's units (a temporal 0N? or 0?y is 'nyi)
        hi = int(y.view(I64))
        if hi <= 0 or is_null(y):
            raise QError("nyi")
        return rng.integers(0, hi, n, dtype=I64).view(y.dtype)
    if isinstance(y, np.floating):
        return (rng.random(n) * float(y)).astype(y.dtype)
    if isinstance(y, np.integer) and not isinstance(y, np.bool_):
        hi = int(y)
        if hi <= 0:
            if hi == 0:
                return rng.integers(np.iinfo(y.dtype).min + 1, np.iinfo(y.dtype).max,
                                     n, dtype=y.dtype)
            raise QError("domain")
        return rng.integers(0, hi, n, dtype=y.dtype)
    if isinstance(y, np.bool_):
        return rng.integers(0, 2, n).astype(bool)
    if isinstance(y, np.void) and y.dtype == GUID:
        if any(y.tobytes()):
            raise QError("nyi")          # deal.md rolls guids from 0Ng only
        return np.frombuffer(rng.bytes(16 * n), dtype=GUID).copy()
    if isinstance(y, str) and y.isdigit() and 0 < int(y) <= 8:
        # deal.md: n?`k, symbols of k letters (a to p, as q draws them)
        k = int(y)
        codes = rng.integers(0, 16, (n, k))
        return np.array(["".join("abcdefghijklmnop"[c] for c in row) for row in codes],
                        dtype=object)
    if isinstance(y, np.bytes_) and bytes(y) == b" ":
        # deal.md: n?" ", letters a to z
        return np.frombuffer(bytes(rng.integers(97, 123, n).astype(np.uint8)),
                             dtype="S1").copy()
    raise QError("nyi")


def rand(x, rng):
    if isinstance(x, (np.ndarray, list, QTable)):
        if count(x) == 0:
            return proto(x)
        return index(x, I64(rng.integers(0, count(x))))
    if isinstance(x, np.generic) or (isinstance(x, str) and x.isdigit()):
        return _roll_atom(1, x, rng)[0]
    raise QError("type")


def roll(x, y, rng):
    n = int(x)
    if is_null(x):               # 0N?y permute
        if is_int_atom(y):
            check_alloc(int(y), 16)
            return rng.permutation(int(y)).astype(I64)
        return take_pos(y, rng.permutation(count(y)).astype(I64))
    check_alloc(abs(n), 16)      # the draws and the items they pick
    if n >= 0:
        if isinstance(y, (np.ndarray, list, QTable)):
            c = count(y)
            if c == 0:
                raise QError("length")
            return take_pos(y, rng.integers(0, c, n).astype(I64))
        return _roll_atom(n, y, rng)
    m = -n
    if isinstance(y, np.int64) and int(y) == 0:
        # deal.md: -n?0, n distinct longs from the whole range (redrawn if two met)
        out = _roll_atom(m, y, rng)
        while len(np.unique(out)) < m:
            out = _roll_atom(m, y, rng)
        return out
    if is_int_atom(y) and not isinstance(y, (np.bool_, np.uint8)):
        if int(y) == 0:
            raise QError("type")        # deal.md: a deal's y is a positive long (or 0 or 0Ng)
        if m > int(y):
            raise QError("length")
        return rng.choice(int(y), m, replace=False).astype(y.dtype)
    if isinstance(y, (np.ndarray, list, QTable)):
        if m > count(y):
            raise QError("length")
        return take_pos(y, rng.choice(count(y), m, replace=False).astype(I64))
    if isinstance(y, str) and y.isdigit() and 0 < int(y) <= 8:
        # deal.md: -n?`k, n distinct symbols of k letters (a to p): distinct draws of the
        # 16^k codes, each written in base 16 as its letters
        k = int(y)
        if m > 16 ** k:
            raise QError("length")
        codes = rng.choice(16 ** k, m, replace=False)
        digits = (codes[:, None] // 16 ** np.arange(k - 1, -1, -1)) % 16
        return np.array(["".join("abcdefghijklmnop"[c] for c in row) for row in digits],
                        dtype=object)
    if isinstance(y, np.void) and y.dtype == GUID:
        # deal.md: -n?0Ng, n distinct guids (random 128 bits: repeats are never drawn)
        out = _roll_atom(m, y, rng)
        while len(distinct(out)) < m:
            out = _roll_atom(m, y, rng)
        return out
    raise QError("type")


def query(ctx, x, y):
    if is_int_atom(x) and not isinstance(x, np.bool_):
        return roll(x, y, ctx.rng)
    if isinstance(x, (np.ndarray, list, QDict, QTable)):
        return find(x, y)
    raise QError("type")


def vcond(c, a, b):
    """`?[c;a;b]`: pick from a where c, else b."""
    if isinstance(c, np.bool_):
        return a if c else b
    if not (isinstance(c, np.ndarray) and c.dtype == np.bool_):
        raise QError("type")
    n = len(c)
    for v in (a, b):
        if isinstance(v, (np.ndarray, list)) and len(v) != n:
            raise QError("length")
    ta = qtype(a) if not isinstance(a, np.ndarray) else -qtype(a)
    tb = qtype(b) if not isinstance(b, np.ndarray) else -qtype(b)
    if ta == tb and ta < 0 and not isinstance(a, list) and not isinstance(b, list):
        dt = object if ta == -11 else (a.dtype if isinstance(a, (np.ndarray, np.generic))
                                       else None)
        return np.where(c, a, b).astype(dt)
    ai = to_items(a) if isinstance(a, (np.ndarray, list)) else [a] * n
    bi = to_items(b) if isinstance(b, (np.ndarray, list)) else [b] * n
    return from_items([ai[k] if c[k] else bi[k] for k in range(n)]) if n else []


def med(x):
    """med.md defines med as {avg x (iasc x)@floor .5*-1 0+count x,:()}: of a table (a keyed
    table's value rows, a dictionary's values) or a list of lists, the middle row in sorted
    order, or the avg of the middle two, rows sorted whole (`med t` of a:10 -21 3, b:4 5 -6 is
    a 3, b -6, the row (3;-6)); of a simple list, the median of its non-null items."""
    if isinstance(x, QDict):
        return med(x.values)
    if (isinstance(x, QTable) and len(x)) or (isinstance(x, list) and len(x) > 1 and
                                              all(isinstance(i, (list, np.ndarray)) for i in x)):
        n = len(x)
        order = np.asarray(iasc(x))
        return avg(index(x, order[[(n - 1) // 2, n // 2]]))
    return med_items(x)


# ---------------------------------------------------------------------------------------------
# registration

define("til", til, doc="til n  the first n naturals: 0 1 .. n-1")
define("count", q_count, doc="count x  the number of items of x (1 for an atom)")
define("first", first,
       doc="first x  x's first item (a dictionary's first value, a table's first row)")
define("last", last, doc="last x  x's last item")
define("enlist", q_enlist, lambda a, b: q_enlist(a, b), lambda a, b, c: q_enlist(a, b, c),
       lambda a, b, c, d: q_enlist(a, b, c, d),
       doc="enlist x | enlist[x;y;..]  a list of its arguments (a 1-item list of x)")
define("reverse", reverse, doc="reverse x  x's items in reverse order")
define("where", where, doc="where b  the indexes of true items, each index i repeated b[i] times")
define("asc", asc, doc="asc x  x sorted ascending")
define("desc", desc, doc="desc x  x sorted descending")
define("iasc", iasc, doc="iasc x  the indexes that sort x ascending")
define("rank", rank, doc="rank x  the position each item of x takes in x sorted: iasc iasc x")
define("xrank", dyad=xrank, infix=True,
       doc="n xrank y  the bucket (0 to n-1) of each item of y, by rank, in n equal buckets")
define("idesc", idesc, doc="idesc x  the indexes that sort x descending")
define("distinct", distinct,
       doc="distinct x  the distinct items of x in order of first occurrence (exact match)")
define("in", dyad=q_in, infix=True,
       doc="x in y  whether each item of x occurs in y (exact match; other numbers by value "
           "only in an atom or 1-item y)")
define("med", med, doc="med x  the median of x's non-null items; of a table, its middle row "
                        "(rows sorted whole), as med.md's {avg x (iasc x)@floor .5*-1 0+count x}")
define("within", dyad=within, infix=True, doc="x within (lo;hi)  whether lo <= x <= hi")
define("except", dyad=q_except, infix=True, doc="x except y  the items of x that are not in y")
define("inter", dyad=inter, infix=True,
       doc="x inter y  the items of x that are also in y (of dictionaries: their values)")
define("union", dyad=union, infix=True, doc="x union y  the distinct items of x,y")
define("cross", dyad=cross, infix=True, doc="x cross y  every pair of an item of x and one of y")
define("raze", raze, doc="raze x  the items of x joined into one list")
define("flip", flip, doc="flip x  transpose: a dictionary of columns becomes a table and back")
define("next", q_next, doc="next x  each item's successor (null at the end)")
define("prev", q_prev, dyad=prev_seeded, qtype=109,
       doc="prev x | prev[s;x]  each item's predecessor (null at the start; s, given one)")
define("xprev", dyad=xprev, infix=True,
       doc="n xprev x  each item's n-th predecessor (null before the start)")
define("sublist", dyad=sublist, infix=True,
       doc="n sublist x | (i;n) sublist x  the first n (last -n) items of x; n items from index i")
define("rotate", dyad=rotate, infix=True,
       doc="n rotate x  x rotated left n places (right for negative n)")
define("cut", dyad=cut, infix=True,
       doc="n cut x | i cut x  x cut into pieces of n items; at indexes i")
define("rand", lambda ctx, x: rand(x, ctx.rng), ctx=True,
       doc="rand x  a random item of list x; a random value below atom x")
define("?", dyad=query, triad=lambda ctx, c, a, b: vcond(c, a, b), ctx=True, infix=True,
       doc="x?y | n?y | ?[c;a;b]  find: where each y first occurs in x (count x if absent); "
           "n random items of y (-n: distinct); a where c, else b")
define("#", dyad=take, infix=True,
       doc="n#x | s#x | c#t | `a#x  take n items (from the end for -n, repeating); reshape to "
           "shape s; columns c; set attribute `s `u `p `g (` none)")
define("_", dyad=drop, infix=True,
       doc="n_x | i_x | k_d  drop n items (from the end for -n); cut at indexes i; remove keys k")
define(",", monad=q_enlist, dyad=join, infix=True,
       doc="x,y | ,x  join lists, dictionaries (upsert) and tables (rows); enlist x")
define("!", dyad=bang, ctx=True, infix=True,
       doc="k!v | n!t | 0N!x  a dictionary of keys k and values v; t keyed on its first n columns; "
           "write x's k form and return x")
define("~", dyad=q_match, infix=True,
       doc="x~y  match: whether x and y are identical in type and value")


# ---------------------------------------------------------------------------------------------
# bin, binr: binary search in a sorted list


def _search_keys(v: np.ndarray) -> np.ndarray:
    """v as an array numpy's searchsorted orders as q does (nulls lowest)."""
    v = ordered(v)
    if v.dtype == SYM:
        return v.astype(str)
    if v.dtype == CHAR:
        return v.view(np.uint8)
    if v.dtype.kind == "f":
        return np.where(np.isnan(v), -np.inf, v)
    return v


def _bin_row(t: QTable, vals: list):
    """The last row of t whose first n-1 columns match vals' and whose last column is at or
    below vals' last (bin.md, tables); 0N where no row does."""
    n = len(t.cols)
    if len(vals) != n:
        raise QError("length")
    rows = np.ones(len(t), dtype=bool)
    for col, v in zip(t.data[:-1], vals[:-1]):
        rows &= np.array([match(a, v) for a in to_items(col)], dtype=bool)
    last, top = t.data[-1], _skey(vals[-1])
    for i in np.nonzero(rows)[0][::-1]:
        if _skey(item(last, int(i))) <= top:
            return I64(i)
    return NULL_J


def _bin_table(t: QTable, y):
    """t bin y for a table t: y one row (a dictionary of t's columns, or a list of one value
    per column) gives an index, a table of rows a vector of them."""
    if isinstance(y, QTable):
        if list(y.cols) != list(t.cols):
            raise QError("type")
        cols = [to_items(c) for c in y.data]
        return np.array([_bin_row(t, [c[i] for c in cols]) for i in range(len(y))], dtype=I64)
    if isinstance(y, QDict) and not is_keyed(y):
        if list(y.keys) != list(t.cols):
            raise QError("type")
        return _bin_row(t, to_items(y.values))
    if isinstance(y, (list, np.ndarray)):
        return _bin_row(t, to_items(y))
    raise QError("type")


def _bin(x, y, right: bool):
    """x bin y (right: binr): index of the last item of x <= y (first >= y for binr)."""
    if isinstance(x, QTable) or is_keyed(x):
        if right:
            raise QError("nyi")           # bin.md documents tables for bin only
        if isinstance(x, QTable):
            return _bin_table(x, y)
        return index(x.keys, _bin_table(x.values, y))   # a keyed table: the keys found
    if isinstance(x, QDict):
        return index(x.keys, _bin(x.values, y, right))
    side = "left" if right else "right"
    if isinstance(x, np.ndarray):
        if isinstance(y, (np.ndarray, np.generic, str)) and not isinstance(y, list):
            yv = y if isinstance(y, np.ndarray) else _as_list(y)
            if yv.dtype != x.dtype:
                raise QError("type")        # bin.md: exactly the same type, no promotion
            r = np.searchsorted(_search_keys(x), _search_keys(yv), side=side).astype(I64)
            if not right:
                r -= 1
            return r if isinstance(y, np.ndarray) else r[0]
        if isinstance(y, list):
            return from_items([_bin(x, a, right) for a in y]) if y else np.array([], dtype=I64)
        raise QError("type")
    if isinstance(x, list):
        import bisect
        if isinstance(y, list):         # a list of items to look for, as Find does
            return np.array([_bin(x, a, right) for a in y], dtype=I64)
        keys = [_skey(a) for a in x]
        k = _skey(y)
        return I64(bisect.bisect_left(keys, k) if right else bisect.bisect_right(keys, k) - 1)
    raise QError("type")


define("bin", dyad=lambda x, y: _bin(x, y, False), infix=True,
       doc="x bin y  index of the last item of sorted x at or below y (-1 if none); of a "
           "table: the last row matching y's other columns, its last at or below (0N if none)")
define("binr", dyad=lambda x, y: _bin(x, y, True), infix=True,
       doc="x binr y  index of the first item of sorted x at or above y")
