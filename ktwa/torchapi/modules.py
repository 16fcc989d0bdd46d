"""ktorch modules: `module` (every definition form), definitions and state as q tables, `dv`
`tree` `seq`, names, parms, children ...

A module handle names a torch.nn.Module. Each module built here carries its ktorch kind and
options (``_ktype``, ``_kopts``) and, when given, its name (``_kname``), so that `module q` and
`state q` show the definition; options that torch can change later (batchnorm momentum) are
read back live. The kinds, their options and their torch constructors are in kinds.py.

Every definition form becomes a list of (depth, spec) rows, built as ktorch does: a stack
holds the containers open at each depth; a container row opens a new level, any other row
adds a module to the container above it. A tree `(parent;child;..)` is its `dv` pairs, a
definition or state table its rows; adding to an existing module (`module(q;spec)`,
`module(q;depth;spec)`, `module(q;handle)`) starts from the stack of its last containers. A
definition that fails leaves every module and handle as it was.
"""
from __future__ import annotations

import copy
import warnings
import weakref

import numpy as np
import torch
from torch import nn

from ..averaging.swa import copy_into_
from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, from_items, is_syms, syms, to_items
from ..values.functions import Definitions
from . import knn
from .calls import TORCH_ERRORS, args_of, check_write, k_value, options, torch_error
from .convert import kname, to_k, to_tensor
from .handles import consume, entry_module, get_handle, module_of, tensor_arg
from .kinds import CONTAINERS, MODULES, REQ, kind, kind_of_class
from .objects import TensorDict
from .state import alloptions, default_dtype, session_rng

define = Definitions()

BATCHNORMS = (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)
DEFINITION_COLS = ["depth", "module", "name", "options"]
STATE_COLS = DEFINITION_COLS + ["parms", "buffers"]


def ktype_of(m: nn.Module) -> str:
    """The ktorch kind of a module (`linear, `sequential ...)."""
    t = getattr(m, "_ktype", None)
    if t is None:
        t = kind_of_class(m) or type(m).__name__.lower()
    return t


def is_container(m: nn.Module) -> bool:
    return ktype_of(m) in CONTAINERS


# ---------------------------------------------------------------------------------------------
# options: q values in, q values out

def _read_options(m: nn.Module, ktype: str) -> dict:
    """The options of a module that torch made (the children of a transformer, a module pushed
    from Python), read from its attributes."""
    if isinstance(m, nn.Linear):
        return {"in": m.in_features, "out": m.out_features, "bias": m.bias is not None}
    if isinstance(m, (nn.Dropout, nn.Dropout2d, nn.Dropout3d)):
        return {"p": m.p, "inplace": m.inplace}
    if isinstance(m, nn.LayerNorm):
        return {"shape": tuple(m.normalized_shape), "eps": m.eps,
                "affine": m.elementwise_affine}
    if isinstance(m, BATCHNORMS + (nn.InstanceNorm1d, nn.InstanceNorm2d, nn.InstanceNorm3d)):
        return {"in": m.num_features, "eps": m.eps, "momentum": m.momentum, "affine": m.affine,
                "track": m.track_running_stats}
    if isinstance(m, nn.MultiheadAttention):
        return {"dim": m.embed_dim, "heads": m.num_heads, "dropout": m.dropout,
                "bias": m.in_proj_bias is not None, "addbias": m.bias_k is not None,
                "addzero": m.add_zero_attn,
                "kdim": None if m.kdim == m.embed_dim else m.kdim,
                "vdim": None if m.vdim == m.embed_dim else m.vdim}
    if isinstance(m, (nn.TransformerEncoderLayer, nn.TransformerDecoderLayer)):
        act = m.activation
        fn = "gelu" if act is torch.nn.functional.gelu or isinstance(act, nn.GELU) else "relu"
        return {"in": m.self_attn.embed_dim, "heads": m.self_attn.num_heads,
                "dim": m.linear1.out_features, "dropout": m.dropout.p, "fn": fn}
    if isinstance(m, (nn.TransformerEncoder, nn.TransformerDecoder)):
        return {"layer": _read_options(m.layers[0], ""), "layers": m.num_layers,
                "norm": None if m.norm is None else m.norm.normalized_shape[0]}
    if isinstance(m, nn.Embedding):
        return {"rows": m.num_embeddings, "cols": m.embedding_dim, "padindex": m.padding_idx,
                "maxnorm": m.max_norm, "p": m.norm_type, "scale": m.scale_grad_by_freq,
                "sparse": m.sparse}
    if isinstance(m, knn.EmbedPosition):
        return {"rows": m.rows, "cols": m.cols}
    if isinstance(m, nn.ReLU):
        return {"inplace": m.inplace}
    k = MODULES.get(ktype)
    if k is not None and not k.options:
        return {}
    raise QError(f"{ktype}: options of a {type(m).__name__} made outside ktorch's `module` "
                 "are not known")


