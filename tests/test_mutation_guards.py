"""Tests that kill the mutants the suite let survive (issue 13, item 7).

Small deliberate bugs, each made in a copy and the whole suite run, survived
in six places: a box list or range losing its box, the FRUS lookup ignoring
the electronic-volume flag, frames and lot numbers dropped from
``archive_location``, and biblatex's ``addendum`` taking the wrong variable.
Each test below states the behaviour a user sees, through the public pipeline
and writers, so that it holds however the code is rearranged. The last tests
check that a recognizer that crashes is never silent: the clause becomes an
``unrecognized`` citation naming the crash (or the crash fails the tests).
"""

from __future__ import annotations

import pytest
from pybtex.database import parse_string

from archcite.export import bibtex
from archcite.export.latex_text import from_latex
from archcite.grammar import archival, note
from archcite.items import collect
from archcite.model import Citation, Located
from archcite.pipeline import parse_text


def one(text: str, kind: str = "archival") -> Located:
    found = [loc for loc in parse_text(text) if loc.citation.kind == kind]
    assert len(found) == 1, [loc.citation for loc in parse_text(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "box"),
    [
        ("Kennedy Library, National Security Files, Box 3 and 4.", "3 and 4"),
        ("Kennedy Library, National Security Files, Boxes 3–4.", "3–4"),
        ("Kennedy Library, National Security Files, box 12.", "12"),
    ],
)
def test_a_list_or_range_of_boxes_keeps_every_box(text: str, box: str) -> None:
    loc = one(text)
    assert loc.citation.archival is not None
    assert loc.citation.archival.box == box
    assert loc.citation.csl is not None
    # lower case mid-note (Chicago), plural for several boxes
    word = "box" if box.isdigit() else "boxes"
    assert loc.citation.csl["archive_location"] == f"{word} {box}"


@pytest.mark.parametrize(
    ("text", "volume_id"),
    [
        ("Foreign Relations, 1969–1976, vol. I, Document 2.", "frus1969-76v01"),
        ("Foreign Relations, 1969–1976, vol. E–1, Document 2.", "frus1969-76ve01"),
        ("Foreign Relations, 1969–1976, vol. E–5, Part 1, Document 9.", "frus1969-76ve05p1"),
    ],
)  # fmt: skip
def test_printed_and_electronic_volumes_resolve_to_their_own_ids(
    text: str, volume_id: str
) -> None:
    frus = one(text, "frus").citation.frus
    assert frus is not None
    assert frus.volume_id == volume_id
    assert frus.known, f"{volume_id} is in the catalog"


def test_frames_stay_in_the_archive_location() -> None:
    loc = one("National Archives, RG 59, Reel 12, frames 120–125.")
    assert loc.citation.archival is not None
    assert loc.citation.archival.reel == "12"
    assert loc.citation.archival.frames == "120–125"
    assert loc.citation.csl is not None
    assert loc.citation.csl["archive_location"] == "reel 12, frames 120–125"


def test_the_lot_number_stays_in_the_archive_location() -> None:
    loc = one("National Archives, RG 59, Lot 67 D 548, Japan.")
    assert loc.citation.archival is not None
    assert loc.citation.archival.lot == "67 D 548"
    assert loc.citation.archival.file_unit == "Japan"
    csl = loc.citation.csl
    assert csl is not None
    # the file unit cited as a whole is its title; the lot locates it
    assert csl["archive_location"] == "Lot 67 D 548"
    assert csl["title"] == "Japan"


def _biblatex_fields(loc: Located) -> dict[str, str]:
    text = bibtex.dumps(collect([loc]), "biblatex")
    bib = parse_string(text, "bibtex")
    docs = [
        e for e in bib.entries.values() if e.type == "misc" and "addendum" in e.fields
    ]
    assert len(docs) == 1, text
    return {k.lower(): from_latex(v) for k, v in docs[0].fields.items()}


def test_biblatex_addendum_is_the_location_inside_the_archive() -> None:
    loc = one(
        "Rusk to Kennedy, memorandum, February 20, 1962, folder “USSR, General,” "
        "box 180, National Security Files, John F. Kennedy Presidential Library."
    )
    fields = _biblatex_fields(loc)
    csl = loc.citation.csl
    assert csl is not None
    assert fields["addendum"] == csl["archive_location"]
    assert "box 180" in fields["addendum"].lower()
    # and not the collection, the repository or the place
    assert fields["note"] == "National Security Files"
    assert fields["addendum"] not in (csl.get("archive"), csl.get("archive_collection"))


# -- a crash is never silent ----------------------------------------------------


def _broken(_text: str) -> list[Citation]:
    raise KeyError("grammar bug")


def _clear_caches() -> None:
    """Forget what the archival recognizer and the note stage have read."""
    archival._cached.cache_clear()
    note._claimed.cache_clear()


def test_a_crashing_recognizer_becomes_an_unrecognized_citation_with_its_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ARCHCITE_STRICT", raising=False)
    monkeypatch.setattr(archival, "_recognize", _broken)
    _clear_caches()
    text = "Kennedy Library, National Security Files, Box 334."
    try:
        [loc] = parse_text(text)
    finally:
        _clear_caches()
    c = loc.citation
    assert (c.kind, c.status) == ("unrecognized", "unrecognized")
    assert c.text == text.rstrip(".") or c.text == text
    assert c.reason == "internal error in archcite.grammar.archival: KeyError"


def test_under_the_test_suite_a_crashing_recognizer_fails_loudly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARCHCITE_STRICT", "1")
    monkeypatch.setattr(archival, "_recognize", _broken)
    _clear_caches()
    try:
        with pytest.raises(KeyError, match="grammar bug"):
            parse_text("Kennedy Library, National Security Files, Box 334.")
    finally:
        _clear_caches()


def test_the_archival_cache_does_not_keep_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A clause that once crashed is recognized again once the bug is gone."""
    monkeypatch.setenv("ARCHCITE_STRICT", "1")
    text = "Kennedy Library, National Security Files, Box 77."
    archival._cached.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(archival, "_recognize", _broken)
        with pytest.raises(KeyError):
            archival.recognize(text)
    [c] = archival.recognize(text)
    assert c.archival is not None and c.archival.box == "77"


def test_the_note_stage_does_not_keep_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """The note stage reads each clause once; a crash is not remembered as its answer."""
    monkeypatch.delenv("ARCHCITE_STRICT", raising=False)
    text = "Kennedy Library, National Security Files, Box 78."
    _clear_caches()
    with monkeypatch.context() as m:
        m.setattr(archival, "_recognize", _broken)
        [loc] = parse_text(text)
        assert loc.citation.kind == "unrecognized"
    archival._cached.cache_clear()  # only the archival cache: the note's must be empty
    [loc] = parse_text(text)
    assert loc.citation.archival is not None and loc.citation.archival.box == "78"
