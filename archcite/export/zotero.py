"""CSL-JSON items <-> Zotero item JSON (the Web API's field names).

Zotero has fields for the repository (``archive``) and the location in it
(``archiveLocation``) but none for the collection or the repository's place,
and its CSL-JSON import silently drops ``archive_collection`` and
``archive-place``. Those go into Extra as ``archive_collection: …`` and
``Archive Place: …`` lines, which Zotero's own CSL export and citeproc-js read
back as the CSL variables. Other variables a Zotero item type lacks (a
recipient on a manuscript, an archival collection as an item) go into Extra
the same way, so reading the item back gives the CSL item again.

Also here: the "Zotero-flavoured" CSL-JSON for File → Import (the canonical
CSL-JSON plus those Extra lines in ``note``, which Zotero turns into Extra).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from typing import Any

from archcite.csl import date_to_edtf
from archcite.csl.dates import csl_date
from archcite.items import ItemSet, as_itemset

#: CSL type -> Zotero item type; CSL ``collection`` has no Zotero type (an
#: archival collection type has been requested since 2011) and becomes a
#: document with ``type: collection`` in Extra.
ITEM_TYPES = {
    "manuscript": "manuscript",
    "personal_communication": "letter",
    "document": "document",
    "collection": "document",
    "chapter": "bookSection",
    "book": "book",
    "report": "report",
}
_CSL_TYPES = {
    "manuscript": "manuscript",
    "letter": "personal_communication",
    "document": "document",
    "bookSection": "chapter",
    "book": "book",
    "report": "report",
}
_COMMON = (
    "title",
    "date",
    "url",
    "archive",
    "archiveLocation",
    "callNumber",
    "language",
    "shortTitle",
    "rights",
    "extra",
    "citationKey",
    "accessDate",
    "libraryCatalog",
)
#: Fields archcite writes, per item type: a subset of zotero-schema.json
#: (tests/test_zotero.py checks them against it).
FIELDS: dict[str, frozenset[str]] = {
    "manuscript": frozenset(
        (*_COMMON, "manuscriptType", "place", "institution", "number", "numPages")
    ),
    "letter": frozenset((*_COMMON, "letterType", "eventPlace")),
    "document": frozenset((*_COMMON, "type", "publisher", "place")),
    "bookSection": frozenset(
        (
            *_COMMON,
            "bookTitle",
            "series",
            "seriesNumber",
            "volume",
            "edition",
            "publisher",
            "place",
            "pages",
            "ISBN",
        )
    ),
    "book": frozenset(
        (
            *_COMMON,
            "series",
            "seriesNumber",
            "volume",
            "edition",
            "publisher",
            "place",
            "numPages",
            "ISBN",
        )
    ),
    "report": frozenset(
        (
            *_COMMON,
            "reportNumber",
            "reportType",
            "seriesTitle",
            "place",
            "institution",
            "pages",
        )
    ),
}
CREATORS: dict[str, frozenset[str]] = {
    "manuscript": frozenset({"author", "contributor", "translator"}),
    "letter": frozenset({"author", "recipient", "contributor", "translator"}),
    "document": frozenset({"author", "contributor", "editor", "translator"}),
    "bookSection": frozenset({"author", "contributor", "editor", "translator"}),
    "book": frozenset({"author", "contributor", "editor", "translator"}),
    "report": frozenset({"author", "contributor", "translator"}),
}
#: CSL variable -> candidate Zotero fields (the first the type allows wins).
_TEXT = {
    "title": ("title",),
    "genre": ("manuscriptType", "letterType", "reportType", "type"),
    "archive": ("archive",),
    "archive_location": ("archiveLocation",),
    "call-number": ("callNumber",),
    "URL": ("url",),
    "publisher-place": ("place",),
    "publisher": ("publisher", "institution"),
    "event-place": ("eventPlace",),
    "container-title": ("bookTitle",),
    "collection-title": ("series", "seriesTitle"),
    "collection-number": ("seriesNumber",),
    "volume": ("volume",),
    "page": ("pages",),
    "number": ("number", "reportNumber"),
    "ISBN": ("ISBN",),
    "language": ("language",),
    "title-short": ("shortTitle",),
    "edition": ("edition",),
    "number-of-pages": ("numPages",),
}
_TEXT_KEYS = {k.lower(): k for k in _TEXT}
_NAMES = ("author", "recipient", "editor", "translator", "contributor")
#: Extra labels for CSL variables; Zotero's ``extraToCSL`` and citeproc-js read
#: both spellings. ``archive_collection`` must stay lower case with "_".
_EXTRA_LABEL = {
    "archive_collection": "archive_collection",
    "archive-place": "Archive Place",
    "event-place": "Event Place",
}
_EXTRA_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]*?):\s*(.*)$")
_EXTRA_KEYS = {
    "archive_collection": "archive_collection",
    "archive collection": "archive_collection",
    "archive-collection": "archive_collection",
    "archive place": "archive-place",
    "archive-place": "archive-place",
    "archive_place": "archive-place",
    "event place": "event-place",
    "event-place": "event-place",
}


def _date(issued: Any) -> str | None:
    if not isinstance(issued, Mapping):
        return None
    edtf = date_to_edtf(issued)
    if edtf is not None or issued.get("date-parts"):
        return edtf
    text = issued.get("literal") or issued.get("raw")
    return str(text) if text else None


def _creator(name: Mapping[str, Any], role: str) -> dict[str, str]:
    if name.get("literal") or not name.get("family"):
        return {
            "creatorType": role,
            "name": str(name.get("literal") or name.get("given") or ""),
        }
    family = str(name["family"])
    if name.get("non-dropping-particle"):
        family = f"{name['non-dropping-particle']} {family}"
    given = str(name.get("given") or "")
    if name.get("suffix"):
        given = f"{given}, {name['suffix']}" if given else str(name["suffix"])
    return {"creatorType": role, "firstName": given, "lastName": family}


def _extra_name(name: Mapping[str, Any]) -> str:
    # Zotero's Extra convention for a name: "Last || First".
    if name.get("literal") or not name.get("family"):
        return str(name.get("literal") or name.get("given") or "")
    return f"{name['family']} || {name.get('given') or ''}".rstrip(" |")


def _csl_name_from_extra(text: str) -> dict[str, str]:
    if "||" in text:
        family, given = (s.strip() for s in text.split("||", 1))
        return {"family": family, "given": given} if given else {"family": family}
    return {"literal": text.strip()}


def to_zotero(csl: Mapping[str, Any]) -> dict[str, Any]:
    """A Zotero item (Web API JSON) for one CSL item."""
    ctype = str(csl.get("type") or "document")
    itype = ITEM_TYPES.get(ctype, "document")
    allowed = FIELDS[itype]
    item: dict[str, Any] = {"itemType": itype}
    extra: list[str] = []
    if itype == "document" and ctype != "document":
        extra.append(f"type: {ctype}")
    for var, candidates in _TEXT.items():
        value = csl.get(var)
        if value in (None, ""):
            continue
        target = next((c for c in candidates if c in allowed), None)
        if target is not None and target not in item:
            item[target] = str(value)
        else:
            extra.append(f"{_EXTRA_LABEL.get(var, var)}: {value}")
    for var, label in _EXTRA_LABEL.items():
        if csl.get(var) and var not in _TEXT:
            extra.append(f"{label}: {csl[var]}")
    date = _date(csl.get("issued"))
    if date:
        item["date"] = date
    creators: list[dict[str, str]] = []
    for role in _NAMES:
        for name in csl.get(role) or []:
            if role in CREATORS[itype]:
                creators.append(_creator(name, role))
            else:
                extra.append(f"{role}: {_extra_name(name)}")
    item["creators"] = creators
    if csl.get("id"):
        item["citationKey"] = str(csl["id"])
    if csl.get("note"):
        extra.append(str(csl["note"]))
    if extra:
        item["extra"] = "\n".join(extra)
    item["tags"] = []
    item["collections"] = []
    item["relations"] = {}
    return item


def from_zotero(item: Mapping[str, Any]) -> dict[str, Any]:
    """The CSL item for a Zotero item (archcite's own or Zotero's export)."""
    data = item.get("data", item)  # the Web API wraps items in {"key", "data"}
    itype = str(data.get("itemType") or "document")
    csl: dict[str, Any] = {
        "id": str(data.get("citationKey") or data.get("key") or ""),
        "type": _CSL_TYPES.get(itype, "document"),
    }
    for var, candidates in _TEXT.items():
        for field in candidates:
            if data.get(field):
                csl[var] = data[field]
                break
    if data.get("date"):
        csl["issued"] = csl_date(str(data["date"]))
    for creator in data.get("creators") or []:
        role = creator.get("creatorType", "author")
        if role not in _NAMES:
            continue
        if creator.get("name"):
            name: dict[str, str] = {"literal": creator["name"]}
        else:
            name = {"family": creator.get("lastName", "")}
            given = creator.get("firstName")
            if given:
                name["given"] = given
        csl.setdefault(role, []).append(name)
    notes: list[str] = []
    for line in str(data.get("extra") or "").splitlines():
        m = _EXTRA_LINE.match(line)
        key = m.group(1).strip().lower() if m else ""
        if m and key in _EXTRA_KEYS:
            csl[_EXTRA_KEYS[key]] = m.group(2)
        elif m and key == "type" and itype == "document":
            csl["type"] = m.group(2).strip()
        elif m and key in _NAMES:
            csl.setdefault(key, []).append(_csl_name_from_extra(m.group(2)))
        elif m and key in _TEXT_KEYS and _TEXT_KEYS[key] not in csl:
            csl[_TEXT_KEYS[key]] = m.group(2)
        else:
            notes.append(line)
    if any(n.strip() for n in notes):
        csl["note"] = "\n".join(notes).strip()
    return csl


def zotero_items(items: ItemSet | Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Zotero items for every item, in output order."""
    return [to_zotero(c) for c in as_itemset(items).csl()]


def zotero_csl(items: ItemSet | Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """CSL-JSON for Zotero's File → Import that keeps the collection and place.

    Zotero maps CSL ``note`` to Extra, so the two archive variables it would
    drop are repeated there as Extra lines. The canonical CSL-JSON does not
    carry these lines: citeproc-py and pandoc would not parse them.
    """
    out = []
    for csl in items.csl() if isinstance(items, ItemSet) else [dict(i) for i in items]:
        csl = copy.deepcopy(csl)
        lines = [f"{_EXTRA_LABEL[v]}: {csl[v]}" for v in _EXTRA_LABEL if csl.get(v)]
        if csl.get("type") == "collection":
            lines.insert(0, "type: collection")
        if lines:
            csl["note"] = "\n".join(
                [*lines, *([csl["note"]] if csl.get("note") else [])]
            )
        out.append(csl)
    return out


__all__ = [
    "CREATORS",
    "FIELDS",
    "ITEM_TYPES",
    "from_zotero",
    "to_zotero",
    "zotero_csl",
    "zotero_items",
]
