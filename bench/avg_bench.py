"""avgparms and batchnorm through ktwa against torch's own tools, in one process.

Rows (per update, microseconds):
  ktwa       `do[N;avgparms(m;p)]` through a Session (interpreter included; not \\ts, whose
             allocation tracing would slow it)
  averaged   torch.optim.swa_utils.AveragedModel.update_parameters on the same module
  raw        torch._foreach_lerp_ over the same parameter tensors (the floor)
Targets: 4 x Linear(2048,2048) ktwa <= 1.15 x raw; Linear(2,1) <= 15 us per call; ktwa faster
than AveragedModel on every model. Also `batchnorm m` against update_bn over plain tensor slices
of the same data: ktwa <= 1 x. EMA rows: `emaparms(m;p;.999)` against AveragedModel with
get_ema_multi_avg_fn (same targets); SWAG rows: `collect(w;m)` against dicee's flatten-and-update
(parameters_to_vector, then mean/sq_mean update and a deviation column), against the same update
written directly in torch, and against the bytes it must touch moved once (the floor). Prints ratios; exits 0 either way (a benchmark informs, a test decides).

Timing: the sides of a row run interleaved, in ROUNDS rounds (each round times every side once, in
a rotated order), so a burst of load from elsewhere on a shared machine hits all sides alike.
Times are medians over the rounds; a ratio is the median of the per-round ratios; "spread" is
half the range of the per-round ratios of the last ratio column, in percent of its median.
"""
from __future__ import annotations

import statistics
import sys
import time

import torch
from torch.optim.swa_utils import AveragedModel, update_bn

from ktwa import Session

MODELS = {
    "Linear(2,1)": "module enlist(`linear;2;1)",
    "MLP 784-800-10 + BatchNorm1d":
        "module seq(`sequential;(`linear;784;800);(`batchnorm1d;800);`relu;(`linear;800;10))",
    "100 x Linear(32,32)": "module (`sequential),enlist each 100#enlist(`linear;32;32)",
    "4 x Linear(2048,2048)": "module (`sequential),enlist each 4#enlist(`linear;2048;2048)",
}


ROUNDS = 7


def interleaved(sides: dict, rounds: int = ROUNDS) -> dict:
    """sides: name -> (fn, n) where fn(n) runs n calls. Returns name -> per-call seconds of each
    round; every round times each side once, starting at a different side."""
    names = list(sides)
    out = {k: [] for k in names}
    for r in range(rounds):
        for k in names[r % len(names):] + names[:r % len(names)]:
            fn, n = sides[k]
            t0 = time.perf_counter()
            fn(n)
            out[k].append((time.perf_counter() - t0) / n)
    return out


def median(xs):
    return statistics.median(xs)


def ratio(a: list, b: list) -> tuple[float, float]:
    """(median of the per-round ratios a/b, spread = half their range as % of the median)."""
    rs = [x / y for x, y in zip(a, b)]
    m = median(rs)
    return m, 50.0 * (max(rs) - min(rs)) / m


