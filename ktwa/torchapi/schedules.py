"""The SWA learning-rate schedule as a handle (class `scheduler`): `swalr` makes one over an
optimizer, steps it one epoch, or shows its state. The schedule itself is
ktwa.averaging.swalr.SwaLR (torch's SWALR arithmetic)."""
from __future__ import annotations

import numpy as np

from ..averaging.swalr import SwaLR
from ..errors import QError
from ..values.types import QDict, syms
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, args_of, options, torch_error
from .handles import get_handle
from .interrupts import uninterrupted
from .objects import Model, Optimizer

define = Definitions()


class Scheduler:
    """A SwaLR bound to an optimizer (a ktwa Optimizer, possibly owned by a model)."""

    def __init__(self, sched: SwaLR, optimizer: Optimizer):
        self.sched = sched
        self.optimizer = optimizer

    def lrs(self):
        return [float(g["lr"]) for g in self.optimizer.opt.param_groups]


_SWALR_TABLE = [("lr", None, "floats>=0"), ("epochs", 10, "long>=0"), ("anneal", "cos", "sym")]


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
            try:
                uninterrupted(s.sched.step)
            except TORCH_ERRORS as err:
                raise torch_error(err, "swalr") from None
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
        raise torch_error(err, "swalr") from None
    return ctx.registry.new(Scheduler(sched, o), "scheduler")


define("swalr", monad=swalr, ctx=True,
       doc="swalr(o;lr[;epochs][;anneal]) | swalr s | swalr(s;`state)  an SWA learning-rate "
           "schedule over a model's or optimizer's rates; step it one epoch; its state")
