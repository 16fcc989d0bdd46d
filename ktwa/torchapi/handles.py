"""Which torch object an api argument names: a handle checked against the classes a function
takes (with ktorch's error texts), the module behind a module/model/optimizer, and a tensor from
either a tensor handle or a k value."""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from ..errors import QError
from ..registry import Entry, is_handle
from .convert import kname, to_tensor
from .objects import Loss, Model, Optimizer

MODULE_CLASSES = ("module", "model", "optimizer")


def _class_list(classes) -> str:
    names = list(classes)
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]


def get_handle(ctx, x, *classes, who: str) -> Entry:
    """The Entry for handle x (checked to be one of classes when given).

    Errors: a non-handle -> '{who}: need allocated torch object, e.g. tensor, module, given ..'
    (or '{who}: expecting tensor, .. , given ..' when classes are given); freed -> 'stale pointer';
    wrong class -> '{who}: expecting {classes}, given {class}'.
    """
    if not is_handle(x):
        if type(x) is list and x and isinstance(x[0], np.int64):
            x = x[0]                   # `a,v`: a joined list of longs reads as its first long
        if classes:
            raise QError(f"{who}: expecting {_class_list(classes)}, given {kname(x)}")
        raise QError(f"{who}: need allocated torch object, e.g. tensor, module, given {kname(x)}")
    e = ctx.registry.entry(x)
    if classes and e.cls not in classes:
        raise QError(f"{who}: expecting {_class_list(classes)}, given {e.cls}")
    return e


def entry_module(e: Entry, who: str) -> nn.Module:
    """The torch module of a module, model or optimizer entry."""
    o = e.obj
    if isinstance(o, nn.Module):
        return o
    if isinstance(o, Model):
        return o.module
    if isinstance(o, Optimizer):
        if o.module is None:
            raise QError(f"{who}: optimizer has no module")
        return o.module
    raise QError(f"{who}: expecting model, module or optimizer, given {e.cls}")


def module_of(ctx, x, who: str, classes=MODULE_CLASSES) -> nn.Module:
    """The torch module named by a module, model or optimizer handle."""
    return entry_module(get_handle(ctx, x, *classes, who=who), who)


def object_module(obj):
    """The torch module behind a module/model/optimizer/loss object, None for other objects."""
    if isinstance(obj, nn.Module):
        return obj
    if isinstance(obj, Model):
        return obj.module
    if isinstance(obj, Optimizer):
        return obj.module if isinstance(obj.module, nn.Module) else None
    if isinstance(obj, Loss):
        return obj.fn
    return None


def module_device(m: nn.Module) -> torch.device:
    """Where a module lives: its first parameter's (or buffer's) device, cpu when it has none."""
    for p in m.parameters():
        return p.device
    for b in m.buffers():
        return b.device
    return torch.device("cpu")


def tensor_arg(ctx, v, device, who: str) -> torch.Tensor:
    """A tensor handle's tensor (moved to device, the handle's own tensor when already there) or a
    new tensor from a k value, on device (None: where it is/cpu)."""
    if is_handle(v):
        t = get_handle(ctx, v, "tensor", who=who).obj
        if t is None:
            raise QError(f"{who}: undefined tensor")
        return t if device is None or t.device == device else t.to(device)
    return to_tensor(v, device=device)


def consume(ctx, handles, by: str = "") -> None:
    """Release the handles whose objects a call has taken over (tensors put in a dictionary or
    vector, modules added to a tree, a model's parts). Call it only once the call has succeeded,
    so that a call that fails leaves every handle as it was; a handle given twice is released
    once. `by` names the api function, so a later use of a handle says who took it."""
    reg = ctx.registry
    seen = set()
    for h in handles:
        n = int(h[0])
        if n not in seen:
            seen.add(n)
            reg.release(h, by=by)
