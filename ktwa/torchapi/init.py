"""Initialising tensors in place (ktorch's init page): zeros ones eye dirac fill filldiagonal,
orthogonal xnormal xuniform knormal kuniform snormal, the distributions normal uniform random
cauchy exponential lognormal geometric, and gain.

Each fills a tensor, each tensor of a vector or dictionary, or the tensors picked from one -
rows of a tensor or items of a vector by index, dictionary values by key, a module's (model's,
optimizer's) parameters or buffers by name - in place and without gradient tracking, returning
null; k data is filled as a new tensor and given back as k data. Random values come from the
session's generator (`seed`).
"""
from __future__ import annotations

import numpy as np
import torch
from torch import nn

from ..errors import QError
from ..registry import Entry, is_handle
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, torch_error
from .convert import kname, to_tensor
from .handles import object_module
from .state import generator_for
from .tensorops import _flag, _long, _longs, k_of, looks_like_array, sym_list

define = Definitions()


def _run(fn, *args, **kw):
    try:
        with torch.no_grad():
            return fn(*args, **kw)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None


def _num(x) -> bool:
    return isinstance(x, (np.int64, np.float64)) and not isinstance(x, np.bool_)


def _double(x) -> bool:
    return isinstance(x, np.float64)


# ---------------------------------------------------------------------------------------------
# which tensors a call fills (ktorch's tensorpick)

def whole(e: Entry, who: str) -> list:
    """Every tensor of a tensor, vector or dictionary (modules need names)."""
    if e.cls == "tensor":
        if e.obj is None:
            raise QError(f"{who}: not implemented for undefined tensor")
        return [e.obj]
    if e.cls == "vector":
        return list(e.obj.tensors)
    if e.cls == "dictionary":
        return e.obj.values()
    raise QError(f"{who}: not implemented for single {e.cls} argument")


def pick(e: Entry, sel, who: str) -> list:
    """The tensors a selection names: rows of a tensor or items of a vector by index,
    dictionary values by key, a module's parameters or buffers by name."""
    if e.cls == "tensor":
        idx = _longs(sel)
        if idx is None:
            raise QError(f"{who}: expecting 2nd arg of tensor indices, given {kname(sel)}")
        t = e.obj
        if t is None:
            raise QError(f"{who}: tensor is not defined")
        if not t.dim():
            raise QError(f"{who}: 0-dim tensor")
        for i in idx:
            if not -1 < i < t.size(0):
                raise QError(f"{who}: tensor[{i}] invalid given a {t.size(0)}-element tensor")
        return [t[i] for i in idx]
    if e.cls == "vector":
        idx = _longs(sel)
        if idx is None:
            raise QError(f"{who}: expecting 2nd arg of vector indices, given {kname(sel)}")
        v = e.obj.tensors
        for i in idx:
            if not -1 < i < len(v):
                raise QError(f"{who}: vector[{i}] invalid given a {len(v)}-element vector")
        return [v[i] for i in idx]
    if e.cls == "dictionary":
        keys = sym_list(sel)
        if keys is None:
            raise QError(f"{who}: unable to get dictionary key(s) given {kname(sel)}")
        for k in keys:
            if k not in e.obj:
                raise QError(f"{who}: dictionary key `{k} not found")
        return [e.obj[k] for k in keys]
    m = object_module(e.obj)
    if m is None:
        raise QError(f"{who}: not implemented for {e.cls}")
    names = sym_list(sel)
    if names is None:
        raise QError(f"{who}: unable to get tensor names(s) given {kname(sel)}")
    found = []
    params, buffers = dict(m.named_parameters()), dict(m.named_buffers())
    for s in names:
        t = params.get(s, buffers.get(s))
        if t is None:
            raise QError(f"{who}: parameter/buffer `{s} not found")
        found.append(t)
    return found


def _handle(ctx, x):
    """(entry, args after it) when x is a handle or a list led by one, else (None, None)."""
    if is_handle(x):
        return ctx.registry.entry(x), []
    if isinstance(x, list) and x and is_handle(x[0]):
        return ctx.registry.entry(x[0]), list(x[1:])
    return None, None


# ---------------------------------------------------------------------------------------------
# zeros ones eye dirac; orthogonal xnormal xuniform (with an optional gain)

