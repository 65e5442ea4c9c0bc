"""Editorial remarks, markings and drafting lines are not citations."""

from __future__ import annotations

import pytest

from archcite.grammar.noncitation import fallback, is_classification, recognize


@pytest.mark.parametrize(
    "text",
    [
        "Not printed.",
        "Not found.",
        "Attached but not printed.",
        "Neither paper was found.",
        "Printed from an unsigned copy.",
        "Printed from a copy that bears this typed signature.",
        "Not further identified.",
        "No classification marking.",
        "Secret; Nodis.",
        "Top Secret; Sensitive; Exclusively Eyes Only.",
        "Confidential; Immediate; Exdis.",
        "Drafted by Shulman; approved by Anderson (S/S).",
        "Repeated to Tokyo and CINCPAC.",
    ],
)
def test_not_a_citation(text: str) -> None:
    [c] = recognize(text)
    assert c.kind == "not-a-citation" and c.status == "parsed" and c.reason


@pytest.mark.parametrize(
    "text",
    [
        "Kennedy Library, National Security Files, Box 334.",
        "Foreign Relations, 1961–1963, vol. VI, Document 35.",
        "Secretary Rusk met the Ambassador.",
        "Printed in Foreign Relations, 1961–1963, vol. VI.",
    ],
)
def test_citations_and_prose_are_not_claimed(text: str) -> None:
    assert recognize(text) == []


def test_classification_words() -> None:
    assert is_classification("Secret; Nodis.")
    assert not is_classification("Secretary of State Rusk")


def test_fallback_separates_prose_from_unrecognized() -> None:
    prose = fallback(
        "A typed notation indicates that this NSAM was revised on February 27."
    )
    assert prose.kind == "not-a-citation" and prose.reason == "prose"
    odd = fallback("Hoover Institution Archives, Box 12.")
    assert odd.kind == "unrecognized" and odd.status == "unrecognized"
    assert odd.text == "Hoover Institution Archives, Box 12"


@pytest.mark.parametrize(
    "text",
    [
        "p. 63",
        "pp. 12–14",
        "vol. VI",
        "vol. 43",
        "Documents 35 and 36",
        "Id., p. 4",
        "Source: x",
        # fond and opis of a Russian archive: unrecognized, never prose (issue 11)
        "AVP RF, f. 06, op. 10, p. 38, d. 520, l. 3–7",
        "RGASPI, f. 17, op. 3, d. 1090",
    ],
)
def test_numbered_locators_and_punctuated_marks_are_anchors(text: str) -> None:
    from archcite.grammar.noncitation import has_anchor

    assert has_anchor(text)


def test_signed_at_a_place_is_not_a_drafting_line() -> None:
    text = "Signed at Washington, November 25, 1927, Foreign Relations, 1927, vol. i, p. 288."
    assert recognize(text) == []
    assert recognize("Signed by the Secretary.")[0].kind == "not-a-citation"


def test_lower_case_ibid_is_an_anchor() -> None:
    odd = fallback("The enclosure is described in Dryden to Webb, June 8, 1962, ibid.")
    assert odd.kind == "unrecognized"


# One example of every alternative of _ANCHOR: the literal guard in front of it
# must find each, or has_anchor would refuse a citation.
ANCHOR_EXAMPLES = [
    *(
        f"see the {w} here"
        for w in (
            "Library", "Archive", "Archives", "Papers", "File", "Files", "Box", "Boxes",
            "Folder", "Record Group", "Reel", "Microfilm", "Collection", "Series",
            "Manuscript", "Manuscripts", "Foreign Relations", "FRUS", "ibid", "Ibid",
            "Central Files", "Central Decimal File", "National Security", "Presidential",
            "Records of", "hereafter cited", "cited as", "JFKL", "LBJL", "DDEL", "HSTL",
            "FDRL", "NARA", "WNRC",
        )
    ),
    *(f"x {w}3" for w in ("RG", "Lot", "Job", "Entry", "FRC", "Document", "Documents", "Doc.")),
    "p.4", "pp. ix", "vol.VI", "Id.", "Source: x", "CIA, report", "POL 27/3",
    "RGANI, f. 5, op. 30", "GARF, f. R-9401, op. 2",
]  # fmt: skip


@pytest.mark.parametrize("text", ANCHOR_EXAMPLES)
def test_literal_guard_admits_every_anchor(text: str) -> None:
    from archcite.grammar import noncitation

    assert noncitation._ANCHOR.search(text)
    assert noncitation._ANCHOR_LITERALS.search(text)
    assert noncitation.has_anchor(text)
