""".Q utilities scripts use for names and command lines: `.Q.id` (sanitize names), `.Q.opt`
(command-line parameters as a dictionary) and `.Q.def` (their defaults and types); and .Q's
values (`.Q.n`, `.Q.t`, `.Q.res` ...)."""
from __future__ import annotations

import re

import numpy as np

from ..errors import QError
from ..values import types as T
from ..values.functions import Definitions

define = Definitions()

# q's reserved words: its control words and the keywords k itself defines (`.Q.res`)
RESERVED = ("abs acos asin atan avg bin binr cor cos cov delete dev div do enlist exec exit "
            "exp getenv hopen if in insert last like log max min prd select setenv sin sqrt ss "
            "sum tan update var wavg while within wsum xexp").split()

_NOT_NAME = re.compile(r"[^A-Za-z0-9_]")


def _clean(name: str) -> str:
    """A symbol as a q name: only letters, digits and `_`, starting with a letter."""
    s = _NOT_NAME.sub("", name)
    if not s:
        return "a"
    return "a" + s if not s[0].isalpha() else s


def _clean_columns(ctx, names) -> np.ndarray:
    """Column names: cleaned, `1` added to reserved words, repeats numbered (`a`a1`a2)."""
    reserved = set(RESERVED) | set(ctx.namespace_names(".q"))
    out: list[str] = []
    seen: dict[str, int] = {}
    for n in names:
        s = _clean(n)
        if s in reserved:
            s += "1"
        k = seen.get(s, 0)
        seen[s] = k + 1
        out.append(s if k == 0 else s + str(k))
    return T.syms(out)


def q_id(ctx, x):
    if isinstance(x, str):
        return _clean(x)
    if T.is_syms(x):
        return T.syms([_clean(n) for n in x])
    if isinstance(x, T.QTable):
        return T.QTable(list(_clean_columns(ctx, x.cols)), x.data)
    if isinstance(x, T.QDict) and T.is_syms(x.keys):
        return T.QDict(_clean_columns(ctx, x.keys), x.values)
    raise QError("type")


def _strings(x) -> list[str]:
    if isinstance(x, list) and all(T.is_string(s) or isinstance(s, np.bytes_) for s in x):
        return [T.text(s) for s in x]
    if T.is_string(x) and len(x) == 0:
        return []
    raise QError("type")


def opt(x):
    """.Q.opt .z.x: each `-name` and the strings that follow it, as name!(strings)."""
    args = _strings(x)
    names: list[str] = []
    vals: list = []
    for a in args:
        if re.match(r"-[^0-9]", a):
            names.append(a[1:])
            vals.append([])
        elif names:
            vals[-1].append(T.chars(a))
    return T.QDict(T.syms(names), [T.from_items(v) if v else [] for v in vals])


def define_defaults(ctx, x, y):
    """.Q.def[defaults;.Q.opt .z.x]: the defaults, with each parameter given on the command
    line parsed to its default's type (null when it does not parse)."""
    if not (isinstance(x, T.QDict) and T.is_syms(x.keys) and isinstance(y, T.QDict)):
        raise QError("type")
    keys = list(x.keys)
    vals = list(T.to_items(x.values))
    given = {str(k): v for k, v in zip(T.to_items(y.keys), T.to_items(y.values))}
    cast = ctx.builtins["$"]
    for i, k in enumerate(keys):
        if k not in given:
            continue
        d, v = vals[i], given[k]
        t = T.qtype(d)
        if t == 10 or t == -10:
            vals[i] = v[0] if isinstance(v, list) and len(v) == 1 else v
            continue
        if t >= 0 or -t not in T.TYPE_LETTER:
            raise QError("type")
        parsed = ctx.apply(cast, [np.bytes_(T.TYPE_LETTER[-t].upper().encode()), v])
        vals[i] = T.item(parsed, 0) if T.count(parsed) else T.type_null(t)
    return T.QDict(x.keys, T.from_items(vals))


# .Q's values (not functions): every session starts with them
VALUES = {
    ".Q.a": T.chars("abcdefghijklmnopqrstuvwxyz"),
    ".Q.A": T.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    ".Q.an": T.chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"),
    ".Q.n": T.chars("0123456789"),
    ".Q.nA": T.chars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    # the type letters indexed by type number (q's, temporal letters included)
    ".Q.t": T.chars(" bg xhijefcspmdznuvts"),
    ".Q.res": T.syms(RESERVED),
}


define(".Q.id", monad=q_id, ctx=True,
       doc=".Q.id x  symbols (or a table's or dictionary's names) made valid q names")
define(".Q.opt", monad=opt,
       doc=".Q.opt .z.x  command-line parameters: name!(strings after -name)")
define(".Q.def", dyad=define_defaults, ctx=True,
       doc=".Q.def[d;.Q.opt .z.x]  defaults d with the parameters given, parsed to d's types")
