"""Tensors (ktorch-api.md §3, ktorch's tensors page): `tensor` makes them from k data or a
creation mode (zeros ones empty rand randn randint randperm range arange full eye linspace
logspace complex sparse) and reads them back; `options` `to` `batch` `restore`."""
from __future__ import annotations

import warnings

import numpy as np
import torch

from ..errors import QError
from ..registry import Entry, is_handle
from ..values.types import QDict, QTable, syms
from ..values.functions import Definitions
from .calls import torch_run as _run, TORCH_ERRORS, options_k, torch_error
from .convert import (dtype_from_symbol, is_dtype_symbol, k_dtype_for, kname,
                      tensor_class_name, to_k, to_tensor)
from .handles import get_handle, object_module
from .helptables import kind_options
from .info import memory_format, pinned
from .models import model_batch, model_restore
from .modules import options_dict as module_options
from .objects import Model
from .settings import devices
from .state import default_dtype, generator_for, session_settings
from .tensorops import index_select, is_tensor, k_of, tensor_of

define = Definitions()

J = np.int64

# ---------------------------------------------------------------------------------------------
# options: symbols in any order for device, dtype, gradient, layout, pin and memory

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


def parse_opts(x, who: str = "tensor") -> Opts:
    """Option symbols in any order: device, dtype, grad/nograd, layout, pin, memory."""
    o = Opts()
    items = [x] if isinstance(x, str) else list(x)
    for s in items:
        if not isinstance(s, str):
            raise QError(f"{who}: unrecognized option(s), given {kname(s)}")
        if s in devices():
            o.device = torch.device(s)
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
            raise QError(f"unrecognized tensor option: `{s}")
    return o


def _is_opts(x) -> bool:
    return isinstance(x, str) or (isinstance(x, np.ndarray) and x.dtype == object)


def _finish(t: torch.Tensor, o: Opts) -> torch.Tensor:
    """Layout, pinned memory, memory format and gradient, after the data is made."""
    if o.layout == "sparse" and t.layout != torch.sparse_coo:
        t = t.to_sparse()
    elif o.layout == "strided" and t.layout == torch.sparse_coo:
        t = t.to_dense()
    if o.pin and t.device.type == "cpu" and torch.cuda.is_available():
        t = t.pin_memory()
    if o.memory in ("channel2d", "channel3d") and t.layout == torch.strided:
        t = t.contiguous(memory_format=_MEMORY[o.memory])
    if o.grad:
        if not (t.is_floating_point() or t.is_complex()):
            raise QError("Only Tensors of floating point and complex dtype can require gradients")
        t.requires_grad_(True)
    return t


_OPTION_KEYS = ["device", "dtype", "layout", "gradient", "pin", "memory"]


def options_dict(t: torch.Tensor | None, ctx=None) -> QDict:
    """A tensor's options (an undefined tensor's are null symbols)."""
    keys = syms(_OPTION_KEYS)
    if t is None:
        return QDict(keys, syms([""] * 6))
    return QDict(keys, syms([str(t.device), tensor_class_name(t.dtype),
                             "sparse" if t.layout == torch.sparse_coo else "strided",
                             "grad" if t.requires_grad else "nograd",
                             "pinned" if pinned(t) else "unpinned", memory_format(t)]))


def default_options(ctx) -> QDict:
    return QDict(syms(_OPTION_KEYS), syms(["cpu", tensor_class_name(default_dtype(ctx)),
                                           "strided", "nograd", "unpinned", "contiguous"]))


