"""Information about api objects (ktorch-api.md §2, §4.5): class objtype device dtype size
elements bytes tensorcount ref ptr str."""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, chars, from_items, syms
from ..values.functions import Definitions
from .convert import dtype_from_symbol, kname, tensor_class_name
from .handles import get_handle, object_module
from .modules import ktype_of
from .objects import Loss, Model, Optimizer, TensorDict, TensorVector
from .settings import default_device
from .state import default_dtype, state

define = Definitions()

J = np.int64


# ---------------------------------------------------------------------------------------------
# generic views over entry objects

def opt_params(o: Optimizer) -> list:
    return [p for g in o.opt.param_groups for p in g["params"]]


def opt_state_tensors(o: Optimizer) -> list:
    out = []
    for st in o.opt.state.values():
        for v in st.values():
            if isinstance(v, torch.Tensor):
                out.append(v)
    return out


def object_tensors(obj) -> list:
    """Tensors an object holds (for elements/bytes/tensorcount)."""
    if obj is None:
        return []
    if isinstance(obj, torch.Tensor):
        return [obj]
    if isinstance(obj, TensorVector):
        return list(obj.tensors)
    if isinstance(obj, TensorDict):
        return obj.values()
    if isinstance(obj, torch.nn.Module):
        return list(obj.parameters()) + list(obj.buffers())
    if isinstance(obj, Loss):
        return list(obj.fn.parameters()) + list(obj.fn.buffers()) if obj.fn is not None else []
    if isinstance(obj, Optimizer):
        return opt_state_tensors(obj)
    if isinstance(obj, Model):
        return object_tensors(obj.module) + (opt_state_tensors(obj.optimizer)
                                             if obj.optimizer is not None else [])
    held = getattr(obj, "tensors", None)       # averager states (swag, twa) list their own
    return list(held()) if callable(held) else []


def storage_bytes(t: torch.Tensor) -> int:
    """Bytes of the storage behind t (which its views share); a sparse tensor has no one storage
    and counts its dense size."""
    if t.layout != torch.strided:
        return t.numel() * t.element_size()
    return t.untyped_storage().nbytes()


def storage_elements(t: torch.Tensor) -> int:
    return storage_bytes(t) // t.element_size()


def entry_size(e):
    """`size` of an entry: tensor shape; count of tensors; count of parameters; loss 0."""
    o = e.obj
    if e.cls == "tensor":
        return np.array([] if o is None else list(o.shape), dtype=np.int64)
    if e.cls in ("vector", "dictionary"):
        return J(len(object_tensors(o)))
    if e.cls == "module":
        return J(sum(1 for _ in o.parameters()))
    if e.cls == "model":
        return J(sum(1 for _ in o.module.parameters()))
    if e.cls == "optimizer":
        return J(len(opt_params(o)))
    return J(0)


def first_device(obj) -> torch.device:
    if isinstance(obj, torch.Tensor):
        return obj.device
    if isinstance(obj, Optimizer):
        ps = opt_params(obj)
        return ps[0].device if ps else torch.device("cpu")
    ts = object_tensors(obj)
    if isinstance(obj, Model):
        ts = object_tensors(obj.module)
    return ts[0].device if ts else torch.device("cpu")


def device_name(d: torch.device) -> str:
    return str(d)


def dict_result(names, values) -> QDict:
    return QDict(syms(names), from_items(list(values)))


# ---------------------------------------------------------------------------------------------
# ref counting: handles + containers holding the same object

