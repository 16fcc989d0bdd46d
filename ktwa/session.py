"""One interpreter: owns the globals, the handle registry and the settings, and the one console
loop every front end uses.

Front ends (CLI, REPL, notebook) and other programs talk to a Session, never to the runtime:

    s = Session()
    s.eval("til 3")          # -> array([0, 1, 2])   (raises QError on a q error)
    s.console("til 3")       # -> "0 1 2\\n"          (exactly what the q console prints)
    s.run("til 3", out)      # the console loop, writing as it goes (REPL, -c, stdin, notebook)
    s.run_file("train.kt")   # script mode
    s.idle(ready)            # between inputs: the timer's ticks (`\\t N` runs .z.ts) until
                             # ready(seconds) says input has come
"""
from __future__ import annotations

import os

import re
import sys
import time
from dataclasses import dataclass
from functools import partial

import torch

from . import display
from .errors import Frame, QError, QExit, from_python
from .fileaccess import FileAccess
from .registry import Registry, is_handle
from .runtime import (BUILTINS, is_suppressed, new_context, parse, read_text, run_system,
                      split_command)
from .runtime.stack import keep_room, make_room
from .runtime.system import process_values
from .runtime.table import GLOBALS
from .syntax.lexer import is_complete
from .torchapi import API, distributed, install as install_api, interop, interrupts, memory
from .values import types as T
from .values.python import to_py, to_q


# The world of processes this one is a rank of (torch.distributed; a launcher such as torchrun
# sets it up). It belongs to the process, not to a Session: front ends join it once, before any
# q code runs, and leave it at exit.
launched = distributed.launched          # () -> did a launcher start this process as a rank?
join_world = distributed.join_world      # (backend=None, timeout=None); QError if others fail
leave_world = distributed.leave_world


def world() -> tuple[int, int]:
    """(this process's rank, the number of ranks): (0, 1) without a launcher."""
    return distributed.rank(), distributed.size()


@dataclass
class Statement:
    line: int       # 1-based line number of its first line
    text: str


def split_statements(text: str, script: bool = True) -> list[Statement]:
    """q's script rules: a line starting with a blank continues the previous statement; `/` lines
    are comments; a lone `/` opens a block comment closed by a lone `\\`; a lone `\\` ends the
    script; `\\\\` quits. Console input (script=False) also continues while a bracket is open."""
    if "\n" not in text and not text.startswith(("/", "#!", "\\")):
        return [Statement(1, text)] if text.strip() else []   # one console line: the common case
    out: list[Statement] = []
    cur: list[str] = []
    start = 0
    in_block = False
    lines = text.split("\n")
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if n == 1 and line.startswith("#!"):
            continue
        if in_block:
            if stripped == "\\":
                in_block = False
            continue
        if line.rstrip() == "/":
            in_block = True
            continue
        if line.rstrip() == "\\" and script:
            break
        if line.startswith("/"):
            continue
        if not stripped:
            continue
        if line[0] in " \t" and cur and not cur[0].startswith("\\"):
            # an indented comment line is no part of the statement: a lambda's text (`-3!`,
            # its display) is shown without it, as KX's tutorial says q shows them
            if not stripped.startswith("/"):
                cur.append(line)
            continue
        if stripped.startswith("/"):
            continue
        if cur and not script and not is_complete("\n".join(cur)):
            cur.append(line)          # console input: an open bracket continues the statement
            continue
        if cur:
            out.append(Statement(start, "\n".join(cur)))
        cur = [line]
        start = n
        if line.startswith("\\\\") and script:
            out.append(Statement(start, line))
            cur = []
            break
    if cur:
        out.append(Statement(start, "\n".join(cur)))
    return out


# q programs recurse through several Python frames per q call; give them room (q's own limit is
# a 'stack error, which RecursionError becomes)
make_room()

# what passes through the Session's boundary as it is (everything else becomes a q error)
_OURS = (QError, QExit, KeyboardInterrupt, SystemExit)

# words the grammar owns (not in the table of built-ins) that a user still wants completed
KEYWORDS = ("select", "exec", "update", "delete", "from", "by", "where", "if", "do", "while")

