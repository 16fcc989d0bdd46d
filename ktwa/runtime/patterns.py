"""Pattern matching (q 4.1, pattern.md): `(p):v` in an assignment, patterns as lambda
parameters (the parser turns `{[(a;b);c] ...}` into a match at the top of the body) and the
pattern conditional `:[v;p1;r1;...;rd]`.

A pattern is the parsed expression left of the `:`, read as a pattern rather than evaluated:

- nothing (an elided item): matches anything
- a constant: matches a value that is identical (`~`), else 'match
- a name, or a name with an index: binds the value (as `a:v`, `a[i]:v` would)
- `(p1;p2;...)`: a list (or a table's rows) of that count ('length), item by item
- `k!(p1;...)` a dictionary's values at keys k ('match when a key is missing); `a!b` binds a
  dictionary's key and value, `(a!)` its key; `([k:p;...])` by key, `([]c:p)` a table's
  columns, `([k:p]c:q)` a keyed table's; `flip p`: a table as the dictionary of its columns
- `p:`x`: the value's type checked first ('type; lower case an atom, upper case a list)
- `p:f`: f applied to the value, the result matched to p

Nothing is bound unless the whole match succeeds. The match gives the value, changed where
filters changed it. The evaluator hands in its `ev`, `apply` and `assign` (`run`), as it does
to qSQL, so this module does not import it.
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..syntax import ast as A
from ..values import types as T
from ..verbs.index import index


class Run:
    """The evaluator's functions a match needs."""

    __slots__ = ("ev", "apply", "assign")

    def __init__(self, ev, apply, assign):
        self.ev, self.apply, self.assign = ev, apply, assign


def match_value(pattern, value, env, run: Run):
    """`(pattern):value`: bind the pattern's names and give the matched value."""
    binds: list = []
    out = _match(pattern, value, env, binds, run)
    _bind(binds, env, run)
    return out


def pattern_cond(node, env, run: Run):
    """`:[v;p1;r1;...;rd]`: the result for the first pattern v matches (nothing is bound by
    the patterns that fail; only the chosen result is evaluated)."""
    ev = run.ev
    args = node.args
    v = ev(args[0], env)
    k = 1
    while k + 1 < len(args):
        binds: list = []
        try:
            _match(args[k], v, env, binds, run)
        except QError as e:
            if e.msg not in ("match", "type", "length"):
                raise
            k += 2
            continue
        _bind(binds, env, run)
        r = args[k + 1]
        return None if r is None else ev(r, env)
    if k < len(args):
        return None if args[k] is None else ev(args[k], env)
    raise QError("match", node.span)


def _bind(binds, env, run):
    for op, v in binds:
        run.assign(op, v, env)


def _items(v) -> list:
    if isinstance(v, T.QTable):
        return [index(v, np.int64(k)) for k in range(len(v))]
    if isinstance(v, (np.ndarray, list)):
        return T.to_items(v)
    raise QError("type")


def _field(v, k, span):
    """The value at key k of a dictionary v ('match when it has no such key)."""
    if not isinstance(v, T.QDict):
        raise QError("type", span)
    i = v.index_of(k)
    if i is None:
        raise QError("match", span)
    return T.item(v.values, i)


def _match(p, v, env, binds, run):
    if p is None:
        return v
    cls = p.__class__
    if cls is A.Const:
        if not T.match(p.value, v):
            raise QError("match", p.span)
        return v
    if cls is A.Name or cls is A.QWord:
        binds.append((A.OpAssign(p.span, p.name, None, None, False), v))
        return v
    if cls is A.Index and isinstance(p.target, A.Name):
        binds.append((A.OpAssign(p.span, p.target.name, p.args, None, False), v))
        return v
    if cls is A.ListExpr:
        items = _items(v)
        if len(items) != len(p.items):
            raise QError("length", p.span)
        out = [_match(q, x, env, binds, run) for q, x in zip(p.items, items)]
        changed = any(a is not b for a, b in zip(out, items))
        return T.from_items(out) if changed and not isinstance(v, T.QTable) else v
    if cls is A.TableExpr:
        return _match_table(p, v, env, binds, run)
    if cls is A.Chain and p.ops:
        return _match_chain(p, v, env, binds, run)
    raise QError("nyi", p.span)          # not a pattern q has


