"""Corpus mode and bounded memory (issue 13, items 1 and 2).

Folders are read recursively with --include/--exclude, --jobs does not change
a byte of the output, one bad file is reported and skipped, a summary ends the
run; the text reader and the pipeline stream, so memory stays below the size of
the input (measured with tracemalloc: a size bound, not a timing), and note
numbers of any size are notes.
"""

from __future__ import annotations

import io
import json
import shutil
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite import corpus
from archcite.cli import cli
from archcite.pipeline import extract_source, stream_source
from archcite.readers import open_source, textio
from archcite.readers.text import read_text
from archcite.record import to_record

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    """A folder of manuscripts in subfolders, with files no reader claims."""
    root = tmp_path / "shelf"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    shutil.copy(SAMPLES / "nsam129.txt", root / "a" / "nsam129.txt")
    shutil.copy(SAMPLES / "manuscript.md", root / "b" / "manuscript.md")
    shutil.copy(SAMPLES / "manuscript.tex", root / "b" / "deep" / "manuscript.tex")
    shutil.copy(SAMPLES / "manuscript.docx", root / "manuscript.docx")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "notes.csv").write_text("a,b\n")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text("1. Ibid.\n")
    return root


def test_a_folder_is_read_recursively_in_sorted_order(shelf: Path) -> None:
    inputs = corpus.expand([str(shelf)])
    assert [Path(f).relative_to(shelf).as_posix() for f in inputs.files] == [
        "manuscript.docx",
        "a/nsam129.txt",
        "b/manuscript.md",
        "b/deep/manuscript.tex",
    ]
    assert dict(inputs.skipped) == {".csv": 1, ".pdf": 1}


def test_include_and_exclude_globs(shelf: Path) -> None:
    only_md = corpus.expand([str(shelf)], include=["*.md", "*.csv"])
    assert [Path(f).name for f in only_md.files] == ["notes.csv", "manuscript.md"]
    no_b = corpus.expand([str(shelf)], exclude=["b/*", "b/*/*"])
    assert [Path(f).name for f in no_b.files] == ["manuscript.docx", "nsam129.txt"]


def test_folder_output_is_every_file_in_order_with_a_summary(shelf: Path) -> None:
    code, out, err = run("extract", str(shelf), "--exclude", "*.docx")
    assert code == 0, err
    sources = list(
        dict.fromkeys(json.loads(line)["source"] for line in out.splitlines())
    )
    assert [Path(s).name for s in sources] == [
        "nsam129.txt",
        "manuscript.md",
        "manuscript.tex",
    ]
    assert err.count("\n") == 1
    assert err.startswith("archcite: 3 files, ")
    assert "citations (archival " in err
    assert "error" not in err
    assert err.rstrip().endswith(
        "; skipped in folders (no reader for them): 1 .csv, 1 .pdf"
    )


def test_jobs_do_not_change_the_output(shelf: Path) -> None:
    one = run("extract", str(shelf), "--jobs", "1", "--quiet")
    two = run("extract", str(shelf), "--jobs", "2", "--quiet")
    assert one[0] == two[0] == 0
    assert one[1] == two[1] and one[1]
    assert one[2] == two[2] == ""  # --quiet: no summary


def test_the_json_array_spans_every_file(shelf: Path) -> None:
    code, out, _ = run("extract", str(shelf), "--format", "json", "-q", "-j", "2")
    assert code == 0
    lines = run("extract", str(shelf), "-q")[1].splitlines()
    assert json.loads(out) == [json.loads(line) for line in lines]
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"


def test_one_bad_file_is_reported_and_skipped(shelf: Path) -> None:
    (shelf / "a" / "broken.xml").write_text("<TEI><note>A & B</note></TEI>")
    code, out, err = run("extract", str(shelf), "-j", "2")
    assert code == 1
    assert "nsam129.txt" in out and "manuscript.tex" in out
    error, summary = err.splitlines()
    assert error.startswith(
        f"archcite: error: {shelf / 'a' / 'broken.xml'}: malformed XML"
    )
    assert summary.startswith("archcite: 5 files (1 error), ")


