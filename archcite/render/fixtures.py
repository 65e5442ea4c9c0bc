"""The CSL processor test suite's fixtures, read and run.

A fixture (``processor-tests/humans/*.txt``) holds sections between
``>>== NAME ==>>`` and ``<<== NAME ==<<`` markers: ``MODE`` (citation or
bibliography), ``RESULT``, ``CSL``, ``INPUT`` (CSL-JSON items) and optionally
``CITATION-ITEMS`` (clusters rendered one by one, as citeproc-js's
``makeCitationCluster`` does) or ``CITATIONS`` (calls of
``processCitationCluster``: a cluster with the clusters before and after it).

:func:`run` renders a fixture through archcite's adapter; :func:`run_plain`
through citeproc-py as shipped, driven the way its own test runner drives it
(positions from call order, no note numbers). Both return the text the
fixture's ``RESULT`` is compared with; :func:`normalize` evens out the HTML
entity spelling, the only place where the engines may differ without being
wrong. Used by ``scripts/csl_conformance.py`` and ``tests/test_render_conformance.py``.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The cases issue 9 requires the adapter to pass.
REQUIRED = re.compile(
    r"^(?:position_.*|name_.*Initial.*|magic_PunctuationInQuote.*|locator_.*|label_.*)$"
)

_SECTION = re.compile(r">>=+\s*([A-Z-]+)\s*=+>>\n?(.*?)\n?<<=+\s*\1\s*=+<<", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Fixture:
    """One test of the suite."""

    name: str
    mode: str
    result: str
    csl: str
    input: tuple[Mapping[str, Any], ...]
    citation_items: tuple[tuple[Mapping[str, Any], ...], ...] | None = None
    citations: tuple[Any, ...] | None = None

    @property
    def category(self) -> str:
        return self.name.split("_", 1)[0]


def parse(text: str, name: str) -> Fixture:
    """A fixture from its text; ``ValueError`` when a required section is missing."""
    sections = {m.group(1): m.group(2) for m in _SECTION.finditer(text)}
    for required in ("MODE", "RESULT", "CSL", "INPUT"):
        if required not in sections:
            raise ValueError(f"{name}: no {required} section")
    items = sections.get("CITATION-ITEMS")
    cits = sections.get("CITATIONS")
    return Fixture(
        name=name,
        mode=sections["MODE"].strip(),
        result=sections["RESULT"].strip("\n"),
        csl=sections["CSL"].strip(),
        input=tuple(
            # the suite's runner names items that come without an id
            {"id": f"ITEM-{n}", **item}
            for n, item in enumerate(json.loads(sections["INPUT"]), 1)
        ),
        citation_items=(
            tuple(tuple(c) for c in json.loads(items)) if items is not None else None
        ),
        citations=tuple(json.loads(cits)) if cits is not None else None,
    )


def load(path: Path) -> Fixture:
    return parse(path.read_text(encoding="utf-8"), path.stem)


def load_dir(folder: Path) -> list[Fixture]:
    """Every fixture of a folder, by name (unreadable ones are skipped)."""
    out: list[Fixture] = []
    for path in sorted(folder.glob("*.txt")):
        try:
            out.append(load(path))
        except (ValueError, json.JSONDecodeError):
            continue
    return out


_ENTITIES = {"&#38;": "&amp;", "&#60;": "&lt;", "&#62;": "&gt;", "&#160;": "\u00a0"}


def normalize(text: str) -> str:
    """One spelling of the HTML entities both engines may print; no trailing space."""
    for entity, same in _ENTITIES.items():
        text = text.replace(entity, same)
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def passes(fixture: Fixture, output: str) -> bool:
    return normalize(output) == normalize(fixture.result)


# -- the citations a fixture makes ------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Call:
    """One ``processCitationCluster`` call: a cluster, and the order after it."""

    cluster: Mapping[str, Any]
    order: tuple[tuple[str, int], ...]


def _calls(fixture: Fixture) -> list[_Call]:
    calls: list[_Call] = []
    for entry in fixture.citations or ():
        cluster, pre, post = entry[0], entry[1], entry[2]
        cid = str(cluster.get("citationID"))
        note = int(cluster.get("properties", {}).get("noteIndex", 0) or 0)
        order = (
            *((str(c), int(n or 0)) for c, n in pre),
            (cid, note),
            *((str(c), int(n or 0)) for c, n in post),
        )
        calls.append(_Call(cluster, order))
    return calls


def _states(fixture: Fixture) -> list[list[tuple[Mapping[str, Any], int]]]:
    """The document after each call: clusters in order with their note numbers."""
    known: dict[str, Mapping[str, Any]] = {}
    states: list[list[tuple[Mapping[str, Any], int]]] = []
    for call in _calls(fixture):
        known[str(call.cluster.get("citationID"))] = call.cluster
        states.append([(known[cid], note) for cid, note in call.order if cid in known])
    return states


def _mark(
    before: Sequence[str],
    after: Sequence[str],
    ids_before: Sequence[str],
    ids_after: Sequence[str],
    last: str,
) -> str:
    """citeproc-js's listing: ``>>[i]`` for what the last call changed, ``..[i]``."""
    old = dict(zip(ids_before, before, strict=True))
    lines = []
    for i, (cid, text) in enumerate(zip(ids_after, after, strict=True)):
        mark = ".." if old.get(cid) == text and cid != last else ">>"
        lines.append(f"{mark}[{i}] {text}")
    return "\n".join(lines)


