"""q's lexical rules, which a context-free lexer cannot express.

- the minus sign: `x-1` subtracts, `x -1` applies x to -1, `3.5 -1` is one vector;
- strands: numbers separated by blanks form ONE vector token (`1 2 3`, `-1 784`, `2 3h`);
- `/` is a comment at line start or after a blank, else the Over iterator;
- `'` right after a term is Each, elsewhere Signal; `/ \\ ' /: \\: ':` after a term are iterators;
- a glyph followed by `:` is compound assignment (`x,:y`, `r@:i`);
- inside `{}` a newline separates statements (not inside a qSQL template: after `from`...);
  elsewhere it is a blank;
- `select/exec/update/delete ... by ... from ... where ...` words are keywords only inside a
  qSQL template at the same bracket depth (`where` is also an ordinary function).

Tokens carry their literal values already converted to q values (NUM, STR, SYM).
"""
from __future__ import annotations

import re

import numpy as np
from lark import Token

from ..errors import QError
from ..values.temporal import looks_temporal, parse_literal
from ..values.types import GUID

NOUN_END = {"NUM", "STR", "SYM", "NAME", "RPAR", "RBRACK", "RBRACE"}
GLYPH_CHARS = set("+-*%!&|<>=~,^#_$?@.")
QSQL_WORDS = {"select": "SELECT", "exec": "EXEC", "update": "UPDATE", "delete": "DELETE"}
# tokens after which a newline inside `{}` or `()` does not separate items
_NO_BREAK_AFTER = frozenset({"SEMI", "LBRACE", "LPAR", None, *QSQL_WORDS.values(), "BY", "FROM",
                             "WHERE"})

_NUM = re.compile(r"""
  0x[0-9a-fA-F]*                                   # bytes
| [01]+b(?![0-9A-Za-z_])                           # booleans
| -?0[NnWw][hijefpmdznuvt]?(?![0-9A-Za-z.])       # nulls and infinities
| -?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?[hijfe]?(?![0-9A-Za-z.])
""", re.X | re.A)   # ASCII digits only: \d would take any script's digits
_NAME = re.compile(r"\.?[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*")
_SYM = re.compile(r"`(?::[A-Za-z0-9_.:/\\-]*|[A-Za-z0-9_.]*(?::[A-Za-z0-9_./:]*)?)")
# one word of a numeric strand, as far as the temporal test needs it (`2024.01.31D12:30`, `0Nd`)
_WORD = re.compile(r"-?\.?\d[0-9A-Za-z.:]*", re.A)
_ESC = {"n": b"\n", "t": b"\t", "r": b"\r", "\\": b"\\", '"': b'"'}

_ADVERBS = ("/:", "\\:", "':", "'", "/", "\\")


def _num_atom(s: str):
    """One numeric literal (no strand) -> (kind, value, suffix). kind: b x n."""
    if s.startswith("0x"):
        hexd = s[2:]
        if len(hexd) % 2:
            hexd = "0" + hexd
        data = bytes.fromhex(hexd)
        if len(data) == 1:
            return "x", np.uint8(data[0]), ""
        return "x", np.frombuffer(data, dtype=np.uint8).copy(), ""
    if s.endswith("b"):
        bits = s[:-1]
        if len(bits) == 1:
            return "b", np.bool_(bits == "1"), ""
        return "b", np.array([c == "1" for c in bits], dtype=bool), ""
    neg = s.startswith("-")
    body = s[1:] if neg else s
    if body[:1] == "0" and len(body) >= 2 and body[1] in "NnWw":
        suffix = body[2:]
        kind = body[1]
        # unsuffixed 0n and 0w are floats alone, but take a strand's suffix (`0n 2 3i` is
        # an int vector: fill.md)
        if kind == "n":
            return "n", ("nan", suffix or "f"), suffix
        if kind == "w":
            return "n", ("-inf" if neg else "inf", suffix or "f"), suffix
        if kind == "N":
            return "n", ("null", suffix or "j"), suffix
        return "n", ("-inf" if neg else "inf", suffix or "j"), suffix
    suffix = ""
    if body[-1] in "hijfe" and not (body[-1] == "e" and False):
        suffix = body[-1]
        body = body[:-1]
    text = ("-" if neg else "") + body
    isfloat = "." in body or "e" in body
    return "n", (text, "float" if isfloat else "int"), suffix


