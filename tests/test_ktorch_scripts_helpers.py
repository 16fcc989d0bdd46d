"""The helpers of bench/ktorch_scripts.py that need no snapshot: IDX files mnist.q can read
(checked by reading them back through ktwa's own read1, as mnist.q does) and
the error line of ktwa's report."""
import importlib.util
from pathlib import Path

import numpy as np

from ktwa import Session

_spec = importlib.util.spec_from_file_location(
    "ktorch_scripts", Path(__file__).resolve().parent.parent / "bench" / "ktorch_scripts.py")
ks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ks)


def test_idx_files_read_back_as_mnist_q_reads_them(tmp_path):
    rng = np.random.default_rng(3)
    x = rng.integers(0, 256, 3 * 784).astype(np.int16)
    X = rng.integers(0, 256, 2 * 784).astype(np.int16)
    y, Y = np.array([7, 0, 9], np.int16), np.array([4, 1], np.int16)
    names = ks.write_mnist(tmp_path, (x, y, X, Y))
    assert sorted(names) == sorted(f"{s}-{k}" for s in ("train", "t10k")
                                   for k in ("images-idx3-ubyte", "labels-idx1-ubyte"))
    assert (tmp_path / "train-images-idx3-ubyte").read_bytes()[:16] == \
        bytes.fromhex("00000803 00000003 0000001c 0000001c")
    s = Session()
    d = str(tmp_path)
    assert s.console(f'"h"$8_read1`:{d}/train-labels-idx1-ubyte') == "7 0 9h\n"
    assert s.console(f'count 16_read1`:{d}/t10k-images-idx3-ubyte') == "1568\n"
    assert s.console(f'sum "j"$16_read1`:{d}/train-images-idx3-ubyte') == f"{int(x.sum())}\n"


def test_idx_bytes_refuses_values_outside_a_byte():
    import pytest
    with pytest.raises(ValueError):
        ks.idx_bytes(np.array([1, 300]), (2,))


def test_report_takes_the_script_line_of_the_outermost_frame():
    err = "noise\n'type\n  [1]  {x+`a}\n         ^\n  [0]  d/s.q:12: f 1\n                 ^\n"
    assert ks.report(err, "d/s.q") == ("type", 12)
    assert ks.report("'stop\n", "d/s.q") == ("stop", None)
    # after a progress line without its newline, and a lambda frame over two lines
    err = "iter 3 of 9\r'nyi\n  [1]  f:{[x]\n a'x}\n   ^\n  [0]  d/s.q:4: f 2\n       ^\n"
    assert ks.report(err, "d/s.q") == ("nyi", 4)


def test_synthetic_cifar_has_cifars_binary_layout(tmp_path):
    names = ks.write_synthetic_cifar(tmp_path, 4)
    assert names == [f"data_batch_{i}.bin" for i in range(1, 6)] + ["test_batch.bin",
                                                                    "batches.meta.txt"]
    s = Session()
    d = str(tmp_path)
    # records of a label byte then 32x32 red, green and blue bytes, as cifar.q cuts them
    assert s.console(f"count read1`:{d}/data_batch_3.bin") == f"{4 * 3073}\n"
    assert s.console(f'all 10>"h"$first each 0N 3073#read1`:{d}/test_batch.bin') == "1b\n"
    assert s.console(f'count {{x where not x like""}}read0`:{d}/batches.meta.txt') == "10\n"
    import pytest
    with pytest.raises(ValueError):
        ks.write_synthetic_cifar(tmp_path, 0)
