"""What every api call shares: its argument list, its options, and torch's errors as q errors.

An api function is monadic over one q value: `f(a;b;c)` passes a 3-item list, `f a` one value.
Options follow the positional arguments of a call, in one rule set for every function that takes
them (`loss`, `opt`, `emaparms`, `swalr`, `swag`, `sample`, `bma`, `twa`, `subspace`):

- first positionally, in the order of the function's option table;
- then by name, in any order and mix: a pair `(`name;value)`, a two-symbol list `` `name`value ``,
  a dictionary `` `a`b!(x;y) ``, or a boolean option's bare name (`` `diag `` means diag 1b);
- a positional value after a named one, an unknown name, or a name given twice is an error.

Each option has a kind that checks and converts its q value (see KINDS); the errors name the
function and the option, e.g. `'swalr: lr must be non-negative, given -0.1`.
"""
from __future__ import annotations

import math

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.types import SYM, QDict, QTable, from_items, syms, to_items
from .convert import kname

# ---------------------------------------------------------------------------------------------
# arguments


def args_of(x) -> list:
    """The argument list of a monadic api call: f(a;b) -> [a, b]; f a -> [a]; f[] -> []."""
    if x is None:
        return []
    if is_handle(x):
        return [x]
    if isinstance(x, list):
        return x
    return [x]


def py_value(v):
    """Python value of a q option value (atoms -> int/float/bool/str, null float -> None, lists
    -> tuples)."""
    if v is None:
        return None
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return None if np.isnan(v) else float(v)
    if isinstance(v, str):
        return v
    if isinstance(v, np.ndarray):
        return tuple(py_value(a) for a in v.tolist()) if v.dtype == SYM else tuple(
            py_value(a) for a in v)
    if isinstance(v, (int, float, bool)):
        return v
    if isinstance(v, list):
        return tuple(py_value(a) for a in v)
    raise QError(f"unrecognized option value: {kname(v)}")


def k_value(p, float_null: bool = False):
    """q value of a Python option value (None is a null float where the option is a float)."""
    if p is None:
        return np.float64("nan") if float_null else None
    if isinstance(p, bool):
        return np.bool_(p)
    if isinstance(p, int):
        return np.int64(p)
    if isinstance(p, float):
        return np.float64(p)
    if isinstance(p, str):
        return p
    if isinstance(p, tuple):
        return from_items([k_value(a) for a in p]) if p else np.array([], dtype=np.int64)
    return p


def options_k(o: dict) -> QDict:
    """k dictionary name -> value of an options dict (`loss l`, `opt o` show it)."""
    keys = list(o.keys())
    vals = [k_value(v) for v in o.values()]
    return QDict(syms(keys), from_items(vals) if vals else [])


# ---------------------------------------------------------------------------------------------
# option kinds: q value -> Python value, or a q error naming the function and option

def _is_null(v) -> bool:
    return v is None or (isinstance(v, np.floating) and np.isnan(v))


def _number(who, name, v) -> float:
    """A long/int/short/real/double atom as a float (a null float is not a number)."""
    if isinstance(v, (np.integer, np.floating)) and not isinstance(v, np.bool_) and not _is_null(v):
        return float(v)
    raise QError(f"{who}: {name} expects a number, given {kname(v)}")


def _nonneg(who, name, x: float) -> float:
    if not x >= 0:
        raise QError(f"{who}: {name} must be non-negative, given {x:g}")
    return x


def _k_float(who, name, v):
    return _number(who, name, v)


def _k_float_or_null(who, name, v):
    return None if _is_null(v) else _number(who, name, v)


def _k_nonneg_float(who, name, v):
    return _nonneg(who, name, _number(who, name, v))


def _k_nonneg_float_or_null(who, name, v):
    return None if _is_null(v) else _nonneg(who, name, _number(who, name, v))


def _k_long(who, name, v):
    p = py_value(v) if not isinstance(v, (np.ndarray, list)) else None
    if isinstance(p, bool) or not isinstance(p, int):
        raise QError(f"{who}: {name} expects a long, given {kname(v)}")
    return p


def _k_nonneg_long(who, name, v):
    p = py_value(v) if not isinstance(v, (np.ndarray, list)) else None
    if isinstance(p, bool) or not isinstance(p, int) or p < 0:
        raise QError(f"{who}: {name} expects a non-negative long, given {kname(v)}")
    return p


def _k_bool(who, name, v):
    p = py_value(v) if not isinstance(v, (np.ndarray, list)) else None
    if isinstance(p, int) and not isinstance(p, bool) and p in (0, 1):
        p = bool(p)
    if not isinstance(p, bool):
        raise QError(f"{who}: {name} expects a boolean, given {kname(v)}")
    return p


