"""``archcite check`` and ``archcite rules``: the citation linter's command line.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings at or above it, or
(with several inputs) some input unreadable; 2 usage error, bad settings, or
unreadable input (every input, when there are several).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from archcite import readers
from archcite.check import registry
from archcite.check.model import FileResult, severity_rank
from archcite.check.reports import FORMATS, render
from archcite.check.runner import active, manuscript_of, run
from archcite.check.settings import Settings, for_manuscript, load
from archcite.cli.choices import RegistryChoice
from archcite.cli.corpus import Corpus, corpus_options, expand
from archcite.corpus import (
    Outcome,
    Progress,
    default_jobs,
    inputs_line,
    ordered_map,
    show_progress,
)
from archcite.errors import InputError, InternalError
from archcite.output import write_atomic

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


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


@dataclass(frozen=True, slots=True)
class _Task:
    name: str
    from_: str | None
    config: Path | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]


def _check_task(task: _Task) -> tuple[FileResult, tuple[str, ...], bool]:
    """Check one input in a worker: ``(result, rules run, internal error?)``."""
    try:
        result, rule_ids = _check_one(
            task.name, task.from_, task.config, task.select, task.ignore
        )
        return result, rule_ids, False
    except InputError as exc:
        return FileResult(source=task.name, error=str(exc)), (), False
    except Exception as exc:  # a bug: reported, and the other files go on
        message = (
            f"{task.name}: internal error ({type(exc).__name__}: {exc}); "
            "please report it"
        )
        return FileResult(source=task.name, error=message), (), True


def _check_single(task: _Task) -> tuple[FileResult, tuple[str, ...], bool]:
    result, rule_ids = _check_one(
        task.name, task.from_, task.config, task.select, task.ignore
    )
    return result, rule_ids, False


def _progress_of(progress: Progress) -> Callable[[tuple[FileResult, Any, bool]], None]:
    def done(out: tuple[FileResult, Any, bool]) -> None:
        progress.update(Outcome(out[0].source, notes=len(out[0].notes)))

    return done


def _failing(results: Sequence[FileResult], fail_on: str) -> bool:
    floor = severity_rank("error" if fail_on == "error" else "warning")
    return any(severity_rank(f.severity) >= floor for r in results for f in r.findings)


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--from",
    "from_",
    type=RegistryChoice(readers.names, readers.canonical_name),
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
@corpus_options
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
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    jobs: int | None,
    quiet: bool,
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
    if in_place and not fix:
        # Rewriting a manuscript must be asked for in so many words.
        raise click.UsageError("--in-place only goes with --fix")
    if fix and "-" in paths:
        raise click.UsageError("--fix needs files, not standard input")
    options = Corpus(include, exclude, jobs, quiet)
    inputs = expand(paths, options)
    files = inputs.files
    several = len(files) > 1 or inputs.folders > 0
    tasks = [_Task(name, from_, config, select_ids, ignore_ids) for name in files]
    # standard input cannot be handed to another process
    workers = 1 if "-" in files else (jobs or default_jobs())
    progress = Progress(len(tasks), several and show_progress(quiet))
    results: list[FileResult] = []
    ran: dict[str, None] = {}
    errors = 0
    internal = 0
    # One input runs here and raises its own error (its one line, its code).
    run_one = _check_task if several else _check_single
    try:
        for result, rule_ids, bug in ordered_map(
            run_one, tasks, workers, _progress_of(progress)
        ):
            errors += result.error is not None
            internal += bug
            ran.update(dict.fromkeys(rule_ids))
            results.append(result)
    finally:
        progress.close()
    if errors == len(files):
        for r in results[:-1]:
            click.echo(f"archcite: error: {r.error}", err=True)
        if internal:
            raise InternalError(results[-1].error or "unreadable")
        raise InputError(results[-1].error or "unreadable", None)
    if fix:
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
    if several and not quiet:
        found = sum(len(r.findings) for r in results)
        notes = sum(len(r.notes) for r in results)
        click.echo(
            f"archcite: {inputs_line(len(results), errors)}, "
            f"{notes} note{'s' * (notes != 1)}, {found} finding{'s' * (found != 1)}",
            err=True,
        )
    if internal:
        sys.exit(EXIT_INTERNAL)
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
