"""Foreign archives: names with lower-case adjectives, fonds placed by their
word, unit words with a number, and a semicolon between two file names of one
citation (issue 11)."""

from __future__ import annotations

import pytest

from archcite.grammar.note import recognize_text
from archcite.model import ArchivalRef


def arch(text: str) -> ArchivalRef:
    found = [c for c in recognize_text(text) if c.kind == "archival"]
    assert len(found) == 1, found
    assert found[0].archival is not None
    return found[0].archival


@pytest.mark.parametrize(
    ("text", "repository"),
    [
        # Not in the authority: read by the archive's word, adjectives and all.
        ("Archivo histórico municipal, Sevilla, caja 3.", "Archivo histórico municipal"),
        ("Archives départementales de la Gironde, 3 M 12, carton 4.",
         "Archives départementales de la Gironde"),
        ("Arquivo nacional da Torre do Tombo, Lisbon, caixa 12.",
         "Arquivo nacional da Torre do Tombo"),
    ],
)  # fmt: skip
def test_a_repository_name_may_keep_lower_case_adjectives(
    text: str, repository: str
) -> None:
    ref = arch(text)
    assert ref.repository_as_cited == repository
    assert ref.repository == repository and not ref.in_authority


@pytest.mark.parametrize(
    ("text", "repo_id", "place"),
    [
        ("Archives nationales d'outre-mer, Aix-en-Provence, FM 1AFFPOL/2341.", "anom",
         "Aix-en-Provence, France"),
        ("Archives nationales d’outre-mer, Fonds ministériels, carton 45.", "anom",
         "Aix-en-Provence, France"),
        ("Archivio centrale dello Stato, Rome, Presidenza del Consiglio, busta 4.", "acs",
         "Rome, Italy"),
        ("Archivio storico diplomatico, Affari Politici 1950–1957, busta 12.", "asdmae",
         "Rome, Italy"),
        ("Archivo General de la Administración, Asuntos Exteriores, caja 82.", "aga",
         "Alcalá de Henares, Spain"),
        ("Arquivo Histórico-Diplomático, Processo 920, caixa 3.", "ahd",
         "Lisbon, Portugal"),
    ],
)  # fmt: skip
def test_common_foreign_archives_are_in_the_authority(
    text: str, repo_id: str, place: str
) -> None:
    ref = arch(text)
    assert (ref.repository_id, ref.place, ref.in_authority) == (repo_id, place, True)


def test_prose_opening_with_an_archive_word_is_no_repository() -> None:
    found = recognize_text("Archives show that the treaty failed, box 3.")
    assert all(c.kind != "archival" for c in found)
