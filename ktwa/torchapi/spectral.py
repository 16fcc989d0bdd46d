"""Spectral operations (ktorch's math-spectral page): Fourier transforms in one, two and n
dimensions with their inverses, sample frequencies, shifts, and windowing functions.

Arguments are read as ktorch reads them. A transform takes `f x` or `(input;size;dim;norm;
output)` with every part after the input optional, recognised from the end: an output tensor,
a norm symbol (`backward`forward`ortho, or the null symbol for the default), then size and dim
together or size alone. One-dimensional transforms take a long size and dim (dim defaults to
the last); the 2-d ones size(s) and dims (dims default to the last two); the n-d ones any.
Tensor input gives a tensor, k data gives k data (a complex result as real and imaginary parts,
arranged by the session's complexfirst setting); with an output tensor the result is written
there and the call returns null.

    fftfreq n | fftfreq(n;scale;options or output)     sample frequencies, always a tensor
    fftshift x | fftshift(x;dims)                      reorder a transform's output
    hann n | hann(n;periodic;options)                  windows (hamming and kaiser take
                                                       alpha and beta after periodic)
"""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.functions import Definitions
from .calls import torch_run as _run
from .convert import kname
from .state import default_dtype
from .tensormath import _out
from .tensorops import _long, _longs, input_tensor, is_tensor, looks_like_array, result, tensor_of
from .trailing import Rest, read_input
from .tensors import Opts, _finish, _number, _is_opts, parse_opts

define = Definitions()

_NORMS = ("forward", "backward", "ortho")
_USAGE = "(input;size;dim;norm;output)"



def _norm(x):
    """A norm symbol (None for the null symbol), else an error naming the unknown one."""
    if x == "":
        return None
    if x not in _NORMS:
        raise QError(f"unrecognized fft norm: {x}")
    return x


def _one(x):
    """A long atom as an int (the null long as None, torch's default)."""
    return None if x == np.int64(np.iinfo(np.int64).min) else int(x)


def _transform(who: str, fn, kind: str):
    """A Fourier transform over one dimension (kind "1"), two ("2") or n ("n")."""
    texts = (f"{who}: expecting up to 5 args, {_USAGE}, given {{n}}",
             f"{who}: unrecognized args, expecting up to 5, {_USAGE}")
    sized = _long if kind == "1" else (lambda v: _longs(v) is not None)

    def read(rest):
        """(output tensor, norm, size, dim), each None when not given."""
        if rest is None:
            return None, None, None, None
        out = rest.take(rest.tensor)
        out = None if out is None else tensor_of(rest.ctx, out, who)
        norm = rest.take(lambda v: isinstance(v, str))
        norm = None if norm is None else _norm(norm)
        both = rest.take2(sized, sized)
        size, dim = both if both else (rest.take(sized), None)
        return out, norm, size, dim

    def f(ctx, x):
        t, handle, (out, norm, size, dim) = read_input(ctx, x, who, 5, texts, read)
        if kind == "1":
            kw = dict(n=None if size is None else _one(size), dim=-1 if dim is None else int(dim))
        else:
            s = None if size is None else (_longs(size) or None)
            d = None if dim is None else (_longs(dim) or None)
            kw = dict(s=s, dim=(-2, -1) if kind == "2" and d is None else d)
        if out is not None:
            return _out(ctx, out, fn, t, norm=norm, **kw)
        return result(ctx, handle, _run(fn, t, norm=norm, **kw))
    f.__name__ = f"k_{who}"
    return f


def _shift(who: str, fn):
    """fftshift/ifftshift: x or (input;dims)."""
    def f(ctx, x):
        dims = None
        if is_tensor(ctx, x):
            t, handle = tensor_of(ctx, x, who), True
        elif not isinstance(x, list) or looks_like_array(x, 2):
            t, handle = input_tensor(ctx, x, who)
        else:
            if len(x) != 2:
                raise QError(f"{who}: unexpected arg(s), expecting (input;dim)")
            d = _longs(x[1])
            if d is None:
                raise QError(f"{who}: expected 2nd arg of dimension(s), given {kname(x[1])}")
            dims = d or None
            t, handle = input_tensor(ctx, x[0], who)
        return result(ctx, handle, _run(fn, t, dim=dims))
    f.__name__ = f"k_{who}"
    return f



def _made(ctx, t_fn, o: Opts) -> torch.Tensor:
    """A new tensor from t_fn(dtype, device) with the remaining options applied."""
    t = _run(t_fn, o.dtype or default_dtype(ctx), o.device or torch.device("cpu"))
    return _finish(t, o)


