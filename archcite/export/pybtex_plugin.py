"""pybtex plugins: CSL-JSON as a pybtex database format (suffix ``.json``).

Registered through the entry points ``pybtex.database.input`` /
``pybtex.database.output`` (name ``csljson``) and their ``.suffixes`` groups,
so that once archcite is installed::

    pybtex-convert refs.json refs.bib     # CSL-JSON -> BibTeX (biblatex-chicago)
    pybtex-convert refs.bib refs.json     # BibTeX -> CSL-JSON

Entries follow :mod:`archcite.export.bibtex`, archive fields included.
"""

from __future__ import annotations

import json
from typing import Any

from pybtex.database import BibliographyData
from pybtex.database.input import BaseParser
from pybtex.database.output import BaseWriter
from pybtex.exceptions import PybtexError

from archcite.errors import ArchciteError
from archcite.export.bibtex import from_bibliography, to_bibliography
from archcite.export.cslinput import parse_json


class CSLJSONParser(BaseParser):  # type: ignore[misc]
    """Reads CSL-JSON (or Zotero item JSON) into pybtex entries."""

    default_suffix = ".json"
    unicode_io = True

    def parse_stream(self, stream: Any) -> BibliographyData:
        try:
            items = parse_json(stream.read(), getattr(stream, "name", "<json>"))
        except ArchciteError as exc:
            # pybtex-convert reports its own errors in one line; ours must be one.
            raise PybtexError(str(exc)) from None
        # Field values for pybtex's own BibTeX writer, which escapes & % # _.
        bib = to_bibliography(items, "biblatex", for_pybtex=True)
        for key, entry in bib.entries.items():
            self.data.add_entry(key, entry)
        data: BibliographyData = self.data
        return data


class CSLJSONWriter(BaseWriter):  # type: ignore[misc]
    """Writes pybtex entries as a CSL-JSON array."""

    default_suffix = ".json"
    unicode_io = True

    def write_stream(self, bib_data: BibliographyData, stream: Any) -> None:
        items = from_bibliography(bib_data)
        stream.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")


__all__ = ["CSLJSONParser", "CSLJSONWriter"]
