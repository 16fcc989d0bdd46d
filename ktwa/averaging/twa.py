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
"""

from __future__ import annotations

import torch
from torch import Tensor

from .grouping import flatten, unflatten_into

__all__ = ["twa_basis", "project_grads_", "project", "coefficients", "flatten", "unflatten_into"]


@torch.no_grad()
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


@torch.no_grad()
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
