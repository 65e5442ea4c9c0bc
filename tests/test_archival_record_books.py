"""A diary, log or appointment book named after its keeper, then a date, is the
document with its date, not a folder title (issue 11)."""

from __future__ import annotations

import pytest
from archival_fixtures import arch


@pytest.mark.parametrize(
    ("text", "kind", "author", "date"),
    [
        ("James C. Hagerty diary, January 12, 1955, box 1, Hagerty Papers, DDEL.",
         "diary", ("James C. Hagerty",), "1955-01-12"),
        ("Dulles telephone log, March 3, 1955, box 10, Telephone Conversations Series, "
         "John Foster Dulles Papers, DDEL.", "telephone log", ("Dulles",), "1955-03-03"),
        ("Dean Rusk appointment book, June 4, 1964, box 2, Rusk Papers, LBJL.",
         "appointment book", ("Dean Rusk",), "1964-06-04"),
        ("The President's Daily Diary, November 23, 1963, box 1, LBJL.",
         "daily diary", ("the President",), "1963-11-23"),
        ("McCone daily log, 12 April 1962, box 4, Job 80B01285A, CIA.",
         "daily log", ("McCone",), "1962-04-12"),
    ],
)  # fmt: skip
def test_a_record_book_and_its_date_are_the_item(
    text: str, kind: str, author: tuple[str, ...], date: str
) -> None:
    ref = arch(text)
    assert ref.item.type == kind
    assert ref.item.author == author
    assert ref.item.date == date
    assert ref.folder is None and ref.file_unit is None


def test_the_rest_of_the_location_is_read_as_before() -> None:
    ref = arch("James C. Hagerty diary, January 12, 1955, box 1, Hagerty Papers, DDEL.")
    assert (ref.box, ref.collection, ref.repository_as_cited) == (
        "1",
        "Hagerty Papers",
        "DDEL",
    )


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # Series and dated units named for a record book stay units.
        ("Eisenhower Diary Series, box 4, Ann Whitman File, DDEL.", "series"),
        ("Rusk Appointment Books, 1965, box 3, LBJL.", "collection"),
    ],
)
def test_a_title_without_the_day_is_no_item(text: str, unit: str) -> None:
    ref = arch(text)
    assert ref.item.type is None and ref.item.date is None
    assert getattr(ref, unit) is not None
