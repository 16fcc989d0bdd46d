"""k value <-> torch.Tensor conversion, and the names ktorch gives k types and torch dtypes.

- :func:`to_tensor` builds a tensor from a q value (atoms -> 0-dim, vectors -> 1-d, nested general
  lists of equal-length items -> n-d) with ktorch's error texts.
- :func:`to_k` turns a tensor into a q value (0-dim -> atom, 1-d -> vector, n-d -> general list of
  (n-1)-d values; 2-d results are row views of one numpy array, so they are cheap).
"""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..values.types import CHAR, SYM, QDict, QTable, qtype

# ---------------------------------------------------------------------------------------------
# names

_KNAME = {1: "boolean", 2: "guid", 4: "byte", 5: "short", 6: "int", 7: "long", 8: "real",
          9: "double", 10: "char", 11: "symbol", 12: "timestamp", 13: "month", 14: "date",
          15: "datetime", 16: "timespan", 17: "minute", 18: "second", 19: "time"}


def kname(x) -> str:
    """ktorch's description of a k value's type: 'long scalar', 'double list', 'general list'..."""
    if x is None:
        return "null"
    if isinstance(x, QTable):
        return "table"
    if isinstance(x, QDict):
        return "keyed table" if isinstance(x.keys, QTable) else "dictionary"
    t = qtype(x)
    if t == 0:
        return "general list"
    if t < 0 and -t in _KNAME:
        return _KNAME[-t] + " scalar"
    if 0 < t < 20 and t in _KNAME:
        return _KNAME[t] + " list"
    if t >= 100:
        return {100: "lambda", 101: "unary primitive", 102: "operator", 103: "iterator",
                104: "projection", 105: "composition"}.get(t, "function")
    return f"k type {t}"


# torch dtype <-> ktorch symbol
_DTYPE_SYM = {
    torch.bool: "bool", torch.uint8: "byte", torch.int8: "char", torch.int16: "short",
    torch.int32: "int", torch.int64: "long", torch.float16: "half", torch.float32: "float",
    torch.float64: "double", torch.bfloat16: "bfloat16", torch.complex32: "chalf",
    torch.complex64: "cfloat", torch.complex128: "cdouble",
}
_SYM_DTYPE = {v: k for k, v in _DTYPE_SYM.items()}
_SYM_DTYPE.update({"real": torch.float32, "boolean": torch.bool})

# q type -> torch dtype (k -> torch: b bool, x byte, c char, h short, i int, j long, e float, f double)
_QTYPE_DTYPE = {1: torch.bool, 4: torch.uint8, 5: torch.int16, 6: torch.int32, 7: torch.int64,
                8: torch.float32, 9: torch.float64, 10: torch.int8}

# torch dtype -> numpy dtype used when converting to k
_TORCH_NP = {torch.bool: np.dtype(bool), torch.uint8: np.dtype(np.uint8),
             torch.int16: np.dtype(np.int16), torch.int32: np.dtype(np.int32),
             torch.int64: np.dtype(np.int64), torch.float32: np.dtype(np.float32),
             torch.float64: np.dtype(np.float64)}


def tensor_class_name(dtype: torch.dtype) -> str:
    """ktorch's dtype symbol for a torch dtype (`long`, `float`, `double`, `half`...)."""
    s = _DTYPE_SYM.get(dtype)
    if s is None:
        s = str(dtype).replace("torch.", "")
    return s


def dtype_from_symbol(s: str) -> torch.dtype:
    """torch dtype for a ktorch dtype symbol."""
    d = _SYM_DTYPE.get(s)
    if d is None:
        raise QError(f"unrecognized data type: {s}")
    return d


def is_dtype_symbol(s) -> bool:
    return isinstance(s, str) and s in _SYM_DTYPE


def k_dtype_for(x) -> torch.dtype:
    """The torch dtype a q value converts to (first item's type for general lists)."""
    while isinstance(x, list) and x:
        x = x[0]
    t = abs(qtype(x))
    d = _QTYPE_DTYPE.get(t)
    if d is None:
        raise QError(f"no torch type found for k: {kname(x)}")
    return d


# ---------------------------------------------------------------------------------------------
# k -> tensor

