"""From a document's located citations to the engine's clusters, and back.

The only place :mod:`archcite.render` looks at :class:`~archcite.model.Located`
records: it reads what :func:`archcite.items.collect` made of them (one
item per source, with a mention per citation, its locator and label) and
turns each note into one citation cluster numbered by the note's place in
the document. The engine sees CSL-JSON items and clusters only.

One cluster per note: positions are computed for the note as a whole (so
"Ibid." never follows a note that cited several works), then each citation
span of the note is rendered alone with the placements of its own cites.

An Ibid. or short form the resolver could not tie to an earlier citation is
kept as written: what it stands for is not known, and formatting its own few
words as a first full note would make up a citation ("Frutkin, International
Cooperation (n.d.), 5") and a bibliography entry. An Ibid. or short form
standing for a citation kept as written is kept too, and so is not formatted
as a short note of a work the formatted text never cites in full.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from archcite.items import ItemSet, collect
from archcite.model import Located
from archcite.render.engine import Cite, Cluster

#: Kinds rendered when they name a source; everything else stays as written.
RENDERED_KINDS = frozenset(
    {
        "archival",
        "frus",
        "internal",
        "published",
        "ibid",
        "short",
        "interview",
        "personal_communication",
    }
)


@dataclass(frozen=True, slots=True)
class Plan:
    """What to render for one document."""

    items: ItemSet
    #: cites of each rendered citation, by ``Located.index``
    cites: Mapping[int, tuple[Cite, ...]]
    #: one cluster per note that has rendered citations, in document order
    clusters: tuple[Cluster, ...]
    #: for each cluster, the citation index of each of its cites
    owners: tuple[tuple[int, ...], ...]
    #: citations left as written, with the reason
    kept: tuple[tuple[Located, str], ...]


def _order(loc: Located, item_id: str) -> int:
    """Cites of one citation in the order the citation names them."""
    ref = loc.citation.frus
    if ref is not None:
        for n, doc in enumerate(ref.documents):
            if item_id.endswith(f"-d{doc}"):
                return n
    return 0


#: Kinds that stand for an earlier citation (``Citation.antecedent``).
_REFERRING = frozenset({"ibid", "short"})


def unresolved(located: Sequence[Located]) -> dict[tuple[str, int], str]:
    """Ibid. and short forms that stand for nothing known, with the reason.

    Keyed by (source, ``Located.index``), so that the citations of several
    documents can be asked at once (``archcite bib``).
    """
    out: dict[tuple[str, int], str] = {}
    labels: dict[tuple[str, int], str] = {}
    for loc in located:
        c = loc.citation
        key = (loc.note.source, loc.index)
        labels[key] = loc.note.label
        if c.kind not in _REFERRING or c.start == c.end:
            continue
        if c.antecedent is None:
            out[key] = c.reason or "it stands for no earlier citation"
            continue
        ante = (loc.note.source, c.antecedent)
        if ante in out:
            out[key] = (
                f"it stands for the citation of note {labels[ante]}, kept as written"
            )
    return out


def formattable(located: Sequence[Located]) -> list[Located]:
    """The citations that may be formatted: all but :func:`unresolved` ones."""
    return _without(located, unresolved(located))


def _without(
    located: Sequence[Located], skip: Mapping[tuple[str, int], str]
) -> list[Located]:
    return [loc for loc in located if (loc.note.source, loc.index) not in skip]


def plan(located: Sequence[Located]) -> Plan:
    """Items, clusters and kept citations for one document's citations."""
    skip = unresolved(located)
    items = collect(_without(located, skip))
    by_citation: dict[int, list[Cite]] = {}
    for item in items:
        for m in item.mentions:
            if m.citation is None:
                continue
            by_citation.setdefault(m.citation, []).append(
                Cite(item.id, m.locator, m.label if m.locator else None)
            )
    by_index = {loc.index: loc for loc in located}
    cites: dict[int, tuple[Cite, ...]] = {}
    kept: list[tuple[Located, str]] = []
    for loc in located:
        c = loc.citation
        if c.kind == "not-a-citation" or c.start == c.end:
            continue
        found = by_citation.get(loc.index)
        why = skip.get((loc.note.source, loc.index))
        if why is not None:
            kept.append((loc, why))
            continue
        if c.kind not in RENDERED_KINDS or not found:
            reason = (
                "not recognized"
                if c.status == "unrecognized" or c.kind == "unrecognized"
                else (c.reason or "nothing to format")
            )
            kept.append((loc, reason))
            continue
        cites[loc.index] = tuple(sorted(found, key=lambda x: _order(loc, x.id)))
    clusters: list[Cluster] = []
    owners: list[tuple[int, ...]] = []
    current: int | None = None
    for index in sorted(cites, key=lambda i: (by_index[i].note.index, i)):
        note = by_index[index].note.index
        if note != current:
            clusters.append(Cluster((), note + 1))
            owners.append(())
            current = note
        last = clusters[-1]
        clusters[-1] = Cluster(last.cites + cites[index], last.note_index)
        owners[-1] = owners[-1] + (index,) * len(cites[index])
    return Plan(items, cites, tuple(clusters), tuple(owners), tuple(kept))
