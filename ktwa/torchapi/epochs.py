"""Epochs (ktorch-api.md §8.3): `run` trains one epoch, `testrun` evaluates the test data, and
`backward` runs forward, loss and backward once; with the metrics they return.

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
from . import progress
from .interrupts import BatchBoundary
from .calls import TORCH_ERRORS, args_of, torch_error
from .convert import to_k
from .forward import restore_flags, set_mode
from .handles import get_handle, module_device, tensor_arg
from .models import (current_batch, data_size, inputs, model_batches, model_of, nbatches,
                     set_data)
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


def _check_targets(mo: Model, y, out) -> None:
    """Class-index targets of ce/nll must lie in [0, classes) (or equal the ignore index); checked
    over the whole target tensor once per data set, before any optimizer step, so a bad label in
    a late batch cannot leave the model half-trained by a failing epoch."""
    if y is None or mo.loss.name not in ("ce", "nll") or y.is_floating_point() \
            or y.dtype == torch.bool or out.dim() < 2:
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
        self.losses, self.preds, self.outs = [], [], []
        self.correct, self.n = None, 0

    def add(self, out, y, loss) -> None:
        names = self.names
        if loss is not None:
            self.losses.append(loss)
        if "accuracy" in names or "predict" in names:
            p = out.argmax(1) if out.dim() > 1 else out
            if "accuracy" in names and y is not None:
                c = (p == y).sum()
                self.correct = c if self.correct is None else self.correct + c
                self.n += int(y.shape[0])
            if "predict" in names:
                self.preds.append(p)
        if "output" in names:
            self.outs.append(out)

    def result(self, as_dictionary: bool):
        vals = []
        losses = self.losses
        for mname in self.names:
            if mname == "loss":
                vals.append(np.float64(float(torch.stack(losses).float().mean())) if losses
                            else np.float64("nan"))
            elif mname == "batchloss":
                vals.append(np.array(torch.stack(losses).double().cpu().tolist() if losses
                                     else [], dtype=np.float64))
            elif mname == "accuracy":
                vals.append(np.float64(100.0 * int(self.correct) / self.n) if self.n
                            else np.float64("nan"))
            elif mname == "predict":
                vals.append(to_k(torch.cat(self.preds)) if self.preds
                            else np.array([], dtype=np.int64))
            elif mname == "output":
                vals.append(to_k(torch.cat(self.outs)) if self.outs else [])
        if as_dictionary:
            return QDict(syms(self.names), from_items(vals))
        return vals[0] if len(vals) == 1 else vals


def _clip(params, s):
    cn, cv = s.get("clipnorm"), s.get("clipvalue")
    if cn is not None:
        torch.nn.utils.clip_grad_norm_(params, cn)
    if cv is not None:
        torch.nn.utils.clip_grad_value_(params, cv)


def _epoch(mo: Model, which: str, desc: str, batch_step):
    """The loop of `run` and `testrun` over the model's train/test batches: mode set (and
    restored), targets checked once before the first step, a progress bar, Ctrl-C taken at a batch
    boundary, torch's errors as q errors. batch_step(xs, y, check) -> (output, loss or None) runs
    one batch, calling check(output) after the forward pass."""
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
        _check_targets(mo, data[1], out)
        check = _no_check

    check = check_once
    try:
        with BatchBoundary() as intr:
            for xs, y in model_batches(mo, which):
                out, loss = batch_step(xs, y, check)
                metrics.add(out, y, loss)
                bar.update(1)
                if intr.hit:
                    raise KeyboardInterrupt
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    finally:
        bar.close()
        restore_flags(flags)
        if train:
            mo.end_batches()
    if mo.dist is not None:
        mo.dist.reduce(metrics, which, n)           # over every rank's rows, under ddp
    return metrics.result(bool(s.get("dictionary")))


def _no_check(out) -> None:
    pass


def run_epoch(mo: Model):
    """One training epoch; returns the train metrics.

    Per batch: zero grads, forward (train mode), loss, backward, optional clip, step. Batch losses
    stay on the device and are read once at the end."""
    m, o = mo.module, mo.optimizer.opt
    d = mo.dist                             # ddp, localsgd (distributed.py)
    if d is not None:
        m = d.train_module(mo)
    lo = _loss_on_device(mo)
    s = mo.train
    clip = s.get("clipnorm") is not None or s.get("clipvalue") is not None
    params = [p for g in o.param_groups for p in g["params"]]

    def step(xs, y, check):
        for p in params:
            p.grad = None
        out = m(*xs)
        check(out)
        loss = lo(out, y)
        loss.backward()
        if clip:
            _clip(params, s)
        o.step()
        if d is not None:
            d.after_step(mo)
        return out.detach(), loss.detach()

    return _epoch(mo, "train", "run", step)


def test_epoch(mo: Model):
    """Evaluate the test data in batches (eval mode, no grad); returns the test metrics."""
    m = mo.module
    lo = _loss_on_device(mo)
    names = mo.test["metrics"]
    want_loss = "loss" in names or "batchloss" in names

    @no_grad
    def step(xs, y, check):
        out = m(*xs)
        check(out)
        return out, lo(out, y) if want_loss and y is not None else None

    return _epoch(mo, "test", "testrun", step)


def _epoch_call(ctx, x, who: str, kind: str, epoch):
    a = args_of(x)
    mo = model_of(ctx, a[0] if a else x, who)
    if len(a) == 3:
        set_data(ctx, mo, kind, a[1], a[2])
    elif len(a) != 1:
        raise QError(f"{who}: expecting model or (model;inputs;targets), given {len(a)} args")
    with session_rng(ctx):              # shuffles and dropout draw from the session's generator
        return epoch(mo)


def run_fn(ctx, x):
    """run m: train one epoch (run(m;x;y) first defines the data); returns the train metric(s)."""
    return _epoch_call(ctx, x, "run", "train", run_epoch)


def testrun_fn(ctx, x):
    """testrun m: evaluate the test data (eval mode, no grad); returns the test metric(s)."""
    return _epoch_call(ctx, x, "testrun", "test", test_epoch)


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
            xs = [tensor_arg(ctx, a[1], dev, "backward")]
            y = tensor_arg(ctx, a[2], dev, "backward")
        else:
            d = current_batch(mo)
            if d is None:
                raise QError("backward: no training data defined for model")
            xs, y = inputs(d[0]), d[1]
        flags = set_mode(m, True)
        try:
            with session_rng(ctx):
                l_ = mo.loss.fn(m(*xs), y)
            l_.backward()
        finally:
            restore_flags(flags)
        return to_k(l_)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None


define("run", monad=run_fn, ctx=True,
       doc="run m | run(m;x;y)  train the model one epoch (on new data when given); its training "
           "metric(s), by default the mean batch loss")
define("testrun", monad=testrun_fn, ctx=True,
       doc="testrun m | testrun(m;x;y)  evaluate the test data in eval mode without gradients; "
           "its test metric(s)")
define("backward", monad=backward_fn, ctx=True,
       doc="backward t | backward m | backward(m;x;y)  gradients of a tensor; or forward, loss "
           "and backward on a model's current batch or given data, returning the loss")
