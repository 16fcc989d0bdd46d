"""Where in the q call stack evaluation is, and the traps that report it: `.Q.bt[]` (print the
stack), `.Q.trp[f;x;g]` / `.Q.trpd[f;x;g]` (trap at / trap, g also given the backtrace) and
`.Q.sbt` (a backtrace as text).

The stack is read from the interpreter's own Python frames rather than kept on the side:
evaluating a lambda is a `call_lambda` frame, a top-level statement a `run_block` frame, and
the term being applied in each is the `op` of its innermost `ev_chain` (or the target of an
`ev_index`). That is the same information the error path records while unwinding (eval.py),
read without unwinding, and it costs nothing until a backtrace is asked for."""
from __future__ import annotations

import sys

import numpy as np

from ..errors import Frame, QError
from ..syntax import ast as A
from ..values import types as T
from ..values.functions import Definitions
from . import eval as E

define = Definitions()

_LAMBDA = E.call_lambda.__code__
_TOP = E.run_block.__code__
_CHAIN = E.ev_chain.__code__
_INDEX = E.ev_index.__code__


def live_frames() -> list[Frame]:
    """The q frames of the evaluation in progress, innermost first, each with its caret under
    the term being applied (as an error raised there would show them)."""
    out: list[Frame] = []
    span = None
    f = sys._getframe(1)
    while f is not None:
        code = f.f_code
        if code is _CHAIN or code is _INDEX:
            if span is None:
                span = _span_of(code, f.f_locals)
        elif code is _LAMBDA:
            lam = f.f_locals["lam"]
            caret = span[0] - lam.offset if span is not None else -1
            out.append(Frame(lam.source, caret, lam.label()))
            span = None
        elif code is _TOP:
            loc = f.f_locals
            if loc.get("text") is not None and loc["env"].locals is None:
                out.append(Frame.at(loc["text"], span))
            span = None
        f = f.f_back
    return out


def caller_env():
    """The Env of the innermost lambda being evaluated (its locals), or None when the
    evaluation in progress is a top-level statement (`value "..."` in a lambda is one)."""
    f = sys._getframe(1)
    while f is not None:
        code = f.f_code
        if code is _LAMBDA:
            return f.f_locals["env"]
        if code is _TOP:
            return None
        f = f.f_back
    return None


def _span_of(code, loc):
    if code is _INDEX:
        return loc["t"].span
    op = loc.get("op")
    if op is None:
        return None
    return op.fn.span if op.__class__ is A.OpApply else op.span


# ---------------------------------------------------------------------------------------------
# the backtrace object: a list of frames, innermost first, each (label;source;caret;level).
# q does not document the layout of its own object (only that .Q.sbt formats it); this one
# keeps what a frame line shows, so `2#y`, `first y` and .Q.sbt work on it as in q.

def backtrace_object(frames: list[Frame]) -> list:
    top = len(frames) - 1
    return [[T.chars(fr.label or ""), T.chars(fr.text or ""), np.int64(fr.start),
             np.int64(top - i)] for i, fr in enumerate(frames)]


def _builtin_frame(name: str) -> Frame:
    """The frame of a built-in that traps (`(.Q.trp)`): q shows no source, so no caret; its
    caret line is left blank."""
    return Frame(f"({name})", -1)


def sbt(ctx, y) -> np.ndarray:
    """.Q.sbt y: the backtrace object y as the lines q prints for it, one string."""
    items = y if isinstance(y, list) else None
    if items is None:
        raise QError("type")
    out: list[str] = []
    for fr in items:
        if not (isinstance(fr, list) and len(fr) == 4):
            raise QError("type")
        label, source, caret, level = fr
        if not (T.is_string(label) and T.is_string(source)):
            raise QError("type")
        text, start = T.text(source), int(caret)
        if start < 0:
            text += "\n"
        out.append(ctx.display.frame_text(int(level), Frame(text, start, T.text(label))))
    return T.chars("".join(out))


def bt(ctx, _x):
    """.Q.bt[]: the stack, as an error would show it, written to stdout."""
    frames = live_frames()
    top = len(frames) - 1
    ctx.write(1, "".join(ctx.display.frame_text(top - i, fr) for i, fr in enumerate(frames)))
    return None


def _trap(ctx, name: str, f, args: list, g):
    try:
        return ctx.apply(f, args)
    except QError as e:
        frames = list(e.frames) + [_builtin_frame(name)] + live_frames()
        return ctx.apply(g, [T.chars(e.msg), backtrace_object(frames)])


def trp(ctx, f, x, g):
    """.Q.trp[f;x;g]: f x; on an error, g[message;backtrace]."""
    return _trap(ctx, ".Q.trp", f, [x], g)


def trpd(ctx, f, x, g):
    """.Q.trpd[f;x;g]: f . x; on an error, g[message;backtrace]."""
    if T.is_atom(x) and x is not None:
        args = [x]
    else:
        args = list(T.to_items(x)) if x is not None else [None]
    return _trap(ctx, ".Q.trpd", f, args, g)


define(".Q.bt", monad=bt, ctx=True, doc=".Q.bt[]  print the call stack, innermost frame first")
define(".Q.sbt", monad=sbt, ctx=True, doc=".Q.sbt y  backtrace object y as the text q prints")
define(".Q.trp", triad=trp, ctx=True,
       doc=".Q.trp[f;x;g]  f x; on an error, g[message;backtrace]: trap at, with a backtrace")
define(".Q.trpd", triad=trpd, ctx=True,
       doc=".Q.trpd[f;x;g]  f . x; on an error, g[message;backtrace]: trap, with a backtrace")
