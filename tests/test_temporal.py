"""Temporal arithmetic, casts and fields against Python's own calendar (datetime): an oracle
independent of ktwa's counts. Timestamps are nanoseconds since 2000.01.01, as in q."""
import datetime as dt

from hypothesis import given, settings, strategies as st, HealthCheck

from ktwa.session import Session
from ktwa.values.temporal import counts
from ktwa.values.types import qtype

EPOCH = dt.datetime(2000, 1, 1)
S = Session()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

dates = st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31))
# (day, ns of the day); within 1900..2100 so that differences fit a timespan (292 years)
stamps = st.tuples(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
                   st.integers(0, 86400 * 10**9 - 1))
spans = st.integers(-10**15, 10**15)                                  # nanoseconds


def dtext(d: dt.date) -> str:
    return "%04d.%02d.%02d" % (d.year, d.month, d.day)


def days(d: dt.date) -> int:
    return (d - EPOCH.date()).days


def ptext(p) -> str:
    d, ns = p
    s, f = divmod(ns, 10**9)
    return dtext(d) + "D%02d:%02d:%02d.%09d" % (s // 3600, s // 60 % 60, s % 60, f)


def pcount(p) -> int:
    return days(p[0]) * 86400 * 10**9 + p[1]


def ntext(ns: int) -> str:
    sign, a = ("-" if ns < 0 else ""), abs(ns)
    d, r = divmod(a, 86400 * 10**9)
    s, f = divmod(r, 10**9)
    return sign + "%dD%02d:%02d:%02d.%09d" % (d, s // 3600, s // 60 % 60, s % 60, f)


def q(src):
    v = S.eval(src)
    return qtype(v), counts(v).tolist()


@SETTINGS
@given(dates, st.integers(-10000, 10000))
def test_date_plus_int_is_that_many_days_later(d, k):
    assert q(dtext(d) + "+" + str(k)) == (-14, days(d) + k)


@SETTINGS
@given(dates, dates)
def test_date_minus_date_is_an_int_of_days(a, b):
    v = S.eval(dtext(a) + "-" + dtext(b))
    assert qtype(v) == -6 and int(v) == (a - b).days


@SETTINGS
@given(stamps, stamps)
def test_timestamp_minus_timestamp_is_a_timespan(a, b):
    assert q(ptext(a) + "-" + ptext(b)) == (-16, pcount(a) - pcount(b))


@SETTINGS
@given(stamps, spans)
def test_timestamp_plus_timespan(p, n):
    assert q(ptext(p) + "+" + ntext(n)) == (-12, pcount(p) + n)


@SETTINGS
@given(dates, st.integers(0, 86400 * 1000 - 1))
def test_date_plus_time_is_a_timestamp(d, ms):
    s, f = divmod(ms, 1000)
    t = "%02d:%02d:%02d.%03d" % (s // 3600, s // 60 % 60, s % 60, f)
    assert q(dtext(d) + "+" + t) == (-12, days(d) * 86400 * 10**9 + ms * 10**6)


@SETTINGS
@given(stamps)
def test_timestamp_casts_and_fields_floor(p):
    d, ns = p
    assert q("`date$" + ptext(p)) == (-14, days(d))
    assert q("`month$" + ptext(p)) == (-13, (d.year - 2000) * 12 + d.month - 1)
    assert q("`minute$" + ptext(p)) == (-17, ns // (60 * 10**9))
    assert q("`second$" + ptext(p)) == (-18, ns // 10**9)
    assert q("`time$" + ptext(p)) == (-19, ns // 10**6)
    assert q("`timespan$" + ptext(p)) == (-16, ns)
    year, mm, dd = (int(x) for x in S.eval("`year`mm`dd$" + ptext(p)))
    assert (year, mm, dd) == (d.year, d.month, d.day)
    monday = d - dt.timedelta(days=d.weekday())
    assert q("`week$" + ptext(p)) == (-14, days(monday))


@SETTINGS
@given(stamps)
def test_timestamp_text_reads_back(p):
    assert q(ptext(p)) == (-12, pcount(p))
    assert S.console(ptext(p)) == ptext(p) + "\n"


@given(st.lists(st.sampled_from(["0Nd", "0Wd", "-0Wd", "2024.01.31", "2000.01.01", "1999.12.31",
                                 "2100.02.28"]), min_size=1, max_size=6),
       st.sampled_from(["1", "-1", "0", "2147483647", "-2147483647", "0N", "3i", "0Ni", "7h"]),
       st.sampled_from(["+", "-"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_date_vector_shift_agrees_with_each_atom(items, k, op):
    """A date vector plus or minus an integer (one pass when no null or wrap is possible, the
    general path otherwise) gives what each atom gives alone."""
    v = "(" + ";".join(items) + ")" if len(items) > 1 else "enlist " + items[0]
    s = Session()
    whole = s.console(f"{v}{op}{k}")
    each = s.console(f"{{x{op}{k}}} each {v}")
    assert whole == each
def test_gtime_ltime_follow_the_zone_rules(monkeypatch):
    """New York is UTC-4 in October (summer time) and UTC-5 in January: ltime and gtime move
    by the offset in force at that instant (gtime.md)."""
    import time
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        s = Session()
        assert s.console("ltime 2009.10.20D14:52:17.5 2009.01.20D14:52:17.5") == \
            "2009.10.20D10:52:17.500000000 2009.01.20D09:52:17.500000000\n"
        assert s.console("gtime 2009.10.20T10:52:17.500") == "2009.10.20T14:52:17.500\n"
    finally:
        monkeypatch.undo()              # the zone the process had, TZ set or not
        time.tzset()
