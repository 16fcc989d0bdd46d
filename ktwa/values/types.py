"""What a q value is, on numpy.

Representation (the contract every room relies on):

| q                      | Python                                                        |
|------------------------|---------------------------------------------------------------|
| generic null `::`      | ``None``                                                      |
| boolean atom/vector    | ``np.bool_`` / ndarray dtype bool                             |
| byte  x                | ``np.uint8`` / uint8                                          |
| short h, int i, long j | ``np.int16``, ``np.int32``, ``np.int64`` / same dtypes        |
| real e, float f        | ``np.float32``, ``np.float64`` / same dtypes                  |
| char c                 | ``np.bytes_`` of length 1 / ndarray dtype ``S1``              |
| symbol s               | ``str`` / ndarray dtype object (items are ``str``)            |
| guid g                 | ``np.void`` of 16 bytes / ndarray dtype ``V16``               |
| temporal p m d z n u v t | ``np.datetime64`` / ``np.timedelta64`` whose unit is the type |
|                        | and whose count is q's number (see ktwa.values.temporal)      |
| enumeration (20)       | :class:`EnumSym` (a ``str``) / :class:`Enum` (a symbol vector |
|                        | that knows its domain's name); a foreign key over a numeric   |
|                        | key: an :class:`EnumScalar` / an Enum of the key's dtype; a   |
|                        | link or compound foreign key: the same of int32 row indices   |
| general list (0h)      | Python ``list``                                               |
| dictionary (99h)       | :class:`QDict`                                                |
| table (98h)            | :class:`QTable`; a keyed table is a QDict of two QTables      |
| cols!`:dir/ (99h, 98h flipped) | :class:`DiskRef`, a table's place on disk             |
| functions (100h-111h)  | subclasses of :class:`QFunction` (in ktwa.values.functions)   |

Values are immutable by convention: nothing mutates an array or list it did not create.
An attribute (`s# `u# `p# `g#) belongs to one array object: see :func:`with_attr`.
Python ``int``/``float``/``bool`` never appear inside q values; use :func:`atom` helpers.
"""
from __future__ import annotations

import weakref

import numpy as np

from . import temporal as _tm
from .functions import Builtin, builtin_text

GUID = np.dtype("V16")

# type letter -> (q type number, numpy dtype)
LETTER_TYPE = {"b": 1, "g": 2, "x": 4, "h": 5, "i": 6, "j": 7, "e": 8, "f": 9, "c": 10, "s": 11,
               **_tm.LETTER_TYPE}
TYPE_LETTER = {v: k for k, v in LETTER_TYPE.items()}
TYPE_NAME = {1: "boolean", 2: "guid", 4: "byte", 5: "short", 6: "int", 7: "long", 8: "real",
             9: "float", 10: "char", 11: "symbol", **_tm.NAMES}
NAME_TYPE = {v: k for k, v in TYPE_NAME.items()}

DTYPE_TYPE = {
    np.dtype(bool): 1, GUID: 2, np.dtype(np.uint8): 4, np.dtype(np.int16): 5,
    np.dtype(np.int32): 6, np.dtype(np.int64): 7, np.dtype(np.float32): 8,
    np.dtype(np.float64): 9, np.dtype("S1"): 10, np.dtype(object): 11,
    **{d: t for t, d in _tm.DTYPES.items()},
}
TYPE_DTYPE = {v: k for k, v in DTYPE_TYPE.items()}
SCALAR_TYPE = {np.bool_: 1, np.uint8: 4, np.int16: 5, np.int32: 6, np.int64: 7,
               np.float32: 8, np.float64: 9, np.bytes_: 10, str: 11}

CHAR = np.dtype("S1")
SYM = np.dtype(object)

# nulls and infinities
NULL_H, NULL_I, NULL_J = np.int16(-2**15), np.int32(-2**31), np.int64(-2**63)
INF_H, INF_I, INF_J = np.int16(2**15 - 1), np.int32(2**31 - 1), np.int64(2**63 - 1)
NULL_E, NULL_F = np.float32("nan"), np.float64("nan")
INT_NULL = {5: NULL_H, 6: NULL_I, 7: NULL_J}
INT_INF = {5: INF_H, 6: INF_I, 7: INF_J}


