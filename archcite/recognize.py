"""Recognize stage: one note's text -> its citations, in order.

The note is cut into clauses (:mod:`archcite.grammar.segment`); each clause goes
to the recognizers in turn and the first that claims it wins; a clause nobody
claims is prose or an ``unrecognized`` citation, never dropped. Offsets are
shifted from the clause to the note. A classification marking that follows a
source citation in the same note ("… Box 334. Secret; Nodis.") is copied into
that citation's ``classification`` field; the marking stays in the output as
``not-a-citation`` so every clause of the note is accounted for.
"""

from __future__ import annotations

from dataclasses import replace

from archcite.grammar import recognizers
from archcite.grammar.noncitation import fallback, is_classification
from archcite.grammar.segment import clauses
from archcite.model import Citation


def _shift(c: Citation, offset: int, note_text: str) -> Citation:
    start, end = c.start + offset, c.end + offset
    return replace(c, start=start, end=end, text=note_text[start:end])


def _recognize_clause(clause: str) -> list[Citation]:
    for recognize in recognizers():
        try:
            found = recognize(clause)
        except Exception as exc:  # a recognizer bug must not lose the clause
            name = getattr(recognize, "__module__", "recognizer")
            return [
                Citation(
                    clause,
                    0,
                    len(clause),
                    "unrecognized",
                    "unrecognized",
                    reason=f"internal error in {name}: {type(exc).__name__}",
                )
            ]
        if found:
            return found
    return [fallback(clause)]


def _attach_classification(cites: list[Citation]) -> list[Citation]:
    out = list(cites)
    target: int | None = None
    for i, c in enumerate(out):
        if c.kind == "archival" and c.role in ("source", None, "reference"):
            target = i if target is None or c.role == "source" else target
        elif (
            c.kind == "not-a-citation"
            and target is not None
            and c.reason
            and "classification" in c.reason
            and is_classification(c.text)
        ):
            ref = out[target].archival
            if ref is not None and ref.classification is None:
                marking = c.text.strip().rstrip(".").strip()
                out[target] = replace(
                    out[target], archival=replace(ref, classification=marking)
                )
            target = None
    return out


def recognize_text(text: str) -> tuple[Citation, ...]:
    """All citation candidates of one note's text, with offsets into ``text``.

    >>> [c.kind for c in recognize_text("Not printed.")]
    ['not-a-citation']
    """
    found: list[Citation] = []
    for span in clauses(text):
        clause = text[span.start : span.end]
        for c in _recognize_clause(clause):
            found.append(_shift(c, span.start, text))
    return tuple(_attach_classification(found))
