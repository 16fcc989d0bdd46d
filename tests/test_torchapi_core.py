"""ktorch api core: pointers, tensors, dicts/vectors (ktorch-api.md §2-§4) at the Python level."""
import time

import numpy as np
import pytest
import torch

import ktwa.torchapi  # noqa: F401  (registers the api)
from ktwa.errors import QError
from ktwa.registry import Registry
from ktwa.torchapi.convert import to_k, to_tensor, tensor_class_name, dtype_from_symbol, k_dtype_for
from ktwa.torchapi.objects import TensorDict
from ktwa.values.types import QDict, QTable, syms
from ktwa.torchapi import API as BUILTINS


class Ctx:
    def __init__(self):
        self.registry = Registry()


@pytest.fixture
def ctx():
    return Ctx()


def f(ctx, name, x):
    return BUILTINS[name].monad(ctx, x)


def J(*v):
    return np.array(v, dtype=np.int64)


def err(ctx, name, x):
    with pytest.raises(QError) as e:
        f(ctx, name, x)
    return e.value.msg


# --- conversion ---------------------------------------------------------------------------

def test_convert_errors_and_types():
    assert to_tensor(J(1, 2, 3)).dtype == torch.int64
    assert to_tensor(np.array([1, 2], dtype=np.float32)).dtype == torch.float32
    assert to_tensor(np.array([True, False])).dtype == torch.bool
    assert to_tensor(np.array([b"a"], dtype="S1")).dtype == torch.int8
    assert to_tensor(np.float64(2.5)).dim() == 0
    t = to_tensor([J(1, 2), J(3, 4)])
    assert t.shape == (2, 2)
    with pytest.raises(QError, match="type mismatch at depth 1, long list vs double list"):
        to_tensor([J(1, 2), np.array([3.0, 4.0])])
    with pytest.raises(QError, match="dimension mismatch at depth 1, 2 vs 3"):
        to_tensor([J(1, 2), J(3, 4, 5)])
    with pytest.raises(QError, match="no torch type found for k: symbol list"):
        to_tensor(syms(["a"]))
    with pytest.raises(QError, match="no torch type found for k: table"):
        to_tensor(QTable(["a"], [J(1)]))
    # to_tensor never shares memory with the k value
    v = J(1, 2, 3)
    to_tensor(v).add_(1)
    assert v.tolist() == [1, 2, 3]


def test_to_k():
    assert isinstance(to_k(torch.tensor(3)), np.int64)
    r = to_k(torch.zeros(2, 3))
    assert isinstance(r, list) and len(r) == 2 and r[0].dtype == np.float32 and len(r[0]) == 3
    assert to_k(torch.zeros(2, dtype=torch.half)).dtype == np.float32
    assert to_k(torch.tensor([65], dtype=torch.int8)).dtype == np.dtype("S1")
    assert tensor_class_name(torch.float32) == "float" and dtype_from_symbol("double") == torch.float64
    assert k_dtype_for(np.array([1.0])) == torch.float64


# --- pointers -----------------------------------------------------------------------------

def test_handles_obj_free(ctx):
    t = f(ctx, "tensor", J(1, 2, 3))
    assert type(t) is list and len(t) == 1 and isinstance(t[0], np.int64)
    v = f(ctx, "vector", [J(1, 2), np.array([1.0, 2, 3])])
    o = f(ctx, "obj", None)
    assert isinstance(o, QTable)
    assert o.cols == ["ptr", "class", "device", "dtype", "size", "elements", "bytes"]
    assert list(o.column("class")) == ["vector", "tensor"]          # newest first
    assert list(o.column("dtype")) == ["", "long"]
    assert o.column("ptr")[1] == t
    assert o.column("elements").tolist() == [5, 3] and o.column("bytes").tolist() == [40, 24]
    assert o.column("size")[0] == 2 and o.column("size")[1].tolist() == [3]
    assert f(ctx, "free", None) is None
    o = f(ctx, "obj", None)
    assert len(o) == 0 and o.cols[0] == "ptr"
    assert err(ctx, "class", v) == "stale pointer"
    assert err(ctx, "obj", J(1)) == "obj: empty arg expected"


