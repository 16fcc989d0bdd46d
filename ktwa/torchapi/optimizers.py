"""Optimizers (ktorch's optimizer page): `opt` builds one, adds parameter groups, edits a
group's options, shows its definition, rebuilds one from its state; `lr` reads or sets the
learning rate of each group; `step` takes a step.

One table, OPTIMIZERS: name -> the torch class, ktorch's options in positional order (with their
defaults and the torch group key each one lives under), and the names of the per-parameter
buffers its state keeps. A group's options are read from torch's param_groups, so what a
schedule or `lr` changes shows in `opt o`.

An optimizer remembers the objects its parameters came from in one module (``Optimizer.module``,
what `module o` returns): the module itself when there is one, a `moduledict` of them when
there are several, parameters from tensors, vectors and dictionaries in a `parmdict` named
`parms`. Its parameter table names each parameter within that module.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from ..errors import QError
from ..registry import is_handle
from ..values.types import QDict, QTable, from_items, is_syms, syms, to_items
from ..values.functions import Definitions
from . import knn
from .calls import TORCH_ERRORS, args_of, k_value, options, torch_error
from .convert import kname, to_k, to_tensor
from .handles import get_handle
from .lamb import Lamb
from .modules import ktype_of, root_name
from .objects import Model, Optimizer, TensorVector
from .state import alloptions

define = Definitions()


@dataclass(frozen=True)
class OptKind:
    name: str
    pytorch: str
    cls: type
    options: tuple            # (name, default, calls kind, torch group key[, index])
    buffers: tuple            # (ktorch name, torch state key)

    def table(self) -> list:
        return [(o[0], o[1], o[2]) for o in self.options]

    def defaults(self) -> dict:
        return {o[0]: o[1] for o in self.options}

    def torch_kwargs(self, o: dict) -> dict:
        """torch's constructor/group keywords for ktorch options."""
        kw: dict = {}
        for name, _, _, key, *idx in self.options:
            v = o[name]
            if idx:
                kw.setdefault(key, [None, None])[idx[0]] = v
            else:
                kw[key] = v
        if "betas" in kw:
            kw["betas"] = tuple(kw["betas"])
        return kw

    def read(self, group: dict) -> dict:
        """ktorch options of one torch param group."""
        out = {}
        for name, default, _, key, *idx in self.options:
            v = group.get(key, default)
            v = v[idx[0]] if idx else v
            v = v.item() if isinstance(v, torch.Tensor) else v
            if v is not None and default is not None:
                v = type(default)(v)          # torch keeps some options as ints (dampening 0)
            out[name] = v
        return out


_LR = ("lr", 0.01, "float>=0", "lr")
_DECAY = ("decay", 0.0, "float>=0", "weight_decay")
_BETAS = (("beta1", 0.9, "float>=0", "betas", 0), ("beta2", 0.999, "float>=0", "betas", 1))
_ADAM_BUF = (("step", "step"), ("exp_avg", "exp_avg"), ("exp_avg_sq", "exp_avg_sq"),
             ("max_exp_avg_sq", "max_exp_avg_sq"))
