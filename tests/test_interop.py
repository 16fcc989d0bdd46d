"""PyTorch objects across Session.push / Session.pull: shared, not copied; and a network
from Python averaged in q exactly as torch's AveragedModel + update_bn average it."""
import numpy as np
import pytest
import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel, update_bn

from ktwa.errors import QError
from ktwa.session import Session


def _net():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 3))


def test_sequential_with_batchnorm_averaged_in_q_matches_averaged_model():
    net = _net()
    g = torch.Generator().manual_seed(1)
    X = torch.randn(200, 4, generator=g)
    Y = (X[:, 0] > 0).long() + (X[:, 1] > 0).long()
    s = Session()
    s.push("q", net)                       # the module itself: q trains nothing here
    s.push("x", X.numpy())
    s.push("y", Y.numpy())
    s.eval("m:model(addref q; loss`ce; opt(`sgd;q;.1)); train(m;`batchsize;50); train(m;x;y)")

    swa = AveragedModel(net)               # a deep copy, averaged as torch does
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    for epoch in range(6):
        for i in range(0, 200, 25):        # Python trains the user's module
            opt.zero_grad()
            nn.functional.cross_entropy(net(X[i:i + 25]), Y[i:i + 25]).backward()
            opt.step()
        swa.update_parameters(net)
        if epoch == 0:
            s.eval("p:copyparms q")        # q sees the same module: no push again
        else:
            assert s.eval("avgparms(q;p)") == epoch + 1
    s.eval("copyparms(q;p); batchnorm m")
    update_bn(torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X), batch_size=50), swa)

    back = s.pull("q")
    assert back is net
    got, want = back.state_dict(), swa.module.state_dict()
    assert list(got) == list(want)
    for k in got:
        torch.testing.assert_close(got[k], want[k], rtol=1e-6, atol=1e-7, msg=k)
    net.eval()
    swa.eval()
    torch.testing.assert_close(net(X), swa(X), rtol=1e-5, atol=1e-6)
    p = s.pull("p")                        # the running average as a dict of tensors
    for k, v in swa.module.named_parameters():
        torch.testing.assert_close(p[k], v, rtol=1e-6, atol=1e-7)


def test_handles_share_the_objects():
    net = nn.Linear(2, 1)
    s = Session()
    s.push("m", net)
    assert s.console("class m") == "`module\n"
    s.eval("parm(m;`bias;enlist 5e)")
    assert net.bias.item() == 5.0                     # q changed the user's module
    t = torch.zeros(3)
    s.push("t", t)
    assert s.pull("t") is t and s.console("tensor t") == "0 0 0e\n"
    sd = {k: v.clone() for k, v in net.state_dict().items()}
    s.push("d", sd)
    assert s.console("class d") == "`dictionary\n"
    d = s.pull("d")
    assert list(d) == ["weight", "bias"] and d["bias"] is sd["bias"]
    s.push("v", [torch.ones(1), torch.zeros(2)])
    assert s.console("class v") == "`vector\n" and len(s.pull("v")) == 2
    s.eval("free m")
    assert net.bias.item() == 5.0                     # freeing the handle leaves the module


def test_optimizers_cross_with_ktorch_names_and_options():
    net = nn.Linear(2, 1)
    sgd = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    s = Session()
    s.push("o", sgd)
    assert s.console("exec first options from opt o") == (
        "lr       | 0.1\nmomentum | 0.9\ndampening| 0f\ndecay    | 0.0001\nnesterov | 0b\n")
    assert s.console("opt[o]`optimizer") == "`sgd\n"
    s.eval("lr(o;.05)")
    assert sgd.param_groups[0]["lr"] == 0.05          # q set the user's optimizer's rate
    assert s.pull("o") is sgd
    adam = torch.optim.Adam(net.parameters(), betas=(0.8, 0.9))
    s.push("a", adam)
    assert s.console("opt[a]`optimizer") == "`adam\n"
    assert s.console("exec beta1,beta2 from opt[a]`options") == "beta1| 0.8\nbeta2| 0.9\n"
    s.eval("l:loss`ce; m2:module enlist(`linear;2;1); mm:model(m2; l; opt(`sgd;m2;.1))")
    parts = s.pull("mm")
    assert set(parts) == {"module", "loss", "optimizer"}
    assert isinstance(parts["loss"], nn.CrossEntropyLoss)


def test_what_cannot_cross_is_a_q_error():
    s = Session()
    s.eval("m:module enlist(`linear;2;1); w:swag m")
    with pytest.raises(QError, match="nyi"):
        s.pull("w")
    s.eval("free m")
    with pytest.raises(QError, match="stale pointer"):
        s.pull("m")
    with pytest.raises(QError, match="type"):
        s.push("z", object())
    s.push("k", {"a": torch.ones(2), "b": 1})       # not all tensors: k values, as before
    assert s.console("k") == "a| 1 1e\nb| 1\n"
    assert np.array_equal(s.pull("k")["a"], np.ones(2, dtype=np.float32))


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_a_cuda_module_crosses_and_is_averaged_where_it_lives():
    net = _net().cuda()
    s = Session()
    s.push("q", net)
    assert s.console("device q") == "`cuda:0\n"
    s.eval("p:copyparms q")
    before = {k: v.detach().clone() for k, v in net.named_parameters()}
    with torch.no_grad():
        for v in net.parameters():
            v.add_(1)
    assert s.eval("avgparms(q;p)") == 2
    s.eval("copyparms(q;p)")
    for k, v in s.pull("q").named_parameters():
        torch.testing.assert_close(v, before[k] + 0.5)
    assert s.eval("\\w")[0] == sum(v.untyped_storage().nbytes() for v in net.state_dict().values()) \
        + sum(v.untyped_storage().nbytes() for v in s.pull("p").values())
