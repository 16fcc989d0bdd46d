"""Averages across processes (imports torch only): the kernels of `allavg` and `broadcast`.

The bytes move through functions the caller passes, so the kernels know nothing of process
groups (ktwa passes torch.distributed's all_reduce/broadcast over its world; a test can pass
plain functions):

``average_across_(tensors, sum_, root_, world)``
    Every floating (or complex) tensor becomes its mean over the ``world`` processes, in place:
    the tensors of each (device, dtype) group are flattened into one bucket, ``sum_(bucket)``
    replaces it by its elementwise sum over the processes, the bucket is divided by ``world``
    (the sum first, then one division: (a+b+c)/3, the arithmetic mean, not a/3+b/3+c/3) and
    copied back. Every other tensor (integer, bool: counters such as a batch norm's
    ``num_batches_tracked``) takes the root process's value: ``root_(bucket)`` replaces the bucket
    by the root's, one call per (device, dtype) group too.

``broadcast_(tensors, root_)``
    Every tensor takes the root process's value, one ``root_`` call per (device, dtype) group.

A tensor given twice (tied weights) travels once. Autograd is off (parameters are written in
place). Nothing is read on the host.
"""

from __future__ import annotations

from typing import Callable

import torch
from torch import Tensor

from .grouping import is_averaged_dtype
from .nograd import no_grad

__all__ = ["average_across_", "broadcast_", "buckets"]


def buckets(tensors) -> list[tuple[torch.device, torch.dtype, list[Tensor]]]:
    """The distinct tensors (by identity, first occurrence kept) grouped by (device, dtype), in
    the order each group first appears."""
    groups: dict = {}
    seen = set()
    for t in tensors:
        if id(t) in seen:
            continue
        seen.add(id(t))
        groups.setdefault((t.device, t.dtype), []).append(t)
    return [(d, dt, ts) for (d, dt), ts in groups.items()]


def _through(ts: list[Tensor], move: Callable[[Tensor], None], divide: int | None) -> None:
    """Flatten ts into one bucket, move(bucket), optionally divide it, copy it back."""
    flat = torch.cat([t.reshape(-1) for t in ts])
    move(flat)
    if divide is not None:
        flat.div_(divide)
    torch._foreach_copy_(ts, [v.view(t.shape) for v, t in zip(flat.split([t.numel() for t in ts]),
                                                               ts)])


@no_grad
def average_across_(tensors, sum_: Callable[[Tensor], None], root_: Callable[[Tensor], None],
                    world: int) -> None:
    """In place: floating tensors -> mean over the processes; others -> the root's (module doc)."""
    if world < 1:
        raise ValueError(f"world size must be positive, given {world}")
    for _, dtype, ts in buckets(tensors):
        if is_averaged_dtype(dtype):
            _through(ts, sum_, world)
        else:
            _through(ts, root_, None)


@no_grad
def broadcast_(tensors, root_: Callable[[Tensor], None]) -> None:
    """In place: every tensor takes the root process's value (module doc)."""
    for _, _, ts in buckets(tensors):
        _through(ts, root_, None)
