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

import re
from collections.abc import Iterable, Mapping
from typing import Any

from archcite.csl import date_to_edtf
from archcite.csl.dates import csl_date
from archcite.csl.titles import supply_title
from archcite.items import ItemSet, as_itemset

#: CSL type -> Zotero item type: one typing for every Zotero-bound format
#: (docs/zotero.md). An archival document addressed to someone is a letter,
#: any other a manuscript. CSL ``collection`` has no Zotero type (an archival
#: collection type has been requested since 2011): it becomes a manuscript
#: with ``type: collection`` in Extra, which citeproc-js reads back as the CSL
#: type. An interview is Zotero's interview, its subject the interviewee.
ITEM_TYPES = {
    "manuscript": "manuscript",
    "interview": "interview",
    "personal_communication": "letter",
    "document": "document",
    "collection": "manuscript",
    "chapter": "bookSection",
    "book": "book",
    "report": "report",
    "article-journal": "journalArticle",
    "article-magazine": "magazineArticle",
    "article-newspaper": "newspaperArticle",
}
_CSL_TYPES = {
    "manuscript": "manuscript",
    "interview": "interview",
    "letter": "personal_communication",
    "document": "document",
    "bookSection": "chapter",
    "book": "book",
    "report": "report",
    "journalArticle": "article-journal",
    "magazineArticle": "article-magazine",
    "newspaperArticle": "article-newspaper",
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
    "accessDate",
    "libraryCatalog",
)
#: Fields archcite writes, per item type: fields that both the Zotero schema
#: the translation-server pins (version 29) and the current one (41) allow,
#: so an item validates against either (tests/test_zotero.py checks both).
#: What a type lacks goes into Extra under a label Zotero reads back.
FIELDS: dict[str, frozenset[str]] = {
    "manuscript": frozenset((*_COMMON, "manuscriptType", "place", "numPages")),
    "letter": frozenset((*_COMMON, "letterType")),
    # Schema 29's interview has no place or publisher: the place goes to Extra.
    "interview": frozenset((*_COMMON, "interviewMedium")),
    "document": frozenset((*_COMMON, "publisher")),
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
    "journalArticle": frozenset(
        (*_COMMON, "publicationTitle", "volume", "issue", "pages", "DOI", "ISSN")
    ),
    "magazineArticle": frozenset(
        (*_COMMON, "publicationTitle", "volume", "issue", "pages", "ISSN")
    ),
    "newspaperArticle": frozenset(
        (*_COMMON, "publicationTitle", "place", "edition", "section", "pages", "ISSN")
    ),
}
CREATORS: dict[str, frozenset[str]] = {
    "manuscript": frozenset({"author", "contributor", "translator"}),
    "letter": frozenset({"author", "recipient", "contributor"}),
    "interview": frozenset({"interviewee", "interviewer", "contributor", "translator"}),
    "document": frozenset({"author", "contributor", "editor", "translator"}),
    "bookSection": frozenset({"author", "contributor", "editor", "translator"}),
    "book": frozenset({"author", "contributor", "editor", "translator"}),
    "report": frozenset({"author", "contributor", "translator"}),
    "journalArticle": frozenset({"author", "contributor", "editor", "translator"}),
    "magazineArticle": frozenset({"author", "contributor", "translator"}),
    "newspaperArticle": frozenset({"author", "contributor", "translator"}),
}
#: CSL variable -> candidate Zotero fields (the first the type allows wins).
#: ``number`` and ``event-place`` have no field on a letter or manuscript in
#: schema 29 and always go to Extra ("Number: 2231", "Event Place: Moscow"),
#: so a telegram keeps them in the same place whatever its type.
_TEXT = {
    "title": ("title",),
    "genre": ("manuscriptType", "letterType", "reportType"),
    "archive": ("archive",),
    "archive_location": ("archiveLocation",),
    "call-number": ("callNumber",),
    "URL": ("url",),
    "publisher-place": ("place",),
    "publisher": ("publisher", "institution"),
    "event-place": (),
    "container-title": ("bookTitle", "publicationTitle"),
    "collection-title": ("series", "seriesTitle"),
    "collection-number": ("seriesNumber",),
    "volume": ("volume",),
    "issue": ("issue",),
    "page": ("pages",),
    "number": ("reportNumber",),
    "ISBN": ("ISBN",),
    "ISSN": ("ISSN",),
    "DOI": ("DOI",),
    "section": ("section",),
    "language": ("language",),
    "title-short": ("shortTitle",),
    "edition": ("edition",),
    "number-of-pages": ("numPages",),
}
_TEXT_KEYS = {k.lower(): k for k in _TEXT}
_NAMES = ("author", "recipient", "editor", "translator", "contributor", "interviewer")
#: CSL name variable -> Zotero creator type, where the item type names it
#: otherwise (Zotero's CSL mapping: an interview's author is the interviewee).
_CREATOR_ROLE = {("interview", "author"): "interviewee"}
_CSL_ROLE = {"interviewee": "author"}
#: Extra labels for CSL variables; Zotero's ``extraToCSL`` turns the
#: capitalized ones into CSL keys and citeproc-js reads them as variables.
#: ``archive_collection`` must stay lower case with "_" (extraToCSL leaves it
#: alone and citeproc-js takes it literally).
_EXTRA_LABEL = {
    "archive_collection": "archive_collection",
    "archive-place": "Archive Place",
    "event-place": "Event Place",
    "number": "Number",
    "genre": "genre",
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
    "number": "number",
}
#: Zotero's CSL export and Better BibTeX read the key from this Extra line;
#: schema 29 has no ``citationKey`` field.
CITATION_KEY = "Citation Key"


