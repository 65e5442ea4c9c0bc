"""SARIF 2.1.0: the Static Analysis Results Interchange Format (OASIS), which GitHub
code scanning and editors read.

One run; the driver lists every rule that ran (id, one line, the bad and good
examples as help, default level). A text format's finding has a region (line and
column, counted in Unicode code points); a DOCX/ODT finding has none (its line is
a body paragraph, not a line of the file) and names its note as a logical
location instead. An unreadable input is a tool execution notification.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from archcite import __version__
from archcite.check import registry
from archcite.check.model import FileResult, Finding

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def uri(path: str) -> str:
    """A path as a SARIF ``uri`` (a URI reference: relative paths stay relative)."""
    if path.startswith("<"):
        return quote(path.strip("<>"))
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(PurePosixPath(*p.parts).as_posix())


def _rule(rule_id: str) -> dict[str, Any]:
    info = registry.infos()[rule_id]
    bad = " | ".join(info.bad.notes)
    good = " | ".join(info.good.notes)
    help_text = f"{info.help + ' ' if info.help else ''}Bad: {bad} Good: {good}"
    return {
        "id": info.id,
        "name": "".join(w.capitalize() for w in info.id.split("-")),
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.help or info.summary},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": info.severity},
        "properties": {"fixable": info.fixable},
    }


def _result(f: Finding, office: bool, index: dict[str, int]) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri(f.source)}}
    if not office:
        physical["region"] = {
            "startLine": f.line,
            "startColumn": f.column,
            "snippet": {"text": f.text},
        }
    label = f"note {f.note}"
    logical = {"name": label, "kind": "note"}
    if f.doc:
        logical["fullyQualifiedName"] = f"{f.doc}/{label}"
    properties: dict[str, Any] = {"note": f.note, "noteIndex": f.note_index}
    if office:
        properties.update(paragraph=f.line, character=f.column)
    if f.suggestion:
        properties["suggestion"] = f.suggestion
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": f.severity,
        "message": {
            "text": f.message + (f"; suggested: {f.suggestion}" if f.suggestion else "")
        },
        "locations": [{"physicalLocation": physical, "logicalLocations": [logical]}],
        "properties": properties,
    }
    return out


def sarif_log(results: Sequence[FileResult], rule_ids: Sequence[str]) -> dict[str, Any]:
    """The SARIF log of a check, as JSON-ready data."""
    index = {rid: i for i, rid in enumerate(rule_ids)}
    notifications = [
        {
            "level": "error",
            "message": {"text": r.error or ""},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": uri(r.source)}}}
            ],
        }
        for r in results
        if r.error is not None
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "archcite",
                        "version": __version__,
                        "rules": [_rule(rid) for rid in rule_ids],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "artifacts": [{"location": {"uri": uri(r.source)}} for r in results],
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(f, r.office, index) for r in results for f in r.findings
                ],
            }
        ],
    }


def render(results: Sequence[FileResult], rule_ids: Sequence[str]) -> str:
    return json.dumps(sarif_log(results, rule_ids), ensure_ascii=False, indent=2) + "\n"
