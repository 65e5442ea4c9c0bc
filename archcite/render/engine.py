"""The engine adapter: CSL-JSON items and citations in, formatted notes out.

:class:`Renderer` wraps citeproc-py with archcite's element classes
(:mod:`archcite.render.patches`), its item preparation
(:mod:`archcite.render.source`), positions computed from note numbers
(:mod:`archcite.render.positions`), quotation marks placed after the fact
(:mod:`archcite.render.quotes`) and one HTML rendering converted to every
output (:mod:`archcite.render.formats`). It knows nothing of documents or
grammar: a caller gives items and citations (clusters of cites with a note
number) and gets strings back.

Disambiguation (G2): citeproc-py has none and takes every
``disambiguate="true"`` branch. Here, as in citeproc-js for styles without
name or year-suffix disambiguation, an item needs its disambiguating form
when its subsequent (short) cite would read exactly like another cited
item's; then, and only then, ``disambiguate="true"`` holds for it.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from citeproc import Citation, CitationStylesBibliography, CitationStylesStyle, Locator
from citeproc.frontend import CitationStylesXML
from lxml import etree

from archcite.render import quotes
from archcite.render.citeitem import CiteItem
from archcite.render.formats import HTML, Output, convert, escape, field_markup_out
from archcite.render.patches import element_lookup
from archcite.render.positions import Placement, Ref, place
from archcite.render.source import Source, escape_keeping_tags

_POSITION_CODES = {0: "first", 1: "subsequent", 2: "ibid", 3: "ibid-with-locator"}


@dataclass(frozen=True, slots=True)
class Cite:
    """One cite: an item, where in it (locator and label), and its own affixes.

    ``placement`` is normally computed from the note numbers; a caller that
    knows better (the CSL test suite) may give it.
    """

    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str = ""
    suffix: str = ""
    placement: Placement | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Cite:
        """A cite from a CSL citation item (``{"id", "locator", "label", …}``)."""
        placement = None
        if "position" in data or "near-note" in data:
            code = data.get("position", 0)
            position = _POSITION_CODES.get(int(code), "first")
            placement = Placement(
                position,  # type: ignore[arg-type]
                bool(data.get("near-note")),
                int(data.get("first-reference-note-number") or 0),
            )
        locator = data.get("locator")
        return cls(
            id=str(data["id"]),
            locator=str(locator) if locator not in (None, "") else None,
            label=str(data["label"]) if data.get("label") else None,
            prefix=str(data.get("prefix") or ""),
            suffix=str(data.get("suffix") or ""),
            placement=placement,
        )


@dataclass(frozen=True, slots=True)
class Cluster:
    """The cites of one citation, and the note it stands in (0: not in a note)."""

    cites: tuple[Cite, ...]
    note_index: int = 0
    id: str | None = None


@dataclass(frozen=True, slots=True)
class LoadedStyle:
    """A CSL style's text and what archcite knows about it."""

    name: str
    xml: bytes
    title: str = ""
    path: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


class _Style(CitationStylesStyle):  # type: ignore[misc]
    """citeproc-py's style object, built with archcite's element classes."""

    def __init__(self, xml: bytes, locale: str | None) -> None:
        parser = etree.XMLParser(
            remove_comments=True,
            encoding="UTF-8",
            no_network=True,
            resolve_entities=False,
        )
        parser.set_element_class_lookup(element_lookup())
        self.parser = parser
        self.xml = etree.parse(io.BytesIO(xml), parser)
        root: Any = self.xml.getroot()
        self.root = root
        # lxml drops an element's Python object when nothing refers to it and
        # makes a new one on the next visit; holding them all keeps what
        # archcite.render.memo remembers on them for the life of the style
        self.elements = list(root.iter())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            root.set_locale_list(
                locale or root.get("default-locale", "en-US"), validate=False
            )


assert issubclass(_Style, CitationStylesXML)


