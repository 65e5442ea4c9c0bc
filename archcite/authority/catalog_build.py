"""Build the FRUS volume catalog that ships in ``archcite/authority/frus_catalog.json``.

Two sources are supported:

* the ``frus-catalog-source`` folder of the archcite workspace (the DERIVED
  JSON Lines records for 563 volumes plus the sitemap CSV of 546 volume ids with
  document and page-image counts) — :func:`build_from_derived`;
* a local clone of the public HistoryAtState/frus repository, its
  ``bibliography/*.xml`` records and the ``teiHeader`` of every
  ``volumes/*.xml`` — :func:`build_from_clone`. Users run it through
  ``archcite frus catalog build PATH`` when new volumes appear.

Both produce the same compact record per volume (see :data:`FIELDS`). Long
fields the recognizer never needs (summaries, administrative history, external
locations) are dropped to keep the package small. Source quirks are kept as
found, except that whitespace is collapsed and an empty string becomes ``None``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from archcite.errors import InputError
from archcite.readers.xmlsafe import iterparse, parse_bytes, refuse_entity_declarations

FORMAT = 1
#: the keys of one catalog record, in output order
FIELDS = (
    "title",
    "series",
    "subseries",
    "volume_number",
    "volume_title",
    "editors",
    "general_editors",
    "published",
    "status",
    "media",
    "isbn",
    "documents",
    "pages",
    "last_page",
)
DERIVED_FILES = (
    "DERIVED-catalog-pre1945.jsonl",
    "DERIVED-catalog-1945-54.jsonl",
    "DERIVED-catalog-1955plus.jsonl",
)
SAMPLE_FILE = "DERIVED-catalog-sample.json"
#: folders of raw bibliography records (``<volume id>``), read for what the
#: DERIVED files leave out: the length of the volume's body in pages
RECORD_DIRS = ("HistoryAtState-frus-bibliography", "hsg-shell-frus-meta")
COUNTS_FILE = "DERIVED-volume-ids-from-hsg-shell-sitemaps.csv"
_ID = re.compile(r"^frus(\d{4})(?:-(\d{2}))?")
_TEI = "{http://www.tei-c.org/ns/1.0}"


def subseries_of(volume_id: str) -> str | None:
    """The subseries as the Office of the Historian prints it: ``1961–1963``, ``1918``.

    Derived from the id rather than the record, because the records' sub-series
    text is inconsistent (slugs, bare series names, empty for retrospectives).
    """
    m = _ID.match(volume_id)
    if m is None:
        return None
    start, end2 = m.group(1), m.group(2)
    if end2 is None:
        return start
    century = start[:2] if end2 >= start[2:] else str(int(start[:2]) + 1)
    return f"{start}–{century}{end2}"


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _names(values: Iterable[Any]) -> list[str]:
    return [n for n in (_clean(v) for v in values) if n]


def _record(raw: dict[str, Any]) -> dict[str, Any]:
    """One DERIVED record (either file convention) as a catalog record."""
    editors = _names(raw.get("editors_primary") or [])
    # The sample file keeps role="" editors apart; with no primary they are the editors.
    if not editors:
        editors = _names(raw.get("editors_unspecified") or [])
    return {
        "title": _clean(raw.get("title_complete")),
        "series": _clean(raw.get("series")),
        "subseries": subseries_of(str(raw["id"])),
        "volume_number": _clean(raw.get("volume_number")),
        "volume_title": _clean(raw.get("volume_title")),
        "editors": editors,
        "general_editors": _names(raw.get("editors_general") or []),
        "published": _clean(raw.get("published_year")),
        "status": _clean(raw.get("publication_status")),
        "media": _clean(raw.get("media")),
        "isbn": _clean(raw.get("isbn13")),
        "documents": None,
        "pages": None,
        "last_page": raw.get("body_pages"),
    }


def _bare(volume_id: str) -> dict[str, Any]:
    """A record for an id known only from the sitemap (no bibliography record)."""
    return dict.fromkeys(FIELDS) | {
        "subseries": subseries_of(volume_id),
        "editors": [],
        "general_editors": [],
    }


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def read_counts(path: Path) -> dict[str, tuple[int | None, int | None]]:
    """``volume_id -> (documents, page images)`` from the sitemap CSV."""
    counts: dict[str, tuple[int | None, int | None]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            counts[row["volume_id"]] = (
                _int(row.get("documents_in_sitemap")),
                _int(row.get("page_image_urls_in_sitemap")),
            )
    return counts


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def build_from_derived(source: Path) -> dict[str, Any]:
    """The catalog from the workspace's ``frus-catalog-source`` folder."""
    if not (source / COUNTS_FILE).is_file():
        raise InputError(
            f"not a frus-catalog-source folder (no {COUNTS_FILE})", str(source)
        )
    volumes: dict[str, dict[str, Any]] = {}
    for name in DERIVED_FILES:
        for raw in _jsonl(source / name):
            volumes[str(raw["id"])] = _record(raw)
    sample = source / SAMPLE_FILE
    if sample.is_file():
        # The sample holds hand-checked records for the corpus's own volumes;
        # they win over the bulk files where both exist.
        for raw in json.loads(sample.read_text(encoding="utf-8")):
            volumes[str(raw["id"])] = _record(raw)
    for volume_id, (docs, pages) in read_counts(source / COUNTS_FILE).items():
        record = volumes.setdefault(volume_id, _bare(volume_id))
        record["documents"], record["pages"] = docs, pages
    for folder in RECORD_DIRS:
        for path in sorted((source / folder).glob("*.xml")):
            volume_id, parsed = parse_bibliography(path.read_bytes(), str(path))
            if volume_id in volumes and parsed["last_page"]:
                volumes[volume_id]["last_page"] = parsed["last_page"]
    return _wrap(
        volumes, "frus-catalog-source (DERIVED records + hsg-shell sitemap counts)"
    )


