"""q's tolerant float equality (relative tolerance 2^-43), used by Converge and comparisons."""
import numpy as np

TOL = 2.0 ** -43


def tolerant_eq(a, b) -> bool:
    a = float(a)
    b = float(b)
    if a == b:
        return True
    if np.isnan(a) or np.isnan(b):
        return np.isnan(a) and np.isnan(b)
    return abs(a - b) <= TOL * max(abs(a), abs(b))
