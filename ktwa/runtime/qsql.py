"""qSQL: select / exec / update / delete over tables (q-core.md §7)."""
from __future__ import annotations

import dataclasses
import weakref

import numpy as np

from ..errors import QError
from ..syntax import ast as A
from ..values import types as T
from ..verbs import files, partitions
from ..verbs.cast import to_type
from ..verbs.grouping import AGGREGATES, aggregate, groups
from ..verbs.index import index, take_pos
from .context import Env
from .parsetree import OPERATORS


def _index_list(x, idx: np.ndarray):
    if _is_whole(idx):
        return x
    if isinstance(x, np.ndarray):
        return x[idx]
    if isinstance(x, T.QTable):             # a column that is a table: its rows
        return take_pos(x, idx)
    return [x[i] for i in idx.tolist()]


class _Numbered(T.QTable):
    """A partitioned table in a query: its virtual column i numbers each row within its
    partition (qsql.md), not in the whole table; `rows` holds those numbers, and a subtable
    keeps its rows' numbers."""

    __slots__ = ("rows",)

    def __init__(self, cols, data, rows: np.ndarray):
        super().__init__(cols, data)
        self.rows = rows


def _numbered(t: T.Mapped) -> _Numbered:
    """A partitioned table's rows numbered within their partitions: its first column is the
    partition field, each partition's rows together."""
    n = len(t)
    field = t.data[0].view(np.int64) if n else np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, field[1:] != field[:-1]]) if n else field
    first = np.repeat(starts, np.diff(np.r_[starts, n])) if n else field
    return _Numbered(t.cols, t.data, np.arange(n, dtype=np.int64) - first)


def _row_numbers(t: T.QTable, idx) -> np.ndarray:
    """What i is at rows idx of t."""
    return t.rows[idx] if isinstance(t, _Numbered) else np.asarray(idx, dtype=np.int64)


def _subtable(t: T.QTable, idx):
    if _is_whole(idx):
        return t
    data = [_index_list(c, idx) for c in t.data]
    return _Numbered(t.cols, data, t.rows[idx]) if isinstance(t, _Numbered) \
        else T.QTable(t.cols, data)


# The row positions of a query without a where clause (np.arange over its table), marked so that
# `_subtable` hands back the table itself instead of copying every column. A weak registry by
# identity, dropped with the array.
_WHOLE: dict = {}


def _all_rows(n: int) -> np.ndarray:
    a = np.arange(n, dtype=np.int64)
    key = id(a)
    _WHOLE[key] = weakref.ref(a, lambda _r, k=key: _WHOLE.pop(k, None))
    return a


def _is_whole(idx) -> bool:
    r = _WHOLE.get(id(idx))
    return r is not None and r() is idx


def _unkey(x):
    if T.is_keyed(x):
        k, v = x.keys, x.values
        return T.QTable(k.cols + v.cols, k.data + v.data), list(k.cols)
    return x, None


def _col_env(env, t: T.QTable, idx):
    loc = dict(env.locals) if env.locals else {}
    for c, d in zip(t.cols, t.data):
        loc[c] = d
    loc["i"] = t.rows if isinstance(t, _Numbered) else np.asarray(idx, dtype=np.int64)
    return Env(env.ctx, loc, env.depth, env.lam)


def names_in(node, only_tables: bool = False):
    """The names a query expression uses, outside nested lambdas, in source order; with
    only_tables, of a query only the names in its table (a name in its phrases may be a
    column)."""
    out = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, A.LambdaExpr):
            continue
        if isinstance(n, A.Name):
            out.append(n)
        if only_tables and isinstance(n, A.Qsql):
            if n.table is not None:
                stack.append(n.table)
            continue
        stack.extend(A.children(n))
    return sorted(out, key=lambda n: n.span[0])


def view_names(node):
    """The globals a view depends on (views.md), in source order: the names it uses outside
    lambdas, but of a query only its table."""
    return names_in(node, only_tables=True)


