"""Information about api objects (ktorch-api.md §2, §4.5, §10).

class device dtype size elements bytes tensorcount ref ptr str, and the session-level
functions seed setting cudadevices cudadevice sync.
"""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, chars, from_items, syms
from ..values.functions import Definitions
from .convert import (HOOKS, default_dtype, dtype_from_symbol, get_handle, kname, session_settings,
                      state, tensor_class_name)
from .objects import Loss, Model, Optimizer, TensorDict, TensorVector

define = Definitions()

J = np.int64


# ---------------------------------------------------------------------------------------------
# generic views over entry objects

def module_of(obj):
    """The torch module behind a module/model/optimizer/loss object (or None)."""
    if isinstance(obj, torch.nn.Module):
        return obj
    if isinstance(obj, Model):
        return obj.module
    if isinstance(obj, Optimizer):
        return obj.module if isinstance(obj.module, torch.nn.Module) else None
    if isinstance(obj, Loss):
        return obj.fn
    return None


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


def storage_elements(t: torch.Tensor) -> int:
    try:
        return t.untyped_storage().nbytes() // t.element_size()
    except Exception:
        return t.numel()


def storage_bytes(t: torch.Tensor) -> int:
    try:
        return t.untyped_storage().nbytes()
    except Exception:
        return t.numel() * t.element_size()


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


def k_size(ctx, x):
    if not is_handle(x):
        raise QError(f"size: unrecognized arg(s) - {kname(x)}")
    e = ctx.registry.entry(x)
    h = HOOKS.get(("size", e.cls))
    if h is not None:
        return h(ctx, e, x)
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


def default_device() -> str:
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


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
    m = module_of(e.obj)
    if e.cls in ("module", "model") and m is not None:
        ps = list(m.named_parameters())
        return dict_result([n for n, _ in ps], [tensor_class_name(p.dtype) for _, p in ps]) \
            if ps else QDict(syms([]), np.array([], dtype=object))
    raise QError(f"dtype: not implemented for {e.cls}")


def k_elements(ctx, x):
    e = _entry(ctx, x, "elements")
    r = _per_tensor(e, lambda t: J(storage_elements(t)))
    if r is not None:
        return r
    return J(sum(storage_elements(t) for t in object_tensors(e.obj)))


def k_bytes(ctx, x):
    e = _entry(ctx, x, "bytes")
    r = _per_tensor(e, lambda t: J(storage_bytes(t)))
    if r is not None:
        return r
    return J(sum(storage_bytes(t) for t in object_tensors(e.obj)))


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


# ---------------------------------------------------------------------------------------------
# seed, settings, cuda

def k_seed(ctx, x):
    if x is None or (isinstance(x, list) and not x):
        return J(torch.initial_seed())
    if not isinstance(x, (np.integer,)) or isinstance(x, np.bool_):
        raise QError(f"seed: expecting long seed, given {kname(x)}")
    torch.manual_seed(int(x))          # seeds CPU and all CUDA generators
    return None


_READONLY = ("mkl", "openmp", "mps", "cuda", "magma", "cudnn", "cudnnversion", "cudadevices")
_SETTING_KEYS = ("mkl", "openmp", "threads", "interopthreads", "mps", "cuda", "magma", "cudnn",
                 "cudnnversion", "cudadevices", "benchmark", "deterministic", "cudnndeterministic",
                 "stackframe", "alloptions", "complexfirst")


