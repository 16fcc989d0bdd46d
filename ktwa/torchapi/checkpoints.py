"""Checkpoints in safetensors format: savetensors, loadtensors (docs/averaging.md).

  savetensors(x;`:file) -> `:file   x: dictionary handle, k dictionary, module/model/optimizer
                                    (parameters and buffers, state_dict names), swag, twa, scheduler
  loadtensors `:file -> handle      a new dictionary (dictionary/module files), swag or twa
  loadtensors(x;`:file[;strict])    into an existing object: dictionary (contents replaced) -> count,
                                    module/model/optimizer or a parameter/buffer dictionary ->
                                    name!found (as copystate), swag -> n, twa -> snapshot count,
                                    scheduler -> step

Strict (the default, as torch's load_state_dict): a file loaded into a module (or its live
dictionary) must hold exactly its tensors in their shapes - missing and unexpected names and
shape mismatches are a q error that names them, and nothing is changed; strict 0b loads the
tensors whose names match.

Safety: loading never unpickles (safetensors holds raw tensor bytes and a JSON header; metadata is
read with json); a torch.save (pickle) file is refused with a message that says why. Reads are
bounded by what the file's own header states, from a regular file. Saving writes a temporary file
in the same directory (named `.ktwa-save.<pid>.<random>.tmp`: a save removes those of processes
that died before renaming theirs), fsyncs it and renames it over the target with os.replace, so a
crash leaves the old file or the new one, never half of one; an OS error is a q error with the
OS's reason. Every file ktwa writes carries `ktwa.sha256` in its metadata: a SHA-256 over the
metadata and every tensor's name, dtype, shape and bytes, checked on load, so a truncated or
tampered file is a q error. Files without that key (written by other tools) load without the check.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat as statmod
import tempfile

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.types import CHAR, QDict, QTable, to_items
from ..values.functions import Definitions
from ..averaging.twa import Twa
from .averages import N_KEY, copy_back, state_named
from .calls import TORCH_ERRORS, args_of, options
from .collectors import Layout
from .convert import kname, to_tensor
from .handles import entry_module, get_handle
from .interrupts import uninterrupted
from .objects import TensorDict
from .schedules import Scheduler
from .swag import SwagState, new_swag
from .twa import TwaState

define = Definitions()

_SHA = "ktwa.sha256"
_KIND = "ktwa.kind"
_FORMAT = "ktwa.format"
_KEYS = "ktwa.keys"


# ---------------------------------------------------------------------------------------------
# file names, hashing, raw read/write

def _path(ctx, x, who, write: bool = False) -> str:
    """The OS path of a file argument, if the session's file fence (ktwa.fileaccess) lets q
    code read it (or write it): 'access if not."""
    if isinstance(x, str):
        p = x[1:] if x.startswith(":") else x
    elif isinstance(x, np.ndarray) and x.dtype == CHAR:
        p = x.tobytes().decode()
    else:
        raise QError(f"{who}: expecting file symbol, e.g. `:file.safetensors, given {kname(x)}")
    if not p:
        raise QError(f"{who}: empty file name")
    return ctx.files.path(p, write=write)


def _digest(tensors: dict, meta: dict) -> str:
    h = hashlib.sha256()
    h.update(json.dumps({k: v for k, v in meta.items() if k != _SHA}, sort_keys=True).encode())
    for name in sorted(tensors):
        t = tensors[name]
        h.update(b"\0" + name.encode() + b"\0" + str(t.dtype).encode() + b"\0"
                 + json.dumps(list(t.shape)).encode() + b"\0")
        if t.numel():
            h.update(t.reshape(-1).view(torch.uint8).numpy())
    return h.hexdigest()


def _prepare(tensors: dict) -> dict:
    """CPU, contiguous, detached, storage-independent copies (safetensors refuses shared storage)."""
    out = {}
    for k, t in tensors.items():
        if not isinstance(k, str) or not k:
            raise QError("savetensors: tensor names must be non-empty symbols")
        out[k] = t.detach().to("cpu", copy=True).contiguous()
    return out