def type_null(t: int):
    """The typed null atom for q type t (positive or negative)."""
    t = abs(t)
    if t in INT_NULL:
        return INT_NULL[t]
    if t == 8:
        return NULL_E
    if t == 9:
        return NULL_F
    if t == 10:
        return np.bytes_(b" ")
    if t == 11:
        return ""
    if t == 1:
        return np.False_
    if t == 4:
        return np.uint8(0)
    if t in _tm.TEMPORAL:
        return _tm.null(t)
    if t == 2:
        return np.zeros(1, dtype=GUID)[0]
    return None


class QDict:
    """A q dictionary `k!v`: keys and values are q lists of equal count."""

    __slots__ = ("keys", "values", "_index")

    def __init__(self, keys, values):
        self.keys = keys
        self.values = values
        self._index = None

    def index_of(self, k):
        """Position of key k, or None. Fast path for symbol/int keys."""
        if self._index is None:
            keys = self.keys
            if isinstance(keys, np.ndarray) and keys.dtype != CHAR:
                idx = {}
                for i, key in enumerate(keys.tolist()):
                    idx.setdefault(key, i)
                self._index = idx
            else:
                self._index = False
        if self._index is not False:
            try:
                return self._index.get(k.item() if isinstance(k, np.generic) else k)
            except TypeError:
                return None
        for i in range(count(self.keys)):
            if match(item(self.keys, i), k):
                return i
        return None

    def with_values(self, values) -> "QDict":
        """These keys with other values; the lookup index built for the keys is shared, so
        amending one value (`d[k]+:1` in a loop) does not rebuild it."""
        r = QDict(self.keys, values)
        r._index = self._index
        return r

    def with_new_key(self, keys, values, k) -> "QDict":
        """keys (these keys with k after them) and values: the index, when built, is copied
        with k added rather than rebuilt item by item."""
        r = QDict(keys, values)
        if self._index:
            idx = self._index.copy()
            idx.setdefault(k.item() if isinstance(k, np.generic) else k, len(self.keys))
            r._index = idx
        return r

    def __len__(self):
        return count(self.keys)

    def __repr__(self):
        return f"QDict({self.keys!r}, {self.values!r})"


class QTable:
    """A q table: column names (symbols) and equal-length column lists."""

    __slots__ = ("cols", "data", "__weakref__")      # weakly held: a key table's `s#

    def __init__(self, cols, data):
        self.cols = list(cols)
        self.data = list(data)

    def __len__(self):
        return count(self.data[0]) if self.data else 0

    def column(self, name):
        try:
            return self.data[self.cols.index(name)]
        except ValueError:
            return None

    def __repr__(self):
        return f"QTable({self.cols!r}, {self.data!r})"


class Mapped(QTable):
    """A table read from disk, where q would map it rather than read it: its columns are in
    memory all the same (ktwa reads whole columns); `partitioned` tells a partitioned
    database's table (`.Q.qp` 1b) from a splayed one (0b). Anything made from it (a select, a
    join) is a plain QTable, as q's results are in memory. A partitioned table's `attrs` are
    those `meta` shows: its last partition's (a column joined over partitions has none).
    `source`, when set, is where q would map it from, a DiskRef's: its one-line form is
    `` +(,`a)!`:./t/ `` (flip-splayed.md)."""

    __slots__ = ("partitioned", "attrs", "source")

    def __init__(self, cols, data, partitioned: bool = False, attrs=None, source=None):
        super().__init__(cols, data)
        self.partitioned = partitioned
        self.attrs = attrs
        self.source = source


class DiskRef:
    """`` cols!`:dir/ `` or `` cols!`t ``: a table's column names and where they are on disk,
    a splayed table's folder (a file symbol) or a partitioned table's name (flip-splayed.md);
    a dictionary (99h), or, `flipped`, the table q maps from there (98h). A flipped one is
    left as it is while nothing is there to read (flip resolves it when the columns exist;
    a query on it then fails as reading does)."""

    __slots__ = ("cols", "source", "flipped")

    def __init__(self, cols, source: str, flipped: bool = False):
        self.cols = list(cols)
        self.source = source
        self.flipped = flipped

    def __repr__(self):
        return f"DiskRef({self.cols!r}, {self.source!r}, {self.flipped})"


