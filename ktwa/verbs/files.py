"""File i/o: `0:` (prepare, save and load text: CSV, fixed width, key-value pairs), `1:` (read
and write binary), read0 read1 hcount hdel, set/get/value on file symbols, splayed tables,
amend through a file or folder handle (`@[`:db;`sym;:;s]`, as database upkeep scripts do),
save load rsave rload, and `key` of a file symbol (a folder's entries).

Paths are q file symbols (`` `:data/t ``). Every touch of the file system goes through
ktwa.verbs.disk; values are stored in ktwa's own format (ktwa.verbs.serial). A splayed table
is a folder: a `.d` file holding its column names in order, and one file per column. A file
may be compressed (ktwa.verbs.compression): every reader here sees its uncompressed bytes.
"""
from __future__ import annotations

import csv
import io
import itertools

import numpy as np

from ..errors import QError
from ..values.functions import MISSING, Builtin, Definitions
from ..values.types import (CHAR, GUID, LETTER_TYPE, SYM, Enum, Mapped, QDict, QTable, attr_of,
                            chars, enum_vector, from_items, is_atom, is_keyed, null_mask, text,
                            to_items)
from ..values.temporal import from_qnums
from ..values.text import vector_texts
from . import cast as _cast
from .arith import qnot
from . import compression, disk, ipc_bytes, lists, serial
from .index import amend, is_assign, is_int_atom, is_int_vec
from .text import sv

define = Definitions()

I64 = np.int64


# ---------------------------------------------------------------------------------------------
# file symbols


def is_file_symbol(x) -> bool:
    return isinstance(x, str) and x.startswith(":")


def _as_file(x):
    """For the text and byte file verbs (0: read0 read1), whose argument can only be a file,
    a plain symbol names one as its `:f form does (KX's bell.q writes `f 0:s and read0`f)."""
    if isinstance(x, str) and x and not x.startswith(":"):
        return ":" + x
    return x


def _path(ctx, x, write: bool = False) -> str:
    """The OS path of file symbol x, if the session's fence (ktwa.fileaccess) lets q code read
    it (or write it): 'access if not."""
    if not is_file_symbol(x):
        raise QError("type")
    return ctx.files.path(x, write=write)


def _splay_path(x) -> bool:
    return x.endswith("/")


def _head(path: str) -> bytes:
    """The first bytes of a file: enough to tell how it is compressed."""
    return disk.read_bytes(path, 0, compression.header_size())


def _read(path: str, offset: int = 0, length: int | None = None) -> bytes:
    """A file's bytes from offset (length of them, or all), uncompressed."""
    if not compression.is_compressed(_head(path)):
        return disk.read_bytes(path, offset, length)
    data = compression.decompress(disk.read_bytes(path))
    return data[offset:] if length is None else data[offset:offset + length]


def _where(ctx, x):
    """A file, or (file;offset) / (file;offset;length): (path, offset, length)."""
    if is_file_symbol(x):
        return _path(ctx, x), 0, None
    if isinstance(x, list) and len(x) in (2, 3) and is_file_symbol(x[0]) \
            and all(is_int_atom(v) for v in x[1:]):
        return _path(ctx, x[0]), int(x[1]), int(x[2]) if len(x) == 3 else None
    raise QError("type")


# ---------------------------------------------------------------------------------------------
# values in files: set, get, splayed tables


def _revive(ctx):
    return lambda source: ctx.eval_text(source)


def read_value(ctx, fs: str):
    """The value stored at a file symbol: a file, or a splayed table's folder."""
    p = _path(ctx, fs).rstrip("/") or "/"
    if disk.is_folder(p) or _splay_path(fs):
        names = serial.loads(disk.read_bytes(p + "/.d"), _revive(ctx))
        if not (isinstance(names, np.ndarray) and names.dtype == SYM):
            raise QError("type")
        cols = [str(c) for c in names.tolist()]
        return Mapped(cols, [serial.loads(_read(f"{p}/{c}"), _revive(ctx)) for c in cols])
    data = _read(p)
    if data[:2] in (ipc_bytes.Q_FILE, ipc_bytes.Q_VECTOR):        # a file q itself wrote
        return ipc_bytes.from_q_file(data)
    return serial.loads(data, _revive(ctx))


def _zip_defaults(ctx, name: str):
    """The parameters .z.zd gives a file called name: none for a name with an extension."""
    if "." in name or ".z.zd" not in ctx.globals:
        return None
    p = compression.for_column(ctx.get_global(".z.zd"), name)
    return None if p is None or p[1] == 0 else p


def _encoded(ctx, fs: str, v, spec=None) -> list:
    """The files `` fs set v `` writes, as (OS path, bytes) in the order to write them,
    every check made and every value serialized: nothing is written yet. A splayed table's
    .d comes last, so a folder is a table only once all its columns are there."""
    p = _path(ctx, fs, write=True)
    if not _splay_path(fs):
        return [(p, _file_bytes(ctx, p.rsplit("/", 1)[-1], _value_bytes(v), spec))]
    if not isinstance(v, QTable):
        raise QError("type")
    for c in v.data:
        if isinstance(c, np.ndarray) and c.dtype == SYM and not isinstance(c, Enum):
            raise QError("type")          # q splays only enumerated symbol columns
        if isinstance(c, list) and not all(isinstance(i, np.ndarray) for i in c):
            raise QError("type")          # or compound lists (lists of vectors)
    out = [(p + name, _file_bytes(ctx, name, serial.dumps(c), spec))
           for name, c in zip(v.cols, v.data)]
    return out + [(p + ".d", serial.dumps(np.array(v.cols, dtype=object)))]


