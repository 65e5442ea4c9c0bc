"""Rewrite citation spans inside a manuscript, leaving everything else as it was.

An :class:`Edit` names a span of one note's text, in the offsets archcite's
readers produce (``Citation.start``/``end``), and what to put there: rich text
(the formatter's output: its emphasis replaces whatever the span had) or a
plain string (a fix: the new characters take the formatting of the place they
go, and only the characters that differ are touched). One writer per input
format applies the edits to the original file and returns the new bytes:

    from archcite.rewrite import Edit, rewrite, from_html
    result = rewrite(source, [Edit(0, 0, 41, from_html("<i>Foreign Relations</i> …"))])
    result.data          # the new file
    result.refused       # edits that could not be made safely, with the reason

Every writer's output is read back with the format's own reader before it is
returned: each note must read as its old text with the edits applied, and every
other note exactly as before. An edit that fails that check is refused (the span
stays as it was) rather than written wrong.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from archcite import readers
from archcite.errors import ArchciteError
from archcite.model import Note
from archcite.readers import Source
from archcite.readers.textmap import TextBuilder
from archcite.rewrite.rich import RichText, RichTextError, Run, from_html, plain


class RewriteError(ArchciteError):
    """The edits cannot be applied to this document at all."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of note ``note`` (``Note.index``)."""

    note: int
    start: int
    end: int
    #: rich text replaces the span's formatting; a string keeps it
    replacement: RichText | str

    @property
    def text(self) -> str:
        r = self.replacement
        return r if isinstance(r, str) else r.plain


@dataclass(frozen=True, slots=True)
class Refusal:
    """An edit left undone, and why."""

    edit: Edit
    reason: str


@dataclass(frozen=True, slots=True)
class Rewritten:
    """The new document and the edits that were not made."""

    data: bytes
    refused: tuple[Refusal, ...] = ()
    applied: tuple[Edit, ...] = ()


#: A writer: original bytes, the reader's notes, edits grouped per note
#: (sorted, non-overlapping), the document's name and, per note, which of the
#: writer's placement strategies to use -> new bytes and the edits it refused.
WriteFn = Callable[
    [bytes, Sequence[Note], dict[int, list[Edit]], str, dict[int, int]],
    tuple[bytes, list[Refusal]],
]


@dataclass(frozen=True, slots=True)
class Writer:
    name: str
    write: WriteFn
    #: how the format's reader will read a replacement back (LaTeX prints ' as ’)
    reads_as: Callable[[str], str]
    #: how many placement strategies it has for a span the first one failed
    rounds: int = 1


_WRITERS: dict[str, Writer] = {}
_MODULES = {
    "text": "archcite.rewrite.textfmt",
    "markdown": "archcite.rewrite.textfmt",
    "latex": "archcite.rewrite.textfmt",
    "docx": "archcite.rewrite.docx",
    "odt": "archcite.rewrite.odt",
}


def register(writer: Writer) -> Writer:
    """Register the writer for the reader of the same name."""
    _WRITERS[writer.name] = writer
    return writer


def writer_for(name: str) -> Writer:
    """The writer for reader ``name``; :class:`RewriteError` when there is none."""
    if name not in _WRITERS and name in _MODULES:
        importlib.import_module(_MODULES[name])
    if name not in _WRITERS:
        known = ", ".join(_MODULES)
        raise RewriteError(f"cannot rewrite {name} documents (can: {known})")
    return _WRITERS[name]


def can_rewrite(name: str) -> bool:
    """True when reader ``name`` has a writer."""
    return name in _MODULES or name in _WRITERS


def normalize(text: str) -> str:
    """Collapse whitespace the way the readers do."""
    builder = TextBuilder()
    builder.add(text, 1, 1)
    return builder.build()[0]


