"""Variables as citeproc-js prints them: locators, labels, numbers, quotations.

* G5: ``quotes="true"`` only marks the quotation (see :mod:`archcite.render.quotes`).
* locators: the cite's own label term, plural when the locator names several
  numbers ("pp. 12–14"), page ranges in the style's ``page-range-format``, an
  escaped hyphen (``\\-``) kept as a hyphen, surrounding spaces dropped.
* ``first-reference-note-number`` from the cite's placement.
* labels of number variables (``number-of-volumes``: "2 vols.").
* a variable a substitution printed is not printed again.
* the locator is printed once in a cite: citeproc-js marks it done when it is
  printed, so the Chicago note's archival shelfmark, which carries the page
  ("Box 76, Folder 8, p. 12"), leaves no second ", 12" at the end.
"""

from __future__ import annotations

import html
import re
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from archcite.render.citeitem import label_name, placement
from archcite.render.memo import Style, macro_calls_variable
from archcite.render.names import printed_once, rendered, suppressed
from archcite.render.quotes import CLOSE, OPEN, TERM

#: stands for an escaped hyphen (``\-``) while numbers are formatted
_LITERAL_HYPHEN = "\ue003"


_FALLBACK = {"verb-short": "verb", "symbol": "short", "verb": None, "short": None}


class TermFallback:
    """Term lookup with the spec's form fallback: verb-short → verb → long,
    symbol → short → long (``label_NameLabelThroughSubstitute``)."""

    def get_term(
        self, name: str, form: str | None = None, *args: Any, **kwargs: Any
    ) -> Any:
        lookup = super().get_term  # type: ignore[misc]
        root = self.get_root()  # type: ignore[attr-defined]
        if isinstance(root, Style) and not kwargs:
            lookup = root.term
        while True:
            term = lookup(name, form, *args, **kwargs)
            if term is not None or form is None:
                return term
            form = _FALLBACK.get(form)


class Term(model.Term):  # type: ignore[misc]
    """A term that holds only line breaks and indentation is empty (``label_EditorTranslator1``)."""

    @property
    def single(self) -> Any:
        text = super().single
        return String("") if "\n" in str(text) and not str(text).strip() else text

    @property
    def multiple(self) -> Any:
        text = super().multiple
        return String("") if "\n" in str(text) and not str(text).strip() else text


class Text(TermFallback, model.Text):  # type: ignore[misc]
    """``cs:text`` with marked quotations and terms, locators and note numbers.

    Passes ``magic_PunctuationInQuote*`` (with :mod:`quotes`),
    ``position_IbidSeparateCiteSameNote`` and ``position_ResetNoteNumbers``
    (note numbers), ``locator_WithLeadingSpace`` and
    ``label_CollapsedPageNumberPluralDetection`` (locators).
    """

    def calls_variable(self) -> bool:
        if "macro" in self.attrib and "variable" not in self.attrib:
            return macro_calls_variable(self, self.get("macro"))
        return bool(super().calls_variable())

    def markup(self, text: Any, language: Any) -> Any:
        out = super().markup(text, language)
        if out and "term" in self.attrib and not self.get("prefix"):
            return TERM + out
        return out

    def quote(self, string: Any) -> Any:
        if self.get("quotes", "false").lower() == "true":
            return OPEN + string + CLOSE
        return string

    def _variable(self, item: Any, context: Any) -> Any:
        variable = self.get("variable")
        if variable == "first-reference-note-number":
            note = placement(item, "first_note")
            return String(str(note)) if note else None
        if variable == "locator":
            if not item.has_locator or suppressed(self, context, variable):
                return None
            printed_once(self, context, variable)
            value = str(item.locator.identifier).strip()
            if label_name(item.locator.label) == "page":
                return String(self._page(value))
            return String(locator_text(value))
        if suppressed(self, context, variable):
            return None
        if variable == "page":
            page = item.reference.get("page")
            out = None if page is None else String(self._page(str(page)))
        else:
            out = super()._variable(item, context)
        if out is not None and str(out) != "":
            rendered(self, context, variable)
        return out

    def _process(self, value: Any, variable: str) -> Any:
        # citeproc-py escapes the "&" it joins numbers with; the value is
        # escaped already
        return super()._process(html.unescape(str(value)), variable)

    def _page(self, value: str) -> str:
        ampersand = self.get_single_term("and", "symbol")
        return page_text(
            html.unescape(value),
            self.get_root().get("page-range-format"),
            str(self.get_single_term("page-range-delimiter") or "\u2013"),
            str(ampersand) if ampersand else "&#38;",
        )


_PAGE_PARTS = re.compile(r"(\s*,\s*|\s*&\s*)")
_RANGE = re.compile(r"^\s*([A-Za-z]*)(\d+)\s*[-\u2013]\s*\1?(\d+)\s*$")


def page_text(value: str, fmt: str | None, delimiter: str, ampersand: str) -> str:
    """A page locator as printed: ranges in the style's page-range-format.

    "427-30" is "427–430" expanded, "427–30" minimal-two or Chicago; an
    escaped hyphen ("327\\-30") is a hyphen and no range; "&" is the locale's
    ampersand; anything that is not a number is left as written.
    """
    out: list[str] = []
    for part in _PAGE_PARTS.split(value.strip()):
        if not part:
            continue
        if part.strip() == ",":
            out.append(", ")
        elif part.strip() == "&":
            out.append(f" {ampersand} ")
        else:
            m = _RANGE.match(part.replace("\\-", _LITERAL_HYPHEN))
            if m is None:
                out.append(_escape(part.strip()))
            else:
                prefix, first, last = m.groups()
                last = page_range(first, last, fmt)
                out.append(
                    f"{prefix}{first}{delimiter}{prefix if len(last) == len(first) else ''}{last}"
                )
    return "".join(out).replace("\\-", "-").replace(_LITERAL_HYPHEN, "-")


