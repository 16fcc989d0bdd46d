"""What a failed or hostile api call must not do (issue: nothing a user types escapes; an
interrupted update is never half done): consume its handles, share random numbers between
Sessions, write values that are not meant for a weight, hide why a save failed, read without
bound, or load a file that does not fit."""
import errno
import gzip
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
import torch

from ktwa.errors import QError
from ktwa.session import Session


@pytest.fixture
def s():
    return Session()


def qerr(s, src):
    with pytest.raises(QError) as e:
        s.eval(src)
    return e.value.msg


def obj(s, name):
    return s.ctx.registry.entry(s.eval(name)).obj


# ------------------------------------------------------------------------ handles kept on failure
@pytest.mark.parametrize("setup,failing,kept", [
    ("q:module enlist(`linear;2;1)", "module(`zeros;q)", ["q"]),
    ("c:module enlist`sequential; q:module enlist(`linear;2;1)", "module(c;q;`nosuch)", ["q"]),
    ("c:module enlist`sequential; q:module enlist(`linear;2;1)",
     "module(c;q;enlist(`linear;`0;2;1))", ["q"]),
    ("c:module enlist`sequential", "module(c;c)", ["c"]),
    ("t:tensor 1 2 3", "dict`a`b!(t;`x)", ["t"]),
    ("t:tensor 1 2 3; d:dict`a`b!(1 2;3 4)", "dict(d;`a`b;(t;`x))", ["t"]),
    ("t:tensor 1 2 3", "vector(t;`x)", ["t"]),
    ("t:tensor 1 2 3; v:vector(1 2;3 4)", "vector(v;0 1;(t;`x))", ["t"]),
    ("v:vector(1 2;3 4)", "vector(v;v)", ["v"]),
    ("q:module enlist(`linear;2;1); l:loss`ce", "model(q;l)", ["q", "l"]),
])
def test_a_failed_call_consumes_no_handle(s, setup, failing, kept):
    s.eval(setup)
    before = {k: obj(s, k) for k in kept}
    qerr(s, failing)
    for k in kept:
        assert s.eval(f"mapped {k}") and obj(s, k) is before[k]
        s.eval(f"class {k}")


def test_a_failed_module_call_leaves_the_container_as_it_was(s):
    s.eval("c:module enlist`sequential; q:module enlist(`linear;2;1)")
    qerr(s, "module(c;q;enlist(`linear;`0;2;1))")      # name `0 is taken by q's place
    assert list(obj(s, "c")._modules) == []
    s.eval("module(c;q)")                               # and the handle is consumed on success
    assert not s.eval("mapped q") and list(obj(s, "c")._modules) == ["0"]


def test_a_handle_given_twice_is_consumed_once(s):
    s.eval("t:tensor 1 2 3; v:vector(t;t)")
    assert not s.eval("mapped t") and s.eval("tensorcount v") == 2


# ------------------------------------------------------------------------ one generator a session
_DRAWS = ("r:tensor(`randn;5); i:tensor(`randint;100;5); m:module enlist(`linear;3;2); "
          "(return r; return i; first tensor parm(m;`weight))")


def _draws(s: Session, seed: int, n: int) -> list:
    s.eval(f"seed {seed}")
    return [s.eval(_DRAWS) for _ in range(n)]


def _same(a, b) -> bool:
    return all(all(np.array_equal(x, y) for x, y in zip(p, q)) for p, q in zip(a, b))


