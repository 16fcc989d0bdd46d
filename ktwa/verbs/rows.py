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
from .index import hkey

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


def find_rows(hay_cols: list, needle_cols: list) -> np.ndarray:
    """For each row of the needle columns, the first matching row of the hay columns (-1 if
    none)."""
    ch, cn = row_codes(hay_cols, needle_cols)
    return first_positions(ch, cn)
