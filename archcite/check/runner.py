"""Run the selected rules over one manuscript and place their findings.

Each :class:`~archcite.check.model.Hit` becomes a
:class:`~archcite.check.model.Finding` with the rule's id and severity and the
line and column of its start in the source file (for DOCX/ODT: the body
paragraph of the note's mark and the character in the note, as the readers
locate citations). Findings are sorted by place, then rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from archcite import readers
from archcite.check import registry
from archcite.check.manuscript import Manuscript
from archcite.check.model import Edit, Finding, Hit
from archcite.check.settings import Settings
from archcite.model import Located
from archcite.pipeline import finish, locate
from archcite.places import OFFICE_READERS
from archcite.readers import Source


def _finding(rule_id: str, hit: Hit) -> Finding:
    info = registry.infos()[rule_id]
    note = hit.note
    line, column = note.srcmap.locate(hit.start)
    edit = None
    # A fix stays inside the citation it is about: text outside citation spans
    # is the author's and is never touched.
    span = hit.located.citation if hit.located is not None else None
    if (
        hit.replacement is not None
        and info.fixable
        and span is not None
        and span.start <= hit.start <= hit.end <= span.end
    ):
        edit = Edit(
            note.index,
            hit.start,
            hit.end,
            hit.replacement,
            note.text[hit.start : hit.end],
        )
    text = (
        hit.located.citation.text
        if hit.located is not None
        else note.text[hit.start : hit.end]
    )
    return Finding(
        rule=rule_id,
        severity=info.severity,
        message=hit.message,
        source=note.source,
        note=note.label,
        note_index=note.index,
        line=line,
        column=column,
        start=hit.start,
        end=hit.end,
        text=text,
        suggestion=hit.suggestion,
        edit=edit,
        doc=note.doc,
    )


def active(
    settings: Settings, select: Sequence[str], ignore: Sequence[str]
) -> tuple[str, ...]:
    """The rules to run: the command line's selection less the house's ``ignore``."""
    return registry.selected(select, (*ignore, *settings.ignore))


def run(manuscript: Manuscript, rule_ids: Iterable[str]) -> tuple[Finding, ...]:
    """The findings of ``rule_ids`` on ``manuscript``, in document order."""
    checks = registry.checks()
    found: list[Finding] = []
    for rule_id in rule_ids:
        found.extend(_finding(rule_id, hit) for hit in checks[rule_id](manuscript))
    found.sort(key=lambda f: (f.note_index, f.start, f.rule, f.end))
    return tuple(found)


def manuscript_of(
    source: Source, settings: Settings, fmt: str | None = None
) -> Manuscript:
    """Read and resolve one document (the pipeline), ready for the rules."""
    reader = readers.reader_for(source, fmt)
    located: Sequence[Located] = finish(locate(reader.read(source)))
    return Manuscript(
        source.name, located, settings, office=reader.name in OFFICE_READERS
    )


__all__ = ["OFFICE_READERS", "active", "manuscript_of", "run"]