def _match_table(p, v, env, binds, run):
    """`([k:p])` a dictionary by key; `([]c:p)` a table's columns; `([k:p]c:q)` a keyed
    table's key and value columns."""
    def name_of(nm, e):
        if nm is not None:
            return nm
        if isinstance(e, A.Name):
            return e.name
        raise QError("nyi", p.span)
    if not p.cols:                                     # ([k:p;...]): a dictionary
        for nm, e in p.keys:
            _match(e, _field(v, name_of(nm, e), p.span), env, binds, run)
        return v
    if p.keys:
        if not T.is_keyed(v):
            raise QError("type", p.span)
        parts = [(v.keys, p.keys), (v.values, p.cols)]
    else:
        if not isinstance(v, T.QTable):
            raise QError("type", p.span)
        parts = [(v, p.cols)]
    for t, cols in parts:
        for nm, e in cols:
            c = t.column(name_of(nm, e))
            if c is None:
                raise QError("match", p.span)
            _match(e, c, env, binds, run)
    return v


def _match_chain(p, v, env, binds, run):
    ev, apply = run.ev, run.apply
    ops = p.ops
    last = ops[-1]
    rest = A.Chain(p.span, p.head, ops[:-1]) if len(ops) > 1 else p.head
    # p:`x (type check) or p:f (filter): a name, a pattern or nothing on the left
    if isinstance(last, (A.OpAssign, A.OpMatch)) or (
            isinstance(last, A.OpMonad) and isinstance(last.verb, A.Verb)
            and last.verb.name == ":"):
        if isinstance(last, A.OpAssign):
            if last.op is not None or last.glob:
                raise QError("nyi", p.span)
            target = A.Index(last.span, A.Name(last.span, last.name), last.indices) \
                if last.indices is not None else A.Name(last.span, last.name)
        else:
            target = last.pattern if isinstance(last, A.OpMatch) else None
        f = ev(rest, env) if rest is not None else None
        if isinstance(f, str) and len(f) == 1:
            _check_type(f, v, p.span)
        elif f is not None:
            v = apply(env.ctx, f, [v])
        return _match(target, v, env, binds, run)
    if isinstance(last, A.OpDyad) and isinstance(last.verb, A.Verb) and last.verb.name == "!":
        if not isinstance(v, T.QDict):
            raise QError("type", p.span)
        if isinstance(last.left, A.Name) or (len(ops) == 1 and p.head is None):
            _match(last.left, v.keys, env, binds, run)      # a!b, (a!): key and value
            if p.head is not None:
                _match(rest, v.values, env, binds, run)
            return v
        keys = ev(last.left, env)                           # k!(p1;...): values by key
        pats = rest.items if isinstance(rest, A.ListExpr) else [rest]
        ks = T.to_items(keys) if isinstance(keys, (np.ndarray, list)) else [keys]
        if len(ks) != len(pats):
            raise QError("length", p.span)
        for k, q in zip(ks, pats):
            _match(q, _field(v, k, p.span), env, binds, run)
        return v
    if len(ops) == 1 and isinstance(last, A.OpApply) and isinstance(last.fn, A.Name) \
            and last.fn.name == "flip":
        if not isinstance(v, T.QTable):
            raise QError("type", p.span)
        _match(p.head, T.QDict(np.array(v.cols, dtype=object), T.from_items(list(v.data))),
               env, binds, run)
        return v
    if isinstance(last, A.OpApply) and isinstance(last.fn, A.Name) and rest is not None \
            and last.fn.name not in env.ctx.builtins:
        # `(x i):v` is the name with an index `(x[i]):v` written by juxtaposition (fill.md
        # nulls a list's infinities with `(x where x=0W):0N`)
        return _match(A.Index(p.span, last.fn, (rest,)), v, env, binds, run)
    raise QError("nyi", p.span)          # not a pattern q has


def _check_type(letter: str, v, span):
    """`p:`f` an atom of type f; `p:`F` a list of type f ('type otherwise)."""
    t = T.LETTER_TYPE.get(letter.lower())
    if t is None:
        raise QError("type", span)
    want = t if letter.isupper() else -t
    if T.qtype(v) != want:
        raise QError("type", span)