def column_name(name, node, cols):
    """An unnamed column is named by the first of the table's columns its expression uses,
    read from the left; an operator applied to a constant on its left is `x` (qsql.md: in
    `select c1, 2*c2, c2+c3, string c3` the columns are c1 x c2 c3; xbar.md: `by 5 xbar
    time.minute` is minute: a keyword is no operator). A name alone is the column's name
    even when the table has no such column (`update n from d` with a local n adds column n)."""
    if name is not None:
        return name
    if isinstance(node, A.Name) and "." not in node.name and node.name != "i":
        # a name alone names its column, a column of the table or not: q names columns as it
        # parses, before it sees the table; the virtual column i is x (select i from t)
        return node.name
    if isinstance(node, A.Chain) and node.ops and isinstance(node.ops[-1], A.OpDyad) \
            and isinstance(node.ops[-1].verb, A.Verb) and node.ops[-1].verb.name in OPERATORS \
            and _leftmost(node).__class__ is A.Const and not _symbol_left(node):
        return "x"
    for n in names_in(node):
        if n.name in cols:
            return n.name
        root, _, part = n.name.partition(".")
        if part and root in cols:               # by time.minute names the column minute
            return part.rpartition(".")[2]
    return "x"


def literal_column_name(node) -> str:
    """An unnamed column of a table literal is named as a query's column is, its candidates
    being the names the expression uses other than those applied as functions: q's
    `([]tensor x;tensor y)` has columns x y (ktorch's train page), `([]sym;price)` sym price."""
    applied, assigned = set(), []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, A.LambdaExpr):
            continue
        if isinstance(n, A.OpApply) and isinstance(n.fn, A.Name):
            applied.add(id(n.fn))
        if isinstance(n, A.Index) and isinstance(n.target, A.Name):
            applied.add(id(n.target))
        if isinstance(n, A.OpAssign) and n.indices is None and n.op is None:
            assigned.append((n.span[0], n.name))
        stack.extend(A.children(n))
    values = [n.name for n in names_in(node) if id(n) not in applied]
    name = column_name(None, node, values)
    # faq.md: ([] `long$amount:()) has a column amount, the name the expression assigns
    return min(assigned)[1] if name == "x" and assigned else name


def _symbol_left(node) -> bool:
    """A symbol constant on the operator's left (a constant q's parse tree holds enlisted)
    does not name the column: `` `g#sym `` sets sym's attribute (the idiom `update `g#sym
    from t` adds no column x) and `` `d!c `` (funq's `update `zoo.typ!typ from `zoo.t`)
    enumerates c in place, as `"e"$c` casts it in place; a number there (`2*c2`) makes the
    column x."""
    v = getattr(_leftmost(node), "value", None)
    return isinstance(v, (str, np.bytes_)) or (
        isinstance(v, np.ndarray) and (v.dtype == object or v.dtype.kind == "S"))


def _leftmost(node):
    """The leftmost leaf (name, constant or verb) of an expression, outside lambdas."""
    best = None
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, A.LambdaExpr):
            continue
        kids = list(A.children(n))
        if not kids and (best is None or n.span[0] < best.span[0]):
            best = n
        stack.extend(kids)
    return best


def dedupe(names):
    """Column names made distinct as q makes a query's or a table literal's: a repeated name
    takes 1, 2... (`select a,a` has a and a1; ([]1 2;3 4) has x and x1)."""
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


def _partitions_asked(ev, node, env, r: T.DiskRef):
    """Which partitions in view a query of the partitioned table r reads, when its first
    constraint uses the partition field and none of r's columns (`where date=d`): a boolean
    per partition; else None (all of them)."""
    db = env.ctx.database
    if node.kind not in ("select", "exec") or not node.where or db is None \
            or files.is_file_symbol(r.source):
        return None
    names = {n.name for n in names_in(node.where[0])}
    if db.field not in names or names & set(r.cols):
        return None
    field = T.QTable([db.field], [db.view])
    m = ev(node.where[0], _col_env(env, field, _all_rows(len(db.view))))
    return m if isinstance(m, np.ndarray) and m.dtype == bool and len(m) == len(db.view) \
        else None


def _where(ev, node, env, t, idx):
    for w in node.where:
        sub = _subtable(t, idx)
        m = ev(w, _col_env(env, sub, idx))
        if isinstance(m, (np.bool_, bool)):
            if not m:
                idx = idx[:0]
            continue
        # the Where phrase is a boolean list with a flag per record (q's docs); once no
        # record is left, `f each col` gives the empty general list () (csvutil.q's rules)
        if isinstance(m, list) and not m and not len(idx):
            continue
        if not (isinstance(m, np.ndarray) and m.dtype == bool):
            raise QError("type")
        if len(m) != len(idx):
            raise QError("length")
        idx = idx[m]
    return idx


