"""Arithmetic, comparison, aggregate and cast primitives (q-core §4, §6.1, §6.2, §11).

Implementations are called through BUILTINS[name].dyad / .monad; expected values are q
values built with the helpers below and compared by type and value (match, or a float
tolerance where the doc example shows rounded digits).
"""
import warnings

import numpy as np
import pytest

from ktwa.errors import QError
from ktwa.values.types import match
from ktwa.values.types import QDict, QTable, NULL_J, INF_J, NULL_I, chars, char, syms

from ktwa.runtime.table import BUILTINS as B
from ktwa.session import Session

# a session for the built-ins that take one (`$` also enumerates over a global domain)
_CTX = Session().ctx


def D(name, x, y):
    b = B[name]
    return b.dyad(_CTX, x, y) if b.ctx else b.dyad(x, y)


def M(name, x):
    return B[name].monad(x)


def j(*a):
    return np.array(a, dtype=np.int64)


def i(*a):
    return np.array(a, dtype=np.int32)


def h(*a):
    return np.array(a, dtype=np.int16)


def f(*a):
    return np.array(a, dtype=np.float64)


def e(*a):
    return np.array(a, dtype=np.float32)


def b(s):
    return np.array([c == "1" for c in s], dtype=bool)


J, F, I, H, E = np.int64, np.float64, np.int32, np.int16, np.float32
N, W = NULL_J, INF_J
nan, inf = np.nan, np.inf


def same(a, x) -> bool:
    """Type and value equality; floats compared to 7 significant digits (doc precision)."""
    if isinstance(x, float) and not isinstance(x, np.floating):
        raise AssertionError("expected values must be q values")
    if isinstance(x, np.ndarray) and x.dtype.kind == "f":
        return (isinstance(a, np.ndarray) and a.dtype == x.dtype and a.shape == x.shape
                and bool(np.allclose(a, x, rtol=1e-6, atol=0, equal_nan=True)))
    if isinstance(x, np.floating):
        return (type(a) is type(x)
                and (bool(np.isnan(a) and np.isnan(x)) or bool(np.isclose(a, x, rtol=1e-6, atol=0))))
    if isinstance(x, list):
        return isinstance(a, list) and len(a) == len(x) and all(same(p, q) for p, q in zip(a, x))
    if isinstance(x, QDict):
        return isinstance(a, QDict) and same(a.keys, x.keys) and same(a.values, x.values)
    if isinstance(x, QTable):
        return (isinstance(a, QTable) and a.cols == x.cols
                and all(same(p, q) for p, q in zip(a.data, x.data)))
    return match(a, x)


d0 = QDict(syms("ab"), [j(10, -21, 3), j(4, 5, -6)])