# ---------------------------------------------------------------------------------------------
# enumerations: `d$`a`b (type 20)

def _plain(a):
    if isinstance(a, Enum):
        return a.view(np.ndarray)
    if isinstance(a, (list, tuple)):
        return type(a)(_plain(x) for x in a)
    return a


class Enum(np.ndarray):
    """An enumeration `` `d$`a`b ``: the symbols themselves (a symbol vector, so comparison,
    search, grouping and display treat it as one) and the name of its domain, the global
    symbol list `d`. A foreign key over a keyed table with one numeric key column
    (`` `f$3 2 ``) is the same with the key's values (a vector of the key's dtype).

    A link column (`` `t!0 1 1 `` over an unkeyed table t, linking-columns.md) or a foreign
    key over a compound key (`` `t1$(`A`X;`B`Y) ``) holds what q holds, the int32 row
    indices into the table; ``rows`` says so.

    Indexing keeps the domain (`2#e`, `e where ...`, a table's rows); an item is an
    :class:`EnumSym` (an :class:`EnumScalar` for a numeric key or a row); numpy's functions
    and operators see a plain vector and give plain results. q stores indices into the domain
    for every enumeration: where a domain's existing entries change (`d[0]:`o`, a row deleted
    from a keyed table), ktwa.verbs.enums.rebase re-resolves the enumerations the session
    holds, so none shows what its domain no longer says.

    ``lost``: None, or, where rebase left items past their domain's end (shown null), the
    position of every item in the domain (what q holds, -1 for a null), so growing the
    domain again brings them back; True on anything made from such a one, whose positions
    are unknown (the domain then may not grow while it is held: ktwa.verbs.enums)."""

    def __array_finalize__(self, obj):
        self.domain = getattr(obj, "domain", "")
        self.rows = getattr(obj, "rows", False)
        self.lost = None if getattr(obj, "lost", None) is None else True

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return getattr(ufunc, method)(*_plain(inputs), **{k: _plain(v) for k, v in kwargs.items()})

    def __array_function__(self, func, types, args, kwargs):
        return func(*_plain(args), **{k: _plain(v) for k, v in kwargs.items()})

    def __getitem__(self, i):
        r = np.ndarray.__getitem__(self, i)
        if isinstance(r, np.ndarray):
            return r
        a = enum_atom(r, self.domain, self.rows)
        if self.lost is not None:
            a.lost = True if self.lost is True else int(self.lost[i])
        return a

    def __deepcopy__(self, memo):
        return _restored(enum_vector, (np.array(self.view(np.ndarray)), self.domain, self.rows),
                         self.lost if self.lost is None or self.lost is True else
                         self.lost.copy())

    def __reduce__(self):
        # pickling keeps the domain, and lost positions
        return (_restored, (enum_vector, (np.array(self.view(np.ndarray)), self.domain,
                                          self.rows), self.lost))


class EnumSym(str):
    """An enumerated symbol atom `` `d$`a `` (type -20)."""

    __slots__ = ("domain", "lost")

    def __new__(cls, s, domain: str):
        r = str.__new__(cls, s)
        r.domain = domain
        r.lost = None             # as Enum.lost: its position, where it is past the end
        return r

    def __reduce__(self):
        return (_restored, (EnumSym, (str(self), self.domain), self.lost))


class EnumScalar:
    """Mixed into a numpy scalar type (after it: numpy's layout comes first): an atom of a
    foreign key over a numeric key (`` `f$3 `` type -20), its key value with the domain's
    name, or (``rows``) an atom of a link or compound foreign key, its row index; numpy sees
    the plain scalar."""


def _reduce_enum_scalar(x):
    return (_restored, (enum_atom, (plain(x), x.domain, x.rows), x.lost))


def _restored(make, args, lost):
    """An enumeration unpickled (deep copied): made again, its lost positions kept."""
    e = make(*args)
    e.lost = lost
    return e


_ENUM_SCALARS: dict = {}


