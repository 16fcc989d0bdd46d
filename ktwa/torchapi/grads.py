"""The gradients of an object's parameters: `zerograd` sets them to zero, `nograd` releases
them, `clip` and `clipv` clip them by norm or by value (ktorch's training page).

The object is a tensor, vector or dictionary of tensors, a module, an optimizer (its
parameter groups) or a model (its optimizer's groups)."""
from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from ..errors import QError
from ..values.functions import Definitions
from ..values.types import QDict
from .calls import TORCH_ERRORS, args_of, torch_error
from .convert import kname
from .handles import get_handle
from .objects import Model, Optimizer, TensorVector
from .tensorops import _tensors_of, input_tensor, is_tensor

define = Definitions()

_CLASSES = ("tensor", "vector", "dictionary", "module", "optimizer", "model")


def _groups(o) -> list:
    """The object's tensors, one list per optimizer group (one list otherwise)."""
    if isinstance(o, Model):
        o = o.optimizer
    if isinstance(o, Optimizer):
        return [list(g["params"]) for g in o.opt.param_groups]
    if isinstance(o, nn.Module):
        return [list(o.parameters())]
    if isinstance(o, torch.Tensor):
        return [[o]]
    if isinstance(o, TensorVector):
        return [list(o.tensors)]
    return [list(o.values())]


def _object(ctx, x, who):
    return get_handle(ctx, x, *_CLASSES, who=who).obj


def _reset(none: bool):
    who = "nograd" if none else "zerograd"

    def f(ctx, x):
        o = _object(ctx, x, who)
        tensors = [t for g in _groups(o) for t in g]
        if isinstance(o, Model):
            tensors += list(o.module.parameters())
        for t in tensors:
            if t is None or t.grad is None:
                continue
            if none:
                t.grad = None
            else:
                t.grad.detach_()
                t.grad.zero_()
        return None
    f.__name__ = who
    return f


def _norm_type(who, v) -> float:
    if isinstance(v, (np.integer, np.floating)) and not isinstance(v, np.bool_):
        return float(v)
    raise QError(f"{who}: norm type expected as a number, given {kname(v)}")


def clip_fn(ctx, x):
    """clip(x;max[;p][;groupflag]): clip the gradients' p-norm (default 2, 0w the largest
    magnitude) to max, over all tensors or per optimizer group; the norm(s) before clipping."""
    a = args_of(x)
    if not 2 <= len(a) <= 4:
        raise QError(f"clip: expecting 2-4 args, (tensors;maxnorm;normtype;groupflag), given "
                     f"{len(a)}")
    o = _object(ctx, a[0], "clip")
    mx = a[1]
    if not isinstance(mx, (np.integer, np.floating)) or isinstance(mx, np.bool_):
        raise QError(f"clip: max norm expected as a number, given {kname(mx)}")
    p, group = 2.0, False
    for v in a[2:]:
        if isinstance(v, np.bool_):
            group = bool(v)
        else:
            p = _norm_type("clip", v)
    groups = _groups(o) if group else [[t for g in _groups(o) for t in g]]
    norms = []
    try:
        for ts in groups:
            ts = [t for t in ts if t.grad is not None]
            n = torch.nn.utils.clip_grad_norm_(ts, float(mx), norm_type=p) if ts else 0.0
            norms.append(float(n))
    except TORCH_ERRORS as err:
        raise torch_error(err, "clip") from None
    if group:
        return np.array(norms, dtype=np.float64)
    return np.float64(norms[0])


def clipv_fn(ctx, x):
    """clipv(x;v): clip every gradient to [-v, v]."""
    a = args_of(x)
    if len(a) != 2:
        raise QError(f"clipv: expecting 2 args, (tensors;value), given {len(a)}")
    o = _object(ctx, a[0], "clipv")
    v = a[1]
    if not isinstance(v, (np.integer, np.floating)) or isinstance(v, np.bool_):
        raise QError(f"clipv: value expected as a number, given {kname(v)}")
    ts = [t for g in _groups(o) for t in g if t.grad is not None]
    if ts:
        torch.nn.utils.clip_grad_value_(ts, float(v))
    return np.float64(math.nan)


# ---------------------------------------------------------------------------------------------
# freeze / unfreeze: parameters stop (start) taking gradients, optionally given new values

def _named(ctx, x, who) -> dict:
    """name -> tensor of a module's or model's parameters, or of a dictionary's tensors."""
    e = get_handle(ctx, x, "module", "model", "dictionary", who=who)
    if e.cls == "dictionary":
        return dict(e.obj.items())
    m = e.obj.module if isinstance(e.obj, Model) else e.obj
    return dict(m.named_parameters())