def _escape(text: str) -> str:
    return text.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")


def page_range(first: str, last: str, fmt: str | None) -> str:
    """The second number of a range in a CSL page-range-format.

    expanded 321–328; minimal 321–8; minimal-two 321–28; chicago (15th ed.):
    minimal-two, but full below 100, at multiples of 100 and when three
    digits of a four-digit number change; chicago-16: without that last rule.
    Without a format the range is printed as given.
    """
    if fmt is None:
        return last
    if len(last) < len(first):
        full = first[: len(first) - len(last)] + last
        if int(full) <= int(first):
            return last  # not an abbreviated range after all
        last = full
    if fmt.startswith("chicago"):
        edition16 = fmt == "chicago-16"
        n = int(first)
        if n < 100 or n % 100 == 0:
            fmt = "expanded"
        elif n % 100 < 10:
            fmt = "minimal"
        else:
            fmt = "minimal-two"
            changed = sum(a != b for a, b in zip(first, last, strict=False))
            if not edition16 and len(first) == len(last) == 4 and changed >= 3:
                fmt = "expanded"
    if fmt == "expanded" or len(first) != len(last):
        return last
    common = 0
    while common < len(first) and first[common] == last[common]:
        common += 1
    if fmt == "minimal":
        return last[common:] or last[-1:]
    if fmt == "minimal-two":
        return last[min(common, len(last) - 2) :]
    return last


def locator_text(value: str) -> str:
    """A locator as printed: hyphens between numbers become en dashes."""
    text = re.sub(r"(?<=\d)\s*-\s*(?=\d)", "\u2013", value.strip())
    return text.replace("\\-", "-").replace(_LITERAL_HYPHEN, "-")


class Number(model.Number):  # type: ignore[misc]
    """``cs:number`` that knows ``first-reference-note-number`` and suppression."""

    def _process(self, value: Any, variable: str) -> Any:
        if variable == "page":
            return page_text(
                html.unescape(str(value)),
                self.get_root().get("page-range-format"),
                "\u2013",
                "&#38;",
            )
        return super()._process(html.unescape(str(value)), variable)

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        variable = self.get("variable")
        if variable == "first-reference-note-number":
            note = placement(item, "first_note")
            if not note:
                raise VariableError
            return self._process(str(note), variable)
        if suppressed(self, context, variable):
            raise VariableError
        if variable == "locator":
            printed_once(self, context, variable)
        if variable != "locator" and variable != "page-first":
            value = item.reference.get(variable.replace("-", "_"))
            if value is None:
                raise VariableError
            rendered(self, context, variable)
            return self._process(value, variable)
        return super().process(item, context, **kwargs)


class Label(TermFallback, model.Label):  # type: ignore[misc]
    """``cs:label`` with the cite's own locator label and plurals by value.

    Passes ``label_PluralWithAmpersand``, ``label_PluralWithLocalizedAnd``,
    ``label_PluralNumberOfVolumes``, ``locator_TrickyEntryForPlurals``.
    """

    def process(
        self,
        item: Any,
        variable: str | None = None,
        plural: bool | None = None,
        context: Any = None,
        **kwargs: Any,
    ) -> Any:
        if variable is not None:  # a name role's label, from cs:names
            return super().process(item, variable, plural, context, **kwargs)
        variable = self.get("variable")
        if variable == "locator":
            if not item.has_locator:
                return None
            term = label_name(item.locator.label) or "page"
            value: Any = str(item.locator.identifier)
        else:
            value = item.reference.get(variable.replace("-", "_"))
            if value is None or str(value) == "":
                return None
            term = variable
        option = self.get("plural", "contextual")
        if option == "always":
            many = True
        elif option == "never":
            many = False
        elif variable.startswith("number-of-"):
            digits = re.match(r"\s*(\d+)", str(value))
            many = digits is not None and int(digits.group(1)) > 1
        else:
            many = is_plural(str(value), str(self.get_single_term("and")))
        form = self.get("form", "long")
        get = self.get_plural_term if many else self.get_single_term
        return get(name=term, form=form if form != "long" else None)


_NUMBER = r"[A-Za-z]*\d+[A-Za-z]*"


#: an embedded label later in a locator ("367-368, fig. 333"): plurality ends there
_EMBEDDED_LABEL = re.compile(r",\s*[^\W\d_]+\.\s")


def is_plural(value: str, and_term: str = "and") -> bool:
    """Several numbers: "12-14", "3, 5", "3 & 5", "3, and 5" (or the locale's "and").

    An escaped hyphen (``327\\-30``) joins nothing: one number. Only the part
    before an embedded label counts ("367-368, fig. 333" is plural).
    """
    text = html.unescape(value).replace("\\-", "")
    text = _EMBEDDED_LABEL.split(text, maxsplit=1)[0]
    joiners = [re.escape(j) for j in ("-", "\u2013", ",", "&")] + ["and"]
    term = html.unescape(and_term).strip()
    if term and term != "and":
        joiners.append(re.escape(term))
    sep = rf"(?:\s*(?:{'|'.join(joiners)})\s*)+"
    pattern = rf"^\s*{_NUMBER}(?:{sep}{_NUMBER})+\s*$"
    return bool(re.match(pattern, text, re.IGNORECASE))


_NUMERIC = re.compile(
    rf"^\s*{_NUMBER}(?:\s*(?:[-–,&]|and)\s*{_NUMBER})*\s*$", re.IGNORECASE
)


def is_numeric(value: str) -> bool:
    """CSL 1.0.2 numeric content: numbers, with affixes, joined by - , & or "and"."""
    return bool(_NUMERIC.match(html.unescape(value)))