def _group(notes: Sequence[Note], edits: Sequence[Edit]) -> dict[int, list[Edit]]:
    by_index = {n.index: n for n in notes}
    grouped: dict[int, list[Edit]] = {}
    for edit in edits:
        note = by_index.get(edit.note)
        if note is None:
            raise RewriteError(f"no note with index {edit.note}")
        if not 0 <= edit.start <= edit.end <= len(note.text):
            raise RewriteError(
                f"span {edit.start}-{edit.end} is outside note {note.label} "
                f"({len(note.text)} characters)"
            )
        grouped.setdefault(edit.note, []).append(edit)
    for index, group in grouped.items():
        group.sort(key=lambda e: (e.start, e.end))
        for a, b in pairwise(group):
            if b.start < a.end or (b.start == a.end == b.end == a.start):
                raise RewriteError(
                    f"overlapping edits in note {by_index[index].label}: "
                    f"{a.start}-{a.end} and {b.start}-{b.end}"
                )
    return grouped


def expected_text(note: Note, edits: Sequence[Edit], writer: Writer) -> str:
    """The note's text once ``edits`` (sorted) are made, as its reader will see it."""
    out: list[str] = []
    at = 0
    for edit in edits:
        out.append(note.text[at : edit.start])
        out.append(writer.reads_as(edit.text))
        at = edit.end
    out.append(note.text[at:])
    return normalize("".join(out))


def _check(
    data: bytes,
    source: Source,
    reader: readers.ReaderInfo,
    notes: Sequence[Note],
    grouped: dict[int, list[Edit]],
    writer: Writer,
) -> set[int]:
    """Indices of notes that do not read back as expected (all, if unreadable)."""
    try:
        again = list(reader.read(Source(source.name, None, data)))
    except ArchciteError:
        return {n.index for n in notes}
    if len(again) != len(notes):
        return {n.index for n in notes}
    bad: set[int] = set()
    for old, new in zip(notes, again, strict=True):
        want = expected_text(old, grouped.get(old.index, []), writer)
        if new.text != want or new.label != old.label:
            bad.add(old.index)
    return bad


_CHECK_REASON = "the rewritten note would not read back as intended"


def rewrite(source: Source, edits: Sequence[Edit], fmt: str | None = None) -> Rewritten:
    """Apply ``edits`` to ``source``; refuse (and report) those it cannot make safely."""
    reader = readers.reader_for(source, fmt)
    writer = writer_for(reader.name)
    original = source.read_bytes()
    notes = list(reader.read(source))
    by_index = {n.index: n for n in notes}
    # A plain-text edit that changes nothing is no edit: the bytes stay as they are.
    active = {
        i: kept
        for i, group in _group(notes, edits).items()
        if (kept := [e for e in group if not _identity(by_index[i], e)])
    }
    strategy = dict.fromkeys(active, 0)
    refused: list[Refusal] = []
    while True:
        if not active:
            return Rewritten(original, tuple(refused))
        data, refusals = writer.write(original, notes, active, source.name, strategy)
        made = _without(active, {id(r.edit) for r in refusals})
        bad = _check(data, source, reader, notes, made, writer)
        if not bad:
            refused.extend(refusals)
            applied = tuple(e for group in made.values() for e in group)
            return Rewritten(data if applied else original, tuple(refused), applied)
        if not bad <= active.keys():
            bad = set(active)  # an edit disturbed another note: try again, all of them
        for index in bad:
            if strategy[index] + 1 < writer.rounds:
                strategy[index] += 1
                continue
            refused.extend(Refusal(e, _CHECK_REASON) for e in made.get(index, []))
            refused.extend(r for r in refusals if r.edit in active[index])
            del active[index]


def _identity(note: Note, edit: Edit) -> bool:
    return (
        isinstance(edit.replacement, str)
        and note.text[edit.start : edit.end] == edit.replacement
    )


def _without(grouped: dict[int, list[Edit]], ids: set[int]) -> dict[int, list[Edit]]:
    out = {i: [e for e in g if id(e) not in ids] for i, g in grouped.items()}
    return {i: g for i, g in out.items() if g}


__all__ = [
    "Edit",
    "Refusal",
    "RewriteError",
    "Rewritten",
    "RichText",
    "RichTextError",
    "Run",
    "Writer",
    "can_rewrite",
    "from_html",
    "plain",
    "register",
    "rewrite",
    "writer_for",
]
