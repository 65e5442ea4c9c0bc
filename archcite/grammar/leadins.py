"""Where an archival citation sits in its clause: lead-in, role, end, marking.

A clause carries more than the citation: "Source:", "Another copy is in the",
"There is additional documentation … in the", "see also" in front; a
classification marking ("Secret; Nodis"), an ``ibid.`` or enclosing brackets
behind. :func:`body` finds the span the archival grammar reads and the role the
lead-in gives it (``source``, ``copy`` or ``reference``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archcite.authority import Authority, authority
from archcite.grammar.segment import top_semicolons
from archcite.grammar.vocab import BOX, DECIMAL_START, FOLDER, PRINTING_VERB, REEL
from archcite.model import Role

__all__ = ["Body", "body", "starts_citation", "top_semicolon", "trim_end"]

_SOURCE = re.compile(r"^[(\[]?\s*Source\s*[:,.]\s*")
_COPY = re.compile(
    r"^\(?\s*(?:(?:An(?:other)?|The|A|One|Other|Further|Additional)\b[^.;]{0,120}?)?"
    r"\bcop(?:y|ies)\b[^.;]{0,160}?\b(?:is|are|was|were)\s+(?:also\s+)?"
    r"(?:located\s+|filed\s+|found\s+)?(?:in|at|among)\s+(?:the\s+)?",
    re.I,
)
_IN = re.compile(
    rf"\b(?:is|are|was|were)\s+(?:also\s+)?(?:located\s+|filed\s+|found\s+|{PRINTING_VERB}\s+)?"
    r"(?:in|at|among)\s+(?:the\s+)?"
)
_OTHER_COPIES = re.compile(
    r"\bcop(?:y|ies)\s+of\s+(?:those|these|other|related|several|all|many|some)\b", re.I
)
_ALSO_IN = re.compile(r"^\(?\s*(?:and\s+)?also\s+(?:in|at)\s+(?:the\s+)?", re.I)
# "…, and letter from Churchill to Sisson, July 30; both in the National
# Archives, …": the documents are named before; the location starts here.
_BOTH_IN = re.compile(
    r"^\(?\s*(?:both|all|each)\s+(?:are\s+)?(?:in|at)\s+(?:the\s+)?", re.I
)
_SEE = re.compile(r"(?:and\s+)?(?:see|See)(?:\s+also)?\s+(?=[A-Z])")
# "There is additional documentation … in the National Archives, RG 59, …",
# "(Letter …, and letter …; both in the National Archives, …)": a repository
# after "in the" starts the citation, whatever prose comes before.
_IN_THE = re.compile(r"\b(?:in|at|among)\s+the\s+")
_AND = re.compile(r"and\s+(?:also\s+)?(?:in\s+)?(?:the\s+)?(?=[A-Z])")
_IBID = re.compile(r"(?:[,;]\s*|\s+|^)(?:and\s+)?(?:ibid|Ibid|id\.)(?!\w)")
_CLASSIFICATION_TAIL = re.compile(
    r"\.\s+(?=(?:No\s+classification\s+marking|Top\s+Secret|Secret|Confidential|"
    r"Unclassified|Limited\s+Official\s+Use|Official\s+Use\s+Only)\b)"
)


def lead_in(text: str) -> tuple[int, Role]:
    """Where the citation starts after its lead-in, and the role the lead-in gives."""
    if m := _SOURCE.match(text):
        return m.end(), "source"
    if m := _COPY.match(text):
        # "Copies of those papers and related documentation are in …" cites
        # other documents, not a copy of the one printed.
        return m.end(), "reference" if _OTHER_COPIES.search(m.group()) else "copy"
    if m := _ALSO_IN.match(text):
        return m.end(), "copy"
    if m := _BOTH_IN.match(text):
        return m.end(), "reference"
    pos = 0
    while pos < len(text) and text[pos] in "([ \t":
        pos += 1
    # A clause cut from "…; and Johnson Library, …" or "…; see also Thompson to
    # Rusk, …" starts with its conjunction or signal.
    if m := _SEE.match(text, pos):
        pos = m.end()
    if m := _AND.match(text, pos):
        pos = m.end()
    return pos, "reference"


_STRONG_START = re.compile(
    rf"(?:RG\s*\d|Record\s+Group\s+\d|Entry\s+\d|{BOX}\s+\w|{FOLDER}\s+\w|{REEL}\s+\w|"
    rf"File\s+No|Job\s+\d|FRC\s+\d|Lot\s+\d|[^,:;]{{1,60}}:\s*(?:Lot|FRC)\s+\d|{DECIMAL_START})",
    re.I,
)


# Somewhere in the clause there must be a repository or a strong locator.
def starts_citation(text: str, pos: int, auth: Authority) -> bool:
    if auth.match_repository(text, pos) is not None:
        return True
    return _STRONG_START.match(text, pos) is not None


# An initial after a name ("Joseph C.", "E.B.", "Frank J.") keeps its period;
# a roman numeral or code letter ("Vol. I.", "POL 27 VIET S.") does not.
_KEEPS_PERIOD = re.compile(
    r"(?:(?:^|[\s,(])[A-Z][a-z]+\s+(?:[A-Z]\.\s*)*[A-Z]|(?:^|[\s,(])(?:[A-Z]\.)+[A-Z]|"
    r"\b(?:Jr|Sr|Inc|Co|Ltd|Bros|ca|et al))$"
)


def trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation, but not the period of an initial ("Joseph C.")."""
    while end > start and text[end - 1] in " \t.;,":
        if text[end - 1] == "." and _KEEPS_PERIOD.search(
            text, max(start, end - 12), end - 1
        ):
            break
        end -= 1
    return end


