"""ktorch's own module classes (its `knn` namespace), in torch: the containers whose forward
pass is implied by their children (sequential, seqnest, seqlist, seqdict, seqjoin, fork,
residual, recur, transform, nbeats, callback) and the modules that wrap one tensor operation
(cat, mul, matmul, select, indexselect, squeeze, unsqueeze, expand, permute, reshape,
transpose, onehot, pad, randomcrop, randomflip, zscore, droppath), the positional embeddings
(embedpos, embedseq) and the self-attention block.

Pure torch: no q values here. What kind of child each container takes, and the name a child
gets when none is given, follow ktorch (a fork's children are `a`/`qa` and `b`/`qb`, a
residual's `q1`, `q2` and `fn`, a recur's `in`, `lstm`|`gru`|`rnn` and `out` ...). A container
refuses a child it cannot use with ktorch's text, raised as ChildError (the api makes it a q
error naming the container).
"""
from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F


class ChildError(ValueError):
    """A child module a container cannot take (ktorch's message)."""


def label(m: nn.Module) -> str:
    """How ktorch names a module's class in messages: Linear, Sequential, SeqNest ..."""
    return type(m).__name__


def call(m: nn.Module, xs):
    """m's forward on inputs as ktorch passes them, one tensor each: an lstm given (x;h;c)
    gets x and its state (h, c)."""
    if isinstance(m, nn.LSTM) and len(xs) == 3:
        return m(xs[0], (xs[1], xs[2]))
    return m(*xs)


def is_seq(m: nn.Module) -> bool:
    """A `sequential` (or seqnest) block: a chain of modules."""
    return isinstance(m, Sequential)


# ---------------------------------------------------------------------------------------------
# sequences

class Sequential(nn.Sequential):
    """ktorch's sequential: the first child takes every input, each later child the output of
    the one before (an empty sequence returns its first input)."""

    def forward(self, *x):
        mods = list(self._modules.values())
        if not mods:
            return x[0]
        y = call(mods[0], x)
        for m in mods[1:]:
            y = m(y)
        return y

    def add(self, name: str | None, m: nn.Module) -> str:
        if type(m) is Sequential:
            raise ChildError("sequential: unable to create type-erased module, forward method "
                             "uses template")
        return _register(self, name, m)


class SeqNest(Sequential):
    """`seqnest`: a sequential that another sequential may hold (takes 1-3 tensors)."""


def put(parent: nn.Module, name: str, m: nn.Module) -> None:
    """Register child m under name. Unlike torch's add_module, a name that is also a method of
    nn.Module (`train, `eval: a transform's children) is a child like any other."""
    if not name or "." in name:
        raise ChildError(f"module: child name `{name} is empty or contains '.'")
    if name in parent._modules:
        raise ChildError(f"module: child name `{name} already in use")
    parent._modules[name] = m


def _register(parent: nn.Module, name: str | None, m: nn.Module) -> str:
    name = str(len(parent._modules)) if name is None else name
    put(parent, name, m)
    return name


def max_args(m: nn.Module) -> int:
    """The most inputs a module's forward takes (a sequence: its first child's)."""
    if isinstance(m, Sequential):
        mods = list(m._modules.values())
        return max_args(mods[0]) if mods else 1
    return getattr(m, "MAX_ARGS", 1)


class SeqList(nn.ModuleList):
    """`seqlist`: sequential blocks run in turn; the first input flows through them, the other
    inputs go to each block whose first module takes them."""

    MAX_ARGS = 8

    def add(self, name, m):
        if not is_seq(m):
            raise ChildError(f"seqlist: cannot add {label(m)}, expecting sequential block")
        self.append(m)
        return str(len(self) - 1)

    def forward(self, x, *rest):
        for q in self:
            if len(q):
                k = max_args(q)
                x = q(x, *rest[:k - 1])
        return x


class SeqDict(nn.ModuleDict):
    """`seqdict`: as seqlist, with named blocks."""

    MAX_ARGS = 8

    def add(self, name, m):
        if not is_seq(m):
            raise ChildError(f"seqdict: cannot add {label(m)}, expecting sequential block")
        name = str(len(self)) if name is None else name
        put(self, name, m)
        return name

    def forward(self, x, *rest):
        for q in self.values():
            if len(q):
                x = q(x, *rest[:max_args(q) - 1])
        return x


