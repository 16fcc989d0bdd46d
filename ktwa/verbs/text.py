"""Text primitives: string like sv vs ss ssr trim ltrim rtrim lower upper hsym."""
from __future__ import annotations

import re

import numpy as np

from ..errors import QError
from ..values.functions import Definitions, Lambda, QFunction
from ..values import temporal as tm
from ..values.types import (CHAR, SYM, GUID, DTYPE_TYPE, DiskRef, QDict, QTable, chars,
                            from_items, null_mask, to_items)

I64 = np.int64


define = Definitions()


def _is_str(x) -> bool:
    return isinstance(x, np.ndarray) and x.dtype == CHAR


def _is_syms(x) -> bool:
    return isinstance(x, np.ndarray) and x.dtype == SYM


def _bytes(x) -> bytes:
    """Raw bytes of a q string or char."""
    if _is_str(x):
        return x.tobytes()
    if isinstance(x, np.bytes_):
        return bytes(x) or b" "
    if isinstance(x, str):
        return x.encode("utf-8")
    raise QError("type")


def _cv(b: bytes) -> np.ndarray:
    return np.frombuffer(b, dtype=CHAR).copy() if b else np.array([], dtype=CHAR)


# ---------------------------------------------------------------------------------------------
# string


def _precision(ctx) -> int:
    try:
        return int(ctx.settings.precision)
    except AttributeError:
        return 7


def _string(ctx, x, p):
    from ..values.text import string_chars, vector_texts
    if isinstance(x, np.ndarray):
        if x.dtype == CHAR:
            return [x[k:k + 1].copy() for k in range(len(x))]
        if x.dtype == SYM:
            return [chars(s) for s in x.tolist()]
        return [chars(s) for s in vector_texts(x, p)]
    if isinstance(x, list):
        return [_string(ctx, a, p) for a in x]
    if isinstance(x, QDict):
        return QDict(x.keys, _string(ctx, x.values, p))
    if isinstance(x, QTable):
        return QTable(x.cols, [_string(ctx, c, p) for c in x.data])
    if isinstance(x, DiskRef):                  # a table's place on disk: no text of its own
        raise QError("nyi")
    if isinstance(x, Lambda):
        return chars(x.source)
    if isinstance(x, QFunction):
        one = getattr(ctx, "one_line", None)
        if one is not None:
            return chars(one(x))
        return chars(getattr(x, "name", "") or "")
    return string_chars(x, p)


def q_string(ctx, x):
    return _string(ctx, x, _precision(ctx))


# ---------------------------------------------------------------------------------------------
# like, ss, ssr


def _glob_regex(pat: bytes, star: bool = True) -> bytes:
    out = []
    k, n = 0, len(pat)
    while k < n:
        c = pat[k:k + 1]
        if c == b"*" and star:
            out.append(b".*")
        elif c == b"?":
            out.append(b".")
        elif c == b"[":
            e = pat.find(b"]", k + 2 if pat[k + 1:k + 2] in (b"^", b"]") else k + 1)
            if e < 0:
                out.append(re.escape(c))
            else:
                body = pat[k + 1:e]
                neg = body.startswith(b"^")
                if neg:
                    body = body[1:]
                esc = b"".join(b"\\" + bytes([ch]) if bytes([ch]) in b"\\]^[" else bytes([ch])
                               for ch in body)
                out.append(b"[" + (b"^" if neg else b"") + esc + b"]")
                k = e
        else:
            out.append(re.escape(c))
        k += 1
    return b"".join(out)


def _stars(pat: bytes) -> list:
    """Where `*` stands for any text in a pattern (not inside [..])."""
    out, k, n = [], 0, len(pat)
    while k < n:
        c = pat[k:k + 1]
        if c == b"[":
            e = pat.find(b"]", k + 2 if pat[k + 1:k + 2] in (b"^", b"]") else k + 1)
            k = e if e >= 0 else k
        elif c == b"*":
            out.append(k)
        k += 1
    return out


