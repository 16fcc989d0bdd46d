"""Tensor operations (ktorch's tensorop page): views, joins, sparse and complex parts.

Views share the storage of the tensor they are made from (`alias` says so): index narrow
transpose permute expand squeeze unsqueeze View, reshape where it can, resize in place, reset
(offset, size and stride over the same storage). Joins: cat stack. Sparse tensors: sparse dense
coalesce indices values sparseindex. Complex tensors: real imag isreal.

Each takes a tensor handle or k data, as ktorch does: a tensor gives a new tensor handle (or
changes the tensor in place where ktorch's form has an in-place flag), k data gives k data
(the intermediate tensors are never seen). Arguments are checked before anything changes, and
torch's own errors keep torch's text.
"""
from __future__ import annotations

import numpy as np
import torch

from ..averaging.nograd import no_grad
from ..errors import QError
from ..registry import is_handle
from ..values.functions import Definitions
from ..values.types import qtype
from .calls import TORCH_ERRORS, torch_error
from .convert import k_array, kname, np_to_k, to_k, to_tensor
from .handles import get_handle
from .objects import TensorVector
from .state import session_settings

define = Definitions()


def _long(x) -> bool:
    return isinstance(x, np.integer) and not isinstance(x, np.bool_) and x.dtype == np.int64


def _flag(x) -> bool:
    return isinstance(x, np.bool_)


def _longs(x) -> list | None:
    """A size: long atom or long list (or an empty general list), else None."""
    if _long(x):
        return [int(x)]
    if isinstance(x, np.ndarray) and x.dtype == np.int64 and x.ndim == 1:
        return [int(v) for v in x]
    if isinstance(x, list) and not x:
        return []
    return None


def sym_list(x) -> list | None:
    """Names: a symbol atom or symbol list, else None."""
    if isinstance(x, str):
        return [x]
    if isinstance(x, np.ndarray) and x.dtype == object:
        return list(x)
    return None


def tensor_of(ctx, h, who: str) -> torch.Tensor:
    """The defined tensor of a tensor handle."""
    t = get_handle(ctx, h, "tensor", who=who).obj
    if t is None:
        raise QError(f"{who}: undefined tensor")
    return t


def is_tensor(ctx, x) -> bool:
    return is_handle(x) and ctx.registry.has(x) and ctx.registry.entry(x).cls == "tensor"


def input_tensor(ctx, x, who: str) -> tuple[torch.Tensor, bool]:
    """(tensor, given as a handle) of an input: a tensor handle's tensor, or k data as a new
    tensor (ktorch's xten-or-kput)."""
    if is_handle(x):
        return tensor_of(ctx, x, who), True
    return to_tensor(x), False


def result(ctx, as_handle: bool, t: torch.Tensor):
    """ktorch's kresult: a new tensor handle for tensor input, else the k value."""
    if as_handle:
        return ctx.registry.new(t, "tensor")
    return k_of(ctx, t)


def k_of(ctx, t: torch.Tensor):
    """The k value of a tensor, complex parts arranged by the session's complexfirst flag."""
    return to_k(t, session_settings(ctx)["complexfirst"])


def _torch(fn, *args):
    """Run a torch call, its errors as q errors with torch's text."""
    try:
        return fn(*args)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None


def looks_like_array(x, m: int) -> bool:
    """ktorch's xarray(x,m): the first m items of a general list are k data of one type and one
    shape (so x is one array, not a list of arguments)."""
    if not isinstance(x, list):
        return not isinstance(x, str) and qtype(x) != 0 and not is_handle(x)
    if is_handle(x):
        return False
    first = None
    for y in x[:m]:
        if is_handle(y) or isinstance(y, (str, dict)) or (isinstance(y, list) and any(
                is_handle(z) for z in y)):
            return False
        sig = _signature(y)
        if sig is None or (first is not None and sig != first):
            return False
        first = sig
    return True


def _signature(y):
    """(q type, shape) of k data, None if it is not one array."""
    if isinstance(y, np.ndarray):
        return None if y.dtype == object else (y.dtype, (len(y),))
    if isinstance(y, np.generic):
        return (y.dtype, ())
    if isinstance(y, list):
        if not y:
            return (None, (0,))
        sigs = [_signature(z) for z in y]
        if sigs[0] is None or any(s != sigs[0] for s in sigs):
            return None
        return (sigs[0][0], (len(y),) + sigs[0][1])
    return None


