"""One name splitter and one date converter for every CSL-JSON name and date:
archival authors and recipients, published authors and editors, FRUS editors
from the catalog, Zotero dates."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archcite.authority.catalog import catalog
from archcite.csl import published_csl
from archcite.csl.archival import archival_to_csl
from archcite.csl.dates import csl_date, date_to_edtf
from archcite.csl.names import csl_name, split_name
from archcite.export.zotero import from_zotero, to_zotero
from archcite.model import ArchivalRef, DocItem, Person, PublishedRef


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # archival authors and recipients (Chicago and FRUS notes)
        ("Dean Rusk", {"family": "Rusk", "given": "Dean"}),
        ("Rusk", {"family": "Rusk"}),
        ("U. Alexis Johnson", {"family": "Johnson", "given": "U. Alexis"}),
        ("James C. Thomson, Jr.", {"family": "Thomson", "given": "James C.", "suffix": "Jr."}),
        ("Ludwig van Beethoven", {"non-dropping-particle": "van", "family": "Beethoven",
                                  "given": "Ludwig"}),
        ("Charles de Gaulle", {"non-dropping-particle": "de", "family": "Gaulle",
                               "given": "Charles"}),
        ("the President", {"literal": "the President"}),
        ("Embassy in Tokyo", {"literal": "Embassy in Tokyo"}),
        ("the Chairman, Joint Chiefs of Staff",
         {"literal": "the Chairman, Joint Chiefs of Staff"}),
        ("the Chairman of the JCS", {"literal": "the Chairman of the JCS"}),
        # published authors and editors
        ("Walter A. McDougall", {"family": "McDougall", "given": "Walter A."}),
        ("Leary", {"family": "Leary"}),
        # FRUS editors as the catalog records them
        ("Daniel J. Lawler", {"family": "Lawler", "given": "Daniel J."}),
        ("William F. Sanford, Jr.", {"family": "Sanford", "given": "William F.",
                                     "suffix": "Jr."}),
        ("Henry P. Beers.", {"family": "Beers", "given": "Henry P."}),
        ("Keefer, Edward C.", {"family": "Keefer", "given": "Edward C."}),
        ("Kane, N. Stephen", {"family": "Kane", "given": "N. Stephen"}),
        ("W. Taylor Fain III", {"family": "Fain", "given": "W. Taylor", "suffix": "III"}),
        ("James C. Van Hook", {"family": "Van Hook", "given": "James C."}),
        ("Robert J . McMahon", {"family": "McMahon", "given": "Robert J."}),
        ("Aandahl", {"family": "Aandahl"}),
    ],
)  # fmt: skip
def test_names(name: str, expected: dict[str, str]) -> None:
    assert csl_name(name) == expected


def test_split_name_keeps_the_name_as_cited() -> None:
    assert split_name("Henry P. Beers.") == Person(
        "Henry P. Beers.", family="Beers", given="Henry P."
    )
    assert split_name("Embassy in  Tokyo") == Person("Embassy in Tokyo")


def test_every_catalog_editor_splits_or_stays_literal_on_purpose() -> None:
    editors = {e for vol in catalog() for e in vol.editors}
    assert editors
    for editor in editors:
        person = split_name(editor)
        assert person.family is not None, editor
        assert "," not in person.family and not person.family.endswith("."), editor


def test_the_three_mappings_use_the_one_splitter() -> None:
    name = "William F. Sanford, Jr."
    expected = [csl_name(name)]
    archival = archival_to_csl(ArchivalRef(item=DocItem(author=(name,))))
    published = published_csl(PublishedRef(title="A Book", author=(name,)))
    assert published is not None
    assert archival["author"] == published["author"] == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("1962-02-20", {"date-parts": [[1962, 2, 20]]}),  # archival, made ISO
        ("1962-02", {"date-parts": [[1962, 2]]}),
        ("June 1", {"literal": "June 1"}),  # archival, partial as cited
        ("1985", {"date-parts": [[1985]]}),  # published year
        ("1985a", {"date-parts": [[1985]]}),
        ("August 12, 1917", {"date-parts": [[1917, 8, 12]]}),  # published, as cited
        ("5 March 1962", {"date-parts": [[1962, 3, 5]]}),
        ("1917/1919", {"date-parts": [[1917], [1919]]}),  # Zotero EDTF
        ("February 20, 1962", {"date-parts": [[1962, 2, 20]]}),  # Zotero, typed
        ("n.d.", {"literal": "n.d."}),
        ("12", {"literal": "12"}),
    ],
)
def test_dates(date: str, expected: dict[str, Any]) -> None:
    assert csl_date(date) == expected


def test_the_three_date_paths_agree() -> None:
    archival = archival_to_csl(ArchivalRef(item=DocItem(date="1962-02-20")))
    published = published_csl(PublishedRef(title="A Book", date="February 20, 1962"))
    zotero = from_zotero({"itemType": "letter", "date": "February 20, 1962"})
    assert published is not None
    assert archival["issued"] == published["issued"] == zotero["issued"]


@given(st.dates())
def test_dates_round_trip_through_edtf_and_zotero(day: Any) -> None:
    iso = day.isoformat()
    issued = csl_date(iso)
    assert date_to_edtf(issued) == iso
    item = to_zotero({"id": "x", "type": "manuscript", "issued": issued})
    assert from_zotero(item)["issued"] == issued
