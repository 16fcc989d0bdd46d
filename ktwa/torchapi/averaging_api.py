"""Weight averaging api (ktorch-api.md §9): copyparms avgparms batchnorm.

The numeric work is in ktwa.averaging (pure torch kernels); this file resolves handles, keeps the
per-(module, dictionary) plan cache that makes `avgparms` cost a few microseconds, and turns
results and errors into q values.
"""
from __future__ import annotations

import math
from operator import is_ as _is

import numpy as np
import torch
from torch import nn

from ..averaging.batchnorm import bn_modules, recalibrate, reset_bn, restore_momenta
from ..averaging.grouping import Plan
from ..averaging.swa import copy_into_, running_mean_, snapshot
from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, syms, to_items
from ..verbs.core import define
from .convert import kname, to_tensor
from .modules import torch_error
from .objects import Model, Optimizer, TensorDict

_WHO_CLASSES = ("module", "model", "optimizer")


def _module_arg(ctx, x, who: str, classes=_WHO_CLASSES, expecting="model, module or optimizer"):
    """(torch module, Entry) for the first arg; ktorch's error texts."""
    if not is_handle(x):
        raise QError(f"{who}: expecting {expecting}, given {kname(x)}")
    e = ctx.registry.entry(x)
    if e.cls not in classes:
        raise QError(f"{who}: expecting {expecting}, given {e.cls}")
    o = e.obj
    if isinstance(o, nn.Module):
        return o, e
    if isinstance(o, Model):
        return o.module, e
    if isinstance(o, Optimizer) and isinstance(o.module, nn.Module):
        return o.module, e
    raise QError(f"{who}: expecting {expecting}, given {e.cls}")


def _dict_arg(ctx, x, who: str) -> TensorDict:
    if not is_handle(x):
        raise QError(f"{who}: expecting dictionary of parameters for 2nd arg, given {kname(x)}")
    e = ctx.registry.entry(x)
    if e.cls != "dictionary":
        raise QError(f"{who}: expecting dictionary of parameters for 2nd arg, given {e.cls}")
    return e.obj


def _args(x) -> list:
    if is_handle(x):
        return [x]
    if isinstance(x, list):
        return x
    return [x]


# ---------------------------------------------------------------------------------------------
# copyparms

def copyparms(ctx, x):
    """copyparms m: new dictionary of detached parameter clones; copyparms(m;p): copy back,
    returning name -> 1b/0b (all shapes checked before anything is written)."""
    a = _args(x)
    if not 1 <= len(a) <= 2:
        raise QError(f"copyparms expecting 1-2 args, given {len(a)}")
    m, _ = _module_arg(ctx, a[0], "copyparms")
    named = list(m.named_parameters())
    if len(a) == 1:
        clones = snapshot([p for _, p in named])
        d = TensorDict(zip([n for n, _ in named], clones))
        return ctx.registry.new(d, "dictionary")
    y = a[1]
    if isinstance(y, QDict) and not isinstance(y.keys, QTable):
        src = dict(zip(to_items(y.keys), to_items(y.values)))
        get = lambda k: to_tensor(src[k]) if k in src else None   # noqa: E731
    else:
        d = _dict_arg(ctx, y, "copyparms")
        get = d.get
    names, flags, dst, srcs = [], [], [], []
    for n, p in named:
        t = get(n)
        names.append(n)
        flags.append(t is not None)
        if t is not None:
            dst.append(p)
            srcs.append(t)
    try:
        copy_into_(dst, srcs)
    except RuntimeError as err:
        raise torch_error(err) from None
    return QDict(syms(names), np.array(flags, dtype=bool))


# ---------------------------------------------------------------------------------------------
# avgparms

class _AvgCache:
    """What avgparms(m;p) needs on every call, valid while nothing it names has changed."""

    __slots__ = ("module", "slots", "counts", "names", "params", "avgs", "sig", "plan", "n",
                 "n_version", "n_value")

    def __init__(self, module, d: TensorDict, who: str):
        self.module = module
        slots, counts = [], []
        names, params = [], []
        for mname, sub in module.named_modules():
            counts.append((sub._parameters, len(sub._parameters)))
            counts.append((sub._modules, len(sub._modules)))
            for pname, p in sub._parameters.items():
                if p is None:
                    continue
                slots.append((sub._parameters, pname))
                names.append(f"{mname}.{pname}" if mname else pname)
                params.append(p)
        self.slots = slots
        self.counts = counts
        self.names = names
        self.params = params
        dd = d._d
        avgs = []
        for n in names:
            t = dd.get(n)
            if t is None:
                raise QError(f"{who}: parameter {n} not found, unable to compute average")
            avgs.append(t)
        self.avgs = avgs
        self.sig = _sig(params, avgs)
        try:
            self.plan = Plan(avgs, params)
        except RuntimeError as err:
            raise torch_error(err) from None
        self.n = None
        self.n_version = -1
        self.n_value = 0.0

    def valid(self, module, d: TensorDict) -> bool:
        if module is not self.module:
            return False
        for c, k in self.counts:
            if len(c) != k:
                return False
        for (pd, pn), p in zip(self.slots, self.params):
            if pd.get(pn) is not p:
                return False
        dd = d._d
        if not all(map(_is, map(dd.get, self.names), self.avgs)):
            return False
        return _sig(self.params, self.avgs) == self.sig


