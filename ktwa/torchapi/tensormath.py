"""Tensor math (ktorch's math pages): pointwise, reductions, comparisons, sorting, matrix
products, random fills and activation functions, with the argument forms ktorch gives them.

Every function takes tensors or k data. A tensor handle in the input gives a tensor handle back
(so arithmetic on tensors that require gradients builds a graph, and `backward` runs over it);
k data gives k data. Where ktorch has them, the last argument may be an output tensor (the
result is written into it and the call returns null) or, for functions with an in-place form,
an empty argument (`::` or `()`), which changes the input tensor in place.

Arguments are read as ktorch reads them: after the input, optional trailing arguments are
recognised from the end by their type (an output tensor or vector, a dtype symbol, a boolean,
a dimension or dimensions), so `mean(x;0)`, `mean(x;0;1b)` and `mean(x;0 1;1b;`double)` all
work; an argument that is recognised as nothing is an error with ktorch's text.

Names: PyTorch names that are q keywords take a capital first letter (`Abs Exp Log Sqrt Sum Max
Min Neg Not Floor Div All Any Flip Cos Sin Tan Acos Asin Atan Reciprocal In`).
"""
from __future__ import annotations

import warnings

import numpy as np
import torch
import torch.nn.functional as F

from ..errors import QError
from ..registry import is_handle
from ..values.functions import Definitions
from ..values.types import from_items
from . import knn
from .calls import option_pairs, options, torch_run as _run
from .convert import dtype_from_symbol, is_dtype_symbol, kname, to_tensor
from .kinds import MODULES
from .objects import TensorVector
from .state import generator_for, session_rng
from .tensorops import (_flag, _long, _longs, input_tensor, is_tensor, k_of, looks_like_array,
                        result, tensor_of)
from .trailing import Rest, is_vector, read_input

define = Definitions()



def _empty(x) -> bool:
    """ktorch's xempty: the generic null or an empty list (in-place marker)."""
    return x is None or (isinstance(x, list) and not x)


def _num(x) -> bool:
    """A long or double atom (ktorch's xnum)."""
    return isinstance(x, (np.int64, np.float64)) and not isinstance(x, np.bool_)


def _scalar(x) -> bool:
    """A numeric or boolean k atom (ktorch's xscalar)."""
    return isinstance(x, np.generic) and not isinstance(x, (np.bytes_, np.str_)) and \
        x.dtype.kind in "biuf"


def _py(x):
    return x.item() if isinstance(x, np.generic) else x


def _dtype(x) -> bool:
    return isinstance(x, str) and is_dtype_symbol(x)


def _pair(ctx, x, who):
    """(a, b, any handle) of ktorch's xtenarg over the first two items."""
    a, pa = input_tensor(ctx, x[0], who)
    b, pb = input_tensor(ctx, x[1], who)
    return a, b, pa or pb


def _rows2(x, who, n=(2, 2), what="a pair of values"):
    """A simple k list read as its rows: ktorch's form `f 2 3` for f(2;3)."""
    a = to_tensor(x)
    if not (a.dim() and n[0] <= a.size(0) <= n[1]):
        raise QError(f"{who}: unable to derive {what} from inputs of size {list(a.shape)}")
    return a


def _out(ctx, r, fn, *args, **kw) -> None:
    """Write a result into output tensor r (torch's out= form). torch's warnings (an output of
    another size is resized) go to stderr as libtorch prints them, without Python's frames."""
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        _run(fn, *args, out=r, **kw)
    for w in seen:
        ctx.write(2, f"Warning: {w.message}\n")
    return None


def _tuple_result(ctx, as_handle: bool, ts, out=None):
    """A pair (values, indices ...): a vector handle for tensor input, else k lists; written
    into an output vector when one is given."""
    ts = list(ts)
    if out is not None:             # ktorch's koutput: the first len(ts) are replaced, any
        out.tensors[:len(ts)] = ts  # further tensors of the vector stay as they were
        return None
    if as_handle:
        return ctx.registry.new(TensorVector(ts), "vector")
    return from_items([k_of(ctx, t) for t in ts])      # atoms of one type make a vector


class Trailing:
    """A reading of `f x`, `f k-data` or `(input;args..)` (trailing.read_input) by a list of
    steps: (name, test, value) tried in order, each at most once, on the last unread
    argument."""

    def __init__(self, who, usage, most, steps, whole=4, count_text=None, left_text=None):
        self.who, self.most, self.steps, self.whole = who, most, steps, whole
        self.texts = (count_text or (f"{who}: expecting up to {most} args, ({usage}), "
                                     "given {n}"),
                      left_text or (f"{who}: unrecognized args, expecting up to {most}, "
                                    f"({usage})"))

    def read(self, ctx, x):
        """(input tensor, given as handle, {name: value}, bare) - bare: no list of args."""
        def steps(rest):
            if rest is None:
                return {}, True
            got = {}
            for name, test, value in self.steps:
                n = rest.n
                v = rest.take(lambda a: test(ctx, a))
                if rest.n < n:
                    got[name] = value(ctx, v)
            return got, False
        t, p, (got, bare) = read_input(ctx, x, self.who, self.most, self.texts, steps,
                                       whole=self.whole)
        return t, p, got, bare


def _t_out(ctx, v):
    return is_tensor(ctx, v)


def _v_out(ctx, v):
    return is_vector(ctx, v)


OUT = ("out", _t_out, lambda ctx, v: tensor_of(ctx, v, "output"))
VOUT = ("vout", _v_out, lambda ctx, v: ctx.registry.entry(v).obj)
DTYPE = ("dtype", lambda ctx, v: _dtype(v), lambda ctx, v: dtype_from_symbol(v))
KEEP = ("keep", lambda ctx, v: _flag(v), lambda ctx, v: bool(v))
DIM = ("dim", lambda ctx, v: _long(v), lambda ctx, v: int(v))
DIMS = ("dims", lambda ctx, v: _longs(v) is not None, lambda ctx, v: _longs(v))


# ---------------------------------------------------------------------------------------------
# pointwise, one input: f x | f(x;::) in place | f(x;out)

def _unary(who, fn, inplace=None):
    def f(ctx, x):
        if is_tensor(ctx, x):
            return ctx.registry.new(_run(fn, tensor_of(ctx, x, who)), "tensor")
        if isinstance(x, list) and len(x) == 2 and is_tensor(ctx, x[0]) and _empty(x[1]):
            if inplace is None:
                raise QError(f"{who}: no in-place method")
            _run(getattr(tensor_of(ctx, x[0], who), inplace))
            return None
        if isinstance(x, list) and len(x) == 2 and is_tensor(ctx, x[1]) and not is_handle(x):
            t, _ = input_tensor(ctx, x[0], who)
            return _out(ctx, tensor_of(ctx, x[1], who), fn, t)
        return k_of(ctx, _run(fn, to_tensor(x)))
    f.__name__ = f"k_{who}"
    return f


_UNARY = [
    ("Abs", torch.abs, "abs_"), ("Acos", torch.acos, "acos_"), ("angle", torch.angle, None),
    ("Asin", torch.asin, "asin_"), ("Atan", torch.atan, "atan_"),
    ("bitwisenot", torch.bitwise_not, "bitwise_not_"), ("ceil", torch.ceil, "ceil_"),
    ("Cos", torch.cos, "cos_"), ("cosh", torch.cosh, "cosh_"),
    ("digamma", torch.digamma, "digamma_"), ("erf", torch.erf, "erf_"),
    ("erfc", torch.erfc, "erfc_"), ("erfinv", torch.erfinv, "erfinv_"),
    ("Exp", torch.exp, "exp_"), ("expm1", torch.expm1, "expm1_"),
    ("Floor", torch.floor, "floor_"), ("frac", torch.frac, "frac_"),
    ("inverse", torch.inverse, None), ("lgamma", torch.lgamma, "lgamma_"),
    ("Log", torch.log, "log_"), ("log10", torch.log10, "log10_"), ("log1p", torch.log1p, "log1p_"),
    ("log2", torch.log2, "log2_"), ("msort", torch.msort, None), ("Neg", torch.neg, "neg_"),
    ("Not", torch.logical_not, "logical_not_"), ("Reciprocal", torch.reciprocal, "reciprocal_"),
    ("round", torch.round, "round_"), ("rsqrt", torch.rsqrt, "rsqrt_"),
    ("sigmoid", torch.sigmoid, "sigmoid_"), ("sgn", torch.sgn, "sgn_"),
    ("sign", torch.sign, "sign_"), ("Sin", torch.sin, "sin_"), ("sinh", torch.sinh, "sinh_"),
    ("Sqrt", torch.sqrt, "sqrt_"), ("Tan", torch.tan, "tan_"), ("tanh", torch.tanh, "tanh_"),
    ("trunc", torch.trunc, "trunc_"),
]


