"""Loss functions (ktorch's loss page): `loss` builds one, shows its definition, or computes it.

One table, LOSSES: name -> the torch constructor, its options in positional order (calls.options'
rules; a symbol given last among the positional options is the reduction, as ktorch reads it),
and what its forward call takes, for `help`. bce's and bcelogits' batch weights are a 3rd tensor
of the call (bcelogits' `weight` option is the per-class weight torch calls pos_weight).
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch
from torch import nn

from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, syms
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, args_of, k_value, options, torch_error
from .convert import kname
from .handles import get_handle, module_device
from .inputs import input_value, tensors
from .objects import Loss, Model
from .state import alloptions

define = Definitions()

_REDUCTIONS = ("mean", "sum", "none")


def _reduce(who, name, v):
    if not isinstance(v, str):
        raise QError(f"{who}: {name} expects a symbol, given {kname(v)}")
    allowed = _REDUCTIONS + (("batchmean",) if who == "kl" else ())
    if v not in allowed:
        raise QError(f"{who}: unrecognized reduction `{v}, expecting `{'`'.join(allowed)}")
    return v


_R = ("reduce", "mean", _reduce)
_W = ("weight", None, "weights")


def _w(w):
    return None if w is None else torch.tensor(w, dtype=torch.float64)


class BatchWeighted(nn.Module):
    """bce / bcelogits as ktorch defines them: loss(x;y) or loss(x;y;w) with w the batch
    weights (the class weights of bcelogits are its option)."""

    def __init__(self, logits: bool, reduction: str, pos_weight=None):
        super().__init__()
        self.logits, self.reduction = logits, reduction
        self.register_buffer("pos_weight", pos_weight)

    def forward(self, x, y, w=None):
        f = nn.functional
        if self.logits:
            pw = None if self.pos_weight is None else self.pos_weight.to(x.dtype)
            w = None if w is None else w.to(x.dtype)
            return f.binary_cross_entropy_with_logits(x, y, w, reduction=self.reduction,
                                                      pos_weight=pw)
        # libtorch's formula (logs floored at -100), without the Python check that targets
        # lie in [0,1], which ktorch does not make
        r = -(y * x.log().clamp(min=-100) + (1 - y) * (1 - x).log().clamp(min=-100))
        if w is not None:
            r = r * w.to(r.dtype)
        return r if self.reduction == "none" else r.sum() if self.reduction == "sum" \
            else r.mean()


class Distance(nn.Module):
    """pairwise / similar used as a loss: the distances themselves."""

    def __init__(self, m: nn.Module):
        super().__init__()
        self.m = m

    def forward(self, x, y):
        return self.m(x, y)


@dataclass(frozen=True)
class LossKind:
    name: str
    pytorch: str
    options: tuple            # (name, default, kind) in positional order
    build: Callable
    n: int = 2                # the fewest tensors forward takes
    args: tuple = ("tensor", "tensor")
    example: dict | None = None

    def defaults(self) -> dict:
        return dict(self.example or {o[0]: o[1] for o in self.options})


def _ce(o):
    return nn.CrossEntropyLoss(weight=_w(o["weight"]), ignore_index=o["ignore"],
                               reduction=o["reduce"], label_smoothing=o["smoothing"])


_TABLE = [
    LossKind("bce", "torch.nn.BCELoss", (_R,), lambda o: BatchWeighted(False, o["reduce"]),
             args=("tensor",) * 3),
    LossKind("bcelogits", "torch.nn.BCEWithLogitsLoss", (_W, _R),
             lambda o: BatchWeighted(True, o["reduce"], _w(o["weight"])), args=("tensor",) * 3),
    LossKind("ce", "torch.nn.CrossEntropyLoss",
             (_W, ("ignore", -100, "long"), ("smoothing", 0.0, "float>=0"), _R), _ce),
    LossKind("cosineloss", "torch.nn.CosineEmbeddingLoss", (("margin", 0.0, "float"), _R),
             lambda o: nn.CosineEmbeddingLoss(o["margin"], reduction=o["reduce"]), n=3,
             args=("tensor",) * 3),
    LossKind("ctc", "torch.nn.CTCLoss",
             (("blank", 0, "long>=0"), ("zeroinf", False, "bool"), _R),
             lambda o: nn.CTCLoss(o["blank"], o["reduce"], o["zeroinf"]), n=4,
             args=("tensor",) * 4),
    LossKind("hinge", "torch.nn.HingeEmbeddingLoss", (("margin", 1.0, "float"), _R),
             lambda o: nn.HingeEmbeddingLoss(o["margin"], reduction=o["reduce"])),
    LossKind("huber", "torch.nn.HuberLoss", (("delta", 1.0, "float>=0"), _R),
             lambda o: nn.HuberLoss(reduction=o["reduce"], delta=o["delta"])),
    LossKind("kl", "torch.nn.KLDivLoss", (_R,), lambda o: nn.KLDivLoss(reduction=o["reduce"])),
    LossKind("l1", "torch.nn.L1Loss", (_R,), lambda o: nn.L1Loss(reduction=o["reduce"])),
    LossKind("margin", "torch.nn.MarginRankingLoss", (("margin", 0.0, "float"), _R),
             lambda o: nn.MarginRankingLoss(o["margin"], reduction=o["reduce"]), n=3,
             args=("tensor",) * 3),
    LossKind("mse", "torch.nn.MSELoss", (_R,), lambda o: nn.MSELoss(reduction=o["reduce"])),
    LossKind("multilabel", "torch.nn.MultiLabelMarginLoss", (_R,),
             lambda o: nn.MultiLabelMarginLoss(reduction=o["reduce"])),
    LossKind("multimargin", "torch.nn.MultiMarginLoss",
             (("p", 1, "long"), ("margin", 1.0, "float"), _W, _R),
             lambda o: nn.MultiMarginLoss(o["p"], o["margin"], _w(o["weight"]),
                                          reduction=o["reduce"])),
    LossKind("multisoft", "torch.nn.MultiLabelSoftMarginLoss", (_W, _R),
             lambda o: nn.MultiLabelSoftMarginLoss(_w(o["weight"]), reduction=o["reduce"])),
    LossKind("nll", "torch.nn.NLLLoss", (_W, ("ignore", -100, "long"), _R),
             lambda o: nn.NLLLoss(_w(o["weight"]), ignore_index=o["ignore"],
                                  reduction=o["reduce"])),
    LossKind("pairwise", "torch.nn.PairwiseDistance",
             (("p", 2.0, "float"), ("eps", 1e-06, "float"), ("keepdim", False, "bool")),
             lambda o: Distance(nn.PairwiseDistance(o["p"], o["eps"], o["keepdim"]))),
    LossKind("poissonloss", "torch.nn.PoissonNLLLoss",
             (("log", True, "bool"), ("full", False, "bool"), ("eps", 1e-08, "float"), _R),
             lambda o: nn.PoissonNLLLoss(o["log"], o["full"], eps=o["eps"],
                                         reduction=o["reduce"])),
    LossKind("similar", "torch.nn.CosineSimilarity", (("dim", 1, "long"), ("eps", 1e-08, "float")),
             lambda o: Distance(nn.CosineSimilarity(o["dim"], o["eps"]))),
    LossKind("smoothl1", "torch.nn.SmoothL1Loss", (("beta", 1.0, "float>=0"), _R),
             lambda o: nn.SmoothL1Loss(reduction=o["reduce"], beta=o["beta"])),
    LossKind("softmargin", "torch.nn.SoftMarginLoss", (_R,),
             lambda o: nn.SoftMarginLoss(reduction=o["reduce"])),
    LossKind("triplet", "torch.nn.TripletMarginLoss",
             (("margin", 1.0, "float"), ("p", 2.0, "float"), ("eps", 1e-06, "float"),
              ("swap", False, "bool"), _R),
             lambda o: nn.TripletMarginLoss(o["margin"], o["p"], o["eps"], o["swap"],
                                            reduction=o["reduce"]), n=3, args=("tensor",) * 3),
]
LOSSES: dict[str, LossKind] = {k.name: k for k in _TABLE}


def loss_kind(name: str) -> LossKind:
    k = LOSSES.get(name)
    if k is None:
        raise QError(f"unrecognized loss function: {name}")
    return k


def loss_options(name: str, items: list) -> dict:
    """Checked options of a loss; a symbol last among the positional ones is the reduction."""
    k = loss_kind(name)
    table = list(k.options)
    items = list(items)
    if any(t[0] == "reduce" for t in table) and items and isinstance(items[-1], str) and \
            items[-1] not in [t[0] for t in table]:
        items = items[:-1] + [["reduce", items[-1]]]
    return options(name, table, items)


def build_loss(name: str, o: dict) -> nn.Module:
    """The torch loss module of a loss name and its checked options."""
    try:
        return loss_kind(name).build(o)
    except TORCH_ERRORS as err:
        raise torch_error(err, name) from None


def make_loss(name: str, items: list) -> Loss:
    """A Loss from its name and option items."""
    o = loss_options(name, items)
    return Loss(name, o, build_loss(name, o))


def loss_options_k(lo: Loss, alloptions: bool = True) -> QDict:
    """k dictionary of a loss's options (all, or those that differ from the defaults)."""
    d = {t[0]: t[1] for t in loss_kind(lo.name).options}
    keys, vals = [], []
    for name, v in lo.options.items():
        if not alloptions and v == d.get(name):
            continue
        keys.append(name)
        vals.append(np.array(v, dtype=np.float64) if isinstance(v, tuple) else k_value(v))
    return QDict(syms(keys), _items(vals))


