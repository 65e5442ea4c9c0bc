"""The text report: ``file:line:column: RULE severity message``, one finding a line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from archcite.check.model import FileResult
from archcite.check.reports import where


def summary(results: Sequence[FileResult]) -> str:
    """One line: how many findings of each severity, in how many files."""
    found = [f for r in results for f in r.findings]
    severities = Counter(f.severity for f in found)
    fixable = sum(1 for f in found if f.edit is not None)
    files = sum(1 for r in results if r.error is None)
    parts = [
        f"{len(found)} finding{'s' if len(found) != 1 else ''}",
        f"({severities['error']} error{'s' if severities['error'] != 1 else ''}, "
        f"{severities['warning']} warning{'s' if severities['warning'] != 1 else ''})",
        f"in {files} file{'s' if files != 1 else ''}",
    ]
    line = " ".join(parts)
    if fixable:
        line += f"; {fixable} fixable with --fix"
    unreadable = sum(1 for r in results if r.error is not None)
    if unreadable:
        line += f"; {unreadable} unreadable"
    return line


def render(results: Sequence[FileResult], rule_ids: Sequence[str]) -> str:
    lines: list[str] = []
    for result in results:
        for f in result.findings:
            text = f"{where(f, result.office)}: {f.rule} {f.severity} {f.message}"
            if f.suggestion:
                text += f"; suggested: {f.suggestion}"
            lines.append(text)
    lines.append(summary(results))
    return "\n".join(lines) + "\n"
