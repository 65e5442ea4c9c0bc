"""Recognize published documentary sources cited as a source or as a printing.

FRUS source notes sometimes give a printed work as the source ("Source:
*American Foreign Policy: Current Documents, 1960*, p. 476"), and many notes
add where a document is also printed ("Also printed in *Papers of Woodrow
Wilson*, vol. 43, pp. 456–459"; "printed in full in …"). This recognizer returns
``kind="published"`` citations with a :class:`~archcite.model.PublishedRef`:

* ``title`` — the work as cited, without the volume and pages;
* ``volume`` — the volume, or the number of a numbered series ("Treaty Series
  No. 822" → title "Treaty Series", volume "822"; "16 UST 2029" → volume "16");
* ``pages`` — the page or page range, as cited;
* ``date`` — the issue date of a dated serial (*Department of State Bulletin*,
  July 3, 1961) when given.

Roles: "Source:" → ``source``; "printed in", "published in", "reprinted in"
(with or without "also", "in full") → ``printing``; otherwise ``reference``.
A printing in *Foreign Relations* is the FRUS recognizer's, so this one answers
``[]`` for it. Several works joined by "and" come out as several citations.

Without a lead-in the recognizer only claims works it knows (the serials in
:data:`KNOWN_WORKS` and the legal-citation forms "16 UST 2029", "TIAS 5432",
"76 Stat. 1"), so prose with page numbers is not mistaken for a citation.
"""

from __future__ import annotations

import re

from archcite.model import Citation, PublishedRef, Role

__all__ = ["KNOWN_WORKS", "recognize"]

#: Documentary series and serials that FRUS and historians cite as sources.
KNOWN_WORKS = (
    "Public Papers of the Presidents",
    "American Foreign Policy: Current Documents",
    "American Foreign Policy, 1950–1955: Basic Documents",
    "American Foreign Policy",
    "Department of State Bulletin",
    "Papers of Woodrow Wilson",
    "Documents on Disarmament",
    "Documents on American Foreign Relations",
    "Documents on International Affairs",
    "Documents on Germany",
    "Congressional Record",
    "Weekly Compilation of Presidential Documents",
    "Treaty Series",
    "Executive Agreement Series",
    "United States Treaties and Other International Agreements",
    "Treaties and Other International Acts Series",
    "Statutes at Large",
    "The Pentagon Papers",
    "Pentagon Papers",
    "New York Times",
    "The New York Times",
    "Washington Post",
    "The Washington Post",
)

