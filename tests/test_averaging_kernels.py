"""Oracle tests for ktwa.averaging (pure torch kernels; CPU, small models, fast)."""

import math

import numpy as np
import pytest
import torch
from torch import nn
from torch.optim.swa_utils import SWALR, AveragedModel, get_ema_multi_avg_fn, update_bn

import ktwa.averaging as A


def _perturb(model, gen, scale=0.1):
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn(p.shape, generator=gen, dtype=p.dtype) * scale)


def _net():
    return nn.Sequential(nn.Linear(5, 7), nn.ReLU(), nn.Linear(7, 3))


# ---------------------------------------------------------------------------------- running mean
def test_running_mean_equals_arithmetic_mean_and_counts():
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(1)
    m = _net()
    params = list(m.parameters())
    avg = A.snapshot(params)
    assert all(not a.requires_grad for a in avg)
    n = torch.tensor(1.0, dtype=torch.float64)
    plan = A.Plan(avg, params)
    snaps = [[p.detach().clone() for p in params]]
    k = 9
    for _ in range(k):
        _perturb(m, gen)
        snaps.append([p.detach().clone() for p in params])
        A.running_mean_(avg, params, n, plan=plan)
    assert n.dtype == torch.float64 and n.item() == k + 1
    for i, a in enumerate(avg):
        expect = torch.stack([s[i] for s in snaps]).double().mean(0)
        assert torch.allclose(a.double(), expect, atol=1e-6, rtol=0)
        assert not a.requires_grad and a.grad_fn is None
    assert torch.is_grad_enabled()


def test_running_mean_matches_averaged_model():
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(2)
    m = _net()
    swa = AveragedModel(m)
    swa.update_parameters(m)          # AveragedModel's first update is a copy (n_averaged 0 -> 1)
    avg = A.snapshot(m.parameters())  # ktwa: copyparms snapshot counts as n = 1
    n = torch.tensor(1.0, dtype=torch.float64)
    for _ in range(7):
        _perturb(m, gen, 0.3)
        swa.update_parameters(m)
        A.running_mean_(avg, list(m.parameters()), n)
    assert int(swa.n_averaged) == int(n.item()) == 8
    for a, b in zip(avg, swa.module.parameters()):
        assert torch.allclose(a, b, atol=1e-6, rtol=0)


def test_running_mean_n_zero_copies_and_weight_forms_agree():
    gen = torch.Generator().manual_seed(3)
    src = [torch.randn(4, 3, generator=gen), torch.randn(3, generator=gen)]
    avg = [torch.full((4, 3), float("nan")), torch.zeros(3)]
    n = torch.tensor(0.0, dtype=torch.float64)
    A.running_mean_(avg, src, n)  # n = 0: exact copy (nan-safe), like AveragedModel's first update
    assert all(torch.equal(a, s) for a, s in zip(avg, src)) and n.item() == 1
    # the three weight forms (host float, explicit float, 0-dim tensor = sync-free path) agree
    new = [torch.randn(4, 3, generator=gen), torch.randn(3, generator=gen)]
    outs = []
    for mode in ("none", "float", "tensor"):
        a = [t.clone() for t in avg]
        nn_ = torch.tensor(3.0, dtype=torch.float64)
        w = None if mode == "none" else (0.25 if mode == "float" else torch.tensor(0.25, dtype=torch.float64))
        A.running_mean_(a, new, nn_, weight=w)
        assert nn_.item() == 4.0
        outs.append(a)
    for o in outs[1:]:
        for x, y in zip(outs[0], o):
            assert torch.allclose(x, y, atol=1e-7)
    for x, a0, s in zip(outs[0], avg, new):
        assert torch.allclose(x, a0 + (s - a0) / 4, atol=1e-7)


