"""Running averages of a module's weights in dictionaries (ktorch-api.md §9, docs/averaging.md):
copyparms copystate avgparms emaparms batchnorm.

Every number is computed by a kernel of ktwa.averaging (snapshot, copy_into_, running_mean_,
ema_, recalibrate, reset_bn); this file resolves handles, checks arguments, keeps the
per-(module, dictionary) cache that makes `avgparms` cost a few microseconds, and turns results
and errors into q values.
"""
from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from ..averaging.batchnorm import recalibrate, recalibrate_across, reset_bn, restore_momenta
from ..averaging.ema import ema_
from ..averaging.grouping import Plan
from ..averaging.swa import copy_into_, running_mean_, snapshot
from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, syms, to_items
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, args_of, check_write, options, torch_error
from .convert import kname, to_tensor
from .handles import entry_module, get_handle
from .interrupts import uninterrupted
from . import progress
from .models import model_batches, model_forward_fn, train_batches
from .objects import Model, TensorDict
from .state import session_rng

define = Definitions()

# ktorch names the classes in this order in the errors of copyparms, avgparms and batchnorm;
# the functions ktwa adds (copystate, emaparms) name them as get_handle's other callers do
_CLASSES = ("model", "module", "optimizer")
_MODULE_FIRST = ("module", "model", "optimizer")


def _module(ctx, x, who: str, classes=_CLASSES):
    """(torch module, entry) of a model, module or optimizer handle."""
    e = get_handle(ctx, x, *classes, who=who)
    return entry_module(e, who), e


def _dict_arg(ctx, x, who: str) -> TensorDict:
    if not is_handle(x):
        raise QError(f"{who}: expecting dictionary of parameters for 2nd arg, given {kname(x)}")
    e = ctx.registry.entry(x)
    if e.cls != "dictionary":
        raise QError(f"{who}: expecting dictionary of parameters for 2nd arg, given {e.cls}")
    return e.obj


def state_named(m: nn.Module) -> list:
    """(name, tensor) of parameters and persistent buffers in state_dict order (no detach)."""
    return list(m.state_dict(keep_vars=True).items())


# ---------------------------------------------------------------------------------------------
# copyparms, copystate

def _copy(ctx, x, who: str, named_of, classes, nargs_error: str):
    """`who m`: a new dictionary of detached clones of named_of(m); `who(m;p)`: copy p's tensors
    (a dictionary handle or a k dictionary) back by name, returning name -> copied."""
    a = args_of(x)
    if not 1 <= len(a) <= 2:
        raise QError(nargs_error.format(len(a)))
    m, _ = _module(ctx, a[0], who, classes)
    named = named_of(m)
    if len(a) == 1:
        clones = snapshot([t for _, t in named])
        return ctx.registry.new(TensorDict(zip([n for n, _ in named], clones)), "dictionary")
    y = a[1]
    if isinstance(y, QDict) and not isinstance(y.keys, QTable):
        src = dict(zip(to_items(y.keys), to_items(y.values)))
        get = lambda k: to_tensor(src[k]) if k in src else None   # noqa: E731
    else:
        get = _dict_arg(ctx, y, who).get
    return copy_back(named, get, who)


def copy_back(named, get, who: str) -> QDict:
    """Copy get(name) into each (name, tensor) of `named` that has one, checking every value
    (calls.check_write, shapes) before copying any; returns the k dict name -> copied
    (copyparms(m;p)'s result)."""
    names, flags, dst, srcs = [], [], [], []
    for n, p in named:
        t = get(n)
        names.append(n)
        flags.append(t is not None)
        if t is not None:
            check_write(who, n, p, t)
            dst.append(p)
            srcs.append(t)
    try:
        uninterrupted(copy_into_, dst, srcs)
    except RuntimeError as err:
        raise torch_error(err) from None
    return QDict(syms(names), np.array(flags, dtype=bool))


def copyparms(ctx, x):
    """copyparms m: new dictionary of detached parameter clones; copyparms(m;p): copy back,
    returning name -> 1b/0b (all shapes checked before anything is written)."""
    return _copy(ctx, x, "copyparms", lambda m: list(m.named_parameters()), _CLASSES,
                 "copyparms expecting 1-2 args, given {}")         # ktorch's text


