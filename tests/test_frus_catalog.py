"""The FRUS volume catalog: packaged data, lookups, and the builders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archcite.authority.catalog import catalog, load_path, parse_id
from archcite.authority.catalog_build import (
    build,
    build_from_clone,
    parse_bibliography,
    read_tei_header,
    subseries_of,
    write,
)
from archcite.errors import InputError, UnsafeInputError

REPO = Path(__file__).resolve().parents[1]
PACKAGED = REPO / "archcite" / "authority" / "frus_catalog.json"


def test_packaged_catalog_has_every_volume() -> None:
    cat = catalog()
    assert len(cat) == 563
    vol = cat.get("frus1961-63v06")
    assert vol is not None
    assert vol.volume_title == "Kennedy-Khrushchev Exchanges"
    assert vol.editors == ("Charles S. Sampson",)
    assert vol.general_editors == ("Glenn W. LaFantasie",)
    assert (vol.published, vol.documents, vol.subseries) == ("1996", 120, "1961–1963")
    assert cat.document_count("frus1969-76v19p1") is not None
    assert cat.get("frus1999v99") is None
    # the catalog stays small: no summaries, one compact line per volume
    assert PACKAGED.stat().st_size < 400_000


@pytest.mark.parametrize(
    (
        "volume_id",
        "years",
        "name",
        "supplement",
        "electronic",
        "volume",
        "part",
        "rest",
    ),
    [
        ("frus1961-63v06", "1961-63", None, None, False, 6, None, ""),
        ("frus1969-76ve15p1", "1969-76", None, None, True, 15, 1, ""),
        ("frus1918Russiav03", "1918", "Russia", None, False, 3, None, ""),
        ("frus1943CairoTehran", "1943", "CairoTehran", None, False, None, None, ""),
        ("frus1917Supp02v01", "1917", None, 2, False, 1, None, ""),
        ("frus1872p2v5", "1872", None, None, False, 5, 2, ""),
        ("frus1961-63v07-09mSupp", "1961-63", None, None, False, 7, None, "-09mSupp"),
        ("frus1914Supp", "1914", None, 1, False, None, None, ""),
    ],
)
def test_parse_id(
    volume_id: str,
    years: str,
    name: str | None,
    supplement: int | None,
    electronic: bool,
    volume: int | None,
    part: int | None,
    rest: str,
) -> None:
    p = parse_id(volume_id)
    assert p is not None
    assert (p.years, p.name, p.supplement, p.electronic, p.volume, p.part, p.rest) == (
        years, name, supplement, electronic, volume, part, rest,
    )  # fmt: skip


def test_every_catalog_id_parses() -> None:
    assert all(parse_id(v.id) is not None for v in catalog())


def test_find_by_parts_and_title_words() -> None:
    cat = catalog()
    assert (
        cat.find("1943", title="The Conferences at Cairo and Tehran")
        == "frus1943CairoTehran"
    )
    assert cat.find("1943") == "frus1943"
    assert (
        cat.find("1945", 2, title="The Conference of Berlin (Potsdam)")
        == "frus1945Berlinv02"
    )
    assert cat.find("1945", 2) == "frus1945v02"
    assert (
        cat.find("1918", 1, supplement=1, title="The World War") == "frus1918Supp01v01"
    )
    assert cat.find("1907", part=2) == "frus1907p2"
    assert cat.find("1961-63", 99) is None
    assert "frus1945-50Intel" in cat.search_title(
        "Emergence of the Intelligence Establishment"
    )


def test_last_page_and_page_bound() -> None:
    cat = catalog()
    # the body length of the bibliography record is the TEI's last page number
    vol = cat.get("frus1930v01")
    assert vol is not None and vol.last_page == 564 and vol.pages == 640
    assert cat.page_bound("frus1930v01") == 640
    # frus1861 has fewer page images (441) than body pages (446)
    assert cat.page_bound("frus1861") == 446
    assert cat.page_bound("frus1927v02") == 947  # page images only
    assert cat.page_bound("frus2099v01") is None


def test_subseries_display() -> None:
    assert subseries_of("frus1969-76v19p1") == "1969–1976"
    assert subseries_of("frus1995-99v01") == "1995–1999"
    assert subseries_of("frus1899-02x") == "1899–1902"
    assert subseries_of("frus1918Russiav03") == "1918"


def test_script_output_is_reproducible(shared_dir: Path, tmp_path: Path) -> None:
    """The committed catalog is exactly what the committed script builds."""
    out = tmp_path / "catalog.json"
    write(build(shared_dir / "corpus" / "frus-catalog-source"), out)
    assert out.read_text(encoding="utf-8") == PACKAGED.read_text(encoding="utf-8")
    assert len(load_path(out)) == 563


BIB = b"""<?xml version="1.0" encoding="UTF-8"?>
<volume id="frus2001-04v99">
    <title type="complete">Foreign Relations of the United States, 2001\xe2\x80\x932004,
        Volume XCIX, Testing</title>
    <title type="series">Foreign Relations of the United States</title>
    <title type="sub-series" n="2001\xe2\x80\x9304">2001\xe2\x80\x932004</title>
    <title type="volume">Testing</title>
    <title type="volume-number">Volume XCIX</title>
    <editor role="primary">Jane Q. Editor </editor>
    <editor role="general">Gen Eral</editor>
    <editor role=""/>
    <media type="print"/>
    <publication-status>published</publication-status>
    <published-year>2030</published-year>
    <length><span part="front" unit="pages">12</span>
        <span part="body" unit="pages">640</span></length>
    <summary><p>long text dropped</p></summary>
