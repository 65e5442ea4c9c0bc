"""Links to the Office of the Historian's edition of FRUS in a note.

Chicago's eighteenth edition, and historians who cite the e-book, end a FRUS
citation with its history.state.gov address:
``…, doc. 75, https://history.state.gov/historicaldocuments/frus1969-76v19p1/d75.``
The address names the volume and the document (``/d75``), the page
(``/pg_12``) or a footnote of a document (``/d75fn3``); :func:`find_urls`
reads them so that a citation whose words name a volume takes the document of
its link, and a bare link is a reference of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_URL = re.compile(
    r"<?(?:https?://)?(?:www\.)?history\.state\.gov/historicaldocuments/"
    r"(?P<volume>frus[0-9A-Za-z-]+)"
    r"(?:/(?:d(?P<doc>\d+)(?:fn\d+)?|pg_(?P<page>\d+|[ivxlcdm]+)|[\w-]+))?"
    r"/?(?:#[\w-]*)?>?",
)


@dataclass(frozen=True, slots=True)
class FrusUrl:
    """One link: where it is in the text, its volume and its place."""

    start: int
    end: int
    volume_id: str
    document: int | None = None
    page: str | None = None


def find_urls(text: str) -> list[FrusUrl]:
    """The history.state.gov links of ``text``; a sentence's final period is
    not part of a link (offsets cover the address and its angle brackets)."""
    out = []
    for m in _URL.finditer(text):
        doc = m.group("doc")
        out.append(
            FrusUrl(
                start=m.start(),
                end=m.end(),
                volume_id=m.group("volume"),
                document=int(doc) if doc else None,
                page=m.group("page"),
            )
        )
    return out
