"""Ctrl-C never splits an update: an average and its count, a SWAG collect, are one step.

A thread sends SIGINT to the main thread every millisecond or two while the main thread runs
updates in a tight q loop; after every interrupt the state must be one that some whole number of
updates produces.
"""
import gc
import random
import signal
import threading
import time

import torch

from ktwa.session import Session


class Pester:
    """SIGINTs to the main thread at random short intervals; each becomes a KeyboardInterrupt
    only while `armed` (the handler disarms itself), so the test's own checks are never hit."""

    def __init__(self):
        self.armed = False
        self.stop = threading.Event()
        self.main = threading.main_thread().ident

    def handler(self, signum, frame):
        if self.armed:
            self.armed = False
            raise KeyboardInterrupt

    def run(self):
        rng = random.Random(7)
        while not self.stop.is_set():
            time.sleep(rng.uniform(0.0003, 0.002))
            signal.pthread_kill(self.main, signal.SIGINT)

    def loop(self, seconds, body, check) -> int:
        """Run body() armed until it is interrupted, then check(), for `seconds`; the number of
        interrupts that landed inside body."""
        prev = signal.signal(signal.SIGINT, self.handler)
        gc.disable()                 # a KeyboardInterrupt inside a gc callback would be lost
        t = threading.Thread(target=self.run, daemon=True)
        t.start()
        hits = 0
        try:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                self.armed = True
                try:
                    body()
                    self.armed = False
                except KeyboardInterrupt:
                    hits += 1
                self.armed = False
                check()
        finally:
            self.stop.set()
            t.join()
            signal.signal(signal.SIGINT, prev)
            gc.enable()
        return hits


def _entry(s, name):
    return s.ctx.registry.entry(s.eval(name)).obj


def test_avgparms_and_emaparms_count_every_update_they_make():
    s = Session()
    s.eval("dtype`double; m:module enlist(`linear;3;2); p:copyparms m; e:copyparms m")
    module, p, e = _entry(s, "m"), _entry(s, "p"), _entry(s, "e")
    with torch.no_grad():
        for t in list(p.values()) + list(e.values()):
            t.zero_()                            # the averages start at 0 (one model counted)
        for t in module.parameters():
            t.fill_(1.0)                         # every model averaged after that is all ones

    def check():
        # a dictionary no update has reached yet has no .n: it holds one model (the first
        # interrupt can land before the first avgparms or emaparms of the loop has run)
        n = float(p.get(".n", 1))                # avg of one 0 and n-1 ones: (n-1)/n
        torch.testing.assert_close(p["weight"], torch.full((2, 3), (n - 1) / n, dtype=torch.float64),
                                   rtol=0, atol=1e-12)
        k = float(e.get(".n", 1)) - 1            # k EMA steps towards 1 at keep-rate .5
        torch.testing.assert_close(e["bias"], torch.full((2,), 1 - 0.5 ** k, dtype=torch.float64),
                                   rtol=0, atol=1e-12)

    hits = Pester().loop(2.0, lambda: s.eval("do[1000000; avgparms(m;p); emaparms(m;e;.5)]"),
                         check)
    assert hits > 20 and float(p[".n"]) > 100


def test_swag_collect_counts_every_model_it_adds():
    """Model number j has every weight equal to j, so after n models the running mean is
    (n+1)%2 and the second moment (n+1)(2n+1)%6 - off as soon as a collect is half done."""
    s = Session()
    s.eval("dtype`double; m:module enlist(`linear;2;1); w:swag(m;5)")
    module, sw = _entry(s, "m"), _entry(s, "w").swag

    def body():
        while True:
            with torch.no_grad():
                for t in module.parameters():
                    t.fill_(sw.n + 1)
            s.eval("collect(w;m)")

    def check():
        n = sw.n
        torch.testing.assert_close(sw.mean, torch.full((3,), (n + 1) / 2, dtype=torch.float64),
                                   rtol=1e-12, atol=0)
        torch.testing.assert_close(sw.sq_mean, torch.full((3,), (n + 1) * (2 * n + 1) / 6,
                                                          dtype=torch.float64),
                                   rtol=1e-12, atol=0)
        assert sw.k == min(n, 5)

    hits = Pester().loop(1.5, body, check)
    assert hits > 20 and sw.n > 50


def test_a_sigint_inside_a_step_under_the_console_gate_arrives_after_it(monkeypatch):
    """The console's gate holds a SIGINT raised in the middle of a collect (by a flag, no
    handler swap) and delivers it once the model is counted; after the statement the handler
    in place before it is back."""
    import ktwa.averaging.swag as S
    s = Session()
    s.eval("m:module enlist(`linear;2;1); w:swag(m;5)")
    sw = _entry(s, "w").swag
    body = S.Swag.collect
    once = [True]

    def interrupted(self, params):
        if once.pop() if once else False:
            signal.raise_signal(signal.SIGINT)   # lands inside the step, before its torch calls
        return body(self, params)
    monkeypatch.setattr(sw, "collect", interrupted.__get__(sw))
    monkeypatch.setattr(_entry(s, "w"), "collect", sw.collect)
    before = signal.getsignal(signal.SIGINT)
    assert s.console("collect(w;m)") == "'stop\n"
    assert sw.n == 1 and sw.k == 1                # the step finished before the 'stop
    assert signal.getsignal(signal.SIGINT) is before
    assert s.eval("collect(w;m)") == 2