_TMP = ".ktwa-save."     # temporary files: .ktwa-save.<pid>.<random>.tmp in the target's folder


def _os_error(who: str, err: OSError) -> QError:
    """The OS's own reason ('No space left on device', 'Read-only file system' ...)."""
    return QError(f"{who}: {err.strerror or err}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:       # another user's process
        return True
    return True


def _remove_stale_temps(folder: str) -> None:
    """Remove the temporary files of saves into this folder whose process has gone (a save
    killed with kill -9, or by a power cut, before its rename). A live process's file - another
    thread of this one, or another ktwa saving here now - is left alone."""
    for name in os.listdir(folder):
        if not (name.startswith(_TMP) and name.endswith(".tmp")):
            continue
        pid = name[len(_TMP):].split(".", 1)[0]
        if pid.isdigit() and _alive(int(pid)):
            continue
        try:
            os.unlink(os.path.join(folder, name))
        except FileNotFoundError:           # another save removed it first
            pass


def write_file(path: str, tensors: dict, meta: dict) -> None:
    """Atomic safetensors write with the ktwa digest in the metadata: the bytes go to a
    temporary file in the target's folder, which is fsynced and renamed over the target, so a
    crash leaves the old file or the new one. OS errors are q errors with the OS's reason."""
    from safetensors.torch import save
    who = "savetensors"
    tensors = _prepare(tensors)
    meta = {k: str(v) for k, v in meta.items()}
    meta[_FORMAT] = "1"
    meta[_KEYS] = json.dumps(list(tensors))          # safetensors itself does not keep the order
    meta[_SHA] = _digest(tensors, meta)
    data = save(tensors, metadata=meta)
    target = os.path.abspath(path)
    d = os.path.dirname(target)
    if not os.path.isdir(d):
        raise QError(f"{who}: no such directory: {d}")
    try:
        _remove_stale_temps(d)
        fd, tmp = tempfile.mkstemp(prefix=f"{_TMP}{os.getpid()}.", suffix=".tmp", dir=d)
    except OSError as err:
        raise _os_error(who, err) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:         # left for the next save into this folder to remove (see above)
            pass
        if isinstance(err, OSError):
            raise _os_error(who, err) from None
        raise
    try:                        # make the rename durable too; some filesystems cannot fsync a
        dfd = os.open(d, os.O_RDONLY)   # folder, and the file itself is already safe
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def _refuse_pickle(head: bytes, path: str) -> None:
    """torch.save files are zip archives of pickles (or bare pickles, in the old format); a
    pickle starts with the PROTO opcode 0x80 and its protocol number."""
    if head.startswith(b"PK\x03\x04") or (len(head) > 1 and head[0] == 0x80 and head[1] <= 5):
        raise QError(f"loadtensors: {path}: a pickle (torch.save) file, refused: unpickling can "
                     "run any code; save the tensors with safetensors (savetensors, or "
                     "safetensors.torch.save_file)")


def _read_exactly(f, n: int) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise ValueError("file ends before the size its header states")
    return data


def read_file(path: str) -> tuple[dict, dict]:
    """(tensors, metadata) of a safetensors file, verified against the ktwa digest if present.

    Reads only what the file's own header says it holds (8 bytes of header length, the header,
    then the byte range its tensors' offsets span), from a regular file no longer than that:
    a device such as /dev/zero or a lying header is an error, never an unbounded read."""
    from safetensors import SafetensorError
    from safetensors.torch import load as st_load
    who = "loadtensors"

    def bad(why):
        return QError(f"{who}: {path}: invalid or truncated safetensors file ({why})")

    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            if not statmod.S_ISREG(st.st_mode):
                raise QError(f"{who}: {path}: not a regular file")
            size = st.st_size
            head = f.read(8)
            try:
                if len(head) < 8:
                    raise ValueError("file too short for a safetensors header")
                n = int.from_bytes(head, "little")
                if n <= 0 or 8 + n > size:
                    raise ValueError("header length exceeds file size")
                raw = _read_exactly(f, n)
                header = json.loads(raw.decode("utf-8"))
                if not isinstance(header, dict):
                    raise ValueError("header is not a JSON object")
                end = 0
                for k, v in header.items():
                    if k != "__metadata__":
                        lo, hi = v["data_offsets"]
                        if not (isinstance(lo, int) and isinstance(hi, int) and 0 <= lo <= hi):
                            raise ValueError(f"bad data offsets for {k}")
                        end = max(end, hi)
                if 8 + n + end > size:
                    raise ValueError("tensor data exceeds file size")
                data = head + raw + _read_exactly(f, end)
                meta = header.get("__metadata__") or {}
                if not isinstance(meta, dict) or not all(isinstance(v, str)
                                                         for v in meta.values()):
                    raise ValueError("metadata is not a map of strings")
                tensors = st_load(data)
            except (ValueError, KeyError, TypeError, SafetensorError) as err:
                _refuse_pickle(head, path)      # not safetensors: say so if it is a pickle
                raise bad(err) from None
    except OSError as err:
        raise QError(f"{who}: {path}: {err.strerror or err}") from None
    sha = meta.get(_SHA)
    if sha is not None and _digest(tensors, meta) != sha:
        raise QError(f"{who}: {path}: checksum mismatch, file is corrupt or was modified")
    order = meta.get(_KEYS)
    if order is not None:
        try:
            keys = json.loads(order)
        except ValueError:
            keys = None
        if isinstance(keys, list) and sorted(keys) == sorted(tensors):
            tensors = {k: tensors[k] for k in keys}
    return tensors, meta


# ---------------------------------------------------------------------------------------------
# what each object writes

def _swag_payload(st: SwagState):
    sw = st.swag
    tensors = {"mean": sw.mean, "sq_mean": sw.sq_mean, "deviations": sw.deviations()}
    meta = {_KIND: "swag", "n": sw.n, "maxk": sw.max_models, "clamp": repr(sw.var_clamp),
            "names": json.dumps(st.layout.names), "shapes": json.dumps(st.layout.shapes)}
    return tensors, meta


def _twa_payload(t: TwaState):
    D = t.layout.numel
    w = t.twa
    snaps = torch.stack(w.snaps) if w.snaps else torch.zeros(0, D, dtype=w.dtype)
    meta = {_KIND: "twa", "keep": w.keep, "names": json.dumps(t.layout.names),
            "shapes": json.dumps(t.layout.shapes)}
    return {"snapshots": snaps}, meta


def _sched_payload(s: Scheduler):
    st = s.sched.state_dict()
    st["swa_lr"] = [float(g["swa_lr"]) for g in s.optimizer.opt.param_groups]
    st["lr"] = s.lrs()
    return {}, {_KIND: "scheduler", "state": json.dumps(st)}


def savetensors(ctx, x):
    """savetensors(x;`:file) -> `:file (see module doc)."""
    a = args_of(x)
    if len(a) != 2:
        raise QError("savetensors: expecting object and file symbol")
    h, f = a
    path = _path(ctx, f, "savetensors", write=True)
    if isinstance(h, QDict) and not isinstance(h.keys, QTable):
        keys = to_items(h.keys)
        if not all(isinstance(k, str) for k in keys):
            raise QError("savetensors: expecting symbol keys")
        tensors = {k: to_tensor(v) for k, v in zip(keys, to_items(h.values))}
        meta = {_KIND: "dictionary"}
    elif is_handle(h):
        e = get_handle(ctx, h, "dictionary", "module", "model", "optimizer", "swag", "twa",
                       "scheduler", who="savetensors")
        if e.cls == "dictionary":
            tensors, meta = dict(e.obj.items()), {_KIND: "dictionary"}
        elif e.cls == "swag":
            tensors, meta = _swag_payload(e.obj)
        elif e.cls == "twa":
            tensors, meta = _twa_payload(e.obj)
        elif e.cls == "scheduler":
            tensors, meta = _sched_payload(e.obj)
        else:
            tensors = dict(state_named(entry_module(e, "savetensors")))
            meta = {_KIND: "module"}
    else:
        raise QError(f"savetensors: expecting dictionary, module, model, optimizer, swag, twa or "
                     f"scheduler, given {kname(h)}")
    write_file(path, tensors, meta)
    return f if isinstance(f, str) else ":" + path


# ---------------------------------------------------------------------------------------------
# loading

def _layout_of(meta, who, path):
    try:
        names = json.loads(meta["names"])
        shapes = [tuple(s) for s in json.loads(meta["shapes"])]
    except (KeyError, ValueError, TypeError):
        raise QError(f"{who}: {path}: missing or bad layout metadata") from None
    return names, shapes


def _meta_int(meta, k, who, path):
    try:
        return int(meta[k])
    except (KeyError, ValueError):
        raise QError(f"{who}: {path}: missing or bad metadata {k}") from None


def _swag_from(tensors, meta, path, target: SwagState | None = None) -> SwagState:
    who = "loadtensors"
    names, shapes = _layout_of(meta, who, path)
    try:
        mean, sq, devs = tensors["mean"], tensors["sq_mean"], tensors["deviations"]
    except KeyError:
        raise QError(f"{who}: {path}: not a swag file") from None
    n = _meta_int(meta, "n", who, path)
    maxk = _meta_int(meta, "maxk", who, path)
    try:
        clamp = float(meta.get("clamp", "1e-30"))
        if target is None:
            named = [(nm, torch.empty(s, device="meta", dtype=mean.dtype))
                     for nm, s in zip(names, shapes)]
            target = new_swag(named, maxk, clamp, device="cpu")
        elif target.layout.names != names or target.layout.shapes != shapes:
            raise QError(f"{who}: {path}: swag layout differs from the file's")
        if not (n >= 0 and clamp >= 0):
            raise ValueError("bad count or clamp")
        uninterrupted(target.swag.load_state_dict,
                      {"mean": mean, "sq_mean": sq, "deviations": devs, "n_models": n,
                       "max_models": maxk, "var_clamp": clamp})
    except TORCH_ERRORS as err:
        raise QError(f"{who}: {path}: {err}") from None
    return target


def _twa_from(tensors, meta, path, target: TwaState | None = None) -> TwaState:
    who = "loadtensors"
    names, shapes = _layout_of(meta, who, path)
    W = tensors.get("snapshots")
    if W is None or W.dim() != 2:
        raise QError(f"{who}: {path}: not a twa file")
    if target is None:
        L = Layout([(nm, torch.empty(s, device="meta")) for nm, s in zip(names, shapes)])
        keep = _meta_int(meta, "keep", who, path)
        if keep < 0:
            raise QError(f"{who}: {path}: bad metadata keep")
        target = TwaState(L, Twa(W.dtype, keep))
    elif target.layout.names != names or target.layout.shapes != shapes:
        raise QError(f"{who}: {path}: twa layout differs from the file's")
    if W.shape[1] != target.layout.numel:
        raise QError(f"{who}: {path}: snapshots have {W.shape[1]} elements, expecting "
                     f"{target.layout.numel}")
    uninterrupted(_twa_load, target, W)
    return target


def _twa_load(t: TwaState, W) -> None:
    t.unhook()
    t.P = t.mean = None
    t.twa.load(W)


def _sched_into(s: Scheduler, meta, path):
    try:
        st = json.loads(meta["state"])
        swa = st.pop("swa_lr")
        lrs = st.pop("lr")
    except (KeyError, ValueError, TypeError):
        raise QError(f"loadtensors: {path}: not a scheduler file") from None
    groups = s.optimizer.opt.param_groups
    if len(swa) != len(groups):
        raise QError(f"loadtensors: {path}: {len(swa)} parameter group(s) in file, "
                     f"{len(groups)} in optimizer")
    s.sched.load_state_dict(st)
    for g, v, lr in zip(groups, swa, lrs):
        g["swa_lr"] = v
        g["lr"] = lr
    return np.int64(s.sched._step_count - 1)


def _check_match(path: str, named, tensors: dict, what: str) -> None:
    """torch's load_state_dict(strict=True) rule: the file holds exactly the target's tensors,
    each in the target's shape (ktorch's `.n`, an averaged dictionary's count, aside)."""
    have = dict(named)
    missing = [k for k in have if k not in tensors]
    unexpected = [k for k in tensors if k not in have and k != N_KEY]
    shapes = [f"{k} is {list(tensors[k].shape)} in the file, {list(have[k].shape)} in the "
              f"{what}" for k in have if k in tensors and tensors[k].shape != have[k].shape]
    parts = ([f"missing {_names(missing)}"] if missing else []) + \
        ([f"unexpected {_names(unexpected)}"] if unexpected else []) + shapes[:5]
    if parts:
        raise QError(f"loadtensors: {path} does not match the {what}: " + "; ".join(parts)
                     + " (strict 0b loads the tensors that match)")


def _names(ks: list) -> str:
    return ", ".join(ks[:10]) + (f" and {len(ks) - 10} more" if len(ks) > 10 else "")


_LOAD_TABLE = [("strict", True, "bool")]


def loadtensors(ctx, x):
    """loadtensors `:file -> new handle; loadtensors(x;`:file[;strict]) -> loads into x (see
    module doc)."""
    a = args_of(x)
    if len(a) == 1:
        path = _path(ctx, a[0], "loadtensors")
        tensors, meta = read_file(path)
        kind = meta.get(_KIND, "dictionary")
        if kind == "swag":
            return ctx.registry.new(_swag_from(tensors, meta, path), "swag")
        if kind == "twa":
            return ctx.registry.new(_twa_from(tensors, meta, path), "twa")
        if kind == "scheduler":
            raise QError("loadtensors: scheduler state loads into a scheduler: "
                         "loadtensors(s;`:file)")
        return ctx.registry.new(TensorDict(tensors.items()), "dictionary")
    if len(a) < 2:
        raise QError("loadtensors: expecting file symbol, or object and file symbol")
    path = _path(ctx, a[1], "loadtensors")
    strict = options("loadtensors", _LOAD_TABLE, a[2:])["strict"]
    e = get_handle(ctx, a[0], "dictionary", "module", "model", "optimizer", "swag", "twa",
                   "scheduler", who="loadtensors")
    tensors, meta = read_file(path)
    kind = meta.get(_KIND, "dictionary")
    if e.cls in ("swag", "twa", "scheduler") and kind != e.cls:
        raise QError(f"loadtensors: {path} holds a {kind}, not a {e.cls}")
    if e.cls == "swag":
        return np.int64(_swag_from(tensors, meta, path, e.obj).swag.n)
    if e.cls == "twa":
        return np.int64(_twa_from(tensors, meta, path, e.obj).twa.n)
    if e.cls == "scheduler":
        return _sched_into(e.obj, meta, path)
    if kind not in ("dictionary", "module"):
        raise QError(f"loadtensors: {path} holds a {kind}, expecting dictionary or module state")
    if e.cls == "dictionary" and e.obj.kind == "plain":
        uninterrupted(_replace_contents, e.obj, tensors)
        return np.int64(len(tensors))
    if e.cls == "dictionary":
        named, what = list(e.obj.items()), f"{e.obj.kind} dictionary"
    else:
        named, what = state_named(entry_module(e, "loadtensors")), e.cls
    if strict:
        _check_match(path, named, tensors, what)
    return copy_back(named, tensors.get, "loadtensors")


def _replace_contents(d: TensorDict, tensors: dict) -> None:
    d._d.clear()
    d._d.update(tensors)


define("savetensors", monad=savetensors, ctx=True,
       doc="savetensors(x;`:file)  write a dictionary, module, model, optimizer, swag, twa or "
           "scheduler to a safetensors file (atomically); the file symbol")
define("loadtensors", monad=loadtensors, ctx=True,
       doc="loadtensors`:file | loadtensors(x;`:file[;strict])  read a safetensors file into a "
           "new dictionary, swag or twa; or into an existing object (all its tensors must match "
           "unless strict is 0b)")

__all__ = ["savetensors", "loadtensors", "write_file", "read_file"]
