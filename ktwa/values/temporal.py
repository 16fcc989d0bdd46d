"""q's temporal types on numpy: representation, calendar, and their text (display and parsing).

| q type        | dtype  | the int64 each item holds (q's own number)        | null   | inf    |
|---------------|--------|---------------------------------------------------|--------|--------|
| 12 timestamp p| M8[ns] | nanoseconds since 2000.01.01D00:00                | -2^63  | 2^63-1 |
| 13 month m    | M8[M]  | months since 2000.01                              | -2^31  | 2^31-1 |
| 14 date d     | M8[D]  | days since 2000.01.01                             | -2^31  | 2^31-1 |
| 15 datetime z | M8[ms] | milliseconds since 2000.01.01 (q: float days)     | -2^63  | 2^63-1 |
| 16 timespan n | m8[ns] | nanoseconds                                       | -2^63  | 2^63-1 |
| 17 minute u   | m8[m]  | minutes                                           | -2^31  | 2^31-1 |
| 18 second v   | m8[s]  | seconds                                           | -2^31  | 2^31-1 |
| 19 time t     | m8[ms] | milliseconds                                      | -2^31  | 2^31-1 |

Why this shape:

- The numpy dtype *is* the q type, as for every other type here (`qtype`, display and casts stay
  dtype-driven), and numpy's indexing, take, concatenate, where and reshape keep it for free.
- The count is q's own underlying number, from q's epoch 2000.01.01 (not numpy's 1970): a
  `.view(np.int64)` (``counts``) gives q's value with no arithmetic, so arithmetic, comparison,
  sorting and hashing run vectorised on plain int64 with q's exact nulls and infinities (`0Nd`
  is -2147483648 as in q), over q's full ranges (timestamps 1707..2292, wider than numpy's
  1970-based nanosecond range). The 4-byte types keep q's int32 range (arithmetic on them is
  done in int32, as q does).
- Consequence: numpy's own calendar reading of these arrays is 30 years off. Never hand them to
  numpy's date functions directly; ``civil`` and ``days_from_civil`` shift by ``EPOCH_1970``.
- datetime (z) is a float of days in q; here it is whole milliseconds, the precision q prints and
  parses, so its text round-trips exactly. ``qnums`` gives q's float days.

Beware: numpy makes ``np.timedelta64`` (the n u v t atoms) a subclass of ``np.integer``; code
that asks "is this an integer atom?" must exclude it (q never takes a time as an index or count).

Nothing here raises QError (values import nothing from ktwa); bad text raises ValueError whose
message is the q error word ("nyi" or "type"), which callers turn into QError.
"""
from __future__ import annotations

import datetime as _dt
import re

import numpy as np

I64 = np.int64
TEMPORAL = frozenset(range(12, 20))
DATED = frozenset((12, 13, 14, 15))           # points in the calendar
SPANS = frozenset((16, 17, 18, 19))           # lengths of time (time of day)
NARROW = frozenset((13, 14, 17, 18, 19))      # 4-byte in q

DTYPES = {12: np.dtype("M8[ns]"), 13: np.dtype("M8[M]"), 14: np.dtype("M8[D]"),
          15: np.dtype("M8[ms]"), 16: np.dtype("m8[ns]"), 17: np.dtype("m8[m]"),
          18: np.dtype("m8[s]"), 19: np.dtype("m8[ms]")}
LETTERS = {12: "p", 13: "m", 14: "d", 15: "z", 16: "n", 17: "u", 18: "v", 19: "t"}
NAMES = {12: "timestamp", 13: "month", 14: "date", 15: "datetime", 16: "timespan",
         17: "minute", 18: "second", 19: "time"}
LETTER_TYPE = {v: k for k, v in LETTERS.items()}
# numpy type of q's underlying number (what `"j"$`/`"f"$` see); 6 7 9 are int long float
BASE = {12: 7, 13: 6, 14: 6, 15: 9, 16: 7, 17: 6, 18: 6, 19: 6}

NULL = {t: (-2**31 if t in NARROW else -2**63) for t in TEMPORAL}
INF = {t: (2**31 - 1 if t in NARROW else 2**63 - 1) for t in TEMPORAL}

EPOCH_1970 = 10957                      # days from 1970.01.01 to 2000.01.01
DAY_NS = 86_400_000_000_000
DAY_MS = 86_400_000
# nanoseconds in one count of each type (months have no fixed length)
NS = {12: 1, 14: DAY_NS, 15: 1_000_000, 16: 1, 17: 60_000_000_000, 18: 1_000_000_000,
      19: 1_000_000}
