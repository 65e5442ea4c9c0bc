"""The command line through click's runner: contracts, schema, exit codes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from archcite.cli import cli
from archcite.record import validator

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def run(*args: str, input: bytes | str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def records_of(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def assert_valid(records: list[dict[str, object]]) -> None:
    v = validator()
    for record in records:
        errors = sorted(v.iter_errors(record), key=str)
        assert not errors, f"{record['text']!r}: {errors[0].message}"


def test_parse_not_printed() -> None:
    code, out, _ = run("parse", "Not printed.")
    assert code == 0
    [record] = json.loads(out)
    assert record["kind"] == "not-a-citation"
    assert_valid([record])


def test_parse_reads_stdin() -> None:
    code, out, _ = run("parse", "-", input="Not found.\n")
    assert code == 0 and json.loads(out)[0]["kind"] == "not-a-citation"


def test_parse_locates_citations_in_the_text_given() -> None:
    text = "For texts, see Foreign Relations, 1961–1963, vol. VI, Document 35.\n  See Document 389."
    code, out, _ = run("parse", text)
    assert code == 0
    frus, internal = json.loads(out)
    assert (frus["line"], frus["column"]) == (1, 16)
    assert (internal["line"], internal["column"]) == (2, 7)
    assert internal["text"] == "Document 389"


def test_parse_empty_text_is_usage_error() -> None:
    code, out, err = run("parse", "   ")
    assert code == 2 and out == ""
    assert err.strip() == "archcite: error: <text>: empty text"


def test_schema_command_prints_the_packaged_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert json.loads(out)["title"] == "archcite citation record"


def test_extract_seed_notes_and_lines() -> None:
    code, out, _ = run("extract", str(SAMPLES / "nsam129.txt"))
    assert code == 0
    records = records_of(out)
    assert_valid(records)
    assert sorted({r["note"] for r in records}) == ["1", "2", "3", "4"]
    lines = (SAMPLES / "nsam129.txt").read_text(encoding="utf-8").splitlines()
    for r in records:
        line, column = int(r["line"]), int(r["column"])  # type: ignore[call-overload]
        text = str(r["text"])
        # The record's place in the file is where its text begins.
        assert lines[line - 1][column - 1 :].startswith(text[:20]), r
    assert "Kennedy Library" in str(records[0]["text"]) and records[0]["note"] == "1"


def test_extract_json_array_and_output_file(tmp_path: Path) -> None:
    out_file = tmp_path / "seed.json"
    code, out, _ = run(
        "extract", str(SAMPLES / "nsam129.txt"), "--format", "json", "-o", str(out_file)
    )
    assert code == 0 and out == ""
    records = json.loads(out_file.read_text(encoding="utf-8"))
    assert isinstance(records, list) and records
    assert_valid(records)
    assert not list(tmp_path.glob(".*.tmp")), "temporary file left behind"


def test_extract_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    src = tmp_path / "notes.txt"
    original = (SAMPLES / "nsam129.txt").read_text(encoding="utf-8")
    src.write_text(original, encoding="utf-8")
    code, _out, err = run("extract", str(src), "-o", str(src))
    assert code == 2
    assert "refusing to overwrite an input file" in err
    assert src.read_text(encoding="utf-8") == original


def make_input(kind: str, d: Path) -> Path:
    if kind == "missing":
        return d / "missing.txt"
    if kind == "directory":
        return d
    path = d / f"{kind}.txt"
    path.write_bytes({"empty": b"", "bad-utf8": b"1. caf\xe9\n"}[kind])
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing", "no such file"),
        # a folder is read recursively; one without documents is an error
        ("directory", "no file to read"),
        ("empty", "empty file"),
        ("bad-utf8", "bad byte 0xe9 at byte offset 6"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, kind: str, message: str
) -> None:
    path = make_input(kind, tmp_path)
    out_file = tmp_path / "out.jsonl"
    code, out, err = run("extract", str(path), "-o", str(out_file))
    assert code == 2, err
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("archcite: error: ")
    assert message in err
    assert "Traceback" not in err
    assert not out_file.exists()


def test_one_bad_input_among_several_is_partial_failure(tmp_path: Path) -> None:
    code, out, err = run(
        "extract", str(SAMPLES / "nsam129.txt"), str(tmp_path / "nope.txt")
    )
    assert code == 1
    assert records_of(out)
    assert "nope.txt: no such file" in err


def test_every_bad_input_is_reported_when_all_fail(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    code, out, err = run("extract", str(empty), str(fake))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 2, err
    assert lines[0].startswith("archcite: error: ") and "empty.txt" in lines[0]
    assert lines[1].startswith("archcite: error: ") and "fake.docx" in lines[1]


@pytest.mark.parametrize(
    "args",
    [
        ("extract", str(SAMPLES / "nsam129.txt"), "--from", "pdf"),
        ("extract", str(SAMPLES / "nsam129.txt"), "--format", "docx"),
        ("extract",),
        ("nosuchcommand",),
        ("extract", str(SAMPLES / "nsam129.txt"), "-o", str(SAMPLES)),
    ],
    ids=["bad-from", "bad-format", "no-paths", "no-command", "output-is-dir"],
)
def test_usage_errors_are_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("archcite: error: ")


@pytest.mark.parametrize("name", ["manuscript.md", "manuscript.tex", "nsam129.txt"])
def test_stdin_format_comes_from_the_content(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    from_file = records_of(run("extract", str(SAMPLES / name))[1])
    code, out, _ = run("extract", "-", input=data)
    assert code == 0
    from_stdin = records_of(out)
    assert [r["text"] for r in from_stdin] == [r["text"] for r in from_file]
    assert {r["source"] for r in from_stdin} == {"<stdin>"}


def test_office_file_with_a_text_suffix_is_read_by_content(tmp_path: Path) -> None:
    disguised = tmp_path / "notes.txt"
    disguised.write_bytes((SAMPLES / "manuscript.docx").read_bytes())
    code, out, err = run("extract", str(disguised))
    assert code == 0, err
    assert len({r["note"] for r in records_of(out)}) == 13


def test_dash_output_is_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("extract", str(SAMPLES / "nsam129.txt"), "-o", "-")
    assert code == 0 and records_of(out)
    assert not (tmp_path / "-").exists()


def test_unwritable_output_is_an_input_error_not_a_crash() -> None:
    code, out, err = run("extract", str(SAMPLES / "nsam129.txt"), "-o", "/proc/nope/x")
    assert code == 2 and out == ""
    assert err.startswith("archcite: error: /proc/nope/x: ")


def test_bibliography_round_trip_through_stdin(tmp_path: Path) -> None:
    code, bib, _ = run("extract", str(SAMPLES / "manuscript.md"), "--format", "bibtex")
    assert code == 0 and "@misc" in bib
    code, out, err = run(
        "extract", "--from", "bibtex", "--format", "csl-json", "-", input=bib
    )
    assert code == 0, err
    ids = {item["id"] for item in json.loads(out)}
    assert "jfkl-nsf-box334-nsam129" in ids


def test_bibliography_for_record_formats_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text('[{"id": "a", "type": "book", "title": "T"}]', encoding="utf-8")
    code, _, err = run("extract", str(path))
    assert code == 2 and "a bibliography has no notes" in err
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    code, _, err = run("extract", "--format", "csl-json", str(empty))
    assert code == 2 and "no items" in err


def test_numbers_in_text_variables_become_strings(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text(
        '[{"id": "a", "type": "manuscript", "archive": 5, "volume": 3}]',
        encoding="utf-8",
    )
    code, out, _ = run("extract", "--format", "csl-json", str(path))
    assert code == 0
    [item] = json.loads(out)
    assert item["archive"] == "5" and item["volume"] == 3


def test_empty_note_gets_a_record(tmp_path: Path) -> None:
    tei = tmp_path / "v.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n'
        '<div type="document" xml:id="d1"><p>x<note n="1" xml:id="d1fn1"><gap/></note></p>'
        "</div></body></text></TEI>",
        encoding="utf-8",
    )
    code, out, _ = run("extract", str(tei))
    assert code == 0
    [record] = records_of(out)
    assert record["kind"] == "not-a-citation" and record["reason"] == "empty note"
    # found where the note is, not at the top of the file
    assert (record["line"], record["column"]) == (2, 38)


def test_empty_latex_footnote_is_located_at_its_command(tmp_path: Path) -> None:
    tex = tmp_path / "e.tex"
    tex.write_text("Intro.\n\nText.\\footnote{} More.\\footnote{Not printed.}\n")
    code, out, _ = run("extract", str(tex))
    assert code == 0
    empty, printed = records_of(out)
    assert empty["reason"] == "empty note" and (empty["line"], empty["column"]) == (
        3,
        6,
    )
    assert (printed["line"], printed["column"]) == (3, 33)


def test_help_lists_commands_and_exit_codes() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for word in ("extract", "parse", "schema", "Exit codes"):
        assert word in out


def _commands(
    command: click.Command, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, click.Command]]:
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))
    else:
        yield " ".join(("archcite", *path)), command


def test_the_readme_commands_table_names_every_option_help_lists() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `archcite ")]
    missing = []
    for name, command in _commands(cli):
        row = next(
            (r for r in rows if re.match(rf"\| `{re.escape(name)}[ `]", r)), None
        )
        assert row is not None, f"no row for {name}"
        for param in command.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            names = [*param.opts, *param.secondary_opts]
            if not any(re.search(rf"{re.escape(n)}(?![\w-])", row) for n in names):
                missing.append(f"{name} {names[-1]}")
    assert missing == []


def test_the_readme_styles_paragraph_names_every_shipped_style() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Formatting: styles\n", 1)[1]
    paragraph = section.strip().split("\n\n", 1)[0]
    listed = CliRunner().invoke(cli, ["styles"]).stdout
    names = [line.split()[0] for line in listed.splitlines() if line[:1].isalpha()]
    assert "chicago-fullnote-bibliography-hsg" in names
    assert [n for n in names if f"`{n}`" not in paragraph] == []
