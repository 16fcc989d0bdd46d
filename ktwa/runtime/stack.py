"""How deep q code may recurse before q's `'stack`.

A q call runs through several Python frames (about 7 for `f:{$[x;1+f x-1;0]}`, a dozen for an
Ackermann that calls `.z.s` inside `$`), and Python's recursion limit is what turns a runaway
recursion into `'stack` (errors.from_python) rather than a crash. Some of those frames also
recurse in C (an `each`, a `raze/`), so the limit may only be as high as the C stack allows:
about 700 bytes of C stack per Python frame has been safe (12000 frames in Linux's default 8 MiB).

q itself recurses a few thousand calls deep (its `'stack` comes from its own stack size; the
reference gives no figure). To give q code that room at no cost per call, the process's stack
is made larger once, at start-up: on Linux the main thread's stack grows on demand up to the
soft RLIMIT_STACK, read when it grows, so raising that limit (never past the hard one) is
enough; threads made afterwards get the same size (threading.stack_size). Elsewhere (macOS
fixes the main thread's stack when the process starts) the limit stays where 8 MiB is safe.
"""
from __future__ import annotations

import sys
import threading

# bytes of C stack asked for: under the 128 MiB that Linux keeps free below the main thread's
# stack whatever RLIMIT_STACK was when the process started
STACK_BYTES = 64 << 20
# bytes of C stack allowed per Python frame of recursion (see above)
FRAME_BYTES = 700
# the recursion limit that is safe in the 8 MiB every platform gives the main thread
BASE_LIMIT = 12000


def _grow_main_stack(want: int) -> int:
    """Raise the soft stack limit to `want` bytes where the hard limit allows; the bytes of
    stack the main thread may now use."""
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    if soft == resource.RLIM_INFINITY or soft >= want:
        return want
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    if want > soft:
        resource.setrlimit(resource.RLIMIT_STACK, (want, hard))
    return max(want, soft)


def make_room() -> int:
    """Give q code its recursion depth (once per process; the session module calls it at
    import). Returns the recursion limit q code needs; `keep_room` restores it when another
    library has lowered it since (jedi, which IPython imports, sets 3000 when imported)."""
    limit = BASE_LIMIT
    if sys.platform.startswith("linux"):
        try:
            stack = _grow_main_stack(STACK_BYTES)
            threading.stack_size(stack)
        except (ValueError, OSError):       # a sandbox that refuses: keep the safe limit
            stack = 0
        limit = max(limit, stack // FRAME_BYTES)
    _NEEDED[0] = max(limit, sys.getrecursionlimit())
    keep_room()
    return _NEEDED[0]


_NEEDED = [BASE_LIMIT]


def keep_room() -> None:
    """Python's recursion limit back to what make_room set, if something lowered it (a check
    per console input or tick: a comparison, no cost to a call)."""
    if sys.getrecursionlimit() < _NEEDED[0]:
        sys.setrecursionlimit(_NEEDED[0])