_INT32 = np.dtype(np.int32)


def qtype_of_dtype(dt) -> int:
    """The temporal q type of a dtype, or 0."""
    for t, d in DTYPES.items():
        if d == dt:
            return t
    return 0


# ---------------------------------------------------------------------------------------------
# counts and q numbers

def counts(x) -> np.ndarray:
    """The int64 counts of a temporal atom or vector (a 0-d array for an atom)."""
    return np.asarray(x).view(I64)


def from_counts(c, t: int):
    """Temporal values of type t from int64 counts (an atom for a 0-d input)."""
    a = np.asarray(c, dtype=I64).view(DTYPES[t])
    return a[()] if a.ndim == 0 else a


def atom(t: int, count: int):
    """The temporal atom of type t holding count."""
    return np.array(count, dtype=I64).view(DTYPES[t])[()]


def null(t: int):
    return atom(t, NULL[t])


def inf(t: int, sign: int = 1):
    return atom(t, sign * INF[t])


def null_mask(x, t: int) -> np.ndarray:
    return counts(x) == NULL[t]


def qnums(x, t: int) -> np.ndarray:
    """q's underlying numbers: int32 for m d u v t, int64 for p n, float days for z."""
    c = counts(x)
    if t == 15:
        with np.errstate(all="ignore"):
            f = c / float(DAY_MS)
        if c.size:
            f = np.where(c == NULL[15], np.nan, f)
            f = np.where(c == INF[15], np.inf, np.where(c == -INF[15], -np.inf, f))
        return f
    if t in NARROW:
        return c.astype(np.int32)
    return c


def from_qnums(v, t: int):
    """Temporal values of type t from q's underlying numbers (nulls as q encodes them)."""
    v = np.asarray(v)
    if t == 15:
        f = v.astype(np.float64)
        with np.errstate(all="ignore"):
            ms = np.round(f * DAY_MS)
            big = ~(np.abs(ms) < 9.2e18)
            c = np.where(big, 0, ms).astype(I64)
        if big.any():
            c = np.where(np.isnan(f), NULL[15],
                         np.where(big & (f > 0), INF[15], np.where(big, -INF[15], c)))
        return from_counts(c, 15)
    if t in NARROW and v.dtype != _INT32:
        v = v.astype(np.int32)
    return from_counts(v.astype(I64), t)


# ---------------------------------------------------------------------------------------------
# calendar

