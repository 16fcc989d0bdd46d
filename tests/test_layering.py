"""Each room imports only what architecture.md allows."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "ktwa"

# room -> ktwa subpackages/modules it may import (besides itself)
ALLOWED = {
    "values": set(),
    # verbs.core only: the table of infix keywords; values.temporal only: the lexer reads
    # temporal literals with the calendar that Tok (`"D"$`) and the display share
    "syntax": {"errors", "verbs", "values"},
    "verbs": {"values", "errors"},
    "display": {"values", "errors"},
    "averaging": set(),
    "registry": {"errors"},
    "torchapi": {"values", "errors", "registry", "averaging", "verbs"},
    "runtime": {"syntax", "values", "verbs", "errors", "registry", "display"},
    # front ends talk to a Session (and show values through display); never to the runtime
    "cli": {"session", "display", "errors", "values", "repl"},
    "repl": {"session", "display", "errors", "values"},
    "notebook": {"session", "display", "errors", "values"},
}


def _ktwa_imports(path: Path):
    tree = ast.parse(path.read_text())
    rel = path.relative_to(PKG).parts
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(rel[:-1])
                up = node.level - 1
                base = base[: len(base) - up] if up else base
                mod = ".".join(base + ([node.module] if node.module else []))
                yield mod.split(".")[0] if mod else ""
            elif node.module and node.module.startswith("ktwa"):
                parts = node.module.split(".")
                yield parts[1] if len(parts) > 1 else ""
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("ktwa."):
                    yield a.name.split(".")[1]


def test_rooms_import_only_what_they_may():
    bad = []
    for room, allowed in ALLOWED.items():
        files = [PKG / f"{room}.py"] if (PKG / f"{room}.py").exists() else sorted((PKG / room).rglob("*.py"))
        for f in files:
            for imp in _ktwa_imports(f):
                if imp and imp != room and imp.removesuffix(".py") not in allowed:
                    bad.append(f"{f.relative_to(PKG)} imports ktwa.{imp}")
    assert not bad, "\n".join(bad)