</volume>
"""

TEI = b"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title type="complete">Header Title</title><title type="volume">Header Volume</title>
<editor role="primary">Header Editor</editor></titleStmt>
<publicationStmt><publisher>United States Government Printing Office</publisher>
<pubPlace>Washington</pubPlace><date when="2031">2031</date></publicationStmt>
</fileDesc></teiHeader><text><body>
<div type="compilation"><div type="document" xml:id="d1" n="1"><p>a</p></div>
<div type="document" xml:id="d2" n="2"><p>b</p></div></div>
</body></text></TEI>
"""


def test_build_from_clone(tmp_path: Path) -> None:
    (tmp_path / "bibliography").mkdir()
    (tmp_path / "volumes").mkdir()
    (tmp_path / "bibliography" / "frus2001-04v99.xml").write_bytes(BIB)
    (tmp_path / "bibliography" / "broken.xml").write_bytes(b"<volume id='x'>")
    (tmp_path / "volumes" / "frus2001-04v99.xml").write_bytes(TEI)
    (tmp_path / "volumes" / "frus2001-04v98.xml").write_bytes(TEI)
    data = build_from_clone(tmp_path)
    rec = data["volumes"]["frus2001-04v99"]
    assert rec["editors"] == ["Jane Q. Editor"] and rec["general_editors"] == [
        "Gen Eral"
    ]
    assert rec["volume_number"] == "Volume XCIX" and rec["documents"] == 2
    assert rec["published"] == "2030" and "summary" not in rec
    assert rec["last_page"] == 640  # the body's length, not the front matter
    # a volume with TEI but no bibliography record takes its header fields
    other = data["volumes"]["frus2001-04v98"]
    assert other["volume_title"] == "Header Volume" and other["editors"] == [
        "Header Editor"
    ]
    assert other["published"] == "2031" and other["documents"] == 2
    out = tmp_path / "out.json"
    write(data, out)
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == 1


def test_clone_parsing_is_hardened(tmp_path: Path) -> None:
    evil = b"""<?xml version="1.0"?><!DOCTYPE v [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<volume id="frusX"><title type="complete">&x;</title></volume>"""
    with pytest.raises(UnsafeInputError):
        parse_bibliography(evil, "evil.xml")
    path = tmp_path / "frus1.xml"
    path.write_bytes(evil.replace(b"volume", b"TEI"))
    with pytest.raises(UnsafeInputError):
        read_tei_header(path)


def test_build_refuses_other_folders(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        build(tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ["frus", "show", ""],
        ["frus", "show", "  "],
        ["frus", "resolve", "x", "--in", ""],
    ],
)
def test_cli_an_empty_volume_id_is_named(args: list[str]) -> None:
    from click.testing import CliRunner

    from archcite.cli import cli

    given = args[2] if args[1] == "show" else args[-1]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"archcite: error: {given!r} is not a FRUS volume id (such as frus1961-63v06)\n"
    )


def test_cli_show_resolve_build(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from archcite.cli import cli

    runner = CliRunner()
    ok = runner.invoke(cli, ["frus", "show", "frus1961-63v06"])
    assert ok.exit_code == 0
    assert json.loads(ok.output)["volume_title"] == "Kennedy-Khrushchev Exchanges"
    missing = runner.invoke(cli, ["frus", "show", "frus1999v99"])
    assert missing.exit_code == 1
    assert (
        "not in the FRUS catalog" in missing.output
        and "Traceback" not in missing.output
    )
    text = "For texts, see Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36. See also Document 389."
    res = runner.invoke(cli, ["frus", "resolve", text, "--in", "frus1961-63v25"])
    assert res.exit_code == 0
    found = json.loads(res.output)
    assert [f["frus"]["volume_id"] for f in found] == [
        "frus1961-63v06",
        "frus1961-63v25",
    ]
    assert text[found[1]["start"] : found[1]["end"]] == "Document 389"
    (tmp_path / "bibliography").mkdir()
    (tmp_path / "bibliography" / "frus2001-04v99.xml").write_bytes(BIB)
    out = tmp_path / "cat.json"
    built = runner.invoke(
        cli, ["frus", "catalog", "build", str(tmp_path), "-o", str(out)]
    )
    assert built.exit_code == 0, built.output
    assert "frus2001-04v99" in json.loads(out.read_text(encoding="utf-8"))["volumes"]
    bad = runner.invoke(cli, ["frus", "catalog", "build", str(tmp_path / "nope")])
    assert bad.exit_code == 2
