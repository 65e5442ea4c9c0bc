"""The lexical layer of the FRUS grammar: numbers, pages and the reference
being assembled, shared by the named-volume scanner (:mod:`.frus`) and the
internal-reference scanner (:mod:`.frus_internal`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from archcite.grammar.frus_ids import Parts

DASH = r"[–—-]"
NUM_LIST = rf"\d+(?:\s*{DASH}\s*\d+)?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d+(?:\s*{DASH}\s*\d+)?)*"
PAGE = rf"(?:\d+|[ivxlc]+(?![a-z]))(?:\s*{DASH}\s*(?:\d+|[ivxlc]+(?![a-z])))?(?:\s+ff\.?|\s+et\s+seq\.?)?"
PAGES = re.compile(
    rf"(?:pp?\.|pages?)\s*(?P<list>{PAGE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){PAGE})*)"
    rf"(?![\w/])"
)
LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
NUM_ITEM = re.compile(rf"(\d+)(?:\s*{DASH}\s*(\d+))?")
DASH_SPACED = re.compile(rf"\s*{DASH}\s*")
FF_END = re.compile(r"\s+ff\.?$")
ET_SEQ_END = re.compile(r"\s+et\s+seq\.?$")

# "Senate Committee on Foreign Relations", "Journal of Foreign Relations": the
# words before "Foreign Relations" make it part of another name, not the series.
# Searched in the text before the anchor (``$`` is where the anchor starts).
OTHER_NAME = re.compile(
    r"""(?:\b(?:(?:[Ss]ub)?[Cc]ommittee|Council|Commission|Journal|Review|Quarterly
         |Bulletin|Yearbook|Department|Ministry|Minister|Secretary|Secretariat
         |Institute|Bureau|Office|Division|Society|Association|Cent(?:er|re)|School
         |Academy|Board|Agency)\s+(?:on|of|for)\s+(?:the\s+)?
       |\bSenate\s+
       |\bAmerican\s+)$""",
    re.VERBOSE,
)


def other_name(text: str, anchor: int) -> bool:
    """Whether "Foreign Relations" at ``anchor`` ends another name (a committee,
    a journal, a ministry, the Council on Foreign Relations' *Documents on
    American Foreign Relations*) rather than naming the series."""
    return OTHER_NAME.search(text, max(0, anchor - 40), anchor) is not None


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


def expand(numbers: str) -> list[int]:
    """ "217 and 218" -> [217, 218]; "12–14" -> [12, 13, 14] (ranges of <= 500)."""
    out: list[int] = []
    for item in LIST_SEP.split(numbers.strip()):
        m = NUM_ITEM.fullmatch(item.strip())
        if not m:
            continue
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        if last < first or last - first > 500:
            out.append(first)
        else:
            out.extend(range(first, last + 1))
    return out


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