def k_options(ctx, x):
    if x is None or (isinstance(x, list) and not x) or x == "":
        return default_options(ctx)
    if isinstance(x, str):
        if x in ("tensor", "vector", "dictionary"):
            return default_options(ctx)
        o = kind_options(ctx, x)
        if o is None:
            raise QError(f"options: help topic, `{x}")
        return o
    if not is_handle(x):
        raise QError(f"options: unrecognized arg(s), expecting empty arg, name or object, given "
                     f"{kname(x)}")
    e = ctx.registry.entry(x)
    if e.cls == "tensor":
        return options_dict(e.obj, ctx)
    if e.cls in ("vector", "dictionary"):
        ts = e.obj.tensors if e.cls == "vector" else e.obj.values()
        ds = [options_dict(t) for t in ts]
        table = QTable(list(_OPTION_KEYS), [syms([d.values[i] for d in ds])
                                            for i in range(len(_OPTION_KEYS))])
        if e.cls == "vector":
            return table
        return QDict(QTable(["name"], [syms(e.obj.keys())]), table)
    if e.cls == "module":
        return module_options(e.obj, bool(session_settings(ctx).get("alloptions", True)))
    if e.cls in ("loss", "optimizer"):
        return options_k(e.obj.options)
    raise QError(f"options: not implemented for {e.cls}")


# ---------------------------------------------------------------------------------------------
# creation modes: tensor(`mode;args..;options), tensor(`mode;input tensor;..), or with an output
# tensor last (ktorch's tensoropt, tensorlike and tensorout)

_MODES = ("empty", "zeros", "ones", "rand", "randn", "randint", "randperm", "range", "arange",
          "full", "eye", "linspace", "logspace", "complex", "sparse")
_BY_SIZE = ("empty", "zeros", "ones", "rand", "randn")


def _size(x, who="tensor") -> list | None:
    if isinstance(x, np.ndarray) and x.dtype == np.int64:
        return [int(v) for v in x]
    if isinstance(x, np.int64):
        return [int(x)]
    if isinstance(x, list) and not x:
        return []
    return None


def _long(x) -> bool:
    return isinstance(x, np.int64)


def _number(x) -> bool:
    return isinstance(x, (np.int64, np.float64)) and not isinstance(x, np.bool_)


def _scalar(x) -> bool:
    return isinstance(x, np.generic) and x.dtype.kind in "biuf"


def _value_dtype(x) -> torch.dtype:
    """The dtype ktorch maps a k atom's type to (a fill value's type)."""
    return k_dtype_for(x)


def _nums(args) -> list:
    return [v.item() for v in args]


def _complex_part(ctx, dtype, a=None, b=None) -> torch.dtype:
    """The real dtype of a complex tensor's parts: from a complex dtype option, else from the
    inputs (they must agree), else the default type."""
    fa = a is not None and a.is_floating_point()
    fb = b is not None and b.is_floating_point()
    if fa and fb and a.dtype != b.dtype:
        raise QError(f"complex: real input is {tensor_class_name(a.dtype)}, imaginary input is "
                     f"{tensor_class_name(b.dtype)}")
    if dtype is not None:
        part = {torch.complex32: torch.float16, torch.complex64: torch.float32,
                torch.complex128: torch.float64}.get(dtype)
        if part is None:
            raise QError(f"unable to create complex tensor with given datatype: "
                         f"{tensor_class_name(dtype)}")
        return part
    if fa:
        return a.dtype
    if fb:
        return b.dtype
    d = default_dtype(ctx)
    return d if d.is_floating_point else torch.float32


def _complex_one(ctx, a: torch.Tensor, first: bool | None, dtype) -> torch.Tensor:
    """A complex tensor from one array with real and imaginary parts across its first (or
    last) dimension."""
    c = session_settings(ctx)["complexfirst"] if first is None else first
    d = 0 if c else -1
    if not a.dim():
        raise QError("complex: single input array must have one or more dimensions")
    if a.size(d) != 2:
        raise QError(f"complex: single input array must have a {'first' if c else 'last'} "
                     f"dimension of size 2 (real{';' if c else chr(44) + chr(39)}imaginary), "
                     f"given size of {list(a.shape)}")
    a = a.to(_complex_part(ctx, dtype, a))
    return torch.complex(a.select(d, 0), a.select(d, 1))


def _complex(ctx, args, dtype):
    if len(args) == 1:
        return _complex_one(ctx, to_tensor(args[0]), None, dtype)
    if len(args) == 2:
        if isinstance(args[1], np.bool_):
            return _complex_one(ctx, to_tensor(args[0]), bool(args[1]), dtype)
        a, b = to_tensor(args[0]), to_tensor(args[1])
        part = _complex_part(ctx, dtype, a, b)
        return torch.complex(a.to(part), b.to(part))
    return None


