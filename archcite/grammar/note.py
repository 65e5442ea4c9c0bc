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

import os
import re
from dataclasses import fields, replace
from functools import lru_cache
from operator import attrgetter

from archcite.grammar import Recognizer, recognizers
from archcite.grammar.noncitation import EDITORIAL, MARKING, fallback, has_anchor
from archcite.grammar.segment import clauses
from archcite.grammar.vocab import DECLARES, PRINTING_VERB
from archcite.model import Citation

#: Set to "1" (the test suite does) to let a recognizer's exception propagate
#: instead of becoming an ``unrecognized`` citation that names it.
STRICT_ENV = "ARCHCITE_STRICT"

# Every field of a Citation after text/start/end, read in one call: building
# the shifted copy directly is about three times faster than
# dataclasses.replace, and _shift runs once per citation.
_FIELDS = fields(Citation)
_DIRECT = [f.name for f in _FIELDS[:3]] == ["text", "start", "end"] and all(
    f.init and not f.kw_only for f in _FIELDS
)
_REST = attrgetter(*(f.name for f in _FIELDS[3:]))


def _shift(c: Citation, offset: int, note_text: str) -> Citation:
    start, end = c.start + offset, c.end + offset
    text = note_text[start:end]
    if offset == 0 and c.text == text:
        return c  # the first clause of a note: nothing to move
    if _DIRECT:
        return Citation(text, start, end, *_REST(c))
    return replace(c, start=start, end=end, text=text)


_EDGE = " \t\n,;:.()[]"
_CONNECTIVE = re.compile(r"(?:(?:and|or|also|see|cf\.)[\s,]+)+", re.IGNORECASE)
# "NSC 10/2, June 18, 1948, printed ibid., Document 292": the words before a
# printing or "is in" describe the document the citation after them locates.
_DESCRIBES = re.compile(
    rf"\b(?:{PRINTING_VERB}|summarized|is|are|was|were)"
    r"(?:\s+(?:in|as))?(?:\s+(?:full|part))?[\s,]*$",
    re.IGNORECASE,
)


def _leftovers(clause: str, found: list[Citation]) -> list[Citation]:
    """The stretches of ``clause`` no citation in ``found`` covers that look like
    citations, as ``unrecognized`` records.

    A recognizer claims what it understands: "For texts, see" before a FRUS
    reference is a lead-in and stays unreported, but "Rusk Papers, Box 3" after
    it would vanish from the output if nothing reported it.
    """
    out: list[Citation] = []
    cursor = 0
    ordered = found if len(found) == 1 else sorted(found, key=_START)
    for c in ordered:
        # Most gaps are only punctuation: the regexes run on what is left.
        # "NSC 10/2, June 18, 1948, printed ibid., Document 292": what stands
        # before "printed" is the document the citation after it locates.
        if (
            c.start > cursor
            and (left := _leftover(clause, cursor, c.start, c))
            and not _DESCRIBES.search(clause, cursor, c.start)
        ):
            out += left
        cursor = max(cursor, c.end)
    if found and cursor < len(clause):
        out += _leftover(clause, cursor, len(clause), found[-1])
    if out and any(c.declares for c in found):
        # "(hereafter cited as NSF, JFKL)" is read: the citation declares it.
        out = [c for c in out if not DECLARES.match(c.text)]
    return out


_START = attrgetter("start")


# "(Johnson Library, President's Daily Diary, and ibid., Rusk Appointment
# Books, 1967)": an Ibid. after a citation in the same clause.
_IBID_OPENS = re.compile(r"ibid\b", re.IGNORECASE)


def _leftover(clause: str, start: int, end: int, near: Citation) -> list[Citation]:
    while start < end and clause[start] in _EDGE:
        start += 1
    while end > start and clause[end - 1] in _EDGE:
        end -= 1
    if start == end:
        return []
    if (m := _CONNECTIVE.match(clause, start, end)) is not None:
        start = m.end()
    text = clause[start:end]
    if not text or not has_anchor(text):
        return []
    if _IBID_OPENS.match(text):
        from archcite.grammar import shortforms  # a cycle at import

        found = shortforms.recognize(text)
        if found and found[0].start == 0:
            return [replace(c, start=c.start + start, end=c.end + start) for c in found]
    return [
        Citation(
            text,
            start,
            end,
            "unrecognized",
            "unrecognized",
            reason=f"left over after the {near.kind} citation {near.text[:40]!r}",
        )
    ]


class _Crash(Exception):
    """A recognizer raised on a clause: which one, and what it raised."""

    def __init__(self, name: str, kind: str) -> None:
        super().__init__(name, kind)
        self.name = name
        self.kind = kind


