"""Replay the q) examples of the q reference (code.kx.com's source, the public repository
KxSystems/docs) through ktwa and score them, page by page.

The pages are read at run time from a snapshot (a git directory or a checkout); nothing of
them is kept here:

    python bench/qref_replay.py --repo PATH [--pages til,aj,...] [--dir docs/ref] [--show N]

Each page runs in one fresh Session, its ```q blocks' q) inputs in order, so state carries as
it does on the page. An input's expected output is every following line of its block up to the
next input. Verdicts per input whose page shows output:
  exact   same text (trailing blanks ignored)
  error   the page shows a q error ('msg) and ktwa gives the same first line
  fail    anything else (pages print random draws and timings too: those fail here)
Inputs whose page shows nothing are not scored. Prints per-page figures, the worst pages,
then 'qref: P% of N inputs pass'.
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
from pathlib import Path


def _files(repo: Path, folder: str) -> dict[str, str]:
    """page name -> markdown text, from a git directory or a checkout."""
    if (repo / folder).is_dir():
        return {p.stem: p.read_text(errors="replace") for p in sorted((repo / folder).glob("*.md"))}
    names = subprocess.run(["git", "-C", str(repo), "ls-tree", "--name-only", f"HEAD:{folder}"],
                           capture_output=True, text=True, check=True).stdout.split()
    out = {}
    for n in names:
        if n.endswith(".md"):
            out[n[:-3]] = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{folder}/{n}"],
                                         capture_output=True, text=True).stdout
    return out


def cases(text: str) -> list[tuple[str, str]]:
    """(input, expected output) from the page's ```q blocks."""
    out = []
    for block in re.findall(r"```q\n(.*?)```", text, re.S):
        cur, exp = None, []
        for line in block.split("\n"):
            if line.startswith("q)"):
                if cur is not None:
                    out.append((cur, _clean(exp)))
                cur, exp = line[2:], []
            elif cur is not None:
                exp.append(line)
        if cur is not None:
            out.append((cur, _clean(exp)))
    return out


def _clean(lines: list[str]) -> str:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(ln.rstrip() for ln in lines)


def verdict(expected: str, got: str) -> str:
    got = "\n".join(ln.rstrip() for ln in got.rstrip("\n").split("\n")) if got else ""
    if got == expected:
        return "exact"
    if expected.startswith("'") and got.split("\n")[0] == expected.split("\n")[0]:
        return "error"
    return "fail"


def _alarm(signum, frame):
    raise KeyboardInterrupt


def run_page(text: str, seconds: float = 5.0):
    from ktwa.session import Session
    s = Session()
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
        if exp:
            results.append((src, exp, got, verdict(exp, got)))
    return results


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=os.environ.get("QDOCS_REPO", "."))
    ap.add_argument("--dir", default="docs/ref")
    ap.add_argument("--pages", help="comma-separated page names (default: all)")
    ap.add_argument("--show", type=int, default=0, help="print this many failures")
    a = ap.parse_args()
    pages = _files(Path(a.repo), a.dir)
    if a.pages:
        pages = {k: v for k, v in pages.items() if k in a.pages.split(",")}
    os.chdir(os.environ.get("TMPDIR", "/tmp"))     # pages write files: keep them out of the tree
    total = passed = 0
    per, fails = [], []
    for name, text in pages.items():
        res = run_page(text)
        if not res:
            continue
        ok = sum(1 for r in res if r[3] != "fail")
        total += len(res)
        passed += ok
        per.append((name, ok, len(res)))
        fails.extend((name,) + r for r in res if r[3] == "fail")
    for name, ok, n in per:
        print(f"{name:20s} {ok:3d}/{n:<3d}")
    print("worst:", ", ".join(f"{n} {ok}/{k}" for n, ok, k in
                              sorted(per, key=lambda r: r[1] - r[2])[:15]))
    for name, src, exp, got, _ in fails[:a.show]:
        print(f"--- {name}: q){src}\n{exp}\n--- got\n{got.rstrip()}")
    print(f"qref: {100 * passed / max(total, 1):.1f}% of {total} inputs pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
