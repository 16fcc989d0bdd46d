"""Epochs (ktorch's training page): `run` trains one epoch, `testrun` evaluates the test data,
`backward` runs forward, loss and backward once, `backstep` adds the optimizer step; with the
metrics they return.

A training step zeroes the gradients, runs forward (with the previous batch's recurrent state
when the `hidden` setting is on), the loss and backward, clips the gradients when the settings
say so, and steps the optimizer - through a closure, which LBFGS calls as often as it needs.

A Ctrl-C ends an epoch after the current batch (the model is left consistent), and a progress bar
shows on a terminal (progress.py).
"""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..values.types import QDict, from_items, syms
from ..values.functions import Definitions
from ..averaging.nograd import no_grad
from . import knn, progress
from .interrupts import BatchBoundary
from .calls import TORCH_ERRORS, args_of, torch_error
from .convert import to_k
from .forward import restore_flags, set_mode
from .handles import get_handle, module_device
from .losses import compute
from .models import (current_batch, data_size, inputs, input_value, model_batches, model_of,
                     nbatches, set_data, tensors)
from .objects import Model
from .state import session_rng

define = Definitions()


def _loss_on_device(mo: Model):
    """The loss module, moved along with the module when it holds tensors (class weights)."""
    fn = mo.loss.fn
    for b in fn.buffers():
        dev = module_device(mo.module)
        if b.device != dev:
            fn.to(dev)
        break
    return fn


def output(out):
    """The tensor a loss and the metrics use from a forward result (the first of several)."""
    if isinstance(out, torch.Tensor):
        return out
    if isinstance(out, (list, tuple)) and out:
        return output(out[0])
    raise QError("unable to retrieve model output from empty result")


def hidden_state(out) -> list:
    """The recurrent state a forward result carries after its output (h, or h and c),
    detached: the next batch starts from it without reaching back into this batch's graph."""
    if isinstance(out, (list, tuple)) and len(out) > 1:
        rest = out[1]
        hs = list(rest) if isinstance(rest, (list, tuple)) else list(out[1:])
        return [h.detach() for h in hs]
    raise QError("unable to retrieve hidden state from model output")


def model_loss(mo: Model, out, y):
    """The model's loss of a forward result and the targets (a tensor, or several)."""
    ys = tensors(y)
    if not ys:
        raise QError(f"{mo.loss.name}: loss calculation not implemented for tensor input & "
                     "empty target")
    return compute(mo.loss, [output(out)] + ys)


def _check_targets(mo: Model, y, out) -> None:
    """Class-index targets of ce/nll must lie in [0, classes) (or equal the ignore index); checked
    over the whole target tensor once per data set, before any optimizer step, so a bad label in
    a late batch cannot leave the model half-trained by a failing epoch."""
    out = output(out)
    if not isinstance(y, torch.Tensor) or mo.loss.name not in ("ce", "nll") or \
            y.is_floating_point() or y.dtype == torch.bool or out.dim() < 2:
        return
    c = int(out.shape[1])
    key = (id(y), y.data_ptr(), tuple(y.shape), c)
    if mo.checked_targets == key:
        return
    ign = mo.loss.options.get("ignore", -100)
    bad = ((y < 0) | (y >= c)) & (y != ign)
    if bool(bad.any()):
        v = int(y[bad][0])
        raise QError(f"Target {v} is out of bounds.")
    mo.checked_targets = key


class _Metrics:
    """What an epoch's metrics need from each batch; on the device until the end (no sync)."""

    def __init__(self, names):
        self.names = names
        self.losses, self.preds, self.outs, self.hs, self.cs = [], [], [], [], []
        self.correct, self.n = None, 0

    def add(self, out, y, loss) -> None:
        names = self.names
        o = output(out).detach()
        if loss is not None:
            self.losses.append(loss)
        if "accuracy" in names or "predict" in names or "matches" in names:
            p = o.argmax(-1) if o.dim() > 1 else o
            if ("accuracy" in names or "matches" in names) and isinstance(y, torch.Tensor):
                c = (p == y).sum()
                self.correct = c if self.correct is None else self.correct + c
                self.n += int(y.numel())
            if "predict" in names:
                self.preds.append(p)
        if "output" in names:
            self.outs.append(o)
        if "hidden" in names or "hiddencell" in names:
            hs = hidden_state(out)
            self.hs.append(hs[0])
            if len(hs) > 1:
                self.cs.append(hs[1])

    def result(self, as_dictionary: bool, as_tensors: bool = False):
        vals = []
        losses = self.losses
        for mname in self.names:
            if mname == "loss":
                vals.append(torch.stack(losses).float().mean() if losses else None)
            elif mname == "batchloss":
                vals.append(torch.stack(losses) if losses else None)
            elif mname == "accuracy":
                vals.append(100.0 * self.correct.double() / self.n if self.n else None)
            elif mname == "matches":
                vals.append(torch.stack([self.correct, torch.tensor(self.n)]) if self.n
                            else None)
            elif mname == "predict":
                vals.append(torch.cat(self.preds) if self.preds else None)
            elif mname == "output":
                vals.append(torch.cat(self.outs) if self.outs else None)
            elif mname == "hidden":
                vals.append(torch.cat(self.hs) if self.hs else None)
            elif mname == "hiddencell":
                vals.append(torch.cat(self.cs) if self.cs else None)
        if as_tensors:
            return vals
        ks = [_metric_k(m, v) for m, v in zip(self.names, vals)]
        if as_dictionary:
            return QDict(syms(self.names), from_items(ks))
        return ks[0] if len(ks) == 1 else ks


