"""Supplied titles: which archival items get a title of archcite's making.

Most archival documents have no title of their own: the note describes them
("Dean Rusk to John F. Kennedy, memorandum, February 20, 1962"). An untitled
item must not be a blank row in a Zotero library, and Zotero's Chicago notes
(citeproc-js with the official Chicago 17th and 18th edition styles) must read
as archcite's own. :mod:`archcite.csl.archival` calls :func:`supply_title`
when it builds the canonical CSL item, so every format carries the same item;
the exports call it again for items read from CSL files (it leaves a titled
item alone). The rule (docs/archival-fields.md):

* an addressed document (people as author and recipient, CSL
  ``personal_communication``, Zotero ``letter``): no title. Its ``genre``
  (Zotero letterType) stays, with its ``number`` folded in ("telegram no.
  2231"). Chicago prints it as "Dean Rusk, memorandum to John F. Kennedy,
  February 20, 1962, …" and "Thompson, telegram no. 2231 to Rusk, Moscow, …";
  any stored title broke that note in citeproc-js ("Dean Rusk “Memorandum,”
  to John F. Kennedy", comma lost), and so did a ``number`` beside the genre:
  the styles then drop the genre before "to" and print "Thompson, to Rusk,
  Moscow, telegram no. 2231". Zotero names an untitled letter by its people
  ("[Letter to Kennedy]") in the item list, so the row is not blank;
* any other document: the type with its number as cited ("Memorandum for the
  record", "Telegram 2231"); ``genre`` and ``number`` are dropped, or Chicago
  would print them a second time;
* a file or folder without a document: the file unit or folder title, taken
  out of ``archive_location``, and CSL type ``collection``: the Chicago styles
  print "n.d." for an undated titled ``manuscript`` but not for an archival
  ``collection`` (CMOS 14.128);
* a box- or collection-level item: the collection's name as the title, type
  ``collection``, and ``archive_collection`` dropped, so that the note does
  not name the collection twice;
* anything with a title of its own keeps it (quoted titles, FRUS documents,
  published works).

tests/interop/test_titles_citeproc.py checks the notes with citeproc-js in
both Chicago editions.
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


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def document_title(csl: Mapping[str, Any]) -> str | None:
    """ "Telegram 2231" for a document with a type, a number or an author."""
    genre = str(csl.get("genre") or "").strip()
    number = str(csl.get("number") or "").strip()
    if not (genre or number or csl.get("author") or csl.get("recipient")):
        return None
    kind = genre or (
        "Letter" if csl.get("type") == "personal_communication" else "Document"
    )
    words = [_capitalize(kind)]
    if number:
        words.append(number)
    return " ".join(words)


def is_addressed(csl: Mapping[str, Any]) -> bool:
    """A document from people to people: Zotero's letter, untitled in Chicago."""
    return csl.get("type") == "personal_communication" and bool(csl.get("recipient"))


_NUMBERED = re.compile(r"^[A-Z][a-z]+(?: [a-z]+)* (?P<number>\d[\w./-]*)$")
#: the genre of a numbered addressed document, as :func:`supply_title` writes it
_NUMBERED_GENRE = re.compile(r"^[a-z]+(?: [a-z]+)* no\. (?P<number>\d[\w./-]*)$")


def document_number(csl: Mapping[str, Any]) -> str | None:
    """The document's own number: ``number``, or the one its supplied title
    or genre ("telegram no. 2231") ends in."""
    if csl.get("number"):
        return str(csl["number"])
    if not is_archival(csl):
        return None
    m = _NUMBERED.match(str(csl.get("title") or ""))
    return m.group("number") if m else genre_number(csl)


def genre_number(csl: Mapping[str, Any]) -> str | None:
    """The number an untitled letter's genre carries ("telegram no. 2231")."""
    m = _NUMBERED_GENRE.match(str(csl.get("genre") or ""))
    return m.group("number") if m else None


def numbered_genre(genre: str, number: str) -> str:
    """ "telegram no. 2231": the genre Chicago prints before "to" (CMOS 14.232)."""
    return f"{genre} no. {number}"


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


def supply_title(
    csl: Mapping[str, Any], file_unit: str | None = None
) -> dict[str, Any]:
    """A copy of ``csl`` with a supplied title if it is an untitled archival item.

    ``file_unit`` names the unit of ``archive_location`` that is the file, ""
    when the caller knows there is none; ``None`` (an item read from CSL)
    splits the location by its labels.
    Idempotent: an item with a title is returned unchanged.
    """
    out = copy.deepcopy(dict(csl))
    if not out.get("title") and is_archival(out) and is_addressed(out):
        genre = str(out.get("genre") or "").strip()
        number = str(out.get("number") or "").strip()
        if genre and number:
            out["genre"] = numbered_genre(genre, number)
            del out["number"]
        return out
    if out.get("title") or not is_archival(out):
        return out
    title = document_title(out)
    if title is not None:
        out["title"] = title
        out.pop("genre", None)
        out.pop("number", None)
        return out
    location = str(out.get("archive_location") or "")
    if file_unit is None:
        split = file_title(location) if location else None
    else:
        split = _without(location, file_unit) if file_unit else None
    if split is not None:
        out["title"], rest = split
        out["type"] = "collection"
        if rest:
            out["archive_location"] = rest
        else:
            out.pop("archive_location", None)
        return out
    if out.get("archive_collection"):
        out["title"] = str(out.pop("archive_collection"))
        out["type"] = "collection"
    return out


def _without(location: str, unit: str) -> tuple[str, str] | None:
    units = location.split(", ")
    whole = unit.split(", ")
    for i in range(len(units) - len(whole) + 1):
        if units[i : i + len(whole)] == whole:
            return unit, ", ".join(units[:i] + units[i + len(whole) :])
    return None


__all__ = [
    "document_number",
    "document_title",
    "file_title",
    "is_addressed",
    "is_archival",
    "numbered_genre",
    "supply_title",
]