def _filler(who: str, fill, gain: bool):
    """fill(t) or fill(t, gain) over a call's tensors (ktorch's kfill)."""
    def one(ctx, t, g=None):
        kw = {} if g is None else {"gain": g}
        if getattr(fill, "random", False):
            kw["generator"] = generator_for(ctx, t.device)
        _run(fill, t, **kw)

    def f(ctx, x):
        e, args = _handle(ctx, x)
        if e is not None:
            if not args:
                ts, g = whole(e, who), None
            elif len(args) == 1:
                if _double(args[0]):
                    if not gain:
                        raise QError(f"{who}: not implemented for additional gain argument of "
                                     f"{float(args[0]):g}")
                    ts, g = whole(e, who), float(args[0])
                else:
                    ts, g = pick(e, args[0], who), None
            elif len(args) == 2:
                if not gain:
                    raise QError(f"{who}: no more than 2 args expected, 3 supplied")
                if not _double(args[1]):
                    raise QError(f"{who}: unable to read final arg of gain, double expected, "
                                 f"given {kname(args[1])}")
                ts, g = pick(e, args[0], who), float(args[1])
            else:
                raise QError(f"{who}: given {e.cls}, expecting up to {2 + gain} args, but "
                             f"{len(args) + 1} args supplied")
            for t in ts:
                one(ctx, t, g)
            return None
        if isinstance(x, list) and len(x) == 2 and _double(x[1]) and gain:
            t = to_tensor(x[0])
            one(ctx, t, float(x[1]))
        else:
            t = to_tensor(x)
            one(ctx, t)
        return k_of(ctx, t)
    f.__name__ = f"k_{who}"
    return f


def _random(fn):
    fn.random = True
    return fn


_FILLS = [
    ("zeros", "zeros", lambda t: t.zero_(), False),
    ("ones", "ones", lambda t: t.fill_(1), False),
    ("eye", "eye", nn.init.eye_, False),
    ("dirac", "dirac", nn.init.dirac_, False),
    ("orthogonal", "orthogonal", _random(lambda t, gain=1.0, generator=None:
                                         nn.init.orthogonal_(t, gain, generator=generator)),
     True),
    ("xnormal", "xaiver normal", _random(lambda t, gain=1.0, generator=None:
                                         nn.init.xavier_normal_(t, gain, generator=generator)),
     True),
    ("xuniform", "xaiver uniform", _random(lambda t, gain=1.0, generator=None:
                                           nn.init.xavier_uniform_(t, gain,
                                                                   generator=generator)), True),
]


# ---------------------------------------------------------------------------------------------
# kaiming: knormal kuniform (nonlinearity, fan mode and slope in any order)

_FAN = {"fanin": "fan_in", "fanout": "fan_out"}
_NONLINEAR = {"linear": "linear", "conv1d": "conv1d", "conv2d": "conv2d", "conv3d": "conv3d",
              "convtranspose1d": "conv_transpose1d", "convtranspose2d": "conv_transpose2d",
              "convtranspose3d": "conv_transpose3d", "sigmoid": "sigmoid", "tanh": "tanh",
              "relu": "relu", "leakyrelu": "leaky_relu"}


def _kaiming_args(who, args, first: int) -> dict:
    o = {"a": 0.0, "mode": "fan_in", "nonlinearity": "leaky_relu"}
    for i, y in enumerate(args):
        if isinstance(y, str):
            if y in _FAN:
                o["mode"] = _FAN[y]
            elif y in _NONLINEAR:
                o["nonlinearity"] = _NONLINEAR[y]
            else:
                raise QError(f"{who}: unrecognized symbol `{y}")
        elif _num(y):
            o["a"] = float(y)
        else:
            raise QError(f"{who}: arg[{first + i}] unrecognized, {kname(y)}")
    return o


def _kaiming(who: str, fn):
    def one(ctx, t, o):
        _run(fn, t, generator=generator_for(ctx, t.device), **o)

    def f(ctx, x):
        if not isinstance(x, list):
            raise QError(f"{who}: not implemented for {kname(x)}")
        e, args = _handle(ctx, x)
        if e is not None:
            if not args:
                for t in whole(e, who):
                    one(ctx, t, _kaiming_args(who, [], 1))
                return None
            if not 1 < len(args) + 1 < 6:
                raise QError(f"{who}: 2-5 args expected but {len(args) + 1} supplied")
            y = args[0]
            if e.cls in ("tensor", "vector"):
                named = _longs(y) is not None
            else:
                named = sym_list(y) is not None
                if not named and e.cls != "dictionary":
                    raise QError(f"{who}: tensor name(s) expected with supplied {e.cls}")
                if e.cls == "dictionary" and isinstance(y, str) and \
                        (y in _FAN or y in _NONLINEAR):
                    named = False            # an option, unless given as a 1-item list
            o = _kaiming_args(who, args[1:] if named else args, 2 if named else 1)
            for t in (pick(e, y, who) if named else whole(e, who)):
                one(ctx, t, o)
            return None
        if looks_like_array(x, 2):
            t, o = to_tensor(x), _kaiming_args(who, [], 1)
        else:
            t, o = to_tensor(x[0]), _kaiming_args(who, x[1:], 1)
        one(ctx, t, o)
        return k_of(ctx, t)
    f.__name__ = f"k_{who}"
    return f


