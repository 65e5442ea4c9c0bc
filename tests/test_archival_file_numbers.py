"""Numbers that are file numbers, not collections: JCS papers, conference
files, and a lot file named after a dated series (issue 11)."""

from __future__ import annotations

import pytest

from archcite.grammar.locators import classify
from archcite.grammar.note import recognize_text
from archcite.model import ArchivalRef


def arch(text: str) -> ArchivalRef:
    found = [c for c in recognize_text(text) if c.kind == "archival"]
    assert len(found) == 1, recognize_text(text)
    assert found[0].archival is not None
    return found[0].archival


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
