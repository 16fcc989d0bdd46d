"""Enumerations: `` `d$y `` (enumerate), `` `d?y `` (enum extend), `` `d!i `` (from indices)
and the casts of an enumeration (`"i"$e` its indices, `` `$e `` its symbols); foreign keys
(a keyed table as the domain) and link columns (`` `t!i `` over an unkeyed table).

An enumeration's domain is a global named by a symbol: a symbol list, or a keyed table
whose one key column gives the values (both kept as those values, see values.types.Enum);
a keyed table of a compound key, or an unkeyed table (a link), whose rows are kept as row
indices. The three glyphs are defined first elsewhere (cast, find/roll, dict); this module
gives them their enumeration cases, which need the session's globals, and passes everything
else on to those definitions. (Joining enumerations needs no globals: ktwa.verbs.lists.join.)

q keeps every enumeration as indices, so changing a domain's entries changes what its
enumerations say; :func:`rebase` does that here when a domain global changes other than by
growing.
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.functions import Definitions
from ..values.types import (SYM, Enum, EnumScalar, EnumSym, Mapped, QDict, QTable, attr_of,
                            count, enum_atom, enum_domain, enum_lost, enum_rows, enum_vector,
                            from_items, is_atom, is_keyed, null_mask, plain, qtype, to_items,
                            type_null, with_attr)
from ..values.functions import Projection
from . import cast as _cast, temporal
from . import files, lists, matrix
from .index import find_positions, index, is_int_atom, is_int_vec

define = Definitions()

I64 = np.int64


def is_enum(x) -> bool:
    return bool(enum_domain(x))


def domain_values(d):
    """The values an enumeration over the global value d keeps: d's symbols (a symbol list),
    or the key of keyed table d when it is one symbol or numeric column (a foreign key,
    `` `s$ `` over `([s:`s1`s2] ...)``, `` `f$ `` over `([k:1 2 3] ...)``); None when d's
    enumerations keep row indices (a compound key, an unkeyed table) or d is no domain."""
    if isinstance(d, np.ndarray) and d.dtype == SYM:
        return plain(d)
    if isinstance(d, list) and not d:
        return np.array([], dtype=object)
    if is_keyed(d):
        k = d.keys
        if len(k.cols) == 1 and isinstance(k.data[0], np.ndarray) and (
                k.data[0].dtype == SYM or k.data[0].dtype.kind in "if"):
            return plain(k.data[0])
    return None


def _domain(ctx, name: str) -> np.ndarray:
    """The values enumerated over (see domain_values)."""
    d = ctx.get_global(name)
    v = domain_values(d)
    if v is not None:
        return v
    if is_keyed(d):
        raise QError("nyi")             # a foreign key over a one-column temporal/char key
    raise QError("nyi" if isinstance(d, (np.ndarray, list)) or d is not None else "type")


def _row_domain(ctx, name: str):
    """The global table whose rows the enumerations over it index, or None: an unkeyed
    table (a link), a keyed table of a compound key (a foreign key kept as rows)."""
    d = ctx.get_global(name) if name in ctx.globals else None
    if isinstance(d, QTable) or is_keyed(d) and domain_values(d) is None \
            and len(d.keys.cols) > 1:
        return d
    return None


def _key_rows(kt: QDict, y):
    """`` `kt$y `` over a compound key: y a key (an atom result) or a list of keys, each a
    list of the key's column values; their rows in kt ('cast where one is missing)."""
    from .rows import find_rows          # rows imports index, as this module does
    n = len(kt.keys.cols)
    items = to_items(plain(y)) if isinstance(y, (np.ndarray, list)) else None
    if items is None:
        raise QError("type")
    atom = len(items) == n and not any(isinstance(a, (np.ndarray, list)) for a in items)
    if not atom and not all(isinstance(a, (np.ndarray, list)) for a in items):
        raise QError("type")            # neither a key nor a list of keys
    keys = [items] if atom else [to_items(k) for k in items]
    if any(len(k) != n for k in keys):
        raise QError("length")
    cols = [from_items([k[j] for k in keys]) if keys else kt.keys.data[j][:0]
            for j in range(n)]
    pos = find_rows(kt.keys.data, cols)
    if (pos < 0).any():
        raise QError("cast")
    return pos, atom


def foreign_table(ctx, e):
    """The table an enumeration is a foreign key or link into (keyed, or for a link an
    unkeyed one), or None."""
    name = enum_domain(e)
    if not name or name not in ctx.globals:
        return None
    d = ctx.get_global(name)
    return d if is_keyed(d) or enum_rows(e) and isinstance(d, QTable) else None


def dereference(ctx, e, field: str, parts=None):
    """`s.city` in qSQL, s a foreign-key or link column: the column `city` of the table s
    points into at the rows e points to (nulls past its end, as indexing gives). A link into
    a partitioned table points within each partition (linking-columns.md): `parts` are the
    partition field's values of e's rows, from the partitioned table queried ('par without
    one)."""
    t = foreign_table(ctx, e)
    col = None
    if t is not None:
        col = t.column(field) if isinstance(t, QTable) else \
            t.values.column(field) if field in t.values.cols else t.keys.column(field)
    if col is None:
        raise QError(field)
    rows = _positions(ctx, e)
    if not enum_rows(e):
        rows = np.where(np.asarray(rows) < 0, count(col), rows)     # a null: null fields
    if isinstance(t, Mapped) and t.partitioned:
        if parts is None or not t.cols or len(parts) != len(rows):
            raise QError("par")
        # t's rows run partition by partition in field order: a row's partition starts at
        # the first row of its field value, and a link past that partition's end is null
        fv = plain(t.data[0])
        start = np.searchsorted(fv, plain(parts), "left")
        end = np.searchsorted(fv, plain(parts), "right")
        r = start + np.asarray(rows, dtype=I64)
        rows = np.where((rows >= 0) & (r < end), r, len(fv))
    return index(col, rows)


def _symbols(y):
    """y's symbols: (list of str, was an atom)."""
    if isinstance(y, str):
        return [str(y)], True
    if isinstance(y, np.ndarray) and y.dtype == SYM:
        return [str(s) for s in plain(y).tolist()], False
    if isinstance(y, list) and all(isinstance(s, str) for s in y):
        return [str(s) for s in y], False
    raise QError("type")


def _keys(y, d: np.ndarray):
    """y as values of domain d: a vector of d's type and whether y was an atom; 'type when y
    is not of d's type (symbols for a symbol domain)."""
    if d.dtype == SYM:
        syms, atom = _symbols(y)
        return np.array(syms, dtype=object), atom
    y = plain(y)
    if isinstance(y, list) and not y:
        return d[:0], False
    if not (isinstance(y, (np.ndarray, np.generic)) and y.dtype == d.dtype):
        raise QError("type")
    return np.atleast_1d(y), isinstance(y, np.generic)


def _made(vals: np.ndarray, atom: bool, domain: str):
    return enum_atom(vals[0], domain) if atom else enum_vector(vals, domain)


def enumerate_into(ctx, name: str, y):
    """`` `d$y ``: y as an enumeration of the global d, y's symbols (or a numeric key's
    values) each in d ('cast if one is not); over a compound key, the rows of y's keys."""
    if enum_domain(y) == name:
        return y
    rd = _row_domain(ctx, name)
    if rd is not None:
        if not is_keyed(rd):
            raise QError("type")        # a link is made with `t!i, not `t$y
        pos, atom = _key_rows(rd, y)
        return enum_atom(pos[0], name, True) if atom else enum_vector(pos, name, True)
    py = plain(y)
    if name not in ctx.globals and not (isinstance(py, (str, list)) or
                                        isinstance(py, np.ndarray) and py.dtype == SYM):
        raise QError("type")     # no domain to tell what else could be enumerated
    d = _domain(ctx, name)
    vals, atom = _keys(y, d)
    if len(vals) and (find_positions(d, vals) < 0).any():
        raise QError("cast")
    note_domain(ctx, name)
    return _made(vals, atom, name)


def _extended(d: np.ndarray, syms: list) -> np.ndarray:
    """Domain d with the symbols of syms it lacks appended, in order of first occurrence."""
    new = np.array(syms, dtype=object)
    missing = new[find_positions(d, new) < 0] if len(new) else new
    return np.concatenate([d, lists.distinct(missing)]) if len(missing) else d


def _enumerated(y, syms, atom: bool, name: str):
    """y's symbols enumerated over name, y's attribute kept (enum-extend.md)."""
    r = _made(np.array(syms, dtype=object), atom, name)
    a = attr_of(y)
    return with_attr(r, a) if a and not atom else r


def enum_extend(ctx, name: str, y):
    """`` `d?y ``: append to the global d the symbols of y it lacks, then enumerate y; y's
    attribute is kept."""
    syms, atom = _symbols(y)
    d = _domain(ctx, name) if name in ctx.globals else np.array([], dtype=object)
    dom = _extended(d, syms)
    if dom is not d or name not in ctx.globals:
        ctx.set_global(name, dom)
    note_domain(ctx, name)
    return _enumerated(y, syms, atom, name)


def enum_extend_file(ctx, fs: str, y):
    """`` `:d?y ``: the domain is the file d: its symbols (none if it is missing) gain y's
    new symbols and are written back, and become the global named after the file; y is
    enumerated over it (enum-extend.md). The file is written before the global changes."""
    name = fs.rstrip("/").rsplit("/", 1)[-1].lstrip(":")
    if not name:
        raise QError("type")
    syms, atom = _symbols(y)
    dom = _extended(files.read_symbols(ctx, fs), syms)
    files.write_value(ctx, fs, dom)
    ctx.set_global(name, dom)
    note_domain(ctx, name)
    return _enumerated(y, syms, atom, name)


def _row_ints(i) -> np.ndarray:
    """Row numbers as q's link columns keep them, int32: a null stays null, and one past
    int32's range is 'type, never wrapped round."""
    a = np.asarray(plain(i))
    if a.dtype == np.int32:
        return a
    a = a.astype(I64)
    null = a == np.iinfo(I64).min
    if (~null & ((a <= -2**31) | (a >= 2**31))).any():
        raise QError("type")
    return np.where(null, np.iinfo(np.int32).min, a).astype(np.int32)


def from_indices(ctx, name: str, i):
    """`` `d!i ``: the enumeration of d whose indices are i; over a table (a link) any row
    numbers, as q checks none (foreign-keys.md: a row past the end reads as nulls)."""
    if _row_domain(ctx, name) is not None:
        r = _row_ints(i)
        return enum_atom(r[()], name, True) if is_int_atom(i) else enum_vector(r, name, True)
    d = _domain(ctx, name)
    idx = np.asarray(i, dtype=I64)
    if ((idx < 0) | (idx >= len(d))).any():
        raise QError("index")
    note_domain(ctx, name)
    return _made(d[idx.reshape(-1)], is_int_atom(i), name)


def _positions(ctx, e):
    """The positions of an enumeration's values in its domain, -1 for a null one that is
    not there (an item taken past an enumeration's end; one left past its domain's end)."""
    if enum_rows(e):
        return plain(e)
    d = _domain(ctx, e.domain)
    _keys(e, d)                     # 'type where e's values are not of d's type
    return _positions_in(e, d)


def indices(ctx, e):
    """The positions of an enumeration's values in its domain (what q stores)."""
    pos = _positions(ctx, e)
    if not enum_rows(e) and (np.asarray(pos) < 0).any():
        raise QError("nyi" if enum_lost(e) is True else "cast")   # a null of unknown place
    return pos


# ---------------------------------------------------------------------------------------------
# the glyphs' enumeration cases


def _floats(x) -> bool:
    """A float vector or a matrix of them: `$` on such a left argument multiplies (mmu)."""
    if isinstance(x, np.ndarray):
        return x.dtype.kind == "f" and x.ndim == 1
    return type(x) is list and bool(x) and all(
        isinstance(r, np.ndarray) and r.dtype.kind == "f" and r.ndim == 1 for r in x)


def dollar(ctx, x, y):
    if _floats(x) and (_floats(y) or isinstance(y, np.ndarray) and y.dtype.kind == "f"):
        return matrix.mmu(x, y)                   # x$y on floats: the matrix product
    if isinstance(x, str) and x and x not in _cast.NAME_TYPE_ALL and x not in temporal.FIELDS:
        return enumerate_into(ctx, x, y)          # `d$y: d names a global domain
    if is_enum(y):
        t = _cast._spec_type(x)
        if t is not None and t[0] in (5, 6, 7) and not t[1]:
            return _cast.cast(x, indices(ctx, y))
        return _cast.cast(x, plain(y))
    return _cast.cast(x, y)


def query(ctx, x, y):
    if isinstance(x, str) and x:
        return enum_extend_file(ctx, x, y) if x.startswith(":") else enum_extend(ctx, x, y)
    if is_int_atom(x) and isinstance(y, str) and y and not y.isdigit() and not y.startswith(":"):
        return roll_enum(ctx, x, y)
    return lists.query(ctx, x, y)


def roll_enum(ctx, n, name: str):
    """`` n?`d ``: n values of the global domain d drawn at random (deal: distinct, for a
    negative n), enumerated over d, as q makes test data (`` 100?`sym ``)."""
    d = _domain(ctx, name)
    note_domain(ctx, name)
    return _made(lists.roll(n, d, ctx.rng), False, name)


def bang(ctx, x, y):
    if isinstance(x, str) and (is_int_atom(y) or is_int_vec(y)) and x:
        return from_indices(ctx, x, y)
    if x.__class__ is np.int64 and x == -21:     # a file's compression (here for its ctx)
        return files.compression_stats(ctx, y)
    if x.__class__ is np.int64 and x == -11:     # a log's replay (internal.md: streaming execute)
        return files.replay(ctx, y)
    return lists.bang(ctx, x, y)


define("$", dyad=dollar, ctx=True, infix=True,
       doc="t$y | `d$y  cast y to type t, parse (upper-case t), pad; enumerate y over the global d "
           "(a symbol list, or a keyed table: a foreign key)")
define("?", dyad=query, ctx=True, infix=True,
       doc="x?y | n?y | `d?y | n?`d  find y in x; roll or deal; extend the global d with y "
           "and enumerate; roll d's values enumerated")
define("!", dyad=bang, ctx=True, infix=True,
       doc="x!y | n!t | `d!i | -11!f  dictionary; key t on n columns; the enumeration of d at "
           "indices i (a link to rows i where d is a table); replay log f (-11!(n;f) its first n, "
           "-11!(-2;f) its valid count)")


# ---------------------------------------------------------------------------------------------
# a domain that changes: q's enumerations are indices, so they follow it


def note_domain(ctx, name: str) -> None:
    """Remember that enumerations over the global `name` exist (rebase watches those)."""
    ctx.enum_domains.add(ctx.qualify(name, ""))


def _grew(ov: np.ndarray, nv: np.ndarray) -> bool:
    """Are old domain values ov the start of new ones nv? Cheap when nv grew in ov's buffer
    (`d,:x` appends there, values.growth) or is ov: values are never changed in place."""
    if len(nv) < len(ov) or nv.dtype != ov.dtype:
        return False
    if nv is ov or not len(ov) or \
            nv.__array_interface__["data"][0] == ov.__array_interface__["data"][0]:
        return True
    return bool(np.array_equal(nv[:len(ov)], ov))


def rebase(ctx, full: str, old, new) -> None:
    """The global `full`, a domain of enumerations, is about to change from old to new (the
    caller then assigns it; this leaves it alone). q keeps each enumeration as indices into
    its domain, so where old's values do not simply grow into new's (`d[0]:`o`, a row
    deleted from a keyed table, the table unkeyed) each enumeration the session holds over
    it comes to say what new says at the same index. One past new's end shows a null
    (unsure of q there) and keeps its position (Enum.lost), so that growing the domain
    again brings it back, as in q. Where such a null was copied into something else its
    position is unknown: while one is held, growing the domain is 'nyi, not a wrong value.
    Enumerations of row indices keep them."""
    ov, nv = domain_values(old), domain_values(new)
    if ov is None:
        if full not in ctx.enum_holes or nv is None:
            return
        ov = nv[:0]                       # a domain again: what was left past its end comes
    if nv is not None and _grew(ov, nv) and (full not in ctx.enum_holes or len(nv) == len(ov)):
        return
    if nv is None and not isinstance(new, (QTable, QDict)):
        nv = ov[:0]                       # no longer a domain: nothing is left to point at
    if full in ctx.enum_holes:
        held: list = []
        _visit(ctx, full, lambda e: held.append(e) or e)
        if (nv is None or len(nv) > len(ov)) and any(
                enum_lost(e) is True and _holds_null(e) for e in held):
            raise QError("nyi")           # a null that may be a position come back to life
        ctx.enum_holes.discard(full)

    def moved(e):
        pos = np.atleast_1d(_positions_in(e, ov))
        if nv is None:                    # now rows of a table: the indices themselves
            r = np.where(pos >= 0, pos, np.iinfo(np.int32).min).astype(np.int32)
            return enum_atom(r[0], full, True) if is_atom(e) else enum_vector(r, full, True)
        ok = (pos >= 0) & (pos < len(nv))
        vals = np.full(len(pos), type_null(qtype(nv)), dtype=nv.dtype)
        vals[ok] = nv[pos[ok]]
        if is_atom(e):
            r = enum_atom(vals[0], full)
        else:
            a = attr_of(e)
            r = with_attr(enum_vector(vals, full), a) if a else enum_vector(vals, full)
        if (pos >= len(nv)).any():        # past the end: shown null, its position kept
            ctx.enum_holes.add(full)
            r.lost = int(pos[0]) if is_atom(e) else pos
        return r

    _visit(ctx, full, moved)


def _positions_in(e, dv: np.ndarray):
    """The positions of enumeration e's values in its domain's values dv, -1 for a null
    not there; an item left past its domain's end has the position it keeps."""
    lost = enum_lost(e)
    if lost is not None and lost is not True:
        return np.int64(lost) if is_atom(e) else lost   # kept since its domain changed
    pos = find_positions(dv, np.atleast_1d(plain(e)))
    return pos[0] if is_atom(e) else pos


def _visit(ctx, full: str, f) -> None:
    """Each enumeration over the values of global `full` that the session's other globals
    and its views hold, through tables, dictionaries, lists and projections, replaced by
    f(it) where it is held (the holders are the session's own: all of them follow)."""
    def fresh(v):
        if isinstance(v, (Enum, EnumSym, EnumScalar)):
            return f(v) if v.domain == full and not enum_rows(v) else v
        if isinstance(v, QTable):
            v.data[:] = [fresh(c) for c in v.data]
        elif isinstance(v, QDict):
            v.keys, v.values, v._index = fresh(v.keys), fresh(v.values), None
        elif isinstance(v, list):
            v[:] = [fresh(i) for i in v]
        elif isinstance(v, Projection):
            v.args = tuple(fresh(a) for a in v.args)
        return v

    g = ctx.globals
    for k in list(g):
        if k != full:
            g[k] = fresh(g[k])
    for v in ctx.views.values():            # a view's value, held until its inputs change
        if v.valid:
            v.value = fresh(v.value)


def _holds_null(e) -> bool:
    return bool(null_mask(np.atleast_1d(plain(e))).any())