_TABLE = [
    OptKind("adagrad", "torch.optim.Adagrad", torch.optim.Adagrad,
            (_LR, ("lrdecay", 0.0, "float>=0", "lr_decay"), _DECAY,
             ("init", 0.0, "float>=0", "initial_accumulator_value"),
             ("eps", 1e-10, "float>=0", "eps")),
            (("step", "step"), ("sum", "sum"))),
    OptKind("adam", "torch.optim.Adam", torch.optim.Adam,
            (("lr", 0.001, "float>=0", "lr"),) + _BETAS +
            (("eps", 1e-08, "float>=0", "eps"), _DECAY, ("amsgrad", False, "bool", "amsgrad")),
            _ADAM_BUF),
    OptKind("adamw", "torch.optim.AdamW", torch.optim.AdamW,
            (("lr", 0.001, "float>=0", "lr"),) + _BETAS +
            (("eps", 1e-08, "float>=0", "eps"), ("decay", 0.01, "float>=0", "weight_decay"),
             ("amsgrad", False, "bool", "amsgrad")),
            _ADAM_BUF),
    OptKind("lamb", "", Lamb,
            (("lr", 0.001, "float>=0", "lr"),) + _BETAS +
            (("eps", 1e-08, "float>=0", "eps"), _DECAY, ("unbiased", True, "bool", "unbiased"),
             ("globalnorm", True, "bool", "globalnorm"), ("trustclip", True, "bool", "trustclip"),
             ("trustmin", 0.0, "float", "trustmin"), ("trustmax", 1.0, "float", "trustmax")),
            (("step", "step"), ("exp_avg", "exp_avg"), ("exp_avg_sq", "exp_avg_sq"))),
    OptKind("lbfgs", "torch.optim.LBFGS", torch.optim.LBFGS,
            (("lr", 1.0, "float>=0", "lr"), ("iter", 20, "long>0", "max_iter"),
             ("eval", None, "long?", "max_eval"), ("gradtol", 1e-07, "float>=0", "tolerance_grad"),
             ("changetol", 1e-09, "float>=0", "tolerance_change"),
             ("history", 100, "long>0", "history_size"),
             ("search", None, "sym", "line_search_fn")),
            (("func_evals", "func_evals"), ("n_iter", "n_iter"), ("t", "t"),
             ("prev_loss", "prev_loss"), ("d", "d"), ("h_diag", "H_diag"),
             ("prev_flag_grad", "prev_flat_grad"), ("old_dirs", "old_dirs"),
             ("old_stps", "old_stps"), ("ro", "ro"))),
    OptKind("rmsprop", "torch.optim.RMSprop", torch.optim.RMSprop,
            (_LR, ("alpha", 0.99, "float>=0", "alpha"), ("eps", 1e-08, "float>=0", "eps"), _DECAY,
             ("momentum", 0.0, "float>=0", "momentum"), ("centered", False, "bool", "centered")),
            (("step", "step"), ("square_avg", "square_avg"), ("momentum", "momentum_buffer"),
             ("grad_avg", "grad_avg"))),
    OptKind("sgd", "torch.optim.SGD", torch.optim.SGD,
            (_LR, ("momentum", 0.0, "float>=0", "momentum"),
             ("dampening", 0.0, "float", "dampening"), _DECAY,
             ("nesterov", False, "bool", "nesterov")),
            (("momentum_buffer", "momentum_buffer"),)),
]
OPTIMIZERS: dict[str, OptKind] = {k.name: k for k in _TABLE}
_BY_CLASS = {k.cls: k.name for k in _TABLE}


def opt_kind(name: str) -> OptKind:
    k = OPTIMIZERS.get(name)
    if k is None:
        raise QError(f"unrecognized optimizer: {name}")
    return k


def _check(name: str, o: dict) -> dict:
    """ktorch's own checks on a group's options (torch checks the rest)."""
    if name == "sgd" and o["nesterov"] and (o["momentum"] <= 0 or o["dampening"] != 0):
        raise QError("opt: nesterov momentum requires a momentum and zero dampening")
    if name == "lbfgs" and o["eval"] is None:
        o["eval"] = o["iter"] * 5 // 4
    return o


_UNSET = object()        # an option a call does not give


def group_options(kind: OptKind, items: list, base: dict | None = None) -> dict:
    """ktorch options for a group: the given items over base (default: the kind's defaults)."""
    given = options(kind.name, [(n, _UNSET, k) for n, _, k, *_ in kind.options], items)
    o = dict(base or kind.defaults())
    o.update({n: v for n, v in given.items() if v is not _UNSET})
    return _check(kind.name, o)


