"""Which unit a title is: series, file unit, folder, entry title — in both orders.

The clauses are note text from the archival gold set (FRUS 1964–68 XXIX-2, the
Public Diplomacy volume, the slices, and the Chicago-order notes written for it).
"""

from __future__ import annotations

from typing import Any

import pytest

from archcite.grammar.archival import recognize
from archcite.model import ArchivalRef

UNITS = (
    "repository", "repository_as_cited", "place", "record_group", "entry", "collection",
    "series", "file_unit", "box", "folder", "reel", "lot", "file_number", "accession",
)  # fmt: skip


def ref_of(clause: str) -> ArchivalRef:
    found = recognize(clause)
    assert len(found) == 1, found
    assert found[0].archival is not None
    return found[0].archival


def units(ref: ArchivalRef, keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: getattr(ref, k) for k in keys}


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # d13fn3: a "… Meetings" title is the series; the volume starts the file unit.
        (
            "Johnson Library, National Security File, National Security Council Meetings, "
            "Vol. 2, April 1964 to July 1964",
            {"series": "National Security Council Meetings",
             "file_unit": "Vol. 2, April 1964 to July 1964"},
        ),
        # d82fn7: a title followed by another title is the series.
        (
            "Department of State, INR/IL Historical Files, EAP General, 1967 FE Weekly "
            "Meetings",
            {"series": "EAP General", "file_unit": "1967 FE Weekly Meetings"},
        ),
        # d57fn1, d100fn1: one title, or a date, after the collection is a file unit.
        (
            "Johnson Library, Papers of George Ball, Japan",
            {"series": None, "file_unit": "Japan"},
        ),
        (
            "Johnson Library, Meeting Notes File, November 4, 1967, Meeting with Foreign "
            "Policy Advisers",
            {"series": None,
             "file_unit": "November 4, 1967, Meeting with Foreign Policy Advisers"},
        ),
        # d7fn4: a title before the box is the series (its date span with it); a
        # volume after the box is the folder.
        (
            "Library of Congress, Papers of George Creel, Woodrow Wilson and the Committee "
            "on Public Information, 1917–1931, Box 1, Vol. I, 1917–1918, 1931",
            {"series": "Woodrow Wilson and the Committee on Public Information, 1917–1931",
             "file_unit": None, "box": "1", "folder": "Vol. I, 1917–1918, 1931"},
        ),
        # d62fn3: a title after a lot is a file unit, not the collection.
        (
            "National Archives and Records Administration, RG 59, Lot 72 D 139, Country "
            "Files",
            {"collection": None, "lot": "72 D 139", "file_unit": "Country Files"},
        ),
        # d23fn1 (PubDip): the entry title ends with its date span.
        (
            "National Archives, RG 63, Entry 133, Manuals Giving Psychological Estimates "
            "of Foreign Countries, Prepared by the Military Intelligence Branch of the "
            "General Staff, Feb.–June 1918, Costa Rica Psychologic Estimate",
            {"entry": "133",
             "collection": "Manuals Giving Psychological Estimates of Foreign Countries, "
             "Prepared by the Military Intelligence Branch of the General Staff, "
             "Feb.–June 1918",
             "file_unit": "Costa Rica Psychologic Estimate"},
        ),
    ],
)  # fmt: skip
def test_frus_order_units(clause: str, expected: dict[str, Any]) -> None:
    assert units(ref_of(clause), tuple(expected)) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # c12, c24: the one title between box and collection is the series.
        (
            'Walt Rostow to the President, memorandum, March 1968, folder "Rostow, vol. '
            '68," box 30, Memos to the President, National Security File, LBJ Library',
            {"collection": "National Security File", "series": "Memos to the President",
             "box": "30", "folder": "Rostow, vol. 68"},
        ),
        # c15, c27: collection names with a comma inside, known to the authority.
        (
            'Memorandum of conference with the President, May 28, 1959, folder "Meetings '
            'with the President, 1959 (3)," box 4, White House Office, Office of the '
            "Staff Secretary, Dwight D. Eisenhower Library",
            {"collection": "White House Office, Office of the Staff Secretary",
             "series": None, "box": "4"},
        ),
        (
            'George P. Shultz to Ronald Reagan, memorandum, "Managing Relations with the '
            'Soviets," January 19, 1983, folder "USSR (1/83–3/83)," box 23, Executive '
            "Secretariat, NSC: Country File, Ronald Reagan Presidential Library, Simi "
            "Valley, CA",
            {"collection": "Executive Secretariat, NSC: Country File", "series": None},
        ),
        # c23: the titles before the box keep their order as one file unit.
        (
            "Kissinger to Nixon, memorandum, March 3, 1971, Country Files, Far East, Korea, "
            "Vol. IV, box 543, NSC Files, Nixon Presidential Materials, National Archives, "
            "College Park, MD",
            {"collection": "Nixon Presidential Materials", "series": "NSC Files",
             "file_unit": "Country Files, Far East, Korea, Vol. IV", "box": "543",
             "folder": None},
        ),
        # c22: "NSC Files" is the Nixon Library's collection name, not rewritten.
        (
            'Henry A. Kissinger to Richard Nixon, memorandum, "Your Meeting with Prime '
            'Minister Sato," November 18, 1969, folder "Japan, Vol. I," box 535, Country '
            "Files—Far East, NSC Files, Richard Nixon Presidential Library, Yorba Linda, CA",
            {"collection": "NSC Files", "series": "Country Files—Far East"},
        ),
        # c34: a date span stays with its title; the entry title is the collection.
        (
            "Charles E. Bohlen to Dean Acheson, letter, 3 May 1951, Box 4, Records of "
            "Charles E. Bohlen, 1942–1952, Entry 1560, RG 59, National Archives, College "
            "Park, Maryland",
            {"record_group": "59", "entry": "1560",
             "collection": "Records of Charles E. Bohlen, 1942–1952", "series": None,
             "box": "4"},
        ),
        # c29: the record group's own title is not a collection.
        (
            "Rusk to the Embassy in Tokyo, telegram, February 21, 1962, 611.94/2–2162, "
            "Central Decimal File, 1960–63, Record Group 59, General Records of the "
            "Department of State, National Archives and Records Administration, College "
            "Park, MD",
            {"record_group": "59", "collection": "Central Decimal File, 1960–63",
             "file_number": "611.94/2–2162", "file_unit": None},
        ),
        # c37: "vol. I" in box 1; "D.C." after the city.
        (
            "George Creel to Edgar Sisson, letter, January 15, 1918, box 1, vol. I, George "
            "Creel Papers, Library of Congress, Washington, D.C.",
            {"collection": "George Creel Papers", "box": "1", "folder": "vol. I",
             "place": "Washington, DC"},
        ),
        # c40, c41: Kew is the place, not part of the repository's name.
        (
            "Harold Caccia to Selwyn Lloyd, telegram no. 1245, June 3, 1958, FO "
            "371/135904, The National Archives, Kew, UK.",
            {"repository_as_cited": "The National Archives", "place": "Kew, UK",
             "collection": "FO 371", "file_number": "FO 371/135904"},
        ),
        (
            "Cabinet conclusions, CC(62)42, 28 June 1962, CAB 128/36, The National "
            "Archives, Kew.",
            {"repository_as_cited": "The National Archives", "place": "Kew, UK",
             "file_number": "CAB 128/36"},
        ),
    ],
)  # fmt: skip
def test_chicago_order_units(note: str, expected: dict[str, Any]) -> None:
    assert units(ref_of(note), tuple(expected)) == expected


