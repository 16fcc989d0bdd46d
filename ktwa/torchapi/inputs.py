"""k arguments as model inputs and targets: what forward, loss, train and test accept in place
of a tensor (ktorch's modelarg): a tensor, vector or dictionary handle, a k array (made into a
tensor on the given device), a (vector;indices) or (dictionary;keys) pair selecting some of its
tensors, or a general list of any of these, merged into one tensor, a list or a dictionary."""
from __future__ import annotations

from collections import OrderedDict

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.types import SYM, is_syms, qtype
from .convert import kname, to_tensor
from .handles import get_handle


def _is_array(x) -> bool:
    """A k value that makes one tensor: an atom or simple list of a tensor type, or a list of
    such lists of one type and count (ktorch's test for an array)."""
    if isinstance(x, np.ndarray):
        return x.dtype != object and x.dtype != SYM
    if isinstance(x, np.generic):
        return not isinstance(x, np.str_)
    if type(x) is list and x and not is_handle(x):
        t, n = qtype(x[0]), _count(x[0])
        return all(qtype(y) == t and _count(y) == n and _is_array(y) for y in x)
    return False


def _count(x):
    return len(x) if isinstance(x, (list, np.ndarray)) else -1


class _Input:
    """Inputs (or targets) as they are given: merged into one tensor, a list, or a dict."""

    def __init__(self, who):
        self.who, self.v = who, None

    def tensor(self, t):
        if self.v is None:
            self.v = t
        elif isinstance(self.v, torch.Tensor):
            self.v = [self.v, t]
        elif isinstance(self.v, list):
            self.v.append(t)
        else:
            raise QError(f"{self.who}: unable to merge tensor with previously specified "
                         "dictionary")

    def vector(self, ts):
        if isinstance(self.v, OrderedDict):
            raise QError(f"{self.who}: unable to merge dictionary with previously specified "
                         "tensor(s)")
        cur = [] if self.v is None else [self.v] if isinstance(self.v, torch.Tensor) else self.v
        self.v = cur + list(ts)

    def dict(self, items):
        if self.v is None:
            self.v = OrderedDict(items)
        elif isinstance(self.v, OrderedDict):
            self.v.update(items)
        else:
            raise QError(f"{self.who}: unable to merge dictionary with previously specified "
                         "tensor(s)")


def _add(ctx, x, into: _Input, dev) -> None:
    who = into.who
    if is_handle(x):
        e = get_handle(ctx, x, "tensor", "vector", "dictionary", who=who)
        if e.cls == "tensor":
            into.tensor(e.obj.to(dev) if dev is not None else e.obj)
        elif e.cls == "vector":
            into.vector([t.to(dev) if dev is not None else t for t in e.obj.tensors])
        else:
            into.dict([(k, t.to(dev) if dev is not None else t) for k, t in e.obj.items()])
        return
    if _is_array(x):
        into.tensor(to_tensor(x, device=dev))
        return
    if type(x) is list and len(x) == 2 and is_handle(x[0]) and not is_handle(x[1]) and \
            ctx.registry.entry(x[0]).cls in ("vector", "dictionary"):
        e = get_handle(ctx, x[0], "vector", "dictionary", who=who)
        sel = x[1]
        if e.cls == "vector":
            ix = np.atleast_1d(sel)
            if not (isinstance(sel, (np.integer, np.ndarray)) and ix.dtype.kind == "i"):
                raise QError(f"{who}: vector paired with {kname(sel)} expecting long index or "
                             "indices")
            m = len(e.obj.tensors)
            for i in ix.tolist():
                if not -1 < i < m:
                    raise QError(f"{who}: vector[{i}] invalid for {m}-element vector")
                t = e.obj.tensors[i]
                into.tensor(t.to(dev) if dev is not None else t)
        else:
            if not (isinstance(sel, str) or is_syms(sel)):
                raise QError(f"{who}: dictionary paired with {kname(sel)} expecting symbol "
                             "key(s)")
            for k in [sel] if isinstance(sel, str) else list(sel):
                if k not in e.obj:
                    raise QError(f"dictionary key: `{k} not found")
                t = e.obj[k]
                into.tensor(t.to(dev) if dev is not None else t)
        return
    if type(x) is not list:
        raise QError(f"{who}: unrecognized arg, {kname(x)}")
    for y in x:
        _add(ctx, y, into, dev)


def input_value(ctx, args: list, who: str, dev):
    """One input (or target) from the args of a call: a tensor, a list or a dictionary."""
    into = _Input(who)
    for a in args:
        _add(ctx, a, into, dev)
    return into.v


def tensors(v) -> list:
    """The tensors of inputs/targets, in order."""
    if v is None:
        return []
    if isinstance(v, torch.Tensor):
        return [v]
    if isinstance(v, OrderedDict):
        return list(v.values())
    return list(v)


inputs = tensors          # a batch's inputs as forward's positional args