_NAME = re.compile(r"\.?[A-Za-z][\w.]*")
_SYMBOL_AFTER = re.compile(r"(?:(?<![\w.`])(\.?[A-Za-z][\w.]*))?`([\w.]*)$")
_WORD = re.compile(r"(?<![\w`])\.?[A-Za-z][\w.]*$|(?<![\w`])\.$")


class Session:
    """An independent q interpreter with its own globals and torch handles.

    `files` ("all", "read" or "none") and `root` fence the files q code may reach (see
    ktwa.fileaccess): a notebook server or a service embedding ktwa can keep scripts in one
    folder, or away from the disk altogether."""

    def __init__(self, stdout=None, stderr=None, files: str = "all", root=None):
        self._stdout = stdout
        self._stderr = stderr
        self._capture: list | None = None
        registry = Registry()
        self.ctx = new_context(api=API, display=display, registry=registry,
                               files=FileAccess(files, root), write=self._write, load=self.load,
                               tensor_bytes=partial(memory.tensor_bytes, registry))
        install_api(self.ctx)
        # q's secondary threads (`\\s`) are torch's intra-op threads
        self.ctx.threads = (torch.get_num_threads, torch.set_num_threads)
        g = self.ctx.globals
        g.update(GLOBALS)
        g.update(process_values())
        g[".z.f"] = ""
        g[".z.x"] = []
        # the console's language: a lone `\` typed at the prompt toggles between q and k
        # (syscmds.md); a `k)` line is k either way
        self.k = False

    # ---- streams
    def _write(self, fd: int, text: str) -> None:
        away = self.ctx.redirected.get(fd)      # \\1 file, \\2 file
        if away is not None:
            away.write(text)
            away.flush()
            return
        if self._capture is not None:
            self._capture.append(text)
            return
        stream = (self._stdout or sys.stdout) if fd == 1 else (self._stderr or sys.stderr)
        stream.write(text)
        stream.flush()

    # ---- evaluation
    def eval(self, src: str):
        """Evaluate q source and return its value (the last statement's). Raises QError."""
        value = None
        for st in split_statements(src, script=False):
            value, _ = self._run(st.text, self.k)
        return value

    def run(self, src: str, out=None, err=None, show=None, keep_going: bool = False):
        """The console loop: each statement of `src` evaluated in turn, what the q) prompt
        shows written as it happens. A shown value goes to `show(value)` when given, else its
        console text to `out`; an error's q report goes to `err` (default `out`) and ends the
        input unless `keep_going` (typed input: each line stands alone). Ctrl-C is `'stop`.
        Returns the last error (a QError), or None when all went well. `\\\\` raises QExit."""
        out = out if out is not None else sys.stdout
        err = err if err is not None else out
        failed = None
        away = self.ctx.redirected             # \\1 and \\2 send values and errors elsewhere
        for st in split_statements(src, script=False):
            try:
                value, shown = self._input(st.text)
                if shown:
                    if 1 in away:
                        self._write(1, self.show(value))
                    elif show is not None:
                        show(value)
                    else:
                        out.write(self.show(value))
            except QError as e:
                failed = e
                self._failed_primitive(e)
                _flush(out)
                _write_to(away.get(2, err), self.error_text(e, st.text))
            except KeyboardInterrupt as k:
                failed = QError("stop")
                _flush(out)
                _write_to(away.get(2, err), self.interrupt_text(k))
            finally:
                _flush(out)
                _flush(err)
            if failed is not None and not keep_going:
                break
        return failed

    def _failed_primitive(self, e: QError) -> None:
        """debug.md: where q's console suspends on an error, .z.ex is the primitive that failed
        and .z.ey its arguments. ktwa does not suspend, but the error it reports leaves them
        set, so they can be read at the next prompt (until the next such error). They are kept
        apart from the globals: arguments held there would pin what they refer to (an
        enumeration's domain could not grow)."""
        if e.failed is not None:
            self.ctx.failed = e.failed

    def console(self, src: str) -> str:
        """Exactly the text the q console prints for this input ('' when nothing prints):
        values, errors and what `-1`/`-2` write, in order."""
        buf: list[str] = []
        saved = self._capture
        self._capture = buf
        try:
            self.run(src, out=_Into(buf), err=_Into(buf))
        finally:
            self._capture = saved
        return "".join(buf)

    def run_file(self, path: str, args: list[str] | None = None) -> None:
        """Run a script (q script rules); raises QError with file/line frames on an error.
        The program chose this file, so the file fence applies to what the script reaches,
        not to the script itself."""
        if args is not None:
            self.ctx.globals[".z.x"] = [T.chars(a) for a in args]
        self._run_script(path)

    def load(self, path: str) -> None:
        """`\\l path`: run a script file in this session (q code asked: fenced). A `\\d` in
        the script lasts to its end: the namespace that loaded it is current again after it
        (KX's tutorial loads a script that ends in `\\d .tut`, then defines root functions)."""
        ns = self.ctx.ns
        try:
            self._run_script(self.ctx.files.path(path))
        finally:
            self.ctx.ns = ns

    def _run_script(self, p: str) -> None:
        """A script's statements in turn: a `.k` script is k (as q loads its own q.k)."""
        text = read_text(p)             # the one gate to the file system (ktwa.verbs.disk)
        k = p.endswith(".k")
        prev = self.ctx.globals.get(".z.f", "")
        self.ctx.globals[".z.f"] = p
        prev_at, full = self.ctx.script_at, os.path.abspath(p)
        try:
            for st in split_statements(text, script=True):
                self.ctx.script_at = (full, st.line, st.text)
                try:
                    value, shown = self._run(st.text, k)
                except QError as e:
                    if not getattr(e, "_located", False):
                        self._locate(e, st, p)
                    raise
                except KeyboardInterrupt as k:
                    # Ctrl-C stays an interrupt (no q trap catches it), but carries the script
                    # lines it stopped in, innermost first, so the report says where it was
                    k.frames = getattr(k, "frames", [])
                    k.frames.append(Frame(st.text.split("\n")[0], 0, f"{p}:{st.line}: "))
                    raise
                if shown:
                    self._write(1, self._script_echo(value))
        finally:
            self.ctx.globals[".z.f"] = prev
            self.ctx.script_at = prev_at

    # ---- the timer: `\\t N` runs .z.ts[.z.p] every N ms while the console waits for input
    def timer_wait(self) -> float | None:
        """Seconds until the timer's next tick (0.0 when one is due); None when it is off."""
        due = self.ctx.next_tick
        return None if due is None else max(0.0, due - time.monotonic())

    def idle(self, ready=None, err=None) -> bool:
        """The console loop's wait between inputs, as q's: each timer tick that falls due runs
        .z.ts (tick). `ready(seconds)` waits up to that long (None: for ever) and says whether
        input has come: idle returns True then. With no console (`ready` None: a script has
        run to its end) it waits only while the timer runs, and returns False when it is off.
        `exit` in .z.ts raises QExit."""
        while True:
            self.tick(err)
            wait = self.timer_wait()
            if ready is not None:
                if ready(wait):
                    return True
            elif wait is None:
                return False
            else:
                time.sleep(wait)

    def tick(self, err=None) -> None:
        """Run .z.ts once if a tick is due (with .z.p, the time it runs; ticks missed while
        something else ran are not made up). Its error is reported as the console reports one
        (to `err`, default stderr) and the timer goes on."""
        ctx = self.ctx
        due = ctx.next_tick
        now = time.monotonic()
        if due is None or now < due:
            return
        period = ctx.settings.timer / 1000
        ctx.next_tick = due + period if due + period > now else now + period
        handler = ctx.globals.get(".z.ts")
        if handler is None:
            return
        keep_room()
        try:
            try:
                ctx.apply(handler, [ctx.get_global(".z.p")])
            except _OURS:
                raise
            except Exception as e:
                raise from_python(e) from None
        except QError as e:
            text = self.error_text(e)
            if err is None:
                self._write(2, text)
            else:
                _write_to(ctx.redirected.get(2, err), text)

    # ---- what front ends show and ask
    def show(self, value) -> str:
        """The console text of a value (k's console shows k's one-line form)."""
        try:
            if self.k:
                return self._script_echo(value)
            return self.ctx.show(value)
        except _OURS:
            raise
        except Exception as e:
            raise from_python(e) from None

    def html(self, value) -> str | None:
        """An HTML table for a table or dictionary (notebooks), None for anything else."""
        if isinstance(value, (T.QTable, T.QDict)):
            return display.to_html(value, precision=self.ctx.settings.precision)
        return None

    def describe(self, value) -> str | None:
        """`class module, device cpu, size 6` for a live torch handle, None for anything else."""
        if not self.ctx.registry.has(value):
            return None
        parts = []
        for f in ("class", "device", "size"):
            parts.append(f"{f} {self.ctx.one_line(self.ctx.apply(API[f], [value]))}")
        return ", ".join(parts)

    def error_text(self, e: QError, source: str | None = None) -> str:
        """q's report of an error: `'msg`, then every frame from the innermost out, each with
        its `[n]` and a caret. `source` is the console statement the error came from."""
        if source is not None and not getattr(e, "_located", False):
            e._located = True
            e.frames.append(Frame.at(source, e.span))
        return display.error_text(e)

    @staticmethod
    def interrupt_text(k: KeyboardInterrupt) -> str:
        """The report of a Ctrl-C: `'stop`, then the script lines it stopped in (if any)."""
        e = QError("stop")
        e.frames = list(getattr(k, "frames", []))
        return display.error_text(e)

    @property
    def prompt(self) -> str:
        """The console prompt: `q)`, or `q.foo)` while `\\d .foo` is current; k's is two
        blanks."""
        return "  " if self.k else f"q{self.ctx.ns})"

    @staticmethod
    def is_complete(src: str) -> bool:
        """Is this input complete (no open bracket, brace, paren or string)? For front ends."""
        return is_complete(src)

    @staticmethod
    def builtin_names() -> tuple[list[str], list[str]]:
        """(q keyword names, torch api names), sorted: what a front end completes/highlights."""
        q = sorted(k for k in BUILTINS if _NAME.fullmatch(k) and k not in API)
        return q, sorted(API)

    def complete(self, text: str) -> list[tuple[str, str]]:
        """Completions for the text before the cursor: (word, kind) pairs, kind one of
        global, api, q, key (after ``d``` the keys of d, the columns of a table) or symbol
        (after a bare backtick: symbols found in the session's tables and dictionaries).
        Each word replaces the partial word at the end of `text`."""
        if _in_string(text):
            return []
        g = self.ctx.globals
        m = _SYMBOL_AFTER.search(text)
        if m:
            owner, prefix = m.group(1), m.group(2)
            if owner is not None:
                keys, kind = _keys_of(g.get(owner)), "key"
            else:
                keys, kind = _symbols_in(g), "symbol"
            return [(k, kind) for k in keys if k.startswith(prefix) and k != prefix]
        m = _WORD.search(text)
        if not m:
            return []
        prefix = m.group(0)
        out: dict[str, str] = {}
        for name in sorted(g):
            if name.startswith(prefix) and (name.startswith(".") == prefix.startswith(".")):
                out.setdefault(name, "global")
        q, api = self.builtin_names()
        for names, kind in ((api, "api"), (q, "q"), (KEYWORDS, "q")):
            for name in names:
                if name.startswith(prefix):
                    out.setdefault(name, kind)
        return [(k, kind) for k, kind in out.items() if k != prefix]

    @staticmethod
    def completion_word(text: str) -> str:
        """The partial word at the end of `text` that a completion replaces."""
        m = _SYMBOL_AFTER.search(text)
        if m:
            return m.group(2)
        w = _WORD.search(text)
        return w.group(0) if w else ""

    def pull(self, name: str):
        """The q global `name` as a Python value: numpy arrays, dicts, str (see values.python);
        for a handle, the torch object it names, shared (see torchapi.interop)."""
        v = self.ctx.get_global(name)
        if is_handle(v):
            return interop.from_handle(self.ctx.registry, v)
        return to_py(v)

    def push(self, name: str, value) -> None:
        """Set the q global `name` to a Python value (see values.python). A torch module,
        tensor, optimizer, or dict/list of tensors becomes a handle sharing that object: what q
        does to it, Python sees (see torchapi.interop). Raises QError."""
        if interop.is_torch(value):
            v = interop.to_handle(self.ctx.registry, value)
        else:
            try:
                v = to_q(value)
            except TypeError as e:
                raise QError(f"type: {e}") from None
        self.ctx.set_global(name, v)

    # ---- internals
    def _run(self, text: str, k: bool = False):
        """Evaluate one statement, as k if k is true; returns (value, whether the console
        shows it). System commands (`\\ts x`, `\\l f`) take this one route. Whatever escapes
        the evaluator becomes a q error here: nothing a user types may end in a Python
        traceback."""
        keep_room()
        try:
            with interrupts.gate():     # Ctrl-C held during updates by a flag, not a swap each
                if text.startswith("\\"):
                    cmd, arg = split_command(text)
                    if cmd == "":
                        return None, False
                    value = run_system(self.ctx, cmd, arg)
                    return value, value is not None
                block = parse(text, k)
                value = self.ctx.run_block(block, text)
                return value, (value is not None and not is_suppressed(block))
        except _OURS:
            raise
        except Exception as e:
            raise from_python(e) from None

    def _input(self, text: str):
        """A console input: .z.pi's to handle when it is set (dotz.md: the line, newline
        included, as a string; what it returns is not shown), else evaluated as usual."""
        handler = self.ctx.globals.get(".z.pi")
        if handler is None:
            if text.strip() == "\\":          # a lone `\`: q <-> k (syscmds.md)
                self.k = not self.k
                return None, False
            return self._run(text, self.k)
        keep_room()
        try:
            self.ctx.apply(handler, [T.chars(text + "\n")])
        except _OURS:
            raise
        except Exception as e:
            raise from_python(e) from None
        return None, False

    def _script_echo(self, value) -> str:
        s = self.ctx.one_line(value)
        cols = self.ctx.settings.cols
        lines = s.split("\n")
        out = []
        for ln in lines:
            out.append(ln if len(ln) <= cols else ln[:cols - 2] + "..")
        return "\n".join(out) + "\n"

    def _locate(self, e: QError, st: Statement, path: str):
        """A script error's outermost frame names the file and line."""
        e._located = True
        f = Frame.at(st.text, e.span)
        line = st.line + st.text[:e.span[0]].count("\n") if e.span else st.line
        e.frames.append(Frame(f.text, f.start, f"{path}:{line}: "))