def holders(ctx, obj) -> int:
    n = 0
    is_t = isinstance(obj, torch.Tensor)
    is_m = isinstance(obj, torch.nn.Module)
    for _, e in ctx.registry.items():
        o = e.obj
        if o is obj:
            n += 1
            continue
        if o is None:
            continue
        if is_t:
            if isinstance(o, TensorVector):
                n += any(t is obj for t in o.tensors)
            elif isinstance(o, TensorDict):
                n += any(t is obj for t in o.values())
            elif isinstance(o, torch.nn.Module):
                n += any(t is obj for t in o.parameters()) or any(t is obj for t in o.buffers())
            elif isinstance(o, Model):
                d = o.train_data if isinstance(o.train_data, (tuple, list)) else ()
                n += any(t is obj for t in d)
        elif is_m:
            if isinstance(o, torch.nn.Module):
                n += any(m is obj for m in o.modules())
            elif isinstance(o, Optimizer):
                n += o.module is obj
            elif isinstance(o, Model):
                n += o.module is obj or any(m is obj for m in o.module.modules())
        elif isinstance(obj, (Loss, Optimizer)):
            if isinstance(o, Model):
                n += o.loss is obj or o.optimizer is obj
    return n


# ---------------------------------------------------------------------------------------------
# the api functions

def _entry(ctx, x, who):
    return get_handle(ctx, x, who=who)


def k_class(ctx, x):
    return _entry(ctx, x, "class").cls


def k_objtype(ctx, x):
    """objtype p: what kind of object a handle holds - a module's type (`linear), a
    dictionary's kind (`parameter, `buffer, `dictionary), a loss or optimizer name (`ce,
    `sgd), else its class (`tensor, `vector, `model ...)."""
    e = _entry(ctx, x, "objtype")
    o = e.obj
    if isinstance(o, torch.nn.Module):
        return ktype_of(o)
    if isinstance(o, TensorDict):
        return o.kind if o.kind != "plain" else "dictionary"
    if isinstance(o, (Loss, Optimizer)):
        return o.name
    return e.cls


def k_size(ctx, x):
    if not is_handle(x):
        raise QError(f"size: unrecognized arg(s) - {kname(x)}")
    e = ctx.registry.entry(x)
    o = e.obj
    if e.cls == "dictionary":
        return dict_result(o.keys(), [np.array(list(t.shape), dtype=np.int64) for t in o.values()])
    if e.cls == "vector":
        return [np.array(list(t.shape), dtype=np.int64) for t in o.tensors]
    return entry_size(e)


def _per_tensor(e, fn):
    if e.cls == "dictionary":
        return dict_result(e.obj.keys(), [fn(t) for t in e.obj.values()])
    if e.cls == "vector":
        return from_items([fn(t) for t in e.obj.tensors]) if e.obj.tensors else np.array([], dtype=object)
    return None


def k_device(ctx, x):
    if x is None or (isinstance(x, list) and not x):
        return default_device()
    e = _entry(ctx, x, "device")
    r = _per_tensor(e, lambda t: device_name(t.device))
    if r is not None:
        return r
    return device_name(first_device(e.obj)) if e.obj is not None else "cpu"


def k_dtype(ctx, x):
    if x is None or (isinstance(x, list) and not x):
        return tensor_class_name(default_dtype(ctx))
    if isinstance(x, str):
        d = dtype_from_symbol(x)
        if not d.is_floating_point:
            raise QError(f"dtype: default type must be floating point, given {x}")
        state(ctx).dtype = d
        return None
    e = _entry(ctx, x, "dtype")
    r = _per_tensor(e, lambda t: tensor_class_name(t.dtype))
    if r is not None:
        return r
    if e.cls == "tensor":
        return "" if e.obj is None else tensor_class_name(e.obj.dtype)
    m = object_module(e.obj)
    if e.cls in ("module", "model") and m is not None:
        ps = list(m.named_parameters())
        return dict_result([n for n, _ in ps], [tensor_class_name(p.dtype) for _, p in ps]) \
            if ps else QDict(syms([]), np.array([], dtype=object))
    raise QError(f"dtype: not implemented for {e.cls}")


