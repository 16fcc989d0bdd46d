"""Models (ktorch-api.md §8): a module, loss and optimizer with train/test settings and data.

model train test input target data datasize batchinit, and `batch m`/`restore m` (the tensor
functions of the same names pass model handles here). A model keeps its data as tensors on the
module's device; batches are index slices (a view per batch, or one gather per batch when
shuffled), so an epoch (epochs.py) is a plain Python loop over torch ops.
"""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..values.types import QDict, QTable, from_items, syms, to_items
from ..values.functions import Definitions
from .calls import args_of, k_value, py_value
from .convert import kname, to_k
from .handles import consume, get_handle, module_device, tensor_arg
from .losses import loss_definition
from .modules import definition
from .objects import Model
from .optimizers import optimizer_definition
from .state import generator_for

define = Definitions()


_TRAIN = {"batchsize": 32, "droplast": False, "hidden": False, "shuffle": False,
          "tensor": False, "dictionary": False, "metrics": ("loss",), "clipnorm": None,
          "clipvalue": None}


_TEST = {"batchsize": 100, "droplast": False, "hidden": False, "tensor": False,
         "dictionary": False, "metrics": ("loss",)}


_METRICS = ("loss", "batchloss", "accuracy", "predict", "output")


def model_fn(ctx, x):
    """model(q;l;o) -> model handle, consuming the three handles; model m -> parts dict."""
    a = args_of(x)
    if len(a) == 1:
        e = get_handle(ctx, a[0], "model", who="model")
        mo = e.obj
        return QDict(syms(["module", "loss", "optimizer", "train", "test"]),
                     [definition(mo.module), loss_definition(mo.loss),
                      optimizer_definition(mo.optimizer),
                      _settings_k(mo.train), _settings_k(mo.test)])
    parts = {}
    for v in a:
        e = get_handle(ctx, v, "module", "loss", "optimizer", who="model")
        if e.cls in parts:
            raise QError(f"model: more than one {e.cls} given")
        parts[e.cls] = (v, e)
    for c in ("module", "loss", "optimizer"):
        if c not in parts:
            raise QError(f"{c} not specified")
    consume(ctx, [v for v, _ in parts.values()], by="model")
    mod = parts["module"][1].obj
    o = parts["optimizer"][1].obj
    if o.module is None:
        o.module = mod
    mo = Model(mod, parts["loss"][1].obj, o, train=dict(_TRAIN), test=dict(_TEST))
    return ctx.registry.new(mo, "model")


def model_of(ctx, v, who) -> Model:
    """The model named by a model handle."""
    return get_handle(ctx, v, "model", who=who).obj


def _settings_k(s: dict) -> QDict:
    keys = list(s.keys())
    vals = []
    for k in keys:
        v = s[k]
        if k == "metrics":
            vals.append(syms(v))
        else:
            vals.append(k_value(v))
    return QDict(syms(keys), from_items(vals))


def _set_setting(s: dict, which: str, k, v):
    if k not in s:
        raise QError(f"unrecognized {which} setting: {k}")
    p = py_value(v)
    if k == "metrics":
        p = (p,) if isinstance(p, str) else tuple(p)
        for mname in p:
            if mname not in _METRICS:
                raise QError(f"unrecognized metric: {mname}")
    elif k == "batchsize":
        if isinstance(p, bool) or not isinstance(p, int) or p < 1:
            raise QError(f"{which}: batchsize must be a positive long, given {kname(v)}")
    elif k in ("clipnorm", "clipvalue"):
        if p is not None and (isinstance(p, bool) or not isinstance(p, (int, float)) or p <= 0):
            raise QError(f"{which}: {k} expects a positive number or null, given {kname(v)}")
        p = None if p is None else float(p)
    else:
        if isinstance(p, int) and not isinstance(p, bool) and p in (0, 1):
            p = bool(p)
        if not isinstance(p, bool):
            raise QError(f"{which}: {k} expects boolean, given {kname(v)}")
    s[k] = p


