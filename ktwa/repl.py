"""The interactive `q)` loop. A plain loop for now: read, evaluate, print, until `\\\\` or EOF."""
from __future__ import annotations

import sys

from .errors import QExit


def run_repl(session) -> int:
    from .syntax.lexer import is_complete
    buf = ""
    while True:
        try:
            line = input("q)" if not buf else "")
        except EOFError:
            return 0
        except KeyboardInterrupt:
            buf = ""
            sys.stdout.write("\n")
            continue
        buf = f"{buf}\n{line}" if buf else line
        if not is_complete(buf):
            continue
        src, buf = buf, ""
        try:
            sys.stdout.write(session.console(src))
        except QExit as e:
            return e.code
