"""The prefix-nested keyword pattern finds exactly what a plain alternation finds."""

from __future__ import annotations

import random
import re

import pytest

from archcite.grammar.literals import any_of

WORDS = ["Box", "Boxes", "box", "Bo", "Reel", "Record", "ecord", "/", "Lot ", "a.b"]


def test_same_as_alternation_on_random_text() -> None:
    plain = re.compile("|".join(re.escape(w) for w in WORDS))
    nested = any_of(WORDS)
    rng = random.Random(7)
    alphabet = "BoxeReclt /a.bd"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert bool(nested.search(text)) == bool(plain.search(text)), text


def test_metacharacters_are_literal() -> None:
    assert any_of(["a.b"]).search("xa.by")
    assert not any_of(["a.b"]).search("axb")


def test_empty_word_refused() -> None:
    with pytest.raises(ValueError):
        any_of(["", "x"])
