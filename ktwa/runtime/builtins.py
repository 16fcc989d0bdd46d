"""Built-ins that need the evaluator: apply/amend/trap (`@` `.`), iterator keywords,
`show`, `type`, `system`, `exit`, `2:` (ktorch's loader), `.Q.fmt` and friends."""
from __future__ import annotations

import os

import numpy as np

from ..errors import QError
from ..values import types as T
from ..values.functions import MISSING, Composition, Definitions, Derived, Native, QFunction
from ..verbs import files
from ..verbs.index import amend
from ..verbs.tables import append
from .eval import apply
from .reflect import value
from .system import leave, run_system, split_command

define = Definitions()


def _is_fn(x) -> bool:
    return isinstance(x, QFunction)


def _trap(ctx, f, args, e):
    try:
        return apply(ctx, f, args)
    except QError as err:
        if _is_fn(e):
            return apply(ctx, e, [T.chars(err.msg)])
        return e


def _amend(ctx, d, path, f, y=MISSING):
    """Amend a value, or a global named by a symbol (`@[`t;0;:;9]` changes t, returns `t)."""
    name = None
    if files.is_file_symbol(d):
        # `.[`:f;();,;x]`, `@[`:db;`sym;:;s]`: amend what is stored in a file or a folder;
        # a log grows at its end, as h y does
        whole = not path or (len(path) == 1 and path[0] is None)
        if whole and y is not MISSING and f is ctx.builtins[","] and files.is_log(ctx, d):
            return files.append_log(ctx, d, y)
        return files.amend_file(ctx, d, path, f, y)
    if isinstance(d, str):
        name = d
        whole = not path or (len(path) == 1 and path[0] is None)
        if whole and y is not MISSING and not _defined(ctx, name) and (
                f is ctx.builtins[":"] or f is ctx.builtins[","]):
            # the whole of a global not yet defined: `:` defines it (kdb-tick's r.q makes
            # its tables from the schemas it is sent, (.[;();:;].)each x), `,` starts it from
            # the empty list, as `x,:y` does (cookbook cx.q's last-value client)
            if f is ctx.builtins[","]:
                ctx.set_global(name, append(ctx, [], y))
                return name
            d = []
        else:
            d = ctx.get_global(d)
    res = amend(ctx, d, path, f, y)
    if name is not None:
        ctx.set_global(name, res)
        return name
    return res


def _defined(ctx, name: str) -> bool:
    """Whether the global `name` (in the current namespace, as get_global reads it) exists."""
    try:
        ctx.get_global(name)
    except QError:
        return False
    return True


def _at2(ctx, f, x):
    return apply(ctx, f, [x])


def _at3(ctx, d, i, f):
    if _is_fn(d):
        return _trap(ctx, d, [i], f)
    return _amend(ctx, d, [i], f)


def _at4(ctx, d, i, f, y):
    return _amend(ctx, d, [i], f, y)


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
    return _amend(ctx, d, list(T.to_items(path)) if not T.is_atom(path) else [path], f, y)


def _type(x):
    return np.int16(T.qtype(x))


def _show(ctx, x):
    ctx.write(1, ctx.show(x))
    return None


def _system(ctx, cmd):
    if not T.is_string(cmd) and not isinstance(cmd, np.bytes_):
        raise QError("type")
    c, arg = split_command(T.text(cmd))
    r = run_system(ctx, c, arg)
    return r


def _tables(ctx, ns):
    """tables`.foo: the tables (keyed too) of a namespace, sorted; tables[]: the root's."""
    if ns is None or (isinstance(ns, str) and ns in ("", ".")):
        return run_system(ctx, "a", ".")
    if not isinstance(ns, str):
        raise QError("type")
    return run_system(ctx, "a", ns)


def _exit(ctx, code):
    if not isinstance(code, np.integer):
        raise QError("type")
    leave(ctx, code)


