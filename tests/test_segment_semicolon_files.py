"""A semicolon between two files of one repository does not cut the citation
(archcite.grammar.semicolons, used by the segmenter; issue 11)."""

from __future__ import annotations

import pytest

from archcite.grammar.note import recognize_text
from archcite.grammar.segment import clauses
from archcite.grammar.semicolons import joins_files


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in clauses(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Department of State, INR/IL Historical Files; EAP General, EA Reviews, 1964–66.",
        "Department of State, S/S Files; NSC Meetings, Lot 70 D 265.",
        "National Archives, RG 59, Bureau Files; Office of Japanese Affairs, box 12.",
        "Kennedy Library, National Security Files; Country Series, Laos, box 3.",
        "Department of State, EUR Files; Soviet Desk Records of Meetings.",
    ],
)  # fmt: skip
def test_two_files_of_one_repository_stay_one_clause(text: str) -> None:
    assert pieces(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two repositories: two citations.
        ("Kennedy Library, NSF, box 3; Johnson Library, NSF, box 4.",
         ["Kennedy Library, NSF, box 3", "Johnson Library, NSF, box 4."]),
        # A document opens on the right.
        ("Department of State, Central Files; Memorandum from Rusk to Johnson, May 3.",
         ["Department of State, Central Files",
          "Memorandum from Rusk to Johnson, May 3."]),
        ("Department of State, S/S Files; Telegram 412 to Tokyo.",
         ["Department of State, S/S Files", "Telegram 412 to Tokyo."]),
        # An Ibid., a FRUS reference, a "see", a marking, a dated item.
        ("Department of State, S/S Files; ibid., EAP General.",
         ["Department of State, S/S Files", "ibid., EAP General."]),
        ("Department of State, S/S Files; Foreign Relations, 1964–1968, vol. XXIX.",
         ["Department of State, S/S Files", "Foreign Relations, 1964–1968, vol. XXIX."]),
        ("Department of State, S/S Files; see also Rusk Papers.",
         ["Department of State, S/S Files", "see also Rusk Papers."]),
        ("Department of State, S/S Files; Secret.",
         ["Department of State, S/S Files", "Secret."]),
        ("Department of State, S/S Files; Rusk Notes, May 3, 1964.",
         ["Department of State, S/S Files", "Rusk Notes, May 3, 1964."]),
        # The left side ends in a locator, or names no known repository.
        ("Department of State, Central Files, POL 1; EAP General.",
         ["Department of State, Central Files, POL 1", "EAP General."]),
        ("Smith Family Archive, Letters; Diaries, vol. 2.",
         ["Smith Family Archive, Letters", "Diaries, vol. 2."]),
        # The repository itself before the semicolon is no file.
        ("Department of State; EAP General.", ["Department of State", "EAP General."]),
    ],
)  # fmt: skip
def test_two_citations_still_split(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected


def test_the_rule_reads_only_its_own_clause() -> None:
    text = "Department of State, S/S Files; NSC Meetings; Johnson Library, NSF."
    first, second = (i for i, ch in enumerate(text) if ch == ";")
    assert joins_files(text, 0, first, second)
    assert not joins_files(text, 0, second, len(text))
    assert pieces(text) == [
        "Department of State, S/S Files; NSC Meetings",
        "Johnson Library, NSF.",
    ]


def test_the_joined_location_is_one_archival_citation() -> None:
    text = (
        "Reviews were sent weekly. (Memorandum from Ames to Hughes, May 13; "
        "Department of State, INR/IL Historical Files; EAP General, EA Reviews, "
        "1964–66)"
    )
    found = recognize_text(text)
    arch = [c for c in found if c.kind == "archival"]
    assert len(arch) == 1
    ref = arch[0].archival
    assert ref is not None
    assert (ref.repository, ref.collection, ref.series, ref.file_unit) == (
        "Department of State",
        "INR/IL Historical Files",
        "EAP General",
        "EA Reviews, 1964–66",
    )
    assert ref.item.type == "memorandum"
    assert not [c for c in found if c.text.startswith("EAP General")]
