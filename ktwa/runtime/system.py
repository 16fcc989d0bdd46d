"""System commands: `\\ts[:n] e`, `\\t[:n] e`, `\\l f`, `\\P n`, `\\c r c`, `\\S n`, `\\s n`, `\\v`,
`\\w`, `\\cd`, `\\d [ns]`, `\\\\` (COMMANDS says what each does; `help` shows it)."""
from __future__ import annotations

import functools
import getpass
import os
import platform
import re
import socket
import sys
import time
import tracemalloc

import numpy as np

from ..errors import QError, QExit
from ..values import types as T
from ..values import temporal as tm
from ..values.functions import Definitions, QFunction
from ..verbs import disk, files, partitions

define = Definitions()

# name -> its call forms and meaning, as `help"\\w"` shows them
COMMANDS = {
    "a": "\\a  the names of the tables among the globals",
    "b": "\\b  the names of the views (`v::e`)",
    "B": "\\B  the names of the views pending: not evaluated since what they use changed",
    "c": "\\c | \\c r c  console rows and columns shown; set them",
    "cd": "\\cd | \\cd dir  the working directory, as a string; change it",
    "d": "\\d | \\d .ns  the current namespace; make .ns current",
    "e": "\\e | \\e n  how errors in client requests are handled (0 1 2); set it (ktwa has no "
         "clients yet: kept, not used)",
    "g": "\\g | \\g 0|1  garbage collection mode, deferred (0) or immediate (1); set it "
         "(then .Q.gc[]; Python frees memory as it will: kept, not used)",
    "f": "\\f  the names of the functions among the globals",
    "l": "\\l file | \\l dir  run the script file in this session; load a splayed table, or a "
         "database (which becomes the working directory)",
    "o": "\\o | \\o n  local time's offset from UTC (0N: the OS's); set it, in hours, or "
         "minutes when abs n>23 (.z.P .z.T ...)",
    "p": "\\p  the listening port: 0i, as ktwa does not listen (setting one is nyi)",
    "P": "\\P | \\P n  digits shown for floats (0: 17, all of them); set them",
    "r": "\\r src dst  rename the file src to dst",
    "S": "\\S | \\S n | \\S 0N  the random seed; set it (restarts q's random sequence); the "
         "generator's state as a seed that \\S takes back",
    "t": "\\t | \\t N | \\t e | \\t:n e  the timer's interval; run .z.ts every N ms (0: off); "
         "milliseconds to evaluate e (n times)",
    "ts": "\\ts e | \\ts:n e  milliseconds and bytes to evaluate e (n times)",
    "v": "\\v  the names of the variables (not functions) among the globals",
    "w": "\\w  memory as 6 longs: bytes in torch tensors the session's handles hold, process "
         "RSS, peak RSS, 0 (no limit), 0 (no maps), physical memory; \\w 0: the count and "
         "bytes of the distinct symbols the globals hold",
    "x": "\\x .z.h  unset the handler .z.h (.z.ps .z.pi .z.vs .z.exit ...): q's default again",
    "z": "\\z | \\z 0|1  how \"D\"$ reads dd/dd/yyyy: month first (0) or day first (1); set it",
    "1": "\\1 file  what the session writes to stdout (values shown, -1) appends to file "
         "(\\1 /dev/stdin: back to the console)",
    "2": "\\2 file  what the session writes to stderr (errors, -2) appends to file "
         "(\\2 /dev/stderr: back)",
    "_": "\\_  whether client writes are blocked: 0b (ktwa has no -b); \\_ f.q is nyi",
    "\\": "\\\\  exit",
}

_WHOLE = re.compile(r"-?\d+")
_TIMED = re.compile(r"^(ts|t)(?::(\S+))?(?:\s+(.*))?$", re.S)


def _repeats(ctx, text: str | None) -> int:
    """The n of `\\t:n e`: digits, or a q expression giving a whole number (`\\t:n f x`
    with n a global, as scripts write it)."""
    if text is None:
        return 1
    if text.isdigit():
        return int(text)
    n = ctx.eval_text(text)
    if T.qtype(n) not in (-5, -6, -7):
        raise QError("type")
    return max(int(n), 0)


