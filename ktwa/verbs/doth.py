"""The .h namespace (doth.md): marking up text as HTML and XML (`.h.htc` `.h.hta` `.h.ha`
`.h.pre` `.h.xs` ...), data as CSV, TSV and XML (`.h.cd` `.h.td` `.h.xd`), HTTP responses
(`.h.hn` `.h.hy` `.h.hp` `.h.he` `.h.ka`), URI escapes (`.h.hu` `.h.hug` `.h.uh`), and the
namespace's values (`.h.d` the delimiter of nested items, `.h.sc` the URI-safe characters,
`.h.ty` MIME types, `.h.HOME` the web root).
Excel workbooks in XML (`.h.ed` `.h.edsn`), a page of a table as the web console shows it
(`.h.jx`). What is not here (`.h.fram` frames, `.h.ht` Marqdown) is 'nyi by its absence.
"""
from __future__ import annotations

import re

import numpy as np

from ..errors import QError
from ..values import temporal as tm
from ..values import types as T
from ..values.functions import Builtin, Definitions
from . import dotj, files, lists

define = Definitions()

SA = ("a{text-decoration:none}a:link{color:024C7E}a:visited{color:024C7E}"
      "a:active{color:958600}")
SB = "body{font:10pt verdana;text-align:justify}"
SC = "$-.+!*'(),abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"

# content types by file kind; a kind not here is served as application/octet-stream
MIME = {"htm": "text/html", "html": "text/html", "csv": "text/comma-separated-values",
        "txt": "text/plain", "xml": "text/plain", "xls": "application/msexcel",
        "gif": "image/gif", "png": "image/png", "jpg": "image/jpeg", "svg": "image/svg+xml",
        "json": "application/json", "js": "application/javascript", "css": "text/css"}


def _s(x) -> str:
    """A string argument (a symbol too) as Python text."""
    if isinstance(x, str):
        return x
    if T.is_string(x):
        return T.text(x)
    if isinstance(x, np.bytes_):
        return bytes(x).decode("latin-1")
    raise QError("type")


def _strings(x) -> list:
    if isinstance(x, list):
        return [_s(a) for a in x]
    if T.is_string(x):
        return [_s(x)]
    raise QError("type")


def _c(s: str):
    return T.chars(s)


# ---------------------------------------------------------------------------------------------
# markup

def htc(x, y):
    return _c(f"<{_s(x)}>{_s(y)}</{_s(x)}>")


def hta(x, y):
    if not (isinstance(y, T.QDict) and T.is_syms(y.keys)):
        raise QError("type")
    attrs = "".join(f' {k}="{_s(v)}"' for k, v in zip(y.keys.tolist(), T.to_items(y.values)))
    return _c(f"<{_s(x)}{attrs}>")


def htac(x, y, z):
    return _c(T.text(hta(x, y)) + _s(z) + f"</{_s(x)}>")


def _href(x) -> str:
    return f"href={x}" if isinstance(x, str) else f'href="{_s(x)}"'


def ha(x, y):
    return _c(f"<a {_href(x)}>{_s(y)}</a>")


def hb(x, y):
    return _c(f"<a target=v {_href(x)}>{_s(y)}</a>")


def hc(x):
    return _c(_s(x).replace("<", "&lt;"))


def hr(x):
    return _c("-" * len(_s(x)))


def nbr(x):
    return _c(f"<nobr>{_s(x)}</nobr>")


def pre(x):
    return _c("<pre>" + "".join(s + "\n" for s in _strings(x)) + "</pre>")


def xmp(x):
    return _c("<xmp>" + "".join(s + "\n" for s in _strings(x)) + "</xmp>")


def text(x):
    return _c("".join(f"<p>{s}</p>\n" for s in _strings(x)))


def code(x):
    """Alternate pieces between tabs: plain, then <code><nobr>...</nobr></code>."""
    parts = _s(x).split("\t")
    return _c(" ".join(p if k % 2 == 0 else f"<code><nobr>{p}</nobr></code>"
                       for k, p in enumerate(parts)))


_XML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}


def xs(x):
    return _c("".join(_XML.get(c, c) for c in _s(x)))


def html(x):
    return _c(f"<html><head><style>{SA}{SB}</style></head><body>{_s(x)}</body></html>")


def http(x):
    return _c(re.sub(r"http://[^\s\"<>]+", lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>',
                     _s(x)))


# ---------------------------------------------------------------------------------------------
# data as text

