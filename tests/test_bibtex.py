"""BibTeX/biblatex through pybtex: biblatex-chicago fields, escaping, plugins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_fixtures import (
    FRUS_V06,
    RUSK_MEMO,
    frus_citation,
    items,
    located,
    nsam_citation,
)
from pybtex.database import parse_string

from archcite.csl import titles
from archcite.export import bibtex
from archcite.export.latex_text import from_latex, to_latex
from archcite.items import collect, from_csl


def entries(text: str) -> dict[str, dict[str, str]]:
    bib = parse_string(text, "bibtex")
    return {
        k: {f.lower(): from_latex(v) for f, v in e.fields.items()} | {"@": e.type}
        for k, e in bib.entries.items()
    }


def test_archival_item_follows_biblatex_chicago() -> None:
    e = entries(bibtex.dumps(from_csl(items()), "biblatex"))["rusk"]
    assert e["@"] == "misc"
    assert e["entrysubtype"] == "letter"
    assert e["note"] == "National Security Files"
    assert e["organization"] == "John F. Kennedy Presidential Library"
    assert e["location"] == "Boston, MA"
    assert e["origdate"] == "1962-02-20"
    assert e["date"] == "1962-02-20"  # beside origdate: Zotero reads only date
    assert "title" not in e  # addressed documents stay untitled
    # The CSL variables ride along for a lossless round trip.
    assert e["archive_location"] == "box 180, folder “USSR, General, 2/62”"
    assert e["recipient"] == "Kennedy, John F."


def test_frus_document_is_incollection_with_crossref_to_the_volume() -> None:
    text = bibtex.dumps(collect(located([frus_citation()])), "biblatex")
    e = entries(text)
    assert e["frus1961-63v06-d35"]["@"] == "incollection"
    assert e["frus1961-63v06-d35"]["crossref"] == "frus1961-63v06"
    assert e["frus1961-63v06-d35"]["booktitle"] == "Kennedy-Khrushchev Exchanges"
    assert e["frus1961-63v06"]["@"] == "book"
    assert e["frus1961-63v06"]["series"] == "Foreign Relations of the United States"
    # classic BibTeX needs the crossref target after its children
    assert text.index("@book{frus1961-63v06") > text.index(
        "@incollection{frus1961-63v06-d36"
    )


def test_collection_entry_and_skipbib_when_two_documents_share_it() -> None:
    two = entries(bibtex.dumps(from_csl(items()), "biblatex"))
    assert two["nsam"]["options"] == "skipbib" and two["rusk"]["options"] == "skipbib"
    assert two["jfkl-nsf"]["entrysubtype"] == "collection"
    assert two["jfkl-nsf"]["title"] == "National Security Files"
    one = entries(bibtex.dumps(collect(located([nsam_citation()])), "biblatex"))
    assert "options" not in one["jfkl-nsf-box334-nsam129"]


@pytest.mark.parametrize(
    ("text", "ascii_form"),
    [
        ("Smith & Sons", r"Smith \& Sons"),
        ("50% of {all}", r"50\% of \textbraceleft{}all\textbraceright{}"),
        ("Łódź, Café", r"\L \'od\'z, Caf\'e"),
        ("Central Files 1967–69", "Central Files 1967--69"),
        ("A--B", "A-{}-B"),
        ("#1 $5 a_b ~ ^", r"\#1 \$5 a\_b \textasciitilde{} \^{}"),
    ],
)
def test_escaping(text: str, ascii_form: str) -> None:
    assert to_latex(text, ascii_only=True) == ascii_form
    assert from_latex(to_latex(text, ascii_only=True)) == text
    assert from_latex(to_latex(text)) == text


def test_bibtex_flavour_is_ascii_with_year_month() -> None:
    item = dict(RUSK_MEMO, archive="Bibliothèque nationale & “Archives”")
    text = bibtex.dumps([item], "bibtex")
    assert text.isascii()
    e = entries(text)["rusk"]
    assert (e["year"], e["month"], e["day"]) == ("1962", "February", "20")
    assert e["address"] == "Boston, MA"
    assert e["organization"] == "Bibliothèque nationale & “Archives”"


def test_titles_keep_their_case_and_names_with_and_stay_whole() -> None:
    text = bibtex.dumps(from_csl(items()), "biblatex")
    assert 'title = "{NSAM No. 129, U.S.-USSR Space Cooperation}"' in text
    assert 'organization = "{National Archives and Records Administration}"' in text


def test_biblatex_flavour_keeps_utf8() -> None:
    text = bibtex.dumps([dict(FRUS_V06, title="Łódź – Document 35")], "biblatex")
    assert "Łódź – Document 35" in text


def test_foreign_bib_maps_by_biblatex_chicago_conventions() -> None:
    foreign = r"""
    @misc{creel:house, author = {Creel, George}, title = {George Creel to Colonel House},
      entrysubtype = {letter}, origdate = {1918-09-25}, note = {Edward M. House Papers},
      organization = {Yale University Library}, location = {New Haven, CT}}
    @book{plain, title = {Memoirs}, publisher = {Doubleday}, address = {New York},
      year = 1971, month = jun}
    """
    got = {i["id"]: i for i in bibtex.loads(foreign)}
    creel = got["creel:house"]
    assert creel["type"] == "personal_communication"
    assert creel["archive"] == "Yale University Library"
    assert creel["archive_collection"] == "Edward M. House Papers"
    assert creel["archive-place"] == "New Haven, CT"
    assert creel["issued"] == {"date-parts": [[1918, 9, 25]]}
    assert got["plain"]["publisher-place"] == "New York"
    assert got["plain"]["issued"] == {"date-parts": [[1971, 6]]}


def test_pybtex_plugins_convert_both_ways(tmp_path: Path) -> None:
    from pybtex.database.convert import convert
    from pybtex.plugin import register_plugin

    from archcite.export.pybtex_plugin import CSLJSONParser, CSLJSONWriter

    # What the entry points register once archcite is installed.
    register_plugin("pybtex.database.input", "csljson", CSLJSONParser, force=True)
    register_plugin(
        "pybtex.database.input.suffixes", ".json", CSLJSONParser, force=True
    )
    register_plugin("pybtex.database.output", "csljson", CSLJSONWriter, force=True)
    register_plugin(
        "pybtex.database.output.suffixes", ".json", CSLJSONWriter, force=True
    )
    src = tmp_path / "refs.json"
    src.write_text(json.dumps(items()), encoding="utf-8")
    convert(str(src), str(tmp_path / "refs.bib"))
    bib = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    assert "@misc{rusk," in bib and "archive_collection" in bib
    convert(str(tmp_path / "refs.bib"), str(tmp_path / "back.json"))
    back = {
        i["id"]: i
        for i in json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))
    }
    # An untitled archival item read from CSL gets its supplied title on the
    # way out (archcite.csl.titles); everything else comes back as it was.
    for item in items():
        assert back[item["id"]] == titles.supply_title(item)


def test_an_untitled_telegrams_number_reaches_zoteros_note() -> None:
    """The number of an addressed document rides in its genre ("telegram no.
    2231"); BibTeX.js keeps no genre of an archival @misc, so annote carries it."""
    telegram = dict(
        items()[1],
        id="thompson",
        genre="telegram",
        number="2231",
        author=[{"family": "Thompson", "given": "Llewellyn"}],
        recipient=[{"family": "Rusk", "given": "Dean"}],
    )
    for flavor in ("bibtex", "biblatex"):
        e = entries(bibtex.dumps(from_csl([telegram]), flavor))["thompson"]
        assert e["genre"] == "telegram no. 2231"
        # pybtex reads the note's lines back as one: the labels still part them
        assert " Number: 2231 recipient: " in e["annote"], e["annote"]
