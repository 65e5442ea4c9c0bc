"""Items, not mentions: collapsing citations into sources with stable ids."""

from __future__ import annotations

from dataclasses import replace

from export_fixtures import (
    CENTRAL_FILES,
    NSAM129,
    frus_citation,
    located,
    nsam_citation,
    rusk_citation,
)

from archcite.item_ids import acronym, slug
from archcite.items import collect, from_csl
from archcite.model import ArchivalRef, Citation


def test_seed_ids_are_readable() -> None:
    items = collect(located([nsam_citation(), frus_citation()]))
    ids = [i.id for i in items]
    assert ids == [
        "jfkl-nsf-box334-nsam129",
        "frus1961-63v06-d35",
        "frus1961-63v06-d36",
        "jfkl-nsf",
        "frus1961-63v06",
    ]


def test_same_source_in_three_notes_is_one_item_with_three_mentions() -> None:
    items = collect(
        located([nsam_citation(), frus_citation(), nsam_citation("JFKL, NSF, Box 334")])
    )
    item = items.get("jfkl-nsf-box334-nsam129")
    assert item is not None
    assert [m.note for m in item.mentions] == ["1", "3"]
    assert (
        sum(1 for i in items if i.kind == "document" and i.id.startswith("jfkl")) == 1
    )


def test_ibid_is_a_mention_of_its_antecedent_with_its_own_box() -> None:
    ibid = Citation(
        "Ibid., Box 12.",
        0,
        14,
        "ibid",
        "parsed",
        archival=ArchivalRef(box="12"),
        antecedent=0,
    )
    items = collect(located([nsam_citation(), ibid]))
    item = items.get("jfkl-nsf-box334-nsam129")
    assert item is not None
    assert [(m.citation, m.locator) for m in item.mentions] == [
        (0, None),
        (1, "box 12"),
    ]
    assert len([i for i in items if i.kind == "document"]) == 1


def test_ids_do_not_change_when_unrelated_notes_change() -> None:
    alone = collect(located([rusk_citation()]))
    crowded = collect(located([nsam_citation(), frus_citation(), rusk_citation()]))
    rusk_id = next(i.id for i in alone if i.kind == "document")
    assert rusk_id == "jfkl-nsf-box180-ussr-general-2-62-rusk-19620220"
    assert crowded.get(rusk_id) is not None


def test_collection_item_lists_its_documents() -> None:
    items = collect(located([nsam_citation(), rusk_citation()]))
    coll = items.get("jfkl-nsf")
    assert coll is not None and coll.kind == "collection"
    assert coll.to_csl() == {
        "id": "jfkl-nsf",
        "type": "collection",
        "title": "National Security Files",
        "archive": "John F. Kennedy Presidential Library",
        "archive-place": "Boston, MA",
    }
    assert {i.id for i in items.children("jfkl-nsf")} == {
        "jfkl-nsf-box334-nsam129",
        "jfkl-nsf-box180-ussr-general-2-62-rusk-19620220",
    }


def test_frus_documents_get_history_state_gov_form() -> None:
    items = collect(located([frus_citation()]))
    d35 = items.get("frus1961-63v06-d35")
    vol = items.get("frus1961-63v06")
    assert d35 is not None and vol is not None
    assert d35.parent == "frus1961-63v06"
    assert d35.csl["page"] == "Document 35"
    assert (
        d35.csl["URL"]
        == "https://history.state.gov/historicaldocuments/frus1961-63v06/d35"
    )
    assert vol.csl["type"] == "book"
    assert vol.csl["title"] == "Kennedy-Khrushchev Exchanges"
    assert "page" not in vol.csl


def test_page_cited_frus_is_the_volume_with_a_page_locator() -> None:
    c = frus_citation()
    assert c.frus is not None
    c = replace(c, frus=replace(c.frus, documents=(), pages=("51–53",)))
    items = collect(located([c]))
    assert [i.id for i in items] == ["frus1961-63v06"]
    assert items.items[0].mentions[0].locator == "51–53"
    assert items.items[0].mentions[0].label == "page"


def test_parents_come_after_children() -> None:
    kinds = [i.kind for i in collect(located([frus_citation(), nsam_citation()]))]
    assert kinds == ["document", "document", "document", "volume", "collection"]


def test_distinct_items_with_the_same_readable_id_get_hashes() -> None:
    a = dict(NSAM129, id="a", archive_location="Box 1, folder A B")
    b = dict(NSAM129, id="a", archive_location="Box 1, folder A/B")
    items = from_csl([a, b])
    docs = [i.id for i in items if i.kind == "document"]
    assert len(set(docs)) == 2
    assert all(d.startswith("a-") and len(d) == 6 for d in docs)


def test_from_csl_keeps_ids_and_collapses_duplicates() -> None:
    items = from_csl([CENTRAL_FILES, dict(CENTRAL_FILES, id="again"), NSAM129])
    assert [i.id for i in items] == ["nara", "nsam", "nara-rg59-cf-1967-69", "jfkl-nsf"]


def test_acronyms_and_slugs() -> None:
    assert acronym("John F. Kennedy Presidential Library") == "jfkl"
    assert acronym("Lyndon Baines Johnson Library") == "lbjl"
    assert acronym("The National Archives") == "tna"
    assert acronym("National Archives and Records Administration") == "nara"
    assert acronym("Central Files 1967–69") == "cf-1967-69"
    assert acronym("OSD/OASD/ISA Files") == "osdoasdisaf"
    assert slug("Łódź, “USSR, General,” 2/62") == "lodz-ussr-general-2-62"
