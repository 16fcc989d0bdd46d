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