# ---------------------------------------------------------------------------------------------
# pointwise, two inputs: f(x;y) | f(x;y;::) in place | f(x;y;out); y may be a scalar

def _binary(who, fn, inplace=None, scalar=True):
    def f(ctx, x):
        if isinstance(x, np.ndarray):
            a = _rows2(x, who)
            return k_of(ctx, _run(fn, a[0], a[1]))
        if not isinstance(x, list) or is_handle(x):
            raise QError(f"{who}: not implemented for {kname(x)}")
        if len(x) not in (2, 3):
            raise QError(f"{who}: expecting 2-3 args, (x;y) or (x;y;output), but given {len(x)}")
        e = len(x) == 3 and _empty(x[2])
        if len(x) == 3 and not (e or is_tensor(ctx, x[2])):
            raise QError(f"{who}: need an output tensor for 3rd argument, given {kname(x[2])}")
        if _scalar(x[1]):
            a, p = input_tensor(ctx, x[0], who)
            b = _py(x[1])
        else:
            a, b, p = _pair(ctx, x, who)
        if e:
            if inplace is None:
                raise QError(f"{who}: no in-place call implemented")
            _run(getattr(a, inplace), b)
            return None if is_handle(x[0]) else k_of(ctx, a)
        if len(x) == 3:
            if not isinstance(b, torch.Tensor):
                b = torch.tensor(b, device=a.device)
            return _out(ctx, tensor_of(ctx, x[2], who), fn, a, b)
        if not scalar and not isinstance(b, torch.Tensor):
            b = torch.tensor(b, device=a.device)
        return result(ctx, p, _run(fn, a, b))
    f.__name__ = f"k_{who}"
    return f


_BINARY = [
    ("atan2", torch.atan2, "atan2_", False), ("Div", torch.div, "div_", True),
    ("fmax", torch.fmax, None, False), ("fmin", torch.fmin, None, False),
    ("fmod", torch.fmod, "fmod_", True), ("maximum", torch.maximum, None, False),
    ("minimum", torch.minimum, None, False), ("mul", torch.mul, "mul_", True),
    ("remainder", torch.remainder, "remainder_", True),
    ("xor", torch.logical_xor, "logical_xor_", False),
    ("eq", torch.eq, "eq_", True), ("ge", torch.ge, "ge_", True), ("gt", torch.gt, "gt_", True),
    ("le", torch.le, "le_", True), ("lt", torch.lt, "lt_", True), ("ne", torch.ne, "ne_", True),
]


def k_add(ctx, x):
    """add(x;y) | add(x;y;multiplier) | add(..;out): x + multiplier * y."""
    if isinstance(x, np.ndarray):
        a = to_tensor(x)
        n = a.size(0) if a.dim() else 0
        if not 1 < n < 4:
            raise QError(f"add: 2-3 inputs expected, (x;y;multiplier), but {n} given")
        return k_of(ctx, _run(torch.add, a[0], a[1], alpha=a[2].item() if n == 3 else 1))
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"add: not implemented for {kname(x)}")
    n = len(x)
    if not 1 < n < 5:
        raise QError(f"add: 2-4 args expected, (x;y;multiplier;output), but {n} given")
    out, m = None, 1
    if n > 2 and is_tensor(ctx, x[n - 1]):
        out, n = tensor_of(ctx, x[n - 1], "add"), n - 1
    if n > 2 and _num(x[n - 1]):
        m, n = _py(x[n - 1]), n - 1
    if n != 2:
        raise QError("add: unrecognized arg(s) expecting 2-4 args, (x;y;multiplier;output)")
    a, b, p = _pair(ctx, x, "add")
    if out is not None:
        return _out(ctx, out, torch.add, a, b, alpha=m)
    return result(ctx, p, _run(torch.add, a, b, alpha=m))


def _pow(who, fn, inplace):
    def f(ctx, x):
        e = isinstance(x, list) and len(x) == 3 and _empty(x[2])
        out = tensor_of(ctx, x[2], who) if isinstance(x, list) and len(x) == 3 and \
            is_tensor(ctx, x[2]) else None
        n = len(x) - 1 if (e or out is not None) else (len(x) if isinstance(x, (list, np.ndarray))
                                                        else 1)
        if n != 2 or is_handle(x):
            raise QError(f"{who}: expects inputs x,y with optional output tensor or null as 3rd "
                         f"arg")
        if isinstance(x, np.ndarray):
            a = to_tensor(x)
            a, b, p = a[0], a[1], False
        elif _num(x[0]) and not _num(x[1]):
            b, p = input_tensor(ctx, x[1], who)
            a = _py(x[0])
        elif _num(x[1]):
            a, p = input_tensor(ctx, x[0], who)
            b = _py(x[1])
        else:
            a, b, p = _pair(ctx, x, who)
        if e:
            if not isinstance(a, torch.Tensor):
                raise QError(f"{who}: cannot be called in-place on a scalar")
            _run(getattr(a, inplace), b)
            return None if p else k_of(ctx, a)
        if out is not None:
            return _out(ctx, out, fn, a, b)
        return result(ctx, p, _run(fn, a, b))
    f.__name__ = f"k_{who}"
    return f


def k_clamp(ctx, x):
    """clamp(x;lo;hi) | clamp(x;lo;hi;out): lo, hi numbers or nulls (no limit)."""
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"clamp: not implemented for {kname(x)}")

    def limit(v):
        if v is None or (isinstance(v, np.floating) and np.isnan(v)) or (
                _long(v) and v == np.iinfo(np.int64).min):
            return None
        return _py(v)
    if len(x) < 3 or not all(v is None or _num(v) for v in x[1:3]):
        raise QError("clamp: expecting 2nd & 3rd arg to be numeric low & high limits")
    if not (len(x) == 3 or (len(x) == 4 and is_tensor(ctx, x[3]))):
        raise QError("clamp: unexpected arg(s), expecting (input;lo;hi) or (input;lo;hi;output)")
    t, p = input_tensor(ctx, x[0], "clamp")
    lo, hi = limit(x[1]), limit(x[2])
    if len(x) == 4:
        return _out(ctx, tensor_of(ctx, x[3], "clamp"), torch.clamp, t, lo, hi)
    return result(ctx, p, _run(torch.clamp, t, lo, hi))


def _addc(who, fn):
    """addcmul addcdiv: x + m * y*z (y/z), (x;y;z;multiplier;output)."""
    def f(ctx, x):
        if isinstance(x, np.ndarray):
            a = to_tensor(x)
            n = a.size(0) if a.dim() else 0
            if not 2 < n < 5:
                raise QError(f"{who}: 3-4 inputs expected, (x;y;z;multiplier), but {n} given")
            return k_of(ctx, _run(fn, a[0], a[1], a[2], value=a[3].item() if n == 4 else 1))
        if not isinstance(x, list) or is_handle(x):
            raise QError(f"{who}: not implemented for {kname(x)}")
        n = len(x)
        if not 2 < n < 6:
            raise QError(f"{who}: 3-5 args expected, (x;y;z;multiplier;output), but {n} given")
        out, m = None, 1
        if n > 3 and is_tensor(ctx, x[n - 1]):
            out, n = tensor_of(ctx, x[n - 1], who), n - 1
        if n > 3 and _num(x[n - 1]):
            m, n = _py(x[n - 1]), n - 1
        if n != 3:
            raise QError(f"{who}: unrecognized arg(s) expecting 3-5 args, "
                         f"(x;y;z;multiplier;output)")
        ts = [input_tensor(ctx, v, who) for v in x[:3]]
        p = any(h for _, h in ts)
        args = [t for t, _ in ts]
        if out is not None:
            return _out(ctx, out, fn, *args, value=m)
        return result(ctx, p, _run(fn, *args, value=m))
    f.__name__ = f"k_{who}"
    return f