class SeqJoin(nn.Module):
    """`seqjoin`: join(f(x), g(y)) from two sequential blocks and a join module; with one block,
    join(f(x), y); y defaults to x."""

    MAX_ARGS = 2

    def add(self, name, m):
        kids = list(self._modules)
        if is_seq(m):
            if len(kids) >= 2:
                raise ChildError("seqjoin: both sequential layers already defined")
            name = name or ("qx" if not kids else "qy")
        else:
            if not kids:
                raise ChildError("seqjoin: at least one sequential layer must be defined first")
            if any(not is_seq(c) for c in self._modules.values()):
                raise ChildError("seqjoin: join layer already defined")
            name = name or "join"
        put(self, name, m)
        return name

    def _parts(self):
        seqs = [c for c in self._modules.values() if is_seq(c)]
        join = [c for c in self._modules.values() if not is_seq(c)]
        return seqs, join[0] if join else None

    def forward(self, x, y=None):
        seqs, join = self._parts()
        if join is None:
            raise RuntimeError("seqjoin: join layer not defined")
        y = x if y is None else y
        a = seqs[0](x) if seqs and len(seqs[0]) else x
        b = seqs[1](y) if len(seqs) > 1 and len(seqs[1]) else y
        return join(a, b)


class Fork(nn.Module):
    """`fork`: (f(x); g(x)) from two branches, each a module or a sequential block."""

    def add(self, name, m):
        n = len(self._modules)
        if n >= 2:
            raise ChildError(f"fork: cannot add {label(m)} module, both left & right forks "
                             "already defined")
        side = "a" if n == 0 else "b"
        name = name or (("q" + side) if is_seq(m) else side)
        put(self, name, m)
        return name

    def forward(self, x):
        kids = list(self._modules.values())
        y = kids[0](x) if kids else x
        z = kids[1](x) if len(kids) > 1 else x
        return y, z


class Residual(nn.Module):
    """`residual`: f(x)+x, a(f(x)+x), f(x)+g(x) or a(f(x)+g(x)): sequential blocks q1 (and q2),
    then an optional activation fn."""

    MAX_ARGS = 3

    def add(self, name, m):
        seqs = [c for c in self._modules.values() if is_seq(c)]
        has_fn = len(self._modules) > len(seqs)
        if is_seq(m):
            if not seqs:
                name = name or "q1"
            elif len(seqs) == 1 and not has_fn:
                name = name or "q2"
            else:
                raise ChildError("residual: " + (
                    "activation function already defined, cannot add a 2nd sequential module"
                    if len(seqs) == 1 else
                    "both sequential modules already defined, cannot add another sequential "
                    "module"))
        else:
            if not seqs:
                raise ChildError(f"residual: cannot add {label(m)} module until sequential "
                                 "module(s) defined")
            if has_fn:
                raise ChildError(f"residual: cannot add {label(m)} module, activation function "
                                 "already defined")
            name = name or "fn"
        put(self, name, m)
        return name

    def forward(self, *x):
        seqs = [c for c in self._modules.values() if is_seq(c)]
        fns = [c for c in self._modules.values() if not is_seq(c)]
        if not seqs:
            raise RuntimeError("residual: no modules defined for forward calculation")
        y = seqs[0](*x) + (seqs[1](*x) if len(seqs) > 1 else x[0])
        return fns[0](y) if fns else y


RECURRENT = (nn.LSTM, nn.GRU, nn.RNN)


