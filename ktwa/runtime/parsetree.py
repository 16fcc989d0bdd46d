"""q's parse trees: what `parse` returns and `eval` takes, made from the AST and turned back
into it.

A parse tree is a q value: a general list `(f;a;b)` applies f to a and b; a symbol names a
variable; a one-item list quotes its item (so a symbol constant is `` ,`a ``); anything else
is a constant. Primitives appear as their values: `+` binary, `-:` unary (a prefix verb, or a
keyword q defines as one: `neg x` is `(-:;x)`); an iterator applied to a value is the list
`(/:;+)`; assignment is `(:;`a;v)`, `(::;`a;v)` global, `(+:;`a;v)` compound. qSQL
becomes q's functional form `(?;t;c;b;a)` / `(!;t;c;b;a)`.

Where ktwa differs from q: keywords q writes in q or k (`mod`, `each`, `til` ...) appear as
ktwa's own built-in values, not as q's k source; control words (`if do while`) and several
statements in one string are 'nyi; an elided argument is `::` and evaluates as a hole again
(`parse"f[;2]"` evaluates to a projection, as does an explicit `::` argument)."""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..syntax import ast as A
from ..values import types as T
# keywords q defines as unary primitives (KEYWORD_UNARY): in a parse tree `neg x` is `(-:;x)`
from ..values.functions import KEYWORD_UNARY, MISSING, Builtin, Derived, Lambda

ADVERBS = ("'", "/", "\\", "':", "/:", "\\:")

_UNARY: dict = {}
_ADVERB: dict = {}


# q's operators, in the order of their internal codes (`value (+)` is 1)
OPERATORS = ":+-*%&|^=<>$,#_~!?@."

# the keyword whose monad is an operator's unary form (`+:` is flip, `#:` count)
GLYPH_MONAD = {g: k for k, g in KEYWORD_UNARY.items() if k != "get"}
GLYPH_MONAD.update({",": "enlist", "_": "floor", ":": ":", "0:": "read0", "1:": "read1"})

# what has a unary form `g:` (exposed-infrastructure.md): the operators, and 0: 1: (`0::` read0)
UNARY_GLYPHS = frozenset(OPERATORS) | {"0:", "1:"}


def unary(glyph: str, builtins: dict) -> Builtin:
    """`-:` as a value: the monadic form of a glyph (what a prefix verb is in a parse tree)."""
    u = _UNARY.get(glyph)
    if u is None:
        b = builtins.get(GLYPH_MONAD.get(glyph, glyph))
        if b is None or b.monad is None:
            b = builtins[glyph]
        if b.monad is None:
            raise QError("nyi")
        u = Builtin(glyph + ":", monad=b.monad, ctx=b.ctx,
                    doc=f"{glyph}: x  the monadic form of {glyph}")
        _UNARY[glyph] = u
    return u


def is_unary_glyph(f) -> bool:
    return isinstance(f, Builtin) and len(f.name) >= 2 and f.name.endswith(":") \
        and f.name[:-1] in _UNARY and _UNARY[f.name[:-1]] is f


def adverb(name: str) -> Builtin:
    """An iterator as a value (`/:`): applied to a value it derives a function."""
    a = _ADVERB.get(name)
    if a is None:
        a = Builtin(name, monad=lambda f, _n=name: Derived(_n, f),
                    doc=f"{name}[f]  the iterator {name} applied to f", qtype=103)
        _ADVERB[name] = a
    return a


# ---------------------------------------------------------------------------------------------
# AST -> parse tree

