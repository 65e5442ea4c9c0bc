"""The immutable data that flows through the pipeline.

read -> :class:`Note`; recognize -> :class:`Citation` (with an :class:`ArchivalRef`,
:class:`FrusRef` or :class:`PublishedRef`); resolve -> the same citations with
``antecedent``/``reason`` filled in. Nothing here does I/O or parsing; the JSON form
of a citation (the *citation record* of DESIGN.md) lives in :mod:`archcite.record`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal[
    "archival",
    "frus",
    "ibid",
    "short",
    "internal",
    "published",
    "interview",
    "personal_communication",
    "not-a-citation",
    "unrecognized",
]
Status = Literal["parsed", "partial", "unrecognized"]
#: What a citation is to its note: the source of the document, another copy of it,
#: a printing of it elsewhere, or a plain reference.
Role = Literal["source", "copy", "printing", "reference"]


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Maps each character of a note's text back to a place in the source file.

    Stored run-length style: ``starts[i]`` is the first text offset of run ``i``,
    which begins at ``lines[i]``/``columns[i]`` and advances one column per
    character. Readers produce one run per source line segment, so a note of a
    few hundred characters costs a handful of integers instead of one tuple per
    character.
    """

    starts: tuple[int, ...] = ()
    lines: tuple[int, ...] = ()
    columns: tuple[int, ...] = ()

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the 1-based ``(line, column)`` of text offset ``offset``."""
        if not self.starts:
            return (1, 1)
        i = max(bisect_right(self.starts, offset) - 1, 0)
        return (self.lines[i], self.columns[i] + (offset - self.starts[i]))


@dataclass(frozen=True, slots=True)
class Note:
    """One footnote or endnote as the document shows it.

    ``label`` is the mark the reader sees ("1", "2a", "*"); ``text`` has markup
    removed and whitespace collapsed, but keeps dashes, quotes and other
    characters exactly.
    """

    source: str
    label: str
    index: int
    text: str
    srcmap: SourceMap = field(default_factory=SourceMap)
    #: the enclosing document (TEI ``div/@xml:id``), when the format has one
    doc: str | None = None
    #: the note's own identifier (TEI ``xml:id``), when the format has one
    note_id: str | None = None
    #: TEI ``@type`` ("source") or the reader's own kind ("footnote", "endnote")
    note_type: str | None = None
    #: ``<ref target>`` values inside a TEI note: the FRUS gold standard
    refs: tuple[str, ...] = ()
    #: the FRUS volume a TEI file is, so "Document 389" can resolve into it
    volume_id: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """A name as cited, split only when the split is certain
    (:func:`archcite.csl.names.split_name`); ``family`` is ``None`` when not."""

    literal: str
    family: str | None = None
    given: str | None = None
    #: a lower-case particle before the family name ("de" of "Charles de Gaulle")
    particle: str | None = None
    #: "Jr.", "Sr.", "III"
    suffix: str | None = None


@dataclass(frozen=True, slots=True)
class DocItem:
    """The document an archival citation points to (the memo, the telegram)."""

    type: str | None = None
    title: str | None = None
    author: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    date: str | None = None
    place: str | None = None
    # The document's own number ("telegram 2231", "telegram no. 1245").
    number: str | None = None


@dataclass(frozen=True, slots=True)
class ArchivalRef:
    """Where an unpublished document physically lives, largest unit first."""

    repository: str | None = None
    repository_as_cited: str | None = None
    place: str | None = None
    record_group: str | None = None
    collection: str | None = None
    series: str | None = None
    file_unit: str | None = None
    box: str | None = None
    folder: str | None = None
    reel: str | None = None
    lot: str | None = None
    file_number: str | None = None
    job: str | None = None
    item: DocItem = field(default_factory=DocItem)
    classification: str | None = None
    # Extensions beyond DESIGN.md's record (additive, never renamed):
    entry: str | None = None
    accession: str | None = None
    frames: str | None = None
    #: the leaf or leaves of a file (Russian list/listy, German Blatt, folio):
    #: "ll. 1–9", "Bl. 12", "fols. 3–4", as cited with its label.
    folio: str | None = None
    repository_id: str | None = None
    in_authority: bool = False


@dataclass(frozen=True, slots=True)
class FrusRef:
    """A reference to a FRUS volume, and to documents or pages in it."""

    volume_id: str | None = None
    subseries: str | None = None
    volume: str | None = None
    part: str | None = None
    title: str | None = None
    documents: tuple[int, ...] = ()
    pages: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    known: bool = False
    # Extensions:
    footnotes: tuple[tuple[int, int], ...] = ()
    internal: bool = False
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class PublishedRef:
    """A published work cited as a source (not FRUS)."""

    title: str | None = None
    volume: str | None = None
    pages: str | None = None
    date: str | None = None
    # Extensions (additive): what a Chicago-style note says about the work.
    #: book | article | chapter | newspaper | edition (documentary editions,
    #: serials and treaty series)
    type: str | None = None
    author: tuple[str, ...] = ()
    editor: tuple[str, ...] = ()
    #: the journal or newspaper of an article, the book that holds a chapter
    container_title: str | None = None
    issue: str | None = None
    publisher: str | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation candidate of a note, with everything recognized about it.

    ``start``/``end`` are offsets into the note's text. ``reason`` says why a
    candidate is unrecognized or not a citation, or why an Ibid./short form did
    not resolve; it is ``None`` when there is nothing to explain.
    """

    text: str
    start: int
    end: int
    kind: Kind
    status: Status
    role: Role | None = None
    archival: ArchivalRef | None = None
    frus: FrusRef | None = None
    published: PublishedRef | None = None
    #: index (in the document's citation sequence) of what an ibid/short resolves to
    antecedent: int | None = None
    reason: str | None = None
    #: short form declared by "hereafter cited as …"
    declares: str | None = None
    csl: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Located:
    """A citation placed in its document: the unit of output."""

    citation: Citation
    note: Note
    #: position of the citation in its document's citation sequence
    index: int

    @property
    def line_column(self) -> tuple[int, int]:
        """The source line and column where the citation starts."""
        return self.note.srcmap.locate(self.citation.start)
