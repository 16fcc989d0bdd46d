"""Models (ktorch's model and training pages): a module, loss and optimizer with train/test
settings and data.

model train test input target data datasize batchinit ... and `batch m`/`restore m` (the tensor
functions of the same names pass model handles here). A model keeps its data (objects.Data) as
tensors on the module's device: inputs are one tensor, several (a list: from a vector, several
tensors or arrays, vector indices), or a dictionary (from a dictionary, or its keys); targets
likewise, or none. Batches are row slices (views); shuffling reorders the rows themselves, as
ktorch does, remembering the order for `unshuffle`. An epoch (epochs.py) is a Python loop over
the batches.
"""
from __future__ import annotations

from collections import OrderedDict

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, from_items, is_syms, syms, to_items
from ..values.functions import Definitions
from . import knn
from .calls import args_of, k_value, py_value
from .convert import kname, to_k
from .handles import consume, get_handle, module_device
from .inputs import input_value, inputs, tensors
from .losses import loss_definition
from .modules import definition
from .objects import Data, Model
from .optimizers import optimizer_definition, optimizer_state
from .state import alloptions, generator_for

define = Definitions()

# settings in the order `train m` / `test m` show them; None: not set (shown as ::)
_TRAIN = {"batchsize": 32, "droplast": False, "hidden": False, "shuffle": False,
          "sync": False, "clipgroup": False, "clipnorm": None, "clipvalue": None,
          "tensor": False, "dictionary": False, "metrics": ("loss",)}
_TEST = {"batchsize": 100, "droplast": False, "hidden": False, "tensor": False,
         "dictionary": False, "metrics": ("loss",)}
_METRICS = ("loss", "batchloss", "accuracy", "matches", "predict", "output", "hidden",
            "hiddencell")


# ---------------------------------------------------------------------------------------------
# data: q values -> inputs / targets (made in ktwa.torchapi.inputs)

def _map(v, f):
    if v is None:
        return None
    if isinstance(v, torch.Tensor):
        return f(v)
    if isinstance(v, OrderedDict):
        return OrderedDict((k, f(t)) for k, t in v.items())
    return [f(t) for t in v]


def rows(v) -> int:
    ts = tensors(v)
    if not ts:
        return 0
    return int(ts[0].shape[0]) if ts[0].dim() else 1


def _check_rows(x, y) -> int:
    n = rows(x)
    for t in tensors(x) + tensors(y):
        m = int(t.shape[0]) if t.dim() else 1
        if m != n:
            raise QError(f"tensor size mismatch, {n} vs {m}")
    return n


def k_of(v):
    """q value of inputs/targets: k arrays (a list of them, or a dictionary); :: for none."""
    if v is None:
        return None
    if isinstance(v, torch.Tensor):
        return to_k(v)
    if isinstance(v, OrderedDict):
        return QDict(syms(list(v)), [to_k(t) for t in v.values()])
    return [to_k(t) for t in v]


# ---------------------------------------------------------------------------------------------
# batches

def nbatches(n: int, bs: int, droplast: bool) -> int:
    return n // bs if droplast else -(-n // bs)


def data_size(data) -> int:
    """Rows of a Data's inputs (all of them, whatever the batching)."""
    return rows(data.x)


def _settings(mo: Model, which: str) -> dict:
    return mo.train if which == "train" else mo.test


def _data(mo: Model, which: str):
    return mo.train_data if which == "train" else mo.test_data


def batch_count(mo: Model, which: str) -> int:
    d = _data(mo, which)
    s = _settings(mo, which)
    return -1 if d is None else nbatches(data_size(d), s["batchsize"], s["droplast"])


def train_batches(mo: Model) -> int:
    """How many batches one pass over the model's training data makes (this rank's, under
    ddp)."""
    d = mo.train_data
    if d is None or mo.dist is None:
        return batch_count(mo, "train")
    s = mo.train
    return nbatches(mo.dist.count("train", data_size(d)), s["batchsize"], s["droplast"])


def _on_module_device(mo: Model, d: Data) -> Data:
    """Move the data (once) to the module's device if `to` moved the module."""
    dev = module_device(mo.module)
    ts = tensors(d.x) + tensors(d.y)
    if ts and any(t.device != dev for t in ts):
        d.x = _map(d.x, lambda t: t.to(dev))
        d.y = _map(d.y, lambda t: t.to(dev))
    return d


