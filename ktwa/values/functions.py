"""Function values: primitives, lambdas, projections, compositions, derived (adverb) functions.

They are plain data; the runtime (ktwa.runtime.apply) knows how to call them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

# a hole in a projection's argument list (`f[;2]`): distinct from the generic null
class _Missing:
    __slots__ = ()

    def __repr__(self):
        return "MISSING"


MISSING = _Missing()


class QFunction:
    qtype = 100
    rank = 1           # the number of arguments that completes a call

    def valence(self) -> int:
        return self.rank


@dataclass(eq=False)
class Builtin(QFunction):
    """A primitive or keyword: `name` (glyph or keyword), implementations by arity.

    monad(x), dyad(x, y), and an optional `ctx` flag: when true, the implementation takes the
    runtime context first (impl(ctx, x...)) - for builtins that need the session (get, set,
    value, system, the torch api...).
    """

    name: str
    monad: Callable | None = None
    dyad: Callable | None = None
    triad: Callable | None = None
    tetrad: Callable | None = None
    ctx: bool = False
    infix: bool = False       # usable infix (glyphs and keywords like mod, in, each)
    doc: str = ""
    qtype: int = 101
    rank: int = 1

    def __post_init__(self):
        if self.qtype == 101 and (self.infix or self.monad is None):
            self.qtype = 102
        if self.dyad is not None and (self.monad is None or self.infix):
            self.rank = 2
        if self.triad is not None and self.monad is None and self.dyad is None:
            self.rank = 3

    def __repr__(self):
        return f"Builtin({self.name})"


@dataclass(eq=False)
class Lambda(QFunction):
    """`{[a;b] ...}`: params, the parsed body, its source text and the names it assigns."""

    params: tuple
    body: Any                  # ktwa.syntax.ast.Block
    source: str                # the lambda text, `{...}`
    locals: frozenset = frozenset()
    name: str = ""             # set when first assigned to a global, for error frames
    offset: int = 0            # where `source` starts in the parsed text (spans are absolute)
    qtype: int = 100

    @property
    def rank(self):
        return len(self.params)

    def __repr__(self):
        return f"Lambda({self.source})"


@dataclass(eq=False)
class Projection(QFunction):
    """`f[a;;c]`: f with some arguments fixed; MISSING marks the holes."""

    fn: Any
    args: tuple
    qtype: int = 104

    @property
    def rank(self):
        n = sum(1 for a in self.args if a is MISSING)
        total = self.fn.rank if isinstance(self.fn, QFunction) else 1
        return n + max(0, total - len(self.args))


@dataclass(eq=False)
class Composition(QFunction):
    """`f g` composed (`'[f;g]`, or a projection left of a function): apply right to left."""

    fns: tuple
    qtype: int = 105

    @property
    def rank(self):
        last = self.fns[-1]
        return last.rank if isinstance(last, QFunction) else 1


ADVERB_TYPE = {"'": 106, "/": 107, "\\": 108, "':": 109, "/:": 110, "\\:": 111}


@dataclass(eq=False)
class Derived(QFunction):
    """`f'`, `f/`, `f\\`, `f':`, `f/:`, `f\\:`: an iterator applied to a value."""

    adverb: str
    fn: Any

    @property
    def qtype(self):
        return ADVERB_TYPE[self.adverb]

    @property
    def rank(self):
        f = self.fn
        r = f.rank if isinstance(f, QFunction) else 1
        if self.adverb in ("/", "\\"):
            return 2 if r == 1 else r
        if self.adverb in ("/:", "\\:", "':"):
            return 2
        return r


@dataclass(eq=False)
class Native(QFunction):
    """A Python callable exposed to q with a fixed rank (used by `2:` emulation and tests)."""

    fn: Callable
    rank: int = 1
    name: str = ""
    qtype: int = 112
    extra: dict = field(default_factory=dict)
