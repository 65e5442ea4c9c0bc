"""Interviews held in an archive: the interview clause and the archival tail
that says where the transcript is kept are one ``interview`` citation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import cli
from archcite.csl import to_csl
from archcite.grammar.note import recognize_text
from archcite.model import Citation

GOLDEN = Path(__file__).parent / "golden" / "oral_history"

RUSSELL = "Richard B. Russell Library for Political Research and Studies, University of Georgia"
JFKL = "John F. Kennedy Presidential Library"
LBJL = "Lyndon Baines Johnson Library"
ADST = "Association for Diplomatic Studies and Training"


def one(text: str) -> Citation:
    found = [c for c in recognize_text(text) if c.kind != "not-a-citation"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "author", "interviewers", "date", "repository", "collection", "title", "page"),
    [
        (
            "Dean Rusk, interview by Richard Rusk and Thomas Schoenbaum, 1985, Dean Rusk "
            "Oral History Collection, Richard B. Russell Library, University of Georgia.",
            "Dean Rusk", ("Richard Rusk", "Thomas Schoenbaum"), "1985", RUSSELL,
            "Dean Rusk Oral History Collection", None, None,
        ),
        (
            "Dean Rusk, interview by Richard Rusk, Thomas Schoenbaum, and Paige "
            "Mulhollan, 1985, Dean Rusk Oral History Collection, Richard B. Russell "
            "Library.",
            "Dean Rusk", ("Richard Rusk", "Thomas Schoenbaum", "Paige Mulhollan"),
            "1985", RUSSELL, "Dean Rusk Oral History Collection", None, None,
        ),
        (
            "Interview with George Ball, by Thomas Stern, Charles Kennedy and Paige "
            "Mulhollan, 1990, Foreign Affairs Oral History Collection, Association "
            "for Diplomatic Studies and Training.",
            "George Ball", ("Thomas Stern", "Charles Kennedy", "Paige Mulhollan"),
            "1990", ADST, "Foreign Affairs Oral History Collection", None, None,
        ),
        (
            "Oral history interview with W. Averell Harriman, by Michael V. Forrestal, "
            "April 13, 1964, John F. Kennedy Presidential Library.",
            "W. Averell Harriman", ("Michael V. Forrestal",), "1964-04-13", JFKL,
            None, None, None,
        ),
        (
            "Dean Rusk Oral History Interview I, by Paige E. Mulhollan, July 28, 1969, "
            "LBJ Library.",
            "Dean Rusk", ("Paige E. Mulhollan",), "1969-07-28", LBJL, None,
            "Dean Rusk Oral History Interview I", None,
        ),
        (
            "Interview with George Ball, conducted by Thomas Stern, March 3, 1990, "
            "Foreign Affairs Oral History Collection, Association for Diplomatic "
            "Studies and Training, Arlington, VA.",
            "George Ball", ("Thomas Stern",), "1990-03-03", ADST,
            "Foreign Affairs Oral History Collection", None, None,
        ),
        (
            "McGeorge Bundy, recorded interview by Richard Neustadt, March 1964, p. 12, "
            "JFK Library Oral History Program.",
            "McGeorge Bundy", ("Richard Neustadt",), "1964-03", JFKL,
            "Oral History Program", None, "p. 12",
        ),
        (
            "Robert McNamara, oral history interview by Walt Rostow, January 8, 1975, LBJL.",
            "Robert McNamara", ("Walt Rostow",), "1975-01-08", LBJL, None, None, None,
        ),
        (
            "Interview with Llewellyn Thompson, by Elizabeth Farmer, 1964, pp. 3–5, "
            "Kennedy Library.",
            "Llewellyn Thompson", ("Elizabeth Farmer",), "1964", JFKL, None, None,
            "pp. 3–5",
        ),
        (
            "Interview with Chester Bowles, July 1, 1970, Oral History Collection, "
            "Johnson Library.",
            "Chester Bowles", (), "1970-07-01", LBJL, "Oral History Collection", None,
            None,
        ),
    ],
)  # fmt: skip
def test_an_interview_in_an_archive_is_one_interview_with_its_repository(
    text: str,
    author: str,
    interviewers: tuple[str, ...],
    date: str,
    repository: str,
    collection: str | None,
    title: str | None,
    page: str | None,
) -> None:
    c = one(text)
    assert (c.kind, c.status) == ("interview", "parsed")
    assert c.text == text.rstrip(".")
    ref = c.archival
    assert ref is not None
    assert (ref.item.author, ref.item.recipient, ref.item.date) == (
        (author,),
        interviewers,
        date,
    )
    assert (ref.repository, ref.collection, ref.item.title, ref.folio) == (
        repository,
        collection,
        title,
        page,
    )
    csl = to_csl(c)
    assert csl is not None
    assert csl["type"] == "interview"
    assert csl["archive"] == repository
    assert csl["archive-place"]
    assert csl["author"][0]["family"] == author.split()[-1]
    assert [n["family"] for n in csl.get("interviewer", [])] == [
        n.split()[-1] for n in interviewers
    ]
    assert csl.get("archive_collection") == collection
    assert csl.get("archive_location") == page
    assert "issued" in csl


@pytest.mark.parametrize(
    "text",
    [
        # a file named "Interviews", an oral-history collection with boxes and no
        # interviewer phrase, a file of interviews, the transcript as a document
        'Memorandum, folder "Interviews," box 4, Oral History Collection, LBJ Library.',
        'Oral History Collection, Box 12, folder "Interviews, 1968," Lyndon Baines '
        "Johnson Library.",
        "Interview with Robert McNamara, box 3, Oral History Collection, LBJ Library.",
        "Interviews with Soviet Officials, 1991, Box 7, Hoover Institution Archives.",
        "Transcript, Dean Rusk Oral History Interview I, July 28, 1969, by Paige E. "
        "Mulhollan, Lyndon Baines Johnson Library, Austin, TX.",
        "Lyndon Baines Johnson Library, Oral History Collection, Interviews, Box 2.",
    ],
)
def test_archival_files_of_interviews_stay_archival(text: str) -> None:
    c = one(text)
    assert c.kind == "archival", c


def test_an_interview_without_a_repository_is_still_personal() -> None:
    c = one("Dean Rusk, interview by Paige Mulhollan, July 28, 1969.")
    assert c.kind == "interview"
    assert c.archival is not None and c.archival.repository is None
    assert c.archival.item.recipient == ("Paige Mulhollan",)


@pytest.mark.parametrize(
    ("text", "interviewers", "date", "place"),
    [
        (
            "Dean Rusk, interview by Richard Rusk, Thomas Schoenbaum, and Paige "
            "Mulhollan, 1985.",
            ("Richard Rusk", "Thomas Schoenbaum", "Paige Mulhollan"), "1985", None,
        ),
        (
            "Interview with Robert McNamara by Richard Smith, John Doe, and Jane Roe, "
            "Washington, D.C., May 3, 1995.",
            ("Richard Smith", "John Doe", "Jane Roe"), "1995-05-03",
            "Washington, D.C.",
        ),
        # a comma after the interviewer without a closing "and" starts the place
        (
            "Robert McNamara, interview by Richard Smith, Washington, D.C., May 3, "
            "1995.",
            ("Richard Smith",), "1995-05-03", "Washington, D.C.",
        ),
    ],
)  # fmt: skip
def test_interviewers_listed_with_commas_without_a_repository(
    text: str, interviewers: tuple[str, ...], date: str, place: str | None
) -> None:
    c = one(text)
    assert c.kind == "interview"
    assert c.archival is not None
    item = c.archival.item
    assert (item.recipient, item.date, item.place) == (interviewers, date, place)


@pytest.mark.parametrize(
    "text",
    [
        # no closing "and": the place and the date are not interviewers
        "Dean Rusk, interview by Richard Rusk, Athens, Georgia, 1985, Dean Rusk "
        "Oral History Collection, Richard B. Russell Library.",
        "Dean Rusk, interview by Richard Rusk, March 3, 1985, Dean Rusk Oral "
        "History Collection, Richard B. Russell Library.",
    ],
)
def test_a_comma_list_does_not_swallow_a_place_or_a_date(text: str) -> None:
    c = one(text)
    assert c.kind == "interview"
    assert c.archival is not None
    assert c.archival.item.recipient == ("Richard Rusk",)
    assert c.archival.repository == RUSSELL


def test_prose_about_an_interview_in_a_library_is_no_citation_of_it() -> None:
    found = recognize_text(
        "The interview with McNamara, which he gave in 1975, is at the LBJ Library."
    )
    assert all(c.kind != "interview" for c in found)


NOTE = (
    "Notes\n\n1. Dean Rusk, interview by Richard Rusk and Thomas Schoenbaum, 1985, "
    "Dean Rusk Oral History Collection, Richard B. Russell Library, University of "
    "Georgia.\n"
)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("csl-json", ['"archive": "Richard B. Russell', '"interviewer"', '"type": "interview"']),
        ("bibtex", ["Richard B. Russell Library", "interviewer", "Dean Rusk Oral History"]),
        ("ris", ["DB  - Richard B. Russell", "interviewer: Rusk || Richard", "PCOMM"]),
        ("zotero-json", ['"archive": "Richard B. Russell', '"interviewer"', '"interviewee"']),
    ],
)  # fmt: skip
def test_exports_carry_the_repository_and_the_interviewers(
    tmp_path: Path, fmt: str, expected: list[str]
) -> None:
    doc = tmp_path / "ms.txt"
    doc.write_text(NOTE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(doc), "--format", fmt])
    assert result.exit_code == 0, result.output
    for part in expected:
        assert part in result.output, (fmt, part)


def test_record_is_an_interview_with_its_archive(tmp_path: Path) -> None:
    doc = tmp_path / "ms.txt"
    doc.write_text(NOTE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(doc)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert record["kind"] == "interview"
    assert record["archival"]["repository"] == RUSSELL
    assert record["archival"]["collection"] == "Dean Rusk Oral History Collection"
    assert record["archival"]["item"]["recipient"] == [
        "Richard Rusk",
        "Thomas Schoenbaum",
    ]


def test_chicago_notes_and_bibliography_of_archived_interviews() -> None:
    result = CliRunner().invoke(cli, ["format", str(GOLDEN / "notes.txt")])
    assert result.exit_code == 0, result.output
    expected = (GOLDEN / "chicago-notes-bibliography.txt").read_text(encoding="utf-8")
    assert result.output == expected
    first = result.output.splitlines()[0]
    assert first.startswith(
        "1. Dean Rusk, interview by Richard Rusk and Thomas Schoenbaum, 1985, "
        "Dean Rusk Oral History Collection, Richard B. Russell Library"
    )
