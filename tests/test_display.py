"""Console display: show / one_line / error_text / .Q.f / .Q.fmt (q-core.md §5, §6.3, §9.1)."""
import time

import numpy as np
import pytest

from ktwa.display import error_text, one_line, qf, qfmt, show
from ktwa.display.html import to_html
from ktwa.errors import Frame, QError
from ktwa.values.functions import MISSING, Builtin, Derived, Lambda, Projection
from ktwa.values.text import atom_text, float_text, q_string, string_chars
from ktwa.values.types import (INF_H, INF_I, INF_J, NULL_E, NULL_F, NULL_H, NULL_I, NULL_J,
                               QDict, QTable, chars)

J = np.int64
F = np.float64
E = np.float32
I = np.int32
H = np.int16
B = np.bool_
C = np.bytes_


def j(*v):
    return np.array(v, dtype=np.int64)


def f(*v):
    return np.array(v, dtype=np.float64)


def e(*v):
    return np.array(v, dtype=np.float32)


def i(*v):
    return np.array(v, dtype=np.int32)


def b(s):
    return np.array([c == "1" for c in s], dtype=bool)


def s(*names):
    return np.array(list(names), dtype=object)


def tbl(**cols):
    return QTable(list(cols), list(cols.values()))


def lines(*ls):
    return "".join(x + "\n" for x in ls)


INF = float("inf")

