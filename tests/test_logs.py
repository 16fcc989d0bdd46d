"""Logs, the tickerplant pattern (kb/logging.md, internal.md -11!): one session publishes
messages to a log through a handle, another replays it into its tables; a log whose end was
cut short replays up to its last whole message; an append costs the message, not the log."""
import os
import threading

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from ktwa.session import Session
from ktwa.verbs import disk, serial

# A tickerplant in the manner of KX's tick: .u.ld opens (or starts) the day's log and refuses
# a corrupt one; .u.upd logs each message and counts it. The publisher keeps what it sent.
TICKERPLANT = r"""
\d .u
L:`:feed.log
ld:{if[not type key L;.[L;();:;()]];i::j::-11!(-2;L);if[0<=type i;'`corrupt];hopen L}
l:ld[]
upd:{[t;x] l enlist (`upd;t;x); j+:1}
\d .
sent:([]time:`timespan$();sym:`$();price:`float$();size:`long$())
pub:{[k] r:(0D00:00:01*k;`ibm`msft`aapl k mod 3;100+0.25*k;10*1+k mod 7);.u.upd[`trade;r];sent,:r}
pub each til 1000;
hclose .u.l
`:sent set sent
"""

# The subscriber: the same schema, an upd that inserts, the log replayed.
SUBSCRIBER = r"""
trade:([]time:`timespan$();sym:`$();price:`float$();size:`long$())
upd:{[t;x] t insert x}
"""


def _run(session, text):
    """Run q lines in a session; the outputs of those that printed anything."""
    outs = [session.console(line) for line in text.strip().split("\n")]
    return [o for o in outs if o]


def _error_free(outputs):
    assert not any(o.startswith("'") for o in outputs), outputs


def test_a_replayed_log_rebuilds_the_table_it_was_sent(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tp = Session()
    _error_free(_run(tp, TICKERPLANT))
    assert tp.console(".u.j") == "1000\n"
    assert tp.console("-11!(-2;.u.L)") == "1000\n"

    rdb = Session()
    _error_free(_run(rdb, SUBSCRIBER))
    assert rdb.console("-11!`:feed.log") == "1000\n"
    assert rdb.console("count trade") == "1000\n"
    assert rdb.console("trade~get `:sent") == "1b\n"
    assert rdb.console("last trade") == rdb.console("last get `:sent")
    assert rdb.console("exec sum size from trade") == "39970\n"   # 10*(1+k mod 7), k<1000

    # a new tickerplant session carries on the same log, counting from where it was
    tp2 = Session()
    _error_free(_run(tp2, TICKERPLANT.replace("pub each til 1000", "pub each 1000+til 5")))
    assert tp2.console(".u.j") == "1005\n"
    assert rdb.console("-11!(-2;`:feed.log)") == "1005\n"


def test_a_failing_upd_stops_the_replay_with_its_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Session()
    _error_free(_run(s, r"""
`:bad.log set ()
h:hopen `:bad.log
h ((`upd;`t;1);(`upd;`t;"two");(`upd;`t;3))
hclose h
got:()
upd:{[t;x] got,:x+1}
"""))
    out = s.console("-11!`:bad.log")
    assert out.startswith("'type\n"), out
    assert "upd:{[t;x] got,:x+1}" in out and "-11!`:bad.log" in out
    assert s.console("got") == ",2\n"          # the message before it did run
    assert s.console("count get `:bad.log") == "3\n"   # and the log is as it was


def _log_with(tmp_path, n):
    """A log of n messages written through a handle; its path and its frames' end offsets."""
    s = Session()
    path = tmp_path / "cut.log"
    _error_free(_run(s, f"""
L:`:{path}
L set ()
h:hopen L
i:0;do[{n};h enlist (`upd;`q;(i;`$string i;i%3));i+:1]
hclose h
"""))
    data = path.read_bytes()
    ends = [end for body, end in serial.read_frames([data])]
    assert len(ends) == n and ends[-1] == len(data)
    return s, path, data, ends


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(0, 10**6))
def test_a_log_cut_short_replays_to_its_last_whole_message(tmp_path_factory, cut):
    tmp = tmp_path_factory.mktemp("cut")
    s, path, data, ends = _log_with(tmp, 12)
    cut %= len(data) + 1
    path.write_bytes(data[:cut])
    whole = [e for e in ends if e <= cut]
    good = whole[-1] if whole else len(serial.ITEMS) if cut >= len(serial.ITEMS) else 0
    s.console("n:0;upd:{[t;x] n+:1}")
    if cut in (len(data), len(serial.ITEMS)) or cut in ends or cut == 0:
        assert s.console("-11!(-2;L)") == f"{len(whole)}\n"
        assert s.console("-11!L") == f"{len(whole)}\n"
    else:
        assert s.console("-11!(-2;L)") == f"{len(whole)}\n{good}\n"
        assert s.console("-11!L").startswith("'badtail\n")
        # the good part, taken as it is, is a whole log (logging.md: head -c length)
        path.write_bytes(data[:good])
        assert s.console("-11!(-2;L)") == f"{len(whole)}\n"
    assert s.console("n") == f"{len(whole)}\n"


