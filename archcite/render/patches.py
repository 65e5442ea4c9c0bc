"""Narrow subclasses of citeproc-py's style elements: what makes its output right.

citeproc-py builds a style's element tree with one Python class per CSL element
(``cs:if`` → ``citeproc.model.If``). :func:`element_lookup` gives lxml a class
map where archcite's subclasses replace some of them *for archcite's styles
only*: no global state of citeproc-py is changed, and a program that uses
citeproc-py directly next to archcite sees the library as shipped.

The subclasses live here (conditions, layout, sort keys), in
:mod:`archcite.render.names` (names, substitution) and in
:mod:`archcite.render.variables` (text, numbers, labels, locators). Each says
which defect of ``../shared/reference/anchors-formatting.md`` §4 it fixes
(G1–G7) and which cases of the CSL processor test suite it makes pass;
``tests/test_render_patches.py`` pins each fix.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from citeproc import model
from citeproc.source import DateRange, VariableError
from citeproc.string import String, join
from lxml import etree

from archcite.render.citeitem import CSL_NS, label_name, placement
from archcite.render.memo import Choose, Style, remembered
from archcite.render.names import Name, Names, Substitute
from archcite.render.quotes import CLOSE, capitalize_term, strip
from archcite.render.variables import Label, Number, Term, Text, is_numeric

# -- G3: positions from the document, not from call order ------------------------

#: CSL position names in the order of their strength; a stronger one implies
#: the weaker (ibid-with-locator ⇒ ibid ⇒ subsequent), as the CSL 1.0.2 spec says.
_IMPLIED = {
    "first": {"first"},
    "subsequent": {"subsequent"},
    "ibid": {"subsequent", "ibid"},
    "ibid-with-locator": {"subsequent", "ibid", "ibid-with-locator"},
}


class If(model.If):  # type: ignore[misc]
    """``cs:if``/``cs:else-if`` with positions, disambiguation and numbers fixed.

    * G3 positions: read the position computed from the note numbers
      (``position_IbidSeparateCiteSameNote``, ``position_ResetNoteNumbers``,
      ``position_IbidWithLocator``, ``position_IfIbidWithLocatorIsTrueThenIbidIsTrue``,
      ``position_NearNoteSameNote``, ``integration_SimpleIbid``).
    * G2 ``disambiguate="true"`` is true only for a cite whose item needs it,
      never always (``disambiguate_*`` cases that only test the condition, and
      every Chicago short note).
    * G7 ``is-numeric`` looks at the citation's locator for ``locator`` and
      accepts what CSL counts as numeric: "2-4", "2, 3", "2 & 4", "5L"
      (``condition_IsNumeric``, ``number_IsNumericWithAlpha``).
    * ``match`` applies across every test of the element, as the spec says.
    """

    def render(
        self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any
    ) -> Any:
        results: list[bool] = []
        if "type" in self.attrib:
            results += self._type(item)
        if "variable" in self.attrib:
            results += self._variable(item)
        if "is-numeric" in self.attrib:
            results += self._is_numeric(item)
        if "is-uncertain-date" in self.attrib:
            results += self._is_uncertain_date(item)
        if "locator" in self.attrib:
            results += self._locator(item)
        if "position" in self.attrib:
            results += self._position(item, context)
        if "disambiguate" in self.attrib:
            wanted = self.get("disambiguate") == "true"
            results.append(bool(placement(item, "disambiguate")) == wanted)
        match = self.get("match", "all")
        if match == "any":
            ok = any(results)
        elif match == "none":
            ok = not any(results)
        else:
            ok = all(results)
        if not ok:
            raise model.ConditionFailed
        return self.render_children(
            item, context=context, delimiter=delimiter, **kwargs
        )

    def _variable(self, item: Any) -> list[bool]:
        out: list[bool] = []
        for var in self.get("variable").split():
            if var == "locator":
                out.append("locator" in item)
            elif var == "first-reference-note-number":
                out.append(bool(placement(item, "first_note")))
            else:
                key = var.replace("-", "_")
                value = item.reference.get(key)
                out.append(value is not None and str(value) != "")
        return out

    def _is_numeric(self, item: Any) -> list[bool]:
        out: list[bool] = []
        for var in self.get("is-numeric").split():
            if var == "locator":
                value = item.locator.identifier if item.has_locator else None
            else:
                value = item.reference.get(var.replace("-", "_"))
            out.append(value is not None and is_numeric(str(value)))
        return out

    def _locator(self, item: Any) -> list[bool]:
        label = label_name(item.locator.label) if item.has_locator else None
        return [label == label_name(v) for v in self.get("locator").split()]

    def _position(self, item: Any, context: Any) -> list[bool]:
        if context is None:
            context = self
        if remembered(context, "_in_bibliography", lambda: _in_bibliography(context)):
            return [False]
        position = placement(item, "position") or "first"
        implied = _IMPLIED.get(position, {position})
        out: list[bool] = []
        for wanted in self.get("position").split():
            if wanted == "near-note":
                out.append(bool(placement(item, "near_note")))
            else:
                out.append(wanted in implied)
        return out


def _in_bibliography(element: Any) -> bool:
    return bool(element.xpath_search("./ancestor::*[self::cs:bibliography]"))


class Else_If(If):
    pass


# -- G4: cites keep their order -------------------------------------------------------


class Layout(model.Layout):  # type: ignore[misc]
    """``cs:layout`` that keeps a citation's cites in the order given (G4).

    citeproc-py sorts them by bibliography order first, so a note "B; A"
    comes out "A; B"; a style's own ``cs:sort`` still applies
    (``sort_CitationNumberPrimaryAscendingViaMacroCitation`` keeps passing).
    """

    def render_citation(self, citation: Any, callback: Any) -> Any:
        cites = [c for c in citation.cites if not c.is_bad()]
        missing = [c for c in citation.cites if c.is_bad()]
        sort = self.getparent().sort
        if sort is not None:
            cites = sort.sort(cites, self)
        pieces: list[tuple[str, Any]] = []
        note_style = self.get_root().get("class") == "note"
        for item in cites:
            self.repressed: dict[str, Any] = {}
            self.__dict__["suppressed"] = set()
            self.__dict__["rendered"] = []
            try:
                text = self.render_children(item)
            except VariableError:
                continue
            if text is None:
                continue
            prefix = str(item.get("prefix", ""))
            # a term that opens a note's cite is capitalized ("Ibid."), as it is
            # after a prefix that ends a sentence
            if note_style and (
                (not pieces and not prefix) or _SENTENCE_END.search(prefix)
            ):
                text = capitalize_term(str(text))
            pieces.append((prefix, affix(prefix, text, item.get("suffix", ""))))
            self.getparent().cites.append(item)
        for item in missing:
            pieces.append(("", callback(item) or f"{item.key}?"))
        delimiter = self.get("delimiter", "")
        out: Any = ""
        for n, (prefix, text) in enumerate(pieces):
            if n and not _PUNCT_START.match(prefix):
                out = join([out, text], delimiter)
            else:
                out = join([out, text], "") if n else text
        if not pieces:
            out = None
        return self.format(self.wrap(out)) if out is not None else None

    def render_bibliography(self, citation_items: Iterable[Any]) -> list[Any]:
        output = []
        substitute = self.getparent().get("subsequent-author-substitute")
        previous: str | None = None
        for item in citation_items:
            self.repressed = {}
            self.__dict__["suppressed"] = set()
            self.__dict__["rendered"] = []
            self.__dict__["first_names"] = None
            text = self.format(self.wrap(self.render_children(item)))
            names = self.__dict__.pop("first_names", None)
            if text is None:
                continue
            key = _TAG.sub("", names) if names else None
            if substitute is not None and key and key == previous:
                text = subsequent_author(text, names or "", substitute)
            previous = key
            output.append(text)
        return output


def subsequent_author(text: Any, names: str, substitute: str) -> Any:
    """``text`` with the names it opens with replaced by ``substitute``.

    citeproc-js's default rule (``complete-all``): the whole name list goes,
    the label stays ("———, eds."). An entry that does not open with the
    names (an affix, markup) is left as it is.
    """
    plain = str(text)
    for printed in (names, _TAG.sub("", names)):
        if plain.startswith(printed):
            return type(text)(substitute + plain[len(printed) :])
    return text


#: a cite prefix that starts with punctuation replaces the delimiter before it
_PUNCT_START = re.compile(r"^[.,;:!?]")
_SENTENCE_END = re.compile(rf"[.!?][{CLOSE}\u201d\u2019\"')\]]*\s*$")


def affix(prefix: str, text: Any, suffix: str) -> Any:
    """A cite's own prefix and suffix, joined the way citeproc-js joins them."""
    return join([p for p in (prefix, text, suffix) if p != ""], "")


