"""The .j namespace (dotj.md): `.j.j` writes a q value as JSON text, `.j.jd` does so with
options (`null0w`: infinities as null), `.j.k` reads JSON text into q values.

What q writes: booleans as true/false, numbers as q shows them (nulls as null, infinities
as inf/-inf), symbols and strings as JSON strings, a dictionary with symbol keys as an object,
a table as an array of objects, other lists as arrays. What q reads: numbers are floats,
strings are strings, null is 0n, inf and -inf are 0w and -0w, arrays of one kind are
vectors, arrays of objects with the same keys are tables. Temporal values, guids and bytes
are not written yet ('nyi): q's forms for them are not documented.
"""
from __future__ import annotations

import json
import re

import numpy as np

from ..errors import QError
from ..values import types as T
from ..values.functions import Definitions, QFunction
from ..values.text import vector_texts

define = Definitions()


def _num(x, null0w: bool, precision: int) -> str:
    t = T.qtype(x)
    if abs(t) == 1:
        return "true" if bool(x) else "false"
    if T.is_null(x):
        return "null"
    v = float(x) if abs(t) in (8, 9) else None
    if v is not None and np.isinf(v):
        return "null" if null0w else ("inf" if v > 0 else "-inf")
    if abs(t) in (5, 6, 7) and abs(int(x)) == T.INT_INF[abs(t)]:
        return "null" if null0w else ("inf" if int(x) > 0 else "-inf")
    text = vector_texts(np.array([x]), precision)[0]
    return text


def _string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def dumps(x, null0w: bool = False, precision: int = 7) -> str:
    """A q value as JSON text (.j.j)."""
    t = T.qtype(x)
    if isinstance(x, T.QTable):
        return "[" + ",".join(dumps(T.QDict(np.array(x.cols, dtype=object),
                                            T.from_items([c[i] for c in x.data])),
                                    null0w, precision) for i in range(len(x))) + "]"
    if isinstance(x, T.QDict):
        if T.is_keyed(x):
            raise QError("nyi")
        if not T.is_syms(x.keys):
            raise QError("type")
        vals = T.to_items(x.values)
        return "{" + ",".join(_string(str(k)) + ":" + dumps(v, null0w, precision)
                              for k, v in zip(x.keys.tolist(), vals)) + "}"
    if t == 10:
        return _string(T.text(x))
    if t == -10:
        return _string(bytes(x).decode("latin-1"))
    if t in (11, -11):
        return _string(str(x)) if t == -11 else \
            "[" + ",".join(_string(str(s)) for s in x.tolist()) + "]"
    if abs(t) in (1, 5, 6, 7, 8, 9):
        if t < 0:
            return _num(x, null0w, precision)
        return "[" + ",".join(_num(v, null0w, precision) for v in x) + "]"
    if isinstance(x, list):
        return "[" + ",".join(dumps(v, null0w, precision) for v in x) + "]"
    if x is None:
        return "null"
    if isinstance(x, QFunction):
        raise QError("type")
    raise QError("nyi")                  # temporals, guids, bytes: q's forms not documented


def _q(v):
    """A parsed JSON value as q's value."""
    if v is None:
        return np.float64(np.nan)
    if isinstance(v, bool):
        return np.bool_(v)
    if isinstance(v, (int, float)):
        return np.float64(v)
    if isinstance(v, str):
        return T.chars(v)
    if isinstance(v, dict):
        if not v:
            return T.QDict(np.array([], dtype=object), [])
        return T.QDict(np.array(list(v), dtype=object), T.from_items([_q(a) for a in v.values()]))
    if isinstance(v, list):
        items = [_q(a) for a in v]
        if items and all(isinstance(a, T.QDict) and not T.is_keyed(a) for a in items):
            keys = items[0].keys.tolist()
            if all(a.keys.tolist() == keys for a in items):
                cols = [T.from_items([T.item(a.values, k) for a in items])
                        for k in range(len(keys))]
                return T.QTable(keys, cols)
        return T.from_items(items) if items else []
    raise QError("type")


# a JSON string, or q's inf/-inf outside one (what .j.j writes for infinities)
_INF = re.compile(r'"(?:\\.|[^"\\])*"|(-?)\binf\b')


def _infinities(text: str) -> str:
    """q's inf and -inf (outside strings) as the JSON module's Infinity and -Infinity: .j.k
    reads back what .j.j writes (KX's ml keeps [0,1,null,inf,-inf] in a parameter file)."""
    if "inf" not in text:
        return text
    return _INF.sub(lambda m: m.group(0) if m.group(1) is None else m.group(1) + "Infinity",
                    text)


def loads(text: str):
    """JSON text as q values (.j.k)."""
    try:
        return _q(json.loads(_infinities(text)))
    except (json.JSONDecodeError, ValueError):
        raise QError("domain") from None


def j(ctx, x):
    return T.chars(dumps(x, precision=ctx.settings.precision))


def jd(ctx, x):
    if not (isinstance(x, list) and len(x) == 2 and isinstance(x[1], T.QDict)):
        raise QError("type")
    v, opts = x
    i = opts.index_of("null0w") if len(opts) else None
    null0w = bool(T.item(opts.values, i)) if i is not None else False
    return T.chars(dumps(v, null0w, ctx.settings.precision))


def k(x):
    if not (T.is_string(x) or isinstance(x, np.bytes_)):
        raise QError("type")
    return loads(T.text(x) if T.is_string(x) else bytes(x).decode("latin-1"))


define(".j.j", monad=j, ctx=True, doc=".j.j x  x as JSON text")
define(".j.jd", monad=jd, ctx=True,
       doc=".j.jd (x;d)  x as JSON text; d`null0w: infinities written as null")
define(".j.k", monad=k, doc='.j.k s  the q value of JSON text s (numbers are floats)')
