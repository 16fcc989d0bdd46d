"""The ktorch-style api.

API is merged from an explicit list of modules (each lists its functions with `define`). In
ktorch they are ordinary root-namespace globals (loaded with
`{key[x]set'get x}(`ktorch 2:`fns,1)[]`), so unlike q keywords they are not reserved: a user may
reuse a name such as `run` or `size` (a global shadows the api function).

Rooms (each file answers one question; the helpers they share are in calls.py: arguments,
options and torch errors; handles.py: which object an argument names; convert.py: k values <->
tensors; state.py: what a session remembers):

  pointers     obj free return mapped addref use          the handles themselves
  info         class objtype size dim stride ... info str  what an object is (libtorch_text: the
                                                          libtorch text of tensors and modules)
  settings     seed setting cudadevices cudadevice sync   the session and the machine
  tensors      tensor options to batch restore ...        tensors: made, read, moved
  tensorops    index narrow transpose View cat sparse ...  views, joins, sparse and complex parts
  tensormath   add mul mean Max topk softmax ...           math on tensors or k data
  linalg       det svd qr lu chol solve lstsq addmm ...   linear algebra
  spectral     fft ifft rfft fftfreq fftshift hann ...    Fourier transforms and windows
  init         zeros ones xnormal knormal normal gain ...  filling tensors and parameters in place
  images       makegrid png                               image grids and PNG files
  dicts        dict vector                                dictionaries and vectors of tensors
  modules      module seq dv tree names parms child ...   modules and their definitions
               (kinds: the table of module kinds; knn: ktorch's own module classes)
  forward      forward nforward eforward evaluate kforward running a module
  functional   maxpool2d pad glu onehot linear normalize ...  a module's calculation without a
                                                          module, and nn functions with none
  losses       loss;  optimizers: opt lr step              losses and optimizers
  lossfns      ce mse nll bce bcelogit1 ...                loss functions called on tensors/k data
  grads        zerograd nograd clip clipv                 the gradients of parameters
  models       model train test input target data ...     models, their settings and data
  shuffles     shuffle unshuffle                          rows in random order
  epochs       run testrun backward backstep              training and evaluation
  autograd     gradflag grad backward detach ...          gradients of tensors from q
  states       state                                      everything needed to rebuild
  helptables   help                                       the tables of module, loss and
                                                          optimizer kinds
  datafiles    gunzip mnisthub
  averages     copyparms copystate avgparms emaparms batchnorm   (kernels: ktwa.averaging)
  schedules    swalr;  swag: swag sample bma;  twa: twa subspace;  collectors: collect
  checkpoints  savetensors loadtensors
  distributed  dist allavg broadcast ddp localsgd         several processes (torch.distributed)
  interop      Python objects <-> handles (Session.push/pull);  memory: bytes the handles hold
"""
from ..values.functions import merge_builtins
from . import (autograd, averages, checkpoints, collectors, datafiles, dicts, distributed,
               epochs, forward, functional, grads, helptables, images, info, init, interop, linalg, lossfns,
               losses, memory, models, modules, optimizers, pointers, schedules, settings, shuffles,
               spectral, states, swag, tensormath, tensorops, tensors, twa)
from .state import state

MODULES = (pointers, info, settings, tensors, tensorops, tensormath, linalg, spectral, init,
           images, dicts, modules, forward, functional, losses, lossfns, optimizers, grads, models, shuffles, epochs,
           autograd, states, helptables, datafiles, averages, schedules, collectors, swag, twa,
           checkpoints, distributed)

API = merge_builtins(MODULES)

__all__ = ["API", "MODULES", "install", "interop", "memory"]


def install(ctx) -> None:
    """Per-session setup (called by Session): initialise the session's ktorch state (default
    dtype, flags, its random generator) on ctx.registry."""
    state(ctx)
