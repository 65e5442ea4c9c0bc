"""Answers about a parsed style that never change, found once per style object.

citeproc-py finds a macro with an XPath query each time one is used, and a
``cs:group`` asks every child whether it calls a variable — through every
macro the child expands — for every cite it renders. For
``chicago-notes-bibliography`` those repeated walks were over half of the
rendering time. The style tree is not changed after it is parsed, so both
answers are kept on the style's root element: one memo per parsed style, never
shared between styles, and no global state of citeproc-py touched. Terms are
looked up the same way (an XPath query into each locale per use) and kept too,
and so are other answers fixed by an element's place in the tree (its
``cs:layout``, its ``cs:substitute``, whether a ``cs:choose`` calls a
variable): those on the element itself, so an element lxml makes afresh just
asks again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from citeproc import model

_MACRO_QUERY = "cs:macro[@name="

T = TypeVar("T")


def remembered(element: Any, name: str, compute: Callable[[], T]) -> T:
    """``compute()`` for ``element``, asked once per element object.

    Only for answers fixed by the element's place in the style tree; an
    exception is not remembered.
    """
    memo: dict[str, Any] = element.__dict__
    if name in memo:
        return memo[name]  # type: ignore[no-any-return]
    found = memo[name] = compute()
    return found


def layout_of(element: Any) -> Any:
    """The ``cs:layout`` that holds ``element`` (IndexError outside one)."""
    return remembered(element, "_layout", element.get_layout)


class Choose(model.Choose):  # type: ignore[misc]
    """``cs:choose`` that works out once whether any branch calls a variable."""

    def calls_variable(self) -> bool:
        return remembered(
            self, "_calls_variable", lambda: bool(super(Choose, self).calls_variable())
        )


class Style(model.Style):  # type: ignore[misc]
    """``cs:style`` that remembers its macros, terms and which macros call variables."""

    def xpath_search(self, expression: str) -> Any:
        # get_macro asks the root for "cs:macro[@name='…'][1]"; only those
        # queries are remembered (the macros are never added or removed)
        if not expression.startswith(_MACRO_QUERY):
            return super().xpath_search(expression)
        memo: dict[str, Any] = self.__dict__.setdefault("_macro_memo", {})
        found = memo.get(expression)
        if found is None:
            found = memo[expression] = super().xpath_search(expression)
        return found

    def macro_calls_variable(self, name: str) -> bool:
        """Whether macro ``name`` calls a variable (what ``cs:group`` asks)."""
        memo: dict[str, bool] = self.__dict__.setdefault("_calls_memo", {})
        found = memo.get(name)
        if found is None:
            found = memo[name] = bool(self.get_macro(name).calls_variable())
        return found

    def term(self, name: str, form: str | None, *args: Any) -> Any:
        """The term ``name`` in ``form`` from the style's locales (or ``None``)."""
        memo: dict[tuple[Any, ...], Any] = self.__dict__.setdefault("_term_memo", {})
        key = (name, form, *args)
        if key not in memo:
            memo[key] = model.CitationStylesElement.get_term(self, name, form, *args)
        return memo[key]


def macro_calls_variable(element: Any, name: str) -> bool:
    """Whether the macro ``name`` of ``element``'s style calls a variable."""
    root = element.get_root()
    if isinstance(root, Style):
        return root.macro_calls_variable(name)
    return bool(element.get_macro(name).calls_variable())
