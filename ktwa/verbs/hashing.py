"""How q tells items apart at numpy speed: codes for the distinct items of a list (`distinct`,
`group`, qSQL's `by`) and where the items of one list first occur in another (`?`, `in`,
`except`, `inter`).

These verbs use exact match, not comparison tolerance (q's reference on precision lists `?`,
`distinct`, `except`, `group`, `in`, `inter`, `union`, `xgroup` as intolerant): two floats are
the same item when they are equal (0.0 and -0.0 alike) or both null; items of different types
never match.

Each job takes one of these paths, chosen up front from the list's type, size and range:

- lookup: integer-like vectors (booleans, bytes, chars, shorts, ints, longs, and any temporal
  type stored as integers) whose range is small: a table indexed by value, first occurrences
  by `np.minimum.at`, no sort and no hash;
- hash: large vectors of any other simple type, symbols included: pandas' hash tables
  (`pandas.factorize`, `pandas.unique`). numpy has no hash table, and its sort-based
  `np.unique` is 10-40x slower than hashing on a million longs or symbols. pandas is imported
  on first use, so start-up never pays for it;
- sort: small numeric vectors: `np.unique`;
- items: small symbol vectors, general lists and tables of them: a dict over `hkey`;
- short: plain simple vectors of at most SHORT items (`group`, `distinct`, `?` and `in` in a
  decision tree's or a lambda's inner loop): a dict over the items as Python values
  (plain_items), where numpy's fixed costs per call would dominate.

Each path is its own function, so tests can check that they all give the same answer.
"""
from __future__ import annotations

import numpy as np

from ..values.functions import Builtin, builtin_text
from ..values.types import CHAR, SYM, QDict, QTable, count, to_items

I64 = np.int64

SMALL_RANGE = 1 << 16   # a lookup table this long is always cheap
MAX_RANGE = 1 << 26     # and never longer than this
HASH_MIN = 1 << 12      # vectors shorter than this sort or use a dict (hashing has a fixed cost)
SHORT = 128             # vectors this short group in a Python dict (numpy's per-call costs)


def _pandas():
    import pandas
    return pandas


# ---------------------------------------------------------------------------------------------
# what an item is, for equality


def hkey(v):
    """A hashable stand-in for a q value, equal exactly when the values match (`~`)."""
    if isinstance(v, str):
        return ("s", v)
    if isinstance(v, (np.datetime64, np.timedelta64)):
        return (v.dtype.str, int(v.view(np.int64)))
    if isinstance(v, np.generic):
        t = type(v).__name__
        if isinstance(v, np.floating) and np.isnan(v):
            return (t, "nan")
        return (t, v.item())
    if isinstance(v, np.ndarray):
        if v.dtype == SYM:
            return ("S", tuple(v.tolist()))
        if v.dtype.kind == "f":
            return ("V", v.dtype.str, tuple("nan" if a != a else a for a in v.tolist()))
        return ("V", v.dtype.str, v.tobytes())
    if isinstance(v, list):
        return ("L", tuple(hkey(a) for a in v))
    if isinstance(v, QTable):
        return ("T", tuple(v.cols), tuple(hkey(c) for c in v.data))
    if isinstance(v, QDict):
        return ("D", hkey(v.keys), hkey(v.values))
    if v is None:
        return ("N",)
    if isinstance(v, Builtin):          # flip and (+:) are one function (match)
        return ("B", builtin_text(v.name))
    return ("F", id(v))


def int_view(x: np.ndarray):
    """The items of simple vector x as integers that are equal exactly when the items match:
    integers as they are, booleans and chars as bytes, numpy datetimes as their counts; None
    for floats, symbols and anything else."""
    k = x.dtype.kind
    if k == "i" or (k == "u" and x.dtype.itemsize < 8):
        return x
    if k == "b" or x.dtype == CHAR:
        return x.view(np.uint8)
    if k in "mM":
        return x.view(I64)
    return None


def small_range(v: np.ndarray):
    """(lowest, span) of integer vector v when a lookup table over its range is cheap, else
    None."""
    if len(v) == 0:
        return None
    lo, hi = int(v.min()), int(v.max())
    span = hi - lo + 1
    if span <= max(SMALL_RANGE, 2 * len(v)) and span <= MAX_RANGE:
        return lo, span
    return None


def _offsets(v: np.ndarray, lo: int) -> np.ndarray:
    if lo == 0 and v.dtype == I64:
        return v
    return np.subtract(v, lo, dtype=I64)


