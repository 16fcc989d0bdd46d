"""The q console: `show x` text, the one-line k form (`0N!`, `.Q.s1`), error reports, `.Q.f`.

Rules (q-core.md §5, checked against the ktorch transcripts):

- every displayed line ends in "\\n"; the generic null shows nothing;
- ``\\c rows cols``: a line longer than cols-1 characters is cut to cols-3 characters + ``..``
  (79 characters at 80 columns); more than rows-2 lines show rows-3 lines then ``..``;
- vectors: one line, one type suffix at the end; 1-item lists get ``,``; empty lists show as
  casts (`` `long$() ``); general lists: one item per line in one-line form, or an aligned
  matrix (bare cells, nulls blank, every column padded) when every item is a list of the same
  count (not when all rows are boolean or all are char vectors), a 1-row matrix too (`1 2#0 2`
  shows `0 2`, as q does in ktorch's sparse page; its comma is only in one-line form, `0N!`);
  another 1-item general list shows in one-line form (``,68610912``);
- dictionaries: ``key| value``; simple values bare (nulls blank, unpadded); general values
  aligned as a matrix when all are lists of one count, else one-line each;
- tables: header, dashes, left-aligned padded cells (trailing spaces included), bare atoms,
  blank nulls, nested cells in one-line form (a 1-item general list of an atom bare, as in
  ktorch's `obj[]`); keyed tables ``k| v`` and ``---| ---``.
"""
from __future__ import annotations

import math

import numpy as np

from ..errors import Frame, QError
from ..values.functions import (MISSING, Builtin, builtin_text, Composition, Derived, Lambda, Native,
                                Projection, QFunction, View)
from ..values.text import atom_text, float_text, vector_text, vector_texts
from ..values.types import (CHAR, GUID, DiskRef, EnumSym, Mapped, QDict, QTable, attr_of,
                            enum_domain, enum_rows, null_mask, plain)

__all__ = ["show", "show_lines", "one_line", "error_text", "qfmt", "qf"]


# ---------------------------------------------------------------------------------------------
# one-line (k) form


def _enum_glyph(x) -> str:
    """An enumeration shows as `d$values; one of row indices (a link, a compound foreign key)
    as `t!rows, the form that makes it, without the int suffix (unsure of q here)."""
    return "!" if enum_rows(x) else "$"


def one_line(x, precision: int = 7) -> str:
    """The one-line k form of x, as `0N!`, `.Q.s1` and script echo print it."""
    return _ol(x, precision, None)


def _ol(x, P, width):
    """One-line form; with ``width`` it may stop early once longer than width (callers cut)."""
    if x is None:
        return "::"
    if isinstance(x, np.ndarray):
        a, d = attr_of(x), enum_domain(x)
        # an enumeration with an attribute shows it again on its values, as q prints them
        # (enum-extend.md: `g#`foo$`g#`a`b...)
        head = (f"`{a}#" if a else "") + (f"`{d}{_enum_glyph(x)}" if d else "") + \
            (f"`{a}#" if a and d else "")
        if d and not len(x):
            return head + "()"                  # `sym$(): an empty enumeration
        if d and enum_rows(x):
            return head + vector_text(plain(x), P, width).removesuffix("i")
        return head + vector_text(plain(x), P, width) if head else vector_text(x, P, width)
    if enum_domain(x) and not isinstance(x, np.ndarray):
        if enum_rows(x):
            return f"`{x.domain}!" + atom_text(plain(x), P).removesuffix("i")
        return f"`{x.domain}$" + atom_text(plain(x), P)
    if isinstance(x, (str, np.generic)):
        return atom_text(x, P)
    if isinstance(x, list):
        n = len(x)
        if n == 0:
            return "()"
        if attr_of(x):
            return f"`{attr_of(x)}#" + _ol(list(x), P, width)
        if n == 1:
            return "," + _ol(x[0], P, width)
        if width is None:
            return "(" + ";".join([_ol(i, P, None) for i in x]) + ")"
        parts, total = [], 1
        for i in x:
            s = _ol(i, P, width)
            parts.append(s)
            total += len(s) + 1
            if total > width:
                return "(" + ";".join(parts)
        return "(" + ";".join(parts) + ")"
    if isinstance(x, Mapped) and x.source is not None:    # q's mapped form: +(,`a)!`:./t/
        cols = x.cols[1:] if x.partitioned else x.cols      # the partition field is virtual
        return "+" + _dict_ol(np.array(cols, dtype=object), x.source, P, width)
    if isinstance(x, QTable):
        return "+" + _dict_ol(np.array(x.cols, dtype=object), list(x.data), P, width)
    if isinstance(x, QDict):
        return _dict_ol(x.keys, x.values, P, width)
    if isinstance(x, DiskRef):
        return ("+" if x.flipped else "") + _dict_ol(np.array(x.cols, dtype=object), x.source,
                                                     P, width)
    if isinstance(x, QFunction):
        return _fn_text(x, P)
    if isinstance(x, View):
        return x.text
    if isinstance(x, (bool, int, float, bytes)):
        return atom_text(x, P)
    return str(x)