def live_options(m: nn.Module) -> dict:
    """The module's ktorch options (name -> Python value), read live where torch can change
    them."""
    ktype = ktype_of(m)
    o = getattr(m, "_kopts", None)
    o = dict(o) if o is not None else _read_options(m, ktype)
    if isinstance(m, BATCHNORMS):
        o["momentum"] = m.momentum
        o["eps"] = m.eps
    return o


def arg_list(names):
    """ktorch's list of forward argument types (its arglist): a symbol atom for one argument,
    else a symbol list - help's args column, callbacks' in column, a callback's `in option."""
    names = list(names)
    return names[0] if len(names) == 1 else syms(names)


def option_k(kind_name, v):
    """The q value of one option."""
    if kind_name == "syms" and isinstance(v, tuple):
        return arg_list(v)
    if v is None:
        if kind_name in ("long?",):
            return np.int64(np.iinfo(np.int64).min)
        if isinstance(kind_name, str) and kind_name.startswith("float"):
            return np.float64("nan")
        return None
    if kind_name in ("size", "size?") and isinstance(v, tuple) and v and len(set(v)) == 1:
        return np.int64(v[0])
    if isinstance(v, tuple):
        if v and all(isinstance(a, str) for a in v):
            return syms(list(v))
        if v and all(isinstance(a, float) for a in v):
            return np.array(v, dtype=np.float64)
        if v and all(isinstance(a, int) and not isinstance(a, bool) for a in v):
            return np.array(v, dtype=np.int64)
    if isinstance(v, dict):
        return QDict(syms(list(v)), from_items([option_k(None, a) for a in v.values()]))
    return k_value(v)


def options_dict(m: nn.Module, alloptions: bool = True) -> QDict:
    """k dict of a module's options (all, or only those that differ from the defaults; options
    with no default are always shown)."""
    ktype = ktype_of(m)
    o = live_options(m)
    k = MODULES.get(ktype)
    opts = {op.name: op for op in k.options} if k is not None else {}
    keys, vals = [], []
    for name, v in o.items():
        op = opts.get(name)
        if v is None and option_k(op.kind if op is not None else None, None) is None:
            continue                # an optional setting left unset: ktorch shows only set ones
        if not alloptions and op is not None and op.default is not REQ and \
                _same(op.default, v):
            continue
        keys.append(name)
        if ktype == "callback" and name == "fn":
            vals.append(_fn_k(m))
            continue
        vals.append(option_k(op.kind if op is not None else None, v))
    return QDict(syms(keys), from_items(vals) if vals else [])


def _fn_k(m):
    from ..values.types import chars
    return chars(m.fn) if m.fnstring else m.fn


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and float(a) == float(b)
    return a == b


# ---------------------------------------------------------------------------------------------
# definitions: q values -> rows (depth, spec)

class Spec:
    """One module of a definition: a new one (kind, name, option items, and for a state row its
    parameters and buffers), or an allocated module given by handle."""

    def __init__(self, ktype=None, name=None, items=(), parms=None, buffers=None,
                 existing=None, handle=None):
        self.ktype, self.name, self.items = ktype, name, list(items)
        self.parms, self.buffers = parms, buffers
        self.existing, self.handle = existing, handle


def parse_spec(ctx, x) -> Spec:
    """`type, `type`name, (`type;[`name;]options..), or an allocated module's handle."""
    if is_handle(x):
        e = get_handle(ctx, x, "module", who="module")
        return Spec(ktype_of(e.obj), existing=e.obj, handle=x)
    if isinstance(x, str):
        return Spec(x)
    if is_syms(x):
        if len(x) == 0:
            raise QError("module: empty symbol list")
        return Spec(x[0], x[1] or None if len(x) > 1 else None, list(x[2:]))
    if isinstance(x, list) and x:
        if not isinstance(x[0], str):
            raise QError(f"module: no symbol found, given {kname(x[0])} as module type")
        if len(x) > 1 and isinstance(x[1], str):
            return Spec(x[0], x[1] or None, x[2:])
        return Spec(x[0], None, x[1:])
    raise QError(f"module: unrecognized arg(s), {kname(x)}")


def dv_pairs(x) -> list:
    """A tree (parent;child;..) as (depth;value) pairs: each node's value is its spec (a lone
    symbol, or the first item of a general list)."""
    out = []

    def walk(d, t):
        general = type(t) is list and len(t) > 0 and not is_handle(t)
        v = t[0] if general else t
        if is_syms(v) and len(v) == 1:
            v = v[0]
        out.append([np.int64(d), v])
        if general:
            for c in t[1:]:
                walk(d + 1, c)
    walk(0, x)
    return out


