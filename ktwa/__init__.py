"""ktwa: a q dialect over PyTorch for weight averaging (ktorch's copyparms/avgparms/batchnorm)."""
__version__ = "0.1.0"


def __getattr__(name):
    if name == "Session":
        from .session import Session
        return Session
    raise AttributeError(name)


def load_ipython_extension(ipython):  # `%load_ext ktwa`
    from .notebook import load_ipython_extension as _load
    _load(ipython)
