"""Whole notes: the final period, and the same note twice."""

from __future__ import annotations

from collections.abc import Iterator

from archcite.check.manuscript import Manuscript
from archcite.check.model import Hit
from archcite.check.registry import rule
from archcite.model import Note

_CLOSERS = "”’\"')]»*_"
_TERMINAL = ".?!…"
#: kinds that make two equal notes a repeated citation rather than a stock phrase
_SOURCES = frozenset(
    {"archival", "frus", "published", "short", "interview", "personal_communication"}
)
#: shorter notes ("Ibid., 45.", "Not printed.") repeat by nature
_MIN_DUPLICATE = 25


def _cites(ms: Manuscript, note: Note, kinds: frozenset[str]) -> bool:
    return any(loc.citation.kind in kinds for loc in ms.in_note(note))


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with terminal punctuation, or with a parenthetical
    citation after a finished sentence ("… the agreement. (Ibid., DEF 7 JAPAN–US)"),
    the form FRUS editorial notes use."""
    end = len(text.rstrip(_CLOSERS))
    if end and text[end - 1] in _TERMINAL:
        return True
    if text.endswith(")"):
        opening = _opening_paren(text)
        if opening > 0:
            before = text[:opening].rstrip()
            # "… China. [text not declassified] (Memorandum …)": an editor's
            # bracket stands for the sentence it replaces.
            if before.endswith("]"):
                return True
            before = before.rstrip(_CLOSERS)
            return bool(before) and before[-1] in _TERMINAL
    return False


def _opening_paren(text: str) -> int:
    """Where the parenthesis that closes ``text`` opens (-1 if unbalanced)."""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _heading(note: Note) -> bool:
    """A legacy FRUS source note is a heading ("File No. 861.51/131",
    "500.A15a3/621: Telegram"), printed without a period; modern ones are
    sentences that open with "Source:"."""
    return note.note_type == "source" and not note.text.startswith("Source")


@rule("final-period")
def final_period(ms: Manuscript) -> Iterator[Hit]:
    cites = frozenset(
        {"archival", "frus", "published", "short", "ibid", "internal", "interview",
         "personal_communication"}
    )  # fmt: skip
    for note in ms.notes:
        text = note.text.rstrip()
        if not text or _heading(note) or not _cites(ms, note, cites):
            continue
        if _ends_sentence(text):
            continue
        yield Hit(
            note,
            len(text),
            len(text),
            "the note does not end with a period",
            suggestion=f"…{text[-20:]}.",
        )


@rule("duplicate-note")
def duplicate_note(ms: Manuscript) -> Iterator[Hit]:
    # In a FRUS volume each document's notes stand on their own: two documents
    # from one file have the same source note. Only notes of one document (of
    # the whole manuscript, where there are no documents) are compared.
    first: dict[tuple[str | None, str], Note] = {}
    for note in ms.notes:
        key = (note.doc, " ".join(note.text.split()))
        if len(key[1]) < _MIN_DUPLICATE or not _cites(ms, note, _SOURCES):
            continue
        if key not in first:
            first[key] = note
            continue
        yield Hit(
            note,
            0,
            len(note.text),
            f"the same text as note {first[key].label} (a copy-paste slip?)",
            suggestion="a short form of the source, or the note that was meant",
        )
