"""Units of a fonds cited without the repository are an archival citation with
no repository, placed by their words as with one (issue 11)."""

from __future__ import annotations

import pytest

from archcite.grammar.archival_gate import gate
from archcite.grammar.note import recognize_text
from archcite.model import ArchivalRef


def only_archival(text: str) -> ArchivalRef:
    found = recognize_text(text)
    assert [c.kind for c in found] == ["archival"], found
    ref = found[0].archival
    assert ref is not None
    return ref


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("f. 5, op. 30, d. 335, ll. 1–9.", ("f. 5", "op. 30", "d. 335", "ll. 1–9")),
        ("fond 89, opis 46, delo 10", ("fond 89", "opis 46", "delo 10", None)),
        ("f. R-9401, op. 2, d. 65, ll. 41–44.",
         ("f. R-9401", "op. 2", "d. 65", "ll. 41–44")),
        ("f. 06, op. 10, p. 38, d. 520, l. 3–7.",
         ("f. 06", "op. 10", "p. 38, d. 520", "l. 3–7")),
    ],
)  # fmt: skip
def test_fonds_units_without_a_repository_are_archival(
    text: str, fields: tuple[str | None, ...]
) -> None:
    ref = only_archival(text)
    assert ref.repository is None and not ref.in_authority
    assert (ref.collection, ref.series, ref.file_unit, ref.folio) == fields


def test_the_same_units_are_placed_as_with_a_repository() -> None:
    bare = only_archival("f. 5, op. 30, d. 335, ll. 1–9.")
    named = only_archival("RGANI, f. 5, op. 30, d. 335, ll. 1–9.")
    assert named.repository is not None
    assert (bare.collection, bare.series, bare.file_unit, bare.folio) == (
        named.collection,
        named.series,
        named.file_unit,
        named.folio,
    )


def test_a_document_before_the_units_is_the_item_not_a_short_form() -> None:
    found = recognize_text(
        "Ponomarev to Suslov, May 3, 1962, f. 5, op. 30, d. 335, l. 4."
    )
    assert [c.kind for c in found] == ["archival"]
    ref = found[0].archival
    assert ref is not None
    assert ref.item.author == ("Ponomarev",) and ref.item.date == "1962-05-03"
    assert (ref.collection, ref.folio) == ("f. 5", "l. 4")


@pytest.mark.parametrize(
    "text",
    [
        "See f. 5 of the report.",
        "The letter is on f. 12.",
        "He read d. 5 and op. 3 of it.",
        "Smith, op. cit., p. 45.",
    ],
)
def test_prose_with_a_unit_word_is_no_archival_citation(text: str) -> None:
    assert not [c for c in recognize_text(text) if c.kind == "archival"]


def test_the_gate_lets_a_chain_of_units_through() -> None:
    assert gate("f. 5, op. 30, d. 335")
    assert gate("fond 89, opis 46, delo 10")
    assert not gate("See f. 5 of the report.")