def _dict_ol(keys, values, P, width):
    left = _ol(keys, P, width)
    if isinstance(keys, (QTable, QDict)) or (
            isinstance(keys, np.ndarray) and len(keys) <= 1) or (
            isinstance(keys, list) and len(keys) == 1):
        left = "(" + left + ")"
    if width is not None and len(left) > width:
        return left
    return left + "!" + _ol(values, P, width)


def _fn_text(f, P):
    if isinstance(f, Lambda):
        return f.source
    if isinstance(f, Builtin):
        return builtin_text(f.name)
    if isinstance(f, Projection):
        head = _ol(f.fn, P, None)
        args = ";".join("" if a is MISSING else _ol(a, P, None) for a in f.args)
        return head + "[" + args + "]"
    if isinstance(f, Derived):
        head = _ol(f.fn, P, None)
        if not isinstance(f.fn, QFunction):
            head = "(" + head + ")" if not head.startswith("(") else head
        return head + f.adverb
    if isinstance(f, Composition):
        return "'[" + ";".join(_ol(g, P, None) for g in f.fns) + "]"
    if isinstance(f, Native):
        return f.name or "code"
    return getattr(f, "name", "") or "code"


# ---------------------------------------------------------------------------------------------
# console display

def show(x, precision: int = 7, rows: int = 25, cols: int = 80) -> str:
    """The exact text q's console prints for x (each line ending in newline)."""
    return "".join(line + "\n" for line in show_lines(x, precision, rows, cols))


def show_lines(x, precision: int = 7, rows: int = 25, cols: int = 80) -> list:
    """The console lines for x (no newlines), cut to the console size."""
    if x is None:
        return []
    maxl = max(int(rows) - 2, 2)
    maxw = max(int(cols) - 1, 3)
    lines = _lines(x, precision, maxl + 1, maxw + 2)
    out = []
    for line in lines:
        out.extend(line.split("\n") if "\n" in line else (line,))
    if len(out) > maxl:
        out = out[:maxl - 1] + [".."]
    return [ln if len(ln) <= maxw else ln[:maxw - 2] + ".." for ln in out]


def _lines(x, P, nl, w):
    if isinstance(x, QTable):
        return _table_lines(x, P, nl, w)
    if isinstance(x, QDict):
        if isinstance(x.keys, QTable) and isinstance(x.values, QTable):
            return _keyed_lines(x, P, nl, w)
        if (isinstance(x.keys, QTable) and _is_list(x.values)) or \
                (isinstance(x.values, QTable) and _is_list(x.keys)):
            # exec.md: a list beside a table shows as a column with no name
            k = x.keys if isinstance(x.keys, QTable) else QTable([""], [x.keys])
            v = x.values if isinstance(x.values, QTable) else QTable([""], [x.values])
            if len(k) == len(v):
                return _keyed_lines(QDict(k, v), P, nl, w)
        return _dict_lines(x, P, nl, w)
    if isinstance(x, list):
        n = len(x)
        if n == 1 and x[0] is None:
            return ["::"]           # identity.md: enlist of a null result shows it, ::
        if n == 0 or (n == 1 and not _matrix_ok(x)):
            return [_ol(x, P, w)]
        items = x[:nl]
        if _matrix_ok(items):
            return _matrix(items, P, w)
        return [_ol(i, P, w) for i in items]
    return [_ol(x, P, w)]


