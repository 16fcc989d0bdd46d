"""var dev svar sdev cov scov cor are their pages' formulas (var.md, dev.md, cov.md, cor.md) with
q's own avg: each built-in gives, to the bit, what the formula written in q gives, on the items
less the first (neither formula changes under a shift; it makes a constant list's var exactly 0).
The grouped fast paths of temporal columns match the general path (test_fast_paths.py covers
the numeric ones)."""
import numpy as np
from hypothesis import HealthCheck, given, settings, strategies as st

from ktwa import Session
from ktwa.values import types as T

from test_fast_paths import same

SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])

# finite floats whose squares (and sums of squares) stay finite
FINITE = st.floats(min_value=-1e100, max_value=1e100, allow_nan=False)
VECTORS = st.lists(st.one_of(FINITE, st.sampled_from([0.1, 0.2, 1.1, -3.0, 1e8 + 0.5])),
                   min_size=1, max_size=60)

VAR = "{d:x-first x; m:avg d; 0|avg[d*d]-m*m}"
COV = "{a:x-first x; b:y-first y; avg[a*b]-avg[a]*avg b}"


def _session(**vs):
    s = Session()
    for k, v in vs.items():
        s.ctx.globals[k] = v
    return s


@SETTINGS
@given(VECTORS)
def test_var_dev_svar_sdev_are_the_formula_with_avg(xs):
    s = _session(x=np.array(xs))
    v = s.eval(f"{VAR} x")
    assert same(s.eval("var x"), v)
    assert same(s.eval("dev x"), s.eval(f"sqrt {VAR} x"))
    assert same(s.eval("svar x"), s.eval(f"{VAR}[x]*n%-1+n:count x"))
    assert same(s.eval("sdev x"), s.eval(f"sqrt {VAR}[x]*n%-1+n:count x"))
    assert v >= 0


@SETTINGS
@given(VECTORS, st.data())
def test_cov_scov_cor_are_the_formula_with_avg(xs, data):
    ys = data.draw(st.lists(FINITE, min_size=len(xs), max_size=len(xs)))
    s = _session(x=np.array(xs), y=np.array(ys))
    c = s.eval(f"{COV}[x;y]")
    assert same(s.eval("x cov y"), c)
    assert same(s.eval("x scov y"), s.eval(f"{COV}[x;y]*n%-1+n:count x"))
    assert same(s.eval("x cor y"), s.eval(f"{COV}[x;y]%sqrt[{VAR} x]*sqrt {VAR} y"))


@SETTINGS
@given(FINITE, st.integers(1, 70))
def test_a_constant_list_has_variance_0(c, n):
    s = _session(x=np.full(n, c))
    for f in ("var", "dev"):
        assert same(s.eval(f"{f} x"), np.float64(0.0))
    assert same(s.eval("x cov x"), np.float64(0.0))


INTS = st.lists(st.one_of(st.none(), st.integers(-5000, 5000)), max_size=40)


@SETTINGS
@given(INTS, st.data())
def test_temporal_statistics_by_match_the_general_path(ns, data):
    ks = data.draw(st.lists(st.integers(0, 3), min_size=len(ns), max_size=len(ns)))
    i32 = np.array([T.INT_NULL[6] if n is None else n for n in ns], dtype=np.int32)
    s = _session(i=i32, k=np.array(ks, dtype=np.int64))
    s.eval("t:([] k; d:`date$i; s:`second$i; p:`timestamp$`long$i)")
    for agg in ("var", "dev", "svar", "sdev"):
        for col in ("d", "s", "p"):
            fast = s.eval(f"select a:{agg} {col} by k from t")
            general = s.eval(f"select a:{{{agg} x}}[{col}] by k from t")
            assert same(fast, general), (agg, col, fast, general)
