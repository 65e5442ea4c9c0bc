"""The Ibid./Id./Idem recognizer and its locator grammar."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archcite.grammar import recognizer_plugins
from archcite.grammar.shortforms import locators, recognize
from archcite.model import Citation


def one(text: str) -> Citation:
    found = recognize(text)
    assert len(found) == 1, found
    c = found[0]
    assert c.kind == "ibid"
    assert text[c.start : c.end] == c.text
    return c


@pytest.mark.parametrize(
    "text", ["Ibid.", "ibid.", "IBID.", "Ibidem.", "Id.", "Idem.", "(Ibid.)"]
)
def test_bare_forms(text: str) -> None:
    c = one(text)
    assert c.status == "parsed"
    assert c.archival is None and c.published is None and c.frus is None
    assert c.text.rstrip(".").lower() in ("ibid", "ibidem", "id", "idem")
    assert c.text.endswith(".")  # the abbreviation's own period is kept


def test_box() -> None:
    c = one("Ibid., Box 12.")
    assert c.text == "Ibid., Box 12"
    assert c.archival is not None and c.archival.box == "12"
    assert c.archival.repository is None and c.archival.folder is None


def test_decimal_file_after_prose() -> None:
    text = "McNamara's June 3 memorandum is ibid., 092 Bonin Islands."
    c = one(text)
    assert c.text == "ibid., 092 Bonin Islands"
    assert c.start == text.index("ibid")
    assert c.archival is not None and c.archival.file_number == "092 Bonin Islands"


def test_box_then_file_unit() -> None:
    text = (
        "The original letter is ibid., Box 757, Presidential Correspondence "
        "1969–1974, Korea: President Chung Hee Park, 1970."
    )
    c = one(text)
    assert c.archival is not None
    assert c.archival.box == "757"
    assert c.archival.file_unit == (
        "Presidential Correspondence 1969–1974, Korea: President Chung Hee Park, 1970"
    )


@pytest.mark.parametrize(
    ("text", "volume", "pages"),
    [
        ("Ibid., pages 39–41", None, "39–41"),
        ("(Ibid., pages 39–41)", None, "39–41"),
        ("Ibid., vol. cv, p. 9.", "cv", "9"),
        ("ibid., pp. 769–771.", None, "769–771"),
        ("Ibid., 45.", None, "45"),
        ("Ibid. p. 45", None, "45"),
        ("Ibid., pp. 482–485, 488–489.", None, "482–485, 488–489"),
    ],
)
def test_published_locators(text: str, volume: str | None, pages: str) -> None:
    c = one(text)
    assert c.published is not None
    assert (c.published.volume, c.published.pages) == (volume, pages)
    assert c.archival is None


def test_documents_are_frus_locators() -> None:
    c = one("NSC 10/2, June 18, 1948, printed ibid., Document 292.")
    assert c.frus is not None and c.frus.documents == (292,)
    c = one("For text of NSAM No. 124, see ibid., vol. VIII, Document 68.")
    assert c.frus is not None and (c.frus.volume, c.frus.documents) == ("VIII", (68,))
    c = one("See ibid., Documents 35 and 36.")
    assert c.frus is not None and c.frus.documents == (35, 36)


def test_ibid_inside_a_parenthesis_clause() -> None:
    # The segmenter gives "ibid." alone from "(Memorandum …, June 1; ibid.)".
    c = one("ibid.")
    assert c.start == 0 and c.end == 5


@pytest.mark.parametrize(
    ("text", "file_number"),
    [
        ("(Ibid., POL 1 ASIA SE)", "POL 1 ASIA SE"),
        ("Ibid., AID (JAPAN) VIET S", "AID (JAPAN) VIET S"),
        ("ibid., POL 2–3", "POL 2–3"),
        ("ibid., Viet 385.1 ARC LIGHT", "Viet 385.1 ARC LIGHT"),
        ("Ibid., 711.5611/2–2162.", "711.5611/2–2162"),
        ("Ibid., P860029–2278.", "P860029–2278"),
        ("Ibid., File No. 861.51/131.", "861.51/131"),
        (
            "ibid., POL JAPAN–US, POL 19 RYU IS, and FT 1 JAPAN–US",
            "POL JAPAN–US, POL 19 RYU IS, FT 1 JAPAN–US",
        ),
    ],
)
def test_file_numbers(text: str, file_number: str) -> None:
    c = one(text)
    assert c.archival is not None and c.archival.file_number == file_number


def test_accession_and_file() -> None:
    c = one("ibid., FRC 330 70 A 4443, Japan 373.24")
    assert c.archival is not None
    assert (c.archival.accession, c.archival.file_number) == (
        "330 70 A 4443",
        "Japan 373.24",
    )


def test_quoted_folder_with_commas() -> None:
    c = one('Ibid., folder "USSR, General, 2/62," box 180.')
    assert c.archival is not None
    assert (c.archival.folder, c.archival.box) == ("USSR, General, 2/62", "180")
    c = one("Ibid., folder “USSR, General, 2/62,” box 180.")
    assert c.archival is not None and c.archival.folder == "USSR, General, 2/62"


def test_reel_and_frames() -> None:
    c = one("Ibid., Reel 90, frames 112–118.")
    assert c.archival is not None
    assert (c.archival.reel, c.archival.frames) == ("90", "112–118")


def test_words_that_are_no_locator_make_it_partial() -> None:
    c = one("Ibid., as quoted above")
    assert c.status == "partial"
    assert c.reason is not None and "as quoted above" in c.reason
    assert c.archival is None


def test_another_unit_of_the_same_repository() -> None:
    pytest.importorskip("archcite.grammar.archival")
    c = one("Ibid., S/PC Files: Lot 72 D 139, Country Files")
    assert c.status == "parsed" and c.archival is not None
    assert (c.archival.collection, c.archival.lot) == ("S/PC Files", "72 D 139")
    assert c.archival.repository is None  # the Ibid. stands for it


def test_and_another_citation_goes_to_the_other_recognizers() -> None:
    text = (
        "ibid., DEF 12 JAPAN and Washington National Records Center, "
        "OSD/OASD/ISA Files: FRC 330 70 A 3717, 471.6 Japan"
    )
    found = recognize(text)
    assert found[0].kind == "ibid" and found[0].text == "ibid., DEF 12 JAPAN"
    assert (
        found[0].archival is not None
        and found[0].archival.file_number == "DEF 12 JAPAN"
    )
    assert len(found) == 2
    rest = found[1]
    assert text[rest.start : rest.end].startswith("Washington National Records Center")
    assert rest.kind in ("archival", "unrecognized")


def test_two_ibids_in_one_clause() -> None:
    text = "Memoranda of Miki's conversations, September 14 and 16, are ibid. and ibid., POL JAPAN–US."
    found = recognize(text)
    assert [c.text for c in found] == ["ibid.", "ibid., POL JAPAN–US"]
    assert (
        found[1].archival is not None
        and found[1].archival.file_number == "POL JAPAN–US"
    )


def test_unbalanced_paren_ends_the_citation() -> None:
    c = one("(Ibid., POL 7 JAPAN) Rusk's calendar does not reflect the meeting")
    assert c.text == "Ibid., POL 7 JAPAN" and c.status == "parsed"


@pytest.mark.parametrize(
    "text",
    [
        # legacy FRUS: "ibid." is Foreign Relations of that year (FRUS recognizer)
        "ibid., 1922, vol. i, p. 33",
        "NSAM No. 341, March 2, 1966, is printed ibid., 1964–1968, vol. XXXIII, Document 56.",
        # the words in front are a citation of their own
        "Papers of Woodrow Wilson, vol. 43, pp. 482–485, 488–489, and ibid., vol. 44, pp. 57–59",
        "Vattel, ibid., sec. 287.",
        # no Ibid. at all
        "Kennedy Library, National Security Files, Box 334.",
        "The ibidem principle",
        "Identified as Rusk.",
        "",
    ],
)
def test_not_claimed(text: str) -> None:
    assert recognize(text) == []


def test_registered_after_noncitation_and_before_archival() -> None:
    chain = [name for name, _ in recognizer_plugins()]
    mine = chain.index("shortforms")
    assert chain.index("noncitation") < mine < chain.index("archival")


def test_locators_rest() -> None:
    found = locators("Box 3, Folder 7")
    assert found.archival is not None and (
        found.archival.box,
        found.archival.folder,
    ) == (
        "3",
        "7",
    )
    assert found.rest == ""
    assert locators("").empty
    assert locators("Meeting Notes File").rest == "Meeting Notes File"


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list('Ibid.,; ()“”"BoxFolderp1927–-vol.cvPOLJAPAN Document ')
        ),
        max_size=60,
    )
)
def test_never_raises_and_offsets_hold(text: str) -> None:
    for c in recognize(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.kind == "ibid"
        assert (c.status == "partial") == (c.reason is not None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_any_text(text: str) -> None:
    recognize("Ibid., " + text)
    recognize(text)


def test_footnote_after_a_page_is_part_of_the_pinpoint() -> None:
    # frus1918Russiav03 d235fn3
    c = one("Ibid., p. 31, footnote 1.")
    assert c.status == "parsed" and c.published is not None
    assert c.published.pages == "31"


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        # frus1918Russiav03 d441fn2
        ("Printed in full, ibid., p. 433.", "ibid., p. 433"),
        # frus1930v01 ch14subch1fn27: the document described, then where printed
        (
            "For text of agreement, see telegram No. 50, September 12, 1929, to "
            "the Chargé in Bolivia, ibid., p. 860.",
            "ibid., p. 860",
        ),
    ],
)
def test_ibid_after_printed_in_full_or_a_document_description(
    text: str, cited: str
) -> None:
    c = one(text)
    assert c.text == cited and c.status == "parsed"
    assert c.published is not None and c.published.pages == cited.split()[-1]


def test_a_description_naming_a_work_still_blocks_the_ibid() -> None:
    assert (
        recognize("See telegram No. 50 in Papers of Wilson, vol. 4, ibid., p. 8.") == []
    )


def test_bid_guard_has_every_case_folding_of_ibid() -> None:
    import re

    from archcite.grammar.shortforms import _BID

    # Every character IGNORECASE equates with b, i or d must be in the guard.
    for letter in "bid":
        folds = re.compile(letter, re.IGNORECASE)
        for code in range(0x110000):
            ch = chr(code)
            if folds.fullmatch(ch):
                probe = {"b": f"{ch}id", "i": f"b{ch}d", "d": f"bi{ch}"}[letter]
                assert _BID.search(probe), (letter, hex(code))
