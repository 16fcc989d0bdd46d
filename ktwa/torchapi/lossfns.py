"""Loss functions called directly (ktorch's functional losses): ce mse l1 nll smoothl1 huber ...
on inputs and targets, with the loss's options after them, and bce bcelogit1 bcelogit2 with
optional batch weights.

f(x;y) | f(x;y;options..): x and y are tensors or k data; the options are those of the loss
module of the same name (`loss(`ce;..)`, losses.LOSSES: first positionally, then by name), and
a symbol last is the reduction (`sum`, `none`, `mean`). The result is a tensor when an input is
a tensor (so `backward` can run from it), else k data. Every loss kind that losses.py defines
and ktorch calls functionally gets its function here.
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

from ..errors import QError
from ..registry import is_handle
from ..values.functions import Definitions
from ..values.types import QDict, syms
from .calls import TORCH_ERRORS, options, torch_error
from .convert import kname, to_tensor
from .losses import LOSSES, build_loss, loss_options
from .tensorops import input_tensor, result

define = Definitions()

# ktorch's functional losses of their module's inputs (an input and a target for most; the
# embedding and ranking losses take two inputs and a target, triplet three inputs, ctc the
# input, target and both lengths)
_FUNCTIONAL = ("ce", "cosineloss", "ctc", "hinge", "huber", "kl", "l1", "margin", "mse",
               "multilabel", "multimargin", "multisoft", "nll", "poissonloss", "smoothl1",
               "softmargin", "triplet")


def _reduce_last(items: list) -> list:
    """A symbol as the last option is the reduction mode (ktorch reads it so in any position
    after the options it gives positionally)."""
    if items and isinstance(items[-1], str):
        return items[:-1] + [syms(["reduce", items[-1]])]
    return items


def _inputs(ctx, x, who, n):
    """(tensors, any given as a handle, options) of (input;target[;weights];options..), or of a
    simple list of n values."""
    if isinstance(x, np.ndarray) and x.dtype != object:
        if len(x) != n:
            raise QError(f"{who}: loss expects {n}-element arg of input & target, {len(x)} "
                         f"value(s) given")
        a = to_tensor(x)
        return [a[i] for i in range(n)], False, []
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"{who}: not implemented for {kname(x)}")
    if len(x) < n:
        raise QError(f"{who}: expects at least {n} args, {len(x)} given")
    ts, p = [], False
    for v in x[:n]:
        t, h = input_tensor(ctx, v, who)
        ts.append(t)
        p = p or h
    return ts, p, list(x[n:])


def _call(fn, *args):
    try:
        return fn(*args)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None


def _loss(name: str):
    n = LOSSES[name].n

    def f(ctx, x):
        ts, p, rest = _inputs(ctx, x, name, n)
        return result(ctx, p, _call(build_loss(name, loss_options(name, rest)), *ts))
    f.__name__ = f"k_{name}"
    return f


def _is_option(v) -> bool:
    """bce's 3rd arg is an option (reduction symbol(s), empty, a dictionary), not weights."""
    return isinstance(v, str) or (isinstance(v, np.ndarray) and v.dtype == object) or \
        v is None or (isinstance(v, list) and not v) or isinstance(v, QDict)


_REDUCE = [("reduce", "mean", "sym")]
_CLASSWT = [("weight", None, "weights"), ("reduce", "mean", "sym")]


def _reduction(who, o) -> str:
    r = o["reduce"]
    if r not in ("none", "mean", "sum"):
        raise QError(f"{who} reduce:{r} is not one of none,mean,sum")
    return r


def k_bce(ctx, x):
    """bce(x;y) | bce(x;y;w) | bce(x;y;[w;]`reduce): binary cross entropy, with batch weights."""
    three = isinstance(x, list) and not is_handle(x) and len(x) > 2 and not _is_option(x[2])
    if isinstance(x, np.ndarray) and x.dtype != object:
        if not 1 < len(x) < 4:
            raise QError("bce: unrecognized args, expecting 2-3 elements for input,target,"
                         "optional weight")
        a = to_tensor(x)
        ts, p, rest = [a[i] for i in range(len(x))], False, []
    else:
        ts, p, rest = _inputs(ctx, x, "bce", 3 if three else 2)
    o = options("bce", _REDUCE, _reduce_last(rest))
    w = ts[2] if len(ts) == 3 else None
    return result(ctx, p, _call(F.binary_cross_entropy, ts[0], ts[1], w, None, None,
                                _reduction("bce", o)))


def _bcelogits(who: str, batch: bool):
    def f(ctx, x):
        n = 3 if batch else 2
        if isinstance(x, list) and not is_handle(x) and len(x) < n:
            raise QError(f"{who} expects at least {n} args, input" +
                         (", target & batch weights" if batch else " & target"))
        ts, p, rest = _inputs(ctx, x, who, n)
        o = options(who, _CLASSWT, _reduce_last(rest))
        pos = None if o["weight"] is None else torch.tensor(o["weight"], dtype=ts[0].dtype)
        return result(ctx, p, _call(F.binary_cross_entropy_with_logits, ts[0], ts[1],
                                    ts[2] if batch else None, None, None,
                                    _reduction(who, o), pos))
    f.__name__ = f"k_{who}"
    return f


for _name in _FUNCTIONAL:
    _args = {"triplet": "a;p;n", "ctc": "x;y;nx;ny"}.get(
        _name, "x;y" if LOSSES[_name].n == 2 else "x1;x2;y")
    define(_name, monad=_loss(_name), ctx=True,
           doc=f"{_name}({_args}) | {_name}({_args};options..)  the {_name} loss of its inputs "
               f"and target (options as loss(`{_name};..), a last symbol the reduction)")
define("bce", monad=k_bce, ctx=True,
       doc="bce(x;y) | bce(x;y;w) | bce(x;y;[w;]`reduce)  binary cross entropy of probabilities x "
           "and targets y (w: batch weights)")
define("bcelogit1", monad=_bcelogits("bcelogit1", False), ctx=True,
       doc="bcelogit1(x;y) | bcelogit1(x;y;posweight;`reduce)  binary cross entropy of logits x "
           "and targets y (posweight: weights of positive examples per class)")
define("bcelogit2", monad=_bcelogits("bcelogit2", True), ctx=True,
       doc="bcelogit2(x;y;w) | bcelogit2(x;y;w;posweight;`reduce)  binary cross entropy of "
           "logits with batch weights w")