_LIKE_CACHE: dict = {}


def _like_re(pat: bytes):
    r = _LIKE_CACHE.get(pat)
    if r is None:
        r = re.compile(_glob_regex(pat), re.S)
        if len(_LIKE_CACHE) > 256:
            _LIKE_CACHE.clear()
        _LIKE_CACHE[pat] = r
    return r


def like(x, y):
    if isinstance(y, str):
        pat = y.encode("utf-8")
    elif _is_str(y) or isinstance(y, np.bytes_):
        pat = _bytes(y)
    else:
        raise QError("type")
    stars = _stars(pat)
    if len(stars) > 1 and (stars != [0, len(pat) - 1] or len(pat) == 2):
        raise QError("nyi")          # regex.md: q matches one *, or a * at each end, no more
    rx = _like_re(pat)
    if isinstance(x, str):
        return np.bool_(rx.fullmatch(x.encode("utf-8")) is not None)
    if _is_syms(x):
        return np.array([rx.fullmatch(s.encode("utf-8")) is not None for s in x.tolist()],
                        dtype=bool)
    if _is_str(x) or isinstance(x, np.bytes_):
        return np.bool_(rx.fullmatch(_bytes(x)) is not None)
    if isinstance(x, list):
        if not x:
            return np.array([], dtype=bool)
        # implicit-iteration.md: like iterates one level only, over strings or symbols
        if not all(isinstance(a, str) or _is_str(a) or isinstance(a, np.bytes_) for a in x):
            raise QError("type")
        return from_items([like(a, y) for a in x])
    if isinstance(x, QDict):
        return QDict(x.keys, like(x.values, y))
    raise QError("type")


def _ss_re(y):
    pat = _bytes(y)
    if not pat or _stars(pat):
        raise QError("length")       # regex.md: no empty pattern, no * for ss and ssr
    return re.compile(_glob_regex(pat, star=False), re.S)


def ss(x, y):
    if not (_is_str(x) or isinstance(x, np.bytes_)):
        raise QError("type")
    rx = _ss_re(y)
    return np.array([m.start() for m in rx.finditer(_bytes(x))], dtype=I64)


def ssr(ctx, x, y, z):
    if isinstance(x, list):
        return [ssr(ctx, a, y, z) for a in x]
    if not _is_str(x):
        raise QError("type")         # glossary.md: not a char atom
    rx = _ss_re(y)
    if isinstance(z, QFunction):
        def rep(m):
            return _bytes(ctx.apply(z, [_cv(m.group(0))]))
    else:
        zb = _bytes(z)

        def rep(m):
            return zb
    return _cv(rx.sub(rep, _bytes(x)))


# ---------------------------------------------------------------------------------------------
# trim, case, hsym


def _mapstr(fb, fs=None):
    def go(x):
        if _is_str(x):
            return _cv(fb(x.tobytes()))
        if isinstance(x, np.bytes_):
            r = fb(bytes(x) or b" ")
            return np.bytes_(r) if len(r) == 1 else _cv(r)
        if fs is not None and isinstance(x, str):
            return fs(x)
        if fs is not None and _is_syms(x):
            return np.array([fs(s) for s in x.tolist()], dtype=object)
        if isinstance(x, list):
            return from_items([go(a) for a in x]) if x else []
        if isinstance(x, QDict):
            return QDict(x.keys, go(x.values))
        if isinstance(x, QTable):
            return QTable(x.cols, [go(c) for c in x.data])
        raise QError("type")
    return go


def _trimmer(left: bool, right: bool):
    """trim.md: blanks off strings; off any other vector its leading/trailing nulls; another
    atom stays as it is."""
    strings = _mapstr(lambda b: b.strip(b" ") if left and right else
                      b.lstrip(b" ") if left else b.rstrip(b" "))

    def go(x):
        if isinstance(x, np.ndarray) and x.dtype != CHAR:
            keep = ~null_mask(x)
            if not keep.any():
                return x[:0]
            nz = np.flatnonzero(keep)
            return x[(nz[0] if left else 0):(nz[-1] + 1 if right else len(x))]
        if (isinstance(x, np.generic) and not isinstance(x, np.bytes_)) or isinstance(x, str):
            return x
        return strings(x)
    return go


