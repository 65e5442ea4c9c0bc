"""What an Ibid. or a short form inherits from the citation it stands for.

The resolve stage (:mod:`archcite.resolve`) finds the antecedent; this module
merges fields. Archival fields are merged by level: the antecedent's
repository, record group, collection and series are inherited; from the
highest level the referring citation gives downwards, its own locators replace
the antecedent's (a new box drops the old folder; a new folder keeps the box).
FRUS locators replace the antecedent's documents and pages; a new volume
number is looked up among the siblings of the antecedent's volume.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Final

from archcite.authority.frus_volumes import sibling, with_volume
from archcite.grammar.shortforms import Locators
from archcite.model import ArchivalRef, Citation, DocItem, FrusRef, PublishedRef

# Archival fields from the largest unit to the smallest (docs/archival-fields.md).
# Fields on one level are replaced together.
LEVELS: Final[tuple[tuple[str, ...], ...]] = (
    ("repository", "repository_as_cited", "place", "repository_id", "in_authority"),
    ("record_group",),
    ("entry",),
    ("collection",),
    ("series",),
    ("lot", "job", "accession"),
    ("box", "reel"),
    ("file_unit", "folder", "file_number", "frames", "folio"),
)
#: The first level of *finer* locators, the only ones a short form may change.
FINER: Final = 6
LOCATION_FIELDS: Final = tuple(
    name for level in LEVELS for name in level if name not in ("place", "in_authority")
)


def locates(ref: ArchivalRef) -> bool:
    """Whether ``ref`` places anything (a repository at least), not just a document."""
    return any(getattr(ref, name) for name in LOCATION_FIELDS)


# -- merging fields ---------------------------------------------------------------


def merge_archival(
    base: ArchivalRef,
    over: ArchivalRef | None,
    *,
    floor: int = 0,
    keep_item: bool = True,
) -> ArchivalRef:
    """``base`` with the levels ``over`` gives (at or below ``floor``) replaced.

    From the highest level ``over`` gives downwards every field comes from
    ``over`` (``None`` where it has none): a new box does not keep the old
    folder. Levels above are inherited from ``base``.
    """
    merged = base
    if over is not None:
        given = [
            n
            for n, level in enumerate(LEVELS)
            if n >= floor
            and any(getattr(over, f) for f in level if f != "in_authority")
        ]
        if given:
            changes: dict[str, Any] = {
                f: getattr(over, f) for level in LEVELS[min(given) :] for f in level
            }
            merged = replace(base, **changes)
    if not keep_item:
        merged = replace(merged, item=DocItem(), classification=None)
    return merged


def _split_pages(pages: str | None) -> tuple[str, ...]:
    if not pages:
        return ()
    return tuple(p.strip() for p in pages.split(",") if p.strip())


@dataclass(frozen=True, slots=True)
class Want:
    """The locators a referring citation adds, flattened."""

    archival: ArchivalRef | None = None
    volume: str | None = None
    pages: tuple[str, ...] = ()
    documents: tuple[int, ...] = ()
    whole: bool = field(default=False)

    @classmethod
    def of(cls, c: Citation | Locators, whole: bool) -> Want:
        frus, pub = c.frus, c.published
        volume = (frus.volume if frus else None) or (pub.volume if pub else None)
        pages = (
            frus.pages
            if frus and frus.pages
            else _split_pages(pub.pages if pub else None)
        )
        docs = frus.documents if frus else ()
        return cls(c.archival, volume, pages, docs, whole)


def merge(c: Citation, base: Citation, want: Want) -> Citation | str:
    """``c`` with fields inherited from ``base``, or the reason it cannot be."""
    if base.frus is not None:
        if want.archival is not None and locates(want.archival):
            return "it gives an archival locator, but the citation it follows is FRUS"
        frus = base.frus
        if want.volume and want.volume.lower() != (frus.volume or "").lower():
            # "ibid., vol. VIII, Document 68" after a 1961–1963 volume: volume
            # VIII of the same subseries, when the FRUS catalog knows it.
            ref = FrusRef(
                volume=want.volume, documents=want.documents, pages=want.pages
            )
            sib = sibling(ref, frus.volume_id) if frus.volume_id else None
            if sib is None:
                return (
                    f"it names vol. {want.volume}, but the citation it follows is "
                    f"{frus.volume_id or 'another volume'}; the volume is not guessed"
                )
            return replace(c, archival=None, frus=sib, published=None)
        if want.documents or want.pages:
            frus = replace(
                frus, documents=want.documents, pages=want.pages, footnotes=(), urls=()
            )
            if frus.volume_id:
                frus = with_volume(frus, frus.volume_id)
        return replace(c, archival=None, frus=frus, published=None)
    if base.archival is not None and locates(base.archival):
        if want.volume or want.documents:
            return "it gives a volume or document number, but the citation it follows is archival"
        if want.pages and want.archival is None and base.archival.item == DocItem():
            # "Ibid., p. 61" after "711.428/1329": a file number or a box has
            # no pages; the Ibid. meant some printed work, not this location.
            return (
                "it gives a page, but the citation it follows is an archival "
                "location that names no document"
            )
        archival = merge_archival(base.archival, want.archival, keep_item=want.whole)
        if want.archival is not None and want.archival.item != DocItem():
            # "Telegram 797 to Tokyo; ibid.": the Ibid. names its own document.
            archival = replace(archival, item=want.archival.item)
        # A page of an archival document has no ArchivalRef field; it is kept as
        # the pinpoint of the citation rather than dropped.
        published = PublishedRef(pages=", ".join(want.pages)) if want.pages else None
        return replace(c, archival=archival, frus=None, published=published)
    if base.published is not None:
        if want.archival is not None and locates(want.archival):
            return "it gives an archival locator, but the citation it follows is a published work"
        if want.documents:
            return "it gives document numbers, but the citation it follows is not FRUS"
        pub = base.published
        if want.volume and want.volume != pub.volume:
            pub = replace(pub, volume=want.volume, pages=None, date=None)
        if want.pages or want.volume:
            pub = replace(pub, pages=", ".join(want.pages) or None)
        return replace(c, archival=None, frus=None, published=pub)
    return "the citation it follows has no fields to inherit"


__all__ = [
    "FINER",
    "Want",
    "locates",
    "merge",
    "merge_archival",
]
