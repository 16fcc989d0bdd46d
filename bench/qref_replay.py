"""Replay the q) examples of the q reference (code.kx.com's source, the public repository
KxSystems/docs) through ktwa and score them, page by page.

The pages are read at run time from a snapshot (a git directory or a checkout); nothing of
them is kept here:

    python bench/qref_replay.py --repo PATH [--pages til,aj,...] [--dir docs/ref] [--show N]
                                [--qhome KDB]

Each page runs in one fresh Session, in a fresh folder (under $TMPDIR) holding the scripts of
q's distribution (KxSystems/kdb: sp.q ..., see qhome_scripts), its ```q blocks in order, so
state carries as it does on the page (see `cases` for how a block is read). Verdicts per input
whose page shows output:
  exact   same text (trailing blanks ignored; a comment the page wrote after a line of
          output, ` / like this`, is not q's)
  error   the page shows a q error ('msg) and ktwa prints the same up to that line (the
          frames after it are not compared)
  form    the input reads the system clock (`.z.p`, `gtime .z.P` ...: see CLOCK) and ktwa
          prints the page's text with other digits in it (the clock's value can never match;
          its type and layout can). Counted as passing, and reported apart.
  fail    anything else (pages print random draws and timings too: those fail here)
Inputs whose page shows nothing are not scored. Prints per-page figures, the worst pages,
then 'qref: P% of N inputs pass'.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

# measure the checkout this script lives in, not whichever ktwa is installed
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _files(repo: Path, folder: str, suffix: str = ".md") -> dict[str, str]:
    """file stem -> text of a folder's files with this suffix, from a git directory or a
    checkout."""
    if (repo / folder).is_dir() and not (repo / "HEAD").is_file():
        return {p.stem: p.read_text(errors="replace")
                for p in sorted((repo / folder).glob("*" + suffix))}
    where = "HEAD:" if folder in (".", "") else f"HEAD:{folder}"
    names = subprocess.run(["git", "-C", str(repo), "ls-tree", "--name-only", where],
                           capture_output=True, text=True, check=True).stdout.split()
    out = {}
    for n in names:
        if n.endswith(suffix):
            path = n if folder in (".", "") else f"{folder}/{n}"
            out[n[:-len(suffix)]] = subprocess.run(
                ["git", "-C", str(repo), "show", f"HEAD:{path}"],
                capture_output=True, text=True).stdout
    return out


PROMPT = re.compile(r"q(?:\.[A-Za-z][\w.]*)?\)+")          # q)  q.foo)  q)) (debug level)
K_PROMPT = re.compile(r"  (?=\S)")      # k's prompt, two blanks, after a lone `\` (syscmds.md)
BESIDE = re.compile(r"\s{2,}(?=q(?:\.[A-Za-z][\w.]*)?\))")   # two sessions side by side
FENCE = re.compile(r"^(\s*)```(\w*)\s*(?:\{.*\})?\s*$")
COMMENT = re.compile(r"\s+/.*$|^/(?:[\s/].*)?$")              # q comments: ` /...`, `/ ...`


def blocks(text: str) -> list[list[str]]:
    """The lines of each ```q block, dedented to its fence (blocks nest in admonitions). A
    fence closes only on a line of its own (a q line may hold ```), and blocks inside HTML
    comments are not on the page."""
    out, cur, lang, indent, hidden = [], None, None, 0, False
    for line in text.split("\n"):
        if lang is None:
            if hidden or ("<!--" in line and "-->" not in line.split("<!--", 1)[1]):
                hidden = "-->" not in line
                continue
            m = FENCE.match(line)
            if m:
                lang, indent, cur = m.group(2), len(m.group(1)), []
        elif re.match(r"\s*`{3,}\s*$", line):
            if lang == "q":
                out.append(cur)
            lang = None
        else:
            line = line.translate(_TYPESET)
            cur.append(line[indent:] if not line[:indent].strip() else line.lstrip())
    return out


# typesetting the page's editors left in code: no-break spaces show as spaces, zero-width
# spaces as nothing; q would reject both, the reader sees neither
_TYPESET = {0xA0: " ", 0x200B: None}


def cases(text: str) -> list[tuple[str, str]]:
    """(input, expected output) from the page's ```q blocks, in page order.

    A block with q) prompts is a console session: an input's expected output is every
    following line up to the next prompt (`q.foo)` while in a namespace, `q))` in the
    debugger); an input the page wraps over lines (an open bracket) takes the lines that
    close it. Two sessions printed side by side (`q)d      q)r`) are split at the second
    prompt's column. A block without prompts is script code the page defines things with
    (`d:(...)`, `f:{...}`): its statements run, unscored (expected output ''). After an input
    `\` the session is k's until the next: its prompt is two blanks (dotq.md's .Q.qp)."""
    from ktwa.session import Session, split_statements
    out = []
    kmode = False

    def prompt(ln):
        return PROMPT.match(ln) or (K_PROMPT.match(ln) if kmode else None)

    for lines in blocks(text):
        if not any(prompt(ln) for ln in lines):
            src = "\n".join(lines)
            out.extend((st.text, "") for st in split_statements(src, script=True))
            continue
        i = 0
        while i < len(lines) and not prompt(lines[i]):
            i += 1
        while i < len(lines):
            line = lines[i]
            cut = [0]
            for m in BESIDE.finditer(line):
                cut.append(m.end())
            i += 1
            if len(cut) == 1:
                src = line[prompt(line).end():]
                while not Session.is_complete(src) and i < len(lines) \
                        and not prompt(lines[i]):
                    src, i = src + " " + lines[i].strip(), i + 1
                if src.strip() == "\\":
                    kmode = not kmode
            exp = []
            while i < len(lines) and not prompt(lines[i]):
                exp.append(lines[i])
                i += 1
            bounds = cut[1:] + [None]
            for a, b in zip(cut, bounds):
                part = line[a:b].strip()
                m = PROMPT.match(part)
                if len(cut) > 1:
                    if not m:
                        continue
                    src = part[m.end():]
                out.append((src, _clean([e[a:b] for e in exp])))
    return out


def _clean(lines: list[str]) -> str:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(ln.rstrip() for ln in lines)


def _same(exp: str, got: str) -> bool:
    """An expected line matches the same text, or the text before a q comment the page
    added to it (`4 8 12  / equates to ...`); lines that are only a comment at the margin
    are the page talking, not q printing."""
    return got == exp or (COMMENT.search(exp) is not None and
                          got == COMMENT.sub("", exp).rstrip())


def shown(expected: str) -> list[str]:
    """The lines q printed: the expected text less the page's comment lines."""
    lines = [ln for ln in expected.split("\n") if not re.match(r"/([\s/]|$)", ln)]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def verdict(expected: str, got: str) -> str:
    got = _clean(got.split("\n")) if got else ""    # the page's blank last lines are lost too
    if got == expected:
        return "exact"
    exp = shown(expected)
    g = got.split("\n") if got else []
    k = next((j for j, ln in enumerate(exp) if ln.startswith("'")), None)
    if k is not None and len(g) > k and all(_same(e, x) for e, x in zip(exp[:k + 1], g)):
        return "error"             # what printed before the error, and the error's line
    if exp and len(exp) == len(g) and all(_same(e, x) for e, x in zip(exp, g)):
        return "exact"
    return "fail"


# an input that reads the clock, and draws nothing at random: its value is the time it ran
CLOCK = re.compile(r"\.z\.[pPnNzZtTdD](?![\w.])")


def clock_form(src: str, expected: str, got: str) -> bool:
    """The clock's reading printed in the page's form: the same text once every digit is
    a 0 (a timestamp for a timestamp, a date for a date ...)."""
    code = COMMENT.sub("", src)
    if not CLOCK.search(code) or "?" in code:
        return False
    exp, g = shown(expected), got.rstrip("\n").split("\n") if got else []
    zero = lambda t: re.sub(r"\d", "0", COMMENT.sub("", t).rstrip())   # noqa: E731
    return bool(exp) and len(exp) == len(g) and all(zero(e) == zero(x) for e, x in zip(exp, g))


def _alarm(signum, frame):
    raise KeyboardInterrupt


def qhome_scripts(qhome: str | None, docs_repo: str) -> dict[str, str]:
    """The q scripts of q's distribution (KxSystems/kdb: sp.q, trade.q ...), by file name.
    The pages were run in q's own folder (`q)\\l sp.q`), so each page runs in a folder holding
    them. Taken from --qhome (a snapshot or checkout of KxSystems/kdb), else $QHOME_REPO,
    else a KxSystems+kdb snapshot beside the docs' one; none found: no scripts."""
    cands = [qhome, os.environ.get("QHOME_REPO")]
    docs = Path(docs_repo).resolve()
    cands.append(str(docs.parent.parent / docs.parent.name.replace("+docs", "+kdb") / docs.name))
    for c in cands:
        if c and Path(c).exists():
            files = _files(Path(c), ".", suffix=".q")
            return {f"{k}.q": v for k, v in files.items()}
    return {}


def run_page(text: str, seconds: float = 5.0, scripts: dict[str, str] | None = None):
    """Run one page in a fresh Session, in a fresh folder holding q's scripts."""
    from ktwa.session import Session
    here = os.getcwd()
    folder = tempfile.mkdtemp(prefix="qref-")
    for name, body in (scripts or {}).items():
        Path(folder, name).write_text(body)
    os.chdir(folder)
    try:
        return _run_cases(Session(), text, seconds)
    finally:
        os.chdir(here)
        shutil.rmtree(folder, ignore_errors=True)


def _run_cases(s, text: str, seconds: float):
    results = []
    for src, exp in cases(text):
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            got = s.console(src)
        except KeyboardInterrupt:
            got = "'stop\n"
        except SystemExit:
            got = ""
        except BaseException as e:  # noqa: BLE001 - a replay reports, it does not stop
            got = f"'escape {type(e).__name__}\n"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if shown(exp):
            v = verdict(exp, got)
            if v == "fail" and clock_form(src, exp, got):
                v = "form"
            results.append((src, exp, got, v))
    return results


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=os.environ.get("QDOCS_REPO", "."))
    ap.add_argument("--dir", default="docs/ref")
    ap.add_argument("--pages", help="comma-separated page names (default: all)")
    ap.add_argument("--show", type=int, default=0, help="print this many failures")
    ap.add_argument("--qhome", help="KxSystems/kdb snapshot or checkout (q's sp.q, trade.q ...)")
    a = ap.parse_args()
    scripts = qhome_scripts(a.qhome, a.repo)
    pages = _files(Path(a.repo), a.dir)
    if a.pages:
        pages = {k: v for k, v in pages.items() if k in a.pages.split(",")}
    total = passed = by_form = 0
    per, fails = [], []
    for name, text in pages.items():
        res = run_page(text, scripts=scripts)
        if not res:
            continue
        ok = sum(1 for r in res if r[3] != "fail")
        total += len(res)
        passed += ok
        by_form += sum(1 for r in res if r[3] == "form")
        per.append((name, ok, len(res)))
        fails.extend((name,) + r for r in res if r[3] == "fail")
    for name, ok, n in per:
        print(f"{name:20s} {ok:3d}/{n:<3d}")
    print("worst:", ", ".join(f"{n} {ok}/{k}" for n, ok, k in
                              sorted(per, key=lambda r: r[1] - r[2])[:15]))
    for name, src, exp, got, _ in fails[:a.show]:
        print(f"--- {name}: q){src}\n{exp}\n--- got\n{got.rstrip()}")
    print(f"qref: {100 * passed / max(total, 1):.1f}% of {total} inputs pass"
          f" ({by_form} of them clock readings matched in form only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
