"""A semicolon between two files of one repository: part of one citation.

FRUS source notes sometimes join two files of the same repository with a
semicolon: "Department of State, INR/IL Historical Files; EAP General, EA
Reviews, 1964–66" is one location, the series "EAP General" inside the
historical files. Cut there, the right side is a file name with no repository,
read as no citation at all.

The rule, general rather than a list of file names: the semicolon joins when

* the left side names a repository the authority knows and ends in a file's
  name (capitalized words, no number, not the repository itself);
* the right side names no repository, opens no citation (no Ibid., no "see",
  no document kind, no date of a document, no marking), and begins with a
  file's name in the same shape; what follows the name locates the document
  in it ("EA Reviews, 1964–66", "box 3").

Two citations remain two: "Kennedy Library, NSF, box 3; Johnson Library, NSF,
box 4" names a repository on the right (and ends in a box on the left);
"Department of State, Central Files; Memorandum from Rusk to Johnson" opens a
document on the right.
"""

from __future__ import annotations

import re

from archcite.authority import authority
from archcite.grammar.noncitation import is_classification
from archcite.grammar.vocab import DOCUMENT_KIND, MONTH, SERIES_NAME, words

# A file's name: capitalized words and acronyms ("INR/IL Historical Files",
# "EAP General", "S/S-NSC Files"), joined by the small words of such names.
_WORD = r"[A-Z][\w/&.’'-]*"
_FILE_NAME = re.compile(rf"{_WORD}(?:\s+(?:{_WORD}|of|and|the|for|on|&))*")

# Words that open a citation of its own, or a remark, rather than a file name.
_OPENERS = (
    "Ibid", "Id", "See", "Cf", "Also", "Printed", "Reprinted", "Quoted", "Text",
    "Source", "For", "In", "The", "This", "That", "These", "Not", "No", "Report",
    "Reports", "Minutes", "Record", "Records of Meeting", "Paper", "Draft",
    "Summary", "Message", "Messages", "Cable", "Circular", "Transcript",
    "Interview", "Notes", "Attachment", "Enclosure", "Tab", "Annex",
)  # fmt: skip
_OPENS_CITATION = re.compile(
    rf"(?:{words(_OPENERS)}|{DOCUMENT_KIND}|{SERIES_NAME})(?![\w’'-])", re.I
)
# The date of a document ("May 3, 1964", "3 May 1964"): a new item, not a file.
_DOCUMENT_DATE = re.compile(rf"\b{MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH}")
# A clause, not a name: lower-case prose words of the kind notes are made of.
_PROSE = re.compile(r"\b(?:is|was|were|are|to|from|by|with|which|that|see)\b")


def _last_component(text: str, start: int, end: int) -> tuple[int, str]:
    cut = text.rfind(",", start, end)
    first = start if cut < 0 else cut + 1
    comp = text[first:end]
    return first + (len(comp) - len(comp.lstrip())), comp.strip()


def _file_name(comp: str) -> bool:
    return (
        _FILE_NAME.fullmatch(comp) is not None
        and not any(ch.isdigit() for ch in comp)
        and _OPENS_CITATION.match(comp) is None
        and not is_classification(comp)
    )


def joins_files(text: str, start: int, at: int, end: int) -> bool:
    """Whether the ``;`` at ``at`` joins two files of one repository, in the
    clause ``text[start:end]`` (``end``: the next top-level ``;`` or the clause end).

    >>> t = "Department of State, INR/IL Historical Files; EAP General, EA Reviews"
    >>> joins_files(t, 0, t.index(";"), len(t))
    True
    """
    auth = authority()
    left = auth.search_repository(text, start)
    if left is None or left.end > at:
        return False
    name_at, last = _last_component(text, start, at)
    if name_at < left.end or not _file_name(last):
        return False
    right = text[at + 1 : end].strip()
    first = right.split(",", 1)[0].strip()
    if not first or not _file_name(first):
        return False
    found = auth.search_repository(text, at + 1)
    if found is not None and found.start < end:
        return False
    return _DOCUMENT_DATE.search(right) is None and _PROSE.search(right) is None
