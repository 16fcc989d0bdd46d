"""One interpreter: owns the globals, the handle registry and the settings.

Front ends (CLI, REPL, notebook) and other programs talk to a Session, never to the runtime:

    s = Session()
    s.eval("til 3")          # -> array([0, 1, 2])   (raises QError on a q error)
    s.console("til 3")       # -> "0 1 2\\n"          (exactly what the q console prints)
    s.run_file("train.kt")   # script mode
"""
from __future__ import annotations

import sys
from dataclasses import dataclass


from .errors import Frame, QError
from . import runtime as _runtime  # noqa: F401  (registers the built-ins)
from .runtime.context import Context, Env
from .runtime.eval import Return, ev_block, is_suppressed
from .runtime.system import run_system, split_command
from .syntax.lexer import is_complete
from .syntax.parser import parse
from .values import types as T


@dataclass
class Statement:
    line: int       # 1-based line number of its first line
    text: str


def split_statements(text: str, script: bool = True) -> list[Statement]:
    """q's script rules: a line starting with a blank continues the previous statement; `/` lines
    are comments; a lone `/` opens a block comment closed by a lone `\\`; a lone `\\` ends the
    script; `\\\\` quits."""
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
if sys.getrecursionlimit() < 12000:
    sys.setrecursionlimit(12000)


class Session:
    """An independent q interpreter with its own globals and torch handles."""

    def __init__(self, stdout=None, stderr=None):
        self._stdout = stdout
        self._stderr = stderr
        self._capture: list | None = None
        self.ctx = Context(self, write=self._write)
        self._install_api()
        g = self.ctx.globals
        g[".Q.a"] = T.chars("abcdefghijklmnopqrstuvwxyz")
        g[".Q.A"] = T.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        g[".Q.an"] = T.chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789")
        g[".z.f"] = ""
        g[".z.x"] = []

    # ---- streams
    def _write(self, fd: int, text: str) -> None:
        if self._capture is not None:
            self._capture.append(text)
            return
        stream = (self._stdout or sys.stdout) if fd == 1 else (self._stderr or sys.stderr)
        stream.write(text)
        stream.flush()

    def _install_api(self):
        from .torchapi import install
        install(self.ctx)

    # ---- public api
    @staticmethod
    def is_complete(src: str) -> bool:
        """Is this input complete (no open bracket, brace, paren or string)? For front ends."""
        return is_complete(src)

    @staticmethod
    def builtin_names() -> tuple[list[str], list[str]]:
        """(q keyword names, torch api names), sorted: what a front end completes/highlights."""
        from .torchapi import API
        from .verbs.core import BUILTINS
        q = sorted(k for k in BUILTINS if (k[:1].isalpha() or k[:1] == ".") and k not in API)
        return q, sorted(API)

    def eval(self, src: str):
        """Evaluate q source and return its value (the last statement's). Raises QError."""
        value = None
        for st in split_statements(src, script=False):
            value = self._eval_statement(st.text)
        return value

    def console(self, src: str) -> str:
        """Exactly the text the q console prints for this input ('' when nothing prints)."""
        buf: list[str] = []
        saved = self._capture
        self._capture = buf
        try:
            for st in split_statements(src, script=False):
                try:
                    value, shown = self._run(st.text)
                    if shown:
                        buf.append(self.ctx.show(value))
                except QError as e:
                    buf.append(self.error_text(e, st.text))
                    break
                except KeyboardInterrupt:
                    buf.append("'stop\n")
                    break
        finally:
            self._capture = saved
        return "".join(buf)

    def evaluate(self, statement: str):
        """One console statement -> (value, shown): its value and whether the q) prompt displays
        it (not after `;` or an assignment). Raises QError. For front ends that render values
        themselves (notebooks); split input with split_statements(src, script=False) first."""
        return self._run(statement)

    def run_file(self, path: str, args: list[str] | None = None) -> None:
        """Run a script (q script rules); raises QError with file/line frames on an error."""
        if args is not None:
            self.ctx.globals[".z.x"] = [T.chars(a) for a in args]
        self.load(path)

    def load(self, path: str) -> None:
        """`\\l path`: run a script file in this session."""
        p = path[1:] if path.startswith(":") else path
        try:
            with open(p, encoding="utf-8") as fh:
                text = fh.read()
        except OSError as e:
            raise QError(f"{p}. OS reports: {e.strerror}") from None
        prev = self.ctx.globals.get(".z.f", "")
        self.ctx.globals[".z.f"] = p
        try:
            for st in split_statements(text, script=True):
                try:
                    value, shown = self._run(st.text)
                except QError as e:
                    if not getattr(e, "_located", False):
                        self._locate(e, st, p)
                    raise
                if shown:
                    self._write(1, self._script_echo(value))
        finally:
            self.ctx.globals[".z.f"] = prev

    def error_text(self, e: QError, source: str | None = None) -> str:
        from .display import error_text
        if not e.frames and source is not None:
            e.frames.append(_frame_for(source, e.span))
        # a script error inside a lambda shows the lambda frame and the script line
        return error_text(e, depth=0 if len(e.frames) > 1 else e.depth, all_frames=len(e.frames) > 1)

    # ---- internals
    def _eval_statement(self, text: str):
        value, _ = self._run(text)
        return value

    def _run(self, text: str):
        """Evaluate one statement chunk; returns (value, whether the console shows it)."""
        if text.startswith("\\"):
            cmd, arg = split_command(text)
            if cmd == "":
                return None, False
            value = run_system(self.ctx, cmd, arg)
            return value, value is not None
        block = parse(text)
        try:
            value = ev_block(block, Env(self.ctx))
        except Return as r:
            value = r.value
        return value, (value is not None and not is_suppressed(block))

    def _script_echo(self, value) -> str:
        s = self.ctx.one_line(value)
        cols = self.ctx.settings.cols
        lines = s.split("\n")
        out = []
        for ln in lines:
            out.append(ln if len(ln) <= cols else ln[:cols - 2] + "..")
        return "\n".join(out) + "\n"

    def _locate(self, e: QError, st: Statement, path: str):
        """Script errors name the file and line."""
        e._located = True
        if e.frames:
            # raised inside a lambda: add the script line that called it as the outer frame
            first = st.text.split("\n")[0]
            e.frames.append(Frame(first, -1, f"{path}:{st.line}: "))
            return
        f = _frame_for(st.text, e.span)
        line = st.line + st.text[:e.span[0]].count("\n") if e.span else st.line
        label = f"{path}:{line}: "
        e.frames.append(Frame(f.text, f.start, label))


def _frame_for(source: str, span) -> Frame:
    if span is None:
        first = source.split("\n")[0]
        return Frame(first, 0)
    start = span[0]
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", start)
    if line_end < 0:
        line_end = len(source)
    return Frame(source[line_start:line_end], start - line_start)