_PLAIN_INT = re.compile(r"-?\d+", re.A)
_AFTER_PLAIN = frozenset(" +-*%!&|<>=~,^#$?@;)]}'/\\\t\n\r:")


_LINE_BEFORE_NUMBER = re.compile(r"\r?\n[ \t]+(?=-?\.?\d)")


def _strands_over_lines(text: str) -> str:
    """text with each line break that continues with an indented number made blanks (the
    same length). q's lexer reads a numeric strand over such a break: a vector written over
    two lines of a lambda or a continued script line is one vector. (A break before anything
    else inside a lambda or a parenthesis still separates, as `;` does.)"""
    if "\n" not in text:
        return text
    return _LINE_BEFORE_NUMBER.sub(lambda m: " " * len(m.group(0)), text)


def _strand_next(text: str, end: int) -> bool:
    """After a number and blanks: does another numeric literal follow (a strand)?"""
    k = end
    n = len(text)
    while k < n and text[k] == " ":
        k += 1
    if k >= n:
        return False
    c = text[k]
    if c.isdigit():
        return True
    if c == "." or c == "-":
        return k + 1 < n and (text[k + 1].isdigit() or text[k + 1] == ".")
    return False


_BOUNDS = {"h": (-2**15, 2**15 - 1), "i": (-2**31, 2**31 - 1), "j": (-2**63, 2**63 - 1)}
_DTYPES = {"h": np.int16, "i": np.int32, "j": np.int64, "f": np.float64, "e": np.float32}


def _strand_value(parts: list) -> object:
    """Combine numeric literal parts (from _num_atom) into an atom or vector with q's rules."""
    if len(parts) == 1 and parts[0][0] == "n" and parts[0][1][1] in ("int", "float"):
        text, kind = parts[0][1]
        sfx = parts[0][2] or ("f" if kind == "float" else "j")
        if sfx in "hij":
            if kind == "float":
                raise QError("type")
            v = int(text)
            lo, hi = _BOUNDS[sfx]
            if not lo <= v <= hi:
                raise QError("type")
            return _DTYPES[sfx](v)
        return _DTYPES[sfx](float(text))
    suffix = parts[-1][2] if parts[-1][0] == "n" else ""
    if not suffix and parts[-1][0] == "n" and parts[-1][1][1] == "f":
        suffix = "f"                      # a strand ending in 0n or 0w is float
    for p in parts[:-1]:
        if p[0] == "n" and p[2] and suffix and p[2] != suffix:
            raise QError("type")
    if not suffix:
        suffixes = {p[2] for p in parts if p[0] == "n" and p[2]}
        if len(suffixes) == 1 and len(parts) > 1 and all(p[2] for p in parts):
            suffix = suffixes.pop()
    anyfloat = any(p[0] == "n" and p[1][1] in ("float", "f", "e") for p in parts)
    if not suffix:
        suffix = "f" if anyfloat else "j"
    if suffix not in _DTYPES:             # temporal nulls/infinities (0Nd, 0Wp, ...)
        raise QError("nyi")
    if suffix in "hij" and anyfloat and any(p[1][1] == "float" for p in parts):
        raise QError("type")
    dtype = {"h": np.int16, "i": np.int32, "j": np.int64, "f": np.float64, "e": np.float32}[suffix]
    vals = []
    for p in parts:
        if p[0] != "n":
            raise QError("type")
        text, kind = p[1]
        if kind in ("int", "float"):
            if suffix in "hij":
                vals.append(int(text))
            else:
                vals.append(float(text))
        elif text == "nan":
            vals.append(np.nan if suffix in "fe" else int(np.iinfo(dtype).min))
        elif text == "null":
            vals.append(np.nan if suffix in "fe" else int(np.iinfo(dtype).min))
        elif text == "inf":
            vals.append(np.inf if suffix in "fe" else int(np.iinfo(dtype).max))
        elif text == "-inf":
            vals.append(-np.inf if suffix in "fe" else -int(np.iinfo(dtype).max))
    if suffix in "hij":
        lo, hi = _BOUNDS[suffix]
        for v in vals:
            if not (lo <= v <= hi):
                raise QError("type")
    arr = np.array(vals, dtype=dtype)
    if len(parts) == 1:
        return arr[0]
    return arr


