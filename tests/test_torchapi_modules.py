"""ktorch modules, forward family, models and the weight-averaging api at the Python level."""
from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel, update_bn

import ktwa.torchapi.averages  # noqa: F401  (registers copyparms avgparms batchnorm)
import ktwa.torchapi.dicts  # noqa: F401
import ktwa.torchapi.forward  # noqa: F401
import ktwa.torchapi.modules  # noqa: F401
from ktwa.torchapi.objects import Data
import ktwa.torchapi.models  # noqa: F401
from ktwa.errors import QError
from ktwa.registry import Registry
from ktwa.values.types import QDict, QTable, syms
from ktwa.torchapi import API

J, F, B = np.int64, np.float64, np.bool_


def _api(name):
    """The registered api function."""
    return API[name]


class Ctx:
    def __init__(self):
        self.registry = Registry()


@pytest.fixture
def k():
    ctx = Ctx()

    def call(name, x):
        return _api(name).monad(ctx, x)
    call.ctx = ctx
    call.obj = lambda h: ctx.registry.entry(h).obj
    return call


def S(*names):
    return syms(names)


def E(x):
    """enlist for a general-list spec."""
    return [x]


def seed_q():
    """The swa.rst batchnorm model definition, before `seq`."""
    return ["sequential", ["linear", "a", J(784), J(800)], ["batchnorm1d", "b", J(800), F(1e-7),
                                                              F(.1)],
            S("relu", "c"), ["linear", "d", J(800), J(10)]]


# ---------------------------------------------------------------------------------------------
# definitions

def test_seq(k):
    r = k("seq", S("a", "b", "c"))
    assert r[0] == "a" and list(r[1]) == ["b"] and list(r[2]) == ["c"]
    q = k("seq", seed_q())
    assert q[0] == "sequential"
    assert q[1] == [["linear", "a", J(784), J(800)]]
    assert isinstance(q[3], list) and list(q[3][0]) == ["relu", "c"]


def test_single_and_bare(k):
    m = k("module", E(["linear", J(784), J(10)]))
    lin = k.obj(m)
    assert isinstance(lin, nn.Linear) and lin.in_features == 784 and lin.out_features == 10
    d = k("module", m)
    assert isinstance(d, QDict) and list(d.keys) == ["depth", "module", "name", "options"]
    assert d.values[0] == 0 and d.values[1] == "linear" and d.values[2] == ""
    o = d.values[3]
    assert list(o.keys) == ["in", "out", "bias"]
    assert [int(o.values[0]), int(o.values[1]), bool(o.values[2])] == [784, 10, True]
    r = k.obj(k("module", "relu"))
    assert isinstance(r, nn.ReLU)
    assert isinstance(k.obj(k("module", E(["batchnorm2d", J(64)]))), nn.BatchNorm2d)


def test_options_positional_named_dict(k):
    c1 = k.obj(k("module", E(["conv2d", J(16), J(32), J(3), ["bias", B(False)]])))
    assert c1.bias is None and c1.kernel_size == (3, 3)
    c2 = k.obj(k("module", E(["conv2d", "C", QDict(S("in", "out", "size", "bias"),
                                                   [J(16), J(32), J(3), B(False)])])))
    assert c2.bias is None and c2.out_channels == 32 and c2._kname == "C"
    c3 = k.obj(k("module", E(["conv2d", "C", [["in", J(16)], ["out", J(32)], ["size", J(3)]]])))
    assert c3.in_channels == 16 and c3.bias is not None
    c4 = k.obj(k("module", E(["conv2d", J(1), J(20), J(5), J(1), "same"])))
    assert c4.padding == "same"
    with pytest.raises(QError, match="batchnorm1d: number of input features not defined"):
        k("module", "batchnorm1d")
    with pytest.raises(QError, match="unrecognized option"):
        k("module", E(["linear", J(1), J(2), ["foo", J(1)]]))


