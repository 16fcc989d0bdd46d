"""Golden q) transcripts: `q)input` lines, each followed by the exact console output.

Format of tests/transcripts/**/*.q:
- a line starting with `q)` is an input (the rest of the line, evaluated by Session.console);
- the lines after it, up to the next `q)` line, are the exact expected output;
- lines before the first `q)` are a header (comments);
- an expected block consisting of the single line `<any>` accepts any output that is not an error
  (for random values and timings), `<error>` any q error.
All inputs of one file run in order in one Session.

Documentation (`doc_sections`): every fenced code block of a Markdown file that holds `q)` lines
is read the same way, except that an input left open (a bracket, brace, paren or string) goes on
into the following lines, as at the q) prompt, and a `q)\\` that ends a session is no case.
Blocks are grouped by `## ` section: each section is meant to define what it uses, and runs in a
Session of its own.
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
    return _cases(path, enumerate(path.read_text().split("\n"), 1))


def _cases(path: Path, numbered_lines, is_complete=None) -> list[Case]:
    """Cases from (line number, line) pairs; with `is_complete`, an open input continues."""
    cases: list[Case] = []
    cur = None
    out: list[str] = []
    for n, line in numbered_lines:
        if line.startswith("q)"):
            if cur is not None:
                cases.append(Case(path, len(cases), cur[0], cur[1], _block(out)))
            cur = (n, line[2:])
            out = []
        elif cur is not None and not out and is_complete and not is_complete(cur[1]):
            cur = (cur[0], cur[1] + "\n" + line)
        elif cur is not None:
            out.append(line)
    if cur is not None:
        cases.append(Case(path, len(cases), cur[0], cur[1], _block(out)))
    return cases


def doc_sections(path: Path, is_complete) -> list[tuple[str, list[Case]]]:
    """(section title, its cases) for each `## ` section of a Markdown file with q) blocks."""
    sections: list[tuple[str, list]] = [("", [])]
    block = None
    for n, line in enumerate(path.read_text().split("\n"), 1):
        if block is None and line.startswith("## "):
            sections.append((line[3:].strip(), []))
        elif line.startswith("```"):
            if block is None:
                block = []
            else:
                sections[-1][1].extend(_cases(path, block, is_complete))
                block = None
        elif block is not None:
            block.append((n, line))
    out = []
    for title, cases in sections:
        cases = [c for c in cases if c.src.strip() != "\\\\"]
        for i, c in enumerate(cases):
            c.index = i
        if cases:
            out.append((title, cases))
    return out


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
