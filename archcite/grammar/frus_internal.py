"""References inside the current FRUS volume: "See Document 389", "footnote 2,
Document 6", "See footnote 2 above", "Ante, p. 5", "See No. 12", "Supra", and
the bare "p. 13" of the legacy volumes.

They name no volume; the resolve stage fills it in
(:func:`archcite.authority.frus_volumes.with_volume`).
"""

from __future__ import annotations

import re
from functools import cached_property

from archcite.authority.frus_volumes import CURRENT_DOCUMENT
from archcite.grammar.frus_scan import LINES, PAGES, Ref, Spans, page_items, tail_start
from archcite.grammar.labels import inclosure_label
from archcite.grammar.vocab import (
    DOCUMENT_KIND,
    MONTH_STEM,
    NUM_LIST,
    PAGE,
    PAGE_WORD,
    SEP,
    expand,
)

INTERNAL_DOCS = re.compile(
    rf"footnote\s+(?P<fn>\d+),?\s+(?:to\s+)?Document\s+(?P<doc>\d+)"
    rf"|(?P<docs>Documents?\s+{NUM_LIST})(?:,?\s+footnote\s+(?P<fn2>\d+))?"
)
# "see footnote 2 above": a footnote of the note's own document (TEI), or of
# the manuscript's own notes; the resolve stage decides which.
FOOTNOTE_HERE = re.compile(
    rf"\b[Ff]ootnotes?\s+(?P<list>{NUM_LIST})\s+(?:above|below)\b"
)
_IBID_BEFORE = re.compile(r"\b[Ii]bid\.,?\s*$")
# "See No. 12", "in No. 12", or "No. 12." alone. The lookbehinds come after the
# literal "No" so that the scan can skip to each "N" (ten times faster).
NUMBERED = re.compile(
    rf"No(?:(?<=\b[Ss]ee\sNo)|(?<=\bin\sNo)|(?<=^No))s?\.\s+(?P<list>{NUM_LIST})\.?$"
    rf"|No(?:(?<=\b[Ss]ee\sNo)|(?<=\bin\sNo))s?\.\s+(?P<list2>\d+)\b"
)
ANTE = re.compile(
    rf"\b(?P<w>[Aa]nte|[Pp]ost|[Ss]upra|[Ii]nfra)\b\.?,?(?:\s*(?P<pp>{PAGE_WORD}\s*"
    rf"{PAGE}(?:(?:{SEP}|,?\s+and\s+pp?\.\s*){PAGE})*))?"
)
_PAGE_WORD = re.compile(rf"{PAGE_WORD}\s*")


