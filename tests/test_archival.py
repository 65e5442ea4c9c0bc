"""Archival recognizer: both orders, every family, roles, spans, refusals.

Notes marked "real" are copied from ../shared/corpus (tags stripped, whitespace
collapsed); the others are realistic notes written in the style of manuscripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from archcite.evaluation.archival import FIELDS as SCORED
from archcite.grammar.archival import parse_doc_item, recognize
from archcite.grammar.note import recognize_text
from archcite.model import ArchivalRef, Citation

# Every scored field that is not the cited document's (item.*).
FIELDS = tuple(f for f in SCORED if not f.startswith("item."))


def one(text: str) -> Citation:
    found = recognize(text)
    assert len(found) == 1, found
    c = found[0]
    assert c.kind == "archival" and c.archival is not None
    assert text[c.start : c.end] == c.text
    return c


def fields(ref: ArchivalRef) -> dict[str, Any]:
    return {f: getattr(ref, f) for f in FIELDS if getattr(ref, f) is not None}


JFKL = {"repository": "John F. Kennedy Presidential Library", "place": "Boston, MA"}
LBJL = {"repository": "Lyndon Baines Johnson Library", "place": "Austin, TX"}
NARA = {
    "repository": "National Archives and Records Administration",
    "place": "College Park, MD",
}

# (clause, expected fields besides repository_as_cited) — docs/archival-fields.md table
CANONICAL: list[tuple[str, dict[str, Any]]] = [
    (
        "Kennedy Library, National Security Files, Meetings and Memoranda Series, "
        "NSAM No. 129, U.S.-USSR Space Cooperation, Box 334",
        {**JFKL, "collection": "National Security Files",
         "series": "Meetings and Memoranda Series",
         "file_unit": "NSAM No. 129, U.S.-USSR Space Cooperation", "box": "334"},
    ),
    (
        "Johnson Library, National Security File, Country File, Vietnam, Vol. XII, Box 191",
        {**LBJL, "collection": "National Security File", "series": "Country File",
         "file_unit": "Vietnam, Vol. XII", "box": "191"},
    ),
    (
        "National Archives, RG 59, Central Decimal File 1910–1929, Box 736, 103.9302/12a",
        {**NARA, "record_group": "59", "collection": "Central Decimal File 1910–1929",
         "box": "736", "file_number": "103.9302/12a"},
    ),
    (
        "National Archives and Records Administration, RG 59, Central Files 1967–69, POL 27 VIET S",
        {**NARA, "record_group": "59", "collection": "Central Files 1967–69",
         "file_number": "POL 27 VIET S"},
    ),
    (
        "National Archives, RG 59, Central Foreign Policy File, P860029–2278",
        {**NARA, "record_group": "59", "collection": "Central Foreign Policy File",
         "file_number": "P860029–2278"},
    ),
    (
        "National Archives, RG 63, Entry 111, Correspondence of Arthur Wood, Box 1, "
        "Commission in Spain and Italy Frank J. Marion",
        {**NARA, "record_group": "63", "entry": "111", "collection": "Correspondence of Arthur Wood",
         "box": "1", "folder": "Commission in Spain and Italy Frank J. Marion"},
    ),
    (
        "National Archives, Nixon Presidential Materials, NSC Files, Box 542, Country Files, "
        "Far East, Korea, Vol. III, 6/70–Dec 70",
        {**NARA, "collection": "Nixon Presidential Materials", "series": "NSC Files",
         "box": "542", "file_unit": "Country Files, Far East, Korea, Vol. III, 6/70–Dec 70"},
    ),
    (
        "Department of State, Presidential Correspondence: Lot 66 D 204",
        {"repository": "Department of State",
         "collection": "Presidential Correspondence", "lot": "66 D 204"},
    ),
    (
        "Department of State, S/S Files: Lot 66 D 110",
        {"repository": "Department of State", "collection": "S/S Files", "lot": "66 D 110"},
    ),
    (
        "Washington National Records Center, OSD/OASD/ISA Files: FRC 330 72 A 2468, Okinawa 323.3",
        {"repository": "Washington National Records Center", "place": "Suitland, MD",
         "collection": "OSD/OASD/ISA Files", "accession": "330 72 A 2468",
         "file_number": "Okinawa 323.3"},
    ),
    (
        "Central Intelligence Agency, Job 79–01025A, Box 76, Folder 8",
        {"repository": "Central Intelligence Agency", "job": "79–01025A", "box": "76",
         "folder": "8"},
    ),
    (
        "Library of Congress, Papers of Woodrow Wilson, Series 2: Family and General "
        "Correspondence, 1786–1924, Reel 90, 1917 July 31–Aug. 29",
        {"repository": "Library of Congress", "place": "Washington, DC",
         "collection": "Papers of Woodrow Wilson",
         "series": "Series 2: Family and General Correspondence, 1786–1924", "reel": "90",
         "file_unit": "1917 July 31–Aug. 29"},
    ),
    (
        "Mudd Library, Dulles Papers, Box 12",
        {"repository": "Seeley G. Mudd Manuscript Library, Princeton University",
         "place": "Princeton, NJ", "collection": "Dulles Papers", "box": "12"},
    ),
    (
        "The National Archives, Kew, FO 371/135904",
        {"repository": "The National Archives", "place": "Kew, UK", "collection": "FO 371",
         "file_number": "FO 371/135904"},
    ),
    (
        "PRO, CAB 128/35",
        {"repository": "The National Archives", "place": "Kew, UK", "collection": "CAB 128",
         "file_number": "CAB 128/35"},
    ),
    ("File No. 861.51/131", {"file_number": "861.51/131"}),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "expected"), CANONICAL)
def test_canonical_families(clause: str, expected: dict[str, Any]) -> None:
    c = one(clause)
    assert c.status == "parsed"
    got = fields(c.archival)  # type: ignore[arg-type]
    got.pop("repository_as_cited", None)
    assert got == expected
    assert c.text == clause


def test_chicago_order_gives_the_same_fields_as_frus_order() -> None:
    chicago = one(
        'Dean Rusk to John F. Kennedy, memorandum, February 20, 1962, folder "USSR, '
        'General, 2/62," box 180, National Security Files, John F. Kennedy Presidential '
        "Library, Boston, MA."
    )
    frus = one(
        "Source: John F. Kennedy Presidential Library, National Security Files, Box 180, "
        "Folder USSR, General, 2/62."
    )
    a, b = chicago.archival, frus.archival
    assert a is not None and b is not None
    for f in ("repository", "place", "collection", "box", "folder"):
        assert getattr(a, f) == getattr(b, f), f
    assert a.folder == "USSR, General, 2/62"
    assert a.item.type == "memorandum"
    assert a.item.author == ("Dean Rusk",)
    assert a.item.recipient == ("John F. Kennedy",)
    assert a.item.date == "1962-02-20"
    assert chicago.text.endswith("Boston, MA")


def test_chicago_order_with_series_and_record_group() -> None:
    c = one(
        "Rusk to Embassy Tokyo, telegram, March 3, 1966, POL 7 JAPAN, Central Files 1964–66, "
        "RG 59, National Archives, College Park, MD"
    )
    ref = c.archival
    assert ref is not None
    assert (ref.record_group, ref.collection, ref.file_number) == (
        "59", "Central Files 1964–66", "POL 7 JAPAN",
    )  # fmt: skip
    assert ref.item.type == "telegram" and ref.item.date == "1966-03-03"
    c = one('folder "Japan," box 12, Country File, National Security File, LBJL.')
    ref = c.archival
    assert ref is not None
    assert (ref.repository_id, ref.collection, ref.series, ref.box, ref.folder) == (
        "lbjl", "National Security File", "Country File", "12", "Japan",
    )  # fmt: skip


def test_abbreviation_expanded_per_repository_and_kept_as_cited() -> None:
    c = one("LBJL, NSF, Country File, Japan, Vol. VII, Box 250")
    assert c.archival is not None
    assert c.archival.collection == "National Security File"
    assert c.archival.repository_as_cited == "LBJL"
    c = one("JFKL, NSF, Countries Series, USSR, Box 180")
    assert c.archival is not None and c.archival.collection == "National Security Files"


@pytest.mark.parametrize(
    ("clause", "role", "text"),
    [
        (
            "Source: Department of State, Presidential Correspondence: Lot 66 D 204.",
            "source",
            "Department of State, Presidential Correspondence: Lot 66 D 204",
        ),
        (  # real: frus1961-63v06 d3
            "Another copy of this message is in the Kennedy Library, National Security "
            "Files, Countries Series, USSR, Khrushchev Correspondence.",
            "copy",
            "Kennedy Library, National Security Files, Countries Series, USSR, Khrushchev "
            "Correspondence",
        ),
        (
            "A copy is in the Eisenhower Library, Whitman File, NSC Series, Box 9.",
            "copy",
            "Eisenhower Library, Whitman File, NSC Series, Box 9",
        ),
        (  # real: frus1964-68v29p2 d93fn4
            "The memorandum from Rusk, August 31, is in the Johnson Library, Confidential File.",
            "reference",
            "Johnson Library, Confidential File",
        ),
        (  # real: frus1964-68v29p2 d53fn2, a standalone parenthesis
            "Johnson Library, President's Daily Diary, May 1, 1965 to September 30, 1965, Box 4",
            "reference",
            "Johnson Library, President's Daily Diary, May 1, 1965 to September 30, 1965, Box 4",
        ),
        (
            "[Source: Johnson Library, National Security File, Files of Robert Komer, Japan, "
            "January 1964 to March 1966.",
            "source",
            "Johnson Library, National Security File, Files of Robert Komer, Japan, January "
            "1964 to March 1966",
        ),
    ],
)
def test_roles_and_spans_exclude_lead_ins(clause: str, role: str, text: str) -> None:
    c = one(clause)
    assert c.role == role
    assert c.text == text


def test_two_repositories_in_one_clause() -> None:
    # real: frus1964-68v29p2 d23fn2
    clause = (
        "Documentation pertaining to the work of the Kaysen Task Force September 1961–March "
        "1962 is in the National Archives and Records Administration, RG 59, Central Files "
        "1961–63, 794C.0221, and Kennedy Library, National Security Files, Countries Series, "
        "Ryukyu Islands."
    )
    found = recognize(clause)
    assert [c.archival.repository_id for c in found if c.archival] == ["nara", "jfkl"]
    assert (
        found[0].archival is not None and found[0].archival.file_number == "794C.0221"
    )
    assert (
        found[1].text
        == "Kennedy Library, National Security Files, Countries Series, Ryukyu Islands"
    )


def test_commas_and_dates_inside_units() -> None:
    # real: frus1917-72PubDip d8
    c = one(
        "Source: National Archives, RG 63, Entry 106, Correspondence, Cables, Reports, and "
        "Newspapers Received from Employees of the Committee Abroad, Nov. 1917–Apr. 1919, "
        "Box 2, Bullard—Sisson—Russia—Cables"
    )
    ref = c.archival
    assert ref is not None
    assert ref.collection == (
        "Correspondence, Cables, Reports, and Newspapers Received from Employees of the "
        "Committee Abroad, Nov. 1917–Apr. 1919"
    )
    assert (ref.box, ref.folder) == ("2", "Bullard—Sisson—Russia—Cables")
    c = one(
        "Johnson Library, Meeting Notes File, November 4, 1967, Meeting with Foreign Policy Advisers"
    )
    assert c.archival is not None
    assert (
        c.archival.file_unit == "November 4, 1967, Meeting with Foreign Policy Advisers"
    )


def test_classification_in_the_same_clause_and_initials_keep_their_period() -> None:
    # real: frus1917-72PubDip; "Joseph C." stops the sentence splitter
    c = one(
        "Source: National Archives, RG 63, Entry 1, General Correspondence of George Creel, "
        "Box 3, Brulator, Joseph C. No classification marking."
    )
    assert c.archival is not None
    assert c.archival.folder == "Brulator, Joseph C."
    assert c.archival.classification == "No classification marking"
    c = one(
        "Source: Johnson Library, National Security File, Country File, Japan, Vol. I."
    )
    assert c.archival is not None and c.archival.file_unit == "Japan, Vol. I"


def test_hereafter_declares_and_stays_out_of_fields() -> None:
    c = one(
        "Kennedy Library, National Security Files, Countries Series, USSR (hereafter cited "
        "as JFKL, NSF), Box 180"
    )
    assert c.declares == "JFKL, NSF"
    assert c.archival is not None
    assert c.archival.file_unit == "USSR" and c.archival.box == "180"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Job 79–01025A, Box 76, Folder 8", {"job": "79–01025A", "box": "76", "folder": "8"}),
        ("CIA, DCI Files, Job 80–B01285A", {"collection": "DCI Files", "job": "80–B01285A"}),
        ("RG 59, Central Files 1964–66, POL 23 JAPAN–US and DEF 1 JAPAN–US",
         {"record_group": "59", "collection": "Central Files 1964–66",
          "file_number": "POL 23 JAPAN–US and DEF 1 JAPAN–US"}),
        ("RG 59, Central Decimal File, 611.61/2–2162",
         {"record_group": "59", "collection": "Central Decimal File", "file_number": "611.61/2–2162"}),
        ("Yale University Library, Stimson Papers, Microfilm, Reel 128, frames 12–14",
         {"collection": "Stimson Papers", "reel": "128", "frames": "12–14"}),
        ("Washington National Records Center, RG 330, OSD/OASD/ISA Files: FRC 68 A 306, 333 Japan",
         {"record_group": "330", "collection": "OSD/OASD/ISA Files", "accession": "68 A 306",
          "file_number": "333 Japan"}),
    ],
)  # fmt: skip
def test_locator_families(clause: str, expected: dict[str, Any]) -> None:
    c = one(clause)
    got = fields(c.archival)  # type: ignore[arg-type]
    for k, v in expected.items():
        assert got.get(k) == v, k


def test_repositoryless_fragment_is_partial() -> None:
    c = one("RG 59, Central Files 1964–66, POL 7 JAPAN")
    assert c.status == "partial"
    assert c.archival is not None and c.archival.repository is None


def test_legacy_decimal_line_is_complete() -> None:
    c = one("500.A15a3/621: Telegram")
    assert c.status == "parsed"
    assert c.archival is not None
    assert (
        c.archival.file_number == "500.A15a3/621" and c.archival.item.type == "telegram"
    )
    c = one("462.00R296 Bank for International Settlements/86")
    assert c.archival is not None
    assert c.archival.file_number == "462.00R296 Bank for International Settlements/86"


def test_unknown_repository_is_kept_not_dropped() -> None:
    c = one("Source: Naval War College, Naval Historical Collection, Box 4, Folder 2.")
    ref = c.archival
    assert ref is not None
    assert ref.repository == ref.repository_as_cited == "Naval War College"
    assert not ref.in_authority and ref.repository_id is None
    assert (ref.collection, ref.box, ref.folder) == (
        "Naval Historical Collection",
        "4",
        "2",
    )


def test_chicago_unknown_repository_takes_cited_place() -> None:
    c = one(
        "Smith to Jones, letter, May 2, 1950, box 3, Jones Papers, Hagley Museum, Wilmington, DE"
    )
    ref = c.archival
    assert ref is not None
    assert ref.repository == "Hagley Museum" and ref.place == "Wilmington, DE"
    assert (ref.collection, ref.box) == ("Jones Papers", "3")


@pytest.mark.parametrize(
    "clause",
    [
        "The Department of State copy indicates the memorandum was drafted by Sneider.",
        "State Department officials met with the Ambassador.",
        "Swenson was Professor of Philosophy at the University of Minnesota in Minneapolis.",
        "The University of Alabama Press, 1984",
        "Not printed.",
        "Ibid., Box 757, Presidential Correspondence 1969–1974",
        "Also printed in Public Papers of the Presidents: John F. Kennedy, 1961, p. 3.",
        "Memorandum from McNaughton to McNamara, June 1",
        "",
        "((((",
    ],
)
def test_refusals(clause: str) -> None:
    assert recognize(clause) == []


def test_ibid_tail_is_left_out() -> None:
    c = recognize(
        "Johnson Library, President's Daily Diary, and ibid., Rusk Appointment Books, 1967"
    )
    assert [x.text for x in c] == ["Johnson Library, President's Daily Diary"]


def test_parse_doc_item() -> None:
    item = parse_doc_item("Memorandum from McNaughton to McNamara, June 1")
    assert item is not None
    assert (item.type, item.author, item.recipient, item.date) == (
        "memorandum", ("McNaughton",), ("McNamara",), "June 1",
    )  # fmt: skip
    assert parse_doc_item("The meeting lasted an hour") is None


def test_pipeline_attaches_following_classification() -> None:
    cites = recognize_text(
        "Source: National Archives, Nixon Presidential Materials, NSC Files, Box 542, "
        "Country Files, Far East, Korea, Vol. III, 6/70–Dec 70. Top Secret; Nodis."
    )
    arch = [c for c in cites if c.kind == "archival"]
    assert len(arch) == 1 and arch[0].archival is not None
    assert arch[0].archival.classification == "Top Secret; Nodis"


def _plain(xml: str) -> str:
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", xml)).split())


def test_every_source_note_of_the_1964_68_volume(shared_dir: Path) -> None:
    """Each source note of frus1964-68v29p2 yields an archival source citation."""
    import json

    path = shared_dir / "corpus" / "frus-notes" / "frus1964-68v29p2.notes.jsonl"
    seen = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["type"] != "source":
            continue
        text = _plain(rec["xml"])
        cites = [c for c in recognize_text(text) if c.kind == "archival"]
        assert cites, text
        first = cites[0]
        assert first.role == "source" and first.archival is not None, text
        assert first.archival.repository_id is not None or first.status == "partial", (
            text
        )
        seen += 1
    assert seen == 105


def test_never_raises_on_odd_input() -> None:
    for text in [
        "Box",
        "Lot",
        "RG",
        ", , ,",
        "Source:",
        "“Box 3,",
        "(((RG 59",
        "\x00Box 1",
    ]:
        assert isinstance(recognize(text), list)


@pytest.mark.parametrize(
    ("clause", "cited"),
    [
        (
            "Source: Harvard University, Houghton Library, Papers of Joseph C. Grew, Box 3.",
            "Harvard University, Houghton Library",
        ),
        (
            "Harvard University, Houghton Library, Papers of Joseph C. Grew, Box 3.",
            "Harvard University, Houghton Library",
        ),
        ("Houghton Library, Papers of Joseph C. Grew, Box 3.", "Houghton Library"),
    ],
)
def test_papers_of_a_person_at_a_repository_is_a_collection(
    clause: str, cited: str
) -> None:
    found = recognize_text(clause)
    assert [c.kind for c in found] == ["archival"]
    ref = found[0].archival
    assert ref is not None
    assert (ref.repository, ref.repository_as_cited, ref.place) == (
        "Houghton Library, Harvard University",
        cited,
        "Cambridge, MA",
    )
    assert (ref.collection, ref.box, ref.item.type) == (
        "Papers of Joseph C. Grew",
        "3",
        None,
    )


def test_parent_university_before_a_known_repository() -> None:
    # "Yale University, Sterling Library" is not a variant in the authority:
    # the university is read as the parent of the library it names.
    (c,) = recognize("Yale University, Sterling Library, Stimson Papers, Box 4")
    assert c.archival is not None
    assert (c.archival.repository_id, c.archival.repository_as_cited) == (
        "yale",
        "Yale University, Sterling Library",
    )
    assert (c.archival.collection, c.archival.box) == ("Stimson Papers", "4")


@pytest.mark.parametrize(
    "clause",
    [
        "Papers of Joseph C. Grew, Box 3.",
        "Papers of Joseph C. Grew, Series 1, Reel 4.",
    ],
)
def test_papers_of_a_person_with_locators_is_not_a_document(clause: str) -> None:
    (c,) = recognize_text(clause)
    assert c.kind == "archival" and c.archival is not None
    assert (c.archival.collection, c.archival.item.type) == (
        "Papers of Joseph C. Grew",
        None,
    )
