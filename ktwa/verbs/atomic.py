"""Atomic (pervasive) application of q primitives: conformance through lists, dicts, tables.

``atomic2(op, x, y)`` and ``atomic1(op, x)`` walk the q structure (q-core §4.4) and call ``op``
only on *simple* operands: numpy scalars, symbols (``str``) and simple vectors (ndarray). When
both simple operands are vectors they have equal counts (checked here). ``op`` does the typed
numpy work (see ktwa.verbs.arith for the kernels).

Structure rules:
- atom with atom, atom with list (the atom extends), list with list (equal counts else
  ``'length``); general lists go item by item and the results collapse like ``(a;b;c)``.
- dict with dict is key-aligned: keys on one side only pass through unchanged (or, for
  ``fill=True`` operators such as comparisons, are combined with a null).
- dict with atom/list applies to the values; tables go column by column; a keyed table is a
  dict of two tables and follows the dict rules.
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.types import match
from ..values.functions import QFunction
from ..values.types import (Enum, EnumSym, QDict, QTable, from_items, plain, to_items, type_null,
                            qtype, TYPE_DTYPE)

SIMPLE = (np.ndarray, np.generic, str)
_ndarray = np.ndarray


def atomic2(op, x, y, fill: bool = False):
    """Apply the simple-operand kernel ``op`` to x and y with q conformance rules."""
    # kernels see an enumeration as its symbols (`e=`a`, `e<`b`, `` `x^e ``)
    if x.__class__ is Enum or x.__class__ is EnumSym:
        x = plain(x)
    if y.__class__ is Enum or y.__class__ is EnumSym:
        y = plain(y)
    if isinstance(x, SIMPLE) and isinstance(y, SIMPLE):
        if type(x) is _ndarray and type(y) is _ndarray and len(x) != len(y):
            raise QError("length")
        return op(x, y)
    return _struct2(op, x, y, fill)


def _bad(v) -> bool:
    return v is None or isinstance(v, QFunction)


def _struct2(op, x, y, fill):
    if _bad(x) or _bad(y):
        raise QError("type")
    xd, yd = isinstance(x, QDict), isinstance(y, QDict)
    if xd or yd:
        if xd and yd:
            return _dict_dict(op, x, y, fill)
        if xd:
            if isinstance(y, QTable):
                raise QError("type")
            return QDict(x.keys, atomic2(op, x.values, y, fill))
        if isinstance(x, QTable):
            raise QError("type")
        return QDict(y.keys, atomic2(op, x, y.values, fill))
    xt, yt = isinstance(x, QTable), isinstance(y, QTable)
    if xt or yt:
        if xt and yt:
            return _table_table(op, x, y, fill)
        if xt:
            return QTable(x.cols, [atomic2(op, c, y, fill) for c in _columns(x, y)])
        return QTable(y.cols, [atomic2(op, x, c, fill) for c in _columns(y, x)])
    # lists (at least one general list, or a list and an atom)
    xl = isinstance(x, (list, _ndarray))
    yl = isinstance(y, (list, _ndarray))
    if xl and yl:
        if len(x) != len(y):
            raise QError("length")
        return from_items([atomic2(op, a, b, fill) for a, b in zip(to_items(x), to_items(y))])
    if xl:
        return from_items([atomic2(op, a, y, fill) for a in to_items(x)])
    if yl:
        return from_items([atomic2(op, x, b, fill) for b in to_items(y)])
    raise QError("type")


def _columns(t: QTable, other):
    """Columns of t to pair with the other operand (atom, or a list whose items are rows)."""
    if isinstance(other, (list, _ndarray)) and len(other) != len(t):
        raise QError("length")
    return t.data


def _table_table(op, x: QTable, y: QTable, fill):
    if len(x) != len(y):
        raise QError("length")
    if x.cols == y.cols:
        return QTable(x.cols, [atomic2(op, a, b, fill) for a, b in zip(x.data, y.data)])
    cols = list(x.cols) + [c for c in y.cols if c not in x.cols]
    data = []
    for c in cols:
        a, b = x.column(c), y.column(c)
        if a is not None and b is not None:
            data.append(atomic2(op, a, b, fill))
        elif a is not None:
            data.append(_one_side(op, a, True, fill))
        else:
            data.append(_one_side(op, b, False, fill))
    return QTable(cols, data)


def _null_like(v):
    t = qtype(v)
    if t < 0:
        return type_null(t)
    if isinstance(v, _ndarray):
        n = type_null(t)
        return np.full(len(v), n, dtype=TYPE_DTYPE[t]) if n is not None else v
    return None


def _one_side(op, v, left: bool, fill):
    """Value present on one side only of a key-aligned operation."""
    if not fill:
        return v
    n = _null_like(v)
    if n is None:
        return v
    return atomic2(op, v, n, fill) if left else atomic2(op, n, v, fill)


def _dict_dict(op, x: QDict, y: QDict, fill):
    if match(x.keys, y.keys):
        return QDict(x.keys, atomic2(op, x.values, y.values, fill))
    if isinstance(x.keys, QTable) != isinstance(y.keys, QTable):
        if isinstance(x.keys, QTable):
            return _dict_dict(op, x, _keyed_record(y, x), fill)
        return _dict_dict(op, _keyed_record(x, y), y, fill)
    xk, yk = to_items(x.keys), to_items(y.keys)
    xv, yv = to_items(x.values), to_items(y.values)
    keys, vals = [], []
    used = set()
    for i, k in enumerate(xk):
        j = y.index_of(k)
        keys.append(k)
        if j is None:
            vals.append(_one_side(op, xv[i], True, fill))
        else:
            used.add(j)
            vals.append(atomic2(op, xv[i], yv[j], fill))
    for j, k in enumerate(yk):
        if j not in used and x.index_of(k) is None:
            keys.append(k)
            vals.append(_one_side(op, yv[j], False, fill))
    return QDict(from_items(keys), from_items(vals))


def _keyed_record(d: QDict, kt: QDict) -> QDict:
    """A record of kt's columns (a dictionary of atoms with those symbol keys, as a row of kt)
    as a keyed table of one row like kt: so `kt+:rec` adds a row's values to its key's row of
    kt, or appends it, as `kt,:rec` upserts it (KX's e/c.q accumulates each tick's row so).
    Any other dictionary with a keyed table is a 'type."""
    row = dict(zip(to_items(d.keys), to_items(d.values)))
    kcols, vcols = list(kt.keys.cols), list(kt.values.cols)
    if len(row) != len(kcols) + len(vcols) or set(row) != set(kcols + vcols) \
            or not all(isinstance(v, SIMPLE) and not isinstance(v, _ndarray)
                       for v in row.values()):
        raise QError("type")
    return QDict(QTable(kcols, [from_items([row[k]]) for k in kcols]),
                 QTable(vcols, [from_items([row[k]]) for k in vcols]))


def atomic1(op, x):
    """Apply the simple-operand kernel ``op`` to x through lists, dicts and tables."""
    if x.__class__ is Enum or x.__class__ is EnumSym:
        x = plain(x)
    if isinstance(x, SIMPLE):
        return op(x)
    if isinstance(x, list):
        if not x:
            return []
        return from_items([atomic1(op, a) for a in x])
    if isinstance(x, QDict):
        return QDict(x.keys, atomic1(op, x.values))
    if isinstance(x, QTable):
        return QTable(x.cols, [atomic1(op, c) for c in x.data])
    raise QError("type")