class Trees:
    """Parse trees for one interpreter's built-ins (`builtins`: name -> Builtin; `reserved`:
    the names that are q keywords rather than variables; `ns`: where lambdas are written)."""

    def __init__(self, builtins: dict, reserved, ns: str = ""):
        self.builtins = builtins
        self.reserved = reserved
        self.ns = ns

    def block(self, block: A.Block):
        stmts = block.stmts
        if len(stmts) > 1:              # views.md: a;b;c is (";";a;b;c)
            return [np.bytes_(b";")] + [None if s is None else self.tree(s) for s in stmts]
        if len(stmts) != 1:
            raise QError("nyi")
        return None if stmts[0] is None else self.tree(stmts[0])

    def tree(self, node):
        cls = node.__class__
        if cls is A.Const:
            return quote_constant(node.value)
        if cls is A.Name or cls is A.QWord:
            return self._name(node.name)
        if cls is A.KName:                  # a q keyword in k code is a plain name there
            return node.name
        if cls is A.Verb:
            return self._verb(node)
        if cls is A.Adverb:
            return [adverb(node.adverb), self._function(node.target)]
        if cls is A.ListExpr:
            if not node.items:
                return []
            return [self.builtins["enlist"]] + [self._arg(i) for i in node.items]
        if cls is A.LambdaExpr:
            return Lambda(node.params, node.body, node.source, node.locals, offset=node.offset,
                          ns=self.ns)
        if cls is A.Index:
            return [self._function(node.target)] + [self._arg(a) for a in node.args]
        if cls is A.Chain:
            return self._chain(node)
        if cls is A.Cond:
            return [self.builtins["$"]] + [self._arg(a) for a in node.args]
        if cls is A.TableExpr:
            return self._table(node)
        if cls is A.Qsql:
            return self._qsql(node)
        raise QError("nyi")

    def _arg(self, node):
        return None if node is None else self.tree(node)

    def _name(self, n: str):
        """A variable is its symbol; a keyword is its value (`count` is `#:`, as in q)."""
        if n in self.reserved:
            if n in KEYWORD_UNARY:
                return unary(KEYWORD_UNARY[n], self.builtins)
            return self.builtins[n]
        return n

    def _verb(self, node):
        if node.name == "::":
            return None
        b = self.builtins.get(node.name)
        if b is None:
            if node.name[-1:] == ":" and node.name[:-1] in UNARY_GLYPHS:   # k's `#:`
                return unary(node.name[:-1], self.builtins)
            raise QError("nyi")
        return b

    def _function(self, node):
        """A node in function position: verbs and keywords as their values."""
        if node.__class__ is A.Verb:
            return self._verb(node)
        return self.tree(node)

    def _monadic(self, node):
        """A verb applied prefix or by juxtaposition is its unary form: `-:`, `(+:;4)`."""
        if node.__class__ is A.Chain and node.head is None and len(node.ops) == 1 \
                and node.ops[0].__class__ is A.OpMonad:
            node = node.ops[0].verb          # `(+)`: a lone verb in parentheses
        if node.__class__ is A.Verb and node.name in OPERATORS:
            return unary(node.name, self.builtins)
        return self._function(node)

    def _chain(self, node: A.Chain):
        cur = MISSING if node.head is None else self.tree(node.head)
        for op in node.ops:
            cls = op.__class__
            if cls is A.OpDyad:
                f = self._function(op.verb)
                left = self.tree(op.left)
                cur = [f, left] if cur is MISSING else [f, left, cur]
            elif cls is A.OpMonad:
                cur = self._function(op.verb) if cur is MISSING else [self._monadic(op.verb), cur]
            elif cls is A.OpApply:
                f = self._monadic(op.fn)
                cur = [f] if cur is MISSING else [f, cur]
            else:
                cur = self._assign(op, cur)
        return cur

    def _assign(self, op: A.OpAssign, value):
        target = op.name if op.indices is None else [op.name] + [self._arg(a) for a in op.indices]
        if op.op is not None:
            f = unary(op.op.name, self.builtins) if op.op.__class__ is A.Verb \
                else self.tree(op.op)
        else:
            f = None if op.glob else self.builtins[":"]
        return [f, target, value]

    def _table(self, node: A.TableExpr):
        flip = unary("+", self.builtins)

        def part(defs):
            names = self._names(defs)
            return [flip, [self.builtins["!"], [names],
                           [self.builtins["enlist"]] + [self.tree(e) for _, e in defs]]]
        if node.keys:
            return [self.builtins["!"], part(node.keys), part(node.cols)]
        return part(node.cols)

    def _qsql(self, node: A.Qsql):
        """q's functional form of a query: (?;t;c;b;a) for select/exec, (!;t;c;b;a) for
        update/delete; c, and a lone exec column, are quoted (enlisted) so eval keeps them."""
        t = self.tree(node.table)
        c = [[self.tree(w) for w in node.where]] if node.where else []
        kind = node.kind
        limit = self._limit(node) if node.limit else []
        if kind == "delete":
            if node.cols:
                cols = self._names(node.cols)
                return [self.builtins["!"], t, c, np.False_, [cols]]
            return [self.builtins["!"], t, c, np.False_, np.array([], dtype=object)]
        by = np.True_ if node.distinct else np.False_
        if node.by_false:
            kind = "select"
        elif node.by:
            if kind == "exec" and len(node.by) == 1 and node.by[0][0] is None:
                by = [self.tree(node.by[0][1])]
            else:
                by = self._phrase(node.by)
        elif kind == "exec":
            by = []
        if kind == "exec" and len(node.cols) == 1 and node.cols[0][0] is None:
            a = [self.tree(node.cols[0][1])]
        elif node.cols:
            a = self._phrase(node.cols)
        else:
            a = []
        verb = self.builtins["!" if kind == "update" else "?"]
        return [verb, t, c, by, a] + limit

    def _limit(self, node: A.Qsql) -> list:
        """select[n] and select[n;<c]: (..;n) and (..;n;,(<:;`c)) after the columns (funsql.md).
        Other queries with a limit, and an order without a count, are 'nyi."""
        if node.kind != "select":
            raise QError("nyi")
        n, order = None, None
        for s in node.limit:
            if s is None:
                continue
            if isinstance(s, A.Chain) and isinstance(s.head, A.Name) and len(s.ops) == 1 \
                    and isinstance(s.ops[0], A.OpMonad) and isinstance(s.ops[0].verb, A.Verb) \
                    and s.ops[0].verb.name in ("<", ">"):
                order = [[unary(s.ops[0].verb.name, self.builtins), s.head.name]]
            else:
                n = self.tree(s)
        if n is None:
            raise QError("nyi")
        return [n] if order is None else [n, order]

    def _phrase(self, defs):
        return T.QDict(self._names(defs), T.from_items([self.tree(e) for _, e in defs]))

    def _names(self, defs) -> np.ndarray:
        """The column names of (name or None, node) definitions."""
        return T.syms([n if n is not None else leftmost(e, self.reserved) for n, e in defs])


