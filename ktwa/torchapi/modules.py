"""ktorch modules: `module` (every definition form), definitions as q tables, names, parms...

A module handle names a torch.nn.Module. Each module built here carries its ktorch type and
options as attributes (``_ktype``, ``_kopts``, ``_kname``) so that `module q` can show the
definition; options that torch can change later (batchnorm momentum) are read back live.

Definition forms (ktorch-api.md §5.1): a single enlisted spec `(type;[name;]options..)`, a bare
symbol, `(type;name)` symbols, a tree `(parent;child;..)`, depth-value pairs, a definition
table/dict (`module module q`), and adding to an existing container `module(q;spec)`,
`module(q;depth;spec)`, `module(q;handle)`.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from ..averaging.swa import copy_into_
from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, from_items, is_syms, syms, to_items
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, args_of, check_write, k_value, py_value, torch_error
from .convert import kname
from .handles import consume, entry_module, get_handle, module_of, tensor_arg
from .objects import TensorDict
from .state import default_dtype, session_rng, session_settings

define = Definitions()

REQ = object()          # marks a required option

# ktorch type -> [(option, default)] in positional order (ktorch-api.md §5.3)
_CONV = [("in", REQ), ("out", REQ), ("size", REQ), ("stride", 1), ("pad", 0), ("dilate", 1),
         ("groups", 1), ("bias", True), ("padmode", "zeros")]
_BN = [("in", REQ), ("eps", 1e-05), ("momentum", 0.1), ("affine", True), ("track", True)]
_MAXPOOL = [("size", REQ), ("stride", None), ("pad", 0), ("dilate", 1), ("ceiling", False)]
_AVGPOOL = [("size", REQ), ("stride", None), ("pad", 0), ("ceiling", False), ("countpad", True),
            ("divisor", None)]
OPTIONS: dict[str, list] = {
    "linear": [("in", REQ), ("out", REQ), ("bias", True)],
    "conv1d": _CONV, "conv2d": _CONV, "conv3d": _CONV,
    "batchnorm1d": _BN, "batchnorm2d": _BN, "batchnorm3d": _BN,
    "relu": [("inplace", False)], "relu6": [("inplace", False)],
    "leakyrelu": [("slope", 0.01), ("inplace", False)],
    "gelu": [("approximate", "none")], "tanh": [], "sigmoid": [],
    "softmax": [("dim", REQ)], "logsoftmax": [("dim", REQ)],
    "drop": [("p", 0.5), ("inplace", False)],
    "maxpool1d": _MAXPOOL, "maxpool2d": _MAXPOOL, "maxpool3d": _MAXPOOL,
    "avgpool1d": _AVGPOOL, "avgpool2d": _AVGPOOL, "avgpool3d": _AVGPOOL,
    "flatten": [("start", 1), ("end", -1)],
    "reshape": [("size", REQ)],
    "embed": [("rows", REQ), ("cols", REQ), ("padindex", None), ("maxnorm", None), ("p", 2.0),
              ("scale", False), ("sparse", False)],
    "layernorm": [("shape", REQ), ("eps", 1e-05), ("affine", True)],
    "sequential": [], "seqnest": [], "identity": [],
}
CONTAINERS = frozenset({"sequential", "seqnest"})
_OPTION_NAMES = {t: frozenset(n for n, _ in v) for t, v in OPTIONS.items()}
BATCHNORMS = (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)

# options that are floats (ints given are widened) / bools (0/1 longs accepted)
_FLOATS = {"eps", "momentum", "p", "slope", "maxnorm"}
_BOOLS = {"bias", "affine", "track", "inplace", "ceiling", "countpad", "scale", "sparse"}
_MISSING_TEXT = {("batchnorm1d", "in"): "number of input features not defined",
                 ("batchnorm2d", "in"): "number of input features not defined",
                 ("batchnorm3d", "in"): "number of input features not defined",
                 ("linear", "in"): "positive input size required",
                 ("linear", "out"): "positive output size required"}


class Reshape(nn.Module):
    """ktorch's `reshape` module: x.reshape(size)."""

    def __init__(self, size):
        super().__init__()
        self.size = tuple(size) if isinstance(size, (tuple, list)) else (size,)

    def forward(self, x):
        return x.reshape(self.size)

    def extra_repr(self):
        return f"size={list(self.size)}"


