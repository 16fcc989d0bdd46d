"""HTML rendering of q values for notebooks: tables, keyed tables and dictionaries as <table>.

Cells use the console's cell text (bare atoms, blank nulls, nested values in one-line form,
e.g. `,-0.4478067e` for a 1-item real vector in a dictionary, as q's console shows it) and
its alignment (left); anything else is the console text in a <pre>.
"""
from __future__ import annotations

from html import escape

import numpy as np

from ..values.types import QDict, QTable
from .console import _column_cells, _slice, show

__all__ = ["to_html"]

# q's console left-aligns every cell of a table or dictionary (numbers too) and keeps runs of
# blanks. JupyterLab (and nbconvert's lab template) right-align cells with
# `:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td`, which outranks any one-class selector of
# ours, and set `white-space: normal`: hence !important on those two, whatever the page's order.
_STYLE = ("<style>.ktwa-q td,.ktwa-q th{text-align:left!important;white-space:pre!important;"
          "font-family:monospace;padding:0 .6em}.ktwa-q th.k,.ktwa-q td.k{font-weight:bold}"
          ".ktwa-q .sep{border-left:1px solid #888}</style>")


def _cells(col, precision, m, width):
    return _column_cells(_slice(col, m), precision, width, False)


def _cols(t: QTable, precision, m, width):
    return [(name, _cells(col, precision, m, width)) for name, col in zip(t.cols, t.data)]


def _rows_html(groups, nrows, total, max_rows) -> list:
    out = []
    for i in range(nrows):
        tds = []
        for cls, cols in groups:
            for j, (_, cells) in enumerate(cols):
                c = cls + (" sep" if cls == "" and j == 0 and len(groups) > 1 else "")
                tds.append('<td class="%s">%s</td>' % (c.strip(), escape(cells[i])))
        out.append("<tr>" + "".join(tds) + "</tr>")
    if total > nrows:
        ncell = sum(len(cols) for _, cols in groups)
        out.append('<tr><td colspan="%d">.. (%d rows)</td></tr>' % (ncell, total))
    return out


def _head_html(groups) -> str:
    ths = []
    for cls, cols in groups:
        for j, (name, _) in enumerate(cols):
            c = cls + (" sep" if cls == "" and j == 0 and len(groups) > 1 else "")
            ths.append('<th class="%s">%s</th>' % (c.strip(), escape(str(name))))
    return "<thead><tr>" + "".join(ths) + "</tr></thead>"


def to_html(x, precision: int = 7, max_rows: int = 1000, width: int = 200) -> str:
    """HTML for a table, keyed table or dictionary; other values as <pre> of the console text."""
    if isinstance(x, QTable) and x.cols:
        n = len(x)
        m = min(n, max_rows)
        groups = [("", _cols(x, precision, m, width))]
        body = _rows_html(groups, m, n, max_rows)
        return _wrap(_head_html(groups), body)
    if isinstance(x, QDict) and isinstance(x.keys, QTable) and isinstance(x.values, QTable):
        n = len(x.keys)
        m = min(n, max_rows)
        groups = [("k", _cols(x.keys, precision, m, width)),
                  ("", _cols(x.values, precision, m, width))]
        return _wrap(_head_html(groups), _rows_html(groups, m, n, max_rows))
    if isinstance(x, QDict) and isinstance(x.keys, (np.ndarray, list)) and len(x.keys):
        n = len(x.keys)
        m = min(n, max_rows)
        kc = _column_cells(_slice(x.keys, m), precision, width, True)
        vc = _column_cells(_slice(x.values, m), precision, width, True)
        groups = [("k", [("", kc)]), ("", [("", vc)])]
        return _wrap("", _rows_html(groups, m, n, max_rows))
    text = show(x, precision, rows=max_rows + 2, cols=width + 1)
    return '<pre class="ktwa-q">' + escape(text) + "</pre>"


def _wrap(head: str, body: list) -> str:
    return (_STYLE + '<table class="ktwa-q">' + head + "<tbody>" + "".join(body)
            + "</tbody></table>")
