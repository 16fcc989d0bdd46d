"""Runs every golden transcript; one pytest id per q) input."""
import pytest

from ktwa.session import Session
from transcript import all_cases, outputs_match

CASES = all_cases()
_runs: dict = {}


def _outputs(path):
    """Run a whole transcript once, in order, in one Session; cache the outputs."""
    if path not in _runs:
        s = Session()
        _runs[path] = [s.console(c.src) for c in CASES if c.path == path]
    return _runs[path]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.path.stem}:{c.line}:{c.src[:40]}" for c in CASES])
def test_transcript(case):
    got = _outputs(case.path)[case.index]
    assert outputs_match(case.expected, got), (
        f"\n{case.path.name}:{case.line}\nq){case.src}\n--- expected\n{case.expected}--- got\n{got}")
