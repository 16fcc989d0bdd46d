"""Table verbs: meta keys cols xcols xcol xkey xasc xdesc ungroup, insert upsert and `,:`
(append), and the rule that a table may be named by a global symbol (`` `a xasc `t ``
sorts the global t in place and returns `` `t ``).

Records arriving at a table (insert, upsert, `,:`) may be a table, a keyed table, a
dictionary (one record), a list of one item per column (atoms for one record, lists for
several), or a list of records. Their types must match the table's columns (q's 'type);
an empty general column takes the type of the first records. A keyed table matches
incoming records on its key: upsert and `,:` replace matching rows, insert refuses them.
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values import growth
from ..values.functions import Definitions
from ..values.types import (SYM, TYPE_LETTER, DiskRef, Enum, Mapped, QDict, QTable, attr_of,
                            count, enlist, enum_domain, exact_item, from_items, is_atom,
                            is_keyed, is_null, plain, qtype, to_items, with_attr)
from . import enums, files, lists, partitions
from .attributes import kept_on_append
from .index import proto, take_pos
from .rows import first_positions, row_codes

define = Definitions()

I64 = np.int64


def _syms(names) -> np.ndarray:
    return np.array(list(names), dtype=object)


def _names(x) -> list:
    """A symbol atom or vector as a list of names."""
    if isinstance(x, str):
        return [str(x)]
    if isinstance(x, np.ndarray) and x.dtype == SYM:
        return [str(s) for s in x.tolist()]
    if isinstance(x, list) and not x:
        return []
    raise QError("type")


def deref(ctx, x):
    """A table given by value, by the name of a global, or by its file (`` meta `:db/t ``,
    meta.md)."""
    if files.is_file_symbol(x):
        return files.read_value(ctx, x)
    t = ctx.get_global(x) if isinstance(x, str) else x
    if isinstance(t, DiskRef) and t.flipped:    # a partitioned table missing some slices
        shape = partitions.schema(ctx, t)
        return t if shape is None else shape
    return t


def in_place(fn):
    """x f y where y may name a global table: then the global takes the result and the name
    is returned (`` `a xasc `t ``)."""
    def f(ctx, x, y):
        if isinstance(y, str) and y.startswith(":"):    # asc.md: `c xasc `:dat/t on disk
            return files.update_file(ctx, y, lambda v: fn(x, v))
        if isinstance(y, str):
            ctx.set_global(y, fn(x, ctx.get_global(y)))
            return y
        return fn(x, y)
    return f


def unkey(t):
    return lists.unkey(t)


def rekey(t: QTable, keycols: list):
    return QDict(QTable(keycols, [t.column(c) for c in keycols]),
                 QTable([c for c in t.cols if c not in keycols],
                        [d for c, d in zip(t.cols, t.data) if c not in keycols]))


def _table(x) -> QTable:
    """x as an unkeyed table (keyed tables unkey), else 'type."""
    t = unkey(x)
    if not isinstance(t, QTable):
        raise QError("type")
    return t


# ---------------------------------------------------------------------------------------------
# metadata


def _type_letter(col) -> str:
    """meta's t: the column's type letter, upper case for a column of vectors, blank for an
    empty general column (q reads only the first item of a general column)."""
    t = qtype(col)
    if t == 20:            # an enumeration: the type of its domain's values (fkeys.md)
        return _type_letter(plain(col))
    if t > 0:
        return TYPE_LETTER.get(t, " ")
    if not col:
        return " "
    first = col[0]
    ft = qtype(first)
    if ft == -20 or ft == 20:
        letter = _type_letter(enlist(first) if ft < 0 else first)
        return letter if ft < 0 else letter.upper()
    if ft < 0:
        return TYPE_LETTER.get(-ft, " ")
    return TYPE_LETTER.get(ft, " ").upper() if ft > 0 else " "


def meta(ctx, x):
    t = _table(deref(ctx, x))
    letters = np.frombuffer("".join(_type_letter(c) for c in t.data).encode(), dtype="S1") \
        if t.cols else np.array([], dtype="S1")
    k = QTable(["c"], [_syms(t.cols)])
    attrs = t.attrs if isinstance(t, Mapped) and t.attrs is not None \
        else [attr_of(c) for c in t.data]
    v = QTable(["t", "f", "a"], [letters, _syms(_foreign(ctx, c) for c in t.data),
                                 _syms(attrs)])
    return QDict(k, v)


def _foreign(ctx, c) -> str:
    """meta's f: the keyed table a foreign-key column points into; a column enumerated over a
    symbol list has none (meta.md, dsave.md: a sym-enumerated column shows `s` alone)."""
    return enum_domain(c) if enums.foreign_table(ctx, c) is not None else ""


def fkeys(ctx, x):
    """fkeys t: each foreign-key column of t (or of the table named t) and the keyed table it
    points into."""
    t = _table(deref(ctx, x))
    pairs = [(c, _foreign(ctx, col)) for c, col in zip(t.cols, t.data)]
    pairs = [(c, f) for c, f in pairs if f]
    return QDict(_syms(c for c, _ in pairs), _syms(f for _, f in pairs))


def keys(ctx, x):
    x = deref(ctx, x)
    if is_keyed(x):
        return _syms(x.keys.cols)
    if isinstance(x, QTable):
        return _syms([])
    raise QError("type")


def cols(ctx, x):
    return lists.cols(deref(ctx, x))


def xcols(x, y):
    names = _names(x)
    if not isinstance(y, QTable):
        raise QError("type")
    for c in names:
        if c not in y.cols:
            raise QError(c)
    order = names + [c for c in y.cols if c not in names]
    return QTable(order, [y.column(c) for c in order])


def xcol(x, y):
    if isinstance(x, QDict) and not any(c in _table(y).cols for c in _names(x.keys)):
        raise QError("length")
    return lists.xcol(x, y)


def xasc(x, y):
    """The first sort column comes out sorted: it carries `s# (q's xasc sets it)."""
    r = lists.xasc(x, y)
    first = _names(x)[:1]
    if not first:
        return r
    for part in ((r.keys, r.values) if is_keyed(r) else (r,)):
        if first[0] in part.cols and isinstance(part.column(first[0]), np.ndarray):
            j = part.cols.index(first[0])
            part.data[j] = with_attr(part.data[j], "s")
    return r


def _cell_counts(col) -> np.ndarray:
    """Per row, the count of a list cell, or -1 for an atom cell."""
    if isinstance(col, np.ndarray):
        return np.full(len(col), -1, dtype=I64)
    return np.fromiter((-1 if is_atom(v) else count(v) for v in col), dtype=I64, count=len(col))


def ungroup(x):
    """One row for each item of each row's list cells (each row flipped, as q's
    `,/+:'0!x`): the atoms of a row repeat, its lists must share a count, and a row of
    atoms only is 'rank."""
    t = _table(x)
    if not len(t):
        return t
    counts = [_cell_counts(c) for c in t.data]
    lens = np.max(counts, axis=0)
    if (lens < 0).any():
        raise QError("rank")
    for c in counts:
        if ((c >= 0) & (c != lens)).any():
            raise QError("length")
    rows = np.repeat(np.arange(len(t), dtype=I64), lens)
    data = []
    for col, c in zip(t.data, counts):
        if (c < 0).all():
            data.append(take_pos(col, rows))
        elif (c >= 0).all():
            data.append(lists.raze(list(col)))
        else:
            items = []
            for v, k, n in zip(col, c.tolist(), lens.tolist()):
                items.extend(to_items(v) if k >= 0 else [v] * n)
            data.append(from_items(items))
    return QTable(t.cols, data)


# ---------------------------------------------------------------------------------------------
# records into a table: insert, upsert, `,:`


def _cells(col, v, n: int):
    """The n cells that v gives a column like col: an atom is one cell of a simple column, a
    list its items; in a general column one value is one cell."""
    if isinstance(col, np.ndarray):
        return enlist(v) if is_atom(v) else v
    if n == 1 and not (isinstance(v, list) and len(v) == 1) and not (
            isinstance(v, np.ndarray) and not col and count(v) == 1):
        return enlist(v) if is_atom(v) and not col else [v]
    if count(v) != n or is_atom(v):
        raise QError("length")
    return v


def _by_column(t: QTable, items: list) -> QTable:
    """One item per column: atoms make one record, lists several."""
    n = None
    for col, v in zip(t.data, items):
        if isinstance(col, np.ndarray):
            m = 1 if is_atom(v) else count(v)
            if n is None:
                n = m
            elif n != m:
                raise QError("length")
    if n is None:
        lists_ = [count(v) for v in items if not is_atom(v)]
        n = 1 if len(lists_) < len(items) or len(set(lists_)) != 1 else lists_[0]
    return QTable(t.cols, [_cells(c, v, n) for c, v in zip(t.data, items)])


def records(t: QTable, y, by_column: bool) -> QTable:
    """The records y as a table of (some of) t's columns. A list gives one item per column
    when `by_column` (insert: `` `t insert (`a`b;1 2) ``), else it is one record, or a list
    of records when every item is a list of one item per column (upsert and `,:`)."""
    if isinstance(y, QTable):
        return y
    if is_keyed(y):
        return unkey(y)
    if isinstance(y, QDict):
        if not (isinstance(y.keys, np.ndarray) and y.keys.dtype == SYM):
            raise QError("type")
        return QTable([str(k) for k in y.keys.tolist()], [enlist(v) for v in to_items(y.values)])
    if is_atom(y):
        y = enlist(y)
    if not isinstance(y, (np.ndarray, list)):
        raise QError("type")
    items = to_items(y)
    ncols = len(t.cols)
    if not by_column and items and all(not is_atom(r) and count(r) == ncols for r in items):
        rows = [to_items(r) for r in items]
        return QTable(t.cols, [from_items([r[j] for r in rows]) for j in range(ncols)])
    if len(items) == ncols:
        return _by_column(t, items)
    raise QError("length")


def _conform(ctx, col, vals):
    """vals as items for a column like col: the same simple type, or enumerated into col's
    domain; a general column takes anything."""
    if isinstance(col, np.ndarray):
        if isinstance(col, Enum):
            return enums.enumerate_into(ctx, col.domain, vals)
        vals = plain(vals)
        if not isinstance(vals, np.ndarray) or vals.dtype != col.dtype:
            if isinstance(vals, list) and not vals:
                return col[:0]
            raise QError("type")
        return vals
    return vals


def _last_writes(tgt: np.ndarray) -> np.ndarray:
    """Positions in tgt of the last write to each target (a later record wins)."""
    rev = np.unique(tgt[::-1], return_index=True)[1]
    return np.sort(len(tgt) - 1 - rev)


def _grow(ctx, col, total: int, tgt: np.ndarray, vals):
    """col extended to `total` items (the new ones null), then vals written at tgt."""
    n = count(col)
    if vals is not None:
        vals = _conform(ctx, col, vals)
        if isinstance(col, list) and not col and isinstance(vals, np.ndarray):
            col = vals[:0]          # an empty general column takes the records' type
    if col.__class__ is np.ndarray and total > n and len(tgt) == total - n \
            and (len(tgt) == 0 or (tgt[0] == n and tgt[-1] == total - 1)):
        # rows appended after the last (tgt is n..total-1): the column grows in its buffer
        # (amortised O(rows added), so a loop of single inserts is not quadratic)
        return _grown_column(col, total - n, proto(col) if vals is None else vals)
    if isinstance(col, np.ndarray):
        out = take_pos(col, np.arange(total, dtype=I64)) if total > n else col.copy()
        if vals is not None and len(tgt):
            w = _last_writes(tgt)
            out[tgt[w]] = vals[w]
        return out
    table = isinstance(col, QTable)
    if table:                       # a column that is a table: its rows, as records
        col = to_items(col)
    items = list(col) + [proto(col) if col else None] * (total - n)
    if vals is not None:
        vi = to_items(vals)
        for k in _last_writes(tgt).tolist():
            items[int(tgt[k])] = vi[k]
    return from_items(items) if table else items    # conforming records stay a table


def _exact_cells(t: QTable, y, by_column: bool):
    """(m, cells) when y brings m >= 1 records as one item per column, each of exactly its
    plain vector column's type: atoms (one record) or, for insert, vectors of one count m
    (`.u.upd`'s list of columns). None for anything else, which takes the general path (and
    its errors). A tick script does this thousands of times a second: one pass, no tables made."""
    if y.__class__ is not list or len(y) != len(t.data) or not y:
        return None
    m = None
    for col, v in zip(t.data, y):
        if col.__class__ is not np.ndarray:
            return None
        if exact_item(v, col):
            k = -1                              # an atom: one record
        elif by_column and v.__class__ is np.ndarray and v.ndim == 1 and v.dtype == col.dtype:
            k = len(v)
        else:
            return None
        if m is None:
            m = k
        elif m != k:
            return None
    if m == 0:
        return None                             # no records: the general path's value
    return (1 if m < 0 else m), y


def _appended(t: QTable, m: int, cells: list) -> QTable:
    """t with m records of exact cells (see _exact_cells) after its rows: each column grows
    in its buffer (values.growth)."""
    return QTable(t.cols, [kept_on_append(col, _grown_column(col, m, v), lists.iasc)
                           for col, v in zip(t.data, cells)])


def _grown_column(col: np.ndarray, m: int, v) -> np.ndarray:
    """Plain vector col with m items v after it (an atom fills them all), grown in its buffer
    (values.growth)."""
    n = len(col)
    out = growth.grown(col, m)
    if m == 1 and v.__class__ is not np.ndarray:
        out[n] = v                      # an atom: an item write, cheaper than a slice's
    else:
        out[n:] = v
    return out


def _put_exact(x, y, mode: str):
    """put_records for the common case of exact cells (see _exact_cells) into a table whose
    columns are all plain vectors: a keyed table takes one record, found by comparing its key
    atoms (a null key takes the general path, where nulls match as hashes do). None when the
    general path must decide."""
    keyed = is_keyed(x)
    t = _table(x)
    if t.__class__ is not QTable:
        return None
    by_column = mode == "insert" and not keyed
    if y.__class__ is QDict and y.keys.__class__ is np.ndarray and y.keys.dtype == SYM \
            and y.values.__class__ in (list, np.ndarray) and y.keys.tolist() == t.cols:
        # one record as a dictionary of every column in order (`t upsert `a`b!(1;2.0)`): its
        # values are the cells, and a vector value is one cell, never a column
        y, by_column = to_items(y.values), False
    elif y.__class__ is QTable and not keyed and y.cols == t.cols:
        y, by_column = y.data, True      # a table of the same columns (r.q's upd:insert)
    exact = _exact_cells(t, y, by_column)
    if exact is None:
        return None
    m, cells = exact
    n = len(t)
    if not keyed:
        return _appended(t, m, cells), np.arange(n, n + m, dtype=I64)
    nk = len(x.keys.cols)
    if m != 1 or any(is_null(a) for a in cells[:nk]):
        return None
    hit = None
    for col, a in zip(t.data[:nk], cells[:nk]):
        eq = col == a
        hit = eq if hit is None else hit & eq
    w = np.flatnonzero(hit)
    if not len(w):
        res = _appended(t, 1, cells)
        return rekey(res, x.keys.cols), np.array([n], dtype=I64)
    if mode == "insert":
        raise QError("insert")
    p = int(w[0])
    data = []
    for col, v in zip(t.data, cells):
        out = col.copy()
        out[p] = v
        # as the general path: an attribute that still holds is kept (a key's `u#id)
        data.append(kept_on_append(col, out, lists.iasc))
    return rekey(QTable(t.cols, data), x.keys.cols), np.array([p], dtype=I64)


def put_records(ctx, x, y, mode: str):
    """(new table, positions written) for records y into table x; mode is "insert" (a
    keyed table refuses existing keys), "upsert" or "append" (`,:`)."""
    fast = _put_exact(x, y, mode)
    if fast is not None:
        return fast
    keyed = is_keyed(x)
    t = _table(x)
    new = records(t, y, mode == "insert")
    for c in new.cols:
        if c not in t.cols:
            raise QError("mismatch")
    n, m = len(t), len(new)
    if keyed:
        kcols = x.keys.cols
        if any(c not in new.cols for c in kcols):
            raise QError("type")
        ck, cn = row_codes([t.column(c) for c in kcols], [new.column(c) for c in kcols])
        pos = first_positions(ck, cn)
        fresh = pos < 0
        codes = cn[fresh]
        uniq, first, inv = np.unique(codes, return_index=True, return_inverse=True)
        if mode == "insert" and (not fresh.all() or len(uniq) < len(codes)):
            raise QError("insert")
        # new keys take rows after the old ones, in the order the records bring them
        slot = np.empty(len(uniq), dtype=I64)
        slot[np.argsort(first, kind="stable")] = np.arange(len(uniq), dtype=I64)
        tgt = pos.copy()
        tgt[fresh] = n + slot[inv.reshape(-1)]
        total = n + len(uniq)
    else:
        tgt = np.arange(n, n + m, dtype=I64)
        total = n + m
    # set-attribute.md: `s`, `u` and `g` are kept on append in memory where they still hold
    # (a tickerplant's `g#sym stays grouped as rows arrive)
    data = [kept_on_append(col, _grow(ctx, col, total, tgt, new.column(c)), lists.iasc)
            for c, col in zip(t.cols, t.data)]
    res = QTable(t.cols, data)
    return (rekey(res, x.keys.cols) if keyed else res), tgt


def insert(ctx, name, y):
    if not isinstance(name, str) or name.startswith(":"):
        raise QError("type")
    old = ctx.globals.get(name)
    if name not in ctx.globals or (isinstance(old, list) and not old):
        # an undefined name, or the empty list () (KX's csvutil.q: "DATA must be already
        # defined :: DATA:()"), becomes the table inserted
        if not (isinstance(y, QTable) or is_keyed(y)):
            raise QError(name if old is None else "type")
        ctx.set_global(name, y)
        return np.arange(count(y), dtype=I64)
    res, tgt = put_records(ctx, ctx.get_global(name), y, "insert")
    ctx.set_global(name, res)
    if is_keyed(res):
        return np.unique(tgt).astype(I64)
    return tgt


def upsert(ctx, x, y):
    if files.is_file_symbol(x):
        # a table stored in a file or splayed in a folder: read, upsert, write back
        return files.update_file(ctx, x, lambda t: _new_table(y) if t is None else
                                 ctx.apply(ctx.builtins[","], [t, y]) if
                                 isinstance(t, (np.ndarray, list)) else   # a list grows
                                 put_records(ctx, t, y, "upsert")[0])
    if isinstance(x, str):
        v = ctx.get_global(x)
        if _is_plain_dict(v) and attr_of(v.keys) == "s":
            # a dictionary by name is joined in place, which q refuses for a step (sorted)
            # one (errors.md: 'step)
            raise QError("step")
        ctx.set_global(x, upsert(ctx, v, y))
        return x
    if isinstance(y, list) and not y:
        return x
    if not (isinstance(x, QTable) or is_keyed(x)):
        # upsert is .[;();,;]: anything but a table joins (a dictionary, a namespace
        # `. upsert d, a list)
        return ctx.apply(ctx.builtins[","], [x, y])
    return put_records(ctx, x, y, "upsert")[0]


def _is_plain_dict(v) -> bool:
    """A dictionary that is not a keyed table (upsert joins it as , does)."""
    return isinstance(v, QDict) and not is_keyed(v)


def _new_table(y):
    if not (isinstance(y, QTable) or is_keyed(y)):
        raise QError("type")
    return y


def _rank(v) -> int:
    """The depth of a list through its first items (an atom is 0)."""
    r = 0
    while not is_atom(v) and not isinstance(v, (QDict, QTable)):
        r += 1
        if not count(v):
            break
        v = to_items(v)[0] if not isinstance(v, list) else v[0]
    return r


def append(ctx, x, y):
    """x,:y  append: records to a table (a keyed table upserts), items of the same type to a
    simple list, an item or items to a general list, entries to a dictionary."""
    if isinstance(x, QTable) or is_keyed(x):
        if isinstance(y, list) and not y:
            return x
        return put_records(ctx, x, y, "append")[0]
    if isinstance(x, QDict):
        if not isinstance(y, QDict) or is_keyed(y):
            raise QError("type")
        if isinstance(x.values, np.ndarray) and isinstance(y.values, np.ndarray) \
                and x.values.dtype != y.values.dtype:
            raise QError("type")
        return lists.join(x, y)
    if isinstance(x, Enum):
        return lists.join(x, enums.enumerate_into(ctx, x.domain, y))
    if isinstance(x, np.ndarray):
        y = plain(y)
        if is_atom(y):
            if qtype(y) != -qtype(x):
                raise QError("type")
        elif not (isinstance(y, np.ndarray) and y.dtype == x.dtype) \
                and not (isinstance(y, list) and not y):
            raise QError("type")
        if x.__class__ is np.ndarray and (y.__class__ is np.ndarray or is_atom(y)):
            # v,:y grows v's buffer (amortised O(count y): r,:x in a loop is not quadratic)
            return kept_on_append(x, growth.joined(x, y), lists.iasc)
        return kept_on_append(x, lists.join(x, y), lists.iasc)
    if isinstance(x, list):
        if not x:
            return y if not is_atom(y) else enlist(y)
        if y.__class__ is list and not y:
            return x        # () has no first item, so no rank to enlist by: nothing to add
        if _rank(x) == _rank(y) + 1:
            y = [y]
        return kept_on_append(x, lists.join(x, y), lists.iasc)
    return lists.join(x, y)


define("meta", monad=meta, ctx=True,
       doc="meta t  the columns of t (or of the table named t): c name, t type, f domain, a attribute")
define("fkeys", monad=fkeys, ctx=True,
       doc="fkeys t  the foreign-key columns of t (or of the table named t) and their tables")
define("keys", monad=keys, ctx=True, doc="keys t  the key columns of t (or of the table named t)")
define("cols", monad=cols, ctx=True, doc="cols t  the column names of t (or of the table named t)")
define("xcols", dyad=xcols, infix=True, doc="x xcols t  t with the columns x first")
define("xcol", dyad=xcol, infix=True,
       doc="x xcol t  t with its first columns renamed x (a dict renames by name)")
define("xkey", dyad=in_place(lists.xkey), ctx=True, infix=True,
       doc="x xkey t  t keyed on columns x (by name: the global t changes)")
define("xasc", dyad=in_place(xasc), ctx=True, infix=True,
       doc="x xasc t  t sorted ascending on columns x (by name: the global t changes)")
define("xdesc", dyad=in_place(lists.xdesc), ctx=True, infix=True,
       doc="x xdesc t  t sorted descending on columns x (by name: the global t changes)")
define("ungroup", monad=ungroup,
       doc="ungroup t  one row per item of t's list cells (the inverse of grouping)")
define("insert", dyad=insert, ctx=True, infix=True,
       doc="`t insert y  append records y to the global t; the new row indexes")
define("upsert", dyad=upsert, ctx=True, infix=True,
       doc="t upsert y  append records y to t, replacing rows of a keyed t with the same key")
