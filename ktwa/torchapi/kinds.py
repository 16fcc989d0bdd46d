"""The module kinds a ktorch user builds: one table, name -> Kind (the torch constructor, the
option list in positional order with defaults and help examples, what its forward pass takes
and returns). `module` builds from it, a module's definition and `options` read it back, and
`help` shows it - nothing about a kind is written twice.

An option is (name, default, kind, example): kind checks and converts the q value (a key of
calls.KINDS, or a function (who, name, v) -> value); the example is what `help` shows
(defaults to the default; a required option, default REQUIRED, must give one).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

import torch
from torch import nn

from ..errors import QError
from .calls import KINDS, REQUIRED
from . import knn

REQ = REQUIRED
SAME = object()          # example: the default


@dataclass(frozen=True)
class Opt:
    name: str
    default: object
    kind: object                 # calls.KINDS key or a checker function
    example: object = SAME

    @property
    def shown(self):
        """The value help shows."""
        return self.default if self.example is SAME else self.example


@dataclass(frozen=True)
class Kind:
    """One module kind. forward: False for the containers whose forward pass is a template in
    ktorch (sequential, modulelist ...); result/n/args describe the forward call for help."""
    name: str
    pytorch: str
    options: tuple
    build: Callable
    classes: tuple = ()          # torch classes that are this kind when made outside `module`
    forward: bool = True
    result: str = "tensor"
    n: int = 1
    args: tuple = ("tensor",)
    container: bool = False
    missing: dict = field(default_factory=dict)   # option -> ktorch's text when not given

    def table(self) -> list:
        """The option table for calls.options."""
        return [(o.name, o.default, o.kind) for o in self.options]

    def defaults(self) -> dict:
        return {o.name: o.default for o in self.options}


# ---------------------------------------------------------------------------------------------
# checkers used by several kinds

def _choice(*allowed):
    def check(who, name, v):
        s = KINDS["sym"](who, name, v)
        if s not in allowed:
            raise QError(f"{who}: unrecognized {name}: `{s}, expecting one of "
                         f"`{'`'.join(allowed)}")
        return s
    return check


def _conv_pad(who, name, v):
    """a size, or `same / `valid."""
    if isinstance(v, str):
        return _choice("same", "valid")(who, name, v)
    return KINDS["size"](who, name, v)


def _stats(who, name, v):
    """a mean or standard deviation: a number (for every value), or one per channel."""
    if isinstance(v, (list, np.ndarray)):
        return KINDS["floats"](who, name, v)
    return KINDS["float"](who, name, v)


_PADMODE = _choice("zeros", "reflect", "replicate", "circular")
_PADFN = _choice("constant", "reflect", "replicate", "circular")
_ACTFN = _choice("relu", "gelu")
_DTYPES = {"float": torch.float32, "double": torch.float64, "half": torch.float16,
           "bfloat": torch.bfloat16, "long": torch.int64, "int": torch.int32,
           "short": torch.int16, "byte": torch.uint8, "char": torch.int8, "bool": torch.bool}
_DTYPE = _choice(*_DTYPES)


def O(name, default, kind, example=SAME) -> Opt:   # noqa: E743 (a table row)
    return Opt(name, default, kind, example)


def _t(v):
    return tuple(v) if isinstance(v, (tuple, list)) else v


# ---------------------------------------------------------------------------------------------
# builders

def _conv(cls, transposed=False):
    def build(o):
        kw = dict(stride=_t(o["stride"]), padding=_t(o["pad"]), dilation=_t(o["dilate"]),
                  groups=o["groups"], bias=o["bias"], padding_mode=o["padmode"])
        if transposed:
            kw["output_padding"] = _t(o["outpad"])
        return cls(o["in"], o["out"], _t(o["size"]), **kw)
    return build


def _pool_stride(o):
    return _t(o["stride"]) if o["stride"] is not None else None


def _maxpool(cls):
    return lambda o: cls(_t(o["size"]), _pool_stride(o), _t(o["pad"]), _t(o["dilate"]),
                         ceil_mode=o["ceiling"])


def _avgpool(cls, divisor=True):
    def build(o):
        kw = {"divisor_override": o["divisor"]} if divisor else {}
        return cls(_t(o["size"]), _pool_stride(o), _t(o["pad"]), o["ceiling"], o["countpad"],
                   **kw)
    return build


def _batchnorm(cls):
    return lambda o: cls(o["in"], eps=o["eps"], momentum=o["momentum"], affine=o["affine"],
                         track_running_stats=o["track"])


def _rnn(cls, fn=False):
    def build(o):
        kw = {"nonlinearity": o["fn"]} if fn else {}
        return cls(o["in"], o["hidden"], o["layers"], bias=o["bias"],
                   batch_first=o["batchfirst"], dropout=o["dropout"], bidirectional=o["bi"],
                   **kw)
    return build


def _embed(o):
    return nn.Embedding(o["rows"], o["cols"], padding_idx=o["padindex"], max_norm=o["maxnorm"],
                        norm_type=o["p"], scale_grad_by_freq=o["scale"], sparse=o["sparse"])


def _embedbag(o):
    return nn.EmbeddingBag(o["rows"], o["cols"], max_norm=o["maxnorm"], norm_type=o["p"],
                           scale_grad_by_freq=o["scale"], mode=o["mode"], sparse=o["sparse"],
                           padding_idx=o["padindex"])


def _codelayer(cls):
    return lambda o: cls(o["in"], o["heads"], o["dim"], o["dropout"], o["fn"],
                         batch_first=False)


def _transformer(o):
    return nn.Transformer(o["in"], o["heads"], o["elayers"], o["dlayers"], o["dim"],
                          o["dropout"], o["fn"])


def _coder(layer_cls, coder_cls):
    def build(o):
        lo = o["layer"]
        layer = layer_cls(lo["in"], lo["heads"], lo.get("dim", 2048), lo.get("dropout", 0.1),
                          lo.get("fn", "relu"))
        norm = nn.LayerNorm(o["norm"]) if o["norm"] else None
        return coder_cls(layer, o["layers"], norm=norm, enable_nested_tensor=False) \
            if coder_cls is nn.TransformerEncoder else coder_cls(layer, o["layers"], norm=norm)
    return build


def _layer_opts(who, name, v):
    """an encoder/decoder layer's options: a dictionary, or (in;heads..) positionally."""
    from .calls import options
    table = [("in", REQ, "long>0"), ("heads", REQ, "long>0"), ("dim", 2048, "long>0"),
             ("dropout", 0.1, "float>=0"), ("fn", "relu", _ACTFN)]
    items = [v] if not isinstance(v, list) else v
    if items and isinstance(items[0], str) and items[0] in ("encoderlayer", "decoderlayer"):
        items = items[1:]
    return options(who, table, items)


