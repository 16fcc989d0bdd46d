"""Trainable Weight Averaging (Li et al., ICLR 2023; nblt/TWA) kernels (imports torch only).

* ``twa_basis(snapshots, centered=False, rtol=None) -> P``: orthonormal rows spanning the snapshot rows
  (N, D) -> (k, D), k <= N. As the reference ``extract == 'Schmidt'``: Gram-Schmidt on the raw
  (uncentered) rows in order (classical GS with one re-orthogonalisation pass, numerically as good as
  modified GS); a row whose residual norm is <= ``rtol`` * its own norm (or is zero) adds no direction
  and is dropped. ``centered=True`` subtracts the row mean first (dicee's SVD variant spans the same
  centred space; its rank is <= N-1 and the spurious last direction is dropped here).
* ``project_grads_(params, P)``: ``g <- P^T (P g)`` where ``g`` is the concatenation of every
  ``p.grad`` (missing grads count as zeros and are created), written back into each ``p.grad``.
  SGD (with momentum/weight decay of in-span weights) then keeps the weights in span(P).
* ``flatten(tensors)`` / ``unflatten_into(tensors, vec)``: flat-vector helpers (list order).
* ``project(vec, P)``: ``P^T (P vec)``; ``coefficients(vec, P)``: ``P vec``.
* ``Twa(dtype, keep=0)``: the snapshot collector: ``collect(tensors) -> n`` adds one flat snapshot
  (keeping the last ``keep``, 0 = all), ``mean(dtype)`` averages them, ``subspace(centered, rtol)``
  gives the basis and the mean (both computed in float64), ``load(W)`` replaces the snapshots.
"""

from __future__ import annotations

import torch
from torch import Tensor

from .grouping import flatten, unflatten_into
from .nograd import no_grad

__all__ = ["Twa", "twa_basis", "project_grads_", "project", "coefficients", "flatten",
           "unflatten_into"]


@no_grad
def twa_basis(snapshots: Tensor, centered: bool = False, rtol: float | None = None) -> Tensor:
    """Orthonormal basis rows (k, D) of span(snapshot rows) via Gram-Schmidt, dropping null directions.

    ``rtol`` defaults to ``1000 * eps(dtype)`` (1.2e-4 for float32, 2.2e-13 for float64). Integer
    input is promoted to float32. The result has the snapshots' floating dtype and device.
    """
    W = snapshots
    if W.dim() != 2:
        raise ValueError(f"snapshots must be a 2-D (N, D) tensor, got shape {tuple(W.shape)}")
    if not W.dtype.is_floating_point:
        W = W.to(torch.float32)
    if centered:
        W = W - W.mean(dim=0, keepdim=True)
    tol = 1000 * torch.finfo(W.dtype).eps if rtol is None else float(rtol)
    n, d = W.shape
    P = torch.empty(min(n, d), d, dtype=W.dtype, device=W.device)
    k = 0
    for i in range(n):
        v = W[i].clone()
        norm0 = torch.linalg.vector_norm(v)
        if k:
            B = P[:k]
            for _ in range(2):  # CGS2: project out twice
                v.sub_((B @ v) @ B)
        nv = torch.linalg.vector_norm(v)
        if not bool(nv > tol * norm0) or not bool(torch.isfinite(nv)):
            continue
        P[k] = v / nv
        k += 1
        if k == d:
            break
    return P[:k].clone()


def coefficients(vec: Tensor, P: Tensor) -> Tensor:
    """Coordinates ``P @ vec`` of a flat vector in the basis P."""
    return P @ vec.to(P.dtype)


def project(vec: Tensor, P: Tensor) -> Tensor:
    """Orthogonal projection ``P^T (P vec)`` of a flat vector onto span(P)."""
    return (P @ vec.to(P.dtype)) @ P


@no_grad
def project_grads_(params, P: Tensor) -> None:
    """Replace the gradients of ``params`` by their projection onto span(P) (flattened concatenation
    in list order). A parameter without ``.grad`` is treated as a zero gradient and gets one."""
    params = list(params)
    D = sum(p.numel() for p in params)
    if P.dim() != 2 or P.shape[1] != D:
        raise ValueError(f"basis has shape {tuple(P.shape)}, parameters have {D} elements")
    grads = []
    for p in params:
        if p.grad is None:
            p.grad = torch.zeros_like(p)
        grads.append(p.grad)
    g = flatten(grads, dtype=P.dtype, device=P.device)
    gp = (P @ g) @ P
    unflatten_into(grads, gp)


class Twa:
    """Flat weight snapshots (rows of the TWA matrix), the last ``keep`` of them (0 keeps all)."""

    def __init__(self, dtype: torch.dtype = torch.float32, keep: int = 0):
        if isinstance(keep, bool) or not isinstance(keep, int) or keep < 0:
            raise ValueError(f"keep must be a non-negative integer, got {keep!r}")
        self.dtype = dtype
        self.keep = keep
        self.snaps: list[Tensor] = []

    @property
    def n(self) -> int:
        return len(self.snaps)

    def collect(self, tensors) -> int:
        """Add the flattened concatenation of ``tensors`` as one snapshot; returns the count held."""
        self.snaps.append(flatten(tensors, dtype=self.dtype))
        if self.keep and len(self.snaps) > self.keep:
            del self.snaps[0]
        return len(self.snaps)

    @no_grad
    def mean(self, dtype: torch.dtype | None = None) -> Tensor:
        """The average snapshot (the SWA point of the collected weights), computed in ``dtype``."""
        if not self.snaps:
            raise ValueError("no snapshots collected")
        return torch.stack(self.snaps).to(dtype or self.dtype).mean(0)

    def subspace(self, centered: bool = False, rtol: float | None = None) -> tuple[Tensor, Tensor]:
        """(P, mean): orthonormal basis rows of the snapshots (see :func:`twa_basis`) and their
        mean, both in float64 whatever the snapshots' dtype."""
        if not self.snaps:
            raise ValueError("no snapshots collected")
        W = torch.stack(self.snaps).to(torch.float64)
        return twa_basis(W, centered=centered, rtol=rtol), W.mean(0)

    def load(self, W: Tensor) -> None:
        """Replace the snapshots by the rows of the (N, D) tensor ``W`` (cast to this dtype)."""
        if W.dim() != 2:
            raise ValueError(f"snapshots must be a 2-D (N, D) tensor, got shape {tuple(W.shape)}")
        self.snaps = [r.to(self.dtype).clone() for r in W]
