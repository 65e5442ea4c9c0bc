"""FRUS references as CSL-JSON, the way the Office of the Historian does it.

A document is a ``chapter`` of its volume, as history.state.gov's own
CSL-JSON has it (``modules/tests/test-CSL.xqm`` in hsg-shell)::

    {"type": "chapter", "title": "Document 75", "page": "Document 75",
     "collection-title": "Foreign Relations of the United States",
     "collection-number": "1969–1976", "volume": "Volume XIX, Part 1",
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
  ("1091–1093"); otherwise ``page`` is "Document N", as hsg-shell does.
"""

from __future__ import annotations

from typing import Any

from archcite.authority.catalog import HISTORY_STATE, Volume, catalog
from archcite.csl.names import csl_name
from archcite.model import FrusRef

SERIES = "Foreign Relations of the United States"
PUBLISHER = "Government Printing Office"
PLACE = "Washington"
ONLINE_PUBLISHER = "Office of the Historian"


def _volume_number(ref: FrusRef, vol: Volume | None) -> str | None:
    if vol is not None and vol.volume_number:
        return vol.volume_number
    if ref.volume is None:
        return None
    label = f"Volume {ref.volume}"
    return f"{label}, Part {ref.part}" if ref.part else label


def _common(ref: FrusRef, vol: Volume | None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "collection-title": (vol.series if vol and vol.series else SERIES),
    }
    subseries = (vol.subseries if vol else None) or ref.subseries
    if subseries:
        item["collection-number"] = subseries
    number = _volume_number(ref, vol)
    if number:
        item["volume"] = number
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
    item["page"] = ", ".join(ref.pages) if ref.pages else label
    item["URL"] = f"{HISTORY_STATE}/{ref.volume_id}/d{document}"
    return item


def frus_items(ref: FrusRef) -> list[dict[str, Any]]:
    """One ``chapter`` per cited document, or the volume ``book`` if none."""
    if ref.documents:
        items = [document_item(ref, d) for d in ref.documents]
        return [i for i in items if i is not None]
    whole = volume_item(ref)
    return [whole] if whole is not None else []


def frus_to_csl(ref: FrusRef) -> dict[str, Any] | None:
    """The CSL item of a reference: its first document, or the volume.

    :func:`archcite.csl.frus_csl` narrows a reference to one document before
    calling this; use :func:`frus_items` for every document of a reference.
    ``None`` when the reference has no volume id (an unresolved internal one).
    """
    # every document of a reference shares its volume: the first one is enough
    if ref.documents:
        return document_item(ref, ref.documents[0])
    return volume_item(ref)
