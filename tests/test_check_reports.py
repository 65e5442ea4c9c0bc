"""The reports of ``archcite check``: text, JSON lines, SARIF 2.1.0 (against its
schema), HTML (self-contained, escaped, counts at the top)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from archcite.check import check_manuscript, notes_manuscript
from archcite.check.model import FileResult
from archcite.check.reports import render
from archcite.check.reports.sarif import uri
from archcite.cli import cli

DATA = Path(__file__).parent / "data" / "check"
SCHEMA = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))
GOLDEN = DATA / "defects.report.txt"


def _run(args: list[str], cwd: Path = DATA) -> Any:
    runner = CliRunner()
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, args)
    finally:
        os.chdir(old)


def _sarif(*paths: str) -> dict[str, Any]:
    result = _run(["check", *paths, "--format", "sarif"])
    assert result.exit_code in (0, 1), result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_text_report_matches_the_golden_file() -> None:
    """file:line:column: RULE severity message, then a summary line."""
    result = _run(["check", "defects.md"])
    assert result.exit_code == 1
    if os.environ.get("ARCHCITE_UPDATE_GOLDEN"):
        GOLDEN.write_text(result.stdout, "utf-8")
    assert result.stdout == GOLDEN.read_text("utf-8")


def test_text_lines_have_the_linter_shape() -> None:
    lines = _run(["check", "defects.md"]).stdout.splitlines()
    shape = re.compile(r"^defects\.md:\d+:\d+: [a-z-]+ (error|warning) \S")
    assert all(shape.match(line) for line in lines[:-1])
    assert re.match(
        r"^\d+ findings \(\d+ errors?, \d+ warnings?\) in 1 file", lines[-1]
    )


def test_text_report_of_a_docx_names_note_and_paragraph() -> None:
    lines = _run(["check", "defects.docx"]).stdout.splitlines()
    shape = re.compile(
        r"^defects\.docx: note \d+ \(paragraph \d+\), character \d+: [a-z-]+ (error|warning) "
    )
    assert lines[:-1] and all(shape.match(line) for line in lines[:-1])


def test_json_lines_carry_the_fields() -> None:
    out = _run(["check", "defects.md", "--format", "json"]).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    text = _run(["check", "defects.md"]).stdout.splitlines()
    assert len(rows) == len(text) - 1
    for row in rows:
        for key in (
            "rule",
            "severity",
            "message",
            "line",
            "column",
            "note",
            "text",
            "suggestion",
        ):
            assert key in row
        assert row["severity"] in ("error", "warning")
        assert isinstance(row["line"], int) and row["line"] > 0
    dash = next(r for r in rows if r["rule"] == "range-dash")
    assert dash["fix"] == "–" and dash["suggestion"] == "287–89"


@pytest.mark.parametrize("paths", [["defects.md"], ["defects.docx"], ["clean.md"]])
def test_sarif_is_valid_against_the_oasis_schema(paths: list[str]) -> None:
    log = _sarif(*paths)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]


def test_sarif_regions_for_text_not_for_docx() -> None:
    md = _sarif("defects.md")["runs"][0]["results"]
    docx = _sarif("defects.docx")["runs"][0]["results"]
    assert all("region" in r["locations"][0]["physicalLocation"] for r in md)
    assert not any("region" in r["locations"][0]["physicalLocation"] for r in docx)
    assert all(r["properties"]["paragraph"] >= 1 for r in docx)
    assert len(md) == len(docx)


def test_sarif_reports_an_unreadable_input_as_a_notification(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_text("")
    result = _run(
        [
            "check",
            str(DATA / "clean.md"),
            str(tmp_path / "empty.md"),
            "--format",
            "sarif",
        ]
    )
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert (
        "empty file" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    )


def test_sarif_uris_are_uri_references() -> None:
    assert uri("drafts/chapter 1.md") == "drafts/chapter%201.md"
    assert uri("/tmp/a b.md") == "file:///tmp/a%20b.md"


def test_html_is_one_self_contained_escaped_page() -> None:
    notes = [
        "Dean Rusk to John F. Kennedy, memorandum, February 30, 1962, box 180, "
        "National Security Files, John F. Kennedy Presidential Library. See <script>alert(1)</script> & co.",
    ]
    ms = notes_manuscript(notes, source="<b>draft</b>.md")
    found = check_manuscript(ms)
    assert any(f.rule == "impossible-date" for f in found)
    page = render(
        "html", [FileResult(ms.source, found, notes=ms.notes)], ["impossible-date"]
    )
    assert "<script>" not in page and "<b>draft</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co." in page
    for outside in ("src=", "<link", "http://", "https://", "@import"):
        assert outside not in page
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//section[@id='rule-impossible-date']//mark")
    assert tree.xpath("//table[@class='counts']//a[@href='#rule-impossible-date']")


def test_html_groups_notes_by_rule_with_counts_first() -> None:
    page = _run(["check", "defects.md", "--format", "html"]).stdout
    tree = lxml_html.fromstring(page)
    counts = tree.xpath("//table[@class='counts']")[0]
    sections = tree.xpath("//section")
    assert counts.getparent().index(counts) < counts.getparent().index(sections[0])
    ids = [s.get("id") for s in sections]
    assert "rule-range-dash" in ids and "rule-unrecognized" in ids
    dash = tree.xpath("//section[@id='rule-range-dash']//tr")
    assert len(dash) == 2  # notes 5 and 6, each beside its finding
    total = sum(len(s.xpath(".//td[@class='finding']/p[span]")) for s in sections)
    assert total == len(_run(["check", "defects.md"]).stdout.splitlines()) - 1


def test_odt_is_placed_like_docx() -> None:
    sample = Path(__file__).parents[1] / "samples" / "manuscript.odt"
    lines = _run(["check", str(sample)]).stdout.splitlines()
    assert lines[:-1]
    assert all(
        re.search(r"manuscript\.odt: note \d+ \(paragraph \d+\), character \d+: ", x)
        for x in lines[:-1]
    )
