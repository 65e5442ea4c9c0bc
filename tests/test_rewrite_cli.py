"""``archcite format MS -o OUT`` with a manuscript suffix: the rewritten manuscript."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rewrite_fixtures import SAMPLES, members, notes_of

from archcite.cli import cli


@pytest.mark.parametrize("suffix", ["docx", "odt", "md", "tex"])
def test_format_writes_the_rewritten_manuscript(suffix: str, tmp_path: Path) -> None:
    src = SAMPLES / f"manuscript.{suffix}"
    out = tmp_path / f"ms.chicago.{suffix}"
    result = CliRunner().invoke(
        cli,
        ["format", str(src), "--style", "chicago-notes-bibliography", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    before = notes_of(src.read_bytes(), src.name)
    after = notes_of(out.read_bytes(), out.name)
    assert len(after) == len(before)
    assert sum(a.text != b.text for a, b in zip(after, before, strict=True)) >= 10
    # Prose that is no citation stays as written.
    assert after[10].text.startswith("Not printed.")
    assert "kept as written" in result.stderr
    if suffix in ("docx", "odt"):
        part = "word/footnotes.xml" if suffix == "docx" else "content.xml"
        old, new = members(src.read_bytes()), members(out.read_bytes())
        assert {m: d for m, d in old.items() if m != part} == {
            m: d for m, d in new.items() if m != part
        }


def test_format_never_writes_over_its_input(tmp_path: Path) -> None:
    src = tmp_path / "ms.md"
    shutil.copy(SAMPLES / "manuscript.md", src)
    result = CliRunner().invoke(cli, ["format", str(src), "-o", str(src)])
    assert result.exit_code == 2
    assert src.read_bytes() == (SAMPLES / "manuscript.md").read_bytes()
    assert result.stderr.count("\n") == 1 and "overwrite an input" in result.stderr


def test_format_keeps_the_format_of_the_manuscript(tmp_path: Path) -> None:
    out = tmp_path / "ms.docx"
    result = CliRunner().invoke(
        cli, ["format", str(SAMPLES / "manuscript.md"), "-o", str(out)]
    )
    assert result.exit_code == 2
    assert not out.exists()
    assert (
        result.stderr.startswith("archcite: error:") and result.stderr.count("\n") == 1
    )


def _kept_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "kept as written" in line]


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_office_places_are_notes_and_paragraphs_as_check_names_them(
    suffix: str, tmp_path: Path
) -> None:
    src = str(SAMPLES / f"manuscript.{suffix}")
    printed = CliRunner().invoke(cli, ["format", src])
    rewritten = CliRunner().invoke(
        cli, ["format", src, "-o", str(tmp_path / f"out.{suffix}")]
    )
    check = CliRunner().invoke(cli, ["check", src, "--select", "unrecognized"])
    kept = _kept_lines(printed.stderr)
    assert kept and _kept_lines(rewritten.stderr) == kept
    # check's own place for the same citation, as README describes for DOCX/ODT
    place = check.stdout.splitlines()[0].split(": unrecognized ")[0]
    assert place.startswith(f"{src}: note ") and "(paragraph " in place
    assert kept[0].startswith(f"archcite: {place}: “")


def test_the_quoted_excerpt_is_one_length_whoever_reports_it(tmp_path: Path) -> None:
    src = str(SAMPLES / "manuscript.md")
    printed = _kept_lines(CliRunner().invoke(cli, ["format", src]).stderr)
    rewritten = CliRunner().invoke(cli, ["format", src, "-o", str(tmp_path / "o.md")])
    assert printed and _kept_lines(rewritten.stderr) == printed
