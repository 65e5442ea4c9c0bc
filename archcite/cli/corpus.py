"""Corpus mode on the command line: the options and the ``extract`` run.

``--include``/``--exclude`` choose files in folders, ``--jobs`` the processes,
``--quiet`` turns off the progress bar (drawn only on a terminal) and the
summary line. ``extract`` and ``check`` share :func:`corpus_options`; the work
itself is :mod:`archcite.corpus`.

Exit codes of a run over several inputs: 0 all read; 1 some unreadable (each
named on stderr); 2 every input unreadable; 3 archcite failed on one (a bug).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click

from archcite import corpus, readers
from archcite.errors import InputError
from archcite.output import open_atomic

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class Corpus:
    """The corpus-mode options of one command."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    jobs: int | None = None
    quiet: bool = False


def corpus_options(fn: F) -> F:
    """``--include``, ``--exclude``, ``--jobs`` and ``--quiet``."""
    options = [
        click.option(
            "--include",
            multiple=True,
            metavar="GLOB",
            help="In folders, read only files matching this glob (repeatable; "
            "default: every file a reader claims by suffix).",
        ),
        click.option(
            "--exclude",
            multiple=True,
            metavar="GLOB",
            help="In folders, skip files matching this glob (repeatable).",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            help="Processes to read files with (default: the machine's cores); "
            "the output order does not depend on it.",
        ),
        click.option(
            "-q",
            "--quiet",
            is_flag=True,
            help="No progress bar and no summary line on stderr.",
        ),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def expand(paths: Sequence[str], options: Corpus) -> corpus.Inputs:
    """The files to read; a folder with none of them is an error."""
    inputs = corpus.expand(paths, options.include, options.exclude)
    if not inputs.files:
        what = ", ".join(paths)
        raise InputError(
            "no file to read (no reader claims the files there; use --include)",
            what,
        )
    return inputs


def exit_code(outcomes: Sequence[corpus.Outcome]) -> int:
    failed = [o for o in outcomes if o.error is not None]
    if any(o.internal for o in failed):
        return EXIT_INTERNAL
    if failed and len(failed) == len(outcomes):
        return EXIT_USAGE
    return EXIT_FAILED if failed else EXIT_OK


def error_line(message: str) -> None:
    click.echo(f"archcite: error: {message}", err=True)


def read_each(names: Sequence[str], read: Callable[[str], T]) -> tuple[list[T], int]:
    """``read`` every input in order, as ``extract`` and ``check`` treat them.

    One input raises its own error (its one line, its exit code). Of several,
    each that fails is reported on stderr and the rest are read on; the values
    read are returned with the exit code the run ends with (:func:`exit_code`).
    When every input failed there is nothing to print: the run ends here.
    """
    if len(names) == 1:
        return [read(names[0])], EXIT_OK
    values: list[T] = []
    outcomes: list[corpus.Outcome] = []
    for name in names:
        try:
            values.append(read(name))
            outcomes.append(corpus.Outcome(name))
        except Exception as exc:  # reported, and the other inputs go on
            outcome = corpus.failed(name, exc)
            assert outcome.error is not None
            error_line(outcome.error)
            outcomes.append(outcome)
    code = exit_code(outcomes)
    if not values:
        sys.exit(code)
    return values, code


class _Discard(Exception):
    """Every input failed: the output file must not be replaced."""


def run_extract(
    paths: Sequence[str],
    from_: str | None,
    fmt: str,
    output: Path | None,
    options: Corpus,
) -> int:
    """``archcite extract``: read every input, write the output, return the exit code."""
    inputs = expand(paths, options)
    several = len(inputs.files) > 1 or inputs.folders > 0
    stdin = None
    if "-" in inputs.files:
        stdin = sys.stdin.buffer.read(readers.MAX_INPUT_BYTES + 1)
    to_file = output is not None and str(output) != "-"
    with tempfile.TemporaryDirectory(prefix="archcite-") as work:
        tasks = [
            corpus.Task(name, fmt, from_, work, stdin if name == "-" else None)
            for name in inputs.files
        ]
        outcomes: list[corpus.Outcome] = []
        try:
            if to_file:
                assert output is not None
                with open_atomic(output, paths) as sink:
                    outcomes = _run(tasks, fmt, sink, several, options)
                    if not any(o.error is None for o in outcomes):
                        raise _Discard
            else:
                sys.stdout.flush()
                outcomes = _run(tasks, fmt, sys.stdout.buffer, several, options)
                sys.stdout.buffer.flush()
        except _Discard:
            pass
    summary = corpus.Summary()
    for outcome in outcomes:
        summary.add(outcome)
    if several and not options.quiet and summary.files:
        click.echo(summary.line(inputs.skipped), err=True)
    return exit_code(outcomes)


def _run(
    tasks: Sequence[corpus.Task],
    fmt: str,
    sink: BinaryIO,
    several: bool,
    options: Corpus,
) -> list[corpus.Outcome]:
    progress = corpus.Progress(
        len(tasks), several and corpus.show_progress(options.quiet)
    )
    jobs = options.jobs or corpus.default_jobs()
    # standard input is read here; it cannot be handed to another process
    jobs = 1 if any(t.data is not None for t in tasks) else jobs
    outcomes: list[corpus.Outcome] = []
    started = False  # a JSON array has been opened
    located: list[Any] = []
    bibliographies: list[dict[str, Any]] = []
    # One input runs here and raises its own error (its one line, its code).
    run_one = corpus.extract_one if several else corpus.extract_file
    try:
        for outcome in corpus.ordered_map(run_one, tasks, jobs, progress.update):
            outcomes.append(outcome)
            if outcome.error is not None:
                error_line(outcome.error)
                continue
            if outcome.part is not None:
                started = _copy_part(outcome.part, sink, fmt, started)
            if outcome.located is not None:
                located.extend(outcome.located)
            if outcome.bibliography is not None:
                bibliographies.extend(outcome.bibliography)
    finally:
        progress.close()
    if not any(o.error is None for o in outcomes):
        return outcomes  # every input failed: no output at all
    if fmt == "json":
        sink.write(b"\n]\n" if started else b"[]\n")
    elif fmt not in corpus.RECORD_FORMATS:
        sink.write(_items(located, bibliographies, fmt).encode("utf-8"))
    return outcomes


def _copy_part(part: str, sink: BinaryIO, fmt: str, started: bool) -> bool:
    path = Path(part)
    try:
        if path.stat().st_size == 0:
            return started
        if fmt == "json":
            sink.write(b",\n" if started else b"[\n")
        with path.open("rb") as handle:
            shutil.copyfileobj(handle, sink, 1 << 20)
        return True
    finally:
        path.unlink(missing_ok=True)


def _items(located: list[Any], bibliographies: list[dict[str, Any]], fmt: str) -> str:
    from archcite.cli.export import render_items
    from archcite.items import collect, from_csl

    items = collect(located)
    if bibliographies:
        items = from_csl(items.csl() + bibliographies)
    return render_items(items, fmt)


__all__ = [
    "Corpus",
    "corpus_options",
    "exit_code",
    "expand",
    "read_each",
    "run_extract",
]
