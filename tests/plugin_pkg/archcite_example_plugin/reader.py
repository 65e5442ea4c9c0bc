"""A *ledger* file: one note a line, ``label<TAB>text``."""

from __future__ import annotations

from collections.abc import Iterator

from archcite.model import Note, SourceMap
from archcite.readers import Reader, Source, decode_utf8


def read_ledger(source: Source) -> Iterator[Note]:
    """One note a line, ``label<TAB>text``; other lines are the document's text."""
    text = decode_utf8(source.read_bytes(), source.name)
    index = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        label, tab, note = line.partition("\t")
        if not tab or not note.strip():
            continue
        column = len(label) + 2
        yield Note(
            source=source.name,
            label=label.strip(),
            index=index,
            text=note.strip(),
            srcmap=SourceMap((0,), (lineno,), (column,)),
        )
        index += 1


reader = Reader(read_ledger, "ledger: one note a line, label<TAB>text")
