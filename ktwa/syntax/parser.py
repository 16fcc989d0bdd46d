"""Parse q text into AST: Lark LALR over grammar/q.lark with the q-aware lexer.

`Parser(infix, k_hidden).parse(text)` returns a Block. The chain builder here decides, once,
what each term of an expression does (noun, prefix verb, infix verb, juxtaposition,
assignment), right to left; in k (text after `k)`) a prefix verb is its unary form (see
Parser)."""
from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import numpy as np
from lark import Lark, Transformer, Token
from lark.exceptions import UnexpectedInput, UnexpectedToken, UnexpectedEOF, VisitError
from lark.lexer import Lexer

from ..errors import QError
from . import ast as A
from .lexer import GLYPH_CHARS, tokenize

def _grammar_text() -> str:
    """grammar/q.lark: from the source tree, or as installed package data (ktwa.grammar)."""
    src = Path(__file__).resolve().parent.parent.parent / "grammar" / "q.lark"
    if src.exists():
        return src.read_text()
    from importlib.resources import files
    return files("ktwa.grammar").joinpath("q.lark").read_text()

CONTROL_WORDS = {"if", "do", "while"}


class _QLexer(Lexer):
    """Lark's entry to our lexer: tokens were made by tokenize() before parsing started."""

    def __init__(self, conf):
        pass

    def lex(self, *args):
        return (t.lark() for t in _state.tokens)


class _State(threading.local):
    tokens: list = []
    text: str = ""


_state = _State()


class _Term:
    """A parsed term while building a chain (not an AST node: it never leaves the parser)."""

    __slots__ = ("node", "verb", "assignop", "paren", "glob")

    def __init__(self, node, verb: bool, assignop: str | None = None, paren: bool = False,
                 glob: bool = False):
        self.node = node
        self.verb = verb            # usable as a verb (infix/prefix) rather than a noun
        self.assignop = assignop    # for `x op: y`
        self.paren = paren          # written in parentheses: `(p):v` matches a pattern
        self.glob = glob            # `x op:: y`: the global's compound assignment


