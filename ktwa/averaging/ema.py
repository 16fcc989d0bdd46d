"""Exponential moving average kernel (imports torch only).

``ema_(avg, new, decay, step=None, warmup=False, start=0, plan=None, copy_dst=(), copy_src=())``
    ``avg = d*avg + (1-d)*new`` as one ``torch._foreach_lerp_(avg_group, new_group, 1-d)`` per
    (device, dtype) group (the torch.optim.swa_utils / timm form), integer/bool entries copied.
    ``d`` is the *keep-rate* (torch/timm/torch-ema convention; mmengine's "momentum" is ``1-d``):

    * ``step`` (Python int, 1-based number of this update, i.e. torch-ema's ``num_updates`` after
      its increment) is optional. ``step is None`` -> fixed ``d = decay``.
    * ``step <= start`` -> ``d = 0``: exact copy (start step / timm ``update_after_step``).
    * ``warmup`` -> ``d = min(decay, (1+k)/(10+k))`` with ``k = step - start`` (torch-ema's warm-up;
      with ``start=0`` it equals torch-ema exactly: first update uses ``min(decay, 2/11)``).

    Optional always-copied pairs (``copy_dst``/``copy_src``, e.g. buffers when only parameters are
    averaged) are copied after the update. Returns the keep-rate ``d`` actually used (Python float).
"""

from __future__ import annotations

import torch
from torch import Tensor

from .grouping import Plan
from .nograd import no_grad

__all__ = ["ema_", "ema_decay"]


def ema_decay(decay: float, step: int | None = None, warmup: bool = False, start: int = 0) -> float:
    """Keep-rate used by :func:`ema_` for update number ``step`` (see module doc)."""
    if step is None:
        return float(decay)
    if step <= start:
        return 0.0
    if warmup:
        k = step - start
        return min(float(decay), (1.0 + k) / (10.0 + k))
    return float(decay)


@no_grad
def ema_(avg: list[Tensor], new: list[Tensor], decay: float, step: int | None = None,
         warmup: bool = False, start: int = 0, plan: Plan | None = None,
         copy_dst=(), copy_src=()) -> float:
    """In place ``avg = d*avg + (1-d)*new`` (floating entries; integer entries copied). Returns d."""
    decay = float(decay)
    if not 0.0 <= decay <= 1.0:
        raise ValueError(f"Invalid decay value {decay} provided. Please provide a value in [0,1] range.")
    if plan is None or not plan.matches(avg, new, copy_dst, copy_src):
        plan = Plan(avg, new, copy_dst, copy_src)
    d = decay if step is None else ema_decay(decay, step, warmup, start)
    if d == 0.0:
        plan.copy_()
    elif d == 1.0:  # keep the average; still copy integer entries and extra pairs
        for dl, sl in plan.copy:
            torch._foreach_copy_(dl, sl)
    else:
        plan.lerp_(1.0 - d)
    return d
