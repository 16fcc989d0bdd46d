"""List, dictionary, table and text primitives at the Python level (ktwa.verbs.lists/index/text).

Doc examples from spec/q-core.md; a small fake ctx stands in for the runtime.
"""
import numpy as np
import pytest

from ktwa.errors import QError
from ktwa.values.types import match
from ktwa.values.functions import MISSING, Builtin
from ktwa.values.types import QDict, QTable, chars
from ktwa.verbs import index as I
from ktwa.verbs import grouping as G
from ktwa.verbs import lists as L
from ktwa.verbs import text as X


def j(*a):
    return np.array(a, dtype=np.int64)


def f(*a):
    return np.array(a, dtype=np.float64)


def S(*a):
    return np.array(a, dtype=object)


def b(s):
    return np.array([c == "1" for c in s], dtype=bool)


C = chars
J = np.int64
N = np.int64(-2**63)


class Ctx:
    class settings:
        precision = 7

    rng = np.random.default_rng(0)

    def apply(self, fn, args):
        return fn(*args)


CTX = Ctx()
COLON = Builtin(":", monad=lambda x: x, dyad=lambda x, y: y, infix=True)


def D(keys, vals):
    return QDict(keys, vals)


T = QTable(["name", "age"], [S("Tom", "Dick", "Harry"), j(34, 42, 17)])


def same(a, b_):
    assert match(a, b_), f"{a!r} !~ {b_!r}"


