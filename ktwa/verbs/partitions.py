"""Databases on disk (kb/partition.md, dotq.md, dsave.md): a folder of splayed tables and the
sym list, possibly partitioned: subfolders named by a date, month, year or int (the partition
field), each holding one slice of every partitioned table.

Writing: `.Q.dpft` `.Q.dpfts` `.Q.dpt` `.Q.dpts` splay a global table into one partition
(enumerated, sorted and parted on a field), `dsave` splays tables enumerated, their first
column parted. Reading: `\\l db` loads the root's sym list and other stored values, its
splayed tables, and each partitioned table with its partition field as a first (virtual)
column, as q shows it. ktwa reads whole columns rather than mapping them, so a loaded table
is in memory (a ktwa.values.types.Mapped, which remembers that it came from disk).

The database loaded last is `ctx.database` (a Database); q's .Q values describe it: .Q.pf the
field, .Q.PV every partition, .Q.pv those in view (`.Q.view`), .Q.pt the partitioned tables,
.Q.pn the row counts `.Q.cn` has cached; the field's own name (`date`) is .Q.pv.

A segmented database (database/segment.md) has a par.txt naming its segments, folders that
hold the partitions (one partition may be in more than one segment); .Q.P lists them, .Q.D
their partitions, .Q.PD (.Q.pd in view) the segment of each partition, .Q.u whether each
partition is in one segment only.

A table missing from some partitions is, as q maps it, `` +`a`b!`t `` (a flipped DiskRef) that
fails when a query reads it, until .Q.bv[] fills the gaps with empty slices (.Q.vp). So is one
some of whose columns (the last partition's) are missing from a partition, until they are
added there and the database loaded again; meta and cols show the last partition's shape.

Not attempted ('nyi where asked): .Q.li on a segmented database, and
loading what a folder that is neither a table nor a partition holds. `\\l` makes the database
the working directory (ktwa.runtime.system), as q does, in a session that may change it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import numpy as np

from ..errors import QError
from ..values import types as T
from ..values.functions import Definitions
from ..values.temporal import counts, from_counts
from ..values.types import Mapped, QDict, QTable
from . import disk, files, lists
from .index import index

define = Definitions()

# partition folder names and the field they make (kb/partition.md)
_DATE = re.compile(r"\d{4}\.\d{2}\.\d{2}")
_MONTH = re.compile(r"\d{4}\.\d{2}")
_DIGITS = re.compile(r"\d+")


@dataclass
class Database:
    """A partitioned database `\\l` loaded: where (its file symbol, its folder), its field and
    partitions, its tables in full (every partition), and the row counts .Q.cn cached."""
    root: str
    folder: str
    parts: list
    field: str
    values: np.ndarray
    view: np.ndarray
    tables: dict = field(default_factory=dict)     # name -> Mapped, all partitions; or a
    #                                                flipped DiskRef, missing from some
    locs: list = field(default_factory=list)       # (part, OS folder, file symbol, shown)
    counts: dict = field(default_factory=dict)     # name -> counts in view, once .Q.cn ran
    where: np.ndarray | None = None                # .Q.PD: each partition's location
    segments: list | None = None                   # .Q.P: par.txt's segments, if any
    moved: bool = False                            # the load made it the working directory


def _field_of(names: list[str]) -> str | None:
    """The partition field folder names make: date, month, year or int. Digits are years when
    the first folder has four of them (q's rule of thumb, wp/intraday-writedown: an int
    database keeps an empty `0` partition so that 2021 is not read as a year)."""
    if names and all(_DATE.fullmatch(n) for n in names):
        return "date"
    if names and all(_MONTH.fullmatch(n) for n in names):
        return "month"
    if names and all(_DIGITS.fullmatch(n) for n in names):
        return "year" if len(names[0]) == 4 else "int"
    return None


def _values(fieldname: str, names: list[str]) -> np.ndarray:
    """The partition values of folder names, as the field's type (year and int are ints; the
    reference does not say which integer type q gives them, ktwa takes int)."""
    if fieldname == "date":
        days = [np.datetime64(n.replace(".", "-"), "D").astype(np.int64) - 10957 for n in names]
        return from_counts(np.array(days, dtype=np.int64), 14)
    if fieldname == "month":
        months = [(int(n[:4]) - 2000) * 12 + int(n[5:7]) - 1 for n in names]
        return from_counts(np.array(months, dtype=np.int64), 13)
    return np.array([int(n) for n in names], dtype=np.int32)


def _partition_folders(ctx, p: str) -> list[str]:
    return [e for e in disk.listing(p) if not e.startswith(".") and not e.endswith("$")
            and disk.is_folder(p + "/" + e) and (_DATE.fullmatch(e) or _MONTH.fullmatch(e)
                                                 or _DIGITS.fullmatch(e))]


# ---------------------------------------------------------------------------------------------
# \l of a folder


def load_folder(ctx, fs: str, moves: bool) -> str | None:
    """`\\l d` for a folder: a splayed table (it has a .d) becomes the global named after it;
    a database loads its stored values (sym first), its splayed tables and, when it has
    partitions, its partitioned tables. Returns the name loaded (`t), or None for a database.
    `moves`: the database is to become the working directory (becomes_cwd), so its tables
    show where they are as `:./t/."""
    p = files._path(ctx, fs).rstrip("/") or "/"
    if disk.exists(p + "/.d"):
        return files.load_folder(ctx, fs)
    root = fs.rstrip("/")
    if ctx.files.root is None:          # the database stays where it is when \l moves us in it
        p = os.path.abspath(p)
        root = ":" + p
    parts = sorted(_partition_folders(ctx, p))
    entries = [e for e in disk.listing(p) if not e.startswith(".") and not e.endswith("$")
               and e not in parts]
    for e in sorted(entries, key=lambda e: e != "sym"):         # sym first: tables use it
        sub = p + "/" + e
        if disk.is_folder(sub):
            if disk.exists(sub + "/.d"):    # other folders are not loaded (q would look inside)
                t = files.read_value(ctx, f"{root}/{e}/")
                t.source = f":./{e}/" if moves else f"{root}/{e}/"
                ctx.set_global(e, t)
        elif re.fullmatch(r"[A-Za-z]\w*", e) and e not in ("par",):
            ctx.set_global(e, files.read_value(ctx, f"{root}/{e}"))
    if disk.exists(p + "/par.txt"):
        locs, segments = _segmented(ctx, p, root)
        _load_partitions(ctx, p, root, locs, moves, segments)
    elif parts:
        _load_partitions(ctx, p, root, [(n, p, root, ":.") for n in parts], moves)
    return None


def _segmented(ctx, p: str, root: str):
    """par.txt's segments (as q shows them, `` `:../seg1 ``) and the partitions in them:
    (name, OS folder, file symbol of the folder, the segment as shown) of each."""
    segments, locs = [], []
    for line in disk.read_text(p + "/par.txt").splitlines():
        line = line.strip().rstrip("/")
        if not line:
            continue
        fs = ":" + line if os.path.isabs(line) else f"{root}/{line}"
        folder = files._path(ctx, fs)           # the fence may keep a segment out
        segments.append(":" + line)
        locs.extend((n, folder, fs, ":" + line) for n in sorted(_partition_folders(ctx, folder)))
    return locs, segments


def becomes_cwd(ctx, cd: bool) -> bool:
    """Whether loading a database makes it the working directory: when the load asks it
    (`\\l dir` and .Q.l always, .Q.lo[dir;cd;] with cd) and the session may move the process
    (ktwa.fileaccess: an unfenced one), as q does. The one rule for all three."""
    return cd and ctx.files.unfenced


def _load_partitions(ctx, p: str, root: str, locs: list, moved: bool,
                     segments: list | None = None) -> None:
    """Load the partitions locs, (name, OS folder, file symbol of the folder, location as
    .Q.PD shows it) each, in the database at p (file symbol root); moved: the load makes it
    the working directory; segments: par.txt's, for a segmented database."""
    if not locs:
        raise QError("nyi: a segmented database with no partitions")
    fieldname = _field_of([n for n, _, _, _ in locs])
    if fieldname is None:
        raise QError("nyi: partition folders of more than one kind")
    values = _values(fieldname, [n for n, _, _, _ in locs])
    order = np.argsort(values, kind="stable")       # a partition in two segments: both
    locs = [locs[i] for i in order]
    values = values[order]
    name, folder, _, _ = locs[-1]
    last = f"{folder}/{name}"
    names = [e for e in disk.listing(last) if disk.exists(f"{last}/{e}/.d")]
    db = Database(root, p, [n for n, _, _, _ in locs], fieldname, values, values)
    db.segments = segments
    db.moved = moved
    db.locs = locs
    db.where = T.syms([shown for _, _, _, shown in locs])
    for name in names:
        if all(disk.exists(f"{folder}/{part}/{name}/.d") for part, folder, _, _ in locs):
            slices = [files.read_value(ctx, f"{fs}/{part}/{name}/") for part, _, fs, _ in locs]
            # the last partition's columns are the table's (kb/partition.md)
            if all(c in s.cols for s in slices for c in slices[-1].cols):
                db.tables[name] = _with_field(ctx, fieldname, values, slices, name)
                continue
        # missing from some partition, or some of its columns are: q maps it, and fails
        # when it is read there (dbmaint's fixtable and addcol are run on such a database)
        proto = files.read_value(ctx, f"{locs[-1][2]}/{locs[-1][0]}/{name}/")
        db.tables[name] = T.DiskRef(proto.cols, name, flipped=True)
    ctx.database = db
    _publish(ctx, db)


def _with_field(ctx, fieldname: str, values: np.ndarray, slices: list, name: str) -> Mapped:
    """One table of the partitions' slices, the partition field first."""
    cols = [fieldname] + list(slices[-1].cols)
    counts = [len(s) for s in slices]
    data = [np.repeat(values, counts)]
    for c in slices[-1].cols:
        pieces = [s.column(c) for s in slices]
        if any(x is None for x in pieces):
            raise QError(f"nyi: column {c} is not in every partition")
        data.append(pieces[0] if len(pieces) == 1 else
                    T.from_items([x for piece in pieces for x in T.to_items(piece)])
                    if isinstance(pieces[0], list) else _join(ctx, pieces))
    attrs = [""] + [T.attr_of(c) for c in slices[-1].data]
    return Mapped(cols, data, partitioned=True, attrs=attrs, source=name)


def _join(ctx, pieces: list):
    out = pieces[0]
    for piece in pieces[1:]:
        out = ctx.apply(ctx.builtins[","], [out, piece])
    return out


def _in_view(db: Database, t: Mapped) -> Mapped:
    keep = np.isin(t.data[0].view(np.int64), db.view.view(np.int64))  # rows in view
    idx = np.flatnonzero(keep)
    return Mapped(t.cols, [index(c, idx) for c in t.data], partitioned=True, attrs=t.attrs,
                  source=t.source)


def _publish(ctx, db: Database) -> None:
    """The globals a partitioned database defines: its tables (in view), the field's values,
    and .Q's description of it."""
    for name, t in db.tables.items():
        whole = isinstance(t, T.DiskRef) or len(db.view) == len(db.values)
        ctx.set_global(name, t if whole else _in_view(db, t))
    ctx.set_global(db.field, db.view)
    names = T.syms(list(db.tables))
    ctx.set_global(".Q.pf", db.field)
    ctx.set_global(".Q.PV", db.values)
    ctx.set_global(".Q.pv", db.view)
    ctx.set_global(".Q.pt", names)
    ctx.set_global(".Q.pn", QDict(names, [db.counts.get(n, []) for n in db.tables]))
    ctx.set_global(".Q.PD", db.where)
    ctx.set_global(".Q.pd", db.where[_view_mask(db)])
    ctx.set_global(".Q.u", np.bool_(db.segments is None or len(np.unique(
        db.values.view(np.int64))) == len(db.values)))
    if db.segments is not None:
        ctx.set_global(".Q.P", T.syms(db.segments))
        ctx.set_global(".Q.D", [np.sort(db.values[db.where == s]) for s in db.segments])
    else:
        for n in (".Q.P", ".Q.D"):
            ctx.globals.pop(n, None)


def _view_mask(db: Database) -> np.ndarray:
    return np.isin(db.values.view(np.int64), db.view.view(np.int64))


def _database(ctx) -> Database:
    db = ctx.database
    if db is None:
        raise QError("nyi: no partitioned database is loaded")
    return db


def _name_of(ctx, db: Database, t) -> str:
    """The name of a partitioned table value (the global \\l made)."""
    for name in db.tables:
        if ctx.globals.get(name) is t:
            return name
    raise QError("type")


def count_partitions(ctx, t):
    """.Q.cn t: the rows of partitioned table t in each partition in view, cached in .Q.pn."""
    db = _database(ctx)
    if isinstance(t, T.DiskRef) and t.flipped:
        t = resolve(ctx, t, strict=True)
    name = _name_of(ctx, db, t)
    part = t.data[0].view(np.int64)
    counts = np.array([int(np.count_nonzero(part == v)) for v in db.view.view(np.int64)],
                      dtype=np.int64)
    db.counts[name] = counts
    ctx.set_global(".Q.pn", QDict(T.syms(list(db.tables)),
                                  [db.counts.get(n, []) for n in db.tables]))
    return counts


def view(ctx, x):
    """.Q.view x: only partitions x are in view (the tables, the field, .Q.pv); .Q.view[]
    (or ::) every one. The counts .Q.cn cached are cleared."""
    db = _database(ctx)
    if x is None:
        db.view = db.values
    else:
        v = np.atleast_1d(x)
        if v.dtype != db.values.dtype:
            raise QError("type")
        db.view = np.sort(db.values[np.isin(db.values.view(np.int64), v.view(np.int64))])
    db.counts = {}
    _publish(ctx, db)
    return None


def load_partitions(ctx, x):
    """.Q.li ps: partitions ps that are on disk but not yet loaded join the database."""
    db = _database(ctx)
    v = np.atleast_1d(x)
    if v.dtype != db.values.dtype:
        raise QError("type")
    names = [_string(ctx, p) for p in v]
    if db.segments is not None:
        raise QError("nyi: .Q.li on a segmented database")
    new = [n for n in names if n not in db.parts and disk.is_folder(db.folder + "/" + n)]
    if new:
        _load_partitions(ctx, db.folder, db.root, [(n, db.folder, db.root, ":.")
                                                   for n in sorted(set(db.parts) | set(new))],
                         db.moved)
    return None


def rows(ctx, t, y):
    """.Q.ind[t;y]: rows y (longs) of partitioned table t, counted across its partitions."""
    if not (isinstance(t, Mapped) and t.partitioned):
        raise QError("type")
    if not (isinstance(y, np.ndarray) and y.dtype == np.int64):
        raise QError("type")
    return QTable(t.cols, [index(c, y) for c in t.data])


def location(ctx, d, p, t):
    """.Q.par[d;p;t]: where table t of partition p belongs below database d: in a segmented
    database the segment par.txt names at p's number mod their count (round robin, not
    looking in the segments, dotq.md)."""
    if not (files.is_file_symbol(d) and isinstance(t, str) and T.is_atom(p)):
        raise QError("type")
    folder = files._path(ctx, d).rstrip("/") or "/"
    root = d.rstrip("/")
    if disk.exists(folder + "/par.txt"):
        segs = [ln.strip().rstrip("/") for ln in disk.read_text(folder + "/par.txt").splitlines()
                if ln.strip()]
        if segs:
            n = int(counts(p)) if p.dtype.kind in "Mm" else int(p)
            seg = segs[n % len(segs)]
            root = ":" + seg if os.path.isabs(seg) else f"{root}/{seg}"
    return f"{root}/{_string(ctx, p)}/{t}"


def fill_missing(ctx, x):
    """.Q.bv[] (.Q.bv[`]): each table missing from some partitions reads as empty there, its
    shape taken from the last (first) partition that has it; .Q.vp holds those empty tables,
    the partition field first (dotq.md)."""
    if not (x is None or x == ""):
        raise QError("type")
    db = _database(ctx)
    shapes = {}
    for name, t in list(db.tables.items()):
        if not isinstance(t, T.DiskRef):
            continue
        have = [disk.exists(f"{folder}/{part}/{name}/.d") for part, folder, _, _ in db.locs]
        part, _, fs, _ = [loc for loc, h in zip(db.locs, have) if h][0 if x == "" else -1]
        proto = files.read_value(ctx, f"{fs}/{part}/{name}/")
        empty = QTable(proto.cols, [index(c, np.array([], dtype=np.int64)) for c in proto.data])
        slices = [files.read_value(ctx, f"{fs}/{part}/{name}/") if h else empty
                  for (part, _, fs, _), h in zip(db.locs, have)]
        db.tables[name] = _with_field(ctx, db.field, db.values, slices, name)
        shapes[name] = QTable([db.field] + proto.cols,
                              [db.values[:0]] + list(empty.data))
    ctx.set_global(".Q.vp", QDict(T.syms(list(shapes)), list(shapes.values())) if shapes
                   else QDict([], []))
    _publish(ctx, db)
    return None


def is_partitioned(x):
    """.Q.qp x: 1b for a partitioned table, 0b for a splayed one, 0 for anything else."""
    if isinstance(x, Mapped):
        return np.bool_(x.partitioned)
    return np.int64(0)


# ---------------------------------------------------------------------------------------------
# cols!`:dir/ and cols!`t flipped: the table on disk (flip-splayed.md)


def resolve(ctx, r: T.DiskRef, strict: bool = False, asked=None):
    """The table a flipped DiskRef names: columns r.cols of the splayed table in folder
    r.source, or of the loaded partitioned table r.source (its partition field first). While
    they are not there, r itself; with strict (a query on it) the error reading it gives:
    the missing column file's OS error, or the name of a table the database lacks. asked,
    when a query's first constraint picks partitions (a boolean per partition in view): only
    those are read, so a query of the partitions that hold the table whole works (q maps
    only the partitions a query touches)."""
    src = r.source
    if files.is_file_symbol(src):
        folder = src.rstrip("/")
        there = all(disk.exists(files._path(ctx, f"{folder}/{c}")) for c in r.cols)
        if not (there or strict):
            return r
        return Mapped(r.cols, [files.read_value(ctx, f"{folder}/{c}") for c in r.cols],
                      source=folder + "/")
    db = ctx.database
    t = db.tables.get(src) if db is not None else None
    if isinstance(t, T.DiskRef):        # missing from some partition: reading it fails there
        if not strict:
            return r
        locs = db.locs
        if asked is not None:
            picked = db.view[asked].view(np.int64)
            keep = np.isin(db.values.view(np.int64), picked)
            locs = [loc for loc, k in zip(db.locs, keep) if k]
            if all(_whole_there(loc, src, t.cols) for loc in locs):
                return _read_parts(ctx, db, src, t.cols, locs, db.values[keep])
        for part, folder, _, shown in locs:
            there = f"{folder}/{part}/{src}"
            gone = [c for c in t.cols if not disk.exists(f"{there}/{c}")] \
                if disk.exists(there + "/.d") else t.cols
            if gone:
                where = shown[1:] if db.segments is not None or db.moved else folder
                raise QError(f"{where}/{part}/{src}/{gone[0]}: No such file or directory")
        raise QError(src)               # all there now: the database is to be loaded again
    if t is None or any(c not in t.cols for c in r.cols):
        if strict:
            raise QError(src)
        return r
    t = t if len(db.view) == len(db.values) else _in_view(db, t)
    cols = [db.field] + r.cols
    j = [t.cols.index(c) for c in cols]
    return Mapped(cols, [t.data[i] for i in j], partitioned=True,
                  attrs=[t.attrs[i] for i in j] if t.attrs else None, source=src)


def _whole_there(loc, name: str, cols: list) -> bool:
    part, folder, _, _ = loc
    there = f"{folder}/{part}/{name}"
    return disk.exists(there + "/.d") and all(disk.exists(f"{there}/{c}") for c in cols)


def _read_parts(ctx, db: Database, name: str, cols: list, locs: list, values) -> Mapped:
    """Table name's columns cols from the partitions locs (whose field values are values)."""
    slices = []
    for part, _, fs, _ in locs:
        s = files.read_value(ctx, f"{fs}/{part}/{name}/")
        slices.append(QTable(cols, [s.column(c) for c in cols]))
    if not slices:                      # no partition asked: the table's shape, no rows
        return schema(ctx, T.DiskRef(cols, name, flipped=True))
    return _with_field(ctx, db.field, values, slices, name)


def schema(ctx, r: T.DiskRef):
    """A flipped DiskRef's table with no rows, for meta and cols: a partitioned table's is its
    last partition's, the partition field first (q reads a table's shape from there); None
    where r names no loaded partitioned table."""
    db = ctx.database
    if files.is_file_symbol(r.source) or db is None or r.source not in db.tables:
        return None
    part, _, fs, _ = db.locs[-1]
    last = files.read_value(ctx, f"{fs}/{part}/{r.source}/")
    return Mapped([db.field] + last.cols, [db.values[:0]] + [index(c, np.zeros(0, np.int64))
                                                             for c in last.data],
                  partitioned=True, attrs=[""] + [T.attr_of(c) for c in last.data],
                  source=r.source)


def flip(ctx, x):
    """flip, resolving cols!`:dir/ or cols!`t to the table on disk where it is there."""
    r = lists.flip(x)
    return resolve(ctx, r) if isinstance(r, T.DiskRef) and r.flipped else r


# ---------------------------------------------------------------------------------------------
# writing: .Q.dpft and friends, dsave


def _global_table(ctx, t) -> QTable:
    if not isinstance(t, str) or t.startswith(":"):
        raise QError("type")
    v = ctx.get_global(t)
    if T.is_keyed(v) or not isinstance(v, QTable):
        raise QError("type")
    return v


def _string(ctx, x) -> str:
    return T.text(ctx.apply(ctx.builtins["string"], [x]))


def _parted(ctx, col):
    return ctx.apply(ctx.builtins["#"], ["p", col])


def save_partition(ctx, d, p, f, t, domain: str = "sym"):
    """.Q.dpfts[d;p;f;t;s]: global table t, its symbols enumerated over s (saved in d), sorted
    on field f, f parted and moved first, splayed into d/p/t/. f null: unsorted (.Q.dpt)."""
    if not files.is_file_symbol(d) or not isinstance(f, str) or not T.is_atom(p):
        raise QError("type")
    table = files.enumerate_symbols(ctx, d, _global_table(ctx, t), domain)
    if f:
        if f not in table.cols:
            raise QError(f)
        table = ctx.apply(ctx.builtins["xasc"], [f, table])
        cols = [f] + [c for c in table.cols if c != f]
        data = [table.column(c) for c in cols]
        data[0] = _parted(ctx, data[0])
        table = QTable(cols, data)
    files.write_value(ctx, f"{d.rstrip('/')}/{_string(ctx, p)}/{t}/", table)
    return t


def dsave(ctx, x, y):
    """x dsave y: the global tables named y splayed below x (a folder, or the database root
    followed by a path in it, e.g. a partition), enumerated over the root's sym, each one's
    first column parted. Returns y."""
    if isinstance(x, str):
        x = [x]
    elif T.is_syms(x) and len(x):
        x = [str(s) for s in x]
    else:
        raise QError("type")
    if not files.is_file_symbol(x[0]) or not (isinstance(y, str) or T.is_syms(y)):
        raise QError("type")
    folder = "/".join([x[0].rstrip("/")] + [s.strip("/") for s in x[1:]])
    for t in ([y] if isinstance(y, str) else [str(s) for s in y]):
        table = files.enumerate_symbols(ctx, x[0], _global_table(ctx, t))
        data = list(table.data)
        if data:
            data[0] = _parted(ctx, data[0])
        files.write_value(ctx, f"{folder}/{t}/", QTable(table.cols, data))
    return y


define(".Q.dpft", tetrad=lambda ctx, d, p, f, t: save_partition(ctx, d, p, f, t), ctx=True,
       doc=".Q.dpft[d;p;f;t]  splay global table t into partition p of d: sym-enumerated, "
           "sorted and parted on f")
def _dpfts(ctx, *args):
    if len(args) != 5:
        raise QError("rank")
    return save_partition(ctx, *args)


define(".Q.dpfts", polyad=_dpfts, ctx=True,
       doc=".Q.dpfts[d;p;f;t;s]  .Q.dpft enumerating over the domain s")
define(".Q.dpt", triad=lambda ctx, d, p, t: save_partition(ctx, d, p, "", t), ctx=True,
       doc=".Q.dpt[d;p;t]  splay global table t into partition p of d, sym-enumerated, unsorted")
define(".Q.dpts", tetrad=lambda ctx, d, p, t, s: save_partition(ctx, d, p, "", t, s), ctx=True,
       doc=".Q.dpts[d;p;t;s]  .Q.dpt enumerating over the domain s")
define("dsave", dyad=dsave, ctx=True, infix=True,
       doc="`:d dsave `t`u | (`:d`p) dsave `t  splay global tables enumerated, first column parted")
define(".Q.cn", monad=count_partitions, ctx=True,
       doc=".Q.cn t  the rows of partitioned table t in each partition (cached in .Q.pn)")
define(".Q.view", monad=view, ctx=True,
       doc=".Q.view ps  put only partitions ps in view (.Q.view[]: all of them)")
define(".Q.li", monad=load_partitions, ctx=True,
       doc=".Q.li ps  add partitions ps (on disk, not yet loaded) to the loaded database")
define(".Q.ind", dyad=rows, ctx=True,
       doc=".Q.ind[t;i]  rows i (longs) of partitioned table t, across its partitions")
define("flip", monad=flip, ctx=True,
       doc="flip x  transpose: a dictionary of columns becomes a table and back; "
           "flip cols!`:dir/ is the splayed table there")
define(".Q.bv", monad=fill_missing, ctx=True,
       doc=".Q.bv[] | .Q.bv[`]  tables missing from partitions read as empty there (.Q.vp), "
           "shaped as in the last (first) partition")
define(".Q.bvi", monad=fill_missing, ctx=True,
       doc=".Q.bvi[]  .Q.bv[] after partitions were added (ktwa scans them all again: same result)")
define(".Q.par", triad=location, ctx=True,
       doc=".Q.par[d;p;t]  the folder of table t in partition p of database d (par.txt's "
           "segment for p in a segmented one)")
define(".Q.qp", monad=is_partitioned,
       doc=".Q.qp x  1b for a partitioned table, 0b for a splayed one, else 0")


# ---------------------------------------------------------------------------------------------
# filling, streaming in and saving whole databases

def _tables_held(folder: str, parts: list[str]) -> dict[str, list[str]]:
    """Each table found in any partition -> the partitions holding it, in partition order."""
    held: dict[str, list[str]] = {}
    for part in parts:
        for e in sorted(disk.listing(f"{folder}/{part}")):
            if disk.exists(f"{folder}/{part}/{e}/.d"):
                held.setdefault(e, []).append(part)
    return held


def _empty(t: QTable) -> QTable:
    none = np.array([], dtype=np.int64)
    return QTable(list(t.cols), [index(c, none) for c in t.data])


def fill_partitions(ctx, x):
    """.Q.chk`:db: each table a partition lacks is written to it empty, modelled on the most
    recent partition holding it; for each partition, () or the partition's path when it was
    filled."""
    if not files.is_file_symbol(x):
        raise QError("type")
    folder = files._path(ctx, x, write=True).rstrip("/") or "/"
    parts = sorted(_partition_folders(ctx, folder))
    fieldname = _field_of(parts)
    if fieldname is None:
        raise QError("nyi: partition folders of more than one kind" if parts else "type")
    values = _values(fieldname, parts)
    parts = [parts[i] for i in np.argsort(values, kind="stable")]
    held = _tables_held(folder, parts)
    root = x.rstrip("/")
    out: list = []
    for part in parts:
        missing = [name for name, have in held.items() if part not in have]
        for name in missing:
            proto = files.read_value(ctx, f"{root}/{held[name][-1]}/{name}/")
            files.write_value(ctx, f"{root}/{part}/{name}/", _empty(proto))
        out.append(T.syms([":" + os.path.abspath(f"{folder}/{part}")]) if missing else [])
    return out


def keep_mapped(ctx, _x):
    """.Q.MAP[]: q keeps a loaded database's partitions mapped; ktwa reads them into memory
    when it loads them, so there is nothing more to keep (but there must be a database)."""
    _database(ctx)
    return None


def load_process_save(ctx, d, s, f, t, g):
    """.Q.dsftg[(dst;p;t);(src;offset;length);fields;(types;widths);g]: the fixed-width records
    of file src from offset (to length bytes on, or, nonpositive, that many before the end)
    read as `1:` reads them, .Q.M&1000000 rows at a time; each lump, a table of `fields`, is
    passed through g, enumerated over dst's sym and appended to partition p's table t."""
    if not (isinstance(d, list) and len(d) == 3 and isinstance(s, list) and len(s) == 3
            and T.is_syms(f) and isinstance(t, list) and len(t) == 2):
        raise QError("type")
    dst, part, name = d
    src, offset, length = s
    if not (files.is_file_symbol(dst) and isinstance(name, str) and files.is_file_symbol(src)
            and all(T.qtype(v) in (-5, -6, -7) for v in (offset, length))):
        raise QError("type")
    widths = np.asarray(t[0] if T.is_string(t[1]) else t[1]).astype(np.int64)
    width = int(widths.sum())
    if width <= 0:
        raise QError("length")
    path = files._path(ctx, src)
    start = int(offset)
    end = start + int(length) if int(length) > 0 else disk.size(path) + int(length)
    rows = int(min(int(ctx.get_global(".Q.M")), 1000000))
    target = f"{dst.rstrip('/')}/{_string(ctx, part)}/{name}/"
    while start + width <= end:
        n = min(rows, (end - start) // width)
        data = np.frombuffer(disk.read_bytes(path, start, n * width), dtype=np.uint8)
        cols = files.read_binary(ctx, t, data)
        if len(cols) != len(f):
            raise QError("length")
        lump = ctx.apply(g, [QTable([str(c) for c in f], cols)])
        lump = files.enumerate_symbols(ctx, dst, lump, "sym")
        ctx.apply(ctx.builtins["upsert"], [target, lump])
        start += n * width
    return None


def _dsftg(ctx, *args):
    if len(args) != 5:
        raise QError("rank")
    return load_process_save(ctx, *args)


def save_all(ctx, h, d, p, f):
    """.Q.hdpf[h;d;p;f]: every table of the root namespace, largest first, saved into partition
    p of d by .Q.dpft (sorted and parted on f) and emptied; then the process at h is told to
    reload (`\\l .`) if h opens, as q's own trap does: a handle that does not open is passed
    over (ktwa opens no connections)."""
    names = [str(n) for n in ctx.apply(ctx.builtins["tables"], [None])]
    sizes = [len(ctx.get_global(n)) for n in names]
    for n in [names[i] for i in np.argsort(-np.array(sizes, dtype=np.int64), kind="stable")]:
        save_partition(ctx, d, p, f, n)
        ctx.set_global(n, ctx.apply(ctx.builtins["#"], [np.int64(0), ctx.get_global(n)]))
    try:
        handle = ctx.apply(ctx.builtins["hopen"], [h])
    except QError:
        return None
    ctx.apply(handle, [T.chars("\\l .")])
    ctx.apply(ctx.builtins["hclose"], [handle])
    return None


define(".Q.chk", monad=fill_partitions, ctx=True,
       doc=".Q.chk`:db  write the tables a partition lacks, empty; () or each partition's path")
define(".Q.MAP", monad=keep_mapped, ctx=True,
       doc=".Q.MAP[]  keep the partitions mapped (ktwa holds them in memory already)")
define(".Q.dsftg", polyad=_dsftg, ctx=True,
       doc=".Q.dsftg[(dst;p;t);(src;offset;length);fields;(types;widths);g]  load fixed-width "
           "records .Q.M&1000000 at a time, g each lump, append it to partition p's table t")
define(".Q.hdpf", tetrad=save_all, ctx=True,
       doc=".Q.hdpf[h;d;p;f]  .Q.dpft every table into partition p of d, largest first, and "
           "empty them; tell the process at h to reload")
