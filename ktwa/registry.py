"""Which torch object a handle names.

A handle (ktorch's "api-pointer") is an ordinary q value: a 1-item general list holding a long,
`[np.int64(n)]`. The Registry maps n -> Entry(obj, cls). One registry per Session.

Classes (ktorch's `class` symbols): tensor vector dictionary module loss optimizer model;
ktwa adds scheduler swag twa (torchapi/schedules.py, swag.py, twa.py).
Each handle owns one reference; an object is alive while any handle or container holds it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .errors import QError

CLASSES = ("tensor", "vector", "dictionary", "module", "loss", "optimizer", "model",
           "scheduler", "swag", "twa")


@dataclass(eq=False)
class Entry:
    obj: Any                      # torch.Tensor, list of tensors, TensorDict, Module, ...
    cls: str                      # one of CLASSES
    attrs: dict = field(default_factory=dict)   # e.g. {"kind": "parameter"} for live dicts


def is_handle(x) -> bool:
    """ktorch's rule: ANY 1-item general list whose item is a long atom is a pointer."""
    return type(x) is list and len(x) == 1 and isinstance(x[0], np.int64)


class Registry:
    """Handle number -> Entry. Numbers look like ktorch's (large, arbitrary) but are per session."""

    _BASE = 0x3A00000
    _STEP = 0x1F0

    def __init__(self):
        self._entries: dict[int, Entry] = {}
        self._consumed: dict[int, str] = {}    # handle number -> the api function that took it
        self._next = self._BASE

    def new(self, obj, cls: str, **attrs) -> list:
        """Register obj and return its handle value."""
        assert cls in CLASSES, cls
        n = self._next
        self._next += self._STEP
        self._entries[n] = Entry(obj, cls, dict(attrs))
        return [np.int64(n)]

    def entry(self, h) -> Entry:
        """The entry for handle value h; 'stale pointer for a freed or consumed handle."""
        n = int(h[0]) if isinstance(h, list) else int(h)
        e = self._entries.get(n)
        if e is None:
            raise self._stale(n)
        return e

    def _stale(self, n: int) -> QError:
        by = self._consumed.get(n)
        if by is None:
            return QError("stale pointer")
        return QError(f"stale pointer: this handle was consumed by {by}; "
                      f"pass addref h to {by} to keep h")

    def has(self, h) -> bool:
        return is_handle(h) and int(h[0]) in self._entries

    def replace(self, h, entry: Entry) -> None:
        """Point existing handle h at another entry (ktorch's `use`)."""
        self._entries[int(h[0])] = entry

    def release(self, h, by: str = "") -> Entry:
        """Drop handle h (the object dies when nothing else holds it); returns its entry. `by`
        names the api function that took the handle over (`model(q;l;o)` takes q, l and o), so
        that a later use of h says so and how to keep it, not just 'stale pointer."""
        n = int(h[0]) if isinstance(h, list) else int(h)
        e = self._entries.pop(n, None)
        if e is None:
            raise self._stale(n)
        if by:
            self._consumed[n] = by
        return e

    def clear(self) -> None:
        self._entries.clear()
        self._consumed.clear()

    def items(self):
        """(number, Entry) pairs, newest first (as ktorch's obj[] shows them)."""
        return sorted(self._entries.items(), key=lambda kv: -kv[0])

    def __len__(self):
        return len(self._entries)