@dataclass(frozen=True, slots=True)
class Body:
    start: int
    end: int
    role: Role
    classification: str | None
    before_ibid: bool  # the clause goes on with an Ibid. that names the place


def _after_lead(text: str, auth: Authority) -> int | None:
    """Where a citation starts after a lead sentence ("… are in the National Archives")."""
    for m in _IN.finditer(text):
        if starts_citation(text, m.end(), auth):
            return m.end()
    for m in _IN_THE.finditer(text):
        repo = auth.match_repository(text, m.end())
        # Only a repository with a location after it: "took place at the
        # Department of State" is prose.
        if repo is not None and text.startswith(",", repo.end):
            return m.end()
    return None


def body(text: str) -> Body | None:
    """The citation body of a clause: span, role, trailing classification."""
    start, role = lead_in(text)
    if role == "reference":
        auth = authority()
        if not starts_citation(text, start, auth):
            after = _after_lead(text, auth)
            if after is not None:
                lead = text[:after]
                role = (
                    "copy"
                    if re.search(r"\bcop(?:y|ies)\b|\balso\b", lead)
                    else "reference"
                )
                start = after
    end = len(text)
    classification: str | None = None
    tail = _CLASSIFICATION_TAIL.search(text, start)
    if tail is not None:
        classification = text[tail.end() :].strip().rstrip(".").strip() or None
        end = tail.start()
        if _KEEPS_PERIOD.search(text, max(start, end - 12), end):
            end += 1
    before_ibid = False
    if ("bid" in text or "id." in text) and (ibid := _IBID.search(text, start, end)):
        end = ibid.start()
        before_ibid = True
    end = trim_end(text, start, end)
    if (
        end > start
        and text[end - 1] == "]"
        and text.count("[", start, end) < text.count("]", start, end)
    ):
        end = trim_end(text, start, end - 1)
    if (
        end > start
        and text[end - 1] == ")"
        and text.count("(", start, end) < text.count(")", start, end)
    ):
        end = trim_end(text, start, end - 1)
    if end <= start:
        return None
    return Body(start, end, role, classification, before_ibid)


def top_semicolon(text: str, start: int, end: int) -> int | None:
    """The first ``;`` in ``text[start:end]`` outside quotes and inner parentheses."""
    found = top_semicolons(text, start, end)
    return found[0] if found else None
