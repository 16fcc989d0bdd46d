"""One rank of the distributed tests (tests/test_distributed.py starts W of these).

    python tests/dist_worker.py CASE[,CASE...] OUTDIR   with RANK, WORLD_SIZE, MASTER_ADDR/PORT
    python tests/dist_worker.py --fork W PORT CASE[,CASE...] OUTDIR

The second form imports torch and ktwa once and forks the W ranks from that (a fresh import per
rank costs seconds of CPU, which 4 ranks on 2 cores pay four times); it waits for them, at most
LIMIT seconds (KTWA_TEST_LIMIT, default 90) before killing them, and prints `exit RANK CODE`
for each.

Joins the gloo world as `ktwa` does under torchrun (session.join_world), runs each CASE in turn
in one Session (q code, data pushed from Python; several cases share one start of the ranks,
which is what costs time) and saves case -> what the test checks to OUTDIR/rankN.pt. The test
recomputes the references in one process; the by-hand torch loops that need the world (local SGD
with torch's averager) run here, after the q code, on the same data.
"""
from __future__ import annotations

import os
import sys
import time

import torch

from ktwa.errors import QError
from ktwa.session import Session, join_world, leave_world, world

ROWS, FEATURES, CLASSES, BATCH = 60, 4, 3, 5


def data(seed: int, n: int = ROWS):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, FEATURES, generator=g)
    y = torch.randint(0, CLASSES, (n,), generator=g)
    return x, y


def state(s: Session, name: str) -> dict:
    """A module's (or model's) parameters and buffers, detached copies."""
    m = s.pull(name)
    m = m["module"] if isinstance(m, dict) else m
    return {k: v.detach().clone() for k, v in m.state_dict().items()}


MLP = "module seq(`sequential;(`linear;`a;4;8);`relu`r;(`linear;`b;8;3))"
BN = "module seq(`sequential;(`linear;`a;4;8);(`batchnorm1d;`n;8);`relu`r;(`linear;`b;8;3))"


def case_allavg(s: Session, rank: int, size: int) -> dict:
    # dyadic weights (multiples of 1/8): their sums are exact in any order, so the mean over the
    # ranks must come out exactly
    g = torch.Generator().manual_seed(10 + rank)
    shapes = {"a.weight": (8, 4), "a.bias": (8,), "n.weight": (8,), "n.bias": (8,),
              "b.weight": (3, 8), "b.bias": (3,)}
    w = {k: torch.randint(-64, 64, sh, generator=g).float() / 8 for k, sh in shapes.items()}
    s.push("w", w)
    s.eval(f"seed {rank}; q:{BN}; copyparms(q;w);")
    bn = s.pull("q").n                  # batch-norm buffers: a float to average, an integer count
    bn.num_batches_tracked.fill_(100 + rank)
    bn.running_mean.copy_(torch.full((8,), float(rank)))
    d = {"x": torch.randint(-8, 8, (3,), generator=g).double() / 4,
         "k": torch.tensor([rank, rank * 10])}
    s.push("d", d)
    before = {"q": state(s, "q"), "d": {k: v.clone() for k, v in d.items()}}
    s.eval("allavg q; allavg d")
    after = {"q": state(s, "q"), "d": {k: v.clone() for k, v in s.pull("d").items()}}
    s.eval("broadcast(q;" + str(size - 1) + ")")
    return {"before": before, "after": after, "bcast": state(s, "q")}


def case_train(s: Session, rank: int, size: int) -> dict:
    """ddp run; testrun metrics; avgparms on every rank; a swag on rank 0."""
    x, y = data(1)
    tx, ty = data(2, 23)
    s.push("X", x)
    s.push("Y", y)
    s.push("TX", tx)
    s.push("TY", ty)
    # each rank starts from other weights: ddp must copy rank 0's to all
    s.eval(f"seed 100+{rank}; q:{MLP}; m:model(q;loss`ce;opt(`sgd;q;.1;.9));"
           f"train(m;`batchsize`shuffle;({BATCH};1b)); train(m;X;Y);"
           "test(m;`batchsize`metrics;(4;`loss`accuracy`predict`output)); test(m;TX;TY);")
    out = {"own": state(s, "m")}
    s.eval("ddp m")
    out["start"] = state(s, "m")
    out["loss1"] = float(s.eval("run m"))
    out["epoch1"] = state(s, "m")
    s.eval("p:copyparms m; run m; avgparms(m;p)")
    out["epoch2"] = state(s, "m")
    out["avg"] = {k: v.clone() for k, v in s.pull("p").items()}
    s.eval("r:testrun m; st:dist m; dw:dist[]")
    out["test"] = s.pull("r")
    out["settings"] = s.pull("st")
    out["world"] = s.pull("dw")
    s.push("TX3", tx[:3])              # fewer test rows than ranks: rank 3 of 4 has none
    s.push("TY3", ty[:3])
    s.eval("test(m;TX3;TY3); r3:testrun m")
    out["test3"] = s.pull("r3")
    s.eval("w:swag m")
    out["collect"] = [int(s.eval("collect(w;m)")), int(s.eval("collect(w;m;`all)"))]
    return out


