"""Tensors and modules in libtorch's own text: what `str` returns, as C++ `operator<<` prints.

Tensors follow ATen's printer (Formatting.cpp): values as doubles in one shared format chosen
from the data - integral values in `%g` style, else fixed with 4 decimals (a common power of ten
printed first as `scale *` when all values are large or small), else scientific when their
magnitudes span more than 4 orders - each right-aligned in one width; 2-d tensors in blocks of
columns that fit 80 characters (`Columns 1 to 10`), higher dimensions one matrix per leading
index (`(1,.,.) = `), and a footer naming backend, type and size (`[ CPUFloatType{2,3} ]`).
The indentation of n-d matrices is the one ktorch's documentation shows (every row indented by
one space; newer libtorch leaves the first row of each matrix unindented).

Modules follow libtorch's `pretty_print` of each module class, written from the module's ktorch
type and options (`modules.ktype_of`, `modules._live_options`), children nested as
`(name): ...`. A module kind without a text of its own here prints the generic libtorch form
`torch::nn::<TorchClass>(option=value, ...)` from its ktorch options, so kinds defined elsewhere
print too.
"""
from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

LINESIZE = 80

_SCALAR_NAME = {
    torch.float32: "Float", torch.float64: "Double", torch.float16: "Half",
    torch.bfloat16: "BFloat16", torch.int64: "Long", torch.int32: "Int", torch.int16: "Short",
    torch.int8: "Char", torch.uint8: "Byte", torch.bool: "Bool",
    torch.complex64: "ComplexFloat", torch.complex128: "ComplexDouble",
    torch.complex32: "ComplexHalf",
}


def type_string(t: torch.Tensor) -> str:
    """libtorch's `toString()`: backend and scalar type, e.g. CPUFloatType, SparseCUDALongType."""
    backend = t.device.type.upper()
    if t.layout == torch.sparse_coo:
        backend = "Sparse" + backend
    name = _SCALAR_NAME.get(t.dtype, str(t.dtype).replace("torch.", "").capitalize())
    return f"{backend}{name}Type"


# ---------------------------------------------------------------------------------------------
# numbers

def _g(v: float) -> str:
    """C++ defaultfloat with the stream's default precision (6): printf's %g."""
    return "%g" % v


class _Format:
    """How every value of one printed block is written: a mode, a scale and a width."""

    __slots__ = ("mode", "scale", "width")

    def __init__(self, mode: str, scale: float, width: int):
        self.mode, self.scale, self.width = mode, scale, width

    def text(self, v: float) -> str:
        v = v / self.scale
        if self.mode == "fixed":
            s = "%.4f" % v
        elif self.mode == "sci":
            s = "%.4e" % v
        else:
            s = _g(v)
        return s.rjust(self.width)


def _format(values: np.ndarray) -> _Format:
    """ATen's __printFormat over a block's values (float64, flattened)."""
    if values.size == 0:
        return _Format("default", 1.0, 0)
    finite = np.isfinite(values)
    int_mode = bool(np.all(values[finite] == np.ceil(values[finite])))
    exp_min = exp_max = 1.0
    if finite.any():
        offset = int(np.argmax(finite))
        exp_min = exp_max = abs(float(values[offset]))
        for z in np.abs(values[offset:]).tolist():
            if math.isfinite(z):
                if z < exp_min:
                    exp_min = z
                if z > exp_max:
                    exp_max = z
        exp_min = math.floor(math.log10(exp_min)) + 1 if exp_min != 0 else 1
        exp_max = math.floor(math.log10(exp_max)) + 1 if exp_max != 0 else 1
    if int_mode:
        if exp_max > 9:
            return _Format("sci", 1.0, 11)
        return _Format("default", 1.0, int(exp_max) + 1)
    if exp_max - exp_min > 4:
        width = 12 if abs(exp_max) > 99 or abs(exp_min) > 99 else 11
        return _Format("sci", 1.0, width)
    if exp_max > 5 or exp_max < 0:
        return _Format("fixed", 10.0 ** (exp_max - 1), 7)
    return _Format("fixed", 1.0, 7 if exp_max == 0 else int(exp_max) + 6)


def _scale_line(scale: float) -> str:
    return _g(scale) + " *\n"


# ---------------------------------------------------------------------------------------------
# tensors

