"""The FRUS evaluation: its gold extraction, and the ratchet on the corpus scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite import pipeline, readers
from archcite.cli import cli
from archcite.errors import InputError
from archcite.evaluation.frus import (
    Report,
    _collapse,
    complete_notes,
    evaluate,
    found_pairs,
    gold_pairs,
    load_gold_errors,
    load_volumes,
)
from archcite.evaluation.frus_classes import classify
from archcite.readers import Source

GOLD = Path(__file__).resolve().parent / "gold"
PRECISION, RECALL = 1.0, 1.0


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
    targets = (
        "#d12",
        "#d12fn3",
        "#pg_5",
        "frus1929v01",
        "frus1952-54v04#d20",
        "frus1918Russiav01#pg_135",
        "https://example.org/x.pdf",
        "mailto:history@state.gov",
    )
    assert gold_pairs("frus1930v01", targets) == {
        ("frus1930v01", "d12"),
        ("frus1930v01", "pg_5"),
        ("frus1929v01", None),
        ("frus1952-54v04", "d20"),
        ("frus1918Russiav01", "pg_135"),
    }


_LEGACY = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1930v01"><text><body>
<div type="chapter" xml:id="ch30"><head>Halibut<note n="16" xml:id="ch30fn16">For
previous correspondence, see <ref target="frus1929v02#pg_60">Foreign Relations,
1929, vol. ii, pp. 60</ref> ff.</note></head>
<div type="document" xml:id="d550"><note rend="inline" type="source">711.428/1329</note>
<p>instruction No. 548,<note n="17" xml:id="d550fn17"><ref target="frus1929v02#pg_61"
>Ibid., p. 61</ref>.</note> and See Document 12.<note n="18" xml:id="d550fn18">See
<ref target="#d12">Document 12</ref>.</note></p></div></div></body></text></TEI>"""


def test_found_pairs_come_from_the_resolved_pipeline() -> None:
    # review M2: the Ibid. is scored as extract resolves it (M1: not the label)
    notes = list(readers.read(Source("v.xml", data=_LEGACY.encode()), "tei"))
    found = found_pairs(pipeline.finish(pipeline.locate(notes)))
    by_id = {n.note_id: found.get(n.index, set()) for n in notes}
    assert by_id["ch30fn16"] == {("frus1929v02", "pg_60")}
    assert by_id["d550fn17"] == {("frus1929v02", "pg_61")}
    assert by_id["d550fn18"] == {("frus1930v01", "d12")}
    assert by_id[None] == set()  # the label "711.428/1329"


@pytest.mark.corpus
def test_volumes_rebuilt_from_slices_and_note_lines(shared_dir: Path) -> None:
    volumes = dict(load_volumes(shared_dir / "corpus"))
    notes = volumes["frus-notes/frus1964-68v29p2.notes.jsonl"]
    ids = [n.note_id for n in notes if n.note_id]
    assert len(ids) == len(set(ids)), "a nested note is read once"
    d86 = [n for n in notes if n.note_id == "d86fn2"]
    assert len(d86) == 1 and d86[0].doc == "d86"
    assert d86[0].volume_id == "frus1964-68v29p2"
    sliced = volumes["frus-slices/frus1961-63v06__chars_0064000-0080000.json"]
    assert sliced and all(n.volume_id == "frus1961-63v06" for n in sliced)
    assert all(n.doc and n.note_id and n.note_id.startswith(n.doc) for n in sliced)


def test_volume_level_gold_accepts_any_place_in_the_volume() -> None:
    gold = {("frus1917Supp02v01", None)}
    assert _collapse({("frus1917Supp02v01", "pg_161")}, gold) == gold
    assert _collapse({("frus1917", "pg_1")}, gold) == {("frus1917", "pg_1")}


def test_gold_errors_file_is_documented() -> None:
    errors = load_gold_errors(GOLD / "frus_gold_errors.toml")
    assert errors, "the documented gold errors must load"
    assert all(len(reason) > 40 for reason in errors.values())
    assert all("#" in key and not key.endswith("#*") for key in errors)


def test_gold_errors_cannot_drop_a_whole_volume(tmp_path: Path) -> None:
    path = tmp_path / "errors.toml"
    path.write_text('[[volume]]\nvolume = "frus1872p2v5"\nreason = "no links"\n')
    with pytest.raises(ValueError, match="only single notes"):
        load_gold_errors(path)


