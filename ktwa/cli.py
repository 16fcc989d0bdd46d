"""`ktwa` on the command line.

    ktwa                      the q) REPL (stdin, when not a terminal, is read as console input)
    ktwa FILE.kt [args]       run a script; args are strings in .z.x; exit 1 on an uncaught error
    ktwa -i FILE.kt [args]    run the script, then stay in the REPL
    ktwa -c 'src'             evaluate console input, print what the console shows
    ktwa --files read --root DIR ...   fence the files q code may reach (ktwa.fileaccess)

Errors print as q prints them (`'type`, then `  [0]  file.kt:3: x+`a` and a caret) on stderr.
"""
from __future__ import annotations

import argparse
import gc
import sys

from .errors import QError, QExit


def _session(files: str = "all", root: str | None = None):
    """A Session, made with the cyclic GC paused: start-up allocates a large, long-lived object
    graph (torch, the grammar, the built-ins) that full collections would walk again and again
    (~0.1 s of start-up). Frozen afterwards, later collections skip it too."""
    gc.disable()
    try:
        from .session import Session
        s = Session(files=files, root=root)
    finally:
        gc.freeze()
        gc.enable()
    return s


def _err(text: str) -> None:
    sys.stdout.flush()
    sys.stderr.write(text)
    sys.stderr.flush()


def run_source(session, src: str) -> int:
    """`-c`: each statement as the console shows it; the first error stops with exit code 1.
    `-1`/`-2` write to stdout/stderr as they happen."""
    return 0 if session.run(src, out=sys.stdout, err=sys.stderr) is None else 1


def _pipe_loop(session, stream) -> int:
    """stdin that is not a terminal: console input, one complete input at a time, each on its
    own (an error does not stop the next), as typed at the q) prompt."""
    buf = ""
    for line in stream:
        buf += line
        if not session.is_complete(buf):
            continue
        text, buf = buf.rstrip("\n"), ""
        session.run(text, out=sys.stdout, keep_going=True)
    return 0


def run_script(session, path: str, args: list[str]) -> int:
    try:
        session.run_file(path, args)
    except QError as e:
        _err(session.error_text(e))
        return 1
    except KeyboardInterrupt:
        _err("'stop\n")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="ktwa", description="q over PyTorch for weight averaging")
    ap.add_argument("-c", dest="src", help="evaluate q source and print what the console shows")
    ap.add_argument("-i", dest="interactive", action="store_true",
                    help="stay in the REPL after running the script")
    ap.add_argument("--files", choices=("all", "read", "none"), default="all",
                    help="which files q code may reach: all (default), read (no writes), none")
    ap.add_argument("--root", help="q code reaches files only below this folder")
    ap.add_argument("file", nargs="?", help="a .kt script to run")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script (.z.x)")
    argv = list(sys.argv[1:] if argv is None else argv)
    # `-c '-1"x"'`: q source may start with `-`, which argparse would read as an option
    if "-c" in argv[:-1]:
        k = argv.index("-c")
        if argv[k + 1].startswith("-"):
            argv[k:k + 2] = ["-c=" + argv[k + 1]]
    ns = ap.parse_args(argv)
    s = _session(ns.files, ns.root)
    try:
        if ns.src is not None:
            return run_source(s, ns.src)
        if ns.file:
            rc = run_script(s, ns.file, ns.args)
            if not ns.interactive:
                return rc
        if sys.stdin.isatty():
            from .repl import run_repl
            return run_repl(s)
        return _pipe_loop(s, sys.stdin)
    except QExit as e:
        return e.code


if __name__ == "__main__":
    sys.exit(main())
