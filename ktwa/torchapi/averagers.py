"""Beyond SWA: EMA, buffers, SWALR, SWAG and TWA in ktorch's style (docs/averaging.md).

Every function is monadic over one q value (`f(a;b;c)` passes a 3-item list); results that hold
torch state live behind handles (classes `scheduler`, `swag`, `twa`). Options follow the
positional arguments either positionally, as name-value pairs `(`name;value)`, as a dictionary
`` `a`b!(x;y) ``, or, for a boolean option, as its bare name (`` `diag ``).

  emaparms(m;p[;decay][;warmup][;start])  exponential moving average into dictionary p -> .n
  copystate m / copystate(m;p)            copyparms with buffers (state_dict names)
  swalr(o;lr[;epochs][;anneal]) -> s      SWA learning-rate schedule;  swalr s steps it
  swag m / swag(m;k[;clamp]) -> s         SWAG collector;  swag s info;  swag(s;`mean) ...
  twa m / twa(m;keep) -> t                TWA snapshot collector; twa t info; twa(t;`basis) ...
  collect(s|t;m|p) -> n                   add the current weights of m (or dictionary p)
  sample(s;m[;scale][;diag])              write a SWAG sample into m
  bma(s;m;x[;samples][;scale][;diag])     SWAG Bayesian model average of softmax(m x)
  subspace(t;m[;centered][;rtol]) -> k    TWA: basis, m := mean, project every optimizer step
  subspace(t;`off)                        remove the projection hook

Numeric work is in ktwa.averaging (ema_, Plan, SwaLR, Swag, twa_basis, project_grads_, recalibrate).
"""
from __future__ import annotations

from operator import is_ as _is

import numpy as np
import torch
from torch import nn

from ..averaging.batchnorm import bn_modules, recalibrate
from ..averaging.ema import ema_decay
from ..averaging.grouping import Plan, flatten, unflatten_into
from ..averaging.swa import copy_into_, snapshot
from ..averaging.swag import Swag
from ..averaging.swalr import SwaLR
from ..averaging.twa import twa_basis, project_grads_
from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, from_items, syms, to_items
from ..values.functions import Definitions
from .averaging_api import copy_back, running_update
from .convert import get_handle, kname, to_k, to_tensor
from .forward import input_tensor, restore_flags, set_mode
from .modules import _py, args_of, entry_module, module_device, torch_error
from .objects import Model, Optimizer, TensorDict

define = Definitions()

_MODULE_CLASSES = ("module", "model", "optimizer")


# ---------------------------------------------------------------------------------------------
# options: positional, then name-value pairs / dictionaries / bare boolean names

def options(who: str, table: list, items: list) -> dict:
    """table: [(name, default, kind)], kind in float|int|bool|sym|floats. Returns name -> value."""
    names = [t[0] for t in table]
    kinds = {t[0]: t[2] for t in table}
    given: dict = {}
    pos = 0
    named = False
    for y in items:
        if isinstance(y, QDict) and not isinstance(y.keys, QTable):
            named = True
            for k, v in zip(to_items(y.keys), to_items(y.values)):
                if not isinstance(k, str):
                    raise QError(f"{who}: option names must be symbols, given {kname(k)}")
                given[k] = v
        elif type(y) is list and len(y) == 2 and isinstance(y[0], str):
            if y[0] not in kinds:
                raise QError(f"{who}: unrecognized option: {y[0]}")
            named = True
            given[y[0]] = y[1]
        elif isinstance(y, str) and kinds.get(y) == "bool":
            named = True
            given[y] = np.bool_(True)
        elif named:
            raise QError(f"{who}: positional arg given after name-value pair(s)")
        else:
            if pos >= len(names):
                raise QError(f"{who}: expecting up to {len(names)} option(s), given {pos + 1}")
            given[names[pos]] = y
            pos += 1
    out = {}
    for name, default, kind in table:
        out[name] = _check(who, name, kind, given.pop(name)) if name in given else default
    if given:
        raise QError(f"{who}: unrecognized option: {next(iter(given))}")
    return out


