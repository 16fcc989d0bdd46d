"""Atom-to-text primitives shared by the display and the verbs (`string`, `$`, `.Q.f`).

Everything here returns Python ``str``. Conventions (q 4.x on Linux):

- floats use C ``%.{P}g`` (``\\P``, default 7; 0 means 17 digits) with 2-digit exponents
  (``1.234568e+08``, ``1e-08``); null ``0n``, infinities ``0w`` / ``-0w``;
- reals use the same format (``\\P 0`` gives 9 digits for reals); null ``0N``, inf ``0w``;
  their full atom form adds ``e`` (``3.14e``, ``0Ne``, ``0we``);
- short/int/long nulls and infinities are ``0N`` ``0W`` ``-0W`` (+ ``h`` / ``i`` suffix);
- chars are escaped as in q source (``\\"`` ``\\\\`` ``\\n`` ``\\r`` ``\\t``, other control and
  non-ASCII bytes as ``\\NNN`` octal).

"Bare" text is the form used inside vectors and table cells: no suffix, no quotes, no backtick.
"""
from __future__ import annotations

import numpy as np

from . import temporal as _tm
from .types import CHAR, SYM, GUID, INT_NULL, INT_INF, DTYPE_TYPE

__all__ = ["float_text", "real_text", "atom_text", "q_string", "string_chars", "escape_bytes",
           "vector_texts", "vector_text", "float_digits"]


def float_digits(precision: int) -> int:
    """Significant digits for \\P: 0 means 17; clamp to 1..17."""
    p = int(precision)
    if p <= 0 or p > 17:
        return 17
    return p


def _real_digits(precision: int) -> int:
    p = int(precision)
    if p <= 0:
        return 9
    return min(p, 17)


def float_text(x, precision: int = 7) -> str:
    """Bare text of a float: `%.Pg`, `0n`, `0w`, `-0w`."""
    x = float(x)
    if x != x:
        return "0n"
    if x == float("inf"):
        return "0w"
    if x == float("-inf"):
        return "-0w"
    return "%.*g" % (float_digits(precision), x)


def real_text(x, precision: int = 7) -> str:
    """Bare text of a real (float32): like float_text but the null is `0N`."""
    x = float(x)
    if x != x:
        return "0N"
    if x == float("inf"):
        return "0w"
    if x == float("-inf"):
        return "-0w"
    return "%.*g" % (_real_digits(precision), x)


def _int_text(x, t: int) -> str:
    v = int(x)
    if v == int(INT_NULL[t]):
        return "0N"
    if v == int(INT_INF[t]):
        return "0W"
    if v == -int(INT_INF[t]):
        return "-0W"
    return str(v)


_ESC = {34: '\\"', 92: "\\\\", 10: "\\n", 13: "\\r", 9: "\\t"}
_BYTE_ESC = [None] * 256
for _b in range(256):
    if _b in _ESC:
        _BYTE_ESC[_b] = _ESC[_b]
    elif 32 <= _b < 127:
        _BYTE_ESC[_b] = chr(_b)
    else:
        _BYTE_ESC[_b] = "\\%03o" % _b
_PLAIN = bytes(b for b in range(32, 127) if b not in (34, 92))


def escape_bytes(b: bytes) -> str:
    """The inside of a q string literal for bytes b (no surrounding quotes)."""
    if not b.translate(None, _PLAIN):
        return b.decode("ascii")
    return "".join([_BYTE_ESC[c] for c in b])


def _char_bytes(x) -> bytes:
    b = bytes(x)
    return b if b else b" "


def _is_float_f_text(s: str) -> bool:
    """True when a float's text needs the `f` suffix (looks integral)."""
    return not any(c in s for c in ".enw")


def atom_text(x, precision: int = 7, bare: bool = False) -> str:
    """q text of an atom; bare=True drops the type marks (suffix, quotes, backtick)."""
    if x is None:
        return "" if bare else "::"
    if isinstance(x, str):
        return x if bare else "`" + x
    if isinstance(x, np.bool_):
        s = "1" if x else "0"
        return s if bare else s + "b"
    if isinstance(x, (np.datetime64, np.timedelta64)):      # before np.integer: see temporal
        return _tm.atom_text(x, DTYPE_TYPE[x.dtype], bare)
    if isinstance(x, np.floating):
        if isinstance(x, np.float32):
            s = real_text(x, precision)
            return s if bare else s + "e"
        s = float_text(x, precision)
        if bare or not _is_float_f_text(s):
            return s
        return s + "f"
    if isinstance(x, np.integer):
        if isinstance(x, np.uint8):
            s = "%02x" % int(x)
            return s if bare else "0x" + s
        if isinstance(x, np.int64):
            return _int_text(x, 7)
        if isinstance(x, np.int32):
            s = _int_text(x, 6)
            return s if bare else s + "i"
        if isinstance(x, np.int16):
            s = _int_text(x, 5)
            return s if bare else s + "h"
        return str(int(x))
    if isinstance(x, np.bytes_):
        b = _char_bytes(x)
        if bare:
            return chr(b[0]) if 32 <= b[0] < 127 else escape_bytes(b)
        return '"' + escape_bytes(b) + '"'
    if isinstance(x, np.void):
        return guid_texts(np.array([x], dtype=GUID))[0]
    # python scalars should not appear in q values, but be forgiving
    if isinstance(x, bool):
        return atom_text(np.bool_(x), precision, bare)
    if isinstance(x, int):
        return atom_text(np.int64(x), precision, bare)
    if isinstance(x, float):
        return atom_text(np.float64(x), precision, bare)
    if isinstance(x, bytes):
        return atom_text(np.bytes_(x), precision, bare)
    return str(x)


