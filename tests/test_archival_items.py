"""The document a note names in front of its location (``archcite.grammar.items``).

Every case is note text from the archival gold set (FRUS 1964–68 XXIX-2, the
Public Diplomacy volume, or the Chicago-order notes written for the set).
"""

from __future__ import annotations

from typing import Any

import pytest

from archcite.grammar.archival import parse_doc_item, recognize
from archcite.model import DocItem


def item_fields(item: DocItem | None) -> dict[str, Any]:
    assert item is not None
    out = {
        "type": item.type,
        "author": item.author,
        "recipient": item.recipient,
        "date": item.date,
        "title": item.title,
        "place": item.place,
    }
    return {k: v for k, v in out.items() if v}


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # d55fn3, d58fn4: the author's office between commas is dropped.
        (
            "Letter from David E. McGiffert, Under Secretary of the Army, to William P. "
            "Bundy, February 15",
            {"type": "letter", "author": ("David E. McGiffert",),
             "recipient": ("William P. Bundy",), "date": "February 15"},
        ),
        (
            "Letter from Earle J. Richey, Acting Counselor of Embassy, to Fearey, June 9",
            {"type": "letter", "author": ("Earle J. Richey",), "recipient": ("Fearey",),
             "date": "June 9"},
        ),
        # d65fn3: an office keeps the body it heads.
        (
            "Memorandum from Maurice W. Roche to the Chairman, Joint Chiefs of Staff, "
            "February 21, 1966",
            {"type": "memorandum", "author": ("Maurice W. Roche",),
             "recipient": ("the Chairman, Joint Chiefs of Staff",), "date": "1966-02-21"},
        ),
        # d82fn7: several recipients.
        (
            "Memorandum from Trueheart to Hughes, Denney, and Evans, September 1",
            {"type": "memorandum", "author": ("Trueheart",),
             "recipient": ("Hughes", "Denney", "Evans"), "date": "September 1"},
        ),
        # d120fn2: a numbered type.
        ("Intelligence Note No. 266, April 12", {"type": "intelligence note", "date": "April 12"}),
        # d106fn1: a one-word "of" complement belongs to the type.
        ("Summary of Talks, November 15", {"type": "summary of talks", "date": "November 15"}),
        # d14fn3: a two-word post is a place, not a recipient.
        ("Telegram 755 to Mexico City, February 9", {"type": "telegram", "date": "February 9"}),
    ],
)  # fmt: skip
def test_frus_descriptions(description: str, expected: dict[str, Any]) -> None:
    assert item_fields(parse_doc_item(description)) == expected


def test_telegram_from_a_post_gives_its_place() -> None:
    item = parse_doc_item("Telegram 14006 from Tokyo, November 30")
    assert item_fields(item) == {
        "type": "telegram",
        "date": "November 30",
        "place": "Tokyo",
    }


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # c10: names before a telegram are people, not posts.
        (
            'Rusk to Johnson, telegram, June 3, 1966, folder "Japan, Memos and Cables, '
            'Vol. IV," box 250, Country File, NSF, Johnson Library, Austin, Texas',
            {"type": "telegram", "author": ("Rusk",), "recipient": ("Johnson",),
             "date": "1966-06-03"},
        ),
        # c16, c18: an author alone before the type; "handwritten notes".
        (
            "Andrew J. Goodpaster, memorandum of conversation, October 11, 1957, folder "
            '"October 1957 Staff Notes," box 27, DDE Diary Series, Ann Whitman File, '
            "Eisenhower Library, Abilene, Kansas",
            {"type": "memorandum of conversation", "author": ("Andrew J. Goodpaster",),
             "date": "1957-10-11"},
        ),
        (
            'George M. Elsey, handwritten notes, June 26, 1950, folder "Korea—June 1950," '
            "box 71, George M. Elsey Papers, Harry S. Truman Presidential Library, "
            "Independence, Missouri",
            {"type": "handwritten notes", "author": ("George M. Elsey",),
             "date": "1950-06-26"},
        ),
        # c30: the participants of a conversation are neither author nor recipient.
        (
            "Memorandum of conversation, Rusk and Dobrynin, March 26, 1968, POL US–USSR, "
            "Central Files 1967–69, RG 59, NARA",
            {"type": "memorandum of conversation", "date": "1968-03-26"},
        ),
        # c41: a document number of its own.
        (
            "Cabinet conclusions, CC(62)42, 28 June 1962, CAB 128/36, The National "
            "Archives, Kew",
            {"type": "cabinet conclusions", "date": "1962-06-28"},
        ),
        # c13: an unquoted interview title and its interviewer.
        (
            "Transcript, Dean Rusk Oral History Interview I, July 28, 1969, by Paige E. "
            "Mulhollan, Lyndon Baines Johnson Library, Austin, TX",
            {"type": "transcript", "date": "1969-07-28"},
        ),
    ],
)  # fmt: skip
def test_chicago_items(note: str, expected: dict[str, Any]) -> None:
    found = recognize(note)
    assert len(found) == 1 and found[0].archival is not None
    assert item_fields(found[0].archival.item) == expected