def _sparse(args, o: Opts):
    if len(args) == 1 and _size(args[0]) is not None:
        return torch.sparse_coo_tensor(_size(args[0]), dtype=o.dtype, device=o.device,
                                       check_invariants=True)
    if len(args) in (2, 3):
        i, v = to_tensor(args[0]), to_tensor(args[1])
        size = None
        if len(args) == 3:
            size = _size(args[2])
            if size is None:
                return None
        kw = {"check_invariants": True}        # bad indices are an error, not a crash
        t = torch.sparse_coo_tensor(i, v, size, **kw) if size else \
            torch.sparse_coo_tensor(i, v, **kw)
        return t.to(device=o.device, dtype=o.dtype)
    return None


def _check_modes(mode: str, o: Opts) -> None:
    """ktorch's checksparse and checkint."""
    if o.layout == "sparse" or mode == "sparse":
        if o.layout == "strided":
            raise QError("tensor: sparse mode incompatible with layout set to strided")
        if o.pin:
            raise QError("sparse tensors cannot have pinned memory")
        if o.memory in ("channel2d", "channel3d"):
            raise QError("sparse tensors cannot use memory formats with channels as last "
                         "dimension")
        if mode not in ("complex", "empty", "sparse", "zeros"):
            raise QError(f"{mode}: not implemented for sparse tensors")
    if o.dtype is not None and not (o.dtype.is_floating_point or o.dtype.is_complex) and \
            mode in ("rand", "randn"):
        raise QError(f"{mode}: not implemented for {tensor_class_name(o.dtype)} tensors")


def _make(ctx, mode: str, args: list, o: Opts):
    """A new tensor of a creation mode from its arguments (options apart), None if the
    arguments do not fit the mode."""
    kw = {"device": o.device}
    dt = o.dtype
    n = len(args)
    size = _size(args[0]) if args else None
    if mode in _BY_SIZE:
        if n != 1 or size is None:
            return None
        if mode in ("rand", "randn"):
            kw["generator"] = generator_for(ctx, o.device)
        return getattr(torch, mode)(size, dtype=dt or default_dtype(ctx), **kw)
    if mode == "full":
        if n != 2 or size is None or not _scalar(args[1]):
            return None
        return torch.full(size, args[1].item(), dtype=dt or _value_dtype(args[1]), **kw)
    if mode == "randperm":
        if n != 1 or not _long(args[0]):
            return None
        return torch.randperm(int(args[0]), dtype=dt or torch.int64,
                              generator=generator_for(ctx, o.device), **kw)
    if mode == "randint":
        size = _size(args[-1]) if args else None
        if size is None or n not in (2, 3) or not all(_long(a) for a in args[:-1]):
            return None
        lh = [int(a) for a in args[:-1]]
        return torch.randint(*([0] if n == 2 else []), *lh, size, dtype=dt or torch.int64,
                             generator=generator_for(ctx, o.device), **kw)
    if mode == "eye":
        if n not in (1, 2) or not all(_long(a) for a in args):
            return None
        return torch.eye(*[int(a) for a in args], dtype=dt or default_dtype(ctx), **kw)
    if mode == "range":
        if n not in (2, 3) or not all(_number(a) for a in args):
            return None
        with warnings.catch_warnings():          # deprecated in torch, still ktorch's mode
            warnings.simplefilter("ignore")
            return torch.range(*_nums(args), dtype=dt or default_dtype(ctx), **kw)
    if mode == "arange":
        if not 1 <= n <= 3 or not all(_number(a) for a in args):
            return None
        integral = all(_long(a) for a in args)
        return torch.arange(*_nums(args), dtype=dt or (torch.int64 if integral
                                                       else default_dtype(ctx)), **kw)
    if mode in ("linspace", "logspace"):
        if n < 2 or not (_number(args[0]) and _number(args[1])):
            return None
        steps, base = 100, 10.0
        if n >= 3:
            if not _long(args[2]):
                return None
            steps = int(args[2])
        if n == 4 and mode == "logspace" and _number(args[3]):
            base = float(args[3])
        elif n > 3:
            return None
        a, z = args[0].item(), args[1].item()
        if mode == "linspace":
            return torch.linspace(a, z, steps, dtype=dt or default_dtype(ctx), **kw)
        return torch.logspace(a, z, steps, base, dtype=dt or default_dtype(ctx), **kw)
    if mode == "complex":
        t = _complex(ctx, args, dt)
        return None if t is None else t.to(**kw)
    if mode == "sparse":
        return _sparse(args, o)
    return None


