"""Information about api objects (ktorch-api.md §2, §4.5; ktorch's info page): class objtype
device dtype size elements bytes tensorcount ref ptr str, and the tensor attributes - dim numel
itemsize offset stride sptr sref layout gradient gradfn memory, the flags contiguous coalesced
defined gradflag leaf pinned sparseflag, info/detail dictionaries and same/alias.

An attribute of a tensor is a k atom; of a vector, a list with one item per tensor; of a
dictionary, a dictionary with one value per key (ktorch's tensorattr/vectorattr/dictattr). The
few attributes a module, loss, optimizer or model has are listed in _OBJECT_ATTRS."""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, chars, from_items, syms
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, torch_error
from .convert import dtype_from_symbol, kname, tensor_class_name, to_k
from .handles import get_handle, object_module
from .libtorch_text import loss_text, module_text, tensor_text
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
            if isinstance(o, torch.Tensor):
                n += o._base is obj          # a view holds its base, as in libtorch
            elif isinstance(o, TensorVector):
                n += any(t is obj for t in o.tensors)
            elif isinstance(o, TensorDict):
                n += any(t is obj for t in o.values())
            elif isinstance(o, torch.nn.Module):
                n += any(t is obj for t in o.parameters()) or any(t is obj for t in o.buffers())
            elif isinstance(o, Model):
                n += any(t is obj for d in (o.train_data, o.test_data) if d is not None
                         for t in d.tensors())
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
# tensor attributes: name -> (k kind, value for a defined tensor, value for an undefined one)
#
# kinds: long (-KJ), sym (-KS), bool (-KB), char (-KC), size (KJ: a long list per tensor)

NULL_J = np.int64(np.iinfo(np.int64).min)
_UNDEFINED = object()            # the attribute needs a defined tensor

_KTYPE = {torch.float32: b"e", torch.float64: b"f", torch.float16: b"e", torch.bool: b"b",
          torch.uint8: b"x", torch.int8: b"c", torch.int64: b"j", torch.int32: b"i",
          torch.int16: b"h", torch.complex32: b"e", torch.complex64: b"e",
          torch.complex128: b"f"}


def is_sparse(t: torch.Tensor) -> bool:
    return t.layout == torch.sparse_coo


def memory_format(t: torch.Tensor) -> str:
    """libtorch's suggest_memory_format: channel2d/channel3d when the strides say channels last
    (and plain C order does not), else contiguous."""
    if t.layout == torch.strided and not t.is_contiguous():
        if t.dim() == 4 and t.is_contiguous(memory_format=torch.channels_last):
            return "channel2d"
        if t.dim() == 5 and t.is_contiguous(memory_format=torch.channels_last_3d):
            return "channel3d"
    return "contiguous"


def pinned(t: torch.Tensor) -> bool:
    return not is_sparse(t) and t.device.type == "cpu" and t.is_pinned()


def storage_refs(t: torch.Tensor) -> int:
    """How many tensors share t's storage (libtorch's storage use count)."""
    s = t.untyped_storage()
    return torch._C._storage_Use_Count(s._cdata) - 1      # less the storage object made here


def _item_ktype(t):
    k = _KTYPE.get(t.dtype)
    if k is None:
        raise QError(f"ktype: unable to map PyTorch type {t.dtype} to k type")
    return np.bytes_(k)