def _tup(v):
    return tuple(v) if isinstance(v, (tuple, list)) else v


def _build_torch(ktype: str, o: dict) -> nn.Module:
    """The torch module for a ktorch type and its normalized options."""
    if ktype == "linear":
        return nn.Linear(o["in"], o["out"], bias=o["bias"])
    if ktype in ("conv1d", "conv2d", "conv3d"):
        cls = {"conv1d": nn.Conv1d, "conv2d": nn.Conv2d, "conv3d": nn.Conv3d}[ktype]
        return cls(o["in"], o["out"], _tup(o["size"]), stride=_tup(o["stride"]),
                   padding=_tup(o["pad"]), dilation=_tup(o["dilate"]), groups=o["groups"],
                   bias=o["bias"], padding_mode=o["padmode"])
    if ktype.startswith("batchnorm"):
        cls = {"batchnorm1d": nn.BatchNorm1d, "batchnorm2d": nn.BatchNorm2d,
               "batchnorm3d": nn.BatchNorm3d}[ktype]
        return cls(o["in"], eps=o["eps"], momentum=o["momentum"], affine=o["affine"],
                   track_running_stats=o["track"])
    if ktype == "relu":
        return nn.ReLU(o["inplace"])
    if ktype == "relu6":
        return nn.ReLU6(o["inplace"])
    if ktype == "leakyrelu":
        return nn.LeakyReLU(o["slope"], o["inplace"])
    if ktype == "gelu":
        return nn.GELU(approximate=o["approximate"])
    if ktype == "tanh":
        return nn.Tanh()
    if ktype == "sigmoid":
        return nn.Sigmoid()
    if ktype == "softmax":
        return nn.Softmax(o["dim"])
    if ktype == "logsoftmax":
        return nn.LogSoftmax(o["dim"])
    if ktype == "drop":
        return nn.Dropout(o["p"], o["inplace"])
    if ktype.startswith("maxpool"):
        cls = {"maxpool1d": nn.MaxPool1d, "maxpool2d": nn.MaxPool2d, "maxpool3d": nn.MaxPool3d}
        return cls[ktype](_tup(o["size"]), _tup(o["stride"]), _tup(o["pad"]), _tup(o["dilate"]),
                          ceil_mode=o["ceiling"])
    if ktype.startswith("avgpool"):
        cls = {"avgpool1d": nn.AvgPool1d, "avgpool2d": nn.AvgPool2d, "avgpool3d": nn.AvgPool3d}
        kw = {} if ktype == "avgpool1d" else {"divisor_override": o["divisor"]}
        return cls[ktype](_tup(o["size"]), _tup(o["stride"]), _tup(o["pad"]), o["ceiling"],
                          o["countpad"], **kw)
    if ktype == "flatten":
        return nn.Flatten(o["start"], o["end"])
    if ktype == "reshape":
        return Reshape(o["size"])
    if ktype == "embed":
        return nn.Embedding(o["rows"], o["cols"], padding_idx=o["padindex"],
                            max_norm=o["maxnorm"], norm_type=o["p"],
                            scale_grad_by_freq=o["scale"], sparse=o["sparse"])
    if ktype == "layernorm":
        return nn.LayerNorm(_tup(o["shape"]), eps=o["eps"], elementwise_affine=o["affine"])
    if ktype in CONTAINERS:
        return nn.Sequential()
    if ktype == "identity":
        return nn.Identity()
    raise QError(f"unrecognized module: {ktype}")


# torch class -> ktorch type, for modules not built here
_CLASS_TYPE = {nn.Linear: "linear", nn.Conv1d: "conv1d", nn.Conv2d: "conv2d", nn.Conv3d: "conv3d",
               nn.BatchNorm1d: "batchnorm1d", nn.BatchNorm2d: "batchnorm2d",
               nn.BatchNorm3d: "batchnorm3d", nn.ReLU: "relu", nn.GELU: "gelu", nn.Tanh: "tanh",
               nn.Sigmoid: "sigmoid", nn.Dropout: "drop", nn.MaxPool2d: "maxpool2d",
               nn.AvgPool2d: "avgpool2d", nn.Flatten: "flatten", Reshape: "reshape",
               nn.Embedding: "embed", nn.LayerNorm: "layernorm", nn.Sequential: "sequential",
               nn.Identity: "identity"}


