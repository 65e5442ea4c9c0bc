"""Assign the location components of an archival citation to its fields.

The components arrive largest unit first (Chicago notes are put in that order
by :mod:`archcite.grammar.archival`); explicit locators ("Box 736", "RG 59",
"Lot 66 D 110") fill their own fields and the plain titles between them become
collection, series, file unit or folder by position (``docs/archival-fields.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archcite.grammar.locators import STRONG, Component, classify

_SERIES_LIKE = re.compile(
    r"(?:\b(?:Series|Subseries|Files?|Materials?|Papers|Records|Collection|Books)\b"
    r"(?:\s*[—–-]\s*\w+)?$|^(?:Series\s+\d|Files\s+of|Papers\s+of|Office\s+Files|"
    r"Records\s+of)|\bFiles?\s*[—–-])"
)
_CENTRAL = re.compile(r"^Central\s+(?:Decimal\s+|Foreign\s+Policy\s+)?Files?\b")


@dataclass(slots=True)
class Fields:
    """Mutable accumulator for one citation's fields (frozen on output)."""

    record_group: str | None = None
    entry: str | None = None
    collection: str | None = None
    series: list[str] = field(default_factory=list)
    file_unit: list[str] = field(default_factory=list)
    box: str | None = None
    folder: list[str] = field(default_factory=list)
    reel: str | None = None
    frames: str | None = None
    lot: str | None = None
    accession: str | None = None
    job: str | None = None
    file_number: list[str] = field(default_factory=list)
    item_type: str | None = None
    strong: bool = False
    legacy_only: bool = True


def join(parts: list[str]) -> str | None:
    return ", ".join(parts) if parts else None


def assign(comps: list[Component]) -> Fields:
    """Assign location components, largest unit first, to fields."""
    f = Fields()
    open_field: list[str] | None = None  # the text field consecutive titles extend
    collection_parts: list[str] = []
    after_accession = False
    for comp in comps:
        loc = classify(comp.text)
        text = comp.text
        if loc is not None and loc.kind in STRONG:
            f.strong = True
        if loc is not None and loc.kind not in ("decimal", "file_no"):
            f.legacy_only = False
        if loc is None or loc.kind == "vol":
            if open_field is not None:
                open_field.append(text)
                continue
            if loc is not None:  # a bare "Vol. IV" continues the file unit
                f.file_unit.append(text)
                open_field = f.file_unit
                continue
            if after_accession or (
                _CENTRAL.match(f.collection or "") and not f.file_number and not f.box
            ):
                f.file_number.append(text)
                continue
            if f.collection is None and not collection_parts:
                collection_parts.append(text)
                # Under a NARA entry the series title itself has commas.
                open_field = collection_parts if f.entry else None
                if f.entry is None:
                    f.collection = text
                continue
            if f.lot and not f.file_unit and not f.box:
                f.file_unit.append(text)
                open_field = f.file_unit
                continue
            if (
                not f.series
                and not f.file_unit
                and f.box is None
                and f.reel is None
                and _SERIES_LIKE.search(text)
            ):
                f.series.append(text)
                open_field = f.series if text.startswith("Series") else None
                continue
            if f.box is not None and f.reel is None and not f.folder:
                if not f.file_unit and not f.job and _SERIES_LIKE.search(text):
                    f.file_unit.append(text)
                    open_field = f.file_unit
                else:
                    f.folder.append(text)
                    open_field = f.folder
                continue
            f.file_unit.append(text)
            open_field = f.file_unit
            continue
        open_field = None
        after_accession = False
        kind = loc.kind
        if kind == "rg":
            f.record_group = loc.value
        elif kind == "entry":
            f.entry = loc.value
        elif kind == "box":
            f.box = loc.value
        elif kind == "folder":
            f.folder = [loc.value]
            # An unquoted folder title may go on past its commas.
            if not loc.value.isdigit():
                open_field = f.folder
        elif kind == "reel":
            f.reel = loc.value
        elif kind == "frames":
            f.frames = loc.value
        elif kind == "microfilm":
            pass
        elif kind in ("lot", "accession"):
            if loc.prefix:
                if f.collection is None and not collection_parts:
                    f.collection = loc.prefix
                else:
                    f.series.append(loc.prefix)
            if kind == "lot":
                f.lot = " ".join(loc.value.split())
            else:
                f.accession = loc.value
                after_accession = True
        elif kind == "job":
            f.job = loc.value
        elif kind == "tna":
            if f.collection is None and not collection_parts:
                f.collection = loc.prefix
            f.file_number.append(loc.value)
        elif kind == "decimal":
            f.file_number.append(loc.value)
            f.item_type = loc.item_type
        else:  # file_no, subject, pnumber
            f.file_number.append(loc.value)
    if collection_parts and f.entry:
        f.collection = ", ".join(collection_parts)
    return f
