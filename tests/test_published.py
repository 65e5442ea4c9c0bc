"""Published works: documentary editions and serials, Chicago books, articles, chapters."""

from __future__ import annotations

from pathlib import Path

import pytest

from archcite.grammar.published import recognize
from archcite.model import PublishedRef


@pytest.mark.parametrize(
    ("clause", "role", "text", "ref"),
    [
        (  # real: frus1961-63v06 d1 (tags stripped: no space after "Source:")
            "Source:American Foreign Policy: Current Documents, 1960, p. 476.",
            "source",
            "American Foreign Policy: Current Documents, 1960, p. 476",
            PublishedRef(
                "American Foreign Policy: Current Documents, 1960",
                None,
                "476",
                type="edition",
            ),
        ),
        (  # real: frus1917-72PubDip d11
            "Source: Papers of Woodrow Wilson , vol. 46, pp. 200–203.",
            "source",
            "Papers of Woodrow Wilson , vol. 46, pp. 200–203",
            PublishedRef("Papers of Woodrow Wilson", "46", "200–203", type="edition"),
        ),
        (  # real: frus1917-72PubDip d2
            "Also published in Papers of Woodrow Wilson , vol. 43, pp. 456–459.",
            "printing",
            "Papers of Woodrow Wilson , vol. 43, pp. 456–459",
            PublishedRef("Papers of Woodrow Wilson", "43", "456–459", type="edition"),
        ),
        (
            "Printed in Department of State Bulletin, July 3, 1961, pp. 12–14.",
            "printing",
            "Department of State Bulletin, July 3, 1961, pp. 12–14",
            PublishedRef(
                "Department of State Bulletin",
                None,
                "12–14",
                "July 3, 1961",
                type="edition",
            ),
        ),
        (  # real: frus1930v01 inline source notes
            "Treaty Series No. 822",
            "reference",
            "Treaty Series No. 822",
            PublishedRef("Treaty Series", "822", type="edition"),
        ),
        (  # real: frus1964-68v29p2 d51fn3
            "The text of the notes is in 16 UST 2029.",
            "reference",
            "16 UST 2029",
            PublishedRef(
                "United States Treaties and Other International Agreements",
                "16",
                "2029",
                type="edition",
            ),
        ),
    ],
)
def test_published_forms(clause: str, role: str, text: str, ref: PublishedRef) -> None:
    found = recognize(clause)
    assert len(found) == 1
    c = found[0]
    assert (c.kind, c.status, c.role, c.text) == ("published", "parsed", role, text)
    assert clause[c.start : c.end] == c.text
    assert c.published == ref


def test_two_printings_in_one_clause() -> None:
    # real: frus1961-63v06 d3
    clause = (
        "This message is also printed in Public Papers of the Presidents of the United "
        "States:John F. Kennedy, 1961, p. 3, and American Foreign Policy: Current Documents, "
        "1961, p. 559."
    )
    found = recognize(clause)
    assert [c.role for c in found] == ["printing", "printing"]
    assert [c.published.pages for c in found if c.published] == ["3", "559"]
    assert found[1].text == "American Foreign Policy: Current Documents, 1961, p. 559"


@pytest.mark.parametrize(
    "clause",
    [
        # real: frus1977-80v17p1 d56 — a FRUS printing belongs to the FRUS recognizer
        "This memorandum of conversation is printed in full in Foreign Relations, 1977–1980, "
        "vol. VI, Soviet Union, Document 81.",
        "The memorandum was printed in a newspaper that day.",
        "The New York Times, February 13, reported that Togo made mild representations.",
        "Rusk met Sato on January 12, pp. 3 of the record.",
        "",
    ],
)
def test_refusals(clause: str) -> None:
    assert recognize(clause) == []


# -- Chicago-style works and fuller edition locators ---------------------------------


def _one(clause: str) -> tuple[str, PublishedRef]:
    found = recognize(clause)
    assert len(found) == 1, found
    c = found[0]
    assert (c.kind, c.status) == ("published", "parsed")
    assert clause[c.start : c.end] == c.text
    assert c.published is not None
    return c.text, c.published


