"""The q api's averages against torch's own on the same module.

`avgparms`, `emaparms`, `copystate` and `batchnorm` are driven through a Session exactly as a user
types them; torch.optim.swa_utils (AveragedModel with its SWA or EMA average, update_bn) updates
from the very same torch module. If a future change computes an average anywhere but the kernels
in ktwa.averaging (which the kernel tests check against the same oracles), these disagree.
"""
import pytest
import torch
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn, update_bn

from ktwa.session import Session


def _module(s: Session, name: str):
    return s.ctx.registry.entry(s.eval(name)).obj


def _dict(s: Session, name: str) -> dict:
    return dict(_module(s, name).items())


def _step(module, gen, scale=0.2):
    """Move every parameter (what an optimizer step does between two averaging calls)."""
    with torch.no_grad():
        for p in module.parameters():
            p.add_(torch.randn(p.shape, generator=gen, dtype=p.dtype) * scale)


MLP = "module seq(`sequential;(`linear;6;9);`relu;(`linear;9;4))"


def _close(avg: dict, averaged: AveragedModel, atol=1e-6):
    ref = dict(averaged.module.named_parameters())
    assert set(ref) <= set(avg)
    for k, t in ref.items():
        torch.testing.assert_close(avg[k], t.detach(), rtol=0, atol=atol, msg=k)


def test_avgparms_equals_averaged_model():
    s = Session()
    s.eval(f"m:{MLP}; p:copyparms m")
    module = _module(s, "m")
    swa = AveragedModel(module)
    swa.update_parameters(module)          # its first update copies: n_averaged 1, as .n after copyparms
    gen = torch.Generator().manual_seed(3)
    for k in range(2, 12):
        _step(module, gen)
        swa.update_parameters(module)
        assert s.eval("avgparms(m;p)") == k == int(swa.n_averaged)
        _close(_dict(s, "p"), swa)


@pytest.mark.parametrize("decay", [0.5, 0.9, 0.999])
def test_emaparms_equals_averaged_model_with_ema(decay):
    s = Session()
    s.eval(f"m:{MLP}; p:copyparms m")
    module = _module(s, "m")
    ema = AveragedModel(module, multi_avg_fn=get_ema_multi_avg_fn(decay))
    ema.update_parameters(module)
    gen = torch.Generator().manual_seed(4)
    for k in range(2, 10):
        _step(module, gen)
        ema.update_parameters(module)
        assert s.eval(f"emaparms(m;p;{decay})") == k
        _close(_dict(s, "p"), ema)


def test_avgparms_of_copystate_averages_buffers_and_batchnorm_matches_update_bn():
    """A copystate snapshot averages BatchNorm's running statistics too (AveragedModel with
    use_buffers=True); batchnorm on the averaged weights then equals update_bn."""
    torch.manual_seed(0)
    s = Session()
    s.eval("q:module seq(`sequential;(`linear;5;7);(`batchnorm1d;7);`relu;(`linear;7;2))")
    s.eval("m:model(addref q;loss`ce;opt(`sgd;q;.1)); train(m;`batchsize`shuffle;(16;0b))")
    x = torch.randn(64, 5)
    y = torch.randint(0, 2, (64,))
    reg = s.ctx.registry
    s.ctx.globals["X"] = reg.new(x, "tensor")
    s.ctx.globals["Y"] = reg.new(y, "tensor")
    s.eval("train(m;X;Y); run m; p:copystate q")
    module = _module(s, "q")
    swa = AveragedModel(module, use_buffers=True)
    swa.update_parameters(module)
    for _ in range(4):
        s.eval("run m; avgparms(q;p)")
        swa.update_parameters(module)
    avg = _dict(s, "p")
    for k, t in list(swa.module.named_parameters()) + list(swa.module.named_buffers()):
        if t.is_floating_point():
            torch.testing.assert_close(avg[k], t.detach(), rtol=0, atol=1e-6, msg=k)
    # the average written back, statistics recomputed over the training data
    s.eval("copystate(q;p); batchnorm m")
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x), batch_size=16)
    update_bn(loader, swa.module)
    bn, ref = module[1], swa.module[1]
    torch.testing.assert_close(bn.running_mean, ref.running_mean, rtol=1e-5, atol=1e-6)
    torch.testing.assert_close(bn.running_var, ref.running_var, rtol=1e-5, atol=1e-6)
