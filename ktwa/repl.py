"""The interactive `q)` prompt, on prompt_toolkit (in the manner of ptpython).

- history persists in ``~/.ktwa_history`` (``KTWA_HISTORY`` names another file; empty: none)
- Tab completes built-ins, api functions and globals; after ``d``` the keys of dictionary d
  (columns of a table); after a bare backtick the symbols found in globals
- highlighting is Pygments' q lexer extended with ktwa's names
- Enter inserts a newline while a bracket, brace, paren or string is open
- Ctrl-C clears the line, or stops a running evaluation (``'stop``); Ctrl-D or ``\\\\`` exits
"""
from __future__ import annotations

import os
import re
import sys

import numpy as np
from prompt_toolkit import PromptSession
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.lexers import PygmentsLexer
from pygments.lexer import inherit, words
from pygments.lexers.q import QLexer
from pygments.token import Name

from . import __version__
from .errors import QError, QExit
from .session import Session, split_statements   # (also registers the q built-ins)
from .values.types import QDict, QTable

PROMPT = "q)"

# words the grammar owns (not in the table of built-ins) that a user still wants completed
KEYWORDS = ("select", "exec", "update", "delete", "from", "by", "where", "if", "do", "while")

_NAME = re.compile(r"\.?[A-Za-z][\w.]*")
_Q_NAMES, API_NAMES = Session.builtin_names()
BUILTIN_NAMES = [k for k in _Q_NAMES if _NAME.fullmatch(k)]


class KtwaLexer(QLexer):
    """Pygments' q lexer, also knowing ktwa's built-ins and its torch api."""

    name = "ktwa"
    aliases = ["ktwa", "kt"]
    filenames = ["*.kt"]

    tokens = {
        "root": [(words(names, prefix=r"(?<![\w.`])", suffix=r"\b"), token)
                 for names, token in ((API_NAMES, Name.Function), (BUILTIN_NAMES, Name.Builtin))
                 if names] + [inherit],
    }


# ---- completion

_SYMBOL_AFTER = re.compile(r"(?:(?<![\w.`])(\.?[A-Za-z][\w.]*))?`([\w.]*)$")
_WORD = re.compile(r"(?<![\w`])\.?[A-Za-z][\w.]*$|(?<![\w`])\.$")


def _in_string(text: str) -> bool:
    """Is the end of text inside a q string (so nothing there is a name)?"""
    inside = False
    i = 0
    while i < len(text):
        c = text[i]
        if inside:
            if c == "\\":
                i += 1
            elif c == '"':
                inside = False
        elif c == '"':
            inside = True
        i += 1
    return inside


def _syms(v) -> list[str]:
    """The symbols of a symbol vector (empty for anything else)."""
    if isinstance(v, np.ndarray) and v.dtype == object:
        return [s for s in v.tolist() if isinstance(s, str)]
    return []


def _keys_of(v) -> list[str]:
    """What may follow ``v``` : a dictionary's symbol keys, a table's (or keyed table's) columns."""
    if isinstance(v, QTable):
        return list(v.cols)
    if isinstance(v, QDict):
        if isinstance(v.keys, QTable):
            out = list(v.keys.cols)
            if isinstance(v.values, QTable):
                out += v.values.cols
            return out
        return _syms(v.keys)
    return []


def _symbols_in(globals_: dict, limit: int = 2000) -> list[str]:
    """Symbols worth offering after a bare backtick: dictionary keys, table columns and the
    values of tables' symbol columns."""
    seen: dict[str, None] = {}
    for v in list(globals_.values()):
        seen.update(dict.fromkeys(_keys_of(v)))
        t = v.keys if isinstance(v, QDict) and isinstance(v.keys, QTable) else v
        tables = [t] + ([v.values] if isinstance(v, QDict) and isinstance(v.values, QTable) else [])
        for tab in tables:
            if isinstance(tab, QTable):
                for col in tab.data:
                    seen.update(dict.fromkeys(_syms(col)[:limit]))
        if len(seen) > limit:
            break
    return [s for s in seen if s]


