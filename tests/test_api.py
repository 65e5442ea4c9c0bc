"""The public Python API as the README shows it: read, recognize, extract, collect."""

from __future__ import annotations

from pathlib import Path

import archcite

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_every_public_name_exists() -> None:
    missing = [name for name in archcite.__all__ if not hasattr(archcite, name)]
    assert missing == []


def test_read_yields_the_seed_notes() -> None:
    notes = list(archcite.read(str(SAMPLES / "nsam129.txt")))
    assert [n.label for n in notes] == ["1", "2", "3", "4"]
    assert notes[1].text.startswith("For texts, see Foreign Relations")


def test_recognize_one_note() -> None:
    [cite] = archcite.recognize("Foreign Relations, 1961–1963, vol. VI, Document 35.")
    assert cite.kind == "frus"
    assert cite.frus is not None and cite.frus.volume_id == "frus1961-63v06"


def test_collect_makes_one_item_of_a_memorandum_cited_twice() -> None:
    located = list(archcite.extract([str(SAMPLES / "manuscript.md")]))
    records = [archcite.to_record(loc) for loc in located]
    assert {r["source"] for r in records} == {str(SAMPLES / "manuscript.md")}
    items = archcite.collect(located)
    rusk = [i for i in items if i.csl.get("title") == "Memorandum" and "rusk" in i.id]
    twice = [i for i in rusk if len(i.mentions) == 2]
    assert len(twice) == 1, [(i.id, len(i.mentions)) for i in rusk]
    # The full citation (note 2) and the short form (note 7) name one source.
    assert [m.note for m in twice[0].mentions] == ["2", "7"]
    csl = items.csl()
    assert [c["id"] for c in csl] == [i.id for i in items]
    assert twice[0].parent is not None and items.get(twice[0].parent) is not None
