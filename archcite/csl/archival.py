"""CSL-JSON 1.0.2 item for an archival citation.

Mapping (DESIGN.md, ``docs/archival-fields.md``):

* ``archive`` — the repository's canonical name; ``archive-place`` its place;
* ``archive_collection`` — the collection, preceded by the record group for
  NARA records ("RG 59, Central Files 1967–69"), largest first;
* ``archive_location`` — everything inside the collection, largest first and
  most specific last, each unit labelled as cited in FRUS: series, "Entry 111",
  "Lot 66 D 204", "FRC 330 72 A 2468", "Job 79–01025A", file unit, "box 334",
  folder ("folder 8" when the folder is a number, its title otherwise; a
  titled folder left in the location of a document is quoted and put before
  its box, as Chicago notes have it: "folder “USSR, General, 2/62,” box 180"),
  "reel 90", "frames 12–14", file number, folio ("ll. 1–9"). The containers
  (box, folder, reel) are lower case, plural for a run ("boxes 3–4"), as
  Chicago notes print them mid-sentence (CMOS 14.232ff.); the arrangement's
  own designators (Entry, Lot, FRC, Job) keep their capital, as NARA and FRUS
  write them;
* a fonds-based archive's fond is no collection title but the first unit of
  its location: "f. 5, op. 30, d. 335, ll. 1–9" is all ``archive_location``;
* the document: ``author``/``recipient`` as CSL names, ``issued`` as
  date-parts (or ``literal`` when the date is partial), ``genre`` the document
  type ("memorandum", "telegram"), ``title`` the quoted title, ``number`` the
  document's own number ("telegram 2231"), ``event-place`` where it was sent from.

Item type: ``personal_communication`` when the document is addressed to
someone (a letter, memorandum or telegram *from* one person *to* another; CSL
1.0.2 has no ``letter`` type, and its letter type is this one, which Zotero maps
to its "letter" item and Chicago styles render as "Dean Rusk, memorandum to
John F. Kennedy, February 20, 1962"), otherwise ``manuscript`` (an unpublished
document). ``title`` is the quoted title when the note gives one; otherwise
:func:`archcite.csl.titles.supply_title` decides: an addressed document stays
untitled (with ``genre`` and ``number``), another document is titled by its
type as cited, and a file, box or collection becomes a CSL ``collection``
titled by its file unit, folder or collection (docs/archival-fields.md).

The ``id`` is left empty: ids belong to items, which :mod:`archcite.items`
builds from many citations.
"""

from __future__ import annotations

import re
from typing import Any

from archcite.csl.dates import csl_date
from archcite.csl.names import csl_name
from archcite.csl.titles import supply_title
from archcite.grammar.locators import fonds_units
from archcite.model import ArchivalRef

__all__ = ["archival_to_csl"]


def _fond(ref: ArchivalRef) -> bool:
    """Whether the collection is a fond cited by its number ("f. 5")."""
    if not ref.collection:
        return False
    cited = [u for u in (ref.collection, ref.series, ref.file_unit, ref.folio) if u]
    return fonds_units(cited)[0] == "fond"


#: "3-4", "3–5", "3, 5", "3 and 5": a run of numbered containers, not one
_SEVERAL = re.compile(r"\d\s*(?:[-–,&]|and\b)\s*\d")
_PLURAL = {"box": "boxes", "folder": "folders", "reel": "reels"}


_NUMBER_RANGE = re.compile(r"\d+\s*[-–]\s*\d+")


def _numbered(folder: str) -> bool:
    """A folder cited by number ("8", "3–5"), not by its title."""
    return folder.isdigit() or bool(_NUMBER_RANGE.fullmatch(folder))


def _container(word: str, value: str) -> str:
    """ "box 181", "boxes 3-4": the container word lower case, as Chicago notes
    have it (CMOS 14.232ff.) mid-note; a style that starts a sentence with the
    location capitalizes it itself."""
    return f"{_PLURAL[word] if _SEVERAL.search(value) else word} {value}"


def _location(ref: ArchivalRef) -> str | None:
    units: list[str] = [ref.collection] if ref.collection and _fond(ref) else []
    if ref.series:
        units.append(ref.series)
    if ref.entry:
        units.append(f"Entry {ref.entry}")
    if ref.lot:
        units.append(f"Lot {ref.lot}")
    if ref.accession:
        units.append(f"FRC {ref.accession}")
    if ref.job:
        units.append(f"Job {ref.job}")
    if ref.file_unit:
        units.append(ref.file_unit)
    if ref.box:
        units.append(_container("box", ref.box))
    if ref.folder:
        units.append(
            _container("folder", ref.folder) if _numbered(ref.folder) else ref.folder
        )
    if ref.reel:
        units.append(_container("reel", ref.reel))
    if ref.frames:
        units.append(f"frames {ref.frames}")
    if ref.file_number:
        units.append(ref.file_number)
    if ref.folio:
        units.append(ref.folio)
    return ", ".join(units) or None


def archival_to_csl(ref: ArchivalRef, supplied_title: bool = True) -> dict[str, Any]:
    """The CSL-JSON item for ``ref`` (valid against csl-data.json 1.0.2).

    ``supplied_title=False`` gives the item as the note describes it, without
    the supplied title (only item ids use it, so that they do not depend on it).
    """
    item = ref.item
    addressed = bool(item.recipient)
    out: dict[str, Any] = {
        "id": "",
        "type": "personal_communication" if addressed else "manuscript",
    }
    if item.title:
        out["title"] = item.title
    if item.type:
        out["genre"] = item.type
    if item.author:
        out["author"] = [csl_name(a) for a in item.author]
    if item.recipient:
        out["recipient"] = [csl_name(r) for r in item.recipient]
    if item.date:
        out["issued"] = csl_date(item.date)
    if item.place:
        out["event-place"] = item.place
    if item.number:
        out["number"] = item.number
    archive = ref.repository or ref.repository_as_cited
    if archive:
        out["archive"] = archive
    if ref.place:
        out["archive-place"] = ref.place
    collection = [f"RG {ref.record_group}"] if ref.record_group else []
    fond = _fond(ref)
    if ref.collection and not fond:
        collection.append(ref.collection)
    if collection:
        out["archive_collection"] = ", ".join(collection)
    location = _location(ref)
    if location:
        out["archive_location"] = location
    if ref.classification:
        out["note"] = ref.classification
    folder_title = ref.folder if ref.folder and not _numbered(ref.folder) else ""
    if supplied_title:
        # A fonds-based archive's units are numbers, no file title ("d. 335").
        out = supply_title(out, "" if fond else ref.file_unit or folder_title)
    if folder_title and ref.box:
        _label_folder(out, ref.box, folder_title)
    return out


def _label_folder(out: dict[str, Any], box: str, folder: str) -> None:
    """A folder title still in the location, quoted with its label before its box.

    Chicago notes cite "folder “USSR, General, 2/62,” box 180"; unlabelled
    after "box 180" the title could not be told from the box or the collection.
    Done after :func:`supply_title`, which takes a file's folder out of the
    location as the item's title (it is left alone then).
    """
    location = str(out.get("archive_location") or "")
    boxed = _container("box", box)
    plain = f"{boxed}, {folder}"
    if (
        location == plain
        or location.endswith(", " + plain)
        or (plain + ", ") in location
    ):
        out["archive_location"] = location.replace(
            plain, f"folder “{folder},” {boxed}", 1
        )