def _storage(who: str, measure):
    """elements/bytes: measure(t) of each tensor of a vector or dictionary, else the total over
    the tensors an object holds."""
    def f(ctx, x):
        e = _entry(ctx, x, who)
        r = _per_tensor(e, lambda t: J(measure(t)))
        if r is not None:
            return r
        return J(sum(measure(t) for t in object_tensors(e.obj)))
    f.__name__ = f"k_{who}"
    return f


k_elements = _storage("elements", storage_elements)
k_bytes = _storage("bytes", storage_bytes)


def k_tensorcount(ctx, x):
    e = _entry(ctx, x, "tensorcount")
    if e.cls == "tensor":
        return J(0 if e.obj is None else 1)
    return J(len(object_tensors(e.obj)))


def k_ref(ctx, x):
    e = _entry(ctx, x, "ref")
    if e.cls == "dictionary":
        return dict_result(e.obj.keys(), [J(holders(ctx, t)) for t in e.obj.values()])
    if e.cls == "vector":
        return np.array([holders(ctx, t) for t in e.obj.tensors], dtype=np.int64)
    return J(holders(ctx, e.obj))


def obj_ptr(o) -> np.int64:
    return J(id(o))


def k_ptr(ctx, x):
    e = _entry(ctx, x, "ptr")
    if e.cls == "dictionary":
        return dict_result(e.obj.keys(), [obj_ptr(t) for t in e.obj.values()])
    if e.cls == "vector":
        return np.array([id(t) for t in e.obj.tensors], dtype=np.int64)
    return obj_ptr(e.obj)


def k_str(ctx, x):
    e = _entry(ctx, x, "str")
    o = e.obj
    if e.cls == "tensor":
        return chars("[ Tensor (undefined) ]" if o is None else str(o))
    if e.cls == "vector":
        return chars("\n".join(str(t) for t in o.tensors))
    if e.cls == "dictionary":
        return chars("\n".join(f"{k}:\n{t}" for k, t in o.items()))
    if e.cls == "module":
        return chars(repr(o))
    if e.cls == "loss":
        return chars(repr(o.fn))
    if e.cls == "optimizer":
        return chars(repr(o.opt))
    if e.cls == "model":
        return chars(repr(o.module))
    raise QError(f"str: not implemented for {e.cls}")


define("class", monad=k_class, ctx=True,
       doc="class p  the class of the object a handle names: `tensor`vector`dictionary`module`loss"
           "`optimizer`model ...")
define("objtype", monad=k_objtype, ctx=True,
       doc="objtype p  what the object is: a module's type (`linear), a dictionary's kind, a loss "
           "or optimizer name, else its class")
define("size", monad=k_size, ctx=True,
       doc="size p  a tensor's shape; shapes of a vector's or dictionary's tensors; the number of "
           "parameters of a module, model or optimizer")
define("device", monad=k_device, ctx=True,
       doc="device[] | device p  the default device; the device of a tensor, of each tensor, or "
           "of a module's parameters")
define("dtype", monad=k_dtype, ctx=True,
       doc="dtype[] | dtype`double | dtype p  the default floating type; set it; the data type of "
           "a tensor, of each tensor, or of a module's parameters")
define("elements", monad=k_elements, ctx=True,
       doc="elements p  the number of elements in the storage behind a tensor (each tensor, or "
           "all tensors of an object)")
define("bytes", monad=k_bytes, ctx=True,
       doc="bytes p  the bytes of storage behind a tensor (each tensor, or all tensors of an "
           "object)")
define("tensorcount", monad=k_tensorcount, ctx=True,
       doc="tensorcount p  the number of tensors an object holds")
define("ref", monad=k_ref, ctx=True,
       doc="ref p  how many handles and containers hold the object (or each of its tensors)")
define("ptr", monad=k_ptr, ctx=True,
       doc="ptr p  a long that identifies the object (or each of its tensors): equal for shared "
           "objects")
define("str", monad=k_str, ctx=True,
       doc="str p  torch's printed form of the object as a string")
