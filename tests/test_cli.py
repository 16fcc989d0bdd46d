"""`ktwa FILE.kt [args]`, `ktwa -c`, `ktwa -i`, stdin: exit codes, error text, \\l, .z.x."""
import io
import os
import subprocess
import sys

import pytest

from ktwa.cli import main


@pytest.fixture
def cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return str(path)


def test_script_args_are_strings_in_zx(cwd, capsys):
    write(cwd / "a.kt", "show .z.x\n-1 string .z.f;\n")
    assert main(["a.kt", "alpha", "-x", "7"]) == 0
    assert capsys.readouterr().out == '"alpha"\n"-x"\n,"7"\na.kt\n'


def test_q_options_are_read_by_q_not_left_in_zx(cwd, capsys):
    # cmdline.md/dotz.md: q's single-letter options (and their parameters) are q's own; the
    # timer's -t and the display's -P -c take effect, a -p port ktwa cannot open is reported
    write(cwd / "o.q", "show .z.x\nshow system\"t\"\nshow system\"P\"\nshow system\"c\"\n"
          "\\t 0\n")
    assert main(["o.q", "-t", "50", "-eod", "16:00", "-P", "3", "-c", "10", "60", "-q",
                 "-p", "5001", "-b", "-db", "x"]) == 0
    cap = capsys.readouterr()
    assert cap.out == '"-eod"\n"16:00"\n"-db"\n,"x"\n50i\n3i\n10 60i\n'
    assert cap.err.startswith("'nyi: \\p n: ktwa does not listen for connections\n")
    assert cap.err.endswith("'nyi: -b: ktwa has no such q option\n")


def test_uncaught_error_names_file_and_line_and_exits_1(cwd, capsys):
    write(cwd / "e.kt", "a:1\n/ a comment\nb:a+`a\n-1 \"never\";\n")
    assert main(["e.kt"]) == 1
    cap = capsys.readouterr()
    assert cap.out == ""
    assert cap.err == "'type\n  [0]  e.kt:3: b:a+`a\n                  ^\n"