def _bib_html(entries: Sequence[str]) -> str:
    body = "".join(f'  <div class="csl-entry">{e}</div>\n' for e in entries)
    return f'<div class="csl-bib-body">\n{body}</div>'


# -- archcite's adapter ---------------------------------------------------------------


def run(fixture: Fixture) -> str:
    """The fixture's output through :mod:`archcite.render`."""
    from archcite.render.engine import Cite, Cluster, Renderer
    from archcite.render.styles import load_style_text

    style = load_style_text(fixture.csl, fixture.name)
    renderer = Renderer(style, fixture.input, output="html")

    def cites(raw: Sequence[Mapping[str, Any]]) -> tuple[Cite, ...]:
        return tuple(Cite.from_json(c) for c in raw)

    def clusters(state: Sequence[tuple[Mapping[str, Any], int]]) -> list[Cluster]:
        return [
            Cluster(cites(c.get("citationItems", ())), note, str(c.get("citationID")))
            for c, note in state
        ]

    if fixture.mode == "bibliography":
        if fixture.citations:
            renderer.render(clusters(_states(fixture)[-1]))
        elif fixture.citation_items:
            renderer.render(
                [Cluster(cites(c), 0) for c in fixture.citation_items], compute=False
            )
        else:
            renderer.cite_all()
        return _bib_html(renderer.bibliography())
    if fixture.citations:
        states = _states(fixture)
        after = clusters(states[-1])
        before = clusters(states[-2]) if len(states) > 1 else []
        out_after = renderer.render(after)
        out_before = (
            Renderer(style, fixture.input, output="html").render(before)
            if before
            else []
        )
        return _mark(
            out_before,
            out_after,
            [c.id or "" for c in before],
            [c.id or "" for c in after],
            str(fixture.citations[-1][0].get("citationID")),
        )
    raw = fixture.citation_items or (
        tuple({"id": item["id"]} for item in fixture.input),
    )
    # makeCitationCluster: each cluster alone, positions as the fixture gives them
    out = [renderer.render([Cluster(cites(c), 0)], compute=False)[0] for c in raw]
    return "\n".join(out)


# -- citeproc-py as shipped ---------------------------------------------------------


def run_plain(fixture: Fixture) -> str:
    """The fixture's output through citeproc-py with no archcite patches."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        Locator,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CiteProcJSON([dict(i) for i in fixture.input])
        style = CitationStylesStyle(io.BytesIO(fixture.csl.encode()), validate=False)
        bib = CitationStylesBibliography(style, source, formatter.html)

        def citation(raw: Sequence[Mapping[str, Any]]) -> Any:
            out = []
            for c in raw:
                kwargs: dict[str, Any] = {}
                if "locator" in c:
                    kwargs["locator"] = Locator(c.get("label", "page"), c["locator"])
                for k in ("prefix", "suffix"):
                    if k in c:
                        kwargs[k] = c[k]
                out.append(CitationItem(str(c["id"]), **kwargs))
            return Citation(out)

        if fixture.citations:
            raw_clusters = [c.get("citationItems", ()) for c, _ in _states(fixture)[-1]]
        elif fixture.citation_items:
            raw_clusters = list(fixture.citation_items)
        else:
            raw_clusters = [[{"id": i["id"]} for i in fixture.input]]
        citations = [citation(c) for c in raw_clusters]
        for c in citations:
            bib.register(c)
        if fixture.mode == "bibliography":
            bib.sort()
            return _bib_html([str(e) for e in bib.bibliography()])
        texts = [str(bib.cite(c, lambda _item: None)) for c in citations]
        if fixture.citations:
            n = len(texts)
            return "\n".join(
                f"{'>>' if i == n - 1 else '..'}[{i}] {t}" for i, t in enumerate(texts)
            )
        return "\n".join(texts)
