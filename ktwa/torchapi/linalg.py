"""Linear algebra (ktorch's math-linalg page): determinants, rank and pseudo-inverse,
factorizations (Cholesky, LU, QR, SVD, eigen), solvers and the BLAS sums (addmm ...).

Arguments are read as ktorch reads them: `f x` with a tensor or k array, or `(input;..)` whose
optional parts are recognised from the end by type (an output tensor or vector, a flag, a
tolerance, a mode symbol). Tensor input gives a tensor (a vector of tensors for a
factorization), k data gives k data (a list of arrays for a factorization); with an output
tensor (or vector) the result is written there and the call returns null. The matrix products
(mm mv matmul dot ...) and inverse are in tensormath.
"""
from __future__ import annotations

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.functions import Definitions
from .calls import torch_run as _run
from .convert import dtype_from_symbol, is_dtype_symbol, kname, to_tensor
from .tensors import _number
from .tensormath import _out, _pair, _tuple_result
from .tensorops import (_longs, _tensors_of, input_tensor, is_tensor, k_of, looks_like_array,
                        result, tensor_of)
from .trailing import Rest, is_vector, read_input

define = Definitions()



def _bool(x) -> bool:
    return isinstance(x, np.bool_)


def _double(x) -> bool:
    return isinstance(x, np.float64)



def _opt_double(x):
    """A tolerance: the null float (torch's default) -> None."""
    v = float(x)
    return None if v != v else v


def _vout(ctx, v):
    return ctx.registry.entry(v).obj


def _finish(ctx, p, r, vout=None):
    """A tensor or a tuple of tensors as ktorch returns it (a tuple written into the output
    vector vout when given)."""
    if isinstance(r, tuple):
        return _tuple_result(ctx, p, r, None if vout is None else _vout(ctx, vout))
    return result(ctx, p, r)


# ---------------------------------------------------------------------------------------------
# determinants, rank, pseudo-inverse, power

def _det(who, fn):
    def f(ctx, x):
        t, p = input_tensor(ctx, x, who)
        return _finish(ctx, p, _run(fn, t))
    f.__name__ = f"k_{who}"
    return f


def _tol(who, fn):
    """mrank/pinverse: (input;atol;rtol;hermitian;output)."""
    usage = "(input;atol;rtol;hermitian;output)"
    texts = (f"{who}: expecting up to 5 args, {usage}, given {{n}}",
             f"{who}: unrecognized arg(s), expecting up to 5, {usage}")

    def read(a):
        if a is None:
            return None, None, None, False
        out = a.take(a.tensor)
        h = a.take(_bool)
        tols = a.take2(_double, _double)
        at = rt = None
        if tols:
            at, rt = (_opt_double(v) for v in tols)
        else:
            v = a.take(_double)
            at = None if v is None else _opt_double(v)
        return out, at, rt, bool(h) if h is not None else False

    def f(ctx, x):
        t, p, (out, at, rt, h) = read_input(ctx, x, who, 5, texts, read, atoms=False)
        if out is not None:
            return _out(ctx, tensor_of(ctx, out, who), fn, t, atol=at, rtol=rt, hermitian=h)
        return result(ctx, p, _run(fn, t, atol=at, rtol=rt, hermitian=h))
    f.__name__ = f"k_{who}"
    return f


def k_power(ctx, x):
    if not (isinstance(x, list) and len(x) in (2, 3) and not is_handle(x)) or \
            not isinstance(x[1], np.int64):
        raise QError("power: 2nd argument of long integer n-th power expected, given "
                     f"{kname(x[1]) if isinstance(x, list) and len(x) > 1 else kname(x)}")
    if len(x) == 3 and not is_tensor(ctx, x[2]):
        raise QError("power: unrecognized arg(s), expecting (matrix;n) or (matrix;n;output)")
    t, p = input_tensor(ctx, x[0], "power")
    if len(x) == 3:
        return _out(ctx, tensor_of(ctx, x[2], "power"), torch.linalg.matrix_power, t, int(x[1]))
    return result(ctx, p, _run(torch.linalg.matrix_power, t, int(x[1])))


