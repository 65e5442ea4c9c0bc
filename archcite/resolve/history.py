"""What the resolve pass remembers of a document, in memory that does not grow.

The rules of :mod:`archcite.resolve` look back a bounded way: an Ibid. at the
last real citation before its note (and at the notes in between), a short form
at the last :data:`SHORT_FORM_REACH` real citations, a "hereafter" title at the
citation that declared it, "footnote 2 above" at the last note labelled 2, and
"footnote 2 below" at the next one. :class:`History` keeps exactly that, plus
counters summarizing the notes between the last real citation and the current
note, so the pass answers every rule as if it had the whole document while a
50 MB file of notes runs in a few megabytes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from archcite.grammar.labels import is_label
from archcite.model import Located, Note


def note_key(note: Note) -> tuple[str, int]:
    return (note.source, note.index)


@dataclass(slots=True)
class Anchor:
    """The last real citation of a note that is not a document label.

    ``roots`` are the sources (ultimate antecedents) of the real citations of
    that note, ``count`` how many there are: an Ibid. after a note citing
    several sources is ambiguous.
    """

    pos: int
    loc: Located
    count: int
    roots: set[int]


@dataclass(slots=True)
class Since:
    """The notes after the anchor's note and before the current one."""

    labels: int = 0  # document labels among them
    numbered: bool = True  # footnote numbers run on, one by one, from the anchor's
    last: int = 0  # the last such number


def _number(label: str) -> int | None:
    if not label.isdigit():
        return None
    try:
        return int(label)
    except ValueError:  # "²" is a digit to str.isdigit, not to int
        return None


@dataclass(slots=True)
class History:
    """The resolve pass's view of the citations before the current one."""

    reach: int  # real citations a short form may look back
    #: resolved citations of the current note, from ``note_start``
    note: list[Located] = field(default_factory=list)
    note_start: int = 0
    #: the last real citation before the current note (not in a label note)
    anchor: Anchor | None = None
    since: Since = field(default_factory=Since)
    #: the last ``reach`` real citations: (position, resolved citation)
    recent: deque[tuple[int, Located]] = field(default_factory=deque)
    #: label -> document of the last finished note so labelled (TEI only)
    labels_seen: dict[str, str | None] = field(default_factory=dict)
    _pending: Anchor | None = None  # the current note's last real citation
    _source: str | None = None
    count: int = 0  # citations seen so far (the next position)

    def __post_init__(self) -> None:
        self.recent = deque(maxlen=self.reach)

    # -- feeding -------------------------------------------------------------

    def begin(self, loc: Located) -> None:
        """Called before the citation at position ``self.count`` is resolved."""
        if self.note and note_key(self.note[0].note) == note_key(loc.note):
            return
        if self.note:
            self._finish_note()
        if loc.note.source != self._source:
            self._source = loc.note.source
            self.labels_seen.clear()
        self.note = []
        self.note_start = self.count

    def add(self, done: Located, real: bool, ultimate: int) -> None:
        """Record the resolved citation at position ``self.count``."""
        pos = self.count
        self.note.append(done)
        self.count += 1
        if not real:
            return
        self.recent.append((pos, done))
        if is_label(done.note):
            return
        if self._pending is None:
            self._pending = Anchor(pos, done, 0, set())
        else:
            self._pending.pos, self._pending.loc = pos, done
        self._pending.count += 1
        self._pending.roots.add(ultimate)

    def _finish_note(self) -> None:
        note = self.note[0].note
        if note.volume_id is not None or note.doc is not None:
            self.labels_seen[note.label] = note.doc
        if self._pending is not None:
            self.anchor = self._pending
            self._pending = None
            number = _number(note.label)
            self.since = Since(0, number is not None, number or 0)
        elif self.anchor is not None:
            self._count_between(note)

    def _count_between(self, note: Note) -> None:
        since = self.since
        if is_label(note):
            since.labels += 1
            return
        number = _number(note.label)
        since.numbered = (
            since.numbered and number is not None and number == since.last + 1
        )
        since.last = number if number is not None else since.last

    # -- queries -------------------------------------------------------------

    def at(self, pos: int) -> Located:
        """A citation of the current note by position."""
        return self.note[pos - self.note_start]

    def in_note_before(self, pos: int) -> Iterator[tuple[int, Located]]:
        """The current note's citations before ``pos``, nearest first."""
        for j in range(pos - 1, self.note_start - 1, -1):
            yield j, self.at(j)

    def between(self, loc: Located, pos: int) -> tuple[int, bool]:
        """Label notes and whether numbering runs on, from the anchor to ``loc``.

        As the whole-document pass counted them: the anchor's note, every note
        after it, the current note once more if citations of it precede
        ``pos``, and the current note.
        """
        since = self.since
        labels, numbered, last = since.labels, since.numbered, since.last
        copies = 2 if pos > self.note_start else 1
        for _ in range(copies):
            if is_label(loc.note):
                labels += 1
                continue
            number = _number(loc.note.label)
            numbered = numbered and number is not None and number == last + 1
            last = number if number is not None else last
        return labels, numbered

    def last_labelled(self, label: str, default: str | None) -> str | None:
        """The document of the nearest earlier note labelled ``label``."""
        return self.labels_seen.get(label, default)


def lookahead_label(
    ahead: deque[Located], more: Iterator[Located], loc: Located, label: str
) -> tuple[bool, str | None]:
    """The document of the next note after ``loc``'s labelled ``label``.

    Pulls citations from ``more`` into ``ahead`` until one is found, the
    source changes or the input ends; ``(False, None)`` when there is none.
    """
    key = note_key(loc.note)
    i = 0
    while True:
        if i == len(ahead):
            nxt = next(more, None)
            if nxt is None:
                return False, None
            ahead.append(nxt)
        note = ahead[i].note
        if note.source != loc.note.source:
            return False, None
        if note.label == label and note_key(note) != key:
            return True, note.doc
        i += 1


__all__ = [
    "Anchor",
    "History",
    "Since",
    "lookahead_label",
    "note_key",
]
