"""Several processes and machines, on torch.distributed: the world this process is a rank of,
and the api over it - dist allavg broadcast ddp localsgd.

The world. One per process (torch.distributed's default process group is the process's, so
every Session of a process sees the same one). A launcher (torchrun, or `ktwa --nproc`, which
calls torchrun's own code) sets RANK, WORLD_SIZE and MASTER_ADDR/PORT; the CLI then joins
(`join_world`) before the script runs: gloo on CPU, NCCL for CUDA tensors when there is a GPU
(one backend per device type, so CPU tensors still travel by gloo), each rank on its local GPU.
Without a launcher nothing is joined and everything is a world of one: `dist[]` says rank 0 of
1, `allavg`/`broadcast` change nothing, `ddp` trains as `run` always does. A rank that dies or
never comes makes the others' next collective a q error, at once when its connection drops and
after the timeout (`--timeout`, `dist(`timeout;s)`, default torch's 30 minutes) when it hangs.

A model's distributed settings (`ddp`, `localsgd`) live in a `Parallel` on `Model.dist`, which
`run`, `testrun` and `batchnorm` consult through a few hooks (`train_module`, `rows`,
`after_step`, `reduce`, `stats_sum`):

- `ddp m`: `run` trains through torch's DistributedDataParallel (gradients averaged over the
  ranks in the backward pass), each rank reading its shard of the training data per epoch by
  torch's DistributedSampler (its shuffle, seeded per epoch; rows padded so every rank makes
  the same number of steps); `testrun` evaluates rank r's rows r, r+W, ... and reduces its
  metrics over the ranks (accuracy, predictions and outputs equal one process's over all the
  data); `batchnorm` recomputes the statistics over the batches of all ranks
  (averaging.recalibrate_across). With `shard 0b` each rank's data is its own part.
- `localsgd(m;period;warmup)`: after each optimizer step `run` calls torch's
  PeriodicModelAverager (the parameters' mean over the ranks every `period` steps once `warmup`
  steps are done); on a `ddp` model it is post-local SGD, torch's post_localSGD_hook: gradients
  are averaged in the first `warmup` steps, and only the parameters, periodically, after.

Progress bars show on rank 0 only (progress.py); a swag collects on rank 0 only unless asked
(collectors.py).
"""
from __future__ import annotations

import os
import sys
import warnings
from datetime import timedelta

import numpy as np
import torch
import torch.distributed as tdist

from ..averaging.collective import average_across_, broadcast_
from ..errors import QError
from ..registry import is_handle
from ..values.types import SYM, QDict, from_items, syms
from ..values.functions import Definitions
from . import tensormath
from .calls import TORCH_ERRORS, args_of, k_value, options
from .convert import kname
from .handles import entry_module, get_handle
from .interrupts import uninterrupted
from .models import data_size, model_of, nbatches
from .objects import Model, TensorDict

define = Definitions()

DEFAULT_TIMEOUT = 1800.0            # seconds: torch's default for gloo


# ---------------------------------------------------------------------------------------------
# the world

class _Joined:
    """What this process chose when it joined (torch.distributed does not keep it); the timeout
    as `dist(`timeout;s)` last set it (None: KTWA_TIMEOUT, else torch's default)."""

    device: torch.device | None = None
    timeout: float | None = None
    broken: bool = False        # a collective failed: a peer is gone, do not wait for it at exit


_JOINED = _Joined()


_AVAILABLE = tdist.is_available()     # how torch was built: cannot change in a process


def active() -> bool:
    """Is this process a rank of a torch.distributed world?"""
    return _AVAILABLE and tdist.is_initialized()


def rank() -> int:
    return tdist.get_rank() if active() else 0


def size() -> int:
    return tdist.get_world_size() if active() else 1


def is_leader() -> bool:
    """Rank 0 (or no world): the rank that shows progress and keeps a swag (asked on every
    `collect`, so without rank()'s two extra calls when there is no world)."""
    return not (_AVAILABLE and tdist.is_initialized()) or tdist.get_rank() == 0


def local_rank() -> int:
    return int(os.environ.get("LOCAL_RANK", rank())) if active() else 0


