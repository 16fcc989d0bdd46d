"""ktorch's `help`: its tables of module, loss and optimizer kinds, read from the tables that
define them (kinds.MODULES, losses.LOSSES, optimizers.OPTIMIZERS) - nothing is typed twice.

    help[]             the topics (then the q side's list of built-ins)
    help`module        a table: module pytorch forward result n args options (examples)
    help`loss          the same for losses
    help`optimizer     optimizer pytorch options (defaults)
    help`backward      the backward modes
    help`dtype         data type -> k type char;  help`ktype the k-type map as ktorch prints it
    help`device        each device of this machine -> the seed of its random numbers
    help`tensor        the default tensor options (also `vector, `dictionary)
    help`conv2d        a kind's example options;  help`ce a loss's row;  help`sgd its defaults
    help m             a module's or loss's row with its own options; an optimizer's options

Anything else returns the generic null, so that the q side's `help` (ktwa/runtime/help.py)
answers: the call forms of a built-in or api function.
"""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..registry import is_handle
from ..values.types import CHAR, QDict, QTable, chars, from_items, syms
from ..values.functions import Definitions
from .calls import args_of
from .handles import get_handle
from .kinds import MODULES
from .losses import LOSSES, loss_options_k
from .modules import arg_list, ktype_of, option_k, options_dict
from .objects import Loss, Optimizer
from .optimizers import OPTIMIZERS, group_options, options_table
from .settings import device_seeds
from .state import alloptions

define = Definitions()

_TOPICS = [("backward", "backward calculation modes"),
           ("device", "PyTorch device mapped to random seed"),
           ("dtype", "PyTorch tensor types mapped to k types"),
           ("ktype", "k types mapped to PyTorch tensor types"),
           ("loss", "loss types, module options & forward args"),
           ("module", "module types, options & forward args"),
           ("optimizer", "optimizer types & options"),
           ("tensor", "tensor creation options")]

# backward's modes: retain the graph, create a graph for higher derivatives
_BACKWARD = [("free", False, False, "free graph, no higher order derivatives"),
             ("retain", True, False, "retain graph, no higher order derivatives"),
             ("create", True, True, "retain graph, create graph for higher order derivatives"),
             ("createfree", False, True, "free graph & create graph for higher order "
                                         "derivatives")]

# ktorch's data types in its own order, each with the k type its tensors come back as
_DTYPE_K = [("float", "e"), ("double", "f"), ("half", "e"), ("bool", "b"), ("byte", "x"),
            ("char", "c"), ("long", "j"), ("int", "i"), ("short", "h"), ("chalf", "e"),
            ("cfloat", "e"), ("cdouble", "f")]
_KTYPE_COUNT = 8        # the k types a tensor is made from: b x c h i j e f


def dtype_map() -> QDict:
    """help`dtype: each data type -> the k type char of its values."""
    return QDict(syms([d for d, _ in _DTYPE_K]), chars("".join(k for _, k in _DTYPE_K)))


def ktype_map() -> QDict:
    """help`ktype as ktorch builds it: its data-type list read from the front, one entry per k
    type (so e and f appear twice and h not at all, as ktorch prints it)."""
    pairs = _DTYPE_K[:_KTYPE_COUNT]
    return QDict(chars("".join(k for _, k in pairs)), syms([d for d, _ in pairs]))


def _dict(pairs) -> QDict:
    return QDict(syms([k for k, _ in pairs]), from_items([v for _, v in pairs]))


def module_example(name: str) -> QDict:
    """The example options help shows for a module kind."""
    k = MODULES[name]
    keys = [o.name for o in k.options if o.shown is not None and
            o.name not in ("parms", "buffers")]
    vals = [option_k(o.kind, o.shown) for o in k.options if o.name in keys]
    return QDict(syms(keys), from_items(vals) if vals else [])


def loss_example(name: str) -> QDict:
    k = LOSSES[name]
    return loss_options_k(Loss(name, k.defaults(), None))


# the example help shows for options with no default (lbfgs's line search)
_OPT_EXAMPLES = {("lbfgs", "search"): "strong_wolfe"}


def optimizer_defaults(name: str) -> QDict:
    k = OPTIMIZERS[name]
    o = group_options(k, [])
    pairs = [(n, option_k(kd, o[n] if o[n] is not None else _OPT_EXAMPLES.get((name, n))))
             for n, _, kd, *_ in k.options]
    return _dict([(n, v) for n, v in pairs if v is not None])


def _row(name, pytorch, forward, result, n, args, opts) -> list:
    return [name, chars(pytorch), np.bool_(forward), result, np.int64(n), arg_list(args), opts]


_COLS = ["module", "pytorch", "forward", "result", "n", "args", "options"]


