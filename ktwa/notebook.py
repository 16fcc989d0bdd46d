"""IPython / Jupyter: `%load_ext ktwa`.

    %%q            a q cell (also %%kt); the last value displays as the console shows it,
                   tables and dictionaries as HTML tables, handles with class, device and size
    %%q --continue a cell meant to show errors: each statement stands alone (as typed at the
                   q) prompt), errors print and the cell does not fail
    %q src         one line of q; its value is the magic's result
    %q_get name    the q global as Python (numpy arrays, dicts; torch objects for handles);
                   `pull(name)` from Python
    %q_put name    a Python variable into q (ints, floats, str, lists, numpy arrays, dicts;
                   torch modules, tensors, state_dicts, optimizers); `push(name, value)`

One Session per IPython shell. A q error fails the cell, so "Run All" and `jupyter nbconvert
--execute` stop there; IPython shows q's report (`'type` and the caret), never a Python
traceback (QCellError's `_render_traceback_`).
"""
from __future__ import annotations

import sys
import weakref

from .errors import QError, QExit
from .session import Session

_sessions: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_default: Session | None = None


def session(shell=None) -> Session:
    """The Session bound to this IPython shell (one is made on first use)."""
    global _default
    if shell is None:
        try:
            from IPython import get_ipython
            shell = get_ipython()
        except ImportError:
            shell = None
    if shell is None:
        if _default is None:
            _default = Session()
        return _default
    s = _sessions.get(shell)
    if s is None:
        s = _sessions[shell] = Session()
    return s


# ---- Python <-> q values

def pull(name: str, shell=None):
    """The q global `name` as a Python value (Session.pull)."""
    return session(shell).pull(name)


def push(name: str, value, shell=None) -> None:
    """Set the q global `name` to a Python value (Session.push)."""
    session(shell).push(name, value)


# ---- a failed cell

class QCellError(QError):
    """A q error that ends a notebook cell. IPython marks the cell failed (execute status
    `error`, so Run All and nbconvert stop) and shows `text`, q's report of the error, in place
    of a Python traceback."""

    def __init__(self, e: QError, text: str):
        super().__init__(e.msg, e.span)
        self.frames = e.frames
        self.text = text

    def _render_traceback_(self) -> list[str]:
        return self.text.rstrip("\n").split("\n")


# ---- what a cell shows

class QResult:
    """A q value as a notebook shows it: the console text, or an HTML table for tables and
    dictionaries."""

    def __init__(self, value, text: str, html: str | None = None):
        self.value = value
        self.text = text
        self.html = html

    def __repr__(self):
        return self.text.rstrip("\n")

    def _repr_html_(self):
        return self.html


class QHandle(QResult):
    """A torch handle: its number, with the class, device and size the session reports."""

    def __init__(self, value, text: str, info: str):
        self.info = info
        super().__init__(value, f"{text.rstrip()}  / {self.info}\n")
        self.handle_text = text.rstrip()

    def _repr_html_(self):
        from html import escape
        return ('<pre class="ktwa-q">%s  <span style="color:#888">/ %s</span></pre>'
                % (escape(self.handle_text), escape(self.info)))


def result(s: Session, value) -> QResult:
    """What the notebook shows for a value the console would display."""
    text = s.show(value)
    info = s.describe(value)
    if info is not None:
        return QHandle(value, text, info)
    return QResult(value, text, s.html(value))


def _display(r: QResult) -> None:
    """Show a value that is not the cell's last (IPython's display: HTML tables in Jupyter)."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        display(r)
    else:
        sys.stdout.write(r.text)


def run_cell(s: Session, src: str, keep_going: bool = False):
    """Evaluate a cell with the session's console loop: every value the console would show is
    displayed, the last one returned (a QResult) for IPython to display. An error (after the
    values shown before it) raises QCellError with q's report, which fails the cell; with
    `keep_going` (`%%q --continue`) each statement stands alone instead, as typed at the q)
    prompt, and errors print on stderr."""
    pending: list[QResult] = []
    report: list[str] = []

    def flush_pending():
        if pending:
            _display(pending.pop())

    def show(value):
        flush_pending()
        pending.append(result(s, value))

    class _Err:
        def write(self, text):
            flush_pending()
            if keep_going:
                sys.stderr.write(text)
            else:
                report.append(text)

        def flush(self):
            sys.stderr.flush()

    sys.stdout.flush()
    try:
        failed = s.run(src, out=sys.stdout, err=_Err(), show=show, keep_going=keep_going)
    except QExit:
        sys.stderr.write("'exit: \\\\ does not close a notebook's session\n")
        return None
    if failed is not None and not keep_going:
        raise QCellError(failed, "".join(report))
    return pending[0] if pending else None


def _cell_options(line: str) -> bool:
    """`%%q [--continue]`: whether the cell keeps going past errors."""
    opts = line.split()
    bad = [o for o in opts if o != "--continue"]
    if bad:
        from IPython.core.error import UsageError
        raise UsageError(f"%%q: unknown option {bad[0]} (the one option is --continue)")
    return bool(opts)


# ---- IPython magics

def _register(ipython) -> None:
    from IPython.core.error import UsageError
    from IPython.core.magic import Magics, cell_magic, line_magic, magics_class

    @magics_class
    class QMagics(Magics):
        @property
        def session(self) -> Session:
            return session(self.shell)

        @cell_magic
        def q(self, line, cell):
            """%%q [--continue]: a cell of q. A q error fails the cell; with --continue each
            statement stands alone and errors only print."""
            return run_cell(self.session, cell, _cell_options(line))

        @cell_magic
        def kt(self, line, cell):
            """%%kt [--continue]: a cell of q (same as %%q)."""
            return run_cell(self.session, cell, _cell_options(line))

        @line_magic("q")
        def q_line(self, line):
            """%q src: one line of q; the result is the value as the notebook shows it."""
            return run_cell(self.session, line)

        @line_magic
        def q_get(self, line):
            """%q_get name [pyname]: copy the q global name into Python (as pyname or name)."""
            parts = line.split()
            if not parts:
                raise UsageError("usage: %q_get name [pyname]")
            try:
                v = pull(parts[0], self.shell)
            except QError as e:
                raise QCellError(e, self.session.error_text(e, parts[0])) from None
            target = parts[1] if len(parts) > 1 else parts[0].lstrip(".").replace(".", "_")
            self.shell.user_ns[target] = v
            return None

        @line_magic
        def q_put(self, line):
            """%q_put pyname [name]: copy the Python variable pyname into q (as name)."""
            parts = line.split()
            if not parts:
                raise UsageError("usage: %q_put pyname [name]")
            if parts[0] not in self.shell.user_ns:
                e = QError(parts[0])
                raise QCellError(e, self.session.error_text(e))
            try:
                push(parts[1] if len(parts) > 1 else parts[0], self.shell.user_ns[parts[0]],
                     self.shell)
            except QError as e:
                raise QCellError(e, self.session.error_text(e)) from None
            return None

    ipython.register_magics(QMagics)


def load_ipython_extension(ipython) -> None:
    """`%load_ext ktwa`: register %%q, %%kt, %q, %q_get, %q_put on this shell."""
    _register(ipython)
    session(ipython)
