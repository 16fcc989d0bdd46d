"""Optimizers (ktorch-api.md §7): `opt` builds one or shows its definition, `lr` reads or sets
learning rates, `step` takes an optimizer step, `zerograd` clears gradients."""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, syms
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, args_of, options, options_k, torch_error
from .convert import kname
from .handles import get_handle
from .lamb import Lamb
from .objects import Model, Optimizer, TensorDict, TensorVector

define = Definitions()

_LR = ("lr", 0.01, "float>=0")
_EPS = ("eps", 1e-08, "float>=0")
OPTIMIZERS = {
    "sgd": [_LR, ("momentum", 0.0, "float>=0"), ("dampening", 0.0, "float"),
            ("decay", 0.0, "float>=0"), ("nesterov", False, "bool")],
    "adam": [("lr", 0.001, "float>=0"), ("beta1", 0.9, "float>=0"), ("beta2", 0.999, "float>=0"),
             _EPS, ("decay", 0.0, "float>=0"), ("amsgrad", False, "bool")],
    "adamw": [("lr", 0.001, "float>=0"), ("beta1", 0.9, "float>=0"),
              ("beta2", 0.999, "float>=0"), _EPS, ("decay", 0.01, "float>=0"),
              ("amsgrad", False, "bool")],
    "rmsprop": [_LR, ("alpha", 0.99, "float>=0"), _EPS, ("decay", 0.0, "float>=0"),
                ("momentum", 0.0, "float>=0"), ("centered", False, "bool")],
    "lamb": [("lr", 0.001, "float>=0"), ("beta1", 0.9, "float>=0"), ("beta2", 0.999, "float>=0"),
             _EPS, ("decay", 0.0, "float>=0"), ("unbiased", True, "bool"),
             ("globalnorm", True, "bool"), ("trustclip", True, "bool"),
             ("trustmin", 0.0, "float"), ("trustmax", 1.0, "float")],
}


def _build_opt(name: str, params: list, o: dict) -> torch.optim.Optimizer:
    groups = [{"params": params}]
    if name == "sgd":
        if o["nesterov"] and (o["momentum"] <= 0 or o["dampening"] != 0):
            raise QError("opt: nesterov momentum requires a momentum and zero dampening")
        return torch.optim.SGD(groups, lr=o["lr"], momentum=o["momentum"],
                               dampening=o["dampening"], weight_decay=o["decay"],
                               nesterov=o["nesterov"])
    if name in ("adam", "adamw"):
        cls = torch.optim.Adam if name == "adam" else torch.optim.AdamW
        return cls(groups, lr=o["lr"], betas=(o["beta1"], o["beta2"]), eps=o["eps"],
                   weight_decay=o["decay"], amsgrad=o["amsgrad"])
    if name == "rmsprop":
        return torch.optim.RMSprop(groups, lr=o["lr"], alpha=o["alpha"], eps=o["eps"],
                                   weight_decay=o["decay"], momentum=o["momentum"],
                                   centered=o["centered"])
    if name == "lamb":
        return Lamb(groups, lr=o["lr"], betas=(o["beta1"], o["beta2"]), eps=o["eps"],
                    weight_decay=o["decay"], unbiased=o["unbiased"], globalnorm=o["globalnorm"],
                    trustclip=o["trustclip"], trustmin=o["trustmin"], trustmax=o["trustmax"])
    raise QError(f"unrecognized optimizer: {name}")


def _opt_params(ctx, v):
    """(parameter list, module or None) for an optimizer's 2nd arg."""
    if is_handle(v):
        e = get_handle(ctx, v, "module", "model", "tensor", "vector", "dictionary", who="opt")
        o = e.obj
        if isinstance(o, nn.Module):
            return list(o.parameters()), o
        if isinstance(o, Model):
            return list(o.module.parameters()), o.module
        if isinstance(o, torch.Tensor):
            return [o], None
        if isinstance(o, TensorVector):
            return list(o.tensors), None
        if isinstance(o, TensorDict):
            return o.values(), None
    raise QError(f"opt: unrecognized parameters, given {kname(v)}")


def live_options(o: Optimizer) -> dict:
    """The optimizer's options with the learning rate as it is now (schedules change it)."""
    out = dict(o.options)
    if o.opt.param_groups:
        out["lr"] = o.opt.param_groups[0]["lr"]
    return out


def optimizer_definition(o: Optimizer) -> QDict:
    return QDict(syms(["optimizer", "options"]), [o.name, options_k(live_options(o))])