_D2000 = _dt.date(2000, 1, 1).toordinal()


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 2000.01.01 of a valid proleptic Gregorian date (years 1..9999, q's range)."""
    return _dt.date(y, m, d).toordinal() - _D2000       # raises ValueError when invalid


def civil(days):
    """(year, month, day) int64 arrays of day counts since 2000.01.01."""
    d = (np.asarray(days, dtype=I64) + EPOCH_1970).astype("M8[D]")
    mon = d.astype("M8[M]")
    y = d.astype("M8[Y]").astype(I64) + 1970
    return y, mon.astype(I64) % 12 + 1, (d - mon).astype(I64) + 1


_MIN_DAY = days_from_civil(1, 1, 1)
_MAX_DAY = days_from_civil(9999, 12, 31)


# ---------------------------------------------------------------------------------------------
# text out

def _date_texts(days: np.ndarray) -> list:
    """yyyy.mm.dd for each day count; days outside 0001..9999 show as 0000.00.00 (as q)."""
    ok = (days >= _MIN_DAY) & (days <= _MAX_DAY)
    y, m, d = civil(np.where(ok, days, 0))
    out = ["%04d.%02d.%02d" % v for v in zip(y.tolist(), m.tolist(), d.tolist())]
    if not ok.all():
        for i in np.flatnonzero(~ok).tolist():
            out[i] = "0000.00.00"
    return out


def _clock(units: np.ndarray, per_second: int, digits: int) -> list:
    """hh:mm:ss[.fff] of non-negative counts of 1/per_second seconds (hours may pass 24)."""
    s, frac = np.divmod(units, per_second)
    h, rest = np.divmod(s, 3600)
    mi, se = np.divmod(rest, 60)
    if digits:
        fmt = "%02d:%02d:%02d.%0" + str(digits) + "d"
        return [fmt % v for v in zip(h.tolist(), mi.tolist(), se.tolist(), frac.tolist())]
    return ["%02d:%02d:%02d" % v for v in zip(h.tolist(), mi.tolist(), se.tolist())]


def _signed(c: np.ndarray, fn) -> list:
    """fn over |c| with a leading '-' for negative counts."""
    neg = c < 0
    out = fn(np.abs(c))
    if neg.any():
        for i in np.flatnonzero(neg).tolist():
            out[i] = "-" + out[i]
    return out


def _plain_texts(c: np.ndarray, t: int) -> list:
    """Texts of counts that are neither null nor infinite."""
    if t == 14:
        return _date_texts(c)
    if t == 13:
        y, m = np.divmod(c + 24000, 12)
        return ["%04d.%02d" % v for v in zip(y.tolist(), (m + 1).tolist())]
    if t == 12 or t == 15:
        per_day = DAY_NS if t == 12 else DAY_MS
        days, rem = np.divmod(c, per_day)
        sep = "D" if t == 12 else "T"
        clock = _clock(rem, 10**9, 9) if t == 12 else _clock(rem, 1000, 3)
        return [a + sep + b for a, b in zip(_date_texts(days), clock)]
    if t == 16:
        def span(a):
            days, rem = np.divmod(a, DAY_NS)
            return [str(d) + "D" + s for d, s in zip(days.tolist(), _clock(rem, 10**9, 9))]
        return _signed(c, span)
    if t == 17:
        return _signed(c, lambda a: ["%02d:%02d" % v for v in zip(*(x.tolist() for x in
                                                                     np.divmod(a, 60)))])
    if t == 18:
        return _signed(c, lambda a: _clock(a, 1, 0))
    return _signed(c, lambda a: _clock(a, 1000, 3))


def _inf_text(t: int) -> str:
    # z is float-based in q: its infinity prints lower-case like a float's (`0w`); unsure, the
    # q reference lists both 0Wz and 0wz
    return "0w" if t == 15 else "0W"


def texts(v: np.ndarray, t: int) -> list:
    """Bare texts of a temporal vector: nulls `0N`, infinities `0W` `-0W` (no type marks)."""
    c = counts(v).reshape(-1)
    special = (c == NULL[t]) | (c == INF[t]) | (c == -INF[t])
    if not special.any():
        return _plain_texts(c, t)
    out = _plain_texts(np.where(special, 0, c), t)
    w = _inf_text(t)
    for i in np.flatnonzero(special).tolist():
        k = c[i]
        out[i] = "0N" if k == NULL[t] else (w if k > 0 else "-" + w)
    return out


def all_special(v: np.ndarray, t: int) -> bool:
    """True when every item is a null or an infinity (its text then carries no type)."""
    c = counts(v)
    return bool(((c == NULL[t]) | (c == INF[t]) | (c == -INF[t])).all())


def atom_text(x, t: int, bare: bool = False) -> str:
    """Text of a temporal atom: `2024.01.31`, `2024.01m`, `0Nd`; bare drops the type mark."""
    s = texts(np.asarray(x).reshape(1), t)[0]
    if bare:
        return s
    if s[-1] in "NWw" or t == 13:
        return s + LETTERS[t]
    return s


def vector_text(v: np.ndarray, t: int, items: list, cut: bool) -> str:
    """One-line text of a temporal vector from its item texts: months end in `m`; a vector of
    nulls and infinities only ends in its type letter so that it reads back (`0N 0Nd`)."""
    s = " ".join(items)
    if cut:
        return s
    if t == 13 or all_special(v, t):
        return s + LETTERS[t]
    return s


# ---------------------------------------------------------------------------------------------
# text in: literals

# one word of a temporal literal (the lexer finds the words of a strand; this reads them)
def _clock_re(k: str) -> str:
    # a lone 0 after D or T is midnight: q users write 2021.03.05D0 (the iot-mqtt white paper
    # passes it as a query bound), and every reading of it (hours, nanoseconds) agrees; other
    # lone digits (0D1: an hour or a nanosecond?) stay unread ('nyi)
    return (r"(?P<h{k}>\d\d|0$)(?::(?P<m{k}>\d\d)(?::(?P<s{k}>\d\d)(?:\.(?P<f{k}>\d+))?)?)?"
            .format(k=k))


_WORD = re.compile(r"""(?P<neg>-)?(?:
    (?P<Y>\d{{4}})\.(?P<M>\d\d)\.(?P<D>\d\d)(?:(?P<sep>[DT])(?:{c1})?)?
  | (?P<days>\d+)D(?:{c2})?
  | (?P<my>\d{{4}})\.(?P<mm>\d\d)(?P<msfx>m)?
  | (?P<hh>\d\d+):(?P<mi>\d\d)(?::(?P<ss>\d\d)(?:\.(?P<frac>\d+))?)?(?P<tsfx>[tuv])?
  | (?P<zero>0)p
  | 0(?P<nw>[NW])(?P<nl>[pmdznuvt])?
  | 0w(?P<wz>z)?
)$""".format(c1=_clock_re("1"), c2=_clock_re("2")), re.X)
_LOOKS = re.compile(r"-?(?:\d{4}\.\d\d(?:\.|m$)|\d+D|\d+:\d|0p$|0[NW][pmdznuvt]$|0wz$)")


def looks_temporal(word: str) -> bool:
    """Is this numeric word meant as a temporal literal (so that it is never read as a number)?
    A strand is temporal when any of its words is."""
    return _LOOKS.match(word) is not None


def _clock_ns(h, m, s, frac, day_clock: bool) -> int:
    """Nanoseconds of hh[:mm[:ss[.frac]]] (missing parts are 0); a clock after D or T stays
    within a day."""
    h, m, s = int(h), int(m or 0), int(s or 0)
    if m >= 60 or s >= 60 or (day_clock and h >= 24):
        raise ValueError("nyi")
    ns = ((h * 60 + m) * 60 + s) * 10**9
    if frac:
        if len(frac) > 9:
            raise ValueError("nyi")
        ns += int(frac.ljust(9, "0"))
    return ns


def _read_word(w: str):
    """(natural type, value, suffix type) of one word of a strand. value is exact: nanoseconds
    (since 2000 for p d z, a length for n u v t), months for m, or "null" "inf" "-inf". The
    natural type is 0 for an untyped `0N`/`0W`, -13 for a bare `yyyy.mm` (a month only in a
    strand that ends in m)."""
    m = _WORD.match(w)
    if m is None:
        raise ValueError("nyi")
    g = m.groupdict()
    neg = g["neg"] is not None
    if g["Y"]:
        if neg:
            raise ValueError("nyi")
        try:
            ns = days_from_civil(int(g["Y"]), int(g["M"]), int(g["D"])) * DAY_NS
        except ValueError:                      # no such day (2024.02.30)
            raise ValueError("nyi") from None
        if g["h1"]:
            ns += _clock_ns(g["h1"], g["m1"], g["s1"], g["f1"], True)
        sep = g["sep"]
        return (14 if sep is None else 12 if sep == "D" else 15), ns, 0
    if g["days"] is not None:
        ns = int(g["days"]) * DAY_NS
        if g["h2"]:
            ns += _clock_ns(g["h2"], g["m2"], g["s2"], g["f2"], True)
        return 16, -ns if neg else ns, 0
    if g["my"]:
        mo = int(g["mm"])
        if not 1 <= mo <= 12 or neg:
            raise ValueError("nyi")
        return (13 if g["msfx"] else -13), (int(g["my"]) - 2000) * 12 + mo - 1, \
            (13 if g["msfx"] else 0)
    if g["hh"]:
        frac = g["frac"]
        ns = _clock_ns(g["hh"], g["mi"], g["ss"], frac, False)
        natural = 17 if g["ss"] is None else 18 if frac is None else 19 if len(frac) <= 3 else 16
        return natural, -ns if neg else ns, (LETTER_TYPE[g["tsfx"]] if g["tsfx"] else 0)
    if g["zero"]:
        return 12, 0, 0
    if g["nw"]:
        t = LETTER_TYPE[g["nl"]] if g["nl"] else 0
        if g["nw"] == "N":
            if neg:
                raise ValueError("nyi")
            return t, "null", t
        return t, "-inf" if neg else "inf", t
    t = 15 if g["wz"] else 0        # 0w: a float-like infinity, in a strand of datetimes
    return t, "-inf" if neg else "inf", t


def _count(natural: int, value: int, t: int) -> int:
    """The count of type t for an exact literal value of the natural type; ValueError when the
    text does not say a value of type t exactly."""
    if natural in (13, -13) or t == 13:
        if t != 13:
            raise ValueError("type")
        c = value
    elif (natural in DATED) != (t in DATED):
        raise ValueError("type")
    else:
        c, r = divmod(value, NS[t])
        if r:
            raise ValueError("type")
    if not -INF[t] <= c <= INF[t]:
        raise ValueError("nyi")
    return c


def parse_literal(words: list):
    """The q value of a strand of literal words of which at least one is temporal
    (`2024.01.31`, `12:30 12:45`, `0N 2024.01.31`, `2020.01 2019.08m`, `13:30 20:00t`).
    Raises ValueError("nyi"/"type") for text it does not read as exactly one typed value."""
    read = [_read_word(w) for w in words]
    sfx = {r[2] for r in read if r[2]}
    if len(sfx) > 1:
        raise ValueError("type")
    if sfx:                                 # a type letter (or a typed null) types them all
        t = sfx.pop()
    else:
        naturals = {r[0] for r in read if r[0]}
        if len(naturals) != 1:
            raise ValueError("type")
        t = naturals.pop()
    if t not in TEMPORAL or (t != 15 and any(w.lstrip("-") == "0w" for w in words)):
        raise ValueError("type")
    out = []
    for natural, value, _ in read:
        if value == "null":
            out.append(NULL[t])
        elif value == "inf":
            out.append(INF[t])
        elif value == "-inf":
            out.append(-INF[t])
        else:
            out.append(_count(natural, value, t))
    if len(out) == 1:
        return atom(t, out[0])
    return from_counts(np.array(out, dtype=I64), t)


# ---------------------------------------------------------------------------------------------
# text in: Tok (`"D"$"2024.01.31"`); text q cannot read gives None (the caller's null)

_MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
_TXT_DATE = [
    re.compile(r"(?P<y>\d{4})[.\-/](?P<m>\d\d)[.\-/](?P<d>\d\d)"),     # 2024.01.31 2024-01-31
    re.compile(r"(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)"),                  # 20240131
    re.compile(r"(?P<d>\d\d)(?P<mon>[A-Za-z]{3})(?P<y>\d{4})"),        # 31JAN2024
    re.compile(r"(?P<d>\d\d) (?P<mon>[A-Za-z]{3}) (?P<y>\d{4})"),      # 31 Jan 2024 (file-text.md)
    re.compile(r"(?P<m>\d\d)/(?P<d>\d\d)/(?P<y>\d{4})"),               # 01/31/2024 (\z 0)
]
_TXT_DAY_FIRST = re.compile(r"(?P<d>\d\d)/(?P<m>\d\d)/(?P<y>\d{4})")      # 31/01/2024 (\z 1)

# `\z`: how "D"$ reads dd/dd/yyyy, month first (0, q's default) or day first (1). Like q's own
# \z, it belongs to the process: the Tok that reads text (casts, 0:) has no session at hand.
DATE_ORDER = {"day_first": False}
_TXT_CLOCK = re.compile(r"(?P<neg>[-+])?(?:(?P<days>\d+)D)?(?P<h>\d+)(?::(?P<m>\d\d)(?::(?P<s>\d\d)"
                        r"(?:\.(?P<f>\d*))?)?)?")
_TXT_DIGITS = re.compile(r"(?P<neg>[-+])?(?P<h>\d\d)(?P<m>\d\d)?(?P<s>\d\d)?(?P<f>\d*)")


def _text_days(s: str):
    forms = _TXT_DATE[:-1] + [_TXT_DAY_FIRST] if DATE_ORDER["day_first"] else _TXT_DATE
    for r in forms:
        m = r.fullmatch(s)
        if m:
            g = m.groupdict()
            mo = _MONTHS.get(g["mon"].lower()) if g.get("mon") else int(g["m"])
            try:
                return days_from_civil(int(g["y"]), mo or 0, int(g["d"]))
            except ValueError:
                return None
    return None


def _text_clock_ns(s: str, digits_ok: bool):
    """Nanoseconds of [-][nD]hh[:mm[:ss[.f]]] (or [-]hhmmss[f] digits when digits_ok; a
    + sign too, as in a zone offset `+0900`, file-text.md)."""
    m = _TXT_CLOCK.fullmatch(s)
    if m is None or (":" not in s and "D" not in s):
        if not digits_ok:
            return None
        m = _TXT_DIGITS.fullmatch(s)
        if m is None:
            return None
    g = m.groupdict()
    if int(g.get("m") or 0) >= 60 or int(g.get("s") or 0) >= 60 or len(g.get("f") or "") > 9:
        return None
    ns = ((int(g["h"]) * 60 + int(g.get("m") or 0)) * 60 + int(g.get("s") or 0)) * 10**9
    f = g.get("f") or ""
    ns += int(f.ljust(9, "0")) if f else 0
    ns += int(g.get("days") or 0) * DAY_NS
    return -ns if g.get("neg") == "-" else ns


def _text_stamp_ns(s: str):
    """Nanoseconds since 2000 of date[D|T| |-]time, a date alone, or unix seconds[.f]."""
    m = re.fullmatch(r"(\d{9,11})(?:\.(\d{1,9}))?", s)
    if m:                                       # seconds since 1970 (tok.md)
        ns = (int(m.group(1)) - EPOCH_1970 * 86400) * 10**9
        return ns + (int(m.group(2).ljust(9, "0")) if m.group(2) else 0)
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d|\d\d [A-Za-z]{3} \d{4}|[^DT \-]+)(?:[DT \-](.*))?", s)
    if m is None:
        return None
    days = _text_days(m.group(1))
    if days is None:
        return None
    clock = 0
    if m.group(2):
        clock = _text_clock_ns(m.group(2), False)
        if clock is None or clock < 0 or clock >= DAY_NS:
            return None
    return days * DAY_NS + clock