def _file_bytes(ctx, name: str, data: bytes, spec=None) -> bytes:
    """A file's bytes, compressed as spec says for name (see compression.for_column), else as
    .z.zd says."""
    params = compression.for_column(spec, name) or _zip_defaults(ctx, name)
    return compression.compress(data, params) if params else data


def _write_all(writes: list) -> None:
    for p, data in writes:
        disk.write_bytes(p, data)


def write_value(ctx, fs: str, v, spec=None) -> str:
    """`` `:f set v `` (one file), `` `:d/ set t `` (t splayed into folder d); spec: the
    compression parameters, for the file or by column (ktwa.verbs.compression)."""
    _write_all(_encoded(ctx, fs, v, spec))     # (disk.write_bytes makes the folders)
    return fs


def _value_bytes(v) -> bytes:
    """A value's bytes as a file of its own: a general list item by item, so a handle can
    append to it (a log); any other value whole."""
    return serial.dumps_items(v) if serial.is_plain_list(v) else serial.dumps(v)


def _changed(ctx, fs: str, change, items: bool = False, read: bool = True) -> list:
    """The writes (as _encoded gives them) that store change(the value at fs) back at fs, as
    it was: file or splayed. With items (an amend at indices), the stored value must be a
    vector q could amend in place: amend.md says not nested, enumerated or with an attribute.
    Without read, the old value is not wanted (an assignment of the whole) and not read."""
    p = _path(ctx, fs, write=True).rstrip("/")
    # splayed when it is a folder, or, new, when it is named as one (`:db/t/ upsert rows)
    folder = disk.is_folder(p) or (not disk.exists(p) and fs.endswith("/"))
    old = read_value(ctx, fs) if read and disk.exists(p) else None
    if items and (isinstance(old, (list, Enum)) or (isinstance(old, np.ndarray) and attr_of(old))):
        raise QError(f"type/attr error amending file {fs[1:]}")
    v = change(old)
    # a compressed file stays compressed as it was (file-compression.md: append)
    kept = None if folder or old is None else compression.params_of(_head(p))
    return _encoded(ctx, fs.rstrip("/") + ("/" if folder else ""), v, kept)


def update_file(ctx, fs: str, change, items: bool = False):
    """Read the value at fs, change it, write it back (as it was: file or splayed; see
    _changed)."""
    _write_all(_changed(ctx, fs, change, items))
    return fs


def amend_file(ctx, fs: str, path: list, f, y=MISSING):
    """`.[fs;path;f;y]` / `@[fs;i;f;y]` for a file handle fs (amend.md): the value it refers
    to is amended and written back, and fs returned. A folder, or a name not on disk yet, is
    a dictionary of its files: each leading symbol of the path names a file in it, the null
    symbol the folder itself as a splayed table, so `@[`:db;`sym;:;s]` writes db/sym,
    `@[`:t;`.d;,;`c]` appends `c to t/.d, `.[`:db;(`p;`t;`);:;t]` splays t into db/p/t/ and
    `@[`:t;`c;f]` applies f to column file t/c. A symbol vector names several files (each
    amended with its item of y). The rest of the path amends the value stored there: the
    whole of it, or its items. Every new file is made before the first is written."""
    writes = []

    def walk(target: str, path: list, y):
        p = _path(ctx, target, write=True).rstrip("/")
        is_dir = target.endswith("/") or disk.is_folder(p) or not disk.exists(p)
        i = path[0] if path else None
        if path and is_dir and isinstance(i, str) and not i.startswith(":"):
            walk(sv("", np.array([target.rstrip("/"), i], dtype=object)) if i
                 else target.rstrip("/") + "/", path[1:], y)
            return
        if path and is_dir and isinstance(i, np.ndarray) and i.dtype == SYM:
            ys = [y] * len(i) if y is MISSING or is_atom(y) else list(to_items(y))
            if len(ys) != len(i):
                raise QError("length")
            for s, yk in zip(i.tolist(), ys):
                walk(target, [s] + path[1:], yk)
            return
        whole = not path or (len(path) == 1 and path[0] is None)
        assign = not path and is_assign(f)      # (`::` assigns each item: it reads them)
        joins = isinstance(f, Builtin) and f.name == ","
        if not (assign or joins or disk.exists(p)):
            read_value(ctx, target)         # nothing there to amend: reading it fails
        # a file not there yet holds () to join to (`.[`:new;();,;x]` makes it, as .Q.fs
        # loaders do)
        writes.extend(_changed(ctx, target,
                               lambda v: amend(ctx, [] if v is None else v, path, f, y),
                               items=not whole, read=not assign))

    walk(fs, list(path), y)
    _write_all(writes)
    return fs


def _compressed_target(x):
    """(file;lbs;alg;lvl) or (dir;dic): the file symbol and the compression spec."""
    if isinstance(x, list) and len(x) == 4 and is_file_symbol(x[0]):
        return x[0], compression.parameters(x[1:])
    if isinstance(x, list) and len(x) == 2 and is_file_symbol(x[0]) and isinstance(x[1], QDict):
        if not _splay_path(x[0]):
            raise QError("type")
        return x[0], x[1]
    raise QError("type")


def q_set(ctx, name, v):
    if isinstance(name, list):
        fs, spec = _compressed_target(name)
        return write_value(ctx, fs, v, spec)
    if not isinstance(name, str):
        raise QError("type")
    if is_file_symbol(name):
        return write_value(ctx, name, v)
    ctx.set_global(name, v)
    return name


def compression_stats(ctx, x):
    """-21!`:f: how file f is compressed (an empty dictionary if it is not)."""
    if not is_file_symbol(x):
        raise QError("type")
    p = _path(ctx, x)
    return compression.stats(_head(p), disk.size(p))