def module_row(name: str, opts=None) -> list:
    k = MODULES[name]
    return _row(name, k.pytorch, k.forward, k.result, k.n, k.args,
                module_example(name) if opts is None else opts)


def loss_row(name: str, opts=None) -> list:
    k = LOSSES[name]
    return _row(name, k.pytorch, True, "tensor", k.n, k.args,
                loss_example(name) if opts is None else opts)


def _table(rows) -> QTable:
    cols = list(zip(*rows))
    data = [syms(list(cols[0])), list(cols[1]), np.array(cols[2], dtype=bool),
            syms(list(cols[3])), np.array(cols[4], dtype=np.int64), list(cols[5]),
            list(cols[6])]
    return QTable(list(_COLS), data)


def modules_table() -> QTable:
    return _table([module_row(n) for n in sorted(MODULES)])


def losses_table() -> QTable:
    return _table([loss_row(n) for n in sorted(LOSSES)])


def optimizers_table() -> QTable:
    names = sorted(OPTIMIZERS)
    return QTable(["optimizer", "pytorch", "options"],
                  [syms(names), [chars(OPTIMIZERS[n].pytorch) for n in names],
                   [optimizer_defaults(n) for n in names]])


def backward_table() -> QTable:
    return QTable(["mode", "retain", "create", "description"],
                  [syms([m for m, *_ in _BACKWARD]), np.array([r for _, r, _, _ in _BACKWARD]),
                   np.array([c for _, _, c, _ in _BACKWARD]),
                   [chars(d) for *_, d in _BACKWARD]])


_KIND_TABLES = {"module": modules_table, "loss": losses_table, "optimizer": optimizers_table,
                "backward": backward_table, "dtype": dtype_map, "ktype": ktype_map}


def kind_options(ctx, name: str):
    """What `options`name` shows (ktorch's options and help share one reading of a name): the
    table of module, loss or optimizer kinds, the backward modes, the data-type maps, each
    device's random seed, a module kind's or loss's example options, an optimizer's defaults;
    None for any other name."""
    if name in _KIND_TABLES:
        return _KIND_TABLES[name]()
    if name == "device":
        return device_seeds(ctx)
    if name in MODULES:
        return module_example(name)
    if name in LOSSES:
        return loss_example(name)
    if name in OPTIMIZERS:
        return optimizer_defaults(name)
    return None


def object_options(ctx, e):
    """The options of a module, loss or optimizer handle's entry (as alloptions says)."""
    a = alloptions(ctx)
    if e.cls == "module":
        return options_dict(e.obj, a)
    if e.cls == "loss":
        return loss_options_k(e.obj, a)
    if e.cls == "optimizer":
        return options_table(e.obj, a)
    return None


def help_fn(ctx, x):
    """help[] | help`topic | help`kind | help object (see the module docstring)."""
    a = args_of(x)
    if x is None or isinstance(x, str) and x == "" or isinstance(x, list) and not x:
        return _dict([(k, chars(v)) for k, v in _TOPICS])
    if is_handle(x):
        e = get_handle(ctx, x, who="help")
        o = e.obj
        if e.cls == "module":
            name = ktype_of(o)
            return QDict(syms(_COLS), module_row(name, options_dict(o, alloptions(ctx))))
        if isinstance(o, Loss):
            return QDict(syms(_COLS), loss_row(o.name, loss_options_k(o, alloptions(ctx))))
        if isinstance(o, Optimizer):
            return options_table(o, alloptions(ctx))
        raise QError(f"help: not implemented for {e.cls}")
    if isinstance(x, np.ndarray) and x.dtype == CHAR:
        return None
    if not isinstance(x, str) or len(a) != 1:
        return None
    if x in ("tensor", "vector", "dictionary"):     # ktorch's help and options share a reading
        return ctx.apply(ctx.api["options"], [x])   # (options, in tensors, reads kind_options)
    # a module kind's example options, a loss's row. ktorch's source gives a module kind's row
    # too, but its module pages show the example options in nine places and the row in two
    # (kmodules' cat and selfattention): the pages are followed. A name of both a module and a
    # loss (pairwise, similar) reads as the module, as ktorch's castsym reads it.
    if x in MODULES:
        return module_example(x)
    if x in LOSSES:
        return QDict(syms(_COLS), loss_row(x))
    return kind_options(ctx, x)


define("help", monad=help_fn, ctx=True,
       doc="help[] | help`module | help`loss | help`optimizer | help`backward | help`dtype | "
           "help`ktype | help`device | help`tensor | help`conv2d | "
           "help`ce | help`sgd | help q  ktorch's tables of module, loss and optimizer kinds, "
           "their options and forward calls")
