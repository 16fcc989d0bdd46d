"""What q means: evaluate AST nodes. One dispatch over node kinds; chains are folded by a loop."""
from __future__ import annotations

import numpy as np

from ..errors import QError, QExit, Frame
from ..syntax import ast as A
from ..syntax.parser import parse
from ..values import types as T
from ..values.functions import (MISSING, Builtin, Derived, Lambda, Projection)
from ..verbs.cast import temporal_part
from ..verbs.core import BUILTINS
from ..verbs.temporal import CLOCK
from .apply import apply, call_monadic, foreign
from .context import Env


class Return(Exception):
    """`:x` inside a lambda."""

    def __init__(self, value):
        self.value = value


def is_reserved(ctx, name: str) -> bool:
    """q keywords cannot be assigned (`cos:12` is 'assign); torch api names (ctx.api) can."""
    return name in BUILTINS and name[:1].isalpha() and name not in ctx.api


def ev(node, env):
    return _DISPATCH[node.__class__](node, env)


def ev_const(node, env):
    return node.value


def ev_name(node, env):
    n = node.name
    loc = env.locals
    if loc is not None and n in loc:
        return loc[n]
    g = env.ctx.globals
    if n in g:
        return g[n]
    if loc is not None and "." in n:            # a column's temporal part in qSQL: time.minute
        root, _, part = n.partition(".")
        if getattr(loc.get(root), "dtype", T.SYM).kind in "mM":
            return temporal_part(loc[root], part, n)
    return lookup_global(env.ctx, n)


def lookup_global(ctx, n: str):
    g = ctx.globals
    if n in g:
        return g[n]
    b = BUILTINS.get(n)
    if b is not None:
        return b
    a = ctx.api.get(n)
    if a is not None:
        return a
    if n in CLOCK:                      # .z.p .z.d ...: read the clock
        return CLOCK[n]()
    if "." in n[1:]:
        # dotted name: a dictionary path from the root (`d.Y`), or a namespace entry
        parts = n.split(".")
        if n.startswith("."):
            root, rest = "." + parts[1], parts[2:]
        else:
            root, rest = parts[0], parts[1:]
        if root in g:
            v = g[root]
            for key in rest:
                if isinstance(v, T.QDict):
                    i = v.index_of(key)
                    if i is None:
                        raise QError(n)
                    v = T.item(v.values, i) if not isinstance(v.values, T.QTable) else v.values
                elif isinstance(v, T.QTable):
                    c = v.column(key)
                    if c is None:
                        raise QError(n)
                    v = c
                else:
                    v = temporal_part(v, key, n)        # d.year, t.minute
            return v
    raise QError(n)


def assign_global(ctx, name: str, value):
    if is_reserved(ctx, name):
        raise QError("assign")
    if isinstance(value, Lambda) and not value.name:
        value.name = name
    ctx.globals[name] = value


def ev_verb(node, env):
    """A verb node as a function value."""
    name = node.name
    if node.__class__ is A.Verb:
        if name == "::":
            return None
        b = BUILTINS.get(name)
        if b is None:
            raise QError("nyi")
        return b
    return ev(node, env)


def ev_adverb(node, env):
    t = node.target
    f = ev_verb(t, env) if t.__class__ is A.Verb else ev(t, env)
    return Derived(node.adverb, f)


def ev_list(node, env):
    items = node.items
    out = [None] * len(items)
    for k in range(len(items) - 1, -1, -1):
        it = items[k]
        out[k] = None if it is None else ev(it, env)
    return T.from_items(out)


def ev_block(node, env):
    """Statements left to right; the value of the last (None if it is empty)."""
    v = None
    for s in node.stmts:
        v = None if s is None else ev(s, env)
    return v


def ev_lambda(node, env):
    return Lambda(node.params, node.body, node.source, node.locals, offset=node.span[0])


def _args(nodes, env):
    if len(nodes) == 1 and nodes[0] is None:
        return [None]                         # f[] passes the generic null
    out = [MISSING] * len(nodes)
    for k in range(len(nodes) - 1, -1, -1):  # arguments evaluate right to left
        a = nodes[k]
        if a is not None:
            out[k] = ev(a, env)
    return out


