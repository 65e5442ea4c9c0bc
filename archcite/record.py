"""The citation record: the JSON form of a located citation (DESIGN.md contract).

The record's shape is published as a JSON Schema inside the package
(``archcite/schema/citation-record.schema.json``, printed by ``archcite schema``).
The nested objects are the model's dataclasses field for field, in their order
(``tests/test_record_fields.py`` holds the schema to them).
Fields are only ever added, never renamed; additions beyond DESIGN.md are
``role``, ``published``, ``reason``, ``declares``, ``index``, ``note_id``,
``note_type``, ``refs`` and a few archival/FRUS extras.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from functools import cache
from importlib import resources
from typing import Any

from archcite.model import ArchivalRef, FrusRef, Located, PublishedRef

SCHEMA_NAME = "citation-record.schema.json"


# Field names by class, read once: to_record runs for every citation.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _json(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return as_json(value)
    return value


def as_json(ref: object) -> dict[str, Any]:
    """JSON form of one of the model's dataclasses: every field, in the order
    the class declares them (the record's key order), tuples as lists."""
    return {name: _json(getattr(ref, name)) for name in _field_names(type(ref))}


def archival_dict(ref: ArchivalRef) -> dict[str, Any]:
    """JSON form of an :class:`ArchivalRef` (its ``item`` nested)."""
    return as_json(ref)


def frus_dict(ref: FrusRef) -> dict[str, Any]:
    """JSON form of a :class:`FrusRef`; a footnote reference is an object."""
    out = as_json(ref)
    out["footnotes"] = [{"document": d, "footnote": f} for d, f in ref.footnotes]
    return out


def published_dict(ref: PublishedRef) -> dict[str, Any]:
    """JSON form of a :class:`PublishedRef`."""
    return as_json(ref)


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