def _const(span, value) -> A.Const:
    """A literal's node. Every evaluation of the node (and every statement the parse cache hands
    out again) returns this same value, so a vector literal is made read-only: a verb that wrote
    into its argument would otherwise change the program's text."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    return A.Const(span, value)


def _span(a, b) -> tuple:
    return (a[0], b[1])


def _tspan(t: Token) -> tuple:
    return (t.start_pos, t.end_pos)


class _Builder(Transformer):
    """Turns the parse into AST nodes while Lark reduces (no intermediate tree).

    `infix` names the keywords that act as verbs (`x mod y`, `f each x`): which those are is
    the table of built-ins' business, so the parser is given them. A k builder (k=True) reads
    k: `hidden` are the q keywords k does not know, plain names there. A q builder reads those
    same `words` as QWord nodes: keywords, whatever global k code gave their name."""

    def __init__(self, infix: frozenset = frozenset(), k: bool = False,
                 hidden: frozenset = frozenset(), words: frozenset = frozenset()):
        super().__init__()
        self.infix = infix
        self.k = k
        self.hidden = hidden
        self.words = words

    # ---- leaves
    def num(self, c):
        t = c[0]
        return _const(_tspan(t), t.qvalue)

    str = num
    sym = num

    def name(self, c):
        t = c[0]
        n = str(t)
        if n in self.hidden:
            return A.KName(_tspan(t), n)
        return A.QWord(_tspan(t), n) if n in self.words else A.Name(_tspan(t), n)

    def verb(self, c):
        t = c[0]
        return A.Verb(_tspan(t), str(t))

    def assignop(self, c):
        t = c[0]
        return _Term(A.Verb(_tspan(t), str(t)), True, assignop=str(t),
                     glob=getattr(t, "qvalue", None) == "::")

    def paren(self, c):
        lp, block, rp = c
        span = (lp.start_pos, rp.end_pos)
        stmts = block.stmts
        if len(stmts) == 1:
            if stmts[0] is None:
                return A.ListExpr(span, ())
            s = stmts[0]
            # a lone verb in parens is a noun: (+), (+/), (,')
            return _Paren(span, s)
        return A.ListExpr(span, tuple(stmts))

    def progn(self, c):
        """`[a;b;c]` with nothing before it: a block whose value is its last statement's."""
        lb, block, rb = c
        return A.Block((lb.start_pos, rb.end_pos), block.stmts)

    def table(self, c):
        lp, _, kblock, _, vblock, rp = c
        span = (lp.start_pos, rp.end_pos)
        return A.TableExpr(span, _columns(kblock.stmts), _columns(vblock.stmts))

    def lambda_(self, c):
        lb = c[0]
        rb = c[-1]
        params = None
        body = c[-2]
        if len(c) == 4:
            params = c[1]
        span = (lb.start_pos, rb.end_pos)
        source = _state.text[span[0]:span[1]]
        if self.k:
            source = "k)" + source          # it stays k: shown, and read back, as k
        if params is not None:
            params, body = _pattern_params(params, body)
        assigned, used, seen = _scan_names(body)
        _check_global_then_local(body)
        if params is None:
            rank = 0
            for k, nm in enumerate(("x", "y", "z")):
                if nm in seen:
                    rank = k + 1
            params = ("x", "y", "z")[:max(rank, 1)]
        loc = frozenset(assigned) | frozenset(params)
        return A.LambdaExpr(span, tuple(params), body, source, loc)

    def params(self, c):
        block = c[1]
        return tuple(block.stmts) if len(c) == 3 else ()

    # ---- structure
    def block(self, c):
        stmts = tuple(x for x in c if not (isinstance(x, Token) and x.type == "SEMI"))
        if stmts:
            span = _first_span(stmts)
        else:
            span = (0, 0)
        return A.Block(span, stmts)

    def stmt(self, c):
        if not c or c[0] is None:
            return None
        return c[0]

    def args(self, c):
        lb, block, rb = c
        return ("args", block.stmts, (lb.start_pos, rb.end_pos))

    def adverb(self, c):
        t = c[0]
        return ("adverb", str(t), _tspan(t))

    def term(self, c):
        base = c[0]
        if isinstance(base, _Term):
            term = base
            if len(c) == 1:
                return term
            # `|:[x]`: a glyph and colon with no left is the glyph's unary form, applied
            base = A.Verb(term.node.span, term.assignop + ":")
        node = base
        verb = False
        paren = isinstance(base, (_Paren, A.ListExpr, A.TableExpr)) and len(c) == 1
        if isinstance(base, _Paren):
            node = base.stmt          # parenthesised: always a noun, even a lone verb `(+)`
        elif isinstance(base, A.Verb):
            verb = True
        elif isinstance(base, A.Name) and base.name in self.infix:
            verb = True
        for pf in c[1:]:
            kind, val, span = pf
            if kind == "adverb":
                node = A.Adverb(_span(node.span, span), node, val)
                verb = True
            else:
                node = self._bracket(node, val, _span(node.span, span))
                verb = False
        return _Term(node, verb, paren=paren)

    def _bracket(self, node, stmts, span):
        if isinstance(node, A.Verb) and node.name == ":" and len(stmts) >= 3:
            return A.PatternCond(span, tuple(stmts))     # :[v;p1;r1;...;rd]
        if isinstance(node, A.Name) and node.name in CONTROL_WORDS:
            if len(stmts) < 1 or stmts[0] is None:
                raise QError("rank", node.span)
            return A.Control(span, node.name, stmts[0], tuple(s for s in stmts[1:] if s is not None))
        if isinstance(node, A.Verb) and node.name == "$" and len(stmts) >= 3:
            return A.Cond(span, tuple(stmts))
        return A.Index(span, node, tuple(stmts))

    def chain(self, c):
        terms = [t for t in c if isinstance(t, _Term)]
        qsql = c[-1] if c and isinstance(c[-1], A.Qsql) else None
        return build_chain(terms, qsql, self.k)

    # ---- qSQL
    def limit(self, c):
        return tuple(c[1].stmts)

    def by(self, c):
        return ("by", c[1])

    def where(self, c):
        return ("where", c[1])

    def phrase(self, c):
        return list(c)

    def qsource(self, c):
        """A query's table or where phrase that ends in a query itself."""
        return ("source", [t for t in c if isinstance(t, _Term)], c[-1])

    def _qsql(self, kind, c):
        kw = c[0]
        limit = None
        cols = ()
        by = None
        table = None
        where = ()
        seen_from = False
        distinct = False
        for x in c[1:]:
            if isinstance(x, Token):
                if x.type == "FROM":
                    seen_from = True
                continue
            if isinstance(x, tuple) and x and x[0] == "by":
                by = _subphrases(x[1], None, self.k)
            elif isinstance(x, tuple) and x and x[0] == "where":
                w = x[1]
                parts = _subphrases(w[1], w[2], self.k) if isinstance(w, tuple) else \
                    _subphrases(w, None, self.k)
                where = tuple(n for _, n in parts)
            elif isinstance(x, tuple) and x and x[0] == "source":
                table = build_chain(x[1], x[2], self.k)
            elif isinstance(x, tuple):
                limit = x
            elif isinstance(x, list):
                if seen_from:
                    table = build_chain(x, None, self.k)
                else:
                    if kind == "select" and limit is None and _leads_with(x, "distinct"):
                        distinct, x = True, x[1:]       # select.md: `select distinct`
                    cols = _subphrases(x, None, self.k) if x else ()
        if kind == "select" and by:
            _no_dup_names(cols, by)
        return A.Qsql((kw.start_pos, _last_end(c)), kind, A.query_phrase(limit),
                      A.query_phrase(cols), A.query_phrase(by), table, A.query_phrase(where),
                      distinct)

    def select(self, c):
        return self._qsql("select", c)

    def exec(self, c):
        return self._qsql("exec", c)

    def update(self, c):
        return self._qsql("update", c)

    def delete(self, c):
        return self._qsql("delete", c)

    def start(self, c):
        return c[0]


