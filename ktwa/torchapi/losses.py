"""Loss functions (ktorch-api.md §6): `loss` builds one, shows its definition, or computes it.

Options follow calls.options' rules; the tables give ktorch's option names in positional order.
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from ..errors import QError
from ..values.types import QDict, syms
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, args_of, options, options_k, torch_error
from .handles import get_handle, module_device, tensor_arg
from .objects import Loss, Model

define = Definitions()

_REDUCE = ("reduce", "mean", "sym")
LOSSES = {
    "ce": [("weight", None, "weights"), ("ignore", -100, "long"),
           ("smoothing", 0.0, "float>=0"), _REDUCE],
    "nll": [("weight", None, "weights"), ("ignore", -100, "long"), _REDUCE],
    "mse": [_REDUCE],
    "l1": [_REDUCE],
    "smoothl1": [_REDUCE, ("beta", 1.0, "float>=0")],
    "huber": [_REDUCE, ("delta", 1.0, "float>=0")],
    "bce": [("weight", None, "weights"), _REDUCE],
    "bcelogits": [("weight", None, "weights"), _REDUCE, ("posweight", None, "weights")],
}
_REDUCTIONS = ("mean", "sum", "none")


def _weight(w):
    return None if w is None else torch.tensor(w, dtype=torch.float32)


def build_loss(name: str, o: dict) -> nn.Module:
    """The torch loss module for a ktorch loss name and its checked options."""
    r = o["reduce"]
    if r not in _REDUCTIONS:
        raise QError(f"{name}: unrecognized reduction `{r}, expecting `mean`sum`none")
    if name == "ce":
        return nn.CrossEntropyLoss(weight=_weight(o["weight"]), ignore_index=o["ignore"],
                                   reduction=r, label_smoothing=o["smoothing"])
    if name == "nll":
        return nn.NLLLoss(weight=_weight(o["weight"]), ignore_index=o["ignore"], reduction=r)
    if name == "mse":
        return nn.MSELoss(reduction=r)
    if name == "l1":
        return nn.L1Loss(reduction=r)
    if name == "smoothl1":
        return nn.SmoothL1Loss(reduction=r, beta=o["beta"])
    if name == "huber":
        return nn.HuberLoss(reduction=r, delta=o["delta"])
    if name == "bce":
        return nn.BCELoss(weight=_weight(o["weight"]), reduction=r)
    if name == "bcelogits":
        return nn.BCEWithLogitsLoss(weight=_weight(o["weight"]), reduction=r,
                                    pos_weight=_weight(o["posweight"]))
    raise QError(f"unrecognized loss function: {name}")


def loss_definition(lo: Loss) -> QDict:
    return QDict(syms(["module", "options"]), [lo.name, options_k(lo.options)])


def loss_fn(ctx, x):
    """loss`ce / loss(`ce;opts..) -> loss handle; loss l -> definition; loss(l;yhat;y) -> tensor;
    loss m -> handle to the model's loss."""
    if isinstance(x, str):
        x = [x]
    elif isinstance(x, np.ndarray) and x.dtype == object and len(x) and isinstance(x[0], str):
        x = list(x)                                   # loss(`mse;`none): a symbol list
    a = args_of(x)
    if not a:
        raise QError("loss: expecting loss name or loss/model handle")
    if isinstance(a[0], str):
        name = a[0]
        table = LOSSES.get(name)
        if table is None:
            raise QError(f"unrecognized loss function: {name}")
        o = options(name, table, a[1:])
        return ctx.registry.new(Loss(name, o, build_loss(name, o)), "loss")
    e = get_handle(ctx, a[0], "loss", "model", who="loss")
    lo = e.obj if isinstance(e.obj, Loss) else e.obj.loss
    if len(a) == 1:
        if isinstance(e.obj, Model):
            return ctx.registry.new(lo, "loss")
        return loss_definition(lo)
    if len(a) == 3:
        dev = module_device(e.obj.module) if isinstance(e.obj, Model) else None
        yhat = tensor_arg(ctx, a[1], dev, "loss")
        y = tensor_arg(ctx, a[2], yhat.device, "loss")
        try:
            return ctx.registry.new(lo.fn(yhat, y), "tensor")
        except TORCH_ERRORS as err:
            raise torch_error(err) from None
    raise QError(f"loss: expecting 1 or 3 args, given {len(a)}")


define("loss", monad=loss_fn, ctx=True,
       doc="loss`ce | loss(`ce;opts..) | loss l | loss(l;yhat;y)  make a loss function, show its "
           "definition, or compute it on outputs and targets")