def shuffle_data(ctx, d: Data, generator=None) -> None:
    """Reorder the rows of inputs and targets by one random permutation."""
    n = data_size(d)
    if not n:
        return
    ts = tensors(d.x)
    p = torch.randperm(n, device=ts[0].device, generator=generator)
    d.x = _map(d.x, lambda t: t.index_select(0, p.to(t.device)))
    d.y = _map(d.y, lambda t: t.index_select(0, p.to(t.device)))
    d.perm = p if d.perm is None else d.perm.index_select(0, p.to(d.perm.device))


def unshuffle_data(d: Data) -> None:
    if d.perm is not None:
        i = d.perm.argsort()
        d.x = _map(d.x, lambda t: t.index_select(0, i.to(t.device)))
        d.y = _map(d.y, lambda t: t.index_select(0, i.to(t.device)))
        d.perm = None


def batch_init(ctx, mo: Model, which: str, generator=None) -> int:
    """Start a pass: whole data again, shuffled first when the training setting says so;
    returns the number of batches (-1 without data)."""
    d = _data(mo, which)
    if d is None:
        return -1
    d.batch = None
    _on_module_device(mo, d)
    if which == "train" and mo.train["shuffle"]:
        shuffle_data(ctx, d, generator if generator is not None else
                     generator_for(ctx, tensors(d.x)[0].device))
    return batch_count(mo, which)


def current(mo: Model, which: str = "train"):
    """(inputs, targets) of the current batch while batching, else all of them; None without
    data."""
    d = _data(mo, which)
    if d is None:
        return None
    if d.batch is None:
        return d.x, d.y
    bs = _settings(mo, which)["batchsize"]
    sl = slice(d.batch * bs, (d.batch + 1) * bs)
    return _map(d.x, lambda t: t[sl]), _map(d.y, lambda t: t[sl])


def current_batch(mo: Model):
    """The training (inputs, targets) of the current batch (all rows when not batching)."""
    return current(mo, "train")


def model_batches(mo: Model, which: str = "train", generator=None):
    """(inputs, targets) per batch of one pass (shuffled first when set, with the given
    generator; None: torch's global one, the session's inside state.session_rng); the data is
    whole again afterwards."""
    d = _data(mo, which)
    if d is None:
        raise QError(f"no {'training' if which == 'train' else 'test'} data defined for model")
    if mo.dist is not None:
        d.batch = None
        _on_module_device(mo, d)
        rows_ = mo.dist.rows(mo, which, data_size(d), tensors(d.x)[0].device)
        if rows_ is not None:           # this rank's rows under `ddp` (distributed.py)
            yield from _rows_batches(d, rows_, _settings(mo, which))
            return
    nb = batch_init(None, mo, which, generator) if which != "train" or not mo.train["shuffle"] \
        else _init_shuffled(mo, generator)
    bs = _settings(mo, which)["batchsize"]
    try:
        for i in range(nb):
            d.batch = i
            sl = slice(i * bs, (i + 1) * bs)
            yield inputs(_map(d.x, lambda t: t[sl])), _map(d.y, lambda t: t[sl])
    finally:
        d.batch = None


def _rows_batches(d: Data, rows_, s: dict):
    """Batches of the given rows of the data, in their order (the data itself stays as it is)."""
    bs = s["batchsize"]
    for i in range(nbatches(len(rows_), bs, s["droplast"])):
        idx = rows_[i * bs:(i + 1) * bs]
        yield (inputs(_map(d.x, lambda t: t.index_select(0, idx.to(t.device)))),
               _map(d.y, lambda t: t.index_select(0, idx.to(t.device))))


def _init_shuffled(mo: Model, generator):
    d = mo.train_data
    d.batch = None
    _on_module_device(mo, d)
    shuffle_data(None, d, generator)
    return batch_count(mo, "train")


def model_forward_fn(mo: Model):
    """forward(module, batch) for the averaging kernels' recalibrate."""
    def fwd(module, batch):
        return knn.call(module, batch[0])
    return fwd


def next_batch(ctx, mo: Model, which: str) -> bool:
    """batch m / testbatch m: select the next batch (the first starts a pass); 0b once all are
    done, the data then whole again."""
    d = _data(mo, which)
    if d is None:
        raise QError(f"{'batch' if which == 'train' else 'testbatch'}: no "
                     f"{'training' if which == 'train' else 'test'} data defined for model")
    i = d.batch
    nb = batch_init(ctx, mo, which) if i is None else batch_count(mo, which)
    i = 0 if i is None else i + 1
    if i >= nb:
        d.batch = None
        return False
    d.batch = i
    return True