_LIKE = {"empty": torch.empty_like, "zeros": torch.zeros_like, "ones": torch.ones_like,
         "rand": torch.rand_like, "randn": torch.randn_like}


def _like(ctx, mode: str, like: torch.Tensor, args: list, o: Opts):
    """tensor(`mode;t;..): a new tensor the size of t (its dtype and device unless given)."""
    dev = o.device or like.device
    kw = {"device": dev}
    if mode in _LIKE:
        if args:
            return None
        if mode in ("rand", "randn"):            # the *_like forms take no generator
            fn = torch.rand if mode == "rand" else torch.randn
            return fn(like.shape, dtype=o.dtype or like.dtype, generator=generator_for(ctx, dev),
                      **kw)
        return _LIKE[mode](like, dtype=o.dtype or like.dtype, **kw)
    if mode == "full":
        if len(args) != 1 or not _scalar(args[0]):
            return None
        return torch.full_like(like, args[0].item(), dtype=o.dtype or _value_dtype(args[0]),
                               **kw)
    if mode == "randint":
        if len(args) not in (1, 2) or not all(_long(a) for a in args):
            return None
        lh = ([0] if len(args) == 1 else []) + [int(a) for a in args]
        return torch.randint(*lh, like.shape, dtype=o.dtype or like.dtype,
                             generator=generator_for(ctx, dev), **kw)
    raise QError(f"tensor: mode `{mode} not implemented with input tensors")


def _into(ctx, mode: str, args: list, out: torch.Tensor):
    """tensor(`mode;args..;out): the mode's values written into an existing tensor, which keeps
    its dtype and device and takes the new size (ktorch's *_out forms)."""
    if mode == "sparse":
        raise QError("tensor: sparse not implemented with output tensors")
    if mode not in _MODES:
        raise QError(f"tensor: unexpected tensor mode `{mode} supplied with output tensor")
    o = Opts()
    o.device, o.dtype = out.device, out.dtype
    if mode == "complex":
        if not out.is_complex():
            raise QError(f"unable to create complex tensor with given datatype: "
                         f"{tensor_class_name(out.dtype)}")
    r = _make(ctx, mode, args, o)
    if r is not None:
        with torch.no_grad():
            out.resize_(r.shape).copy_(r)
    return r


def _create(ctx, mode: str, x: list):
    """tensor(`mode;..): x is the whole argument list, the mode first."""
    reg = ctx.registry
    args = list(x[1:])
    try:
        if args and is_tensor(ctx, args[0]):
            o = parse_opts(args[-1]) if len(args) > 1 and _is_opts(args[-1]) else Opts()
            rest = args[1:-1] if len(args) > 1 and _is_opts(args[-1]) else args[1:]
            r = _like(ctx, mode, tensor_of(ctx, args[0], "tensor"), rest, o)
            if r is not None:
                return reg.new(_finish(r, o), "tensor")
        elif args and is_tensor(ctx, args[-1]):
            if _into(ctx, mode, args[:-1], tensor_of(ctx, args[-1], "tensor")) is not None:
                return None
        else:
            o = Opts()
            if args and _is_opts(args[-1]):
                o, args = parse_opts(args[-1]), args[:-1]
            _check_modes(mode, o)
            r = _make(ctx, mode, args, o)
            if r is not None:
                return reg.new(_finish(r, o), "tensor")
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    raise QError(f"unrecognized argument(s) for tensor creation mode: {mode}")


