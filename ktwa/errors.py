"""q errors: a word (or message) plus where it happened; only display/ renders them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    """One line of an error trace: the text shown after `[n]  ` and the caret span in it."""

    text: str          # the source text shown (a console line, or a lambda's text)
    start: int         # caret column within text
    label: str = ""    # e.g. "g:" for a named lambda, or "file.kt:12: " for a script line

    @staticmethod
    def at(source: str, span, label: str = "") -> "Frame":
        """The frame of a top-level statement: the line of `source` holding span's start, the
        caret under it (column 0 when the span is unknown)."""
        if span is None:
            return Frame(source.split("\n")[0], 0, label)
        start = span[0]
        line_start = source.rfind("\n", 0, start) + 1
        line_end = source.find("\n", start)
        if line_end < 0:
            line_end = len(source)
        return Frame(source[line_start:line_end], start - line_start, label)


class QError(Exception):
    """A q signal: `'word`. `msg` has no leading quote ("type", "length", torch's message...)."""

    def __init__(self, msg: str, span: tuple[int, int] | None = None):
        super().__init__(msg)
        self.msg = str(msg)
        self.span = span                 # (start, end) offsets in the current source, if known
        self.frames: list[Frame] = []    # innermost first, filled while unwinding
        self.depth = 0                   # lambda depth where it was raised
        # (primitive;arguments) that failed, recorded by the innermost term applying one: what
        # a console error sets .z.ex and .z.ey to (debug.md); None when no primitive failed
        self.failed: tuple | None = None

    def __str__(self) -> str:
        return self.msg


class QExit(Exception):
    """`\\\\` or `exit n`: leave the interpreter with a status."""

    def __init__(self, code: int = 0):
        super().__init__(code)
        self.code = code


def from_python(e: BaseException) -> QError:
    """The one boundary where a foreign exception (Python, numpy, torch) becomes a q error.

    Every route into Python code (a primitive called from a chain, `apply`, an api function)
    maps through here, so the same exception is the same q error whichever way it was reached.
    torch reports its errors as RuntimeError with a message worth keeping (ktorch shows
    libtorch's text verbatim), so that message, first line, becomes the error text."""
    if isinstance(e, QError):
        return e
    if isinstance(e, RecursionError):
        return QError("stack")
    if isinstance(e, MemoryError):
        return QError("wsfull")
    if isinstance(e, NotImplementedError):
        return QError("nyi")
    if isinstance(e, RuntimeError):
        return QError(_first_line(e) or "type")
    if isinstance(e, IndexError):
        return QError("index")
    if isinstance(e, (ZeroDivisionError, OverflowError)):
        return QError("domain")
    if isinstance(e, ValueError) and "broadcast" in str(e):
        return QError("length")
    return QError("type")


def _first_line(e: BaseException) -> str:
    """An exception's message without C++ frames: its first line."""
    s = str(e.args[0]) if e.args else str(e)
    return s.split("\nException raised from")[0].strip().split("\n")[0]
