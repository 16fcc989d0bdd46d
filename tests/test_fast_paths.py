"""The fast paths give exactly what the general paths give (issue 12).

Hashing: every path that codes a list or finds items in it (lookup table, pandas hash, sort,
dict of `hkey`s) agrees on random vectors of every simple type, with nulls, -0.0, infinities
and symbols; the verbs built on them (distinct, group, in, ?, except, inter, union) agree with
the general path whichever path is forced.

Grouping: an aggregate the engine recognises (`sum v`, `x wavg y`...) gives, to the bit, what the
same aggregate gives when applied group by group (written as a lambda, `{sum x}[v]`, which
always takes the general path), over random tables with nulls, symbols, floats and several key
columns; likewise exec/update ... by, fby and xgroup.
"""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ktwa import Session
from ktwa.values import types as T
from ktwa.verbs import grouping as G
from ktwa.verbs import hashing as H
from ktwa.verbs import lists as L

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])

FLOATS = [0.0, -0.0, 1.5, -2.25, 3.0, 1e300, -1e300, float("inf"), float("-inf"), float("nan"),
          0.1, 7.0]
SYMS = ["", "a", "b", "ab", "c"]


def _vector(kind, draw_list):
    if kind == "b":
        return np.array(draw_list, dtype=bool)
    if kind == "x":
        return np.array(draw_list, dtype=np.uint8)
    if kind in "hij":
        dt = {"h": np.int16, "i": np.int32, "j": np.int64}[kind]
        null = T.INT_NULL[{"h": 5, "i": 6, "j": 7}[kind]]
        return np.array([null if v is None else v for v in draw_list], dtype=dt)
    if kind in "ef":
        with np.errstate(over="ignore"):      # 1e300 as a real is an infinity
            return np.array(draw_list, dtype=np.float32 if kind == "e" else np.float64)
    if kind == "c":
        return np.array([bytes([v]) for v in draw_list], dtype="S1")
    if kind == "s":
        return np.array(draw_list, dtype=object)
    raise AssertionError(kind)


def _items(kind, wide=False):
    if kind == "b":
        return st.booleans()
    if kind == "x":
        return st.integers(0, 255)
    if kind in "hij":
        hi = {"h": 2**15 - 1, "i": 2**31 - 1, "j": 2**63 - 1}[kind]
        small = st.integers(-3, 5)
        big = st.integers(-hi, hi)
        return st.one_of(st.none(), small, big) if wide else st.one_of(st.none(), small)
    if kind in "ef":
        return st.one_of(st.sampled_from(FLOATS), st.floats(width=32 if kind == "e" else 64))
    if kind == "c":
        return st.sampled_from([32, 97, 98, 99, 255, 0])
    if kind == "s":
        return st.sampled_from(SYMS)
    raise AssertionError(kind)


KINDS = "bxhijefcs"


@st.composite
def vectors(draw, kind=None, min_size=0, max_size=40):
    kind = kind or draw(st.sampled_from(KINDS))
    wide = draw(st.booleans())
    return _vector(kind, draw(st.lists(_items(kind, wide), min_size=min_size,
                                       max_size=max_size)))


@st.composite
def vector_pairs(draw):
    kind = draw(st.sampled_from(KINDS))
    return draw(vectors(kind)), draw(vectors(kind))