def enum_atom(v, domain: str, rows: bool = False):
    """Key value v (a symbol or a numpy scalar) enumerated over the domain named `domain`;
    with `rows`, v is a row index into the table `domain` (an int32, or one that fits)."""
    if isinstance(v, str):
        return EnumSym(v, domain)
    v = np.int32(plain(v)) if rows else plain(v)
    base = type(v)
    cls = _ENUM_SCALARS.get(base)
    if cls is None:
        cls = _ENUM_SCALARS[base] = type("Enum_" + base.__name__, (base, EnumScalar),
                                         {"__reduce__": _reduce_enum_scalar})
    r = cls(v)
    r.domain = domain
    r.rows = rows
    r.lost = None
    return r


def enum_vector(values, domain: str, rows: bool = False) -> Enum:
    """Symbols (a list or symbol vector), or a numeric key's values (a vector, or a list of
    its atoms), enumerated over the domain named `domain`; with `rows`, row indices into the
    table `domain` (int32s as q's link columns keep them, or ints that fit)."""
    if rows:
        r = np.array(plain(values) if isinstance(values, np.ndarray) else
                     [plain(v) for v in values], dtype=np.int32).view(Enum)
        r.domain, r.rows = domain, True
        return r
    if isinstance(values, np.ndarray) and values.dtype != object:
        r = np.array(plain(values)).view(Enum)
    else:
        items = [plain(v) for v in values]
        numeric = items and not isinstance(items[0], str)
        r = (np.array(items) if numeric else np.array(items, dtype=object)).view(Enum)
        if any(getattr(v, "lost", None) is not None for v in values):
            r.lost = True                 # made of items past their domain's end
    r.domain = domain
    return r


def enum_domain(x) -> str:
    """The domain name of an enumeration (vector or atom), "" for anything else."""
    return x.domain if isinstance(x, (Enum, EnumSym, EnumScalar)) else ""


def enum_lost(x):
    """An enumeration's lost positions (see Enum.lost): None, positions, or True."""
    return getattr(x, "lost", None) if isinstance(x, (Enum, EnumSym, EnumScalar)) else None


def made_of(e: "Enum", parts) -> "Enum":
    """Enumeration e, made from the values of parts: where one of them had items past its
    domain's end (Enum.lost), e's positions are unknown."""
    if any(enum_lost(p) is not None for p in parts):
        e.lost = True
    return e


def enum_rows(x) -> bool:
    """Is x an enumeration (vector or atom) of row indices (a link, a compound foreign key)?"""
    return getattr(x, "rows", False) is True and isinstance(x, (Enum, EnumScalar))


def plain(x):
    """An enumeration as its plain symbols or key values (anything else unchanged)."""
    if isinstance(x, Enum):
        return x.view(np.ndarray)
    if isinstance(x, EnumSym):
        return str(x)
    if isinstance(x, EnumScalar):
        return type(x).__mro__[1](x)
    return x


# ---------------------------------------------------------------------------------------------
# attributes: `s# `u# `p# `g#

# q keeps an attribute on the list object itself and drops it when an operation makes a new
# list; here an attribute belongs to one array object (held weakly, by identity), so any
# result that is a new array has none, as in q.
_ATTRS: dict = {}


class AttrList(list):
    """A general list carrying an attribute (`` `u#(1 2;3 4) ``): a list object of its own,
    as a plain Python list cannot be held weakly. It is a general list in every other way."""


def with_attr(x, a: str):
    """A view of vector x (a copy of general list or table x) carrying attribute a (`s`, `u`,
    `p`, `g`; "" for none)."""
    if isinstance(x, np.ndarray):
        v = x.view(type(x))
    elif isinstance(x, list):
        v = AttrList(x) if a else list(x)
    else:
        v = QTable(x.cols, x.data)
    return mark_in_place(v, a) if a else v


def mark_in_place(x, a: str):
    """x itself given attribute a, no copy (what with_attr does to its new object; and
    set-attribute.md: `s# on a keyed table in order marks its key table, which every name for
    the table sees)."""
    key = id(x)
    _ATTRS[key] = (weakref.ref(x, lambda _r, k=key: _ATTRS.pop(k, None)), a)
    return x