def test_mixed_dtypes_staging_and_integer_copy():
    gen = torch.Generator().manual_seed(4)
    avg = [torch.zeros(3, 2), torch.zeros(5, dtype=torch.float64), torch.zeros(2, dtype=torch.int64),
           torch.zeros(4)]                                   # fp32 average of a bf16 source
    src = [torch.randn(3, 2, generator=gen), torch.randn(5, generator=gen, dtype=torch.float64),
           torch.tensor([7, 9]), torch.randn(4, generator=gen).to(torch.bfloat16)]
    plan = A.Plan(avg, src)
    assert len(plan.avg) == 2 and len(plan.copy) == 1 and len(plan.stage) == 1
    n = torch.tensor(0.0, dtype=torch.float64)
    history = []
    for step in range(4):
        history.append([s.clone() for s in src])
        A.running_mean_(avg, src, n, plan=plan)
        for s in src:
            if s.dtype.is_floating_point:
                s.add_(torch.randn(s.shape, generator=gen).to(s.dtype))
            else:
                s.add_(step + 1)
    assert [a.dtype for a in avg] == [torch.float32, torch.float64, torch.int64, torch.float32]
    for i in (0, 1, 3):
        expect = torch.stack([h[i].double() for h in history]).mean(0)
        assert torch.allclose(avg[i].double(), expect, atol=1e-6)
    assert torch.equal(avg[2], history[-1][2])  # integer buffer: copied, never averaged


def test_plan_matches_identity_and_rebuild():
    a = [torch.zeros(2)]
    s = [torch.ones(2)]
    p = A.Plan(a, s)
    assert p.matches(a, s) and p.matches(list(a), list(s))
    assert not p.matches([torch.zeros(2)], s)
    s[0].data = torch.ones(2, dtype=torch.float64)  # what module.to(dtype) does behind the plan
    with pytest.raises(RuntimeError):                # a stale plan fails before writing anything
        A.ema_(a, s, 0.75, plan=p)
    assert torch.equal(a[0], torch.zeros(2))
    A.ema_(a, s, 0.75)                               # a fresh plan averages the new dtype
    assert torch.equal(a[0], torch.full((2,), 0.25))
    with pytest.raises(RuntimeError, match="must match the size"):
        A.Plan([torch.zeros(2, 4)], [torch.zeros(2, 3)])


# ---------------------------------------------------------------------------------- copy_into_
def test_copy_into_broadcast_cast_and_atomic_error():
    w = torch.zeros(2, 4, requires_grad=True)
    b = torch.zeros(2, requires_grad=True)
    A.copy_into_([w, b], [torch.tensor(3), torch.tensor([1.5, 2.5], dtype=torch.float64)])
    assert torch.equal(w, torch.full((2, 4), 3.0)) and torch.equal(b, torch.tensor([1.5, 2.5]))
    assert w.grad_fn is None and w.is_leaf
    A.copy_into_([w], [torch.ones(1, 4)])  # 1x4 broadcasts onto 2x4
    assert torch.equal(w, torch.ones(2, 4))
    before = [w.detach().clone(), b.detach().clone()]
    with pytest.raises(RuntimeError) as e:  # first pair fine, second bad: nothing may be written
        A.copy_into_([b, w], [torch.tensor([9.0, 9.0]), torch.ones(2, 3)])
    assert str(e.value) == ("The size of tensor a (4) must match the size of tensor b (3) at "
                            "non-singleton dimension 1")
    assert torch.equal(w, before[0]) and torch.equal(b, before[1])
    with pytest.raises(RuntimeError, match=r"output with shape \[1, 4\] doesn't match the broadcast shape"):
        A.copy_into_([torch.zeros(1, 4)], [torch.zeros(2, 4)])


# ---------------------------------------------------------------------------------- EMA
def test_ema_closed_form_and_averaged_model():
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(5)
    decay = 0.9
    m = _net()
    ref = AveragedModel(m, multi_avg_fn=get_ema_multi_avg_fn(decay))
    ref.update_parameters(m)
    avg = A.snapshot(m.parameters())
    snaps = [[p.detach().clone() for p in m.parameters()]]
    k = 6
    for _ in range(k - 1):
        _perturb(m, gen, 0.5)
        snaps.append([p.detach().clone() for p in m.parameters()])
        ref.update_parameters(m)
        d = A.ema_(avg, list(m.parameters()), decay)
        assert d == decay
    weights = [decay ** (k - 1)] + [(1 - decay) * decay ** (k - 1 - i) for i in range(1, k)]
    assert abs(sum(weights) - 1) < 1e-12
    for j, a in enumerate(avg):
        expect = sum(w * s[j].double() for w, s in zip(weights, snaps))
        assert torch.allclose(a.double(), expect, atol=1e-6)
    for a, b in zip(avg, ref.module.parameters()):
        assert torch.allclose(a, b, atol=1e-6)


