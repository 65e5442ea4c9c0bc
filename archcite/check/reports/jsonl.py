"""JSON Lines: one finding a line, with the fields the issue names and a few more.

``rule``, ``severity``, ``message``, ``line``, ``column``, ``note``, ``text``,
``suggestion`` always; also ``file``, ``note_index``, ``start``/``end`` (offsets
into the note's text, as a citation record's), ``doc`` (TEI), ``paragraph`` (DOCX/
ODT: the body paragraph of the note's mark, which ``line`` also holds) and
``fix`` (the replacement ``--fix`` would make, or ``null``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from archcite.check.model import FileResult, Finding


def finding_dict(f: Finding, office: bool) -> dict[str, Any]:
    """The JSON form of one finding."""
    return {
        "file": f.source,
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "line": f.line,
        "column": f.column,
        "note": f.note,
        "text": f.text,
        "suggestion": f.suggestion,
        "note_index": f.note_index,
        "start": f.start,
        "end": f.end,
        "doc": f.doc,
        "paragraph": f.line if office else None,
        "fix": f.edit.replacement if f.edit is not None else None,
    }


def render(results: Sequence[FileResult], rule_ids: Sequence[str]) -> str:
    return "".join(
        json.dumps(finding_dict(f, r.office), ensure_ascii=False) + "\n"
        for r in results
        for f in r.findings
    )
