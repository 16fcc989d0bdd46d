"""Dictionaries and vectors of tensors (ktorch-api.md §4): dict, vector."""
from __future__ import annotations

import numpy as np
import torch

from ..averaging.swa import copy_into_
from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, from_items, syms
from ..values.functions import Definitions
from .convert import kname, to_k, to_tensor
from .calls import check_write, torch_error
from .handles import consume as consume_handles
from .handles import get_handle
from .info import NULL_J
from .interrupts import uninterrupted
from .objects import TensorDict, TensorVector

define = Definitions()


def _items(v) -> list:
    """A q list's items (a simple vector is split along its first dimension)."""
    if isinstance(v, np.ndarray):
        return [v[i] for i in range(len(v))]
    if isinstance(v, list):
        return v
    return [v]


def _key_list(k, who) -> list:
    if isinstance(k, str):
        return [k]
    if isinstance(k, np.ndarray) and k.dtype == object:
        return list(k)
    raise QError(f"{who}: expecting symbol key(s), given {kname(k)}")


def _check_values(ctx, vals, who):
    """Validate values (tensor handles must be live tensors) before anything is consumed."""
    for v in vals:
        if is_handle(v):
            e = ctx.registry.entry(v)
            if e.cls != "tensor":
                raise QError(f"{who}: given {e.cls}, expecting tensor or k array")
            if e.obj is None:
                raise QError(f"{who}: undefined tensor")


def dict_from_k(ctx, keys, values, consume: bool = True) -> TensorDict:
    ks = _key_list(keys, "dict")
    vs = _items(values)
    if len(ks) != len(vs):
        raise QError(f"dict: {len(ks)} key(s) but {len(vs)} value(s)")
    if len(set(ks)) != len(ks):
        raise QError("dict: duplicate key(s)")
    if consume:
        _check_values(ctx, vs, "dict")
        handles = [v for v in vs if is_handle(v)]
        tensors = [ctx.registry.entry(v).obj if is_handle(v) else to_tensor(v) for v in vs]
        consume_handles(ctx, handles)       # only now: a conversion error consumes nothing
    else:
        tensors = [to_tensor(v) for v in vs]
    return TensorDict(zip(ks, tensors))


def dict_set(ctx, d: TensorDict, keys: list, vals: list) -> None:
    """Set entries: plain dicts replace (unless the tensor requires grad); live dicts copy.
    Every value is checked before anything changes; tensor handles are consumed at the end."""
    _check_values(ctx, vals, "dict")
    ts = [ctx.registry.entry(v).obj if is_handle(v) else to_tensor(v) for v in vals]
    copies, copied, replaced = [], [], []
    for k, t in zip(keys, ts):
        cur = d.get(k)
        if d.kind != "plain" and cur is None:
            raise QError(f"dict: unable to add new key `{k} to {d.kind} dictionary")
        if cur is not None and (d.kind != "plain" or cur.requires_grad):
            try:
                ok = tuple(torch.broadcast_shapes(t.shape, cur.shape)) == tuple(cur.shape)
            except RuntimeError:
                ok = False
            if not ok:
                raise QError(f"dict[`{k}] with size of {list(cur.shape)} cannot be updated with "
                             f"new values of size {list(t.shape)}")
            check_write("dict", k, cur, t)
            copies.append(cur)
            copied.append(t)
        else:
            replaced.append((k, t))
    uninterrupted(copy_into_, copies, copied)
    for k, t in replaced:
        d.set(k, t)
    consume_handles(ctx, [v for v in vals if is_handle(v)])


def k_dict(ctx, x):
    reg = ctx.registry
    if x is None or (isinstance(x, list) and not x):
        return reg.new(TensorDict(), "dictionary")
    if isinstance(x, QDict) and not isinstance(x.keys, QTable):
        return reg.new(dict_from_k(ctx, x.keys, x.values), "dictionary")
    if is_handle(x):
        e = get_handle(ctx, x, "dictionary", who="dict")
        return QDict(syms(e.obj.keys()), from_items([to_k(t) for t in e.obj.values()]))
    if isinstance(x, list):
        first = x[0]
        if is_handle(first):
            e = get_handle(ctx, first, "dictionary", who="dict")
            d = e.obj
            if len(x) == 2:
                y = x[1]
                if isinstance(y, QDict) and not isinstance(y.keys, QTable):
                    dict_set(ctx, d, _key_list(y.keys, "dict"), _items(y.values))
                    return None
                if isinstance(y, str):
                    if y not in d:
                        raise QError(f"dict: no tensor for key `{y}")
                    return to_k(d[y])
                ks = _key_list(y, "dict")
                for k in ks:
                    if k not in d:
                        raise QError(f"dict: no tensor for key `{k}")
                return from_items([to_k(d[k]) for k in ks])
            if len(x) == 3:
                k, v = x[1], x[2]
                if isinstance(k, str):
                    dict_set(ctx, d, [k], [v])
                else:
                    ks = _key_list(k, "dict")
                    vs = _items(v)
                    if len(ks) != len(vs):
                        raise QError(f"dict: {len(ks)} key(s) but {len(vs)} value(s)")
                    dict_set(ctx, d, ks, vs)
                return None
            raise QError(f"dict: unexpected number of args, {len(x)}")
        if len(x) == 2:
            return reg.new(dict_from_k(ctx, x[0], x[1]), "dictionary")
    raise QError(f"dict: not implemented for {kname(x)}")