def model_batch(ctx, mo: Model) -> np.bool_:
    return np.bool_(next_batch(ctx, mo, "train"))


def model_restore(mo: Model, which: str = "train") -> np.int64:
    """restore m / testrestore m: the whole data again; its rows."""
    d = _data(mo, which)
    if d is None:
        return np.int64(0)
    d.batch = None
    return np.int64(data_size(d))


# ---------------------------------------------------------------------------------------------
# settings

def _settings_k(s: dict, all_: bool = True, which: str = "train") -> QDict:
    keys, vals = [], []
    for k, v in s.items():
        if not all_ and k in ("clipnorm", "clipvalue") and v is None:
            continue
        keys.append(k)
        vals.append(_setting_k(k, v))
    return QDict(syms(keys), from_items(vals))


def _setting_k(k, v):
    if k == "metrics":
        return syms(list(v))
    if k == "clipnorm" and v is not None:
        return np.array(v, dtype=np.float64)
    return k_value(v)


def _set_setting(s: dict, which: str, k, v):
    if k not in s:
        raise QError(f"unrecognized {which} setting: {k}")
    if k == "metrics":
        if isinstance(v, list) and not v:
            p = ()
        elif isinstance(v, str):
            p = (v,)
        elif is_syms(v):
            p = tuple(v)
        else:
            raise QError(f"{k}: expects symbol(s), given {kname(v)}")
        for mname in p:
            if mname not in _METRICS:
                raise QError(f"unrecognized metric: {mname}")
    elif k == "batchsize":
        p = py_value(v) if not isinstance(v, (list, np.ndarray)) else None
        if isinstance(p, bool) or not isinstance(p, int) or p < 1:
            raise QError(f"{which}: batchsize must be a positive long, given {kname(v)}")
    elif k == "clipnorm":
        if isinstance(v, list) and not v:
            p = None
        else:
            nums = [v] if isinstance(v, (np.integer, np.floating)) else \
                list(v) if isinstance(v, (np.ndarray, list)) else None
            if nums is None or not 1 <= len(nums) <= 2 or any(
                    isinstance(a, np.bool_) or not isinstance(a, (np.integer, np.floating))
                    for a in nums):
                raise QError(f"{k}: expecting 1-2 numbers, long integers or doubles, given "
                             f"{kname(v)}")
            p = (float(nums[0]), float(nums[1]) if len(nums) > 1 else 2.0)
            if not p[0] > 0:
                raise QError(f"{which}: clipnorm expects a positive number, given {p[0]:g}")
            s["clipvalue"] = None
    elif k == "clipvalue":
        if isinstance(v, list) and not v or v is None:
            p = None
        else:
            p = py_value(v) if not isinstance(v, (list, np.ndarray)) else None
            if isinstance(p, bool) or not isinstance(p, (int, float)) or not p > 0:
                raise QError(f"{k}: expecting number for maximum gradient, given {kname(v)}")
            p = float(p)
            s["clipnorm"] = None
    else:
        p = py_value(v) if not isinstance(v, (list, np.ndarray)) else None
        if isinstance(p, int) and not isinstance(p, bool) and p in (0, 1):
            p = bool(p)
        if not isinstance(p, bool):
            raise QError(f"{which}: {k} expects boolean, given {kname(v)}")
    s[k] = p


def _settings_fn(which: str):
    def f(ctx, x):
        a = args_of(x)
        if not a:
            raise QError(f"{which}: 1st argument must be a model")
        mo = model_of(ctx, a[0], which)
        s = _settings(mo, which)
        if len(a) == 1:
            return _settings_k(s, alloptions(ctx), which)
        k = a[1]
        if len(a) == 2 and isinstance(k, np.bool_):
            return _settings_k(s, bool(k), which)
        if isinstance(k, str) and len(a) <= 3:
            if k not in s:
                raise QError(f"unrecognized {which} setting: {k}")
            if len(a) == 2:
                return _setting_k(k, s[k])
            new = dict(s)
            _set_setting(new, which, k, a[2])
            s.update(new)
            return None
        if is_syms(k) and len(a) <= 3:
            for kk in k:
                if kk not in s:
                    raise QError(f"unrecognized {which} setting: {kk}")
            if len(a) == 2:
                return QDict(k.copy(), from_items([_setting_k(kk, s[kk]) for kk in k]))
            vs = to_items(a[2])
            if len(vs) != len(k):
                raise QError(f"{which}: {len(k)} setting(s) but {len(vs)} value(s)")
            new = dict(s)
            for kk, v in zip(k, vs):
                _set_setting(new, which, kk, v)
            s.update(new)
            return None
        if isinstance(k, QDict) and not isinstance(k.keys, QTable) and len(a) == 2:
            new = dict(s)
            for kk, v in zip(to_items(k.keys), to_items(k.values)):
                _set_setting(new, which, kk, v)
            s.update(new)
            return None
        if len(a) > 3:
            raise QError(f"{which}: up to 3 args expected, (model;inputs;targets) but {len(a)} "
                         "given")
        return np.int64(set_data(ctx, mo, which, a[1], a[2] if len(a) > 2 else None,
                                 len(a) > 2))
    f.__name__ = which
    return f


