"""The ``--fix`` part of ``archcite check``: write the corrected documents, say what
changed on stderr, and drop the fixed findings from the report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import click

from archcite import readers
from archcite.check.fix import backup, change, fix_source, fixed_copy
from archcite.check.model import FileResult
from archcite.check.reports import where
from archcite.output import write_atomic


def _fix_one(result: FileResult, from_: str | None, in_place: bool) -> FileResult:
    if not any(f.edit is not None for f in result.findings):
        return result
    source = readers.open_source(result.source)
    outcome = fix_source(source, result.findings, from_)
    for finding, reason in outcome.refused:
        click.echo(
            f"{where(finding, result.office)}: not fixed ({finding.rule}): {reason}",
            err=True,
        )
    if not outcome.fixed:
        return result
    path = Path(result.source)
    if in_place:
        saved = backup(path)
        write_atomic(saved, source.read_bytes(), [path])
        write_atomic(path, outcome.data)
        target = path
        click.echo(
            f"{result.source}: fixed in place; the original is in {saved}", err=True
        )
    else:
        target = write_atomic(fixed_copy(path), outcome.data, [path])
    for finding in outcome.fixed:
        click.echo(
            f"{where(finding, result.office)}: fixed {finding.rule}: "
            f"{change(finding, result.notes)}",
            err=True,
        )
    click.echo(
        f"{result.source}: {len(outcome.fixed)} fix"
        f"{'es' if len(outcome.fixed) != 1 else ''} written to {target}",
        err=True,
    )
    done = {id(f) for f in outcome.fixed}
    return replace(
        result, findings=tuple(f for f in result.findings if id(f) not in done)
    )


def fix_results(
    results: Sequence[FileResult], from_: str | None, in_place: bool
) -> list[FileResult]:
    """Fix every readable input; the results without the findings that were fixed."""
    return [r if r.error is not None else _fix_one(r, from_, in_place) for r in results]