CASES = [
    # take
    ("-5#", lambda: L.take(J(-5), np.arange(9)), j(4, 5, 6, 7, 8)),
    ("5#overtake", lambda: L.take(J(5), j(1, 2, 3)), j(1, 2, 3, 1, 2)),
    ("-5#overtake", lambda: L.take(J(-5), j(1, 2, 3)), j(2, 3, 1, 2, 3)),
    ("3#atom", lambda: L.take(J(3), "a"), S("a", "a", "a")),
    ("0N 3#", lambda: L.take(np.array([N, 3]), np.arange(10)),
     [j(0, 1, 2), j(3, 4, 5), j(6, 7, 8), j(9)]),
    ("2 0N#", lambda: L.take(np.array([2, N]), np.arange(10)),
     [j(0, 1, 2, 3, 4), j(5, 6, 7, 8, 9)]),
    ("2 3#", lambda: L.take(j(2, 3), np.arange(6)), [j(0, 1, 2), j(3, 4, 5)]),
    ("2 2 1#", lambda: L.take(j(2, 2, 1), np.arange(4)), [[j(0), j(1)], [j(2), j(3)]]),
    ("`a`b#d", lambda: L.take(S("a", "b"), D(S("a", "b", "c"), j(1, 2, 3))),
     D(S("a", "b"), j(1, 2))),
    ("2#d", lambda: L.take(J(2), D(S("a", "b", "c"), j(1, 2, 3))), D(S("a", "b"), j(1, 2))),
    ("`age#t", lambda: L.take("age", T), QTable(["age"], [j(34, 42, 17)])),
    ("2#t", lambda: L.take(J(2), T), QTable(["name", "age"], [S("Tom", "Dick"), j(34, 42)])),
    # drop / cut
    ("-5_", lambda: L.drop(J(-5), np.arange(9)), j(0, 1, 2, 3)),
    ("2_", lambda: L.drop(J(2), C("hello")), C("llo")),
    ("cut", lambda: L.drop(j(2, 4, 9), np.arange(10)), [j(2, 3), j(4, 5, 6, 7, 8), j(9)]),
    ("`a _ d", lambda: L.drop("a", D(S("a", "b"), j(1, 2))), D(S("b"), j(2))),
    ("d _ `b", lambda: L.drop(D(S("a", "b"), j(1, 2)), "b"), D(S("a"), j(1))),
    ("x _ i", lambda: L.drop(j(5, 6, 7), J(1)), j(5, 7)),
    ("`age`x _ t", lambda: L.drop(S("age", "x"), T), QTable(["name"], [S("Tom", "Dick", "Harry")])),
    ("2 cut", lambda: L.cut(J(2), np.arange(5)), [j(0, 1), j(2, 3), j(4)]),
    # join
    ("1 2,3 4", lambda: L.join(j(1, 2), j(3, 4)), j(1, 2, 3, 4)),
    ("1 2,3.5", lambda: L.join(j(1, 2), np.float64(3.5)), [J(1), J(2), np.float64(3.5)]),
    ("`a,`b", lambda: L.join("a", "b"), S("a", "b")),
    ("(),1", lambda: L.join([], J(1)), j(1)),
    ("gen,gen", lambda: L.join([J(0), f(1, 2.5), b("01")], ["a", C("abc")]),
     [J(0), f(1, 2.5), b("01"), "a", C("abc")]),
    ("dict merge", lambda: L.join(D(S("a", "b"), j(1, 2)), D(S("b", "c"), j(20, 30))),
     D(S("a", "b", "c"), j(1, 20, 30))),
    ("t,t", lambda: L.q_count(L.join(T, T)), J(6)),
    # monads
    ("where ints", lambda: L.where(j(2, 3, 0, 1)), j(0, 0, 1, 1, 1, 3)),
    ("where bools", lambda: L.where(b("01101")), j(1, 2, 4)),
    ("where dict", lambda: L.where(D(S("a", "b", "c"), b("101"))), S("a", "c")),
    ("group", lambda: G.group(C("mississippi")),
     D(C("misp"), [j(0), j(1, 4, 7, 10), j(2, 3, 5, 6), j(8, 9)])),
    ("distinct", lambda: L.distinct(j(2, 3, 7, 3, 5, 3)), j(2, 3, 7, 5)),
    ("distinct gen", lambda: L.distinct([C("ab"), J(1), C("ab")]), [C("ab"), J(1)]),
    ("iasc", lambda: L.iasc(j(2, 1, 3, 4, 2, 1, 2)), j(1, 5, 0, 4, 6, 2, 3)),
    ("idesc", lambda: L.idesc(j(2, 1, 3, 4, 2, 1, 2)), j(3, 2, 0, 4, 6, 1, 5)),
    ("asc nulls", lambda: L.asc(f(3, np.nan, -np.inf, 1)), f(np.nan, -np.inf, 1, 3)),
    ("desc nulls", lambda: L.desc(f(3, np.nan, -np.inf, 1)), f(3, 1, -np.inf, np.nan)),
    ("asc syms", lambda: L.asc(S("b", "", "a")), S("", "a", "b")),
    ("asc dict", lambda: L.asc(D(S("a", "b"), j(2, 1))), D(S("b", "a"), j(1, 2))),
    ("asc table", lambda: L.asc(T),
     QTable(["name", "age"], [S("Dick", "Harry", "Tom"), j(42, 17, 34)])),
    ("til", lambda: L.til(J(5)), j(0, 1, 2, 3, 4)),
    ("til 0", lambda: L.til(J(0)), j()),
    ("count dict", lambda: L.q_count(D(S("a", "b"), j(1, 2))), J(2)),
    ("count table", lambda: L.q_count(T), J(3)),
    ("count atom", lambda: L.q_count(J(7)), J(1)),
    ("first", lambda: L.first(j(1, 2, 3)), J(1)),
    ("first dict", lambda: L.first(D(S("a", "b"), j(5, 6))), J(5)),
    ("first table", lambda: L.first(T), D(S("name", "age"), ["Tom", J(34)])),
    ("last", lambda: L.last(np.arange(10)), J(9)),
    ("reverse", lambda: L.reverse(j(1, 2, 3, 4)), j(4, 3, 2, 1)),
    ("raze 42", lambda: L.raze(J(42)), j(42)),
    ("raze", lambda: L.raze([j(1, 2), j(3, 4, 5)]), j(1, 2, 3, 4, 5)),
    ("raze mixed", lambda: L.raze([j(1, 2), "a"]), [J(1), J(2), "a"]),
    ("raze dict", lambda: L.raze(D(S("a", "b"), [j(1), j(2, 3)])), j(1, 2, 3)),
    ("flip list", lambda: L.flip([j(1, 2, 3), j(4, 5, 6)]), [j(1, 4), j(2, 5), j(3, 6)]),
    ("flip dict", lambda: L.flip(D(S("a", "b"), [j(1, 2), S("x", "y")])),
     QTable(["a", "b"], [j(1, 2), S("x", "y")])),
    ("flip table", lambda: L.flip(T), D(S("name", "age"), [S("Tom", "Dick", "Harry"),
                                                            j(34, 42, 17)])),
    ("enlist dict", lambda: L.q_enlist(D(S("a", "b", "c"), [J(1), j(2, 3), J(4)])),
     QTable(["a", "b", "c"], [j(1), [j(2, 3)], j(4)])),
    ("enlist atom", lambda: L.q_enlist(J(3)), j(3)),
    ("enlist[a;b]", lambda: L.q_enlist(J(1), J(2)), j(1, 2)),
    ("key n", lambda: L.q_key(J(3)), j(0, 1, 2)),
    ("next", lambda: L.q_next(j(1, 2, 3)), j(2, 3, N)),
    ("prev", lambda: L.q_prev(j(1, 2, 3)), j(N, 1, 2)),
    ("rotate", lambda: L.rotate(J(1), j(1, 2, 3)), j(2, 3, 1)),
    ("sublist", lambda: L.sublist(J(2), j(1, 2, 3)), j(1, 2)),
    ("sublist 2", lambda: L.sublist(j(1, 5), j(1, 2, 3)), j(2, 3)),
    # set ops, find
    ("except", lambda: L.q_except(j(1, 2, 3, 4, 1, 3), j(2, 3)), j(1, 4, 1)),
    ("inter", lambda: L.inter(j(1, 2, 3, 4), j(4, 2, 9)), j(2, 4)),
    ("union", lambda: L.union(j(1, 2, 1), j(3, 2)), j(1, 2, 3)),
    ("in", lambda: L.q_in(j(1, 5), j(1, 2, 3)), b("10")),
    ("in atom", lambda: L.q_in("a", S("a", "b")), np.bool_(True)),
    ("in strings", lambda: L.q_in(C("ab"), [C("ab"), C("cd")]), np.bool_(True)),
    ("in typed", lambda: L.q_in(J(1), f(1, 2)), np.bool_(False)),
    ("within", lambda: L.within(j(1, 3, 10, 6, 4), j(2, 6)), b("01011")),
    ("within syms", lambda: L.within(S("b", "z"), S("a", "c")), b("10")),
    ("find", lambda: L.query(CTX, j(10, 20, 30), J(20)), J(1)),
    ("find absent", lambda: L.query(CTX, j(10, 20, 30), J(17)), J(3)),
    ("find vec", lambda: L.query(CTX, C("abc"), C("cax")), j(2, 0, 3)),
    ("dict rlookup", lambda: L.query(CTX, D(S("a", "b"), j(1, 2)), J(2)), "b"),
    ("dict rlookup miss", lambda: L.query(CTX, D(S("a", "b"), j(1, 2)), J(9)), ""),
    ("cross", lambda: L.cross(j(1, 2, 3), j(10, 20)),
     [j(1, 10), j(1, 20), j(2, 10), j(2, 20), j(3, 10), j(3, 20)]),
    ("vcond", lambda: L.vcond(b("101"), j(1, 2, 3), j(4, 5, 6)), j(1, 5, 3)),
    ("match", lambda: L.q_match(j(5, 7, 9), j(5, 7, 9)), np.bool_(True)),
    # dict / table make
    ("bang", lambda: L.bang(CTX, S("a", "b"), j(1, 2)), D(S("a", "b"), j(1, 2))),
    ("1!t", lambda: L.cols(L.bang(CTX, J(1), T)), S("name", "age")),
    ("0!1!t", lambda: L.bang(CTX, J(0), L.bang(CTX, J(1), T)), T),
    ("xkey", lambda: L.xkey("age", T).keys, QTable(["age"], [j(34, 42, 17)])),
    ("xasc", lambda: L.xasc("age", T).column("age"), j(17, 34, 42)),
    ("xcol", lambda: L.cols(L.xcol(S("n"), T)), S("n", "age")),
    # index
    ("index vec", lambda: I.index(C("abcdef"), j(1, 0, 3)), C("bad")),
    ("index gen", lambda: I.index([J(1), C("a"), np.float64(3.5), "xyz"], J(2)),
     np.float64(3.5)),
    ("index oob", lambda: I.index(j(1, 2, 3), J(5)), N),
    ("index oob vec", lambda: I.index(j(1, 2, 3), j(5, 0)), j(N, 1)),
    ("index oob sym", lambda: I.index(S("a"), J(5)), ""),
    ("index nested", lambda: I.index(j(10, 20, 30), [j(0, 1), J(2)]), [j(10, 20), J(30)]),
    ("index by dict", lambda: I.index(j(10, 20, 30), D(S("a", "b"), j(0, 2))),
     D(S("a", "b"), j(10, 30))),
    ("dict key", lambda: I.index(D(S("a", "b"), j(1, 2)), "b"), J(2)),
    ("dict missing", lambda: I.index(D(S("a", "b"), j(1, 2)), "x"), N),
    ("dict keys", lambda: I.index(D(S("a", "b"), j(1, 2)), S("b", "a", "z")), j(2, 1, N)),
    ("dict num keys", lambda: I.index(D(j(1, 2), f(.1, .2)), J(2)), np.float64(.2)),
    ("table row", lambda: I.index(T, J(1)), D(S("name", "age"), ["Dick", J(42)])),
    ("table col", lambda: I.index(T, "age"), j(34, 42, 17)),
    ("table rows", lambda: I.index(T, j(0, 2)),
     QTable(["name", "age"], [S("Tom", "Harry"), j(34, 17)])),
    ("t[1;`age]", lambda: I.index_depth(T, [J(1), "age"]), J(42)),
    ("t[;`name]", lambda: I.index_depth(T, [MISSING, "name"]), S("Tom", "Dick", "Harry")),
    ("m[;1]", lambda: I.index_depth([j(1, 2, 3), j(4, 5, 6)], [MISSING, J(1)]), j(2, 5)),
    ("m[1;2]", lambda: I.index_depth([j(1, 2, 3), j(4, 5, 6)], [J(1), J(2)]), J(6)),
    ("d . 1 2", lambda: I.index_depth([[j(1, 2, 3), j(4, 5, 6, 7)], [j(8, 9), J(10), j(11, 12)]],
                                      [J(1), J(2)]), j(11, 12)),
    ("d[`a;0]", lambda: I.index_depth(D(S("a", "b"), [j(7, 8), j(9)]), ["a", J(0)]), J(7)),
    ("keyed lookup", lambda: I.index(L.bang(CTX, J(1), T), "Dick"), D(S("age"), j(42))),
    # amend
    ("@ compound", lambda: I.amend(CTX, [j(0, 1, 2), j(1, 2, 3, 4), j(7, 8, 9)], [j(1, 1)],
                                   lambda x: 2 * x),
     [j(0, 1, 2), j(4, 8, 12, 16), j(7, 8, 9)]),
    (". assign", lambda: I.amend(CTX, [f(5, 2.14), C("abc")], [J(1), J(2)], COLON, C("x")[0]),
     [f(5, 2.14), C("abx")]),
    ("amend_dot", lambda: I.amend_dot(CTX, [f(5, 2.14), C("abc")], j(1, 2), COLON, C("x")[0]),
     [f(5, 2.14), C("abx")]),
    ("@ dyadic", lambda: I.amend_at(CTX, j(1, 2, 3), j(0, 0, 2), lambda x, y: x + y, J(10)),
     j(21, 2, 13)),
    ("@ dict f", lambda: I.amend_at(CTX, D(S("x", "y"), [j(1, 2), J(3)]), S("x"),
                                    lambda v: v * 10), D(S("x", "y"), [j(10, 20), J(3)])),
    ("@ new key", lambda: I.amend_at(CTX, D(S("a"), j(1)), "b", COLON, J(2)),
     D(S("a", "b"), j(1, 2))),
    ("collapse", lambda: I.assign_at([J(1), np.float64(2), J(3)], [J(1)], J(4)), j(1, 4, 3)),
    ("d[`k]:v", lambda: I.assign_at(D(S("a", "b"), j(1, 2)), ["c"], J(3)),
     D(S("a", "b", "c"), j(1, 2, 3))),
    ("d[`a`b]:(1;2)", lambda: I.assign_at(D(S("a", "b"), ["x", C("yz")]), [S("a", "b")],
                                         [J(1), J(2)]), D(S("a", "b"), j(1, 2))),
    ("m[;1]:0", lambda: I.assign_at([j(1, 2), j(3, 4)], [MISSING, J(1)], J(0)),
     [j(1, 0), j(3, 0)]),
    ("x[0;1 2]:", lambda: I.assign_at([j(1, 2, 3), j(4)], [J(0), j(1, 2)], j(8, 9)),
     [j(1, 8, 9), j(4)]),
    ("vec assign", lambda: I.assign_at(j(1, 2, 3), [j(0, 2)], j(7, 9)), j(7, 2, 9)),
    ("empty dict", lambda: I.assign_at(QDict([], []), ["a"], J(1)), D(S("a"), j(1))),
    ("table col amend", lambda: I.assign_at(T, ["age"], j(1, 2, 3)).column("age"), j(1, 2, 3)),
    # text
    ("string 2", lambda: X.q_string(CTX, J(2)), C("2")),
    ("string sym", lambda: X.q_string(CTX, "ibm"), C("ibm")),
    ("string cat", lambda: X.q_string(CTX, C("cat")), [C("c"), C("a"), C("t")]),
    ("string vec", lambda: X.q_string(CTX, f(1.5, 2)), [C("1.5"), C("2")]),
    ("string dict", lambda: X.q_string(CTX, D(S("a"), j(1))), D(S("a"), [C("1")])),
    ("like", lambda: X.like("quickly", C("quick*")), np.bool_(True)),
    ("like ?", lambda: X.like(S("ab", "abc", "xb"), C("?b")), b("101")),
    ("like []", lambda: X.like(C("cat"), C("[bc]at")), np.bool_(True)),
    ("like [^]", lambda: X.like(C("cat"), C("[^bc]at")), np.bool_(False)),
    ("like strings", lambda: X.like([C("a.weight"), C("b.bias")], C("*.weight")), b("10")),
    ("vs char", lambda: X.vs(C(",")[0], C("one,two,three")), [C("one"), C("two"), C("three")]),
    ("vs str", lambda: X.vs(C("::"), C("a::b")), [C("a"), C("b")]),
    ("vs base", lambda: X.vs(J(10), J(1995)), j(1, 9, 9, 5)),
    ("vs radix", lambda: X.vs(j(24, 60, 60), J(3805)), j(1, 3, 25)),
    ("sv base", lambda: X.sv(J(2), j(1, 0, 1)), J(5)),
    ("sv radix", lambda: X.sv(j(24, 60, 60), j(1, 3, 25)), J(3805)),
    ("sv dots", lambda: X.sv("", S("quick", "brown", "fox")), "quick.brown.fox"),
    ("sv path", lambda: X.sv("", S(":dir", "file")), ":dir/file"),
    ("vs dots", lambda: X.vs("", "a.b.c"), S("a", "b", "c")),
    ("vs path", lambda: X.vs("", ":mnist/swa.q"), S(":mnist", "swa.q")),
    ("sv str", lambda: X.sv(C("-"), [C("1"), C("2")]), C("1-2")),
    ("ss", lambda: X.ss(C("toronto ontario"), C("ont")), j(3, 8)),
    ("ssr", lambda: X.ssr(CTX, C("toronto"), C("o"), C("0")), C("t0r0nt0")),
    ("trim", lambda: X.trim(C("  ab  ")), C("ab")),
    ("ltrim", lambda: X.ltrim(C("  ab  ")), C("ab  ")),
    ("upper", lambda: X.upper(C("abc")), C("ABC")),
    ("lower sym", lambda: X.lower("ABC"), "abc"),
    ("hsym", lambda: X.hsym("c:/q/test.txt"), ":c:/q/test.txt"),
]