def _timed(run, n: int, space: bool):
    """Call run() n times: (milliseconds, peak bytes allocated meanwhile, the last result). The
    space is what Python and numpy allocated at the peak above what was held before
    (tracemalloc, on only while it runs, so the times include its cost; torch's own CPU
    allocations are not seen)."""
    tracing = space and not tracemalloc.is_tracing()
    if tracing:
        tracemalloc.start()
    base = 0
    if space:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
    r = None
    try:
        t0 = time.perf_counter()
        for _ in range(n):
            r = None                   # the last run's result is not held while the next runs
            r = run()
        ms = int((time.perf_counter() - t0) * 1000)
        peak = tracemalloc.get_traced_memory()[1] if space else 0
    finally:
        if tracing:
            tracemalloc.stop()
    return ms, max(peak - base, 0), r


_NS_NAME = re.compile(r"^(\.[A-Za-z][A-Za-z0-9_]*)+$")


def _directory(ctx, ns: str):
    """`\\d`: the current namespace (`` `. `` for the root); `\\d .foo` makes .foo current,
    so the names made at the top level from now on live in it."""
    if not ns:
        return ctx.ns or "."
    if ns == ".":
        ctx.ns = ""
    elif _NS_NAME.match(ns):
        ctx.ns = ns
    else:
        raise QError("domain")
    return None


def split_command(line: str) -> tuple[str, str]:
    """`\\ts:10 expr` -> ("ts:10", "expr"). A trailing comment (` / ...`) is no part of a
    command's argument (`\\l dat/t   / load it` loads dat/t); an expression keeps it for the
    parser, which knows a string from a comment."""
    body = line[1:] if line.startswith("\\") else line
    m = re.match(r"^(\S*)\s*(.*)$", body, re.S)
    cmd, arg = m.group(1), m.group(2)
    if cmd.split(":")[0] not in ("t", "ts"):
        arg = re.sub(r"^/(\s.*)?$|\s+/.*$", "", arg, flags=re.S)
    return cmd, arg


def run_system(ctx, cmd: str, arg: str):
    m = _TIMED.match(cmd + ((" " + arg) if arg else ""))
    if cmd.split(":")[0] in ("t", "ts") and m:
        kind, n, src = m.group(1), _repeats(ctx, m.group(2)), (m.group(3) or "").strip()
        if kind == "t" and m.group(2) is None and (not src or _WHOLE.fullmatch(src)):
            return _timer(ctx, src)
        if not src:
            raise QError("ts")
        block = ctx.parse(src)
        ms, space, _ = _timed(lambda: ctx.run_block(block), n, kind == "ts")
        if kind == "t":
            return np.int64(ms)
        return np.array([ms, space], dtype=np.int64)
    s = ctx.settings
    if cmd == "P":
        if not arg.strip():
            return np.int32(s.precision)
        try:
            p = int(arg.strip())
        except ValueError:
            raise QError("type") from None
        if not 0 <= p <= 17:
            raise QError("domain")
        s.precision = p
        return None
    if cmd == "c":
        if not arg.strip():
            return np.array([s.rows, s.cols], dtype=np.int32)
        parts = arg.split()
        try:
            r, c = int(parts[0]), int(parts[1])
        except (ValueError, IndexError):
            raise QError("type") from None
        s.rows, s.cols = max(r, 10), max(c, 10)
        return None
    if cmd == "S":
        if not arg.strip():
            return np.int32(s.seed)
        if arg.strip() == "0N":
            return _seed_now(ctx)
        s.seed = _whole(arg)
        ctx.reseed()
        return None
    if cmd == "p":
        return _port(arg.strip())
    if cmd == "o":
        return _offset(ctx, arg.strip())
    if cmd == "z":
        return _date_order(arg.strip())
    if cmd == "e":
        if not arg.strip():
            return np.int32(s.error_trap)
        mode = _whole(arg)
        if mode not in (0, 1, 2):
            raise QError("domain")
        s.error_trap = mode
        return None
    if cmd == "g":
        if not arg.strip():
            return np.int32(s.gc_mode)
        mode = _whole(arg)
        if mode not in (0, 1):
            raise QError("domain")
        s.gc_mode = mode
        _collect(ctx, None)          # syscmds.md: setting the mode runs .Q.gc[]
        return None
    if cmd in ("1", "2"):
        return _redirect(ctx, int(cmd), arg.strip())
    if cmd == "r":
        return _rename(ctx, arg.split())
    if cmd == "_":
        if arg.strip():
            raise QError("nyi: \\_ f.q: ktwa makes no locked scripts")
        return np.bool_(False)
    if cmd == "s":
        return _threads(ctx, arg.strip())
    if cmd == "l":
        path = arg.strip()
        if not path:
            raise QError("l")
        if files.is_folder(ctx, path):               # a splayed table, or a database
            return load_directory(ctx, path, cd=True, scripts=True)
        ctx.load(path)
        return None
    if cmd == "\\" or cmd == "exit":
        leave(ctx, np.int64(0))
    if cmd in ("v", "f", "a"):
        ns = arg.strip() if arg.strip() not in ("", ".") else ("" if arg.strip() else ctx.ns)
        known = ctx.namespace_names(ns)
        if ns and not known and ns != ctx.ns:       # no such namespace (syscmds.md: \a .n)
            raise QError(ns)
        values = {k: ctx.get_global(k, ns) for k in known}
        names = sorted(k for k, v in values.items()
                       if not isinstance(v, T.QDict) or T.is_keyed(v)
                       or ctx.qualify(k, ns) in ctx.globals)
        if cmd == "f":
            names = [k for k in names if isinstance(values[k], QFunction)]
        elif cmd == "a":
            # a table q maps from disk where some partition lacks it (+`a`b!`t) is one too
            names = [k for k in names if isinstance(values[k], T.QTable) or T.is_keyed(values[k])
                     or isinstance(values[k], T.DiskRef) and values[k].flipped]
        else:
            names = [k for k in names if not isinstance(values[k], QFunction)]
        return np.array(names, dtype=object) if names else np.array([], dtype=object)
    if cmd in ("b", "B"):
        return views(ctx, pending=cmd == "B")
    if cmd == "w":
        if arg.strip() == "0":
            return np.array(symbol_use(ctx), dtype=np.int64)
        if arg.strip():
            raise QError("nyi: \\w n: ktwa has no workspace limit to set")
        return workspace(ctx)
    if cmd == "x":
        return _unset_handler(ctx, arg.strip())
    if cmd == "cd":
        return _cd(ctx, arg.strip())
    if cmd == "d":
        return _directory(ctx, arg.strip())
    if cmd == "":
        return None
    raise QError(f"\\{cmd}: system commands are not passed to the OS shell")


