"""Progress bars and Ctrl-C handling for long loops (`run m`, `testrun m`).

- A bar (tqdm) is shown on stderr only when stderr is a terminal, not in CI (`CI` set), not for
  TERM=dumb, and not when KTWA_PROGRESS=0; KTWA_PROGRESS=1 forces it on. It appears only after
  the loop has run for a second (quick epochs print nothing) and is cleared when done.
- :class:`Interrupt`: while active, the first Ctrl-C only sets a flag; the loop checks it after
  each batch (`stop()`), so the batch in progress finishes and the model is left consistent, then
  KeyboardInterrupt is raised (the Session shows 'stop). A second Ctrl-C interrupts at once.
"""
from __future__ import annotations

import os
import signal
import sys
import threading


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


class Interrupt:
    """Context manager deferring the first SIGINT to a batch boundary (main thread only)."""

    def __init__(self):
        self.hit = False
        self._prev = None
        self._installed = False

    def _handler(self, signum, frame):
        if self.hit:                      # second Ctrl-C: stop now
            raise KeyboardInterrupt
        self.hit = True

    def __enter__(self):
        self.hit = False
        if threading.current_thread() is threading.main_thread():
            try:
                self._prev = signal.signal(signal.SIGINT, self._handler)
                self._installed = True
            except (ValueError, OSError):
                self._installed = False
        return self

    def __exit__(self, *exc):
        if self._installed:
            try:
                signal.signal(signal.SIGINT, self._prev if self._prev is not None
                              else signal.default_int_handler)
            except (ValueError, OSError):
                pass
            self._installed = False
        return False

    def stop(self) -> None:
        if self.hit:
            raise KeyboardInterrupt
