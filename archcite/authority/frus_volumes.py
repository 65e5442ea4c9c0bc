"""FRUS volume arithmetic: from what a reference says to a volume of the catalog.

The grammar (:mod:`archcite.grammar.frus`) finds what a note *says* — years,
volume, part, supplement, title words, documents, pages. This module, beside
the catalog it asks (:mod:`archcite.authority.catalog`), turns that into the
Office of the Historian's volume id, builds the history.state.gov links, checks
cited document numbers against the volume's document count, and places a
reference that names no volume: an internal one ("See Document 389") in the
volume being read (:func:`with_volume`), an elliptical one ("vol. ii, p. 6") among
the siblings of that volume (:func:`sibling`), "footnote 2 above" in its
document (:func:`in_document`). The grammar and the resolve stage both call down
to it; it knows nothing of either.

Decisions, documented here because callers rely on them:

* ``pages`` keep each cited page or range as written, with the dash normalized
  to an en dash ("1091–1093", "112 ff.", "ix–xvi"); pages are never expanded,
  because a range of pages is one place in print. Document ranges *are*
  expanded ("Documents 12–14" -> 12, 13, 14): each is a separate document.
* Links are built only for volumes in the catalog: ``/d{n}`` per document,
  ``/pg_{n}`` for each end of each page entry (the TEI links both ends of
  "pp. 531–534"; :func:`archcite.authority.frus_pages.page_ends`), the volume
  URL when the reference names neither.
* ``known`` is true when the volume is in the catalog *and* every cited
  document number is within its document count and every page within its
  pages (when the catalog knows them); otherwise ``reason`` says what is
  wrong and no link is made for a document or page that does not exist.
* A volume the catalog lacks but the authority table ``frus_names.toml``
  declares (the General Index volumes) keeps its id, with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from archcite.authority.catalog import HISTORY_STATE, catalog, parse_id
from archcite.authority.frus_names import frus_names
from archcite.authority.frus_pages import page_ends
from archcite.authority.numerals import int_to_roman, number
from archcite.model import FrusRef


def years_key(start: str, end: str | None) -> str:
    """``("1961", "1963")`` or ``("1961", "63")`` -> ``"1961-63"``; one year -> itself."""
    if not end:
        return start
    return f"{start}-{end[-2:]}"


def subseries_display(key: str) -> str:
    """``"1961-63"`` -> ``"1961–1963"`` (the form the Office of the Historian prints)."""
    if "-" not in key:
        return key
    start, end2 = key.split("-")
    century = start[:2] if end2 >= start[2:] else str(int(start[:2]) + 1)
    return f"{start}–{century}{end2}"


@dataclass(frozen=True, slots=True)
class Parts:
    """What one reference says about its volume, before the catalog is asked."""

    years: str | None = None
    volume: int | None = None
    electronic: bool = False
    part: int | None = None
    supplement: int | None = None
    #: last volume of a microfiche supplement covering several volumes ("VII–IX")
    microfiche: bool = False
    microfiche_last: int | None = None
    title: str = ""


def identify(parts: Parts) -> tuple[str | None, str | None]:
    """The volume id for ``parts`` and, when there is none, the reason."""
    if parts.years is None:
        return None, "no subseries or year"
    cat = catalog()
    rest = ""
    if parts.microfiche:
        rest = (
            f"-{parts.microfiche_last:02d}" if parts.microfiche_last else ""
        ) + "mSupp"
    found = cat.find(
        parts.years,
        parts.volume,
        parts.part,
        electronic=parts.electronic,
        supplement=parts.supplement,
        title=parts.title,
        rest=rest,
    )
    if found is None and parts.volume is None and parts.title and not parts.microfiche:
        # Retrospective and special volumes are cited by title alone
        # ("1945–1950, Emergence of the Intelligence Establishment").
        hits = [
            h
            for h in cat.search_title(parts.title, parts.years)
            if (p := parse_id(h)) is not None and p.volume is None and p.name
        ]
        if len(hits) == 1:
            found = hits[0]
    if found is not None:
        return found, None
    if (only := _only_one(parts)) is not None:
        return only
    extra = _extra_volume(parts)
    if extra is not None:
        return extra
    near = _overlapping_title(parts)
    if near is not None:
        return near, (
            f"matched by title: {describe(parts)} is cited as {near}, "
            "whose years differ (volume planned or renamed)"
        )
    return None, f"no volume in the catalog matches {describe(parts)}"


def _candidates(parts: Parts) -> list[str]:
    """The volumes of the cited years (and supplement) that differ from the
    citation only in what it leaves out: volume or part."""
    out = []
    for volume_id in catalog().volumes_of(parts.years or ""):
        p = parse_id(volume_id)
        if p is None or p.name or p.rest or p.supplement != parts.supplement:
            continue
        if parts.volume is not None and p.volume != parts.volume:
            continue
        if parts.part is not None and p.part != parts.part:
            continue
        out.append(volume_id)
    return out


def _only_one(parts: Parts) -> tuple[str | None, str | None] | None:
    """ "1917, supp. 1" names frus1917Supp01v01, the supplement's one volume;
    "Papers relating to Foreign Affairs, 1866" names none of the year's three
    parts, and the reason lists them."""
    if parts.title or parts.microfiche or (parts.volume and parts.part):
        return None
    found = _candidates(parts)
    if len(found) == 1:
        return found[0], None
    if len(found) > 1:
        parted = all((p := parse_id(v)) is not None and p.part for v in found)
        left_out = "part" if parted else "volume"
        listed = ", ".join(found[:5]) + (", …" if len(found) > 5 else "")
        return None, (
            f"no volume in the catalog matches {describe(parts)} alone: it is in "
            f"{len(found)} volumes ({listed}); the {left_out} is not cited"
        )
    return None


def _extra_volume(parts: Parts) -> tuple[str | None, str | None] | None:
    """A volume the catalog lacks but the authority declares ("General Index")."""
    if not parts.title or parts.years is None:
        return None
    first, last = _span(parts.years)
    vol = frus_names().volume(parts.title, first, last)
    if vol is None:
        return None
    return vol.id, f"{vol.id} ({vol.title}) is not in the FRUS catalog"


def _span(key: str) -> tuple[int, int]:
    start = int(key[:4])
    return start, int(subseries_display(key)[-4:])


def _overlapping_title(parts: Parts) -> str | None:
    """A named volume whose years overlap the cited ones and whose name is cited.

    Volumes announced before publication are cited with their planned years
    ("Foreign Relations, 1950–1960, Development of the Intelligence Community"
    became ``frus1950-55Intel``). Only a unique best title match is accepted.
    """
    if not parts.title or parts.volume is not None or parts.years is None:
        return None
    lo, hi = _span(parts.years)
    hits = []
    for volume_id in catalog().search_title(parts.title):
        p = parse_id(volume_id)
        if p is None or not p.name or p.volume is not None or p.rest:
            continue
        a, b = _span(p.years)
        if a <= hi and lo <= b:
            hits.append(volume_id)
    return hits[0] if len(hits) == 1 else None


def describe(parts: Parts) -> str:
    bits = [subseries_display(parts.years or "?")]
    if parts.title:
        bits.append(parts.title)
    if parts.supplement:
        bits.append(f"Supplement {parts.supplement}")
    if parts.volume is not None:
        bits.append(f"vol. {volume_label(parts)}")
    if parts.part is not None:
        bits.append(f"Part {parts.part}")
    if parts.microfiche:
        bits.append("microfiche supplement")
    return ", ".join(bits)


def volume_label(parts: Parts) -> str | None:
    """How the Office of the Historian writes the volume number: "VI", "E–15"."""
    if parts.volume is None:
        return None
    if parts.electronic:
        return f"E–{parts.volume}"
    label = int_to_roman(parts.volume)
    if parts.microfiche_last:
        label += f"–{int_to_roman(parts.microfiche_last)}"
    return label


def _last_page(page: str) -> int:
    """The highest arabic page of a page entry (0 for roman front matter)."""
    ends = [int(e) for e in page_ends(page) if e.isdigit()]
    return max(ends, default=0)


#: Volumes whose document numbers continue those of an earlier volume of the
#: same set (the Potsdam volume II starts where volume I ends), so their valid
#: numbers are not 1..count.
CONTINUES_NUMBERING = {"frus1945Berlinv02": "frus1945Berlinv01"}


def _numbering(volume_id: str, count: int | None) -> tuple[int, int | None]:
    """First document number and document count of a volume."""
    first = 1
    previous = CONTINUES_NUMBERING.get(volume_id)
    while previous is not None:
        before = catalog().document_count(previous)
        if before is None:
            return first, None
        first += before
        previous = CONTINUES_NUMBERING.get(previous)
    return first, count


def document_range(volume_id: str) -> tuple[int, int] | None:
    """The first and last document number of a volume, when the catalog knows them."""
    vol = catalog().get(volume_id)
    if vol is None:
        return None
    first, count = _numbering(volume_id, vol.documents)
    return None if count is None else (first, first + count - 1)


def finish(ref: FrusRef) -> FrusRef:
    """Fill title, links, ``known`` and validation for a ref whose id is set.

    A ref without an id only gets ``known=False`` and keeps its reason.
    """
    if ref.volume_id is None:
        return replace(ref, urls=(), known=False)
    vol = catalog().get(ref.volume_id)
    if vol is None:
        return replace(
            ref,
            urls=(),
            known=False,
            reason=ref.reason or f"{ref.volume_id} is not in the FRUS catalog",
        )
    title = vol.volume_title or vol.title
    first, count = _numbering(ref.volume_id, vol.documents)
    bad = [
        d for d in ref.documents if count is not None and not first <= d < first + count
    ]
    bound = catalog().page_bound(ref.volume_id)
    beyond = [p for p in ref.pages if bound is not None and _last_page(p) > bound]
    base = f"{HISTORY_STATE}/{ref.volume_id}"
    urls = [f"{base}/d{d}" for d in ref.documents if d not in bad]
    if not ref.documents:
        urls += [
            f"{base}/pg_{end}"
            for p in ref.pages
            if p not in beyond
            for end in page_ends(p) or (p,)
        ]
    if not urls and not bad and not beyond and not ref.internal:
        urls.append(base)
    reason = ref.reason
    if bad:
        which = ", ".join(str(d) for d in bad)
        last = first + (count or 0) - 1
        reason = (
            f"document {which} is not among documents {first}–{last} of {ref.volume_id}"
        )
    elif beyond:
        reason = (
            f"page {', '.join(beyond)} is beyond the last page of {ref.volume_id} "
            f"(at most {bound} pages)"
        )
    p = parse_id(ref.volume_id)
    subseries = vol.subseries or ref.subseries
    volume = ref.volume
    part = ref.part
    if p is not None:
        volume = volume or volume_label(Parts(volume=p.volume, electronic=p.electronic))
        part = part or (str(p.part) if p.part else None)
    return replace(
        ref,
        subseries=subseries,
        volume=volume,
        part=part,
        title=title,
        urls=tuple(dict.fromkeys(urls)),
        known=not bad and not beyond,
        reason=reason,
    )


def with_volume(ref: FrusRef, volume_id: str) -> FrusRef:
    """Place an internal reference ("See Document 389") in volume ``volume_id``.

    The resolve stage calls this with the TEI volume being read, or with the
    last FRUS volume cited in a manuscript.
    """
    return finish(replace(ref, volume_id=volume_id, reason=None))


#: The document number that "see footnote 2 above" stands for until the resolve
#: stage knows the document its note is in (FRUS documents are numbered from 1).
CURRENT_DOCUMENT = 0


def current_only(footnotes: Sequence[tuple[int, int]]) -> bool:
    """Whether every (document, footnote) pair is of the note's own document."""
    return bool(footnotes) and all(d == CURRENT_DOCUMENT for d, _ in footnotes)