def opt_fn(ctx, x):
    """opt(`sgd;q;opts..) -> optimizer handle (q not consumed); opt o -> definition dict;
    opt m -> handle to the model's optimizer."""
    if isinstance(x, str):
        x = [x]
    a = args_of(x)
    if not a:
        raise QError("opt: expecting optimizer name or optimizer/model handle")
    if isinstance(a[0], str):
        name = a[0]
        table = OPTIMIZERS.get(name)
        if table is None:
            raise QError(f"unrecognized optimizer: {name}")
        params, mod = ([], None)
        rest = a[1:]
        if rest and is_handle(rest[0]):
            params, mod = _opt_params(ctx, rest[0])
            rest = rest[1:]
        o = options(name, table, rest)
        try:
            opt = _build_opt(name, params, o)
        except ValueError as err:           # torch's own range checks (betas < 1 ...)
            raise torch_error(err, name) from None
        return ctx.registry.new(Optimizer(name, o, opt, mod), "optimizer")
    e = get_handle(ctx, a[0], "optimizer", "model", who="opt")
    if len(a) == 1:
        if isinstance(e.obj, Model):
            return ctx.registry.new(e.obj.optimizer, "optimizer")
        return optimizer_definition(e.obj)
    raise QError(f"opt: expecting 1 arg, given {len(a)}")


def optimizer_of(ctx, v, who) -> Optimizer:
    """The optimizer of an optimizer or model handle."""
    e = get_handle(ctx, v, "optimizer", "model", who=who)
    return e.obj.optimizer if isinstance(e.obj, Model) else e.obj


def lr_fn(ctx, x):
    """lr o / lr m -> learning rate per parameter group; lr(o;r) sets (one rate or one per group)."""
    a = args_of(x)
    if len(a) == 1:
        o = optimizer_of(ctx, a[0], "lr")
        return np.array([g["lr"] for g in o.opt.param_groups], dtype=np.float64)
    bad = "lr: unrecognized arg(s), expecting model/optimizer and learning rate(s) as double(s)"
    if len(a) == 2:
        o = optimizer_of(ctx, a[0], "lr")
        r = a[1]
        groups = o.opt.param_groups
        if isinstance(r, np.float64):
            rates = [float(r)] * len(groups)
        elif isinstance(r, np.ndarray) and r.dtype == np.float64:
            if len(r) != len(groups):
                raise QError(f"length error: {len(r)} learning rates given for {len(groups)} "
                             f"parameter group{'s' if len(groups) != 1 else ''}")
            rates = r.tolist()
        else:
            raise QError(bad)
        if not all(v >= 0 for v in rates):
            raise QError(f"lr: learning rate must be non-negative, given {min(rates):g}")
        for g, v in zip(groups, rates):
            g["lr"] = v
        return None
    raise QError(bad)


def step_fn(ctx, x):
    """step o|m: one optimizer step."""
    o = optimizer_of(ctx, x, "step")
    try:
        o.opt.step()
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    return None


def zerograd_fn(ctx, x):
    """zerograd o|q|m|t: set gradients to zero."""
    e = get_handle(ctx, x, "optimizer", "module", "model", "tensor", "vector", "dictionary",
                   who="zerograd")
    o = e.obj
    if isinstance(o, Optimizer):
        o.opt.zero_grad(set_to_none=False)
    elif isinstance(o, Model):
        o.optimizer.opt.zero_grad(set_to_none=False)
        o.module.zero_grad(set_to_none=False)
    elif isinstance(o, nn.Module):
        o.zero_grad(set_to_none=False)
    else:
        ts = [o] if isinstance(o, torch.Tensor) else (
            o.tensors if isinstance(o, TensorVector) else o.values())
        for t in ts:
            if t is not None and t.grad is not None:
                t.grad.zero_()
    return None


define("opt", monad=opt_fn, ctx=True,
       doc="opt(`sgd;q;opts..) | opt o | opt m  make an optimizer over q's parameters, show its "
           "definition, or get a model's optimizer")
define("lr", monad=lr_fn, ctx=True,
       doc="lr o | lr(o;r)  learning rate of each parameter group of an optimizer or model; "
           "set it (one rate, or one per group)")
define("step", monad=step_fn, ctx=True,
       doc="step o | step m  take one optimizer step with the gradients as they are")
define("zerograd", monad=zerograd_fn, ctx=True,
       doc="zerograd x  set the gradients of an optimizer's, module's, model's or tensors' "
           "parameters to zero")
