"""Handle management (ktorch-api.md §2): obj free return mapped addref use."""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..registry import Entry, is_handle
from ..values.types import QDict, QTable, from_items, syms
from ..values.functions import Definitions
from .convert import kname, tensor_class_name, to_k, to_tensor
from .dicts import dict_from_k
from .handles import get_handle
from .info import entry_size, first_device, object_tensors, storage_bytes, storage_elements
from .objects import TensorVector

define = Definitions()

J = np.int64


def _is_empty(x) -> bool:
    return x is None or (isinstance(x, list) and not x)


def k_obj(ctx, x):
    if not _is_empty(x):
        raise QError("obj: empty arg expected")
    ptrs, cls, dev, dt, size, el, by = [], [], [], [], [], [], []
    for n, e in ctx.registry.items():
        ptrs.append([J(n)])
        cls.append(e.cls)
        o = e.obj
        dev.append(str(first_device(o)) if o is not None else "cpu")
        dt.append(tensor_class_name(o.dtype) if e.cls == "tensor" and o is not None else "")
        size.append(entry_size(e))
        ts = object_tensors(o)
        el.append(sum(storage_elements(t) for t in ts))
        by.append(sum(storage_bytes(t) for t in ts))
    sz = from_items(size) if size else []
    return QTable(["ptr", "class", "device", "dtype", "size", "elements", "bytes"],
                  [ptrs, syms(cls), syms(dev), syms(dt), sz, np.array(el, dtype=np.int64),
                   np.array(by, dtype=np.int64)])


def release_entry(e: Entry) -> None:
    """Cleanup when the last handle to an object goes: objects with side effects outside
    themselves (a twa's gradient hook on an optimizer) say so with a close() method; everything
    else is freed by Python when unreferenced."""
    close = getattr(e.obj, "close", None)
    if callable(close):
        close()


def _release(reg, h) -> None:
    e = reg.release(h)
    if not any(other.obj is e.obj for _, other in reg.items()):
        release_entry(e)


def k_free(ctx, x):
    reg = ctx.registry
    if _is_empty(x):
        entries = [e for _, e in reg.items()]
        reg.clear()
        for e in entries:
            release_entry(e)
        return None
    if is_handle(x):
        _release(reg, x)
        return None
    if isinstance(x, QDict) and not isinstance(x.keys, QTable):
        items = x.values if isinstance(x.values, list) else None
        if items is None:
            raise QError(f"free: expecting pytorch object or list/dictionary of objects, given "
                         f"dictionary of {kname(x.values)}")
    elif isinstance(x, list):
        items = x
    else:
        raise QError(f"free: expecting pytorch object or list/dictionary of objects, given {kname(x)}")
    for i, h in enumerate(items):
        if not is_handle(h):
            raise QError(f"free: expecting pytorch object or list/dictionary of objects, "
                         f"given {kname(h)}, element[{i}] of given list")
        if not reg.has(h):
            raise QError(f"free: stale pointer, element[{i}] of given list")
    for h in items:
        if reg.has(h):
            _release(reg, h)
    return None


def k_return(ctx, x):
    if not is_handle(x):
        return x                       # k values pass through (spec §12.1 option b)
    e = ctx.registry.entry(x)
    if e.cls == "tensor":
        v = to_k(e.obj)
    elif e.cls == "vector":
        v = [to_k(t) for t in e.obj.tensors]
    elif e.cls == "dictionary":
        v = QDict(syms(e.obj.keys()), from_items([to_k(t) for t in e.obj.values()]))
    else:
        raise QError(f"return: expecting tensor, vector or dictionary, given {e.cls}")
    ctx.registry.release(x)
    return v


def k_mapped(ctx, x):
    return np.bool_(ctx.registry.has(x))


_ADDREF = ("tensor", "module", "loss", "optimizer")


def k_addref(ctx, x):
    e = get_handle(ctx, x, who="addref")
    if e.cls not in _ADDREF:
        raise QError(f"addref not implemented for {e.cls}")
    return ctx.registry.new(e.obj, e.cls)


_USE = ("tensor", "vector", "dictionary")


def _from_k_for(cls: str, v):
    """A fresh object of class cls from a k value (for use[p]kvalue)."""
    if cls == "tensor":
        return to_tensor(v)
    if cls == "vector":
        items = v if isinstance(v, list) else [v[i] for i in range(len(v))] \
            if isinstance(v, np.ndarray) else [v]
        return TensorVector([to_tensor(y) for y in items])
    if not (isinstance(v, QDict) and not isinstance(v.keys, QTable)):
        raise QError(f"use: dictionary requires k dictionary, given {kname(v)}")
    return dict_from_k(None, v.keys, v.values, consume=False)


def k_use(ctx, a, b):
    reg = ctx.registry
    if not is_handle(a):
        raise QError("use: 1st arg must be tensor, vector or dictionary")
    ea = reg.entry(a)
    if ea.cls not in _USE:
        raise QError("use: 1st arg must be tensor, vector or dictionary")
    if is_handle(b):
        eb = reg.entry(b)
        if eb.cls != ea.cls:
            raise QError(f"use: cannot re-assign {eb.cls} to {ea.cls}")
        if eb is ea:
            return None
        reg.release(b)
        reg.replace(a, eb)
        return None
    obj = _from_k_for(ea.cls, b)
    reg.replace(a, Entry(obj, ea.cls))
    return None


define("obj", monad=k_obj, ctx=True,
       doc="obj[]  a table of every allocated object: handle, class, device, dtype, size, "
           "elements, bytes")
define("free", monad=k_free, ctx=True,
       doc="free p | free(p;q..) | free[]  release handle(s) (a list or dictionary of them); all "
           "handles")
define("return", monad=k_return, ctx=True,
       doc="return p  a tensor's, vector's or dictionary's values as k data, releasing the handle")
define("mapped", monad=k_mapped, ctx=True,
       doc="mapped x  1b if x is a handle of this session that is still allocated")
define("addref", monad=k_addref, ctx=True,
       doc="addref p  a new handle to the same tensor, module, loss or optimizer (each handle is "
           "freed on its own)")
define("use", dyad=k_use, ctx=True,
       doc="use[p;q] | use[p;x]  make handle p name q's object (q is released), or new data from "
           "a k value")
