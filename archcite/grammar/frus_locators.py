"""The locators of a FRUS reference: documents, pages, footnotes, lines, links.

Shared by the named-volume scanner (:mod:`.frus`) for every form a reference
ends in:

* labelled locators, one after another or joined by "and": "Documents 35
  and 36", "pp. 1091–1093 (Document 20)", "Document 45, and Document 100",
  "pp. 20 ff. and p. 990", "p. 435, l. 9" (a line is not a page);
* Chicago's volume and page: "6:35", "29, pt. 2: 112", "6: doc. 35"
  (:func:`volume_colon`);
* a bare number after the imprint, which Chicago makes a page:
  "(Washington, DC: Government Printing Office, 2006), 45"
  (:func:`bare_pages`);
* a history.state.gov link after the reference (:func:`link`).
"""

from __future__ import annotations

import re

from archcite.grammar.frus_scan import LINES, PAGES, Ref, page_items
from archcite.grammar.frus_urls import FrusUrl, find_urls
from archcite.grammar.vocab import DOCUMENT, NUM_LIST, PAGE, SEP, expand, number

DOCS = re.compile(
    rf"(?:{DOCUMENT}|[Dd]ocuments?|Nos?\.)\s+(?P<list>{NUM_LIST})(?![\d/])"
)
_FOOTNOTE_AFTER = re.compile(
    r",?\s*(?:footnote|fn\.)\s+(?P<fn>\d+)|\s+and\s+footnote\s+(?P<fn2>\d+)\s+thereto"
)
_PAREN_DOCS = re.compile(rf"\s*\({DOCUMENT}\s+(?P<list>{NUM_LIST})\)")
_PASSIM = re.compile(r",?\s*passim\b")
_AND = re.compile(r"and\s+")
_ROMAN_OR_NUM = r"(?:[IVXLC]+|\d{1,3})"
# "6:35", "6: doc. 35", "29, pt. 2: 112", "2, pt. 1:577–79": Chicago's volume
# before a colon, then the page (or the document) in it.
_VOLUME_COLON = re.compile(
    rf"(?P<v>{_ROMAN_OR_NUM})(?:\s*,\s*(?:pt\.?|[Pp]art)\s*(?P<p>{_ROMAN_OR_NUM}))?"
    r"\s*:\s*(?=[\dDd])"
)
_PAGE_LIST = re.compile(
    rf"(?P<list>{PAGE}(?:{SEP}{PAGE})*)"
    r"(?=[.;)\s]|$|,\s*<?(?:https?://|history\.state\.gov))"
)


def skip(text: str, i: int) -> int:
    """The position after the separators (spaces, commas, periods, colons) at ``i``."""
    while i < len(text) and text[i] in " ,.:\t\n":
        i += 1
    return i


def modern(years: str | None) -> bool:
    """Document numbers are printed from the 1955–57 subseries on."""
    return years is not None and int(years[:4]) >= 1955


def locators(text: str, i: int, ref: Ref) -> int:
    """Consume documents/pages (and their footnotes, "(Document 20)") at ``i``."""
    while True:
        j = skip(text, i)
        if ref.has_locator and (a := _AND.match(text, j)):
            # "Document 45, and Document 100"; "pp. 20 ff. and p. 990"
            nxt = a.end()
            if DOCS.match(text, nxt) or PAGES.match(text, nxt):
                j = nxt
        m = DOCS.match(text, j)
        if m and not (m.group(0).startswith("No") and modern(ref.parts.years)):
            docs = expand(m.group("list"))
            ref.documents.extend(docs)
            i = m.end()
            f = _FOOTNOTE_AFTER.match(text, i)
            if f and docs:
                ref.footnotes.append((docs[-1], int(f.group("fn") or f.group("fn2"))))
                i = f.end()
            ref.has_locator = True
            continue
        m = PAGES.match(text, j)
        if m:
            ref.pages.extend(page_items(m.group("list")))
            i = m.end()
            if line := LINES.match(text, i):
                i = line.end()
            p = _PAREN_DOCS.match(text, i)
            if p:
                ref.documents.extend(expand(p.group("list")))
                i = p.end()
            f = _FOOTNOTE_AFTER.match(text, i)
            if f and f.group("fn"):
                i = f.end()
            m2 = _PASSIM.match(text, i)
            if m2:
                i = m2.end()
            ref.has_locator = True
            continue
        return i


def volume_colon(text: str, j: int, ref: Ref) -> tuple[int, int | None, int] | None:
    """Chicago's "6:35" at ``j``: (volume, part, end) with the locator taken
    into ``ref`` — a document when it is labelled ("6: doc. 35"), else pages."""
    m = _VOLUME_COLON.match(text, j)
    if m is None:
        return None
    volume = number(m.group("v"))
    part = number(m.group("p")) if m.group("p") else None
    if volume is None:
        return None
    k = locators(text, m.end(), ref)
    if k == m.end():
        k = bare_pages(text, m.end(), ref)
    if k == m.end():
        return None
    return volume, part, k


def bare_pages(text: str, j: int, ref: Ref) -> int:
    """Pages written without a label at ``j`` ("158–59", "1, 14–15")."""
    m = _PAGE_LIST.match(text, j)
    if m is None:
        return j
    ref.pages.extend(page_items(m.group("list")))
    ref.has_locator = True
    return m.end()


_LINK_GAP = re.compile(r"[\s,]*")


def link(text: str, i: int) -> FrusUrl | None:
    """A history.state.gov link right after position ``i`` (after ", ")."""
    if "history.state.gov" not in text:
        return None
    gap = _LINK_GAP.match(text, i)
    at = gap.end() if gap else i
    for url in find_urls(text[at:]):
        if url.start == 0:
            return FrusUrl(at, at + url.end, url.volume_id, url.document, url.page)
        break
    return None