@pytest.mark.parametrize("name,fn,expected", CASES, ids=[c[0] for c in CASES])
def test_case(name, fn, expected):
    same(fn(), expected)


ERRORS = [
    ("til -1", lambda: L.til(J(-1)), "domain"),
    ("til 2.2", lambda: L.til(np.float64(2.2)), "type"),
    ("bang length", lambda: L.bang(CTX, S("a", "b"), j(1, 2, 3)), "length"),
    ("mismatch", lambda: L.join(T, QTable(["x"], [j(1)])), "mismatch"),
    ("assign type", lambda: I.assign_at(j(1, 2, 3), [J(1)], np.float64(5)), "type"),
    ("assign beyond", lambda: I.assign_at(j(1, 2, 3), [J(5)], J(5)), "length"),
    ("assign length", lambda: I.assign_at(j(1, 2, 3), [j(0, 1)], j(5, 6, 7)), "length"),
    ("dict val type", lambda: I.assign_at(D(S("a"), j(1)), ["b"], "x"), "type"),
    ("deal", lambda: L.query(CTX, J(-5), J(3)), "length"),
    # drop.md: a table's columns are dropped by a vector of names on the left only
    ("`age _ t", lambda: L.drop("age", T), "type"),
    ("t _ `age", lambda: L.drop(T, "age"), "type"),
    ("d _ `a`b", lambda: L.drop(D(S("a", "b", "c"), j(1, 2, 3)), S("a", "b")), "type"),
]


