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
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, Final, cast

from lxml import etree

from archcite.errors import InputError, UnsafeInputError

#: Bytes read at a time when streaming.
CHUNK_SIZE = 1 << 16

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
        raise UnsafeInputError(_ENTITY_REFUSAL, name)


_ENTITY_REFUSAL = (
    "refused: the DOCTYPE declares XML entities (possible XXE or "
    "entity-expansion attack); archcite does not expand entities"
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
        raise UnsafeInputError(_ENTITY_REFUSAL, name)


def xml_encoding(head: bytes, name: str) -> str:
    """The codec for a document, from its BOM or XML declaration (default UTF-8).

    A UTF-8 BOM selects ``utf-8-sig`` so that the decoded text starts after it
    (editors do not count a BOM as a column).
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    m = _XML_DECL_ENCODING.match(head)
    encoding = m.group(1).decode("ascii") if m else "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown XML encoding {encoding!r}", name) from None
    return encoding


def read_head(stream: IO[bytes], name: str, chunk_size: int = CHUNK_SIZE) -> bytes:
    """Read the prolog (up to the first start tag) and refuse it if unsafe.

    Returns every byte read, which may run past the prolog. Raises
    :class:`InputError` for an empty or blank input and
    :class:`UnsafeInputError` for entity declarations.
    """
    head = b""
    while True:
        chunk = stream.read(chunk_size)
        head += chunk
        if not chunk or _FIRST_ELEMENT.search(_as_utf8_bytes(head)):
            break
    if not head.strip():
        raise InputError("empty file, not XML", name)
    refuse_entity_declarations(head, name)
    return head


class _Decoder:
    """Incremental decoding that names the byte offset of a bad byte."""

    def __init__(self, encoding: str, name: str) -> None:
        self._decoder = codecs.getincrementaldecoder(encoding)()
        self._encoding = encoding
        self._name = name
        self._consumed = 0  # bytes handed to the decoder before this chunk

    def decode(self, chunk: bytes, final: bool) -> str:
        pending = len(self._decoder.getstate()[0])
        try:
            text = self._decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            offset = self._consumed - pending + exc.start
            raise InputError(
                f"not valid {self._encoding.removesuffix('-sig')} (bad byte "
                f"0x{exc.object[exc.start]:02x} at byte offset {offset})",
                self._name,
            ) from None
        self._consumed += len(chunk)
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
    if "use XML_PARSE_HUGE" in message or "Excessive depth" in message:
        # libxml2 suggests a parser option the user cannot set; say what it means.
        message = "elements nest too deeply (the limit guards against hostile input)"
    return InputError(f"malformed XML at line {line}, column {column}: {message}", name)


#: The parser options every XML read uses: no entities, no network, no DTD.
_HARDENED: Final[dict[str, Any]] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "dtd_validation": False,
}


def safe_parser() -> etree.XMLParser:
    """A non-streaming parser with the hardened options (for small XML parts)."""
    return etree.XMLParser(**_HARDENED)


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
    stream: IO[bytes],
    name: str,
    on_text: Callable[[str, bool], None] | None = None,
    chunk_size: int = CHUNK_SIZE,
    tags: Sequence[str] | None = None,
) -> Iterator[tuple[str, etree._Element]]:
    """Stream ``("start"|"end", element)`` pairs from ``stream`` with every safeguard.

    The input is read in chunks: the prolog is checked by :func:`read_head`,
    then each chunk is fed to a hardened :class:`lxml.etree.XMLPullParser` (the
    feed-driven twin of ``iterparse``). ``on_text``, if given, receives each
    chunk's decoded text (and whether the input ends) *before* the parser sees
    the chunk, so a caller can keep the raw text of everything an event
    refers to. ``tags`` (lxml tag patterns, ``"{*}note"``) limits the events to
    those elements: the tree is still built, but Python sees only what it uses.
    The parsed DOCTYPE is re-checked at the first event (or at the end when
    there is none); syntax errors become :class:`InputError`.
    """
    head = read_head(stream, name, chunk_size)
    decoder = _Decoder(xml_encoding(head, name), name)
    if tags is None:
        parser = etree.XMLPullParser(events=("start", "end"), **_HARDENED)
    else:
        parser = etree.XMLPullParser(events=("start", "end"), tag=tags, **_HARDENED)
    root: etree._Element | None = None
    checked = False
    chunk = head
    while True:
        final = not chunk
        if on_text is not None:
            on_text(decoder.decode(chunk, final), final)
        error: etree.XMLSyntaxError | None = None
        try:
            if final:
                root = parser.close()
            else:
                parser.feed(chunk)
        except etree.XMLSyntaxError as exc:
            error = exc  # hand out the events before the error first
        for event, elem in parser.read_events():
            if not isinstance(elem, etree._Element):
                continue  # only start/end events are asked for; this is for mypy
            if not checked:
                check_docinfo(elem.getroottree(), name)
                checked = True
            yield event, elem
        if error is not None:
            raise syntax_error(error, name)
        if final:
            if not checked and root is not None:
                check_docinfo(root.getroottree(), name)
            return
        chunk = stream.read(chunk_size)
