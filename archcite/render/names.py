"""Names: full given names (G1), substitution, every CSL 1.0.2 name variable.

* ``initialize="false"`` (G1): citeproc-py initializes every given name when
  ``initialize-with`` is set anywhere above, and the Chicago styles set it on
  ``cs:style`` and rely on ``initialize="false"`` (173 times in the 18th
  edition) for full given names: "George Creel", never "G. Creel".
* hyphenated name variables (``container-author``, ``collection-editor``,
  ``original-author``, ``reviewed-author``): citeproc-py looks them up with the
  hyphen and never finds them.
* substitution: a variable printed in place of the author is not printed again
  (an editor standing in for the author is not repeated as "edited by").
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model
from citeproc.source import VariableError

from archcite.render.citeitem import CSL_NS
from archcite.render.memo import layout_of, remembered


class Name(model.Name):  # type: ignore[misc]
    """``cs:name`` that honours ``initialize="false"`` (G1).

    With ``initialize="false"`` only the initials already in a name are
    spaced and punctuated with ``initialize-with``; words and abbreviations
    stay as written. Passes ``name_InitialsInitializeFalse``, ``…FalseEmpty``,
    ``…FalsePeriod``, ``…FalsePeriodSpace``, ``name_FirstInitialFullForm``,
    the ``…True…`` twins (initials next to abbreviations such as "Ph.") and
    ``name_InTextMarkupInitialize``.
    """

    def get_option(
        self, name: str, context: Any = None, sort_options: Any = None
    ) -> Any:
        if name == "initialize":
            return self._inherited("initialize", "true").lower() != "false"
        return super().get_option(name, context, sort_options)

    def _inherited(self, name: str, default: str) -> str:
        node: Any = self
        while node is not None and isinstance(node.tag, str):
            value = node.get(name)
            if value is not None:
                return str(value)
            node = node.getparent()
        return default

    def initialize(self, given: Any, mark: Any, context: Any) -> str:
        hyphen = self.get_option("initialize-with-hyphen", context)
        full = self.get_option("initialize", context)
        return initialize(str(given), str(mark), full, hyphen)


_PIECE = re.compile(r"[^.]+\.?")
#: private-use marks of a field's own markup (see formats.field_markup_in)
_MARKS = "\ue010-\ue01f"
_WORD_MARKS = re.compile(rf"^([{_MARKS}]*)(.*?)([{_MARKS}]*)$", re.DOTALL)


def initialize(given: str, mark: str, full: bool, hyphen: bool = True) -> str:
    """Given names with initials as CSL asks (``initialize`` = ``full``).

    "John M.E." with ". " → "J. M. E." (full) or "John M. E."; an abbreviation
    ("Ph.") keeps its letters; a lower-case particle ("de") stays a word.
    A name's own markup ("<b>John</b>") wraps its initial ("<b>J.</b>").
    """
    parts = given.split("-") if hyphen else [given.replace("-", " ")]
    out = [_initialize_part(p, mark, full) for p in parts]
    joiner = "-" if hyphen else " "
    return joiner.join(p.strip() for p in out if p.strip())


def _initialize_part(text: str, mark: str, full: bool) -> str:
    out = ""
    for word in text.split():
        m = _WORD_MARKS.match(word)
        assert m is not None
        lead, core, trail = m.groups()
        start = len(out)
        for token in _PIECE.findall(core):
            name = token.rstrip(".")
            dotted = token.endswith(".")
            if not name:
                continue
            if not name[0].isupper():
                out = _space(out) + name + ("." if dotted else "") + " "
            elif len(name) == 1 or (full and not dotted):
                out += name[0] + mark
            elif dotted:
                out += name + mark
            else:
                out = _space(out) + name + " "
        if lead or trail:
            piece = out[start:]
            body = piece.strip()
            before = piece[: len(piece) - len(piece.lstrip())]
            after = piece[len(piece.rstrip()) :]
            out = out[:start] + before + lead + body + trail + after
    return out.rstrip()


def _space(text: str) -> str:
    return text if not text or text.endswith(" ") else text + " "


# -- substitution suppresses what it printed -------------------------------------------


class Substitute(model.Substitute):  # type: ignore[misc]
    """``cs:substitute`` whose printed variables are not printed again.

    citeproc-py suppresses a substituted ``cs:text`` only, so an editor who
    stands in for the author reappears as "edited by" later in the note. Here
    every variable the successful substitute actually printed (through
    ``cs:choose`` and macros alike) is suppressed for the rest of the cite
    (``substitute_SuppressOrdinaryVariable``), and nothing else: a collection
    whose title stands in for its author still prints its archive.
    """

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        layout = layout_of(context if context is not None else self)
        log: list[str] = layout.__dict__.setdefault("rendered", [])
        parent = self.getparent()
        for child in self.getchildren():
            start = len(log)
            try:
                if isinstance(child, model.Names) and child.name is None:
                    text = child.render(
                        item, names_context=parent, context=context, **kwargs
                    )
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text:
                suppressed_ = layout.__dict__.setdefault("suppressed", set())
                suppressed_.update(log[start:])
                return text
        return None


def rendered(element: Any, context: Any, variable: str) -> None:
    """Note that ``variable`` was printed (what a substitution suppresses)."""
    try:
        layout = layout_of(context if context is not None else element)
    except IndexError:
        return
    layout.__dict__.setdefault("rendered", []).append(variable.replace("-", "_"))


def printed_once(element: Any, context: Any, variable: str) -> None:
    """Suppress ``variable`` for the rest of the cite now that it is printed.

    citeproc-js does this for the locator wherever it is printed, not only
    in a substitution (``magic_SuppressDuplicateVariableRendering`` is the
    substitution half): a style may print it in two places and expects one.
    """
    try:
        layout = layout_of(context if context is not None else element)
    except IndexError:
        return
    layout.__dict__.setdefault("suppressed", set()).add(variable.replace("-", "_"))


def suppressed(element: Any, context: Any, variable: str) -> bool:
    """Whether a substitution earlier in the cite printed ``variable`` already."""
    try:
        layout = layout_of(context if context is not None else element)
    except IndexError:
        return False
    return variable.replace("-", "_") in layout.__dict__.get("suppressed", ())


def _same_names(a: Any, b: Any) -> bool:
    return [n.parts() for n in a or ()] == [n.parts() for n in b or ()]


def _has_term(names: Any, name: str) -> bool:
    label = names.label
    form = label.get("form") if label is not None else None
    term = names.get_term(name, form if form != "long" else None)
    return term is not None and bool(str(term.single).strip())


class Names(model.Names):  # type: ignore[misc]
    """``cs:names`` for every name variable, skipping what a substitution printed.

    Also prints an editor who is also the translator once, with the
    ``editortranslator`` term (``label_EditorTranslator1``).
    """

    def _outer_names(self) -> Any:
        return self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")

    def process(
        self, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any
    ) -> Any:
        context = context if context is not None else self
        if names_context is None:
            names_context = self
            if self.name is None and self.label is None:
                # the short form inside cs:substitute (even within cs:choose)
                # takes the name, et-al and label of the cs:names it stands in for
                outer = remembered(self, "_outer_names", self._outer_names)
                if outer:
                    names_context = outer[0]
        in_substitute = self.getparent().tag == f"{{{CSL_NS}}}substitute"
        ref = item.reference
        roles = [
            r
            for r in self.get("variable").split()
            if ref.get(r.replace("-", "_"))
            and (in_substitute or not suppressed(self, context, r))
        ]
        combined = False
        if (
            {"editor", "translator"} <= set(roles)
            and _same_names(ref.get("editor"), ref.get("translator"))
            and _has_term(names_context, "editortranslator")
        ):
            roles.remove("translator")
            combined = True
        output: list[Any] = []
        names_only: list[Any] = []
        for role in roles:
            name_elem = names_context.name
            if name_elem is None:
                name_elem = Name()
                names_context.insert(0, name_elem)
            key = role.replace("-", "_")
            text = name_elem.render(item, key, context=context, **kwargs)
            names_only.append(text)
            label_elem = names_context.label
            if label_elem is not None and not isinstance(text, int):
                term = "editortranslator" if combined and role == "editor" else role
                label = label_elem.render(item, term, len(ref[key]) > 1, **kwargs)
                if label is not None:
                    first = names_context.getchildren()[0]
                    text = label + text if label_elem is first else text + label
            output.append(text)
            rendered(self, context, role)
        if output and not all(isinstance(t, int) for t in output):
            _first_names(self, context, lambda: names_only)
        if output:
            if all(isinstance(t, int) for t in output):
                total = sum(output)
                return str(total) if total > 0 else None
            return self.join(output, self.get_parent_delimiter(context))
        substitute = remembered(self, "_substitute", self.substitute)
        if substitute is not None:
            out = substitute.render(item, context=context, **kwargs)
            if out:
                _first_names(self, context, lambda: [out])
            return out
        raise VariableError


def _first_names(element: Any, context: Any, names: Any) -> None:
    """Keep what the entry's first ``cs:names`` printed (its names, no label).

    A bibliography's ``subsequent-author-substitute`` replaces it when the
    entry before printed the same (``magic_SubsequentAuthorSubstitute``).
    """
    try:
        layout = layout_of(context if context is not None else element)
    except IndexError:
        return
    if "first_names" in layout.__dict__ and layout.__dict__["first_names"] is None:
        layout.__dict__["first_names"] = "".join(str(n) for n in names())
