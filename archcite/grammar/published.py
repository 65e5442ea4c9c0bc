"""Recognize published works: documentary editions, serials, books, articles, chapters.

Two families of notes cite printed works:

* FRUS source notes and printings name documentary editions and serials
  ("Source: *American Foreign Policy: Current Documents, 1960*, p. 476"; "Also
  printed in *Papers of Woodrow Wilson*, vol. 43, pp. 456–459"; "16 UST 2029");
* Chicago notes cite books, articles and chapters with their publication facts
  ("Walter A. McDougall, *…the Heavens and the Earth* (New York: Basic Books,
  1985), 320–24"; "John Doe, "Title," *Diplomatic History* 12, no. 3 (1988):
  245–67"; "…, in Michael Warner, editor, *The CIA Under Harry Truman*
  (Washington, D.C.: Central Intelligence Agency, 1994), pp. 437–439"), or in
  short form ("Reischauer, *My Life Between Japan and America*, pp. 262–75").

Each comes out as ``kind="published"`` with a :class:`~archcite.model.PublishedRef`:
``title`` without its volume and pages; ``volume``, ``issue``, ``pages`` (as
cited: "459, n. 2", "367–368, 387"), ``date`` (an issue date, or the year of
publication); for Chicago forms also ``type`` (book, article, chapter,
newspaper; "edition" for documentary editions, serials and treaty series),
``author``, ``editor``, ``container_title`` (journal, newspaper, or the book a
chapter is in), ``publisher`` and ``place``. The grammar of one work is in
:mod:`archcite.grammar.works`.

Roles: "Source:" → ``source``; "printed in", "published in", "reprinted in"
(with or without "also", "in full") → ``printing``; otherwise ``reference``.
A printing in *Foreign Relations* is the FRUS recognizer's, so this one answers
``[]`` for it. Several works joined by "and" come out as several citations; an
"and ibid., vol. 44, pp. 57–59" after a work is its Ibid. citation.

Without a lead-in the recognizer only claims what cannot be prose: known
editions and legal forms ("Treaty Series No. 822", "16 UST 2029"), works with
publication facts in parentheses, and a title (or author and title) followed
by nothing but locators with pages.
"""

from __future__ import annotations

import re
from dataclasses import replace

from archcite.grammar.literals import any_of
from archcite.grammar.locators import title_like
from archcite.grammar.vocab import DOCUMENT_KIND, IN_FULL, MONTH_STEM, PRINTING_VERB
from archcite.grammar.works import (
    DOC_WORDS,
    FIRST_WORD,
    FRUS,
    KNOWN,
    KNOWN_WORKS,
    LEGAL,
    NONE,
    PRINTED,
    SIGNAL,
    Work,
    parse_work,
)
from archcite.model import Citation, Kind, PublishedRef, Role

__all__ = ["KNOWN_WORKS", "gate", "recognize"]

# Every clause the full grammar can claim contains a lead-in word ("printed",
# "Source"), a word of a known edition, a page or volume label or a quote (an
# article's title; page and volume numbers may be roman), or a digit and one of
# a closing parenthesis (publication facts), "No." or a legal abbreviation.
# Substring tests run at C speed, so most prose is refused before any pattern
# runs. tests/test_archival_gates.py and tests/test_published.py check that the
# full grammar finds nothing in any clause the gate refuses (examples, random
# text, every corpus clause).
_WORDS = (
    "rinted", "ublished", "Source", "xcerpted", "uoted",
    "Papers", "Documents", "Bulletin", "Record", "Treaties", "Statutes", "Times",
    "Post", "Foreign Policy", "Yearbook", "Compilation", "Series", "Debates", "Hansard",
    "Case of",
    "p.", "page", "vol", "Vol", "”", '"',
)  # fmt: skip
_WITH_DIGIT = (
    ")", "No.", "no.", "UST", "U.S.T", "Stat.", "UNTS", "U.N.T.S", "Bevans", "TIAS", "T.I.A.S",
    "Cmd.", "Cd.", "Cmnd.",
)  # fmt: skip
_DIGIT = re.compile(r"\d")
# A short form ends in a bare page: "Gaddis, We Now Know, 112–14."
_SHORT_TAIL = re.compile(r",\s*\d{1,4}(?:\s*[–-]\s*\d{1,4})?[\s.]*$")

_SOURCE = re.compile(r"\(?\s*Source\s*[:,.]\s*")
_PRINTED = re.compile(
    rf"\b(?:(?:also|is|are|was|were|been)\s+)*{PRINTING_VERB}{IN_FULL}\s+(?:in|as|from)\s+(?:the\s+)?",
    re.I,
)
# "See", "See also", "Cf.", "For text, see", "Also see", "but see": a signal
# opens the citation, at the start of the clause or after a comma.
_SEE = re.compile(
    r"(?:^|,\s*|\b(?:[Aa]lso|[Aa]nd|but)\s+)(?:[Ss]ee(?:\s+also)?|Cf\.|[Cc]ompare)\s+"
    r"(?:the\s+)?(?=[A-Z“\"‘…\d])"
)
# "The text of the notes is in 16 UST 2029", "The text appears in …".
_IS_IN = re.compile(
    r"\b(?:is|are|was|were|appears?|appeared)\s+(?:also\s+)?in\s+(?:the\s+)?"
)
_SPLIT = re.compile(r",?\s+and\s+(?:in\s+)?(?:the\s+)?")
_IBID_AFTER = re.compile(r",?\s+(?:and\s+)?(?=ibid\.)", re.I)


