"""How a q value is written to bytes and read back (`set`, `get`, `save`, `load`, splayed
tables): ktwa's own format, exact for every value it accepts (q's binary format is not
attempted). Reading it never runs code of its own: a lambda is stored as its source text and handed to
the reader's `function` (the session evaluates it).

Layout:

    b"KTWAQ1\\n"  uint64 little-endian header size  header (UTF-8 JSON)  payload (raw bytes)

The header is a tree of nodes; numeric, boolean, byte and char data live in the payload as
raw numpy bytes (so floats keep every bit, nulls and infinities included):

    {"k":"n"}                                   the generic null ::
    {"k":"a","d":dtype,"o":offset}              an atom of dtype (numpy's str, e.g. "<i8")
    {"k":"v","d":dtype,"o":offset,"n":count}    a simple vector
    {"k":"s","v":"ab"} / {"k":"S","v":[...]}    a symbol / a symbol vector
    {"k":"e","m":"d","v":"ab"} / {"k":"E",...}  an enumerated symbol / vector over domain d
    {"k":"l","i":[node...]}                     a general list
    {"k":"d","x":node,"y":node}                 a dictionary x!y
    {"k":"t","c":[name...],"i":[node...]}       a table
    {"k":"f","v":"{x+1}"}                       a lambda, by its source

A vector node may carry "a": its attribute (`s `u `p `g).

A general list written as a file (`` `:log set () ``) is laid out item by item, so that a
handle hopen made appends an item by writing at the end of the file (a q log, kb/logging.md):

    b"KTWAQL\n"  then per item: uint64 size  uint32 CRC-32 of the item's bytes  the item (dumps)

An item whose frame is cut short (a writer that died mid-write) or whose bytes do not match
their CRC ends the valid part of the list: `-11!(-2;x)` reports the items before it.
"""
from __future__ import annotations

import json
import struct
import zlib

import numpy as np

from ..errors import QError
from ..values.functions import Lambda
from ..values.temporal import DTYPES
from ..values.types import (CHAR, GUID, SYM, Enum, EnumSym, QDict, QTable, attr_of, enum_atom,
                            enum_domain, enum_lost, enum_rows, enum_vector, from_items, plain,
                            with_attr)

MAGIC = b"KTWAQ1\n"
ITEMS = b"KTWAQL\n"              # a general list laid out item by item (see above)
_FRAME = struct.Struct("<QI")    # an item's size and CRC-32

# the dtypes whose bytes are stored as they are: the numbers, chars, guids and the temporal
# types (int64 counts under numpy's datetime64/timedelta64 units)
_RAW = {np.dtype(t) for t in (bool, np.uint8, np.int16, np.int32, np.int64, np.float32,
                              np.float64)} | {CHAR, GUID} | set(DTYPES.values())


def dumps(x) -> bytes:
    payload = bytearray()

    def blob(a: np.ndarray) -> int:
        off = len(payload)
        payload.extend(np.ascontiguousarray(a).tobytes())
        return off

    def node(v) -> dict:
        if v is None:
            return {"k": "n"}
        if enum_lost(v) is not None:
            raise QError("nyi")      # items past their domain's end: what q holds is lost
        if isinstance(v, EnumSym):
            return {"k": "e", "m": v.domain, "v": str(v)}
        if isinstance(v, np.generic) and enum_domain(v):    # an atom of a numeric foreign key
            n = {"k": "e", "m": v.domain, "x": node(plain(v))}
            if enum_rows(v):
                n["r"] = 1                  # a row index (a link, a compound foreign key)
            return n
        if isinstance(v, str):
            return {"k": "s", "v": v}
        if isinstance(v, np.generic):
            if v.dtype not in _RAW:
                raise QError("nyi")
            return {"k": "a", "d": v.dtype.str, "o": blob(np.asarray(v).reshape(1))}
        if isinstance(v, np.ndarray):
            a = attr_of(v)
            if isinstance(v, Enum) and v.dtype != SYM:    # a foreign key over a numeric key
                n = {"k": "E", "m": v.domain, "x": node(plain(v))}
                if v.rows:
                    n["r"] = 1              # row indices (a link, a compound foreign key)
            elif isinstance(v, Enum):
                n = {"k": "E", "m": v.domain, "v": plain(v).tolist()}
            elif v.dtype == SYM:
                n = {"k": "S", "v": v.tolist()}
            elif v.dtype in _RAW:
                n = {"k": "v", "d": v.dtype.str, "o": blob(v), "n": len(v)}
            else:
                raise QError("nyi")
            if a:
                n["a"] = a
            return n
        if isinstance(v, list):
            n = {"k": "l", "i": [node(i) for i in v]}
            if attr_of(v):
                n["a"] = attr_of(v)       # a general list's `s or `u
            return n
        if isinstance(v, QTable):
            return {"k": "t", "c": list(v.cols), "i": [node(c) for c in v.data]}
        if isinstance(v, QDict):
            return {"k": "d", "x": node(v.keys), "y": node(v.values)}
        if isinstance(v, Lambda):
            return {"k": "f", "v": v.source}
        raise QError("nyi")     # other functions, handles: no file form yet

    header = json.dumps(node(x), separators=(",", ":")).encode("utf-8")
    return MAGIC + struct.pack("<Q", len(header)) + header + bytes(payload)


