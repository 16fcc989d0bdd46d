"""Hostile input: whatever is typed gives a value or a q error, never a Python exception, and
the session (its globals, its handles) survives it."""
import random

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ktwa.session import Session
from qfuzz import random_input, run_guarded


@pytest.fixture
def session(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)          # inputs may name files: keep them in a scratch folder
    s = Session()
    s.eval("keep:42; km:module enlist(`linear;2;1)")
    return s


def _intact(s):
    return s.eval("keep") == 42 and s.console("class km") == "`module\n"


def test_seeded_token_soup(session):
    rng = random.Random(20261130)
    escapes = []
    for k in range(2500):
        src = random_input(rng)
        if "keep" in src or "km" in src or src.startswith(("\\1", "\\2")):
            continue            # \1 file sends what the console shows to the file, as asked
        outcome, _ = run_guarded(session, src, seconds=2.0)
        if outcome.startswith("escape"):
            escapes.append((src, outcome))
        if k % 250 == 0:
            assert _intact(session), src
    assert not escapes, escapes[:10]
    assert _intact(session)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_unicode_text(session, src):
    outcome, _ = run_guarded(session, src, seconds=2.0)
    assert not outcome.startswith("escape"), (src, outcome)


@pytest.mark.parametrize("src, word", [
    ("é", "char"), ("`λ", "char"), ("“a”", "char"), ("1٣", "char"),
    ("select from ([]a:1 2) where 1 2", "type"), ("exec a from ([]a:1 2) where 1 2", "type"),
    ("update a:3 from ([]a:1 2) where 1 2", "type"), ("delete from ([]a:1 2) where 1 2", "type"),
    ("select (1 2!3 4) from ([]a:1 2)", "type"), ("([]a:)", "type"),
    ("(1;" * 60000 + "1" + ")" * 60000, "stack"),
    ("x:0;" + "x[" * 60000 + "0" + "]" * 60000, "stack"),
    ("100000000000 0N#1", "wsfull"),
])
def test_reported_escapes_are_q_errors(session, src, word):
    out = session.console(src)
    assert out.startswith("'" + word + "\n"), out[:200]
    assert _intact(session)


def test_displaying_a_deeply_nested_value(session):
    session.eval("deep:{enlist x}/[100000;1]")
    assert session.console("deep").startswith("'stack\n")
    assert _intact(session)
