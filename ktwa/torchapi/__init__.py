"""The ktorch-style api.

API is merged from an explicit list of modules (each lists its functions with `define`). In
ktorch they are ordinary root-namespace globals (loaded with
`{key[x]set'get x}(`ktorch 2:`fns,1)[]`), so unlike q keywords they are not reserved: a user may
reuse a name such as `run` or `size` (a global shadows the api function).
"""
from ..values.functions import merge_builtins
from . import averagers, averaging_api, checkpoints, convert, dicts, forward, info, modules
from . import pointers, tensors, train

MODULES = (info, pointers, tensors, dicts, modules, forward, averaging_api, train, averagers,
           checkpoints)

API = merge_builtins(MODULES)


def install(ctx) -> None:
    """Per-session setup (called by Session): initialise the session's ktorch state (default
    dtype, flags) on ctx.registry."""
    convert.state(ctx)
