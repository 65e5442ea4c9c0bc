"""Checks shared by the archival gold sets (development and held-out).

Both sets follow ``docs/archival-fields.md`` and ``tests/gold/README.md``; what
differs between them (the repositories each draws on, how a box may be
numbered, the score floors) is passed in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from archcite.evaluation.archival import GoldNote, Report, format_text, to_json

#: Canonical repository -> place (None: the authority records no place). The
#: first block is docs/archival-fields.md; the rest are the development set's
#: choices for repositories the conventions do not list (tests/gold/README.md).
CANONICAL: dict[str, str | None] = {
    "John F. Kennedy Presidential Library": "Boston, MA",
    "Lyndon Baines Johnson Library": "Austin, TX",
    "National Archives and Records Administration": "College Park, MD",
    "Washington National Records Center": "Suitland, MD",
    "Central Intelligence Agency": None,
    "Department of State": None,
    "Library of Congress": "Washington, DC",
    "Seeley G. Mudd Manuscript Library, Princeton University": "Princeton, NJ",
    "The National Archives": "Kew, UK",
    # not in the conventions doc:
    "National Defense University": "Washington, DC",
    "Dwight D. Eisenhower Presidential Library": "Abilene, KS",
    "Harry S. Truman Presidential Library": "Independence, MO",
    "Franklin D. Roosevelt Presidential Library": "Hyde Park, NY",
    "Herbert Hoover Presidential Library": "West Branch, IA",
    "Gerald R. Ford Presidential Library": "Ann Arbor, MI",
    "Jimmy Carter Presidential Library": "Atlanta, GA",
    "Ronald Reagan Presidential Library": "Simi Valley, CA",
    "Richard Nixon Presidential Library": "Yorba Linda, CA",
    "Manuscripts and Archives, Yale University Library": "New Haven, CT",
    "Hoover Institution Library & Archives": "Stanford, CA",
}
_LABELS = re.compile(
    r"^(?:Box|Folder|Reel|RG|Record Group|Lot|Job|Entry|FRC|File No\.)\b", re.I
)
_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$|^[A-Z][a-z]+ \d{1,2}$")
_DIGITS = re.compile(r"^\d+$")
_TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>{}</body></text></TEI>'


def check_conventions(gold: list[GoldNote], box: re.Pattern[str] = _DIGITS) -> None:
    """Every value of every citation follows the conventions of the gold sets.

    ``box`` is what a box number may look like (the held-out set also has
    letter-prefixed boxes, "H-150").
    """
    for note in gold:
        for c in note.citations:
            f = c.fields
            for name, value in f.items():
                for v in value if isinstance(value, tuple) else (value,):
                    assert v == v.strip() and not v.endswith((",", ";", ":")), (
                        note.id,
                        name,
                    )
                    assert not v.startswith(('"', "“")), (note.id, name, v)
            for name in (
                "box",
                "folder",
                "reel",
                "lot",
                "job",
                "entry",
                "record_group",
            ):
                if name in f:
                    assert not _LABELS.match(str(f[name])), (note.id, name, f[name])
            if "box" in f:
                assert box.match(str(f["box"])), (note.id, f["box"])
            for name in ("reel", "record_group", "entry"):
                if name in f:
                    assert str(f[name]).isdigit(), (note.id, name, f[name])
            if "item.type" in f:
                assert f["item.type"] == str(f["item.type"]).lower(), note.id
            if "item.date" in f:
                assert _DATE.match(str(f["item.date"])), (note.id, f["item.date"])
            cls = f.get("classification")
            if cls is not None:
                assert not str(cls).endswith("."), note.id
                assert c.role == "source", (
                    f"{note.id}: only a source carries the marking"
                )


def check_floors(
    report: Report, overall: float, repository: float, box_folder: float
) -> None:
    """The report's scores are at or above the floors (the table on failure)."""
    data = to_json(report)
    assert data["overall"]["f1"] >= overall, format_text(report)
    assert data["groups"]["repository"]["f1"] >= repository, format_text(report)
    assert data["groups"]["box/folder"]["f1"] >= box_folder, format_text(report)


def reader_texts(
    shared_dir: Path, volumes: list[str], slices: bool = False
) -> dict[str, str]:
    """Note id -> the text the TEI reader produces, for the corpus volumes named
    (``frus/frus1917-72PubDip.xml``), the frus-notes lines and, optionally, every
    note of the slices. Ids are ``VOLUME/NOTE-ID`` as in the gold files.
    """
    from archcite.readers import Source
    from archcite.readers.tei import read_tei

    texts: dict[str, str] = {}
    corpus = shared_dir / "corpus"
    for name in volumes:
        path = corpus / name
        for n in read_tei(Source(path.name, path, path.read_bytes())):
            texts[f"{path.stem}/{n.note_id}"] = n.text
    notes_file = corpus / "frus-notes" / "frus1964-68v29p2.notes.jsonl"
    rows = [json.loads(line) for line in notes_file.read_text("utf-8").splitlines()]
    data = _TEI.format("".join(r["xml"] for r in rows)).encode()
    for row, note in zip(rows, read_tei(Source("notes.xml", None, data)), strict=True):
        key = row["id"] or f"{row['doc']}-unnumbered"
        texts[f"frus1964-68v29p2/{key}"] = note.text
    if not slices:
        return texts
    # Slices are not well-formed as a whole: read each note element on its own.
    for path in sorted((corpus / "frus-slices").glob("frus*.json")):
        sliced = json.loads(path.read_text(encoding="utf-8"))
        for m in re.finditer(
            r'<note\b[^>]*xml:id="([^"]+)"[^>]*>(?:(?!<note\b).)*?</note>',
            sliced["text"],
            re.S,
        ):
            doc = _TEI.format(f"<p>{m.group(0)}</p>").encode()
            for n in read_tei(Source("slice.xml", None, doc)):
                texts[f"{sliced['volume_id']}/{m.group(1)}"] = n.text
    return texts
