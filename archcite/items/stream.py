"""Item ids for citations that stream past, as :func:`collect` would give them.

A citation record's ``csl.id`` is the id of the item it names (see
:mod:`archcite.items`): readable, built from the item's own data, and
suffixed with a short hash only when two different items of the document would
share it. That last rule needs the whole document, so :class:`ItemIds` hands out
the id each record gets if nothing collides (``provisional``) and, once the
document has ended, the ``final`` id of every item; a writer puts the records
aside and corrects the few that changed. It keeps one entry per distinct item
and the items of the last :data:`RECALL` citations (an Ibid. or short form
names its antecedent's item, and antecedents are recent), not the citations.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from archcite.csl import clean_csl, to_csl
from archcite.items.build import _kind, citation_entries, identity
from archcite.model import Located

#: Citations whose items are remembered for the Ibid. and short forms after them.
RECALL = 1 << 16


@dataclass(slots=True)
class _Entry:
    base: str  # the id the item gets when no other item claims it
    order: int  # position in its table (items are listed in this order)
    seed: str  # what the hash of a colliding id is made of


@dataclass(slots=True)
class ItemIds:
    """The items of one document's citations, in the order ``collect`` lists them."""

    recall: int = RECALL
    docs: dict[str, _Entry] = field(default_factory=dict)
    parents: dict[str, _Entry] = field(default_factory=dict)
    #: citation index -> the first item it named (for the Ibid.s after it)
    recent: OrderedDict[int, str | None] = field(default_factory=OrderedDict)
    _final: dict[str, str] | None = None

    def _add(
        self, csl: Mapping[str, Any], base_id: str, parent: Any, seed: str | None
    ) -> str:
        csl = clean_csl(csl)
        key = identity(csl)
        table = self.parents if _kind(csl) in ("collection", "volume") else self.docs
        if key not in table:
            table[key] = _Entry(base_id, len(table), seed or key)
        if parent is not None:
            pid, pcsl = parent
            pkey = identity(pcsl)
            if pkey not in self.parents:
                self.parents[pkey] = _Entry(pid, len(self.parents), pkey)
        return key

    def _rank(self, key: str) -> tuple[int, int]:
        if key in self.docs:
            return (0, self.docs[key].order)
        return (1, self.parents[key].order)

    def add(self, loc: Located) -> str | None:
        """Register a resolved citation (in document order); the key of the
        item its record names, or ``None`` if it names none."""
        self._final = None
        c = loc.citation
        csl = dict(c.csl) if c.csl is not None else to_csl(c)
        entries = citation_entries(c, csl)
        keys: list[str] = []
        if entries is not None:
            keys = [self._add(e.csl, e.id, e.parent, e.seed) for e in entries]
        elif c.antecedent is not None and c.antecedent in self.recent:
            first = self.recent[c.antecedent]
            self.recent.move_to_end(c.antecedent)
            keys = [first] if first is not None else []
        self.recent[loc.index] = keys[0] if keys else None
        if len(self.recent) > self.recall:
            self.recent.popitem(last=False)
        return min(keys, key=self._rank) if keys else None

    def provisional(self, key: str) -> str:
        """The item's id if no other item of the document claims the same."""
        entry = self.parents.get(key) or self.docs[key]
        return entry.base

    def final(self, key: str) -> str:
        """The item's id once the whole document has been seen."""
        if self._final is None:
            self._final = self._finals()
        return self._final[key]

    def _finals(self) -> dict[str, str]:
        counts: dict[str, int] = {}
        entries = [*self.docs.items(), *self.parents.items()]
        for _key, e in entries:
            counts[e.base] = counts.get(e.base, 0) + 1
        final: dict[str, str] = {}
        for key, e in entries:
            base = e.base
            if counts[base] > 1:
                base = f"{base}-{hashlib.sha1(e.seed.encode()).hexdigest()[:4]}"
            final[key] = base
        return final


__all__ = ["RECALL", "ItemIds"]