def test_error_inside_a_lambda_of_a_continued_statement(cwd, capsys):
    write(cwd / "f.kt", "f:{[x]\n  x+`a}\nf 1\n")
    assert main(["f.kt"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("'type\n") and "x+`a" in err and "f.kt:3: f 1" in err


def test_missing_script(cwd, capsys):
    assert main(["nosuch.kt"]) == 1
    assert capsys.readouterr().err.startswith("'nosuch.kt. OS reports: No such file")


def test_load_relative_paths_from_cwd(cwd, capsys):
    write(cwd / "lib" / "util.kt", "double:{2*x}\n-1 \"loaded\";\n")
    write(cwd / "main.kt", "\\l lib/util.kt\nsystem\"l lib/util.kt\"\n-1 string double 21;\n")
    assert main(["main.kt"]) == 0
    assert capsys.readouterr().out == "loaded\nloaded\n42\n"


def test_shebang_line_is_ignored_and_echo_of_values(cwd, capsys):
    write(cwd / "s.kt", "#!/usr/bin/env ktwa\n1+1\nx:3\nx\n")
    assert main(["s.kt"]) == 0
    assert capsys.readouterr().out == "2\n3\n"


def test_minus_one_and_minus_two_go_to_stdout_and_stderr(cwd, capsys):
    write(cwd / "o.kt", "-1 \"to out\";\n-2 \"to err\";\n")
    assert main(["o.kt"]) == 0
    cap = capsys.readouterr()
    assert (cap.out, cap.err) == ("to out\n", "to err\n")


def test_exit_code_from_the_script(cwd, capsys):
    write(cwd / "x.kt", "exit 3\n-1 \"never\";\n")
    assert main(["x.kt"]) == 3
    write(cwd / "q.kt", "1\n\\\\\n2\n")
    assert main(["q.kt"]) == 0
    assert capsys.readouterr().out == "1\n"


def test_c_prints_what_the_console_shows(capsys):
    assert main(["-c", "1+1"]) == 0
    assert main(["-c", "a:til 3;a"]) == 0
    assert main(["-c", "-1 \"x\"; -2 \"y\";"]) == 0
    cap = capsys.readouterr()
    assert (cap.out, cap.err) == ("2\n0 1 2\nx\n", "y\n")


def test_c_error_exits_1(capsys):
    assert main(["-c", "1+`a"]) == 1
    assert capsys.readouterr().err == "'type\n  [0]  1+`a\n        ^\n"


def test_piped_stdin_is_console_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("f:{[x]\nx*2}\nf 21\n1+`a\n3\n"))
    assert main([]) == 0
    assert capsys.readouterr().out == "42\n'type\n  [0]  1+`a\n        ^\n3\n"


def test_read0_0_reads_a_console_line(cwd, monkeypatch, capsys):
    """handles.md: a script prompts with `1 x` and reads the answer with `read0 0`."""
    write(cwd / "ask.kt", 's:{1 x;read0 0}"Next track: "\n-1 "got ",s;\n')
    monkeypatch.setattr(sys, "stdin", io.StringIO("Bewlay Brothers\n"))
    assert main(["ask.kt"]) == 0
    assert capsys.readouterr().out == "Next track: got Bewlay Brothers\n"


def test_handle_0_evaluates_in_this_session(capsys):
    assert main(["-c", 'a:0 "2+3"; 0 (+;a;1)']) == 0
    assert capsys.readouterr().out == "6\n"
def test_read0_0_reads_the_next_line_of_console_input(monkeypatch, capsys):
    # read0.md: read0 0 takes a line the user types; piped, the line after the input
    monkeypatch.setattr(sys, "stdin", io.StringIO('1"? ";a:read0 0\nkestrel\ncount a\nread0 0\n'))
    assert main([]) == 0
    assert capsys.readouterr().out == '? 7\n""\n'


def test_i_stays_after_the_script(cwd, monkeypatch, capsys):
    write(cwd / "i.kt", "a:41\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO("a+1\n"))
    assert main(["-i", "i.kt"]) == 0
    assert capsys.readouterr().out == "42\n"


def test_executable_script_as_a_process(cwd):
    path = write(cwd / "run.kt", "#!/usr/bin/env ktwa\n-1 \"hi \",first .z.x;\n1+`a\n")
    os.chmod(path, 0o755)
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    p = subprocess.run([path, "there"], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 1
    assert p.stdout == "hi there\n"
    label = f"  [0]  {path}:3: "
    assert p.stderr == f"'type\n{label}1+`a\n" + " " * (len(label) + 1) + "^\n"


def test_nproc_runs_a_script_or_source_not_the_repl(cwd, capsys):
    """`ktwa --nproc N` starts N ranks of a script (tests/test_distributed.py runs it); without
    one there is nothing for the ranks to run."""
    assert main(["--nproc", "2"]) == 2
    assert capsys.readouterr().err == ("ktwa: --nproc runs a script or -c source on every rank, "
                                       "not the REPL\n")
    assert main(["--nproc", "2", "-i", "a.kt"]) == 2
    capsys.readouterr()
    assert main(["--nproc", "0", "a.kt"]) == 2
    assert capsys.readouterr().err == "ktwa: --nproc expects a positive number of processes\n"


def test_rank_argv_keeps_what_each_rank_needs():
    import argparse
    from ktwa.cli import _rank_argv
    ns = argparse.Namespace(files="read", root="/d", backend="gloo", timeout=5.0,
                            src=None, file="t.kt", args=["x", "--nproc"])
    assert _rank_argv(ns) == ["--files", "read", "--root", "/d", "--backend", "gloo",
                              "--timeout", "5.0", "t.kt", "x", "--nproc"]
    ns = argparse.Namespace(files="all", root=None, backend=None, timeout=None, src="-1 1",
                            file=None, args=[])
    assert _rank_argv(ns) == ["-c=-1 1"]


def test_ctrl_c_in_a_script_names_the_lines_it_stopped_in(cwd, capsys, monkeypatch):
    """Ctrl-C while a loaded script runs: `'stop`, then the line of each script on the way."""
    from ktwa.session import Session
    real = Session._run

    def interrupted(self, text, k=False):
        if text.startswith("slow"):
            raise KeyboardInterrupt
        return real(self, text, k)

    monkeypatch.setattr(Session, "_run", interrupted)
    write(cwd / "inner.kt", "a:1\n\nslow 5\n-1\"never\";\n")
    write(cwd / "outer.kt", "b:2\n\\l inner.kt\n")
    assert main(["outer.kt"]) == 1
    cap = capsys.readouterr()
    assert cap.out == ""
    assert cap.err == ("'stop\n  [1]  inner.kt:3: slow 5\n                   ^\n"
                       "  [0]  outer.kt:2: \\l inner.kt\n                   ^\n")


def test_minus_one_and_two_write_a_strings_bytes_as_they_are(cwd):
    # q writes bytes: "\377" is the byte 0xff, not U+FFFD (its UTF-8 ef bf bd), and bytes that
    # are UTF-8 pass as they are
    path = write(cwd / "b.kt", '-1 "\\377a\\303\\251";\n-2 "\\376";\n')
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PYTHONPATH=root)
    p = subprocess.run([sys.executable, "-m", "ktwa", path], capture_output=True, env=env,
                       timeout=120)
    assert p.returncode == 0
    assert p.stdout == b"\xffa\xc3\xa9\n"
    assert p.stderr == b"\xfe\n"
