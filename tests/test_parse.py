"""Table-driven parse tests: source -> AST shape (as an s-expression), or a q error and position."""
import numpy as np
import pytest

from ktwa.errors import QError
from ktwa.syntax import ast as A
from ktwa.runtime import PARSER, parse


def sx(n) -> str:
    """A compact s-expression of an AST (values shown via repr of their Python form)."""
    if n is None:
        return "_"
    if isinstance(n, A.Block):
        return " ; ".join(sx(s) for s in n.stmts)
    if isinstance(n, A.Const):
        v = n.value
        if isinstance(v, np.ndarray):
            return "[" + " ".join(str(x) for x in v.tolist()) + "]"
        if isinstance(v, np.generic):
            return str(v.item())
        return repr(v)
    if isinstance(n, A.Name):
        return n.name
    if isinstance(n, A.Verb):
        return n.name
    if isinstance(n, A.Adverb):
        return f"{sx(n.target)}{n.adverb}"
    if isinstance(n, A.Index):
        return f"{sx(n.target)}[{';'.join(sx(a) for a in n.args)}]"
    if isinstance(n, A.ListExpr):
        return "(" + ";".join(sx(i) for i in n.items) + ")"
    if isinstance(n, A.LambdaExpr):
        return "{" + ",".join(n.params) + ":" + sx(n.body) + "}"
    if isinstance(n, A.Chain):
        out = "" if n.head is None else sx(n.head)
        for op in n.ops:
            if isinstance(op, A.OpDyad):
                out = f"({sx(op.verb)} {sx(op.left)} {out or '_'})"
            elif isinstance(op, A.OpMonad):
                out = f"({sx(op.verb)} {out or '_'})"
            elif isinstance(op, A.OpApply):
                out = f"({sx(op.fn)} {out})"
            elif isinstance(op, A.OpAssign):
                tgt = op.name + ("" if op.indices is None else "[" + ";".join(sx(a) for a in op.indices) + "]")
                verb = ("::" if op.glob else ":") if op.op is None else sx(op.op) + ":"
                out = f"({tgt}{verb} {out})"
        return out
    if isinstance(n, A.Cond):
        return "$[" + ";".join(sx(a) for a in n.args) + "]"
    if isinstance(n, A.Control):
        return f"{n.kind}[{sx(n.cond)};" + ";".join(sx(a) for a in n.body) + "]"
    if isinstance(n, A.Qsql):
        return f"{n.kind}"
    if isinstance(n, A.TableExpr):
        return "([" + ";".join(k for k, _ in n.keys) + "]" + ";".join(str(c) for c, _ in n.cols) + ")"
    return type(n).__name__


CASES = [
    ("1+2*3", "(+ 1 (* 2 3))"),
    ("x-1", "(- x 1)"),
    ("x -1", "(x -1)"),
    ("3.5 -1", "[3.5 -1.0]"),
    ("x[1]-1", "(- x[1] 1)"),
    ("(a+b)- 1", "(- (+ a b) 1)"),
    ("-1+x", "(+ -1 x)"),
    ("f g x", "(f (g x))"),
    ("count each x", "(each count x)"),
    ("+/x", "(+/ x)"),
    ("x+/y", "(+/ x y)"),
    ("f'[x;y]", "f'[x;y]"),
    ("f[;2]", "f[_;2]"),
    ("f[]", "f[_]"),
    ("2*", "(* 2 _)"),
    ("(+)", "(+ _)"),
    ("(1;2;3)", "(1;2;3)"),
    ("(a;;b)", "(a;_;b)"),
    ("()", "()"),
    ("x:1", "(x: 1)"),
    ("x::1", "(x:: 1)"),
    ("x,:y", "(x,: y)"),
    ("r@:i", "(r@: i)"),
    ("d[`a;0]:5", "(d['a';0]: 5)"),
    ("a:b:3", "(a: (b: 3))"),
    (":x", "(: x)"),
    ("'`e", "(' 'e')"),
    ("$[a;b;c]", "$[a;b;c]"),
    ("if[c;a;b]", "if[c;a;b]"),
    ("while[x-:1;r]", "while[(x-: 1);r]"),
    ("{x+y}", "{x,y:(+ x y)}"),
    ("{[a;b] a}", "{a,b:a}"),
    ("{z}", "{x,y,z:z}"),
    ("a;b", "a ; b"),
    ("a;", "a ; _"),
    ("`a`b!1 2", "(! [a b] [1 2])"),
    ("1 2 3h", "[1 2 3]"),
    ("0N 1", "[-9223372036854775808 1]"),
    ("x / comment", "x"),
    ("\"a\"", "b'a'"),
    ("select a from t", "select"),
    ("([]a:1 2)", "([]a)"),
    ("([k:1]v:2)", "([k]v)"),
    ("`ktorch 2:`fns,1", "(2: 'ktorch' (, 'fns' 1))"),
    (".Q.fmt'[4;0]", ".Q.fmt'[4;0]"),
    ("d.Y", "d.Y"),
]


@pytest.mark.parametrize("src,expected", CASES, ids=[c[0] for c in CASES])
def test_parse(src, expected):
    assert sx(parse(src)) == expected


ERRORS = [
    ("(1;2", "(", 4),
    ("1)", ")", 1),
    ('"abc', '"', 0),
    ("f[1;2", "[", 5),
    ("{x", "{", 2),
    # text that looks temporal but is no q literal ktwa reads is an error, never a number
    ("12:3", "nyi", 0),
    ("1+2024.02.30", "nyi", 2),
    ("2024.01.31D25:00", "nyi", 0),
    ("12: 30", "nyi", 0),
    ("0Nd 12:30", "type", 0),
]