def _strand_words(text: str, i: int) -> list:
    """(start, end) of each word of the numeric strand starting at i."""
    out = []
    n = len(text)
    while True:
        m = _WORD.match(text, i)
        if m is None:
            break
        out.append((i, m.end()))
        k = m.end()
        while k < n and text[k] == " ":
            k += 1
        if k == m.end() or not _strand_next(text, m.end()):
            break
        i = k
    return out or [(i, i + 1)]


def _string_value(raw: str):
    out = bytearray()
    i = 0
    data = raw
    while i < len(data):
        c = data[i]
        if c == "\\" and i + 1 < len(data):
            n = data[i + 1]
            if n in _ESC:
                out += _ESC[n]
                i += 2
                continue
            octal = data[i + 1:i + 4]
            if len(octal) == 3 and all(ch in "01234567" for ch in octal):
                out.append(int(data[i + 1:i + 4], 8) & 0xFF)
                i += 4
                continue
            out += b"\\"
            i += 1
            continue
        out += c.encode("utf-8", "surrogateescape")   # a script's raw bytes stay bytes
        i += 1
    if len(out) == 1:
        return np.bytes_(bytes(out))
    return np.frombuffer(bytes(out), dtype="S1").copy() if out else np.array([], dtype="S1")


class QToken(Token):
    """A Lark token that also carries the literal's q value."""

    __slots__ = ("qvalue",)


class Tok:
    """A light token (Lark tokens are made from these only when Lark parses)."""

    __slots__ = ("type", "value", "start_pos", "end_pos", "line", "column", "qvalue")

    def __init__(self, type, value, start_pos, end_pos, line, column, qvalue):
        self.type = type
        self.value = value
        self.start_pos = start_pos
        self.end_pos = end_pos
        self.line = line
        self.column = column
        self.qvalue = qvalue

    def __str__(self):
        return self.value

    def __repr__(self):
        return f"Tok({self.type}, {self.value!r})"

    def lark(self) -> QToken:
        t = QToken(self.type, self.value, start_pos=self.start_pos, end_pos=self.end_pos,
                   line=self.line, column=self.column)
        t.qvalue = self.qvalue
        return t


class _QsqlCtx:
    __slots__ = ("depth", "stage")

    def __init__(self, depth):
        self.depth = depth
        self.stage = "cols"     # cols -> from -> where


