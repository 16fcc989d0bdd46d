"""`~` match: same type and same value, through lists, dicts and tables."""
from __future__ import annotations

import numpy as np

from .types import QDict, QTable, qtype, ordered


def match(a, b) -> bool:
    if a is b:
        return True
    if isinstance(a, np.ndarray):
        if not isinstance(b, np.ndarray) or a.dtype != b.dtype or a.shape != b.shape:
            return False
        if a.dtype.kind == "f":
            return bool(np.array_equal(a, b, equal_nan=True))
        return bool(np.array_equal(ordered(a), ordered(b)))
    if isinstance(a, list):
        if not isinstance(b, list) or len(a) != len(b):
            return False
        return all(match(x, y) for x, y in zip(a, b))
    if isinstance(a, QTable):
        return (isinstance(b, QTable) and a.cols == b.cols
                and all(match(x, y) for x, y in zip(a.data, b.data)))
    if isinstance(a, QDict):
        return isinstance(b, QDict) and match(a.keys, b.keys) and match(a.values, b.values)
    if isinstance(a, str):
        return isinstance(b, str) and a == b
    if isinstance(a, np.generic):
        if qtype(a) != qtype(b):
            return False
        if isinstance(a, np.floating):
            return bool(a == b or (np.isnan(a) and np.isnan(b)))
        if isinstance(a, (np.datetime64, np.timedelta64)):
            return bool(a.view(np.int64) == b.view(np.int64))
        return bool(a == b)
    if a is None:
        return b is None
    return a == b
