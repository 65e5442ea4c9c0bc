"""``--fix``: apply the edits of the mechanical rules to the manuscript itself.

A fixable rule's finding carries an :class:`~archcite.check.model.Edit` of a span
inside the citation it is about (the runner refuses any other). The edits go to
:mod:`archcite.rewrite`, whose writer for the input's format changes only those
spans, keeps every other byte, and reads the result back with the format's reader
before returning it: an edit that would not read back as intended is refused, not
written wrong. Overlapping edits of one note keep the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from archcite.check.model import Finding
from archcite.model import Note
from archcite.readers import Source
from archcite.rewrite import Edit, RewriteError, rewrite


@dataclass(frozen=True, slots=True)
class Fixed:
    """What fixing one document gave."""

    #: the corrected document (the input's bytes when nothing was fixed)
    data: bytes
    fixed: tuple[Finding, ...] = ()
    #: findings whose edit was not made, with the reason
    refused: tuple[tuple[Finding, str], ...] = ()


def _planned(
    findings: Sequence[Finding],
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    chosen: list[Finding] = []
    refused: list[tuple[Finding, str]] = []
    taken: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        if f.edit is None:
            continue
        spans = taken.setdefault(f.edit.note_index, [])
        if any(a < f.edit.end and f.edit.start < b for a, b in spans):
            refused.append((f, "overlaps another fix in the note"))
            continue
        spans.append((f.edit.start, f.edit.end))
        chosen.append(f)
    return chosen, refused


def fix_source(
    source: Source, findings: Sequence[Finding], fmt: str | None = None
) -> Fixed:
    """Apply the edits of ``findings`` to ``source``; say which were made."""
    chosen, refused = _planned(findings)
    original = source.read_bytes()
    if not chosen:
        return Fixed(original, (), tuple(refused))
    edits = {
        id(edit): (edit, f)
        for f in chosen
        if f.edit is not None
        for edit in [
            Edit(f.edit.note_index, f.edit.start, f.edit.end, f.edit.replacement)
        ]
    }
    try:
        result = rewrite(source, [e for e, _ in edits.values()], fmt)
    except RewriteError as exc:
        return Fixed(original, (), (*refused, *((f, str(exc)) for f in chosen)))
    fixed = tuple(edits[id(e)][1] for e in result.applied if id(e) in edits)
    refused += [
        (edits[id(r.edit)][1], r.reason) for r in result.refused if id(r.edit) in edits
    ]
    return Fixed(result.data, fixed, tuple(refused))


def change(finding: Finding, notes: Sequence[Note]) -> str:
    """``“1961-63” → “1961–63”``: the edit with the rest of its words around it."""
    edit = finding.edit
    note = next((n for n in notes if n.index == finding.note_index), None)
    if edit is None or note is None:
        return ""
    text = note.text
    a = edit.start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = edit.end
    while b < len(text) and not text[b].isspace():
        b += 1
    before = text[a:b].rstrip(",;.")
    after = (text[a : edit.start] + edit.replacement + text[edit.end : b]).rstrip(",;.")
    return f"“{before}” → “{after}”"


def fixed_copy(path: Path) -> Path:
    """Where ``--fix`` writes the corrected copy: ``draft.md`` -> ``draft.fixed.md``."""
    return path.with_name(f"{path.stem}.fixed{path.suffix}")


def backup(path: Path) -> Path:
    """A name for the backup of ``path`` that is not taken: ``draft.md.bak``,
    then ``draft.md.bak.1`` …; an earlier backup is never overwritten."""
    candidate = path.with_name(path.name + ".bak")
    n = 0
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.bak.{n}")
    return candidate


__all__ = ["Fixed", "backup", "change", "fix_source", "fixed_copy"]
