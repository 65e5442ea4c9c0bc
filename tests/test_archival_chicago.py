"""Chicago-order archival citations beyond the development gold set.

The cases are written for these tests in the style of published diplomatic
histories (document types outside a fixed list, several recipients, foreign
and university repositories with trailing places, series before the box,
collection names with commas); none is taken from a gold set.
"""

from __future__ import annotations

from typing import Any

import pytest

from archcite.grammar.archival import recognize
from archcite.grammar.note import recognize_text
from archcite.model import ArchivalRef, Citation


def one(clause: str) -> Citation:
    found = recognize(clause)
    assert len(found) == 1, found
    return found[0]


def fields(ref: ArchivalRef | None) -> dict[str, Any]:
    assert ref is not None
    out: dict[str, Any] = {
        k: getattr(ref, k)
        for k in ("repository", "repository_as_cited", "place", "record_group",
                  "collection", "series", "file_unit", "box", "folder", "lot",
                  "file_number", "job")
    }  # fmt: skip
    item = ref.item
    out |= {
        "type": item.type,
        "author": item.author,
        "recipient": item.recipient,
        "date": item.date,
        "title": item.title,
    }
    return {k: v for k, v in out.items() if v}


EISENHOWER = {
    "repository": "Dwight D. Eisenhower Presidential Library",
    "repository_as_cited": "Eisenhower Library",
    "place": "Abilene, KS",
}


# ---- 1. the type slot is open ------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "item"),
    [
        ("Eisenhower, diary, January 10, 1956, box 9, DDE Diary Series, Ann Whitman "
         "File, Eisenhower Library.",
         {"type": "diary", "author": ("Eisenhower",), "date": "1956-01-10"}),
        ("Ann Whitman, desk diary, March 3, 1955, box 3, Ann Whitman Diary Series, Ann "
         "Whitman File, Eisenhower Library.",
         {"type": "desk diary", "author": ("Ann Whitman",), "date": "1955-03-03"}),
        ("Goodpaster, memorandum for the record, May 5, 1957, box 23, DDE Diary Series, "
         "Ann Whitman File, Eisenhower Library.",
         {"type": "memorandum for the record", "author": ("Goodpaster",),
          "date": "1957-05-05"}),
        ("Dulles, memorandum for the file, June 1, 1954, box 8, Dulles-Herter Series, "
         "Ann Whitman File, Eisenhower Library.",
         {"type": "memorandum for the file", "author": ("Dulles",), "date": "1954-06-01"}),
        # Detail after the type's own phrase is dropped from the type.
        ("Gleason, memorandum of discussion at the 150th NSC meeting, June 4, 1953, "
         "box 4, NSC Series, Ann Whitman File, Eisenhower Library.",
         {"type": "memorandum of discussion", "author": ("Gleason",),
          "date": "1953-06-04"}),
        # The addressee of "Memorandum for …" is the recipient, not the type.
        ("Cutler, Memorandum for the Director, May 1, 1954, box 10, NSC Series, Ann "
         "Whitman File, Eisenhower Library.",
         {"type": "memorandum", "author": ("Cutler",), "recipient": ("the Director",),
          "date": "1954-05-01"}),
        ("Joint Chiefs of Staff, policy guidance, April 2, 1954, box 9, NSC Series, Ann "
         "Whitman File, Eisenhower Library.",
         {"type": "policy guidance", "author": ("Joint Chiefs of Staff",),
          "date": "1954-04-02"}),
        ("Hagerty, minute, July 9, 1954, box 3, Cabinet Series, Ann Whitman File, "
         "Eisenhower Library.",
         {"type": "minute", "author": ("Hagerty",), "date": "1954-07-09"}),
        ("Draft, memorandum for the President, October 20, 1955, box 15, NSC Series, "
         "Ann Whitman File, Eisenhower Library.",
         {"type": "draft memorandum", "recipient": ("the President",),
          "date": "1955-10-20"}),
        ("Dulles to Eisenhower, talking points, February 1, 1956, box 4, Dulles-Herter "
         "Series, Ann Whitman File, Eisenhower Library.",
         {"type": "talking points", "author": ("Dulles",), "recipient": ("Eisenhower",),
          "date": "1956-02-01"}),
        ("Dulles to Eisenhower, aide-mémoire, October 3, 1956, box 8, Dulles-Herter "
         "Series, Ann Whitman File, Eisenhower Library.",
         {"type": "aide-mémoire", "author": ("Dulles",), "recipient": ("Eisenhower",),
          "date": "1956-10-03"}),
        ("Dulles to Eisenhower, briefing paper, June 1, 1956, box 6, Dulles-Herter "
         "Series, Ann Whitman File, Eisenhower Library.",
         {"type": "briefing paper", "author": ("Dulles",), "recipient": ("Eisenhower",),
          "date": "1956-06-01"}),
        # An unlisted noun phrase in the type slot.
        ("Stassen, progress report, May 2, 1956, box 9, NSC Series, Ann Whitman File, "
         "Eisenhower Library.",
         {"type": "progress report", "author": ("Stassen",), "date": "1956-05-02"}),
    ],
)  # fmt: skip
def test_open_type_slot(clause: str, item: dict[str, Any]) -> None:
    c = one(clause)
    assert c.kind == "archival"
    got = fields(c.archival)
    assert {k: got.get(k) for k in item} == item
    for k, v in EISENHOWER.items():
        assert got[k] == v