def _np_of(x, depth: int) -> np.ndarray:
    """numpy array for a q value (copied or freshly built), with ktorch's errors."""
    if isinstance(x, np.ndarray):
        if x.dtype == CHAR:
            return x.view(np.int8)
        if x.dtype == SYM or x.dtype not in _NP_OK:
            raise QError(f"no torch type found for k: {kname(x)}")
        return x
    if isinstance(x, list):
        n = len(x)
        if n == 0:
            return np.zeros(0, dtype=np.float32)
        first = x[0]
        t0 = qtype(first)
        c0 = _kcount(first)
        if isinstance(first, (QDict, QTable)) or first is None or t0 >= 100 or t0 == 11 \
                or t0 == -11:
            raise QError(f"no torch type found for k: {kname(first)}")
        for y in x[1:]:
            t = qtype(y)
            if t != t0:
                raise QError(f"type mismatch at depth {depth + 1}, {kname(first)} vs {kname(y)}")
            c = _kcount(y)
            if c != c0:
                raise QError(f"dimension mismatch at depth {depth + 1}, {c0} vs {c}")
        if t0 < 0:                                  # general list of atoms of one type
            return _np_of(np.array(x, dtype=x[0].dtype), depth)
        if t0 > 0:                                  # equal-length simple vectors
            arr = np.stack(x) if c0 else np.zeros((n, 0), dtype=first.dtype)
            return _np_of(arr, depth) if arr.dtype == CHAR else arr
        parts = [_np_of(y, depth + 1) for y in x]
        shapes = {p.shape for p in parts}
        if len(shapes) > 1:
            a, b = parts[0].shape, next(p.shape for p in parts if p.shape != parts[0].shape)
            k = next(i for i in range(min(len(a), len(b))) if a[i] != b[i]) \
                if len(a) == len(b) else 0
            if len(a) != len(b):
                raise QError(f"dimension mismatch at depth {depth + 1}")
            raise QError(f"dimension mismatch at depth {depth + 1 + k}, {a[k]} vs {b[k]}")
        dts = {p.dtype for p in parts}
        if len(dts) > 1:
            raise QError(f"type mismatch at depth {depth + 2}")
        return np.stack(parts)
    if isinstance(x, np.generic):
        if isinstance(x, np.bytes_):
            return np.array(x, dtype=CHAR).view(np.int8)
        if x.dtype not in _NP_OK:
            raise QError(f"no torch type found for k: {kname(x)}")
        return np.asarray(x)
    raise QError(f"no torch type found for k: {kname(x)}")


_NP_OK = frozenset(np.dtype(d) for d in (bool, np.uint8, np.int16, np.int32, np.int64,
                                         np.float32, np.float64, np.int8))


def _kcount(x) -> int:
    if isinstance(x, (np.ndarray, list)):
        return len(x)
    return -1          # atoms


def to_tensor(x, dtype: torch.dtype | None = None, device=None) -> torch.Tensor:
    """A new tensor (never sharing memory with x) from a q value. Its storage is torch's own
    (copied once from the k data), so it can grow in place as ktorch's can (`resize`)."""
    if isinstance(x, torch.Tensor):
        t = x
    else:
        t = torch.tensor(_np_of(x, 0))
    if dtype is not None or device is not None:
        t = t.to(device=device, dtype=dtype)
    return t


# ---------------------------------------------------------------------------------------------
# tensor -> k

def _rows(a: np.ndarray):
    if a.ndim == 1:
        return a
    if a.ndim == 2:
        return list(a)
    return [_rows(s) for s in a]


def to_k(t, complexfirst: bool = True):
    """q value of a tensor: 0-dim -> atom, 1-d -> vector, n-d -> nested general list.

    A complex tensor becomes its real representation, real and imaginary parts across the first
    dimension (complexfirst, ktorch's default) or the last; a sparse tensor its dense values."""
    if t is None:
        return None
    if not isinstance(t, torch.Tensor):
        raise QError(f"not a tensor: {type(t).__name__}")
    t = t.detach()
    if t.layout != torch.strided:
        t = t.to_dense()
    dt = t.dtype
    if dt.is_complex:
        r = torch.view_as_real(t.resolve_conj())
        return to_k(r.movedim(-1, 0) if complexfirst else r)
    # one copy into a fresh array: t.numpy() would share t's storage and so stop it growing
    # in place (`resize`) for as long as any numpy view of it lives
    if dt in (torch.float16, torch.bfloat16):
        npdt = np.dtype(np.float32)
    else:
        npdt = _TORCH_NP.get(dt, np.dtype(np.int8) if dt == torch.int8 else np.dtype(np.int64))
    a = np.empty(tuple(t.shape), dtype=npdt)
    torch.from_numpy(a).copy_(t)
    if dt == torch.int8:
        a = a.view(CHAR)
        if a.ndim == 0:
            return np.bytes_(a.tobytes())
    if a.ndim == 0:
        return a[()]
    return _rows(a)


def np_to_k(a: np.ndarray):
    """q value of a numpy array with a q dtype (n-d -> nested general list of row views)."""
    if a.ndim == 0:
        return a[()]
    return _rows(a)


def k_array(x) -> np.ndarray:
    """The numpy array of a q value (a simple vector as it is, never copied), with ktorch's type
    errors for values that have no tensor type."""
    if isinstance(x, np.ndarray) and x.dtype != object:
        return x
    return _np_of(x, 0)