TENSOR_ATTRS = {
    "dim": ("long", lambda t: t.dim(), _UNDEFINED),
    "densedim": ("long", lambda t: t.dense_dim() if is_sparse(t) else t.dim(), _UNDEFINED),
    "sparsedim": ("long", lambda t: t.sparse_dim() if is_sparse(t) else 0, _UNDEFINED),
    "nnz": ("long", lambda t: t._nnz() if is_sparse(t) else int(t.count_nonzero()), 0),
    "numel": ("long", lambda t: t._values().numel() if is_sparse(t) else t.numel(), _UNDEFINED),
    "itemsize": ("long", lambda t: t.element_size(), _UNDEFINED),
    "offset": ("long", lambda t: NULL_J if is_sparse(t) else t.storage_offset(), _UNDEFINED),
    "sref": ("long", lambda t: 0 if is_sparse(t) else storage_refs(t), 0),
    "sptr": ("long", lambda t: 0 if is_sparse(t) else t.untyped_storage().data_ptr(), 0),
    "layout": ("sym", lambda t: "sparse" if is_sparse(t) else "strided", ""),
    "gradient": ("sym", lambda t: "grad" if t.requires_grad else "nograd", ""),
    "gradfn": ("sym", lambda t: t.grad_fn.name() if t.grad_fn is not None else "", ""),
    "memory": ("sym", memory_format, ""),
    "coalesced": ("bool", lambda t: t.is_coalesced() if is_sparse(t) else True, True),
    "contiguous": ("bool", lambda t: not is_sparse(t) and t.is_contiguous(), _UNDEFINED),
    "contiguous2d": ("bool", lambda t: not is_sparse(t) and t.is_contiguous(
        memory_format=torch.channels_last), _UNDEFINED),
    "contiguous3d": ("bool", lambda t: not is_sparse(t) and t.is_contiguous(
        memory_format=torch.channels_last_3d), _UNDEFINED),
    "defined": ("bool", lambda t: True, False),
    "gradflag": ("bool", lambda t: t.requires_grad, False),
    "leaf": ("bool", lambda t: t.is_leaf, True),
    "pinned": ("bool", pinned, False),
    "sparseflag": ("bool", is_sparse, False),
    "ktype": ("char", _item_ktype, np.bytes_(b" ")),
    "stride": ("size", lambda t: [] if is_sparse(t) else list(t.stride()), []),
}

_ATOM = {"long": np.int64, "bool": np.bool_, "sym": str, "char": np.bytes_}


def tensor_attr(t: torch.Tensor | None, name: str):
    """A tensor's attribute as a k atom (a long list for size-like attributes)."""
    kind, fn, undefined = TENSOR_ATTRS[name]
    if t is None:
        if undefined is _UNDEFINED:
            raise QError(f"{name}: undefined tensor")
        v = undefined
    else:
        try:
            v = fn(t)
        except TORCH_ERRORS as err:
            raise torch_error(err, name) from None
    if kind == "size":
        return np.array(v, dtype=np.int64) if v else []
    return _ATOM[kind](v)


def _items(kind: str, values: list):
    """The k list of one attribute over several tensors (a vector's, a dictionary's values)."""
    if kind == "size":
        return list(values)
    if kind == "sym":
        return syms(values)
    if kind == "char":
        return np.array(values, dtype="S1")
    return np.array(values, dtype=np.int64 if kind == "long" else bool)


def _tensors_attr(tensors, name: str):
    return _items(TENSOR_ATTRS[name][0], [tensor_attr(t, name) for t in tensors])


def _param_attr(m: torch.nn.Module, name: str):
    """A module's attribute per parameter: dictionary of parameter name -> value."""
    ps = list(m.named_parameters())
    return QDict(syms([n for n, _ in ps]), _tensors_attr([p for _, p in ps], name))


# the attributes of other objects (ktorch's moduleattr/optattr/modelattr): class -> names
_OBJECT_ATTRS = {"module": ("ktype", "gradflag", "gradient"),
                 "loss": ("ktype", "gradflag", "gradient"),
                 "model": ("ktype", "gradflag", "gradient")}


def attribute(ctx, x, name: str):
    """`name x` for a tensor attribute: an atom, list or dictionary by the object's class."""
    if not is_handle(x):
        raise QError(f"{name}: unrecognized arg(s) - {kname(x)}")
    e = ctx.registry.entry(x)
    if e.cls == "tensor":
        return tensor_attr(e.obj, name)
    if e.cls == "vector":
        return _tensors_attr(e.obj.tensors, name)
    if e.cls == "dictionary":
        d = e.obj
        return QDict(syms(d.keys()), _tensors_attr(d.values(), name))
    if name in _OBJECT_ATTRS.get(e.cls, ()):
        return _param_attr(object_module(e.obj), name)
    if e.cls in ("module", "loss"):
        what = "loss modules" if e.cls == "loss" else "modules"
        raise QError(f"{name}: not implemented for {what}")
    raise QError(f"{name}: not implemented for {e.cls}" + ("s" if e.cls == "optimizer" else ""))


