"""PyTorch objects in and out of a session (`Session.push` / `Session.pull`).

A torch object pushed from Python becomes a handle to **that object**: the registry shares it,
it does not copy it. Training, `avgparms`, `copyparms(m;p)` or `batchnorm` in q change the
module the Python program holds, and freeing the handle (or `model` consuming it) never
destroys the Python object. Pulling a handle gives the torch object it names, again shared.

    pushed                                 handle class   pulled back
    nn.Module                              module         the same module
    torch.Tensor                           tensor         the same tensor
    dict of str -> tensor (a state_dict)   dictionary     a new dict of the same tensors
    list/tuple of tensors                  vector         a new list of the same tensors
    torch.optim.Optimizer                  optimizer      the same optimizer
    (q only)                               loss           the loss module (nn.CrossEntropyLoss...)
    (q only)                               model          dict module/loss/optimizer of the above

A state_dict's tensors share storage with their module (torch's rule): push
`{k: v.clone() for k, v in sd.items()}` for a dictionary of its own. A pushed optimizer stands
for no module until `model(q;l;o)` ties it to one. swag, twa and scheduler handles hold ktwa's
own state and have no torch object to give ('nyi; `savetensors` writes them).
"""
from __future__ import annotations

from collections import OrderedDict

import torch
from torch import nn

from ..errors import QError
from ..registry import Registry
from .objects import Optimizer, TensorDict, TensorVector

# torch optimizer classes under ktorch's names, with ktorch's option names in ktorch's order
# (what `opt o` shows); torch spells ktorch's `decay` weight_decay and its beta1/beta2 as betas
_KTORCH_OPTIMIZERS = {
    torch.optim.SGD: ("sgd", ("lr", "momentum", "dampening", "decay", "nesterov")),
    torch.optim.Adam: ("adam", ("lr", "beta1", "beta2", "eps", "decay", "amsgrad")),
    torch.optim.AdamW: ("adamw", ("lr", "beta1", "beta2", "eps", "decay", "amsgrad")),
    torch.optim.RMSprop: ("rmsprop", ("lr", "alpha", "eps", "decay", "momentum", "centered")),
}
# param-group keys that choose how torch runs a step (kernels, graphs), not what it computes
_MECHANICS = {"params", "foreach", "capturable", "differentiable", "fused", "initial_lr",
              "decoupled_weight_decay"}


def is_torch(x) -> bool:
    """Does `x` cross as a handle (a module, tensor, optimizer, or a dict/list of tensors)?"""
    if isinstance(x, (nn.Module, torch.Tensor, torch.optim.Optimizer)):
        return True
    if isinstance(x, dict) and x:
        return all(isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in x.items())
    if isinstance(x, (list, tuple)) and x:
        return all(isinstance(v, torch.Tensor) for v in x)
    return False


def to_handle(registry: Registry, x) -> list:
    """A new handle sharing the torch object `x` (see the module docstring)."""
    if isinstance(x, nn.Module):
        return registry.new(x, "module")
    if isinstance(x, torch.Tensor):
        return registry.new(x, "tensor")
    if isinstance(x, torch.optim.Optimizer):
        name, options = _optimizer_options(x)
        return registry.new(Optimizer(name, options, x, None), "optimizer")
    if isinstance(x, dict) and is_torch(x):
        return registry.new(TensorDict(x.items()), "dictionary")
    if isinstance(x, (list, tuple)) and is_torch(x):
        return registry.new(TensorVector(list(x)), "vector")
    raise QError(f"type: no torch handle for {type(x).__name__}")


def from_handle(registry: Registry, h):
    """The torch object that handle `h` names ('stale pointer once freed)."""
    e = registry.entry(h)
    o = e.obj
    if e.cls in ("module", "tensor"):
        return o
    if e.cls == "dictionary":
        return OrderedDict(o.items())
    if e.cls == "vector":
        return list(o.tensors)
    if e.cls == "optimizer":
        return o.opt
    if e.cls == "loss":
        return o.fn
    if e.cls == "model":
        return {"module": o.module, "loss": o.loss.fn, "optimizer": o.optimizer.opt}
    raise QError(f"nyi: a {e.cls} handle has no torch object to pull (savetensors writes it)")


def _optimizer_options(o: torch.optim.Optimizer) -> tuple[str, dict]:
    """(ktorch name, options) of a torch optimizer, read from its first parameter group."""
    group = dict(o.param_groups[0]) if o.param_groups else dict(o.defaults)
    flat = {}
    for k, v in group.items():
        if k in _MECHANICS:
            continue
        if k == "betas":
            flat["beta1"], flat["beta2"] = (float(b) for b in v)
        elif isinstance(v, (bool, int, float)):
            flat["decay" if k == "weight_decay" else k] = v
    known = _KTORCH_OPTIMIZERS.get(type(o))
    if known is None:
        return type(o).__name__.lower(), flat
    name, keys = known
    return name, {k: (flat[k] if isinstance(flat[k], bool) else float(flat[k])) for k in keys}


__all__ = ["from_handle", "is_torch", "to_handle"]
