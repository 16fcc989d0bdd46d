"""The short-vector paths give exactly what the general paths give.

A decision tree's inner loop (funq's ml.q: `wodds[w] group x`, `sum each w g`) calls verbs on
vectors of a few dozen items, where numpy's fixed cost per call dominates; those verbs take a
Python path for short vectors (ktwa.verbs.arith._lane_sum_short, hashing.positions_short,
index.take_pos's short bounds check) and group takes a two-part path for booleans. Each is
checked here against the general path forced by the module's threshold, bit for bit: nulls,
-0.0, infinities, out-of-range positions.
"""
import numpy as np
from hypothesis import HealthCheck, given, settings, strategies as st

from ktwa.values import types as T
from ktwa.verbs import arith as AR
from ktwa.verbs import grouping as G
from ktwa.verbs import hashing as H
from ktwa.verbs import index as IX

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])

SPECIAL = [0.0, -0.0, float("nan"), float("inf"), float("-inf"), 1e308, -1e308, 5e-324, 0.1,
           1.0, -2.5, 3.0]
doubles = st.one_of(st.sampled_from(SPECIAL), st.floats(allow_nan=True, allow_infinity=True))


def _bits(v):
    return np.asarray(v).tobytes()


@SETTINGS
@given(st.lists(doubles, max_size=AR._SHORT_SUM + 8))
def test_short_float_sum_is_the_lane_sum(items):
    x = np.array(items, dtype=np.float64)
    short = AR.lane_sum(x)
    saved = AR._SHORT_SUM
    AR._SHORT_SUM = -1
    try:
        general = AR.lane_sum(x)
    finally:
        AR._SHORT_SUM = saved
    assert type(short) is type(general) is np.float64
    assert _bits(short) == _bits(general) or (np.isnan(short) and np.isnan(general))


def test_short_float_sum_examples():
    assert _bits(AR.lane_sum(np.array([-0.0]))) == _bits(np.float64(0.0))     # 0f, as before
    assert AR.lane_sum(np.array([], dtype=np.float64)) == 0.0
    assert AR.lane_sum(np.array([np.nan, 1.5])) == 1.5                       # nulls skipped
    assert AR.lane_sum(np.array([1e308, 1e308])) == np.inf
    assert np.isnan(AR.lane_sum(np.array([np.inf, -np.inf])))
    # reals keep the general path (their partial sums are singles)
    assert type(AR.lane_sum(np.array([0.1, 0.2], dtype=np.float32))) is np.float32


def _general_group(x):
    g = G.groups(G.key_columns(x), ascending=False)
    return G.take_pos(x, g.first), g.parts()


def _same_group(d, x):
    keys, parts = _general_group(x)
    assert d.keys.dtype == keys.dtype
    if keys.dtype == object:
        assert d.keys.tolist() == keys.tolist()
    else:
        assert _bits(d.keys) == _bits(keys)        # the first of 0.0/-0.0, nulls as they were
    assert len(d.values) == len(parts)
    for a, b in zip(d.values, parts):
        assert a.dtype == b.dtype == np.int64 and np.array_equal(a, b)


KINDS = {
    "bool": lambda d, n: np.array(d.draw(st.lists(st.booleans(), min_size=n, max_size=n))),
    "long": lambda d, n: np.array(d.draw(st.lists(st.sampled_from(
        [0, 1, -3, T.INT_NULL[7], 2 ** 40]), min_size=n, max_size=n)), dtype=np.int64),
    "int": lambda d, n: np.array(d.draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n)),
                                 dtype=np.int32),
    "float": lambda d, n: np.array(d.draw(st.lists(st.sampled_from(SPECIAL), min_size=n,
                                                   max_size=n)), dtype=np.float64),
    "real": lambda d, n: np.array(d.draw(st.lists(st.sampled_from(SPECIAL[:5] + [1.5]), min_size=n,
                                                  max_size=n)), dtype=np.float32),
    "char": lambda d, n: np.array(d.draw(st.lists(st.sampled_from([b"a", b"b", b" "]),
                                                  min_size=n, max_size=n)), dtype="S1"),
    "symbol": lambda d, n: np.array(d.draw(st.lists(st.sampled_from(["", "a", "ab"]),
                                                    min_size=n, max_size=n)), dtype=object),
    "date": lambda d, n: np.array(d.draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)),
                                  dtype="datetime64[D]"),
}


