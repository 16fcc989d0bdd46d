"""System commands: `\\ts[:n] e`, `\\t[:n] e`, `\\l f`, `\\P n`, `\\c r c`, `\\S n`, `\\s n`, `\\v`,
`\\\\`."""
from __future__ import annotations

import re
import time

import numpy as np

from ..errors import QError, QExit
from ..values import types as T
from ..values.functions import QFunction

_TIMED = re.compile(r"^(ts|t)(?::(\d+))?(?:\s+(.*))?$", re.S)


def _nbytes(x) -> int:
    """A plausible `\\ts` space figure: bytes held by the result (kdb+'s heap figure cannot match)."""
    if isinstance(x, np.ndarray):
        return int(x.nbytes)
    if isinstance(x, list):
        return sum(_nbytes(v) for v in x) + 8 * len(x)
    if isinstance(x, T.QDict):
        return _nbytes(x.keys) + _nbytes(x.values)
    if isinstance(x, T.QTable):
        return sum(_nbytes(c) for c in x.data)
    return 0


def split_command(line: str) -> tuple[str, str]:
    """`\\ts:10 expr` -> ("ts:10", "expr")."""
    body = line[1:] if line.startswith("\\") else line
    m = re.match(r"^(\S*)\s*(.*)$", body, re.S)
    return m.group(1), m.group(2)


def run_system(ctx, cmd: str, arg: str):
    m = _TIMED.match(cmd + ((" " + arg) if arg else ""))
    if cmd.split(":")[0] in ("t", "ts") and m:
        kind, n, src = m.group(1), int(m.group(2) or 1), (m.group(3) or "").strip()
        if not src:
            if kind == "t":
                return None   # \t alone: timer (unsupported, no timer events)
            raise QError("ts")
        block = ctx.parse(src)
        t0 = time.perf_counter()
        res = None
        for _ in range(n):
            res = ctx.run_block(block)
        ms = int((time.perf_counter() - t0) * 1000)
        if kind == "t":
            return np.int64(ms)
        return np.array([ms, _nbytes(res)], dtype=np.int64)
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
        try:
            s.seed = int(arg.strip())
        except ValueError:
            raise QError("type") from None
        ctx.reseed()
        return None
    if cmd == "s":
        return _threads(ctx, arg.strip())
    if cmd == "l":
        path = arg.strip()
        if not path:
            raise QError("l")
        ctx.load(path)
        return None
    if cmd == "\\" or cmd == "exit":
        raise QExit(0)
    if cmd in ("v", "f", "a"):
        names = sorted(k for k, v in ctx.globals.items() if not k.startswith("."))
        if cmd == "f":
            names = [k for k in names if isinstance(ctx.globals[k], QFunction)]
        elif cmd == "a":
            names = [k for k in names if isinstance(ctx.globals[k], T.QTable)]
        else:
            names = [k for k in names if not isinstance(ctx.globals[k], QFunction)]
        return np.array(names, dtype=object) if names else np.array([], dtype=object)
    if cmd == "d":
        return "." if not arg.strip() else None
    if cmd == "":
        return None
    raise QError(f"\\{cmd}: system commands are not passed to the OS shell")


def _threads(ctx, arg: str):
    """`\\s` shows and `\\s n` sets the compute threads (torch's intra-op threads play q's
    secondary threads); `\\s 0`, no secondary threads, leaves one thread doing the work."""
    if ctx.threads is None:
        raise QError("nyi")
    get, set_ = ctx.threads
    if not arg:
        return np.int32(get())
    try:
        n = int(arg)
    except ValueError:
        raise QError("type") from None
    if n < 0:
        raise QError("nyi")         # q's negative \\s: secondary processes
    set_(max(n, 1))
    return None
