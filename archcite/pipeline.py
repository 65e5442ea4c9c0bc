"""The whole pipeline over documents: read -> recognize -> resolve -> normalize.

Each stage lives in its own module; this one only strings them together per
input document, so that Ibid. and short forms resolve within one document and
never across files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from archcite import readers
from archcite.csl import to_csl
from archcite.export.itemids import ItemIds
from archcite.grammar.labels import label_citation
from archcite.grammar.note import recognize_text
from archcite.model import Citation, Located, Note
from archcite.readers import Source
from archcite.readers.sniff import require_notes
from archcite.readers.textmap import TextBuilder
from archcite.resolve import resolve_stream

_NORMALIZED_KINDS = frozenset(
    {"archival", "frus", "internal", "published", "short", "ibid"}
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
    :mod:`archcite.export.itemids`); after the last pair :meth:`final_id`
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
    items, one per source, see :mod:`archcite.export.items`), so the record's
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


def parse_text(text: str, source: str = "<text>") -> tuple[Located, ...]:
    """Parse one note's text as if it were note 1 of a document.

    Line and column refer to ``text`` as given, before whitespace is collapsed.
    """
    builder = TextBuilder()
    builder.add(text, 1, 1)
    normalized, srcmap = builder.build()
    note = Note(source=source, label="1", index=0, text=normalized, srcmap=srcmap)
    return finish(locate([note]))


def extract(paths: Iterable[str], fmt: str | None = None) -> Iterator[Located]:
    """Library entry point: citations of each path in turn (no stdin)."""
    for name in paths:
        yield from extract_source(readers.open_source(name), fmt)