# ---------------------------------------------------------------------------------------------
# select, index_select: index

def _check_indices(i: torch.Tensor, n: int) -> None:
    """index_select's bounds, with the text ktorch's documentation shows."""
    if i.numel():
        bad = (i < 0) | (i >= n)
        if bad.any():
            j = int(i[bad.nonzero()[0]].item())
            raise QError(f"INDICES element is out of DATA bounds, id={j} axis_dim={n}")


def index_select(t: torch.Tensor, dim: int, i: torch.Tensor) -> torch.Tensor:
    if not -t.dim() <= dim < max(t.dim(), 1):
        _torch(t.size, dim)                 # torch's dimension-out-of-range text
    _check_indices(i, t.size(dim) if t.dim() else 1)
    return _torch(torch.index_select, t, dim, i.to(t.device))


def k_index(ctx, x):
    if not isinstance(x, list):
        raise QError(f"index: not implemented for {kname(x)}")
    if len(x) != 3:
        raise QError(f"index: expecting 3 args, (input;dim;ind), given {len(x)}")
    if not _long(x[1]):
        raise QError(f"index: 2nd argument of dimension expected, given {kname(x[1])}")
    d, y = int(x[1]), x[2]
    j = is_tensor(ctx, y)
    if not (_long(y) or (isinstance(y, np.ndarray) and y.dtype == np.int64) or j):
        raise QError(f"index: 3rd argument of index/indices expected, given {kname(y)}")
    t, p = input_tensor(ctx, x[0], "index")
    if _long(y):
        return result(ctx, p, _torch(torch.select, t, d, int(y)))
    i = tensor_of(ctx, y, "index") if j else to_tensor(y)
    return result(ctx, p, index_select(t, d, i))


# ---------------------------------------------------------------------------------------------
# narrow, transpose, permute, expand, squeeze, unsqueeze

def k_narrow(ctx, x):
    if not (isinstance(x, list) and len(x) == 4 and all(_long(v) for v in x[1:])):
        raise QError("narrow: unrecognized arg(s), expecting (input; dim; offset; size)")
    d, i, w = (int(v) for v in x[1:])
    a = x[0]
    if is_handle(a) and ctx.registry.entry(a).cls == "vector":
        v = ctx.registry.entry(a).obj
        return ctx.registry.new(TensorVector([_torch(t.narrow, d, i, w) for t in v.tensors]),
                                "vector")
    t, p = input_tensor(ctx, a, "narrow")
    return result(ctx, p, _torch(t.narrow, d, i, w))


def k_transpose(ctx, x):
    if not isinstance(x, list):
        return x                                    # k atoms and simple lists as they are
    inplace = False
    n = len(x)
    if n > 1 and _flag(x[-1]):
        inplace, n = bool(x[-1]), n - 1
    if is_handle(x):
        t, p, n = tensor_of(ctx, x, "transpose"), True, 1
    elif is_handle(x[0]):
        t, p = tensor_of(ctx, x[0], "transpose"), True
    elif looks_like_array(x, 4):
        t, p, n = to_tensor(x), False, 1
    else:
        t, p = to_tensor(x[0]), False
    if n != 3 and t.dim() >= 3:
        raise QError(f"transpose of {t.dim()}d tensor needs the two dimenstions to be swapped")
    if n == 1:
        if p and inplace:
            _torch(t.t_)
            return None
        return result(ctx, p, _torch(t.t))
    if n == 3 and _long(x[1]) and _long(x[2]):
        i, j = int(x[1]), int(x[2])
        if p and inplace:
            _torch(t.transpose_, i, j)
            return None
        return result(ctx, p, _torch(t.transpose, i, j))
    raise QError("transpose expects tensor or (tensor;inplace flag) or (tensor;dim1;dim2;"
                 "optional inplace flag")


def k_permute(ctx, x):
    if not (isinstance(x, list) and len(x) == 2):
        raise QError("permute: unexpected arg(s), expecting (input/tensor; reordered dimensions)")
    dims = _longs(x[1])
    if dims is None:
        raise QError(f"permute: expecting 2nd arg of reordered dimensions, given {kname(x[1])}")
    t, p = input_tensor(ctx, x[0], "permute")
    return result(ctx, p, _torch(t.permute, dims))


