"""Application: functions of every kind, projections, indexing data, symbols, handle writes."""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values import types as T
from ..values.functions import (MISSING, Builtin, Composition, Derived, Lambda, Native,
                                Projection)


def foreign(e: Exception) -> QError:
    """Wrap a non-q exception raised by a primitive or by torch, once, keeping torch's text."""
    if isinstance(e, QError):
        return e
    if isinstance(e, RecursionError):
        return QError("stack")
    if isinstance(e, MemoryError):
        return QError("wsfull")
    if isinstance(e, RuntimeError) and not isinstance(e, NotImplementedError):
        msg = str(e).strip().splitlines()
        return QError(msg[0] if msg else "type")
    if isinstance(e, IndexError):
        return QError("index")
    if isinstance(e, ZeroDivisionError):
        return QError("domain")
    if isinstance(e, (OverflowError,)):
        return QError("domain")
    if isinstance(e, NotImplementedError):
        return QError("nyi")
    if isinstance(e, ValueError) and "broadcast" in str(e):
        return QError("length")
    return QError("type")


def _project(f, args):
    return Projection(f, tuple(args))


def call_builtin(ctx, b: Builtin, args: list):
    n = len(args)
    for a in args:
        if a is MISSING:
            return _project(b, args)
    if b.name == "enlist":
        if n == 1:
            return T.enlist(args[0])
        return T.from_items(list(args))
    if n == 1:
        if b.monad is not None and not (b.infix and b.dyad is not None):
            return b.monad(ctx, args[0]) if b.ctx else b.monad(args[0])
        if b.dyad is not None or b.triad is not None:
            return _project(b, args)
        raise QError("rank")
    if n == 2 and b.dyad is not None:
        return b.dyad(ctx, *args) if b.ctx else b.dyad(*args)
    if n == 3 and b.triad is not None:
        return b.triad(ctx, *args) if b.ctx else b.triad(*args)
    if n == 4 and b.tetrad is not None:
        return b.tetrad(ctx, *args) if b.ctx else b.tetrad(*args)
    if n == 2 and b.dyad is None and b.triad is not None:
        return _project(b, args)
    raise QError("rank")


def call_monadic(ctx, f, x):
    """A verb applied prefix (`-x`, `+/x`, `count'x`...)."""
    if f.__class__ is Builtin:
        if f.monad is not None:
            try:
                return f.monad(ctx, x) if f.ctx else f.monad(x)
            except QError:
                raise
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as e:
                raise foreign(e) from None
        return _project(f, [x])
    return apply(ctx, f, [x])


def apply(ctx, f, args: list):
    """Apply any q value f to a list of arguments (q's `.` / juxtaposition / brackets)."""
    cls = f.__class__
    try:
        if cls is Lambda:
            from .eval import call_lambda
            n = len(args)
            r = len(f.params)
            if n > r:
                raise QError("rank")
            if n < r or any(a is MISSING for a in args):
                return _project(f, args)
            return call_lambda(ctx, f, args)
        if cls is Builtin:
            return call_builtin(ctx, f, args)
        if cls is Projection:
            return _apply_projection(ctx, f, args)
        if cls is Derived:
            from .adverbs import apply_derived
            return apply_derived(ctx, f, args)
        if cls is Composition:
            v = apply(ctx, f.fns[-1], args)
            for g in reversed(f.fns[:-1]):
                v = apply(ctx, g, [v])
            return v
        if cls is Native:
            if len(args) < f.rank:
                return _project(f, args)
            return f.fn(ctx, *args)
        if isinstance(f, (np.ndarray, list, T.QDict, T.QTable)):
            from ..verbs.index import index, index_depth
            if len(args) == 1:
                a = args[0]
                if a is MISSING:
                    return f
                return index(f, a)
            return index_depth(f, args)
        if cls is str:
            from .eval import lookup_global
            return apply(ctx, lookup_global(ctx, f), args)
        if isinstance(f, np.integer) and len(args) == 1:
            return handle_write(ctx, int(f), args[0])
        if f is None:
            # (::) is the identity
            if len(args) == 1:
                return args[0]
            raise QError("rank")
        raise QError("type")
    except QError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as e:
        from .eval import Return
        if isinstance(e, Return):
            raise
        from ..errors import QExit
        if isinstance(e, QExit):
            raise
        raise foreign(e) from None


def _apply_projection(ctx, p: Projection, args: list):
    fixed = list(p.args)
    out = []
    k = 0
    for a in fixed:
        if a is MISSING and k < len(args):
            out.append(args[k])
            k += 1
        else:
            out.append(a)
    out.extend(args[k:])
    # a projection of a builtin/lambda whose rank is not yet met stays a projection
    return apply(ctx, p.fn, out)


def handle_write(ctx, h: int, x):
    """`-1 "text"`, `-2 "text"`, `1 "text"`, `2 "text"`: write to stdout/stderr."""
    if h not in (-1, -2, 1, 2):
        raise QError(f"Cannot write to handle {h}. OS reports: Bad file descriptor")
    fd = abs(h)
    nl = h < 0
    if T.is_string(x) or isinstance(x, np.bytes_):
        text = T.text(x)
        ctx.write(fd, text + ("\n" if nl else ""))
    elif isinstance(x, list) and all(T.is_string(s) or isinstance(s, np.bytes_) for s in x):
        for s in x:
            ctx.write(fd, T.text(s) + ("\n" if nl else ""))
    elif isinstance(x, list) and not x:
        pass
    else:
        raise QError("type")
    return np.int64(h)
