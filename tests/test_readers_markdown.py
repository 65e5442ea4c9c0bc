"""Markdown reader: pandoc footnotes, inline markup removed, exact line/column maps."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archcite.errors import InputError
from archcite.model import Note
from archcite.readers import Source, open_source, read

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def notes_of(text: str) -> list[Note]:
    return list(read(Source("t.md", None, text.encode("utf-8")), "markdown"))


def test_manuscript_labels_follow_reference_order() -> None:
    notes = list(read(open_source(str(SAMPLES / "manuscript.md"))))
    assert [n.label for n in notes] == [str(i) for i in range(1, 14)]
    assert [n.note_id for n in notes][:4] == ["exchange", "rusk", "ibid", "nsam"]
    assert notes[0].text == (
        "Foreign Relations of the United States, 1961–1963, vol. VI, "
        "Kennedy-Khrushchev Exchanges, Document 35."
    )
    assert notes[2].text == "Ibid., box 181."
    # link text kept, address dropped; \$ is a dollar sign
    assert notes[3].text.endswith(
        "also available on the Office of the Historian’s website."
    )
    assert "at $10 million; see" in notes[8].text


def test_manuscript_multi_paragraph_note() -> None:
    note = list(read(open_source(str(SAMPLES / "manuscript.md"))))[5]
    assert note.text == (
        "See Walter A. McDougall, …the Heavens and the Earth: A Political History of "
        "the Space Age (New York: Basic Books, 1985). McDougall’s account stresses the "
        "propaganda value of the offer; the file copies cited here show how seriously "
        "a few officials took it."
    )
    k = note.text.index("McDougall’s")
    assert note.srcmap.locate(k) == (72, 5)


def test_manuscript_every_character_maps_to_its_source() -> None:
    path = SAMPLES / "manuscript.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    notes = list(read(open_source(str(path))))
    k = notes[3].text.index("Box 334")
    line, col = notes[3].srcmap.locate(k)
    assert (line, col) == (61, 48)
    assert lines[line - 1][col - 1 : col + 6] == "Box 334"
    for note in notes:
        for k, ch in enumerate(note.text):
            if ch != " ":
                line, col = note.srcmap.locate(k)
                assert lines[line - 1][col - 1] == ch, (note.label, k)


def test_inline_markup_is_removed_and_mapped() -> None:
    src = (
        "Text.[^a]\n\n"
        "[^a]: *Emph* and **strong** and __bold__ and `code_x*y` and "
        '[a link](http://x.org "t") and <https://history.state.gov> and '
        "snake_case_name and 2 * 3 and \\*literal\\* and <em>html</em>.\n"
    )
    note = notes_of(src)[0]
    assert note.text == (
        "Emph and strong and bold and code_x*y and a link and "
        "https://history.state.gov and snake_case_name and 2 * 3 and *literal* "
        "and html."
    )
    line = src.split("\n")[2]
    for word in ("strong", "code_x*y", "a link", "history", "literal"):
        k = note.text.index(word)
        assert note.srcmap.locate(k) == (3, line.index(word) + 1), word


def test_indented_and_lazy_continuation() -> None:
    src = (
        "Body[^1] and more[^2].\n\n"
        "[^1]: First line\nlazy continuation\n    indented continuation.\n\n"
        "    Second paragraph.\n\n"
        "Not part of the note.\n\n"
        "[^2]: Ibid.\n"
    )
    notes = notes_of(src)
    assert [n.text for n in notes] == [
        "First line lazy continuation indented continuation. Second paragraph.",
        "Ibid.",
    ]
    assert notes[0].srcmap.locate(notes[0].text.index("Second")) == (7, 5)


def test_inline_notes_are_numbered_with_references() -> None:
    src = (
        "One.[^x] Two.^[Inline [nested] note, *see* Box 3.] Three.[^y]\n\n"
        "[^y]: Why.\n[^x]: Ex.\n"
    )
    notes = notes_of(src)
    assert [(n.label, n.note_id, n.text) for n in notes] == [
        ("1", "x", "Ex."),
        ("2", None, "Inline nested note, see Box 3."),
        ("3", "y", "Why."),
    ]
    assert notes[1].srcmap.locate(0) == (1, 16)


def test_unreferenced_definition_comes_last_with_its_label() -> None:
    notes = notes_of("Body.[^a]\n\n[^orphan]: Lost.\n[^a]: Found.\n")
    assert [(n.label, n.text) for n in notes] == [("1", "Found."), ("orphan", "Lost.")]


def test_repeated_reference_and_code_fence() -> None:
    src = (
        "A[^n] and again[^n].\n\n```\n[^n]: not a definition\n[^z]\n```\n\n"
        "[^n]: Real note.\n"
    )
    notes = notes_of(src)
    assert [(n.label, n.text) for n in notes] == [("1", "Real note.")]


def test_straight_quotes_are_kept_exactly() -> None:
    note = notes_of('X.[^q]\n\n[^q]: Folder "USSR, General," and Rusk\'s -- memo.\n')[0]
    assert note.text == 'Folder "USSR, General," and Rusk\'s -- memo.'


def test_invalid_utf8() -> None:
    path = Path(__file__).parent / "data" / "bad" / "bad-utf8.md"
    with pytest.raises(InputError) as err:
        list(read(open_source(str(path))))
    assert str(err.value) == (
        f"{path}: not valid UTF-8 (bad byte 0xe9 at byte offset 13); it looks "
        "like Latin-1 (ISO-8859-1) or Windows-1252: save it as UTF-8"
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]^:*_`\\()<>! \n\tab1")), max_size=80))
def test_arbitrary_input_maps_inside_the_file(tail: str) -> None:
    src = "X[^a] Y^[" + tail + "]\n\n[^a]: " + tail + "\n"
    notes = notes_of(src)
    lines = src.split("\n")
    for note in notes:
        for k, ch in enumerate(note.text):
            line, col = note.srcmap.locate(k)
            if ch != " ":
                assert lines[line - 1][col - 1] == ch


def test_an_empty_note_is_located_at_its_definition_or_mark() -> None:
    # an empty definition (indented by up to three spaces), a definition whose
    # only content is markup, and an empty inline note
    notes = notes_of(
        "Body.[^1] More.[^2] Inline.^[] Last.[^3]\n\n[^1]: \n  [^2]: <br>\n"
        "[^3]: Ibid.\n"
    )
    assert [(n.label, n.text) for n in notes] == [
        ("1", ""),
        ("2", ""),
        ("3", ""),
        ("4", "Ibid."),
    ]
    assert [n.srcmap.locate(0) for n in notes] == [(3, 1), (4, 3), (1, 28), (5, 7)]
