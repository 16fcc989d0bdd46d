"""Tensors (ktorch-api.md §3): tensor options to resize reshape batch restore grad detach."""
from __future__ import annotations

import numpy as np
import torch

from ..averaging.nograd import no_grad
from ..errors import QError
from ..registry import Entry, is_handle
from ..values.types import QDict, QTable, from_items, syms
from ..values.functions import Definitions
from .calls import torch_error
from .convert import (dtype_from_symbol, is_dtype_symbol, k_array, kname, np_to_k,
                      tensor_class_name, to_k, to_tensor)
from .handles import get_handle, object_module
from .models import model_batch, model_restore
from .objects import Model
from .state import default_dtype, generator_for

define = Definitions()

J = np.int64

# ---------------------------------------------------------------------------------------------
# options

_LAYOUTS = {"strided": torch.strided, "sparse": torch.sparse_coo}
_PIN = ("pinned", "unpinned")
_MEMORY = {"contiguous": torch.contiguous_format, "preserve": torch.preserve_format,
           "channel2d": torch.channels_last, "channel3d": torch.channels_last_3d}


class Opts:
    __slots__ = ("device", "dtype", "grad", "layout", "pin", "memory")

    def __init__(self):
        self.device = None
        self.dtype = None
        self.grad = None
        self.layout = None
        self.pin = None
        self.memory = None


def _is_device(s: str) -> bool:
    if s in ("cpu", "cuda", "mps"):
        return True
    if s.startswith("cuda:") and s[5:].isdigit():
        return True
    return False


def parse_opts(x, who: str = "tensor") -> Opts:
    """Option symbols in any order: device, dtype, grad/nograd, layout, pin, memory."""
    o = Opts()
    items = [x] if isinstance(x, str) else list(x)
    for s in items:
        if not isinstance(s, str):
            raise QError(f"{who}: unrecognized option(s), given {kname(s)}")
        if _is_device(s):
            o.device = s
        elif is_dtype_symbol(s):
            o.dtype = dtype_from_symbol(s)
        elif s in ("grad", "nograd"):
            o.grad = s == "grad"
        elif s in _LAYOUTS:
            o.layout = s
        elif s in _PIN:
            o.pin = s == "pinned"
        elif s in _MEMORY:
            o.memory = s
        else:
            raise QError(f"{who}: unrecognized option: `{s}")
    return o


def _is_opts(x) -> bool:
    return isinstance(x, str) or (isinstance(x, np.ndarray) and x.dtype == object)


def _check_device(dev):
    if dev is None:
        return None
    try:
        d = torch.device(dev)
    except (RuntimeError, ValueError) as e:
        raise torch_error(e) from None
    if d.type == "cuda" and not torch.cuda.is_available():
        raise QError("no CUDA device available")
    if d.type == "cuda" and d.index is not None and d.index >= torch.cuda.device_count():
        raise QError(f"CUDA device {d.index} not available, {torch.cuda.device_count()} device(s)")
    return d


def _finish(t: torch.Tensor, o: Opts) -> torch.Tensor:
    if o.layout == "sparse":
        t = t.to_sparse()
    if o.pin and t.device.type == "cpu" and torch.cuda.is_available():
        t = t.pin_memory()
    if o.grad:
        if not (t.is_floating_point() or t.is_complex()):
            raise QError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad_(True)
    return t


def options_dict(t: torch.Tensor | None, ctx=None) -> QDict:
    keys = syms(["device", "dtype", "layout", "gradient", "pin", "memory"])
    if t is None:
        dt = tensor_class_name(default_dtype(ctx)) if ctx is not None else "float"
        return QDict(keys, syms(["cpu", dt, "strided", "nograd", "unpinned", "contiguous"]))
    mem = "contiguous" if t.layout != torch.strided or t.is_contiguous() else "preserve"
    if t.layout == torch.strided and t.dim() == 4 and not t.is_contiguous() and \
            t.is_contiguous(memory_format=torch.channels_last):
        mem = "channel2d"
    pin = "pinned" if t.device.type == "cpu" and t.layout == torch.strided and t.is_pinned() \
        else "unpinned"
    return QDict(keys, syms([str(t.device), tensor_class_name(t.dtype),
                             "strided" if t.layout == torch.strided else "sparse",
                             "grad" if t.requires_grad else "nograd", pin, mem]))