def in_current_document(ref: FrusRef) -> bool:
    """Whether ``ref`` is "footnote N above/below" of a document not yet known."""
    return current_only(ref.footnotes)


def in_document(ref: FrusRef, footnotes: tuple[tuple[int, int], ...]) -> FrusRef:
    """Place "footnote N above" in its document(s): ``footnotes`` are (document,
    footnote) pairs; the documents are those of the footnotes, in order."""
    documents = tuple(dict.fromkeys(d for d, _ in footnotes))
    return replace(ref, documents=documents, footnotes=footnotes, reason=None)


#: the title the grammar gives "Supplement 2, pp. 310 et seq." cited inside a
#: volume of the same year: the supplement to find among its siblings
_SUPPLEMENT_TITLE = re.compile(r"Supplement (\d+)")


def sibling(ref: FrusRef, context_id: str) -> FrusRef | None:
    """Resolve an elliptical "vol. ii, p. 6" against the volume it is cited from.

    In a legacy volume "vol. ii" means volume II of the same year and named
    series: cited from ``frus1918Russiav03`` it is ``frus1918Russiav02``; after
    a 1961–1963 volume, "ibid., vol. VIII" is volume VIII of that subseries.
    ``None`` when ``ref`` names no volume number, already has an id, or the
    context has no volume of that number: the volume is never guessed.
    """
    p = parse_id(context_id)
    supp = _SUPPLEMENT_TITLE.fullmatch(ref.title or "")
    if p is None or ref.volume_id is not None or (ref.volume is None and not supp):
        return None
    n = number(ref.volume.replace("E–", "")) if ref.volume else None
    if n is None and not supp:
        return None
    parts = Parts(
        years=p.years,
        volume=n,
        electronic=bool(ref.volume and ref.volume.startswith("E–")),
        part=int(ref.part) if ref.part and ref.part.isdigit() else None,
        supplement=int(supp.group(1)) if supp else p.supplement,
        title=" ".join(p.name_words),
    )
    found, _ = identify(parts)
    if found is None:
        return None
    return finish(replace(ref, volume_id=found, subseries=None, reason=None))
