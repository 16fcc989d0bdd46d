"""What a swag or twa collects: the parameter layout it was built over (names and shapes, in
module order), the tensors of a module or dictionary in that layout, and `collect`, which adds
them to the collector."""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from ..errors import QError
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, args_of, options, torch_error
from .distributed import is_leader
from .handles import entry_module, get_handle
from .interrupts import uninterrupted

define = Definitions()


class Layout:
    """The ordered parameter names and shapes a collector was built over."""

    def __init__(self, named):
        self.names = [n for n, _ in named]
        self.shapes = [tuple(t.shape) for _, t in named]
        self.numel = sum(t.numel() for _, t in named)

    _cache = None     # (module, ((slot dict, slot name, parameter, shape) ...), parameters)

    def params(self, m: nn.Module, who) -> tuple:
        """The module's parameters in layout order (checked by name and shape), as a tuple. The
        lookup is cached per module and revalidated at each call by identity (each slot still
        holds the same Parameter) and shape (a Parameter's `.data` may be replaced by one of
        another shape), so repeated collect/sample calls skip the name walk and get the same
        tuple (which a Swag takes as already verified). The check is a plain loop over one
        tuple per parameter: for a small model, half what chained map calls cost."""
        c = self._cache
        if c is not None and c[0] is m:
            for slots, key, p, shape in c[1]:
                if slots.get(key) is not p or p.shape != shape:
                    break
            else:
                return c[2]
        slots = {}
        for mname, sub in m.named_modules():
            for pname, p in sub._parameters.items():
                if p is not None:
                    slots.setdefault(f"{mname}.{pname}" if mname else pname, (sub._parameters,
                                                                              pname, p))
        checks, out = [], []
        for n, s in zip(self.names, self.shapes):
            e = slots.get(n)
            if e is None:
                raise QError(f"{who}: module has no parameter {n}")
            p = e[2]
            if tuple(p.shape) != s:
                raise QError(f"{who}: parameter {n} has shape {list(p.shape)}, expecting "
                             f"{list(s)}")
            checks.append((e[0], e[1], p, s))
            out.append(p)
        out = tuple(out)
        self._cache = (m, tuple(checks), out)
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


def flat_dtype(named) -> torch.dtype:
    """The dtype a collector keeps flat weights in: float32, or wider if a parameter is."""
    dt = torch.float32
    for _, t in named:
        if t.dtype.is_floating_point:
            dt = torch.promote_types(dt, t.dtype)
    return dt


def module_params(m: nn.Module, who: str) -> list:
    """(name, parameter) of a module a collector is built over (it must have some)."""
    named = list(m.named_parameters())
    if not named:
        raise QError(f"{who}: module has no parameters")
    return named


_COLLECT_TABLE = [("all", False, "bool")]


def collect(ctx, x):
    """collect(s;m) / collect(t;m): add the current parameters of module/model/optimizer m (or
    the same-named tensors of dictionary p) to a swag or twa; returns the count collected.

    In a world of several ranks a swag collects on rank 0 only (the ranks of a ddp model hold
    the same weights; one copy of the deviations is enough), unless collect(s;m;`all); the other
    ranks' swags stay as they are. A twa collects everywhere: every rank projects its gradients
    onto the subspace."""
    a = args_of(x)
    n = len(a)
    if n != 2 and n != 3:
        raise QError("collect: expecting swag or twa, and module/model/optimizer or dictionary")
    st = get_handle(ctx, a[0], "swag", "twa", who="collect").obj
    everywhere = n == 3 and options("collect", _COLLECT_TABLE, a[2:])["all"]
    src = st.layout.source(ctx, a[1], "collect")
    if st.leader_only and not everywhere and not is_leader():
        return np.int64(st.count())
    try:
        return np.int64(uninterrupted(st.collect, src))
    except TORCH_ERRORS as err:
        raise torch_error(err, "collect") from None


define("collect", monad=collect, ctx=True,
       doc="collect(s;m) | collect(t;m) | collect(s;m;`all)  add m's current parameters (or a "
           "dictionary's tensors of the same names) to a swag (on rank 0 only of several, unless "
           "`all) or twa; the count collected")
