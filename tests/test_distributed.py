"""Several processes on torch.distributed (gloo on 127.0.0.1, ports chosen free): each test
starts 2 or 4 ranks of tests/dist_worker.py (or of `ktwa` itself), which stop by themselves - the
gloo timeout is short and every wait here is bounded - and checks what they saved against one
process computing the same by hand.

NCCL (CUDA) paths are written and skipped here: they need one GPU per rank."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn
from torch.utils.data import DistributedSampler

import ktwa.averaging as A

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import dist_worker as W  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rank_env(rank: int, size: int, port: int, timeout: float = 30) -> dict:
    return {**os.environ, "RANK": str(rank), "WORLD_SIZE": str(size), "LOCAL_RANK": str(rank),
            "LOCAL_WORLD_SIZE": str(size), "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(port),
            "KTWA_TIMEOUT": str(timeout), "KTWA_PROGRESS": "0", "OMP_NUM_THREADS": "1",
            "PYTHONPATH": str(ROOT)}


def finish(procs, limit: float) -> list:
    """Wait for every process (all of them killed at the limit); [(rc, stdout, stderr)]."""
    deadline = time.monotonic() + limit
    out = []
    try:
        for p in procs:
            o, e = p.communicate(timeout=max(0.1, deadline - time.monotonic()))
            out.append((p.returncode, o, e))
    except subprocess.TimeoutExpired:
        for p in procs:
            p.kill()
        pytest.fail(f"ranks still running after {limit} s")
    return out


def spawn(cases: str, size: int, outdir: Path, limit: float = 90, timeout: float = 30,
          codes: dict | None = None, backend: str = "gloo") -> list:
    """Run dist_worker's CASES on `size` ranks forked from one process; each rank's saved
    results. Every rank must exit 0, or with its code in `codes` (rank -> exit code)."""
    env = {**rank_env(0, size, 0, timeout), "KTWA_TEST_LIMIT": str(limit),
           "KTWA_BACKEND": backend}
    for k in ("RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "MASTER_PORT"):
        env.pop(k)
    p = subprocess.Popen([sys.executable, str(ROOT / "tests" / "dist_worker.py"), "--fork",
                          str(size), str(free_port()), cases, str(outdir)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    [(rc, out, err)] = finish([p], limit + 30)
    exits = {int(r): int(c) for _, r, c in
             (line.split() for line in out.splitlines() if line.startswith("exit "))}
    want = {r: (codes or {}).get(r, 0) for r in range(size)}
    assert rc == 0 and exits == want, f"exit codes {exits}\n{out}\n{err}"
    return [torch.load(outdir / f"rank{r}.pt", weights_only=False) if (outdir / f"rank{r}.pt")
            .exists() else None for r in range(size)]


# one start of the ranks per world size runs several cases (starting ranks is what costs)
@pytest.fixture(scope="module")
def ranks2(tmp_path_factory):
    return spawn("allavg,train,batchnorm,localsgd", 2, tmp_path_factory.mktemp("ranks2"))


@pytest.fixture(scope="module")
def ranks4(tmp_path_factory):
    return spawn("allavg,train", 4, tmp_path_factory.mktemp("ranks4"))


def results(request, case):
    """(world size, each rank's results of a case) for the parametrized world size."""
    out = request.getfixturevalue(request.param)
    return len(out), [o[case] for o in out]



# ---------------------------------------------------------------------------------- allavg
@pytest.fixture(params=["ranks2", "ranks4"])
def allavg_run(request):
    return results(request, "allavg")


def test_allavg_is_exactly_the_mean_of_the_ranks(allavg_run):
    size, out = allavg_run
    for part in ("q", "d"):
        for k, v in out[0]["before"][part].items():
            if v.is_floating_point():
                want = torch.stack([o["before"][part][k] for o in out]).sum(0) / size
            else:
                want = out[0]["before"][part][k]               # integers: rank 0's
            for o in out:
                assert torch.equal(o["after"][part][k], want), (part, k)
    # the module's ranks started apart, so the mean is not any rank's own
    assert not torch.equal(out[0]["after"]["q"]["a.weight"], out[0]["before"]["q"]["a.weight"])
    assert int(out[1]["after"]["q"]["n.num_batches_tracked"]) == 100


def test_broadcast_copies_one_ranks_weights_to_all(allavg_run):
    size, out = allavg_run
    src = out[-1]["after"]["q"]            # broadcast(q;last rank) after allavg
    for o in out:
        for k, v in o["bcast"].items():
            assert torch.equal(v, src[k])


# ---------------------------------------------------------------------------------- ddp run
@pytest.fixture(params=["ranks2", "ranks4"])
def train_run(request):
    return results(request, "train")


def _mlp(sd):
    net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
    net.load_state_dict({k.replace("a.", "0.").replace("b.", "2."): v for k, v in sd.items()})
    return net


def _as_q(net):
    return {k.replace("0.", "a.").replace("2.", "b."): v.detach()
            for k, v in net.state_dict().items()}


def _one_process_epochs(start, size, epochs):
    """What DDP computes, in one process: each step's batch is the union of the ranks' batches
    (rank r reads DistributedSampler's shard for the epoch), the loss its mean."""
    x, y = W.data(1)
    net = _mlp(start)
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    losses = []
    for e in range(epochs):
        shards = []
        for r in range(size):
            smp = DistributedSampler(range(len(x)), num_replicas=size, rank=r, shuffle=True,
                                     seed=0)
            smp.set_epoch(e)
            shards.append(torch.tensor(list(smp)))
        steps = len(shards[0]) // W.BATCH
        ls = []
        for i in range(steps):
            rows = torch.cat([sh[i * W.BATCH:(i + 1) * W.BATCH] for sh in shards])
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(x[rows]), y[rows])
            loss.backward()
            opt.step()
            ls.append(float(loss.detach()))
        losses.append(sum(ls) / len(ls))
    return net, losses