# ---------------------------------------------------------------------------------------------
# factorizations

def k_chol(ctx, x):
    usage = "a, (a;upper), (a;out) or (a;upper;out)"
    if isinstance(x, (str, np.generic)) and not isinstance(x, np.ndarray):
        raise QError(f"chol: not implemented for {kname(x)}")
    u, out = False, None
    if is_tensor(ctx, x):
        t, p = tensor_of(ctx, x, "chol"), True
    elif not isinstance(x, list) or looks_like_array(x, 2):
        t, p = to_tensor(x), False
    else:
        n = len(x)
        ok = (n == 2 and (_bool(x[1]) or is_tensor(ctx, x[1]))) or \
             (n == 3 and _bool(x[1]) and is_tensor(ctx, x[2]))
        if not ok:
            raise QError(f"chol: unrecognized arg(s), expecting 1-3 args, {usage}")
        if _bool(x[1]):
            u = bool(x[1])
        if is_tensor(ctx, x[n - 1]):
            out = tensor_of(ctx, x[n - 1], "chol")
        t, p = input_tensor(ctx, x[0], "chol")
    if out is not None:
        return _out(ctx, out, torch.linalg.cholesky, t, upper=u)
    return result(ctx, p, _run(torch.linalg.cholesky, t, upper=u))


def _flags_vout(who, fn, most, texts, flag_names):
    """cholx/lux and lu: (x;flag1;flag2;output vector) -> fn(x, **flags) written or returned."""
    def read(a):
        flags = {}
        if a is None:
            return None, flags
        v = a.take(a.vector)
        two = a.take2(_bool, _bool) if len(flag_names) == 2 else None
        if two:
            flags = dict(zip(flag_names, (bool(b) for b in two)))
        else:
            b = a.take(_bool)
            if b is not None:
                flags = {flag_names[0]: bool(b)}
        return v, flags

    def f(ctx, x):
        t, p, (v, flags) = read_input(ctx, x, who, most, texts, read, atoms=False)
        return _finish(ctx, p, _run(fn, t, **flags), vout=v)
    f.__name__ = f"k_{who}"
    return f


def k_cholinverse(ctx, x):
    def read(a):
        if a is None:
            return None, False
        out = a.take(a.tensor)
        u = a.take(_bool)
        return out, bool(u) if u is not None else False
    t, p, (out, u) = read_input(ctx, x, "cholinverse", 3, (
        "cholinverse: 1-3 args expected, (x;upper;output), {n} given",
        "cholinverse: unexpected arg(s), 1-3 args expected, (x;upper;output)"), read, atoms=False)
    if out is not None:
        return _out(ctx, tensor_of(ctx, out, "cholinverse"), torch.cholesky_inverse, t, upper=u)
    return result(ctx, p, _run(torch.cholesky_inverse, t, upper=u))


def _eig(who, fn, symmetric, pair):
    most = 3 if symmetric else 2
    usage = f"(x;{'upper;' if symmetric else ''};output)"
    texts = (f"{who}: expecting 1-{most} args, {usage}, {{n}} given",
             f"{who}: unrecognized arg(s), expecting 1-{most} args, {usage}, {{r}} given")

    def read(a):
        if a is None:
            return None, None, False
        out = a.take(a.tensor) if not pair else None
        v = a.take(a.vector) if pair else None
        u = a.take(_bool) if symmetric else None
        return out, v, bool(u) if u is not None else False

    def f(ctx, x):
        t, p, (out, v, u) = read_input(ctx, x, who, most, texts, read, atoms=False)
        kw = {"UPLO": "U" if u else "L"} if symmetric else {}
        if out is not None:
            return _out(ctx, tensor_of(ctx, out, who), fn, t, **kw)
        return _finish(ctx, p, _run(fn, t, **kw), vout=v)
    f.__name__ = f"k_{who}"
    return f


_QR_MODES = ("reduced", "complete", "r")


