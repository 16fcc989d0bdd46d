"""The documentation runs: every q) block of docs/*.md and the README, as a transcript (see
tests/transcript.py: each `## ` section in a Session of its own, in a scratch directory), so
the docs cannot drift from what ktwa prints."""
from pathlib import Path

import pytest

from ktwa.session import Session
from transcript import doc_sections, outputs_match

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md"))
SECTIONS = [(path, title, cases) for path in DOCS
            for title, cases in doc_sections(path, Session.is_complete)]


@pytest.fixture
def one_thread():
    """The docs' training examples were run on one thread: torch's sums split across threads
    round differently (they show 4 digits, `\\P 4`, which that seldom reaches)."""
    import torch
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


def test_the_docs_have_q_blocks():
    assert {p.name for p, _, _ in SECTIONS} == {p.name for p in DOCS}


@pytest.mark.parametrize("path, title, cases", SECTIONS,
                         ids=[f"{p.name}:{t or 'top'}" for p, t, _ in SECTIONS])
def test_section_prints_what_it_shows(path, title, cases, tmp_path, monkeypatch, one_thread):
    monkeypatch.chdir(tmp_path)
    s = Session()
    bad = []
    for c in cases:
        got = s.console(c.src)
        if not outputs_match(c.expected, got):
            bad.append(f"{path.name}:{c.line}\nq){c.src}\n--- expected\n{c.expected}--- got\n{got}")
    assert not bad, "\n".join(bad)
