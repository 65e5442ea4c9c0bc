"""Time ``archcite check`` on a 1,000-note manuscript, beyond reading it.

Builds a Markdown manuscript of ``--notes`` notes (default 1,000) from the notes of
the test manuscripts (``tests/data/check/clean.md`` and ``defects.md``, in turn, so
that the rules have something to find), then times in this process:

* reading it: the reader, recognize, resolve and normalize stages
  (``archcite.check.runner.manuscript_of``, what ``archcite extract`` does);
* checking it: every rule over the resolved citations (``runner.run``);
* the reports (text, JSON lines, SARIF, HTML) of the findings.

Each is the best of ``--repeat`` runs. The check's cost is printed in seconds and
as a ratio to reading (the baseline, run in the same process on the same text),
which is what stays comparable across machines. Issue 10's target: "well under a
second beyond reading it". Not a test: nothing here asserts a time.

Usage: ``python benchmarks/bench_check.py [--notes N] [--repeat N]``
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from archcite.check import registry
from archcite.check.manuscript import Manuscript
from archcite.check.model import FileResult
from archcite.check.reports import FORMATS, render
from archcite.check.runner import manuscript_of, run
from archcite.check.settings import Settings
from archcite.readers import Source

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "check"
T = TypeVar("T")


def _notes(path: Path) -> list[str]:
    """The footnote definitions of a Markdown manuscript, markers removed."""
    text = path.read_text("utf-8")
    parts = re.split(r"^\[\^[^\]]+\]:", text, flags=re.MULTILINE)[1:]
    return [p.strip() for p in parts]


def manuscript(count: int) -> bytes:
    """A Markdown chapter of ``count`` notes, clean and faulty ones in turn."""
    pool = _notes(DATA / "clean.md") + _notes(DATA / "defects.md")
    body: list[str] = []
    defs: list[str] = []
    for i in range(count):
        body.append(f"Sentence {i + 1} of the chapter.[^{i + 1}]")
        defs.append(f"[^{i + 1}]: {pool[i % len(pool)]}")
    text = "# Chapter\n\n" + "\n".join(
        " ".join(body[i : i + 5]) + "\n" for i in range(0, count, 5)
    )
    return (text + "\n" + "\n\n".join(defs) + "\n").encode("utf-8")


def best(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    times: list[float] = []
    result: T | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    assert result is not None
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = manuscript(args.notes)
    source = Source("bench.md", None, data)
    rule_ids = tuple(registry.infos())
    registry.checks()  # import the rule modules outside the timing

    def read() -> Manuscript:
        return manuscript_of(source, Settings(), "markdown")

    t_read, ms = best(read, args.repeat)
    t_check, found = best(lambda: run(ms, rule_ids), args.repeat)
    result = [FileResult(ms.source, found, notes=ms.notes)]
    print(
        f"manuscript: {len(ms.notes)} notes, {len(ms.located)} citation records, "
        f"{len(data) / 1024:.0f} KiB"
    )
    print(f"read + recognize + resolve: {t_read * 1000:8.1f} ms (baseline)")
    print(
        f"check, all {len(rule_ids)} rules:   {t_check * 1000:8.1f} ms  "
        f"= {t_check / t_read:.3f} × reading; {len(found)} findings"
    )
    for fmt in FORMATS:
        t_fmt, _ = best(lambda fmt=fmt: render(fmt, result, rule_ids), args.repeat)
        print(f"report {fmt:<6}                {t_fmt * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
