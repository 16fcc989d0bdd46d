"""The evaluator's state: one Context per Session (globals, built-ins, registry, settings,
streams), one Env per lambda call (its locals), and the global name rules.

This module imports nothing else of the runtime: what the Context does that needs the
evaluator (apply a function, evaluate text) or the console (show a value) is handed to it when
it is made (`ktwa.runtime.new_context`), so the runtime's modules form no circle.

The protocol built-ins may use (a built-in defined with ``ctx=True`` receives the Context
first):

- ``ctx.apply(f, args)``      apply any q value (function, list, dict, symbol...) to a list of args
- ``ctx.get_global(name)``    read a global (raises QError(name) if undefined); a name that is
                              not fully qualified is read in the current namespace (`\\d`)
- ``ctx.set_global(name, v)`` (the same rule)
- ``ctx.ns``                  the current namespace: "" for the root, else ".foo" (`\\d .foo`)
- ``ctx.namespace(prefix)``   a namespace as q shows it: a dictionary `` ``a`b!(::;1;2) ``
- ``ctx.write(fd, text)``     fd 1 stdout, 2 stderr (text already has its newline)
- ``ctx.read_line()``         the next line of the console's input (`read0 0`), without its
                              newline; "" at its end; 'nyi in a session that has none
- ``ctx.settings``            .precision (\\P, 0 = 17 digits), .rows, .cols (\\c), .seed (\\S)
- ``ctx.registry``            the session's handle Registry (ktwa.registry)
- ``ctx.rng``                 the session's numpy generator for `?` and `rand`
- ``ctx.eval_text(src)``      evaluate q source in the global scope (`value "..."`)
- ``ctx.message(x)``          x as a message to this process (handle 0, a log's replay):
                              .z.ps of x when .z.ps is set, else value x
- ``ctx.tokens(x)``           the q tokens of the string x (`-4!x`) as a list of strings
- ``ctx.show(x)``             the console text of x; ``ctx.one_line(x)`` its k form
- ``ctx.display``             the console formatter (``qfmt``, ``qf`` for `.Q.fmt`, `.Q.f`)
- ``ctx.load(path)``          run a script in this session (`\\l`)
- ``ctx.files.path(name, write=False)``  the file a q name refers to, if the session's fence
                              (ktwa.fileaccess) lets it be read (or written); 'access if not
- ``ctx.tensor_bytes()``      bytes of the torch tensors the session's handles hold (`\\w`)
- ``ctx.handles``             the file handles hopen made: int -> the file's path (a
                              ktwa.verbs.files.Fifo for one opened to be read in turn)
- ``ctx.database``            the partitioned database `\\l` loaded last
                              (ktwa.verbs.partitions.Database), or None
- ``ctx.enum_positions(e)``   the positions q stores for enumeration e in its domain (an
                              enumeration indexing or amending a list)
- ``ctx.threads``             (get, set) of the compute threads q calls secondary threads
                              (`\\s`), given by whoever owns the compute library; None: none
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np

from ..errors import Frame, QError
from ..values import types as T
from ..values.functions import Lambda, View
from ..verbs.cast import temporal_part
from ..verbs.enums import indices as _enum_indices, rebase
from ..verbs.dotq import RESERVED as K_WORDS
from ..verbs.index import index
from ..verbs.temporal import CLOCK


@dataclass
class Settings:
    precision: int = 7           # \P
    rows: int = 25               # \c
    cols: int = 80
    seed: int = -314159          # \S
    timer: int = 0               # \t N: milliseconds between .z.ts ticks (0: off)
    utc_offset: int | None = None    # \o: minutes local time is ahead of UTC (None: the OS's)
    error_trap: int = 0          # \e: how client requests' errors are handled (no clients yet)
    gc_mode: int = 0             # \g: garbage collection deferred (0) or immediate (1)


class Return(Exception):
    """`:x` inside a lambda: leaves the lambda with x."""

    def __init__(self, value):
        self.value = value


class Env:
    """Where names resolve: a lambda's locals (None at top level), then the globals of the
    namespace the lambda was written in (at top level, the current one)."""

    __slots__ = ("locals", "ctx", "depth", "lam", "ns")

    def __init__(self, ctx, locals=None, depth=0, lam=None):
        self.ctx = ctx
        self.locals = locals
        self.depth = depth
        self.lam = lam
        self.ns = lam.ns if lam is not None else ctx.ns


class Context:
    """One interpreter's state and the protocol built-ins use (see the module docstring)."""

    def __init__(self, *, builtins: dict, api: dict, parse, tokens, apply, run_block, display,
                 registry, files, write=None, load=None, tensor_bytes=None):
        self.globals: dict = {}
        self.enum_domains: set = set()  # full names of globals enumerated over (verbs.enums)
        self.enum_holes: set = set()    # those some enumerations point past the end of
        self.views: dict = {}            # full name -> View (`v::e` at the top level)
        self.handles: dict = {}          # hopen's file handles: int -> path
        self.stdin = None                # the console's input stream, set by who runs it (cli)
        self.redirected: dict = {}       # \\1 \\2: fd -> the stream its output goes to instead
        self.database = None             # the partitioned database \l loaded (verbs.partitions)
        self.builtins = builtins         # q keywords and glyphs: reserved names
        self.api = api                   # torch api names: globals that users may shadow
        self.parse = parse               # q text -> ktwa.syntax.ast.Block
        self.tokens = tokens             # q string -> its tokens as q strings (-4!)
        self.registry = registry         # the session's handles (ktwa.registry)
        self.files = files               # which files q code may reach (ktwa.fileaccess)
        self.settings = Settings()
        self.display = display
        self.depth = 0                   # lambda call depth (error frames show `[n]`)
        self.ns = ""                     # the current namespace (\\d): "" is the root
        self.failed = None               # (primitive;arguments) of the last console error
        self.leaving = False             # .z.exit is running (an exit in it leaves at once)
        self.next_tick = None            # when the timer (\\t N) next runs .z.ts (monotonic s)
        self.script_at = None            # a script's statement being run: (full path of the
        #                                  file, its first line, its text), for lambdas' f and l
        # ctx.apply(f, args): bound once, it is the iterators' inner loop
        self.apply = partial(apply, self)
        self._run_block = run_block
        self._write = write or (lambda fd, text: None)
        self._load = load
        self._tensor_bytes = tensor_bytes
        self.threads = None              # (get, set) for `\\s`: the session hands torch's
        self.rng = None
        self.reseed()

    def enum_positions(self, e):
        """What q stores for enumeration e: its positions in its domain."""
        return _enum_indices(self, e)

    def reseed(self):
        """q's random sequence is fixed at start-up by \\S (default -314159)."""
        self.rng = self.seeded(self.settings.seed)

    @staticmethod
    def seeded(seed: int):
        """The random generator a seed starts (\\S n, \\S 0N's answer given back)."""
        return np.random.default_rng(abs(seed) % (2**63))

    # --- the protocol for built-ins
    def eval_text(self, src: str):
        if src.startswith("\\"):            # value"\\d .m": text that is a system command
            return self.apply(self.builtins["system"], [T.chars(src)])
        try:
            return self._run_block(self.parse(src), Env(self), src)
        except QError as e:
            # the text evaluated is a frame of its own (as a lambda is); the caller's chain
            # then marks where `value` was applied
            if e.span is not None:
                e.frames.append(Frame.at(src, e.span))
                e.span = None
            raise

    def message(self, x):
        """A message to this process (`0 x`, each of a log `-11!` replays): .z.ps of x when
        it is set, else value x (dotz.md, handles.md)."""
        ps = self.globals.get(".z.ps")
        return self.apply(self.builtins["value"] if ps is None else ps, [x])

    def run_block(self, block, text: str | None = None):
        """Evaluate parsed statements at the top level (global scope); given the text they
        were parsed from, `v::e` among them defines a view."""
        return self._run_block(block, Env(self), text)

    def write(self, fd: int, text: str) -> None:
        self._write(fd, text)

    def read_line(self) -> str:
        if self.stdin is None:
            raise QError("nyi: read0 0 in a session with no console input")
        return self.stdin.readline().rstrip("\n")

    def show(self, x) -> str:
        s = self.settings
        return self.display.show(x, precision=s.precision, rows=s.rows, cols=s.cols)

    def one_line(self, x) -> str:
        return self.display.one_line(x, precision=self.settings.precision)

    def load(self, path: str) -> None:
        if self._load is None:
            raise QError("nyi")
        self._load(path)

    def tensor_bytes(self) -> int:
        if self._tensor_bytes is None:
            raise QError("nyi: this session has no torch handles to measure")
        return self._tensor_bytes()

    # --- global names
    def is_reserved(self, name: str) -> bool:
        """q keywords cannot be assigned (`cos:12` is 'assign); torch api names can, and so can
        the few built-ins q does not reserve (`help`)."""
        b = self.builtins.get(name)
        return (b is not None and b.reserved and name[:1].isalpha() and name not in self.api)

    def qualify(self, n: str, ns: str | None = None) -> str:
        """The full name of global n read or written in namespace ns (default: the current
        one): `a` in `.foo` is `.foo.a`; `..a` is the root's `a`."""
        if n.startswith(".."):
            return n[2:]
        ns = self.ns if ns is None else ns
        if not ns or n.startswith("."):
            return n
        return ns + "." + n

    def get_global(self, n: str, ns: str | None = None):
        g = self.globals
        ns = self.ns if ns is None else ns
        if ns and not n.startswith("."):
            full = ns + "." + n
            if full in g:
                return g[full]
        elif n in g:
            return g[n]
        if self.views:
            full = self.qualify(n, ns)
            if full in self.views:
                return self.view_value(full)
        if n == ".":                      # `` `. `` names the root namespace, not the verb
            return self.namespace("")
        if ns and not n.startswith("."):    # `htc` read in .h is the built-in .h.htc
            b = self.builtins.get(ns + "." + n)
            if b is not None:
                return b
        b = self.builtins.get(n)
        if b is not None:
            return b
        a = self.api.get(n)
        if a is not None:
            return a
        if n in CLOCK:                  # .z.p .z.d ...: read the clock
            return CLOCK[n](self.settings.utc_offset)
        if n == ".z.b":
            return self.view_dependencies()
        if n in (".z.ex", ".z.ey") and self.failed is not None:    # see Session.run
            return self.failed[0] if n == ".z.ex" else T.from_items(list(self.failed[1]))
        q = g.get(".q." + n)             # the .q namespace is visible unqualified (`csv`)
        if q is not None:
            return q
        if n.startswith(".."):
            return self.get_global(n[2:], "")
        if n.startswith(".q.") and n[3:] in self.builtins:
            return self.builtins[n[3:]]
        if n.startswith(".") and self.is_namespace(n):
            return self.namespace(n)
        full = self.qualify(n, ns)
        if "." in n[1:] and not self.is_namespace(full):
            return self._dotted(full)
        if self.is_namespace(full):     # `img` after `img.trade:f`; `i.split` in .ml
            return self.namespace(full)
        raise QError(n)

    # --- namespaces: the globals are one flat table of full names (`.foo.a`); a namespace is
    # the dictionary of the names under a prefix, made when it is asked for
    def is_namespace(self, prefix: str) -> bool:
        """Does anything live under `prefix.` (`.q` and `.Q` always do)?"""
        if prefix in (".q", ".Q"):
            return True
        head = prefix + "."
        return any(k.startswith(head) for k in self.globals) or \
            any(k.startswith(head) for k in self.builtins)

    def is_namespace_name(self, name: str) -> bool:
        """`. (the root) or a namespace's name (`.foo`), as a query's or delete's target."""
        return name == "." or (name.startswith(".") and self.is_namespace(name)
                               and name not in self.globals)

    def view_dependencies(self) -> T.QDict:
        """.z.b: each global the views use, and the views that use it (in the order they were
        defined; the globals sorted, as the reference's one example has them)."""
        users: dict = {}
        for name, v in self.views.items():
            for d in v.deps:
                users.setdefault(d, []).append(name)
        keys = sorted(users)
        return T.QDict(T.syms(keys), [T.syms(users[k]) for k in keys])

    def namespace_names(self, prefix: str) -> list[str]:
        """The names directly in a namespace, in the order they were made: "" is the root
        (its plain globals), ".q" the q keywords."""
        if prefix == "":
            return [k for k in self.globals if not k.startswith(".")]
        if prefix == ".q":
            # q's keywords less k's own words (.Q.res: like, sum, select ...), which k knows
            # and so q.k never defines: `.q?like` is the null symbol (funsql.md's kreplace)
            return [k for k in self.builtins if k[:1].isalpha() and k not in self.api
                    and k not in K_WORDS]
        head = prefix + "."
        out: dict = {}
        for table in (self.builtins, self.globals):
            for k in table:
                if k.startswith(head):
                    out.setdefault(k[len(head):].split(".")[0], None)
        return list(out)

    def namespaces(self) -> list[str]:
        """`key ` + "`" + `: the namespaces in the root (q leaves out .z)."""
        out = {"q": None, "Q": None}
        for table in (self.builtins, self.globals):
            for k in table:
                if k.startswith(".") and "." in k[1:]:
                    out.setdefault(k[1:].split(".")[0], None)
        out.pop("z", None)
        return list(out)

    def namespace(self, prefix: str) -> T.QDict:
        """A namespace as q shows it: `` ` `` first (mapped to ::; not in the root's), then each
        name and its value, an inner namespace as a dictionary."""
        names = self.namespace_names(prefix)
        vals: list = []
        for nm in names:
            full = prefix + "." + nm if prefix else nm
            if prefix == ".q":
                vals.append(self.builtins[nm])
            elif full in self.globals:
                vals.append(self.globals[full])
            elif full in self.builtins:
                vals.append(self.builtins[full])
            else:
                vals.append(self.namespace(full))
        if prefix:
            names, vals = [""] + names, [None] + vals
        else:                           # views.md: `. `v is the view v itself
            for full, v in self.views.items():
                if "." not in full:
                    names.append(full)
                    vals.append(v)
        return T.QDict(np.array(names, dtype=object), T.from_items(vals))

    def _dotted(self, n: str):
        """A dictionary path from the root (`d.Y`), or a namespace entry."""
        parts = n.split(".")
        lead = 2 if n.startswith(".") else 1
        # the longest leading name that is a global (a namespace's entry: funq's
        # `iris.t.species` is column species of the table iris.t); the rest are keys
        for k in range(len(parts) - 1, lead - 1, -1):
            root = ".".join(parts[:k])
            if root in self.globals:
                rest = parts[k:]
                break
            if root in self.views:          # views.md: views do not support dot notation
                raise QError("nyi")
        else:
            raise QError(n)
        v = self.globals[root]
        for key in rest:
            if isinstance(v, T.QDict):
                i = v.index_of(key)
                if i is None:
                    raise QError(n)
                # a dictionary of rows (values a table) gives the key's row
                v = T.item(v.values, i) if not isinstance(v.values, T.QTable) \
                    else index(v.values, np.int64(i))
            elif isinstance(v, T.QTable):
                c = v.column(key)
                if c is None:
                    raise QError(n)
                v = c
            else:
                v = temporal_part(v, key, n)        # d.year, t.minute
        return v

    def set_global(self, name: str, value, ns: str | None = None, word: bool = False) -> None:
        """Assign a global; `word`: the name was written in k, where a q keyword k does not
        know is a plain name (`k)count:3`; q code still reads `count` as the keyword)."""
        if not word and self.is_reserved(name):
            raise QError("assign")
        if isinstance(value, Lambda) and not value.name:
            value.name = name
        full = self.qualify(name, ns)
        if full == "." or self.is_namespace_name(full):
            self._set_namespace("" if full == "." else full, value)
            return
        if full in self.enum_domains:       # q's enumerations are indices: they follow it
            rebase(self, full, self.globals.get(full), value)
        self.globals[full] = value
        if self.views:
            self.views.pop(full, None)       # a value assigned replaces a view
            self._invalidate(full)

    def _set_namespace(self, prefix: str, d) -> None:
        """A namespace (the root: "") is a dictionary: assigning one to its name (`` `. upsert
        d``, `@[`.foo;`a;:;1]`) makes its entries the namespace's names, those left out go,
        and an inner namespace's dictionary assigns in turn. Entries still the very values
        the namespace holds stay as they are (a view stays a view)."""
        if not isinstance(d, T.QDict) or not T.is_syms(d.keys):
            raise QError("type")
        old = self.namespace(prefix)
        held = dict(zip(old.keys.tolist(), T.to_items(old.values)))
        new = dict(zip(d.keys.tolist(), T.to_items(d.values)))
        new.pop("", None)
        for nm in held:
            if nm and nm not in new:
                full = prefix + "." + nm if prefix else nm
                if full in self.globals or full in self.views:
                    self.delete_global(full)
        for nm, v in new.items():
            if nm in held and held[nm] is v:
                continue
            full = prefix + "." + nm if prefix else nm
            if isinstance(v, T.QDict) and full not in self.globals and self.is_namespace(full):
                self._set_namespace(full, v)
            else:
                self.set_global(full, v)

    def delete_global(self, full: str) -> None:
        """`delete a from `.`: forget the global (or view) of this full name."""
        if full in self.enum_domains:       # its enumerations point past the end of nothing
            rebase(self, full, self.globals.get(full), None)
        self.globals.pop(full, None)
        if self.views:
            self.views.pop(full, None)
            self._invalidate(full)

    # --- views
    def define_view(self, name: str, block, text: str, deps, start: int = 0) -> None:
        """`name::e` at the top level: a view, pending until it is read. text is e's source,
        found at offset start of the input that defined it (where its spans count from)."""
        if self.is_reserved(name):
            raise QError("assign")
        full = self.qualify(name)
        self.globals.pop(full, None)
        self.views[full] = View(block, text, self.ns,
                                tuple(dict.fromkeys(self.qualify(d) for d in deps
                                                    if d not in self.builtins)), start)
        self._invalidate(full)

    def view_value(self, full: str):
        v = self.views[full]
        if not v.valid:
            if v.busy:
                # views.md: a view read while it is being computed (itself, or through views
                # it uses) is its previous value; with none yet, 'loop
                if not v.ran:
                    raise QError("loop")
                return v.value
            env = Env(self)
            env.ns = v.ns
            v.busy = True
            try:
                v.value = self._run_block(v.block, env)
            except QError as e:
                # debug.md: a view's calculation is a frame of its own, `v::e`, its caret
                # where e failed; the reader's frame then marks where the view was read
                head = f"{full.rsplit('.', 1)[-1] if full.startswith('.') else full}::"
                caret = len(head) + e.span[0] - v.start if e.span is not None else -1
                e.frames.append(Frame(head + v.text, caret))
                e.span = None
                raise
            finally:
                v.busy = False
            v.valid = v.ran = True
        return v.value

    def _invalidate(self, full: str) -> None:
        stack = [full]
        while stack:
            n = stack.pop()
            for k, v in self.views.items():
                if v.valid and n in v.deps:
                    v.valid = False
                    stack.append(k)


__all__ = ["Context", "Env", "Return", "Settings"]
