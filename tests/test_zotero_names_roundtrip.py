"""CSL -> Zotero item -> CSL gives the same names and dates back.

Zotero keeps a person's name in two fields; archcite writes a non-dropping
particle before the family name, a dropping particle after the given name and
a suffix after a comma (where citeproc-js parses them back out), and reads
them back the same way, both from creators and from ``Last || First`` Extra
lines (names the Zotero type has no creator role for).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archcite.export.zotero import citation_key, from_zotero, to_zotero

NAMES = [
    {"family": "Rusk", "given": "Dean"},
    {"literal": "Department of State"},
    {"literal": "Smith and Sons, Ltd."},
    {"family": "Sukarno"},
    {"family": "hooks", "given": "bell"},  # lower case, yet no particle
    {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
    {"family": "Torre", "given": "Víctor Raúl", "non-dropping-particle": "de la"},
    {"family": "Gaulle", "given": "Charles", "dropping-particle": "de"},
    {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
    {
        "family": "Hook",
        "given": "James C.",
        "non-dropping-particle": "van",
        "suffix": "III",
    },
]


EXTRA_ROLES = {("manuscript", "recipient"), ("report", "editor")}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    ("ctype", "role"),
    [
        ("personal_communication", "author"),
        ("personal_communication", "recipient"),  # a letter's creator
        ("manuscript", "recipient"),  # no recipient role: an Extra line
        ("report", "editor"),  # no editor role: an Extra line
        ("interview", "interviewer"),
    ],
)
def test_names_come_back(ctype: str, role: str, name: dict[str, str]) -> None:
    csl = {"id": "x", "type": ctype, "title": "T", role: [name]}
    back = from_zotero(to_zotero(csl))
    if name == {"family": "Sukarno"} and (ctype, role) in EXTRA_ROLES:
        # "editor: Sukarno": a one-part name in Extra reads back as a literal,
        # the same name to a CSL processor.
        assert back == {**csl, role: [{"literal": "Sukarno"}]}
    else:
        assert back == csl


@pytest.mark.parametrize(
    "issued",
    [
        {"date-parts": [[1962, 3, 9]]},
        {"date-parts": [[1962, 3]]},
        {"date-parts": [[1962]]},
        {"date-parts": [[1962, 11, 20], [1963, 1, 4]]},
    ],
)
def test_dates_come_back(issued: dict[str, Any]) -> None:
    csl = {"id": "x", "type": "manuscript", "title": "T", "issued": issued}
    assert from_zotero(to_zotero(csl)) == csl


word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüł", min_size=1, max_size=8)
cap = word.map(lambda w: w[0].upper() + w[1:])


@given(
    family=cap,
    given_name=st.lists(cap, min_size=1, max_size=2).map(" ".join),
    nd=st.sampled_from([None, "van", "de la", "von der", "d'"]),
    dp=st.sampled_from([None, "de", "von"]),
    suffix=st.sampled_from([None, "Jr.", "III"]),
)
def test_any_particle_and_suffix_come_back(
    family: str, given_name: str, nd: str | None, dp: str | None, suffix: str | None
) -> None:
    name = {"family": family, "given": given_name}
    for key, value in (
        ("non-dropping-particle", nd),
        ("dropping-particle", dp),
        ("suffix", suffix),
    ):
        if value:
            name[key] = value
    csl = {"id": "x", "type": "personal_communication", "author": [name]}
    csl["recipient"] = [dict(name)]
    assert from_zotero(to_zotero(csl)) == csl
    manuscript = {"id": "x", "type": "manuscript", "recipient": [name]}
    assert from_zotero(to_zotero(manuscript)) == manuscript


def test_the_citation_key_line_is_written_and_read_letter_for_letter() -> None:
    item = to_zotero({"id": "rusk-1962", "type": "manuscript", "title": "T"})
    assert item["extra"] == "Citation Key: rusk-1962"
    assert citation_key(item) == "rusk-1962"
    assert citation_key({"extra": "citation key:  k2 \nOther: 1"}) == "k2"
    assert citation_key({"extra": "Citation Key:\nNote"}) is None
    assert citation_key({"citationKey": "field", "extra": "Citation Key: x"}) == "field"
    assert citation_key({"data": {"extra": "Citation Key: wrapped"}}) == "wrapped"
    assert citation_key({"extra": "Citation Keys: no"}) is None


def test_a_zotero_item_type_archcite_does_not_write_reads_as_a_document() -> None:
    # A user's Zotero export may hold any item type; without a "type:" line
    # in Extra it is read as a CSL document, its fields kept.
    assert from_zotero({"itemType": "film", "title": "Z", "url": "http://x.org"}) == {
        "id": "",
        "type": "document",
        "title": "Z",
        "URL": "http://x.org",
    }
    assert from_zotero({"itemType": "film", "extra": "type: motion_picture"}) == {
        "id": "",
        "type": "motion_picture",
    }