def _is_list(x):
    return isinstance(x, (np.ndarray, list))


def _matrix_ok(items) -> bool:
    """All items lists of one count >= 1, not all boolean, char or byte vectors (those show
    each in its own form: 101b, "abc", 0x0102)."""
    if not items:
        return False
    first = items[0]
    if not _is_list(first):
        return False
    n = len(first)
    if n == 0:
        return False
    allb = allc = allx = True
    for r in items:
        if not _is_list(r) or len(r) != n:
            return False
        if isinstance(r, np.ndarray):
            if r.dtype != np.bool_:
                allb = False
            if r.dtype != CHAR:
                allc = False
            if r.dtype != np.uint8:
                allx = False
        else:
            allb = allc = allx = False
    return not (allb or allc or allx)


def _bare_cells(v: np.ndarray, P, n=None) -> list:
    """Bare cell texts of a simple vector, nulls blank."""
    if n is not None and n < len(v):
        v = v[:n]
    v = plain(v)
    texts = vector_texts(v, P)
    if v.dtype != CHAR and v.dtype != GUID:
        # a null guid keeps its zeros in every layout (q shows 0Ng as 00000000-... in a
        # table column or dictionary value too, unlike the other types' blank nulls)
        m = null_mask(v)
        if m.any():
            for i in np.flatnonzero(m).tolist():
                texts[i] = ""
    return texts


def _row_cells(row, P, w) -> list:
    if isinstance(row, np.ndarray):
        return _bare_cells(row, P, w)
    if _matrix_ok(row) and all(isinstance(i, np.ndarray) and i.dtype != CHAR for i in row):
        # a row that is itself a matrix is laid out as one, each of its lines one cell, so its
        # numbers line up across its items (ktorch's train.rst: dict`a`b!(3 4#til 12;1 2 3)
        # shows `a| 0 1 2  3  4 5 6  7  8 9 10 11` and pads b's items to those cells)
        return _matrix(row[:w], P, w)
    return [_ol(i, P, w) for i in row[:w]]


def _matrix(items, P, w) -> list:
    """Aligned rows: bare cells, every column padded to its width."""
    rows = [_row_cells(r, P, w) for r in items]
    ncol = len(rows[0])
    widths = [0] * ncol
    for r in rows:
        for j, c in enumerate(r):
            if len(c) > widths[j]:
                widths[j] = len(c)
    return [" ".join([c.ljust(widths[j]) for j, c in enumerate(r)]) for r in rows]


def _cell(x, P, w) -> str:
    """A nested table cell in one-line form, except that a 1-item general list of an atom shows
    bare, as q shows ktorch's handles in `obj[]`'s ptr column (a 1-item vector keeps its
    comma: `,3`)."""
    if type(x) is list and len(x) == 1 and isinstance(x[0], (np.generic, str)):
        return _ol(x[0], P, w)
    if type(x) is np.ndarray and len(x) == 0 and x.dtype != CHAR:
        # an empty vector shows blank (ktorch's obj[]: a scalar tensor's size)
        return ""
    if type(x) is np.ndarray and len(x) > 1 and x.dtype in _SUFFIXED and not attr_of(x):
        # a short, int, real or float vector shows bare, without its type letter
        # (deltas.md: a column of int signums shows 1 0 -1)
        return " ".join(vector_texts(x, P, w))
    return _ol(x, P, w)


_SUFFIXED = (np.dtype(np.int16), np.dtype(np.int32), np.dtype(np.float32), np.dtype(np.float64))


