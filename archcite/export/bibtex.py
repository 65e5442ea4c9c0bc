"""CSL-JSON items <-> BibTeX/biblatex, through pybtex, following biblatex-chicago.

Archival documents become ``@misc`` with an ``entrysubtype`` (biblatex-chicago
treats any such entry as unpublished archival material): ``note`` = collection,
``organization`` = repository, ``location`` = its place, ``addendum`` = the
location inside the archive (series, box, folder), ``origdate`` = the date of a
letter. FRUS documents are ``@incollection`` with a ``crossref`` to the volume's
``@book``. Plain BibTeX has no field for most of this, so every entry also
carries the CSL variables under their CSL names (``archive``,
``archive_collection``, ``archive_location``, ``archive-place``, ``recipient``,
``interviewer`` …): BibTeX styles ignore unknown fields, and reading the file back restores the
CSL item exactly.

Two flavours: ``biblatex`` (UTF-8, ``date``/``location``) and ``bibtex`` (ASCII
LaTeX, ``year``/``month``/``address`` as well).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pybtex.bibtex.utils import split_name_list
from pybtex.database import BibliographyData, Entry, Person, parse_string
from pybtex.scanner import PybtexError

from archcite.csl import CSL_TYPES, TYPE_ALIASES, date_to_edtf, edtf_to_date
from archcite.csl.titles import genre_number, is_archival, supply_title
from archcite.errors import InputError
from archcite.export.latex_text import LatexWriter, from_latex, to_latex
from archcite.items import ItemSet, as_itemset

Flavor = Literal["bibtex", "biblatex"]

_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTHS = [m[:3].lower() for m in _MONTH_NAMES]
#: CSL variables written under their own names so a round trip loses nothing.
_EXTRA_TEXT = (
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "event-place",
    "genre",
    "call-number",
    "language",
    "medium",
    "source",
    "collection-number",
)
_EXTRA_NAMES = ("recipient", "interviewer")
#: CSL text variable -> biblatex field, for every entry type.
_COMMON = {
    "title": "title",
    "URL": "url",
    "DOI": "doi",
    "ISBN": "isbn",
    "note": "annotation",
    "volume": "volume",
    "page": "pages",
    "publisher": "publisher",
    "container-title": "booktitle",
    "collection-title": "series",
    "edition": "edition",
    "abstract": "abstract",
}
_NAMES = {"author": "author", "editor": "editor", "translator": "translator"}
_NAME_VARIABLES = {v: k for k, v in _NAMES.items()}
_TYPES = {
    "book": "book",
    "chapter": "incollection",
    "article-journal": "article",
    "report": "report",
    "thesis": "thesis",
    "webpage": "online",
}
_FROM_TYPE = {
    "book": "book",
    "collection": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "article": "article-journal",
    "report": "report",
    "techreport": "report",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "online": "webpage",
    "unpublished": "manuscript",
    "letter": "personal_communication",
    "misc": "document",
}
_SUBTYPE = {"personal_communication": "letter"}
#: Titles are printed as written ("U.S.-USSR", "NSAM"): braces stop BibTeX
#: styles and pandoc from changing their case.
_KEEP_CASE = frozenset({"title", "booktitle", "series"})
#: biblatex list fields split at " and "; "National Archives and Records
#: Administration" is one name.
_LIST_FIELDS = frozenset(
    {"organization", "institution", "location", "address", "publisher"}
)


def _key(item_id: str) -> str:
    """A BibTeX-safe key: no spaces, commas, braces, quotes, ``#%~=\\``."""
    key = re.sub(r"[\s,{}\"#%~=\\()']+", "-", item_id).strip("-")
    return key or "item"


# -- names -----------------------------------------------------------------------