def test_each_session_owns_its_random_numbers():
    alone = {42: _draws(Session(), 42, 60), 7: _draws(Session(), 7, 60)}
    assert not _same(alone[42], alone[7])
    outside = torch.get_rng_state()
    got = {}
    barrier = threading.Barrier(2)

    def run(seed):
        s = Session()
        barrier.wait()
        got[seed] = _draws(s, seed, 60)

    threads = [threading.Thread(target=run, args=(k,)) for k in (42, 7)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert _same(got[42], alone[42]) and _same(got[7], alone[7])
    assert torch.equal(torch.get_rng_state(), outside)   # torch's global generator untouched


def test_seed_reads_and_sets_the_sessions_seed(s):
    s.eval("seed 123")
    assert s.eval("seed[]") == 123 and Session().eval("seed[]") != 123
    a = s.eval("seed 5; return tensor(`rand;3)")
    b = s.eval("seed 5; return tensor(`rand;3)")
    assert np.array_equal(a, b)


# ------------------------------------------------------------------------ values refused
@pytest.mark.parametrize("src,msg", [
    ('copyparms(m;`weight`bias!("ab";3e))', "copyparms: weight expects numbers, given char data"),
    ("copyparms(m;`weight`bias!(enlist 1e;3e))",
     "copyparms: weight has shape [1, 2], given a one-element [1]; give a scalar to fill it"),
    ("parm(m;`weight;1 1#2e)", "parm: weight has shape [1, 2], given a one-element [1, 1]"),
    ("swalr(o;-0.1)", "swalr: lr must be non-negative, given -0.1"),
    ("swalr(o;0n)", "swalr: lr expects a number, given double scalar"),
    ("swag(m;20;-1.0)", "swag: clamp must be non-negative, given -1"),
    ("swag(m;20;0n)", "swag: clamp expects a number"),
    ("subspace(t;m;0b;-1e-6)", "subspace: rtol must be non-negative, given -1e-06"),
    ("subspace(t;m;0b;0n)", "subspace: rtol expects a number, given double scalar"),
    ("opt(`sgd;m;-1.0)", "sgd: lr must be non-negative, given -1"),
    ("lr(o;-1.0)", "lr: learning rate must be non-negative, given -1"),
    ("loss(`ce;`reduce`oops)", "ce: unrecognized reduction `oops"),
])
def test_values_not_meant_for_a_weight_are_q_errors_naming_the_argument(s, src, msg):
    s.eval("m:module enlist(`linear;2;1); o:opt(`sgd;m); t:twa m; collect(t;m); collect(t;m)")
    w = obj(s, "m").weight.detach().clone()
    assert msg in qerr(s, src)
    assert torch.equal(obj(s, "m").weight, w)


def test_a_scalar_still_fills_a_weight_as_in_ktorch(s):
    s.eval("m:module enlist(`linear;2;1); copyparms(m;`weight`bias!(1e;3e))")
    assert obj(s, "m").weight.tolist() == [[1.0, 1.0]]


# ------------------------------------------------------------------------ saves say what happened
def _raise(code):
    def f(*a, **k):
        raise OSError(code, os.strerror(code))
    return f


@pytest.mark.parametrize("where,code", [("fsync", errno.ENOSPC), ("fsync", errno.EIO),
                                        ("mkstemp", errno.EROFS), ("mkstemp", errno.EACCES)])
def test_save_errors_give_the_os_reason_and_keep_the_old_file(s, tmp_path, monkeypatch,
                                                              where, code):
    import tempfile
    f = tmp_path / "m.safetensors"
    s.eval(f"m:module enlist(`linear;2;1); savetensors(m;`:{f})")
    old = f.read_bytes()
    s.eval("copyparms(m;`weight`bias!(1e;2e))")
    monkeypatch.setattr(os if where == "fsync" else tempfile, where, _raise(code))
    assert qerr(s, f"savetensors(m;`:{f})") == f"savetensors: {os.strerror(code)}"
    assert f.read_bytes() == old and os.listdir(tmp_path) == ["m.safetensors"]


def test_a_save_killed_midway_leaves_a_temp_file_the_next_save_removes(s, tmp_path):
    f = tmp_path / "m.safetensors"
    code = (f"import os, sys, time\nsys.path.insert(0, {str(Path(__file__).parent.parent)!r})\n"
            "from ktwa.session import Session\n"
            "os.replace = lambda a, b: (print('ready', flush=True), time.sleep(120))\n"
            f"Session().eval('m:module enlist(`linear;2;1); savetensors(m;`:{f})')\n")
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline().strip() == "ready"
    finally:
        p.kill()                                          # kill -9 between write and rename
        p.wait()
    left = os.listdir(tmp_path)
    assert len(left) == 1 and left[0].startswith(".ktwa-save.")
    mine = tmp_path / f".ktwa-save.{os.getpid()}.x.tmp"   # a save of a live process: kept
    mine.write_bytes(b"")
    s.eval(f"m:module enlist(`linear;2;1); savetensors(m;`:{tmp_path / 'other.safetensors'})")
    assert sorted(os.listdir(tmp_path)) == sorted([mine.name, "other.safetensors"])


# ------------------------------------------------------------------------ reads bounded, pickles refused
def test_loadtensors_reads_only_what_a_regular_file_states(s, tmp_path):
    assert qerr(s, "loadtensors`:/dev/zero") == "loadtensors: /dev/zero: not a regular file"
    f = tmp_path / "lie.safetensors"
    f.write_bytes((10 ** 12).to_bytes(8, "little") + b"{}")
    assert "header length exceeds file size" in qerr(s, f"loadtensors`:{f}")
    header = b'{"w":{"dtype":"F32","shape":[1000000],"data_offsets":[0,4000000]}}'
    f.write_bytes(len(header).to_bytes(8, "little") + header + bytes(16))
    assert "tensor data exceeds file size" in qerr(s, f"loadtensors`:{f}")


@pytest.mark.parametrize("zipped", [True, False])
def test_loadtensors_refuses_pickles_and_says_why(s, tmp_path, zipped):
    f = tmp_path / "m.pt"
    torch.save(torch.nn.Linear(2, 1).state_dict(), str(f),
               _use_new_zipfile_serialization=zipped)
    s.eval("m:module enlist(`linear;2;1)")
    msg = qerr(s, f"loadtensors(m;`:{f})")
    assert "a pickle (torch.save) file, refused: unpickling can run any code" in msg


# ------------------------------------------------------------------------ strict loads
def test_loadtensors_into_a_module_is_strict_unless_told(s, tmp_path):
    from safetensors.torch import save_file
    f = tmp_path / "other.safetensors"
    save_file({"weight": torch.ones(3, 2), "extra": torch.ones(1)}, str(f))
    s.eval("m:module enlist(`linear;2;1)")
    w, b = obj(s, "m").weight.detach().clone(), obj(s, "m").bias.detach().clone()
    msg = qerr(s, f"loadtensors(m;`:{f})")
    assert msg == (f"loadtensors: {f} does not match the module: missing bias; unexpected extra; "
                   "weight is [3, 2] in the file, [1, 2] in the module "
                   "(strict 0b loads the tensors that match)")
    assert torch.equal(obj(s, "m").weight, w) and torch.equal(obj(s, "m").bias, b)
    save_file({"weight": torch.full((1, 2), 5.0), "extra": torch.ones(1)}, str(f))
    r = s.eval(f"loadtensors(m;`:{f};0b)")
    assert list(r.values) == [True, False]
    assert obj(s, "m").weight.tolist() == [[5.0, 5.0]] and torch.equal(obj(s, "m").bias, b)
    s.eval(f"savetensors(m;`:{f}); loadtensors(m;`:{f};`strict,1b)")  # its own file matches


def test_an_averaged_dictionary_loads_into_its_module(s, tmp_path):
    f = tmp_path / "avg.safetensors"
    s.eval(f"m:module enlist(`linear;2;1); p:copyparms m; avgparms(m;p); savetensors(p;`:{f})")
    assert list(s.eval(f"loadtensors(m;`:{f})").values) == [True, True]   # `.n` is no weight


# ------------------------------------------------------------------------ gunzip bounded
def test_gunzip_of_a_bomb_stops_at_the_limit(s, tmp_path, monkeypatch):
    import ktwa.torchapi.datafiles as datafiles
    monkeypatch.setattr(datafiles, "GUNZIP_LIMIT", 1 << 20)
    bomb = gzip.compress(bytes(64 << 20), compresslevel=9)   # 64 MB of zeros in ~64 KB
    f = tmp_path / "bomb.gz"
    f.write_bytes(bomb)
    msg = f"gunzip: data inflates past the limit of {1 << 20} bytes"
    assert qerr(s, f"gunzip`:{f}") == msg
    s.ctx.globals["b"] = np.frombuffer(bomb, dtype=np.uint8).copy()
    assert qerr(s, "gunzip b") == msg
    f.write_bytes(gzip.compress(b"ok" * 1000))
    assert bytes(s.eval(f"gunzip`:{f}")) == b"ok" * 1000