class Recur(nn.Module):
    """`recur`: an optional sequential `in`, one recurrent module (lstm, gru or rnn) and an
    optional sequential `out`; takes and returns a vector: output and hidden state (h, and c
    for an lstm). With `detach` (the default, as ktorch's RecurOptions), the hidden state is cut
    from the graph, so a state carried into the next batch is not backpropagated through twice."""

    MAX_ARGS = 3

    def __init__(self, detach: bool = True):
        super().__init__()
        self.detach = detach

    def _rnn(self):
        for c in self._modules.values():
            if isinstance(c, RECURRENT):
                return c
        return None

    def add(self, name, m):
        r = self._rnn()
        if is_seq(m):
            if r is None:
                if "in" in self._modules:
                    raise ChildError("recur: cannot add a sequential module for output "
                                     "processing until a recurrent module(lstm,gru,rnn) "
                                     "defined")
                name = "in"
            else:
                if "out" in self._modules:
                    raise ChildError("recur: sequential module for output processing already "
                                     "added, cannot add another sequential module")
                name = "out"
        elif isinstance(m, RECURRENT):
            kind = {nn.LSTM: "lstm", nn.GRU: "gru", nn.RNN: "rnn"}[type(m)]
            if r is not None:
                raise ChildError(f"recur: cannot add {kind} module, "
                                 f"{type(r).__name__.lower()} module already defined")
            name = kind
        else:
            raise ChildError(f"recur: unable to add {label(m)}, expecting sequential modules "
                             "for input/output processing or recurrent module(lstm,gru,rnn)")
        put(self, name, m)
        return name

    def forward(self, x, y=None, z=None):
        r = self._rnn()
        if r is None:
            raise RuntimeError("recur: no recurrent lstm, gru or rnn module defined")
        pre, post = self._modules.get("in"), self._modules.get("out")
        if pre is not None and len(pre):
            x = pre(x)
        if isinstance(r, nn.LSTM):
            out, (h, c) = r(x, (y, z)) if z is not None else r(x)
            if self.detach:
                h, c = h.detach(), c.detach()
            hidden = [h, c]
        else:
            out, h = r(x, y)
            if self.detach:
                h = h.detach()
            hidden = [h]
        if post is not None and len(post):
            out = post(out)
        return [out] + hidden


class Transform(nn.Module):
    """`transform`: a sequential block `train` applied in training mode and one `eval` applied
    in evaluation mode (either may be missing or empty: the input is returned)."""

    def add(self, name, m):
        if not is_seq(m):
            raise ChildError(f"transform: cannot add {label(m)} module, expecting sequential "
                             "block")
        if len(self._modules) >= 2:
            raise ChildError("transform: both training and evaluation transforms already "
                             "defined")
        name = name or ("train" if not self._modules else "eval")
        put(self, name, m)
        return name

    def forward(self, x):
        kids = list(self._modules.values())
        i = 0 if self.training else 1
        q = kids[i] if i < len(kids) else None
        return q(x) if q is not None and len(q) else x


class NBeats(nn.ModuleList):
    """`nbeats`: blocks (sequential, or lists of them) each returning (backcast; forecast):
    x-:backcast, y+:forecast; returns y."""

    def add(self, name, m):
        self.append(m)
        return str(len(self) - 1)

    def forward(self, x):
        y = None
        for m in self:
            x, y = _nbeats_block(m, x, y)
        return y


def _nbeats_block(m, x, y):
    if isinstance(m, nn.ModuleList):
        for q in m:
            x, y = _nbeats_block(q, x, y)
        return x, y
    if not is_seq(m):
        raise RuntimeError("nbeats: not a sequential or list module")
    b, f = m(x)
    return x - b, f if y is None else y + f


class ModuleList(nn.ModuleList):
    """`modulelist`: children in order, no forward pass of its own."""

    def add(self, name, m):
        self.append(m)
        return str(len(self) - 1)


class ModuleDict(nn.ModuleDict):
    """`moduledict`: named children, no forward pass of its own."""

    def add(self, name, m):
        name = str(len(self)) if name is None else name
        put(self, name, m)
        return name


class ParmDict(nn.Module):
    """`parmdict`: named parameters, no forward pass."""

    def __init__(self, tensors: dict | None = None):
        super().__init__()
        for k, t in (tensors or {}).items():
            self.register_parameter(k, nn.Parameter(t))


class Callback(nn.Module):
    """`callback`: forward calls a q function (given by name, or as source text) with the
    module and its input(s); `call(module, inputs)` is set by the api and does the call."""

    MAX_ARGS = 3

    def __init__(self, fn: str, fnstring: bool, ins: tuple, out: str, call=None):
        super().__init__()
        self.fn, self.fnstring, self.ins, self.out = fn, fnstring, tuple(ins), out
        self.call = call

    def add(self, name, m):
        return _register(self, name, m)

    def forward(self, *x):
        if self.call is None:
            raise RuntimeError("callback: no q session to call")
        return self.call(self, x)


# ---------------------------------------------------------------------------------------------
# tensor operations as modules

class Cat(nn.Module):
    MAX_ARGS = 2

    def __init__(self, dim=0):
        super().__init__()
        self.dim = dim

    def forward(self, x, y):
        return torch.cat([x, y], self.dim)


