"""Nothing passes silently: a note that reads like a citation but was not understood."""

from __future__ import annotations

from collections.abc import Iterator

from archcite.check.manuscript import Manuscript
from archcite.check.model import Hit
from archcite.check.registry import rule


@rule("unrecognized")
def unrecognized(ms: Manuscript) -> Iterator[Hit]:
    for loc in ms.citing("unrecognized"):
        c = loc.citation
        why = f" ({c.reason})" if c.reason else ""
        yield Hit(
            loc.note,
            c.start,
            c.end,
            f"reads like a citation but could not be parsed{why}",
            located=loc,
        )