def k_expand(ctx, x):
    if isinstance(x, list) and len(x) == 2:
        like = is_tensor(ctx, x[1])
        size = list(tensor_of(ctx, x[1], "expand").shape) if like else _longs(x[1])
        if size is not None:
            t, p = input_tensor(ctx, x[0], "expand")
            return result(ctx, p, _torch(t.expand, size))
    size = _longs(x)
    if size is not None and len(size) == 2:
        return to_k(_torch(torch.tensor(size[0]).expand, size[1]))
    raise QError("expand expects (input array/tensor; size) or (input array/tensor; tensor w'size "
                 "to match)")


def _squeeze(who: str, squeeze: bool):
    def f(ctx, x):
        if is_handle(x):
            if not squeeze:
                raise QError("unsqueeze requires 2nd arg specifying dimension to add")
            return result(ctx, True, tensor_of(ctx, x, who).squeeze())
        n = len(x) if isinstance(x, list) else 0
        dim = inplace = None
        if n in (2, 3) and _long(x[1]) and (n == 2 or _flag(x[2])):
            dim, inplace = int(x[1]), n == 3 and bool(x[2])
        elif n == 2 and _flag(x[1]):
            dim, inplace = None, bool(x[1])
        elif squeeze:
            return to_k(to_tensor(x).squeeze())
        else:
            raise QError(f"{who}: unexpected arg(s), expects (input;dim;optional in-place flag)")
        if dim == np.iinfo(np.int64).min:
            dim = None                              # a null dimension: squeeze them all
        if not squeeze and dim is None:
            raise QError(f"{who} requires 2nd arg specifying dimension to add")
        t, p = input_tensor(ctx, x[0], who)
        if p and inplace:
            fn = t.squeeze_ if squeeze else t.unsqueeze_
            _torch(fn, *([] if dim is None else [dim]))
            return None
        fn = t.squeeze if squeeze else t.unsqueeze
        return result(ctx, p, _torch(fn, *([] if dim is None else [dim])))
    f.__name__ = f"k_{who}"
    return f


# ---------------------------------------------------------------------------------------------
# resize, reshape, View: one argument form, (array/tensor; size or tensor whose size to use)

def infer_size(size: list, numel: int) -> list:
    """A size with at most one -1, that dimension inferred from the element count."""
    n, at = 1, None
    for d, s in enumerate(size):
        if s == -1:
            if at is not None:
                raise QError("only one dimension can be inferred")
            at = d
        elif s >= 0:
            n *= s
        else:
            raise QError(f"invalid shape dimension {s}")
    if numel == n or (at is not None and n > 0 and numel % n == 0):
        if at is not None:
            size = list(size)
            size[at] = numel // n
        return size
    raise QError(f"shape '{list(size)}' is invalid for input of size {numel}")


def _back_to_k(a: np.ndarray, like):
    if isinstance(like, np.ndarray) and like.dtype.kind == "S" or a.dtype == np.int8:
        a = a.view("S1")
    return np_to_k(a)


def _shape_args(ctx, x, who: str):
    """(k data or None, tensor or None, size) of (array or tensor; size or example tensor)."""
    if not isinstance(x, list):
        raise QError(f"{who} not implemented for {kname(x)}")
    if len(x) != 2 or is_handle(x):
        raise QError(f"{who} expects (array/tensor;new size/tensor w'size to use)")
    a, s = x
    size = list(tensor_of(ctx, s, who).shape) if is_tensor(ctx, s) else _longs(s)
    if size is None:
        raise QError(f"{who} expects 2nd arg of size or tensor w'size to use")
    if not is_handle(a):
        return a, None, size
    return None, tensor_of(ctx, a, who), size


@no_grad
def grow_(t: torch.Tensor, size: list) -> None:
    """resize_ in place; elements beyond the old ones are zeros (torch leaves them as whatever
    the memory held; ktorch calls them uninitialized, so any value is its answer, and zeros keep
    a session's results repeatable)."""
    n = t.numel()
    _torch(t.resize_, size)
    if t.numel() > n and t.is_contiguous():
        t.view(-1)[n:].zero_()


def k_resize(ctx, x):
    a, t, size = _shape_args(ctx, x, "resize")
    if t is not None:
        grow_(t, infer_size(size, t.numel()) if any(s < 0 for s in size) else size)
        return None
    arr = k_array(a)
    size = infer_size(size, arr.size) if any(s < 0 for s in size) else size
    n = int(np.prod(size)) if size else 1
    flat = arr.reshape(-1)
    if n != flat.size:
        buf = np.zeros(n, dtype=arr.dtype)
        m = min(n, flat.size)
        buf[:m] = flat[:m]
        flat = buf
    return _back_to_k(flat.reshape(size), a)