_LEAD = re.compile(
    r"^\(?\s*(?P<source>Source\s*[:,.]\s*)?"
    r"(?:(?P<printed>[^.;]{0,160}?\b(?:(?:also|is|are|was|were|been)\s+)*"
    r"(?:printed|published|reprinted|excerpted|quoted)\s+(?:in\s+full\s+|in\s+part\s+)?"
    r"(?:in|as)\s+(?:the\s+)?))?",
    re.I,
)
_KNOWN = re.compile(
    "|".join(re.escape(w) for w in sorted(KNOWN_WORKS, key=len, reverse=True))
)
_LEGAL = re.compile(
    r"(?P<vol>\d+)\s+(?P<title>UST|U\.S\.T\.|Stat\.|UNTS|U\.N\.T\.S\.|Bevans)\s+(?P<page>\d+)"
    r"|(?P<title2>TIAS|T\.I\.A\.S\.|Treaty\s+Series|Executive\s+Agreement\s+Series)\s+"
    r"(?:No\.\s*)?(?P<num>\d+)"
)
_LEGAL_TITLES = {
    "UST": "United States Treaties and Other International Agreements",
    "U.S.T.": "United States Treaties and Other International Agreements",
    "Stat.": "Statutes at Large",
    "UNTS": "United Nations Treaty Series",
    "U.N.T.S.": "United Nations Treaty Series",
    "Bevans": "Treaties and Other International Agreements of the United States of America, 1776–1949",
    "TIAS": "Treaties and Other International Acts Series",
    "T.I.A.S.": "Treaties and Other International Acts Series",
}
_VOLUME = re.compile(r"^(?:vol(?:ume)?\.?|Vol\.?|Volume)\s+(?P<v>[\dIVXLCivxlc]+)$")
_PAGES = re.compile(
    r"^(?P<label>pp?\.|pages?)\s*(?P<v>[\dixvlc]+(?:\s*[–-]\s*[\dixvlc]+)?(?:\s*ff\.)?)$"
)
_DATE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},\s+\d{4}$"
)
_FRUS = re.compile(r"^(?:the\s+)?Foreign\s+Relations\b|^FRUS\b")
_SMALL = frozenset({"of", "the", "and", "for", "on", "in", "to", "a", "an", "at"})
_IS_IN = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+)?in\s+(?:the\s+)?")
_SPLIT = re.compile(r",?\s+and\s+(?:in\s+)?(?:the\s+)?")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t(":
        s += 1
    while e > s and text[e - 1] in " \t.,;)":
        e -= 1
    return s, e


def _parse_work(text: str, s: int, e: int, lead: bool) -> PublishedRef | None:
    """One work: ``title[, vol. N][, date], p(p). N``."""
    s, e = _trim(text, s, e)
    chunk = text[s:e]
    if not chunk or _FRUS.match(chunk):
        return None
    m = _LEGAL.fullmatch(chunk)
    if m is not None:
        if m.group("vol"):
            return PublishedRef(
                title=_LEGAL_TITLES.get(m.group("title"), m.group("title")),
                volume=m.group("vol"),
                pages=m.group("page"),
            )
        title2 = " ".join(m.group("title2").split())
        return PublishedRef(
            title=_LEGAL_TITLES.get(title2, title2), volume=m.group("num")
        )
    known = _KNOWN.match(chunk)
    if not lead and known is None:
        return None
    # Peel volume, date and pages off the end; what is left is the title.
    parts = [p.strip() for p in re.split(r",\s+", chunk)]
    volume = pages = date = None
    while len(parts) > 1:
        last = parts[-1]
        if pages is None and (pm := _PAGES.match(last)):
            pages = pm.group("v")
        elif volume is None and (vm := _VOLUME.match(last)):
            volume = vm.group("v")
        elif date is None and _DATE.match(last):
            date = last
        elif (
            date is None
            and len(parts) > 2
            and re.fullmatch(r"\d{4}", last)
            and re.search(
                r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December)\s+\d{1,2}$",
                parts[-2],
            )
        ):
            date = f"{parts[-2]}, {last}"
            parts.pop()
        else:
            break
        parts.pop()
    title = ", ".join(parts).strip()
    if not lead and known is not None:
        # "The New York Times, February 13, reported that …" is prose.
        tail = title[known.end() :]
        if sum(1 for w in re.findall(r"\b[a-z][a-z]+\b", tail) if w not in _SMALL) > 1:
            return None
    title = re.sub(r"\s+([,:])", r"\1", title)
    if not title or (not lead and pages is None and volume is None and known is None):
        return None
    # "printed in a memorandum" is prose, not a bibliographic reference.
    if (
        lead
        and known is None
        and pages is None
        and volume is None
        and (not title[:1].isupper() or len(title.split()) > 14)
    ):
        return None
    return PublishedRef(title=title, volume=volume, pages=pages, date=date)


def _recognize(text: str) -> list[Citation]:
    lm = _LEAD.match(text)
    role: Role = "reference"
    start = 0
    if lm is not None and lm.group("source"):
        role, start = "source", lm.end()
    elif lm is not None and lm.group("printed"):
        role, start = "printing", lm.end()
    else:
        start = lm.end() if lm else 0
    lead = role != "reference"
    if not lead:
        # Without a lead-in only known works and legal forms are claimed: where
        # the clause begins, or after "is in" ("The text is in 16 UST 2029").
        s0, _ = _trim(text, 0, len(text))
        if not (_KNOWN.match(text, s0) or _LEGAL.match(text, s0)):
            im = _IS_IN.search(text)
            if im is None or not (
                _KNOWN.match(text, im.end()) or _LEGAL.match(text, im.end())
            ):
                return []
            s0 = im.end()
        start = s0
    end = len(text)
    rest = text[start:end]
    if _FRUS.match(rest.lstrip()):
        return []
    cuts = [start]
    for sm in _SPLIT.finditer(text, start, end):
        nxt = text[sm.end() : sm.end() + 80]
        if _KNOWN.match(nxt) or _LEGAL.match(nxt) or _FRUS.match(nxt):
            cuts += [sm.start(), sm.end()]
    cuts.append(end)
    out: list[Citation] = []
    for k in range(0, len(cuts), 2):
        s, e = _trim(text, cuts[k], cuts[k + 1])
        ref = _parse_work(text, s, e, lead)
        if ref is None:
            if k == 0:
                return []
            continue
        # Keep the period of a trailing abbreviation such as "ff.".
        if text[e : e + 1] == "." and text[max(s, e - 2) : e] == "ff":
            e += 1
        out.append(
            Citation(text[s:e], s, e, "published", "parsed", role=role, published=ref)
        )
    return out


def recognize(text: str) -> list[Citation]:
    """Published works cited in one clause (offsets relative to it); never raises."""
    try:
        return _recognize(text)
    except Exception:  # a recognizer must never break the pipeline
        return []