def nbatches(n: int, bs: int, droplast: bool) -> int:
    return n // bs if droplast else -(-n // bs)


def data_size(data) -> int:
    x = data[0]
    return int((x[0] if isinstance(x, (list, tuple)) else x).shape[0])


def train_batches(mo: Model) -> int:
    """How many batches one pass over the model's training data makes (this rank's, under
    ddp)."""
    s = mo.train
    n = data_size(mo.train_data)
    return nbatches(n if mo.dist is None else mo.dist.count("train", n), s["batchsize"],
                    s["droplast"])


def set_data(ctx, mo: Model, which: str, x, y) -> int:
    who = which
    dev = module_device(mo.module)
    xt = tensor_arg(ctx, x, dev, who)
    yt = None if y is None else tensor_arg(ctx, y, dev, who)
    if yt is not None and xt.shape[:1] != yt.shape[:1]:
        raise QError(f"tensor size mismatch, {xt.shape[0]} vs {yt.shape[0]}")
    if which == "train":
        mo.train_data = (xt, yt)
        mo.end_batches()
    else:
        mo.test_data = (xt, yt)
    s = mo.train if which == "train" else mo.test
    return nbatches(int(xt.shape[0]), s["batchsize"], s["droplast"])


def _settings_fn(which: str):
    def f(ctx, x):
        a = args_of(x)
        if not a:
            raise QError(f"{which}: expecting model")
        mo = model_of(ctx, a[0], which)
        s = mo.train if which == "train" else mo.test
        if len(a) == 1:
            return _settings_k(s)
        k = a[1]
        if len(a) == 2:
            if isinstance(k, str):
                if k not in s:
                    raise QError(f"unrecognized {which} setting: {k}")
                return to_items(_settings_k(s).values)[list(s).index(k)]
            if isinstance(k, np.ndarray) and k.dtype == object:
                full = _settings_k(s)
                keys = list(s)
                for kk in k:
                    if kk not in s:
                        raise QError(f"unrecognized {which} setting: {kk}")
                return QDict(k.copy(), from_items([to_items(full.values)[keys.index(kk)]
                                                    for kk in k]))
            if isinstance(k, np.bool_):
                if k:
                    return _settings_k(s)
                defaults = _TRAIN if which == "train" else _TEST
                return _settings_k({kk: v for kk, v in s.items() if defaults[kk] != v})
            if isinstance(k, QDict) and not isinstance(k.keys, QTable):
                for kk, v in zip(to_items(k.keys), to_items(k.values)):
                    _set_setting(s, which, kk, v)
                return None
            return np.int64(set_data(ctx, mo, which, k, None))
        if len(a) == 3:
            if isinstance(k, str):
                _set_setting(s, which, k, a[2])
                return None
            if isinstance(k, np.ndarray) and k.dtype == object:
                vs = to_items(a[2])
                if len(vs) != len(k):
                    raise QError(f"{which}: {len(k)} setting(s) but {len(vs)} value(s)")
                new = dict(s)
                for kk, v in zip(k, vs):
                    _set_setting(new, which, kk, v)
                s.update(new)
                return None
            return np.int64(set_data(ctx, mo, which, a[1], a[2]))
        raise QError(f"{which}: unexpected number of args, {len(a)}")
    f.__name__ = which
    return f


def inputs(x) -> list:
    """The input tensors of a data set (one tensor, or a list of them for several inputs)."""
    return list(x) if isinstance(x, (list, tuple)) else [x]