def _upsample(o):
    if o["size"] is None and o["scale"] is None:
        raise QError("upsample: no output size or scale factor given")
    if o["size"] is not None and o["scale"] is not None:
        raise QError("upsample: both output size and scale factor given")
    return nn.Upsample(size=_t(o["size"]), scale_factor=_t(o["scale"]), mode=o["mode"],
                       align_corners=o["align"])


def _callback(o):
    return knn.Callback(o["fn"], o["fn"].lstrip().startswith("{"), o["in"], o["out"])


def _zscore(o):
    return knn.Zscore(o["mean"], o["std"], o["inplace"])


# ---------------------------------------------------------------------------------------------
# the table

_INPLACE = O("inplace", False, "bool")
_CONV = [O("in", REQ, "long>0"), O("out", REQ, "long>0"), O("size", REQ, "size"),
         O("stride", 1, "size"), O("pad", 0, _conv_pad), O("dilate", 1, "size"),
         O("groups", 1, "long>0"), O("bias", True, "bool"), O("padmode", "zeros", _PADMODE)]
_CONVT = [O("in", REQ, "long>0"), O("out", REQ, "long>0"), O("size", REQ, "size"),
          O("stride", 1, "size"), O("pad", 0, "size"), O("outpad", 0, "size"),
          O("groups", 1, "long>0"), O("bias", True, "bool"), O("dilate", 1, "size"),
          O("padmode", "zeros", _PADMODE)]
_CONV_MISSING = {"in": "number of input channels not defined",
                 "out": "number of output channels not defined",
                 "size": "no kernel size(s) given"}
_MAXPOOL = [O("size", REQ, "size"), O("stride", None, "size?"), O("pad", 0, "size"),
            O("dilate", 1, "size"), O("ceiling", False, "bool")]
_AVGPOOL = [O("size", REQ, "size"), O("stride", None, "size?"), O("pad", 0, "size"),
            O("ceiling", False, "bool"), O("countpad", True, "bool"),
            O("divisor", None, "long?")]
_BN = [O("in", REQ, "long>0", 32), O("eps", 1e-05, "float>=0"),
       O("momentum", 0.1, "float>=0?"), O("affine", True, "bool"), O("track", True, "bool")]
_IN = [O("in", REQ, "long>0", 100), O("eps", 1e-05, "float>=0"),
       O("momentum", 0.1, "float>=0?"), O("affine", False, "bool"), O("track", False, "bool")]
_BN_MISSING = {"in": "number of input features not defined"}
_DROP = [O("p", 0.5, "float>=0"), _INPLACE]
_RNN = [O("in", REQ, "long>0", 10), O("hidden", REQ, "long>0", 20), O("layers", 1, "long>0"),
        O("bias", True, "bool"), O("batchfirst", False, "bool"), O("dropout", 0.0, "float>=0"),
        O("bi", False, "bool")]
_RNN_TANH = _RNN[:3] + [O("fn", "tanh", _choice("tanh", "relu"))] + _RNN[3:]
_CODELAYER = [O("in", REQ, "long>0", 512), O("heads", REQ, "long>0", 8),
              O("dim", 2048, "long>0"), O("dropout", 0.1, "float>=0"), O("fn", "relu", _ACTFN)]
_SIZE = O("size", REQ, "longs")


def _k(name, pytorch, options=(), build=None, **kw) -> Kind:
    return Kind(name, pytorch, tuple(options), build, **kw)


def _noarg(name, pytorch, cls, **kw) -> Kind:
    return _k(name, pytorch, (), lambda o: cls(), classes=(cls,), **kw)