def test_free_forms(ctx):
    a, b, c = (f(ctx, "tensor", J(i)) for i in range(3))
    d = f(ctx, "tensor", J(9))
    f(ctx, "free", [a, b])
    assert not f(ctx, "mapped", a) and f(ctx, "mapped", c)
    f(ctx, "free", QDict(syms(["x", "y"]), [c, d]))
    assert len(ctx.registry) == 0
    e = f(ctx, "tensor", J(1))
    assert err(ctx, "free", [e, a]) == "free: stale pointer, element[1] of given list"
    assert f(ctx, "mapped", e)     # nothing freed on error
    f(ctx, "free", [])
    assert len(ctx.registry) == 0
    assert not f(ctx, "mapped", np.array([b"s"], dtype="S1"))


def test_leak_loop(ctx):
    t0 = time.time()
    for i in range(10000):
        h = f(ctx, "tensor", np.int64(i))
        f(ctx, "free", h)
    assert len(f(ctx, "obj", None)) == 0
    assert time.time() - t0 < 5


def test_class_error(ctx):
    a = f(ctx, "tensor", J(1, 2))
    msg = err(ctx, "class", J(int(a[0][0]) if False else a[0], 5))
    assert msg.startswith("class: need allocated torch object, e.g. tensor, module, given ")
    assert f(ctx, "class", a) == "tensor"


def test_return(ctx):
    a = f(ctx, "tensor", np.array([1.0, 2.0]))
    assert f(ctx, "return", a).tolist() == [1.0, 2.0]
    assert err(ctx, "tensor", a) == "stale pointer"
    assert f(ctx, "return", J(1, 2)).tolist() == [1, 2]     # k values pass through


def test_addref_ref_ptr(ctx):
    a = f(ctx, "tensor", np.array([0, 1, 0, 1], dtype=bool))
    b = f(ctx, "tensor", np.arange(9, dtype=np.int64))
    c = f(ctx, "addref", b)
    assert f(ctx, "ptr", b) == f(ctx, "ptr", c) and b != c
    f(ctx, "free", c)
    v = f(ctx, "vector", [a, f(ctx, "addref", b)])
    assert err(ctx, "ref", a) == "stale pointer"
    assert f(ctx, "ref", b) == 2
    f(ctx, "free", v)
    assert f(ctx, "ref", b) == 1
    d = f(ctx, "dict", [])
    assert err(ctx, "addref", d) == "addref not implemented for dictionary"


def test_use(ctx):
    a = f(ctx, "tensor", J(1, 2, 3))
    b = f(ctx, "tensor", np.array([0, 1, 0, 1, 0, 1], dtype=bool))
    assert BUILTINS["use"].dyad(ctx, a, b) is None
    assert f(ctx, "tensor", a).tolist() == [False, True] * 3
    assert err(ctx, "tensor", b) == "stale pointer"
    BUILTINS["use"].dyad(ctx, a, J(7, 8))
    assert f(ctx, "tensor", a).tolist() == [7, 8]
    v = f(ctx, "vector", [J(1)])
    with pytest.raises(QError, match="use: cannot re-assign vector to tensor"):
        BUILTINS["use"].dyad(ctx, a, v)
    d = f(ctx, "dict", [])
    p = f(ctx, "dict", QDict(syms(["w"]), [J(1, 2)]))
    BUILTINS["use"].dyad(ctx, d, p)
    assert f(ctx, "dict", [d, "w"]).tolist() == [1, 2]
    assert not f(ctx, "mapped", p)