def test_chicago_book_with_pages() -> None:
    text, ref = _one(
        "Walter A. McDougall, …the Heavens and the Earth: A Political History of the "
        "Space Age (New York: Basic Books, 1985), 320–24."
    )
    assert text.endswith("1985), 320–24")
    assert ref == PublishedRef(
        title="…the Heavens and the Earth: A Political History of the Space Age",
        pages="320–24",
        date="1985",
        type="book",
        author=("Walter A. McDougall",),
        publisher="Basic Books",
        place="New York",
    )


def test_chicago_book_after_see_and_with_state_in_place() -> None:
    found = recognize(
        "See Walter A. McDougall, The Heavens and the Earth (New York: Basic Books, 1985)."
    )
    assert [c.text for c in found] == [
        "Walter A. McDougall, The Heavens and the Earth (New York: Basic Books, 1985)"
    ]
    _, ref = _one(
        "Arnold W. Frutkin, International Cooperation in Space (Englewood Cliffs, NJ: "
        "Prentice-Hall, 1965)"
    )
    assert (ref.title, ref.place, ref.publisher, ref.date, ref.author) == (
        "International Cooperation in Space",
        "Englewood Cliffs, NJ",
        "Prentice-Hall",
        "1965",
        ("Arnold W. Frutkin",),
    )


@pytest.mark.parametrize("quote", ['"Title,"', "“Title,”"])
def test_journal_article(quote: str) -> None:
    _, ref = _one(f"John Doe, {quote} Diplomatic History 12, no. 3 (1988): 245–67.")
    assert ref == PublishedRef(
        title="Title",
        volume="12",
        pages="245–67",
        date="1988",
        type="article",
        author=("John Doe",),
        container_title="Diplomatic History",
        issue="3",
    )


@pytest.mark.parametrize(
    "book",
    ["in John Smith, ed., The Big Book", "in The Big Book, ed. John Smith"],
)
def test_chapter_in_edited_book(book: str) -> None:
    _, ref = _one(
        f"Jane Roe, “A Chapter,” {book} (Boston: Little, Brown, 1990), pp. 3–9."
    )
    assert (ref.type, ref.title, ref.container_title, ref.editor, ref.author) == (
        "chapter",
        "A Chapter",
        "The Big Book",
        ("John Smith",),
        ("Jane Roe",),
    )
    assert (ref.place, ref.publisher, ref.date, ref.pages) == (
        "Boston",
        "Little, Brown",
        "1990",
        "3–9",
    )


def test_document_printed_in_an_edited_book() -> None:
    # real: frus1964-68v29p2 (Japan) notes
    _, ref = _one(
        "NSC 10/5, “Scope and Pace of Covert Operations,” October 23, 1951, in Michael "
        "Warner, editor, The CIA Under Harry Truman (Washington, D.C.: Central "
        "Intelligence Agency, 1994), pp. 437–439."
    )
    assert (ref.type, ref.title, ref.container_title, ref.editor) == (
        "chapter",
        "Scope and Pace of Covert Operations",
        "The CIA Under Harry Truman",
        ("Michael Warner",),
    )
    assert (ref.place, ref.publisher, ref.date, ref.pages) == (
        "Washington, D.C.",
        "Central Intelligence Agency",
        "1994",
        "437–439",
    )


