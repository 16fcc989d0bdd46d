"""Literals are read exactly or refused: a literal ktwa does not understand is a q error, never
another value (`12:30` once gave 30, `12:30:00.000` gave 0f).

The oracle for temporal literals is Python's own calendar (datetime): each case builds the text
from its parts and the q count from the same parts, independently of ktwa's reader.
"""
import datetime as dt
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck

from ktwa.errors import QError
from ktwa.session import Session
from ktwa.values.temporal import counts
from ktwa.values.types import qtype

EPOCH = dt.date(2000, 1, 1)
SESSION = Session()


def run(src):
    try:
        return SESSION.eval(src)
    except QError as e:
        return e


clock = st.tuples(st.integers(0, 23), st.integers(0, 59), st.integers(0, 59))


@st.composite
def temporal_literal(draw):
    """(text, q type, count) of one temporal literal."""
    kind = draw(st.sampled_from("dmpznuvt"))
    day = draw(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
    h, mi, s = draw(clock)
    days = (day - EPOCH).days
    date = "%04d.%02d.%02d" % (day.year, day.month, day.day)
    secs = (h * 60 + mi) * 60 + s
    if kind == "d":
        return date, -14, days
    if kind == "m":
        return "%04d.%02dm" % (day.year, day.month), -13, (day.year - 2000) * 12 + day.month - 1
    if kind == "p":
        frac = draw(st.text("0123456789", min_size=0, max_size=9))
        ns = (days * 86400 + secs) * 10**9 + (int(frac.ljust(9, "0")) if frac else 0)
        text = "%sD%02d:%02d:%02d" % (date, h, mi, s) + ("." + frac if frac else "")
        return text, -12, ns
    if kind == "z":
        frac = draw(st.text("0123456789", min_size=1, max_size=3))
        ms = (days * 86400 + secs) * 1000 + int(frac.ljust(3, "0"))
        return "%sT%02d:%02d:%02d.%s" % (date, h, mi, s, frac), -15, ms
    sign = draw(st.sampled_from(["", "-"]))
    k = -1 if sign else 1
    if kind == "n":
        nd = draw(st.integers(0, 99999))
        frac = draw(st.text("0123456789", min_size=9, max_size=9))
        ns = (nd * 86400 + secs) * 10**9 + int(frac)
        return "%s%dD%02d:%02d:%02d.%s" % (sign, nd, h, mi, s, frac), -16, k * ns
    hh = draw(st.integers(0, 999))
    if kind == "u":
        return "%s%02d:%02d" % (sign, hh, mi), -17, k * (hh * 60 + mi)
    if kind == "v":
        return "%s%02d:%02d:%02d" % (sign, hh, mi, s), -18, k * ((hh * 60 + mi) * 60 + s)
    ms = draw(st.integers(0, 999))
    return ("%s%02d:%02d:%02d.%03d" % (sign, hh, mi, s, ms), -19,
            k * (((hh * 60 + mi) * 60 + s) * 1000 + ms))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(temporal_literal())
def test_temporal_literal_is_its_value_or_an_error(case):
    text, t, count = case
    v = run(text)
    if isinstance(v, QError):
        # only a value outside its type's range may be refused
        lim = 2**63 if t in (-12, -15, -16) else 2**31
        assert not -lim < count < lim, (text, v.msg)
        return
    assert qtype(v) == t, text
    assert int(counts(v)) == count, text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(temporal_literal(), min_size=2, max_size=4))
def test_strand_of_one_temporal_type_is_a_vector(cases):
    t = cases[0][1]
    lim = 2**63 if t in (-12, -15, -16) else 2**31
    same = [c for c in cases if c[1] == t and -lim < c[2] < lim]
    if len(same) < 2 or t == -13:       # month items carry their m only at the strand's end
        return
    v = run(" ".join(c[0] for c in same))
    assert qtype(v) == -t
    assert counts(v).tolist() == [c[2] for c in same]


# text that looks like a literal; ktwa must read it as what it looks like or refuse it
word = st.builds(lambda sign, w: sign + w, st.sampled_from(["", "-"]),
                st.text("0123456789.:DTmdznuvtpNW", min_size=1, max_size=14).filter(
                    lambda w: w[0].isdigit() and not w.endswith(":")
                    and not re.match(r"[012]:", w)))    # 0: 1: 2: are verbs
_TEMPORAL_LOOK = re.compile(r":|\d{4}\.\d\d\.|\d+D|\d{4}\.\d\dm$")


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(word)
def test_a_literal_that_looks_temporal_is_temporal_or_an_error(w):
    v = run(w)
    if isinstance(v, QError) or not _TEMPORAL_LOOK.search(w):
        return
    t = abs(qtype(v))
    assert 12 <= t <= 19, (w, v)


@pytest.mark.parametrize("src", [
    "12:3", "1:30", "5:30", "12:30:", "12:30:1", "12:30:15.", "12:60", "12:30:60",
    "12:30:15.1234567891", "2024.1.31", "2024.01.1", "2024.13.01", "2024.02.30", "2024.01.31x",
    "2024.01.31D24:00", "2024.01.31T12:30:00.0001", "2024.13m", "2024.01.31D12:30:00.0000000001",
    "12: 30", "0Nx", "-0Nd", "2024.01.01 12:30", "2024.01.01 5", "12:30 12:30:15", "0D1",
    "12:30u1", "1d", "12m",
])
def test_unreadable_literals_are_errors(src):
    assert isinstance(run(src), QError), src


@pytest.mark.parametrize("src,t,count", [
    ("12:30", -17, 750),
    ("12:30:00", -18, 45000),
    ("12:30:00.000", -19, 45000000),
    ("12:30:15.123456", -16, 45015123456000),
    ("0D12", -16, 43200 * 10**9),
    ("2024.01m", -13, 288),
    ("0p", -12, 0),
    ("09:30t", -19, 34200000),
])
def test_literals_the_issue_names(src, t, count):
    v = run(src)
    assert qtype(v) == t and int(counts(v)) == count


def test_numbers_stay_numbers():
    assert run("12.30") == np.float64(12.3)
    assert qtype(run("2020.01 2019.08")) == 9
