"""The public Python API as the README shows it: read, recognize, extract (paths, text,
bytes, streams, notes), collect; and the README's examples, run."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

import archcite
from archcite.errors import InputError, UnknownFormatError

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
    rusk = [i for i in items if i.csl.get("genre") == "memorandum" and "rusk" in i.id]
    twice = [i for i in rusk if len(i.mentions) == 2]
    assert len(twice) == 1, [(i.id, len(i.mentions)) for i in rusk]
    # The full citation (note 2) and the short form (note 7) name one source.
    assert [m.note for m in twice[0].mentions] == ["2", "7"]
    csl = items.csl()
    assert [c["id"] for c in csl] == [i.id for i in items]
    assert twice[0].parent is not None and items.get(twice[0].parent) is not None


# -- one path or many; documents in memory ---------------------------------------

NSAM = SAMPLES / "nsam129.txt"


def _records(located: Iterable[archcite.Located]) -> list[dict[str, Any]]:
    return [archcite.to_record(loc) for loc in located]


def test_extract_takes_one_path_or_many() -> None:
    one = _records(archcite.extract(str(NSAM)))
    assert one and {r["source"] for r in one} == {str(NSAM)}
    assert _records(archcite.extract(NSAM)) == one
    both = _records(archcite.extract([str(NSAM), SAMPLES / "manuscript.md"]))
    assert both[: len(one)] == one
    assert {r["source"] for r in both[len(one) :]} == {str(SAMPLES / "manuscript.md")}


def test_extract_of_a_missing_file_names_it() -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        list(archcite.extract("nope.txt"))


def test_text_bytes_and_a_file_give_the_same_records() -> None:
    on_disk = _records(archcite.extract(NSAM))
    text = NSAM.read_text("utf-8")
    for located in (
        archcite.extract_text(text, source=str(NSAM)),
        archcite.extract_bytes(NSAM.read_bytes(), fmt="text", source=str(NSAM)),
        archcite.extract_stream(io.BytesIO(NSAM.read_bytes()), source=str(NSAM)),
    ):
        assert _records(located) == on_disk


@pytest.mark.parametrize("sample", ["manuscript.docx", "manuscript.odt"])
def test_bytes_of_an_office_document_are_read_like_its_file(sample: str) -> None:
    path = SAMPLES / sample
    from_bytes = archcite.extract_bytes(path.read_bytes(), source=str(path))
    assert _records(from_bytes) == _records(archcite.extract(path))


def test_the_name_of_a_document_in_memory_chooses_its_reader() -> None:
    draft = "Text.^[Kennedy Library, National Security Files, Box 334.]\n"
    as_markdown = archcite.extract_text(draft, source="draft.md")
    assert [loc.citation.kind for loc in as_markdown] == ["archival"]
    assert as_markdown[0].line_column == (1, 8)
    # without a suffix the content decides: a pandoc inline note is Markdown
    assert _records(archcite.extract_text(draft)) == [
        {**r, "source": "<text>"} for r in _records(as_markdown)
    ]


def test_a_document_in_memory_is_checked_like_a_file() -> None:
    with pytest.raises(InputError, match="<text>: empty input"):
        archcite.extract_text("")
    with pytest.raises(InputError, match="upload: not valid UTF-8"):
        archcite.extract_bytes(b"1. Box \xff", fmt="text", source="upload")
    with pytest.raises(UnknownFormatError, match="unknown input format 'pdf'"):
        archcite.extract_text("x", fmt="pdf")


def test_extract_notes_resolves_across_the_notes_given() -> None:
    notes = [
        archcite.Note(
            "ch1", "1", 0, "Kennedy Library, National Security Files, Box 334."
        ),
        archcite.Note("ch1", "2", 1, "Ibid., Box 335."),
    ]
    located = archcite.extract_notes(notes)
    assert [loc.citation.kind for loc in located] == ["archival", "ibid"]
    assert located[1].citation.antecedent == 0
    assert located[1].citation.archival is not None
    assert located[1].citation.archival.box == "335"


def test_the_pipeline_does_not_load_the_export_layer() -> None:
    """Records get their item ids from archcite.items, not from the writers."""
    code = (
        "import sys, archcite; "
        "archcite.extract_text('A.^[Box 3, NSF, JFKL.]', fmt='markdown'); "
        "print(sorted(m for m in sys.modules if m.startswith('archcite.export')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


# -- the README's Python examples -------------------------------------------------

README = SAMPLES.parent / "README.md"


def _shown_output(block: str) -> list[str]:
    """What a README block says it prints: a run of ``# …`` lines right after a
    printing line, and a ``# …`` comment on a ``print(`` line."""
    shown: list[str] = []
    in_run = False
    previous = ""
    for line in block.splitlines():
        code, hash_, comment = line.partition("  # ")
        if hash_ and "print(" in code:
            shown.append(comment)
        if line.startswith("# "):
            in_run = in_run or previous.startswith(" ") or "print(" in previous
            if in_run:
                shown.append(line[2:])
        else:
            in_run = False
        previous = line
    return shown


def _python_blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", README.read_text("utf-8"), re.S | re.M)


def test_the_readme_has_python_examples() -> None:
    blocks = _python_blocks()
    assert len(blocks) >= 4
    assert any("extract_text" in b for b in blocks)
    assert any("extract_bytes" in b for b in blocks)


@pytest.mark.parametrize("number", range(len(_python_blocks())))
def test_readme_python_example_runs_and_prints_what_it_shows(
    number: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    block = _python_blocks()[number]
    monkeypatch.chdir(README.parent)
    exec(compile(block, f"README.md python block {number + 1}", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    for expected in _shown_output(block):
        assert expected in printed, (expected, printed)