def q_string(x, precision: int = 7) -> str:
    """`string x` for an atom, as Python text.

    Chars and symbols come back as themselves (a char atom is decoded latin-1, so
    ``s.encode('latin-1')`` restores the byte); use :func:`string_chars` for the q value.
    """
    if isinstance(x, str):
        return x
    if isinstance(x, np.bytes_):
        return _char_bytes(x).decode("latin-1")
    if x is None:
        return ""
    return atom_text(x, precision, bare=True)


def string_chars(x, precision: int = 7) -> np.ndarray:
    """`string x` for an atom as a q char vector (exact bytes for chars and symbols)."""
    if isinstance(x, np.bytes_):
        return np.array([_char_bytes(x)], dtype=CHAR)
    s = q_string(x, precision).encode("utf-8")
    return np.frombuffer(s, dtype=CHAR).copy() if s else np.array([], dtype=CHAR)


def _int_vec_texts(v: np.ndarray, t: int) -> list:
    out = list(map(str, v.tolist()))
    null, inf = INT_NULL[t], INT_INF[t]
    special = (v == null) | (v == inf) | (v == -inf)
    if special.any():
        for i in np.flatnonzero(special).tolist():
            out[i] = _int_text(v[i], t)
    return out


def _float_vec_texts(v: np.ndarray, digits: int, null: str) -> list:
    fmt = "%." + str(digits) + "g"
    out = [fmt % f for f in v.tolist()]
    bad = ~np.isfinite(v)
    if bad.any():
        for i in np.flatnonzero(bad).tolist():
            f = v[i]
            out[i] = null if f != f else ("0w" if f > 0 else "-0w")
    return out


def vector_texts(v: np.ndarray, precision: int = 7, n: int | None = None) -> list:
    """Bare texts of the first n items (all when n is None) of a simple vector."""
    if n is not None and n < len(v):
        v = v[:n]
    dt = v.dtype
    if dt == np.int64:
        return _int_vec_texts(v, 7)
    if dt == np.float64:
        return _float_vec_texts(v, float_digits(precision), "0n")
    if dt == np.float32:
        return _float_vec_texts(v, _real_digits(precision), "0N")
    if dt == np.int32:
        return _int_vec_texts(v, 6)
    if dt == np.int16:
        return _int_vec_texts(v, 5)
    if dt == np.bool_:
        return ["1" if b else "0" for b in v.tolist()]
    if dt == np.uint8:
        return ["%02x" % b for b in v.tolist()]
    if dt == CHAR:
        return [atom_text(c, precision, bare=True) for c in v]
    if dt == SYM:
        return [s if isinstance(s, str) else str(s) for s in v.tolist()]
    if dt.kind in "mM":
        return _tm.texts(v, DTYPE_TYPE[dt])
    if dt == GUID:
        return guid_texts(v)
    return [atom_text(e, precision, bare=True) for e in v]


def guid_texts(v: np.ndarray) -> list:
    """8-4-4-4-12 hex texts of a guid vector."""
    out = []
    for h in (bytes(b).hex() for b in v.view(np.uint8).reshape(-1, 16)):
        out.append(h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:])
    return out


_EMPTY = {np.dtype(bool): "`boolean$()", np.dtype(np.uint8): "`byte$()",
          np.dtype(np.int16): "`short$()", np.dtype(np.int32): "`int$()",
          np.dtype(np.int64): "`long$()", np.dtype(np.float32): "`real$()",
          np.dtype(np.float64): "`float$()", CHAR: '""', SYM: "`symbol$()",
          GUID: "`guid$()", **{d: "`" + _tm.NAMES[t] + "$()" for t, d in _tm.DTYPES.items()}}


def vector_text(v: np.ndarray, precision: int = 7, width: int | None = None) -> str:
    """One-line q text of a simple vector (`1 2 3`, `,3`, `` `long$() ``, `"abc"`, `010b`...).

    With ``width``, only enough items to exceed ``width`` characters are formatted; the result
    is then longer than ``width`` (callers cut it) and may lack its type suffix.
    """
    n = len(v)
    dt = v.dtype
    if n == 0:
        return _EMPTY.get(dt, "()")
    pre = "," if n == 1 else ""
    if width is not None and n > width + 2:
        v = v[:width + 2]
        cut = True
    else:
        cut = False
    if dt == CHAR:
        s = '"' + escape_bytes(v.tobytes()) + ('' if cut else '"')
        return pre + s
    if dt == SYM:
        return pre + "`" + "`".join(vector_texts(v, precision))
    if dt == np.bool_:
        return pre + "".join(vector_texts(v, precision)) + ("" if cut else "b")
    if dt == np.uint8:
        return pre + "0x" + "".join(vector_texts(v, precision))
    texts = vector_texts(v, precision)
    if dt.kind in "mM":
        return pre + _tm.vector_text(v, DTYPE_TYPE[dt], texts, cut)
    s = " ".join(texts)
    if cut:
        return pre + s
    if dt == np.int64:
        return pre + s
    if dt == np.float64:
        if not any(c in s for c in ".enw"):
            s += "f"
        return pre + s
    if dt == np.float32:
        return pre + s + "e"
    if dt == np.int32:
        return pre + s + "i"
    if dt == np.int16:
        return pre + s + "h"
    return pre + s
