"""Container words in formatted notes: lower case, as Chicago prints them.

CMOS 14.232ff. cites "folder “USSR, General, 2/62,” box 180" mid-note; the
CSL ``archive_location`` archcite builds carries them so, and both engines
(and Zotero, which prints the field as it is) print them lower case.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import archcite
from archcite.cli import cli

#: a container word with a capital after the start of a note ("…, Box 181, …")
_CAPITAL_MID_NOTE = re.compile(r"[,;] (?:Box|Boxes|Folder|Folders|Reel|Reels) \d")


def test_manuscript_notes_have_lower_case_boxes() -> None:
    result = CliRunner().invoke(cli, ["format", "samples/manuscript.txt"])
    assert result.exit_code == 0
    notes, _, bib = result.stdout.partition("\nBibliography\n")
    assert not _CAPITAL_MID_NOTE.search(notes), _CAPITAL_MID_NOTE.findall(notes)
    lines = notes.splitlines()
    assert "folder “USSR, General, 2/62,” box 180" in lines[1]
    assert ", box 181, National Security Files" in lines[2]
    assert ", box 334, National Security Files" in lines[3]
    # the bibliography lists collections, no containers
    assert not re.search(r"\b(?:box|folder|reel)e?s? \d", bib, re.I)


@pytest.mark.parametrize(
    ("cited", "location"),
    [
        ("Box 3, Folder 8, Reel 2", "box 3, folder 8, reel 2"),
        ("Boxes 3–4", "boxes 3–4"),
        ("Lot 66 D 204, Box 5", "Lot 66 D 204, box 5"),
    ],
)
def test_archive_location_words(cited: str, location: str) -> None:
    text = (
        "Rusk to Kennedy, memorandum, February 21, 1962, "
        f"{cited}, National Security Files, John F. Kennedy Library."
    )
    (loc,) = [x for x in archcite.parse_text(text) if x.citation.kind == "archival"]
    assert loc.citation.csl is not None
    assert loc.citation.csl["archive_location"] == location
