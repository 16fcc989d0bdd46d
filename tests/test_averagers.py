"""EMA, buffers, SWALR, SWAG, TWA and checkpoints through the q api (docs/averaging.md).

Oracles: EMA = closed-form weighted sum; SWALR lr sequence = torch's SWALR (bit-exact); SWAG mean and
variance = numpy over the snapshots, samples pass a chi-square Mahalanobis test and have the
requested covariance; TWA weights stay in the span of the snapshots; checkpoints round-trip
bit-exactly and a truncated or tampered file is a q error.
"""
import math
import os

import numpy as np
import pytest
import torch
from torch.optim.swa_utils import SWALR

from ktwa.errors import QError
from ktwa.session import Session
from ktwa.values.types import to_items


@pytest.fixture
def s():
    return Session()


def obj(s, name):
    return s.ctx.registry.entry(s.eval(name)).obj


def qerr(s, src):
    with pytest.raises(QError) as e:
        s.eval(src)
    return e.value.msg


def info(s, src):
    d = s.eval(src)
    return dict(zip(to_items(d.keys), to_items(d.values)))


def set_params(m, vec):
    i = 0
    with torch.no_grad():
        for p in m.parameters():
            k = p.numel()
            p.copy_(torch.as_tensor(vec[i:i + k], dtype=p.dtype).view_as(p))
            i += k


def flat(m):
    return torch.cat([p.detach().reshape(-1) for p in m.parameters()]).double().numpy()


# ---------------------------------------------------------------------------------------------
# EMA

def test_ema_closed_form(s):
    s.eval("m:module enlist(`linear;3;2); p:copyparms m")
    m = obj(s, "m")
    rng = np.random.default_rng(0)
    D = 8
    thetas = [flat(m)]
    d, k = 0.9, 6
    for i in range(k):
        th = rng.normal(size=D)
        set_params(m, th)
        thetas.append(flat(m))
        assert s.eval("emaparms(m;p;.9)") == i + 2
    # avg = d^k th0 + sum_{i=1..k} (1-d) d^(k-i) th_i
    want = d ** k * thetas[0] + sum((1 - d) * d ** (k - i) * thetas[i] for i in range(1, k + 1))
    got = np.concatenate([np.ravel(np.array(v, dtype=np.float64)) if not isinstance(v, list)
                          else np.concatenate([np.ravel(r) for r in v])
                          for v in [s.eval("dict(p;`weight)"), s.eval("dict(p;`bias)")]])
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    assert s.eval("dict(p;`.n)") == k + 1.0


def test_ema_warmup_and_start(s):
    s.eval("m:module enlist(`linear;2;1); p:copyparms m")
    m = obj(s, "m")
    rng = np.random.default_rng(1)
    avg = flat(m)
    decay, start = 0.99, 2
    for step in range(1, 9):                       # update number = .n before the call
        th = rng.normal(size=3)
        set_params(m, th)
        th = flat(m)
        s.eval("emaparms(m;p;.99;`warmup`start!(1b;2))")
        if step <= start:
            avg = th.copy()
        else:
            j = step - start
            dd = min(decay, (1 + j) / (10 + j))
            avg = dd * avg + (1 - dd) * th
    got = torch.cat([t.reshape(-1) for t in obj(s, "p").values()[:2]]).double().numpy()
    np.testing.assert_allclose(got, avg, rtol=1e-5, atol=1e-6)


def test_ema_matches_torch_ema_warmup(s):
    # torch-ema: shadow = clone at construction, decay = min(decay, (1+n)/(10+n)), n after ++
    s.eval("m:module enlist(`linear;4;3); p:copyparms m")
    m = obj(s, "m")
    shadow = [p.detach().clone() for p in m.parameters()]
    torch.manual_seed(0)
    for n in range(1, 6):
        with torch.no_grad():
            for p in m.parameters():
                p.add_(torch.randn_like(p))
        s.eval("emaparms(m;p;.999;1b)")
        d = min(0.999, (1 + n) / (10 + n))
        for sh, p in zip(shadow, m.parameters()):
            sh.sub_((sh - p.detach()) * (1 - d))
    for sh, a in zip(shadow, obj(s, "p").values()):
        torch.testing.assert_close(a, sh)