# (value, expected console text)
SHOW_CASES = [
    # atoms (§5.2)
    (J(42), "42\n"),
    (NULL_J, "0N\n"),
    (INF_J, "0W\n"),
    (J(-INF_J), "-0W\n"),
    (I(10), "10i\n"),
    (NULL_I, "0Ni\n"),
    (INF_I, "0Wi\n"),
    (H(5), "5h\n"),
    (NULL_H, "0Nh\n"),
    (INF_H, "0Wh\n"),
    (E(3.14), "3.14e\n"),
    (NULL_E, "0Ne\n"),
    (E(INF), "0we\n"),
    (F(2.0), "2f\n"),
    (F(0.5), "0.5\n"),
    (NULL_F, "0n\n"),
    (F(INF), "0w\n"),
    (F(-INF), "-0w\n"),
    (B(True), "1b\n"),
    (np.uint8(42), "0x2a\n"),
    (C(b"a"), '"a"\n'),
    ("abc", "`abc\n"),
    ("", "`\n"),
    (None, ""),
    # floats and \P 7 (§5.3)
    (F(1) / 7, "0.1428571\n"),
    (F(123456789), "1.234568e+08\n"),
    (F(2.0) / 3, "0.6666667\n"),
    (F(9.223372036854775807e18), "9.223372e+18\n"),
    (F(256), "256f\n"),
    (F(1e-7), "1e-07\n"),
    (f(0.01, 0.0001, 1e-08, 1e-16, 1e-32, 1e-64, 1e-128, 1e-256, 0),
     "0.01 0.0001 1e-08 1e-16 1e-32 1e-64 1e-128 1e-256 0\n"),
    (f(8, 8), "8 8f\n"),
    (f(1, 0, 1), "1 0 1f\n"),
    (f(9, 27), "9 27f\n"),
    (f(np.nan, 3), "0n 3\n"),
    (f(0, 0.5, 1, 1.5, 2), "0 0.5 1 1.5 2\n"),
    (f(0.01499558, 1, 1.105171, np.nan, INF), "0.01499558 1 1.105171 0n 0w\n"),
    (f(6.6, 8.8, 11), "6.6 8.8 11\n"),
    (f(2, np.nan, -INF), "2 0n -0w\n"),
    (e(*[0] * 10), "0 0 0 0 0 0 0 0 0 0e\n"),
    (e(1, 2.34, -567.1, 20, 789), "1 2.34 -567.1 20 789e\n"),
    (e(1, np.nan, INF), "1 0N 0we\n"),
    (f(-2.302585, 0, 3.73767), "-2.302585 0 3.73767\n"),
    # vectors, 1-item and empty lists (§5.4)
    (j(0, 1, 2, 3, 4), "0 1 2 3 4\n"),
    (j(3), ",3\n"),
    (j(), "`long$()\n"),
    (f(), "`float$()\n"),
    (e(), "`real$()\n"),
    (i(), "`int$()\n"),
    (np.array([], dtype=np.int16), "`short$()\n"),
    (np.array([], dtype=bool), "`boolean$()\n"),
    (np.array([], dtype=np.uint8), "`byte$()\n"),
    (s(), "`symbol$()\n"),
    (chars(""), '""\n'),
    ([], "()\n"),
    (chars("2"), ',"2"\n'),
    (i(10, 10, 10), "10 10 10i\n"),
    (np.array([NULL_I, 1, INF_I], dtype=np.int32), "0N 1 0Wi\n"),
    (np.array([1, 2], dtype=np.int16), "1 2h\n"),
    (j(10, NULL_J, -INF_J), "10 0N -0W\n"),
    (b("0100"), "0100b\n"),
    (b("1"), ",1b\n"),
    (np.array([1, 255], dtype=np.uint8), "0x01ff\n"),
    (np.array([1], dtype=np.uint8), ",0x01\n"),
    (s("a", "b", "c"), "`a`b`c\n"),
    (s("a", "", "c"), "`a``c\n"),
    (s("jill"), ",`jill\n"),
    (e(-0.1412306), ",-0.1412306e\n"),
    (chars("hello"), '"hello"\n'),
    (chars('a"b\\c\n\t\r'), '"a\\"b\\\\c\\n\\t\\r"\n'),
    (chars("Zürich"), '"Z\\303\\274rich"\n'),
    (chars("\x01"), ',"\\001"\n'),
    # general lists (§5.5)
    ([J(1), F(2.0), J(3)], lines("1", "2f", "3")),
    ([J(1), s("a", "b"), chars("abc"), None], lines("1", "`a`b", '"abc"', "::")),
    ([None, None], lines("::", "::")),
    ([J(68610912)], ",68610912\n"),
    ([[J(68610912)], [J(70818656)]], lines("68610912", "70818656")),
    ([j(1, 2, 3)], "1 2 3\n"),          # a 1-row matrix shows as its row (ktorch's sparse page)
    ([[J(1)]], "1\n"),
    ([j(1, 2, 3), [j(4, 5), J(6)]], lines("1 2 3", "(4 5;6)")),
    (["sequential", [["linear", "a", J(784), J(800)]],
      [["batchnorm1d", "b", J(800), F(1e-7), F(0.1)]], [s("relu", "c")],
      [["linear", "d", J(800), J(10)]]],
     lines("`sequential", ",(`linear;`a;784;800)", ",(`batchnorm1d;`b;800;1e-07;0.1)",
           ",`relu`c", ",(`linear;`d;800;10)")),
    ([f(3), f(9, 27)], lines(",3f", "9 27f")),
    ([F(3), f(9, 27)], lines("3f", "9 27f")),
    ([j(2, 7), j(4, 14), j(8, 28), j(16, 56)], lines("2  7 ", "4  14", "8  28", "16 56")),
    ([s("Arthur", "Steve", "Dennis", "Arthur"), s("Steve", "Dennis", "Arthur", "Steve")],
     lines("Arthur Steve  Dennis Arthur", "Steve  Dennis Arthur Steve ")),
    ([[chars("Now"), chars("is"), chars("the"), chars("time")],
      [chars("for"), chars("all"), chars("good"), chars("folk")]],
     lines('"Now" "is"  "the"  "time"', '"for" "all" "good" "folk"')),
    ([j(0, 100, 200), j(10000, 20000, 30000, 40000), j(700, 800, 900)],
     lines("0 100 200", "10000 20000 30000 40000", "700 800 900")),
    ([b("011"), b("101")], lines("011b", "101b")),
    ([chars("abcd"), chars("efgh")], lines('"abcd"', '"efgh"')),
    ([j(1, 4), j(2, 5), j(3, 6)], lines("1 4", "2 5", "3 6")),
    ([j(0, 1, 2), j(3, 4, 5), j(6, 7, 8), j(9)], lines("0 1 2", "3 4 5", "6 7 8", ",9")),
    ([f(1, np.nan), f(2.5, 3)], lines("1    ", "2.5 3")),
    ([J(12), j(23, 34)], lines("12", "23 34")),
    # dictionaries (§5.6)
    (QDict(s("a", "b"), f(4, 7)), lines("a| 4", "b| 7")),
    (QDict(s("a", "b"), j(0, 0)), lines("a| 0", "b| 0")),
    (QDict(s("x", "y"), s("tom", "")), lines("x| tom", "y| ")),
    (QDict(s("weight", "bias"), b("11")), lines("weight| 1", "bias  | 1")),
    (QDict(s("b"), f(0.1)), "b| 0.1\n"),
    (QDict(s("in", "eps", "momentum", "affine", "track"),
           [J(800), F(1e-7), F(0.1), B(True), B(True)]),
     lines("in      | 800", "eps     | 1e-07", "momentum| 0.1", "affine  | 1b", "track   | 1b")),
    (QDict(s("in", "eps", "momentum", "affine", "track"),
           [J(800), F(1e-5), F(np.nan), B(True), B(True)]),
     lines("in      | 800", "eps     | 1e-05", "momentum| 0n", "affine  | 1b", "track   | 1b")),
    (QDict(s("weight", "bias", ".n"),
           [[e(4.756198, 4.81772)], e(-0.1412306), F(2)]),
     lines("weight| ,4.756198 4.81772e", "bias  | ,-0.1412306e", ".n    | 2f")),
    (QDict(s("weight", "bias", ".n"),
           [[e(9.126033, 9.136288)], e(-0.1412306), F(12)]),
     lines("weight| ,9.126033 9.136288e", "bias  | ,-0.1412306e", ".n    | 12f")),
    (QDict(s("weight", "bias"), [j(10, 64), j(10)]), lines("weight| 10 64", "bias  | ,10")),
    (QDict(s("a", "b"), [j(9, -22, 2), j(3, 4, -7)]), lines("a| 9 -22 2 ", "b| 3 4   -7")),
    (QDict(s("a", "b", "c"), [j(10, -21, 3), j(14, 25, 24), j(1000, 2000, 3000)]),
     lines("a| 10   -21  3   ", "b| 14   25   24  ", "c| 1000 2000 3000")),
    (QDict(j(0, 2), [j(7), j(0, 3, 7)]), lines("0| ,7", "2| 0 3 7")),
    (QDict(j(0, 10), j(0, 1)), lines("0 | 0", "10| 1")),
    (QDict(chars("mis"), [j(0), j(1, 4, 7, 10), j(2, 3, 5, 6)]),
     lines("m| ,0", "i| 1 4 7 10", "s| 2 3 5 6")),
    (QDict(s("t", "q"), [[J(146865120)], [J(146865200)]]), lines("t| 146865120", "q| 146865200")),
    (QDict(s("tensor", "module", "loss", "optimizer", "model"), j(64, 2, 0, 2, 2)),
     lines("tensor   | 64", "module   | 2", "loss     | 0", "optimizer| 2", "model    | 2")),
    (QDict(s("tensor", "module", "optimizer"), [j(1, 8192, 32768), j(2, 1290, 5160),
                                                  j(6, 3872, 15496)]),
     lines("tensor   | 1 8192 32768", "module   | 2 1290 5160 ", "optimizer| 6 3872 15496")),
    (QDict(s("x", "y", "z", "zz"), [b("01010"), j(3, 4, 5), C(b"z"), chars("zz")]),
     lines("x | 01010b", "y | 3 4 5", 'z | "z"', 'zz| "zz"')),
    (QDict(s("a", "t"), [f(4, 5, 6, 7), e(1, 2, 3)]), lines("a| 4 5 6 7f", "t| 1 2 3e")),
    (QDict(s("x", "y"), [None, None]), lines("x| ::", "y| ::")),
    (QDict(s("name", "age"), ["Dick", J(42)]), lines("name| `Dick", "age | 42")),
    (QDict(s("a", "b"), [chars("ab"), chars("cd")]), lines('a| "ab"', 'b| "cd"')),
    (QDict(s("a", "b"), j(1, NULL_J)), lines("a| 1", "b| ")),
    (QDict([], []), ""),          # q shows an empty dictionary as nothing (dictsandtables.md)
    # tables (§5.7)
    (tbl(name=s("Dent", "Beeblebrox"), iq=j(98, 42), age=j(20, 22)),
     lines("name       iq age", "-----------------", "Dent       98 20 ", "Beeblebrox 42 22 ")),
    (tbl(a=j(1, 2), b=s("x", "y")), lines("a b", "---", "1 x", "2 y")),
    (tbl(a=j(), b=s()), lines("a b", "---")),
    (tbl(x=j(1, NULL_J, 3), y=f(1.5, 2, np.nan)), lines("x y  ", "-----", "1 1.5", "  2  ",
                                                         "3    ")),
    (tbl(n=[s("tom", "dick"), s("harry")], v=[j(50), j(10, 30)], p=[chars("ref/a"), chars("b")]),
     lines("n         v     p      ", "-" * 23,
           "`tom`dick ,50   \"ref/a\"", ",`harry   10 30 ,\"b\"   ")),
    (tbl(ptr=j(71083104, 70818656), **{"class": s("vector", "tensor")},
         device=s("cpu", "cpu"), dtype=s("", "long"), size=[J(2), j(3)], elements=j(5, 3),
         bytes=j(40, 24)),
     lines("ptr      class  device dtype size elements bytes",
           "------------------------------------------------",
           "71083104 vector cpu          2    5        40   ",
           "70818656 tensor cpu    long  ,3   3        24   ")),
    (tbl(c=chars("ab"), b=b("10"), x=np.array([1, 255], dtype=np.uint8), r=e(1.5, 2)),
     lines("c b x  r  ", "----------", "a 1 01 1.5", "b 0 ff 2  ")),
    # keyed tables
    (QDict(tbl(sym=s("ibm", "goog", "msoft")), tbl(qty=j(1005, 2005, 3005), p=j(1555, 380, 103))),
     lines("sym  | qty  p   ", "-----| ---------", "ibm  | 1005 1555", "goog | 2005 380 ",
           "msoft| 3005 103 ")),
    (QDict(tbl(y=j(3, 5), yhat=j(5, 3)), tbl(n=j(12, 9))),
     lines("y yhat| n ", "------| --", "3 5   | 12", "5 3   | 9 ")),
    # functions
    (Lambda((), None, "{x*x}"), "{x*x}\n"),
    (Builtin("+", dyad=lambda x, y: x, infix=True), "+\n"),
    (Projection(Lambda(("x", "y"), None, "{x+y}"), (J(1),)), "{x+y}[1]\n"),
    (Projection(Builtin("+", dyad=lambda x, y: x, infix=True), (J(1),)), "+[1]\n"),
    (Projection(Lambda(("a", "b", "c"), None, "{a+b+c}"), (J(1), MISSING, J(3))),
     "{a+b+c}[1;;3]\n"),
    (Projection(Lambda(("x", "y"), None, "{x+y}"), (J(1), MISSING)), "{x+y}[1;]\n"),
    (Derived("/", Builtin("+", dyad=lambda x, y: x, infix=True)), "+/\n"),
    (Derived("\\:", Lambda(("x", "y"), None, "{x,y}")), "{x,y}\\:\n"),
]


