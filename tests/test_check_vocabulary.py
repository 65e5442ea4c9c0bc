"""The check's vocabulary (archcite/check/vocabulary.toml): every example, and
that its patterns are the grammar's words (one vocabulary, not two)."""

from __future__ import annotations

import pytest

from archcite.check.rules.dates import _patterns
from archcite.check.rules.typography import hyphenated_ranges
from archcite.check.vocabulary import examples, vocabulary
from archcite.grammar import vocab


def _pairs(table: str) -> list[tuple[str, str]]:
    return [tuple(e.rsplit(" => ", 1)) for e in examples(table)]  # type: ignore[misc]


@pytest.mark.parametrize(("text", "form"), _pairs("frus_series"))
def test_series_forms(text: str, form: str) -> None:
    m = vocabulary().series_re.search(text)
    assert m is not None and m.group() == form


@pytest.mark.parametrize(("text", "word"), _pairs("locators"))
def test_locator_words(text: str, word: str) -> None:
    m = vocabulary().locator_re.search(text)
    assert m is not None and m.group() == word


@pytest.mark.parametrize(("text", "found"), _pairs("ranges"))
def test_ranges(text: str, found: str) -> None:
    assert [r for _, r in hyphenated_ranges(text)] == [found]


@pytest.mark.parametrize("text", examples("ranges", "not_ranges"))
def test_not_ranges(text: str) -> None:
    assert hyphenated_ranges(text) == []


@pytest.mark.parametrize("word", [*vocab.FOREIGN_BOX_WORDS, "Reel", "Folders"])
def test_every_grammar_locator_word_is_a_check_locator(word: str) -> None:
    assert vocabulary().locator_re.search(f"see {word} 12") is not None


@pytest.mark.parametrize("month", vocab.MONTH.examples)
def test_every_grammar_month_is_read_in_a_date(month: str) -> None:
    found = [
        style
        for style, rx in _patterns()
        for _ in rx.finditer(f"memo, {month} 20, 1962; memo, 21 {month} 1962")
    ]
    assert found == ["mdy", "dmy"], month