def test_info(ctx):
    t = f(ctx, "tensor", [np.zeros(3, np.float32), np.zeros(3, np.float32)])
    assert f(ctx, "size", t).tolist() == [2, 3]
    assert f(ctx, "dtype", t) == "float" and f(ctx, "device", t) == "cpu"
    assert f(ctx, "elements", t) == 6 and f(ctx, "bytes", t) == 24 and f(ctx, "tensorcount", t) == 1
    assert f(ctx, "dtype", None) == "float"
    assert f(ctx, "dtype", "double") is None and f(ctx, "dtype", []) == "double"
    r = f(ctx, "tensor", ["zeros", J(2)])
    assert f(ctx, "dtype", r) == "double"
    assert f(ctx, "device", None) in ("cpu", "cuda")
    assert err(ctx, "size", J(1, 2)).startswith("size: unrecognized arg(s)")
    m = torch.nn.Linear(64, 10)
    h = ctx.registry.new(m, "module")
    assert f(ctx, "size", h) == 2 and f(ctx, "elements", h) == 650 and f(ctx, "ref", h) == 1
    assert f(ctx, "str", h).tobytes().decode() == \
        "torch::nn::Linear(in_features=64, out_features=10, bias=true)"
    assert f(ctx, "str", t).tobytes().decode() == " 0  0  0\n 0  0  0\n[ CPUFloatType{2,3} ]"
    s = f(ctx, "setting", None)
    assert "threads" in list(s.keys) and "alloptions" in list(s.keys)
    assert err(ctx, "setting", ["cuda", np.True_]) == "setting: cannot set flag for cuda"
    f(ctx, "setting", ["alloptions", np.False_])
    assert f(ctx, "setting", "alloptions") == np.False_
    assert f(ctx, "cudadevices", None) == torch.cuda.device_count()
    assert isinstance(f(ctx, "cudadevices", []), np.ndarray)


# --- tensors ------------------------------------------------------------------------------

def test_seed_rand(ctx):
    f(ctx, "seed", np.int64(123))
    a = f(ctx, "tensor", ["rand", J(2, 3)])
    v = f(ctx, "tensor", a)
    exp = [[0.2961119, 0.5165623, 0.2516707], [0.6885568, 0.07397246, 0.866522]]
    assert np.allclose(np.stack(v), exp, atol=1e-6) and v[0].dtype == np.float32


def test_tensor_create_retrieve(ctx):
    t = f(ctx, "tensor", [J(1, 2, 3), syms(["double", "grad"])])
    assert f(ctx, "dtype", t) == "double"
    o = f(ctx, "options", t)
    assert list(o.keys) == ["device", "dtype", "layout", "gradient", "pin", "memory"]
    assert list(o.values) == ["cpu", "double", "strided", "grad", "unpinned", "contiguous"]
    assert list(f(ctx, "options", None).values)[3] == "nograd"
    u = f(ctx, "tensor", None)
    assert f(ctx, "tensor", u) is None
    e = f(ctx, "tensor", [])
    r = f(ctx, "tensor", e)
    assert isinstance(r, np.ndarray) and r.dtype == np.float32 and len(r) == 0
    m = f(ctx, "tensor", [np.arange(3, dtype=np.int64), np.arange(3, 6, dtype=np.int64)])
    assert f(ctx, "tensor", [m, np.int64(1)]).tolist() == [3, 4, 5]
    assert f(ctx, "tensor", [m, np.int64(1), np.int64(-1)]).tolist() == [2, 5]
    assert f(ctx, "tensor", [m, np.int64(1), J(0, 2)]) [1].tolist() == [3, 5]
    # write into an existing tensor
    out = f(ctx, "tensor", np.zeros(3, np.float32))
    assert f(ctx, "tensor", [J(1, 2, 3), out]) is None
    assert f(ctx, "tensor", out).dtype == np.float32
    assert f(ctx, "tensor", ["zeros", J(2, 3), syms(["int"])]) and True
    z = f(ctx, "tensor", ["zeros", J(2, 3), "int"])
    assert f(ctx, "dtype", z) == "int"
    ar = f(ctx, "tensor", ["arange", np.int64(5)])
    assert f(ctx, "tensor", ar).tolist() == [0, 1, 2, 3, 4]
    ar = f(ctx, "tensor", ["arange", np.float64(0), np.float64(1), np.float64(.5)])
    assert f(ctx, "dtype", ar) == "float"
    ri = f(ctx, "tensor", ["randint", np.int64(10), np.int64(60)])
    assert f(ctx, "size", ri).tolist() == [60] and f(ctx, "dtype", ri) == "long"
    full = f(ctx, "tensor", ["full", J(2), np.float64(1.5)])
    assert f(ctx, "tensor", full).tolist() == [1.5, 1.5]
    ey = f(ctx, "tensor", ["eye", np.int64(3)])
    assert f(ctx, "size", ey).tolist() == [3, 3]
    assert err(ctx, "tensor", [J(1, 2), np.array([1.0])]) == "type mismatch at depth 1, long list vs double list"


