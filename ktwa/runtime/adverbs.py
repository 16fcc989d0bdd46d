"""Iterators: each ('), over (/), scan (\\), each-prior (':), each-right (/:), each-left (\\:),
and Case (an int vector with each: `0 1 0'["abc";"xyz"]`).

Every iterator takes every rank its value has: a function is an atom among the arguments of
an n-ary each or a seeded over (`./[x;i;:;y]`), so it extends like any other atom."""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values import types as T
from ..syntax import ast as A
from ..values.functions import IDENTITY, MISSING, Builtin, Derived, Lambda, Projection, QFunction
from ..verbs.lists import q_match
from .truth import is_true


def _rank(f) -> int:
    """The rank an iterator sees: a primitive's infix rank, 1 for the variadic functions the
    accumulators and each-prior derive (they take one argument as readily as two), and for a
    list map its depth (a matrix is a binary map: `m[x;y]`, `(m\\)c`)."""
    if isinstance(f, QFunction):
        if isinstance(f, Builtin):
            return 2 if (f.dyad is not None and (f.infix or f.monad is None)) else f.rank
        if isinstance(f, Derived) and f.adverb in ("/", "\\", "':"):
            return 1
        return f.rank
    if isinstance(f, list) and f and all(isinstance(v, (np.ndarray, list, QFunction)) for v in f):
        # a list of functions indexes, then applies: `m[s;c]` is `(m s) c`, so a list of unary
        # functions is a binary map (regex.md's state machine `1 m/x`)
        return max([2] + [1 + _rank(v) for v in f if isinstance(v, QFunction)])
    return 1


def _atomic(x) -> bool:
    """An atom for the iterators: q atoms and functions (a function's count is 1)."""
    return T.is_atom(x) or isinstance(x, QFunction)


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
        if len(args) >= 2 and _is_case(f):
            return case(f, args)
        if len(args) < _rank(f):       # `.Q.fmt'[w;d]`: a projection of the derived function
            return Projection(d, tuple(args) + (MISSING,) * (_rank(f) - len(args)))
        return each(ctx, f, args)
    if adv == "/":
        return over(ctx, f, args, scan=False)
    if adv == "\\":
        return over(ctx, f, args, scan=True)
    if adv == "/:" or adv == "\\:":
        if len(args) == 1 and not isinstance(f, QFunction):
            # a data operand applied to one argument: `x/:` is `x sv`, `x\:` is `x vs`
            return ctx.apply(ctx.builtins["sv" if adv == "/:" else "vs"], [f, args[0]])
        if len(args) == 1:          # each left and each right are binary: f/:[x] projects
            return Projection(d, (args[0], MISSING))
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
    if _atomic(over_):
        return call(over_)
    return T.from_items([call(v) for v in _items(over_)])


def _conform(args):
    """The common count of the list arguments (atoms extend), None if all are atoms."""
    n = None
    for a in args:
        if not _atomic(a):
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
        if _atomic(x):
            return ctx.apply(f, [x])
        return T.from_items([ctx.apply(f, [v]) for v in _items(x)])
    # each-both (and n-ary): atoms extend, lists must conform
    n = _conform(args)
    if n is None:
        return ctx.apply(f, list(args))
    cols = [(_items(a) if not _atomic(a) else None) for a in args]
    out = []
    for i in range(n):
        out.append(ctx.apply(f, [a if c is None else c[i] for a, c in zip(args, cols)]))
    like = next((a for a in args if isinstance(a, T.QDict)), None)
    return _collect(out, like)


_FAST_OVER = {"+": "sum", "*": "prd", "|": "max", "&": "min", ",": "raze"}
_FAST_SCAN = {"+": "sums", "*": "prds", "|": "maxs", "&": "mins"}


def _name(f):
    return f.name if isinstance(f, Builtin) else None


def _verb_of(f):
    """The glyph a lambda only forwards to: `{x+y}` (or `{[a;b] a+b}`) is `+` with its two
    arguments in order, so a reduction may take the verb's whole-vector path instead of one
    interpreted call per item (same values: `+` cannot be redefined). None otherwise."""
    if not isinstance(f, Lambda) or len(f.params) != 2 or f.locals - set(f.params):
        return None
    stmts = f.body.stmts
    if len(stmts) != 1 or not isinstance(stmts[0], A.Chain):
        return None
    head, ops = stmts[0].head, stmts[0].ops
    if len(ops) != 1 or not isinstance(ops[0], A.OpDyad):
        return None
    op = ops[0]
    if (isinstance(head, A.Name) and head.name == f.params[1] and isinstance(op.left, A.Name)
            and op.left.name == f.params[0] and isinstance(op.verb, A.Verb)):
        return op.verb.name
    return None


def over(ctx, f, args, scan: bool):
    r = _rank(f)
    if r == 1:
        # unary: converge, do (int left), while (function left)
        if len(args) == 1:
            return _converge(ctx, f, args[0], scan)
        if len(args) != 2:
            raise QError("rank")
        n, x = args
        if scan and _is_float(f) and isinstance(n, (np.floating, np.integer)) \
                and not isinstance(n, np.bool_):
            return _affine_scan(n, f, x)
        if isinstance(n, (np.integer,)) and not isinstance(n, np.bool_):
            return _do(ctx, f, int(n), x, scan)
        return _while(ctx, f, n, x, scan)
    if len(args) == 1:
        return _reduce(ctx, f, args[0], scan)
    # seeded fold: x f/ y, or f/[x;y;z...]; the value is not evaluated for empty lists
    acc = args[0]
    rest = args[1:]
    n = _conform(rest)
    if n is None:
        v = ctx.apply(f, [acc] + rest)
        return T.enlist(v) if scan else v
    cols = [(_items(a) if not _atomic(a) else None) for a in rest]
    res = []
    for i in range(n):
        acc = ctx.apply(f, [acc] + [a if c is None else c[i] for a, c in zip(rest, cols)])
        if scan:
            res.append(acc)
    if scan:
        return _collect(res, rest[0] if isinstance(rest[0], T.QDict) else None)
    return acc