def tokenize(text: str, start: int = 0, is_k: bool = False,
             infix: frozenset = frozenset()) -> list[Tok]:
    """Split q source into tokens (see module doc), from `start` on (a `k)` line is lexed after
    its prefix; spans stay offsets in the whole text). Raises QError for lexical errors. In k
    (is_k) `<=` `>=` `<>` are no tokens of their own: they are 'nyi rather than a guess.
    `infix` names the keywords used between arguments (`lj`, `xkey`): a line inside a lambda
    that ends with one, or starts with one, continues the statement (see _continues)."""
    toks: list[Tok] = []
    n = len(text)
    i = start
    brackets: list[str] = []          # stack of "(", "[", "{"
    qsql: list[_QsqlCtx] = []
    line = 1
    line_start = 0

    def emit(kind, value, start, end, val=None):
        t = Tok(kind, value, start, end, line, start - line_start + 1, val)
        toks.append(t)
        return t

    def prev_kind():
        return toks[-1].type if toks else None

    # numbers are read from a copy of the text in which a line break before an indented
    # number is a blank, so that a numeric strand goes on over it (Q Tips' stat.q writes a
    # lambda's long coefficient vectors over two lines); same offsets as text
    src = _strands_over_lines(text)

    def crossed(a, b):
        """A strand read over line breaks: count them (the lines of later tokens)."""
        nonlocal line, line_start
        k = text.count("\n", a, b)
        if k:
            line += k
            line_start = text.rindex("\n", a, b) + 1

    def adjacent(pos):
        """True when the previous token ends exactly at pos (no blank between)."""
        return bool(toks) and toks[-1].end_pos == pos

    while i < n:
        c = text[i]
        # blanks and comments
        if c == " " or c == "\t" or c == "\r":
            i += 1
            continue
        if c == "\n":
            line += 1
            line_start = i + 1
            i += 1
            # `/` at the start of the next line is a comment line
            # In a lambda a line break is a blank: a script breaks an expression after its
            # `;` and indents the continuation (syntax.md, multiline expressions), so a line
            # without one goes on (KX's ml writes `f[;p]` on one line, `g/x` on the next;
            # learn/pb/four-magic.md a function on one line and its argument on the next).
            # In a parenthesis a line break separates as `;` does (amend.md writes a 3-item
            # list over three lines), except after an opening, a `;` or a table's keys, and
            # before a closing or a `;`.
            if brackets and brackets[-1] == "(":
                k = i
                while k < n and text[k] in " \t\r\n":
                    k += 1
                if k >= n or text[k] in "});":
                    continue
                # nor after a qSQL word: a template cannot end at `from` (or `by`, `where`,
                # `select`...), so the line breaks inside it, as in `update ... from\n  t`
                # nor after an infix verb still waiting for its right argument (`x,` at the
                # end of a line: ktorch's cct example joins two lists over a line break so)
                if prev_kind() not in _NO_BREAK_AFTER and not (
                        toks and toks[-1].type == "RBRACK" and _is_param_close(toks)) \
                        and not _continues(text, k, toks, qsql, len(brackets), infix):
                    emit("SEMI", ";", i - 1, i)
            continue
        if c == "/" and (i == start or text[i - 1] in " \t\n\r"):     # `k)/ ...` too
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        # strings
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise QError('"', (i, i + 1))
            emit("STR", text[i:j + 1], i, j + 1, _string_value(text[i + 1:j]))
            i = j + 1
            continue
        # symbols (and symbol strands)
        if c == "`":
            syms = []
            j = i
            while j < n and text[j] == "`":
                m = _SYM.match(text, j)
                syms.append(m.group(0)[1:])
                j = m.end()
            val = syms[0] if len(syms) == 1 else np.array(syms, dtype=object)
            emit("SYM", text[i:j], i, j, val)
            i = j
            continue
        # q source is ASCII outside strings and comments (a pasted `é` or curly quote)
        if not c.isascii():
            raise QError("char", (i, i + 1))
        # numbers (with the minus rule and strands)
        if c.isdigit() or (c == "." and i + 1 < n and src[i + 1].isdigit()) or (
                c == "-" and i + 1 < n and (src[i + 1].isdigit() or (
                    src[i + 1] == "." and i + 2 < n and src[i + 2].isdigit()))
                and not (adjacent(i) and prev_kind() in NOUN_END
                         and not (prev_kind() == "RBRACK" and _is_param_close(toks)))):
            m = _PLAIN_INT.match(src, i)
            if m is not None:
                # the common case first: an integer that is a whole token (`12+`, `3]`), before
                # the strand and temporal scans; `12:` and strands take the full path below
                end = m.end()
                nxt = src[end:end + 1]
                if nxt == "" or (nxt in _AFTER_PLAIN and nxt != ":"
                                 and not (nxt == " " and _strand_next(src, end))):
                    v = int(m.group(0))
                    if -2**63 <= v < 2**63:
                        emit("NUM", m.group(0), i, end, np.int64(v))
                        i = end
                        continue
            words = _strand_words(src, i)
            if src[i:i + 3] in ("0Ng", "0ng") and all(src[a:b] in ("0Ng", "0ng")
                                                        for a, b in words):
                # the guid null (guids have no other literal); deal.md writes it 0ng too
                end = words[-1][1]
                nulls = np.zeros(len(words), dtype=GUID)
                emit("NUM", src[i:end], i, end, nulls[0] if len(words) == 1 else nulls)
                i = end
                continue
            if c in "012" and src[i + 1:i + 2] == ":" and (
                    not src[i + 2:i + 3].isdigit() or src[i + 2:i + 4] == "0x"):
                pass                        # the verbs 0: 1: 2: (`1:0x0100`), read below
            elif any(looks_temporal(src[a:b]) for a, b in words):
                end = words[-1][1]
                try:
                    val = parse_literal([src[a:b] for a, b in words])
                except ValueError as e:
                    if c in "012" and src[i + 1:i + 2] == ":":
                        # no time (`1:100`): the verb, as in `(`:f;17;2;9)1:100#0x0`
                        emit("VERB", c + ":", i, i + 2)
                        i += 2
                        continue
                    raise QError(str(e), (i, end)) from None
                emit("NUM", src[i:end], i, end, val)
                crossed(i, end)
                i = end
                continue
            m = _PLAIN_INT.match(src, i)
            if m is not None:
                end = m.end()
                nxt = src[end:end + 1]
                if nxt == "" or (nxt in _AFTER_PLAIN and not (nxt == " " and _strand_next(src, end))):
                    digits = m.group(0)
                    v = int(digits)
                    if -2**63 <= v < 2**63:
                        if nxt == ":" and src[end:end + 2] != "::":
                            if digits not in ("0", "1", "2"):
                                raise QError("nyi", (i, end + 1))   # `12:` is no literal
                            emit("VERB", digits + ":", i, end + 1)
                            i = end + 1
                            continue
                        emit("NUM", digits, i, end, np.int64(v))
                        i = end
                        continue
            parts = []
            j = i
            end = i
            while True:
                m = _NUM.match(src, j)
                if not m:
                    break
                parts.append(_num_atom(m.group(0)))
                end = m.end()
                if parts[-1][0] in "bx":
                    break
                k = end
                while k < n and src[k] == " ":
                    k += 1
                if k == end or k >= n:
                    break
                m2 = _NUM.match(src, k)
                if not m2 or m2.group(0).startswith("0x") or m2.group(0).endswith("b"):
                    break
                j = k
            if not parts:
                raise QError(src[i:i + 1], (i, i + 1))
            if len(parts) == 1 and parts[0][0] in "bx":
                val = parts[0][1]
            else:
                try:
                    val = _strand_value(parts)
                except QError as e:
                    e.span = (i, end)
                    raise
            if end < n and src[end] == ":" and src[end:end + 2] != "::":
                if src[i:end] not in ("0", "1", "2"):
                    raise QError("nyi", (i, end + 1))       # a number then `:` is no literal
                emit("VERB", src[i:end] + ":", i, end + 1)
                i = end + 1
                continue
            emit("NUM", src[i:end], i, end, val)
            crossed(i, end)
            i = end
            continue
        # names, keywords, qSQL words
        # (a `.` right after a closing parenthesis and before a plain name is Apply:
        # `(!).flip x` applies ! to flip x, as the python examples' dict page shows; a dotted
        # name there is a name, `(1_s).z.s/:b` in the abc-problem page, and after `]` too,
        # dotq.md's `.Q.def[d].Q.opt .z.x`)
        if c.isalpha() or (c == "." and i + 1 < n and text[i + 1].isascii() and text[i + 1].isalpha()
                           and not (adjacent(i) and toks[-1].type == "RPAR"
                                    and "." not in _NAME.match(text, i).group(0)[1:])):
            m = _NAME.match(text, i)
            word = m.group(0)
            j = m.end()
            depth = len(brackets)
            kind = "NAME"
            if word in QSQL_WORDS and not (j < n and text[j] == ":" and text[j:j + 2] != "::"):
                kind = QSQL_WORDS[word]
                qsql.append(_QsqlCtx(depth))
            elif qsql and qsql[-1].depth == depth:
                ctx = qsql[-1]
                if word == "by" and ctx.stage == "cols":
                    kind = "BY"
                elif word == "from" and ctx.stage == "cols":
                    kind = "FROM"
                    ctx.stage = "from"
                elif word == "where" and ctx.stage == "from":
                    kind = "WHERE"
                    ctx.stage = "where"
            emit(kind, word, i, j)
            i = j
            continue
        # brackets
        if c in "([{":
            brackets.append(c)
            kind = {"(": "LPAR", "[": "LBRACK", "{": "LBRACE"}[c]
            if c == "[" and prev_kind() in (None, "SEMI"):
                # a bracket that follows nothing is a block, not an argument list: its
                # statements run left to right and it is the last one's value, as in a
                # branch of Cond, $[c;[a:1;a+1];0]
                kind = "LBLOCK"
            emit(kind, c, i, i + 1)
            i += 1
            continue
        if c in ")]}":
            want = {")": "(", "]": "[", "}": "{"}[c]
            if not brackets or brackets[-1] != want:
                raise QError(c, (i, i + 1))
            brackets.pop()
            while qsql and qsql[-1].depth > len(brackets):
                qsql.pop()
            emit({")": "RPAR", "]": "RBRACK", "}": "RBRACE"}[c], c, i, i + 1)
            i += 1
            continue
        if c == ";":
            while qsql and qsql[-1].depth >= len(brackets):
                qsql.pop()
            emit("SEMI", ";", i, i + 1)
            i += 1
            continue
        # iterators right after a term (no blank)
        if c in "'/\\" and adjacent(i) and prev_kind() in (NOUN_END | {"VERB", "ADVERB", "COLON"}):
            two = text[i:i + 2]
            adv = two if two in ("/:", "\\:", "':") else c
            emit("ADVERB", adv, i, i + len(adv))
            i += len(adv)
            continue
        if c == "'" and text[i + 1:i + 2] == "'" and prev_kind() in (
                NOUN_END | {"VERB", "ADVERB"}):
            # a doubled each after a blank still follows its term: funq's `(avg '')G` is
            # avg'' (a lone ' there would signal, but '' signals nothing)
            emit("ADVERB", "'", i, i + 1)
            i += 1
            continue
        if c in "/\\" and adjacent(i) and prev_kind() in ("LPAR", "SEMI"):
            # an iterator alone as an item, (/;+) (parsetrees.md): a value, as a verb is;
            # so is one applied with brackets, ;/[+]x (application.md: +/ applied prefix)
            two = text[i:i + 2]
            adv = two if two in ("/:", "\\:") else c
            if i + len(adv) < n and text[i + len(adv)] in ";)[":
                emit("VERB", adv, i, i + len(adv))
                i += len(adv)
                continue
        if c == "'":
            two = text[i:i + 2]
            if two == "':":
                # with nothing before it and brackets after, ':[f] is f': (application.md),
                # as '[f] is f'
                kind = "VERB" if text[i + 2:i + 3] == "[" else "ADVERB"
                emit(kind, "':", i, i + 2)
                i += 2
                continue
            emit("VERB", "'", i, i + 1)
            i += 1
            continue
        if c == "\\":
            raise QError("\\", (i, i + 1))
        if c == ":":
            if text[i:i + 2] == "::":
                emit("DCOLON", "::", i, i + 2)
                i += 2
            else:
                emit("COLON", ":", i, i + 1)
                i += 1
            continue
        if c in GLYPH_CHARS:
            two = text[i:i + 2]
            if two in ("<=", ">=", "<>"):
                if is_k:
                    raise QError("nyi", (i, i + 2))
                glyph = two
            else:
                glyph = c
            j = i + len(glyph)
            if c.isdigit():
                pass
            # digit-colon functions 0: 1: 2: are not lexed here (handled as NUM + COLON)
            if j < n and text[j] == ":" and text[j:j + 2] != "::" and len(glyph) == 1:
                emit("ASSIGNOP", glyph, i, j + 1)
                i = j + 1
                continue
            if text[j:j + 2] == "::" and text[j + 2:j + 3] != ":" and len(glyph) == 1 \
                    and prev_kind() in ("NAME", "RBRACK"):
                # `n+::1`: the global's compound assignment, as `n::v` is the global's
                # assignment (KX's tutorial steps through its examples with current+::1)
                emit("ASSIGNOP", glyph, i, j + 2, "::")
                i = j + 2
                continue
            emit("VERB", glyph, i, j)
            i = j
            continue
        # errors.md's parse errors: a character q does not read (a NUL, a non-breaking space
        # pasted in) is 'char; a quote or bracket that has no place names itself
        raise QError(c if c in "\"'`)]}" or c.isspace() and c in " \t\r\n" else "char",
                     (i, i + 1))
    if brackets:
        raise QError(brackets[-1], (n, n))
    return toks