@pytest.mark.parametrize("value,expected", SHOW_CASES, ids=[repr(c[1])[:40] for c in SHOW_CASES])
def test_show(value, expected):
    assert show(value) == expected


ONE_LINE_CASES = [
    ([j(1, 2, 3), j(4, 5, 6, 7)], "(1 2 3;4 5 6 7)"),
    ([chars("2"), chars("3")], '(,"2";,"3")'),
    (QDict(s("a", "b"), j(1, 2)), "`a`b!1 2"),
    (tbl(a=j(1, 2), b=j(3, 4)), "+`a`b!(1 2;3 4)"),
    (tbl(a=j(1, 2)), "+(,`a)!,1 2"),
    (QDict(tbl(k=j(1, 2)), tbl(v=j(3, 4))), "(+(,`k)!,1 2)!+(,`v)!,3 4"),
    (QDict(s("a"), j(1)), "(,`a)!,1"),
    (j(3), ",3"),
    (j(), "`long$()"),
    (s(), "`symbol$()"),
    ([], "()"),
    (chars(""), '""'),
    (J(3), "3"),
    (F(2), "2f"),
    (None, "::"),
    ([None, J(1)], "(::;1)"),
    ([[j(0, 0), j(0, 1)], [j(1, 0), j(1, 1)]], "((0 0;0 1);(1 0;1 1))"),
    ([J(68610912)], ",68610912"),
    ([f(1, 2), J(3), e(1.5)], "(1 2f;3;,1.5e)"),
    ([C(b"a"), "b", B(False)], '("a";`b;0b)'),
    (QDict([], []), "()!()"),
    (Projection(Lambda(("x", "y"), None, "{x+y}"), (J(1),)), "{x+y}[1]"),
    (Lambda(("x", "y"), None, "{x+y}"), "{x+y}"),
    (Builtin("+", dyad=lambda x, y: x, infix=True), "+"),
    (QDict(s("a", "b"), [Lambda(("x",), None, "{x}"), J(1)]), "`a`b!({x};1)"),
]


