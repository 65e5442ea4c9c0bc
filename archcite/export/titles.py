"""Supplied titles: what an untitled archival item is called once it leaves for Zotero.

Most archival documents have no title of their own: the note describes them
("Dean Rusk to John F. Kennedy, memorandum, February 20, 1962"), and the
canonical CSL item carries that description as ``author``, ``recipient`` and
``genre`` with ``title`` empty. In a Zotero library such an item is a blank
row, so every Zotero-bound format (Zotero JSON and RDF, the Zotero-flavoured
CSL-JSON, RIS, BibTeX/biblatex, the Web API push) writes :func:`for_zotero` of
the item instead, which supplies a title:

* a document with a type or people: "{Type} from {author} to {recipient}"
  with family names ("Memorandum from Rusk to Kennedy", "Telegram from
  Thompson to Rusk", "Memorandum for the record", "Letter to Webb");
* a file or folder without a document: the file unit or folder title, taken
  out of ``archive_location`` ("NSAM No. 129, U.S.-USSR Space Cooperation";
  the location keeps the series, box and folder number);
* anything else keeps its own title (FRUS documents, published works,
  collection items named for their collection).

Zotero formats with the Chicago CSL style through citeproc-js, which prints
every title it is given, in quotation marks, after the people and before the
genre. A supplied title beside the genre would therefore print the type twice
("“Memorandum from Rusk to Kennedy,” memorandum"), and a file unit both as
title and in the location would print twice. So the type moves into the title
(``genre`` is dropped once the title says it) and the file unit moves out of
the location: nothing is printed twice, and Zotero's own Chicago note is
exactly what archcite's formatter prints for ``for_zotero(item)`` (see
docs/zotero.md; tests/interop/test_zotero_import.py checks it with
citeproc-js).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

#: A unit of ``archive_location`` that is a container, not a file: it stays in
#: the location ("Box 334", "folder 12", "Reel 90", "frames 12–14").
_CONTAINER = re.compile(r"^(?:box|folder|reel|frames?|container|carton)\b", re.I)
#: A unit that names an arrangement above the file (it stays too): series,
#: subseries, entry, lot, accession and job numbers as csl/archival.py writes
#: them.
_ABOVE_FILE = re.compile(
    r"(?:\b(?:series|subseries)$|^(?:entry|lot|frc|job|accession)\b)", re.I
)


def _name(name: Mapping[str, Any]) -> str:
    if name.get("family"):
        particle = name.get("non-dropping-particle")
        return f"{particle} {name['family']}" if particle else str(name["family"])
    return str(name.get("literal") or name.get("given") or "")


def _names(names: Any) -> str:
    parts = [_name(n) for n in names or [] if isinstance(n, Mapping)]
    parts = [p for p in parts if p]
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def document_title(csl: Mapping[str, Any]) -> str | None:
    """ "Memorandum from Rusk to Kennedy" for a document with a type or people."""
    genre = str(csl.get("genre") or "").strip()
    author = _names(csl.get("author"))
    recipient = _names(csl.get("recipient"))
    if not (genre or author or recipient):
        return None
    kind = genre or (
        "Letter" if csl.get("type") == "personal_communication" else "Document"
    )
    words = [_capitalize(kind)]
    if author:
        words.append(f"from {author}")
    if recipient:
        words.append(f"to {recipient}")
    return " ".join(words)


def _split_units(location: str) -> list[str]:
    """The units of a location; commas inside quotes or a file title stay."""
    units: list[str] = []
    for part in re.split(r",\s+(?=(?:[A-Z0-9“\"]))", location):
        if units and not _starts_unit(part) and not _starts_unit(units[-1]):
            units[-1] = f"{units[-1]}, {part}"
        else:
            units.append(part)
    return units


def _starts_unit(part: str) -> bool:
    return bool(_CONTAINER.match(part) or _ABOVE_FILE.search(part))


def file_title(location: str) -> tuple[str, str] | None:
    """(file title, location without it) when the location names a file."""
    units = _split_units(location)
    file_units = [u for u in units if not _starts_unit(u)]
    if not file_units:
        return None
    rest = [u for u in units if _starts_unit(u)]
    return ", ".join(file_units), ", ".join(rest)


def is_archival(csl: Mapping[str, Any]) -> bool:
    return (
        bool(
            csl.get("archive")
            or csl.get("archive_collection")
            or csl.get("archive_location")
        )
        or csl.get("type") == "collection"
    )


def for_zotero(csl: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``csl`` with a supplied title if it is an untitled archival item.

    Idempotent: an item with a title is returned unchanged.
    """
    out = copy.deepcopy(dict(csl))
    if out.get("title") or not is_archival(out):
        return out
    title = document_title(out)
    if title is not None:
        out["title"] = title
        out.pop("genre", None)
        return out
    location = str(out.get("archive_location") or "")
    split = file_title(location) if location else None
    if split is not None:
        out["title"], rest = split
        if rest:
            out["archive_location"] = rest
        else:
            out.pop("archive_location", None)
        return out
    if out.get("archive_collection"):
        out["title"] = str(out["archive_collection"])
    elif out.get("archive"):
        out["title"] = str(out["archive"])
    return out


__all__ = ["document_title", "file_title", "for_zotero", "is_archival"]