def k_lerp(ctx, x):
    """lerp(x;y;w) | lerp(x;y;w;out): x + w*(y-x), w a number or tensor/k data."""
    if isinstance(x, np.ndarray):
        a = to_tensor(x)
        if a.dim() == 0 or a.size(0) not in (3, 4):
            raise QError(f"lerp: 3-4 arguments expected, (x;y;wt;output), but "
                         f"{a.size(0) if a.dim() else 1} supplied")
        return k_of(ctx, _run(torch.lerp, a[0], a[1], a[2].item()))
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"lerp: not implemented for {kname(x)}")
    n = len(x)
    if not 2 < n < 5:
        raise QError(f"lerp: 3-4 arguments expected, (x;y;wt;output), but {n} supplied")
    if n == 4 and not is_tensor(ctx, x[3]):
        raise QError(f"lerp: optional 4th arg is an output tensor, but given {kname(x[3])}")
    a, b, p = _pair(ctx, x, "lerp")
    if _num(x[2]):
        w = _py(x[2])
    else:
        w, pw = input_tensor(ctx, x[2], "lerp")
        p = p or pw
    if n == 4:
        return _out(ctx, tensor_of(ctx, x[3], "lerp"), torch.lerp, a, b, w)
    return result(ctx, p, _run(torch.lerp, a, b, w))


def _cum(who, fn):
    parse = Trailing(who, "input;dim;dtype;output", 4, [OUT, DTYPE, DIM], whole=5,
                     count_text=f"{who}: expecting up to 4 args, (input;dim;dtype;output), "
                                "given {n}",
                     left_text=f"{who}: unrecognized args, expecting up to 4, "
                               f"(input;dim;dtype;output)")

    def f(ctx, x):
        t, p, a, _ = parse.read(ctx, x)
        kw = {"dim": a.get("dim", -1), "dtype": a.get("dtype")}
        if "out" in a:
            return _out(ctx, a["out"], fn, t, **kw)
        return result(ctx, p, _run(fn, t, **kw))
    f.__name__ = f"k_{who}"
    return f


# ---------------------------------------------------------------------------------------------
# reductions

def _mean(who, fn):
    parse = Trailing(who, "input;dim;keepdim;dtype;output", 5, [OUT, DTYPE, KEEP, DIMS], whole=5,
                     left_text=f"{who}: unrecognized args, expecting up to 4, "
                               f"(input;dim;keepdim;output)")

    def f(ctx, x):
        t, p, a, _ = parse.read(ctx, x)
        dims = a.get("dims") or None
        kw = {"dtype": a.get("dtype")}
        if who == "prod":
            if dims is not None and len(dims) != 1:
                raise QError(f"prod: product can only be calculated along a single dimension, "
                             f"given {len(dims)}")
            args = (t,) if dims is None else (t, dims[0], a.get("keep", False))
        else:
            args = (t,) if dims is None else (t, dims, a.get("keep", False))
        if "out" in a:
            if dims is None:
                args = (t, list(range(t.dim())) if who != "prod" else -1, a.get("keep", False))
            return _out(ctx, a["out"], fn, *args, **kw)
        return result(ctx, p, _run(fn, *args, **kw))
    f.__name__ = f"k_{who}"
    return f


def _float(t: torch.Tensor) -> torch.Tensor:
    return t if t.is_floating_point() or t.is_complex() else t.to(torch.float32)


def _var(who, fn, pair=False):
    most = 4 if pair else 5
    usage = "input;dim;unbiased;keepdim" + ("" if pair else ";output")

    def f(ctx, x):
        if is_tensor(ctx, x):
            t, p, dims, u, k, out = tensor_of(ctx, x, who), True, None, True, False, None
        elif not isinstance(x, list) or looks_like_array(x, most):
            t, p, dims, u, k, out = to_tensor(x), False, None, True, False, None
        else:
            n = len(x)
            if not 0 < n <= most:
                raise QError(f"{who}: expecting 1-{most} args, ({usage}), given {n}")
            dims, u, k, out = None, True, False, None
            if not pair and n > 1 and is_tensor(ctx, x[n - 1]):
                out, n = tensor_of(ctx, x[n - 1], who), n - 1
            if n > 2 and _flag(x[n - 2]) and _flag(x[n - 1]):
                u, k, n = bool(x[n - 2]), bool(x[n - 1]), n - 2
            if n > 1 and _flag(x[n - 1]):
                u, n = bool(x[n - 1]), n - 1
            if n > 1 and _longs(x[n - 1]) is not None:
                dims, n = _longs(x[n - 1]), n - 1
            if n != 1:
                raise QError(f"{who}: unrecognized args, expecting up to {most}, ({usage})")
            t, p = input_tensor(ctx, x[0], who)
        t = _float(t)
        args = (t,) if dims is None else (t, dims)
        kw = {"correction": 1 if u else 0}
        if dims is not None:
            kw["keepdim"] = k
        if pair:
            s, m = _run(fn, *args, **kw)
            return result(ctx, p, torch.stack([m, s]))
        if out is not None:
            return _out(ctx, out, fn, t, dims, keepdim=k, correction=kw["correction"])
        return result(ctx, p, _run(fn, *args, **kw))
    f.__name__ = f"k_{who}"
    return f


def _argdim(who, fn, dims=False, need_dim=False, any_all=False):
    """argmax argmin amax amin logsumexp all any: (input;dim;keepdim;output)."""
    parse = Trailing(who, "input;dim;keepdim;output", 4, [OUT, KEEP, DIMS if dims else DIM])

    def f(ctx, x):
        t, p, a, bare = parse.read(ctx, x)
        if need_dim and not a.get("dims"):
            raise QError(f"{who}: needs explicit dimension(s) for log of summed exponentials")
        if any_all and (bare or ("dim" not in a)):
            if "out" in a:
                return _out(ctx, a["out"], fn, t)
            return result(ctx, p, _run(fn, t))
        d = a.get("dims" if dims else "dim")
        if dims:
            d = d or []
        elif d is None and not any_all:
            d = None
        kw = {"keepdim": a.get("keep", False)}
        if "out" in a:
            return _out(ctx, a["out"], fn, t, d, **kw)
        return result(ctx, p, _run(fn, t, d, **kw))
    f.__name__ = f"k_{who}"
    return f


def _max(who, mode):
    """Max Min aminmax: whole input -> value(s); with a dimension -> values and indices."""
    parse = Trailing(who, "input;dim;keepdim;output", 4, [VOUT, KEEP, DIM])

    def f(ctx, x):
        t, p, a, bare = parse.read(ctx, x)
        if bare or "dim" not in a and "keep" not in a and "vout" not in a:
            if mode == "aminmax":
                lo, hi = _run(torch.aminmax, t)
                return result(ctx, p, torch.stack([lo, hi]).reshape(2))
            return result(ctx, p, _run(torch.max if mode == "max" else torch.min, t))
        d, k = a.get("dim", -1), a.get("keep", False)
        if mode == "aminmax":
            r = _run(torch.aminmax, t, dim=d, keepdim=k)
        else:
            r = _run(torch.max if mode == "max" else torch.min, t, d, k)
        return _tuple_result(ctx, p, r, a.get("vout"))
    f.__name__ = f"k_{who}"
    return f


def _median(who, fn_all, fn_dim):
    parse = Trailing(who, "input;dim;keepdim;output", 4, [VOUT, KEEP, DIM])

    def f(ctx, x):
        t, p, a, bare = parse.read(ctx, x)
        if fn_all is not None and (bare or not a):
            return result(ctx, p, _run(fn_all, t))
        r = _run(fn_dim, t, a.get("dim", -1), a.get("keep", False))
        return _tuple_result(ctx, p, r, a.get("vout"))
    f.__name__ = f"k_{who}"
    return f


