"""From a document's located citations to the engine's clusters, and back.

The only place :mod:`archcite.render` looks at :class:`~archcite.model.Located`
records: it reads what :func:`archcite.items.collect` made of them (one
item per source, with a mention per citation, its locator and label) and
turns each note into one citation cluster numbered by the note's place in
the document. The engine sees CSL-JSON items and clusters only.

One cluster per note: positions are computed for the note as a whole (so
"Ibid." never follows a note that cited several works), then each citation
span of the note is rendered alone with the placements of its own cites.
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


def plan(located: Sequence[Located]) -> Plan:
    """Items, clusters and kept citations for one document's citations."""
    items = collect(located)
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
