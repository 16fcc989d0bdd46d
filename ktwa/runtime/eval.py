"""What q means: evaluate AST nodes and apply values to arguments (eval and apply are one
mutual recursion, so they live together). One dispatch over node kinds; chains are folded by
a loop. Every call into a primitive's Python code goes through `errors.from_python` when it
fails, so a foreign exception becomes the same q error on every route."""
from __future__ import annotations

import numpy as np

from ..errors import Frame, QError, QExit, from_python
from ..syntax import ast as A
from ..values import types as T
from ..values.functions import (IDENTITY, MISSING, Builtin, Composition, Derived, Lambda, Native,
                                Projection, QFunction)
from ..verbs.cast import temporal_part
from ..verbs.enums import dereference
from ..verbs.files import write_handle
from ..verbs.index import amend, index, index_depth
from ..verbs.tables import append
from .adverbs import apply_derived
from .context import Env, Return
from .parsetree import ADVERBS, OPERATORS, UNARY_GLYPHS, adverb, unary
from .patterns import Run, match_value, pattern_cond
from .qsql import as_columns, dedupe, literal_column_name, run_qsql, view_names
from .truth import is_true

# what a primitive may raise besides a q error and still be a q error (not a crash)
_PASS = (QError, Return, QExit, KeyboardInterrupt, SystemExit)


# ---------------------------------------------------------------------------------------------
# evaluation

_CONST, _NAME, _VERB = A.Const, A.Name, A.Verb
_OPASSIGN, _OPDYAD, _OPAPPLY, _OPMATCH = A.OpAssign, A.OpDyad, A.OpApply, A.OpMatch
_BUILTIN = Builtin


def ev(node, env):
    return _DISPATCH[node.__class__](node, env)


def ev_const(node, env):
    return node.value


def ev_name(node, env):
    n = node.name
    loc = env.locals
    if loc is not None:
        if n in loc:
            return loc[n]
        if "." in n:                             # a column's temporal part in qSQL: time.minute
            root, _, part = n.partition(".")
            col = loc.get(root)
            if getattr(col, "dtype", T.SYM).kind in "mM":
                return temporal_part(col, part, n)
            if col.__class__ is T.Enum:     # a foreign key: s.city, and on through the
                db = env.ctx.database           # keyed table's own ones: s.eid.currency
                parts = loc.get(db.field) if db is not None else None
                for field in part.split("."):   # (a link into a partitioned table needs the
                    if col.__class__ is not T.Enum:     # partitions of the rows queried)
                        raise QError(n)
                    col = dereference(env.ctx, col, field, parts)
                    parts = None
                return col
    if n == ".z.s":                  # dotz.md: the function being evaluated (self)
        if env.lam is None:
            raise QError(n)
        return env.lam
    ctx = env.ctx
    if env.ns:
        return ctx.get_global(n, env.ns)
    g = ctx.globals
    if n in g:
        return g[n]
    return ctx.get_global(n, "")


def ev_qword(node, env):
    """A q keyword k does not know, written in q (`count`): a local of that name (a qSQL
    column), else the keyword, though k code made a global of that name (`k)count:3`, read
    back in k); a torch api name keeps q's rule for globals (it may be assigned)."""
    n = node.name
    loc = env.locals
    if loc is not None and n in loc:
        return loc[n]
    ctx = env.ctx
    b = ctx.builtins.get(n)
    if b is not None and n not in ctx.api:
        return b
    return ev_name(node, env)


def ev_kname(node, env):
    """A q keyword written in k code: there a plain name, a local or a global of the
    namespace; never the keyword (k reaches it as `.q.count`)."""
    n = node.name
    loc = env.locals
    if loc is not None and n in loc:
        return loc[n]
    full = env.ctx.qualify(n, env.ns)
    g = env.ctx.globals
    if full in g:
        return g[full]
    raise QError(n, node.span)


