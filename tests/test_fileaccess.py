"""The file fence (ktwa.fileaccess): Session(files=..., root=...) and `ktwa --files/--root`."""
import os

import pytest

from ktwa.cli import main
from ktwa.session import Session


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "a.q").write_text("x:1\n")
    (root / "sub" / "b.q").write_text("y:2\n")
    (tmp_path / "secret.q").write_text("z:3\n")
    (root / "link.q").symlink_to(tmp_path / "secret.q")
    return tmp_path, root


def test_root_keeps_q_code_inside(tree):
    tmp, root = tree
    s = Session(root=root)
    s.eval(r"\l a.q")
    s.eval(r"\l sub/b.q")
    assert (s.eval("x"), s.eval("y")) == (1, 2)
    for name in ["../secret.q", str(tmp / "secret.q"), "link.q", "sub/../../secret.q"]:
        assert s.console("\\l " + name) == "'access\n  [0]  \\l " + name + "\n       ^\n", name
        assert s.console(f'read1`$":{name}"').startswith("'access"), name
    assert s.console("z").startswith("'z")


def test_read_only_and_none(tree):
    _, root = tree
    ro = Session(files="read", root=root)
    assert ro.console("count read1`:a.q") == "4\n"
    none = Session(files="none")
    assert none.console("read1`:a.q").startswith("'access")
    assert none.console(r"\l a.q").startswith("'access")


def test_unfenced_is_as_q(tree):
    tmp, root = tree
    s = Session()
    assert s.console(f"count read1`$\":{tmp / 'secret.q'}\"") == "4\n"


def test_system_commands_never_reach_the_shell(tree):
    s = Session()
    assert s.console(r"\ls").startswith("'")
    assert s.console('system"ls"').startswith("'")


def test_cli_flags(tree, monkeypatch, capsys):
    tmp, root = tree
    script = tmp / "main.kt"
    script.write_text('\\l a.q\n-1 string x;\n\\l ../secret.q\n')
    monkeypatch.chdir(tmp)
    assert main(["--root", str(root), str(script)]) == 1
    cap = capsys.readouterr()
    assert cap.out == "1\n" and cap.err.startswith("'access")
    assert main(["--files", "none", "-c", "read1`:main.kt"]) == 1
    assert capsys.readouterr().err.startswith("'access")


def test_the_file_verbs_are_fenced(tree):
    tmp, root = tree
    ro = Session(files="read", root=root)
    assert ro.console("count read0`:a.q") == "1\n"
    assert ro.console("hcount`:a.q") == "4\n"
    for src in ["`:out set 1 2 3", "`:out.txt 0: enlist\"x\"", "hdel`:a.q", "`:b 1: 0x01",
                "t:([]a:1 2); save`t"]:
        assert ro.console(src).startswith("'access"), src
    assert (root / "a.q").exists() and not (root / "out").exists()
    rw = Session(root=root)
    assert rw.console("`:out set 1 2 3") == "`:out\n"
    assert rw.console("get`:out") == "1 2 3\n"
    assert (root / "out").exists()
    for src in ["read0`:../secret.q", "`:../x set 1", "key`:..", "get`:link.q"]:
        assert rw.console(src).startswith("'access"), src


def test_segments_outside_the_root_are_refused(tmp_path, monkeypatch):
    # a segmented database whose par.txt names a folder beside the root: the fence refuses it
    # before listing it; a segment inside the root loads
    root = tmp_path / "root"
    root.mkdir()
    w = Session()
    monkeypatch.chdir(tmp_path)
    w.eval("`:out/2020.01.01/t/ set ([]a:1 2)")
    w.eval("`:root/seg/2020.01.02/t/ set ([]a:enlist 3)")
    (root / "db").mkdir()
    (root / "db" / "par.txt").write_text("../../out\n")
    s = Session(root=root)
    assert s.console(r"\l db").startswith("'access")
    (root / "db" / "par.txt").write_text("../seg\n")
    s.console(r"\l db")
    assert s.console("exec a from t") == ",3\n"


def test_a_fenced_session_leaves_the_environment_alone(tree):
    _, root = tree
    s = Session(files="read", root=root)
    assert s.console('`KTWA_FENCED setenv "x"').startswith("'access")
    assert "KTWA_FENCED" not in os.environ
