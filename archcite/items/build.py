"""Items, not mentions: collapse the citations of documents into unique sources.

A memorandum cited in three notes is one *item* with three *mentions*; what
differs between the mentions (the page of a FRUS volume, the box an Ibid.
points to, the page a book is cited at) stays with the mention as its locator.
A published work is one item however many pages it is cited at; only an
article's or chapter's own page range (its extent in the journal or book) is
part of the item. Archival documents also get
a *collection* item (Chicago lists the collection, not each document, in the
bibliography) and FRUS documents a *volume* item (the ``crossref`` target in
BibTeX).

Ids are readable and deterministic: they are built only from the item's own
data (``jfkl-nsf-box334-nsam129``, ``frus1961-63v06-d35``), never from its
position, so they do not change when unrelated notes change. Two different
items that would get the same id both get a short hash of their data appended.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from archcite.authority.catalog import HISTORY_STATE
from archcite.csl import clean_csl, frus_csl, to_csl
from archcite.csl.archival import archival_to_csl
from archcite.items.ids import (
    acronym,
    archival_id,
    collection_id,
    frus_volume_id,
    slug,
    trim_id,
    work_id,
)
from archcite.model import ArchivalRef, Citation, Located

ItemKind = Literal["document", "collection", "volume", "work"]

_HSG = f"{HISTORY_STATE}/"
#: An Office of the Historian volume id (frus1961-63v06, frus1952-54Guat).
_HSG_VOLUME = re.compile(r"frus\d{4}[\w-]*")


@dataclass(frozen=True, slots=True)
class Mention:
    """One place a document cites an item."""

    item: str
    source: str | None = None
    note: str | None = None
    note_index: int | None = None
    citation: int | None = None
    locator: str | None = None
    #: CSL locator label ("page"); ``None`` when the locator is archival (box …)
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One source, with its CSL-JSON form and where it is cited."""

    id: str
    kind: ItemKind
    csl: Mapping[str, Any]
    parent: str | None = None
    mentions: tuple[Mention, ...] = ()

    def to_csl(self) -> dict[str, Any]:
        """A fresh CSL-JSON item (a deep copy) carrying this item's id."""
        out = copy.deepcopy(dict(self.csl))
        out["id"] = self.id
        return out


@dataclass(frozen=True, slots=True)
class ItemSet:
    """Items in output order: documents first, then collections and volumes.

    Parents come after their children because classic BibTeX resolves a
    ``crossref`` only to an entry that follows.
    """

    items: tuple[Item, ...] = ()
    _index: Mapping[str, Item] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {i.id: i for i in self.items})

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, item_id: str) -> Item | None:
        return self._index.get(item_id)

    def children(self, parent_id: str) -> list[Item]:
        return [i for i in self.items if i.parent == parent_id]

    def csl(self) -> list[dict[str, Any]]:
        """Every item as CSL-JSON, in output order."""
        return [i.to_csl() for i in self.items]


def as_itemset(items: ItemSet | Iterable[Mapping[str, Any]]) -> ItemSet:
    """``items`` as an :class:`ItemSet` (a plain list of CSL items gets parents)."""
    return items if isinstance(items, ItemSet) else from_csl(list(items))


# -- identity --------------------------------------------------------------------

#: Variables that make two CSL items the same source. Everything else (notes,
#: URLs, spelling of place) may differ between mentions of one source.
_KEY_VARS = (
    "type",
    "archive",
    "archive_collection",
    "archive_location",
    "title",
    "genre",
    "author",
    "recipient",
    "issued",
    "container-title",
    "collection-title",
    "collection-number",
    "volume",
    "page",
    "number",
    "publisher",
)


