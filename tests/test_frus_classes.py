"""Unit tests for the rules of issue 11 (the gold cases in tests/gold/frus_*.jsonl
test them end to end): each rule, its edge, and what it must not claim."""

from __future__ import annotations

import pytest

from archcite import pipeline
from archcite.authority.frus_volumes import Parts, finish, identify, sibling
from archcite.grammar.collection_only import recognize as collection_only
from archcite.grammar.frus import recognize
from archcite.grammar.noncitation import NOTATION, fallback
from archcite.grammar.segment import clauses
from archcite.model import Citation, FrusRef, Note

HSG = "https://history.state.gov/historicaldocuments"


def _one(text: str) -> Citation:
    found = [c for c in recognize(text) if c.frus is not None]
    assert len(found) == 1, found
    return found[0]


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in clauses(text)]


def test_a_range_links_both_ends_and_keeps_one_page_entry() -> None:
    ref = finish(FrusRef(volume_id="frus1927v02", pages=("531–534", "600")))
    assert ref.pages == ("531–534", "600")
    assert ref.urls == (
        f"{HSG}/frus1927v02/pg_531",
        f"{HSG}/frus1927v02/pg_534",
        f"{HSG}/frus1927v02/pg_600",
    )
    assert ref.known and ref.reason is None


def test_a_page_beyond_the_volume_is_kept_without_a_link() -> None:
    ref = finish(FrusRef(volume_id="frus1927v02", pages=("12", "1201–1204")))
    assert ref.pages == ("12", "1201–1204")
    assert ref.urls == (f"{HSG}/frus1927v02/pg_12",)
    assert not ref.known
    assert ref.reason == (
        "page 1201–1204 is beyond the last page of frus1927v02 (at most 947 pages)"
    )
    # roman front matter is never beyond the end
    assert finish(FrusRef(volume_id="frus1927v02", pages=("xlii",))).known


def test_a_later_part_counts_the_pages_before_it() -> None:
    # FRUS 1907 Part II numbers its pages on from Part I (700 page images)
    assert finish(FrusRef(volume_id="frus1907p2", pages=("1200",))).known


@pytest.mark.parametrize(
    ("parts", "volume_id", "reason"),
    [
        (Parts(years="1917", supplement=1), "frus1917Supp01v01", None),
        (Parts(years="1918", supplement=2), "frus1918Supp02", None),
        (
            Parts(years="1918", supplement=1),
            None,
            "no volume in the catalog matches 1918, Supplement 1 alone: it is in 2 "
            "volumes (frus1918Supp01v01, frus1918Supp01v02); the volume is not cited",
        ),
        (
            Parts(years="1866"),
            None,
            "no volume in the catalog matches 1866 alone: it is in 3 volumes "
            "(frus1866p1, frus1866p2, frus1866p3); the part is not cited",
        ),
        (
            Parts(years="1900-18", title="General Index"),
            "frus1900-18Index",
            "frus1900-18Index (General Index of the Published Volumes of the Diplomatic "
            "Correspondence and Foreign Relations of the United States, 1900–1918) is "
            "not in the FRUS catalog",
        ),
    ],
)
def test_identify_what_the_catalog_cannot_match_exactly(
    parts: Parts, volume_id: str | None, reason: str | None
) -> None:
    assert identify(parts) == (volume_id, reason)


def test_a_supplement_of_the_year_being_read() -> None:
    cit = _one("Supplement 2, pp. 310 et seq.")
    assert cit.frus is not None and cit.frus.title == "Supplement 2"
    placed = sibling(cit.frus, "frus1918Supp01v01")
    assert placed is not None and placed.volume_id == "frus1918Supp02"
    # the year has no such supplement: nothing is guessed
    assert sibling(cit.frus, "frus1930v01") is None


@pytest.mark.parametrize(
    "text",
    [
        "Diplomatic Correspondence, 1901, p. 12",  # not the name of that year
        "American State Papers, Foreign Relations, vol. 4, p. 173",
        "Senate Committee on Foreign Relations, Hearings, 1947, p. 9",
    ],
)
def test_names_that_are_not_frus_here(text: str) -> None:
    assert [c for c in recognize(text) if c.kind == "frus"] == []


def test_a_line_is_no_page() -> None:
    cit = _one("p. 435, l. 9")
    assert cit.frus is not None and cit.frus.pages == ("435",)
    assert cit.text == "p. 435, l. 9"


def test_a_year_after_and_is_no_page() -> None:
    found = recognize(
        "Foreign Relations, 1922, vol. i, pp. 46 ff., and 1923, vol. ii, p. 1"
    )
    assert [(c.frus.volume_id, c.frus.pages) for c in found if c.frus] == [
        ("frus1922v01", ("46 ff.",)),
        ("frus1923v02", ("1",)),
    ]