def _attribute_fn(name: str):
    def f(ctx, x):
        return attribute(ctx, x, name)
    f.__name__ = f"k_{name}"
    return f


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
    return device_name(first_device(e.obj)) if e.obj is not None else ""


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
    """The address that identifies an object: a tensor's TensorImpl (shared by every handle to
    the same tensor, as libtorch's), else the Python object's."""
    if isinstance(o, torch.Tensor):
        return J(o._cdata)
    return J(id(o))


def k_ptr(ctx, x):
    e = _entry(ctx, x, "ptr")
    if e.cls == "dictionary":
        return dict_result(e.obj.keys(), [obj_ptr(t) for t in e.obj.values()])
    if e.cls == "vector":
        return np.array([obj_ptr(t) for t in e.obj.tensors], dtype=np.int64)
    return J(0) if e.obj is None else obj_ptr(e.obj)


def k_contiguous(ctx, x):
    """contiguous p | contiguous(p;`format): 1b where tensor(s) are contiguous in C order (or in
    the order of a memory format: `contiguous`preserve`channel2d`channel3d)."""
    if isinstance(x, list) and len(x) == 2 and is_handle(x[0]) and isinstance(x[1], str):
        name = {"contiguous": "contiguous", "preserve": "contiguous",
                "channel2d": "contiguous2d", "channel3d": "contiguous3d"}.get(x[1])
        if name is None:
            raise QError(f"contiguous: unrecognized memory format, {x[1]}")
        return attribute(ctx, x[0], name)
    return attribute(ctx, x, "contiguous")


def _same(who: str, test):
    def f(ctx, x):
        if not (isinstance(x, list) and len(x) == 2 and all(is_handle(h) for h in x)):
            raise QError(f"{who}: expects two tensors")
        a, b = (ctx.registry.entry(h) for h in x)
        if a.cls != "tensor" or b.cls != "tensor":
            raise QError(f"{who}: expects two tensors")
        if a.obj is None or b.obj is None:
            return np.bool_(a.obj is None and b.obj is None and who == "same")
        return np.bool_(test(a.obj, b.obj))
    f.__name__ = f"k_{who}"
    return f


k_same = _same("same", lambda a, b: a._cdata == b._cdata)
k_alias = _same("alias", torch._C._is_alias_of)

# info: the keys ktorch's documentation shows, in its order
_INFO = ("device", "dtype", "layout", "gradient", "pin", "memory", "leaf", "gradfn", "dim",
         "sparsedim", "size", "stride", "numel", "itemsize", "contiguous", "coalesced", "offset",
         "ptr", "ref")


def _info_value(ctx, t, key):
    if key == "device":
        return device_name(t.device)
    if key == "dtype":
        return tensor_class_name(t.dtype)
    if key == "pin":
        return "pinned" if pinned(t) else "unpinned"
    if key == "size":
        return np.array(list(t.shape), dtype=np.int64)
    if key == "ptr":
        return obj_ptr(t)
    if key == "ref":
        return J(max(1, holders(ctx, t)))     # a part of a sparse tensor is held by it
    return tensor_attr(t, key)


def _storage_info(t: torch.Tensor) -> QDict:
    """The storage behind a dense tensor: elements, bytes per element, refs, address, data."""
    refs = storage_refs(t)
    s = t.untyped_storage()
    n = s.nbytes() // t.element_size()
    whole = t.detach().new_empty(0).set_(s, 0, (n,), (1,))
    return QDict(syms(["size", "itemsize", "ref", "ptr", "data"]),
                 [J(n), J(t.element_size()), J(refs), J(s.data_ptr()), to_k(whole)])


