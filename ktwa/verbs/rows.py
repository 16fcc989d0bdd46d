"""Which rows of one table match which rows of another, vectorised: the matching under keyed
upserts and every join.

Rows are reduced to integer codes, equal exactly when the rows match (`~`) on the given
columns: each column pair is factorised together (np.unique for numeric and char vectors, one
dictionary pass for symbols and general lists), and the per-column codes are combined and
renumbered column by column, so no Python tuple is built per row.
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.types import SYM, to_items
from .index import find_positions, hkey

I64 = np.int64


def _plain(c):
    return c.view(np.ndarray) if isinstance(c, np.ndarray) and type(c) is not np.ndarray else c


def _factorize_objects(items) -> np.ndarray:
    seen: dict = {}
    return np.fromiter((seen.setdefault(k, len(seen)) for k in items), dtype=I64,
                       count=len(items))


def _column_codes(a, b) -> tuple[np.ndarray, np.ndarray]:
    """Shared codes for the items of lists a and b."""
    a, b = _plain(a), _plain(b)
    na = len(a)
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        if a.dtype != b.dtype:
            raise QError("type")
        both = np.concatenate([a, b])
        if a.dtype == SYM:
            codes = _factorize_objects(both.tolist())
        else:
            codes = np.unique(both, return_inverse=True)[1].reshape(-1).astype(I64)
        return codes[:na], codes[na:]
    if isinstance(a, np.ndarray) != isinstance(b, np.ndarray) and len(a) and len(b):
        raise QError("type")
    codes = _factorize_objects([hkey(v) for v in list(to_items(a)) + list(to_items(b))])
    return codes[:na], codes[na:]


def row_codes(cols_a: list, cols_b: list) -> tuple[np.ndarray, np.ndarray]:
    """Codes for the rows of two tables given as parallel lists of columns: rows of either
    table get the same code exactly when they match on every column."""
    na = len(cols_a[0]) if cols_a else 0
    nb = len(cols_b[0]) if cols_b else 0
    ca, cb = np.zeros(na, dtype=I64), np.zeros(nb, dtype=I64)
    for a, b in zip(cols_a, cols_b):
        xa, xb = _column_codes(a, b)
        width = int(max(xa.max(initial=-1), xb.max(initial=-1))) + 1
        joint = np.concatenate([ca * width + xa, cb * width + xb])
        joint = np.unique(joint, return_inverse=True)[1].reshape(-1).astype(I64)
        ca, cb = joint[:na], joint[na:]
    return ca, cb


def first_positions(codes: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """For each needle code, the first position of that code in `codes` (-1 if absent)."""
    size = int(max(codes.max(initial=-1), needles.max(initial=-1))) + 1
    first = np.full(size, -1, dtype=I64)
    uniq, where = np.unique(codes, return_index=True)
    first[uniq] = where
    return first[needles] if len(needles) else np.empty(0, dtype=I64)


def _first_positions_both(h, x) -> tuple[np.ndarray, np.ndarray]:
    """For the items of h and of x, the first position of each in h (-1 if absent)."""
    if isinstance(h, np.ndarray) and h.dtype == SYM and isinstance(x, np.ndarray):
        first: dict = {}
        ph = np.fromiter((first.setdefault(v, k) for k, v in enumerate(h.tolist())),
                         dtype=I64, count=len(h))
        get = first.get
        return ph, np.fromiter((get(v, -1) for v in x.tolist()), dtype=I64, count=len(x))
    return find_positions(h, h), find_positions(h, x)


def hay_codes(hay_cols: list, needle_cols: list) -> tuple[np.ndarray, np.ndarray]:
    """Codes for the rows of a hay table and of needle rows, in the hay's own code space: a
    needle row whose values are not all in the hay gets -1 (it can match nothing). The work
    is a sort of the hay and a binary search per needle, so a small hay (a keyed lookup
    table, a quote table's groups) against many needles is cheap."""
    m = len(hay_cols[0]) if hay_cols else 0
    n = len(needle_cols[0]) if needle_cols else 0
    hc, nc = np.zeros(m, dtype=I64), np.zeros(n, dtype=I64)
    for h, x in zip(hay_cols, needle_cols):
        h, x = _plain(h), _plain(x)
        if isinstance(h, np.ndarray) and isinstance(x, np.ndarray) and h.dtype != x.dtype:
            raise QError("type")
        ph, px = _first_positions_both(h, x)
        joint_h = hc * m + ph
        joint_n = np.where((nc < 0) | (px < 0), -1, nc * m + px)
        uniq = np.unique(joint_h)
        hc = np.searchsorted(uniq, joint_h).astype(I64)
        at = np.minimum(np.searchsorted(uniq, joint_n), max(len(uniq) - 1, 0))
        nc = np.where((joint_n >= 0) & (uniq[at] == joint_n), at, -1).astype(I64) \
            if len(uniq) else np.full(n, -1, dtype=I64)
    return hc, nc


def find_rows(hay_cols: list, needle_cols: list) -> np.ndarray:
    """For each row of the needle columns, the first matching row of the hay columns (-1 if
    none)."""
    if len(hay_cols) == 1:
        h, x = _plain(hay_cols[0]), _plain(needle_cols[0])
        if isinstance(h, np.ndarray) and isinstance(x, np.ndarray) and h.dtype != x.dtype:
            raise QError("type")
        return find_positions(h, x)
    hc, nc = hay_codes(hay_cols, needle_cols)
    if not len(hc):
        return np.full(len(nc), -1, dtype=I64)
    uniq, where = np.unique(hc, return_index=True)
    first = np.full(int(uniq[-1]) + 1, -1, dtype=I64)
    first[uniq] = where
    return np.where(nc >= 0, first[np.maximum(nc, 0)], -1).astype(I64)