@pytest.mark.parametrize(
    "clause",
    [
        # Prose in the type slot: a finite verb, a participle, a pronoun.
        "Eisenhower, who was tired, May 1, 1956, box 9, Ann Whitman File, Eisenhower "
        "Library.",
        "Eisenhower, it was decided, May 1, 1956, box 9, Ann Whitman File, Eisenhower "
        "Library.",
    ],
)
def test_prose_in_the_type_slot_is_refused(clause: str) -> None:
    assert not [c for c in recognize(clause) if c.kind == "archival"]


def test_an_earlier_name_is_the_author_when_the_repository_ends_the_note() -> None:
    c = one("State Department, policy guidance, April 2, 1962, box 113, NSF, JFKL.")
    got = fields(c.archival)
    assert got["repository_as_cited"] == "JFKL"
    assert got["collection"] == "National Security Files"
    assert (got["type"], got["author"]) == ("policy guidance", ("State Department",))


# ---- 2. several recipients or participants --------------------------------------


@pytest.mark.parametrize(
    ("clause", "author", "recipient"),
    [
        ("Acheson to Truman and Harriman, letter, May 2, 1950, box 65, Acheson Papers, "
         "Truman Library.", ("Acheson",), ("Truman", "Harriman")),
        ("Acheson to Truman, Harriman, and Lovett, letter, May 2, 1950, box 65, Acheson "
         "Papers, Truman Library.", ("Acheson",), ("Truman", "Harriman", "Lovett")),
        ("Dean Acheson to Harry S. Truman, W. Averell Harriman, and Robert A. Lovett, "
         "memorandum, May 2, 1950, box 65, Acheson Papers, Truman Library.",
         ("Dean Acheson",), ("Harry S. Truman", "W. Averell Harriman", "Robert A. Lovett")),
    ],
)  # fmt: skip
def test_several_recipients(
    clause: str, author: tuple[str, ...], recipient: tuple[str, ...]
) -> None:
    ref = one(clause).archival
    assert ref is not None
    assert (ref.item.author, ref.item.recipient) == (author, recipient)
    assert ref.collection == "Acheson Papers" and ref.box == "65"


@pytest.mark.parametrize(
    "clause",
    [
        "Memorandum of conversation, Ford, Kissinger, and Scowcroft, August 10, 1974, "
        "box 4, Memoranda of Conversations, National Security Adviser, Ford Library.",
        "Memorandum of conversation, Ford, Kissinger, Scowcroft, August 10, 1974, box 4, "
        "Memoranda of Conversations, National Security Adviser, Ford Library.",
    ],
)
def test_participants_are_neither_author_nor_recipient(clause: str) -> None:
    ref = one(clause).archival
    assert ref is not None
    assert ref.item.type == "memorandum of conversation"
    assert (ref.item.author, ref.item.recipient) == ((), ())
    assert ref.item.date == "1974-08-10"
    assert (ref.collection, ref.series, ref.box) == (
        "National Security Adviser",
        "Memoranda of Conversations",
        "4",
    )