def _date(issued: Any) -> str | None:
    if not isinstance(issued, Mapping):
        return None
    edtf = date_to_edtf(issued)
    if edtf is not None or issued.get("date-parts"):
        return edtf
    text = issued.get("literal") or issued.get("raw")
    return str(text) if text else None


def zotero_name_parts(name: Mapping[str, Any]) -> tuple[str, str]:
    """(last, first) of a personal CSL name as Zotero keeps it: particles in
    the names (a non-dropping one before the family name, a dropping one after
    the given name) and the suffix after a comma, where citeproc-js parses
    them back out."""
    family = str(name["family"])
    if name.get("non-dropping-particle"):
        family = f"{name['non-dropping-particle']} {family}"
    given = " ".join(
        str(p) for p in (name.get("given"), name.get("dropping-particle")) if p
    )
    if name.get("suffix"):
        given = f"{given}, {name['suffix']}" if given else str(name["suffix"])
    return family, given


def _creator(name: Mapping[str, Any], role: str) -> dict[str, str]:
    if name.get("literal") or not name.get("family"):
        return {
            "creatorType": role,
            "name": str(name.get("literal") or name.get("given") or ""),
        }
    family, given = zotero_name_parts(name)
    return {"creatorType": role, "firstName": given, "lastName": family}


def extra_name(name: Mapping[str, Any]) -> str:
    # Zotero's Extra convention for a name: "Last || First".
    if name.get("literal") or not name.get("family"):
        return str(name.get("literal") or name.get("given") or "")
    family, given = zotero_name_parts(name)
    return f"{family} || {given}".rstrip(" |")


def _lower(word: str) -> bool:
    return word[:1].islower()


def _csl_person(last: str, first: str) -> dict[str, str]:
    """A CSL name from Zotero's last and first name, particles and suffix
    parsed out as citeproc-js does (the inverse of :func:`zotero_name_parts`)."""
    name: dict[str, str] = {}
    words = last.split()
    n = 0
    while n < len(words) - 1 and _lower(words[n]):
        n += 1
    if n:
        name["non-dropping-particle"] = " ".join(words[:n])
    name["family"] = " ".join(words[n:]) if n else last
    given, comma, suffix = first.partition(", ")
    given_words = given.split()
    k = len(given_words)
    while k > 1 and _lower(given_words[k - 1]):
        k -= 1
    if k < len(given_words):
        name["dropping-particle"] = " ".join(given_words[k:])
        given = " ".join(given_words[:k])
    if given:
        name["given"] = given
    if comma and suffix.strip():
        name["suffix"] = suffix.strip()
    return name


def _csl_name_from_extra(text: str) -> dict[str, str]:
    if "||" in text:
        family, given = (s.strip() for s in text.split("||", 1))
        return _csl_person(family, given)
    return {"literal": text.strip()}


def _extra_lines(
    csl: Mapping[str, Any], itype: str
) -> tuple[list[str], dict[str, str]]:
    """(Extra lines, Zotero fields) for the text variables of one CSL item."""
    allowed = FIELDS[itype]
    fields: dict[str, str] = {}
    extra: list[str] = []
    for var, candidates in _TEXT.items():
        value = csl.get(var)
        if value in (None, ""):
            continue
        target = next((c for c in candidates if c in allowed), None)
        if target is not None and target not in fields:
            fields[target] = str(value)
        else:
            extra.append(f"{_EXTRA_LABEL.get(var, var)}: {value}")
    for var, label in _EXTRA_LABEL.items():
        if csl.get(var) and var not in _TEXT:
            extra.append(f"{label}: {csl[var]}")
    return extra, fields


