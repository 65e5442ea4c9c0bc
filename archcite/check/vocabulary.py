"""The check's patterns, built from the grammar's vocabulary (archcite.grammar.vocab)
and the few checker-only words of ``vocabulary.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from archcite.grammar.vocab import (
    BOX,
    DOCUMENT,
    FOLDER,
    MONTH,
    PAGE_WORD,
    REEL,
    SERIES_NAME,
    alt,
    words,
)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    series_full: frozenset[str]
    series_re: re.Pattern[str]
    locator_re: re.Pattern[str]
    #: a range label: the grammar's page and document labels and the check's own
    range_label: str
    #: a month as the grammar reads it (spelled out or abbreviated)
    month: str


def _data() -> dict[str, dict[str, list[str]]]:
    text = resources.files("archcite.check").joinpath("vocabulary.toml")
    return tomllib.loads(text.read_text("utf-8"))


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary, loaded once."""
    data = _data()
    full = data["frus_series"]["full"]
    # A label ends at a period it includes or where its word ends ("p.34", "pp 34").
    label = (
        rf"{alt(PAGE_WORD, DOCUMENT, words(data['ranges']['labels']))}(?:(?<=\.)|\b)"
    )
    return Vocabulary(
        series_full=frozenset(full),
        series_re=re.compile(rf"(?<![\w-]){alt(words(full), SERIES_NAME)}(?![\w-])"),
        locator_re=re.compile(rf"(?<![\w-]){alt(BOX, FOLDER, REEL)}(?=\s+\S)"),
        range_label=label,
        month=str(MONTH),
    )


def examples(table: str, key: str = "examples") -> list[str]:
    """A table's examples, for the tests."""
    return _data()[table][key]


__all__ = ["Vocabulary", "examples", "vocabulary"]