@pytest.mark.parametrize(
    ("text", "documents", "pages"),
    [
        ("FRUS, 1961–63, 6:35", (), ("35",)),
        ("FRUS, 1961–63, 6: doc. 35", (35,), ()),
        ("FRUS 1964–68, 29, pt. 2: 112", (), ("112",)),
        # the compact form without a colon keeps its document (modern volumes)
        ("FRUS 1964–1968, XIV, 217", (217,), ()),
    ],
)
def test_chicago_volume_and_page(
    text: str, documents: tuple[int, ...], pages: tuple[str, ...]
) -> None:
    ref = _one(text).frus
    assert ref is not None and (ref.documents, ref.pages) == (documents, pages)


def test_a_number_after_the_imprint_is_a_page_and_a_link_a_document() -> None:
    imprint = "(Washington, DC: Government Printing Office, 2006)"
    base = f"Foreign Relations of the United States, 1969–1976, vol. XVII {imprint}"
    assert _one(f"{base}, 45").frus.pages == ("45",)  # type: ignore[union-attr]
    linked = _one(f"{base}, {HSG}/frus1969-76v17/d45").frus
    assert linked is not None and linked.documents == (45,)
    # a link to another volume is kept, and said
    other = _one(f"{base}, doc. 4, {HSG}/frus1969-76v18/d4").frus
    assert other is not None and other.volume_id == "frus1969-76v17"
    assert other.reason == "its link names frus1969-76v18"


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("For. Rels., 1907, p. 840.", 1),
        ("Foreign Relations, 1918, supp. 1, vol. ii, p. 214.", 1),
        ("Foreign Relations; 1889, p. 112.", 1),
        ("Foreign Relations, 1920, vol. iii, p. 5; 1921, vol. ii, p. 4.", 1),
        ("Great Britain, Cmd. 3343 (1929): Report, p. 10.", 1),
        # a semicolon inside a volume's title, with the editors after it
        (
            "Foreign Relations, 1958–1960, vol. 3, National Security Policy; Arms "
            "Control, ed. Edward C. Keefer (Washington, DC: GPO, 1996), doc. 23.",
            1,
        ),
        # but not before another citation
        ("Foreign Relations, 1920, vol. iii, p. 5; Rusk Papers, Box 3.", 2),
        ("He came for. Then he left.", 2),
    ],
)
def test_segmenter_keeps_a_frus_reference_whole(text: str, pieces: int) -> None:
    assert len(_texts(text)) == pieces, _texts(text)


def test_a_collection_alone_is_archival() -> None:
    (known,) = collection_only("Tasker H. Bliss Papers: Letter.")
    assert known.kind == "archival" and known.status == "parsed"
    assert known.archival is not None
    assert known.archival.repository == "Library of Congress"
    assert known.archival.item.type == "letter"
    assert known.text == "Tasker H. Bliss Papers: Letter"
    (unknown,) = collection_only("Edward N. Hurley Papers")
    assert unknown.status == "partial" and unknown.archival is not None
    assert unknown.archival.repository is None
    assert unknown.reason and "does not know" in unknown.reason
    assert collection_only("British and Foreign State Papers") == []
    assert collection_only("The Lansing Papers, 1914–1920, vol. ii") == []


def test_a_quoted_notation_is_no_citation() -> None:
    text = "Patchin wrote at the top: “Copied to Creel. File. PHP.”"
    assert fallback(text).reason == NOTATION
    # the file outside the quotation is still a citation's word
    assert fallback("File 711.94/2. He wrote: “Noted.”").kind == "unrecognized"


def _manuscript(*texts: str) -> list[Citation]:
    notes = [Note("m.txt", str(i + 1), i, t) for i, t in enumerate(texts)]
    return [loc.citation for loc in pipeline.finish(pipeline.locate(notes))]


def test_a_bare_page_in_a_manuscript_is_no_page_of_the_last_volume() -> None:
    out = _manuscript("FRUS, 1961–63, 6:35.", "Page 412.")
    last = out[-1]
    assert last.kind == "internal" and last.status == "partial"
    assert last.frus is not None and last.frus.volume_id is None
    assert last.reason and "not a FRUS volume" in last.reason
    # a document after a FRUS volume is still that volume's
    doc = _manuscript("FRUS, 1961–63, 6:35.", "See Document 12.")[-1]
    assert doc.frus is not None and doc.frus.volume_id == "frus1961-63v06"