def _cell_table(ctx, t: T.QTable) -> T.QTable:
    """Nested vectors joined into strings by .h.d (doth.md)."""
    d = _s(ctx.get_global(".h.d"))
    cols = []
    for c in t.data:
        if isinstance(c, list) and c and all(isinstance(v, np.ndarray) for v in c) and \
                not all(T.is_string(v) for v in c):
            cols.append([_c(d.join(_s(s) for s in T.to_items(
                ctx.apply(ctx.builtins["string"], [v])))) for v in c])
        else:
            cols.append(c)
    return T.QTable(t.cols, cols)


def _delimited(ctx, delim: bytes, x):
    if T.is_keyed(x):
        x = lists.unkey(x)
    if isinstance(x, T.QTable):
        lines = files.prepare_text(delim, _cell_table(ctx, x), ctx.settings.precision)
    elif isinstance(x, list) and x:                   # a list of columns: rows, no header
        t = T.QTable([f"c{k}" for k in range(len(x))], [T.enlist(c) if T.is_atom(c) else c
                                                        for c in x])
        lines = files.prepare_text(delim, _cell_table(ctx, t), ctx.settings.precision)[1:]
    else:
        raise QError("type")
    return [T.chars(ln) for ln in lines]


def cd(ctx, x):
    return _delimited(ctx, b",", x)


def td(ctx, x):
    return _delimited(ctx, b"\t", x)


def xd(ctx, x):
    """A table as XML: <R>, a <r> per row with an element per column, </R>."""
    if T.is_keyed(x):
        x = lists.unkey(x)
    if not isinstance(x, T.QTable):
        raise QError("type")
    rows = []
    for i in range(len(x)):
        cells = []
        for name, c in zip(x.cols, x.data):
            v = c[i] if not isinstance(c, list) else c[i]
            s = T.text(v) if T.is_string(v) else _s(ctx.apply(ctx.builtins["string"], [v])) \
                if not isinstance(v, str) else v
            cells.append(f"<{name}>{T.text(xs(s))}</{name}>")
        rows.append(_c("<r>" + "".join(cells) + "</r>"))
    return [_c("<R>")] + rows + [_c("</R>")]


def iso8601(x):
    """A timestamp (or its nanoseconds since 2000) as ISO 8601 text."""
    if T.qtype(x) == -7:
        x = tm.from_counts(np.array([x], dtype=np.int64), 12)[0]
    if T.qtype(x) != -12:
        raise QError("type")
    s = tm.atom_text(x, 12, bare=True)
    return _c(s[:10].replace(".", "-") + "T" + s[11:])


# ---------------------------------------------------------------------------------------------
# HTTP

