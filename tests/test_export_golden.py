"""Every item writer's exact output for the Zotero test set (committed goldens).

The field-by-field tests elsewhere check what each format means; these check
every letter of it (Extra lines, citation keys, RIS tags, date forms, line
ends), so a writer that changes one character of its output fails here. The
input is tests/data/zotero/items.json (78 items: hand-written cases, archcite's
output for the samples and the FRUS volume, interviews) read the way a user
gives it: ``archcite extract items.json --format NAME``.

After a change to a writer that is meant, regenerate and review the diff:
``ARCHCITE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_export_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import cli

HERE = Path(__file__).resolve().parent
ITEMS = HERE / "data" / "zotero" / "items.json"
GOLDEN = HERE / "golden" / "export"
FORMATS = {
    "ris": "items.ris",
    "zotero-json": "items.zotero.json",
    "zotero-csl-json": "items.zotero-csl.json",
    "bibtex": "items.bib",
    "biblatex": "items.biblatex.bib",
}


@pytest.mark.parametrize(("fmt", "golden"), sorted(FORMATS.items()))
def test_writer_output_is_the_golden_file_byte_for_byte(fmt: str, golden: str) -> None:
    result = CliRunner().invoke(
        cli, ["extract", str(ITEMS), "--format", fmt, "--quiet"]
    )
    assert result.exit_code == 0, result.output
    out = result.stdout_bytes
    path = GOLDEN / golden
    if os.environ.get("ARCHCITE_UPDATE_GOLDEN"):
        path.write_bytes(out)
    assert out == path.read_bytes(), f"{fmt} differs from {path.name}"