def k_qr(ctx, x):
    def read(a):
        if a is None:
            return None, "reduced"
        v = a.take(a.vector)
        m = a.take(lambda y: isinstance(y, str))
        if m is not None and m not in _QR_MODES:
            raise QError(f"unrecognized qr mode: {m}")
        return v, m or "reduced"
    t, p, (v, m) = read_input(ctx, x, "qr", 3, (
        "qr: 1-3 args expected, (x;mode;output), {n} given",
        "qr: unexpected arg(s), 1-3 args expected, (x;mode;output)"), read, atoms=False)
    return _finish(ctx, p, _run(torch.linalg.qr, t, mode=m), vout=v)


_SVD_DRIVERS = ("gesvd", "gesvda", "gesvdj")


def _driver(who, s):
    if s == "":
        return None
    if s not in _SVD_DRIVERS:
        raise QError(f"{who}: unrecognized driver `{s}")
    return s


def k_svd(ctx, x):
    def read(a):
        if a is None:
            return None, True, None
        v = a.take(a.vector)
        d = a.take(lambda y: isinstance(y, str))
        full = a.take(_bool)
        return v, True if full is None else bool(full), None if d is None else _driver("svd", d)
    t, p, (v, full, d) = read_input(ctx, x, "svd", 4, (
        "svd: expecting 1-4 args, (x;full;driver;out vector), given {n}",
        "svd: unrecognized args, expecting 1-4 args, (a;full;driver;out vector)"), read,
        atoms=False)
    return _finish(ctx, p, _run(torch.linalg.svd, t, full_matrices=full, driver=d), vout=v)


def k_svdvals(ctx, x):
    def read(a):
        if a is None:
            return None, None
        out = a.take(a.tensor)
        d = a.take(lambda y: isinstance(y, str))
        return out, None if d is None else _driver("svdvals", d)
    t, p, (out, d) = read_input(ctx, x, "svdvals", 3, (
        "svdvals: expecting 1-3 args, (x;driver;out), given {n}",
        "svdvals: unrecognized args, expecting 1-3 args, (a;driver;out)"), read, atoms=False)
    if out is not None:
        return _out(ctx, tensor_of(ctx, out, "svdvals"), torch.linalg.svdvals, t, driver=d)
    return result(ctx, p, _run(torch.linalg.svdvals, t, driver=d))


def k_lun(ctx, x):
    """lun(lu vector;data;pivots;output) | lun(matrix;pivots;data;pivots;output)."""
    usage = ("(lu vector;dataflag;pivotflag;output) or "
             "(lu matrix;pivots;dataflag;pivotflag;output)")
    if is_vector(ctx, x):
        x = [x]
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"lun: not implemented for {kname(x)}")
    n = len(x)
    if not 0 < n < 6:
        raise QError(f"lun: expecting 1-5 args, {usage}, {n} arg(s) given")
    a = Rest(ctx, x)
    v = a.take(a.vector)
    b1 = b2 = True
    two = a.take2(_bool, _bool)
    if two:
        b1, b2 = bool(two[0]), bool(two[1])
    else:
        b = a.take(_bool)
        if b is not None:
            b1 = bool(b)
    if a.n == 1:
        if not is_vector(ctx, x[0]):
            raise QError("lun: unrecognized inputs, expecting a single input vector or 2 "
                         "arrays/tensors, but 1 inputs given")
        ts = _vout(ctx, x[0]).tensors
        if len(ts) < 2:
            raise QError(f"lun: first arg is {len(ts)}-element vector, but 2 elements required "
                         "(LU matrix & pivots)")
        lu, pv, p = ts[0], ts[1], True
    elif a.n == 2:
        lu, pv, p = _pair(ctx, x, "lun")
    else:
        raise QError("lun: unrecognized inputs, expecting a single input vector or 2 "
                     f"arrays/tensors, but {a.n} inputs given")
    r = _run(torch.lu_unpack, lu, pv.to(torch.int32), unpack_data=b1, unpack_pivots=b2)
    return _finish(ctx, p, tuple(r), vout=v)


# ---------------------------------------------------------------------------------------------
# solvers

