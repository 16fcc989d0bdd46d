"""Python values <-> q values, for programs and notebooks that hand data across
(`Session.push`, `Session.pull`)."""
from __future__ import annotations

import numpy as np

from . import temporal, types as T


def to_q(x):
    """A Python value as a q value: int -> long, float -> float, bool -> boolean, str -> symbol,
    bytes -> string, None -> ::, numpy arrays keep their type (unicode -> symbols), uniform
    lists -> vectors, dicts -> dictionaries (a dict of equal-length columns stays a dict;
    `flip` makes it a table). q values pass through."""
    if x is None or isinstance(x, (T.QDict, T.QTable)):
        return x
    if isinstance(x, (bool, np.bool_)):
        return np.bool_(x)
    if isinstance(x, (int, np.integer)) and not isinstance(x, np.generic):
        return np.int64(x)
    if isinstance(x, float):
        return np.float64(x)
    if isinstance(x, np.generic):
        return _np_atom(x)
    if isinstance(x, str):
        return x
    if isinstance(x, (bytes, bytearray)):
        return T.chars(bytes(x))
    if hasattr(x, "detach") and hasattr(x, "numpy"):       # a torch tensor: its values
        return to_q(x.detach().cpu().numpy())
    if isinstance(x, np.ndarray):
        return _np_array(x)
    if isinstance(x, dict):
        keys = [to_q(k) for k in x]
        return T.QDict(T.from_items(keys) if keys else T.syms([]),
                       T.from_items([to_q(v) for v in x.values()]) if x else [])
    if isinstance(x, (list, tuple, range)):
        items = [to_q(v) for v in x]
        return T.from_items(items) if items else []
    if hasattr(x, "columns") and hasattr(x, "to_dict"):      # a pandas DataFrame
        return T.QTable([str(c) for c in x.columns], [to_q(x[c].to_numpy()) for c in x.columns])
    raise TypeError(f"no q value for {type(x).__name__}")


def _np_atom(x: np.generic):
    if isinstance(x, np.str_):
        return str(x)
    if x.dtype.kind in "mM":            # numpy counts from 1970, q from 2000
        return temporal.from_numpy(np.asarray(x))
    if x.dtype in T.DTYPE_TYPE:
        return x
    if np.issubdtype(x.dtype, np.floating):
        return np.float32(x) if x.dtype.itemsize < 4 else np.float64(x)
    if np.issubdtype(x.dtype, np.integer):
        return np.int64(x)
    raise TypeError(f"no q atom for numpy {x.dtype}")


def _np_array(a: np.ndarray):
    if a.ndim == 0:
        return _np_atom(a[()])
    if a.ndim > 1:
        return [_np_array(r) for r in a]
    if a.dtype.kind == "U":
        return T.syms(a.tolist())
    if a.dtype.kind == "S":
        return T.chars(b"".join(a.tolist()))
    if a.dtype.kind in "mM":
        return temporal.from_numpy(a)
    if a.dtype in T.DTYPE_TYPE and a.dtype != T.SYM:
        return a.copy()
    if a.dtype.kind == "f":
        return a.astype(np.float32 if a.dtype.itemsize < 4 else np.float64)
    if a.dtype.kind in "iu":
        return a.astype(np.int64)
    return T.from_items([to_q(v) for v in a.tolist()]) if len(a) else []


def to_py(x):
    """A q value as Python: vectors -> numpy arrays (strings -> str, symbols -> arrays of str),
    atoms -> numpy scalars (symbols -> str), dictionaries -> dict, tables -> dict of columns,
    general lists -> list, :: -> None; functions and handles stay q values."""
    if isinstance(x, T.QTable):
        return {c: to_py(v) for c, v in zip(x.cols, x.data)}
    if isinstance(x, T.QDict):
        if isinstance(x.keys, T.QTable):
            return {**to_py(x.keys), **to_py(x.values)}
        keys = [_hashable(to_py(k)) for k in T.to_items(x.keys)]
        return dict(zip(keys, [to_py(v) for v in T.to_items(x.values)]))
    if isinstance(x, (np.ndarray, np.datetime64, np.timedelta64)) and x.dtype.kind in "mM":
        return temporal.to_numpy(x, T.DTYPE_TYPE[x.dtype])
    if isinstance(x, np.ndarray):
        if x.dtype == T.CHAR:
            return b"".join(x.tolist()).decode("utf-8", "replace")
        return np.asarray(x).copy()
    if isinstance(x, np.bytes_):
        return x.decode("utf-8", "replace")
    if isinstance(x, list):
        return [to_py(v) for v in x]
    return x


def _hashable(k):
    if isinstance(k, np.ndarray):
        return tuple(k.tolist())
    if isinstance(k, list):
        return tuple(_hashable(v) for v in k)
    return k
