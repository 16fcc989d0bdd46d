"""What q means: the evaluator, application, iterators, qSQL and system commands.

`new_context` assembles one interpreter's state from the pieces; `parse` reads q text with the
built-ins' infix keywords."""
from __future__ import annotations

from functools import lru_cache

from ..syntax.parser import Parser
from ..verbs.disk import read_text
from .context import Context, Env, Return, Settings
from .eval import apply, is_suppressed, run_block
from .reflect import tokens
from .system import run_system, split_command
from .table import BUILTINS, INFIX, K_HIDDEN

PARSER = Parser(INFIX, K_HIDDEN)

# The same text always parses to the same AST, and ASTs are frozen (literals read-only), so a
# statement run again (a line in a loop, `s.eval("f[1]")` from Python, a lambda's body text)
# is parsed once. Bounded by count, and long texts (data literals, whole scripts) bypass it so
# the cache never pins much memory.
_CACHE_TEXT = 2048
_cached_parse = lru_cache(maxsize=1024)(PARSER.parse)


def parse(text: str, k: bool = False):
    """q text -> ktwa.syntax.ast.Block (raises QError on bad syntax); cached by text. Text
    that starts `k)`, or any text when k is true (the console's k mode, a .k script), is k."""
    if len(text) <= _CACHE_TEXT:
        return _cached_parse(text, k) if k else _cached_parse(text)
    return PARSER.parse(text, k)


def new_context(*, api: dict, display, registry, files, write=None, load=None,
                tensor_bytes=None) -> Context:
    """A fresh interpreter state: the q built-ins, the given api names, the console formatter
    (`display`), the handle registry, the file fence, output streams, the script loader and
    what measures the torch tensors the handles hold (`\\w`)."""
    return Context(builtins=BUILTINS, api=api, parse=parse, tokens=tokens, apply=apply, run_block=run_block,
                   display=display, registry=registry, files=files, write=write, load=load,
                   tensor_bytes=tensor_bytes)


__all__ = ["BUILTINS", "INFIX", "Context", "Env", "Return", "Settings", "new_context", "parse",
           "run_system", "split_command", "is_suppressed", "apply", "read_text"]
