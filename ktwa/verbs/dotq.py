""".Q utilities scripts use for names and command lines: `.Q.id` (sanitize names), `.Q.opt`
(command-line parameters as a dictionary) and `.Q.def` (their defaults and types); names and
paths (`.Q.dd`), months (`.Q.addmonths`), encodings (`.Q.btoa` `.Q.atob` base64, `.Q.x10`
`.Q.j10` `.Q.x12` `.Q.j12`, `.Q.sha1`), list types (`.Q.ty`), applying a function
differently (`.Q.fu` `.Q.fc` `.Q.ft`); and .Q's values (`.Q.n`, `.Q.t`, `.Q.res` ...)."""
from __future__ import annotations

import base64
import binascii
import hashlib
import re
import zlib

import numpy as np

from ..errors import QError
from ..values import temporal as tm
from ..values import types as T
from ..values.functions import Definitions
from . import enums, lists, text
from .index import index

define = Definitions()

# q's reserved words: its control words and the keywords k itself defines (`.Q.res`)
RESERVED = ("abs acos asin atan avg bin binr cor cos cov delete dev div do enlist exec exit "
            "exp getenv hopen if in insert last like log max min prd select setenv sin sqrt ss "
            "sum tan update var wavg while within wsum xexp").split()

_NOT_NAME = re.compile(r"[^A-Za-z0-9_]")


def _clean(name: str) -> str:
    """A symbol as a q name: only letters, digits and `_`, starting with a letter."""
    s = _NOT_NAME.sub("", name)
    if not s:
        return "a"
    return "a" + s if not s[0].isalpha() else s


def _clean_columns(ctx, names) -> np.ndarray:
    """Column names: cleaned, `1` added to reserved words, repeats numbered (`a`a1`a2)."""
    reserved = set(RESERVED) | set(ctx.namespace_names(".q"))
    out: list[str] = []
    seen: dict[str, int] = {}
    for n in names:
        s = _clean(n)
        if s in reserved:
            s += "1"
        k = seen.get(s, 0)
        seen[s] = k + 1
        out.append(s if k == 0 else s + str(k))
    return T.syms(out)


def q_id(ctx, x):
    if isinstance(x, str):
        return _clean(x)
    if T.is_syms(x):
        return T.syms([_clean(n) for n in x])
    if isinstance(x, T.QTable):
        return T.QTable(list(_clean_columns(ctx, x.cols)), x.data)
    if isinstance(x, T.QDict) and T.is_syms(x.keys):
        return T.QDict(_clean_columns(ctx, x.keys), x.values)
    raise QError("type")


def _strings(x) -> list[str]:
    if isinstance(x, list) and all(T.is_string(s) or isinstance(s, np.bytes_) for s in x):
        return [T.text(s) for s in x]
    if T.is_string(x) and len(x) == 0:
        return []
    raise QError("type")


def opt(ctx, x):
    """.Q.opt .z.x: each `-name` and the strings that follow it, as name!(strings); the
    strings before the first `-name` (the non-command parameters) become .Q.x."""
    args = _strings(x)
    names: list[str] = []
    vals: list = []
    plain: list = []
    for a in args:
        if re.match(r"-[^0-9]", a):
            names.append(a[1:])
            vals.append([])
        elif names:
            vals[-1].append(T.chars(a))
        else:
            plain.append(T.chars(a))
    ctx.set_global(".Q.x", plain)
    return T.QDict(T.syms(names), [T.from_items(v) if v else [] for v in vals])


def define_defaults(ctx, x, y):
    """.Q.def[defaults;.Q.opt .z.x]: the defaults, with each parameter given on the command
    line parsed to its default's type (null when it does not parse)."""
    if not (isinstance(x, T.QDict) and T.is_syms(x.keys) and isinstance(y, T.QDict)):
        raise QError("type")
    keys = list(x.keys)
    vals = list(T.to_items(x.values))
    given = {str(k): v for k, v in zip(T.to_items(y.keys), T.to_items(y.values))}
    cast = ctx.builtins["$"]
    for i, k in enumerate(keys):
        if k not in given:
            continue
        d, v = vals[i], given[k]
        t = T.qtype(d)
        if t == 10 or t == -10:
            vals[i] = v[0] if isinstance(v, list) and len(v) == 1 else v
            continue
        if t >= 0 or -t not in T.TYPE_LETTER:
            raise QError("type")
        parsed = ctx.apply(cast, [np.bytes_(T.TYPE_LETTER[-t].upper().encode()), v])
        vals[i] = T.item(parsed, 0) if T.count(parsed) else T.type_null(t)
    return T.QDict(x.keys, T.from_items(vals))


