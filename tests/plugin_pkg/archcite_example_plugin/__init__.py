"""Example archcite plugins, as another package would write them.

- ``reader``: a *ledger* file, one note a line, ``label<TAB>text``.
- ``recognizer``: the citation style of an imaginary archive,
  ``Exemplum Archive, Drawer 7, Sheet 12`` — drawer and sheet are its own units.
- ``item_lines``: an output format, one line per item: ``id<TAB>kind<TAB>label``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from archcite.export.formats import Format
from archcite.grammar import RecognizerPlugin
from archcite.items import ItemSet
from archcite.model import ArchivalRef, Citation, Note, SourceMap
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

_EXEMPLUM = re.compile(
    r"Exemplum Archive,\s+(?P<drawer>Drawer\s+\d+)(?:,\s+Sheet\s+(?P<sheet>\d+))?"
)


def recognize_exemplum(clause: str) -> list[Citation]:
    """``Exemplum Archive, Drawer 7, Sheet 12`` as an archival citation."""
    m = _EXEMPLUM.match(clause)
    if m is None:
        return []
    ref = ArchivalRef(
        repository="Exemplum Archive",
        repository_as_cited="Exemplum Archive",
        file_unit=m["drawer"],
        folder=m["sheet"],
    )
    return [Citation(m[0], 0, m.end(), "archival", "parsed", archival=ref)]


# Before archcite's archival recognizer (400), which would read the drawer as
# a collection.
recognizer = RecognizerPlugin(
    recognize_exemplum, "Exemplum Archive: drawers and sheets", order=350
)


def _lines(items: ItemSet) -> str:
    rows = []
    for item in items:
        label = item.csl.get("title") or item.csl.get("archive_location") or ""
        rows.append(f"{item.id}\t{item.kind}\t{label}\n")
    return "".join(rows)


item_lines = Format(_lines, "one line per item: id, kind, title or location")
