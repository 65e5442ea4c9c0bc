"""The archival gold set: its structure, the evaluator, and the quality ratchet.

* The gold file must follow ``docs/archival-fields.md`` (canonical repositories with
  one place each, labels stripped, ISO dates, lower-case item types …).
* The evaluator must score a perfect recognizer 1.0 and an empty one 0.0.
* The pipeline's scores may not fall below the committed floors, and its failures
  must match ``tests/known_failures_archival.txt`` exactly: a new failure fails, and
  so does a listed one that now passes (remove it from the list).

To rewrite the list after an intended change, run the tests with
``ARCHCITE_UPDATE_KNOWN_FAILURES=1`` and review the diff.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from gold_checks import CANONICAL, check_conventions, check_floors, reader_texts

from archcite.cli.evaluation import eval_group
from archcite.errors import InputError
from archcite.evaluation.archival import (
    GoldNote,
    Report,
    evaluate,
    format_text,
    load_gold,
    parse_gold,
)
from archcite.model import ArchivalRef, Citation, DocItem

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold" / "archival.jsonl"
KNOWN = REPO / "tests" / "known_failures_archival.txt"

# Measured on this gold set: first archival recognizer overall F1 0.921, repository
# 0.949, box/folder 0.894; now overall 0.9996, repository 1.000, box/folder 1.000
# (targets of issue 3: 0.97, 0.99, 0.99). The recognizer was developed against
# this set, so these are development scores; tests/gold/archival-heldout.jsonl
# measures notes it has not seen.
# Floors are the measurements rounded down; raise them as the recognizer improves.
OVERALL_F1_FLOOR = 0.999
REPOSITORY_F1_FLOOR = 1.0
BOX_FOLDER_F1_FLOOR = 1.0


@pytest.fixture(scope="module")
def gold() -> list[GoldNote]:
    return load_gold(GOLD)


# ------------------------------------------------------------------ structure


def test_gold_size_and_families(gold: list[GoldNote]) -> None:
    assert len(gold) >= 200
    by_source = Counter(n.source for n in gold if n.citations)
    assert by_source["frus-notes"] >= 100
    assert by_source["frus"] >= 30
    assert by_source["slice"] >= 5
    assert by_source["written"] >= 40
    assert sum(1 for n in gold if not n.citations) >= 30


def test_gold_spans_are_exact_and_ordered(gold: list[GoldNote]) -> None:
    for note in gold:
        last = 0
        for c in note.citations:
            assert note.text[c.start : c.end] == c.text, note.id
            assert c.start >= last, f"{note.id}: citations out of order or overlapping"
            assert c.text == c.text.strip(" ;,()"), f"{note.id}: edge punctuation"
            # A final period belongs to the span only as an initial's ("Hatrick, E.B.").
            assert not c.text.endswith(".") or c.text[-2].isupper(), note.id
            last = c.end


def test_gold_repositories_are_canonical_with_one_place(gold: list[GoldNote]) -> None:
    for note in gold:
        for c in note.citations:
            repo = c.fields.get("repository")
            assert isinstance(repo, str) and repo in CANONICAL, (note.id, repo)
            assert c.fields.get("repository_as_cited"), note.id
            assert c.fields.get("place") == CANONICAL[repo], (note.id, repo)


def test_gold_values_follow_the_conventions(gold: list[GoldNote]) -> None:
    check_conventions(gold)


def test_gold_texts_are_what_the_reader_produces(
    gold: list[GoldNote], shared_dir: Path
) -> None:
    texts = reader_texts(shared_dir, ["frus/frus1917-72PubDip.xml"])
    checked = 0
    for g in gold:
        if g.id in texts:
            assert g.text == texts[g.id], g.id
            checked += 1
    assert checked >= 240


# ------------------------------------------------------------------ evaluator


def _perfect(gold: list[GoldNote]) -> dict[str, list[Citation]]:
    """Predictions that are exactly the gold annotations."""
    out: dict[str, list[Citation]] = {}
    for note in gold:
        cites = []
        for c in note.citations:
            f = c.fields
            item = DocItem(
                type=f.get("item.type"),  # type: ignore[arg-type]
                title=f.get("item.title"),  # type: ignore[arg-type]
                author=f.get("item.author", ()),  # type: ignore[arg-type]
                recipient=f.get("item.recipient", ()),  # type: ignore[arg-type]
                date=f.get("item.date"),  # type: ignore[arg-type]
            )
            plain = {k: v for k, v in f.items() if not k.startswith("item.")}
            ref = ArchivalRef(item=item, **plain)  # type: ignore[arg-type]
            cites.append(
                Citation(c.text, c.start, c.end, "archival", "parsed", c.role, ref)  # type: ignore[arg-type]
            )
        out[note.text] = cites
    return out


def test_perfect_predictions_score_one(gold: list[GoldNote]) -> None:
    table = _perfect(gold)
    report = evaluate(gold, lambda text: table[text])
    assert report.failures == []
    assert report.overall.f1 == 1.0
    assert report.group("repository").f1 == 1.0
    assert report.citations.f1 == 1.0


def test_no_predictions_score_zero_without_crashing(gold: list[GoldNote]) -> None:
    report = evaluate(gold, lambda text: [])
    assert report.overall.recall == 0.0
    assert report.matched_citations == 0
    assert any(f.kind == "missed-citation" for f in report.failures)
    assert "OVERALL" in format_text(report, show_failures=True)


def test_wrong_value_is_a_false_positive_and_a_false_negative() -> None:
    line = json.dumps(
        {
            "id": "t/1",
            "source": "written",
            "text": "Box 7, Dulles Papers, Mudd Library.",
            "citations": [
                {
                    "kind": "archival",
                    "role": "source",
                    "text": "Box 7, Dulles Papers, Mudd Library",
                    "archival": {"box": "7", "collection": "Dulles Papers"},
                }
            ],
        }
    )
    notes = parse_gold([line])
    ref = ArchivalRef(box="8", collection="Dulles Papers", series="Extra")
    pred = [
        Citation("Box 7, Dulles Papers", 0, 20, "archival", "parsed", "source", ref)
    ]
    report = evaluate(notes, lambda text: pred)
    assert (report.fields["box"].fp, report.fields["box"].fn) == (1, 1)
    assert report.fields["collection"].tp == 1
    assert report.fields["series"].fp == 1
    assert {f.id for f in report.failures} == {"t/1:0:box", "t/1:0:series"}
    extra = Citation(
        "Mudd Library", 22, 34, "archival", "parsed", "copy", ArchivalRef(box="1")
    )
    report = evaluate(notes, lambda text: [*pred, extra])
    assert "t/1:extra1:citation" in report.failure_ids()
    assert report.citations.precision == 0.5


def _short_note(source: str = "written") -> str:
    return json.dumps(
        {
            "id": "t/2",
            "source": source,
            "text": "Kennan to Lippmann, April 6, 1948, Kennan Papers, box 17.",
            "citations": [
                {
                    "kind": "short",
                    "role": "reference",
                    "text": "Kennan to Lippmann, April 6, 1948, Kennan Papers, box 17",
                    "archival": {"collection": "Kennan Papers", "box": "17"},
                }
            ],
        }
    )


def test_short_forms_are_scored_and_their_kind_must_match() -> None:
    notes = parse_gold([_short_note("frus-nyr")])
    assert notes[0].citations[0].kind == "short"
    ref = ArchivalRef(collection="Kennan Papers", box="17")
    text = notes[0].citations[0].text

    def predict(kind: str) -> list[Citation]:
        return [Citation(text, 0, len(text), kind, "parsed", "reference", ref)]  # type: ignore[arg-type]

    right = evaluate(notes, lambda _: predict("short"))
    assert right.failures == [] and right.citations.f1 == 1.0
    wrong = evaluate(notes, lambda _: predict("archival"))
    assert wrong.failure_ids() == ["t/2:0:kind"]
    assert wrong.kind_mismatches == 1 and wrong.matched_citations == 0
    assert wrong.fields["box"].tp == 1  # the fields of the pair still count
    assert "kind mismatches 1" in format_text(wrong)


def test_short_predictions_do_not_count_where_gold_has_no_short_forms() -> None:
    line = json.dumps(
        {
            "id": "t/3",
            "source": "written",
            "text": "Rusk to Kennedy, NSF.",
            "citations": [],
        }
    )
    short = Citation("Rusk to Kennedy, NSF", 0, 20, "short", "parsed", "reference")
    report = evaluate(parse_gold([line]), lambda _: [short])
    assert report.predicted_citations == 0 and report.failures == []


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        _short_note().replace('"citations": [', '"citations": [], "short": ['),
        '{"id": "x", "source": "frus", "text": "A", "citations": [{"kind": "archival", '
        '"role": "source", "text": "B", "archival": {}}]}',
        '{"id": "x", "source": "nowhere", "text": "A", "citations": []}',
        '{"id": "x", "source": "frus", "text": "A  B", "citations": []}',
        '{"id": "x", "source": "frus", "text": "A", "citations": [{"kind": "archival", '
        '"role": "source", "text": "A", "archival": {"shelf": "3"}}]}',
    ],
)
def test_bad_gold_lines_are_input_errors(line: str) -> None:
    with pytest.raises(InputError):
        parse_gold([line])


def test_cli_exit_codes_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(eval_group, ["archival", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2
    assert "archcite: error:" in missing.output
    result = runner.invoke(
        eval_group, ["archival", str(GOLD), "--format", "json", "--show-failures"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["notes"] >= 200
    assert isinstance(data["failures"], list)


# ------------------------------------------------------------------ ratchet


@pytest.fixture(scope="module")
def report(gold: list[GoldNote]) -> Report:
    return evaluate(gold)


def test_known_failures_ratchet(report: Report) -> None:
    actual = set(report.failure_ids())
    if os.environ.get("ARCHCITE_UPDATE_KNOWN_FAILURES"):
        header = (
            "# Failing gold fields of the archival recognizer, one NOTE:CITATION:FIELD a line.\n"
            "# Written by tests/test_gold_archival.py; fix a failure, then remove its line.\n"
        )
        KNOWN.write_text(
            header + "".join(f"{i}\n" for i in sorted(actual)), encoding="utf-8"
        )
        pytest.skip("known failures rewritten")
    known = {
        line.strip()
        for line in KNOWN.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    new = sorted(actual - known)
    fixed = sorted(known - actual)
    details = {f.id: f for f in report.failures}
    message = []
    if new:
        message.append(f"{len(new)} new failure(s):")
        message += [
            f"  {i} {details[i].kind} gold={details[i].gold!r} pred={details[i].predicted!r}"
            for i in new[:50]
        ]
    if fixed:
        message.append(
            f"{len(fixed)} listed failure(s) now pass; remove it from the list:"
        )
        message += [f"  {i}" for i in fixed[:50]]
    assert not message, "\n".join(message)


def test_scores_meet_the_floors(report: Report) -> None:
    check_floors(report, OVERALL_F1_FLOOR, REPOSITORY_F1_FLOOR, BOX_FOLDER_F1_FLOOR)