def _setting_value(ctx, k):
    b = np.bool_
    s = session_settings(ctx)
    if k == "mkl":
        return b(torch.backends.mkl.is_available())
    if k == "openmp":
        return b(torch.backends.openmp.is_available())
    if k == "threads":
        return J(torch.get_num_threads())
    if k == "interopthreads":
        return J(torch.get_num_interop_threads())
    if k == "mps":
        mps = getattr(torch.backends, "mps", None)
        return b(mps is not None and mps.is_available())
    if k == "cuda":
        return b(torch.cuda.is_available())
    if k == "magma":
        return b(bool(getattr(torch.cuda, "has_magma", False)) and torch.cuda.is_available())
    if k == "cudnn":
        return b(torch.backends.cudnn.is_available())
    if k == "cudnnversion":
        v = torch.backends.cudnn.version() if torch.backends.cudnn.is_available() else None
        return J(v or 0)
    if k == "cudadevices":
        return J(torch.cuda.device_count() if torch.cuda.is_available() else 0)
    if k == "benchmark":
        return b(torch.backends.cudnn.benchmark)
    if k == "deterministic":
        if not torch.are_deterministic_algorithms_enabled():
            return J(0)
        return J(1 if torch.is_deterministic_algorithms_warn_only_enabled() else 2)
    if k == "cudnndeterministic":
        return b(torch.backends.cudnn.deterministic)
    return b(s[k])


def _flag(k, v):
    if isinstance(v, (np.bool_, np.integer)):
        return bool(v)
    raise QError(f"setting: {k} expects boolean, given {kname(v)}")


def k_setting(ctx, x):
    if x is None or (isinstance(x, list) and not x):
        return QDict(syms(_SETTING_KEYS), [_setting_value(ctx, k) for k in _SETTING_KEYS])
    if isinstance(x, str):
        if x not in _SETTING_KEYS:
            raise QError(f"setting: unrecognized flag `{x}")
        return _setting_value(ctx, x)
    if isinstance(x, list) and len(x) == 2 and isinstance(x[0], str):
        k, v = x
        if k not in _SETTING_KEYS:
            raise QError(f"setting: unrecognized flag `{k}")
        if k in _READONLY:
            raise QError(f"setting: cannot set flag for {k}")
        try:
            if k == "threads":
                torch.set_num_threads(int(v))
            elif k == "interopthreads":
                torch.set_num_interop_threads(int(v))
            elif k == "benchmark":
                torch.backends.cudnn.benchmark = _flag(k, v)
            elif k == "cudnndeterministic":
                torch.backends.cudnn.deterministic = _flag(k, v)
            elif k == "deterministic":
                n = int(v)
                if n == 0:
                    torch.use_deterministic_algorithms(False)
                else:
                    torch.use_deterministic_algorithms(True, warn_only=(n == 1))
            else:
                session_settings(ctx)[k] = _flag(k, v)
        except QError:
            raise
        except (RuntimeError, ValueError, TypeError) as err:
            raise QError(f"setting: {err}")
        return None
    raise QError(f"setting: unrecognized arg(s), given {kname(x)}")


def k_cudadevices(ctx, x):
    n = torch.cuda.device_count() if torch.cuda.is_available() else 0
    if x is None:
        return J(n)
    return syms((["cuda"] + [f"cuda:{i}" for i in range(n)]) if n else [])


def k_cudadevice(ctx, x):
    if x is None or (isinstance(x, list) and not x):
        if not torch.cuda.is_available():
            return ""
        return f"cuda:{torch.cuda.current_device()}"
    bad = QError("unrecognized CUDA device, expecting cuda with valid device number, e.g. `cuda:0")
    if not isinstance(x, str):
        raise bad
    try:
        d = torch.device(x)
    except (RuntimeError, ValueError):
        raise bad
    if d.type != "cuda" or not torch.cuda.is_available() or \
            (d.index is not None and d.index >= torch.cuda.device_count()):
        raise bad
    torch.cuda.set_device(d.index or 0)
    return None


def k_sync(ctx, x):
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    return None


for _name, _fn in (("class", k_class), ("size", k_size), ("device", k_device), ("dtype", k_dtype),
                   ("elements", k_elements), ("bytes", k_bytes), ("tensorcount", k_tensorcount),
                   ("ref", k_ref), ("ptr", k_ptr), ("str", k_str), ("seed", k_seed),
                   ("setting", k_setting), ("cudadevices", k_cudadevices),
                   ("cudadevice", k_cudadevice), ("sync", k_sync)):
    define(_name, monad=_fn, ctx=True)
