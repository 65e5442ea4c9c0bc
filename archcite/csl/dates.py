"""One date converter for every date archcite puts into CSL-JSON, and EDTF.

A date reaches CSL-JSON from three places: an archival document's date, which
the grammar has already made ISO 8601 ("1962-02-20") or left as cited when it
is partial ("June 1"); a published work's date as the note cites it ("March 5,
1962", "1985"); and a Zotero item's ``date`` field (EDTF from archcite, or what
a user typed). :func:`csl_date` reads them all the same way:

* ISO 8601 / EDTF with a four-digit year ("1962", "1962-02", "1962-02-20",
  "1917/1919") → ``date-parts``;
* a cited date ("February 20, 1962", "20 Feb. 1962", "March 1962") → its
  ``date-parts``;
* anything else that starts with a year ("1985a", "1962–1963") → the year;
* the rest ("June 1", "n.d.") → ``literal``, as cited.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from archcite.grammar.vocab import iso_date

__all__ = ["csl_date", "date_to_edtf", "edtf_to_date"]

_EDTF_END = re.compile(r"(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
# ISO dates and intervals with four-digit years only: "12" is no year.
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?")
_YEAR = re.compile(r"\d{4}")


def date_to_edtf(date: Mapping[str, Any]) -> str | None:
    """A CSL date's ``date-parts`` as EDTF ("1962-02-20", "1917/1919"), or ``None``.

    BibTeX's ``date`` and Zotero's ``date`` fields both take this form.
    """
    parts = date.get("date-parts")
    if not parts or not parts[0]:
        return None
    try:
        ends = [
            "-".join(
                f"{int(p):02d}" if i else f"{int(p):04d}" for i, p in enumerate(dp)
            )
            for dp in parts
            if dp
        ]
    except (TypeError, ValueError):
        return None
    return "/".join(ends)


def edtf_to_date(text: str) -> dict[str, Any] | None:
    """The inverse of :func:`date_to_edtf`: "1962-02-20" or "1917/1919" as a
    CSL date with ``date-parts``; ``None`` for anything else."""
    ends = []
    for end in text.strip().split("/"):
        m = _EDTF_END.fullmatch(end.strip())
        if not m:
            return None
        ends.append([int(g) for g in m.groups() if g is not None])
    return {"date-parts": ends} if ends else None


def csl_date(text: str) -> dict[str, Any]:
    """A date as cited or stored, as a CSL-JSON date.

    >>> csl_date("1962-02-20"), csl_date("March 5, 1962"), csl_date("June 1")
    ({'date-parts': [[1962, 2, 20]]}, {'date-parts': [[1962, 3, 5]]}, {'literal': 'June 1'})
    """
    text = text.strip()
    iso = text if _ISO.fullmatch(text) else iso_date(text)
    if iso is not None and _ISO.fullmatch(iso):
        found = edtf_to_date(iso)
        if found is not None:
            return found
    if (year := _YEAR.match(text)) is not None:
        return {"date-parts": [[int(year.group())]]}
    return {"literal": text}
