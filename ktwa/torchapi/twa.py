"""TWA as handles (class `twa`, docs/averaging.md): `twa` makes a snapshot collector over a
module's parameters or shows what it holds; `subspace` builds the basis of the snapshots, sets
the module to their mean and makes the optimizer train inside their span. The snapshots, basis
and projection are ktwa.averaging.twa's."""
from __future__ import annotations

import numpy as np

from ..averaging.grouping import unflatten_into
from ..averaging.twa import Twa, project_grads_
from ..errors import QError
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, args_of, options, torch_error
from .collectors import Layout, flat_dtype, module_params
from .convert import to_k
from .handles import MODULE_CLASSES, entry_module, get_handle
from .interrupts import uninterrupted
from .objects import Model, Optimizer
from .swag import info_k

define = Definitions()


class TwaState:
    """A Twa kernel over a parameter layout, with the basis and mean last built from it and the
    gradient projection hook that keeps an optimizer in their span."""

    def __init__(self, layout: Layout, twa: Twa):
        self.layout = layout
        self.twa = twa
        self.P = None          # (k, D) orthonormal rows, in the snapshots' dtype
        self.mean = None
        self.hook = None       # (torch hook handle, optimizer)

    leader_only = False    # several ranks: every rank collects (collectors.collect)

    def collect(self, tensors) -> int:
        return self.twa.collect(tensors)

    def close(self) -> None:
        """Freeing the last handle removes the gradient projection from the optimizer."""
        self.unhook()

    def tensors(self) -> list:
        """What it holds (for obj[], elements, bytes): snapshots, basis and mean."""
        return [t for t in (*self.twa.snaps, self.P, self.mean) if t is not None]

    def unhook(self):
        if self.hook is not None:
            self.hook[0].remove()
            self.hook = None


_TWA_TABLE = [("keep", 0, "long>=0")]
_SUBSPACE_TABLE = [("centered", False, "bool"), ("rtol", None, "float>=0")]


def new_twa(named, keep=0, dtype=None) -> TwaState:
    return TwaState(Layout(named), Twa(dtype or flat_dtype(named), keep))


def twa(ctx, x):
    """twa m | twa(m;keep) -> twa handle collecting snapshots of m's parameters (keep the last
    `keep`, 0 = all); twa t -> info; twa(t;`basis|`snapshots|`mean) -> k values."""
    a = args_of(x)
    if not a:
        raise QError("twa: expecting module, model or optimizer, or twa")
    e = get_handle(ctx, a[0], *MODULE_CLASSES, "twa", who="twa")
    if e.cls == "twa":
        t = e.obj
        if len(a) == 1:
            return info_k(["n", "k", "size", "hooked"],
                          [np.int64(t.twa.n), np.int64(0 if t.P is None else t.P.shape[0]),
                           np.int64(t.layout.numel), np.bool_(t.hook is not None)])
        if len(a) == 2 and isinstance(a[1], str):
            f = a[1]
            if f == "snapshots":
                return [to_k(s) for s in t.twa.snaps]
            if f == "basis":
                return [] if t.P is None else [to_k(r) for r in t.P]
            if f == "mean":
                if not t.twa.snaps:
                    raise QError("twa: no snapshots collected")
                return to_k(t.twa.mean())
            raise QError(f"twa: unrecognized field `{f}, expecting `snapshots`basis`mean")
        raise QError("twa: expecting twa, or (twa;field)")
    m = entry_module(e, "twa")
    opt = options("twa", _TWA_TABLE, a[1:])
    return ctx.registry.new(new_twa(module_params(m, "twa"), opt["keep"]), "twa")


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
    e = get_handle(ctx, a[1], *MODULE_CLASSES, who="subspace")
    m = entry_module(e, "subspace")
    opt = options("subspace", _SUBSPACE_TABLE, a[2:])
    if not t.twa.snaps:
        raise QError("subspace: no snapshots collected")
    params = t.layout.params(m, "subspace")
    try:
        P, mean = t.twa.subspace(centered=opt["centered"], rtol=opt["rtol"])
    except TORCH_ERRORS as err:
        raise torch_error(err, "subspace") from None
    o = e.obj.optimizer if isinstance(e.obj, Model) else (
        e.obj if isinstance(e.obj, Optimizer) else None)
    uninterrupted(_use_subspace, t, params, P, mean, o)
    return np.int64(P.shape[0])


def _use_subspace(t: TwaState, params, P, mean, o) -> None:
    """Keep P and mean on t, write the mean into params and hook the optimizer o (if any) so
    that each step projects the gradients onto span(P)."""
    dev = params[0].device
    t.P = P.to(device=dev, dtype=t.twa.dtype)
    t.mean = mean.to(device=dev, dtype=t.twa.dtype)
    unflatten_into(params, t.mean)
    t.unhook()
    if o is not None:
        P_ = t.P
        for p in params:              # fresh optimizer state (as the reference's new optimizer):
            o.opt.state.pop(p, None)  # old momentum would carry the weights out of the span

        def project_hook(optimizer, args, kwargs, params=params, P=P_):
            project_grads_(params, P)

        t.hook = (o.opt.register_step_pre_hook(project_hook), o)


define("twa", monad=twa, ctx=True,
       doc="twa m | twa(m;keep) | twa t | twa(t;`basis|`snapshots|`mean)  a TWA snapshot "
           "collector over m's parameters (the last keep, 0 all); its counts; what it holds")
define("subspace", monad=subspace, ctx=True,
       doc="subspace(t;m[;centered][;rtol]) | subspace(t;`off)  basis of the snapshots, m set to "
           "their mean and its optimizer kept in their span; the basis size; remove the hook")