def key(ctx, x: str):
    """key `:path: a folder's entries, the file symbol of a file, () if neither (runtime's
    `key` hands file symbols here)."""
    p = _path(ctx, x)
    if disk.is_folder(p):
        return np.array(disk.listing(p), dtype=object)
    return x if disk.exists(p) else []


# ---------------------------------------------------------------------------------------------
# save load rsave rload


def _name_and_ext(x: str):
    """`path/to/v.ext` (or `:path/to/v.ext`) -> (file symbol, v, ext)."""
    fs = x if x.startswith(":") else ":" + x
    base = fs[1:].rstrip("/").rsplit("/", 1)[-1]
    v, _, ext = base.partition(".")
    return fs, v, ext


def _save_one(ctx, x: str) -> str:
    fs, name, ext = _name_and_ext(x)
    v = ctx.get_global(name)
    if not ext:
        write_value(ctx, fs, v)
    elif ext in ("csv", "txt"):
        lines = prepare_text(b"," if ext == "csv" else b"\t", v, ctx.settings.precision)
        save_text(ctx, fs, lines)
    else:                            # q writes the other kinds .h.tx knows (xml, json)
        kinds = ctx.get_global(".h.tx")
        if not (isinstance(kinds, QDict) and ext in kinds.keys.tolist()):
            raise QError("nyi")      # xls (Excel XML) is not written yet
        save_text(ctx, fs, ctx.apply(ctx.apply(kinds, [ext]), [v]))
    return fs


def _each_name(fn):
    def f(ctx, x):
        if isinstance(x, str):
            return fn(ctx, x)
        if isinstance(x, np.ndarray) and x.dtype == SYM:
            return np.array([fn(ctx, str(s)) for s in x.tolist()], dtype=object)
        raise QError("type")
    return f


def _load_one(ctx, x: str) -> str:
    fs, name, _ = _name_and_ext(x)
    p = _path(ctx, fs)
    if disk.is_folder(p) and not disk.exists(p + "/.d"):
        # a folder of data files loads as a dictionary of them
        entries = [e for e in disk.listing(p) if not e.startswith(".")]
        vals = [read_value(ctx, f"{fs}/{e}") for e in entries]
        ctx.set_global(name, QDict(np.array(entries, dtype=object), from_items(vals)
                                   if vals else []))
    else:
        ctx.set_global(name, read_value(ctx, fs))
    return name


def _rsave(ctx, x: str) -> str:
    return write_value(ctx, ":" + x + "/", ctx.get_global(x))


def _rload(ctx, x: str) -> str:
    ctx.set_global(x, read_value(ctx, ":" + x + "/"))
    return x


# ---------------------------------------------------------------------------------------------
# text: 0:


def _iso(text: str) -> str:
    """q's text of a date, month, timestamp or datetime in ISO 8601: 2024-01-31,
    2024-01, 2024-01-31T10:00:00.000000000, 2024-01-31T10:00:00.000."""
    day, t, clock = text.replace("D", "T").partition("T")
    return day.replace(".", "-").rstrip("m") + t + clock


def _cell_texts(col, precision: int, delim: bytes) -> list:
    """A column's cells as text for `0:` (nulls empty; cells holding the delimiter or a
    newline embraced with quotes, their quotes doubled; a quote alone does not embrace a cell,
    file-text.md)."""
    if isinstance(col, np.ndarray):
        col = col.view(np.ndarray)
        if col.dtype == CHAR:
            cells = [bytes(c) for c in col.tolist()]
        else:
            texts = vector_texts(col, precision)
            if col.dtype.kind == "M":      # dates and stamps in ISO 8601 (file-text.md)
                texts = [_iso(t) for t in texts]
            if col.dtype != np.bool_ and col.dtype != np.uint8:
                m = null_mask(col)
                for i in np.flatnonzero(m).tolist():
                    texts[i] = ""
            cells = [t.encode("utf-8") for t in texts]
    elif isinstance(col, list) and all(isinstance(s, np.ndarray) and s.dtype == CHAR
                                       for s in col):
        cells = [s.tobytes() for s in col]
    else:
        raise QError("type")
    out = []
    for c in cells:
        if delim in c or b"\n" in c:
            c = b'"' + c.replace(b'"', b'""') + b'"'
        out.append(c)
    return out


def prepare_text(delim: bytes, y, precision: int) -> list:
    """`delim 0: t`: a table as delimited lines, its column names first; a list of columns
    gives the rows alone."""
    if is_keyed(y):
        y = lists.unkey(y)
    if isinstance(y, QTable):
        header = [delim.join(c.encode("utf-8") for c in y.cols)]
        cols = y.data
    elif isinstance(y, list) or isinstance(y, np.ndarray):
        header, cols = [], to_items(y)
    else:
        raise QError("type")
    columns = [_cell_texts(c, precision, delim) for c in cols]
    n = {len(c) for c in columns}
    if len(n) > 1:
        raise QError("length")
    rows = [delim.join(r) for r in zip(*columns)] if columns else []
    return header + rows


def save_text(ctx, fs: str, lines) -> str:
    """`` `:f 0: strings ``: the strings as lines of the file."""
    items = to_items(lines) if not (isinstance(lines, np.ndarray) and lines.dtype == CHAR) \
        else [lines]
    body = b"".join(_text_bytes(s) + b"\n" for s in items)
    disk.write_bytes(_path(ctx, fs, write=True), body)
    return fs