# ---------------------------------------------------------------------------------------------
# names, months, encodings

def dd(x, y):
    """.Q.dd[x;y]: ` sv x,`$string y (`:dir/file, `AAPL.O)."""
    if not (isinstance(x, str) or T.is_syms(x)):
        raise QError("type")
    if isinstance(y, str):
        tail = [y]
    elif T.is_syms(y):
        tail = list(y)
    elif T.is_string(y) or isinstance(y, np.bytes_):
        tail = [T.text(y) if T.is_string(y) else bytes(y).decode("latin-1")]
    else:
        raise QError("type")
    head = [x] if isinstance(x, str) else list(x)
    return text.sv("", T.syms(head + tail))


def addmonths(x, y):
    """.Q.addmonths[d;n]: date d plus n months, the day of the month kept (spilling over into
    the next month when the new month is shorter: 2006.10.29 plus 4 is 2007.03.01)."""
    if T.qtype(x) not in (-14, 14) or T.qtype(y) not in (-5, -6, -7, 5, 6, 7):
        raise QError("type")
    d = (tm.counts(np.atleast_1d(x)) + tm.EPOCH_1970).astype("M8[D]")     # the calendar's
    first = d.astype("M8[M]")
    moved = (first + np.asarray(y, dtype=np.int64).astype("m8[M]")).astype("M8[D]") + \
        (d - first.astype("M8[D]"))
    out = tm.from_counts(moved.astype(np.int64) - tm.EPOCH_1970, 14)
    return out[0] if T.qtype(x) < 0 and T.qtype(y) < 0 else out


_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _data(x) -> bytes:
    if T.is_string(x) or (isinstance(x, np.ndarray) and x.dtype == np.uint8):
        return x.tobytes()
    if isinstance(x, np.bytes_):
        return bytes(x)
    raise QError("type")


def btoa(x):
    """.Q.btoa x: the base64 text of a string or byte vector."""
    return T.chars(base64.b64encode(_data(x)).decode("ascii"))


def atob(x):
    """.Q.atob x: the bytes base64 text x encodes ('domain when it is not padded right)."""
    try:
        raw = base64.b64decode(_data(x), validate=True)
    except (binascii.Error, ValueError):
        raise QError("domain") from None
    return np.frombuffer(raw, dtype=np.uint8).copy()


def sha1(x):
    """.Q.sha1 x: the SHA-1 digest of a string or byte vector, 20 bytes."""
    return np.frombuffer(hashlib.sha1(_data(x)).digest(), dtype=np.uint8).copy()


def gz(x):
    """.Q.gz: .Q.gz[::] is whether zlib is loaded (it always is); .Q.gz v the data gzipped in
    v inflated; .Q.gz (level;v) v deflated in gzip's format at level 1-9. A char vector gives
    chars, a byte vector bytes."""
    if x is None:
        return np.bool_(True)
    if isinstance(x, list) and len(x) == 2:
        level, v = x
        if not (isinstance(level, np.integer) and not isinstance(level, np.bool_)):
            raise QError("type")
        if not 1 <= int(level) <= 9:
            raise QError("domain")
        z = zlib.compressobj(int(level), zlib.DEFLATED, 31)      # 31: a gzip header
        return _like(v, z.compress(_data(v)) + z.flush())
    try:
        return _like(x, zlib.decompress(_data(x), 47))           # 47: gzip or zlib header
    except zlib.error:
        raise QError("domain") from None


def _like(v, raw: bytes):
    """raw as v's kind of vector: chars for chars, bytes for bytes."""
    if T.is_string(v):
        return T.chars(raw)
    return np.frombuffer(raw, dtype=np.uint8).copy()


