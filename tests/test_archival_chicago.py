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
from archcite.model import ArchivalRef, Citation
from archcite.recognize import recognize_text


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
