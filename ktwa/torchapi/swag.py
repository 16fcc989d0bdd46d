"""SWAG as handles (class `swag`, docs/averaging.md): `swag` makes a collector over a module's
parameters or shows what it holds, `sample` writes one draw into a module, `bma` averages a
model's predictions over draws. The statistics are ktwa.averaging.swag's."""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from ..averaging.batchnorm import bn_modules, recalibrate
from ..averaging.nograd import no_grad
from ..averaging.swa import copy_into_, snapshot
from ..averaging.swag import Swag, bayes_average
from ..errors import QError
from ..values.types import QDict, from_items, syms
from ..values.functions import Definitions
from .averages import state_named
from .calls import TORCH_ERRORS, args_of, options, torch_error
from .collectors import Layout, flat_dtype, module_params
from .convert import to_k
from .forward import restore_flags, set_mode
from .handles import MODULE_CLASSES, entry_module, get_handle, module_device, tensor_arg
from . import progress
from .models import model_batches, model_forward_fn
from .interrupts import uninterrupted
from .objects import Model
from .state import generator_for, session_rng

define = Definitions()


class SwagState:
    """A Swag kernel plus the parameter layout it was built over."""

    def __init__(self, swag: Swag, layout: Layout):
        self.swag = swag
        self.layout = layout
        self.collect = swag.collect    # collect(tensors) -> n (bound once: no extra frame a call)

    leader_only = True     # several ranks: collect on rank 0 only (collectors.collect)

    def count(self) -> int:
        return self.swag.n

    def tensors(self) -> list:
        """What it holds (for obj[], elements, bytes): mean, second moment, deviations."""
        w = self.swag
        return [w.mean, w.sq_mean, w.dev]


_SWAG_TABLE = [("k", 20, "long>=0"), ("clamp", 1e-30, "float>=0")]


def new_swag(named, k=20, clamp=1e-30, device=None) -> SwagState:
    metas = [torch.empty(t.shape, device="meta", dtype=t.dtype) for _, t in named]
    dev = device if device is not None else (named[0][1].device if named else "cpu")
    sw = Swag(metas, max_models=k, var_clamp=clamp, dtype=flat_dtype(named), device=dev)
    return SwagState(sw, Layout(named))


def info_k(keys, vals) -> QDict:
    return QDict(syms(keys), from_items(vals))


def swag(ctx, x):
    """swag m | swag(m;k[;clamp]) -> swag handle over m's parameters (k deviation rows, default
    20); swag s -> info; swag(s;`mean|`var|`sqmean|`dev) -> k values (flat, dev K x D)."""
    a = args_of(x)
    if not a:
        raise QError("swag: expecting module, model or optimizer, or swag")
    e = get_handle(ctx, a[0], *MODULE_CLASSES, "swag", who="swag")
    if e.cls == "swag":
        sw = e.obj.swag
        if len(a) == 1:
            return info_k(["n", "k", "maxk", "size"],
                          [np.int64(sw.n), np.int64(sw.k), np.int64(sw.max_models),
                           np.int64(sw.numel)])
        if len(a) == 2 and isinstance(a[1], str):
            f = a[1]
            if f == "mean":
                return to_k(sw.mean)
            if f == "sqmean":
                return to_k(sw.sq_mean)
            if f == "var":
                return to_k(sw.var_vector())
            if f == "dev":
                return [to_k(r) for r in sw.deviations()]
            raise QError(f"swag: unrecognized field `{f}, expecting `mean`var`sqmean`dev")
        raise QError("swag: expecting swag, or (swag;field)")
    m = entry_module(e, "swag")
    opt = options("swag", _SWAG_TABLE, a[1:])
    named = module_params(m, "swag")
    return ctx.registry.new(new_swag(named, opt["k"], opt["clamp"]), "swag")


def _swag_and_module(ctx, a, who):
    st = get_handle(ctx, a[0], "swag", who=who).obj
    e = get_handle(ctx, a[1], *MODULE_CLASSES, who=who)
    if st.swag.n == 0:
        raise QError(f"{who}: no models collected")
    return st, entry_module(e, who), e


_SAMPLE_TABLE = [("scale", 0.5, "float>=0"), ("diag", False, "bool")]


