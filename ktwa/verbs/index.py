"""Indexing and amend: `x i`, `x[i;j]`, `x . path`, `@[d;i;f;y]`, `.[d;p;f;y]`, `x[i]:v`.

Entry points (used by the evaluator):

- :func:`index` ``(x, i)``            top-level index (`x i`, `x[i]`, `x@i`)
- :func:`index_depth` ``(x, path)``   index at depth (`x[i;j]`, `x . (i;j)`); MISSING elides
- :func:`amend` ``(ctx, x, path, f, y=MISSING)``  Amend: `path` is a Python list of index
  levels (`@[d;i;...]` is ``path=[i]``; `.[d;p;...]` is ``path=to_items(p)``, see
  :func:`amend_at`/:func:`amend_dot`). `f` may be the builtin `:` (replace).
- :func:`assign_at` ``(x, indices, value)``  `x[i;j]:v`, `d[`k]:v`.

A dictionary keyed by a table (a keyed table, or a table of keys to a list) is indexed and
amended by rows of its keys (:func:`_keys_of` says which an index names); amend upserts, a new
key's value starting as nulls. A table is amended column by column, so types hold ('type).

Shared low-level helpers live here too: :func:`proto` (the null item of a list) and
:func:`take_pos`; :func:`find_positions` and :func:`hkey` (from ktwa.verbs.hashing) are
importable from here as well.
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values import growth
from ..values.functions import IDENTITY, MISSING, Builtin, QFunction
from ..values.types import (DTYPE_TYPE, SYM, QDict, QTable, attr_of, count, enum_domain,
                            enum_vector, exact_item, from_items, is_atom, is_null,
                            is_table_keyed, plain, qtype, to_items, type_null)
from .attributes import step_positions
from .hashing import find_positions, find_rows, hkey, item_depth

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


_SHORT_POS = 64     # positions take_pos checks as a Python list rather than with numpy
_least, _most = np.minimum.reduce, np.maximum.reduce


def take_pos(x, pos: np.ndarray):
    """Items of list x at int64 positions pos; out-of-range positions give the null item."""
    n = count(x)
    if isinstance(x, QTable):
        return QTable(x.cols, [take_pos(c, pos) for c in x.data])
    if isinstance(x, QDict):   # keyed table value or dict treated as list of values
        return take_pos(x.values, pos)
    if x.__class__ is np.ndarray:
        if len(pos) <= _SHORT_POS:
            p = pos.tolist()          # a short index is checked in Python: no temporaries
            if not p or (min(p) >= 0 and max(p) < n):
                return x[pos]
        elif _least(pos) >= 0 and _most(pos) < n:     # two reductions, no masks
            return x[pos]
    bad = (pos < 0) | (pos >= n)
    anybad = bool(bad.any()) if len(pos) else False
    if isinstance(x, np.ndarray):
        if not anybad:
            return x[pos]
        if n == 0:
            r = np.full(len(pos), plain(proto(x)), dtype=x.dtype)
            return enum_vector(r, x.domain, x.rows) if enum_domain(x) else r
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
    # a column may be a table (enlist of a dictionary of dictionaries): its item is a row
    return QDict(np.array(t.cols, dtype=object),
                 from_items([c[k] if c.__class__ is not QTable else _row(c, k) for c in t.data]))


# ---------------------------------------------------------------------------------------------
# index


def _enum_positions(ctx, i):
    """An enumeration indexing a list stands for what q stores: its positions in its domain
    (funq's `./[m;flip(`k?a;`k?b);:;v]`); the context knows the domains."""
    return ctx.enum_positions(i)


def index(x, i, ctx=None):
    """`x i` / `x[i]` / `x@i` for data x. Given ctx, an enumeration indexes a list by its
    positions in its domain."""
    if x.__class__ is np.ndarray and i.__class__ is np.ndarray and i.dtype.kind in "iub":
        # a plain vector of positions (not an enumeration) into a vector: the common case
        return take_pos(x, i if i.dtype == np.int64 else i.astype(np.int64))
    if isinstance(x, QTable):
        return _table_index(x, i)
    if isinstance(x, QDict):
        return _dict_index(x, i)
    if isinstance(x, (np.ndarray, list)):
        if i.__class__ is np.ndarray and i.dtype.kind in "iub":
            # a plain vector of positions (not an enumeration): the common case first
            return take_pos(x, i if i.dtype == np.int64 else i.astype(np.int64))
        if i is None or i is MISSING:
            return x
        if ctx is not None and enum_domain(i):
            i = _enum_positions(ctx, i)
        if is_int_atom(i):
            k = int(i)
            return x[k] if 0 <= k < len(x) else proto(x)
        if is_int_vec(i):
            return take_pos(x, i.astype(np.int64, copy=False))
        if isinstance(i, list):
            if not i:
                return take_pos(x, np.empty(0, dtype=np.int64))
            return from_items([index(x, a, ctx) for a in i])
        if isinstance(i, QDict):
            return QDict(i.keys, index(x, i.values, ctx))
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


def _key_find(ktab: QTable, keys: list) -> np.ndarray:
    """The first position of each key (a list of an atom per key column) among the rows of key
    table ktab; -1 where it has none."""
    if len(keys) == 1 and all(isinstance(c, np.ndarray) and c.dtype.kind in "biufmMOS"
                              for c in ktab.data):
        # one key into typed columns (a script's kt[k;c]:v in a loop): compare, not hash
        pairs = []
        for c, a in zip(ktab.data, keys[0]):
            if not (c.__class__ is np.ndarray and exact_item(a, c) or
                    is_atom(a) and a is not None and
                    (_atom_fits(a, c) or isinstance(a, str) and c.dtype == SYM)):
                return np.array([-1], dtype=np.int64)        # not of the column's type
            if is_null(a):
                break                                         # nulls match as hashes do
            pairs.append((c, a))
        else:
            # symbols (a Python compare per item) last, and each column after the first is
            # compared only at the rows that still match (book.q's `s`p key: the price
            # narrows the rows, the symbol is compared at a few)
            pairs.sort(key=lambda p: p[0].dtype == SYM)
            at = np.arange(len(ktab)) if not pairs else None
            for c, a in pairs:
                at = np.flatnonzero(c == a) if at is None else at[c[at] == a]
                if not len(at):
                    break
            return np.array([at[0] if len(at) else -1], dtype=np.int64)
    needles = QTable(ktab.cols, [from_items([k[j] for k in keys]) for j in range(len(ktab.cols))])
    return find_rows(ktab, needles)


def _value_at(vals, r: int):
    """Item r of a dictionary's values: a row (a dictionary) when they are a table."""
    return _row(vals, r) if isinstance(vals, QTable) else vals[r]


def _keys_of(ktab: QTable, i):
    """The keys an index i names in a dictionary keyed by table ktab: (one, keys) where keys is
    a list of rows, each the list of its key columns' atoms, and `one` says i is one key (its
    value is an item) rather than a list of them (their values are a list). One key is an atom
    (one key column), a row dictionary, or a list of an atom per key column; a table, or a list
    of a column per key column, is many. A list of atoms on one key column is one compound key
    (dotq.md: s 2 3 is 'length): many keys come as a table."""
    cols = ktab.cols
    nk = len(cols)
    if isinstance(i, QDict) and not isinstance(i.keys, QTable):
        vals = to_items(i.values)
        if is_atom(vals[0]) if vals else True:
            m = {k: v for k, v in zip(to_items(i.keys), vals)}
            return True, [[m.get(c) for c in cols]]
    if isinstance(i, QTable):
        data = [i.column(c) for c in cols]
        if any(c is None for c in data):
            raise QError("type")
        return False, [list(r) for r in zip(*(to_items(c) for c in data))]
    if nk == 1:
        if is_atom(i):
            return True, [[i]]
        if count(i) != 1:
            raise QError("length")
        return True, [to_items(i)]
    if isinstance(i, np.ndarray) and i.ndim == 1 and len(i) == nk:
        return True, [to_items(i)]      # application.md: kt`Jack`London, a key of atoms
    if isinstance(i, list) and len(i) == nk:
        if all(is_atom(v) for v in i):
            return True, [i]
        data = [to_items(v) for v in i]
        if len({len(c) for c in data}) != 1:
            raise QError("length")
        return False, [list(r) for r in zip(*data)]
    raise QError("type")


def _keyed_index(d: QDict, i):
    """A dictionary keyed by a table (a keyed table when its values are one too) at i."""
    ktab, vals = d.keys, d.values
    if i is None or i is MISSING:
        return vals
    if attr_of(ktab) == "s" and len(ktab.cols) == 1 and isinstance(ktab.data[0], np.ndarray) \
            and (is_atom(i) or isinstance(i, QTable) and i.cols == ktab.cols):
        # set-attribute.md: a sorted keyed table is a step function, as a sorted dictionary
        pos = step_positions(ktab.data[0], i if is_atom(i) else i.data[0])
        return (_value_at(vals, pos) if pos >= 0 else proto(vals)) if is_atom(i) \
            else take_pos(vals, pos.astype(np.int64))
    one, keys = _keys_of(ktab, i)
    pos = _key_find(ktab, keys)
    if one:
        return _value_at(vals, int(pos[0])) if pos[0] >= 0 else proto(vals)
    return take_pos(vals, pos)


def _dict_index(d: QDict, i):
    if is_table_keyed(d):
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
    if isinstance(keys, list) and keys and not is_atom(i) and d.index_of(i) is None:
        # keys that are lists: i is one key, or a list of keys, by find's depth rule
        # ((0 0 1;1 0 1)!v looked up with (1 0 0;0 0 1): KX's ml confMatrix of matrices)
        dk, di = item_depth(keys[0]), item_depth(i)
        if di == dk:                    # one key, not there
            return proto(d.values)
        if di == dk + 1 and all(item_depth(a) == dk for a in to_items(i)):
            return take_pos(d.values, find_positions(keys, list(to_items(i))))
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
        if is_table_keyed(x):
            return _keys_of(x.keys, i)[0]
        if isinstance(x.keys, list):
            # keys that are lists take a simple list as one whole key, found or new (q's
            # Find matches a simple y against each item whole): d["new"]:v adds one key
            return x.index_of(i) is not None or (
                isinstance(i, np.ndarray) and bool(x.keys) and not is_atom(x.keys[0]))
    return False


def index_depth(x, path, ctx=None):
    """`x[i;j;...]` / `x . path`: path is a Python list of indexes, MISSING (or ::) = all.
    Given ctx, a function met on the way is applied to the rest of the path, as q indexes
    and applies alike (`rf[;m][;1]` on a list of functions: each applied to m)."""
    if ctx is not None and isinstance(x, QFunction):
        return ctx.apply(x, list(path))
    path = list(path)
    while len(path) > 1 and (path[-1] is MISSING or path[-1] is None):
        path.pop()          # a trailing elided index takes everything: t[1;] is t[1] (syntax.md)
    if not path:
        return x
    i, rest = path[0], path[1:]
    if not rest:
        return index(x, None if i is MISSING else i, ctx)
    if i is MISSING or i is None:
        if isinstance(x, QTable):
            return index_depth(x, rest)
        if isinstance(x, QDict) and not is_table_keyed(x):
            return QDict(x.keys, from_items([index_depth(v, rest, ctx)
                                             for v in to_items(x.values)]))
        if isinstance(x, (np.ndarray, list)):
            return from_items([index_depth(v, rest, ctx) for v in to_items(x)])
        if x is None:
            return index_depth(None, rest, ctx)
        raise QError("type")
    if isinstance(x, QTable) or _single(x, i):
        return index_depth(index(x, i, ctx), rest, ctx)
    if is_table_keyed(x):             # many keys: their values, each indexed at rest
        return index_depth(index(x, i, ctx), [None] + rest, ctx)
    if isinstance(i, QDict):
        return QDict(i.keys, index_depth(x, [i.values] + rest, ctx))
    items = to_items(i)
    return from_items([index_depth(x, [a] + rest, ctx) for a in items])


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
        if is_table_keyed(x):
            return _amend_keyed(ctx, x, i, rest, f, y)
        return _amend_dict(ctx, x, i, rest, f, y)
    if isinstance(x, (np.ndarray, list)):
        return _amend_list(ctx, x, i, rest, f, y)
    raise QError("type")


def _is_listy(y) -> bool:
    return isinstance(y, (np.ndarray, list, QTable))      # a table is a list of its rows


def _fresh_step(ctx, f, y, whole: bool):
    """(operator, right argument) to amend an item a key new to a dictionary brings, which
    starts as a null: a modified assignment with an operator whose identity q knows starts from
    that identity instead (`d[`new]+:1` is 1, as `bar+:1` is for an undefined bar, assign.md),
    `,` at the whole item from the empty list, and `^` takes y (a null filled is y), so that
    counting into a dictionary (`d[k]+:1`), collecting by key (`d[k],:x`) and filling by key
    (`d[k]^:t`) do what scripts mean."""
    name = f.name if isinstance(f, Builtin) and y is not MISSING else None
    if name in IDENTITY:
        return ASSIGN, _apply(ctx, f, IDENTITY[name], y)
    if name == "," and whole:
        return ASSIGN, _apply(ctx, f, [], y)
    if name == "^":
        return ASSIGN, y
    return f, y


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
    elif ctx is not None and enum_domain(i):
        i = _enum_positions(ctx, i)
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


def _one_plain_item(d: QDict, i) -> bool:
    """Does i name one key of a dictionary whose keys and values are plain vectors (which
    _amend_dict_item amends directly)?"""
    return d.keys.__class__ is np.ndarray and d.values.__class__ is np.ndarray \
        and is_atom(i) and i is not None


def _amend_dict_item(ctx, d: QDict, i, rest, f, y):
    """d amended at the one key i when its keys and values are plain vectors (`d[k]+:1`,
    `d[k]:v` in a loop): one item is amended and written into a copy of the values, or a new
    key and its item grow both vectors in their buffers (values.growth); the key index is
    kept. What the general path gives, without a Python pass over every item."""
    keys, values = d.keys, d.values
    p = d.index_of(i)
    if p is not None:
        new = _amend(ctx, values[p], rest, f, y)
        if not _atom_fits(new, values):
            raise QError("type")
        out = values.copy()
        out[p] = new
        return d.with_values(out)
    fk, yk = _fresh_step(ctx, f, y, not rest)
    new = _amend(ctx, proto(values), rest, fk, yk)
    if not (_atom_fits(i, keys) and _atom_fits(new, values)):
        raise QError("type")
    n = len(keys)
    nk, nv = growth.grown(keys, 1), growth.grown(values, 1)
    nk[n], nv[n] = i, new
    return d.with_new_key(nk, nv, i)


def _amend_dict(ctx, d: QDict, i, rest, f, y):
    if _one_plain_item(d, i):
        return _amend_dict_item(ctx, d, i, rest, f, y)
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
    for k, yk in pairs:
        p = d.index_of(k)
        fk, yk2 = f, yk
        if p is None:
            hk = hkey(k)
            p = extra.get(hk)
            if p is None:
                p = len(work)
                extra[hk] = p
                newkeys.append(k)
                work.append(proto(d.values))        # made only for a new key
                fk, yk2 = _fresh_step(ctx, f, yk, not rest)
        work[p] = _amend(ctx, work[p], rest, fk, yk2)
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


def _is_column_index(c) -> bool:
    return isinstance(c, str) or (isinstance(c, np.ndarray) and c.dtype == SYM)


def _amend_table(ctx, t: QTable, i, rest, f, y):
    """t amended at i (rows, or columns by name) and then at rest. Rows are amended column by
    column, so an item of the wrong type for its column is 'type, as in a typed list."""
    n = len(t)
    if _is_column_index(i):
        cd = QDict(np.array(t.cols, dtype=object), list(t.data))
        r = _amend_dict(ctx, cd, i, rest, f, y)
        cols = list(r.keys)
        data = []
        for c in to_items(r.values):
            if c is None:
                c = [None] * n
            elif is_atom(c):
                c = np.full(n, c, dtype=object if isinstance(c, str) else np.asarray(c).dtype)
            elif not isinstance(c, (np.ndarray, list, QTable)):
                raise QError("type")         # a column is a list or a table, not a dictionary
            if count(c) != n and t.cols:
                raise QError("length")
            data.append(c)
        return QTable(cols, data)
    if i is MISSING:
        i = None
    if rest and _is_column_index(rest[0]) and (is_atom(rest[0]) or is_atom(i)):
        # t[i;`c] is t[`c;i], and t[i;`b`c] for one row i is t[`b`c;i]: amend in the column
        return _amend_table(ctx, t, rest[0], [i] + rest[1:], f, y)
    if i is None:
        i = np.arange(n, dtype=np.int64)
    pairs = []
    _list_pairs(i, y, n, pairs)
    names = np.array(t.cols, dtype=object)
    work = [c.copy() if isinstance(c, np.ndarray) else list(c) for c in t.data]
    for k, yk in pairs:
        row = QDict(names, from_items([c[k] for c in work]))
        _put_row(t.cols, work, k, _amend(ctx, row, rest, f, yk))
    return QTable(t.cols, [from_items(c) if isinstance(c, list) else c for c in work])


def _put_row(cols: list, work: list, k: int, new):
    """Write new, row k of a table after an amend, into its working columns: a dictionary of
    the table's columns (in any order), or a list of an item per column. Each item must be
    one of its column's type ('type); other columns are 'mismatch, as for `t,d` (how q words
    this for an amend is not documented)."""
    if isinstance(new, QDict) and not isinstance(new.keys, QTable):
        m = dict(zip(to_items(new.keys), to_items(new.values)))
        if len(m) != len(cols) or any(c not in m for c in cols):
            raise QError("mismatch")
        items = [m[c] for c in cols]
    elif isinstance(new, (np.ndarray, list)):
        if count(new) != len(cols):
            raise QError("length")
        items = to_items(new)
    else:
        raise QError("type")
    for col, v in zip(work, items):
        if isinstance(col, np.ndarray) and not (is_atom(v) and _atom_fits(v, col)):
            raise QError("type")
        col[k] = v


def _grown(col, atoms: list):
    """Column col with atoms appended: each must be one of a typed column's type ('type); an
    empty general column takes the type of what comes (as `,:` gives a table's () column)."""
    if isinstance(col, np.ndarray):
        if not all(_atom_fits(a, col) for a in atoms):
            raise QError("type")
        if enum_domain(col):
            return from_items(to_items(col) + atoms)
        return np.concatenate([col, np.array(atoms, dtype=col.dtype)])
    return from_items(list(col) + atoms)


def _amend_keyed(ctx, d: QDict, i, rest, f, y):
    """A dictionary keyed by a table (a keyed table when its values are one too) amended at
    the keys i names (see _keys_of) and then at rest. Indexed assignment to a dictionary
    upserts (dictsandtables.md): a key it lacks is added, its value starting as nulls."""
    ktab, vals = d.keys, d.values
    n = len(ktab)
    if i is MISSING or i is None:
        return QDict(ktab, _amend(ctx, vals, [None] + rest, f, y))
    one, keys = _keys_of(ktab, i)
    pairs = [(keys[0], y)] if one else list(_spread(keys, y))
    pos = _key_find(ktab, keys).tolist() if keys else []
    added, new, steps = {}, [], []
    whole = not rest and not isinstance(vals, QTable)
    for j, (k, yk) in enumerate(pairs):
        if pos[j] < 0:
            hk = tuple(hkey(v) for v in k)
            if hk not in added:
                added[hk] = n + len(new)
                new.append(k)
                steps.append(_fresh_step(ctx, f, yk, whole))
            else:
                steps.append((f, yk))
            pos[j] = added[hk]
        else:
            steps.append((f, yk))
    if new:
        ktab = QTable(ktab.cols, [_grown(c, [k[j] for k in new]) for j, c in enumerate(ktab.data)])
        vals = take_pos(vals, np.arange(n + len(new), dtype=np.int64))    # new items: nulls
    if one:
        (fk, yk), = steps
        return QDict(ktab, _amend(ctx, vals, [np.int64(pos[0])] + rest, fk, yk))
    if all(fk is f for fk, _ in steps):
        ys = MISSING if y is MISSING else [yk for _, yk in steps]
        return QDict(ktab, _amend(ctx, vals, [np.array(pos, dtype=np.int64)] + rest, f, ys))
    for p, (fk, yk) in zip(pos, steps):    # a new key's first amend starts from an identity
        vals = _amend(ctx, vals, [np.int64(p)] + rest, fk, yk)
    return QDict(ktab, vals)
