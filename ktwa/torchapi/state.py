"""What one Session's ktorch api remembers between calls: the default dtype, the flags that
`dtype` and `setting` change, and its random numbers. Kept on the session's registry, so two
Sessions never share it.

Random numbers: each session owns a torch generator (`seed` sets it, `seed[]` shows its seed).
Every random call in the api passes it (`generator_for`); code that can only draw from torch's
global generator - a module's initial weights, dropout in a forward pass, a shuffle inside an
epoch - runs inside `session_rng`, which lends the session's state to the global generator for
the length of the call (under a lock, so two sessions in two threads do not mix their draws)
and takes it back afterwards. A fresh session starts where a fresh torch process does.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager

import torch

_GLOBAL_RNG = threading.RLock()     # held while a session's state is in the global generator


class KtorchState:
    def __init__(self):
        self.dtype = torch.float32
        self.settings = {"stackframe": False, "alloptions": True, "complexfirst": True}
        self.generator = torch.Generator()          # CPU
        self.device_generators: dict = {}           # torch.device -> Generator (cuda, mps)
        self.lent = False                            # inside session_rng (see generator_for)


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


def alloptions(ctx) -> bool:
    """Whether definitions show every option or only those that differ from the defaults
    (`setting`alloptions), when a call does not say."""
    return bool(state(ctx).settings.get("alloptions", True))


def seed(ctx, n: int) -> None:
    """Seed the session's generators (the CPU one and any made for a device)."""
    st = state(ctx)
    st.generator.manual_seed(n)
    for g in st.device_generators.values():
        g.manual_seed(n)


def generator_for(ctx, device=None) -> torch.Generator | None:
    """The session's generator for random numbers made on `device` (None: the cpu). None while
    the session's state is lent to torch's global generator (inside session_rng): a draw from
    the global generator is then a draw from the session's."""
    st = state(ctx)
    dev = torch.device("cpu") if device is None else torch.device(device)
    if dev.type == "cpu":
        return None if st.lent else st.generator
    if dev.type == "cuda" and dev.index is None:
        dev = torch.device("cuda", torch.cuda.current_device())
    g = st.device_generators.get(dev)
    if g is None:
        g = st.device_generators[dev] = torch.Generator(device=dev)
        g.manual_seed(st.generator.initial_seed())
    return g


@contextmanager
def session_rng(ctx):
    """Run a block that draws from torch's global CPU generator on the session's generator."""
    st = state(ctx)
    if st.lent:                     # already lent (a nested call): nothing to swap
        yield
        return
    with _GLOBAL_RNG:
        outside = torch.get_rng_state()
        torch.set_rng_state(st.generator.get_state())
        st.lent = True
        try:
            yield
        finally:
            st.lent = False
            st.generator.set_state(torch.get_rng_state())
            torch.set_rng_state(outside)
