"""BatchNorm statistics recalibration (ktorch ``batchnorm``; torch ``update_bn``; imports torch only).

The momentum=None trick: with ``momentum=None`` a BatchNorm layer in training mode updates its running
statistics with factor ``1/num_batches_tracked``, i.e. a cumulative average weighting every batch
equally (running_var = average of the unbiased per-batch variances).

* ``bn_modules(module) -> list[(name, bn)]``  BatchNorm1d/2d/3d (and SyncBatchNorm; the Lazy variants
  once materialised) in ``named_modules`` order; dotted names, ``''`` for a bare BN module.
* ``reset_bn(module) -> dict name -> momentum``  save momentum (None allowed), set it to None,
  ``reset_running_stats()`` (mean 0, var 1, num_batches_tracked 0).
* ``restore_momenta(module, momenta)``  set each named layer's momentum (None or NaN -> None); checks
  every name first (LookupError / TypeError) so nothing changes on a bad dictionary.
* ``recalibrate(module, batches, forward=None) -> dict``  reset, train mode, no-grad forward over each
  batch (``forward(module, batch)``; default ``module(batch[0])`` for a list/tuple batch, as
  torch's update_bn, else ``module(batch)``), then - also when a forward raises - restore momenta and
  the training flag of every submodule. Returns the saved momenta.
* ``recalibrate_across(module, batches, sum_, forward=None) -> dict``  ``recalibrate`` over this
  process's batches, then the statistics of every process combined as if one process had run all
  their batches: per layer the batch count k (``num_batches_tracked``) and the sums k*mean and
  k*var travel in one float64 vector through ``sum_`` (in place: its elementwise sum over the
  processes; torch.distributed's all_reduce in ktwa, a plain function in a test), and each layer
  becomes sum/K with K the total count. A layer no process saw keeps its reset statistics.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from .nograd import no_grad

__all__ = ["BN_TYPES", "bn_modules", "reset_bn", "restore_momenta", "recalibrate",
           "recalibrate_across"]

BN_TYPES = (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d, nn.SyncBatchNorm)


def bn_modules(module: nn.Module) -> list[tuple[str, nn.Module]]:
    """BatchNorm layers of ``module`` (itself included) as (dotted name, module), module order."""
    return [(name, m) for name, m in module.named_modules() if isinstance(m, BN_TYPES)]


def reset_bn(module: nn.Module) -> dict:
    """Save momenta, set them to None and reset running stats. Returns name -> old momentum."""
    momenta = {}
    for name, m in bn_modules(module):
        momenta[name] = m.momentum
        m.momentum = None
        m.reset_running_stats()
    return momenta


def _momentum_value(v):
    if v is None:
        return None
    v = float(v)
    return None if math.isnan(v) else v


def restore_momenta(module: nn.Module, momenta: dict) -> None:
    """Set momentum of each named BatchNorm layer (``None``/NaN -> None = cumulative average).

    Raises LookupError for a name that is not a submodule, TypeError for a non-BatchNorm module or a
    non-numeric value; all entries are checked before any momentum is changed.
    """
    mods = dict(module.named_modules())
    todo = []
    for name, v in momenta.items():
        m = mods.get(name)
        if m is None:
            raise LookupError(f"unable to locate batch norm module '{name}' to restore momentum")
        if not isinstance(m, BN_TYPES):
            raise TypeError(f"unrecognized module type, {type(m).__name__} is not a batch norm module")
        try:
            todo.append((m, _momentum_value(v)))
        except (TypeError, ValueError):
            raise TypeError(f"momentum for '{name}' expected as a number or None, given {v!r}") from None
    for m, v in todo:
        m.momentum = v


def _default_forward(module, batch):
    if isinstance(batch, (list, tuple)):
        batch = batch[0]
    return module(batch)


@no_grad
def _forward_all(module, batches, fwd) -> None:
    for batch in batches:
        fwd(module, batch)


def recalibrate(module: nn.Module, batches, forward=None) -> dict:
    """Recompute BatchNorm running stats as the equal-weight average over ``batches``.

    ``forward(module, batch)`` runs one batch (use it for multi-input models, dict batches, devices);
    outputs are discarded. Momenta and every submodule's training flag are restored afterwards, even
    if a forward pass raises. Without BatchNorm layers nothing is run and ``{}`` is returned.
    """
    layers = bn_modules(module)
    if not layers:
        return {}
    fwd = _default_forward if forward is None else forward
    flags = [(m, m.training) for m in module.modules()]
    momenta = {}
    for name, m in layers:
        momenta[name] = m.momentum
    try:
        for _, m in layers:
            m.momentum = None
            m.reset_running_stats()
        module.train()
        _forward_all(module, batches, fwd)
    finally:
        for (name, m) in layers:
            m.momentum = momenta[name]
        for m, f in flags:
            m.training = f
    return momenta


def _tracked(module: nn.Module) -> list[nn.Module]:
    """BatchNorm layers that keep running statistics (and count their batches)."""
    return [m for _, m in bn_modules(module)
            if m.running_mean is not None and m.num_batches_tracked is not None]


@no_grad
def _combine_(layers: list[nn.Module], sum_) -> None:
    """Running statistics of every process, each a cumulative average over its own k batches,
    made into the cumulative average over all their batches (module doc)."""
    dev = layers[0].running_mean.device
    ks = torch.stack([m.num_batches_tracked.to(dev, torch.float64) for m in layers])
    means = [m.running_mean.to(dev, torch.float64) for m in layers]
    vars_ = [m.running_var.to(dev, torch.float64) for m in layers]
    sizes = [t.numel() for t in means]
    per_elem = torch.cat([k.expand(n) for k, n in zip(ks, sizes)])
    vec = torch.cat([ks, torch.cat(means) * per_elem, torch.cat(vars_) * per_elem])
    sum_(vec)
    total = vec[:len(layers)]
    seen = total > 0
    count = torch.cat([k.expand(n) for k, n in zip(total.clamp_min(1), sizes)])
    span = sum(sizes)
    mean = (vec[len(layers):len(layers) + span] / count).split(sizes)
    var = (vec[len(layers) + span:] / count).split(sizes)
    for i, m in enumerate(layers):
        keep = seen[i]
        m.running_mean.copy_(torch.where(keep, mean[i].view_as(m.running_mean), m.running_mean))
        m.running_var.copy_(torch.where(keep, var[i].view_as(m.running_var), m.running_var))
        m.num_batches_tracked.copy_(total[i])


def recalibrate_across(module: nn.Module, batches, sum_, forward=None) -> dict:
    """``recalibrate`` over this process's batches, then every process's statistics combined as
    one cumulative average over the batches of all of them (module doc); every process must call
    it (``sum_`` is collective). Returns the saved momenta."""
    momenta = recalibrate(module, batches, forward)
    layers = _tracked(module)
    if layers:
        _combine_(layers, sum_)
    return momenta