def _matrix(m: np.ndarray, indent: int, out: list) -> None:
    """ATen's __printMatrix of a 2-d block (its rows as doubles)."""
    f = _format(m.reshape(-1))
    pad = " " * indent
    rows, cols = m.shape
    per_line = (LINESIZE - indent) // (f.width + 1)
    out.append(pad)
    first = 0
    while first < cols:
        last = first + per_line - 1 if first + per_line <= cols else cols - 1
        if per_line < cols:
            if first != 0:
                out.append("\n")
            out.append(f"Columns {first + 1} to {last + 1}{pad}")
        if f.scale != 1:
            out.append(_scale_line(f.scale) + pad)
        for r in range(rows):
            row = m[r]
            for c in range(first, last + 1):
                out.append(f.text(float(row[c])))
                if c == last:
                    out.append("\n")
                    if r != rows - 1:
                        out.append(pad + (" " if f.scale != 1 else ""))
                else:
                    out.append(" ")
        first = last + 1


def _dense_values(t: torch.Tensor) -> np.ndarray:
    """The values ATen prints: the tensor as doubles on the cpu (a complex tensor's real part)."""
    t = t.detach()
    if t.is_complex():
        t = t.real
    return t.to("cpu", torch.float64).contiguous().numpy()


def tensor_text(t: torch.Tensor | None) -> str:
    """`str t`: a tensor as libtorch's `operator<<` prints it."""
    if t is None:
        return "[ Tensor (undefined) ]"
    if t.layout == torch.sparse_coo:
        size = "[" + ", ".join(str(s) for s in t.shape) + "]"
        return (f"[ {type_string(t)}{{}}\nindices:\n{tensor_text(t._indices())}\n"
                f"values:\n{tensor_text(t._values())}\nsize:\n{size}\n]")
    a = _dense_values(t)
    out: list = []
    dims = ",".join(str(s) for s in a.shape)
    if a.ndim == 0:
        out.append(_g(float(a)) + "\n")
    elif a.ndim == 1:
        if a.size:
            f = _format(a)
            if f.scale != 1:
                out.append(_scale_line(f.scale))
            out.extend(f.text(float(v)) + "\n" for v in a)
    elif a.ndim == 2:
        if a.size:
            _matrix(a, 0, out)
    elif a.size:
        lead = a.shape[:-2]
        for n, idx in enumerate(np.ndindex(*lead)):
            if n:
                out.append("\n")
            out.append("(" + "".join(f"{i + 1}," for i in idx) + ".,.) = \n")
            _matrix(a[idx], 1, out)
    out.append(f"[ {type_string(t)}{{{dims}}} ]")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# modules

def _b(v) -> str:
    return "true" if v else "false"


def _arr(v, n: int) -> str:
    """An ExpandingArray<n>: a scalar repeated n times, printed as a list."""
    vals = list(v) if isinstance(v, (tuple, list)) else [v] * n
    return "[" + ", ".join(str(x) for x in vals) + "]"


def _conv(d):
    def text(o):
        s = (f"torch::nn::Conv{d}d({o['in']}, {o['out']}, kernel_size={_arr(o['size'], d)}, "
             f"stride={_arr(o['stride'], d)}")
        pad = o.get("pad", 0)
        if isinstance(pad, str):
            s += f", padding='{pad}'"
        elif _arr(pad, d) != _arr(0, d):
            s += f", padding={_arr(pad, d)}"
        if _arr(o.get("dilate", 1), d) != _arr(1, d):
            s += f", dilation={_arr(o['dilate'], d)}"
        if o.get("groups", 1) != 1:
            s += f", groups={o['groups']}"
        if not o.get("bias", True):
            s += ", bias=false"
        if o.get("padmode", "zeros") != "zeros":
            s += f", padding_mode=k{o['padmode'].capitalize()}"
        return s + ")"
    return text


def _batchnorm(d):
    def text(o):
        mom = "None" if o.get("momentum") is None else _g(o["momentum"])
        return (f"torch::nn::BatchNorm{d}d({o['in']}, eps={_g(o['eps'])}, momentum={mom}, "
                f"affine={_b(o['affine'])}, track_running_stats={_b(o['track'])})")
    return text


def _maxpool(d):
    def text(o):
        stride = o["size"] if o.get("stride") is None else o["stride"]
        return (f"torch::nn::MaxPool{d}d(kernel_size={_arr(o['size'], d)}, "
                f"stride={_arr(stride, d)}, padding={_arr(o['pad'], d)}, "
                f"dilation={_arr(o['dilate'], d)}, ceil_mode={_b(o['ceiling'])})")
    return text


