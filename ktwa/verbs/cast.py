"""`$` dyad: cast, tok (parse from strings), pad, and `` `$ `` string -> symbol (q-core §6.1).

- ``"j"$x`` / `` `long$x `` / ``7h$x``: cast to a type (letter, name or short type number).
  Float -> integer casts round half away from zero; nulls and infinities map to the target's.
- ``"J"$"42"``: an upper-case letter parses strings (tok); unparsable text gives a null.
- `` `$"abc" `` and ``"s"$"abc"``: string to symbol (a list of strings gives a symbol vector).
- ``9$"foo"`` right-pads (or truncates) to width 9, ``-9$"foo"`` left-pads.
Casts go item by item through general lists; dicts cast values, tables cast columns.
"""
from __future__ import annotations

import re

import numpy as np

from ..errors import QError
from ..values.types import (QDict, QTable, DTYPE_TYPE, TYPE_DTYPE, LETTER_TYPE, NAME_TYPE, GUID,
                            INT_NULL, INT_INF, CHAR, from_items, empty, text)
from ..values import temporal as tm
from ..values.functions import Definitions
from .arith import _t  # positive q type of a simple operand
from .limits import check_alloc
from . import temporal

define = Definitions()

_nd = np.ndarray
NUMERIC = frozenset((1, 4, 5, 6, 7, 8, 9))
INTS = frozenset((5, 6, 7))
FLOATS = frozenset((8, 9))
_ERR = dict(all="ignore")
NAME_TYPE_ALL = dict(NAME_TYPE, bool=1)


# ---------------------------------------------------------------------------- cast to a type

def _round_away(v: np.ndarray) -> np.ndarray:
    """Round half away from zero (float array)."""
    return np.trunc(v + np.copysign(0.5, v))


def _float_to_int(v: np.ndarray, rt: int) -> np.ndarray:
    """Float array -> integer type rt (4 byte, 5 6 7, or 10 char as bytes) rounding."""
    with np.errstate(**_ERR):
        r = _round_away(v.astype(np.float64))
        nan, pinf, ninf = np.isnan(r), r == np.inf, r == -np.inf
        special = nan | pinf | ninf
        r = np.where(special, 0, np.clip(r, -9.223372036854775e18, 9.223372036854775e18))
        r = r.astype(np.int64)
    dt = TYPE_DTYPE[4] if rt == 10 else TYPE_DTYPE[rt]
    out = r.astype(dt)
    if rt in INTS and special.any():
        out = np.where(nan, INT_NULL[rt],
                       np.where(pinf, INT_INF[rt], np.where(ninf, -INT_INF[rt], out)))
        out = out.astype(dt)
    return out


def _int_to_int(v: np.ndarray, t: int, rt: int) -> np.ndarray:
    out = v.astype(TYPE_DTYPE[rt])
    if rt in INTS:
        n, i = INT_NULL[t], INT_INF[t]
        m_null, m_inf, m_ninf = v == n, v == i, v == -i
        if m_null.any() or m_inf.any() or m_ninf.any():
            out = np.where(m_null, INT_NULL[rt],
                           np.where(m_inf, INT_INF[rt], np.where(m_ninf, -INT_INF[rt], out)))
            out = out.astype(TYPE_DTYPE[rt])
    return out


def _cast_arr(rt: int, v: np.ndarray, t: int) -> np.ndarray:
    """Cast a simple (1-d or 0-d) array v of q type t to q type rt."""
    if t == rt:
        return v
    if t in tm.TEMPORAL or rt in tm.TEMPORAL:
        return _cast_temporal(rt, v, t)
    if rt == 11:
        raise QError("type")  # strings -> symbol handled by the caller
    if t == 11:
        raise QError("type")
    if t == 10:
        v, t = v.view(np.uint8), 4
        if rt == 4:
            return v
    if t not in NUMERIC or rt not in NUMERIC | {10}:
        raise QError("type")
    if rt == 1:
        return v != 0
    if rt == 10:
        if t in FLOATS:
            return _float_to_int(v, 10).view("S1")
        return v.astype(np.uint8).view("S1")
    if rt in FLOATS:
        out = v.astype(TYPE_DTYPE[rt])
        if t in INTS:
            m = v == INT_NULL[t]
            if m.any():
                out = np.where(m, TYPE_DTYPE[rt].type("nan"), out)
        return out
    # integer targets (4 5 6 7)
    if t in FLOATS:
        return _float_to_int(v, rt)
    if rt == 4 and t == 7:
        # cast.md: longs above int infinity cast to 0xff (q calls this an error it will change)
        return np.where(v > 2**31 - 1, 255, v).astype(np.uint8)
    if t in INTS:
        return _int_to_int(v, t, rt)
    return v.astype(TYPE_DTYPE[rt])