def ktype_of(m: nn.Module) -> str:
    t = getattr(m, "_ktype", None)
    if t is None:
        t = _CLASS_TYPE.get(type(m), type(m).__name__.lower())
    return t


# ---------------------------------------------------------------------------------------------
# q value <-> option values

def _norm(ktype: str, name: str, v):
    """Check/normalize one option value."""
    p = py_value(v)
    if name in _BOOLS:
        if isinstance(p, bool):
            return p
        if isinstance(p, int) and p in (0, 1):
            return bool(p)
        raise QError(f"{ktype}: {name} expects boolean, given {kname(v)}")
    if name in _FLOATS:
        if name == "momentum" and p is None:
            return None
        if name == "maxnorm" and p is None:
            return None
        if isinstance(p, (int, float)) and not isinstance(p, bool):
            return float(p)
        raise QError(f"{ktype}: {name} expects double, given {kname(v)}")
    if name == "eps":
        return float(p)
    return p


def _live_options(m: nn.Module) -> dict:
    """The module's ktorch options (dict name -> python value), read live where torch can differ."""
    ktype = ktype_of(m)
    o = dict(getattr(m, "_kopts", None) or _infer_options(m, ktype))
    if isinstance(m, BATCHNORMS):
        o["momentum"] = m.momentum
        o["eps"] = m.eps
    return o


def _infer_options(m: nn.Module, ktype: str) -> dict:
    """Options of a torch module that was not built from a ktorch spec (best effort)."""
    if isinstance(m, nn.Linear):
        return {"in": m.in_features, "out": m.out_features, "bias": m.bias is not None}
    if isinstance(m, BATCHNORMS):
        return {"in": m.num_features, "eps": m.eps, "momentum": m.momentum, "affine": m.affine,
                "track": m.track_running_stats}
    return {}


def options_dict(m: nn.Module, alloptions: bool = True) -> QDict:
    """k dict of a module's options (all, or only non-default ones)."""
    ktype = ktype_of(m)
    o = _live_options(m)
    defaults = dict(OPTIONS.get(ktype, []))
    keys, vals = [], []
    for k, v in o.items():
        d = defaults.get(k, REQ)
        if not alloptions and d is not REQ and d == v:
            continue
        keys.append(k)
        vals.append(k_value(v, float_null=k in _FLOATS))
    return QDict(syms(keys), from_items(vals) if vals else [])


# ---------------------------------------------------------------------------------------------
# definition parsing: q value -> Node tree

@dataclass
class Node:
    ktype: str = ""
    name: str | None = None
    pos: list = field(default_factory=list)
    named: list = field(default_factory=list)       # [(name, value)] in given order
    children: list = field(default_factory=list)
    existing: nn.Module | None = None               # an allocated module, given by ...
    handle: list | None = None                      # ... this handle (consumed once built)
    opts: dict | None = None                        # options already normalized (from a table)


def _handles(node: Node) -> list:
    """The handles of allocated modules in a definition tree (consumed once it is built)."""
    out = [node.handle] if node.handle is not None else []
    for c in node.children:
        out += _handles(c)
    return out


def _is_pair(x, ktype: str) -> bool:
    """(`name;value) or `name`value naming one of the type's options."""
    names = _OPTION_NAMES.get(ktype, ())
    if isinstance(x, list) and len(x) == 2 and isinstance(x[0], str):
        return x[0] in names or ktype in _OPTION_NAMES and not isinstance(x[1], list)
    return is_syms(x) and len(x) == 2 and x[0] in names


def _is_pairs(x, ktype: str) -> bool:
    return isinstance(x, list) and len(x) > 0 and all(_is_pair(y, ktype) for y in x)


def parse_spec(x) -> Node:
    """One module spec: `type, `type`name, (`type;[`name;]options..)."""
    if isinstance(x, str):
        return Node(x)
    if is_syms(x):
        if len(x) == 1:
            return Node(x[0])
        if len(x) == 2:
            return Node(x[0], x[1] or None)
        return parse_spec(list(x))        # (`gelu;`g;`tanh) is a symbol vector
    if isinstance(x, list) and x and isinstance(x[0], str):
        node = Node(x[0])
        rest = x[1:]
        if rest and isinstance(rest[0], str):
            node.name = rest[0] or None
            rest = rest[1:]
        named = False
        for y in rest:
            if isinstance(y, QDict):
                named = True
                for k, v in zip(to_items(y.keys), to_items(y.values)):
                    node.named.append((k, v))
            elif _is_pair(y, node.ktype):
                named = True
                node.named.append((y[0], y[1]))
            elif _is_pairs(y, node.ktype):
                named = True
                node.named.extend((p[0], p[1]) for p in y)
            elif named:
                raise QError(f"{node.ktype}: positional arg given after name-value pair(s)")
            else:
                node.pos.append(y)
        return node
    raise QError(f"module: expecting module type as symbol, given {kname(x)}")


