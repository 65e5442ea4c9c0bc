"""Quoted folder titles whose closing quote holds the sentence's period.

American style moves the period inside the quote ("folder “Italy.”"): the
span ends at the closing quote and the value keeps neither quote nor period,
unless the period is an abbreviation's own ("“Misc. Corres.”").
"""

from __future__ import annotations

import pytest

from archcite.grammar.locators import unquote
from archcite.grammar.note import recognize_text
from archcite.grammar.segment import ends_with_abbreviation
from archcite.model import Citation


def first(text: str) -> Citation:
    found = recognize_text(text)
    assert found, text
    c = found[0]
    assert text[c.start : c.end] == c.text
    return c


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Ibid., Box 14, folder “Italy.”", "Ibid., Box 14, folder “Italy.”"),
        ("Ibid., Box 14, folder “Italy.” Secret.", "Ibid., Box 14, folder “Italy.”"),
        ('Ibid., Box 14, folder "Italy."', 'Ibid., Box 14, folder "Italy."'),
    ],
)
def test_ibid_span_keeps_the_closing_quote(text: str, span: str) -> None:
    c = first(text)
    assert c.kind == "ibid"
    assert c.text == span
    assert c.archival is not None
    assert c.archival.box == "14"
    assert c.archival.folder == "Italy"


def test_source_note_folder_before_a_classification() -> None:
    text = (
        "Source: Eisenhower Library, Whitman File, Box 2, folder “Italy.” "
        "No classification marking."
    )
    c = first(text)
    assert c.kind == "archival"
    assert c.text.endswith("folder “Italy.”")
    assert c.archival is not None
    assert c.archival.folder == "Italy"
    assert c.archival.classification == "No classification marking"


def test_comma_inside_the_quote_still_ends_the_title() -> None:
    c = first("Ibid., folder “USSR, General, 2/62,” box 180.")
    assert c.archival is not None
    assert c.archival.folder == "USSR, General, 2/62"
    assert c.archival.box == "180"


@pytest.mark.parametrize(
    ("quoted", "value"),
    [
        ("“Italy.”", "Italy"),
        ("“Dulles, John Foster.”", "Dulles, John Foster"),
        ("“Misc. Corres.”", "Misc. Corres."),
        ("“U.S.”", "U.S."),
        ("“Kennedy, John F.”", "Kennedy, John F."),
        ("“USSR, General,”", "USSR, General"),
        ("Italy.", "Italy."),  # unquoted: the caller trims the sentence's period
    ],
)
def test_unquote_drops_only_a_sentence_period(quoted: str, value: str) -> None:
    assert unquote(quoted) == value


def test_ends_with_abbreviation() -> None:
    assert ends_with_abbreviation("Misc. Corres.")
    assert ends_with_abbreviation("John F.")
    assert not ends_with_abbreviation("Italy.")
    assert not ends_with_abbreviation("Italy")
