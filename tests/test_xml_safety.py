"""Hostile and broken XML: XXE, entity expansion, malformed input, encodings."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from archcite.errors import InputError, UnsafeInputError
from archcite.model import Note
from archcite.readers import Source, xmlsafe
from archcite.readers.tei import read_tei

BAD = Path(__file__).parent / "data" / "bad"
TEI = "http://www.tei-c.org/ns/1.0"
PASSWD = Path("/etc/passwd")


def passwd_markers() -> list[str]:
    """Lines of the local /etc/passwd an XXE would leak (plus a fixed marker)."""
    markers = ["root:x:0:0", "root:"]
    if PASSWD.is_file():
        markers += [
            line for line in PASSWD.read_text(errors="replace").splitlines()[:3] if line
        ]
    return markers


def read_file(path: Path) -> list[Note]:
    return list(read_tei(Source(str(path), path)))


def read_bytes(data: bytes) -> list[Note]:
    return list(read_tei(Source("test.xml", None, data)))


def test_xxe_is_refused_and_leaks_nothing() -> None:
    notes: list[Note] = []
    with pytest.raises(UnsafeInputError) as info:
        notes = read_file(BAD / "xxe.xml")
    message = str(info.value)
    assert "xxe.xml" in message
    assert "declares XML entities" in message
    assert isinstance(info.value, InputError)  # exit code 2 like any bad input
    for marker in passwd_markers():
        assert marker not in message
        assert all(marker not in n.text for n in notes)


def test_billion_laughs_is_refused() -> None:
    with pytest.raises(InputError, match="declares XML entities"):
        read_file(BAD / "billion-laughs.xml")


@pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml"])
def test_every_entry_point_refuses_entities(name: str) -> None:
    data = (BAD / name).read_bytes()
    with pytest.raises(UnsafeInputError):
        for _event, _elem in xmlsafe.iterparse(io.BytesIO(data), name):
            pass
    with pytest.raises(UnsafeInputError):
        xmlsafe.parse_bytes(data, name)
    # Defence in depth: even a parse that skipped the prolog check is refused
    # once its DOCTYPE has been read.
    try:
        tree = etree.fromstring(data, xmlsafe.safe_parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        # libxml2's own amplification limit stops the billion laughs first.
        assert "amplification" in str(exc)
        return
    with pytest.raises(UnsafeInputError):
        xmlsafe.check_docinfo(tree, name)


def test_hardened_parser_does_not_resolve_external_entities() -> None:
    # The parser options alone (no refusal) never read the file.
    data = (BAD / "xxe.xml").read_bytes()
    root = etree.fromstring(data, xmlsafe.safe_parser())
    serialized = etree.tostring(root, encoding="unicode")
    text = "".join(root.itertext())
    for marker in passwd_markers():
        assert marker not in serialized
        assert marker not in text


def test_parameter_entities_are_refused() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n'
        b'  <!ENTITY % ext SYSTEM "file:///etc/passwd">\n  %ext;\n]>\n'
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n'
    )
    with pytest.raises(UnsafeInputError):
        read_bytes(data)


def test_doctype_without_entities_is_fine_and_external_dtd_is_not_loaded() -> None:
    plain = (
        f'<!DOCTYPE TEI>\n<TEI xmlns="{TEI}"><text><note n="1">ok</note></text></TEI>'
    )
    assert [n.text for n in read_bytes(plain.encode())] == ["ok"]
    external = (
        '<!DOCTYPE TEI SYSTEM "file:///etc/passwd">\n'
        f'<TEI xmlns="{TEI}"><text><note n="1">ok</note></text></TEI>'
    )
    notes = read_bytes(external.encode())
    assert [n.text for n in notes] == ["ok"]


def test_undefined_entity_is_an_input_error() -> None:
    data = (
        '<!DOCTYPE TEI SYSTEM "tei.dtd">\n'
        f'<TEI xmlns="{TEI}"><text><note n="1">a &mdash; b</note></text></TEI>'
    ).encode()
    with pytest.raises(
        InputError, match=r"undefined entity &mdash; at line 2, column \d+"
    ):
        read_bytes(data)
    # Without a DOCTYPE libxml2 itself rejects it.
    with pytest.raises(InputError, match="malformed XML at line 1"):
        read_bytes(f'<TEI xmlns="{TEI}"><note>&mdash;</note></TEI>'.encode())


def test_malformed_xml_names_line_column_and_lxml_message() -> None:
    with pytest.raises(InputError) as info:
        read_file(BAD / "malformed.xml")
    message = info.value.message
    assert message.startswith("malformed XML at line 5, column ")
    assert "Opening and ending tag mismatch: hi line 5 and p" in message
    assert message.count("line 5, column") == 1  # lxml's own suffix is not repeated
    assert str(info.value).startswith(str(BAD / "malformed.xml") + ": malformed XML")


def test_notes_before_the_error_are_yielded_then_the_error_is_raised() -> None:
    # Streaming: what was read before a late syntax error has been handed out.
    notes: list[Note] = []
    with pytest.raises(InputError, match="malformed XML at line 5"):
        for note in read_tei(Source("m.xml", BAD / "malformed.xml")):
            notes.append(note)
    assert [n.note_id for n in notes] == ["d1fn1"]


@pytest.mark.parametrize(
    "data",
    [
        b"Kennedy Library, National Security Files, Box 334.\n",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        b"PK\x03\x04\x14\x00\x00\x00",
        b"<html><body><p>unclosed</body>",
    ],
    ids=["text", "pdf", "zip", "html"],
)
def test_non_xml_given_as_xml_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError):
        read_bytes(data)


def test_invalid_utf8_names_the_byte() -> None:
    data = f'<TEI xmlns="{TEI}"><note>caf\xe9</note></TEI>'.encode("latin-1")
    with pytest.raises(
        InputError, match=r"not valid utf-8 \(bad byte 0xe9 at byte offset"
    ):
        read_bytes(data)


def test_unknown_declared_encoding() -> None:
    data = b'<?xml version="1.0" encoding="x-no-such"?><TEI/>'
    with pytest.raises(InputError, match="unknown XML encoding 'x-no-such'"):
        read_bytes(data)


def test_parse_bytes_for_small_parts() -> None:
    root = xmlsafe.parse_bytes(b"<a><b>x</b></a>", "part.xml")
    assert root.findtext("b") == "x"
    with pytest.raises(InputError, match="malformed XML at line 1"):
        xmlsafe.parse_bytes(b"<a>", "part.xml")


def test_deep_nesting_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from archcite.cli import cli

    path = tmp_path / "deep.xml"
    path.write_text("<TEI>" + "<hi>" * 100_000, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 2
    assert "nest too deeply" in result.stderr
    assert "XML_PARSE_HUGE" not in result.stderr