def _write_into(out: Entry, t: torch.Tensor):
    """tensor(x;out): k data written into an existing tensor, which keeps its dtype and device
    and takes x's size (an undefined tensor becomes x's tensor)."""
    cur = out.obj
    if cur is None:
        out.obj = t
        return None
    try:
        with torch.no_grad():
            cur.resize_(t.shape).copy_(t)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    return None


def k_amend(ctx, x):
    """amend(t;values) | amend(v;i;values) | amend(d;key;values), each with an optional async
    flag last: the values copied into the tensor (a vector's i-th, a dictionary's key) in
    place, keeping its size, dtype and device (values broadcast to its size), as ktorch's
    amend; null result."""
    a = x if isinstance(x, list) and not is_handle(x) else [x]
    e = ctx.registry.entry(a[0]) if a and is_handle(a[0]) and ctx.registry.has(a[0]) else None
    if e is None or e.cls not in ("tensor", "vector", "dictionary"):
        raise QError("amend: expecting 1st arg of tensor,vector or dictionary")
    n = len(a)
    if e.cls == "tensor":
        if not (n == 2 or (n == 3 and isinstance(a[2], np.bool_))):
            raise QError(f"amend: 2-3 arguments expected, e.g. (tensor;values) or (tensor;values;"
                         f"asyncflag), but {n} args given")
        t, v = e.obj, a[1]
    else:
        what, key = ("vector", "index") if e.cls == "vector" else ("dictionary", "key")
        if not (n == 3 or (n == 4 and isinstance(a[3], np.bool_))):
            raise QError(f"amend: 3-4 arguments expected, e.g. ({what};{key};values) or ({what};"
                         f"{key};values;asyncflag), but {n} given")
        if e.cls == "vector":
            if not isinstance(a[1], np.int64):
                raise QError(f"amend: given vector, 2nd argument is an index(long), given "
                             f"{kname(a[1])}")
            ts = e.obj.tensors
            if not -1 < int(a[1]) < len(ts):
                raise QError(f"amend: vector[{int(a[1])}] is invalid given a {len(ts)}-element "
                             "vector")
            t = ts[int(a[1])]
        else:
            if not isinstance(a[1], str):
                raise QError(f"amend: given dictionary, 2nd argument is a key(symbol), given "
                             f"{kname(a[1])}")
            t = e.obj.get(a[1])
            if t is None:
                raise QError(f"amend: dictionary has no key `{a[1]}")
        v = a[2]
    src = tensor_of(ctx, v, "amend") if is_tensor(ctx, v) else to_tensor(v)
    with torch.no_grad():
        _run(t.copy_, src)
    return None


# ---------------------------------------------------------------------------------------------
# retrieve: tensor t | tensor(t;[flag;][dim;]index)

def _get(ctx, t: torch.Tensor, x: list):
    """ktorch's tensorget: a tensor's values, optionally indexed (and a complex tensor's parts
    arranged by the flag)."""
    args = list(x[1:])
    flag = None
    if args and isinstance(args[0], np.bool_):
        if not t.is_complex():
            raise QError("tensor: optional flag is only for complex tensors")
        flag, args = bool(args[0]), args[1:]
    c = 1 if flag is not None else 0
    if len(args) > 2:
        raise QError(f"tensor: up to {3 + c} args expected, (tensor;{'flag;' if c else ''}"
                     f"dim;ind), but {len(x)} args given")
    r = t
    if args:
        d = 0
        if len(args) == 2:
            if not _long(args[0]):
                raise QError(f"tensor: {'2nd' if c else '3rd'} arg of dimension expected as a "
                             f"long scalar, given {kname(args[0])}")
            d = int(args[0])
        i = args[-1]
        if _long(i):
            r = _run(torch.select, t, d, int(i))
        elif isinstance(i, np.ndarray) and i.dtype == np.int64:
            r = index_select(t, d, to_tensor(i))
        else:
            raise QError(f"tensor: last arg expected to be long(s) for indexing, given "
                         f"{kname(i)}")
    first = session_settings(ctx)["complexfirst"] if flag is None else flag
    return to_k(r, first)



