"""archcite: citations in the footnotes of historical writing, parsed and normalized.

The public API is a handful of verbs, one per pipeline stage::

    import archcite
    notes = list(archcite.read("samples/nsam129.txt"))
    cites = archcite.recognize(notes[0].text)          # one note's citations
    for loc in archcite.extract("samples/nsam129.txt"):    # one document or several
        print(archcite.to_record(loc))
    archcite.extract_text("Text.^[Box 3, NSF, JFKL.]", fmt="markdown")  # in memory
    items = archcite.collect(archcite.extract("samples/nsam129.txt"))
    items.csl()                                       # unique sources, CSL-JSON

``extract_text`` and ``extract_bytes`` (a document held as a string or as bytes)
both go through ``extract_stream``; ``extract_notes`` takes notes a program has
already found (a pandoc filter's).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from archcite.grammar.note import recognize_text as recognize
from archcite.items import Item, ItemSet, collect
from archcite.model import (
    ArchivalRef,
    Citation,
    DocItem,
    FrusRef,
    Located,
    Note,
    PublishedRef,
    SourceMap,
)
from archcite.pipeline import (
    extract,
    extract_bytes,
    extract_notes,
    extract_stream,
    extract_text,
    parse_text,
)
from archcite.record import to_record

__version__ = "0.1.0.dev0"

__all__ = [
    "ArchivalRef",
    "Citation",
    "DocItem",
    "FrusRef",
    "Item",
    "ItemSet",
    "Located",
    "Note",
    "PublishedRef",
    "SourceMap",
    "__version__",
    "collect",
    "extract",
    "extract_bytes",
    "extract_notes",
    "extract_stream",
    "extract_text",
    "parse_text",
    "read",
    "recognize",
    "to_record",
]


def read(path: str | os.PathLike[str], fmt: str | None = None) -> Iterator[Note]:
    """Yield the notes of the document at ``path`` (format from suffix or ``fmt``)."""
    from archcite import readers

    return readers.read(readers.open_source(os.fspath(path)), fmt)
