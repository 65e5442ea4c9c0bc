"""What an input is, before a reader sees it: formats by content, encodings by bytes.

:func:`choose` is the one place that decides which reader reads a source. It
looks at the first bytes, then the suffix, then (for text) the note syntax, and
it refuses, in one line that names what the input looks like, everything
archcite does not read: PDF, RTF, HTML, images, archives, spreadsheets, XML
that is not TEI. An explicit ``--from`` is honoured unless the content plainly
contradicts it (``--from markdown`` on a DOCX says it is a DOCX).

Text is UTF-8; a byte-order mark selects UTF-8, UTF-16 or UTF-32 instead.
:func:`decode_text` and :func:`bad_encoding` name the encoding a file that is
not UTF-8 seems to be in (UTF-16 without a BOM, Windows-1252 / Latin-1), so
the user knows what to save it as; archcite never guesses an encoding to read.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from archcite.errors import InputError, NoNotesError, UnsupportedFormatError
from archcite.places import OFFICE_READERS

if TYPE_CHECKING:
    from archcite.model import Note
    from archcite.readers import Source

_READS = "archcite reads plain text, Markdown, LaTeX, DOCX, ODT and TEI XML"
_TEI_NS = "http://www.tei-c.org/ns/1.0"
_TEXT_READERS = frozenset({"text", "markdown", "latex"})
_NAMES = {
    "text": "plain text",
    "markdown": "Markdown",
    "latex": "LaTeX",
    "docx": "DOCX",
    "odt": "ODT",
    "tei": "TEI XML",
}


@dataclass(frozen=True, slots=True)
class Kind:
    """What the first bytes say an input is.

    ``reader`` is the reader for it (``None``: content says nothing, decide by
    suffix); ``what`` names it for messages; ``refusal`` is set when archcite
    does not read it at all.
    """

    what: str
    reader: str | None = None
    refusal: str | None = None
    binary: bool = True


# Magic numbers of files people hand archcite by mistake, with what to say.
_MAGIC: tuple[tuple[bytes, Kind], ...] = (
    (b"%PDF-", Kind("a PDF file", refusal=f"PDF is not supported; {_READS}")),
    (b"{\\rtf", Kind("an RTF file", refusal="RTF is not supported; save as DOCX or ODT", binary=False)),
    (b"\x89PNG\r\n\x1a\n", Kind("a PNG image", refusal="a PNG image, not a document")),
    (b"\xff\xd8\xff", Kind("a JPEG image", refusal="a JPEG image, not a document")),
    (b"GIF8", Kind("a GIF image", refusal="a GIF image, not a document")),
    (b"II*\x00", Kind("a TIFF image", refusal="a TIFF image, not a document")),
    (b"MM\x00*", Kind("a TIFF image", refusal="a TIFF image, not a document")),
    (b"\x1f\x8b", Kind("a gzip file", refusal="a gzip archive; unpack it first")),
    (b"BZh", Kind("a bzip2 file", refusal="a bzip2 archive; unpack it first")),
    (b"\xfd7zXZ\x00", Kind("an xz file", refusal="an xz archive; unpack it first")),
    (b"Rar!", Kind("a RAR archive", refusal="a RAR archive; unpack it first")),
    (b"7z\xbc\xaf", Kind("a 7-Zip archive", refusal="a 7-Zip archive; unpack it first")),
    # OLE2: a legacy .doc or an encrypted DOCX; the DOCX reader says which.
    (b"\xd0\xcf\x11\xe0", Kind("an OLE2 (legacy Office) file", reader="docx")),
)  # fmt: skip

_HTML = Kind(
    "an HTML file",
    refusal="HTML is not supported; save as DOCX, ODT or Markdown",
    binary=False,
)
_UNSUPPORTED_SUFFIXES: Mapping[str, Kind] = {
    ".pdf": _MAGIC[0][1],
    ".rtf": _MAGIC[1][1],
    ".html": _HTML,
    ".htm": _HTML,
    ".xhtml": _HTML,
    ".doc": Kind(
        "a Word .doc file",
        refusal="legacy Word .doc is not supported; save as DOCX",
    ),
    ".epub": Kind("an EPUB book", refusal=f"EPUB is not supported; {_READS}"),
}

# ZIP packages by their telltale members (OOXML parts, ODF mimetype).
_ZIP_KINDS: tuple[tuple[str, Kind], ...] = (
    ("word/", Kind("a DOCX file", reader="docx")),
    ("xl/", Kind("an Excel workbook", refusal="an Excel workbook (XLSX), not a text document")),
    ("ppt/", Kind("a PowerPoint file", refusal="a PowerPoint presentation (PPTX), not a text document")),
)  # fmt: skip
_EPUB = Kind("an EPUB book", refusal=f"EPUB is not supported; {_READS}")
# Members only office packages have: a zip holding them is a damaged or odd
# document, which the office readers explain better than "a zip archive".
_PACKAGE_MEMBERS = frozenset(
    {"[Content_Types].xml", "mimetype", "content.xml", "META-INF/manifest.xml"}
)
_ZIP = Kind("a zip archive", refusal=f"a zip archive, not a document; {_READS}")

# XML roots that are documents archcite does not read as such.
_XML_ROOTS: Mapping[str, Kind] = {
    "html": _HTML,
    "document": Kind(
        "a flat OpenDocument file",
        refusal="flat OpenDocument XML (.fodt) is not supported; save as ODT",
    ),
    "wordDocument": Kind(
        "a Word 2003 XML file",
        refusal="Word 2003 XML is not supported; save as DOCX",
    ),
    "package": Kind(
        "a flat Word XML file", refusal="flat Word XML is not supported; save as DOCX"
    ),
}

_MARKDOWN_NOTE = re.compile(rb"^ {0,3}\[\^[^\]\s]+\]:", re.MULTILINE)
_LATEX_NOTE = re.compile(rb"\\(?:footnote|footnotetext|endnote|documentclass)\b")
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_XML_START = re.compile(rb"\s*<(?:\?xml|TEI)\b")

#: How far :func:`xml_root` reads looking for the root element.
_ROOT_LIMIT = 1 << 20
_PROLOG_ITEM = re.compile(
    r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.S
)
_ROOT_TAG = re.compile(r"<([A-Za-z_][\w.\-]*+)(?::([A-Za-z_][\w.\-]*+))?([^>]*)>?")
_XMLNS = re.compile(r"""\bxmlns(?::([\w.\-]+))?\s*=\s*(["'])(.*?)\2""", re.S)

#: Messages for a readable document without a single note, by reader.
NO_NOTES: Mapping[str, str] = {
    "text": "no numbered notes found (lines such as '1. …', after a 'Notes' heading)",
    "markdown": "no footnotes found ([^label] references or ^[inline notes])",
    "latex": "no footnotes found (\\footnote, \\footnotetext or \\endnote)",
    "docx": "no footnotes or endnotes found",
    "odt": "no footnotes or endnotes found",
    "tei": "no <note> elements found",
}


def require_notes(notes: Iterable[Note], reader: str, name: str) -> Iterator[Note]:
    """Pass ``notes`` on; raise :class:`NoNotesError` at the end if there were none."""
    empty = True
    for note in notes:
        empty = False
        yield note
    if empty:
        raise NoNotesError(NO_NOTES.get(reader, "no notes found"), name)


def head(source: Source, size: int = 4096) -> bytes:
    """The first ``size`` bytes of ``source``."""
    if source.data is not None:
        return source.data[:size]
    with source.open() as handle:
        return handle.read(size)


def identify(data: bytes, source: Source | None = None) -> Kind | None:
    """What the first bytes of an input say it is (``None``: nothing definite)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, source)
    body = _without_bom(data)
    if _HTML_START.match(body):
        return _HTML
    if _XML_START.match(body):
        return Kind("an XML file", reader="tei", binary=False)
    return None


def _without_bom(data: bytes) -> bytes:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data[:4096].decode("utf-16", "replace").encode("utf-8", "replace")
    return data


def _zip_kind(data: bytes, source: Source | None) -> Kind:
    # ODF stores its mimetype uncompressed as the first member.
    if b"mimetypeapplication/vnd.oasis" in data[:200]:
        return Kind("an OpenDocument file", reader="odt")
    if b"mimetypeapplication/epub+zip" in data[:200]:
        return _EPUB
    names = _zip_names(source)
    for prefix, kind in _ZIP_KINDS:
        if any(n.startswith(prefix) for n in names):
            return kind
    if names and _PACKAGE_MEMBERS.isdisjoint(names):
        return _ZIP  # a zip of files (a.txt, notes.md …), no office document
    # A damaged zip, or a package without telltale parts: the DOCX reader says
    # what is wrong with it.
    return Kind("a zip file", reader="docx")


def _zip_names(source: Source | None) -> list[str]:
    if source is None:
        return []
    try:
        if source.data is not None:
            handle = zipfile.ZipFile(io.BytesIO(source.data))
        elif source.path is not None:
            handle = zipfile.ZipFile(source.path)
        else:
            return []
        with handle:
            return handle.namelist()[:10_000]
    except (
        OSError,
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        NotImplementedError,  # a zip version or feature zipfile cannot read
    ):
        return []


def xml_root(source: Source) -> tuple[str | None, str] | None:
    """``(namespace, local name)`` of the root element, or ``None`` if not found.

    Reads at most 1 MB; comments, processing instructions and a DOCTYPE before
    the root are skipped. ``None`` also when the prolog declares entities: the
    TEI reader refuses those with its own message.
    """
    from archcite.readers.xmlsafe import xml_encoding

    data = head(source, _ROOT_LIMIT)
    if b"<!ENTITY" in data:
        return None
    try:
        text = data.decode(xml_encoding(data[:200], source.name), "replace")
    except (InputError, LookupError):
        return None
    text = text.lstrip("\ufeff")
    pos = 0
    while (m := _PROLOG_ITEM.match(text, pos)) is not None and m.end() > pos:
        pos = m.end()
    tag = _ROOT_TAG.match(text, pos)
    if tag is None:
        return None
    prefix, local = (
        (tag.group(1), tag.group(2)) if tag.group(2) else (None, tag.group(1))
    )
    spaces = {m.group(1): m.group(3) for m in _XMLNS.finditer(tag.group(3))}
    return spaces.get(prefix), local


def _check_tei(source: Source) -> None:
    root = xml_root(source)
    if root is None:
        return
    namespace, local = root
    if namespace == _TEI_NS or (namespace is None and local in ("TEI", "TEI.2")):
        return
    kind = _XML_ROOTS.get(local)
    if kind is not None and kind.refusal:
        raise UnsupportedFormatError(kind.refusal, source.name)
    raise UnsupportedFormatError(
        f"XML that is not TEI (root element <{local}>); archcite reads TEI XML",
        source.name,
    )


def sniff_text(source: Source) -> str:
    """Markdown, LaTeX or plain text, from the note syntax the content uses."""
    if source.data is not None:
        return _text_flavour(source.data)
    # Chunks overlap so that a marker cut by a chunk boundary is still seen.
    tail = b""
    with source.open() as handle:
        while chunk := handle.read(1 << 20):
            data = tail + chunk
            if (flavour := _text_flavour(data)) != "text":
                return flavour
            tail = data[-64:]
    return "text"


def _text_flavour(data: bytes) -> str:
    if _MARKDOWN_NOTE.search(data) or b"^[" in data:
        return "markdown"
    if _LATEX_NOTE.search(data):
        return "latex"
    return "text"


def choose(
    source: Source, fmt: str | None, for_suffix: Callable[[str], str | None]
) -> str:
    """The name of the reader for ``source``: ``fmt``, else content, suffix, text.

    ``for_suffix`` names the reader a suffix selects (the reader registry).
    Raises :class:`UnsupportedFormatError` for an input archcite does not read,
    and :class:`InputError` when ``fmt`` contradicts what the content is.
    Content wins over a text suffix for office files: a DOCX saved as
    ``notes.txt`` is still read as a DOCX rather than refused as bad UTF-8. A
    suffix that a plugin's reader claims goes to that reader, whatever the
    content looks like to archcite.
    """
    kind = identify(head(source), source)
    if fmt:
        if fmt in _NAMES:
            _check_explicit(fmt, kind, source)
        return fmt
    # A document in memory may still have a name with a suffix ("draft.md").
    suffix = (source.path or PurePath(source.name)).suffix.lower()
    named = for_suffix(suffix) if suffix else None
    if named is not None and named not in _NAMES:
        return named
    if kind is not None and kind.refusal:
        raise UnsupportedFormatError(kind.refusal, source.name)
    if kind is not None and kind.reader in OFFICE_READERS:
        return kind.reader
    if named is None and suffix in _UNSUPPORTED_SUFFIXES:
        refusal = _UNSUPPORTED_SUFFIXES[suffix].refusal
        raise UnsupportedFormatError(refusal or "not supported", source.name)
    reader = named or (kind.reader if kind is not None else None)
    if reader == "tei":
        _check_tei(source)
    return reader or sniff_text(source)


def _check_explicit(fmt: str, kind: Kind | None, source: Source) -> None:
    """Refuse ``--from fmt`` when the content is plainly something else."""
    wanted = _NAMES.get(fmt, fmt)
    if kind is None:
        return
    if fmt in _TEXT_READERS and kind.binary:
        raise InputError(
            f"{kind.what}, not {wanted} (drop --from {fmt}"
            + (f", or use --from {kind.reader})" if kind.reader else ")"),
            source.name,
        )
    if fmt == "tei":
        if kind.reader in OFFICE_READERS or kind.refusal:
            raise InputError(f"{kind.what}, not TEI XML", source.name)
        _check_tei(source)


# -- encodings -----------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LABELS = {
    "utf-8-sig": "UTF-8",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
}


def text_encoding(data: bytes) -> str:
    """The codec of a text file: from its byte-order mark, else UTF-8."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return "utf-8"


def _utf16_without_bom(sample: bytes) -> str | None:
    """ "little-endian"/"big-endian" when NUL bytes alternate as in UTF-16 text."""
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "little-endian"
    if even > 0.3 * half and odd < 0.05 * half:
        return "big-endian"
    return None


def guess_encoding(sample: bytes) -> str | None:
    """A name for the encoding ``sample`` seems to be in when it is not UTF-8."""
    order = _utf16_without_bom(sample)
    if order:
        return f"UTF-16 ({order}) without a byte-order mark"
    if any(0x80 <= b <= 0x9F for b in sample):
        try:
            sample.decode("cp1252")
        except UnicodeDecodeError:
            return None
        return "Windows-1252"
    if any(b >= 0xA0 for b in sample):
        return "Latin-1 (ISO-8859-1) or Windows-1252"
    return None


def bad_encoding(codec: str, sample: bytes, byte: int, offset: int) -> str:
    """The message for undecodable input: the bad byte and what it looks like."""
    message = f"not valid {_LABELS.get(codec, codec)} (bad byte 0x{byte:02x} at byte offset {offset})"
    guess = guess_encoding(sample) if codec.startswith("utf-8") else None
    if guess:
        message += f"; it looks like {guess}: save it as UTF-8"
    return message


def binary_data(sample: bytes) -> str:
    """The message for text with NUL bytes: UTF-16 without a BOM, or binary."""
    order = _utf16_without_bom(sample)
    if order:
        return (
            f"UTF-16 ({order}) text without a byte-order mark; "
            "save it as UTF-8 (or UTF-16 with a byte-order mark)"
        )
    return "binary data, not a text document"


def looks_like_text(sample: bytes) -> bool:
    """Whether the first bytes of an input are plainly text: UTF-8 (a character
    cut at the end of the sample allowed) without NUL or control characters."""
    body = sample[3:] if sample.startswith(codecs.BOM_UTF8) else sample
    if not body.strip():
        return False
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(body[:4096])
    except UnicodeDecodeError:
        return False
    return not any((ord(c) < 32 and c not in "\t\n\r\f") or c == "\x7f" for c in text)


def decode_text(data: bytes, name: str) -> str:
    """Decode a whole text input (BOM-selected codec, else UTF-8); ``\\n`` newlines."""
    codec = text_encoding(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            bad_encoding(codec, data[:65536], data[exc.start], exc.start), name
        ) from None
    if "\x00" in text:
        raise InputError(binary_data(data[:65536]), name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


__all__ = [
    "NO_NOTES",
    "Kind",
    "bad_encoding",
    "binary_data",
    "choose",
    "decode_text",
    "guess_encoding",
    "head",
    "identify",
    "looks_like_text",
    "require_notes",
    "sniff_text",
    "text_encoding",
    "xml_root",
]
