"""The CSL processor test suite through archcite's adapter, ratcheted.

The required cases (positions, initials, punctuation in quotes, locators,
labels) are committed under tests/data/csl-suite and must all pass. The whole
suite (``../shared``) must fail no case outside tests/csl_known_failures.txt,
and a known failure that passes must be taken off that list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archcite.render import fixtures

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "data" / "csl-suite"
KNOWN = HERE / "csl_known_failures.txt"


def _known() -> set[str]:
    lines = KNOWN.read_text(encoding="utf-8").splitlines()
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


SAMPLES = fixtures.load_dir(SAMPLE)


def test_sample_is_the_required_set() -> None:
    assert len(SAMPLES) == 65
    assert all(fixtures.REQUIRED.match(f.name) for f in SAMPLES)


@pytest.mark.parametrize("fixture", SAMPLES, ids=lambda f: f.name)
def test_required_case_passes(fixture: fixtures.Fixture) -> None:
    assert fixtures.normalize(fixtures.run(fixture)) == fixtures.normalize(
        fixture.result
    )


def test_required_cases_fail_in_plain_citeproc_py() -> None:
    # the adapter is what makes them pass: most fail without it
    failing = [f.name for f in SAMPLES if not _passes(fixtures.run_plain, f)]
    assert len(failing) >= 20


def _passes(run: object, fixture: fixtures.Fixture) -> bool:
    try:
        return fixtures.passes(fixture, run(fixture))  # type: ignore[operator]
    except Exception:
        return False


def test_whole_suite_against_known_failures(shared_dir: Path) -> None:
    suite = shared_dir / "reference/csl-test-suite/processor-tests/humans"
    if not suite.is_dir():
        pytest.skip("the CSL test suite is not in ../shared")
    known = _known()
    failing = {f.name for f in fixtures.load_dir(suite) if not _passes(fixtures.run, f)}
    new = sorted(failing - known)
    fixed = sorted(known - failing)
    assert not new, f"new failures (fix them): {new}"
    assert not fixed, f"now passing: remove from {KNOWN.name}: {fixed}"
