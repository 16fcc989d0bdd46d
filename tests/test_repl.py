"""The q) REPL, headless: prompt_toolkit's pipe input and DummyOutput."""
import io
import sys
import threading
import time
import _thread

import pytest
from prompt_toolkit.document import Document
from prompt_toolkit.history import FileHistory, InMemoryHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from pygments.token import Name

from ktwa.repl import KtwaLexer, QCompleter, run_repl, history_path, make_history
from ktwa.session import Session, split_statements

UP = "\x1b[A"
CTRL_C = "\x03"
TAB = "\t"


def repl(*keys: str, session=None, history=None):
    """Type keys at a fresh REPL; return (exit code, what it printed). Several arguments are
    typed one after another with a pause, as a person would (completion and history recall
    answer asynchronously)."""
    out = io.StringIO()
    s = session or Session(stdout=out, stderr=out)
    with create_pipe_input() as inp:
        def typist():
            for i, k in enumerate(keys):
                if i:
                    time.sleep(0.15)
                inp.send_text(k)
            inp.close()
        if len(keys) == 1:
            typist()
        else:
            threading.Thread(target=typist, daemon=True).start()
        rc = run_repl(s, input=inp, output=DummyOutput(), history=history or InMemoryHistory(),
                      stdout=out, show_banner=False)
    return rc, out.getvalue()


def test_results_and_errors_print_as_the_console():
    rc, out = repl("til 3\n1+`a\na:5\na*2\n")
    assert rc == 0
    assert out == "0 1 2\n'type\n  [0]  1+`a\n        ^\n10\n"


def test_minus_one_writes_through_the_session_not_after_the_input():
    live = io.StringIO()
    rc, out = repl('-1 "first"; 2\n', session=Session(stdout=live, stderr=live))
    assert (live.getvalue(), out) == ("first\n", "2\n")


def test_backslash_backslash_exits():
    rc, out = repl("1+1\n\\\\\n2+2\n")
    assert rc == 0 and out == "2\n"


def test_ctrl_d_exits():
    rc, out = repl("1\n\x04")
    assert (rc, out) == (0, "1\n")


def test_multiline_while_brackets_are_open():
    rc, out = repl("f:{[x]\nx+1}\nf 41\n(1;\n2)\n")
    assert out == "42\n1 2\n"


def test_history_recall_within_a_session():
    rc, out = repl("6*7\n", UP, "\n")
    assert out == "42\n42\n"


def test_history_persists_across_runs(tmp_path):
    path = str(tmp_path / "hist")
    repl("x:3\n1+2\n", history=FileHistory(path))
    s = Session()
    rc, out = repl(UP, UP, "\n", "x\n", session=s, history=FileHistory(path))
    assert out == "3\n"          # the recalled `x:3` printed nothing, then x
    assert "1+2" in open(path).read()


def test_history_file_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv("KTWA_HISTORY", str(tmp_path / "h"))
    assert history_path() == str(tmp_path / "h")
    assert isinstance(make_history(), FileHistory)
    monkeypatch.setenv("KTWA_HISTORY", "")
    assert isinstance(make_history(), InMemoryHistory)


def test_ctrl_c_clears_the_line():
    rc, out = repl("1+`oops" + CTRL_C + "2+2\n")
    assert out == "4\n"


def test_ctrl_c_stops_a_running_evaluation():
    class Slow(Session):
        def run(self, src, *args, **kw):
            if src.startswith("while"):
                threading.Timer(0.2, _thread.interrupt_main).start()
            return super().run(src, *args, **kw)

    rc, out = repl("i:0\nwhile[1b;i+:1]\n1+1\n", session=Slow())
    assert out == "'stop\n2\n"


def test_tab_completes_a_unique_name():
    s = Session()
    s.eval("alphabeta:42")
    rc, out = repl("alphab", TAB, "\n", session=s)
    assert out == "42\n"


@pytest.fixture(scope="module")
def completer():
    s = Session()
    s.eval("d:`alpha`beta!1 2; t:([]sym:`IBM`MSFT;px:1 2); kt:([k:`a`b]v:1 2); cnt:3")
    return QCompleter(s)


def names(c, text):
    return [x.text for x in c.get_completions(Document(text), None)]


