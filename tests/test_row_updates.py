"""One record at a time into a table (insert, upsert, `,:`, a list of columns as `.u.upd`
brings them), and one key of a dictionary amended (`d[k]+:v`), give exactly what the general
paths give.

verbs.tables takes a direct path when the record's atoms (or an insert's column vectors) are
exactly of its plain columns' types; verbs.index when one key of a dictionary of plain vectors
is amended. Each case runs the same q lines twice, once with those paths switched off, and
compares everything the console prints: the values, what insert returns, and the errors
(types that do not match, existing keys, null keys, wrong counts)."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ktwa import Session
from ktwa.verbs import index, tables

SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# q literals for a cell of each column type, nulls included
ATOMS = {
    "j": ["0", "1", "7", "-3", "0N", "0Wj"],
    "f": ["0.0", "-0.0", "1.5", "0n", "0w", "2.0"],
    "s": ["`", "`a", "`b", "`ab"],
    "d": ["2024.01.01", "2024.02.29", "0Nd"],
    "b": ["0b", "1b"],
    "i": ["1i", "0Ni", "5i"],
}
EMPTY = {"j": "`long$()", "f": "`float$()", "s": "`symbol$()", "d": "`date$()",
         "b": "`boolean$()", "i": "`int$()"}
NAMES = "abcd"


def _run(lines: list[str], direct: bool) -> list[str]:
    with pytest.MonkeyPatch.context() as mp:
        if not direct:
            mp.setattr(tables, "_put_exact", lambda x, y, mode: None)
            mp.setattr(index, "_one_plain_item", lambda d, i: False)
        s = Session()
        return [s.console(line) for line in lines]


@st.composite
def scripts(draw):
    types = draw(st.lists(st.sampled_from(sorted(ATOMS)), min_size=1, max_size=4))
    nk = draw(st.integers(0, min(2, len(types) - 1) if len(types) > 1 else 0))
    cols = [f"{NAMES[j]}:{EMPTY[t]}" for j, t in enumerate(types)]
    spec = "[" + ";".join(cols[:nk]) + "]" + ";".join(cols[nk:])
    lines = [f"t:([{spec[1:]})" if nk else "t:([]" + ";".join(cols) + ")"]
    for _ in range(draw(st.integers(1, 8))):
        # mostly records of the right types; sometimes a cell of another column's type
        cells = []
        for t in types:
            k = t if draw(st.integers(0, 9)) else draw(st.sampled_from(sorted(ATOMS)))
            cells.append(draw(st.sampled_from(ATOMS[k])))
        if len(cells) > 1 and draw(st.integers(0, 9)) == 0:
            cells = cells[:-1]                                  # a count that does not fit
        rec = "(" + ";".join(cells) + ")" if len(cells) > 1 else "enlist " + cells[0]
        form = draw(st.sampled_from(["`t insert {}", "`t upsert {}", "t,:{}", "t:t upsert {}",
                                     "`t insert flip enlist each {}", "`t upsert {names}!{}",
                                     "t,:{names}!{}", "`t insert {names}!{}",
                                     "`t upsert {back}!reverse {}",
                                     "`t insert enlist {names}!{}", "t,:enlist {back}!reverse {}",
                                     "`t upsert 2#enlist {names}!{}"]))
        names = "`" + "`".join(NAMES[:len(cells)]) if len(cells) > 1 else "enlist `a"
        back = "`" + "`".join(reversed(NAMES[:len(cells)])) if len(cells) > 1 else "enlist `a"
        lines.append(form.format(rec, names=names, back=back))
    lines += ["t", "meta t", "-3!t"]
    return lines


@SETTINGS
@given(scripts())
def test_direct_path_matches_general(lines):
    assert _run(lines, True) == _run(lines, False), lines


@pytest.mark.parametrize("lines", [
    # columns by insert (`.u.upd`): several rows at once, then one, then none
    ["t:([]a:`long$();b:`symbol$())", "`t insert (1 2;`x`y)", "`t insert (3;`z)",
     "`t insert (`long$();`symbol$())", "`t insert (1 2;`x)", "`t insert (4;enlist `w)",
     "`t insert (enlist 5;enlist `v)", "t"],
    # a keyed table: new key, same key replaced, insert of an existing key refused
    ["k:([a:`long$()]b:`float$())", "`k upsert (1;2.0)", "`k upsert (1;3.0)", "k,:(2;4.0)",
     "`k insert (1;9.0)", "k"],
    # a compound key, and a null key (found as the hashes find it)
    ["k:([a:`long$();s:`symbol$()]v:`float$())", "k,:(1;`a;1.0)", "k,:(1;`b;2.0)",
     "k,:(1;`a;3.0)", "k,:(0N;`;4.0)", "k,:(0N;`;5.0)", "k"],
    # float and date null keys: numpy's == never finds them, q's match does
    ["k:([f:`float$();d:`date$()]v:`long$())", "k,:(0n;0Nd;1)", "k,:(0n;0Nd;2)",
     "k,:(-0.0;2024.01.01;3)", "k,:(0.0;2024.01.01;4)", "k"],
    # records as dictionaries: every column in order, another order, a vector value
    ["t:([]a:`long$();b:`float$())", "`t upsert `a`b!(1;2.0)", "t,:`b`a!(3.0;4)",
     "`t insert `a`b!1 2", "`t insert `a`b!(1 2;3 4.0)", "t"],
    ["k:([a:`long$()]b:`float$())", "`k upsert `a`b!(1;2.0)", "k,:`a`b!(1;3.0)", "k"],
    ["t:([]a:`long$();b:`long$())", "t,:`b`a!(1;2)", "`t upsert `a`b!(3;4)", "t"],
    # tables: the same columns, another order, no rows, a keyed table
    ["t:([]a:`long$();b:`float$())", "`t insert ([]a:1 2;b:3 4.0)", "`t insert ([]b:5 6.0;a:7 8)",
     "`t insert 0#t", "t,:([]a:enlist 9;b:enlist 1.0)", "`t upsert ([a:enlist 3]b:enlist 2.0)",
     "t"],
    # an older name for the table keeps its rows
    ["t:([]a:1 2)", "u:t", "`t insert 3", "`u insert 4", "t`a", "u`a"],
])
def test_named_cases(lines):
    assert _run(lines, True) == _run(lines, False)


@st.composite
def dict_scripts(draw):
    kt, vt = draw(st.sampled_from(sorted(ATOMS))), draw(st.sampled_from(sorted(ATOMS)))
    keys = draw(st.lists(st.sampled_from(ATOMS[kt]), max_size=4))
    vals = [draw(st.sampled_from(ATOMS[vt])) for _ in keys]
    lines = [f"d:({EMPTY[kt]},{','.join(keys) or EMPTY[kt]})!({EMPTY[vt]},"
             f"{','.join(vals) or EMPTY[vt]})" if keys else f"d:{EMPTY[kt]}!{EMPTY[vt]}"]
    for _ in range(draw(st.integers(1, 8))):
        k = draw(st.sampled_from(ATOMS[kt if draw(st.integers(0, 7)) else
                                      draw(st.sampled_from(sorted(ATOMS)))]))
        v = draw(st.sampled_from(ATOMS[vt if draw(st.integers(0, 7)) else
                                      draw(st.sampled_from(sorted(ATOMS)))]))
        op = draw(st.sampled_from(["", "+", "-", "|", "&", "^", ",", "{x+y}"]))
        lines.append(f"d[{k}]{op}:{v}")
    lines += ["d", "-3!d", "key d", "value d"]
    return lines


@SETTINGS
@given(dict_scripts())
def test_dictionary_item_matches_general(lines):
    assert _run(lines, True) == _run(lines, False), lines


@pytest.mark.parametrize("lines", [
    # counting and collecting by key; a new key starts from the operator's identity
    ["d:`a`b!1 2", "d[`a]+:5", "d[`c]+:1", "d[`c]-:4", "d[`b]:7", "d", "e:d", "d[`z]:0", "e"],
    ["d:1 2 3!1.0 2.0 3.0", "d[2]*:4", "d[9]:1.5", "d[2]:`x", "d[`y]:2.0", "d"],
])
def test_dictionary_named_cases(lines):
    assert _run(lines, True) == _run(lines, False)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(ATOMS["s"]), st.sampled_from(ATOMS["f"]),
                          st.sampled_from(ATOMS["j"])), max_size=12),
       st.tuples(st.sampled_from(ATOMS["s"]), st.sampled_from(ATOMS["f"]),
                 st.sampled_from(ATOMS["j"])))
def test_key_compare_matches_row_hashes(rows, key):
    """A keyed table's one-key lookup (compare column by column, symbols last, at the rows
    still matching) finds the row that hashing every row finds."""
    s = Session()
    cols = ["`symbol$()", "`float$()", "`long$()"]
    for j, c in enumerate(cols):
        if rows:
            cols[j] = "(" + c + "," + ",".join(r[j] for r in rows) + ")"
    s.eval(f"k:([]s:{cols[0]};f:{cols[1]};j:{cols[2]})")
    s.eval(f"r:(enlist {key[0]}),(enlist {key[1]}),enlist {key[2]}")
    ktab, r = s.eval("k"), s.eval("r")
    needles = s.eval("flip `s`f`j!enlist each r")
    assert index._key_find(ktab, [list(r)]).tolist() == \
        index.find_rows(ktab, needles).tolist()