def attr_of(x) -> str:
    """The attribute of x (`s`, `u`, `p`, `g`), or "" for none."""
    e = _ATTRS.get(id(x))
    return e[1] if e is not None and e[0]() is x else ""


def sorted_vector(x: np.ndarray) -> np.ndarray:
    """x marked with the sorted attribute."""
    return with_attr(x, "s")


def is_keyed(x) -> bool:
    """Is x a keyed table: a dictionary from a table of keys to a table of values? (Other
    dictionaries keyed by a table, such as `group` of a table makes, are dictionaries.)"""
    return isinstance(x, QDict) and isinstance(x.keys, QTable) and isinstance(x.values, QTable)


def is_table_keyed(x) -> bool:
    """Is x a dictionary whose keys are a table (a keyed table, or one with a list of values),
    looked up and amended by rows of its keys?"""
    return isinstance(x, QDict) and isinstance(x.keys, QTable)


def is_atom(x) -> bool:
    return isinstance(x, (np.generic, str)) or x is None


def qtype(x) -> int:
    """q type number of x (as `type x` but a Python int)."""
    c = x.__class__
    if c is np.ndarray:                 # the common cases by class first (no subclass)
        return DTYPE_TYPE.get(x.dtype, 0)
    t = SCALAR_TYPE.get(c)
    if t is not None:
        return -t
    if isinstance(x, np.ndarray):
        return 20 if isinstance(x, Enum) else DTYPE_TYPE.get(x.dtype, 0)
    if isinstance(x, list):
        return 0
    if isinstance(x, str):
        return -20 if x.__class__ is EnumSym else -11
    if isinstance(x, np.generic):
        t = SCALAR_TYPE.get(type(x))
        if t is not None:
            return -t
        if isinstance(x, EnumScalar):
            return -20
        return -DTYPE_TYPE.get(x.dtype, 0)
    if x is None:
        return 101
    if isinstance(x, QTable):
        return 98
    if isinstance(x, QDict):
        return 99
    if isinstance(x, DiskRef):
        return 98 if x.flipped else 99
    from .functions import QFunction
    if isinstance(x, QFunction):
        return x.qtype
    return 0


def count(x) -> int:
    if isinstance(x, (np.ndarray, list)):
        return len(x)
    if isinstance(x, QDict):
        return count(x.keys)
    if isinstance(x, QTable):
        return len(x)
    if isinstance(x, DiskRef) and not x.flipped:
        return len(x.cols)
    return 1


def item(x, i: int):
    """Item i of a list (no bounds/null handling; callers index validly)."""
    if isinstance(x, np.ndarray):
        return x[i]
    if isinstance(x, list):
        return x[i]
    if isinstance(x, QTable):
        # a row: its values a vector when they are atoms of one type, as q's t i is
        return QDict(np.array(x.cols, dtype=object), from_items([item(c, i) for c in x.data]))
    raise TypeError(type(x))


def to_items(x) -> list:
    """A q list as a Python list of q items."""
    if isinstance(x, np.ndarray):
        if isinstance(x, Enum):
            if x.lost is not None:
                return [x[i] for i in range(len(x))]    # each keeps its position
            v, d = x.view(np.ndarray), x.domain
            return [EnumSym(s, d) for s in v.tolist()] if v.dtype == SYM else \
                [enum_atom(s, d, x.rows) for s in v]
        if x.dtype == SYM or x.__class__ is np.ndarray:
            return list(x)          # a vector's iteration gives its items as x[i] does
        return [x[i] for i in range(len(x))]
    if isinstance(x, list):
        return x
    if isinstance(x, QTable):
        return [item(x, i) for i in range(len(x))]
    if isinstance(x, QDict):
        return to_items(x.values)
    return [x]


