"""Regenerate the bad-input fixtures of the text, Markdown, LaTeX, DOCX and ODT readers.

Run from the repository root: ``.venv/bin/python tests/data/bad/make_bad_fixtures.py``.
Each file is tiny; the zip bomb is not here (tests build it at runtime).

=====================  ==========================================================
``image.docx``         a 1×1 PNG image renamed to .docx
``truncated.docx``     the first 1,500 bytes of a real DOCX (no central directory)
``badcrc.docx``        a zip whose directory is intact but whose document.xml
                       bytes are damaged (CRC mismatch)
``encrypted.docx``     an OLE2 compound file header, as Word writes for a
                       password-protected or legacy .doc file
``nodocument.docx``    a zip with [Content_Types].xml and styles but no
                       word/document.xml
``malformed.docx``     word/document.xml is not well-formed XML
``doctype.docx``       word/footnotes.xml has a DOCTYPE declaring an entity
``malformed.odt``      content.xml is not well-formed XML
``spreadsheet.odt``    an OpenDocument spreadsheet (mimetype ods) named .odt
``bad-utf8.txt``       Latin-1 byte 0xE9 in a UTF-8 text file (also .md, .tex)
``binary.txt``         binary data (NUL and control bytes) named .txt
=====================  ==========================================================
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCUMENT = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body><w:p><w:r>'
    "<w:t>Text.</w:t></w:r></w:p></w:body></w:document>"
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types '
    'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = zlib.compress(b"\x00\x00\x00\x00")
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", raw)
        + chunk(b"IEND", b"")
    )


def write_zip(path: Path, members: dict[str, str], stored: bool = False) -> None:
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, text in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            zf.writestr(info, text)


def main() -> None:
    (HERE / "image.docx").write_bytes(png())
    docx = (REPO / "samples" / "manuscript.docx").read_bytes()
    (HERE / "truncated.docx").write_bytes(docx[:1500])
    (HERE / "encrypted.docx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + b"\x3e\x00\x03\x00"
        + b"\xfe\xff\x09\x00"
        + b"\x00" * 484
    )
    write_zip(
        HERE / "nodocument.docx",
        {"[Content_Types].xml": CONTENT_TYPES, "word/styles.xml": "<styles/>"},
    )
    write_zip(
        HERE / "malformed.docx",
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": DOCUMENT.replace("</w:p>", "</w:x>"),
        },
    )
    write_zip(
        HERE / "doctype.docx",
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": DOCUMENT,
            "word/footnotes.xml": (
                '<?xml version="1.0"?><!DOCTYPE w:footnotes [<!ENTITY x "boom">]>'
                f'<w:footnotes {W}><w:footnote w:id="1"><w:p><w:r><w:t>&x;</w:t>'
                "</w:r></w:p></w:footnote></w:footnotes>"
            ),
        },
    )
    # A stored (uncompressed) member whose bytes are then damaged in place.
    bad = HERE / "badcrc.docx"
    write_zip(
        bad,
        {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": DOCUMENT},
        stored=True,
    )
    data = bytearray(bad.read_bytes())
    at = data.index(b"Text.")
    data[at : at + 5] = b"Test!"
    bad.write_bytes(bytes(data))
    write_zip(
        HERE / "malformed.odt",
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": '<?xml version="1.0"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
            "<office:body><office:text></office:body>",
        },
        stored=True,
    )
    write_zip(
        HERE / "spreadsheet.odt",
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": "<x/>",
        },
        stored=True,
    )
    latin1 = "Notes\n\n1. Caf\u00e9 de la Paix, Paris.\n".encode("latin-1")
    for suffix in ("txt", "md", "tex"):
        (HERE / f"bad-utf8.{suffix}").write_bytes(latin1)
    (HERE / "binary.txt").write_bytes(
        b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x03\x00"
    )


if __name__ == "__main__":
    main()
