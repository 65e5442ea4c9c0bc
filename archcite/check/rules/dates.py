"""Dates in citations: impossible ones, and one style across the manuscript.

Dates are found inside citation spans only, in the three forms notes use:
month-day-year ("February 20, 1962", Chicago and FRUS), day-month-year
("20 February 1962") and numeric ("2/20/62", read month first). The months are
the grammar's (``vocab.MONTH``) and a written date is read by the one date
converter, :func:`archcite.csl.dates.csl_date`; only the numeric form, which
notes use and CSL does not, is read here. A date inside a
quoted title keeps the form of the document it names and is not counted for the
style. The archival record's own ``item.date`` is checked too, for a date the
scan does not see.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from archcite.check.manuscript import Manuscript
from archcite.check.model import Hit
from archcite.check.registry import rule
from archcite.check.vocabulary import vocabulary
from archcite.csl.dates import csl_date, edtf_to_date
from archcite.grammar.vocab import month_name
from archcite.model import Located

STYLES = {
    "mdy": "month-day-year (February 20, 1962)",
    "dmy": "day-month-year (20 February 1962)",
    "numeric": "numeric (2/20/62)",
}
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


@dataclass(frozen=True, slots=True)
class Date:
    """A date as written in a citation (offsets into the note's text)."""

    located: Located
    start: int
    end: int
    style: str
    year: int
    month: int
    day: int
    quoted: bool

    @property
    def valid(self) -> bool:
        if not 1 <= self.month <= 12 or self.day < 1 or self.year < 1:
            return False
        if self.year > datetime.date.today().year:
            return False
        return self.day <= calendar.monthrange(self.year, self.month)[1]


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    month = rf"{vocabulary().month}(?:(?<=\.)|\b)"
    return (
        (
            "mdy",
            re.compile(
                rf"(?<![\w.])(?P<m>{month})\s+(?P<d>\d{{1,2}}),\s+(?P<y>\d{{4}})\b"
            ),
        ),
        (
            "dmy",
            re.compile(
                rf"(?<![\w./-])(?P<d>\d{{1,2}})\s+(?P<m>{month})\s+(?P<y>\d{{4}})\b"
            ),
        ),
        (
            "numeric",
            re.compile(
                r"(?<![\w./-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/-])"
            ),
        ),
    )


def _parts(style: str, m: re.Match[str]) -> tuple[int, int, int]:
    """(year, month, day) of a date found; zeros for a day no month has."""
    if style != "numeric":
        parts = csl_date(m.group()).get("date-parts", [[]])[0]
        return (parts[0], parts[1], parts[2]) if len(parts) == 3 else (0, 0, 0)
    year, month, day = (int(m.group(g)) for g in "ymd")
    if year < 100:
        year += 1900
    if month > 12 and day <= 12:
        month, day = day, month  # day first: an unusual order, not a bad date
    return year, month, day


def _all_dates(ms: Manuscript) -> dict[int, list[Date]]:
    return {loc.index: dates(loc) for loc in ms.citing()}


def dates(loc: Located) -> list[Date]:
    """Every date written in a citation's span."""
    c = loc.citation
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(c.text)]
    out: list[Date] = []
    taken: list[tuple[int, int]] = []
    for style, pattern in _patterns():
        for m in pattern.finditer(c.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            year, month, day = _parts(style, m)
            inside = any(a <= m.start() and m.end() <= b for a, b in quoted)
            taken.append((m.start(), m.end()))
            out.append(
                Date(
                    loc,
                    c.start + m.start(),
                    c.start + m.end(),
                    style,
                    year,
                    month,
                    day,
                    inside,
                )
            )
    return out


def _iso_valid(iso: str) -> bool:
    found = edtf_to_date(iso)
    parts: list[list[int]] = found["date-parts"] if found is not None else []
    if len(parts) != 1 or len(parts[0]) != 3:
        return True  # a year, a year-month or an interval: nothing to check
    year, month, day = parts[0]
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


@rule("impossible-date")
def impossible_date(ms: Manuscript) -> Iterator[Hit]:
    every = ms.memo("dates", _all_dates)
    for loc in ms.citing():
        found = every[loc.index]
        for d in found:
            if not d.valid:
                text = loc.note.text[d.start : d.end]
                yield Hit(
                    loc.note,
                    d.start,
                    d.end,
                    f"“{text}” is not a date that exists",
                    suggestion="check the date against the document",
                    located=loc,
                )
        ref = loc.citation.archival
        iso = ref.item.date if ref is not None else None
        if iso and not _iso_valid(iso) and all(d.valid for d in found):
            c = loc.citation
            yield Hit(
                loc.note,
                c.start,
                c.end,
                f"the document's date ({iso}) is not a date that exists",
                suggestion="check the date against the document",
                located=loc,
            )


def _rewrite(d: Date, style: str) -> str:
    name = month_name(d.month)
    if style == "dmy":
        return f"{d.day} {name} {d.year}"
    if style == "numeric":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    return f"{name} {d.day}, {d.year}"


@rule("date-style")
def date_style(ms: Manuscript) -> Iterator[Hit]:
    every = ms.memo("dates", _all_dates)
    found = [d for ds in every.values() for d in ds if not d.quoted and d.valid]
    counted = Counter(d.style for d in found)
    if len(counted) < 2:
        return
    top = max(counted.values())
    leaders = [s for s in STYLES if counted[s] == top]
    target = "mdy" if "mdy" in leaders else leaders[0]
    total = sum(counted.values())
    for d in found:
        if d.style == target:
            continue
        text = d.located.note.text[d.start : d.end]
        yield Hit(
            d.located.note,
            d.start,
            d.end,
            f"“{text}” is written {STYLES[d.style].split(' (')[0]}; "
            f"{counted[target]} of {total} dates in the manuscript are "
            f"{STYLES[target]}",
            suggestion=_rewrite(d, target),
            located=d.located,
        )