def as_columns(vals: list) -> list:
    """Values as the columns of one table: atoms repeat to the common length; every list
    must have it ('length); a dictionary cannot be a column ('type), a table can (its rows
    are the column's items, as a table column is)."""
    for v in vals:
        if isinstance(v, T.QDict):
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
        if T.enum_domain(v):
            return T.enum_vector([v] * n, v.domain, T.enum_rows(v))
        if isinstance(v, str):
            return np.array([v] * n, dtype=object)
        if v is None:
            return [None] * n
        return np.full(n, v, dtype=v.dtype)
    return v


def _groups(ev, env, t, idx, by):
    """Evaluate the by-phrase over rows idx: (key names, key columns (one item per group),
    Groups of the rows (positions in idx) numbered in ascending key order)."""
    sub = _subtable(t, idx)
    cenv = _col_env(env, sub, idx)
    names = dedupe([column_name(n, e, t.cols) for n, e in by])
    keys = [extend_atom(ev(e, cenv), len(idx)) for _, e in by]
    if any(T.is_atom(k) or T.count(k) != len(idx) for k in keys):
        raise QError("length")
    g = groups(keys, ascending=True)
    keycols = [take_pos(k, g.first) if g.count else _typed_empty(k) for k in keys]
    return names, keycols, g


def _typed_empty(col):
    if isinstance(col, np.ndarray):
        return col[:0]
    return []


def _aggregate_of(e, cols, env):
    """(name, column names) when expression e is an aggregate that the grouping engine computes
    for all groups at once (`sum v`, `sum[v]`, `count i`, `x wavg y`, `wavg[x;y]`...), its
    arguments columns of the table (or the virtual row index `i`); else None."""
    if isinstance(e, A.Chain) and len(e.ops) == 1 and isinstance(e.head, A.Name):
        op = e.ops[0]
        if isinstance(op, A.OpApply) and isinstance(op.fn, A.Name):
            fname, args = op.fn.name, [e.head]
        elif isinstance(op, A.OpDyad) and isinstance(op.verb, A.Name) \
                and isinstance(op.left, A.Name):
            fname, args = op.verb.name, [op.left, e.head]
        else:
            return None
    elif isinstance(e, A.Index) and isinstance(e.target, A.Name) and e.args \
            and all(isinstance(a, A.Name) for a in e.args):
        fname, args = e.target.name, list(e.args)
    else:
        return None
    spec = AGGREGATES.get(fname)
    if spec is None or spec[0] != len(args):
        return None
    # the name must mean the built-in: not a column, a local or a global of that name
    if fname in cols or (env.locals and fname in env.locals) or fname in env.ctx.globals:
        return None
    names = [a.name for a in args]
    if any(n != "i" and n not in cols for n in names):
        return None
    return fname, names


def _by_values(ev, env, t, idx, g, e):
    """One column of a query with a by-phrase: its value for each group, an aggregate computed
    for all groups at once where the grouping engine has it, else e evaluated on each group's
    rows."""
    agg = _aggregate_of(e, t.cols, env)
    if agg is not None:
        cols = [_row_numbers(t, idx) if c == "i" else _index_list(t.column(c), idx)
                    for c in agg[1]]
        r = aggregate(agg[0], cols, g)
        if r is not None:
            return r
    cells = [ev(e, _col_env(env, _subtable(t, p), p)) for p in (idx[q] for q in g.parts())]
    return _cells(cells)


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
        elif isinstance(s, A.Chain) and s.ops and isinstance(s.ops[-1], A.OpMonad) \
                and isinstance(s.ops[-1].verb, A.Verb) and s.ops[-1].verb.name in "<>":
            # select[>e]: the rows in the order of e, an expression of the columns (funq's
            # select[>([](avg;s) fby g;s)]: by a table, its rows compared in turn)
            key = ev(A.Chain(s.span, s.head, s.ops[:-1]), _col_env(env, t, np.arange(len(t))))
            word = "iasc" if s.ops[-1].verb.name == "<" else "idesc"
            t = _subtable(t, np.asarray(env.ctx.apply(env.ctx.builtins[word], [key]),
                                        dtype=np.int64))
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


def _dict_env(env, d):
    """The scope of a query from a dictionary with symbol keys: its keys are the columns, its
    values their values (as q reads a dictionary in a query's from phrase)."""
    loc = dict(env.locals) if env.locals else {}
    for k, v in zip(list(d.keys), T.to_items(d.values)):
        loc[k] = v
    return Env(env.ctx, loc, env.depth, env.lam)