def k_sort(ctx, x):
    if is_tensor(ctx, x):
        t, p, d, dn, st, v = tensor_of(ctx, x, "sort"), True, -1, False, None, None
    elif not isinstance(x, list) or looks_like_array(x, 5):
        t, p, d, dn, st, v = to_tensor(x), False, -1, False, None, None
    else:
        n = len(x)
        if not 0 < n < 6:
            raise QError(f"sort: expecting up to 5 args, (input;dim;descend;stable;output), given "
                         f"{n}")
        d, dn, st, v = -1, False, None, None
        if n > 1 and is_vector(ctx, x[n - 1]):
            v, n = ctx.registry.entry(x[n - 1]).obj, n - 1
        if n > 2 and _flag(x[n - 2]) and _flag(x[n - 1]):
            dn, st, n = bool(x[n - 2]), bool(x[n - 1]), n - 2
        if n > 1 and _flag(x[n - 1]):
            dn, n = bool(x[n - 1]), n - 1
        if n > 1 and _long(x[n - 1]):
            d, n = int(x[n - 1]), n - 1
        if n != 1:
            raise QError("sort: unrecognized args, expecting up to 5, "
                         "(input;dim;descend;stable;output)")
        t, p = input_tensor(ctx, x[0], "sort")
    r = _run(torch.sort, t, dim=d, descending=dn, stable=st)
    return _tuple_result(ctx, p, r, v)


_argsort_parse = Trailing("argsort", "input;dim;descend", 3,
                          [("desc", lambda c, v: _flag(v), lambda c, v: bool(v)), DIM], whole=5,
                          count_text="argsort: expecting up to 3 args, (input;dim;descend), "
                                     "given {n}",
                          left_text="argsort: unrecognized args, expecting up to 3, "
                                    "(input;dim;descend)")


def k_argsort(ctx, x):
    t, p, a, _ = _argsort_parse.read(ctx, x)
    return result(ctx, p, _run(torch.argsort, t, dim=a.get("dim", -1),
                               descending=a.get("desc", False)))


def k_topk(ctx, x):
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"topk: not implemented for {kname(x)}")
    n = len(x)
    if not 1 < n < 7:
        raise QError(f"topk: expecting 2-6 args, (input;k;dim;largest;sort;output), given {n}")
    v = None
    if n > 2 and is_vector(ctx, x[n - 1]):
        v, n = ctx.registry.entry(x[n - 1]).obj, n - 1
    if n >= 6:
        raise QError(f"topk: unrecognized 6th argument, expecting outout vector, given "
                     f"{kname(x[5])}")
    if not _long(x[1]):
        raise QError(f"topk: expecting number of values as 2nd arg, given {kname(x[1])}")
    k, d, large, srt = int(x[1]), -1, True, True
    if n > 2:
        if _long(x[2]):
            d = int(x[2])
            if n > 3 and not _flag(x[3]):
                raise QError(f"topk: unrecognized 4th arg, expecting largest flag, given "
                             f"{kname(x[3])}")
            if n > 4 and not _flag(x[4]):
                raise QError(f"topk: unrecognized 5th arg, expecting sort flag, given "
                             f"{kname(x[4])}")
            large = bool(x[3]) if n > 3 else True
            srt = bool(x[4]) if n > 4 else True
        else:
            if not _flag(x[2]):
                raise QError(f"topk: unrecognized 3rd arg, expecting dimension or largest flag, "
                             f"given {kname(x[2])}")
            if n > 3 and not _flag(x[3]):
                raise QError(f"topk: unrecognized 4th arg, expecting sort flag, given "
                             f"{kname(x[3])}")
            if n > 4:
                raise QError(f"topk: unexpected 5th arg, {kname(x[4])}")
            large = bool(x[2])
            srt = bool(x[3]) if n > 3 else True
    t, p = input_tensor(ctx, x[0], "topk")
    return _tuple_result(ctx, p, _run(torch.topk, t, k, d, large, srt), v)


def k_kthvalue(ctx, x):
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"kthvalue: not implemented for {kname(x)}")
    n = len(x)
    if not 1 < n < 6:
        raise QError(f"kthvalue: expecting 2-5 args, (input;k;dim;keepdim;output), given {n}")
    v = None
    if n > 2 and is_vector(ctx, x[n - 1]):
        v, n = ctx.registry.entry(x[n - 1]).obj, n - 1
    if not _long(x[1]):
        raise QError(f"kthvalue: expecting k-th value as 2nd arg, given {kname(x[1])}")
    d, kd = -1, False
    if n > 2:
        if _long(x[2]):
            d = int(x[2])
            if n > 3:
                if not _flag(x[3]):
                    raise QError(f"kthvalue: unrecognized 4th arg, expecting keepdim flag, given "
                                 f"{kname(x[3])}")
                kd = bool(x[3])
        elif _flag(x[2]):
            kd = bool(x[2])
            if n > 3:
                raise QError(f"kthvalue: unexpected 4th arg, {kname(x[3])}")
        else:
            raise QError(f"kthvalue: unrecognized 3rd arg, expecting dim or keepdim flag, given "
                         f"{kname(x[2])}")
    t, p = input_tensor(ctx, x[0], "kthvalue")
    return _tuple_result(ctx, p, _run(torch.kthvalue, t, int(x[1]), d, kd), v)


# ---------------------------------------------------------------------------------------------
# unique values

def _flags(args) -> list | None:
    return [bool(a) for a in args] if all(_flag(a) for a in args) else None


def _unique(who: str, consecutive: bool):
    """unique (x;[dim;]sorted;indices;counts) / uniquec (x;[dim;]indices;counts): the unique
    values, with the inverse indices and/or counts when asked."""
    names = ("indices & counts" if consecutive else "sorted,indices & counts")
    most = 2 if consecutive else 3

    def f(ctx, x):
        d = None
        if is_tensor(ctx, x):
            t, p, fl = tensor_of(ctx, x, who), True, []
        elif not isinstance(x, list) or looks_like_array(x, 4 if consecutive else 5):
            t, p, fl = to_tensor(x), False, []
        else:
            rest = list(x[1:])
            if rest and _long(rest[0]):
                d, rest = int(rest[0]), rest[1:]
            fl = _flags(rest)
            if fl is None or len(fl) > most or (d is None and not fl):
                raise QError(f"{who}: unrecognized arg(s), " + (
                    f"given input & dim, up to {most} additional flags expected for {names}"
                    if d is not None else
                    f"expecting input, optional dim and flag(s) for {names}"))
            t, p = input_tensor(ctx, x[0], who)
        if consecutive:
            bi, bc = (fl + [False, False])[:2]
            r = _run(torch.unique_consecutive, t, return_inverse=True, return_counts=True,
                     dim=d)
        else:
            bs, bi, bc = (fl + [True, False, False][len(fl):])[:3]
            r = _run(torch.unique, t, sorted=bs, return_inverse=True, return_counts=True,
                     dim=d)
        parts = [r[0]] + ([r[1]] if bi else []) + ([r[2]] if bc else [])
        if len(parts) == 1:
            return result(ctx, p, parts[0])
        return _tuple_result(ctx, p, parts)
    f.__name__ = f"k_{who}"
    return f


def k_in(ctx, x):
    """In(x;y) | In(x;y;unique;invert) | In(..;out): 1b where x's values are in y (either may
    be a number)."""
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"In: not implemented for {kname(x)}")
    n = len(x)
    if not 1 < n < 6:
        raise QError(f"In: expecting 2-5 args, (x;y;unique;invert;output), given {n}")
    out = None
    if n > 2 and is_tensor(ctx, x[n - 1]):
        out, n = tensor_of(ctx, x[n - 1], "In"), n - 1
    p, ab = False, []
    for v in x[:2]:
        if _scalar(v):
            ab.append(_py(v))
        else:
            t, h = input_tensor(ctx, v, "In")
            ab.append(t)
            p = p or h
    if not any(isinstance(v, torch.Tensor) for v in ab):
        raise QError("In: not implemented for inputs that are both scalars")
    if n > 2 and not _flag(x[2]):
        raise QError(f"In: expecting 3rd arg to be unique flag, given {kname(x[2])}")
    if n > 3 and not _flag(x[3]):
        raise QError(f"In: expecting 4th arg to be invert flag, given {kname(x[3])}")
    kw = {"assume_unique": n > 2 and bool(x[2]), "invert": n > 3 and bool(x[3])}
    if out is not None:
        return _out(ctx, out, torch.isin, *ab, **kw)
    return result(ctx, p, _run(torch.isin, *ab, **kw))


# ---------------------------------------------------------------------------------------------
# comparisons over whole inputs