def _reshape(who: str, method: str):
    def f(ctx, x):
        a, t, size = _shape_args(ctx, x, who)
        if t is not None:
            return ctx.registry.new(_torch(getattr(t, method), size), "tensor")
        arr = k_array(a)
        return _back_to_k(arr.reshape(infer_size(size, arr.size)), a)
    f.__name__ = f"k_{method}"
    return f


def k_reset(ctx, x):
    """reset(t;offset[;size[;stride]]): the tensor over the same storage at a new offset (size,
    stride), checked to fit the storage."""
    if not (isinstance(x, list) and len(x) >= 2 and is_tensor(ctx, x[0])):
        raise QError("reset: tensor expected as 1st of at least two arguments")
    t = tensor_of(ctx, x[0], "reset")
    if not _long(x[1]):
        raise QError(f"reset: offset (long) expected as 2nd argument, given {kname(x[1])}")
    size = _longs(x[2]) if len(x) > 2 else list(t.shape)
    if size is None:
        raise QError(f"reset: size(s) expected as 3rd argument, given {kname(x[2])}")
    stride = _longs(x[3]) if len(x) > 3 else None
    if len(x) > 3 and stride is None:
        raise QError(f"reset: stride(s) expected as 4th argument, given {kname(x[3])}")
    if len(x) > 4:
        raise QError(f"reset: up to 4 arguments expected, (tensor;offset;sizes;strides), but "
                     f"{len(x)} given")
    if stride is None:
        stride = list(t.stride()) if len(x) == 2 else _default_strides(size)
    i = int(x[1])
    need = 0 if 0 in size else 1 + sum((s - 1) * d for s, d in zip(size, stride))
    have = t.untyped_storage().nbytes() // t.element_size()
    if i + need > have:
        raise QError(f"size {size} and stride {stride} require total of {need} plus offset of "
                     f"{i} exceeds storage size of {have}")
    with torch.no_grad():
        _torch(t.set_, t.untyped_storage(), i, size, stride)
    return None


def _default_strides(size: list) -> list:
    out, n = [], 1
    for s in reversed(size):
        out.append(n)
        n *= max(s, 1)
    return out[::-1]


# ---------------------------------------------------------------------------------------------
# cat, stack

def _tensors_of(ctx, y, who: str) -> list:
    """ktorch's vec(y): the rows of k data, or each item of a list (tensor handle or k data)."""
    if isinstance(y, np.ndarray):
        t = to_tensor(y)
        return [t[i].clone() for i in range(t.size(0))] if t.dim() else [t]
    if is_handle(y):
        return [tensor_of(ctx, y, who)]
    return [tensor_of(ctx, v, who) if is_handle(v) else to_tensor(v) for v in y]


def _any_tensor(ctx, x) -> bool:
    return isinstance(x, list) and any(is_tensor(ctx, v) for v in x)


def _join(who: str, fn):
    def out_or_new(ctx, ts, d, out, as_handle):
        if out is not None:
            with torch.no_grad():
                _torch(lambda: fn(ts, d, out=out))
            return None
        r = _torch(fn, ts, d)
        return result(ctx, as_handle, r)

    def f(ctx, x):
        if not isinstance(x, list):
            raise QError(f"{who} not implemented for {kname(x)}")
        reg = ctx.registry
        if is_handle(x) and reg.entry(x).cls == "vector":
            return out_or_new(ctx, reg.entry(x).obj.tensors, 0, None, True)
        if x and is_handle(x[0]) and reg.entry(x[0]).cls == "vector":
            v = reg.entry(x[0]).obj.tensors
            d, out, ok = _dim_out(ctx, x)
            if not ok:
                raise QError(f"{who} expects vector, (vector;dim), (vector;dim;out tensor) or "
                             f"(vector;out tensor)")
            return out_or_new(ctx, v, d, out, True)
        if _any_tensor(ctx, x):
            return out_or_new(ctx, _tensors_of(ctx, x, who), 0, None, True)
        d, out, ok = _dim_out(ctx, x)
        if (len(x) == 1 and isinstance(x[0], list)) or ok:
            y = x[0]
            as_handle = isinstance(y, list) and _any_tensor(ctx, y)
            return out_or_new(ctx, _tensors_of(ctx, y, who), d, out, as_handle)
        return out_or_new(ctx, _tensors_of(ctx, x, who), 0, None, False)
    f.__name__ = f"k_{who}"
    return f


