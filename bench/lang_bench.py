"""ktwa vs KlongPy (an array language in Python over numpy) on equivalent work, in one process,
and ktwa vs pandas on temporal work KlongPy has no types for (date arithmetic, a
`select ... by 5 xbar time.minute`).

Prints ktwa/klongpy and ktwa/pandas time ratios; target: every ratio <= 1.0. Exits 0 either
way. Needs `pip install klongpy` (and pandas for the temporal cases).
"""
from __future__ import annotations

import sys
import time


def best(fn, repeat=5, number=1):
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        ts.append((time.perf_counter() - t0) / number)
    return min(ts)


def main() -> int:
    try:
        from klongpy import KlongInterpreter
    except ImportError:
        print("klongpy is not installed: pip install klongpy")
        return 0
    from ktwa import Session

    s = Session()
    k = KlongInterpreter()
    # a 40-token line: 21 numbers and 20 dyadic verbs, same value in both languages
    line = "1+2*3-4%5+6*7-8+9*10-11+12*13-14+15*16-17+18*19-20+21"
    cases = [
        ("sum til 1000000", lambda: s.eval("sum til 1000000"), lambda: k("+/!1000000"), 5, 1),
        ("{x+1}/[100000;0]", lambda: s.eval("{x+1}/[100000;0]"), lambda: k("100000{x+1}:*0"), 3, 1),
        ("parse+eval of a 40-token line", lambda: s.eval(line), lambda: k(line), 5, 200),
    ]
    assert int(s.eval("sum til 1000000")) == int(k("+/!1000000"))
    assert int(s.eval("{x+1}/[100000;0]")) == int(k("100000{x+1}:*0"))
    assert abs(float(s.eval(line)) - float(k(line))) < 1e-9
    print(f"{'case':34} {'ktwa':>12} {'klongpy':>12} {'ratio':>7}  (target <= 1.0)")
    for name, a, b, rep, num in cases:
        ta = best(a, rep, num)
        tb = best(b, rep, num)
        print(f"{name:34} {ta * 1e3:10.3f}ms {tb * 1e3:10.3f}ms {ta / tb:7.2f}")
    temporal_vs_pandas(s)
    return 0


def temporal_vs_pandas(s) -> None:
    """Date arithmetic and a 5-minute bar query on 1e6 rows, the same data in both."""
    try:
        import pandas as pd
    except ImportError:
        print("pandas is not installed: no temporal cases")
        return
    from ktwa.notebook import to_py
    s.eval("n:1000000; bd:2024.01.01+n?366; bt:([]time:09:30:00.000+n?23400000;size:n?100)")
    d = pd.Series(to_py(s.eval("bd")))
    df = pd.DataFrame({"time": to_py(s.eval("bt`time")), "size": to_py(s.eval("bt`size"))})
    day = pd.Timedelta(days=1)

    def bars():
        return df.groupby(df["time"].dt.floor("5min"))["size"].sum()

    q = "select sum size by 5 xbar time.minute from bt"
    got, want = s.eval(q), bars()
    assert to_py(got.values)["size"].tolist() == want.tolist()
    assert (to_py(s.eval("bd+1")) == (d + day).to_numpy()).all()
    cases = [
        ("date+1 (1e6 dates)", lambda: s.eval("bd+1"), lambda: d + day, 5),
        ("date-date (days)", lambda: s.eval("bd-2024.01.01"),
         lambda: (d - pd.Timestamp("2024-01-01")).dt.days, 5),
        ("select by 5 xbar time.minute", lambda: s.eval(q), bars, 3),
    ]
    print(f"{'case':34} {'ktwa':>12} {'pandas':>12} {'ratio':>7}  (target <= 1.0)")
    for name, a, b, rep in cases:
        ta, tb = best(a, rep), best(b, rep)
        print(f"{name:34} {ta * 1e3:10.3f}ms {tb * 1e3:10.3f}ms {ta / tb:7.2f}")


if __name__ == "__main__":
    sys.exit(main())