def test_ema_buffers_averaged_and_integer_buffers_copied(s):
    s.eval("q:module seq(`sequential;(`linear;`a;4;6);(`batchnorm1d;`b;6));"
           "p:copystate q")
    assert list(s.eval("key dict p")) == ["a.weight", "a.bias", "b.weight", "b.bias",
                                          "b.running_mean", "b.running_var",
                                          "b.num_batches_tracked"]
    q = obj(s, "q")
    ref = torch.optim.swa_utils.AveragedModel(
        q, multi_avg_fn=torch.optim.swa_utils.get_ema_multi_avg_fn(0.8), use_buffers=True)
    torch.manual_seed(0)
    q.train()
    for _ in range(4):
        with torch.no_grad():
            q(torch.randn(16, 4) * 3 + 1)          # moves running stats and the batch count
            for prm in q.parameters():
                prm.add_(torch.randn_like(prm) * 0.1)
        ref.update_parameters(q)                   # first update copies (= copystate)
        if _ == 0:
            s.eval("use[p]copystate q")
        else:
            s.eval("emaparms(q;p;.8)")
    d = obj(s, "p")
    sd = ref.module.state_dict()
    for k in ["a.weight", "a.bias", "b.weight", "b.bias", "b.running_mean", "b.running_var"]:
        torch.testing.assert_close(d[k], sd[k])
    assert int(d["b.num_batches_tracked"]) == int(q.b.num_batches_tracked) == 4
    assert d["b.num_batches_tracked"].dtype == torch.int64
    # copystate(m;p) writes parameters and buffers back
    r = s.eval("copystate(q;p)")
    assert list(r.values) == [True] * 7
    torch.testing.assert_close(q.b.running_mean, d["b.running_mean"])


def test_ema_fast_path_no_item_and_plan_reuse(s, monkeypatch):
    s.eval("m:module enlist(`linear;2;1); p:copyparms m; emaparms(m;p;.5)")
    c = obj(s, "p").pair_cache
    calls = []
    orig = torch.Tensor.item
    monkeypatch.setattr(torch.Tensor, "item", lambda self: calls.append(1) or orig(self))
    for _ in range(5):
        s.eval("emaparms(m;p;.5)")
    assert obj(s, "p").pair_cache is c and not calls
    assert s.eval("emaparms(m;p)") == 8


def test_ema_errors(s):
    s.eval("m:module enlist(`linear;2;1); p:copyparms m; e:dict`weight`x!(1 2;3)")
    assert "decay must be in [0,1]" in qerr(s, "emaparms(m;p;1.5)")
    assert "unrecognized option: foo" in qerr(s, "emaparms(m;p;.9;`foo`bar!1 2)")
    assert qerr(s, "emaparms(m;e;.9)") == \
        "emaparms: parameter bias not found, unable to compute average"
    assert qerr(s, "emaparms m").startswith("emaparms: expects")
    assert "warmup expects a boolean" in qerr(s, "emaparms(m;p;.9;`warmup`start!(`x;1))")


# ---------------------------------------------------------------------------------------------
# SWALR

@pytest.mark.parametrize("anneal,epochs", [("cos", 5), ("linear", 5), ("cos", 0), ("linear", 1)])
def test_swalr_matches_torch(s, anneal, epochs):
    s.eval(f"q:module enlist(`linear;2;1); o:opt(`sgd;q;.1); r:swalr(o;.05;{epochs};`{anneal})")
    p = torch.nn.Parameter(torch.zeros(1))
    topt = torch.optim.SGD([p], lr=0.1)
    ts = SWALR(topt, swa_lr=0.05, anneal_epochs=epochs, anneal_strategy=anneal)
    want = [topt.param_groups[0]["lr"]]
    got = [float(s.eval("first lr o"))]
    for _ in range(9):
        topt.step()
        ts.step()
        want.append(topt.param_groups[0]["lr"])
        got.append(float(s.eval("swalr r")))
    assert got == want                     # bit-identical sequence
    assert got[-1] == 0.05


def test_swalr_on_model_state_and_errors(s):
    s.eval("q:module enlist(`linear;2;1); m:model(q;loss`mse;opt(`sgd;q;.2));"
           "r:swalr(m;`lr`epochs`anneal!(.1;2;`linear))")
    assert s.eval("swalr r") == pytest.approx(0.15)
    st = s.eval("swalr(r;`state)")
    assert list(st.keys) == ["step", "epochs", "anneal", "swalr", "lr"]
    assert s.eval("first lr m") == pytest.approx(0.15)
    assert "anneal must be `cos or `linear" in qerr(s, "swalr(m;.1;2;`exp)")
    assert "SWA learning rate required" in qerr(s, "swalr m")


