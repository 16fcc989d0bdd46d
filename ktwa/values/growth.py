"""Where a vector can grow without being copied: appends (`t insert x`, `t,:x`, `v,:x`) in amortised
O(new items) rather than O(n).

q values never change once made, so an append normally builds a new vector, which makes a loop
of n single-row inserts cost O(n^2). Here an appended vector is a view of a buffer with room
after it. The buffer remembers the latest view made of it (it starts the buffer and claims
every item written so far); only that view may grow into the room, and the items it claims
are never written again, so every older view keeps its value. Any other vector - a literal,
a slice, a vector that another append already grew past - is copied into a new buffer with
room, doubling, as a list type in any language would.
"""

import weakref

import numpy as np

_LATEST: dict = {}            # id(buffer) -> weak reference to the view that may grow into it


def _release(key: int) -> None:
    _LATEST.pop(key, None)


def grown(col: np.ndarray, m: int) -> np.ndarray:
    """col followed by m items the caller must write (col[len(col):] of the result). col is
    left as it was. Only for plain 1-dimensional numpy vectors (type np.ndarray)."""
    n = len(col)
    buf = col.base
    if growing(col) and len(buf) >= n + m:
        view = buf[:n + m]
        _LATEST[id(buf)] = weakref.ref(view)
        return view
    buf = np.empty(max(2 * n, n + m, 8), dtype=col.dtype)
    buf[:n] = col
    view = buf[:n + m]
    _LATEST[id(buf)] = weakref.ref(view)
    weakref.finalize(buf, _release, id(buf))
    return view


def growing(col: np.ndarray) -> bool:
    """Is col the latest view of a buffer made here (the result of an append that may grow
    again)?"""
    buf = col.base
    if buf is None:
        return False
    latest = _LATEST.get(id(buf))
    return latest is not None and latest() is col


def joined(x: np.ndarray, y) -> np.ndarray:
    """x,y for a plain vector x and a vector of its dtype or an atom of its type, growing x's
    buffer when it can."""
    if y.__class__ is np.ndarray:
        r = grown(x, len(y))
        r[len(x):] = y
    else:
        r = grown(x, 1)
        r[len(x)] = y
    return r