@pytest.mark.parametrize("value,expected", ONE_LINE_CASES,
                         ids=[c[1][:40] for c in ONE_LINE_CASES])
def test_one_line(value, expected):
    assert one_line(value) == expected


def test_truncation_width():
    ones = np.ones(800, dtype=np.float32)
    zeros = np.zeros(800, dtype=np.float32)
    out = show(QDict(s("weight", "bias"), [ones, zeros]))
    assert out == lines(
        "weight| 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1..",
        "bias  | 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0..")
    assert all(len(ln) == 79 for ln in out.splitlines())
    out = show(QDict(s("running_mean", "running_var", "num_batches_tracked"),
                     [zeros, ones, J(0)]))
    assert out == lines("running_mean       | " + "0 " * 28 + "..",
                        "running_var        | " + "1 " * 28 + "..",
                        "num_batches_tracked| 0")


def test_truncation_precision4_seed():
    v = e(0.07392, -0.1152, 0.1046, 0.07062, -0.0002719, -0.07141, 0.01454, 0.1125, 0.1195,
          0.00999, 0.5, 0.5)
    assert show(v, precision=4) == (
        "0.07392 -0.1152 0.1046 0.07062 -0.0002719 -0.07141 0.01454 0.1125 0.1195 0.00..\n")
    d = QDict(s("running_mean", "running_var", "num_batches_tracked"),
              [e(-1.131, -0.08618, 1.274, 0.3693, -1.509, 0.2754, 0.2031, 0.2767, 0.1, 0.2),
               e(1.148, 1.131, 0.5452, 0.5967, 1.486, 0.8175, 0.5692, 0.8316, 0.5, 0.5),
               J(12000)])
    assert show(d, precision=4) == lines(
        "running_mean       | -1.131 -0.08618 1.274 0.3693 -1.509 0.2754 0.2031 0.2767..",
        "running_var        | 1.148 1.131 0.5452 0.5967 1.486 0.8175 0.5692 0.8316 0.5..",
        "num_batches_tracked| 12000")
    assert show(QDict(s("running_mean", "running_var", "num_batches_tracked"),
                      f(1.0236, 1.0121, 20)), precision=4) == lines(
        "running_mean       | 1.024", "running_var        | 1.012", "num_batches_tracked| 20")