def k_solve(ctx, x):
    usage = "(a;b), (a;b;left), (a;b;out) or (a;b;left;out)"
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"solve: not implemented for {kname(x)}")
    n = len(x)
    if not 1 < n < 5:
        raise QError(f"solve: expects 2-4 args, (a;b;left;out), given {n}")
    ok = n == 2 or (n == 3 and (_bool(x[2]) or is_tensor(ctx, x[2]))) or \
        (n == 4 and _bool(x[2]) and is_tensor(ctx, x[3]))
    if not ok:
        raise QError(f"solve: unrecognized arg(s), expecting 2-4 args, {usage}")
    left = bool(x[2]) if n > 2 and _bool(x[2]) else True
    out = tensor_of(ctx, x[n - 1], "solve") if n > 2 and is_tensor(ctx, x[n - 1]) else None
    a, b, p = _pair(ctx, x, "solve")
    if out is not None:
        return _out(ctx, out, torch.linalg.solve, a, b, left=left)
    return result(ctx, p, _run(torch.linalg.solve, a, b, left=left))


def k_trisolve(ctx, x):
    usage = "(a;b;upper;left;unitriangular;output)"
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"solve: not implemented for {kname(x)}")
    n = len(x)
    if not 2 < n < 7:
        raise QError(f"solve: expects 3-6 args, {usage}, given {n}")
    if not _bool(x[2]):
        raise QError(f"solve: 3rd arg of upper triangular flag expected, given {kname(x[2])}")
    a_ = Rest(ctx, x)
    out = a_.take(a_.tensor, 3)
    left, unit = True, False
    two = a_.take2(_bool, _bool, 4)
    if two:
        left, unit = bool(two[0]), bool(two[1])
    else:
        b = a_.take(_bool, 3)
        if b is not None:
            left = bool(b)
    if a_.n != 3:
        raise QError(f"solve: unrecognized args, expecting 3-6 args, {usage}")
    a, b, p = _pair(ctx, x, "trisolve")
    kw = dict(upper=bool(x[2]), left=left, unitriangular=unit)
    if out is not None:
        return _out(ctx, tensor_of(ctx, out, "trisolve"), torch.linalg.solve_triangular, a, b,
                    **kw)
    return result(ctx, p, _run(torch.linalg.solve_triangular, a, b, **kw))


def k_cholsolve(ctx, x):
    usage = "(b;u;upper;output)"
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"choleskysolve: not implemented for {kname(x)}")
    n = len(x)
    if not 1 < n < 5:
        raise QError(f"choleskysolve: 2-4 args expected, {usage}, but {n} given")
    a_ = Rest(ctx, x)
    out = a_.take(a_.tensor, 2)
    u = a_.take(_bool, 2)
    if a_.n != 2:
        raise QError(f"choleskysolve: unrecognized arg(s), 2-4 args expected, {usage}")
    b, m, p = _pair(ctx, x, "cholsolve")
    u = bool(u) if u is not None else False
    if out is not None:
        return _out(ctx, tensor_of(ctx, out, "cholsolve"), torch.cholesky_solve, b, m, upper=u)
    return result(ctx, p, _run(torch.cholesky_solve, b, m, upper=u))


_LSTSQ = ("gels", "gelsd", "gelss", "gelsy")


def k_lstsq(ctx, x):
    usage = "(a;b;rcond;method;output)"
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"lstsq: not implemented for {kname(x)}")
    n = len(x)
    if not 1 < n < 6:
        raise QError(f"lstsq: expects 2-5 args, {usage}, given {n}")
    a_ = Rest(ctx, x)
    v = a_.take(a_.vector, 2)
    m = a_.take(lambda y: isinstance(y, str), 2)
    if m == "":
        m = None
    elif m is not None and m not in _LSTSQ:
        raise QError(f"unrecognized driver: {m}")
    rc = a_.take(_double, 2)
    if a_.n != 2:
        raise QError(f"lstsq: unexpected args, expects 2-5 args, {usage}")
    a, b, p = _pair(ctx, x, "lstsq")
    r = _run(torch.linalg.lstsq, a, b, rcond=None if rc is None else _opt_double(rc), driver=m)
    return _finish(ctx, p, tuple(r), vout=v)


