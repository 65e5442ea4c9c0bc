"""The FRUS gold cases (issue 11): manuscripts (class 7) and the other classes.

``tests/gold/frus_manuscript.jsonl`` holds FRUS as historians cite it;
``tests/gold/frus_classes.jsonl`` examples of classes 1–6 and 8 written in the
style of the volumes. The evaluator's rules are tested here on small cases, and
the failing cases of both files are ratcheted by
``tests/gold/frus_citations_known_failures.txt``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.authority.frus_pages import page_ends
from archcite.cli import cli
from archcite.errors import InputError
from archcite.evaluation.frus_gold import (
    Case,
    evaluate,
    format_text,
    load_gold,
    ref_pairs,
    run_case,
    to_json,
)

GOLD = Path(__file__).resolve().parent / "gold"
FILES = ("frus_manuscript.jsonl", "frus_classes.jsonl")


@pytest.mark.parametrize(
    ("page", "ends"),
    [
        ("531–534", ("531", "534")),
        ("1286–88", ("1286", "1288")),
        ("112–14", ("112", "114")),
        ("512 ff.", ("512",)),
        ("230 et seq.", ("230",)),
        ("ix–xvi", ("ix", "xvi")),
        ("7", ("7",)),
        ("98–3", ("98",)),  # not a range that ends after it starts
        ("12–12", ("12",)),
    ],
)
def test_page_ends(page: str, ends: tuple[str, ...]) -> None:
    assert page_ends(page) == ends


def test_ref_pairs_name_both_ends_and_unknown_volumes() -> None:
    assert ref_pairs("frus1927v02", (), ("531–534",)) == {
        ("frus1927v02", "pg_531"),
        ("frus1927v02", "pg_534"),
    }
    assert ref_pairs(None, (3,), ()) == {("?", "d3")}
    assert ref_pairs("frus1930v01", (), ()) == {("frus1930v01", "")}
    assert ref_pairs(None, (), ()) == set()


def test_a_case_checks_pairs_records_and_unrecognized() -> None:
    ok = Case(
        id="t",
        cls="1",
        notes=("Foreign Relations, 1930, vol. i, p. 12.", "Ibid., p. 14."),
        refs=({"volume_id": "frus1930v01", "pages": ["14"]},),
        records=({"kind": "ibid", "frus.pages": ["14"], "text~": "Ibid"},),
    )
    assert run_case(ok).passed
    wrong = Case(
        id="w",
        cls="1",
        notes=("Foreign Relations, 1930, vol. i, p. 12.",),
        refs=({"volume_id": "frus1930v01", "pages": ["13"]},),
        records=({"kind": "ibid"}, {"kind": "frus"}, {"kind": "frus"}),
    )
    problems = run_case(wrong).problems
    assert problems[0].startswith("pairs: expected frus1930v01#pg_13, found")
    # each check needs a record of its own: one frus record meets one check
    assert problems[1:] == [
        'no record with {"kind": "ibid"}',
        'no record with {"kind": "frus"}',
    ]


def test_a_tei_case_reads_notes_of_its_volume() -> None:
    case = Case(id="v", cls="1", notes=("See p. 12.",), refs=(), volume="frus1930v01")
    out = run_case(case)
    assert out.found == {("frus1930v01", "pg_12")} and not out.passed


def test_reason_checks_search_the_frus_reason_too() -> None:
    case = Case(
        id="r",
        cls="5",
        notes=("Foreign Relations, 1920, p. 5.",),
        refs=({"volume_id": None, "pages": ["5"]},),
        records=({"reason~": "no volume in the catalog matches 1920"},),
    )
    assert run_case(case).passed


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "no cases"),
        ("{", "line 1: not JSON"),
        ('{"id": "a", "notes": [], "refs": []}', "needs an id"),
        ('{"id": "a", "notes": ["x"], "refs": [], "extra": 1}', "unknown keys"),
        (
            '{"id": "a", "notes": ["x"], "refs": []}\n'
            '{"id": "a", "notes": ["y"], "refs": []}',
            "not unique",
        ),
    ],
)
def test_bad_gold_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_gold(path)
    result = CliRunner().invoke(cli, ["eval", "frus", str(path)])
    assert result.exit_code == 2 and result.stderr.startswith("archcite: error:")


def test_the_manuscript_set_covers_the_styles_of_issue_11() -> None:
    cases = load_gold(GOLD / "frus_manuscript.jsonl")
    assert len(cases) >= 60
    styles = Counter(c.style for c in cases)
    for style in (
        "chicago17-full",
        "chicago17-short",
        "chicago18-full",
        "chicago18-short",
        "diplomatic-history",
        "jah",
        "ebook",
    ):
        assert styles[style] >= 2, style
    texts = [c.notes[-1] for c in cases]
    assert sum(" ed. " in t or " eds. " in t for t in texts) >= 10
    assert sum("history.state.gov" in t for t in texts) >= 5
    assert all(c.cls == "7" and c.volume is None for c in cases)


def test_every_class_has_examples() -> None:
    cases = load_gold(GOLD / "frus_classes.jsonl")
    counts = Counter(c.cls for c in cases)
    for cls in ("1", "2", "3", "4", "5", "6", "8"):
        assert counts[cls] >= 4, cls


def test_cli_reports_per_class_and_style() -> None:
    path = GOLD / "frus_manuscript.jsonl"
    result = CliRunner().invoke(cli, ["eval", "frus", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["all"]["cases"] == len(load_gold(path))
    assert set(data["styles"]) >= {"jah", "ebook", "diplomatic-history"}
    text = CliRunner().invoke(cli, ["eval", "frus", str(path), "--show-failures"])
    assert text.stdout.startswith("all ")


def _known_failures() -> set[str]:
    lines = (
        (GOLD / "frus_citations_known_failures.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    return {
        line.split()[0] for line in lines if line.strip() and not line.startswith("#")
    }


def test_gold_cases_ratchet() -> None:
    failing: dict[str, list[str]] = {}
    for name in FILES:
        report = evaluate(load_gold(GOLD / name))
        failing.update((o.case.id, o.problems) for o in report.outcomes if not o.passed)
        assert to_json(report)["all"]["cases"] == len(report.outcomes)
        assert format_text(report).startswith("all ")
    known = _known_failures()
    new = {k: v for k, v in failing.items() if k not in known}
    fixed = sorted(known - set(failing))
    assert not new, "new failures:\n" + "\n".join(f"{k}: {v}" for k, v in new.items())
    assert not fixed, f"now passing, remove from the known failures: {fixed}"