class QCompleter(Completer):
    """Names from the session: its globals, ktwa's api, the built-ins, and dictionary keys."""

    def __init__(self, session):
        self.session = session

    def candidates(self, text: str) -> list[tuple[str, str]]:
        """(completion, kind) for the text before the cursor; the completion replaces the word."""
        if _in_string(text):
            return []
        g = self.session.ctx.globals
        m = _SYMBOL_AFTER.search(text)
        if m:
            owner, prefix = m.group(1), m.group(2)
            if owner is not None:
                keys = _keys_of(g.get(owner))
                kind = "key"
            else:
                keys = _symbols_in(g)
                kind = "symbol"
            return [(k, kind) for k in keys if k.startswith(prefix) and k != prefix]
        m = _WORD.search(text)
        if not m:
            return []
        prefix = m.group(0)
        out: dict[str, str] = {}
        for name in sorted(g):
            if name.startswith(prefix) and (name.startswith(".") == prefix.startswith(".")):
                out.setdefault(name, "global")
        for names, kind in ((API_NAMES, "api"), (BUILTIN_NAMES, "q"), (KEYWORDS, "q")):
            for name in names:
                if name.startswith(prefix):
                    out.setdefault(name, kind)
        return [(k, kind) for k, kind in out.items() if k != prefix]

    def get_completions(self, document, complete_event):
        text = document.text_before_cursor
        m = _SYMBOL_AFTER.search(text)
        w = _WORD.search(text)
        word = m.group(2) if m else w.group(0) if w else ""
        for cand, kind in self.candidates(text):
            yield Completion(cand, start_position=-len(word), display_meta=kind)


# ---- input handling

def _key_bindings() -> KeyBindings:
    kb = KeyBindings()

    @kb.add("enter")
    def _(event):
        b = event.current_buffer
        if b.complete_state and b.complete_state.current_completion:
            b.complete_state = None         # Enter on the menu takes the highlighted name
            return
        if Session.is_complete(b.text):
            b.validate_and_handle()
        else:
            b.insert_text("\n")

    return kb


def history_path() -> str:
    return os.environ.get("KTWA_HISTORY", os.path.join(os.path.expanduser("~"), ".ktwa_history"))


def make_history(path: str | None = None) -> History:
    path = history_path() if path is None else path
    if not path:
        return InMemoryHistory()
    return FileHistory(path)


def units(text: str) -> list[str]:
    """Typed (or pasted) input as the console takes it: each run of lines that closes its
    brackets is one input, evaluated on its own (an error in one does not stop the next).
    `f:{[x]` newline `x+1}` is one input, `a:1` newline `b:2` two."""
    out: list[str] = []
    cur: list[str] = []
    for line in text.split("\n"):
        cur.append(line)
        joined = "\n".join(cur)
        if Session.is_complete(joined):
            if joined.strip():
                out.append(joined)
            cur = []
    if cur and "\n".join(cur).strip():
        out.append("\n".join(cur))
    return out


def console(session, src: str, out) -> bool:
    """One input as the q) prompt runs it: what Session.console returns, but written as it
    happens, so `-1` lines of a long training loop appear while it runs. An error (or Ctrl-C,
    `'stop`) ends the input; returns False then. `\\\\` raises QExit."""
    for st in split_statements(src, script=False):
        try:
            value, shown = session.evaluate(st.text)
            if shown:
                out.write(session.ctx.show(value))
        except QError as e:
            out.write(session.error_text(e, st.text))
            return False
        except KeyboardInterrupt:
            out.write("'stop\n")
            return False
        finally:
            out.flush()
    return True


def banner() -> str:
    import torch
    tv = torch.__version__.split("+")[0]
    device = "cuda" if torch.cuda.is_available() else "cpu"
    return f"ktwa {__version__}  torch {tv}  device {device}\n\\\\ or Ctrl-D to exit\n"


def make_prompt_session(session, history: History | None = None, **kw) -> PromptSession:
    return PromptSession(
        message=PROMPT,
        multiline=True,
        prompt_continuation=lambda width, line_number, wrap_count: " " * width,
        key_bindings=_key_bindings(),
        history=history if history is not None else make_history(),
        completer=QCompleter(session),
        complete_while_typing=False,
        lexer=PygmentsLexer(KtwaLexer),
        enable_history_search=False,
        **kw,
    )


def run_repl(session=None, input=None, output=None, history: History | None = None,
             stdout=None, show_banner: bool = True) -> int:
    """The q) loop until Ctrl-D or `\\\\`; returns the exit code. input/output are
    prompt_toolkit's (tests pass a pipe and a DummyOutput); stdout receives the values and
    errors (`-1`/`-2` write to the session's own streams)."""
    session = session if session is not None else Session()
    out = stdout or sys.stdout
    ps = make_prompt_session(session, history, input=input, output=output)
    if show_banner:
        out.write(banner())
        out.flush()
    while True:
        try:
            text = ps.prompt()
        except KeyboardInterrupt:       # Ctrl-C at the prompt: drop the line
            continue
        except EOFError:                # Ctrl-D on an empty line
            return 0
        try:
            for unit in units(text):
                console(session, unit, out)
        except QExit as e:
            return e.code
        except KeyboardInterrupt:       # between statements or while printing
            out.write("'stop\n")
            out.flush()
