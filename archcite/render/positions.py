"""Note positions by the CSL 1.0.2 rules, from the document's own note numbers (G3).

citeproc-py decides "first", "subsequent" and "ibid" from the order its
``cite()`` is called in and knows no note numbers. Here the whole document is
known at once, so every cite gets its position from where it stands:

* **first** — the item's first cite in the document; **subsequent** — any later one;
* **ibid** — the previous cite is of the same item, and it is either in the same
  citation, or alone in the citation just before; the locators are equal (or
  both absent);
* **ibid-with-locator** — as ibid, but this cite has a locator and it differs
  from the previous one (or the previous one had none). A cite with no locator
  after one with a locator is only *subsequent*: "Ibid." would repeat the page;
* **near-note** — the item was cited at most ``near-note-distance`` notes before
  (or earlier in the same note);
* **first-reference-note-number** — the note of the item's first cite.

A citation is one note's worth of cites (what a word processor's citation
field holds); archcite's document layer makes one citation per note, so "Ibid."
never follows a note that cited several works (CMOS 13.37).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

Position = Literal["first", "subsequent", "ibid", "ibid-with-locator"]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a cite stands: what CSL's position tests ask about it."""

    position: Position = "first"
    near_note: bool = False
    #: the note number of the item's first cite (0 when it was not in a note)
    first_note: int = 0


@dataclass(frozen=True, slots=True)
class Ref:
    """What positions need to know about one cite."""

    id: str
    locator: str | None = None
    label: str | None = None


def _same_locator(a: Ref, b: Ref) -> bool:
    return (a.locator or None, a.label or "page") == (
        b.locator or None,
        b.label or "page",
    )


def place(
    citations: Sequence[tuple[int, Sequence[Ref]]], near_note_distance: int = 5
) -> list[list[Placement]]:
    """Placements for citations given in document order as (note number, cites).

    A note number of 0 means "not in a note" (an in-text citation); such
    citations take part in first/subsequent/ibid but are never near a note.
    """
    out: list[list[Placement]] = []
    first_note: dict[str, int] = {}
    last_note: dict[str, int] = {}
    cites_in_note: dict[int, int] = {}
    for note, cites in citations:
        if note > 0:
            cites_in_note[note] = cites_in_note.get(note, 0) + len(cites)
    # Citations in the text and citations in notes are two streams: "Ibid." in
    # the text follows the text's previous citation, not the last footnote.
    previous: dict[bool, tuple[int, Sequence[Ref]]] = {}
    for note, cites in citations:
        stream = note > 0
        placed: list[Placement] = []
        for i, cite in enumerate(cites):
            before = (
                cites[i - 1]
                if i > 0
                else _lone(previous.get(stream), note, cites_in_note)
            )
            position: Position
            if cite.id not in first_note:
                position = "first"
            elif before is None or before.id != cite.id:
                position = "subsequent"
            elif _same_locator(cite, before):
                position = "ibid"
            elif cite.locator:
                position = "ibid-with-locator"
            else:
                position = "subsequent"
            near = False
            if cite.id in last_note:
                near = note > 0 and 0 <= note - last_note[cite.id] <= near_note_distance
            first = first_note.get(cite.id, 0) if position != "first" else 0
            placed.append(Placement(position, near, first))
            first_note.setdefault(cite.id, note)
            last_note[cite.id] = note
        out.append(placed)
        previous[stream] = (note, cites)
    return out


def _lone(
    previous: tuple[int, Sequence[Ref]] | None, note: int, counts: dict[int, int]
) -> Ref | None:
    """The previous citation's cite, if "Ibid." may refer to it.

    It may when that citation has a single cite and, if it stands in an
    earlier note, that note cites nothing else (CMOS 13.37: no ibid. after a
    note that cites several works).
    """
    if previous is None:
        return None
    prev_note, cites = previous
    if len(cites) != 1:
        return None
    if prev_note > 0 and prev_note != note and counts.get(prev_note, 0) != 1:
        return None
    return cites[0]


def first_only(placements: Sequence[Sequence[Placement]]) -> list[list[Placement]]:
    """Every cite placed as a first cite (a bibliography's items, one per note)."""
    return [[replace(p, position="first") for p in group] for group in placements]