def dv_count(x) -> int:
    """0: not depth-value pairs; -1: one pair (d;v); n: a list of n pairs."""
    if type(x) is not list:
        return 0
    if len(x) == 2 and isinstance(x[0], np.integer) and not isinstance(x[0], np.bool_):
        return -1
    if x and all(dv_count(y) == -1 for y in x):
        return len(x)
    return 0


def tree_of(pairs: list):
    """Depth-value pairs back to the tree: a node with children is (value;child;..), a leaf is
    enlisted (a lone symbol as a 1-symbol list)."""
    def build(i, j, n):
        v = pairs[i][1]
        node = syms([v]) if i == j and isinstance(v, str) else [v]
        if isinstance(node, np.ndarray):
            return node
        k = i + 1
        for a in range(k, j + 1):
            if a > k and int(pairs[a][0]) - n == 1:
                node.append(build(k, a - 1, n + 1))
                k = a
            if a == j:
                node.append(build(k, j, n + 1))
        return node
    return build(0, len(pairs) - 1, 0)


def _table_rows(t) -> list:
    """A definition or state table (or one row as a dictionary) -> rows."""
    if isinstance(t, QDict):
        keys = list(to_items(t.keys))
        t = QTable(keys, [[v] for v in to_items(t.values)])
    cols = t.cols
    if any(c not in cols for c in DEFINITION_COLS):
        raise QError("module: definition table needs columns depth, module, name, options")
    get = {c: to_items(t.column(c)) for c in cols}
    n = len(get["depth"])
    rows = []
    for i in range(n):
        o = get["options"][i]
        given = isinstance(o, QDict) and len(to_items(o.keys)) > 0
        spec = Spec(get["module"][i], get["name"][i] or None, [o] if given else [],
                    get["parms"][i] if "parms" in get else None,
                    get["buffers"][i] if "buffers" in get else None)
        rows.append((int(get["depth"][i]), spec))
    return rows


def is_state(x) -> bool:
    """A definition or state table, or one row of it as a dictionary."""
    if isinstance(x, QTable):
        return all(c in x.cols for c in DEFINITION_COLS)
    if isinstance(x, QDict) and is_syms(x.keys):
        return list(x.keys)[:4] == DEFINITION_COLS
    return False


def rows_of(ctx, x) -> list:
    """Any definition -> [(depth, Spec)]."""
    if is_state(x):
        return _table_rows(x)
    n = dv_count(x)
    if n:
        pairs = [x] if n == -1 else x
        return [(int(d), parse_spec(ctx, v)) for d, v in pairs]
    return [(int(d), parse_spec(ctx, v)) for d, v in dv_pairs(x)]


# ---------------------------------------------------------------------------------------------
# building: rows -> modules, on a stack of open containers

def make(ctx, spec: Spec, dtype) -> nn.Module:
    """The module of one spec (new, or the allocated one)."""
    if spec.existing is not None:
        return spec.existing
    ktype = spec.ktype
    k = kind(ktype)
    if ktype == "parmdict":
        m = knn.ParmDict(_parm_values(spec.items, ktype))
        opts = {}
    else:
        missing = dict(k.missing)
        if ktype == "callback" and spec.name:
            missing["fn"] = (f"no k function defined, 2nd symbol, `{spec.name}, defines "
                             "callback module name")
        opts = options(ktype, k.table(), spec.items, missing)
        if "stride" in opts and opts["stride"] is None and "size" in opts:
            opts["stride"] = opts["size"]          # a pool's stride is its size by default
        try:
            with warnings.catch_warnings():     # torch's advice on its own defaults (nested
                warnings.simplefilter("ignore")   # tensors in a transformer) is not the user's
                m = k.build(opts)
        except QError:
            raise
        except TORCH_ERRORS as err:
            raise torch_error(err, ktype) from None
        if ktype == "callback":
            m.call = callback_caller(ctx)
            for which in ("parms", "buffers"):
                if opts[which] is not None:
                    for n, t in _parm_values([opts[which]], "callback").items():
                        if which == "parms":
                            m.register_parameter(n, nn.Parameter(t))
                        else:
                            m.register_buffer(n, t)
            opts = {a: b for a, b in opts.items() if a not in ("parms", "buffers")}
    m._ktype = ktype
    m._kopts = opts
    for _, sub in m.named_modules():          # torch-made children: remember their kind
        if sub is not m and not hasattr(sub, "_ktype"):
            sub._ktype = ktype_of(sub)
    if dtype is not None and dtype != torch.float32 and dtype.is_floating_point:
        m.to(dtype)
    if spec.name is not None:
        m._kname = spec.name
    if spec.parms is not None or spec.buffers is not None:
        set_state(m, spec.parms, spec.buffers, ktype)
    return m


