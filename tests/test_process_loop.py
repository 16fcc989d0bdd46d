"""The process around q code: how deep q may recurse, scripts whose bytes are not all UTF-8,
system commands q answers itself, and the timer (`\\t N`, .z.ts) in the console loop."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ktwa.cli import main
from ktwa.session import Session

ROOT = Path(__file__).resolve().parent.parent


def ktwa(*args, cwd, stdin=None, timeout=60):
    """`python -m ktwa args` in its own process (what redirects and timers touch is the
    process's own: stdout's file descriptor, its lifetime)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "ktwa", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def test_q_code_recurses_thousands_deep():
    # q's own 'stack comes from its stack size; ktwa gives lambdas room for several thousand
    # nested calls (this one failed near 1700 when Python's limit alone bounded it)
    s = Session()
    s.eval("down:{$[x;1+down x-1;0]}")
    assert s.console("down 5000") == "5000\n"
    assert s.console("{$[x;1+.z.s[x-1];0]} 4000") == "4000\n"     # through .z.s and $
    assert s.console("down 1000000").startswith("'stack\n")   # still a q error, not a crash
    assert s.console("down 3") == "3\n"


def test_the_depth_survives_a_library_that_lowers_the_limit():
    # jedi (IPython imports it) sets Python's recursion limit to 3000 when imported
    s = Session()
    s.eval("down:{$[x;1+down x-1;0]}")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(3000)
    try:
        assert s.console("down 5000") == "5000\n"
    finally:
        sys.setrecursionlimit(max(limit, sys.getrecursionlimit()))