def _person(
    name: Mapping[str, Any], ascii_only: bool, for_pybtex: bool = False
) -> Person:
    def tex(s: Any) -> str:
        return to_latex(str(s), ascii_only, for_pybtex)

    if name.get("literal") or not name.get("family"):
        # Braces keep an institution's name whole ("{Department of State}").
        return Person(
            last="{" + tex(name.get("literal") or name.get("given") or "") + "}"
        )
    family = tex(name["family"])
    particle = name.get("non-dropping-particle")
    if particle:
        family = f"{tex(particle)} {family}"
    if " " in family or family[:1].islower() or "," in str(name["family"]):
        family = "{" + family + "}"
    given = tex(name.get("given") or "")
    if _AND_WORD.search(given):
        # BibTeX splits name lists at "and" in any case: "And A" must stay whole.
        given = "{" + given + "}"
    return Person(first=given, last=family, lineage=tex(name.get("suffix") or ""))


_AND_WORD = re.compile(r"\band\b", re.IGNORECASE)


def _csl_name(person: Person) -> dict[str, str]:
    last = " ".join(person.prelast_names + person.last_names)
    given = " ".join(person.first_names + person.middle_names)
    suffix = " ".join(person.lineage_names)
    if not given and not suffix and last.startswith("{") and last.endswith("}"):
        return {"literal": from_latex(last)}
    out = {"family": from_latex(last)}
    if given:
        out["given"] = from_latex(given)
    if suffix:
        out["suffix"] = from_latex(suffix)
    return out


# -- CSL -> entry ----------------------------------------------------------------


def to_entry(
    csl: Mapping[str, Any],
    flavor: Flavor = "biblatex",
    crossref: str | None = None,
    skipbib: bool = False,
    for_pybtex: bool = False,
) -> Entry:
    """One pybtex entry for one CSL item (see the module docstring).

    ``for_pybtex``: values for pybtex's own writer (see ``to_latex``).
    """
    ascii_only = flavor == "bibtex"
    fields: dict[str, str] = {}
    persons: dict[str, list[Person]] = {}

    def put(name: str, value: Any) -> None:
        if value in (None, "", []):
            return
        tex = to_latex(str(value), ascii_only, for_pybtex)
        if name in _KEEP_CASE or (name in _LIST_FIELDS and " and " in tex.lower()):
            tex = "{" + tex + "}"
        fields[name] = tex

    ctype = str(csl.get("type") or "document")
    archival = is_archival(csl)
    if archival:
        etype = "misc"
        put("entrysubtype", _SUBTYPE.get(ctype, ctype))
        put("note", csl.get("archive_collection") if ctype != "collection" else None)
        put("organization", csl.get("archive"))
        put("location" if not ascii_only else "address", csl.get("archive-place"))
        put("addendum", csl.get("archive_location"))
    else:
        etype = _TYPES.get(ctype, "misc")
        put("location" if not ascii_only else "address", csl.get("publisher-place"))
        if ctype in ("book", "chapter"):
            put("number", csl.get("collection-number"))
    if archival or ctype not in ("book", "chapter"):
        put("number", csl.get("number"))
    if ascii_only and archival:
        put("location", csl.get("archive-place"))
    for var, field_name in _COMMON.items():
        put(field_name, csl.get(var))
    put("type", csl.get("genre") if not archival and ctype == "report" else None)
    for var in _EXTRA_TEXT:
        put(var, csl.get(var))
    for var, field_name in {**_NAMES, **{v: v for v in _EXTRA_NAMES}}.items():
        names = csl.get(var)
        if names:
            persons[field_name] = [_person(n, ascii_only, for_pybtex) for n in names]
    issued = csl.get("issued")
    if isinstance(issued, Mapping):
        edtf = date_to_edtf(issued)
        if edtf is None:
            put("issued-literal", issued.get("literal") or issued.get("raw"))
        else:
            # biblatex-chicago dates letters by origdate; Zotero's importer
            # and pandoc read only date, so both are written.
            put("date", edtf)
            if ctype == "personal_communication" and archival:
                put("origdate", edtf)
        if ascii_only and edtf:
            first = edtf.split("/")[0].split("-")
            put("year", first[0])
            if len(first) > 1:
                month = int(first[1])
                # Spelled out: pybtex's writer quotes values, so "feb" would
                # print as "feb", not as the month macro.
                put("month", _MONTH_NAMES[month - 1] if 1 <= month <= 12 else None)
            if len(first) > 2:
                put("day", str(int(first[2])))
    if archival or csl.get("interviewer"):
        # Zotero's BibTeX importer reads no interviewer field: the note keeps them.
        put("annote", zotero_note(csl))
    if crossref:
        put("crossref", crossref)
    if skipbib:
        put("options", "skipbib")
    return Entry(etype, fields=fields, persons=persons)


