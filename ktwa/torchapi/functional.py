"""ktorch's functional forms of its modules (knn.cpp's functional api): pooling, padding, fold
and unfold, glu, rrelu, one-hot, the distances, the vision transforms randomcrop and
randomflip, and the functions that have no module: linear bilinear prelu pdist normalize
interpolate.

A module's functional form reads its options as the module does (positional, then name-value
pairs, from the kinds table) and applies them to the input at once: `maxpool1d(x;3;2)` gives
what `forward` of `module enlist(`maxpool1d;3;2)` gives on x, without making a module. Tensor
input gives a tensor handle, k data gives k data (any tensor among the inputs of linear,
bilinear, prelu and the distances gives a handle).
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

from ..errors import QError
from ..registry import is_handle
from ..values.functions import Definitions
from .calls import KINDS, options, torch_run as _run
from .convert import kname, to_tensor
from .kinds import MODULES
from .state import session_rng
from .tensorops import input_tensor, is_tensor, looks_like_array, result, tensor_of

define = Definitions()


def _module_call(ctx, name: str, t: torch.Tensor, items: list, *more):
    """The module kind `name` made from option items and applied to t (and more inputs)."""
    k = MODULES[name]
    m = k.build(options(name, k.table(), list(items), k.missing))
    with session_rng(ctx):
        return _run(m, t, *more)


def _listed(ctx, x, name: str):
    """(input;options..) as ktorch's pooling, padding and transform forms read it: a general
    list whose first item is the input (a bare tensor handle: the input with no options)."""
    if is_tensor(ctx, x):
        return tensor_of(ctx, x, name), True, []
    if not isinstance(x, list) or not x:    # ktorch's text: the transforms put a colon after
        sep = ":" if name.startswith("random") else ""      # the name, the others do not
        raise QError(f"{name}{sep} not implemented for {kname(x)}")
    t, p = input_tensor(ctx, x[0], name)
    return t, p, x[1:]


def _whole_or_listed(ctx, x, name: str, whole: int):
    """x itself as the input when it is a tensor or k data of one shape (its first `whole`
    items), else (input;args..)."""
    if not is_tensor(ctx, x) and (not isinstance(x, list) or looks_like_array(x, whole)):
        return to_tensor(x), False, []
    return _listed(ctx, x, name)


def _module_form(name: str, whole: int | None = None):
    """The functional form of a module kind; whole: a list whose first `whole` items are k data
    of one shape is the input itself, with default options (as ktorch reads its activations
    and one-hot), else a simple list is not an input."""
    def f(ctx, x):
        t, p, items = _listed(ctx, x, name) if whole is None else \
            _whole_or_listed(ctx, x, name, whole)
        return result(ctx, p, _module_call(ctx, name, t, items))
    f.__name__ = f"k_{name}"
    return f


def _num(v) -> bool:
    return isinstance(v, (np.integer, np.floating)) and not isinstance(v, np.bool_)


_RRELU = [("lower", 0.125, "float"), ("upper", 1 / 3, "float"), ("train", False, "bool"),
          ("inplace", False, "bool")]


def k_rrelu(ctx, x):
    """rrelu x | rrelu(x;lower;upper;train;inplace): lower and upper, then the training and
    in-place flags (a flag alone, or right after lower, is the training flag), then pairs."""
    t, p, items = _whole_or_listed(ctx, x, "rrelu", 3)
    items = list(items)
    pos = []
    while items and (_num(items[0]) or isinstance(items[0], np.bool_)):
        pos.append(items.pop(0))
    nums = [v for v in pos if _num(v)]
    flags = [v for v in pos if isinstance(v, np.bool_)]
    shape = "".join("n" if _num(v) else "b" for v in pos)
    if shape not in ("", "n", "b", "nn", "nb", "nnb", "nnbb"):
        raise QError("rrelu: unexpected positional arg(s), expects (lower;upper;train flag;"
                     "inplace flag)")
    named = list(zip(["lower", "upper"], nums)) + list(zip(["train", "inplace"], flags))
    o = options("rrelu", _RRELU, [[k, v] for k, v in named] + items)
    with session_rng(ctx):
        r = _run(F.rrelu, t, o["lower"], o["upper"], o["train"], o["inplace"])
    return None if p and r is t else result(ctx, p, r)


def _inputs(ctx, x, name: str, n: tuple, usage: str):
    """The leading tensors (handles or k data) of (x;y..), any handle making the result one."""
    if not isinstance(x, list) or is_handle(x) or len(x) not in n:
        raise QError(f"{name} requires {usage}")
    got = [input_tensor(ctx, v, name) for v in x]
    return [t for t, _ in got], any(p for _, p in got)


def k_linear(ctx, x):
    """linear(x;w) | linear(x;w;b)  x mm flip w (+ b)."""
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"linear not implemented for {kname(x)}")
    ts, p = _inputs(ctx, x, "linear", (2, 3), "2-3 args, (input; weight; optional bias)")
    return result(ctx, p, _run(F.linear, *ts))


def k_bilinear(ctx, x):
    """bilinear(x1;x2;w) | bilinear(x1;x2;w;b)."""
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"bilinear not implemented for {kname(x)}")
    ts, p = _inputs(ctx, x, "bilinear", (3, 4),
                    "3-4 args, (input1; input2; weight; optional bias)")
    return result(ctx, p, _run(F.bilinear, *ts))


def k_prelu(ctx, x):
    """prelu(x;w)  max(0,x) + w * min(0,x), w one weight or one per channel."""
    if isinstance(x, list) and not is_handle(x) and len(x) == 2 and \
            any(is_tensor(ctx, v) for v in x) or (isinstance(x, list) and len(x) == 2 and
                                                  not looks_like_array(x, 2)):
        ts, p = _inputs(ctx, x, "prelu", (2,), "2 args")
    elif not is_handle(x) and (isinstance(x, list) or isinstance(x, np.ndarray)) and \
            len(x) == 2:
        both = to_tensor(x)                         # one array of two rows: input and weight
        ts, p = [both[0], both[1]], False
    else:
        raise QError(f"prelu expects 2 args: input & weight, received {kname(x)}")
    return result(ctx, p, _run(torch.prelu, *ts))


def _distance(name: str):
    """pairwise(x;y;options) | similar(x;y;options): the distance module's options."""
    def f(ctx, x):
        if not isinstance(x, list) or is_handle(x) or len(x) < 2:
            raise QError(f"{name} not implemented for {kname(x)}")
        (a, pa), (b, pb) = (input_tensor(ctx, v, name) for v in x[:2])
        return result(ctx, pa or pb, _module_call(ctx, name, a, x[2:], b))
    f.__name__ = f"k_{name}"
    return f


