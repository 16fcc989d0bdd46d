"""Indexing and amend: `x i`, `x[i;j]`, `x . path`, `@[d;i;f;y]`, `.[d;p;f;y]`, `x[i]:v`.

Entry points (used by the evaluator):

- :func:`index` ``(x, i)``            top-level index (`x i`, `x[i]`, `x@i`)
- :func:`index_depth` ``(x, path)``   index at depth (`x[i;j]`, `x . (i;j)`); MISSING elides
- :func:`amend` ``(ctx, x, path, f, y=MISSING)``  Amend: `path` is a Python list of index
  levels (`@[d;i;...]` is ``path=[i]``; `.[d;p;...]` is ``path=to_items(p)``, see
  :func:`amend_at`/:func:`amend_dot`). `f` may be the builtin `:` (replace).
- :func:`assign_at` ``(x, indices, value)``  `x[i;j]:v`, `d[`k]:v`.

Shared low-level helpers live here too: :func:`proto` (the null item of a list) and
:func:`take_pos`; :func:`find_positions` and :func:`hkey` (from ktwa.verbs.hashing) are
importable from here as well.
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.functions import MISSING, Builtin, QFunction
from ..values.types import (DTYPE_TYPE, SYM, QDict, QTable, attr_of, count, from_items, is_atom,
                            enum_domain, is_keyed, qtype, to_items, type_null)
from .attributes import step_positions
from .hashing import find_positions, hkey

# ---------------------------------------------------------------------------------------------
# small predicates and helpers

def is_int_atom(i) -> bool:
    # a timespan/minute/second/time atom is an np.integer to numpy, never an index to q
    return isinstance(i, (np.integer, np.bool_)) and not isinstance(i, np.timedelta64)


def is_int_vec(i) -> bool:
    return isinstance(i, np.ndarray) and i.dtype.kind in "iub"


def null_like(v):
    """A value shaped like v, filled with nulls (q's prototype of an item)."""
    if isinstance(v, np.ndarray):
        t = DTYPE_TYPE.get(v.dtype, 0)
        return np.full(len(v), type_null(t), dtype=v.dtype)
    if isinstance(v, list):
        return [null_like(a) for a in v]
    if isinstance(v, QTable):
        return QTable(v.cols, [null_like(c) for c in v.data])
    if isinstance(v, QDict):
        return QDict(v.keys, null_like(v.values))
    if isinstance(v, str):
        return ""
    if isinstance(v, np.generic):
        return type_null(qtype(v))
    return None


def proto(x):
    """The null item of list x: what an out-of-range index gives."""
    if isinstance(x, np.ndarray):
        return type_null(DTYPE_TYPE.get(x.dtype, 0))
    if isinstance(x, list):
        # a general list's null item: a vector first item gives an empty vector of its type
        # (next.md: next (1 2;"abc";`ibm) ends with `long$()), anything else its null
        if x and isinstance(x[0], np.ndarray):
            return x[0][:0].copy()
        return null_like(x[0]) if x else None
    if isinstance(x, QTable):
        return QDict(np.array(x.cols, dtype=object), from_items([proto(c) for c in x.data])
                     if x.data else [])
    if isinstance(x, QDict):
        return proto(x.values)
    return None


def take_pos(x, pos: np.ndarray):
    """Items of list x at int64 positions pos; out-of-range positions give the null item."""
    n = count(x)
    if isinstance(x, QTable):
        return QTable(x.cols, [take_pos(c, pos) for c in x.data])
    if isinstance(x, QDict):   # keyed table value or dict treated as list of values
        return take_pos(x.values, pos)
    bad = (pos < 0) | (pos >= n)
    anybad = bool(bad.any()) if len(pos) else False
    if isinstance(x, np.ndarray):
        if not anybad:
            return x[pos]
        if n == 0:
            return np.full(len(pos), proto(x), dtype=x.dtype)
        r = x[np.where(bad, 0, pos)]
        r[bad] = proto(x)
        return r
    if isinstance(x, list):
        if len(pos) == 0:
            return [] if not x else _empty_like(x)
        p = proto(x) if anybad else None
        return from_items([x[k] if 0 <= k < n else p for k in pos.tolist()])
    raise QError("type")


def _empty_like(x: list):
    return []


def _row(t: QTable, k: int):
    return QDict(np.array(t.cols, dtype=object), from_items([c[k] for c in t.data]))


# ---------------------------------------------------------------------------------------------
# index


def index(x, i):
    """`x i` / `x[i]` / `x@i` for data x."""
    if isinstance(x, QTable):
        return _table_index(x, i)
    if isinstance(x, QDict):
        return _dict_index(x, i)
    if isinstance(x, (np.ndarray, list)):
        if i is None or i is MISSING:
            return x
        if is_int_atom(i):
            k = int(i)
            return x[k] if 0 <= k < len(x) else proto(x)
        if is_int_vec(i):
            return take_pos(x, i.astype(np.int64, copy=False))
        if isinstance(i, list):
            if not i:
                return take_pos(x, np.empty(0, dtype=np.int64))
            return from_items([index(x, a) for a in i])
        if isinstance(i, QDict):
            return QDict(i.keys, index(x, i.values))
        if isinstance(i, QTable):
            return QTable(i.cols, [index(x, c) for c in i.data])
        raise QError("type")
    if x is None:
        return i
    raise QError("type")


def _table_index(t: QTable, i):
    if i is None or i is MISSING:
        return t
    if is_int_atom(i):
        k = int(i)
        return _row(t, k) if 0 <= k < len(t) else proto(t)
    if is_int_vec(i):
        return take_pos(t, i.astype(np.int64, copy=False))
    if isinstance(i, str):
        c = t.column(i)
        if c is None:
            raise QError(i)
        return c
    if isinstance(i, np.ndarray) and i.dtype == SYM:
        return [_table_index(t, c) for c in i.tolist()]
    if isinstance(i, list):
        if not i:
            return take_pos(t, np.empty(0, dtype=np.int64))
        return from_items([_table_index(t, a) for a in i])
    if isinstance(i, QDict):
        return QDict(i.keys, _table_index(t, i.values))
    raise QError("type")


def _key_rows(kt: QTable):
    cols = kt.data
    return [tuple(hkey(c[r]) for c in cols) for r in range(len(kt))]


def _keyed_index(d: QDict, i):
    ktab, vtab = d.keys, d.values
    if i is None or i is MISSING:
        return vtab
    if attr_of(ktab) == "s" and len(ktab.cols) == 1 and isinstance(ktab.data[0], np.ndarray) \
            and (is_atom(i) or isinstance(i, QTable) and i.cols == ktab.cols):
        # set-attribute.md: a sorted keyed table is a step function, as a sorted dictionary
        pos = step_positions(ktab.data[0], i if is_atom(i) else i.data[0])
        return (_row(vtab, pos) if pos >= 0 else proto(vtab)) if is_atom(i) \
            else take_pos(vtab, pos.astype(np.int64))
    table = {}
    for r, k in enumerate(_key_rows(ktab)):
        table.setdefault(k, r)
    nk = len(ktab.cols)

    def one(keyvals):
        r = table.get(tuple(hkey(v) for v in keyvals))
        return _row(vtab, r) if r is not None else proto(vtab)

    if isinstance(i, QDict):
        vals = to_items(i.values)
        if is_atom(vals[0]) if vals else True:
            m = {k: v for k, v in zip(to_items(i.keys), vals)}
            return one([m.get(c) for c in ktab.cols])
    if isinstance(i, QTable):
        rows = [tuple(hkey(i.column(c)[r]) for c in ktab.cols) for r in range(len(i))]
        pos = np.array([table.get(k, -1) for k in rows], dtype=np.int64)
        return take_pos(vtab, pos)
    if nk == 1:
        if is_atom(i):
            return one([i])
        # a list is one compound key (dotq.md: s 2 3 is 'length); many keys come as a table
        if count(i) != 1:
            raise QError("length")
        return one(to_items(i))
    if isinstance(i, list) and len(i) == nk:
        if all(is_atom(v) for v in i):
            return one(i)
        cols = [to_items(v) for v in i]
        pos = np.array([table.get(tuple(hkey(v) for v in row), -1) for row in zip(*cols)],
                       dtype=np.int64)
        return take_pos(vtab, pos)
    raise QError("type")


def _dict_index(d: QDict, i):
    if is_keyed(d):
        return _keyed_index(d, i)
    if i is None or i is MISSING:
        return d.values
    if isinstance(i, QDict):
        return QDict(i.keys, _dict_index(d, i.values))
    keys = d.keys
    if attr_of(keys) == "s" and (is_atom(i) or isinstance(i, np.ndarray)):
        # a sorted dictionary is a step function: the value at the last key <= i
        pos = step_positions(keys, i)
        return take_pos(d.values, np.atleast_1d(pos))[0] if is_atom(i) else \
            take_pos(d.values, pos.astype(np.int64))
    if is_atom(i) or (isinstance(keys, list) and d.index_of(i) is not None):
        p = d.index_of(i)
        vals = d.values
        if p is None:
            return proto(vals)
        if isinstance(vals, QTable):
            return _row(vals, p)
        return vals[p]
    if isinstance(i, QTable):
        return QTable(i.cols, [_dict_index(d, c) for c in i.data])
    if isinstance(i, np.ndarray) or (isinstance(i, list) and not isinstance(keys, list)
                                     and all(is_atom(a) for a in i)):
        pos = find_positions(keys, i)
        return take_pos(d.values, pos)
    if isinstance(i, list):
        if not i:
            return take_pos(d.values, np.empty(0, dtype=np.int64))
        return from_items([_dict_index(d, a) for a in i])
    raise QError("type")


def _single(x, i) -> bool:
    """Does index i select ONE item of x (as opposed to a list of items)?"""
    if is_atom(i):
        return True
    if isinstance(x, QDict):
        if is_keyed(x):
            if isinstance(i, QDict):
                return True
            return (len(x.keys.cols) > 1 and isinstance(i, list)
                    and all(is_atom(a) for a in i))
        if isinstance(x.keys, list):
            return x.index_of(i) is not None
    return False


def index_depth(x, path):
    """`x[i;j;...]` / `x . path`: path is a Python list of indexes, MISSING (or ::) = all."""
    path = list(path)
    while len(path) > 1 and (path[-1] is MISSING or path[-1] is None):
        path.pop()          # a trailing elided index takes everything: t[1;] is t[1] (syntax.md)
    if not path:
        return x
    i, rest = path[0], path[1:]
    if not rest:
        return index(x, None if i is MISSING else i)
    if i is MISSING or i is None:
        if isinstance(x, QTable):
            return index_depth(x, rest)
        if isinstance(x, QDict) and not is_keyed(x):
            return QDict(x.keys, from_items([index_depth(v, rest) for v in to_items(x.values)]))
        if isinstance(x, (np.ndarray, list)):
            return from_items([index_depth(v, rest) for v in to_items(x)])
        if x is None:
            return index_depth(None, rest)
        raise QError("type")
    if isinstance(x, QTable) or _single(x, i):
        return index_depth(index(x, i), rest)
    if isinstance(i, QDict):
        return QDict(i.keys, index_depth(x, [i.values] + rest))
    items = to_items(i)
    return from_items([index_depth(x, [a] + rest) for a in items])


# ---------------------------------------------------------------------------------------------
# amend


class _Assign:
    """Stand-in for the builtin `:` (replace) when no Builtin object is at hand."""

    name = ":"

    def __repr__(self):
        return "ASSIGN"


ASSIGN = _Assign()


def is_assign(f) -> bool:
    return f is ASSIGN or (isinstance(f, Builtin) and f.name == ":")


def _apply(ctx, f, x, y):
    if is_assign(f):
        if y is MISSING:
            raise QError("rank")
        return y
    args = [x] if y is MISSING else [x, y]
    if ctx is None or (callable(f) and not isinstance(f, QFunction)):
        if callable(f):
            return f(*args)
        raise QError("type")
    return ctx.apply(f, args)


def amend_at(ctx, x, i, f, y=MISSING):
    """`@[x;i;f]` / `@[x;i;f;y]`."""
    return amend(ctx, x, [i], f, y)


def amend_dot(ctx, x, path, f, y=MISSING):
    """`.[x;path;f]` / `.[x;path;f;y]`: path is a q list of index levels."""
    if is_atom(path) and path is not None:
        levels = [path]
    elif path is None:
        levels = [None]
    else:
        levels = to_items(path) if not isinstance(path, (QDict, QTable)) else [path]
    return amend(ctx, x, levels, f, y)


def amend(ctx, x, path, f, y=MISSING):
    """Amend x at a path of index levels with f (unary, or binary with y); returns a copy.

    (A symbol x naming a global is resolved by the caller, ktwa.runtime.builtins._amend.)
    """
    return _amend(ctx, x, list(path), f, y)


def assign_at(x, indices, value):
    """`x[i]:v`, `x[i;j]:v`, `d[`k]:v`, `d[`a`b]:(1;2)`: the amended copy of x."""
    return _amend(None, x, list(indices), ASSIGN, value)


def _amend(ctx, x, path, f, y):
    if not path:
        return _apply(ctx, f, x, y)
    i, rest = path[0], path[1:]
    if isinstance(x, QTable):
        return _amend_table(ctx, x, i, rest, f, y)
    if isinstance(x, QDict):
        if is_keyed(x):
            raise QError("nyi")
        return _amend_dict(ctx, x, i, rest, f, y)
    if isinstance(x, (np.ndarray, list)):
        return _amend_list(ctx, x, i, rest, f, y)
    raise QError("type")


def _is_listy(y) -> bool:
    return isinstance(y, (np.ndarray, list))


def _list_pairs(i, y, n, out):
    """Flatten index i (ints, nested) paired with conforming y into out [(pos, y_k)]. An index
    beyond the list is 'length, as in q (dictsandtables.md: v[5 1]:42 100 on 3 items)."""
    if is_int_atom(i):
        k = int(i)
        if not 0 <= k < n:
            raise QError("length")
        out.append((k, y))
        return
    if i is None:                 # identity.md: :: among the indexes is every item
        _list_pairs(np.arange(n, dtype=np.int64), y, n, out)
        return
    if isinstance(i, (np.ndarray, list)):
        if isinstance(i, np.ndarray) and not is_int_vec(i):
            raise QError("type")
        for a, b in _spread(i, y):
            _list_pairs(a, b, n, out)
        return
    raise QError("type")


def _spread(i, y):
    """Pair each index of a list of indexes with its value: y itself when y is not a list (or
    is MISSING), else y's items, which must be as many ('length)."""
    items = to_items(i)
    if y is MISSING or not _is_listy(y):
        return zip(items, [y] * len(items))
    if count(y) != len(items):
        raise QError("length")
    return zip(items, to_items(y))


def _atom_fits(v, x) -> bool:
    """Can atom v be an item of vector x: its type, and for an enumeration its domain."""
    return qtype(v) == -qtype(x) and enum_domain(v) == enum_domain(x)


def _amend_list(ctx, x, i, rest, f, y):
    n = len(x)
    if i is MISSING or i is None:
        i = np.arange(n, dtype=np.int64)
    isvec = isinstance(x, np.ndarray)
    # fast path: plain assignment of a vector at an int vector
    if isvec and not rest and is_assign(f) and is_int_vec(i) and y is not MISSING:
        pos = i.astype(np.int64, copy=False)
        if len(pos) and (pos.min() < 0 or pos.max() >= n):
            raise QError("length")
        if isinstance(y, np.ndarray):
            if len(y) != len(pos):
                raise QError("length")
            if qtype(y) != qtype(x) or enum_domain(y) != enum_domain(x):
                raise QError("type")
        elif isinstance(y, list):
            if len(y) != len(pos):
                raise QError("length")
            if not all(_atom_fits(v, x) for v in y):
                raise QError("type")
            y = np.array(y, dtype=x.dtype)
        elif not _atom_fits(y, x):
            raise QError("type")
        work = x.copy()
        work[pos] = y
        return work
    pairs = []
    _list_pairs(i, y, n, pairs)
    if isvec:
        work = x.copy()
        for k, yk in pairs:
            new = _amend(ctx, work[k], rest, f, yk)
            if not _atom_fits(new, x):
                raise QError("type")
            work[k] = new
        return work
    work = list(x)
    for k, yk in pairs:
        work[k] = _amend(ctx, work[k], rest, f, yk)
    return from_items(work)


def _dict_pairs(d: QDict, i, y, out):
    if _single(d, i):
        out.append((i, y))
        return
    if isinstance(i, (np.ndarray, list)):
        for a, b in _spread(i, y):
            _dict_pairs(d, a, b, out)
        return
    raise QError("type")


def _amend_dict(ctx, d: QDict, i, rest, f, y):
    keys, values = d.keys, d.values
    if isinstance(values, QTable):
        values = to_items(values)
    if i is MISSING or i is None:
        i = keys
    pairs = []
    _dict_pairs(d, i, y, pairs)
    work = list(to_items(values))
    newkeys = []
    extra = {}
    vproto = proto(d.values)
    for k, yk in pairs:
        p = d.index_of(k)
        if p is None:
            hk = hkey(k)
            p = extra.get(hk)
            if p is None:
                p = len(work)
                extra[hk] = p
                newkeys.append(k)
                work.append(vproto)
        work[p] = _amend(ctx, work[p], rest, f, yk)
    # keys
    if newkeys:
        if isinstance(keys, np.ndarray):
            if not all(_atom_fits(k, keys) for k in newkeys):
                raise QError("type")
            nk = np.concatenate([keys, np.array(newkeys, dtype=keys.dtype)])
        elif isinstance(keys, list):
            nk = from_items(list(keys) + newkeys) if not keys else list(keys) + newkeys
        else:
            raise QError("type")
    else:
        nk = keys
    # values
    if isinstance(d.values, np.ndarray):
        if not all(_atom_fits(v, d.values) for v in work):
            raise QError("type")
        nv = from_items(work) if work else d.values[:0]
    elif isinstance(d.values, QTable):
        nv = from_items(work)
    else:
        nv = from_items(work)
    return QDict(nk, nv)


def _amend_table(ctx, t: QTable, i, rest, f, y):
    n = len(t)
    if isinstance(i, str) or (isinstance(i, np.ndarray) and i.dtype == SYM):
        cd = QDict(np.array(t.cols, dtype=object), list(t.data))
        r = _amend_dict(ctx, cd, i, rest, f, y)
        cols = list(r.keys)
        data = []
        for c in to_items(r.values):
            if is_atom(c):
                c = np.full(n, c, dtype=object if isinstance(c, str) else np.asarray(c).dtype)
            if count(c) != n and t.cols:
                raise QError("length")
            data.append(c)
        return QTable(cols, data)
    if (i is MISSING or i is None) and rest:
        j = rest[0]
        if isinstance(j, str) or (isinstance(j, np.ndarray) and j.dtype == SYM):
            return _amend_table(ctx, t, j, [None] + rest[1:], f, y)
    rows = to_items(t)
    r = _amend_list(ctx, rows, i, rest, f, y)
    return r
