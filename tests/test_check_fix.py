"""``archcite check --fix``: the mechanical findings are corrected inside citation
spans, and every byte outside them stays as it was."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from archcite import extract
from archcite.check import check_paths
from archcite.cli import cli

DATA = Path(__file__).parent / "data" / "check"
FIXABLE = {"range-dash", "locator-case", "repository-forms", "collection-forms"}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _citation_ranges(path: Path) -> list[tuple[int, int]]:
    """The file offsets (in characters) that the citations of ``path`` cover."""
    text = path.read_text("utf-8")
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    out = []
    for loc in extract([str(path)]):
        c = loc.citation
        if c.kind in ("not-a-citation", "unrecognized") or c.start == c.end:
            continue
        first = loc.note.srcmap.locate(c.start)
        last = loc.note.srcmap.locate(c.end - 1)
        out.append((starts[first[0] - 1] + first[1] - 1, starts[last[0] - 1] + last[1]))
    return out


def _changed_outside(old: Path, new: Path) -> list[str]:
    """Changes between ``old`` and ``new`` that are not inside a citation of ``old``."""
    a, b = old.read_text("utf-8"), new.read_text("utf-8")
    spans = _citation_ranges(old)
    outside = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if not any(s <= i1 and i2 <= e for s, e in spans):
            outside.append(f"{op} {a[i1:i2]!r} -> {b[j1:j2]!r} at {i1}")
    return outside


def _rules(path: Path) -> list[tuple[str, str]]:
    return [(f.rule, f.note) for f in check_paths([str(path)])]


def _left_after_fix(path: Path) -> list[tuple[str, str]]:
    """The findings a fix cannot make, less one it makes by the way: spelling out
    note 8's "NSF, LBJL" (two forms) also ends their use before note 9 declares them."""
    return sorted(
        r
        for r in _rules(path)
        if r[0] not in FIXABLE and r != ("hereafter-before-declared", "8")
    )


def test_fix_writes_a_corrected_copy_and_touches_nothing_else(tmp_path: Path) -> None:
    draft = tmp_path / "defects.md"
    shutil.copy(DATA / "defects.md", draft)
    before = draft.read_bytes()
    result = run("check", str(draft), "--fix")
    assert result.exit_code == 1  # the findings that cannot be fixed remain
    assert draft.read_bytes() == before  # the input is not touched
    fixed = tmp_path / "defects.fixed.md"
    assert _changed_outside(draft, fixed) == []
    # every change is printed, and what it fixed is gone from the report
    changes = [line for line in result.stderr.splitlines() if ": fixed " in line]
    assert len(changes) == 7
    assert f"{draft}:103:20: fixed range-dash: “287-89” → “287–89”" in changes
    assert sorted(_rules(fixed)) == _left_after_fix(draft)
    assert "range-dash" not in result.stdout


def test_fixed_report_lists_only_what_is_left(tmp_path: Path) -> None:
    draft = tmp_path / "defects.md"
    shutil.copy(DATA / "defects.md", draft)
    out = run("check", str(draft), "--fix", "--format", "json").stdout
    rules = {json.loads(line)["rule"] for line in out.splitlines()}
    assert rules and not rules & FIXABLE


def test_fix_in_place_keeps_a_backup(tmp_path: Path) -> None:
    draft = tmp_path / "defects.md"
    shutil.copy(DATA / "defects.md", draft)
    original = draft.read_bytes()
    result = run("check", str(draft), "--fix", "--in-place")
    assert (tmp_path / "defects.md.bak").read_bytes() == original
    assert draft.read_bytes() != original
    assert "original is in" in result.stderr
    assert not (tmp_path / "defects.fixed.md").exists()
    assert not [r for r in _rules(draft) if r[0] in FIXABLE]
    # a second run fixes nothing more and leaves the first backup alone
    run("check", str(draft), "--fix", "--in-place")
    assert (tmp_path / "defects.md.bak").read_bytes() == original
    assert not (tmp_path / "defects.md.bak.1").exists()


def test_in_place_never_overwrites_a_backup(tmp_path: Path) -> None:
    draft = tmp_path / "defects.md"
    shutil.copy(DATA / "defects.md", draft)
    (tmp_path / "defects.md.bak").write_text("an older backup")
    run("check", str(draft), "--fix", "--in-place")
    assert (tmp_path / "defects.md.bak").read_text() == "an older backup"
    assert (tmp_path / "defects.md.bak.1").read_bytes() == (
        DATA / "defects.md"
    ).read_bytes()


def test_nothing_to_fix_writes_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "clean.md"
    shutil.copy(DATA / "clean.md", draft)
    result = run("check", str(draft), "--fix")
    assert result.exit_code == 0
    assert list(tmp_path.iterdir()) == [draft]


LATEX = r"""\documentclass{article}
\begin{document}
% a comment with 1961-63 that is not a citation
Text 1961-63 in prose.\footnote{Dean Rusk to John F. Kennedy, memorandum,
  February 20, 1962, box 180, National Security Files, John F. Kennedy
  Presidential Library, Boston, MA.}
More.\footnote{David E. Bell to McGeorge Bundy, memorandum, March 5, 1962, box 334,
  National Security Files, John F. Kennedy Presidential Library, Boston, MA.}
End.\footnote{James E. Webb to McGeorge Bundy, letter, March 7, 1962, Box 334,
  Central Decimal File 1960-63, National Security Files, John F. Kennedy
  Presidential Library, Boston, MA.}
\end{document}
"""

