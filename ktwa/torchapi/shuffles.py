"""`shuffle` and `unshuffle` (ktorch's training page): reorder rows at random - of a tensor,
of the tensors of a vector or dictionary (all by one permutation), or of a model's training
data, whose first order `unshuffle` puts back. A batched tensor is whole again first."""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..values.functions import Definitions
from .calls import args_of
from .convert import kname
from .handles import get_handle
from .models import shuffle_data, tensors, unshuffle_data
from .objects import Model, TensorVector
from .state import generator_for
from .tensors import k_restore

define = Definitions()


def shuffle_fn(ctx, x):
    """shuffle t|v|d|m | shuffle(t;dim): reorder rows (along dim) by one random permutation."""
    a = args_of(x)
    if not 1 <= len(a) <= 2:
        raise QError(f"shuffle: expecting 1-2 args, tensor/vector/dictionary/model & optional "
                     f"dimension, but given {len(a)} args")
    dim = 0
    if len(a) == 2:
        if not isinstance(a[1], np.integer) or isinstance(a[1], np.bool_):
            raise QError(f"shuffle: 2nd arg is dimension, but given {kname(a[1])}")
        dim = int(a[1])
    e = get_handle(ctx, a[0], "tensor", "vector", "dictionary", "model", who="shuffle")
    o = e.obj
    if isinstance(o, Model):
        if dim:
            raise QError(f"shuffle: model data is only batched on dimension 0, but given "
                         f"dimension {dim}")
        d = o.train_data
        if d is not None:
            d.batch = None
            shuffle_data(ctx, d, generator_for(ctx, tensors(d.x)[0].device))
        return None
    if e.attrs.get("full") is not None:      # batched: whole again first
        k_restore(ctx, a[0])
        o = e.obj
    ts = [o] if isinstance(o, torch.Tensor) else (o.tensors if isinstance(o, TensorVector)
                                                  else o.values())
    if not ts:
        return None
    if not -ts[0].dim() <= dim < ts[0].dim():
        raise QError(f"shuffle: dimension {dim} out of range for {ts[0].dim()}-d tensor")
    n = ts[0].shape[dim]
    for t in ts:
        if t.shape[dim] != n:
            raise QError(f"shuffle: size mismatch, {n} vs {t.shape[dim]} along dimension {dim}")
    p = torch.randperm(n, generator=generator_for(ctx, ts[0].device), device=ts[0].device)
    with torch.no_grad():
        for t in ts:
            t.copy_(t.index_select(dim, p.to(t.device)))
    return None


def unshuffle_fn(ctx, x):
    """unshuffle m: the model's training data back in its first order."""
    e = get_handle(ctx, x, "model", who="unshuffle")
    d = e.obj.train_data
    if d is not None:
        d.batch = None
        unshuffle_data(d)
    return None


define("shuffle", monad=shuffle_fn, ctx=True,
       doc="shuffle x | shuffle(x;dim)  reorder the rows of a tensor, vector or dictionary (all "
           "by one permutation), or of a model's training data")
define("unshuffle", monad=unshuffle_fn, ctx=True,
       doc="unshuffle m  put a model's shuffled training data back in its first order")
