"""Formatted notes and bibliographies, in Chicago or any CSL style.

The library API of the render stage. For a document::

    import archcite
    from archcite.render import render_document

    located = list(archcite.extract(["samples/nsam129.txt"]))
    done = render_document(located, style="chicago-notes-bibliography", output="html")
    done.citations[0]      # the formatted citation that replaces citation 0's span
    done.bibliography      # entries, one per collection / volume / work, sorted
    done.kept              # citations left as written, with the reason

``citations`` is keyed by :attr:`archcite.model.Located.index`; each value
replaces the text between the citation's ``start`` and ``end`` offsets in its
note. Outputs: ``html`` (``<i>``, ``<b>``, ``<sup>``, ``<sub>`` and small caps
as ``<span style="font-variant:small-caps;">``, ``&#38;`` for ``&`` — what
citeproc-js prints), ``text``, ``markdown`` and ``latex``.
:func:`citation_html` is the short form a manuscript rewriter needs.

For a list of CSL-JSON items (a ``.json`` or ``.bib`` file read by
:mod:`archcite.export.cslinput`), :func:`render_items` gives each item as a
first full note and the bibliography.

Underneath: :class:`~archcite.render.engine.Renderer` (items and clusters in,
strings out — it never sees documents), :mod:`~archcite.render.styles` (style
lookup), :mod:`~archcite.render.bibliography` (the Chicago archival grouping)
and :mod:`~archcite.render.document` (located citations to clusters).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from archcite.items import ItemSet, from_csl
from archcite.model import Located
from archcite.render.bibliography import SECTION_TITLES, SECTIONS, Section, entries
from archcite.render.engine import Cite, Cluster, LoadedStyle, Renderer
from archcite.render.formats import OUTPUTS, Output
from archcite.render.positions import Placement
from archcite.render.styles import (
    DEFAULT_STYLE,
    StyleError,
    StyleInfo,
    available,
    load_style,
)

__all__ = [
    "DEFAULT_STYLE",
    "OUTPUTS",
    "SECTIONS",
    "SECTION_TITLES",
    "Cite",
    "Cluster",
    "LoadedStyle",
    "Output",
    "Placement",
    "Rendered",
    "Renderer",
    "StyleError",
    "StyleInfo",
    "available",
    "bibliography",
    "citation_html",
    "load_style",
    "render_document",
    "render_items",
]

StyleArg = str | os.PathLike[str] | LoadedStyle | None


@dataclass(frozen=True, slots=True)
class Rendered:
    """A document's formatted citations and bibliography."""

    style: str
    output: Output
    #: formatted text of each rendered citation, by ``Located.index``
    citations: Mapping[int, str] = field(default_factory=dict)
    bibliography: tuple[str, ...] = ()
    #: citations left as written (unrecognized, unresolved), with the reason
    kept: tuple[tuple[Located, str], ...] = ()


def _style(style: StyleArg) -> LoadedStyle:
    return style if isinstance(style, LoadedStyle) else load_style(style)


def render_document(
    located: Sequence[Located],
    style: StyleArg = None,
    output: Output = "html",
    *,
    with_bibliography: bool = True,
    group_archives: bool = True,
) -> Rendered:
    """Format every citation of one document, and its bibliography.

    ``located`` is one document's citations in document order (what
    :func:`archcite.extract` yields for one path). Positions — first, short,
    Ibid. — come from the notes the citations stand in. ``group_archives``
    lists archival documents by collection in the bibliography (Chicago);
    without it every item is listed as the style would.
    """
    from archcite.render.document import plan

    loaded = _style(style)
    p = plan(located)
    by_index = {loc.index: loc for loc in located}
    renderer = Renderer(loaded, p.items.csl(), output)
    placed = renderer.placements(p.clusters)
    citations: dict[int, str] = {}
    for cluster, places, owners in zip(p.clusters, placed, p.owners, strict=True):
        spans: dict[int, list[tuple[Cite, Placement]]] = {}
        for cite, where, owner in zip(cluster.cites, places, owners, strict=True):
            spans.setdefault(owner, []).append((cite, where))
        for owner, cites in spans.items():
            citations[owner] = fit(renderer.render_cites(cites), by_index[owner])
    bib: tuple[str, ...] = ()
    if with_bibliography:
        cited = [c.id for cluster in p.clusters for c in cluster.cites]
        bib = tuple(bibliography(p.items, loaded, output, cited, group_archives))
    return Rendered(loaded.name, output, citations, bib, p.kept)


