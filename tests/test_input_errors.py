"""Nothing silent: every input archcite cannot use gets one line and an exit code.

Unsupported formats are named (what the file looks like, what archcite reads),
text in another encoding says which, malformed XML says so, a document without
notes is reported, and internal errors exit 3 (issue 13, item 5).
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite import pipeline
from archcite.cli import cli
from archcite.errors import InputError, UnsupportedFormatError
from archcite.readers import Source, open_source, reader_for
from archcite.readers.sniff import decode_text, guess_encoding

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TEI = "http://www.tei-c.org/ns/1.0"
NOTES = "Body.\n\nNotes\n\n1. Kennedy Library, NSF, Box 3.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def zip_bytes(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


UNSUPPORTED = [
    ("x.rtf", b"{\\rtf1\\ansi Hello}", "x.rtf: RTF is not supported; save as DOCX or ODT"),
    ("paper.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "paper.pdf: PDF is not supported; archcite reads"),
    ("page.html", b"<!DOCTYPE html><html><body>Hi</body></html>", "page.html: HTML is not supported"),
    ("page.txt", b"<html><body>Hi</body></html>", "page.txt: HTML is not supported"),
    ("page.htm", b"Hello", "page.htm: HTML is not supported"),
    ("old.doc", b"plain", "old.doc: legacy Word .doc is not supported; save as DOCX"),
    ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00", "scan.png: a PNG image, not a document"),
    ("notes.txt.gz", b"\x1f\x8b\x08\x00", "notes.txt.gz: a gzip archive; unpack it first"),
    ("data.xml", b'<?xml version="1.0"?><root><a/></root>', "data.xml: XML that is not TEI (root element <root>); archcite reads TEI XML"),
    ("page.xml", b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "page.xml: HTML is not supported"),
    ("flat.xml", b'<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>', "flat.xml: flat OpenDocument XML (.fodt) is not supported; save as ODT"),
    ("other.tei", b'<!-- a comment --><?pi x?><ns:TEI xmlns:ns="urn:other"/>', "other.tei: XML that is not TEI (root element <TEI>)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "message"), UNSUPPORTED, ids=[u[0] for u in UNSUPPORTED]
)
def test_unsupported_input_is_named_and_exits_2(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run("extract", str(path))
    assert code == 2 and out == ""
    assert one_line(err).startswith(f"archcite: error: {tmp_path}/{message}")


def test_unsupported_zip_packages_are_named(tmp_path: Path) -> None:
    cases = {
        "book.xlsx": ({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<x/>"}, "an Excel workbook (XLSX), not a text document"),
        "talk.pptx": ({"[Content_Types].xml": "<x/>", "ppt/presentation.xml": "<x/>"}, "a PowerPoint presentation (PPTX), not a text document"),
        "book.epub": ({"mimetype": "application/epub+zip"}, "EPUB is not supported"),
    }  # fmt: skip
    for name, (members, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(zip_bytes(members))
        with pytest.raises(UnsupportedFormatError) as err:
            reader_for(open_source(str(path)))
        assert err.value.message.startswith(message), name


def test_among_several_inputs_a_bad_one_exits_1_and_the_rest_is_read(
    tmp_path: Path,
) -> None:
    rtf = tmp_path / "x.rtf"
    rtf.write_bytes(b"{\\rtf1 x}")
    code, out, err = run("extract", str(rtf), str(SAMPLES / "nsam129.txt"))
    assert code == 1
    assert out.count("\n") > 0
    error, summary = err.splitlines()
    assert error == f"archcite: error: {rtf}: RTF is not supported; save as DOCX or ODT"
    assert summary.startswith("archcite: 2 files (1 error), 4 notes, ")
    assert "citations (archival 2," in summary


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        ("nonotes.md", "# Title\n\nJust prose.\n", "no footnotes found"),
        ("nonotes.txt", "Just prose, no notes.\n", "no numbered notes found"),
        ("nonotes.tex", "\\section{A} Prose.\n", "no footnotes found"),
        (
            "nonotes.xml",
            f'<TEI xmlns="{TEI}"><text><p>prose</p></text></TEI>',
            "no <note> elements found",
        ),
    ],
)
def test_a_document_without_notes_is_reported(
    tmp_path: Path, name: str, body: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    code, out, err = run("extract", str(path))
    assert code == 2 and out == ""
    assert one_line(err).startswith(f"archcite: error: {path}: {message}")


def test_docx_without_notes_is_reported(tmp_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    path = tmp_path / "plain.docx"
    path.write_bytes(
        zip_bytes(
            {
                "word/document.xml": f"<w:document {w}><w:body><w:p/></w:body></w:document>"
            }
        )
    )
    code, _, err = run("extract", str(path))
    assert code == 2
    assert one_line(err).endswith("plain.docx: no footnotes or endnotes found")


# -- encodings -----------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-8"])
def test_text_with_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-8": codecs.BOM_UTF8,
    }[codec]
    path = tmp_path / "notes.txt"
    path.write_bytes(bom + NOTES.replace("\n", "\r\n").encode(codec))
    code, out, err = run("extract", str(path))
    assert code == 0, err
    assert '"box": "3"' in out
    assert '"line": 5, "column": 4' in out


def test_utf16_without_bom_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(NOTES.encode("utf-16-le"))
    code, _, err = run("extract", str(path))
    assert code == 2
    assert "UTF-16 (little-endian) text without a byte-order mark" in one_line(err)
    path.write_bytes(NOTES.encode("utf-16-be"))
    assert "UTF-16 (big-endian)" in run("extract", str(path))[2]


def test_windows_1252_is_named() -> None:
    data = "1. Memorandum “secret” – Box 3, café.\n".encode("cp1252")
    with pytest.raises(InputError) as err:
        decode_text(data, "x.txt")
    assert err.value.message == (
        "not valid UTF-8 (bad byte 0x93 at byte offset 14); it looks like "
        "Windows-1252: save it as UTF-8"
    )
    assert guess_encoding("café".encode("latin-1")) == (
        "Latin-1 (ISO-8859-1) or Windows-1252"
    )
    assert guess_encoding(b"plain ascii") is None


def test_binary_pdf_named_txt_is_called_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\xff binary")
    code, _, err = run("extract", str(path))
    assert code == 2
    assert one_line(err).endswith("paper.txt: PDF is not supported; archcite reads "
                                  "plain text, Markdown, LaTeX, DOCX, ODT and TEI XML")  # fmt: skip


# -- --from against the content ------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "fmt", "message"),
    [
        ("manuscript.docx", "markdown", "a DOCX file, not Markdown (drop --from markdown, or use --from docx)"),
        ("manuscript.odt", "text", "an OpenDocument file, not plain text (drop --from text, or use --from odt)"),
        ("manuscript.docx", "tei", "a DOCX file, not TEI XML"),
    ],
)  # fmt: skip
def test_from_that_contradicts_the_content_says_what_the_file_is(
    sample: str, fmt: str, message: str
) -> None:
    code, out, err = run("extract", str(SAMPLES / sample), "--from", fmt)
    assert code == 2 and out == ""
    assert one_line(err) == f"archcite: error: {SAMPLES / sample}: {message}"


def test_from_text_on_text_like_content_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("Body.\n\nNotes\n\n1. Ibid.\n", encoding="utf-8")
    assert reader_for(open_source(str(path)), "text").name == "text"
    html = Source("x", None, b"<html><body>1. Ibid.</body></html>")
    assert reader_for(html, "text").name == "text"


# -- malformed XML and internal errors -------------------------------------------------


def test_bare_ampersand_in_tei_is_malformed_xml_not_internal_error(
    tmp_path: Path,
) -> None:
    path = tmp_path / "amp.xml"
    path.write_text(
        f'<TEI xmlns="{TEI}"><text><body><note n="1">A & B</note></body></text></TEI>',
        encoding="utf-8",
    )
    code, out, err = run("extract", str(path))
    assert code == 2 and out == ""
    line = one_line(err)
    assert "internal error" not in line
    assert line == (
        f"archcite: error: {path}: malformed XML at line 1, column 68: "
        "'&' that starts no entity (write it as &amp;)"
    )


def test_stray_less_than_in_tei_is_malformed_xml(tmp_path: Path) -> None:
    path = tmp_path / "lt.xml"
    path.write_text(
        f'<TEI xmlns="{TEI}"><text><note n="1">A < B</note></text></TEI>',
        encoding="utf-8",
    )
    code, _, err = run("extract", str(path))
    assert code == 2
    assert "malformed XML at line 1" in one_line(err)


def test_internal_error_exits_3_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(pipeline, "resolve_stream", broken)
    code, out, err = run("extract", str(SAMPLES / "nsam129.txt"))
    assert code == 3 and out == ""
    assert one_line(err) == (
        "archcite: error: internal error (KeyError: 'boom'); please report it"
    )


def test_frus_eval_over_no_notes_is_an_error() -> None:
    code, out, err = run("frus", "eval", str(SAMPLES / "tei"))
    assert code == 2 and out == ""
    assert one_line(err).startswith(
        f"archcite: error: {SAMPLES / 'tei'}: no FRUS TEI notes found"
    )


def test_a_zip_python_cannot_open_is_one_line_not_a_crash(tmp_path: Path) -> None:
    # Found by the fuzzer: a central directory that asks for a newer zip
    # version made zipfile raise NotImplementedError out of the reader.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    data = bytearray(buf.getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 134  # "version needed to extract": 13.4
    path = tmp_path / "new.docx"
    path.write_bytes(bytes(data))
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "new.docx" in lines[0], result.stderr
    assert "cannot open (zip file version 13.4)" in lines[0], result.stderr
    assert "Traceback" not in result.output


# -- zips that are no document, text named as a document -----------------------


@pytest.mark.parametrize("name", ["plain.zip", "plain.docx", "plain.odt"])
def test_a_zip_of_files_is_an_archive_not_a_document(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(zip_bytes({"a.txt": "hello", "notes/b.md": "[^1]: x"}))
    code, out, err = run("extract", str(path))
    assert code == 2 and out == ""
    assert one_line(err) == (
        f"archcite: error: {path}: a zip archive, not a document; archcite reads "
        "plain text, Markdown, LaTeX, DOCX, ODT and TEI XML"
    )


def test_a_damaged_package_still_gets_the_office_readers_word(tmp_path: Path) -> None:
    path = tmp_path / "nodoc.docx"
    path.write_bytes(zip_bytes({"[Content_Types].xml": "<Types/>", "a.txt": "x"}))
    code, _, err = run("extract", str(path))
    assert code == 2
    assert one_line(err).endswith("not a DOCX file (the zip has no word/document.xml)")


@pytest.mark.parametrize(("suffix", "kind"), [("docx", "a DOCX"), ("odt", "an ODT")])
def test_text_named_as_an_office_file_says_it_looks_like_text(
    suffix: str, kind: str, tmp_path: Path
) -> None:
    path = tmp_path / f"notes.{suffix}"
    path.write_text(NOTES, encoding="utf-8")
    code, _, err = run("extract", str(path))
    assert code == 2
    assert one_line(err) == (
        f"archcite: error: {path}: not {kind} file (not a zip archive); it looks "
        "like plain text (use --from text or rename it)"
    )
    # and the advice works
    code, out, _ = run("extract", "--from", "text", str(path))
    assert code == 0 and "Kennedy Library" in out


def test_binary_named_as_an_office_file_gets_no_text_advice(tmp_path: Path) -> None:
    path = tmp_path / "noise.docx"
    path.write_bytes(bytes(range(1, 200)) * 3)
    code, _, err = run("extract", str(path))
    assert code == 2
    assert one_line(err).endswith("not a DOCX file (not a zip archive)")
