"""Start-up: `ktwa -c '1+1'` against `python -c 'import torch'` (the anchor: ktwa needs torch).

Runs the commands alternately, N times each, as fresh processes; prints the best and the median
of each, the difference and the ratio. Target: ktwa adds at most 0.3 s. Exits 0 either way.

ktwa starts with the cyclic GC paused (ktwa/cli.py), which also speeds up torch's own import;
a second anchor, `import torch` with the GC paused the same way, shows what ktwa itself adds.

    python bench/startup_bench.py [N]
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time

TARGET = 0.3


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    t = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {p.stderr.strip()}")
    return t


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    # the installed entry point next to this interpreter (a pyenv shim on PATH adds its own cost)
    exe = os.path.join(os.path.dirname(sys.executable), "ktwa")
    exe = exe if os.path.exists(exe) else shutil.which("ktwa")
    ktwa = [exe, "-c", "1+1"] if exe else [sys.executable, "-m", "ktwa", "-c", "1+1"]
    torch = [sys.executable, "-c", "import torch"]
    torch_nogc = [sys.executable, "-c", "import gc; gc.disable(); import torch"]
    for cmd in (torch, torch_nogc, ktwa):   # warm the file cache
        timed(cmd)
    tk, tt, tg = [], [], []
    for _ in range(n):
        tt.append(timed(torch))
        tg.append(timed(torch_nogc))
        tk.append(timed(ktwa))
    bk, bt, bg = min(tk), min(tt), min(tg)
    mk, mt, mg = statistics.median(tk), statistics.median(tt), statistics.median(tg)
    print(f"runs each: {n}   (cpus {os.cpu_count()}, load {os.getloadavg()[0]:.1f})")
    print(f"python -c 'import torch':             best {bt:.3f} s  median {mt:.3f} s")
    print(f"  the same with the GC paused:         best {bg:.3f} s  median {mg:.3f} s")
    print(f"ktwa -c '1+1':                        best {bk:.3f} s  median {mk:.3f} s")
    print(f"ktwa - import torch:                  best {bk - bt:+.3f} s  median {mk - mt:+.3f} s"
          f"   (target <= +{TARGET:.1f} s)")
    print(f"ktwa - import torch (GC paused):      best {bk - bg:+.3f} s  median {mk - mg:+.3f} s")
    print(f"ratio ktwa/torch:                     best {bk / bt:.2f}  median {mk / mt:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