def test_a_list_of_titles_is_not_read_as_recipients() -> None:
    # No closing "and X" and no date after: "NSF" is the collection.
    ref = one("Rusk to Kennedy, telegram, NSF, JFKL.").archival
    assert ref is not None and ref.collection == "National Security Files"
    assert ref.item.recipient == ("Kennedy",)


# ---- 3. repositories and trailing places ------------------------------------------


@pytest.mark.parametrize(
    ("clause", "repository", "as_cited", "place"),
    [
        ("Dulles to Eisenhower, letter, May 4, 1953, box 12, John Foster Dulles Papers, "
         "Mudd Manuscript Library, Princeton, New Jersey.",
         "Seeley G. Mudd Manuscript Library, Princeton University",
         "Mudd Manuscript Library", "Princeton, NJ"),
        ("Dulles to Eisenhower, letter, May 4, 1953, box 12, John Foster Dulles Papers, "
         "Seeley G. Mudd Manuscript Library, Princeton, NJ.",
         "Seeley G. Mudd Manuscript Library, Princeton University",
         "Seeley G. Mudd Manuscript Library", "Princeton, NJ"),
        ("Makins to Eden, telegram, June 3, 1954, FO 371/109100, National Archives of "
         "the United Kingdom, Kew, London.",
         "The National Archives", "National Archives of the United Kingdom", "Kew, UK"),
        ("Makins to Eden, telegram, June 3, 1954, FO 371/109100, The National Archives "
         "of the UK, Kew.",
         "The National Archives", "The National Archives of the UK", "Kew, UK"),
        ("Makins to Eden, telegram, June 3, 1954, FO 371/109100, The National Archives, "
         "Kew, London.", "The National Archives", "The National Archives", "Kew, UK"),
        ("Makins to Eden, telegram, June 3, 1954, PREM 11/645, Public Record Office, "
         "London.", "The National Archives", "Public Record Office", "Kew, UK"),
        ("Stimson to Hull, letter, May 1, 1932, reel 82, Henry L. Stimson Papers, "
         "Manuscripts and Archives, Yale University, New Haven, Connecticut.",
         "Manuscripts and Archives, Yale University Library",
         "Manuscripts and Archives, Yale University", "New Haven, CT"),
        ("Scowcroft to Bush, memorandum, May 1, 1990, box 3, NSC Files, George H. W. Bush "
         "Presidential Library.", "George H.W. Bush Presidential Library",
         "George H. W. Bush Presidential Library", "College Station, TX"),
        ("Scowcroft to Bush, memorandum, May 1, 1990, box 3, NSC Files, George H.W. Bush "
         "Library, College Station, Texas.", "George H.W. Bush Presidential Library",
         "George H.W. Bush Library", "College Station, TX"),
        ("Alphand to Couve de Murville, telegram, May 3, 1962, Série Amérique 1952–1963, "
         "Archives diplomatiques, La Courneuve, Paris.", "Archives diplomatiques",
         "Archives diplomatiques", "La Courneuve, France"),
        ("Adenauer to Brentano, letter, May 1, 1958, B 150, Politisches Archiv des "
         "Auswärtigen Amts (PA AA), Berlin.", "Politisches Archiv des Auswärtigen Amts",
         "Politisches Archiv des Auswärtigen Amts", "Berlin, Germany"),
        ("Bundy to Johnson, memorandum, June 30, 1965, box 18, Country File, NSF, Johnson "
         "Library, Austin, Texas.", "Lyndon Baines Johnson Library", "Johnson Library",
         "Austin, TX"),
        ("Woods to Creel, letter, February 28, 1918, Box 2, Entry 111, RG 63, National "
         "Archives, College Park, Maryland.", "National Archives and Records "
         "Administration", "National Archives", "College Park, MD"),
        ("Eisenhower to Dulles, letter, May 1, 1955, box 9, DDE Diary Series, Ann Whitman "
         "File, Eisenhower Library, Abilene, Kansas.",
         "Dwight D. Eisenhower Presidential Library", "Eisenhower Library", "Abilene, KS"),
        ("Pearson to St. Laurent, memorandum, May 1, 1956, RG 25, vol. 4518, Library and "
         "Archives Canada, Ottawa.", "Library and Archives Canada",
         "Library and Archives Canada", "Ottawa, ON"),
        ("Sandys to Macmillan, letter, May 5, 1959, box 3, Duncan Sandys Papers, "
         "Churchill Archives Centre, Cambridge.", "Churchill Archives Centre",
         "Churchill Archives Centre", "Cambridge, UK"),
        ("Rockefeller to Dulles, letter, 3 March 1955, box 2, Rockefeller Family "
         "Archives, Rockefeller Archive Center, Sleepy Hollow, New York.",
         "Rockefeller Archive Center", "Rockefeller Archive Center", "Sleepy Hollow, NY"),
        ("Eden to Churchill, minute, 3 June 1954, box 4, Avon Papers, Bodleian Library, "
         "Oxford.", "Bodleian Library", "Bodleian Library", "Oxford, UK"),
        ("Blankenhorn to Adenauer, letter, 4 May 1955, N 1351, Bundesarchiv, Koblenz.",
         "Bundesarchiv", "Bundesarchiv", "Koblenz, Germany"),
    ],
)  # fmt: skip
def test_repositories_and_trailing_places(
    clause: str, repository: str, as_cited: str, place: str
) -> None:
    c = one(clause)
    assert c.kind == "archival"
    ref = c.archival
    assert ref is not None
    assert (ref.repository, ref.repository_as_cited, ref.place) == (
        repository,
        as_cited,
        place,
    )
    # No place word is left in a location field.
    for value in (ref.collection, ref.series, ref.file_unit, ref.folder):
        assert value is None or value not in ("London", "Paris", "Berlin", "Oxford")


