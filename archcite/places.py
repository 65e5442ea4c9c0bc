"""Where a citation is, as people read it: one form for every report.

``check`` findings, ``format``'s citations kept as written and the rewrite of a
manuscript all name a place in the input. In text formats that is
``file:line:column``; in DOCX and ODT, where the readers locate a note by the
body paragraph of its mark and the character in the note, it is
``file: note N (paragraph P), character C`` — a paragraph is no line of the file.
"""

from __future__ import annotations

from archcite.model import Located

#: readers whose ``line`` is a body paragraph, not a line of the file
OFFICE_READERS = frozenset({"docx", "odt"})
#: characters of a citation quoted in a report before it is cut with "…"
EXCERPT_CHARS = 60


def place(source: str, line: int, column: int, note: str, office: bool) -> str:
    """``file:line:column``, or for DOCX/ODT the note and its paragraph."""
    if office:
        return f"{source}: note {note} (paragraph {line}), character {column}"
    return f"{source}:{line}:{column}"


def note_place(loc: Located, source: str, office: bool) -> str:
    """Where a located citation is, its note named in both forms."""
    line, column = loc.line_column
    where = place(source, line, column, loc.note.label, office)
    return where if office else f"{where}: note {loc.note.label}"


def excerpt(text: str) -> str:
    """``text`` quoted, cut to :data:`EXCERPT_CHARS` characters."""
    if len(text) > EXCERPT_CHARS:
        text = text[: EXCERPT_CHARS - 1] + "…"
    return f"“{text}”"


def kept_line(loc: Located, reason: str, source: str, office: bool) -> str:
    """A citation left as written: ``PLACE: “text…” kept as written (reason)``."""
    return (
        f"{note_place(loc, source, office)}: {excerpt(loc.citation.text)} "
        f"kept as written ({reason})"
    )


__all__ = [
    "EXCERPT_CHARS",
    "OFFICE_READERS",
    "excerpt",
    "kept_line",
    "note_place",
    "place",
]