def _items(vals):
    from ..values.types import from_items
    return from_items(vals) if vals else []


def loss_definition(lo: Loss, alloptions: bool = True) -> QDict:
    return QDict(syms(["module", "options"]), [lo.name, loss_options_k(lo, alloptions)])


def loss_inputs(ctx, lo: Loss, args: list, device) -> list:
    """The tensors of a loss call, gathered as a model's inputs are (ktwa.torchapi.inputs: a
    tensor, a vector, a (vector;index) pair, a k array ...), on device; without one, tensors
    on the CPU join the first tensor elsewhere (ktorch moves a mix of devices that way)."""
    v = input_value(ctx, args, "loss", device)
    if isinstance(v, OrderedDict):
        raise QError("loss: no calculation implemented for dictionary input")
    out = tensors(v)
    k = loss_kind(lo.name)
    if not k.n <= len(out) <= max(k.n, len(k.args)):
        raise QError(f"{lo.name}: expecting {k.n}" +
                     (f"-{len(k.args)}" if len(k.args) > k.n else "") +
                     f" tensors for the loss calculation, given {len(out)}")
    away = next((t.device for t in out if t.device.type != "cpu"), None)
    if device is None and away is not None:
        out = [t.to(away) for t in out]
    return out


def compute(lo: Loss, tensors: list):
    """The loss (a tensor) of output(s) and target(s)."""
    fn = lo.fn
    for b in fn.buffers():
        if b.device != tensors[0].device:
            fn.to(tensors[0].device)
        break
    try:
        return fn(*tensors)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None


