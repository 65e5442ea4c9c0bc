"""Document readers: one module per input format, registered by name and suffix.

A reader is a function ``(source: Source) -> Iterator[Note]``. It raises
:class:`~archcite.errors.InputError` (never anything else) for input it cannot
read. Readers are plugins (:class:`Reader`) registered through entry points,
archcite's own in its ``pyproject.toml`` like anyone else's, with the file
suffixes that select them; a reader's module is imported only when it is used,
so that ``archcite parse`` never pays for lxml or zipfile.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
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


def reader_for(source: Source, fmt: str | None = None) -> ReaderInfo:
    """Choose the reader for ``source``: explicit ``fmt``, then content and suffix.

    :func:`archcite.readers.sniff.choose` decides, and refuses inputs that
    archcite does not read with a line that says what they are.
    """
    from archcite.readers.sniff import choose

    own = canonical_name(fmt) if fmt else None
    return get(choose(source, own or fmt, for_suffix))


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
    """Decode a text input: UTF-8, or the UTF-16/32 its byte-order mark names.

    Errors name the byte offset of the first bad byte and the encoding the
    data seems to be in (see :mod:`archcite.readers.sniff`).
    """
    from archcite.readers.sniff import decode_text

    return decode_text(data, name)