def test_to(ctx):
    t = f(ctx, "tensor", J(1, 2, 3))
    assert f(ctx, "to", [t, syms(["double", "grad"])]) is None
    assert f(ctx, "dtype", t) == "double"
    assert list(f(ctx, "options", t).values)[3] == "grad"
    m = ctx.registry.new(torch.nn.Linear(2, 2), "module")
    assert f(ctx, "to", [m, "cpu"]) is None
    f(ctx, "to", [m, "double"])
    assert m[0] in [n for n, _ in ctx.registry.items()]


def test_resize_reshape(ctx):
    x = np.arange(10 * 784, dtype=np.int16)
    r = f(ctx, "resize", [(x.astype(np.float32) - 1), J(-1, 784)])
    assert isinstance(r, list) and len(r) == 10 and r[0].dtype == np.float32 and len(r[0]) == 784
    t = f(ctx, "tensor", np.arange(10, dtype=np.int64))
    assert f(ctx, "resize", [t, J(2, 5)]) is None
    assert f(ctx, "size", t).tolist() == [2, 5]
    assert err(ctx, "reshape", [np.arange(10), J(-1, 4)]) == "shape '[-1, 4]' is invalid for input of size 10"
    r2 = f(ctx, "reshape", [t, J(5, -1)])
    assert f(ctx, "size", r2).tolist() == [5, 2]
    # large: fast
    big = np.zeros(60000 * 784, dtype=np.float32)
    t0 = time.time()
    r = f(ctx, "resize", [big, J(-1, 784)])
    assert len(r) == 60000 and time.time() - t0 < 1


def test_batch_restore(ctx):
    t = f(ctx, "tensor", np.arange(10, dtype=np.int64))
    seen = []
    while f(ctx, "batch", [t, np.int64(3)]):
        seen.append(f(ctx, "tensor", t).tolist())
    assert seen == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert f(ctx, "tensor", t).tolist() == list(range(10))
    assert f(ctx, "batch", [t, np.int64(3), np.int64(2)]) is None
    assert f(ctx, "tensor", t).tolist() == [6, 7, 8]
    # ktorch's text counts full batches only: 10 rows in batches of 4 -> 0-1
    assert err(ctx, "batch", [t, np.int64(4), np.int64(4)]) == "batch[4] invalid, valid range is from 0-1"
    assert f(ctx, "restore", t) == 10
    assert f(ctx, "tensor", t).tolist() == list(range(10))
    d = f(ctx, "dict", QDict(syms(["x", "y"]), [np.arange(10), np.arange(9)]))
    assert err(ctx, "batch", [d, np.int64(3)]) == \
        "dictionary[y] size=9, but previous tensor(s) have size=10 for dim 0"
    assert err(ctx, "batch", [J(1, 2), np.int64(1)]).startswith("batch: expecting 1st arg of tensor,vector or dictionary")


# --- dictionaries and vectors -------------------------------------------------------------

