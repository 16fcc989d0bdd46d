"""The one table of q built-ins (glyphs and keywords), merged from an explicit list of modules,
and what the parser needs of it: which keywords are written infix."""
from __future__ import annotations

import numpy as np

from ..values import temporal as tm
from ..values import types as T
from ..values.functions import merge_builtins
from ..verbs import (arith, attributes, cast, doth, dotj, dotq, enums, files, grouping, http,
                     joins, lists, matrix, partitions, tables, temporal, text,
                     windows)
from . import backtrace, builtins, functional, help, reflect, system

# later modules add arities to a name an earlier one defined (`-`: neg, then subtract); reflect
# comes after files: its key/value/get hand file symbols to files
MODULES = (arith, cast, lists, grouping, attributes, enums, tables, joins, files, partitions,
           text, windows, matrix, temporal, dotq, doth, dotj, http, builtins, backtrace, system,
           reflect, functional, help)

BUILTINS = merge_builtins(MODULES)

# q's predefined values (`.Q.n`, `.Q.t` ...): globals every session starts with; .q.csv is
# seen unqualified (`csv 0: t`)
GLOBALS = {**dotq.VALUES, **doth.VALUES, ".q.csv": T.char(","),
           ".Q.k": np.float64(system.VERSION),
           ".Q.K": tm.atom(14, tm.parse_text(14, system.RELEASE))}

# keywords usable as infix verbs (`x mod y`, `f each x`); glyphs are verbs by their syntax
INFIX = frozenset(n for n, b in BUILTINS.items() if b.infix and n[:1].isalpha())

# the q keywords k does not know: in k code (`k)` lines, k lambdas) they are plain names, and k
# reaches q's functions as `.q.name`; k's own words are .Q.res's
K_HIDDEN = frozenset(n for n, b in BUILTINS.items() if b.reserved and n[:1].isalpha()) - \
    frozenset(dotq.RESERVED)