def _parm_values(items, who) -> dict:
    """name -> tensor from a k dictionary, a (names;values) pair, or a dictionary handle."""
    if not items:
        return {}
    v = items[0]
    if isinstance(v, QDict):
        return {k: to_tensor(a) for k, a in zip(to_items(v.keys), to_items(v.values))}
    if isinstance(v, list) and len(v) == 2 and (isinstance(v[0], str) or is_syms(v[0])):
        names = [v[0]] if isinstance(v[0], str) else list(v[0])
        vals = [v[1]] if isinstance(v[0], str) else to_items(v[1])
        return {k: to_tensor(a) for k, a in zip(names, vals)}
    raise QError(f"{who}: expecting k dictionary or (syms;vals) of parameters, given {kname(v)}")


def set_state(m: nn.Module, parms, buffers, who) -> None:
    """Copy a state row's parameter and buffer values into the module's own (direct) tensors."""
    for which, d in (("parameter", parms), ("buffer", buffers)):
        if d is None or not len(d):
            continue
        own = dict(m.named_parameters(recurse=False) if which == "parameter"
                   else m.named_buffers(recurse=False))
        for k, v in zip(to_items(d.keys), to_items(d.values)):
            t = own.get(k)
            if t is None:
                if isinstance(m, (knn.ParmDict, knn.Callback)) or which == "buffer" and \
                        isinstance(m, knn.Callback):
                    if which == "parameter":
                        m.register_parameter(k, nn.Parameter(to_tensor(v)))
                    else:
                        m.register_buffer(k, to_tensor(v))
                    continue
                raise QError(f"{who}: unable to find {which}: {k}")
            if v is None:
                continue
            src = to_tensor(v, device=t.device)
            if src.dtype != t.dtype:
                raise QError(f"{who}: type mismatch, {k} is {t.dtype}, input is {src.dtype}")
            if src.shape != t.shape:
                raise QError(f"{who}: size mismatch, {k} is {list(t.shape)}, input is "
                             f"{list(src.shape)}")
            with torch.no_grad():
                t.copy_(src)


def add_child(parent: nn.Module, child: nn.Module, name: str | None, undo: list) -> str:
    """Add child to a container under its name (or the container's default); record the add in
    undo when the parent existed before the call."""
    if parent is child or any(sub is parent for sub in child.modules()):
        raise QError("module: unable to add a module to itself")
    if name is not None and "." in name:
        raise QError(f"module: name `{name} contains '.'")
    if name is not None and name in parent._modules:
        raise QError(f"module: child name `{name} already in use")
    add = getattr(parent, "add", None)
    try:
        if add is not None:
            key = add(name, child)
        elif isinstance(parent, (nn.Sequential, nn.ModuleList, nn.ModuleDict)):
            key = str(len(parent._modules)) if name is None else name
            knn.put(parent, key, child)
        else:
            raise QError(f"unable to add a {knn.label(child)} module as a child of a "
                         f"{knn.label(parent)} module")
    except knn.ChildError as err:
        raise QError(str(err)) from None
    undo.append((parent, key))
    return key


def _stack_of(m: nn.Module) -> list:
    """The containers open after m's last module, by depth (ktorch's stack for adding)."""
    if not is_container(m):
        return [m]
    q: list = []

    def walk(d, x):
        del q[d:]
        if is_container(x):
            q.append(x)
            for c in x._modules.values():
                walk(d + 1, c)
    walk(0, m)
    return q


def build_rows(ctx, rows: list, root: nn.Module | None = None):
    """Build rows on a stack (starting from root's, when adding to it); returns (module, undo)
    where undo lists the children added to modules that existed before."""
    dtype = default_dtype(ctx)
    q = _stack_of(root) if root is not None else []
    fresh = set()               # ids of modules made by this call (adds to them need no undo)
    undo: list = []
    implicit = 0                # rows that name the children a module made itself
    try:
        for d, spec in rows:
            parent = _implicit_parent(q)
            if parent is not None and spec.existing is None and \
                    d > (len(q) if is_container(q[-1]) else 0):
                _match_implicit(ctx, parent, implicit, spec)
                implicit += 1
                continue
            implicit = 0
            ktype = spec.ktype
            if spec.existing is None:
                kind(ktype)
            if d < (1 if q else 0):
                raise QError(f"{ktype}: depth {d} below min depth of {1 if q else 0}")
            if d > len(q):
                raise QError(f"{ktype}: depth {d} above max depth of {len(q)}")
            del q[d:]
            m = make(ctx, spec, dtype)
            fresh.add(id(m))
            if q:
                log: list = []
                add_child(q[-1], m, getattr(m, "_kname", None), log)
                if id(q[-1]) not in fresh:
                    undo.extend(log)
                if is_container(m):
                    q.append(m)
            else:
                q.append(m)
    except BaseException:
        for parent, key in reversed(undo):
            del parent._modules[key]
        raise
    if not q:
        raise QError("empty module stack -- cannot get originating module")
    return q[0], undo