def make_optimizer(kind: OptKind, params: list, o: dict) -> torch.optim.Optimizer:
    try:
        return kind.cls([{"params": params}], **kind.torch_kwargs(o))
    except TORCH_ERRORS as err:
        raise torch_error(err, kind.name) from None


def kind_of(o: Optimizer) -> OptKind:
    return opt_kind(o.name)


def group_k(o: Optimizer, g: dict) -> dict:
    """ktorch options of one of an optimizer's groups."""
    return kind_of(o).read(g)


# ---------------------------------------------------------------------------------------------
# parameters: which tensors, and the module that names them

def _no_dupes(params: list, who: str) -> list:
    for i, t in enumerate(params):
        for j in range(i + 1, len(params)):
            if params[j] is t:
                raise QError(f"opt: parameter[{j}] is duplicate of parameter[{i}]")
    return params


def _module_params(m: nn.Module, sel) -> list:
    if sel is None:
        return list(m.parameters())
    kids = list(m._modules.values())
    out: list = []
    if isinstance(sel, np.integer) or (isinstance(sel, np.ndarray) and sel.dtype.kind == "i"):
        for k in np.atleast_1d(sel).tolist():
            if k < 0:
                raise QError(f"opt: module[{k}] invalid")
            if k >= len(kids):
                raise QError(f"opt: module[{k}] out of bounds, {len(kids)} submodule(s)")
            ps = list(kids[k].parameters())
            if any(any(p is q for q in out) for p in ps):
                raise QError(f"opt: duplicate parameter(s) with module[{k}]")
            out += ps
        return out
    if isinstance(sel, str) or is_syms(sel):
        subs = dict(m.named_modules())
        named = dict(m.named_parameters())
        for k in ([sel] if isinstance(sel, str) else list(sel)):
            if k in subs and k:
                ps = list(subs[k].parameters())
            elif k in named:
                ps = [named[k]]
            else:
                raise QError(f"opt: no module or parameter named `{k}")
            if any(any(p is q for q in out) for p in ps):
                raise QError(f"opt: duplicate parameter(s) with module[`{k}]")
            out += ps
        return out
    raise QError(f"opt: {ktype_of(m)} module supplied with unrecognized {kname(sel)} selector(s)")


def _tensor_params(ts: list, sel, names=None) -> tuple[list, list]:
    """(tensors, names) from a vector (indices) or dictionary (keys)."""
    if sel is None:
        return _no_dupes(ts, "opt"), names
    if names is None:
        if not (isinstance(sel, np.integer) or isinstance(sel, np.ndarray) and sel.dtype.kind == "i"):
            raise QError(f"opt: tensor vector supplied with unrecognized {kname(sel)} selector(s)")
        out = []
        for k in np.atleast_1d(sel).tolist():
            if k < 0 or k >= len(ts):
                raise QError(f"opt: vector[{k}] out of bounds, index must be less than {len(ts)}")
            out.append(ts[k])
        return _no_dupes(out, "opt"), None
    if not (isinstance(sel, str) or is_syms(sel)):
        raise QError(f"opt: tensor dictionary supplied with unrecognized {kname(sel)} selector(s)")
    keys = [sel] if isinstance(sel, str) else list(sel)
    d = dict(zip(names, ts))
    for k in keys:
        if k not in d:
            raise QError(f"opt: no dictionary parameter named `{k}")
    return _no_dupes([d[k] for k in keys], "opt"), keys


