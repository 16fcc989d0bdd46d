"""The interactive `q)` prompt, on prompt_toolkit (in the manner of ptpython).

- history persists in ``~/.ktwa_history`` (``KTWA_HISTORY`` names another file; empty: none)
- Tab completes built-ins, api functions and globals; after ``d``` the keys of dictionary d
  (columns of a table); after a bare backtick the symbols found in globals
- highlighting is Pygments' q lexer extended with ktwa's names
- Enter inserts a newline while a bracket, brace, paren or string is open
- Ctrl-C clears the line, or stops a running evaluation (``'stop``); Ctrl-D or ``\\\\`` exits
- while the prompt waits, the timer's ticks (``\\t N``) run .z.ts, printing above the prompt
"""
from __future__ import annotations

import asyncio
import os
import sys

from prompt_toolkit import PromptSession
from prompt_toolkit.application import run_in_terminal
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.lexers import PygmentsLexer
from pygments.lexer import inherit, words
from pygments.lexers.q import QLexer
from pygments.token import Name

from . import __version__
from .errors import QExit, from_python
from .session import Session


_Q_NAMES, API_NAMES = Session.builtin_names()
BUILTIN_NAMES = list(_Q_NAMES)


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

class QCompleter(Completer):
    """Names from the session (Session.complete): its globals, ktwa's api, the built-ins, and
    dictionary keys and table columns after a backtick."""

    def __init__(self, session):
        self.session = session

    def candidates(self, text: str) -> list[tuple[str, str]]:
        return self.session.complete(text)

    def get_completions(self, document, complete_event):
        text = document.text_before_cursor
        word = Session.completion_word(text)
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


def banner() -> str:
    import torch
    tv = torch.__version__.split("+")[0]
    device = "cuda" if torch.cuda.is_available() else "cpu"
    return f"ktwa {__version__}  torch {tv}  device {device}\n\\\\ or Ctrl-D to exit\n"


def make_prompt_session(session, history: History | None = None, **kw) -> PromptSession:
    return PromptSession(
        message=lambda: session.prompt,
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


async def _timer_ticks(app, session, out) -> None:
    """While the prompt waits for input: each tick of the timer runs .z.ts (Session.tick),
    its output above the prompt; an `exit` in it ends the prompt with that QExit."""
    while True:
        wait = session.timer_wait()
        if wait is None:
            return
        await asyncio.sleep(wait)
        try:
            await run_in_terminal(lambda: session.tick(out))
        except QExit as e:
            app.exit(exception=e)
            return


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
            text = ps.prompt(pre_run=lambda: ps.app.create_background_task(
                _timer_ticks(ps.app, session, out)))
        except KeyboardInterrupt:       # Ctrl-C at the prompt: drop the line
            continue
        except EOFError:                # Ctrl-D on an empty line
            return 0
        except QExit as e:              # `exit` in .z.ts while the prompt waited
            return e.code
        try:
            session.run(text, out=out, keep_going=True)
        except QExit as e:
            return e.code
        except KeyboardInterrupt:       # between statements or while printing
            out.write("'stop\n")
            out.flush()
        except Exception as e:          # the session is never lost to a stray error
            out.write(session.error_text(from_python(e)))
            out.flush()