def test_ddp_copies_rank_0s_weights_to_every_rank(train_run):
    size, out = train_run
    assert not torch.equal(out[0]["own"]["a.weight"], out[1]["own"]["a.weight"])
    for o in out:
        for k, v in o["start"].items():
            assert torch.equal(v, out[0]["own"][k])


def test_ddp_epoch_equals_one_process_over_the_combined_batches(train_run):
    size, out = train_run
    net, losses = _one_process_epochs(out[0]["start"], size, 1)
    for o in out:
        for k, v in _as_q(net).items():
            assert torch.allclose(o["epoch1"][k], v, rtol=1e-5, atol=1e-6), k
        # the loss run returns is the mean over every rank's batches, the same on each rank
        assert o["loss1"] == pytest.approx(losses[0], rel=1e-5)
    net, _ = _one_process_epochs(out[0]["start"], size, 2)     # the second epoch reshuffles
    for k, v in _as_q(net).items():
        assert torch.allclose(out[0]["epoch2"][k], v, rtol=1e-5, atol=1e-5), k


def test_averages_are_identical_on_every_rank_without_communication(train_run):
    size, out = train_run
    for o in out[1:]:
        for k, v in o["avg"].items():
            assert torch.equal(v, out[0]["avg"][k]), k


def test_testrun_reduces_its_metrics_over_the_ranks(train_run):
    size, out = train_run
    tx, ty = W.data(2, 23)                         # 23 rows: the ranks hold unequal parts
    net = _mlp(out[0]["epoch2"])
    with torch.no_grad():
        logits = net(tx)
    pred = logits.argmax(1)
    for o in out:
        loss, acc, predict, output = o["test"]
        assert acc == pytest.approx(100.0 * float((pred == ty).sum()) / len(ty))
        assert list(predict) == pred.tolist()          # every row once, in the data's order
        assert torch.allclose(torch.as_tensor(np.array(output)), logits, atol=1e-5)
        assert loss == pytest.approx(out[0]["test"][0])
        loss3, acc3, predict3, output3 = o["test3"]
        assert list(predict3) == pred[:3].tolist()
        assert torch.allclose(torch.as_tensor(np.array(output3)), logits[:3], atol=1e-5)
        assert acc3 == pytest.approx(100.0 * float((pred[:3] == ty[:3]).sum()) / 3)