def _first_of_codes(codes: np.ndarray, k: int) -> np.ndarray:
    """Position of the first item with each code 0..k-1 (codes numbered by first occurrence)."""
    n = len(codes)
    first = np.full(k, n, dtype=I64)
    np.minimum.at(first, codes, np.arange(n, dtype=I64))
    return first


# ---------------------------------------------------------------------------------------------
# codes: the group number of each item, numbered in order of first occurrence


def codes_lookup(v: np.ndarray, lo: int, span: int):
    """(codes, first) for an integer vector whose values lie in [lo, lo+span)."""
    n = len(v)
    off = _offsets(v, lo)
    first = np.full(span, n, dtype=I64)
    np.minimum.at(first, off, np.arange(n, dtype=I64))
    present = np.flatnonzero(first < n)
    fp = first[present]
    order = np.argsort(fp)
    rank = np.empty(span, dtype=I64)
    rank[present[order]] = np.arange(len(order), dtype=I64)
    return rank[off], fp[order]


def codes_hash(x: np.ndarray):
    """(codes, first) for any simple vector, by pandas' hash tables (nulls are one value)."""
    codes, uniq = _pandas().factorize(x, use_na_sentinel=False)
    codes = codes.astype(I64, copy=False)
    return codes, _first_of_codes(codes, len(uniq))