@lru_cache(maxsize=16384)
def _claimed(clause: str, chain: tuple[Recognizer, ...]) -> tuple[Citation, ...]:
    # A clause's answer depends only on its text and the chain, and citations
    # are immutable: FRUS repeats its clauses ("[Telegram]", "Not printed.",
    # whole source lines), so each is read once. A crash raises, and an
    # exception is never cached: the clause is read again next time.
    for recognize in chain:
        try:
            found = recognize(clause)
        except Exception as exc:  # a recognizer bug must not lose the clause
            if os.environ.get(STRICT_ENV) == "1":
                raise  # the test suite runs strict: a crash fails loudly
            name = getattr(recognize, "__module__", "recognizer")
            raise _Crash(name, type(exc).__name__) from exc
        if found:
            rest = _leftovers(clause, found)
            return tuple(sorted([*found, *rest], key=_START) if rest else found)
    return (fallback(clause),)


def _recognize_clause(
    clause: str, chain: tuple[Recognizer, ...] | None = None
) -> tuple[Citation, ...]:
    try:
        return _claimed(clause, chain or recognizers())
    except _Crash as crash:
        return (
            Citation(
                clause,
                0,
                len(clause),
                "unrecognized",
                "unrecognized",
                reason=f"internal error in {crash.name}: {crash.kind}",
            ),
        )


def _attach_classification(cites: list[Citation]) -> list[Citation]:
    out = list(cites)
    target: int | None = None
    for i, c in enumerate(out):
        if c.kind == "archival" and c.role in ("source", None, "reference"):
            target = i if target is None or c.role == "source" else target
        elif c.kind == "not-a-citation" and target is not None and c.reason == MARKING:
            ref = out[target].archival
            if ref is not None and ref.classification is None:
                marking = c.text.strip().rstrip(".").strip()
                out[target] = replace(
                    out[target], archival=replace(ref, classification=marking)
                )
            target = None
    return out


def _describes_next(text: str, prev: list[Citation], nxt: list[Citation]) -> bool:
    """Whether a clause is the document description of the archival clause after it.

    In "(Telegram 14006 from Tokyo, November 30; National Archives, RG 59, …)"
    the segmenter cuts at the semicolon; the telegram is the item that the
    archival location holds, so the two belong to one citation.
    """
    if len(prev) != 1 or len(nxt) != 1:
        return False
    before, after = prev[0], nxt[0]
    if before.kind not in ("not-a-citation", "unrecognized") or before.reason in (
        MARKING,
        EDITORIAL,
    ):
        return False
    ref = after.archival
    if after.kind != "archival" or ref is None or ref.item.type or ref.item.author:
        return False
    return text[before.end : after.start].strip() == ";"


def _merge_description(prev: Citation, nxt: Citation, text: str) -> Citation | None:
    from archcite.grammar.archival import parse_doc_item

    item = parse_doc_item(text[prev.start : prev.end])
    if item is None or nxt.archival is None:
        return None
    return replace(
        nxt,
        start=prev.start,
        text=text[prev.start : nxt.end],
        archival=replace(nxt.archival, item=item),
    )


def recognize_text(text: str) -> tuple[Citation, ...]:
    """All citation candidates of one note's text, with offsets into ``text``.

    >>> [c.kind for c in recognize_text("Not printed.")]
    ['not-a-citation']
    """
    found: list[Citation] = []
    previous: list[Citation] = []
    before = ""  # the text of the clause before
    chain = recognizers()
    for start, end in clauses(text):
        clause = text[start:end]
        current = [_shift(c, start, text) for c in _recognize_clause(clause, chain)]
        # Both checks below need a clause before this one and only one citation
        # in it: tested here first, since they fail for almost every clause.
        if len(current) == 1 and start:
            if len(previous) == 1 and _describes_next(text, previous, current):
                merged = _merge_description(previous[0], current[0], text)
                if merged is not None:
                    found.pop()
                    current = [merged]
            if text[start - 1] == "(":
                current = _copy_role(text, start, before, current)
        found.extend(current)
        previous = current
        before = clause
    # A marking needs a citation before it to attach to.
    return tuple(_attach_classification(found) if len(found) > 1 else found)


# The clause is about a copy: its subject is "The Department of State copy",
# "A copy", "Another copy" (not "Million copies" inside a quoted telegram).
_COPY = re.compile(r"(?:The|A|An|Another)\s+(?:[\w.’'-]+\s+){0,5}?cop(?:y|ies)\b")


def _copy_role(
    text: str, start: int, before: str, current: list[Citation]
) -> list[Citation]:
    """Mark a parenthesised location right after a sentence about a copy.

    "The Department of State copy indicates it was drafted by Fearey …
    (National Archives …, RG 59, Central Files 1964–66, POL 1 JAPAN–US)": the
    parenthesis says where that copy is, so its role is ``copy``, not another
    source of the document.
    """
    if (
        len(current) != 1
        or current[0].kind != "archival"
        or current[0].start != start
        or text[start - 1 : start] != "("
        or not _COPY.match(before)
    ):
        return current
    return [replace(current[0], role="copy")]