def _text_bytes(s) -> bytes:
    if isinstance(s, bytes):
        return s
    if isinstance(s, np.ndarray) and s.dtype == CHAR:
        return s.tobytes()
    if isinstance(s, np.bytes_):
        return bytes(s)
    raise QError("type")


def _lines(ctx, y) -> list:
    """The text lines of y: a string, a list of strings, or a file (range)."""
    if isinstance(y, np.ndarray) and y.dtype == CHAR:
        return [y.tobytes()]
    if isinstance(y, list) and all(isinstance(s, np.ndarray) and s.dtype == CHAR for s in y):
        return [s.tobytes() for s in y]
    if y.__class__ is str and y and not y.startswith(":"):   # a file named without its colon
        y = ":" + y
    path, off, n = _where(ctx, y)
    return _split_lines(_read(path, off, n))


def _split_lines(data: bytes) -> list:
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [ln[:-1] if ln.endswith(b"\r") else ln for ln in lines]


def _column_type(letter: str):
    """A type letter of `0:`/`1:` as (q type or None to skip, '*' for strings)."""
    if letter == " ":
        return None
    if letter == "*":
        return "*"
    t = LETTER_TYPE.get(letter.lower())
    if t is None:
        raise QError("nyi")           # a type ktwa has no parser for yet
    return t


def _parse_column(t, fields: list):
    """Fields (bytes) as a q column of type t."""
    if t == "*":
        return [chars(f) for f in fields]
    if t == 10:
        return np.array([f[:1] or b" " for f in fields], dtype=CHAR)
    if t == 11:                 # spaces around a symbol are no part of it (dotq.md .Q.fs)
        return np.array([f.strip().decode("utf-8") for f in fields], dtype=object)
    if t in (7, 9) and fields:
        # the common clean numeric column in one numpy conversion; anything else item by item
        try:
            return np.array(fields, dtype=np.float64 if t == 9 else np.int64)
        except ValueError:
            pass
    return _cast.tok(t, [chars(f.strip()) for f in fields]) if fields else \
        np.array([], dtype=_cast.TYPE_DTYPE[t])


def _split_records(lines: list, delim: str, quoted_newlines: bool) -> list:
    if quoted_newlines:
        text_ = "\n".join(ln.decode("utf-8") for ln in lines)
        return list(csv.reader(io.StringIO(text_), delimiter=delim, quotechar='"'))
    return list(csv.reader([ln.decode("utf-8") for ln in lines], delimiter=delim,
                           quotechar='"'))


def load_csv(ctx, types: str, delim, y, quoted_newlines: bool = False):
    """`(types;delim) 0: y`: a list of columns; an enlisted delimiter reads the first line as
    column names and gives a table; a string y with an atom delimiter is one record."""
    header = isinstance(delim, np.ndarray)
    d = text(delim)
    if len(d) != 1:
        raise QError("length")
    kinds = [_column_type(c) for c in types]
    one = isinstance(y, np.ndarray) and y.dtype == CHAR and not header
    records = _split_records(_lines(ctx, y), d, quoted_newlines)
    names = None
    if header:
        if not records:
            raise QError("length")
        names, records = records[0], records[1:]
    cols = []
    for j, t in enumerate(kinds):
        if t is None:
            continue
        fields = [(r[j] if j < len(r) else "").encode("utf-8") for r in records]
        cols.append((j, _parse_column(t, fields)))
    if header:
        return QTable([names[j] if j < len(names) else "x" for j, _ in cols],
                      [c for _, c in cols])
    if one:
        return from_items([lists.first(c) for _, c in cols])
    return [c for _, c in cols]


def load_fixed(ctx, types: str, widths: np.ndarray, y):
    """`(types;widths) 0: y`: fixed-width fields."""
    if len(types) != len(widths):
        raise QError("length")
    lines = _lines(ctx, y)
    kinds = [_column_type(c) for c in types]
    starts = np.concatenate([[0], np.cumsum(widths)[:-1]]).tolist()
    cols = []
    for t, a, w in zip(kinds, starts, widths.tolist()):
        if t is None:
            continue
        fields = [ln[a:a + w] for ln in lines]
        cols.append(_parse_column(t, fields if t in ("*", 10) else [f.strip() for f in fields]))
    return cols


def key_values(spec: bytes, y):
    """`"S=;" 0: s`: key-value pairs as (keys;values); a `*` third makes quotes protect the
    separators."""
    if len(spec) not in (3, 4):
        raise QError("length")
    kt = {b"S": 11, b"I": 6, b"J": 7}.get(spec[:1])
    if kt is None:
        raise QError("IJS")             # errors.md: the key type is not I, J or S
    quoted = len(spec) == 4 and spec[2:3] == b"*"
    eq, sep = spec[1:2], spec[-1:]
    s = _text_bytes(y)
    pairs = _split_unquoted(s, sep) if quoted else (s.split(sep) if s else [])
    keys, vals = [], []
    for p in pairs:
        k, _, v = p.partition(eq)
        if quoted and len(v) > 1 and v.startswith(b'"') and v.endswith(b'"'):
            v = v[1:-1]
        keys.append(k)
        vals.append(chars(v))
    return [_parse_column(kt, keys), vals]


def _split_unquoted(s: bytes, sep: bytes) -> list:
    """s split at each sep outside double quotes."""
    out, start, quoted = [], 0, False
    for k, c in enumerate(s):
        if c == 34:                         # "
            quoted = not quoted
        elif c == sep[0] and not quoted:
            out.append(s[start:k])
            start = k + 1
    out.append(s[start:])
    return out if s else []