@pytest.mark.parametrize("name,fn,msg", ERRORS, ids=[e[0] for e in ERRORS])
def test_errors(name, fn, msg):
    with pytest.raises(QError) as e:
        fn()
    assert e.value.msg == msg


def test_amend_does_not_mutate():
    x = j(1, 2, 3)
    d = D(S("a"), j(1))
    I.assign_at(x, [J(0)], J(9))
    I.assign_at(d, ["a"], J(9))
    same(x, j(1, 2, 3))
    same(d, D(S("a"), j(1)))


def test_random():
    r = L.query(CTX, J(5), J(10))
    assert r.dtype == np.int64 and len(r) == 5 and (r >= 0).all() and (r < 10).all()
    d = L.query(CTX, J(-10), J(10))
    assert sorted(d.tolist()) == list(range(10))
    p = L.query(CTX, N, j(5, 6, 7))
    assert sorted(p.tolist()) == [5, 6, 7]
    assert L.rand(j(4, 4), CTX.rng) == 4


def test_large_vectors_fast():
    import time
    t = time.time()
    v = L.til(J(1_000_000))
    w = L.where(v % 2 == 0)
    a = L.asc(v[::-1])
    dd = L.distinct(v % 1000)
    g = G.group(v % 10)
    assert len(w) == 500_000 and a[0] == 0 and len(dd) == 1000 and len(g.keys) == 10
    assert time.time() - t < 3