def resolve_params(ctx, x):
    """(parameters, source) for the parameters arg of opt: () none; a tensor, vector,
    dictionary, module or model handle, alone or with a selector (index/indices, name(s)).
    source is what the tracking module records: ("module", m) or ("tensors", names, ts)."""
    if isinstance(x, list) and not x or x is None:
        return [], None
    sel = None
    if not is_handle(x):
        if isinstance(x, list) and len(x) == 2 and is_handle(x[0]):
            x, sel = x
        else:
            raise QError(f"opt: expecting module, model or tensors after optimizer & optional "
                         f"group number, given {kname(x)}")
    e = get_handle(ctx, x, "tensor", "vector", "dictionary", "module", "model", who="opt")
    o = e.obj
    if isinstance(o, (nn.Module, Model)):
        m = o if isinstance(o, nn.Module) else o.module
        return _module_params(m, sel), ("module", m)
    if isinstance(o, torch.Tensor):
        ts, names = _tensor_params([o], sel)
        return ts, ("tensors", None, ts)
    if isinstance(o, TensorVector):
        ts, names = _tensor_params(list(o.tensors), sel)
        return ts, ("tensors", None, ts)
    ts, names = _tensor_params(o.values(), sel, o.keys())
    return ts, ("tensors", names or o.keys(), ts)


def _already(o: Optimizer, params: list) -> None:
    """No parameter may join a second group (or the same one twice)."""
    have = {id(p): gi for gi, g in enumerate(o.opt.param_groups) for p in g["params"]}
    for i, p in enumerate(params):
        if id(p) in have:
            names = _names(o.module)
            n = names.get(id(p))
            what = f"`{n}" if n else f"[{i}]"
            raise QError(f"opt: parameter {what} already in group {have[id(p)]}")


def track(m_old, source):
    """The optimizer's module after adding a source of parameters (a new object or the old
    one, changed only when the add is known to succeed)."""
    if source is None:
        return m_old
    if source[0] == "module":
        a = source[1]
        if m_old is None:
            return a
        if any(c is a for c in m_old.modules()):
            return m_old
        return _join(m_old, a, root_name(a) or None)
    _, names, ts = source
    pd = _parmdict_of(m_old)
    if pd is not None:
        _add_tensors(pd, names, ts)
        return m_old
    pd = knn.ParmDict()
    pd._ktype = "parmdict"
    pd._kopts = {}
    _add_tensors(pd, names, ts)
    if m_old is None:
        pd._kname = "parms"
        return pd
    name = "parms"
    n = 1
    while name in (m_old._modules if isinstance(m_old, knn.ModuleDict) else {}):
        name = f"parms{n}"
        n += 1
    pd._kname = name
    return _join(m_old, pd, name)


def _join(m_old, a, name):
    if isinstance(m_old, knn.ModuleDict) and getattr(m_old, "_koptdict", False):
        if name is not None and name in m_old._modules:
            raise QError(f"opt: a {ktype_of(m_old[name])} module named `{name} already "
                         "registered with the optimizer")
        m_old.add(name, a)
        return m_old
    d = knn.ModuleDict()
    d._ktype, d._kopts, d._koptdict = "moduledict", {}, True
    first = root_name(m_old) or "0"
    d.add(first, m_old)
    if name is not None and name == first:
        raise QError(f"opt: a {ktype_of(m_old)} module named `{name} already registered with "
                     "the optimizer")
    d.add(name or "1", a)
    return d


def _parmdict_of(m):
    if isinstance(m, knn.ParmDict):
        return m
    if isinstance(m, knn.ModuleDict):
        for c in m.values():
            if isinstance(c, knn.ParmDict):
                return c
    return None


def _add_tensors(pd, names, ts):
    for i, t in enumerate(ts):
        k = names[i] if names else str(len(pd._parameters))
        pd._parameters[k] = t         # the tensor itself: the optimizer and the user share it


def _names(m) -> dict:
    """id(parameter) -> its name in the optimizer's module."""
    if m is None:
        return {}
    return {id(p): n for n, p in m.named_parameters()}


def _owners(m) -> dict:
    """id(parameter) -> kind of the module that holds it directly."""
    if m is None:
        return {}
    out = {}
    for sub in m.modules():
        for p in sub.parameters(recurse=False):
            out.setdefault(id(p), ktype_of(sub))
    return out


# ---------------------------------------------------------------------------------------------
# definitions and state as q values

