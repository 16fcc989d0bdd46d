"""`ktwa` on the command line.

    ktwa                      the q) REPL (stdin, when not a terminal, is read as console input)
    ktwa FILE.kt [args]       run a script; args are strings in .z.x; exit 1 on an uncaught error
                              (q's own options among them, `-t 100 -P 3 -c 25 80`..., are
                              read as q reads them and are not in .z.x)
    ktwa -i FILE.kt [args]    run the script, then stay in the REPL
    ktwa -c 'src'             evaluate console input, print what the console shows
    ktwa --files read --root DIR ...   fence the files q code may reach (ktwa.fileaccess)
    ktwa --nproc N FILE.kt    N ranks on this machine, started by torch's own launcher
                              (torch.distributed.run, as `torchrun --nproc-per-node N -m ktwa`);
                              --nnodes, --node-rank, --rdzv-* and --master-* go to it as they are
    torchrun ... -m ktwa FILE.kt       each rank joins the world torchrun set up (gloo; NCCL for
                              CUDA tensors), --backend and --timeout SECONDS (for a rank that
                              dies or never comes; default 1800) choose how

Errors print as q prints them (`'type`, then `  [0]  file.kt:3: x+`a` and a caret) on stderr;
in a world of several ranks each line of the report starts with `[rankN]: `.
"""
from __future__ import annotations

import argparse
import gc
import io
import os
import select
import sys
import time

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


class _Ranked:
    """stderr for error reports in a world of several ranks: each line names the rank (torch's
    own `[rank1]: ` form), since every rank writes to the same terminal."""

    def __init__(self, stream, rank: int):
        self.stream, self.head, self.fresh = stream, f"[rank{rank}]: ", True

    def write(self, text: str) -> None:
        out = []
        for line in text.splitlines(keepends=True):
            out.append((self.head if self.fresh else "") + line)
            self.fresh = line.endswith("\n")
        self.stream.write("".join(out))

    def flush(self) -> None:
        self.stream.flush()


def _errors():
    """Where error reports go: stderr, each line naming the rank when there are several."""
    from .session import world
    rank, size = world()
    return _Ranked(sys.stderr, rank) if size > 1 else sys.stderr


def run_source(session, src: str) -> int:
    """`-c`: each statement as the console shows it; the first error stops with exit code 1.
    `-1`/`-2` write to stdout/stderr as they happen."""
    return 0 if session.run(src, out=sys.stdout, err=_errors()) is None else 1


class _Lines:
    """Console input read from a pipe or file, a line at a time, that can also say whether a
    line is there within some seconds (so the timer's ticks run while the console waits).
    It reads the file descriptor itself: lines a buffered reader had taken in would be
    invisible to select. A stream with no descriptor (a test's StringIO) is always ready."""

    def __init__(self, stream):
        self.stream, self.pending, self.ended = stream, b"", False
        try:
            self.fd = stream.fileno() if sys.platform != "win32" else None
        except (AttributeError, OSError, io.UnsupportedOperation):
            self.fd = None

    def ready(self, seconds: float | None) -> bool:
        if self.fd is None or self.ended or b"\n" in self.pending:
            return True
        until = None if seconds is None else time.monotonic() + seconds
        while True:
            left = None if until is None else max(0.0, until - time.monotonic())
            if not select.select([self.fd], [], [], left)[0]:
                return False
            data = os.read(self.fd, 65536)
            if not data:
                self.ended = True
                return True
            self.pending += data
            if b"\n" in self.pending:
                return True

    def readline(self) -> str:
        """The next line, its newline kept; "" at the end (as a file's readline)."""
        if self.fd is None:
            return self.stream.readline()
        while not self.ready(None):
            pass
        line, nl, self.pending = self.pending.partition(b"\n")
        return (line + nl).decode("utf-8", "surrogateescape")


def _pipe_loop(session, stream) -> int:
    """stdin that is not a terminal: console input, one complete input at a time, each on its
    own (an error does not stop the next), as typed at the q) prompt; while it waits for the
    next line, the timer's ticks run (`\\t N`, .z.ts)."""
    lines = _Lines(stream)
    session.ctx.stdin = lines           # read0 0 takes the next line from the same reader
    buf = ""
    while session.idle(lines.ready):
        line = lines.readline()
        if not line:
            break
        buf += line
        if not session.is_complete(buf):
            continue
        text, buf = buf.rstrip("\n"), ""
        session.run(text, out=sys.stdout, keep_going=True)
    return 0


