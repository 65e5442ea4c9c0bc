"""``archcite eval``: score the recognizers against a gold set.

Register on the main group with ``cli.add_command(eval_group)``. The command
always exits 0 when it could run (the scores are the output, not a verdict;
the tests enforce the thresholds), and 2 when the gold file is missing or
malformed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from archcite.errors import InputError
from archcite.evaluation.archival import evaluate, format_text, load_gold, to_json

F = TypeVar("F", bound=Callable[..., Any])


def _gold_options(command: F) -> F:
    """The GOLD argument and ``--format`` option every ``eval`` command takes."""
    command = click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="Table for people or JSON for tools.",
    )(command)
    return click.argument("gold", type=click.Path(dir_okay=False))(command)


@click.group("eval")
def eval_group() -> None:
    """Measure recognition quality against hand-checked gold sets."""


@eval_group.command("archival")
@_gold_options
@click.option("--show-failures", is_flag=True, help="List every failing field.")
def archival_command(gold: str, fmt: str, show_failures: bool) -> None:
    """Precision, recall and F1 per archival field on the GOLD JSON Lines file."""
    try:
        notes = load_gold(gold)
    except InputError as exc:
        click.echo(f"archcite: error: {exc}", err=True)
        sys.exit(2)
    report = evaluate(notes)
    if fmt == "json":
        click.echo(
            json.dumps(to_json(report, show_failures), ensure_ascii=False, indent=2)
        )
    else:
        click.echo(format_text(report, show_failures), nl=False)


@eval_group.command("frus")
@_gold_options
@click.option("--show-failures", is_flag=True, help="List every failing case.")
def frus_command(gold: str, fmt: str, show_failures: bool) -> None:
    """Cases passed and link precision/recall per class on a FRUS GOLD file.

    GOLD is tests/gold/frus_manuscript.jsonl (FRUS as historians cite it) or
    tests/gold/frus_classes.jsonl (the classes of issue 11).
    """
    from archcite.evaluation import frus_gold

    try:
        cases = frus_gold.load_gold(gold)
    except InputError as exc:
        click.echo(f"archcite: error: {exc}", err=True)
        sys.exit(2)
    report = frus_gold.evaluate(cases)
    if fmt == "json":
        data = frus_gold.to_json(report, show_failures)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(frus_gold.format_text(report, show_failures), nl=False)
