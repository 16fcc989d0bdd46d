"""Grouping of parallel tensor lists for the averaging kernels (imports torch only).

A :class:`Plan` is built once from two parallel lists ``dst`` (the tensors written, e.g. the averages)
and ``src`` (the tensors read, e.g. a model's parameters) and reused on every update while the lists
hold the same tensor objects. It splits the pairs by (device, dtype) of ``dst``:

* floating/complex ``dst`` -> averaged with one ``torch._foreach_*`` call per group;
* integer/bool ``dst``     -> copied (never averaged), one ``torch._foreach_copy_`` per group;
* a ``src`` whose dtype, device or shape differs from its ``dst`` gets a persistent staging buffer
  shaped/typed like ``dst``; each update first refreshes all staging buffers of a group with one
  ``torch._foreach_copy_`` (cast + move + broadcast, no allocation) and then averages from the buffer.
  So an fp32 average of bf16 parameters stays fp32, and a CPU average of CUDA weights works.

Validity: a plan refers to the tensor objects it was built from. :meth:`Plan.matches` checks object
identity (cheap). If a tensor's dtype/device changes behind the plan's back (``module.to(...)``
replaces ``param.data``), the next foreach call fails before writing; the caller then rebuilds.

The per-update path never calls ``.item()`` and loops in Python only over groups (normally one).
"""

from __future__ import annotations

from operator import is_ as _is

import torch
from torch import Tensor

from .nograd import no_grad

__all__ = ["Plan", "is_averaged_dtype", "broadcast_error", "flatten", "unflatten_into"]


def is_averaged_dtype(dtype: torch.dtype) -> bool:
    """True for dtypes that are averaged (floating and complex); others are copied."""
    return dtype.is_floating_point or dtype.is_complex


def broadcast_error(dst: Tensor, src: Tensor) -> str | None:
    """Return torch's own error text for ``dst.copy_(src)`` if ``src`` cannot broadcast onto ``dst``,
    else None. Runs a trial copy on meta tensors (no data touched); only called when shapes differ."""
    if dst.shape == src.shape:
        return None
    try:
        torch.empty(dst.shape, device="meta", dtype=dst.dtype).copy_(
            torch.empty(src.shape, device="meta", dtype=src.dtype))
    except RuntimeError as e:  # torch's message, e.g. "The size of tensor a (4) must match ..."
        return str(e)
    return None


