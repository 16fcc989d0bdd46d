"""ktorch's way of reading a math call's arguments, shared by tensormath, linalg and spectral:
`f x` with a tensor handle or k data (one array), or a list `(input;args..)` whose optional
args are recognised from the end by their type (an output tensor or vector, a flag, a dim, a
symbol ...), each test on the last unread argument; what is left unread must be the input.

    t, p, got = read_input(ctx, x, who, most, texts, read)

`read(rest)` takes what it knows from a Rest and returns it (read(None) for the bare forms);
t is the input tensor and p says it came as a handle (so the result is one too).
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..registry import is_handle
from .convert import kname, to_tensor
from .tensorops import input_tensor, is_tensor, looks_like_array, tensor_of


def is_vector(ctx, x) -> bool:
    """A handle to a vector of tensors (an output vector for several results)."""
    return is_handle(x) and ctx.registry.has(x) and ctx.registry.entry(x).cls == "vector"


class Rest:
    """The arguments of (input;..) not yet read, read from the end."""

    def __init__(self, ctx, x: list):
        self.ctx, self.x, self.n = ctx, x, len(x)

    def take(self, test, least=1):
        """The last unread argument if more than `least` are left and it passes test, else
        None."""
        if self.n > least and test(self.x[self.n - 1]):
            self.n -= 1
            return self.x[self.n]
        return None

    def take2(self, test1, test2, least=2):
        """The last two unread arguments when they pass their tests (as a pair), else None."""
        if self.n > least and test1(self.x[self.n - 2]) and test2(self.x[self.n - 1]):
            self.n -= 2
            return self.x[self.n], self.x[self.n + 1]
        return None

    def tensor(self, v) -> bool:
        return is_tensor(self.ctx, v)

    def vector(self, v) -> bool:
        return is_vector(self.ctx, v)


def read_input(ctx, x, who: str, most: int, texts, read, whole: int | None = None,
               atoms: bool = True):
    """(input tensor, given as a handle, what `read` took). `most` args at most; a list whose
    first `whole` items (default `most`) are k data of one type and shape is one array, not
    args. texts: ktorch's messages for a wrong count of args ({n}) and for args left unread
    ({r} of them). atoms=False: a symbol or a numeric atom is not an input ('not implemented
    for ...)."""
    if is_tensor(ctx, x):
        return tensor_of(ctx, x, who), True, read(None)
    if not isinstance(x, list) or looks_like_array(x, most if whole is None else whole):
        if not atoms and isinstance(x, (str, np.generic)) and not isinstance(x, np.ndarray):
            raise QError(f"{who}: not implemented for {kname(x)}")
        return to_tensor(x), False, read(None)
    n = len(x)
    if not 0 < n <= most:
        raise QError(texts[0].format(n=n))
    rest = Rest(ctx, x)
    got = read(rest)
    if rest.n != 1:
        raise QError(texts[1].format(r=rest.n))
    t, p = input_tensor(ctx, x[0], who)
    return t, p, got