def _sig(params, avgs):
    """dtype/device of every tensor: `to` may swap a parameter's data behind our back."""
    return [(t.dtype, t.device) for t in params] + [(t.dtype, t.device) for t in avgs]


_N_KEY = ".n"
_ERR2 = ("avgparms: expects 2 args, model/module/optimizer & dictionary of parameters "
         "w'averaged weights")


def avgparms(ctx, x):
    """avgparms(m;p): running average of m's parameters into p; `.n` counts models (long)."""
    if type(x) is not list or len(x) != 2 or is_handle(x):
        raise QError(_ERR2)
    reg = ctx.registry
    h0, h1 = x
    if not (is_handle(h0) and is_handle(h1)):
        if not is_handle(h0):
            raise QError(_ERR2)
    e0 = reg.entry(h0)
    o = e0.obj
    m = o if isinstance(o, nn.Module) else None
    if m is None:
        m, _ = _module_arg(ctx, h0, "avgparms")
    if is_handle(h1):
        e1 = reg.entry(h1)
        if e1.cls != "dictionary":
            raise QError(_ERR2)
        d = e1.obj
    else:
        raise QError(_ERR2)
    if d.kind != "plain":
        raise QError("avgparms: expecting a dictionary of averaged weights, given a "
                     f"{d.kind} dictionary")
    c = getattr(d, "_avgcache", None)
    if c is None or not c.valid(m, d):
        c = _AvgCache(m, d, "avgparms")
        d._avgcache = c
    dd = d._d
    n = dd.get(_N_KEY)
    if n is None:
        n = torch.tensor(1.0, dtype=torch.float64)
        dd[_N_KEY] = n
    if n is c.n and n._version == c.n_version:
        nv = c.n_value
    else:
        if not isinstance(n, torch.Tensor) or n.numel() != 1:
            raise QError("avgparms: .n must be a scalar tensor")
        nv = float(n)
        c.n = n
    try:
        running_mean_(c.avgs, c.params, n, 1.0 / (nv + 1.0), c.plan)
    except RuntimeError as err:
        d._avgcache = None
        raise torch_error(err) from None
    c.n_version = n._version
    c.n_value = nv = nv + 1.0
    return np.int64(nv)


# ---------------------------------------------------------------------------------------------
# batchnorm

def _momenta_k(momenta: dict) -> QDict:
    vals = [math.nan if v is None else float(v) for v in momenta.values()]
    return QDict(syms(list(momenta.keys())), np.array(vals, dtype=np.float64))


def batchnorm(ctx, x):
    """batchnorm m: reset BN stats (momentum None) and, for a model with training data, recompute
    them over the data; returns name -> original momentum. batchnorm(q;r) restores momenta."""
    a = _args(x)
    if len(a) == 1:
        m, e = _module_arg(ctx, a[0], "batchnorm")
        model = e.obj if isinstance(e.obj, Model) else None
        if model is not None and model.train_data is not None:
            from .train import model_batches, model_forward_fn
            try:
                momenta = recalibrate(m, model_batches(model, "train"),
                                      forward=model_forward_fn(model))
            except (RuntimeError, ValueError, TypeError, IndexError) as err:
                raise torch_error(err) from None
            return _momenta_k(momenta)
        # module, optimizer, or model without data: reset only (the saved momenta are returned)
        return _momenta_k(reset_bn(m))
    if len(a) == 2:
        m, _ = _module_arg(ctx, a[0], "batchnorm")
        r = a[1]
        if not isinstance(r, QDict) or isinstance(r.keys, QTable):
            raise QError("batchnorm: expecting k dictionary of momentum settings for 2nd arg, "
                         f"given {kname(r)}")
        keys = to_items(r.keys)
        vals = r.values
        if isinstance(vals, np.ndarray) and vals.dtype == np.float64:
            vs = vals.tolist()
        elif isinstance(vals, list) and all(isinstance(v, np.float64) for v in vals):
            vs = [float(v) for v in vals]
        else:
            raise QError("batchnorm: dictionary of previous momentum settings expected as "
                         f"double(s), given {kname(vals)}")
        if not all(isinstance(k, str) for k in keys):
            raise QError("batchnorm: expecting k dictionary of momentum settings for 2nd arg, "
                         f"given {kname(r.keys)} keys")
        try:
            restore_momenta(m, dict(zip(keys, vs)))
        except LookupError as err:
            raise QError(f"batchnorm: {err.args[0]}") from None
        except TypeError as err:
            raise QError(f"batchnorm: {err.args[0]}") from None
        return None
    raise QError(f"batchnorm: expecting 1-2 args, given {len(a)}")


define("copyparms", monad=copyparms, ctx=True)
define("avgparms", monad=avgparms, ctx=True)
define("batchnorm", monad=batchnorm, ctx=True)

__all__ = ["copyparms", "avgparms", "batchnorm", "bn_modules"]