def test_a_country_named_as_a_file_unit_is_not_a_place() -> None:
    ref = one("Johnson Library, National Security File, France, Vol. VII").archival
    assert ref is not None
    assert (ref.collection, ref.file_unit) == (
        "National Security File",
        "France, Vol. VII",
    )


# ---- 5–7. record-group titles, series before the box, collections with commas ----


def test_record_group_title_in_chicago_order_is_not_a_collection() -> None:
    ref = one(
        "Joint Chiefs of Staff, report, July 1, 1961, box 14, Records of the Joint "
        "Chiefs of Staff, RG 218, National Archives."
    ).archival
    assert ref is not None
    assert (ref.record_group, ref.collection, ref.box) == ("218", None, "14")
    assert ref.item.author == ("Joint Chiefs of Staff",)


def test_a_collection_before_its_lot_stays_the_collection() -> None:
    ref = one(
        "Policy Planning Staff, paper, March 4, 1954, box 2, S/P Files, Lot 64 D 563, "
        "RG 59, National Archives."
    ).archival
    assert ref is not None
    assert (ref.record_group, ref.collection, ref.lot, ref.box, ref.file_unit) == (
        "59",
        "S/P Files",
        "64 D 563",
        "2",
        None,
    )


def test_series_before_the_box() -> None:
    ref = one(
        "Dulles to Eisenhower, memorandum, May 3, 1956, International Series, box 24, "
        "Ann Whitman File (AWF), Eisenhower Library."
    ).archival
    assert ref is not None
    assert (ref.collection, ref.series, ref.box, ref.file_unit) == (
        "Ann Whitman File",
        "International Series",
        "24",
        None,
    )


@pytest.mark.parametrize(
    ("clause", "collection"),
    [
        ("Cutler to Eisenhower, memorandum, May 1, 1954, box 10, White House Office, "
         "Office of the Special Assistant for National Security Affairs Records, "
         "Eisenhower Library.",
         "White House Office, Office of the Special Assistant for National Security "
         "Affairs Records"),
        ("Brzezinski to Carter, memorandum, May 1, 1978, box 41, National Security "
         "Affairs, Brzezinski Material, Carter Library.",
         "National Security Affairs, Brzezinski Material"),
        ("Dulles to Eisenhower, letter, May 1, 1955, box 9, Dulles-Herter Series, "
         "Dwight D. Eisenhower: Papers as President (Ann Whitman File), Eisenhower "
         "Library.", "Dwight D. Eisenhower: Papers as President (Ann Whitman File)"),
    ],
)  # fmt: skip
def test_collections_with_a_comma_or_colon(clause: str, collection: str) -> None:
    ref = one(clause).archival
    assert ref is not None
    assert ref.collection == collection
    assert ref.series in (None, "Dulles-Herter Series")


