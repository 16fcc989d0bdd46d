"""The forward family (ktorch's module page): forward nforward eforward evaluate kforward.

| fn       | mode     | grad | result        |
|----------|----------|------|---------------|
| forward  | training | yes  | tensor handle |
| nforward | training | no   | tensor handle |
| eforward | eval     | no   | tensor handle |
| evaluate | eval     | no   | k value       |
| kforward | as now   | as now | tensor handle  (inside a callback's q function)

First arg: module or model, optionally followed by a child's name (`forward(q;`child;x)`).
Inputs: k arrays (moved to the module's device), tensor handles, vectors (their tensors),
dictionaries, or (vector;indices) / (dictionary;keys) - as a model's data is given. With a
model and no inputs, forward/nforward use the training data (its current batch) and
eforward/evaluate the test data. The training flag of every submodule is restored. A result of
several tensors (a recurrent module's output and state, a fork's two branches) is a vector.
"""
from __future__ import annotations

import torch
from torch import nn

from ..errors import QError
from ..values.functions import Definitions
from . import knn
from .calls import TORCH_ERRORS, args_of, torch_error
from .convert import to_k
from .handles import get_handle, module_device
from .models import current, input_value, inputs
from .modules import ktype_of
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


def run_forward(m: nn.Module, inputs_: list, train: bool | None, grad: bool | None):
    """module(*inputs) in the given mode with or without gradients (None: as they are now),
    flags restored, torch errors as q errors."""
    flags = set_mode(m, train) if train is not None else None
    try:
        with torch.set_grad_enabled(torch.is_grad_enabled() if grad is None else grad):
            return knn.call(m, inputs_)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    finally:
        if flags is not None and any(s.training != f for s, f in flags):
            restore_flags(flags)


def flatten(y) -> list:
    """The tensors of a forward result: nested tuples (an lstm's (out,(h,c))) flattened."""
    if isinstance(y, torch.Tensor):
        return [y]
    out = []
    for a in y:
        out += flatten(a)
    return out


def _model_inputs(model: Model, train: bool, who: str) -> list:
    d = current(model, "train" if train else "test")
    if d is None:                    # as ktorch: the module's forward given no input
        raise QError(f"{ktype_of(model.module)}: forward(tensor) not implemented given empty")
    return inputs(d[0])


def _family(name: str, train, grad, to_value: bool):
    def f(ctx, x):
        a = args_of(x)
        if not a:
            raise QError(f"{name}: expecting module or model and input(s)")
        e = get_handle(ctx, a[0], "module", "model", who=name)
        model = e.obj if isinstance(e.obj, Model) else None
        m = model.module if model is not None else e.obj
        rest = a[1:]
        if rest and isinstance(rest[0], str):
            try:
                m = m.get_submodule(rest[0])
            except AttributeError:
                raise QError(f"{name}: no child module `{rest[0]}") from None
            rest = rest[1:]
        if not rest:
            if model is None:
                raise QError(f"{name}: expecting module and input(s)")
            xs = _model_inputs(model, train is not False, name)
        else:
            v = input_value(ctx, rest, name, module_device(m))
            xs = inputs(v)
        with session_rng(ctx):          # dropout draws from the session's generator
            y = run_forward(m, xs, train, grad)
        if to_value:
            if isinstance(y, (tuple, list)):
                return [to_k(t) for t in flatten(y)]
            return to_k(y)
        if isinstance(y, (tuple, list)):
            return ctx.registry.new(TensorVector(flatten(y)), "vector")
        return ctx.registry.new(y, "tensor")
    f.__name__ = name
    return f


define("forward", monad=_family("forward", True, True, False), ctx=True,
       doc="forward(q;x..) | forward(q;`child;x..) | forward m  run a module or model forward in "
           "training mode with gradients; a tensor handle (a vector for several results)")
define("nforward", monad=_family("nforward", True, False, False), ctx=True,
       doc="nforward(q;x..) | nforward m  run forward in training mode without gradients; a "
           "tensor handle")
define("eforward", monad=_family("eforward", False, False, False), ctx=True,
       doc="eforward(q;x..) | eforward m  run forward in evaluation mode without gradients; a "
           "tensor handle")
define("evaluate", monad=_family("evaluate", False, False, True), ctx=True,
       doc="evaluate(q;x..) | evaluate m  run forward in evaluation mode without gradients; "
           "the output as k values")
define("kforward", monad=_family("kforward", None, None, False), ctx=True,
       doc="kforward(m;`child;x..)  inside a callback's function: run a module (or child) "
           "forward in the mode and gradient setting of the call around it")
