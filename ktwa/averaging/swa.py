"""SWA running mean and broadcasting copy (ktorch avgparms / copyparms kernels; imports torch only).

``running_mean_(avg, new, n, weight=None, plan=None)``
    ``avg += (new - avg) / (n + 1)`` then ``n += 1``, where ``n`` (0-dim float64 tensor, ktorch's ``.n``)
    counts the models already in the average (1 right after ``copyparms``). One
    ``torch._foreach_lerp_(avg_group, new_group, weight)`` per (device, dtype) group of ``avg``.

    Weight choice (torch 2.13): ``_foreach_lerp_`` has overloads for a Python Scalar, a list of
    Scalars and a list of weight *tensors*; there is no single-Tensor-weight overload (passing a
    0-dim tensor as ``weight`` silently converts it to a Scalar, i.e. a hidden ``.item()``/sync).
    So the fast path takes a Python float:

    * ``weight`` given (float): used as is; the caller (which knows n as a Python number) passes
      ``1/(n+1)``. No tensor is read on the host.
    * ``weight is None`` and ``n`` on the CPU (ktorch keeps ``.n`` on the CPU, and so should ktwa):
      ``1/(n+1)`` is read from host memory - a CPU scalar read, never a device synchronisation.
    * ``weight is None`` and ``n`` on an accelerator, or ``weight`` a 0-dim Tensor: sync-free tensor
      path ``w = 1/(n+1)`` on the device, ``avg += w * (new - avg)`` with ``_foreach_sub``,
      ``_foreach_mul_(list, Tensor)``, ``_foreach_add_`` (one temporary per update).

    ``n`` is always incremented in place, never replaced (a CPU double scalar through a numpy view
    of it cached on the plan, ~0.05 us; another CPU ``n``: ``n.fill_(old + 1)`` with the value just
    read, ~0.8 us; otherwise ``n.add_(1)``). Returns the count before the update as a Python
    float when it was read on the host (so a caller need not read ``n`` again), else None. Cost on Linear(2,1) with a cached
    plan: ~4.5 us per call on the dev CPU (the bare ``_foreach_lerp_`` is ~2 us of it).
    ``n == 0`` (weight 1) is an exact copy, as in AveragedModel's first update.

``copy_into_(dst, src)``
    ``dst[i].copy_(src[i])`` for all i (dtype cast, device move, broadcasting, no grad), after checking
    that EVERY source broadcasts onto its destination; on the first bad pair raises RuntimeError with
    torch's own message and nothing has been written.
"""

from __future__ import annotations

import torch
from torch import Tensor

from .grouping import Plan, broadcast_error
from .nograd import no_grad

__all__ = ["running_mean_", "copy_into_", "snapshot"]

_ONE = torch.tensor(1.0, dtype=torch.float64)  # cached: n.add_(_ONE) is ~2x cheaper than n.add_(1)


def _lerp_tensor_weight(plan: Plan, w: Tensor) -> None:
    """avg += w * (src - avg) with a 0-dim tensor weight, no host read of w."""
    for bufs, srcs in plan.stage:
        torch._foreach_copy_(bufs, srcs)
    for d, s, _ in plan.avg:
        wg = w.to(device=d[0].device, dtype=d[0].dtype, non_blocking=True)
        diffs = torch._foreach_sub(s, d)
        torch._foreach_mul_(diffs, wg)
        torch._foreach_add_(d, diffs)
    for d, s in plan.copy:
        torch._foreach_copy_(d, s)


def _host_count(plan: Plan, n: Tensor):
    """A numpy view of the CPU double scalar ``n``, cached on the plan while ``n`` is the same
    tensor and torch has not written it since (its version is unchanged): reading and counting
    through it cost no torch call (~0.05 us against ~0.9 us for ``float(n)`` and ``n.fill_``).
    None for any other counter (integer, on a device, requiring grad, not 0-dim)."""
    c = plan.count
    if c is not None and c[0] is n and n._version == c[2]:
        return c[1]
    view = n.numpy() if (n.dtype == torch.float64 and n.dim() == 0 and not n.requires_grad) \
        else None
    plan.count = (n, view, n._version)
    return view


@no_grad
def running_mean_(avg: list[Tensor], new: list[Tensor], n: Tensor,
                  weight: float | Tensor | None = None, plan: Plan | None = None) -> float | None:
    """In place: ``avg[i] += (new[i] - avg[i]) / (n + 1)`` for floating ``avg[i]`` (integer/bool
    entries are copied from ``new``), then ``n += 1`` in place.

    avg    : averages (written); their dtypes are kept (sources are cast/moved via staging buffers).
    new    : current tensors (read; parameters may require grad - autograd is disabled here).
    n      : 0-dim floating tensor, models already averaged (ktorch ``.n``; 1 after copyparms).
    weight : optional ``1/(n+1)`` as a Python float (fast path) or 0-dim tensor (sync-free path);
             None -> derived from ``n`` (host read when ``n`` is on the CPU, tensor path otherwise).
    plan   : optional cached :class:`Plan` for (avg, new); rebuilt if it does not match.
    Returns the count before the update when it was read on the host, else None.
    """
    if plan is None or not plan.matches(avg, new):
        plan = Plan(avg, new)
    nv = view = None
    if weight is None:
        if n.is_cpu:
            view = _host_count(plan, n)
            nv = float(view) if view is not None else float(n)  # host reads: no device sync
            weight = 1.0 / (nv + 1.0)
        else:
            weight = torch.reciprocal(n + 1)
    if not isinstance(weight, Tensor):
        if weight == 1.0:
            plan.copy_()
        else:
            plan.lerp_(float(weight))
    else:
        _lerp_tensor_weight(plan, weight)
    if view is not None:
        view[()] = nv + 1.0  # through host memory: n's version stays, so the view stays valid
    elif nv is not None:
        n.fill_(nv + 1.0)    # cheapest torch update of a CPU scalar (n was just read)
    elif n.is_floating_point():
        n.add_(_ONE)
    else:
        n.add_(1)
    return nv


@no_grad
def copy_into_(dst: list[Tensor], src: list[Tensor]) -> None:
    """Copy each ``src[i]`` into ``dst[i]`` in place (cast, move, broadcast; autograd off).

    All pairs are checked first; if any source cannot broadcast onto its destination a RuntimeError
    with torch's own text (e.g. ``The size of tensor a (4) must match the size of tensor b (3) at
    non-singleton dimension 1``) is raised and no destination has been modified.
    """
    if len(dst) != len(src):
        raise ValueError(f"length mismatch: {len(dst)} destination vs {len(src)} source tensors")
    for d, s in zip(dst, src):
        if d.shape != s.shape:
            err = broadcast_error(d, s)
            if err is not None:
                raise RuntimeError(err)
    if dst:
        torch._foreach_copy_(list(dst), list(src))


@no_grad
def snapshot(tensors) -> list[Tensor]:
    """Detached clones (ktorch ``copyparms model``): same dtype, device, shape, no grad."""
    return [t.detach().clone() for t in tensors]