def test_pipeline_reads_the_open_type_too() -> None:
    cites = recognize_text(
        "Eisenhower, diary, January 10, 1956, box 9, DDE Diary Series, Ann Whitman "
        "File, Eisenhower Library."
    )
    assert [c.kind for c in cites] == ["archival"]


# ---- 4. legacy State Department file numbers in prose -----------------------------


@pytest.mark.parametrize(
    ("clause", "text", "number"),
    [
        # frus1930v01 notes 16, 32, 2 and frus1918Russiav03 note 1 (corpus text).
        ("At the request of the Brazilian Embassy, the President issued a proclamation "
         "lifting the embargo on the export of arms and munitions to Brazil (832.113/61)",
         "832.113/61", "832.113/61"),
        ("On October 2, the Japanese Ambassador orally informed the Secretary of State "
         "that the Emperor of Japan ratified the treaty (500.A15a3/1108)",
         "500.A15a3/1108", "500.A15a3/1108"),
        ("Acknowledged by the Department in its telegram No. 55, October 4, 6 p.m. "
         "(832.00 Revolutions/21)", "832.00 Revolutions/21", "832.00 Revolutions/21"),
        ("In a despatch of Feb. 13, not printed, the Ambassador enclosed copy of the "
         "French text, in which Norway appears among the signatories (File No. "
         "861.51/305)", "File No. 861.51/305", "861.51/305"),
        ("see report of Consul Frank C. Lee, File No. 811.20261 T/19",
         "File No. 811.20261 T/19", "811.20261 T/19"),
        ("File Nos. 661.119/3420, 304g, 304h, and 861.51/451c",
         "File Nos. 661.119/3420, 304g, 304h, and 861.51/451c",
         "661.119/3420, 304g, 304h, and 861.51/451c"),
    ],
)  # fmt: skip
def test_legacy_file_numbers_in_prose(clause: str, text: str, number: str) -> None:
    c = one(clause)
    assert (c.kind, c.text, clause[c.start : c.end]) == ("archival", text, text)
    assert c.archival is not None
    assert (c.archival.file_number, c.archival.repository) == (number, None)


def test_legacy_line_with_its_document_type() -> None:
    c = one("500.A15a3/621: Telegram")
    assert c.archival is not None
    assert (c.archival.file_number, c.archival.item.type) == (
        "500.A15a3/621",
        "telegram",
    )


@pytest.mark.parametrize(
    "clause",
    [
        "See p. 123 (para. 12/3) and the table (figure 3.2/4).",
        "The vote was 12/3 on May 5 (page 123).",
        "He arrived on 12/3/1962 (see 3.14/15 above).",
    ],
)
def test_numbers_that_are_not_file_numbers(clause: str) -> None:
    assert not [c for c in recognize(clause) if c.kind == "archival"]


# ---- 5. filing codes after a title go to file_number ------------------------------


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("MacArthur to Dulles, telegram, June 3, 1958, 320 Japan-U.S., box 45, "
         "Classified General Records, 1958, Tokyo Embassy, RG 84, National Archives.",
         {"record_group": "84", "collection": "Tokyo Embassy",
          "series": "Classified General Records, 1958", "file_number": "320 Japan-U.S.",
          "box": "45"}),
        ("Radford to Wilson, memorandum, May 3, 1954, CCS 092 Asia (6-25-48), box 12, "
         "Geographic File 1954–56, RG 218, National Archives.",
         {"record_group": "218", "collection": "Geographic File 1954–56",
          "file_number": "CCS 092 Asia (6-25-48)", "box": "12"}),
        ("Kent to Dulles, memorandum, May 3, 1961, CIA-RDP80B01676R000900030001-5, "
         "CREST, National Archives.",
         {"collection": "CREST", "file_number": "CIA-RDP80B01676R000900030001-5"}),
        ("Bundy to Rusk, memorandum, May 3, 1964, Laos 381, box 3, Records of the Office "
         "of Southeast Asian Affairs, 1964, RG 59, National Archives.",
         {"record_group": "59",
          "collection": "Records of the Office of Southeast Asian Affairs, 1964",
          "file_number": "Laos 381", "box": "3"}),
    ],
)  # fmt: skip
def test_filing_codes_are_file_numbers(clause: str, expected: dict[str, Any]) -> None:
    got = fields(one(clause).archival)
    assert {k: got.get(k) for k in expected} == expected
    assert "file_unit" not in got and "folder" not in got