def backend() -> str:
    """gloo, nccl (a world whose CUDA tensors go by NCCL), or "" without a world."""
    if not active():
        return ""
    b = str(tdist.get_backend())
    return "nccl" if "nccl" in b else b


def device() -> torch.device:
    """The device this rank computes on: its local GPU under NCCL, else the CPU; without a world,
    the best device here."""
    if _JOINED.device is not None and active():
        return _JOINED.device
    if active():
        if backend() == "nccl":
            return torch.device("cuda", torch.cuda.current_device())
        return torch.device("cpu")
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def launched() -> bool:
    """Did a launcher (torchrun) set the environment a rank joins its world with?"""
    return all(k in os.environ for k in ("RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT"))


def timeout_s() -> float:
    """Seconds a collective waits for the other ranks."""
    return _JOINED.timeout if _JOINED.timeout is not None else _timeout_arg(None)


def _timeout_arg(timeout) -> float:
    if timeout is None:
        timeout = os.environ.get("KTWA_TIMEOUT", DEFAULT_TIMEOUT)
    try:
        t = float(timeout)
    except ValueError:
        raise QError(f"dist: timeout expects seconds, given {timeout!r}") from None
    if not t > 0:
        raise QError(f"dist: timeout must be positive, given {t:g}")
    return t


def join_world(backend_name: str | None = None, timeout=None) -> None:
    """Join the world a launcher set up (env://): once per process, before q code runs. A rank
    that waits longer than `timeout` seconds for the others gets a q error."""
    if active():
        return
    t = _timeout_arg(timeout)
    cuda = torch.cuda.is_available()
    name = backend_name or os.environ.get("KTWA_BACKEND") or (
        "cpu:gloo,cuda:nccl" if cuda else "gloo")
    local = int(os.environ.get("LOCAL_RANK", 0))
    dev = torch.device("cpu")
    if "nccl" in name:
        if not cuda:
            raise QError("dist: backend nccl needs a CUDA GPU; none here (use gloo)")
        dev = torch.device("cuda", local % torch.cuda.device_count())
        torch.cuda.set_device(dev)
    try:
        tdist.init_process_group(name, init_method="env://", timeout=timedelta(seconds=t))
    except TORCH_ERRORS as err:
        raise dist_error(err, "dist", joining=True) from None
    _JOINED.device = dev
    _JOINED.timeout = t


def leave_world(clean: bool = False) -> None:
    """Leave the world (at exit). After a clean run the ranks first meet in the store (see
    `_all_here`): a rank that tore its connections down while a peer was still finishing its
    last collective made gloo's background thread on the peer abort the process (SIGABRT at a
    clean exit). A rank leaving on an error, or after a failed collective (a peer may be gone),
    leaves at once: its peers may be inside another collective and would wait for it."""
    if active():
        if clean and not _JOINED.broken:
            try:
                _all_here("ktwa/leaving")
            except TORCH_ERRORS as err:
                sys.stderr.write(f"'{dist_error(err, 'exit').msg}\n")
        tdist.destroy_process_group()
    _JOINED.device = None
    _JOINED.broken = False


def _all_here(key: str) -> None:
    """Return once every rank has called this with `key`: a count in the process group's
    store, which the launcher's agent serves. A collective cannot be this meeting point: its
    last message may still be on its way to a peer when it returns here (a gloo barrier was,
    and a peer was seen to abort when this rank closed its connections right after it); a
    store request is answered by the store, so once the count is full every rank has finished
    every collective it made."""
    store = tdist.distributed_c10d._get_default_store()
    if store.add(key, 1) == size():
        store.set(key + "/all", "1")
    store.wait([key + "/all"], timedelta(seconds=timeout_s()))


def dist_error(err: BaseException, who: str, joining: bool = False) -> QError:
    """The q error for a collective (or a join) that failed: torch's first line without gloo's
    source path, and which rank of how many saw it."""
    _JOINED.broken = not joining
    s = str(err.args[0]) if err.args else str(err)
    s = s.split("\nException raised from")[0].strip().split("\n")[0]
    if s.startswith("[") and "] " in s:              # "[.../gloo/transport/tcp/pair.cc:537] ..."
        s = s.split("] ", 1)[1]
    s = s.split(" This is typically caused")[0]
    where = (f"rank {os.environ.get('RANK', '?')} of {os.environ.get('WORLD_SIZE', '?')}"
             if joining else f"rank {rank()} of {size()}")
    return QError(f"{who}: {where}: {s}")