trim = _trimmer(True, True)
ltrim = _trimmer(True, False)
rtrim = _trimmer(False, True)
lower = _mapstr(lambda b: b.lower(), lambda s: s.lower())
upper = _mapstr(lambda b: b.upper(), lambda s: s.upper())


def hsym(x):
    if isinstance(x, str):
        return x if x.startswith(":") else ":" + x
    if _is_syms(x):
        return np.array([hsym(s) for s in x.tolist()], dtype=object)
    raise QError("type")


# ---------------------------------------------------------------------------------------------
# sv, vs


def _is_bytes(x) -> bool:
    return isinstance(x, np.ndarray) and x.dtype == np.uint8


def _as_bytes(x) -> bytes:
    return bytes([int(x)]) if isinstance(x, np.uint8) else x.tobytes()


def _is_int_atom(x):
    return isinstance(x, np.integer) and not isinstance(x, (np.bool_, np.timedelta64))


def _is_int_vec(x):
    return isinstance(x, np.ndarray) and x.dtype.kind in "iub"


def _wrap64(v: int) -> np.int64:
    return np.int64(((v + 2**63) % 2**64) - 2**63)


_WIDTH_TYPE = {1: np.uint8, 2: np.dtype(">i2"), 4: np.dtype(">i4"), 8: np.dtype(">i8")}


def _raw_bytes(y) -> bytes:
    """The big-endian bytes of a number, guid or temporal atom (q's internal representation,
    as `0x0 vs` shows it)."""
    if isinstance(y, np.void):
        return bytes(y)
    if isinstance(y, (np.datetime64, np.timedelta64)):
        t = DTYPE_TYPE[y.dtype]
        y = tm.qnums(y, t)[()]
    if isinstance(y, np.bytes_):
        return bytes(y) or b" "
    if isinstance(y, (np.integer, np.floating)) and not isinstance(y, np.bool_):
        return np.asarray(y).astype(np.asarray(y).dtype.newbyteorder(">")).tobytes()
    raise QError("type")


def _bits_or_bytes(bits: bool, y):
    """0b vs y, 0x0 vs y: the bits (booleans) or bytes of each atom of y."""
    if isinstance(y, (np.ndarray, list)):
        raise QError("nyi")         # vs.md documents atoms only; how q lays out lists is unsure
    if bits and isinstance(y, (np.bytes_, np.floating, np.datetime64, np.timedelta64)):
        raise QError("type")        # vs.md: bits of integers (and guids)
    b = np.frombuffer(_raw_bytes(y), dtype=np.uint8)
    return np.unpackbits(b).astype(bool) if bits else b.copy()


def _from_bits_or_bytes(bits: bool, y):
    """0b sv y (8 16 32 64 128 booleans), 0x0 sv y (1 2 4 8 16 bytes): the byte, short, int,
    long or guid they spell."""
    if not isinstance(y, np.ndarray) or y.dtype != (np.bool_ if bits else np.uint8):
        raise QError("type")
    raw = np.packbits(y).tobytes() if bits and len(y) % 8 == 0 else y.tobytes()
    if bits and len(y) % 8:
        raise QError("length")
    if len(raw) == 16:
        return np.frombuffer(raw, dtype=GUID)[0]
    dt = _WIDTH_TYPE.get(len(raw))
    if dt is None or (len(raw) == 1 and not bits):     # 8 bits make a byte; 1 byte is no sv
        raise QError("length")
    return np.frombuffer(raw, dtype=dt).astype(np.dtype(dt).newbyteorder("="))[0]