def file_text(ctx, x, y):
    """`0:` in its forms: prepare text, save text, load CSV / fixed width, key-value pairs."""
    if isinstance(x, np.bytes_):
        return [chars(s) for s in prepare_text(bytes(x), y, ctx.settings.precision)]
    if isinstance(x, str):
        save_text(ctx, _as_file(x), y)
        return x
    if isinstance(x, np.ndarray) and x.dtype == CHAR:
        return key_values(x.tobytes(), y)
    if isinstance(x, list) and len(x) in (2, 3):
        types = x[0]
        if not (isinstance(types, np.ndarray) and types.dtype == CHAR):
            raise QError("type")
        tstr = types.tobytes().decode("latin-1")
        second = x[1]
        if is_int_vec(second) and second.dtype != np.bool_:
            return load_fixed(ctx, tstr, second.astype(I64), y)
        if isinstance(second, np.bytes_) or (isinstance(second, np.ndarray)
                                             and second.dtype == CHAR):
            flag = len(x) == 3 and bool(x[2])
            return load_csv(ctx, tstr, second, y, flag)
    raise QError("type")


# ---------------------------------------------------------------------------------------------
# binary: 1:, read0, read1


_BINARY = {"b": (np.bool_, 1), "x": (np.uint8, 1), "h": (np.int16, 2), "i": (np.int32, 4),
           "j": (np.int64, 8), "e": (np.float32, 4), "f": (np.float64, 8), "c": ("S1", 1),
           "g": ("V16", 16),
           # temporals as q stores them (file-binary.md): their numbers, made values below
           "p": (np.int64, 8), "m": (np.int32, 4), "d": (np.int32, 4), "z": (np.float64, 8),
           "n": (np.int64, 8), "u": (np.int32, 4), "v": (np.int32, 4), "t": (np.int32, 4)}


def _bytes_of(ctx, y) -> bytes:
    if isinstance(y, np.ndarray) and y.dtype in (np.dtype(np.uint8), CHAR):
        return y.tobytes()
    path, off, n = _where(ctx, y)
    return _read(path, off, n)


def read_binary(ctx, x, y):
    """`(types;widths) 1: y` little-endian, `(widths;types) 1: y` big-endian: the records of
    y as columns."""
    if not (isinstance(x, list) and len(x) == 2):
        raise QError("type")
    a, b = x
    if isinstance(a, np.ndarray) and a.dtype == CHAR and is_int_vec(b):
        types, widths, order = a.tobytes().decode("latin-1"), b.tolist(), "<"
    elif isinstance(b, np.ndarray) and b.dtype == CHAR and is_int_vec(a):
        types, widths, order = b.tobytes().decode("latin-1"), a.tolist(), ">"
    else:
        raise QError("type")
    if len(types) != len(widths):
        raise QError("length")
    fields, offset = [], 0
    for k, (t, w) in enumerate(zip(types, widths)):
        if t == " ":
            offset += w
            continue
        if t in "s*":                   # a symbol, or (`*`) a string, of w bytes
            fields.append((t, f"f{k}", np.dtype(f"V{w}"), offset))
        else:
            spec = _BINARY.get(t)
            if spec is None:
                raise QError("nyi")
            if spec[1] != w:
                raise QError("length")
            fields.append((t, f"f{k}", np.dtype(spec[0]).newbyteorder(order)
                           if spec[1] > 1 and t != "g" else np.dtype(spec[0]), offset))
        offset += w
    data = _bytes_of(ctx, y)
    n = len(data) // offset if offset else 0
    rec = np.dtype({"names": [f[1] for f in fields], "formats": [f[2] for f in fields],
                    "offsets": [f[3] for f in fields], "itemsize": offset})
    table = np.frombuffer(data[:n * offset], dtype=rec, count=n)
    out = []
    for t, name, dt, _ in fields:
        col = table[name]
        if t == "s":
            out.append(np.array([bytes(s).rstrip(b"\0").decode("utf-8") for s in col.tolist()],
                                dtype=object))
        elif t == "*":                  # every byte kept: quotes and NULs are the string's
            out.append([chars(bytes(s)) for s in col.tolist()])
        elif t == "g":
            out.append(np.ascontiguousarray(col).view(GUID))
        else:
            v = np.ascontiguousarray(col).astype(dt.newbyteorder("="))
            out.append(from_qnums(v, LETTER_TYPE[t]) if t in "pmdznuvt" else v)
    return out


def write_binary(ctx, fs: str, y, params=None) -> str:
    """`` `:f 1: y ``: y's raw bytes (a value with no flat bytes is stored as `set` would),
    compressed with params (lbs;alg;lvl) when given."""
    if isinstance(y, np.ndarray) and y.dtype != SYM:
        data = np.ascontiguousarray(y.view(np.ndarray)).tobytes()
    elif isinstance(y, np.generic):
        data = np.asarray(y).tobytes()
    else:
        data = serial.dumps(y)
    p = _path(ctx, fs, write=True)
    disk.write_bytes(p, compression.compress(data, params) if params else data)
    return fs


def file_binary(ctx, x, y):
    if is_file_symbol(x):
        return write_binary(ctx, x, y)
    if isinstance(x, list) and len(x) == 4 and is_file_symbol(x[0]):
        return write_binary(ctx, x[0], y, compression.parameters(x[1:]))   # (`:f;lbs;alg;lvl)
    return read_binary(ctx, x, y)