def hn(ctx, x, y, z):
    """An HTTP response: status x, content type of kind y, content z (chars or bytes)."""
    kind = y if isinstance(y, str) else _s(y)
    ty = ctx.get_global(".h.ty")
    i = ty.index_of(kind) if isinstance(ty, T.QDict) else None
    mime = _s(T.item(ty.values, i)) if i is not None else "application/octet-stream"
    body = z.tobytes() if isinstance(z, np.ndarray) and z.dtype in (T.CHAR, np.uint8) \
        else _s(z).encode("latin-1")
    head = (f"HTTP/1.1 {_s(x)}\r\nContent-Type: {mime}\r\nConnection: close\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode("latin-1")
    return np.frombuffer(head + body, dtype="S1").copy()


def hy(ctx, y, z):
    return hn(ctx, _c("200 OK"), y, z)


def hp(ctx, x):
    page = f"<html><head><style>{SB}</style></head><body>{T.text(pre(x))}</body></html>"
    return hy(ctx, "htm", _c(page))


def he(ctx, x):
    return hn(ctx, _c("400 Bad Request"), "txt", _c("'" + T.text(hc(x))))


def hug(x, y):
    """.h.hug[keep;s]: s with each character not in keep as its %xx escape (.h.hug[keep] is
    the mapping, a function)."""
    keep = set(_s(x))
    return _c("".join(c if c in keep else f"%{ord(c):02x}" for c in _s(y)))


def hu(x):
    """URI escape: characters not in .h.sc as %xx."""
    return hug(SC, x)


def ka(x):
    """.h.ka ms: the Connection header's value for an idle timeout of ms milliseconds:
    "keep-alive", or "close" for 0."""
    if T.qtype(x) not in (-5, -6, -7):
        raise QError("type")
    return _c("close" if int(x) == 0 else "keep-alive")


def uh(x):
    s = _s(x)
    return _c(re.sub(r"%([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), s))


def _records(x) -> list:
    if T.is_keyed(x):
        x = lists.unkey(x)
    return [T.QDict(np.array(x.cols, dtype=object), T.from_items([c[i] for c in x.data]))
            for i in range(len(x))]


def tx_json(ctx, x):
    """JSON lines: each row (or item) as JSON text. A table enlisted is static JSON: one
    text, an array of its rows, a row to a line."""
    if isinstance(x, list) and len(x) == 1 and (isinstance(x[0], T.QTable) or T.is_keyed(x[0])):
        rows = [T.text(dotj.j(ctx, r)) for r in _records(x[0])]
        return _c("[" + ",\n ".join(rows) + "]")
    items = _records(x) if isinstance(x, T.QTable) or T.is_keyed(x) else T.to_items(x)
    return [dotj.j(ctx, v) for v in items]


# ---------------------------------------------------------------------------------------------
# Excel workbooks (SpreadsheetML, the XML Excel 2003 reads)

_XML_DECL = '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
_NS = {"": "urn:schemas-microsoft-com:office:spreadsheet",
       "o": "urn:schemas-microsoft-com:office:office",
       "x": "urn:schemas-microsoft-com:office:excel",
       "ss": "urn:schemas-microsoft-com:office:spreadsheet",
       "html": "http://www.w3.org/TR/REC-html40"}


def _workbook(prefixes: list[str]) -> str:
    return "<Workbook " + " ".join(
        (f'xmlns:{p}' if p else "xmlns") + f'="{_NS[p]}"' for p in prefixes) + ">"


def _cell(ctx, v) -> str:
    t = T.qtype(v)
    if -9 <= t <= -1 and t != -4:                # booleans and numbers are Excel numbers
        if T.is_null(v):
            return "<Cell/>"
        return f'<Cell><Data ss:Type="Number">{_s(ctx.apply(ctx.builtins["string"], [v]))}' \
               "</Data></Cell>"
    text = T.text(v) if T.is_string(v) else v if isinstance(v, str) else \
        _s(ctx.apply(ctx.builtins["string"], [v]))
    return f'<Cell><Data ss:Type="String">{T.text(xs(text))}</Data></Cell>'


def _sheet(ctx, name: str, t) -> list:
    if T.is_keyed(t):
        t = lists.unkey(t)
    if not isinstance(t, T.QTable):
        raise QError("type")
    rows = ["<Row>" + "".join(f'<Cell><Data ss:Type="String">{T.text(xs(c))}</Data></Cell>'
                              for c in t.cols) + "</Row>"]
    for i in range(len(t)):
        rows.append("<Row>" + "".join(_cell(ctx, T.item(c, i)) for c in t.data) + "</Row>")
    return [f'<Worksheet ss:Name="{T.text(xs(name))}"><Table>'] + rows + ["</Table></Worksheet>"]


def ed(ctx, x):
    """.h.ed t: table t as the lines of an Excel workbook of one sheet, Sheet1."""
    lines = [_XML_DECL, _workbook(["", "o", "x", "ss", "html"])] + _sheet(ctx, "Sheet1", x) + \
        ["</Workbook>"]
    return [_c(ln) for ln in lines]


def edsn(ctx, x):
    """.h.edsn names!tables: the lines of an Excel workbook, a sheet for each table."""
    if not (isinstance(x, T.QDict) and T.is_syms(x.keys)):
        raise QError("type")
    lines = [_XML_DECL, _workbook(["", "ss"])]
    for name, t in zip(x.keys, T.to_items(x.values)):
        lines += _sheet(ctx, name, t)
    return [_c(ln) for ln in lines + ["</Workbook>"]]


# ---------------------------------------------------------------------------------------------
# the web console's page of a table

PAGE = 32          # rows in a page


def jx(ctx, x, y):
    """.h.jx[i;`t]: a page of global table t from row i, as the web console shows it: the
    links home, up, down and to the end and `count[i]`, a blank line, then the rows as the
    console shows them."""
    if not (T.qtype(x) in (-5, -6, -7) and isinstance(y, str)):
        raise QError("type")
    t = ctx.get_global(y)
    if T.is_keyed(t):
        t = lists.unkey(t)
    if not isinstance(t, T.QTable):
        raise QError("type")
    n, i = len(t), max(int(x), 0)
    links = [("home", 0), ("up", max(i - PAGE, 0)), ("down", min(i + PAGE, max(n - PAGE, 0))),
             ("end", max(n - PAGE, 0))]
    nav = "".join(f'<a href="?[{k}">{w}</a> ' for w, k in links) + f"{n}[{i}]"
    page = T.QTable(list(t.cols), [lists.sublist(np.array([i, PAGE]), c) for c in t.data])
    text = ctx.display.show(page, precision=ctx.settings.precision, rows=PAGE + 4, cols=10**6)
    return [_c(nav), _c("")] + [_c(ln) for ln in text.rstrip("\n").split("\n")]


def xt(ctx, x, y):
    """.h.xt[`json;strings]: each JSON text as a q value."""
    if x != "json":
        raise QError("nyi")
    return T.from_items([dotj.loads(s) for s in _strings(y)])


def _tx():
    """.h.tx: the function that writes data as each kind of file (raw, json lines, csv, txt,
    xml, xls)."""
    fns = {"raw": Builtin("raw", monad=lambda x: T.enlist(x)),
           "json": Builtin("json", monad=tx_json, ctx=True),
           "csv": Builtin("csv", monad=cd, ctx=True),
           "txt": Builtin("txt", monad=td, ctx=True),
           "xml": Builtin("xml", monad=xd, ctx=True),
           "xls": Builtin("xls", monad=ed, ctx=True)}
    return T.QDict(np.array(list(fns), dtype=object), list(fns.values()))


VALUES = {
    ".h.tx": _tx(),
    ".h.d": T.char(" "),
    ".h.HOME": _c("html"),            # the web server's root folder
    ".h.br": _c("<br>"),
    ".h.c0": "024C7E",
    ".h.c1": "958600",
    ".h.sa": _c(SA),
    ".h.sb": _c(SB),
    ".h.sc": _c(SC),
    ".h.ty": T.QDict(np.array(list(MIME), dtype=object), [_c(v) for v in MIME.values()]),
}

define(".h.htc", dyad=htc, doc='.h.htc[`tag;"text"]  "<tag>text</tag>"')
define(".h.hta", dyad=hta, doc=".h.hta[`tag;attrs]  the start tag with attributes attrs")
define(".h.htac", triad=htac, doc=".h.htac[`tag;attrs;text]  an element with attributes")
define(".h.ha", dyad=ha, doc=".h.ha[href;text]  an anchor")
define(".h.hb", dyad=hb, doc=".h.hb[href;text]  an anchor with target=v")
define(".h.hc", monad=hc, doc=".h.hc s  s with < as &lt;")
define(".h.hr", monad=hr, doc='.h.hr s  as many "-" as s has characters')
define(".h.nbr", monad=nbr, doc=".h.nbr s  s in a nobr element")
define(".h.pre", monad=pre, doc=".h.pre strings  the strings as lines of a pre element")
define(".h.xmp", monad=xmp, doc=".h.xmp strings  the strings as lines of an xmp element")
define(".h.text", monad=text, doc=".h.text strings  each string a p element")
define(".h.code", monad=code, doc=".h.code s  the pieces of s after tabs as code")
define(".h.xs", monad=xs, doc=".h.xs s  s with XML's special characters escaped")
define(".h.html", monad=html, doc=".h.html s  an HTML document with body s")
define(".h.http", monad=http, doc=".h.http s  the http:// links in s as anchors")
define(".h.cd", monad=cd, ctx=True, doc=".h.cd t  table (or columns) t as CSV lines")
define(".h.td", monad=td, ctx=True, doc=".h.td t  table t as tab-separated lines")
define(".h.xd", monad=xd, ctx=True, doc=".h.xd t  table t as XML lines")
define(".h.iso8601", monad=iso8601, doc=".h.iso8601 p  a timestamp as ISO 8601 text")
define(".h.hn", triad=hn, ctx=True, doc=".h.hn[status;kind;content]  an HTTP response")
define(".h.hy", dyad=hy, ctx=True, doc=".h.hy[kind;content]  an HTTP 200 response")
define(".h.hp", monad=hp, ctx=True, doc=".h.hp strings  an HTTP response of a pre page")
define(".h.he", monad=he, ctx=True, doc=".h.he s  an HTTP 400 response with s")
define(".h.hu", monad=hu, doc=".h.hu s  s URI-escaped (%xx)")
define(".h.hug", dyad=hug, doc=".h.hug[keep;s]  s with the characters not in keep as %xx escapes")
define(".h.ka", monad=ka, doc='.h.ka ms  "keep-alive", or "close" when the idle timeout ms is 0')
define(".h.uh", monad=uh, doc=".h.uh s  s with its %xx escapes undone")
define(".h.xt", dyad=xt, ctx=True, doc=".h.xt[`json;strings]  each JSON string as a q value")
define(".h.val", monad=lambda ctx, x: ctx.apply(ctx.builtins["value"], [x]), ctx=True,
       doc=".h.val x  how a request is evaluated: value x")
define(".h.ed", monad=ed, ctx=True, doc=".h.ed t  table t as the XML lines of an Excel workbook")
define(".h.edsn", monad=edsn, ctx=True,
       doc=".h.edsn names!tables  the XML lines of an Excel workbook, a sheet per table")
define(".h.jx", dyad=jx, ctx=True,
       doc=".h.jx[i;`t]  a page of table t from row i as the web console shows it")