def _implicit_parent(q: list):
    """The module whose own (torch-made) children the next deeper rows describe, if any."""
    if not q:
        return None
    top = q[-1]
    if is_container(top):
        kids = list(top._modules.values())
        return kids[-1] if kids and kids[-1]._modules and not is_container(kids[-1]) else None
    return top if top._modules else None


def _match_implicit(ctx, parent: nn.Module, j: int, spec: Spec) -> None:
    """A state row for the j-th submodule that parent made itself: check it, set its tensors."""
    subs = [(n, s) for n, s in parent.named_modules() if n]
    if j >= len(subs):
        raise QError(f"unable to find {spec.ktype}({spec.name}) in parent "
                     f"{knn.label(parent)}")
    n, sub = subs[j]
    if spec.name is not None and not n.endswith(spec.name):
        raise QError(f"child module mismatch: {n} does not end with expected suffix "
                     f"'{spec.name}'")
    if ktype_of(sub) != spec.ktype:
        raise QError(f"child module {n} mismatch with given options")
    set_state(sub, spec.parms, spec.buffers, n)


# ---------------------------------------------------------------------------------------------
# callbacks: a forward pass that calls q

def callback_caller(ctx):
    """The function a callback module calls: it gives the q function (m;x..) new handles to the
    module and the inputs, and takes back a tensor (its handle is then released)."""
    ref = weakref.ref(ctx)

    def call(mod, xs):
        c = ref()
        if c is None:
            raise RuntimeError("callback: the q session has ended")
        fn = c.eval_text(mod.fn) if mod.fnstring else c.get_global(mod.fn)
        reg = c.registry
        hs = [reg.new(mod, "module")] + [reg.new(t, "tensor") for t in xs]
        r = None
        try:
            r = c.apply(fn, hs)
            # the result is read before any handle goes: f may return one of its inputs (ktorch
            # reads the result, then frees it and the arguments)
            t = reg.entry(r).obj if is_handle(r) and reg.has(r) and \
                reg.entry(r).cls == "tensor" else None
        finally:
            for h in hs + ([r] if is_handle(r) else []):
                if reg.has(h):
                    reg.release(h)
        if t is not None:
            return t
        if isinstance(r, QError):
            raise r
        raise QError(f"callback: unable to retrieve tensor from {kname(r)}")
    return call


# ---------------------------------------------------------------------------------------------
# definitions and state back to q

def root_name(m: nn.Module) -> str:
    return getattr(m, "_kname", None) or ""


def _k_tensors(items) -> QDict:
    keys = [n for n, _ in items]
    return QDict(syms(keys), from_items([None if t is None else to_k(t.detach()) for _, t in items])
                 if keys else [])


def definition(m: nn.Module, alloptions: bool = True, with_state: bool = False):
    """`module q` / `state q`: a table for a container or a module with children, else a
    dictionary; state adds each module's own parameters and buffers."""
    rows = []

    def walk(d, name, x):
        row = [np.int64(d), ktype_of(x), name, options_dict(x, alloptions)]
        if with_state:
            row += [_k_tensors(list(x.named_parameters(recurse=False))),
                    _k_tensors(list(x.named_buffers(recurse=False)))]
        rows.append(row)
        for n, c in x._modules.items():
            if c is not None:
                walk(d + 1, n, c)
    walk(0, root_name(m), m)
    cols = STATE_COLS if with_state else DEFINITION_COLS
    if not is_container(m) and len(rows) == 1:
        return QDict(syms(cols), rows[0])
    data = [np.array([r[0] for r in rows], dtype=np.int64), syms([r[1] for r in rows]),
            syms([r[2] for r in rows])] + [[r[i] for r in rows] for i in range(3, len(cols))]
    return QTable(list(cols), data)


def _sub(m: nn.Module, key, who: str) -> nn.Module:
    """Child module by (dotted) name or by child index."""
    if isinstance(key, str):
        if key == "":
            return m
        try:
            return m.get_submodule(key)
        except AttributeError:
            raise QError(f"{who}: no child module `{key}") from None
    if isinstance(key, np.integer) and not isinstance(key, np.bool_):
        kids = list(m._modules.values())
        i = int(key)
        if not 0 <= i < len(kids):
            n = len(kids)
            raise QError(f"{who}: invalid index[{i}] for {n} child module{'' if n == 1 else 's'}")
        return kids[i]
    raise QError(f"{who}: expecting integer or symbol for 2nd arg, given {kname(key)}")


def _target(ctx, x, who: str) -> nn.Module:
    a = args_of(x)
    if not a:
        raise QError(f"{who}: expecting module, model or optimizer")
    m = module_of(ctx, a[0], who, classes=("module", "model", "optimizer", "loss"))
    if len(a) == 1:
        return m
    if len(a) == 2:
        return _sub(m, a[1], who)
    raise QError(f"{who}: expecting up to two args, (object; index/name), given {len(a)} args")