def model_batches(mo: Model, which: str = "train", generator=None):
    """(inputs, target) per batch of the model's data in its batchsize (shuffled if set, with
    the given generator; None: torch's global one, the session's inside state.session_rng)."""
    data = mo.train_data if which == "train" else mo.test_data
    if data is None:
        raise QError(f"no {'training' if which == 'train' else 'test'} data defined for model")
    s = mo.train if which == "train" else mo.test
    x, y = data = _on_module_device(mo, which)
    n = data_size(data)
    bs = s["batchsize"]
    nb = nbatches(n, bs, s["droplast"])
    xs = inputs(x)
    # this rank's rows under `ddp` (distributed.py); None: every row, in the model's own order
    perm = None if mo.dist is None else mo.dist.rows(mo, which, n, xs[0].device)
    if perm is None and which == "train" and s.get("shuffle"):
        perm = torch.randperm(n, device=xs[0].device, generator=generator)
    if perm is not None:
        nb = nbatches(len(perm), bs, s["droplast"])
        if len(xs) == 1:
            x0 = xs[0]
            for i in range(nb):
                idx = perm[i * bs:(i + 1) * bs]
                yield [x0.index_select(0, idx)], None if y is None else y.index_select(0, idx)
        else:
            for i in range(nb):
                idx = perm[i * bs:(i + 1) * bs]
                yield ([t.index_select(0, idx) for t in xs],
                       None if y is None else y.index_select(0, idx))
    else:
        for i in range(nb):
            sl = slice(i * bs, (i + 1) * bs)
            yield [t[sl] for t in xs], None if y is None else y[sl]


def _on_module_device(mo: Model, which: str):
    """The model's data, moved (once) to the module's device if `to` moved the module."""
    data = mo.train_data if which == "train" else mo.test_data
    dev = module_device(mo.module)
    xs = inputs(data[0])
    if xs[0].device == dev and (data[1] is None or data[1].device == dev):
        return data
    x = [t.to(dev) for t in xs]
    data = (x if isinstance(data[0], (list, tuple)) else x[0],
            None if data[1] is None else data[1].to(dev))
    if which == "train":
        mo.train_data = data
    else:
        mo.test_data = data
    return data


def model_forward_fn(mo: Model):
    """forward(module, batch) for the averaging kernels' recalibrate."""
    def fwd(module, batch):
        return module(*batch[0])
    return fwd


def current_batch(mo: Model):
    """The training (inputs, targets): the current batch's rows while `batch m` steps through
    them, else all of them; None without training data."""
    data = mo.train_data
    if data is None:
        return None
    i = mo.batch
    if i is None:
        return data
    s = mo.train
    bs = s["batchsize"]
    perm = mo.perm
    xs = inputs(data[0])
    if perm is not None:
        idx = perm[i * bs:(i + 1) * bs]
        return ([t.index_select(0, idx) for t in xs],
                None if data[1] is None else data[1].index_select(0, idx))
    sl = slice(i * bs, (i + 1) * bs)
    return [t[sl] for t in xs], None if data[1] is None else data[1][sl]


def inputs_k(x):
    xs = inputs(x)
    return to_k(xs[0]) if len(xs) == 1 else [to_k(t) for t in xs]


def input_fn(ctx, x):
    """input m -> the training inputs as k values (a copy); input(m;x) sets them."""
    a = args_of(x)
    mo = model_of(ctx, a[0], "input")
    if len(a) == 2:
        y = mo.train_data[1] if mo.train_data is not None else None
        return np.int64(set_data_keep(ctx, mo, a[1], y))
    d = current_batch(mo)
    if d is None:
        raise QError("input: no training data defined for model")
    return inputs_k(d[0])


def set_data_keep(ctx, mo, x, y):
    dev = module_device(mo.module)
    xt = tensor_arg(ctx, x, dev, "input")
    if y is not None and xt.shape[:1] != y.shape[:1]:
        raise QError(f"tensor size mismatch, {xt.shape[0]} vs {y.shape[0]}")
    mo.train_data = (xt, y)
    mo.end_batches()
    return nbatches(int(xt.shape[0]), mo.train["batchsize"], mo.train["droplast"])


