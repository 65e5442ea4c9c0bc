"""Recognizers: from a clause of note text to :class:`~archcite.model.Citation` s.

A recognizer is a function ``(text: str) -> list[Citation]`` that is given one
clause of a note (see :mod:`archcite.grammar.segment`) and returns the
citations it finds in it, with ``start``/``end`` *relative to that clause*, or
an empty list. It must never raise on any input. Recognizers run in the order
of :data:`RECOGNIZERS`; the first that returns something wins the clause.
A clause no recognizer claims is classified by
:func:`archcite.grammar.noncitation.fallback` as prose (not a citation) or as an
``unrecognized`` citation when it carries a citation anchor.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache

from archcite.model import Citation

Recognizer = Callable[[str], list[Citation]]

#: ``module:function`` of each recognizer, most specific first.
RECOGNIZERS: tuple[str, ...] = (
    "archcite.grammar.noncitation:recognize",
    "archcite.grammar.frus:recognize",
    "archcite.grammar.shortforms:recognize",
    "archcite.grammar.archival:recognize",
    "archcite.grammar.published:recognize",
)


@cache
def recognizers() -> tuple[Recognizer, ...]:
    """The recognizer functions, imported once."""
    found: list[Recognizer] = []
    for spec in RECOGNIZERS:
        module, _, func = spec.partition(":")
        found.append(getattr(importlib.import_module(module), func))
    return tuple(found)