def k_pdist(ctx, x):
    """pdist x | pdist(x;p)  the p-norm distance (p 2) between each pair of rows."""
    pair = isinstance(x, list) and not is_handle(x) and len(x) == 2 and _num(x[1])
    t, p = input_tensor(ctx, x[0] if pair else x, "pdist")
    return result(ctx, p, _run(torch.pdist, t, float(x[1]) if pair else 2.0))


_NORMALIZE = [("p", 2.0, "float"), ("dim", 1, "long"), ("eps", 1e-12, "float")]


def k_normalize(ctx, x):
    """normalize x | normalize(x;p;dim;eps;output)  x over its p-norm along dim (at least eps)."""
    if is_tensor(ctx, x) or not isinstance(x, list):
        t, p = input_tensor(ctx, x, "normalize")
        return result(ctx, p, _run(F.normalize, t))
    t, p = input_tensor(ctx, x[0], "normalize")
    items, out = list(x[1:]), None
    if items and is_tensor(ctx, items[-1]):
        out = tensor_of(ctx, items.pop(), "normalize")
    o = options("normalize", _NORMALIZE, items)
    r = _run(F.normalize, t, o["p"], o["dim"], o["eps"])
    if out is None:
        return result(ctx, p, r)
    with torch.no_grad():
        _run(out.resize_(r.shape).copy_, r)
    return None


_MODES = ("nearest", "nearestexact", "linear", "bilinear", "bicubic", "trilinear", "area")


def _mode(who, name, v):
    if not isinstance(v, str) or v not in _MODES:
        raise QError(f"unrecognized interpolate mode: {v}")
    return "nearest-exact" if v == "nearestexact" else v


def _optional(kind: str):
    """An option that () leaves unset; one number or a list of them as a tuple."""
    def check(who, name, v):
        if isinstance(v, list) and not v:
            return None
        r = KINDS[kind](who, name, v)
        return r if r is None or isinstance(r, tuple) else (r,)
    return check


