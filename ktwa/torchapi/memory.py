"""How much torch memory a session's handles hold (`\\w`'s first figure, q's "used")."""
from __future__ import annotations

import torch
from torch import nn

from ..registry import Registry


def tensor_bytes(registry: Registry) -> int:
    """Bytes of the tensors reachable from the registry's handles (parameters, gradients,
    buffers, optimizer state, dictionaries, model data, SWAG/TWA state), each storage once
    however many handles or views share it, on every device."""
    sizes: dict = {}
    seen: set = set()
    for _, e in registry.items():
        for t in _tensors(e.obj, seen, 0):
            st = t.untyped_storage()
            sizes[(t.device, st.data_ptr())] = st.nbytes()
    return sum(sizes.values())


def _tensors(obj, seen: set, depth: int):
    """The tensors an object holds: torch's own containers by their api, ktwa's (TensorDict,
    Model, Swag ... plain Python objects) by their attributes, a few levels deep."""
    if obj is None or depth > 6 or id(obj) in seen:
        return
    if isinstance(obj, torch.Tensor):
        if obj.layout == torch.strided:          # sparse tensors have no single storage
            yield obj
        if obj.is_leaf and obj.grad is not None:     # only leaves (parameters) keep a grad
            yield obj.grad
        return
    seen.add(id(obj))
    if isinstance(obj, nn.Module):
        for t in obj.parameters():
            yield from _tensors(t, seen, depth + 1)
        yield from obj.buffers()
        return
    if isinstance(obj, torch.optim.Optimizer):
        for g in obj.param_groups:
            yield from _tensors(g["params"], seen, depth + 1)
        yield from _tensors(list(obj.state.values()), seen, depth + 1)
        return
    if isinstance(obj, dict):
        items = obj.values()
    elif isinstance(obj, (list, tuple)):
        items = obj
    elif hasattr(obj, "__dict__"):
        items = vars(obj).values()
    else:
        return
    for v in items:
        yield from _tensors(v, seen, depth + 1)
