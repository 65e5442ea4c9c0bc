"""A source note that names only a collection of papers.

The volumes of the First World War and the Paris Peace Conference give the
source of a document as the papers it was found in and nothing else: "Robert
Lansing Papers", "Tasker H. Bliss Papers: Letter" (the kind of document after
the colon). Such a note is archival: the collection, with its repository from
the authority when the authority knows the collection under one repository
("Robert Lansing Papers" -> Library of Congress), else the collection alone,
``partial``, with the reason.

Only a clause that is nothing but the name (ending in "Papers") and an
optional kind of document is claimed: "The Lansing Papers, 1914–1920, vol. ii"
is the FRUS volume, read before this recognizer runs, and any longer clause is
the archival grammar's.
"""

from __future__ import annotations

import re

from archcite.authority import authority
from archcite.grammar.vocab import DOCUMENT_KIND
from archcite.model import ArchivalRef, Citation, DocItem

_CLAUSE = re.compile(
    r"^(?P<name>(?:[A-Z][\w.’'-]*\s+){0,4}Papers)"
    rf"(?:\s*:\s*(?P<kind>{DOCUMENT_KIND}(?:\s+of\s+conversation)?))?\s*\.?$"
)
# "Foreign Relations Papers", "State Papers": the words of a printed series
_NOT_PERSONAL = re.compile(r"\b(?:State|Foreign|Relations|Parliamentary|Sessional)\b")


def recognize(text: str) -> list[Citation]:
    """The collection a bare "X Papers[: Kind]" source note names; never raises."""
    stripped = text.strip()
    m = _CLAUSE.match(stripped)
    if m is None or _NOT_PERSONAL.search(m.group("name")):
        return []
    start = text.index(stripped)
    end = start + len(stripped.rstrip("."))
    name = m.group("name")
    kind = m.group("kind")
    item = DocItem(type=kind.lower()) if kind else DocItem()
    found = authority().collections_named(name)
    if len(found) == 1:
        coll = found[0]
        repo = authority().repository(coll.repository)
        ref = ArchivalRef(
            repository=repo.name if repo else None,
            place=repo.place or None if repo else None,
            collection=coll.name,
            item=item,
            repository_id=coll.repository,
            in_authority=True,
        )
        return [
            Citation(text[start:end], start, end, "archival", "parsed", archival=ref)
        ]
    reason = (
        f"a collection named without its repository, which the authority "
        f"{'gives to several' if found else 'does not know'}"
    )
    ref = ArchivalRef(collection=name, item=item)
    return [
        Citation(
            text[start:end],
            start,
            end,
            "archival",
            "partial",
            archival=ref,
            reason=reason,
        )
    ]