def _column_cells(col, P, w, matrix: bool) -> list:
    """Cells of a dictionary / table column (col already sliced to the shown rows)."""
    if isinstance(col, np.ndarray):
        return _bare_cells(col, P)
    if isinstance(col, list):
        if matrix and _matrix_ok(col):
            return _matrix(col, P, w)
        if not matrix and _matrix_ok(col) and len(col[0]) > 1 and \
                all(isinstance(i, np.ndarray) and not enum_domain(i) for i in col):
            # a table column of simple vectors of one count (two or more: 1-item ones keep
            # their comma) shows as a matrix, its items aligned (ktorch's loss.rst: a column
            # x of 3-item float vectors); enumerations keep their `d$ in each cell
            # (ungroup.md: `p$`p1`p3`p5)
            return _matrix(col, P, w)
        if matrix and col and all(type(i) is list and not i for i in col):
            # values that are all () form a matrix of no columns: each row shows blank
            # (dotq.md: .Q.pn before .Q.cn shows `t|`; (names)!n#() shows each name bare)
            return [""] * len(col)
        if not matrix:
            return [_cell(i, P, w) for i in col]
        return [_ol(i, P, w) for i in col]
    if isinstance(col, QTable):
        return [_ol(QDict(np.array(col.cols, dtype=object),
                          [c[i] for c in col.data]), P, w) for i in range(len(col))]
    return [_ol(col, P, w)]


def _slice(col, m):
    if isinstance(col, QTable):
        return QTable(col.cols, [_slice(c, m) for c in col.data])
    if isinstance(col, (np.ndarray, list)):
        return col[:m]
    return col


def _dict_lines(d: QDict, P, nl, w) -> list:
    keys, vals = d.keys, d.values
    if not _is_list(keys) and not isinstance(keys, QTable):
        return [_ol(d, P, w)]
    n = len(keys)
    if n == 0:                      # an empty dictionary shows nothing (dictsandtables.md)
        return []
    m = min(n, nl)
    kc = _column_cells(_slice(keys, m), P, w, True)
    # values that are all lists of one count show as the rows of a matrix (trim.md: a| "fox"
    # ("jumps ";"over   ")); any other value in its one-line form (ktorch-api.md §12.4:
    # `weight| ,4.756198 4.81772e` beside `.n    | 2f`)
    vc = _column_cells(_slice(vals, m), P, w, True)
    kw = max(_bytes_wide(k) for k in kc)
    return [_pad(k, kw) + "| " + v for k, v in zip(kc, vc)]


def _bytes_wide(s: str) -> int:
    """How wide q counts a cell: its bytes (q's text is bytes: a column of 蘋果 is 6 wide, as
    kb/unicode.md's tables show)."""
    return len(s) if s.isascii() else len(s.encode("utf-8"))


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _bytes_wide(s))


def _table_part(t: QTable, P, m, w):
    """(header, width, rows) of a table's shown part: padded cells joined by spaces."""
    cols = []
    for name, col in zip(t.cols, t.data):
        cells = _column_cells(_slice(col, m), P, w, False)
        cw = max([_bytes_wide(name)] + [_bytes_wide(c) for c in cells])
        cols.append((name, cw, cells))
    header = " ".join(_pad(name, cw) for name, cw, _ in cols)
    total = sum(cw for _, cw, _ in cols) + max(len(cols) - 1, 0)
    nrows = min(len(t), m)
    rows = [" ".join(_pad(cells[i], cw) for _, cw, cells in cols) for i in range(nrows)]
    return header, total, rows


def _table_lines(t: QTable, P, nl, w) -> list:
    if not t.cols:
        return [_ol(t, P, w)]
    header, total, rows = _table_part(t, P, max(nl - 2, 0), w)
    return [header, "-" * total] + rows


def _keyed_lines(kt: QDict, P, nl, w) -> list:
    m = max(nl - 2, 0)
    kh, kw, kr = _table_part(kt.keys, P, m, w)
    vh, vw, vr = _table_part(kt.values, P, m, w)
    lines = [kh + "| " + vh, "-" * kw + "| " + "-" * vw]
    lines.extend(a + "| " + b for a, b in zip(kr, vr))
    return lines


# ---------------------------------------------------------------------------------------------
# errors

