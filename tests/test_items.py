"""Items, not mentions: collapsing citations into sources with stable ids."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from export_fixtures import (
    CENTRAL_FILES,
    NSAM129,
    frus_citation,
    located,
    nsam_citation,
    rusk_citation,
)

from archcite.csl import published_csl
from archcite.items import collect, from_csl, work_pages
from archcite.items.ids import acronym, slug
from archcite.model import ArchivalRef, Citation, FrusRef, PublishedRef


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
    # the title names the document; "Document 35" in page printed it twice
    assert d35.csl["title"] == "Document 35" and "page" not in d35.csl
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


# -- published works: pinpoints are locators, extents are part of the item ----------


def _work(
    text: str, kind: str = "published", antecedent: int | None = None, **ref: Any
) -> Citation:
    pub = PublishedRef(**ref)
    return Citation(
        text,
        0,
        len(text),
        kind,  # type: ignore[arg-type]
        "parsed",
        published=pub,
        antecedent=antecedent,
        csl=published_csl(pub),
    )


_GADDIS = {
    "title": "Strategies of Containment",
    "author": ("John Lewis Gaddis",),
    "type": "book",
    "publisher": "Oxford University Press",
    "place": "New York",
    "date": "1982",
}
_GADDIS_TEXT = (
    "John Lewis Gaddis, Strategies of Containment (New York: Oxford University "
    "Press, 1982), {}"
)
_MCMAHON = {
    "title": "Eisenhower and Third World Nationalism",
    "author": ("Robert J. McMahon",),
    "type": "article",
    "container_title": "Political Science Quarterly",
    "volume": "101",
    "issue": "3",
    "date": "1986",
}
_MCMAHON_TEXT = (
    "Robert J. McMahon, “Eisenhower and Third World Nationalism,” Political "
    "Science Quarterly 101, no. 3 (1986): {}"
)


def test_a_book_cited_at_two_pages_is_one_item_with_page_locators() -> None:
    items = collect(
        located(
            [
                _work(_GADDIS_TEXT.format("45"), pages="45", **_GADDIS),
                _work(_GADDIS_TEXT.format("112–14"), pages="112–14", **_GADDIS),
                _work("Ibid., 61", "ibid", antecedent=1, pages="61", **_GADDIS),
            ]
        )
    )
    assert [i.id for i in items] == ["gaddis-strategies-of-containment-1982"]
    item = items.items[0]
    assert "page" not in item.csl
    assert [(m.locator, m.label) for m in item.mentions] == [
        ("45", "page"),
        ("112–14", "page"),
        ("61", "page"),
    ]


def test_an_articles_extent_is_part_of_the_item_its_pinpoint_is_not() -> None:
    items = collect(
        located(
            [
                _work(_MCMAHON_TEXT.format("460"), pages="460", **_MCMAHON),
                _work(_MCMAHON_TEXT.format("453–73"), pages="453–73", **_MCMAHON),
                _work(
                    _MCMAHON_TEXT.format("453–73, at 465"), pages="453–73", **_MCMAHON
                ),
            ]
        )
    )
    assert [i.id for i in items] == ["mcmahon-eisenhower-and-third-world-1986"]
    item = items.items[0]
    # The first mention gave only a pinpoint; the extent came later.
    assert item.csl["page"] == "453–73"
    assert [m.locator for m in item.mentions] == ["460", None, "465"]


def test_an_ibid_of_an_article_without_a_page_has_no_locator() -> None:
    full = _work(_MCMAHON_TEXT.format("453–73"), pages="453–73", **_MCMAHON)
    ibid = _work("Ibid.", "ibid", antecedent=0, pages="453–73", **_MCMAHON)
    items = collect(located([full, ibid]))
    assert [m.locator for m in items.items[0].mentions] == [None, None]


def test_chapter_pages_after_the_imprint_are_a_pinpoint() -> None:
    ref = {
        "title": "The Nature of Foreign Policy",
        "author": ("Ernest May",),
        "type": "chapter",
        "container_title": "Essays",
        "date": "1970",
    }
    note = _work(
        "Ernest May, “The Nature of Foreign Policy,” in Essays (Boston: Little, "
        "Brown, 1970), 37.",
        pages="37",
        **ref,
    )
    bib = _work(
        "May, Ernest. “The Nature of Foreign Policy.” In Essays, 33–45. Boston: "
        "Little, Brown, 1970.",
        pages="33–45",
        **ref,
    )
    assert work_pages(note, note.csl or {})[1] == "37"
    assert "page" not in work_pages(note, note.csl or {})[0]
    assert work_pages(bib, bib.csl or {}) == (dict(bib.csl or {}), None)


def test_volumes_of_a_documentary_edition_are_items_pages_are_locators() -> None:
    wilson = {
        "title": "The Papers of Woodrow Wilson",
        "editor": ("Arthur S. Link",),
        "type": "edition",
        "date": "1983",
    }
    text = "Link, ed., The Papers of Woodrow Wilson, vol. {}, pp. {}"
    items = collect(
        located(
            [
                _work(
                    text.format(43, "456–459"), volume="43", pages="456–459", **wilson
                ),
                _work(text.format(43, "12"), volume="43", pages="12", **wilson),
                _work(text.format(44, "3"), volume="44", pages="3", **wilson),
            ]
        )
    )
    assert [i.id for i in items] == [
        "link-the-papers-of-woodrow-vol43-1983",
        "link-the-papers-of-woodrow-vol44-1983",
    ]
    assert [m.locator for m in items.items[0].mentions] == ["456–459", "12"]
    assert items.items[0].csl["volume"] == "43"


def test_a_newspaper_page_stays_with_the_article() -> None:
    c = _work(
        "“Glenn Orbits Earth,” New York Times, February 21, 1962, 1.",
        pages="1",
        title="Glenn Orbits Earth",
        type="newspaper",
        container_title="New York Times",
        date="February 21, 1962",
    )
    items = collect(located([c]))
    assert items.items[0].csl["page"] == "1"
    assert items.items[0].mentions[0].locator is None


def test_archival_box_stays_with_the_document_item() -> None:
    items = collect(located([nsam_citation()]))
    doc = items.get("jfkl-nsf-box334-nsam129")
    assert doc is not None and "Box 334" in doc.csl["archive_location"]
    assert doc.mentions[0].locator is None


def test_ibid_pages_of_a_page_cited_frus_volume_are_labelled_pages() -> None:
    c = frus_citation()
    assert c.frus is not None
    vol = replace(c, frus=replace(c.frus, documents=(), pages=("51",)))
    ibid = Citation(
        "Ibid., p. 60.",
        0,
        13,
        "ibid",
        "parsed",
        frus=FrusRef(pages=("60",)),
        antecedent=0,
    )
    items = collect(located([vol, ibid]))
    assert [(m.locator, m.label) for m in items.items[0].mentions] == [
        ("51", "page"),
        ("60", "page"),
    ]


def test_a_whole_frus_volume_is_the_volume_item_whatever_else_is_cited() -> None:
    c = frus_citation()
    assert c.frus is not None
    whole = replace(c, frus=replace(c.frus, documents=()), csl=None)
    alone = collect(located([whole]))
    assert [i.id for i in alone] == ["frus1961-63v06"]
    assert alone.items[0].csl["type"] == "book"
    with_doc = collect(located([whole, frus_citation()]))
    doc = with_doc.get("frus1961-63v06-d35")
    assert doc is not None and doc.parent == "frus1961-63v06"
    volume = with_doc.get("frus1961-63v06")
    assert volume is not None and [m.note for m in volume.mentions] == ["1"]