class Mul(nn.Module):
    MAX_ARGS = 2

    def forward(self, x, y):
        return torch.mul(x, y)


class Matmul(nn.Module):
    MAX_ARGS = 2

    def forward(self, x, y):
        return torch.matmul(x, y)


class Select(nn.Module):
    def __init__(self, dim, ind):
        super().__init__()
        self.dim, self.ind = dim, ind

    def forward(self, x):
        return x.select(self.dim, self.ind)


class IndexSelect(nn.Module):
    def __init__(self, dim, ind):
        super().__init__()
        self.dim = dim
        self.register_buffer("ind", torch.as_tensor(ind, dtype=torch.long).reshape(-1))

    def forward(self, x):
        return x.index_select(self.dim, self.ind)


class Squeeze(nn.Module):
    def __init__(self, dim=None, inplace=False):
        super().__init__()
        self.dim, self.inplace = dim, inplace

    def forward(self, x):
        if self.dim is None:
            return x.squeeze_() if self.inplace else x.squeeze()
        return x.squeeze_(self.dim) if self.inplace else x.squeeze(self.dim)


class Unsqueeze(Squeeze):
    def forward(self, x):
        return x.unsqueeze_(self.dim) if self.inplace else x.unsqueeze(self.dim)


class Expand(nn.Module):
    def __init__(self, size):
        super().__init__()
        self.size = tuple(size)

    def forward(self, x):
        return x.expand(*self.size)


class Reshape(nn.Module):
    def __init__(self, size):
        super().__init__()
        self.size = tuple(size) if isinstance(size, (tuple, list)) else (size,)

    def forward(self, x):
        return x.reshape(self.size)


class Permute(Expand):
    def forward(self, x):
        return x.permute(*self.size)


class Transpose(nn.Module):
    def __init__(self, dim0=-2, dim1=-1):
        super().__init__()
        self.dim0, self.dim1 = dim0, dim1

    def forward(self, x):
        return x.transpose(self.dim0, self.dim1)


class OneHot(nn.Module):
    def __init__(self, classes=-1, dtype=torch.float32):
        super().__init__()
        self.classes, self.dtype = classes, dtype

    def forward(self, x):
        return F.one_hot(x.long(), self.classes).to(self.dtype)


class Pad(nn.Module):
    def __init__(self, pad, mode="constant", value=0.0):
        super().__init__()
        self.pad, self.mode, self.value = tuple(pad), mode, value

    def forward(self, x):
        if self.mode == "constant":
            return F.pad(x, self.pad, self.mode, self.value)
        return F.pad(x, self.pad, self.mode)


class RandomCrop(nn.Module):
    """Pad (when pad is non-zero), then crop a random size[0] x size[1] window (one per image
    of a batch)."""

    def __init__(self, size, pad=(0, 0, 0, 0), padmode="constant", value=0.0):
        super().__init__()
        self.size, self.pad, self.padmode, self.value = tuple(size), tuple(pad), padmode, value

    def forward(self, t):
        d = t.dim()
        if not 1 < d < 5:
            raise RuntimeError(f"randomcrop: not implemented for {d}-dim tensor")
        h, w = self.size
        n = t.size(0) if d == 4 else 1
        p = t
        if any(self.pad):
            p = F.pad(t, self.pad, self.padmode, self.value) if self.padmode == "constant" \
                else F.pad(t.float() if not t.is_floating_point() else t, self.pad,
                           self.padmode).to(t.dtype)
        r, c = p.size(-2), p.size(-1)
        if r == h and c == w:
            return p
        y, x = r - h + 1, c - w + 1
        if x <= 0 or y <= 0:
            raise RuntimeError(f"crop: size {h}x{w}, exceeds tensor dim(s) {r}x{c}")
        ys = torch.randint(y, (n,)).tolist()
        xs = torch.randint(x, (n,)).tolist()
        if n <= 1 or d < 4:
            return p[..., ys[0]:ys[0] + h, xs[0]:xs[0] + w]
        return torch.stack([p[i, ..., ys[i]:ys[i] + h, xs[i]:xs[i] + w] for i in range(n)])