class _Into:
    """A stream that appends to a list (Session.console's capture)."""

    def __init__(self, buf: list):
        self.buf = buf

    def write(self, text: str) -> None:
        self.buf.append(text)

    def flush(self) -> None:
        pass


def _write_to(stream, text: str) -> None:
    stream.write(text)
    _flush(stream)


def _flush(stream) -> None:
    f = getattr(stream, "flush", None)
    if f is not None:
        f()


# ---- completion helpers

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
    if T.is_syms(v):
        return [s for s in v.tolist() if isinstance(s, str)]
    return []


def _keys_of(v) -> list[str]:
    """What may follow ``v``` : a dictionary's symbol keys, a table's (or keyed table's) columns."""
    if isinstance(v, T.QTable):
        return list(v.cols)
    if isinstance(v, T.QDict):
        if isinstance(v.keys, T.QTable):
            out = list(v.keys.cols)
            if isinstance(v.values, T.QTable):
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
        t = v.keys if isinstance(v, T.QDict) and isinstance(v.keys, T.QTable) else v
        tables = [t] + ([v.values] if isinstance(v, T.QDict) and isinstance(v.values, T.QTable)
                        else [])
        for tab in tables:
            if isinstance(tab, T.QTable):
                for col in tab.data:
                    seen.update(dict.fromkeys(_syms(col)[:limit]))
        if len(seen) > limit:
            break
    return [s for s in seen if s]