def sv(x, y):
    if isinstance(x, np.bool_) and not x or isinstance(x, np.uint8) and x == 0:
        return _from_bits_or_bytes(isinstance(x, np.bool_), y)
    if isinstance(x, str) and x == "":
        if isinstance(y, str):
            return y
        if _is_syms(y):
            parts = y.tolist()
            if not parts:
                return ""
            if parts[0].startswith(":"):
                head = parts[0]
                if len(parts) == 1:
                    return head
                rest = "/".join(parts[1:])
                if head.endswith("/"):      # sv.md: joined by slashes, so `: then `a is `:/a
                    return head + rest
                return head + "/" + rest
            return ".".join(parts)
        if isinstance(y, list) or _is_str(y):
            items = to_items(y) if isinstance(y, list) else [y]
            return _cv(b"".join(_bytes(a) + b"\n" for a in items))
        raise QError("type")
    if (isinstance(x, np.uint8) or _is_bytes(x)) and isinstance(y, list) and \
            all(_is_bytes(a) for a in y):
        # sv.md (4.1): byte vectors joined by bytes
        return np.frombuffer(_as_bytes(x).join(a.tobytes() for a in y), dtype=np.uint8).copy()
    if _is_str(x) or isinstance(x, np.bytes_):
        sep = _bytes(x) if _is_str(x) else bytes(x)
        if isinstance(y, list):
            return _cv(sep.join(_bytes(a) for a in y))
        if _is_syms(y):
            return _cv(sep.join(s.encode("utf-8") for s in y.tolist()))
        raise QError("type")
    if _is_int_atom(x) and _is_int_vec(y):
        b = int(x)
        acc = 0
        for d in y.tolist():
            acc = acc * b + int(d)
        return _wrap64(acc)
    if _is_int_vec(x) and _is_int_vec(y):
        if len(x) != len(y):
            raise QError("length")
        acc = 0
        for b, d in zip(x.tolist(), y.tolist()):
            acc = acc * int(b) + int(d)
        return _wrap64(acc)
    if (_is_int_atom(x) or _is_int_vec(x)) and isinstance(y, list):
        cols = [np.asarray(a) for a in y]
        n = max((c.size for c in cols), default=0)
        acc = np.zeros(n, dtype=np.int64)
        bs = [int(x)] * len(cols) if _is_int_atom(x) else x.tolist()
        for b, c in zip(bs, cols):
            acc = acc * b + c.astype(np.int64)
        return acc
    raise QError("type")


def _digits(b: int, v: int) -> list:
    if b < 2:
        raise QError("domain")
    if v < 0:
        raise QError("nyi")
    if v == 0:
        return [0]
    out = []
    while v:
        v, r = divmod(v, b)
        out.append(r)
    return out[::-1]


