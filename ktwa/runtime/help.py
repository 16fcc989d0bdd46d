"""`help`: what a name means, from the tables of built-ins.

    help[]          the topics: q built-ins, torch api functions, system commands
    help`avgparms   its call forms and meaning (each line of its `doc`)
    help"#"         a glyph, as a string (or `$"#")
    help"\\w"        a system command

Every built-in's `doc` reads `call forms  meaning` (two blanks between), as `define` asks.

`help` is a q built-in, not an api function, so that it answers for q and for the api alike;
q has no `help` keyword, so it is not reserved: a script may define its own `help` (a global
shadows the built-in).
ktorch's own `help` (its tables of modules, losses, optimizers and devices: `help`linear`,
`help`loss`) belongs to the torch api. An api that defines `help` (a Builtin named "help" in
ktwa.torchapi.API) extends this one without replacing it: every call is handed to the api's
`help` first, and what it returns is the answer unless that is the generic null `::`, which
means "not a topic of mine"; then the q side answers. `help[]` lists the q side's topics and
then shows what the api's `help[]` returns.
"""
from __future__ import annotations

import re
import textwrap

import numpy as np

from ..errors import QError
from ..values import types as T
from ..values.functions import Definitions
from .system import COMMANDS

define = Definitions()

_NAME = re.compile(r"\.?[A-Za-z][\w.]*")     # a keyword or dotted name, not a glyph


def _topic(x) -> str | None:
    """The name asked about: a symbol, a string, or nothing (`help[]`, help`)."""
    if x is None or (isinstance(x, str) and x == ""):
        return None
    if isinstance(x, str):
        return x
    if isinstance(x, np.ndarray) and x.dtype == T.CHAR:
        return T.text(x) or None
    if isinstance(x, np.bytes_):
        return T.text(x)
    raise QError("help: expecting a name as a symbol or string, e.g. help`avgparms")


def _is_name(x) -> bool:
    return x is None or isinstance(x, (str, np.bytes_)) or \
        (isinstance(x, np.ndarray) and x.dtype == T.CHAR)


def _doc_lines(name: str, doc: str) -> list[str]:
    """Each line of a doc as help shows it; a doc that is only a meaning gets the name."""
    return [ln if "  " in ln else f"{name}  {ln}" for ln in doc.split("\n")]


def _wrapped(label: str, names, width: int) -> list[str]:
    pad = " " * 8
    return textwrap.wrap(" ".join(names), width=max(width, 40), initial_indent=label.ljust(8),
                         subsequent_indent=pad, break_long_words=False, break_on_hyphens=False)


def topics(ctx) -> str:
    """help[]: every name help knows, by kind, wrapped to the console width (\\c)."""
    width = ctx.settings.cols
    words = [n for n in ctx.builtins if _NAME.fullmatch(n) and n not in ctx.api]
    glyphs = [n for n in ctx.builtins if not _NAME.fullmatch(n)]
    lines = ["help`name: call forms and meaning (help\"#\" a glyph, help\"\\\\w\" a command)"]
    lines += _wrapped("q", sorted(glyphs) + sorted(words), width)
    lines += _wrapped("api", sorted(ctx.api), width)
    lines += _wrapped("system", ["\\" + c for c in COMMANDS], width)
    return "\n".join(lines) + "\n"


def describe(ctx, name: str) -> str:
    """help`name: the doc lines of a built-in, api function or system command."""
    if name.startswith("\\") and name[1:] in COMMANDS:
        return COMMANDS[name[1:]] + "\n"
    b = ctx.builtins.get(name) or ctx.api.get(name)
    if b is None:
        raise QError(f"help: no built-in, api function or system command named {name} "
                     "(help[] lists them)")
    if not b.doc:
        kind = "an api function" if name in ctx.api else "a q built-in"
        return f"{name}  {kind}, not documented yet\n"
    return "\n".join(_doc_lines(name, b.doc)) + "\n"


def q_help(ctx, x):
    api_help = ctx.api.get("help")
    if api_help is not None and not _is_name(x):       # help m: a module, loss or optimizer
        answer = ctx.apply(api_help, [x])
        if answer is not None:
            return answer
    name = _topic(x)
    if name is None:
        ctx.write(1, topics(ctx))
        return ctx.apply(api_help, [x]) if api_help is not None else None
    if api_help is not None:
        answer = ctx.apply(api_help, [x])
        if answer is not None:
            return answer
    ctx.write(1, describe(ctx, name))
    return None


define("help", monad=q_help, ctx=True, reserved=False,
       doc="help[] | help`name | help\"g\"  list the topics; show a built-in's, api function's or "
           "system command's call forms and meaning")