_WORK_KEY_VARS = tuple(k for k in _KEY_VARS if k != "page")


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.casefold().split()).strip(" .,;:")
    if isinstance(value, Mapping):
        return {k: _norm(v) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [_norm(v) for v in value]
    return value


def identity(csl: Mapping[str, Any]) -> str:
    """A canonical string of the variables that decide identity.

    A published work's ``page`` does not count: an article cited once with its
    extent ("453–73") and once without is one article.
    """
    keys = _KEY_VARS if _kind(csl) != "work" else _WORK_KEY_VARS
    return json.dumps(
        {k: _norm(csl.get(k)) for k in keys if csl.get(k)}, sort_keys=True
    )


def _kind(csl: Mapping[str, Any]) -> ItemKind:
    if csl.get("type") == "collection":
        return "collection"
    if csl.get("collection-title") and "Foreign Relations" in str(
        csl.get("collection-title")
    ):
        return "document" if csl.get("type") == "chapter" else "volume"
    if csl.get("archive") or csl.get("archive_collection"):
        return "document"
    return "work"


# -- parents ---------------------------------------------------------------------


def collection_csl(doc: Mapping[str, Any]) -> dict[str, Any] | None:
    """The collection an archival document belongs to, as a CSL ``collection``."""
    coll = doc.get("archive_collection")
    if not coll:
        return None
    out: dict[str, Any] = {"id": "", "type": "collection", "title": coll}
    for var in ("archive", "archive-place"):
        if doc.get(var):
            out[var] = doc[var]
    return out


def volume_csl(doc: Mapping[str, Any], volume_id: str) -> dict[str, Any]:
    """The FRUS volume a document item lives in, as a CSL ``book``."""
    keep = (
        "collection-title",
        "collection-number",
        "volume",
        "part",
        "editor",
        "publisher",
        "publisher-place",
        "issued",
        "ISBN",
        "language",
    )
    out: dict[str, Any] = {"id": volume_id, "type": "book"}
    out.update({k: copy.deepcopy(doc[k]) for k in keep if doc.get(k)})
    if doc.get("container-title"):
        out["title"] = doc["container-title"]
    if _HSG_VOLUME.fullmatch(volume_id):
        out["URL"] = _HSG + volume_id
    return out


# -- building --------------------------------------------------------------------


@dataclass
class _Builder:
    """Accumulates items in first-mention order (mutable while building only)."""

    docs: dict[str, dict[str, Any]] = field(default_factory=dict)
    parents: dict[str, dict[str, Any]] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)  # identity -> base id
    mentions: dict[str, list[Mention]] = field(default_factory=dict)

    def add(
        self,
        csl: Mapping[str, Any],
        base_id: str,
        parent: tuple[str, dict[str, Any]] | None,
        mention: Mention | None,
        seed: str | None = None,
    ) -> str:
        # Every format downstream may rely on valid CSL-JSON 1.0.2.
        csl = clean_csl(csl)
        key = identity(csl)
        table = self.parents if _kind(csl) in ("collection", "volume") else self.docs
        if key not in table:
            table[key] = {
                "csl": copy.deepcopy(dict(csl)),
                "id": base_id,
                "seed": seed or key,
                "parent": None,
            }
        entry = table[key]
        if csl.get("page") and not entry["csl"].get("page") and table is self.docs:
            # The first mention gave only a pinpoint; a later one the extent.
            entry["csl"]["page"] = csl["page"]
        if parent is not None:
            pid, pcsl = parent
            pkey = identity(pcsl)
            if pkey not in self.parents:
                self.parents[pkey] = {"csl": pcsl, "id": pid, "parent": None}
            entry["parent"] = pkey
        if mention is not None:
            self.mentions.setdefault(key, []).append(mention)
        return key

    def build(self) -> ItemSet:
        entries = list(self.docs.items()) + list(self.parents.items())
        counts: dict[str, int] = {}
        for _, e in entries:
            counts[e["id"]] = counts.get(e["id"], 0) + 1
        final: dict[str, str] = {}
        for key, e in entries:
            base = e["id"]
            if counts[base] > 1:
                seed = str(e.get("seed") or key)
                base = f"{base}-{hashlib.sha1(seed.encode()).hexdigest()[:4]}"
            final[key] = base
        items = []
        for key, e in entries:
            item_id = final[key]
            ms = tuple(
                Mention(
                    item_id,
                    m.source,
                    m.note,
                    m.note_index,
                    m.citation,
                    m.locator,
                    m.label,
                )
                for m in self.mentions.get(key, ())
            )
            items.append(
                Item(
                    id=item_id,
                    kind=_kind(e["csl"]),
                    csl=e["csl"],
                    parent=final.get(e["parent"]) if e["parent"] else None,
                    mentions=ms,
                )
            )
        return ItemSet(tuple(items))


def _parent_for(
    csl: Mapping[str, Any], ref: ArchivalRef | None
) -> tuple[str, dict[str, Any]] | None:
    pcsl = collection_csl(csl)
    if pcsl is None:
        return None
    if ref is not None:
        pid = collection_id(
            None, ref.collection or str(csl.get("archive_collection")), ref.record_group
        )
        pid = trim_id(
            [
                ref.repository_id
                or acronym(ref.repository or ref.repository_as_cited or ""),
                pid,
            ]
        )
    else:
        pid = collection_id(csl.get("archive"), csl.get("archive_collection"))
    return pid, pcsl


def _archival_locator(ref: ArchivalRef) -> str | None:
    parts = [
        f"box {ref.box}" if ref.box else "",
        f"folder {ref.folder}" if ref.folder else "",
    ]
    text = ", ".join(p for p in parts if p)
    return text or None