def read0(ctx, y):
    if is_int_atom(y) and int(y) == 0:          # read0 0: a line the console's user types
        return chars(ctx.read_line().encode("utf-8"))
    y = _as_file(y)
    data = _fifo_read(ctx, y)
    if data is not None:
        return chars(data)
    if isinstance(y, list) and len(y) in (2, 3):
        # read0.md, files.md: the chars from o, as lines when they hold a line break (KX's
        # csvutil.q takes `first read0(f;0;n)` up to the first break as the header line, and
        # counts the lines of such a read); without one, the chars (`read0(f;6;2)` is "wo")
        path, off, n = _where(ctx, y)
        data = _read(path, off, n)
        if b"\n" not in data:
            return chars(data[:-1] if data.endswith(b"\r") else data)
        return [chars(ln) for ln in _split_lines(data)]
    path, _, _ = _where(ctx, y)
    return [chars(ln) for ln in _split_lines(_read(path))]


def read1(ctx, y):
    y = _as_file(y)
    data = _fifo_read(ctx, y)
    if data is not None:
        return np.frombuffer(data, dtype=np.uint8).copy()
    path, off, n = _where(ctx, y)
    return np.frombuffer(_read(path, off, n), dtype=np.uint8).copy()


def stream(ctx, f, x, n=I64(131000)):
    """.Q.fsn[f;`:file;n] (.Q.fs: n is 131000): f applied to the lines of each lump of about
    n bytes of complete "\n"-ended records, in order; the file's size (hcount) is returned."""
    n = _lump_size(n)
    path, _, _ = _where(ctx, x)
    data = _read(path)
    _lumps_to(ctx, f, (data[i:i + n] for i in range(0, len(data), n)), n)
    return I64(len(data))


def stream_pipe(ctx, f, x, n=I64(131000)):
    """.Q.fpn[f;`:fifo;n] (.Q.fps: n is 131000): .Q.fsn over a named pipe, read as its writer
    writes until the writer closes it; q shows nothing after it (named-pipes.md), so (::)."""
    n = _lump_size(n)
    if not is_file_symbol(x):
        raise QError("type")
    _lumps_to(ctx, f, disk.read_in_turn(_path(ctx, x), n), n)
    return None


def _lump_size(n) -> int:
    if not is_int_atom(n) or int(n) <= 0:
        raise QError("type")
    return int(n)


def _lumps_to(ctx, f, reads, n: int) -> None:
    """f of the lines of each lump of whole records: a lump is n bytes (what is left of the
    last read and the next) cut after its last "\n" when more follows it; the rest starts the
    next lump. The last lump is what is left, whole."""
    rest = b""
    for data in reads:
        rest += data
        while len(rest) > n:
            lump, rest = rest[:n], rest[n:]
            cut = lump.rfind(b"\n")
            if cut < 0:                 # a record longer than a lump: q would never finish
                raise QError("limit")
            rest = lump[cut + 1:] + rest
            ctx.apply(f, [[chars(ln) for ln in _split_lines(lump[:cut + 1])]])
    if rest:
        ctx.apply(f, [[chars(ln) for ln in _split_lines(rest)]])


def hcount(ctx, x):
    """The length of file x (of its uncompressed bytes, file-compression.md)."""
    p = _path(ctx, x)
    size = disk.size(p)
    head = _head(p) if size and not disk.is_folder(p) else b""
    return I64(compression.length(head) if compression.is_compressed(head) else size)


def hdel(ctx, x):
    """q's hdel is k's `~:`, the unary form not is too (parsetrees.md: `hdel 01001b` is 10110b):
    of a file symbol it deletes the file, of anything else it is not."""
    if not isinstance(x, str):
        return qnot(x)
    disk.remove(_path(ctx, x, write=True))
    return x


# ---------------------------------------------------------------------------------------------
# databases: .Q.en, folders loaded by \l


def read_symbols(ctx, fs: str, name: str | None = None) -> np.ndarray:
    """The symbol list a domain file holds; without the file, the global `name` if given and
    defined, else none; 'type if it is not a symbol list."""
    if disk.exists(_path(ctx, fs)):
        known = read_value(ctx, fs)
    elif name is not None and name in ctx.globals:
        known = ctx.get_global(name)
    else:
        known = np.array([], dtype=object)
    if not (isinstance(known, np.ndarray) and known.dtype == SYM):
        raise QError("type")
    return known


def enumerate_symbols(ctx, d, t, domain: str = "sym"):
    """.Q.en[`:d;t]: t with its symbol columns (and lists of symbol vectors) enumerated over
    the global sym, which gains the symbols it lacked and is saved as `:d/sym (dotq.md). The
    sym list starts from d's file, else the global. `.Q.ens[`:d;t;`dom]` does the same over
    the domain named dom."""
    if not is_file_symbol(d) or not isinstance(domain, str) or not domain \
            or domain.startswith(":"):
        raise QError("type")
    if not isinstance(t, QTable):
        raise QError("type")
    symfile = d.rstrip("/") + "/" + domain
    known = read_symbols(ctx, symfile, domain)
    syms = [str(x) for x in known.tolist()]
    seen = set(syms)

    def add(v):
        for x in v.tolist():
            if x not in seen:
                seen.add(x)
                syms.append(x)

    def plain_syms(c):
        return isinstance(c, np.ndarray) and c.dtype == SYM and not isinstance(c, Enum)

    cols = []
    for c in t.data:
        if plain_syms(c):
            add(c)
            cols.append(enum_vector(c.tolist(), domain))
        elif isinstance(c, list) and c and all(plain_syms(v) for v in c):
            for v in c:
                add(v)
            cols.append([enum_vector(v.tolist(), domain) for v in c])
        else:
            cols.append(c)
    ctx.set_global(domain, np.array(syms, dtype=object))
    ctx.enum_domains.add(ctx.qualify(domain, ""))     # its enumerations follow it (enums.rebase)
    write_value(ctx, symfile, ctx.get_global(domain))
    return QTable(list(t.cols), cols)