def _retrieve(ctx, x):
    reg = ctx.registry
    e = reg.entry(x[0])
    if e.cls == "tensor":
        if e.obj is None:
            raise QError("tensor: undefined tensor")
        return _get(ctx, e.obj, x)
    if e.cls == "dictionary":
        if len(x) != 2:
            raise QError(f"tensor: given dictionary, expecting no more than one additional "
                         f"indexing argument but given {len(x) - 1} additional args")
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
        raise QError(f"tensor: given dictionary, 2nd arg expected to be symbols(s) for indexing, "
                     f"not {kname(k)}")
    if e.cls == "vector":
        if len(x) != 2:
            raise QError(f"tensor: given vector, expecting no more than one additional indexing "
                         f"argument but given {len(x) - 1} additional args")
        v = e.obj.tensors
        n = len(v)

        def at(i):
            j = int(i) + (n if int(i) < 0 else 0)
            if not 0 <= j < n:
                raise QError(f"tensor: vector index {int(i)} invalid for size {n}")
            return v[j]
        i = x[1]
        if _long(i):
            return reg.new(at(i), "tensor")
        if isinstance(i, np.ndarray) and i.dtype == np.int64:
            return [reg.new(at(j), "tensor") for j in i]
        raise QError(f"tensor: given vector, 2nd arg expected to be long(s) for indexing, not "
                     f"{kname(i)}")
    raise QError(f"tensor not implemented for {e.cls}")


def k_tensor(ctx, x):
    reg = ctx.registry
    if x is None:
        return reg.new(None, "tensor")                      # undefined tensor
    if isinstance(x, list) and not x:
        return reg.new(torch.empty(0, dtype=default_dtype(ctx)), "tensor")
    if is_handle(x):
        e = reg.entry(x)
        if e.cls == "tensor":
            return k_of(ctx, e.obj)
        if e.cls == "dictionary":
            d = e.obj
            return QDict(syms(d.keys()), [reg.new(t, "tensor") for t in d.values()])
        if e.cls == "vector":
            return [reg.new(t, "tensor") for t in e.obj.tensors]
        raise QError(f"tensor not implemented for {e.cls}")
    if isinstance(x, list):
        first = x[0]
        if isinstance(first, str) and len(x) >= 2:
            if first not in _MODES:
                raise QError(f"unrecognized tensor creation mode: {first}")
            return _create(ctx, first, x)
        if is_handle(first):
            return _retrieve(ctx, x)
        if len(x) == 2 and is_handle(x[1]):                 # tensor(v;out)
            out = get_handle(ctx, x[1], "tensor", who="tensor")
            return _write_into(out, _data_tensor(ctx, x[0]))
        if len(x) == 2 and _is_opts(x[1]):                  # tensor(v;opts)
            o = parse_opts(x[1])
            t = _data_tensor(ctx, x[0])
            try:
                if o.dtype is not None or o.device is not None:
                    t = t.to(device=o.device, dtype=o.dtype)
            except TORCH_ERRORS as err:
                raise torch_error(err) from None
            return reg.new(_finish(t, o), "tensor")
    return reg.new(_data_tensor(ctx, x), "tensor")


def _data_tensor(ctx, x) -> torch.Tensor:
    if isinstance(x, list) and not x:
        return torch.empty(0, dtype=default_dtype(ctx))
    return to_tensor(x)


# ---------------------------------------------------------------------------------------------
# to

def _to_tensor_opts(t, dev, dt, grad, copy=False, memory=None):
    if t is None:
        return None
    n = t.to(device=dev, dtype=dt, copy=copy) if (dev is not None or dt is not None) else t
    if memory is not None and n.layout == torch.strided:
        c = n.contiguous(memory_format=_MEMORY[memory])
        n = c.clone() if copy and c is t else c
    elif copy and n is t:
        n = t.clone()
    if grad is not None and n.requires_grad != grad:
        if grad:
            if not n.is_leaf:
                n = n.detach()
            n.requires_grad_(True)
        else:
            n = n.detach()
    return n