@SETTINGS
@given(st.data(), st.sampled_from(sorted(KINDS)), st.integers(1, 2 * H.SHORT + 10))
def test_group_short_and_boolean_paths_match_the_general_path(data, kind, n):
    x = KINDS[kind](data, n)
    _same_group(G.group(x), x)


def test_group_boolean_examples():
    for x in (np.ones(300, bool), np.zeros(300, bool), np.arange(300) % 3 == 1,
              np.arange(300) % 3 != 1):
        _same_group(G.group(x), x)


@SETTINGS
@given(st.lists(st.integers(-5, 8), max_size=3 * IX._SHORT_POS),
       st.sampled_from(["long", "float", "symbol", "char"]))
def test_take_pos_gives_items_and_nulls_past_the_ends(pos, kind):
    # short positions are checked as a list, longer ones by two reductions, any out of range
    # by the masked path: each gives the item, or the type's null outside 0..count-1
    x, null = {"long": (np.arange(5, dtype=np.int64) * 10, T.INT_NULL[7]),
               "float": (np.array([0.5, -0.0, np.nan, 2, 3]), np.nan),
               "symbol": (np.array(["a", "b", "", "c", "d"], dtype=object), ""),
               "char": (np.array(list(b"abcde"), dtype=np.uint8).view("S1"), b" ")}[kind]
    got = IX.take_pos(x, np.array(pos, dtype=np.int64))
    want = np.array([x[p] if 0 <= p < len(x) else null for p in pos], dtype=x.dtype)
    assert got.dtype == x.dtype
    assert got.tolist() == want.tolist() if kind == "symbol" else _bits(got) == _bits(want)


@SETTINGS
@given(st.lists(st.tuples(doubles, doubles), max_size=AR._SHORT_PAIRS + 8))
def test_short_wavg_matches_the_general_path(pairs):
    x = np.array([a for a, _ in pairs], dtype=np.float64)
    y = np.array([b for _, b in pairs], dtype=np.float64)
    short = AR.wavg(x, y)
    saved = AR._SHORT_SUM, AR._SHORT_PAIRS
    AR._SHORT_SUM = AR._SHORT_PAIRS = -1
    try:
        general = AR.wavg(x, y)
    finally:
        AR._SHORT_SUM, AR._SHORT_PAIRS = saved
    assert type(short) is type(general) is np.float64
    assert _bits(short) == _bits(general) or (np.isnan(short) and np.isnan(general))


def test_short_wavg_examples():
    assert AR.wavg(np.array([1.0, 2.0]), np.array([3.0, 4.0])) == 11 / 3
    assert np.isnan(AR.wavg(np.array([0.0, 0.0]), np.array([3.0, 4.0])))     # 0%0
    assert AR.wavg(np.array([1.0, -1.0]), np.array([3.0, 4.0])) == -np.inf   # -1%0
    assert np.isnan(AR.wavg(np.array([np.nan]), np.array([1.0])))             # no pairs


@SETTINGS
@given(st.lists(st.tuples(doubles, doubles), max_size=AR._SHORT_PAIRS + 8))
def test_short_wsum_matches_the_general_path(pairs):
    x = np.array([a for a, _ in pairs], dtype=np.float64)
    y = np.array([b for _, b in pairs], dtype=np.float64)
    short = AR.wsum(x, y)
    saved = AR._SHORT_SUM, AR._SHORT_PAIRS
    AR._SHORT_SUM = AR._SHORT_PAIRS = -1
    try:
        general = AR.wsum(x, y)
    finally:
        AR._SHORT_SUM, AR._SHORT_PAIRS = saved
    assert type(short) is type(general) is np.float64
    assert _bits(short) == _bits(general) or (np.isnan(short) and np.isnan(general))


@SETTINGS
@given(st.integers(0, 5000), st.integers(1, 256), st.integers(-10 ** 12, 10 ** 12),
       st.sampled_from(["long", "int", "char", "date"]), st.integers(0, 2 ** 32 - 1))
def test_group_of_a_small_span_matches_the_general_path(n, span, lo, kind, seed):
    v = np.random.default_rng(seed).integers(0, span, n)
    x = {"long": lambda: v + lo, "int": lambda: (v + lo % 1000).astype(np.int32),
         "char": lambda: (v % 256).astype(np.uint8).view("S1"),
         "date": lambda: (v + lo % 10 ** 5).astype("datetime64[D]")}[kind]()
    if n:
        _same_group(G.group(x), x)
