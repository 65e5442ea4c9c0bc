"""Citations that used to pass as prose: short forms of published works,
interviews, oral histories, personal communications and emails (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archcite.csl import to_csl
from archcite.grammar.note import recognize_text
from archcite.model import Citation, Located
from archcite.pipeline import extract_text


def one(text: str) -> Citation:
    found = [c for c in recognize_text(text) if c.kind != "not-a-citation"]
    assert len(found) == 1, found
    return found[0]


def _notes(*texts: str) -> tuple[Located, ...]:
    body = "\n\n".join(f"{n}. {t}" for n, t in enumerate(texts, 1))
    return extract_text("Notes\n\n" + body + "\n", fmt="text")


@pytest.mark.parametrize(
    ("text", "author", "title", "pages"),
    [
        ("Bundy, Danger and Survival, 45.", "Bundy", "Danger and Survival", "45"),
        ("Smith, *Cold War*, 45.", "Smith", "Cold War", "45"),
        ("Gaddis, *We Now Know*, 112–14.", "Gaddis", "We Now Know", "112–14"),
        (
            "Kissinger, White House Years, p. 318.",
            "Kissinger",
            "White House Years",
            "318",
        ),
        (
            "Leffler and Westad, Cambridge History, 12.",
            "Leffler",
            "Cambridge History",
            "12",
        ),
    ],
)
def test_author_short_title_page_is_a_short_form(
    text: str, author: str, title: str, pages: str
) -> None:
    c = one(text)
    assert c.kind == "short" and c.published is not None
    assert c.published.author[0] == author
    assert (c.published.title, c.published.pages) == (title, pages)


@pytest.mark.parametrize(
    "text",
    [
        "Washington, June 5, 1962.",
        "Tokyo, June 5, 45.",
        "Rusk, the meeting, 45.",
        "The President agreed, and the meeting ended at 45.",
    ],
)
def test_dates_and_prose_ending_in_a_number_are_no_short_form(text: str) -> None:
    assert all(c.kind != "short" for c in recognize_text(text))


def test_a_short_form_resolves_to_the_full_citation_of_its_work() -> None:
    out = _notes(
        "McGeorge Bundy, *Danger and Survival: Choices about the Bomb in the First "
        "Fifty Years* (New York: Random House, 1988), 40.",
        "Bundy, Danger and Survival, 45.",
        "Ibid., 47.",
    )
    short, again = out[1].citation, out[2].citation
    assert (short.kind, short.status, short.antecedent) == ("short", "parsed", 0)
    assert short.published is not None and short.published.publisher == "Random House"
    assert short.published.pages == "45"
    assert again.antecedent == 0 and again.published is not None
    assert again.published.pages == "47"


def test_the_short_title_may_drop_the_leading_article() -> None:
    out = _notes(
        "Kei Wakaizumi, *The Best Course Available: A Personal Account* (Honolulu: "
        "University of Hawai‘i Press, 2002), 187–92.",
        "Wakaizumi, *Best Course Available*, 233.",
    )
    assert out[1].citation.antecedent == 0


def test_a_short_form_without_its_full_citation_is_partial_with_a_reason() -> None:
    out = _notes(
        "John Lewis Gaddis, *Strategies of Containment* (New York: Oxford "
        "University Press, 1982), 4.",
        "Gaddis, We Now Know, 45.",
        "Ibid., 47.",
    )
    c = out[1].citation
    assert (c.kind, c.status, c.antecedent) == ("short", "partial", None)
    assert c.reason is not None and c.reason.startswith("no earlier fuller citation")
    # it still names its work: an Ibid. after it cites that work
    again = out[2].citation
    assert (again.antecedent, again.status) == (1, "parsed")
    assert again.published is not None and again.published.title == "We Now Know"


def test_a_full_title_with_a_surname_stays_a_published_work() -> None:
    for text in (
        "Reischauer, My Life Between Japan and America, pp. 262–75.",
        "Leary, The Central Intelligence Agency: History and Documents, p. 63.",
        "U. Alexis Johnson, The Right Hand of Power, p. 502.",
    ):
        assert one(text).kind == "published", text


@pytest.mark.parametrize(
    ("text", "kind", "author", "recipient", "date", "place"),
    [
        (
            "Interview with Robert McNamara by the author, Washington, D.C., May 3, 1995.",
            "interview", ("Robert McNamara",), (), "1995-05-03", "Washington, D.C.",
        ),
        (
            "Robert McNamara, interview by the author, Washington, D.C., May 3, 1995.",
            "interview", ("Robert McNamara",), (), "1995-05-03", "Washington, D.C.",
        ),
        (
            "Dean Rusk, oral history interview by Paige Mulhollan, July 28, 1969.",
            "interview", ("Dean Rusk",), ("Paige Mulhollan",), "1969-07-28", None,
        ),
        (
            "Author's telephone interview with Anatoly Dobrynin, 12 March 1993.",
            "interview", ("Anatoly Dobrynin",), (), "1993-03-12", None,
        ),
        (
            "Personal communication from Dean Rusk to the author, March 1, 1988.",
            "personal_communication", ("Dean Rusk",), (), "1988-03-01", None,
        ),
        (
            "John Smith, email to the author, June 4, 2010.",
            "personal_communication", ("John Smith",), (), "2010-06-04", None,
        ),
        (
            "Email from Jane Doe to the author, June 2010.",
            "personal_communication", ("Jane Doe",), (), "2010-06", None,
        ),
        (
            "Letter from George Ball to the author, October 9, 1990.",
            "personal_communication", ("George Ball",), (), "1990-10-09", None,
        ),
    ],
)  # fmt: skip
def test_interviews_and_communications_are_citations_of_their_own_kind(
    text: str,
    kind: str,
    author: tuple[str, ...],
    recipient: tuple[str, ...],
    date: str,
    place: str | None,
) -> None:
    c = one(text)
    assert (c.kind, c.status) == (kind, "parsed")
    assert c.archival is not None
    item = c.archival.item
    assert (item.author, item.recipient, item.date, item.place) == (
        author,
        recipient,
        date,
        place,
    )
    csl = to_csl(c)
    assert csl is not None and csl["type"] == kind
    if recipient:
        names = csl["interviewer" if kind == "interview" else "recipient"]
        assert names[0]["family"] == recipient[0].split()[-1]


def test_an_oral_history_in_a_library_is_an_interview_with_its_archive() -> None:
    # Once archival (issue 11); the interview and its repository are one
    # citation of kind interview now (tests/test_oral_history.py).
    c = one(
        "Robert McNamara, oral history interview by Walt Rostow, January 8, 1975, LBJL."
    )
    assert c.kind == "interview"
    assert c.archival is not None
    assert c.archival.repository == "Lyndon Baines Johnson Library"
    assert c.archival.item.recipient == ("Walt Rostow",)


@pytest.mark.parametrize(
    "text",
    [
        "Letter from Rusk to Kennedy, May 3, 1962.",
        "The interview with McNamara took place in Hanoi, and he said little, 1995.",
    ],
)
def test_letters_between_others_and_prose_are_no_communication(text: str) -> None:
    assert all(
        c.kind not in ("interview", "personal_communication")
        for c in recognize_text(text)
    )


def test_check_reports_a_short_form_before_its_work_and_checks_interviews(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from archcite.cli import cli

    doc = tmp_path / "ms.txt"
    doc.write_text(
        "Notes\n\n1. Smith, *Cold War*, 45.\n\n"
        "2. Interview with Robert McNamara by the author, Washington, D.C., "
        "May 3, 1995\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", str(doc)])
    assert result.exit_code == 1
    assert "short-before-full" in result.output
    assert "final-period" in result.output  # the interview note is a citation