def _close(who, whole):
    def f(ctx, x):
        rt, at, na = 1e-05, 1e-08, False
        if isinstance(x, np.ndarray):
            a = to_tensor(x)
            if not (a.dim() and (a.size(0) == 2 or (a.size(0) < 5 and a.dtype == torch.float64))):
                raise QError(f"{who}: unable to derive a pair of values to compare from inputs "
                             f"of size {list(a.shape)}")
            if a.size(0) > 2:
                rt = a[2].item()
            if a.size(0) > 3:
                at = a[3].item()
            a, b, p = a[0], a[1], False
        elif not isinstance(x, list) or is_handle(x):
            raise QError(f"{who}: not implemented for {kname(x)}")
        else:
            n = len(x)
            if n > 2 and _flag(x[-1]):
                na, n = bool(x[-1]), n - 1
            ok = n == 2 or (n in (3, 4) and isinstance(x[2], np.float64) and
                            (n == 3 or isinstance(x[3], np.float64)))
            if not ok:
                raise QError(f"{who}: expects (x;y), (x;y;nan equal), (x;y;rel tol), (x;y;rel "
                             f"tol;abs tol), or (x;y;rel;abs;nan equal)")
            if n > 2:
                rt = float(x[2])
            if n > 3:
                at = float(x[3])
            a, b, p = _pair(ctx, x, who)
        if whole:
            return np.bool_(_run(torch.allclose, a, b, rt, at, na))
        return result(ctx, p, _run(torch.isclose, a, b, rt, at, na))
    f.__name__ = f"k_{who}"
    return f


def k_equal(ctx, x):
    if isinstance(x, np.ndarray) and len(x) == 2:
        a = to_tensor(x)
        return np.bool_(torch.equal(a[0], a[1]))
    if isinstance(x, list) and len(x) == 2 and not is_handle(x):
        a, b, _ = _pair(ctx, x, "equal")
        return np.bool_(_run(torch.equal, a, b))
    raise QError("equal expects two input arrays/tensors to compare")


def _special(who, fn):
    def f(ctx, x):
        t, p = input_tensor(ctx, x, who)
        return result(ctx, p, _run(fn, t))
    f.__name__ = f"k_{who}"
    return f


# ---------------------------------------------------------------------------------------------
# matrices

def _blas(who, fn):
    def f(ctx, x):
        if not isinstance(x, list) or is_handle(x):
            raise QError(f"{who}: not implemented for {kname(x)}")
        n = len(x)
        if not 1 < n < 4:
            raise QError(f"{who}: expecting 2-3 args, (x;y;output), given {n}")
        if n == 3 and not is_tensor(ctx, x[2]):
            raise QError(f"{who}: expecting 3rd arg of output tensor, given {kname(x[2])}")
        a, b, p = _pair(ctx, x, who)
        if n == 3:
            return _out(ctx, tensor_of(ctx, x[2], who), fn, a, b)
        return result(ctx, p, _run(fn, a, b))
    f.__name__ = f"k_{who}"
    return f


def _tri(who, fn, inplace):
    """tril triu: (input;diagonal;output) or (input;diagonal;::) in place."""
    def f(ctx, x):
        if isinstance(x, (str, np.generic)):
            raise QError(f"{who}: not implemented for {kname(x)}")
        if is_tensor(ctx, x):
            return ctx.registry.new(_run(fn, tensor_of(ctx, x, who)), "tensor")
        if not isinstance(x, list) or looks_like_array(x, 3):
            return k_of(ctx, _run(fn, to_tensor(x)))
        n = len(x)
        if not 0 < n < 4:
            raise QError(f"{who}: expecting up to 3 args, (input;dim;output), given {n}")
        out, e, d = None, False, 0
        if n > 1 and is_tensor(ctx, x[n - 1]):
            out, n = tensor_of(ctx, x[n - 1], who), n - 1
        if n > 1 and _empty(x[n - 1]):
            e, n = True, n - 1
        if n > 1 and _long(x[n - 1]):
            d, n = int(x[n - 1]), n - 1
        if n != 1:
            raise QError(f"{who}: unrecognized arg(s), expecting up to 3, (input;dim;output)")
        t, p = input_tensor(ctx, x[0], who)
        if e:
            _run(getattr(t, inplace), d)
            return None
        if out is not None:
            return _out(ctx, out, fn, t, d)
        return result(ctx, p, _run(fn, t, d))
    f.__name__ = f"k_{who}"
    return f


def _diag(who, fn):
    def f(ctx, x):
        if is_tensor(ctx, x):
            return ctx.registry.new(_run(fn, tensor_of(ctx, x, who)), "tensor")
        if not isinstance(x, list) or looks_like_array(x, 3):
            return k_of(ctx, _run(fn, to_tensor(x)))
        n = len(x)
        if not 0 < n < 4:
            raise QError(f"{who}: expecting up to 3 args, (input;offset;output), given {n}")
        rest = Rest(ctx, x)
        out = rest.take(rest.tensor)
        if out is not None:
            out = tensor_of(ctx, out, who)
        d = rest.take(_long)
        d = 0 if d is None else int(d)
        if rest.n != 1:
            raise QError(f"{who}: unrecognized arg(s), expecting up to 3, (input;offset;output)")
        t, p = input_tensor(ctx, x[0], who)
        if out is not None:
            return _out(ctx, out, fn, t, d)
        return result(ctx, p, _run(fn, t, d))
    f.__name__ = f"k_{who}"
    return f


def k_flip(ctx, x):
    if isinstance(x, list) and len(x) == 2 and _longs(x[1]) is not None and not is_handle(x):
        t, p = input_tensor(ctx, x[0], "Flip")
        return result(ctx, p, _run(torch.flip, t, _longs(x[1])))
    if isinstance(x, list) and len(x) != 2:
        raise QError(f"Flip: expecting 2 arguments, (input;dims), given {len(x)}")
    raise QError("Flip: unrecognized arg(s), expecting 2 arguments, (input;dims)")


def k_roll(ctx, x):
    ok = isinstance(x, list) and len(x) in (2, 3) and _longs(x[1]) is not None and (
        len(x) == 2 or _longs(x[2]) is not None)
    if not ok:
        raise QError("roll: unexpected arg(s), expects 2-3 args, (input;shifts;dims)")
    t, p = input_tensor(ctx, x[0], "roll")
    args = (_longs(x[1]),) if len(x) == 2 else (_longs(x[1]), _longs(x[2]))
    return result(ctx, p, _run(torch.roll, t, *args))


def k_diagonal(ctx, x):
    """diagonal x | diagonal(x;offset) | diagonal(x;offset;dim1;dim2): a view of a diagonal."""
    if isinstance(x, np.ndarray):
        raise QError(f"diagonal: not implemented for {kname(x)}")
    if isinstance(x, list) and not is_handle(x) and 2 <= len(x) <= 4 and \
            all(_long(v) for v in x[1:]):
        t, p = input_tensor(ctx, x[0], "diagonal")
        o, i, j = ([int(v) for v in x[1:]] + [0, 0, 1][len(x) - 1:])[:3]
        if len(x) == 3:
            j = 1
        return result(ctx, p, _run(torch.diagonal, t, o, i, j))
    t, p = input_tensor(ctx, x, "diagonal")
    return result(ctx, p, _run(torch.diagonal, t))


def k_bincount(ctx, x):
    """bincount x | bincount(x;bins) | bincount(x;weights) | bincount(x;weights;bins)."""
    if isinstance(x, np.ndarray):
        return k_of(ctx, _run(torch.bincount, to_tensor(x)))
    if is_tensor(ctx, x):
        return result(ctx, True, _run(torch.bincount, tensor_of(ctx, x, "bincount")))
    if isinstance(x, list) and len(x) == 2 and _long(x[1]):
        t, p = input_tensor(ctx, x[0], "bincount")
        return result(ctx, p, _run(torch.bincount, t, None, int(x[1])))
    if isinstance(x, list) and (len(x) == 2 or (len(x) == 3 and _long(x[2]))):
        t, w, p = _pair(ctx, x, "bincount")
        return result(ctx, p, _run(torch.bincount, t, w, int(x[2]) if len(x) == 3 else 0))
    raise QError("bincount expects 1-3 args, input, (input;bins), (input;weight) or "
                 "(input;weight;bins)")