def _avgpool(d):
    def text(o):
        stride = o["size"] if o.get("stride") is None else o["stride"]
        return (f"torch::nn::AvgPool{d}d(kernel_size={_arr(o['size'], d)}, "
                f"stride={_arr(stride, d)}, padding={_arr(o['pad'], d)})")
    return text


def _inplace(name):
    return lambda o: f"torch::nn::{name}(" + ("inplace=true" if o.get("inplace") else "") + ")"


def _embed(o):
    s = f"torch::nn::Embedding(num_embeddings={o['rows']}, embedding_dim={o['cols']}"
    if o.get("padindex") is not None:
        s += f", padding_idx={o['padindex']}"
    if o.get("maxnorm") is not None:
        s += f", max_norm={_g(o['maxnorm'])}"
    if o.get("p", 2.0) != 2:
        s += f", norm_type={_g(o['p'])}"
    if o.get("scale"):
        s += ", scale_grad_by_freq=true"
    if o.get("sparse"):
        s += ", sparse=true"
    return s + ")"


def _leaky(o):
    s = f"torch::nn::LeakyReLU(negative_slope={_g(o['slope'])}"
    return s + (", inplace=true)" if o.get("inplace") else ")")


def _rnn(name):
    def text(o):
        return (f"torch::nn::{name}(input_size={o['in']}, hidden_size={o['hidden']}, "
                f"num_layers={o['layers']}, bias={_b(o['bias'])}, batch_first={_b(o['batchfirst'])}, "
                f"dropout={_g(o['dropout'])}, bidirectional={_b(o['bi'])})")
    return text


def _shape(v) -> str:
    return "[" + ", ".join(str(x) for x in (v if isinstance(v, (tuple, list)) else [v])) + "]"


# ktorch module type -> text of the module itself (children are added by module_text)
_MODULE_TEXT = {
    "linear": lambda o: (f"torch::nn::Linear(in_features={o['in']}, out_features={o['out']}, "
                         f"bias={_b(o['bias'])})"),
    "conv1d": _conv(1), "conv2d": _conv(2), "conv3d": _conv(3),
    "batchnorm1d": _batchnorm(1), "batchnorm2d": _batchnorm(2), "batchnorm3d": _batchnorm(3),
    "maxpool1d": _maxpool(1), "maxpool2d": _maxpool(2), "maxpool3d": _maxpool(3),
    "avgpool1d": _avgpool(1), "avgpool2d": _avgpool(2), "avgpool3d": _avgpool(3),
    "relu": _inplace("ReLU"), "relu6": _inplace("ReLU6"), "leakyrelu": _leaky,
    "gelu": lambda o: "torch::nn::GELU()", "tanh": lambda o: "torch::nn::Tanh()",
    "sigmoid": lambda o: "torch::nn::Sigmoid()", "identity": lambda o: "torch::nn::Identity()",
    "softmax": lambda o: f"torch::nn::Softmax(dim={o['dim']})",
    "logsoftmax": lambda o: f"torch::nn::LogSoftmax(dim={o['dim']})",
    "drop": lambda o: f"torch::nn::Dropout(p={_g(o['p'])}, inplace={_b(o['inplace'])})",
    "flatten": lambda o: f"torch::nn::Flatten(start_dim={o['start']}, end_dim={o['end']})",
    "reshape": lambda o: f"knn::Reshape(size={_shape(o['size'])})",
    "embed": _embed,
    "layernorm": lambda o: (f"torch::nn::LayerNorm({_shape(o['shape'])}, eps={_g(o['eps'])}, "
                            f"elementwise_affine={_b(o['affine'])})"),
    "sequential": lambda o: "torch::nn::Sequential",
    "seqnest": lambda o: "knn::SeqNest",
    # ktorch's own containers that print only their name
    "fork": lambda o: "knn::Fork", "recur": lambda o: "knn::Recur",
    "residual": lambda o: "knn::Residual", "seqjoin": lambda o: "knn::SeqJoin",
    "seqdict": lambda o: "knn::SeqDict", "seqlist": lambda o: "knn::SeqList",
    # ktorch's callback prints each input type followed by a comma
    "callback": lambda o: (f"knn::Callback(fn={o['fn']}, in="
                           f"{''.join(a + ',' for a in _args(o['in']))} out={o['out']})"),
    # libtorch's recurrent layers (an rnn's nonlinearity is not printed)
    "rnn": _rnn("RNN"), "gru": _rnn("GRU"), "lstm": _rnn("LSTM"),
    # libtorch's MultiheadAttention has no printer of its own: the base module's prints the name
    "attention": lambda o: "torch::nn::MultiheadAttention",
    # ktorch's own printers, as its documentation shows them (gpt.rst, cct.rst, vision.rst)
    "select": lambda o: f"knn::Select(dim={o['dim']},ind={o['ind']})",
    "onehot": lambda o: f"knn::OneHot(num_classes={o['classes']})",
    "zscore": lambda o: (f"knn::Zscore(mean={_stat(o['mean'])}, stddev={_stat(o['std'])}, "
                         f"inplace={_b(o['inplace'])})"),
    "randomcrop": lambda o: (f"knn::RandomCrop(size={_arr(o['size'], 2)}, "
                             f"pad={_arr(o['pad'], 4)})"),
    "transform": lambda o: "Transform(",
}


