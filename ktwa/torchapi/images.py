"""Images (the helpers ktorch's examples use): makegrid lays a batch of images out in one grid,
png writes an image to a PNG file.

PNG files are written by a small writer here, with zlib and struct from Python's standard
library (no image library is installed in ktwa's environment, and a PNG needs only a header,
the zlib-compressed rows and a CRC per chunk): 8-bit grey, grey+alpha, RGB or RGBA.
"""
from __future__ import annotations

import os
import struct
import zlib

import numpy as np
import torch

from ..errors import QError
from ..registry import is_handle
from ..values.functions import Definitions
from .calls import TORCH_ERRORS, torch_error
from .tensorops import input_tensor, result

define = Definitions()

NULL_J = np.iinfo(np.int64).min


# ---------------------------------------------------------------------------------------------
# makegrid

def image_grid(t: torch.Tensor, rows: int | None, cols: int | None, pad: int,
               value: int) -> torch.Tensor:
    """n images (n x C x H x W; one channel made three) in a C x rows*(H+pad)+pad x
    cols*(W+pad)+pad grid filled with value, in row order (ktorch's imagegrid); a missing rows or
    cols is what n images need."""
    if t.size(1) == 1:
        t = torch.cat([t, t, t], 1)
    n, h, w = t.size(0), t.size(2) + pad, t.size(3) + pad
    if rows is None:
        rows = -(-n // cols)
    if cols is None:
        cols = -(-n // rows)
    g = t.new_full((t.size(1), rows * h + pad, cols * w + pad), value)
    k = 0
    for i in range(rows):
        for j in range(cols):
            if k >= n:
                break
            g.narrow(1, i * h + pad, h - pad).narrow(2, j * w + pad, w - pad).copy_(t[k])
            k += 1
    return g


def k_makegrid(ctx, x):
    usage = ("makegrid: unrecognized arg(s), expecting 2-5 args, (input array/tensor; rows; "
             "cols; padding; pad value)")
    if not (isinstance(x, list) and not is_handle(x) and 2 <= len(x) <= 5 and
            all(isinstance(v, np.int64) for v in x[1:])):
        raise QError(usage)
    nums = [int(v) for v in x[1:]] + [NULL_J, 2, 0][len(x) - 2:]
    rows, cols = (None if v == NULL_J else v for v in nums[:2])
    pad, value = nums[2], nums[3]
    t, p = input_tensor(ctx, x[0], "makegrid")
    if t.dim() not in (3, 4):
        raise QError(f"makegrid: expecting 3 or 4-dimensional input, {t.dim()} dimension(s) "
                     f"given")
    if rows is None and cols is None:
        raise QError("makegrid: both rows & columns cannot be null")
    if t.dim() == 3:
        t = t.unsqueeze(1)
    try:
        with torch.no_grad():
            g = image_grid(t.detach(), rows, cols, pad, value)
    except TORCH_ERRORS as err:
        raise torch_error(err) from None
    return result(ctx, p, g)


# ---------------------------------------------------------------------------------------------
# png

def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png_bytes(a: np.ndarray) -> bytes:
    """A PNG file of an H x W x C array of bytes (C: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA)."""
    h, w, c = a.shape
    colour = {1: 0, 2: 4, 3: 2, 4: 6}[c]
    header = struct.pack(">IIBBBBB", w, h, 8, colour, 0, 0, 0)
    rows = np.concatenate([np.zeros((h, 1), np.uint8), a.reshape(h, w * c)], axis=1)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) +
            _chunk(b"IDAT", zlib.compress(rows.tobytes(), 6)) + _chunk(b"IEND", b""))


def k_png(ctx, x):
    if not (isinstance(x, list) and len(x) == 2 and isinstance(x[0], str) and
            not is_handle(x)):
        raise QError("png: unrecognized arg(s), expects (PNG file name; image array/tensor)")
    name = x[0]
    t, _ = input_tensor(ctx, x[1], "png")
    if t.dim() != 3 or t.size(0) not in (1, 2, 3, 4):
        raise QError(f"png: expecting image of 1-4 channels x height x width, given size "
                     f"{list(t.shape)}")
    a = t.detach().to("cpu", torch.uint8).permute(1, 2, 0).contiguous().numpy()
    path = ctx.files.path(name, write=True)
    try:
        d = os.path.dirname(path)
        if d:
            os.makedirs(d, exist_ok=True)
        with open(path, "wb") as f:
            f.write(png_bytes(a))
    except OSError as err:
        raise QError(f"png: {err.strerror}: {name}") from None
    return name


define("makegrid", monad=k_makegrid, ctx=True,
       doc="makegrid(x;rows) | makegrid(x;rows;cols;pad;value)  n images (n x C x H x W, or n x "
           "H x W) laid out in one C x H' x W' grid, padded (2) with value (0)")
define("png", monad=k_png, ctx=True,
       doc="png(`:file.png;x)  write a C x H x W image (1-4 channels, values as bytes) to a PNG "
           "file; the file name")