# ---------------------------------------------------------------------------------------------
# the api

def module_fn(ctx, x):
    """module def | module q | module(q;flag) | module(q;spec) | module(q;depth;spec) |
    module m (model/optimizer): build; show; add to; a new handle to a model's module."""
    if is_handle(x):
        e = get_handle(ctx, x, "module", "model", "optimizer", who="module")
        if isinstance(e.obj, nn.Module):
            return definition(e.obj, alloptions(ctx))
        return ctx.registry.new(entry_module(e, "module"), "module")
    if isinstance(x, list) and len(x) >= 2 and is_handle(x[0]):
        e = get_handle(ctx, x[0], "module", who="module")
        m = e.obj
        if len(x) == 2 and isinstance(x[1], np.bool_):
            return definition(m, bool(x[1]))
        if len(x) == 2:
            rows = [(len(_stack_of(m)), parse_spec(ctx, x[1]))] if is_handle(x[1]) \
                else rows_of(ctx, x[1])
            if not is_handle(x[1]) and not is_state(x[1]) and not dv_count(x[1]):
                base = len(_stack_of(m))
                rows = [(d + base, s) for d, s in rows]
        elif len(x) == 3 and isinstance(x[1], np.integer) and not isinstance(x[1], np.bool_):
            rows = [(int(x[1]), parse_spec(ctx, x[2]))]
        else:
            raise QError(f"module: {knn.label(m)} given as 1st arg, but unable to parse "
                         "remaining arg(s)")
        with session_rng(ctx):
            build_rows(ctx, rows, m)
        consume(ctx, [s.handle for _, s in rows if s.handle is not None], by="module")
        return None
    if not isinstance(x, (list, str, np.ndarray, QDict, QTable)):
        raise QError(f"module: unrecognized arg(s), {kname(x)}")
    rows = rows_of(ctx, x)
    with session_rng(ctx):
        m, _ = build_rows(ctx, rows)
    consume(ctx, [s.handle for _, s in rows if s.handle is not None], by="module")
    return ctx.registry.new(m, "module")


def seq_fn(ctx, x):
    """seq x: enlist every item after the first (a two-level tree)."""
    if isinstance(x, str):
        return x
    if is_syms(x):
        if not len(x):
            raise QError("seq: expecting at least one module symbol, given  empty list")
        return [x[0]] + [syms([y]) for y in x[1:]]
    if isinstance(x, list):
        if not x:
            raise QError("seq: empty list")
        out = [x[0]]
        for y in x[1:]:
            if isinstance(y, str):
                out.append(syms([y]))
            elif isinstance(y, (np.generic,)) and not isinstance(y, np.str_):
                raise QError(f"seq: scalar expected to be a symbol, given a {kname(y)}")
            else:
                out.append([y])
        return out
    raise QError(f"seq: expecting module symbol(s) or list, given {kname(x)}")


def dv_fn(ctx, x):
    """dv t: a tree of module definitions as (depth;value) pairs."""
    return dv_pairs(x)


def tree_fn(ctx, x):
    """tree d: depth-value pairs back to a tree."""
    n = dv_count(x)
    if not n:
        raise QError(f"unable to parse (value;depth): {ctx.one_line(x)}")
    return tree_of([x] if n == -1 else x)


def _names_fn(kind_):
    def f(ctx, x):
        if is_handle(x):
            e = get_handle(ctx, x, who=kind_)
            if e.cls == "dictionary":
                if kind_ != "names":
                    raise QError(f"{kind_}: not implemented for dictionary")
                return syms(e.obj.keys())
        m = _target(ctx, x, kind_)      # names are relative to the module (or the child) named,
        if kind_ == "names":            # never under a root's own name (ktorch's nameargs)
            n = [k for k, _ in m.named_modules() if k]
        elif kind_ == "childnames":
            n = list(m._modules.keys())
        elif kind_ == "parmnames":
            n = [k for k, _ in m.named_parameters()]
        else:
            n = [k for k, _ in m.named_buffers()]
        return syms(n)
    f.__doc__ = f"{kind_} q: names relative to q (or to q's child)"
    return f


def moduletypes_fn(ctx, x):
    """moduletypes q: name -> kind of every module (the root's key is `); moduletypes(q;`k):
    the names of the modules of kind k; moduletypes(q;`k`j): name -> kind of those kinds."""
    a = args_of(x)
    m = module_of(ctx, a[0] if a else x, "moduletypes")
    items = [(k, ktype_of(s)) for k, s in m.named_modules()]
    if len(a) <= 1:
        return QDict(syms([k for k, _ in items]), syms([t for _, t in items]))
    if len(a) != 2:
        raise QError(f"moduletypes: expecting 1-2 arguments, e.g. module or (module;types), but "
                     f"{len(a)} args supplied")
    want = a[1]
    if isinstance(want, str):
        ts = [want]
    elif is_syms(want):
        ts = list(want)
    else:
        raise QError(f"moduletypes: expecting 2nd arg of module types(symbols), given "
                     f"{kname(want)}")
    for t in ts:
        if t not in MODULES:
            raise QError(f"unrecognized module type: `{t}")
    hit = [(k, t) for k, t in items if t in ts]
    if isinstance(want, str):
        return syms([k for k, _ in hit])
    return QDict(syms([k for k, _ in hit]), syms([t for _, t in hit]))