# `lambda` is a Python keyword: Lark calls the rule's method by name
setattr(_Builder, "lambda", _Builder.lambda_)


@dataclasses.dataclass(frozen=True)
class _Paren:
    span: tuple
    stmt: object


def _columns(stmts) -> tuple:
    """Table literal column definitions: `name:expr` or an expression named by its leftmost name."""
    out = []
    for s in stmts:
        if s is None:
            continue
        if isinstance(s, A.Chain) and s.ops and isinstance(s.ops[-1], A.OpAssign) \
                and s.ops[-1].indices is None and s.ops[-1].op is None:
            rest = s.ops[:-1]
            expr = s.head if not rest else A.Chain(s.span, s.head, rest)
            out.append((s.ops[-1].name, expr))
        else:
            out.append((None, s))
    return tuple(out)


def _first_span(stmts):
    a = next((s for s in stmts if s is not None), None)
    b = next((s for s in reversed(stmts) if s is not None), None)
    if a is None:
        return (0, 0)
    return (a.span[0], b.span[1])


def _last_end(c):
    for x in reversed(c):
        if isinstance(x, Token):
            return x.end_pos
        if isinstance(x, A.Node):
            return x.span[1]
        if isinstance(x, list) and x:
            return x[-1].node.span[1]
        if isinstance(x, tuple) and len(x) == 2 and isinstance(x[1], list) and x[1]:
            return x[1][-1].node.span[1]
    return 0


