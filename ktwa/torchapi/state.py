"""What one Session's ktorch api remembers between calls: the default dtype and the flags that
`dtype` and `setting` change. Kept on the session's registry, so two Sessions never share it."""
from __future__ import annotations

import torch


class KtorchState:
    def __init__(self):
        self.dtype = torch.float32
        self.settings = {"stackframe": False, "alloptions": True, "complexfirst": True}


def state(ctx) -> KtorchState:
    """The session's state, made on first use (Session.install calls this once)."""
    reg = ctx.registry
    s = getattr(reg, "_ktorch_state", None)
    if s is None:
        s = KtorchState()
        reg._ktorch_state = s
    return s


def default_dtype(ctx) -> torch.dtype:
    """The session's default floating dtype (`dtype[]`; `float` unless set by dtype`double)."""
    return state(ctx).dtype


def session_settings(ctx) -> dict:
    """Session-level ktorch flags: stackframe, alloptions, complexfirst (Python bools)."""
    return state(ctx).settings
