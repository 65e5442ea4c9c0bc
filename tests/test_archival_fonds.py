"""Fonds-based archives (Russian fond/opis'/delo/list, Czech and Polish
equivalents): each unit placed by its word, the repository from the authority,
and the CSL location read most specific last (issue 11)."""

from __future__ import annotations

import pytest
from archival_fixtures import arch

from archcite.csl import archival_csl
from archcite.grammar.locators import fonds_units
from archcite.grammar.note import recognize_text


@pytest.mark.parametrize(
    ("text", "repo", "fields"),
    [
        ("AVP RF, f. 07, op. 12, p. 41, d. 603, l. 5–9.", "avprf",
         ("f. 07", "op. 12", "p. 41, d. 603", "l. 5–9")),
        ("RGANI, f. 3, op. 16, d. 947, ll. 22–30.", "rgani",
         ("f. 3", "op. 16", "d. 947", "ll. 22–30")),
        ("GARF, f. R-5446, op. 1, d. 88, ll. 3–4.", "garf",
         ("f. R-5446", "op. 1", "d. 88", "ll. 3–4")),
        ("RGASPI, f. 82, op. 2, d. 1120.", "rgaspi", ("f. 82", "op. 2", "d. 1120", None)),
        ("State Archive of the Russian Federation, f. 9401, op. 2, d. 199, l. 14 ob.", "garf",
         ("f. 9401", "op. 2", "d. 199", "l. 14 ob")),  # its period ends the note
        ("Russian State Archive of Socio-Political History, Moscow, f. 495, op. 74, d. 7.",
         "rgaspi", ("f. 495", "op. 74", "d. 7", None)),
        ("Archive of Foreign Policy of the Russian Federation, fond 0100, opis’ 43, papka 302, "
         "delo 14.", "avprf", ("fond 0100", "opis’ 43", "papka 302, delo 14", None)),
        ("Russian State Archive of Contemporary History, f. 89, op. 64, d. 25, ll. 1–4.",
         "rgani", ("f. 89", "op. 64", "d. 25", "ll. 1–4")),
        ("Národní archiv, f. KSČ-ÚV-02/2, sv. 31, a.j. 112.", "nacr",
         ("f. KSČ-ÚV-02/2", "sv. 31", "a.j. 112", None)),
    ],
)  # fmt: skip
def test_fond_opis_delo_list(
    text: str, repo: str, fields: tuple[str, str, str, str | None]
) -> None:
    ref = arch(text)
    assert ref.repository_id == repo and ref.in_authority
    assert (ref.collection, ref.series, ref.file_unit, ref.folio) == fields


def test_the_place_comes_from_the_authority() -> None:
    assert arch("RGANI, f. 3, op. 16, d. 947.").place == "Moscow, Russia"
    assert arch("Archiwum Akt Nowych, KC PZPR, sygn. 1354.").place == "Warsaw, Poland"


def test_polish_signature_and_leaves() -> None:
    ref = arch("AAN, KC PZPR, sygn. 2304, k. 12–15.")
    assert (ref.collection, ref.file_unit, ref.folio) == (
        "KC PZPR",
        "sygn. 2304",
        "k. 12–15",
    )


def test_a_document_before_the_fond() -> None:
    ref = arch(
        "Gromyko to Khrushchev, memorandum, May 2, 1961, AVP RF, f. 0129, op. 45, "
        "p. 315, d. 2, ll. 7–9."
    )
    assert ref.item.type == "memorandum" and ref.item.date == "1961-05-02"
    assert (ref.collection, ref.folio) == ("f. 0129", "ll. 7–9")


def test_the_csl_location_holds_the_fond_most_specific_last() -> None:
    csl = archival_csl(arch("RGANI, f. 3, op. 16, d. 947, ll. 22–30."))
    assert csl["archive_location"] == "f. 3, op. 16, d. 947, ll. 22–30"
    assert "archive_collection" not in csl
    assert "title" not in csl  # "d. 947" is no file title


def test_a_folio_elsewhere_ends_the_location() -> None:
    csl = archival_csl(arch("Bundesarchiv, B 136/3004, Bl. 7–9."))
    assert csl["archive_location"].endswith("Bl. 7–9")


@pytest.mark.parametrize(
    ("comps", "units"),
    [
        (["p. 38", "d. 5"], [None, None]),  # pages and the like without an opis
        (["f. 12"], [None]),  # a folio of a manuscript, not a fond
        (["op. cit."], [None]),
        (["f. 2", "op. 3", "p. 4"], ["fond", "opis", "papka"]),
    ],
)
def test_ambiguous_words_need_an_unambiguous_unit(
    comps: list[str], units: list[str | None]
) -> None:
    assert fonds_units(comps) == units


def test_no_fond_chain_is_prose() -> None:
    kinds = {c.kind for c in recognize_text("Vladimir, f. 3, op. 4, d. 5.")}
    assert "not-a-citation" not in kinds
