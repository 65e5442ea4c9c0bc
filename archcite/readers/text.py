"""Plain-text reader: numbered notes at the end of a document.

A note starts on a line of the form ``1. …``, ``[1] …`` or ``1) …`` (leading
indentation allowed); the lines after it, up to the next note start, are its
continuation, blank lines included, so multi-paragraph notes survive.

Where the notes begin:

* after the first line that is only a heading ``Notes``, ``Footnotes`` or
  ``Endnotes`` (any case, optional ``#`` marks and trailing colon), every note
  start counts, whatever its number;
* without such a heading, the notes begin at the *last* note start numbered 1 and
  continue 2, 3 …, so a numbered heading in the body ("388. National Security
  Action Memorandum No. 129") or a numbered list in the prose is not a note.

A numbered line that does not continue the count ("1962. …" wrapped onto its own
line) is a continuation line. Notes after a ``Footnotes`` heading, or without a
heading, are ``footnote``; after ``Notes``/``Endnotes`` they are ``endnote``.

A heading such as ``Bibliography`` or ``References`` after the notes ends them.

``line``/``column`` in the source map are the 1-based line and column of each
character in the file (after a BOM and ``\\r\\n`` → ``\\n``), so a citation in a
note points at the exact place an editor shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from archcite.errors import InputError
from archcite.model import Note
from archcite.readers import Reader, Source, decode_utf8
from archcite.readers.textmap import TextBuilder

_START = re.compile(r"^([ \t]*)(?:\[(\d{1,4})\]|(\d{1,4})[.)])[ \t]+(?=\S)")
_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:notes|footnotes|endnotes)[ \t]*:?[ \t]*$", re.I
)
_AFTER_NOTES = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:bibliography|references|works cited|sources|"
    r"appendix|index)[ \t]*:?[ \t]*$",
    re.I,
)
# Control characters other than tab/newline/form feed mean this is not text.
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")


def _check_text(text: str, name: str) -> None:
    bad = _CONTROL.search(text[:65536])
    if bad is not None:
        raise InputError(
            f"binary data, not a text document (control character "
            f"U+{ord(bad.group()):04X} at character {bad.start()})",
            name,
        )


def _starts(lines: list[str]) -> list[tuple[int, int, int]]:
    """Every note-start line as ``(line index, number, text column index)``."""
    found = []
    for i, line in enumerate(lines):
        m = _START.match(line)
        if m:
            found.append((i, int(m.group(2) or m.group(3)), m.end()))
    return found


def _note_block(lines: list[str]) -> tuple[list[tuple[int, int, int]], int, str]:
    """The note starts, the line index where notes stop, and the note type.

    A numbered line that does not continue the count ("1962. …" inside note 3)
    is a continuation line, not a new note.
    """
    end = len(lines)
    heading = next((i for i, line in enumerate(lines) if _HEADING.match(line)), None)
    first = 0 if heading is None else heading + 1
    stop = next((i for i in range(first, end) if _AFTER_NOTES.match(lines[i])), end)
    starts = [s for s in _starts(lines[:stop]) if s[0] >= first]
    if heading is not None:
        kind = "footnote" if "foot" in lines[heading].lower() else "endnote"
        kept: list[tuple[int, int, int]] = []
        for s in starts:
            # A new chapter may restart the count at 1.
            if not kept or s[1] in (kept[-1][1] + 1, 1):
                kept.append(s)
        return kept, stop, kind
    # No heading: the last note numbered 1 begins the notes (FRUS prints its
    # footnotes after the document, without a heading).
    ones = [k for k, s in enumerate(starts) if s[1] == 1]
    if not ones:
        return [], stop, "footnote"
    kept = [starts[ones[-1]]]
    for s in starts[ones[-1] + 1 :]:
        if s[1] == kept[-1][1] + 1:
            kept.append(s)
    return kept, stop, "footnote"


def read_text(source: Source) -> Iterator[Note]:
    """Yield the numbered notes at the end of a plain-text document."""
    text = decode_utf8(source.read_bytes(), source.name)
    _check_text(text, source.name)
    lines = text.split("\n")
    starts, stop, kind = _note_block(lines)
    for n, (i, number, col) in enumerate(starts):
        last = starts[n + 1][0] if n + 1 < len(starts) else stop
        builder = TextBuilder()
        builder.add(lines[i][col:], i + 1, col + 1)
        for j in range(i + 1, last):
            builder.space(j, len(lines[j - 1]) + 1)
            builder.add(lines[j], j + 1, 1)
        body, srcmap = builder.build()
        yield Note(
            source=source.name,
            label=str(number),
            index=n,
            text=body,
            srcmap=srcmap,
            note_type=kind,
        )


#: This format as a plugin (entry point group ``archcite.readers``).
reader = Reader(read_text, "plain text with numbered notes at the end", order=10)