def k_lusolve(ctx, x):
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"lusolve: not implemented for {kname(x)}")
    n = len(x)
    if not 1 < n < 5:
        raise QError("lusolve: 2-4 arguments expected, (b;lu;output) or (b;matrix;pivot;output),"
                     f" but {n} given")
    y = x[1]
    out = None
    if is_tensor(ctx, y) or (not is_vector(ctx, y) and looks_like_array(y, 5) and
                             not (isinstance(y, list) and len(y) == 2 and
                                  not looks_like_array(y, 2))):
        if n < 3:
            raise QError(f"lusolve: expecting (b;matrix;pivot) or (b;matrix;pivot;output), but "
                         f"given {n} args")
        if n == 4:
            if not is_tensor(ctx, x[3]):
                raise QError(f"lusolve: 4th arg of output tensor expected, given {kname(x[3])}")
            out = tensor_of(ctx, x[3], "lusolve")
        b, p1 = input_tensor(ctx, x[0], "lusolve")
        m, pv, p2 = _pair(ctx, x[1:3], "lusolve")
        p = p1 or p2
    else:
        if n > 3:
            raise QError(f"lusolve: expecting (b;lu) or (b;lu;output), but given {n} args")
        if is_vector(ctx, y):
            ts = _vout(ctx, y).tensors
            if len(ts) < 2:
                raise QError("lusolve: 2nd arg of tensor vector of LU output should have at "
                             f"least 2 elements, {len(ts)} found")
            m, pv, p = ts[0], ts[1], True
        else:
            m, pv, p = _pair(ctx, y, "lusolve")
        b, pb = input_tensor(ctx, x[0], "lusolve")
        p = p or pb
        if n == 3:
            if not is_tensor(ctx, x[2]):
                raise QError(f"lusolve: 3rd arg of output tensor expected, given {kname(x[2])}")
            out = tensor_of(ctx, x[2], "lusolve")
    pv = pv.to(torch.int32)
    if out is not None:
        return _out(ctx, out, torch.linalg.lu_solve, m, pv, b)
    return result(ctx, p, _run(torch.linalg.lu_solve, m, pv, b))


# ---------------------------------------------------------------------------------------------
# norms: fnorm/nnorm (input;dim;keepdim;dtype;output), mnorm/vnorm (input;ord;dim;keepdim;..)

def _norm(who, vector=False, ord_=None):
    """fnorm/nnorm (ord_ "fro"/"nuc"), mnorm (matrix norm of order ord, Frobenius without one),
    vnorm (vector norm of order ord, default 2, over all values unless dims given)."""
    most = 5 if ord_ else 6
    usage = ("(input;dim;keepdim;dtype;output)" if ord_ else
             "(input;ord;dim;keepdim;dtype;output)")
    texts = (f"{who}: expecting 1-{most} args, {usage}, given {{n}}",
             f"{who}: unrecognized args, expecting up to {most}, {usage}")

    def read(a):
        got = {"out": None, "dtype": None, "keep": False, "dims": None, "ord": None}
        if a is None:
            return got
        got["out"] = a.take(a.tensor)
        dt = a.take(lambda y: isinstance(y, str) and is_dtype_symbol(y))
        got["dtype"] = None if dt is None else dtype_from_symbol(dt)
        k = a.take(_bool)
        got["keep"] = bool(k) if k is not None else False
        d = a.take(lambda y: _longs(y) is not None)
        got["dims"] = None if d is None else _longs(d)
        if not ord_:
            o = a.take(_double)
            got["ord"] = None if o is None else float(o)
        return got

    def f(ctx, x):
        if isinstance(x, np.generic) and not isinstance(x, np.bool_):
            t, p, g = to_tensor(x), False, read(None)
        else:
            t, p, g = read_input(ctx, x, who, most, texts, read, atoms=False)
        if vector:
            fn = torch.linalg.vector_norm
            args = (t, 2.0 if g["ord"] is None else g["ord"])
            kw = dict(dim=g["dims"] or None, keepdim=g["keep"], dtype=g["dtype"])
        else:
            fn = torch.linalg.matrix_norm
            o = ord_ or ("fro" if g["ord"] is None else g["ord"])
            args = (t, o)
            kw = dict(dim=tuple(g["dims"]) if g["dims"] else (-2, -1), keepdim=g["keep"],
                      dtype=g["dtype"])
        if g["out"] is not None:
            return _out(ctx, tensor_of(ctx, g["out"], who), fn, *args, **kw)
        return result(ctx, p, _run(fn, *args, **kw))
    f.__name__ = f"k_{who}"
    return f


