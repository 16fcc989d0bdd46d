"""The ktorch-style api: importing this package registers every api function in BUILTINS."""
from . import convert, info, pointers, tensors, dicts  # noqa: F401
from . import modules, forward, averaging_api, train  # noqa: F401


def install(ctx) -> None:
    """Per-session setup (called by Session): the api functions are already registered at
    import; this initialises the session's ktorch state (default dtype, flags) on ctx.registry."""
    convert.state(ctx)