def test_a_message_whose_bytes_changed_ends_the_valid_part(tmp_path):
    s, path, data, ends = _log_with(tmp_path, 5)
    spoilt = bytearray(data)
    spoilt[ends[2] + 20] ^= 0xFF           # inside the fourth message
    path.write_bytes(bytes(spoilt))
    assert s.console("-11!(-2;L)") == f"3\n{ends[2]}\n"
    assert s.console("get L").startswith("'badtail\n")


def test_an_append_costs_the_message_not_the_log(tmp_path, monkeypatch):
    """A handle's append to a log reads the file's first bytes and writes one frame, however
    long the log already is."""
    s, path, data, ends = _log_with(tmp_path, 3000)
    s.console(f"h:hopen `:{path}")
    touched = []
    read, write = disk.read_bytes, disk.write_bytes
    monkeypatch.setattr(disk, "read_bytes",
                        lambda p, o=0, n=None: touched.append(("r", len(d := read(p, o, n)))) or d)
    monkeypatch.setattr(disk, "write_bytes",
                        lambda p, d, append=False: touched.append(("w", len(d), append))
                        or write(p, d, append))
    assert s.console("h enlist (`upd;`q;(7;`s;1.5))") == "3i\n"
    frame = os.path.getsize(path) - len(data)
    assert frame < 400 < len(data)
    assert touched == [("r", touched[0][1]), ("w", frame, True)] and touched[0][1] <= 64
    # amending the file with , (amend.md: .[`:f;();,;x]) appends the same way
    touched.clear()
    assert s.console(f".[`:{path};();,;enlist (`upd;`q;(8;`s;2.5))]") == f"`:{path}\n"
    monkeypatch.undo()
    assert all(t[0] == "r" and t[1] <= 64 or t == ("w", frame, True) for t in touched), touched
    assert os.path.getsize(path) == len(data) + 2 * frame
    assert s.console("-11!(-2;h)") == "'type\n  [0]  -11!(-2;h)\n          ^\n"
    assert s.console(f"-11!(-2;`:{path})") == "3002\n"


@pytest.mark.parametrize("src, expected", [
    ("-11!(-3;`:x.log)", "'domain"),       # only -2, -1 and counts of messages
    ("-11!(1;\"x.log\")", "'type"),       # a log is named by a file symbol
    ("-11!`x", "'type"),
    ("h enlist {x}", None),                  # a lambda item is stored by its source
    ("h (+)", "'type"),                      # a built-in is no item of a log
    ("h `a`b!1 2", "'type"),                 # nor has a dictionary items to append
])
def test_log_inputs(tmp_path, monkeypatch, src, expected):
    monkeypatch.chdir(tmp_path)
    s = Session()
    _error_free(_run(s, "`:x.log set ()\nh:hopen `:x.log"))
    out = s.console(src)
    if expected is None:
        assert not out.startswith("'"), out
    else:
        assert out.startswith(expected + "\n"), out
        assert s.console("count get `:x.log") == "0\n"     # nothing half-written


def test_a_log_replays_from_a_fifo_as_its_writer_writes(tmp_path):
    """ChangesIn4.0.md: a log played back through a named pipe (`gunzip log.gz > fifo &`)."""
    s, path, data, ends = _log_with(tmp_path, 20)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "wb") as w:
            for k in range(0, len(data), 100):     # in small writes, as a decompressor might
                w.write(data[k:k + 100])

    writer = threading.Thread(target=feed)
    writer.start()
    s.console("n:0;upd:{[t;x] n+:x 0}")
    out = s.console(f"-11!`:{fifo}")
    writer.join()
    assert out == "20\n"
    assert s.console("n") == f"{sum(range(20))}\n"