def k_renorm(ctx, x):
    ok = isinstance(x, list) and not is_handle(x) and len(x) in (4, 5) and _number(x[1]) and \
        isinstance(x[2], np.int64) and _number(x[3]) and (len(x) == 4 or is_tensor(ctx, x[4]))
    if not ok:
        raise QError("renorm: unexpected arg(s), expecting 4-5 args, "
                     "(input;power;dim;maxnorm;output)")
    t, p = input_tensor(ctx, x[0], "renorm")
    args = (t, x[1].item(), int(x[2]), x[3].item())
    if len(x) == 5:
        return _out(ctx, tensor_of(ctx, x[4], "renorm"), torch.renorm, *args)
    return result(ctx, p, _run(torch.renorm, *args))


def k_tensordot(ctx, x):
    usage = "tensordot: unexpected arg(s), expecting inputs (x;y), (x;y;dim) or (x;y;dim1;dim2)"
    if isinstance(x, np.ndarray) and x.ndim == 1 and len(x) in (2, 3):
        if len(x) == 3 and x[2] != 0:
            raise QError("tensordot: non-zero dimension specified for scalars")
        a = to_tensor(x)
        return k_of(ctx, _run(torch.tensordot, a[0], a[1], dims=([], [])))
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"tensordot: not implemented for {kname(x)}")
    n = len(x)
    if n == 2 or (n == 3 and isinstance(x[2], np.int64)):
        d = 2 if n == 2 else int(x[2])
        dims = ([k - d for k in range(d)], list(range(d)))
    elif n == 4 and _longs(x[2]) is not None and _longs(x[3]) is not None:
        dims = (_longs(x[2]), _longs(x[3]))
    else:
        raise QError(usage)
    a, b, p = _pair(ctx, x, "tensordot")
    return result(ctx, p, _run(torch.tensordot, a, b, dims=dims))


# ---------------------------------------------------------------------------------------------
# products

def k_householder(ctx, x):
    if not isinstance(x, list) or is_handle(x):
        raise QError(f"householder: not implemented for {kname(x)}")
    n = len(x)
    if not 1 < n < 4:
        raise QError(f"householder: expecting 2-3 args, (x;y;output), given {n}")
    if n == 3 and not is_tensor(ctx, x[2]):
        raise QError(f"householder: expecting 3rd arg of output tensor, given {kname(x[2])}")
    a, b, p = _pair(ctx, x, "householder")
    if n == 3:
        return _out(ctx, tensor_of(ctx, x[2], "householder"), torch.linalg.householder_product,
                    a, b)
    return result(ctx, p, _run(torch.linalg.householder_product, a, b))


def k_multidot(ctx, x):
    if is_vector(ctx, x):
        ts, p = list(_vout(ctx, x).tensors), True
    elif isinstance(x, list) and not is_handle(x):
        ts, p = _tensors_of(ctx, x, "multidot"), any(is_handle(v) for v in x)
    else:
        raise QError(f"multidot: expecting a list or vector of tensors/arrays, given {kname(x)}")
    return result(ctx, p, _run(torch.linalg.multi_dot, ts))


