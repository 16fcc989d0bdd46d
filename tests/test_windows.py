"""Moving-window kernels against their definitions, item by item: the vectorised kernels
(cumulative-sum differences, the block max/min scan, the doubling scan of ema) must agree with
a plain loop over each window for any vector, window and null pattern."""
import math

import numpy as np
from hypothesis import given, settings, strategies as st

from ktwa.session import Session
from ktwa.values.types import NULL_J, INF_J

S = Session()
NULL = int(NULL_J)

ints = st.lists(st.one_of(st.integers(-50, 50), st.just(NULL)), max_size=40)
floats = st.lists(st.one_of(st.floats(-1e3, 1e3), st.just(math.nan)), max_size=40)
windows = st.integers(0, 12)


def _run(verb, k, v, dtype):
    return S.ctx.builtins[verb].dyad(np.int64(k), np.array(v, dtype=dtype))


def _windows(v, k):
    return [v[max(0, i - k + 1):i + 1] if k > 0 else [] for i in range(len(v))]


@settings(max_examples=150, deadline=None)
@given(ints, windows)
def test_integer_windows_match_a_loop(v, k):
    ws = _windows(v, k)
    ok = [[a for a in w if a != NULL] for w in ws]
    assert _run("msum", k, v, np.int64).tolist() == [sum(w) for w in ok]
    assert _run("mcount", k, v, np.int64).tolist() == [len(w) for w in ok]
    # a null counts as -0W for mmax; it is the least value for mmin
    if k > 0:
        assert _run("mmax", k, v, np.int64).tolist() == [max(w, default=-int(INF_J)) for w in ok]
        assert _run("mmin", k, v, np.int64).tolist() == [min(w) for w in ws]
    avg = _run("mavg", k, v, np.int64)
    expect = [sum(w) / len(w) if w else math.nan for w in ok]
    np.testing.assert_allclose(avg, expect, rtol=1e-12, atol=1e-9)


@settings(max_examples=150, deadline=None)
@given(floats, windows)
def test_float_windows_match_a_loop(v, k):
    ws = _windows(v, k)
    ok = [[a for a in w if a == a] for w in ws]
    np.testing.assert_allclose(_run("msum", k, v, np.float64), [sum(w) for w in ok],
                               rtol=1e-9, atol=1e-6)
    dev = _run("mdev", k, v, np.float64)
    expect = [float(np.std(w)) if w else math.nan for w in ok]
    np.testing.assert_allclose(dev, expect, rtol=1e-6, atol=1e-4)
    if k > 0:
        mn = _run("mmin", k, v, np.float64).tolist()
        expect = [math.nan if len(o) < len(w) else min(w) for w, o in zip(ws, ok)]
        np.testing.assert_array_equal(mn, expect)
        mx = _run("mmax", k, v, np.float64).tolist()
        np.testing.assert_array_equal(mx, [max(w, default=-math.inf) for w in ok])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=60), st.floats(0, 1))
def test_ema_is_its_recurrence(v, a):
    got = S.ctx.builtins["ema"].dyad(np.float64(a), np.array(v))
    s = v[0]
    expect = []
    for y in v:
        s = (1 - a) * s + a * y
        expect.append(s)
    np.testing.assert_allclose(got, expect, rtol=1e-9, atol=1e-9)