def _check(who, name, kind, v):
    p = v if kind == "floats" else _py(v)
    if kind == "float":
        if isinstance(p, bool) or not isinstance(p, (int, float)):
            raise QError(f"{who}: {name} expects a number, given {kname(v)}")
        return float(p)
    if kind == "optfloat":
        if p is None:
            return None
        if isinstance(p, bool) or not isinstance(p, (int, float)):
            raise QError(f"{who}: {name} expects a number, given {kname(v)}")
        return float(p)
    if kind == "int":
        if isinstance(p, bool) or not isinstance(p, int) or p < 0:
            raise QError(f"{who}: {name} expects a non-negative long, given {kname(v)}")
        return p
    if kind == "bool":
        if isinstance(p, int) and not isinstance(p, bool) and p in (0, 1):
            p = bool(p)
        if not isinstance(p, bool):
            raise QError(f"{who}: {name} expects a boolean, given {kname(v)}")
        return p
    if kind == "sym":
        if not isinstance(p, str):
            raise QError(f"{who}: {name} expects a symbol, given {kname(v)}")
        return p
    if kind == "floats":
        if isinstance(v, np.ndarray) and v.dtype.kind in "fi" and v.ndim == 1:
            return [float(a) for a in v]
        p = _py(v)
        if isinstance(p, bool) or not isinstance(p, (int, float)):
            raise QError(f"{who}: {name} expects double(s), given {kname(v)}")
        return float(p)
    raise AssertionError(kind)


# ---------------------------------------------------------------------------------------------
# shared helpers

def _module(ctx, x, who):
    """(torch module, entry) for a module, model or optimizer handle."""
    e = get_handle(ctx, x, *_MODULE_CLASSES, who=who)
    return entry_module(e, who), e


def _dict(ctx, x, who) -> TensorDict:
    return get_handle(ctx, x, "dictionary", who=who).obj


def _named_params(m: nn.Module) -> list:
    return list(m.named_parameters())


def _state_named(m: nn.Module) -> list:
    """(name, tensor) of parameters and persistent buffers in state_dict order (no detach)."""
    return list(m.state_dict(keep_vars=True).items())


def _k_bools(names, flags) -> QDict:
    return QDict(syms(list(names)), np.array(flags, dtype=bool))


def _torch_call(fn, *a, **k):
    try:
        return fn(*a, **k)
    except (RuntimeError, ValueError, TypeError, IndexError) as err:
        raise torch_error(err) from None


# ---------------------------------------------------------------------------------------------
# copystate: copyparms including buffers

def copystate(ctx, x):
    """copystate m -> dictionary of detached clones of parameters AND buffers (state_dict names);
    copystate(m;p) -> copy every present key back (shapes checked first), name -> 1b/0b."""
    a = args_of(x)
    if not 1 <= len(a) <= 2:
        raise QError(f"copystate: expecting 1-2 args, given {len(a)}")
    m, _ = _module(ctx, a[0], "copystate")
    named = _state_named(m)
    if len(a) == 1:
        clones = snapshot([t for _, t in named])
        return ctx.registry.new(TensorDict(zip([n for n, _ in named], clones)), "dictionary")
    y = a[1]
    if isinstance(y, QDict) and not isinstance(y.keys, QTable):
        src = dict(zip(to_items(y.keys), to_items(y.values)))
        get = lambda k: to_tensor(src[k]) if k in src else None   # noqa: E731
    else:
        get = _dict(ctx, y, "copystate").get
    return copy_back(named, get)




# ---------------------------------------------------------------------------------------------
# emaparms