def _cast_temporal(rt: int, v: np.ndarray, t: int) -> np.ndarray:
    """Casts to and from temporal types: between them by their meaning (ktwa.verbs.temporal),
    with numbers through q's underlying number (`"j"$2000.01.02` is 1, `"d"$1` 2000.01.02)."""
    if t in tm.TEMPORAL and rt in tm.TEMPORAL:
        return temporal.convert(v, t, rt)
    if t in tm.TEMPORAL:
        if rt not in NUMERIC:
            raise QError("type")
        return _cast_arr(rt, tm.qnums(v, t), tm.BASE[t])
    if t not in NUMERIC:
        raise QError("type")
    return tm.from_qnums(_cast_arr(tm.BASE[rt], v, t), rt)


def _field(name: str, y):
    """`year$y, `mm$y, `dd$y, `hh$y, `uu$y, `ss$y, `week$y: a part of each temporal item."""
    if type(y) is _nd or isinstance(y, (np.datetime64, np.timedelta64)):
        t = DTYPE_TYPE.get(y.dtype, 0)
        if t not in tm.TEMPORAL:
            raise QError("type")
        return temporal.field(name, y, t)
    if isinstance(y, list):
        return from_items([_field(name, i) for i in y]) if y else empty(6)
    if isinstance(y, QDict):
        return QDict(y.keys, _field(name, y.values))
    if isinstance(y, QTable):
        return QTable(y.cols, [_field(name, c) for c in y.data])
    raise QError("type")


def temporal_part(v, part: str, name: str):
    """`v.part` (`d.year`, `t.minute`, `p.date`): a field or a temporal cast of a temporal v;
    QError(name) (the name is undefined) for anything else."""
    t = DTYPE_TYPE.get(getattr(v, "dtype", None), 0)
    if t in tm.TEMPORAL:
        if part in temporal.FIELDS:
            return temporal.field(part, v, t)
        rt = NAME_TYPE.get(part, 0)
        if rt in tm.TEMPORAL:
            return temporal.convert(v, t, rt)
    raise QError(name)


def _to_symbol(v):
    """A string (char vector / char atom) or symbol as a symbol."""
    if isinstance(v, str):
        return v
    if type(v) is _nd and v.dtype == np.dtype("S1"):
        return text(v)
    if isinstance(v, np.bytes_):
        return bytes(v).decode("utf-8", errors="replace") or " "
    raise QError("type")


def to_type(rt: int, y):
    """Cast y to q type rt (positive type number)."""
    if rt == 0:
        return y
    if rt not in TYPE_DTYPE:
        raise QError("type")
    if rt == 11:
        if isinstance(y, (str, np.bytes_)) or (type(y) is _nd and y.dtype == np.dtype("S1")):
            return _to_symbol(y)
        if type(y) is _nd and y.dtype == object:
            return y
    if type(y) is _nd:
        return _cast_arr(rt, y, DTYPE_TYPE.get(y.dtype, 0))
    if isinstance(y, (np.generic, str)):
        t = _t(y)
        if t == 0:
            raise QError("type")
        if t == rt:
            return y
        r = _cast_arr(rt, np.asarray(y, dtype=TYPE_DTYPE[t]).reshape(1), t)
        return r[0]
    if isinstance(y, list):
        if not y:
            return empty(rt)
        return from_items([to_type(rt, i) for i in y])
    if isinstance(y, QDict):
        return QDict(y.keys, to_type(rt, y.values))
    if isinstance(y, QTable):
        return QTable(y.cols, [to_type(rt, c) for c in y.data])
    raise QError("type")


