"""A user's CSL-JSON through the RIS and Zotero writers: the CSL types archcite
never makes itself, and items without the optional variables.

Each CSL type has one RIS ``TY`` and one Zotero item type. Where Zotero has a
type for it (newspaper article, report, book section), the item is that type;
where the fields archcite writes have none (thesis, web page, map, speech),
it is a Zotero ``document`` with ``type: …`` as the first Extra line, which
Zotero's CSL export and citeproc-js read back as the CSL type. RIS types are
those of the RIS specification that Zotero's RIS translator imports as the
same item (THES, ELEC, NEWS, RPRT, CHAP); a type with no such tag is ``GEN``,
as in Zotero's own RIS export (``DEFAULT_EXPORT_TYPE``), and keeps its CSL
type in an ``M2`` Extra line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from archcite.cli import cli
from archcite.export import ris
from archcite.export.zotero import to_zotero


def extract(tmp_path: Path, items: list[dict[str, Any]], fmt: str) -> str:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", fmt, "-q"])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode("utf-8")


def ris_lines(tmp_path: Path, item: dict[str, Any]) -> list[str]:
    text = extract(tmp_path, [{"id": "x", "title": "T", **item}], "ris")
    assert text.endswith("ER  - \r\n") and "\n" not in text.replace("\r\n", "")
    return text.split("\r\n")[:-1]


def zotero(tmp_path: Path, item: dict[str, Any]) -> dict[str, Any]:
    [out] = json.loads(
        extract(tmp_path, [{"id": "x", "title": "T", **item}], "zotero-json")
    )
    assert isinstance(out, dict)
    return out


@pytest.mark.parametrize(
    ("ctype", "ty", "itype", "type_line"),
    [
        ("webpage", "ELEC", "document", True),
        ("article-newspaper", "NEWS", "newspaperArticle", False),
        ("article-magazine", "MGZN", "magazineArticle", False),
        ("article-journal", "JOUR", "journalArticle", False),
        ("thesis", "THES", "document", True),
        ("report", "RPRT", "report", False),
        ("chapter", "CHAP", "bookSection", False),
        ("book", "BOOK", "book", False),
        ("map", "GEN", "document", True),
        ("speech", "GEN", "document", True),
        ("song", "GEN", "document", True),
        ("document", "MANSCPT", "document", False),
    ],
)
def test_each_csl_type_has_its_ris_type_and_zotero_item_type(
    tmp_path: Path, ctype: str, ty: str, itype: str, type_line: bool
) -> None:
    lines = ris_lines(tmp_path, {"type": ctype})
    extra = ["Citation Key: x"]
    if type_line:
        extra.insert(0, f"type: {ctype}")
    assert lines == [
        f"TY  - {ty}",
        "ID  - x",
        "TI  - T",
        *(f"M2  - {line}" for line in extra),
        "ER  - ",
    ]
    item = zotero(tmp_path, {"type": ctype})
    assert item == {
        "itemType": itype,
        "title": "T",
        "creators": [],
        "extra": "\n".join(extra),
        "tags": [],
        "collections": [],
        "relations": {},
    }


def test_an_item_without_a_type_is_a_document() -> None:
    # Only the Python API takes one (the CLI refuses CSL-JSON without a type).
    assert ris.record({"id": "x", "title": "T"}) == [
        ("TY", "MANSCPT"),
        ("ID", "x"),
        ("TI", "T"),
        ("M2", "Citation Key: x"),
        ("ER", ""),
    ]
    assert to_zotero({"title": "T"}) == {
        "itemType": "document",
        "title": "T",
        "creators": [],
        "tags": [],
        "collections": [],
        "relations": {},
    }


@pytest.mark.parametrize(
    ("issued", "py", "da", "zdate"),
    [
        ({"date-parts": [[1962, 3, 9]]}, "1962", "1962/03/09/", "1962-03-09"),
        ({"date-parts": [[1962, 3]]}, "1962", "1962/03//", "1962-03"),
        ({"date-parts": [[1962]]}, "1962", "1962///", "1962"),
        ({"date-parts": [["1962", "11", "2"]]}, "1962", "1962/11/02/", "1962-11-02"),
        ({"date-parts": [[1962]], "season": 2}, "1962", "1962///", "1962"),
        ({"date-parts": [[1962]], "circa": True}, "1962", "1962///", "1962"),
        ({"raw": "spring 1962"}, None, "spring 1962", "spring 1962"),
        ({"literal": "Easter 1916"}, None, "Easter 1916", "Easter 1916"),
        (None, None, None, None),
    ],
)
def test_dates(
    tmp_path: Path,
    issued: dict[str, Any] | None,
    py: str | None,
    da: str | None,
    zdate: str | None,
) -> None:
    item: dict[str, Any] = {"type": "article-journal"}
    if issued is not None:
        item["issued"] = issued
    lines = ris_lines(tmp_path, item)
    dated = [line for line in lines if line[:2] in ("PY", "DA")]
    assert dated == [f"{t}  - {v}" for t, v in (("PY", py), ("DA", da)) if v]
    assert zotero(tmp_path, item).get("date") == zdate


NAMES: list[tuple[dict[str, str], str, dict[str, str]]] = [
    (
        {"family": "Rusk", "given": "Dean"},
        "Rusk, Dean",
        {"firstName": "Dean", "lastName": "Rusk"},
    ),
    (
        {"literal": "Department of State"},
        "Department of State",
        {"name": "Department of State"},
    ),
    ({"given": "Cher"}, "Cher", {"name": "Cher"}),
    ({"family": "Sukarno"}, "Sukarno", {"firstName": "", "lastName": "Sukarno"}),
    (
        {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
        "van Beethoven, Ludwig",
        {"firstName": "Ludwig", "lastName": "van Beethoven"},
    ),
    (
        {"family": "Gaulle", "given": "Charles", "dropping-particle": "de"},
        "Gaulle, Charles de",
        {"firstName": "Charles de", "lastName": "Gaulle"},
    ),
    (
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        "King, Martin Luther, Jr.",
        {"firstName": "Martin Luther, Jr.", "lastName": "King"},
    ),
    (
        {"family": "Ford", "suffix": "III"},
        "Ford, III",
        {"firstName": "III", "lastName": "Ford"},
    ),
]


@pytest.mark.parametrize(("name", "au", "creator"), NAMES)
def test_author_names(
    tmp_path: Path, name: dict[str, str], au: str, creator: dict[str, str]
) -> None:
    item = {"type": "article-journal", "author": [name]}
    assert [line for line in ris_lines(tmp_path, item) if line.startswith("AU")] == [
        f"AU  - {au}"
    ]
    assert zotero(tmp_path, item)["creators"] == [{"creatorType": "author", **creator}]


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ({"family": "King", "given": "Martin Luther", "suffix": "Jr."},
         "editor: King || Martin Luther, Jr."),
        ({"family": "Hook", "given": "James C.", "non-dropping-particle": "van"},
         "editor: van Hook || James C."),
        ({"family": "Sukarno"}, "editor: Sukarno"),
        ({"literal": "RAND Corporation"}, "editor: RAND Corporation"),
    ],
)  # fmt: skip
def test_a_name_the_item_type_lacks_is_an_extra_line_with_all_its_parts(
    tmp_path: Path, name: dict[str, str], line: str
) -> None:
    # Zotero's report has no editor: the editor goes to Extra, "Last || First".
    item = {"type": "report", "editor": [name]}
    assert zotero(tmp_path, item)["extra"] == f"{line}\nCitation Key: x"
    assert f"M2  - {line}" in ris_lines(tmp_path, item)