def _to_args(ctx, x, who):
    """(entry, device, dtype, gradient, memory format) of (pointer;options) or (pointer;tensor),
    with an optional async flag after them (ignored: copies here are synchronous)."""
    if not (isinstance(x, list) and len(x) in (2, 3) and is_handle(x[0])):
        raise QError(f"{who}: expecting (pointer;options), given {kname(x)}")
    e = get_handle(ctx, x[0], who=who)
    y = x[1]
    if is_handle(y):
        ex = get_handle(ctx, y, "tensor", who=who).obj
        return e, ex.device, ex.dtype, None, None
    if _is_opts(y):
        o = parse_opts(y, who)
        return e, o.device, o.dtype, o.grad, o.memory
    raise QError(f"{who}: expecting options symbol(s) or example tensor, given {kname(y)}")


def k_copyto(ctx, x):
    """copyto(t;options): a new tensor, t copied to the device, dtype, gradient and memory
    format given (or an example tensor's device and dtype); t is unchanged."""
    e, dev, dt, grad, memory = _to_args(ctx, x, "copyto")
    if e.cls != "tensor":
        raise QError(f"copyto: expects tensor as first arg, given {e.cls}")
    if e.obj is None:
        raise QError("to: cannot change attribute(s) of an undefined tensor")
    try:
        t = _to_tensor_opts(e.obj, dev, dt, grad, copy=True, memory=memory)
    except RuntimeError as err:
        raise torch_error(err) from None
    return ctx.registry.new(t, "tensor")


def k_to(ctx, x):
    e, dev, dt, grad, memory = _to_args(ctx, x, "to")
    try:
        if e.cls == "tensor":
            e.obj = _to_tensor_opts(e.obj, dev, dt, grad, memory=memory)
            full = e.attrs.get("full")
            if full is not None:
                _batch_clear(e)
        elif e.cls == "vector":
            e.obj.tensors[:] = [_to_tensor_opts(t, dev, dt, grad, memory=memory)
                                for t in e.obj.tensors]
        elif e.cls == "dictionary":
            d = e.obj
            if d.kind == "plain":
                for k, t in list(d.items()):
                    d._d[k] = _to_tensor_opts(t, dev, dt, grad, memory=memory)
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
            # ktorch's text counts only full batches (its batches(w,n,true)), as shown here
            raise QError(f"batch[{i}] invalid, valid range is from 0-{n // w - 1}")
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


define("tensor", monad=k_tensor, ctx=True,
       doc="tensor x | tensor(x;opts) | tensor(`mode;size..;opts) | tensor t | tensor(t;i)  a "
           "tensor from k data or a creation mode (zeros randn arange ...); its values; rows")
define("options", monad=k_options, ctx=True,
       doc="options[] | options t | options`ce | options`module  the default tensor options; a "
           "tensor's (each tensor's) device, dtype, layout, gradient, pin and memory; a kind's "
           "example options or an optimizer's defaults; the table of kinds")
define("amend", monad=k_amend, ctx=True,
       doc="amend(t;x) | amend(v;i;x) | amend(d;k;x)  copy x into a tensor (a vector's i-th, a "
           "dictionary's k) in place, keeping its size, type and device")
define("to", monad=k_to, ctx=True,
       doc="to(p;opts) | to(p;t)  move/convert a tensor, vector, dictionary, module or model in "
           "place to a device, dtype or gradient setting (or those of tensor t)")
define("copyto", monad=k_copyto, ctx=True,
       doc="copyto(t;opts) | copyto(t;e)  a new tensor: t copied to a device, dtype, gradient "
           "setting or memory format (or to example tensor e's device and dtype)")
define("batch", monad=k_batch, ctx=True,
       doc="batch(p;size) | batch(p;size;i) | batch m  step a tensor, vector or dictionary "
           "through batches (1b while more); select batch i; a model's next training batch")
define("restore", monad=k_restore, ctx=True,
       doc="restore p | restore(p;dim) | restore m  end batching, back to full size; that size")
