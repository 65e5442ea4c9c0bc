"""`archcite extract` over every full TEI volume of the corpus (issue 2's done-when).

The note count is taken independently with a plain lxml parse; every record
must validate against the published schema, and every note must be accounted
for by at least one record (nothing dropped silently).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from archcite.cli import cli
from archcite.record import validator

TEI_NS = "http://www.tei-c.org/ns/1.0"
VOLUMES = (
    "frus/frus1917-72PubDip.xml",
    "frus-nyr/frus1872p2v5.xml",
    "frus-nyr/frus1894Nicaragua.xml",
    "frus-nyr/frus1918Russiav03.xml",
    "frus-nyr/frus1930v01.xml",
)


NOTE = f"{{{TEI_NS}}}note"


def own_text(element: etree._Element) -> str:
    """Text of an element without comments and without the notes nested in it."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag != NOTE:
            parts.append(own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def lxml_note_count(path: Path) -> tuple[int, int]:
    """All <note> elements, and those with any text, counted by plain lxml."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    notes = list(etree.parse(str(path), parser).getroot().iter(NOTE))
    return len(notes), sum(1 for n in notes if own_text(n).strip())


@pytest.mark.parametrize("relative", VOLUMES)
def test_extract_accounts_for_every_note(shared_dir: Path, relative: str) -> None:
    path = shared_dir / "corpus" / relative
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    v = validator()
    for record in records:
        errors = list(v.iter_errors(record))
        assert not errors, (record["note_id"], errors[0].message)
    total, with_text = lxml_note_count(path)
    noted = {r["note_index"] for r in records}
    # Every note yields at least one record; a note without text says so.
    assert noted == set(range(total))
    empty = {r["note_index"] for r in records if r["reason"] == "empty note"}
    assert len(empty) == total - with_text
    kinds = Counter(r["kind"] for r in records)
    assert kinds["unrecognized"] < 0.05 * len(records), kinds
