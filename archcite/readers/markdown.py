"""Markdown reader: pandoc/CommonMark footnotes.

Reads ``[^label]: …`` definitions (indented continuation lines, lazy
continuation lines, and further paragraphs indented by four spaces or a tab)
and pandoc inline notes ``^[…]``. Notes are numbered the way pandoc renders them:
1, 2, 3 … in the order of their first reference in the text; the label written
in the source (``rusk`` in ``[^rusk]``) is kept as ``Note.note_id``. A definition
that is never referenced (pandoc drops it) comes last, labelled with its own
source label.

Inline markup is removed and its content kept: emphasis and strong emphasis
(``*``/``_`` delimiters), code spans (content verbatim), links and images
(``[text](url)`` → text), autolinks (``<https://…>`` → the address), raw HTML
tags, and backslash escapes (``\\$`` → ``$``). Typography is kept exactly as
written: this reader does not apply pandoc's "smart" punctuation, so straight
quotes stay straight. Fenced code blocks are skipped.

``line``/``column`` are the 1-based line and column of each character in the
Markdown file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import overload

from archcite.model import Note
from archcite.readers import Reader, Source, decode_utf8
from archcite.readers.textmap import TextBuilder

_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]*")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_INDENT = re.compile(r"^(?: {4}|\t)")  # continues a note after a blank line
_STRIP = re.compile(r"^(?: {1,4}|\t)")
_BLOCK_START = re.compile(r"^ {0,3}(?:#{1,6}\s|[-*_]{3,}\s*$|>)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]+)>")
_TICKS = re.compile(r"`+")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

Pos = tuple[int, int]


class _Positions:
    """The file position of each character of a chunk, kept as runs.

    A run is a stretch of characters on one line with consecutive columns: a
    line of the file, or the "\n" that joins two. A tuple of one (line, column)
    pair per character cost about a hundred bytes a character; the runs cost a
    few per line, and a lookup is a bisection.
    """

    __slots__ = ("_base", "_cols", "_lines", "_offsets")

    def __init__(
        self, offsets: list[int], lines: list[int], cols: list[int], base: int = 0
    ) -> None:
        self._offsets = offsets
        self._lines = lines
        self._cols = cols
        self._base = base

    @overload
    def __getitem__(self, i: int) -> Pos: ...
    @overload
    def __getitem__(self, i: slice) -> _Positions: ...
    def __getitem__(self, i: int | slice) -> Pos | _Positions:
        if isinstance(i, slice):
            return _Positions(
                self._offsets, self._lines, self._cols, self._base + (i.start or 0)
            )
        at = self._base + i
        k = bisect_right(self._offsets, at) - 1
        return (self._lines[k], self._cols[k] + at - self._offsets[k])


@dataclass(frozen=True, slots=True)
class _Chunk:
    """Note source: its characters with the file position of each."""

    text: str
    pos: _Positions
    #: where the note is (its ``[^label]:`` or ``^[`` mark): an empty note's place
    origin: Pos | None = None


def _chunk(segments: list[tuple[str, int, int]], origin: Pos | None = None) -> _Chunk:
    parts: list[str] = []
    offsets: list[int] = []
    lines: list[int] = []
    cols: list[int] = []
    at = 0
    for n, (text, line, col) in enumerate(segments):
        if n:
            prev_text, prev_line, prev_col = segments[n - 1]
            parts.append("\n")
            offsets.append(at)
            lines.append(prev_line)
            cols.append(prev_col + len(prev_text))
            at += 1
        parts.append(text)
        offsets.append(at)
        lines.append(line)
        cols.append(col)
        at += len(text)
    return _Chunk("".join(parts), _Positions(offsets, lines, cols), origin)


def _definitions(lines: list[str]) -> tuple[dict[str, _Chunk], list[str], set[int]]:
    """Footnote definitions by label, in file order, and the lines they occupy."""
    defs: dict[str, _Chunk] = {}
    order: list[str] = []
    used: set[int] = set()
    fence: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        f = _FENCE.match(line)
        if f:
            mark = f.group(1)[0]
            fence = None if fence == mark else (fence or mark)
            i += 1
            continue
        m = _DEF.match(line) if fence is None else None
        if m is None:
            i += 1
            continue
        label = m.group(1)
        segs = [(line[m.end() :], i + 1, m.end() + 1)]
        used.add(i)
        j = i + 1
        blank = False
        while j < len(lines):
            nxt = lines[j]
            if not nxt.strip():
                blank = True
                j += 1
                continue
            indent = _INDENT.match(nxt)
            lazy = not blank and not _DEF.match(nxt) and not _BLOCK_START.match(nxt)
            if not indent and not lazy:
                break
            if blank:
                segs.append(("", j, 1))  # paragraph break: a space in the text
            strip = _STRIP.match(nxt)
            cut = strip.end() if strip else 0
            segs.append((nxt[cut:], j + 1, cut + 1))
            used.update(range(i, j + 1))
            blank = False
            j += 1
        if label not in defs:  # pandoc keeps the first definition
            defs[label] = _chunk(segs, (i + 1, line.index("[") + 1))
            order.append(label)
        i = j
    return defs, order, used


def _tick_end(text: str, i: int) -> int:
    """End of the run of backticks that starts at ``i``."""
    m = _TICKS.match(text, i)
    return m.end() if m else i + 1


def _match_bracket(text: str, start: int, hi: int | None = None) -> int:
    """Index of the ``]`` closing the ``[`` at ``start`` (before ``hi``), or -1."""
    depth = 0
    i = start
    end = len(text) if hi is None else hi
    while i < end:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _emphasis_marks(text: str) -> set[int]:
    """Indices of ``*``/``_`` characters that are emphasis delimiters."""
    runs: list[tuple[int, int, str, bool, bool]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            n = _tick_end(text, i)
            close = text.find(text[i:n], n)
            i = close + (n - i) if close != -1 else n
            continue
        if ch in "*_":
            j = i
            while j < len(text) and text[j] == ch:
                j += 1
            before = text[i - 1] if i else " "
            after = text[j] if j < len(text) else " "
            opens = not after.isspace() and not (
                after in _ASCII_PUNCT and before.isalnum()
            )
            closes = not before.isspace() and not (
                before in _ASCII_PUNCT and after.isalnum()
            )
            if ch == "_" and before.isalnum() and after.isalnum():
                opens = closes = False  # intraword underscores are literal
            runs.append((i, j, ch, opens, closes))
            i = j
            continue
        i += 1
    marks: set[int] = set()
    stack: list[tuple[int, int, str]] = []
    for start, end, ch, opens, closes in runs:
        if closes:
            k = next(
                (k for k in range(len(stack) - 1, -1, -1) if stack[k][2] == ch), -1
            )
            if k != -1:
                o_start, o_end, _ = stack[k]
                n = min(o_end - o_start, end - start)
                marks.update(range(o_end - n, o_end))
                marks.update(range(start, start + n))
                del stack[k:]
                continue
        if opens:
            stack.append((start, end, ch))
    return marks


def _inline(chunk: _Chunk, lo: int, hi: int, out: TextBuilder, marks: set[int]) -> None:
    """Append ``chunk.text[lo:hi]`` to ``out`` with inline markup removed."""
    text, pos = chunk.text, chunk.pos
    i = lo
    while i < hi:
        ch = text[i]
        if ch == "\\" and i + 1 < hi and text[i + 1] in _ASCII_PUNCT:
            out.add_at(text[i + 1], *pos[i + 1])
            i += 2
            continue
        if ch == "`":
            n = min(_tick_end(text, i), hi) - i
            close = text.find("`" * n, i + n, hi)
            if close != -1:
                for k in range(i + n, close):
                    out.add_at(text[k], *pos[k])
                i = close + n
                continue
        if ch == "<":
            auto = _AUTOLINK.match(text, i, hi)
            if auto:
                for k in range(auto.start(1), auto.end(1)):
                    out.add_at(text[k], *pos[k])
                i = auto.end()
                continue
            tag = _HTML_TAG.match(text, i, hi)
            if tag:
                i = tag.end()
                continue
        if ch == "[" or (ch == "!" and text.startswith("[", i + 1)):
            open_at = i if ch == "[" else i + 1
            close = _match_bracket(text, open_at, hi)
            if close != -1 and not text.startswith("^", open_at + 1):
                after = close + 1
                if text.startswith("(", after):
                    end = text.find(")", after, hi)
                    after = end + 1 if end != -1 else after
                elif text.startswith("[", after):
                    end = text.find("]", after, hi)
                    after = end + 1 if end != -1 else after
                _inline(chunk, open_at + 1, close, out, marks)
                i = after
                continue
            if close != -1:  # a note reference inside a note: pandoc drops it
                i = close + 1
                continue
        if i in marks:
            i += 1
            continue
        out.add_at(ch, *pos[i])
        i += 1


def _note_text(chunk: _Chunk) -> TextBuilder:
    out = TextBuilder(origin=chunk.origin)
    _inline(chunk, 0, len(chunk.text), out, _emphasis_marks(chunk.text))
    return out


def _body_chunk(lines: list[str], skip: set[int]) -> _Chunk:
    """The document outside footnote definitions and code fences."""
    segs: list[tuple[str, int, int]] = []
    fence: str | None = None
    for i, line in enumerate(lines):
        f = _FENCE.match(line)
        if f:
            mark = f.group(1)[0]
            fence = None if fence == mark else (fence or mark)
            continue
        if fence is None and i not in skip:
            segs.append((line, i + 1, 1))
    return _chunk(segs)


def _references(body: _Chunk) -> Iterator[tuple[str, _Chunk | None]]:
    """Note references in reading order: ``(label, None)`` or ``("", inline note)``."""
    text = body.text
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "`":
            n = _tick_end(text, i) - i
            close = text.find("`" * n, i + n)
            i = close + n if close != -1 else i + n
            continue
        if text.startswith("^[", i):
            close = _match_bracket(text, i + 1)
            if close != -1:
                lo, hi = i + 2, close
                yield "", _Chunk(text[lo:hi], body.pos[lo:hi], body.pos[i])
                i = close + 1
                continue
        m = _REF.match(text, i)
        if m:
            yield m.group(1), None
            i = m.end()
            continue
        i += 1


def read_markdown(source: Source) -> Iterator[Note]:
    """Yield the footnotes of a Markdown document in rendered order."""
    text = decode_utf8(source.read_bytes(), source.name)
    lines = text.split("\n")
    defs, order, used = _definitions(lines)
    seen: set[str] = set()
    notes: list[tuple[str, str | None, _Chunk]] = []
    for label, inline in _references(_body_chunk(lines, used)):
        if inline is not None:
            notes.append((str(len(notes) + 1), None, inline))
        elif label in defs and label not in seen:
            seen.add(label)
            notes.append((str(len(notes) + 1), label, defs[label]))
    notes.extend((label, label, defs[label]) for label in order if label not in seen)
    for index, (shown, note_id, chunk) in enumerate(notes):
        body, srcmap = _note_text(chunk).build()
        yield Note(
            source=source.name,
            label=shown,
            index=index,
            text=body,
            srcmap=srcmap,
            note_id=note_id,
            note_type="footnote",
        )


#: This format as a plugin (entry point group ``archcite.readers``).
reader = Reader(read_markdown, "Markdown with pandoc footnotes", order=20)