_Parent = tuple[str, dict[str, Any]]
_Entry = tuple[dict[str, Any], str, _Parent | None, str | None, str | None]


def _frus_entries(c: Citation, csl: Mapping[str, Any] | None) -> list[_Entry]:
    """(csl, id, parent, locator, label) for each document a FRUS citation names."""
    ref = c.frus
    assert ref is not None
    vol_id = frus_volume_id(csl or {}, ref)
    out: list[_Entry] = []
    for n in ref.documents:
        # csl.frus is the one builder of FRUS CSL: its chapter leaves printed
        # pages in ``page`` and never puts "Document N" there (the title says it).
        doc = frus_csl(ref, n)
        if doc is None:
            continue
        out.append(
            (doc, f"{vol_id}-d{n}", (vol_id, volume_csl(doc, vol_id)), None, None)
        )
    if not ref.documents and csl is not None:
        # Page-cited (pre-1955) volumes: the volume is the item, pages the locator.
        vol = volume_csl(csl, vol_id) if csl.get("type") == "chapter" else dict(csl)
        vol["id"] = vol_id
        pages = ", ".join(ref.pages) or None
        out.append((vol, vol_id, None, pages, "page" if pages else None))
    return out


class CitationEntry(NamedTuple):
    """An item a citation names itself, and how the citation names it."""

    csl: dict[str, Any]
    id: str  # the base id (a hash is appended if another item claims it)
    parent: _Parent | None
    locator: str | None = None
    label: str | None = None
    #: what the hash of a colliding id is made of (default: the identity)
    seed: str | None = None


def citation_entries(
    c: Citation, csl: Mapping[str, Any] | None
) -> list[CitationEntry] | None:
    """The items ``c`` names itself, each with its locator.

    ``None`` when it names none of its own: an Ibid. or a short form without a
    location stands for its antecedent's item. :func:`collect` and the
    streaming ids (:mod:`archcite.items.stream`) both ask this one function.
    """
    # A whole FRUS volume is the volume item too: its id must be the volume id
    # whether or not a document of it is cited elsewhere.
    if (
        c.frus is not None
        and c.kind in ("frus", "internal")
        and (c.frus.documents or c.frus.pages or c.frus.volume_id)
    ):
        return [CitationEntry(*entry) for entry in _frus_entries(c, csl)]
    if csl is None or (c.kind in ("ibid", "short") and not _has_location(c)):
        return None
    if c.archival is not None or _kind(csl) == "document":
        did = archival_id(c.archival, csl)
        parent = _parent_for(csl, c.archival)
        return [CitationEntry(dict(csl), did, parent, seed=_seed(c.archival))]
    work, pinpoint = work_pages(c, csl)
    label = "page" if pinpoint else None
    return [CitationEntry(work, work_id(work), None, pinpoint, label)]


def collect(located: Iterable[Located | Citation]) -> ItemSet:
    """Collapse citations (in document order) into items with their mentions.

    Ibid. and short forms without a reference of their own become mentions of
    their antecedent's item; their box or folder becomes the mention's locator.
    """
    b = _Builder()
    by_index: dict[tuple[str | None, int], list[str]] = {}
    for n, entry in enumerate(located):
        loc = entry if isinstance(entry, Located) else None
        c = entry.citation if isinstance(entry, Located) else entry
        source = loc.note.source if loc else None
        index = loc.index if loc else n
        base = Mention(
            item="",
            source=source,
            note=loc.note.label if loc else None,
            note_index=loc.note.index if loc else None,
            citation=index,
        )
        csl = dict(c.csl) if c.csl is not None else to_csl(c)
        keys: list[str] = []
        entries = citation_entries(c, csl)
        if entries is not None:
            for e in entries:
                m = Mention(
                    "",
                    base.source,
                    base.note,
                    base.note_index,
                    index,
                    e.locator,
                    e.label,
                )
                keys.append(b.add(e.csl, e.id, e.parent, m, e.seed))
        elif c.antecedent is not None and (source, c.antecedent) in by_index:
            locator = _archival_locator(c.archival) if c.archival else None
            label = None
            if c.frus is not None and c.frus.pages:
                locator, label = ", ".join(c.frus.pages), "page"
            elif c.published is not None and csl is not None:
                locator = work_pages(c, csl)[1]
                label = "page" if locator else None
            for key in by_index[(source, c.antecedent)][:1]:
                m = Mention(
                    "", base.source, base.note, base.note_index, index, locator, label
                )
                b.mentions.setdefault(key, []).append(m)
                keys.append(key)
        by_index[(source, index)] = keys
    return b.build()