def _is_leafish(x) -> bool:
    return isinstance(x, str) or is_syms(x)


def parse_child(ctx, x) -> Node:
    """A child in a tree: enlisted spec, bare symbol, (type;name) symbols, handle or subtree."""
    if is_handle(x):
        return _existing(ctx, x)
    if _is_leafish(x):
        return parse_spec(x)
    if isinstance(x, list) and len(x) == 1:
        return parse_spec(x[0])
    if isinstance(x, list) and len(x) > 1:
        return parse_tree(ctx, x)
    raise QError(f"module: unrecognized child definition, given {kname(x)}")


def parse_tree(ctx, x: list) -> Node:
    head = x[0]
    if isinstance(head, list) and len(head) == 1 and not is_handle(head):
        head = head[0]
    node = parse_spec(head)
    node.children = [parse_child(ctx, c) for c in x[1:]]
    return node


def _is_depth_pairs(x) -> bool:
    return (isinstance(x, list) and len(x) > 0 and all(
        isinstance(y, list) and len(y) == 2 and isinstance(y[0], (np.integer,))
        and not isinstance(y[0], np.bool_) for y in x))


def parse_depth_pairs(ctx, x: list) -> Node:
    items = [(int(d), v) for d, v in x]
    return _nest(items, lambda v: _existing(ctx, v) if is_handle(v) else parse_spec(v))


def _nest(items, make) -> Node:
    """Build the tree from (depth, spec) pairs in pre-order."""
    if not items or items[0][0] != 0:
        raise QError("module: first depth must be 0")
    stack: list[Node] = []
    root = None
    for d, v in items:
        node = make(v)
        if d == 0:
            if root is not None:
                raise QError("module: more than one module at depth 0")
            root = node
            stack = [node]
            continue
        if d > len(stack):
            raise QError(f"module: depth {d} given after depth {len(stack) - 1}")
        del stack[d:]
        stack[-1].children.append(node)
        stack.append(node)
    return root


def parse_table(t: QTable) -> Node:
    """A definition table (`module q`) or its row dicts back to a Node tree."""
    cols = t.cols
    need = ("depth", "module", "name", "options")
    if any(c not in cols for c in need):
        raise QError("module: definition table needs columns depth, module, name, options")
    rows = []
    for d, m, n, o in zip(*(to_items(t.column(c)) for c in need)):
        rows.append((int(d), (m, n, o)))

    def make(v):
        m, n, o = v
        node = Node(m, n or None)
        if isinstance(o, QDict):
            node.named = list(zip(to_items(o.keys), to_items(o.values)))
        return node
    return _nest(rows, make)


def parse_definition(ctx, x) -> Node:
    """Any top-level `module x` argument (not a handle)."""
    if isinstance(x, QTable):
        return parse_table(x)
    if isinstance(x, QDict):
        keys = list(to_items(x.keys))
        if keys[:4] == ["depth", "module", "name", "options"]:
            v = to_items(x.values)
            return parse_table(QTable(keys[:4], [[a] for a in v[:4]]))
        raise QError("module: unrecognized dictionary, expecting depth, module, name, options")
    if _is_leafish(x):
        return parse_spec(x)
    if isinstance(x, list) and x:
        if _is_depth_pairs(x):
            return parse_depth_pairs(ctx, x)
        if len(x) == 1:
            return parse_child(ctx, x[0]) if is_handle(x[0]) else parse_spec(x[0])
        if isinstance(x[0], str) and any(
                isinstance(y, (np.number, np.bool_, QDict))
                or isinstance(y, list) and len(y) == 2 and y[0] in _OPTION_NAMES.get(x[0], ())
                for y in x[1:]):
            return parse_spec(x)          # an un-enlisted single spec: accept it
        return parse_tree(ctx, x)
    raise QError(f"module: unrecognized definition, given {kname(x)}")


