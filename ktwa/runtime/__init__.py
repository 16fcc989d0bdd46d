"""What q means: the evaluator, application, iterators, qSQL and system commands."""
import importlib

from ..verbs.core import BUILTINS

# every verbs module registers its built-ins on import; the evaluator's own come last
VERB_MODULES = ("atomic", "arith", "cast", "index", "lists", "text")
for _m in VERB_MODULES:
    importlib.import_module(f"ktwa.verbs.{_m}")

from . import builtins as _builtins  # noqa: E402

_builtins.install()
