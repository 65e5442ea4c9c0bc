"""Normalize a recognized citation to one CSL-JSON 1.0.2 item.

``to_csl`` only dispatches: the archival mapping lives in
:mod:`archcite.csl.archival`, the FRUS mapping in :mod:`archcite.csl.frus`.
Both are imported lazily so that a missing or broken mapping module costs the
formats that need it, not the whole pipeline. Published works need little
more than a title and are mapped here.

The returned item has no meaningful ``id``: ids belong to *items*, which
collapse many mentions into one source (:mod:`archcite.items`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache
from types import ModuleType
from typing import Any

from archcite.model import ArchivalRef, Citation, FrusRef, PublishedRef

#: Function names the mapping modules may use, most specific first; the first
#: one a module defines is called with the reference (not the citation).
_ARCHIVAL_FUNCS = ("archival_to_csl", "to_csl", "archival_item", "item")
_FRUS_FUNCS = ("frus_to_csl", "to_csl", "frus_item", "item")

Mapper = Callable[[Any], Mapping[str, Any] | None]


@cache
def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"archcite.csl.{name}")
    except ModuleNotFoundError as exc:
        # Only the module's own absence means "not there yet"; a missing
        # dependency inside it is a bug that must surface.
        if exc.name == f"archcite.csl.{name}":
            return None
        raise


def _mapper(name: str, candidates: tuple[str, ...]) -> Mapper | None:
    module = _module(name)
    if module is None:
        return None
    for fn_name in candidates:
        fn = getattr(module, fn_name, None)
        if callable(fn):
            mapper: Mapper = fn
            return mapper
    return None


def archival_csl(ref: ArchivalRef) -> dict[str, Any] | None:
    """CSL item for an archival reference, or ``None`` without the mapping."""
    fn = _mapper("archival", _ARCHIVAL_FUNCS)
    if fn is None:
        return None
    out = fn(ref)
    return dict(out) if out is not None else None


def frus_csl(ref: FrusRef, document: int | None = None) -> dict[str, Any] | None:
    """CSL item for a FRUS reference; ``document`` narrows it to one document."""
    fn = _mapper("frus", _FRUS_FUNCS)
    if fn is None:
        return None
    if document is not None:
        ref = replace(ref, documents=(document,))
    out = fn(ref)
    return dict(out) if out is not None else None


def published_csl(ref: PublishedRef) -> dict[str, Any] | None:
    """CSL item for a published work: only what the citation states."""
    if not ref.title:
        return None
    item: dict[str, Any] = {"id": "", "type": "book", "title": ref.title}
    if ref.volume:
        item["volume"] = ref.volume
    if ref.date:
        year = ref.date[:4]
        if year.isdigit():
            item["issued"] = {"date-parts": [[int(year)]]}
        else:
            item["issued"] = {"literal": ref.date}
    return item


def to_csl(citation: Citation) -> dict[str, Any] | None:
    """The CSL-JSON item a citation points to, or ``None`` if it names none.

    An Ibid. or short form counts only when the resolver has copied its
    antecedent's archival or FRUS reference onto it.
    """
    if citation.archival is not None and citation.kind in (
        "archival",
        "ibid",
        "short",
    ):
        return archival_csl(citation.archival)
    if citation.frus is not None and citation.kind in (
        "frus",
        "internal",
        "ibid",
        "short",
    ):
        return frus_csl(citation.frus)
    if citation.published is not None:
        return published_csl(citation.published)
    return None


__all__ = ["archival_csl", "frus_csl", "published_csl", "to_csl"]