def leftmost(node, reserved=frozenset()) -> str:
    """q's name for an unnamed column: the first name its expression uses (not a keyword, nor
    the row index i), else x."""
    stack = [node]
    found = []
    while stack:
        n = stack.pop()
        if isinstance(n, A.LambdaExpr):
            continue
        if isinstance(n, A.Name) and n.name not in reserved and n.name != "i":
            found.append(n)
        stack.extend(A.children(n))
    return min(found, key=lambda n: n.span[0]).name if found else "x"


def quote_constant(v):
    """A constant as a parse tree: symbols (atom or vector) are enlisted, else as it is."""
    if isinstance(v, str):
        return np.array([v], dtype=object)
    if isinstance(v, np.ndarray) and v.dtype == object:
        return [v]
    return v


# ---------------------------------------------------------------------------------------------
# parse tree -> AST

_SPAN = (0, 0)


def to_ast(x, builtins: dict):
    """The AST a parse tree means (what `eval` evaluates)."""
    if isinstance(x, str):
        return A.Name(_SPAN, x)
    if isinstance(x, np.ndarray):
        if x.dtype == object and len(x) >= 2:
            return _application([str(s) for s in x], builtins)
        if len(x) == 1:
            return A.Const(_SPAN, x[0] if x.dtype != object else str(x[0]))
        return A.Const(_SPAN, x)
    if isinstance(x, list):
        if len(x) == 1:
            return A.Const(_SPAN, x[0])
        if not x:
            return A.Const(_SPAN, x)
        return _application(x, builtins)
    return A.Const(_SPAN, x)


def _application(x: list, builtins: dict):
    head, args = x[0], x[1:]
    if isinstance(head, np.bytes_) and head == b";":    # (";";a;b): a then b, b's value
        return A.Block(_SPAN, tuple(None if a is None else to_ast(a, builtins) for a in args))
    assign = _assignment(head, args, builtins)
    if assign is not None:
        return assign
    if isinstance(head, Builtin) and head.name == "$" and len(args) >= 3:
        return A.Cond(_SPAN, tuple(to_ast(a, builtins) for a in args))
    fn = to_ast(head, builtins) if isinstance(head, (str, list, np.ndarray)) \
        else A.Const(_SPAN, head)
    return A.Index(_SPAN, fn, tuple(None if a is None else to_ast(a, builtins) for a in args))


def _assignment(head, args, builtins):
    """(:;`a;v), (::;`a;v), (+:;`a;v) and with (`a;i...) for an indexed target."""
    if len(args) != 2:
        return None
    target, value = args
    if head is None:
        op, glob = None, True
    elif isinstance(head, Builtin) and head.name == ":":
        op, glob = None, False
    elif is_unary_glyph(head):
        op, glob = A.Verb(_SPAN, head.name[:-1]), False
    else:
        return None
    if isinstance(target, str):
        name, idx = target, None
    elif isinstance(target, list) and target and isinstance(target[0], str):
        name = target[0]
        idx = tuple(None if a is None else to_ast(a, builtins) for a in target[1:])
    elif isinstance(target, np.ndarray) and target.dtype == object and len(target) == 1:
        name, idx = str(target[0]), None
    else:
        return None
    return A.Chain(_SPAN, to_ast(value, builtins),
                   (A.OpAssign(_SPAN, name, idx, op, glob),))


__all__ = ["ADVERBS", "KEYWORD_UNARY", "OPERATORS", "UNARY_GLYPHS", "Trees", "adverb",
           "is_unary_glyph", "leftmost",
           "quote_constant", "to_ast", "unary"]