def _stay_for_the_timer(session) -> int:
    """A script (or -c input) has run to its end: while its timer runs, the process stays in
    its loop running .z.ts, as q stays at its console, until `exit` or `\\\\` (exit code as
    given), the timer is turned off (0), or Ctrl-C (1)."""
    try:
        session.idle(err=_errors())
    except KeyboardInterrupt as k:
        _report(session.interrupt_text(k))
        return 1
    return 0


def _report(text: str) -> None:
    sys.stdout.flush()
    err = _errors()
    err.write(text)
    err.flush()


# q's own single-letter options (cmdline.md) and how many parameters each takes: q reads
# them, and .z.x holds the rest of the arguments (dotz.md: `q test.q -P 0 -abc 123` gives
# .z.x ("-abc";"123"))
_Q_OPTIONS = {"b": 0, "c": 2, "C": 2, "e": 1, "E": 1, "g": 1, "l": 0, "L": 0, "m": 1, "o": 1,
              "p": 1, "P": 1, "q": 0, "r": 1, "s": 1, "S": 1, "t": 1, "T": 1, "u": 1, "U": 1,
              "w": 1, "W": 1, "z": 1}
# those whose system command ktwa has (the others report why not, as `\p 5001` does)
_AS_COMMAND = frozenset("cCegopPsStTuUwWz")


def q_options(args: list[str]) -> tuple[list[str], list[str]]:
    """A script's arguments -> (.z.x: those that are not q's own options, the system
    commands q's options stand for: `-t 100` is `\\t 100`)."""
    rest, cmds = [], []
    k = 0
    while k < len(args):
        a = args[k]
        o = a[1:] if len(a) == 2 and a[0] == "-" else None
        if o in _Q_OPTIONS:
            n = _Q_OPTIONS[o]
            params = args[k + 1:k + 1 + n]
            k += 1 + n
            if o == "q":
                continue                # quiet: ktwa prints no banner to leave out
            cmds.append("\\" + " ".join([o] + params) if o in _AS_COMMAND else "-" + o)
            continue
        rest.append(a)
        k += 1
    return rest, cmds


def run_script(session, path: str, args: list[str]) -> int:
    args, cmds = q_options(args)
    for c in cmds:                      # as q does at start-up: a refused one is reported
        if c.startswith("-"):           # -b -l -L -m -r -E: blocking, logs, memory domains,
            _report(f"'nyi: {c}: ktwa has no such q option\n")     # replicas, TLS
        else:
            session.run(c, out=sys.stdout, err=_errors())
    try:
        session.run_file(path, args)
    except QError as e:
        _report(session.error_text(e))
        return 1
    except KeyboardInterrupt as k:
        _report(session.interrupt_text(k))
        return 1
    return 0


# torchrun's options that `ktwa --nproc` passes to it as they are (several machines)
_LAUNCHER = ("--nnodes", "--node-rank", "--rdzv-backend", "--rdzv-endpoint", "--rdzv-id",
             "--rdzv-conf", "--master-addr", "--master-port", "--local-addr")


def _rank_argv(ns) -> list[str]:
    """The command line each rank's `python -m ktwa` gets: this one without the launcher's
    options."""
    out = []
    if ns.files != "all":
        out += ["--files", ns.files]
    if ns.root:
        out += ["--root", ns.root]
    if ns.backend:
        out += ["--backend", ns.backend]
    if ns.timeout is not None:
        out += ["--timeout", repr(ns.timeout)]
    if ns.src is not None:
        out.append("-c=" + ns.src)
    if ns.file:
        out += [ns.file, *ns.args]
    return out