def from_items(items: list):
    """Build a q list from items, collapsing to a simple vector when all are atoms of one type.

    This is q's rule for `(a;b;c)` and for the results of each: uniform atoms give a vector.
    """
    if not items:
        return []
    first = items[0]
    if first.__class__ is list:     # a general list (a handle, `(w;m)`): no type to collapse to
        return list(items)
    t = qtype(first)
    if t >= 0 or t == -0:
        if isinstance(first, QDict) and not isinstance(first.keys, QTable):
            return _maybe_table(items)
        return list(items)
    for x in items:
        if qtype(x) != t:
            return list(items)
    if t == -11:
        return np.array(items, dtype=object)
    if t == -20:
        rows = enum_rows(first)
        if any(x.domain != first.domain or enum_rows(x) != rows for x in items):
            return list(items)
        return enum_vector(items, first.domain, rows)
    return np.array(items, dtype=TYPE_DTYPE[-t])


def _maybe_table(items):
    """A list of dicts with identical symbol keys is a table."""
    k0 = items[0].keys
    if not (isinstance(k0, np.ndarray) and k0.dtype == SYM):
        return list(items)
    cols = list(k0)
    for d in items[1:]:
        if not (isinstance(d, QDict) and isinstance(d.keys, np.ndarray) and d.keys.dtype == SYM
                and list(d.keys) == cols):
            return list(items)
    data = []
    for j in range(len(cols)):
        data.append(from_items([to_items(d.values)[j] for d in items]))
    return QTable(cols, data)


def exact_item(v, col: np.ndarray) -> bool:
    """Is v an atom exactly of plain vector col's type (neither an enumeration)? Then it can
    be written into a vector like col as it is. The cheap test a one-record update makes."""
    if v.__class__ is str:
        return col.dtype == SYM
    return isinstance(v, np.generic) and not isinstance(v, EnumScalar) and v.dtype == col.dtype


def enlist(x):
    """enlist x: a 1-item list (a vector for atoms)."""
    if enum_domain(x) and not isinstance(x, np.ndarray):
        return enum_vector([x], x.domain, enum_rows(x))
    if isinstance(x, str):
        return np.array([x], dtype=object)
    if isinstance(x, np.generic):
        return np.array([x], dtype=x.dtype)
    if isinstance(x, QDict) and isinstance(x.keys, np.ndarray) and x.keys.dtype == SYM \
            and len(x.keys):
        # a record is a one-row table; an empty dictionary has no columns to make one of
        return QTable(list(x.keys), [enlist(v) for v in to_items(x.values)])
    return [x]


def is_null(x) -> bool:
    """null x for an atom."""
    if x is None:
        return True
    if isinstance(x, str):
        return x == ""
    if isinstance(x, (np.floating,)):
        return bool(np.isnan(x))
    if isinstance(x, (np.datetime64, np.timedelta64)):     # before np.integer: see temporal
        t = DTYPE_TYPE.get(x.dtype, 0)
        return t in _tm.TEMPORAL and bool(_tm.null_mask(x, t))
    if isinstance(x, np.integer) and not isinstance(x, np.uint8):
        t = SCALAR_TYPE.get(type(x))
        return t in INT_NULL and x == INT_NULL[t]
    if isinstance(x, np.bytes_):
        return x == b" "
    if isinstance(x, np.void):
        return not any(bytes(x))
    return False


def ordered(a: np.ndarray) -> np.ndarray:
    """a, or a view of it, whose numpy order and equality are q's: temporal items as their
    int64 counts (numpy's NaT is unequal to itself and sorts last; q's nulls are equal and
    sort first)."""
    return a.view(np.int64) if a.dtype.kind in "mM" else a


def null_mask(x: np.ndarray) -> np.ndarray:
    """Boolean mask of nulls for a simple vector."""
    t = DTYPE_TYPE.get(x.dtype, 0)
    if t in (8, 9):
        return np.isnan(x)
    if t in INT_NULL:
        return x == INT_NULL[t]
    if t == 10:
        return x == b" "
    if t == 11:
        return x == ""
    if t in _tm.TEMPORAL:
        return _tm.null_mask(x, t)
    if t == 2:
        return ~x.view(np.uint8).reshape(-1, 16).any(axis=1)
    return np.zeros(len(x), dtype=bool)


def syms(names) -> np.ndarray:
    return np.array(list(names), dtype=object)


