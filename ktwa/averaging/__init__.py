"""Weight-averaging kernels of ktwa (pure torch; imports nothing from ktwa).

Public API (see each module's docstring for exact semantics):

  nograd   : @no_grad (autograd off for a call; the cheap form of @torch.no_grad())
  grouping : Plan(dst, src, copy_dst=(), copy_src=()),
             flatten(tensors, dtype=None, device=None), unflatten_into(tensors, vec)
  swa      : running_mean_(avg, new, n, weight=None, plan=None) -> count before (host read) or None
             copy_into_(dst, src) -> None;  snapshot(tensors) -> list[Tensor]
  ema      : ema_(avg, new, decay, step=None, warmup=False, start=0, plan=None, copy_dst=(), copy_src=()) -> float
             ema_decay(decay, step=None, warmup=False, start=0) -> float
  batchnorm: bn_modules(module), reset_bn(module), restore_momenta(module, momenta),
             recalibrate(module, batches, forward=None) -> dict,
             recalibrate_across(module, batches, sum_, forward=None) -> dict
  collective: average_across_(tensors, sum_, root_, world), broadcast_(tensors, root_),
             buckets(tensors)   (the bytes move through the functions given: no process groups)
  swalr    : SwaLR(optimizer, swa_lr, anneal_epochs=10, anneal_strategy="cos")
  swag     : Swag(params, max_models=20, var_clamp=1e-30, dtype=None, device=None),
             bayes_average(swag, params, predict, samples, scale=.5, diag_only=False, generator=None)
  twa      : Twa(dtype, keep=0), twa_basis(snapshots, centered=False, rtol=None),
             project_grads_(params, P), project, coefficients
"""

from .nograd import no_grad
from .grouping import Plan, flatten, unflatten_into, is_averaged_dtype, broadcast_error
from .swa import running_mean_, copy_into_, snapshot
from .ema import ema_, ema_decay
from .batchnorm import (BN_TYPES, bn_modules, reset_bn, restore_momenta, recalibrate,
                        recalibrate_across)
from .collective import average_across_, broadcast_, buckets
from .swalr import SwaLR
from .swag import Swag, bayes_average
from .twa import Twa, twa_basis, project_grads_, project, coefficients

__all__ = [
    "no_grad", "Plan", "flatten", "unflatten_into", "is_averaged_dtype", "broadcast_error",
    "running_mean_", "copy_into_", "snapshot",
    "ema_", "ema_decay",
    "BN_TYPES", "bn_modules", "reset_bn", "restore_momenta", "recalibrate",
    "recalibrate_across", "average_across_", "broadcast_", "buckets",
    "SwaLR", "Swag", "bayes_average",
    "Twa", "twa_basis", "project_grads_", "project", "coefficients",
]
