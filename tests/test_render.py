"""archcite.render: the adapter's fixes, the document API, the bibliography grouping."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import archcite
from archcite.render import (
    Cite,
    Cluster,
    Renderer,
    bibliography,
    citation_html,
    load_style,
    render_document,
    render_items,
)
from archcite.render.names import initialize
from archcite.render.positions import Ref, place
from archcite.render.quotes import Marks, resolve
from archcite.render.variables import is_plural, page_range

BUNDY = {
    "id": "bundy",
    "type": "book",
    "title": "Danger and Survival",
    "author": [{"family": "Bundy", "given": "McGeorge"}],
    "publisher": "Random House",
    "issued": {"date-parts": [[1988]]},
}
CREEL = {
    "id": "creel1918",
    "type": "personal_communication",
    "author": [{"family": "Creel", "given": "George"}],
    "recipient": [{"family": "House", "given": "Edward M."}],
    "issued": {"date-parts": [[1918, 9, 25]]},
    "archive_collection": "Edward M. House Papers",
    "archive": "Yale University Library",
    "archive-place": "New Haven, CT",
}
SAMPSON = {
    "id": "doc35",
    "type": "chapter",
    "title": "Document 35",
    "container-title": "Kennedy-Khrushchev Exchanges",
    "editor": [{"family": "Sampson", "given": "Charles S."}],
    "publisher": "Government Printing Office",
    "issued": {"date-parts": [[1996]]},
}


def _render(
    items: list[dict[str, Any]], clusters: list[Cluster], out: Any = "text"
) -> list[str]:
    return Renderer(load_style(None), items, out).render(clusters)


def test_full_given_names_in_chicago_g1() -> None:
    notes = _render(
        [BUNDY, CREEL], [Cluster((Cite("bundy"),), 1), Cluster((Cite("creel1918"),), 2)]
    )
    assert notes[0].startswith("McGeorge Bundy, ")
    assert notes[1] == (
        "George Creel to Edward M. House, September 25, 1918, Edward M. House "
        "Papers, Yale University Library, New Haven, CT."
    )


def test_editor_is_not_repeated_and_keeps_given_names() -> None:
    note = _render([SAMPSON], [Cluster((Cite("doc35"),), 1)])[0]
    assert note.startswith("Charles S. Sampson, ed., “Document 35,” in ")
    assert note.count("Sampson") == 1


def test_positions_from_note_numbers() -> None:
    clusters = [
        Cluster((Cite("bundy", "12"),), 1),
        Cluster((Cite("creel1918"), Cite("bundy", "3")), 2),
        Cluster((Cite("bundy", "45"),), 4),
    ]
    notes = _render([BUNDY, CREEL], clusters)
    # a note citing two works is never followed by ibid. (CMOS 13.37)
    assert notes[2] == "Bundy, Danger and Survival, 45."


def test_ibid_variant_prints_ibid_with_locator() -> None:
    style = load_style("chicago-notes-bibliography-subsequent-ibid")
    notes = Renderer(style, [BUNDY], "text").render(
        [Cluster((Cite("bundy", "12"),), 1), Cluster((Cite("bundy", "14"),), 2),
         Cluster((Cite("bundy", "14"),), 3)]
    )  # fmt: skip
    assert notes[1:] == ["Ibid., 14.", "Ibid."]


def test_cite_order_in_a_note_is_kept_g4() -> None:
    note = _render([BUNDY, CREEL], [Cluster((Cite("creel1918"), Cite("bundy")), 1)])[0]
    assert note.index("Creel") < note.index("Bundy")


def test_outputs_agree() -> None:
    html = _render([BUNDY], [Cluster((Cite("bundy"),), 1)], "html")[0]
    assert "<i>Danger and Survival</i>" in html
    md = _render([BUNDY], [Cluster((Cite("bundy"),), 1)], "markdown")[0]
    assert "*Danger and Survival*" in md
    tex = _render([BUNDY], [Cluster((Cite("bundy"),), 1)], "latex")[0]
    assert r"\emph{Danger and Survival}" in tex


@pytest.mark.parametrize(
    ("given", "mark", "full", "expected"),
    [
        ("John M.E.", ". ", False, "John M. E."),
        ("John M.E.", ". ", True, "J. M. E."),
        ("Ph. M.E.", "", False, "PhME"),
        ("Jean-Paul", ". ", True, "J.-P."),
        ("Edward M.", ". ", False, "Edward M."),
    ],
)
def test_initialize(given: str, mark: str, full: bool, expected: str) -> None:
    assert initialize(given, mark, full) == expected


def test_punctuation_moves_inside_quotes_g5() -> None:
    text = "\ue000Ann Whitman Diary\ue001, box 3."
    assert resolve(text, Marks()) == "“Ann Whitman Diary,” box 3."
    assert (
        resolve(text, Marks(punctuation_inside=False)) == "“Ann Whitman Diary”, box 3."
    )


@pytest.mark.parametrize(
    ("value", "plural"),
    [
        ("12", False),
        ("12-14", True),
        ("3, 5", True),
        ("327\\-30", False),
        ("3 & 5", True),
    ],
)
def test_locator_plurals(value: str, plural: bool) -> None:
    assert is_plural(value) is plural


@pytest.mark.parametrize(
    ("first", "last", "fmt", "expected"),
    [("321", "328", "chicago-16", "28"), ("101", "108", "chicago-16", "8"),
     ("71", "72", "chicago-16", "72"), ("1496", "1504", "chicago", "1504"),
     ("427", "30", "expanded", "430")],
)  # fmt: skip
def test_page_ranges(first: str, last: str, fmt: str, expected: str) -> None:
    assert page_range(first, last, fmt) == expected


@given(st.lists(st.tuples(st.integers(1, 30), st.sampled_from("abc")), max_size=20))
def test_first_cite_of_each_item_is_first(cites: list[tuple[int, str]]) -> None:
    ordered = sorted(cites)
    placed = place([(n, [Ref(i)]) for n, i in ordered])
    seen: set[str] = set()
    for (_, item), [p] in zip(ordered, placed, strict=True):
        assert (p.position == "first") == (item not in seen)
        seen.add(item)


def test_nsam129_document() -> None:
    located = list(archcite.extract(["samples/nsam129.txt"]))
    done = render_document(located, output="text")
    # A file-level item: the file unit is its title, and it is a CSL
    # collection, so Chicago prints no "n.d." (docs/archival-fields.md).
    assert done.citations[0] == (
        "NSAM No. 129, U.S.-USSR Space Cooperation, Meetings and Memoranda Series, "
        "box 334, National Security Files, John F. Kennedy Presidential Library, "
        "Boston, MA"  # the note's own period follows the span
    )
    assert "Charles S. Sampson, ed., “Document 35,”" in done.citations[5]
    kept = {loc.index for loc, _ in done.kept}
    assert 6 in kept  # "Document 389": no volume to resolve it in
    html = citation_html(located)
    assert set(html) == set(done.citations)
    assert "<i>" in html[5]


def test_bibliography_lists_a_collection_once() -> None:
    other = {**CREEL, "id": "creel2", "issued": {"date-parts": [[1918, 10, 2]]}}
    single = {**CREEL, "id": "x", "archive_collection": "Wiseman Papers"}
    entries = bibliography([CREEL, other, single])
    assert "Edward M. House Papers. Yale University Library, New Haven, CT." in entries
    assert not any(
        e.startswith("Creel, George. Letter") and "House Papers" in e for e in entries
    )
    assert any("Wiseman Papers" in e and "Creel" in e for e in entries)


def test_render_items_first_full_notes() -> None:
    notes, bib = render_items([BUNDY, CREEL])
    assert notes[0].startswith("McGeorge Bundy")
    assert len(bib) == 2
