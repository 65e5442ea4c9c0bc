"""Clauses that are not citations, and the fallback for clauses nobody claims.

FRUS notes mix sources with editorial remarks: "Not printed.", "Not found.",
"Printed from an unsigned copy.", classification and handling markings
("Secret; Nodis."), drafting and approval lines. These are recognized first so
that no later recognizer mistakes them for a source. The word lists are data a
reviewer can read; each pattern has examples in ``tests/test_noncitation.py``.
"""

from __future__ import annotations

import re

from archcite.grammar.vocab import SERIES_NAME, any_of
from archcite.model import Citation

_EDITORIAL = re.compile(
    r"""^(?:
        (?:Attached\s+(?:but\s+|and\s+)?|Enclosure\s+|Neither\s+\w+\s+(?:was|were)\s+|
           Both\s+\w+\s+(?:are|were)\s+|The\s+\w+\s+(?:was|is|were)\s+|\w+\s+(?:was|is)\s+)?
        not\s+(?:printed|found|declassified|further\s+identified|identified|attached)
      | Not\s+(?:printed|found|declassified|further\s+identified|identified|attached)
      | Printed\s+from\s+(?:an?\s+|the\s+)?[\w\s,-]*?(?:copy|text|draft|original|version|transcript)
      | (?:No|Unsigned|Signed|Initialed)\s+(?:classification\s+marking|drafting\s+information|
           signature|copy)
      | The\s+(?:source\s+text|original|document|telegram|memorandum)\s+(?:bears|is\s+not|
           was\s+not|is\s+unsigned|is\s+initialed)
      | Neither\s+[\w\s]{1,40}?\s+(?:was|were|has\s+been|have\s+been)\s+(?:found|printed)
      | (?:File\s+)?translation(?:\s+revised)?(?:\s+by\s+the\s+editors?)?\s*\.?$
      | Brackets?\s+in\s+the\s+(?:source|original)
      | All\s+brackets\s+are\s+in\s+the\s+original
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# Markings that are words ("Top Secret", "Nodis") and, below, markings that are
# an upper-case run ("NODIS", "S/S", "LIMDIS-1").
_MARKING_WORDS = r"""
    No\s+classification\s+marking|Top\s+Secret|Secret|Confidential|Unclassified|Limited\s+Official\s+Use|
    Official\s+Use\s+Only|Restricted|Strictly\s+Confidential|Sensitive|Personal|
    Nodis|Exdis|Limdis|Noforn|Immediate|Priority|Routine|Flash|Niact|Operational\s+
    Immediate|(?:Literally\s+|Exclusively\s+)?Eyes\s+Only|Roger\s+Channel|Cherokee|
    Via\s+\w+(?:\s+Channels?)?|Personal\s+and\s+Confidential|Administratively\s+
    Confidential|Special\s+Handling|No\s+Distribution\s+Outside\s+Department|No\s+Distribution|
    Exclusive\s+Distribution|Controlled\s+Dissem|No\s+Foreign\s+Dissem|Need\s+to\s+Know|
    Eyes\s+Only\s+for\s+the\s+Secretary|Official[–-]Informal|Personal\s+and\s+Private|
    Private\s+and\s+Confidential|Private|Limit(?:ed)?\s+Distribution|Strictly\s+Personal|
    Personal\s+for\s+\w+|Sensitive\s+Information|Handle\s+via\s+\w+(?:\s+\w+)?\s+Channels?|
    Eyes\s+Only\s+for\s+\w+|For\s+the\s+President\s+Only|Exclusively\s+for\s+\w+|
    Top\s+Secret\s+Codeword|Codeword|Secret\s+Sensitive|Noforn\s+Dissem"""
# The whole clause is markings separated by spaces and ; , . — and nothing else.
# Written so that the engine never tries two ways to read the same text: an
# upper-case run may not be cut into shorter runs (it ends where the run ends,
# or where a marking word begins), and the spaces around a separator are read
# one way only. The plain spelling, ``(?:(?:WORDS|[A-Z][A-Z0-9/-]{2,})\s*[;,.]?
# \s*)+$``, accepts exactly the same clauses but takes exponential time on an
# upper-case heading ("CONVERSATION AND CORRESPONDENCE BETWEEN MR. BANCROFT AND
# VISCOUNT PALMERSTON." took 17 ms, a longer one minutes); see
# tests/test_recognize_gates.py.
_CLASSIFICATION = re.compile(
    rf"""^(?:
        (?:{_MARKING_WORDS}
          | [A-Z][A-Z0-9/-]{{2,}}(?:(?![A-Z0-9/-])|(?=(?:{_MARKING_WORDS})))
        )\s*(?:[;,.]\s*)?
    )+$""",
    re.VERBOSE,
)

_DRAFTING = re.compile(
    r"^(?:Drafted|Cleared|Approved|Concurred|Initialed|Typed|Sent|Repeated|Also\s+sent|"
    r"Received|Transmitted)\s+(?:by|to|in|at|on|for|as|from)\b|^Signed\s+by\b",
    re.IGNORECASE,
)

# Words that mark a clause as trying to be a citation: if no recognizer claims
# such a clause it is reported as unrecognized rather than waved through as prose.
# Words end at a word boundary; numbered locators need only their first digit
# ("p. 63", "vol. VI"), and marks that end in punctuation ("Id.", "Source:")
# cannot be followed by \b at all.
_ANCHOR = re.compile(
    rf"""\b{SERIES_NAME}
      | \b(?:Library|Archives?|Papers|Files?|Box|Boxes|Folder|Record\s+Group|Reel|
          Microfilm|Collection|Series|Manuscripts?|[Ii]bid|
          Central\s+(?:Decimal\s+)?Files?|National\s+Security|Presidential|Records\s+of|
          hereafter\s+cited|cited\s+as|JFKL|LBJL|DDEL|HSTL|FDRL|NARA|WNRC)\b
      | \b(?:RG|Lot|Job|Entry|FRC|Documents?|Doc\.)\s*\d
      | \bpp?\.\s*[\dixvlc]
      | \bvol\.\s*[\dIVXLCivxlc]
      | \b(?:Id\.|Source:|CIA,)
      | \b[A-Z]{{2,5}}\s+\d{{1,3}}/\d+
      | \bf\.\s*[A-Z]?-?\d+,\s*op\.\s*\d""",
    re.VERBOSE,
)


# Every match of _ANCHOR contains one of these literals (a word's stem,
# "p." of "pp.", "/" of "POL 27/3"): one scan for them refuses most prose
# before _ANCHOR, whose leading \b leaves ``re`` no literal to skip ahead to,
# runs at every position. tests/test_noncitation.py checks each anchor.
_ANCHOR_LITERALS = any_of(
    (
        "Library", "Archive", "Papers", "File", "Box", "Folder", "Record", "Reel",
        "Microfilm", "Collection", "Series", "Manuscript", "Foreign", "FRUS", "bid",
        "Central", "National", "Presidential", "hereafter", "cited", "JFKL", "LBJL",
        "DDEL", "HSTL", "FDRL", "NARA", "WNRC", "RG", "Lot", "Job", "Entry", "FRC",
        "Doc", "p.", "vol.", "Id.", "Source:", "CIA,", "/", "op.",
    )
)  # fmt: skip


def _trimmed_end(text: str) -> int:
    end = len(text)
    while end > 0 and text[end - 1] in " .;,":
        end -= 1
    return end


#: The reasons of the records this module makes that later stages look for.
MARKING = "classification or handling marking"
EDITORIAL = "editorial remark"


def recognize(text: str) -> list[Citation]:
    """Claim ``text`` when it is an editorial remark, a marking or a drafting line."""
    stripped = text.strip()
    reason: str | None = None
    if _CLASSIFICATION.match(stripped):
        reason = MARKING
    elif _EDITORIAL.match(stripped):
        reason = EDITORIAL
    elif _DRAFTING.match(stripped):
        reason = "drafting, clearance or transmission line"
    if reason is None:
        return []
    return [Citation(text, 0, len(text), "not-a-citation", "parsed", reason=reason)]


def is_classification(text: str) -> bool:
    """Whether ``text`` is only a classification/handling marking ("Secret; Nodis.")."""
    return bool(_CLASSIFICATION.match(text.strip()))


def has_anchor(text: str) -> bool:
    """Whether ``text`` has a word that only citations use."""
    return _ANCHOR_LITERALS.search(text) is not None and bool(_ANCHOR.search(text))


# A notation the editors quote from the document ("Patchin wrote at the top of
# the telegram: “Copied to Creel + File. PHP.”"): its words are the notation's,
# not a citation's.
_QUOTED_NOTATION = re.compile(
    r"\b(?:wrote|writes|reads?|notation|noted|initialed|minuted|endorsed)\b[^“”]{0,80}?:\s*“[^“”]*(?:”|$)"
)
NOTATION = "a notation on the document, quoted"


def fallback(text: str) -> Citation:
    """Classify a clause no recognizer claimed: prose, or an unrecognized citation."""
    end = _trimmed_end(text)
    if "“" in text and has_anchor(text):
        unquoted = _QUOTED_NOTATION.sub(" ", text)
        if unquoted != text and not has_anchor(unquoted):
            return Citation(
                text[:end], 0, end, "not-a-citation", "parsed", reason=NOTATION
            )
    if has_anchor(text):
        return Citation(
            text[:end],
            0,
            end,
            "unrecognized",
            "unrecognized",
            reason="has the words of a citation but no recognizer understood it",
        )
    return Citation(text[:end], 0, end, "not-a-citation", "parsed", reason="prose")