def ev_verb(node, env):
    """A verb node as a function value."""
    name = node.name
    if node.__class__ is A.Verb:
        if name == "::":
            return None
        b = env.ctx.builtins.get(name)
        if b is None:
            if name in ADVERBS:                      # an iterator as a value: (/;+)
                return adverb(name)
            if name.endswith(":") and name[:-1] in UNARY_GLYPHS:    # k's unary form: (#:)
                return unary(name[:-1], env.ctx.builtins)
            raise QError("nyi")
        return b
    return ev(node, env)


def ev_adverb(node, env):
    t = node.target
    f = ev_verb(t, env) if t.__class__ is A.Verb else ev(t, env)
    return Derived(node.adverb, f)


def ev_list(node, env):
    """`(a;b;c)`, items right to left; a list with an empty item (`(`f;)`) is a projection
    of enlist, as in q."""
    items = node.items
    out = [None] * len(items)
    hole = False
    for k in range(len(items) - 1, -1, -1):
        it = items[k]
        if it is None:
            out[k] = MISSING
            hole = True
        else:
            out[k] = ev(it, env)
    if hole:
        return Projection(env.ctx.builtins["enlist"], tuple(out))
    return T.from_items(out)


def ev_block(node, env):
    """Statements left to right; the value of the last (None if it is empty)."""
    v = None
    for s in node.stmts:
        v = None if s is None else ev(s, env)
    return v


def run_block(block, env, text=None):
    """A block at the top level: `:x` there returns x. Given the text it was parsed from, a
    statement `v::e` defines a view (q reads it so only at the top level)."""
    try:
        if text is None or env.locals is not None:
            return ev_block(block, env)
        v = None
        stmts = block.stmts
        for k, s in enumerate(stmts):
            view = _view_definition(s)
            if view is not None:
                # views.md: the view is the rest of the line, `v::a;b;select ...`
                # and, as in a lambda, an empty last statement makes its value :: (`vv::a;`)
                op, body = view
                rest = (body,) + tuple(stmts[k + 1:])
                said = [t for t in rest if t is not None]
                end = said[-1].span[1] if len(said) > 1 else s.span[1]
                said_text = text[op.span[1]:end]
                env.ctx.define_view(op.name, A.Block((body.span[0], end), rest),
                                    said_text.strip(),
                                    [n.name for b in said for n in view_names(b)],
                                    end - len(said_text.strip()) - len(said_text)
                                    + len(said_text.rstrip()))
                return None
            v = None if s is None else ev(s, env)
        return v
    except Return as r:
        return r.value


def _view_definition(s):
    """(the assignment, the expression) of a statement `v::e`, else None."""
    if s.__class__ is not A.Chain or not s.ops:
        return None
    op = s.ops[-1]
    if op.__class__ is not A.OpAssign or not op.glob or op.indices is not None \
            or op.op is not None or (s.head is None and len(s.ops) == 1):
        return None
    return op, A.Chain((s.span[0], op.span[0]), s.head, s.ops[:-1])


def ev_lambda(node, env):
    lam = env.lam
    if lam is not None:
        f = Lambda(node.params, node.body, node.source, node.locals, offset=node.offset,
                   owner=lam.name, ns=env.ns)
        if lam.file:                # an inner lambda was read from its outer one's file
            f.file = lam.file
            f.line = lam.line + lam.source.count("\n", 0, node.offset - lam.offset)
        return f
    f = Lambda(node.params, node.body, node.source, node.locals, offset=node.offset,
               ns=env.ns)
    at = env.ctx.script_at
    if at is not None:              # a script's statement: (file, its first line, its text)
        f.file = at[0]
        f.line = at[1] + at[2].count("\n", 0, node.offset)
    return f


def _args(nodes, env):
    if len(nodes) == 1 and nodes[0] is None:
        return [None]                         # f[] passes the generic null
    out = [MISSING] * len(nodes)
    for k in range(len(nodes) - 1, -1, -1):  # arguments evaluate right to left
        a = nodes[k]
        if a is not None:
            c = a.__class__         # leaves without ev's frame (they never recurse)
            out[k] = a.value if c is _CONST else ev_name(a, env) if c is _NAME else ev(a, env)
    return out