class RandomFlip(nn.Module):
    def __init__(self, p=0.5, dim=-1):
        super().__init__()
        self.p, self.dim = p, dim

    def forward(self, t):
        d = t.dim()
        if not 1 < d < 5:
            raise RuntimeError(f"randomflip: not implemented for {d}-dim tensor")
        n = t.size(0) if d == 4 else 1
        flip = torch.rand(n, dtype=torch.double) < self.p
        if not bool(flip.any()):
            return t
        if n == 1:
            return t.flip(self.dim)
        r = t.clone()
        for k in flip.nonzero().flatten().tolist():
            r[k] = t[k].flip(self.dim)
        return r


class Zscore(nn.Module):
    """(x - mean) % std, a 1-dim mean/std applying per channel (dim -3)."""

    def __init__(self, mean, std, inplace=False):
        super().__init__()
        self.inplace = inplace
        self.register_buffer("mean", torch.as_tensor(mean, dtype=torch.float32))
        self.register_buffer("stddev", torch.as_tensor(std, dtype=torch.float32))

    def forward(self, t):
        return zscore(t, self.mean, self.stddev, self.inplace)


def zscore(t, m, s, inplace=False):
    """(t - m) % s; a 1-dim m or s applies per channel (dim -3). The statistics take a floating
    input's type."""
    if t.is_floating_point():
        m, s = m.to(t.dtype), s.to(t.dtype)
    m = m.view(-1, 1, 1) if m.dim() == 1 else m
    s = s.view(-1, 1, 1) if s.dim() == 1 else s
    if inplace:
        return t.sub_(m).div_(s)
    return t.sub(m).div(s)


class DropPath(nn.Module):
    """Zero whole samples (rows of dim 0) with probability p in training, scaling the kept
    ones by 1/(1-p)."""

    def __init__(self, p=0.0):
        super().__init__()
        self.p = p

    def forward(self, x):
        if self.p == 0 or not self.training:
            return x
        k = 1.0 - self.p
        shape = (x.shape[0],) + (1,) * (x.dim() - 1)
        keep = (k + torch.rand(shape, dtype=x.dtype, device=x.device)).floor()
        return x.div(k) * keep


# ---------------------------------------------------------------------------------------------
# embeddings and attention

class EmbedPosition(nn.Module):
    """A learned 1 x rows x cols position embedding; forward returns the rows for the input's
    sequence length (its last dimension)."""

    def __init__(self, rows, cols):
        super().__init__()
        self.rows, self.cols = rows, cols
        self.pos = nn.Parameter(torch.zeros(1, rows, cols))

    def forward(self, x):
        return self.pos[:, :x.size(-1), :]


class EmbedSequence(nn.Module):
    """Token embedding plus position embedding."""

    def __init__(self, rows, cols, length):
        super().__init__()
        self.rows, self.cols, self.length = rows, cols, length
        self.tok = nn.Embedding(rows, cols)
        self.pos = EmbedPosition(length, cols)

    def forward(self, x):
        return self.tok(x) + self.pos(x)


class SelfAttention(nn.Module):
    """Multi-head self attention over batch x sequence x dim: optional layer norm, one linear
    map to queries, keys and values, masked softmax, dropout, output linear map."""

    MAX_ARGS = 3

    def __init__(self, dim, heads, dropout=0.0, norm=False):
        super().__init__()
        self.dim, self.heads, self.dropout, self.norm_flag = dim, heads, dropout, norm
        if norm:
            self.norm = nn.LayerNorm(dim)
        self.add_module("in", nn.Linear(dim, 3 * dim, bias=not norm))
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(dim, dim)

    def forward(self, x, mask=None, padmask=None):
        b, n, d = x.shape
        h = self.heads
        hd = d // h
        y = self.norm(x) if self.norm_flag else x
        c = self._modules["in"](y).reshape(b, n, 3, h, hd).permute(2, 0, 3, 1, 4)
        q, k, v = c[0], c[1], c[2]
        a = torch.matmul(q, k.transpose(-2, -1)) * (1 / math.sqrt(hd))
        if mask is not None:
            a = a + (mask if a.size(-1) == mask.size(-1) else mask[:a.size(-1), :a.size(-1)])
        if padmask is not None:
            raise RuntimeError("self attention: padding mask not implemented")
        a = torch.matmul(self.drop(torch.softmax(a, -1)), v)
        return self.out(a.transpose(1, 2).contiguous().view(b, n, d))