def _wrap(volumes: dict[str, dict[str, Any]], source: str) -> dict[str, Any]:
    ordered = {k: {f: volumes[k][f] for f in FIELDS} for k in sorted(volumes)}
    return {"format": FORMAT, "source": source, "volumes": ordered}


# --- a HistoryAtState/frus clone -------------------------------------------------


def _text(elem: etree._Element | None) -> str | None:
    if elem is None:
        return None
    return _clean("".join(str(t) for t in elem.itertext()))


def parse_bibliography(data: bytes, name: str) -> tuple[str, dict[str, Any]]:
    """One ``bibliography/<id>.xml`` record (no namespace) as ``(id, record)``."""
    root = parse_bytes(data, name)
    volume_id = root.get("id") or Path(name).stem

    def title(kind: str, *alt: str) -> str | None:
        for k in (kind, *alt):
            found = _text(root.find(f"title[@type='{k}']"))
            if found:
                return found
        return None

    editors: dict[str, list[str]] = {}
    for ed in root.findall("editor"):
        name_text = _text(ed)
        if name_text:
            editors.setdefault(ed.get("role") or "", []).append(name_text)
    media = root.find("media")
    raw = {
        "id": volume_id,
        "title_complete": title("complete"),
        "series": title("series"),
        "volume_number": title("volume-number", "volumenumber"),
        "volume_title": title("volume"),
        "editors_primary": editors.get("primary", []),
        "editors_general": editors.get("general", []),
        "editors_unspecified": editors.get("", []),
        "published_year": _text(root.find("published-year")),
        "publication_status": _text(root.find("publication-status")),
        "media": media.get("type") if media is not None else None,
        "isbn13": _text(root.find("isbn13")),
        # the body's length is its last page number (front matter is counted
        # apart, in roman numerals)
        "body_pages": _int(_text(root.find("length/span[@part='body']"))),
    }
    return volume_id, _record(raw)


