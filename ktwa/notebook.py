"""IPython / Jupyter: `%load_ext ktwa`.

    %%q            a q cell (also %%kt); the last value displays as the console shows it,
                   tables and dictionaries as HTML tables, handles with class, device and size
    %q src         one line of q; its value is the magic's result
    %q_get name    the q global as Python (numpy arrays, dicts); `pull(name)` from Python
    %q_put name    a Python variable into q (ints, floats, str, lists, numpy arrays, dicts);
                   `push(name, value)` from Python

One Session per IPython shell. Errors print as q errors (`'type` and the caret), never as
Python tracebacks.
"""
from __future__ import annotations

import sys
import weakref

import numpy as np

from .errors import QError, QExit
from .session import Session, split_statements
from .values import temporal, types as T
from .display.html import to_html

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

def to_q(x):
    """A Python value as a q value: int -> long, float -> float, bool -> boolean, str -> symbol,
    bytes -> string, None -> ::, numpy arrays keep their type (unicode -> symbols), uniform
    lists -> vectors, dicts -> dictionaries (a dict of equal-length columns stays a dict;
    `flip` makes it a table). q values pass through."""
    if x is None or isinstance(x, (T.QDict, T.QTable)):
        return x
    if isinstance(x, (bool, np.bool_)):
        return np.bool_(x)
    if isinstance(x, (int, np.integer)) and not isinstance(x, np.generic):
        return np.int64(x)
    if isinstance(x, float):
        return np.float64(x)
    if isinstance(x, np.generic):
        return _np_atom(x)
    if isinstance(x, str):
        return x
    if isinstance(x, (bytes, bytearray)):
        return T.chars(bytes(x))
    if hasattr(x, "detach") and hasattr(x, "numpy"):       # a torch tensor: its values
        return to_q(x.detach().cpu().numpy())
    if isinstance(x, np.ndarray):
        return _np_array(x)
    if isinstance(x, dict):
        keys = [to_q(k) for k in x]
        return T.QDict(T.from_items(keys) if keys else T.syms([]),
                       T.from_items([to_q(v) for v in x.values()]) if x else [])
    if isinstance(x, (list, tuple, range)):
        items = [to_q(v) for v in x]
        return T.from_items(items) if items else []
    if hasattr(x, "columns") and hasattr(x, "to_dict"):      # a pandas DataFrame
        return T.QTable([str(c) for c in x.columns], [to_q(x[c].to_numpy()) for c in x.columns])
    raise TypeError(f"no q value for {type(x).__name__}")


def _np_atom(x: np.generic):
    if isinstance(x, np.str_):
        return str(x)
    if x.dtype.kind in "mM":            # numpy counts from 1970, q from 2000
        return temporal.from_numpy(np.asarray(x))
    if x.dtype in T.DTYPE_TYPE:
        return x
    if np.issubdtype(x.dtype, np.floating):
        return np.float32(x) if x.dtype.itemsize < 4 else np.float64(x)
    if np.issubdtype(x.dtype, np.integer):
        return np.int64(x)
    raise TypeError(f"no q atom for numpy {x.dtype}")


def _np_array(a: np.ndarray):
    if a.ndim == 0:
        return _np_atom(a[()])
    if a.ndim > 1:
        return [_np_array(r) for r in a]
    if a.dtype.kind == "U":
        return T.syms(a.tolist())
    if a.dtype.kind == "S":
        return T.chars(b"".join(a.tolist()))
    if a.dtype.kind in "mM":
        return temporal.from_numpy(a)
    if a.dtype in T.DTYPE_TYPE and a.dtype != T.SYM:
        return a.copy()
    if a.dtype.kind == "f":
        return a.astype(np.float32 if a.dtype.itemsize < 4 else np.float64)
    if a.dtype.kind in "iu":
        return a.astype(np.int64)
    return T.from_items([to_q(v) for v in a.tolist()]) if len(a) else []


def to_py(x):
    """A q value as Python: vectors -> numpy arrays (strings -> str, symbols -> arrays of str),
    atoms -> numpy scalars (symbols -> str), dictionaries -> dict, tables -> dict of columns,
    general lists -> list, :: -> None; functions and handles stay q values."""
    if isinstance(x, T.QTable):
        return {c: to_py(v) for c, v in zip(x.cols, x.data)}
    if isinstance(x, T.QDict):
        if isinstance(x.keys, T.QTable):
            return {**to_py(x.keys), **to_py(x.values)}
        keys = [_hashable(to_py(k)) for k in T.to_items(x.keys)]
        return dict(zip(keys, [to_py(v) for v in T.to_items(x.values)]))
    if isinstance(x, (np.ndarray, np.datetime64, np.timedelta64)) and x.dtype.kind in "mM":
        return temporal.to_numpy(x, T.DTYPE_TYPE[x.dtype])
    if isinstance(x, np.ndarray):
        if x.dtype == T.CHAR:
            return b"".join(x.tolist()).decode("utf-8", "replace")
        return np.asarray(x).copy()
    if isinstance(x, np.bytes_):
        return x.decode("utf-8", "replace")
    if isinstance(x, list):
        return [to_py(v) for v in x]
    return x