def launch(ns) -> int:
    """`ktwa --nproc N ...`: torch's launcher (torch.distributed.run, what torchrun runs) starts
    N ranks of `python -m ktwa ...` here (more with --nnodes), waits for them, and stops every
    one of them when one fails or on Ctrl-C. Exit 0 when all succeed."""
    if ns.nproc < 1:
        _err("ktwa: --nproc expects a positive number of processes\n")
        return 2
    if ns.interactive or (ns.src is None and not ns.file):
        _err("ktwa: --nproc runs a script or -c source on every rank, not the REPL\n")
        return 2
    from torch.distributed.elastic.multiprocessing.api import SignalException
    from torch.distributed.elastic.multiprocessing.errors import ChildFailedError
    from torch.distributed.run import get_args_parser, run
    targs = ["--nproc-per-node", str(ns.nproc)]
    for opt in _LAUNCHER:
        v = getattr(ns, opt[2:].replace("-", "_"))
        if v is not None:
            targs += [opt, str(v)]
    targs += ["--module", "ktwa", *_rank_argv(ns)]
    # ranks share the cores: torch's launcher would set one thread each, with a warning
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // ns.nproc)))
    try:
        run(get_args_parser().parse_args(targs))
    except ChildFailedError as e:
        for r, f in sorted(e.failures.items()):
            how = f"signal {f.signal_name()}" if f.exitcode < 0 else f"exit code {f.exitcode}"
            _err(f"ktwa: rank {r} failed ({how})\n")
        return 1
    except SignalException as e:
        return 128 + int(e.sigval)
    except Exception as e:          # the launcher's own failure (a rendezvous that never
        _err(f"ktwa: torch's launcher failed: {e}\n")    # forms...): said, not a traceback
        return 1
    return 0


def _raw_streams() -> None:
    """stdout and stderr write what q writes: a string's bytes that are not UTF-8 (`-1
    "\\377"`) go out as those bytes (the "ktwa.raw" handler, which the session's file verbs
    register: call this once a Session is made), not as U+FFFD nor an encoding error."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="ktwa.raw")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="ktwa", description="q over PyTorch for weight averaging")
    ap.add_argument("-c", dest="src", help="evaluate q source and print what the console shows")
    ap.add_argument("-i", dest="interactive", action="store_true",
                    help="stay in the REPL after running the script")
    ap.add_argument("--files", choices=("all", "read", "none"), default="all",
                    help="which files q code may reach: all (default), read (no writes), none")
    ap.add_argument("--root", help="q code reaches files only below this folder")
    ap.add_argument("--nproc", type=int, help="start N ranks with torch's launcher (torchrun)")
    for opt in _LAUNCHER:
        ap.add_argument(opt, help=f"given to torch's launcher with --nproc ({opt} of torchrun)")
    ap.add_argument("--backend", help="the ranks' torch.distributed backend: gloo, nccl, or "
                    "cpu:gloo,cuda:nccl (the default with a GPU)")
    ap.add_argument("--timeout", type=float,
                    help="seconds a rank waits for the others (a rank that dies or never joins)")
    ap.add_argument("file", nargs="?", help="a .kt script to run")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script (.z.x)")
    argv = list(sys.argv[1:] if argv is None else argv)
    # `-c '-1"x"'`: q source may start with `-`, which argparse would read as an option
    if "-c" in argv[:-1]:
        k = argv.index("-c")
        if argv[k + 1].startswith("-"):
            argv[k:k + 2] = ["-c=" + argv[k + 1]]
    ns = ap.parse_args(argv)
    if ns.nproc is not None:
        return launch(ns)
    s = _session(ns.files, ns.root)
    _raw_streams()
    from .session import join_world, launched, leave_world
    if launched():                  # a rank started by torchrun: join the others first
        try:
            join_world(ns.backend, ns.timeout)
        except QError as e:
            _err(f"'{e.msg}\n")
            return 1
    rc = 1
    try:
        rc = _main(s, ns)
    finally:
        leave_world(clean=rc == 0)
    if launched():
        _end_rank(s, rc)
    return rc


def _end_rank(session, rc: int) -> None:
    """A rank has left its world: write out what it wrote and end the process here, before
    Python's shutdown destroys torch's C++ globals. A rank that had run cleanly was once seen
    (in CI, 1 run in many) to abort in that shutdown with "terminate called without an active
    exception", a thread object destroyed while its thread still ran, and the launcher then
    reports the whole job failed; nothing after this point needs the interpreter's teardown
    (a file handle's writes are each closed as made; only `\\1`/`\\2` streams stay open)."""
    for stream in list(session.ctx.redirected.values()):
        stream.close()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(rc)


def _main(s, ns) -> int:
    s.ctx.stdin = sys.stdin             # read0 0 reads what the user types next
    try:
        if ns.src is not None:
            return run_source(s, ns.src) or _stay_for_the_timer(s)
        if ns.file:
            rc = run_script(s, ns.file, ns.args)
            if not ns.interactive:
                return rc or _stay_for_the_timer(s)
        if sys.stdin.isatty():
            from .repl import run_repl
            return run_repl(s)
        return _pipe_loop(s, sys.stdin)
    except QExit as e:
        return e.code


if __name__ == "__main__":
    sys.exit(main())