def test_truncation_rows():
    # \c 10 10: til each 20+til 10 shows 7 lines then ..
    x = [np.arange(20 + k, dtype=np.int64) for k in range(10)]
    assert show(x, rows=10, cols=10) == "0 1 2 3..\n" * 7 + "..\n"
    # fits exactly: rows-2 lines are shown whole
    assert show([j(1), j(1, 2)] * 4, rows=10) == "".join(
        [",1\n", "1 2\n"] * 4)
    t = tbl(a=np.arange(100, dtype=np.int64))
    out = show(t)
    assert out.splitlines() == ["a ", "--"] + ["%-2d" % k for k in range(20)] + [".."]
    assert show(np.arange(5), rows=10, cols=80) == "0 1 2 3 4\n"


def test_large_vector_fast():
    v = np.random.default_rng(0).random(10000)
    t0 = time.perf_counter()
    for _ in range(20):
        out = show(v)
    assert time.perf_counter() - t0 < 0.5
    assert len(out) == 80 and out.endswith("..\n")
    big = np.arange(10 ** 6, dtype=np.int64)
    t0 = time.perf_counter()
    show(big)
    show([big, big])
    show(tbl(a=big, b=big.astype(np.float64)))
    show(QDict(s("a", "b"), [big, big]))
    assert time.perf_counter() - t0 < 0.5
    assert one_line(np.arange(10000)).startswith("0 1 2")