def test_a_script_with_bytes_that_are_not_utf8(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # a Latin-1 byte in a string stays that byte; one after the closing \ is never read
    (tmp_path / "l1.q").write_bytes(b'a:"caf\xe9"\n-1 string count a;\n-1 string`int$last a;\n'
                                    b'\\\nnotes \xb7 in Latin-1\n')
    assert main(["l1.q"]) == 0
    assert capsys.readouterr().out == "4\n233\n"


def test_an_error_in_a_loaded_script_names_its_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inner.q").write_bytes(b"x:1\n\ny:x+`b\n\\\n\xb7\n")
    s = Session()
    assert s.console("\\l inner.q") == "'type\n  [0]  inner.q:3: y:x+`b\n                     ^\n"
    assert s.console("x") == "1\n"


def test_system_commands_q_answers_itself(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Session()
    (tmp_path / "old.txt").write_text("kept\n")
    assert s.console("\\r old.txt new.txt") == ""
    assert not (tmp_path / "old.txt").exists() and (tmp_path / "new.txt").read_text() == "kept\n"
    assert s.console("\\r gone.txt x.txt").startswith("'gone.txt. OS reports: No such file")
    assert s.console("\\r").startswith("'nyi")                 # replication's \r
    # q's answers that ktwa has no machinery behind: a port it does not listen on
    assert s.console("\\p") == "0i\n"
    assert s.console("\\p 5010").startswith("'nyi")
    assert s.console("\\_") == "0b\n"
    assert s.console("\\ls").startswith("'\\ls: system commands are not passed to the OS")


def test_z_reads_slashed_dates_month_or_day_first():
    s = Session()
    try:
        assert s.console("\\z") == "0i\n"          # q's docs show 0; ktwa answers ints as \P
        assert s.console('"D"$"03/04/2021"') == "2021.03.04\n"
        assert s.console("\\z 1") == ""
        assert s.console("\\z") == "1i\n"
        assert s.console('"D"$"03/04/2021"') == "2021.04.03\n"
        assert s.console('"D"$"13/04/2021"') == "2021.04.13\n"
        assert s.console("\\z 2").startswith("'domain")
    finally:
        s.console("\\z 0")                          # \z belongs to the process, as in q
    assert s.console('"D"$"13/04/2021"') == "0Nd\n"


def test_o_sets_the_offset_local_times_use():
    s = Session()
    assert s.console("\\o") == "0Ni\n"              # the machine's own offset
    s.console("\\o -5")
    assert s.console("\\o") == "-5i\n"
    assert s.eval("`int$`minute$.z.P-.z.p") in (-300, -301)
    s.console("\\o 390")                            # more than 23: minutes
    assert s.eval("`int$`minute$.z.P-.z.p") in (389, 390)
    assert s.console("\\o") == "390i\n"


def test_S_0N_saves_the_random_state_S_restores():
    s = Session()
    s.eval('x:system"S 0N"')
    assert s.console("\\S") == "-314159i\n"         # still the last seed a user set
    assert s.console('r:10?10;system"S ",string x;r~10?10') == "1b\n"
    assert s.console("\\S") == s.console("x")        # now the seed given back
    assert s.console("\\e") == "0i\n"
    assert s.console("\\e 1") == "" and s.console("\\e") == "1i\n"


def test_one_and_two_redirect_what_the_session_writes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Session()
    assert s.console('\\1 o/a.txt') == "" and s.console('\\2 o/b.txt') == ""
    assert s.console('til 2') == "" and s.console('1+`x') == "" and s.console('-1"w";') == ""
    assert s.console('\\1 /dev/stdin') == "" and s.console('\\2 /dev/stderr') == ""
    assert s.console('"back"') == '"back"\n'
    assert (tmp_path / "o/a.txt").read_text() == "0 1\nw\n"
    assert (tmp_path / "o/b.txt").read_text() == "'type\n  [0]  1+`x\n        ^\n"
    fenced = Session(files="read")
    assert fenced.console('\\1 o/c.txt').startswith("'")          # a write the fence refuses
    assert not (tmp_path / "o/c.txt").exists()


def test_one_and_two_redirect_the_process_output(tmp_path):
    typed = '\\1 logs/out.txt\n\\2 logs/err.txt\ntil 3\n-2 "to stderr";\n\\1 /dev/stdin\n"back"\n'
    r = ktwa(cwd=tmp_path, stdin=typed)
    assert r.returncode == 0 and r.stdout == '"back"\n'
    assert (tmp_path / "logs/out.txt").read_text() == "0 1 2\n"
    assert (tmp_path / "logs/err.txt").read_text() == "to stderr\n"


TICKS = ".z.ts:{n::n+1;-1\"tick \",string n;if[n=3;exit 5]}"


def test_timer_runs_after_a_script_until_exit(tmp_path):
    (tmp_path / "tick.q").write_text(f"n:0\n{TICKS}\n\\t 50\n-1\"set\";\n")
    r = ktwa("tick.q", cwd=tmp_path)
    assert (r.returncode, r.stdout) == (5, "set\ntick 1\ntick 2\ntick 3\n")
    r = ktwa("-c", "\\t", cwd=tmp_path)
    assert (r.returncode, r.stdout) == (0, "0i\n")               # no timer: nothing to wait for


def test_timer_runs_between_piped_inputs(tmp_path):
    # ticks come while the console waits for the next line; the timer off, input goes on
    script = ("import subprocess, sys, time\n"
              "p = subprocess.Popen([sys.executable, '-m', 'ktwa'], stdin=subprocess.PIPE,"
              " stdout=subprocess.PIPE, text=True)\n"
              "p.stdin.write('n:0\\n.z.ts:{n::n+1;if[n=3;system\"t 0\"]}\\n\\\\t 20\\n');"
              " p.stdin.flush()\n"
              "time.sleep(0.1)\n"
              "p.stdin.write('-1 \"waiting\";\\n'); p.stdin.flush()\n"
              "print(p.stdout.readline(), end='')\n"       # ktwa has started and run the lines
              "time.sleep(0.5)\n"
              "out, _ = p.communicate('n\\n\\\\t\\n')\n"
              "print(out, end='')\n")
    r = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                       text=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.stdout == "waiting\n3\n0i\n", r.stderr


def test_timer_runs_while_the_repl_waits():
    import io
    import threading
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from prompt_toolkit.history import InMemoryHistory
    from ktwa.repl import run_repl
    out = io.StringIO()
    s = Session(stdout=out, stderr=out)
    with create_pipe_input() as inp:
        inp.send_text(f"n:0\n{TICKS}\n\\t 30\n")
        guard = threading.Timer(20, inp.close)      # no ticks: the prompt would wait for ever
        guard.start()
        try:
            rc = run_repl(s, input=inp, output=DummyOutput(), history=InMemoryHistory(),
                          stdout=out, show_banner=False)
        finally:
            guard.cancel()
    assert (rc, out.getvalue()) == (5, "tick 1\ntick 2\ntick 3\n")


def test_text_file_verbs_take_a_plain_symbol_for_a_file(tmp_path, monkeypatch):
    # 0: read0 read1 can only mean a file: `f names the file f as `:f does (KX's bell.q)
    monkeypatch.chdir(tmp_path)
    s = Session()
    assert s.console('`notes 0:("ab";"cde")') == "`notes\n"
    assert (tmp_path / "notes").read_text() == "ab\ncde\n"
    assert s.console("read0`notes") == '"ab"\n"cde"\n'
    assert s.console("count read1`notes") == "7\n"
    assert s.console("read0`:notes") == '"ab"\n"cde"\n'


def test_redirected_output_takes_any_text(tmp_path, monkeypatch):
    """A lone surrogate in an input line (text made in Python) reaches a \\2 file as UTF-8
    would write it, and a raw byte a script kept (surrogateescape) as that byte: writing the
    error report never fails (the fuzzer found the escape)."""
    from ktwa.session import Session
    monkeypatch.chdir(tmp_path)
    s = Session()
    s.console("\\2 err.txt")
    s.console("\ud949 ")
    s.console("-2 \"ok\"")
    data = (tmp_path / "err.txt").read_bytes()
    assert data.startswith(b"'char") and b"\xed\xa5\x89" in data and data.endswith(b"ok\n")
