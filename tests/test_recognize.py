"""The recognize stage: clauses to citations, and nothing of a clause dropped."""

from __future__ import annotations

from archcite.grammar.note import recognize_text
from archcite.grammar.segment import clauses
from archcite.model import Citation


def kinds(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in recognize_text(text)]


def _one_clause(text: str) -> None:
    assert len(clauses(text)) == 1, clauses(text)


def test_leftover_with_citation_words_is_reported() -> None:
    # frus1964-68v29p2 d98fn4: the archival grammar reads the first source and
    # leaves a run of "ibid., …" behind; it must not vanish. Each Ibid. is read
    # by the Ibid. grammar, and one whose tail names no finer unit is partial.
    text = (
        "Johnson Library, National Security File, Country File, Japan, Vols. VI "
        "and VII, and ibid., Visit of Prime Minister Eisaku Sato, ibid., Country "
        "File—Addendum, Japan"
    )
    _one_clause(text)
    found = recognize_text(text)
    assert found[0].kind == "archival"
    rest = found[1:]
    assert [(c.kind, c.status) for c in rest] == [("ibid", "partial")] * 2
    assert all(c.text == text[c.start : c.end] for c in rest)
    assert rest[0].text == "ibid., Visit of Prime Minister Eisaku Sato"
    assert all("not a finer locator" in (c.reason or "") for c in rest)


def test_lead_ins_and_connectives_stay_unreported() -> None:
    text = "For texts, see Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36."
    assert kinds(text) == [
        ("frus", "Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36")
    ]


def test_the_document_described_before_printed_is_not_left_over() -> None:
    # frus1964-68v29p2 actionsstatementfn2: "NSC 10/2" is the printed document
    found = recognize_text("NSC 10/2, June 18, 1948, printed ibid., Document 292.")
    assert [c.kind for c in found] == ["ibid"]


def test_a_declared_short_title_is_part_of_its_citation() -> None:
    # samples/manuscript.md note 2 (review M5): no second, partial citation
    text = (
        "Dean Rusk to John F. Kennedy, memorandum, February 20, 1962, box 180, "
        "National Security Files, John F. Kennedy Presidential Library, Boston, MA "
        "(hereafter cited as NSF, JFKL)."
    )
    found = recognize_text(text)
    assert [c.kind for c in found] == ["archival"]
    assert found[0].declares == "NSF, JFKL"


def test_every_record_is_a_slice_of_the_note() -> None:
    text = (
        "Source: Kennedy Library, NSF, Box 334. Secret. Rusk Papers, Box 3, and "
        "ibid., Box 4, Folder 2; see also Document 389. Not printed."
    )
    found: tuple[Citation, ...] = recognize_text(text)
    assert all(text[c.start : c.end] == c.text for c in found)
    assert [c.start for c in found] == sorted(c.start for c in found)


def test_parenthesis_after_a_sentence_about_a_copy_is_the_copy() -> None:
    # frus1964-68v29p2 d62fn1
    text = (
        "Source: Washington National Records Center, OSD/OASD/ISA Files, FRC 330 70 "
        "A 3717, 092 Japan. Secret. The Department of State copy indicates it was "
        "drafted by Fearey and cleared by William Bundy. (National Archives and "
        "Records Administration, RG 59, Central Files 1964–66, POL 1 JAPAN–US)"
    )
    archival = [c for c in recognize_text(text) if c.kind == "archival"]
    assert [c.role for c in archival] == ["source", "copy"]


def test_copies_in_a_quotation_do_not_make_a_copy() -> None:
    # PubDip d6fn2: the telegram quoted mentions copies of a speech
    text = (
        "Sisson reported: “Million copies the President’s message printed.” "
        "(National Archives, RG 59, Central Decimal File 1910–1929, Box 736, "
        "103.9302/8)"
    )
    archival = [c for c in recognize_text(text) if c.kind == "archival"]
    assert len(archival) == 1 and archival[0].role != "copy"