def _existing(ctx, h) -> Node:
    """An allocated module in a definition: its handle is consumed when the definition has been
    built (never by a definition that fails)."""
    e = get_handle(ctx, h, "module", who="module")
    return Node(ktype_of(e.obj), existing=e.obj, handle=h)


# ---------------------------------------------------------------------------------------------
# Node -> torch module

def resolve_options(node: Node) -> dict:
    ktype = node.ktype
    table = OPTIONS.get(ktype)
    if table is None:
        raise QError(f"unrecognized module: {ktype}")
    names = [n for n, _ in table]
    if len(node.pos) > len(names):
        raise QError(f"{ktype}: expecting up to {len(names)} positional option(s), "
                     f"given {len(node.pos)}")
    o = {}
    for n, v in zip(names, node.pos):
        o[n] = _norm(ktype, n, v)
    for n, v in node.named:
        if n not in names:
            raise QError(f"{ktype}: unrecognized option: {n}")
        if n in o:
            raise QError(f"{ktype}: option {n} given more than once")
        o[n] = _norm(ktype, n, v)
    out = {}
    for n, d in table:
        if n in o:
            out[n] = o[n]
        elif d is REQ:
            raise QError(f"{ktype}: " + _MISSING_TEXT.get((ktype, n), f"{n} not defined"))
        else:
            out[n] = d
    return out


def build(node: Node, dtype: torch.dtype | None = None, child: bool = False) -> nn.Module:
    if node.existing is not None:
        m = node.existing
    else:
        if child and node.ktype == "sequential":
            raise QError("sequential: unable to create type-erased module, "
                         "forward method uses template")
        opts = resolve_options(node)
        try:
            m = _build_torch(node.ktype, opts)
        except QError:
            raise
        except TORCH_ERRORS as err:
            raise torch_error(err, node.ktype) from None
        m._ktype = node.ktype
        m._kopts = opts
        if dtype is not None and dtype != torch.float32 and dtype.is_floating_point:
            m.to(dtype)
    if node.name is not None:
        m._kname = node.name
    if node.children:
        add_children(m, node.children, dtype)
    return m


def add_children(parent: nn.Module, children: list, dtype=None) -> None:
    """Build the children and add them to parent; every child is built and checked before the
    first is added, so a failure leaves parent as it was."""
    if ktype_of(parent) not in CONTAINERS and not isinstance(parent, nn.Sequential):
        raise QError(f"{ktype_of(parent)}: not a container, unable to add child module(s)")
    planned = []
    taken = set(parent._modules)
    for c in children:
        if c.existing is not None and any(sub is c.existing for sub in parent.modules()):
            raise QError("module: unable to add a module to itself")
        m = build(c, dtype, child=True)
        name = c.name if c.name is not None else getattr(m, "_kname", None)
        if name is None or c.existing is not None and c.name is None:
            name = str(len(parent._modules) + len(planned))
        if "." in name:
            raise QError(f"module: name `{name} contains '.'")
        if name in taken:
            raise QError(f"module: child name `{name} already in use")
        taken.add(name)
        planned.append((name, m))
    for name, m in planned:
        parent.add_module(name, m)


# ---------------------------------------------------------------------------------------------
# definitions back to q

def definition(m: nn.Module, alloptions: bool = True):
    """`module q`: table for a container, dict for a single module."""
    rows = []
    for name, sub in m.named_modules():
        depth = 0 if name == "" else name.count(".") + 1
        nm = getattr(m, "_kname", "") if name == "" else name.rsplit(".", 1)[-1]
        rows.append((depth, ktype_of(sub), nm or "", options_dict(sub, alloptions)))
    if ktype_of(m) not in CONTAINERS and len(rows) == 1:
        d, t, n, o = rows[0]
        return QDict(syms(["depth", "module", "name", "options"]), [np.int64(d), t, n, o])
    return QTable(["depth", "module", "name", "options"],
                  [np.array([r[0] for r in rows], dtype=np.int64), syms([r[1] for r in rows]),
                   syms([r[2] for r in rows]), [r[3] for r in rows]])


def _alloptions(ctx) -> bool:
    return bool(session_settings(ctx).get("alloptions", True))