def k_histc(ctx, x):
    """histc x | histc(x;bins;lo;hi;out): counts in equal-width bins (100; lo=hi: data range)."""
    if isinstance(x, np.ndarray) or is_tensor(ctx, x):
        t, p = input_tensor(ctx, x, "histc")
        return result(ctx, p, _run(torch.histc, t))
    n = len(x) if isinstance(x, list) else 0
    out = None
    if n > 1 and is_tensor(ctx, x[-1]):
        out, n = tensor_of(ctx, x[-1], "histc"), n - 1
    ok = n >= 1 and (n == 1 or (_long(x[1]) and (n == 2 or (_num(x[2]) and (
        n == 3 or (_num(x[3]) and n == 4))))))
    if not ok:
        raise QError("histc: unrecognized arg(s), expecting 1-5 args, (input;bins;lo;hi;output)")
    t, p = input_tensor(ctx, x[0], "histc")
    args = [int(x[1]) if n > 1 else 100] + [_py(v) for v in x[2:n]]
    if out is not None:
        return _out(ctx, out, torch.histc, t, *args)
    return result(ctx, p, _run(torch.histc, t, *args))


def k_cross(ctx, x):
    """cross(x;y) | cross(x;y;dim) | cross(x;y;[dim;]out): the cross product of 3-vectors."""
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"cross: not implemented for {kname(x)}")
    n = len(x)
    if not 1 < n < 5:
        raise QError(f"cross: expecting 2-4 args, (x;y;dim;output), given {n}")
    out, d = None, -1
    if n > 2 and is_tensor(ctx, x[n - 1]):
        out, n = tensor_of(ctx, x[n - 1], "cross"), n - 1
    if n > 2 and _long(x[n - 1]):
        d, n = int(x[n - 1]), n - 1
    if n != 2:
        raise QError("cross: unexpected args(), expecting 2-4 args, (x;y;dim;output)")
    a, b, p = _pair(ctx, x, "cross")
    if out is not None:
        return _out(ctx, out, torch.linalg.cross, a, b, dim=d)
    return result(ctx, p, _run(torch.linalg.cross, a, b, dim=d))


def k_dist(ctx, x):
    """dist(x;y) | dist(x;y;p): the p-norm (2) of x - y."""
    if isinstance(x, np.ndarray):
        a = to_tensor(x)
        return k_of(ctx, _run(torch.dist, a[0], a[1], a[2].item() if len(x) > 2 else 2))
    if not (isinstance(x, list) and not is_handle(x) and (len(x) == 2 or (
            len(x) == 3 and _num(x[2])))):
        raise QError(f"dist: expecting 2-3 args, (x;y;p), "
                     f"{len(x) if isinstance(x, list) else 1} arg(s) given")
    a, b, p = _pair(ctx, x, "dist")
    return result(ctx, p, _run(torch.dist, a, b, _py(x[2]) if len(x) == 3 else 2))


_FLATTEN = [("start", 0, "long"), ("end", -1, "long")]


def k_flatten(ctx, x):
    """flatten x | flatten(x;start;end) | flatten(x;`end,1) ...: dimensions start to end as
    one (the functional form starts at 0, the module at 1)."""
    if is_tensor(ctx, x):
        return result(ctx, True, _run(torch.flatten, tensor_of(ctx, x, "flatten")))
    if not isinstance(x, list) or looks_like_array(x, 3):
        return k_of(ctx, _run(torch.flatten, to_tensor(x)))
    o = options("flatten", _FLATTEN, list(x[1:]))
    t, p = input_tensor(ctx, x[0], "flatten")
    return result(ctx, p, _run(torch.flatten, t, o["start"], o["end"]))


def k_zscore(ctx, x):
    """zscore(x;mean;std) | zscore(x;mean;std;inplace) | zscore(x;mean;std) as one k array of 3
    rows: the zscore module's transform as a function (options as the module reads them)."""
    if not isinstance(x, list):
        if isinstance(x, (str, np.generic)) or x is None:
            raise QError(f"zscore: not implemented for {kname(x)}")
        t = to_tensor(x)
        if not (t.dim() and t.size(0) == 3):
            raise QError(f"zscore: expecting 3-element list, given {len(x)} element(s)")
        return k_of(ctx, _run(knn.zscore, t[0], t[1], t[2]))
    if not x:
        raise QError("zscore: not implemented for empty list")
    k = MODULES["zscore"]
    o = options("zscore", k.table(), x[1:], k.missing)
    t, p = input_tensor(ctx, x[0], "zscore")
    m, s = (torch.as_tensor(o[n], dtype=torch.float64 if isinstance(o[n], float) else None)
            for n in ("mean", "std"))
    if p and o["inplace"]:
        _run(knn.zscore, t, m, s, True)
        return None
    return result(ctx, p, _run(knn.zscore, t, m, s))


def k_mvlgamma(ctx, x):
    """mvlgamma(x;p) | mvlgamma(x;p;output): the multivariate log-gamma of dimension p."""
    if isinstance(x, (str, np.generic)) or x is None or is_handle(x):
        raise QError(f"mvlgamma: not implemented for {kname(x)}")
    n = len(x)
    if n < 2 or not _long(x[1]):
        raise QError("mvlgamma: 2nd argument of number of dimensions expected, given "
                     f"{kname(x[1]) if n > 1 else kname(x)}")
    if not 1 < n < 4:
        raise QError(f"mvlgammma: 2-3 arguments expected, (x;p;output), but {n} supplied")
    if n == 3 and not is_tensor(ctx, x[2]):
        raise QError(f"mvlgamma: optional 3rd arg is an output tensor, but given {kname(x[2])}")
    if isinstance(x, np.ndarray):
        t, p = to_tensor(x)[0], False
    else:
        t, p = input_tensor(ctx, x[0], "mvlgamma")
    if n == 3:
        return _out(ctx, tensor_of(ctx, x[2], "mvlgamma"), torch.mvlgamma, t, int(x[1]))
    return result(ctx, p, _run(torch.mvlgamma, t, int(x[1])))


def k_trace(ctx, x):
    t, p = input_tensor(ctx, x, "trace")
    return result(ctx, p, _run(torch.trace, t))


# ---------------------------------------------------------------------------------------------
# random numbers, drawn from the session's generator (the distributions that fill tensors in
# place - normal uniform ... - are in init)

def k_multinomial(ctx, x):
    parse = Trailing("multinomial", "input;n;replaceflag;output", 4,
                     [OUT, ("replace", lambda c, v: _flag(v), lambda c, v: bool(v)), DIM],
                     count_text="multinomial: expecting 1-4 args, (input;n;replaceflag;output), "
                                "given {n}",
                     left_text="multinomial: unrecognized args, expecting "
                               "(input;n;replaceflag;output)")
    if isinstance(x, (np.generic, str)):
        raise QError(f"multinomial: not implemented for {kname(x)}")
    t, p, a, _ = parse.read(ctx, x)
    m = a.get("dim", -1)
    g = generator_for(ctx, t.device)
    r = _run(torch.multinomial, t, 1 if m < 0 else m, a.get("replace", False), generator=g)
    if m < 0:
        r = r.squeeze()
    if "out" in a:
        out = a["out"]
        with torch.no_grad():
            out.resize_(r.shape).copy_(r)
        return None
    return result(ctx, p, r)


def k_bernoulli(ctx, x):
    if is_tensor(ctx, x):
        t, p, out = tensor_of(ctx, x, "bernoulli"), True, None
    elif isinstance(x, list) and len(x) >= 2 and is_tensor(ctx, x[1]) and not is_handle(x):
        if len(x) != 2:
            raise QError(f"bernoulli: expecting args of (x;output), but {len(x)} args given")
        (t, p), out = input_tensor(ctx, x[0], "bernoulli"), tensor_of(ctx, x[1], "bernoulli")
    else:
        t, p, out = to_tensor(x), False, None
    r = _run(torch.bernoulli, t, generator=generator_for(ctx, t.device))
    if out is not None:
        with torch.no_grad():
            out.resize_(r.shape).copy_(r)
        return None
    return result(ctx, p, r)


# ---------------------------------------------------------------------------------------------
# activation functions (ktorch's functional forms of its activation modules)

def _activation(who, call, args_usage):
    """f x | f(x;args..): call(tensor, args) -> tensor; a tensor handle gives a new handle (null
    when the function worked in place on it)."""
    def f(ctx, x):
        if is_tensor(ctx, x):
            t, p, args = tensor_of(ctx, x, who), True, []
        elif isinstance(x, list) and x and is_tensor(ctx, x[0]) and not is_handle(x):
            t, p, args = tensor_of(ctx, x[0], who), True, list(x[1:])
        elif not isinstance(x, list) or looks_like_array(x, 3):
            t, p, args = to_tensor(x), False, []
        else:
            t, p, args = to_tensor(x[0]), False, list(x[1:])
        with session_rng(ctx):
            r = call(ctx, who, t, args)
        if p and r is t:
            return None
        return result(ctx, p, r)
    f.__name__ = f"k_{who}"
    f.usage = args_usage
    return f


