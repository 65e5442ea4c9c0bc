""" "hereafter cited as" for a collection: later notes cite new documents in it."""

from __future__ import annotations

from archcite.model import Located
from archcite.pipeline import extract_text


def _notes(*texts: str) -> tuple[Located, ...]:
    body = "\n\n".join(f"{n}. {t}" for n, t in enumerate(texts, 1))
    return extract_text("Notes\n\n" + body + "\n", fmt="text")


DECLARING = (
    'Bundy to Johnson, memorandum, June 10, 1964, folder "Vietnam, Memos, Vol. 11," '
    "box 5, National Security File, Lyndon Baines Johnson Library, Austin, TX "
    "(hereafter cited as NSF, LBJL)."
)


def test_a_new_document_in_a_declared_collection_is_a_full_citation() -> None:
    out = _notes(DECLARING, "Bundy to Johnson, June 12, 1964, NSF, LBJL.")
    c = out[-1].citation
    assert (c.kind, c.status, c.reason) == ("archival", "parsed", None)
    assert c.antecedent == out[0].index  # linked to the declaring citation
    assert c.archival is not None
    assert c.archival.collection == "National Security File"
    assert c.archival.repository == "Lyndon Baines Johnson Library"
    assert c.archival.item.date == "1964-06-12"
    # the box and folder belong to the declaring note's document, not this one
    assert (c.archival.box, c.archival.folder) == (None, None)


def test_ibid_after_the_new_document_continues_the_chain() -> None:
    out = _notes(
        DECLARING, "Bundy to Johnson, June 12, 1964, NSF, LBJL.", "Ibid., box 6."
    )
    c = out[-1].citation
    assert (c.kind, c.status, c.antecedent) == ("ibid", "parsed", out[1].index)
    assert c.archival is not None
    assert (c.archival.box, c.archival.item.date) == ("6", "1964-06-12")


def test_the_declared_collection_unknown_to_the_authority_is_taken_as_declared() -> (
    None
):
    out = _notes(
        "Rostow to Johnson, memorandum, May 2, 1967, box 14, Files of Walt W. "
        "Rostow, Lyndon Baines Johnson Library (hereafter Rostow Files, LBJL).",
        "Rostow to Johnson, May 9, 1967, box 15, Rostow Files, LBJL.",
    )
    c = out[-1].citation
    assert c.kind == "archival" and c.antecedent == out[0].index
    assert c.archival is not None
    assert c.archival.collection == "Files of Walt W. Rostow"
    assert c.archival.box == "15"


def test_the_same_document_again_stays_a_short_form() -> None:
    out = _notes(DECLARING, "Bundy to Johnson, June 10, 1964, NSF, LBJL.")
    c = out[-1].citation
    assert (c.kind, c.antecedent) == ("short", out[0].index)
    assert c.archival is not None and c.archival.box == "5"


def test_without_the_declaration_nothing_is_inherited() -> None:
    out = _notes(
        DECLARING.replace(" (hereafter cited as NSF, LBJL)", ""),
        "Bundy to Johnson, June 12, 1964, Rostow Files, LBJL.",
    )
    assert out[-1].citation.antecedent is None