def _sum(t: torch.Tensor) -> None:
    tdist.all_reduce(t)


def _root(src: int):
    def f(t: torch.Tensor) -> None:
        # bool tensors travel as their bytes (not every backend takes bool)
        tdist.broadcast(t.view(torch.uint8) if t.dtype is torch.bool else t, src)
    return f


def collective(who: str, fn, *args):
    """fn(*args), a collective: Ctrl-C waits until it is done (every rank must make the same
    calls), and a lost rank or a timeout is a q error naming this rank."""
    try:
        return uninterrupted(fn, *args)
    except TORCH_ERRORS as err:
        raise dist_error(err, who) from None


# ---------------------------------------------------------------------------------------------
# dist

_WORLD_KEYS = ("rank", "world", "localrank", "backend", "device", "timeout")


def _world_k() -> QDict:
    vals = [np.int64(rank()), np.int64(size()), np.int64(local_rank()), backend(),
            str(device()), np.float64(timeout_s())]
    return QDict(syms(list(_WORLD_KEYS)), from_items(vals))


def dist_fn(ctx, x):
    """dist[] -> this rank's world; dist`key -> one of its values; dist(`timeout;s) sets the
    timeout of collectives; dist m -> a model's distributed settings; any other argument is
    ktorch's dist(x;y;p), the p-norm distance (tensormath.k_dist)."""
    a = args_of(x)
    if not a:
        return _world_k()
    if len(a) == 1 and is_handle(a[0]):
        return model_settings(model_of(ctx, a[0], "dist").dist)
    if len(a) == 1 and (isinstance(a[0], str) or (isinstance(a[0], np.ndarray)
                                                  and a[0].dtype == SYM)):
        keys = [a[0]] if isinstance(a[0], str) else list(a[0])
        for k in keys:
            if k not in _WORLD_KEYS:
                raise QError(f"dist: unrecognized key: {k}, expecting one of "
                             + ", ".join(_WORLD_KEYS))
        vals = _world_k().values
        got = [vals[_WORLD_KEYS.index(k)] for k in keys]
        return got[0] if isinstance(a[0], str) else from_items(got)
    if len(a) == 2 and isinstance(a[0], str) and a[0] == "timeout":
        t = _timeout_arg(_seconds(a[1]))
        if active():
            from torch.distributed.distributed_c10d import _set_pg_timeout
            try:
                _set_pg_timeout(timedelta(seconds=t))
            except TORCH_ERRORS as err:
                raise dist_error(err, "dist") from None
        _JOINED.timeout = t
        return None
    # ktorch's dist(x;y[;p]), the p-norm distance, shares the name
    return tensormath.k_dist(ctx, x)


def _seconds(v):
    if isinstance(v, (np.integer, np.floating)) and not isinstance(v, np.bool_):
        return float(v)
    raise QError(f"dist: timeout expects seconds, given {kname(v)}")


# ---------------------------------------------------------------------------------------------
# allavg, broadcast

def _tensors(ctx, h, who: str) -> list:
    """The tensors of a dictionary, or of a module/model/optimizer (parameters and persistent
    buffers, as copystate takes them)."""
    e = get_handle(ctx, h, "dictionary", "module", "model", "optimizer", who=who)
    if e.cls == "dictionary":
        d: TensorDict = e.obj
        return [t for t in d.values() if isinstance(t, torch.Tensor)]
    m = entry_module(e, who)
    return list(m.state_dict(keep_vars=True).values())


# the flat buffers allavg and broadcast copy through, kept between calls (averaging.collective:
# on the CPU a fresh one costs more than the copies); one per (device, dtype), the size of the
# largest group seen
_SCRATCH: dict = {}


def allavg(ctx, x):
    """allavg p: every floating tensor of p (dictionary or module/model/optimizer) becomes its
    mean over the ranks, in place; integer tensors take rank 0's."""
    a = args_of(x)
    if len(a) != 1:
        raise QError("allavg: expecting a dictionary, module, model or optimizer")
    ts = _tensors(ctx, a[0], "allavg")
    if size() > 1:
        collective("allavg", average_across_, ts, _sum, _root(0), size(), _SCRATCH)
    return None