def test_dict_create_get_set(ctx):
    t = f(ctx, "tensor", np.array([1, 2, 3], dtype=np.float32))
    d = f(ctx, "dict", QDict(syms(["a", "t"]), [np.array([4, 5, 6, 7.0]), t]))
    assert err(ctx, "tensor", t) == "stale pointer"          # consumed
    r = f(ctx, "dict", d)
    assert list(r.keys) == ["a", "t"] and r.values[1].dtype == np.float32
    f(ctx, "dict", [d, "x", np.array([0, 1, 0, 1, 0], dtype=bool)])
    f(ctx, "dict", [d, syms(["z", "zz"]), [np.array([b"z"], "S1"), np.array([b"z", b"z"], "S1")]])
    assert list(f(ctx, "names", d)) == ["a", "t", "x", "z", "zz"]
    assert f(ctx, "dict", [d, "x"]).tolist() == [False, True, False, True, False]
    two = f(ctx, "dict", [d, syms(["t", "a"])])
    assert isinstance(two, list) and len(two) == 2
    d2 = f(ctx, "dict", QDict(syms(["weight", "other"]), J(1, 2)))
    assert f(ctx, "dict", [d2, "weight"]) == 1
    e = f(ctx, "dict", [syms(["p", "q"]), [J(1), J(2, 3)]])
    assert f(ctx, "size", e).values[1].tolist() == [2]
    assert f(ctx, "tensorcount", e) == 2
    assert err(ctx, "dict", J(1, 2)) == "dict: not implemented for long list"
    f(ctx, "dict", [d, QDict(syms(["a"]), [J(9)])])
    assert f(ctx, "dict", [d, "a"]).tolist() == [9]
    # plain: replace with new dtype/shape
    f(ctx, "dict", [d, "t", np.int64(0)])
    assert f(ctx, "dict", [d, "t"]) == 0
    # tensor d -> new handles sharing
    hs = f(ctx, "tensor", d)
    assert isinstance(hs, QDict) and f(ctx, "ptr", hs.values[0]) == f(ctx, "ptr", d).values[0]
    assert f(ctx, "ref", hs.values[0]) == 2


def test_dict_parameter_update(ctx):
    m = torch.nn.Linear(3, 10)
    mh = ctx.registry.new(m, "module")
    p = ctx.registry.new(TensorDict(kind="parameter", module=m), "dictionary")
    f(ctx, "dict", [p, "bias", np.int64(0)])
    assert torch.all(m.bias == 0)
    with pytest.raises(QError) as e:
        f(ctx, "dict", [p, "bias", [J(1, 2, 3), J(1, 2, 3)]])
    assert e.value.msg == "dict[`bias] with size of [10] cannot be updated with new values of size [2, 3]"
    assert f(ctx, "ref", p).values.tolist() == [2, 2]          # module + parameter dict
    f(ctx, "dict", [p, "weight", np.float32(1)])
    assert torch.all(m.weight == 1) and m.weight.requires_grad
    assert f(ctx, "class", p) == "dictionary"
    assert f(ctx, "dtype", p).values.tolist() == ["float", "float"]


def test_vector(ctx):
    a = f(ctx, "tensor", J(1, 2))
    v = f(ctx, "vector", [a, np.array([1.0, 2, 3])])
    assert err(ctx, "tensor", a) == "stale pointer"
    r = f(ctx, "vector", v)
    assert r[0].tolist() == [1, 2] and r[1].tolist() == [1.0, 2, 3]
    assert f(ctx, "vector", [v, np.int64(1)]).tolist() == [1.0, 2, 3]
    f(ctx, "vector", [v, np.int64(0), J(5)])
    assert f(ctx, "vector", [v, np.int64(0)]).tolist() == [5]
    w = f(ctx, "vector", [J(7)])
    f(ctx, "vector", [v, w])
    assert len(f(ctx, "vector", v)) == 3 and not f(ctx, "mapped", w)
    assert f(ctx, "size", v)[2].tolist() == [1]
    hs = f(ctx, "tensor", v)
    assert len(hs) == 3 and f(ctx, "class", hs[0]) == "tensor"


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_to(ctx):
    t = f(ctx, "tensor", [J(1, 2, 3), syms(["half", "cuda", "grad"])])
    assert list(f(ctx, "options", t).values)[:4] == ["cuda:0", "half", "strided", "grad"]
    u = f(ctx, "tensor", J(1, 2))
    f(ctx, "to", [u, "cuda"])
    assert f(ctx, "device", u) == "cuda:0" and f(ctx, "tensor", u).tolist() == [1, 2]
    assert f(ctx, "device", None) == "cuda"
    assert list(f(ctx, "cudadevices", []))[0] == "cuda"


def test_every_api_builtin_has_a_one_line_doc():
    """`help` and the REPL completer show these: call forms, two spaces, the meaning."""
    from ktwa.torchapi import API
    for name, b in API.items():
        assert b.doc and "\n" not in b.doc, name
        forms, sep, meaning = b.doc.partition("  ")
        assert sep and name in forms and meaning.strip() and not meaning.startswith(" "), name
