"""Built-ins that need the evaluator: apply/amend/trap (`@` `.`), iterator keywords, `0N!`,
`set`, `show`, `type`, `system`, `exit`, `2:` (ktorch's loader), `.Q.fmt` and friends."""
from __future__ import annotations

import numpy as np

from ..errors import QError, QExit
from ..values import types as T
from ..values.functions import Composition, Derived, Native, QFunction
from ..verbs.core import BUILTINS, define
from .apply import apply


def _is_fn(x) -> bool:
    return isinstance(x, QFunction)


def _trap(ctx, f, args, e):
    try:
        return apply(ctx, f, args)
    except QError as err:
        if _is_fn(e):
            return apply(ctx, e, [T.chars(err.msg)])
        return e


def _amend(ctx, d, path, f, y=None, has_y=False):
    from ..verbs.index import amend
    from .eval import lookup_global, assign_global
    name = None
    if isinstance(d, str):
        name = d
        d = lookup_global(ctx, d)
    from ..values.functions import MISSING
    res = amend(ctx, d, path, f, y if has_y else MISSING)
    if name is not None:
        assign_global(ctx, name, res)
        return name
    return res


def _at2(ctx, f, x):
    return apply(ctx, f, [x])


def _at3(ctx, d, i, f):
    if _is_fn(d):
        return _trap(ctx, d, [i], f)
    return _amend(ctx, d, [i], f)


def _at4(ctx, d, i, f, y):
    return _amend(ctx, d, [i], f, y, True)


def _dot2(ctx, f, x):
    args = T.to_items(x) if not T.is_atom(x) else [x]
    if T.is_atom(x) and x is not None:
        raise QError("type") if not _is_fn(f) else QError("rank")
    return apply(ctx, f, list(args))


def _dot3(ctx, d, path, f):
    if _is_fn(d):
        return _trap(ctx, d, list(T.to_items(path)) if not T.is_atom(path) else [path], f)
    return _amend(ctx, d, list(T.to_items(path)) if not T.is_atom(path) else [path], f)


def _dot4(ctx, d, path, f, y):
    return _amend(ctx, d, list(T.to_items(path)) if not T.is_atom(path) else [path], f, y, True)


def _bang(ctx, x, y):
    if isinstance(x, np.int64) and x == T.NULL_J:
        ctx.write(1, ctx.one_line(y) + "\n")
        return y
    if isinstance(x, np.int64) and x == -3:         # -3!x: the k (one-line) text of x
        return T.chars(ctx.one_line(y))
    base = _BANG
    if base is None:
        raise QError("nyi")
    return base.dyad(ctx, x, y) if base.ctx else base.dyad(x, y)


def _type(x):
    return np.int16(T.qtype(x))


def _show(ctx, x):
    ctx.write(1, ctx.show(x))
    return None


def _set(ctx, name, v):
    if not isinstance(name, str):
        raise QError("type")
    ctx.set_global(name, v)
    return name


def _system(ctx, cmd):
    from .system import run_system, split_command
    if not T.is_string(cmd) and not isinstance(cmd, np.bytes_):
        raise QError("type")
    c, arg = split_command(T.text(cmd))
    r = run_system(ctx, c, arg)
    return r


def _exit(ctx, code):
    raise QExit(int(code) if isinstance(code, (np.integer,)) else 0)


def _dynload(ctx, _lib, _spec):
    """`` `ktorch 2:`fns,1 ``: ktorch's api is always loaded; return its name -> function dict."""
    def fns(_ctx, _x):
        names = sorted(ctx.api)
        return T.QDict(np.array(names, dtype=object), [ctx.api[n] for n in names])
    return Native(fns, rank=1, name="fns")


def _qfmt(ctx, w, d, x):
    from ..display import qfmt
    if T.is_atom(x):
        return T.chars(qfmt(int(w), int(d), x))
    return [T.chars(qfmt(int(w), int(d), v)) for v in T.to_items(x)]


def _qf(ctx, d, x):
    from ..display import qf
    return T.chars(qf(int(d), x))


def _qs(ctx, x):
    return T.chars(ctx.show(x))


def _qs1(ctx, x):
    return T.chars(ctx.one_line(x))


def _compose(f, g):
    return Composition((f, g))


def _kw_each(ctx, f, x):
    return apply(ctx, Derived("'", f), [x])


def _kw_over(ctx, f, x):
    return apply(ctx, Derived("/", f), [x])


def _kw_scan(ctx, f, x):
    return apply(ctx, Derived("\\", f), [x])


def _kw_prior(ctx, f, x):
    return apply(ctx, Derived("':", f), [x])


def _getenv(x):
    import os
    return T.chars(os.environ.get(x if isinstance(x, str) else T.text(x), ""))


def _read1(ctx, path):
    p = path if isinstance(path, str) else T.text(path)
    if p.startswith(":"):
        p = p[1:]
    try:
        with open(p, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise QError(f"{p}. OS reports: {e.strerror}") from None
    return np.frombuffer(data, dtype=np.uint8).copy()


_BANG = None


def install():
    """Register the evaluator's built-ins (after the verbs modules have registered theirs)."""
    global _BANG
    _BANG = BUILTINS.get("!")
    define(":", monad=lambda x: x, dyad=lambda x, y: y, infix=True)
    define("@", monad=_type, dyad=_at2, triad=_at3, tetrad=_at4, ctx=True, infix=True)
    # `@` monad is type (k); the ctx flag applies to all arities, so wrap the monad
    BUILTINS["@"].monad = lambda ctx, x: _type(x)
    define(".", dyad=_dot2, triad=_dot3, tetrad=_dot4, ctx=True, infix=True)
    BUILTINS["."].monad = lambda ctx, x: ctx.apply(BUILTINS["value"], [x]) if "value" in BUILTINS else _type(x)
    bang = define("!", dyad=_bang, ctx=True, infix=True)
    if _BANG is not None and _BANG.monad is not None:
        m = _BANG.monad
        bang.monad = (lambda ctx, x: m(ctx, x)) if _BANG.ctx else (lambda ctx, x: m(x))
    define("'", dyad=_compose, infix=True)
    define("each", dyad=_kw_each, ctx=True, infix=True)
    define("peach", dyad=_kw_each, ctx=True, infix=True)
    define("over", dyad=_kw_over, ctx=True, infix=True)
    define("scan", dyad=_kw_scan, ctx=True, infix=True)
    define("prior", dyad=_kw_prior, ctx=True, infix=True)
    define("type", monad=_type)
    define("show", monad=_show, ctx=True)
    define("set", dyad=_set, ctx=True, infix=True)
    define("system", monad=_system, ctx=True)
    define("exit", monad=_exit, ctx=True)
    define("2:", dyad=_dynload, ctx=True, infix=True)
    define("getenv", monad=_getenv)
    define("read1", monad=_read1, ctx=True)
    define(".Q.fmt", triad=_qfmt, ctx=True)
    define(".Q.f", dyad=_qf, ctx=True)
    define(".Q.s", monad=_qs, ctx=True)
    define(".Q.s1", monad=_qs1, ctx=True)