def options_table(o: Optimizer, alloptions_: bool = True) -> QTable:
    """One row of options per group (only the non-default columns unless alloptions)."""
    k = kind_of(o)
    rows = [group_k(o, g) for g in o.opt.param_groups] or [dict(o.options)]
    d = k.defaults()
    cols = [n for n, *_ in k.options if alloptions_ or n == "lr" or
            any(not _same(r[n], d[n]) for r in rows)]
    if k.name == "lbfgs" and "search" in cols and all(r["search"] is None for r in rows):
        cols.remove("search")
    data = []
    for c in cols:
        vals = [k_value(r[c], float_null=True) if r[c] is not None else
                (np.int64(np.iinfo(np.int64).min) if c == "eval" else None) for r in rows]
        data.append(from_items(vals))
    return QTable(cols, data)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return a == b


def parms_table(o: Optimizer, with_buffers: bool = False) -> QTable:
    """parmgroup pointer module name size [buffers]: one row per parameter."""
    names, owners = _names(o.module), _owners(o.module)
    k = kind_of(o)
    g, ptr, mod, nm, sz, buf = [], [], [], [], [], []
    for gi, grp in enumerate(o.opt.param_groups):
        for p in grp["params"]:
            g.append(gi)
            ptr.append(p._cdata)           # the TensorImpl, as `ptr` shows it
            mod.append(owners.get(id(p), ""))
            nm.append(names.get(id(p), ""))
            sz.append(np.array(list(p.shape), dtype=np.int64))
            if with_buffers:
                buf.append(_buffers_k(k, o.opt.state.get(p)))
    cols = ["parmgroup", "pointer", "module", "name", "size"]
    data = [np.array(g, dtype=np.int64), np.array(ptr, dtype=np.int64), syms(mod), syms(nm),
            sz if sz else np.array([], dtype=np.int64)]
    if with_buffers:
        cols.append("buffers")
        data.append(buf)
    return QTable(cols, data)


def _buffers_k(k: OptKind, st) -> QDict:
    if not st:
        return QDict(syms([]), [])
    keys, vals = [], []
    for kn, tk in k.buffers:
        v = st.get(tk)
        keys.append(kn)
        if tk == "step" or kn in ("func_evals", "n_iter"):
            vals.append(np.int64(int(v)) if v is not None else None)
        elif isinstance(v, torch.Tensor):
            vals.append(to_k(v.detach()))
        elif isinstance(v, list):
            vals.append([to_k(t.detach()) for t in v])
        elif isinstance(v, float):
            vals.append(np.float64(v))
        else:
            vals.append(None)
    return QDict(syms(keys), from_items(vals))


def optimizer_definition(o: Optimizer, alloptions_: bool = True) -> QDict:
    return QDict(syms(["optimizer", "options", "parms"]),
                 [o.name, options_table(o, alloptions_), parms_table(o)])


def optimizer_state(o: Optimizer, alloptions_: bool = True) -> QDict:
    return QDict(syms(["optimizer", "options", "parms"]),
                 [o.name, options_table(o, alloptions_), parms_table(o, True)])


# ---------------------------------------------------------------------------------------------
# restoring from a state (or definition) dictionary and a module

def _row(t: QTable, i: int) -> dict:
    return {c: to_items(t.column(c))[i] for c in t.cols}