def test_tree_forms(k):
    q = k("module", ["sequential", E(["linear", J(784), J(10)]), "relu"])
    t = k("module", q)
    assert isinstance(t, QTable) and t.cols == ["depth", "module", "name", "options"]
    assert list(t.column("depth")) == [0, 1, 1]
    assert list(t.column("module")) == ["sequential", "linear", "relu"]
    assert list(t.column("name")) == ["", "0", "1"]
    opts = t.column("options")
    assert len(opts[0]) == 0 and list(opts[2].keys) == ["inplace"]
    assert opts[2].values.dtype == bool
    # depth-value pairs
    d = k("module", [[J(0), "sequential"], [J(1), ["linear", J(64), J(10)]], [J(1), "relu"]])
    assert [type(c) for c in k.obj(d)] == [nn.Linear, nn.ReLU]
    # nested seq
    n = k("module", ["seqnest", ["seqnest", E(["linear", J(2), J(3)])], "relu"])
    assert list(k("names", n)) == ["0", "0.0", "1"]
    with pytest.raises(QError, match="sequential: unable to create type-erased module"):
        k("module", ["sequential", ["sequential", "relu"]])


def test_seed_batchnorm_definition(k):
    q = k("module", k("seq", seed_q()))
    assert list(k("childnames", q)) == ["a", "b", "c", "d"]
    t = k("module", q)
    rows = list(t.column("module"))
    o = t.column("options")[rows.index("batchnorm1d")]
    assert list(o.keys) == ["in", "eps", "momentum", "affine", "track"]
    assert isinstance(o.values, list)
    assert o.values[0] == 800 and type(o.values[0]) is np.int64
    assert o.values[1] == 1e-07 and type(o.values[1]) is np.float64
    assert o.values[2] == 0.1 and type(o.values[2]) is np.float64
    assert o.values[3] is np.True_ and o.values[4] is np.True_
    # recreate from the definition table
    q2 = k.obj(k("module", t))
    assert [type(c) for c in q2] == [nn.Linear, nn.BatchNorm1d, nn.ReLU, nn.Linear]
    assert q2.b.eps == 1e-07 and list(q2._modules) == ["a", "b", "c", "d"]


def test_add_to_container(k):
    q = k("module", "sequential")
    assert k("module", [q, E(["linear", "linear1", J(128), J(64)])]) is None
    assert k("module", [q, J(1), "seqnest"]) is None
    assert k("module", [q, J(2), ["linear", J(5), J(2)]]) is None
    assert list(k("names", q)) == ["linear1", "1", "1.0"]
    c = k("module", E(["linear", J(2), J(2)]))
    k("module", [q, J(1), c])
    with pytest.raises(QError, match="stale pointer"):
        k("module", c)
    assert list(k("childnames", q)) == ["linear1", "1", "2"]
    # without a depth, ktorch adds to the last container open: here the seqnest at depth 1
    q = k("module", "sequential")
    k("module", [q, J(1), "seqnest"])
    k("module", [q, k("module", E(["linear", J(2), J(2)]))])
    assert list(k("names", q)) == ["0", "0.0"]


def test_parmnames_examples(k):
    m = k("module", k("seq", ["sequential", ["linear", "fc", J(256), J(64), B(False)],
                              ["batchnorm2d", "bnorm", J(64)], S("relu", "relu")]))
    assert list(k("parmnames", m)) == ["fc.weight", "bnorm.weight", "bnorm.bias"]
    assert list(k("parmnames", [m, "bnorm"])) == ["weight", "bias"]
    assert list(k("buffernames", [m, "bnorm"])) == ["running_mean", "running_var",
                                                    "num_batches_tracked"]
    assert list(k("parmnames", [m, J(1)])) == ["weight", "bias"]
    mt = k("moduletypes", m)
    assert list(mt.keys) == ["", "fc", "bnorm", "relu"] and mt.values[2] == "batchnorm2d"
    pt = k("parmtypes", m)
    assert list(pt.values) == ["linear", "batchnorm2d", "batchnorm2d"]


