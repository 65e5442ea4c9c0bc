"""Document labels of legacy volumes are not FRUS cross-references."""

from __future__ import annotations

from dataclasses import replace

import pytest

from archcite import pipeline, readers
from archcite.grammar.labels import (
    inclosure_label,
    is_label,
    label_reason,
    text_label_reason,
)
from archcite.model import Located, Note
from archcite.readers import Source


def label_note(index: int, text: str) -> Note:
    """A legacy ``<note rend="inline" type="source">``: no @n, no xml:id."""
    return Note("v.xml", str(index + 1), index, text, doc="d5", note_type="source")


def footnote(text: str) -> Note:
    return Note("v.xml", "1", 0, text, doc="d2", note_id="d2fn1")


def run(*notes: Note, volume: str = "frus1894Nicaragua") -> list[Located]:
    placed = [replace(n, volume_id=volume) for n in notes]
    return list(pipeline.finish(pipeline.locate(placed)))


@pytest.mark.parametrize(
    "text",
    [
        "No. 5.",
        " No. 1.",
        "*No. 4.",
        "No. 379.]",
        "[No. 12.]",
        "No. 4.[12]",
        "*No. 6. [2]",
        "No III",
        "No. IV.",
        "No. 61",
    ],
)
def test_dispatch_number_label_is_not_a_citation(text: str) -> None:
    [loc] = run(label_note(3, text))
    c = loc.citation
    assert c.kind == "not-a-citation" and c.frus is None
    assert c.reason == "document label (dispatch number)"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[Inclosure 3 in No. 12.]", "document label (inclosure in dispatch No. 12)"),
        ("[Inclosure in No. 2.]", "document label (inclosure in dispatch No. 2)"),
        ("[Inclosure 2 in No. 61.", "document label (inclosure in dispatch No. 61)"),
        (
            "[Inclosure 1 in No.73–From the Times]",
            "document label (inclosure in dispatch No. 73)",
        ),
        (
            "[Inclosure 4 in dispatch No. 8.—Translation.]",
            "document label (inclosure in dispatch No. 8)",
        ),
        ("[Incloaure 2 in No. 95.]", "document label (inclosure in dispatch No. 95)"),
        ("[Inclosure No. 1.]", "document label (inclosure)"),
        ("[Enclosure 2—Translation]", "document label (inclosure)"),
    ],
)
def test_inclosure_label_is_not_a_citation_in_any_note(text: str, reason: str) -> None:
    assert inclosure_label(text) == reason
    for note in (label_note(3, text), footnote(text)):
        [loc] = run(note)
        assert loc.citation.kind == "not-a-citation"
        assert loc.citation.reason == reason


@pytest.mark.parametrize(
    "text",
    [
        "[Enclosure to despatch 45 from Paris, March 3, 1920. National Archives, "
        "RG 59, Central Decimal File 1910–29, 711.00/45.]",
        "[Enclosure: memorandum by Lansing, Library of Congress, Lansing Papers, Box 3.]",
    ],
)
def test_a_bracketed_enclosure_note_with_a_citation_keeps_it(text: str) -> None:
    assert inclosure_label(text) is None
    kinds = [loc.citation.kind for loc in run(footnote(text))]
    # read as a citation, or reported as one not understood: never a label
    assert {"archival", "unrecognized"} & set(kinds), kinds
    # as a TEI label line it is a heading, whatever it says
    assert inclosure_label(text, heading=True) == "document label (inclosure)"


def test_a_footnote_citing_a_numbered_document_stays_a_reference() -> None:
    # frus1894Nicaragua d2fn1 "No. 1." and d73fn1 are linked to #d1 / #d61 by
    # the Office of the Historian: there "No. N" is the volume's own number.
    for text, doc in [
        ("No. 1.", 1),
        ("See No. 15.", 15),
        ("See inclosure 2 in No. 61.", 61),
    ]:
        assert label_reason(footnote(text)) is None
        [loc] = run(footnote(text))
        c = loc.citation
        assert c.kind == "internal" and c.frus is not None, text
        assert (c.frus.volume_id, c.frus.documents) == ("frus1894Nicaragua", (doc,))


@pytest.mark.parametrize(
    "text",
    [
        "Telegram No. 61 of March 3.",
        "See telegram No. 61, March 3, from the Minister.",
        "Instruction No. 548, not printed.",
        "Transmitted in dispatch No. 12.",
    ],
)
def test_numbered_dispatch_in_prose_is_no_internal_reference(text: str) -> None:
    for note in (footnote(text), label_note(0, text)):
        assert all(loc.citation.kind != "internal" for loc in run(note)), text


@pytest.mark.parametrize(
    ("text", "documents", "pages"),
    [
        ("See Document 389.", (389,), ()),
        ("Document 31, footnote 3.", (31,), ()),
        ("See footnote 2, Document 6.", (6,), ()),
        ("Ante, p. 5.", (), ("5",)),
    ],
)
def test_real_internal_references_still_resolve(
    text: str, documents: tuple[int, ...], pages: tuple[str, ...]
) -> None:
    [loc] = run(footnote(text), volume="frus1961-63v25")
    c = loc.citation
    assert c.kind == "internal" and c.frus is not None
    assert (c.frus.volume_id, c.frus.documents, c.frus.pages) == (
        "frus1961-63v25",
        documents,
        pages,
    )


def test_supra_is_still_internal() -> None:
    [loc] = run(footnote("Supra."))
    assert loc.citation.kind == "internal"


def test_a_label_note_is_recognized_only_by_its_markup() -> None:
    assert is_label(label_note(4, "No. 5."))
    assert not is_label(footnote("No. 5."))
    # a modern source note has an xml:id
    assert not is_label(
        Note("v.xml", "1", 0, "No. 5.", note_id="d1fn1", note_type="source")
    )


_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1894Nicaragua"><text><body>
<div type="document" xml:id="d1"><head>No. 1.</head>
<note rend="inline" type="source">[Telegram.]</note><p>Appeal.</p></div>
<div type="document" xml:id="d2"><head>No. 2.</head><p>I transmit a copy of a
telegram<note n="1" xml:id="d2fn1"><ref target="#d1">No. 1</ref>.</note>.</p>
<note rend="inline" type="source">[Inclosure in No. 2.]</note><p>Text.</p></div>
<div type="document" xml:id="d5"><note rend="inline" type="source">No. 12.</note>
<p>Sir.</p></div></body></text></TEI>"""


def test_labels_and_footnote_as_the_tei_reader_gives_them() -> None:
    notes = list(readers.read(Source("v.xml", data=_TEI.encode()), "tei"))
    out = {
        loc.note.text: loc.citation for loc in pipeline.finish(pipeline.locate(notes))
    }
    assert out["No. 1."].kind == "internal"
    assert out["No. 1."].frus is not None and out["No. 1."].frus.documents == (1,)
    assert (
        out["[Inclosure in No. 2.]"].reason
        == "document label (inclosure in dispatch No. 2)"
    )
    assert out["No. 12."].kind == "not-a-citation"
    assert out["No. 12."].reason == "document label (dispatch number)"


def test_text_label_reason_needs_the_heading_fact_for_a_bare_number() -> None:
    # scripts/coverage_archival.py reads raw XML: it says whether the note is a
    # heading line (no xml:id) instead of passing a Note
    assert (
        text_label_reason("No. 61.", heading=True) == "document label (dispatch number)"
    )
    assert text_label_reason("No. 61.", heading=False) is None
    assert text_label_reason("[Inclosure in No. 2.]", heading=False) is not None
    assert text_label_reason("File No. 861.00/3254", heading=True) is None