def test_ema_warmup_start_and_int_buffers():
    decay = 0.99
    avg = [torch.zeros(3), torch.zeros(1, dtype=torch.int64)]
    src = [torch.zeros(3), torch.zeros(1, dtype=torch.int64)]
    expect = torch.zeros(3, dtype=torch.float64)
    start = 2
    for step in range(1, 9):
        src[0].fill_(float(step))
        src[1].fill_(step)
        d = A.ema_(avg, src, decay, step=step, warmup=True, start=start)
        if step <= start:
            assert d == 0.0
        else:
            k = step - start
            assert d == min(decay, (1 + k) / (10 + k))  # torch-ema's warm-up
        expect = d * expect + (1 - d) * float(step)
        assert torch.allclose(avg[0].double(), expect.expand(3), atol=1e-5)
        assert avg[1].item() == step  # integer buffer copied
    assert A.ema_decay(0.999, 1, True) == 2 / 11 and A.ema_decay(0.5, None) == 0.5
    # extra always-copied pairs (buffers when only parameters are averaged)
    buf_d, buf_s = [torch.zeros(2)], [torch.tensor([4.0, 5.0])]
    A.ema_(avg, src, 0.5, copy_dst=buf_d, copy_src=buf_s)
    assert torch.equal(buf_d[0], buf_s[0])
    with pytest.raises(ValueError):
        A.ema_(avg, src, 1.5)


# ---------------------------------------------------------------------------------- batchnorm
class _BNNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(6, 4)
        self.bn = nn.BatchNorm1d(4, momentum=0.3)
        self.block = nn.Sequential(nn.ReLU(), nn.Linear(4, 3), nn.BatchNorm1d(3))

    def forward(self, x):
        return self.block(self.bn(self.lin(x)))


def test_bn_modules_names():
    net = _BNNet()
    assert [n for n, _ in A.bn_modules(net)] == ["bn", "block.2"]
    assert [n for n, _ in A.bn_modules(nn.BatchNorm2d(3))] == [""]
    assert A.bn_modules(nn.Linear(2, 2)) == []
    assert A.recalibrate(nn.Linear(2, 2), [torch.zeros(1, 2)]) == {}


def test_recalibrate_equals_update_bn_and_exact_stats():
    torch.manual_seed(0)
    net = _BNNet()
    gen = torch.Generator().manual_seed(6)
    batches = [torch.randn(16, 6, generator=gen) * 2 + 1 for _ in range(5)]
    ref = _BNNet()
    ref.load_state_dict(net.state_dict())
    net.eval()
    ref.eval()
    momenta = A.recalibrate(net, batches)
    update_bn(batches, ref)
    assert momenta == {"bn": 0.3, "block.2": 0.1}
    assert net.bn.momentum == 0.3 and net.block[2].momentum == 0.1 and not net.training
    for (k, a), (k2, b) in zip(net.state_dict().items(), ref.state_dict().items()):
        assert k == k2 and torch.allclose(a.float(), b.float(), atol=1e-6), k
    # exact oracle: per-channel mean of preactivations; running_var = batch-averaged unbiased var
    with torch.no_grad():
        pre = [net.lin(b) for b in batches]
    mean = torch.stack([h.mean(0) for h in pre]).mean(0)
    var = torch.stack([h.var(0, unbiased=True) for h in pre]).mean(0)
    assert torch.allclose(net.bn.running_mean, mean, atol=1e-5)
    assert torch.allclose(net.bn.running_var, var, atol=1e-5)
    assert int(net.bn.num_batches_tracked) == 5


def test_recalibrate_custom_forward_and_restores_on_error():
    net = _BNNet()
    net.train()
    net.block.eval()  # mixed flags must come back exactly, not just the root's
    flags = {n: m.training for n, m in net.named_modules()}
    calls = []

    def fwd(module, batch):
        calls.append(module.block.training)  # everything in train mode during recalibration
        if len(calls) == 2:
            raise RuntimeError("boom")
        return module(batch["x"])

    with pytest.raises(RuntimeError, match="boom"):
        A.recalibrate(net, [{"x": torch.randn(4, 6)} for _ in range(3)], forward=fwd)
    assert calls == [True, True]
    assert {n: m.training for n, m in net.named_modules()} == flags
    assert net.bn.momentum == 0.3 and net.block[2].momentum == 0.1


