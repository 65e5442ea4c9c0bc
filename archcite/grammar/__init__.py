"""Recognizers: from a clause of note text to :class:`~archcite.model.Citation` s.

A recognizer is a function ``(text: str) -> list[Citation]`` that is given one
clause of a note (see :mod:`archcite.grammar.segment`) and returns the
citations it finds in it, with ``start``/``end`` *relative to that clause*, or
an empty list. It must never raise on any input. The first recognizer that
returns something wins the clause. A clause no recognizer claims is classified
by :func:`archcite.grammar.noncitation.fallback` as prose (not a citation) or as
an ``unrecognized`` citation when it carries a citation anchor.

Recognizers are plugins (:class:`RecognizerPlugin`) in the entry-point group
``archcite.recognizers``; archcite's own are in :mod:`archcite.grammar.chain`,
registered in its ``pyproject.toml`` like anyone else's. They run in ascending
``order``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from archcite import plugins
from archcite.model import Citation

Recognizer = Callable[[str], list[Citation]]

GROUP = "archcite.recognizers"


@dataclass(frozen=True, slots=True)
class RecognizerPlugin:
    """A recognizer as a plugin: the function, its place in the chain, what it finds.

    Recognizers run in ascending ``order`` and the first that claims a clause
    wins it, so the place matters: archcite's own run at 100
    (notes that cite nothing), 200 (FRUS), 300 (Ibid. and short forms), 400
    (archival) and 500 (published works). A recognizer for one archive's
    conventions goes before 400 so that it sees those citations first; one for a
    kind of citation archcite does not know goes after 500 (the default, 1000),
    where it sees only clauses nobody else claimed.
    """

    recognize: Recognizer
    description: str
    order: int = 1000


@cache
def _chain(generation: int) -> tuple[tuple[str, RecognizerPlugin], ...]:
    del generation  # only the cache key: a plugin registered at run time
    return plugins.ordered(GROUP, RecognizerPlugin)


def recognizer_plugins() -> tuple[tuple[str, RecognizerPlugin], ...]:
    """``(name, plugin)`` of every registered recognizer, in the order they run."""
    return _chain(plugins.generation())


@cache
def _functions(generation: int) -> tuple[Recognizer, ...]:
    return tuple(p.recognize for _, p in _chain(generation))


def recognizers() -> tuple[Recognizer, ...]:
    """The recognizer functions in the order they run, imported once."""
    return _functions(plugins.generation())