@pytest.mark.parametrize("src,word,pos", ERRORS, ids=[e[0] for e in ERRORS])
def test_parse_errors(src, word, pos):
    with pytest.raises(QError) as ei:
        parse(src)
    assert ei.value.msg == word
    assert ei.value.span[0] == pos


def test_deep_chain_does_not_recurse():
    src = "+".join(["1"] * 20000)
    b = parse(src)
    assert len(b.stmts[0].ops) == 19999


FLAT = ["1+2*3-4%5", "x:1;y:2", "a -1", "x,:y", "+/x", "count each x", "a:b:3", "f'x", "x::3",
        "-1+x", "neg x", "`a`b!1 2", '"s",x', "x+/:y", "i+:1", ":x", "'`e", "a;"]


@pytest.mark.parametrize("src", FLAT)
def test_flat_fast_path_equals_lark(src):
    """Lines without brackets take a fast path; it must build exactly what Lark builds."""
    from ktwa.syntax.lexer import tokenize
    flat = PARSER.parse_flat(tokenize(src))
    via_lark = PARSER.parse_lark(src, tokenize(src))
    assert repr(flat) == repr(via_lark)


def test_parse_cache_returns_the_same_tree_and_keeps_errors():
    # the same text parses once: a second parse hands back the very same (frozen) tree
    a = parse("f[1;`a]+{x*y}[2;3]")
    assert parse("f[1;`a]+{x*y}[2;3]") is a
    # bad syntax is reported every time, never remembered as a tree
    for _ in range(2):
        with pytest.raises(QError):
            parse("f[1")


def test_literals_are_read_only_so_a_cached_tree_cannot_change():
    from ktwa import Session
    s = Session()
    lit = parse("1 2 3").stmts[0].value
    assert not lit.flags.writeable
    # amending a variable that holds a literal copies; running the line again gives the literal
    assert s.console('a:1 2 3; a[0]:9; a+:1; a\na:1 2 3; a\n{x[0]:7; x} 1 2 3\n"abc"') == \
        '10 3 4\n1 2 3\n7 2 3\n"abc"\n'
    assert list(lit) == [1, 2, 3]


K_FLAT = ["#x", "*|x", "#'x", "3#'x", "count x", "x in y", "a:!5", "-x", "f:+", "x+:1",
          "1:x", ".d", ". d", "~@x"]


@pytest.mark.parametrize("src", K_FLAT)
def test_k_flat_fast_path_equals_lark(src):
    """The k reading takes the same two paths; they must agree too."""
    from ktwa.syntax.lexer import tokenize
    k = PARSER._k()
    flat = k.parse_flat(tokenize(src, 0, True))
    via_lark = k.parse_lark(src, tokenize(src, 0, True))
    assert repr(flat) == repr(via_lark)


def test_k_reading_of_a_verb_with_nothing_on_its_left():
    """In k a verb with nothing on its left is its unary form, each too; q keeps the verb (a
    projection when applied); a k) prefix and k=True read the same way, spans in the whole
    text; q keywords k does not know are KNames."""
    from ktwa.syntax import ast as A
    q = parse("#x").stmts[0]
    k = parse("k)#x").stmts[0]
    assert q.ops[0].verb.name == "#" and k.ops[0].verb.name == "#:"
    assert k.ops[0].span == (2, 3) and k.head.span == (3, 4)
    whole = PARSER.parse("#x", k=True).stmts[0]
    assert whole.ops[0].verb.name == "#:" and whole.ops[0].span == (0, 1)
    each = parse("k)#'x").stmts[0].ops[0].verb
    assert each.adverb == "'" and each.target.name == "#:"
    assert type(parse("k)count x").stmts[0].ops[0].fn) is A.KName
    assert type(parse("k)last x").stmts[0].ops[0].fn) is A.Name
    lam = parse("k)f:{#x}").stmts[0].head
    assert lam.source == "k){#x}" and lam.offset == lam.span[0] - 2   # carets count from k)


# Line breaks inside a lambda (a script's continuation lines): a break separates statements as
# `;` does, except where the line cannot end - after an opening or `;`, and after an infix verb
# still waiting for its right argument (ktorch's cct example ends a line `..],` and its docs
# show the two lists joined).
LINE_BREAKS = [
    ("{a:1 2,\n  3 4;\n a}[]", "1 2 3 4\n"),
    ("{x+\n  y}[1;2]", "3\n"),
    ("{$[x;1 2;3 4],\n  5 6}[1b]", "1 2 5 6\n"),
    ("{a:1;\n b:2;\n a+b}[]", "3\n"),
    # a line break in a lambda is a blank: a line without its `;` goes on (syntax.md)
    ("{neg\n  x}[3]", "-3\n"),
    ("{(+\n ;-)}[]~(+;-)", "1b\n"),
    # a numeric strand goes on over a line break onto an indented number (Q Tips' stat.q
    # writes its normal-inverse coefficient vectors over two lines of a lambda); q's exact
    # lexing here is not documented: this follows that author-run code
    ("count {(1 2\n  3 4)}[]", "4\n"),
    ("{(1 2\n  `a)}[]", "1 2\n`a\n"),
    ("{a:1 2\n  3 4;\n a}[]", "1 2 3 4\n"),
]


@pytest.mark.parametrize("src,shown", LINE_BREAKS, ids=[c[0] for c in LINE_BREAKS])
def test_line_breaks_in_a_lambda(src, shown):
    from ktwa import Session
    assert Session().console(src) == shown
