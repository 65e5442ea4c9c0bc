"""Readable, deterministic ids for items (``jfkl-nsf-box334-nsam129``).

Built only from an item's own data, never from its position in a document, so
an id does not change when unrelated notes change. Repository and collection
names become acronyms (the authority's ``repository_id`` wins when known);
boxes, folders and file units become short slugs; a document adds its first
author's family name and its date.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from archcite.authority.catalog import HISTORY_STATE
from archcite.model import ArchivalRef, FrusRef

_MAX_ID = 64
_STOP = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "at",
        "a",
        "an",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "der",
        "die",
        "und",
        "y",
        "et",
        "&",
        "presidential",
    ]
)
_BOX = re.compile(r"\bbox(?:es)?\s+([\w–-]+)", re.IGNORECASE)
_FOLDER = re.compile(r"\bfolder\s+([^,;]+)", re.IGNORECASE)
_HSG = f"{HISTORY_STATE}/"

# -- ids -----------------------------------------------------------------------


#: Letters NFKD does not decompose into a base letter.
_LETTERS = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "Đ": "D",
        "đ": "d",
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "Þ": "Th",
        "þ": "th",
        "ı": "i",
    }
)


def _ascii(text: str) -> str:
    """Accents dropped; dashes kept as separators so "1967–69" stays two numbers."""
    text = text.translate(_LETTERS)
    text = re.sub(r"[\u2010-\u2015\u2212/]", "-", text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def slug(text: str, max_words: int = 6) -> str:
    """Lower-case ASCII words joined by hyphens ("USSR, General, 2/62" → ...)."""
    words = re.findall(r"[a-z0-9]+", _ascii(text).lower())
    return "-".join(words[:max_words])


def acronym(name: str) -> str:
    """Initials of the significant words; numbers are kept whole.

    "John F. Kennedy Presidential Library" → ``jfkl``; "National Security
    Files" → ``nsf``; "RG 59, Central Files 1967–69" → ``rg59-cf-1967-69``. A
    leading "The" counts ("The National Archives" → ``tna``): it is part of the
    name.
    """
    return "-".join(p for p in (_acronym(seg) for seg in name.split(",")) if p)


def _acronym(segment: str) -> str:
    words = re.findall(r"[A-Za-z]+|[0-9]+", _ascii(segment))
    letters: list[str] = []
    numbers: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if word.isdigit():
            numbers.append(word)
        elif low in _STOP and not (i == 0 and low == "the" and len(words) > 1):
            continue
        elif word.isupper() and len(word) > 1:
            letters.append(low)  # already an acronym: NSC, RG, OSD
        else:
            letters.append(low[0])
    if len(letters) == 1 and len(letters[0]) > 1 and len(numbers) == 1:
        return letters[0] + numbers[0]  # "RG 59" → rg59, "FO 371" → fo371
    return "-".join(p for p in ["".join(letters), *numbers] if p)


def _compact(text: str) -> str:
    """Short unit labels lose their separators: "NSAM No. 129" → ``nsam129``."""
    first = text.split(",")[0]
    first = re.sub(r"\b(?:No|Nos|Number|Vol)\.?\s*", " ", first, flags=re.IGNORECASE)
    s = slug(first, 4)
    return s.replace("-", "") if len(s) <= 12 else s


def _family(name: Any) -> str:
    if isinstance(name, Mapping):
        text = str(name.get("family") or name.get("literal") or "")
    else:
        text = str(name)
    words = slug(text).split("-")
    return words[-1] if words and words[-1] else ""


def _date_token(csl: Mapping[str, Any]) -> str:
    issued = csl.get("issued")
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if parts and parts[0]:
            return "".join(
                f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts[0])
            )
        if issued.get("literal") or issued.get("raw"):
            return slug(str(issued.get("literal") or issued.get("raw")), 3)
    return ""


def trim_id(parts: Sequence[str]) -> str:
    out = "-".join(p for p in parts if p)
    if len(out) > _MAX_ID:
        out = out[:_MAX_ID].rsplit("-", 1)[0]
    return out or "item"


def collection_id(
    archive: str | None, collection: str | None, rg: str | None = None
) -> str:
    """Id of an archival collection item: ``jfkl-nsf``, ``nara-rg59-cf-1967-69``."""
    return trim_id(
        [
            acronym(archive or ""),
            f"rg{slug(rg).replace('-', '')}" if rg else "",
            acronym(collection or ""),
        ]
    )


def archival_id(ref: ArchivalRef | None, csl: Mapping[str, Any]) -> str:
    """Readable id of an archival document from its reference (or its CSL)."""
    archive = str(csl.get("archive") or "")
    coll = str(csl.get("archive_collection") or "")
    location = str(csl.get("archive_location") or "")
    parts: list[str] = []
    if ref is not None:
        repo = ref.repository_id or acronym(
            ref.repository or ref.repository_as_cited or archive
        )
        parts += [repo]
        if ref.record_group:
            parts.append("rg" + slug(ref.record_group).replace("-", ""))
        parts.append(acronym(ref.collection or coll))
        parts += [
            f"e{slug(ref.entry)}" if ref.entry else "",
            f"job{slug(ref.job)}" if ref.job else "",
            f"lot{slug(ref.lot).replace('-', '')}" if ref.lot else "",
            f"reel{slug(ref.reel)}" if ref.reel else "",
            f"box{slug(ref.box)}" if ref.box else "",
            slug(ref.folder, 4) if ref.folder else "",
            _compact(ref.file_unit) if ref.file_unit else "",
            slug(ref.file_number, 5) if ref.file_number else "",
        ]
    else:
        parts += [acronym(archive), acronym(coll)]
        box = _BOX.search(location)
        folder = _FOLDER.search(location)
        parts += [
            f"box{slug(box.group(1))}" if box else "",
            slug(folder.group(1), 4) if folder else "",
        ]
        if not box and not folder and location:
            parts.append(_compact(location))
    authors = csl.get("author") or []
    if authors:
        parts.append(_family(authors[0]))
    parts.append(_date_token(csl))
    # Only a title the note quotes: a supplied one (csl.titles) restates
    # the type, the file unit or the collection, and must not move the id.
    quoted = ref.item.title if ref is not None else csl.get("title")
    title = _compact(str(quoted or ""))
    if not (authors or csl.get("issued")) and title and title not in parts:
        parts.append(title)
    return trim_id(parts)


def frus_volume_id(csl: Mapping[str, Any], ref: FrusRef | None = None) -> str:
    if ref is not None and ref.volume_id:
        return ref.volume_id
    url = str(csl.get("URL") or "")
    if url.startswith(_HSG):
        return url[len(_HSG) :].split("/")[0]
    return trim_id(
        [
            "frus",
            slug(str(csl.get("collection-number") or ""), 3),
            slug(str(csl.get("volume") or ""), 4),
        ]
    )


def work_id(csl: Mapping[str, Any]) -> str:
    """``gaddis-strategies-of-containment-1982``; a volume of a multi-volume
    book or documentary edition is an item of its own and says which
    (``link-the-papers-of-woodrow-vol43-1983``), so that two volumes of one
    edition do not fall back on hashes.
    """
    authors = csl.get("author") or csl.get("editor") or []
    volume = str(csl.get("volume") or "") if csl.get("type") == "book" else ""
    return trim_id(
        [
            _family(authors[0]) if authors else "",
            slug(str(csl.get("title") or ""), 4),
            f"vol{slug(volume).replace('-', '')}" if volume else "",
            _date_token(csl)[:4],
        ]
    )