def test_reset_and_restore_momenta():
    net = _BNNet()
    with torch.no_grad():
        net.bn.running_mean.fill_(3)
    saved = A.reset_bn(net)
    assert saved == {"bn": 0.3, "block.2": 0.1}
    assert net.bn.momentum is None and torch.equal(net.bn.running_mean, torch.zeros(4))
    assert torch.equal(net.bn.running_var, torch.ones(4)) and int(net.bn.num_batches_tracked) == 0
    with pytest.raises(LookupError):
        A.restore_momenta(net, {"bn": 0.5, "nope": 0.1})
    assert net.bn.momentum is None  # nothing changed on a bad dictionary
    with pytest.raises(TypeError):
        A.restore_momenta(net, {"lin": 0.1})
    A.restore_momenta(net, {"bn": float("nan"), "block.2": 0.2})
    assert net.bn.momentum is None and net.block[2].momentum == 0.2
    A.restore_momenta(net, saved)
    assert net.bn.momentum == 0.3 and net.block[2].momentum == 0.1


# ---------------------------------------------------------------------------------- SWALR
@pytest.mark.parametrize("strategy", ["cos", "linear"])
@pytest.mark.parametrize("epochs", [0, 1, 5, 10])
def test_swalr_sequence_matches_torch(strategy, epochs):
    def make():
        p = [nn.Parameter(torch.zeros(1)), nn.Parameter(torch.zeros(1))]
        return torch.optim.SGD([{"params": [p[0]], "lr": 0.4}, {"params": [p[1]], "lr": 0.07}], lr=0.1)

    o1, o2 = make(), make()
    ref = SWALR(o1, swa_lr=[0.05, 0.01], anneal_epochs=epochs, anneal_strategy=strategy)
    ours = A.SwaLR(o2, swa_lr=[0.05, 0.01], anneal_epochs=epochs, anneal_strategy=strategy)
    seq1, seq2 = [[g["lr"] for g in o1.param_groups]], [[g["lr"] for g in o2.param_groups]]
    for _ in range(epochs + 4):
        o1.step()
        ref.step()
        ours.step()
        seq1.append([g["lr"] for g in o1.param_groups])
        seq2.append([g["lr"] for g in o2.param_groups])
    assert seq1 == seq2  # bit-identical
    assert seq2[-1] == [0.05, 0.01]
    assert ours.get_last_lr() == ref.get_last_lr()


def test_swalr_state_dict_roundtrip():
    p = nn.Parameter(torch.zeros(1))
    o = torch.optim.SGD([p], lr=1.0)
    s = A.SwaLR(o, 0.1, anneal_epochs=6)
    for _ in range(2):
        s.step()
    sd = s.state_dict()
    tail = [s.step() for _ in range(6)]
    o2 = torch.optim.SGD([nn.Parameter(torch.zeros(1))], lr=1.0)
    s2 = A.SwaLR(o2, 0.1, anneal_epochs=6, anneal_strategy="linear")
    s2.load_state_dict(sd)
    o2.param_groups[0]["lr"] = sd["_last_lr"][0]
    assert s2.anneal_strategy == "cos"
    assert [s2.step() for _ in range(6)] == tail
    with pytest.raises(ValueError):
        A.SwaLR(o, 0.1, anneal_strategy="exp")
    with pytest.raises(ValueError):
        A.SwaLR(o, 0.1, anneal_epochs=-1)


# ---------------------------------------------------------------------------------- SWAG
def _swag_trajectory(D_shapes=((2, 2), (1,)), steps=12, max_models=5, seed=7):
    gen = torch.Generator().manual_seed(seed)
    params = [torch.zeros(s, dtype=torch.float64) for s in D_shapes]
    swag = A.Swag(params, max_models=max_models)
    snaps = []
    for _ in range(steps):
        for p in params:
            p.copy_(torch.randn(p.shape, generator=gen, dtype=torch.float64) * 0.5 + 1.0)
        snaps.append(torch.cat([p.reshape(-1) for p in params]).numpy().copy())
        swag.collect(params)
    return swag, np.stack(snaps), params


