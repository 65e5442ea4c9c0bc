"""A Chicago short form that names only the document: "Rusk to Kennedy,
February 20, 1962." after the full citation of that memorandum.

Writer, addressee and date name the document; no type, no place. It is a
``short`` citation, resolved by the document alone (surnames and date) to an
earlier citation that has a place, or ``short`` ``partial`` with a reason.
"""

from __future__ import annotations

import pytest

from archcite.grammar import archival
from archcite.grammar.note import recognize_text
from archcite.model import Citation, Located
from archcite.pipeline import extract_text

FULL_MEMO = (
    "Dean Rusk, memorandum to John F. Kennedy, February 20, 1962, folder "
    '"USSR, General, 2/62," box 180, National Security Files, John F. Kennedy Library.'
)
FULL_LETTER = (
    "George F. Kennan to Walter Lippmann, letter, April 6, 1948, box 17, "
    "George F. Kennan Papers, Seeley G. Mudd Manuscript Library, Princeton University."
)


def cited(text: str) -> list[Citation]:
    return [c for c in recognize_text(text) if c.kind != "not-a-citation"]


def _notes(*texts: str) -> tuple[Located, ...]:
    body = "\n\n".join(f"{n}. {t}" for n, t in enumerate(texts, 1))
    return extract_text("Notes\n\n" + body + "\n", fmt="text")


@pytest.mark.parametrize(
    ("text", "author", "recipient", "date"),
    [
        ("Rusk to Kennedy, February 20, 1962.", ("Rusk",), ("Kennedy",), "1962-02-20"),
        ("Kennan to Lippmann, 6 April 1948.", ("Kennan",), ("Lippmann",), "1948-04-06"),
        ("Ball to Rusk and McNamara, May 1964.", ("Ball",), ("Rusk", "McNamara"), "1964-05"),
        ("See Bundy to Johnson, June 12, 1964.", ("Bundy",), ("Johnson",), "1964-06-12"),
        ('Rusk to Kennedy, "Cuba," Feb. 20, 1962.', ("Rusk",), ("Kennedy",), "1962-02-20"),
    ],
)  # fmt: skip
def test_writer_addressee_and_date_are_a_short_form(
    text: str, author: tuple[str, ...], recipient: tuple[str, ...], date: str
) -> None:
    found = cited(text)
    assert len(found) == 1, found
    c = found[0]
    assert (c.kind, c.status) == ("short", "partial")  # no place until resolved
    assert c.archival is not None
    assert c.archival.item.author == author
    assert c.archival.item.recipient == recipient
    assert c.archival.item.date == date
    assert c.archival.repository is None and c.archival.item.type is None


@pytest.mark.parametrize(
    "text",
    [
        "Rusk to Kennedy was the usual channel in 1962.",
        "From Washington to Moscow, 1962.",  # a year alone dates no document
        "He wrote to Kennedy, February 20, 1962.",
        "The trip from Paris to Berlin, June 1963, was short.",
        "Rusk to Kennedy.",  # no date
        "Rusk, February 20, 1962.",  # no addressee
    ],
)
def test_prose_and_half_named_documents_stay_prose(text: str) -> None:
    assert cited(text) == []


def test_the_grammar_reads_nothing_the_gate_refuses() -> None:
    for text in (
        "Rusk to Kennedy, February 20, 1962",
        'Rusk to Kennedy, "Cuba," February 20, 1962',
        "Rusk to Kennedy, “Cuba,” 20 February 1962",
    ):
        assert archival.gate(text)
        assert archival._recognize(text)


def test_resolves_to_the_memorandum_cited_in_full() -> None:
    found = _notes(
        FULL_MEMO,
        FULL_LETTER,
        "Rusk to Kennedy, February 20, 1962.",
        "Kennan to Lippmann, April 6, 1948.",
    )
    memo, letter, short_memo, short_letter = (loc.citation for loc in found)
    assert memo.kind == letter.kind == "archival"
    assert (short_memo.kind, short_memo.status) == ("short", "parsed")
    assert short_memo.antecedent == found[0].index and short_memo.reason is None
    assert short_memo.archival is not None
    assert short_memo.archival.repository == "John F. Kennedy Presidential Library"
    assert short_memo.archival.box == "180"
    assert short_memo.archival.item.type == "memorandum"
    assert short_letter.antecedent == found[1].index
    assert short_letter.archival is not None and short_letter.archival.box == "17"


@pytest.mark.parametrize(
    "short",
    [
        "Rusk to Kennedy, February 21, 1962.",  # another day
        "Kennedy to Rusk, February 20, 1962.",  # the other direction
        "Rusk to Bundy, February 20, 1962.",  # another addressee
    ],
)
def test_another_document_is_partial_with_a_reason(short: str) -> None:
    c = _notes(FULL_MEMO, short)[1].citation
    assert (c.kind, c.status, c.antecedent) == ("short", "partial", None)
    assert c.reason is not None and "same writer, addressee and date" in c.reason


def test_kennedy_to_berlin_is_an_unresolved_short_form() -> None:
    # Decided: "X to Y, Month Year" with nothing else is the shape of a short
    # form (Kennedy wrote to Isaiah Berlin); prose would need a verb. Nothing
    # earlier matches, so it is partial and says why.
    c = _notes(FULL_MEMO, "Kennedy to Berlin, June 1963.")[1].citation
    assert (c.kind, c.status, c.antecedent) == ("short", "partial", None)
    assert c.reason


def test_two_matching_full_citations_are_ambiguous() -> None:
    other = FULL_MEMO.replace(
        "John F. Kennedy Library", "Dean Rusk Papers, Richard B. Russell Library"
    )
    c = _notes(FULL_MEMO, other, "Rusk to Kennedy, February 20, 1962.")[2].citation
    assert (c.kind, c.status, c.antecedent) == ("short", "partial", None)
    assert c.reason is not None and c.reason.startswith("ambiguous")


def test_an_unresolved_short_form_gives_its_later_twin_nothing() -> None:
    found = _notes(
        "Rusk to Kennedy, February 20, 1962.", "Rusk to Kennedy, February 20, 1962."
    )
    assert all(loc.citation.antecedent is None for loc in found)
    assert all(loc.citation.status == "partial" for loc in found)


def test_an_ibid_after_the_resolved_short_form_reaches_the_full_citation() -> None:
    found = _notes(FULL_MEMO, "Rusk to Kennedy, February 20, 1962.", "Ibid.")
    assert found[2].citation.kind == "ibid"
    assert found[2].citation.antecedent == found[0].index