def sample(ctx, x):
    """sample(s;m[;scale][;diag]): write one SWAG draw
    mean + sqrt(scale)*(sqrt(var)*z1 + D'z2 % sqrt K-1) into m's parameters (scale .5 = SWAG,
    0 = SWA mean; diag 1b drops the low-rank term). Returns null."""
    a = args_of(x)
    if len(a) < 2:
        raise QError("sample: expecting swag, module/model and optional scale, diag")
    st, m, _ = _swag_and_module(ctx, a, "sample")
    opt = options("sample", _SAMPLE_TABLE, a[2:])
    params = st.layout.params(m, "sample")
    draw = st.swag.sample(scale=opt["scale"], diag_only=opt["diag"],
                          generator=generator_for(ctx, st.swag.device))
    uninterrupted(st.swag.unflatten_into, params, draw)
    return None


_BMA_TABLE = [("samples", 30, "long>=0"), ("scale", 0.5, "float>=0"), ("diag", False, "bool")]


def bma(ctx, x):
    """bma(s;m;x[;samples][;scale][;diag]) -> k matrix: the mean over `samples` SWAG draws of
    softmax(m x) (class dim 1), batch norm recomputed after each draw from the model's training
    data (as batchnorm m). m's parameters and buffers are restored afterwards."""
    a = args_of(x)
    if len(a) < 3:
        raise QError("bma: expecting swag, model/module, inputs and optional samples, scale, diag")
    st, m, e = _swag_and_module(ctx, a, "bma")
    model = e.obj if isinstance(e.obj, Model) else None
    opt = options("bma", _BMA_TABLE, a[3:])
    if opt["samples"] < 1:
        raise QError("bma: samples must be positive")
    params = st.layout.params(m, "bma")
    has_bn = bool(bn_modules(m))
    if has_bn and (model is None or model.train_data is None):
        raise QError("bma: batch norm layers need a model with training data to recompute "
                     "their statistics")
    xs = tensor_arg(ctx, a[2], module_device(m), "bma")
    if xs.dtype.is_floating_point and params and params[0].dtype.is_floating_point:
        xs = xs.to(params[0].dtype)
    bs = model.test["batchsize"] if model is not None else max(1, xs.shape[0])

    draws = progress.bar(opt["samples"], "bma", unit="draw")

    def predict():
        if has_bn:
            recalibrate(m, model_batches(model, "train"), forward=model_forward_fn(model))
        p = _softmax_eval(m, xs, bs)
        draws.update(1)
        return p

    state = [t for _, t in state_named(m)]
    saved = snapshot(state)
    try:
        with session_rng(ctx), draws:   # draws, BN recalibration and dropout
            p = bayes_average(st.swag, params, predict, opt["samples"], scale=opt["scale"],
                              diag_only=opt["diag"],
                              generator=generator_for(ctx, st.swag.device))
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    finally:
        copy_into_(state, saved)
    return to_k(p)


@no_grad
def _softmax_eval(m: nn.Module, xs: torch.Tensor, bs: int) -> torch.Tensor:
    """softmax over the classes (dim 1) of m's outputs in evaluation mode, batch by batch."""
    flags = set_mode(m, False)
    try:
        outs = []
        for i in range(0, xs.shape[0], bs):
            y = m(xs[i:i + bs])
            outs.append(torch.softmax(y.float() if y.dtype != torch.float64 else y,
                                      dim=1 if y.dim() > 1 else 0))
        return torch.cat(outs)
    finally:
        restore_flags(flags)


define("swag", monad=swag, ctx=True,
       doc="swag m | swag(m;k[;clamp]) | swag s | swag(s;`mean|`var|`sqmean|`dev)  a SWAG "
           "collector over m's parameters (k deviation rows); its counts; its statistics")
define("sample", monad=sample, ctx=True,
       doc="sample(s;m[;scale][;diag])  write one SWAG draw into m's parameters (scale .5 is "
           "SWAG, 0 the SWA mean)")
define("bma", monad=bma, ctx=True,
       doc="bma(s;m;x[;samples][;scale][;diag])  Bayesian model average: the mean over SWAG "
           "draws of softmax(m x); m's weights restored")