def _dynload(ctx, lib, spec):
    """`` `ktorch 2:`fns,1 ``: a function of the ktorch library, whose api ktwa always has:
    `fns` gives the name -> function dictionary, any other name that api function (`options`).
    ktwa runs no C code, so another library is 'nyi, never some other value."""
    if not isinstance(lib, str):
        raise QError("type")
    name = lib.lstrip(":").rsplit("/", 1)[-1]
    if not name.startswith("ktorch"):       # ktorch, ktorchtmp, `:/path/to/ktorch (build.rst)
        raise QError(f"nyi: 2: loads only ktorch (ktwa runs no C library): {name}")
    items = T.to_items(spec) if isinstance(spec, (list, np.ndarray)) else [spec]
    if not items or not isinstance(items[0], str) or not items[0]:
        raise QError("type")
    fname = items[0]
    if fname == "fns":
        def fns(_ctx, _x):
            names = sorted(ctx.api)
            return T.QDict(np.array(names, dtype=object), [ctx.api[n] for n in names])
        return Native(fns, rank=1, name="fns")
    if fname not in ctx.api:
        raise QError(fname)
    return ctx.api[fname]


def _qfmt(ctx, w, d, x):
    fmt = ctx.display.qfmt
    if T.is_atom(x):
        return T.chars(fmt(int(w), int(d), x))
    return [T.chars(fmt(int(w), int(d), v)) for v in T.to_items(x)]


def _qf(ctx, d, x):
    return T.chars(ctx.display.qf(int(d), x))


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
    return T.chars(os.environ.get(x if isinstance(x, str) else T.text(x), ""))


def _setenv(ctx, x, y):
    """`name setenv "value"`: the process's environment, as q's. A session fenced in
    (ktwa.fileaccess) may not change what the process and its other sessions see: 'access."""
    if not (isinstance(x, str) and x and not x.startswith(":") and "=" not in x):
        raise QError("type")
    if not (isinstance(y, np.ndarray) and y.dtype == T.CHAR or isinstance(y, np.bytes_)):
        raise QError("type")
    if not ctx.files.unfenced:
        raise QError("access")
    os.environ[x] = T.text(y)
    return None


define(":", monad=lambda x: x, dyad=lambda x, y: y, infix=True,
       doc="x:y  assign; (:) as a function returns its last argument")
define("@", monad=_type, doc="@x  the type of x")
define("@", dyad=_at2, triad=_at3, tetrad=_at4, ctx=True, infix=True,
       doc="f@x | @[f;x;e] | @[d;i;f] | @[d;i;f;y]  apply at, trap at, amend at")
define(".", monad=value, dyad=_dot2, triad=_dot3, tetrad=_dot4, ctx=True, infix=True,
       doc=".x | f . x | .[f;x;e] | .[d;p;f] | .[d;p;f;y]  value, apply, trap, amend at depth")
define("'", dyad=_compose, infix=True, doc="'[f;g]  compose: f of g")
define("each", dyad=_kw_each, ctx=True, infix=True, doc="f each x  apply f to each item of x")
define("peach", dyad=_kw_each, ctx=True, infix=True,
       doc="f peach x  each (run in this thread: ktwa has no secondary processes)")
define("over", dyad=_kw_over, ctx=True, infix=True, doc="f over x  f/x: reduce")
define("scan", dyad=_kw_scan, ctx=True, infix=True, doc="f scan x  f\\x: running reduce")
define("prior", dyad=_kw_prior, ctx=True, infix=True,
       doc="f prior x  f': x: f of each item and the one before it")
define("type", monad=_type, doc="type x  the type of x as a short (negative for atoms)")
define("show", monad=_show, ctx=True, doc="show x  write x as the console shows it")
define("system", monad=_system, ctx=True, doc='system"c"  run the system command \\c')
define("tables", monad=_tables, ctx=True,
       doc="tables[] | tables`.ns  the names of the tables of the root or of namespace ns")
define("exit", monad=_exit, ctx=True, doc="exit n  leave ktwa with status n")
define("2:", dyad=_dynload, ctx=True, infix=True,
       doc="`ktorch 2:`fns,1 | `ktorch 2:`name,n  ktorch's loader: the api as a dictionary name!function, or one api function")
define("getenv", monad=_getenv, doc="getenv`NAME  an environment variable as a string")
define("setenv", dyad=_setenv, ctx=True, infix=True,
       doc="`NAME setenv \"value\"  set an environment variable of the process")
define(".Q.fmt", triad=_qfmt, ctx=True, doc=".Q.fmt[w;d;x]  x as a string w wide, d decimals")
define(".Q.f", dyad=_qf, ctx=True, doc=".Q.f[d;x]  x as a string with d decimals")
define(".Q.s", monad=_qs, ctx=True, doc=".Q.s x  x as the console shows it, as a string")
define(".Q.s1", monad=_qs1, ctx=True, doc=".Q.s1 x  x in its one-line k form, as a string")