def _metric_k(name, v):
    if v is None:
        return np.float64("nan") if name in ("loss", "accuracy") else []
    if name in ("loss", "accuracy"):
        return np.float64(float(v))
    if name == "batchloss":
        return np.array(v.double().cpu().tolist(), dtype=np.float64)
    return to_k(v)


def clip_grads(o: torch.optim.Optimizer, s: dict) -> None:
    """Clip gradients as the training settings say: by norm (over all parameters, or per group
    with clipgroup) or by value."""
    cn, cv = s.get("clipnorm"), s.get("clipvalue")
    if cn is not None:
        mx, p = cn
        groups = [g["params"] for g in o.param_groups] if s.get("clipgroup") else \
            [[p_ for g in o.param_groups for p_ in g["params"]]]
        for ps in groups:
            torch.nn.utils.clip_grad_norm_([t for t in ps if t.grad is not None], mx, p)
    if cv is not None:
        torch.nn.utils.clip_grad_value_([p for g in o.param_groups for p in g["params"]], cv)


def step_module(mo: Model) -> torch.nn.Module:
    """The module a training step runs: the model's own, or its DDP wrapper under `ddp` (after
    the check that every rank can make the same steps, distributed.py)."""
    return mo.module if mo.dist is None else mo.dist.train_module(mo)


def train_step(mo: Model, xs: list, y, check=None, m=None):
    """One training step (zero grads, forward, loss, backward, clip, step) through a closure on
    module m (default: step_module); returns (output, loss), both detached."""
    m = step_module(mo) if m is None else m
    o = mo.optimizer.opt
    d = mo.dist                             # ddp, localsgd (distributed.py)
    s = mo.train
    clip = s.get("clipnorm") is not None or s.get("clipvalue") is not None
    last: dict = {}

    def closure():
        for g in o.param_groups:
            for p in g["params"]:
                p.grad = None
        out = knn.call(m, xs)
        if check is not None:
            check(out)
        loss = model_loss(mo, out, y)
        loss.backward()
        if clip:
            clip_grads(o, s)
        last["out"], last["loss"] = out, loss
        return loss

    if mo.optimizer.name == "lbfgs":           # as torch's LBFGS: the loss it started from
        loss = o.step(closure)
    else:
        loss = closure()
        o.step()
    if d is not None:
        d.after_step(mo)
    return _detach(last["out"]), loss.detach()


def _detach(out):
    if isinstance(out, torch.Tensor):
        return out.detach()
    if isinstance(out, (list, tuple)):
        return type(out)(_detach(a) for a in out)
    return out


def _epoch(mo: Model, which: str, desc: str, batch_step):
    """The loop of `run` and `testrun` over the model's train/test batches: mode set (and
    restored), targets checked once before the first step, a progress bar, Ctrl-C taken at a batch
    boundary, torch's errors as q errors. batch_step(xs, y, check) -> (output, loss or None) runs
    one batch, calling check(output) after the forward pass; with the `hidden` setting, xs of a
    batch after the first carry the state the one before left."""
    train = which == "train"
    data = mo.train_data if train else mo.test_data
    if data is None:
        raise QError(f"no {'training' if train else 'test'} data defined for model")
    s = mo.train if train else mo.test
    metrics = _Metrics(s["metrics"])
    flags = set_mode(mo.module, train)
    mo.epochs[which] += 1
    n = data_size(data)
    rows = n if mo.dist is None else mo.dist.count(which, n)      # this rank's, under ddp
    bar = progress.bar(nbatches(rows, s["batchsize"], s["droplast"]), desc,
                       epoch=mo.epochs[which])

    def check_once(out):
        nonlocal check
        _check_targets(mo, data.y, out)
        check = _no_check

    check = check_once
    state = None
    try:
        with BatchBoundary() as intr:
            for xs, y in model_batches(mo, which):
                if s.get("hidden") and state is not None:
                    xs = [xs[0]] + state
                out, loss = batch_step(xs, y, check)
                if s.get("hidden"):
                    state = hidden_state(out)
                metrics.add(out, y, loss)
                bar.update(1)
                if intr.hit:
                    raise KeyboardInterrupt
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    finally:
        bar.close()
        restore_flags(flags)
    if mo.dist is not None:
        mo.dist.reduce(metrics, which, n)           # over every rank's rows, under ddp
    return metrics.result(bool(s.get("dictionary")))


def _no_check(out) -> None:
    pass


def run_epoch(mo: Model):
    """One training epoch; returns the train metrics (batch losses stay on the device and are
    read once at the end)."""
    m = step_module(mo)
    return _epoch(mo, "train", "run", lambda xs, y, check: train_step(mo, xs, y, check, m))