def k_options(ctx, x):
    if x is None or (isinstance(x, list) and not x):
        return options_dict(None, ctx)
    e = get_handle(ctx, x, "tensor", "vector", "dictionary", who="options")
    if e.cls == "tensor":
        return options_dict(e.obj, ctx)
    if e.cls == "vector":
        ds = [options_dict(t) for t in e.obj.tensors]
        return from_items(ds) if ds else QTable(list(options_dict(None, ctx).keys),
                                                [syms([]) for _ in range(6)])
    ds = [options_dict(t) for t in e.obj.values()]
    cols = list(options_dict(None, ctx).keys)
    vals = QTable(cols, [syms([d.values[i] for d in ds]) for i in range(len(cols))])
    return QDict(QTable(["name"], [syms(e.obj.keys())]), vals)


# ---------------------------------------------------------------------------------------------
# creation

_MODES = ("empty", "zeros", "ones", "rand", "randn", "randint", "randperm", "arange", "full",
          "eye", "linspace", "logspace")


def _size(x, who="tensor") -> list:
    if isinstance(x, np.ndarray) and x.dtype.kind in "iu":
        return [int(v) for v in x]
    if isinstance(x, np.integer) and not isinstance(x, np.bool_):
        return [int(x)]
    raise QError(f"{who}: expecting size as long(s), given {kname(x)}")


def _num(x, who):
    if isinstance(x, np.bool_):
        return bool(x)
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.floating):
        return float(x)
    raise QError(f"{who}: expecting numeric scalar, given {kname(x)}")


def _split_tail(ctx, args):
    """Trailing options symbol(s) or an output tensor pointer."""
    opts, out = Opts(), None
    if args and _is_opts(args[-1]):
        opts = parse_opts(args[-1])
        args = args[:-1]
    elif args and is_handle(args[-1]):
        out = get_handle(ctx, args[-1], "tensor", who="tensor")
        args = args[:-1]
    return args, opts, out