# text primitives
TEXT_CASES = [
    (float_text(123456789.0, 7), "1.234568e+08"),
    (float_text(1e-8, 7), "1e-08"),
    (float_text(np.nan, 7), "0n"),
    (float_text(np.inf, 7), "0w"),
    (float_text(-np.inf, 7), "-0w"),
    (float_text(0.1, 0), "0.10000000000000001"),
    (float_text(1 / 3, 3), "0.333"),
    (atom_text(J(42), 7), "42"),
    (atom_text(NULL_J, 7), "0N"),
    (atom_text(I(10), 7), "10i"),
    (atom_text(I(10), 7, bare=True), "10"),
    (atom_text(NULL_I, 7), "0Ni"),
    (atom_text(H(5), 7), "5h"),
    (atom_text(E(3.14), 7), "3.14e"),
    (atom_text(NULL_E, 7), "0Ne"),
    (atom_text(E(np.inf), 7), "0we"),
    (atom_text(F(2), 7), "2f"),
    (atom_text(F(2), 7, bare=True), "2"),
    (atom_text(F(0.5), 7), "0.5"),
    (atom_text(B(True), 7), "1b"),
    (atom_text(np.uint8(42), 7), "0x2a"),
    (atom_text(np.uint8(42), 7, bare=True), "2a"),
    (atom_text(C(b"a"), 7), '"a"'),
    (atom_text(C(b'"'), 7), '"\\""'),
    (atom_text(C(b"\n"), 7), '"\\n"'),
    (atom_text(C(b"\xe9"), 7), '"\\351"'),
    (atom_text("abc", 7), "`abc"),
    (atom_text("abc", 7, bare=True), "abc"),
    (q_string(J(2), 7), "2"),
    (q_string("ibm", 7), "ibm"),
    (q_string(F(1) / 3, 3), "0.333"),
    (q_string(F(2), 7), "2"),
    (q_string(E(2.5), 7), "2.5"),
    (q_string(C(b"c"), 7), "c"),
    (q_string(B(False), 7), "0"),
    (q_string(NULL_F, 7), "0n"),
    (q_string(INF_J, 7), "0W"),
    (string_chars(C(b"\xe9"), 7).tobytes(), b"\xe9"),
    (string_chars("z\u00fcrich", 7).tobytes(), "z\u00fcrich".encode()),
]


@pytest.mark.parametrize("got,expected", TEXT_CASES, ids=[repr(c[1]) for c in TEXT_CASES])
def test_text(got, expected):
    assert got == expected


def test_precision():
    assert show(F(1) / 3, precision=3) == "0.333\n"
    assert show(F(0.1), precision=0) == "0.10000000000000001\n"
    assert show(f(1, 2.5), precision=2) == "1 2.5\n"


# errors (§9.1)
def _err(msg, *frames):
    e = QError(msg)
    e.frames = list(frames)
    return e


def test_error_console_line():
    assert error_text(_err("type", Frame("til 5f", 0))) == "'type\n  [0]  til 5f\n       ^\n"
    assert error_text(_err("type", Frame('2+"hi"', 1))) == "'type\n  [0]  2+\"hi\"\n        ^\n"
    assert error_text(_err("length", Frame("1 2 3 + 4 5 6 7", 6))) == (
        "'length\n  [0]  1 2 3 + 4 5 6 7\n             ^\n")
    msg = ("The size of tensor a (4) must match the size of tensor b (3) at non-singleton "
           "dimension 1")
    assert error_text(_err(msg, Frame("copyparms(m;p)", 0))) == (
        "'" + msg + "\n  [0]  copyparms(m;p)\n       ^\n")
    assert error_text(QError("stale pointer")) == "'stale pointer\n"