def _whole(arg: str) -> int:
    """A system command's whole-number argument (`\\S 42`, `\\e 1`)."""
    try:
        return int(arg.strip())
    except ValueError:
        raise QError("type") from None


def _timer(ctx, arg: str):
    """`\\t`: the timer's interval in milliseconds (0: off); `\\t N` sets it, the first tick N
    ms from now. The console loop (Session.idle) runs .z.ts[.z.p] at each tick."""
    s = ctx.settings
    if not arg:
        return np.int32(s.timer)
    ms = int(arg)
    if ms < 0:
        raise QError("domain")
    s.timer = ms
    ctx.next_tick = time.monotonic() + ms / 1000 if ms else None
    return None


def _seed_now(ctx):
    """`\\S 0N`: the random generator's state now, as a seed that `\\S` takes back (so
    `x:system"S 0N"; r:10?10; system"S ",string x; r~10?10` holds). ktwa's generator's state
    is larger than an int, so the generator is restarted from a seed it draws, and that seed
    is the answer; `\\S` alone still shows the last seed a user set."""
    seed = int(ctx.rng.integers(1, 2**31 - 1))
    ctx.rng = ctx.seeded(seed)
    return np.int32(seed)


def _port(arg: str):
    """`\\p`: the listening port, 0i (not listening); `\\p 0` keeps it so. ktwa has no IPC
    server to listen with."""
    if not arg or arg == "0":
        return np.int32(0) if not arg else None
    raise QError("nyi: \\p n: ktwa does not listen for connections")


