"""qSQL: select / exec / update / delete over tables (q-core.md §7)."""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..syntax import ast as A
from ..values import types as T
from .context import Env


def _index_list(x, idx: np.ndarray):
    if isinstance(x, np.ndarray):
        return x[idx]
    return [x[i] for i in idx.tolist()]


def _subtable(t: T.QTable, idx):
    return T.QTable(t.cols, [_index_list(c, idx) for c in t.data])


def _unkey(x):
    if T.is_keyed(x):
        k, v = x.keys, x.values
        return T.QTable(k.cols + v.cols, k.data + v.data), list(k.cols)
    return x, None


def _col_env(env, t: T.QTable, idx):
    loc = dict(env.locals) if env.locals else {}
    for c, d in zip(t.cols, t.data):
        loc[c] = d
    loc["i"] = np.asarray(idx, dtype=np.int64)
    return Env(env.ctx, loc, env.depth, env.lam)


def names_in(node):
    """The names a query expression uses, outside nested lambdas, in source order."""
    out = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, A.LambdaExpr):
            continue
        if isinstance(n, A.Name):
            out.append(n)
        stack.extend(A.children(n))
    return sorted(out, key=lambda n: n.span[0])


def column_name(name, node, cols):
    if name is not None:
        return name
    for n in names_in(node):
        if n.name in cols:
            return n.name
        root, _, part = n.name.partition(".")
        if part and root in cols:               # by time.minute names the column minute
            return part.rpartition(".")[2]
    return "x"


def _dedupe(names):
    seen = {}
    out = []
    for n in names:
        if n in seen:
            seen[n] += 1
            out.append(f"{n}{seen[n]}")
        else:
            seen[n] = 0
            out.append(n)
    return out


def _where(ev, node, env, t, idx):
    for w in node.where:
        sub = _subtable(t, idx)
        m = ev(w, _col_env(env, sub, idx))
        if isinstance(m, (np.bool_, bool)):
            if not m:
                idx = idx[:0]
            continue
        # the Where phrase is a boolean list with a flag per record (q's docs)
        if not (isinstance(m, np.ndarray) and m.dtype == bool):
            raise QError("type")
        if len(m) != len(idx):
            raise QError("length")
        idx = idx[m]
    return idx


def as_columns(vals: list) -> list:
    """Values as the columns of one table: atoms repeat to the common length; every list
    must have it ('length); a dictionary or table cannot be a column ('type)."""
    for v in vals:
        if isinstance(v, (T.QDict, T.QTable)):
            raise QError("type")
    n = max([T.count(v) for v in vals if not T.is_atom(v)], default=1)
    cols = []
    for v in vals:
        if T.is_atom(v):
            v = extend_atom(v, n)
        elif T.count(v) != n:
            raise QError("length")
        cols.append(v)
    return cols


def extend_atom(v, n):
    """An atom repeated to a column of n; a list as it is."""
    if T.is_atom(v):
        if isinstance(v, T.EnumSym):
            return T.enum_vector([v] * n, v.domain)
        if isinstance(v, str):
            return np.array([v] * n, dtype=object)
        if v is None:
            return [None] * n
        return np.full(n, v, dtype=v.dtype)
    return v


def _groups(ev, env, t, idx, by):
    """Evaluate the by-phrase and return (key names, key columns (per group), list of row index arrays)."""
    sub = _subtable(t, idx)
    cenv = _col_env(env, sub, idx)
    names = _dedupe([column_name(n, e, t.cols) for n, e in by])
    keys = [extend_atom(ev(e, cenv), len(idx)) for _, e in by]
    # group rows by the tuple of key values, sorted by key
    rows = list(zip(*[T.to_items(k) for k in keys])) if len(idx) else []
    groups: dict = {}
    for pos, key in enumerate(rows):
        hk = tuple(_hashable(v) for v in key)
        groups.setdefault(hk, (key, []))[1].append(pos)
    order = sorted(groups.keys(), key=_sort_key)
    keycols = [T.from_items([groups[g][0][j] for g in order]) if order else T.empty(0)
               for j in range(len(by))]
    keycols = [k if T.count(k) or not isinstance(k, list) else _typed_empty(keys[j])
               for j, k in enumerate(keycols)]
    parts = [idx[np.array(groups[g][1], dtype=np.int64)] for g in order]
    return names, keycols, parts


