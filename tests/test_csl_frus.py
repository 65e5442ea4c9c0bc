"""FRUS references as CSL-JSON, checked against the Office of the Historian's own item."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from archcite.csl import frus_csl
from archcite.csl.frus import document_item, frus_to_csl, volume_item
from archcite.grammar.frus import recognize
from archcite.model import FrusRef

HSG = "https://history.state.gov/historicaldocuments"


def frus_items(ref: FrusRef) -> list[dict[str, object]]:
    """One item per cited document (or the volume), as the item builder asks."""
    items = [frus_csl(ref, d) for d in ref.documents] or [frus_csl(ref)]
    return [i for i in items if i is not None]


def ref_of(text: str) -> FrusRef:
    (cit,) = recognize(text)
    assert cit.frus is not None
    return cit.frus


def test_document_as_the_office_of_the_historian_has_it() -> None:
    ref = ref_of(
        "Foreign Relations of the United States, 1969–1976, Volume XIX, Part 1, "
        "Korea, 1969–1972, Document 75"
    )
    item = frus_to_csl(ref)
    assert item is not None
    # the fields of hsg-shell's test-CSL.xqm fixture (F7 in anchors-formatting.md §9)
    assert item["type"] == "chapter"
    assert item["title"] == "Document 75"
    # no "Document 75" page: Chicago printed it as "vol. 19:Document 75"
    assert "page" not in item
    assert item["collection-title"] == "Foreign Relations of the United States"
    assert item["collection-number"] == "1969–1976"
    assert item["container-title"] == "Korea, 1969–1972"
    # the number only, in arabic numerals as Chicago prints it; the part apart
    assert item["volume"] == "19" and item["part"] == "1"
    assert item["editor"] == [
        {"family": "Lawler", "given": "Daniel J."},
        {"family": "Mahan", "given": "Erin R."},
    ]
    assert item["ISBN"] == "9780160771088"
    assert item["URL"] == f"{HSG}/frus1969-76v19p1/d75"
    # the documented decisions: the guidance page's imprint and year, not hsg-shell's
    assert item["publisher"] == "Government Printing Office"
    assert item["publisher-place"] == "Washington"
    assert item["issued"] == {"date-parts": [[2010]]}


def test_general_editor_is_left_out() -> None:
    item = volume_item(ref_of("Foreign Relations, 1961–1963, vol. VI"))
    assert item is not None
    assert item["editor"] == [{"family": "Sampson", "given": "Charles S."}]


def test_whole_volume_is_a_book() -> None:
    item = volume_item(
        ref_of(
            "Papers Relating to the Foreign Relations of the United States, 1918, Russia, Volume III, p. 51"
        )
    )
    assert item is not None
    assert item["type"] == "book" and item["title"] == "Russia"
    assert (
        item["collection-title"]
        == "Papers Relating to the Foreign Relations of the United States"
    )
    assert item["collection-number"] == "1918" and item["volume"] == "3"
    assert item["issued"] == {
        "date-parts": [[1932]]
    }  # printed 1932, not the coverage year
    assert "editor" not in item  # legacy volumes name no editors
    assert item["URL"] == f"{HSG}/frus1918Russiav03"


def test_page_cited_document_keeps_its_pages() -> None:
    ref = ref_of("Foreign Relations, 1952–1954, vol. IV, pp. 1091–1093 (Document 20)")
    item = document_item(ref, 20)
    assert item is not None and item["page"] == "1091–1093"


def test_one_item_per_document() -> None:
    items = frus_items(
        ref_of("Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36")
    )
    assert [i["title"] for i in items] == ["Document 35", "Document 36"]


def test_electronic_only_volume_publisher() -> None:
    item = frus_to_csl(
        ref_of("Foreign Relations, 1969–1976, vol. E–15, Part 1, Document 10")
    )
    assert item is not None and item["publisher"] == "Office of the Historian"


def test_unresolved_internal_reference_has_no_item() -> None:
    assert frus_to_csl(ref_of("See Document 389.")) is None


def test_items_validate_against_csl_schema(shared_dir: Path) -> None:
    schema = json.loads(
        (shared_dir / "reference" / "schemas" / "csl-data.json").read_text(
            encoding="utf-8"
        )
    )
    items = frus_items(
        ref_of("Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36")
    )
    items += frus_items(
        ref_of("Foreign Relations, 1945, The Conference of Berlin (Potsdam), vol. II")
    )
    jsonschema.validate(items, schema)


def test_pipeline_items_are_the_frus_builders(tmp_path: Path) -> None:
    """What `extract --format csl-json` writes: csl.frus's items, parts kept."""
    from archcite.items import collect
    from archcite.pipeline import extract

    src = tmp_path / "n.txt"
    src.write_text(
        "1. FRUS, 1964–1968, vol. XXIX, pt. 2, doc. 87.\n"
        "2. Foreign Relations, 1952–1954, vol. IV, pp. 1091–1093 (Document 20).\n",
        encoding="utf-8",
    )
    items = {i["id"]: i for i in collect(extract([str(src)])).csl()}
    doc = items["frus1964-68v29p2-d87"]
    assert doc["title"] == "Document 87" and doc["part"] == "2"
    assert "page" not in doc  # the title names the document: no "Document 87"
    assert items["frus1964-68v29p2"]["part"] == "2"  # the volume keeps its part
    printed = [i for i in items.values() if i.get("type") == "chapter"]
    assert {str(i.get("page")) for i in printed} == {"None", "1091–1093"}
