"""The whole pipeline over documents: read -> recognize -> resolve -> normalize.

Each stage lives in its own module; this one only strings them together per
input document, so that Ibid. and short forms resolve within one document and
never across files.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO

from archcite import readers
from archcite.csl import to_csl
from archcite.grammar.labels import label_citation
from archcite.grammar.note import recognize_text
from archcite.items import collect
from archcite.model import Citation, Located, Note
from archcite.readers import Source
from archcite.readers.textmap import TextBuilder
from archcite.resolve import resolve

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


def locate(notes: Iterable[Note]) -> list[Located]:
    """Recognize every note and number the citations in document order."""
    out: list[Located] = []
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
            out.append(Located(c, note, len(out)))
    return out


def _with_item_ids(located: Sequence[Located]) -> tuple[Located, ...]:
    """Give each citation's CSL item the id of the source it names.

    Ids belong to items (one per source, see :mod:`archcite.items`), so the
    record's ``csl.id`` is the same id that ``--format csl-json`` prints.
    """
    ids: dict[int, str] = {}
    for item in collect(located):
        for mention in item.mentions:
            if mention.citation is not None:
                ids.setdefault(mention.citation, item.id)
    out: list[Located] = []
    for loc in located:
        c = loc.citation
        item_id = ids.get(loc.index)
        if c.csl is not None and item_id and c.csl.get("id") != item_id:
            loc = replace(loc, citation=replace(c, csl={**c.csl, "id": item_id}))
        out.append(loc)
    return tuple(out)


def finish(located: Sequence[Located]) -> tuple[Located, ...]:
    """Resolve Ibid./short forms/internal references, then attach CSL-JSON."""
    done = resolve(located)
    out: list[Located] = []
    for loc in done:
        c = loc.citation
        if c.csl is None and c.kind in _NORMALIZED_KINDS:
            csl = to_csl(c)
            if csl is not None:
                loc = replace(loc, citation=replace(c, csl=csl))
        out.append(loc)
    return _with_item_ids(out)


def extract_source(source: Source, fmt: str | None = None) -> tuple[Located, ...]:
    """Every citation of one document, resolved and normalized."""
    return finish(locate(readers.read(source, fmt)))


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
