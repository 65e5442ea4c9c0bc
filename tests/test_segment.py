"""Clause splitting: sentences, semicolons, parentheses, abbreviations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archcite.grammar.segment import clauses, sentences, top_semicolons

SEED_1 = (
    "Source: Kennedy Library, National Security Files, Meetings and Memoranda Series, "
    "NSAM No. 129, U.S.-USSR Space Cooperation, Box 334. No classification marking. "
    "Copies were sent to the Administrator of NASA."
)


def parts(text: str) -> list[str]:
    return [text[s:e] for s, e in clauses(text)]


def test_seed_note_1_sentences() -> None:
    assert parts(SEED_1) == [
        "Source: Kennedy Library, National Security Files, Meetings and Memoranda "
        "Series, NSAM No. 129, U.S.-USSR Space Cooperation, Box 334.",
        "No classification marking.",
        "Copies were sent to the Administrator of NASA.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36.",
        "Papers of Woodrow Wilson, vol. 43, pp. 456–459.",
        "Memorandum from Dean Rusk to John F. Kennedy, February 20, 1962.",
        "Letter from Lucius D. Battle to McGeorge Bundy, Feb. 27, 1962.",
        "U.S. Embassy in Tokyo to Dept. of State, telegram, Jan. 5, 1967.",
        "National Archives, RG 59, Central Decimal File 1910–1929, Box 736, 103.9302/12a.",
    ],
)
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert parts(text) == [text]


def test_classification_marking_is_not_cut_at_semicolons() -> None:
    assert parts("Top Secret; Sensitive; Exclusively Eyes Only.") == [
        "Top Secret; Sensitive; Exclusively Eyes Only."
    ]


def test_semicolon_clauses_and_parenthesis() -> None:
    text = (
        "His request followed. (Memorandum from McNaughton to McNamara, June 1; ibid.) "
        "The Japanese request anticipated a discussion."
    )
    assert parts(text) == [
        "His request followed.",
        "Memorandum from McNaughton to McNamara, June 1",
        "ibid.",
        "The Japanese request anticipated a discussion.",
    ]


def test_short_parenthesis_stays_in_its_sentence() -> None:
    text = "Foreign Relations, 1945, The Conference of Berlin (Potsdam), vol. II, Document 1382."
    assert parts(text) == [text]


def test_parenthetical_citation_after_sentence() -> None:
    text = (
        "McGhee had been designated. (Kennedy Library, National Security Files, "
        "Meetings and Memoranda Series, NSAM No. 129, U.S.-USSR Space Cooperation, Box 334)"
    )
    assert parts(text)[1].startswith("Kennedy Library") and parts(text)[1].endswith(
        "334"
    )


def test_quoted_sentence_end() -> None:
    text = "The original notes that the memorandum is dated “c. Jan. 31, 1918.” All brackets are in the original."
    assert len(sentences(text)) == 2


@given(st.text(alphabet=st.sampled_from(list("ab .;()“”,ABC12\n")), max_size=80))
def test_clauses_are_ordered_trimmed_and_in_bounds(text: str) -> None:
    previous_end = 0
    for start, end in clauses(text):
        assert 0 <= start < end <= len(text)
        assert start >= previous_end
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


def test_imprint_parenthesis_stays_with_its_citation() -> None:
    text = (
        "Foreign Relations of the United States, 1969–1976, Volume XIX, Part 1, Korea, "
        "1969–1972, eds. Daniel J. Lawler and Erin R. Mahan (Washington: Government "
        "Printing Office, 2010), Document 75."
    )
    assert parts(text) == [text]


def test_part_abbreviation() -> None:
    text = "Ibid., 1907, pt. 2, p. 1181."
    assert parts(text) == [text]


def test_file_code_letter_ends_a_sentence() -> None:
    text = (
        "National Archives, RG 59, Central Files 1967–69, POL 27 VIET S. Secret; Nodis."
    )
    assert parts(text)[-1] == "Secret; Nodis."


def test_semicolon_before_an_accession_joins_one_location() -> None:
    text = (
        "Washington National Records Center, OSD/OASD/ISA; FRC 330 68 A 306, 560 Japan."
    )
    assert parts(text) == [text]


def test_an_upper_case_word_does_not_make_a_classification() -> None:
    text = "FRUS, 1961–1963, vol. VI, doc. 38; see also Document 39."
    assert parts(text) == [
        "FRUS, 1961–1963, vol. VI, doc. 38",
        "see also Document 39.",
    ]


def test_no_cut_inside_a_quotation() -> None:
    # PubDip d15fn1 (review MINOR 7): no bogus "File" clause
    text = (
        "Received on February 24 at 9:17 a.m. Patchin wrote on the first page of "
        "the telegram: “Paraphrase sent to Creel. File. PHP.” Not printed."
    )
    assert parts(text) == [
        "Received on February 24 at 9:17 a.m. Patchin wrote on the first page of "
        "the telegram: “Paraphrase sent to Creel. File. PHP.”",
        "Not printed.",
    ]


def test_a_quotation_that_never_closes_does_not_join_the_rest() -> None:
    assert parts("He wrote “Copied. File. Then Box 3.") == [
        "He wrote “Copied.",
        "File.",
        "Then Box 3.",
    ]


def test_hereafter_parenthesis_stays_with_its_citation() -> None:
    text = (
        "Rusk to Kennedy, February 20, 1962, box 180, National Security Files, "
        "John F. Kennedy Presidential Library, Boston, MA (hereafter cited as "
        "NSF, JFKL)."
    )
    assert parts(text) == [text]
    # an ordinary citation in parentheses is still a clause of its own
    other = "Rusk agreed. (Kennedy Library, National Security Files, Box 334)"
    assert parts(other)[-1] == "Kennedy Library, National Security Files, Box 334"


def test_ff_ends_a_sentence() -> None:
    # frus1930v01 ch1fn1
    text = (
        "Foreign Relations, 1929, vol. i, pp. 112 ff. The acts of the Conference "
        "are printed in Conference Series No. 6."
    )
    assert parts(text) == [
        "Foreign Relations, 1929, vol. i, pp. 112 ff.",
        "The acts of the Conference are printed in Conference Series No. 6.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Treaty Series No. 858 and 47 Stat. 2228.",
        "See joint resolution, 46 Stat. 85.",
        "Proclamation of March 2, 1931 (46 Stat. 3050), lifting the embargo.",
        "36 Stat. L. 2448.",
        "H. J. Res. 340, etc. (Washington, Government Printing Office, 1928), p. 13.",
    ],
)
def test_statutes_and_resolutions_do_not_end_a_sentence(text: str) -> None:
    assert parts(text) == [text]


def test_stat_before_a_sentence_opening_ends_it() -> None:
    assert parts("Printed in 46 Stat. See also the proclamation.") == [
        "Printed in 46 Stat.",
        "See also the proclamation.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Conference on the Limitation of Armament (Washington, Government Printing "
        "Office, 1922), p. 268.",
        "William M. Leary, editor, The Central Intelligence Agency: History and "
        "Documents (The University of Alabama Press, 1984), p. 63.",
        "John Lewis Gaddis, The Long Peace (New York: Oxford University Press, "
        "1987), 45.",
        "Report of the Committee (London, His Majesty’s Stationery Office, 1929), "
        "p. 5.",
    ],
)
def test_an_imprint_parenthesis_stays_with_its_citation(text: str) -> None:
    assert parts(text) == [text]


@pytest.mark.parametrize(
    "inner",
    [
        "Press Release 123, May 5, 1962",
        "Johnson Library, Rusk Appointment Books, 1967",
        "Telegram 233 from Moscow, Harper to Rusk, 1962",
    ],
)
def test_a_citation_in_parentheses_is_not_an_imprint(inner: str) -> None:
    text = f"The meeting was held on that day. ({inner})"
    assert parts(text)[-1] == inner


def test_legacy_treaties_page_stays_with_its_volume() -> None:
    # frus1930v01 d43fn68: the legacy imprint has a comma, not a colon.
    text = (
        "Treaties, Conventions, etc., Between the United States of America and "
        "Other Powers, 1910–1923 (Washington, Government Printing Office, 1923), "
        "vol. iii, p. 3329."
    )
    assert parts(text) == [text]


def test_top_semicolons_skip_parentheses_and_quotations() -> None:
    text = "RG 59 (a; b); “c; d”; Lot 66 D 110"
    assert top_semicolons(text) == [12, 20]
    assert top_semicolons(text, 13) == [20]
    assert top_semicolons("no semicolon") == []


def test_period_slip_after_foreign_relations_does_not_end_the_sentence() -> None:
    # frus1930v01 d274fn29 prints "Foreign Relations. 1929, vol. i, p. 862."
    text = "Foreign Relations. 1929, vol. i, p. 862."
    assert parts(text) == [text]
    assert parts("Foreign Relations. 1929, p. 5.") == ["Foreign Relations. 1929, p. 5."]
    # without a volume or page after the year, the period ends the sentence
    prose = "He wrote on Foreign Relations. 1929 was a hard year, he said."
    assert len(parts(prose)) == 2
    # "Foreign Relations" ending another name is no slip: the period ends it
    assert len(parts("Senate Committee on Foreign Relations. 1950, p. 3.")) == 2
    assert len(parts("Journal of Foreign Relations. 1921, vol. 3, p. 4.")) == 2
