"""File i/o transcripts (tests/files/*.q, the golden format of tests/transcript.py): each file
runs in one Session inside its own temporary folder, so the files they write stay there.
And the stored-value format round-trips every value exactly."""
import math
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from ktwa.session import Session
from ktwa.values.types import QDict, QTable, enum_vector, match, with_attr
from ktwa.verbs import serial
from transcript import outputs_match, parse_transcript

FILES = sorted((Path(__file__).parent / "files").glob("*.q"))
CASES = [c for p in FILES for c in parse_transcript(p)]
_runs: dict = {}


def _outputs(path, folder):
    """Run a whole file once, in order, in one Session, inside its own folder; cache it."""
    if path not in _runs:
        here = os.getcwd()
        work = folder / path.stem
        work.mkdir()
        os.chdir(work)
        try:
            s = Session()
            _runs[path] = [s.console(c.src) for c in CASES if c.path == path]
        finally:
            os.chdir(here)
    return _runs[path]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("qfiles")


@pytest.mark.parametrize("case", CASES, ids=[f"{c.path.stem}:{c.line}:{c.src[:40]}" for c in CASES])
def test_file_transcript(case, folder):
    got = _outputs(case.path, folder)[case.index]
    assert outputs_match(case.expected, got), (
        f"\n{case.path.name}:{case.line}\nq){case.src}\n--- expected\n{case.expected}--- got\n{got}")


# ---------------------------------------------------------------------------------------------
# the stored-value format is exact

atoms = st.one_of(
    st.integers(-2**63, 2**63 - 1).map(np.int64),
    st.integers(-2**31, 2**31 - 1).map(np.int32),
    st.integers(-2**15, 2**15 - 1).map(np.int16),
    st.floats(allow_nan=True, allow_infinity=True).map(np.float64),
    st.floats(width=32, allow_nan=True).map(np.float32),
    st.booleans().map(np.bool_),
    st.integers(0, 255).map(np.uint8),
    st.binary(min_size=1, max_size=1).map(np.bytes_),
    st.text(max_size=5),
)
vectors = st.one_of(
    st.lists(st.integers(-2**63, 2**63 - 1), max_size=6).map(lambda v: np.array(v, np.int64)),
    st.lists(st.floats(), max_size=6).map(lambda v: np.array(v, np.float64)),
    st.lists(st.text(max_size=4), max_size=6).map(lambda v: np.array(v, dtype=object)),
    st.binary(max_size=6).map(lambda b: np.frombuffer(b, dtype="S1").copy()),
    st.lists(st.booleans(), max_size=6).map(lambda v: np.array(v, bool)),
)
values = st.recursive(st.one_of(atoms, vectors, st.none()),
                      lambda inner: st.one_of(st.lists(inner, max_size=4),
                                              st.tuples(vectors, vectors).filter(
                                                  lambda kv: len(kv[0]) == len(kv[1])).map(
                                                  lambda kv: QDict(*kv))),
                      max_leaves=12)


def _same(a, b):
    # match, and floats bit for bit (nan payloads, -0.0)
    if isinstance(a, np.ndarray) and a.dtype.kind == "f":
        return isinstance(b, np.ndarray) and a.tobytes() == b.tobytes() and a.dtype == b.dtype
    if isinstance(a, np.floating):
        return type(a) is type(b) and np.asarray(a).tobytes() == np.asarray(b).tobytes()
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, QDict):
        return isinstance(b, QDict) and _same(a.keys, b.keys) and _same(a.values, b.values)
    return match(a, b)


@settings(max_examples=200, deadline=None)
@given(values)
def test_stored_values_come_back_exactly(v):
    assert _same(v, serial.loads(serial.dumps(v), lambda src: pytest.fail("no lambda")))


def test_tables_enumerations_and_attributes_come_back():
    t = QTable(["s", "v"], [enum_vector(["a", "b"], "sym"), with_attr(np.array([1.5, math.nan]), "s")])
    back = serial.loads(serial.dumps(t), None)
    assert match(back, t) and back.data[0].domain == "sym"
    from ktwa.values.types import attr_of
    assert attr_of(back.data[1]) == "s"


def test_links_come_back_as_row_indices():
    from ktwa.values.types import enum_atom, enum_rows
    link = enum_vector(np.array([2, 0, -2**31], dtype=np.int32), "t1", True)
    v = [link, enum_atom(np.int32(1), "t1", True), enum_vector(np.array([2, 0]), "kt")]
    back = serial.loads(serial.dumps(v), None)
    assert match(back, v) and [enum_rows(x) for x in back] == [True, True, False]
    assert back[0].dtype == np.int32 and back[1].domain == "t1"
    assert not match(back[1], enum_atom(np.int32(1), "t2", True))


# ---------------------------------------------------------------------------------------------
# compressed files read back as written (ktwa.verbs.compression)

@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=5000), st.integers(12, 20), st.integers(0, 9))
def test_compressed_bytes_come_back(data, lbs, lvl):
    from ktwa.verbs import compression
    z = compression.compress(data, (lbs, 2, lvl))
    assert compression.is_compressed(z)
    assert compression.decompress(z) == data
    assert compression.length(z) == len(data)
    assert compression.params_of(z) == (lbs, 2, lvl)
    assert compression.compress(data, (lbs, 0, 0)) == data      # algorithm 0: a plain file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_fpn_reads_a_named_pipe_as_its_writer_writes(tmp_path, monkeypatch):
    """.Q.fpn reads a real fifo to its writer's end, in lumps of whole lines (named-pipes.md)."""
    import threading
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe")
    lines = [b"gull,%d" % i for i in range(7)]

    def writer():
        with open("pipe", "wb") as fh:
            for ln in lines:
                fh.write(ln + b"\n")
                fh.flush()

    t = threading.Thread(target=writer)
    t.start()
    s = Session()
    assert s.console("r:(); .Q.fpn[{r::r,enlist x};`:pipe;16]") == ""
    t.join()
    assert s.console("count each r") == "2 2 2 1\n"
    assert s.console("raze r") == s.console(
        "(" + ";".join('"%s"' % ln.decode() for ln in lines) + ")")