def _dim_out(ctx, x):
    """ktorch's kcat2: (inputs;dim), (inputs;dim;out tensor) or (inputs;out tensor)."""
    if not (isinstance(x, list) and len(x) > 1 and isinstance(x[0], list)):
        return 0, None, False
    if _long(x[1]) and (len(x) == 2 or (len(x) == 3 and is_tensor(ctx, x[2]))):
        return int(x[1]), tensor_of(ctx, x[2], "cat") if len(x) == 3 else None, True
    if len(x) == 2 and is_tensor(ctx, x[1]):
        return 0, tensor_of(ctx, x[1], "cat"), True
    return 0, None, False


# ---------------------------------------------------------------------------------------------
# sparse tensors

def _enlisted(x):
    """(handle, 1b) for an enlisted handle `enlist t` (asking for a tensor back), else (x, 0b)."""
    if isinstance(x, list) and len(x) == 1 and is_handle(x[0]):
        return x[0], True
    return x, False


def _part(who: str, want: str, fn):
    """indices/values of a sparse tensor, real/imag/isreal of a complex one: k data, or a tensor
    handle when the handle is enlisted."""
    def f(ctx, x):
        h, enlisted = _enlisted(x)
        t = None
        if is_tensor(ctx, h):
            t = ctx.registry.entry(h).obj
        ok = t is not None and (t.layout == torch.sparse_coo if want == "sparse"
                                else t.is_complex())
        if not ok:
            raise QError(f"{who}: expects a {want} tensor (enlist to return tensor ptr), given "
                         f"{kname(x)}")
        return result(ctx, enlisted, _torch(fn, t))
    f.__name__ = f"k_{who}"
    return f


def _complex_dense(t):
    return t.to_dense() if t.layout == torch.sparse_coo else t


def k_coalesce(ctx, x):
    if not is_tensor(ctx, x) or ctx.registry.entry(x).obj is None or \
            ctx.registry.entry(x).obj.layout != torch.sparse_coo:
        raise QError(f"coalesce: expecting sparse tensor, given {kname(x)}")
    e = ctx.registry.entry(x)
    if not e.obj.is_coalesced():
        e.obj = _torch(e.obj.coalesce)
    return None


def k_dense(ctx, x):
    t = ctx.registry.entry(x).obj if is_tensor(ctx, x) else None
    if t is None or t.layout != torch.sparse_coo:
        raise QError(f"dense: expecting sparse tensor, given {kname(x)}")
    return ctx.registry.new(_torch(t.to_dense), "tensor")


def k_sparse(ctx, x):
    if is_tensor(ctx, x):
        return ctx.registry.new(_torch(tensor_of(ctx, x, "sparse").to_sparse), "tensor")
    if isinstance(x, list) and len(x) == 2 and (_long(x[1]) or is_tensor(ctx, x[1])):
        t, _ = input_tensor(ctx, x[0], "sparse")
        if _long(x[1]):
            return ctx.registry.new(_torch(t.to_sparse, int(x[1])), "tensor")
        mask = tensor_of(ctx, x[1], "sparse")
        if mask.layout != torch.sparse_coo:
            raise QError("sparse: 2nd arg is not a sparse tensor, unable to use its indices")
        return ctx.registry.new(_torch(t.sparse_mask, mask), "tensor")
    if not looks_like_array(x, 2):
        raise QError("sparse: unrecognized arg(s), expecting input, (input;sparsedim) or "
                     "(input;sparse tensor)")
    return ctx.registry.new(_torch(to_tensor(x).to_sparse), "tensor")


def k_sparseindex(ctx, x):
    if is_tensor(ctx, x):
        return ctx.registry.new(_torch(lambda: tensor_of(ctx, x, "sparseindex").nonzero().t()),
                                "tensor")
    if isinstance(x, list) and len(x) == 2 and _long(x[1]):
        t, p = input_tensor(ctx, x[0], "sparseindex")
        d = int(x[1])
        nz = _torch(lambda: t.nonzero()[:, :d])
        return result(ctx, p, torch.unique_consecutive(nz, dim=0).t())
    return to_k(_torch(lambda: to_tensor(x).nonzero().t()))


