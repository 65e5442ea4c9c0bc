"""One manuscript as the rules see it: its resolved citations and its notes.

The rules read only what the pipeline already produced (``archcite.pipeline``:
read -> recognize -> resolve -> normalize): each citation's ``kind``, ``status``,
``reason``, ``antecedent``, ``declares`` and its archival/FRUS/published fields.
What several rules need (the notes in order, the citations of each note) is
computed here once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from archcite.check.settings import Settings
from archcite.model import Located, Note

T = TypeVar("T")

#: kinds that stand for a source (typography and dates are checked in these)
CITING = frozenset(
    {"archival", "frus", "ibid", "short", "internal", "published", "interview",
     "personal_communication"}
)  # fmt: skip


class Manuscript:
    """A document's located citations, with the lookups rules share."""

    def __init__(
        self,
        source: str,
        located: Sequence[Located],
        settings: Settings | None = None,
        *,
        office: bool = False,
    ) -> None:
        self.source = source
        self.located = tuple(located)
        self.settings = settings or Settings()
        #: DOCX/ODT: ``line`` is the body paragraph of the note's mark
        self.office = office
        notes: list[Note] = []
        by_note: dict[int, list[Located]] = {}
        for loc in self.located:
            key = loc.note.index
            if key not in by_note:
                by_note[key] = []
                notes.append(loc.note)
            by_note[key].append(loc)
        self.notes: tuple[Note, ...] = tuple(notes)
        self._by_note = {k: tuple(v) for k, v in by_note.items()}
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[Manuscript], T]) -> T:
        """``compute(self)``, once: what several rules read (dates, declarations)."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        found: T = self._memo[key]
        return found

    def in_note(self, note: Note) -> tuple[Located, ...]:
        """The citations of ``note``, in order."""
        return self._by_note.get(note.index, ())

    def citing(self, *kinds: str) -> Iterator[Located]:
        """Citations of the given kinds (all citing kinds when none is given)."""
        wanted = frozenset(kinds) if kinds else CITING
        for loc in self.located:
            if loc.citation.kind in wanted:
                yield loc

    def at(self, index: int) -> Located | None:
        """The citation whose ``Located.index`` is ``index``."""
        if 0 <= index < len(self.located) and self.located[index].index == index:
            return self.located[index]
        for loc in self.located:
            if loc.index == index:
                return loc
        return None


__all__ = ["CITING", "Manuscript"]