def _sub(m: nn.Module, key, who: str) -> nn.Module:
    """Child module by dotted name or by child index."""
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
            raise QError(f"{who}: child index {i} invalid for module with {len(kids)} "
                         f"child module(s)")
        return kids[i]
    raise QError(f"{who}: expecting child name as symbol or index as long, given {kname(key)}")


def _target(ctx, x, who: str) -> nn.Module:
    a = args_of(x)
    if not a:
        raise QError(f"{who}: expecting module, model or optimizer")
    m = module_of(ctx, a[0], who)
    if len(a) == 1:
        return m
    if len(a) == 2:
        return _sub(m, a[1], who)
    raise QError(f"{who}: expecting 1-2 args, given {len(a)}")


# ---------------------------------------------------------------------------------------------
# the api

def module_fn(ctx, x):
    """module x: build a module from a definition; `module q` its definition; `module m` (model)
    a new handle to the model's module; `module(q;spec)` adds to a container."""
    if is_handle(x):
        e = get_handle(ctx, x, "module", "model", "optimizer", who="module")
        if isinstance(e.obj, nn.Module):
            return definition(e.obj, _alloptions(ctx))
        return ctx.registry.new(entry_module(e, "module"), "module")
    if isinstance(x, list) and len(x) >= 2 and is_handle(x[0]):
        e = get_handle(ctx, x[0], "module", "model", who="module")
        m = entry_module(e, "module")
        if len(x) == 2 and isinstance(x[1], np.bool_):
            return definition(m, bool(x[1]))
        if len(x) == 3 and isinstance(x[1], np.integer) and not isinstance(x[1], np.bool_):
            depth = int(x[1])
            parent = m
            for _ in range(depth - 1):
                kids = list(parent._modules.values())
                if not kids:
                    raise QError(f"module: no parent at depth {depth - 1}")
                parent = kids[-1]
            if depth < 1:
                raise QError("module: depth must be 1 or more to add to an existing module")
            spec = x[2]
            node = _existing(ctx, spec) if is_handle(spec) else parse_spec(spec)
            with session_rng(ctx):
                add_children(parent, [node], default_dtype(ctx))
            consume(ctx, _handles(node), by="module")
            return None
        nodes = [parse_child(ctx, c) for c in x[1:]]
        with session_rng(ctx):
            add_children(m, nodes, default_dtype(ctx))
        consume(ctx, [h for n in nodes for h in _handles(n)], by="module")
        return None
    node = parse_definition(ctx, x)
    with session_rng(ctx):
        m = build(node, default_dtype(ctx))
    consume(ctx, _handles(node), by="module")
    return ctx.registry.new(m, "module")


def seq_fn(ctx, x):
    """seq x: enlist every item after the first (two-level tree helper)."""
    items = to_items(x) if isinstance(x, (list, np.ndarray)) else [x]
    if not items:
        return []
    out = [items[0]]
    for y in items[1:]:
        if isinstance(y, str):
            out.append(syms([y]))
        else:
            out.append([y])
    return out


def _names_fn(kind):
    def f(ctx, x):
        who = kind
        if kind == "names" and is_handle(x):
            e = get_handle(ctx, x, who="names")
            if e.cls == "dictionary":
                return syms(e.obj.keys())
        m = _target(ctx, x, who)
        if kind == "names":
            n = [k for k, _ in m.named_modules() if k]
        elif kind == "childnames":
            n = list(m._modules.keys())
        elif kind == "parmnames":
            n = [k for k, _ in m.named_parameters()]
        else:
            n = [k for k, _ in m.named_buffers()]
        return syms(n)
    f.__doc__ = f"{kind} q: names relative to q (or to q's child)"
    return f


def moduletypes_fn(ctx, x):
    """moduletypes q: dict module name -> ktorch type (root key `)."""
    m = _target(ctx, x, "moduletypes")
    items = list(m.named_modules())
    return QDict(syms([k for k, _ in items]), syms([ktype_of(s) for _, s in items]))


def parmtypes_fn(ctx, x):
    """parmtypes q: dict parameter name -> type of the module that owns it."""
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