def test_swag_moments_match_numpy_and_ring_buffer():
    swag, W, _ = _swag_trajectory()
    assert swag.dtype == torch.float64 and swag.n == 12 and swag.k == 5
    assert np.allclose(swag.mean_vector().numpy(), W.mean(0), atol=1e-12)
    assert np.allclose(swag.var_vector().numpy(), W.var(0), atol=1e-10)  # population variance
    # deviations: last 5 snapshots minus the mean after each update, oldest first
    means = np.cumsum(W, 0) / np.arange(1, 13)[:, None]
    assert np.allclose(swag.deviations().numpy(), (W - means)[-5:], atol=1e-12)
    assert swag.dev.shape == (5, W.shape[1])


def test_swag_state_dict_variable_length():
    swag, W, params = _swag_trajectory(steps=3, max_models=5)
    sd = swag.state_dict()
    assert sd["deviations"].shape == (3, 5)
    s2 = A.Swag(params, max_models=5)
    s2.load_state_dict(sd)
    assert s2.n == 3 and s2.k == 3
    assert torch.equal(s2.deviations(), swag.deviations())
    g1, g2 = torch.Generator().manual_seed(0), torch.Generator().manual_seed(0)
    assert torch.equal(swag.sample(generator=g1), s2.sample(generator=g2))
    # continue collecting on both: identical
    for s in (swag, s2):
        for p in params:
            p.fill_(2.0)
        s.collect(params)
        assert s.k == 4
    assert torch.equal(s2.deviations(), swag.deviations())
    full, _, _ = _swag_trajectory(steps=9, max_models=5)
    s3 = A.Swag(params, max_models=5)
    s3.load_state_dict(full.state_dict())
    assert torch.equal(s3.deviations(), full.deviations())


def _chi2_quantile(p_z, k):  # Wilson-Hilferty approximation (accurate to ~1% for k >= 3)
    return k * (1 - 2 / (9 * k) + p_z * math.sqrt(2 / (9 * k))) ** 3


@pytest.mark.parametrize("scale", [0.5, 1.0, 0.01])
def test_swag_sample_covariance_and_mahalanobis(scale):
    swag, W, params = _swag_trajectory(steps=12, max_models=5)
    mean = swag.mean_vector()
    var = swag.var_vector()
    Dm = swag.dev[: swag.k]
    K = swag.k
    cov = scale * (torch.diag(var) + Dm.T @ Dm / (K - 1))
    gen = torch.Generator().manual_seed(11)
    S = torch.stack([swag.sample(scale=scale, generator=gen) for _ in range(6000)])
    emp = torch.cov(S.T)
    assert torch.allclose(S.mean(0), mean, atol=4 * cov.diagonal().max().sqrt().item() / math.sqrt(6000))
    assert torch.allclose(emp, cov, atol=0.08 * cov.diagonal().max().item())
    dev = S - mean
    d2 = (dev @ torch.linalg.inv(cov) * dev).sum(1)
    p = mean.numel()
    assert abs(d2.mean().item() - p) < 0.15 * p                   # E[chi2(p)] = p
    q95 = _chi2_quantile(1.6448536, p)
    frac = (d2 < q95).double().mean().item()
    assert 0.93 < frac < 0.97
    # diagonal-only sampling: covariance scale*diag(var)
    S2 = torch.stack([swag.sample(scale=scale, diag_only=True, generator=gen) for _ in range(4000)])
    assert torch.allclose(S2.var(0), scale * var, rtol=0.12)


def test_swag_small_k_and_unflatten():
    params = [torch.zeros(2, 3), torch.zeros(3)]
    s = A.Swag(params, max_models=4)
    with pytest.raises(RuntimeError):
        s.sample()
    for p in params:
        p.fill_(1.0)
    s.collect(params)
    v = s.sample(scale=0.5, generator=torch.Generator().manual_seed(0))  # K=1: low-rank term skipped
    assert torch.allclose(v, torch.ones(9), atol=1e-6)  # var clamped to 1e-30 -> essentially the mean
    net_p = [torch.zeros(2, 3, requires_grad=True), torch.zeros(3, requires_grad=True)]
    s.unflatten_into(net_p, torch.arange(9.0))
    assert torch.equal(net_p[0], torch.arange(6.0).view(2, 3)) and torch.equal(net_p[1], torch.tensor([6.0, 7, 8]))
    assert s.sample(scale=0.0).equal(s.mean_vector())


