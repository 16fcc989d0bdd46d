"""Appends grow a vector's buffer (values.growth) and never change a value another name holds.

Each case makes values share a buffer, appends from old and new views, and checks every name
still holds what q says it holds; the last cases check that the growth is amortised (the
number of buffers made for n appends is O(log n)), which a copy per append would break."""

import numpy as np
import pytest

from ktwa.session import Session
from ktwa.values import growth


def q(s, src):
    return s.console(src).rstrip("\n")


@pytest.mark.parametrize("lines,checks", [
    # two appends from one base: each keeps its own last item
    (["v:1 2 3", "u:v", "v,:4", "u,:9"], {"v": "1 2 3 4", "u": "1 2 3 9"}),
    # an older value is never extended by a later append
    (["v:1 2 3", "w:v", "v,:4", "v,:5"], {"w": "1 2 3", "v": "1 2 3 4 5"}),
    # a vector grown and then shortened by a slice, then appended to
    (["v:til 5", "v,:5", "p:3#v", "p,:7", "v,:6"], {"p": "0 1 2 7", "v": "0 1 2 3 4 5 6"}),
    (["s:`a`b", "r:s", "s,:`c", "r,:`d"], {"s": "`a`b`c", "r": "`a`b`d"}),
    (["c:\"ab\"", "d:c", "c,:\"xy\"", "d,:\"z\""], {"c": "\"abxy\"", "d": "\"abz\""}),
    (["t:([]a:1 2;b:`x`y)", "t2:t", "`t insert (3;`z)", "`t2 insert (4;`w)"],
     {"t`a": "1 2 3", "t2`a": "1 2 4", "t2`b": "`x`y`w"}),
    (["t:([]a:`long$())", "do[3;`t insert enlist 7]", "k:t", "`t insert enlist 8",
      "`k insert enlist 9"], {"t`a": "7 7 7 8", "k`a": "7 7 7 9"}),
    # `,` of a few items onto a long vector grows it too (lists.join): every result keeps its own
    (["v:til 100", "w:v,100", "u:v,7", "x:w,101", "y:w,5 6"],
     {"-2#v": "98 99", "-2#w": "99 100", "-2#u": "99 7", "-3#x": "99 100 101",
      "-3#y": "100 5 6", "count each (v;w;u;x;y)": "100 101 101 102 103"}),
    # a dictionary of tables collected by key (book.q's B[s],:x): older copies keep their rows
    (["B:(enlist `a)!enlist ([]p:100#1.0;z:til 100)", "C:B", "B[`a],:`p`z!(2.0;100)",
      "D:B", "B[`a],:`p`z!(3.0;101)", "C[`a],:`p`z!(9.0;9)"],
     {"count each (B`a;C`a;D`a)": "102 101 101", "-1#(B`a)`z": ",101",
      "-1#(D`a)`z": ",100", "-1#(C`a)`p": ",9f"}),
])
def test_appends_leave_other_values_alone(lines, checks):
    s = Session()
    for line in lines:
        out = q(s, line)
        assert "'" not in out, (line, out)
    for expr, want in checks.items():
        assert q(s, expr) == want, expr


def test_growth_is_amortised():
    made = []
    real = np.empty

    def counting(*a, **k):
        made.append(1)
        return real(*a, **k)

    x = np.arange(3)
    growth.np.empty = counting
    try:
        for i in range(5000):
            x = growth.joined(x, np.int64(i))
    finally:
        growth.np.empty = real
    assert x[-1] == 4999 and len(x) == 5003
    assert len(made) <= 14          # doublings from 8 to past 5003, not one buffer per append


def test_a_view_that_does_not_start_its_buffer_is_copied():
    buf = growth.joined(np.arange(4), np.int64(4))
    tail = buf[1:]
    grown = growth.joined(tail, np.int64(9))
    assert buf.tolist() == [0, 1, 2, 3, 4] and grown.tolist() == [1, 2, 3, 4, 9]
    rev = buf[::-1]
    assert growth.joined(rev, np.int64(7)).tolist() == [4, 3, 2, 1, 0, 7]
    assert buf.tolist() == [0, 1, 2, 3, 4]


def test_join_grows_appends_but_not_one_off_joins_onto_huge_vectors():
    """x,y grows x's buffer when y is a few items onto a long x (a loop of them is linear);
    onto a vector of a million items or more it does so only when x came from such a growth,
    so a one-off join there allocates exactly its result."""
    from ktwa.verbs import lists
    small = np.arange(100)
    r = lists.join(small, np.array([7]))
    assert growth.growing(r) and r.tolist()[-2:] == [99, 7] and len(small) == 100
    big = np.arange(1 << 20)
    one_off = lists.join(big, np.array([1]))
    assert not growth.growing(one_off) and one_off.base is None and len(one_off) == (1 << 20) + 1
    grown = growth.joined(big, np.int64(1))           # an append made big's result growable
    again = lists.join(grown, np.array([2]))
    assert growth.growing(again) and again.tolist()[-3:] == [(1 << 20) - 1, 1, 2]