_LABELS = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1894Nicaragua"><text><body>
<div type="document" xml:id="d2"><p>a telegram<note n="1" xml:id="d2fn1"><ref
target="#d1">No. 1</ref>.</note></p>
<note rend="inline" type="source">[Inclosure in No. 2.]</note></div>
<div type="document" xml:id="d5"><note rend="inline" type="source">No. 5.</note>
</div></body></text></TEI>"""


def test_labels_are_scored_as_notes_without_gold(tmp_path: Path) -> None:
    # a label that came out as a reference would be a false positive here
    nyr = tmp_path / "frus-nyr"
    nyr.mkdir()
    (nyr / "frus1894Nicaragua.xml").write_text(_LABELS, encoding="utf-8")
    report = evaluate(tmp_path)
    assert report.notes == 3 and report.gold_notes == 1
    assert (report.found_notes, report.correct_notes, report.fp) == (1, 1, 0)


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
    # every note is scored, the legacy labels and the volume without links too
    # (1,515 notes when both were skipped)
    assert report.notes > 3500
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


@pytest.mark.parametrize(
    ("text", "current", "pair", "cls"),
    [
        ("Page 412.", "frus1930v01", ("frus1930v01", "pg_412"), "1"),
        ("vol. ii, p. 118.", "frus1919Parisv05", ("frus1919Parisv02", "pg_118"), "2"),
        ("Ibid., p. 741.", "frus1930v01", ("frus1932v05", "pg_741"), "3"),
        (
            "Foreign Relations, 1918, supp. 1, vol. ii, p. 214.",
            "frus1930v01",
            ("frus1918Supp01v02", "pg_214"),
            "4",
        ),
        ("For. Rels., 1907, p. 840.", "frus1930v01", ("frus1907p2", "pg_840"), "5"),
        (
            "Foreign Relations, 1920, vol. i, pp. 531–534.",
            "frus1930v01",
            ("frus1920v01", "pg_534"),
            "6",
        ),
        ("Annual Report, p. 9.", "frus1930v01", ("frus1907p2", "pg_9"), "other"),
    ],
)
def test_each_miss_has_its_class_of_issue_11(
    text: str, current: str, pair: tuple[str, str], cls: str
) -> None:
    assert classify(text, current, pair) == cls


def test_report_counts_by_file_and_class_and_with_gold_errors(tmp_path: Path) -> None:
    nyr = tmp_path / "frus-nyr"
    nyr.mkdir()
    (nyr / "frus1930v01.xml").write_text(_LEGACY, encoding="utf-8")
    whole = evaluate(tmp_path)
    assert list(whole.files) == ["frus-nyr/frus1930v01.xml"]
    errors = {"frus1930v01#d550fn18": "a documented gold error, for the test only"}
    report = evaluate(tmp_path, errors)
    assert report.files["frus-nyr/frus1930v01.xml"].notes == whole.notes - 1
    # the excluded note still counts where the gold errors are counted
    assert report.with_gold_errors.tp == whole.tp == report.tp + 1
    text = report.as_text()
    assert "by file (pairs):" in text and "frus-nyr/frus1930v01.xml" in text
    assert "bare page or document inside the volume" in text


def test_a_missed_pair_is_listed_with_its_class() -> None:
    report = Report()
    report.add(
        "frus1930v01#d1fn1",
        "Foreign Relations, 1918, supp. 1, vol. ii, p. 214.",
        {("frus1918Supp01v02", "pg_214")},
        {("frus1918", None)},
        "frus1930v01",
        "frus-nyr/frus1930v01.xml",
    )
    assert report.missed["4"] == 1 and report.spurious["other"] == 0
    assert report.disagreements[0].classes == [
        "-frus1918Supp01v02#pg_214: 4",
        "+frus1918: 5",
    ]


def test_a_corpus_without_notes_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no FRUS TEI notes"):
        evaluate(tmp_path)
    result = CliRunner().invoke(cli, ["frus", "eval", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("archcite: error:") and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.corpus
def test_cli_finds_the_shared_corpus_by_default(shared_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["frus", "eval"])
    assert result.exit_code == 0, result.stderr
    # the documented gold errors are found next to the tests, and left out
    errors = load_gold_errors(GOLD / "frus_gold_errors.toml")
    assert f"excluded as gold errors: {len(errors)}" in result.stdout
    for name in ("frus/frus1917-72PubDip.xml", "frus-nyr/frus1930v01.xml"):
        assert name in result.stdout