def _k_sym(who, name, v):
    if not isinstance(v, str):
        raise QError(f"{who}: {name} expects a symbol, given {kname(v)}")
    return v


def _k_nonneg_floats(who, name, v):
    """a non-negative double, or a list of them (one per parameter group)."""
    if isinstance(v, np.ndarray) and v.dtype.kind in "fi" and v.ndim == 1:
        return [_nonneg(who, name, float(a)) for a in v]
    return _nonneg(who, name, _number(who, name, v))


def _k_weights(who, name, v):
    """null, or numbers (per-class weights): a tuple of floats."""
    if isinstance(v, np.ndarray) and v.dtype.kind in "fiu" and v.ndim == 1:
        ws = tuple(float(a) for a in v)
    elif _is_null(v) or _empty(v):
        return None
    elif isinstance(v, (np.integer, np.floating)) and not isinstance(v, np.bool_):
        ws = (float(v),)
    else:
        raise QError(f"{who}: {name} expects null or numeric weights, given {kname(v)}")
    if not all(map(math.isfinite, ws)):
        raise QError(f"{who}: {name} expects finite weights")
    return ws


def _k_pos_long(who, name, v):
    p = _k_long(who, name, v)
    if p <= 0:
        raise QError(f"{who}: {name} must be a positive long, given {p}")
    return p


def _k_long_or_null(who, name, v):
    if _is_null(v) or (isinstance(v, np.integer) and v == np.iinfo(np.int64).min) or _empty(v):
        return None
    return _k_long(who, name, v)


def _empty(v) -> bool:
    return isinstance(v, (list, np.ndarray)) and len(v) == 0


def _longs_of(v):
    """The longs of a long/int/short atom or list (None when v is not that)."""
    if isinstance(v, np.integer) and not isinstance(v, np.bool_):
        return (int(v),)
    if isinstance(v, np.ndarray) and v.dtype.kind == "i" and v.ndim == 1:
        return tuple(int(a) for a in v)
    return None


def _k_size(who, name, v):
    """a long, or a list of longs (one per dimension): an int or a tuple."""
    ls = _longs_of(v)
    if ls is None:
        raise QError(f"{who}: {name} expects a long or list of longs, given {kname(v)}")
    return ls[0] if np.ndim(v) == 0 else ls


def _k_size_or_null(who, name, v):
    return None if _is_null(v) or _empty(v) else _k_size(who, name, v)


def _k_longs(who, name, v):
    """longs as a tuple (an atom is one long)."""
    ls = _longs_of(v)
    if ls is None:
        raise QError(f"{who}: {name} expects long(s), given {kname(v)}")
    return ls


def _k_floats(who, name, v):
    """numbers as a tuple of floats (an atom is one number)."""
    if isinstance(v, np.ndarray) and v.dtype.kind in "fi" and v.ndim == 1:
        return tuple(float(a) for a in v)
    return (_number(who, name, v),)


def _k_floats_or_null(who, name, v):
    return None if _is_null(v) or _empty(v) else _k_floats(who, name, v)


def _k_sym_or_string(who, name, v):
    if isinstance(v, str):
        return v
    if isinstance(v, np.ndarray) and v.dtype == np.dtype("S1"):
        return v.tobytes().decode()
    raise QError(f"{who}: {name} expects a symbol or string, given {kname(v)}")


def _k_syms(who, name, v):
    if isinstance(v, str):
        return (v,)
    if isinstance(v, np.ndarray) and v.dtype == SYM:
        return tuple(v)
    raise QError(f"{who}: {name} expects symbol(s), given {kname(v)}")


def _k_any(who, name, v):
    return v


KINDS = {
    "float": _k_float,                  # a number
    "float?": _k_float_or_null,         # a number or null
    "float>=0": _k_nonneg_float,        # a non-negative number (NaN refused)
    "float>=0?": _k_nonneg_float_or_null,
    "floats>=0": _k_nonneg_floats,      # non-negative double(s)
    "long": _k_long,                    # any integer
    "long>=0": _k_nonneg_long,
    "bool": _k_bool,                    # boolean, or 0/1 as a long
    "sym": _k_sym,
    "weights": _k_weights,              # null or numbers
    "long>0": _k_pos_long,
    "long?": _k_long_or_null,           # a long, or null / () for none
    "size": _k_size,                    # a long or longs (one per dimension)
    "size?": _k_size_or_null,
    "longs": _k_longs,                  # long(s) as a tuple
    "floats": _k_floats,                # number(s) as a tuple
    "floats?": _k_floats_or_null,
    "fn": _k_sym_or_string,             # a function: its name or its source
    "syms": _k_syms,
    "any": _k_any,                      # kept as given (the caller checks it)
}