def _leads_with(terms: list, word: str) -> bool:
    """The phrase starts with the name or q keyword `word` itself (not `word:e` naming a
    column, nor `word[...]`)."""
    t = terms[0] if terms else None
    if not (isinstance(t, _Term) and isinstance(t.node, (A.Name, A.QWord))
            and t.node.name == word):
        return False
    nxt = terms[1] if len(terms) > 1 else None
    return not (nxt is not None and isinstance(nxt.node, A.Verb) and nxt.node.name == ":")


def _subphrases(terms: list, qsql=None, k: bool = False) -> tuple:
    """Split a qSQL phrase at top-level commas; `name:expr` names a column. A phrase that
    ends in a query (qsql) has it as its last subphrase's rightmost noun."""
    out = []
    cur: list = []
    for t in terms + [None]:
        if t is None or (t.verb and isinstance(t.node, A.Verb) and t.node.name == ","):
            last = t is None and qsql is not None
            if not cur and not last:
                raise QError("parse")
            if last:
                out.append((None, build_chain(cur, qsql, k)))
                break
            name = None
            if len(cur) >= 2 and isinstance(cur[0].node, A.Name) and isinstance(cur[1].node, A.Verb) \
                    and cur[1].node.name == ":":
                name = cur[0].node.name
                cur = cur[2:]
            out.append((name, build_chain(cur, None, k)))
            cur = []
        else:
            cur.append(t)
    return tuple(out)


def build_chain(terms: list, qsql, k: bool = False) -> A.Node:
    """Right to left: the rightmost noun is the head; each term to its left applies to it.
    In k (k=True) a verb with nothing on its left is its unary form (see _k_unary)."""
    if not terms and qsql is not None:
        return qsql
    items = list(terms)
    ops = []
    head = qsql
    i = len(items) - 1
    if head is None and i >= 0 and not items[i].verb:
        head = items[i].node
        i -= 1
    while i >= 0:
        t = items[i]
        if t.verb:
            v = t.node
            left = items[i - 1] if i >= 1 and not items[i - 1].verb else None
            vname = v.name if isinstance(v, A.Verb) else None
            if vname == ":" and t.assignop is None and left is not None and left.paren:
                ops.append(A.OpMatch(_span(left.node.span, v.span), left.node))
                i -= 2
                continue
            if vname == "::" and head is None and not ops and left is not None \
                    and t.assignop is None:
                # `f g::`, `mnorm (-)::`: a trailing :: closes a train, so the terms to its
                # left compose, the rightmost keeping its rank; a noun there is itself
                # (identity.md: 1 2 3 :: is 1 2 3)
                ops.append(A.OpMonad(_span(left.node.span, v.span), left.node))
                i -= 2
                continue
            if vname in (":", "::") or t.assignop is not None:
                if left is not None and _assign_target(left.node) is not None:
                    name, idx = _assign_target(left.node)
                    op = None
                    if t.assignop is not None:
                        op = A.Verb(v.span, t.assignop)
                    ops.append(A.OpAssign(_span(left.node.span, v.span), name, idx, op,
                                          vname == "::" or t.glob, _is_word(left.node)))
                    i -= 2
                    continue
                if vname == "::" and head is None and not ops:
                    head = A.Const(v.span, None)
                    i -= 1
                    continue
                if t.assignop is not None:
                    if left is not None:
                        raise QError("assign", v.span)
                    # `(#:)x`, `@[|:;x]`: nothing on the left, the glyph's unary form
                    ops.append(A.OpMonad(v.span, A.Verb(v.span, t.assignop + ":")))
                    i -= 1
                    continue
            if left is not None:
                ops.append(A.OpDyad(v.span, v, left.node))
                i -= 2
            else:
                if k:
                    v = _k_unary(v, head, ops)
                ops.append(A.OpMonad(v.span, v))
                i -= 1
        else:
            ops.append(A.OpApply(t.node.span, t.node))
            i -= 1
    if head is None and len(ops) == 0:
        raise QError("parse")
    first = terms[0].node.span if terms else qsql.span
    last = qsql.span if qsql is not None else terms[-1].node.span
    if not ops and head is not None:
        return head
    return A.Chain(_span(first, last), head, tuple(ops))


