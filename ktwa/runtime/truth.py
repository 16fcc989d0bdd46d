"""When q takes a value as true: `$[c;a;b]`, `if`, `while` and the While iterator (`c f/x`)."""
from __future__ import annotations

import numpy as np

from ..errors import QError


def is_true(v) -> bool:
    if v.__class__ is np.bool_:
        return bool(v)
    if isinstance(v, (np.bool_, np.integer, np.floating)):
        return bool(v != 0)
    if isinstance(v, np.bytes_):
        return v != b"\x00"
    if isinstance(v, np.ndarray) and v.ndim == 1 and len(v) == 1 and v.dtype != object:
        return bool(v[0] != 0)
    raise QError("type")