def test_swag_collects_on_rank_0_only_unless_asked(train_run):
    size, out = train_run
    assert out[0]["collect"] == [1, 2]
    assert all(o["collect"] == [0, 1] for o in out[1:])


def test_dist_shows_the_world_and_the_models_settings(train_run):
    size, out = train_run
    for r, o in enumerate(out):
        w = o["world"]
        assert (w["rank"], w["world"], w["localrank"], w["backend"], w["device"]) == \
            (r, size, r, "gloo", "cpu")
        assert w["timeout"] == 30.0
        assert o["settings"] == {"ddp": True, "shard": True, "seed": 0, "buffers": True,
                                 "period": 0, "warmup": 0}


# ---------------------------------------------------------------------------------- batchnorm
def test_batchnorm_under_ddp_equals_one_process_over_all_ranks_data(ranks2):
    out = [o["batchnorm"] for o in ranks2]
    x, _ = W.data(3, 40)
    x = x * 3 + 1

    def one_process(start, xs):
        net = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))
        sd = {k.replace("a.", "0.").replace("n.", "1.").replace("b.", "3."): v
              for k, v in start.items()}
        net.load_state_dict(sd)
        A.recalibrate(net, [(xs[i:i + 5],) for i in range(0, len(xs), 5)])
        return net[1]

    # sharded: rank r reads rows r, r+2, ... in batches of 5: one process reads rank 0's batches,
    # then rank 1's
    ref = one_process(out[0]["sharded"], torch.cat([x[0::2], x[1::2]]))
    own = torch.cat([W.data(30 + r, 10 + 5 * r)[0] * 2 - 1 for r in range(2)])
    ref_own = one_process(out[0]["own"], own)
    for o in out:
        for got, want in ((o["sharded"], ref), (o["own"], ref_own)):
            assert torch.allclose(got["n.running_mean"], want.running_mean, rtol=0, atol=1e-6)
            assert torch.allclose(got["n.running_var"], want.running_var, rtol=0, atol=1e-6)
            assert int(got["n.num_batches_tracked"]) == int(want.num_batches_tracked)
    assert int(out[0]["own"]["n.num_batches_tracked"]) == 2 + 3       # 10 and 15 rows
    # ddp training needs the same steps on every rank: each rank says so, none waits
    for o in out:
        assert o["uneven"]["error"] == ("run: under ddp every rank must make the same number "
                                        "of steps; the ranks' training data make 2 to 3 batches")


# ---------------------------------------------------------------------------------- local SGD
def test_localsgd_matches_torchs_periodic_model_averager_by_hand(ranks2):
    out = [o["localsgd"] for o in ranks2]
    for o in out:
        for k, v in o["hand_local"].items():
            q = k.replace("0.", "a.").replace("2.", "b.")
            assert torch.allclose(o["q_local"][q], v, rtol=0, atol=1e-6), k
        for k, v in o["hand_post"].items():
            q = k.replace("0.", "a.").replace("2.", "b.")
            assert torch.allclose(o["q_post"][q], v, rtol=0, atol=1e-6), k
    # torch's averager averages after step k (from 0) when k >= 2 and (k - 2) % 3 == 0: the
    # last of the 12 steps (k = 11) is one, so the ranks agree at the end
    assert torch.equal(out[0]["q_local"]["a.weight"], out[1]["q_local"]["a.weight"])


# ---------------------------------------------------------------------------------- failures
def test_a_rank_that_hangs_is_a_q_error_after_the_timeout(tmp_path):
    out = spawn("hang", 2, tmp_path, limit=60)
    err, secs = out[0]["hang"]["error"], out[0]["hang"]["seconds"]
    assert err is not None and err.startswith("allavg: rank 0 of 2: ") and "Timed out" in err
    assert 0.7 < secs < 10                      # dist(`timeout;1)