# ---------------------------------------------------------------------------------------------
# snormal: sparse initialisation of matrices

def k_snormal(ctx, x):
    who = "sparse initialize"
    if not isinstance(x, list):
        raise QError(f"{who}: not implemented for {kname(x)}")
    if looks_like_array(x, 3):
        raise QError(f"{who}: unrecognized arg(s), expecting (input;sparse fraction), "
                     f"(input;indices/names;fraction), etc.")
    if not 1 < len(x) < 5:
        raise QError(f"{who}: expecting 2-4 args, {len(x)} supplied")

    def one(t, frac, std):
        _run(nn.init.sparse_, t, frac, std, generator=generator_for(ctx, t.device))

    e, args = _handle(ctx, x)
    if e is not None:
        if _double(args[0]) and (len(args) == 1 or (len(args) == 2 and _double(args[1]))):
            std = float(args[1]) if len(args) == 2 else 0.01
            for t in whole(e, who):
                one(t, float(args[0]), std)
            return None
        if len(args) < 2:
            raise QError(f"{who}: expecting 3 args, {e.cls}, indices/names and sparse fraction, "
                         f"but {len(x)} args supplied")
        if not _double(args[1]):
            raise QError(f"{who}: expecting 3rd arg of sparse fraction as double, given "
                         f"{kname(args[1])}")
        if len(args) == 3 and not _double(args[2]):
            raise QError(f"{who}: expecting 4th arg of std deviation as double, given "
                         f"{kname(args[2])}")
        std = float(args[2]) if len(args) == 3 else 0.01
        for t in pick(e, args[0], who):
            one(t, float(args[1]), std)
        return None
    if len(x) not in (2, 3):
        raise QError(f"{who}: expecting array with sparse fraction and optional stddev, but "
                     f"{len(x)} args supplied")
    if not _double(x[1]):
        raise QError(f"{who}: expecting 2nd arg of sparse fraction to be double, given "
                     f"{kname(x[1])}")
    if len(x) == 3 and not _double(x[2]):
        raise QError(f"{who}: expecting 3rd arg of stddev to be double, given {kname(x[2])}")
    t = to_tensor(x[0])
    one(t, float(x[1]), float(x[2]) if len(x) == 3 else 0.01)
    return k_of(ctx, t)


# ---------------------------------------------------------------------------------------------
# fill, filldiagonal

def k_fill(ctx, x):
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"fill: not implemented for {kname(x)}")
    if not 1 < len(x) < 4:
        raise QError(f"fill: expecting 2-3 args, {len(x)} supplied")
    v = x[-1]
    if not (isinstance(v, np.generic) and v.dtype.kind in "biufS"):
        raise QError(f"fill: unable to get fill element from final arg of {kname(v)}")
    value = to_tensor(v).item()
    e, args = _handle(ctx, x)
    if e is not None:
        if e.cls in ("module", "loss", "optimizer", "model") and len(x) == 2:
            raise QError(f"fill: given {e.cls} expecting parameter/buffer names in addition to "
                         f"fill element")
        ts = whole(e, "fill") if len(x) == 2 else pick(e, args[0], "fill")
        for t in ts:
            _run(t.fill_, value)
        return None
    t = to_tensor(x[0])
    for a in ([t] if len(x) == 2 else pick(Entry(t, "tensor"), x[1], "fill")):
        _run(a.fill_, value)
    return k_of(ctx, t)


def k_filldiagonal(ctx, x):
    ok = isinstance(x, list) and not is_handle(x) and len(x) in (2, 3) and _num(x[1]) and (
        len(x) == 2 or _flag(x[2]))
    if not ok:
        raise QError("fill diagonal expects (tensor/array;fill element;optional wrap flag)")
    wrap = bool(x[2]) if len(x) == 3 else False
    if is_handle(x[0]):
        e = ctx.registry.entry(x[0])
        if e.cls != "tensor" or e.obj is None:
            raise QError("fill diagonal expects (tensor/array;fill element;optional wrap flag)")
        _run(e.obj.fill_diagonal_, x[1].item(), wrap)
        return None
    t = to_tensor(x[0])
    _run(t.fill_diagonal_, x[1].item(), wrap)
    return k_of(ctx, t)


# ---------------------------------------------------------------------------------------------
# distributions: normal uniform random cauchy exponential lognormal geometric