#: What Zotero's BibTeX importer cannot map onto its item (an archival
#: ``@misc`` becomes a Zotero document), as labelled lines in ``annote``,
#: which it keeps as a child note a person can read.
_NOTE_LINES = (
    ("archive", "Archive"),
    ("archive_location", "Loc. in Archive"),
    ("archive_collection", "archive_collection"),
    ("archive-place", "Archive Place"),
    ("number", "Number"),
    ("event-place", "Event Place"),
)


def zotero_note(csl: Mapping[str, Any]) -> str | None:
    """The labelled lines for ``annote`` ("Archive Place: Boston, MA" …)."""
    # An untitled letter's number rides in its genre ("telegram no. 2231"),
    # which BibTeX.js drops with the rest of an archival @misc's fields.
    values = {**csl, "number": csl.get("number") or genre_number(csl)}
    lines = [f"{label}: {values[var]}" for var, label in _NOTE_LINES if values.get(var)]
    for role in _EXTRA_NAMES:
        for name in csl.get(role) or []:
            family = name.get("family") or name.get("literal") or ""
            given = f" || {name['given']}" if name.get("given") else ""
            lines.append(f"{role}: {family}{given}")
    return "\n".join(lines) or None


def to_bibliography(
    items: ItemSet | Iterable[Mapping[str, Any]],
    flavor: Flavor = "biblatex",
    for_pybtex: bool = False,
) -> BibliographyData:
    """Entries for every item; children name their parent in ``crossref``.

    Archival documents whose collection has two or more cited documents get
    ``options = {skipbib}``: the bibliography lists the collection instead
    (CMOS; biblatex-chicago's ``house:papers`` example).
    """
    itemset = as_itemset(items)
    keys: dict[str, str] = {}
    used: set[str] = set()
    for item in itemset:
        key = base = _key(item.id)
        n = 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        keys[item.id] = key
        used.add(key)
    cited = Counter(item.parent for item in itemset if item.parent)
    entries: list[tuple[str, Entry]] = []
    for item in itemset:
        # A .bib is Zotero-bound too: untitled archival items get their
        # supplied title (biblatex-chicago's descriptive title).
        csl = supply_title(item.to_csl())
        parent = itemset.get(item.parent) if item.parent else None
        crossref = keys[parent.id] if parent and parent.kind == "volume" else None
        skip = bool(parent and parent.kind == "collection" and cited[parent.id] > 1)
        entries.append(
            (keys[item.id], to_entry(csl, flavor, crossref, skip, for_pybtex))
        )
    return BibliographyData(entries=entries)


def dumps(
    items: ItemSet | Iterable[Mapping[str, Any]], flavor: Flavor = "biblatex"
) -> str:
    """The ``.bib`` text (always UTF-8; ASCII only in the bibtex flavour)."""
    bib = to_bibliography(items, flavor)
    text: str = LatexWriter(encoding="UTF-8").to_string(bib)
    header = (
        "% Written by archcite. Archival entries follow biblatex-chicago (misc +\n"
        "% entrysubtype); fields named like CSL variables keep the archival data.\n\n"
    )
    return header + text


# -- entry -> CSL ----------------------------------------------------------------