def test_epoch(mo: Model):
    """Evaluate the test data in batches (eval mode, no grad); returns the test metrics."""
    m = mo.module
    _loss_on_device(mo)
    names = mo.test["metrics"]
    want_loss = "loss" in names or "batchloss" in names

    @no_grad
    def step(xs, y, check):
        out = knn.call(m, xs)
        check(out)
        return out, model_loss(mo, out, y).detach() if want_loss and y is not None else None

    return _epoch(mo, "test", "testrun", step)


def _epoch_call(ctx, x, who: str, kind: str, epoch):
    a = args_of(x)
    mo = model_of(ctx, a[0] if a else x, who)
    if len(a) == 3:
        set_data(ctx, mo, kind, a[1], a[2], True, who)
    elif len(a) != 1:
        raise QError(f"{who}: expecting model or (model;inputs;targets), given {len(a)} args")
    _loss_on_device(mo)
    with session_rng(ctx):              # shuffles and dropout draw from the session's generator
        return epoch(mo)


def run_fn(ctx, x):
    """run m: train one epoch (run(m;x;y) first defines the data); returns the train metric(s)."""
    return _epoch_call(ctx, x, "run", "train", run_epoch)


def testrun_fn(ctx, x):
    """testrun m: evaluate the test data (eval mode, no grad); returns the test metric(s)."""
    return _epoch_call(ctx, x, "testrun", "test", test_epoch)


def _model_xy(ctx, mo: Model, a: list, who: str):
    """(inputs, targets) of backward/backstep: given, or the current training batch."""
    if len(a) == 3:
        dev = module_device(mo.module)
        x = input_value(ctx, [a[1]], who, dev)
        y = input_value(ctx, [a[2]], who, dev)
        return inputs(x), y
    if len(a) != 1:
        raise QError(f"{who} expecting (model;inputs;targets), but {len(a)} args given")
    d = current_batch(mo)
    if d is None:
        raise QError(f"{who}: no training data defined for model")
    return inputs(d[0]), d[1]


_MODES = {"free": (False, False), "retain": (True, False), "create": (True, True),
          "createfree": (False, True)}


def backward_fn(ctx, x):
    """backward t | backward(t;mode) | backward(t;grad[;mode]): gradients of a tensor;
    backward m | backward(m;x;y): forward, loss and backward on a model (its current batch or
    the data given), returning the loss as a k value."""
    a = args_of(x)
    e = get_handle(ctx, a[0], "tensor", "model", who="backward")
    try:
        if e.cls == "tensor":
            rest = a[1:]
            mode = "free"
            if rest and isinstance(rest[-1], str):
                mode = rest[-1]
                rest = rest[:-1]
                if mode not in _MODES:
                    raise QError(f"unrecognized setting for backprop: {mode}, expecting one "
                                 "of: free,retain,create or createfree")
            if len(rest) > 1:
                raise QError("backward: expecting tensor, optional gradient and mode")
            t = e.obj
            g = None
            if rest:
                from .handles import tensor_arg
                g = tensor_arg(ctx, rest[0], t.device, "backward").to(t.dtype)
                if g.dim() == 0 and t.dim():
                    g = g.expand_as(t)
            retain, create = _MODES[mode]
            t.backward(g, retain_graph=retain, create_graph=create)
            return None
        mo = e.obj
        xs, y = _model_xy(ctx, mo, a, "backward")
        flags = set_mode(mo.module, True)
        try:
            with session_rng(ctx):
                l_ = model_loss(mo, knn.call(mo.module, xs), y)
            l_.backward()
        finally:
            restore_flags(flags)
        return to_k(l_)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None


def backstep_fn(ctx, x):
    """backstep m | backstep(m;x;y): forward, loss, backward, clip (as set) and an optimizer
    step on the model's current batch or the data given; the loss as a k value."""
    a = args_of(x)
    mo = model_of(ctx, a[0] if a else x, "backstep")
    xs, y = _model_xy(ctx, mo, a, "backstep")
    flags = set_mode(mo.module, True)
    try:
        with session_rng(ctx):
            _, loss = train_step(mo, xs, y)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    finally:
        restore_flags(flags)
    return to_k(loss)


define("run", monad=run_fn, ctx=True,
       doc="run m | run(m;x;y)  train the model one epoch (on new data when given); its training "
           "metric(s), by default the mean batch loss")
define("testrun", monad=testrun_fn, ctx=True,
       doc="testrun m | testrun(m;x;y)  evaluate the test data in eval mode without gradients; "
           "its test metric(s)")
define("backward", monad=backward_fn, ctx=True,
       doc="backward t | backward(t;mode) | backward(t;g;mode) | backward m | backward(m;x;y)  "
           "gradients of a tensor (mode `free`retain`create`createfree); or forward, loss and "
           "backward on a model's current batch or given data, returning the loss")
define("backstep", monad=backstep_fn, ctx=True,
       doc="backstep m | backstep(m;x;y)  forward, loss, backward and an optimizer step on the "
           "model's current batch or given data; the loss")
