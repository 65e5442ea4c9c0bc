"""Foreign archives cited with their own words for the box and the fonds.

"Archivo General de la Nación, Fondo Presidentes, Caja 12" is an archival
citation of a repository the authority does not know: caja (legajo, caixa,
carton, Karton, busta) is the box, the fonds the collection.
"""

from __future__ import annotations

import pytest

from archcite.grammar.archival import gate
from archcite.grammar.locators import classify, title_like
from archcite.grammar.note import recognize_text
from archcite.model import Citation


def first(text: str) -> Citation:
    found = recognize_text(text)
    assert found, text
    return found[0]


def test_archivo_general_de_la_nacion() -> None:
    c = first("Source: Archivo General de la Nación, Fondo Presidentes, Caja 12.")
    assert c.kind == "archival" and c.archival is not None
    assert c.text == "Archivo General de la Nación, Fondo Presidentes, Caja 12"
    a = c.archival
    assert a.repository_as_cited == "Archivo General de la Nación"
    assert a.repository == "Archivo General de la Nación"
    assert not a.in_authority
    assert a.collection == "Fondo Presidentes"
    assert a.box == "12"


@pytest.mark.parametrize(
    ("text", "repository", "collection", "box"),
    [
        ("Archivo General de Indias, Estado, Legajo 86", "Archivo General de Indias",
         "Estado", "86"),
        ("Archivio Centrale dello Stato, Fondo Presidenza, busta 12",
         "Archivio Centrale dello Stato", "Fondo Presidenza", "12"),
        ("Bundesarchiv, Bestand B 136, Karton 4", "Bundesarchiv", "Bestand B 136", "4"),
        ("Archives nationales, 5 AG 1, carton 208", "Archives nationales", "5 AG 1",
         "208"),
    ],
)  # fmt: skip
def test_foreign_box_words(
    text: str, repository: str, collection: str, box: str
) -> None:
    c = first(text)
    assert c.kind == "archival" and c.archival is not None
    assert c.archival.repository == repository
    assert c.archival.collection == collection
    assert c.archival.box == box


@pytest.mark.parametrize(
    "comp", ["Caja 12", "caja 3", "Legajo 86", "Caixa 7", "Carton 208", "Karton 4",
             "busta 12", "Cajas 3–5"]
)  # fmt: skip
def test_box_words_with_a_number_are_boxes(comp: str) -> None:
    loc = classify(comp)
    assert loc is not None and loc.kind == "box"


@pytest.mark.parametrize("comp", ["Caja Madrid", "Caja de Ahorros", "Carton Books"])
def test_box_words_without_a_number_are_titles(comp: str) -> None:
    assert classify(comp) is None


def test_publishers_named_fondo_stay_published() -> None:
    c = first(
        "Octavio Paz, El laberinto de la soledad (Mexico City: Fondo de Cultura "
        "Económica, 1950), 45."
    )
    assert c.kind == "published"
    assert not gate("Fondo de Cultura Económica, 1950")


def test_title_like_reads_accented_words_whole() -> None:
    assert title_like("Archivo General de la Nación", strict=True)
    assert not title_like("Archivo general de la nación", strict=True)


@pytest.mark.parametrize(
    "text",
    [
        # An imprint: a book series named Biblioteca/Bibliothèque.
        "Biblioteca de Autores Españoles, vol. 12 (Madrid: Atlas, 1952), p. 45.",
        "Bibliothèque de la Pléiade, Oeuvres complètes, vol. 2 (Paris: Gallimard, "
        "1950), p. 12.",
        # A volume and pages: a journal or a published series.
        "Archivio Storico Italiano, vol. 3, 1950, pp. 12–30.",
        "Archivo Histórico Diplomático Mexicano, Número 25, Mexico, 1928, p. 112.",
        # A journal named for an archive, even with a box word in it.
        "Revista del Archivo Nacional, Caja 4, Havana, 1940.",
    ],
)
def test_published_works_named_for_archives_are_not_archival(text: str) -> None:
    assert all(c.kind != "archival" for c in recognize_text(text)), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Biblioteca de Autores Españoles, vol. 12 (Madrid: Atlas, 1952), p. 45.",
         "published"),
        ("Archivio Storico Italiano, vol. 3, 1950, pp. 12–30.", "published"),
    ],
)  # fmt: skip
def test_they_stay_published(text: str, kind: str) -> None:
    assert first(text).kind == kind


def test_a_box_still_makes_a_foreign_archive() -> None:
    c = first("Archivo General de la Nación, Fondo Presidentes, Caja 12, p. 3.")
    assert c.kind == "archival" and c.archival is not None
    assert c.archival.box == "12" and not c.archival.in_authority