def test_the_summary_counts_every_input_and_not_citations_apart(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    manuscript = str(SAMPLES / "manuscript.md")
    code, out, err = run("extract", manuscript, str(empty))
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    notes = len({r["note"] for r in records})
    kinds: dict[str, int] = {}
    for r in records:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    prose = kinds.pop("not-a-citation")
    assert prose > 1 and kinds.get("unrecognized")
    breakdown = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    assert err.splitlines() == [
        f"archcite: error: {empty}: empty file",
        f"archcite: 2 files (1 error), {notes} notes, {sum(kinds.values())} "
        f"citations ({breakdown}), {prose} not citations",
    ]


def test_a_failed_run_writes_no_output_file(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"")
    (bad / "y.txt").write_bytes(b"no notes here\n")
    target = tmp_path / "out.jsonl"
    code, _, err = run("extract", str(bad), "-o", str(target))
    assert code == 2
    assert len(err.splitlines()) == 2
    assert not target.exists()


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    code, _, err = run("extract", str(tmp_path))
    assert code == 2
    assert "no file to read" in err


def test_progress_bar_only_on_a_terminal_and_not_quiet() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert corpus.show_progress(False, Tty())
    assert not corpus.show_progress(True, Tty())
    assert not corpus.show_progress(False, io.StringIO())


def test_progress_bar_counts_files_notes_and_citations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bar = corpus.Progress(2, enabled=True)
    bar.update(corpus.Outcome("a", notes=3, kinds=(("archival", 4),)))
    bar.update(corpus.Outcome("b", notes=2, kinds=(("frus", 1),)))
    assert (bar.notes, bar.citations) == (5, 5)
    bar.close()
    assert "file" in capsys.readouterr().err  # tqdm drew (and cleared) its bar


def test_check_takes_folders_too(shelf: Path) -> None:
    code, out, err = run("check", str(shelf), "--exclude", "*.docx", "-j", "2")
    assert code in (0, 1)
    assert "nsam129.txt" in out or "findings" in out
    assert err.splitlines()[-1].startswith("archcite: 3 files, ")


def test_checks_summary_is_worded_as_extracts(tmp_path: Path) -> None:
    """Every input counts as a file, the unreadable ones as "(1 error)"."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    manuscript = str(SAMPLES / "manuscript.md")
    code, out, err = run("check", manuscript, str(empty), "--format", "json")
    assert code == 1
    findings = out.splitlines()
    notes = run("extract", manuscript, "-q")[1]
    count = len({json.loads(line)["note"] for line in notes.splitlines()})
    assert err.splitlines() == [
        f"archcite: error: {empty}: empty file",
        f"archcite: 2 files (1 error), {count} notes, {len(findings)} findings",
    ]


# -- streaming ids equal whole-document ids --------------------------------------


def _streamed_records(path: Path) -> list[str]:
    task = corpus.Task(str(path), "jsonl", None, None)
    outcome = corpus.extract_file(task)
    assert outcome.part is not None
    part = Path(outcome.part)
    try:
        return part.read_text(encoding="utf-8").splitlines()
    finally:
        part.unlink()


@pytest.mark.parametrize("name", ["manuscript.txt", "manuscript.md", "nsam129.txt"])
def test_streamed_records_equal_the_whole_document_records(name: str) -> None:
    path = SAMPLES / name
    whole = [
        json.dumps(to_record(loc), ensure_ascii=False)
        for loc in extract_source(open_source(str(path)))
    ]
    assert _streamed_records(path) == whole


def test_streamed_ids_are_corrected_at_the_end(shared_dir: Path) -> None:
    """frus1930v01 has items whose ids only collide late in the volume."""
    path = shared_dir / "corpus" / "frus-nyr" / "frus1930v01.xml"
    doc = stream_source(open_source(str(path)))
    pairs = list(doc)
    changed = [k for _, k in pairs if k and doc.final_id(k) != doc.ids.provisional(k)]
    assert changed, "the volume no longer exercises the correction"
    whole = [
        json.dumps(to_record(loc), ensure_ascii=False)
        for loc in extract_source(open_source(str(path)))
    ]
    assert _streamed_records(path) == whole


# -- bounded memory and note numbers -------------------------------------------------


def _numbered(path: Path, notes: int, text: str) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("A manuscript.\n\nNotes\n\n")
        for n in range(1, notes + 1):
            out.write(f"{n}. {text}\n")
    return path


def test_notes_numbered_past_9999_are_notes_of_their_own(tmp_path: Path) -> None:
    path = _numbered(tmp_path / "long.txt", 10_050, "Ibid.")
    notes = list(read_text(open_source(str(path))))
    assert len(notes) == 10_050
    assert [n.label for n in notes[9_998:10_001]] == ["9999", "10000", "10001"]
    assert notes[-1].label == "10050" and notes[-1].text == "Ibid."


def test_the_text_reader_holds_one_note_not_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(textio, "CHUNK_SIZE", 1 << 16)
    note = "Kennedy Library, National Security Files, Box 334, folder 2. " * 2
    path = _numbered(tmp_path / "big.txt", 40_000, note)
    size = path.stat().st_size
    assert size > 4_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_text(open_source(str(path))))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 40_000
    # a decoded chunk (64 KB) and its lines, not the file and a list of its lines
    assert peak < 1_000_000, f"peak {peak} bytes for a {size}-byte file"


def test_the_pipeline_streams_a_document(tmp_path: Path) -> None:
    note = "Kennedy Library, National Security Files, Box 334. Ibid., Box 12."
    path = _numbered(tmp_path / "notes.txt", 3_000, note)
    tracemalloc.start()
    try:
        n = 0
        halfway = 0
        for loc, _key in stream_source(open_source(str(path))):
            n += 1
            assert loc.citation.csl is not None  # each one finished as it comes
            if n == 3_000:
                halfway = tracemalloc.get_traced_memory()[0]
        end = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert n == 6_000
    # Holding the second 3,000 citations (each with its CSL item) would take
    # several megabytes; what grows is the bounded recall of item keys.
    assert end - halfway < 1_000_000, end - halfway