def _no_args(fn):
    def call(ctx, who, t, args):
        if args:
            raise QError(f"{who}: no arguments expected")
        return _run(fn, t)
    return call


def _named(who, args: list, names) -> tuple[list, dict]:
    """The positional args and the name-value pairs ktorch reads from the last arg (a
    dictionary, `name`value symbols, (`name;value) pairs or (`a;x;`b;y)), checked by name."""
    pairs = option_pairs(args[-1], names) if args else None
    if pairs is None:
        return args, {}
    for k, _ in pairs:
        if k not in names:
            raise QError(f"{who}: unrecognized option: {k}")
    return args[:-1], dict(pairs)


def _inplace_flag(fn):
    def call(ctx, who, t, args):
        args, named = _named(who, args, ("inplace",))
        if len(args) > 1 or (args and not _flag(args[0])):
            raise QError(f"{who}: expecting optional in-place flag, given {len(args)} arg(s)")
        flag = named.get("inplace", args[0] if args else np.bool_(False))
        if not _flag(flag):
            raise QError(f"{who}: inplace expects a boolean, given {kname(flag)}")
        return _run(fn, t, inplace=bool(flag))
    return call


def _soft(fn):
    def call(ctx, who, t, args):
        d = int(not (t.dim() in (0, 1, 3)))
        dt = None
        if args:
            if not (_long(args[0]) and (len(args) == 1 or (len(args) == 2 and _dtype(args[1])))):
                raise QError(f"{who}: unrecognized arg(s), expecting dim or (dim;data type)")
            d = int(args[0])
            dt = dtype_from_symbol(args[1]) if len(args) == 2 else None
        if d == np.iinfo(np.int64).min:
            raise QError(f"specify the dimension along which {who} will be computed")
        return _run(fn, t, d, dtype=dt)
    return call


def _numbers(fn, names, defaults):
    """Activation with numeric options given positionally (then an optional in-place flag),
    then by name."""
    def call(ctx, who, t, args):
        args, named = _named(who, args, names)
        vals = list(defaults)
        inplace = False
        if args and _flag(args[-1]) and "inplace" in names:
            inplace, args = bool(args[-1]), args[:-1]
        if len(args) > len(defaults) or not all(_num(a) for a in args):
            raise QError(f"{who}: unrecognized arg(s), expecting ({';'.join(names)})")
        for i, a in enumerate(args):
            vals[i] = _py(a)
        for k, v in named.items():
            if k == "inplace":
                if not _flag(v):
                    raise QError(f"{who}: inplace expects a boolean, given {kname(v)}")
                inplace = bool(v)
            elif not _num(v):
                raise QError(f"{who}: {k} expects a number, given {kname(v)}")
            else:
                vals[names.index(k)] = _py(v)
        kw = {"inplace": inplace} if "inplace" in names else {}
        return _run(fn, t, *vals, **kw)
    return call


_ACTIVATIONS = [
    ("relu", _inplace_flag(F.relu), "inplace"), ("relu6", _inplace_flag(F.relu6), "inplace"),
    ("selu", _inplace_flag(F.selu), "inplace"),
    ("elu", _numbers(F.elu, ("alpha", "inplace"), (1.0,)), "alpha;inplace"),
    ("celu", _numbers(F.celu, ("alpha", "inplace"), (1.0,)), "alpha;inplace"),
    ("leakyrelu", _numbers(F.leaky_relu, ("slope", "inplace"), (0.01,)), "slope;inplace"),
    ("hardtanh", _numbers(F.hardtanh, ("min", "max", "inplace"), (-1.0, 1.0)),
     "min;max;inplace"),
    ("softplus", _numbers(F.softplus, ("beta", "threshold"), (1.0, 20.0)), "beta;threshold"),
    ("hardshrink", _numbers(F.hardshrink, ("lambda",), (0.5,)), "lambda"),
    ("softshrink", _numbers(F.softshrink, ("lambda",), (0.5,)), "lambda"),
    ("threshold", _numbers(F.threshold, ("threshold", "value", "inplace"), (0.0, 0.0)),
     "threshold;value;inplace"),
    ("softmax", _soft(torch.softmax), "dim;dtype"),
    ("softmin", _soft(F.softmin), "dim;dtype"),
    ("logsoftmax", _soft(torch.log_softmax), "dim;dtype"),
    ("gelu", _no_args(F.gelu), ""), ("logsigmoid", _no_args(F.logsigmoid), ""),
    ("mish", _no_args(F.mish), ""), ("silu", _no_args(F.silu), ""),
    ("softsign", _no_args(F.softsign), ""), ("tanhshrink", _no_args(F.tanhshrink), ""),
]


# ---------------------------------------------------------------------------------------------
# the api

for _name, _fn, _inplace in _UNARY:
    define(_name, monad=_unary(_name, _fn, _inplace), ctx=True,
           doc=f"{_name} x | {_name}(t;::) | {_name}(x;out)  torch.{_fn.__name__} of each "
               f"element; in place; into an output tensor")
for _name, _fn, _inplace, _sc in _BINARY:
    define(_name, monad=_binary(_name, _fn, _inplace, _sc), ctx=True,
           doc=f"{_name}(x;y) | {_name}(t;y;::) | {_name}(x;y;out)  torch.{_fn.__name__} of "
               f"x and y (a tensor, k data or number); in place; into an output tensor")
define("add", monad=k_add, ctx=True,
       doc="add(x;y) | add(x;y;m) | add(x;y;[m;]out)  x + m*y (m 1 by default)")
define("addcmul", monad=_addc("addcmul", torch.addcmul), ctx=True,
       doc="addcmul(x;y;z) | addcmul(x;y;z;m) | addcmul(..;out)  x + m*y*z (m 1 by default)")
define("addcdiv", monad=_addc("addcdiv", torch.addcdiv), ctx=True,
       doc="addcdiv(x;y;z) | addcdiv(x;y;z;m) | addcdiv(..;out)  x + m*y/z (m 1 by default)")
define("lerp", monad=k_lerp, ctx=True,
       doc="lerp(x;y;w) | lerp(x;y;w;out)  linear interpolation x + w*(y-x), w a number or per "
           "value")
define("pow", monad=_pow("pow", torch.pow, "pow_"), ctx=True,
       doc="pow(x;y) | pow(t;y;::) | pow(x;y;out)  x to the power y (either may be a number)")
define("fpow", monad=_pow("fpow", torch.float_power, "float_power_"), ctx=True,
       doc="fpow(x;y) | fpow(t;y;::) | fpow(x;y;out)  x to the power y in double precision")
define("clamp", monad=k_clamp, ctx=True,
       doc="clamp(x;lo;hi) | clamp(x;lo;hi;out)  values limited to [lo,hi] (a null: no limit)")
define("cumsum", monad=_cum("cumsum", torch.cumsum), ctx=True,
       doc="cumsum x | cumsum(x;dim;dtype;out)  cumulative sums along dim (the last)")
define("cumprod", monad=_cum("cumprod", torch.cumprod), ctx=True,
       doc="cumprod x | cumprod(x;dim;dtype;out)  cumulative products along dim (the last)")
for _name, _fn in (("mean", torch.mean), ("Sum", torch.sum), ("prod", torch.prod),
                   ("nansum", torch.nansum), ("nanmean", torch.nanmean)):
    define(_name, monad=_mean(_name, _fn), ctx=True,
           doc=f"{_name} x | {_name}(x;dims;keepdim;dtype;out)  torch.{_fn.__name__} over all "
               f"elements or the given dimension(s)")
define("std", monad=_var("std", torch.std), ctx=True,
       doc="std x | std(x;dims;unbiased;keepdim;out)  standard deviation (unbiased by default)")
define("variance", monad=_var("variance", torch.var), ctx=True,
       doc="variance x | variance(x;dims;unbiased;keepdim;out)  variance (unbiased by default)")
define("meanstd", monad=_var("meanstd", torch.std_mean, pair=True), ctx=True,
       doc="meanstd x | meanstd(x;dims;unbiased;keepdim)  mean and standard deviation, stacked")