def ev_index(node, env):
    t = node.target
    f = MISSING
    try:
        args = _args(node.args, env)
        f = ev_verb(t, env) if t.__class__ is A.Verb else ev(t, env)
        return apply(env.ctx, f, args)
    except QError as e:
        if e.span is None:
            e.span = t.span
        if e.failed is None and f is not MISSING and f.__class__ is not Lambda:
            e.failed = (f, args)
        raise


def ev_chain(node, env):
    head = node.head
    if head is None:
        cur = MISSING
    else:
        c = head.__class__          # leaves without ev's frame (they never recurse)
        cur = head.value if c is _CONST else ev_name(head, env) if c is _NAME else ev(head, env)
    ctx = env.ctx
    bget = ctx.builtins.get
    op = None
    # an expression with no right argument (`105>sum@`, `0|+`) is a function: the first verb
    # makes it (a projection, or the verb itself), every term to its left composes with it
    composing = False
    f = left = None
    try:
        for op in node.ops:
            cls = op.__class__
            if composing and cls is not _OPASSIGN:
                cur = _compose_term(op, cur, env)
                continue
            if cls is _OPDYAD:
                left = MISSING              # until it is known (see the QError handler)
                v = op.verb             # a glyph or keyword is its built-in (never `::`)
                f = bget(v.name) if v.__class__ is _VERB else None
                if f is None:
                    f = _dyad_verb(op, env)
                node_l = op.left
                c = node_l.__class__
                left = node_l.value if c is _CONST else ev_name(node_l, env) if c is _NAME \
                    else ev(node_l, env)
                if cur is MISSING:
                    cur = Projection(f, (left, MISSING))
                    composing = True
                elif f.__class__ is _BUILTIN and f.dyad is not None:
                    cur = f.dyad(ctx, left, cur) if f.ctx else f.dyad(left, cur)
                else:
                    cur = apply(ctx, f, [left, cur])
            elif cls is _OPAPPLY:
                f = op.fn
                f = _DISPATCH[f.__class__](f, env)      # ev, without its frame
                if f.__class__ is _BUILTIN and f.monad is not None and not f.infix \
                        and cur is not MISSING and f.name != "enlist":
                    cur = f.monad(ctx, cur) if f.ctx else f.monad(cur)   # `til 5`: the common case
                elif f.__class__ is _BUILTIN and f.name in OPERATORS and cur is not MISSING:
                    # an operator applied by juxtaposition is its unary form: `($)42`, `(+)d`
                    u = unary(f.name, ctx.builtins)
                    cur = u.monad(ctx, cur) if u.ctx else u.monad(cur)
                elif cur is None and isinstance(f, np.generic):
                    # identity.md: applied prefix (not in brackets, 3[::] is 'type), a
                    # value that is not applicable is left as it is: 3 :: is 3
                    cur = f
                else:
                    cur = apply(ctx, f, [cur])
            elif cls is _OPASSIGN:
                if cur is MISSING:          # `x:` with nothing to assign
                    raise QError("assign", op.span)
                cur = assign(op, cur, env)
            elif cls is _OPMATCH:
                if cur is MISSING:
                    raise QError("assign", op.span)
                cur = match_value(op.pattern, cur, env, _RUN)
            else:  # OpMonad
                f = v = op.verb
                if v.__class__ is A.Verb and cur is not MISSING:
                    if v.name == ":":
                        raise Return(cur)
                    if v.name == "'":
                        raise signal(cur)
                    if v.name in _NO_PREFIX:
                        raise QError(v.name, v.span)
                f = ev_verb(v, env) if v.__class__ is A.Verb else ev(v, env)
                if cur is MISSING:
                    cur = f
                    # a function starts a train; a noun closed by :: (`1 2 3 ::`) is a value.
                    # The generic null is the identity function (type 101h): KX's ml makes
                    # (warn)get[name]:: where get may give ::, a train of functions still
                    composing = isinstance(f, QFunction) or f is None
                else:
                    cur = call_monadic(ctx, f, cur)
    except QError as e:
        if e.span is None and op is not None:
            e.span = op.span if op.__class__ is not _OPAPPLY else op.fn.span
        if e.failed is None and op is not None and not composing:
            e.failed = _failed_call(op, f, left, cur)
        raise
    except (Return, KeyboardInterrupt, QExit):
        raise
    except Exception as e:
        # a primitive called directly above failed in Python/numpy/torch
        err = from_python(e)
        err.span = op.span if op is not None and op.__class__ is not _OPAPPLY else (
            op.fn.span if op is not None else node.span)
        raise err from None
    return cur


