"""How big a result may be: a request that cannot fit in this machine's memory is 'wsfull at
once, instead of minutes of allocating and swapping that Ctrl-C cannot stop (numpy does not
look at signals while it fills an array)."""
from __future__ import annotations

import os

from ..errors import QError


def _physical_bytes() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):   # no sysconf names here: assume 1 TiB
        return 1 << 40


PHYSICAL = _physical_bytes()

# a general list holds a Python object per item: a pointer and at least a small object
LIST_ITEM_BYTES = 64


# one result may take at most half the machine: the rest is the session's and everyone else's
LIMIT = PHYSICAL // 2


# errors.md: a list longer than 2^40-1 items is q's 'limit, whatever memory there is
MAX_COUNT = (1 << 40) - 1


def check_alloc(n: int, itemsize: int = 8) -> None:
    """'limit past q's longest list; 'wsfull unless n items of itemsize bytes fit in half of
    physical memory."""
    if n > MAX_COUNT:
        raise QError("limit")
    if n * itemsize > LIMIT:
        raise QError("wsfull")