def _freq(who: str, fn):
    """fftfreq/rfftfreq: n, n d (a long pair), or (n;scale;options or output)."""
    usage = "(length;scale;options/output)"

    def f(ctx, x):
        n, d, out, o = None, 1.0, None, Opts()
        if _long(x):
            n = int(x)
        elif isinstance(x, np.ndarray) and x.dtype == np.int64 and x.ndim == 1:
            if len(x) != 2:
                raise QError(f"{who}: expecting FFT length and spacing but given {len(x)} "
                             "element(s)")
            n, d = int(x[0]), float(x[1])
        else:
            if is_handle(x):
                ctx.registry.entry(x)       # a freed handle is 'stale pointer, never a length
            if not isinstance(x, list) or is_tensor(ctx, x):
                raise QError(f"{who}: unrecognized arg(s), expecting {usage}, given {kname(x)}")
            if not x or not _long(x[0]):
                raise QError(f"{who}: expecting FFT length as first argument, given "
                             f"{kname(x[0]) if x else kname(x)}")
            n, rest = int(x[0]), Rest(ctx, x)
            v = rest.take(_is_opts)
            if v is not None:
                o = parse_opts(v, who)
            v = rest.take(rest.tensor)
            if v is not None:
                out = tensor_of(ctx, v, who)
            v = rest.take(_number)
            if v is not None:
                d = float(v)
            if rest.n != 1:
                raise QError(f"{who}: unrecognized arg(s), expecting {usage}")
        if n < 0:
            raise QError(f"{who}: length cannot be negative, given {n}")
        if out is not None:
            return _out(ctx, out, fn, n, d)
        t = _made(ctx, lambda dt, dev: fn(n, d, dtype=dt, device=dev), o)
        return ctx.registry.new(t, "tensor")
    f.__name__ = f"k_{who}"
    return f


# the windows: the most arguments after the length and its help text
_WINDOWS = {
    "bartlett": (torch.bartlett_window, 1, "length, (length;tensor attributes), "
                                           "(length;periodic;tensor attributes)"),
    "blackman": (torch.blackman_window, 1, "length, (length;tensor attributes), "
                                           "(length;periodic;tensor attributes)"),
    "hann": (torch.hann_window, 1, "length, (length;tensor attributes), "
                                   "(length;periodic;tensor attributes)"),
    "hamming": (torch.hamming_window, 3, "length, (length;periodic), (length;periodic;alpha) or "
                                         "(length;periodic;alpha;beta), along w'optional tensor "
                                         "attributes"),
    "kaiser": (torch.kaiser_window, 2, "length, (length;periodic) or (length;periodic;beta), "
                                       "along w'optional tensor attributes"),
}


def _window(who: str):
    fn, most, usage = _WINDOWS[who]

    def f(ctx, x):
        o, args = Opts(), None
        if _long(x):
            args = [int(x)]
        elif isinstance(x, list) and x and not is_tensor(ctx, x):
            items = list(x)
            if len(items) > 1 and _is_opts(items[-1]):
                o, items = parse_opts(items[-1], who), items[:-1]
            ok = (0 < len(items) <= most + 1 and _long(items[0]) and
                  (len(items) < 2 or isinstance(items[1], np.bool_)) and
                  all(_number(v) for v in items[2:]))
            if ok:
                args = [int(items[0])] + [bool(v) if i == 1 else float(v)
                                          for i, v in enumerate(items[1:], 1)]
        if args is None:
            raise QError(f"{who} expects arg(s) of {usage}")
        t = _made(ctx, lambda dt, dev: fn(*args, dtype=dt, device=dev), o)
        return ctx.registry.new(t, "tensor")
    f.__name__ = f"k_{who}"
    return f


for _name, _kind, _what in [
        ("fft", "1", "discrete Fourier transform"), ("ifft", "1", "inverse of fft"),
        ("rfft", "1", "transform of real input (one-sided)"), ("irfft", "1", "inverse of rfft"),
        ("hfft", "1", "transform of a one-sided Hermitian signal"),
        ("ihfft", "1", "inverse of hfft"),
        ("fft2", "2", "2-d discrete Fourier transform"), ("ifft2", "2", "inverse of fft2"),
        ("rfft2", "2", "2-d transform of real input"), ("irfft2", "2", "inverse of rfft2"),
        ("hfft2", "2", "2-d transform of a Hermitian signal"), ("ihfft2", "2", "inverse of hfft2"),
        ("fftn", "n", "n-d discrete Fourier transform"), ("ifftn", "n", "inverse of fftn"),
        ("rfftn", "n", "n-d transform of real input"), ("irfftn", "n", "inverse of rfftn"),
        ("hfftn", "n", "n-d transform of a Hermitian signal"),
        ("ihfftn", "n", "inverse of hfftn")]:
    define(_name, monad=_transform(_name, getattr(torch.fft, _name), _kind), ctx=True,
           doc=f"{_name} x | {_name}(x;size;dim;norm;output)  the {_what}; every part after x "
               "is optional")

define("fftfreq", monad=_freq("fftfreq", torch.fft.fftfreq), ctx=True,
       doc="fftfreq n | fftfreq(n;scale;options) | fftfreq(n;scale;output)  sample frequencies "
           "of a transform of length n")
define("rfftfreq", monad=_freq("rfftfreq", torch.fft.rfftfreq), ctx=True,
       doc="rfftfreq n | rfftfreq(n;scale;options) | rfftfreq(n;scale;output)  sample "
           "frequencies of rfft's output")
define("fftshift", monad=_shift("fftshift", torch.fft.fftshift), ctx=True,
       doc="fftshift x | fftshift(x;dims)  reorder a transform's output, negative frequencies "
           "first")
define("ifftshift", monad=_shift("ifftshift", torch.fft.ifftshift), ctx=True,
       doc="ifftshift x | ifftshift(x;dims)  undo fftshift")
for _name in _WINDOWS:
    define(_name, monad=_window(_name), ctx=True,
           doc=f"{_name} n | {_name}(n;periodic;..;options)  the {_name} window of length n")
