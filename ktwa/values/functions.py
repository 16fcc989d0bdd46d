"""Function values: primitives, lambdas, projections, compositions, derived (adverb) functions.

They are plain data; the runtime (ktwa.runtime.eval) knows how to call them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

# a hole in a projection's argument list (`f[;2]`): distinct from the generic null
class _Missing:
    __slots__ = ()

    def __repr__(self):
        return "MISSING"


MISSING = _Missing()


# identities q knows for binary primitives (glossary.md): unary Over of an empty list gives
# them, and a modified assignment starts from them where there is no item yet: an undefined
# name (`bar+:1`, assign.md) or a key a dictionary lacks (`d[`new]+:1`)
IDENTITY = {"+": np.int64(0), "*": np.int64(1), "-": np.int64(0)}


# the keywords that are an operator's unary form (`count` is `#:`), as parse trees hold them
KEYWORD_UNARY = {"neg": "-", "not": "~", "null": "^", "string": "$", "reciprocal": "%",
                 "count": "#", "first": "*", "flip": "+", "where": "&", "reverse": "|",
                 "distinct": "?", "group": "=", "iasc": "<", "idesc": ">", "key": "!",
                 "value": ".", "get": ".", "type": "@"}

# what the console shows for a keyword q defines as an operator form (variadic.md: deltas is
# -':, parsetrees.md: type is @:); any other keyword shows its name
KEYWORD_FORM = {k: g + ":" for k, g in KEYWORD_UNARY.items()}
KEYWORD_FORM.update({"floor": "_:", "and": "&", "or": "|", "raze": ",/",
                     "sum": "+/", "prd": "*/", "min": "&/", "max": "|/",
                     "sums": "+\\", "prds": "*\\", "mins": "&\\", "maxs": "|\\", "deltas": "-':",
                     "ratios": "%':", "read0": "0::", "read1": "1::"})


def builtin_text(name: str) -> str:
    """How q shows the built-in called name (a keyword that is an operator form shows that)."""
    return KEYWORD_FORM.get(name, name)


class QFunction:
    qtype = 100
    rank = 1           # the number of arguments that completes a call

    def valence(self) -> int:
        return self.rank


# the type of a keyword q defines as a derived function: over 107, scan 108, each-prior 109
# (`type sum` is 107h, `type deltas` 109h)
_DERIVED_TYPES = {k: 107 if f.endswith("/") else 108 if f.endswith("\\") else 109
                  for k, f in KEYWORD_FORM.items() if f[-1] in "/\\" or f.endswith("':")}


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
    polyad: Callable | None = None    # 5 or more arguments (`?[t;c;b;a;n;o]`)
    ctx: bool = False
    infix: bool = False       # usable infix (glyphs and keywords like mod, in, each)
    doc: str = ""
    reserved: bool = True     # a q keyword: assigning the name is 'assign (not so for `help`)
    qtype: int = 101
    rank: int = 1

    def __post_init__(self):
        if self.qtype == 101 and (self.infix or self.monad is None):
            self.qtype = 102
        if self.name in _DERIVED_TYPES:
            self.qtype = _DERIVED_TYPES[self.name]
        if self.dyad is not None and (self.monad is None or self.infix):
            self.rank = 2
        if self.triad is not None and self.monad is None and self.dyad is None:
            self.rank = 3
        if self.tetrad is not None and self.monad is None and self.dyad is None \
                and self.triad is None:
            self.rank = 4

    def __repr__(self):
        return f"Builtin({self.name})"

    def arities(self) -> list[tuple[int, Callable]]:
        return [(n, f) for n, f in ((1, self.monad), (2, self.dyad), (3, self.triad),
                                    (4, self.tetrad), (5, self.polyad)) if f is not None]


class Definitions:
    """One module's built-ins, in the one style every module uses:

        define = Definitions()
        define("til", monad=til, doc="til x  the first x naturals")

    A table of built-ins (the q keywords in ktwa.runtime.table, the torch api in
    ktwa.torchapi) is made by `merge_builtins` over an explicit list of such modules, so what
    exists never depends on import order or side effects."""

    def __init__(self):
        self.builtins: list[Builtin] = []

    def __call__(self, name: str, monad=None, dyad=None, triad=None, tetrad=None, *,
                 polyad=None, ctx: bool = False, infix: bool = False, doc: str = "",
                 reserved: bool = True, qtype: int | None = None) -> Builtin:
        """qtype: the type q gives the built-in when it is not a plain operator or keyword
        (datatypes.md: <> is a composition, 105h; prev a derived each-prior, 109h)."""
        b = Builtin(name, monad=monad, dyad=dyad, triad=triad, tetrad=tetrad, polyad=polyad,
                    ctx=ctx, infix=infix, doc=doc, reserved=reserved)
        if qtype is not None:
            b.qtype = qtype
        self.builtins.append(b)
        return b


def _with_ctx(fn: Callable) -> Callable:
    return lambda ctx, *args: fn(*args)


def _merged(old: Builtin, new: Builtin) -> Builtin:
    """One name given arities in several places (`-` neg and subtract, `@` type and apply):
    later arities win; when only some take the context, the others are adapted to take it;
    each definition's doc is kept, one per line."""
    ctx = old.ctx or new.ctx
    fns: dict[int, Callable] = {}
    for b in (old, new):
        for n, f in b.arities():
            fns[n] = _with_ctx(f) if ctx and not b.ctx else f
    return Builtin(new.name, monad=fns.get(1), dyad=fns.get(2), triad=fns.get(3),
                   tetrad=fns.get(4), polyad=fns.get(5), ctx=ctx, infix=old.infix or new.infix,
                   reserved=old.reserved and new.reserved,
                   doc="\n".join(dict.fromkeys(d for d in (old.doc, new.doc) if d)))