def _ema_step(plan: Plan, d: float) -> None:
    """avg = d*avg + (1-d)*new (one _foreach_lerp_ per group), integer entries copied; d == 0
    copies exactly, d == 1 keeps the average (autograd is already off)."""
    if d == 0.0:
        plan.copy_()
    elif d == 1.0:
        for dl, sl in plan.copy:
            torch._foreach_copy_(dl, sl)
    else:
        plan.lerp_(1.0 - d)


_EMA_TABLE = [("decay", 0.999, "float"), ("warmup", False, "bool"), ("start", 0, "int")]
_EMA_ERR = ("emaparms: expects model/module/optimizer, dictionary of averaged weights and "
            "optional decay, warmup, start")


def emaparms(ctx, x):
    """emaparms(m;p[;decay][;warmup][;start]): p = d*p + (1-d)*m for every parameter (and every
    buffer key present in p; integer buffers copied), d the keep-rate (default .999); `.n` in p
    counts models in the average (1 for a fresh copyparms dictionary) and is returned. Update number
    k = .n before the call: k <= start copies; warmup uses min(decay;(1+j)%10+j), j = k - start."""
    if type(x) is not list or len(x) < 2:
        raise QError(_EMA_ERR)
    h0, h1 = x[0], x[1]
    if not (is_handle(h0) and is_handle(h1)):
        raise QError(_EMA_ERR)
    n_opt = len(x) - 2
    if n_opt == 1 and type(x[2]) is np.float64:          # fast path: emaparms(m;p;.999)
        decay, warmup, start = float(x[2]), False, 0
    elif n_opt == 0:
        decay, warmup, start = 0.999, False, 0
    else:
        opt = options("emaparms", _EMA_TABLE, x[2:])
        decay, warmup, start = opt["decay"], opt["warmup"], opt["start"]
    if not 0.0 <= decay <= 1.0:
        raise QError(f"emaparms: decay must be in [0,1], given {decay}")

    def step(plan, nv):
        _ema_step(plan, ema_decay(decay, int(nv), warmup, start) if (warmup or start) else decay)

    return running_update(ctx, h0, h1, "emaparms", _EMA_ERR, step, _module)


# ---------------------------------------------------------------------------------------------
# swalr: the SWA learning-rate schedule

class Scheduler:
    """A SwaLR bound to an optimizer (a ktwa Optimizer, possibly owned by a model)."""

    def __init__(self, sched: SwaLR, optimizer: Optimizer):
        self.sched = sched
        self.optimizer = optimizer

    def lrs(self):
        return [float(g["lr"]) for g in self.optimizer.opt.param_groups]


_SWALR_TABLE = [("lr", None, "floats"), ("epochs", 10, "int"), ("anneal", "cos", "sym")]


def _lr_k(v: list):
    return np.float64(v[0]) if len(v) == 1 else np.array(v, dtype=np.float64)


def swalr(ctx, x):
    """swalr(o;lr[;epochs][;anneal]) -> scheduler (o: model or optimizer; anneal `cos|`linear);
    swalr s -> step one epoch, returns the new rate(s); swalr(s;`state) -> dictionary."""
    a = args_of(x)
    if not a:
        raise QError("swalr: expecting model or optimizer and SWA learning rate, or scheduler")
    e = get_handle(ctx, a[0], "model", "optimizer", "scheduler", who="swalr")
    if e.cls == "scheduler":
        s = e.obj
        if len(a) == 1:
            _torch_call(s.sched.step)
            return _lr_k(s.lrs())
        if len(a) == 2 and a[1] == "state":
            sc = s.sched
            return QDict(syms(["step", "epochs", "anneal", "swalr", "lr"]),
                         [np.int64(sc._step_count - 1), np.int64(sc.anneal_epochs),
                          sc.anneal_strategy,
                          _lr_k([float(g["swa_lr"]) for g in s.optimizer.opt.param_groups]),
                          _lr_k(s.lrs())])
        raise QError("swalr: expecting scheduler, or (scheduler;`state)")
    o = e.obj.optimizer if isinstance(e.obj, Model) else e.obj
    opt = options("swalr", _SWALR_TABLE, a[1:])
    if opt["lr"] is None:
        raise QError("swalr: SWA learning rate required")
    if opt["anneal"] not in ("cos", "linear"):
        raise QError(f"swalr: anneal must be `cos or `linear, given `{opt['anneal']}")
    try:
        sched = SwaLR(o.opt, opt["lr"], anneal_epochs=opt["epochs"],
                      anneal_strategy=opt["anneal"])
    except ValueError as err:
        raise QError(f"swalr: {err}") from None
    return ctx.registry.new(Scheduler(sched, o), "scheduler")