CASES = [
    # + - * %  and the type rules of §4.2
    ("2%3", lambda: D("%", J(2), J(3)), F(2 / 3)),
    ("4%2", lambda: D("%", J(4), J(2)), F(2)),
    ("1b%0b", lambda: D("%", np.True_, np.False_), F(inf)),
    ("-1%0", lambda: D("%", J(-1), J(0)), F(-inf)),
    ("0%0", lambda: D("%", J(0), J(0)), F(nan)),
    ("real%real is float", lambda: D("%", E(1), E(4)), F(0.25)),
    ("1b+1b", lambda: D("+", np.True_, np.True_), I(2)),
    ("short+short", lambda: D("+", H(1), H(2)), I(3)),
    ("byte+byte", lambda: D("+", np.uint8(1), np.uint8(2)), I(3)),
    ("int+long", lambda: D("+", I(1), J(2)), J(3)),
    ("long+real", lambda: D("+", J(1), E(2)), E(3)),
    ("real+float", lambda: D("+", E(1), F(2)), F(3)),
    ("3 4 5*2.2", lambda: D("*", j(3, 4, 5), F(2.2)), f(6.6, 8.8, 11)),
    ("1+2", lambda: D("+", J(1), J(2)), J(3)),
    ("1.5+2.5", lambda: D("+", F(1.5), F(2.5)), F(4)),
    ("1+2.5", lambda: D("+", J(1), F(2.5)), F(3.5)),
    ("0W+1 wraps", lambda: D("+", W, J(1)), N),
    ("0N+1 sticky", lambda: D("+", N, J(1)), N),
    ("10+0W+til 3", lambda: D("+", J(10), D("+", W, j(0, 1, 2))),
     j(-9223372036854775799, N, -9223372036854775797)),
    ("0Ni+1 int null sticky", lambda: D("+", NULL_I, J(1)), N),
    ("0N+1.5", lambda: D("+", N, F(1.5)), F(nan)),
    ("big*big wraps", lambda: D("*", J(2 ** 40), J(2 ** 40)), J(0)),
    ("1-til 3", lambda: D("-", J(1), j(0, 1, 2)), j(1, 0, -1)),
    ("1e300*1e300", lambda: D("*", F(1e300), F(1e300)), F(inf)),
    ("(10;20 30)+(2;3 4)", lambda: D("+", [J(10), j(20, 30)], [J(2), j(3, 4)]), [J(12), j(23, 34)]),
    ("list+atom", lambda: D("+", [J(1), f(1, 2)], J(1)), [J(2), f(2, 3)]),
    ("dict+dict aligned", lambda: D("+", d0, QDict(syms("bc"), [j(10, 20, 30), j(1000, 2000, 3000)])),
     QDict(syms("abc"), [j(10, -21, 3), j(14, 25, 24), j(1000, 2000, 3000)])),
    ("dict+atom", lambda: D("+", QDict(syms("ab"), j(1, 2)), J(10)), QDict(syms("ab"), j(11, 12))),
    ("atom-dict", lambda: D("-", J(10), QDict(syms("ab"), j(1, 2))), QDict(syms("ab"), j(9, 8))),
    ("dict+dict same keys", lambda: D("+", QDict(syms("ab"), j(1, 2)), QDict(syms("ab"), f(1, 2))),
     QDict(syms("ab"), f(2, 4))),
    ("table*2", lambda: D("*", QTable(["a", "b"], [j(1, 2), f(1.5, 2)]), J(2)),
     QTable(["a", "b"], [j(2, 4), f(3, 4)])),
    ("keyed table+1", lambda: D("+", QDict(QTable(["k"], [syms("xy")]), QTable(["v"], [j(1, 2)])), J(1)),
     QDict(QTable(["k"], [syms("xy")]), QTable(["v"], [j(2, 3)]))),
    ("neg 01001b", lambda: M("neg", b("01001")), i(0, -1, 0, 0, -1)),
    ("neg 5", lambda: M("neg", J(5)), J(-5)),
    ("neg 0N", lambda: M("neg", N), N),
    ("-[3] monad", lambda: B["-"].monad(f(1, -2)), f(-1, 2)),
    ("% monad reciprocal", lambda: B["%"].monad(j(2, 4)), f(0.5, 0.25)),
    ("reciprocal 0", lambda: M("reciprocal", J(0)), F(inf)),
    # div mod
    ("mod", lambda: D("mod", j(-3, -2, -1, 0, 1, 2, 3, 4), J(3)), j(0, 1, 2, 0, 1, 2, 0, 1)),
    ("mod negative divisor", lambda: D("mod", J(7), J(-3)), J(-2)),
    ("float mod", lambda: D("mod", F(-1.5), J(1)), F(0.5)),
    ("7 div 2 3 4", lambda: D("div", J(7), j(2, 3, 4)), j(3, 2, 1)),
    ("7h div 3h", lambda: D("div", H(7), H(3)), I(2)),
    ("7h div 3", lambda: D("div", H(7), J(3)), I(2)),
    ("7f div 2", lambda: D("div", F(7), J(2)), F(3)),
    ("7h mod 3", lambda: D("mod", H(7), J(3)), H(1)),
    ("7 div 0", lambda: D("div", J(7), J(0)), N),
    ("-7 div 2", lambda: D("div", J(-7), J(2)), J(-4)),
    ("2 xexp 8", lambda: D("xexp", J(2), J(8)), F(256)),
    ("2 xlog 8", lambda: D("xlog", J(2), J(8)), F(3)),
    # comparisons
    ("(1+1e-13)=1", lambda: D("=", D("+", J(1), F(1e-13)), J(1)), np.True_),
    ("0=1e-13 exact", lambda: D("=", J(0), F(1e-13)), np.False_),
    ("1=1h", lambda: D("=", J(1), H(1)), np.True_),
    ("0n=0n", lambda: D("=", F(nan), F(nan)), np.True_),
    ("0N=0n", lambda: D("=", N, F(nan)), np.True_),
    ("0Nh=0N", lambda: D("=", H(-2 ** 15), N), np.True_),
    ("nulls lowest", lambda: D("<", F(nan), f(-inf, 0, 1, inf, nan)), b("11110")),
    ("0N < -0W", lambda: D("<", N, J(-W)), np.True_),
    ("(3;\"a\")=(2 3 4;\"abc\")", lambda: D("=", [J(3), char("a")], [j(2, 3, 4), chars("abc")]),
     [b("010"), b("100")]),
    ("tolerant < with vector", lambda: D("<", f(1, 1 + 1e-13, 0.5), f(1 + 1e-13, 1, 1)), b("001")),
    ("tolerant <= ", lambda: D("<=", F(1 + 1e-13), J(1)), np.True_),
    (">= vector", lambda: D(">=", j(1, 2, 3), J(2)), b("011")),
    ("<> ", lambda: D("<>", j(1, 2, 3), J(2)), b("101")),
    ("sym <", lambda: D("<", syms("abc"), "b"), b("100")),
    ("sym =", lambda: D("=", "a", syms("abc")), b("100")),
    ("sym atoms", lambda: D(">", "b", "a"), np.True_),
    ("char <", lambda: D("<", chars("abc"), char("b")), b("100")),
    ("dict = dict", lambda: D("=", QDict(syms("ab"), j(1, 2)), QDict(syms("ab"), j(1, 3))),
     QDict(syms("ab"), b("10"))),
    # & | ^
    ("\"sat\"&\"cow\"", lambda: D("&", chars("sat"), chars("cow")), chars("cat")),
    ("2|3", lambda: D("|", J(2), J(3)), J(3)),
    ("bool and", lambda: D("and", b("0011"), b("0101")), b("0001")),
    ("bool or", lambda: D("or", b("0011"), b("0101")), b("0111")),
    ("bool|long", lambda: D("|", np.True_, J(2)), J(2)),
    ("short|short stays short", lambda: D("|", H(2), H(3)), H(3)),
    ("0N|5", lambda: D("|", N, J(5)), J(5)),
    ("0N&5", lambda: D("&", N, J(5)), N),
    ("0n|1", lambda: D("|", F(nan), F(1)), F(1)),
    (".0002|.5*", lambda: D("|", F(0.0002), D("*", F(0.5), f(0.1, 0.0001))), f(0.05, 0.0002)),
    ("0^1 2 3 0N", lambda: D("^", J(0), j(1, 2, 3, N)), j(1, 2, 3, 0)),
    ("1 2 3^10 0N 30", lambda: D("^", j(1, 2, 3), j(10, N, 30)), j(10, 2, 30)),
    ("sym fill", lambda: D("^", "x", syms(["a", "", "c"])), syms("axc")),
    ("float fill", lambda: D("^", F(0), f(1, nan)), f(1, 0)),
    # monads
    ("abs 10 -43 0N", lambda: M("abs", j(10, -43, N)), j(10, 43, N)),
    ("abs bool", lambda: M("abs", b("01")), i(0, 1)),
    ("signum -2 0 1 3", lambda: M("signum", j(-2, 0, 1, 3)), i(-1, 0, 1, 1)),
    ("signum float", lambda: M("signum", f(-2.5, 0, 3)), i(-1, 0, 1)),
    ("floor -2.1 0 2.1", lambda: M("floor", f(-2.1, 0, 2.1)), j(-3, 0, 2)),
    ("ceiling 01b", lambda: M("ceiling", b("01")), i(0, 1)),
    ("ceiling 1.2", lambda: M("ceiling", F(1.2)), J(2)),
    ("floor 0n -0w", lambda: M("floor", f(nan, -inf, inf)), j(N, -W, W)),
    ("not", lambda: M("not", j(0, 1, 2)), b("100")),
    ("not 1b", lambda: M("not", np.True_), np.False_),
    ("null 0 0n 0w 1 0n", lambda: M("null", f(0, nan, inf, 1, nan)), b("01001")),
    ("null 0N", lambda: M("null", N), np.True_),
    ("null syms", lambda: M("null", syms(["a", ""])), b("01")),
    ("null (::)", lambda: M("null", None), np.True_),
    ("null list", lambda: M("null", [J(1), f(nan, 1)]), [np.False_, b("10")]),
    ("exp 1", lambda: M("exp", J(1)), F(2.718282)),
    ("acos -0.4", lambda: M("acos", F(-0.4)), F(1.982313)),
    ("log", lambda: M("log", f(-2, nan, 0, 0.1, 1, 42)), f(nan, nan, -inf, -2.302585, 0, 3.73767)),
    ("sqrt 4", lambda: M("sqrt", J(4)), F(2)),
    ("sqrt -1", lambda: M("sqrt", J(-1)), F(nan)),
    ("log 0N", lambda: M("log", N), F(nan)),
    ("sin on dict", lambda: M("sin", QDict(syms("a"), j(0))), QDict(syms("a"), f(0))),
    # aggregates
    ("sum 2 3 0N 7", lambda: M("sum", j(2, 3, N, 7)), J(12)),
    ("sum bools", lambda: M("sum", b("1101")), I(3)),
    ("sum list of vectors", lambda: M("sum", [j(1, 2, 3, 4), j(2, 3, 5, 7)]), j(3, 5, 8, 11)),
    ("sum floats with null", lambda: M("sum", f(1, nan, 2)), F(3)),
    ("sum empty", lambda: M("sum", j()), J(0)),
    ("sum dict", lambda: M("sum", QDict(syms("ab"), j(1, 2))), J(3)),
    ("sum table", lambda: M("sum", QTable(["a", "b"], [j(1, 2), f(1, 2)])), QDict(syms("ab"), [J(3), F(3)])),
    ("sum atom", lambda: M("sum", J(5)), J(5)),
    ("prd", lambda: M("prd", j(1, 2, 3, 4)), J(24)),
    ("max 0N 5 0N 1 3", lambda: M("max", j(N, 5, N, 1, 3)), J(5)),
    ("max 2 5 7 1 3", lambda: M("max", j(2, 5, 7, 1, 3)), J(7)),
    ("max 0N 0N", lambda: M("max", j(N, N)), J(-W)),
    ("min 0N 0N", lambda: M("min", j(N, N)), W),
    ("min with null", lambda: M("min", j(N, 4, 2)), J(2)),
    ("max floats", lambda: M("max", f(nan, 1, 3)), F(3)),
    ("max empty float", lambda: M("max", f()), F(-inf)),
    ("max list", lambda: M("max", [j(1, 5), j(3, 2)]), j(3, 5)),
    ("min char", lambda: M("min", chars("hello")), char("e")),
    ("avg 1 2 3", lambda: M("avg", j(1, 2, 3)), F(2)),
    ("avg 1 0n 2 3", lambda: M("avg", f(1, nan, 2, 3)), F(2)),
    ("avg 101b", lambda: M("avg", b("101")), F(0.6666667)),
    ("avg -0w 0w", lambda: M("avg", f(-inf, inf)), F(nan)),
    ("avg empty", lambda: M("avg", f()), F(nan)),
    ("avg long nulls", lambda: M("avg", j(N, 2, 4)), F(3)),
    ("avg list", lambda: M("avg", [j(1, 2), j(3, 4)]), f(2, 3)),
    ("avg dict", lambda: M("avg", QDict(syms("ab"), j(1, 2))), F(1.5)),
    ("sums 2 3 5 7", lambda: M("sums", j(2, 3, 5, 7)), j(2, 5, 10, 17)),
    ("sums bools", lambda: M("sums", b("101")), i(1, 1, 2)),
    ("sums keeps keys", lambda: M("sums", QDict(syms("abc"), j(1, 2, 3))), QDict(syms("abc"), j(1, 3, 6))),
    ("sums list", lambda: M("sums", [j(1, 2), j(3, 4)]), [j(1, 2), j(4, 6)]),
    ("prds", lambda: M("prds", j(1, 2, 3)), j(1, 2, 6)),
    ("maxs", lambda: M("maxs", j(1, 3, 2, 5)), j(1, 3, 3, 5)),
    ("mins", lambda: M("mins", f(3, 1, 2)), f(3, 1, 1)),
    ("deltas 1 4 9 16", lambda: M("deltas", j(1, 4, 9, 16)), j(1, 3, 5, 7)),
    ("ratios", lambda: M("ratios", j(1, 2, 4, 6)), f(1, 2, 2, 1.5)),
    ("fills", lambda: M("fills", j(N, 2, 3, N, N, 7, N)), j(N, 2, 3, 3, 3, 7, 7)),
    ("fills floats", lambda: M("fills", f(nan, 1, nan)), f(nan, 1, 1)),
    ("fills syms", lambda: M("fills", syms(["a", "", "b", ""])), syms("aabb")),
    ("differ", lambda: M("differ", j(1, 1, 2, 2, 1)), b("10101")),
    ("differ tolerant", lambda: M("differ", f(1, 1 + 1e-13, nan, nan)), b("1010")),
    ("all 1 2 3=1 2 3", lambda: M("all", D("=", j(1, 2, 3), j(1, 2, 3))), np.True_),
    ("all 1 0", lambda: M("all", j(1, 0)), np.False_),
    ("any 0 0n", lambda: M("any", f(0, nan)), np.True_),
    ("any empty", lambda: M("any", b("")), np.False_),
    ("med", lambda: M("med", j(10, 34, 23, 123, 5, 56)), F(28.5)),
    ("var", lambda: M("var", j(2, 3, 5, 7)), F(3.6875)),
    ("dev", lambda: M("dev", j(2, 3, 5, 7)), F(1.920286)),
    ("svar", lambda: M("svar", j(2, 3, 5, 7)), F(4.916667)),
    ("sdev", lambda: M("sdev", j(2, 3, 5, 7)), F(2.217356)),
    ("wsum", lambda: D("wsum", j(2, 3, 4), j(1, 2, 4)), F(24)),
    ("wavg", lambda: D("wavg", j(2, 3, 4), j(1, 2, 4)), F(2.666667)),
    # cast
    ("\"j\"$2.5", lambda: D("$", char("j"), F(2.5)), J(3)),
    ("\"j\"$-2.5", lambda: D("$", char("j"), F(-2.5)), J(-3)),
    ("\"j\"$2.6", lambda: D("$", char("j"), F(2.6)), J(3)),
    ("`int$6.1 6.6", lambda: D("$", "int", f(6.1, 6.6)), i(6, 7)),
    ("`int$-6.1 -6.6", lambda: D("$", "int", f(-6.1, -6.6)), i(-6, -7)),
    ("\"j\"$0n 0w -0w", lambda: D("$", char("j"), f(nan, inf, -inf)), j(N, W, -W)),
    ("\"h\"$127.5*", lambda: D("$", char("h"), D("*", F(127.5), f(1, 0.5))), h(128, 64)),
    ("5h$1.4", lambda: D("$", H(5), F(1.4)), H(1)),
    ("\"e\"$x", lambda: D("$", char("e"), f(1.5, nan)), e(1.5, nan)),
    ("\"e\"$ general list", lambda: D("$", char("e"), [f(1, 2), f(3.5)]), [e(1, 2), e(3.5)]),
    ("\"f\"$0N", lambda: D("$", char("f"), j(N, 1)), f(nan, 1)),
    ("\"i\"$0N 0W", lambda: D("$", char("i"), j(N, W, 5)), i(NULL_I, 2 ** 31 - 1, 5)),
    ("\"b\"$", lambda: D("$", char("b"), j(0, 2)), b("01")),
    ("\"x\"$", lambda: D("$", char("x"), j(1, 255)), np.array([1, 255], dtype=np.uint8)),
    ("\"c\"$97", lambda: D("$", char("c"), J(97)), char("a")),
    ("\"j\"$\"a\"", lambda: D("$", char("j"), char("a")), J(97)),
    ("`float$1", lambda: D("$", "float", J(1)), F(1)),
    ("\"J\"$\"42\"", lambda: D("$", char("J"), chars("42")), J(42)),
    ("\"J\"$ list", lambda: D("$", char("J"), [chars("1"), chars("22"), chars("x")]), j(1, 22, N)),
    ("\"F\"$\"3.14\"", lambda: D("$", char("F"), chars("3.14")), F(3.14)),
    ("\"E\"$\"2.5\"", lambda: D("$", char("E"), chars("2.5")), E(2.5)),
    ("\"I\"$\"7\"", lambda: D("$", char("I"), chars("7")), I(7)),
    ("\"S\"$ strings", lambda: D("$", char("S"), [chars("ab"), chars("c")]), syms(["ab", "c"])),
    ("`$\"str\"", lambda: D("$", "", chars("str")), "str"),
    ("`$(\"a\";\"bc\")", lambda: D("$", "", [chars("a"), chars("bc")]), syms(["a", "bc"])),
    ("\"s\"$\"abc\"", lambda: D("$", char("s"), chars("abc")), "abc"),
    ("9$\"foo\"", lambda: D("$", J(9), chars("foo")), chars("foo      ")),
    ("-9$\"foo\"", lambda: D("$", J(-9), chars("foo")), chars("      foo")),
    ("2$\"foo\"", lambda: D("$", J(2), chars("foo")), chars("fo")),
    ("cast dict", lambda: D("$", char("f"), QDict(syms("a"), j(1))), QDict(syms("a"), f(1))),
]


