"""FRUS cross-references checked against the volume catalog.

The recognizer has already looked each volume up (``frus.volume_id``,
``frus.known``, ``frus.reason``); these rules add what the catalog says about the
volume: how many documents and pages it has, and whether its print edition
numbers its documents. The Office of the Historian's citation guidance: every
volume since the 1955–1957 subseries numbers its documents; earlier volumes are
cited by page, "readers of the print edition will not be able to locate a
citation in these volumes by document number". Retrospective volumes printed
since 1990 (Guatemala, Intelligence, Public Diplomacy: ids with a name) number
theirs too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from archcite.authority.catalog import Volume, catalog, parse_id
from archcite.check.manuscript import Manuscript
from archcite.check.model import Hit
from archcite.check.registry import rule
from archcite.model import FrusRef, Located

#: the first subseries whose print volumes number their documents
FIRST_NUMBERED_SUBSERIES = 1955
#: retrospective volumes printed from this year on number theirs whatever their years
FIRST_NUMBERED_PRINTING = 1990


def _hit(loc: Located, message: str, suggestion: str | None = None) -> Hit:
    c = loc.citation
    return Hit(loc.note, c.start, c.end, message, suggestion=suggestion, located=loc)


def _named(volume_id: str) -> str:
    vol = catalog().get(volume_id)
    if vol is None:
        return volume_id
    label = ", ".join(x for x in (vol.subseries, vol.volume_number) if x)
    return f"{volume_id} ({label})" if label else volume_id


@rule("frus-unknown-volume")
def frus_unknown_volume(ms: Manuscript) -> Iterator[Hit]:
    for loc in ms.citing("frus"):
        ref = loc.citation.frus
        if ref is None or not ref.reason:
            continue
        if ref.reason.startswith("series taken from ibid."):
            # "ibid., 1966 FE Weekly Meetings": an Ibid. read as Foreign Relations
            # only because a year follows it; no volume confirms the reading.
            continue
        if "no volume in the catalog matches" in ref.reason or (
            ref.volume_id is not None and ref.volume_id not in catalog()
        ):
            yield _hit(
                loc,
                f"no FRUS volume is cited by this: {ref.reason}",
                "check the subseries years and the volume number",
            )
        elif ref.reason.startswith("matched by title"):
            yield _hit(
                loc,
                f"the years do not match the volume: {ref.reason}",
                f"cite it as {_named(ref.volume_id or '')}",
            )


@rule("frus-document-range")
def frus_document_range(ms: Manuscript) -> Iterator[Hit]:
    for loc in ms.citing("frus", "internal", "ibid"):
        ref = loc.citation.frus
        if ref is None or not ref.reason or not ref.volume_id:
            continue
        if re.match(r"documents? [\d, ]+ (?:is|are) not among documents", ref.reason):
            count = catalog().document_count(ref.volume_id)
            yield _hit(
                loc,
                f"{ref.reason} ({_named(ref.volume_id)} has {count} documents)",
                "check the document number and the volume",
            )


def _last_page(pages: str) -> int | None:
    """The highest page a page locator names ("453–73" -> 473, "xii" -> None)."""
    numbers = re.findall(r"\d+", pages)
    if not numbers:
        return None
    first = int(numbers[0])
    if len(numbers) > 1 and re.search(r"\d\s*[–-]\s*\d", pages):
        second = numbers[1]
        # "453–73": the end repeats the start's leading digits
        if len(second) < len(numbers[0]):
            second = numbers[0][: len(numbers[0]) - len(second)] + second
        return max(first, int(second))
    return first


def _part(volume_id: str) -> int:
    parts = parse_id(volume_id)
    return parts.part or 1 if parts is not None else 1


def page_bound(volume_id: str) -> int | None:
    """The highest page a volume can have, or ``None`` when the catalog cannot say
    (:meth:`archcite.authority.catalog.Catalog.page_bound`: a later part counts
    the pages of the parts before it)."""
    return catalog().page_bound(volume_id)


@rule("frus-page-range")
def frus_page_range(ms: Manuscript) -> Iterator[Hit]:
    for loc in ms.citing("frus", "internal", "ibid"):
        ref = loc.citation.frus
        if ref is None or not ref.volume_id or not ref.pages:
            continue
        bound = page_bound(ref.volume_id)
        if bound is None:
            continue
        beyond = [p for p in ref.pages if (_last_page(p) or 0) > bound]
        if beyond:
            yield _hit(
                loc,
                f"page {', '.join(beyond)} is beyond the last page of "
                f"{_named(ref.volume_id)}, which has {bound} pages"
                + (" with the parts before it" if _part(ref.volume_id) > 1 else ""),
                "check the page and the volume",
            )


def numbered_in_print(volume_id: str, vol: Volume | None) -> bool | None:
    """Whether the print edition of a volume numbers its documents (None: unknown)."""
    parts = parse_id(volume_id)
    if parts is None:
        return None
    if int(parts.years[:4]) >= FIRST_NUMBERED_SUBSERIES:
        return True
    # Only retrospective volumes (named: Guat, Intel, PubDip …) number their
    # documents before 1955; the catalog's printing year alone is not trusted,
    # as it gives some reprints' or e-books' years.
    published = vol.published if vol is not None else None
    if parts.name and published and published[:4].isdigit():
        return int(published[:4]) >= FIRST_NUMBERED_PRINTING
    return False


def _style(ref: FrusRef) -> str | None:
    if ref.documents and not ref.pages:
        return "document"
    if ref.pages and not ref.documents:
        return "page"
    return None


@rule("frus-locator-style")
def frus_locator_style(ms: Manuscript) -> Iterator[Hit]:
    for loc in ms.citing("frus"):
        ref = loc.citation.frus
        if ref is None or not ref.volume_id or not ref.known:
            continue
        style = _style(ref)
        numbered = numbered_in_print(ref.volume_id, catalog().get(ref.volume_id))
        if style == "document" and numbered is False:
            yield _hit(
                loc,
                f"{_named(ref.volume_id)} is cited by document number, which its "
                "print edition does not have (only volumes from the 1955–1957 "
                "subseries on number their documents)",
                "cite the page numbers",
            )
        elif style == "page" and numbered:
            yield _hit(
                loc,
                f"{_named(ref.volume_id)} is cited by page only; its documents are "
                "numbered, and a document number is the same in print and online",
                "cite the document number",
            )


@rule("frus-internal-unplaced")
def frus_internal_unplaced(ms: Manuscript) -> Iterator[Hit]:
    for loc in ms.citing("internal"):
        c = loc.citation
        if c.frus is not None and c.frus.volume_id is None and c.reason:
            yield _hit(
                loc,
                f"this reference names no FRUS volume: {c.reason}",
                "name the volume (Foreign Relations, YEARS, vol. N, Document D)",
            )