def _failed_call(op, f, left, cur):
    """(primitive;arguments) of the term op when its application is what failed, else None:
    f and left are set before a term applies them, so a stale f (the term's function failed
    to evaluate) or an unset left (its left argument did) says the failure came earlier."""
    cls = op.__class__
    if f.__class__ is Lambda or cur is MISSING:
        return None                     # a lambda's own terms said what failed in it
    if cls is A.OpDyad:
        return None if left is MISSING else (f, [left, cur])
    if cls is A.OpApply:
        return None if f is op.fn else (f, [cur])
    if cls is A.OpMonad:
        return None if f is op.verb else (f, [cur])
    return None


def _dyad_verb(op, env):
    """The verb of an infix term `x f y`; (::) takes one argument, so `3::x` is 'rank."""
    v = op.verb
    f = ev_verb(v, env) if v.__class__ is A.Verb else ev(v, env)
    if f is None:
        raise QError("rank", op.span)
    return f


def _compose_term(op, g, env):
    """The term `op` to the left of the function g an expression without a right argument
    has made: `f g` composed (q's `'[f;g]`)."""
    cls = op.__class__
    if cls is A.OpDyad:
        f = Projection(_dyad_verb(op, env), (ev(op.left, env), MISSING))
    elif cls is A.OpApply:
        f = ev(op.fn, env)
    else:
        v = op.verb
        f = ev_verb(v, env) if v.__class__ is A.Verb else ev(v, env)
    return Composition((f, g))


def signal(v) -> QError:
    if isinstance(v, str):
        return QError(v)
    if T.is_string(v):
        return QError(T.text(v))
    return QError("stype")              # signal.md: not a number, nor a char atom


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
            for s in body:
                ev(s, env)
    return None


def ev_table(node, env):
    """`([] a:1 2; b:`x`y)`: columns evaluate right to left; atoms extend."""
    defs = list(node.keys) + list(node.cols)
    vals = [None] * len(defs)
    for k in range(len(defs) - 1, -1, -1):
        e = defs[k][1]
        if e is None:                 # `([]a:)`: a column named with nothing in it
            raise QError("type", node.span)
        vals[k] = ev(e, env)
    names = dedupe([n if n is not None else literal_column_name(e) for n, e in defs])
    if node.keys and not node.cols:
        # q 4.1's dictionary literal: `([a:1;b:2])` is `a`b!1 2
        return T.QDict(np.array(names, dtype=object), T.from_items(vals))
    try:
        cols = as_columns(vals)
    except QError as e:
        e.span = node.span
        raise
    nk = len(node.keys)
    if nk:
        return T.QDict(T.QTable(names[:nk], cols[:nk]), T.QTable(names[nk:], cols[nk:]))
    return T.QTable(names, cols)


def ev_qsql(node, env):
    try:
        return run_qsql(node, env, ev)
    except QError as e:
        if e.span is None:          # the caret marks the query (function-notation.md)
            e.span = node.span
        raise


def _is_join(verb) -> bool:
    return verb.__class__ is A.Verb and verb.name == ","


def _value_set(ctx, name: str, ns: str, path: list):
    """.z.vs[name;indices] after a global of the default namespace is assigned (dotz.md: not
    for locals, nor for names in other namespaces): the indices are () for the whole value."""
    full = ctx.qualify(name, ns)
    if full.startswith("."):
        return
    ix = [] if not path or (len(path) == 1 and path[0] is MISSING) else \
        (path[0] if len(path) == 1 else T.from_items(path))
    apply(ctx, ctx.globals[".z.vs"], [full, ix])