def restore(ctx, s: QDict, m: nn.Module) -> Optimizer:
    """opt(state;module): the groups' options from the state's options table, each parameter
    found by name in the module, and its buffers when the state has them."""
    get = dict(zip(to_items(s.keys), to_items(s.values)))
    name = get.get("optimizer")
    if not isinstance(name, str):
        raise QError("opt: state dictionary has no optimizer name")
    k = opt_kind(name)
    ot, pt = get.get("options"), get.get("parms")
    if not isinstance(ot, QTable) or not len(to_items(ot.column(ot.cols[0]))):
        raise QError(f"opt: empty table of settings supplied for {name} optimizer, need at "
                     "least one row")
    groups = [group_options(k, [QDict(syms(ot.cols), from_items(list(_row(ot, i).values())))])
              for i in range(len(to_items(ot.column(ot.cols[0]))))]
    named = dict(m.named_parameters())
    params: list = [[] for _ in groups]
    bufs = []
    n = len(to_items(pt.column("name"))) if isinstance(pt, QTable) else 0
    seen = set()
    for i in range(n):
        r = _row(pt, i)
        j, pn = int(r["parmgroup"]), r["name"]
        what = f"{r['module'] or 'tensor'} parameter `{pn}"
        if not 0 <= j < len(groups):
            raise QError(f"opt: group[{j}] for {what} is invalid, {len(groups)} group(s) defined")
        t = named.get(pn)
        if t is None:
            raise QError(f"opt: unable to find {what}")
        if id(t) in seen:
            raise QError(f"opt: {what} is repeated")
        seen.add(id(t))
        if list(t.shape) != [int(a) for a in np.atleast_1d(r["size"])]:
            raise QError(f"opt: size mismatch for {what}, expected {list(r['size'])}, given "
                         f"{list(t.shape)}")
        params[j].append(t)
        if "buffers" in r and isinstance(r["buffers"], QDict) and len(to_items(r["buffers"].keys)):
            bufs.append((t, r["buffers"]))
    opt = make_optimizer(k, params[0], groups[0])
    for ps, go in zip(params[1:], groups[1:]):
        opt.add_param_group({"params": ps, **k.torch_kwargs(go)})
    for t, b in bufs:
        st = {}
        for kn, tk in k.buffers:
            v = b.values[b.index_of(kn)] if b.index_of(kn) is not None else None
            if v is None:
                continue
            if tk == "step" and k.name != "lbfgs":
                st[tk] = torch.tensor(float(v))
            elif isinstance(v, (np.integer, np.floating)):
                st[tk] = v.item()
            elif isinstance(v, list) and tk in ("old_dirs", "old_stps", "ro"):
                st[tk] = [to_tensor(a, device=t.device) for a in v]
            else:
                st[tk] = to_tensor(v, device=t.device).to(t.dtype) if tk != "step" \
                    else to_tensor(v)
        opt.state[t] = st
    return Optimizer(name, groups[0], opt, m)


# ---------------------------------------------------------------------------------------------
# the api

def _group_arg(a: list) -> tuple[bool, int]:
    """(given, group) from the 2nd arg of an opt call."""
    if len(a) > 1 and isinstance(a[1], np.integer) and not isinstance(a[1], np.bool_):
        return True, int(a[1])
    return False, 0


def opt_fn(ctx, x):
    """opt(`name;parms;opts..) | opt(o;[group;]parms;opts..) | opt o | opt(o;flag) |
    opt(state;module) | opt m."""
    if isinstance(x, str):
        x = [x]
    a = args_of(x)
    if not a:
        raise QError("opt: unrecognized arg(s)")
    if isinstance(a[0], str):
        k = opt_kind(a[0])
        given, g = _group_arg(a)
        if g:
            raise QError(f"opt: cannot define group {g} until optimizer is created with initial "
                         "parameter group")
        rest = a[1 + given:]
        params, source = resolve_params(ctx, rest[0]) if rest else ([], None)
        o = group_options(k, rest[1:])
        opt = make_optimizer(k, params, o)
        return ctx.registry.new(Optimizer(k.name, o, opt, track(None, source)), "optimizer")
    if isinstance(a[0], QDict) and len(a) == 2:
        e = get_handle(ctx, a[1], "module", who="opt")
        return ctx.registry.new(restore(ctx, a[0], e.obj), "optimizer")
    e = get_handle(ctx, a[0], "optimizer", "model", who="opt")
    if isinstance(e.obj, Model):
        if len(a) != 1:
            raise QError("opt: unrecognized arg(s)")
        return ctx.registry.new(e.obj.optimizer, "optimizer")
    o = e.obj
    if len(a) == 1:
        return optimizer_definition(o, alloptions(ctx))
    if len(a) == 2 and isinstance(a[1], np.bool_):
        return optimizer_definition(o, bool(a[1]))
    given, g = _group_arg(a)
    rest = a[1 + given:]
    edit_group(ctx, o, g, rest[0] if rest else [], rest[1:])
    return None