def _flag_or_empty(who, name, v):
    """An optional flag: () leaves it unset."""
    if isinstance(v, list) and not v:
        return None
    return KINDS["bool"](who, name, v)


_INTERPOLATE = [("size", None, _optional("size?")), ("scale", None, _optional("floats?")),
                ("mode", "nearest", _mode), ("align", None, _flag_or_empty),
                ("rescale", None, _flag_or_empty)]


def k_interpolate(ctx, x):
    """interpolate(x;size;scale;mode;align;rescale)  resample to an output size or by a scale
    (one of them), as torch.nn.functional.interpolate; one size or scale serves every spatial
    dimension."""
    t, p, items = _listed(ctx, x, "interpolate")
    o = options("interpolate", _INTERPOLATE, items)
    size, scale = o["size"], o["scale"]
    if size is None and scale is None:
        raise QError("interpolate: no output size or scale factor given")
    if size is not None and scale is not None:
        raise QError("interpolate: both output size and scale factor given")
    return result(ctx, p, _run(F.interpolate, t, size=size and (size[0] if len(size) == 1
                                                                   else size),
                               scale_factor=scale and (scale[0] if len(scale) == 1 else scale),
                               mode=o["mode"], align_corners=o["align"],
                               recompute_scale_factor=o["rescale"]))


_POOLS = ["maxpool1d", "maxpool2d", "maxpool3d", "avgpool1d", "avgpool2d", "avgpool3d",
          "adaptmax1d", "adaptmax2d", "adaptmax3d", "adaptavg1d", "adaptavg2d", "adaptavg3d",
          "fmaxpool2d", "fmaxpool3d", "lppool1d", "lppool2d"]
for _name in _POOLS:
    define(_name, monad=_module_form(_name), ctx=True,
           doc=f"{_name}(x;options..)  the {MODULES[_name].pytorch} module's calculation on x, "
               f"its options as module enlist(`{_name};..) reads them")
for _name, _what in (("pad", "pad (pad;mode;value)"), ("fold", "fold (out;size;dilate;pad;stride)"),
                     ("unfold", "unfold (size;dilate;pad;stride)"),
                     ("randomcrop", "random crop (size;pad;padmode;value)")):
    define(_name, monad=_module_form(_name), ctx=True,
           doc=f"{_name}(x;options..)  {_what} of x, options as the {_name} module's")
define("randomflip", monad=_module_form("randomflip", whole=3), ctx=True,
       doc="randomflip x | randomflip(x;p;dim)  flip x along dim (-1) with probability p (.5)")
define("glu", monad=_module_form("glu", whole=3), ctx=True,
       doc="glu x | glu(x;dim)  gated linear unit: first half of x along dim times sigmoid of "
           "the second")
define("onehot", monad=_module_form("onehot", whole=3), ctx=True,
       doc="onehot x | onehot(x;classes;dtype)  one row per index of x, 1 at the index")
define("rrelu", monad=k_rrelu, ctx=True,
       doc="rrelu x | rrelu(x;lower;upper;train;inplace)  randomized leaky relu (slope in "
           "[lower,upper] when training, their mean when not)")
define("linear", monad=k_linear, ctx=True,
       doc="linear(x;w) | linear(x;w;b)  x mmu flip w, plus b")
define("bilinear", monad=k_bilinear, ctx=True,
       doc="bilinear(x1;x2;w) | bilinear(x1;x2;w;b)  x1 A x2 for each output row A of w, plus b")
define("prelu", monad=k_prelu, ctx=True,
       doc="prelu(x;w)  x where positive, else w times x (one weight or one per channel)")
define("pairwise", monad=_distance("pairwise"), ctx=True,
       doc="pairwise(x;y) | pairwise(x;y;p;eps;keepdim)  p-norm distance between rows of x and y")
define("similar", monad=_distance("similar"), ctx=True,
       doc="similar(x;y) | similar(x;y;dim;eps)  cosine similarity of x and y along dim")
define("pdist", monad=k_pdist, ctx=True,
       doc="pdist x | pdist(x;p)  p-norm distance (2) between each pair of rows of x")
define("normalize", monad=k_normalize, ctx=True,
       doc="normalize x | normalize(x;p;dim;eps;output)  x over its p-norm (2) along dim (1)")
define("interpolate", monad=k_interpolate, ctx=True,
       doc="interpolate(x;size;scale;mode;align;rescale)  resample x to a size or by a scale")
