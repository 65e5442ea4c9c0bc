"""The FRUS evaluation: its gold extraction, and the ratchet on the corpus scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from archcite.evaluation.frus import (
    GoldNote,
    _collapse,
    complete_notes,
    evaluate,
    gold_pairs,
    load_gold_errors,
)

GOLD = Path(__file__).resolve().parent / "gold"
PRECISION, RECALL = 0.99, 0.98


def test_complete_notes_of_a_slice() -> None:
    fragment = (
        'cut off</note> text <note n="1" xml:id="d1fn1">A <note n="*">inner</note> B</note>'
        ' <note n="2"/> and <note n="3" xml:id="d1fn3">unfinished'
    )
    assert complete_notes(fragment) == [
        '<note n="1" xml:id="d1fn1">A <note n="*">inner</note> B</note>',
        '<note n="2"/>',
    ]


def test_gold_pairs_of_each_target_form() -> None:
    note = GoldNote(
        "x",
        "frus1930v01",
        "d1fn1",
        "",
        (
            "#d12",
            "#d12fn3",
            "#pg_5",
            "frus1929v01",
            "frus1952-54v04#d20",
            "frus1918Russiav01#pg_135",
            "https://example.org/x.pdf",
            "mailto:history@state.gov",
        ),
    )
    assert gold_pairs(note) == {
        ("frus1930v01", "d12"),
        ("frus1930v01", "pg_5"),
        ("frus1929v01", None),
        ("frus1952-54v04", "d20"),
        ("frus1918Russiav01", "pg_135"),
    }


def test_volume_level_gold_accepts_any_place_in_the_volume() -> None:
    gold = {("frus1917Supp02v01", None)}
    assert _collapse({("frus1917Supp02v01", "pg_161")}, gold) == gold
    assert _collapse({("frus1917", "pg_1")}, gold) == {("frus1917", "pg_1")}


def test_gold_errors_file_is_documented() -> None:
    errors = load_gold_errors(GOLD / "frus_gold_errors.toml")
    assert errors, "the documented gold errors must load"
    assert all(len(reason) > 40 for reason in errors.values())


def _known_failures() -> set[str]:
    lines = (
        (GOLD / "frus_eval_known_failures.txt").read_text(encoding="utf-8").splitlines()
    )
    return {
        line.split()[0] for line in lines if line.strip() and not line.startswith("#")
    }


@pytest.mark.corpus
def test_eval_ratchet(shared_dir: Path) -> None:
    report = evaluate(
        shared_dir / "corpus", load_gold_errors(GOLD / "frus_gold_errors.toml")
    )
    assert report.gold_notes > 300  # the corpus really was read
    failing = {d.key for d in report.disagreements}
    known = _known_failures()
    new = failing - known
    fixed = known - failing
    assert not new, "new disagreements:\n" + "\n".join(
        f"{d.key}: gold {d.gold} found {d.found}"
        for d in report.disagreements
        if d.key in new
    )
    assert not fixed, (
        f"now correct, remove from frus_eval_known_failures.txt: {sorted(fixed)}"
    )
    assert report.note_precision >= PRECISION, report.as_text()
    assert report.note_recall >= RECALL, report.as_text()