# ---------------------------------------------------------------------------------------------
# layouts shared by swag and twa: the ordered parameter names and shapes of a module

class _Layout:
    def __init__(self, named):
        self.names = [n for n, _ in named]
        self.shapes = [tuple(t.shape) for _, t in named]
        self.numel = sum(t.numel() for _, t in named)

    _cache = None     # (module, slot dicts, slot names, parameters, shapes) of the last lookup

    def params(self, m: nn.Module, who) -> list:
        """The module's parameters in layout order (checked by name and shape). The lookup is
        cached per module and revalidated by identity (each slot still holds the same Parameter
        of the same shape), so repeated collect/sample calls skip the name walk."""
        c = self._cache
        if (c is not None and c[0] is m and all(map(_is, map(dict.get, c[1], c[2]), c[3]))
                and [tuple(p.shape) for p in c[3]] == self.shapes):
            return c[3]
        slots = {}
        for mname, sub in m.named_modules():
            for pname, p in sub._parameters.items():
                if p is not None:
                    slots.setdefault(f"{mname}.{pname}" if mname else pname, (sub._parameters,
                                                                              pname, p))
        dicts, keys, out = [], [], []
        for n, s in zip(self.names, self.shapes):
            e = slots.get(n)
            if e is None:
                raise QError(f"{who}: module has no parameter {n}")
            p = e[2]
            if tuple(p.shape) != s:
                raise QError(f"{who}: parameter {n} has shape {list(p.shape)}, expecting "
                             f"{list(s)}")
            dicts.append(e[0])
            keys.append(e[1])
            out.append(p)
        self._cache = (m, dicts, keys, out)
        return out

    def source(self, ctx, h, who) -> list:
        """Tensors to collect from a module/model/optimizer or dictionary handle."""
        e = get_handle(ctx, h, "module", "model", "optimizer", "dictionary", who=who)
        if e.cls != "dictionary":
            return self.params(entry_module(e, who), who)
        d = e.obj
        out = []
        for n, s in zip(self.names, self.shapes):
            t = d.get(n)
            if t is None:
                raise QError(f"{who}: dictionary has no tensor {n}")
            if tuple(t.shape) != s:
                raise QError(f"{who}: {n} has shape {list(t.shape)}, expecting {list(s)}")
            out.append(t)
        return out


def _flat_dtype(named) -> torch.dtype:
    dt = torch.float32
    for _, t in named:
        if t.dtype.is_floating_point:
            dt = torch.promote_types(dt, t.dtype)
    return dt


# ---------------------------------------------------------------------------------------------
# swag

class SwagState:
    """A Swag kernel plus the parameter layout it was built over."""

    def tensors(self) -> list:
        """What it holds (for obj[], elements, bytes): mean, second moment, deviations."""
        w = self.swag
        return [w.mean, w.sq_mean, w.dev]

    def __init__(self, swag: Swag, layout: _Layout):
        self.swag = swag
        self.layout = layout


_SWAG_TABLE = [("k", 20, "int"), ("clamp", 1e-30, "float")]


def new_swag(named, k=20, clamp=1e-30, device=None) -> SwagState:
    metas = [torch.empty(t.shape, device="meta", dtype=t.dtype) for _, t in named]
    dev = device if device is not None else (named[0][1].device if named else "cpu")
    sw = Swag(metas, max_models=k, var_clamp=clamp, dtype=_flat_dtype(named), device=dev)
    return SwagState(sw, _Layout(named))