def copystate(ctx, x):
    """copystate m -> dictionary of detached clones of parameters AND buffers (state_dict names);
    copystate(m;p) -> copy every present key back (shapes checked first), name -> 1b/0b."""
    return _copy(ctx, x, "copystate", state_named, _MODULE_FIRST,
                 "copystate: expecting 1-2 args, given {}")


# ---------------------------------------------------------------------------------------------
# avgparms, emaparms: one update of a running average in a dictionary, counted in its `.n`

class PairCache:
    """What a running average (avgparms, emaparms) needs per call, valid while nothing it names
    has changed: every module parameter (required in the dictionary) and every module buffer
    whose name is a key of the dictionary (so a `copystate` snapshot averages buffers too;
    integer buffers are copied), paired with the dictionary's tensors, and the kernel Plan.

    Validity is checked by identity only (a few C-level map calls): the module tree's slot
    counts, each slot still holding the same tensor, each dictionary key the same average, and
    the dictionary's size. A dtype/device change behind our back (`to`) makes the first foreach
    call fail before anything is written; the caller then rebuilds.

    `.n` is read through a numpy view of its (CPU double) storage, a host read without a torch
    call; ``n_version`` tells when torch wrote it since.
    """

    __slots__ = ("module", "cdicts", "clens", "slots", "srcs", "pairs", "names", "avgs",
                 "plan", "dlen", "n", "n_np", "n_version")

    def __init__(self, module, dd, who: str):
        self.module = module
        cdicts, sdicts, snames, srcs, names, avgs = [], [], [], [], [], []
        seen = set()
        for mname, sub in module.named_modules():
            cdicts += (sub._parameters, sub._buffers, sub._modules)
            for kind, slots in (("parameter", sub._parameters), ("buffer", sub._buffers)):
                for sname, t in slots.items():
                    if t is None or id(t) in seen:
                        continue
                    full = f"{mname}.{sname}" if mname else sname
                    a = dd.get(full)
                    if a is None:
                        if kind == "parameter":
                            raise QError(f"{who}: parameter {full} not found, unable to compute "
                                         "average")
                        continue
                    if not isinstance(a, torch.Tensor):
                        raise QError(f"{who}: {kind} {full} is not a tensor")
                    seen.add(id(t))
                    sdicts.append(slots)
                    snames.append(sname)
                    srcs.append(t)
                    names.append(full)
                    avgs.append(a)
        self.cdicts = cdicts
        self.clens = list(map(len, cdicts))
        self.slots = tuple(zip(sdicts, snames, srcs))     # (slot dict, name, tensor it held)
        self.srcs = srcs
        self.pairs = tuple(zip(names, avgs))              # (dictionary key, average it held)
        self.names, self.avgs = names, avgs
        self.dlen = len(dd)
        try:
            self.plan = Plan(avgs, srcs)
        except RuntimeError as err:
            raise torch_error(err) from None
        self.n = None
        self.n_np = None
        self.n_version = -1

    def valid(self, module, dd) -> bool:
        # identity checks as plain loops over tuples made once: faster than chained map calls
        # at every size measured (2 to 200 pairs); slot counts by map, faster beyond a dozen
        if module is not self.module or len(dd) != self.dlen or \
                list(map(len, self.cdicts)) != self.clens:
            return False
        for slots, key, t in self.slots:
            if slots.get(key) is not t:
                return False
        get = dd.get
        for name, a in self.pairs:
            if get(name) is not a:
                return False
        return True

    def read_n(self, n, who: str) -> float:
        """The value of `.n` (a tensor of the dictionary), checked when it is new or was written
        by torch since the last call."""
        if n is not self.n or n._version != self.n_version:
            if not isinstance(n, torch.Tensor) or n.numel() != 1:
                raise QError(f"{who}: .n must be a scalar tensor")
            self.n = n
            self.n_np = n.numpy() if (n.is_cpu and n.dim() == 0 and n.dtype == torch.float64
                                      and not n.requires_grad) else None
            self.n_version = n._version
        return float(self.n_np) if self.n_np is not None else float(n)

    def write_n(self, n, v: float) -> None:
        """`.n` := v (in place through host memory when it can be: no torch call)."""
        if self.n_np is not None:
            self.n_np[()] = v
        else:
            n.fill_(v)
            self.n_version = n._version