def _parm_or_buffer(kind):
    who = kind

    def f(ctx, x):
        a = args_of(x)
        if len(a) not in (2, 3):
            raise QError(f"{who}: expecting 2-3 args, (module;name[;value]), given {len(a)}")
        m = module_of(ctx, a[0], who)
        name = a[1]
        if not isinstance(name, str):
            raise QError(f"{who}: expecting {'parameter' if kind == 'parm' else 'buffer'} name "
                         f"as symbol, given {kname(name)}")
        d = dict(m.named_parameters() if kind == "parm" else m.named_buffers())
        t = d.get(name)
        if t is None:
            raise QError(f"{who}: {'parameter' if kind == 'parm' else 'buffer'} `{name} "
                         f"not found")
        if len(a) == 2:
            return ctx.registry.new(t, "tensor")
        v = tensor_arg(ctx, a[2], None, who)
        check_write(who, name, t, v)
        try:
            copy_into_([t], [v])
        except RuntimeError as err:
            raise torch_error(err) from None
        return None
    f.__doc__ = f"{kind}(q;`name): tensor sharing the module's {kind}; {kind}(q;`name;v) copies"
    return f


def children_fn(ctx, x):
    """children q: k dict child name -> new module handle."""
    m = _target(ctx, x, "children")
    names = list(m._modules.keys())
    return QDict(syms(names), [ctx.registry.new(c, "module") for c in m._modules.values()])


def modules_fn(ctx, x):
    """modules q: k dict of all submodules (dotted names) -> new module handles."""
    m = _target(ctx, x, "modules")
    items = [(k, s) for k, s in m.named_modules() if k]
    return QDict(syms([k for k, _ in items]), [ctx.registry.new(s, "module") for _, s in items])


def child_fn(ctx, x):
    """child(q;`name) or child(q;i): a new handle to one submodule."""
    a = args_of(x)
    if len(a) != 2:
        raise QError(f"child: expecting 2 args, (module;name), given {len(a)}")
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
    """clone q: a new module handle to a deep copy."""
    a = args_of(x)
    if len(a) != 1:
        raise QError(f"clone: expecting 1 arg, given {len(a)}")
    e = get_handle(ctx, a[0], "module", "tensor", who="clone")
    if e.cls == "tensor":
        return ctx.registry.new(e.obj.clone(), "tensor")
    return ctx.registry.new(copy.deepcopy(e.obj), "module")


define("module", monad=module_fn, ctx=True,
       doc="module def | module q | module(q;spec) | module m  build a module from a "
           "definition; its definition as a table or dictionary; add child(ren); a model's module")
define("seq", monad=seq_fn, ctx=True,
       doc="seq(parent;child..)  a two-level definition: enlist each child after the parent")
_NAMES_DOC = {"names": "names of all submodules (or a dictionary's keys)",
              "childnames": "names of the immediate child modules",
              "parmnames": "names of the parameters", "buffernames": "names of the buffers"}
for _k, _d in _NAMES_DOC.items():
    define(_k, monad=_names_fn(_k), ctx=True,
           doc=f"{_k} q | {_k}(q;`child)  {_d}, relative to q or to its child")
define("moduletypes", monad=moduletypes_fn, ctx=True,
       doc="moduletypes q  dictionary of submodule name -> ktorch module type")
define("parmtypes", monad=parmtypes_fn, ctx=True,
       doc="parmtypes q  dictionary of parameter name -> type of the module that owns it")
define("parms", monad=parms_fn, ctx=True,
       doc="parms q | parms(q;`child)  a live dictionary of the module's parameters")
define("buffers", monad=buffers_fn, ctx=True,
       doc="buffers q | buffers(q;`child)  a live dictionary of the module's buffers")
define("parm", monad=_parm_or_buffer("parm"), ctx=True,
       doc="parm(q;`name) | parm(q;`name;v)  a tensor sharing one parameter; copy v into it")
define("buffer", monad=_parm_or_buffer("buffer"), ctx=True,
       doc="buffer(q;`name) | buffer(q;`name;v)  a tensor sharing one buffer; copy v into it")
define("children", monad=children_fn, ctx=True,
       doc="children q  dictionary of child name -> new module handle")
define("modules", monad=modules_fn, ctx=True,
       doc="modules q  dictionary of every submodule (dotted names) -> new module handle")
define("child", monad=child_fn, ctx=True,
       doc="child(q;`name) | child(q;i)  a new handle to one child module")
define("training", monad=training_fn, ctx=True,
       doc="training q | training(q;flag)  1b if the module is in training mode; set the mode "
           "of it and its children")
define("clone", monad=clone_fn, ctx=True,
       doc="clone q | clone t  a new handle to a deep copy of a module or tensor")
