"""FRUS references as CSL-JSON, the way the Office of the Historian does it.

A document is a ``chapter`` of its volume, as history.state.gov's own
CSL-JSON has it (``modules/tests/test-CSL.xqm`` in hsg-shell), except that
``volume`` holds the number only and the part goes to ``part`` (csl-data.json's
key for CSL's part number)::

    {"type": "chapter", "title": "Document 75",
     "collection-title": "Foreign Relations of the United States",
     "collection-number": "1969–1976", "volume": "19", "part": "1",
     "container-title": "Korea, 1969–1972", "editor": [...primary editors],
     "publisher": "Government Printing Office", "publisher-place": "Washington",
     "issued": {"date-parts": [[2010]]},
     "URL": "https://history.state.gov/historicaldocuments/frus1969-76v19p1/d75"}

A reference to a whole volume, or to pages of it, is a ``book`` whose title is
the volume title (the pages are the citation's locator, not part of the item).

Decisions:

* ``editor`` lists the *primary* editors only: the Office's citation guidance
  says not to include the General Editor.
* ``publisher``/``publisher-place`` are "Government Printing Office" /
  "Washington", as the Office's guidance ("Washington: Government Printing
  Office, 2010") and the volumes' TEI headers give them, not the
  "Office of the Historian" of hsg-shell's CSL test; electronic-only volumes
  (``media`` epub) were published by the Office itself and say so.
* ``issued`` is the published year from the catalog (not the coverage years).
* ``collection-title`` is the series title the volume carries ("Papers Relating
  to the Foreign Relations of the United States" for legacy volumes), so a
  rendered citation reads as the volume's title page does.
* A document printed in a page-cited volume keeps its printed pages in ``page``
  ("1091–1093"); otherwise ``page`` is left out: hsg-shell's "Document N"
  there printed "vol. 6:Document 35" in Chicago bibliographies, and the
  title already names the document.
* ``volume`` is the arabic number ("6" for "Volume VI"), as Chicago prints
  volume numbers; "Volume VI" whole printed "vol. Volume VI".
"""

from __future__ import annotations

import re
from typing import Any

from archcite.authority.catalog import HISTORY_STATE, Volume, catalog
from archcite.authority.numerals import roman_to_int
from archcite.csl.names import csl_name
from archcite.model import FrusRef

SERIES = "Foreign Relations of the United States"
PUBLISHER = "Government Printing Office"
PLACE = "Washington"
ONLINE_PUBLISHER = "Office of the Historian"

_VOLUME_PART = re.compile(
    r"^(?:(?:Part\s+(?P<p1>[IVXLC]+|\d+),\s*)?Volume\s+(?P<v>[IVXLC]+|E[–-]\d+|\d+)"
    r"(?:,\s*Part\s+(?P<p2>[IVXLC]+|\d+))?|Part\s+(?P<p3>[IVXLC]+|\d+))$"
)


def _arabic(number: str) -> str:
    """ "XXIX" -> "29"; arabic and electronic ("E–5") numbers stay as they are.

    Chicago prints volume numbers in arabic numerals whatever the title page
    uses (CMOS 14.116), and a number the engines see as numeric gets its
    "vol." label.
    """
    value = roman_to_int(number) if re.fullmatch(r"[IVXLC]+", number) else None
    return str(value) if value is not None else number.replace("–", "-")


def _volume_and_part(ref: FrusRef, vol: Volume | None) -> tuple[str | None, str | None]:
    """CSL ``volume`` (the number only) and ``part`` of a volume.

    The catalog's "Volume XXIX, Part 2" put whole into ``volume`` printed
    "vol. Volume XXIX, Part 2" in Chicago styles. A label the pattern does not
    know ("Volume II, Microfiche Supplement") stays whole rather than lose words.
    """
    if vol is not None and vol.volume_number:
        m = _VOLUME_PART.match(vol.volume_number)
        if m is None:
            return vol.volume_number, None
        part = m.group("p1") or m.group("p2") or m.group("p3")
        number = m.group("v")
        return (
            _arabic(number) if number else None,
            _arabic(part) if part else None,
        )
    if ref.volume is None:
        return None, (_arabic(ref.part) if ref.part else None)
    return _arabic(ref.volume), (_arabic(ref.part) if ref.part else None)


def _common(ref: FrusRef, vol: Volume | None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "collection-title": (vol.series if vol and vol.series else SERIES),
    }
    subseries = (vol.subseries if vol else None) or ref.subseries
    if subseries:
        item["collection-number"] = subseries
    number, part = _volume_and_part(ref, vol)
    if number:
        item["volume"] = number
    if part:
        item["part"] = part
    if vol is not None:
        if vol.editors:
            item["editor"] = [csl_name(e) for e in vol.editors]
        online = vol.media == "epub"
        item["publisher"] = ONLINE_PUBLISHER if online else PUBLISHER
        item["publisher-place"] = PLACE
        if vol.published and vol.published.isdigit():
            item["issued"] = {"date-parts": [[int(vol.published)]]}
        if vol.isbn:
            item["ISBN"] = vol.isbn
    return item


def _volume_title(ref: FrusRef, vol: Volume | None) -> str | None:
    if vol is not None:
        return vol.volume_title or vol.title
    return ref.title


def volume_item(ref: FrusRef) -> dict[str, Any] | None:
    """The whole volume as a CSL ``book`` (``None`` without a volume id)."""
    if ref.volume_id is None:
        return None
    vol = catalog().get(ref.volume_id)
    item: dict[str, Any] = {
        "id": f"/historicaldocuments/{ref.volume_id}",
        "type": "book",
    }
    title = _volume_title(ref, vol)
    if title:
        item["title"] = title
    item |= _common(ref, vol)
    item["URL"] = f"{HISTORY_STATE}/{ref.volume_id}"
    return item


def document_item(ref: FrusRef, document: int) -> dict[str, Any] | None:
    """One document of the volume as a CSL ``chapter``."""
    if ref.volume_id is None:
        return None
    vol = catalog().get(ref.volume_id)
    label = f"Document {document}"
    item: dict[str, Any] = {
        "id": f"/historicaldocuments/{ref.volume_id}/d{document}",
        "type": "chapter",
        "title": label,
    }
    container = _volume_title(ref, vol)
    if container:
        item["container-title"] = container
    item |= _common(ref, vol)
    if ref.pages:
        # "Document N" in ``page`` printed "vol. 6:Document 35"; the title says it
        item["page"] = ", ".join(ref.pages)
    item["URL"] = f"{HISTORY_STATE}/{ref.volume_id}/d{document}"
    return item


def frus_to_csl(ref: FrusRef) -> dict[str, Any] | None:
    """The CSL item of a reference: its first document, or the volume.

    :func:`archcite.csl.frus_csl` narrows a reference to one document before
    calling this, once for every document of a reference.
    ``None`` when the reference has no volume id (an unresolved internal one).
    """
    # every document of a reference shares its volume: the first one is enough
    if ref.documents:
        return document_item(ref, ref.documents[0])
    return volume_item(ref)
