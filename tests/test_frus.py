"""The FRUS cross-reference recognizer: every form of issue 4, offsets, roles, links."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archcite import pipeline, readers
from archcite.authority.frus_volumes import CURRENT_DOCUMENT, sibling, with_volume
from archcite.authority.numerals import int_to_roman, roman_to_int
from archcite.grammar.frus import recognize
from archcite.grammar.segment import clauses
from archcite.model import Citation, FrusRef, Located
from archcite.readers import Source

HSG = "https://history.state.gov/historicaldocuments"


def one(text: str) -> Citation:
    found = recognize(text)
    assert len(found) == 1, found
    return found[0]


def test_done_when_example() -> None:
    text = "For texts, see Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36."
    cit = one(text)
    ref = cit.frus
    assert ref is not None
    assert cit.kind == "frus" and cit.status == "parsed" and cit.role == "reference"
    assert text[cit.start : cit.end] == cit.text
    assert cit.text == "Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36"
    assert ref.volume_id == "frus1961-63v06"
    assert ref.title == "Kennedy-Khrushchev Exchanges"
    assert (ref.subseries, ref.volume, ref.part) == ("1961–1963", "VI", None)
    assert ref.documents == (35, 36)
    assert ref.urls == (f"{HSG}/frus1961-63v06/d35", f"{HSG}/frus1961-63v06/d36")
    assert ref.known and ref.reason is None


@pytest.mark.parametrize(
    ("text", "volume_id", "documents", "pages"),
    [
        (
            "Foreign Relations of the United States, 1969–1976, Volume XIX, Part 1, "
            "Korea, 1969–1972, eds. Daniel J. Lawler and Erin R. Mahan (Washington: "
            "Government Printing Office, 2010), Document 75",
            "frus1969-76v19p1",
            (75,),
            (),
        ),
        ("FRUS, 1961–63, vol. 5, doc. 87", "frus1961-63v05", (87,), ()),
        ("FRUS 1964–1968, XIV, 217", "frus1964-68v14", (217,), ()),
        (
            "Papers Relating to the Foreign Relations of the United States, 1918, "
            "Russia, Volume III, p. 51",
            "frus1918Russiav03",
            (),
            ("51",),
        ),
        (
            "Foreign Relations, 1943, The Conferences at Cairo and Tehran, p. 512",
            "frus1943CairoTehran",
            (),
            ("512",),
        ),
        (
            "Foreign Relations, 1945, The Conference of Berlin (Potsdam), vol. II, "
            "Document 1382",
            "frus1945Berlinv02",
            (1382,),
            (),
        ),
        (
            "Foreign Relations, 1917, Supplement 2, The World War, vol. I, pp. 161–222",
            "frus1917Supp02v01",
            (),
            ("161–222",),
        ),
        (
            "Foreign Relations, 1929, vol. i, pp. 112 ff.",
            "frus1929v01",
            (),
            ("112 ff.",),
        ),
        (
            "Foreign Relations, 1952–1954, vol. IV, pp. 1091–1093 (Document 20)",
            "frus1952-54v04",
            (20,),
            ("1091–1093",),
        ),
        (
            "Foreign Relations, 1969–1976, vol. E–15, Part 1, Document 10",
            "frus1969-76ve15p1",
            (10,),
            (),
        ),
        (
            "Foreign Relations, 1961–1963, vols. VII–IX, microfiche supplement, Document 5",
            "frus1961-63v07-09mSupp",
            (5,),
            (),
        ),
        (
            "Foreign Relations, 1955–1957, vol. III, microfiche supplement, Document 2",
            "frus1955-57v03mSupp",
            (2,),
            (),
        ),
        (
            "Foreign Relations, 1961–1963, vol. X, Documents 12–14",
            "frus1961-63v10",
            (12, 13, 14),
            (),
        ),
        (
            "Foreign Relations, [1917], With the Address of the President to Congress, "
            "December 4, 1917, pp. ix–xvi",
            "frus1917",
            (),
            ("ix–xvi",),
        ),
        (
            "Foreign Relations, Paris Peace Conference, 1919, vol. ii, p. 175",
            "frus1919Parisv02",
            (),
            ("175",),
        ),
        (
            "Foreign Relations, 1977–1980, vol. VI, Soviet Union, Document 82",
            "frus1977-80v06",
            (82,),
            (),
        ),
        (
            "Foreign Relations, 1945–1950, Emergence of the Intelligence Establishment, "
            "Document 257",
            "frus1945-50Intel",
            (257,),
            (),
        ),
        ("Foreign Relations, 1964–1968, vol. XXIX Part 1", "frus1964-68v29p1", (), ()),
        (
            "Foreign Relations, 1952–1954, Guatemala, Document 3",
            "frus1952-54Guat",
            (3,),
            (),
        ),
    ],
)
def test_named_volume_forms(
    text: str, volume_id: str, documents: tuple[int, ...], pages: tuple[str, ...]
) -> None:
    cit = one(text)
    assert cit.frus is not None
    assert cit.kind == "frus"
    assert cit.frus.volume_id == volume_id
    assert cit.frus.documents == documents
    assert cit.frus.pages == pages
    assert cit.frus.known, cit.frus.reason
    assert cit.start == 0 and cit.end == len(text)


def test_links_for_pages_and_whole_volumes() -> None:
    ref = one("Foreign Relations, 1929, vol. i, pp. 112 ff.").frus
    assert ref is not None and ref.urls == (f"{HSG}/frus1929v01/pg_112",)
    whole = one("Foreign Relations, 1964–1968, vol. XXIX Part 1").frus
    assert whole is not None and whole.urls == (f"{HSG}/frus1964-68v29p1",)


def test_second_volume_is_elliptical() -> None:
    text = "Foreign Relations, 1964–1968, vol. XIV, Documents 217 and 218, and vol. XV, Document 3."
    first, second = recognize(text)
    assert first.frus is not None and second.frus is not None
    assert (first.frus.volume_id, first.frus.documents) == (
        "frus1964-68v14",
        (217, 218),
    )
    assert (second.frus.volume_id, second.frus.documents) == ("frus1964-68v15", (3,))
    assert second.text == "vol. XV, Document 3"


def test_legacy_ibid_with_year_is_claimed() -> None:
    text = "Treaty signed at Washington, December 13, 1921, ibid., 1922, vol. i, p. 33."
    cit = one(text)
    assert cit.frus is not None
    assert cit.kind == "frus" and cit.text == "ibid., 1922, vol. i, p. 33"
    assert (cit.frus.volume_id, cit.frus.pages) == ("frus1922v01", ("33",))
    assert cit.frus.reason is not None and "ibid." in cit.frus.reason


def test_plain_ibid_is_left_to_the_ibid_recognizer() -> None:
    assert recognize("Ibid., p. 437.") == []
    assert recognize("NSC 10/2, June 18, 1948, printed ibid., Document 292.") == []


def test_volume_named_by_an_ibid_is_a_sibling_of_the_antecedent() -> None:
    # "see ibid., vol. VIII, Document 68" after a 1961–1963 volume (resolve)
    ref = FrusRef(volume="VIII", documents=(68,))
    found = sibling(ref, "frus1961-63v10")
    assert found is not None and found.volume_id == "frus1961-63v08"
    # a volume the subseries does not have is not guessed
    assert sibling(FrusRef(volume="XCIX"), "frus1961-63v10") is None
    assert with_volume(FrusRef(documents=(292,)), "frus1945-50Intel").urls == (
        f"{HSG}/frus1945-50Intel/d292",
    )


@pytest.mark.parametrize(
    ("text", "documents", "pages", "footnotes"),
    [
        ("See Document 389.", (389,), (), ()),
        ("See Documents 2 and 3.", (2, 3), (), ()),
        ("See footnote 2, Document 6.", (6,), (), ((6, 2),)),
        ("Document 31, footnote 3.", (31,), (), ((31, 3),)),
        ("See Documents 94–96.", (94, 95, 96), (), ()),
        ("Ante, p. 5.", (), ("5",), ()),
        ("Ante, pp. 66 and 69.", (), ("66", "69"), ()),
        ("See No. 15.", (15,), (), ()),
        ("No. 1.", (1,), (), ()),
        ("See pp. 1 ff.", (), ("1 ff.",), ()),
        (
            "See telegram No. 35, February 4, from the chairman of the delegation, p. 13.",
            (),
            ("13",),
            (),
        ),
        ("See “Revolution in Bolivia,” pp. 415 ff.", (), ("415 ff.",), ()),
    ],
)
def test_internal_references(
    text: str,
    documents: tuple[int, ...],
    pages: tuple[str, ...],
    footnotes: tuple[tuple[int, int], ...],
) -> None:
    cit = one(text)
    assert cit.frus is not None
    assert cit.kind == "internal" and cit.status == "parsed"
    assert cit.frus.volume_id is None and cit.frus.internal
    assert (cit.frus.documents, cit.frus.pages, cit.frus.footnotes) == (
        documents,
        pages,
        footnotes,
    )
    assert not cit.text.startswith(("See", "see"))


def test_supra_is_internal_without_locator() -> None:
    cit = one("Supra.")
    assert cit.kind == "internal" and cit.status == "partial"


def test_with_volume_fills_an_internal_reference() -> None:
    ref = one("See also Document 389.").frus
    assert ref is not None
    placed = with_volume(ref, "frus1961-63v25")
    assert placed.volume_id == "frus1961-63v25" and placed.known
    assert placed.urls == (f"{HSG}/frus1961-63v25/d389",)
    assert placed.subseries == "1961–1963" and placed.volume == "XXV"


def test_elliptical_volume_resolves_to_a_sibling() -> None:
    cit = one("Cf. vol. i, p. 135.")
    assert cit.frus is not None and cit.kind == "frus" and cit.status == "partial"
    assert cit.frus.volume_id is None and cit.frus.volume == "I"
    ref = sibling(cit.frus, "frus1918Russiav03")
    assert ref is not None and ref.volume_id == "frus1918Russiav01"
    assert ref.urls == (f"{HSG}/frus1918Russiav01/pg_135",)


@pytest.mark.parametrize(
    "text",
    [
        "Papers of Woodrow Wilson, vol. 43, pp. 482–485, 488–489.",
        "League of Nations Treaty Series, vol. cvi, p. 121.",
        "Leary, The Central Intelligence Agency: History and Documents, pp. 63, 147–148.",
        "Senate Foreign Relations Committee hearings, 1962.",
        "Documents on German Foreign Policy, Series D, vol. X, Document 5.",
        "See telegram No. 1961, Sept. 17, 9 p.m.",
        "Department of State Conference Series No. 6.",
        # frus1872p2v5: the pages of the British "Historical Note", not of FRUS
        "Historical Note, p. xx.",
        "Historical note, p. xix.",
        "Appendix No. 5, and Historical Note, p. xix.",
        "Mr. Pakenham’s comments in his dispatch of the 29th July, 1846, Historical Note, p. xx.",
        "[Inclosure 3 in No. 12.]",
        "Documents pertaining to that meeting are in the National Archives.",
    ],
)
def test_not_frus(text: str) -> None:
    assert recognize(text) == []


def test_printing_role() -> None:
    text = "This memorandum is printed in full in Foreign Relations, 1977–1980, vol. VI, Soviet Union, Document 81."
    cit = one(text)
    assert cit.role == "printing"
    also = one("Also printed in Foreign Relations, 1961–1963, vol. VI, Document 3.")
    assert also.role == "printing"


def test_validation_of_document_numbers() -> None:
    cit = one("Foreign Relations, 1961–1963, vol. VI, Document 999")
    assert cit.frus is not None
    assert not cit.frus.known and cit.status == "partial"
    assert cit.frus.reason is not None and "999" in cit.frus.reason
    assert cit.frus.urls == ()
    # Potsdam volume II numbers its documents after volume I's 709
    early = one(
        "Foreign Relations, 1945, The Conference of Berlin (Potsdam), vol. II, Document 12"
    )
    assert early.frus is not None and not early.frus.known


def test_unknown_volume_keeps_its_parts() -> None:
    cit = one("Foreign Relations, 1961–1963, vol. XXXIX, Document 4")
    ref = cit.frus
    assert ref is not None
    assert ref.volume_id is None and not ref.known and ref.urls == ()
    assert (ref.subseries, ref.volume, ref.documents) == ("1961–1963", "XXXIX", (4,))
    assert ref.reason is not None and cit.status == "partial"


def test_seed_notes_2_and_3(shared_dir: Path) -> None:
    text = (shared_dir / "corpus" / "seed" / "nsam129.txt").read_text(encoding="utf-8")
    note2 = next(
        line.strip()[3:]
        for line in text.splitlines()
        if line.strip().startswith("2. For texts")
    )
    found = [c for s in clauses(note2) for c in recognize(note2[s.start : s.end])]
    assert [c.kind for c in found] == ["frus", "internal"]
    assert found[0].frus is not None and found[0].frus.volume_id == "frus1961-63v06"
    assert found[0].frus.documents == (35, 36)
    assert found[1].frus is not None and found[1].frus.documents == (389,)
    assert with_volume(found[1].frus, "frus1961-63v25").urls == (
        f"{HSG}/frus1961-63v25/d389",
    )
    note3 = next(
        line.strip()[3:]
        for line in text.splitlines()
        if line.strip().startswith("3. On February 27")
    )
    assert [c for s in clauses(note3) for c in recognize(note3[s.start : s.end])] == []


def test_roman_numerals() -> None:
    for n in range(1, 120):
        assert roman_to_int(int_to_roman(n)) == n
        assert roman_to_int(int_to_roman(n).lower()) == n
    assert roman_to_int("IIII") is None and roman_to_int("vol") is None


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36 ibid. pp. ff. Ante No.()[]–-;"
            )
        ),
        max_size=120,
    )
)
def test_never_raises_and_offsets_are_in_range(text: str) -> None:
    for cit in recognize(text):
        assert 0 <= cit.start <= cit.end <= len(text)
        assert text[cit.start : cit.end] == cit.text


def test_microfiche_supplement_of_a_volume_list_with_semicolon_titles() -> None:
    text = (
        "Foreign Relations of the United States, 1961–1963, Volumes VII, VIII, IX, "
        "Arms Control; National Security Policy; Foreign Economic Policy, "
        "Microfiche Supplement, Document 5."
    )
    [cit] = [
        c for span in clauses(text) for c in recognize(text[span.start : span.end])
    ]
    assert cit.frus is not None
    assert cit.frus.volume_id == "frus1961-63v07-09mSupp"
    assert cit.frus.documents == (5,)


def test_each_volume_of_a_list_is_a_reference_of_its_own() -> None:
    text = "Foreign Relations, 1961–1963, vols. V and VI."
    five, six = recognize(text)
    assert five.text == "Foreign Relations, 1961–1963, vols. V" and six.text == "VI"
    assert text[six.start : six.end] == "VI"
    for cit, volume_id in ((five, "frus1961-63v05"), (six, "frus1961-63v06")):
        assert cit.kind == "frus" and cit.status == "parsed"
        ref = cit.frus
        assert ref is not None and ref.volume_id == volume_id and ref.known
        assert ref.subseries == "1961–1963" and ref.reason is None
        assert (ref.documents, ref.pages) == ((), ())
        assert ref.urls == (f"{HSG}/{volume_id}",)
    # the list shares the lead-in: both are printings
    printed = recognize("Printed in Foreign Relations, 1961–1963, vols. V and VI.")
    assert [c.role for c in printed] == ["printing", "printing"]
    # a single volume followed by a bare document number is not a list
    compact = one("FRUS 1964–1968, vol. XIV, 217")
    assert compact.frus is not None and compact.frus.documents == (217,)


def tei_records(volume_id: str, body: str) -> list[Located]:
    """The resolved records of a TEI volume whose body is ``body``."""
    xml = (
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{volume_id}"><text><body>'
        f"{body}</body></text></TEI>"
    )
    notes = readers.read(Source("v.xml", data=xml.encode()), "tei")
    return list(pipeline.finish(pipeline.locate(notes)))


def test_period_slip_after_foreign_relations_before_year_and_volume() -> None:
    # frus1930v01 d274fn29: "Foreign Relations." for "Foreign Relations,"
    cit = one("Foreign Relations. 1929, vol. i, p. 862.")
    assert cit.kind == "frus" and cit.status == "parsed"
    assert cit.text == "Foreign Relations. 1929, vol. i, p. 862"
    assert cit.frus is not None and cit.frus.volume_id == "frus1929v01"
    assert cit.frus.pages == ("862",)
    # the year alone after a period is the next sentence, not a volume
    assert recognize("the Committee on Foreign Relations. 1929 was") == []


def test_ibid_after_the_period_slip_resolves_to_its_volume() -> None:
    # frus1930v01 d274fn30 follows d274fn29
    records = tei_records(
        "frus1930v01",
        '<div type="document" xml:id="d274"><p>a<note n="29" xml:id="d274fn29">'
        "Foreign Relations. 1929, vol. i, p. 862.</note> b"
        '<note n="30" xml:id="d274fn30">Reference is to the conciliation agreement '
        "of September 12, 1929; for text, see telegram No. 50, September 12, 1929, "
        "to the Chargé in Bolivia, ibid., p. 860.</note></p></div>",
    )
    [ibid] = [r.citation for r in records if r.citation.kind == "ibid"]
    assert ibid.antecedent is not None and ibid.frus is not None
    assert ibid.frus.volume_id == "frus1929v01" and ibid.frus.pages == ("860",)


def test_footnote_above_waits_for_the_document_of_its_note() -> None:
    cit = one("See footnote 1 above.")
    assert cit.kind == "internal" and cit.status == "partial"
    assert cit.text == "footnote 1 above"
    assert cit.frus is not None and cit.frus.documents == ()
    assert cit.frus.footnotes == ((CURRENT_DOCUMENT, 1),)
    assert cit.frus.reason is not None and "current document" in cit.frus.reason


def _internal(records: list[Located], note_id: str) -> Citation:
    [cit] = [
        r.citation
        for r in records
        if r.note.note_id == note_id and r.citation.kind == "internal"
    ]
    return cit


def test_footnote_above_is_a_footnote_of_the_current_tei_document() -> None:
    # frus1964-68v29p2 d5fn4 and d140fn4: the gold links #d5fn2 and #d140fn1
    records = tei_records(
        "frus1964-68v29p2",
        '<div type="document" xml:id="d5"><p>a<note n="2" xml:id="d5fn2">Not '
        'printed.</note> b<note n="4" xml:id="d5fn4">McNamara included a draft '
        "Memorandum of Understanding with his letter of November 16, 1963; see "
        "footnote 2 above.</note></p></div>"
        '<div type="document" xml:id="d140"><p>a<note n="1" xml:id="d140fn1">Not '
        'found.</note> b<note n="4" xml:id="d140fn4">See footnote 1 above.</note>'
        "</p></div>",
    )
    for note_id, doc, fn in (("d5fn4", 5, 2), ("d140fn4", 140, 1)):
        cit = _internal(records, note_id)
        assert cit.status == "parsed" and cit.reason is None
        ref = cit.frus
        assert ref is not None and ref.volume_id == "frus1964-68v29p2"
        assert ref.internal and ref.documents == (doc,)
        assert ref.footnotes == ((doc, fn),)


def test_footnote_above_in_a_volume_numbered_through_a_chapter() -> None:
    # legacy footnotes run on across documents: footnote 29 is in d274
    records = tei_records(
        "frus1930v01",
        '<div type="chapter" xml:id="ch1"><div type="document" xml:id="d274"><p>a'
        '<note n="29" xml:id="d274fn29">Not printed.</note></p></div>'
        '<div type="document" xml:id="d275"><p>b<note n="30" xml:id="d275fn30">See '
        'footnote 29 above and footnote 31 below.</note> c<note n="31" '
        'xml:id="d275fn31">Not found.</note></p></div></div>',
    )
    refs = [r.citation.frus for r in records if r.citation.kind == "internal"]
    assert [(f.documents, f.footnotes) for f in refs if f is not None] == [
        ((274,), ((274, 29),)),
        ((275,), ((275, 31),)),
    ]


def test_footnote_above_in_a_manuscript_is_not_a_frus_reference() -> None:
    notes = readers.read(
        Source(
            "m.md",
            data=b"Text.[^1] More.[^2]\n\n[^1]: Not printed.\n"
            b"[^2]: See footnote 1 above.\n",
        ),
        "markdown",
    )
    records = list(pipeline.finish(pipeline.locate(notes)))
    [cit] = [r.citation for r in records if r.note.label == "2"]
    assert cit.kind == "not-a-citation" and cit.frus is None
    assert cit.reason is not None and "another note of this text" in cit.reason


def test_locators_after_a_list_of_volumes_are_the_last_volumes() -> None:
    text = "See Foreign Relations, 1961–1963, Volumes VII, VIII, IX, Document 5."
    found = recognize(text)
    assert [c.frus.volume_id for c in found if c.frus] == [
        "frus1961-63v07",
        "frus1961-63v08",
        "frus1961-63v09",
    ]
    assert [c.text for c in found][1:] == ["VIII", "IX, Document 5"]
    assert [c.frus.documents for c in found if c.frus] == [(), (), (5,)]
    for cit in found:
        assert cit.status == "parsed"
        assert cit.frus is not None and cit.frus.reason is None


def test_a_list_of_volumes_gives_one_record_and_item_per_volume() -> None:
    records = tei_records(
        "frus1961-63v06",
        '<div type="document" xml:id="d1"><p>a<note n="1" xml:id="d1fn1">See '
        "Foreign Relations, 1961–1963, vols. V and VI.</note></p></div>",
    )
    frus = [r.citation.frus for r in records if r.citation.kind == "frus"]
    assert [f.volume_id for f in frus if f] == ["frus1961-63v05", "frus1961-63v06"]
    ids = [r.citation.csl["id"] for r in records if r.citation.csl]
    assert ids == ["frus1961-63v05", "frus1961-63v06"]
