"""qSQL's functional forms: `?[t;c;b;a]` (select, exec), `![t;c;b;a]` (update, delete) and
`?[t;i;p]` (exec at rows i). Their phrases are parse trees (ktwa.runtime.parsetree); each form
becomes the query node a qSQL template makes and runs through the same code."""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..syntax import ast as A
from ..values import types as T
from ..values.functions import Definitions
from ..verbs.lists import vcond
from .context import Env
from .backtrace import caller_env
from .eval import ev
from .parsetree import to_ast
from .qsql import run_qsql

define = Definitions()

_SPAN = (0, 0)


def _where(ctx, c) -> tuple:
    """c: a list of constraints (parse trees), () for none."""
    if isinstance(c, list):
        return tuple(to_ast(w, ctx.builtins) for w in c)
    if isinstance(c, np.ndarray) and len(c) == 0:
        return ()
    raise QError("type")


def _phrase(ctx, d: T.QDict) -> tuple:
    """A dictionary of names to parse trees: ((name, node)...)."""
    if not T.is_syms(d.keys):
        raise QError("type")
    return tuple((str(n), to_ast(e, ctx.builtins)) for n, e in zip(d.keys, T.to_items(d.values)))


def _columns(names) -> tuple:
    """Column names as a phrase: ((name, name)...)."""
    return tuple((str(n), A.Name(_SPAN, str(n))) for n in names)


def _run(ctx, kind, t, where, by, cols, limit=None):
    """The query node run in the scope of the lambda that applied the functional form: as in
    a qSQL template, a name in a phrase is a column, else a local of that lambda, else a
    global (qsql.md's order; Q Tips' pivot names a local list `u in its parse tree)."""
    node = A.Qsql(_SPAN, kind, A.query_phrase(limit), A.query_phrase(cols), A.query_phrase(by),
                  A.Const(_SPAN, t), A.query_phrase(where))
    env = caller_env()
    if env is None or env.ctx is not ctx:
        env = Env(ctx)
    return run_qsql(node, env, ev)


def _limit(ctx, n, order=None) -> tuple:
    """select[n;>c] of `?[t;c;b;a;n;(idesc;`c)]`: the phrases qSQL's limit takes."""
    out = []
    if order is not None:
        fns = {"iasc": "<", "idesc": ">"}
        name = getattr(order[0], "name", None) if isinstance(order, list) and len(order) == 2 \
            else None
        if name not in fns or not isinstance(order[1], str):
            raise QError("type")
        out.append(A.Chain(_SPAN, A.Name(_SPAN, order[1]),
                           (A.OpMonad(_SPAN, A.Verb(_SPAN, fns[name])),)))
    if not (isinstance(n, np.integer) and n == 2**63 - 1):       # 0W: all rows
        out.append(A.Const(_SPAN, n))
    return tuple(out)


def select_limited(ctx, t, c, b, a, n, *order):
    """`?[t;c;b;a;n]`, `?[t;c;b;a;n;(iasc|idesc;`c)]`: select[n] and select[n;<c]."""
    if len(order) > 1:
        raise QError("rank")
    return select(ctx, t, c, b, a, _limit(ctx, n, order[0] if order else None))


def select(ctx, t, c, b, a, limit=None):
    """`?[t;c;b;a]`: b 0b (no grouping), 1b (distinct), a dictionary (group by) or () / a
    column name / names (exec); a () (all columns), a dictionary of columns, or for exec a
    column name or a parse tree."""
    where = _where(ctx, c)
    exec_ = isinstance(b, list) and not b or isinstance(b, str) or T.is_syms(b) or (
        isinstance(b, T.QDict) and not isinstance(a, T.QDict) and not (isinstance(a, list)
                                                                       and not a))
    if isinstance(a, T.QDict):
        cols = _phrase(ctx, a)
    elif isinstance(a, list) and not a:
        cols = ()
    elif exec_:
        cols = ((None, to_ast(a, ctx.builtins)),)
    else:
        raise QError("type")
    distinct = False
    if isinstance(b, np.bool_):
        by = None
        distinct = bool(b)
    elif isinstance(b, list) and not b:
        by = None
    elif isinstance(b, str):
        by = ((None, A.Name(_SPAN, b)),)
    elif T.is_syms(b):
        by = _columns(b)
    elif isinstance(b, T.QDict):
        by = _phrase(ctx, b)
    else:
        raise QError("type")
    if limit and exec_:
        raise QError("type")
    res = _run(ctx, "exec" if exec_ else "select", t, where, by, cols, limit or None)
    if distinct:
        d = ctx.builtins["distinct"]
        res = d.monad(ctx, res) if d.ctx else d.monad(res)
    return res


def update(ctx, t, c, b, a):
    """`![t;c;b;a]`: a dictionary of columns updates (grouped by b when it is a dictionary);
    a list of column names deletes those columns; an empty list deletes the rows c selects."""
    where = _where(ctx, c)
    if isinstance(b, T.QDict):
        by = _phrase(ctx, b)
    elif isinstance(b, np.bool_) and not b:
        by = None
    else:
        raise QError("type")
    if isinstance(a, T.QDict):
        return _run(ctx, "update", t, where, by, _phrase(ctx, a))
    if by is not None:
        raise QError("type")
    if isinstance(a, list) and not a or T.is_syms(a) and len(a) == 0:
        return _run(ctx, "delete", t, where, None, ())
    if T.is_syms(a) or isinstance(a, str):
        if where:
            raise QError("nyi")      # q deletes columns only from the whole table
        return _run(ctx, "delete", t, (), None, _columns(T.enlist(a) if isinstance(a, str) else a))
    raise QError("type")


def exec_at(ctx, t, i, p):
    """`?[t;i;p]`: the parse tree p evaluated on the rows i of t."""
    tv = ctx.get_global(t) if isinstance(t, str) else t
    if T.is_keyed(tv) or not isinstance(tv, T.QTable):
        raise QError("type")
    rows = ctx.apply(tv, [i])
    return _run(ctx, "exec", rows, (), None, ((None, to_ast(p, ctx.builtins)),))


def _query3(ctx, x, y, z):
    if isinstance(x, T.QTable) or (isinstance(x, str) and isinstance(ctx.get_global(x), T.QTable)):
        return exec_at(ctx, x, y, z)
    return vcond(x, y, z)


define("?", triad=_query3, tetrad=select, polyad=select_limited, ctx=True, infix=True,
       doc="?[c;a;b] | ?[t;i;p] | ?[t;c;b;a] | ?[t;c;b;a;n;o]  vector conditional; exec p at "
           "rows i; functional select/exec; select[n;<c]")
define("!", tetrad=update, ctx=True, infix=True,
       doc="![t;c;b;a]  functional update (a a dictionary) or delete (a column names or ())")