def load_folder(ctx, fs: str) -> str:
    """`\\l d` for a splayed table's folder (it has a .d): the global named after it. A
    database folder is ktwa.verbs.partitions' to load. Returns the name loaded."""
    p = _path(ctx, fs).rstrip("/") or "/"
    name = p.rsplit("/", 1)[-1]
    ctx.set_global(name, read_value(ctx, fs.rstrip("/") + "/"))
    return name


def is_folder(ctx, fs: str) -> bool:
    return disk.is_folder(_path(ctx, fs if fs.startswith(":") else ":" + fs))


# ---------------------------------------------------------------------------------------------
# handles to files: hopen hclose (files.md); the session's ctx.handles maps each to its path


class Fifo:
    """A file opened as a fifo (`` hopen `:fifo://f ``): read in turn, n bytes at a time, by
    read0 (h;n) and read1 (h;n) (read0.md, hopen.md)."""

    def __init__(self, path: str):
        self.path = path
        self.offset = 0

    def take(self, n: int) -> bytes:
        data = disk.read_bytes(self.path, self.offset, n)
        self.offset += len(data)
        return data


def hopen(ctx, x):
    """hopen `:f: a handle (an int) that appends to file f, made with its folders if need be;
    hopen `:fifo://f a handle that reads f in turn. A host and port (`:host:5001, `::5001)
    would be a connection: ktwa has no IPC ('nyi)."""
    if isinstance(x, np.ndarray) and x.dtype == CHAR:
        x = text(x)
    fifo = isinstance(x, str) and x.startswith(":fifo://")
    if fifo:
        h = Fifo(_path(ctx, ":" + x[len(":fifo://"):]))
        disk.read_bytes(h.path, 0, 0)                # it must be there to be read
    elif not is_file_symbol(x) or ":" in x[1:]:
        raise QError("nyi: hopen opens files only (ktwa has no IPC)" if isinstance(x, str)
                     else "type")
    else:
        h = _path(ctx, x, write=True)
        disk.write_bytes(h, b"", append=True)
    n = 3
    while n in ctx.handles:
        n += 1
    ctx.handles[n] = h
    return np.int32(n)


def _fifo_read(ctx, y):
    """read0/read1 (h;n) of a fifo handle: its next n bytes; None if y is no such pair."""
    if isinstance(y, list) and len(y) == 2 and is_int_atom(y[0]) and is_int_atom(y[1]) \
            and isinstance(ctx.handles.get(int(y[0])), Fifo):
        return ctx.handles[int(y[0])].take(int(y[1]))
    return None


def hclose(ctx, h):
    if not is_int_atom(h):
        raise QError("type")
    if ctx.handles.pop(abs(int(h)), None) is None:
        raise QError(f"Cannot close handle {int(h)}")
    return None


def write_handle(ctx, h: int, x):
    """h x appends the bytes (or chars) x to h's file; neg[h] x appends x as lines of text.
    On a data file (`` `:log set () ``), h x and neg[h] x append x's items to the list it
    holds (kb/logging.md)."""
    p = ctx.handles[abs(h)]
    if isinstance(p, Fifo):
        raise QError("nyi: writing to a fifo")
    head = _head(p) if disk.exists(p) else b""      # deleted while open: written anew
    if serial.is_serial(head) or compression.is_compressed(head):
        append_items(ctx, p, head, x)
        return
    if isinstance(x, np.bytes_) or (isinstance(x, np.ndarray) and x.dtype == CHAR):
        data = x.tobytes() if isinstance(x, np.ndarray) else bytes(x)
        lines = [data]
    elif isinstance(x, np.ndarray) and x.dtype == np.uint8 and h > 0:
        lines = [x.tobytes()]
    elif isinstance(x, np.uint8) and h > 0:
        lines = [bytes([int(x)])]
    elif isinstance(x, list) and all(isinstance(s, np.bytes_) or
                                     (isinstance(s, np.ndarray) and s.dtype == CHAR) for s in x):
        lines = [s.tobytes() if isinstance(s, np.ndarray) else bytes(s) for s in x]
    else:
        raise QError("type")
    disk.write_bytes(p, b"".join(ln + b"\n" for ln in lines) if h < 0 else b"".join(lines),
                     append=True)


def _items_of(x) -> list:
    """What `h x` appends to a list in a file: x's items (an atom is one)."""
    if isinstance(x, (list, np.ndarray, QTable)):
        return to_items(x)
    if isinstance(x, (np.generic, str)):
        return [x]
    raise QError("type")           # a dictionary, a function, (::): no items to append


def append_items(ctx, p: str, head: bytes, x) -> None:
    """x's items appended to the list data file p holds. A list laid out item by item (a log)
    gains their frames at its end: the cost is theirs, not the file's. Any other list is read,
    joined and written again (compressed as it was, file-compression.md); a simple vector
    takes only items of its own type ('type, as q's typed files do)."""
    items = _items_of(x)
    if not items:
        return
    if head.startswith(serial.ITEMS):
        disk.write_bytes(p, serial.frames(items), append=True)
        return
    old = serial.loads(_read(p), _revive(ctx))
    if isinstance(old, np.ndarray) and not isinstance(old, Enum) and old.dtype != SYM:
        if not all(isinstance(i, np.generic) and i.dtype == old.dtype for i in items):
            raise QError("type")
        new = np.concatenate([old.view(np.ndarray), np.array(items, dtype=old.dtype)])
    elif isinstance(old, np.ndarray) and old.dtype == SYM and not isinstance(old, Enum):
        if not all(i.__class__ is str for i in items):
            raise QError("type")
        new = np.array(old.tolist() + items, dtype=object)
    elif isinstance(old, list):
        new = old + items
    else:
        raise QError("type")       # a table, a dictionary, an atom: no list to append to
    disk.write_bytes(p, _file_bytes(ctx, p.rsplit("/", 1)[-1], _value_bytes(new),
                                    compression.params_of(head)))