def edit_group(ctx, o: Optimizer, g: int, parms, items: list) -> None:
    """Add group g (one past the last) or change group g's options and add parameters to it;
    everything is checked before the optimizer changes."""
    k = kind_of(o)
    groups = o.opt.param_groups
    n = len(groups)
    if g < 0:
        raise QError(f"opt: group {g} invalid, cannot be negative")
    if g > n:
        raise QError(f"opt: group {g} invalid, cannot be greater than number of groups({n})")
    base = dict(o.options) if g == n else group_k(o, groups[g])
    opts = group_options(k, items, base)
    params, source = resolve_params(ctx, parms)
    _already(o, params)
    module = track(o.module, source)
    kw = k.torch_kwargs(opts)
    if g == n:
        try:
            o.opt.add_param_group({"params": params, **kw})
        except TORCH_ERRORS as err:
            raise torch_error(err, "opt") from None
    else:
        groups[g].update(kw)
        groups[g]["params"].extend(params)
    o.module = module


def optimizer_of(ctx, v, who) -> Optimizer:
    """The optimizer of an optimizer or model handle."""
    e = get_handle(ctx, v, "optimizer", "model", who=who)
    return e.obj.optimizer if isinstance(e.obj, Model) else e.obj


def lr_fn(ctx, x):
    """lr o / lr m -> learning rate per parameter group; lr(o;r) sets (one rate or one per group)."""
    a = args_of(x)
    if len(a) == 1:
        o = optimizer_of(ctx, a[0], "lr")
        return np.array([g["lr"] for g in o.opt.param_groups], dtype=np.float64)
    bad = "lr: unrecognized arg(s), expecting model/optimizer and learning rate(s) as double(s)"
    if len(a) == 2:
        o = optimizer_of(ctx, a[0], "lr")
        r = a[1]
        groups = o.opt.param_groups
        if isinstance(r, np.float64):
            rates = [float(r)] * len(groups)
        elif isinstance(r, np.ndarray) and r.dtype == np.float64:
            if len(r) != len(groups) and len(r) != 1:
                raise QError(f"length error: {len(r)} learning rates given for {len(groups)} "
                             f"parameter group{'s' if len(groups) != 1 else ''}")
            rates = r.tolist() * (len(groups) if len(r) == 1 else 1)
        else:
            raise QError(bad)
        if not all(v >= 0 for v in rates):
            raise QError(f"lr: learning rate must be non-negative, given {min(rates):g}")
        for g, v in zip(groups, rates):
            g["lr"] = v
        return None
    raise QError(bad)


def step_fn(ctx, x):
    """step o|m: one optimizer step."""
    e = get_handle(ctx, x, "optimizer", "model", who="step")
    o = e.obj.optimizer if isinstance(e.obj, Model) else e.obj
    if o.name == "lbfgs":
        raise QError("LBFGS optimizer requires model, loss & inputs")
    try:
        o.opt.step()
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    return None


define("opt", monad=opt_fn, ctx=True,
       doc="opt(`sgd;q;opts..) | opt(o;[group;]parms;opts..) | opt o | opt(o;flag) | "
           "opt(state;q) | opt m  make an optimizer over parameters; add a group or change one; "
           "its definition (options per group, parameter table); rebuild one from its state; a "
           "model's optimizer")
define("lr", monad=lr_fn, ctx=True,
       doc="lr o | lr(o;r)  learning rate of each parameter group of an optimizer or model; "
           "set it (one rate, or one per group)")
define("step", monad=step_fn, ctx=True,
       doc="step o | step m  take one optimizer step with the gradients as they are")