def _add(who, fn):
    """addmm and its kin: (x;y;z;beta;alpha;output) -> beta*x + alpha*(y op z)."""
    usage = "(x;y;z;beta;alpha;output)"

    def f(ctx, x):
        if not isinstance(x, list) or is_handle(x):
            raise QError(f"{who}: not implemented for {kname(x)}")
        n = len(x)
        if not 2 < n < 7:
            raise QError(f"{who}: 3-6 args expected, {usage}, {n} given")
        a_ = Rest(ctx, x)
        out = a_.take(a_.tensor, 3)
        beta, alpha = 1, 1
        two = a_.take2(_number, _number, 4)
        if two:
            beta, alpha = (v.item() for v in two)
        else:
            b = a_.take(_number, 3)
            if b is not None:
                beta = b.item()
        if a_.n != 3:
            raise QError(f"{who}: unrecognized arg(s), 3-6 args expected, {usage}")
        ts, p = zip(*(input_tensor(ctx, v, who) for v in x[:3]))
        if out is not None:
            return _out(ctx, tensor_of(ctx, out, who), fn, *ts, beta=beta, alpha=alpha)
        return result(ctx, any(p), _run(fn, *ts, beta=beta, alpha=alpha))
    f.__name__ = f"k_{who}"
    return f


# ---------------------------------------------------------------------------------------------

define("det", monad=_det("det", torch.linalg.det), ctx=True,
       doc="det x  the determinant of a square matrix (or of each of a batch)")
define("logdet", monad=_det("logdet", torch.logdet), ctx=True,
       doc="logdet x  the log of the determinant")
define("slogdet", monad=_det("slogdet", torch.linalg.slogdet), ctx=True,
       doc="slogdet x  (sign;log of the absolute value) of the determinant")
define("mrank", monad=_tol("mrank", torch.linalg.matrix_rank), ctx=True,
       doc="mrank x | mrank(x;atol;rtol;hermitian;output)  the numerical rank of a matrix")
define("pinverse", monad=_tol("pinverse", torch.linalg.pinv), ctx=True,
       doc="pinverse x | pinverse(x;atol;rtol;hermitian;output)  the pseudo-inverse")
define("power", monad=k_power, ctx=True,
       doc="power(x;n) | power(x;n;output)  the n-th power of a square matrix (n may be < 0)")
define("chol", monad=k_chol, ctx=True,
       doc="chol x | chol(x;upper) | chol(x;upper;output)  the Cholesky factor")
define("cholx", monad=_flags_vout("cholx", torch.linalg.cholesky_ex, 4, (
    "cholx: expecting 1-4 arg(s), (x;upper;check;output), {n} given",
    "cholx: unexpected arg(s), expecting 1-4 arg(s), (x;upper;check;output)"),
    ("upper", "check_errors")),
       ctx=True, doc="cholx x | cholx(x;upper;check;output vector)  (Cholesky factor;error code)")
define("cholinverse", monad=k_cholinverse, ctx=True,
       doc="cholinverse u | cholinverse(u;upper;output)  the inverse of a matrix from its "
           "Cholesky factor")
define("cholsolve", monad=k_cholsolve, ctx=True,
       doc="cholsolve(b;u) | cholsolve(b;u;upper;output)  solve ax=b given a's Cholesky factor u")
define("eig", monad=_eig("eig", torch.linalg.eig, False, True), ctx=True,
       doc="eig x | eig(x;output vector)  (eigenvalues;eigenvectors), complex")
define("eigh", monad=_eig("eigh", torch.linalg.eigh, True, True), ctx=True,
       doc="eigh x | eigh(x;upper;output vector)  (eigenvalues;eigenvectors) of a symmetric "
           "matrix")
define("eigvals", monad=_eig("eigvals", torch.linalg.eigvals, False, False), ctx=True,
       doc="eigvals x | eigvals(x;output)  the eigenvalues, complex")
define("eigvalsh", monad=_eig("eigvalsh", torch.linalg.eigvalsh, True, False), ctx=True,
       doc="eigvalsh x | eigvalsh(x;upper;output)  the eigenvalues of a symmetric matrix")
define("qr", monad=k_qr, ctx=True,
       doc="qr x | qr(x;mode;output vector)  (Q;R); mode `reduced`complete`r")
define("lu", monad=_flags_vout("lufactor", torch.linalg.lu_factor, 3, (
    "lufactor: expecting 1-3 args, (x;pivot;output), given {n}",
    "lufactor: unrecognized args, expecting 1-3 args, (x;pivot;output)"), ("pivot",)),
       ctx=True, doc="lu x | lu(x;pivot;output vector)  (compact LU;pivots)")
