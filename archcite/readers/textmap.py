"""Build a note's normalized text together with its map back to the source.

Every reader feeds source fragments with the line/column where they start; the
builder collapses whitespace (any run of spaces, tabs, newlines, NBSP-less
ASCII whitespace becomes one space, trimmed at both ends) and records where
each kept character came from. Dashes, quotes and every other character are
kept exactly: ``79–01025A`` must survive byte for byte.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from archcite.model import SourceMap

# Only ASCII/Unicode *line-layout* whitespace is collapsed; a no-break space is
# the author's choice and stays.
_SPACE = frozenset(" \t\n\r\f\v\u2028\u2029")
# A run of kept characters: everything but _SPACE (tests/test_textmap_runs.py).
_WORD = re.compile(r"[^ \t\n\r\f\v\u2028\u2029]+")


class LineIndex:
    """Translate character offsets of a whole file into 1-based line/column."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def locate(self, offset: int) -> tuple[int, int]:
        """Return ``(line, column)`` of ``offset``, both 1-based."""
        i = bisect_right(self._starts, offset) - 1
        return (i + 1, offset - self._starts[i] + 1)

    def offset(self, line: int, column: int) -> int:
        """The character offset of 1-based ``line``/``column`` (:meth:`locate`'s inverse)."""
        return self._starts[line - 1] + column - 1


class TextBuilder:
    """Accumulate normalized note text and its :class:`SourceMap`."""

    __slots__ = (
        "_chars",
        "_columns",
        "_length",
        "_lines",
        "_origin",
        "_pending_space",
        "_starts",
    )

    def __init__(self, origin: tuple[int, int] | None = None) -> None:
        #: where the note itself is: an empty note is still found there
        self._origin = origin
        #: runs of kept text; ``_length`` counts their characters
        self._chars: list[str] = []
        self._length = 0
        self._starts: list[int] = []
        self._lines: list[int] = []
        self._columns: list[int] = []
        self._pending_space: tuple[int, int] | None = None

    def _emit(self, ch: str, line: int, col: int) -> None:
        if ch in _SPACE:
            if self._chars and self._pending_space is None:
                self._pending_space = (line, col)
            return
        if self._pending_space is not None:
            sl, sc = self._pending_space
            self._pending_space = None
            self._put(" ", sl, sc)
        self._put(ch, line, col)

    def _put(self, run: str, line: int, col: int) -> None:
        """Append ``run`` (no line break in it) whose first character is at ``line``/``col``."""
        pos = self._length
        self._chars.append(run)
        self._length = pos + len(run)
        if self._starts:
            last = len(self._starts) - 1
            if (
                self._lines[last] == line
                and self._columns[last] + (pos - self._starts[last]) == col
            ):
                return
        self._starts.append(pos)
        self._lines.append(line)
        self._columns.append(col)

    def add(self, text: str, line: int, col: int) -> None:
        """Append source text that starts at ``line``/``col`` in the file.

        Works a run of non-space characters at a time (one list extend, one map
        check): the same result as feeding :meth:`_emit` character by character,
        which was the TEI reader's largest cost.
        """
        chars = self._chars
        nl = -1  # index in ``text`` of the last newline before ``cursor``
        cursor = 0
        for m in _WORD.finditer(text):
            start = m.start()
            if start > cursor:
                if chars and self._pending_space is None:
                    self._pending_space = (
                        line,
                        col + cursor if nl < 0 else cursor - nl,
                    )
                n = text.count("\n", cursor, start)
                if n:
                    line += n
                    nl = text.rindex("\n", cursor, start)
            run_col = col + start if nl < 0 else start - nl
            if self._pending_space is not None:
                sl, sc = self._pending_space
                self._pending_space = None
                self._put(" ", sl, sc)
            self._put(m.group(), line, run_col)
            cursor = m.end()
        if cursor < len(text) and chars and self._pending_space is None:
            self._pending_space = (line, col + cursor if nl < 0 else cursor - nl)

    def add_at(self, text: str, line: int, col: int) -> None:
        """Append text that stands for one place in the source (an escape, an entity)."""
        for ch in text:
            self._emit(ch, line, col)

    def space(self, line: int, col: int) -> None:
        """Append a word break the markup implies (a paragraph or line element)."""
        self._emit(" ", line, col)

    def __len__(self) -> int:
        return self._length

    def build(self) -> tuple[str, SourceMap]:
        """Return the normalized text and its source map."""
        if not self._starts and self._origin is not None:
            line, col = self._origin
            return "", SourceMap((0,), (line,), (col,))
        return (
            "".join(self._chars),
            SourceMap(tuple(self._starts), tuple(self._lines), tuple(self._columns)),
        )


def paragraph_note_text(pieces: Iterable[str], paragraph: int) -> TextBuilder:
    """The text of an office-file note whose position is its body paragraph.

    ``pieces`` are its visible strings, ``"\\n"`` for each paragraph start; a
    note's first paragraph start is not part of its text, later ones are a
    space. Columns count characters within the note.
    """
    out = TextBuilder(origin=(paragraph, 1))
    column = 1
    first = True
    for piece in pieces:
        if piece == "\n":
            if first:
                first = False
                continue
            out.space(paragraph, column)
            column += 1
            continue
        piece = piece.replace("\n", " ")
        out.add(piece, paragraph, column)
        column += len(piece)
    return out