@pytest.mark.parametrize(
    ("clause", "title", "volume", "pages", "date"),
    [
        # real: frus1917-72PubDip (TEI leaves a space before the comma)
        ("Papers of Woodrow Wilson , vol. 43, p. 459, n. 2.", "Papers of Woodrow Wilson",
         "43", "459, n. 2", None),
        ("Also printed in Papers of Woodrow Wilson , vol. 45, pp. 367–368, 387.",
         "Papers of Woodrow Wilson", "45", "367–368, 387", None),
        ("See Papers of Woodrow Wilson , vol. 45, pp. 368–369.",
         "Papers of Woodrow Wilson", "45", "368–369", None),
        ("Department of State Bulletin, vol. XLVI, March 5, 1962, pp. 371–372.",
         "Department of State Bulletin", "XLVI", "371–372", "March 5, 1962"),
        # real: frus1930v01
        ("Congressional Record, vol. 72, pt. 5, p. 4666", "Congressional Record",
         "72, pt. 5", "4666", None),
        ("League of Nations Treaty Series, vol. liv, p. 289",
         "League of Nations Treaty Series", "liv", "289", None),
        ("Treaties, Conventions, etc., 1923–1937, vol. iv, p. 5134",
         "Treaties, Conventions, etc., 1923–1937", "iv", "5134", None),
        # real: frus1964-68v29p2
        ("Yearbook of the United Nations, 1966, pp. 133–138",
         "Yearbook of the United Nations, 1966", None, "133–138", None),
        ("see Department of State Bulletin, July 10, 1961, pp. 57–58",
         "Department of State Bulletin", None, "57–58", "July 10, 1961"),
    ],
)  # fmt: skip
def test_edition_locators_stay_out_of_the_title(
    clause: str, title: str, volume: str | None, pages: str, date: str | None
) -> None:
    _, ref = _one(clause)
    assert (ref.title, ref.volume, ref.pages, ref.date, ref.type) == (
        title,
        volume,
        pages,
        date,
        "edition",
    )


def test_edition_then_ibid_in_one_clause() -> None:
    # real: frus1917-72PubDip
    clause = (
        "For Pope Benedict XV’s August 1 peace proposals and the U.S. response, see "
        "Papers of Woodrow Wilson , vol. 43, pp. 482–485, 488–489, and ibid., vol. 44, "
        "pp. 57–59."
    )
    found = recognize(clause)
    assert [c.kind for c in found] == ["published", "ibid"]
    assert found[0].published is not None
    assert found[0].published.pages == "482–485, 488–489"
    assert found[1].text == "ibid., vol. 44, pp. 57–59"
    assert clause[found[1].start : found[1].end] == found[1].text


@pytest.mark.parametrize(
    ("clause", "author", "title", "pages"),
    [
        # real: frus1964-68v29p2 — Chicago short forms of books
        ("Leary, The Central Intelligence Agency: History and Documents, pp. 63, 147–148",
         ("Leary",), "The Central Intelligence Agency: History and Documents",
         "63, 147–148"),
        ("Reischauer, My Life Between Japan and America, pp. 262–75", ("Reischauer",),
         "My Life Between Japan and America", "262–75"),
        ("U. Alexis Johnson, The Right Hand of Power, p. 502", ("U. Alexis Johnson",),
         "The Right Hand of Power", "502"),
        # real: frus1930v01, frus1917-72PubDip — a title and pages
        ("Proceedings of the London Naval Conference, p. 246", (),
         "Proceedings of the London Naval Conference", "246"),
        ("A Year as a Government Agent, pp. 89–90, 106", (),
         "A Year as a Government Agent", "89–90, 106"),
    ],
)  # fmt: skip
def test_short_forms_and_titles_with_pages(
    clause: str, author: tuple[str, ...], title: str, pages: str
) -> None:
    text, ref = _one(clause)
    assert text == clause
    assert (ref.author, ref.title, ref.pages, ref.type) == (
        author,
        title,
        pages,
        "book",
    )


def test_trailing_prose_is_left_out() -> None:
    # real: frus1964-68v29p2
    text, ref = _one(
        "Also see U. Alexis Johnson, The Right Hand of Power, pp. 489–495, which "
        "provides a comprehensive overview of the event."
    )
    assert text == "U. Alexis Johnson, The Right Hand of Power, pp. 489–495"
    assert ref.pages == "489–495"


