"""The ``archcite`` command line: a thin click layer over the library.

Exit codes (documented in ``archcite --help`` and the README):
0 success; 1 findings or partial failure (some inputs unreadable);
2 usage error or unreadable input; 3 internal error (a bug: please report it).
Errors are one line on stderr, ``archcite: error: …``; output files are written
atomically and never over an input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from archcite import __version__, readers
from archcite.cli.check import COMMANDS as CHECK_COMMANDS
from archcite.cli.choices import RegistryChoice
from archcite.cli.corpus import Corpus, corpus_options, run_extract
from archcite.cli.evaluation import eval_group
from archcite.cli.export import export
from archcite.cli.format import COMMANDS as FORMAT_COMMANDS
from archcite.cli.frus import frus

# Inputs that are lists of sources; output formats that are citation records.
from archcite.corpus import BIBLIOGRAPHY_FORMATS, RECORD_FORMATS
from archcite.errors import ArchciteError, InputError
from archcite.export import formats
from archcite.pipeline import parse_text
from archcite.record import schema, to_record

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"archcite: error: {message}", err=True)
    sys.exit(code)


class ArchciteGroup(click.Group):
    """Turn library errors into one stderr line and a documented exit code."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        # click's own usage errors are several lines (usage, hint, blank, error);
        # the contract is one line, so they are reported here instead.
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            hint = ""
            if exc.ctx is not None:
                hint = f" (see '{exc.ctx.command_path} --help')"
            _fail(f"{exc.format_message()}{hint}", EXIT_USAGE)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            _fail("aborted", EXIT_FINDINGS)
        except ArchciteError as exc:  # a broken plugin, found while parsing options
            _fail(str(exc), exc.exit_code)
        sys.exit(code if isinstance(code, int) else EXIT_OK)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArchciteError as exc:
            _fail(str(exc), exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            # `archcite extract … | head` is normal use, not an error.
            sys.stderr.close()
            sys.exit(EXIT_OK)
        except KeyboardInterrupt:
            sys.exit(130)
        except RecursionError:
            _fail("input nests too deeply to process", EXIT_USAGE)
        except Exception as exc:  # last line of defence: never a traceback
            _fail(
                f"internal error ({type(exc).__name__}: {exc}); please report it",
                EXIT_INTERNAL,
            )


@click.group(
    cls=ArchciteGroup, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, prog_name="archcite")
def cli() -> None:
    """Find, parse and normalize the citations in the footnotes of historical writing.

    archcite reads manuscripts (plain text, Markdown, LaTeX, DOCX, ODT) and FRUS
    volumes (TEI XML), recognizes the archival citations and FRUS
    cross-references in their notes, resolves Ibid. and short forms, and prints
    them as JSON records or as CSL-JSON, BibTeX/biblatex, RIS and Zotero items.

    Exit codes: 0 success; 1 partial failure (some inputs unreadable) or, for
    'check', findings; 2 usage error, bad settings or unreadable input; 3 internal
    error (a bug).
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--from",
    "from_",
    type=RegistryChoice(
        lambda: (*readers.names(), *BIBLIOGRAPHY_FORMATS), readers.canonical_name
    ),
    help="Input format (default: from the file suffix, then the content).",
)
@click.option(
    "--format",
    "fmt",
    type=RegistryChoice(
        lambda: RECORD_FORMATS + formats.names(), formats.canonical_name
    ),
    default="jsonl",
    show_default=True,
    help="Output format: citation records (jsonl, json) or normalized items.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically; never over an input); '-' is stdout.",
)
@corpus_options
def extract(
    paths: tuple[str, ...],
    from_: str | None,
    fmt: str,
    output: Path | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    jobs: int | None,
    quiet: bool,
) -> None:
    """Read documents and print the citations in their notes.

    PATHS are manuscripts (text, Markdown, LaTeX, DOCX, ODT), FRUS TEI volumes,
    folders of them (read recursively), or, for the item formats, CSL-JSON and
    BibTeX bibliographies; '-' reads standard input. jsonl/json print one
    record per citation, file after file in the order given (folders sorted by
    name) whatever --jobs is; the other formats print one entry per source (the
    same memorandum cited in three notes is one item). An unreadable input
    among several is reported on stderr, the others are still read, and the
    exit code is 1 (3 if archcite itself failed on one). With several inputs a
    summary line ends the run on stderr.
    """
    code = run_extract(
        paths,
        from_,
        fmt,
        output,
        Corpus(include, exclude, jobs, quiet),
    )
    if code:
        sys.exit(code)


@cli.command()
@click.argument("text")
def parse(text: str) -> None:
    """Parse one note's TEXT ('-' reads standard input); print a JSON array.

    Offsets refer to the text with its whitespace collapsed.
    """
    if text == "-":
        raw = sys.stdin.buffer.read()
        text = readers.decode_utf8(raw, "<stdin>")
    if not text.strip():
        raise InputError("empty text", "<text>")
    records = [to_record(loc) for loc in parse_text(text)]
    click.echo(json.dumps(records, ensure_ascii=False, indent=2))


@cli.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the citation record."""
    click.echo(json.dumps(schema(), indent=2, ensure_ascii=False))


@cli.command("readers")
def readers_cmd() -> None:
    """List the input formats and the file suffixes that select them."""
    for name in readers.names():
        info = readers.get(name)
        click.echo(f"{name:<10} {' '.join(info.suffixes):<18} {info.description}")


cli.add_command(frus)
cli.add_command(eval_group)
cli.add_command(export)
for _command in CHECK_COMMANDS:
    cli.add_command(_command)  # check, rules
cli.add_command(FORMAT_COMMANDS[0]); cli.add_command(FORMAT_COMMANDS[1]); cli.add_command(FORMAT_COMMANDS[2])  # noqa: E702  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="archcite")
