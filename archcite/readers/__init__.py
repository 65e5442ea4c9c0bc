"""Document readers: one module per input format, registered by name and suffix.

A reader is a function ``(source: Source) -> Iterator[Note]``. It raises
:class:`~archcite.errors.InputError` (never anything else) for input it cannot
read. Readers are plugins (:class:`Reader`) registered through entry points,
archcite's own in its ``pyproject.toml`` like anyone else's, with the file
suffixes that select them; a reader's module is imported only when it is used,
so that ``archcite parse`` never pays for lxml or zipfile.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

from archcite import plugins
from archcite.errors import InputError, UnknownFormatError
from archcite.model import Note

ReadFn = Callable[["Source"], Iterator[Note]]

#: Refuse inputs above this size outright; the largest FRUS volume is ~10 MB.
MAX_INPUT_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    """An input document: a path on disk, or bytes from stdin."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    def read_bytes(self) -> bytes:
        """Return the whole input (readers that need random access use this)."""
        if self.data is not None:
            return self.data
        assert self.path is not None
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror})", self.name) from None

    def open(self) -> BinaryIO:
        """Open the input for streaming."""
        if self.data is not None:
            import io

            return io.BytesIO(self.data)
        assert self.path is not None
        try:
            return self.path.open("rb")
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror})", self.name) from None


@dataclass(frozen=True, slots=True)
class Reader:
    """An input format as a plugin: the function that reads it, and what it is.

    Registered in the entry-point group ``archcite.readers`` under its name, and
    in ``archcite.readers.suffixes`` under each file suffix that selects it
    (see :mod:`archcite.plugins`).
    """

    read: ReadFn
    description: str
    #: place in listings (``archcite readers``, ``--from``); lower first
    order: int = 1000


@dataclass(frozen=True, slots=True)
class ReaderInfo:
    """A registered reader with its name and suffixes, as the registry knows it."""

    name: str
    suffixes: tuple[str, ...]
    read: ReadFn
    description: str


GROUP = "archcite.readers"


def names() -> tuple[str, ...]:
    """All reader names, in listing order."""
    return tuple(name for name, _ in plugins.ordered(GROUP, Reader))


def canonical_name(name: str) -> str | None:
    """The name of the reader registered as ``name`` or under that alias."""
    return plugins.canonical_name(GROUP, name)


def get(name: str) -> ReaderInfo:
    """The reader registered as ``name`` (or under that alias)."""
    own = canonical_name(name)
    if own is None:
        known = ", ".join(names())
        raise UnknownFormatError(f"unknown input format {name!r} (known: {known})")
    found = plugins.find_plugin(GROUP, own, Reader)
    name = own
    return ReaderInfo(
        name, plugins.suffixes(GROUP, name), found.read, found.description
    )


def for_suffix(suffix: str) -> str | None:
    """The name of the reader a file suffix (``".txt"``) selects, if any."""
    return plugins.name_for_suffix(GROUP, suffix.lower())


_MARKDOWN_NOTE = re.compile(rb"^ {0,3}\[\^[^\]\s]+\]:", re.MULTILINE)
_LATEX_NOTE = re.compile(rb"\\(?:footnote|footnotetext|endnote|documentclass)\b")
_BINARY_READERS = frozenset({"docx", "odt"})


def sniff(head: bytes) -> str | None:
    """Guess a format from the first bytes of an input, or ``None``."""
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE2: an encrypted DOCX or a legacy .doc; the DOCX reader says which.
        return "docx"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<TEI"):
        return "tei"
    return None


def _sniff_text(data: bytes) -> str:
    """Markdown, LaTeX or plain text, from the note syntax the content uses."""
    if _MARKDOWN_NOTE.search(data) or b"^[" in data:
        return "markdown"
    if _LATEX_NOTE.search(data):
        return "latex"
    return "text"


def _head(source: Source, size: int = 512) -> bytes:
    if source.data is not None:
        return source.data[:size]
    with source.open() as handle:
        return handle.read(size)


def reader_for(source: Source, fmt: str | None = None) -> ReaderInfo:
    """Choose the reader for ``source``: explicit ``fmt``, then suffix, then content.

    Content wins over a text suffix for office files: a DOCX saved as
    ``notes.txt`` is still read as a DOCX rather than refused as bad UTF-8.
    """
    if fmt:
        return get(fmt)
    head = _head(source)
    guess = sniff(head)
    if guess == "zip":
        # Both DOCX and ODT are zip files; the ODT mimetype member comes first.
        guess = "odt" if b"mimetypeapplication/vnd.oasis" in head else "docx"
    # A document in memory may still have a name with a suffix ("draft.md").
    suffix = (
        source.path.suffix if source.path is not None else PurePath(source.name).suffix
    )
    if suffix:
        named = for_suffix(suffix)
        if named is not None:
            if guess in _BINARY_READERS and named not in _BINARY_READERS:
                return get(guess)
            return get(named)
    if guess is not None:
        return get(guess)
    return get(_sniff_text(source.read_bytes()))


def open_source(name: str, stdin: BinaryIO | None = None) -> Source:
    """Check an input path (``-`` for stdin) and wrap it as a :class:`Source`.

    Raises :class:`InputError` for a missing file, a directory, an empty or an
    oversized input, each with a message that names the problem.
    """
    if name == "-":
        if stdin is None:
            raise InputError("no standard input", "-")
        return from_stream(stdin, "<stdin>")
    path = Path(name)
    if not path.exists():
        raise InputError("no such file", name)
    if path.is_dir():
        raise InputError("is a directory, not a document", name)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", name) from None
    if size == 0:
        raise InputError("empty file", name)
    if size > MAX_INPUT_BYTES:
        raise InputError(f"file too large ({size} bytes)", name)
    return Source(name, path)


def from_bytes(data: bytes, name: str) -> Source:
    """A document held in memory as a :class:`Source` called ``name``.

    Raises :class:`InputError` for empty or oversized input. A suffix in
    ``name`` ("draft.md") selects the reader as a file's would.
    """
    if not data:
        raise InputError("empty input", name)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError("input too large", name)
    return Source(name, None, data)


def from_stream(stream: BinaryIO, name: str) -> Source:
    """The rest of a binary stream (at most :data:`MAX_INPUT_BYTES` and one more,
    to tell that it is too large) as a :class:`Source` called ``name``."""
    return from_bytes(stream.read(MAX_INPUT_BYTES + 1), name)


def read(source: Source, fmt: str | None = None) -> Iterator[Note]:
    """Yield the notes of ``source`` with the reader chosen by :func:`reader_for`."""
    return reader_for(source, fmt).read(source)


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 (BOM allowed), naming the byte offset of the first bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at byte offset {exc.start})",
            name,
        ) from None
    if "\x00" in text:
        raise InputError("binary data, not a text document", name)
    return text.replace("\r\n", "\n").replace("\r", "\n")
