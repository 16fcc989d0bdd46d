"""The ktorch-style api.

Importing this package runs every api module's define(...) calls; the names they add are listed
in API. In ktorch they are ordinary root-namespace globals (loaded with
`{key[x]set'get x}(`ktorch 2:`fns,1)[]`), so unlike q keywords they are not reserved: a user may
reuse a name such as `run` or `size` (a global shadows the api function).

Rooms (each file answers one question; the helpers they share are in calls.py: arguments,
options and torch errors; handles.py: which object an argument names; convert.py: k values <->
tensors; state.py: what a session remembers):

  pointers     obj free return mapped addref use          the handles themselves
  info         class objtype size device dtype ... str    what an object is
  settings     seed setting cudadevices cudadevice sync   the session and the machine
  tensors      tensor options to resize reshape batch ... tensors
  dicts        dict vector                                dictionaries and vectors of tensors
  modules      module seq names parms child training ...  modules and their definitions
  forward      forward nforward eforward evaluate          running a module
  losses       loss;  optimizers: opt lr step zerograd
  models       model train test input target data ...     models, their settings and data
  epochs       run testrun backward                       training and evaluation
  datafiles    gunzip mnisthub
  averages     copyparms copystate avgparms emaparms batchnorm   (kernels: ktwa.averaging)
  schedules    swalr;  swag: swag sample bma;  twa: twa subspace;  collectors: collect
  checkpoints  savetensors loadtensors
"""
from ..verbs.core import BUILTINS

_before = set(BUILTINS)
from . import pointers, info, settings, tensors, dicts, modules, forward  # noqa: E402,F401
from . import losses, optimizers, models, epochs, datafiles  # noqa: E402,F401
from . import averages, schedules, collectors, swag, twa, checkpoints  # noqa: E402,F401
from .state import state  # noqa: E402

API = {k: BUILTINS[k] for k in list(BUILTINS) if k not in _before}


def install(ctx) -> None:
    """Per-session setup (called by Session): make the api visible and initialise the session's
    ktorch state (default dtype, flags) on ctx.registry."""
    ctx.api = API
    state(ctx)
