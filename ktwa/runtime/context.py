"""The evaluator's state: one Context per Session (globals, registry, settings, streams),
one Env per lambda call (its locals)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..registry import Registry


@dataclass
class Settings:
    precision: int = 7           # \P
    rows: int = 25               # \c
    cols: int = 80
    seed: int = -314159          # \S
    script: str = ""             # .z.f
    args: list = field(default_factory=list)   # .z.x


class Env:
    """Where names resolve: a lambda's locals (None at top level), then the Context's globals."""

    __slots__ = ("locals", "ctx", "depth", "lam")

    def __init__(self, ctx, locals=None, depth=0, lam=None):
        self.ctx = ctx
        self.locals = locals
        self.depth = depth
        self.lam = lam


class Context:
    """What builtins may reach (see ktwa.verbs.core for the protocol)."""

    def __init__(self, session=None, write=None):
        self.session = session
        self.globals: dict = {}
        self.api: dict = {}              # torch api names: globals that users may shadow
        self.registry = Registry()
        self.settings = Settings()
        self._write = write or (lambda fd, text: None)
        self.interrupted = False
        self.depth = 0                   # lambda call depth (error frames show `[n]`)
        self.rng = None
        self.reseed()

    def reseed(self):
        """q's random sequence is fixed at start-up by \\S (default -314159)."""
        import numpy as np
        self.rng = np.random.default_rng(abs(self.settings.seed) % (2**63))

    # --- protocol for builtins
    def apply(self, f, args):
        from .apply import apply
        return apply(self, f, list(args))

    def get_global(self, name: str):
        from .eval import lookup_global
        return lookup_global(self, name)

    def set_global(self, name: str, value):
        from .eval import assign_global
        assign_global(self, name, value)

    def write(self, fd: int, text: str) -> None:
        self._write(fd, text)

    def eval_text(self, src: str):
        from .eval import eval_source
        return eval_source(self, src)

    def show(self, x) -> str:
        from ..display import show
        s = self.settings
        return show(x, precision=s.precision, rows=s.rows, cols=s.cols)

    def one_line(self, x) -> str:
        from ..display import one_line
        return one_line(x, precision=self.settings.precision)

    def check_interrupt(self):
        if self.interrupted:
            self.interrupted = False
            raise KeyboardInterrupt


__all__ = ["Context", "Env", "Settings"]