# ---------------------------------------------------------------------------- tok

_INT_RE = re.compile(r"^[+-]?\d+$", re.A)


def _parse_int(s: str, rt: int):
    s = s.strip()
    if s in ("0N", "0n", ""):
        return INT_NULL[rt]
    if s in ("0W", "0w"):
        return INT_INF[rt]
    if s in ("-0W", "-0w"):
        return -INT_INF[rt]
    if s.endswith(("h", "i", "j")) and _INT_RE.match(s[:-1]):
        s = s[:-1]
    if not _INT_RE.match(s):
        return INT_NULL[rt]
    n = int(s)
    bits = TYPE_DTYPE[rt].itemsize * 8
    if not -(2 ** (bits - 1)) < n < 2 ** (bits - 1):
        return INT_NULL[rt]
    return TYPE_DTYPE[rt].type(n)


def _parse_float(s: str, rt: int):
    s = s.strip()
    dt = TYPE_DTYPE[rt].type
    if s in ("0w", "0W"):
        return dt(np.inf)
    if s in ("-0w", "-0W"):
        return dt(-np.inf)
    if s.endswith(("e", "f")) and len(s) > 1 and s[-2].isdigit():
        s = s[:-1]
    try:
        if s.lower() in ("inf", "-inf", "+inf", "nan", "infinity", "-infinity"):
            raise ValueError
        return dt(float(s))
    except ValueError:
        return dt(np.nan)


_IPV4 = re.compile(r"(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})")


def _parse_ip(s: str):
    """`"I"$"192.168.1.34"`: an IPv4 address as the int of its four bytes (tok.md)."""
    parts = [int(p) for p in _IPV4.fullmatch(s.strip()).groups()]
    if any(p > 255 for p in parts):
        return INT_NULL[6]
    return np.frombuffer(bytes(parts), dtype=">i4").astype(np.int32)[0]


def _parse_guid(s: str):
    """`"G"$`: a guid from 8-4-4-4-12 hex, or an IPv4/IPv6 address (as IPv6), else 0Ng."""
    import ipaddress
    s = s.strip()
    b = None
    if re.fullmatch(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                    s):
        b = bytes.fromhex(s.replace("-", ""))
    elif _IPV4.fullmatch(s) or ":" in s:
        try:
            ip = ipaddress.ip_address(s)
        except ValueError:
            b = None
        else:
            b = ip.packed if ip.version == 6 else b"\0" * 10 + b"\xff\xff" + ip.packed
    return np.frombuffer(b or bytes(16), dtype=GUID)[0]


def _parse(rt: int, s: str):
    if rt in tm.TEMPORAL:
        c = tm.parse_text(rt, s)
        return tm.atom(rt, tm.NULL[rt] if c is None else c)
    if rt == 2:
        return _parse_guid(s)
    if rt == 6 and _IPV4.fullmatch(s.strip()):
        return _parse_ip(s)
    if rt in INTS:
        return _parse_int(s, rt)
    if rt in FLOATS:
        return _parse_float(s, rt)
    if rt == 1:
        s = s.strip()                  # tok.md: the truthy characters are t x y T X Y 1
        return np.bool_(bool(s) and s[0] in "1tTxXyY")
    if rt == 4:
        s = s.strip()
        try:
            return np.uint8(int(s[2:] if s[:2] in ("0x", "0X") else s, 16) & 255)
        except ValueError:
            return np.uint8(0)
    if rt == 11:
        return s.strip(" ")            # tok.md: `$"   IBM   " is `IBM
    raise QError("type")