# One prefix-nested pattern per list: a scan of the clause each, not one per word.
_ANY_WORD = any_of(_WORDS)
_ANY_WITH_DIGIT = any_of(_WITH_DIGIT)


def gate(text: str) -> bool:
    """Whether ``text`` may hold a published work (cheap; never a false refusal)."""
    if _ANY_WORD.search(text) is not None:
        return True
    if _DIGIT.search(text) is None:
        return False
    return (
        _ANY_WITH_DIGIT.search(text) is not None or _SHORT_TAIL.search(text) is not None
    )


def _opening(text: str) -> tuple[int, Role, int]:
    """Where the work starts, the role, and the strength of its lead-in."""
    if m := _SOURCE.match(text):
        return m.end(), "source", PRINTED
    head = text[:200]
    if ("rinted" in head or "ublished" in head or "xcerpted" in head) or (
        "uoted" in head
    ):
        m = _PRINTED.search(text, 0, 200)
        if (
            m is not None
            and m.start() <= 160
            and not any(ch in ".;" for ch in text[: m.start()])
        ):
            return m.end(), "printing", PRINTED
    if "ee " in head or "Cf." in head or "ompare" in head:
        m = _SEE.search(text, 0, 200)
        if m is not None:
            return m.end(), "reference", SIGNAL
    pos = 0
    while pos < len(text) and text[pos] in "( \t[":
        pos += 1
    return pos, "reference", NONE


def _after_is_in(text: str) -> int | None:
    """After "is in" when a known edition or legal form follows."""
    for m in _IS_IN.finditer(text):
        if KNOWN.match(text, m.end()) or LEGAL.match(text, m.end()):
            return m.end()
    return None


# "Collective note to Germany, December 1, 1926, …, League of Nations Treaty
# Series, vol. liv, p. 299": a document described by its kind or its date, then
# the edition that prints it.
_DESCRIBES = re.compile(
    rf"\b(?:\d{{4}}|{MONTH_STEM}\s+\d{{1,2}})\b|\b(?:{DOCUMENT_KIND}|treat(?:y|ies)|"
    r"conventions?|agreements?|protocols?|declarations?|acts?|exchanges?)\b",
    re.IGNORECASE,
)
_COMMA = re.compile(r",\s+")


def _after_description(text: str, start: int) -> int | None:
    """Where a known edition starts after a description of what it prints."""
    for m in _COMMA.finditer(text, start):
        at = m.end()
        if (KNOWN.match(text, at) or LEGAL.match(text, at)) and _DESCRIBES.search(
            text, start, m.start()
        ):
            return at
    return None


# "See the joint communiqué issued on June 22, 1961, in American Foreign Policy:
# Current Documents, 1961, pp. 964–965": a document, described by its kind or
# date, then ", in" and the edition that prints it. The citation is the
# document (title) in the edition (container).
_IN_EDITION = re.compile(r",\s+in\s+(?:the\s+)?")
_SIGNAL_HEAD = re.compile(r"(?:[Ss]ee(?:\s+also)?|Cf\.|[Cc]ompare)\s+")
_DOC_DATE = re.compile(rf"\b{MONTH_STEM}\s+\d{{1,2}},\s+\d{{4}}\b")
#: A description longer than this is prose that mentions an edition.
_MAX_DESCRIPTION = 160
# A sentence ends inside the description: it is prose, not one document.
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")


def _document_in_edition(text: str) -> list[Citation]:
    """A described document printed in a known edition, or ``[]``."""
    s = 0
    while s < len(text) and text[s] in "( \t[":
        s += 1
    if m := _SIGNAL_HEAD.match(text, s):
        s = m.end()
    for m in _IN_EDITION.finditer(text, s):
        at = m.end()
        if not (KNOWN.match(text, at) or LEGAL.match(text, at)) or FRUS.match(text, at):
            continue
        desc = text[s : m.start()].strip()
        if (
            not desc
            or len(desc) > _MAX_DESCRIPTION
            or any(ch in desc for ch in ";:()")
            or _SENTENCE_BREAK.search(desc)
            or not _DESCRIBES.search(desc)
        ):
            return []
        a, e = _trim(text, at, len(text))
        w = parse_work(text, a, e, SIGNAL)
        if w is None:
            return []
        cite = _cite(text, s, w, "reference")
        date = _DOC_DATE.search(desc)
        ref = replace(
            w.ref,
            title=desc,
            container_title=w.ref.title,
            type="chapter",
            date=w.ref.date or (date.group() if date else None),
        )
        return [replace(cite, kind="published", published=ref)]
    return []


_FIRST_PART = re.compile(r"[,(]")


