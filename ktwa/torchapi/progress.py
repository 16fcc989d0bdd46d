"""Progress bars for long loops (`run m`, `testrun m`, `batchnorm m`, `bma`).

Where a bar shows (see :func:`where`):
- a terminal (stderr is a tty): tqdm's text bar on stderr;
- a notebook (stderr is an IPython kernel's stream, as under Jupyter or `nbconvert --execute`):
  tqdm's notebook widget when ipywidgets can be imported, else the text bar, which Jupyter
  redraws in place;
- nowhere else (stderr a file or a pipe), nor in CI (`CI` set) or with TERM=dumb;
- and, in a world of several processes (distributed.py), on rank 0 only.
KTWA_PROGRESS=0 turns bars off everywhere; KTWA_PROGRESS=1 turns them on everywhere (a file or
pipe then gets a text bar redrawn at most every few seconds).

A bar says what runs, which epoch when the caller passes it, and how many batches in all:
`run epoch 3:  40%|####      | 20/50 [00:02<00:03, 9.8batch/s]`. It appears only after the loop
has run for a second (quick epochs print nothing) and is removed when the loop ends, on Ctrl-C
and on an error too (a notebook widget included, which tqdm would otherwise leave in red).

Callers: ``with bar(total, "run", epoch=k) as b: ... b.update(1)`` (or call ``b.close()`` in a
``finally``); ``unit="draw"`` for loops over something other than batches.

Ctrl-C during such a loop is interrupts.py's: the batch in progress finishes first.
"""
from __future__ import annotations

import os
import sys

from .distributed import is_leader

_ON = ("1", "on", "yes", "true")
_OFF = ("0", "off", "no", "false")


def _is_kernel_stream(stream) -> bool:
    """Is this an IPython kernel's output stream (a notebook cell's stdout/stderr)?"""
    if "ipykernel" not in sys.modules:
        return False
    from ipykernel.iostream import OutStream
    return isinstance(stream, OutStream)


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):    # no isatty, or a closed stream
        return False


def where(stream=None) -> str | None:
    """Where a bar would show on `stream` (default stderr): "terminal", "notebook", "log" (a file
    or pipe, only with KTWA_PROGRESS=1) or None (no bar)."""
    stream = stream if stream is not None else sys.stderr
    flag = os.environ.get("KTWA_PROGRESS", "").strip().lower()
    if flag in _OFF or not is_leader():
        return None
    if flag not in _ON and (os.environ.get("CI") or os.environ.get("TERM") == "dumb"):
        return None
    if _is_kernel_stream(stream):
        return "notebook"
    if _isatty(stream):
        return "terminal"
    return "log" if flag in _ON else None


def enabled(stream=None) -> bool:
    """Would a bar show on `stream` (default stderr)?"""
    return where(stream) is not None


def _has_widgets() -> bool:
    try:
        import ipywidgets  # noqa: F401
    except ImportError:
        return False
    return True


class _Null:
    """The bar where none shows."""

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


NULL = _Null()


class _Bar:
    """A tqdm bar that is removed when closed, whether the loop finished or not."""

    def __init__(self, tq):
        self.tq = tq

    def update(self, n: int = 1) -> None:
        self.tq.update(n)

    def close(self) -> None:
        self.tq.close()
        container = getattr(self.tq, "container", None)     # the notebook widget
        if container is not None:
            container.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def label(desc: str, epoch: int | None = None) -> str:
    """`run epoch 3`: what runs, and which epoch when known."""
    return desc if epoch is None else f"{desc} epoch {epoch}"


def bar(total: int, desc: str, epoch: int | None = None, unit: str = "batch", stream=None):
    """A progress bar for `total` steps of `desc` (a no-op object where bars are off): the
    label names the epoch when given; `unit` counts batches unless said otherwise."""
    stream = stream if stream is not None else sys.stderr
    kind = where(stream) if total >= 2 else None
    if kind is None:
        return NULL
    text = label(desc, epoch)
    if kind == "notebook" and _has_widgets():
        from tqdm.notebook import tqdm as notebook_tqdm
        return _Bar(notebook_tqdm(total=total, desc=text, unit=unit, leave=False, delay=1.0,
                                  mininterval=0.25))
    from tqdm import tqdm
    if kind == "terminal":
        return _Bar(tqdm(total=total, desc=text, unit=unit, leave=False, delay=1.0, file=stream,
                         dynamic_ncols=True, mininterval=0.25))
    # a notebook's text stream (no terminal width to ask) or a log: a fixed width; a log is
    # redrawn rarely, since each redraw stays in the file
    return _Bar(tqdm(total=total, desc=text, unit=unit, leave=False, delay=1.0, file=stream,
                     ncols=80, mininterval=0.25 if kind == "notebook" else 5.0))


def counted(items, total: int, desc: str, unit: str = "batch"):
    """The items, a bar advancing as each is taken (for loops that live in the averaging
    kernels, such as batch-norm recalibration); the bar goes when they run out or the loop
    stops early."""
    with bar(total, desc, unit=unit) as b:
        for item in items:
            yield item
            b.update(1)
