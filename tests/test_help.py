"""`help`: topics, every built-in's and api function's call forms and meaning from the tables'
docs, system commands, and how ktorch's own (api) `help` extends it."""
import re

import pytest

from ktwa.runtime import help as qhelp
from ktwa.runtime.table import BUILTINS
from ktwa.session import Session
from ktwa.torchapi import API
from ktwa.torchapi.kinds import MODULES
from ktwa.torchapi.losses import LOSSES
from ktwa.torchapi.optimizers import OPTIMIZERS
from ktwa.values.functions import Builtin
from ktwa.verbs import cast, lists, text

NAME = re.compile(r"\.?[A-Za-z][\w.]*")


def _ask(name: str) -> str:
    return f"help`{name}" if NAME.fullmatch(name) else f'help"{name}"'


@pytest.fixture(scope="module")
def s():
    return Session()


@pytest.mark.parametrize("module", [lists, text, cast, qhelp], ids=lambda m: m.__name__)
def test_every_define_has_a_doc_in_the_house_format(module):
    for b in module.define.builtins:
        forms, sep, meaning = b.doc.partition("  ")
        assert sep and meaning.strip(), f"{b.name}: doc needs `call forms  meaning`: {b.doc!r}"
        assert b.name in forms, f"{b.name}: its call forms should show it: {b.doc!r}"


def test_topics_name_every_builtin_api_function_and_command(s):
    out = s.console("help[]")
    assert out == s.console("help`") and out.startswith("help`name: call forms and meaning")
    words = set(out.split())
    missing = [n for n in list(BUILTINS) + list(API) if n not in words]
    assert not missing
    assert {"\\w", "\\cd", "\\l", "\\ts"} <= words
    assert max(len(ln) for ln in out.split("\n")) <= 80          # wrapped to \c's width


# ktorch's help answers first for its topics and for the names of module, loss and optimizer
# kinds (help`select is the select module's example options, as in ktorch)
KTORCH_TOPICS = set(MODULES) | set(LOSSES) | set(OPTIMIZERS) | {"module", "loss", "optimizer",
                                                                 "backward", "dtype", "ktype",
                                                                 "device", "tensor", "vector"}


@pytest.mark.parametrize("name", sorted(set(BUILTINS) | set(API)))
def test_every_name_has_help(s, name):
    b = BUILTINS.get(name) or API[name]
    out = s.console(_ask(name))
    if name in KTORCH_TOPICS:
        assert not out.startswith("'")
    elif b.doc:
        assert out.split("\n")[:-1] == [ln if "  " in ln else f"{name}  {ln}"
                                        for ln in b.doc.split("\n")]
    else:
        assert out == f"{name}  an api function, not documented yet\n"


def test_call_forms_and_meaning(s):
    assert s.console("help`til") == "til n  the first n naturals: 0 1 .. n-1\n"
    assert s.console('help"@"').split("\n")[:2] == [
        "@x  the type of x", "f@x | @[f;x;e] | @[d;i;f] | @[d;i;f;y]  apply at, trap at, amend at"]
    assert s.console('help"\\\\w"').startswith("\\w  memory as 6 longs")
    assert s.console("help`nosuch").startswith("'help: no built-in, api function or system "
                                                "command named nosuch")
    assert s.console("help 1").startswith("'help: expecting a name")



def test_help_is_not_reserved():
    """q has no help keyword: a script's own help works, and hides the built-in."""
    s = Session()
    assert s.console("cos:1").startswith("'assign")                   # a q keyword
    assert s.console("help:{x+1}; help 1") == "2\n"
    assert Session().console("help`til").startswith("til n")         # per session


def test_an_api_help_extends_the_q_one():
    """ktorch's `help`linear` (a table) comes from the api's help; what it leaves (::) is the
    q side's, and help[] shows both."""
    from ktwa.values import types as T
    asked = []

    def api_help(x):
        asked.append(x)
        return T.syms(["in", "out"]) if x == "linear" else None

    s = Session()
    s.ctx.api = {**API, "help": Builtin("help", monad=api_help, doc="help`module  ktorch's")}
    assert s.console("help`linear") == "`in`out\n"
    assert s.console("help`til") == "til n  the first n naturals: 0 1 .. n-1\n"
    assert s.console("help`help").startswith("help[] | help`name")
    out = s.console("help[]")
    assert asked == ["linear", "til", "help", None] and out.startswith("help`name")