def codes_sort(x: np.ndarray):
    """(codes, first) for a numeric vector, by sorting (np.unique: nulls are one value)."""
    _, first, inv = np.unique(x, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    remap = np.empty(len(order), dtype=I64)
    remap[order] = np.arange(len(order), dtype=I64)
    return remap[inv.reshape(-1)], first[order].astype(I64)


def codes_items(keys: list):
    """(codes, first) for a Python list of hashable keys (`hkey`s, or symbols as str)."""
    seen: dict = {}
    codes = np.empty(len(keys), dtype=I64)
    firsts = []
    for k, v in enumerate(keys):
        c = seen.get(v)
        if c is None:
            c = seen[v] = len(firsts)
            firsts.append(k)
        codes[k] = c
    return codes, np.array(firsts, dtype=I64)


def plain_items(x: np.ndarray):
    """The items of simple vector x as Python values that are equal exactly when the items
    match (int_view's integers; floats with every null one value, 0.0 and -0.0 one value as
    they compare equal; symbols as their strings); None for any other vector."""
    iv = int_view(x)
    if iv is not None:
        return iv.tolist()
    if x.dtype.kind == "f":
        return [None if a != a else a for a in x.tolist()]
    if x.dtype == SYM:
        return x.tolist()
    return None


def positions_short(x: np.ndarray):
    """For a plain simple vector of at most SHORT items: the positions of each distinct item
    (Python lists, ascending), in order of first occurrence; None where another path
    applies."""
    if x.__class__ is not np.ndarray or len(x) > SHORT:
        return None
    items = plain_items(x)
    if items is None:
        return None
    seen: dict = {}
    for k, v in enumerate(items):
        p = seen.get(v)
        if p is None:
            seen[v] = [k]
        else:
            p.append(k)
    return list(seen.values())


def find_short(hay: np.ndarray, needles: np.ndarray):
    """find_positions for two plain vectors of one simple type, each of at most SHORT items:
    a dict of the hay's first positions over plain_items; None where another path applies."""
    if hay.__class__ is not np.ndarray or needles.__class__ is not np.ndarray \
            or len(hay) > SHORT or len(needles) > SHORT:
        return None
    h = plain_items(hay)
    if h is None:
        return None
    table: dict = {}
    for k, v in enumerate(h):
        table.setdefault(v, k)
    return np.array([table.get(v, -1) for v in plain_items(needles)], dtype=I64)


def codes(x):
    """(codes, first) for any q list: codes[i] is the number of item i's distinct value,
    numbered in order of first occurrence; first[c] is where value c first occurs. A table's
    items are its rows."""
    if isinstance(x, QTable):
        if not x.data:
            return np.zeros(0, dtype=I64), np.zeros(0, dtype=I64)
        parts = [codes(c) for c in x.data]
        return combine([c for c, _ in parts], [len(f) for _, f in parts], ascending=False)
    if isinstance(x, np.ndarray):
        n = len(x)
        if n == 0:
            return np.zeros(0, dtype=I64), np.zeros(0, dtype=I64)
        iv = int_view(x)
        if iv is not None:
            r = small_range(iv)
            if r is not None:
                return codes_lookup(iv, *r)
        if n >= HASH_MIN and iv is not None:
            return codes_hash(iv)
        if n >= HASH_MIN and (x.dtype.kind == "f" or x.dtype == SYM):
            return codes_hash(x)
        if x.dtype == SYM:
            return codes_items(x.tolist())
        if iv is not None or x.dtype.kind == "f":
            return codes_sort(x)
    return codes_items([hkey(a) for a in to_items(x)])


def _lookup_first(v: np.ndarray, lo: int, span: int) -> np.ndarray:
    n = len(v)
    first = np.full(span, n, dtype=I64)
    np.minimum.at(first, _offsets(v, lo), np.arange(n, dtype=I64))
    return np.sort(first[first < n])


def first_positions(x) -> np.ndarray:
    """Ascending positions of the first occurrence of each distinct item of list x."""
    if isinstance(x, np.ndarray) and len(x):
        iv = int_view(x)
        if iv is not None:
            r = small_range(iv)
            if r is not None:
                return _lookup_first(iv, *r)
    return codes(x)[1]


def distinct_vector(x: np.ndarray) -> np.ndarray:
    """`distinct` of a simple vector: its distinct items in order of first occurrence."""
    short = positions_short(x)
    if short is not None:
        return x[[p[0] for p in short]] if short else x
    iv = int_view(x)
    r = small_range(iv) if iv is not None else None
    if r is not None:
        return x[_lookup_first(iv, *r)]
    if len(x) >= HASH_MIN and iv is not None:
        return _pandas().unique(iv).view(x.dtype)
    if len(x) >= HASH_MIN and (x.dtype.kind == "f" or x.dtype == SYM):
        return _pandas().unique(x)
    return x[codes(x)[1]] if len(x) else x


# ---------------------------------------------------------------------------------------------
# combining several columns' codes into row codes


def dense(v: np.ndarray, span: int):
    """Renumber non-negative integers v (all below span) 0..k-1 keeping their order: (codes, k)."""
    if span <= max(SMALL_RANGE, 2 * len(v)):
        present = np.bincount(v, minlength=span) > 0
        rank = np.cumsum(present) - 1
        return rank[v], int(present.sum())
    u, inv = np.unique(v, return_inverse=True)
    return inv.reshape(-1).astype(I64, copy=False), len(u)


def renumber_by_first(c: np.ndarray, k: int):
    """Codes c (0..k-1, each used) renumbered in order of first occurrence: (codes, first)."""
    first = _first_of_codes(c, k)
    order = np.argsort(first)
    rank = np.empty(k, dtype=I64)
    rank[order] = np.arange(k, dtype=I64)
    return rank[c], first[order]


def combine(cols: list, sizes: list, ascending: bool):
    """Row codes from each column's codes (column j's codes below sizes[j]): rows share a code
    exactly when they share every column's code. ascending: numbered in the order of the
    columns' codes taken left to right (sorted keys when each column's codes are ranks), and
    returns (codes, k); else numbered by first occurrence, returning (codes, first)."""
    acc, k = cols[0], sizes[0]
    for c, kc in zip(cols[1:], sizes[1:]):
        acc, k = dense(acc * kc + c, k * kc)
    if ascending:
        return acc, k
    return renumber_by_first(acc, k)


# ---------------------------------------------------------------------------------------------
# find: where items first occur


def _lookup_offsets(needles: np.ndarray, lo: int, span: int):
    """(offsets clipped into the table, mask of needles inside [lo, lo+span))."""
    off = _offsets(needles, lo)
    ok = off.view(np.uint64) < span           # negative offsets wrap to huge unsigned ones
    return np.clip(off, 0, span - 1), ok


def find_lookup(hay: np.ndarray, needles: np.ndarray, lo: int, span: int) -> np.ndarray:
    """Positions (-1 if absent) of integer needles in an integer hay lying in [lo, lo+span)."""
    nh = len(hay)
    tab = np.full(span, nh, dtype=I64)
    np.minimum.at(tab, _offsets(hay, lo), np.arange(nh, dtype=I64))
    tab[tab == nh] = -1
    off, ok = _lookup_offsets(needles, lo, span)
    res = tab[off]
    res[~ok] = -1
    return res


def member_lookup(hay: np.ndarray, needles: np.ndarray, lo: int, span: int) -> np.ndarray:
    """Which integer needles occur in an integer hay lying in [lo, lo+span)."""
    tab = np.zeros(span, dtype=bool)
    tab[_offsets(hay, lo)] = True
    off, ok = _lookup_offsets(needles, lo, span)
    return tab[off] & ok


def member(hay, needles) -> np.ndarray:
    """Which items of list `needles` occur in list `hay` (`in`): find_positions >= 0, with a
    table of booleans for integers of small range."""
    if isinstance(hay, np.ndarray) and isinstance(needles, np.ndarray) \
            and hay.dtype == needles.dtype and len(hay) and len(needles):
        short = find_short(hay, needles)
        if short is not None:
            return short >= 0
        hv = int_view(hay)
        if hv is not None:
            r = small_range(hv)
            if r is not None:
                return member_lookup(hv, int_view(needles), *r)
    return find_positions(hay, needles) >= 0


def find_hash(hay: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """Positions (-1 if absent) of needles in hay, two vectors of one simple type, hashed."""
    nh = len(hay)
    c, uniq = _pandas().factorize(np.concatenate([hay, needles]), use_na_sentinel=False)
    first = np.full(len(uniq), nh, dtype=I64)
    np.minimum.at(first, c[:nh], np.arange(nh, dtype=I64))
    first[first == nh] = -1
    return first[c[nh:]]


def find_sorted(hay: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """Positions (-1 if absent) of needles in hay, two numeric vectors of one type, by sorting
    hay's distinct values."""
    if hay.dtype.kind == "f":
        hn, nn = np.isnan(hay), np.isnan(needles)
        if hn.any():
            res = _search(hay[~hn], np.flatnonzero(~hn), needles)
            res[nn] = int(np.argmax(hn))
            return res
        res = _search(hay, None, needles)
        res[nn] = -1
        return res
    return _search(hay, None, needles)


def _search(hay, where, needles):
    uniq, first = np.unique(hay, return_index=True)
    if where is not None:
        first = where[first]
    if len(uniq) == 0:
        return np.full(len(needles), -1, dtype=I64)
    pos = np.searchsorted(uniq, needles)
    posc = np.minimum(pos, len(uniq) - 1)
    found = uniq[posc] == needles
    return np.where(found, first[posc], -1).astype(I64)


def find_items(hay, needles) -> np.ndarray:
    """Positions (-1 if absent) of the items of list needles in list hay, by `hkey`."""
    table: dict = {}
    for k, v in enumerate(to_items(hay)):
        table.setdefault(hkey(v), k)
    return np.array([table.get(hkey(v), -1) for v in to_items(needles)], dtype=I64)


def find_positions(hay, needles) -> np.ndarray:
    """For each item of list `needles`, the index of its first occurrence in list `hay` (-1 if
    absent). Exact match; vectorised for simple vectors of one type."""
    n = count(needles)
    if not (isinstance(hay, np.ndarray) and isinstance(needles, np.ndarray)
            and hay.dtype == needles.dtype):
        return find_items(hay, needles)
    if len(hay) == 0 or n == 0:
        return np.full(n, -1, dtype=I64)
    short = find_short(hay, needles)
    if short is not None:
        return short
    hv = int_view(hay)
    if hv is not None:
        r = small_range(hv)
        if r is not None:
            return find_lookup(hv, int_view(needles), *r)
    if len(hay) + n >= HASH_MIN and hv is not None:
        return find_hash(hv, int_view(needles))
    if len(hay) + n >= HASH_MIN and (hay.dtype.kind == "f" or hay.dtype == SYM):
        return find_hash(hay, needles)
    if hay.dtype == SYM:
        table: dict = {}
        for k, v in enumerate(hay.tolist()):
            table.setdefault(v, k)
        return np.array([table.get(v, -1) for v in needles.tolist()], dtype=I64)
    if hv is not None:                  # temporals by their counts (NaT equals NaT in q)
        return find_sorted(hv, int_view(needles))
    if hay.dtype.kind == "f":
        return find_sorted(hay, needles)
    return find_items(hay, needles)


def _joined(a, b):
    """Two columns as one list, for coding them together (vectors of one type stay vectors)."""
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.dtype == b.dtype:
        return np.concatenate([a, b])
    return list(to_items(a)) + list(to_items(b))


def find_rows(hay: QTable, needles: QTable) -> np.ndarray:
    """For each row of table `needles`, the index of its first occurrence among the rows of
    table `hay` (same columns; -1 if absent)."""
    nh = len(hay)
    c, first = codes(QTable(hay.cols, [_joined(a, b) for a, b in zip(hay.data, needles.data)]))
    pos = first[c[nh:]]
    return np.where(pos < nh, pos, -1).astype(I64)


def item_depth(x) -> int:
    """0 for an atom (or a function, dictionary, table), 1 for a simple list, one more than
    its first item for a general list: how deep a sought item is, against the items of the
    list it is sought in (find.md: (1 2;9)?1 2 is 0, (9;(1 2;3 4))?1 2 is 2 2)."""
    if isinstance(x, list):
        return 1 + (item_depth(x[0]) if x else 0)
    return 1 if isinstance(x, np.ndarray) else 0
