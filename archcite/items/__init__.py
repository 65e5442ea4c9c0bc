"""Items: the unique sources that citations name, with readable ids.

A memorandum cited in three notes is one item with three mentions. Item
identity belongs to no output format: the pipeline uses it to give each
record's CSL item the id every export format prints, and the export layer
(:mod:`archcite.export`) writes items out. :mod:`~archcite.items.build` collapses
citations into items; :mod:`~archcite.items.ids` makes their ids.
"""

from __future__ import annotations

from archcite.items.build import (
    Item,
    ItemKind,
    ItemSet,
    Mention,
    as_itemset,
    collect,
    collection_csl,
    from_csl,
    identity,
    volume_csl,
    work_pages,
)
from archcite.items.ids import acronym, archival_id, slug

__all__ = [
    "Item",
    "ItemKind",
    "ItemSet",
    "Mention",
    "acronym",
    "archival_id",
    "as_itemset",
    "collect",
    "collection_csl",
    "from_csl",
    "identity",
    "slug",
    "volume_csl",
    "work_pages",
]
