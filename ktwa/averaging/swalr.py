"""SWALR learning-rate schedule (torch.optim.swa_utils.SWALR semantics; imports torch only).

``SwaLR(optimizer, swa_lr, anneal_epochs=10, anneal_strategy="cos")`` anneals each param group's lr from
its value at construction to ``swa_lr`` over ``anneal_epochs`` calls of :meth:`step`, then stays at
``swa_lr``. The arithmetic is torch's, operation for operation, so the lr sequence is bit-identical:

    step s = number of step() calls so far (the constructor performs step 0, which leaves lr
    unchanged unless anneal_epochs == 0, where it jumps straight to swa_lr)
    if anneal_epochs == 0: s = max(1, s)
    prev_alpha = f(clamp((s-1)/max(1,anneal_epochs), 0, 1));  lr0 = (lr - prev_alpha*swa_lr)/(1-prev_alpha)
                                                              (lr0 = swa_lr when prev_alpha == 1)
    alpha = f(clamp(s/max(1,anneal_epochs), 0, 1));  lr = swa_lr*alpha + lr0*(1-alpha)
    f = (1-cos(pi*t))/2 ("cos") or t ("linear")

``optimizer`` is anything with ``param_groups`` (list of dicts holding "lr"); ``group["swa_lr"]`` is
stored in each group as torch does (and re-read each step). ``state_dict()`` uses torch's key names.
"""

from __future__ import annotations

import math

import torch

__all__ = ["SwaLR"]


def _cosine_anneal(t):
    return (1 - math.cos(math.pi * t)) / 2


def _linear_anneal(t):
    return t


def _get_initial_lr(lr, swa_lr, alpha):
    if alpha == 1:
        return swa_lr
    return (lr - alpha * swa_lr) / (1 - alpha)


class SwaLR:
    """SWA learning-rate annealing schedule bound to an optimizer's param groups."""

    def __init__(self, optimizer, swa_lr, anneal_epochs: int = 10, anneal_strategy: str = "cos"):
        groups = optimizer.param_groups
        if isinstance(swa_lr, (list, tuple)):
            if len(swa_lr) != len(groups):
                raise ValueError(f"swa_lr must have the same length as optimizer.param_groups: "
                                 f"swa_lr has {len(swa_lr)}, optimizer.param_groups has {len(groups)}")
            swa_lrs = list(swa_lr)
        else:
            swa_lrs = [swa_lr] * len(groups)
        for v in swa_lrs:
            if not v >= 0:  # also refuses NaN
                raise ValueError(f"swa_lr must be non-negative, got {v}")
        if anneal_strategy not in ("cos", "linear"):
            raise ValueError("anneal_strategy must be one of 'cos' or 'linear', "
                             f"instead got {anneal_strategy}")
        if isinstance(anneal_epochs, bool) or not isinstance(anneal_epochs, int) or anneal_epochs < 0:
            raise ValueError(f"anneal_epochs must be equal or greater than 0, got {anneal_epochs}")
        for v, group in zip(swa_lrs, groups):
            group["swa_lr"] = v
        self.optimizer = optimizer
        self.anneal_epochs = anneal_epochs
        self._set_anneal_func(anneal_strategy)
        for group in groups:
            group.setdefault("initial_lr", self._lr_value(group["lr"]))
        self.base_lrs = [group["initial_lr"] for group in groups]
        self.last_epoch = -1
        self._step_count = 0
        self._last_lr: list = []
        self.step()  # step 0, as torch's LRScheduler._initial_step

    @staticmethod
    def _lr_value(lr):
        return float(lr) if isinstance(lr, torch.Tensor) else lr

    def _set_anneal_func(self, anneal_strategy):
        self._anneal_strategy = anneal_strategy
        self.anneal_func = _cosine_anneal if anneal_strategy == "cos" else _linear_anneal

    @property
    def anneal_strategy(self) -> str:
        return self._anneal_strategy

    def get_lr(self) -> list:
        """Learning rates for the current step (does not modify the optimizer)."""
        step = self._step_count - 1
        if self.anneal_epochs == 0:
            step = max(1, step)
        prev_t = max(0, min(1, (step - 1) / max(1, self.anneal_epochs)))
        prev_alpha = self.anneal_func(prev_t)
        groups = self.optimizer.param_groups
        prev_lrs = [_get_initial_lr(self._lr_value(g["lr"]), g["swa_lr"], prev_alpha) for g in groups]
        t = max(0, min(1, step / max(1, self.anneal_epochs)))
        alpha = self.anneal_func(t)
        return [g["swa_lr"] * alpha + lr * (1 - alpha) for g, lr in zip(groups, prev_lrs)]

    def step(self) -> list:
        """Advance one epoch and write the new lr into every param group. Returns the new lrs."""
        self._step_count += 1
        self.last_epoch += 1
        values = self.get_lr()
        for g, v in zip(self.optimizer.param_groups, values):
            if isinstance(g["lr"], torch.Tensor):
                g["lr"].fill_(v)
            else:
                g["lr"] = v
        self._last_lr = [self._lr_value(g["lr"]) for g in self.optimizer.param_groups]
        return list(self._last_lr)

    def get_last_lr(self) -> list:
        return list(self._last_lr)

    def state_dict(self) -> dict:
        """Scheduler state without the optimizer or the anneal function (torch's key names)."""
        return {"anneal_epochs": self.anneal_epochs, "_anneal_strategy": self._anneal_strategy,
                "base_lrs": list(self.base_lrs), "last_epoch": self.last_epoch,
                "_step_count": self._step_count, "_last_lr": list(self._last_lr)}

    def load_state_dict(self, state_dict: dict) -> None:
        """Restore from :meth:`state_dict` (or a torch SWALR state_dict)."""
        for key in ("anneal_epochs", "base_lrs", "last_epoch", "_step_count", "_last_lr"):
            if key in state_dict:
                setattr(self, key, state_dict[key])
        self._set_anneal_func(state_dict.get("_anneal_strategy", self._anneal_strategy))

    def __repr__(self):
        return (f"SwaLR(anneal_epochs={self.anneal_epochs}, anneal_strategy={self._anneal_strategy!r}, "
                f"step={self._step_count - 1})")
