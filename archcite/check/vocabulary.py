"""The word lists of ``vocabulary.toml`` and the patterns built from them."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Vocabulary:
    series_forms: tuple[str, ...]
    series_full: frozenset[str]
    series_re: re.Pattern[str]
    locator_re: re.Pattern[str]
    months: dict[str, int]
    month_names: tuple[str, ...]
    range_labels: tuple[str, ...]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary, loaded once."""
    text = resources.files("archcite.check").joinpath("vocabulary.toml")
    data = tomllib.loads(text.read_text("utf-8"))
    forms = data["frus_series"]["forms"]
    words = data["locators"]["words"]
    names = data["months"]["names"]
    months = {name: i + 1 for i, name in enumerate(names)}
    for i, abbr in enumerate(data["months"]["abbreviations"]):
        months.setdefault(abbr, i + 1)
    return Vocabulary(
        series_forms=tuple(sorted(forms, key=len, reverse=True)),
        series_full=frozenset(data["frus_series"]["full"]),
        series_re=re.compile(rf"(?<![\w-])(?:{_alternation(forms)})(?![\w-])"),
        locator_re=re.compile(
            rf"(?<![\w-])(?:{_alternation(words)})(?=\s+\S)", re.IGNORECASE
        ),
        months=months,
        month_names=tuple(names),
        range_labels=tuple(data["ranges"]["labels"]),
    )


def examples(table: str, key: str = "examples") -> list[str]:
    """A table's examples, for the tests."""
    text = resources.files("archcite.check").joinpath("vocabulary.toml")
    found: list[str] = tomllib.loads(text.read_text("utf-8"))[table][key]
    return found


__all__ = ["Vocabulary", "examples", "vocabulary"]
