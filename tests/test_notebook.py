"""`%load_ext ktwa` in IPython: %%q cells, %q, %q_get/%q_put, HTML tables, handles, errors;
and examples/notebook.ipynb run end to end by nbclient."""
from pathlib import Path

import numpy as np
import pytest

IPython = pytest.importorskip("IPython")
from IPython.core.interactiveshell import InteractiveShell  # noqa: E402

from ktwa import notebook as nb  # noqa: E402
from ktwa.values.types import QDict, QTable  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ip():
    shell = InteractiveShell.instance()
    shell.run_line_magic("load_ext", "ktwa")
    yield shell
    InteractiveShell.clear_instance()


def test_cell_prints_earlier_values_and_returns_the_last(ip, capsys):
    r = ip.run_cell_magic("q", "", "a:til 3\na\n1+a")
    assert capsys.readouterr().out == "0 1 2\n"
    assert repr(r) == "1 2 3"
    assert r._repr_html_() is None            # plain values are console text
    assert ip.run_cell_magic("q", "", "b:1") is None


def test_kt_is_q_and_line_magic(ip):
    assert repr(ip.run_cell_magic("kt", "", "2*21")) == "42"
    assert repr(ip.run_line_magic("q", "`a`b!1 2")) == "a| 1\nb| 2"


def test_tables_and_dicts_render_as_html(ip):
    r = ip.run_cell_magic("q", "", "t:([]x:1 2;s:`a`b)\nt")
    assert isinstance(r.value, QTable)
    assert repr(r) == "x s\n---\n1 a\n2 b"
    html = r._repr_html_()
    assert "<table" in html and "<th" in html and ">a</td>" in html
    kt = ip.run_line_magic("q", "([k:`x`y]v:10 20)")
    assert "<table" in kt._repr_html_()
    d = ip.run_line_magic("q", "`a`b!1 2")
    assert isinstance(d.value, QDict) and "<table" in d._repr_html_()


def test_handles_show_class_device_and_size(ip):
    r = ip.run_cell_magic("q", "", "w:tensor 2 3#1e\nw")
    assert repr(r).endswith("/ class `tensor, device `cpu, size 2 3")
    assert "class `tensor" in r._repr_html_()
    m = ip.run_line_magic("q", "module enlist(`linear;2;1)")
    assert "class `module" in repr(m)
    assert "class" not in repr(ip.run_line_magic("q", "enlist 5"))   # a vector, no handle


def test_an_error_fails_the_cell_with_q_text_not_a_traceback(ip, capsys):
    with pytest.raises(nb.QCellError) as ei:
        ip.run_cell_magic("q", "", "-1 \"before\";\n1+`a\n-1 \"after\";")
    cap = capsys.readouterr()
    assert cap.out == "before\n" and cap.err == ""
    assert ei.value._render_traceback_() == ["'type", "  [0]  1+`a", "        ^"]
    assert ei.value.msg == "type"
    with pytest.raises(nb.QCellError) as ei:
        ip.run_line_magic("q_get", "nosuch")
    assert ei.value._render_traceback_()[0] == "'nosuch"
    with pytest.raises(nb.QCellError) as ei:
        ip.run_line_magic("q_put", "nosuch_py")
    assert ei.value._render_traceback_() == ["'nosuch_py"]
    with pytest.raises(nb.QCellError):
        ip.run_line_magic("q", "1+`a")


def test_ipython_shows_the_q_report_and_marks_the_cell_failed(ip, capsys):
    r = ip.run_cell("%%q\nf:{x+`a}\nf 1")
    assert not r.success and isinstance(r.error_in_exec, nb.QCellError)
    out = capsys.readouterr()
    text = out.out + out.err
    assert "'type\n  [1]  f:{x+`a}\n" in text and "Traceback" not in text


def test_continue_keeps_going_and_prints_errors(ip, capsys):
    r = ip.run_cell_magic("q", "--continue", "1+`a\nz:2\nz*3")
    assert repr(r) == "6"
    assert capsys.readouterr().err == "'type\n  [0]  1+`a\n        ^\n"
    from IPython.core.error import UsageError
    with pytest.raises(UsageError):
        ip.run_cell_magic("q", "--nosuch", "1")


def test_values_move_both_ways(ip):
    ip.user_ns.update(arr=np.arange(4.0), dd={"a": 1, "b": [1, 2, 3]}, n=7)
    ip.run_line_magic("q_put", "arr")
    ip.run_line_magic("q_put", "dd")
    ip.run_line_magic("q_put", "n qn")
    assert repr(ip.run_line_magic("q", "arr")) == "0 1 2 3f"
    assert repr(ip.run_line_magic("q", "dd")) == "a| 1\nb| 1 2 3"
    assert repr(ip.run_line_magic("q", "type qn")) == "-7h"
    ip.run_cell_magic("q", "", "t:([]x:1 2;s:`a`b); s:\"text\"")
    ip.run_line_magic("q_get", "t")
    ip.run_line_magic("q_get", "s py_s")
    assert list(ip.user_ns["t"]) == ["x", "s"]
    np.testing.assert_array_equal(ip.user_ns["t"]["x"], [1, 2])
    assert ip.user_ns["py_s"] == "text"
    nb.push("z", [1.5, 2.5], shell=ip)
    np.testing.assert_array_equal(nb.pull("z", shell=ip), [1.5, 2.5])