# ---------------------------------------------------------------------------------------------
# SWAG

def _swag_setup(s, n=12, k=5, seed=0):
    s.eval(f"q:module enlist(`linear;3;2); w:swag(q;{k})")
    q = obj(s, "q")
    rng = np.random.default_rng(seed)
    snaps = []
    for i in range(n):
        th = rng.normal(size=8) * np.linspace(0.5, 2, 8) + np.arange(8)
        set_params(q, th)
        snaps.append(flat(q))
        assert s.eval("collect(w;q)") == i + 1
    return q, np.array(snaps)


def test_swag_moments_equal_numpy(s):
    q, W = _swag_setup(s)
    mean = np.array(s.eval("swag(w;`mean)"), dtype=np.float64)
    var = np.array(s.eval("swag(w;`var)"), dtype=np.float64)
    np.testing.assert_allclose(mean, W.mean(0), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(var, W.var(0), rtol=1e-3, atol=1e-4)
    info = s.eval("swag w")
    assert [int(v) for v in info.values] == [12, 5, 5, 8]
    dev = np.array([np.asarray(r, dtype=np.float64) for r in s.eval("swag(w;`dev)")])
    assert dev.shape == (5, 8)
    # deviation i = theta_i - running mean after adding theta_i (reference collect_model)
    run = np.array([W[:i + 1].mean(0) for i in range(len(W))])
    np.testing.assert_allclose(dev, (W - run)[-5:], rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("scale,diag", [(0.5, False), (1.0, True)])
def test_swag_samples_chi_square_and_covariance(s, scale, diag):
    q, W = _swag_setup(s, n=12, k=5)
    mean = np.array(s.eval("swag(w;`mean)"), dtype=np.float64)
    var = np.array(s.eval("swag(w;`var)"), dtype=np.float64)
    D = np.array([np.asarray(r, dtype=np.float64) for r in s.eval("swag(w;`dev)")])
    cov = np.diag(var) + (0 if diag else D.T @ D / (D.shape[0] - 1))
    cov = scale * cov
    s.eval("seed 42")
    n = 3000
    src = f"sample(w;q;{scale};{'1b' if diag else '0b'})"
    X = np.empty((n, 8))
    for i in range(n):
        s.eval(src)
        X[i] = flat(q)
    # sample covariance equals the requested one (variance, not std, bug check)
    emp = np.cov(X.T)
    assert np.linalg.norm(emp - cov) / np.linalg.norm(cov) < 0.1
    np.testing.assert_allclose(X.mean(0), mean, atol=4 * np.sqrt(np.diag(cov).max() / n) + 1e-6)
    # Mahalanobis quadratic forms follow chi2(8): mean 8, 95% quantile 15.507
    inv = np.linalg.inv(cov)
    z = X - mean
    m2 = np.einsum("ij,jk,ik->i", z, inv, z)
    assert abs(m2.mean() - 8) < 0.5
    assert 0.93 < (m2 < 15.507).mean() < 0.97


def test_swag_sample_scale0_is_mean_and_bma(s):
    q, W = _swag_setup(s, n=6, k=3)
    s.eval("sample(w;q;0f)")
    np.testing.assert_allclose(flat(q), W.mean(0), rtol=1e-5, atol=1e-5)
    s.eval("x:7 3#21?1e")
    before = flat(q)
    r = np.array([np.asarray(v) for v in s.eval("bma(w;q;x;`samples`scale!(4;0f))")])
    np.testing.assert_allclose(flat(q), before)              # weights restored
    xs = torch.as_tensor(np.array([np.asarray(v) for v in s.eval("x")]))
    with torch.no_grad():
        want = torch.softmax(q(xs), 1).numpy()
    np.testing.assert_allclose(r, want, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(r.sum(1), 1, atol=1e-5)


def test_bma_recalibrates_batchnorm_like_manual_loop(s):
    from ktwa.averaging import recalibrate
    s.eval("q:module seq(`sequential;(`linear;`a;3;5);(`batchnorm1d;`b;5);`relu;(`linear;`c;5;4));"
           "m:model(addref q;loss`ce;opt(`sgd;q;.1)); x:64 3#192?1e; y:64?4;"
           "train(m;`batchsize;16); train(m;x;y); w:swag q")
    for _ in range(4):
        s.eval("run m; collect(w;m)")
    q = obj(s, "q")
    state0 = {k: v.clone() for k, v in q.state_dict().items()}
    s.eval("seed 7")
    r = np.array([np.asarray(v) for v in s.eval("bma(w;m;x;3)")])
    for k, v in q.state_dict().items():
        assert torch.equal(v, state0[k])                    # parameters and buffers restored
    sw = obj(s, "w").swag
    xs = torch.as_tensor(np.array([np.asarray(v) for v in s.eval("x")]))
    torch.manual_seed(7)
    acc = 0
    params = list(q.parameters())
    for _ in range(3):
        from ktwa.averaging import unflatten_into
        unflatten_into(params, sw.sample(0.5))
        recalibrate(q, [xs[i:i + 16] for i in range(0, 64, 16)])
        q.eval()
        with torch.no_grad():
            acc = acc + torch.softmax(q(xs), 1)
        q.train()
    q.load_state_dict(state0)
    np.testing.assert_allclose(r, (acc / 3).numpy(), rtol=1e-5, atol=1e-6)
    assert "batch norm layers need a model" in qerr(s, "bma(w;q;x;1)")


def test_swag_errors(s):
    s.eval("q:module enlist(`linear;3;2); w:swag q; q2:module enlist(`linear;2;2)")
    assert qerr(s, "sample(w;q)") == "sample: no models collected"
    assert "module has no parameter" in qerr(s, "collect(w;q2)") or \
        "has shape" in qerr(s, "collect(w;q2)")
    assert "unrecognized field" in qerr(s, "swag(w;`foo)")
    assert "expecting swag or twa" in qerr(s, "collect(q;q)")


def test_swag_collect_sees_a_parameter_resized_in_place(s):
    """collect caches the module's parameter list between calls; a parameter that keeps its
    identity but changes shape (`.data` replaced by one that would broadcast into the old slot)
    must still be refused, not copied silently, and the swag left as it was."""
    s.eval("q:module enlist(`linear;2;1); w:swag q")
    assert s.eval("collect(w;q)") == 1 and s.eval("collect(w;q)") == 2
    lin = s.ctx.registry.entry(s.eval("q")).obj
    lin = lin[0] if isinstance(lin, torch.nn.Sequential) else lin
    mean = s.eval("swag(w;`mean)").copy()
    lin.bias.data = torch.zeros(())
    assert "has shape" in qerr(s, "collect(w;q)")
    assert s.eval("(swag w)`n") == 2
    np.testing.assert_array_equal(s.eval("swag(w;`mean)"), mean)
    lin.bias.data = torch.zeros(1)
    assert s.eval("collect(w;q)") == 3


# ---------------------------------------------------------------------------------------------
# TWA

def test_twa_stays_in_span(s):
    s.eval("q:module seq(`sequential;(`linear;`a;4;6);`relu;(`linear;`c;6;3));"
           "m:model(addref q;loss`ce;opt(`sgd;q;.2;.9;`decay,1e-4));"
           "x:200 4#800?1e; y:200?3; train(m;`batchsize;20); train(m;x;y); t:twa m")
    for _ in range(5):
        s.eval("run m; collect(t;m)")
    W = np.array([np.asarray(r, dtype=np.float64) for r in s.eval("twa(t;`snapshots)")])
    assert W.shape == (5, 51)
    assert s.eval("subspace(t;m)") == 5
    q = obj(s, "q")
    np.testing.assert_allclose(flat(q), W.mean(0), rtol=1e-5, atol=1e-6)
    P = np.array([np.asarray(r, dtype=np.float64) for r in s.eval("twa(t;`basis)")])
    np.testing.assert_allclose(P @ P.T, np.eye(5), atol=1e-5)
    losses = [float(s.eval("run m")) for _ in range(6)]
    w = flat(q)
    coef, *_ = np.linalg.lstsq(W.T, w, rcond=None)
    assert np.abs(W.T @ coef - w).max() < 1e-5               # in the span of the snapshots
    assert np.abs(w - W.mean(0)).max() > 1e-3                 # and it did train
    assert losses[-1] < losses[0] + 1e-6
    assert info(s, "twa t")["hooked"]
    s.eval("subspace(t;`off); run m")
    w2 = flat(q)
    coef, *_ = np.linalg.lstsq(W.T, w2, rcond=None)
    assert np.abs(W.T @ coef - w2).max() > 1e-4               # unhooked: leaves the span


def test_freeing_a_twa_removes_its_gradient_hook(s):
    s.eval("q:module enlist(`linear;2;2); m:model(addref q;loss`ce;opt(`sgd;q;.1));"
           "x:10 2#20?1e; y:10?2; train(m;x;y); t:twa m; collect(t;m); run m; collect(t;m)")
    s.eval("subspace(t;m)")
    opt = obj(s, "m").optimizer.opt
    assert len(opt._optimizer_step_pre_hooks) == 1
    s.eval("free t")
    assert len(opt._optimizer_step_pre_hooks) == 0


def test_twa_centered_collect_from_dict_and_errors(s):
    s.eval("q:module enlist(`linear;3;2); t:twa(q;3)")
    assert qerr(s, "subspace(t;q)") == "subspace: no snapshots collected"
    q = obj(s, "q")
    rng = np.random.default_rng(0)
    for i in range(4):
        set_params(q, rng.normal(size=8))
        s.eval("p:copyparms q")
        assert s.eval("collect(t;p)") == min(i + 1, 3)       # keeps the last 3
    assert s.eval("subspace(t;q;`centered)") == 2            # centred rank N-1
    assert not info(s, "twa t")["hooked"]                     # a module: no hook
    assert "expecting (twa;`off)" in qerr(s, "subspace(t;`on)")


# ---------------------------------------------------------------------------------------------
# checkpoints

def _same(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and torch.equal(a.view(-1).view(torch.uint8)
                                                                     if a.numel() else a,
                                                                     b.view(-1).view(torch.uint8)
                                                                     if b.numel() else b)


def test_checkpoint_dictionary_roundtrip_bit_exact(s, tmp_path):
    f = tmp_path / "d.safetensors"
    s.eval("m:module enlist(`linear;3;2); p:copyparms m; emaparms(m;p;.9)")
    d = obj(s, "p")
    d.set("bf", torch.randn(3, 4, dtype=torch.bfloat16))
    d.set("i", torch.arange(5))
    d.set("b", torch.tensor([True, False]))
    d.set("nan", torch.tensor([float("nan"), -0.0, float("inf")]))
    assert s.eval(f"savetensors(p;`:{f})") == f":{f}"
    s.eval(f"p2:loadtensors`:{f}")
    d2 = obj(s, "p2")
    assert d2.keys() == d.keys()
    for k in d.keys():
        assert _same(d[k], d2[k]), k
    assert s.eval("emaparms(m;p2;.9)") == 3                  # EMA state resumes (.n kept)
    # load into an existing dictionary replaces its contents
    s.eval("e:dict`a`b!1 2")
    assert s.eval(f"loadtensors(e;`:{f})") == len(d.keys())
    assert obj(s, "e").keys() == d.keys()
    # k dictionaries save too
    s.eval(f"savetensors(`a`b!(1 2 3;2 2#1.5);`:{tmp_path / 'k.safetensors'})")
    assert s.eval(f"(dict loadtensors`:{tmp_path / 'k.safetensors'})`a").tolist() == [1, 2, 3]
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_checkpoint_module_state_and_averagers(s, tmp_path):
    s.eval("q:module seq(`sequential;(`linear;`a;4;6);(`batchnorm1d;`b;6));"
           "m:model(addref q;loss`mse;opt(`sgd;q;.1)); w:swag(q;3); t:twa q;"
           "r:swalr(m;.05;4)")
    q = obj(s, "q")
    q.train()
    for _ in range(4):
        with torch.no_grad():
            q(torch.randn(8, 4))
            for p in q.parameters():
                p.add_(torch.randn_like(p))
        s.eval("collect(w;q); collect(t;q); swalr r")
    for name, cls in [("q", "module"), ("w", "swag"), ("t", "twa"), ("r", "scheduler")]:
        s.eval(f"savetensors({name};`:{tmp_path / name})")
    # module: parameters and buffers bit-exact into a fresh module
    s.eval("q2:module seq(`sequential;(`linear;`a;4;6);(`batchnorm1d;`b;6))")
    r = s.eval(f"loadtensors(q2;`:{tmp_path / 'q'})")
    assert all(r.values) and len(r.values) == 7
    for (k, v), (_, v2) in zip(q.state_dict().items(), obj(s, "q2").state_dict().items()):
        assert _same(v, v2), k
    # swag: every statistic bit-exact, sampling works after the load
    s.eval(f"w2:loadtensors`:{tmp_path / 'w'}")
    a, b = obj(s, "w").swag, obj(s, "w2").swag
    assert (a.n, a.k, a.max_models) == (b.n, b.k, b.max_models) == (4, 3, 3)
    for x, y in [(a.mean, b.mean), (a.sq_mean, b.sq_mean), (a.deviations(), b.deviations())]:
        assert _same(x, y)
    s.eval("sample(w2;q2)")
    s.eval("w3:swag(q;3)")
    assert s.eval(f"loadtensors(w3;`:{tmp_path / 'w'})") == 4
    # twa: snapshots bit-exact
    s.eval(f"t2:loadtensors`:{tmp_path / 't'}")
    for x, y in zip(obj(s, "t").twa.snaps, obj(s, "t2").twa.snaps):
        assert _same(x, y)
    # scheduler: resumes the same lr sequence
    s.eval("o2:opt(`sgd;q2;.1); r2:swalr(o2;.05;4)")
    assert s.eval(f"loadtensors(r2;`:{tmp_path / 'r'})") == 4
    assert s.eval("swalr r2") == s.eval("swalr r")
    assert "holds a swag, not a twa" in qerr(s, f"loadtensors(t;`:{tmp_path / 'w'})")


def test_checkpoint_truncated_tampered_and_atomic(s, tmp_path, monkeypatch):
    f = tmp_path / "p.safetensors"
    s.eval(f"m:module enlist(`linear;30;20); p:copyparms m; savetensors(p;`:{f})")
    data = f.read_bytes()
    for cut in (len(data) - 1, len(data) // 2, 20, 4, 0):
        f.write_bytes(data[:cut])
        assert "invalid or truncated" in qerr(s, f"loadtensors`:{f}")
    bad = bytearray(data)
    bad[-7] ^= 0x01                                           # one bit of one weight
    f.write_bytes(bytes(bad))
    assert "checksum mismatch" in qerr(s, f"loadtensors`:{f}")
    hdr = data.replace(b'"dictionary"', b'"dictionarz"')      # metadata edited
    f.write_bytes(hdr)
    assert "checksum mismatch" in qerr(s, f"loadtensors`:{f}")
    # a pickle is never unpickled
    import pickle

    class Boom:
        def __reduce__(self):
            return (os.system, ("touch " + str(tmp_path / "pwned"),))
    f.write_bytes(pickle.dumps(Boom()))
    assert "pickle (torch.save) file, refused: unpickling can run any code" in \
        qerr(s, f"loadtensors`:{f}")
    assert not (tmp_path / "pwned").exists()
    # atomic: a failing write leaves the previous file intact and no temporary behind
    f.write_bytes(data)
    import errno

    def broken(fd):                                           # the disk fills up mid-write
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "fsync", broken)
    assert qerr(s, f"savetensors(p;`:{f})") == "savetensors: No space left on device"
    assert f.read_bytes() == data
    assert sorted(os.listdir(tmp_path)) == ["p.safetensors"]


def test_checkpoint_foreign_file_and_errors(s, tmp_path):
    from safetensors.torch import save_file
    f = tmp_path / "x.safetensors"
    save_file({"weight": torch.ones(1, 2), "bias": torch.zeros(1)}, str(f))
    s.eval(f"m:module enlist(`linear;2;1); p:loadtensors`:{f}")
    assert list(s.eval(f"loadtensors(m;`:{f})").values) == [True, True]
    assert "expecting file symbol" in qerr(s, "savetensors(p;42)")
    assert "No such file" in qerr(s, f"loadtensors`:{tmp_path / 'none'}")
    assert "no such directory" in qerr(s, f"savetensors(p;`:{tmp_path / 'a' / 'b'})")
