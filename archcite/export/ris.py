"""CSL-JSON items -> RIS, with the tags Zotero's and EndNote's importers read.

RIS has a repository tag (``DB``, "name of database", which Zotero imports as
Archive) and a location tag (``AV``, "location in archives"; Zotero's importer
reads ``AV`` and ``AN`` as Loc. in Archive) but none for the collection, the
repository's place, a telegram's number or its place of dispatch. Those go
into ``M2`` lines, which Zotero's importer joins, one per line, into Extra:
exactly the labelled lines of the Zotero JSON (``archive_collection: …``,
``Archive Place: …``, ``Number: …``, ``Event Place: …``; docs/zotero.md), so
the item Zotero makes from the RIS is the item archcite's Zotero JSON
describes. ``CY`` is only ever a publisher's place: Zotero reads it as the
place a document was written, and a letter has none.

Untitled archival items get their supplied title
(:func:`archcite.csl.titles.supply_title`). An archival collection is
``MANSCPT`` (Zotero: manuscript, with ``type: collection`` in Extra): Zotero
imports ``GEN`` as a journal article. An interview is ``PCOMM``, as in Zotero's
own RIS export (RIS has no interview type); Zotero imports it as a letter, with
``type: interview`` and the ``interviewer: Last || First`` lines in Extra.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from archcite.csl.titles import is_archival, supply_title
from archcite.export.zotero import extra_name, to_zotero, zotero_name_parts
from archcite.items import ItemSet, as_itemset

_TY = {
    "manuscript": "MANSCPT",
    "personal_communication": "PCOMM",
    # RIS has no interview type (INTV is none: Zotero imports it as a journal
    # article). Zotero's own RIS export writes an interview as PCOMM, which
    # it imports as a letter; ``type: interview`` in Extra keeps the CSL type.
    "interview": "PCOMM",
    "document": "MANSCPT",
    "chapter": "CHAP",
    "book": "BOOK",
    "report": "RPRT",
    "collection": "MANSCPT",
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "thesis": "THES",
    "webpage": "ELEC",
}
_EOL = "\r\n"  # the RIS specification's line end


def _name(name: Mapping[str, Any]) -> str:
    if name.get("literal") or not name.get("family"):
        return str(name.get("literal") or name.get("given") or "")
    # "Last, First, Suffix" (the RIS specification's order), particles kept.
    family, given = zotero_name_parts(name)
    return f"{family}, {given}" if given else family


def _date(issued: Any) -> tuple[str | None, str | None]:
    """(``PY`` year, ``DA`` "YYYY/MM/DD/") for a CSL date."""
    if not isinstance(issued, Mapping):
        return None, None
    parts = issued.get("date-parts")
    if parts and parts[0]:
        dp = [str(p) for p in parts[0]]
        year = dp[0]
        rest = [p.zfill(2) for p in dp[1:3]]
        return year, "/".join([year, *rest, *[""] * (2 - len(rest))]) + "/"
    literal = issued.get("literal") or issued.get("raw")
    return None, (str(literal) if literal else None)


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())


def _extra(csl: Mapping[str, Any]) -> list[str]:
    """The Extra lines of the item's Zotero JSON, its free-text note last."""
    extra = str(to_zotero(csl).get("extra") or "")
    return [line for line in extra.splitlines() if line.strip()]


def record(csl: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (tag, value) lines of one RIS record, ``TY`` first and ``ER`` last."""
    csl = supply_title(csl)
    ctype = str(csl.get("type") or "document")
    archival = is_archival(csl)
    ty = _TY.get(ctype, "GEN")
    if ctype == "manuscript" and not archival:
        ty = "UNPB"
    lines: list[tuple[str, str]] = [("TY", ty)]

    def add(tag: str, value: Any) -> None:
        if value not in (None, ""):
            lines.append((tag, _one_line(value)))

    add("ID", csl.get("id"))
    add("TI", csl.get("title"))
    for name in csl.get("author") or []:
        add("AU", _name(name))
    # Zotero reads A2 as the recipient of a letter, the editor of a chapter;
    # A3 as a book's editor. A recipient of any other type is in Extra, and so
    # is an interviewer: A2 of a PCOMM would make them the letter's recipient.
    if ctype == "personal_communication":
        for name in csl.get("recipient") or []:
            add("A2", _name(name))
    editor_tag = "A3" if ctype == "book" else "A2"
    for name in csl.get("editor") or []:
        add(editor_tag, _name(name))
    year, date = _date(csl.get("issued"))
    add("PY", year)
    add("DA", date)
    add("M3", csl.get("genre"))
    add("T2", csl.get("container-title"))
    add("T3", csl.get("collection-title"))
    add("VL", csl.get("volume"))
    add("IS", csl.get("issue"))
    add("SP", csl.get("page"))
    add("PB", csl.get("publisher"))
    add("CY", csl.get("publisher-place"))
    add("DB", csl.get("archive"))
    add("AV", csl.get("archive_location"))
    add("CN", csl.get("call-number"))
    add("SN", csl.get("ISBN") or csl.get("ISSN"))
    add("DO", csl.get("DOI"))
    add("UR", csl.get("URL"))
    add("LA", csl.get("language"))
    if ctype == "interview":
        # Zotero imports the PCOMM as a letter: the Extra lines its CSL export
        # and citeproc-js read give back the interview and its interviewers.
        add("M2", f"type: {ctype}")
        for name in csl.get("interviewer") or []:
            add("M2", f"interviewer: {extra_name(name)}")
    for line in _extra(csl):
        add("M2", line)
    lines.append(("ER", ""))
    return lines


def dumps(items: ItemSet | Iterable[Mapping[str, Any]]) -> str:
    """RIS text for every item (UTF-8, CRLF line ends, a blank line between)."""
    csl_items = as_itemset(items).csl()
    out: list[str] = []
    for csl in csl_items:
        for tag, value in record(csl):
            out.append(f"{tag}  - {value}")
        out.append("")
    return _EOL.join(out)


__all__ = ["dumps", "record"]
