"""Document readers: one module per input format, registered by name and suffix.

A reader is a function ``(source: Source) -> Iterator[Note]``. It raises
:class:`~archcite.errors.InputError` (never anything else) for input it cannot
read. Readers register themselves with :func:`register`; the modules are
imported lazily by :func:`get` so that ``archcite parse`` never pays for lxml or
zipfile.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

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
class ReaderInfo:
    name: str
    suffixes: tuple[str, ...]
    read: ReadFn
    description: str


_READERS: dict[str, ReaderInfo] = {}

# name -> module that registers it; imported on first use.
_MODULES: dict[str, str] = {
    "text": "archcite.readers.text",
    "markdown": "archcite.readers.markdown",
    "latex": "archcite.readers.latex",
    "docx": "archcite.readers.docx",
    "odt": "archcite.readers.odt",
    "tei": "archcite.readers.tei",
}
_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".tex": "latex",
    ".ltx": "latex",
    ".docx": "docx",
    ".odt": "odt",
    ".xml": "tei",
    ".tei": "tei",
}


def register(
    name: str, suffixes: tuple[str, ...], description: str
) -> Callable[[ReadFn], ReadFn]:
    """Register a reader function under ``name`` and file ``suffixes``."""

    def deco(fn: ReadFn) -> ReadFn:
        _READERS[name] = ReaderInfo(name, suffixes, fn, description)
        return fn

    return deco


def names() -> tuple[str, ...]:
    """All reader names, in a stable order."""
    return tuple(_MODULES)


def get(name: str) -> ReaderInfo:
    """The reader registered as ``name``."""
    if name not in _READERS:
        module = _MODULES.get(name)
        if module is None:
            known = ", ".join(_MODULES)
            raise UnknownFormatError(f"unknown input format {name!r} (known: {known})")
        importlib.import_module(module)
    return _READERS[name]


def reader_for(source: Source, fmt: str | None = None) -> ReaderInfo:
    """Choose the reader for ``source``: explicit ``fmt``, then content and suffix.

    :func:`archcite.readers.sniff.choose` decides, and refuses inputs that
    archcite does not read with a line that says what they are.
    """
    from archcite.readers.sniff import choose

    return get(choose(source, fmt, _SUFFIXES))


def open_source(name: str, stdin: BinaryIO | None = None) -> Source:
    """Check an input path (``-`` for stdin) and wrap it as a :class:`Source`.

    Raises :class:`InputError` for a missing file, a directory, an empty or an
    oversized input, each with a message that names the problem.
    """
    if name == "-":
        if stdin is None:
            raise InputError("no standard input", "-")
        data = stdin.read(MAX_INPUT_BYTES + 1)
        if not data:
            raise InputError("empty input", "<stdin>")
        if len(data) > MAX_INPUT_BYTES:
            raise InputError("input too large", "<stdin>")
        return Source("<stdin>", None, data)
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