def test_completion_candidates(completer):
    c = completer
    assert names(c, "cn") == ["cnt"]
    assert {"copyparms", "cols", "count", "cos"} <= set(names(c, "co"))     # api and q
    assert "til" in names(c, "ti")
    assert "select" in names(c, "sel")
    assert names(c, "d`") == ["alpha", "beta"]                  # keys of dict d
    assert names(c, "d`b") == ["beta"]
    assert names(c, "t`") == ["sym", "px"]                       # columns of table t
    assert names(c, "kt`") == ["k", "v"]
    assert "MSFT" in names(c, "`M")                              # symbols in a column
    assert names(c, 'x:"co') == []                               # nothing inside strings
    assert ".Q.s" in names(c, ".Q.")
    kinds = {x.text: x.display_meta_text for x in c.get_completions(Document("av"), None)}
    assert kinds["avgparms"] == "api" and kinds["avg"] == "q"


def test_completion_replaces_the_word(completer):
    (comp,) = completer.get_completions(Document("1+d`al"), None)
    assert (comp.text, comp.start_position) == ("alpha", -2)


def test_highlighting_knows_ktwa_names():
    toks = [(t, v) for t, v in KtwaLexer().get_tokens("p:copyparms m; til 3") if v.strip()]
    assert (Name.Function, "copyparms") in toks
    assert (Name.Builtin, "til") in toks


def _inputs(text):
    return [st.text for st in split_statements(text, script=False)]


def test_typed_input_keeps_open_brackets_together():
    assert _inputs("f:{[x]\nx+1}\nf 2") == ["f:{[x]\nx+1}", "f 2"]
    assert _inputs("a:1\nb:2") == ["a:1", "b:2"]


def test_pasted_lines_stand_alone_after_an_error():
    """Each typed line is its own input: an error in one does not stop the next."""
    out = io.StringIO()
    err = Session().run("1+`a\n2+3", out=out, keep_going=True)
    assert err is not None and err.msg == "type"
    assert out.getvalue() == "'type\n  [0]  1+`a\n        ^\n5\n"


def test_every_frame_shows_alike_in_the_repl_c_pipe_and_scripts(tmp_path, monkeypatch, capsys):
    """An error inside nested lambdas: the same frames, innermost first, wherever it is typed;
    only the outermost [0] line differs (the input, or file:line in a script)."""
    from ktwa.cli import main
    defs = "f:{g x}\ng:{h[x]+1}\nh:{x+`a}\n"
    frames = ("'type\n  [3]  h:{x+`a}\n           ^\n  [2]  g:{h[x]+1}\n          ^\n"
              "  [1]  f:{g x}\n          ^\n")
    rc, out = repl(defs + "f 1\n")
    assert out == frames + "  [0]  f 1\n       ^\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(defs + "f 1\n"))
    assert main([]) == 0
    assert capsys.readouterr().out == frames + "  [0]  f 1\n       ^\n"
    assert main(["-c", defs.replace("\n", ";") + "f 1"]) == 1
    line = "f:{g x};g:{h[x]+1};h:{x+`a};f 1"
    assert capsys.readouterr().err == frames + f"  [0]  {line}\n       {' ' * line.index('f 1')}^\n"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.kt").write_text(defs + "f 1\n")
    assert main(["e.kt"]) == 1
    assert capsys.readouterr().err == frames + "  [0]  e.kt:4: f 1\n               ^\n"


def test_prompt_shows_the_current_namespace():
    from ktwa.session import Session
    s = Session()
    assert s.prompt == "q)"
    s.run("\\d .foo", out=io.StringIO())
    assert s.prompt == "q.foo)"
    s.run("\\d .", out=io.StringIO())
    assert s.prompt == "q)"


def test_a_lone_backslash_toggles_k_and_its_prompt():
    """syscmds.md: `\\` at the console switches to k (prompt two blanks) and back."""
    import io
    from ktwa.session import Session
    s = Session()
    assert s.prompt == "q)"
    assert s.run("\\", out=io.StringIO()) is None
    assert s.prompt == "  "
    assert s.console("#1 2") == "2\n" and s.eval("!3").tolist() == [0, 1, 2]
    s.run("\\", out=io.StringIO())
    # q has no unary syntax for operators (parsetrees.md): in q, #x is an error
    assert s.prompt == "q)" and s.console("#1 2").startswith("'#\n")