def read_tei_header(path: Path) -> dict[str, Any]:
    """Titles, editors and document count from one volume's TEI.

    The header is read with a streaming, hardened parser; after ``teiHeader``
    the parser only counts ``div[@type='document']`` start tags and frees every
    finished element, so a 3 MB volume costs little memory.
    """
    name = str(path)
    with path.open("rb") as fh:
        refuse_entity_declarations(fh.read(65536), name)
    header: dict[str, Any] = {}
    documents = 0
    with path.open("rb") as fh:
        for event, elem in iterparse(fh, name):
            if event == "start":
                if elem.tag == f"{_TEI}div" and elem.get("type") == "document":
                    documents += 1
                continue
            if elem.tag == f"{_TEI}teiHeader":
                header = _header_fields(elem)
            if header:
                elem.clear()
    header["documents"] = documents or None
    return header


def _header_fields(head: etree._Element) -> dict[str, Any]:
    stmt = head.find(f"{_TEI}fileDesc/{_TEI}titleStmt")
    fields: dict[str, Any] = {"editors": [], "general_editors": []}
    if stmt is None:
        return fields
    for t in stmt.findall(f"{_TEI}title"):
        kind = t.get("type")
        key = {
            "complete": "title",
            "series": "series",
            "volume": "volume_title",
            "volume-number": "volume_number",
        }.get(kind or "")
        if key and _text(t):
            fields[key] = _text(t)
    for ed in stmt.findall(f"{_TEI}editor"):
        role = ed.get("role")
        name = _text(ed)
        if name and role == "primary":
            fields["editors"].append(name)
        elif name and role == "general":
            fields["general_editors"].append(name)
    date = head.find(f"{_TEI}fileDesc/{_TEI}publicationStmt/{_TEI}date")
    if date is not None:
        year = re.match(r"\d{4}", date.get("when") or _text(date) or "")
        if year:
            fields["published"] = year.group(0)
    return fields


def build_from_clone(repo: Path, read_volumes: bool = True) -> dict[str, Any]:
    """The catalog from a local clone of HistoryAtState/frus.

    Bibliography records give titles, editors, year and status; each volume's
    TEI adds what the record lacks and the document count used for validation.
    """
    bib = repo / "bibliography"
    if not bib.is_dir():
        raise InputError(
            "not a HistoryAtState/frus clone (no bibliography/ folder)", str(repo)
        )
    volumes: dict[str, dict[str, Any]] = {}
    for path in sorted(bib.glob("*.xml")):
        try:
            volume_id, record = parse_bibliography(path.read_bytes(), str(path))
        except InputError:
            continue  # one broken record must not stop a refresh of 800
        volumes[volume_id] = record
    tei_dir = repo / "volumes"
    if read_volumes and tei_dir.is_dir():
        for path in sorted(tei_dir.glob("frus*.xml")):
            try:
                header = read_tei_header(path)
            except (InputError, OSError):
                continue
            record = volumes.setdefault(path.stem, _bare(path.stem))
            for key, value in header.items():
                if value and not record.get(key):
                    record[key] = value
            record["documents"] = header.get("documents")
    return _wrap(volumes, f"HistoryAtState/frus clone at {repo.name}")


def build(path: Path) -> dict[str, Any]:
    """Build from either kind of source, recognised by its layout."""
    if (path / COUNTS_FILE).is_file():
        return build_from_derived(path)
    return build_from_clone(path)


def write(catalog: dict[str, Any], out: Path) -> None:
    """Write compact, stable JSON (one volume a line, so diffs stay readable)."""
    lines = [
        f'{{"format": {catalog["format"]}, "source": {json.dumps(catalog["source"])},'
    ]
    lines.append(' "volumes": {')
    items = list(catalog["volumes"].items())
    for i, (key, record) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        body = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        lines.append(f"  {json.dumps(key)}: {body}{comma}")
    lines.append("}}")
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(out)