def assign(op, value, env):
    """Apply an OpAssign: plain, global, compound and indexed assignment."""
    name = op.name
    ctx = env.ctx
    lam = env.lam
    local = env.locals is not None and lam is not None and name in lam.locals
    if op.glob and env.locals is not None and not (name in lam.params or name in env.locals):
        local = False
    # k code may name a global after a q keyword k does not know (`k)count:3`): q still reads
    # that name as its keyword (a QWord), k as the global, `get`count` finds the global
    if not op.word and ctx.is_reserved(name):
        raise QError("assign", op.span)
    ns = env.ns
    if not local and "." in name[1:]:
        into = _dict_root(ctx, ctx.qualify(name, ns))
        if into is not None:
            return _assign_in_dict(op, value, env, *into)
    if op.indices is None and op.op is None:
        if local:
            env.locals[name] = value
        else:
            ctx.set_global(name, value, ns, op.word)
            if ".z.vs" in ctx.globals:
                _value_set(ctx, name, ns, [])
        return value
    # read the current value
    if local:
        if name not in env.locals:
            raise QError(name, op.span)
        old = env.locals[name]
    else:
        full = ctx.qualify(name, ns)
        old = ctx.get_global(name, ns) if op.indices is not None or full in ctx.globals \
            else None
    f = None if op.op is None else ev_verb(op.op, env)
    if not local and old is None and f is not None and full not in ctx.globals:
        # `bar+:1` with bar undefined starts from the operator's identity element (assign.md),
        # `b,:3` from the empty list (enlist.md: b becomes a 1-item list); an operator without
        # a known one leaves bar undefined
        if op.indices is not None or f.__class__ is not Builtin or \
                not (f.name in IDENTITY or _is_join(op.op)):
            raise QError(name, op.span)
        old = [] if _is_join(op.op) else IDENTITY[f.name]
    if op.indices is None:
        # `x,:y` appends: stricter than x:x,y (types must match) and records go into tables
        try:
            new = append(ctx, old, value) if f.__class__ is Builtin and f.name == "," \
                else apply(ctx, f, [old, value])
        except QError as e:
            raise _at_colon(e, op)
        result = new
    else:
        path = _args(op.indices, env)
        if len(op.indices) == 1 and op.indices[0] is None:
            path = [MISSING]
        try:
            new = amend(ctx, old, path, ctx.builtins[":"] if f is None else f, value)
        except QError as e:
            raise _at_colon(e, op)
        # assign.md: the value of an assignment is the value assigned: for `a[i]+:y`, the
        # new items at i
        whole = len(path) == 1 and path[0] is MISSING
        result = value if f is None else new if whole else apply(ctx, new, path)
    if local:
        env.locals[name] = new
    else:
        ctx.set_global(name, new, ns, op.word)
        if ".z.vs" in ctx.globals:
            _value_set(ctx, name, ns, [] if op.indices is None else path)
    return result


def _at_colon(e: QError, op) -> QError:
    """An error of the update an assignment makes points at its colon (or at the operator of
    `x+:y`), as q's caret does (dictsandtables.md: `v[5 1]:42 100` shows it under `:`)."""
    if e.span is None:
        end = op.span[1]
        e.span = op.op.span if op.op is not None else (end - (2 if op.glob else 1), end)
    return e


def _dict_root(ctx, full: str):
    """For a dotted name whose head is a global dictionary (`d.a`, `d.a.b`): (that global's
    full name, the keys below it); None otherwise (a namespace entry such as `.foo.a`)."""
    parts = full.split(".")
    lowest = 2 if full.startswith(".") else 1
    for i in range(len(parts) - 1, lowest - 1, -1):
        root = ".".join(parts[:i])
        if isinstance(ctx.globals.get(root), T.QDict):
            return root, parts[i:]
    return None


def _assign_in_dict(op, value, env, root: str, keys: list):
    """`d.a:v`, `d.a+:v`, `d.a[i]:v`: amend the global dictionary d at `a (as d[`a]:v does;
    a new key is appended)."""
    ctx = env.ctx
    path = list(keys)
    if op.indices is not None and not (len(op.indices) == 1 and op.indices[0] is None):
        path += _args(op.indices, env)
    f = ctx.builtins[":"] if op.op is None else ev_verb(op.op, env)
    new = amend(ctx, ctx.globals[root], path, f, value)
    ctx.set_global(root, new, "")
    return value if op.op is None else new


