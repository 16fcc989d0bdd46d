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

from ..averaging.batchnorm import recalibrate, reset_bn, restore_momenta
from ..averaging.grouping import Plan
from ..averaging.swa import copy_into_, snapshot
from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, syms, to_items
from ..values.functions import Definitions
from .convert import kname, to_tensor
from .modules import torch_error
from .objects import Model, Optimizer, TensorDict

define = Definitions()

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
    return copy_back(named, get)


def copy_back(named, get) -> QDict:
    """Copy get(name) into each (name, tensor) of `named` that has one, checking every shape
    before copying any; returns the k dict name -> copied (copyparms(m;p)'s result)."""
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

class PairCache:
    """What a running average (avgparms, emaparms) needs per call, valid while nothing it names
    has changed: every module parameter (required in the dictionary) and every module buffer
    whose name is a key of the dictionary (so a `copystate` snapshot averages buffers too;
    integer buffers are copied), paired with the dictionary's tensors, and the kernel Plan.

    Validity is checked by identity only (a few C-level map calls): the module tree's slot
    counts, each slot still holding the same tensor, each dictionary key the same average, and
    the dictionary's size. A dtype/device change behind our back (`to`) makes the first foreach
    call fail before anything is written; the caller then rebuilds.
    """

    __slots__ = ("module", "cdicts", "clens", "sdicts", "snames", "srcs", "names", "avgs",
                 "plan", "dlen", "n", "n_np", "n_version")

    def __init__(self, module, dd, who: str):
        self.module = module
        cdicts, sdicts, snames, srcs, names, avgs = [], [], [], [], [], []
        seen = set()
        for mname, sub in module.named_modules():
            cdicts += (sub._parameters, sub._buffers, sub._modules)
            for kind, slots in (("parameter", sub._parameters), ("buffer", sub._buffers)):
                for sname, t in slots.items():
                    if t is None or id(t) in seen:
                        continue
                    full = f"{mname}.{sname}" if mname else sname
                    a = dd.get(full)
                    if a is None:
                        if kind == "parameter":
                            raise QError(f"{who}: parameter {full} not found, unable to compute "
                                         "average")
                        continue
                    if not isinstance(a, torch.Tensor):
                        raise QError(f"{who}: {kind} {full} is not a tensor")
                    seen.add(id(t))
                    sdicts.append(slots)
                    snames.append(sname)
                    srcs.append(t)
                    names.append(full)
                    avgs.append(a)
        self.cdicts = cdicts
        self.clens = list(map(len, cdicts))
        self.sdicts, self.snames, self.srcs = sdicts, snames, srcs
        self.names, self.avgs = names, avgs
        self.dlen = len(dd)
        try:
            self.plan = Plan(avgs, srcs)
        except RuntimeError as err:
            raise torch_error(err) from None
        self.n = None
        self.n_np = None
        self.n_version = -1

    def valid(self, module, dd) -> bool:
        return (module is self.module and len(dd) == self.dlen
                and list(map(len, self.cdicts)) == self.clens
                and all(map(_is, map(dict.get, self.sdicts, self.snames), self.srcs))
                and all(map(_is, map(dd.get, self.names), self.avgs)))


N_KEY = ".n"
_ERR2 = ("avgparms: expects 2 args, model/module/optimizer & dictionary of parameters "
         "w'averaged weights")
_set_grad = torch._C._set_grad_enabled
_grad_on = torch.is_grad_enabled


def running_update(ctx, h0, h1, who: str, err: str, step, module_of) -> np.int64:
    """The shared body of avgparms/emaparms: resolve (module;dictionary), keep the pair cache on
    the dictionary, read `.n` (a CPU double, read through a numpy view: no .item()), run
    step(plan, n) with autograd off, then `.n += 1` and return it as a long."""
    if not (is_handle(h0) and is_handle(h1)):
        raise QError(err)
    reg = ctx.registry
    o = reg.entry(h0).obj
    m = o if isinstance(o, nn.Module) else module_of(ctx, h0, who)[0]
    e1 = reg.entry(h1)
    if e1.cls != "dictionary":
        raise QError(err)
    d = e1.obj
    if d.kind != "plain":
        raise QError(f"{who}: expecting a dictionary of averaged weights, given a {d.kind} "
                     "dictionary")
    dd = d._d
    c = getattr(d, "_paircache", None)
    if c is None or not c.valid(m, dd):
        c = d._paircache = PairCache(m, dd, who)
    n = dd.get(N_KEY)
    if n is None:
        n = dd[N_KEY] = torch.tensor(1.0, dtype=torch.float64)
        c.dlen = len(dd)
    if n is not c.n or n._version != c.n_version:
        if not isinstance(n, torch.Tensor) or n.numel() != 1:
            raise QError(f"{who}: .n must be a scalar tensor")
        c.n = n
        c.n_np = n.numpy() if (n.is_cpu and n.dim() == 0 and n.dtype == torch.float64
                               and not n.requires_grad) else None
        c.n_version = n._version
    nv = float(c.n_np) if c.n_np is not None else float(n)
    prev = _grad_on()
    if prev:
        _set_grad(False)
    try:
        try:
            step(c.plan, nv)
        except RuntimeError:
            # a tensor changed dtype/device behind the plan (e.g. `to`): rebuild once and retry
            c = d._paircache = PairCache(m, dd, who)
            c.n = n
            try:
                step(c.plan, nv)
            except RuntimeError as e:
                d._paircache = None
                raise torch_error(e) from None
        if c.n_np is not None:
            c.n_np[()] = nv + 1.0        # in place through host memory; _version unchanged
        else:
            n.fill_(nv + 1.0)
            c.n_version = n._version
    finally:
        if prev:
            _set_grad(True)
    return np.int64(nv + 1.0)


def _swa_step(plan, nv: float) -> None:
    plan.lerp_(1.0 / (nv + 1.0))


def avgparms(ctx, x):
    """avgparms(m;p): running average of m's parameters (and of buffers whose names are keys of
    p) into p; `.n` counts the models in the average (1 for a copyparms snapshot); returns it."""
    if type(x) is not list or len(x) != 2:
        raise QError(_ERR2)
    return running_update(ctx, x[0], x[1], "avgparms", _ERR2, _swa_step, _module_arg)


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

__all__ = ["copyparms", "avgparms", "batchnorm"]