def case_batchnorm(s: Session, rank: int, size: int) -> dict:
    x, y = data(3, 40)
    x = x * 3 + 1
    s.push("X", x)
    s.push("Y", y)
    own_x, own_y = data(30 + rank, 10 + 5 * rank)            # each rank's own part (uneven)
    s.push("OX", own_x * 2 - 1)
    s.push("OY", own_y)
    s.eval(f"seed 7; q:{BN}; m:model(q;loss`ce;opt(`sgd;q;.1));"
           "train(m;`batchsize`shuffle;(5;0b)); train(m;X;Y); ddp m; batchnorm m")
    out = {"sharded": state(s, "m")}
    s.eval("ddp(m;(`shard;0b)); train(m;OX;OY); batchnorm m")
    out["own"] = state(s, "m")
    out["uneven"] = _timed_error(s, "run m")     # 2 batches on rank 0, 3 on rank 1
    return out


def _local_steps(module, batches, averager, opt):
    for xb, yb in batches:
        opt.zero_grad(set_to_none=True)
        torch.nn.functional.cross_entropy(module(xb), yb).backward()
        opt.step()
        averager.average_parameters(module.parameters())


def case_localsgd(s: Session, rank: int, size: int) -> dict:
    """localsgd through `run`, and the same by hand with torch's PeriodicModelAverager: plain
    local SGD on each rank's own data; post-local SGD on a ddp model over shards."""
    import torch.distributed as dist
    from torch.distributed.algorithms.ddp_comm_hooks.post_localSGD_hook import (
        PostLocalSGDState, post_localSGD_hook)
    from torch.distributed.algorithms.model_averaging.averagers import PeriodicModelAverager
    from torch.nn.parallel import DistributedDataParallel
    period, warmup = 3, 2
    x, y = data(40 + rank)
    s.push("X", x)
    s.push("Y", y)
    s.eval(f"seed 5; q:{MLP}; m:model(q;loss`ce;opt(`sgd;q;.05;.9));"
           f"train(m;`batchsize`shuffle;({BATCH};0b)); train(m;X;Y);")
    start = state(s, "m")
    s.eval(f"localsgd(m;{period};{warmup}); run m")
    out = {"q_local": state(s, "m")}

    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
    net.load_state_dict({k.replace("a.", "0.").replace("b.", "2."): v for k, v in start.items()})
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    avg = PeriodicModelAverager(period=period, warmup_steps=warmup)
    _local_steps(net, [(x[i:i + BATCH], y[i:i + BATCH]) for i in range(0, ROWS, BATCH)], avg, opt)
    out["hand_local"] = {k: v.detach().clone() for k, v in net.state_dict().items()}

    # post-local SGD: ddp over shards of one data set, gradients averaged for `warmup` steps
    x, y = data(50)
    s.push("X", x)
    s.push("Y", y)
    s.eval(f"seed 6; q2:{MLP}; m2:model(q2;loss`ce;opt(`sgd;q2;.05;.9));"
           f"train(m2;`batchsize`shuffle;({BATCH};0b)); train(m2;X;Y); ddp m2;")
    start = state(s, "m2")
    s.eval(f"localsgd(m2;{period};{warmup}); run m2")
    out["q_post"] = state(s, "m2")
    net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
    net.load_state_dict({k.replace("a.", "0.").replace("b.", "2."): v for k, v in start.items()})
    ddp = DistributedDataParallel(net)
    ddp.register_comm_hook(PostLocalSGDState(None, None, warmup, False), post_localSGD_hook)
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    avg = PeriodicModelAverager(period=period, warmup_steps=warmup)
    rows = torch.arange(rank, ROWS, dist.get_world_size())
    xs, ys = x[rows], y[rows]
    _local_steps(ddp, [(xs[i:i + BATCH], ys[i:i + BATCH]) for i in range(0, len(rows), BATCH)],
                 avg, opt)
    out["hand_post"] = {k: v.detach().clone() for k, v in net.state_dict().items()}
    return out