def _may_open_work(text: str, start: int) -> bool:
    """Cheap test: can a work with no lead-in start at ``start``?

    Without a lead-in the grammar wants a known edition, a legal form, or a
    headline-case title (or an author, or a quoted title) that does not open
    with a document word ("Telegram No. 1", "Enclosure to despatch No. 227").
    """
    if KNOWN.match(text, start) or LEGAL.match(text, start):
        return True
    while start < len(text) and text[start] in " \t\n,":
        start += 1  # components() trims these too
    ch = text[start : start + 1]
    if ch in '“"‘….':
        return True  # a quoted title, or a title after an ellipsis
    if not ch.isupper():
        return False
    w = FIRST_WORD.match(text, start)
    if w is not None and w.group() in DOC_WORDS:
        return False
    # The first part is an author or a title, so it reads as a name or title
    # (and so does every prefix of it): "In telegram 632 from Tokyo, …" does not.
    m = _FIRST_PART.search(text, start)
    return title_like(text[start : m.start() if m else len(text)].strip())


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t(":
        s += 1
    while e > s and text[e - 1] in " \t.,;)":
        e -= 1
    # A closing parenthesis that closes one inside the work stays.
    if text[s:e].count("(") > text[s:e].count(")") and text[e : e + 1] == ")":
        e += 1
    return s, e


def _cite(text: str, s: int, w: Work, role: Role) -> Citation:
    e = w.end
    # Keep the period of a trailing abbreviation ("ff.", "ed.").
    if text[e : e + 1] == "." and text[max(s, e - 3) : e] in ("ff", " ff", "ed", "eds"):
        e += 1
    kind: Kind = "short" if is_short_form(w.ref) else "published"
    return Citation(text[s:e], s, e, kind, "parsed", role=role, published=w.ref)


#: Chicago's short title has at most four words (CMOS 17, 14.30) and no subtitle;
#: "Leary, The Central Intelligence Agency: History and Documents, p. 63" is a
#: full title, as FRUS cites the works of its front-matter bibliography.
_SHORT_TITLE_WORDS = 4
_SURNAME_ONLY = re.compile(r"^\S+$")


def is_short_form(ref: PublishedRef) -> bool:
    """Author, short title and page, nothing else: Chicago's short form of a
    work cited in full earlier ("Gaddis, *We Now Know*, 45"); the resolver
    finds the full citation or says why not."""
    return bool(
        ref.type == "book"
        and ref.author
        and all(_SURNAME_ONLY.match(a) for a in ref.author)
        and ref.title
        and ":" not in ref.title
        and len(ref.title.split()) <= _SHORT_TITLE_WORDS
        and ref.pages
        and not (
            ref.editor
            or ref.volume
            or ref.date
            or ref.publisher
            or ref.place
            or ref.container_title
        )
    )


def _ibid_tail(text: str, start: int, end: int) -> list[Citation]:
    from archcite.grammar import shortforms

    found = shortforms.recognize(text[start:end])
    return [
        replace(c, start=c.start + start, end=c.end + start)
        for c in found
        if c.kind == "ibid"
    ]


def _recognize(text: str, shortcut: bool = True) -> list[Citation]:
    """The full grammar; ``shortcut=False`` skips the cheap early refusal (tests)."""
    start, role, lead = _opening(text)
    if lead < PRINTED and ", in " in text and (found := _document_in_edition(text)):
        return found
    # "The text of the notes is in 16 UST 2029": the edition after "is in".
    if (
        not lead
        and not (KNOWN.match(text, start) or LEGAL.match(text, start))
        and (after := _after_is_in(text)) is not None
    ):
        start = after
    if (
        not lead
        and not (KNOWN.match(text, start) or LEGAL.match(text, start))
        and (after := _after_description(text, start)) is not None
    ):
        start = after
    if shortcut and not lead and not _may_open_work(text, start):
        return []
    end = len(text)
    if FRUS.match(text, start):
        return []
    ibid_at = None
    if "bid" in text:
        m = _IBID_AFTER.search(text, start, end)
        if m is not None:
            ibid_at, end = m.end(), m.start()
    cuts = [start]
    if " and " in text[start:end]:
        for sm in _SPLIT.finditer(text, start, end):
            nxt = text[sm.end() : sm.end() + 80]
            if KNOWN.match(nxt) or LEGAL.match(nxt) or FRUS.match(nxt):
                cuts += [sm.start(), sm.end()]
    cuts.append(end)
    out: list[Citation] = []
    for k in range(0, len(cuts), 2):
        s, e = _trim(text, cuts[k], cuts[k + 1])
        if s >= e or FRUS.match(text, s):
            if k == 0:
                return []
            continue
        w = parse_work(text, s, e, max(lead, SIGNAL) if k > 0 else lead)
        if w is None:
            if k == 0:
                return []
            continue
        out.append(_cite(text, s, w, role))
    if out and ibid_at is not None:
        out += _ibid_tail(text, ibid_at, len(text))
    return out


def recognize(text: str) -> list[Citation]:
    """Published works cited in one clause (offsets relative to it).

    A bug that raises is not swallowed here: the note stage turns it into an
    ``unrecognized`` citation with the reason (and tests fail on it).
    """
    if not gate(text):
        return []
    return _recognize(text)