def _info(keys, vals) -> QDict:
    return QDict(syms(keys), from_items(vals))


def swag(ctx, x):
    """swag m | swag(m;k[;clamp]) -> swag handle over m's parameters (k deviation rows, default
    20); swag s -> info; swag(s;`mean|`var|`sqmean|`dev) -> k values (flat, dev K x D)."""
    a = args_of(x)
    if not a:
        raise QError("swag: expecting module, model or optimizer, or swag")
    e = get_handle(ctx, a[0], "module", "model", "optimizer", "swag", who="swag")
    if e.cls == "swag":
        sw = e.obj.swag
        if len(a) == 1:
            return _info(["n", "k", "maxk", "size"],
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
                dv = sw.deviations()
                return [to_k(r) for r in dv]
            raise QError(f"swag: unrecognized field `{f}, expecting `mean`var`sqmean`dev")
        raise QError("swag: expecting swag, or (swag;field)")
    m = entry_module(e, "swag")
    opt = options("swag", _SWAG_TABLE, a[1:])
    named = _named_params(m)
    if not named:
        raise QError("swag: module has no parameters")
    return ctx.registry.new(new_swag(named, opt["k"], opt["clamp"]), "swag")


_SAMPLE_TABLE = [("scale", 0.5, "float"), ("diag", False, "bool")]


def sample(ctx, x):
    """sample(s;m[;scale][;diag]): write one SWAG draw
    mean + sqrt(scale)*(sqrt(var)*z1 + D'z2 % sqrt K-1) into m's parameters (scale .5 = SWAG,
    0 = SWA mean; diag 1b drops the low-rank term). Returns null."""
    a = args_of(x)
    if len(a) < 2:
        raise QError("sample: expecting swag, module/model and optional scale, diag")
    st = get_handle(ctx, a[0], "swag", who="sample").obj
    m, _ = _module(ctx, a[1], "sample")
    opt = options("sample", _SAMPLE_TABLE, a[2:])
    params = st.layout.params(m, "sample")
    vec = _swag_draw(st, opt["scale"], opt["diag"])
    unflatten_into(params, vec)
    return None


def _swag_draw(st: SwagState, scale: float, diag: bool):
    if st.swag.n == 0:
        raise QError("sample: no models collected")
    if scale < 0:
        raise QError(f"sample: scale must be non-negative, given {scale}")
    return st.swag.sample(scale=scale, diag_only=diag)


_BMA_TABLE = [("samples", 30, "int"), ("scale", 0.5, "float"), ("diag", False, "bool")]


def bma(ctx, x):
    """bma(s;m;x[;samples][;scale][;diag]) -> k matrix: the mean over `samples` SWAG draws of
    softmax(m x) (class dim 1), batch norm recomputed after each draw from the model's training
    data (as batchnorm m). m's parameters and buffers are restored afterwards."""
    a = args_of(x)
    if len(a) < 3:
        raise QError("bma: expecting swag, model/module, inputs and optional samples, scale, diag")
    st = get_handle(ctx, a[0], "swag", who="bma").obj
    m, e = _module(ctx, a[1], "bma")
    model = e.obj if isinstance(e.obj, Model) else None
    opt = options("bma", _BMA_TABLE, a[3:])
    ns = opt["samples"]
    if ns < 1:
        raise QError("bma: samples must be positive")
    params = st.layout.params(m, "bma")
    has_bn = bool(bn_modules(m))
    if has_bn and (model is None or model.train_data is None):
        raise QError("bma: batch norm layers need a model with training data to recompute "
                     "their statistics")
    xs = input_tensor(ctx, a[2], module_device(m), "bma")
    if xs.dtype.is_floating_point and params and params[0].dtype.is_floating_point:
        xs = xs.to(params[0].dtype)
    bs = model.test["batchsize"] if model is not None else max(1, xs.shape[0])
    state = [t for _, t in _state_named(m)]
    saved = snapshot(state)
    acc = None
    try:
        for _ in range(ns):
            unflatten_into(params, _swag_draw(st, opt["scale"], opt["diag"]))
            if has_bn:
                from .train import model_batches, model_forward_fn
                recalibrate(m, model_batches(model, "train"), forward=model_forward_fn(model))
            p = _softmax_eval(m, xs, bs)
            acc = p if acc is None else acc.add_(p)
    except (RuntimeError, ValueError, TypeError, IndexError) as err:
        raise torch_error(err) from None
    finally:
        copy_into_(state, saved)
    return to_k(acc.div_(ns))


def _softmax_eval(m: nn.Module, xs: torch.Tensor, bs: int) -> torch.Tensor:
    flags = set_mode(m, False)
    try:
        with torch.no_grad():
            outs = []
            for i in range(0, xs.shape[0], bs):
                y = m(xs[i:i + bs])
                outs.append(torch.softmax(y.float() if y.dtype != torch.float64 else y,
                                          dim=1 if y.dim() > 1 else 0))
            return torch.cat(outs)
    finally:
        restore_flags(flags)


# ---------------------------------------------------------------------------------------------
# twa

class TwaState:
    """Flat weight snapshots over a parameter layout, and the basis/hook built from them."""

    def close(self) -> None:
        """Freeing the last handle removes the gradient projection from the optimizer."""
        self.unhook()

    def tensors(self) -> list:
        """What it holds (for obj[], elements, bytes): snapshots, basis and mean."""
        return [t for t in (*self.snaps, self.P, self.mean) if t is not None]

    def __init__(self, layout: _Layout, dtype, keep: int = 0):
        self.layout = layout
        self.dtype = dtype
        self.keep = keep
        self.snaps: list = []
        self.P = None          # (k, D) orthonormal rows
        self.mean = None
        self.hook = None       # (torch hook handle, optimizer)

    def add(self, tensors) -> int:
        self.snaps.append(flatten(tensors, dtype=self.dtype))
        if self.keep and len(self.snaps) > self.keep:
            del self.snaps[0]
        return len(self.snaps)

    def unhook(self):
        if self.hook is not None:
            self.hook[0].remove()
            self.hook = None


_TWA_TABLE = [("keep", 0, "int")]
_SUBSPACE_TABLE = [("centered", False, "bool"), ("rtol", None, "optfloat")]


def new_twa(named, keep=0) -> TwaState:
    return TwaState(_Layout(named), _flat_dtype(named), keep)


def twa(ctx, x):
    """twa m | twa(m;keep) -> twa handle collecting snapshots of m's parameters (keep the last
    `keep`, 0 = all); twa t -> info; twa(t;`basis|`snapshots|`mean) -> k values."""
    a = args_of(x)
    if not a:
        raise QError("twa: expecting module, model or optimizer, or twa")
    e = get_handle(ctx, a[0], "module", "model", "optimizer", "twa", who="twa")
    if e.cls == "twa":
        t = e.obj
        if len(a) == 1:
            return _info(["n", "k", "size", "hooked"],
                         [np.int64(len(t.snaps)), np.int64(0 if t.P is None else t.P.shape[0]),
                          np.int64(t.layout.numel), np.bool_(t.hook is not None)])
        if len(a) == 2 and isinstance(a[1], str):
            f = a[1]
            if f == "snapshots":
                return [to_k(s) for s in t.snaps]
            if f == "basis":
                return [] if t.P is None else [to_k(r) for r in t.P]
            if f == "mean":
                if not t.snaps:
                    raise QError("twa: no snapshots collected")
                return to_k(torch.stack(t.snaps).mean(0))
            raise QError(f"twa: unrecognized field `{f}, expecting `snapshots`basis`mean")
        raise QError("twa: expecting twa, or (twa;field)")
    m = entry_module(e, "twa")
    opt = options("twa", _TWA_TABLE, a[1:])
    named = _named_params(m)
    if not named:
        raise QError("twa: module has no parameters")
    return ctx.registry.new(new_twa(named, opt["keep"]), "twa")


def subspace(ctx, x):
    """subspace(t;m[;centered][;rtol]) -> k: orthonormal basis of the snapshots (Gram-Schmidt on
    the raw snapshots, as the TWA reference; centered 1b spans the differences from their mean),
    m's parameters set to the snapshot mean, and - for a model or optimizer - a pre-step hook on
    the optimizer that projects every gradient onto the basis, so `run m` trains in the subspace
    (the optimizer's state for those parameters, e.g. momentum, is cleared first; use SGD - an
    elementwise-scaled step such as Adam's leaves the span). subspace(t;`off) removes the hook."""
    a = args_of(x)
    if len(a) < 2:
        raise QError("subspace: expecting twa and model/optimizer/module, or (twa;`off)")
    t = get_handle(ctx, a[0], "twa", who="subspace").obj
    if isinstance(a[1], str):
        if a[1] != "off" or len(a) != 2:
            raise QError("subspace: expecting (twa;`off) to remove the projection")
        t.unhook()
        return None
    e = get_handle(ctx, a[1], *_MODULE_CLASSES, who="subspace")
    m = entry_module(e, "subspace")
    opt = options("subspace", _SUBSPACE_TABLE, a[2:])
    if not t.snaps:
        raise QError("subspace: no snapshots collected")
    params = t.layout.params(m, "subspace")
    W = torch.stack(t.snaps).to(torch.float64)
    P = _torch_call(twa_basis, W, centered=opt["centered"], rtol=opt["rtol"])
    mean = W.mean(0)
    dev = params[0].device
    t.P = P.to(device=dev, dtype=t.dtype)
    t.mean = mean.to(device=dev, dtype=t.dtype)
    unflatten_into(params, t.mean)
    t.unhook()
    o = e.obj.optimizer if isinstance(e.obj, Model) else (
        e.obj if isinstance(e.obj, Optimizer) else None)
    if o is not None:
        P_ = t.P
        for p in params:              # fresh optimizer state (as the reference's new optimizer):
            o.opt.state.pop(p, None)  # old momentum would carry the weights out of the span

        def project_hook(optimizer, args, kwargs, params=params, P=P_):
            project_grads_(params, P)

        t.hook = (o.opt.register_step_pre_hook(project_hook), o)
    return np.int64(P.shape[0])


# ---------------------------------------------------------------------------------------------
# collect: swag or twa

def collect(ctx, x):
    """collect(s;m) / collect(t;m): add the current parameters of module/model/optimizer m (or
    the same-named tensors of dictionary p) to a swag or twa; returns the count collected."""
    a = args_of(x)
    if len(a) != 2:
        raise QError("collect: expecting swag or twa, and module/model/optimizer or dictionary")
    e = get_handle(ctx, a[0], "swag", "twa", who="collect")
    st = e.obj
    src = st.layout.source(ctx, a[1], "collect")
    if e.cls == "swag":
        return np.int64(_torch_call(st.swag.collect, src))
    return np.int64(st.add(src))


define("emaparms", monad=emaparms, ctx=True)
define("copystate", monad=copystate, ctx=True)
define("swalr", monad=swalr, ctx=True)
define("swag", monad=swag, ctx=True)
define("sample", monad=sample, ctx=True)
define("bma", monad=bma, ctx=True)
define("twa", monad=twa, ctx=True)
define("subspace", monad=subspace, ctx=True)
define("collect", monad=collect, ctx=True)

__all__ = ["emaparms", "copystate", "swalr", "swag", "sample", "bma", "twa", "subspace",
           "collect", "options", "SwagState", "TwaState", "Scheduler", "new_swag", "new_twa"]