def ev_index(node, env):
    t = node.target
    try:
        args = _args(node.args, env)
        f = ev_verb(t, env) if t.__class__ is A.Verb else ev(t, env)
        return apply(env.ctx, f, args)
    except QError as e:
        if e.span is None:
            e.span = t.span
        raise


def ev_chain(node, env):
    head = node.head
    cur = MISSING if head is None else ev(head, env)
    ctx = env.ctx
    op = None
    try:
        for op in node.ops:
            cls = op.__class__
            if cls is A.OpDyad:
                v = op.verb
                f = ev_verb(v, env) if v.__class__ is A.Verb else ev(v, env)
                left = ev(op.left, env)
                if cur is MISSING:
                    cur = Projection(f, (left, MISSING))
                elif f.__class__ is Builtin and f.dyad is not None:
                    cur = f.dyad(ctx, left, cur) if f.ctx else f.dyad(left, cur)
                else:
                    cur = apply(ctx, f, [left, cur])
            elif cls is A.OpApply:
                f = ev(op.fn, env)
                if f.__class__ is Builtin and f.monad is not None and not f.infix \
                        and cur is not MISSING and f.name != "enlist":
                    cur = f.monad(ctx, cur) if f.ctx else f.monad(cur)   # `til 5`: the common case
                else:
                    cur = apply(ctx, f, [cur])
            elif cls is A.OpAssign:
                if cur is MISSING:          # `x:` with nothing to assign
                    raise QError("assign", op.span)
                cur = assign(op, cur, env)
            else:  # OpMonad
                v = op.verb
                if v.__class__ is A.Verb and cur is not MISSING:
                    if v.name == ":":
                        raise Return(cur)
                    if v.name == "'":
                        raise signal(cur)
                f = ev_verb(v, env) if v.__class__ is A.Verb else ev(v, env)
                if cur is MISSING:
                    cur = f
                else:
                    cur = call_monadic(ctx, f, cur)
    except QError as e:
        if e.span is None and op is not None:
            e.span = op.span if op.__class__ is not A.OpApply else op.fn.span
        raise
    except (Return, KeyboardInterrupt, QExit):
        raise
    except RecursionError:
        raise QError("stack", op.span if op is not None else node.span) from None
    except Exception as e:
        # a primitive called directly above raised a Python/torch error: wrap it once, here
        err = foreign(e)
        err.span = op.span if op is not None and op.__class__ is not A.OpApply else (
            op.fn.span if op is not None else node.span)
        raise err from None
    return cur


def signal(v) -> QError:
    if isinstance(v, str):
        return QError(v)
    if T.is_string(v):
        return QError(T.text(v))
    if isinstance(v, np.bytes_):
        return QError(T.text(v))
    return QError("stype")


def is_true(v) -> bool:
    if isinstance(v, (np.bool_, np.integer, np.floating)):
        return bool(v != 0)
    if isinstance(v, np.bytes_):
        return v != b"\x00"
    if isinstance(v, np.ndarray) and v.ndim == 1 and len(v) == 1 and v.dtype != object:
        return bool(v[0] != 0)
    raise QError("type")


def ev_cond(node, env):
    args = node.args
    n = len(args)
    i = 0
    while i + 1 < n:
        c = args[i]
        if c is None:
            raise QError("type", node.span)
        if is_true(ev(c, env)):
            b = args[i + 1]
            return None if b is None else ev(b, env)
        i += 2
    if i < n:
        b = args[i]
        return None if b is None else ev(b, env)
    return None


def ev_control(node, env):
    kind = node.kind
    body = node.body
    if kind == "if":
        if is_true(ev(node.cond, env)):
            for s in body:
                ev(s, env)
    elif kind == "do":
        n = ev(node.cond, env)
        if not isinstance(n, (np.integer, np.bool_)):
            raise QError("type", node.cond.span)
        for _ in range(int(n)):
            for s in body:
                ev(s, env)
    else:
        while is_true(ev(node.cond, env)):
            env.ctx.check_interrupt()
            for s in body:
                ev(s, env)
    return None