def test_cia_job_number_without_a_dash() -> None:
    ref = one("Central Intelligence Agency, Job 80R01731R, Box 3, Folder 12.").archival
    assert ref is not None
    assert (ref.job, ref.box, ref.folder) == ("80R01731R", "3", "12")


# ---- 8. Chicago short forms with a box ---------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "Rusk to Kennedy, February 20, 1962, box 180, NSF, JFKL.",
        "Kennan to Lippmann, April 6, 1948, Kennan Papers, box 17.",
    ],
)
def test_short_forms_with_a_box(clause: str) -> None:
    assert one(clause).kind == "short"


def test_a_full_name_with_a_box_is_a_full_citation() -> None:
    c = one("David E. Bell to Bundy, March 5, 1962, box 334, NSF, JFKL.")
    assert c.kind == "archival"


# ---- 9. FRUS parentheses naming documents -------------------------------------------


def test_second_document_after_semicolon_and() -> None:
    # FRUS 1964–68 XXIX-2 d70fn5 (corpus text): the first document is in ibid.
    cites = recognize_text(
        "(Memorandum from William L. Givens to Captain Coward, June 16; ibid; and "
        "memorandum from McNamara to the Chairman of the JCS, June 16; Washington "
        "National Records Center, OSD/OASD/ISA Files, FRC 330 70 A 4662, Japan 370.02)"
    )
    archival = [c for c in cites if c.kind == "archival"]
    assert len(archival) == 1
    ref = archival[0].archival
    assert ref is not None
    assert (ref.item.type, ref.item.author, ref.item.recipient, ref.item.date) == (
        "memorandum",
        ("McNamara",),
        ("the Chairman of the JCS",),
        "June 16",
    )
    assert (ref.accession, ref.file_number) == ("330 70 A 4662", "Japan 370.02")


def test_two_documents_both_in_one_place_leave_the_item_empty() -> None:
    cites = recognize_text(
        "(Telegram 2345 from Tokyo, May 3; and memorandum of conversation, May 4; both "
        "in National Archives and Records Administration, RG 59, Central Files 1964–66, "
        "POL 1 JAPAN–US)"
    )
    archival = [c for c in cites if c.kind == "archival"]
    assert len(archival) == 1
    c = archival[0]
    assert c.text.startswith("National Archives and Records Administration")
    assert c.archival is not None and c.archival.item.type is None


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Memorandum, “Future of the Ryukyus,” from Fearey to Bundy, June 3",
         ("memorandum", "Future of the Ryukyus", ("Fearey",), ("Bundy",), "June 3")),
        ("“Future of the Ryukyus,” memorandum from Fearey to Bundy, June 3",
         ("memorandum", "Future of the Ryukyus", ("Fearey",), ("Bundy",), "June 3")),
        ("and memorandum of conversation, May 4",
         ("memorandum of conversation", None, (), (), "May 4")),
        ("NSC 68", (None, "NSC 68", (), (), None)),
    ],
)  # fmt: skip
def test_frus_descriptions_with_titles(
    description: str, expected: tuple[Any, ...]
) -> None:
    from archcite.grammar.archival import parse_doc_item

    item = parse_doc_item(description)
    assert item is not None
    assert (item.type, item.title, item.author, item.recipient, item.date) == expected


