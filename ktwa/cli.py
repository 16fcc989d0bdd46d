"""`ktwa FILE.kt [args]`, `ktwa -c 'src'`, `ktwa -i FILE`, `ktwa` (REPL; stdin when piped)."""
from __future__ import annotations

import argparse
import sys

from .errors import QError, QExit


def _session():
    from .session import Session
    return Session()


def _pipe_loop(session, stream) -> int:
    """stdin that is not a terminal: each complete input is evaluated and printed as the console would."""
    from .syntax.lexer import is_complete
    buf = ""
    for line in stream:
        buf += line
        if not is_complete(buf):
            continue
        src, buf = buf.rstrip("\n"), ""
        if not src.strip():
            continue
        try:
            out = session.console(src)
        except QExit as e:
            return e.code
        sys.stdout.write(out)
        sys.stdout.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="ktwa", description="q over PyTorch for weight averaging")
    ap.add_argument("-c", dest="src", help="evaluate q source and print what the console shows")
    ap.add_argument("-i", dest="interactive", action="store_true",
                    help="stay in the REPL after running the script")
    ap.add_argument("file", nargs="?", help="a .kt script to run")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script (.z.x)")
    ns = ap.parse_args(argv)
    s = _session()
    try:
        if ns.src is not None:
            out = s.console(ns.src)
            sys.stdout.write(out)
            return 1 if out.startswith("'") else 0
        if ns.file:
            try:
                s.run_file(ns.file, ns.args)
            except QError as e:
                sys.stdout.flush()
                sys.stderr.write(s.error_text(e))
                return 1
            except KeyboardInterrupt:
                sys.stderr.write("'stop\n")
                return 1
            if not ns.interactive:
                return 0
        if sys.stdin.isatty():
            from .repl import run_repl
            return run_repl(s)
        return _pipe_loop(s, sys.stdin)
    except QExit as e:
        return e.code


if __name__ == "__main__":
    sys.exit(main())