def ev_table(node, env):
    """`([] a:1 2; b:`x`y)`: columns evaluate right to left; atoms extend."""
    from .qsql import _col_name, _extend
    defs = list(node.keys) + list(node.cols)
    vals = [None] * len(defs)
    for k in range(len(defs) - 1, -1, -1):
        vals[k] = ev(defs[k][1], env)
    names = [_col_name(n, e, ()) if n is not None else _leftmost(e) for n, e in defs]
    n = max([T.count(v) for v in vals if not T.is_atom(v)], default=1)
    cols = []
    for v in vals:
        if T.is_atom(v):
            v = _extend(v, n)
        elif T.count(v) != n:
            raise QError("length", node.span)
        cols.append(v)
    nk = len(node.keys)
    if nk:
        return T.QDict(T.QTable(names[:nk], cols[:nk]), T.QTable(names[nk:], cols[nk:]))
    return T.QTable(names, cols)


def _leftmost(e) -> str:
    from .qsql import _names_in
    ns = _names_in(e)
    return ns[0].name if ns else "x"


def ev_qsql(node, env):
    from .qsql import run_qsql
    return run_qsql(node, env)


def assign(op, value, env):
    """Apply an OpAssign: plain, global, compound and indexed assignment."""
    name = op.name
    ctx = env.ctx
    lam = env.lam
    local = env.locals is not None and lam is not None and name in lam.locals
    if op.glob and env.locals is not None and not (name in lam.params or name in env.locals):
        local = False
    if is_reserved(ctx, name):
        raise QError("assign", op.span)
    if op.indices is None and op.op is None:
        if local:
            env.locals[name] = value
        else:
            assign_global(ctx, name, value)
        return value
    # read the current value
    if local:
        if name not in env.locals:
            raise QError(name, op.span)
        old = env.locals[name]
    else:
        old = lookup_global(ctx, name) if op.indices is not None or name in ctx.globals else None
        if old is None and op.op is not None and name not in ctx.globals:
            raise QError(name, op.span)
    f = None if op.op is None else ev_verb(op.op, env)
    if op.indices is None:
        new = apply(ctx, f, [old, value])
        result = new
    else:
        from ..verbs.index import amend
        path = _args(op.indices, env)
        if len(op.indices) == 1 and op.indices[0] is None:
            path = [MISSING]
        if f is None:
            new = amend(ctx, old, path, BUILTINS[":"], value)
        else:
            new = amend(ctx, old, path, f, value)
        result = value if f is None else new
    if local:
        env.locals[name] = new
    else:
        assign_global(ctx, name, new)
    return result


def ev_system(node, env):
    from .system import run_system
    return run_system(env.ctx, node.cmd, node.arg)


_DISPATCH = {
    A.Const: ev_const,
    A.Name: ev_name,
    A.Verb: ev_verb,
    A.Adverb: ev_adverb,
    A.ListExpr: ev_list,
    A.Block: ev_block,
    A.LambdaExpr: ev_lambda,
    A.Index: ev_index,
    A.Chain: ev_chain,
    A.Cond: ev_cond,
    A.Control: ev_control,
    A.Qsql: ev_qsql,
    A.TableExpr: ev_table,
    A.System: ev_system,
}


def call_lambda(ctx, lam: Lambda, args: list):
    params = lam.params
    ctx.depth += 1
    env = Env(ctx, dict(zip(params, args)), ctx.depth, lam)
    try:
        return ev_block(lam.body, env)
    except Return as r:
        return r.value
    except QError as e:
        if not e.frames and e.span is not None:
            label = f"{lam.name}:" if lam.name else ""
            e.frames.append(Frame(lam.source, e.span[0] - lam.offset, label))
            e.depth = env.depth
        raise
    except RecursionError:
        raise QError("stack") from None
    finally:
        ctx.depth -= 1


def eval_source(ctx, src: str):
    """`value "..."`: evaluate q text in the global scope, returning the last value."""
    block = parse(src)
    try:
        return ev_block(block, Env(ctx))
    except Return as r:
        return r.value


def is_suppressed(block) -> bool:
    """Console rule: no display after `;`, or when the outermost operation is an assignment."""
    if not block.stmts:
        return True
    last = block.stmts[-1]
    if last is None:
        return True
    if last.__class__ is A.Chain and last.ops and last.ops[-1].__class__ is A.OpAssign:
        return True
    return False