def _stat(v) -> str:
    """A zscore mean or stddev: one value bare, several in brackets."""
    if isinstance(v, (list, tuple)):
        return _g(v[0]) if len(v) == 1 else "[" + ", ".join(_g(x) for x in v) + "]"
    return _g(v)

# ktorch loss name -> libtorch's text of the loss module
_LOSS_TEXT = {
    "ce": "torch::nn::CrossEntropyLoss()", "nll": "torch::nn::NLLLoss()",
    "mse": "torch::nn::MSELoss()", "l1": "torch::nn::L1Loss()",
    "smoothl1": "torch::nn::SmoothL1Loss", "huber": "torch::nn::HuberLoss()",
    "bce": "BCELoss()", "bcelogits": "BCEWithLogitsLoss()", "kl": "torch::nn::KLDivLoss()",
    "multilabel": "torch::nn::MultiLabelMarginLoss()", "softmargin": "torch::nn::SoftMarginLoss()",
    "multisoft": "torch::nn::MultiLabelSoftMarginLoss()", "multimargin": "torch::nn::MultiMarginLoss()",
    "hinge": "torch::nn::HingeEmbeddingLoss()", "cosineloss": "torch::nn::CosineEmbeddingLoss()",
    "margin": "torch::nn::MarginRankingLoss()", "triplet": "torch::nn::TripletMarginLoss()",
    "poissonloss": "torch::nn::PoissonNLLLoss()", "ctc": "torch::nn::CTCLoss()",
}


def _value(v) -> str:
    """An option value as libtorch's printers write it (booleans as true/false, lists in [])."""
    if isinstance(v, bool):
        return _b(v)
    if isinstance(v, float):
        return _g(v)
    if isinstance(v, (tuple, list)):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if v is None:
        return "None"
    return str(v)


def _args(v) -> list:
    """A callback's input types: one symbol or several."""
    return [v] if isinstance(v, str) else list(v)


def _own_text(m: nn.Module) -> str:
    from .modules import ktype_of, live_options        # modules import info, which imports us
    ktype = ktype_of(m)
    opts = live_options(m)
    text = _MODULE_TEXT.get(ktype)
    if text is not None:
        try:
            return text(opts)
        except KeyError:             # options not recorded (a torch module built elsewhere)
            pass
    body = ", ".join(f"{k}={_value(v)}" for k, v in opts.items())
    # libtorch's classes print as torch::nn::, ktorch's own (ktwa's knn.py) as knn::
    space = "torch::nn::" if type(m).__module__.startswith("torch.") else "knn::"
    return f"{space}{type(m).__name__}({body})"


def module_text(m: nn.Module, indent: str = "") -> str:
    """libtorch's `pretty_print_recursive`: the module's text, then its children in parens."""
    out = _own_text(m)
    kids = list(m.named_children())
    if kids:
        inner = indent + "  "
        out += "(\n" + "".join(f"{inner}({name}): {module_text(c, inner)}\n"
                               for name, c in kids) + indent + ")"
    return out


def loss_text(name: str, fn: nn.Module | None) -> str:
    text = _LOSS_TEXT.get(name)
    if text is not None:
        return text
    return f"torch::nn::{type(fn).__name__}()" if fn is not None else name