N_KEY = ".n"


def running_update(ctx, h0, h1, who: str, err: str, update, classes=_CLASSES) -> np.int64:
    """The shared body of avgparms/emaparms: resolve (module;dictionary), keep the pair cache on
    the dictionary, read `.n`, run update(cache, n, nv) - one kernel step that leaves `.n` counted,
    which Ctrl-C does not split - and return the new count as a long."""
    if not (is_handle(h0) and is_handle(h1)):
        raise QError(err)
    reg = ctx.registry
    o = reg.entry(h0).obj
    m = o if isinstance(o, nn.Module) else _module(ctx, h0, who, classes)[0]
    e1 = reg.entry(h1)
    if e1.cls != "dictionary":
        raise QError(err)
    d = e1.obj
    if d.kind != "plain":
        raise QError(f"{who}: expecting a dictionary of averaged weights, given a {d.kind} "
                     "dictionary")
    dd = d._d
    c = d.pair_cache
    if c is None or not c.valid(m, dd):
        c = d.pair_cache = PairCache(m, dd, who)
    n = dd.get(N_KEY)
    if n is None:
        n = dd[N_KEY] = torch.tensor(1.0, dtype=torch.float64)
        c.dlen = len(dd)
    nv = c.read_n(n, who)
    try:
        uninterrupted(update, c, n, nv)
    except RuntimeError:
        # a tensor changed dtype/device behind the plan (e.g. `to`): rebuild once and retry
        c = d.pair_cache = PairCache(m, dd, who)
        nv = c.read_n(n, who)
        try:
            uninterrupted(update, c, n, nv)
        except RuntimeError as e:
            d.pair_cache = None
            raise torch_error(e) from None
    return np.int64(nv + 1.0)


_AVG_ERR = ("avgparms: expects 2 args, model/module/optimizer & dictionary of parameters "
            "w'averaged weights")


def _swa_update(c: PairCache, n, nv: float) -> None:
    running_mean_(c.avgs, c.srcs, n, None, c.plan)
    c.n_version = n._version    # the kernel counted (a torch write would move the version on)


def avgparms(ctx, x):
    """avgparms(m;p): running average of m's parameters (and of buffers whose names are keys of
    p) into p; `.n` counts the models in the average (1 for a copyparms snapshot); returns it."""
    if type(x) is not list or len(x) != 2:
        raise QError(_AVG_ERR)
    return running_update(ctx, x[0], x[1], "avgparms", _AVG_ERR, _swa_update)


_EMA_TABLE = [("decay", 0.999, "float"), ("warmup", False, "bool"), ("start", 0, "long>=0")]
_EMA_ERR = ("emaparms: expects model/module/optimizer, dictionary of averaged weights and "
            "optional decay, warmup, start")


def emaparms(ctx, x):
    """emaparms(m;p[;decay][;warmup][;start]): p = d*p + (1-d)*m for every parameter (and every
    buffer key present in p; integer buffers copied), d the keep-rate (default .999); `.n` in p
    counts models in the average (1 for a fresh copyparms dictionary) and is returned. Update number
    k = .n before the call: k <= start copies; warmup uses min(decay;(1+j)%10+j), j = k - start."""
    if type(x) is not list or len(x) < 2:
        raise QError(_EMA_ERR)
    h0, h1 = x[0], x[1]
    if not (is_handle(h0) and is_handle(h1)):
        raise QError(_EMA_ERR)
    n_opt = len(x) - 2
    if n_opt == 1 and type(x[2]) is np.float64:          # fast path: emaparms(m;p;.999)
        decay, warmup, start = float(x[2]), False, 0
    elif n_opt == 0:
        decay, warmup, start = 0.999, False, 0
    else:
        opt = options("emaparms", _EMA_TABLE, x[2:])
        decay, warmup, start = opt["decay"], opt["warmup"], opt["start"]
    if not 0.0 <= decay <= 1.0:
        raise QError(f"emaparms: decay must be in [0,1], given {decay}")
    scheduled = warmup or start

    def update(c: PairCache, n, nv: float) -> None:
        ema_(c.avgs, c.srcs, decay, int(nv) if scheduled else None, warmup, start, c.plan)
        c.write_n(n, nv + 1.0)

    return running_update(ctx, h0, h1, "emaparms", _EMA_ERR, update, _MODULE_FIRST)


