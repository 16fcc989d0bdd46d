"""The ktorch-style api: importing this package registers every api function in BUILTINS."""
from . import convert, info, pointers, tensors, dicts  # noqa: F401
from . import modules, forward, averaging_api, train  # noqa: F401
