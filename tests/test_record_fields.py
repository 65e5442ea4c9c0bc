"""The model's dataclasses are the one list of the record's fields.

The JSON Schema, the record, the gold evaluation, the CSL mapping and the
resolver's hierarchy all name the fields of :class:`ArchivalRef` (and of the
other references); these tests hold each of them to ``dataclasses.fields``, so
a field added to the model fails here until every one of them knows it.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, fields, is_dataclass
from typing import Any

import pytest

from archcite.csl import archival_csl
from archcite.evaluation.archival import FIELDS as SCORED
from archcite.evaluation.archival import UNSCORED
from archcite.model import (
    ArchivalRef,
    Citation,
    DocItem,
    FrusRef,
    Located,
    Note,
    PublishedRef,
)
from archcite.record import schema, to_record, validator
from archcite.resolve.inherit import LEVELS

#: schema ``$defs`` entry -> the dataclass it publishes
DEFS: dict[str, type] = {
    "item": DocItem,
    "archival": ArchivalRef,
    "frus": FrusRef,
    "published": PublishedRef,
}


def _names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


def _default(f: Field[Any]) -> Any:
    if f.default is not MISSING:
        return f.default
    assert f.default_factory is not MISSING
    return f.default_factory()


@pytest.mark.parametrize("name", sorted(DEFS))
def test_schema_properties_are_the_dataclass_fields_in_order(name: str) -> None:
    props = schema()["$defs"][name]["properties"]
    assert list(props) == _names(DEFS[name])
    assert schema()["$defs"][name]["additionalProperties"] is False


@pytest.mark.parametrize("name", sorted(DEFS))
def test_schema_types_follow_the_field_defaults(name: str) -> None:
    """None -> a string or null, a tuple -> an array, a bool -> a boolean, a
    nested dataclass -> its own definition."""
    props = schema()["$defs"][name]["properties"]
    for f in fields(DEFS[name]):
        prop, default = props[f.name], _default(f)
        if isinstance(default, bool):
            assert prop["type"] == "boolean", f.name
        elif isinstance(default, tuple):
            assert prop["type"] == "array", f.name
        elif is_dataclass(default):
            target = next(k for k, cls in DEFS.items() if cls is type(default))
            assert prop == {"$ref": f"#/$defs/{target}"}, f.name
        else:
            assert default is None, f.name
            assert prop.get("$ref") == "#/$defs/str" or None in prop["enum"], f.name


def _every_field_set() -> Citation:
    item = DocItem(
        **{
            f.name: ("x",) if isinstance(_default(f), tuple) else f"item {f.name}"
            for f in fields(DocItem)
        }
    )
    values: dict[str, Any] = {}
    for f in fields(ArchivalRef):
        default = _default(f)
        values[f.name] = (
            item
            if f.name == "item"
            else True
            if isinstance(default, bool)
            else f"v-{f.name}"
        )
    return Citation("t", 0, 1, "archival", "parsed", archival=ArchivalRef(**values))


def test_the_record_holds_every_field_and_validates() -> None:
    c = _every_field_set()
    record = to_record(Located(c, Note("s", "1", 0, "t"), 0))
    assert list(record) == list(schema()["properties"])
    assert list(record["archival"]) == _names(ArchivalRef)
    assert list(record["archival"]["item"]) == _names(DocItem)
    assert record["archival"]["item"]["author"] == ["x"]
    assert list(validator().iter_errors(record)) == []


def test_every_field_is_scored_or_said_not_to_be() -> None:
    every = [f"item.{n}" for n in _names(DocItem)] + [
        n for n in _names(ArchivalRef) if n != "item"
    ]
    assert sorted(SCORED + tuple(UNSCORED)) == sorted(every)
    assert not set(SCORED) & UNSCORED


#: Fields that say who found what, not where the document is: no CSL variable.
NOT_BIBLIOGRAPHIC = {"repository_id", "in_authority"}


def test_every_archival_field_reaches_the_csl_item() -> None:
    """Each field, set alone, changes the CSL item (the mapping knows it)."""
    bare = archival_csl(ArchivalRef())
    for f in fields(ArchivalRef):
        if f.name in NOT_BIBLIOGRAPHIC | {"item"}:
            continue
        ref = ArchivalRef(**{f.name: "7"})
        assert archival_csl(ref) != bare, f.name
    for f in fields(DocItem):
        value: Any = ("Rusk",) if isinstance(_default(f), tuple) else "7"
        ref = ArchivalRef(item=DocItem(**{f.name: value}))
        assert archival_csl(ref) != bare, f"item.{f.name}"


def test_the_resolver_places_every_location_field_in_the_hierarchy() -> None:
    placed = {name for level in LEVELS for name in level}
    assert placed == set(_names(ArchivalRef)) - {"item", "classification"}
