"""The output formats of ``archcite extract --format``, as plugins.

An output format turns items (one per source, :mod:`archcite.items`) into
text. Formats are registered in the entry-point group ``archcite.formats``;
archcite's own are the objects below, named in its ``pyproject.toml`` exactly as
another package names its own. The citation-record formats ``jsonl`` and
``json`` are not items and stay built into the command line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from archcite import plugins
from archcite.csl import clean_csl
from archcite.errors import UnknownFormatError
from archcite.export import bibtex as _bibtex
from archcite.export import ris as _ris
from archcite.export import zotero as _zotero
from archcite.export import zotero_rdf as _zotero_rdf
from archcite.items import ItemSet

GROUP = "archcite.formats"


@dataclass(frozen=True, slots=True)
class Format:
    """An output format as a plugin: items in, the text of a file out."""

    render: Callable[[ItemSet], str]
    description: str
    #: place in listings (``--format``); lower first
    order: int = 1000


def names() -> tuple[str, ...]:
    """The names of every registered output format, in listing order."""
    return tuple(name for name, _ in plugins.ordered(GROUP, Format))


def canonical_name(name: str) -> str | None:
    """The name of the output format registered as ``name`` or under that alias."""
    return plugins.canonical_name(GROUP, name)


def get(name: str) -> Format:
    """The output format registered as ``name`` (or under that alias)."""
    if canonical_name(name) is None:
        raise UnknownFormatError(
            f"unknown export format {name!r} (one of {', '.join(names())})"
        )
    return plugins.find_plugin(GROUP, name, Format)


def render(items: ItemSet, name: str) -> str:
    """The text of ``items`` in the output format ``name``."""
    return get(name).render(items)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


csl_json = Format(
    lambda items: _json([clean_csl(c) for c in items.csl()]),
    "CSL-JSON 1.0.2, the canonical form",
    order=10,
)
bibtex = Format(
    lambda items: _bibtex.dumps(items, "bibtex"),
    "BibTeX (ASCII, through pybtex)",
    order=20,
)
biblatex = Format(
    lambda items: _bibtex.dumps(items, "biblatex"),
    "biblatex, biblatex-chicago conventions",
    order=30,
)
ris = Format(_ris.dumps, "RIS", order=40)
zotero_json = Format(
    lambda items: _json(_zotero.zotero_items(items)), "Zotero item JSON", order=50
)
zotero_csl_json = Format(
    lambda items: _json([clean_csl(c) for c in _zotero.zotero_csl(items)]),
    "CSL-JSON for Zotero's File → Import",
    order=60,
)
zotero_rdf = Format(
    _zotero_rdf.dumps, "Zotero RDF, Zotero's own exchange format", order=70
)

__all__ = ["GROUP", "Format", "canonical_name", "get", "names", "render"]