def test_newspaper_article() -> None:
    # real: frus1917-72PubDip
    _, ref = _one("“Russia Today,” New York Times, August 12, 1917, p. X1.")
    assert (ref.type, ref.title, ref.container_title, ref.date, ref.pages) == (
        "newspaper",
        "Russia Today",
        "New York Times",
        "August 12, 1917",
        "X1",
    )


def test_legal_forms_after_prose_lead_ins() -> None:
    # real: frus1930v01, frus1964-68v29p2
    found = recognize(
        "The annexes, which are printed in Department of State Treaty Series No. 858 "
        "and 47 Stat. 2228, are not reprinted here."
    )
    assert [c.text for c in found] == [
        "Department of State Treaty Series No. 858",
        "47 Stat. 2228",
    ]
    assert [c.text for c in recognize("Not attached, but see 12 UST 830.")] == [
        "12 UST 830"
    ]


@pytest.mark.parametrize(
    "clause",
    [
        "Rusk met Sato, p. 3.",
        "Source: Harvard University, Houghton Library, Papers of Joseph C. Grew, Box 3.",
        "Papers of Joseph C. Grew, Series 1, Reel 4.",
        "According to the editors of the Papers of Woodrow Wilson , Wilson met Creel "
        "on August 2.",
        "Reference is presumably to Edward S. Rochester, a journalist who was editor "
        "of the CPI’s publication Official Bulletin",
        "All brackets are in the original. © 1984 by Princeton University Press.",
        "He flew to Boston (May 1962).",
        "Telegram 35 from Moscow, p. 3.",
        "Printed in full, ibid., p. 433.",
    ],
)
def test_more_refusals(clause: str) -> None:
    assert recognize(clause) == []


def test_manuscript_sample_books(repo_dir: Path) -> None:
    from archcite.grammar.note import recognize_text
    from archcite.readers import Source
    from archcite.readers.markdown import read_markdown

    path = repo_dir / "samples" / "manuscript.md"
    notes = {
        n.note_id: n for n in read_markdown(Source(path.name, path, path.read_bytes()))
    }
    for label, title in (
        (
            "mcdougall",
            "…the Heavens and the Earth: A Political History of the Space Age",
        ),
        ("dryden", "International Cooperation in Space"),
    ):
        found = recognize_text(notes[label].text)
        assert found[0].kind == "published", (label, found)
        assert found[0].published is not None
        assert found[0].published.title == title
        assert found[0].published.type == "book"


# -- the cheap gate and early refusal never change a result ---------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from archcite.grammar import published  # noqa: E402
from archcite.grammar.works import KNOWN_WORKS  # noqa: E402


def full_scan(text: str) -> list[object]:
    """The published recognizer without its gate and early refusal (a crash fails)."""
    return list(published._recognize(text, shortcut=False))


def test_every_known_work_passes_the_gate() -> None:
    for work in KNOWN_WORKS:
        assert published.gate(work), work


@pytest.mark.parametrize(
    "text",
    [
        "Papers of Woodrow Wilson , vol. 43, p. 459, n. 2.",
        "Walter A. McDougall, The Heavens and the Earth (New York: Basic Books, 1985)",
        'John Doe, "Title," Diplomatic History 12, no. 3 (1988): 245–67.',
        "Reischauer, My Life Between Japan and America, pp. 262–75",
        "16 UST 2029",
        "Treaty Series No. 822",
        "See 12 UST 830.",
        "Also printed in The Memoirs of Cordell Hull.",
        "“Russia Today,” New York Times, August 12, 1917, p. X1.",
        ". . .the Heavens and the Earth (New York: Basic Books, 1985)",
    ],
)
def test_gate_passes_every_example(text: str) -> None:
    assert full_scan(text), "the example must be a published work"
    assert published.gate(text)
    assert published.recognize(text) == full_scan(text)