def is_log(ctx, fs: str) -> bool:
    """Whether file fs holds a list laid out item by item (a log)."""
    p = _path(ctx, fs)
    return disk.exists(p) and not disk.is_folder(p) and _head(p).startswith(serial.ITEMS)


def append_log(ctx, fs: str, x) -> str:
    """`.[`:log;();,;x]`: x's items appended to the log at fs, as a handle's `h x` does."""
    p = _path(ctx, fs, write=True)
    append_items(ctx, p, _head(p), x)
    return fs


def _log_reads(p: str):
    """A log's bytes in order, read as they are needed (a fifo as its writer writes,
    ChangesIn4.0.md); a compressed log whole, uncompressed. The first read tells which, so a
    fifo is read once."""
    reads = disk.read_in_turn(p, 1 << 16)
    first = next(reads, b"")
    if compression.is_compressed(first):
        return [compression.decompress(first + b"".join(reads))]
    return itertools.chain([first], reads)


def replay(ctx, x):
    """-11!x | -11!(-1;x): each message in log file x passed to this process (.z.ps when set,
    else value) in order; their count; 'badtail (after the good ones) if the log's end is
    not whole. -11!(n;x): the first n messages. -11!(-2;x): the count of valid messages, or,
    where the end is not whole, (count;length of the valid part) (internal.md, logging.md)."""
    n = -1
    if isinstance(x, list) and len(x) == 2 and is_int_atom(x[0]):
        n, x = int(x[0]), x[1]
    if not is_file_symbol(x):
        raise QError("type")
    if n < -2:
        raise QError("domain")
    chunks = serial.read_frames(_log_reads(_path(ctx, x)))
    done = 0
    if n == -2:
        for body, end in chunks:
            if body is None:        # a general list: q shows its two longs on two lines
                return [I64(done), I64(end)]
            done += 1
        return I64(done)
    revive = _revive(ctx)
    for body, _ in chunks:
        if done == n:
            break
        if body is None:
            raise QError("badtail")
        ctx.message(serial.loads(body, revive))
        done += 1
    return I64(done)


define(".Q.en", dyad=enumerate_symbols, ctx=True,
       doc=".Q.en[`:d;t]  t's symbol columns enumerated over sym, which is saved as `:d/sym")
define(".Q.ens", triad=enumerate_symbols, ctx=True,
       doc=".Q.ens[`:d;t;`s]  t's symbol columns enumerated over s, which is saved as `:d/s")
define("hopen", monad=hopen, ctx=True,
       doc="hopen `:f | hopen `:fifo://f  a handle to append to file f (neg[h] appends lines; "
           "on a data file h x appends x's items, a log -11! replays); to read f in turn "
           "(read0/read1 (h;n))")
define("hclose", monad=hclose, ctx=True, doc="hclose h  close handle h")
define("0:", monad=read0, dyad=file_text, ctx=True, infix=True,
       doc="d 0: t | `:f 0: s | (types;d) 0: y | (types;widths) 0: y | \"S=;\" 0: s  prepare, "
           "save, load CSV, load fixed-width text, key-value pairs; 0: x is read0 x")
define("1:", monad=read1, dyad=file_binary, ctx=True, infix=True,
       doc="`:f 1: y | (types;widths) 1: y  write y's bytes; read binary records as columns; "
           "1: x is read1 x")
define("read0", monad=read0, ctx=True,
       doc="read0 `:f | read0 (`:f;o;n) | read0 0  a file's lines (or n chars at o; `f names "
           "the file f too); a line of console input")
define("read1", monad=read1, ctx=True,
       doc="read1 `:f | read1 (`:f;o;n)  a file's bytes (or n bytes at o; `f names the file f too)")
define(".Q.fs", dyad=lambda ctx, f, x: stream(ctx, f, x), ctx=True,
       doc=".Q.fs[f;`:file]  apply f to the lines of each lump of the file; its size")
define(".Q.fsn", triad=stream, ctx=True,
       doc=".Q.fsn[f;`:file;n]  .Q.fs reading lumps of n bytes")
define(".Q.fps", dyad=lambda ctx, f, x: stream_pipe(ctx, f, x), ctx=True,
       doc=".Q.fps[f;`:fifo]  .Q.fs over a named pipe: f of the lines of each lump as they come")
define(".Q.fpn", triad=stream_pipe, ctx=True,
       doc=".Q.fpn[f;`:fifo;n]  .Q.fps reading lumps of n bytes")
define("hcount", monad=hcount, ctx=True, doc="hcount `:f  the size of a file in bytes")
define("hdel", monad=hdel, ctx=True,
       doc="hdel `:f  delete a file (or empty folder); `:f. Of anything else, not (k's ~:)")
define("set", dyad=q_set, ctx=True, infix=True,
       doc="`n set y | `:f set y | `:d/ set t  assign a global; write y to a file; splay t")
define("save", monad=_each_name(_save_one), ctx=True,
       doc="save `t | save `t.csv  write the global t to the file t (or as CSV / text)")
define("load", monad=_each_name(_load_one), ctx=True,
       doc="load `t | load `:d  read the file t into the global t (a folder: a dict of its files)")
define("rsave", monad=_each_name(_rsave), ctx=True,
       doc="rsave `t  splay the global table t into the folder t")
define("rload", monad=_each_name(_rload), ctx=True,
       doc="rload `t  read the splayed table in folder t into the global t")
