"""Every touch of the file system ktwa's q makes goes through these few functions (reading,
writing, listing, measuring and deleting files), so an embedder can fence file access in
one place: a root folder, read or write permission.

Paths arrive as q file symbols (`` `:data/t ``, the leading colon optional here) and leave as
OS paths; an OS failure becomes q's error text, `'path. OS reports: reason`.
"""
from __future__ import annotations

import codecs
import os

from ..errors import QError


def _raw_bytes(e: UnicodeEncodeError):
    """Encoding error handler "ktwa.raw": a surrogate that stands for a raw byte (\\udc80 to
    \\udcff, from surrogateescape) is that byte; any other lone surrogate (text made in
    Python, not read from bytes) is written as UTF-8 would write it (surrogatepass), so
    writing text never fails."""
    out = bytearray()
    for c in e.object[e.start:e.end]:
        o = ord(c)
        out += bytes([o - 0xDC00]) if 0xDC80 <= o <= 0xDCFF else c.encode("utf-8", "surrogatepass")
    return bytes(out), e.end


codecs.register_error("ktwa.raw", _raw_bytes)


def os_path(fs: str) -> str:
    """The OS path of a file symbol (`` `:a/b `` -> `a/b`)."""
    return fs[1:] if fs.startswith(":") else fs


def _fail(path: str, e: OSError) -> QError:
    return QError(f"{path}. OS reports: {e.strerror or e}")


def read_bytes(path: str, offset: int = 0, length: int | None = None) -> bytes:
    try:
        with open(path, "rb") as fh:
            if offset:
                fh.seek(offset)
            return fh.read() if length is None else fh.read(length)
    except OSError as e:
        raise _fail(path, e) from None


def read_in_turn(path: str, size: int):
    """The bytes of a file or named pipe in reads of `size` bytes (fewer only at its end),
    opened once: a pipe is read as its writer writes, to the writer's end."""
    try:
        with open(path, "rb") as fh:
            while data := fh.read(size):
                yield data
    except OSError as e:
        raise _fail(path, e) from None


def read_text(path: str) -> str:
    """A script's text (`\\l`). q reads bytes: a byte that is not UTF-8 (a Latin-1 note after
    the script's closing `\\`) stays that byte (surrogateescape; T.chars restores it)."""
    return read_bytes(path).decode("utf-8", "surrogateescape")


def write_bytes(path: str, data: bytes, append: bool = False) -> None:
    """Write (or append) data, making any missing folders first."""
    try:
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, exist_ok=True)
        with open(path, "ab" if append else "wb") as fh:
            fh.write(data)
    except OSError as e:
        raise _fail(path, e) from None


def make_folder(path: str) -> None:
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        raise _fail(path, e) from None


def size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError as e:
        raise _fail(path, e) from None


def remove(path: str) -> None:
    """Delete a file, or an empty folder. q words a failure here `'path: reason` (hdel.md),
    not as the other file errors."""
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            os.rmdir(path)
        else:
            os.remove(path)
    except OSError as e:
        raise QError(f"{path}: {e.strerror or e}") from None


def rename(src: str, dst: str) -> None:
    """Move a file to a new name (`\\r`), as mv does on one disk."""
    try:
        os.replace(src, dst)
    except OSError as e:
        raise _fail(src, e) from None


def append_stream(path: str):
    """A text stream that appends to path, made with its folders (`\\1 file`, `\\2 file`);
    what q writes as bytes (a script's raw bytes) stays those bytes (see _raw_bytes)."""
    try:
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, exist_ok=True)
        return open(path, "a", encoding="utf-8", errors="ktwa.raw")
    except OSError as e:
        raise _fail(path, e) from None


def listing(path: str) -> list[str]:
    """A folder's entries, sorted."""
    try:
        return sorted(os.listdir(path))
    except OSError as e:
        raise _fail(path, e) from None


def is_folder(path: str) -> bool:
    return os.path.isdir(path)


def exists(path: str) -> bool:
    return os.path.exists(path)
