"""Attributes: `` `s#x `` `` `u#x `` `` `p#x `` `` `g#x `` (set, with q's checks), `` `#x ``
(remove), `attr x`, and the step function a sorted dictionary is (`` (`s#1 5 9!`a`b`c) 7 ``
is `` `b ``: the value of the last key at or below the index).

An attribute belongs to one vector object (ktwa.values.types.with_attr); setting one makes
a view, so the vector it was set from keeps none, and any new result has none unless an
operation documents otherwise (`asc`, `xasc`, an append that keeps the order or the
uniqueness).
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.functions import Definitions
from ..values.types import QDict, QTable, attr_of, is_keyed, mark_in_place, with_attr
from .hashing import first_positions

define = Definitions()

ATTRIBUTES = frozenset(("s", "u", "p", "g", ""))
I64 = np.int64


def _comparable(v: np.ndarray) -> np.ndarray:
    return v.astype(str) if v.dtype == object else v


def _ascending(v: np.ndarray) -> bool:
    """In q's order: nulls lowest (a float null below -0w)."""
    if len(v) < 2:
        return True
    v = _comparable(v)
    if v.dtype.kind == "f":
        real = ~np.isnan(v)
        a, b = real[:-1], real[1:]
        return bool(np.all((b > a) | ((a == b) & (~b | (v[1:] >= v[:-1])))))
    return bool(np.all(v[1:] >= v[:-1]))


def _distinct_count(v: np.ndarray) -> int:
    return len(np.unique(_comparable(v))) if len(v) else 0


def _unique(v: np.ndarray) -> bool:
    return _distinct_count(v) == len(v)


def _parted(v: np.ndarray) -> bool:
    """Every value's occurrences are adjacent: as many runs as distinct values."""
    if len(v) < 2:
        return True
    v = _comparable(v)
    same = v[1:] == v[:-1]
    if v.dtype.kind == "f":
        same |= np.isnan(v[1:]) & np.isnan(v[:-1])
    return int(len(v) - np.count_nonzero(same)) == _distinct_count(v)


def _in_order(x, grade) -> bool:
    """Are the items of general list or table x in q's ascending order (its stable grade
    leaves them where they are)?"""
    return bool((grade(x) == np.arange(len(x))).all())


def holds(a: str, v, grade=None) -> bool:
    """Does vector or general list v satisfy attribute a? (`grade`: see set_attribute)"""
    if isinstance(v, list):
        if a == "s":
            return _in_order(v, grade)
        return len(first_positions(v)) == len(v) if a == "u" else True
    return {"s": _ascending, "u": _unique, "p": _parted}.get(a, lambda _v: True)(v)


def set_attribute(a: str, y, grade):
    """`` `a#y ``. `grade` gives the stable ascending grade of a general list or table (q's
    order across types: ktwa.verbs.lists's, which sets attributes through this module)."""
    if isinstance(y, QDict) and not is_keyed(y):
        if a not in ("s", ""):
            raise QError("type")
        return QDict(set_attribute(a, y.keys, grade), y.values)
    if isinstance(y, QTable) and a == "s" and y.cols and isinstance(y.data[0], np.ndarray):
        # set-attribute.md: sorting a table sets the parted attribute on its first column
        if not holds("s", y.data[0]):
            raise QError("s-fail")
        return with_attr(QTable(list(y.cols), [with_attr(y.data[0], "p")] + list(y.data[1:])),
                         "s")
    if is_keyed(y) and a == "s":
        # set-attribute.md: a keyed table is sorted on its key (in place), which makes it a
        # step function
        if not _in_order(y.keys, grade):
            raise QError("s-fail")
        return QDict(mark_in_place(y.keys, "s"), y.values)
    # set-attribute.md: sorted and unique hold on mixed lists too
    if isinstance(y, (QTable, QDict)) or isinstance(y, list) and a in ("p", "g"):
        raise QError("nyi")        # other attributes on tables; `p `g on general lists
    if not isinstance(y, (np.ndarray, list)):
        raise QError("type")
    if a and not holds(a, y, grade):
        raise QError("s-fail" if a == "s" else "u-fail")
    # set-attribute.md: q sets `s on a vector in order in place; here a vector may be shared
    # where q's would not (a literal parsed once), so it is set on a view
    return with_attr(y, a)


def kept_on_append(old, new, grade):
    """`x,:y` keeps x's `s`, `u` or `g` when the result still has it (`grade`: see
    set_attribute)."""
    a = attr_of(old)
    if a in ("s", "u", "g") and isinstance(new, (np.ndarray, list)) and holds(a, new, grade):
        return with_attr(new, a)
    return new


def step_positions(keys: np.ndarray, i) -> np.ndarray | int:
    """Positions of the last keys at or below i in sorted keys (-1 below the first)."""
    return np.searchsorted(keys, i, side="right") - 1


def attr(x):
    if is_keyed(x):
        return ""          # set-attribute.md: a sorted keyed table's key has it, not the table
    if isinstance(x, QDict):
        return attr_of(x.keys) if attr_of(x.keys) == "s" else ""
    return attr_of(x)


define("attr", monad=attr, doc="attr x  the attribute of x: `s `u `p `g, or ` for none")
