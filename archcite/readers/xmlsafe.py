"""Hardened XML parsing shared by the readers that take XML (TEI, DOCX, ODT).

Every XML input is untrusted. Two classic attacks ride on the DTD:

* XXE: ``<!ENTITY x SYSTEM "file:///etc/passwd">`` makes a naive parser paste a
  local file (or a URL's response) into the document text;
* entity expansion ("billion laughs"): a few nested internal entities expand to
  gigabytes.

The defence is layered. :func:`refuse_entity_declarations` looks at the prolog
*before* libxml2 sees the document and refuses any DOCTYPE that declares an
entity (internal or parameter); FRUS TEI, DOCX and ODT never need one. The
parsers (:func:`safe_parser`, :func:`iterparse`) never resolve entities, never
load a DTD, never touch the network and keep libxml2's size limits
(``huge_tree=False``). As a last line, :func:`check_docinfo` refuses a document
whose parsed internal subset still turns out to declare entities.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import IO, Any, cast

from lxml import etree

from archcite.errors import InputError, UnsafeInputError

# The first start tag of an element (the prolog ends there); entity declarations
# can only occur before it, inside a DOCTYPE's internal subset.
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_:\x80-\xff]")
_DOCTYPE = re.compile(rb"<!DOCTYPE\b")
_ENTITY_DECL = re.compile(rb"<!ENTITY\b")
_XML_DECL_ENCODING = re.compile(
    rb"""^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']"""
)
_LXML_POSITION = re.compile(r",\s*line \d+,\s*column \d+\s*$")


def _prolog(data: bytes) -> bytes:
    """The bytes before the first element start tag (the whole input if none)."""
    # Comments in the prolog could hold "<a" and end the prolog early; that only
    # makes the check below see less, and libxml2 + check_docinfo still refuse.
    m = _FIRST_ELEMENT.search(data)
    return data if m is None else data[: m.start()]


def refuse_entity_declarations(data: bytes, name: str) -> None:
    """Raise :class:`UnsafeInputError` if the DOCTYPE of ``data`` declares entities.

    A DOCTYPE without entity declarations (``<!DOCTYPE TEI>``, or one naming an
    external DTD that is never loaded) is allowed.
    """
    prolog = _prolog(_as_utf8_bytes(data))
    doctype = _DOCTYPE.search(prolog)
    if doctype is not None and _ENTITY_DECL.search(prolog, doctype.end()):
        raise UnsafeInputError(
            "refused: the DOCTYPE declares XML entities (possible XXE or "
            "entity-expansion attack); archcite does not expand entities",
            name,
        )


def _as_utf8_bytes(data: bytes) -> bytes:
    """Re-encode a UTF-16 input so the byte-level prolog checks can read it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = data[:65536]
        return head.decode("utf-16", errors="replace").encode("utf-8")
    return data


def check_docinfo(tree: etree._ElementTree, name: str) -> None:
    """Refuse a parsed document whose internal DTD subset declares entities."""
    dtd = tree.docinfo.internalDTD
    # lxml-stubs lack DTD.iterentities (lxml >= 2.3 has it).
    if dtd is not None and any(True for _ in cast(Any, dtd).iterentities()):
        raise UnsafeInputError(
            "refused: the DOCTYPE declares XML entities (possible XXE or "
            "entity-expansion attack); archcite does not expand entities",
            name,
        )


def decode_xml(data: bytes, name: str) -> str:
    """Decode an XML document the way its BOM or XML declaration says.

    The result keeps the file's line ends (CRLF stays CRLF) so that offsets
    into it give the line and column a text editor shows; a UTF-8 BOM is
    dropped (editors do not count it as a column).
    """
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        m = _XML_DECL_ENCODING.match(data)
        encoding = m.group(1).decode("ascii") if m else "utf-8"
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown XML encoding {encoding!r}", name) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {encoding} (bad byte 0x{data[exc.start]:02x} "
            f"at byte offset {exc.start})",
            name,
        ) from None
    if encoding == "utf-16" and text.startswith("\ufeff"):
        text = text[1:]
    return text


def syntax_error(exc: etree.XMLSyntaxError, name: str) -> InputError:
    """Turn lxml's syntax error into the one-line message archcite prints."""
    line, column = exc.position if exc.position else (exc.lineno, exc.offset)
    message = str(exc.msg or exc)
    last = cast(Any, exc.error_log).last_error  # missing from lxml-stubs
    if (line, column) == (0, 0) and last is not None:
        # With resolve_entities=False, iterparse can raise a generic "no element
        # found" at line 0, column 0 while libxml2's log holds the real error.
        line, column, message = last.line, last.column, last.message
    message = _LXML_POSITION.sub("", message).strip()
    return InputError(f"malformed XML at line {line}, column {column}: {message}", name)


def safe_parser() -> etree.XMLParser:
    """A non-streaming parser with the hardened options (for small XML parts)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
    )


def parse_bytes(data: bytes, name: str) -> etree._Element:
    """Parse a small XML document (a DOCX part, a fixture) with every safeguard."""
    refuse_entity_declarations(data, name)
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, name) from None
    check_docinfo(root.getroottree(), name)
    return root


def iterparse(
    stream: IO[bytes], name: str, events: tuple[str, ...] = ("start", "end")
) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``(event, element)`` pairs with every safeguard.

    The caller must have run :func:`refuse_entity_declarations` on the input's
    head; this generator re-checks the parsed DOCTYPE at the root element and
    turns syntax errors into :class:`InputError`.
    """
    parser = etree.iterparse(
        stream,
        events=events,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
    )
    checked = False
    try:
        for event, elem in parser:
            if not checked:
                check_docinfo(elem.getroottree(), name)
                checked = True
            yield event, elem
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, name) from None
