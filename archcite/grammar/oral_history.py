"""Recognize an interview held in an archive: an interview clause, then where it is kept.

Diplomatic historians cite oral histories by the interview and then the
collection and repository that hold the transcript:

* ``Dean Rusk, interview by Richard Rusk and Thomas Schoenbaum, 1985, Dean Rusk
  Oral History Collection, Richard B. Russell Library, University of Georgia``
* ``Oral history interview with W. Averell Harriman, by Michael V. Forrestal,
  April 13, 1964, John F. Kennedy Presidential Library``
* ``Dean Rusk Oral History Interview I, by Paige E. Mulhollan, July 28, 1969,
  LBJ Library``
* ``Interview with George Ball, conducted by Thomas Stern, 1990, Foreign Affairs
  Oral History Collection, Association for Diplomatic Studies and Training``
* ``McGeorge Bundy, recorded interview by Richard Neustadt, March 1964, p. 12,
  JFK Library Oral History Program``

Such a clause is one citation of kind ``interview``: the one interviewed is the
item's ``author``, the interviewers its ``recipient`` (``interviewer`` in CSL),
the date, a title when the interview is titled ("… Oral History Interview I"),
and the archival fields from the tail, read by the archival grammar
(:func:`archcite.grammar.archival.parse_location`); a page of the transcript
("p. 12") is kept as the ``folio`` (``archive_location`` in CSL).

The clause must say who was interviewed ("X, interview …", "Interview with X",
"X Oral History Interview") and, for a tail with boxes or folders, who asked:
a file named "Interviews" or an "Oral History Collection, Box 3" stays
archival. A document named first ("Transcript, Dean Rusk Oral History
Interview I, …") is the archival recognizer's: the note cites the transcript.
Without a tail the clause is :mod:`archcite.grammar.personal`'s.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from archcite.authority import authority
from archcite.grammar.archival import parse_location
from archcite.grammar.locators import Component, components, title_like
from archcite.grammar.personal import AUTHOR, NAME, PEOPLE, names
from archcite.grammar.vocab import INTERVIEW, iso_date
from archcite.model import Citation, DocItem

_BY: Final = rf"(?:conducted\s+)?by\s+(?P<by>{AUTHOR}|{PEOPLE})"
# "Dean Rusk, interview by …" (the name alone, then the interview)
_TRAILING: Final = re.compile(rf"^(?P<what>{INTERVIEW})(?:\s+{_BY})?$")
# "Oral history interview with W. Averell Harriman (by …)"
_OPENING: Final = re.compile(
    rf"^(?:(?:The\s+)?(?:[Aa]uthor[’']s|My)\s+)?(?P<what>{INTERVIEW})\s+with\s+"
    rf"(?P<who>{PEOPLE})(?:\s+{_BY})?$"
)
# "Dean Rusk Oral History Interview I": a titled interview, named for its subject.
_TITLED: Final = re.compile(
    r"^(?P<who>[A-Z].+?)\s+(?P<what>(?:Oral\s+History\s+)?Interview)"
    r"(?:\s+(?:[IVX]+|\d+|No\.\s*\d+))?$"
)
# The year alone dates an interview ("…, 1985, Dean Rusk Oral History Collection").
_YEAR: Final = re.compile(r"^(?:1[89]|20)\d\d$")
_BY_ALONE: Final = re.compile(rf"^{_BY}$")
_WHO: Final = re.compile(rf"^{PEOPLE}$")
# "by Richard Rusk, Thomas Schoenbaum, and Paige Mulhollan": the components after
# the first interviewer, each one name, the last closing the list with "and".
_ONE: Final = re.compile(rf"^{NAME}$")
_CLOSING: Final = re.compile(rf"^(?:and\s+{NAME}|{NAME}\s+and\s+{NAME})$")
# A page of the transcript: "p. 12", "pp. 12–14".
_PAGE: Final = re.compile(r"^pp?\.\s*\d+(?:\s*[–-]\s*\d+)?$")
# An oral-history programme named after the library in one phrase ("JFK Library
# Oral History Program").
_PROGRAM: Final = re.compile(r"\s+(?=Oral\s+History\b)")


def _head(comps: list[Component]) -> tuple[DocItem, int, bool] | None:
    """The interview the clause opens with, how many components it takes, and
    whether it names an interviewer."""
    first = comps[0].text
    who: str | None = None
    by: str | None = None
    title: str | None = None
    used = 1
    if (m := _OPENING.match(first)) is not None:
        what, who, by = m.group("what"), m.group("who"), m.group("by")
    elif (m := _TITLED.match(first)) is not None and _WHO.match(m.group("who")):
        what, who, title = "oral history interview", m.group("who"), first
    elif len(comps) > 1 and _WHO.match(first) and (m := _TRAILING.match(comps[1].text)):
        what, who, by, used = m.group("what"), first, m.group("by"), 2
    else:
        return None
    what = " ".join(what.split())
    if what.lower().endswith("interviews"):
        return None  # "Interviews with …": a file of them, not one interview
    if by is None and used < len(comps) and (m := _BY_ALONE.match(comps[used].text)):
        by, used = m.group("by"), used + 1
    more: tuple[str, ...] = ()
    if names(by):
        more, used = _listed(comps, used)
    item = DocItem(
        type=what[0].lower() + what[1:],
        title=title,
        author=names(who),
        recipient=names(by) + more,
    )
    return item, used, by is not None


def _listed(comps: list[Component], k: int) -> tuple[tuple[str, ...], int]:
    """The interviewers a comma list adds from component ``k`` on, and the
    component after them: none unless the list closes with "and", so a place
    or a date after the interviewer ("…, Athens, Georgia, 1985") is no name."""
    j = k
    while j < len(comps) and _ONE.match(comps[j].text):
        j += 1
    if j < len(comps) and _CLOSING.match(comps[j].text):
        return tuple(n for c in comps[k : j + 1] for n in names(c.text)), j + 1
    return (), k


def _year(text: str) -> str | None:
    return text if _YEAR.match(text) else None


def _split_program(text: str, comps: list[Component]) -> str:
    """ "JFK Library Oral History Program" as "JFK Library,Oral History Program".

    One character is replaced, so every offset stays what it was.
    """
    auth = authority()
    for c in comps:
        m = auth.match_repository(text, c.start)
        if m is None or m.end >= c.end:
            continue
        gap = _PROGRAM.match(text, m.end, c.end)
        if gap is not None and title_like(text[gap.end() : c.end]):
            return text[: m.end] + "," + text[m.end + 1 :]
    return text


def _trimmed_end(text: str) -> int:
    """The clause without its closing punctuation."""
    end = len(text)
    while end and text[end - 1] in " .;,":
        end -= 1
    return end


def recognize(text: str) -> list[Citation]:
    """One interview and the archival tail that says where it is kept."""
    if INTERVIEW.pattern.search(text) is None:
        return []
    start = len(text) - len(text.lstrip())
    end = _trimmed_end(text)
    comps = components(text, start, end)
    if len(comps) < 2:
        return []
    head = _head(comps)
    if head is None:
        return []
    item, k, asked = head
    date: str | None = None
    page: str | None = None
    while k < len(comps):
        c = comps[k].text
        if date is None and (d := iso_date(c) or _year(c)) is not None:
            date = d
        elif page is None and _PAGE.match(c):
            page = " ".join(c.split())
        elif not asked and (m := _BY_ALONE.match(c)):
            more, k = _listed(comps, k + 1)
            item = replace(item, recipient=names(m.group("by")) + more)
            asked = True
            continue
        else:
            break
        k += 1
    if k >= len(comps) or (date is None and not asked):
        return []
    masked = _split_program(text, comps[k:])
    ref = parse_location(masked, comps[k].start, end)
    if ref is None or not (ref.repository or ref.repository_as_cited):
        return []
    if not asked and (ref.box or ref.folder or ref.reel or ref.frames):
        return []  # "Interview with …, box 3, …": a file that holds interviews
    ref = replace(ref, item=replace(item, date=date), folio=ref.folio or page)
    return [
        Citation(
            text[start:end],
            start,
            end,
            "interview",
            "parsed",
            role="reference",
            archival=ref,
        )
    ]
