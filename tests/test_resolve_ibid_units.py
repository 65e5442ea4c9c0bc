"""An Ibid. that names a sibling collection, and a document described before "; ibid."."""

from __future__ import annotations

import pytest

from archcite.model import Located
from archcite.pipeline import extract_text


def _notes(*texts: str) -> tuple[Located, ...]:
    body = "\n\n".join(f"{n}. {t}" for n, t in enumerate(texts, 1))
    return extract_text("Notes\n\n" + body + "\n", fmt="text")


def _kinds(out: tuple[Located, ...]) -> list[tuple[str, str]]:
    return [(x.citation.kind, x.citation.text) for x in out]


def test_and_ibid_after_a_citation_names_a_sibling_collection() -> None:
    out = _notes(
        "Nobody came. (Truman Library, Daily Calendar, and ibid., Acheson Diaries, 1950)"
    )
    ibid = out[-1].citation
    assert (ibid.kind, ibid.status, ibid.text) == (
        "ibid",
        "parsed",
        "ibid., Acheson Diaries, 1950",
    )
    assert ibid.antecedent == out[-2].index
    assert ibid.archival is not None
    assert ibid.archival.repository == "Harry S. Truman Presidential Library"
    assert (ibid.archival.collection, ibid.archival.file_unit) == (
        "Acheson Diaries",
        "1950",
    )


@pytest.mark.parametrize(
    "tail",
    [
        "he said so, 1950",  # prose, not a unit
        "Country File, Japan",  # a series of the collection before, or a collection?
    ],
)
def test_an_ibid_tail_that_is_no_unit_stays_partial(tail: str) -> None:
    out = _notes(f"Nobody came. (Truman Library, Daily Calendar, and ibid., {tail})")
    ibid = out[-1].citation
    assert (ibid.kind, ibid.status) == ("ibid", "partial")
    assert ibid.reason is not None and "not a finer locator" in ibid.reason
    assert all(x.citation.kind != "unrecognized" for x in out)


FIRST = (
    "Memorandum, Johnson Library, National Security File, Country File, Japan, Box 250."
)


def test_a_document_described_before_ibid_takes_the_antecedents_place() -> None:
    out = _notes(FIRST, "The Embassy agreed. (Telegram 412 to Bonn; ibid.)")
    c = out[-1].citation
    assert (c.kind, c.status, c.text) == (
        "ibid",
        "parsed",
        "Telegram 412 to Bonn; ibid.",
    )
    assert c.antecedent == out[0].index
    assert c.archival is not None
    assert (c.archival.collection, c.archival.box) == ("National Security File", "250")
    assert (c.archival.item.type, c.archival.item.number) == ("telegram", "412")


def test_prose_before_a_semicolon_is_not_a_document() -> None:
    out = _notes(FIRST, "He agreed; ibid.")
    c = out[-1].citation
    assert (c.kind, c.text) == ("ibid", "ibid.")
    assert c.archival is not None and c.archival.item.type is None
