"""Assign the location components of an archival citation to its fields.

The components arrive largest unit first (Chicago notes are put in that order
by :mod:`archcite.grammar.archival`); explicit locators ("Box 736", "RG 59",
"Lot 66 D 110") fill their own fields and the plain titles between them become
collection, series, file unit or folder by position (``docs/archival-fields.md``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from archcite.grammar.locators import STRONG, Component, Locator, classify, fonds_units
from archcite.grammar.vocab import FONDS_NAME, YEAR_SPAN

_SERIES_LIKE = re.compile(
    r"(?:\b(?:Series|Subseries|Files?|Materials?|Papers|Records|Collection|Books|"
    r"Meetings)\b"
    r"(?:\s*[—–-]\s*\w+)?$|^(?:Series\s+\d|Files\s+of|Papers\s+of|Office\s+Files|"
    r"Records\s+of)|\bFiles?\s*[—–-])"
)
_CENTRAL = re.compile(r"^Central\s+(?:Decimal\s+|Foreign\s+Policy\s+)?Files?\b")
# A NARA entry title ends with its date span ("…Abroad, Nov. 1917–Apr. 1919").
_ENDS_YEAR = re.compile(r"\b\d{4}$")
# Kinds that hold a unit below the series: a title right before one is a series.
_BELOW = frozenset({"box", "reel", "folder", "filing"})
# A date or date span continues the unit before it ("Documentary Films, ca.
# 1914–ca. 1944"; "President's Daily Diary, May 1, 1965 to September 30, 1965").
_DATE = r"(?:ca?\.\s*)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?\d{4}"
_DATEISH = re.compile(rf"^{_DATE}(?:\s*(?:[–-]|to)\s*{_DATE})?$")


def merge_years(comps: list[Component]) -> list[Component]:
    """Join a bare year span to the title it dates.

    "Central Decimal File, 1960–63", "Records of Charles E. Bohlen, 1942–1952",
    "Series 2: Family and General Correspondence, 1786–1924": the span is part
    of the unit's name, whatever order the units come in.
    """
    out: list[Component] = []
    for comp in comps:
        if out and YEAR_SPAN.pattern.fullmatch(comp.text):
            prev = out[-1]
            kind = classify(prev.text)
            if kind is None or kind.kind == "vol":
                out[-1] = Component(prev.start, comp.end, f"{prev.text}, {comp.text}")
                continue
        out.append(comp)
    return out


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
    folio: str | None = None
    lot: str | None = None
    accession: str | None = None
    job: str | None = None
    file_number: list[str] = field(default_factory=list)
    item_type: str | None = None
    strong: bool = False
    legacy_only: bool = True
    #: two or more units of a fonds ("f. 5, op. 30"): a full location
    fonds: bool = False


def join(parts: list[str]) -> str | None:
    return ", ".join(parts) if parts else None


def assign(comps: list[Component]) -> Fields:
    """Assign location components, largest unit first, to fields."""
    comps = merge_years(comps)
    f = Fields()
    open_field: list[str] | None = None  # the text field consecutive titles extend
    collection_parts: list[str] = []
    after_accession = False
    kinds = [classify(c.text) for c in comps]
    units = fonds_units([c.text for c in comps])
    # Two units of a fonds ("f. 5, op. 30", "fond 89, opis 46") locate a file
    # as surely as a box does, with the repository named or not.
    f.strong = f.fonds = sum(u is not None for u in units) >= 2
    for idx, comp in enumerate(comps):
        loc = kinds[idx]
        text = comp.text
        if units[idx] is not None:
            _fonds_unit(f, units[idx], text)
            open_field = None
            continue
        if loc is not None and loc.kind in STRONG:
            f.strong = True
        if loc is not None and loc.kind not in ("decimal", "file_no"):
            f.legacy_only = False
        if loc is None and FONDS_NAME.pattern.match(text) and not f.entry:
            # A fonds is the collection by its word, wherever it stands; a title
            # before it names the body whose fonds it is (one collection, as
            # "Department of Defense, OSD/OASD/ISA").
            if f.collection and not f.series and not f.file_unit:
                f.collection = f"{f.collection}, {text}"
            else:
                f.collection = f.collection or text
            collection_parts = [f.collection]
            open_field = None
            continue
        if loc is None or loc.kind == "vol":
            if open_field is not None:
                open_field.append(text)
                if open_field is collection_parts and _ENDS_YEAR.search(text):
                    f.collection, open_field = ", ".join(collection_parts), None
                continue
            if (
                loc is not None
            ):  # a bare "Vol. IV": the folder after a box, else a file unit
                if f.box is not None and f.reel is None and not f.folder:
                    f.folder.append(text)
                    open_field = f.folder
                else:
                    f.file_unit.append(text)
                    open_field = f.file_unit
                continue
            if after_accession or (
                _CENTRAL.match(f.collection or "") and not f.file_number and not f.box
            ):
                f.file_number.append(text)
                continue
            if (f.lot or f.accession) and not f.file_unit and not f.box:
                # "RG 59, Lot 72 D 139, Country Files": the lot is the collection
                # level; a title after it is a file unit.
                f.file_unit.append(text)
                open_field = f.file_unit
                continue
            if f.collection is None and not collection_parts:
                collection_parts.append(text)
                # Under a NARA entry the series title itself has commas.
                open_field = collection_parts if f.entry else None
                if f.entry is None:
                    f.collection = text
                elif _ENDS_YEAR.search(text):
                    f.collection, open_field = text, None
                continue
            if (
                not f.series
                and not f.file_unit
                and f.box is None
                and f.reel is None
                and not _DATEISH.match(text)
                and (_SERIES_LIKE.search(text) or _heads_unit(comps, kinds, idx))
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
        elif kind == "subseries":
            f.series.append(text)
        elif kind in ("lot", "accession"):
            if loc.prefix:
                if f.collection is None and not collection_parts:
                    f.collection = loc.prefix
                elif (
                    idx > 0
                    and kinds[idx - 1] is None
                    and comps[idx - 1].text == f.collection
                    and not f.series
                    and not f.entry
                ):
                    # "Department of Defense, OSD/OASD/ISA; FRC 330 68 A 306": the
                    # agency and its office name one collection (gold README, 6).
                    f.collection = f"{f.collection}, {loc.prefix}"
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
        else:  # file_no, subject, pnumber, filing
            f.file_number.append(loc.value)
    if collection_parts and f.entry:
        f.collection = ", ".join(collection_parts)
    return f


def _fonds_unit(f: Fields, unit: str | None, text: str) -> None:
    """Place a unit of a fonds-based archive by its word, as cited with its label:
    fond → collection, opis/svazek → series, papka/delo/a.j./sygn. → file unit,
    list/karta/Blatt → folio (docs/archival-fields.md)."""
    if unit == "fond" and f.collection is None:
        f.collection = text
    elif unit in ("fond", "opis", "svazek"):
        f.series.append(text)
    elif unit == "folio":
        f.folio = text
    else:
        f.file_unit.append(text)


def _heads_unit(comps: list[Component], kinds: list[Locator | None], idx: int) -> bool:
    """Whether the title at ``idx`` has a smaller unit after it, so is a series.

    "National Security File, Countries Series, USSR" and "Papers of George
    Creel, Woodrow Wilson and the Committee …, Box 1": a title between the
    collection and another title (not a volume or date continuing it) or a
    box, reel or folder names the series.
    """
    if idx + 1 >= len(comps):
        return False
    nxt = kinds[idx + 1]
    if nxt is None:
        return not _DATEISH.match(comps[idx + 1].text)
    return nxt.kind in _BELOW


# Locators that hold the document directly: in Chicago order everything up to
# the last of them is the small end of the location.
_SMALL_END = frozenset({"box", "folder", "reel", "frames", "vol"})
_CONTAINERS = frozenset({"box", "reel"})


def chicago_order(
    comps: list[Component], known_collection: Callable[[str], bool]
) -> list[Component]:
    """Put a Chicago location (smallest unit first) into the largest-first order.

    The units above the box ("box 27, DDE Diary Series, Ann Whitman File") are
    reversed one by one, except a collection name the authority knows with a
    comma inside ("White House Office, Office of the Staff Secretary",
    "Executive Secretariat, NSC: Country File"). The units up to the box keep
    their order behind it: "Country Files, Far East, Korea, Vol. IV, box 543" is
    one file unit in box 543; "box 1, vol. I" a volume in box 1.
    """
    comps = _lots_keep_collections(merge_years(comps))
    if _opens_with_lot_file(comps):
        return comps
    last = -1
    for i, comp in enumerate(comps):
        loc = classify(comp.text)
        if loc is not None and loc.kind in _SMALL_END:
            last = i
    small, large = comps[: last + 1], comps[last + 1 :]
    # "International Series, box 24, Ann Whitman File": a series named before
    # its box is still the series, above the box.
    series = [
        c for c in small if classify(c.text) is None and _SERIES_END.search(c.text)
    ]
    if series:
        small = [c for c in small if c not in series]
    joined: list[Component] = []
    for comp in large:
        if joined and classify(comp.text) is None and classify(joined[-1].text) is None:
            both = f"{joined[-1].text}, {comp.text}"
            if known_collection(both) or known_collection(both.split(":")[0]):
                prev = joined[-1]
                joined[-1] = Component(prev.start, comp.end, both)
                continue
        joined.append(comp)
    # One pass, not "c not in containers": membership tests made a run of
    # "Box 1, Box 1, …" quadratic.
    containers: list[Component] = []
    inner: list[Component] = []
    for c in small:
        k = classify(c.text)
        (containers if k is not None and k.kind in _CONTAINERS else inner).append(c)
    return [*reversed(joined), *reversed(series), *containers, *inner]


_SERIES_END = re.compile(r"\b(?:Series|Subseries)$")


def _opens_with_lot_file(comps: list[Component]) -> bool:
    """Whether the location opens with a lot file, its name before the number.

    "Records of the Policy Planning Staff, 1962–1964: Lot 70 D 199, Europe,
    National Archives", "S/P Files: Lot 64 D 563, Europe": FRUS's order, largest
    unit first, with the repository moved to the end; what follows the lot is
    a file in it. Smallest first, the lot file comes after its file ("Europe,
    S/P Files, Lot 64 D 563, RG 59").
    """
    if not comps:
        return False
    first = classify(comps[0].text)
    if first is not None:
        return first.kind in ("lot", "accession") and first.prefix is not None
    nxt = classify(comps[1].text) if len(comps) > 1 else None
    return (
        nxt is not None
        and nxt.kind in ("lot", "accession")
        and (nxt.prefix is None or YEAR_SPAN.pattern.fullmatch(nxt.prefix) is not None)
    )


def _lots_keep_collections(comps: list[Component]) -> list[Component]:
    """Join a title to the lot or accession number right after it.

    "S/P Files, Lot 64 D 563, RG 59": the lot file's name is the collection, as
    in FRUS's "S/P Files: Lot 64 D 563" (a title after the lot, "Lot 58 D 118,
    Records of the Office of …", is the collection already).
    """
    out: list[Component] = []
    for i, comp in enumerate(comps):
        loc = classify(comp.text)
        after = classify(comps[i + 1].text) if i + 1 < len(comps) else None
        if (
            out
            and loc is not None
            and loc.kind in ("lot", "accession")
            and loc.prefix is None
            and classify(out[-1].text) is None
            and (i + 1 == len(comps) or after is not None)
        ):
            prev = out.pop()
            comp = Component(prev.start, comp.end, f"{prev.text}: {comp.text}")
        out.append(comp)
    return out


def drop_record_group_titles(
    comps: list[Component], rg_titled: Callable[[str, str], bool]
) -> list[Component]:
    """Leave out a record group's own title next to its number.

    "Record Group 59, General Records of the Department of State" names RG 59
    twice, and so does Chicago's "Records of the Joint Chiefs of Staff, RG
    218": the title (``rg_titled(number, text)``) is not a collection.
    """
    rgs: dict[int, str] = {}
    for i, comp in enumerate(comps):
        if comp.text[:2] in ("RG", "Re", "rg", "re"):
            loc = classify(comp.text)
            if loc is not None and loc.kind == "rg":
                rgs[i] = loc.value
    if not rgs:
        return comps  # no record group number ("RG 59", "Record Group 59")
    out: list[Component] = []
    for i, comp in enumerate(comps):
        near = [rgs[j] for j in (i - 1, i + 1) if j in rgs]
        if (
            near
            and i not in rgs
            and classify(comp.text) is None
            and any(rg_titled(n, comp.text) for n in near)
        ):
            continue
        out.append(comp)
    return out
