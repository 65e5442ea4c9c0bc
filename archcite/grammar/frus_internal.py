"""References inside the current FRUS volume: "See Document 389", "footnote 2,
Document 6", "See footnote 2 above", "Ante, p. 5", "See No. 12", "Supra", and
the bare "p. 13" of the legacy volumes.

They name no volume; the resolve stage fills it in
(:func:`archcite.authority.frus_volumes.with_volume`).
"""

from __future__ import annotations

import re

from archcite.authority.frus_volumes import CURRENT_DOCUMENT
from archcite.grammar.frus_scan import LINES, PAGES, Ref, page_items
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

    def free(s: int, e: int) -> bool:
        return all(
            e <= a or s >= b for a, b in taken + [(r.start, r.end) for r in found]
        )

    for m in INTERNAL_DOCS.finditer(text):
        if not free(m.start(), m.end()) or _other_series_before(text, m.start()):
            continue
        if _IBID_BEFORE.search(text, 0, m.start()):
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
    for m in FOOTNOTE_HERE.finditer(text) if "ootnote" in text else ():
        if free(m.start(), m.end()):
            fns = [(CURRENT_DOCUMENT, n) for n in expand(m.group("list"))]
            found.append(Ref(m.start(), m.end(), footnotes=fns))
    # Nineteenth-century volumes number documents "No. 12"; only "See No. 12",
    # "in No. 12" and a bare "No. 12." are references (telegram No. 35 is not),
    # and "[Inclosure 3 in No. 12.]" heads the inclosure: a label, not a link.
    numbered = () if inclosure_label(text) else NUMBERED.finditer(text)
    for m in numbered:
        if free(m.start(), m.end()):
            nums = expand(m.group("list") or m.group("list2"))
            found.append(Ref(m.start(), m.end(), documents=nums, has_locator=True))
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
    for m in PAGES.finditer(text):
        if not free(m.start(), m.end()) or not _bare_page_ok(text, m):
            continue
        # "p. 435, l. 9": the line belongs to the reference, and is no page
        line = LINES.match(text, m.end())
        end = line.end() if line else m.end()
        ref = Ref(m.start(), end, pages=page_items(m.group("list")), has_locator=True)
        found.append(ref)
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


def describes_document(head: str) -> bool:
    """Whether ``head`` (the words before a locator, without the comma) describes
    a document rather than naming a work: a kind of document with its number or
    date, or with its addressee ("Instruction to the Minister in China")."""
    head = head.strip()
    last = _COMMA_SPLIT.split(head)[-1] if head else ""
    if _WORK_WORDS.search(head) or _TITLE_CASE.match(last.strip()):
        return False
    return bool(
        (_DOC_WORDS.search(head) and _DIGIT.search(head))
        or _DOCUMENT_OPENING.match(head)
        or _DATED.match(head)
    )


def _bare_page_ok(text: str, m: re.Match[str]) -> bool:
    """Whether a lone "p. 13" points into the current volume.

    Legacy volumes cite their own pages bare: "See p. 128", "See footnote 36,
    p. 24", "See telegram No. 35, February 4, from the chairman …, p. 13". A
    page after a work's title ("Leary, *The CIA*, pp. 63") is not FRUS.
    """
    before = text[: m.start()].rstrip()
    if _SEE_END.search(before) or before == "":
        return True
    if _IBID_END.search(before):
        return False  # "…, ibid., p. 860": the ibid. antecedent's volume
    after = text[m.end() :].strip()
    if line := LINES.match(text, m.end()):
        after = text[line.end() :].strip()
    if _ANTE_AFTER.fullmatch(after):
        return True
    if after not in ("", ".", ")", ").") and not after.startswith((";", ". ")):
        return False
    if not _COMMA_END.search(before):
        return False
    head = before.rstrip(',”"')
    last = _COMMA_SPLIT.split(head)[-1] if head else ""
    # the segment right before the page is the document's description or a date
    if _WORK_WORDS.search(head) or _TITLE_CASE.match(last.strip()):
        return False
    quoted = _QUOTED_START.match(last.strip())
    # A document is described by its number or date ("telegram No. 35,
    # February 4"); "Historical Note, p. xx" names a work, whose page it is.
    described = _DOC_WORDS.search(head) and _DIGIT.search(head)
    dated = _DATED.match(head.strip())
    return bool(described or quoted or dated or _EDITORS_PLACE.search(head))