def _continues(text: str, k: int, toks, qsql, depth: int, infix: frozenset) -> bool:
    """True when the line break before text[k] (inside a parenthesis) cannot end a
    statement, so it is a blank: the line so far ends with a verb waiting for its right
    argument (`a,` / `t lj`), or the next line opens with one used between arguments
    (`, "x"` / `lj s` / `+ 1`), or with the `by`/`from`/`where` an open qSQL template still
    needs (`select a\n from t`). KX's scripts break long expressions so
    (`(select ...)\n lj\n `k xkey select ...`). A next line that starts a statement of its
    own (`'"err"`, `:x`, `$[c;a;b]`, `,x` with nothing between) still separates."""
    last = toks[-1] if toks else None
    if last is not None and (last.type in ("VERB", "ASSIGNOP") and last.value != "'"
                             or last.type == "NAME" and last.value in infix):
        return True
    k = _skip_comment_lines(text, k)
    n = len(text)
    if k >= n:
        return False
    c = text[k]
    if c in GLYPH_CHARS and k + 1 < n and text[k + 1] in " \t":
        return True
    m = _NAME.match(text, k)
    if m is None:
        return False
    word = m.group(0)
    after = text[m.end():m.end() + 1]
    if word in infix and after not in ("[", ":", "'", "/", "\\"):
        return True
    if qsql and qsql[-1].depth == depth and after not in (":", "["):
        stage = qsql[-1].stage
        return (word in ("by", "from") and stage == "cols") or (word == "where" and stage == "from")
    return False


def _skip_comment_lines(text: str, k: int) -> int:
    """The first position at or after k that is not blank or in a `/` comment line."""
    n = len(text)
    while k < n:
        if text[k] in " \t\r\n":
            k += 1
        elif text[k] == "/" and (k == 0 or text[k - 1] in " \t\n"):
            j = text.find("\n", k)
            k = n if j < 0 else j + 1
        else:
            break
    return k


def _is_param_close(toks) -> bool:
    """True if toks ends with `{[a;b]` (a lambda's parameter list) or `([k:...]` (a table's
    keys)."""
    depth = 0
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k].type
        if t == "RBRACK":
            depth += 1
        elif t in ("LBRACK", "LBLOCK"):
            depth -= 1
            if depth == 0:
                return k > 0 and toks[k - 1].type in ("LBRACE", "LPAR")
    return False


def is_complete(text: str) -> bool:
    """Is this input complete (no open bracket or string)? Used by the REPL for multi-line."""
    depth = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                return False
            i = j + 1
            continue
        if c == "/" and (i == 0 or text[i - 1] in " \t\n"):
            j = text.find("\n", i)
            if j < 0:
                break
            i = j
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        i += 1
    return depth <= 0
