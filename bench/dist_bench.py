"""allavg across gloo ranks against hand-written torch.distributed code, on 127.0.0.1.

The model: 4 x Linear(2048,2048) (16.8M float32 parameters, 67 MB), on 2 and 4 ranks forked
from this process (torch.multiprocessing, no launcher). Rows (milliseconds per call, rank 0's
clock):
  allavg      `allavg q` through a Session (interpreter included): one bucket per (device,
              dtype) group, one all_reduce, one division, copied back
  flat        the same bytes by hand: torch.cat of the parameters, dist.all_reduce, divide,
              copy back (what a careful user writes)
  per-tensor  one dist.all_reduce (and a division) per parameter tensor (what a naive user
              writes: 8 collectives instead of one)
  all_reduce  dist.all_reduce of a flat buffer made once (no copies: the floor, for reference)
Target: allavg/flat <= 1.1. Prints ratios; exits 0 either way (a benchmark informs, a test
decides).

Timing: the sides run interleaved, in ROUNDS rounds (each round times every side once, in a
rotated order; all ranks run the same order, since every side is collective), after a barrier so
that the ranks start a side together. Times are medians over the rounds; a ratio is the median of
the per-round ratios; "spread" is half the range of those ratios, in percent of their median.
"""
from __future__ import annotations

import os
import socket
import statistics
import sys
import time

import torch
import torch.distributed as dist
import torch.multiprocessing as mp

ROUNDS = 7
CALLS = 3
MODEL = "(`sequential),enlist each 4#enlist(`linear;2048;2048)"


def ratio(a: list, b: list) -> tuple[float, float]:
    """(median of the per-round ratios a/b, spread = half their range as % of the median)."""
    rs = [x / y for x, y in zip(a, b)]
    m = statistics.median(rs)
    return m, 50.0 * (max(rs) - min(rs)) / m


def interleaved(sides: dict, rounds: int = ROUNDS) -> dict:
    """sides: name -> fn() (one call). name -> seconds per call of each round."""
    names = list(sides)
    out = {k: [] for k in names}
    for r in range(rounds):
        for k in names[r % len(names):] + names[:r % len(names)]:
            dist.barrier()
            t0 = time.perf_counter()
            for _ in range(CALLS):
                sides[k]()
            out[k].append((time.perf_counter() - t0) / CALLS)
    return out


def rank_main(rank: int, size: int, port: int, queue) -> None:
    os.environ.update(RANK=str(rank), WORLD_SIZE=str(size), LOCAL_RANK=str(rank),
                      MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    torch.set_num_threads(1)          # the ranks share the machine's cores
    from ktwa.session import Session, join_world, leave_world
    join_world("gloo", 120)
    try:
        s = Session()
        s.eval(f"q:module {MODEL}")
        module = s.pull("q")
        params = [p.detach() for p in module.parameters()]
        sizes = [p.numel() for p in params]
        floor = torch.cat([p.reshape(-1) for p in params])

        def ktwa():
            s.eval("allavg q")

        def flat():
            with torch.no_grad():
                buf = torch.cat([p.reshape(-1) for p in params])
                dist.all_reduce(buf)
                buf.div_(size)
                torch._foreach_copy_(params, [v.view_as(p) for v, p in
                                              zip(buf.split(sizes), params)])

        def per_tensor():
            with torch.no_grad():
                for p in params:
                    dist.all_reduce(p)
                    p.div_(size)

        def all_reduce():
            dist.all_reduce(floor)

        sides = {"allavg": ktwa, "flat": flat, "per-tensor": per_tensor,
                 "all_reduce": all_reduce}
        for f in sides.values():        # warm up (first allocations, gloo's connections)
            f()
        t = interleaved(sides)
        if rank == 0:
            queue.put(t)
    finally:
        leave_world()


def free_port() -> int:
    with socket.socket() as sk:
        sk.bind(("127.0.0.1", 0))
        return sk.getsockname()[1]


def main() -> int:
    ctx = mp.get_context("fork")
    print(f"torch {torch.__version__}, gloo on 127.0.0.1, 4 x Linear(2048,2048) (16.8M float32, "
          f"67 MB); {os.cpu_count()} cores; medians of {ROUNDS} interleaved rounds of "
          f"{CALLS} calls, ms per call on rank 0")
    print(f"{'ranks':>5} {'allavg':>9} {'flat':>9} {'per-tensor':>11} {'all_reduce':>11} "
          f"{'allavg/flat':>12} {'spread':>7} {'allavg/per-tensor':>18} {'spread':>7}")
    for size in (2, 4):
        q = ctx.SimpleQueue()
        mp.start_processes(rank_main, args=(size, free_port(), q), nprocs=size,
                           start_method="fork")
        t = q.get()
        ms = {k: statistics.median(v) * 1e3 for k, v in t.items()}
        rf, sf = ratio(t["allavg"], t["flat"])
        rp, sp = ratio(t["allavg"], t["per-tensor"])
        print(f"{size:>5} {ms['allavg']:9.1f} {ms['flat']:9.1f} {ms['per-tensor']:11.1f} "
              f"{ms['all_reduce']:11.1f} {rf:12.3f} {sf:6.1f}% {rp:18.3f} {sp:6.1f}%")
    print("target: allavg/flat <= 1.1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