def _create(ctx, mode: str, args: list):
    reg = ctx.registry
    args, o, out = _split_tail(ctx, args)
    dev = _check_device(o.device)
    fdt = o.dtype
    kw = {}
    if dev is not None:
        kw["device"] = dev
    try:
        if mode in ("empty", "zeros", "ones", "rand", "randn"):
            if len(args) != 1:
                raise QError(f"tensor: `{mode} expects size, given {len(args)} arg(s)")
            a = args[0]
            random = mode in ("rand", "randn")
            if is_handle(a):
                like = get_handle(ctx, a, "tensor", who="tensor").obj
                fn = getattr(torch, mode + "_like")
                d = dev or like.device
                g = {"generator": generator_for(ctx, d)} if random else {}
                t = fn(like, dtype=fdt or like.dtype, device=d, **g)
            else:
                size = _size(a)
                dt = fdt or (out.obj.dtype if out is not None else default_dtype(ctx))
                if out is not None:
                    kw.setdefault("device", out.obj.device)
                if random:
                    kw["generator"] = generator_for(ctx, kw.get("device"))
                t = getattr(torch, mode)(size, dtype=dt, **kw)
        elif mode == "full":
            if len(args) != 2:
                raise QError("tensor: `full expects size and fill value")
            a, v = args
            val = _num(v, "tensor")
            if is_handle(a):
                like = get_handle(ctx, a, "tensor", who="tensor").obj
                t = torch.full_like(like, val, dtype=fdt or like.dtype, device=dev or like.device)
            else:
                dt = fdt
                if dt is None and isinstance(val, float):
                    dt = default_dtype(ctx)
                if dt is None and out is not None:
                    dt = out.obj.dtype
                t = torch.full(_size(a), val, dtype=dt, **kw)
        elif mode == "randint":
            if len(args) == 2:
                low, high, a = 0, _num(args[0], "tensor"), args[1]
            elif len(args) == 3:
                low, high, a = _num(args[0], "tensor"), _num(args[1], "tensor"), args[2]
            else:
                raise QError("tensor: `randint expects (high;size) or (low;high;size)")
            if is_handle(a):
                like = get_handle(ctx, a, "tensor", who="tensor").obj
                d = dev or like.device
                t = torch.randint_like(like, int(low), int(high), dtype=fdt or like.dtype,
                                       device=d, generator=generator_for(ctx, d))
            else:
                t = torch.randint(int(low), int(high), _size(a), dtype=fdt or torch.int64,
                                  generator=generator_for(ctx, dev), **kw)
        elif mode == "randperm":
            if len(args) != 1:
                raise QError("tensor: `randperm expects n")
            t = torch.randperm(int(_num(args[0], "tensor")), dtype=fdt or torch.int64,
                               generator=generator_for(ctx, dev), **kw)
        elif mode == "arange":
            if not 1 <= len(args) <= 3:
                raise QError("tensor: `arange expects end, (start;end) or (start;end;step)")
            nums = [_num(a, "tensor") for a in args]
            integral = all(isinstance(v, int) and not isinstance(v, bool) for v in nums)
            dt = fdt or (torch.int64 if integral else default_dtype(ctx))
            t = torch.arange(*nums, dtype=dt, **kw)
        elif mode == "eye":
            if len(args) not in (1, 2):
                raise QError("tensor: `eye expects n or (n;m)")
            nums = [int(_num(a, "tensor")) for a in args]
            t = torch.eye(*nums, dtype=fdt or default_dtype(ctx), **kw)
        elif mode in ("linspace", "logspace"):
            if len(args) not in (3, 4) or (mode == "linspace" and len(args) != 3):
                raise QError(f"tensor: `{mode} expects (start;end;steps"
                             + (";base)" if mode == "logspace" else ")"))
            nums = [_num(a, "tensor") for a in args]
            fn = getattr(torch, mode)
            if mode == "logspace" and len(nums) == 4:
                t = fn(nums[0], nums[1], int(nums[2]), base=nums[3],
                       dtype=fdt or default_dtype(ctx), **kw)
            else:
                t = fn(nums[0], nums[1], int(nums[2]), dtype=fdt or default_dtype(ctx), **kw)
        else:
            raise QError(f"tensor: unrecognized creation mode `{mode}")
    except RuntimeError as e:
        raise torch_error(e) from None
    t = _finish(t, o)
    if out is not None:
        return _write_out(out, t)
    return reg.new(t, "tensor")


@no_grad
def _write_out(out: Entry, t: torch.Tensor):
    """Write t into the output tensor handle (resized to t's shape), or define it."""
    cur = out.obj
    if cur is None:
        out.obj = t
        return None
    try:
        if tuple(cur.shape) != tuple(t.shape):
            cur.resize_(t.shape)
        cur.copy_(t)
    except RuntimeError as e:
        raise torch_error(e) from None
    return None


# ---------------------------------------------------------------------------------------------
# retrieve

def _index_arg(i, n, who="tensor"):
    if isinstance(i, np.integer) and not isinstance(i, np.bool_):
        j = int(i)
        if j < -n or j >= n:
            raise QError(f"index {j} is out of bounds for dimension with size {n}")
        return j
    if isinstance(i, np.ndarray) and i.dtype.kind in "iu":
        if len(i) and (i.min() < 0 or i.max() >= n):
            raise QError(f"{who}: index out of range, valid range is 0-{n - 1}")
        return torch.from_numpy(i.astype(np.int64))
    raise QError(f"{who}: expecting long index or indices, given {kname(i)}")


