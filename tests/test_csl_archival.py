"""CSL-JSON items for archival citations, checked against the CSL 1.0.2 schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from archcite.csl.archival import archival_to_csl
from archcite.grammar.archival import recognize
from archcite.model import ArchivalRef


def ref_of(text: str) -> ArchivalRef:
    found = recognize(text)
    assert found and found[0].archival is not None
    return found[0].archival


def test_nsam_129() -> None:
    item = archival_to_csl(
        ref_of(
            "Kennedy Library, National Security Files, Meetings and Memoranda Series, "
            "NSAM No. 129, U.S.-USSR Space Cooperation, Box 334"
        )
    )
    assert item["archive"] == "John F. Kennedy Presidential Library"
    assert item["archive-place"] == "Boston, MA"
    assert item["archive_collection"] == "National Security Files"
    # A file-level item: the file unit is its title and leaves the location;
    # CSL collection, so Chicago prints no "n.d.".
    assert item["type"] == "collection"
    assert item["title"] == "NSAM No. 129, U.S.-USSR Space Cooperation"
    assert item["archive_location"] == "Meetings and Memoranda Series, box 334"


def test_chicago_memorandum_is_a_letter_with_names_and_date() -> None:
    item = archival_to_csl(
        ref_of(
            'Dean Rusk to John F. Kennedy, memorandum, February 20, 1962, folder "USSR, '
            'General, 2/62," box 180, National Security Files, John F. Kennedy Presidential '
            "Library, Boston, MA."
        )
    )
    assert item["type"] == "personal_communication"
    assert "title" not in item  # "memorandum" is a genre, not a title
    assert item["genre"] == "memorandum"
    assert item["author"] == [{"family": "Rusk", "given": "Dean"}]
    assert item["recipient"] == [{"family": "Kennedy", "given": "John F."}]
    assert item["issued"] == {"date-parts": [[1962, 2, 20]]}
    # the folder keeps its label and quotes, before its box (Chicago's order)
    assert item["archive_location"] == "folder “USSR, General, 2/62,” box 180"


def test_nara_record_group_joins_the_collection() -> None:
    item = archival_to_csl(
        ref_of(
            "National Archives, RG 59, Central Decimal File 1910–1929, Box 736, 103.9302/12a"
        )
    )
    assert item["archive_location"] == "box 736, 103.9302/12a"
    # No document and no file title: the item is named for its collection,
    # which is not repeated as archive_collection.
    assert item["title"] == "RG 59, Central Decimal File 1910–1929"
    assert "archive_collection" not in item and item["type"] == "collection"
    item = archival_to_csl(
        ref_of("Central Intelligence Agency, Job 79–01025A, Box 76, Folder 8")
    )
    assert item["archive_location"] == "Job 79–01025A, box 76, folder 8"
    # a repository only: nothing to name it by that the note does not print
    assert "title" not in item and item["type"] == "manuscript"


EXAMPLES = [
    "Kennedy Library, National Security Files, Countries Series, USSR, Box 180",
    "Rusk to Kennedy, letter, May 2, 1961, box 3, President's Office Files, JFKL",
    "Washington National Records Center, OSD/OASD/ISA Files: FRC 330 72 A 2468, Okinawa 323.3",
    "Library of Congress, Papers of Woodrow Wilson, Series 2, Reel 90, 1917 July 31–Aug. 29",
    "PRO, CAB 128/35",
    "File No. 861.51/131",
]


@pytest.mark.parametrize("text", EXAMPLES)
def test_valid_against_csl_schema(text: str, shared_dir: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema: dict[str, Any] = json.loads(
        (shared_dir / "reference" / "schemas" / "csl-data.json").read_text(
            encoding="utf-8"
        )
    )
    item = archival_to_csl(ref_of(text))
    item["id"] = "x"
    jsonschema.validate([item], schema)


def test_every_gold_citation_maps_to_a_valid_csl_1_0_2_item(shared_dir: Path) -> None:
    """No code path emits a type outside CSL 1.0.2 ("letter" is Zotero's, not CSL's)."""
    jsonschema = pytest.importorskip("jsonschema")
    schema: dict[str, Any] = json.loads(
        (shared_dir / "reference" / "schemas" / "csl-data.json").read_text(
            encoding="utf-8"
        )
    )
    from archcite.grammar.note import recognize_text

    gold = Path(__file__).parent / "gold" / "archival.jsonl"
    items: list[dict[str, Any]] = []
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines()):
        for k, c in enumerate(recognize_text(json.loads(line)["text"])):
            if c.archival is not None:
                item = archival_to_csl(c.archival)
                item["id"] = f"n{n}c{k}"
                items.append(item)
    assert len(items) > 250
    # file-, box- and collection-level items are CSL collections (no "n.d.")
    assert {i["type"] for i in items} <= {
        "personal_communication",
        "manuscript",
        "collection",
    }
    jsonschema.validate(items, schema)