def _update_dict(node, env, ev, name, d):
    """update from a dictionary: each phrase's value replaces its key's, or is added as a new
    key (update.md: a by phrase is a 'type; a where phrase on a dictionary is not documented)."""
    if node.by:
        raise QError("type")
    if node.where:
        raise QError("nyi")
    cenv = _dict_env(env, d)
    keys = list(d.keys)
    names = dedupe([column_name(n, e, keys) for n, e in node.cols])
    new = [ev(e, cenv) for _, e in node.cols]
    vals = list(T.to_items(d.values))      # a copy: d (a value) stays as it was
    for k, v in zip(names, new):
        if k in keys:
            vals[keys.index(k)] = v
        else:
            keys.append(k)
            vals.append(v)
    return _store(env.ctx, name, T.QDict(np.array(keys, dtype=object), T.from_items(vals)))


def _query_dict(node, env, ev, d):
    """select or exec from a dictionary with symbol keys (see _dict_env; qsql.md: the result of
    a select is a table or a dictionary): a select gives a dictionary of its named phrases, the
    dictionary itself when it has none; an exec gives one unnamed phrase's value, a dictionary
    of several. What a where or by phrase or a select[n] does over a dictionary's entries is
    not documented: 'nyi."""
    if node.by or node.where or node.limit:
        raise QError("nyi")
    keys = list(d.keys)
    if not node.cols:
        # an exec's last record: of a record (a row's dictionary of atoms) the record itself,
        # whether q reads a dictionary as a row or as columns; of lists the two readings
        # differ (the dictionary, or each list's last item)
        if node.kind == "select" or all(T.is_atom(v) for v in T.to_items(d.values)):
            return d
        raise QError("nyi")
    cenv = _dict_env(env, d)
    if node.kind == "exec" and len(node.cols) == 1 and node.cols[0][0] is None:
        return ev(node.cols[0][1], cenv)
    names = dedupe([column_name(n, e, keys) for n, e in node.cols])
    return T.QDict(np.array(names, dtype=object),
                   T.from_items([ev(e, cenv) for _, e in node.cols]))