def internal_refs(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
    """ "Document 389", "footnote 2, Document 6", "Ante, p. 5", "No. 12", "Supra"."""
    found: list[Ref] = []
    claimed = Spans(taken)
    free = claimed.free
    before = Prefixes(text)

    for m in INTERNAL_DOCS.finditer(text):
        if not free(m.start(), m.end()) or _other_series_before(text, m.start()):
            continue
        if _IBID_BEFORE.search(text, tail_start(text, m.start(), 8), m.start()):
            continue  # "printed ibid., Document 292": the ibid. antecedent's volume
        if m.group("doc"):
            doc = int(m.group("doc"))
            ref = Ref(
                m.start(),
                m.end(),
                documents=[doc],
                footnotes=[(doc, int(m.group("fn")))],
            )
        else:
            docs = expand(m.group("docs").split(None, 1)[1])
            fns = [(docs[-1], int(m.group("fn2")))] if m.group("fn2") and docs else []
            ref = Ref(m.start(), m.end(), documents=docs, footnotes=fns)
        ref.has_locator = True
        found.append(ref)
        claimed.add(ref.start, ref.end)
    for m in FOOTNOTE_HERE.finditer(text) if "ootnote" in text else ():
        if free(m.start(), m.end()):
            fns = [(CURRENT_DOCUMENT, n) for n in expand(m.group("list"))]
            found.append(Ref(m.start(), m.end(), footnotes=fns))
            claimed.add(m.start(), m.end())
    # Nineteenth-century volumes number documents "No. 12"; only "See No. 12",
    # "in No. 12" and a bare "No. 12." are references (telegram No. 35 is not),
    # and "[Inclosure 3 in No. 12.]" heads the inclosure: a label, not a link.
    numbered = () if inclosure_label(text) else NUMBERED.finditer(text)
    for m in numbered:
        if free(m.start(), m.end()):
            nums = expand(m.group("list") or m.group("list2"))
            found.append(Ref(m.start(), m.end(), documents=nums, has_locator=True))
            claimed.add(m.start(), m.end())
    # (the substring test skips a scan that cannot match, cheaply)
    ante = "nte" in text or "ost" in text or "upra" in text or "nfra" in text
    for m in ANTE.finditer(text) if ante else ():
        if not free(m.start(), m.end()):
            continue
        ref = Ref(m.start(), m.end())
        if m.group("pp"):
            listed = _PAGE_WORD.sub("", m.group("pp"))
            ref.pages = page_items(listed)
            ref.has_locator = True
        elif m.group("w").lower() in ("ante", "post"):
            continue  # "ante" in prose without a page is not a reference
        found.append(ref)
        claimed.add(ref.start, ref.end)
    for m in PAGES.finditer(text):
        if not free(m.start(), m.end()) or not _bare_page_ok(text, m, before):
            continue
        # "p. 435, l. 9": the line belongs to the reference, and is no page
        line = LINES.match(text, m.end())
        end = line.end() if line else m.end()
        ref = Ref(m.start(), end, pages=page_items(m.group("list")), has_locator=True)
        found.append(ref)
        claimed.add(ref.start, ref.end)
    return found


_OTHER_SERIES = re.compile(
    r"\b(?:[Vv]ol(?:ume)?s?\.?\s+[IVXLCivxlc\d]+|Series\s+[A-Z])\b"
)


def _other_series_before(text: str, at: int) -> bool:
    """ "Documents on German Foreign Policy, vol. X, Document 5": not this volume."""
    return bool(_OTHER_SERIES.search(text[max(0, at - 80) : at]))


_SEE_END = re.compile(
    r"(?:^|\b[Ss]ee|\b[Cc]f\.|\bsee\s+also|\b(?:[Pp]rinted|[Qq]uoted)\s+(?:on|at))$"
)
# "Printed on p. 58, ante.": the page is one of this volume's
_ANTE_AFTER = re.compile(r",?\s*(?:ante|post|supra|infra)\b\.?\)?\.?$", re.IGNORECASE)
# The document described by its date alone ("Dated March 2, p. 377"), or by a
# telegram's number and date ("No. 214, June 3, 6 p.m., p. 290").
_DATED = re.compile(
    rf"^(?:[Dd]ated\s+|No\.\s+\d+,\s*)?{MONTH_STEM}\s+\d{{1,2}}(?:,\s*\d{{4}})?"
    r"(?:,\s*(?:\d{1,2}(?::\d\d)?\s*[ap]\.\s?m\.|noon|midnight))?$"
)
# "See bracketed note, p. 267"; "see inclosure to document numbered 112, page 330"
_EDITORS_PLACE = re.compile(
    r"\b(?:bracketed|editorial|editor’s|editor's)\s+note\b|\b(?:in|en)closure\b"
    r"|\bdocument\s+numbered\s+\d+",
    re.IGNORECASE,
)
_IBID_END = re.compile(r"\b[Ii]bid\.,?$")
_COMMA_END = re.compile(r",[”\"]?$")
_COMMA_SPLIT = re.compile(r",\s*")
_WORK_WORDS = re.compile(r"\b(?:Press|Series|Report|Papers?|History|Documents)\b")
_DIGIT = re.compile(r"\d")
# "…, and Historical Note, p. xix": capitalized words only, the title of a work
_TITLE_CASE = re.compile(r"(?:and\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+$")
_QUOTED_START = re.compile(r"(?:[Ss]ee\s+)?[“\"]")
_DOC_WORDS = re.compile(
    rf"\b(?:{DOCUMENT_KIND}|press\s+(?:release|statement)|footnote\s+\d+|art\.\s+\d+)\b",
    re.IGNORECASE,
)


# "Instruction to the Minister in China", "Telegram No. 2, January 3, 5 p.m., to
# the Ambassador in Great Britain": a document named by its kind and its
# addressee or number, whose printing the volume then gives.
_DOCUMENT_OPENING = re.compile(
    r"^(?:The\s+)?(?:telegram|instruction|despatch|dispatch|memorandum|note|letter|"
    r"airgram|aide-m[ée]moire)\s+(?:No\.\s*\d|to\s|from\s|of\s|\d)",
    re.IGNORECASE,
)


class Prefixes:
    """Tests on the text before a position, for many positions in one clause.

    A clause of a thousand references asked, for each, whether the whole text
    before it holds a word ("Papers", "telegram", a digit) and copied that
    prefix to ask: quadratic. Here the first match of a pattern in the whole
    text answers every prefix that reaches it, and only a prefix that cuts a
    match short needs a look at its own last characters; tests anchored at
    the start of the prefix read a bounded head of it. The answers are those
    of the tests on the copied prefix.
    """

    #: patterns anchored at both ends match no prefix longer than this
    SHORT = 300

    def __init__(self, text: str) -> None:
        self.text = text
        self._first: dict[re.Pattern[str], int] = {}

    @cached_property
    def _lead(self) -> int:
        return len(self.text) - len(self.text.lstrip())

    @cached_property
    def _end(self) -> int:
        return len(self.text.rstrip())

    def has(self, pattern: re.Pattern[str], end: int, width: int = 40) -> bool:
        """Whether ``pattern.search(text[:end])`` finds something."""
        if pattern not in self._first:
            m = pattern.search(self.text)
            self._first[pattern] = m.end() if m else len(self.text) + 1
        if self._first[pattern] <= end:
            return True
        start = tail_start(self.text, end, width)
        return pattern.search(self.text, start, end) is not None

    def stripped(self, end: int) -> tuple[int, int]:
        """The bounds of ``text[:end].strip()``."""
        e = end
        while e > self._lead and self.text[e - 1].isspace():
            e -= 1
        return min(self._lead, e), e

    def head(self, start: int, end: int) -> str:
        """``text[start:end]`` if short; a match anchored at both of its ends
        cannot span more (see :data:`SHORT`)."""
        return self.text[start:end] if end - start <= self.SHORT else ""

    def opening(self, start: int, end: int) -> str:
        """The first :data:`SHORT` characters of ``text[start:end]``."""
        return self.text[start : min(end, start + self.SHORT)]

    def after(self, start: int) -> tuple[str, str]:
        """``text[start:].strip()`` when short (a marker when not), and its
        first two characters."""
        s = start
        while s < self._end and self.text[s].isspace():
            s += 1
        if s >= self._end:
            return "", ""
        if self._end - s <= self.SHORT:
            rest = self.text[s : self._end]
            return rest, rest[:2]
        return "\x00long", self.text[s : s + 2]

    def last_segment(self, start: int, end: int) -> str:
        """The part of ``text[start:end]`` after its last comma (and spaces)."""
        comma = self.text.rfind(",", start, end)
        if comma == -1:
            return self.text[start:end]
        split = _COMMA_SPLIT.match(self.text, comma, end)
        return self.text[split.end() if split else comma + 1 : end]


def describes_document_at(before: Prefixes, end: int) -> bool:
    """Whether the words before ``end`` (before a locator, without the comma)
    describe a document rather than name a work: a kind of document with its
    number or date, or with its addressee ("Instruction to the Minister in
    China")."""
    s0, e0 = before.stripped(end)
    if s0 == e0:
        return False
    last = before.last_segment(s0, e0).strip()
    if before.has(_WORK_WORDS, e0) or _TITLE_CASE.match(last):
        return False
    return bool(
        (before.has(_DOC_WORDS, e0) and before.has(_DIGIT, e0, 1))
        or _DOCUMENT_OPENING.match(before.opening(s0, e0))
        or _DATED.match(before.head(s0, e0))
    )


def _bare_page_ok(text: str, m: re.Match[str], before: Prefixes) -> bool:
    """Whether a lone "p. 13" points into the current volume.

    Legacy volumes cite their own pages bare: "See p. 128", "See footnote 36,
    p. 24", "See telegram No. 35, February 4, from the chairman …, p. 13". A
    page after a work's title ("Leary, *The CIA*, pp. 63") is not FRUS.

    Every test reads the text around the page through offsets, never a copy of
    what comes before or after it: a clause of a thousand pages stays linear.
    """
    b = m.start()
    while b > 0 and text[b - 1].isspace():
        b -= 1
    if b == 0 or _SEE_END.search(text, tail_start(text, b, 40), b):
        return True
    if _IBID_END.search(text, tail_start(text, b, 8), b):
        return False  # "…, ibid., p. 860": the ibid. antecedent's volume
    line = LINES.match(text, m.end())
    after, opening = before.after(line.end() if line else m.end())
    if _ANTE_AFTER.fullmatch(after):
        return True
    if after not in ("", ".", ")", ").") and not opening.startswith((";", ". ")):
        return False
    if not _COMMA_END.search(text, max(0, b - 2), b):
        return False
    h = b
    while h > 0 and text[h - 1] in ',”"':
        h -= 1
    last = before.last_segment(0, h).strip() if h else ""
    # the segment right before the page is the document's description or a date
    if before.has(_WORK_WORDS, h) or _TITLE_CASE.match(last):
        return False
    quoted = _QUOTED_START.match(last)
    # A document is described by its number or date ("telegram No. 35,
    # February 4"); "Historical Note, p. xx" names a work, whose page it is.
    described = before.has(_DOC_WORDS, h) and before.has(_DIGIT, h, 1)
    s0, e0 = before.stripped(h)
    dated = _DATED.match(before.head(s0, e0))
    return bool(described or quoted or dated or before.has(_EDITORS_PLACE, h))