def test_semicolon_inside_a_location() -> None:
    # FRUS 1964–68 XXIX-2 d81fn2 (corpus text), the clause given whole.
    found = recognize(
        "(Report through 1966; Department of State, INR/IL Historical Files; EAP "
        "General, EA Reviews, 1964–66)"
    )
    assert len(found) == 1
    ref = found[0].archival
    assert ref is not None
    assert (ref.collection, ref.series, ref.file_unit) == (
        "INR/IL Historical Files",
        "EAP General",
        "EA Reviews, 1964–66",
    )


# ---- 10. title or date before the type; numbered documents; honorifics ------------


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Selwyn Lloyd, “Future Policy in the Middle East,” memorandum, March 5, 1957, "
         "CAB 129/86, The National Archives, Kew, UK.",
         ("memorandum", "Future Policy in the Middle East", ("Selwyn Lloyd",), (),
          "1957-03-05")),
        ("NSAM 263, October 11, 1963, box 342, Meetings and Memoranda, NSF, JFKL.",
         (None, "NSAM 263", (), (), "1963-10-11")),
        ("NSDD 75, “U.S. Relations with the USSR,” January 17, 1983, box 91, Executive "
         "Secretariat, NSC, Reagan Library.",
         (None, "U.S. Relations with the USSR", (), (), "1983-01-17")),
        ("Record of a conversation between Lloyd and Dulles, October 5, 1956, FO "
         "371/118997, The National Archives, Kew.",
         ("record of a conversation", None, (), (), "1956-10-05")),
        ("Sir Roger Makins to Selwyn Lloyd, telegram, June 3, 1956, FO 371/120340, TNA.",
         ("telegram", None, ("Roger Makins",), ("Selwyn Lloyd",), "1956-06-03")),
        ("Lord Home to Macmillan, minute, 3 May 1961, PREM 11/3311, PRO.",
         ("minute", None, ("Home",), ("Macmillan",), "1961-05-03")),
    ],
)  # fmt: skip
def test_items_with_titles_numbers_and_honorifics(
    clause: str, expected: tuple[Any, ...]
) -> None:
    ref = one(clause).archival
    assert ref is not None
    item = ref.item
    assert (item.type, item.title, item.author, item.recipient, item.date) == expected


# ---- 11. multi-part markings ------------------------------------------------------


@pytest.mark.parametrize(
    "marking", ["Secret; Personal and Private", "Secret; Limit Distribution"]
)
def test_multi_part_markings_are_the_classification(marking: str) -> None:
    cites = recognize_text(
        "Source: Johnson Library, National Security File, Country File, Japan, Vol. III. "
        f"{marking}."
    )
    assert cites[0].archival is not None
    assert cites[0].archival.classification == marking
    assert [c.kind for c in cites[1:]] == ["not-a-citation"]


# ---- 12. French and German archives --------------------------------------------------


def test_french_serie_sous_serie_volume() -> None:
    ref = one(
        "Couve de Murville to Alphand, telegram, May 3, 1962, Série Amérique 1952–1963, "
        "sous-série États-Unis, volume 371, Archives diplomatiques (La Courneuve)."
    ).archival
    assert ref is not None
    assert (ref.repository, ref.place, ref.collection, ref.series, ref.file_unit) == (
        "Archives diplomatiques",
        "La Courneuve, France",
        "Série Amérique 1952–1963",
        "sous-série États-Unis",
        "volume 371",
    )


def test_german_bestand_and_band() -> None:
    ref = one("Politisches Archiv des Auswärtigen Amts, B 150, Band 12.").archival
    assert ref is not None
    assert (ref.collection, ref.file_unit) == ("B 150", "Band 12")


@pytest.mark.parametrize(
    ("clause", "repository"),
    [
        ("Makins to Eden, telegram, June 3, 1954, FO 371/109100, The National Archives.",
         "The National Archives"),
        ("The National Archives, PREM 11/645.", "The National Archives"),
        ("Rusk to Johnson, memorandum, May 3, 1965, POL 1 JAPAN–US, Central Files "
         "1964–66, RG 59, The National Archives.",
         "National Archives and Records Administration"),
    ],
)  # fmt: skip
def test_the_national_archives_by_its_references(clause: str, repository: str) -> None:
    ref = one(clause).archival
    assert ref is not None
    assert (ref.repository, ref.repository_as_cited) == (
        repository,
        "The National Archives",
    )
