"""Plain-text reader: numbered notes at the end, with exact line/column maps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import cli
from archcite.errors import InputError
from archcite.model import Note
from archcite.readers import Source, open_source, read

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def notes_of(text: str, name: str = "t.txt") -> list[Note]:
    return list(read(Source(name, None, text.encode("utf-8")), "text"))


def position(path: Path, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line/column of ``needle`` in the file, found independently."""
    lines = path.read_text(encoding="utf-8").split("\n")
    seen = 0
    for n, line in enumerate(lines, 1):
        at = line.find(needle)
        while at != -1:
            if seen == occurrence:
                return n, at + 1
            seen += 1
            at = line.find(needle, at + 1)
    raise AssertionError(f"{needle!r} not in {path}")


def assert_maps_to_source(note: Note, path: Path) -> None:
    """Every non-space character of the note text sits at its mapped place."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for k, ch in enumerate(note.text):
        if ch == " ":
            continue
        line, col = note.srcmap.locate(k)
        assert lines[line - 1][col - 1] == ch, (note.label, k, ch, line, col)


def test_seed_gives_exactly_its_four_notes() -> None:
    notes = list(read(open_source(str(SAMPLES / "nsam129.txt"))))
    assert [n.label for n in notes] == ["1", "2", "3", "4"]
    assert [n.index for n in notes] == [0, 1, 2, 3]
    assert notes[0].text.startswith("Source: Kennedy Library, National Security Files,")
    assert notes[0].text.endswith(
        "peaceful cooperation with the Soviets in this sphere.”"
    )
    assert notes[1].text == (
        "For texts, see Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36. "
        "See also Document 389."
    )
    assert notes[3].text == "Printed from a copy that bears this typed signature."
    # The numbered heading "388. National Security …" is body text, not a note.
    assert all("Action Memorandum No. 129" not in n.text for n in notes)


def test_seed_box_334_is_located_in_the_file() -> None:
    path = SAMPLES / "nsam129.txt"
    note = next(iter(read(open_source(str(path)))))
    k = note.text.index("Box 334")
    assert note.srcmap.locate(k) == position(path, "Box 334")
    assert note.srcmap.locate(0) == (18, 6)  # "  1. Source" → S at column 6
    for n in read(open_source(str(path))):
        assert_maps_to_source(n, path)


def test_sample_copy_is_identical_to_the_seed(shared_dir: Path) -> None:
    seed = shared_dir / "corpus" / "seed" / "nsam129.txt"
    assert (SAMPLES / "nsam129.txt").read_bytes() == seed.read_bytes()


def test_manuscript_notes_after_heading() -> None:
    path = SAMPLES / "manuscript.txt"
    notes = list(read(open_source(str(path))))
    assert [n.label for n in notes] == [str(i) for i in range(1, 14)]
    assert {n.note_type for n in notes} == {"endnote"}
    # Note 6 has two paragraphs; the second is kept, joined by one space.
    assert notes[5].text.endswith(
        "(New York: Basic Books, 1985). McDougall’s account stresses the propaganda "
        "value of the offer; the file copies cited here show how seriously a few "
        "officials took it."
    )
    k = notes[3].text.index("Box 334")
    assert notes[3].srcmap.locate(k) == position(path, "Box 334")
    for n in notes:
        assert_maps_to_source(n, path)


@pytest.mark.parametrize(
    "marker", ["{n}. ", "[{n}] ", "{n}) ", "  {n}. ", "\t[{n}]\t"], ids=repr
)
def test_marker_styles(marker: str) -> None:
    text = "Body text.\n\nNotes\n\n" + "".join(
        marker.format(n=n) + f"Note {n}.\n" for n in (1, 2, 3)
    )
    notes = notes_of(text)
    assert [(n.label, n.text) for n in notes] == [
        ("1", "Note 1."),
        ("2", "Note 2."),
        ("3", "Note 3."),
    ]


def test_continuation_lines_and_paragraphs() -> None:
    text = (
        "Body.\n\nFootnotes:\n\n1. Rusk to Kennedy, memorandum,\n"
        "   February 20, 1962, box 180.\n\n   A second paragraph.\n"
        "2. Ibid.\n"
    )
    notes = notes_of(text)
    assert notes[0].text == (
        "Rusk to Kennedy, memorandum, February 20, 1962, box 180. A second paragraph."
    )
    assert notes[0].note_type == "footnote"
    assert notes[0].srcmap.locate(notes[0].text.index("February")) == (6, 4)
    assert notes[1].text == "Ibid."


def test_year_at_line_start_continues_the_note() -> None:
    text = "Body.\n\n1. Memorandum of February 20,\n1962. Box 180.\n2. Ibid.\n"
    notes = notes_of(text)
    assert [n.label for n in notes] == ["1", "2"]
    assert notes[0].text == "Memorandum of February 20, 1962. Box 180."


def test_numbered_list_in_body_is_not_a_note() -> None:
    text = (
        "Three points:\n1. first point\n2. second point\n\nMore prose here.\n\n"
        "1. Kennedy Library, Box 334.\n2. Ibid.\n"
    )
    notes = notes_of(text)
    assert [n.text for n in notes] == ["Kennedy Library, Box 334.", "Ibid."]


def test_a_paragraph_at_the_left_margin_after_the_last_note_stays_in_it() -> None:
    # Word's "save as text" writes a note's second paragraph unindented; taking
    # the numbered run for a list would drop every note without a word.
    text = (
        "Approved.1 Changed.2\n\n1. Kennedy Library, Box 334.\n"
        "2. National Archives, RG 59, Central Files.\n\nA second paragraph.\n"
    )
    assert [n.text for n in notes_of(text)] == [
        "Kennedy Library, Box 334.",
        "National Archives, RG 59, Central Files. A second paragraph.",
    ]


def test_bibliography_heading_ends_the_notes() -> None:
    text = "Body.\n\nNotes\n\n1. Ibid.\n\nBibliography\n\nSmith, John. A Book.\n"
    assert [n.text for n in notes_of(text)] == ["Ibid."]


def test_no_notes() -> None:
    assert notes_of("Just prose, no notes at all.\n") == []


def test_crlf_and_bom() -> None:
    data = "\ufeffBody.\r\n\r\nNotes\r\n\r\n1. Box 334.\r\n".encode()
    notes = list(read(Source("crlf.txt", None, data), "text"))
    assert notes[0].text == "Box 334."
    assert notes[0].srcmap.locate(0) == (5, 4)


def test_invalid_utf8_names_the_byte_offset() -> None:
    path = Path(__file__).parent / "data" / "bad" / "bad-utf8.txt"
    with pytest.raises(InputError) as err:
        list(read(open_source(str(path))))
    assert err.value.message == (
        "not valid UTF-8 (bad byte 0xe9 at byte offset 13); it looks like "
        "Latin-1 (ISO-8859-1) or Windows-1252: save it as UTF-8"
    )


def test_binary_data_is_refused() -> None:
    path = Path(__file__).parent / "data" / "bad" / "binary.txt"
    with pytest.raises(InputError, match="binary data, not a text document"):
        list(read(open_source(str(path))))
    with pytest.raises(InputError, match=r"control character U\+0001"):
        notes_of("Body.\n\x01\x02\x03 Notes\n1. x\n")


def _extract(path: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_an_empty_numbered_note_is_its_own_note(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(
        "Notes\n\n1. Foreign Relations, 1961–1963, vol. VI, Document 35.\n2.\n"
        "3. Ibid.\n",
        encoding="utf-8",
    )
    frus, empty, ibid = _extract(path)
    assert [r["note"] for r in (frus, empty, ibid)] == ["1", "2", "3"]
    assert (empty["kind"], empty["reason"], empty["text"]) == (
        "not-a-citation",
        "empty note",
        "",
    )
    # where the number is, not line 1, column 1
    assert (empty["line"], empty["column"]) == (4, 1)
    assert ibid["kind"] == "ibid" and ibid["antecedent"] == frus["index"]
    assert ibid["frus"] == frus["frus"]


@pytest.mark.parametrize("bare", ["2.", "  2.  ", "[2]", "\t2)"], ids=repr)
def test_a_bare_number_in_sequence_starts_a_note(bare: str) -> None:
    notes = notes_of(f"Body.\n\n1. Box 334.\n{bare}\n3. Ibid.\n")
    assert [(n.label, n.text) for n in notes] == [
        ("1", "Box 334."),
        ("2", ""),
        ("3", "Ibid."),
    ]
    column = len(bare) - len(bare.lstrip()) + 1
    assert notes[1].srcmap.locate(0) == (4, column)


def test_a_bare_number_takes_the_lines_below_it_as_its_text() -> None:
    notes = notes_of("Notes\n\n1.\n   Kennedy Library, Box 334.\n2.\n   Ibid.\n")
    assert [(n.label, n.text) for n in notes] == [
        ("1", "Kennedy Library, Box 334."),
        ("2", "Ibid."),
    ]
    assert notes[1].srcmap.locate(0) == (6, 4)


def test_a_bare_number_followed_by_the_same_number_is_prose() -> None:
    # "2." wrapped onto its own line inside note 1, then the real note 2
    notes = notes_of("Body.\n\n1. See paragraph\n2.\n2. Ibid.\n3. Box 334.\n")
    assert [(n.label, n.text) for n in notes] == [
        ("1", "See paragraph 2."),
        ("2", "Ibid."),
        ("3", "Box 334."),
    ]


@pytest.mark.parametrize("heading", ["", "Notes\n\n"], ids=["no heading", "heading"])
def test_a_bare_number_out_of_sequence_is_prose(heading: str) -> None:
    # Neither a year nor a "1." restarts or skips the count on its own line.
    notes = notes_of(
        f"Body.\n\n{heading}1. Memorandum of February 20,\n1962.\n"
        "2. Ibid., paragraph\n1.\n3. Box 334.\n5.\n"
    )
    assert [(n.label, n.text) for n in notes] == [
        ("1", "Memorandum of February 20, 1962."),
        ("2", "Ibid., paragraph 1."),
        ("3", "Box 334. 5."),
    ]


def test_a_bare_one_does_not_start_the_notes() -> None:
    # Without a heading the notes begin at the last "1." with text.
    notes = notes_of("Body.\n1.\nprose\n\n1. Kennedy Library, Box 334.\n2. Ibid.\n")
    assert [n.text for n in notes] == ["Kennedy Library, Box 334.", "Ibid."]
