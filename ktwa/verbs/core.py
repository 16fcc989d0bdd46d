"""The one table of built-ins: name (glyph or keyword) -> Builtin.

Used by the evaluator (glyph verbs, keywords), the REPL completer and the docs alike.

Implementations are plain functions over q values (see ktwa.values.types for the contract).
A builtin defined with ``ctx=True`` receives the runtime context first. The context is
duck-typed (implemented by ktwa.runtime.context.Context) and offers:

- ``ctx.apply(f, args)``      apply any q value (function, list, dict, symbol...) to a list of args
- ``ctx.get_global(name)``    read a global (raises QError(name) if undefined)
- ``ctx.set_global(name, v)``
- ``ctx.write(fd, text)``     fd 1 stdout, 2 stderr (text already has its newline)
- ``ctx.settings``            .precision (\\P, int, 0 = 17 digits), .rows, .cols (\\c)
- ``ctx.registry``            the session's handle Registry (ktwa.registry)
- ``ctx.eval_text(src)``      evaluate q source (for `value "..."`)
- ``ctx.show(x)``             the console text of x (display), ``ctx.one_line(x)`` its k form
"""
from __future__ import annotations

from ..values.functions import Builtin

BUILTINS: dict[str, Builtin] = {}


def define(name: str, monad=None, dyad=None, triad=None, tetrad=None, *, ctx: bool = False,
           infix: bool = False, doc: str = "") -> Builtin:
    """Register a built-in. Several modules may give arities of one name (`-` is neg in one and
    subtract in another): a definition keeps the arities it does not give, when both agree on
    taking the context; otherwise it replaces the earlier one."""
    old = BUILTINS.get(name)
    if old is not None and old.ctx == ctx:
        monad = monad or old.monad
        dyad = dyad or old.dyad
        triad = triad or old.triad
        tetrad = tetrad or old.tetrad
        infix = infix or old.infix
        doc = doc or old.doc
    b = Builtin(name, monad=monad, dyad=dyad, triad=triad, tetrad=tetrad, ctx=ctx, infix=infix,
                doc=doc)
    BUILTINS[name] = b
    return b


# keywords that may be written infix (`x mod y`); all other keywords are prefix functions
INFIX_KEYWORDS = frozenset("""
and or mod div in within like each over scan prior peach xexp xlog cross except inter union
sv vs set bin binr ss wavg wsum xbar xkey xasc xdesc xcol xcols lj ij uj pj ej sublist rotate
mmu cut ssr insert upsert xgroup xprev msum mavg mmax mmin mcount dsave
""".split())

GLYPHS = tuple("+-*%!&|<>=~,^#_$?@.") + ("<=", ">=", "<>")
