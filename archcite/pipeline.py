"""The whole pipeline over documents: read -> recognize -> resolve -> normalize.

Each stage lives in its own module; this one only strings them together per
input document, so that Ibid. and short forms resolve within one document and
never across files.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import BinaryIO

from archcite import readers
from archcite.csl import to_csl
from archcite.grammar.labels import label_citation
from archcite.grammar.note import recognize_text
from archcite.items.stream import ItemIds
from archcite.model import Citation, Located, Note
from archcite.readers import Source
from archcite.readers.sniff import require_notes
from archcite.readers.textmap import TextBuilder
from archcite.resolve import resolve_stream

_NORMALIZED_KINDS = frozenset(
    {
        "archival",
        "frus",
        "internal",
        "published",
        "short",
        "ibid",
        "interview",
        "personal_communication",
    }
)


def locate_iter(notes: Iterable[Note]) -> Iterator[Located]:
    """Recognize each note as it comes and number the citations in document order."""
    n = 0
    for note in notes:
        # A document's heading line ("No. 5.", "[Inclosure 3 in No. 12.]") is
        # decided by the note, not its text: a footnote "No. 1." is a reference.
        label = label_citation(note)
        found = (label,) if label is not None else recognize_text(note.text)
        if not found:
            # A note with no text (TEI "<note><gap/></note>") is still a note of
            # the document: it gets a record so that nothing vanishes.
            found = (
                Citation("", 0, 0, "not-a-citation", "parsed", reason="empty note"),
            )
        for c in found:
            yield Located(c, note, n)
            n += 1


def locate(notes: Iterable[Note]) -> list[Located]:
    """Recognize every note and number the citations in document order."""
    return list(locate_iter(notes))


def _normalized(located: Iterable[Located]) -> Iterator[Located]:
    """Resolve Ibid./short forms/internal references, then attach CSL-JSON."""
    for loc in resolve_stream(located):
        c = loc.citation
        if c.csl is None and c.kind in _NORMALIZED_KINDS:
            csl = to_csl(c)
            if csl is not None:
                loc = replace(loc, citation=replace(c, csl=csl))
        yield loc


def with_item_id(loc: Located, item_id: str | None) -> Located:
    """``loc`` with its CSL item's id set to ``item_id`` (the source it names)."""
    c = loc.citation
    if c.csl is not None and item_id and c.csl.get("id") != item_id:
        return replace(loc, citation=replace(c, csl={**c.csl, "id": item_id}))
    return loc


class Document:
    """One document's citations, finished one by one as the notes are read.

    Iterating gives ``(citation, item key)`` pairs: the citation resolved and
    normalized, its CSL item id the *provisional* one (see
    :mod:`archcite.items.stream`); after the last pair :meth:`final_id`
    gives the id each item key ends with. Memory does not grow with the
    document (a 50 MB file of notes streams through).
    """

    def __init__(self, located: Iterable[Located]) -> None:
        self._located = located
        self.ids = ItemIds()

    def __iter__(self) -> Iterator[tuple[Located, str | None]]:
        for loc in _normalized(self._located):
            key = self.ids.add(loc)
            item_id = self.ids.provisional(key) if key is not None else None
            yield with_item_id(loc, item_id), key

    def final_id(self, key: str) -> str:
        return self.ids.final(key)


def finish(located: Iterable[Located]) -> tuple[Located, ...]:
    """Resolve Ibid./short forms/internal references, then attach CSL-JSON.

    Each citation's CSL item gets the id of the source it names (ids belong to
    items, one per source, see :mod:`archcite.items`), so the record's
    ``csl.id`` is the same id that ``--format csl-json`` prints.
    """
    doc = Document(located)
    pairs = list(doc)
    return tuple(
        with_item_id(loc, doc.final_id(key)) if key is not None else loc
        for loc, key in pairs
    )


def read_notes(source: Source, fmt: str | None = None) -> Iterator[Note]:
    """The notes of ``source``; a document without a single note is an error
    (:class:`~archcite.errors.NoNotesError`), not an empty result."""
    info = readers.reader_for(source, fmt)
    return require_notes(info.read(source), info.name, source.name)


def stream_source(source: Source, fmt: str | None = None) -> Document:
    """Every citation of one document, streamed (see :class:`Document`)."""
    return Document(locate_iter(read_notes(source, fmt)))


def extract_source(source: Source, fmt: str | None = None) -> tuple[Located, ...]:
    """Every citation of one document, resolved and normalized."""
    return finish(locate_iter(read_notes(source, fmt)))


def text_note(text: str, source: str = "<text>", volume_id: str | None = None) -> Note:
    """One note's text as note 1 of a document (of FRUS volume ``volume_id``).

    Line and column refer to ``text`` as given, before whitespace is collapsed.
    """
    builder = TextBuilder()
    builder.add(text, 1, 1)
    normalized, srcmap = builder.build()
    return Note(
        source=source,
        label="1",
        index=0,
        text=normalized,
        srcmap=srcmap,
        volume_id=volume_id,
    )


def parse_text(
    text: str, source: str = "<text>", volume_id: str | None = None
) -> tuple[Located, ...]:
    """Parse one note's text as if it were note 1 of a document.

    ``volume_id`` is the FRUS volume the note belongs to: "See Document 389"
    and "vol. ii, p. 6" resolve into it. Line and column refer to ``text`` as
    given, before whitespace is collapsed.
    """
    return finish(locate([text_note(text, source, volume_id)]))


def extract_notes(notes: Iterable[Note]) -> tuple[Located, ...]:
    """Every citation of the notes of one document, resolved and normalized.

    For a program that has the notes already (a pandoc filter walking its
    document): Ibid. and short forms resolve across these notes, in order.
    """
    return finish(locate(notes))


def extract_stream(
    stream: BinaryIO, fmt: str | None = None, source: str = "<stream>"
) -> tuple[Located, ...]:
    """Every citation of the one document a binary stream holds.

    ``fmt`` names the reader (``archcite readers``); without it the suffix of
    ``source`` chooses ("draft.md"), then the content. ``source`` is the name
    the records give as their ``source``.
    """
    return extract_source(readers.from_stream(stream, source), fmt)


def extract_bytes(
    data: bytes, fmt: str | None = None, source: str = "<bytes>"
) -> tuple[Located, ...]:
    """:func:`extract_stream` over a document held in memory as bytes (a DOCX
    file from an upload, a TEI volume from a web request)."""
    return extract_stream(io.BytesIO(data), fmt, source)


def extract_text(
    text: str, fmt: str | None = None, source: str = "<text>"
) -> tuple[Located, ...]:
    """:func:`extract_stream` over a text document held in memory as a string
    (plain text, Markdown, LaTeX or TEI); line and column refer to ``text``."""
    return extract_stream(io.BytesIO(text.encode("utf-8")), fmt, source)


def extract(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    fmt: str | None = None,
) -> Iterator[Located]:
    """Citations of the document at ``paths``, or of each of several in turn.

    One path (a string or a :class:`~pathlib.Path`) or an iterable of them; each
    document is read, recognized and resolved on its own, so an Ibid. never
    reaches into another file. Standard input is not read: use
    :func:`extract_stream`.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for name in paths:
        yield from extract_source(readers.open_source(os.fspath(name)), fmt)
