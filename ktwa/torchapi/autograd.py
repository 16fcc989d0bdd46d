"""Autograd from q (ktorch's gradient functions): gradflag grad detach.

Tensors made with the `grad option (`tensor(x;`grad)`) or switched on with `gradflag(t;1b)`
record the operations of the math functions on them (tensormath: `mul`, `mean` ...); `backward`
runs back over that graph and `grad` reads what it left on the leaves. `detach` cuts a tensor
(each tensor of a vector or dictionary) out of its graph. `backward` (of a tensor or a model)
lives in epochs, `nograd` and `zerograd` in grads, `kforward` in forward.
"""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.functions import Definitions
from ..values.types import QDict, syms
from .calls import TORCH_ERRORS, torch_error
from .convert import kname
from .handles import get_handle
from .info import attribute
from .objects import Model
from .tensorops import _flag, _long, _longs, is_tensor, k_of, sym_list

define = Definitions()


def _enlisted(x):
    return isinstance(x, list) and len(x) == 1 and is_handle(x[0])


# ---------------------------------------------------------------------------------------------
# grad: a tensor's gradient as k data (null if none), or as a tensor (`grad enlist t`)

def k_grad(ctx, x):
    if _enlisted(x) and is_tensor(ctx, x[0]):
        t = ctx.registry.entry(x[0]).obj
        if t is None or t.grad is None:
            raise QError("no gradient defined")
        return ctx.registry.new(t.grad, "tensor")
    if not is_handle(x):
        raise QError("unexpected arg(s) for gradient, expecting tensor (enlist to return "
                     "gradient ptr)")
    e = get_handle(ctx, x, "tensor", "vector", "dictionary", who="grad")

    def g(t):
        return None if t is None or t.grad is None else k_of(ctx, t.grad)
    if e.cls == "tensor":
        return g(e.obj)
    if e.cls == "vector":
        return [g(t) for t in e.obj.tensors]
    return QDict(syms(e.obj.keys()), [g(t) for t in e.obj.values()])


# ---------------------------------------------------------------------------------------------
# gradflag: read or set requires_grad

def _set_flags(who, ts, b: bool) -> None:
    """Set requires_grad on every tensor, or on none: integer tensors cannot require gradients,
    and a failed call changes nothing."""
    if b:
        for t in ts:
            if not (t.is_floating_point() or t.is_complex()):
                raise QError("only Tensors of floating point and complex dtype can require "
                             "gradients")
            if not t.is_leaf:
                raise QError("you can only change requires_grad flags of leaf variables.")
    for t in ts:
        t.requires_grad_(b)


def k_gradflag(ctx, x):
    reg = ctx.registry
    h = x if is_handle(x) else (x[0] if isinstance(x, list) and x and is_handle(x[0]) else None)
    if h is None:
        raise QError("gradflag: unrecognized arg(s), expecting tensor/vector/dictionary or "
                     "(object;flag) or (dict/vec;keys/inds) or (dict/vec;keys/inds;flag)")
    e = reg.entry(h)
    if h is x:
        return attribute(ctx, x, "gradflag")
    n = len(x)
    if n == 2 and _flag(x[1]):
        b = bool(x[1])
        if e.cls == "tensor":
            ts = [] if e.obj is None else [e.obj]
        elif e.cls == "vector":
            ts = e.obj.tensors
        elif e.cls == "dictionary":
            ts = e.obj.values()
        elif e.cls in ("module", "model"):
            m = e.obj.module if isinstance(e.obj, Model) else e.obj
            ts = list(m.parameters())
        else:
            raise QError(f"gradflag: not implemented for {e.cls}")
        _set_flags("gradflag", ts, b)
        return None
    keys = sym_list(x[1]) if n in (2, 3) else None
    if keys is not None and (n == 2 or _flag(x[2])):
        if e.cls != "dictionary":
            raise QError(f"gradflag: 2nd arg of key(s) not valid with {e.cls}")
        d = e.obj
        for k in keys:
            if k not in d:
                raise QError(f"gradflag: dict[`{k}] not found")
        if n == 2:
            if isinstance(x[1], str):
                return np.bool_(d[x[1]].requires_grad)
            return QDict(syms(keys), np.array([d[k].requires_grad for k in keys], dtype=bool))
        _set_flags("gradflag", [d[k] for k in keys], bool(x[2]))
        return None
    idx = _longs(x[1]) if n in (2, 3) else None
    if idx is not None and (n == 2 or _flag(x[2])):
        if e.cls != "vector":
            raise QError(f"gradflag: 2nd arg of index/indices not valid with {e.cls}")
        v = e.obj.tensors
        for j in idx:
            if not -1 < j < len(v):
                raise QError(f"gradflag: vector[{j}] invalid for {len(v)}-element vector")
        if n == 2:
            if _long(x[1]):
                return np.bool_(v[idx[0]].requires_grad)
            return np.array([v[j].requires_grad for j in idx], dtype=bool)
        _set_flags("gradflag", [v[j] for j in idx], bool(x[2]))
        return None
    raise QError("gradflag: unrecognized arg(s), expecting tensor/vector/dictionary or "
                 "(object;flag) or (dict/vec;keys/inds) or (dict/vec;keys/inds;flag)")