def _retrieve(ctx, x):
    reg = ctx.registry
    e = reg.entry(x[0])
    if e.cls == "tensor":
        t = e.obj
        if t is None:
            raise QError("tensor: undefined tensor")
        if len(x) == 2:
            dim, i = 0, x[1]
        elif len(x) == 3:
            if not isinstance(x[1], np.integer):
                raise QError(f"tensor: expecting long dimension, given {kname(x[1])}")
            dim, i = int(x[1]), x[2]
        else:
            raise QError(f"tensor: unexpected number of args, {len(x)}")
        if t.dim() == 0:
            raise QError("tensor: cannot index a scalar")
        if not -t.dim() <= dim < t.dim():
            raise QError(f"Dimension out of range (expected to be in range of "
                         f"[{-t.dim()}, {t.dim() - 1}], but got {dim})")
        j = _index_arg(i, t.size(dim))
        if isinstance(j, int):
            return to_k(t.select(dim, j))
        return to_k(t.index_select(dim, j.to(t.device)))
    if e.cls == "dictionary":
        if len(x) != 2:
            raise QError(f"tensor: unexpected number of args for dictionary, {len(x)}")
        d = e.obj
        k = x[1]
        if isinstance(k, str):
            if k not in d:
                raise QError(f"tensor: no tensor for key `{k}")
            return reg.new(d[k], "tensor")
        if isinstance(k, np.ndarray) and k.dtype == object:
            for y in k:
                if y not in d:
                    raise QError(f"tensor: no tensor for key `{y}")
            return [reg.new(d[y], "tensor") for y in k]
        raise QError(f"tensor: expecting symbol key(s), given {kname(k)}")
    if e.cls == "vector":
        if len(x) != 2:
            raise QError(f"tensor: unexpected number of args for vector, {len(x)}")
        n = len(e.obj.tensors)
        i = x[1]
        if isinstance(i, np.integer):
            j = int(i) + (n if int(i) < 0 else 0)
            if not 0 <= j < n:
                raise QError(f"tensor: vector index {int(i)} invalid for size {n}")
            return reg.new(e.obj.tensors[j], "tensor")
        raise QError(f"tensor: expecting long index, given {kname(i)}")
    raise QError(f"tensor: not implemented for {e.cls}")


def k_tensor(ctx, x):
    reg = ctx.registry
    if x is None:
        return reg.new(None, "tensor")                      # undefined tensor
    if isinstance(x, list) and not x:
        return reg.new(torch.empty(0, dtype=default_dtype(ctx)), "tensor")
    if is_handle(x):
        e = reg.entry(x)
        if e.cls == "tensor":
            return to_k(e.obj)
        if e.cls == "dictionary":
            d = e.obj
            return QDict(syms(d.keys()), [reg.new(t, "tensor") for t in d.values()])
        if e.cls == "vector":
            return [reg.new(t, "tensor") for t in e.obj.tensors]
        raise QError(f"tensor: not implemented for {e.cls}")
    if isinstance(x, list):
        first = x[0]
        if isinstance(first, str) and first in _MODES and len(x) >= 2:
            return _create(ctx, first, x[1:])
        if is_handle(first):
            return _retrieve(ctx, x)
        if len(x) == 2 and is_handle(x[1]):                 # tensor(v;out)
            out = get_handle(ctx, x[1], "tensor", who="tensor")
            v = x[0]
            t = to_tensor(v, dtype=out.obj.dtype if out.obj is not None else None,
                          device=out.obj.device if out.obj is not None else None)
            return _write_out(out, t)
        if len(x) == 2 and _is_opts(x[1]):                  # tensor(v;opts)
            o = parse_opts(x[1])
            dev = _check_device(o.device)
            t = _data_tensor(x[0])
            if o.dtype is not None or dev is not None:
                t = t.to(device=dev, dtype=o.dtype)
            return reg.new(_finish(t, o), "tensor")
    return reg.new(_data_tensor(x), "tensor")


def _data_tensor(x) -> torch.Tensor:
    if isinstance(x, list) and not x:
        return torch.empty(0)
    return to_tensor(x)


# ---------------------------------------------------------------------------------------------
# to

def _to_tensor_opts(t, dev, dt, grad, copy=False):
    if t is None:
        return None
    n = t.to(device=dev, dtype=dt, copy=copy) if (dev is not None or dt is not None) else t
    if grad is not None and n.requires_grad != grad:
        if grad:
            if not n.is_leaf:
                n = n.detach()
            n.requires_grad_(True)
        else:
            n = n.detach()
    return n


