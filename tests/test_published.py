"""Published documentary sources cited as a source or a printing."""

from __future__ import annotations

import pytest

from archcite.grammar.published import recognize
from archcite.model import PublishedRef


@pytest.mark.parametrize(
    ("clause", "role", "text", "ref"),
    [
        (  # real: frus1961-63v06 d1 (tags stripped: no space after "Source:")
            "Source:American Foreign Policy: Current Documents, 1960, p. 476.",
            "source",
            "American Foreign Policy: Current Documents, 1960, p. 476",
            PublishedRef(
                "American Foreign Policy: Current Documents, 1960", None, "476"
            ),
        ),
        (  # real: frus1917-72PubDip d11
            "Source: Papers of Woodrow Wilson , vol. 46, pp. 200–203.",
            "source",
            "Papers of Woodrow Wilson , vol. 46, pp. 200–203",
            PublishedRef("Papers of Woodrow Wilson", "46", "200–203"),
        ),
        (  # real: frus1917-72PubDip d2
            "Also published in Papers of Woodrow Wilson , vol. 43, pp. 456–459.",
            "printing",
            "Papers of Woodrow Wilson , vol. 43, pp. 456–459",
            PublishedRef("Papers of Woodrow Wilson", "43", "456–459"),
        ),
        (
            "Printed in Department of State Bulletin, July 3, 1961, pp. 12–14.",
            "printing",
            "Department of State Bulletin, July 3, 1961, pp. 12–14",
            PublishedRef("Department of State Bulletin", None, "12–14", "July 3, 1961"),
        ),
        (  # real: frus1930v01 inline source notes
            "Treaty Series No. 822",
            "reference",
            "Treaty Series No. 822",
            PublishedRef("Treaty Series", "822"),
        ),
        (  # real: frus1964-68v29p2 d51fn3
            "The text of the notes is in 16 UST 2029.",
            "reference",
            "16 UST 2029",
            PublishedRef(
                "United States Treaties and Other International Agreements",
                "16",
                "2029",
            ),
        ),
    ],
)
def test_published_forms(clause: str, role: str, text: str, ref: PublishedRef) -> None:
    found = recognize(clause)
    assert len(found) == 1
    c = found[0]
    assert (c.kind, c.status, c.role, c.text) == ("published", "parsed", role, text)
    assert clause[c.start : c.end] == c.text
    assert c.published == ref


def test_two_printings_in_one_clause() -> None:
    # real: frus1961-63v06 d3
    clause = (
        "This message is also printed in Public Papers of the Presidents of the United "
        "States:John F. Kennedy, 1961, p. 3, and American Foreign Policy: Current Documents, "
        "1961, p. 559."
    )
    found = recognize(clause)
    assert [c.role for c in found] == ["printing", "printing"]
    assert [c.published.pages for c in found if c.published] == ["3", "559"]
    assert found[1].text == "American Foreign Policy: Current Documents, 1961, p. 559"


@pytest.mark.parametrize(
    "clause",
    [
        # real: frus1977-80v17p1 d56 — a FRUS printing belongs to the FRUS recognizer
        "This memorandum of conversation is printed in full in Foreign Relations, 1977–1980, "
        "vol. VI, Soviet Union, Document 81.",
        "The memorandum was printed in a newspaper that day.",
        "The New York Times, February 13, reported that Togo made mild representations.",
        "Rusk met Sato on January 12, pp. 3 of the record.",
        "",
    ],
)
def test_refusals(clause: str) -> None:
    assert recognize(clause) == []
