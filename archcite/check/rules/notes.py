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
_SOURCES = frozenset({"archival", "frus", "published", "short"})
#: shorter notes ("Ibid., 45.", "Not printed.") repeat by nature
_MIN_DUPLICATE = 25


def _cites(ms: Manuscript, note: Note, kinds: frozenset[str]) -> bool:
    return any(loc.citation.kind in kinds for loc in ms.in_note(note))


@rule("final-period")
def final_period(ms: Manuscript) -> Iterator[Hit]:
    cites = frozenset({"archival", "frus", "published", "short", "ibid", "internal"})
    for note in ms.notes:
        text = note.text.rstrip()
        if not text or not _cites(ms, note, cites):
            continue
        end = len(text.rstrip(_CLOSERS))
        if end and text[end - 1] in _TERMINAL:
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
    first: dict[str, Note] = {}
    for note in ms.notes:
        key = " ".join(note.text.split())
        if len(key) < _MIN_DUPLICATE or not _cites(ms, note, _SOURCES):
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
