"""The torch-side containers that handles name (besides tensors and torch.nn modules).

ktorch's dictionary is an ordered map name -> tensor. Two kinds matter for updates
(ktorch-api.md §4.3): a plain dictionary (made by `dict`, `copyparms`, `dict()`) replaces an
entry on update; a parameter/buffer dictionary (from `parms`/`buffers`) is LIVE: it reads the
module's tensors and updates copy in place (no grad) after a broadcast check.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import torch

from ..averaging.swa import copy_into_


class TensorDict:
    """Ordered name -> tensor. kind: 'plain' | 'parameter' | 'buffer'."""

    def __init__(self, items=None, kind: str = "plain", module: torch.nn.Module | None = None,
                 prefix: str = ""):
        self.kind = kind
        self.module = module        # for live dicts: the module (child) whose tensors are shown
        self.prefix = prefix
        self._d: OrderedDict[str, torch.Tensor] = OrderedDict(items or ())
        self.pair_cache = None      # averages.PairCache of the last avgparms/emaparms into it

    # live dicts re-read the module each time so they never go stale
    def _live(self) -> OrderedDict:
        if self.kind == "parameter":
            return OrderedDict(self.module.named_parameters())
        if self.kind == "buffer":
            return OrderedDict(self.module.named_buffers())
        return self._d

    def keys(self):
        return list(self._live().keys())

    def items(self):
        return list(self._live().items())

    def values(self):
        return list(self._live().values())

    def __getitem__(self, k):
        return self._live()[k]

    def get(self, k, default=None):
        return self._live().get(k, default)

    def __contains__(self, k):
        return k in self._live()

    def __len__(self):
        return len(self._live())

    def set(self, k: str, t: torch.Tensor) -> None:
        """Plain dict: replace (or append) the entry. Live dicts: copy in place (see api)."""
        if self.kind == "plain":
            self._d[k] = t
        else:
            cur = self._live().get(k)
            if cur is None:
                raise KeyError(k)
            copy_into_([cur], [t])

    def pop(self, k):
        return self._d.pop(k)


@dataclass(eq=False)
class TensorVector:
    """ktorch's vector: an ordered list of tensors."""

    tensors: list = field(default_factory=list)


@dataclass(eq=False)
class Loss:
    """A loss function: ktorch name (`ce`, `mse`...), its options dict, and the torch module."""

    name: str
    options: dict
    fn: torch.nn.Module


@dataclass(eq=False)
class Optimizer:
    """An optimizer with the ktorch name and options, and the module(s) it was built over."""

    name: str
    options: dict
    opt: torch.optim.Optimizer
    module: Any = None


@dataclass(eq=False)
class Data:
    """A model's training or test data: inputs x and targets y, each a tensor, a list of
    tensors (several inputs) or an ordered name -> tensor dictionary (y may be None); every
    tensor has the same rows (dim 0).

    ``batch`` is the index of the current batch while `batch m` (or `testbatch m`) steps
    through the rows, None otherwise. ``perm`` is the row order that shuffling has given the
    data (the tensors themselves are reordered, as ktorch does), for `unshuffle`."""

    x: Any
    y: Any = None
    batch: int | None = None
    perm: Any = None

    def tensors(self) -> list:
        """Every tensor of the inputs and targets."""
        out = []
        for v in (self.x, self.y):
            if isinstance(v, torch.Tensor):
                out.append(v)
            elif v is not None:
                out.extend(v.values() if isinstance(v, dict) else v)
        return out


@dataclass(eq=False)
class Model:
    """ktorch's model: module + loss + optimizer, train/test settings and data (Data or None).

    ``checked_targets`` remembers the target tensor last checked to hold valid class indices,
    so an epoch checks its targets once, not once per epoch. ``epochs`` counts the passes `run`
    and `testrun` have made, which their progress bars show. ``hidden`` is the recurrent state
    the last training batch left (with the `hidden` setting, the next batch starts from it).
    ``dist`` holds what `ddp` and `localsgd` set (distributed.Parallel), None for a model that
    trains on its own."""

    module: torch.nn.Module
    loss: Loss
    optimizer: Optimizer
    train: dict = field(default_factory=dict)
    test: dict = field(default_factory=dict)
    train_data: Data | None = None
    test_data: Data | None = None
    checked_targets: tuple | None = None
    epochs: dict = field(default_factory=lambda: {"train": 0, "test": 0})
    dist: Any = None
