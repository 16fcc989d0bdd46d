"""Random q input for robustness checks: token soup drawn from q's own vocabulary (numbers of
every type, symbols, strings, verbs, iterators, brackets, keywords, qSQL words, api names)
mixed with arbitrary Unicode. Used by tests/test_fuzz.py and bench/fuzz.py.

`run_guarded(session, src, seconds)` evaluates one input with a timer that interrupts it
(SIGALRM -> KeyboardInterrupt, which the console reports as 'stop), and returns
(outcome, elapsed) where outcome is "ok", "error", "stop" or "escape: <exception>"."""
from __future__ import annotations

import random
import signal
import time

ATOMS = ["0", "1", "-1", "2", "42", "0N", "0W", "-0W", "1.5", "0n", "0w", "1e", "2i", "3h",
         "1b", "0101b", "0x0a", "0xff", "1 2 3", "1.5 2.5", "`a", "`b`c", "`", '"a"', '"abc"',
         '""', "::", "()", "0Ni", "0Nj", "1f", "2.0", "12:30", "2024.01.31", "0D12",
         "1 0N 3", "`a`b!1 2", "([]a:1 2;b:`x`y)", "([k:1 2]v:3 4)", "x", "y", "z", "t", "d",
         "f", "m", "p", "q"]
VERBS = list("+-*%!&|<>=~,^#_$?@.") + ["<=", ">=", "<>", ":", "::", "0:", "1:", "2:"]
ADVERBS = ["'", "/", "\\", "':", "/:", "\\:"]
KEYWORDS = ["til", "count", "first", "last", "sum", "avg", "max", "min", "where", "enlist",
            "flip", "key", "value", "string", "raze", "reverse", "asc", "desc", "distinct",
            "group", "each", "over", "scan", "prior", "type", "neg", "not", "null", "in",
            "within", "like", "cols", "xkey", "xasc", "sv", "vs", "ss", "mod", "div", "exp",
            "log", "sqrt", "abs", "floor", "ceiling", "cut", "sublist", "rotate", "get", "set",
            "show", "parse", "eval", "md5", "attr", "lower", "upper", "trim", "rand", "exit"]
API = ["tensor", "module", "copyparms", "avgparms", "batchnorm", "free", "dict", "size",
       "class", "parm", "emaparms", "swag", "collect", "model", "loss", "opt", "seq", "obj"]
QSQL = ["select", "exec", "update", "delete", "from", "by", "where"]
PUNCT = ["(", ")", "[", "]", "{", "}", ";", " ", " ", " ", "\n", "x:", "[x]", "{x}", "[]",
         "$[", "if[", "do[", "while["]
NASTY = ["é", "λ", "“", "”", "\u200b", "\x00", "\t", "\\", "/", '"', "`:", "\ufeff", "€",
         "٣", "𝟘", "\r"]


def random_input(rng: random.Random, max_tokens: int = 12) -> str:
    """One input: mostly q tokens, sometimes arbitrary Unicode."""
    n = rng.randint(1, max_tokens)
    parts = []
    for _ in range(n):
        r = rng.random()
        if r < 0.30:
            parts.append(rng.choice(ATOMS))
        elif r < 0.50:
            parts.append(rng.choice(VERBS))
        elif r < 0.57:
            parts.append(rng.choice(ADVERBS))
        elif r < 0.72:
            parts.append(rng.choice(KEYWORDS))
        elif r < 0.77:
            parts.append(rng.choice(API))
        elif r < 0.80:
            parts.append(rng.choice(QSQL))
        elif r < 0.93:
            parts.append(rng.choice(PUNCT))
        elif r < 0.97:
            parts.append(rng.choice(NASTY))
        else:
            parts.append("".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 3))))
        if rng.random() < 0.5:
            parts.append(" ")
    return "".join(parts)


def _alarm(signum, frame):
    raise KeyboardInterrupt


def run_guarded(session, src: str, seconds: float = 2.0):
    """Evaluate src as the console would, interrupted after `seconds`."""
    from ktwa.errors import QError
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    t0 = time.perf_counter()
    try:
        try:
            err = session.run(src, out=_Null(), keep_going=False)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        outcome = "ok" if err is None else ("stop" if err.msg == "stop" else "error")
    except KeyboardInterrupt:
        outcome = "stop"
    except SystemExit:
        outcome = "ok"
    except BaseException as e:  # noqa: BLE001 - what the check looks for: anything escaping
        if isinstance(e, QError):
            outcome = "error"
        elif type(e).__name__ == "QExit":
            outcome = "ok"
        else:
            outcome = f"escape: {type(e).__name__}: {e}"
    finally:
        signal.signal(signal.SIGALRM, old)
    return outcome, time.perf_counter() - t0


class _Null:
    def write(self, text):
        pass

    def flush(self):
        pass
