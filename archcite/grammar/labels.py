"""Document labels: the lines that head a printed document, not citations.

Pre-review legacy TEI volumes put the line above each document in a note,
``<note rend="inline" type="source">``: the dispatch's own number ("No. 5.",
"*No. 4.", "No. IV."), "[Inclosure 3 in No. 12.]", "[Telegram.]", or a file
number. In print these are headings, outside the footnote sequence. A
number there is the writer's dispatch number or the number of the document the
inclosure belongs to (the very document it heads), so reading it as a
cross-reference links the note to a wrong or trivial target.

A footnote, by contrast, may well cite a document by number: in the 1894
volumes "See No. 15." and a bare "No. 1." footnote are linked to ``#d15`` and
``#d1`` by the Office of the Historian. So a bare "No. N" is a label only where
the note is a label (:func:`is_label`). So is a bracketed inclosure line,
whatever follows the word there ("[Inclosure: Chart of the Straits …]"). In
any other note only the bare heading form is a label ("[Inclosure 3 in No.
12.]", "[Enclosure 2—Translation]"): a bracketed note that goes on to say where
the enclosure is ("[Enclosure to despatch 45 … National Archives, RG 59 …]")
carries a citation.
"""

from __future__ import annotations

import re
from typing import Final

from archcite.model import Citation, Note

# OCR in the legacy files spells it "Incloaure", "inclosuro"; the nested-note
# cut leaves "[Inclosure 2 in No. 61." without its closing bracket.
_INCLOSURE: Final = re.compile(
    r"^\[\s*(?:Sub)?[IiEe]nclo\w*\b[^\[\]]*\]?\.?$",
)
_INCLOSURE_HEADING: Final = re.compile(
    r"^\[\s*(?:Sub)?[IiEe]nclo\w*\.?(?:\s+(?:No\.\s*)?[\dlIVX]+\.?)?"
    r"(?:\s+in\s+(?:(?:foregoing\s+)?(?:dispatch|despatch)\s*)?(?:No\.?\s*\d+)?\.?)?"
    r"(?:\s*[—–-]+\s*[A-Z][a-z]+(?:\s+(?:the|of|[A-Z][a-z]+)){0,3}\.?){0,3}\s*\]?\.?$"
)
_CONTAINER: Final = re.compile(r"\bin\s+(?:(?:dispatch|despatch)\s+)?No\.?\s*(\d+)")
# "No. 5.", "*No. 4.", "No. 5.]", "[No. 5.]", "No. 4.[12]", "No III", "No. IV."
# (the bracketed digit is a marginal page mark of the printed original).
_NUMBER: Final = re.compile(
    r"^[\[(]?\*?\s*No\.?\s*(?:\d+|[IVXLC]+)\.?\s*(?:\[\d+\])?\s*[\])]?\.?$"
)


def is_label(note: Note) -> bool:
    """Whether ``note`` is a legacy TEI document label, not a footnote.

    The TEI reader does not expose ``@rend``; the inline source lines are the
    only source notes without an ``xml:id`` (every footnote and every modern
    source note has one), and without ``@n`` their label is the reader's
    running number.
    """
    return (
        note.note_type == "source"
        and note.note_id is None
        and note.label == str(note.index + 1)
    )


def inclosure_label(text: str, *, heading: bool = False) -> str | None:
    """The reason a bracketed inclosure line is a label, else ``None``;
    ``heading``: the note is a TEI label line, where any inclosure line is."""
    stripped = text.strip()
    if not (_INCLOSURE if heading else _INCLOSURE_HEADING).match(stripped):
        return None
    m = _CONTAINER.search(stripped)
    if m is None:
        return "document label (inclosure)"
    return f"document label (inclosure in dispatch No. {m.group(1)})"


def label_reason(note: Note) -> str | None:
    """Why the whole of ``note`` is a document label, or ``None`` if it is not."""
    return text_label_reason(note.text, heading=is_label(note))


def text_label_reason(text: str, *, heading: bool) -> str | None:
    """:func:`label_reason` for a note's text; ``heading``: the note is a label
    line of the TEI (no ``xml:id``), not a footnote."""
    found = inclosure_label(text, heading=heading)
    if found is not None:
        return found
    if heading and _NUMBER.match(text.strip()):
        return "document label (dispatch number)"
    return None


def label_citation(note: Note) -> Citation | None:
    """The note as one ``not-a-citation`` record when it is a document label."""
    reason = label_reason(note)
    if reason is None:
        return None
    text = note.text
    return Citation(text, 0, len(text), "not-a-citation", "parsed", reason=reason)
