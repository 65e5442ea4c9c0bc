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

A line that is only a note number (``2.``, ``[2]``) starts a note when it continues
the count (``n`` after note ``n - 1``): the lines after it, if any, are its text,
and with none it is an empty note (reported as such, at the number). Such a bare
line never starts the notes, nor restarts the count at 1; and when the next
numbered line is the same number with text ("2." then "2. Ibid."), the bare line
was prose wrapped in the previous note and stays there.

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
from dataclasses import dataclass, field

from archcite.errors import InputError
from archcite.model import Note
from archcite.readers import Reader, Source
from archcite.readers.textio import lines
from archcite.readers.textmap import TextBuilder

# Note numbers of any size (a 50 MB file has notes past 9999). The possessive
# runs keep a line of a million spaces linear: nothing after them needs a space
# back.
# A bare number ("2." alone on its line) matches too, with an empty rest.
_START = re.compile(r"^([ \t]*+)(?:\[(\d+)\]|(\d+)[.)])(?:[ \t]++(?=\S)|[ \t]*+$)")
_HEADING = re.compile(
    r"^[ \t]*+(?:#{1,6}[ \t]*+)?(?:notes|footnotes|endnotes)[ \t]*+:?[ \t]*$", re.I
)
_AFTER_NOTES = re.compile(
    r"^[ \t]*+(?:#{1,6}[ \t]*+)?(?:bibliography|references|works cited|sources|"
    r"appendix|index)[ \t]*+:?[ \t]*$",
    re.I,
)
# Control characters other than tab/newline/form feed mean this is not text.
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(slots=True)
class _Plan:
    """Where the notes are, found in a first pass over the lines."""

    heading: int | None = None  # first "Notes" heading
    stop_from_top: int | None = None  # first after-notes heading anywhere
    stop_after_heading: int | None = None  # first after-notes heading past it
    last_one: int | None = None  # last note start numbered 1 before stop_from_top
    heading_kind: str = "footnote"
    #: bare-number lines followed by the same number with text: prose, not notes
    prose: set[int] = field(default_factory=set)

    @property
    def first(self) -> int:
        return 0 if self.heading is None else self.heading + 1

    def stop(self, end: int) -> int:
        found = self.stop_from_top if self.heading is None else self.stop_after_heading
        return end if found is None else found


def _check_line(line: str, seen: int, name: str) -> None:
    """Control characters in the first 64K characters mean this is not text."""
    bad = _CONTROL.search(line)
    if bad is not None:
        raise InputError(
            f"binary data, not a text document (control character "
            f"U+{ord(bad.group()):04X} at character {seen + bad.start()})",
            name,
        )


def _plan(source: Source) -> tuple[_Plan, int]:
    """Pass 1: the headings and the last note numbered 1; and the line count."""
    plan = _Plan()
    seen = 0  # characters before this line, for the control-character check
    count = 0
    bare: tuple[int, int] | None = None  # the last numbered line, if bare
    for i, line in enumerate(lines(source)):
        count = i + 1
        if seen < 65536:
            _check_line(line[: 65536 - seen], seen, source.name)
            seen += len(line) + 1
        if plan.heading is None and _HEADING.match(line):
            plan.heading = i
            plan.heading_kind = "footnote" if "foot" in line.lower() else "endnote"
            continue
        after = _AFTER_NOTES.match(line) is not None
        if after and plan.stop_from_top is None:
            plan.stop_from_top = i
        if after and plan.heading is not None and plan.stop_after_heading is None:
            plan.stop_after_heading = i
        m = _START.match(line)
        if m is None:
            continue
        n = int(m.group(2) or m.group(3))
        empty = m.end() == len(line)
        if bare is not None and not empty and n == bare[1]:
            plan.prose.add(bare[0])
        bare = (i, n) if empty else None
        if plan.stop_from_top is None and n == 1 and not empty:
            plan.last_one = i
    return plan, count


def read_text(source: Source) -> Iterator[Note]:
    """Yield the numbered notes at the end of a plain-text document.

    Two passes over the lines, so that memory holds one note at a time: the
    first finds where the notes are, the second reads them.
    """
    plan, count = _plan(source)
    return _notes(source, plan, plan.stop(count))


def _notes(source: Source, plan: _Plan, stop: int) -> Iterator[Note]:
    """Pass 2: a note starts on a line that continues the count (see module doc)."""
    kind = plan.heading_kind if plan.heading is not None else "footnote"
    begin = plan.first if plan.heading is not None else plan.last_one
    if begin is None:
        return
    builder: TextBuilder | None = None
    number = 0
    index = 0
    previous = ""
    for i, line in enumerate(lines(source)):
        if i >= stop:
            break
        if i < begin:
            previous = line
            continue
        m = _START.match(line)
        if m is not None:
            n = int(m.group(2) or m.group(3))
            # With a heading a new chapter may restart the count at 1; without
            # one the notes run on from the last note numbered 1. A bare number
            # only continues the count.
            if m.end() == len(line):
                starts = n == number + 1 and i not in plan.prose
            elif plan.heading is not None:
                starts = builder is None or n in (number + 1, 1)
            else:
                starts = (builder is None and n == 1) or (
                    builder is not None and n == number + 1
                )
            if starts:
                if builder is not None:
                    yield _note(source, builder, number, index, kind)
                    index += 1
                # An empty note is reported where its number is.
                builder = TextBuilder(origin=(i + 1, len(m.group(1)) + 1))
                builder.add(line[m.end() :], i + 1, m.end() + 1)
                number = n
                previous = line
                continue
        if builder is not None:
            builder.space(i, len(previous) + 1)
            builder.add(line, i + 1, 1)
        previous = line
    if builder is not None:
        yield _note(source, builder, number, index, kind)


def _note(
    source: Source, builder: TextBuilder, number: int, index: int, kind: str
) -> Note:
    body, srcmap = builder.build()
    return Note(
        source=source.name,
        label=str(number),
        index=index,
        text=body,
        srcmap=srcmap,
        note_type=kind,
    )


#: This format as a plugin (entry point group ``archcite.readers``).
reader = Reader(read_text, "plain text with numbered notes at the end", order=10)
