"""The share of notes with an ``unrecognized`` record, by TEI volume.

Issue 11 measures how much of a volume's notes archcite leaves unexplained:
a note counts when at least one of its records has kind ``unrecognized``
(words that look like a citation but that no recognizer understood). The
volumes are read as :func:`archcite.evaluation.frus.load_volumes` reads them —
``frus/`` and ``frus-nyr/`` as they are, the ``frus-slices/`` excerpts and the
``frus-notes/`` lines put back into a TEI document of their volume — and run
through the whole pipeline (recognize, resolve), as ``archcite extract`` runs
per file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from archcite import pipeline
from archcite.evaluation.frus import load_volumes
from archcite.model import Located, Note


@dataclass
class Share:
    """One volume's notes and those of them with an ``unrecognized`` record."""

    name: str
    notes: int = 0
    #: ``volume#note`` keys of the notes with an unrecognized record, in order
    keys: list[str] = field(default_factory=list)
    #: the unrecognized texts of those notes, in the same order
    texts: list[str] = field(default_factory=list)

    @property
    def unrecognized(self) -> int:
        return len(self.keys)

    @property
    def share(self) -> float:
        return self.unrecognized / self.notes if self.notes else 0.0


def note_key(note: Note) -> str:
    """``volume#xml:id`` (or ``#note<label>`` for a note without an id)."""
    return f"{note.volume_id or ''}#{note.note_id or 'note' + note.label}"


def share_of(name: str, notes: list[Note], located: Iterable[Located]) -> Share:
    """The :class:`Share` of one volume's notes and their records."""
    bad: dict[int, list[str]] = {}
    for loc in located:
        if loc.citation.kind == "unrecognized":
            bad.setdefault(loc.note.index, []).append(loc.citation.text)
    out = Share(name, notes=len(notes))
    for note in notes:
        if note.index in bad:
            out.keys.append(note_key(note))
            out.texts.append(" | ".join(bad[note.index]))
    return out


def measure(corpus: Path) -> list[Share]:
    """The share of every TEI volume under ``corpus``, in reading order."""
    out = []
    for name, notes in load_volumes(corpus):
        located = pipeline.finish(pipeline.locate(notes))
        out.append(share_of(name, notes, located))
    return out


def as_text(shares: list[Share], show: int = 0) -> str:
    """A table of the shares, a total line, and up to ``show`` examples each."""
    width = max((len(s.name) for s in shares), default=0)
    lines = []
    for s in shares:
        lines.append(
            f"{s.name:<{width}}  {s.unrecognized:>4} of {s.notes:>5} notes  "
            f"{100 * s.share:5.2f} %"
        )
        for key, text in list(zip(s.keys, s.texts, strict=True))[:show]:
            lines.append(f"    {key}: {text[:200]}")
    total = sum(s.notes for s in shares)
    bad = sum(s.unrecognized for s in shares)
    share = 100 * bad / total if total else 0.0
    lines.append(f"{'total':<{width}}  {bad:>4} of {total:>5} notes  {share:5.2f} %")
    return "\n".join(lines)