define("index", monad=k_index, ctx=True,
       doc="index(x;dim;i) | index(x;dim;is)  the slice at index i of dimension dim (select), or "
           "the slices at indices is (index_select); a tensor for a tensor, else k data")
define("narrow", monad=k_narrow, ctx=True,
       doc="narrow(x;dim;offset;size)  a view of size elements of dimension dim from offset (of "
           "each tensor of a vector)")
define("transpose", monad=k_transpose, ctx=True,
       doc="transpose x | transpose(x;d1;d2) | transpose(t;[d1;d2;]1b)  swap two dimensions (of "
           "a matrix: its two), as a view; in place with the flag")
define("permute", monad=k_permute, ctx=True,
       doc="permute(x;dims)  a view with the dimensions in a new order")
define("expand", monad=k_expand, ctx=True,
       doc="expand(x;size) | expand(x;t)  a view with singleton dimensions repeated to size (-1 "
           "keeps a dimension), or to the size of tensor t")
define("squeeze", monad=_squeeze("squeeze", True), ctx=True,
       doc="squeeze x | squeeze(x;dim) | squeeze(t;dim;1b)  drop dimensions of size 1 (all, or "
           "dim); in place with the flag")
define("unsqueeze", monad=_squeeze("unsqueeze", False), ctx=True,
       doc="unsqueeze(x;dim) | unsqueeze(t;dim;1b)  add a dimension of size 1 at dim; in place "
           "with the flag")
define("resize", monad=k_resize, ctx=True,
       doc="resize(t;size) | resize(x;size)  resize a tensor in place (to the size of another "
           "tensor); k data cut or padded with zeros")
define("reshape", monad=_reshape("reshape", "reshape"), ctx=True,
       doc="reshape(t;size) | reshape(x;size)  a tensor in another shape (a view where the "
           "strides allow, else a copy); k data reshaped")
define("View", monad=_reshape("View", "view"), ctx=True,
       doc="View(t;size) | View(x;size)  a view in another shape, an error where the strides do "
           "not allow one; k data reshaped")
define("reset", monad=k_reset, ctx=True,
       doc="reset(t;offset) | reset(t;offset;size) | reset(t;offset;size;stride)  point a tensor "
           "at another part of its storage")
define("cat", monad=_join("cat", torch.cat), ctx=True,
       doc="cat(x;y..) | cat(v;dim) | cat((x;y);dim) | cat(..;out)  join tensors or k arrays "
           "along a dimension (0)")
define("stack", monad=_join("stack", torch.stack), ctx=True,
       doc="stack(x;y..) | stack(v;dim) | stack((x;y);dim) | stack(..;out)  join same-sized "
           "tensors or k arrays along a new dimension (0)")
define("sparse", monad=k_sparse, ctx=True,
       doc="sparse x | sparse(x;sparsedim) | sparse(x;s)  a sparse tensor of x's values (those "
           "at sparse tensor s's indices)")
define("dense", monad=k_dense, ctx=True, doc="dense s  a dense tensor of a sparse one")
define("coalesce", monad=k_coalesce, ctx=True,
       doc="coalesce s  sort a sparse tensor's indices in place, summing repeated ones")
define("indices", monad=_part("indices", "sparse", lambda t: t._indices()), ctx=True,
       doc="indices s | indices enlist s  a sparse tensor's indices as k data (or a tensor)")
define("values", monad=_part("values", "sparse", lambda t: t._values()), ctx=True,
       doc="values s | values enlist s  a sparse tensor's values as k data (or a tensor)")
define("sparseindex", monad=k_sparseindex, ctx=True,
       doc="sparseindex x | sparseindex(x;dim)  the indices of non-zero values, one row per "
           "dimension (unique over the first dim dimensions)")
define("real", monad=_part("real", "complex", lambda t: torch.real(_complex_dense(t))), ctx=True,
       doc="real t | real enlist t  the real part of a complex tensor")
define("imag", monad=_part("imag", "complex", lambda t: torch.imag(_complex_dense(t))), ctx=True,
       doc="imag t | imag enlist t  the imaginary part of a complex tensor")
define("isreal", monad=_part("isreal", "complex", lambda t: torch.isreal(_complex_dense(t))),
       ctx=True, doc="isreal t | isreal enlist t  1b where a complex tensor's value is real")