define("lux", monad=_flags_vout("lux", torch.linalg.lu_factor_ex, 4, (
    "lux: expecting 1-4 arg(s), (x;pivot;check;output), {n} given",
    "lux: unexpected arg(s), expecting 1-4 arg(s), (x;pivot;check;output)"),
    ("pivot", "check_errors")),
       ctx=True, doc="lux x | lux(x;pivot;check;output vector)  (compact LU;pivots;error code)")
define("lun", monad=k_lun, ctx=True,
       doc="lun v | lun(lu;pivots) | lun(..;dataflag;pivotflag;output)  (P;L;U) from an LU "
           "factorization")
define("lusolve", monad=k_lusolve, ctx=True,
       doc="lusolve(b;lu) | lusolve(b;matrix;pivots) | ..;output  solve ax=b from a's LU "
           "factorization")
define("svd", monad=k_svd, ctx=True,
       doc="svd x | svd(x;full;driver;output vector)  (U;S;Vh)")
define("svdvals", monad=k_svdvals, ctx=True,
       doc="svdvals x | svdvals(x;driver;output)  the singular values")
define("solve", monad=k_solve, ctx=True,
       doc="solve(a;b) | solve(a;b;left) | solve(a;b;left;output)  x where ax=b (xa=b if not "
           "left)")
define("trisolve", monad=k_trisolve, ctx=True,
       doc="trisolve(a;b;upper) | trisolve(a;b;upper;left;unitriangular;output)  x where ax=b, a "
           "triangular")
define("lstsq", monad=k_lstsq, ctx=True,
       doc="lstsq(a;b) | lstsq(a;b;rcond;method;output vector)  (x;residuals;rank;singular "
           "values) of least squares ax=b")
define("householder", monad=k_householder, ctx=True,
       doc="householder(x;tau) | householder(x;tau;output)  the product of Householder matrices")
define("multidot", monad=k_multidot, ctx=True,
       doc="multidot(a;b;..) | multidot v  the product of a chain of matrices")
define("fnorm", monad=_norm("fnorm", ord_="fro"), ctx=True,
       doc="fnorm x | fnorm(x;dim;keepdim;dtype;output)  the Frobenius norm of a matrix (or "
           "each of a batch)")
define("nnorm", monad=_norm("nnorm", ord_="nuc"), ctx=True,
       doc="nnorm x | nnorm(x;dim;keepdim;dtype;output)  the nuclear norm (sum of singular "
           "values)")
define("mnorm", monad=_norm("mnorm"), ctx=True,
       doc="mnorm x | mnorm(x;ord;dim;keepdim;dtype;output)  a matrix norm of order ord "
           "(Frobenius without one)")
define("vnorm", monad=_norm("vnorm", vector=True), ctx=True,
       doc="vnorm x | vnorm(x;ord;dim;keepdim;dtype;output)  a vector norm of order ord (2), "
           "over all values or along dims")
define("renorm", monad=k_renorm, ctx=True,
       doc="renorm(x;p;dim;maxnorm) | ..;output  each slice along dim rescaled to p-norm at most "
           "maxnorm")
define("tensordot", monad=k_tensordot, ctx=True,
       doc="tensordot(x;y) | tensordot(x;y;n) | tensordot(x;y;dims1;dims2)  sum of products over "
           "the last n dims of x and first n of y (2), or over the dims given")
for _name, _fn, _what in (("addbmm", torch.addbmm, "the sum of batch products y[i] mm z[i]"),
                          ("addmm", torch.addmm, "y mm z"), ("addmv", torch.addmv, "y mv z"),
                          ("addr", torch.addr, "the outer product of y and z"),
                          ("baddbmm", torch.baddbmm, "each batch product y[i] mm z[i]")):
    define(_name, monad=_add(_name, _fn), ctx=True,
           doc=f"{_name}(x;y;z) | {_name}(x;y;z;beta;alpha;output)  beta*x + alpha*{_what}")