def k_to(ctx, x):
    if not (isinstance(x, list) and len(x) in (2, 3) and is_handle(x[0])):
        raise QError(f"to: expecting (pointer;options), given {kname(x)}")
    e = get_handle(ctx, x[0], who="to")
    y = x[1]
    if is_handle(y):
        ex = get_handle(ctx, y, "tensor", who="to").obj
        dev, dt, grad = ex.device, ex.dtype, None
    elif _is_opts(y):
        o = parse_opts(y, "to")
        dev, dt, grad = _check_device(o.device), o.dtype, o.grad
    else:
        raise QError(f"to: expecting options symbol(s) or example tensor, given {kname(y)}")
    try:
        if e.cls == "tensor":
            e.obj = _to_tensor_opts(e.obj, dev, dt, grad)
            full = e.attrs.get("full")
            if full is not None:
                _batch_clear(e)
        elif e.cls == "vector":
            e.obj.tensors[:] = [_to_tensor_opts(t, dev, dt, grad) for t in e.obj.tensors]
        elif e.cls == "dictionary":
            d = e.obj
            if d.kind == "plain":
                for k, t in list(d.items()):
                    d._d[k] = _to_tensor_opts(t, dev, dt, grad)
            elif d.module is not None:
                d.module.to(device=dev, dtype=dt)
        else:
            m = object_module(e.obj)
            if m is None:
                raise QError(f"to: not implemented for {e.cls}")
            m.to(device=dev, dtype=dt)
            if isinstance(e.obj, Model) and e.obj.loss is not None and e.obj.loss.fn is not None:
                e.obj.loss.fn.to(device=dev, dtype=dt)
    except RuntimeError as err:
        raise torch_error(err) from None
    return None


# ---------------------------------------------------------------------------------------------
# resize / reshape

def _infer(size: list, numel: int) -> list:
    neg = [i for i, s in enumerate(size) if s == -1]
    if len(neg) > 1:
        raise QError("only one dimension can be inferred")
    if neg:
        rest = 1
        for s in size:
            if s != -1:
                rest *= s
        if rest == 0 or numel % rest:
            raise QError(f"shape '{size}' is invalid for input of size {numel}")
        size = list(size)
        size[neg[0]] = numel // rest
    return size


def _back_to_k(a: np.ndarray, like):
    if isinstance(like, np.ndarray) and like.dtype.kind == "S" or a.dtype == np.int8:
        a = a.view("S1")
    return np_to_k(a)


@no_grad
def _resize_(t: torch.Tensor, size: list) -> None:
    try:
        t.resize_(size)
    except RuntimeError as err:
        raise torch_error(err) from None


def _shape_args(ctx, x, who: str):
    """(k value or None, tensor or None, size) of resize/reshape's (tensor or array;size)."""
    if not (isinstance(x, list) and len(x) == 2):
        raise QError(f"{who}: expecting (tensor or array;size), given {kname(x)}")
    a, s = x
    size = _size(s, who)
    if not is_handle(a):
        return a, None, size
    t = get_handle(ctx, a, "tensor", who=who).obj
    if t is None:
        raise QError(f"{who}: undefined tensor")
    return None, t, size


def k_resize(ctx, x):
    a, t, size = _shape_args(ctx, x, "resize")
    if t is not None:
        size = _infer(size, t.numel())
        _resize_(t, size)
        return None
    arr = k_array(a)
    size = _infer(size, arr.size)
    if any(v < 0 for v in size):
        raise QError(f"Trying to create tensor with negative dimension {min(size)}: {size}")
    n = int(np.prod(size)) if size else 1
    flat = arr.reshape(-1)
    if n != flat.size:
        buf = np.zeros(n, dtype=arr.dtype)
        m = min(n, flat.size)
        buf[:m] = flat[:m]
        flat = buf
    return _back_to_k(flat.reshape(size), a)


def k_reshape(ctx, x):
    a, t, size = _shape_args(ctx, x, "reshape")
    if t is not None:
        try:
            r = t.reshape(size)
        except RuntimeError as err:
            raise torch_error(err) from None
        return ctx.registry.new(r, "tensor")
    arr = k_array(a)
    try:
        shp = _infer(size, arr.size)
        if int(np.prod(shp)) != arr.size:
            raise ValueError
    except (QError, ValueError):
        raise QError(f"shape '{list(size)}' is invalid for input of size {arr.size}")
    return _back_to_k(arr.reshape(shp), a)