def case_cuda(s: Session, rank: int, size: int) -> dict:
    """NCCL: a model on this rank's GPU trains under ddp, recalibrates and averages there."""
    x, y = data(1)
    s.push("X", x)
    s.push("Y", y)
    s.eval(f"seed 1; q:{BN}; m:model(q;loss`ce;opt(`sgd;q;.1)); to(m;dist`device);"
           f"train(m;`batchsize`shuffle;({BATCH};1b)); train(m;X;Y); ddp m; run m;"
           "batchnorm m; allavg m; broadcast m; dw:dist[]")
    module = s.pull("m")["module"]
    return {"world": s.pull("dw"), "devices": sorted({str(t.device) for t in
                                                      module.state_dict().values()}),
            "state": {k: v.cpu() for k, v in state(s, "m").items()}}


def case_hang(s: Session, rank: int, size: int) -> dict:
    """Rank 1 stays alive but never joins the collective: rank 0's allavg times out."""
    s.eval("dist(`timeout;1); q:module enlist(`linear;2;2)")
    if rank == 1:
        time.sleep(2.5)
        return {}
    return _timed_error(s, "allavg q")


def case_die(s: Session, rank: int, size: int) -> dict:
    """Rank 1 dies: the others' next collective is a q error, at once."""
    s.eval("dist(`timeout;20); q:module enlist(`linear;2;2)")
    if rank == 1:
        os._exit(3)
    time.sleep(0.5)
    return _timed_error(s, "allavg q")


def _timed_error(s: Session, src: str) -> dict:
    t0 = time.monotonic()
    try:
        s.eval(src)
        err = None
    except QError as e:
        err = e.msg
    return {"error": err, "seconds": time.monotonic() - t0}


CASES = {k[5:]: v for k, v in globals().items() if k.startswith("case_")}


def fork(size: int, port: int, cases: str, outdir: str) -> int:
    """Start `size` ranks as forks of this process (module doc); 0 once all have exited."""
    # what the ranks import, imported once here; nothing has run torch code yet, so no thread
    # pool exists to be lost across the fork
    import torch.distributed.algorithms.ddp_comm_hooks.post_localSGD_hook  # noqa: F401
    import torch.distributed.algorithms.model_averaging.averagers  # noqa: F401
    import torch.nn.parallel  # noqa: F401
    pids = {}
    for r in range(size):
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.environ.update(RANK=str(r), WORLD_SIZE=str(size), LOCAL_RANK=str(r),
                                  LOCAL_WORLD_SIZE=str(size), MASTER_ADDR="127.0.0.1",
                                  MASTER_PORT=str(port))
                code = run(cases, outdir)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        pids[pid] = r
    deadline = time.monotonic() + float(os.environ.get("KTWA_TEST_LIMIT", "90"))
    codes = {}
    while pids:
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            if time.monotonic() > deadline:
                for p in pids:
                    os.kill(p, 9)
                deadline = float("inf")
            time.sleep(0.02)
            continue
        codes[pids.pop(pid)] = os.waitstatus_to_exitcode(status)
    for r in sorted(codes):
        print(f"exit {r} {codes[r]}")
    return 0


def main() -> int:
    if sys.argv[1] == "--fork":
        return fork(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5])
    return run(sys.argv[1], sys.argv[2])


def run(cases: str, outdir: str) -> int:
    cases = cases.split(",")
    join_world(os.environ.get("KTWA_BACKEND", "gloo"), os.environ.get("KTWA_TIMEOUT", "30"))
    try:
        rank, size = world()
        s = Session()
        out = {case: CASES[case](s, rank, size) for case in cases}
        torch.save(out, os.path.join(outdir, f"rank{rank}.pt"))
    finally:
        leave_world()
    return 0


if __name__ == "__main__":
    sys.exit(main())