# ---------------------------------------------------------------------------------- TWA
def test_twa_basis_orthonormal_drops_dependent_rows():
    gen = torch.Generator().manual_seed(8)
    W = torch.randn(4, 50, generator=gen, dtype=torch.float64)
    W = torch.cat([W, (W[0] + 2 * W[2]).unsqueeze(0), W[1:2] * 3])  # two dependent rows
    P = A.twa_basis(W)
    assert P.shape == (4, 50)
    assert torch.allclose(P @ P.T, torch.eye(4, dtype=torch.float64), atol=1e-12)
    assert torch.allclose((W @ P.T) @ P, W, atol=1e-10)  # span preserved
    Pc = A.twa_basis(W[:4], centered=True)
    assert Pc.shape == (3, 50)  # centred rows have rank N-1
    Wc = W[:4] - W[:4].mean(0)
    assert torch.allclose((Wc @ Pc.T) @ Pc, Wc, atol=1e-10)
    P32 = A.twa_basis(W.float())
    assert P32.dtype == torch.float32 and P32.shape == (4, 50)


def test_twa_projected_sgd_stays_in_span():
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(9)
    X = torch.randn(64, 5, generator=gen)
    y = torch.randint(0, 3, (64,), generator=gen)
    net = _net()
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    snaps = []
    for _ in range(8):  # ordinary training trajectory -> snapshots
        opt.zero_grad()
        nn.functional.cross_entropy(net(X), y).backward()
        opt.step()
        snaps.append(A.flatten(net.parameters()))
    W = torch.stack(snaps)
    P = A.twa_basis(W)
    assert P.shape[0] == 8
    params = list(net.parameters())
    A.unflatten_into(params, W.mean(0))  # start inside the span (SWA point)
    opt = torch.optim.SGD(params, lr=0.5, momentum=0.9, weight_decay=1e-4)
    for i in range(20):
        opt.zero_grad(set_to_none=(i % 2 == 0))
        nn.functional.cross_entropy(net(X), y).backward()
        params[-1].grad = None if i == 3 else params[-1].grad  # a missing grad counts as zero
        A.project_grads_(params, P)
        opt.step()
    w = A.flatten(params)
    resid = (w - A.project(w, P)).norm() / w.norm()
    assert resid.item() < 1e-5
    assert (w - W.mean(0)).norm().item() > 1e-3  # it did move
    assert torch.allclose(A.coefficients(w, P) @ P, A.project(w, P))


def test_flatten_unflatten_roundtrip():
    ts = [torch.arange(6.0).view(2, 3), torch.tensor([7.0]), torch.zeros(0)]
    v = A.flatten(ts)
    assert torch.equal(v, torch.tensor([0.0, 1, 2, 3, 4, 5, 7]))
    out = [torch.empty(2, 3, dtype=torch.float64), torch.empty(1), torch.empty(0)]
    A.unflatten_into(out, v)
    assert torch.equal(out[0], ts[0].double())
    with pytest.raises(ValueError):
        A.unflatten_into(out, torch.zeros(3))


@pytest.mark.parametrize("block", [1, 5, 7, 64, 1 << 20])
def test_swag_collect_in_blocks_equals_whole_vector_moments(monkeypatch, block):
    """collect streams parameters through cache-sized blocks; blocks that cut a parameter, hold
    several, or hold everything give the same moments and deviations (float64 parameters into
    float32 statistics too)."""
    import ktwa.averaging.swag as S
    monkeypatch.setattr(S, "BLOCK", block)
    g = torch.Generator().manual_seed(3)
    shapes = [(3, 4), (5,), (2, 2, 2), (1,)]
    swag = S.Swag([torch.zeros(s) for s in shapes], max_models=3)
    snaps = []
    for _ in range(5):
        ps = [torch.randn(s, generator=g, dtype=torch.float64) for s in shapes]
        swag.collect(ps)
        snaps.append(torch.cat([p.reshape(-1) for p in ps]).float())
    X = torch.stack(snaps)
    assert torch.allclose(swag.mean, X.mean(0), atol=1e-6)
    assert torch.allclose(swag.sq_mean, (X * X).mean(0), atol=1e-6)
    means = [X[:k + 1].mean(0) for k in range(5)]
    want = torch.stack([X[k] - means[k] for k in (3, 4, 2)])     # ring order: slots 0,1,2
    assert torch.allclose(swag.dev, want, atol=1e-6)
