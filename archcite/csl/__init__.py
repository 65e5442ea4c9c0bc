"""Normalize a recognized citation to one CSL-JSON 1.0.2 item.

``to_csl`` only dispatches: the archival mapping lives in
:mod:`archcite.csl.archival`, the FRUS mapping in :mod:`archcite.csl.frus`.
Published works need little more than a title and are mapped here.

The returned item has no meaningful ``id``: ids belong to *items*, which
collapse many mentions into one source (:mod:`archcite.items`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from archcite.csl.archival import archival_to_csl
from archcite.csl.dates import csl_date, date_to_edtf, edtf_to_date
from archcite.csl.frus import frus_to_csl
from archcite.csl.names import csl_name
from archcite.model import ArchivalRef, Citation, FrusRef, PublishedRef


def archival_csl(ref: ArchivalRef) -> dict[str, Any]:
    """CSL item for an archival reference."""
    return archival_to_csl(ref)


def frus_csl(ref: FrusRef, document: int | None = None) -> dict[str, Any] | None:
    """CSL item for a FRUS reference; ``document`` narrows it to one document."""
    if document is not None:
        ref = replace(ref, documents=(document,))
    return frus_to_csl(ref)


_PUBLISHED_TYPES = {
    "book": "book",
    "edition": "book",
    "article": "article-journal",
    "newspaper": "article-newspaper",
    "chapter": "chapter",
}


def published_csl(ref: PublishedRef) -> dict[str, Any] | None:
    """CSL item for a published work: only what the citation states.

    A book (or a documentary edition) is ``book``; an article
    ``article-journal`` with its journal as ``container-title``; a newspaper
    article ``article-newspaper``; a chapter ``chapter`` in the book named by
    ``container-title``, with the book's editors.
    """
    if not ref.title:
        return None
    kind = _PUBLISHED_TYPES.get(ref.type or "", "book")
    item: dict[str, Any] = {"id": "", "type": kind, "title": ref.title}
    if ref.author:
        item["author"] = [csl_name(n) for n in ref.author]
    if ref.editor:
        item["editor"] = [csl_name(n) for n in ref.editor]
    if ref.container_title:
        item["container-title"] = ref.container_title
    if ref.publisher:
        item["publisher"] = ref.publisher
    if ref.place:
        item["publisher-place"] = ref.place
    if ref.volume:
        item["volume"] = ref.volume
    if ref.issue:
        item["issue"] = ref.issue
    if ref.pages:
        item["page"] = ref.pages
    if ref.date:
        item["issued"] = csl_date(ref.date)
    return item


def personal_csl(kind: str, ref: ArchivalRef) -> dict[str, Any]:
    """CSL item of an interview (the one interviewed is ``author``, the one
    asking ``interviewer``) or of a personal communication (``recipient``)."""
    item = archival_csl(ref)
    item["type"] = kind
    if kind == "interview" and "recipient" in item:
        item["interviewer"] = item.pop("recipient")
    return item


def to_csl(citation: Citation) -> dict[str, Any] | None:
    """The CSL-JSON item a citation points to, or ``None`` if it names none.

    An Ibid. or short form counts only when the resolver has copied its
    antecedent's archival or FRUS reference onto it.
    """
    if citation.archival is not None and citation.kind in (
        "archival",
        "ibid",
        "short",
    ):
        return archival_csl(citation.archival)
    if citation.archival is not None and citation.kind in (
        "interview",
        "personal_communication",
    ):
        return personal_csl(citation.kind, citation.archival)
    if citation.frus is not None and citation.kind in (
        "frus",
        "internal",
        "ibid",
        "short",
    ):
        return frus_csl(citation.frus)
    if citation.published is not None:
        return published_csl(citation.published)
    return None


#: CSL-JSON 1.0.2 item keys (csl-data.json, which forbids any other key).
CSL_TYPES = frozenset(
    [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ]
)
NAME_VARIABLES = frozenset(
    [
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editorial-director",
        "executive-producer",
        "guest",
        "host",
        "interviewer",
        "illustrator",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    ]
)
DATE_VARIABLES = frozenset(
    ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"]
)
TEXT_VARIABLES = frozenset(
    [
        "citation-key",
        "language",
        "journalAbbreviation",
        "shortTitle",
        "abstract",
        "annote",
        "archive",
        "archive_collection",
        "archive_location",
        "archive-place",
        "authority",
        "call-number",
        "chapter-number",
        "citation-number",
        "citation-label",
        "collection-number",
        "collection-title",
        "container-title",
        "container-title-short",
        "dimensions",
        "division",
        "DOI",
        "edition",
        "event",
        "event-title",
        "event-place",
        "first-reference-note-number",
        "genre",
        "ISBN",
        "ISSN",
        "issue",
        "jurisdiction",
        "keyword",
        "locator",
        "medium",
        "note",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "original-publisher",
        "original-publisher-place",
        "original-title",
        "page",
        "page-first",
        "part",
        "part-title",
        "PMCID",
        "PMID",
        "printing",
        "publisher",
        "publisher-place",
        "references",
        "reviewed-genre",
        "reviewed-title",
        "scale",
        "section",
        "source",
        "status",
        "supplement",
        "title",
        "title-short",
        "URL",
        "version",
        "volume",
        "volume-title",
        "volume-title-short",
        "year-suffix",
    ]
)
#: Variables the CSL 1.0.2 schema lets be numbers; every other text variable is a string.
NUMERIC_VARIABLES = frozenset(
    [
        "chapter-number",
        "citation-number",
        "collection-number",
        "edition",
        "first-reference-note-number",
        "issue",
        "locator",
        "number",
        "number-of-pages",
        "number-of-volumes",
        "page",
        "page-first",
        "part",
        "printing",
        "supplement",
        "volume",
    ]
)
_NAME_KEYS = frozenset(
    [
        "family",
        "given",
        "dropping-particle",
        "non-dropping-particle",
        "suffix",
        "comma-suffix",
        "static-ordering",
        "literal",
        "parse-names",
    ]
)
#: Non-CSL type names in circulation (Zotero's "letter") -> the CSL type.
TYPE_ALIASES = {"letter": "personal_communication"}
_DATE_KEYS = frozenset({"date-parts", "season", "circa", "literal", "raw"})


def clean_csl(item: Mapping[str, Any]) -> dict[str, Any]:
    """``item`` made valid CSL-JSON 1.0.2 without losing anything.

    Keys the schema does not know move into ``custom`` (the schema's own place
    for extensions); numbers in text variables become strings; an unknown type
    becomes ``document`` (the original kept in ``custom.type``).
    """
    out: dict[str, Any] = {}
    custom: dict[str, Any] = dict(item.get("custom") or {})
    for key, value in item.items():
        if value is None or key == "custom":
            continue
        if key == "id":
            out["id"] = value if isinstance(value, str | int | float) else str(value)
        elif key == "type":
            if value in CSL_TYPES or value in TYPE_ALIASES:
                out["type"] = TYPE_ALIASES.get(value, value)
            else:
                out["type"] = "document"
                custom["type"] = value
        elif key == "categories" and isinstance(value, list):
            out[key] = [str(v) for v in value]
        elif key in NAME_VARIABLES and isinstance(value, list):
            out[key] = [
                {k: v for k, v in n.items() if k in _NAME_KEYS}
                if isinstance(n, Mapping)
                else {"literal": str(n)}
                for n in value
            ]
        elif key in DATE_VARIABLES and isinstance(value, Mapping):
            out[key] = {k: v for k, v in value.items() if k in _DATE_KEYS}
        elif key in DATE_VARIABLES and isinstance(value, str):
            out[key] = {"raw": value}
        elif (
            key in TEXT_VARIABLES
            and isinstance(value, str | int | float)
            and not isinstance(value, bool)
        ):
            keep_number = key in NUMERIC_VARIABLES and not isinstance(value, str)
            out[key] = value if keep_number else str(value)
        else:
            custom[key] = value
    out.setdefault("id", "")
    out.setdefault("type", "document")
    if custom:
        out["custom"] = custom
    return out


__all__ = [
    "CSL_TYPES",
    "DATE_VARIABLES",
    "NAME_VARIABLES",
    "TEXT_VARIABLES",
    "TYPE_ALIASES",
    "archival_csl",
    "clean_csl",
    "date_to_edtf",
    "edtf_to_date",
    "frus_csl",
    "published_csl",
    "to_csl",
]
