"""Which files q code may reach: the fence an embedder puts around a Session.

    Session(files="all")                  # default: any path, as q
    Session(files="read", root="data")    # read below data/ only; nothing is written
    Session(files="none")                 # no file is opened at all

Every built-in that opens, lists, writes or deletes a file asks `ctx.files.path(name,
write=...)` first (`\\l`, `read0`, `read1`, `0:`, `1:`, `get`/`set` of files, `save`/`load`,
`hcount`, `hdel`, `gunzip`, `savetensors`, `loadtensors` ...). Like q's `-u`, a refusal is
`'access`. With a root, relative names are taken below it and a name that leaves it (`..`,
an absolute path elsewhere, a symbolic link pointing out) is refused.

Shell commands are never run whatever the fence: `system` and `\\` commands that q passes to
the OS are errors in ktwa.
"""
from __future__ import annotations

import os

from .errors import QError

MODES = ("all", "read", "none")


class FileAccess:
    def __init__(self, mode: str = "all", root: str | os.PathLike | None = None):
        if mode not in MODES:
            raise ValueError(f"files must be one of {', '.join(MODES)}, not {mode!r}")
        self.mode = mode
        self.root = os.path.realpath(root) if root is not None else None

    def path(self, name: str, write: bool = False) -> str:
        """The file a q name (`` `:data/t.csv `` or "data/t.csv") refers to, if the fence lets
        this session reach it; 'access otherwise."""
        p = name[1:] if name.startswith(":") else name
        if self.mode == "none" or (write and self.mode == "read"):
            raise QError("access")
        if self.root is None:
            return p
        full = os.path.realpath(os.path.join(self.root, p))
        if full != self.root and not full.startswith(self.root + os.sep):
            raise QError("access")
        return full

    @property
    def unfenced(self) -> bool:
        """No fence at all (any file, as q): only such a session may change what the whole
        process sees or reaches (its working directory, its environment, the network)."""
        return self.mode == "all" and self.root is None

    def describe(self) -> str:
        where = f" below {self.root}" if self.root else ""
        return {"all": f"read and write{where}", "read": f"read only{where}",
                "none": "no file access"}[self.mode]
