"""The q language's own speed against the strongest honest anchors, in one process.

Each case runs ktwa and its anchors (KlongPy, an array language in Python over numpy; numpy or
pandas doing the same work directly; torch's AveragedModel) interleaved in rounds, the order of
the sides rotating each round, so a busy machine slows every side alike. Printed per case: the
median time of each side, and the ratio ktwa/anchor as the median of the per-round ratios with
their min-max, against the case's target. A side whose library is missing prints `skipped`.
Before timing, each case checks that the sides compute the same thing.

Targets (issue 12): grouping `select sum v by k` <= 3x pandas groupby and < 1x KlongPy at 1e6
rows and 1000 keys (also with two key columns and with symbol keys); distinct / in / find <=
1.5x pd.unique / np.isin / Index.get_indexer at 1e6 items; lines, lambda calls and `each` <= 1x
KlongPy; `s.eval("avgparms(m;p)")` <= 1x AveragedModel.update_parameters on Linear(2,1); a cached
parse <= 10 us; recursion (fib 20), each-both with a local, and a decision tree's small-vector
lambdas (gini gain at 64 thresholds, plain Python shown for reference) <= 1x KlongPy; date arithmetic <= 1x pandas and `select ... by 5 xbar time.minute` <= 3x
pandas. Small updates (single-row inserts, keyed upserts, `d[k]+:1`) are timed against plain
Python lists and dicts with no target: the ratio is what the interpreter costs per update.
Exits 0 either way (a benchmark informs, a test decides).

    python bench/lang_bench.py [--rounds 7] [--only group]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time

from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # this checkout's ktwa

N = 1_000_000
KEYS = 1000


def _optional(name):
    try:
        return __import__(name)
    except ImportError:
        return None


class Case:
    """One piece of work: `ktwa` and anchors {name: fn}, `number` calls per timing, and
    `targets` {anchor: greatest acceptable ktwa/anchor ratio}. A None anchor is skipped."""

    def __init__(self, name, ktwa, anchors, targets, number=1, check=None):
        self.name, self.ktwa, self.anchors = name, ktwa, anchors
        self.targets, self.number, self.check = targets, number, check


def timed(fn, number):
    t0 = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - t0) / number


def run_case(case: Case, rounds: int):
    sides = [("ktwa", case.ktwa)] + [(a, f) for a, f in case.anchors.items() if f is not None]
    for _, fn in sides:                       # warm up (caches, first-call imports)
        fn()
    times = {name: [] for name, _ in sides}
    for r in range(rounds):
        k = r % len(sides)
        for name, fn in sides[k:] + sides[:k]:
            times[name].append(timed(fn, case.number))
    return times


def fmt_t(t):
    if t < 1e-3:
        return f"{t * 1e6:8.1f}us"
    return f"{t * 1e3:8.2f}ms"


def report(case: Case, times):
    kt = times["ktwa"]
    print(f"{case.name}")
    print(f"    {'ktwa':34} {fmt_t(statistics.median(kt))}")
    for a in case.anchors:
        target = case.targets.get(a)
        tgt = f"target <= {target:g}" if target is not None else "(for reference)"
        if a not in times:
            print(f"    {a:34} {'skipped':>10}   {tgt}")
            continue
        at = times[a]
        ratios = [x / y for x, y in zip(kt, at)]
        med = statistics.median(ratios)
        state = "" if target is None else ("met" if med <= target else "MISSED")
        print(f"    {a:34} {fmt_t(statistics.median(at))}   ratio {med:6.2f} "
              f"[{min(ratios):.2f}-{max(ratios):.2f}]  {tgt} {state}")
    if "absolute" in case.targets:
        target = case.targets["absolute"]
        med = statistics.median(kt)
        print(f"    target ktwa <= {fmt_t(target).strip()}: "
              f"{'met' if med <= target else 'MISSED'}")


def build_cases(only: str | None):
    from ktwa import Session
    from ktwa.runtime import parse
    klong = _optional("klongpy")
    pd = _optional("pandas")
    torch = _optional("torch")
    k = klong.KlongInterpreter() if klong else None
    s = Session()
    rng = np.random.default_rng(12)
    key = rng.integers(0, KEYS, N)
    k1, k2 = rng.integers(0, 100, N), rng.integers(0, 10, N)
    val = rng.random(N)
    names = np.array([f"s{j:04d}" for j in range(KEYS)], dtype=object)
    symk = names[key]
    hay = rng.permutation(np.arange(0, 3 * KEYS, 3, dtype=np.int64))    # 1000 distinct longs
    s.push("k", key), s.push("v", val), s.push("k1", k1), s.push("k2", k2)
    s.push("hay", hay)
    s.ctx.globals["sk"] = symk
    s.eval("t:([] k; v); t2:([] k1; k2; v); ts:([] sk; v); f:{x+1}")
    if k is not None:
        k["k"], k["v"] = key, val
        k("f::{x+1}")
    df = pd.DataFrame({"k": key, "k1": k1, "k2": k2, "v": val, "sk": symk}) if pd else None
    # lambda-heavy work: recursion, a two-argument lambda with a local, and a decision tree's
    # inner loop (funq's ml.q: the gini gain of splitting 150 labelled rows at each of 64
    # thresholds, small vectors through a few lambdas per split)
    s.eval("fib:{$[x<2;x;fib[x-1]+fib[x-2]]}; f2:{[a;b] c:a+b; c*2}")
    gl, gy = rng.integers(0, 3, 150), rng.random(150)
    gw, gu = np.full(150, 1 / 150), np.sort(gy)[:64]
    for name, v in (("GW", gw), ("GL", gl), ("GY", gy), ("GU", gu)):
        s.push(name, v)
    s.eval("wo:{[w;g] p%sum p:sum each w g}; gi:{[w;x] 1f-p wsum p:wo[w] group x}; "
           "ig:{[y] gy:group y; gi[GW;GL]-sum wo[GW;gy]*GW[gy] gi' GL gy}")
    gain_q, gain_k = "{ig GY>x} each GU", "{ig(0;GY>x)}'GU"
    if k is not None:
        k["GW"], k["GL"], k["GY"], k["GU"] = gw, gl, gy, gu
        k("fib::{:[x<2;x;fib(x-1)+fib(x-2)]}")
        k("f2::{[c];c::x+y;c*2}")
        k("wo::{[p];p::{+/x}'x@y;p%+/p}")
        k("gi::{[p];p::wo(x;=y);1-+/p*p}")
        k("ig::{[g];g::=y;gi(GW;GL)-+/wo(GW;g)*{gi(GW@x;GL@x)}'g}")

    def py_gain():
        def groups(x):
            d = {}
            for i, v in enumerate(x):
                d.setdefault(v, []).append(i)
            return list(d.values())

        def wo(w, g):
            p = [sum(w[i] for i in ix) for ix in g]
            t = sum(p)
            return [a / t for a in p]

        def gi(w, x):
            return 1 - sum(a * a for a in wo(w, groups(x)))

        w, lab, y = gw.tolist(), gl.tolist(), gy.tolist()
        out = []
        for u in gu.tolist():
            g = groups([v > u for v in y])
            out.append(gi(w, lab) - sum(o * gi([w[i] for i in ix], [lab[i] for i in ix])
                                        for o, ix in zip(wo(w, g), g)))
        return out

    line = "1+2*3-4%5+6*7-8+9*10-11+12*13-14+15*16-17+18*19-20+21"
    kl = (lambda src: (lambda: k(src))) if k is not None else (lambda src: None)
    counter = {"q": 0, "k": 0}

    def fresh(side):
        counter[side] += 1
        return f"{line}+{counter[side]}"

    def pd_or_none(fn):
        return fn if pd is not None else None

    cases = [
        Case("parse of a cached line `f[1]` (runtime.parse)", lambda: parse("f[1]"), {},
             {"absolute": 10e-6}, number=2000),
        Case("bracketed line s.eval(\"f[1]\")", lambda: s.eval("f[1]"),
             {"klongpy f(1)": kl("f(1)")}, {"klongpy f(1)": 1.0}, number=2000,
             check=lambda: int(s.eval("f[1]")) == 2),
        Case("40-token line, repeated (its parse is cached)", lambda: s.eval(line),
             {"klongpy": kl(line)}, {"klongpy": 1.0}, number=500,
             check=lambda: k is None or abs(float(s.eval(line)) - float(k(line))) < 1e-9),
        Case("40-token line, new text each call (parsed every time)",
             lambda: s.eval(fresh("q")), {"klongpy": (lambda: k(fresh("k"))) if k else None},
             {"klongpy": 1.0}, number=200),
        Case("lambda calls {x+1}/[100000;0]", lambda: s.eval("{x+1}/[100000;0]"),
             {"klongpy 100000{x+1}:*0": kl("100000{x+1}:*0")},
             {"klongpy 100000{x+1}:*0": 1.0}, number=1),
        Case("each: {x*2} each til 100000", lambda: s.eval("{x*2} each til 100000"),
             {"klongpy {x*2}'!100000": kl("{x*2}'!100000")},
             {"klongpy {x*2}'!100000": 1.0}, number=1),
        Case("recursive lambda fib 20 (21891 calls)", lambda: s.eval("fib 20"),
             {"klongpy fib(20)": kl("fib(20)")}, {"klongpy fib(20)": 1.0}, number=1,
             check=lambda: k is None or int(s.eval("fib 20")) == int(k("fib(20)")) == 6765),
        Case("each-both with a local: f'[til 100000;til 100000]",
             lambda: s.eval("f2'[til 100000;til 100000]"),
             {"klongpy (!100000)f2'!100000": kl("(!100000)f2'!100000")},
             {"klongpy (!100000)f2'!100000": 1.0}, number=1,
             check=lambda: k is None or np.array_equal(s.eval("f2'[til 5;til 5]"),
                                                        k("(!5)f2'!5"))),
        Case("small-vector lambdas: gini gain at 64 thresholds, 150 rows (a decision tree)",
             lambda: s.eval(gain_q), {"klongpy": kl(gain_k), "plain python lists and dicts":
                                      py_gain},
             {"klongpy": 1.0},
             check=lambda: np.allclose(s.eval(gain_q), py_gain())
             and (k is None or np.allclose(s.eval(gain_q), k(gain_k)))),
        Case("select sum v by k from t (1e6 rows, 1000 keys)",
             lambda: s.eval("select sum v by k from t"),
             {"pandas groupby sum": pd_or_none(lambda: df.groupby("k")["v"].sum()),
              "klongpy {+/v@x}'=k": kl("{+/v@x}'=k")},
             {"pandas groupby sum": 3.0, "klongpy {+/v@x}'=k": 1.0},
             check=lambda: pd is None or np.allclose(
                 s.eval("select sum v by k from t").values.data[0],
                 df.groupby("k")["v"].sum().to_numpy())),
        Case("select sum v by k1,k2 from t2 (two keys, 1000 groups)",
             lambda: s.eval("select sum v by k1,k2 from t2"),
             {"pandas groupby [k1,k2] sum": pd_or_none(
                 lambda: df.groupby(["k1", "k2"])["v"].sum())},
             {"pandas groupby [k1,k2] sum": 3.0},
             check=lambda: pd is None or np.allclose(
                 s.eval("select sum v by k1,k2 from t2").values.data[0],
                 df.groupby(["k1", "k2"])["v"].sum().to_numpy())),
        Case("select sum v by sk from ts (symbol keys)",
             lambda: s.eval("select sum v by sk from ts"),
             {"pandas groupby sum": pd_or_none(lambda: df.groupby("sk")["v"].sum())},
             {"pandas groupby sum": 3.0},
             check=lambda: pd is None or np.allclose(
                 s.eval("select sum v by sk from ts").values.data[0],
                 df.groupby("sk")["v"].sum().to_numpy())),
        Case("select avg v, max v, count i by k from t",
             lambda: s.eval("select avg v, max v, count i by k from t"),
             {"pandas groupby agg": pd_or_none(
                 lambda: df.groupby("k")["v"].agg(["mean", "max", "count"]))},
             {"pandas groupby agg": 3.0}),
        Case("distinct k (1e6 longs, 1000 values)", lambda: s.eval("distinct k"),
             {"pd.unique": pd_or_none(lambda: pd.unique(key)), "klongpy ?k": kl("?k")},
             {"pd.unique": 1.5, "klongpy ?k": 1.0},
             check=lambda: pd is None or np.array_equal(s.eval("distinct k"), pd.unique(key))),
        Case("distinct sk (1e6 symbols, 1000 values)", lambda: s.eval("distinct sk"),
             {"pd.unique": pd_or_none(lambda: pd.unique(symk))}, {"pd.unique": 1.5},
             check=lambda: pd is None or list(s.eval("distinct sk")) == list(pd.unique(symk))),
        Case("k in hay (1e6 in 1000)", lambda: s.eval("k in hay"),
             {"np.isin": lambda: np.isin(key, hay)}, {"np.isin": 1.5},
             check=lambda: np.array_equal(s.eval("k in hay"), np.isin(key, hay))),
        Case("hay?k (find 1e6 in 1000)", lambda: s.eval("hay?k"),
             {"Index.get_indexer": pd_or_none(lambda: pd.Index(hay).get_indexer(key))},
             {"Index.get_indexer": 1.5},
             check=lambda: pd is None or np.array_equal(
                 np.where(pd.Index(hay).get_indexer(key) < 0, len(hay),
                          pd.Index(hay).get_indexer(key)), s.eval("hay?k"))),
    ]
    # small updates, as a tick script makes them: one record a call into a table, a keyed
    # table and a dictionary. The anchor is plain Python doing the same bookkeeping as fast as
    # it can (appends to a list per column, a dict of rows, a dict of counts): no target, the
    # ratio is the interpreter's cost per update.
    rows_q = ("t:([]a:`long$();s:`symbol$();f:`float$());"
              "{`t insert (x;`s;1.5)} each til 1000;")
    keyed_q = ("k:([a:`long$()]s:`symbol$();f:`float$());"
               "{`k upsert (x mod 100;`s;1.5)} each til 1000;")
    count_q = "d:(`long$())!`long$(); {d[x mod 100]+:1} each til 1000;"

    def py_rows():
        a, b, c = [], [], []
        for x in range(1000):
            a.append(x)
            b.append("s")
            c.append(1.5)
        return a, b, c

    def py_keyed():
        d = {}
        for x in range(1000):
            d[x % 100] = ("s", 1.5)
        return d

    def py_count():
        d = {}
        for x in range(1000):
            d[x % 100] = d.get(x % 100, 0) + 1
        return d

    def run_then(src, value):
        s.eval(src)
        return s.eval(value)

    cases += [
        Case("updates: 1000 single-row inserts `t insert (x;`s;1.5)", lambda: s.eval(rows_q),
             {"python append to a list per column": py_rows}, {},
             check=lambda: run_then(rows_q, "t`a").tolist() == py_rows()[0]),
        Case("updates: 1000 keyed upserts `k upsert (x mod 100;`s;1.5)", lambda: s.eval(keyed_q),
             {"python dict of rows d[k]=row": py_keyed}, {},
             check=lambda: run_then(keyed_q, "exec a from k").tolist() == list(py_keyed())),
        Case("updates: 1000 dictionary counts d[x mod 100]+:1", lambda: s.eval(count_q),
             {"python dict d[k]=d.get(k,0)+1": py_count}, {},
             check=lambda: run_then(count_q, "value d").tolist()
             == list(py_count().values())),
    ]
    if pd is not None:
        # temporal work KlongPy has no types for: date arithmetic and a 5-minute bar query
        from ktwa.values.python import to_py
        s.eval("bd:2024.01.01+1000000?366; bt:([]time:09:30:00.000+1000000?23400000;"
               "size:1000000?100)")
        dates = pd.Series(to_py(s.eval("bd")))
        bt = pd.DataFrame({"time": to_py(s.eval("bt`time")), "size": to_py(s.eval("bt`size"))})
        day, jan1 = pd.Timedelta(days=1), pd.Timestamp("2024-01-01")
        bars_q = "select sum size by 5 xbar time.minute from bt"

        def bars():
            return bt.groupby(bt["time"].dt.floor("5min"))["size"].sum()

        cases += [
            Case("date+1 (1e6 dates)", lambda: s.eval("bd+1"), {"pandas + Timedelta":
                 lambda: dates + day}, {"pandas + Timedelta": 1.0},
                 check=lambda: (to_py(s.eval("bd+1")) == (dates + day).to_numpy()).all()),
            Case("date-date (days)", lambda: s.eval("bd-2024.01.01"),
                 {"pandas (d - t).dt.days": lambda: (dates - jan1).dt.days},
                 {"pandas (d - t).dt.days": 1.0}),
            Case("select sum size by 5 xbar time.minute (1e6 rows)", lambda: s.eval(bars_q),
                 {"pandas groupby dt.floor": bars}, {"pandas groupby dt.floor": 3.0},
                 check=lambda: to_py(s.eval(bars_q).values)["size"].tolist()
                 == bars().tolist()),
        ]
    if torch is not None:
        from torch.optim.swa_utils import AveragedModel
        s.eval("m:module enlist(`linear;2;1); p:copyparms m")
        module = s.ctx.registry.entry(s.eval("m")).obj
        swa = AveragedModel(module)
        cases.append(Case("s.eval(\"avgparms(m;p)\") on Linear(2,1)",
                          lambda: s.eval("avgparms(m;p)"),
                          {"AveragedModel.update_parameters":
                           lambda: swa.update_parameters(module)},
                          {"AveragedModel.update_parameters": 1.0}, number=500))
    if only:
        cases = [c for c in cases if only in c.name]
    return cases


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--only", default=None, help="run the cases whose name contains this")
    args = ap.parse_args()
    for lib in ("klongpy", "pandas"):
        if _optional(lib) is None:
            print(f"{lib} is not installed: its anchors print 'skipped' (pip install {lib})")
    print(f"{args.rounds} interleaved rounds; ratio = ktwa/anchor, median [min-max] over rounds")
    for case in build_cases(args.only):
        if case.check is not None and not case.check():
            print(f"{case.name}\n    the sides disagree: not timed")
            continue
        report(case, run_case(case, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