def test_parms_buffers_parm(k):
    q = k("module", k("seq", seed_q()))
    p = k("parms", [q, "b"])
    b = k("buffers", [q, "b"])
    assert k.obj(p).keys() == ["weight", "bias"]
    assert k.obj(b).keys() == ["running_mean", "running_var", "num_batches_tracked"]
    assert k.obj(p)["weight"] is k.obj(q).b.weight            # live
    m = k("module", E(["linear", J(64), J(10)]))
    bias = k("parm", [m, "bias"])
    assert k("parm", [m, "bias", F(.0001)]) is None
    assert torch.allclose(k.obj(bias), torch.full((10,), 1e-4))
    assert k("parm", [m, "weight", J(10)]) is None
    assert bool((k.obj(m).weight == 10).all())
    with pytest.raises(QError, match="not found"):
        k("parm", [m, "x"])
    ch = k("children", q)
    assert list(ch.keys) == ["a", "b", "c", "d"] and k.obj(ch.values[1]) is k.obj(q).b
    assert k.obj(k("child", [q, "d"])) is k.obj(q).d
    assert k("training", q) is np.True_
    k("training", [q, B(False)])
    assert k("training", q) is np.False_ and not k.obj(q).b.training
    c = k("clone", q)
    assert k.obj(c) is not k.obj(q)
    assert torch.equal(k.obj(c).a.weight, k.obj(q).a.weight)


def test_forward_family(k):
    q = k("module", k("seq", ["sequential", ["linear", J(4), J(3)], ["batchnorm1d", J(3)],
                              ["drop", F(.5)]]))
    mod = k.obj(q)
    mod.eval()
    x = np.arange(8, dtype=np.float32).reshape(2, 4)
    xk = [x[0], x[1]]
    y = k("forward", [q, xk])
    assert k.obj(y).requires_grad
    assert not mod.training                       # flag restored
    assert int(mod[1].num_batches_tracked) == 1   # ran in training mode
    y2 = k("nforward", [q, xk])
    assert not k.obj(y2).requires_grad
    e = k("eforward", [q, xk])
    v = k("evaluate", [q, xk])
    assert isinstance(v, list) and np.allclose(np.stack(v), k.obj(e).numpy())
    with pytest.raises(QError):
        k("evaluate", [q, [np.arange(4.0), np.arange(4.0)]])   # double input, float module


# ---------------------------------------------------------------------------------------------
# copyparms / avgparms (swa.rst)

def test_copyparms_roundtrip(k):
    m = k("module", E(["linear", J(64), J(10)]))
    p = k("copyparms", m)
    d = k.obj(p)
    assert d.kind == "plain" and d.keys() == ["weight", "bias"]
    assert not d["weight"].requires_grad
    assert d["weight"] is not k.obj(m).weight and torch.equal(d["weight"], k.obj(m).weight)
    k("dict", [p, "bias", J(0)])
    r = k("copyparms", [m, p])
    assert list(r.keys) == ["weight", "bias"] and r.values.dtype == bool and r.values.all()
    assert bool((k.obj(m).bias == 0).all()) and k.obj(m).bias.dtype == torch.float32


def test_copyparms_partial_and_shape_error(k):
    m = k("module", E(["linear", J(4), J(2)]))
    p = k("dict", QDict(S("weight", "other"), np.array([1, 2])))
    r = k("copyparms", [m, p])
    assert list(r.values) == [True, False]
    assert bool((k.obj(m).weight == 1).all())
    k("dict", [p, "weight", [np.ones(3, dtype=np.int64), np.ones(3, dtype=np.int64)]])
    k("dict", [p, "bias", np.array([5.0, 6.0], dtype=np.float32)])  # would be copied first
    before = [t.detach().clone() for t in k.obj(m).parameters()]
    with pytest.raises(QError) as ei:
        k("copyparms", [m, p])
    assert ei.value.msg == ("The size of tensor a (4) must match the size of tensor b (3) at "
                            "non-singleton dimension 1")
    for a, b in zip(before, k.obj(m).parameters()):       # nothing was written
        assert torch.equal(a, b)
    k("dict", [p, "weight", [np.ones(4, dtype=np.int64)]])
    r = k("copyparms", [m, p])
    assert r.values.all()


