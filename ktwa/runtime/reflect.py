"""Reflection: what a name, a function or a piece of text is to q. `key` and `value`/`get`
of names, namespaces, files and functions; `parse` and `eval` (parse trees, see
ktwa.runtime.parsetree).

`value` of a lambda follows q's list (bytecode;params;locals;(namespace,globals);constants...;
m;n;f;l;source). ktwa has no bytecode: its stand-in is an empty byte vector and the
bytecode-to-source map m is an empty long vector; f and l are the full path of the script a
lambda was read from and the line it starts on ("" and -1 for one typed at the console)."""
from __future__ import annotations

import dataclasses
import re

import numpy as np

from ..errors import Frame, QError
from ..syntax import ast as A
from ..syntax.lexer import tokenize
from ..values import types as T
from ..values.functions import (MISSING, Builtin, Composition, Definitions, Derived, Lambda,
                                Projection, QFunction, View)
from ..verbs import files
from ..verbs.lists import q_key, q_value
from ..verbs.text import sv
from .context import Env
from .eval import _NO_PREFIX, apply, ev
from .parsetree import KEYWORD_UNARY, OPERATORS, Trees, is_unary_glyph, to_ast
from .system import views

define = Definitions()

# q's internal codes of its operators (`value each (::;+;-;*;%)` is 0 1 2 3 4)
OPERATOR_CODE = {g: k for k, g in enumerate(OPERATORS)}


# ---------------------------------------------------------------------------------------------
# names

def key(ctx, x):
    """key x: a dictionary's keys, a keyed table's key, til n, a vector's type name, and for
    a symbol: `` ` `` the namespaces, a namespace its names, a file handle the folder's files
    (or the handle if the file exists, else ()), a name its keys or itself if defined, else ()."""
    if T.enum_domain(x):               # an enumeration's key is its domain's name
        return q_key(x)
    if isinstance(x, str):
        return _key_of_name(ctx, x)
    if isinstance(x, np.ndarray) and x.dtype in T.DTYPE_TYPE:
        return T.TYPE_NAME[T.DTYPE_TYPE[x.dtype]]
    return q_key(x)


def _key_of_name(ctx, name: str):
    if name == "":
        return T.syms(ctx.namespaces())
    if name == ".":
        return T.syms(ctx.namespace_names(""))
    if files.is_file_symbol(name):
        return files.key(ctx, name)
    full = ctx.qualify(name)
    if full.startswith(".") and full not in ctx.globals and ctx.is_namespace(full):
        return T.syms([""] + ctx.namespace_names(full))
    try:
        v = ctx.get_global(name)
    except QError:
        return []
    if isinstance(v, T.QDict):
        return q_key(v)
    return name


def value(ctx, x):
    """value x / get x: a dictionary's values, the variable a symbol names (a namespace as a
    dictionary), the value in a file named by a file symbol or a symbol vector (`` `:db`t ``
    is db/t), text evaluated, a list applied (its first item, evaluated when a string or
    symbol, to the rest), and what a function is made of."""
    if T.enum_domain(x):               # an enumeration's value: its symbols
        return q_value(ctx, x)
    if isinstance(x, str):
        if files.is_file_symbol(x):
            return files.read_value(ctx, x)
        return ctx.get_global(x)
    if T.is_syms(x) and len(x) and files.is_file_symbol(x[0]):
        return files.read_value(ctx, sv("", x))    # get.md: a file named as a symbol vector
    if isinstance(x, list) and len(x) >= 2:
        f = x[0]
        if isinstance(f, str):
            f = ctx.get_global(f)
        elif T.is_string(f) or T.qtype(f) == -10:     # "+" is a char atom: the same text
            f = ctx.eval_text(T.text(f))
        return apply(ctx, f, list(x[1:]))
    if isinstance(x, QFunction) or x is None:
        return _function_value(ctx, x)
    if isinstance(x, View):             # views.md: value`. `v
        return T.from_items([x.value if x.valid else None, parse(ctx, T.chars(x.text)),
                             T.syms(list(x.deps)), T.chars(x.text)])
    return q_value(ctx, x)


def _function_value(ctx, f):
    if f is None:                      # (::), the identity, is operator 0
        return np.int64(0)
    if isinstance(f, Projection):
        return T.from_items([f.fn] + [None if a is MISSING else a for a in f.args])
    if isinstance(f, Composition):
        return T.from_items(list(f.fns))
    if isinstance(f, Derived):
        return f.fn
    if isinstance(f, Lambda):
        return lambda_value(ctx, f)
    if isinstance(f, Builtin):
        return _operator_code(f)
    raise QError("nyi")


def _operator_code(b: Builtin):
    name = b.name
    if is_unary_glyph(b):
        name = name[:-1]
    name = KEYWORD_UNARY.get(name, name)
    code = OPERATOR_CODE.get(name)
    if code is None:
        raise QError("nyi")           # q shows keywords it writes in q or k as their source
    return np.int64(code)


def lambda_value(ctx, lam: Lambda) -> list:
    params = list(lam.params)
    locals_, globals_, consts = _lambda_names(ctx, lam)
    if lam.name:
        full = lam.name if lam.name.startswith(".") else f"{lam.ns or '.'}.{lam.name}"
        name = T.chars(full)
    elif lam.owner:
        name = T.chars(f"{lam.ns or '.'}.{lam.owner}@")
    else:
        name = []
    return ([np.array([], dtype=np.uint8), T.syms(params), T.syms(locals_),
             T.syms([lam.ns[1:]] + globals_)] + consts +
            [np.array([], dtype=np.int64), name, T.chars(lam.file), np.int64(lam.line),
             T.chars(lam.source)])


