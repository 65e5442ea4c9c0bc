"""Supplied titles through citeproc-js: the note prints the type and the people once.

The canonical CSL items come from archcite's own mapping (archival_to_csl on
recognized notes), so this checks the title rule where it is applied. Both
Chicago editions from styles/: the 17th (the full-note style Zotero and
history.state.gov use) and the 18th.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, NoReturn

import pytest

from archcite.csl.archival import archival_to_csl
from archcite.grammar.note import recognize_text

pytestmark = pytest.mark.interop
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
LOCALE = REPO / "styles" / "locale-en-US.xml"
STYLES = {
    "chicago-17": REPO / "styles" / "chicago-fullnote-bibliography-hsg.csl",
    "chicago-18": REPO / "styles" / "chicago-notes-bibliography.csl",
}

#: note -> (type word, number or None, family names of the people)
NOTES = {
    "memo": (
        "Dean Rusk to John F. Kennedy, memorandum, February 20, 1962, box 180, "
        "National Security Files, John F. Kennedy Presidential Library, Boston, MA.",
        ("memorandum", None, ("Rusk", "Kennedy")),
    ),
    "telegram": (
        "Thompson to Rusk, telegram 2231, Moscow, March 9, 1962, Central Decimal "
        "File 1960–63, 700.5611/3-962, Record Group 59, National Archives, "
        "College Park, MD.",
        ("telegram", "2231", ("Thompson", "Rusk")),
    ),
    "letter": (
        "Letter from Eisenhower to Dulles, June 3, 1955, Ann Whitman File, box 3, "
        "Dwight D. Eisenhower Library, Abilene, KS.",
        ("letter", None, ("Eisenhower", "Dulles")),
    ),
}


def missing(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, but CI must run this test (see make tools)")
    pytest.skip(reason)


def _csl(text: str) -> dict[str, Any]:
    found = recognize_text(text)
    ref = found[0].archival
    assert ref is not None, text
    return archival_to_csl(ref)


def _count(word: str, text: str) -> int:
    return len(re.findall(rf"\b{re.escape(word)}\b", text, re.IGNORECASE))


@pytest.mark.parametrize("edition", sorted(STYLES))
def test_note_prints_type_number_and_people_once(edition: str, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None or not (HERE / "node_modules" / "citeproc").is_dir():
        missing("citeproc-js is not installed: npm ci --prefix tests/interop")
    style = STYLES[edition]
    items = []
    archives = {}
    for key, (text, _) in NOTES.items():
        csl = _csl(text)
        assert csl.get("title"), (key, csl)
        items.append(dict(csl, id=key))
        archives[key] = str(csl.get("archive") or "")
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items), "utf-8")
    run = subprocess.run(
        [node, str(HERE / "citeproc_check.js"), str(path), str(style), str(LOCALE)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    notes = {n["id"]: n["text"] for n in json.loads(run.stdout)["notes"]}
    for key, (_, (kind, number, people)) in NOTES.items():
        # The repository may be named for a person ("John F. Kennedy Library").
        note = notes[key].replace(archives[key], "")
        assert _count(kind, note) == 1, (edition, note)
        if number is not None:
            assert _count(number, note) == 1, (edition, note)
        for person in people:
            assert _count(person, note) == 1, (edition, note)
