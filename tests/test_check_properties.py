"""Invariants of ``archcite check`` on manuscripts shuffled from the test chapter."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from archcite.check import check_manuscript, notes_manuscript, registry
from archcite.check.model import FileResult
from archcite.check.reports import render

DATA = Path(__file__).parent / "data" / "check"
SCHEMA = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def _notes(name: str) -> list[str]:
    text = (DATA / name).read_text("utf-8")
    parts = re.split(r"^\[\^[^\]]+\]:", text, flags=re.MULTILINE)[1:]
    return [" ".join(p.replace("*", "").split()) for p in parts]


POOL = _notes("clean.md") + _notes("defects.md")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=25))
def test_findings_are_well_placed(texts: list[str]) -> None:
    ms = notes_manuscript(texts)
    found = check_manuscript(ms)
    notes = {n.index: n for n in ms.notes}
    spans = {}
    for loc in ms.located:
        spans.setdefault(loc.note.index, []).append(
            (loc.citation.start, loc.citation.end)
        )
    for f in found:
        assert f.rule in registry.infos()
        note = notes[f.note_index]
        assert 0 <= f.start <= f.end <= len(note.text)
        assert f.line == f.note_index + 1 and f.column >= 1
        if f.edit is not None:
            # a fix never reaches outside the citation it is about
            assert any(
                s <= f.edit.start <= f.edit.end <= e for s, e in spans[f.note_index]
            )
            assert note.text[f.edit.start : f.edit.end] == f.edit.original
    log = json.loads(
        render("sarif", [FileResult(ms.source, found)], list(registry.infos()))
    )
    jsonschema.Draft4Validator(SCHEMA).validate(log)


@settings(max_examples=25, deadline=None)
@given(st.permutations(_notes("clean.md")))
def test_clean_notes_in_any_order_have_no_typography_or_date_findings(
    texts: list[str],
) -> None:
    """Order-free rules find nothing in the clean chapter however it is shuffled."""
    order_free = [
        "range-dash",
        "locator-case",
        "volume-numerals",
        "impossible-date",
        "date-style",
        "final-period",
        "duplicate-note",
        "frus-document-range",
        "frus-page-range",
        "frus-unknown-volume",
        "frus-locator-style",
    ]
    assert check_manuscript(notes_manuscript(texts), order_free) == ()
