"""Each room imports only what architecture.md allows, and no modules import each other in a
circle (the runtime's modules least of all)."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "ktwa"

# room -> the ktwa rooms it may import (besides itself); the table in architecture.md
ALLOWED = {
    "errors": set(),
    "values": set(),
    # values: the lexer reads literals as q values, temporal ones with the calendar that
    # Tok (`"D"$`) and the display share
    "syntax": {"errors", "values"},
    "verbs": {"values", "errors"},
    "display": {"values", "errors"},
    "averaging": set(),
    "registry": {"errors"},
    "fileaccess": {"errors"},
    "torchapi": {"values", "errors", "registry", "averaging"},
    "runtime": {"syntax", "values", "verbs", "errors"},
    "session": {"runtime", "display", "errors", "registry", "fileaccess", "torchapi", "syntax",
                "values"},
    # front ends talk to a Session; never to the runtime, the values or the display
    "cli": {"session", "errors", "repl"},
    "repl": {"session", "errors"},
    "notebook": {"session", "errors"},
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path):
    """Dotted names (relative to ktwa) of the ktwa modules `path` imports, anywhere in it."""
    tree = ast.parse(path.read_text())
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                mod = ".".join([p for p in base if p] + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("ktwa"):
                mod = node.module[len("ktwa."):] if node.module != "ktwa" else ""
            else:
                continue
            names = [a.name for a in node.names]
            # `from . import x` / `from .pkg import mod` name modules; otherwise the module itself
            subs = [f"{mod}.{n}" if mod else n for n in names
                    if (PKG / Path(*(f"{mod}.{n}" if mod else n).split("."))).with_suffix(".py").exists()
                    or (PKG / Path(*(f"{mod}.{n}" if mod else n).split("."))).is_dir()]
            yield from subs if subs else [mod]
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("ktwa."):
                    yield a.name[len("ktwa."):]


def _room(mod: str) -> str:
    return mod.split(".")[0]


def _files():
    return sorted(PKG.rglob("*.py"))


def test_rooms_import_only_what_they_may():
    bad = []
    for f in _files():
        room = _room(_module_name(f)) or "ktwa"
        if room in ("ktwa", "__main__", "grammar"):
            continue
        assert room in ALLOWED, f"{room} ({f.name}) has no row in the layering table"
        for imp in _imports(f):
            r = _room(imp)
            if r and r != room and r not in ALLOWED[room]:
                bad.append(f"{f.relative_to(PKG)} imports ktwa.{imp}")
    assert not bad, "\n".join(bad)


def test_no_module_imports_in_a_circle():
    """Module A importing B (at the top or inside a function) while B imports A is a circle;
    a package's __init__ that assembles its own modules is not counted against them."""
    graph = {}
    for f in _files():
        m = _module_name(f)
        graph[m] = {i for i in _imports(f) if i and i != m and not m.startswith(i + ".")}
    seen, stack, cycles = set(), [], []

    def visit(m):
        if m in stack:
            cycles.append(stack[stack.index(m):] + [m])
            return
        if m in seen:
            return
        seen.add(m)
        stack.append(m)
        for n in sorted(graph.get(m, ())):
            visit(n)
        stack.pop()

    for m in sorted(graph):
        visit(m)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_the_runtime_reaches_display_through_the_session():
    """The runtime formats nothing itself: the Session hands it the display."""
    for f in (PKG / "runtime").rglob("*.py"):
        assert not any(_room(i) == "display" for i in _imports(f)), f
