"""Golden q) transcripts: `q)input` lines, each followed by the exact console output.

Format of tests/transcripts/**/*.q:
- a line starting with `q)` is an input (the rest of the line, evaluated by Session.console);
- the lines after it, up to the next `q)` line, are the exact expected output;
- lines before the first `q)` are a header (comments);
- an expected block consisting of the single line `<any>` accepts any output that is not an error
  (for random values and timings), `<error>` any q error.
All inputs of one file run in order in one Session.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parent / "transcripts"


@dataclass
class Case:
    path: Path
    index: int
    line: int
    src: str
    expected: str


def parse_transcript(path: Path) -> list[Case]:
    cases: list[Case] = []
    cur = None
    out: list[str] = []
    for n, line in enumerate(path.read_text().split("\n"), 1):
        if line.startswith("q)"):
            if cur is not None:
                cases.append(Case(path, len(cases), cur[0], cur[1], _block(out)))
            cur = (n, line[2:])
            out = []
        elif cur is not None:
            out.append(line)
    if cur is not None:
        cases.append(Case(path, len(cases), cur[0], cur[1], _block(out)))
    return cases


def _block(lines: list[str]) -> str:
    while lines and lines[-1] == "":
        lines = lines[:-1]
    return "".join(ln + "\n" for ln in lines)


def all_cases() -> list[Case]:
    cases = []
    for p in sorted(ROOT.rglob("*.q")):
        cases.extend(parse_transcript(p))
    return cases


def outputs_match(expected: str, got: str) -> bool:
    if expected == "<any>\n":
        return not got.startswith("'")
    if expected == "<error>\n":
        return got.startswith("'")
    return expected == got