TEXT = """A chapter. Prose keeps its 1961-63 as written.

Notes

1. Dean Rusk to John F. Kennedy, memorandum, February 20, 1962, box 180, National
Security Files, John F. Kennedy Presidential Library, Boston, MA.
2. David E. Bell to McGeorge Bundy, memorandum, March 5, 1962, box 334, National
Security Files, John F. Kennedy Presidential Library, Boston, MA.
3. James E. Webb to McGeorge Bundy, letter, March 7, 1962, Box 334, Central Decimal
File 1960-63, National Security Files, John F. Kennedy Presidential Library, Boston, MA.
"""


@pytest.mark.parametrize(
    ("name", "content"), [("draft.tex", LATEX), ("draft.txt", TEXT)]
)
def test_fix_latex_and_plain_text(tmp_path: Path, name: str, content: str) -> None:
    draft = tmp_path / name
    draft.write_text(content, "utf-8")
    before = set(_rules(draft))
    assert ("range-dash", "3") in before and ("locator-case", "3") in before
    result = run("check", str(draft), "--fix")
    fixed = draft.with_name(draft.stem + ".fixed" + draft.suffix)
    assert _changed_outside(draft, fixed) == [], result.stderr
    text = fixed.read_text("utf-8")
    assert "1961-63" in text  # prose (and a LaTeX comment) keep their hyphens
    assert not [r for r in _rules(fixed) if r[0] in FIXABLE]


def test_fix_a_docx(tmp_path: Path) -> None:
    draft = tmp_path / "defects.docx"
    shutil.copy(DATA / "defects.docx", draft)
    result = run("check", str(draft), "--fix")
    fixed = tmp_path / "defects.fixed.docx"
    assert fixed.exists(), result.stderr
    assert sorted(_rules(fixed)) == _left_after_fix(draft)


def test_tei_cannot_be_fixed_and_says_so(tmp_path: Path) -> None:
    tei = tmp_path / "volume.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" '
        'xml:id="d1"><p>Text.<note n="1">Foreign Relations, 1961-1963, vol. VI, '
        "Document 35.</note></p></div></body></text></TEI>",
        "utf-8",
    )
    result = run("check", str(tei), "--fix")
    assert result.exit_code == 1
    assert "not fixed (range-dash): cannot rewrite tei documents" in result.stderr
    assert list(tmp_path.iterdir()) == [tei]


def test_fix_needs_files() -> None:
    result = CliRunner().invoke(cli, ["check", "-", "--fix"], input="x")
    assert result.exit_code == 2
    assert "--fix needs files" in result.stderr


def test_the_outside_check_sees_a_change_in_prose(tmp_path: Path) -> None:
    """The byte-identity check above can fail: a change to prose is caught."""
    draft = tmp_path / "defects.md"
    shutil.copy(DATA / "defects.md", draft)
    touched = tmp_path / "touched.md"
    touched.write_text(
        draft.read_text("utf-8").replace("largely ignored", "largely read"), "utf-8"
    )
    assert _changed_outside(draft, touched)


def test_docx_notes_change_only_where_fixed(tmp_path: Path) -> None:
    from archcite import read
    from archcite.check import check_paths as findings_of

    draft = tmp_path / "defects.docx"
    shutil.copy(DATA / "defects.docx", draft)
    edits = [f.edit for f in findings_of([str(draft)]) if f.edit is not None]
    run("check", str(draft), "--fix")
    old = {n.index: n.text for n in read(str(draft))}
    new = {n.index: n.text for n in read(str(tmp_path / "defects.fixed.docx"))}
    for index, text in old.items():
        for edit in sorted(
            (e for e in edits if e.note_index == index), key=lambda e: -e.start
        ):
            text = text[: edit.start] + edit.replacement + text[edit.end :]
        assert new[index] == text


def test_fix_suggests_the_canonical_name_and_keeps_every_line(tmp_path: Path) -> None:
    # Regression: the form used most (“Kennedy Library”) was suggested and written
    # over the canonical name, and the name's line break inside note 2 was lost.
    sample = Path(__file__).parent.parent / "samples" / "manuscript.md"
    draft = tmp_path / "manuscript.md"
    shutil.copy(sample, draft)
    report = run("check", str(draft), "--select", "repository-forms").stdout
    assert report.count("repository-forms") == 2
    assert (
        report.count(
            "suggested: “John F. Kennedy Presidential Library” (the canonical name)"
        )
        == 2
    )
    run("check", str(draft), "--fix")
    old = draft.read_bytes().split(b"\n")
    new = (tmp_path / "manuscript.fixed.md").read_bytes().split(b"\n")
    assert len(new) == len(old)
    jfkl = (b"Kennedy Library", b"John F. Kennedy Presidential Library")
    box = (b"Box 334", b"box 334")
    want = {60: [jfkl], 61: [box], 65: [jfkl], 67: [box]}
    for number, (a, b) in enumerate(zip(old, new, strict=True), start=1):
        expected = a
        for before, after in want.get(number, []):
            expected = expected.replace(before, after, 1)
        assert b == expected, number


def test_in_place_without_fix_changes_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "defects.md"
    shutil.copy(DATA / "defects.md", draft)
    original = draft.read_bytes()
    result = run("check", str(draft), "--in-place")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "archcite: error: --in-place only goes with --fix (see '"
    )
    assert len(result.stderr.strip().splitlines()) == 1
    assert draft.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["defects.md"]
