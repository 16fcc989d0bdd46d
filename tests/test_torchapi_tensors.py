"""Tensor text, views, images: oracle tests against torch itself and property tests.

libtorch's own printer (what ktorch's `str` shows) is reachable from Python through TorchScript:
`print` inside a scripted function writes a tensor with C++ `operator<<` to file descriptor 1.
ktwa's formatter (torchapi.libtorch_text) must write the same text. Two known differences are
left out of the generated cases: ktwa writes `%g`-style numbers (a 0-dim value, a scale line)
with the 6 significant digits of a default C++ stream, as ktorch's `c10::str` does, where
TorchScript's print uses more; and n-d matrices indent every row, as ktorch's documentation
shows (newer libtorch leaves the first row of each matrix unindented).
"""
import struct
import zlib

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings, strategies as st

from ktwa import Session
from ktwa.torchapi.images import png_bytes
from ktwa.torchapi.libtorch_text import tensor_text

_CU = torch.jit.CompilationUnit("def show(x: Tensor):\n    print(x)\n")


def libtorch(t, capfd) -> str:
    capfd.readouterr()
    _CU.show(t)
    return capfd.readouterr().out


def _cases():
    g = torch.Generator().manual_seed(3)
    return [
        torch.randn(2, 3, generator=g),
        torch.randn(4, generator=g) * 100,
        torch.randn(3, 40, generator=g),                         # column blocks
        torch.randn(3, 4, generator=g) * 1e-3,                   # a scale line
        torch.tensor([[1, 0], [0, 1]], dtype=torch.bool),
        torch.tensor([1e10, 2.0]), torch.tensor([[1e-8, 1e8]]),  # scientific
        torch.tensor([float("nan"), 1.5, float("inf")]),
        torch.tensor([-5.0, 3.0]), torch.arange(6).reshape(2, 3),
        torch.tensor([1, 2], dtype=torch.int32), torch.tensor([7], dtype=torch.uint8),
        torch.tensor([1.5], dtype=torch.half), torch.tensor([1.5], dtype=torch.float64),
        torch.zeros(0), torch.zeros(0, 3), torch.tensor([[1, 2, 3]]).to_sparse(),
    ]


@pytest.mark.parametrize("i", range(len(_cases())))
def test_tensor_text_is_libtorchs(i, capfd):
    t = _cases()[i]
    assert tensor_text(t) + "\n" == libtorch(t, capfd)


# capfd is read before and after each print, so one fixture serves every example
_ORACLE = settings(max_examples=40, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture])


@_ORACLE
@given(st.lists(st.lists(st.floats(-9999, 9999, width=32), min_size=3, max_size=3),
                min_size=1, max_size=4))
def test_tensor_text_matches_libtorch_on_matrices(capfd, rows):
    t = torch.tensor(rows, dtype=torch.float32)
    assert tensor_text(t) + "\n" == libtorch(t, capfd)


@_ORACLE
@given(st.lists(st.integers(-10**6, 10**6), min_size=1, max_size=30))
def test_tensor_text_matches_libtorch_on_longs(capfd, xs):
    t = torch.tensor(xs)
    assert tensor_text(t) + "\n" == libtorch(t, capfd)


def test_nd_rows_are_indented_as_ktorch_shows():
    assert tensor_text(torch.arange(8).reshape(2, 2, 2)) == (
        "(1,.,.) = \n  0  1\n  2  3\n\n(2,.,.) = \n  4  5\n  6  7\n[ CPULongType{2,2,2} ]")


def test_undefined_and_scalar():
    assert tensor_text(None) == "[ Tensor (undefined) ]"
    assert tensor_text(torch.tensor(2.5)) == "2.5\n[ CPUFloatType{} ]"


# --- views through the api agree with numpy ----------------------------------------------------