def _typed_empty(col):
    if isinstance(col, np.ndarray):
        return col[:0]
    return []


def _hashable(v):
    if isinstance(v, np.ndarray):
        return ("v", v.dtype.str, v.tobytes())
    if isinstance(v, list):
        return ("l", tuple(_hashable(x) for x in v))
    if isinstance(v, np.floating) and np.isnan(v):
        return ("nan",)
    if isinstance(v, (np.datetime64, np.timedelta64)):     # by q's count: nulls first, in order
        return int(v.view(np.int64))
    if isinstance(v, np.generic):
        return v.item()
    return v


def _sort_key(k):
    out = []
    for v in k:
        if isinstance(v, tuple) and v and v[0] == "nan":
            out.append((0, 0))
        elif isinstance(v, (int, float)):
            out.append((1, v))
        elif isinstance(v, str):
            out.append((2, v))
        elif isinstance(v, bytes):
            out.append((2, v.decode("latin-1")))
        else:
            out.append((3, repr(v)))
    return out


def _apply_limit(ev, node, env, t: T.QTable):
    if not node.limit:
        return t
    n = None
    sort = None
    for s in node.limit:
        if s is None:
            continue
        if isinstance(s, A.Chain) and s.head is not None and isinstance(s.head, A.Name) \
                and len(s.ops) == 1 and isinstance(s.ops[0], A.OpMonad) \
                and isinstance(s.ops[0].verb, A.Verb) and s.ops[0].verb.name in "<>":
            sort = (s.head.name, s.ops[0].verb.name)
        else:
            n = ev(s, env)
    if sort is not None:
        col = t.column(sort[0])
        if col is None:
            raise QError(sort[0])
        order = np.argsort(_sortable(col), kind="stable")
        if sort[1] == ">":
            order = np.argsort(-_rank(col), kind="stable")
        t = _subtable(t, order)
    if n is not None:
        m = len(t)
        if isinstance(n, np.ndarray):
            a, b = int(n[0]), int(n[1])
            t = _subtable(t, np.arange(a, min(m, a + b)))
        else:
            k = int(n)
            t = _subtable(t, np.arange(min(k, m)) if k >= 0 else np.arange(max(0, m + k), m))
    return t


def _sortable(col):
    if isinstance(col, np.ndarray):
        return col
    return np.array([repr(x) for x in col])


def _rank(col):
    vals = _sortable(col)
    order = np.argsort(vals, kind="stable")
    r = np.empty(len(vals), dtype=np.int64)
    # equal values share a rank so the descending sort stays stable
    sv = vals[order]
    ranks = np.concatenate([[0], np.cumsum(sv[1:] != sv[:-1])]) if len(sv) else np.array([], np.int64)
    r[order] = ranks
    return r