def frame_text(n: int, fr: Frame) -> str:
    """One frame of a backtrace, `  [n]  source` and its caret line, as text."""
    return "".join(line + "\n" for line in frame_lines(n, fr))


def frame_lines(n: int, fr: Frame) -> list:
    prefix = "  [" + str(n) + "]  " + (fr.label or "")
    text = fr.text or ""
    start = fr.start
    if start is None or start < 0:
        return (prefix + text).split("\n")
    if "\n" not in text:
        return [prefix + text, " " * (len(prefix) + start) + "^"]
    # multi-line source (a lambda spanning lines): show up to the caret's line
    before = text[:start]
    row = before.count("\n")
    col = start - (before.rfind("\n") + 1)
    tl = text.split("\n")
    shown = [prefix + tl[0]] + tl[1:row + 1]
    indent = len(prefix) + col if row == 0 else col
    return shown + [" " * indent + "^"]


def error_text(err: QError) -> str:
    """q's report of an uncaught error: `'msg`, then each frame of ``err.frames`` (innermost
    first) as `  [n]  source` with a caret line under the failing primitive. Frames are
    numbered by stack depth: the outermost (the console line or script line) is [0].

    q's console prints the innermost frame and stops in its debugger, where `` ` `` walks up
    the stack; ktwa has no debugger, so the frames a q user would walk to are printed too."""
    msg = getattr(err, "msg", None)
    if msg is None:
        msg = str(err)
    out = ["'" + msg]
    frames = list(getattr(err, "frames", None) or [])
    top = len(frames) - 1
    for i, fr in enumerate(frames):
        if _INNER <= i < len(frames) - _OUTER:
            continue
        out.extend(frame_lines(top - i, fr))
    return "".join(line + "\n" for line in out)


# A report shows at most the innermost _INNER frames (where the error happened and what called
# it) and the outermost _OUTER (what the user typed and its first call); the numbers of the
# frames kept say how deep the rest went. A runaway recursion ('stack, `f:{f x};f 1`) is
# thousands of copies of one frame, which would bury the console: q prints a short report
# there too, and a screenful is what a user walks in q's debugger before giving up.
_INNER = 10
_OUTER = 2


# ---------------------------------------------------------------------------------------------
# .Q.f / .Q.fmt

def _num(x):
    """A Python float (or None for a null) from a q numeric atom."""
    if isinstance(x, np.ndarray) and x.shape == ():
        x = x[()]
    if isinstance(x, (np.floating, float)):
        f = float(x)
        return None if f != f else f
    if isinstance(x, np.bool_):
        return float(bool(x))
    if isinstance(x, (np.integer, int)) and not isinstance(x, np.timedelta64):
        from ..values.types import INT_NULL, SCALAR_TYPE
        t = SCALAR_TYPE.get(type(x))
        if t in INT_NULL and x == INT_NULL[t]:
            return None
        return float(int(x))
    raise QError("type")


def qf(d, x, precision: int = 7) -> str:
    """`.Q.f[d;x]`: x with d decimals (`1.00`; d=0 keeps the point: `1.`)."""
    d = int(d)
    v = _num(x)
    if v is None:
        return ""
    return _qf(d, v, x, precision)


def _qf(d, v, orig, P):
    if v < 0:
        return "-" + _qf(d, -v, orig, P)
    if v < 1:
        return _qf(d, 10.0 + v, orig, P)[1:]
    p = 1.0
    for _ in range(max(d, 0)):
        p *= 10.0
    y = v * p
    if y < 9e15:
        j = int(math.floor(y + 0.5))
        s = str(j)
        if d <= 0:
            return s + "."
        return s[:len(s) - d] + "." + s[len(s) - d:]
    if isinstance(orig, (np.floating, float)):
        return float_text(v, P)
    return str(int(v))


def qfmt(w, d, x, precision: int = 7) -> str:
    """`.Q.fmt[w;d;x]`: .Q.f[d;x] right-justified to w, or w stars if it does not fit."""
    w = int(w)
    s = qf(d, x, precision)
    if len(s) > w:
        return "*" * max(w, 0)
    return s.rjust(w)