def vs(x, y):
    if isinstance(x, np.bool_) and not x or isinstance(x, np.uint8) and x == 0:
        return _bits_or_bytes(isinstance(x, np.bool_), y)
    if isinstance(x, str) and x == "":
        if isinstance(y, str):
            if y.startswith(":"):
                d, sep, f = y.rpartition("/")
                if not sep:
                    return np.array([":", y[1:]], dtype=object)
                if d == ":":
                    d = ":/"
                return np.array([d, f], dtype=object)
            return np.array(y.split("."), dtype=object)
        if _is_str(y) or _is_bytes(y):           # vs.md: a bytestream splits into lines too
            lines = y.tobytes().split(b"\n")
            if lines and lines[-1] == b"":
                lines = lines[:-1]
            return [_cv(a.rstrip(b"\r")) for a in lines]
        raise QError("type")
    if _is_str(x) or isinstance(x, np.bytes_):
        sep = _bytes(x) if _is_str(x) else bytes(x)
        if not sep:
            raise QError("length")
        if isinstance(y, np.bytes_):
            y = np.array([y], dtype=CHAR)
        if not (_is_str(y) or _is_bytes(y)):
            raise QError("type")
        return [_cv(a) for a in y.tobytes().split(sep)]   # the left's type: strings
    if (isinstance(x, np.uint8) or _is_bytes(x)) and _is_bytes(y):
        # vs.md (4.1): a byte vector cut at a delimiter of bytes
        sep = _as_bytes(x)
        return [np.frombuffer(a, dtype=np.uint8).copy() for a in y.tobytes().split(sep)]
    if _is_int_atom(x) and isinstance(y, list) and y and \
            all(_is_int_atom(a) or _is_int_vec(a) for a in y):
        # vs.md: 10 vs (1995;1996 1997) encodes each item with one count of digits
        w = max(max((len(_digits(int(x), int(v))) for v in np.atleast_1d(a).tolist()),
                    default=1) for a in y)
        enc = [vs(x, np.atleast_1d(a)) for a in y]
        enc = [[np.zeros(len(np.atleast_1d(a)), dtype=np.int64)] * (w - len(e)) + e
               for a, e in zip(y, enc)]
        return [from_items([e[k][0] if _is_int_atom(a) else e[k] for a, e in zip(y, enc)])
                for k in range(w)]
    if _is_int_atom(x) and _is_int_atom(y):
        return np.array(_digits(int(x), int(y)), dtype=np.int64)
    if _is_int_vec(x) and (_is_int_atom(y) or _is_int_vec(y)):
        bs = [int(b) for b in x.tolist()]
        vals = np.asarray(y).astype(np.int64)
        out = []
        for b in reversed(bs):
            if b <= 0:
                raise QError("domain")
            vals, r = np.divmod(vals, b)
            out.append(r)
        out = out[::-1]
        if _is_int_atom(y):
            return np.array([int(r) for r in out], dtype=np.int64)
        return out
    if _is_int_atom(x) and _is_int_vec(y):
        ds = [_digits(int(x), int(v)) for v in y.tolist()]
        w = max((len(d) for d in ds), default=0)
        ds = [[0] * (w - len(d)) + d for d in ds]
        return [np.array([d[k] for d in ds], dtype=np.int64) for k in range(w)]
    raise QError("type")


# ---------------------------------------------------------------------------------------------

def md5(x):
    """md5 s: the MD5 digest of a string (or byte vector), 16 bytes."""
    import hashlib
    if _is_str(x) or _is_bytes(x):
        b = x.tobytes()
    elif isinstance(x, np.bytes_):
        b = bytes(x)
    else:
        raise QError("type")
    return np.frombuffer(hashlib.md5(b).digest(), dtype=np.uint8).copy()


define("md5", md5, doc='md5 s  the MD5 digest of string s, 16 bytes')
define("string", q_string, ctx=True,
       doc="string x  x as text: a string per atom, a list of strings for a list")
define("like", dyad=like, infix=True,
       doc='x like "p"  whether x matches the pattern p (* ? [..] wildcards)')
define("ss", dyad=ss, infix=True, doc='s ss "p"  the positions where pattern p starts in string s')
define("ssr", triad=ssr, ctx=True,
       doc='ssr[s;"p";r]  s with each match of pattern p replaced by r (a string or function)')
define("trim", trim, doc="trim s  s without leading and trailing blanks")
define("ltrim", ltrim, doc="ltrim s  s without leading blanks")
define("rtrim", rtrim, doc="rtrim s  s without trailing blanks")
define("lower", lower, doc="lower s  s in lower case (strings and symbols)")
define("upper", upper, doc="upper s  s in upper case (strings and symbols)")
define("hsym", hsym, doc="hsym`s  the file symbol `:s")
define("sv", dyad=sv, infix=True,
       doc='c sv x | b sv x  join strings x with c ("" for none); the number with digits x in '
           'base b (0b sv, 0x0 sv: bits, bytes as a byte, short, int, long or guid)')
define("vs", dyad=vs, infix=True,
       doc='c vs s | b vs n  split string s at c; the digits of n in base b (0b vs, 0x0 vs: the '
           'bits, bytes of a number, temporal or guid)')
