"""Foreign archives: names with lower-case adjectives, fonds placed by their
word, unit words with a number, and a semicolon between two file names of one
citation (issue 11)."""

from __future__ import annotations

import pytest
from archival_fixtures import arch

from archcite.grammar.note import recognize_text


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


@pytest.mark.parametrize(
    ("text", "collection", "series"),
    [
        # The fonds is the collection by its word; the body before it names whose.
        ("Archivio Centrale dello Stato, Presidenza del Consiglio dei Ministri, Fondo "
         "Gabinetto, busta 4.", "Presidenza del Consiglio dei Ministri, Fondo Gabinetto",
         None),
        ("Bundesarchiv, Koblenz, Nachlass Blankenhorn, Bestand N 1351, Bd. 12.",
         "Nachlass Blankenhorn, Bestand N 1351", None),
        ("Archives nationales, Paris, Fonds Pompidou, 5 AG 2, carton 10.",
         "Fonds Pompidou", "5 AG 2"),
    ],
)  # fmt: skip
def test_a_fonds_is_placed_by_its_word(
    text: str, collection: str, series: str | None
) -> None:
    ref = arch(text)
    assert ref.collection == collection
    assert ref.series == series


@pytest.mark.parametrize(
    ("text", "box", "folder"),
    [
        ("Archives nationales d'outre-mer, Fonds ministériels, carton 45, dossier 3.",
         "45", "3"),
        ("Archivo Histórico Nacional, Fondo Contemporáneo, legajo 23, expediente 4.",
         "23", "4"),
        ("Archivio Centrale dello Stato, Fondo Gabinetto, busta 4, fascicolo 12.",
         "4", "12"),
        ("Archivo General de la Administración, Asuntos Exteriores, caja 82/5432.",
         "82/5432", None),
    ],
)  # fmt: skip
def test_foreign_unit_words_with_a_number(
    text: str, box: str, folder: str | None
) -> None:
    ref = arch(text)
    assert (ref.box, ref.folder) == (box, folder)


def test_a_foreign_folder_word_without_a_number_is_a_title() -> None:
    ref = arch("Archives diplomatiques, Dossier secret, carton 3.")
    assert ref.folder is None and ref.collection == "Dossier secret"
