"""CSL-JSON output (schema-valid), CSL dispatch, CSL-JSON/.bib inputs, atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from export_fixtures import frus_citation, items, located, nsam_citation, rusk_citation

import archcite.schema
from archcite import csl as csl_pkg
from archcite.cli.export import render_format, render_items, write_format
from archcite.errors import InputError, OutputError
from archcite.export import formats
from archcite.export.cslinput import parse, read_items, sniff
from archcite.items import from_csl
from archcite.model import ArchivalRef, Citation, FrusRef, PublishedRef
from archcite.output import write_atomic

SCHEMA = json.loads(
    (Path(archcite.schema.__file__).parent / "csl-data.json").read_text()
)


def validate(doc: Any) -> None:
    jsonschema.Draft7Validator(SCHEMA).validate(doc)


def test_csl_json_output_is_valid_and_has_every_item() -> None:
    text = render_format(
        located([nsam_citation(), frus_citation(), rusk_citation()]), "csl-json"
    )
    doc = json.loads(text)
    validate(doc)
    assert [d["id"] for d in doc][:2] == [
        "jfkl-nsf-box334-nsam129",
        "frus1961-63v06-d35",
    ]
    assert {"jfkl-nsf", "frus1961-63v06"} <= {d["id"] for d in doc}


def test_zotero_flavoured_csl_json_is_valid_and_carries_extra_lines() -> None:
    doc = json.loads(render_items(from_csl(items()), "zotero-csl-json"))
    validate(doc)
    nsam = doc[0]
    assert nsam["note"].splitlines() == [
        "archive_collection: National Security Files",
        "Archive Place: Boston, MA",
        # Zotero's CSL importer (schema 29) drops `citation-key`; Extra keeps it.
        "Citation Key: nsam",
    ]


def test_schema_rejects_what_clean_csl_repairs() -> None:
    dirty = {
        "id": 7,
        "type": "memo",
        "archive": "X",
        "box": "3",
        "issued": "1962-02-20",
    }
    with pytest.raises(jsonschema.ValidationError):
        validate([dirty])
    clean = csl_pkg.clean_csl(dirty)
    validate([clean])
    assert clean["type"] == "document"
    assert clean["custom"] == {"type": "memo", "box": "3"}
    assert clean["issued"] == {"raw": "1962-02-20"}
    # Zotero's "letter" (used by some mappings) is CSL's personal_communication.
    assert (
        csl_pkg.clean_csl({"id": "a", "type": "letter"})["type"]
        == "personal_communication"
    )


def test_to_csl_dispatches_to_the_mapping_modules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[Any] = []

    def fake(ref: Any) -> dict[str, Any]:
        seen.append(ref)
        return {
            "id": "",
            "type": "manuscript",
            "archive": getattr(ref, "repository", None),
        }

    monkeypatch.setattr(csl_pkg, "archival_to_csl", fake)
    monkeypatch.setattr(csl_pkg, "frus_to_csl", fake)
    ref = ArchivalRef(repository="Mudd Library", collection="Dulles Papers", box="12")
    out = csl_pkg.to_csl(Citation("…", 0, 1, "archival", "parsed", archival=ref))
    assert out == {"id": "", "type": "manuscript", "archive": "Mudd Library"}
    one = csl_pkg.frus_csl(FrusRef(volume_id="frus1961-63v06", documents=(35, 36)), 36)
    assert one is not None and seen[-1].documents == (36,)


def test_to_csl_of_published_works_and_of_what_cites_nothing() -> None:
    pub = Citation(
        "…",
        0,
        1,
        "published",
        "parsed",
        published=PublishedRef(title="Memoirs", date="1971"),
    )
    assert csl_pkg.to_csl(pub) == {
        "id": "",
        "type": "book",
        "title": "Memoirs",
        "issued": {"date-parts": [[1971]]},
    }
    assert (
        csl_pkg.to_csl(Citation("Not printed.", 0, 12, "not-a-citation", "parsed"))
        is None
    )


def test_seed_document_exports_valid_csl_json(shared_dir: Path) -> None:
    from archcite import readers
    from archcite.pipeline import extract_source

    seed = shared_dir / "corpus" / "seed" / "nsam129.txt"
    doc = json.loads(
        render_format(extract_source(readers.open_source(str(seed))), "csl-json")
    )
    validate(doc)
    ids = [d["id"] for d in doc]
    # Notes 1 and 3 cite the same file: one item.
    assert ids.count("jfkl-nsf-box334-nsam129") == 1
    assert {
        "frus1961-63v06-d35",
        "frus1961-63v06-d36",
        "jfkl-nsf",
        "frus1961-63v06",
    } <= set(ids)


def test_every_export_format_renders_the_seed_items() -> None:
    seed = located([nsam_citation(), frus_citation()])
    for fmt in formats.names():
        text = render_format(seed, fmt)
        assert "Kennedy" in text, fmt


def test_csl_json_and_bib_inputs_read_as_items(tmp_path: Path) -> None:
    src = tmp_path / "refs.json"
    src.write_text(json.dumps(items()), encoding="utf-8")
    got = read_items(src)
    assert [i.id for i in got][:4] == ["nsam", "rusk", "frus", "nara"]
    bib = tmp_path / "refs.bib"
    bib.write_text(render_items(got, "biblatex"), encoding="utf-8")
    again = read_items(bib)
    assert again.get("rusk") is not None
    assert (
        again.get("rusk").csl["archive_location"]
        == "box 180, folder “USSR, General, 2/62”"
    )  # type: ignore[union-attr]


def test_zotero_item_json_is_accepted_as_input() -> None:
    data = json.dumps(
        [
            {
                "key": "ABCD2345",
                "version": 3,
                "data": {"itemType": "letter", "title": "x", "archive": "Yale"},
            }
        ]
    )
    got = parse(data, "z.json")
    assert got[0]["type"] == "personal_communication" and got[0]["archive"] == "Yale"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[1, 2]", "item 1 is not an object"),
        (b'[{"id": "a"}]', "no CSL 'type'"),
        (
            b'[{"id": "a", "type": "memo"}]',
            r"item 1 \(a\) is not valid CSL-JSON: type: 'memo' is not a CSL type",
        ),
        (
            b'[{"type": "book", "title": "x"}]',
            "item 1 is not valid CSL-JSON: 'id' is a required",
        ),
        (
            b'[{"id": "a", "type": "book"}, {"id": "b", "type": "book", "author": "Rusk"}]',
            r"item 2 \(b\) is not valid CSL-JSON: author: 'Rusk' is not of type 'array'",
        ),
        (b"[{", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b'"text"', "must be an array"),
    ],
)
def test_bad_csl_json_is_an_input_error(content: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse(content, "bad.json")


@pytest.mark.parametrize(
    ("extra", "check"),
    [
        ({"issued": "1962-03-01"}, ("issued", {"date-parts": [[1962, 3, 1]]})),
        ({"issued": "spring 1962"}, ("issued", {"raw": "spring 1962"})),
        ({"note": None}, ("note", None)),
        ({"_graph": [{"type": "@else/list+object"}]}, None),
        ({"author": [{"family": "Rusk", "multi": {"_key": {}}}]}, None),
        ({"id": 7}, ("id", "7")),
    ],
)
def test_what_real_exporters_write_is_read(
    extra: dict[str, Any], check: tuple[str, Any] | None
) -> None:
    item = {"id": "a", "type": "book", "title": "T"} | extra
    [got] = parse(json.dumps([item]), "refs.json")
    if check is not None:
        key, value = check
        assert got.get(key) == value


def test_bad_bib_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a readable BibTeX"):
        parse("@misc{a, title = {unbalanced}", "bad.bib")


def test_sniffing() -> None:
    assert sniff(b'  [{"id": 1}]') == "csl-json"
    assert sniff("% comment\n@book{x, title={y}}") == "bibtex"
    assert sniff("Kennedy Library, NSF") is None


def test_atomic_write_replaces_and_keeps_mode(tmp_path: Path) -> None:
    out = tmp_path / "refs.bib"
    out.write_text("old", encoding="utf-8")
    os.chmod(out, 0o640)
    write_atomic(out, "new")
    assert out.read_text(encoding="utf-8") == "new"
    assert (out.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["refs.bib"]


def test_atomic_write_refuses_an_input_even_through_a_link(tmp_path: Path) -> None:
    src = tmp_path / "ms.txt"
    src.write_text("manuscript", encoding="utf-8")
    link = tmp_path / "alias.txt"
    link.symlink_to(src)
    for target in (src, link):
        with pytest.raises(OutputError, match="overwrite an input"):
            write_format(from_csl(items()), "ris", target, inputs=[str(src)])
    assert src.read_text(encoding="utf-8") == "manuscript"


def test_atomic_write_errors(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="directory does not exist"):
        write_atomic(tmp_path / "nope" / "x.bib", "x")
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path, "x")