@pytest.mark.parametrize(
    ("clause", "file_number"),
    [
        # d36fn3, d17fn16 (PubDip): a decimal file without the document's slash.
        (
            "Telegrams documenting the Embassy’s complaints about CPI Commissioner "
            "Merriam, including Merriam’s disputes with Buckey, are in the National "
            "Archives, RG 59, Central Decimal File 1910–1929, Box 735, 103.93",
            "103.93",
        ),
        # d107fn9: a decimal subject file after the box.
        (
            "Washington National Records Center, OSD/OASD/ISA Files: FRC 330 71 A 4546, "
            "Box 24, 680.1 Bonin Islands",
            "680.1 Bonin Islands",
        ),
    ],
)
def test_filing_units_are_file_numbers(clause: str, file_number: str) -> None:
    ref = ref_of(clause)
    assert (ref.file_number, ref.folder) == (file_number, None)


def test_filing_unit_alone_is_not_a_citation() -> None:
    assert recognize("680.1 Bonin Islands") == []


def test_lead_sentences_before_in_the_repository() -> None:
    # d17fn16 (PubDip): prose before "in the National Archives" is not the citation.
    found = recognize(
        "There is additional documentation on the conflict between Whitehouse and "
        "Embassy officials in Bern in the National Archives, RG 59, Central Decimal File "
        "1910–1929, Box 736, 103.9302."
    )
    assert [c.text for c in found] == [
        "National Archives, RG 59, Central Decimal File 1910–1929, Box 736, 103.9302"
    ]
    assert found[0].role == "reference"
    # d29fn2 (PubDip): "both in the …" after two documents.
    found = recognize(
        "Letter from Sisson to Churchill, July 24, and letter from Churchill to Sisson, "
        "July 30; both in the National Archives, RG 63, Entry 105, Director’s Office of "
        "the Foreign Section, General Correspondence, Box 13, Military Intelligence and "
        "CPI Agreements"
    )
    assert len(found) == 1 and found[0].archival is not None
    assert found[0].text.startswith("National Archives, RG 63")
    assert (found[0].archival.entry, found[0].archival.box) == ("105", "13")
    # d56fn1 (1977–80 XVII-1): a place in prose, with no location after it.
    assert recognize("The conversation took place at the Department of State.") == []