def _lambda_names(ctx, lam: Lambda):
    """The locals, globals and constants of a lambda's body in the order they appear (nested
    lambdas are constants of their own)."""
    params = set(lam.params)
    locals_: list = []
    globals_: list = []
    consts: list = []
    for node in _walk(lam.body):
        cls = node.__class__
        if cls is A.OpAssign:
            n = node.name
            if n in params:
                pass
            elif n in lam.locals:
                _add(locals_, n)
            else:                   # a[i]:v, a+:v with no local a change the global a
                _add(globals_, n)
        elif cls is A.Name or cls is A.KName or cls is A.QWord:     # in k a keyword is a name
            n = node.name
            if n not in params and n not in lam.locals and (
                    cls is A.KName or not ctx.is_reserved(n)):
                _add(globals_, n)
        elif cls is A.Const and node.value is not None:
            if not any(T.match(node.value, c) for c in consts):
                consts.append(node.value)
        elif cls is A.LambdaExpr:
            consts.append(Lambda(node.params, node.body, node.source, node.locals, ns=lam.ns))
    return locals_, globals_, consts


def _add(names: list, n: str):
    if n not in names:
        names.append(n)


def _walk(body):
    """The nodes of a lambda body in source order, nested lambdas not entered."""
    out = []
    stack = [body]
    while stack:
        n = stack.pop()
        out.append(n)
        if n.__class__ is not A.LambdaExpr:
            stack.extend(A.children(n))
    return sorted((n for n in out if n is not body), key=lambda n: (n.span[0], -n.span[1]))


# ---------------------------------------------------------------------------------------------
# parse and eval

def _trees(ctx) -> Trees:
    reserved = frozenset(n for n in ctx.builtins if ctx.is_reserved(n))
    return Trees(ctx.builtins, reserved, ctx.ns)


def parse(ctx, x):
    """parse "text": q's parse tree of one expression (a lambda's text gives the lambda)."""
    if not (T.is_string(x) or isinstance(x, np.bytes_)):
        raise QError("type")
    text = T.text(x)
    try:
        block = ctx.parse(text)
        _no_prefix_glyph(block)
    except QError as e:
        # debug.md: parse's error shows the text with its caret, then parse's own frame
        if e.span is not None:
            e.frames.append(Frame.at(text, e.span))
            e.frames.append(Frame("(.q.parse)", -1))
            e.span = None
        raise
    return _trees(ctx).block(block)


def _no_prefix_glyph(node) -> None:
    """q's parser refuses a glyph applied prefix to a value (parsetrees.md: `+d` is '+, `$42`
    '$; debug.md shows parse's error placed at it); the evaluator refuses it the same way.
    Lambdas are left to their own parse (their text is kept, not checked here)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, A.LambdaExpr):
            continue
        if isinstance(n, A.Qsql):           # select[n;>c]: an order is written prefix
            n = dataclasses.replace(n, limit=None)
        if isinstance(n, A.Chain):
            bare = n.head is None
            for op in n.ops:
                if isinstance(op, A.OpMonad) and isinstance(op.verb, A.Verb) and not bare \
                        and op.verb.name in _NO_PREFIX:
                    raise QError(op.verb.name, op.verb.span)
                bare = False
        stack.extend(A.children(n))


def tokens(x):
    """-4!x (internal.md): the q tokens of the string x, in order, so that their razed text is
    x again: a run of blanks is a token of its own, as is a comment (the text from a `/`
    after a blank to the end of its line); a numeric strand such as `1 2 3` is one token, as
    it is one literal to the lexer. A line break that the lexer reads as `;` is a blank here."""
    if not T.is_string(x):
        raise QError("type")
    text = T.text(x)
    out: list = []
    pos = 0
    for t in tokenize(text):
        word = text[t.start_pos:t.end_pos]
        if word.isspace():
            continue
        out += _gap(text[pos:t.start_pos])
        out.append(word)
        pos = t.end_pos
    out += _gap(text[pos:])
    return [T.chars(w) for w in out]


_GAP = re.compile(r"\s+|\S[^\n]*")


def _gap(text: str) -> list:
    """The text between two tokens: blank runs and comments, each one token."""
    return _GAP.findall(text)


def evaluate(ctx, x):
    """eval x: evaluate a parse tree in the global scope."""
    return ev(to_ast(x, ctx.builtins), Env(ctx))


define("key", monad=key, ctx=True,
       doc="key x  keys of a dictionary or keyed table; til n; a vector's type; what a name, "
           "namespace (` and `.q too) or file handle holds")
define("value", monad=value, ctx=True,
       doc="value x  values of a dictionary; a name's value; text evaluated; a list applied; "
           "what a function is made of")
define("get", monad=value, ctx=True,
       doc="get x  value x (a global; the value in a file `:f; a splayed table `:d/)")
define("parse", monad=parse, ctx=True, doc='parse "text"  the parse tree of an expression')
define("eval", monad=evaluate, ctx=True, doc="eval t  evaluate the parse tree t")


# ---------------------------------------------------------------------------------------------
# views (`v::e` at the top level; ktwa.runtime.context.View)

def view(ctx, x):
    """view`v: the text of the view v's expression."""
    if not isinstance(x, str):
        raise QError("type")
    v = ctx.views.get(ctx.qualify(x))
    if v is None:
        raise QError(x)
    return T.chars(v.text)


# q's own sp.q defines a view named `view`: the two names are not reserved
define("view", monad=view, ctx=True, reserved=False,
       doc="view`v  the text of the view v (v::e)")
define("views", monad=lambda ctx, x: views(ctx), ctx=True, reserved=False,
       doc="views[]  the views of the current namespace, sorted (\\b)")
