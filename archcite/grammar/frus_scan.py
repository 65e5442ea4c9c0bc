"""The lexical layer of the FRUS grammar: page lists and the reference being
assembled, shared by the named-volume scanner (:mod:`.frus`) and the
internal-reference scanner (:mod:`.frus_internal`). Numbers, lists and the
page and document words come from the shared vocabulary (:mod:`.vocab`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from archcite.authority.frus_volumes import Parts
from archcite.grammar.frus_urls import FrusUrl
from archcite.grammar.vocab import DASH, LIST_SEP, PAGE, PAGE_WORD, SEP

# The page label as the volumes print it: also capitalized at the start of a
# note ("Page 412.", "Pp. 212–214."), and "pp 300" with its period left out.
PAGE_LABEL = rf"(?:{PAGE_WORD}|Pp\.|Pages?|pp(?=\s+\d))"
# What ends a list of pages although a separator and a number follow: a line
# ("p. 435, l. 9": line 9, not page l) or the next year of a list of volumes
# ("pp. 46 ff., and 1924, vol. ii": 1924 is a year, not a page).
_NOT_A_PAGE = r"(?!ll?\.\s*\d|\d{4}\s*,\s*(?:[Vv]ol|pp?\.|pt\b|[Ss]upp|Part))"
PAGES = re.compile(
    rf"{PAGE_LABEL}\s*(?P<list>{PAGE}(?:{SEP}{_NOT_A_PAGE}{PAGE})*)(?![\w/])"
)
#: a line locator after a page ("p. 435, l. 9", "ll. 4–6"): part of the
#: reference, never a page
LINES = re.compile(rf",?\s*ll?\.\s*\d+(?:\s*{DASH}\s*\d+)?")
DASH_SPACED = re.compile(rf"\s*{DASH}\s*")
FF_END = re.compile(r"\s+ff\.?$")
ET_SEQ_END = re.compile(r"\s+et\s+seq\.?$")


@dataclass
class Ref:
    """A reference being assembled by the scanner (mutable while scanning)."""

    start: int
    end: int
    parts: Parts = field(default_factory=Parts)
    documents: list[int] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    footnotes: list[tuple[int, int]] = field(default_factory=list)
    from_ibid: bool = False
    has_locator: bool = False
    #: the volumes after the first of "vols. V and VI" (number, start, end of
    #: the numeral): the named-volume scanner makes one reference of each
    more_volumes: list[tuple[int, int, int]] = field(default_factory=list)
    #: where the first volume's numeral ends ("vols. V")
    first_volume_end: int = 0
    #: where the reference's lead-in ends, for its role ("printed in")
    lead_end: int | None = None
    #: "V–VII" when the volumes are a range, which gives one reference each
    volume_range: str | None = None
    #: a remark for the reason: a volume inside a range is cited by the dash
    note: str | None = None
    #: the history.state.gov link that ends the reference, or makes it
    url: FrusUrl | None = None


def page_items(text: str) -> list[str]:
    items = LIST_SEP.split(text.strip())
    out = []
    for item in items:
        item = DASH_SPACED.sub("–", item.strip())
        item = FF_END.sub(" ff.", item)
        item = ET_SEQ_END.sub(" et seq.", item)
        if item:
            out.append(item)
    return out


class Spans:
    """Character spans already claimed in a clause, for overlap tests.

    A list scan per test made a clause with thousands of references quadratic;
    the spans are kept sorted so that a test looks at one neighbour. Spans that
    overlap each other (never made by the scanners, but possible in principle)
    switch the tests back to a full scan, so the answers never change.
    """

    __slots__ = ("_ends", "_nested", "_starts")

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._nested = False
        for a, b in spans or ():
            self.add(a, b)

    def free(self, s: int, e: int) -> bool:
        """Whether ``[s, e)`` overlaps no span (``e <= a or s >= b`` for each)."""
        i = bisect_left(self._starts, e)
        if self._nested:
            return all(b <= s for b in self._ends[:i])
        return i == 0 or self._ends[i - 1] <= s

    def covers(self, p: int) -> bool:
        """Whether some span has ``a <= p < b``."""
        i = bisect_right(self._starts, p)
        if self._nested:
            return any(p < b for b in self._ends[:i])
        return i > 0 and p < self._ends[i - 1]

    def add(self, a: int, b: int) -> None:
        if not self._nested and not self.free(a, b):
            self._nested = True
        i = bisect_right(self._starts, a)
        self._starts.insert(i, a)
        self._ends.insert(i, b)
        if not self._nested and ((i > 0 and self._ends[i - 1] > b) or b < a):
            self._nested = True


def tail_start(text: str, end: int, width: int) -> int:
    """Where to start a ``$``-anchored search that ends at ``end``.

    Such a search (``pattern.search(text, start, end)``) tried from the start of
    the text costs the whole prefix for every anchor, which made long clauses
    quadratic. Its match is never longer than ``width`` characters plus the
    whitespace run right before ``end``, which is skipped here.
    """
    k = end
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return max(0, k - width)