def test_a_rank_that_dies_is_a_q_error_on_the_others(tmp_path):
    out = spawn("die", 2, tmp_path, timeout=20, codes={1: 3})
    o = out[0]["die"]
    assert o["error"].startswith("allavg: rank 0 of 2: ")
    assert o["seconds"] < 20                    # within the timeout


def test_a_rank_that_never_joins_is_a_q_error_after_the_timeout():
    port = free_port()
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "ktwa", "--timeout", "2", "-c", "dist[]"],
                       cwd=ROOT, env=rank_env(0, 2, port), capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 1
    assert p.stderr.startswith("'dist: rank 0 of 2: ") and "1/2 clients joined" in p.stderr
    assert time.monotonic() - t0 < 30


# ---------------------------------------------------------------------------------- the launcher
def _children(pid: int) -> list[int]:
    """The live processes whose parent is pid."""
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(d.name))
    return out


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _launch(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ktwa", "--nproc", "2", "--timeout", "20",
                             *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "KTWA_PROGRESS": "0",
                                            "PYTHONPATH": str(ROOT)})


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_ctrl_c_on_the_launcher_stops_every_rank():
    p = _launch("-c", 'q:module enlist(`linear;2;2); -1"ready"; while[1b; allavg q]')
    try:
        for _ in range(2):
            assert p.stdout.readline() == "ready\n"
        ranks = _children(p.pid)
        assert len(ranks) == 2
        p.send_signal(signal.SIGINT)
        rc = p.wait(timeout=30)
    finally:
        p.kill()
        p.communicate()
    assert rc == 128 + signal.SIGINT
    deadline = time.monotonic() + 10
    while any(map(_alive, ranks)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_alive, ranks))


def test_a_script_error_on_one_rank_names_the_rank(tmp_path):
    script = tmp_path / "e.kt"
    script.write_text('if[1=dist`rank; x:1+`a]\n-1"done ",string dist`rank;\n')
    p = _launch(str(script))
    out, err = p.communicate(timeout=90)
    assert p.returncode == 1
    # torch's launcher stops the world as soon as one rank fails: a slow rank 0 (a busy
    # machine) may be stopped by its signal before it prints, but it never fails on its own
    assert out in ("done 0\n", "")
    assert "[rank1]: 'type\n" in err and "[rank1]:   [0]  " in err
    assert "ktwa: rank 1 failed (exit code 1)" in err and "rank 0 failed (exit code" not in err


# ---------------------------------------------------------------------------------- NCCL (CUDA)
NCCL = torch.cuda.is_available() and torch.distributed.is_nccl_available()


@pytest.mark.skipif(not NCCL, reason="NCCL needs a CUDA GPU and a torch built with NCCL; "
                                     "none here")
def test_nccl_world_of_one_trains_and_averages_on_the_gpu(tmp_path):
    [o] = spawn("cuda", 1, tmp_path, backend="cpu:gloo,cuda:nccl")
    o = o["cuda"]
    assert (o["world"]["backend"], o["world"]["device"]) == ("nccl", "cuda:0")
    assert o["devices"] == ["cuda:0"]
    assert all(bool(torch.isfinite(v.float()).all()) for v in o["state"].values())


@pytest.mark.skipif(not NCCL or torch.cuda.device_count() < 2,
                    reason="NCCL over 2 ranks needs 2 CUDA GPUs (one per rank); not here")
def test_nccl_two_ranks_train_and_average_on_their_gpus(tmp_path):
    out = [o["cuda"] for o in spawn("cuda", 2, tmp_path, backend="cpu:gloo,cuda:nccl")]
    for r, o in enumerate(out):
        assert (o["world"]["backend"], o["world"]["device"]) == ("nccl", f"cuda:{r}")
        assert o["devices"] == [f"cuda:{r}"]
    for k, v in out[0]["state"].items():
        assert torch.equal(v, out[1]["state"][k]), k