# ---------------------------------------------------------------------------------------------
# batch / restore on tensors, vectors, dictionaries

def _batch_tensors(e: Entry) -> list:
    if e.cls == "tensor":
        return [("tensor", e.obj)]
    if e.cls == "vector":
        return [(f"vector[{i}]", t) for i, t in enumerate(e.obj.tensors)]
    return [(f"dictionary[{k}]", t) for k, t in e.obj.items()]


def _set_tensors(e: Entry, ts: list) -> None:
    if e.cls == "tensor":
        e.obj = ts[0]
    elif e.cls == "vector":
        e.obj.tensors[:] = ts
    else:
        d = e.obj
        if d.kind != "plain":
            raise QError("batch: not implemented for parameter or buffer dictionary")
        for k, t in zip(list(d.keys()), ts):
            d._d[k] = t


def _batch_clear(e: Entry) -> None:
    e.attrs.pop("full", None)
    e.attrs.pop("batch", None)


def _full(e: Entry, dim: int, who: str):
    """The full-size tensors (saved at the first batch call) and their common size on dim."""
    st = e.attrs.get("full")
    if st is not None and st[0] != dim:
        _restore(e)
        st = None
    if st is None:
        named = _batch_tensors(e)
        if not named:
            raise QError(f"{who}: no tensors to batch")
        n = None
        for name, t in named:
            if t is None:
                raise QError(f"{who}: undefined tensor")
            if not -t.dim() <= dim < t.dim():
                raise QError(f"{who}: dimension {dim} out of range for {t.dim()}-d tensor")
            if n is None:
                n = t.size(dim)
            elif t.size(dim) != n:
                raise QError(f"{name} size={t.size(dim)}, but previous tensor(s) have "
                             f"size={n} for dim {dim}")
        st = (dim, [t for _, t in named], n)
        e.attrs["full"] = st
        e.attrs["batch"] = -1
    return st


def _restore(e: Entry) -> int | None:
    st = e.attrs.get("full")
    if st is None:
        return None
    _set_tensors(e, st[1])
    _batch_clear(e)
    return st[2]


def _select(e: Entry, st, w: int, i: int) -> None:
    dim, full, n = st
    start = i * w
    _set_tensors(e, [t.narrow(dim, start, min(w, n - start)) for t in full])
    e.attrs["batch"] = i


