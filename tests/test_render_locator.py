"""The locator is printed once in a cite, as citeproc-js prints it.

citeproc-js marks the locator done wherever it is printed (in a substitution
or not), so a later ``cs:text variable="locator"`` in the same cite prints
nothing. The Chicago notes rely on it: an archival item without author or
title prints the page after its shelfmark in the author's place
("Box 76, Folder 8, p. 12, Central Intelligence Agency") and its locator
macro would add ", 12" again. No case of the CSL test suite covers it; the
fixture here was written for archcite and its result checked with citeproc-js.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from archcite.render import fixtures

FIXTURE = fixtures.load(
    Path(__file__).parent / "data/render/locator_PrintedOnceInCite.txt"
)
_SUBSTITUTE = FIXTURE.csl[
    FIXTURE.csl.index("<names variable") : FIXTURE.csl.index("</names>") + 8
]
_PLAIN = """<text variable="archive_location"/>
        <group delimiter=" ">
          <label variable="locator" form="short"/>
          <text variable="locator"/>
        </group>"""


@pytest.mark.parametrize("where", ["in a substitution", "in the layout"])
def test_locator_printed_once(where: str) -> None:
    csl = (
        FIXTURE.csl
        if where == "in a substitution"
        else FIXTURE.csl.replace(_SUBSTITUTE, _PLAIN)
    )
    fixture = dataclasses.replace(FIXTURE, csl=csl)
    assert fixtures.run(fixture) == "Box 76, p. 12, Central Intelligence Agency"


def test_locator_printed_when_nothing_printed_it_before() -> None:
    csl = FIXTURE.csl.replace(_SUBSTITUTE, '<text variable="archive_location"/>')
    fixture = dataclasses.replace(FIXTURE, csl=csl)
    assert fixtures.run(fixture) == "Box 76, Central Intelligence Agency, 12"