def _k_unary(v, head, ops):
    """k's reading of a verb with nothing on its left: its unary form, `#x` is `#:x` (count),
    `0:x` is read0; a glyph's each too, `#'x` counts each item. The rightmost verb of an
    expression with no right argument stays itself (`f:+`, `(#;x)`); a verb to the left of
    such a glyph (`*|`, composed with the unary form in k) is 'nyi."""
    if head is None and not ops:
        return v
    if head is None and len(ops) == 1 and ops[0].__class__ is A.OpMonad \
            and _k_glyph(ops[0].verb):
        raise QError("nyi", v.span)
    return _unary_form(v)


def _k_glyph(v) -> bool:
    """A primitive that has a unary form k reads with nothing on its left."""
    return v.__class__ is A.Verb and (v.name in GLYPH_CHARS or v.name in ("0:", "1:"))


def _unary_form(v):
    if _k_glyph(v):
        return A.Verb(v.span, v.name + ":")
    if v.__class__ is A.Adverb and v.adverb == "'":
        inner = _unary_form(v.target)
        if inner is not v.target:
            return A.Adverb(v.span, inner, "'")
    return v


def _is_word(node) -> bool:
    """Is an assignment's target a q keyword written in k code?"""
    return isinstance(node, A.KName) or (isinstance(node, A.Index)
                                         and isinstance(node.target, A.KName))


def _assign_target(node):
    if isinstance(node, A.Name):
        return node.name, None
    if isinstance(node, A.Index) and isinstance(node.target, A.Name):
        return node.target.name, node.args
    return None


def _pattern_params(stmts, body):
    """`{[(a;b);c;x:f;]...}`: a parameter that is not a plain name gets a hidden name, and the
    body first matches it to its pattern (pattern.md); an elided one matches anything."""
    names, first = [], []
    if stmts == (None,):
        return (), body                      # {[] ...}
    for k, p in enumerate(stmts):
        if isinstance(p, A.Name):
            names.append(p.name)
            continue
        hidden = f"\x01{k}"
        names.append(hidden)
        if p is not None:
            span = p.span
            first.append(A.Chain(span, A.Name(span, hidden), (A.OpMatch(span, p),)))
    if not first:
        return tuple(names), body
    return tuple(names), A.Block(body.span, tuple(first) + tuple(body.stmts))


def pattern_names(p) -> list:
    """The names a pattern binds."""
    out: list = []
    stack = [p]
    while stack:
        n = stack.pop()
        if n is None or isinstance(n, (A.Const, A.Verb)):
            continue
        if isinstance(n, A.Name):
            out.append(n.name)
        elif isinstance(n, A.Index) and isinstance(n.target, A.Name):
            out.append(n.target.name)
        elif isinstance(n, A.ListExpr):
            stack.extend(n.items)
        elif isinstance(n, A.TableExpr):
            stack.extend(e for _, e in n.keys + n.cols)
        elif isinstance(n, A.Chain) and n.ops:
            last = n.ops[-1]
            if isinstance(last, A.OpAssign):
                out.append(last.name)
            elif isinstance(last, A.OpMatch):
                stack.append(last.pattern)
            elif isinstance(last, A.OpDyad) and isinstance(last.verb, A.Verb) \
                    and last.verb.name == "!":
                if isinstance(last.left, A.Name):
                    out.append(last.left.name)
                stack.append(n.head)
            elif isinstance(last, A.OpApply):
                stack.append(n.head)
    return out


