"""The session and the machine (ktorch-api.md §10): seed, setting, cudadevices, cudadevice, sync."""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..values.types import QDict, chars, syms
from ..values.functions import Definitions
from .calls import torch_error
from .convert import kname
from .state import generator_for, seed, session_settings, state

define = Definitions()

J = np.int64


def default_device() -> str:
    """The best device torch can use here: cuda, else mps, else cpu."""
    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"

def devices() -> list:
    """The device symbols this machine has (ktorch maps only those: `cuda is not a tensor
    option on a machine without CUDA)."""
    out = ["cpu"]
    n = torch.cuda.device_count() if torch.cuda.is_available() else 0
    if n:
        out += ["cuda"] + [f"cuda:{i}" for i in range(n)]
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        out += ["mps", "mps:0"]
    return out


def device_seed(ctx, device: str, n: int | None = None) -> J:
    """The seed of the session's generator for a device (set to n first when given)."""
    g = state(ctx).generator if device == "cpu" else generator_for(ctx, device)
    if n is not None:
        g.manual_seed(n)
    return J(g.initial_seed())


def device_seeds(ctx) -> QDict:
    """help`device: each device symbol of this machine -> its generator's seed."""
    ds = devices()
    return QDict(syms(ds), np.array([device_seed(ctx, d) for d in ds], dtype=np.int64))


_SEED_ARGS = "unrecognized arg(s) for seed, expected one of: device, seed or (device;seed)"


def k_seed(ctx, x):
    if x is None or (isinstance(x, list) and not x):
        return J(state(ctx).generator.initial_seed())
    if isinstance(x, str):                          # seed`cuda: that device's seed
        if x not in devices():
            raise QError(_SEED_ARGS)
        return device_seed(ctx, x)
    if isinstance(x, list) and len(x) == 2 and isinstance(x[0], str):   # seed(`cpu;123)
        d, n = x
        if d not in devices() or not isinstance(n, np.int64):
            raise QError(_SEED_ARGS)
        device_seed(ctx, d, int(n))
        return None
    if not isinstance(x, np.int64):
        raise QError(_SEED_ARGS)
    seed(ctx, int(x))                  # the session's generators, not torch's global ones
    return None


_READONLY = ("mkl", "openmp", "mps", "cuda", "magma", "cudnn", "cudnnversion", "cudadevices")
_SETTING_KEYS = ("mkl", "openmp", "threads", "interopthreads", "mps", "cuda", "magma", "cudnn",
                 "cudnnversion", "cudadevices", "benchmark", "deterministic", "cudnndeterministic",
                 "stackframe", "alloptions", "complexfirst")


def _setting_value(ctx, k):
    b = np.bool_
    s = session_settings(ctx)
    if k == "mkl":
        return b(torch.backends.mkl.is_available())
    if k == "openmp":
        return b(torch.backends.openmp.is_available())
    if k == "threads":
        return J(torch.get_num_threads())
    if k == "interopthreads":
        return J(torch.get_num_interop_threads())
    if k == "mps":
        mps = getattr(torch.backends, "mps", None)
        return b(mps is not None and mps.is_available())
    if k == "cuda":
        return b(torch.cuda.is_available())
    if k == "magma":
        return b(bool(getattr(torch.cuda, "has_magma", False)) and torch.cuda.is_available())
    if k == "cudnn":
        return b(torch.backends.cudnn.is_available())
    if k == "cudnnversion":
        v = torch.backends.cudnn.version() if torch.backends.cudnn.is_available() else None
        return J(v or 0)
    if k == "cudadevices":
        return J(torch.cuda.device_count() if torch.cuda.is_available() else 0)
    if k == "benchmark":
        return b(torch.backends.cudnn.benchmark)
    if k == "deterministic":
        if not torch.are_deterministic_algorithms_enabled():
            return J(0)
        return J(1 if torch.is_deterministic_algorithms_warn_only_enabled() else 2)
    if k == "cudnndeterministic":
        return b(torch.backends.cudnn.deterministic)
    return b(s[k])


def _flag(k, v):
    if isinstance(v, (np.bool_, np.integer)):
        return bool(v)
    raise QError(f"setting: {k} expects boolean, given {kname(v)}")


