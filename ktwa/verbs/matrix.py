"""Matrices: `mmu` (matrix multiply, dot product), `inv` (inverse) and `lsq` (least squares),
on float vectors and matrices (a matrix is a list of float vectors of one count), as q defines
them."""
from __future__ import annotations

import numpy as np

from ..errors import QError
from ..values.functions import Definitions

define = Definitions()


def _float_array(x) -> np.ndarray:
    """A float vector as it is, a float matrix as a 2-d array; anything else is 'type."""
    if isinstance(x, np.ndarray):
        if x.dtype != np.float64:
            raise QError("type")
        return x
    if isinstance(x, list) and x and all(isinstance(r, np.ndarray) and r.dtype == np.float64
                                         for r in x):
        if len({len(r) for r in x}) != 1:
            raise QError("length")
        return np.stack(x)
    raise QError("type")


def _q(a: np.ndarray):
    if a.ndim == 0:
        return np.float64(a)
    if a.ndim == 1:
        return a
    return [r.copy() for r in a]


def _matrices(x) -> bool:
    """A list of float matrices (a 3-d list)."""
    return isinstance(x, list) and bool(x) and all(isinstance(m, list) for m in x)


def mmu(x, y):
    """x mmu y  matrix product of float matrices/vectors (vector.vector: the dot product); two
    lists of matrices multiply pairwise (a batch product: ktorch's linalg page checks bmm and
    addbmm against `x mmu y` and `sum y mmu z` on 3-d lists)."""
    if _matrices(x) and _matrices(y):
        if len(x) != len(y):
            raise QError("length")
        return [mmu(a, b) for a, b in zip(x, y)]
    a, b = _float_array(x), _float_array(y)
    if a.shape[-1] != b.shape[0]:
        raise QError("length")
    return _q(a @ b)


def inv(x):
    """inv x  the inverse of a non-singular float matrix."""
    a = _float_array(x)
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise QError("length")
    try:
        return _q(np.linalg.inv(a))
    except np.linalg.LinAlgError:
        raise QError("domain") from None


def lsq(x, y):
    """x lsq y  the least-squares solution r of x = r mmu y: q solves the normal equations
    (y mmu flip y) mmu flip r = y mmu flip x by Cholesky decomposition (lsq.md), so the rows of
    y must be independent and no more than its columns."""
    a, b = _float_array(x), _float_array(y)
    if a.ndim != 2 or b.ndim != 2:
        raise QError("rank")
    if a.shape[1] != b.shape[1]:
        raise QError("length")
    try:
        low = np.linalg.cholesky(b @ b.T)
        half = np.linalg.solve(low, b @ a.T)
        return _q(np.linalg.solve(low.T, half).T)
    except np.linalg.LinAlgError:
        raise QError("domain") from None


define("mmu", dyad=mmu, infix=True, doc="x mmu y  matrix multiply (dot product of vectors): floats")
define("inv", monad=inv, doc="inv x  the inverse of a non-singular float matrix")
define("lsq", dyad=lsq, infix=True,
       doc="x lsq y  least-squares r of x = r mmu y (float matrices; rows of y independent)")