def _reduce(ctx, f, x, scan):
    """`(f/)x`, `(f\\)x`: f between the items of x. With a known identity I, `(f/)()` is I
    (q's reference shows `*\\[0#0]` an atom too); `,` starts from () so `(,\\)2 3` begins `,2`."""
    name = _name(f)
    if isinstance(x, T.QDict):
        items = _items(x.values)
    elif _atomic(x):
        return x
    else:
        items = _items(x)
    if not items:
        if name in IDENTITY:
            return IDENTITY[name]
        if isinstance(f, (np.ndarray, list)):      # a list map: an empty list of its type
            return T.empty(T.qtype(f))
        return []
    if name is None and isinstance(x, (np.ndarray, list)):
        r = _forwarded(ctx, _verb_of(f), x, scan)
        if r is not None:
            return r
    if name and isinstance(x, np.ndarray) and x.dtype != object:
        fast = (_FAST_SCAN if scan else _FAST_OVER).get(name)
        if fast and fast in ctx.builtins:
            b = ctx.builtins[fast]
            return b.monad(ctx, x) if b.ctx else b.monad(x)
    acc = T.enlist(items[0]) if name == "," and _atomic(items[0]) else items[0]
    res = [acc]
    for v in items[1:]:
        acc = ctx.apply(f, [acc, v])
        if scan:
            res.append(acc)
    if scan:
        return _collect(res, x)
    return acc


def _forwarded(ctx, verb, x, scan):
    """`{x+y}/` on a float or long vector without an interpreted call per item, with the
    lambda's values: float + and * strictly left to right (precision.md: `{x+y}over` is the
    direct order, unlike sum's SIMD lanes), long + | & by the built-in when no item is null
    (sum skips nulls where {x+y} would not). None: take the item-by-item path."""
    if verb is None or len(x) == 0:
        return None
    if isinstance(x, list):
        # rows of one float length (a matrix): + and * add row to row, each column in order
        n = len(x[0]) if isinstance(x[0], np.ndarray) else -1
        if verb in _SEQUENTIAL and n > 0 and all(
                isinstance(r, np.ndarray) and r.dtype == np.float64 and len(r) == n
                and T.qtype(r) == 9 for r in x):
            acc = _SEQUENTIAL[verb].accumulate(np.stack(x), axis=0)
            return list(acc) if scan else acc[-1]
        return None
    t = T.qtype(x)
    if t == 9 and verb in _SEQUENTIAL:
        acc = _SEQUENTIAL[verb].accumulate(x)
        return acc if scan else acc[-1]
    if t == 7 and verb in ("+", "|", "&") and not T.null_mask(x).any():
        b = ctx.builtins[(_FAST_SCAN if scan else _FAST_OVER)[verb]]
        return b.monad(ctx, x) if b.ctx else b.monad(x)
    return None


_SEQUENTIAL = {"+": np.add, "*": np.multiply}


def _is_float(f) -> bool:
    """A float vector or atom: `x y\\z`'s y (an atom extends, as the `1-a` of ema's idiom
    {first[y](1-x)\\x*y})."""
    return isinstance(f, (np.ndarray, np.floating)) and f.dtype.kind == "f"


def _affine_scan(x, y, z):
    """`x y\\z` for a float y: q's built-in {z+x*y}\\[x;y;z] (running x*y+z)."""
    if not isinstance(z, np.ndarray) or z.dtype.kind not in "fi":
        raise QError("type")
    if y.ndim == 0:
        y = np.full(len(z), y)
    if len(z) != len(y):
        raise QError("length")
    out = np.empty(len(y), dtype=np.float64)
    acc = float(x)
    for i, (a, b) in enumerate(zip(y.tolist(), z.tolist())):
        acc = b + acc * a
        out[i] = acc
    return out


def _is_case(f) -> bool:
    return isinstance(f, np.ndarray) and f.dtype.kind in "iu" and f.dtype != np.uint8


def case(f, args):
    """`i'[a;b;...]` (Case): item k of the result is item k of the argument i[k] picks; atoms
    extend, dictionaries contribute their values (all with one key, else 'domain)."""
    n = len(f)
    for a in args:
        if not _atomic(a) and T.count(a) != n:
            raise QError("length")
    keys = None
    cols = []
    for a in args:
        if isinstance(a, T.QDict):
            if keys is not None and not T.match(keys, a.keys):
                raise QError("domain")
            keys = a.keys
            a = a.values
        cols.append(None if _atomic(a) else _items(a))
    out = []
    for k, j in enumerate(f.tolist()):
        if not 0 <= j < len(args):
            raise QError("index")
        c = cols[j]
        out.append(args[j] if c is None else c[k])
    return T.from_items(out)


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
    """Converge's test: q's ~, so floats anywhere in the value match within comparison
    tolerance (accumulators.md), as a gradient step's vectors settle (funq's `mf over THETA`)."""
    return bool(q_match(a, b))


def _do(ctx, f, n, x, scan):
    # a count below 0 applies f no times, as 0 does (KX's ml: combs[n;0] does (0-1) f/ x, and
    # its tests expect x back)
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
    for k, v in enumerate(items):
        if k == 0 and len(args) == 1 and _name(f) == ",":
            out.append(v)           # q's reference: `(,':)2 3 4` begins with 2
        else:
            out.append(ctx.apply(f, [v, prev]))
        prev = v
    return _collect(out, x)
