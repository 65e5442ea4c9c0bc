"""An archival citation without the box, folder or file number its siblings give.

Citations are compared within one collection and, where they name one, one
series: boxes are numbered per series, and a series cited at file-unit level
throughout (a Country File by volume) is not missing anything. A citation is
reported only when most citations of its group do give a locator, so a
collection the manuscript always cites without boxes stays quiet.
"""

from __future__ import annotations

from collections.abc import Iterator

from archcite.authority import authority, fold
from archcite.check.manuscript import Manuscript
from archcite.check.model import Hit
from archcite.check.names import name_key
from archcite.check.registry import rule
from archcite.model import ArchivalRef, Located

#: fields that say where in a collection a document is
_LOCATING = ("box", "folder", "file_number", "reel", "lot", "job", "frames")


def _group(ref: ArchivalRef) -> tuple[str, str, str] | None:
    if not ref.collection or not (ref.repository or ref.repository_as_cited):
        return None
    repo = ref.repository_id or fold(ref.repository or ref.repository_as_cited or "")
    hit = authority().collection(ref.repository_id, ref.collection)
    coll = hit[0].id if hit is not None else name_key(ref.collection)
    return (repo, coll, name_key(ref.series) if ref.series else "")


def _locator(ref: ArchivalRef) -> str | None:
    if ref.box:
        return f"box {ref.box}"
    if ref.folder:
        return f"folder “{ref.folder}”"
    if ref.file_number:
        return f"file {ref.file_number}"
    for name in _LOCATING[3:]:
        value = getattr(ref, name)
        if value:
            return f"{name} {value}"
    return None


@rule("missing-locator")
def missing_locator(ms: Manuscript) -> Iterator[Hit]:
    groups: dict[tuple[str, str, str], list[tuple[Located, ArchivalRef]]] = {}
    for loc in ms.citing("archival"):
        ref = loc.citation.archival
        if ref is None or loc.citation.status != "parsed":
            continue
        key = _group(ref)
        if key is not None:
            groups.setdefault(key, []).append((loc, ref))
    for members in groups.values():
        given = [(loc, _locator(ref)) for loc, ref in members]
        with_locator = [(loc, where) for loc, where in given if where]
        if not with_locator or 2 * len(with_locator) <= len(members):
            continue
        examples = ", ".join(dict.fromkeys(w for _, w in with_locator if w))
        for loc, where in given:
            if where:
                continue
            ref = loc.citation.archival
            name = (ref.series or ref.collection) if ref is not None else None
            c = loc.citation
            yield Hit(
                loc.note,
                c.start,
                c.end,
                f"no box, folder or file number, which {len(with_locator)} of "
                f"{len(members)} citations of {name} give ({examples})",
                suggestion="add the box and folder (or file number) of the document",
                located=loc,
            )