def _ordinal(i: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(i, f"{i}th")


def _distribution(who: str, method: str, most: int = 2):
    integral = who == "random"

    def scalars(args, first):
        n = len(args)
        for j, a in enumerate(args[:2]):
            if not _num(a):
                raise QError(f"{who}: expecting long/double for {_ordinal(first + j + 1)} "
                             f"argument, given {kname(a)}")
        if integral:
            if n == 2 and not all(_long(a) for a in args):
                raise QError(f"{who}: requires integers for low & high limits")
            if n == 1 and not _long(args[0]):
                raise QError(f"{who}: requires integer for high limit")
        if who == "geometric" and n != 1:
            raise QError(f"{who}: requires a single probability argument, {n} args supplied")
        if n > most:
            if n > 2:
                raise QError(f"{who}: expecting 1-2 args, {n} given")
            raise QError(f"{who}: expects single probality arg, given {n} args")
        return [a.item() for a in args]

    def draw(ctx, t, args):
        _run(getattr(t, method), *args, generator=generator_for(ctx, t.device))

    def f(ctx, x):
        e, args = _handle(ctx, x)
        if e is not None:
            picked = len(args) > 0 and (sym_list(args[0]) is not None or (
                isinstance(args[0], np.ndarray) and args[0].dtype == np.int64) or len(args) > 2)
            if picked:
                ts, vals = pick(e, args[0], who), scalars(args[1:], 2)
            else:
                if e.cls not in ("tensor", "vector", "dictionary"):
                    raise QError(f"{who}: not implemented for {e.cls}, without parameter/buffer "
                                 f"names")
                ts, vals = whole(e, who), scalars(args, 1)
            for t in ts:
                draw(ctx, t, vals)
            return None
        if looks_like_array(x, 3):
            t, vals = to_tensor(x), []
        else:
            t, vals = to_tensor(x[0]), scalars(list(x[1:]), 1)
        draw(ctx, t, vals)
        return k_of(ctx, t)
    f.__name__ = f"k_{who}"
    return f


_DISTRIBUTIONS = [("normal", "normal_", "mean;std"), ("uniform", "uniform_", "lo;hi"),
                  ("random", "random_", "lo;hi"), ("cauchy", "cauchy_", "median;sigma"),
                  ("exponential", "exponential_", "rate"),
                  ("lognormal", "log_normal_", "mean;std"), ("geometric", "geometric_", "p")]


# ---------------------------------------------------------------------------------------------
# gain

def k_gain(ctx, x):
    if isinstance(x, str):
        name, param = x, 0.01
    elif isinstance(x, list) and len(x) == 2 and isinstance(x[0], str) and _num(x[1]):
        name, param = x[0], float(x[1])
    else:
        raise QError("gain: expecting function name and optional parameter, e.g. `relu or "
                     "(`leakyrelu;0.2)")
    fn = _NONLINEAR.get(name)
    if fn is None:
        raise QError(f"gain: unrecognized non-linearity `{name}")
    return np.float64(nn.init.calculate_gain(fn, param))


for _name, _who, _fn, _gain in _FILLS:
    define(_name, monad=_filler(_who, _fn, _gain), ctx=True,
           doc=f"{_name} p | {_name}(p;inds/names)" + (f" | {_name}(p;[names;]gain)" if _gain
                                                        else "") +
               f"  fill tensor(s) in place ({_who}); k data -> new k data")
define("knormal", monad=_kaiming("kaiming normal", nn.init.kaiming_normal_), ctx=True,
       doc="knormal p | knormal(p;[inds/names;]`relu`fanout;slope)  Kaiming normal "
           "initialisation in place (nonlinearity, fan mode, slope in any order)")
define("kuniform", monad=_kaiming("kaiming uniform", nn.init.kaiming_uniform_), ctx=True,
       doc="kuniform p | kuniform(p;[inds/names;]`relu`fanout;slope)  Kaiming uniform "
           "initialisation in place (nonlinearity, fan mode, slope in any order)")
define("snormal", monad=k_snormal, ctx=True,
       doc="snormal(p;[inds/names;]fraction;std)  sparse initialisation of matrices: that "
           "fraction of each column zero, the rest normal(0,std)")
define("fill", monad=k_fill, ctx=True,
       doc="fill(p;v) | fill(p;inds/names;v)  fill tensor(s) in place with the value v; k data "
           "-> new k data")
define("filldiagonal", monad=k_filldiagonal, ctx=True,
       doc="filldiagonal(t;v) | filldiagonal(t;v;wrap)  the main diagonal set to v in place")
for _name, _method, _opts in _DISTRIBUTIONS:
    define(_name, monad=_distribution(_name, _method, 1 if _name in ("exponential",
                                                                     "geometric") else 2),
           ctx=True,
           doc=f"{_name} p | {_name}(p;[inds/names;]{_opts})  fill tensor(s) in place from the "
               f"{_name} distribution; k data -> new k data")
define("gain", monad=k_gain, ctx=True,
       doc="gain`relu | gain(`leakyrelu;slope)  the recommended gain for a nonlinearity")
