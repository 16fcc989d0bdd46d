"""Table-driven eval tests: source -> value (type and contents), through Session.eval."""
import numpy as np
import pytest

from ktwa import Session
from ktwa.errors import QError
from ktwa.values import QDict, QTable, match

s = Session()

CASES = [
    ("1+2", np.int64(3)),
    ("2*3+4", np.int64(14)),
    ("2%4", np.float64(0.5)),
    ("1b+1b", np.int32(2)),
    ("til 3", np.arange(3)),
    ("1 2,3.5", [np.int64(1), np.int64(2), np.float64(3.5)]),
    ("(1;2;3)", np.array([1, 2, 3])),
    ("`a`b!1 2", QDict(np.array(["a", "b"], dtype=object), np.array([1, 2]))),
    ("{x*y}[3;4]", np.int64(12)),
    ("{x*y}[3] 5", np.int64(15)),
    ("f:{[a;b] a-b}; f[10;3]", np.int64(7)),
    ("{x+1}/[5;0]", np.int64(5)),
    ("(+/)1 2 3", np.int64(6)),
    ("1000+\\2 3 4", np.array([1002, 1005, 1009])),
    ("count each (1 2;3 4 5)", np.array([2, 3])),
    ("x:10;(x + 5; x: 20; x - 5)", np.array([25, 20, 5])),
    ("r:1 1;x:10;while[x-:1;r,:sum -2#r];r", np.array([1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89])),
    ("$[0b;1;0b;2]", None),
    ("$[0b;1;2]", np.int64(2)),
    ("\"abc\"", np.frombuffer(b"abc", dtype="S1")),
    ("`a", "a"),
    ("::", None),
    ("@[til 3;1;neg]", np.array([0, -1, 2])),
    ("type ([]a:1 2)", np.int16(98)),
    ("exec a from ([]a:1 2 3) where a>1", np.array([2, 3])),
    ("first select a from ([]a:1 2 3) where a>1", QDict(np.array(["a"], dtype=object), np.array([2]))),
]


@pytest.mark.parametrize("src,expected", CASES, ids=[c[0] for c in CASES])
def test_eval(src, expected):
    got = s.eval(src)
    if isinstance(expected, np.ndarray):
        got = np.asarray(got).view(np.ndarray) if isinstance(got, np.ndarray) else got
    assert match(got, expected), (got, expected)


ERRORS = [("1 2 3+4 5", "length"), ("til 2.5", "type"), ("undefinedname", "undefinedname"),
          ("{x}[1;2]", "rank"), ("til -1", "domain"), ("cos:12", "assign"), ("'`boom", "boom"),
          ("'\"msg\"", "msg"), ("'1", "stype")]


@pytest.mark.parametrize("src,word", ERRORS, ids=[e[0] for e in ERRORS])
def test_eval_errors(src, word):
    with pytest.raises(QError) as ei:
        s.eval(src)
    assert ei.value.msg == word


def test_sessions_are_independent():
    a, b = Session(), Session()
    a.eval("x:1")
    with pytest.raises(QError):
        b.eval("x")
    a.eval("t:tensor 1 2 3")
    assert b.console("count obj[]") == "0\n"
    assert a.console("count obj[]") == "1\n"


def test_a_runaway_recursion_reports_stack_in_a_few_lines():
    # thousands of frames unwind; the report shows the innermost ten and the outermost two,
    # and the session goes on
    out = Session().console("f:{f x};f 1")
    lines = out.splitlines()
    assert lines[0] == "'stack" and len(lines) == 1 + 2 * 12
    assert lines[-2:] == ["  [0]  f:{f x};f 1", "               ^"]