def _no_dup_names(cols, by) -> None:
    """A select whose columns and groups share a name is rejected as it is parsed (qsql.md:
    `select b by b from t`); names are the given ones, or a bare column's."""
    def names(defs):
        return [n if n is not None else e.name if isinstance(e, A.Name) else None
                for n, e in defs]
    groups = set(names(by)) - {None}
    for n in names(cols):
        if n in groups:
            raise QError(f"dup names for cols/groups {n}")


def _scan_names(body) -> tuple[set, set, set]:
    """Names assigned locally (by `name:v`) and names used in a lambda body (nested lambdas excluded), and
    the names the compiler sees when it looks for the implicit x y z: not those inside a
    query's select, by and where phrases (qsql.md; its table expression is seen)."""
    assigned: set = set()
    used: set = set()
    seen: set = set()
    stack = [(body, False)]
    while stack:
        n, masked = stack.pop()
        if isinstance(n, A.LambdaExpr):
            continue
        if isinstance(n, A.Qsql):
            stack.append((n.table, masked))
            stack.extend((k, True) for k in A.children(n) if k is not n.table)
            continue
        if isinstance(n, A.Name):
            used.add(n.name)
            if not masked:
                seen.add(n.name)
        elif isinstance(n, A.OpAssign) and not n.glob:
            # only `name:v` makes a local: `name+:v`, `name,:v` and `name[i]:v` change the
            # global when name is not otherwise a local (KX's tick scripts count and collect
            # in globals this way: `j+:1`, `w[x],:...`; kb/logging.md's `.z.ps:{m+:1;...}`)
            # a dotted name is never a local: `{.tut.gc:1b}` sets the global (a local name
            # has no namespace; KX's tutorial scripts switch flags so)
            if n.op is None and n.indices is None and "." not in n.name:
                assigned.add(n.name)
            used.add(n.name)
            if not masked:
                seen.add(n.name)
        elif isinstance(n, A.OpMatch):
            assigned.update(pattern_names(n.pattern))
        elif isinstance(n, A.PatternCond):
            for p in n.args[1:-1:2]:
                assigned.update(pattern_names(p))
        stack.extend((k, masked) for k in A.children(n))
    return assigned, used, seen


def _check_global_then_local(body) -> None:
    """q compiles a lambda left to right: a name assigned with `::` and afterwards with `:`
    is a global used as a local, an error at the local assignment (debug.md: {a::1;a:1})."""
    ops = []
    stack = [body]
    while stack:
        n = stack.pop()
        if isinstance(n, A.LambdaExpr):
            continue
        if isinstance(n, A.OpAssign):
            ops.append(n)
        stack.extend(A.children(n))
    glob: set = set()
    for op in sorted(ops, key=lambda o: o.span[0]):
        if op.glob:
            glob.add(op.name)
        elif op.name in glob and op.indices is None and op.op is None:   # a[i]:v, a+:v: the global
            raise QError(op.name, (op.span[0], op.span[0] + 1))


_NESTING = frozenset({"LPAR", "LBRACK", "LBLOCK", "LBRACE", "SELECT", "EXEC", "UPDATE", "DELETE"})
_CONST_TOKENS = frozenset({"NUM", "STR", "SYM"})
_VERB_TOKENS = frozenset({"VERB", "COLON", "DCOLON"})