REQUIRED = object()     # the default of an option that a call must give


def option_pairs(y, kinds) -> list | None:
    """The (name, value) pairs a named-option item gives, None when it gives none:
    (`name;value), `name`value, a dictionary, ((`a;x);(`b;y)) or (`a;x;`b;y)."""
    if isinstance(y, QDict) and not isinstance(y.keys, QTable):
        return list(zip(to_items(y.keys), to_items(y.values)))
    if type(y) is list and len(y) == 2 and isinstance(y[0], str):
        return [(y[0], y[1])]
    if isinstance(y, np.ndarray) and y.dtype == SYM and len(y) == 2 and y[0] in kinds:
        return [(y[0], y[1])]
    if type(y) is list and y and all(_pair(p, kinds) for p in y):
        return [(p[0], p[1]) for p in y]
    if type(y) is list and len(y) >= 4 and len(y) % 2 == 0 and all(
            isinstance(k, str) and k in kinds for k in y[::2]):
        return list(zip(y[::2], y[1::2]))
    return None


def _pair(p, kinds) -> bool:
    """(`name;value) or `name`value naming an option."""
    return (type(p) is list or isinstance(p, np.ndarray) and p.dtype == SYM) and len(p) == 2 \
        and isinstance(p[0], str) and p[0] in kinds


def options(who: str, table: list, items: list, missing: dict | None = None) -> dict:
    """Options of a call (module doc) -> name -> checked Python value, defaults filled in.

    table: [(name, default, kind)] in positional order; kind is a key of KINDS. A default is
    used as it is (not checked); a default of REQUIRED makes the option one the call must give
    (`'{who}: {name} not defined`, or the text `missing` gives for it)."""
    names = [t[0] for t in table]
    kinds = {t[0]: t[2] for t in table}
    given: dict = {}

    def put(k, v):
        if not isinstance(k, str):
            raise QError(f"{who}: option names must be symbols, given {kname(k)}")
        if k not in kinds:
            raise QError(f"{who}: unrecognized option: {k}")
        if k in given:
            raise QError(f"{who}: option {k} given more than once")
        given[k] = v

    pos = 0
    named = False
    for y in items:
        pairs = option_pairs(y, kinds)
        if pairs is not None:
            named = True
            for k, v in pairs:
                put(k, v)
        elif isinstance(y, str) and kinds.get(y) == "bool":
            named = True
            put(y, np.bool_(True))
        elif named:
            raise QError(f"{who}: positional arg given after name-value pair(s)")
        else:
            if pos >= len(names):
                raise QError(f"{who}: expecting up to {len(names)} positional arg(s), "
                             f"given {pos + 1}")
            put(names[pos], y)
            pos += 1
    out = {}
    for name, default, kind in table:
        if name in given:
            out[name] = (kind if callable(kind) else KINDS[kind])(who, name, given[name])
        elif default is REQUIRED:
            raise QError(f"{who}: " + (missing or {}).get(name, f"{name} not defined"))
        else:
            out[name] = default
    return out


# ---------------------------------------------------------------------------------------------
# values written into a module's weights (or any tensor updated in place)

def check_write(who: str, name: str, dst, src) -> None:
    """A q error, naming the function and the weight, for values that torch would copy but that
    are not meant for it: char data (k strings become int8 tensors) into a floating weight, and
    a one-element list, which torch would broadcast over the whole weight. A scalar still fills
    a weight, and a shape that broadcasts along a dimension of 1 still copies, as in ktorch."""
    if (dst.is_floating_point() or dst.is_complex()) and src.dtype is torch.int8:
        raise QError(f"{who}: {name} expects numbers, given char data")
    if src.dim() and src.numel() == 1 and dst.numel() > 1:
        raise QError(f"{who}: {name} has shape {list(dst.shape)}, given a one-element "
                     f"{list(src.shape)}; give a scalar to fill it")


# ---------------------------------------------------------------------------------------------
# torch's errors

# what torch (and the kernels in ktwa.averaging) raise for bad input: shapes, dtypes, values
TORCH_ERRORS = (RuntimeError, ValueError, TypeError, IndexError)


def torch_error(err: BaseException, who: str | None = None) -> QError:
    """The q error for an exception raised by torch: its message's first line, without the C++
    frames libtorch appends (torch's text is kept: it is what ktorch shows), prefixed by `who:`
    when given."""
    s = str(err.args[0]) if err.args else str(err)
    s = s.split("\nException raised from")[0].strip().split("\n")[0]
    return QError(f"{who}: {s}" if who else s)


def torch_run(fn, *args, **kw):
    """fn(*args, **kw), a call into torch: torch's own errors become q errors (torch_error)."""
    try:
        return fn(*args, **kw)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