def test_see_also_starts_a_second_citation() -> None:
    # c49: the clause after "; see also".
    ref = ref_of(
        "see also Thompson to Rusk, telegram, March 3, 1962, 611.61/3–362, Central "
        "Decimal File 1960–63, RG 59, National Archives."
    )
    assert (ref.record_group, ref.collection, ref.file_number) == (
        "59", "Central Decimal File 1960–63", "611.61/3–362",
    )  # fmt: skip
    assert ref.item.author == ("Thompson",) and ref.item.type == "telegram"


def test_description_before_a_semicolon_inside_the_clause() -> None:
    # d29fn1 (PubDip): the segmenter left "(Memorandum …; National Archives, …" whole.
    found = recognize(
        "Memorandum from Sisson to Creel; National Archives, RG 63, Entry 105, Director’s "
        "Office of the Foreign Section, General Correspondence, Box 7, Creel, Geo"
    )
    assert len(found) == 1 and found[0].archival is not None
    ref = found[0].archival
    assert found[0].text.startswith(
        "Memorandum from Sisson to Creel; National Archives"
    )
    assert (ref.repository_as_cited, ref.box) == ("National Archives", "7")
    assert (ref.item.type, ref.item.author, ref.item.recipient) == (
        "memorandum", ("Sisson",), ("Creel",),
    )  # fmt: skip


def test_prose_naming_a_repository_is_not_a_citation() -> None:
    # d32fn1 (PubDip)
    assert (
        recognize(
            "David A. Salmon was Chief of the Bureau of Indexes and Archives, Department "
            "of State."
        )
        == []
    )


def test_locators_before_ibid_are_left_to_the_ibid() -> None:
    # c50: "Another copy is in box 2, …, ibid." — the Ibid. names the repository.
    assert (
        recognize(
            "Another copy is in box 2, Memos to the President, McGeorge Bundy, ibid."
        )
        == []
    )


def test_chicago_short_form_is_kind_short() -> None:
    # n03: the issue's own short-form example; the resolver finds its antecedent.
    found = recognize("Rusk to Kennedy, February 20, 1962, NSF, JFKL.")
    assert len(found) == 1
    c = found[0]
    assert c.kind == "short" and c.archival is not None
    assert c.archival.repository == "John F. Kennedy Presidential Library"
    assert c.archival.item.author == ("Rusk",)
    # With the type and a box it is a full citation.
    full = recognize(
        'Rusk to Kennedy, memorandum, February 20, 1962, folder "USSR, General, 2/62," '
        "box 180, NSF, JFKL."
    )
    assert [x.kind for x in full] == ["archival"]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # PubDip app11fn1: a date span continues its title; no series.
        (
            "National Archives, RG 111, Records of the Office of the Chief Signal Officer "
            "(1960–1985), Documentary Films, ca. 1914–ca. 1944",
            {"series": None, "file_unit": "Documentary Films, ca. 1914–ca. 1944"},
        ),
        # FRUS 1964–68 XXIX-2: a date range before the box is a file unit, not a series.
        (
            "Johnson Library, President's Daily Diary, May 1, 1965 to September 30, 1965, "
            "Box 4",
            {"series": None, "file_unit": "May 1, 1965 to September 30, 1965", "box": "4"},
        ),
        # A title ending in a year is not split: the year is part of its name
        # ("Classified General Records, 1958"; docs/archival-fields.md).
        (
            "Johnson Library, Rusk Appointment Books, 1965",
            {"collection": "Rusk Appointment Books, 1965", "file_unit": None},
        ),
        (
            "National Archives, RG 84, Tokyo Embassy, Classified General Records, 1958, "
            "320 Japan-U.S., box 45",
            {"collection": "Tokyo Embassy", "series": "Classified General Records, 1958",
             "file_number": "320 Japan-U.S.", "box": "45"},
        ),
    ],
)  # fmt: skip
def test_dates_continue_units(clause: str, expected: dict[str, Any]) -> None:
    assert units(ref_of(clause), tuple(expected)) == expected


def test_copies_of_other_papers_are_references() -> None:
    # d62fn3: the copies are of the studies, not of the printed document.
    found = recognize(
        "Copies of those papers and related documentation are in the National Archives "
        "and Records Administration, RG 59, Lot 72 D 139, Country Files."
    )
    assert [c.role for c in found] == ["reference"]
    assert [
        c.role
        for c in recognize(
            "A copy is in the Johnson Library, Confidential File, CO 141."
        )
    ] == ["copy"]


def test_agency_and_office_before_an_accession_are_one_collection() -> None:
    # d31fn1 (as one clause; the segmenter currently cuts it at the semicolon).
    ref = ref_of(
        "Washington National Records Center, Department of Defense, OSD/OASD/ISA; FRC "
        "330 68 A 306, 560 Japan"
    )
    assert (ref.collection, ref.series, ref.accession, ref.file_number) == (
        "Department of Defense, OSD/OASD/ISA", None, "330 68 A 306", "560 Japan",
    )  # fmt: skip