def run_qsql(node, env, ev):
    """select/exec/update/delete; `ev` evaluates the query's expressions (the evaluator)."""
    ctx = env.ctx
    if node.distinct:
        # select.md: the unique records of the result, as ?[t;c;1b;a] (funsql.md); what it
        # does with a by phrase is not documented
        if node.by:
            raise QError("nyi")
        res = run_qsql(dataclasses.replace(node, distinct=False), env, ev)
        d = ctx.builtins["distinct"]
        return d.monad(ctx, res) if d.ctx else d.monad(res)
    tval = ev(node.table, env)
    name = None
    if isinstance(tval, str) and files.is_file_symbol(tval) and node.kind in ("select", "exec"):
        tval = files.read_value(ctx, tval)     # select from `:t reads the table at file t
    if isinstance(tval, str):
        name = tval
        tval = ctx.get_global(tval)
    if node.by_false:
        node = dataclasses.replace(node, by=None,
                                   kind="select" if node.kind == "exec" else node.kind)
    if node.kind == "delete" and isinstance(tval, T.QDict) and not T.is_keyed(tval):
        if node.cols and not node.where:
            return _delete_entries(ctx, name, tval, [_named(n, e) for n, e in node.cols])
        if T.is_syms(tval.keys):        # delete.md shows neither rows nor a where phrase
            raise QError("nyi")
    if node.kind in ("select", "exec") and isinstance(tval, T.QDict) and T.is_syms(tval.keys):
        return _query_dict(node, env, ev, tval)
    if node.kind == "update" and isinstance(tval, T.QDict) and T.is_syms(tval.keys):
        return _update_dict(node, env, ev, name, tval)
    if isinstance(tval, T.DiskRef) and tval.flipped:      # nothing on disk: reading fails
        tval = partitions.resolve(ctx, tval, strict=True,
                                  asked=_partitions_asked(ev, node, env, tval))
    keyed = T.is_keyed(tval)
    t, keycols = _unkey(tval)
    if not isinstance(t, T.QTable):
        raise QError("type")
    if isinstance(t, T.Mapped):         # what a query gives is in memory, not on disk (.Q.qp)
        if t.partitioned and node.limit:        # select[n] on a partitioned table (select.md)
            raise QError("nyi")
        t = _numbered(t) if t.partitioned else T.QTable(t.cols, t.data)
    idx = _where(ev, node, env, t, _all_rows(len(t)))
    kind = node.kind
    if kind == "delete":
        if node.cols:
            drop = {column_name(n, e, t.cols) for n, e in node.cols}
            if keyed and drop & set(keycols):     # what q keys the rest by is not documented
                raise QError("nyi")
            keep = [j for j, c in enumerate(t.cols) if c not in drop]
            res = T.QTable([t.cols[j] for j in keep], [t.data[j] for j in keep])
        else:
            mask = np.ones(len(t), dtype=bool)
            mask[idx] = False
            res = _subtable(t, np.nonzero(mask)[0])
            res = T.QTable(res.cols, res.data)
        res = _rekey(res, keycols) if keyed else res
        return _store(ctx, name, res)
    if kind == "update":
        res = _update(ev, node, env, t, idx)
        res = _rekey(res, keycols) if keyed else res
        return _store(ctx, name, res)
    if node.by:
        names, kcols, g = _groups(ev, env, t, idx, node.by)
        if node.cols:
            cnames = dedupe([column_name(n, e, t.cols) for n, e in node.cols])
            vals = [_by_values(ev, env, t, idx, g, e) for _, e in node.cols]
        else:
            rest = [c for c in t.cols if c not in names]
            cnames = rest
            last = idx[g.last] if g.count else None
            vals = [take_pos(t.column(c), last) if g.count else _typed_empty(t.column(c))
                    for c in rest]
        if kind == "exec":
            # exec.md: one unnamed by column keys by a list, else by a table; one unnamed
            # result column gives a list, else a table
            keys = kcols[0] if len(names) == 1 and node.by[0][0] is None \
                else T.QTable(names, kcols)
            one = len(node.cols) == 1 and node.cols[0][0] is None
            return T.QDict(keys, vals[0] if one else T.QTable(cnames, vals))
        if node.limit:
            whole = _apply_limit(ev, node, env, T.QTable(names + cnames, kcols + vals))
            k = len(names)
            return T.QDict(T.QTable(names, whole.data[:k]), T.QTable(cnames, whole.data[k:]))
        return T.QDict(T.QTable(names, kcols), T.QTable(cnames, vals))
    sub = _subtable(t, idx)
    if kind == "exec":
        cenv = _col_env(env, sub, idx)
        if not node.cols:                        # exec.md: the last record
            return T.QDict(np.array(t.cols, dtype=object),
                           T.from_items([c[len(c) - 1] for c in sub.data])) if len(sub) \
                else T.QDict(np.array(t.cols, dtype=object), [_typed_empty(c) for c in t.data])
        if len(node.cols) == 1 and node.cols[0][0] is None:
            return ev(node.cols[0][1], cenv)
        names = dedupe([column_name(n, e, t.cols) for n, e in node.cols])
        vals = [ev(e, cenv) for _, e in node.cols]
        return T.QDict(np.array(names, dtype=object), vals)
    # select without by
    if not node.cols:
        res = T.QTable(sub.cols, sub.data) if isinstance(sub, _Numbered) else sub
    else:
        cenv = _col_env(env, sub, idx)
        names = dedupe([column_name(n, e, t.cols) for n, e in node.cols])
        res = T.QTable(names, as_columns([ev(e, cenv) for _, e in node.cols]))
    res = _apply_limit(ev, node, env, res)
    if keyed and not node.cols:
        res = _rekey(res, keycols)
    return res


def _named(name, e) -> str:
    """The name a delete phrase gives (`delete a,b from ...`)."""
    if name is not None:
        return name
    ns = names_in(e)
    if len(ns) != 1:
        raise QError("type")
    return ns[0].name


def _delete_entries(ctx, name, d, names):
    """`delete a,b from d` on a dictionary: d without those keys; from `d (by name) the
    global changes, from `. (or `.ns) the globals themselves are deleted (delete.md)."""
    if name is not None and ctx.is_namespace_name(name):
        prefix = "" if name == "." else name
        for n in names:
            ctx.delete_global(prefix + "." + n if prefix else n)
        return name
    if not T.is_syms(d.keys):
        raise QError("type")
    keep = [j for j, k in enumerate(d.keys.tolist()) if k not in set(names)]
    res = T.QDict(d.keys[keep], index(d.values, np.array(keep, dtype=np.int64)))
    return _store(ctx, name, res)


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
    g = _groups(ev, env, t, idx, node.by)[2] if node.by else None
    for cname, e in node.cols:
        cname = column_name(cname, e, t.cols)
        pieces, ngroups = _update_pieces(ev, env, t, idx, g, e)
        base = data[cols.index(cname)] if cname in cols else None
        if full and ngroups == 1:
            # every row in order: the value is the column, as it is (its attribute kept:
            # `update `g#sym from t`)
            newcol = pieces[0][1]
        else:
            if base is not None:
                pieces = [(p, _widened(base, v)) for p, v in pieces]
            newcol = _scatter(base, pieces, n)
            if newcol is None:
                newcol = _assemble(base, pieces, n)
        if cname in cols:
            data[cols.index(cname)] = newcol
        else:
            cols.append(cname)
            data.append(newcol)
    return T.QTable(cols, data)


