"""The realistic manuscript: every planted defect found where it is, nothing on the clean one.

tests/data/check/clean.md is a chapter of diplomatic history with 42 Chicago-style
notes; defects.md is the same chapter with the defects of defects.toml planted
(make_manuscripts.py); the DOCX files are pandoc's conversions of both.
"""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from archcite import read
from archcite.check import check_paths, rules

DATA = Path(__file__).parent / "data" / "check"


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_manuscripts", DATA / "make_manuscripts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _defects() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = tomllib.loads(
        (DATA / "defects.toml").read_text("utf-8")
    )["defect"]
    return found


def _expected(by: str) -> set[tuple[str, object]]:
    out: set[tuple[str, object]] = set()
    for d in _defects():
        where = d["line"] if by == "line" else d.get("found_in_note", d["note"])
        out.add((d["rule"], where))
        for rule, line, note in d.get("also", []):
            out.add((rule, line if by == "line" else note))
    return out


def test_the_manuscript_is_long_enough() -> None:
    assert len(list(read(str(DATA / "clean.md")))) >= 40


def test_defects_md_is_clean_md_with_the_defects_planted() -> None:
    clean = (DATA / "clean.md").read_text("utf-8")
    assert _maker().plant(clean, _defects()) == (DATA / "defects.md").read_text("utf-8")


@pytest.mark.parametrize("name", ["clean.md", "clean.docx"])
def test_no_finding_on_the_clean_manuscript(name: str) -> None:
    found = list(check_paths([str(DATA / name)]))
    assert [(f.rule, f.line, f.message) for f in found] == []


def test_every_defect_is_found_at_its_line() -> None:
    found = {(f.rule, f.line) for f in check_paths([str(DATA / "defects.md")])}
    expected = _expected("line")
    assert expected - found == set(), "planted defects not found"
    assert found - expected == set(), "findings that no defect explains"


def test_every_defect_is_found_in_its_note_of_the_docx() -> None:
    found = {(f.rule, f.note) for f in check_paths([str(DATA / "defects.docx")])}
    assert found == _expected("note")


def test_each_defect_line_is_inside_its_note() -> None:
    """The documented line is where the planted text is (or the note it affects)."""
    notes = {n.label: n for n in read(str(DATA / "defects.md"))}
    for d in _defects():
        note = notes[d.get("found_in_note", d["note"])]
        lines = {note.srcmap.locate(i)[0] for i in range(len(note.text))}
        assert d["line"] in lines, d["id"]


def test_the_defects_cover_the_rules() -> None:
    """Every rule is planted in the manuscript, except the one that needs a
    house style forbidding Ibid. (tested with its settings in test_check_cli)."""
    planted = {rule for rule, _ in _expected("line")}
    assert {r.id for r in rules()} - planted == {"ibid-forbidden"}
