"""When Ctrl-C may stop an api call, so that it never leaves an object half updated.

- :func:`uninterrupted` runs one update as a single step: an average and its count (`avgparms`,
  `emaparms`), a SWAG or TWA `collect`, a copy into a module (`copyparms`, `copystate`,
  `loadtensors`). A SIGINT that arrives meanwhile is held and delivered as soon as the step is
  done, so the user still gets `'stop`, after the update rather than inside it.
- :class:`BatchBoundary` (`run`, `testrun`): the first Ctrl-C only sets a flag that the loop
  reads after each batch, so the batch in progress finishes and the model is left consistent; a
  second Ctrl-C stops at once.

Both swap Python's SIGINT handler for their own and put the previous one back. That is possible
only on the main thread (the only thread Python delivers signals to: elsewhere there is nothing
to defer) and only when the previous handler was set from Python; otherwise they change nothing.
`uninterrupted` is on the hot path of a ~8 us `avgparms`, so it uses the C functions of the signal
module directly (`signal.signal` adds enum conversions that cost ten times more); even so a swap
and its restore are two sigaction system calls, ~0.6 us. :func:`gate` saves them: the console
puts a :class:`Gate` in front of the handler for the length of a statement (two calls per
statement), and each step under it only raises a flag that the gate reads.
"""
from __future__ import annotations

import _signal
import signal
import threading

_SIGINT = signal.SIGINT
_MAIN = threading.main_thread().ident
_get_ident = threading.get_ident
_getsignal = _signal.getsignal
_setsignal = _signal.signal

_held: list = []          # frames of the SIGINTs held by the current uninterrupted step
_stepping = False         # a step runs under a Gate (which then holds SIGINTs)


def _hold(signum, frame):
    _held.append(frame)


class Gate:
    """The SIGINT handler in place while the console evaluates a statement: during an
    uninterrupted step it holds the signal; otherwise it is the handler it stands in front of."""

    __slots__ = ("prev",)

    def __init__(self, prev):
        self.prev = prev                 # a Python callable (gate installs no other)

    def __call__(self, signum, frame):
        if _stepping:
            _held.append(frame)
        else:
            self.prev(signum, frame)


class _Swap:
    """Context manager: on the main thread, the SIGINT handler `_replace(prev)` gives in place
    of prev (None: leave prev), prev back at exit."""

    __slots__ = ("_prev",)

    def _replace(self, prev):
        raise NotImplementedError

    def __enter__(self):
        self._prev = None
        if _get_ident() == _MAIN:
            prev = _getsignal(_SIGINT)
            handler = self._replace(prev)
            if handler is not None:
                _setsignal(_SIGINT, handler)
                self._prev = prev
        return self

    def __exit__(self, *exc):
        if self._prev is not None:
            _setsignal(_SIGINT, self._prev)
            self._prev = None
        return False


class gate(_Swap):
    """Context manager (Session, around each statement): a Gate in front of the SIGINT handler,
    when that is a Python callable and this is the main thread; otherwise (a Gate already there,
    another thread, a handler not set from Python) it changes nothing."""

    __slots__ = ()

    def _replace(self, prev):
        return Gate(prev) if callable(prev) and prev.__class__ is not Gate else None


def _release(handler) -> None:
    """After a step: act on the last SIGINT it held, if any, as `handler` (the one in place
    before the step) would have."""
    if not _held:
        return
    frame = _held[-1]
    _held.clear()
    if callable(handler):
        handler(_SIGINT, frame)          # default_int_handler raises KeyboardInterrupt
    elif handler == signal.SIG_DFL:
        signal.raise_signal(_SIGINT)
    # SIG_IGN: ignored, as it would have been


def uninterrupted(fn, *args):
    """fn(*args) with SIGINT held until it returns (or raises); its result."""
    global _stepping
    if _get_ident() != _MAIN:
        return fn(*args)
    prev = _getsignal(_SIGINT)
    if prev.__class__ is Gate:           # the console's gate holds it: a flag, no handler swap
        if _stepping:                    # already inside a step
            return fn(*args)
        _stepping = True
        try:
            return fn(*args)
        finally:
            _stepping = False
            _release(prev.prev)
    if prev is _hold or prev is None:    # already inside a step; or a handler we cannot restore
        return fn(*args)
    _setsignal(_SIGINT, _hold)
    try:
        return fn(*args)
    finally:
        _setsignal(_SIGINT, prev)
        _release(prev)


class BatchBoundary(_Swap):
    """Context manager: the first SIGINT sets `hit` (the loop stops after its batch), a second
    one raises KeyboardInterrupt at once."""

    __slots__ = ("hit",)

    def __init__(self):
        self.hit = False
        self._prev = None

    def _handler(self, signum, frame):
        if self.hit:
            raise KeyboardInterrupt
        self.hit = True

    def _replace(self, prev):
        self.hit = False
        return self._handler if prev is not None else None
