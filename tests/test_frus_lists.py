"""FRUS volume lists and ranges, and "Foreign Relations" in other names."""

from __future__ import annotations

import itertools

import pytest

from archcite.grammar.frus import recognize
from archcite.grammar.note import recognize_text
from archcite.grammar.segment import clauses
from archcite.model import Citation


def in_clauses(text: str) -> list[Citation]:
    """The FRUS citations of ``text`` cut into clauses as the pipeline cuts it."""
    out: list[Citation] = []
    for span in clauses(text):
        for c in recognize(text[span.start : span.end]):
            out.append(c)
    return out


def ids(cites: list[Citation]) -> list[str | None]:
    return [c.frus.volume_id if c.frus else None for c in cites]


def test_a_part_after_the_last_volume_of_a_list_is_the_last_volumes() -> None:
    text = "See Foreign Relations, 1964–1968, vols. XXVII and XXIX, Part 2."
    first, last = recognize(text)
    assert ids([first, last]) == ["frus1964-68v27", "frus1964-68v29p2"]
    assert first.text == "Foreign Relations, 1964–1968, vols. XXVII"
    assert last.text == "XXIX, Part 2"
    assert first.frus is not None and first.frus.part is None
    assert (first.status, last.status) == ("parsed", "parsed")
    assert first.frus.reason is None


def test_documents_after_the_last_volume_of_a_list_are_the_last_volumes() -> None:
    text = "Foreign Relations, 1958–1960, vols. IX and X, Part 1, Document 5."
    first, last = recognize(text)
    assert ids([first, last]) == ["frus1958-60v09", "frus1958-60v10p1"]
    assert first.frus is not None and last.frus is not None
    assert first.frus.documents == () and first.frus.part is None
    assert last.frus.documents == (5,) and last.frus.part == "1"
    assert (first.status, last.status) == ("parsed", "parsed")
    assert first.frus.reason is None and last.frus.reason is None


def test_a_range_of_volumes_is_one_reference_per_volume() -> None:
    text = "Foreign Relations, 1961–1963, vols. V–VII."
    found = recognize(text)
    assert ids(found) == ["frus1961-63v05", "frus1961-63v06", "frus1961-63v07"]
    assert [c.status for c in found] == ["parsed"] * 3
    assert [c.text for c in found] == [
        "Foreign Relations, 1961–1963, vols. V",
        "–",
        "VII",
    ]
    for c in found:
        assert text[c.start : c.end] == c.text
    # the spans do not overlap
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    middle = found[1].frus
    assert middle is not None and middle.reason is not None
    assert "V–VII" in middle.reason
    # a range with a locator: the locator is the last volume's
    v5, v6 = recognize("Foreign Relations, 1961–1963, vols. V–VI, Document 3.")
    assert v5.frus is not None and v6.frus is not None
    assert (v5.frus.documents, v6.frus.documents) == ((), (3,))
    # a microfiche supplement of a range stays one volume
    [mf] = recognize(
        "Foreign Relations, 1961–1963, vols. VII–IX, Microfiche Supplement, Document 5."
    )
    assert mf.frus is not None and mf.frus.volume_id == "frus1961-63v07-09mSupp"


@pytest.mark.parametrize(
    "text",
    [
        "Senate Committee on Foreign Relations. 1950, p. 3.",
        "Journal of Foreign Relations. 1921, vol. 3, p. 4.",
        "Senate Committee on Foreign Relations, 1950, p. 3.",
        "Subcommittee on Foreign Relations, 1950, vol. 2, p. 3.",
        "Council on Foreign Relations. 1950, p. 3.",
        "Review of Foreign Relations, 1921, vol. 3, p. 4.",
        "Department of Foreign Relations. 1921, p. 4.",
        "Ministry of Foreign Relations, 1921, p. 4.",
        "Institute of Foreign Relations. 1921, vol. 3, p. 4.",
        "Committee on Foreign Relations of the United States Senate, 1950, p. 3.",
        "See Documents on American Foreign Relations, 1961, pp. 45–50.",
    ],
)
def test_foreign_relations_inside_another_name_is_not_frus(text: str) -> None:
    assert recognize(text) == []


def test_the_period_slip_still_reads_after_a_lead_in() -> None:
    [cit] = recognize("See Foreign Relations. 1929, vol. i, p. 862.")
    assert cit.frus is not None and cit.frus.volume_id == "frus1929v01"
    [cit] = recognize("Printed in Foreign Relations. 1929, vol. i, p. 862.")
    assert cit.frus is not None and cit.frus.volume_id == "frus1929v01"


MICROFICHE = (
    "Foreign Relations, 1961–1963, vols. VII, VIII, IX, Arms Control; National "
    "Security Policy; Foreign Economic Policy, Microfiche Supplement."
)


@pytest.mark.parametrize(
    "text",
    [
        MICROFICHE,
        MICROFICHE.replace("vols. VII, VIII, IX", "vols. VII–IX"),
        MICROFICHE.replace("vols. VII, VIII, IX", "Volumes VII, VIII, and IX"),
        "See also " + MICROFICHE,
        "Foreign Relations, 1961–1963, vols. V and VI; " + MICROFICHE,
    ],
)
def test_the_span_of_a_microfiche_supplement_covers_all_its_titles(text: str) -> None:
    found = [c for c in recognize_text(text) if c.kind == "frus"]
    mf = found[-1]
    assert mf.frus is not None and mf.frus.volume_id == "frus1961-63v07-09mSupp"
    assert mf.text.endswith("Foreign Economic Policy, Microfiche Supplement")
    assert "National Security Policy" in mf.text
    assert all(c.kind != "unrecognized" for c in recognize_text(text))


def test_a_list_without_titles_does_not_join_the_next_clause() -> None:
    text = "Foreign Relations, 1961–1963, vols. V and VI; Memorandum, Rusk to Kennedy, May 5, 1961."
    five, six = in_clauses(text)
    assert ids([five, six]) == ["frus1961-63v05", "frus1961-63v06"]
    assert six.text == "VI"