#: "(New York: Basic Books, 1985), 45": a page right after the imprint.
_AFTER_IMPRINT = re.compile(r"(?:\d{4}|n\.\s?d\.)\)\s*,\s*(?:pp?\.\s*)?$")
#: "453–73, at 460" / "453–73, 460": the pinpoint after an article's extent.
_AFTER_EXTENT = re.compile(r"\s*,\s*(?:at\s+)?(?:pp?\.\s*)?(\d+(?:\s*[–-]\s*\d+)?)")
_RANGE = re.compile(r"\d\s*[–-]\s*\d")


def work_pages(
    c: Citation, csl: Mapping[str, Any]
) -> tuple[dict[str, Any], str | None]:
    """A published work's CSL without the pages the note points at, and those pages.

    In a note the page of a book (or of a volume of a documentary edition) is
    always a pinpoint: "Gaddis, *Strategies* (New York: …, 1982), 45" cites page
    45 of the book. An article's page range after its date is its extent in
    the journal and belongs to the item; the pinpoint follows it ("453–73, at
    460"), or stands alone as a single page ("(1986): 460"). A chapter's pages
    are its extent unless they come after the imprint. A newspaper page is
    where the article is. What an Ibid. or short form gives is a pinpoint.
    """
    out = dict(csl)
    pages = str(out.get("page") or "")
    if not pages or c.published is None:
        return out, None
    kind = out.get("type")
    at = c.text.rfind(pages)
    pinpoint: str | None = pages
    if c.kind in ("ibid", "short"):
        if at < 0 and kind != "book" and _RANGE.search(pages):
            return out, None  # the antecedent's extent, copied: no page of its own
    elif kind == "article-newspaper":
        return out, None
    elif kind in ("article-journal", "article-magazine") and _RANGE.search(pages):
        m = _AFTER_EXTENT.match(c.text, at + len(pages)) if at >= 0 else None
        return out, m.group(1) if m else None
    elif kind == "chapter" and not (at >= 0 and _AFTER_IMPRINT.search(c.text, 0, at)):
        return out, None
    out.pop("page", None)
    return out, pinpoint


def _seed(ref: ArchivalRef | None) -> str | None:
    """What a colliding id's hash is made of: the item without its supplied
    title, so that supplying titles (csl.titles) did not change any id."""
    if ref is None:
        return None
    return identity(clean_csl(archival_to_csl(ref, supplied_title=False)))


def _has_location(c: Citation) -> bool:
    """Whether an Ibid./short form carries a full reference (copied by resolve)."""
    a = c.archival
    if (
        a is not None
        and (a.repository or a.collection)
        and (a.collection or a.file_unit or a.box)
    ):
        return True
    if c.frus is not None and c.frus.volume_id:
        return True
    # A short form with no full citation before it still names its work.
    return c.antecedent is None and c.published is not None and bool(c.published.title)


def from_csl(
    items: Iterable[Mapping[str, Any]], with_collections: bool = True
) -> ItemSet:
    """Items from CSL-JSON read from a file: ids kept, parents added.

    Duplicates (same identity) collapse onto the first id seen. Collection
    items are derived for archival documents unless the input has one for the
    same collection already.
    """
    b = _Builder()
    given_parents: dict[tuple[str, str], str] = {}
    for csl in items:
        # A file unit cited as a whole is a "collection" item with a location
        # inside the collection; only the collection itself is a parent.
        if csl.get("type") == "collection" and not csl.get("archive_location"):
            given_parents[
                (_norm(csl.get("title")), _norm(csl.get("archive") or ""))
            ] = str(csl.get("id"))
    for csl in items:
        base_id = str(csl.get("id") or "") or (
            archival_id(None, csl) if _kind(csl) == "document" else work_id(csl)
        )
        parent = None
        if (
            with_collections
            and csl.get("type") != "collection"
            and csl.get("archive_collection")
        ):
            pcsl = collection_csl(csl)
            assert pcsl is not None
            pid = given_parents.get(
                (_norm(csl["archive_collection"]), _norm(csl.get("archive") or ""))
            ) or collection_id(csl.get("archive"), csl.get("archive_collection"))
            pcsl["id"] = pid
            parent = (pid, pcsl)
        elif (
            with_collections
            and csl.get("type") == "chapter"
            and _kind(csl) == "document"
        ):
            vid = frus_volume_id(csl)
            parent = (vid, volume_csl(csl, vid))
        b.add(csl, base_id, parent, None)
    return b.build()


__all__ = [
    "CitationEntry",
    "Item",
    "ItemSet",
    "Mention",
    "acronym",
    "archival_id",
    "citation_entries",
    "collect",
    "collection_csl",
    "from_csl",
    "identity",
    "slug",
    "volume_csl",
    "work_pages",
]
