"""Zotero items -> Zotero RDF, Zotero's own exchange format (File → Import).

Every item is first the Zotero JSON of :mod:`archcite.export.zotero` (one
typing, supplied titles, the labelled Extra lines), then written in the
vocabulary of Zotero's "Zotero RDF" export, which its RDF importer reads back
field for field: ``z:itemType``; ``dc:title``; creators as ``rdf:Seq`` of
``foaf:Person`` under ``bib:authors``/``bib:editors``/``bib:contributors`` and
``z:recipients``/``z:translators``/``z:interviewees``/``z:interviewers``; ``dc:date``; the publisher and place as a
``foaf:Organization`` with a ``vcard:Address``; a book section's book and a
series as ``dcterms:isPartOf`` nodes; ``dc:coverage`` = Loc. in Archive,
``dc:identifier``/``dcterms:URI`` = URL; ``dc:description`` = Extra (the
importer takes it as Extra when the node has ``z:itemType``); every other
field as ``z:<field>`` (``z:archive``, ``z:letterType`` …), which the importer
copies verbatim.

Only fields the item type has are written, so nothing is dropped on import;
the Extra lines carry the rest (``archive_collection:``, ``Archive Place:``,
``Number:``, ``Event Place:``, ``Citation Key:``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree

from archcite.export.zotero import to_zotero
from archcite.items import ItemSet, as_itemset

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS = {
    "rdf": RDF,
    "z": "http://www.zotero.org/namespaces/export#",
    "dcterms": "http://purl.org/dc/terms/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "bib": "http://purl.org/net/biblio#",
    "prism": "http://prismstandard.org/namespaces/1.2/basic/",
    "vcard": "http://nwalsh.com/rdf/vCard#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}
#: Zotero item type -> (rdf:type of the item, rdf:type of its container)
_CLASSES: dict[str, tuple[str | None, str | None]] = {
    "book": ("bib:Book", None),
    "bookSection": ("bib:BookSection", "bib:Book"),
    "journalArticle": ("bib:Article", "bib:Journal"),
    "magazineArticle": ("bib:Article", "bib:Periodical"),
    "newspaperArticle": ("bib:Article", "bib:Newspaper"),
    "letter": ("bib:Letter", None),
    "interview": ("bib:Interview", None),
    "manuscript": ("bib:Manuscript", None),
    "report": ("bib:Report", None),
    "thesis": ("bib:Thesis", None),
    "document": (None, None),
}
#: Creator types the importer reads from the bib namespace (the rest: z:).
_BIB_CREATORS = ("author", "editor", "contributor")
#: Fields written on the container (book, journal, newspaper) when there is one.
_CONTAINER_FIELDS = {
    "bookTitle": "dc:title",
    "publicationTitle": "dc:title",
    "volume": "prism:volume",
    "issue": "prism:number",
}
#: Fields written on the item itself under a standard property.
_ITEM_FIELDS = {
    "title": "dc:title",
    "date": "dc:date",
    "pages": "bib:pages",
    "extra": "dc:description",
    "archiveLocation": "dc:coverage",
    "rights": "dc:rights",
    "edition": "prism:edition",
    "accessDate": "dcterms:dateSubmitted",
    "abstractNote": "dcterms:abstract",
    "volume": "prism:volume",
    "issue": "prism:number",
    "interviewMedium": "dcterms:medium",
}
#: Zotero's "type" fields, all written as dc:type.
_TYPE_FIELDS = ("letterType", "manuscriptType", "reportType")
_SERIES_FIELDS = {
    "series": "dc:title",
    "seriesTitle": "dcterms:alternative",
    "seriesNumber": "dc:identifier",
}
_PUBLISHER_FIELDS = ("publisher", "institution")
_BOOKKEEPING = frozenset({"itemType", "creators", "tags", "collections", "relations"})


def _q(name: str) -> str:
    prefix, local = name.split(":", 1)
    return f"{{{NS[prefix]}}}{local}"


def _text(parent: etree._Element, name: str, value: str) -> etree._Element:
    el = etree.SubElement(parent, _q(name))
    el.text = value
    return el


def _node(parent: etree._Element, prop: str, cls: str) -> etree._Element:
    """A typed node (``<prop><cls>…</cls></prop>``) under ``parent``."""
    return etree.SubElement(etree.SubElement(parent, _q(prop)), _q(cls))


def _creators(el: etree._Element, creators: list[Mapping[str, str]]) -> None:
    seqs: dict[str, etree._Element] = {}
    for creator in creators:
        role = creator.get("creatorType", "author")
        prop = f"bib:{role}s" if role in _BIB_CREATORS else f"z:{role}s"
        if prop not in seqs:
            seqs[prop] = _node(el, prop, "rdf:Seq")
        person = _node(seqs[prop], "rdf:li", "foaf:Person")
        # A one-field name is a surname alone: Zotero imports it as such.
        _text(
            person, "foaf:surname", creator.get("lastName") or creator.get("name", "")
        )
        if creator.get("firstName"):
            _text(person, "foaf:givenName", creator["firstName"])


def _item(root: etree._Element, zitem: Mapping[str, Any], about: str) -> None:
    itype = str(zitem["itemType"])
    cls, container_cls = _CLASSES.get(itype, (None, None))
    el = etree.SubElement(root, _q(cls or "rdf:Description"))
    el.set(_q("rdf:about"), about)
    _text(el, "z:itemType", itype)
    fields = {k: str(v) for k, v in zitem.items() if k not in _BOOKKEEPING and v}
    container = None
    if container_cls is not None:
        container = _node(el, "dcterms:isPartOf", container_cls)
        for field, prop in _CONTAINER_FIELDS.items():
            if field in fields:
                _text(container, prop, fields.pop(field))
    if any(f in fields for f in _SERIES_FIELDS):
        series = _node(
            container if container is not None else el, "dcterms:isPartOf", "bib:Series"
        )
        for field, prop in _SERIES_FIELDS.items():
            if field in fields:
                _text(series, prop, fields.pop(field))
    publisher = next((fields.pop(f) for f in _PUBLISHER_FIELDS if f in fields), None)
    place = fields.pop("place", None)
    if publisher or place:
        org = _node(el, "dc:publisher", "foaf:Organization")
        if place:
            address = _node(org, "vcard:adr", "vcard:Address")
            _text(address, "vcard:locality", place)
        if publisher:
            _text(org, "foaf:name", publisher)
    _creators(el, list(zitem.get("creators") or []))
    if "url" in fields:
        uri = _node(el, "dc:identifier", "dcterms:URI")
        _text(uri, "rdf:value", fields.pop("url"))
    if "callNumber" in fields:
        term = _node(el, "dc:subject", "dcterms:LCC")
        _text(term, "rdf:value", fields.pop("callNumber"))
    for field in ("ISBN", "ISSN", "DOI"):
        if field in fields:
            target = container if container is not None else el
            _text(target, "dc:identifier", f"{field} {fields.pop(field)}")
    for field in _TYPE_FIELDS:
        if field in fields:
            _text(el, "dc:type", fields.pop(field))
    for field, value in fields.items():
        _text(el, _ITEM_FIELDS.get(field, f"z:{field}"), value)
    display = _display_title(zitem)
    if display:
        _text(el, "z:displayTitle", display)


#: Untitled item types Zotero names by their people: (label, creator type, word).
_DISPLAY = {
    "letter": ("Letter", "recipient", "to"),
    "interview": ("Interview", "interviewer", "of"),
}


def _display_title(zitem: Mapping[str, Any]) -> str | None:
    """What Zotero shows for an untitled letter or interview ("[Letter to Kennedy]").

    Zotero's RDF export writes it (getDisplayTitle in Zotero RDF.js); addressed
    documents are untitled letters by archcite's rule (csl/titles.py), an
    interview outside an archive is untitled.
    """
    display = _DISPLAY.get(str(zitem.get("itemType")))
    if zitem.get("title") or display is None:
        return None
    label, role, word = display
    names = [
        str(c.get("lastName") or c.get("name") or "")
        for c in zitem.get("creators") or []
        if c.get("creatorType") == role
    ]
    text = "[" + label
    if names:
        text += f" {word} " + names[0]
        if len(names) == 2:
            text += " and " + names[1]
        elif len(names) == 3:
            text += f", {names[1]}, and {names[2]}"
        elif len(names) > 3:
            text += " et al."
    return text + "]"


def to_rdf(zitems: Iterable[Mapping[str, Any]]) -> etree._Element:
    """The ``rdf:RDF`` element for Zotero items (Web API JSON)."""
    root = etree.Element(_q("rdf:RDF"), nsmap=NS)
    used: set[str] = set()
    for n, zitem in enumerate(zitems, 1):
        # Like Zotero: the URL names the item unless another item has it.
        about = str(zitem.get("url") or "")
        if not about or about in used:
            about = f"#item_{n}"
        used.add(about)
        _item(root, zitem, about)
    return root


def dumps(items: ItemSet | Iterable[Mapping[str, Any]]) -> str:
    """Zotero RDF (RDF/XML, UTF-8) for every item, in output order."""
    zitems = [to_zotero(c) for c in as_itemset(items).csl()]
    root = to_rdf(zitems)
    text: str = etree.tostring(
        root, pretty_print=True, xml_declaration=True, encoding="UTF-8"
    ).decode("utf-8")
    return text


__all__ = ["NS", "dumps", "to_rdf"]
