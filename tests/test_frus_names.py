"""The FRUS series names and extra volumes (authority/frus_names.toml)."""

from __future__ import annotations

from typing import Any

import pytest

from archcite import pipeline
from archcite.authority import AuthorityError
from archcite.authority.catalog import catalog, parse_id
from archcite.authority.frus_names import Example, frus_names, parse
from archcite.model import Citation, Note


def test_table_loads_with_every_kind() -> None:
    names = frus_names()
    kinds = {n.kind for n in names.names}
    assert kinds == {"series", "abbreviation", "old-name"}
    old = {n.name: n.years for n in names.names if n.kind == "old-name"}
    assert old["Diplomatic Correspondence"] == (1861, 1869)
    assert all(n.examples for n in names.names)


def test_example_volumes_exist_in_the_catalog_or_are_declared() -> None:
    names = frus_names()
    extra = {v.id for v in names.volumes}
    for n in names.names:
        for ex in n.examples:
            assert ex.volume_id in catalog() or ex.volume_id in extra, ex.text
    for vol in names.volumes:
        # a volume the catalog gains no longer belongs here
        assert vol.id not in catalog(), vol.id
        p = parse_id(vol.id)
        assert p is not None and p.name == "Index"
        assert names.volume("general index", *vol.years) == vol
    assert names.volume("General Index", 1900, 1917) is None


def test_not_series_examples_name_no_volume() -> None:
    for entry in frus_names().not_series:
        assert "Foreign Relations" in entry.name
        assert all(ex.volume_id is None for ex in entry.examples)


def _name(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "X",
        "kind": "series",
        "case": "exact",
        "examples": [{"text": "X, 1900, p. 1.", "volume_id": "frus1900"}],
    }
    return base | over


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (_name(kind="other"), "kind or case"),
        (_name(case=None), "kind or case"),
        (_name(kind="old-name"), "old names"),
        (_name(years="1861-1869"), "old names"),
        (_name(kind="old-name", years="1869-1861"), "years must be"),
        (_name(examples=[]), "needs examples"),
        (_name(examples=[{"text": "X"}]), "volume_id is wrong"),
    ],
)
def test_bad_tables_are_refused(entry: dict[str, Any], message: str) -> None:
    with pytest.raises(AuthorityError, match=message):
        parse({"name": [entry]})


def test_a_name_twice_is_refused() -> None:
    with pytest.raises(AuthorityError, match="twice"):
        parse({"name": [_name(), _name(name="x")]})


def _records(text: str, in_volume: str | None) -> list[Citation]:
    note = Note(
        "example.xml" if in_volume else "example.txt",
        "1",
        0,
        text,
        doc="d1" if in_volume else None,
        volume_id=in_volume,
    )
    return [loc.citation for loc in pipeline.finish(pipeline.locate([note]))]


_EXAMPLES = [(name.name, ex) for name in frus_names().names for ex in name.examples] + [
    (vol.id, ex) for vol in frus_names().volumes for ex in vol.examples
]


@pytest.mark.parametrize(("entry", "example"), _EXAMPLES, ids=lambda v: str(v)[:40])
def test_every_example_names_its_volume(entry: str, example: Example) -> None:
    refs = [c.frus for c in _records(example.text, example.in_volume) if c.frus]
    assert len(refs) == 1, (entry, refs)
    ref = refs[0]
    assert ref.volume_id == example.volume_id, (entry, ref)
    assert (ref.documents, ref.pages) == (example.documents, example.pages), entry
    if example.volume_id not in catalog():
        assert ref.reason and "not in the FRUS catalog" in ref.reason


@pytest.mark.parametrize(
    "example",
    [ex for entry in frus_names().not_series for ex in entry.examples],
    ids=lambda ex: ex.text[:40],
)
def test_names_that_are_not_the_series_give_no_frus(example: Example) -> None:
    records = _records(example.text, "frus1930v01")
    assert not [c for c in records if c.kind == "frus"], records