class Key(model.Key):  # type: ignore[misc]
    """``cs:key`` whose macro keys sort by their letters, not by marks or markup."""

    def sort_keys(self, items: Any, context: Any) -> list[Any]:
        if "macro" not in self.attrib:
            keys = super().sort_keys(items, context)
        else:
            layout = context.get_layout()
            options = {"name-as-sort-order": "all"}
            for option in ("names-min", "names-use-first", "names-use-last"):
                if option in self.attrib:
                    options[option.replace("names", "et-al")] = self.get(option)
            macro = self.get_macro(self.get("macro"))
            keys = []
            for item in items:
                # each item's key starts afresh: nothing a substitution
                # suppressed for the previous item carries over
                layout.repressed = {}
                layout.__dict__["suppressed"] = set()
                layout.__dict__["rendered"] = []
                keys.append(macro.render(item, context=context, sort_options=options))
        return [None if k is None else sort_text(str(k)) for k in keys]


_TAG = re.compile(r"<[^>]+>")


def sort_text(text: str) -> str:
    """A sort key as a collator compares it: no markup, accents or case."""
    text = _TAG.sub("", strip(text))
    text = unicodedata.normalize("NFKD", html.unescape(text))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


class Sort(model.Sort):  # type: ignore[misc]
    """``cs:sort`` that orders as citeproc-js does.

    Keys compare as a collator compares them (case and accents aside),
    numbers as numbers; an item without a key comes last whichever the
    direction, as the CSL specification says.
    """

    def sort(self, items: Any, context: Any) -> list[Any]:
        keys = self.findall("cs:key", self.nsmap)
        columns = [key.sort_keys(items, context) for key in keys]
        order = list(range(len(items)))
        for key, column in reversed(list(zip(keys, columns, strict=True))):
            descending = key.get("sort", "ascending").lower() == "descending"
            present = [i for i in order if _comparable(column[i]) is not None]
            missing = [i for i in order if _comparable(column[i]) is None]
            present.sort(key=_by(column), reverse=descending)
            order = present + missing
        return [items[i] for i in order]