def to_zotero(csl: Mapping[str, Any]) -> dict[str, Any]:
    """A Zotero item (Web API JSON) for one CSL item.

    An untitled archival item gets its supplied title first
    (:func:`archcite.csl.titles.supply_title`).
    """
    csl = supply_title(csl)
    ctype = str(csl.get("type") or "document")
    itype = ITEM_TYPES.get(ctype, "document")
    item: dict[str, Any] = {"itemType": itype}
    extra, fields = _extra_lines(csl, itype)
    if _CSL_TYPES.get(itype) != ctype:
        extra.insert(0, f"type: {ctype}")
    item.update(fields)
    date = _date(csl.get("issued"))
    if date:
        item["date"] = date
    creators: list[dict[str, str]] = []
    for role in _NAMES:
        zrole = _CREATOR_ROLE.get((itype, role), role)
        for name in csl.get(role) or []:
            if zrole in CREATORS[itype]:
                creators.append(_creator(name, zrole))
            else:
                extra.append(f"{role}: {extra_name(name)}")
    item["creators"] = creators
    # Key lines first: citeproc-js stops reading Extra at the first line that
    # is not "key: value", and Zotero only recognizes the citation key line.
    if csl.get("id"):
        extra.append(f"{CITATION_KEY}: {csl['id']}")
    if csl.get("note"):
        extra.append(str(csl["note"]))
    if extra:
        item["extra"] = "\n".join(extra)
    item["tags"] = []
    item["collections"] = []
    item["relations"] = {}
    return item


def citation_key(item: Mapping[str, Any]) -> str | None:
    """The archcite id of a Zotero item: its ``Citation Key:`` line (or field)."""
    data = item.get("data", item)
    if data.get("citationKey"):
        return str(data["citationKey"])
    for line in str(data.get("extra") or "").splitlines():
        label, _, value = line.partition(":")
        if label.strip().lower() == CITATION_KEY.lower() and value.strip():
            return value.strip()
    return None


def from_zotero(item: Mapping[str, Any]) -> dict[str, Any]:
    """The CSL item for a Zotero item (archcite's own or Zotero's export)."""
    data = item.get("data", item)  # the Web API wraps items in {"key", "data"}
    itype = str(data.get("itemType") or "document")
    csl: dict[str, Any] = {
        "id": citation_key(data) or str(data.get("key") or ""),
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
        role = _CSL_ROLE.get(role, role)
        if role not in _NAMES:
            continue
        if creator.get("name"):
            name: dict[str, str] = {"literal": creator["name"]}
        else:
            name = _csl_person(
                str(creator.get("lastName") or ""), str(creator.get("firstName") or "")
            )
        csl.setdefault(role, []).append(name)
    notes: list[str] = []
    for line in str(data.get("extra") or "").splitlines():
        m = _EXTRA_LINE.match(line)
        key = m.group(1).strip().lower() if m else ""
        if m and key in _EXTRA_KEYS:
            csl[_EXTRA_KEYS[key]] = m.group(2)
        elif m and key == "type":
            csl["type"] = m.group(2).strip()
        elif m and key == CITATION_KEY.lower():
            continue
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


def zotero_csl_item(csl: Mapping[str, Any]) -> dict[str, Any]:
    """One item of the Zotero-flavoured CSL-JSON (see :func:`zotero_csl`)."""
    zitem = to_zotero({k: v for k, v in csl.items() if k != "note"})
    out = supply_title(csl)
    itype = zitem["itemType"]
    lines = str(zitem.get("extra") or "").splitlines()
    # Zotero's CSL import would drop these or put them where they do not
    # belong (event-place into a manuscript's place); Extra has them.
    for var in ("archive_collection", "archive-place", "event-place", "number"):
        if var != "number" or "reportNumber" not in FIELDS[itype]:
            out.pop(var, None)
    for role in ("recipient",):
        if role not in CREATORS[itype]:
            out.pop(role, None)
    if out.get("type") == "collection":
        out["type"] = _CSL_TYPES[itype]
    if csl.get("note"):
        lines.append(str(csl["note"]))
    if lines:
        out["note"] = "\n".join(lines)
    else:
        out.pop("note", None)
    return out


def zotero_csl(items: ItemSet | Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """CSL-JSON for Zotero's File → Import that keeps what Zotero's importer drops.

    Zotero maps CSL ``note`` to Extra, so every variable its CSL importer
    would drop (the collection, the archive's place, a telegram's number and
    place of dispatch, a letter-less recipient) moves there as the same
    labelled line the Zotero JSON has, and the supplied title is set. The
    canonical CSL-JSON does not carry these lines: citeproc-py and pandoc
    would not parse them.
    """
    csl_items = items.csl() if isinstance(items, ItemSet) else [dict(i) for i in items]
    return [zotero_csl_item(c) for c in csl_items]


__all__ = [
    "CITATION_KEY",
    "CREATORS",
    "FIELDS",
    "ITEM_TYPES",
    "citation_key",
    "extra_name",
    "from_zotero",
    "to_zotero",
    "zotero_csl",
    "zotero_csl_item",
    "zotero_items",
    "zotero_name_parts",
]
