"""q's IPC byte format (kb/serialization.md, basics/internal.md): `-8!x` the bytes of x as q
sends it, `-9!b` the value such bytes hold, `-22!x` their count.

A message is an 8-byte header (1 for little-endian, the message type, the compressed flag, a
reserved byte, the int32 length of the whole message) and one value: a type byte, then for an
atom its bytes, for a vector or a general list an attribute byte, an int32 count and the items,
for a dictionary its keys and values, for a table an attribute byte and its column dictionary.
Symbols are null-terminated; a datetime is a float of days; the 4-byte temporal types are
int32 counts.

A lambda is type 100, its namespace (without the dot; the root's is empty) as a symbol, then
its text as a string (serialization.md: `-8!{x+y}`); a sorted dictionary or keyed table is
type 127, and a table's attribute byte is its own (`s#t).

Not attempted ('nyi): enumerations and other functions (q sends an enumeration's indices),
and compression (-18!, a compressed message given to -9!).
"""
from __future__ import annotations

import struct

import numpy as np

from ..errors import QError
from ..values import temporal as tm
from ..values import types as T
from ..values.functions import Lambda

_ATTR = {"": 0, "s": 1, "u": 2, "p": 3, "g": 4}
_ATTR_NAME = {v: k for k, v in _ATTR.items()}
# the fixed-width types: their numpy dtype on the wire (temporal types as their counts)
_WIRE = {1: np.dtype(np.bool_), 2: T.GUID, 4: np.dtype(np.uint8), 5: np.dtype("<i2"),
         6: np.dtype("<i4"), 7: np.dtype("<i8"), 8: np.dtype("<f4"), 9: np.dtype("<f8"),
         10: T.CHAR, 12: np.dtype("<i8"), 13: np.dtype("<i4"), 14: np.dtype("<i4"),
         15: np.dtype("<f8"), 16: np.dtype("<i8"), 17: np.dtype("<i4"), 18: np.dtype("<i4"),
         19: np.dtype("<i4")}


def _wire(v: np.ndarray, t: int) -> bytes:
    """A fixed-width vector's items as q sends them."""
    if t == 15:
        return np.asarray(tm.qnums(v, 15), dtype="<f8").tobytes()
    if t in tm.TEMPORAL:
        return tm.counts(v).astype(_WIRE[t]).tobytes()
    return np.ascontiguousarray(v).astype(_WIRE[t], copy=False).tobytes()


def _sym(s: str) -> bytes:
    return s.encode("utf-8") + b"\0"


def _value(x, out: bytearray) -> None:
    if x is None:                                    # the generic null ::
        out += b"\x65\x00"
        return
    if T.enum_domain(x):
        raise QError("nyi: -8! of an enumeration")
    if isinstance(x, Lambda):
        out.append(100)
        out += _sym(x.ns[1:] if x.ns.startswith(".") else x.ns)
        _value(T.chars(x.source), out)
        return
    if isinstance(x, T.QTable):
        out += bytes([98, _ATTR[T.attr_of(x)]])
        _value(T.QDict(T.syms(x.cols), list(x.data)), out)
        return
    if isinstance(x, T.QDict):
        keys = x.keys
        out.append(127 if isinstance(keys, (np.ndarray, T.QTable)) and T.attr_of(keys) == "s"
                   else 99)
        _value(keys, out)
        _value(x.values, out)
        return
    if isinstance(x, list):
        out += struct.pack("<bBi", 0, 0, len(x))
        for item in x:
            _value(item, out)
        return
    t = T.qtype(x)
    if isinstance(x, str):                           # a symbol atom
        out.append(256 - 11)
        out += _sym(x)
        return
    if isinstance(x, np.ndarray):
        if t == 11:
            out += struct.pack("<bBi", 11, _ATTR[T.attr_of(x)], len(x))
            out += b"".join(_sym(s) for s in x.tolist())
            return
        if t not in _WIRE:
            raise QError("nyi")
        out += struct.pack("<bBi", t, _ATTR[T.attr_of(x)], len(x))
        out += _wire(x, t)
        return
    if isinstance(x, np.generic) and -t in _WIRE:
        out.append(256 + t)
        out += _wire(np.asarray(x).reshape(1), -t)
        return
    raise QError("nyi")     # functions, handles: q sends them in forms ktwa does not make


def to_bytes(x) -> np.ndarray:
    """-8!x: the message q would send holding x (little-endian, async, uncompressed)."""
    body = bytearray()
    _value(x, body)
    head = struct.pack("<BBBBi", 1, 0, 0, 0, 8 + len(body))
    return np.frombuffer(head + bytes(body), dtype=np.uint8).copy()


def length(x) -> np.int64:
    """-22!x: the count of -8!x."""
    return np.int64(len(to_bytes(x)))


