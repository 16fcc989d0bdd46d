"""Enumerations: `` `d$y `` (enumerate), `` `d?y `` (enum extend), `` `d!i `` (from indices)
and the casts of an enumeration (`"i"$e` its indices, `` `$e `` its symbols).

An enumeration's domain is a global symbol list named by a symbol. The three glyphs are
defined first elsewhere (cast, find/roll, dict); this module gives them their enumeration
cases, which need the session's globals, and passes everything else on to those
definitions. (Joining enumerations needs no globals: ktwa.verbs.lists.join.)
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.functions import Definitions
from ..values.types import (SYM, attr_of, enum_atom, enum_domain, enum_vector, is_keyed, plain,
                            with_attr)
from . import cast as _cast, temporal
from . import files, lists, matrix
from .index import find_positions, index, is_int_atom, is_int_vec

define = Definitions()

I64 = np.int64


def is_enum(x) -> bool:
    return bool(enum_domain(x))


def _domain(ctx, name: str) -> np.ndarray:
    """The values enumerated over: the symbols of the global list d, or the key of the keyed
    table d (a foreign key, `` `s$ `` over `([s:`s1`s2] ...)``, `` `f$ `` over
    `([k:1 2 3] ...)``)."""
    d = ctx.get_global(name)
    if isinstance(d, np.ndarray) and d.dtype == SYM:
        return plain(d)
    if isinstance(d, list) and not d:
        return np.array([], dtype=object)
    if is_keyed(d):
        k = d.keys
        if len(k.cols) == 1 and isinstance(k.data[0], np.ndarray) and (
                k.data[0].dtype == SYM or k.data[0].dtype.kind in "if"):
            return plain(k.data[0])
        raise QError("nyi")             # foreign keys over compound or temporal keys
    raise QError("nyi" if isinstance(d, (np.ndarray, list)) or d is not None else "type")


def foreign_table(ctx, e):
    """The keyed table an enumeration is a foreign key into, or None."""
    name = enum_domain(e)
    if not name:
        return None
    d = ctx.get_global(name)
    return d if is_keyed(d) else None


def dereference(ctx, e, field: str):
    """`s.city` in qSQL, s a foreign-key column: the column `city` of the keyed table s at
    the rows e points to."""
    kt = foreign_table(ctx, e)
    col = kt.values.column(field) if kt is not None else None
    if col is None:
        raise QError(field)
    return index(col, indices(ctx, e))


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
    values) each in d ('cast if one is not)."""
    if enum_domain(y) == name:
        return y
    py = plain(y)
    if name not in ctx.globals and not (isinstance(py, (str, list)) or
                                        isinstance(py, np.ndarray) and py.dtype == SYM):
        raise QError("type")     # no domain to tell what else could be enumerated
    d = _domain(ctx, name)
    vals, atom = _keys(y, d)
    if len(vals) and (find_positions(d, vals) < 0).any():
        raise QError("cast")
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
    return _enumerated(y, syms, atom, name)


def from_indices(ctx, name: str, i):
    """`` `d!i ``: the enumeration of d whose indices are i."""
    d = _domain(ctx, name)
    idx = np.asarray(i, dtype=I64)
    if ((idx < 0) | (idx >= len(d))).any():
        raise QError("index")
    return _made(d[idx.reshape(-1)], is_int_atom(i), name)


def indices(ctx, e):
    """The positions of an enumeration's values in its domain (what q stores)."""
    d = _domain(ctx, e.domain)
    vals, atom = _keys(e, d)
    pos = find_positions(d, vals)
    if (pos < 0).any():
        raise QError("cast")
    return pos[0] if atom else pos


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
       doc="t$y | `d$y  cast y to type t, parse (upper-case t), pad; enumerate y over the global d")
define("?", dyad=query, ctx=True, infix=True,
       doc="x?y | n?y | `d?y | n?`d  find y in x; roll or deal; extend the global d with y "
           "and enumerate; roll d's values enumerated")
define("!", dyad=bang, ctx=True, infix=True,
       doc="x!y | n!t | `d!i | -11!f  dictionary; key t on n columns; the enumeration of d at "
           "indices i; replay log f (-11!(n;f) its first n, -11!(-2;f) its valid count)")