def _encoder(alphabet: str, width: int):
    base = len(alphabet)

    def enc(x):
        if not isinstance(x, np.integer) or isinstance(x, np.bool_):
            raise QError("type")
        v = int(x)
        if v < 0 or v >= base ** width:
            raise QError("domain")
        out = []
        for _ in range(width):
            v, r = divmod(v, base)
            out.append(alphabet[r])
        return T.chars("".join(reversed(out)))

    def dec(x):
        if not T.is_string(x):
            raise QError("type")
        v = 0
        for c in T.text(x):
            k = alphabet.find(c)
            if k < 0:
                raise QError("domain")
            v = v * base + k
        return np.int64(v)
    return enc, dec


x10, j10 = _encoder(_B64, 10)          # .Q.x10 .Q.j10: base 64 in 10 characters
x12, j12 = _encoder(_B36, 12)          # .Q.x12 .Q.j12: base 36 in 12 characters


def ty(x):
    """.Q.ty x: a vector's type letter; upper case for a list of vectors of one type; blank for
    any other list."""
    if isinstance(x, np.ndarray):
        return np.bytes_(T.TYPE_LETTER.get(T.qtype(x), " ").encode())
    if isinstance(x, list) and x and all(isinstance(i, np.ndarray) for i in x):
        ts = {T.qtype(i) for i in x}
        if len(ts) == 1:
            return np.bytes_(T.TYPE_LETTER.get(ts.pop(), " ").upper().encode())
    if isinstance(x, list):
        return np.bytes_(b" ")
    raise QError("type")


# ---------------------------------------------------------------------------------------------
# applying a function

def fu(ctx, f, y):
    """.Q.fu[f;y]: f y, f evaluated on y's distinct items only."""
    if T.is_atom(y):
        return ctx.apply(f, [y])
    u = lists.distinct(y)
    return index(ctx.apply(f, [u]), lists.find(u, y))