def chars(s: str | bytes) -> np.ndarray:
    """A q string (char vector) from Python text."""
    if isinstance(s, str):
        s = s.encode("utf-8", "surrogateescape")     # a script's raw bytes stay bytes
    return np.frombuffer(s, dtype=CHAR).copy() if s else np.array([], dtype=CHAR)


def char(c: str | bytes) -> np.bytes_:
    if isinstance(c, str):
        c = c.encode("utf-8", "surrogateescape")
    return np.bytes_(c)


def text(x, errors: str = "replace") -> str:
    """Python text from a q string, char or symbol (for error messages, file names...). Bytes
    that are not UTF-8 become U+FFFD; with errors="surrogateescape" they stay the bytes they
    were when written out (through the "ktwa.raw" handler: `-1`, `-2`)."""
    if isinstance(x, str):
        return x
    if isinstance(x, np.ndarray) and x.dtype == CHAR:
        return x.tobytes().decode("utf-8", errors=errors)
    if isinstance(x, np.bytes_):
        return bytes(x).decode("utf-8", errors=errors) or " "
    raise TypeError("not text")


def is_string(x) -> bool:
    return isinstance(x, np.ndarray) and x.dtype == CHAR


def is_syms(x) -> bool:
    return isinstance(x, np.ndarray) and x.dtype == SYM


def empty(t: int):
    """An empty list of q type t (0 for a general list)."""
    if t == 0:
        return []
    return np.array([], dtype=TYPE_DTYPE[t])


# Vectors known to hold no nulls (e.g. `til n`), so aggregates can skip their null scan: q keeps
# such facts as attributes; here a weak registry keyed by identity, dropped with the array.
_NULL_FREE: dict = {}


def mark_null_free(a: np.ndarray) -> np.ndarray:
    key = id(a)
    _NULL_FREE[key] = weakref.ref(a, lambda _r, k=key: _NULL_FREE.pop(k, None))
    return a


def known_null_free(a) -> bool:
    r = _NULL_FREE.get(id(a))
    return r is not None and r() is a


def match(a, b, feq=None) -> bool:
    """`x~y` match: same type and same value, through lists, dictionaries and tables. With
    `feq` (float arrays -> their tolerant equality, elementwise), floats match within q's
    comparison tolerance, as q's `~` does (match.md); without it, exactly (what distinct,
    group and find need)."""
    if a is b:
        return True
    if isinstance(a, np.ndarray):
        if not isinstance(b, np.ndarray) or a.dtype != b.dtype or a.shape != b.shape \
                or enum_domain(a) != enum_domain(b) or enum_rows(a) != enum_rows(b):
            return False
        if a.dtype.kind == "f":
            if feq is not None:
                return bool(np.all(feq(a.astype(np.float64), b.astype(np.float64))))
            return bool(np.array_equal(a, b, equal_nan=True))
        return bool(np.array_equal(ordered(a), ordered(b)))
    if isinstance(a, list):
        if not isinstance(b, list) or len(a) != len(b):
            return False
        return all(match(x, y, feq) for x, y in zip(a, b))
    if isinstance(a, QTable):
        return (isinstance(b, QTable) and a.cols == b.cols
                and all(match(x, y, feq) for x, y in zip(a.data, b.data)))
    if isinstance(a, QDict):
        return isinstance(b, QDict) and match(a.keys, b.keys, feq) \
            and match(a.values, b.values, feq)
    if isinstance(a, str):
        return isinstance(b, str) and a == b and enum_domain(a) == enum_domain(b)
    if isinstance(a, np.generic):
        if qtype(a) != qtype(b) or enum_domain(a) != enum_domain(b) \
                or enum_rows(a) != enum_rows(b):
            return False
        if isinstance(a, np.floating):
            if feq is not None:
                return bool(feq(np.float64(a), np.float64(b)))
            return bool(a == b or (np.isnan(a) and np.isnan(b)))
        if isinstance(a, (np.datetime64, np.timedelta64)):
            return bool(a.view(np.int64) == b.view(np.int64))
        return bool(a == b)
    if a is None:
        return b is None
    if isinstance(a, Builtin) and isinstance(b, Builtin):
        # two built-ins are one function when q shows them alike: flip~(+:)
        return builtin_text(a.name) == builtin_text(b.name)
    return a == b
