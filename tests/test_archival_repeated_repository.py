"""A location that names its repository again is not one clean citation."""

from __future__ import annotations

import pytest

from archcite.grammar.note import recognize_text

UNIT = "Kennedy Library, National Security Files, Box 334, "


def test_one_location_is_parsed() -> None:
    [c] = recognize_text(UNIT.rstrip(", ") + ".")
    assert (c.kind, c.status, c.reason) == ("archival", "parsed", None)
    assert c.archival is not None and c.archival.folder is None


@pytest.mark.parametrize("times", [2, 3, 200])
def test_the_repository_repeated_among_the_units_is_partial(times: int) -> None:
    [c] = recognize_text(UNIT * times)
    assert c.kind == "archival" and c.status == "partial"
    assert c.reason == "names its repository again among its units"
    # nothing is dropped: the clause still covers the whole text
    assert c.archival is not None and c.archival.repository_id == "jfkl"


def test_a_unit_that_only_mentions_the_repository_is_not_a_repeat() -> None:
    # A folder title that contains the repository's name is a title, not the
    # repository named again.
    [c] = recognize_text(
        "Kennedy Library, President's Office Files, Box 3, "
        "Kennedy Library Dedication Plans."
    )
    assert (c.status, c.reason) == ("parsed", None)
    assert c.archival is not None
    assert c.archival.folder == "Kennedy Library Dedication Plans"