class Renderer:
    """Render citations and a bibliography of ``items`` in ``style``.

    One renderer holds one document's state: the items it has cited so far
    make the bibliography (in citation order when the style does not sort).
    """

    def __init__(
        self,
        style: LoadedStyle,
        items: Iterable[Mapping[str, Any]],
        output: Output = "html",
        locale: str | None = None,
    ) -> None:
        self.style = style
        self.output = output
        self.source = Source(items)
        self._style = _Style(style.xml, locale)
        self._bib = CitationStylesBibliography(self._style, self.source.csl, HTML)
        self._marks = _marks(self._style)
        self._ambiguous: set[str] | None = None
        self._terms: dict[str, str] | None = None
        root: Any = self._style.root
        self.note_style = root.get("class") == "note"
        citation = root.citation
        self._near = (
            int(citation.get("near-note-distance", 5)) if citation is not None else 5
        )
        self._uses_disambiguate = bool(
            root.xpath(
                "//cs:*[@disambiguate]",
                namespaces={
                    "cs": root.nsmap.get(None) or "http://purl.org/net/xbiblio/csl"
                },
            )
        )

    # -- citations -----------------------------------------------------------------

    def placements(self, clusters: Sequence[Cluster]) -> list[list[Placement]]:
        """Every cite's placement, computed from the clusters' note numbers."""
        refs = [
            (c.note_index, [Ref(x.id, x.locator, x.label) for x in c.cites])
            for c in clusters
        ]
        return place(refs, self._near)

    def render(self, clusters: Sequence[Cluster], compute: bool = True) -> list[str]:
        """One formatted string per cluster, in the renderer's output format.

        With ``compute`` the positions come from the clusters' order and note
        numbers (a cite's own ``placement`` is ignored); without, each cite's
        ``placement`` is used (first when absent).
        """
        placed = self.placements(clusters) if compute else None
        out: list[str] = []
        for n, cluster in enumerate(clusters):
            cites = []
            for i, cite in enumerate(cluster.cites):
                p = placed[n][i] if placed is not None else cite.placement
                cites.append((cite, p or Placement()))
            out.append(self._finish(self._cite(cites)))
        return out

    def render_cites(self, cites: Sequence[tuple[Cite, Placement]]) -> str:
        """One citation of cites already placed (a span of a note)."""
        return self._finish(self._cite(cites))

    def cite_all(self) -> None:
        """Register every item (for a bibliography of all of them)."""
        citation = Citation(
            [self._item(Cite(i), Placement()) for i in self.source.keys]
        )
        self._bib.register(citation)

    def _item(self, cite: Cite, placement: Placement) -> Any:
        key = self.source.key(cite.id) or f"missing:{cite.id}"
        kwargs: dict[str, Any] = {
            "position": placement.position,
            "near_note": placement.near_note,
            "first_note": placement.first_note,
            "disambiguate": cite.id in self.ambiguous(),
        }
        if cite.locator and cite.locator.strip():
            label, locator = self._labelled(cite.label, cite.locator.strip())
            kwargs["locator"] = Locator(label, escape(locator))
        if cite.prefix:
            kwargs["prefix"] = quotes.curl(
                escape_keeping_tags(cite.prefix), self._marks
            )
        if cite.suffix:
            kwargs["suffix"] = quotes.curl(
                escape_keeping_tags(cite.suffix), self._marks
            )
        return CiteItem(key, **kwargs)

    def _labelled(self, label: str | None, locator: str) -> tuple[str, str]:
        """A locator that starts with a label's short term ("vol. 1") takes it.

        citeproc-js does the same for cites whose label is page or absent.
        """
        if label not in (None, "", "page"):
            return str(label), locator
        if self._terms is None:
            self._terms = _locator_terms(self._style)
        head, _, rest = locator.partition(" ")
        found = self._terms.get(head)
        if found is not None and rest.strip():
            return found, rest.strip()
        return label or "page", locator

    def _cite(self, cites: Sequence[tuple[Cite, Placement]]) -> str:
        citation = Citation([self._item(c, p) for c, p in cites])
        self._bib.register(citation)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = self._bib.cite(citation, _missing)
        return str(text)

    def _finish(self, markup: str) -> str:
        text = field_markup_out(quotes.resolve(markup, self._marks))
        return convert(text, self.output)

    # -- disambiguation ----------------------------------------------------------

    def ambiguous(self) -> set[str]:
        """Ids of the items whose short cite reads like another item's (G2)."""
        if self._ambiguous is not None:
            return self._ambiguous
        self._ambiguous = set()
        if not self._uses_disambiguate or len(self.source.keys) < 2:
            return self._ambiguous
        probe = CitationStylesBibliography(self._style, self.source.csl, HTML)
        seen: dict[str, list[str]] = {}
        for item_id, key in self.source.keys.items():
            item = CiteItem(key, position="subsequent", disambiguate=False)
            citation = Citation([item])
            probe.register(citation)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                text = quotes.strip(str(probe.cite(citation, _missing)))
            seen.setdefault(text, []).append(item_id)
        for ids in seen.values():
            if len(ids) > 1:
                self._ambiguous.update(ids)
        return self._ambiguous

    # -- bibliography --------------------------------------------------------------

    def bibliography(self, ids: Sequence[str] | None = None) -> list[str]:
        """Entries, sorted as the style sorts: of ``ids``, or of what was cited."""
        bib = self._bib
        if ids is not None:
            bib = CitationStylesBibliography(self._style, self.source.csl, HTML)
            bib.register(Citation([self._item(Cite(i), Placement()) for i in ids]))
        if not self._style.has_bibliography():
            return []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bib.sort()
            entries = [str(e) for e in bib.bibliography()]
        return [self._finish(e) for e in entries]


def _missing(item: Any) -> str:
    return f"[missing: {item.key}]"


def _marks(style: Any) -> quotes.Marks:
    def term(name: str, default: str) -> str:
        try:
            value = style.root.get_single_term(name)
        except (AttributeError, IndexError):
            return default
        return str(value) if value else default

    piq = "false"
    for locale in style.root.locales:
        options = locale.find("cs:style-options", locale.nsmap)
        if options is not None and options.get("punctuation-in-quote") is not None:
            piq = options.get("punctuation-in-quote")
            break
    return quotes.Marks(
        open=term("open-quote", "\u201c"),
        close=term("close-quote", "\u201d"),
        open_inner=term("open-inner-quote", "\u2018"),
        close_inner=term("close-inner-quote", "\u2019"),
        punctuation_inside=str(piq).lower() == "true",
    )


#: CSL 1.0.2 locator labels
LOCATOR_LABELS = (
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column",
    "elocation", "equation", "figure", "folio", "issue", "line", "note", "opus",
    "page", "paragraph", "part", "rule", "scene", "section", "sub-verbo",
    "supplement", "table", "timestamp", "title-locator", "verse", "version",
    "volume",
)  # fmt: skip


def _locator_terms(style: Any) -> dict[str, str]:
    """Short locator terms that end in a period ("vol.", "fol.") → their label."""
    out: dict[str, str] = {}
    for label in LOCATOR_LABELS:
        for spelling in (label, label.replace("-", " ")):
            term = style.root.get_term(spelling, "short")
            if term is None:
                continue
            for text in (str(term.single), str(term.multiple)):
                if text.endswith(".") and text not in out:
                    out[text] = label
    return out