def _offset(ctx, arg: str):
    """`\\o`: local time's offset from UTC, 0N when it is the OS's; `\\o n` sets it, n hours
    or, when abs n>23, minutes (syscmds.md); `\\o 0N` back to the OS's."""
    s = ctx.settings
    if not arg:
        if s.utc_offset is None:
            return T.NULL_I
        m = s.utc_offset
        return np.int32(m // 60 if m % 60 == 0 and abs(m // 60) <= 23 else m)
    if arg == "0N":
        s.utc_offset = None
        return None
    n = _whole(arg)
    s.utc_offset = n * 60 if abs(n) <= 23 else n
    return None


def _date_order(arg: str):
    """`\\z`: how "D"$ reads dd/dd/yyyy (0: month first, 1: day first); `\\z 0|1` sets it."""
    if not arg:
        return np.int32(1 if tm.DATE_ORDER["day_first"] else 0)
    n = _whole(arg)
    if n not in (0, 1):
        raise QError("domain")
    tm.DATE_ORDER["day_first"] = n == 1
    return None


# names that send `\\1`/`\\2` back to where the process's output went when it started
_CONSOLE = ("/dev/stdin", "/dev/stdout", "/dev/stderr", "/dev/tty")


def _redirect(ctx, fd: int, arg: str):
    """`\\1 file`, `\\2 file`: what the session writes to stdout (values the console shows,
    `-1`) or stderr (error reports, `-2`) appends to file instead; `\\1 /dev/stdin` sends it
    back (syscmds.md). q redirects its process's descriptors; ktwa redirects the session's
    own output, so a program embedding a session keeps its streams. The file is written as
    any other (the session's file fence)."""
    if not arg:
        raise QError("domain")
    stream = None if arg in _CONSOLE else disk.append_stream(ctx.files.path(arg, write=True))
    old = ctx.redirected.pop(fd, None)
    if old is not None:
        old.close()
    if stream is not None:
        ctx.redirected[fd] = stream
    return None


def _rename(ctx, names: list):
    """`\\r src dst`: rename a file (replication's `\\r`, with no names, is nyi)."""
    if not names:
        raise QError("nyi: \\r: ktwa has no replication")
    if len(names) != 2:
        raise QError("domain")
    disk.rename(ctx.files.path(names[0], write=True), ctx.files.path(names[1], write=True))
    return None


def _database_scripts(ctx, path: str, folder: str):
    """After `\\l dir` loaded a database's data (syscmds.md): the q scripts in it run in name
    order, in it when it became the working directory; `\\l .` reloads the data only. ktwa
    runs no k scripts (.k). `folder` is the database's real path, found before any move."""
    if path.lstrip(":").rstrip("/") == ".":
        return None
    moved = os.path.realpath(os.getcwd()) == folder
    for e in sorted(disk.listing(folder)):
        if e.endswith(".q") and not disk.is_folder(f"{folder}/{e}"):
            ctx.load(e if moved else f"{path.lstrip(':').rstrip('/')}/{e}")
    return None


def load_directory(ctx, path: str, cd: bool, scripts: bool):
    """`\\l dir` of a folder (cd and scripts), .Q.l and .Q.lo: a splayed table, or a database
    that becomes the working directory when `cd` asks it and the fence lets the session move
    (partitions.becomes_cwd), whose q scripts run only with `scripts`."""
    folder = os.path.realpath(ctx.files.path(path))
    moves = partitions.becomes_cwd(ctx, cd)
    name = partitions.load_folder(ctx, ":" + path.lstrip(":"), moves)
    if name is not None:
        return name
    if moves:
        _cd(ctx, ctx.files.path(path))         # a database becomes the working directory
    return _database_scripts(ctx, path, folder) if scripts else None


def _load(ctx, x):
    """.Q.l `:dir: load the database (or splayed table) dir as `\\l` does."""
    return _load_without(ctx, x, np.bool_(True), np.bool_(True))


def _load_without(ctx, x, cd, scripts):
    """.Q.lo[`:dir;cd;scripts]: `\\l dir` without moving into it and/or running its scripts."""
    if not isinstance(x, str) or not all(T.qtype(f) in (-1, -5, -6, -7) for f in (cd, scripts)):
        raise QError("type")
    if not files.is_folder(ctx, x):
        raise QError(x.lstrip(":") + ". OS reports: Not a directory")
    load_directory(ctx, x, bool(cd), bool(scripts))
    return None


def leave(ctx, code):
    """`exit n`, `\\\\`: .z.exit n first when it is set (it cannot cancel the exit; an error in
    it is reported and the exit goes on), then leave with status n. An exit the handler makes
    itself leaves at once, with its own status."""
    handler = ctx.globals.get(".z.exit")
    if handler is not None and not ctx.leaving:
        ctx.leaving = True
        try:
            ctx.apply(handler, [code])
        except QError as e:
            ctx.write(2, ctx.display.error_text(e))
        finally:
            ctx.leaving = False
    raise QExit(int(code))


def _unset_handler(ctx, name: str):
    """`\\x .z.ps`: the handler .z.ps is unset, so q's default behaviour is back."""
    if not re.fullmatch(r"\.z\.[a-z]+", name):
        raise QError("domain")
    ctx.delete_global(name)
    return None


def views(ctx, pending: bool = False) -> np.ndarray:
    """The views of the current namespace, sorted (`\\b`, `views[]`); `\\B`: those pending."""
    head = ctx.ns + "." if ctx.ns else ""
    names = sorted(k[len(head):] for k, v in ctx.views.items()
                   if k.startswith(head) and "." not in k[len(head):] and not (pending and v.valid))
    out = np.array(names, dtype=object)
    return out if pending else T.sorted_vector(out)


def process_values() -> dict:
    """The .z values that describe this process (dotz.md): .z.o the platform as q names its
    builds, .z.i the process id, .z.h the host and .z.a its address, .z.u the user, .z.c the
    cores, .z.K and .z.k the version of q ktwa follows, .z.l the license (none: `()`, as a q
    without one has), .z.q quiet mode (off: ktwa has none), .z.r whether updates are blocked
    (never: ktwa has no -b nor reval), .z.X the command line as given; .z.w the handle
    asking (ktwa has no connections: always the console's, 0i), .z.H and .z.W the open
    connections (none)."""
    host, addr = _this_host()
    out = {".z.i": np.int32(os.getpid()), ".z.h": host, ".z.a": addr,
           ".z.c": np.int32(os.cpu_count() or 1),
           ".z.K": np.float64(VERSION), ".z.k": tm.atom(14, tm.parse_text(14, RELEASE)),
           ".z.l": [], ".z.q": np.bool_(False), ".z.r": np.bool_(False),
           ".z.X": [T.chars(a) for a in sys.argv],
           ".z.w": np.int32(0), ".z.H": np.array([], dtype=np.int32),
           ".z.W": T.QDict(np.array([], dtype=np.int32), [])}
    try:
        out[".z.u"] = getpass.getuser()
    except (KeyError, OSError):         # no name for this uid (a container): q's would be `
        out[".z.u"] = ""
    bits = "64" if sys.maxsize > 2**32 else "32"
    arm = platform.machine().lower() in ("aarch64", "arm64")
    letter = {"Linux": "l", "Darwin": "m", "Windows": "w", "SunOS": "s"}.get(platform.system())
    if letter is not None:              # another system: no .z.o (q has no build for it)
        out[".z.o"] = letter + bits + ("arm" if arm and letter == "l" else "")
    return out


def _cd(ctx, path: str):
    """`\\cd`: the working directory as a string; `\\cd dir` changes it (returns nothing).
    A fenced session (ktwa.fileaccess) may not move the process: 'access."""
    if not ctx.files.unfenced:
        raise QError("access")
    if not path:
        return T.chars(os.getcwd())
    try:
        os.chdir(os.path.expanduser(path))
    except OSError as e:
        raise QError(f"{path}. OS reports: {e.strerror}") from None
    return None


def _rss() -> tuple[int, int]:
    """(resident bytes now, the most resident so far) of this process, from /proc (Linux)."""
    try:
        with open("/proc/self/status") as fh:
            fields = dict(ln.split(":", 1) for ln in fh if ":" in ln)
    except OSError:
        raise QError(f"nyi: \\w reads process memory from /proc, which {sys.platform} "
                     "does not have") from None
    kb = lambda k: int(fields[k].split()[0]) * 1024   # noqa: E731   "VmRSS:  1234 kB"
    return kb("VmRSS"), kb("VmHWM")


def workspace(ctx) -> np.ndarray:
    """`\\w`: q's 6 memory figures (used heap peak wmax mmap mphy) as ktwa has them: the bytes
    of the torch tensors the session's handles hold (each storage once), the process's resident
    memory now and at its peak, no workspace limit, no mapped files, physical memory."""
    rss, peak = _rss()
    phys = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return np.array([ctx.tensor_bytes(), rss, peak, 0, 0, phys], dtype=np.int64)


def _threads(ctx, arg: str):
    """`\\s` shows and `\\s n` sets the compute threads (torch's intra-op threads play q's
    secondary threads); `\\s 0`, no secondary threads, leaves one thread doing the work;
    `\\s 0N` shows the most there can be (this machine's cores)."""
    if ctx.threads is None:
        raise QError("nyi")
    get, set_ = ctx.threads
    if not arg:
        return np.int32(get())
    if arg.strip() == "0N":         # syscmds.md: `\s 0N` shows the most threads \s may set
        return np.int32(os.cpu_count() or 1)
    try:
        n = int(arg)
    except ValueError:
        raise QError("type") from None
    if n < 0:
        raise QError("nyi")         # q's negative \\s: secondary processes
    set_(max(n, 1))
    return None


# the version of q whose behaviour ktwa follows (.z.K, .Q.k) and its release date (.z.k, .Q.K)
VERSION = 4.1
RELEASE = "2024.10.16"


@functools.lru_cache(maxsize=1)
def _this_host() -> tuple:
    """This machine's name and address, looked up once a process: a name lookup may wait on
    DNS, and every Session starts with .z.h and .z.a."""
    host = socket.gethostname()
    return host, address(host)


def address(host: str) -> np.int32:
    """The IPv4 address of a host name (or of dotted-decimal text) as q's int: the four bytes
    read big-endian, signed; -1i when it does not resolve (.Q.addr)."""
    try:
        a = socket.gethostbyname(host)
    except (OSError, UnicodeError):
        return np.int32(-1)
    return np.array([int.from_bytes(socket.inet_aton(a), "big")], dtype=np.uint32).view(
        np.int32)[0]


def host_name(ip) -> str:
    """The host name of an IPv4 address given as q's int (.Q.host); ` when none is found."""
    packed = np.array([ip], dtype=np.int32).view(np.uint32)[0]
    try:
        return socket.gethostbyaddr(socket.inet_ntoa(int(packed).to_bytes(4, "big")))[0]
    except (OSError, UnicodeError):
        return ""


def _addr(x):
    if not isinstance(x, str):
        raise QError("type")
    return address(x)


def _host(x):
    if not isinstance(x, np.int32):
        raise QError("type")
    return host_name(x)


def symbol_use(ctx) -> tuple[int, int]:
    """(count, bytes) of the distinct symbols the session's globals hold: what q's `\\w 0`
    counts in its symbol table (ktwa interns none of its own, so it counts what is in use)."""
    seen: set = set()
    todo = list(ctx.globals.values())
    while todo:
        v = todo.pop()
        if isinstance(v, str):
            seen.add(v)
        elif isinstance(v, np.ndarray) and v.dtype == object:
            if T.is_syms(v):
                seen.update(v.tolist())
            else:
                todo.extend(v.tolist())
        elif isinstance(v, (list, tuple)):
            todo.extend(v)
        elif isinstance(v, T.QDict):
            todo.extend((v.keys, v.values))
        elif isinstance(v, T.QTable):
            todo.extend(v.data)
    return len(seen), sum(len(s.encode()) + 1 for s in seen)


def _memory(ctx, _x):
    """.Q.w[]: \\w's figures and \\w 0's as a dictionary."""
    keys = T.syms(["used", "heap", "peak", "wmax", "mmap", "mphy", "syms", "symw"])
    return T.QDict(keys, np.concatenate([workspace(ctx),
                                         np.array(symbol_use(ctx), dtype=np.int64)]))


def _collect(ctx, _x):
    """.Q.gc[]: collect garbage; the bytes of resident memory that went back to the system."""
    import gc
    before = _rss()[0]
    gc.collect()
    return np.int64(max(before - _rss()[0], 0))


def _time_space(ctx, f, x):
    """.Q.ts[f;x]: (\\ts's milliseconds and bytes; f . x)."""
    args = [x] if T.is_atom(x) else list(T.to_items(x))
    ms, space, r = _timed(lambda: ctx.apply(f, args), 1, True)
    return [np.array([ms, space], dtype=np.int64), r]


define(".Q.l", monad=_load, ctx=True, doc=".Q.l`:dir  load database dir as \\l dir does")
define(".Q.lo", triad=_load_without, ctx=True,
       doc=".Q.lo[`:dir;cd;scripts]  load database dir; cd into it, run its scripts only if asked")
define(".Q.addr", monad=_addr, doc=".Q.addr`host  the host's IPv4 address as an int (-1i: none)")
define(".Q.host", monad=_host, doc=".Q.host ip  the host name of an IPv4 address given as an int")
define(".Q.w", monad=_memory, ctx=True,
       doc=".Q.w[]  memory figures by name: \\w's (used heap peak wmax mmap mphy), \\w 0's")
define(".Q.gc", monad=_collect, ctx=True,
       doc=".Q.gc[]  collect garbage; the bytes of memory returned to the system")
define(".Q.ts", dyad=_time_space, ctx=True,
       doc=".Q.ts[f;x]  (milliseconds;bytes) as \\ts measures them, and f . x")
