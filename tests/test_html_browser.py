"""Notebook HTML as a browser lays it out: outputs put in a page by nbconvert's lab template
(which carries JupyterLab's stylesheet, `td { text-align: right }` at specificity (0,2,1)),
loaded by headless Chromium, and every cell's computed style read back with getComputedStyle.

q's console left-aligns every cell of a table or dictionary, symbols and numbers alike
(`2  7` over `16 56`), so the page must too; each cell's text must be the console's."""
import json
import re
import shutil
import subprocess

import pytest

from ktwa.session import Session

nbformat = pytest.importorskip("nbformat")
nbconvert = pytest.importorskip("nbconvert", reason="nbconvert not installed: pip install -e '.[notebook]'")

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))
                 if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None,
                                reason="Chromium not installed (Debian: apt-get install -y chromium)")

# runs in the page after the outputs: each ktwa table's cells with their computed style
PROBE = """<pre id="probe"></pre><script>
var out = [];
document.querySelectorAll("table.ktwa-q").forEach(function (t) {
  var rows = [];
  t.querySelectorAll("tr").forEach(function (tr) {
    var cells = [];
    tr.querySelectorAll("td,th").forEach(function (c) {
      var st = getComputedStyle(c);
      cells.push([c.textContent, st.textAlign, st.whiteSpace, c.tagName]);
    });
    rows.push(cells);
  });
  out.push(rows);
});
document.getElementById("probe").textContent = "PROBE" + JSON.stringify(out) + "EBORP";
</script>"""

SOURCES = {
    "table": "([]s:`a`bb`ccc;n:1 22 333;f:1.5 -10.25 0n;c:(\"x  y\";\"z\";\"\"))",
    "keyed": "([k:`x`yy]v:1 -22;w:`p`q)",
    "dict p": "m:module enlist(`linear;2;1); p:copyparms m; avgparms(m;p); dict p",
    "dict": "`a`bb`c!(1;-2.5;`sym)",
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """(console text, [rows of (text, text-align, white-space, tag)]) per source."""
    s = Session()
    s.eval("seed 1")
    values = {k: s.eval(src) for k, src in SOURCES.items()}
    book = nbformat.v4.new_notebook()
    for k, v in values.items():
        cell = nbformat.v4.new_code_cell(f"%%q\n{SOURCES[k]}")
        cell.outputs = [nbformat.v4.new_output("execute_result", execution_count=1, data={
            "text/plain": s.show(v), "text/html": s.html(v)})]
        book.cells.append(cell)
    page, _ = nbconvert.HTMLExporter(template_name="lab").from_notebook_node(book)
    assert "jp-RenderedHTMLCommon" in page
    page = page.replace("</body>", PROBE + "</body>")
    path = tmp_path_factory.mktemp("html") / "page.html"
    path.write_text(page)
    r = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-dev-shm-usage", "--dump-dom", path.as_uri()],
                       capture_output=True, text=True, timeout=120)
    m = re.search(r"PROBE(.*?)EBORP", r.stdout, re.S)
    assert m, f"no probe output from Chromium (rc {r.returncode}): {r.stderr[-2000:]}"
    tables = json.loads(m.group(1))
    assert len(tables) == len(values)
    return {k: (s.show(v), t) for (k, v), t in zip(values.items(), tables)}


@pytest.mark.parametrize("name", list(SOURCES))
def test_every_cell_is_left_aligned_and_keeps_blanks(rendered, name):
    _, rows = rendered[name]
    cells = [c for row in rows for c in row]
    assert cells
    assert {c[1] for c in cells} == {"left"}, cells
    assert {c[2] for c in cells} == {"pre"}, cells


def _console_cells(text: str, name: str) -> list[list[str]]:
    """The console text cut into cells (q pads each column with blanks to its widest)."""
    lines = text.rstrip("\n").split("\n")
    if name.startswith("dict"):
        return [[k.rstrip(), v] for k, v in (ln.split("| ", 1) for ln in lines)]
    head, body = lines[0], [ln for ln in lines[2:]]
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=[ |]))[^\s|]", head)]
    cut = lambda ln: [ln[a:b].rstrip().rstrip("|").rstrip()      # noqa: E731
                      for a, b in zip(starts, starts[1:] + [len(ln) + 1])]
    return [cut(ln) for ln in [head] + body]


@pytest.mark.parametrize("name", list(SOURCES))
def test_each_cell_reads_as_the_console_prints_it(rendered, name):
    text, rows = rendered[name]
    assert [[c[0] for c in row] for row in rows] == _console_cells(text, name)


def test_dict_of_parameters_keeps_q_number_text(rendered):
    text, rows = rendered["dict p"]
    weight = next(row for row in rows if row[0][0] == "weight")
    assert weight[1][0].startswith(",") and weight[1][0].endswith("e")   # 1x2 real matrix row
    assert [r[1][0] for r in rows if r[0][0] == ".n"] == ["2f"]
