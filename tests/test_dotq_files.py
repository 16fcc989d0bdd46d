"""The .Q functions that read files a line at a time: .Q.fs/.Q.fsn (and .Q.fps/.Q.fpn, which
read a named pipe the same way) hand f lumps of whole lines and return the bytes read."""
import os

import pytest

from ktwa.session import Session

TEXT = "".join(f"row{i},{i * i}\n" for i in range(40))       # 40 lines, 7..11 bytes each


@pytest.fixture
def s(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rows.csv").write_text(TEXT)
    return Session()


def test_fs_gives_all_lines_in_one_lump_and_returns_the_size(s):
    s.eval("seen:(); .Q.fs[{seen::seen,enlist x}]`:rows.csv")
    assert s.eval(".Q.fs[{seen::seen,enlist x}]`:rows.csv") == len(TEXT)
    assert s.eval("count seen") == 2 and s.eval("count first seen") == 40
    assert s.console("first first seen") == '"row0,0"\n'


@pytest.mark.parametrize("n", [1, 9, 25, 100, 10**6])
def test_fsn_lumps_hold_whole_lines_in_order(s, n):
    s.eval(f"lumps:(); r:.Q.fsn[{{lumps::lumps,enlist x}};`:rows.csv;{n}]")
    assert s.eval("r") == len(TEXT)
    lines = [bytes(x).decode() for lump in s.eval("lumps") for x in lump]
    assert lines == TEXT.splitlines()
    if n >= 25:                      # lumps of about n bytes: none much bigger than asked
        sizes = [sum(len(x) + 1 for x in lump) for lump in s.eval("lumps")]
        assert all(z <= n + 12 for z in sizes)


def test_fsn_a_last_line_without_newline(s, tmp_path):
    (tmp_path / "t.txt").write_text("a\nbb\nccc")
    s.eval("l:(); n:.Q.fsn[{l::l,x};`:t.txt;4]")
    assert s.console("l") == ',"a"\n"bb"\n"ccc"\n'
    assert s.eval("n") == 8


def test_fsn_parses_lumps_with_0_colon(s):
    s.eval('t:(); .Q.fsn[{t::t,flip`s`v!("SJ";",")0:x};`:rows.csv;50]')
    assert s.eval("count t") == 40 and s.eval("sum t`v") == sum(i * i for i in range(40))


def test_fpn_reads_a_named_pipe(s, tmp_path):
    import threading
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(TEXT))
    writer.start()
    assert s.eval("c:0; .Q.fps[{c::c+count x};`:p]") == len(TEXT)
    writer.join()
    assert s.eval("c") == 40


@pytest.mark.parametrize("src,err", [
    (".Q.fs[::]`:missing.txt", "'missing.txt. OS reports: No such file or directory"),
    (".Q.fsn[::;`:rows.csv;0]", "'domain"),
    (".Q.fsn[::;`:rows.csv;2.5]", "'type"),
    ('.Q.fs[::]"rows.csv"', "'type"),
])
def test_errors(s, src, err):
    assert s.console(src).split("\n")[0] == err