def parse_text(t: int, s: str):
    """The count of type t that q's Tok reads from s, or None (null) when it cannot."""
    s = s.strip()
    if s in ("0N", ""):
        return None
    if s in ("0W", "-0W"):
        return INF[t] if s == "0W" else -INF[t]
    if t == 14:
        c = _text_days(s)
    elif t == 13:
        m = re.fullmatch(r"(\d{4})[.\-/]?(\d\d)", s)
        c = (int(m.group(1)) - 2000) * 12 + int(m.group(2)) - 1 \
            if m and 1 <= int(m.group(2)) <= 12 else None
    elif t in (12, 15):
        ns = _text_stamp_ns(s)
        c = None if ns is None else (ns if t == 12 else ns // 10**6)
    else:
        ns = _text_clock_ns(s, True)
        c = None if ns is None else ns // NS[t]
    if c is None or not -INF[t] <= c <= INF[t]:
        return None
    return c


# ---------------------------------------------------------------------------------------------
# numpy's own meaning, at the Python boundary (notebook push/pull)

_EPOCH_IN = {12: EPOCH_1970 * DAY_NS, 13: 360, 14: EPOCH_1970, 15: EPOCH_1970 * DAY_MS}


def from_numpy(a: np.ndarray):
    """A numpy datetime64/timedelta64 array as read by numpy (1970 epoch, NaT) as the q
    temporal its unit names (M8[D] a date, m8[s] a second ...; other units become timestamps
    or timespans). Values q's type cannot hold raise ValueError."""
    t = qtype_of_dtype(a.dtype)
    if not t:
        t = 12 if a.dtype.kind == "M" else 16
        a = a.astype(DTYPES[t])
    c = a.view(I64)
    nat = c == np.iinfo(I64).min
    with np.errstate(all="ignore"):
        c = c - _EPOCH_IN.get(t, 0)
    if t in DATED and bool(((c > 0) != (a.view(I64) > -_EPOCH_IN[t]))[~nat].any()):
        raise ValueError("type")                # past q's timestamp range
    if t in NARROW and bool((np.abs(c[~nat]) >= INF[t]).any()):
        raise ValueError("type")
    return from_counts(np.where(nat, NULL[t], c), t)


def to_numpy(v, t: int) -> np.ndarray:
    """A q temporal as numpy reads datetime64/timedelta64 (1970 epoch); nulls and infinities
    (numpy has none) become NaT, as do timestamps past numpy's year 2262."""
    c = counts(v)
    special = (c == NULL[t]) | (c == INF[t]) | (c == -INF[t])
    with np.errstate(all="ignore"):
        r = c + _EPOCH_IN.get(t, 0)
    over = (r < c) if t in DATED else np.zeros(c.shape, dtype=bool)
    r = np.where(special | over, np.iinfo(I64).min, r)
    out = r.view(DTYPES[t])
    return out[()] if out.ndim == 0 else out
