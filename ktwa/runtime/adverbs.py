"""Iterators: each ('), over (/), scan (\\), each-prior ('\\:), each-right (/:), each-left (\\:)."""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values import types as T
from ..values.types import match
from ..values.functions import MISSING, Builtin, Derived, Projection, QFunction
from ..verbs.arith import tolerant_eq
from .truth import is_true


def _rank(f) -> int:
    if isinstance(f, QFunction):
        if isinstance(f, Builtin):
            return 2 if (f.dyad is not None and (f.infix or f.monad is None)) else f.rank
        return f.rank
    return 1


def _items(x):
    return T.to_items(x)


def _collect(results, like=None):
    out = T.from_items(results)
    if isinstance(like, T.QDict):
        return T.QDict(like.keys, out)
    return out


def apply_derived(ctx, d: Derived, args: list):
    for a in args:
        if a is MISSING:
            return Projection(d, tuple(args))
    adv = d.adverb
    f = d.fn
    if adv == "'":
        if len(args) < _rank(f):       # `.Q.fmt'[w;d]`: a projection of the derived function
            return Projection(d, tuple(args) + (MISSING,) * (_rank(f) - len(args)))
        return each(ctx, f, args)
    if adv == "/":
        return over(ctx, f, args, scan=False)
    if adv == "\\":
        return over(ctx, f, args, scan=True)
    if adv == "/:" or adv == "\\:":
        if len(args) != 2:
            raise QError("rank")
        return _each_side(ctx, f, args[0], args[1], right=adv == "/:")
    if adv == "':":
        return prior(ctx, f, args)
    raise QError("nyi")


def _each_side(ctx, f, x, y, right: bool):
    """`x f/: y` (each right: f[x;] over y) and `x f\\: y` (each left: f[;y] over x)."""
    over_, call = (y, lambda v: ctx.apply(f, [x, v])) if right else \
        (x, lambda v: ctx.apply(f, [v, y]))
    if isinstance(over_, T.QDict):
        return T.QDict(over_.keys, T.from_items([call(v) for v in _items(over_.values)]))
    if T.is_atom(over_):
        return call(over_)
    return T.from_items([call(v) for v in _items(over_)])


def _conform(args):
    """The common count of the list arguments (atoms extend), None if all are atoms."""
    n = None
    for a in args:
        if not T.is_atom(a):
            c = T.count(a)
            if n is None:
                n = c
            elif c != n:
                raise QError("length")
    return n


def each(ctx, f, args):
    if len(args) == 1:
        x = args[0]
        if isinstance(x, T.QDict) and not T.is_keyed(x):
            return T.QDict(x.keys, T.from_items([ctx.apply(f, [v]) for v in _items(x.values)]))
        if T.is_atom(x):
            return ctx.apply(f, [x])
        return T.from_items([ctx.apply(f, [v]) for v in _items(x)])
    # each-both (and n-ary): atoms extend, lists must conform
    n = _conform(args)
    if n is None:
        return ctx.apply(f, list(args))
    cols = [(_items(a) if not T.is_atom(a) else None) for a in args]
    out = []
    for i in range(n):
        out.append(ctx.apply(f, [a if c is None else c[i] for a, c in zip(args, cols)]))
    like = next((a for a in args if isinstance(a, T.QDict)), None)
    return _collect(out, like)


_IDENTITY = {"+": np.int64(0), "*": np.int64(1), "-": np.int64(0), "|": None, "&": None}
_FAST_OVER = {"+": "sum", "*": "prd", "|": "max", "&": "min", ",": "raze"}
_FAST_SCAN = {"+": "sums", "*": "prds", "|": "maxs", "&": "mins"}


def over(ctx, f, args, scan: bool):
    r = _rank(f)
    if r == 1 or (isinstance(f, (np.ndarray, list, T.QDict))):
        # unary: converge, do (int left), while (function left)
        if len(args) == 1:
            return _converge(ctx, f, args[0], scan)
        if len(args) != 2:
            raise QError("rank")
        n, x = args
        if isinstance(n, (np.integer,)) and not isinstance(n, np.bool_):
            return _do(ctx, f, int(n), x, scan)
        return _while(ctx, f, n, x, scan)
    if len(args) == 1:
        x = args[0]
        if isinstance(f, Builtin) and isinstance(x, np.ndarray):
            fast = (_FAST_SCAN if scan else _FAST_OVER).get(f.name)
            if fast and fast in ctx.builtins and x.dtype != object:
                b = ctx.builtins[fast]
                return b.monad(ctx, x) if b.ctx else b.monad(x)
        if isinstance(x, T.QDict):
            items = _items(x.values)
        elif T.is_atom(x):
            return x
        else:
            items = _items(x)
        if not items:
            if isinstance(f, Builtin) and f.name in _IDENTITY and _IDENTITY[f.name] is not None:
                return _IDENTITY[f.name] if not scan else x
            return x if scan else []
        acc = items[0]
        res = [acc]
        for v in items[1:]:
            acc = ctx.apply(f, [acc, v])
            if scan:
                res.append(acc)
        if scan:
            return _collect(res, x)
        return acc
    # seeded fold: x f/ y, or f/[x;y;z...]
    acc = args[0]
    rest = args[1:]
    n = _conform(rest)
    if n is None:
        v = ctx.apply(f, [acc] + rest)
        return T.enlist(v) if scan else v
    cols = [(_items(a) if not T.is_atom(a) else None) for a in rest]
    res = []
    for i in range(n):
        acc = ctx.apply(f, [acc] + [a if c is None else c[i] for a, c in zip(rest, cols)])
        if scan:
            res.append(acc)
    if scan:
        return _collect(res, rest[0] if isinstance(rest[0], T.QDict) else None)
    return acc


def _converge(ctx, f, x, scan):
    res = [x]
    prev = x
    while True:
        nxt = ctx.apply(f, [prev])
        if _same(nxt, prev) or _same(nxt, x):
            break
        res.append(nxt)
        prev = nxt
    return T.from_items(res) if scan else prev


def _same(a, b) -> bool:
    if isinstance(a, np.floating) and isinstance(b, np.floating):
        return tolerant_eq(a, b)
    return match(a, b)


def _do(ctx, f, n, x, scan):
    if n < 0:
        raise QError("domain")
    res = [x]
    for _ in range(n):
        x = ctx.apply(f, [x])
        if scan:
            res.append(x)
    return T.from_items(res) if scan else x


def _while(ctx, f, cond, x, scan):
    res = [x]
    while is_true(ctx.apply(cond, [x])):
        x = ctx.apply(f, [x])
        if scan:
            res.append(x)
    return T.from_items(res) if scan else x


def prior(ctx, f, args):
    if len(args) == 1:
        x = args[0]
        seed = None
    elif len(args) == 2:
        seed, x = args
    else:
        raise QError("rank")
    items = _items(x)
    if not items:
        return x
    if seed is None:
        name = f.name if isinstance(f, Builtin) else None
        if name in ("+", "-"):
            seed = np.int64(0)
        elif name in ("*", "%"):
            seed = np.int64(1)
        elif name == ",":
            seed = []
        else:
            seed = T.type_null(T.qtype(items[0]))
    out = []
    prev = seed
    for v in items:
        if prev is seed and isinstance(seed, list) and name_is_comma(f):
            out.append(T.enlist(v))
        else:
            out.append(ctx.apply(f, [v, prev]))
        prev = v
    return _collect(out, x)


def name_is_comma(f) -> bool:
    return isinstance(f, Builtin) and f.name == ","
