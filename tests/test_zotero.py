"""Zotero item JSON: schema-valid types, fields and creators; Extra lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from export_fixtures import FRUS_V06, NSAM129, RUSK_MEMO, frus_citation, items, located

from archcite.export.zotero import (
    CREATORS,
    FIELDS,
    from_zotero,
    to_zotero,
    zotero_items,
)
from archcite.items import collect, from_csl

_BOOKKEEPING = {"itemType", "creators", "tags", "collections", "relations"}


@pytest.fixture(scope="module")
def zschema(shared_dir: Path) -> dict[str, dict[str, set[str]]]:
    doc = json.loads(
        (shared_dir / "reference" / "schemas" / "zotero-schema.json").read_text()
    )
    return {
        t["itemType"]: {
            "fields": {f["field"] for f in t["fields"]},
            "creators": {c["creatorType"] for c in t["creatorTypes"]},
        }
        for t in doc["itemTypes"]
    }


def assert_valid(item: dict[str, Any], zschema: dict[str, dict[str, set[str]]]) -> None:
    spec = zschema[item["itemType"]]
    assert set(item) - _BOOKKEEPING <= spec["fields"], (
        set(item) - _BOOKKEEPING - spec["fields"]
    )
    assert {c["creatorType"] for c in item["creators"]} <= spec["creators"]


def test_field_tables_are_subsets_of_the_zotero_schema(
    zschema: dict[str, dict[str, set[str]]],
) -> None:
    for itype, fields in FIELDS.items():
        assert fields <= zschema[itype]["fields"], (
            itype,
            fields - zschema[itype]["fields"],
        )
        assert CREATORS[itype] <= zschema[itype]["creators"], itype


def test_every_output_item_is_schema_valid(
    zschema: dict[str, dict[str, set[str]]],
) -> None:
    out = zotero_items(from_csl(items())) + zotero_items(
        collect(located([frus_citation()]))
    )
    assert {i["itemType"] for i in out} == {
        "manuscript",
        "letter",
        "bookSection",
        "book",
    }
    for item in out:
        assert_valid(item, zschema)


def test_archival_manuscript_keeps_collection_and_place_in_extra() -> None:
    item = to_zotero(NSAM129)
    assert item["itemType"] == "manuscript"
    assert item["archive"] == "John F. Kennedy Presidential Library"
    assert item["archiveLocation"].endswith("Box 334")
    assert item["extra"].splitlines() == [
        "archive_collection: National Security Files",
        "Archive Place: Boston, MA",
        "Citation Key: nsam",
    ]
    assert "citationKey" not in item  # schema 29 has no such field


def test_letter_has_recipient_and_type() -> None:
    item = to_zotero(RUSK_MEMO)
    assert item["itemType"] == "letter"
    # untitled (Zotero shows "[Letter to Kennedy]"), its type kept
    assert "title" not in item
    assert item["letterType"] == "memorandum"
    assert item["date"] == "1962-02-20"
    assert item["creators"] == [
        {"creatorType": "author", "firstName": "Dean", "lastName": "Rusk"},
        {"creatorType": "recipient", "firstName": "John F.", "lastName": "Kennedy"},
    ]


def test_variables_a_type_lacks_go_to_extra_and_come_back() -> None:
    memo = dict(RUSK_MEMO, type="manuscript", **{"event-place": "Washington"})
    item = to_zotero(memo)
    assert "recipient: Kennedy || John F." in item["extra"].splitlines()
    assert "Event Place: Washington" in item["extra"].splitlines()
    back = from_zotero(item)
    assert back["recipient"] == [{"family": "Kennedy", "given": "John F."}]
    assert back["event-place"] == "Washington"


def test_collection_becomes_document_with_type_line() -> None:
    coll = {
        "id": "jfkl-nsf",
        "type": "collection",
        "title": "National Security Files",
        "archive": "JFKL",
    }
    item = to_zotero(coll)
    assert item["itemType"] == "manuscript"
    assert item["extra"].splitlines()[0] == "type: collection"
    assert from_zotero(item)["type"] == "collection"


def test_frus_document_is_a_book_section() -> None:
    item = to_zotero(dict(FRUS_V06, page="Document 35"))
    assert item["itemType"] == "bookSection"
    assert item["bookTitle"] == "Kennedy-Khrushchev Exchanges"
    assert item["series"] == "Foreign Relations of the United States"
    assert item["seriesNumber"] == "1961–1963"
    assert item["pages"] == "Document 35"
    assert item["creators"][0]["creatorType"] == "editor"


def test_web_api_wrapped_items_read_back() -> None:
    wrapped = {"key": "X", "version": 1, "data": to_zotero(RUSK_MEMO)}
    assert from_zotero(wrapped)["recipient"] == RUSK_MEMO["recipient"]


def test_other_extra_lines_stay_a_note() -> None:
    item = to_zotero(dict(NSAM129, note="No classification marking"))
    back = from_zotero(item)
    assert back["note"] == "No classification marking"
    assert back["archive_collection"] == "National Security Files"


INTERVIEW = {
    "id": "mcnamara-19950503",
    "type": "interview",
    "genre": "interview",
    "author": [{"family": "McNamara", "given": "Robert"}],
    "interviewer": [{"family": "Blight", "given": "James G."}],
    "issued": {"date-parts": [[1995, 5, 3]]},
    "event-place": "Washington, D.C.",
}


def test_an_interview_is_zoteros_interview(
    zschema: dict[str, dict[str, set[str]]],
) -> None:
    item = to_zotero(INTERVIEW)
    assert item["itemType"] == "interview"
    assert [(c["creatorType"], c["lastName"]) for c in item["creators"]] == [
        ("interviewee", "McNamara"),
        ("interviewer", "Blight"),
    ]
    assert "type: interview" not in item["extra"]
    assert "Event Place: Washington, D.C." in item["extra"].splitlines()
    assert_valid(item, zschema)


def test_an_interview_reads_back_as_the_same_csl_item() -> None:
    assert from_zotero(to_zotero(INTERVIEW)) == INTERVIEW


def test_a_parsed_interview_note_exports_as_an_interview() -> None:
    from archcite.pipeline import parse_text

    found = parse_text(
        "Interview with Robert McNamara by the author, Washington, D.C., May 3, 1995."
    )
    out = zotero_items(collect(found))
    assert [i["itemType"] for i in out] == ["interview"]
    assert out[0]["creators"][0]["creatorType"] == "interviewee"


def test_an_interview_in_zotero_rdf_has_its_interviewee_and_interviewer() -> None:
    from lxml import etree

    from archcite.export.zotero_rdf import to_rdf

    rdf = etree.tostring(to_rdf([to_zotero(INTERVIEW)]), encoding="unicode")
    assert "<z:itemType>interview</z:itemType>" in rdf
    assert "z:interviewees" in rdf and "z:interviewers" in rdf


def test_an_interview_in_zotero_rdf_is_a_bib_interview() -> None:
    """Zotero RDF.js types an interview bib:Interview; untitled, it has a display title."""
    from lxml import etree

    from archcite.export.zotero_rdf import NS, to_rdf

    root = to_rdf([to_zotero(INTERVIEW)])
    node = root[0]
    assert node.tag == f"{{{NS['bib']}}}Interview"
    shown = node.find(f"{{{NS['z']}}}displayTitle")
    assert shown is not None and shown.text == "[Interview of Blight]"
    medium = to_rdf([dict(to_zotero(INTERVIEW), interviewMedium="Telephone")])
    assert etree.tostring(medium, encoding="unicode").count("dcterms:medium") == 2


def test_an_interview_in_ris_is_pcomm_with_its_interviewers_in_extra() -> None:
    from archcite.export.ris import record

    lines = record(INTERVIEW)
    assert lines[0] == ("TY", "PCOMM")
    assert ("AU", "McNamara, Robert") in lines
    assert not [tag for tag, _ in lines if tag == "A2"]
    m2 = [value for tag, value in lines if tag == "M2"]
    assert m2[:2] == ["type: interview", "interviewer: Blight || James G."]


@pytest.mark.parametrize("flavor", ["bibtex", "biblatex"])
def test_an_interview_in_bibtex_keeps_its_interviewer(flavor: str) -> None:
    from archcite.export.bibtex import dumps, loads

    text = dumps(from_csl([INTERVIEW]), flavor=flavor)
    assert "interviewer: Blight || James G." in text
    assert loads(text)[0]["interviewer"] == INTERVIEW["interviewer"]
