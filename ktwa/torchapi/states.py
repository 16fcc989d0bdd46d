"""`state`: everything needed to rebuild an object - a module's definition with its
parameters and buffers, a loss's definition, an optimizer's options, parameters and buffers, a
model's parts and settings. `module`, `opt` and `model` rebuild from what it returns."""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.functions import Definitions
from .calls import args_of
from .convert import kname
from .handles import get_handle
from .losses import loss_definition
from .models import model_state
from .modules import definition
from .optimizers import optimizer_state
from .state import alloptions

define = Definitions()


def state_fn(ctx, x):
    """state x | state(x;flag): the full state (all options, or only non-default ones)."""
    a = args_of(x)
    if not a or len(a) > 2:
        raise QError(f"state: expecting object or (object;flag), given {len(a)} args")
    flag = alloptions(ctx)
    if len(a) == 2:
        if not isinstance(a[1], np.bool_):
            raise QError(f"state: expecting boolean flag for 2nd arg, given {kname(a[1])}")
        flag = bool(a[1])
    e = get_handle(ctx, a[0], "module", "loss", "optimizer", "model", who="state")
    if e.cls == "module":
        return definition(e.obj, flag, with_state=True)
    if e.cls == "loss":
        return loss_definition(e.obj, flag)
    if e.cls == "optimizer":
        return optimizer_state(e.obj, flag)
    return model_state(e.obj, flag)


define("state", monad=state_fn, ctx=True,
       doc="state x | state(x;flag)  the full state of a module (definition, parameters, "
           "buffers), loss, optimizer or model; `module`/`opt`/`model` rebuild from it")