@settings(max_examples=25, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.integers(1, 3), st.data())
def test_views_of_k_data_match_numpy(a, b, c, data):
    s = Session()
    x = np.arange(a * b * c).reshape(a, b, c)
    q = f"({a} {b} {c}#til {a * b * c})"
    perm = data.draw(st.permutations([0, 1, 2]))
    got = s.console(f"0N!permute({q};{' '.join(map(str, perm))});")
    assert got == s.console("0N!" + _k(np.transpose(x, perm)) + ";")
    d = data.draw(st.integers(0, 2))
    n = x.shape[d]
    i = data.draw(st.integers(0, n - 1))
    w = data.draw(st.integers(1, n - i))
    got = s.console(f"0N!narrow({q};{d};{i};{w});")
    assert got == s.console("0N!" + _k(np.take(x, range(i, i + w), axis=d)) + ";")


def _k(a: np.ndarray) -> str:
    """q text of an integer array of any shape (each dimension a parenthesised list)."""
    if a.ndim == 1:
        return ("enlist " if len(a) == 1 else "") + " ".join(map(str, a.tolist()))
    inner = [_k(r) for r in a]
    return "(" + ";".join(inner) + ")" if len(inner) > 1 else "enlist " + inner[0]


def test_failed_view_calls_change_nothing():
    s = Session()
    s.console("a:tensor 2 3#til 6")
    for bad in ("narrow(a;0;1;5)", "transpose(a;0;5)", "View(a;4 4)", "index(a;0;9)",
                "squeeze(a;7;1b)", "permute(a;0)", "expand(a;3 3)", "narrow(a;`x;1;1)"):
        assert s.console(bad).startswith("'"), bad
        assert s.console("tensor a") == "0 1 2\n3 4 5\n", bad
        assert s.console("size a") == "2 3\n", bad


# --- images ----------------------------------------------------------------------------------

def _decode_png(b: bytes) -> np.ndarray:
    assert b[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, {}
    while pos < len(b):
        n, = struct.unpack(">I", b[pos:pos + 4])
        kind, data = b[pos + 4:pos + 8], b[pos + 8:pos + 8 + n]
        crc, = struct.unpack(">I", b[pos + 8 + n:pos + 12 + n])
        assert crc == zlib.crc32(kind + data) & 0xFFFFFFFF
        chunks.setdefault(kind, b"")
        chunks[kind] += data
        pos += 12 + n
    w, h, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    c = {0: 1, 4: 2, 2: 3, 6: 4}[colour]
    rows = np.frombuffer(zlib.decompress(chunks[b"IDAT"]), np.uint8).reshape(h, 1 + w * c)
    assert depth == 8 and not rows[:, 0].any()
    return rows[:, 1:].reshape(h, w, c)


@pytest.mark.parametrize("c", [1, 2, 3, 4])
def test_png_bytes_round_trip(c):
    a = np.random.default_rng(c).integers(0, 256, (5, 7, c), dtype=np.uint8)
    assert (_decode_png(png_bytes(a)) == a).all()


def test_png_and_makegrid_through_q(tmp_path):
    s = Session()
    f = tmp_path / "grid.png"
    assert s.console(f"g:makegrid(4 1 3 3#til 36;2;2;1;255); png(`:{f};g)") == f"`:{f}\n"
    img = _decode_png(f.read_bytes())
    assert img.shape == (9, 9, 3)
    assert (img[0] == 255).all() and (img[1, 1:4, 0] == [0, 1, 2]).all()
    assert s.console("makegrid(2 3 3#0;0N;0N)").startswith("'makegrid: both rows & columns")
    assert s.console("png(`x;1 2 3)").startswith("'png: expecting image")


def test_png_respects_the_file_fence(tmp_path):
    s = Session(files="read", root=tmp_path)
    assert s.console("png(`:a.png;1 2 2#0)").startswith("'access\n")


def test_no_api_function_hides_behind_a_q_keyword():
    """q keywords resolve before api names, so an api function named like one (`cross`) could
    never be called; ktorch capitalises those names (Cross Sum Max ...). `help` is the one
    shared name: q's help hands every call to the api's first (runtime/help.py)."""
    from ktwa.runtime.table import BUILTINS
    from ktwa.torchapi import API
    assert set(BUILTINS) & set(API) == {"help"}
