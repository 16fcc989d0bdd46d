"""Fuzz the console: N random inputs (q tokens mixed with arbitrary Unicode) through one
Session, each interrupted after --seconds like a user's Ctrl-C. Prints escapes (a Python
exception instead of a value or a q error), hangs (inputs that went on more than 5 s past
their interrupt: Ctrl-C did not stop them) and RSS growth.

    python bench/fuzz.py [-n 100000] [--seed 1] [--seconds 2]

Targets: 0 escapes, 0 hangs. Inputs run in a scratch folder (they may name files)."""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from qfuzz import random_input, run_guarded  # noqa: E402

from ktwa.session import Session  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=2.0)
    a = ap.parse_args()
    os.chdir(tempfile.mkdtemp(prefix="ktwa-fuzz-"))
    rng = random.Random(a.seed)
    s = Session()
    escapes, hangs, counts = [], [], {"ok": 0, "error": 0, "stop": 0}
    rss0 = rss_mb()
    for k in range(a.n):
        src = random_input(rng)
        outcome, dt = run_guarded(s, src, a.seconds)
        if outcome.startswith("escape"):
            escapes.append((src, outcome))
        else:
            counts[outcome] += 1
        if dt > a.seconds + 5:
            hangs.append((src, round(dt, 1)))
        if k % 10_000 == 9_999:
            print(f"{k + 1} inputs: {counts}, escapes {len(escapes)}, hangs {len(hangs)}, "
                  f"rss {rss_mb():.0f} MB", flush=True)
    print(f"inputs {a.n}: {counts}")
    print(f"escapes {len(escapes)} (target 0)")
    for src, o in escapes[:20]:
        print(f"  {src!r}: {o}")
    print(f"hangs past interrupt {len(hangs)} (target 0)")
    for src, dt in hangs[:20]:
        print(f"  {src!r}: {dt} s")
    print(f"rss growth {rss_mb() - rss0:+.0f} MB (max rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
