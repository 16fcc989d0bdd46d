"""Micro-benchmark of the SWA update kernel (ktwa.averaging.running_mean_).

Prints microseconds per call of
  ktwa      running_mean_(avg, params, n, plan=plan)  (cached Plan, n a CPU float64 tensor, weight read from n)
  ktwa-np   running_mean_(avg, params, n)             (no cached plan: grouping rebuilt every call)
  torch     AveragedModel.update_parameters(model)     (after its first, copying, update)
  raw       torch._foreach_lerp_(avg, detached_params, w) with a Python float w, grad mode off
and the ratios torch/ktwa and ktwa/raw, for Linear(2,1), MLP 784-800-10 with BatchNorm1d,
100 x Linear(32,32) and 4 x Linear(2048,2048). Usage: python bench/kernels_bench.py [--quick]
"""

import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import torch  # noqa: E402
from torch import nn  # noqa: E402
from torch.optim.swa_utils import AveragedModel  # noqa: E402

from ktwa.averaging import Plan, running_mean_, snapshot  # noqa: E402


def calibrate(fn, target_s):
    """Inner-loop count so that one timed round takes about target_s."""
    fn()
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        dt = time.perf_counter() - t0
        if dt >= target_s or n >= 1 << 20:
            return n
        n = n * 2 if dt <= 0 else max(n + 1, min(n * 100, int(n * target_s / dt) + 1))


def interleaved_us(fns, budget_s=0.25, rounds=9):
    """Best-of-rounds microseconds per call for each fn, rounds interleaved across fns (robust to
    a noisy shared machine: every fn sees the same background load)."""
    for f in fns:  # warm-up: thread pool, allocator, caches
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < budget_s / 4:
            f()
    loops = [calibrate(f, budget_s / rounds) for f in fns]
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, (f, n) in enumerate(zip(fns, loops)):
            t0 = time.perf_counter()
            for _ in range(n):
                f()
            best[i] = min(best[i], (time.perf_counter() - t0) / n)
    return [b * 1e6 for b in best]


def models():
    yield "Linear(2,1)", nn.Linear(2, 1)
    yield "MLP 784-800-10 +BN1d", nn.Sequential(nn.Linear(784, 800), nn.BatchNorm1d(800), nn.ReLU(),
                                                nn.Linear(800, 10))
    yield "100 x Linear(32,32)", nn.Sequential(*[nn.Linear(32, 32) for _ in range(100)])
    yield "4 x Linear(2048,2048)", nn.Sequential(*[nn.Linear(2048, 2048) for _ in range(4)])


def main(argv):
    budget = 0.05 if "--quick" in argv else 0.25
    torch.manual_seed(0)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, device cpu")
    hdr = f"{'model':24s} {'params':>10s} {'ktwa':>10s} {'ktwa-np':>10s} {'torch':>11s} {'raw':>10s}" \
          f" {'torch/ktwa':>11s} {'ktwa/raw':>9s}"
    print(hdr)
    print("-" * len(hdr))
    for name, m in models():
        params = list(m.parameters())
        numel = sum(p.numel() for p in params)
        avg = snapshot(params)
        n = torch.tensor(1.0, dtype=torch.float64)
        plan = Plan(avg, params)
        swa = AveragedModel(m)
        swa.update_parameters(m)
        det = [p.detach() for p in params]
        raw_avg = snapshot(params)

        def raw():
            torch._C._set_grad_enabled(False)
            torch._foreach_lerp_(raw_avg, det, 0.25)
            torch._C._set_grad_enabled(True)
        t_k, t_np, t_t, t_r = interleaved_us([
            lambda: running_mean_(avg, params, n, plan=plan),
            lambda: running_mean_(avg, params, n),
            lambda: swa.update_parameters(m),
            raw], budget)
        print(f"{name:24s} {numel:10d} {t_k:10.2f} {t_np:10.2f} {t_t:11.2f} {t_r:10.2f}"
              f" {t_t / t_k:10.1f}x {t_k / t_r:8.2f}x")
        del swa, avg, raw_avg, det, params, plan, m
    print("(microseconds per call; lower is better)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
