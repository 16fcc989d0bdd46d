"""System commands `\\w` (memory, in q's 6-long shape) and `\\cd` (the working directory)."""
import os
import sys

import numpy as np
import pytest

from ktwa.session import Session


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="\\w reads /proc (Linux)")
def test_w_is_q_shape_and_counts_tensor_bytes_once():
    s = Session()
    w0 = s.eval("\\w")
    assert isinstance(w0, np.ndarray) and w0.dtype == np.int64 and len(w0) == 6
    used, rss, peak, wmax, mmap, phys = w0.tolist()
    assert used == 0 and 0 < rss <= peak <= phys and wmax == mmap == 0
    s.eval("m:module enlist(`linear;1000;1000)")
    assert s.eval("\\w")[0] == 4004000 == s.eval("bytes m")          # 1000*1000+1000 reals
    s.eval("p:parms m; q:addref m; p2:copyparms m")                    # views, a second handle
    assert s.eval("\\w")[0] == 2 * 4004000                             # ... and one copy
    s.eval("o:opt(`adam;m); x:tensor 1000#1e; mo:model(addref m; loss`mse; o)")
    assert s.eval("\\w")[0] == 2 * 4004000 + 4000                    # the input
    s.eval("y:forward(m;x)")
    assert s.eval("\\w")[0] == 2 * 4004000 + 8000                    # and the output
    assert s.eval("\\w")[2] >= s.eval("\\w")[1]                        # peak >= resident
    assert s.console("\\w 1000").startswith("'nyi")                    # no limit to set
    s.eval("zz:`apple`pie!`apple`crumble")
    syms, symw = s.eval("\\w 0").tolist()                              # distinct symbols held
    assert syms >= 3 and symw >= len("apple pie crumble") + 1
    w = s.eval(".Q.w[]")
    assert list(w.keys) == "used heap peak wmax mmap mphy syms symw".split()
    assert w.values.tolist() [6:] == [syms, symw]


def test_w_elsewhere_is_nyi(monkeypatch):
    import builtins
    real = builtins.open

    def no_proc(path, *a, **k):
        if str(path).startswith("/proc/"):
            raise FileNotFoundError(2, "No such file or directory")
        return real(path, *a, **k)
    monkeypatch.setattr(builtins, "open", no_proc)
    assert Session().console("\\w").startswith(f"'nyi: \\w reads process memory from /proc, "
                                               f"which {sys.platform}")


def test_cd_gets_and_sets_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Session()
    assert s.console("\\cd") == f'"{tmp_path}"\n'
    (tmp_path / "sub").mkdir()
    assert s.console("\\cd sub") == ""
    assert os.getcwd() == str(tmp_path / "sub")
    assert s.eval('system"cd"').tobytes().decode() == str(tmp_path / "sub")
    assert s.console("\\cd nosuch") == ("'nosuch. OS reports: No such file or directory\n"
                                        "  [0]  \\cd nosuch\n       ^\n")
    assert os.getcwd() == str(tmp_path / "sub")                        # unchanged


def test_exit_calls_z_exit_first(capsys):
    from ktwa.errors import QExit
    s = Session()
    s.eval(".z.exit:{got::x}")
    with pytest.raises(QExit) as e:
        s.eval("exit 7")
    assert e.value.code == 7 and s.eval("got") == 7
    with pytest.raises(QExit) as e:
        s.eval("\\\\")
    assert e.value.code == 0 and s.eval("got") == 0
    s.eval(".z.exit:{'`nope}")                  # an error in it is reported; the exit goes on
    capsys.readouterr()
    with pytest.raises(QExit) as e:
        s.eval("exit 1")
    assert e.value.code == 1 and capsys.readouterr().err.startswith("'nope")
    s.eval("\\x .z.exit")
    assert s.console("exit`a").startswith("'type")
