"""Run the CSL processor test suite through citeproc-py and through archcite.

    python scripts/csl_conformance.py [SUITE_DIR] [--write]

SUITE_DIR defaults to ../shared/reference/csl-test-suite/processor-tests/humans.
Prints pass rates by category for plain citeproc-py and for archcite's adapter;
with --write also writes docs/csl-conformance.md and the ratcheted list of the
adapter's known failures, tests/csl_known_failures.txt (which
tests/test_render_conformance.py holds the adapter to).
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from archcite.render import fixtures  # noqa: E402
from archcite.render.fixtures import REQUIRED, Fixture  # noqa: E402

DEFAULT = REPO.parent / "shared/reference/csl-test-suite/processor-tests/humans"


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def outcome(run: Callable[[Fixture], str], fixture: Fixture) -> bool:
    """Whether ``run`` passes ``fixture`` (an exception or a hang is a failure)."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(10)
    try:
        return fixtures.passes(fixture, run(fixture))
    except Exception:  # every failure of either engine counts the same
        return False
    except _Timeout:
        return False
    finally:
        signal.alarm(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("suite", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if not args.suite.is_dir():
        print(f"no test suite at {args.suite}", file=sys.stderr)
        return 2
    all_fixtures = fixtures.load_dir(args.suite)
    total: Counter[str] = Counter()
    plain: Counter[str] = Counter()
    adapted: Counter[str] = Counter()
    failures: list[str] = []
    for f in all_fixtures:
        total[f.category] += 1
        plain[f.category] += outcome(fixtures.run_plain, f)
        ok = outcome(fixtures.run, f)
        adapted[f.category] += ok
        if not ok:
            failures.append(f.name)
    required = [f.name for f in all_fixtures if REQUIRED.match(f.name)]
    missed = [n for n in required if n in failures]
    rows = [
        f"| {cat} | {total[cat]} | {plain[cat]} | {adapted[cat]} |"
        for cat in sorted(total)
    ]
    n, p, a = sum(total.values()), sum(plain.values()), sum(adapted.values())
    table = "\n".join(
        [
            "| category | cases | citeproc-py 0.11 | archcite |",
            "|---|---:|---:|---:|",
            *rows,
            f"| **all** | **{n}** | **{p} ({p / n:.1%})** | **{a} ({a / n:.1%})** |",
        ]
    )
    print(table)
    print(f"required cases: {len(required) - len(missed)}/{len(required)} pass")
    if args.write:
        (REPO / "docs" / "csl-conformance.md").write_text(
            _doc(table, len(required), missed), encoding="utf-8"
        )
        (REPO / "tests" / "csl_known_failures.txt").write_text(
            "# CSL test-suite cases archcite's adapter fails (scripts/csl_conformance.py\n"
            "# --write). Ratcheted: a new failure fails the tests, a fixed case must\n"
            "# be removed from this list.\n" + "".join(f"{x}\n" for x in failures),
            encoding="utf-8",
        )
    return 0


def _doc(table: str, required: int, missed: list[str]) -> str:
    miss = (
        "Every one passes."
        if not missed
        else "These miss: " + ", ".join(f"`{m}`" for m in missed) + "."
    )
    return f"""# CSL processor test suite: citeproc-py and archcite

`scripts/csl_conformance.py --write` runs every fixture of the CSL processor test
suite (`../shared/reference/csl-test-suite/processor-tests/humans/`) twice: through
citeproc-py 0.11 as shipped (driven the way its own runner drives it: positions
from call order, no note numbers) and through archcite's adapter
(`archcite/render/`: positions from note numbers, the element subclasses of
`patches.py`, `names.py` and `variables.py`, quotation marks placed afterwards).
A case passes when the output equals the fixture's `RESULT` (HTML entities
spelled one way). `tests/test_render_conformance.py` keeps the adapter to the
list of known failures in `tests/csl_known_failures.txt`: a new failure fails
the tests, and a case that starts passing must be removed from the list.

{table}

## The cases the issue requires

All `position_*`, `name_*Initial*`, `magic_PunctuationInQuote*`, `locator_*` and
`label_*` cases ({required} in all) must pass through the adapter. {miss}
A copy of them is kept in `tests/data/csl-suite/`, so that the tests check them
even without `../shared`.

## What still fails, by category

- **disambiguate** (add names, add given names, year suffixes): citeproc-py has
  no disambiguation. archcite implements only the last step, the
  `disambiguate="true"` condition for items whose short cite reads like
  another's — what the Chicago note styles use.
- **collapse**, **flipflop**, **textcase**, **sort**, **date** (ranges, seasons,
  uncertain dates), **bugreports**, **fullstyles**: features citeproc-py lacks
  and the Chicago archival and FRUS notes do not need (cite collapsing of
  author-date styles, nested quotation flip-flop inside field values, title-case
  details, locale-aware date ranges).
"""


if __name__ == "__main__":
    raise SystemExit(main())