def loss_fn(ctx, x):
    """loss`ce / loss(`ce;opts..) -> loss handle; loss l | loss(l;flag) -> definition;
    loss(l;yhat;y..) -> tensor; loss m -> handle to the model's loss."""
    if isinstance(x, str):
        x = [x]
    elif isinstance(x, np.ndarray) and x.dtype == object and len(x) and isinstance(x[0], str):
        x = list(x)                                   # loss(`mse;`none): a symbol list
    a = args_of(x)
    if not a:
        raise QError("loss: expecting loss name or loss/model handle")
    if isinstance(a[0], str):
        return ctx.registry.new(make_loss(a[0], a[1:]), "loss")
    if isinstance(x, QDict):                          # a definition: `module`options!(..)
        i = x.index_of("module")
        o = x.index_of("options")
        if i is None or not isinstance(x.values[i], str):
            raise QError("loss: definition dictionary needs a module name")
        return ctx.registry.new(make_loss(x.values[i], [] if o is None else [x.values[o]]),
                                "loss")
    if not is_handle(a[0]):
        raise QError("loss: unrecognized arg(s)")
    e = get_handle(ctx, a[0], "loss", "model", who="loss")
    lo = e.obj if isinstance(e.obj, Loss) else e.obj.loss
    if len(a) == 1:
        if isinstance(e.obj, Model):
            return ctx.registry.new(lo, "loss")
        return loss_definition(lo, alloptions(ctx))
    if len(a) == 2 and isinstance(a[1], np.bool_):
        return loss_definition(lo, bool(a[1]))
    dev = module_device(e.obj.module) if isinstance(e.obj, Model) else None
    return ctx.registry.new(compute(lo, loss_inputs(ctx, lo, a[1:], dev)), "tensor")


define("loss", monad=loss_fn, ctx=True,
       doc="loss`ce | loss(`ce;opts..) | loss l | loss(l;flag) | loss(l;yhat;y..)  make a loss "
           "function, show its definition (all options, or the non-default ones), or compute it "
           "on outputs and targets")