PUB_FRAGMENTS = [
    "Walter A. McDougall", "Leary", "The Heavens and the Earth", "Papers of Woodrow Wilson",
    "Department of State Bulletin", "“Title,”", '"Title,"', "Diplomatic History 12",
    "in John Smith", "ed.", "editor", "(New York: Basic Books, 1985)", "(1976)", "(May 1962)",
    ": 245–67", "vol. 43", "Vol. IV", "pt. 5", "no. 3", "No. 822", "p. 459", "pp. 3–9",
    "p.3", "page 4", "n. 2", "ff.", "320–24", "March 5, 1962", "1965", "16 UST 2029",
    "47 Stat. 2228", "Treaty Series", "See ", "see also ", "Cf. ", "printed in ",
    "Also published in ", "Source: ", "is in ", "and ", "ibid.", "Telegram", "Page Smith",
    "…", ". . .", "the", "met", ", ", ". ", "; ", "(", ")", " ", "Kennedy Library",
    "In telegram 632 from Tokyo", "NSC 10/5", " and ",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PUB_FRAGMENTS), min_size=1, max_size=10))
def test_gate_is_conservative_on_random_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert published.recognize(text) == full_scan(text)


# -- editors before the title; documents printed in an edition (published6) -----------


@pytest.mark.parametrize(
    ("clause", "editors", "title", "publisher", "date", "pages"),
    [
        ("Jane Doe, ed., A Book of Records (Acme Press, 1990), 12.", ("Jane Doe",),
         "A Book of Records", "Acme Press", "1990", "12"),
        ("Mary K. Roe, editor, The Quiet War: Papers and Letters (Oxford University "
         "Press, 2003), p. 41", ("Mary K. Roe",), "The Quiet War: Papers and Letters",
         "Oxford University Press", "2003", "41"),
        ("Jane Roe and Max Poe, eds., The Long Peace (Boston: Little, Brown, 2001), "
         "pp. 4–9", ("Jane Roe", "Max Poe"), "The Long Peace", "Little, Brown", "2001",
         "4–9"),
    ],
)  # fmt: skip
def test_editor_named_before_the_title(
    clause: str,
    editors: tuple[str, ...],
    title: str,
    publisher: str,
    date: str,
    pages: str,
) -> None:
    _, ref = _one(clause)
    assert (ref.type, ref.author, ref.editor, ref.title) == ("book", (), editors, title)
    assert (ref.publisher, ref.date, ref.pages) == (publisher, date, pages)


def test_more_title_after_a_trailing_editor_is_still_refused() -> None:
    assert recognize("The Big Book, ed. John Smith, More Words (Knopf, 1990)") == []


@pytest.mark.parametrize(
    ("clause", "title", "container", "pages"),
    [
        ("See the joint statement issued by the two ministers on May 4, 1962, in "
         "American Foreign Policy: Current Documents, 1962, pp. 101–103.",
         "the joint statement issued by the two ministers on May 4, 1962",
         "American Foreign Policy: Current Documents, 1962", "101–103"),
        ("Note from the Embassy, March 3, 1958, in Department of State Bulletin, "
         "vol. 38, p. 455", "Note from the Embassy, March 3, 1958",
         "Department of State Bulletin", "455"),
    ],
)  # fmt: skip
def test_document_printed_in_an_edition(
    clause: str, title: str, container: str, pages: str
) -> None:
    _, ref = _one(clause)
    assert (ref.type, ref.title, ref.container_title, ref.pages) == (
        "chapter",
        title,
        container,
        pages,
    )


@pytest.mark.parametrize(
    "clause",
    [
        # no document is described before ", in"
        "See what he said then, in Department of State Bulletin, vol. 38, p. 455",
        # a sentence ends inside the description: prose, not a description
        "The note was sent. Then he wrote on May 2, in Documents on Germany, p. 4",
        # the edition is FRUS: the FRUS recognizer's
        "See the note of May 2, 1962, in Foreign Relations, 1961–1963, vol. V, Document 3",
    ],
)
def test_document_in_edition_refusals(clause: str) -> None:
    found = recognize(clause)
    assert all(c.published is None or c.published.type != "chapter" for c in found)
