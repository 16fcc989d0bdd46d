"""What was written: frozen AST nodes with source spans and no behaviour.

Spans are (start, end) character offsets in the text that was parsed.
An expression is a Chain: the rightmost noun (`head`) and the operations applied to it from
right to left (`ops`), so evaluation is a loop, never a recursion per term.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True, slots=True)
class Node:
    span: tuple


@dataclass(frozen=True, slots=True)
class Const(Node):
    value: Any


@dataclass(frozen=True, slots=True)
class Name(Node):
    name: str


@dataclass(frozen=True, slots=True)
class KName(Name):
    """A q keyword written in k code (`count`, `til`): k does not know q's keywords, so there it
    is an ordinary name, a local or a namespace's global (k reaches them as `.q.count`)."""


@dataclass(frozen=True, slots=True)
class QWord(Name):
    """A q keyword k does not know (`count`, `til`), written in q: q reads it as the keyword,
    even where k code made a global of that name (`k)count:3`)."""


@dataclass(frozen=True, slots=True)
class Verb(Node):
    """A primitive glyph (`+`, `,`, `:`, `::`, `'`...) or an infix keyword used as a verb."""

    name: str


@dataclass(frozen=True, slots=True)
class ListExpr(Node):
    """`(a;b;c)`; an empty slot is None (the generic null)."""

    items: tuple


@dataclass(frozen=True, slots=True)
class Block(Node):
    """Statements separated by `;`; None marks an empty statement."""

    stmts: tuple


@dataclass(frozen=True, slots=True)
class LambdaExpr(Node):
    params: tuple
    body: Block
    source: str                # its text; a lambda written in k carries its `k)`: `k){#x}`
    locals: frozenset

    @property
    def offset(self) -> int:
        """Where `source` starts in the parsed text (error carets are counted from there)."""
        return self.span[0] - (2 if self.source.startswith("k)") else 0)


@dataclass(frozen=True, slots=True)
class Index(Node):
    """`f[a;b]`: bracket application/indexing; None marks an elided argument."""

    target: Node
    args: tuple


@dataclass(frozen=True, slots=True)
class Adverb(Node):
    """`f'`, `f/`, ...: an iterator applied to a term (a verb)."""

    target: Node
    adverb: str


@dataclass(frozen=True, slots=True)
class Chain(Node):
    head: Node | None
    ops: tuple


@dataclass(frozen=True, slots=True)
class OpApply(Node):
    """juxtaposition: `fn` applied to (or indexing) the value to its right."""

    fn: Node


@dataclass(frozen=True, slots=True)
class OpMonad(Node):
    """a verb with no left operand, applied prefix."""

    verb: Node


@dataclass(frozen=True, slots=True)
class OpDyad(Node):
    """`left verb right`: left is the single noun to the verb's left."""

    verb: Node
    left: Node


@dataclass(frozen=True, slots=True)
class OpAssign(Node):
    """`name:v`, `name::v`, `name[i]:v`, `name op: v` applied to the value to the right."""

    name: str
    indices: tuple | None
    op: Node | None
    glob: bool
    word: bool = False       # the name is a q keyword written in k code (a KName)


@dataclass(frozen=True, slots=True)
class OpMatch(Node):
    """`(pattern):v`: v matched to a pattern (pattern.md), which binds the names in it."""

    pattern: Node


@dataclass(frozen=True, slots=True)
class PatternCond(Node):
    """`:[v;p1;r1;p2;r2;...;rd]`: the r of the first pattern v matches, else rd."""

    args: tuple


@dataclass(frozen=True, slots=True)
class Cond(Node):
    args: tuple


@dataclass(frozen=True, slots=True)
class Control(Node):
    """`if[c;...]`, `do[n;...]`, `while[c;...]`."""

    kind: str
    cond: Node
    body: tuple


@dataclass(frozen=True, slots=True)
class Qsql(Node):
    """select/exec/update/delete. cols and by: tuples of (name or None, node)."""

    kind: str
    limit: tuple | None
    cols: tuple
    by: tuple | None
    table: Node
    where: tuple
    distinct: bool = False     # `select distinct ...`: only the result's unique rows

    @property
    def by_false(self) -> bool:
        """`by 0b`: the by-phrase is q's functional b of 0b, no grouping; an exec with it
        gives a table, as a select does (exec.md)."""
        return bool(self.by) and len(self.by) == 1 and self.by[0][0] is None and \
            isinstance(self.by[0][1], Const) and type(self.by[0][1].value) is np.bool_ and \
            not self.by[0][1].value


@dataclass(frozen=True, slots=True)
class TableExpr(Node):
    """`([k:..] c:..; d:..)`: key columns and value columns, each (name, node)."""

    keys: tuple
    cols: tuple


def children(node):
    """The AST nodes directly inside `node` (through tuples such as a table's (name, node)
    pairs): what a walk over a tree visits next."""
    if isinstance(node, (list, tuple)):
        for x in node:
            if isinstance(x, (list, tuple)):
                yield from children(x)
            elif isinstance(x, Node):
                yield x
        return
    names = _FIELDS.get(node.__class__)
    if names is None:       # dataclasses.fields costs more than the walk: once per class
        names = _FIELDS[node.__class__] = tuple(f.name for f in dataclasses.fields(node))
    for name in names:
        v = getattr(node, name)
        if isinstance(v, Node):
            yield v
        elif isinstance(v, (list, tuple)):
            yield from children(v)


_FIELDS: dict = {}


def query_phrase(node):
    """A qSQL phrase as q runs it: q evaluates a query's phrases as its functional form's
    parse trees, where `$[c;a;b]` is no Cond but `$` applied to its arguments, a 'rank
    (qsql.md, Cond). A lambda in the phrase keeps its own Cond ({$[x;a;b]}1b works)."""
    if isinstance(node, (list, tuple)):
        out = tuple(query_phrase(x) for x in node)
        return node if all(a is b for a, b in zip(out, node)) else out
    if not isinstance(node, Node) or isinstance(node, LambdaExpr):
        return node
    if isinstance(node, Cond):
        verb = Verb((node.span[0], node.span[0] + 1), "$")
        return Index(node.span, verb, query_phrase(node.args))
    changes = {}
    for f in dataclasses.fields(node):
        v = getattr(node, f.name)
        if isinstance(v, (Node, list, tuple)):
            nv = query_phrase(v)
            if nv is not v:
                changes[f.name] = nv
    return dataclasses.replace(node, **changes) if changes else node
