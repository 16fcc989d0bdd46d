"""q errors: a word (or message) plus where it happened; only display/ renders them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    """One line of an error trace: the text shown after `[n]  ` and the caret span in it."""

    text: str          # the source text shown (a console line, or a lambda's text)
    start: int         # caret column within text
    label: str = ""    # e.g. "g:" for a named lambda, or "file.kt:12: " for a script line


class QError(Exception):
    """A q signal: `'word`. `msg` has no leading quote ("type", "length", torch's message...)."""

    def __init__(self, msg: str, span: tuple[int, int] | None = None):
        super().__init__(msg)
        self.msg = str(msg)
        self.span = span                 # (start, end) offsets in the current source, if known
        self.frames: list[Frame] = []    # innermost first, filled while unwinding
        self.depth = 0                   # lambda depth where it was raised

    def __str__(self) -> str:
        return self.msg


class QExit(Exception):
    """`\\\\` or `exit n`: leave the interpreter with a status."""

    def __init__(self, code: int = 0):
        super().__init__(code)
        self.code = code