def calls_for(numel: int) -> int:
    return max(20, min(20000, int(2e8 // max(numel, 1) // 8)))


def bench_avg(s: Session, name: str, src: str):
    s.eval(f"m:{src}; p:copyparms m")
    module = s.ctx.registry.entry(s.eval("m")).obj
    params = [p for p in module.parameters()]
    numel = sum(p.numel() for p in params)
    n = calls_for(numel)

    def ktwa(k):
        s.eval(f"do[{k};avgparms(m;p)]")

    swa = AveragedModel(module)
    swa.update_parameters(module)

    def averaged(k):
        for _ in range(k):
            swa.update_parameters(module)

    avg = [p.detach().clone() for p in params]
    src_t = [p.detach() for p in params]

    def raw(k):
        with torch.no_grad():
            for i in range(k):
                torch._foreach_lerp_(avg, src_t, 1.0 / (i + 2))

    ktwa(min(n, 50))
    t = interleaved({"ktwa": (ktwa, n), "avg": (averaged, max(5, n // 4)), "raw": (raw, n)})
    s.eval("free each (m;p)")
    return t["ktwa"], t["avg"], t["raw"]


def bench_bn(s: Session):
    torch.manual_seed(0)
    x = torch.randn(20000, 784)
    y = torch.randint(0, 10, (20000,))
    s.eval("q:module seq(`sequential;(`linear;784;800);(`batchnorm1d;800);`relu;(`linear;800;10))")
    s.eval("m:model(addref q;loss`ce;opt(`sgd;q;.01)); train(m;`batchsize`shuffle;(100;0b))")
    reg = s.ctx.registry
    s.ctx.globals["X"] = reg.new(x, "tensor")
    s.ctx.globals["Y"] = reg.new(y, "tensor")
    s.eval("train(m;X;Y);")
    module = reg.entry(s.eval("q")).obj
    # the strongest honest anchor: update_bn over plain tensor slices (no DataLoader overhead)
    slices = [x[i:i + 100] for i in range(0, len(x), 100)]

    def ktwa(k):
        for _ in range(k):
            s.eval("batchnorm m;")

    def torch_bn(k):
        for _ in range(k):
            update_bn(slices, module)

    ktwa(1)
    t = interleaved({"ktwa": (ktwa, 2), "torch": (torch_bn, 2)}, rounds=5)
    return t["ktwa"], t["torch"]


def bench_ema(s: Session, name: str, src: str):
    """emaparms(m;p;.999) vs AveragedModel(multi_avg_fn=get_ema_multi_avg_fn(.999)) vs raw lerp."""
    from torch.optim.swa_utils import get_ema_multi_avg_fn
    s.eval(f"m:{src}; p:copyparms m")
    module = s.ctx.registry.entry(s.eval("m")).obj
    params = [p for p in module.parameters()]
    n = calls_for(sum(p.numel() for p in params))

    def ktwa(k):
        s.eval(f"do[{k};emaparms(m;p;.999)]")

    ema = AveragedModel(module, multi_avg_fn=get_ema_multi_avg_fn(0.999))
    ema.update_parameters(module)

    def averaged(k):
        for _ in range(k):
            ema.update_parameters(module)

    avg = [p.detach().clone() for p in params]
    src_t = [p.detach() for p in params]

    def raw(k):
        with torch.no_grad():
            for _ in range(k):
                torch._foreach_lerp_(avg, src_t, 0.001)

    ktwa(min(n, 50))
    t = interleaved({"ktwa": (ktwa, n), "avg": (averaged, max(5, n // 4)), "raw": (raw, n)})
    s.eval("free each (m;p)")
    return t["ktwa"], t["avg"], t["raw"]


def bench_swag(s: Session, name: str, src: str):
    """collect(w;m) (K = 20 ring) vs the dicee-style flatten-and-update:
    vec = parameters_to_vector; mean = (mean*n + vec)/(n+1); sq_mean likewise; deviation column
    appended, oldest dropped beyond 20."""
    from torch.nn.utils import parameters_to_vector
    s.eval(f"m:{src}; w:swag(m;20)")
    module = s.ctx.registry.entry(s.eval("m")).obj
    params = [p for p in module.parameters()]
    n = max(10, calls_for(sum(p.numel() for p in params)) // 4)

    def ktwa(k):
        s.eval(f"do[{k};collect(w;m)]")

    st = {"mean": None, "sq": None, "devs": [], "n": 0}

    def dicee(k):
        with torch.no_grad():
            for _ in range(k):
                vec = parameters_to_vector(params).detach().cpu()
                if st["mean"] is None:
                    st["mean"], st["sq"] = vec.clone(), vec ** 2
                else:
                    c = st["n"]
                    st["mean"] = (st["mean"] * c + vec) / (c + 1)
                    st["sq"] = (st["sq"] * c + vec ** 2) / (c + 1)
                st["devs"].append((vec - st["mean"]).unsqueeze(1))
                if len(st["devs"]) > 20:
                    st["devs"].pop(0)
                st["n"] += 1

    # the same update written directly in torch (what a careful user writes: flatten into a
    # staging vector, then whole-vector lerp / mul / lerp / sub)
    numel = sum(p.numel() for p in params)
    dmean, dsq = torch.zeros(numel), torch.zeros(numel)
    ddev, x, x2 = torch.zeros(20, numel), torch.empty(numel), torch.empty(numel)
    views = [v.view_as(p) for v, p in zip(torch.split(x, [p.numel() for p in params]), params)]
    dst = {"n": 0}

    def direct(k):
        with torch.no_grad():
            for _ in range(k):
                torch._foreach_copy_(views, params)
                w = 1.0 / (dst["n"] + 1)
                dmean.lerp_(x, w)
                torch.mul(x, x, out=x2)
                dsq.lerp_(x2, w)
                torch.sub(x, dmean, out=ddev[dst["n"] % 20])
                dst["n"] += 1

    # the floor: the bytes collect must touch (read parameters, mean, second moment; write mean,
    # second moment, a deviation row) moved once, as two 3-stream element-wise ops
    flat_p, out_a, out_b = torch.randn(numel), torch.empty(numel), torch.empty(numel)

    def bound(k):
        for _ in range(k):
            torch.add(dmean, flat_p, out=out_a)
            torch.add(dsq, flat_p, out=out_b)

    ktwa(25)
    dicee(25)
    t = interleaved({"ktwa": (ktwa, n), "dicee": (dicee, n), "direct": (direct, n),
                     "bound": (bound, n)})
    s.eval("free each (m;w)")
    return t["ktwa"], t["dicee"], t["direct"], t["bound"]


def _row3(name, t_k, t_a, t_r):
    ra, sa = ratio(t_k, t_a)
    rr, sr = ratio(t_k, t_r)
    print(f"{name:32} {median(t_k) * 1e6:10.2f} {median(t_a) * 1e6:12.2f} "
          f"{median(t_r) * 1e6:10.2f} {ra:9.3f} {rr:9.3f} {sr:7.1f}%")


def main() -> int:
    torch.set_grad_enabled(True)
    s = Session()
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, device cpu; "
          f"medians of {ROUNDS} interleaved rounds")
    head = f"{'ktwa us':>10} {'Averaged us':>12} {'raw us':>10} {'ktwa/Avg':>9} {'ktwa/raw':>9} " \
           f"{'spread':>8}"
    print(f"{'model':32} {head}")
    for name, src in MODELS.items():
        _row3(name, *bench_avg(s, name, src))
    print("targets: ktwa/Avg < 1 on all; 4 x Linear(2048,2048) ktwa/raw <= 1.15; "
          "Linear(2,1) ktwa <= 15 us")
    print(f"{'EMA emaparms(m;p;.999)':32} {head.replace('Averaged us', '  AvgEMA us')}")
    for name, src in MODELS.items():
        _row3(name, *bench_ema(s, name, src))
    print("targets: ktwa/Avg < 1 on all; Linear(2,1) ktwa <= 15 us")
    print(f"{'SWAG collect(w;m), K=20':32} {'ktwa us':>10} {'ktwa/dicee':>11} "
          f"{'ktwa/direct':>12} {'ktwa/bound':>11} {'spread':>8}")
    for name, src in MODELS.items():
        t_k, t_d, t_x, t_b = bench_swag(s, name, src)
        rd, _ = ratio(t_k, t_d)
        rx, _ = ratio(t_k, t_x)
        rb, sp = ratio(t_k, t_b)
        print(f"{name:32} {median(t_k) * 1e6:10.2f} {rd:11.3f} {rx:12.3f} {rb:11.3f} "
              f"{sp:7.1f}%")
    print("targets: ktwa/dicee < 1; ktwa/direct <= 1 (no fixed overhead); "
          "4 x Linear(2048,2048) (16.8M) ktwa/bound <= 1.3")
    t_k, t_t = bench_bn(s)
    r, sp = ratio(t_k, t_t)
    print(f"batchnorm m (20000x784, batch 100): ktwa {median(t_k) * 1e3:.1f} ms, "
          f"update_bn over tensor slices {median(t_t) * 1e3:.1f} ms, ratio {r:.3f} "
          f"(spread {sp:.1f}%, target <= 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