# ---------------------------------------------------------------------------------------------
# vectors

def _index(i, n, who, append=False) -> int | None:
    """A vector position from a long index: as libtorch's vector.at, no wrap-around for negative
    indices. When setting (append), a null or -1 index means a new element at the end (None)."""
    if not isinstance(i, np.integer) or isinstance(i, np.bool_):
        raise QError(f"{who}: expecting long index, given {kname(i)}")
    j = int(i)
    if append and j in (-1, NULL_J):
        return None
    if not 0 <= j < n:
        raise QError(f"{who}: index {'0N' if j == NULL_J else j} invalid for vector of size {n}")
    return j


def k_vector(ctx, x):
    reg = ctx.registry
    if x is None or (isinstance(x, list) and not x):
        return reg.new(TensorVector([]), "vector")
    if is_handle(x):
        e = reg.entry(x)
        if e.cls == "vector":
            return from_items([to_k(t) for t in e.obj.tensors])
        if e.cls == "tensor":                       # vector(t): one-tensor vector
            _check_values(ctx, [x], "vector")
            v = reg.new(TensorVector([e.obj]), "vector")
            consume_handles(ctx, [x])
            return v
        raise QError(f"vector: not implemented for {e.cls}")
    if isinstance(x, list) and is_handle(x[0]) and reg.entry(x[0]).cls == "vector":
        v = reg.entry(x[0]).obj
        n = len(v.tensors)
        if len(x) == 2:
            y = x[1]
            if is_handle(y):
                e = get_handle(ctx, y, "vector", who="vector")
                if e.obj is v:
                    raise QError("vector: unable to append a vector to itself")
                v.tensors.extend(e.obj.tensors)
                consume_handles(ctx, [y])
                return None
            if isinstance(y, np.ndarray):
                return from_items([to_k(v.tensors[_index(i, n, "vector")]) for i in y])
            return to_k(v.tensors[_index(y, n, "vector")])
        if len(x) == 3:
            ii = x[1]
            idx = [_index(i, n, "vector", append=True) for i in ii] \
                if isinstance(ii, np.ndarray) else [_index(ii, n, "vector", append=True)]
            vals = _items(x[2]) if isinstance(ii, np.ndarray) else [x[2]]
            if len(idx) != len(vals):
                raise QError("vector: length mismatch between indices and values")
            _check_values(ctx, vals, "vector")
            ts = [reg.entry(t).obj if is_handle(t) else to_tensor(t) for t in vals]
            copies, copied, replaced = [], [], []
            for j, t in zip(idx, ts):
                if j is None:                      # appended after every replacement is made
                    replaced.append((j, t))
                    continue
                cur = v.tensors[j]
                # a parameter is written in place, as dict does; a computed tensor (a forward
                # output kept in the vector, as a recurrent model's state is) is replaced
                if cur.requires_grad and cur.is_leaf:
                    check_write("vector", f"[{j}]", cur, t)
                    copies.append(cur)
                    copied.append(t)
                else:
                    replaced.append((j, t))
            try:
                uninterrupted(copy_into_, copies, copied)
            except RuntimeError as err:
                raise torch_error(err, "vector") from None
            for j, t in replaced:
                if j is None:
                    v.tensors.append(t)
                else:
                    v.tensors[j] = t
            consume_handles(ctx, [t for t in vals if is_handle(t)])
            return None
        raise QError(f"vector: unexpected number of args, {len(x)}")
    if isinstance(x, (list, np.ndarray)):
        vals = _items(x)
        _check_values(ctx, vals, "vector")
        ts = [reg.entry(v).obj if is_handle(v) else to_tensor(v) for v in vals]
        out = reg.new(TensorVector(ts), "vector")
        consume_handles(ctx, [v for v in vals if is_handle(v)])
        return out
    if isinstance(x, np.generic) and not isinstance(x, (np.str_, np.bytes_)):
        # an atom (not a symbol or char): a vector of one scalar tensor, as ktorch's does
        return reg.new(TensorVector([to_tensor(x)]), "vector")
    raise QError(f"vector: not implemented for {kname(x)}")


define("dict", monad=k_dict, ctx=True,
       doc="dict[] | dict k!v | dict(k;v) | dict d | dict(d;k) | dict(d;k;v)  make a dictionary "
           "of tensors; its values; one or more values; set or add entries")
define("vector", monad=k_vector, ctx=True,
       doc="vector[] | vector(x;y..) | vector v | vector(v;i) | vector(v;i;x)  make a vector of "
           "tensors; its values; one or more values; set entries or append another vector")