def merge_builtins(modules) -> dict[str, Builtin]:
    """name -> Builtin from the `define` lists of `modules`, in order."""
    table: dict[str, Builtin] = {}
    for m in modules:
        for b in m.define.builtins:
            old = table.get(b.name)
            table[b.name] = b if old is None else _merged(old, b)
    return table


@dataclass(eq=False)
class Lambda(QFunction):
    """`{[a;b] ...}`: params, the parsed body, its source text and the names it assigns."""

    params: tuple
    body: Any                  # ktwa.syntax.ast.Block
    source: str                # the lambda text, `{...}`
    locals: frozenset = frozenset()
    name: str = ""             # set when first assigned to a global, for error frames
    offset: int = 0            # where `source` starts in the parsed text (spans are absolute)
    owner: str = ""            # the name of the lambda this one was written inside
    ns: str = ""               # the namespace it was written in: where its globals live
    file: str = ""             # the script it was read from ("" when typed) and the line of
    line: int = -1             # its `{` there: value's f and l (KX's ml finds its files so)
    qtype: int = 100

    @property
    def rank(self):
        """Its parameters' count; `{[] ...}` takes one argument, which it ignores (`f[]`
        passes ::, and .z.ts:{[] ...} is called with the time, views.md: {[];}[] is ::)."""
        return len(self.params) or 1

    def label(self) -> str:
        """How an error frame names it: `f:`, or `f@:` for an anonymous lambda inside f."""
        if self.name:
            return f"{self.name}:"
        return f"{self.owner}@:" if self.owner else ""

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


class View:
    """A view `v::e` typed at the top level: e (a parsed Block) is evaluated when v is read,
    and again only after a global it names (deps, in the order e names them) has been
    assigned (q's pending views, `\\B`). The root namespace holds it as a value (`. `v),
    shown as its text, whose value is (last result or ::; parse tree; deps; text)."""

    __slots__ = ("block", "text", "ns", "deps", "start", "value", "valid", "ran", "busy")

    def __init__(self, block, text: str, ns: str, deps: tuple, start: int = 0):
        self.block, self.text, self.ns, self.deps = block, text, ns, deps
        self.start = start          # offset of text in the input that defined the view
        self.value, self.valid = None, False
        self.ran = False            # value holds a result of e (a self-reference reads it)
        self.busy = False           # e is being evaluated