def _by(column: list[Any]) -> Any:
    return lambda i: _comparable(column[i])


def _comparable(value: Any) -> tuple[tuple[int, int, str], ...] | None:
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    return collation_key(text)


_RUN = re.compile(r"\d+|\s+|\D")


def collation_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key compared as citeproc-js's collator compares it.

    citeproc-js sorts with ``localeCompare(…, {numeric: true,
    ignorePunctuation: true})``: punctuation is ignored, a run of digits
    counts as its number ("Box 98" before "Box 151", "103.9302/8" before
    "103.9302/12a"), a space before any letter ("Dale" before "Dalebout",
    ``sort_DaleDalebout``), symbols before digits before letters.
    """
    out: list[tuple[int, int, str]] = []
    for run in _RUN.findall(text):
        if run.isspace():
            if out and out[-1][0] != 0:
                out.append((0, 0, ""))
        elif run.isdigit():
            out.append((2, int(run), ""))
        elif run.isalpha():
            out.append((3, 0, run))
        elif unicodedata.category(run)[0] not in "PC":
            out.append((1, 0, run))
    return tuple(out)


class Date(model.Date):  # type: ignore[misc]
    """``cs:date`` that gives a sort key its date as numbers, not as printed.

    citeproc-js sorts a date inside a macro key by its value, so 100 BC comes
    before 44 BC (``date_NegativeDateSortViaMacro``); the printed form
    ("100 BC-7-13") would sort by the digits it shows.
    """

    def process(self, item: Any, variable: Any = None, **kwargs: Any) -> Any:
        if kwargs.pop("sort_options", None) is None:
            return super().process(item, variable, **kwargs)
        name = (variable or self.get("variable", "")).replace("-", "_")
        value = item.reference.get(name)
        if isinstance(value, DateRange):
            value = value.begin
        year = _date_part(value, "year")
        if year is None:
            return super().process(item, variable, **kwargs)
        shown = self.get("date-parts", "") or "-".join(
            str(p.get("name")) for p in self.iterchildren()
        )
        parts = [f"{year + 10000:05d}"]
        for part in ("month", "day"):
            number = _date_part(value, part)
            if part in shown and number is not None:
                parts.append(f"{number:02d}")
        return String("-".join(parts))


def _date_part(value: Any, part: str) -> int | None:
    try:
        return int(value[part])
    except (KeyError, TypeError, ValueError, VariableError):
        return None


#: The element classes archcite replaces, by CSL element name.
OVERRIDES: dict[str, type[Any]] = {
    "if": If,
    "else-if": Else_If,
    "name": Name,
    "names": Names,
    "substitute": Substitute,
    "text": Text,
    "number": Number,
    "label": Label,
    "layout": Layout,
    "key": Key,
    "sort": Sort,
    "term": Term,
    "style": Style,
    "choose": Choose,
    "date": Date,
}


def element_lookup() -> etree.ElementNamespaceClassLookup:
    """lxml's class lookup for a CSL style: citeproc-py's classes with archcite's."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    for cls in model.CitationStylesElement.__subclasses__():
        namespace[cls.__name__.replace("_", "-").lower()] = cls
    namespace.update(OVERRIDES)
    return lookup