class Parser:
    """q source -> AST. One per set of infix keywords; `parse` is safe from several threads.

    Text that starts `k)` (or any text, given k=True) is k, the language q is written in: one
    parse mode of the same grammar, read by a k Parser made when first needed. In k a verb with
    nothing on its left is its unary form (`#x` is count x), and the q keywords that are not
    k's own words (`k_hidden`: `count`, `til` ...; k's are .Q.res) are plain names."""

    def __init__(self, infix: frozenset = frozenset(), k_hidden: frozenset = frozenset(),
                 k: bool = False):
        self.infix = frozenset(infix)
        self.k = k
        self.k_hidden = frozenset(k_hidden)
        self.hidden = self.k_hidden if k else frozenset()
        self.words = frozenset() if k else self.k_hidden
        self._builder = _Builder(self.infix, k, self.hidden, self.words)
        self._lark = None
        self._lock = threading.Lock()
        self._kparser = None

    def parse(self, text: str, k: bool = False) -> A.Block:
        """Parse q source (one or more statements) into a Block, as k after a `k)` prefix or
        when k is true. Raises QError on bad syntax."""
        start = 0
        if text.startswith("k)"):
            start, k = 2, True
        p = self._k() if k and not self.k else self
        toks = tokenize(text, start, p.k, p.infix)
        if not toks:
            return A.Block((0, 0), (None,))
        if not any(t.type in _NESTING for t in toks):
            return p.parse_flat(toks)
        return p.parse_lark(text, toks)

    def _k(self) -> "Parser":
        """The k reading of this parser's language: only k's own words are infix."""
        if self._kparser is None:
            self._kparser = Parser(self.infix - self.k_hidden, self.k_hidden, k=True)
        return self._kparser

    def parse_lark(self, text: str, toks) -> A.Block:
        """The grammar's way: any input (brackets, lambdas, qSQL)."""
        with self._lock:
            if self._lark is None:
                self._lark = Lark(_grammar_text(), parser="lalr", lexer=_QLexer,
                                  transformer=_Builder(self.infix, self.k, self.hidden,
                                                       self.words),
                                  maybe_placeholders=False)
            _state.tokens = toks
            _state.text = text
            try:
                return self._lark.parse(text)
            except UnexpectedToken as e:
                tok = e.token
                if tok.type == "$END":
                    raise QError("parse", (len(text), len(text))) from None
                raise QError(str(tok), (tok.start_pos, tok.end_pos)) from None
            except UnexpectedEOF:
                raise QError("parse", (len(text), len(text))) from None
            except UnexpectedInput as e:
                raise QError("parse", (getattr(e, "pos_in_stream", 0) or 0,) * 2) from None
            except VisitError as e:
                if isinstance(e.orig_exc, QError):
                    raise e.orig_exc from None
                raise

    def _leaf_term(self, t) -> _Term:
        """`term: base` for a single token, as the Builder's leaf callbacks then `term` make it."""
        ty = t.type
        span = (t.start_pos, t.end_pos)
        if ty in _CONST_TOKENS:
            return _Term(_const(span, t.qvalue), False)
        if ty == "NAME":
            v = t.value
            if v in self.hidden:
                return _Term(A.KName(span, v), False)
            node = A.QWord(span, v) if v in self.words else A.Name(span, v)
            return _Term(node, v in self.infix)
        if ty in _VERB_TOKENS:
            return _Term(A.Verb(span, t.value), True)
        return self._builder.assignop([t])

    def parse_flat(self, toks) -> A.Block:
        """The grammar's `block`/`stmt`/`chain: term+`/`term: base postfix*` productions for
        token runs without brackets or qSQL (most lines), built from the same pieces the
        Builder uses, without Lark's per-token overhead. tests/test_parse.py checks both
        paths agree."""
        b = self._builder
        stmts = []
        terms: list = []
        k = 0
        n = len(toks)
        while k <= n:
            t = toks[k] if k < n else None
            if t is None or t.type == "SEMI":
                stmts.append(build_chain(terms, None, self.k) if terms else None)
                terms = []
                k += 1
                continue
            if t.type == "ADVERB":
                raise QError(t.value, (t.start_pos, t.end_pos))
            k += 1
            if k < n and toks[k].type == "ADVERB":
                parts = [b.verb([t]) if t.type in _VERB_TOKENS else
                         b.num([t]) if t.type in _CONST_TOKENS else
                         b.name([t]) if t.type == "NAME" else b.assignop([t])]
                while k < n and toks[k].type == "ADVERB":
                    parts.append(b.adverb([toks[k]]))
                    k += 1
                terms.append(b.term(parts))
            else:
                terms.append(self._leaf_term(t))
        return b.block(stmts)
