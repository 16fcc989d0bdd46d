"""The forward family (ktorch-api.md §5.7): forward nforward eforward evaluate.

| fn       | mode     | grad | result        |
|----------|----------|------|---------------|
| forward  | training | yes  | tensor handle |
| nforward | training | no   | tensor handle |
| eforward | eval     | no   | tensor handle |
| evaluate | eval     | no   | k value       |

First arg: module or model. Inputs: k arrays (moved to the module's device, dtype kept) or tensor
handles (their current batch view). With a model and no inputs, forward/nforward use the training
data and eforward/evaluate the test data. The training flag of every submodule is restored.
"""
from __future__ import annotations

import torch
from torch import nn

from ..errors import QError
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, args_of, torch_error
from .convert import to_k
from .handles import get_handle, module_device, tensor_arg
from .models import current_batch
from .objects import Model, TensorVector
from .state import session_rng

define = Definitions()


def training_flags(m: nn.Module) -> list:
    return [(s, s.training) for s in m.modules()]


def restore_flags(flags: list) -> None:
    for s, f in flags:
        s.training = f


def set_mode(m: nn.Module, train: bool) -> list:
    """Put the whole tree in train/eval mode; return the flags to restore (no work if equal)."""
    flags = training_flags(m)
    if any(f != train for _, f in flags):
        m.train(train)
    return flags


def run_forward(m: nn.Module, inputs: list, train: bool, grad: bool):
    """module(*inputs) with the given mode/grad, flags restored, torch errors as q errors."""
    flags = set_mode(m, train)
    try:
        with torch.set_grad_enabled(grad):
            return m(*inputs)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    finally:
        if any(s.training != f for s, f in flags):
            restore_flags(flags)


def _model_inputs(model: Model, train: bool, who: str) -> list:
    if train:
        data = current_batch(model)
    else:
        data = model.test_data
    if data is None:
        raise QError(f"{who}: no {'training' if train else 'test'} data defined for model")
    x = data[0]
    return list(x) if isinstance(x, (list, tuple)) else [x]


def _family(name: str, train: bool, grad: bool, to_value: bool):
    def f(ctx, x):
        a = args_of(x)
        if not a:
            raise QError(f"{name}: expecting module or model and input(s)")
        e = get_handle(ctx, a[0], "module", "model", who=name)
        model = e.obj if isinstance(e.obj, Model) else None
        m = model.module if model is not None else e.obj
        if len(a) == 1:
            if model is None:
                raise QError(f"{name}: expecting module and input(s)")
            inputs = _model_inputs(model, train, name)
        else:
            dev = module_device(m)
            inputs = [tensor_arg(ctx, v, dev, name) for v in a[1:]]
        with session_rng(ctx):          # dropout draws from the session's generator
            y = run_forward(m, inputs, train, grad)
        if to_value:
            if isinstance(y, (tuple, list)):
                return [to_k(t) for t in y]
            return to_k(y)
        if isinstance(y, (tuple, list)):
            return ctx.registry.new(TensorVector(list(y)), "vector")
        return ctx.registry.new(y, "tensor")
    f.__name__ = name
    return f


define("forward", monad=_family("forward", True, True, False), ctx=True,
       doc="forward(q;x..) | forward m  run a module or model forward in training mode with "
           "gradients; a tensor handle")
define("nforward", monad=_family("nforward", True, False, False), ctx=True,
       doc="nforward(q;x..) | nforward m  run forward in training mode without gradients; a "
           "tensor handle")
define("eforward", monad=_family("eforward", False, False, False), ctx=True,
       doc="eforward(q;x..) | eforward m  run forward in evaluation mode without gradients; a "
           "tensor handle")
define("evaluate", monad=_family("evaluate", False, False, True), ctx=True,
       doc="evaluate(q;x..) | evaluate m  run forward in evaluation mode without gradients; "
           "the output as k values")