def parmtypes_fn(ctx, x):
    """parmtypes q: parameter name -> kind of the module that owns it."""
    m = _target(ctx, x, "parmtypes")
    keys, vals = [], []
    for mn, sub in m.named_modules():
        for pn, _ in sub.named_parameters(recurse=False):
            keys.append(f"{mn}.{pn}" if mn else pn)
            vals.append(ktype_of(sub))
    return QDict(syms(keys), syms(vals))


def parms_fn(ctx, x):
    """parms q / parms(q;`child): LIVE dictionary of parameters, keys relative to the child."""
    m = _target(ctx, x, "parms")
    return ctx.registry.new(TensorDict(kind="parameter", module=m), "dictionary",
                            kind="parameter")


def buffers_fn(ctx, x):
    """buffers q / buffers(q;`child): LIVE dictionary of buffers."""
    m = _target(ctx, x, "buffers")
    return ctx.registry.new(TensorDict(kind="buffer", module=m), "dictionary", kind="buffer")


def find_tensor(m: nn.Module, name: str, kind_: str):
    """A module's parameter or buffer by dotted name, relative to the module."""
    d = dict(m.named_parameters() if kind_ == "parm" else m.named_buffers())
    return d.get(name)


def _parm_or_buffer(kind_):
    who = kind_
    what = "parameter" if kind_ == "parm" else "buffer"

    def f(ctx, x):
        a = args_of(x)
        if len(a) not in (2, 3):
            raise QError(f"{who}: expecting 2-3 args, e.g. (module;{what} name) or "
                         f"(module;{what} name;value), but given {len(a)} args")
        m = module_of(ctx, a[0], who, classes=("module", "model", "optimizer", "loss"))
        name = a[1]
        if not isinstance(name, str):
            raise QError(f"{who}: second arg is {what} name, expecting symbol given "
                         f"{kname(name)}")
        t = find_tensor(m, name, kind_)
        if len(a) == 2:
            if t is None:
                raise QError(f"{who}: {what} `{name} not found")
            return ctx.registry.new(t, "tensor")
        if t is None:
            if "." in name:
                raise QError(f"{who}: {what} `{name} not found")
            v = tensor_arg(ctx, a[2], None, who)
            try:
                if kind_ == "parm":
                    m.register_parameter(name, nn.Parameter(v))
                else:
                    m.register_buffer(name, v)
            except TORCH_ERRORS as err:
                raise torch_error(err, who) from None
            return None
        v = tensor_arg(ctx, a[2], None, who)
        check_write(who, name, t, v)
        try:
            copy_into_([t], [v])
        except RuntimeError as err:
            raise torch_error(err) from None
        return None
    f.__doc__ = f"{kind_}(q;`name): tensor sharing the module's {what}; {kind_}(q;`name;v) copies"
    return f


def children_fn(ctx, x):
    """children q: k dict child name -> new module handle."""
    m = _target(ctx, x, "children")
    return QDict(syms(list(m._modules)), [ctx.registry.new(c, "module")
                                          for c in m._modules.values()])


def modules_fn(ctx, x):
    """modules q: k dict of all submodules (dotted names) -> new module handles."""
    m = _target(ctx, x, "modules")
    items = [(k, s) for k, s in m.named_modules() if k]
    return QDict(syms([k for k, _ in items]), [ctx.registry.new(s, "module") for _, s in items])


def child_fn(ctx, x):
    """child(q;`name) or child(q;i): a new handle to one submodule."""
    a = args_of(x)
    if len(a) != 2:
        raise QError(f"child: expects 2 args, (module/model/optimizer; name/index), {len(a)} "
                     "arg(s) given")
    return ctx.registry.new(_sub(module_of(ctx, a[0], "child"), a[1], "child"), "module")


def training_fn(ctx, x):
    """training q -> flag; training(q;flag) sets the module (and its children) mode."""
    a = args_of(x)
    if len(a) == 1:
        return np.bool_(module_of(ctx, a[0], "training").training)
    if len(a) == 2:
        m = module_of(ctx, a[0], "training")
        flag = a[1]
        if not isinstance(flag, np.bool_):
            raise QError(f"training: expecting boolean flag, given {kname(flag)}")
        m.train(bool(flag))
        return None
    raise QError(f"training: expecting 1-2 args, given {len(a)}")