# ---------------------------------------------------------------------------------------------
# detach

def k_detach(ctx, x):
    reg = ctx.registry
    whole = is_handle(x)
    h = x if whole else (x[0] if isinstance(x, list) and x and is_handle(x[0]) else None)
    if h is None:
        raise QError("detach: expecting tensor, vector or dictionary")
    e = reg.entry(h)
    if e.cls == "tensor":
        if not (whole or (len(x) == 2 and _flag(x[1]))):
            raise QError("detach: expecting tensor or (tensor; inplace flag)")
        t = e.obj
        if not whole and bool(x[1]):
            if t is not None:
                _detach_(t)
            return None
        return reg.new(None if t is None else t.detach(), "tensor")
    if e.cls == "vector":
        v = e.obj.tensors
        if whole:
            ts = list(v)
        else:
            if len(x) != 2:
                raise QError(f"detach: vector supplied, but unexpected number of additional "
                             f"args({len(x) - 1})")
            idx = _longs(x[1])
            if idx is None:
                raise QError(f"detach: vector supplied, expected 2nd arg of indices, given "
                             f"{kname(x[1])}")
            for j in idx:
                if not -1 < j < len(v):
                    raise QError(f"detach: vector[{j}] out of bounds")
            ts = [v[j] for j in idx]
        for t in ts:
            _detach_(t)
        return None
    if e.cls == "dictionary":
        d = e.obj
        if whole:
            ts = d.values()
        else:
            if len(x) != 2:
                raise QError(f"detach: dictionary supplied, but unexpected number of additional "
                             f"args({len(x) - 1})")
            keys = sym_list(x[1])
            if keys is None:
                raise QError(f"detach: dictionary supplied, expected 2nd arg of key(s), given "
                             f"{kname(x[1])}")
            for k in keys:
                if k not in d:
                    raise QError(f"detach: dictionary[`{k}] not found")
            ts = [d[k] for k in keys]
        for t in ts:
            _detach_(t)
        return None
    raise QError(f"detach: not implemented for {e.cls}")


def _detach_(t: torch.Tensor) -> None:
    try:
        t.detach_()
    except TORCH_ERRORS as err:
        raise torch_error(err, "detach") from None


define("grad", monad=k_grad, ctx=True,
       doc="grad t | grad enlist t  a tensor's gradient as k data (null if none; each tensor's "
           "for a vector or dictionary), or as a new tensor")
define("gradflag", monad=k_gradflag, ctx=True,
       doc="gradflag p | gradflag(p;flag) | gradflag(d;keys[;flag]) | gradflag(v;inds[;flag])  "
           "1b where tensors require gradients; switch it for tensors or a module's parameters")
define("detach", monad=k_detach, ctx=True,
       doc="detach t | detach(t;1b) | detach v | detach(v;inds) | detach(d;keys)  a new tensor "
           "sharing t's data without gradient history; detach in place")
