"""No data lost: CSL-JSON -> BibTeX/biblatex -> CSL-JSON and -> Zotero -> CSL-JSON.

Every archival field survives: repository, collection, series/box/folder
(``archive_location``), place, item date, author, recipient.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import archcite.schema
from archcite.csl.titles import supply_title
from archcite.export import bibtex
from archcite.export.zotero import from_zotero, to_zotero

SCHEMA = json.loads(
    (Path(archcite.schema.__file__).parent / "csl-data.json").read_text()
)
ARCHIVAL = (
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "issued",
    "author",
    "recipient",
)

# Realistic text with everything that needs escaping somewhere.
_ALPHABET = list("abcdefghijkXYZ0123456789 ,.;:/()'\"-–—&%#_{}$\\^~éüÅłŁßñçœ“”‘’")
text = (
    st.text(alphabet=_ALPHABET, min_size=1, max_size=40)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
word = st.text(
    alphabet=list("abcdefghijklmnopqrstuvwxyzéüłńçö-'"), min_size=1, max_size=12
)
family = st.builds(lambda w: w[0].upper() + w[1:], word)
given_name = st.lists(family, min_size=1, max_size=2).map(" ".join)
name = st.one_of(
    st.builds(lambda f, g: {"family": f, "given": g}, family, given_name),
    st.builds(
        lambda t: {"literal": t}, st.one_of(text, st.just("Smith and Sons, Ltd."))
    ),
)
date = st.one_of(
    st.builds(lambda y: {"date-parts": [[y]]}, st.integers(1500, 2030)),
    st.builds(
        lambda y, m: {"date-parts": [[y, m]]},
        st.integers(1500, 2030),
        st.integers(1, 12),
    ),
    st.builds(
        lambda y, m, d: {"date-parts": [[y, m, d]]},
        st.integers(1500, 2030),
        st.integers(1, 12),
        st.integers(1, 28),
    ),
)


@st.composite
def archival_item(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": "item1",
        "type": draw(
            st.sampled_from(["manuscript", "personal_communication", "document"])
        ),
        "archive": draw(text),
        "archive_collection": draw(text),
        "archive_location": draw(text),
    }
    for var, strat in (
        ("archive-place", text),
        ("title", text),
        ("genre", st.sampled_from(["memorandum", "telegram", "letter"])),
    ):
        if draw(st.booleans()):
            item[var] = draw(strat)
    if draw(st.booleans()):
        item["issued"] = draw(date)
    if draw(st.booleans()):
        item["author"] = draw(st.lists(name, min_size=1, max_size=3))
    if draw(st.booleans()):
        item["recipient"] = draw(st.lists(name, min_size=1, max_size=2))
    return item


def _same(before: dict[str, Any], after: dict[str, Any]) -> None:
    # Zotero-bound formats supply a title for an untitled archival item.
    before = supply_title(before)
    for var in ARCHIVAL:
        assert after.get(var) == before.get(var), (var, before.get(var), after.get(var))
    assert after.get("title") == before.get("title")
    assert after["type"] == before["type"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archival_item(), st.sampled_from(["bibtex", "biblatex"]))
@example(  # BibTeX splits name lists at "and" in any case
    {
        "id": "item1",
        "type": "manuscript",
        "archive": "0",
        "archive_collection": "0",
        "archive_location": "0",
        "recipient": [{"family": "A", "given": "And A"}],
    },
    "bibtex",
)
def test_csl_bibtex_csl_keeps_every_archival_field(
    item: dict[str, Any], flavor: str
) -> None:
    jsonschema.validate([item], SCHEMA)
    text_out = bibtex.dumps([item], "bibtex" if flavor == "bibtex" else "biblatex")
    if flavor == "bibtex":
        assert text_out.isascii() or any(ord(c) > 0x2FFF for c in text_out)
    back = {i["id"]: i for i in bibtex.loads(text_out)}
    _same(item, back["item1"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archival_item())
def test_csl_zotero_csl_keeps_every_archival_field(item: dict[str, Any]) -> None:
    zitem = to_zotero(item)
    json.dumps(zitem)  # plain JSON, as the Web API takes it
    back = from_zotero(json.loads(json.dumps(zitem)))
    jsonschema.validate([back], SCHEMA)
    _same(item, back)