def test_copyparms_errors(k):
    with pytest.raises(QError, match="copyparms expecting 1-2 args, given 3"):
        m = k("module", E(["linear", J(4), J(2)]))
        k("copyparms", [m, m, m])
    t = k("dict", QDict(S("a"), np.array([1])))
    with pytest.raises(QError, match="copyparms: expecting model, module or optimizer"):
        k("copyparms", t)


def test_avgparms_seed(k):
    m = k("module", E(["linear", J(2), J(1)]))
    p = k("copyparms", m)
    w0 = k.obj(p)["weight"].clone()
    b0 = k.obj(p)["bias"].clone()
    k("parm", [m, "weight", J(10)])
    n = k("avgparms", [m, p])
    assert n == 2 and type(n) is np.int64
    d = k.obj(p)
    assert d.keys() == ["weight", "bias", ".n"]
    assert d[".n"].dtype == torch.float64 and d[".n"].dim() == 0 and float(d[".n"]) == 2.0
    assert torch.allclose(d["weight"], (w0 + 10) / 2)
    assert torch.equal(d["bias"], b0)
    for _ in range(10):
        n = k("avgparms", [m, p])
    assert n == 12 and float(d[".n"]) == 12.0
    assert torch.allclose(d["weight"], (w0 + 11 * 10) / 12)
    shown = k("dict", p)
    assert shown.values[2] == 12.0 and type(shown.values[2]) is np.float64


def test_avgparms_errors(k):
    m = k("module", E(["linear", J(2), J(1)]))
    with pytest.raises(QError, match="avgparms: expects 2 args, model/module/optimizer & "
                                     "dictionary of parameters w'averaged weights"):
        k("avgparms", m)
    p = k("dict", QDict(S("bias"), [np.zeros(1, dtype=np.float32)]))
    with pytest.raises(QError) as ei:
        k("avgparms", [m, p])
    assert ei.value.msg == "avgparms: parameter weight not found, unable to compute average"
    assert ".n" not in k.obj(p)


def test_avgparms_cache_follows_changes(k):
    m = k("module", E(["linear", J(2), J(1)]))
    p = k("copyparms", m)
    k("avgparms", [m, p])
    k("dict", [p, "bias", np.array([4.0], dtype=np.float32)])     # replaces the tensor
    k("parm", [m, "bias", F(0)])
    k("avgparms", [m, p])                                         # n was 2 -> 3
    assert torch.allclose(k.obj(p)["bias"], torch.tensor([4.0 * 2 / 3]))
    k("dict", [p, ".n", F(1)])                                    # restart the count
    assert k("avgparms", [m, p]) == 2


def test_swa_oracle_averaged_model(k):
    """copyparms then avgparms over a trajectory == AveragedModel over the same trajectory
    (AveragedModel's first update_parameters copies: that is ktwa's copyparms snapshot)."""
    torch.manual_seed(0)
    q = k("module", k("seq", ["sequential", ["linear", J(5), J(4)], "relu",
                              ["linear", J(4), J(3)]]))
    mod = k.obj(q)
    ref = AveragedModel(mod)
    ref.update_parameters(mod)
    p = k("copyparms", q)
    g = torch.Generator().manual_seed(1)
    for _ in range(7):
        with torch.no_grad():
            for t in mod.parameters():
                t.add_(torch.randn(t.shape, generator=g))
        ref.update_parameters(mod)
        k("avgparms", [q, p])
    assert float(k.obj(p)[".n"]) == 8.0 and int(ref.n_averaged) == 8
    for (n, a), b in zip(k.obj(p).items(), ref.module.parameters()):
        assert torch.allclose(a, b, atol=1e-6), n
    # copy the average back: the module now equals the averaged model
    assert k("copyparms", [q, p]).values.all()
    for a, b in zip(mod.parameters(), ref.module.parameters()):
        assert torch.allclose(a, b, atol=1e-6)


