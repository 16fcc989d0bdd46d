"""Oracle tests for ktorch's functional forms of its modules (torchapi.functional): each q call
on tensor handles must give what torch.nn.functional gives on the same tensors, with the
options read as the module reads them (positional, then name-value pairs)."""
import pytest
import torch
import torch.nn.functional as F

from ktwa import Session

g = torch.Generator().manual_seed(7)
X4 = torch.randn(2, 3, 6, 6, generator=g)
X3 = torch.randn(2, 3, 8, generator=g)
M = torch.randn(4, 5, generator=g)
W = torch.randn(3, 5, generator=g)
B = torch.randn(3, generator=g)
N = torch.randn(4, 5, generator=g)

CASES = [
    ("maxpool2d(x4;2)", lambda: F.max_pool2d(X4, 2)),
    ("maxpool2d(x4;3;2;1)", lambda: F.max_pool2d(X4, 3, 2, 1)),
    ("maxpool1d(x3;3;`stride`ceiling!(2;1b))", lambda: F.max_pool1d(X3, 3, 2, ceil_mode=True)),
    ("avgpool2d(x4;2;2;0;1b)", lambda: F.avg_pool2d(X4, 2, 2, 0, True)),
    ("avgpool1d(x3;4)", lambda: F.avg_pool1d(X3, 4)),
    ("adaptavg2d(x4;3 2)", lambda: F.adaptive_avg_pool2d(X4, (3, 2))),
    ("adaptmax1d(x3;3)", lambda: F.adaptive_max_pool1d(X3, 3)),
    ("lppool1d(x3;2;3)", lambda: F.lp_pool1d(X3, 2, 3)),
    ("pad(x3;1 2)", lambda: F.pad(X3, (1, 2))),
    ("pad(x3;1 2;`reflect)", lambda: F.pad(X3, (1, 2), "reflect")),
    ("glu(m;0)", lambda: F.glu(M, 0)),
    ("unfold(x4;2)", lambda: F.unfold(X4, 2)),
    ("linear(m;w)", lambda: F.linear(M, W)),
    ("linear(m;w;b)", lambda: F.linear(M, W, B)),
    ("pairwise(m;n)", lambda: F.pairwise_distance(M, N)),
    ("pairwise(m;n;1;`keepdim)", lambda: F.pairwise_distance(M, N, 1, keepdim=True)),
    ("similar(m;n;0)", lambda: F.cosine_similarity(M, N, 0)),
    ("pdist(m;1)", lambda: torch.pdist(M, 1.0)),
    ("normalize(m;1;0)", lambda: F.normalize(M, 1.0, 0)),
    ("interpolate(x3;();2.0;`linear)", lambda: F.interpolate(X3, scale_factor=2.0,
                                                             mode="linear")),
    ("interpolate(x4;4 5;();`bilinear;1b)", lambda: F.interpolate(X4, (4, 5), mode="bilinear",
                                                                  align_corners=True)),
    ("rrelu(m;.1;.3)", lambda: F.rrelu(M, .1, .3, False)),
    ("prelu(m;enlist .25e)", lambda: F.prelu(M, torch.tensor([.25]))),
]


@pytest.fixture(scope="module")
def q():
    s = Session()
    for name, t in (("x4", X4), ("x3", X3), ("m", M), ("w", W), ("b", B), ("n", N)):
        s.push(name, t.clone())
    return s


@pytest.mark.parametrize("src,want", CASES, ids=[c[0] for c in CASES])
def test_functional_matches_torch(q, src, want):
    assert q.console(f"r:{src}") == ""
    got = q.pull("r")
    assert torch.allclose(got, want(), atol=1e-6), src
    q.console("free r")


def test_k_data_gives_k_data(q):
    assert q.console(".Q.s1 maxpool1d(enlist enlist 1 3 2 5 4 0e;2)") == '",,3 5 4e"\n'
    assert q.console("type linear(2 3#1 2 3 4 5 6e;2 3#1 0 0 0 1 0e)") == "0h\n"



Y = torch.tensor([1., -1., 1., -1.])
A4, B4 = M[0, :4].clone(), N[1, :4].clone()
T3 = W[[0, 1, 2, 0]].clone()
LOSS_CASES = [
    ("hinge(a4;y)", lambda: F.hinge_embedding_loss(A4, Y)),
    ("hinge(a4;y;2.0;`sum)", lambda: F.hinge_embedding_loss(A4, Y, 2.0, reduction="sum")),
    ("cosineloss(m;n;y)", lambda: F.cosine_embedding_loss(M, N, Y)),
    ("margin(a4;b4;y;.5)", lambda: F.margin_ranking_loss(A4, B4, Y, .5)),
    ("triplet(m;n;t3)", lambda: F.triplet_margin_loss(M, N, T3)),
    ("triplet(m;n;t3;2.0;1;1e-6;1b)", lambda: F.triplet_margin_loss(M, N, T3, 2.0, 1.0, 1e-6,
                                                                     True)),
]


@pytest.mark.parametrize("src,want", LOSS_CASES, ids=[c[0] for c in LOSS_CASES])
def test_functional_losses_match_torch(q, src, want):
    for name, t in (("y", Y), ("a4", A4), ("b4", B4), ("t3", T3)):
        q.push(name, t.clone())
    assert q.console(f"r:{src}") == ""
    assert torch.allclose(q.pull("r"), want(), atol=1e-6), src
    q.console("free r")


def test_ctc_matches_torch(q):
    x = torch.randn(5, 2, 4, generator=g).log_softmax(2)
    q.push("lp", x.clone())
    assert q.console("r:ctc(lp;(1 2;1 3);5 5;2 2)") == ""
    want = F.ctc_loss(x, torch.tensor([[1, 2], [1, 3]]), torch.tensor([5, 5]),
                      torch.tensor([2, 2]))
    assert torch.allclose(q.pull("r"), want, atol=1e-6)
