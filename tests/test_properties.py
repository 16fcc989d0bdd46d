"""Property tests: any input gives a value or a q error, never another exception."""
from hypothesis import given, settings, strategies as st, HealthCheck

from ktwa.errors import QError, QExit
from ktwa.session import Session
from ktwa.runtime import parse

TOKENS = ["1", "2.5", "-1", "0N", "0n", "1 2 3", "`a", "`a`b", '"ab"', "x", "y", "f", "til",
          "count", "sum", "+", "-", "*", "%", "#", ",", "!", "@", ".", "$", "?", "_", "~", "=",
          "<", ">", "&", "|", "^", "'", "/", "\\", "':", "/:", "\\:", "(", ")", "[", "]", "{", "}",
          ";", ":", "::", "each", "over", "first", "enlist", "flip", "key", "value", "where",
          "select", "from", "by", "exec", " ", "x:", "f:{x+y}", "()", "1b", "0x2a",
          # tables, joins, windows, enumerations, attributes (no file verbs: tests write no files)
          "([]a:1 2;b:`x`y)", "([a:1 2]b:3 4)", "lj", "uj", "ij", "pj", "aj", "asof", "ungroup",
          "meta", "upsert", "insert", "`t", ",:", "msum", "mmax", "mavg", "ema", "avgs", "`s#",
          "`u#", "`#", "attr", "`d$", "`d?", "`d!", "xasc", "xcols"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12))
def test_random_token_sequences_give_value_or_q_error(toks):
    src = "".join(toks)
    s = Session()
    try:
        s.eval(src)
    except (QError, QExit):     # QExit: the input was `\\` (quit)
        pass
    # the console never raises either, and renders something or nothing
    try:
        out = s.console(src)
    except QExit:
        return
    assert isinstance(out, str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.-+ `abx()[]{};:'/\\\"", max_size=20))
def test_random_text_parses_or_raises_q_error(src):
    try:
        parse(src)
    except QError:
        pass