_DISPATCH = {
    A.Const: ev_const,
    A.Name: ev_name,
    A.QWord: ev_qword,
    A.KName: ev_kname,
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
    A.PatternCond: lambda node, env: pattern_cond(node, env, _RUN),
}


def call_lambda(ctx, lam: Lambda, args: list):
    params = lam.params
    ctx.depth += 1
    # function-notation.md: locals are found when the lambda is parsed and start as ()
    if len(lam.locals) > len(params):
        loc = {n: [] for n in lam.locals}
        loc.update(zip(params, args))
    else:
        loc = dict(zip(params, args))
    env = Env(ctx, loc, ctx.depth, lam)
    try:
        return ev_block(lam.body, env)
    except Return as r:
        return r.value
    except QError as e:
        # one frame per lambda on the stack, innermost first; the caller's chain then marks
        # the call site in its own frame
        caret = e.span[0] - lam.offset if e.span is not None else -1
        e.frames.append(Frame(lam.source, caret, lam.label()))
        e.span = None
        raise
    except RecursionError:
        raise QError("stack") from None
    finally:
        ctx.depth -= 1


def is_suppressed(block) -> bool:
    """Console rule: no display after `;`, or when the outermost operation is an assignment."""
    if not block.stmts:
        return True
    last = block.stmts[-1]
    if last is None:
        return True
    if last.__class__ is A.Chain and last.ops and last.ops[-1].__class__ in (A.OpAssign,
                                                                              A.OpMatch):
        return True
    return False


# ---------------------------------------------------------------------------------------------
# application

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
    if b.name == "'" and n == 1:         # `'[f]` is f' (each); `'[f;g]` composes
        return Derived("'", args[0])
    if n == 1:
        if b.monad is not None and not (b.infix and b.dyad is not None):
            return b.monad(ctx, args[0]) if b.ctx else b.monad(args[0])
        if b.dyad is not None or b.triad is not None or b.tetrad is not None:
            return _project(b, args)
        raise QError("rank")
    if n == 2 and b.dyad is not None:
        return b.dyad(ctx, *args) if b.ctx else b.dyad(*args)
    if n == 3 and b.triad is not None:
        return b.triad(ctx, *args) if b.ctx else b.triad(*args)
    if n == 4 and b.tetrad is not None:
        return b.tetrad(ctx, *args) if b.ctx else b.tetrad(*args)
    if n >= 5 and b.polyad is not None:
        return b.polyad(ctx, *args) if b.ctx else b.polyad(*args)
    if n < 4 and (b.triad is not None and n < 3 or b.tetrad is not None):
        # fewer arguments than a form takes: a projection (`.Q.dpft[d;p;`sym] each tables`)
        return _project(b, args)
    raise QError("rank")


# q has no unary syntax for operators (funsql.md: `,x` is ',; parsetrees.md: `$42` is '$, `+d`
# '+): a glyph applied prefix to a value in q is an error named by the glyph; k reads it as its
# unary form (the k parser writes it `#:`), and `(#)x`, `#:x` are the unary form in q too.
# `-x` stays neg: no page shows q refusing it, and negating a name is what a script means by it.
_NO_PREFIX = frozenset(OPERATORS) - {"-", ":"}


def call_monadic(ctx, f, x):
    """A verb applied prefix (`-x`, `+/x`, `count'x`...)."""
    if f.__class__ is Builtin:
        if f.monad is not None:
            try:
                return f.monad(ctx, x) if f.ctx else f.monad(x)
            except _PASS:
                raise
            except Exception as e:
                raise from_python(e) from None
        return _project(f, [x])
    return apply(ctx, f, [x])