#: the style's final period, before closing tags and the closing quotation mark
#: the adapter moved it inside ("“Document 35.”")
_FINAL_PERIOD = re.compile(r"\.((?:</[a-z]+>|”)*)$")


def fit(formatted: str, loc: Located) -> str:
    """A formatted citation fitted to the note text around its span.

    The style ends a note with a period; in the note the span may be followed
    by the note's own period, a comma, a closing parenthesis or a remark
    ("(hereafter cited as …)"). The style's period stays only where the span
    ends the note or a new sentence follows. A period the style put inside
    closing quotation marks goes too ("“Document 35”." in a note that ends with
    its own period, not "“Document 35.”."); the note's comma after the span
    stays where the author put it, outside the span, so it follows the quotes.

    A "(hereafter cited as …)" after the span is kept as written even where the
    style gives a short form: it is the author's prose outside the span, which
    archcite never rewrites (the manuscript writers guarantee every character
    outside the spans is unchanged), and the short name it declares is the one
    the author's own prose goes on to use.
    """
    after = loc.note.text[loc.citation.end :]
    if not after.strip() or re.match(r"\s+[A-Z“\"]", after):
        return formatted
    return _FINAL_PERIOD.sub(r"\1", formatted)


def citation_html(
    located: Sequence[Located], style: StyleArg = None
) -> Mapping[int, str]:
    """HTML of every formatted citation of one document, by ``Located.index``.

    What a manuscript rewriter needs: citations absent from the mapping
    (unrecognized, not a citation, unresolved) stay as written.
    """
    return render_document(located, style, "html", with_bibliography=False).citations


def bibliography(
    items: ItemSet | Iterable[Mapping[str, Any]],
    style: StyleArg = None,
    output: Output = "text",
    cited: Iterable[str] | None = None,
    group_archives: bool = True,
    sections: Sequence[Section] | None = None,
) -> list[str]:
    """Bibliography entries of ``items`` (of the ``cited`` ids), sorted by the style.

    With ``sections`` the entries come in those sections, in that order, each
    headed by its title (:data:`SECTION_TITLES`) and sorted on its own.
    """
    from archcite.render.bibliography import split

    itemset = items if isinstance(items, ItemSet) else from_csl(list(items))
    loaded = _style(style)
    if group_archives:
        chosen = entries(itemset, cited)
    else:
        ids = list(cited) if cited is not None else [i.id for i in itemset]
        chosen = [i.to_csl() for i in (itemset.get(x) for x in ids) if i is not None]
    if not sections:
        renderer = Renderer(loaded, chosen, output)
        return renderer.bibliography([str(e["id"]) for e in chosen])
    out: list[str] = []
    parts = split(chosen)
    for name in sections:
        part = parts[name]
        if not part:
            continue
        renderer = Renderer(loaded, part, output)
        out.append(SECTION_TITLES[name])
        out.extend(renderer.bibliography([str(e["id"]) for e in part]))
    return out


def render_items(
    items: Sequence[Mapping[str, Any]],
    style: StyleArg = None,
    output: Output = "text",
    *,
    group_archives: bool = True,
) -> tuple[list[str], list[str]]:
    """Each CSL-JSON item as a first full note, and the items' bibliography."""
    loaded = _style(style)
    renderer = Renderer(loaded, items, output)
    clusters = [
        Cluster((Cite(str(item.get("id"))),), n) for n, item in enumerate(items, 1)
    ]
    notes = renderer.render(clusters)
    bib = bibliography(items, loaded, output, group_archives=group_archives)
    return notes, bib


def styles() -> list[StyleInfo]:
    """The styles archcite can name (shipped and registered)."""
    return available()