def target_fn(ctx, x):
    """target m -> the training targets as k values; target(m;y) sets them."""
    a = args_of(x)
    mo = model_of(ctx, a[0], "target")
    if len(a) == 2:
        if mo.train_data is None:
            raise QError("target: define inputs first")
        dev = module_device(mo.module)
        yt = tensor_arg(ctx, a[1], dev, "target")
        xt = mo.train_data[0]
        n = data_size(mo.train_data)
        if yt.shape[0] != n:
            raise QError(f"tensor size mismatch, {n} vs {yt.shape[0]}")
        mo.train_data = (xt, yt)
        mo.end_batches()
        return np.int64(nbatches(n, mo.train["batchsize"], mo.train["droplast"]))
    d = current_batch(mo)
    if d is None or d[1] is None:
        raise QError("target: no training targets defined for model")
    return to_k(d[1])


def data_fn(ctx, x):
    """data m -> (inputs;targets) as k values."""
    mo = model_of(ctx, x, "data")
    d = current_batch(mo)
    if d is None:
        raise QError("data: no training data defined for model")
    return [inputs_k(d[0]), to_k(d[1]) if d[1] is not None else None]


def datasize_fn(ctx, x):
    """datasize m -> rows of training data (of the current batch while batching)."""
    mo = model_of(ctx, x, "datasize")
    d = current_batch(mo)
    if d is None:
        return np.int64(0)
    return np.int64(data_size(d))


def model_restore(mo: Model) -> np.int64:
    """restore m -> full training size (ends any batching)."""
    mo.end_batches()
    if mo.train_data is None:
        return np.int64(0)
    return np.int64(data_size(mo.train_data))


def model_batch(ctx, mo: Model) -> np.bool_:
    """batch m -> 1b while training batches remain (first call shuffles if set), then 0b."""
    if mo.train_data is None:
        raise QError("batch: no training data defined for model")
    n = data_size(mo.train_data)
    s = mo.train
    nb = nbatches(n, s["batchsize"], s["droplast"])
    i = mo.batch
    if i is None:
        dev = inputs(mo.train_data[0])[0].device
        mo.perm = torch.randperm(n, device=dev, generator=generator_for(ctx, dev)) \
            if s.get("shuffle") else None
        i = 0
    else:
        i += 1
    if i >= nb:
        mo.end_batches()
        return np.bool_(False)
    mo.batch = i
    return np.bool_(True)


def batchinit_fn(ctx, x):
    """batchinit m: restart the model's training batches (reshuffling when shuffle is on);
    returns the number of batches, -1 when the model has no training data."""
    mo = model_of(ctx, x, "batchinit")
    mo.end_batches()
    if mo.train_data is None:
        return np.int64(-1)
    s = mo.train
    return np.int64(nbatches(data_size(mo.train_data), s["batchsize"], s["droplast"]))



define("model", monad=model_fn, ctx=True,
       doc="model(q;l;o) | model m  make a model from a module, loss and optimizer (their handles "
           "are consumed); show a model's parts")
define("train", monad=_settings_fn("train"), ctx=True,
       doc="train m | train(m;`k) | train(m;`k;v) | train(m;x;y)  show or set the training "
           "settings; define the training data")
define("test", monad=_settings_fn("test"), ctx=True,
       doc="test m | test(m;`k) | test(m;`k;v) | test(m;x;y)  show or set the test settings; "
           "define the test data")
define("input", monad=input_fn, ctx=True,
       doc="input m | input(m;x)  the training inputs (of the current batch while batching); "
           "set them")
define("target", monad=target_fn, ctx=True,
       doc="target m | target(m;y)  the training targets (of the current batch while batching); "
           "set them")
define("data", monad=data_fn, ctx=True,
       doc="data m  the training (inputs;targets) as k values")
define("datasize", monad=datasize_fn, ctx=True,
       doc="datasize m  rows of training data (of the current batch while batching)")
define("batchinit", monad=batchinit_fn, ctx=True,
       doc="batchinit m  restart the model's training batches; the number of batches, -1 "
           "without data")