# ---------------------------------------------------------------------------------------------
# defining data

def set_data(ctx, mo: Model, which: str, x, y, has_y: bool = True, who: str | None = None) -> int:
    """Inputs and targets for training or testing; the number of batches."""
    who = who or which
    dev = module_device(mo.module)
    xv = input_value(ctx, [x], who, dev)
    yv = input_value(ctx, [y], who, dev) if has_y and y is not None else None
    if xv is None:
        raise QError(f"{who}: no inputs given")
    _check_rows(xv, yv)
    d = Data(xv, yv)
    if which == "train":
        mo.train_data = d
    else:
        mo.test_data = d
    return batch_count(mo, which)


def _set_part(ctx, mo: Model, which: str, part: str, args: list, who: str) -> int:
    """input(m;x..) / target(m;y..) and their test forms: one side of the data."""
    dev = module_device(mo.module)
    v = input_value(ctx, args, who, dev)
    d = _data(mo, which)
    x = v if part == "x" else (d.x if d is not None else None)
    y = v if part == "y" else (d.y if d is not None else None)
    if x is not None:
        _check_rows(x, y)
    nd = Data(x, y)
    if which == "train":
        mo.train_data = nd
    else:
        mo.test_data = nd
    return batch_count(mo, which) if x is not None else -1


def model_of(ctx, v, who) -> Model:
    """The model named by a model handle."""
    return get_handle(ctx, v, "model", who=who).obj


def _part_fn(which: str, part: str, who: str):
    def f(ctx, x):
        a = args_of(x)
        if not a:
            raise QError(f"{who}: 1st argument must be a model")
        mo = model_of(ctx, a[0], who)
        if len(a) == 1:
            c = current(mo, which)
            return None if c is None else k_of(c[0] if part == "x" else c[1])
        return np.int64(_set_part(ctx, mo, which, part, a[1:], who))
    f.__name__ = who
    return f


def _data_fn(which: str, who: str):
    def f(ctx, x):
        a = args_of(x)
        if not a:
            raise QError(f"{who}: 1st argument must be a model")
        mo = model_of(ctx, a[0], who)
        if len(a) == 1:
            c = current(mo, which)
            if c is None:
                return [None, None]
            return [k_of(c[0]), k_of(c[1])]
        if len(a) > 3:
            raise QError(f"{who}: up to 3 args expected, (model;inputs;targets) but {len(a)} "
                         "given")
        return np.int64(set_data(ctx, mo, which, a[1], a[2] if len(a) == 3 else None,
                                 len(a) == 3, who))
    f.__name__ = who
    return f


def _size_fn(which: str, who: str):
    def f(ctx, x):
        mo = model_of(ctx, x, who)
        c = current(mo, which)
        return np.int64(0 if c is None else rows(c[0]))
    f.__name__ = who
    return f


def _batch_fn(which: str, who: str):
    def f(ctx, x):
        return np.bool_(next_batch(ctx, model_of(ctx, x, who), which))
    f.__name__ = who
    return f


def _init_fn(which: str, who: str):
    def f(ctx, x):
        mo = model_of(ctx, x, who)
        return np.int64(batch_init(ctx, mo, which))
    f.__name__ = who
    return f


def testrestore_fn(ctx, x):
    """testrestore m: the whole test data again; its rows."""
    return model_restore(model_of(ctx, x, "testrestore"), "test")


# ---------------------------------------------------------------------------------------------
# the model itself

def model_state(mo: Model, all_: bool = True) -> QDict:
    """state m: module state, loss, optimizer state, train and test settings."""
    return QDict(syms(["module", "loss", "optimizer", "train", "test"]),
                 [definition(mo.module, all_, with_state=True), loss_definition(mo.loss, all_),
                  optimizer_state(mo.optimizer, all_), _settings_k(mo.train, all_, "train"),
                  _settings_k(mo.test, all_, "test")])