def k_setting(ctx, x):
    if x is None or (isinstance(x, list) and not x):
        return QDict(syms(_SETTING_KEYS), [_setting_value(ctx, k) for k in _SETTING_KEYS])
    if isinstance(x, str):
        if x not in _SETTING_KEYS:
            raise QError(f"setting: unrecognized flag `{x}")
        return _setting_value(ctx, x)
    if isinstance(x, list) and len(x) == 2 and isinstance(x[0], str):
        k, v = x
        if k not in _SETTING_KEYS:
            raise QError(f"setting: unrecognized flag `{k}")
        if k in _READONLY:
            raise QError(f"setting: cannot set flag for {k}")
        try:
            if k == "threads":
                torch.set_num_threads(int(v))
            elif k == "interopthreads":
                torch.set_num_interop_threads(int(v))
            elif k == "benchmark":
                torch.backends.cudnn.benchmark = _flag(k, v)
            elif k == "cudnndeterministic":
                torch.backends.cudnn.deterministic = _flag(k, v)
            elif k == "deterministic":
                n = int(v)
                if n == 0:
                    torch.use_deterministic_algorithms(False)
                else:
                    torch.use_deterministic_algorithms(True, warn_only=(n == 1))
            else:
                session_settings(ctx)[k] = _flag(k, v)
        except QError:
            raise
        except (RuntimeError, ValueError, TypeError) as err:
            raise torch_error(err, "setting") from None
        return None
    raise QError(f"setting: unrecognized arg(s), given {kname(x)}")


def _config_lines() -> list:
    """libtorch's build configuration and parallel settings, as torch reports them."""
    return (torch.__config__.show() + "\n" + torch.__config__.parallel_info()).splitlines()


def k_config(ctx, x):
    """config[] writes torch's configuration to stderr; config() returns it as strings."""
    if x is None:
        ctx.write(2, "\n".join(_config_lines()) + "\n")
        return None
    if isinstance(x, list) and not x:
        return [chars(t) for t in _config_lines()]
    raise QError("config expects empty argument: config[] prints to stderr, config() returns "
                 "strings")


def k_version(ctx, x):
    """version[] torch's version as a number (2.1.0 -> 2.01); version() as a string."""
    if not (x is None or (isinstance(x, list) and not x)):
        raise QError("version: unexpected arg(s), use version() for string, version[] for number")
    major, minor, patch = (int("".join(c for c in p if c.isdigit()) or 0)
                           for p in torch.__version__.split("+")[0].split(".")[:3])
    if x is None:
        return np.float64(major + minor / 100.0 + patch / 10000.0)
    return chars(f"{major}.{minor}.{patch}")


def k_cudadevices(ctx, x):
    n = torch.cuda.device_count() if torch.cuda.is_available() else 0
    if x is None:
        return J(n)
    return syms((["cuda"] + [f"cuda:{i}" for i in range(n)]) if n else [])


def k_cudadevice(ctx, x):
    if x is None or (isinstance(x, list) and not x):
        if not torch.cuda.is_available():
            return ""
        return f"cuda:{torch.cuda.current_device()}"
    bad = QError("unrecognized CUDA device, expecting cuda with valid device number, e.g. `cuda:0")
    if not isinstance(x, str):
        raise bad
    try:
        d = torch.device(x)
    except (RuntimeError, ValueError):
        raise bad
    if d.type != "cuda" or not torch.cuda.is_available() or \
            (d.index is not None and d.index >= torch.cuda.device_count()):
        raise bad
    torch.cuda.set_device(d.index or 0)
    return None


def k_sync(ctx, x):
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    return None


define("config", monad=k_config, ctx=True,
       doc="config[] | config()  torch's build configuration and threads: written to stderr; as "
           "strings")
define("version", monad=k_version, ctx=True,
       doc="version[] | version()  torch's version as a number (major+minor%100+patch%10000); as "
           "a string")
define("seed", monad=k_seed, ctx=True,
       doc="seed[] | seed n | seed`cuda | seed(`cuda;n)  the seed of this session's torch random "
           "numbers; set it for every device; one device's seed; set one device's")
define("setting", monad=k_setting, ctx=True,
       doc="setting[] | setting`k | setting(`k;v)  torch and session flags as a dictionary; one "
           "flag; set one (threads, benchmark, deterministic, alloptions ...)")
define("cudadevices", monad=k_cudadevices, ctx=True,
       doc="cudadevices[]  the CUDA devices as symbols (`cuda`cuda:0 ..), empty without CUDA")
define("cudadevice", monad=k_cudadevice, ctx=True,
       doc="cudadevice[] | cudadevice`cuda:n  the current CUDA device; make another current")
define("sync", monad=k_sync, ctx=True,
       doc="sync[]  wait for all work queued on the CUDA devices to finish")