def run_qsql(node, env, ev):
    """select/exec/update/delete; `ev` evaluates the query's expressions (the evaluator)."""
    ctx = env.ctx
    tval = ev(node.table, env)
    name = None
    if isinstance(tval, str):
        name = tval
        tval = ctx.get_global(tval)
    keyed = T.is_keyed(tval)
    t, keycols = _unkey(tval)
    if not isinstance(t, T.QTable):
        raise QError("type")
    idx = _where(ev, node, env, t, np.arange(len(t), dtype=np.int64))
    kind = node.kind
    if kind == "delete":
        if node.cols:
            drop = {column_name(n, e, t.cols) for n, e in node.cols}
            keep = [j for j, c in enumerate(t.cols) if c not in drop]
            res = T.QTable([t.cols[j] for j in keep], [t.data[j] for j in keep])
        else:
            mask = np.ones(len(t), dtype=bool)
            mask[idx] = False
            res = _subtable(t, np.nonzero(mask)[0])
        res = _rekey(res, keycols) if keyed else res
        return _store(ctx, name, res)
    if kind == "update":
        res = _update(ev, node, env, t, idx)
        res = _rekey(res, keycols) if keyed else res
        return _store(ctx, name, res)
    sub = _subtable(t, idx)
    if node.by:
        names, kcols, parts = _groups(ev, env, t, idx, node.by)
        if node.cols:
            cnames = _dedupe([column_name(n, e, t.cols) for n, e in node.cols])
            vals = []
            for _, e in node.cols:
                cells = []
                for p in parts:
                    cells.append(ev(e, _col_env(env, _subtable(t, p), p)))
                vals.append(_cells(cells))
        else:
            rest = [c for c in t.cols if c not in names]
            cnames = rest
            vals = []
            for c in rest:
                col = t.column(c)
                vals.append(T.from_items([T.item(col, int(p[-1])) for p in parts]) if parts
                            else _typed_empty(col))
        if kind == "exec":
            if len(node.cols) == 1 and len(names) == 1:
                return T.QDict(kcols[0], vals[0])
            if len(names) == 1:
                return T.QDict(kcols[0], T.QTable(cnames, vals))
            return T.QDict(T.QTable(names, kcols), T.QTable(cnames, vals))
        if node.limit:
            whole = _apply_limit(ev, node, env, T.QTable(names + cnames, kcols + vals))
            k = len(names)
            return T.QDict(T.QTable(names, whole.data[:k]), T.QTable(cnames, whole.data[k:]))
        return T.QDict(T.QTable(names, kcols), T.QTable(cnames, vals))
    if kind == "exec":
        cenv = _col_env(env, sub, idx)
        if not node.cols:
            return sub.data[-1] if sub.data else []
        if len(node.cols) == 1 and node.cols[0][0] is None:
            return ev(node.cols[0][1], cenv)
        names = _dedupe([column_name(n, e, t.cols) for n, e in node.cols])
        vals = [ev(e, cenv) for _, e in node.cols]
        return T.QDict(np.array(names, dtype=object), vals)
    # select without by
    if not node.cols:
        res = sub
    else:
        cenv = _col_env(env, sub, idx)
        names = _dedupe([column_name(n, e, t.cols) for n, e in node.cols])
        res = T.QTable(names, as_columns([ev(e, cenv) for _, e in node.cols]))
    res = _apply_limit(ev, node, env, res)
    if keyed and not node.cols:
        res = _rekey(res, keycols)
    return res


def _cells(cells):
    return T.from_items(cells)


def _rekey(t: T.QTable, keycols):
    k = [c for c in t.cols if c in keycols]
    v = [c for c in t.cols if c not in keycols]
    return T.QDict(T.QTable(k, [t.column(c) for c in k]), T.QTable(v, [t.column(c) for c in v]))


def _store(ctx, name, res):
    if name is None:
        return res
    ctx.set_global(name, res)
    return name


def _update(ev, node, env, t: T.QTable, idx):
    cols = list(t.cols)
    data = list(t.data)
    n = len(t)
    full = len(idx) == n
    if node.by:
        names, kcols, parts = _groups(ev, env, t, idx, node.by)
        groups = parts
    else:
        groups = [idx]
    for cname, e in node.cols:
        cname = column_name(cname, e, t.cols)
        newcol = None
        pieces = []
        for g in groups:
            v = ev(e, _col_env(env, _subtable(t, g), g))
            v = extend_atom(v, len(g)) if T.is_atom(v) else v
            if T.count(v) != len(g):
                raise QError("length")
            pieces.append((g, v))
        if cname in cols:
            base = data[cols.index(cname)]
        else:
            base = None
        if full and len(groups) == 1 and base is None:
            newcol = pieces[0][1]
        else:
            items = T.to_items(base) if base is not None else [None] * n
            items = list(items)
            if base is None:
                # new column: rows not updated get the null of the new values' type
                proto = next((T.to_items(v)[0] for _, v in pieces if T.count(v)), None)
                nul = T.type_null(T.qtype(proto)) if proto is not None and T.is_atom(proto) else []
                items = [nul] * n
            for g, v in pieces:
                vi = T.to_items(v)
                for k, r in enumerate(g.tolist()):
                    items[r] = vi[k]
            newcol = T.from_items(items) if items else (base if base is not None else [])
            if isinstance(base, np.ndarray) and not isinstance(newcol, np.ndarray) and base.dtype != object:
                raise QError("type")
        if cname in cols:
            data[cols.index(cname)] = newcol
        else:
            cols.append(cname)
            data.append(newcol)
    return T.QTable(cols, data)
