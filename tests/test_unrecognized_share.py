"""The share of notes with an ``unrecognized`` record (issue 11), and its ratchet."""

from __future__ import annotations

from pathlib import Path

import pytest

from archcite.evaluation.unrecognized import as_text, measure, share_of
from archcite.model import Citation, Kind, Located, Note

GOLD = Path(__file__).resolve().parent / "gold"


def _note(i: int, note_id: str | None) -> Note:
    return Note(
        "v.xml", str(i + 1), i, "text", note_id=note_id, volume_id="frus1930v01"
    )


def test_a_note_counts_once_whatever_its_unrecognized_records() -> None:
    notes = [_note(0, "d7fn1"), _note(1, "d7fn2"), _note(2, None)]
    kinds: list[tuple[int, Kind]] = [
        (0, "not-a-citation"),
        (1, "unrecognized"),
        (1, "unrecognized"),
        (2, "unrecognized"),
    ]
    located = [
        Located(Citation(f"c{k}", 0, 2, kind, "parsed"), notes[i], k)
        for k, (i, kind) in enumerate(kinds)
    ]
    share = share_of("v.xml", notes, located)
    assert share.keys == ["frus1930v01#d7fn2", "frus1930v01#note3"]
    assert share.texts == ["c1 | c2", "c3"]
    assert (share.notes, share.unrecognized) == (3, 2)
    assert share.share == pytest.approx(2 / 3)
    assert "v.xml     2 of     3 notes  66.67 %" in as_text([share])


def _listed() -> list[str]:
    lines = (GOLD / "unrecognized_notes.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.corpus
def test_unrecognized_notes_ratchet(shared_dir: Path) -> None:
    shares = measure(shared_dir / "corpus")
    assert sum(s.notes for s in shares) > 3500  # the corpus really was read
    found = [key for s in shares for key in s.keys]
    listed = _listed()
    new = sorted(set(found) - set(listed))
    fixed = sorted(set(listed) - set(found))
    assert not new, f"notes newly unrecognized: {new}"
    assert not fixed, f"now understood, remove from unrecognized_notes.txt: {fixed}"