# ----------------------------------------------------------------- across processes (simulated)
class _Ranks:
    """W threads standing in for W processes: each rank's sum_/root_ deposit its bucket, wait for
    the others, and take the sum (or rank 0's), as all_reduce and broadcast do."""

    def __init__(self, world):
        import threading
        self.world = world
        self.slots = [None] * world
        self.barrier = threading.Barrier(world, timeout=20)
        self.calls = [0] * world

    def sum_(self, rank):
        def f(t):
            self.calls[rank] += 1
            self.slots[rank] = t.clone()
            self.barrier.wait()
            t.copy_(torch.stack(self.slots).sum(0))
            self.barrier.wait()
        return f

    def root_(self, rank):
        def f(t):
            self.calls[rank] += 1
            self.slots[rank] = t.clone()
            self.barrier.wait()
            t.copy_(self.slots[0])
            self.barrier.wait()
        return f

    def run(self, fn):
        """fn(rank) on every rank at once; the first error raised by any of them."""
        import threading
        errs = []

        def go(r):
            try:
                fn(r)
            except BaseException as e:     # re-raised below, in the test's thread
                errs.append(e)
                self.barrier.abort()
        th = [threading.Thread(target=go, args=(r,)) for r in range(self.world)]
        for t in th:
            t.start()
        for t in th:
            t.join()
        if errs:
            raise errs[0]


@pytest.mark.parametrize("world", [2, 3, 4])
def test_average_across_is_the_mean_over_ranks_with_one_call_per_group(world):
    # dyadic values (multiples of 1/8, small): every sum is exact in any order, so the mean must
    # be exactly sum/world, whatever order the ranks are added in
    g = torch.Generator().manual_seed(world)
    shapes = [(3, 4), (4,), (2, 2, 2)]
    ranks = []
    for r in range(world):
        fl = [torch.randint(-64, 64, s, generator=g).float() / 8 for s in shapes]
        db = torch.randint(-64, 64, (5,), generator=g).double() / 8
        it = torch.tensor([r + 10, 7 * r])           # integer: rank 0's wins
        p = nn.Parameter(torch.randint(-8, 8, (3,), generator=g).float())   # requires grad
        ranks.append([fl[0], fl[1], db, it, fl[2], p, fl[0]])           # fl[0] twice: tied
    want = [torch.stack([rk[i].detach() for rk in ranks]).sum(0) / world for i in (0, 1, 2, 4, 5)]
    rk0_int = ranks[0][3].clone()
    sim = _Ranks(world)
    sim.run(lambda r: A.average_across_(ranks[r], sim.sum_(r), sim.root_(r), world))
    for rk in ranks:
        got = [rk[i].detach() for i in (0, 1, 2, 4, 5)]
        for a, b in zip(got, want):
            assert torch.equal(a, b)
        assert torch.equal(rk[3], rk0_int)
        assert rk[5].requires_grad and rk[0] is rk[6]
    # groups: float32, float64, int64 -> three collective calls per rank, not one per tensor
    assert sim.calls == [3] * world


def test_average_across_random_floats_match_the_mean_closely():
    world = 3
    g = torch.Generator().manual_seed(0)
    ranks = [[torch.randn(50, generator=g), torch.randn(7, 3, generator=g)] for _ in range(world)]
    want = [torch.stack([rk[i] for rk in ranks]).double().mean(0) for i in range(2)]
    sim = _Ranks(world)
    sim.run(lambda r: A.average_across_(ranks[r], sim.sum_(r), sim.root_(r), world))
    for rk in ranks:
        for a, b in zip(rk, want):
            assert torch.allclose(a.double(), b, rtol=0, atol=1e-6)
    assert torch.equal(ranks[0][0], ranks[2][0])


