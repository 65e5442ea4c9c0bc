"""Corpus mode: folders of documents, several processes, one output in order.

``archcite extract DIR…`` and ``archcite check DIR…`` take folders as well as
files. :func:`expand` walks each folder (sorted, hidden entries skipped) and
keeps the files a reader claims by suffix, or those ``--include`` globs name,
minus ``--exclude`` globs; the rest is counted, so the summary can say what was
passed over. :func:`ordered_map` runs one function per file in a pool of
processes and hands the results back in input order, so the output does not
depend on ``--jobs``. :func:`extract_one` is that function for ``extract``: it
streams one document's records into a temporary file (memory does not grow
with the document) and returns counts for the progress bar and the summary.

The progress bar is tqdm's: one small dependency without dependencies of its
own that draws a bar with counters on stderr (rich would do it too, at the
cost of a far larger package to import on every run).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import IO, Any, TypeVar

from archcite import readers
from archcite.errors import ArchciteError, InputError
from archcite.model import Located

T = TypeVar("T")
R = TypeVar("R")


# -- which files ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Inputs:
    """The files to read, in order, and what the folder walks passed over."""

    files: tuple[str, ...]
    #: suffix ("" for none) -> files in the folders that no reader claims
    skipped: tuple[tuple[str, int], ...] = ()
    folders: int = 0


def _selected(rel: PurePath, include: Sequence[str], exclude: Sequence[str]) -> bool:
    if any(rel.match(g) for g in exclude):
        return False
    if include:
        return any(rel.match(g) for g in include)
    return readers.for_suffix(rel.suffix) is not None if rel.suffix else False


def expand(
    paths: Iterable[str], include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Inputs:
    """Files and folders (walked recursively) as the list of files to read.

    A file named on the command line is always read; in a folder, a file is
    read when a reader claims its suffix (or an ``include`` glob matches its
    path below the folder) and no ``exclude`` glob matches. Globs match from
    the right, like ``PurePath.match``: ``*.xml``, ``frus-nyr/*.xml``.
    """
    files: list[str] = []
    skipped: Counter[str] = Counter()
    folders = 0
    for name in paths:
        if name == "-" or not os.path.isdir(name):
            files.append(name)
            continue
        folders += 1
        root = Path(name)
        for here, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for leaf in sorted(names):
                if leaf.startswith("."):
                    continue
                path = Path(here) / leaf
                rel = path.relative_to(root)
                if _selected(rel, include, exclude):
                    files.append(str(path))
                elif not any(rel.match(g) for g in exclude):
                    skipped[path.suffix.lower()] += 1
    return Inputs(tuple(files), tuple(sorted(skipped.items())), folders)


# -- running in order ----------------------------------------------------------------


def default_jobs() -> int:
    """The machine's cores (those this process may use, where the OS says)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def ordered_map(
    fn: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    done: Callable[[R], None] = lambda _r: None,
) -> Iterator[R]:
    """``fn`` over ``items`` in ``jobs`` processes; results in input order.

    ``done`` sees each result as soon as it is ready (for a progress bar);
    results are yielded in order as soon as all earlier ones are. With one job
    (or one item) everything runs in this process.
    """
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            result = fn(item)
            done(result)
            yield result
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(items))) as pool:
        # At most twice as many files in flight as workers: results wait on
        # disk, not in memory, but there is no need to run far ahead.
        limit = 2 * jobs
        pending: dict[Future[R], int] = {}
        ready: dict[int, R] = {}
        nxt = 0  # next index to submit
        out = 0  # next index to yield
        while out < len(items):
            while nxt < len(items) and len(pending) + len(ready) < limit:
                pending[pool.submit(fn, items[nxt])] = nxt
                nxt += 1
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                index = pending.pop(future)
                result = future.result()
                done(result)
                ready[index] = result
            while out in ready:
                yield ready.pop(out)
                out += 1


# -- one document ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Task:
    """One input of ``extract``: what to read and what to write for it."""

    name: str
    fmt: str  # "jsonl", "json" or an item format
    from_: str | None = None
    workdir: str | None = None
    data: bytes | None = None  # standard input, read by the parent


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input."""

    name: str
    notes: int = 0
    kinds: tuple[tuple[str, int], ...] = ()
    unrecognized: int = 0
    #: a temporary file holding this input's part of the output (records)
    part: str | None = None
    #: the citations, for the item formats (they need every document)
    located: tuple[Located, ...] | None = None
    bibliography: tuple[dict[str, Any], ...] | None = None
    error: str | None = None
    internal: bool = False

    @property
    def citations(self) -> int:
        return sum(n for _, n in self.kinds)


RECORD_FORMATS = ("jsonl", "json")
BIBLIOGRAPHY_FORMATS = ("csl-json", "bibtex")


def failed(name: str, exc: Exception) -> Outcome:
    """The outcome of an input whose reading raised ``exc``: its one error line,
    and whether archcite itself failed (a bug) rather than the input."""
    if isinstance(exc, ArchciteError):
        return Outcome(name, error=str(exc), internal=exc.exit_code == 3)
    if isinstance(exc, RecursionError):
        return Outcome(name, error=f"{name}: input nests too deeply")
    return Outcome(
        name,
        error=f"{name}: internal error ({type(exc).__name__}: {exc}); please report it",
        internal=True,
    )


def extract_one(task: Task) -> Outcome:
    """Read one input; never raises (an error is part of the outcome)."""
    try:
        return extract_file(task)
    except Exception as exc:  # reported, and the other files go on
        return failed(task.name, exc)


def _open(task: Task) -> readers.Source:
    if task.data is not None:
        return readers.from_bytes(task.data, "<stdin>")
    return readers.open_source(task.name)


def extract_file(task: Task) -> Outcome:
    """Read one input; its errors are raised (a run over one file)."""
    from archcite.export.cslinput import BibFormat, is_bibliography
    from archcite.export.cslinput import parse as parse_bibliography
    from archcite.export.cslinput import sniff as sniff_bibliography
    from archcite.pipeline import extract_source, stream_source

    source = _open(task)
    stdin = task.data is not None
    # standard input has no suffix: only its content can say
    is_bib = task.from_ in BIBLIOGRAPHY_FORMATS or (
        task.from_ is None
        and (
            sniff_bibliography(source.read_bytes()) == "csl-json"
            if stdin
            else is_bibliography(task.name)
        )
    )
    if is_bib:
        if task.fmt in RECORD_FORMATS:
            raise InputError(
                "a bibliography has no notes to extract; convert it with "
                "--format csl-json, bibtex, biblatex, ris or zotero-json",
                source.name,
            )
        kind: BibFormat | None = (
            "csl-json" if task.from_ == "csl-json"
            else "bibtex" if task.from_ == "bibtex"
            else None
        )  # fmt: skip
        parsed = parse_bibliography(source.read_bytes(), source.name, kind)
        return Outcome(task.name, bibliography=tuple(parsed))
    if task.fmt not in RECORD_FORMATS:
        located = extract_source(source, task.from_)
        return _counted(task.name, located)
    return _write_records(task, stream_source(source, task.from_))


def _counted(name: str, located: Sequence[Located]) -> Outcome:
    """The outcome of a document held whole (item formats): its counts and records."""
    tally = _Tally()
    for loc in located:
        tally.add(loc)
    return Outcome(
        name,
        tally.notes,
        tally.kinds_sorted(),
        tally.unrecognized,
        located=tuple(located),
    )


@dataclass(slots=True)
class _Tally:
    notes: int = 0
    unrecognized: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    _last: int = -1

    def add(self, loc: Located) -> None:
        if loc.note.index != self._last:
            self._last = loc.note.index
            self.notes += 1
        self.kinds[loc.citation.kind] += 1
        self.unrecognized += loc.citation.status == "unrecognized"

    def kinds_sorted(self) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(self.kinds.items()))


def _write_records(task: Task, doc: Any) -> Outcome:
    """Stream a document's records into a part file, ids corrected at the end.

    Each record goes to a spool as it is made, with the item it names; when the
    document ends the item ids are final (:mod:`archcite.items.stream`), and
    the spool is copied into the part, rewriting the few records whose id
    changed.
    """
    from archcite.record import to_record

    tally = _Tally()
    keys: dict[str, int] = {}
    text = {"encoding": "utf-8", "errors": "surrogatepass", "newline": "\n"}
    with tempfile.TemporaryFile("w+", dir=task.workdir, **text) as spool:  # type: ignore[call-overload]
        for loc, key in doc:
            tally.add(loc)
            k = -1
            if key is not None:
                k = keys.setdefault(key, len(keys))
            spool.write(f"{k}\t{json.dumps(to_record(loc), ensure_ascii=False)}\n")
        # A record carries its item's provisional id, fixed when the item is
        # first seen; only those whose final id differs are rewritten.
        changed = {
            k: f
            for key, k in keys.items()
            if (f := doc.final_id(key)) != doc.ids.provisional(key)
        }
        spool.seek(0)
        fd, part = tempfile.mkstemp(prefix="archcite-part-", dir=task.workdir)
        with os.fdopen(fd, "w", **text) as out:  # type: ignore[call-overload]
            _copy_records(spool, out, changed, task.fmt)
    return Outcome(
        task.name, tally.notes, tally.kinds_sorted(), tally.unrecognized, part
    )


def _copy_records(
    spool: IO[str], out: IO[str], changed: dict[int, str], fmt: str
) -> None:
    first = True
    for line in spool:
        k, _, record = line.partition("\t")
        fix = changed.get(int(k))
        if fmt == "jsonl" and fix is None:
            out.write(record)
            continue
        rec = json.loads(record)
        if fix and rec.get("csl") is not None:
            rec["csl"]["id"] = fix
        if fmt == "jsonl":
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            continue
        # one element of a JSON array, as json.dumps(records, indent=2) writes it
        body = json.dumps(rec, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("" if first else ",\n") + "  " + body)
        first = False


# -- progress and summary ----------------------------------------------------------


class Progress:
    """A bar on stderr (files, notes, citations, rate), when stderr is a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.notes = 0
        self.citations = 0
        self.start = time.monotonic()
        self._bar: Any = None
        if enabled and total > 0:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                unit="file",
                file=sys.stderr,
                dynamic_ncols=True,
                leave=False,
            )

    def update(self, outcome: Outcome) -> None:
        self.notes += outcome.notes
        self.citations += outcome.citations
        if self._bar is not None:
            rate = self.notes / max(time.monotonic() - self.start, 1e-9)
            self._bar.set_postfix_str(
                f"{self.notes} notes, {self.citations} citations, {rate:.0f} notes/s",
                refresh=False,
            )
            self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def show_progress(quiet: bool, stream: IO[str] | None = None) -> bool:
    """Whether to draw the bar: not ``--quiet`` and stderr is a terminal."""
    stream = stream or sys.stderr
    return not quiet and bool(getattr(stream, "isatty", lambda: False)())


@dataclass(slots=True)
class Summary:
    """What a corpus run read: for the line printed at its end."""

    files: int = 0
    notes: int = 0
    unrecognized: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    internal: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            self.errors += 1
            self.internal += outcome.internal
            return
        self.files += 1
        self.notes += outcome.notes
        self.unrecognized += outcome.unrecognized
        self.kinds.update(dict(outcome.kinds))

    def line(self, skipped: Sequence[tuple[str, int]] = ()) -> str:
        """``archcite: 2 files (1 error), 13 notes, 15 citations (archival 5, …,
        unrecognized 1), 4 not citations``: files counts every input, the
        breakdown adds up to the citations, and text the recognizers judged to
        be no citation (prose, editorial remarks) is counted apart from them."""
        kinds = {k: n for k, n in self.kinds.items() if k != "not-a-citation"}
        prose = self.kinds["not-a-citation"]
        out = f"archcite: {inputs_line(self.files + self.errors, self.errors)}"
        out += f", {_count(self.notes, 'note')}, "
        out += _count(sum(kinds.values()), "citation")
        if kinds:
            out += f" ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})"
        if prose:
            out += f", {prose} not " + ("a citation" if prose == 1 else "citations")
        if skipped:
            passed = ", ".join(f"{n} {s or '(no suffix)'}" for s, n in skipped)
            out += f"; skipped in folders (no reader for them): {passed}"
        return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def inputs_line(inputs: int, errors: int) -> str:
    """``2 files (1 error)``: every input, the unreadable ones among them; the
    start of every command's summary line (extract's and check's)."""
    out = _count(inputs, "file")
    return out + f" ({_count(errors, 'error')})" if errors else out


__all__ = [
    "BIBLIOGRAPHY_FORMATS",
    "RECORD_FORMATS",
    "Inputs",
    "Outcome",
    "Progress",
    "Summary",
    "Task",
    "default_jobs",
    "expand",
    "extract_file",
    "extract_one",
    "failed",
    "inputs_line",
    "ordered_map",
    "show_progress",
]