def test_avgparms_model_and_optimizer(k):
    q = k("module", E(["linear", J(3), J(2)]))
    o = k("opt", ["sgd", q, F(.1)])
    p = k("copyparms", o)
    assert k("avgparms", [o, p]) == 2
    m = k("model", [q, k("loss", "ce"), o])
    assert k("avgparms", [m, p]) == 3
    assert k("copyparms", [m, p]).values.all()


# ---------------------------------------------------------------------------------------------
# batchnorm

def _bn_model(k, shuffle=False, n=40, bs=8):
    torch.manual_seed(3)
    q = k("module", k("seq", ["sequential", ["linear", "a", J(6), J(5)],
                              ["batchnorm1d", "b", J(5), F(1e-7), F(.1)], S("relu", "c"),
                              ["linear", "d", J(5), J(3)]]))
    m = k("model", [k.ctx.registry.new(k.obj(q), "module"), k("loss", "ce"),
                    k("opt", ["sgd", q, F(.05)])])
    k("train", [m, S("batchsize", "shuffle"), [J(bs), B(shuffle)]])
    x = torch.randn(n, 6).numpy()
    y = (np.arange(n) % 3).astype(np.int64)
    assert k("train", [m, list(x), y]) == -(-n // bs)
    return q, m, x, y


def test_batchnorm_model_equals_update_bn(k):
    q, m, x, y = _bn_model(k)
    k("run", m)
    mod = k.obj(q)
    ref = copy.deepcopy(mod)
    r = k("batchnorm", m)
    assert list(r.keys) == ["b"] and r.values.dtype == np.float64 and r.values[0] == 0.1
    assert mod.b.momentum == 0.1 and mod.training
    loader = [torch.from_numpy(x[i:i + 8]) for i in range(0, 40, 8)]
    update_bn(loader, ref)
    assert torch.allclose(mod.b.running_mean, ref.b.running_mean, atol=1e-6)
    assert torch.allclose(mod.b.running_var, ref.b.running_var, atol=1e-6)
    assert int(mod.b.num_batches_tracked) == 5


def test_batchnorm_flags_restored_on_error(k):
    q, m, x, y = _bn_model(k)
    mod = k.obj(q)
    mod.eval()
    k.obj(m).train_data = Data(torch.randn(16, 7), k.obj(m).train_data.y[:16])   # wrong width
    with pytest.raises(QError):
        k("batchnorm", m)
    assert mod.b.momentum == 0.1 and not mod.training and not mod.b.training


def test_batchnorm_module_reset_and_restore(k):
    q, m, x, y = _bn_model(k)
    k("run", m)
    r = k("batchnorm", q)
    mod = k.obj(q)
    assert list(r.keys) == ["b"] and r.values[0] == 0.1
    assert mod.b.momentum is None and int(mod.b.num_batches_tracked) == 0
    assert bool((mod.b.running_var == 1).all())
    t = k("module", q)
    o = t.column("options")[2]
    assert np.isnan(o.values[2]) and o.values[1] == 1e-07
    # manual recalculation with nforward over batches, as swa.rst
    for i in range(0, 40, 8):
        k("nforward", [q, list(x[i:i + 8])])
    assert int(mod.b.num_batches_tracked) == 5
    assert k("batchnorm", [q, r]) is None
    assert mod.b.momentum == 0.1
    assert k("module", q).column("options")[2].values[2] == 0.1
    # model without data -> reset only, momenta kept in the result
    q3 = k("module", E(["batchnorm1d", J(4)]))
    r3 = k("batchnorm", q3)
    assert list(r3.keys) == [""] and r3.values[0] == 0.1
    k("batchnorm", [q3, QDict(S(""), np.array([np.nan]))])
    assert k.obj(q3).momentum is None
    o = k("opt", ["sgd", q, F(.1)])
    assert list(k("batchnorm", o).keys) == ["b"]


def test_batchnorm_errors(k):
    q, m, x, y = _bn_model(k)
    with pytest.raises(QError, match="expecting k dictionary of momentum settings"):
        k("batchnorm", [q, J(1)])
    with pytest.raises(QError, match="expected as double"):
        k("batchnorm", [q, QDict(S("b"), np.array([1]))])
    with pytest.raises(QError, match="unable to locate batch norm module 'x'"):
        k("batchnorm", [q, QDict(S("x"), np.array([.1]))])
    with pytest.raises(QError, match="unrecognized module type"):
        k("batchnorm", [q, QDict(S("a"), np.array([.1]))])


# ---------------------------------------------------------------------------------------------
# models

def test_model_consumes_and_trains(k):
    q = k("module", E(["linear", J(4), J(3)]))
    l_ = k("loss", ["ce", ["smoothing", F(.01)]])
    assert k.obj(l_).fn.label_smoothing == .01
    o = k("opt", ["sgd", q, F(.04)])
    assert np.allclose(k("lr", o), [.04])
    m = k("model", [q, l_, o])
    for h in (q, l_, o):
        with pytest.raises(QError, match="stale pointer"):
            k.ctx.registry.entry(h)
    k("train", [m, S("batchsize", "shuffle"), [J(10), B(True)]])
    s = k("train", m)
    assert s.values[list(s.keys).index("batchsize")] == 10
    assert k("train", [m, "shuffle"]) is np.True_
    torch.manual_seed(0)
    x = torch.randn(50, 4)
    y = (x[:, 0] > 0).long() + (x[:, 1] > 0).long()
    assert k("train", [m, list(x.numpy()), y.numpy()]) == 5
    l0 = k("run", m)
    assert type(l0) is np.float64
    for _ in range(30):
        l1 = k("run", m)
    assert l1 < l0
    k("test", [m, S("batchsize", "metrics"), [J(20), "accuracy"]])
    k("test", [m, list(x.numpy()), y.numpy()])
    acc = k("testrun", m)
    assert type(acc) is np.float64 and 0 <= acc <= 100
    assert k("restore", m) == 50 and k("datasize", m) == 50
    k("unshuffle", m)                   # shuffled epochs reorder the rows, as in ktorch
    xi = k("input", m)
    assert isinstance(xi, list) and len(xi) == 50 and np.allclose(np.stack(xi), x.numpy())
    k("lr", [m, F(.5)])
    assert np.allclose(k("lr", m), [.5])
    v = k("evaluate", [m, list(x.numpy())])
    assert len(v) == 50


def test_model_batch_and_forward(k):
    q, m, x, y = _bn_model(k)
    count = 0
    while k("batch", m):
        count += 1
        assert k("datasize", m) == 8
    assert count == 5 and k("datasize", m) == 40


def test_opt_nesterov_and_errors(k):
    q = k("module", E(["linear", J(4), J(3)]))
    o = k("opt", ["sgd", q, F(.05), F(.9), ["nesterov", B(True)]])
    g = k.obj(o).opt.param_groups[0]
    assert g["nesterov"] and g["momentum"] == .9 and g["lr"] == .05
    with pytest.raises(QError, match="module not specified"):
        k("model", [k("loss", "ce"), o])
    with pytest.raises(QError, match="lr: unrecognized arg"):
        k("lr", [o, J(1)])
