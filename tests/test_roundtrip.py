"""Any literal ktwa accepts round-trips through its k text: `(value -3!x)~x` and
`(value .Q.s1 x)~x` (same value, same type), for numbers of every type, temporals, symbols,
strings and their vectors. (Guids have no literal in q, so their text reads back only through
`"G"$`; they are left out.) Floats print with \\P 0 (17 digits), as they must to
round-trip in q too.
"""
import string

import numpy as np
from hypothesis import given, settings, strategies as st, HealthCheck

from ktwa.errors import QError
from ktwa.session import Session
from test_literals import temporal_literal

SESSION = Session()
SESSION.eval("\\P 0")


def _int_text(bits):
    lim = 2 ** (bits - 1)
    special = st.sampled_from(["0N", "0W", "-0W"])
    return st.one_of(st.integers(-lim + 2, lim - 1).map(str), special)


def _vector(item, suffix="", min_size=2):
    return st.lists(item, min_size=min_size, max_size=4).map(lambda xs: " ".join(xs) + suffix)


floats = st.floats(allow_nan=False, allow_infinity=False, width=64).map(repr).map(
    lambda s: s if "." in s or "e" in s else s + ".0")
reals = st.floats(allow_nan=False, allow_infinity=False, width=32).map(
    lambda f: "%.9g" % f).map(lambda s: s if "." in s or "e" in s else s + ".0")
sym = st.text(string.ascii_letters + string.digits, max_size=6).map(
    lambda s: s if not s or s[0].isalpha() else "a" + s)
chars = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=6).map(
    lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"')
temporal_atom = temporal_literal().filter(
    lambda c: -2**31 < c[2] < 2**31 or c[1] in (-12, -15, -16))
temporal_vector = st.lists(temporal_atom, min_size=2, max_size=4).map(
    lambda cs: " ".join(c[0] for c in cs if c[1] == cs[0][1] and c[1] != -13)).filter(
    lambda s: " " in s)
temporal_nulls = st.sampled_from("pmdznuvt").flatmap(
    lambda t: st.sampled_from(["0N" + t, "0W" + t, "-0W" + t] if t != "z" else
                              ["0Nz", "0wz", "-0wz"]))

literal = st.one_of(
    _int_text(64), _int_text(32).map(lambda s: s + "i"), _int_text(16).map(lambda s: s + "h"),
    _vector(_int_text(64)), _vector(_int_text(32), "i"), _vector(_int_text(16), "h"),
    floats, _vector(floats), st.sampled_from(["0n", "0w", "-0w", "1 0n 2"]),
    reals.map(lambda s: s + "e"), _vector(reals, "e"),
    st.text("01", min_size=1, max_size=8).map(lambda s: s + "b"),
    st.binary(min_size=1, max_size=6).map(lambda b: "0x" + b.hex()),
    sym.map(lambda s: "`" + s), st.lists(sym, min_size=2, max_size=4).map(
        lambda xs: "".join("`" + x for x in xs)),
    chars,
    temporal_atom.map(lambda c: c[0]), temporal_vector, temporal_nulls,
    temporal_nulls.map(lambda s: "2#" + s),
    st.lists(_int_text(64), min_size=2, max_size=3).map(lambda xs: "(" + ";".join(xs) + ")"),
    st.tuples(temporal_atom, sym).map(lambda p: "(" + p[0][0] + ";`" + p[1] + ")"),
    st.tuples(st.lists(sym, min_size=1, max_size=3, unique=True), temporal_atom).map(
        lambda p: "".join("`" + k for k in p[0]) + "!" + str(len(p[0])) + "#" + p[1][0]),
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(literal)
def test_accepted_literal_round_trips_through_its_k_text(lit):
    try:
        SESSION.eval("x:" + lit)
    except QError:
        return                      # not accepted: nothing to round-trip
    for text_of in ("-3!", ".Q.s1 "):
        same = SESSION.eval("(value " + text_of + "x)~x")
        assert same == np.True_, (lit, text_of, SESSION.eval(text_of + "x").tobytes())
