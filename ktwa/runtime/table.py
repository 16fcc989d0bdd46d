"""The one table of q built-ins (glyphs and keywords), merged from an explicit list of modules,
and what the parser needs of it: which keywords are written infix."""
from __future__ import annotations

from ..values.functions import merge_builtins
from ..verbs import arith, cast, dotq, lists, matrix, text
from . import builtins, functional, reflect

# later modules add arities to a name an earlier one defined (`-`: neg, then subtract)
MODULES = (arith, cast, lists, text, matrix, dotq, builtins, reflect, functional)

BUILTINS = merge_builtins(MODULES)

# q's predefined values (`.Q.n`, `.Q.t` ...): globals every session starts with
GLOBALS = dict(dotq.VALUES)

# keywords usable as infix verbs (`x mod y`, `f each x`); glyphs are verbs by their syntax
INFIX = frozenset(n for n, b in BUILTINS.items() if b.infix and n[:1].isalpha())
