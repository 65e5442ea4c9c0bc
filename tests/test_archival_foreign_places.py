"""Foreign archives: a city after the repository is its place; abbreviated unit
words ("Bd.", "Nr.", "fol.") end no sentence (issue 11)."""

from __future__ import annotations

import pytest
from archival_fixtures import arch

from archcite.grammar.segment import clauses


@pytest.mark.parametrize(
    ("text", "collection"),
    [
        ("Archives nationales, Paris, AG/5(1)/123.", "AG/5(1)/123"),
        ("Public Record Office, London, CAB 128/36, CC (62) 20th conclusions.", "CAB 128"),
        ("Archivo Histórico Nacional, Madrid, Estado, legajo 8123.", "Estado"),
        ("Archives diplomatiques, Paris, Série Europe 1944–1960, volume 12.",
         "Série Europe 1944–1960"),
    ],
)  # fmt: skip
def test_a_city_after_the_repository_is_no_collection(
    text: str, collection: str
) -> None:
    ref = arch(text)
    assert ref.collection == collection
    assert ref.collection not in ("Paris", "London", "Madrid")


def test_a_city_unknown_to_the_authority_becomes_the_place() -> None:
    assert arch("Archivo Histórico Nacional, Madrid, Estado, legajo 8123.").place == (
        "Madrid"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Politisches Archiv des Auswärtigen Amts, Berlin, B 150, Bd. 12.",
        "Bundesarchiv, Koblenz, B 136, Nr. 3645, fol. 12.",
        "Politisches Archiv, Bonn, B 2, Bde. 4–5, Bl. 17.",
    ],
)
def test_unit_abbreviations_before_a_number_end_no_sentence(text: str) -> None:
    assert len(clauses(text)) == 1


def test_a_unit_word_before_a_new_sentence_still_ends_it() -> None:
    assert len(clauses("See pp. 12 ff. The memorandum is in the file.")) == 2


def test_bd_is_the_file_unit_of_a_german_file() -> None:
    ref = arch("Politisches Archiv des Auswärtigen Amts, Berlin, B 150, Bd. 12.")
    assert (ref.collection, ref.file_unit) == ("B 150", "Bd. 12")
