"""``archcite frus resolve`` runs the pipeline: recognize, then resolve."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner

from archcite.cli import cli

HSG = "https://history.state.gov/historicaldocuments"


def resolve(*args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["frus", "resolve", *args])
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def test_ibid_after_a_frus_volume_takes_its_volume() -> None:
    text = "Foreign Relations, 1961–1963, vol. VI, Document 35. Ibid., Document 36."
    first, ibid = resolve(text)
    assert first["frus"]["volume_id"] == "frus1961-63v06"
    assert ibid["kind"] == "ibid" and ibid["status"] == "parsed"
    assert ibid["antecedent"] == 0 and ibid["reason"] is None
    assert ibid["frus"]["urls"] == [f"{HSG}/frus1961-63v06/d36"]
    assert text[ibid["start"] : ibid["end"]] == ibid["text"] == "Ibid., Document 36"


def test_internal_reference_takes_the_last_volume_cited() -> None:
    text = (
        "See Foreign Relations, 1961–1963, vol. VI, Document 35. See also Document 40."
    )
    first, internal = resolve(text)
    assert first["frus"]["volume_id"] == "frus1961-63v06"
    assert internal["kind"] == "internal" and internal["antecedent"] == 0
    assert internal["frus"]["volume_id"] == "frus1961-63v06"


def test_internal_reference_without_a_volume_says_why() -> None:
    (internal,) = resolve("See Document 389.")
    assert internal["kind"] == "internal" and internal["status"] == "partial"
    assert internal["reason"] == "no FRUS volume in context"
    (placed,) = resolve("See Document 389.", "--in", "frus1961-63v25")
    assert placed["status"] == "parsed" and placed["reason"] is None
    assert placed["frus"]["urls"] == [f"{HSG}/frus1961-63v25/d389"]


def test_elliptical_volume_is_a_sibling_of_the_volume_given() -> None:
    (ref,) = resolve("Cf. vol. i, p. 135.", "--in", "frus1918Russiav03")
    assert ref["frus"]["volume_id"] == "frus1918Russiav01"
    assert ref["status"] == "parsed"


def test_offsets_are_into_the_text_as_given() -> None:
    text = "For texts, see\n  Foreign Relations,\n1961–1963, vol. VI,   Document 35."
    (ref,) = resolve(text)
    assert text[ref["start"] : ref["end"]] == ref["text"]
    assert ref["text"] == "Foreign Relations,\n1961–1963, vol. VI,   Document 35"


def test_footnote_of_this_text_is_no_frus_reference() -> None:
    (ref,) = resolve("See footnote 2 above.")
    assert ref["kind"] == "not-a-citation" and ref["frus"] is None
    assert "another note of this text" in ref["reason"]