# integer widths, narrowest first: values of a narrower integral type updated into some rows of
# an integral column take the column's type (KX's csvutil.q updates a long column with ints,
# `max sum each` of booleans, under a where phrase); any other type is still 'type
_INTEGRAL = {np.dtype(np.bool_): 0, np.dtype(np.int16): 1, np.dtype(np.int32): 2,
             np.dtype(np.int64): 3}


def _widened(base, v):
    wide = _INTEGRAL.get(getattr(base, "dtype", None))
    narrow = _INTEGRAL.get(getattr(v, "dtype", None))
    if wide is None or narrow is None or narrow >= wide or not isinstance(v, np.ndarray):
        return v
    return to_type(abs(T.qtype(base)), v)


def _update_pieces(ev, env, t, idx, g, e):
    """The new values of one update column: ([(rows, values)...], number of groups). An
    aggregate by groups gives one piece, its group's value on every row."""
    if g is None:
        parts = [idx]
    else:
        agg = _aggregate_of(e, t.cols, env)
        if agg is not None:
            cols = [_row_numbers(t, idx) if c == "i" else _index_list(t.column(c), idx)
                    for c in agg[1]]
            r = aggregate(agg[0], cols, g)
            if isinstance(r, np.ndarray):
                o = g.order
                return [(idx[o], r[g.codes[o]])], g.count
        parts = [idx[q] for q in g.parts()]
    pieces = []
    for p in parts:
        v = ev(e, _col_env(env, _subtable(t, p), p))
        v = extend_atom(v, len(p)) if T.is_atom(v) else v
        if T.count(v) != len(p):
            raise QError("length")
        pieces.append((p, v))
    return pieces, len(parts)


def _scatter(base, pieces, n):
    """What `_assemble` gives, by numpy, when every piece is a vector of one type and no row is
    set twice; None otherwise."""
    if n == 0 or not pieces or any(not isinstance(v, np.ndarray) for _, v in pieces):
        return None
    dt = pieces[0][1].dtype
    if any(v.dtype != dt for _, v in pieces):
        return None
    rows = np.concatenate([r for r, _ in pieces])
    vals = np.concatenate([v for _, v in pieces])
    hit = np.zeros(n, dtype=bool)
    hit[rows] = True
    k = int(np.count_nonzero(hit))
    if k != len(rows):
        return None
    if k == n:
        out = np.empty(n, dtype=dt)
    elif base is None:
        if not len(vals):
            return None
        nul = T.type_null(T.qtype(vals[0]))
        if not ((isinstance(nul, np.generic) and nul.dtype == dt)
                or (dt == object and isinstance(nul, str))):
            return None
        out = np.full(n, nul, dtype=dt)
    elif isinstance(base, np.ndarray) and base.dtype == dt:
        out = np.array(base, dtype=dt)
    else:
        return None
    out[rows] = vals
    return out


def _assemble(base, pieces, n):
    """The updated column, item by item: base (None for a new column) with each piece's rows
    set to its values."""
    items = T.to_items(base) if base is not None else [None] * n
    items = list(items)
    if base is None:
        # new column: rows not updated get the null of the new values' type
        proto = next((T.to_items(v)[0] for _, v in pieces if T.count(v)), None)
        # (a column of strings gets "": the empty vector of the items' type)
        nul = T.type_null(T.qtype(proto)) if proto is not None and T.is_atom(proto) else \
            np.empty(0, dtype=proto.dtype) if isinstance(proto, np.ndarray) and \
            proto.dtype != object else []
        items = [nul] * n
    for g, v in pieces:
        vi = T.to_items(v)
        for k, r in enumerate(g.tolist()):
            items[r] = vi[k]
    newcol = T.from_items(items) if items else (base if base is not None else [])
    if isinstance(base, np.ndarray) and not isinstance(newcol, np.ndarray) and base.dtype != object:
        raise QError("type")
    return newcol
