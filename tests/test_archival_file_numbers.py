"""Numbers that are file numbers, not collections: JCS papers, conference
files, and a lot file named after a dated series (issue 11)."""

from __future__ import annotations

import pytest
from archival_fixtures import arch

from archcite.grammar.locators import classify


@pytest.mark.parametrize(
    "number", ["JCS 1844/46", "JCS 2101/113", "JCS 570/40", "CF 2044"]
)
def test_jcs_papers_and_conference_files_are_file_numbers(number: str) -> None:
    loc = classify(number)
    assert loc is not None and loc.kind == "filing"


def test_a_jcs_paper_after_its_decimal_file() -> None:
    ref = arch("National Archives, RG 218, JCS Records, CCS 092 (8-22-46), JCS 1769/1.")
    assert ref.collection == "JCS Records"
    assert ref.file_number == "CCS 092 (8-22-46), JCS 1769/1"


def test_a_conference_file_after_its_lot() -> None:
    ref = arch("Department of State, Conference Files: Lot 64 D 560, CF 1911.")
    assert (ref.collection, ref.lot, ref.file_number) == (
        "Conference Files",
        "64 D 560",
        "CF 1911",
    )


def test_a_lot_after_a_dated_series() -> None:
    ref = arch(
        "Department of State, Records of the Policy Planning Staff, 1957–1961: "
        "Lot 67 D 548, Africa."
    )
    assert ref.collection == "Records of the Policy Planning Staff, 1957–1961"
    assert (ref.lot, ref.file_unit) == ("67 D 548", "Africa")


def test_a_year_alone_is_no_file_number() -> None:
    assert classify("1962–1964") is None


# -- the same numbers in Chicago order, smallest unit first --------------------


@pytest.mark.parametrize(
    ("chicago", "frus"),
    [
        (
            "JCS 1844/46, Records of the Joint Chiefs of Staff, Record Group 218, "
            "National Archives.",
            "National Archives, Record Group 218, Records of the Joint Chiefs of Staff, "
            "JCS 1844/46.",
        ),
        (
            "JCS 570/40, CCS 092 (8-22-46), JCS Records, RG 218, National Archives.",
            "National Archives, RG 218, JCS Records, CCS 092 (8-22-46), JCS 570/40.",
        ),
    ],
)
def test_a_jcs_paper_is_a_file_number_in_either_order(chicago: str, frus: str) -> None:
    small_first, large_first = arch(chicago), arch(frus)
    assert small_first.file_number is not None
    assert small_first.file_number.endswith(("JCS 1844/46", "JCS 570/40"))
    assert small_first.item.title is None
    assert small_first == large_first


def test_a_jcs_paper_before_its_title_and_date() -> None:
    ref = arch(
        'JCS 2101/113, "Defense of Japan," March 3, 1954, Record Group 218, '
        "National Archives."
    )
    assert ref.file_number == "JCS 2101/113"
    assert (ref.item.title, ref.item.date) == ("Defense of Japan", "1954-03-03")


def test_a_jcs_paper_after_the_type_joins_the_decimal_file() -> None:
    ref = arch(
        "Memorandum, JCS 1844/46, March 3, 1949, CCS 092 Asia (6-25-48), RG 218, "
        "National Archives."
    )
    assert ref.file_number == "CCS 092 Asia (6-25-48), JCS 1844/46"
    assert (ref.item.type, ref.item.title, ref.item.date) == (
        "memorandum",
        None,
        "1949-03-03",
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Numbered papers that are no file: the document's name, as before.
        (
            "NSC 68, Records of the National Security Council, RG 273, National Archives.",
            "NSC 68",
        ),
        ("NSAM No. 263, National Security Files, JFKL.", "NSAM No. 263"),
    ],
)
def test_other_numbered_papers_stay_the_title(text: str, title: str) -> None:
    ref = arch(text)
    assert ref.item.title == title and ref.file_number is None


# -- a lot file named first, the repository last ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Records of the Policy Planning Staff, 1962–1964: Lot 70 D 199, Europe, "
        "National Archives.",
        "Department of State, Records of the Policy Planning Staff, 1962–1964: "
        "Lot 70 D 199, Europe.",
    ],
)
def test_a_lot_file_named_first_keeps_its_order(text: str) -> None:
    ref = arch(text)
    assert ref.collection == "Records of the Policy Planning Staff, 1962–1964"
    assert (ref.lot, ref.file_unit) == ("70 D 199", "Europe")
    assert ref.repository is not None


@pytest.mark.parametrize(
    "text",
    [
        "S/P Files: Lot 64 D 563, Europe, RG 59, National Archives.",  # named lot
        "S/P Files, Lot 64 D 563, Europe, RG 59, National Archives.",  # name, then lot
        "Europe, S/P Files, Lot 64 D 563, RG 59, National Archives.",  # smallest first
    ],
)
def test_the_file_in_a_lot_in_either_order(text: str) -> None:
    ref = arch(text)
    assert (ref.collection, ref.lot, ref.file_unit, ref.record_group) == (
        "S/P Files",
        "64 D 563",
        "Europe",
        "59",
    )


def test_a_chicago_location_with_a_box_is_still_reversed() -> None:
    ref = arch(
        "Europe, box 3, Records of the Policy Planning Staff, 1962–1964, "
        "Lot 70 D 199, RG 59, National Archives."
    )
    assert ref.box == "3" and ref.lot == "70 D 199"
    assert ref.collection == "Records of the Policy Planning Staff, 1962–1964"