def _hashable(k):
    if isinstance(k, np.ndarray):
        return tuple(k.tolist())
    if isinstance(k, list):
        return tuple(_hashable(v) for v in k)
    return k


def pull(name: str, shell=None):
    """The q global `name` as a Python value (see to_py)."""
    return to_py(session(shell).eval(name))


def push(name: str, value, shell=None) -> None:
    """Set the q global `name` to a Python value (see to_q)."""
    session(shell).ctx.globals[name] = to_q(value)


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

    def __init__(self, value, text: str, cls: str, device: str, size: str):
        self.info = f"class {cls}, device {device}, size {size}"
        super().__init__(value, f"{text.rstrip()}  / {self.info}\n")
        self.handle_text = text.rstrip()

    def _repr_html_(self):
        from html import escape
        return ('<pre class="ktwa-q">%s  <span style="color:#888">/ %s</span></pre>'
                % (escape(self.handle_text), escape(self.info)))


_TMP = ".ktwa.h"      # where a handle waits while the session is asked about it


def _is_handle(x) -> bool:
    return type(x) is list and len(x) == 1 and isinstance(x[0], np.int64)


def result(s: Session, value) -> QResult:
    """What the notebook shows for a value the console would display."""
    text = s.ctx.show(value)
    if _is_handle(value):
        g = s.ctx.globals
        g[_TMP] = value
        try:
            cls, device, size = (s.ctx.one_line(s.eval(f"{f} {_TMP}"))
                                 for f in ("class", "device", "size"))
        except QError:          # not a live handle: just a 1-item list
            return QResult(value, text)
        finally:
            g.pop(_TMP, None)
        return QHandle(value, text, cls, device, size)
    html = None
    if isinstance(value, (T.QTable, T.QDict)):
        html = to_html(value, precision=s.ctx.settings.precision)
    return QResult(value, text, html)


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


def run_cell(s: Session, src: str):
    """Evaluate a cell: every value the console would show is displayed, the last one returned
    (a QResult) for IPython to display; an error prints the q error text and stops the cell."""
    shown_last = None
    for st in split_statements(src, script=False):
        if shown_last is not None:
            _display(shown_last)
            shown_last = None
        try:
            value, shown = s.evaluate(st.text)
        except QError as e:
            sys.stdout.flush()
            sys.stderr.write(s.error_text(e, st.text))
            return None
        except KeyboardInterrupt:
            sys.stderr.write("'stop\n")
            return None
        except QExit:
            sys.stderr.write("'exit: \\\\ does not close a notebook's session\n")
            return None
        if shown:
            shown_last = result(s, value)
    return shown_last


# ---- IPython magics

def _register(ipython) -> None:
    from IPython.core.magic import Magics, cell_magic, line_magic, magics_class

    @magics_class
    class QMagics(Magics):
        @property
        def session(self) -> Session:
            return session(self.shell)

        @cell_magic
        def q(self, line, cell):
            """%%q: a cell of q."""
            return run_cell(self.session, cell)

        @cell_magic
        def kt(self, line, cell):
            """%%kt: a cell of q (same as %%q)."""
            return run_cell(self.session, cell)

        @line_magic("q")
        def q_line(self, line):
            """%q src: one line of q; the result is the value as the notebook shows it."""
            return run_cell(self.session, line)

        @line_magic
        def q_get(self, line):
            """%q_get name [pyname]: copy the q global name into Python (as pyname or name)."""
            parts = line.split()
            if not parts:
                sys.stderr.write("usage: %q_get name [pyname]\n")
                return None
            try:
                v = pull(parts[0], self.shell)
            except QError as e:
                sys.stderr.write(self.session.error_text(e, parts[0]))
                return None
            target = parts[1] if len(parts) > 1 else parts[0].lstrip(".").replace(".", "_")
            self.shell.user_ns[target] = v
            return None

        @line_magic
        def q_put(self, line):
            """%q_put pyname [name]: copy the Python variable pyname into q (as name)."""
            parts = line.split()
            if not parts:
                sys.stderr.write("usage: %q_put pyname [name]\n")
                return None
            if parts[0] not in self.shell.user_ns:
                sys.stderr.write(f"'{parts[0]}\n")
                return None
            try:
                push(parts[1] if len(parts) > 1 else parts[0], self.shell.user_ns[parts[0]],
                     self.shell)
            except TypeError as e:
                sys.stderr.write(f"'type: {e}\n")
            return None

    ipython.register_magics(QMagics)


def load_ipython_extension(ipython) -> None:
    """`%load_ext ktwa`: register %%q, %%kt, %q, %q_get, %q_put on this shell."""
    _register(ipython)
    session(ipython)