def is_serial(data: bytes) -> bool:
    """Whether data (or a file's first bytes) is a value in this format, in either layout."""
    return data.startswith(MAGIC) or data.startswith(ITEMS)


def loads(data: bytes, function):
    """The value in data, `function(source)` making each lambda; 'type if data is not in
    this format; 'badtail if it is a list laid out item by item whose end is not whole."""
    if data.startswith(ITEMS):
        items = []
        for body, _ in read_frames([data]):
            if body is None:
                raise QError("badtail")
            items.append(loads(body, function))
        return from_items(items)     # as `,` would join them: longs appended are a vector
    if not data.startswith(MAGIC):
        raise QError("type")
    start = len(MAGIC) + 8
    (size,) = struct.unpack("<Q", data[len(MAGIC):start])
    tree = json.loads(data[start:start + size].decode("utf-8"))
    payload = memoryview(data)[start + size:]

    def arr(n: dict, count: int) -> np.ndarray:
        dt = np.dtype(n["d"])
        return np.frombuffer(payload, dtype=dt, count=count, offset=n["o"]).copy()

    def value(n: dict):
        k = n["k"]
        if k == "n":
            return None
        if k == "a":
            if n["d"] == CHAR.str:          # a char atom as its byte (numpy's item would drop \0)
                return np.bytes_(bytes(payload[n["o"]:n["o"] + 1]))
            return arr(n, 1)[0]
        if k == "s":
            return n["v"]
        if k == "e":
            return enum_atom(value(n["x"]), n["m"], "r" in n) if "x" in n else \
                EnumSym(n["v"], n["m"])
        if k in ("v", "S", "E"):
            if k == "v":
                v = arr(n, n["n"])
            elif k == "S":
                v = np.array(n["v"], dtype=object)
            else:
                v = enum_vector(value(n["x"]) if "x" in n else n["v"], n["m"], "r" in n)
            return with_attr(v, n["a"]) if n.get("a") else v
        if k == "l":
            v = [value(i) for i in n["i"]]
            return with_attr(v, n["a"]) if n.get("a") else v
        if k == "t":
            return QTable(n["c"], [value(i) for i in n["i"]])
        if k == "d":
            return QDict(value(n["x"]), value(n["y"]))
        if k == "f":
            return function(n["v"])
        raise QError("type")

    return value(tree)


# ---------------------------------------------------------------------------------------------
# a general list item by item


def is_plain_list(x) -> bool:
    """A general list with no attribute: what a file holds item by item."""
    return isinstance(x, list) and not attr_of(x)


def dumps_items(items) -> bytes:
    """The bytes of a general list laid out item by item: ITEMS and a frame per item."""
    return ITEMS + frames(items)


def frames(items) -> bytes:
    """The frames of items, to follow a list's bytes (an append)."""
    out = bytearray()
    for i in items:
        body = dumps(i)
        out += _FRAME.pack(len(body), zlib.crc32(body)) + body
    return bytes(out)


def read_frames(reads):
    """The items' bytes of a list laid out item by item, from its bytes in reads (an iterable
    of bytes, the file in order, ITEMS first): (item bytes, where its frame ends) for each
    whole frame whose CRC matches; at the first that is cut short or does not match,
    (None, where the valid part ends) and no more; no bytes at all are an empty list, and the
    start of ITEMS alone a list cut short before it began. 'type if the bytes start otherwise."""
    buf, start, pos = bytearray(), 0, 0     # buf holds the file's bytes from offset start
    for data in reads:
        buf += data
        if pos == 0:
            if len(buf) < len(ITEMS):
                continue
            if not buf.startswith(ITEMS):
                raise QError("type")
            pos = len(ITEMS)
        while True:
            k = pos - start                 # the next frame's place in buf
            if len(buf) - k < _FRAME.size:
                break
            size, crc = _FRAME.unpack_from(buf, k)
            end = k + _FRAME.size + size
            if len(buf) < end:
                break
            body = bytes(buf[k + _FRAME.size:end])
            if zlib.crc32(body) != crc:
                yield None, pos
                return
            pos = start + end
            yield body, pos
        del buf[:pos - start]
        start = pos
    if pos == 0 and buf and not ITEMS.startswith(bytes(buf)):
        raise QError("type")
    if buf:
        yield None, pos
