"""Compressed files (kb/file-compression.md): what `(file;lbs;alg;lvl) set y`,
`(dir;lbs;alg;lvl) set t`, `(dir;dic) set t`, `(file;lbs;alg;lvl) 1: bytes` and the zip
defaults `.z.zd` write, and how reading undoes it. Every reader (`get`, `read1`, `read0`,
`hcount`, `1:`) sees the uncompressed bytes; `-21!` reports the parameters.

The parameters are three ints: the logical block size lbs (a power of two, 12 to 20), the
algorithm alg and its level lvl. Of q's algorithms ktwa writes 0 (none: the file is plain)
and 2 (gzip, levels 0-9, by zlib); q IPC (1), snappy (3), lz4hc (4), zstd (5) and the
encryption algorithms are 'nyi. ktwa's files are its own (ktwa.verbs.serial), so a
compressed file is too:

    b"KTWAZ1\\n"  int64 uncompressed length  int32 lbs, alg, lvl  the zlib stream
"""
from __future__ import annotations

import struct
import zlib

import numpy as np

from ..errors import QError
from ..values.types import QDict, is_null, syms

MAGIC = b"KTWAZ1\n"
_HEAD = struct.Struct("<qiii")
_NAMES = {1: "q IPC", 3: "snappy", 4: "lz4hc", 5: "zstd"}


def parameters(v) -> tuple[int, int, int]:
    """(lbs, alg, lvl) from three ints ('type otherwise, 'length if not three)."""
    if isinstance(v, np.ndarray) and v.dtype.kind == "i" and v.dtype != np.uint8:
        v = v.tolist()
    elif isinstance(v, list) and all(isinstance(i, np.integer) for i in v):
        v = [int(i) for i in v]
    else:
        raise QError("type")
    if len(v) != 3:
        raise QError("length")
    return tuple(v)


def _check(lbs: int, alg: int, lvl: int) -> None:
    if alg == 0:
        return
    if alg == 2:
        # q names no error for a bad block size or level; ktwa takes them as out of domain
        if not 12 <= lbs <= 20 or not 0 <= lvl <= 9:
            raise QError("domain")
        return
    if alg in _NAMES:
        raise QError(f"nyi: compression algorithm {alg} ({_NAMES[alg]})")
    raise QError("nyi: encryption" if alg >= 16 else "domain")


def compress(data: bytes, params) -> bytes:
    """data as a file written with params (lbs, alg, lvl): alg 0 leaves it as it is."""
    lbs, alg, lvl = params
    _check(lbs, alg, lvl)
    if alg == 0:
        return data
    return MAGIC + _HEAD.pack(len(data), lbs, alg, lvl) + zlib.compress(data, lvl)


def is_compressed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def _head(data: bytes):
    return _HEAD.unpack_from(data, len(MAGIC))


def decompress(data: bytes) -> bytes:
    """A file's bytes as written before compression (plain files unchanged)."""
    if not is_compressed(data):
        return data
    n, _, _, _ = _head(data)
    try:
        out = zlib.decompress(memoryview(data)[len(MAGIC) + _HEAD.size:])
    except zlib.error:
        raise QError("decompression error at block 0") from None
    if len(out) != n:
        raise QError("decompression error at block 0")
    return out


def length(head: bytes) -> int:
    """The uncompressed length of a compressed file, from its first bytes (hcount)."""
    return _head(head)[0]


def header_size() -> int:
    """How many leading bytes of a file tell whether it is compressed and how long it is."""
    return len(MAGIC) + _HEAD.size


def stats(head: bytes, size: int) -> QDict:
    """-21!: compressedLength uncompressedLength algorithm logicalBlockSize zipLevel of a
    file from its first bytes and its size, or an empty dictionary if it is not compressed."""
    if not is_compressed(head):
        return QDict([], [])
    n, lbs, alg, lvl = _head(head)
    return QDict(syms(["compressedLength", "uncompressedLength", "algorithm",
                       "logicalBlockSize", "zipLevel"]),
                 [np.int64(size), np.int64(n), np.int32(alg), np.int32(lbs), np.int32(lvl)])


def params_of(head: bytes):
    """The (lbs, alg, lvl) a file was compressed with, from its first bytes, or None (an
    append keeps them)."""
    return tuple(_head(head)[1:]) if is_compressed(head) else None


def for_column(spec, name: str):
    """The parameters for one column (or file) from a spec: None, (lbs, alg, lvl), three q
    ints, or a dictionary of names (the null symbol for the rest) to three ints; None where
    the spec names none."""
    if spec is None or isinstance(spec, tuple):       # none, or parameters already read
        return spec
    if isinstance(spec, QDict):
        keys = spec.keys
        if not (isinstance(keys, np.ndarray) and keys.dtype == object):
            raise QError("type")
        ks = keys.tolist()
        vals = spec.values if isinstance(spec.values, list) else list(spec.values)
        if name in ks:
            return parameters(vals[ks.index(name)])
        for i, k in enumerate(ks):
            if is_null(k):
                return parameters(vals[i])
        return None
    return parameters(spec)
