"""``archcite check`` over every TEI volume of the shared corpus, held to the
reviewed list of findings in tests/gold/check_corpus.jsonl (docs/check-corpus.md).

A new finding fails (a rule grew too eager, or the recognizer changed); so does a
finding that went away (take it off the list, and say why in the docs).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from archcite.check import check_paths

GOLD = Path(__file__).parent / "gold" / "check_corpus.jsonl"
SCRIPT = Path(__file__).parents[1] / "scripts" / "check_corpus.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.corpus
def test_corpus_findings_are_the_reviewed_ones(
    shared_dir: Path, tmp_path: Path
) -> None:
    inputs = _script().inputs(tmp_path)
    assert len(inputs) == 11
    found = sorted(
        (Path(f.source).name, f.rule, f.doc or "", f.note, f.text[:80])
        for f in check_paths(str(p) for p in inputs)
    )
    gold = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines()]
    expected = sorted(
        (g["file"], g["rule"], g["doc"] or "", g["note"], g["text"]) for g in gold
    )
    assert found == expected


def test_every_reviewed_finding_has_a_verdict() -> None:
    for line in GOLD.read_text("utf-8").splitlines():
        review = json.loads(line)["review"]
        assert review.startswith(("real", "false positive")), review
