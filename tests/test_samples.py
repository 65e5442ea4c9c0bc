"""End to end over every bundled sample: all records validate against the schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import cli
from archcite.record import validator

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FILES = sorted(
    p
    for p in SAMPLES.rglob("*")
    if p.suffix in {".txt", ".md", ".tex", ".docx", ".odt", ".xml"}
    and p.name != "README.md"
)


def test_there_are_samples_in_every_format() -> None:
    assert {p.suffix for p in FILES} >= {".txt", ".md", ".tex", ".docx", ".odt", ".xml"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_sample_extracts_and_validates(path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records, "no citations found"
    v = validator()
    for record in records:
        assert not list(v.iter_errors(record)), record
        assert record["source"] == str(path)
        # Nothing is dropped silently: every record says what it is.
        if record["kind"] in ("unrecognized", "not-a-citation"):
            assert record["reason"]
    indexes = [r["index"] for r in records]
    assert indexes == list(range(len(records)))


def test_docs_name_every_command() -> None:
    readme = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help"
        assert f"archcite {name}" in readme, f"README does not mention {name}"