def test_broadcast_copies_the_roots_tensors_of_every_dtype():
    world = 3
    ranks = [[torch.full((2, 3), float(r)), torch.tensor([r, r + 1]), torch.tensor([r == 0, False])]
             for r in range(world)]
    root = [t.clone() for t in ranks[0]]
    sim = _Ranks(world)
    sim.run(lambda r: A.broadcast_(ranks[r], sim.root_(r)))
    for rk in ranks:
        assert all(torch.equal(a, b) for a, b in zip(rk, root))


def test_average_across_refuses_an_empty_world():
    with pytest.raises(ValueError):
        A.average_across_([torch.zeros(2)], lambda t: None, lambda t: None, 0)


def _bn_net(seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(4, 6), nn.BatchNorm1d(6), nn.ReLU(), nn.Linear(6, 5),
                         nn.BatchNorm1d(5, momentum=0.3))


@pytest.mark.parametrize("world,counts", [(2, [3, 3]), (3, [2, 4, 1]), (3, [0, 3, 2])])
def test_recalibrate_across_equals_one_process_over_all_batches(world, counts):
    # every rank holds the same weights and its own batches (uneven counts, one rank maybe
    # empty); combined, the statistics are those one process computes over all the batches
    g = torch.Generator().manual_seed(5)
    batches = [[(torch.randn(8, 4, generator=g) * 2 + 1,) for _ in range(k)] for k in counts]
    ref = _bn_net(0)
    ref.train(False)
    momenta_ref = A.recalibrate(ref, [b for bs in batches for b in bs])
    nets = [_bn_net(0) for _ in range(world)]
    for n in nets:
        n.train(False)
    sim = _Ranks(world)
    out = [None] * world
    sim.run(lambda r: out.__setitem__(r, A.recalibrate_across(nets[r], batches[r], sim.sum_(r))))
    assert sim.calls == [1] * world             # one float64 vector for every layer at once
    for n, mom in zip(nets, out):
        assert mom == momenta_ref and not n.training
        for a, b in zip(A.bn_modules(n), A.bn_modules(ref)):
            assert torch.allclose(a[1].running_mean, b[1].running_mean, rtol=0, atol=1e-6)
            assert torch.allclose(a[1].running_var, b[1].running_var, rtol=0, atol=1e-6)
            assert int(a[1].num_batches_tracked) == sum(counts)
            assert a[1].momentum == b[1].momentum


def test_recalibrate_across_leaves_a_layer_no_rank_saw_reset():
    nets = [_bn_net(1) for _ in range(2)]
    sim = _Ranks(2)
    sim.run(lambda r: A.recalibrate_across(nets[r], [], sim.sum_(r)))
    bn = nets[0][1]
    assert torch.equal(bn.running_mean, torch.zeros(6)) and torch.equal(bn.running_var,
                                                                        torch.ones(6))
    assert int(bn.num_batches_tracked) == 0


def test_average_across_reuses_its_scratch_buffer_and_writes_strided_tensors():
    world = 2
    base = [torch.arange(12.0).view(3, 4) * (r + 1) for r in range(world)]
    ranks = [[b.t(), torch.full((5,), float(r))] for r, b in enumerate(base)]   # b.t(): strided
    scratch = [{} for _ in range(world)]
    sim = _Ranks(world)
    sim.run(lambda r: A.average_across_(ranks[r], sim.sum_(r), sim.root_(r), world, scratch[r]))
    buf = scratch[0][(torch.device("cpu"), torch.float32)]
    assert buf.numel() == 17
    for r in range(world):
        assert torch.equal(base[r], torch.arange(12.0).view(3, 4) * 1.5)
        assert torch.equal(ranks[r][1], torch.full((5,), 0.5))
    sim.run(lambda r: A.average_across_(ranks[r][1:], sim.sum_(r), sim.root_(r), world,
                                        scratch[r]))
    assert scratch[0][(torch.device("cpu"), torch.float32)] is buf     # smaller: the same buffer
    sim.run(lambda r: A.broadcast_([torch.zeros(30)], sim.root_(r), scratch[r]))
    assert scratch[0][(torch.device("cpu"), torch.float32)].numel() == 30  # larger: grown
