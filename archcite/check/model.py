"""What the checker produces: findings, and the edits that fix some of them.

A rule yields :class:`Hit` objects (a place in a note and what is wrong there);
the runner turns each into a :class:`Finding` with the rule's id and severity and
the source line and column of the place. Offsets (``start``/``end``) are into the
note's text, as a citation's are, so that an :class:`Edit` can be applied by a
writer that maps note text back to the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from archcite.model import Located, Note

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("warning", "error")


def severity_rank(severity: Severity) -> int:
    """0 for a warning, 1 for an error: ``--fail-on`` compares ranks."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``note.text[start:end]`` of note ``note_index`` by ``replacement``."""

    note_index: int
    start: int
    end: int
    replacement: str
    #: what the span holds now (a writer checks it before changing anything)
    original: str = ""


@dataclass(frozen=True, slots=True)
class Example:
    """A rule's example: the notes of a tiny manuscript, and settings for it."""

    notes: tuple[str, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule as ``archcite rules`` lists it (from ``rules.toml``)."""

    id: str
    severity: Severity
    summary: str
    bad: Example
    good: Example
    #: whether ``--fix`` can correct what the rule finds
    fixable: bool = False
    #: longer help: why the rule exists and what it compares
    help: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: a span of a note (offsets into ``note.text``)."""

    note: Note
    start: int
    end: int
    message: str
    suggestion: str | None = None
    #: the text that should replace ``note.text[start:end]`` (fixable rules)
    replacement: str | None = None
    #: the citation the hit is about, when there is one
    located: Located | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One diagnostic of one rule at one place of one manuscript."""

    rule: str
    severity: Severity
    message: str
    source: str
    note: str
    note_index: int
    line: int
    column: int
    start: int
    end: int
    #: the text the finding is about (the citation, or the span in it)
    text: str
    suggestion: str | None = None
    edit: Edit | None = None
    #: the TEI document (``div/@xml:id``) of the note, when the format has one
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class FileResult:
    """What checking one input gave: its findings, or why it could not be read."""

    source: str
    findings: tuple[Finding, ...] = ()
    #: DOCX/ODT: ``line`` is the body paragraph of the note's mark
    office: bool = False
    #: the notes of the document (the HTML report shows them)
    notes: tuple[Note, ...] = ()
    #: the input could not be read: the one-line reason
    error: str | None = None
    #: the settings file used, if any
    settings: str | None = None


__all__ = [
    "SEVERITIES",
    "Edit",
    "Example",
    "FileResult",
    "Finding",
    "Hit",
    "RuleInfo",
    "Severity",
    "severity_rank",
]