def clone_fn(ctx, x):
    """clone q: a new module handle to a deep copy (of a module, or a model's or optimizer's
    module); clone t: a copy of a tensor."""
    a = args_of(x)
    if len(a) != 1:
        raise QError(f"clone: expecting 1 arg, given {len(a)}")
    e = get_handle(ctx, a[0], "module", "model", "optimizer", "tensor", who="clone")
    if e.cls == "tensor":
        return ctx.registry.new(e.obj.detach().clone(), "tensor")
    return ctx.registry.new(copy.deepcopy(entry_module(e, "clone")), "module")


def _end_module(first: bool):
    who = "inputmodule" if first else "outputmodule"

    def f(ctx, x):
        m = module_of(ctx, x, who, classes=("module", "model"))
        while ktype_of(m) in ("sequential", "modulelist", "moduledict") and m._modules:
            kids = list(m._modules.values())
            m = kids[0] if first else kids[-1]
        return ktype_of(m)
    f.__doc__ = f"{who} q: the kind of module that takes the {'input' if first else 'output'}"
    return f


def callbacks_fn(ctx, x):
    """callbacks[]: the callback forms (function, inputs, result)."""
    if x is not None and not (isinstance(x, list) and not x):
        raise QError("callbacks: empty arg expected")
    from ..values.types import chars
    fns = [chars("{[m;x]}"), chars("{[m;x;y]}"), chars("{[m;x;y;z]}")]
    ins = [arg_list(["tensor"] * n) for n in (1, 2, 3)]
    return QTable(["fn", "in", "out"], [fns, ins, syms(["tensor"] * 3)])


define("module", monad=module_fn, ctx=True,
       doc="module def | module q | module(q;flag) | module(q;spec) | module(q;depth;spec) | "
           "module m  build a module from a definition (tree, depth-value pairs or table); its "
           "definition; add to it; a model's or optimizer's module")
define("seq", monad=seq_fn, ctx=True,
       doc="seq(parent;child..)  a two-level definition: enlist each child after the parent")
define("dv", monad=dv_fn, ctx=True,
       doc="dv t  a tree of module definitions as (depth;value) pairs")
define("tree", monad=tree_fn, ctx=True,
       doc="tree d  (depth;value) pairs back to a tree of module definitions")
_NAMES_DOC = {"names": "names of all submodules, under the root's name (or a dictionary's "
                       "keys)",
              "childnames": "names of the immediate child modules",
              "parmnames": "names of the parameters", "buffernames": "names of the buffers"}
for _k, _d in _NAMES_DOC.items():
    define(_k, monad=_names_fn(_k), ctx=True,
           doc=f"{_k} q | {_k}(q;`child)  {_d}, relative to q or to its child")
define("moduletypes", monad=moduletypes_fn, ctx=True,
       doc="moduletypes q | moduletypes(q;kinds)  submodule name -> kind; the names of the "
           "modules of some kinds")
define("parmtypes", monad=parmtypes_fn, ctx=True,
       doc="parmtypes q  dictionary of parameter name -> kind of the module that owns it")
define("parms", monad=parms_fn, ctx=True,
       doc="parms q | parms(q;`child)  a live dictionary of the module's parameters")
define("buffers", monad=buffers_fn, ctx=True,
       doc="buffers q | buffers(q;`child)  a live dictionary of the module's buffers")
define("parm", monad=_parm_or_buffer("parm"), ctx=True,
       doc="parm(q;`name) | parm(q;`name;v)  a tensor sharing one parameter; copy v into it "
           "(a new parameter when there is none of that name)")
define("buffer", monad=_parm_or_buffer("buffer"), ctx=True,
       doc="buffer(q;`name) | buffer(q;`name;v)  a tensor sharing one buffer; copy v into it")
define("children", monad=children_fn, ctx=True,
       doc="children q | children(q;`child)  dictionary of child name -> new module handle")
define("modules", monad=modules_fn, ctx=True,
       doc="modules q | modules(q;`child)  every submodule (dotted names) -> new module handle")
define("child", monad=child_fn, ctx=True,
       doc="child(q;`name) | child(q;i)  a new handle to one submodule")
define("training", monad=training_fn, ctx=True,
       doc="training q | training(q;flag)  1b if the module is in training mode; set the mode "
           "of it and its children")
define("clone", monad=clone_fn, ctx=True,
       doc="clone q | clone t  a new handle to a deep copy of a module or tensor")
define("inputmodule", monad=_end_module(True), ctx=True,
       doc="inputmodule q  the kind of the module that takes a network's first input")
define("outputmodule", monad=_end_module(False), ctx=True,
       doc="outputmodule q  the kind of the module that gives a network's output")
define("callbacks", monad=callbacks_fn, ctx=True,
       doc="callbacks[]  the forms a callback module's q function may take")