def from_entry(key: str, entry: Entry) -> dict[str, Any]:
    """The CSL item for one entry (archcite's own or anyone's)."""
    f = {k.lower(): v for k, v in entry.fields.items()}
    etype = entry.type.lower()

    def get(name: str) -> str | None:
        value = f.get(name)
        return from_latex(value) if value else None

    subtype = get("entrysubtype")
    archival = etype == "misc" and subtype is not None
    if archival:
        assert subtype is not None
        ctype = TYPE_ALIASES.get(subtype, subtype)
        if ctype not in CSL_TYPES:
            ctype = "manuscript"
    else:
        ctype = _FROM_TYPE.get(etype, "document")
    csl: dict[str, Any] = {"id": key, "type": ctype}
    for var, field_name in _COMMON.items():
        value = get(field_name)
        if value:
            csl[var] = value
    place = get("location") or get("address")
    if archival:
        fallback = {
            "archive": get("organization") or get("institution"),
            "archive_collection": get("note"),
            "archive-place": place,
            "archive_location": get("addendum"),
        }
        csl.update({k: v for k, v in fallback.items() if v})
    else:
        if place:
            csl["publisher-place"] = place
        if get("institution") or get("organization"):
            csl.setdefault("publisher", get("institution") or get("organization"))
        if etype in ("book", "incollection", "inbook") and get("number"):
            csl["collection-number"] = get("number")
        if get("note") and "note" not in csl:
            csl["note"] = get("note")
        if etype == "report" and get("type"):
            csl["genre"] = get("type")
    if get("number") and (archival or etype not in ("book", "incollection", "inbook")):
        csl["number"] = get("number")
    for var in _EXTRA_TEXT:  # archcite's own CSL-named fields win
        value = get(var)
        if value:
            csl[var] = value
    for role, people in entry.persons.items():
        var = _NAME_VARIABLES.get(role.lower(), role.lower())
        if var in _CSL_NAMES and people:
            csl[var] = [_csl_name(p) for p in people]
    for var in _EXTRA_NAMES:
        # pybtex parses only author/editor as names; the rest stay text.
        if f.get(var) and var not in csl:
            csl[var] = [_csl_name(Person(n)) for n in split_name_list(f[var])]
    date_text = get("date") or get("origdate")
    date = edtf_to_date(date_text) if date_text else None
    if date is None and get("year"):
        parts = [get("year"), get("month"), get("day")]
        date = _year_month(parts)
    if date is not None:
        csl["issued"] = date
    elif get("issued-literal"):
        csl["issued"] = {"literal": get("issued-literal")}
    return csl


def _year_month(parts: list[str | None]) -> dict[str, Any] | None:
    year, month, day = parts
    if not year or not year.strip().lstrip("-").isdigit():
        return {"literal": year} if year else None
    dp: list[int] = [int(year)]
    if month:
        m = month.strip().lower()[:3]
        if m in _MONTHS:
            dp.append(_MONTHS.index(m) + 1)
        elif m.isdigit():
            dp.append(int(m))
        if len(dp) == 2 and day and day.strip().isdigit():
            dp.append(int(day))
    return {"date-parts": [dp]}


_CSL_NAMES = frozenset({"author", "editor", "translator", "recipient", "interviewer"})


def from_bibliography(bib: BibliographyData) -> list[dict[str, Any]]:
    return [from_entry(key, entry) for key, entry in bib.entries.items()]


def loads(text: str, name: str = "<bib>") -> list[dict[str, Any]]:
    """CSL items from ``.bib`` text; a syntax error is an :class:`InputError`."""
    try:
        bib = parse_string(text, "bibtex")
    except (PybtexError, UnicodeError) as exc:
        raise InputError(f"not a readable BibTeX file ({exc})", name) from None
    return from_bibliography(bib)


__all__ = [
    "dumps",
    "from_bibliography",
    "from_entry",
    "is_archival",
    "loads",
    "to_bibliography",
    "to_entry",
]