def broadcast(ctx, x):
    """broadcast p | broadcast(p;r): every tensor of p takes rank r's (default 0), in place."""
    a = args_of(x)
    if not 1 <= len(a) <= 2:
        raise QError("broadcast: expecting (dictionary, module, model or optimizer; rank)")
    src = 0
    if len(a) == 2:
        r = a[1]
        if not isinstance(r, np.integer) or isinstance(r, np.bool_) or not 0 <= int(r) < size():
            raise QError(f"broadcast: rank expects a long in 0..{size() - 1}, given {kname(r)}"
                         if not isinstance(r, np.integer) else
                         f"broadcast: no rank {int(r)} in a world of {size()}")
        src = int(r)
    ts = _tensors(ctx, a[0], "broadcast")
    if size() > 1:
        collective("broadcast", broadcast_, ts, _root(src), _SCRATCH)
    return None


# ---------------------------------------------------------------------------------------------
# a model's distributed settings: Model.dist

class Parallel:
    """What `ddp` and `localsgd` set on a model, and the hooks `run`, `testrun` and `batchnorm`
    call (module doc)."""

    def __init__(self):
        self.ddp = None             # what `run` trains: torch's DistributedDataParallel over
        #                             the model's module (the module itself in a world of one)
        self.shard = True           # each rank reads its shard of the data (else its own data)
        self.seed = 0               # the DistributedSampler's seed (the same on every rank)
        self.buffers = True         # DDP broadcasts rank 0's buffers before each forward
        self.period = 0             # localsgd: average every period steps (0: off)
        self.warmup = 0
        self.averager = None        # torch's PeriodicModelAverager

    # -- what `dist m` shows
    def settings(self) -> dict:
        return {"ddp": self.ddp is not None, "shard": self.shard, "seed": self.seed,
                "buffers": self.buffers, "period": self.period, "warmup": self.warmup}

    def sharded(self) -> bool:
        """Does each rank read only its part of the model's data?"""
        return self.ddp is not None and self.shard and size() > 1

    # -- hooks
    def train_module(self, mo: Model):
        """The module a training epoch runs (the DDP wrapper under `ddp`), after checking that
        the epoch can run on every rank alike."""
        if self.ddp is None or size() == 1:
            return mo.module if self.ddp is None else self.ddp
        bad = [k for k in ("predict", "output") if k in mo.train["metrics"]]
        if bad:
            raise QError(f"nyi: run under ddp: metric {bad[0]} (each rank trains other rows)")
        if not self.shard and size() > 1 and mo.train_data is not None:
            s = mo.train
            nb = torch.tensor([nbatches(data_size(mo.train_data), s["batchsize"],
                                        s["droplast"])] * 2, device=device())
            nb[1] = -nb[1]
            collective("run", tdist.all_reduce, nb, tdist.ReduceOp.MAX)
            if int(nb[0]) != -int(nb[1]):
                raise QError(f"run: under ddp every rank must make the same number of steps; "
                             f"the ranks' training data make {-int(nb[1])} to {int(nb[0])} "
                             "batches")
        return self.ddp

    def rows(self, mo: Model, which: str, n: int, dev) -> torch.Tensor | None:
        """This rank's rows of the model's data for a pass (None: all rows, the model's own
        order). Training: torch's DistributedSampler for the epoch under way; test: r, r+W..."""
        if not self.sharded():
            return None
        if which == "train":
            from torch.utils.data import DistributedSampler
            smp = DistributedSampler(range(n), num_replicas=size(), rank=rank(),
                                     shuffle=bool(mo.train.get("shuffle")), seed=self.seed)
            smp.set_epoch(max(mo.epochs["train"] - 1, 0))
            return torch.tensor(list(smp), dtype=torch.long, device=dev)
        return torch.arange(rank(), n, size(), device=dev)

    def count(self, which: str, n: int) -> int:
        """How many rows of n this rank reads in a pass."""
        if not self.sharded():
            return n
        w = size()
        return -(-n // w) if which == "train" else len(range(rank(), n, w))

    def after_step(self, mo: Model) -> None:
        """After each optimizer step: local SGD's periodic average."""
        if self.averager is not None:
            collective("run", self.averager.average_parameters, mo.module.parameters())

    def stats_sum(self):
        """How `batchnorm` sums statistics over the ranks (None: this rank's alone)."""
        if self.ddp is None or size() == 1:
            return None
        return lambda t: collective("batchnorm", _sum, t)

    def reduce(self, metrics, which: str, data_n: int) -> None:
        """An epoch's metrics over every rank's rows (module doc)."""
        if self.ddp is None or size() == 1:
            return
        who = "run" if which == "train" else "testrun"
        collective(who, _reduce_metrics, metrics, which, data_n, self.sharded())


def _gather_rows(t: torch.Tensor | None, dev) -> list:
    """Every rank's tensor of rows (counts and trailing shapes may differ): a list by rank."""
    meta = [None] * size()
    mine = None if t is None else (int(t.shape[0]), tuple(t.shape[1:]), t.dtype)
    tdist.all_gather_object(meta, mine)
    full = next((m for m in meta if m is not None), None)
    if full is None:
        return []
    k = max(m[0] for m in meta if m is not None)
    pad = torch.zeros((k,) + full[1], dtype=full[2], device=dev)
    if t is not None and t.shape[0]:
        pad[:t.shape[0]] = t
    out = [torch.empty_like(pad) for _ in meta]
    tdist.all_gather(out, pad)
    return [o[:0 if m is None else m[0]] for o, m in zip(out, meta)]


def _reduce_metrics(metrics, which: str, data_n: int, sharded: bool) -> None:
    """Each metric of an epoch over all ranks: loss the mean of every rank's batch losses,
    batchloss per step the mean over the ranks (training: every rank makes the same steps) or
    every rank's in rank order (test), accuracy over all rows, predictions and outputs (test)
    in the data's row order (rank order when each rank has its own data)."""
    names = metrics.names
    dev = device()                  # every rank's buffers on the same kind of device
    if "loss" in names or "batchloss" in names:
        mine = torch.stack(metrics.losses) if metrics.losses else None
        if which == "train":        # every rank made the same steps (train_module checked)
            if mine is not None:
                tdist.all_reduce(mine)
                metrics.losses = list((mine / size()).unbind())
        else:
            parts = _gather_rows(mine, dev)
            metrics.losses = list(torch.cat(parts).unbind()) if parts else []
    if "accuracy" in names:
        c = torch.tensor([0 if metrics.correct is None else int(metrics.correct), metrics.n],
                         dtype=torch.int64, device=dev)
        tdist.all_reduce(c)
        metrics.correct, metrics.n = c[0], int(c[1])
    for key, name in (("preds", "predict"), ("outs", "output")):
        if name not in names:
            continue
        rows = getattr(metrics, key)
        parts = _gather_rows(torch.cat(rows) if rows else None, dev)
        if not parts:
            continue
        if sharded:      # rank r holds rows r, r+W, ...: interleave them back into data order
            k = max(p.shape[0] for p in parts)
            padded = [torch.cat([p, p.new_zeros((k - p.shape[0],) + p.shape[1:])]) for p in parts]
            merged = torch.stack(padded, 1).reshape((-1,) + parts[0].shape[1:])[:data_n]
        else:
            merged = torch.cat(parts)
        setattr(metrics, key, [merged])


def _parallel(mo: Model) -> Parallel:
    if mo.dist is None:
        mo.dist = Parallel()
    return mo.dist


def _no_buffer_sync() -> str:
    """DDP's argument that stops it copying rank 0's buffers before every forward: torch 2.13
    renamed broadcast_buffers (now deprecated, with a warning) to forward_sync_buffers."""
    import inspect
    from torch.nn.parallel import DistributedDataParallel
    names = inspect.signature(DistributedDataParallel.__init__).parameters
    return "forward_sync_buffers" if "forward_sync_buffers" in names else "broadcast_buffers"


def _wrap(mo: Model, par: Parallel) -> None:
    """(Re)build the DDP wrapper: a collective (rank 0's parameters and buffers are copied to
    every rank), with torch's post-local SGD hook when local SGD is on."""
    from torch.nn.parallel import DistributedDataParallel
    m = mo.module
    dev = device()
    ids = [dev.index] if dev.type == "cuda" and next(m.parameters()).is_cuda else None
    kw = {}
    if not par.buffers:         # each rank keeps its own buffers after the first copy
        kw[_no_buffer_sync()] = False
    ddp = DistributedDataParallel(m, device_ids=ids, **kw)
    if par.period:
        from torch.distributed.algorithms.ddp_comm_hooks.post_localSGD_hook import (
            PostLocalSGDState, post_localSGD_hook)
        state = PostLocalSGDState(process_group=None, subgroup=None,
                                  start_localSGD_iter=par.warmup,
                                  post_local_gradient_allreduce=False)
        ddp.register_comm_hook(state, post_localSGD_hook)
    par.ddp = ddp


_DDP_TABLE = [("on", True, "bool"), ("shard", True, "bool"), ("seed", 0, "long"),
              ("buffers", True, "bool")]


def ddp(ctx, x):
    """ddp m | ddp(m;on;shard;seed;buffers): `run m` trains with DistributedDataParallel, each
    rank on its shard of the training data; ddp(m;0b) turns it off."""
    a = args_of(x)
    if not a:
        raise QError("ddp: expecting model")
    mo = model_of(ctx, a[0], "ddp")
    o = options("ddp", _DDP_TABLE, a[1:])
    par = _parallel(mo)
    if not o["on"]:
        par.ddp = None
        return None
    if not any(p.requires_grad for p in mo.module.parameters()):
        raise QError("ddp: the model's module has no parameters to train")
    par.shard, par.seed, par.buffers = o["shard"], o["seed"], o["buffers"]
    if active():
        collective("ddp", _wrap, mo, par)
    else:
        par.ddp = mo.module        # a world of one: the module itself trains, as without ddp
    return None


_LOCALSGD_TABLE = [("period", 0, "long>=0"), ("warmup", 0, "long>=0")]


def localsgd(ctx, x):
    """localsgd(m;period;warmup): after each step of `run`, average the parameters over the ranks
    every `period` steps once `warmup` steps are done (post-local SGD on a ddp model); period 0
    turns it off."""
    a = args_of(x)
    if len(a) < 2:
        raise QError("localsgd: expecting (model;period;warmup)")
    mo = model_of(ctx, a[0], "localsgd")
    o = options("localsgd", _LOCALSGD_TABLE, a[1:])
    par = _parallel(mo)
    par.period, par.warmup = o["period"], o["warmup"]
    par.averager = None
    if par.period and active():
        from torch.distributed.algorithms.model_averaging.averagers import PeriodicModelAverager
        with warnings.catch_warnings():      # period 1 warns that DDP alone would do
            warnings.simplefilter("ignore")
            par.averager = PeriodicModelAverager(period=par.period, warmup_steps=par.warmup)
    if par.ddp is not None and active():
        collective("localsgd", _wrap, mo, par)
    return None


def model_settings(par: Parallel | None) -> QDict:
    s = (par or Parallel()).settings()
    return QDict(syms(list(s)), from_items([k_value(v) for v in s.values()]))


define("dist", monad=dist_fn, ctx=True,
       doc="dist[] | dist`key | dist(`timeout;s) | dist m | dist(x;y;p)  this rank's world (rank, "
           "world size, local rank, backend, device, timeout); set the collectives' timeout; a "
           "model's ddp/localsgd settings; ktorch's p-norm (2 by default) of x-y")
define("allavg", monad=allavg, ctx=True,
       doc="allavg p  replace every floating tensor of a dictionary, module or model by its "
           "mean over the ranks, in place (integer tensors take rank 0's)")
define("broadcast", monad=broadcast, ctx=True,
       doc="broadcast p | broadcast(p;r)  copy rank r's tensors (default 0) of a dictionary, "
           "module or model to every rank, in place")
define("ddp", monad=ddp, ctx=True,
       doc="ddp m | ddp(m;on;shard;seed;buffers)  make `run m` train with DistributedDataParallel "
           "on each rank's shard of the data (testrun and batchnorm over all ranks)")
define("localsgd", monad=localsgd, ctx=True,
       doc="localsgd(m;period;warmup)  average the parameters over the ranks every period steps "
           "of `run` after warmup steps (post-local SGD on a ddp model); period 0 turns it off")