_TABLE = [
    # containers
    _k("sequential", "torch.nn.Sequential", (), lambda o: knn.Sequential(), container=True,
       forward=False, classes=(knn.Sequential, nn.Sequential)),
    _k("seqnest", "knn.SeqNest", (), lambda o: knn.SeqNest(), container=True, classes=(knn.SeqNest,),
       args=("tensor",) * 3),
    _k("seqlist", "knn.SeqList", (), lambda o: knn.SeqList(), container=True,
       classes=(knn.SeqList,), args=("tensor",) * 8),
    _k("seqdict", "knn.SeqDict", (), lambda o: knn.SeqDict(), container=True,
       classes=(knn.SeqDict,), args=("tensor",) * 8),
    _k("seqjoin", "knn.SeqJoin", (), lambda o: knn.SeqJoin(), container=True,
       classes=(knn.SeqJoin,), args=("tensor", "tensor")),
    _k("fork", "knn.Fork", (), lambda o: knn.Fork(), container=True, classes=(knn.Fork,),
       result="tuple"),
    _k("residual", "knn.Residual", (), lambda o: knn.Residual(), container=True,
       classes=(knn.Residual,), args=("tensor",) * 3),
    _k("recur", "knn.Recur", (O("detach", True, "bool"),), lambda o: knn.Recur(o["detach"]),
       container=True, classes=(knn.Recur,), result="vector", args=("tensor",) * 3),
    _k("transform", "knn.Transform", (), lambda o: knn.Transform(), container=True,
       classes=(knn.Transform,)),
    _k("nbeats", "knn.NBeats", (), lambda o: knn.NBeats(), container=True,
       classes=(knn.NBeats,)),
    _k("modulelist", "torch.nn.ModuleList", (), lambda o: knn.ModuleList(), container=True,
       forward=False, classes=(knn.ModuleList, nn.ModuleList)),
    _k("moduledict", "torch.nn.ModuleDict", (), lambda o: knn.ModuleDict(), container=True,
       forward=False, classes=(knn.ModuleDict, nn.ModuleDict)),
    _k("callback", "knn.Callback",
       (O("fn", REQ, "fn", "f"), O("in", ("tensor",), "syms"), O("out", "tensor", "sym"),
        O("parms", None, "any"), O("buffers", None, "any")),
       _callback, container=True, forward=False, classes=(knn.Callback,)),
    _k("parmdict", "torch.nn.ParameterDict", (), None, forward=False, classes=(knn.ParmDict,)),

    # linear and convolution
    _k("linear", "torch.nn.Linear",
       (O("in", REQ, "long>0", 784), O("out", REQ, "long>0", 10), O("bias", True, "bool")),
       lambda o: nn.Linear(o["in"], o["out"], bias=o["bias"]), classes=(nn.Linear,),
       missing={"in": "positive input size required", "out": "positive output size required"}),
    _k("bilinear", "torch.nn.Bilinear",
       (O("in1", REQ, "long>0", 20), O("in2", REQ, "long>0", 30), O("out", REQ, "long>0", 40),
        O("bias", True, "bool")),
       lambda o: nn.Bilinear(o["in1"], o["in2"], o["out"], bias=o["bias"]),
       classes=(nn.Bilinear,), n=2, args=("tensor", "tensor")),
    _k("conv1d", "torch.nn.Conv1d", [o if o.name not in ("in", "out", "size") else
                                     O(o.name, REQ, o.kind, {"in": 16, "out": 32, "size": 3}[o.name])
                                     for o in _CONV], _conv(nn.Conv1d), classes=(nn.Conv1d,),
       missing=_CONV_MISSING),
    _k("conv2d", "torch.nn.Conv2d", [o if o.name not in ("in", "out", "size") else
                                     O(o.name, REQ, o.kind, {"in": 16, "out": 32,
                                                             "size": (3, 5)}[o.name])
                                     for o in _CONV], _conv(nn.Conv2d), classes=(nn.Conv2d,),
       missing=_CONV_MISSING),
    _k("conv3d", "torch.nn.Conv3d", [o if o.name not in ("in", "out", "size") else
                                     O(o.name, REQ, o.kind, {"in": 16, "out": 32,
                                                             "size": (3, 5, 2)}[o.name])
                                     for o in _CONV], _conv(nn.Conv3d), classes=(nn.Conv3d,),
       missing=_CONV_MISSING),
    _k("convtranspose1d", "torch.nn.ConvTranspose1d",
       [o if o.name not in ("in", "out", "size") else
        O(o.name, REQ, o.kind, {"in": 128, "out": 64, "size": 5}[o.name]) for o in _CONVT],
       _conv(nn.ConvTranspose1d, True), classes=(nn.ConvTranspose1d,), missing=_CONV_MISSING),
    _k("convtranspose2d", "torch.nn.ConvTranspose2d",
       [o if o.name not in ("in", "out", "size") else
        O(o.name, REQ, o.kind, {"in": 128, "out": 64, "size": (3, 5)}[o.name]) for o in _CONVT],
       _conv(nn.ConvTranspose2d, True), classes=(nn.ConvTranspose2d,), missing=_CONV_MISSING),
    _k("convtranspose3d", "torch.nn.ConvTranspose3d",
       [o if o.name not in ("in", "out", "size") else
        O(o.name, REQ, o.kind, {"in": 128, "out": 64, "size": (3, 5, 2)}[o.name])
        for o in _CONVT],
       _conv(nn.ConvTranspose3d, True), classes=(nn.ConvTranspose3d,), missing=_CONV_MISSING),
    _k("fold", "torch.nn.Fold",
       (O("out", REQ, "size", (4, 6)), O("size", REQ, "size", (2, 3)), O("dilate", 1, "size"),
        O("pad", 0, "size"), O("stride", 1, "size")),
       lambda o: nn.Fold(_t(o["out"]), _t(o["size"]), _t(o["dilate"]), _t(o["pad"]),
                         _t(o["stride"])), classes=(nn.Fold,)),
    _k("unfold", "torch.nn.Unfold",
       (O("size", REQ, "size", (2, 3)), O("dilate", 1, "size"), O("pad", 0, "size"),
        O("stride", 1, "size")),
       lambda o: nn.Unfold(_t(o["size"]), _t(o["dilate"]), _t(o["pad"]), _t(o["stride"])),
       classes=(nn.Unfold,)),
    _k("upsample", "torch.nn.Upsample",
       (O("size", None, "size?"), O("scale", None, "floats?", (2.0,)),
        O("mode", "nearest", _choice("nearest", "linear", "bilinear", "bicubic", "trilinear")),
        O("align", None, "any")),
       _upsample, classes=(nn.Upsample,)),

    # pooling
    _k("maxpool1d", "torch.nn.MaxPool1d", [O("size", REQ, "size", 3)] + _MAXPOOL[1:],
       _maxpool(nn.MaxPool1d), classes=(nn.MaxPool1d,)),
    _k("maxpool2d", "torch.nn.MaxPool2d", [O("size", REQ, "size", (3, 2))] + _MAXPOOL[1:],
       _maxpool(nn.MaxPool2d), classes=(nn.MaxPool2d,)),
    _k("maxpool3d", "torch.nn.MaxPool3d", [O("size", REQ, "size", (3, 2, 2))] + _MAXPOOL[1:],
       _maxpool(nn.MaxPool3d), classes=(nn.MaxPool3d,)),
    _k("avgpool1d", "torch.nn.AvgPool1d", [O("size", REQ, "size", 3)] + _AVGPOOL[1:5],
       _avgpool(nn.AvgPool1d, False), classes=(nn.AvgPool1d,)),
    _k("avgpool2d", "torch.nn.AvgPool2d", [O("size", REQ, "size", (3, 2))] + _AVGPOOL[1:],
       _avgpool(nn.AvgPool2d), classes=(nn.AvgPool2d,)),
    _k("avgpool3d", "torch.nn.AvgPool3d", [O("size", REQ, "size", (3, 2, 2))] + _AVGPOOL[1:],
       _avgpool(nn.AvgPool3d), classes=(nn.AvgPool3d,)),
    _k("adaptmax1d", "torch.nn.AdaptiveMaxPool1d", (O("size", REQ, "size", 3),),
       lambda o: nn.AdaptiveMaxPool1d(_t(o["size"])), classes=(nn.AdaptiveMaxPool1d,)),
    _k("adaptmax2d", "torch.nn.AdaptiveMaxPool2d", (O("size", REQ, "size", (3, 2)),),
       lambda o: nn.AdaptiveMaxPool2d(_t(o["size"])), classes=(nn.AdaptiveMaxPool2d,)),
    _k("adaptmax3d", "torch.nn.AdaptiveMaxPool3d", (O("size", REQ, "size", (3, 2, 4)),),
       lambda o: nn.AdaptiveMaxPool3d(_t(o["size"])), classes=(nn.AdaptiveMaxPool3d,)),
    _k("adaptavg1d", "torch.nn.AdaptiveAvgPool1d", (O("size", REQ, "size", 3),),
       lambda o: nn.AdaptiveAvgPool1d(_t(o["size"])), classes=(nn.AdaptiveAvgPool1d,)),
    _k("adaptavg2d", "torch.nn.AdaptiveAvgPool2d", (O("size", REQ, "size", (3, 2)),),
       lambda o: nn.AdaptiveAvgPool2d(_t(o["size"])), classes=(nn.AdaptiveAvgPool2d,)),
    _k("adaptavg3d", "torch.nn.AdaptiveAvgPool3d", (O("size", REQ, "size", (3, 2, 4)),),
       lambda o: nn.AdaptiveAvgPool3d(_t(o["size"])), classes=(nn.AdaptiveAvgPool3d,)),
    _k("fmaxpool2d", "torch.nn.FractionalMaxPool2d",
       (O("size", REQ, "size", (2, 4)), O("outsize", None, "size?", (16, 32)),
        O("ratio", None, "floats?", ())),
       lambda o: nn.FractionalMaxPool2d(_t(o["size"]), _t(o["outsize"]), _t(o["ratio"])),
       classes=(nn.FractionalMaxPool2d,)),
    _k("fmaxpool3d", "torch.nn.FractionalMaxPool3d",
       (O("size", REQ, "size", (2, 4, 3)), O("outsize", None, "size?", (16, 32, 24)),
        O("ratio", None, "floats?", ())),
       lambda o: nn.FractionalMaxPool3d(_t(o["size"]), _t(o["outsize"]), _t(o["ratio"])),
       classes=(nn.FractionalMaxPool3d,)),
    _k("lppool1d", "torch.nn.LPPool1d",
       (O("p", REQ, "float", 2.0), O("size", REQ, "size", 3), O("stride", None, "size?"),
        O("ceiling", False, "bool")),
       lambda o: nn.LPPool1d(o["p"], _t(o["size"]), _pool_stride(o), o["ceiling"]),
       classes=(nn.LPPool1d,)),
    _k("lppool2d", "torch.nn.LPPool2d",
       (O("p", REQ, "float", 1.2), O("size", REQ, "size", (2, 3)), O("stride", None, "size?"),
        O("ceiling", False, "bool")),
       lambda o: nn.LPPool2d(o["p"], _t(o["size"]), _pool_stride(o), o["ceiling"]),
       classes=(nn.LPPool2d,)),

    # normalization
    _k("batchnorm1d", "torch.nn.BatchNorm1d", _BN, _batchnorm(nn.BatchNorm1d),
       classes=(nn.BatchNorm1d,), missing=_BN_MISSING),
    _k("batchnorm2d", "torch.nn.BatchNorm2d", _BN, _batchnorm(nn.BatchNorm2d),
       classes=(nn.BatchNorm2d,), missing=_BN_MISSING),
    _k("batchnorm3d", "torch.nn.BatchNorm3d", _BN, _batchnorm(nn.BatchNorm3d),
       classes=(nn.BatchNorm3d,), missing=_BN_MISSING),
    _k("instancenorm1d", "torch.nn.InstanceNorm1d", _IN, _batchnorm(nn.InstanceNorm1d),
       classes=(nn.InstanceNorm1d,), missing=_BN_MISSING),
    _k("instancenorm2d", "torch.nn.InstanceNorm2d", _IN, _batchnorm(nn.InstanceNorm2d),
       classes=(nn.InstanceNorm2d,), missing=_BN_MISSING),
    _k("instancenorm3d", "torch.nn.InstanceNorm3d", _IN, _batchnorm(nn.InstanceNorm3d),
       classes=(nn.InstanceNorm3d,), missing=_BN_MISSING),
    _k("groupnorm", "torch.nn.GroupNorm",
       (O("groups", REQ, "long>0", 3), O("channels", REQ, "long>0", 6),
        O("eps", 1e-05, "float>=0"), O("affine", True, "bool")),
       lambda o: nn.GroupNorm(o["groups"], o["channels"], o["eps"], o["affine"]),
       classes=(nn.GroupNorm,)),
    _k("layernorm", "torch.nn.LayerNorm",
       (O("shape", REQ, "longs", (32, 10)), O("eps", 1e-05, "float>=0"),
        O("affine", True, "bool")),
       lambda o: nn.LayerNorm(_t(o["shape"]), eps=o["eps"], elementwise_affine=o["affine"]),
       classes=(nn.LayerNorm,)),
    _k("localnorm", "torch.nn.LocalResponseNorm",
       (O("size", REQ, "long>0", 2), O("alpha", 0.0001, "float"), O("beta", 0.75, "float"),
        O("k", 1.0, "float")),
       lambda o: nn.LocalResponseNorm(o["size"], o["alpha"], o["beta"], o["k"]),
       classes=(nn.LocalResponseNorm,)),
    _k("crossmap2d", "torch.nn.CrossMapLRN2d",
       (O("size", REQ, "long>0", 2), O("alpha", 0.0001, "float"), O("beta", 0.75, "float"),
        O("k", 1, "long")),
       lambda o: nn.CrossMapLRN2d(o["size"], o["alpha"], o["beta"], o["k"]),
       classes=(nn.CrossMapLRN2d,)),

    # dropout
    _k("drop", "torch.nn.Dropout", _DROP, lambda o: nn.Dropout(o["p"], o["inplace"]),
       classes=(nn.Dropout,)),
    _k("drop2d", "torch.nn.Dropout2d", _DROP, lambda o: nn.Dropout2d(o["p"], o["inplace"]),
       classes=(nn.Dropout2d,)),
    _k("drop3d", "torch.nn.Dropout3d", _DROP, lambda o: nn.Dropout3d(o["p"], o["inplace"]),
       classes=(nn.Dropout3d,)),
    _k("adrop", "torch.nn.AlphaDropout", _DROP,
       lambda o: nn.AlphaDropout(o["p"], o["inplace"]), classes=(nn.AlphaDropout,)),
    _k("fadrop", "torch.nn.FeatureAlphaDropout", _DROP,
       lambda o: nn.FeatureAlphaDropout(o["p"], o["inplace"]),
       classes=(nn.FeatureAlphaDropout,)),
    _k("droppath", "knn.DropPath", (O("p", 0.0, "float>=0", 0.1),),
       lambda o: knn.DropPath(o["p"]), classes=(knn.DropPath,)),

    # activations
    _k("relu", "torch.nn.ReLU", (_INPLACE,), lambda o: nn.ReLU(o["inplace"]),
       classes=(nn.ReLU,)),
    _k("relu6", "torch.nn.ReLU6", (_INPLACE,), lambda o: nn.ReLU6(o["inplace"]),
       classes=(nn.ReLU6,)),
    _k("selu", "torch.nn.SELU", (_INPLACE,), lambda o: nn.SELU(o["inplace"]),
       classes=(nn.SELU,)),
    _k("elu", "torch.nn.ELU", (O("alpha", 1.0, "float"), _INPLACE),
       lambda o: nn.ELU(o["alpha"], o["inplace"]), classes=(nn.ELU,)),
    _k("celu", "torch.nn.CELU", (O("alpha", 1.0, "float"), _INPLACE),
       lambda o: nn.CELU(o["alpha"], o["inplace"]), classes=(nn.CELU,)),
    _k("leakyrelu", "torch.nn.LeakyReLU", (O("slope", 0.01, "float"), _INPLACE),
       lambda o: nn.LeakyReLU(o["slope"], o["inplace"]), classes=(nn.LeakyReLU,)),
    _k("hardshrink", "torch.nn.Hardshrink", (O("lambda", 0.5, "float"),),
       lambda o: nn.Hardshrink(o["lambda"]), classes=(nn.Hardshrink,)),
    _k("softshrink", "torch.nn.Softshrink", (O("lambda", 0.5, "float"),),
       lambda o: nn.Softshrink(o["lambda"]), classes=(nn.Softshrink,)),
    _k("glu", "torch.nn.GLU", (O("dim", -1, "long"),), lambda o: nn.GLU(o["dim"]),
       classes=(nn.GLU,)),
    _k("softmax", "torch.nn.Softmax", (O("dim", REQ, "long", 1),),
       lambda o: nn.Softmax(o["dim"]), classes=(nn.Softmax,)),
    _k("softmin", "torch.nn.Softmin", (O("dim", REQ, "long", 1),),
       lambda o: nn.Softmin(o["dim"]), classes=(nn.Softmin,)),
    _k("logsoftmax", "torch.nn.LogSoftmax", (O("dim", REQ, "long", 1),),
       lambda o: nn.LogSoftmax(o["dim"]), classes=(nn.LogSoftmax,)),
    _k("rrelu", "torch.nn.RReLU",
       (O("lower", 0.125, "float"), O("upper", 1 / 3, "float"), _INPLACE),
       lambda o: nn.RReLU(o["lower"], o["upper"], o["inplace"]), classes=(nn.RReLU,)),
    _k("hardtanh", "torch.nn.Hardtanh", (O("min", -1.0, "float"), O("max", 1.0, "float"),
                                         _INPLACE),
       lambda o: nn.Hardtanh(o["min"], o["max"], o["inplace"]), classes=(nn.Hardtanh,)),
    _k("softplus", "torch.nn.Softplus", (O("beta", 1.0, "float"), O("threshold", 20.0, "float")),
       lambda o: nn.Softplus(o["beta"], o["threshold"]), classes=(nn.Softplus,)),
    _k("threshold", "torch.nn.Threshold",
       (O("threshold", REQ, "float", 0.1), O("value", REQ, "float", 0.0), _INPLACE),
       lambda o: nn.Threshold(o["threshold"], o["value"], o["inplace"]),
       classes=(nn.Threshold,)),
    _k("prelu", "torch.nn.PReLU", (O("in", 1, "long>0"), O("init", 0.25, "float")),
       lambda o: nn.PReLU(o["in"], o["init"]), classes=(nn.PReLU,)),
    _noarg("gelu", "torch.nn.GELU", nn.GELU),
    _noarg("sigmoid", "torch.nn.Sigmoid", nn.Sigmoid),
    _noarg("tanh", "torch.nn.Tanh", nn.Tanh),
    _noarg("logsigmoid", "torch.nn.LogSigmoid", nn.LogSigmoid),
    _noarg("silu", "torch.nn.SiLU", nn.SiLU),
    _noarg("softsign", "torch.nn.Softsign", nn.Softsign),
    _noarg("softmax2d", "torch.nn.Softmax2d", nn.Softmax2d),
    _noarg("tanhshrink", "torch.nn.Tanhshrink", nn.Tanhshrink),
    _noarg("mish", "torch.nn.Mish", nn.Mish),
    _noarg("identity", "torch.nn.Identity", nn.Identity),

    # padding
    _k("pad", "torch.nn.functional.pad",
       (O("pad", REQ, "longs", (1, 2, 2, 1, 1, 2)), O("mode", "constant", _PADFN),
        O("value", 0.0, "float")),
       lambda o: knn.Pad(o["pad"], o["mode"], o["value"]), classes=(knn.Pad,)),
    _k("pad1d", "torch.nn.ConstantPad1d", (O("pad", REQ, "size", (1, 2)), O("value", 0.0, "float")),
       lambda o: nn.ConstantPad1d(_t(o["pad"]), o["value"]), classes=(nn.ConstantPad1d,)),
    _k("pad2d", "torch.nn.ConstantPad2d",
       (O("pad", REQ, "size", (1, 1, 2, 2)), O("value", 0.0, "float")),
       lambda o: nn.ConstantPad2d(_t(o["pad"]), o["value"]), classes=(nn.ConstantPad2d,)),
    _k("pad3d", "torch.nn.ConstantPad3d",
       (O("pad", REQ, "size", (3, 3, 6, 6, 0, 1)), O("value", 0.0, "float", 3.5)),
       lambda o: nn.ConstantPad3d(_t(o["pad"]), o["value"]), classes=(nn.ConstantPad3d,)),
    _k("reflect1d", "torch.nn.ReflectionPad1d", (O("pad", REQ, "size", (1, 2)),),
       lambda o: nn.ReflectionPad1d(_t(o["pad"])), classes=(nn.ReflectionPad1d,)),
    _k("reflect2d", "torch.nn.ReflectionPad2d", (O("pad", REQ, "size", (1, 1, 2, 0)),),
       lambda o: nn.ReflectionPad2d(_t(o["pad"])), classes=(nn.ReflectionPad2d,)),
    _k("replicate1d", "torch.nn.ReplicationPad1d", (O("pad", REQ, "size", (1, 2)),),
       lambda o: nn.ReplicationPad1d(_t(o["pad"])), classes=(nn.ReplicationPad1d,)),
    _k("replicate2d", "torch.nn.ReplicationPad2d", (O("pad", REQ, "size", (1, 1, 2, 0)),),
       lambda o: nn.ReplicationPad2d(_t(o["pad"])), classes=(nn.ReplicationPad2d,)),
    _k("replicate3d", "torch.nn.ReplicationPad3d", (O("pad", REQ, "size", (3, 3, 6, 6, 1, 1)),),
       lambda o: nn.ReplicationPad3d(_t(o["pad"])), classes=(nn.ReplicationPad3d,)),
    _k("zeropad2d", "torch.nn.ZeroPad2d", (O("pad", REQ, "size", (1, 1, 2, 0)),),
       lambda o: nn.ZeroPad2d(_t(o["pad"])), classes=(nn.ZeroPad2d,)),

    # embeddings
    _k("embed", "torch.nn.Embedding",
       (O("rows", REQ, "long>0", 1000), O("cols", REQ, "long>0", 64),
        O("padindex", None, "long?"), O("maxnorm", None, "float>=0?"), O("p", 2.0, "float"),
        O("scale", False, "bool"), O("sparse", False, "bool")),
       _embed, classes=(nn.Embedding,)),
    _k("embedbag", "torch.nn.EmbeddingBag",
       (O("rows", REQ, "long>0", 1000), O("cols", REQ, "long>0", 64),
        O("maxnorm", None, "float>=0?"), O("p", 2.0, "float"), O("scale", False, "bool"),
        O("mode", "mean", _choice("sum", "mean", "max")), O("sparse", False, "bool"),
        O("padindex", None, "long?")),
       _embedbag, classes=(nn.EmbeddingBag,), n=1, args=("tensor", "tensor", "tensor")),
    _k("embedpos", "knn.EmbedPosition",
       (O("rows", REQ, "long>0", 120), O("cols", REQ, "long>0", 512)),
       lambda o: knn.EmbedPosition(o["rows"], o["cols"]), classes=(knn.EmbedPosition,),
       missing={"rows": "positive number of rows required",
                "cols": "positive number of columns required"}),
    _k("embedseq", "knn.EmbedSequence",
       (O("rows", REQ, "long>0", 5000), O("cols", REQ, "long>0", 512),
        O("length", REQ, "long>0", 120)),
       lambda o: knn.EmbedSequence(o["rows"], o["cols"], o["length"]),
       classes=(knn.EmbedSequence,)),

    # recurrent
    _k("rnn", "torch.nn.RNN", _RNN_TANH, _rnn(nn.RNN, True), classes=(nn.RNN,),
       result="tuple", args=("tensor", "tensor")),
    _k("gru", "torch.nn.GRU", _RNN, _rnn(nn.GRU), classes=(nn.GRU,), result="tuple",
       args=("tensor", "tensor")),
    _k("lstm", "torch.nn.LSTM", _RNN, _rnn(nn.LSTM), classes=(nn.LSTM,), result="nested",
       args=("tensor", "tuple")),

    # attention and transformers
    _k("attention", "torch.nn.MultiheadAttention",
       (O("dim", REQ, "long>0", 2048), O("heads", REQ, "long>0", 8),
        O("dropout", 0.0, "float>=0"), O("bias", True, "bool"), O("addbias", False, "bool"),
        O("addzero", False, "bool"), O("kdim", None, "long?"), O("vdim", None, "long?")),
       lambda o: nn.MultiheadAttention(o["dim"], o["heads"], o["dropout"], o["bias"],
                                       o["addbias"], o["addzero"], o["kdim"], o["vdim"]),
       classes=(nn.MultiheadAttention,), result="tuple", n=3,
       args=("tensor", "tensor", "tensor", "tensor", "bool", "tensor")),
    _k("selfattention", "knn.SelfAttention",
       (O("dim", REQ, "long>0", 512), O("heads", REQ, "long>0", 8),
        O("dropout", 0.0, "float>=0", 0.1), O("norm", False, "bool")),
       lambda o: knn.SelfAttention(o["dim"], o["heads"], o["dropout"], o["norm"]),
       classes=(knn.SelfAttention,), args=("tensor", "tensor", "tensor"),
       missing={"dim": "positive embedding dimension required",
                "heads": "positive number of heads required"}),
    _k("encoderlayer", "torch.nn.TransformerEncoderLayer", _CODELAYER,
       _codelayer(nn.TransformerEncoderLayer), classes=(nn.TransformerEncoderLayer,),
       args=("tensor", "tensor", "tensor")),
    _k("decoderlayer", "torch.nn.TransformerDecoderLayer", _CODELAYER,
       _codelayer(nn.TransformerDecoderLayer), classes=(nn.TransformerDecoderLayer,), n=2,
       args=("tensor",) * 6),
    _k("encoder", "torch.nn.TransformerEncoder",
       (O("layer", REQ, _layer_opts, {"in": 512, "heads": 8}), O("layers", REQ, "long", 6),
        O("norm", None, "long?", 512)),
       _coder(nn.TransformerEncoderLayer, nn.TransformerEncoder),
       classes=(nn.TransformerEncoder,), args=("tensor", "tensor", "tensor")),
    _k("decoder", "torch.nn.TransformerDecoder",
       (O("layer", REQ, _layer_opts, {"in": 512, "heads": 8}), O("layers", REQ, "long", 6),
        O("norm", None, "long?", 512)),
       _coder(nn.TransformerDecoderLayer, nn.TransformerDecoder),
       classes=(nn.TransformerDecoder,), n=2, args=("tensor",) * 6),
    _k("transformer", "torch.nn.Transformer",
       (O("in", 512, "long>0"), O("heads", 8, "long>0"), O("elayers", 6, "long"),
        O("dlayers", 6, "long"), O("dim", 2048, "long>0"), O("dropout", 0.1, "float>=0"),
        O("fn", "relu", _ACTFN)),
       _transformer, classes=(nn.Transformer,), n=2, args=("tensor",) * 8),

    # distances
    _k("pairwise", "torch.nn.PairwiseDistance",
       (O("p", 2.0, "float"), O("eps", 1e-06, "float"), O("keepdim", False, "bool")),
       lambda o: nn.PairwiseDistance(o["p"], o["eps"], o["keepdim"]),
       classes=(nn.PairwiseDistance,), n=2, args=("tensor", "tensor")),
    _k("similar", "torch.nn.CosineSimilarity", (O("dim", 1, "long"), O("eps", 1e-08, "float")),
       lambda o: nn.CosineSimilarity(o["dim"], o["eps"]), classes=(nn.CosineSimilarity,), n=2,
       args=("tensor", "tensor")),

    # tensor operations
    _k("cat", "torch.cat", (O("dim", 0, "long"),), lambda o: knn.Cat(o["dim"]),
       classes=(knn.Cat,), n=2, args=("tensor", "tensor")),
    _k("mul", "torch.mul", (), lambda o: knn.Mul(), classes=(knn.Mul,), n=2,
       args=("tensor", "tensor")),
    _k("matmul", "torch.matmul", (), lambda o: knn.Matmul(), classes=(knn.Matmul,), n=2,
       args=("tensor", "tensor")),
    _k("select", "torch.Tensor.select", (O("dim", REQ, "long", 1), O("ind", REQ, "long", -1)),
       lambda o: knn.Select(o["dim"], o["ind"]), classes=(knn.Select,)),
    _k("indexselect", "torch.index_select",
       (O("dim", REQ, "long", 1), O("ind", REQ, "longs", (0, 1, 2))),
       lambda o: knn.IndexSelect(o["dim"], o["ind"]), classes=(knn.IndexSelect,)),
    _k("squeeze", "torch.squeeze", (O("dim", None, "long?", 1), _INPLACE),
       lambda o: knn.Squeeze(o["dim"], o["inplace"]), classes=(knn.Squeeze,)),
    _k("unsqueeze", "torch.unsqueeze", (O("dim", REQ, "long", 0), _INPLACE),
       lambda o: knn.Unsqueeze(o["dim"], o["inplace"]), classes=(knn.Unsqueeze,),
       missing={"dim": "no dimension given"}),
    _k("expand", "torch.Tensor.expand", (O("size", REQ, "longs", (-1, -1, 28, 28)),),
       lambda o: knn.Expand(o["size"]), classes=(knn.Expand,)),
    _k("permute", "torch.permute", (O("size", REQ, "longs", (0, 2, 3, 1)),),
       lambda o: knn.Permute(o["size"]), classes=(knn.Permute,)),
    _k("reshape", "torch.reshape", (O("size", REQ, "longs", (-1, 1, 28, 28)),),
       lambda o: knn.Reshape(o["size"]), classes=(knn.Reshape,)),
    _k("transpose", "knn.Transpose", (O("dim0", -2, "long"), O("dim1", -1, "long")),
       lambda o: knn.Transpose(o["dim0"], o["dim1"]), classes=(knn.Transpose,)),
    _k("flatten", "torch.nn.Flatten", (O("start", 1, "long"), O("end", -1, "long")),
       lambda o: nn.Flatten(o["start"], o["end"]), classes=(nn.Flatten,)),
    _k("onehot", "torch.nn.functional.one_hot",
       (O("classes", -1, "long", 10), O("dtype", None, _DTYPE)),
       lambda o: knn.OneHot(o["classes"], _DTYPES[o["dtype"] or "float"]), classes=(knn.OneHot,)),

    # transforms
    _k("randomcrop", "torchvision.transforms",
       (O("size", REQ, "size", 32), O("pad", 0, "size", 4), O("padmode", "constant", _PADFN,
                                                              "reflect"),
        O("value", 0.0, "float")),
       lambda o: knn.RandomCrop(_pair(o["size"], 2), _pair(o["pad"], 4), o["padmode"],
                                o["value"]), classes=(knn.RandomCrop,),
       missing={"size": "positive cropping height & width not given"}),
    _k("randomflip", "torchvision.transforms", (O("p", 0.5, "float>=0"), O("dim", -1, "long")),
       lambda o: knn.RandomFlip(o["p"], o["dim"]), classes=(knn.RandomFlip,)),
    _k("zscore", "torchvision.transforms",
       (O("mean", REQ, _stats, (0.51, 0.49, 0.47)), O("std", REQ, _stats, (0.25, 0.25, 0.21)),
        _INPLACE),
       _zscore, classes=(knn.Zscore,),
       missing={"mean": "no mean(s) defined", "std": "no stddev(s) defined"}),
]


def _pair(v, n):
    return tuple(v) if isinstance(v, tuple) else (v,) * n


MODULES: dict[str, Kind] = {k.name: k for k in _TABLE}
CONTAINERS = frozenset(k.name for k in _TABLE if k.container)

# the torch class -> kind, for modules made outside `module` (children that torch makes itself,
# modules pushed from Python); the first kind that names a class wins
_BY_CLASS: dict = {}
for _kind in _TABLE:
    for _c in _kind.classes:
        _BY_CLASS.setdefault(_c, _kind.name)


def kind_of_class(m: nn.Module) -> str | None:
    for c in type(m).__mro__:
        k = _BY_CLASS.get(c)
        if k is not None:
            return k
    return None


def kind(name: str) -> Kind:
    k = MODULES.get(name)
    if k is None:
        raise QError(f"unrecognized module: {name}")
    return k
