"""Where progress bars show (terminal, notebook, log, nowhere), what they say (which epoch, how
many batches), and that they are removed however the loop ends (Ctrl-C included)."""
import io
import sys

import pytest

from ktwa.torchapi import progress


class Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def env(monkeypatch):
    for k in ("KTWA_PROGRESS", "CI"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    return monkeypatch


def _kernel_stream():
    """An IPython kernel's output stream, as sys.stderr is in a notebook cell."""
    iostream = pytest.importorskip("ipykernel.iostream")

    class Stream(iostream.OutStream):
        def __init__(self):      # no kernel session to publish to: capture instead
            self.buf = io.StringIO()

        def write(self, s):
            self.buf.write(s)
            return len(s)

        def flush(self):
            pass

    return Stream()


def test_where_a_bar_shows(env):
    assert progress.where(Tty()) == "terminal"
    assert progress.where(io.StringIO()) is None                  # a file or pipe
    assert progress.where(_kernel_stream()) == "notebook"
    env.setenv("KTWA_PROGRESS", "1")
    assert progress.where(io.StringIO()) == "log"
    env.setenv("CI", "true")
    assert progress.where(Tty()) == "terminal"                    # forced on, even in CI
    env.delenv("KTWA_PROGRESS")
    assert progress.where(Tty()) is None and progress.where(_kernel_stream()) is None
    env.delenv("CI")
    env.setenv("KTWA_PROGRESS", "0")
    assert progress.where(Tty()) is None and progress.where(_kernel_stream()) is None
    assert progress.bar(50, "run", stream=Tty()) is progress.NULL


def test_bars_show_on_rank_0_only(env):
    """In a world of several processes (torch.distributed) only rank 0 draws bars, even when
    forced on: the others would draw theirs over it on the same terminal."""
    import torch.distributed as dist
    env.setenv("KTWA_PROGRESS", "1")
    env.setattr(dist, "is_initialized", lambda: True)
    env.setattr(dist, "get_rank", lambda group=None: 1)
    assert progress.where(Tty()) is None
    assert progress.bar(50, "run", stream=Tty()) is progress.NULL
    env.setattr(dist, "get_rank", lambda group=None: 0)
    assert progress.where(Tty()) == "terminal"


def test_text_bar_names_the_epoch_and_the_batches_and_is_removed_on_ctrl_c(env):
    tty = Tty()
    with pytest.raises(KeyboardInterrupt):
        with progress.bar(50, "run", epoch=3, stream=tty) as b:
            b.tq.delay = 0            # show at once (the real bar waits a second)
            for _ in range(20):
                b.update(1)
            b.tq.refresh()
            shown = tty.getvalue()
            raise KeyboardInterrupt
    assert "run epoch 3:" in shown and "20/50" in shown and "batch" in shown
    after = tty.getvalue()[len(shown):]
    assert after.startswith("\r") and after.strip() == ""         # the line is cleared


def test_no_epoch_and_other_units(env):
    b = progress.bar(30, "bma", unit="draw", stream=Tty())
    assert b.tq.desc == "bma" and b.tq.total == 30 and b.tq.unit == "draw"
    b.close()
    assert progress.bar(1, "run", stream=Tty()) is progress.NULL  # one step: nothing to show


def test_notebook_widget_bar_is_hidden_when_interrupted(env):
    pytest.importorskip("ipywidgets")
    from tqdm.notebook import tqdm as notebook_tqdm
    b = progress.bar(40, "testrun", epoch=2, stream=_kernel_stream())
    assert isinstance(b.tq, notebook_tqdm)
    assert b.tq.desc == "testrun epoch 2" and b.tq.total == 40
    closed = []
    b.tq.container.close = lambda: closed.append(True)
    b.update(7)
    b.close()                                    # 7 of 40: tqdm alone would leave a red bar
    assert closed == [True]


def test_notebook_without_widgets_gets_the_text_bar(env, monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)          # import fails
    out = _kernel_stream()
    b = progress.bar(10, "run", epoch=1, stream=out)
    assert type(b.tq).__module__ == "tqdm.std" and b.tq.ncols == 80
    b.tq.delay = 0
    b.update(4)
    b.tq.refresh()
    assert "run epoch 1:" in out.buf.getvalue() and "4/10" in out.buf.getvalue()
    b.close()


def test_null_bar_is_a_context_manager():
    with progress.NULL as b:
        b.update(3)
    progress.NULL.close()