def model_fn(ctx, x):
    """model(q;l;o) -> model handle, consuming the three handles; model m | model(m;flag) ->
    its parts; model(m;part..) replaces the module, loss and/or optimizer."""
    a = args_of(x)
    if not a:
        raise QError("model: expecting module, loss and optimizer")
    first = get_handle(ctx, a[0], "model", "module", "loss", "optimizer", who="model")
    if first.cls == "model":
        mo = first.obj
        if len(a) == 1 or len(a) == 2 and isinstance(a[1], np.bool_):
            flag = alloptions(ctx) if len(a) == 1 else bool(a[1])
            return QDict(syms(["module", "loss", "optimizer", "train", "test"]),
                         [definition(mo.module, flag), loss_definition(mo.loss, flag),
                          optimizer_definition(mo.optimizer, flag),
                          _settings_k(mo.train, flag, "train"), _settings_k(mo.test, flag, "test")])
        parts = _parts(ctx, a[1:], 1)
        if "module" in parts:
            mo.module = parts["module"][1].obj
        if "loss" in parts:
            mo.loss = parts["loss"][1].obj
        if "optimizer" in parts:
            mo.optimizer = parts["optimizer"][1].obj
            if mo.optimizer.module is None:
                mo.optimizer.module = mo.module
        consume(ctx, [v for v, _ in parts.values()], by="model")
        return None
    parts = _parts(ctx, a, 0)
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


def _parts(ctx, args, start) -> dict:
    parts = {}
    for i, v in enumerate(args):
        if not is_handle(v):
            raise QError(f"model arg[{i + start}] unrecognized: {kname(v)}")
        e = get_handle(ctx, v, "module", "loss", "optimizer", who="model")
        if e.cls in parts:
            raise QError(f"model: more than one {e.cls} given")
        parts[e.cls] = (v, e)
    return parts


define("model", monad=model_fn, ctx=True,
       doc="model(q;l;o) | model m | model(m;flag) | model(m;part..)  make a model from a "
           "module, loss and optimizer (their handles are consumed); show its parts; replace "
           "parts")
define("train", monad=_settings_fn("train"), ctx=True,
       doc="train m | train(m;`k) | train(m;`k;v) | train(m;dict) | train(m;x;y)  show or set "
           "the training settings; define the training data (the number of batches)")
define("test", monad=_settings_fn("test"), ctx=True,
       doc="test m | test(m;`k) | test(m;`k;v) | test(m;dict) | test(m;x;y)  show or set the "
           "test settings; define the test data")
define("data", monad=_data_fn("train", "data"), ctx=True,
       doc="data m | data(m;x;y)  the training (inputs;targets) as k values (of the current "
           "batch while batching); define them")
define("testdata", monad=_data_fn("test", "testdata"), ctx=True,
       doc="testdata m | testdata(m;x;y)  the test (inputs;targets) as k values; define them")
define("input", monad=_part_fn("train", "x", "input"), ctx=True,
       doc="input m | input(m;x..)  the training inputs (of the current batch while batching); "
           "set them")
define("target", monad=_part_fn("train", "y", "target"), ctx=True,
       doc="target m | target(m;y..)  the training targets (of the current batch while "
           "batching); set them")
define("testinput", monad=_part_fn("test", "x", "testinput"), ctx=True,
       doc="testinput m | testinput(m;x..)  the test inputs; set them")
define("testtarget", monad=_part_fn("test", "y", "testtarget"), ctx=True,
       doc="testtarget m | testtarget(m;y..)  the test targets; set them")
define("datasize", monad=_size_fn("train", "datasize"), ctx=True,
       doc="datasize m  rows of training data (of the current batch while batching)")
define("testsize", monad=_size_fn("test", "testsize"), ctx=True,
       doc="testsize m  rows of test data (of the current batch while batching)")
define("testbatch", monad=_batch_fn("test", "testbatch"), ctx=True,
       doc="testbatch m  select the next batch of test data: 1b while batches remain, then 0b "
           "(the data whole again)")
define("batchinit", monad=_init_fn("train", "batchinit"), ctx=True,
       doc="batchinit m  restart the model's training batches (shuffling when set); the number "
           "of batches, -1 without data")
define("testinit", monad=_init_fn("test", "testinit"), ctx=True,
       doc="testinit m  restart the model's test batches; the number of batches, -1 without data")
define("testrestore", monad=testrestore_fn, ctx=True,
       doc="testrestore m  end test batching: the whole test data again; its rows")