def apply(ctx, f, args: list):
    """Apply any q value f to a list of arguments (q's `.` / juxtaposition / brackets)."""
    cls = f.__class__
    try:
        if cls is Lambda:
            n = len(args)
            r = len(f.params) or 1          # Lambda.rank, inline: {[] ...} takes one
            if n == r:
                for a in args:
                    if a is MISSING:
                        return _project(f, args)
                return call_lambda(ctx, f, args)
            if n > r:
                raise QError("rank")
            return _project(f, args)
        if cls is Builtin:
            return call_builtin(ctx, f, args)
        if cls is Projection:
            return _apply_projection(ctx, f, args)
        if cls is Derived:
            return apply_derived(ctx, f, args)
        if cls is Composition:
            last = f.fns[-1]
            if any(a is MISSING for a in args) or (
                    last.__class__ in (Lambda, Projection, Composition)
                    and len(args) < last.rank):
                # compose.md: the composition has its last function's rank, so too few
                # arguments project it (wmode:imax wfreq:: ; wmode[1])
                return _project(f, args)
            v = apply(ctx, last, args)
            if v.__class__ is Projection and v.fn is last:
                # a glyph given one argument projects (`-[3]`), and so does the whole
                # composition (funq's edist:enorm (-):: ; edist X)
                return _project(f, args)
            for g in reversed(f.fns[:-1]):
                v = apply(ctx, g, [v])
            return v
        if cls is Native:
            if len(args) < f.rank:
                return _project(f, args)
            return f.fn(ctx, *args)
        if isinstance(f, (np.ndarray, list, T.QDict, T.QTable)):
            if len(args) == 1:
                a = args[0]
                if a is MISSING:
                    return f
                return index(f, a, ctx)
            if isinstance(f, list) and isinstance(args[0], np.integer) and \
                    0 <= int(args[0]) < len(f) and isinstance(f[int(args[0])], QFunction):
                # application.md: (sum;dev;var)[1;til 5] applies the item to what is left
                return apply(ctx, f[int(args[0])], args[1:])
            if isinstance(f, T.QDict) and T.is_atom(args[0]) and not T.is_keyed(f):
                item = index(f, args[0])        # a namespace's function: img[`trade;x]
                if isinstance(item, QFunction):
                    return apply(ctx, item, args[1:])
            return index_depth(f, args, ctx)
        if cls is str:
            return apply(ctx, ctx.get_global(f), args)
        if isinstance(f, np.integer) and len(args) == 1:
            if f == 0:      # handle 0 is this process (handles.md): `0 "1+1"`, `0 (+;2;2)`
                return ctx.message(args[0])
            if abs(int(f)) in ctx.handles:           # a file hopen made (files.md)
                write_handle(ctx, int(f), args[0])
                return f
            return handle_write(ctx, int(f), args[0])
        if f is None:
            # (::) is the identity
            if len(args) == 1:
                return args[0]
            raise QError("rank")
        raise QError("type")
    except _PASS:
        raise
    except Exception as e:
        raise from_python(e) from None


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
    """`-1 "text"`, `-2 "text"`, `1 "text"`, `2 "text"`: write to stdout/stderr. Before any
    handle is looked at, (::) or a function is not data (`3[::]` is a type error, identity.md;
    so is `1000/[+]`, application.md) and an empty list writes nothing: `h ()` is h
    (accumulators.md: `42 (3 4#til 12)/[0#0]` is 42)."""
    if x is None or isinstance(x, QFunction):
        raise QError("type")
    if isinstance(x, list) and not x:
        return np.int64(h)
    if h not in (-1, -2, 1, 2):
        raise QError(f"Cannot write to handle {h}. OS reports: Bad file descriptor")
    fd = abs(h)
    nl = "\n" if h < 0 else ""
    # q writes a string's bytes as they are: bytes that are not UTF-8 travel as surrogates
    # (surrogateescape) that the console's streams write back as those bytes ("ktwa.raw")
    if T.is_string(x) or isinstance(x, np.bytes_):
        ctx.write(fd, T.text(x, "surrogateescape") + nl)
    elif isinstance(x, list) and all(T.is_string(s) or isinstance(s, np.bytes_) for s in x):
        for s in x:
            ctx.write(fd, T.text(s, "surrogateescape") + nl)
    else:
        raise QError("type")
    return np.int64(h)


# what pattern matching (ktwa.runtime.patterns) uses of the evaluator
_RUN = Run(ev, apply, assign)