def test_error_frames_innermost_first_numbered_by_depth():
    """q prints the innermost frame as it enters its debugger; the frames a q user would walk
    up to with ` follow it, down to the console line [0]."""
    err = _err("type", Frame("{a:x*2;a+y}", 8, "g:"), Frame("{g[x;2#y]}", 1, "f:"),
               Frame('f[3;"hello"]', 0))
    assert error_text(err).splitlines() == [
        "'type", "  [2]  g:{a:x*2;a+y}", "                 ^", "  [1]  f:{g[x;2#y]}",
        "          ^", '  [0]  f[3;"hello"]', "       ^"]
    err2 = _err("type", Frame("til 5f", 0, "t.q:3: "))
    assert error_text(err2) == "'type\n  [0]  t.q:3: til 5f\n              ^\n"


def test_a_deep_error_shows_a_bounded_report():
    """A runaway recursion ('stack) unwinds through thousands of frames: the report keeps the
    innermost ten and the outermost two, each numbered by its depth."""
    deep = [Frame("f:{f x}", 4, "") for _ in range(5000)] + [Frame("f 1", 0)]
    lines = error_text(_err("stack", *deep)).splitlines()
    assert lines[0] == "'stack"
    assert [ln.split("]")[0].strip() for ln in lines[1::2]] == \
        ["[" + str(n) for n in [*range(5000, 4990, -1), 1, 0]]
    assert lines[1:3] == ["  [5000]  f:{f x}", "              ^"]
    assert lines[-2:] == ["  [0]  f 1", "       ^"]
    twelve = [Frame("g", 0, "") for _ in range(12)]
    assert len(error_text(_err("type", *twelve)).splitlines()) == 25     # all twelve shown


# .Q.f / .Q.fmt (§6.3)
QF_CASES = [
    (qfmt(4, 0, J(1)), "  1."),
    (qfmt(6, 2, J(1)), "  1.00"),
    (qfmt(6, 2, J(234)), "234.00"),
    (qfmt(7, 4, F(0.01)), " 0.0100"),
    (qfmt(9, 6, F(0.793307)), " 0.793307"),
    (qfmt(6, 2, F(96.93)), " 96.93"),
    (qfmt(3, 2, F(96.93)), "***"),
    (qfmt(6, 2, F(-1.5)), " -1.50"),
    (qf(2, F(0.999)), "1.00"),
    (qf(2, F(0.005)), "0.01"),
    (qf(0, F(2.5)), "3."),
    (qf(2, NULL_F), ""),
    (qf(2, NULL_J), ""),
    (qf(2, F(1e20)), "1e+20"),
    (qf(3, F(np.inf)), "0w"),
]


@pytest.mark.parametrize("got,expected", QF_CASES, ids=[repr(c[1]) for c in QF_CASES])
def test_qf(got, expected):
    assert got == expected


def test_swa_log_line():
    fmt = [qfmt(w, d, x) for w, d, x in zip([4, 7, 9, 6], [0, 4, 6, 2],
                                             [J(1), F(0.01), F(0.793307), F(96.93)])]
    line = "".join(a + b for a, b in zip(["", "  lr:", "  training loss:", "  test accuracy:"],
                                          fmt)) + "%"
    assert line == "  1.  lr: 0.0100  training loss: 0.793307  test accuracy: 96.93%"


def test_html():
    h = to_html(tbl(a=j(1, 2), b=s("x", "<y>")))
    assert "<table" in h and "<th" in h and "&lt;y&gt;" in h
    h = to_html(QDict(s("a", "b"), j(1, 2)))
    assert "<td" in h
    h = to_html(QDict(tbl(k=j(1)), tbl(v=j(2))))
    assert "<th" in h
    assert to_html(j(1, 2)).startswith("<pre")
