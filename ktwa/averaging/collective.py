"""Averages across processes (imports torch only): the kernels of `allavg` and `broadcast`.

The bytes move through functions the caller passes, so the kernels know nothing of process
groups (ktwa passes torch.distributed's all_reduce/broadcast over its world; a test can pass
plain functions):

``average_across_(tensors, sum_, root_, world, scratch=None)``
    Every floating (or complex) tensor becomes its mean over the ``world`` processes, in place:
    the tensors of each (device, dtype) group are copied into one flat bucket, ``sum_(bucket)``
    replaces it by its elementwise sum over the processes, and each tensor is written back as
    its part of the bucket divided by ``world`` (the sum first, then one division, fused with
    the copy back: (a+b+c)/3, the arithmetic mean, not a/3+b/3+c/3). Every other tensor
    (integer, bool: counters such as a batch norm's ``num_batches_tracked``) takes the root
    process's value: ``root_(bucket)`` replaces the bucket by the root's, one call per (device,
    dtype) group too.

``broadcast_(tensors, root_, scratch=None)``
    Every tensor takes the root process's value, one ``root_`` call per (device, dtype) group.

``scratch``: a dict the caller keeps between calls, (device, dtype) -> the flat buffer last used
(grown when a group needs more). A fresh buffer of a model's size costs more than the copies
through it on the CPU, where each large allocation is new memory from the OS to fault in page by
page (on a GPU torch's caching allocator already reuses its blocks); the price is one buffer the
size of the largest group averaged, kept.

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


def _through(ts: list[Tensor], move: Callable[[Tensor], None], divide: int | None,
             scratch: dict | None) -> None:
    """Copy ts into one bucket, move(bucket), copy it back (divided by `divide` when given)."""
    sizes = [t.numel() for t in ts]
    numel = sum(sizes)
    key = (ts[0].device, ts[0].dtype)
    buf = None if scratch is None else scratch.get(key)
    if buf is None or buf.numel() < numel:
        buf = torch.empty(numel, dtype=ts[0].dtype, device=ts[0].device)
        if scratch is not None:
            scratch[key] = buf
    flat = buf[:numel]
    views = [v.view(t.shape) for v, t in zip(flat.split(sizes), ts)]
    torch._foreach_copy_(views, ts)
    move(flat)
    if divide is None:
        torch._foreach_copy_(ts, views)
    else:
        for v, t in zip(views, ts):         # one pass over each tensor: divide into place
            torch.div(v, divide, out=t)


@no_grad
def average_across_(tensors, sum_: Callable[[Tensor], None], root_: Callable[[Tensor], None],
                    world: int, scratch: dict | None = None) -> None:
    """In place: floating tensors -> mean over the processes; others -> the root's (module doc)."""
    if world < 1:
        raise ValueError(f"world size must be positive, given {world}")
    for _, dtype, ts in buckets(tensors):
        if is_averaged_dtype(dtype):
            _through(ts, sum_, world, scratch)
        else:
            _through(ts, root_, None, scratch)


@no_grad
def broadcast_(tensors, root_: Callable[[Tensor], None], scratch: dict | None = None) -> None:
    """In place: every tensor takes the root process's value (module doc)."""
    for _, _, ts in buckets(tensors):
        _through(ts, root_, None, scratch)
