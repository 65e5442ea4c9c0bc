"""What a cite carries into citeproc-py beyond its item.

A citeproc-py ``CitationItem`` knows a locator, a prefix and a suffix. The
elements of :mod:`archcite.render.patches` also need the cite's position
(computed by :mod:`archcite.render.positions` from the document's note
numbers), whether the item needs its disambiguating form, and the note that
first cited it. They travel on :class:`CiteItem`.
"""

from __future__ import annotations

from typing import Any

from citeproc.source import CitationItem, CustomDict

CSL_NS = "http://purl.org/net/xbiblio/csl"

#: Placement keys a cite carries besides citeproc-py's locator/prefix/suffix.
PLACEMENT_KEYS = frozenset({"position", "near_note", "first_note", "disambiguate"})


class CiteItem(CitationItem):  # type: ignore[misc]
    """A citation item that keeps its key's case and carries its placement.

    citeproc-py lower-cases keys (G8); archcite gives every item an internal
    key of its own (:mod:`archcite.render.source`), so nothing is lost.
    """

    def __init__(self, key: str, **args: Any) -> None:
        self.key = key
        CustomDict.__init__(
            self, args, optional={"locator", "prefix", "suffix"} | PLACEMENT_KEYS
        )

    @property
    def reference(self) -> Any:
        # citeproc-py looks the item up through citation → bibliography →
        # source on every variable test (over 100 times a cite); a cite belongs
        # to one citation of one bibliography, so the first answer holds
        found = self.__dict__.get("_reference")
        if found is None:
            found = self.__dict__["_reference"] = super().reference
        return found


def placement(item: Any, name: str) -> Any:
    """A placement value of a cite (``None`` for a bibliography entry)."""
    return dict.get(item, name) if isinstance(item, CiteItem) else None


def label_name(label: str | None) -> str | None:
    """``sub verbo`` and ``sub-verbo`` are one label (CSL 1.0 and 1.0.2 spellings)."""
    return label.replace(" ", "-") if label else None