@pytest.mark.parametrize("name,thunk,expected", CASES, ids=[c[0] for c in CASES])
def test_case(name, thunk, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = thunk()
    assert same(got, expected), f"{name}: got {got!r}, expected {expected!r}"


ERRORS = [
    ("1 2 3+4 5 6 7", lambda: D("+", j(1, 2, 3), j(4, 5, 6, 7)), "length"),
    ("1 2 3+(4;\"a\";5)", lambda: D("+", j(1, 2, 3), [J(4), char("a"), J(5)]), "type"),
    ("1+\"a\"", lambda: D("+", J(1), char("a")), "type"),
    ("sum \"abc\"", lambda: M("sum", chars("abc")), "type"),
    ("`a+1", lambda: D("+", "a", J(1)), "type"),
    ("`a<1", lambda: D("<", "a", J(1)), "type"),
    ("neg `a", lambda: M("neg", "a"), "type"),
    ("\"q\"$1", lambda: D("$", char("q"), J(1)), "type"),
    ("`foo$1", lambda: D("$", "foo", J(1)), "type"),
    ("\"j\"$`a", lambda: D("$", char("j"), "a"), "type"),
    ("::+1", lambda: D("+", None, J(1)), "type"),
    ("dict length", lambda: D("+", QDict(syms("ab"), j(1, 2)), j(1, 2, 3)), "length"),
]


@pytest.mark.parametrize("name,thunk,err", ERRORS, ids=[c[0] for c in ERRORS])
def test_errors(name, thunk, err):
    with pytest.raises(QError) as ex:
        thunk()
    assert ex.value.msg == err


def test_glyph_registration():
    for g in "+-*%&|=<>^$":
        assert B[g].dyad is not None, g
    for g in ("<=", ">=", "<>"):
        assert B[g].dyad is not None
    assert B["-"].monad is not None and B["%"].monad is not None
    for k in ("and", "or", "mod", "div", "xexp", "xlog", "wavg", "wsum"):
        assert B[k].infix and B[k].dyad is not None


def test_scalar_fast_path_no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        x = J(0)
        for _ in range(1000):
            x = D("+", x, J(1))
        assert type(x) is np.int64 and x == 1000
        assert D("+", J(2 ** 62), J(2 ** 62)) == J(-2 ** 63)
        assert D("-", J(-2 ** 62), J(2 ** 62)) == N      # wraps onto the null bit pattern
        assert D("*", J(3), F(1e308)) == F(inf)
        assert D("%", F(1), F(0)) == F(inf)
        assert type(D("+", J(1), F(1.5))) is np.float64


@pytest.mark.parametrize("name", ["mod", "div"])
def test_long_atom_mod_div_match_the_kernel(name):
    """mod and div of two long atoms take a scalar path (a loop's `x mod n`): the same value
    and type as the vector kernel, nulls, infinities, signs and a zero divisor included."""
    from ktwa.verbs import arith as A
    kernel = {"mod": A._k_mod, "div": A._k_idiv}[name]
    rng = np.random.default_rng(7)
    xs = [J(v) for v in rng.integers(-2 ** 63 + 1, 2 ** 63 - 1, 40)] + \
        [J(v) for v in range(-9, 10)] + [N, INF_J, -INF_J]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for x in xs:
            for y in xs[::3]:
                got, want = D(name, x, y), A.atomic2(kernel, x, y)
                assert type(got) is type(want) and match(got, want), (x, y)


def test_large_vectors_fast():
    import time
    v = np.arange(1_000_000, dtype=np.int64)
    t0 = time.perf_counter()
    for _ in range(5):
        s = M("sum", v)
        w = D("+", v, J(1))
        c = D("<", v.astype(np.float64), F(5e5))
    dt = time.perf_counter() - t0
    assert s == J(499999500000) and w[-1] == 1_000_000 and c.sum() == 500000
    assert dt < 2.0