def tok(rt: int, y):
    """Upper-case cast: parse strings."""
    if type(y) is _nd and y.dtype == np.dtype("S1"):
        if rt == 10:
            return y
        return _parse(rt, text(y))
    if isinstance(y, np.bytes_):
        if rt == 10:
            return y
        return _parse(rt, _to_symbol(y))
    if isinstance(y, list):
        if not y:
            return empty(rt)
        return from_items([tok(rt, i) for i in y])
    if isinstance(y, QDict):
        return QDict(y.keys, tok(rt, y.values))
    if isinstance(y, QTable):
        return QTable(y.cols, [tok(rt, c) for c in y.data])
    if isinstance(y, str) and rt == 11:
        return y
    raise QError("type")


# ---------------------------------------------------------------------------- pad

def pad(n: int, y):
    if type(y) is _nd and y.dtype == np.dtype("S1"):
        b = y.tobytes()
    elif isinstance(y, np.bytes_):
        b = bytes(y) or b" "
    elif isinstance(y, str):
        b = y.encode("utf-8")
    elif isinstance(y, list):
        return [pad(n, i) for i in y] if y else []
    elif isinstance(y, QDict):
        return QDict(y.keys, pad(n, y.values))
    elif isinstance(y, QTable):                # pad.md: each string of each column
        return QTable(y.cols, [pad(n, c) for c in y.data])
    else:
        raise QError("type")
    m = abs(n)
    check_alloc(m, 1)
    out = np.full(m, b" ", dtype="S1")
    src = np.frombuffer(b, dtype="S1")
    k = min(m, len(src))
    if n >= 0:
        out[:k] = src[:k]                  # right-pad or truncate
    elif k:
        out[m - k:] = src[len(src) - k:]   # left-pad, keeping the end
    return out


# ---------------------------------------------------------------------------- $

def _spec_type(x):
    """(type number, is_tok) for a cast left argument, or None when x is not a type spec."""
    if isinstance(x, np.bytes_):
        c = bytes(x).decode("latin-1")
        if c in LETTER_TYPE:
            return LETTER_TYPE[c], False
        if c.lower() in LETTER_TYPE and c.isupper():
            return LETTER_TYPE[c.lower()], True
        if c == "*":
            return 0, True
        raise QError("type")
    if isinstance(x, str):
        if x == "":
            return 11, False
        if x in NAME_TYPE_ALL:
            return NAME_TYPE_ALL[x], False
        raise QError("type")
    if isinstance(x, np.int16):
        t = abs(int(x))
        if t != 0 and t not in TYPE_DTYPE:
            raise QError("type")
        # tok.md: a negative type parses strings (-8h$"3.14" is 3.14e), as "E"$ does
        return t, bool(x < 0) and t != 10
    return None


def cast(x, y):
    if isinstance(x, str) and x in temporal.FIELDS:
        return _field(x, y)
    spec = _spec_type(x)
    if spec is not None:
        t, is_tok = spec
        if x == "" and isinstance(x, str) and (isinstance(y, (np.bytes_, list)) or
                                               (type(y) is _nd and y.dtype == CHAR)):
            is_tok = True              # tok.md: ` is "S" (`$"   IBM   " is `IBM)
        if is_tok:
            return y if t == 0 else tok(t, y)
        return to_type(t, y)
    if isinstance(x, (np.int64, np.int32)):
        return pad(int(x), y)
    if isinstance(x, (_nd, list)) and not isinstance(x, str):
        xs = list(x) if type(x) is _nd else x
        if isinstance(y, (_nd, list)):
            if len(xs) != len(y):
                raise QError("length")
            items = list(y) if type(y) is _nd else y
            if type(y) is _nd and y.dtype != object:
                items = [y[i] for i in range(len(y))]
            return from_items([cast(a, b) for a, b in zip(xs, items)]) if xs else []
        return from_items([cast(a, y) for a in xs]) if xs else []
    raise QError("type")




define("$", dyad=cast, infix=True,
       doc='`t$x | "T"$s | n$s  cast x to type t (`date$ "d"$ 14h$), a part (`year`mm`dd`hh`uu`ss`week); '
           'parse string s as type T ("D"$"2024.01.31", "I"$ "G"$); pad s to n characters (9$"abc")')