def _values(ctx, v, n, who) -> list:
    """n new values: one tensor or k array for one name; a vector or a list for several."""
    if n == 1:
        if isinstance(v, list) and not is_tensor(ctx, v) and \
                not all(isinstance(a, np.ndarray) for a in v):
            raise QError(f"{who}: given single parameter name, expected single tensor or array "
                         f"value, given {kname(v)}")
        return [input_tensor(ctx, v, who)[0]]
    e = ctx.registry.entry(v) if ctx.registry.has(v) else None
    if e is not None and e.cls != "vector":
        raise QError(f"{who}: given parameter list, expected vector of tensor values, given "
                     f"{e.cls}")
    vals = list(e.obj.tensors) if e is not None else _tensors_of(ctx, v, who)
    if len(vals) != n:
        raise QError(f"{who}: {n}-element list of names but {len(vals)}-element list of values")
    return vals


def _set(who, params: dict, names: list, values: list | None, grad: bool) -> None:
    """Check every name (and value's size) first, then set the flags and copy the values."""
    for i, k in enumerate(names):
        if k not in params:
            raise QError(f"{who}: unable to find parameter `{k}")
        if values is not None:
            t, v = params[k], values[i]
            try:
                ok = torch.broadcast_shapes(t.shape, v.shape) == t.shape
            except RuntimeError:
                ok = False
            if not ok:
                raise QError(f"{who}: size mismatch for parameter `{k}, size is {list(t.shape)} "
                             f"vs new size of {list(v.shape)}")
    try:
        with torch.no_grad():
            for i, k in enumerate(names):
                params[k].requires_grad_(grad)
                if values is not None:
                    params[k].copy_(values[i])
    except TORCH_ERRORS as err:
        raise torch_error(err, who) from None


def _freeze(grad: bool):
    who = "unfreeze" if grad else "freeze"

    def f(ctx, x):
        if ctx.registry.has(x):
            o = get_handle(ctx, x, "tensor", "vector", "dictionary", "module", "model",
                           who=who).obj
            if isinstance(o, Model):
                o = o.module
            ts = list(o.parameters()) if isinstance(o, nn.Module) else [t for g in _groups(o)
                                                                          for t in g]
            _set(who, {i: t for i, t in enumerate(ts)}, list(range(len(ts))), None, grad)
            return None
        if not isinstance(x, list):
            raise QError(f"{who}: not implemented for {kname(x)}")
        if not 1 < len(x) < 4:
            raise QError(f"{who}: expecting 2-3 args, (module;names;values), {len(x)} given")
        if not (ctx.registry.has(x[0]) and ctx.registry.entry(x[0]).cls in
                ("module", "model", "dictionary")):
            raise QError(f"{who}: expecting 1st arg of module,model or parameter dictionary, "
                         f"given {kname(x[0])}")
        params = _named(ctx, x[0], who)
        names = x[1]
        if isinstance(names, str) or (isinstance(names, np.ndarray) and names.dtype == object):
            names = [names] if isinstance(names, str) else list(names)
            values = None if len(x) == 2 else _values(ctx, x[2], len(names), who)
            if len(x) == 3 and isinstance(x[1], str) and len(values) != 1:
                raise QError(f"{who}: given single parameter name, expected single tensor")
            _set(who, params, names, values, grad)
            return None
        if len(x) != 2:
            raise QError(f"{who}: expecting 2nd arg of dictionary, but given {len(x)} args")
        if isinstance(names, QDict):
            keys = list(names.keys) if not isinstance(names.keys, np.ndarray) else \
                [str(k) for k in names.keys]
            vals = [input_tensor(ctx, v, who)[0] for v in
                    (names.values if isinstance(names.values, list) else list(names.values))]
            _set(who, params, keys, vals, grad)
            return None
        if ctx.registry.has(names) and ctx.registry.entry(names).cls == "dictionary":
            d = ctx.registry.entry(names).obj
            _set(who, params, list(d.keys()), list(d.values()), grad)
            return None
        raise QError(f"{who}: unrecognized 2nd arg, {kname(names)}")
    f.__name__ = f"k_{who}"
    return f


define("freeze", monad=_freeze(False), ctx=True,
       doc="freeze x | freeze(m;names) | freeze(m;names;values) | freeze(m;d)  stop parameters "
           "taking gradients (all of x's, or those named), setting new values if given")
define("unfreeze", monad=_freeze(True), ctx=True,
       doc="unfreeze x | unfreeze(m;names) | unfreeze(m;names;values) | unfreeze(m;d)  let "
           "parameters take gradients again, setting new values if given")
define("zerograd", monad=_reset(False), ctx=True,
       doc="zerograd x  set the gradients of a tensor, vector, dictionary, module, optimizer or "
           "model to zero")
define("nograd", monad=_reset(True), ctx=True,
       doc="nograd x  release the gradients of a tensor, vector, dictionary, module, optimizer "
           "or model (they read as ::)")
define("clip", monad=clip_fn, ctx=True,
       doc="clip(x;max) | clip(x;max;p) | clip(x;max;groupflag)  clip the gradients' norm to "
           "max (over all, or per optimizer group); the norm(s) before")
define("clipv", monad=clipv_fn, ctx=True,
       doc="clipv(x;v)  clip each gradient to [-v, v]; returns 0n")