class Plan:
    """Cached (device, dtype) grouping of parallel lists ``dst``/``src``.

    Attributes (tuples, read by the kernels):
      ``avg``   : per averaged group ``(dst_list, lerp_src_list, src_list)``; ``lerp_src_list`` holds the
                  staging buffer where a source needed a cast/move/broadcast, else the source itself;
                  ``src_list`` the original sources (used for exact copies).
      ``stage`` : per averaged group with staging ``(buffers, sources)`` refreshed before averaging.
      ``copy``  : per copied group ``(dst_list, src_list)`` (integer/bool destinations, plus the
                  optional always-copied extra pairs ``copy_dst``/``copy_src``, e.g. buffers).
      ``count`` : kept by :func:`swa.running_mean_` for the counter it updates with this plan.
    """

    __slots__ = ("dst", "src", "copy_dst", "copy_src", "avg", "stage", "copy", "size", "count",
                 "__weakref__")

    def __init__(self, dst, src, copy_dst=(), copy_src=()):
        # keep the caller's list objects (if lists/tuples) so that matches() is an identity test
        dst = dst if isinstance(dst, (list, tuple)) else list(dst)
        src = src if isinstance(src, (list, tuple)) else list(src)
        copy_dst = copy_dst if isinstance(copy_dst, (list, tuple)) else list(copy_dst)
        copy_src = copy_src if isinstance(copy_src, (list, tuple)) else list(copy_src)
        if len(dst) != len(src):
            raise ValueError(f"length mismatch: {len(dst)} destination vs {len(src)} source tensors")
        if len(copy_dst) != len(copy_src):
            raise ValueError(f"length mismatch: {len(copy_dst)} destination vs {len(copy_src)} "
                             "source tensors to copy")
        self.dst, self.src = dst, src
        self.copy_dst, self.copy_src = copy_dst, copy_src
        self.size = len(dst)
        self.count = None  # swa.running_mean_'s host view of its counter (see there)
        avg: dict = {}
        copy: dict = {}
        for d, s in zip(dst, src):
            err = broadcast_error(d, s)
            if err is not None:
                raise RuntimeError(err)
            key = (d.device, d.dtype)
            if is_averaged_dtype(d.dtype):
                g = avg.get(key)
                if g is None:
                    g = avg[key] = ([], [], [], [], [])  # dst, lerp_src, src, stage_buf, stage_src
                g[0].append(d)
                g[2].append(s)
                if s.dtype is d.dtype and s.device == d.device and s.shape == d.shape:
                    g[1].append(s)
                else:
                    buf = torch.empty_like(d, memory_format=torch.preserve_format)
                    g[1].append(buf)
                    g[3].append(buf)
                    g[4].append(s)
            else:
                g = copy.setdefault(key, ([], []))
                g[0].append(d)
                g[1].append(s)
        for d, s in zip(copy_dst, copy_src):
            err = broadcast_error(d, s)
            if err is not None:
                raise RuntimeError(err)
            g = copy.setdefault((d.device, d.dtype), ([], []))
            g[0].append(d)
            g[1].append(s)
        self.avg = tuple((g[0], g[1], g[2]) for g in avg.values())
        self.stage = tuple((g[3], g[4]) for g in avg.values() if g[3])
        self.copy = tuple(copy.values())

    def matches(self, dst, src, copy_dst=(), copy_src=()) -> bool:
        """Cheap check that the lists hold the same tensor objects (identity, same order)."""
        if dst is self.dst and src is self.src and not copy_dst and not self.copy_dst:
            return True
        return (len(dst) == self.size and len(src) == self.size
                and len(copy_dst) == len(self.copy_dst) and len(copy_src) == len(self.copy_src)
                and all(map(_is, dst, self.dst)) and all(map(_is, src, self.src))
                and all(map(_is, copy_dst, self.copy_dst)) and all(map(_is, copy_src, self.copy_src)))


    # -- kernels over the plan (grad mode must already be off) ------------------------------------
    def lerp_(self, weight) -> None:
        """dst += weight * (src - dst) for averaged pairs (``weight`` a Python float); copy the rest."""
        for bufs, srcs in self.stage:
            torch._foreach_copy_(bufs, srcs)
        if weight >= 0.5:
            # lerp switches to `end - (end-self)*(1-w)` for w >= 0.5, which rounds differently from
            # ktorch's `a += f*(p-a)`; use ktorch's formula so the first average after copyparms
            # (w = 1/2) is bit-identical to ktorch's (the seed page's 4.756198).
            for d, s, _ in self.avg:
                diff = torch._foreach_sub(s, d)
                torch._foreach_mul_(diff, weight)
                torch._foreach_add_(d, diff)
        else:
            for d, s, _ in self.avg:
                torch._foreach_lerp_(d, s, weight)
        for d, s in self.copy:
            torch._foreach_copy_(d, s)

    def copy_(self) -> None:
        """Exact copy of every source into its destination (cast/move/broadcast)."""
        for d, _, s in self.avg:
            torch._foreach_copy_(d, s)
        for d, s in self.copy:
            torch._foreach_copy_(d, s)

    def __repr__(self):
        return (f"Plan({self.size} pairs, {len(self.avg)} averaged group(s), {len(self.stage)} staged, "
                f"{len(self.copy)} copied group(s))")


# -- flat-vector helpers (SWAG, TWA) --------------------------------------------------------------
@no_grad
def flatten(tensors, dtype: torch.dtype | None = None, device=None) -> Tensor:
    """Concatenate ``t.reshape(-1)`` of every tensor (detached) into one new 1-D tensor, optionally
    cast/moved. Empty list -> empty float32 vector."""
    tensors = list(tensors)
    if not tensors:
        return torch.empty(0, dtype=dtype or torch.float32, device=device)
    flat = [t.detach().reshape(-1) for t in tensors]
    if dtype is not None or device is not None:
        dt = dtype or flat[0].dtype
        dv = device if device is not None else flat[0].device
        flat = [f.to(device=dv, dtype=dt) for f in flat]
    return torch.cat(flat)


@no_grad
def unflatten_into(tensors, vec: Tensor) -> None:
    """Copy consecutive slices of the 1-D ``vec`` into ``tensors`` in place (cast/move, autograd off).
    ``vec`` must have exactly sum(numel) elements."""
    tensors = list(tensors)
    total = sum(t.numel() for t in tensors)
    if vec.dim() != 1 or vec.numel() != total:
        raise ValueError(f"vector of {vec.numel()} elements (dim {vec.dim()}) does not match "
                         f"{total} parameter elements")
    if not tensors:
        return
    parts = [p.view(t.shape) for p, t in zip(vec.split([t.numel() for t in tensors]), tensors)]
    torch._foreach_copy_(tensors, parts)