def same(a, b) -> bool:
    """Identical q values: types, values, nulls and the sign of every zero."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)):
            return False
        if a.dtype != b.dtype or a.shape != b.shape:
            return False
        if a.dtype.kind == "f":     # (a null's sign bit is not a q value: 0n is 0n)
            return bool(np.array_equal(a, b, equal_nan=True) and np.array_equal(
                np.signbit(a) & ~np.isnan(a), np.signbit(b) & ~np.isnan(b)))
        return bool(np.array_equal(a, b))
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, T.QTable):
        return isinstance(b, T.QTable) and a.cols == b.cols and all(map(same, a.data, b.data))
    if isinstance(a, T.QDict):
        return isinstance(b, T.QDict) and same(a.keys, b.keys) and same(a.values, b.values)
    if isinstance(a, np.floating):
        return type(a) is type(b) and T.match(a, b) and (
            np.isnan(a) or np.signbit(a) == np.signbit(b))
    return type(a) is type(b) and T.match(a, b)


def _general_codes(x):
    return H.codes_items([H.hkey(a) for a in T.to_items(x)])


# ---------------------------------------------------------------------------------------------
# hashing paths agree


@SETTINGS
@given(vectors(min_size=1))
def test_every_coding_path_agrees(x):
    want = _general_codes(x)
    got = {"chosen": H.codes(x), "hash": H.codes_hash(H.int_view(x)
                                                     if H.int_view(x) is not None else x)}
    iv = H.int_view(x)
    if iv is not None and H.small_range(iv) is not None:
        got["lookup"] = H.codes_lookup(iv, *H.small_range(iv))
    if iv is not None or x.dtype.kind == "f":
        got["sort"] = H.codes_sort(x)
    for path, (c, f) in got.items():
        assert np.array_equal(c, want[0]) and np.array_equal(f, want[1]), path
    assert np.array_equal(H.first_positions(x), want[1])


@SETTINGS
@given(vector_pairs())
def test_every_find_path_agrees(pair):
    hay, needles = pair
    want = H.find_items(hay, needles)
    got = {"chosen": H.find_positions(hay, needles)}
    if len(hay) and len(needles):
        hv, nv = H.int_view(hay), H.int_view(needles)
        got["hash"] = H.find_hash(hv, nv) if hv is not None else H.find_hash(hay, needles)
        if hv is not None and H.small_range(hv) is not None:
            got["lookup"] = H.find_lookup(hv, nv, *H.small_range(hv))
            assert np.array_equal(H.member_lookup(hv, nv, *H.small_range(hv)), want >= 0)
        if hv is not None or hay.dtype.kind == "f":
            got["sort"] = H.find_sorted(hay, needles)
    for path, r in got.items():
        assert np.array_equal(r, want), path
    assert np.array_equal(H.member(hay, needles), want >= 0)


@pytest.fixture(params=["default", "hash", "sort"])
def forced_path(request, monkeypatch):
    """Force the verbs onto one path: pandas hashing for any size, or no lookup and no hashing."""
    if request.param != "default":          # group's dict path for short vectors too
        monkeypatch.setattr(H, "SHORT", 0)
    if request.param == "hash":
        monkeypatch.setattr(H, "HASH_MIN", 0)
        monkeypatch.setattr(H, "MAX_RANGE", 0)
    elif request.param == "sort":
        monkeypatch.setattr(H, "HASH_MIN", 10**9)
        monkeypatch.setattr(H, "MAX_RANGE", 0)
    return request.param


def _ref_distinct(x):
    return x[_general_codes(x)[1]] if len(x) else x


def _ref_in(x, y):
    return H.find_items(y, x) >= 0


@SETTINGS
@given(pair=vector_pairs())
def test_set_verbs_match_the_general_path(forced_path, pair):
    x, y = pair
    if len(x):
        assert same(L.distinct(x), _ref_distinct(x))
        g = G.group(x)
        c, f = _general_codes(x)
        assert same(g.keys, x[f])
        assert all(np.array_equal(p, np.flatnonzero(c == k)) for k, p in enumerate(g.values))
    assert same(L.q_in(x, y), _ref_in(x, y))
    pos = H.find_items(y, x)
    assert same(L.find(y, x), np.where(pos < 0, len(y), pos).astype(np.int64))
    assert same(L.q_except(x, y), x[~_ref_in(x, y)])
    assert same(L.inter(x, y), x[_ref_in(x, y)])
    xy = np.concatenate([x, y])
    assert same(L.union(x, y), _ref_distinct(xy))


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(SYMS), st.integers(-2, 2), st.sampled_from(FLOATS)),
                max_size=30),
       st.lists(st.tuples(st.sampled_from(SYMS), st.integers(-2, 2), st.sampled_from(FLOATS)),
                max_size=30))
def test_table_rows_find_and_distinct(forced_path, hay_rows, needle_rows):
    def table(rows):
        return T.QTable(["s", "j", "f"], [np.array([r[0] for r in rows], dtype=object),
                                          np.array([r[1] for r in rows], dtype=np.int64),
                                          np.array([r[2] for r in rows], dtype=np.float64)])
    hay, needles = table(hay_rows), table(needle_rows)
    want = H.find_items(hay, needles)
    assert np.array_equal(H.find_rows(hay, needles), want)
    rows = [tuple(H.hkey(c[i]) for c in hay.data) for i in range(len(hay))]
    first = list(dict.fromkeys(rows))
    assert np.array_equal(H.first_positions(hay), [rows.index(r) for r in first])


# ---------------------------------------------------------------------------------------------
# grouping: recognised aggregates against the same aggregate applied group by group

KEY_KINDS = "jshbcf"
VALUE_KINDS = "bxhijef"


@st.composite
def tables(draw):
    n = draw(st.integers(0, 40))
    nkeys = draw(st.integers(1, 3))
    cols = {}
    for j in range(nkeys):
        kind = draw(st.sampled_from(KEY_KINDS))
        pool = draw(st.lists(_items(kind), min_size=1, max_size=4))
        cols[f"k{j}"] = _vector(kind, draw(st.lists(st.sampled_from(pool), min_size=n,
                                                     max_size=n)))
    for name in ("v", "w"):
        kind = draw(st.sampled_from(VALUE_KINDS))
        cols[name] = _vector(kind, draw(st.lists(_items(kind, True), min_size=n, max_size=n)))
    return cols, nkeys


def _session(cols):
    s = Session()
    s.ctx.globals["t"] = T.QTable(list(cols), list(cols.values()))
    return s


AGGS = ["sum", "prd", "max", "min", "count", "first", "last", "avg", "var", "dev", "svar", "sdev",
        "med"]


def _both(s, fast, general):
    """Both queries' values, or both errors' texts."""
    out = []
    for src in (fast, general):
        try:
            out.append(s.eval(src))
        except Exception as e:          # a q error must be the same error on both paths
            out.append(("error", str(e)))
    return out


@SETTINGS
@given(data=tables(), agg=st.sampled_from(AGGS), where=st.booleans())
def test_select_by_aggregates_match_the_general_path(forced_path, data, agg, where):
    cols, nkeys = data
    s = _session(cols)
    by = ",".join(f"k{j}" for j in range(nkeys))
    wh = " where 0<>i mod 3" if where else ""
    fast, general = _both(s, f"select a:{agg} v, c:count i by {by} from t{wh}",
                          f"select a:{{{agg} x}}[v], c:{{count x}}[i] by {by} from t{wh}")
    assert same(fast, general), (fast, general)
    # the groups come out in ascending key order
    if isinstance(fast, T.QDict) and len(fast):
        assert np.array_equal(L.iasc(fast.keys), np.arange(len(fast)))


@SETTINGS
@given(tables())
def test_wavg_by_matches_the_general_path(data):
    cols, nkeys = data
    s = _session(cols)
    fast, general = _both(s, "select a:w wavg v, b:wavg[v;w] by k0 from t",
                          "select a:{x wavg y}[w;v], b:{wavg[x;y]}[v;w] by k0 from t")
    assert same(fast, general), (fast, general)


@SETTINGS
@given(tables(), st.sampled_from(AGGS))
def test_exec_update_fby_by_match_the_general_path(data, agg):
    cols, nkeys = data
    s = _session(cols)
    by = ",".join(f"k{j}" for j in range(nkeys))
    pairs = [
        (f"exec {agg} v by k0 from t", f"exec {{{agg} x}}[v] by k0 from t"),
        (f"update a:{agg} v by {by} from t", f"update a:{{{agg} x}}[v] by {by} from t"),
        (f"update v:{agg} v by {by} from t where 0<>i mod 2",
         f"update v:{{{agg} x}}[v] by {by} from t where 0<>i mod 2"),
        (f"({agg};v) fby k0", f"({{{agg} x}};v) fby k0"),
        (f"({agg};v) fby ([] {';'.join(f'k{j}' for j in range(nkeys))})",
         f"({{{agg} x}};v) fby ([] {';'.join(f'k{j}' for j in range(nkeys))})"),
    ]
    if len(cols["v"]):     # (with no rows, `select by` keeps the columns' types; a lambda cannot)
        pairs.append((f"select by {by} from t",
                      f"select v:{{last x}}[v], w:{{last x}}[w] by {by} from t"))
    for fast_src, general_src in pairs:
        fast, general = _both(s, fast_src, general_src)
        assert same(fast, general), (fast_src, fast, general)


@SETTINGS
@given(tables())
def test_xgroup_collects_each_key_rows(data):
    cols, nkeys = data
    s = _session(cols)
    names = [f"k{j}" for j in range(nkeys)]
    r = s.eval("`" + "`".join(names) + " xgroup t")
    t = s.ctx.globals["t"]
    rows = [tuple(H.hkey(t.column(c)[i]) for c in names) for i in range(len(t))]
    order = list(dict.fromkeys(rows))
    assert len(r.keys) == len(order)
    for g, key in enumerate(order):
        members = np.array([i for i, k in enumerate(rows) if k == key], dtype=np.int64)
        for c in ("v", "w"):
            assert same(r.values.column(c)[g], t.column(c)[members])
        for c in names:
            assert same(T.item(r.keys.column(c), g), t.column(c)[members[0]])


def test_grouping_examples():
    s = Session()
    s.eval("t:([] k:`b`a`b`c`a; v:1 2 3 4 0N; f:1.5 0n 2.5 -1 4)")
    # keys ascending; sum skips the null long, avg the null float
    assert s.console("select sum v, avg f, n:count i by k from t") == (
        "k| v f  n\n-| ------\na| 2 4  2\nb| 4 2  2\nc| 4 -1 1\n")
    # rows holding their group's greatest v, in table order
    assert s.console("select from t where v = (max;v) fby k") == (
        "k v f  \n-------\na 2    \nb 3 2.5\nc 4 -1 \n")
    assert s.console("(sum;1 2 3 4 5) fby `a`b`a`c`b") == "4 7 4 4 7\n"
    assert s.console("({x-min x};1 2 3 4 5) fby `a`b`a`c`b") == "0 0 2 0 3\n"
    assert s.console("update m:max f by k from t") == (
        "k v f   m  \n-----------\nb 1 1.5 2.5\na 2     4  \nb 3 2.5 2.5\nc 4 -1  -1 \n"
        "a   4   4  \n")
    # xgroup keeps the keys in order of first occurrence
    assert s.console("`k xgroup t") == (
        "k| v    f      \n-| ------------\nb| 1 3  1.5 2.5\na| 2 0N 0n 4   \n"
        "c| ,4   ,-1f   \n")
    assert s.console("(sum;1 2) fby 1 2 3").startswith("'length\n")
    assert s.console("`zz xgroup t").startswith("'zz\n")
