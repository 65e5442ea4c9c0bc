"""A document's own number and its place of dispatch are not people.

"Thompson to Rusk, telegram 2231, Moscow, March 9, 1962": Moscow is where the
telegram was sent from (``item.place``), 2231 its number (``item.number``);
the recipient is Rusk alone. A list of recipients goes on only right after
the component that began it ("Rusk to Hughes, Denney, and Evans").
"""

from __future__ import annotations

from typing import Any

import pytest

from archcite.csl.archival import archival_to_csl
from archcite.grammar.archival import parse_doc_item
from archcite.grammar.note import recognize_text
from archcite.model import DocItem
from archcite.record import archival_dict

THOMPSON = (
    "Thompson to Rusk, telegram 2231, Moscow, March 9, 1962, Central Decimal File "
    "1960–63, 700.5611/3-962, Record Group 59, General Records of the Department of "
    "State, National Archives, College Park, MD."
)


def test_place_of_dispatch_and_number_of_a_telegram() -> None:
    found = recognize_text(THOMPSON)
    assert len(found) == 1
    c = found[0]
    assert c.kind == "archival" and c.archival is not None
    item = c.archival.item
    assert item.type == "telegram"
    assert item.author == ("Thompson",)
    assert item.recipient == ("Rusk",)
    assert item.place == "Moscow"
    assert item.number == "2231"
    assert item.date == "1962-03-09"
    assert c.archival.file_number == "700.5611/3-962"
    assert c.archival.record_group == "59"


def fields(item: DocItem | None) -> dict[str, Any]:
    assert item is not None
    out = {
        "type": item.type,
        "author": item.author,
        "recipient": item.recipient,
        "date": item.date,
        "place": item.place,
        "number": item.number,
    }
    return {k: v for k, v in out.items() if v}


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        (
            "Thompson to Rusk, telegram, Moscow, March 9, 1962",
            {"type": "telegram", "author": ("Thompson",), "recipient": ("Rusk",),
             "place": "Moscow", "date": "1962-03-09"},
        ),
        (
            "Kennan to Acheson, letter, New Delhi, March 9, 1952",
            {"type": "letter", "author": ("Kennan",), "recipient": ("Acheson",),
             "place": "New Delhi", "date": "1952-03-09"},
        ),
        (
            "Harold Caccia to Selwyn Lloyd, telegram no. 1245, June 3, 1958",
            {"type": "telegram", "author": ("Harold Caccia",),
             "recipient": ("Selwyn Lloyd",), "number": "1245", "date": "1958-06-03"},
        ),
        (
            "Telegram 2316 from Tokyo, January 3, 1966",
            {"type": "telegram", "place": "Tokyo", "number": "2316",
             "date": "1966-01-03"},
        ),
        # The list right after "A to B" is still the recipients.
        (
            "Rusk to Hughes, Denney, and Evans, memorandum, June 3, 1962",
            {"type": "memorandum", "author": ("Rusk",),
             "recipient": ("Hughes", "Denney", "Evans"), "date": "1962-06-03"},
        ),
        (
            "Memorandum to Hughes, Denney, and Evans, June 3, 1962",
            {"type": "memorandum", "recipient": ("Hughes", "Denney", "Evans"),
             "date": "1962-06-03"},
        ),
    ],
)  # fmt: skip
def test_dispatch_place_and_number(description: str, expected: dict[str, Any]) -> None:
    assert fields(parse_doc_item(description)) == expected


def test_number_in_the_record_and_csl() -> None:
    found = recognize_text(THOMPSON)
    ref = found[0].archival
    assert ref is not None
    assert archival_dict(ref)["item"]["number"] == "2231"
    csl = archival_to_csl(ref)
    # An addressed document: untitled, its number in its genre, where Chicago
    # prints it before "to" (docs/archival-fields.md).
    assert csl["genre"] == "telegram no. 2231" and "title" not in csl
    assert "number" not in csl
    assert csl["event-place"] == "Moscow"
    assert [r["family"] for r in csl["recipient"]] == ["Rusk"]


TAIL = (
    ", Central Decimal File 1960–63, 700.5611/3-962, Record Group 59, National "
    "Archives, College Park, MD."
)


@pytest.mark.parametrize(
    ("description", "place", "classification"),
    [
        ("Lodge to Rusk, telegram 1234, Saigon, Eyes Only, March 9, 1965", "Saigon",
         "Eyes Only"),
        ("Thompson to Rusk, telegram 2231, Moscow, Secret, March 9, 1962", "Moscow",
         "Secret"),
        ("Thompson to Rusk, telegram 2231, Moscow Embassy, March 9, 1962",
         "Moscow Embassy", None),
        ("Thompson to Rusk, telegram 2231, Embassy in Moscow, March 9, 1962",
         "Embassy in Moscow", None),
    ],
)  # fmt: skip
def test_parsing_goes_on_after_the_place(
    description: str, place: str, classification: str | None
) -> None:
    """The place is taken and the date after it (and a marking) still read."""
    found = recognize_text(description + TAIL)
    assert len(found) == 1 and found[0].archival is not None
    ref = found[0].archival
    assert ref.item.place == place
    assert ref.item.recipient == ("Rusk",)
    assert ref.item.date is not None and ref.item.date.endswith("-03-09")
    assert ref.item.number is not None
    assert ref.classification == classification
    assert ref.file_number == "700.5611/3-962"


@pytest.mark.parametrize(
    "description",
    [
        "Rusk to Kennedy, memorandum, NSC, March 9, 1962",
        "Rusk to Kennedy, memorandum, Bundy, March 9, 1962",
        "Ball to Rusk, memorandum, Unesco, May 5, 1962",
        "Bundy to Johnson, memorandum, Saigon, March 9, 1965",
        "Rusk to Harriman, telegram 1435, NSC, May 5, 1962",
    ],
)
def test_no_place_of_dispatch_for_memoranda_or_acronyms(description: str) -> None:
    """A memorandum has no place of dispatch, and an acronym is no place."""
    item = parse_doc_item(description)
    assert item is not None and item.place is None
    assert item.date is not None


def test_a_name_after_a_memorandum_is_read_as_before() -> None:
    """What the recognizer did before the place rule: a further recipient."""
    item = parse_doc_item("Rusk to Kennedy, memorandum, Bundy, March 9, 1962")
    assert item is not None and item.recipient == ("Kennedy", "Bundy")


def test_a_marking_is_no_recipient() -> None:
    item = parse_doc_item("Letter from Rusk to McNamara, Top Secret, March 9, 1962")
    assert item is not None and item.recipient == ("McNamara",)
    assert item.date == "1962-03-09"