# ---------------------------------------------------------------------------------------------
# batchnorm

def _momenta_k(momenta: dict) -> QDict:
    vals = [math.nan if v is None else float(v) for v in momenta.values()]
    return QDict(syms(list(momenta.keys())), np.array(vals, dtype=np.float64))


def batchnorm(ctx, x):
    """batchnorm m: reset BN stats (momentum None) and, for a model with training data, recompute
    them over the data (under ddp, over every rank's shard: each rank must call it); returns
    name -> original momentum. batchnorm(q;r) restores momenta."""
    a = args_of(x)
    if len(a) == 1:
        m, e = _module(ctx, a[0], "batchnorm")
        model = e.obj if isinstance(e.obj, Model) else None
        if model is not None and model.train_data is not None:
            try:
                # under ddp: over the batches of every rank (the statistics summed across them)
                sum_ = None if model.dist is None else model.dist.stats_sum()
                with session_rng(ctx):
                    batches = progress.counted(model_batches(model, "train"),
                                               train_batches(model), "batchnorm")
                    fwd = model_forward_fn(model)
                    momenta = recalibrate(m, batches, forward=fwd) if sum_ is None else \
                        recalibrate_across(m, batches, sum_, forward=fwd)
            except TORCH_ERRORS as err:
                raise torch_error(err) from None
            return _momenta_k(momenta)
        # module, optimizer, or model without data: reset only (the saved momenta are returned)
        return _momenta_k(reset_bn(m))
    if len(a) == 2:
        m, _ = _module(ctx, a[0], "batchnorm")
        r = a[1]
        if not isinstance(r, QDict) or isinstance(r.keys, QTable):
            raise QError("batchnorm: expecting k dictionary of momentum settings for 2nd arg, "
                         f"given {kname(r)}")
        keys = to_items(r.keys)
        vals = r.values
        if isinstance(vals, np.ndarray) and vals.dtype == np.float64:
            vs = vals.tolist()
        elif isinstance(vals, list) and all(isinstance(v, np.float64) for v in vals):
            vs = [float(v) for v in vals]
        else:
            raise QError("batchnorm: dictionary of previous momentum settings expected as "
                         f"double(s), given {kname(vals)}")
        if not all(isinstance(k, str) for k in keys):
            raise QError("batchnorm: expecting k dictionary of momentum settings for 2nd arg, "
                         f"given {kname(r.keys)} keys")
        try:
            restore_momenta(m, dict(zip(keys, vs)))
        except (LookupError, TypeError) as err:
            raise QError(f"batchnorm: {err.args[0]}") from None
        return None
    raise QError(f"batchnorm: expecting 1-2 args, given {len(a)}")


define("copyparms", monad=copyparms, ctx=True,
       doc="copyparms m | copyparms(m;p)  snapshot m's parameters into a new dictionary; copy p "
           "back into m (name!copied)")
define("copystate", monad=copystate, ctx=True,
       doc="copystate m | copystate(m;p)  snapshot m's parameters and buffers into a new "
           "dictionary; copy p back into m (name!copied)")
define("avgparms", monad=avgparms, ctx=True,
       doc="avgparms(m;p)  add m's weights to the running average in dictionary p; the count "
           "of models averaged, p's .n")
define("emaparms", monad=emaparms, ctx=True,
       doc="emaparms(m;p[;decay][;warmup][;start])  exponential moving average of m's weights "
           "into dictionary p (keep-rate decay, default .999); p's .n")
define("batchnorm", monad=batchnorm, ctx=True,
       doc="batchnorm m | batchnorm(m;r)  recompute batch-norm statistics over a model's "
           "training data (of every rank under ddp; reset them for a module), returning the "
           "momenta; restore momenta r")