def k_batch(ctx, x):
    who = "batch"
    if is_handle(x) or (isinstance(x, list) and x and is_handle(x[0])):
        h = x if is_handle(x) else x[0]
        e = ctx.registry.entry(h)
        if e.cls == "model":
            return model_batch(ctx, e.obj)
    if not (isinstance(x, list) and len(x) in (2, 3) and is_handle(x[0])):
        raise QError(f"batch: expecting 1st arg of tensor,vector or dictionary, given "
                     f"{kname(x[0] if isinstance(x, list) and x else x)}")
    e = get_handle(ctx, x[0], "tensor", "vector", "dictionary", who=who)
    wd = x[1]
    if isinstance(wd, np.ndarray) and wd.dtype.kind in "iu" and len(wd) == 2:
        w, dim = int(wd[0]), int(wd[1])
    elif isinstance(wd, np.integer) and not isinstance(wd, np.bool_):
        w, dim = int(wd), 0
    else:
        raise QError(f"batch: expecting batch size or (size,dim), given {kname(wd)}")
    st = _full(e, dim, who)
    n = st[2]
    if not 0 < w < n:
        if e.attrs.get("batch", -1) == -1:
            _batch_clear(e)
        raise QError(f"batch: size {w} not in the range 1-{n - 1}")
    nb = -(-n // w)
    if len(x) == 3:
        i = x[2]
        if not isinstance(i, np.integer):
            raise QError(f"batch: expecting long batch index, given {kname(i)}")
        i = int(i)
        if not 0 <= i < nb:
            raise QError(f"batch[{i}] invalid, valid range is from 0-{nb - 1}")
        _select(e, st, w, i)
        return None
    i = e.attrs.get("batch", -1) + 1
    if i < nb:
        _select(e, st, w, i)
        return np.True_
    _restore(e)
    return np.False_


def k_restore(ctx, x):
    h = x if is_handle(x) else (x[0] if isinstance(x, list) and x and is_handle(x[0]) else None)
    if h is None:
        raise QError(f"restore: expecting 1st arg of tensor,vector or dictionary, given {kname(x)}")
    e = ctx.registry.entry(h)
    if e.cls == "model":
        return model_restore(e.obj)
    e = get_handle(ctx, h, "tensor", "vector", "dictionary", who="restore")
    dim = 0
    if not is_handle(x):
        if len(x) != 2 or not isinstance(x[1], np.integer):
            raise QError("restore: expecting (pointer;dim)")
        dim = int(x[1])
    st = e.attrs.get("full")
    if st is not None and st[0] == dim:
        return J(_restore(e))
    if st is not None:
        _restore(e)
    named = _batch_tensors(e)
    if not named:
        return J(0)
    t = named[0][1]
    if t is None:
        raise QError("restore: undefined tensor")
    if not -t.dim() <= dim < t.dim():
        raise QError(f"restore: dimension {dim} out of range for {t.dim()}-d tensor")
    return J(t.size(dim))


# ---------------------------------------------------------------------------------------------
# grad, detach

def k_grad(ctx, x):
    e = get_handle(ctx, x, "tensor", "vector", "dictionary", who="grad")
    if e.cls == "tensor":
        t = e.obj
        return None if t is None or t.grad is None else to_k(t.grad)
    if e.cls == "vector":
        return [None if t.grad is None else to_k(t.grad) for t in e.obj.tensors]
    return QDict(syms(e.obj.keys()), [None if t.grad is None else to_k(t.grad)
                                      for t in e.obj.values()])


def k_detach(ctx, x):
    if is_handle(x):
        t = get_handle(ctx, x, "tensor", who="detach").obj
        return ctx.registry.new(None if t is None else t.detach(), "tensor")
    if isinstance(x, list) and len(x) == 2 and is_handle(x[0]):
        e = get_handle(ctx, x[0], "tensor", who="detach")
        if bool(x[1]) and e.obj is not None:
            e.obj.detach_()
            return None
        return ctx.registry.new(None if e.obj is None else e.obj.detach(), "tensor")
    raise QError(f"detach: expecting tensor, given {kname(x)}")


define("tensor", monad=k_tensor, ctx=True,
       doc="tensor x | tensor(x;opts) | tensor(`mode;size..;opts) | tensor t | tensor(t;i)  a "
           "tensor from k data or a creation mode (zeros randn arange ...); its values; rows")
define("options", monad=k_options, ctx=True,
       doc="options[] | options t  the default tensor options; a tensor's (each tensor's) "
           "device, dtype, layout, gradient, pin and memory")
define("to", monad=k_to, ctx=True,
       doc="to(p;opts) | to(p;t)  move/convert a tensor, vector, dictionary, module or model in "
           "place to a device, dtype or gradient setting (or those of tensor t)")
define("resize", monad=k_resize, ctx=True,
       doc="resize(t;size) | resize(x;size)  resize a tensor in place; k data resized (cut or "
           "padded with zeros)")
define("reshape", monad=k_reshape, ctx=True,
       doc="reshape(t;size) | reshape(x;size)  a new tensor viewing t in another shape; k data "
           "reshaped")
define("batch", monad=k_batch, ctx=True,
       doc="batch(p;size) | batch(p;size;i) | batch m  step a tensor, vector or dictionary "
           "through batches (1b while more); select batch i; a model's next training batch")
define("restore", monad=k_restore, ctx=True,
       doc="restore p | restore(p;dim) | restore m  end batching, back to full size; that size")
define("grad", monad=k_grad, ctx=True,
       doc="grad t  the gradient of a tensor (each tensor of a vector or dictionary), null if "
           "none")
define("detach", monad=k_detach, ctx=True,
       doc="detach t | detach(t;1b)  a new tensor sharing t's data without gradient history; "
           "detach t in place")