class _Reader:
    def __init__(self, data: bytes, pos: int, function=None):
        self.data, self.pos = data, pos
        self.function = function        # (namespace, text) -> the lambda; None: 'nyi

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise QError("badmsg")
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def sym(self) -> str:
        end = self.data.find(b"\0", self.pos)
        if end < 0:
            raise QError("badmsg")
        s = self.data[self.pos:end].decode("utf-8", errors="replace")
        self.pos = end + 1
        return s

    def items(self, t: int, n: int) -> np.ndarray:
        raw = np.frombuffer(self.take(n * _WIRE[t].itemsize), dtype=_WIRE[t]).copy()
        if t == 15:
            return tm.from_qnums(raw, 15)
        if t in tm.TEMPORAL:                         # 4-byte nulls are ktwa's too
            return tm.from_counts(raw.astype(np.int64), t)
        return raw.astype(T.CHAR if t == 10 else raw.dtype.newbyteorder("="))

    def value(self):
        (t,) = struct.unpack("<b", self.take(1))
        if t == 101:
            self.take(1)
            return None
        if t in (99, 127):
            keys = self.value()
            if t == 127 and isinstance(keys, (np.ndarray, T.QTable)) and not T.attr_of(keys):
                keys = T.with_attr(keys, "s")
            return T.QDict(keys, self.value())
        if t == 98:
            (attr,) = self.take(1)
            d = self.value()
            if not isinstance(d, T.QDict):
                raise QError("badmsg")
            tab = T.QTable([str(c) for c in d.keys], T.to_items(d.values)
                           if not isinstance(d.values, list) else d.values)
            return T.with_attr(tab, _ATTR_NAME.get(attr, "")) if attr else tab
        if t == 100:
            ns = self.sym()
            text = self.value()
            if self.function is None:
                raise QError("nyi: -9! of a function")
            if not T.is_string(text):
                raise QError("badmsg")
            return self.function("." + ns if ns else "", T.text(text))
        if t == -11:
            return self.sym()
        if t < 0 and -t in _WIRE:
            v = self.items(-t, 1)
            return np.bytes_(v.tobytes()) if t == -10 else v[0]
        if t == 0 or t == 11 or t in _WIRE:
            attr, n = struct.unpack("<Bi", self.take(5))
            if t == 0:
                return [self.value() for _ in range(n)]
            v = np.array([self.sym() for _ in range(n)], dtype=object) if t == 11 \
                else self.items(t, n)
            return T.with_attr(v, _ATTR_NAME.get(attr, "")) if attr else v
        raise QError("nyi: -9! of type " + str(t))


def from_bytes(b, function=None) -> object:
    """-9!b: the value a q message (a byte vector) holds; function(namespace, text) makes a
    lambda it holds."""
    if not (isinstance(b, np.ndarray) and b.dtype == np.uint8):
        raise QError("type")
    data = b.tobytes()
    if len(data) < 9:
        raise QError("badmsg")
    if data[0] != 1:
        raise QError("nyi: -9! of a big-endian message")
    if data[2]:
        raise QError("nyi: -9! of a compressed message")
    (n,) = struct.unpack("<i", data[4:8])
    if n != len(data):
        raise QError("badmsg")
    r = _Reader(data, 8, function)
    v = r.value()
    if r.pos != len(data):
        raise QError("badmsg")
    return v


# what q's `set` writes for a value that is not a simple vector (a dictionary, a general list):
# two bytes, then the value as a message carries it
Q_FILE = b"\xff\x01"


# what it writes for a simple vector of a fixed-width type, the file it maps: two bytes, the
# type byte, the attribute byte, four bytes unused here, the int64 count, then the items as
# they lie in memory from byte 16 (not in the reference: read from files q wrote)
Q_VECTOR = b"\xfe\x20"


def from_q_file(data: bytes) -> object:
    """The value in a file q wrote with `set` (KX's ml keeps its test data so) that begins with
    Q_FILE or Q_VECTOR; a mapped vector of another type (an enumeration's) is 'nyi."""
    if data[:2] == Q_VECTOR:
        if len(data) < 16:
            raise QError("badmsg")
        t, attr = data[2], data[3]
        if t not in _WIRE:
            raise QError("nyi: a mapped vector file of type " + str(t))
        (n,) = struct.unpack("<q", data[8:16])
        r = _Reader(data, 16)
        v = r.items(t, n)
        if r.pos != len(data):
            raise QError("badmsg")
        return T.with_attr(v, _ATTR_NAME.get(attr, "")) if attr else v
    r = _Reader(data, len(Q_FILE))
    v = r.value()
    if r.pos != len(data):
        raise QError("badmsg")
    return v