def tensor_info(ctx, t: torch.Tensor, detail: bool) -> QDict:
    if t is None:
        raise QError(("detail" if detail else "info") + ": undefined tensor")
    if detail and is_sparse(t):
        # indices and values: a table of their details; each storage dictionary stays a value
        # of the storage column (not a table within the table)
        rows = [tensor_info(ctx, t._indices(), True), tensor_info(ctx, t._values(), True)]
        keys = list(rows[0].keys)
        cols = [from_items([r.values[i] for r in rows]) if k != "storage"
                else [r.values[i] for r in rows] for i, k in enumerate(keys)]
        return QDict(syms(["indices", "values"]), QTable(keys, cols))
    keys = list(_INFO)
    vals = [_info_value(ctx, t, k) for k in keys]
    if detail:
        keys.append("storage")
        vals.append(_storage_info(t))
    return QDict(syms(keys), vals)


def _info_fn(who: str, detail: bool):
    def f(ctx, x):
        if not is_handle(x):
            raise QError(f"{who} not implemented for {kname(x)}")
        e = ctx.registry.entry(x)
        if e.cls != "tensor":
            raise QError(f"{who} not implemented for {e.cls}")
        return tensor_info(ctx, e.obj, detail)
    f.__name__ = f"k_{who}"
    return f


def k_str(ctx, x):
    e = get_handle(ctx, x, who="str") if is_handle(x) else None
    if e is None:
        raise QError(f"str: need allocated torch object, e.g. tensor, module, given {kname(x)}")
    o = e.obj
    if e.cls == "tensor":
        return chars(tensor_text(o))
    if e.cls in ("module", "model"):
        return chars(module_text(object_module(o)))
    if e.cls == "loss":
        return chars(loss_text(o.name, o.fn))
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
       doc="ref p  how many handles, containers and views hold the object (or each of its "
           "tensors)")
define("ptr", monad=k_ptr, ctx=True,
       doc="ptr p  a long that identifies the object (or each of its tensors): equal for shared "
           "objects")
define("str", monad=k_str, ctx=True,
       doc="str p  libtorch's printed form of a tensor, module, loss or model as a string")
define("contiguous", monad=k_contiguous, ctx=True,
       doc="contiguous p | contiguous(p;`channel2d)  1b where the tensor(s) are contiguous in C "
           "order (or in a memory format's order)")
define("same", monad=k_same, ctx=True,
       doc="same(a;b)  1b if two tensor handles name the same tensor")
define("alias", monad=k_alias, ctx=True,
       doc="alias(a;b)  1b if two tensors share one storage (one is a view of the other)")
define("info", monad=_info_fn("info", False), ctx=True,
       doc="info t  a dictionary of a tensor's attributes: device dtype layout ... offset ptr ref")
define("detail", monad=_info_fn("detail", True), ctx=True,
       doc="detail t  info t with its storage (size, itemsize, ref, ptr, data); indices and "
           "values of a sparse tensor")

_ATTR_DOC = {
    "dim": "the number of dimensions", "densedim": "the dense dimensions (dim if not sparse)",
    "sparsedim": "the sparse dimensions (0 if not sparse)",
    "nnz": "the count of non-zero values (stored values if sparse)",
    "numel": "the number of elements (a view's, not its storage's)",
    "itemsize": "the bytes of one element", "offset": "the offset into the storage",
    "sref": "how many tensors share the storage", "sptr": "the address of the storage",
    "layout": "`strided or `sparse", "gradient": "`grad or `nograd",
    "gradfn": "the name of the function that made it in a gradient graph (` if none)",
    "memory": "its memory format: `contiguous`channel2d`channel3d",
    "coalesced": "1b unless a sparse tensor may hold repeated indices",
    "defined": "1b unless undefined (made from ::)", "leaf": "1b unless made by an operation "
    "on tensors that require gradients", "pinned": "1b for page-locked memory",
    "sparseflag": "1b for a sparse tensor", "ktype": "the k type char of its data",
    "stride": "the step in storage for each dimension"}
for _name, _what in _ATTR_DOC.items():
    define(_name, monad=_attribute_fn(_name), ctx=True,
           doc=f"{_name} p  {_what}: of a tensor, each tensor of a vector, or each value of a "
               f"dictionary")
