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
from .calls import TORCH_ERRORS, args_of, torch_error
from .convert import kname
from .handles import get_handle
from .objects import Model, Optimizer, TensorVector

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
