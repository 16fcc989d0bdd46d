"""The ktorch-style api.

Importing this package runs every api module's define(...) calls; the names they add are listed
in API. In ktorch they are ordinary root-namespace globals (loaded with
`{key[x]set'get x}(`ktorch 2:`fns,1)[]`), so unlike q keywords they are not reserved: a user may
reuse a name such as `run` or `size` (a global shadows the api function).
"""
from ..verbs.core import BUILTINS

_before = set(BUILTINS)
from . import convert, info, pointers, tensors, dicts  # noqa: E402,F401
from . import modules, forward, averaging_api, train  # noqa: E402,F401
from . import averagers, checkpoints  # noqa: E402,F401

API = {k: BUILTINS[k] for k in list(BUILTINS) if k not in _before}


def install(ctx) -> None:
    """Per-session setup (called by Session): make the api visible and initialise the session's
    ktorch state (default dtype, flags) on ctx.registry."""
    ctx.api = API
    convert.state(ctx)
