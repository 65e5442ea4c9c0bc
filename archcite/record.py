"""The citation record: the JSON form of a located citation (DESIGN.md contract).

The record's shape is published as a JSON Schema inside the package
(``archcite/schema/citation-record.schema.json``, printed by ``archcite schema``).
Fields are only ever added, never renamed; additions beyond DESIGN.md are
``role``, ``published``, ``reason``, ``declares``, ``index``, ``note_id``,
``note_type``, ``refs`` and a few archival/FRUS extras.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from archcite.model import ArchivalRef, DocItem, FrusRef, Located, PublishedRef

SCHEMA_NAME = "citation-record.schema.json"


def _item(item: DocItem) -> dict[str, Any]:
    return {
        "type": item.type,
        "title": item.title,
        "author": list(item.author),
        "recipient": list(item.recipient),
        "date": item.date,
        "place": item.place,
        "number": item.number,
    }


def archival_dict(ref: ArchivalRef) -> dict[str, Any]:
    """JSON form of an :class:`ArchivalRef`."""
    return {
        "repository": ref.repository,
        "repository_as_cited": ref.repository_as_cited,
        "place": ref.place,
        "record_group": ref.record_group,
        "collection": ref.collection,
        "series": ref.series,
        "file_unit": ref.file_unit,
        "box": ref.box,
        "folder": ref.folder,
        "reel": ref.reel,
        "lot": ref.lot,
        "file_number": ref.file_number,
        "job": ref.job,
        "item": _item(ref.item),
        "classification": ref.classification,
        "entry": ref.entry,
        "accession": ref.accession,
        "frames": ref.frames,
        "repository_id": ref.repository_id,
        "in_authority": ref.in_authority,
    }


def frus_dict(ref: FrusRef) -> dict[str, Any]:
    """JSON form of a :class:`FrusRef`."""
    return {
        "volume_id": ref.volume_id,
        "subseries": ref.subseries,
        "volume": ref.volume,
        "part": ref.part,
        "title": ref.title,
        "documents": list(ref.documents),
        "pages": list(ref.pages),
        "urls": list(ref.urls),
        "known": ref.known,
        "footnotes": [{"document": d, "footnote": f} for d, f in ref.footnotes],
        "internal": ref.internal,
        "reason": ref.reason,
    }


def published_dict(ref: PublishedRef) -> dict[str, Any]:
    """JSON form of a :class:`PublishedRef`."""
    return {
        "title": ref.title,
        "volume": ref.volume,
        "pages": ref.pages,
        "date": ref.date,
        "type": ref.type,
        "author": list(ref.author),
        "editor": list(ref.editor),
        "container_title": ref.container_title,
        "issue": ref.issue,
        "publisher": ref.publisher,
        "place": ref.place,
    }


def to_record(loc: Located) -> dict[str, Any]:
    """The citation record of one located citation."""
    c, note = loc.citation, loc.note
    line, column = loc.line_column
    return {
        "source": note.source,
        "note": note.label,
        "note_index": note.index,
        "doc": note.doc,
        "line": line,
        "column": column,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "kind": c.kind,
        "status": c.status,
        "role": c.role,
        "archival": archival_dict(c.archival) if c.archival else None,
        "frus": frus_dict(c.frus) if c.frus else None,
        "published": published_dict(c.published) if c.published else None,
        "antecedent": c.antecedent,
        "reason": c.reason,
        "declares": c.declares,
        "index": loc.index,
        "note_id": note.note_id,
        "note_type": note.note_type,
        "refs": list(note.refs),
        "csl": dict(c.csl) if c.csl is not None else None,
    }


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the citation record."""
    text = resources.files("archcite.schema").joinpath(SCHEMA_NAME).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validator() -> Any:
    """A jsonschema validator for citation records (imported lazily)."""
    import jsonschema

    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())
