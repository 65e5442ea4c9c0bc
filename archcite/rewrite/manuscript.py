"""Formatted citations into a manuscript: from located citations to edits.

The formatter (:mod:`archcite.render`) gives each citation it formats as HTML,
keyed by the citation's index in the document (``Located.index``). Every such
citation's span becomes an :class:`~archcite.rewrite.Edit`; prose and editorial
remarks around the spans are never touched, and a citation the formatter left
out (unrecognized, not a citation, an Ibid. or short form that stands for
nothing known) stays as written and is reported with the resolver's reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from archcite.model import Located
from archcite.places import OFFICE_READERS, kept_line
from archcite.readers import Source, reader_for
from archcite.rewrite import Edit, Refusal, RewriteError, Rewritten, rewrite
from archcite.rewrite.rich import from_html

#: Formatted HTML per citation index, for a document's located citations.
Formatter = Callable[[Sequence[Located]], Mapping[int, str]]

#: Kinds whose text is not a citation to format: kept as written, silently.
_PROSE = frozenset({"not-a-citation"})


@dataclass(frozen=True, slots=True)
class Kept:
    """A citation left as written, and why."""

    located: Located
    reason: str

    def describe(self, source: str, office: bool = False) -> str:
        """``source:line:column: note N: “text…” kept as written (reason)``; for
        DOCX/ODT (``office``) the place is the note, paragraph and character."""
        return kept_line(self.located, self.reason, source, office)


def edits_for(
    located: Sequence[Located], html: Mapping[int, str]
) -> tuple[list[Edit], list[Kept]]:
    """One edit per formatted citation; what is left as written, with the reason."""
    edits: list[Edit] = []
    kept: list[Kept] = []
    kept_notes: dict[int, str] = {}
    for loc in located:
        c = loc.citation
        if c.kind in _PROSE or c.start == c.end:
            continue
        formatted = html.get(loc.index)
        if formatted is None:
            kept_notes[loc.index] = loc.note.label
            kept.append(Kept(loc, _reason(loc, kept_notes)))
            continue
        edits.append(Edit(loc.note.index, c.start, c.end, from_html(formatted)))
    return edits, kept


def _reason(loc: Located, kept_notes: Mapping[int, str]) -> str:
    """Why the formatter left ``loc`` out, as far as the citation tells."""
    c = loc.citation
    if c.status == "unrecognized":
        return "not recognized"
    if c.antecedent is not None and c.antecedent in kept_notes:
        # an Ibid. or short form of a citation kept as written
        return (
            f"it stands for the citation of note {kept_notes[c.antecedent]}, "
            "kept as written"
        )
    return c.reason or "not formatted"


def kept_from_refusals(
    located: Sequence[Located], refused: Sequence[Refusal]
) -> list[Kept]:
    """The citations whose edits a writer refused."""
    by_span = {
        (loc.note.index, loc.citation.start, loc.citation.end): loc for loc in located
    }
    out = []
    for r in refused:
        loc = by_span.get((r.edit.note, r.edit.start, r.edit.end))
        if loc is not None:
            out.append(Kept(loc, r.reason))
    return out


def rewrite_manuscript(
    source: Source,
    located: Sequence[Located],
    html: Mapping[int, str],
    fmt: str | None = None,
) -> tuple[Rewritten, list[Kept]]:
    """The manuscript with every formatted citation in place of the original."""
    edits, kept = edits_for(located, html)
    result = rewrite(source, edits, fmt)
    kept.extend(kept_from_refusals(located, result.refused))
    kept.sort(key=lambda k: k.located.index)
    return result, kept


def write_manuscript(
    source_path: str, located: Sequence[Located], style: object, output_path: object
) -> list[str]:
    """``archcite format MS -o OUT.docx``: write the rewritten manuscript to ``OUT``.

    Returns the lines to report (citations kept as written); the file is written
    atomically and never over the input.
    """
    from pathlib import Path

    from archcite.output import write_atomic
    from archcite.readers import open_source
    from archcite.rewrite.formatter import formatter

    out = Path(str(output_path))
    source = open_source(source_path)
    reader = reader_for(source)
    if _SUFFIX_READER.get(out.suffix.lower()) != reader.name:
        raise RewriteError(
            f"a {reader.name} manuscript is rewritten as {reader.name} "
            f"(name the output {Path(source_path).suffix or 'like the input'})",
            str(out),
        )
    html = formatter(style)(located)  # type: ignore[arg-type]
    result, kept = rewrite_manuscript(source, located, html)
    write_atomic(out, result.data, [source_path])
    office = reader.name in OFFICE_READERS
    return [k.describe(source_path, office) for k in kept]


_SUFFIX_READER = {
    ".docx": "docx",
    ".odt": "odt",
    ".md": "markdown",
    ".markdown": "markdown",
    ".tex": "latex",
    ".txt": "text",
}