def test_torch_objects_move_both_ways(ip):
    import torch
    net = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.BatchNorm1d(3))
    b0 = net[0].bias.detach().clone()
    ip.user_ns["net"] = net
    ip.run_line_magic("q_put", "net q")
    r = ip.run_cell_magic("q", "", "p:copyparms q\nparm(q;`0.bias;3#1e)\navgparms(q;p)\n"
                                   "copyparms(q;p);\nq")
    assert "class `module" in repr(r)
    torch.testing.assert_close(net[0].bias.detach(), (b0 + 1) / 2)   # q averaged net itself
    ip.run_line_magic("q_get", "q back")
    assert ip.user_ns["back"] is net
    nb.push("sd", net.state_dict(), shell=ip)
    assert repr(ip.run_line_magic("q", "class sd")) == "`dictionary"


@pytest.mark.parametrize("py, q", [
    (3, "3"), (2.5, "2.5"), (True, "1b"), ("abc", "`abc"), (b"ab", "\"ab\""), (None, "::"),
    ([1, 2], "1 2"), ([1, "a"], "(1;`a)"), (["a", "b"], "`a`b"), ([], "()"),
    (np.array([1, 2], dtype=np.int32), "1 2i"), (np.float32(1.5), "1.5e"),
    (np.array(["x", "y"]), "`x`y"), (np.arange(4).reshape(2, 2), "(0 1;2 3)"),
    ({"a": 1, "b": 2}, "`a`b!1 2"), ({"c": [1, 2], "d": [3.0, 4.0]}, "`c`d!(1 2;3 4f)"),
])
def test_to_q(py, q):
    from ktwa.values.types import match
    s = nb.Session()
    s.push("v", py)
    assert match(s.eval("v"), s.eval(q)), (py, q)


def test_sessions_are_per_shell(ip):
    assert nb.session(ip) is nb.session(ip)
    other = object.__new__(type("Shell", (), {}))
    assert nb.session(other) is not nb.session(ip)


@pytest.fixture
def kernel_env(monkeypatch):
    """Kernels import this checkout's ktwa (not whichever one pip installed)."""
    import os
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))


def test_example_notebook_runs(tmp_path, monkeypatch, kernel_env):
    # a tiny model: one OpenMP thread, else on a busy shared machine each batch-norm call spins
    # for tens of milliseconds (measured 100x slower with 2 threads at load 4 on 2 cores)
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    book = nbformat.read(ROOT / "examples" / "notebook.ipynb", as_version=4)
    client = nbclient.NotebookClient(book, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outs = [o for c in book.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outs if o.output_type == "error"]
    html = [o for o in outs if "text/html" in o.get("data", {})]
    assert any("<table" in o["data"]["text/html"] for o in html)
    texts = [o["data"]["text/plain"] for o in outs if "text/plain" in o.get("data", {})]
    assert any("class `model" in t for t in texts)
    assert any(t.startswith("last    |") and "averaged|" in t for t in texts)
    errs = [o.text for o in outs if o.output_type == "stream" and o.name == "stderr"]
    assert any(e.startswith("'parm") for e in errs)     # the deliberate `--continue` error cell


def _run_book(tmp_path, sources, allow_errors):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    client = nbclient.NotebookClient(book, timeout=60, kernel_name="python3",
                                     allow_errors=allow_errors,
                                     resources={"metadata": {"path": str(tmp_path)}})
    return book, client


def test_a_q_error_stops_run_all(tmp_path, kernel_env):
    """What `jupyter nbconvert --execute` and Run All see: the error cell fails, cells after it
    do not run; the cell's error output is q's report, not a Python traceback."""
    nbclient = pytest.importorskip("nbclient")
    book, client = _run_book(tmp_path, ["%load_ext ktwa", "%%q --continue\n1+`a\nok:1b",
                                        "%%q\na:1\n1+`a", "%%q\nnever:1b"], False)
    with pytest.raises(nbclient.exceptions.CellExecutionError) as ei:
        client.execute()
    assert "'type" in str(ei.value)
    cont, failed, after = book.cells[1:]
    assert [o.output_type for o in cont.outputs] == ["stream"]       # printed, cell ok
    assert cont.outputs[0].name == "stderr" and cont.outputs[0].text.startswith("'type")
    err = [o for o in failed.outputs if o.output_type == "error"]
    assert len(err) == 1 and err[0].ename == "QCellError" and err[0].evalue == "type"
    assert err[0].traceback == ["'type", "  [0]  1+`a", "        ^"]
    assert after.outputs == [] and after.get("execution_count") is None


@pytest.mark.parametrize("py, q", [
    # numpy counts datetimes from 1970, q from 2000: the boundary converts, it never relabels
    (np.array(["2024-01-31", "NaT"], dtype="M8[D]"), "2024.01.31 0N"),
    (np.datetime64("2024-01-31T12:30:00.000000001", "ns"), "2024.01.31D12:30:00.000000001"),
    (np.array(["2024-01"], dtype="M8[M]"), "enlist 2024.01m"),
    (np.array([750], dtype="m8[m]"), "enlist 12:30"),
    (np.array([1], dtype="m8[h]"), "enlist 0D01"),
])
def test_temporals_cross_the_python_boundary(py, q):
    from ktwa.values.python import to_py, to_q
    from ktwa.values.types import match
    s = nb.Session()
    v = to_q(py)
    assert match(v, s.eval(q)), (py, q)
    back = to_py(v)
    if py.dtype.str in ("<M8[D]", "<M8[ns]", "<M8[M]", "<m8[m]"):
        np.testing.assert_array_equal(back, py)
