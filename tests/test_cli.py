"""The command line through click's runner: contracts, schema, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import cli
from archcite.record import validator

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


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
        ("directory", "is a directory"),
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


def test_unknown_format_is_usage_error() -> None:
    code, _, err = run("extract", str(SAMPLES / "nsam129.txt"), "--from", "pdf")
    assert code == 2 and "pdf" in err


def test_help_lists_commands_and_exit_codes() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for word in ("extract", "parse", "schema", "Exit codes"):
        assert word in out
