"""Recognize interviews, oral histories, personal communications and emails.

Chicago cites them as sources of their own (CMOS 14.211–214), and a note that
cites one is no prose:

* ``Interview with Robert McNamara by the author, Washington, D.C., May 3, 1995``
* ``Robert McNamara, interview by the author, Washington, D.C., May 3, 1995``
* ``Dean Rusk, oral history interview by Paige Mulhollan, July 28, 1969``
* ``Personal communication from Dean Rusk to the author, March 1, 1988``
* ``John Smith, email to the author, June 4, 2010``

They come out as kind ``interview`` or ``personal_communication``; the person
and the date fill ``archival.item`` (``author`` the one interviewed or
writing, ``recipient`` the interviewer or addressee other than "the author",
``place`` where the interview was held, ``type`` the words as cited). No
repository: an interview held in an archive ("…, July 28, 1969, LBJ Library")
is :mod:`archcite.grammar.oral_history`'s, which runs before the archival
recognizer.
"""

from __future__ import annotations

import re
from typing import Final

from archcite.grammar.vocab import INTERVIEW, MONTH, PERSONAL_COMMUNICATION, iso_date
from archcite.model import ArchivalRef, Citation, DocItem, Kind

_NAME: Final = r"(?:[A-Z][\w’'.-]*\.?(?:\s+(?:[A-Z][\w’'.-]*\.?|de|van|von|du|la))*)"
# A list of more than two people closes with "and" ("A, B, and C"): without it a
# comma after a name starts the place or the date ("by A, Washington, D.C.").
_PEOPLE: Final = rf"{_NAME}(?:(?:,\s+{_NAME})*,?\s+and\s+{_NAME})?"
_AUTHOR: Final = r"(?:the\s+)?(?:author|writer)s?"
_DATE: Final = rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}}|{MONTH},?\s+\d{{4}}|\d{{4}})"

# "Interview with X (by Y), PLACE, DATE" / "Personal communication from X to Y, DATE"
_OPENING: Final = re.compile(
    rf"^(?:(?:The\s+)?(?:[Aa]uthor[’']s|My)\s+)?(?P<what>{INTERVIEW}|{PERSONAL_COMMUNICATION}|"
    rf"[Ll]etter)\s+"
    rf"(?:(?:with|from)\s+(?P<who>{_PEOPLE}))?"
    rf"(?:\s*,?\s+(?:by|to|with)\s+(?P<other>{_AUTHOR}|{_PEOPLE}))?"
    rf"(?P<rest>(?:,\s*[^,]+?)*?),?\s*(?P<date>{_DATE})$"
)
# "X, interview by Y, PLACE, DATE" / "X, email to the author, DATE"
_TRAILING: Final = re.compile(
    rf"^(?P<who>{_PEOPLE}),\s+(?P<what>{INTERVIEW}|{PERSONAL_COMMUNICATION}|"
    rf"letter)(?:\s+(?:by|with|to|from)\s+(?P<other>{_AUTHOR}|{_PEOPLE}))?"
    rf"(?P<rest>(?:,\s*[^,]+?)*?),?\s*(?P<date>{_DATE})$"
)
_AUTHOR_ONLY: Final = re.compile(rf"^{_AUTHOR}$", re.IGNORECASE)
#: Shared with :mod:`archcite.grammar.oral_history`: one or more people, and
#: "the author" (who is no name).
PEOPLE: Final = _PEOPLE
NAME: Final = _NAME
AUTHOR: Final = _AUTHOR
_PLACE_PART: Final = re.compile(r"^[A-Z][\w.’' -]*$")


def names(text: str | None) -> tuple[str, ...]:
    """The people of a "by A and B" or "with A, B, and C" phrase; "the author"
    is none."""
    return _names(text)


def _names(text: str | None) -> tuple[str, ...]:
    if not text or _AUTHOR_ONLY.match(text):
        return ()
    return tuple(
        n.strip()
        for n in re.split(r",\s+(?:and\s+)?|\s+and\s+|^and\s+", text)
        if n.strip()
    )


def recognize(text: str) -> list[Citation]:
    """An interview or personal communication that is the whole clause."""
    body = text.strip()
    end = len(body)
    while end and body[end - 1] in " .;,":
        end -= 1
    # "D.C." keeps its period; a date's final period is punctuation.
    body = body[:end]
    m = _OPENING.match(body) or _TRAILING.match(body)
    if m is None:
        return []
    what = " ".join(m.group("what").split())
    # "Letter" alone is the archival grammar's document; to the writer it is
    # a communication only with "to the author".
    if what.lower() == "letter" and not _AUTHOR_ONLY.match(m.group("other") or ""):
        return []
    rest = [p.strip() for p in (m.group("rest") or "").split(",") if p.strip()]
    place = (
        ", ".join(rest) if rest and all(_PLACE_PART.match(p) for p in rest) else None
    )
    if rest and place is None:
        return []  # more words than a place: leave the clause to the fallback
    kind: Kind = (
        "interview" if INTERVIEW.pattern.fullmatch(what) else "personal_communication"
    )
    item = DocItem(
        type=what[0].lower() + what[1:],
        author=_names(m.group("who")),
        recipient=_names(m.group("other")),
        date=iso_date(m.group("date")) or m.group("date"),
        place=place,
    )
    start = len(text) - len(text.lstrip())
    return [
        Citation(
            text[start : start + end],
            start,
            start + end,
            kind,
            "parsed",
            role="reference",
            archival=ArchivalRef(item=item),
        )
    ]
