"""archcite's notes and bibliographies against citeproc-js's (committed goldens).

tests/golden/render/STYLE.json were written by scripts/citeproc_js_goldens.py
with citeproc-js, the engine inside Zotero. archcite's text output must equal
them in at least 98% of the cases, and every case that differs must be listed
with its reason in tests/golden/render/differences.txt (docs/render.md
summarizes it); a difference fixed must be taken off that list.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from archcite.render import Cite, Cluster, Renderer, load_style

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "render"
ITEMS = json.loads((HERE / "data/render/items.json").read_text(encoding="utf-8"))
STYLES = ("chicago-notes-bibliography", "chicago-notes-bibliography-17th-edition")


def compare(style: str) -> tuple[int, dict[str, tuple[str, str]]]:
    """Number of cases, and those that differ: case id -> (archcite, citeproc-js)."""
    golden = json.loads((GOLDEN / f"{style}.json").read_text(encoding="utf-8"))
    clusters = [
        Cluster(tuple(Cite(c["id"], c.get("locator"), c.get("label")) for c in k["cites"]),
                k["noteIndex"])
        for k in golden["clusters"]
    ]  # fmt: skip
    renderer = Renderer(load_style(style), ITEMS, "text")
    notes = renderer.render(clusters)
    bib = renderer.bibliography([str(i["id"]) for i in ITEMS])
    differ: dict[str, tuple[str, str]] = {}
    for n, (mine, theirs) in enumerate(zip(notes, golden["citations"], strict=True)):
        if mine != theirs:
            differ[
                f"{style} note {n + 1} {golden['clusters'][n]['cites'][0]['id']}"
            ] = (mine, theirs)
    for n, (mine, theirs) in enumerate(zip(bib, golden["bibliography"], strict=False)):
        if mine != theirs:
            differ[f"{style} bibliography {n + 1}"] = (mine, theirs)
    if len(bib) != len(golden["bibliography"]):
        differ[f"{style} bibliography length"] = (
            str(len(bib)),
            str(len(golden["bibliography"])),
        )
    return len(notes) + len(golden["bibliography"]), differ


def listed() -> set[str]:
    text = (GOLDEN / "differences.txt").read_text(encoding="utf-8")
    return {
        line.split("\t")[0]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    }


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    return {style: compare(style) for style in STYLES}


def test_agreement_with_citeproc_js(results: dict[str, Any]) -> None:
    total = sum(n for n, _ in results.values())
    differ = sum(len(d) for _, d in results.values())
    assert total >= 600
    # issue 9 asks for 98%; what is measured now is the floor (ratchet up)
    assert (total - differ) / total >= 1.0, f"{differ} of {total} differ"


def test_every_difference_is_explained(results: dict[str, Any]) -> None:
    found = {case for _, d in results.values() for case in d}
    assert not found - listed(), f"unexplained: {sorted(found - listed())}"
    assert not listed() - found, f"fixed, remove: {sorted(listed() - found)}"


def test_enough_kinds_of_items() -> None:
    types = {i["type"] for i in ITEMS}
    assert len(ITEMS) >= 60
    assert {"personal_communication", "manuscript", "collection", "chapter", "book",
            "article-journal"} <= types  # fmt: skip
