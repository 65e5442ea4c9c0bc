"""``archcite check`` and ``archcite rules``: the citation linter's command line.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings at or above it, or
(with several inputs) some input unreadable; 2 usage error, bad settings, or
unreadable input (every input, when there are several).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from archcite import readers
from archcite.check import registry
from archcite.check.model import FileResult, severity_rank
from archcite.check.reports import FORMATS, render
from archcite.check.runner import active, manuscript_of, run
from archcite.check.settings import Settings, for_manuscript, load
from archcite.errors import InputError
from archcite.output import write_atomic

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _patterns(values: Sequence[str], option: str) -> tuple[str, ...]:
    """``--select a,b --select c`` -> ("a", "b", "c"), each a known rule or prefix."""
    out = tuple(p.strip() for v in values for p in v.split(",") if p.strip())
    registry.check_patterns(out, option)
    return out


def _settings(name: str, config: Path | None) -> Settings:
    if config is not None:
        return load(config, registry.ids())
    return for_manuscript(name, registry.ids())


def _check_one(
    name: str,
    from_: str | None,
    config: Path | None,
    select: Sequence[str],
    ignore: Sequence[str],
) -> tuple[FileResult, tuple[str, ...]]:
    settings = _settings(name, config)
    source = readers.open_source(name, sys.stdin.buffer if name == "-" else None)
    ms = manuscript_of(source, settings, from_)
    rule_ids = active(settings, select, ignore)
    result = FileResult(
        source=ms.source,
        findings=run(ms, rule_ids),
        office=ms.office,
        notes=ms.notes,
        settings=settings.path,
    )
    return result, rule_ids


def _failing(results: Sequence[FileResult], fail_on: str) -> bool:
    floor = severity_rank("error" if fail_on == "error" else "warning")
    return any(severity_rank(f.severity) >= floor for r in results for f in r.findings)


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--from",
    "from_",
    type=click.Choice(readers.names()),
    help="Input format (default: from the file suffix, then the content).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(tuple(FORMATS)),
    default="text",
    show_default=True,
    help="Report: text (file:line:column: RULE severity message), json (one "
    "finding a line), sarif (SARIF 2.1.0) or html (one page).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Run only these rules (ids or prefixes such as 'ibid', comma-separated).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Do not run these rules (ids or prefixes, comma-separated).",
)
@click.option(
    "--fail-on",
    type=click.Choice(("warning", "error")),
    default="warning",
    show_default=True,
    help="Exit 1 when a finding has this severity or a higher one.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file (atomically; never over an input).",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path, exists=True),
    help="Settings file to use instead of the archcite.toml or pyproject.toml "
    "beside each manuscript.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Correct what the mechanical rules find (dashes, house names, locator "
    "case) in a copy, NAME.fixed.EXT beside the input; every change is printed "
    "on stderr.",
)
@click.option(
    "--in-place",
    is_flag=True,
    help="With --fix: correct the input itself, after copying it to NAME.EXT.bak.",
)
def check(
    paths: tuple[str, ...],
    from_: str | None,
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    output: Path | None,
    config: Path | None,
    fix: bool,
    in_place: bool,
) -> None:
    """Check the citations in the notes of manuscripts before they go to press.

    PATHS are manuscripts (text, Markdown, LaTeX, DOCX, ODT) or FRUS TEI volumes;
    '-' reads standard input. Each is checked with the house style in an
    archcite.toml or pyproject.toml ([tool.archcite]) beside it: house forms of
    repository names, whether Ibid. is allowed, the Chicago edition, rules turned
    off. 'archcite rules' lists the rules. An unreadable input among several is
    reported and the others are still checked (exit 1).
    """
    select_ids = _patterns(select, "--select")
    ignore_ids = _patterns(ignore, "--ignore")
    if (fix or in_place) and "-" in paths:
        raise click.UsageError("--fix needs files, not standard input")
    results: list[FileResult] = []
    ran: dict[str, None] = {}
    errors = 0
    for name in paths:
        try:
            result, rule_ids = _check_one(name, from_, config, select_ids, ignore_ids)
        except InputError as exc:
            if len(paths) == 1:
                raise
            results.append(FileResult(source=name, error=str(exc)))
            errors += 1
            continue
        ran.update(dict.fromkeys(rule_ids))
        results.append(result)
    if errors == len(paths):
        for r in results[:-1]:
            click.echo(f"archcite: error: {r.error}", err=True)
        raise InputError(results[-1].error or "unreadable", None)
    if fix or in_place:
        from archcite.cli.check_fix import fix_results

        results = fix_results(results, from_, in_place)
    rule_order = [rid for rid in registry.infos() if rid in ran]
    data = render(fmt, results, rule_order)
    if output is not None and str(output) != "-":
        write_atomic(output, data, paths)
    else:
        click.echo(data, nl=False)
    for r in results:
        if r.error is not None:
            click.echo(f"archcite: error: {r.error}", err=True)
    if errors or _failing(results, fail_on):
        sys.exit(EXIT_FINDINGS)


def _example(notes: Sequence[str]) -> str:
    if len(notes) == 1:
        return notes[0]
    return "  ".join(f"[{i}] {n}" for i, n in enumerate(notes, 1))


@click.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
)
def rules(fmt: str) -> None:
    """List every rule of 'archcite check': id, severity, what it finds, a bad and
    a good example (the same examples are the rule's tests)."""
    infos = list(registry.infos().values())
    if fmt == "json":
        data = [
            {
                "id": r.id,
                "severity": r.severity,
                "summary": r.summary,
                "fixable": r.fixable,
                "help": r.help,
                "bad": list(r.bad.notes),
                "good": list(r.good.notes),
                "settings": dict(r.bad.settings),
            }
            for r in infos
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for r in infos:
        fixable = ", fixable" if r.fixable else ""
        click.echo(f"{r.id} ({r.severity}{fixable}): {r.summary}")
        setting = ""
        if r.bad.settings:
            setting = (
                " (with "
                + ", ".join(f"{k} = {json.dumps(v)}" for k, v in r.bad.settings.items())
                + ")"
            )
        click.echo(f"    bad{setting}:  {_example(r.bad.notes)}")
        click.echo(f"    good: {_example(r.good.notes)}")


COMMANDS = (check, rules)


__all__ = ["COMMANDS", "check", "rules"]