define("meanvar", monad=_var("meanvar", torch.var_mean, pair=True), ctx=True,
       doc="meanvar x | meanvar(x;dims;unbiased;keepdim)  mean and variance, stacked")
define("argmax", monad=_argdim("argmax", torch.argmax), ctx=True,
       doc="argmax x | argmax(x;dim;keepdim;out)  index of the largest value (along dim)")
define("argmin", monad=_argdim("argmin", torch.argmin), ctx=True,
       doc="argmin x | argmin(x;dim;keepdim;out)  index of the smallest value (along dim)")
define("amax", monad=_argdim("amax", torch.amax, dims=True), ctx=True,
       doc="amax x | amax(x;dims;keepdim;out)  largest values (over the given dimensions)")
define("amin", monad=_argdim("amin", torch.amin, dims=True), ctx=True,
       doc="amin x | amin(x;dims;keepdim;out)  smallest values (over the given dimensions)")
define("logsumexp", monad=_argdim("logsumexp", torch.logsumexp, dims=True, need_dim=True),
       ctx=True, doc="logsumexp(x;dims;keepdim;out)  log of the summed exponentials over dims")
define("All", monad=_argdim("all", torch.all, any_all=True), ctx=True,
       doc="All x | All(x;dim;keepdim;out)  1b if every value is non-zero (along dim)")
define("Any", monad=_argdim("any", torch.any, any_all=True), ctx=True,
       doc="Any x | Any(x;dim;keepdim;out)  1b if any value is non-zero (along dim)")
define("Max", monad=_max("Max", "max"), ctx=True,
       doc="Max x | Max(x;dim;keepdim;outvector)  the largest value; along dim: values and "
           "indices")
define("Min", monad=_max("Min", "min"), ctx=True,
       doc="Min x | Min(x;dim;keepdim;outvector)  the smallest value; along dim: values and "
           "indices")
define("aminmax", monad=_max("aminmax", "aminmax"), ctx=True,
       doc="aminmax x | aminmax(x;dim;keepdim;outvector)  the smallest and largest values")
define("median", monad=_median("median", torch.median, torch.median), ctx=True,
       doc="median x | median(x;dim;keepdim;outvector)  the median; along dim: values, indices")
define("nanmedian", monad=_median("nanmedian", torch.nanmedian, torch.nanmedian), ctx=True,
       doc="nanmedian x | nanmedian(x;dim;keepdim;outvector)  the median ignoring NaN")
define("mode", monad=_median("mode", None, torch.mode), ctx=True,
       doc="mode x | mode(x;dim;keepdim;outvector)  the most frequent values and their indices")
define("sort", monad=k_sort, ctx=True,
       doc="sort x | sort(x;dim;descend;stable;outvector)  sorted values and their indices")
define("argsort", monad=k_argsort, ctx=True,
       doc="argsort x | argsort(x;dim;descend)  the indices that sort x")
define("topk", monad=k_topk, ctx=True,
       doc="topk(x;k) | topk(x;k;dim;largest;sort;outvector)  the k largest (smallest) values "
           "and their indices")
define("kthvalue", monad=k_kthvalue, ctx=True,
       doc="kthvalue(x;k) | kthvalue(x;k;dim;keepdim;outvector)  the k-th smallest value and "
           "its index")
define("unique", monad=_unique("unique", False), ctx=True,
       doc="unique x | unique(x;[dim;]sorted;indices;counts)  the unique values (along dim), "
           "with the index of each value in them and/or their counts")
define("uniquec", monad=_unique("uniquec", True), ctx=True,
       doc="uniquec x | uniquec(x;[dim;]indices;counts)  one value of each run of equal values, "
           "with indices and/or counts")
define("In", monad=k_in, ctx=True,
       doc="In(x;y) | In(x;y;unique;invert) | In(x;y;..;out)  1b where a value of x is in y")
define("allclose", monad=_close("allclose", True), ctx=True,
       doc="allclose(x;y) | allclose(x;y;rtol;atol;nanequal)  1b if all values are close")
define("close", monad=_close("close", False), ctx=True,
       doc="close(x;y) | close(x;y;rtol;atol;nanequal)  1b where values are close")
define("equal", monad=k_equal, ctx=True,
       doc="equal(x;y)  1b if x and y have the same size and values")
for _name, _fn in (("finite", torch.isfinite), ("inf", torch.isinf), ("nan", torch.isnan),
                   ("neginf", torch.isneginf), ("posinf", torch.isposinf)):
    define(_name, monad=_special(_name, _fn), ctx=True,
           doc=f"{_name} x  1b where torch.{_fn.__name__} (floating values)")
for _name, _fn in (("matmul", torch.matmul), ("mm", torch.mm), ("bmm", torch.bmm),
                   ("dot", torch.dot), ("outer", torch.outer), ("mv", torch.mv),
                   ("mmt", lambda a, b, **kw: torch.mm(a, b.t(), **kw)),
                   ("mtm", lambda a, b, **kw: torch.mm(a.t(), b, **kw))):
    define(_name, monad=_blas(_name, _fn), ctx=True,
           doc=f"{_name}(x;y) | {_name}(x;y;out)  the matrix product {_name} of x and y")
define("tril", monad=_tri("tril", torch.tril, "tril_"), ctx=True,
       doc="tril x | tril(x;d) | tril(t;d;::) | tril(x;d;out)  lower triangle (from diagonal d)")
define("triu", monad=_tri("triu", torch.triu, "triu_"), ctx=True,
       doc="triu x | triu(x;d) | triu(t;d;::) | triu(x;d;out)  upper triangle (from diagonal d)")
define("diag", monad=_diag("diag", torch.diag), ctx=True,
       doc="diag x | diag(x;offset;out)  the diagonal of a matrix, or a matrix from a diagonal")
define("diagflat", monad=_diag("diagflat", torch.diagflat), ctx=True,
       doc="diagflat x | diagflat(x;offset)  a matrix with x's values on a diagonal")
define("Flip", monad=k_flip, ctx=True, doc="Flip(x;dims)  reverse the order along dims")
define("roll", monad=k_roll, ctx=True,
       doc="roll(x;shifts) | roll(x;shifts;dims)  rotate values along dimensions")
define("trace", monad=k_trace, ctx=True, doc="trace x  the sum of a matrix's diagonal")
define("diagonal", monad=k_diagonal, ctx=True,
       doc="diagonal x | diagonal(x;offset;dim1;dim2)  a view of a diagonal (of the first two "
           "dimensions)")
define("bincount", monad=k_bincount, ctx=True,
       doc="bincount x | bincount(x;bins) | bincount(x;w;bins)  counts (weighted sums) of each "
           "non-negative integer value")
define("histc", monad=k_histc, ctx=True,
       doc="histc x | histc(x;bins;lo;hi;out)  a histogram of equal-width bins")
define("Cross", monad=k_cross, ctx=True,
       doc="Cross(x;y) | Cross(x;y;dim;out)  the cross product of 3-element vectors")
# dist(x;y;p) is listed with distributed's dist[] (torchapi/distributed.py), which hands it here
define("mvlgamma", monad=k_mvlgamma, ctx=True,
       doc="mvlgamma(x;p) | mvlgamma(x;p;output)  the multivariate log-gamma of dimension p")
define("zscore", monad=k_zscore, ctx=True,
       doc="zscore(x;mean;std) | zscore(x;mean;std;inplace)  (x-mean)%std, a mean or std per "
           "channel (dim -3) when a list; in place for a tensor with the flag set")
define("flatten", monad=k_flatten, ctx=True,
       doc="flatten x | flatten(x;start;end) | flatten(x;`start`end!..)  dimensions start (0) to "
           "end (-1) made one")
define("multinomial", monad=k_multinomial, ctx=True,
       doc="multinomial x | multinomial(x;n;replace;out)  indices drawn with the probabilities "
           "in x's rows (one each if n is not given)")
define("bernoulli", monad=k_bernoulli, ctx=True,
       doc="bernoulli x | bernoulli(x;out)  0 or 1 drawn with each value as its probability")
for _name, _call, _usage in _ACTIVATIONS:
    define(_name, monad=_activation(_name, _call, _usage), ctx=True,
           doc=f"{_name} x" + (f" | {_name}(x;{_usage})" if _usage else "") +
               f"  the {_name} activation function of a tensor or k data")
