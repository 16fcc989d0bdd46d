"""Progress bars for long loops (`run m`, `testrun m`); their Ctrl-C handling is interrupts.py.

- A bar (tqdm) is shown on stderr only when stderr is a terminal, not in CI (`CI` set), not for
  TERM=dumb, and not when KTWA_PROGRESS=0; KTWA_PROGRESS=1 forces it on. It appears only after
  the loop has run for a second (quick epochs print nothing) and is cleared when done.
"""
from __future__ import annotations

import os
import sys


def enabled(stream=None) -> bool:
    flag = os.environ.get("KTWA_PROGRESS", "").strip().lower()
    if flag in ("0", "off", "no", "false"):
        return False
    if flag in ("1", "on", "yes", "true"):
        return True
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    stream = stream if stream is not None else sys.stderr
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class _Null:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


NULL = _Null()


def bar(total: int, desc: str):
    """A progress bar for `total` batches (a no-op object when bars are off)."""
    if total < 2 or not enabled():
        return NULL
    try:
        from tqdm import tqdm
    except ImportError:
        return NULL
    return tqdm(total=total, desc=desc, unit="batch", leave=False, delay=1.0, file=sys.stderr,
                dynamic_ncols=True, mininterval=0.25)
