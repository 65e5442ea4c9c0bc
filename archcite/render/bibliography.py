"""The bibliography as the Chicago Manual asks for archives: a post-pass over items.

No CSL processor groups archival items (Zotero's request for it has been open
since 2011): a CSL style prints one entry per item. Before the style sees
them, :func:`entries` turns the items a document cites into the items its
bibliography should list:

* **archival documents** are listed by their *collection* (CMOS 14.128; 18th
  ed.): one ``collection`` item per collection, repository and place (built by
  :mod:`archcite.items`). A collection from which only **one** item is
  cited lists that item instead, when the item is a document of its own; a
  file unit, folder or box cited as such (a ``collection`` item within the
  collection, or an item with no author or title) is a place in the
  collection, and the collection is listed;
* an archival entry never carries its ``archive_location`` (box, folder,
  file unit): Chicago's bibliography names the collection, repository and
  place, and leaves the box to the notes;
* an archival document with no collection is listed as itself;
* **FRUS documents** are listed by their *volume*, as a book; a volume cited
  by pages is that book already;
* published works are listed as themselves.

The entries keep the items' CSL-JSON; the style sorts them (:meth:`Renderer.bibliography`).
:func:`section` puts each entry in one of the sections ``archival``, ``frus`` and
``published`` for ``archcite bib --sections``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from archcite.items import Item, ItemSet

Section = Literal["archival", "frus", "published"]
SECTIONS: tuple[Section, ...] = ("archival", "frus", "published")
SECTION_TITLES: Mapping[Section, str] = {
    "archival": "Archival sources",
    "frus": "Foreign Relations of the United States",
    "published": "Published works",
}


def _is_frus(csl: Mapping[str, Any]) -> bool:
    return "Foreign Relations" in str(csl.get("collection-title") or "")


def section(csl: Mapping[str, Any]) -> Section:
    """Which section of a bibliography an entry belongs to."""
    if _is_frus(csl):
        return "frus"
    if (
        csl.get("type") == "collection"
        or csl.get("archive")
        or csl.get("archive_collection")
    ):
        return "archival"
    return "published"


def entries(items: ItemSet, cited: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """CSL items for the bibliography of the ``cited`` item ids (default: all).

    By default every item that is not only the parent of others. In
    first-cited order; the style decides the printed order.
    """
    if cited is None:
        parents = {i.parent for i in items if i.parent}
        cited = [i.id for i in items if i.id not in parents]
    docs = [item for item in (items.get(i) for i in cited) if item is not None]
    per_parent: dict[str, list[Item]] = {}
    for item in docs:
        if item.parent:
            per_parent.setdefault(item.parent, []).append(item)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()

    def add(entry: Item) -> None:
        if entry.id not in seen:
            seen.add(entry.id)
            csl = entry.to_csl()
            if section(csl) == "archival":
                csl.pop("archive_location", None)
            out.append(csl)

    for item in docs:
        parent = items.get(item.parent) if item.parent else None
        if parent is None:
            add(item)
        elif (
            parent.kind == "volume"
            or _is_frus(parent.csl)
            or (
                parent.kind == "collection"
                and (
                    len(_distinct(per_parent[parent.id])) > 1
                    or not _is_document(item.csl)
                )
            )
        ):
            add(parent)
        else:
            add(item)
    return out


def _is_document(csl: Mapping[str, Any]) -> bool:
    """A document of its own, not a file, folder or box of the collection.

    :mod:`archcite.csl.titles` makes a cited file unit a CSL ``collection``
    titled by the file; an item with neither author nor title is a place in
    the collection too.
    """
    if csl.get("type") == "collection":
        return False
    return bool(csl.get("author") or csl.get("title"))


def _distinct(items: Sequence[Item]) -> set[str]:
    return {i.id for i in items}


def split(
    entries_: Sequence[Mapping[str, Any]],
) -> dict[Section, list[Mapping[str, Any]]]:
    """Entries by section, each in the order given."""
    out: dict[Section, list[Mapping[str, Any]]] = {s: [] for s in SECTIONS}
    for e in entries_:
        out[section(e)].append(e)
    return out
