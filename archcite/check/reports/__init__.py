"""Reports of ``archcite check``: one module per output format, registered by name.

A report is a function ``(results, rule_ids) -> str`` over the
:class:`~archcite.check.model.FileResult` of every input; ``rule_ids`` are the
rules that ran (SARIF lists them, HTML counts them).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from archcite.check.model import FileResult, Finding
from archcite.places import place

ReportFn = Callable[[Sequence[FileResult], Sequence[str]], str]

#: format name -> module that defines ``render``
FORMATS: dict[str, str] = {
    "text": "archcite.check.reports.text",
    "json": "archcite.check.reports.jsonl",
    "sarif": "archcite.check.reports.sarif",
    "html": "archcite.check.reports.html",
}


def render(fmt: str, results: Sequence[FileResult], rule_ids: Sequence[str]) -> str:
    """The report of ``results`` in format ``fmt``."""
    module = importlib.import_module(FORMATS[fmt])
    fn: ReportFn = module.render
    return fn(results, rule_ids)


def where(finding: Finding, office: bool) -> str:
    """The place of a finding as people read it: ``file:line:column`` or, for
    DOCX/ODT, the note and the body paragraph of its mark."""
    return place(finding.source, finding.line, finding.column, finding.note, office)


__all__ = ["FORMATS", "ReportFn", "render", "where"]
