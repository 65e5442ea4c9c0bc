"""An output format: one line per item, ``id<TAB>kind<TAB>title or location``."""

from __future__ import annotations

from archcite.export.formats import Format
from archcite.items import ItemSet


def _lines(items: ItemSet) -> str:
    rows = []
    for item in items:
        label = item.csl.get("title") or item.csl.get("archive_location") or ""
        rows.append(f"{item.id}\t{item.kind}\t{label}\n")
    return "".join(rows)


item_lines = Format(_lines, "one line per item: id, kind, title or location")