def fc(ctx, f, y):
    """.Q.fc[f;y]: f y, evaluated on as many pieces of y as q has secondary threads and
    joined (ktwa evaluates the pieces one after the other)."""
    n = T.count(y)
    k = max(1, int(ctx.threads[0]()) if ctx.threads else 1)
    if T.is_atom(y) or k == 1 or n < k:
        return ctx.apply(f, [y])
    cuts = np.unique((np.arange(k) * n) // k).astype(np.int64)
    return lists.raze([ctx.apply(f, [piece]) for piece in lists.cut(cuts, y)])


def ft(ctx, f, t):
    """.Q.ft[f;t]: f of a keyed table applied to it unkeyed, the result keyed again."""
    if T.is_keyed(t):
        k = len(t.keys.cols)
        r = ctx.apply(f, [lists.unkey(t)])
        return lists.key_n(k, r)
    return ctx.apply(f, [t])


# ---------------------------------------------------------------------------------------------
# tables and values

def is_table(x):
    """.Q.qt x: 1b for a table (keyed or not), else 0b."""
    return np.bool_(isinstance(x, T.QTable) or T.is_keyed(x))


def table_dict(x):
    """.Q.V t: a table's columns as a dictionary, column name -> values (a keyed table's key
    columns first)."""
    if T.is_keyed(x):
        x = lists.unkey(x)
    if not isinstance(x, T.QTable):
        raise QError("type")
    return T.QDict(T.syms(list(x.cols)), list(x.data))


def value_of(ctx, x):
    """.Q.v x: the table stored at file symbol x, the global named by any other symbol, else
    x itself."""
    if isinstance(x, str):
        if x.startswith(":"):
            return ctx.apply(ctx.builtins["get"], [x])
        return ctx.get_global(x)
    return x


def add_columns(x, y):
    """.Q.ff[x;y]: table x with y's columns that x lacks added, null, of y's types."""
    if not (isinstance(x, T.QTable) and isinstance(y, T.QTable)):
        raise QError("type")
    n = len(x)
    cols, data = list(x.cols), list(x.data)
    for c, col in zip(y.cols, y.data):
        if c not in cols:
            cols.append(c)
            data.append(index(col, np.full(n, T.count(col), dtype=np.int64)))
    return T.QTable(cols, data)


def foreign_key(ctx, x):
    """.Q.fk c: the name of the table column c is a foreign key into, else `."""
    if T.is_atom(x) and not enums.is_enum(x):
        raise QError("type")
    return T.enum_domain(x) or "" if enums.foreign_table(ctx, x) is not None else ""


def load_groups(x):
    """.Q.ld lines: how `\\l` groups a script's lines into statements, as (the line number
    each starts on; its text): a line that starts with a blank continues the one before it.
    Comments are kept (they are statements that do nothing); blank lines are dropped."""
    lines = _strings(x)
    starts: list[int] = []
    groups: list[str] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line[0] in " \t" and groups:
            groups[-1] += "\n" + line
        else:
            starts.append(n)
            groups.append(line)
    return [np.array(starts, dtype=np.int64), [T.chars(g) for g in groups]]


# .Q's values (not functions): every session starts with them
VALUES = {
    ".Q.a": T.chars("abcdefghijklmnopqrstuvwxyz"),
    ".Q.A": T.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    ".Q.an": T.chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"),
    ".Q.n": T.chars("0123456789"),
    ".Q.nA": T.chars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    # the type letters indexed by type number (q's, temporal letters included)
    ".Q.t": T.chars(" bg xhijefcspmdznuvts"),
    ".Q.res": T.syms(RESERVED),
    ".Q.b6": T.chars(_B64),
    ".Q.M": np.int64(2**63 - 1),       # the chunk size of .Q.dsftg: no limit
}


define(".Q.id", monad=q_id, ctx=True,
       doc=".Q.id x  symbols (or a table's or dictionary's names) made valid q names")
define(".Q.opt", monad=opt, ctx=True,
       doc=".Q.opt .z.x  command-line parameters: name!(strings after -name); .Q.x the others")
define(".Q.def", dyad=define_defaults, ctx=True,
       doc=".Q.def[d;.Q.opt .z.x]  defaults d with the parameters given, parsed to d's types")
define(".Q.dd", dyad=dd, doc=".Q.dd[x;y]  the symbols x and y joined: ` sv x,`$string y")
define(".Q.addmonths", dyad=addmonths,
       doc=".Q.addmonths[d;n]  date d plus n months (the day kept; it may spill over)")
define(".Q.btoa", monad=btoa, doc=".Q.btoa x  the base64 text of a string or byte vector")
define(".Q.atob", monad=atob, doc=".Q.atob s  the bytes of base64 text s")
define(".Q.sha1", monad=sha1, doc=".Q.sha1 s  the SHA-1 digest of a string, 20 bytes")
define(".Q.gz", monad=gz,
       doc=".Q.gz (level;v) | .Q.gz v  v gzipped at level 1-9; gzipped v inflated")
define(".Q.x10", monad=x10, doc=".Q.x10 j  a long in 10 base-64 characters (.Q.b6)")
define(".Q.j10", monad=j10, doc=".Q.j10 s  the long 10 base-64 characters encode")
define(".Q.x12", monad=x12, doc=".Q.x12 j  a long in 12 base-36 characters (.Q.nA)")
define(".Q.j12", monad=j12, doc=".Q.j12 s  the long 12 base-36 characters encode")
define(".Q.ty", monad=ty, doc=".Q.ty x  x's type letter; upper case for a list of vectors")
define(".Q.fu", dyad=fu, ctx=True, doc=".Q.fu[f;y]  f y, f evaluated on y's distinct items")
define(".Q.fc", dyad=fc, ctx=True, doc=".Q.fc[f;y]  f y, on pieces of y joined (\\s pieces)")
define(".Q.ft", dyad=ft, ctx=True, doc=".Q.ft[f;t]  f of keyed table t applied unkeyed, keyed again")
define(".Q.qt", monad=is_table, doc=".Q.qt x  1b if x is a table (keyed or not), else 0b")
define(".Q.V", monad=table_dict, doc=".Q.V t  table t's columns as a dictionary name!values")
define(".Q.v", monad=value_of, ctx=True,
       doc=".Q.v x  the table stored at file symbol x, the global named by symbol x, else x")
define(".Q.ff", dyad=add_columns,
       doc=".Q.ff[t;u]  table t with the columns of table u it lacks, null, of u's types")
define(".Q.fk", monad=foreign_key, ctx=True,
       doc=".Q.fk c  the table column c is a foreign key into, else `")
define(".Q.ld", monad=load_groups,
       doc=".Q.ld lines  (first line numbers;texts) of the statements \\l makes of script lines")
