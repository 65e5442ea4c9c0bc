"""Real clients read archcite's output: pandoc, pybtex, citeproc-js.

Each test skips with the reason when its tool is absent on a developer's
machine; under CI (``CI`` set) a missing tool fails the test instead, because
``make test`` installs them there (``scripts/install-test-tools.sh``: pandoc from
Debian's packages, ``npm ci`` in tests/interop).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from export_fixtures import frus_citation, items, located, nsam_citation, rusk_citation

from archcite.cli.export import render_items
from archcite.items import ItemSet, collect, from_csl


def missing(reason: str) -> NoReturn:
    """Skip for a developer; fail in CI, where the tool must have been installed."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, but CI must run this test (see make tools)")
    pytest.skip(reason)


pytestmark = pytest.mark.interop

HERE = Path(__file__).resolve().parent
STYLES = HERE.parents[1] / "styles"
STYLE = STYLES / "chicago-fullnote-bibliography-hsg.csl"
LOCALE = STYLES / "locale-en-US.xml"


@pytest.fixture(scope="module")
def itemset() -> ItemSet:
    cited = collect(located([nsam_citation(), frus_citation(), rusk_citation()])).csl()
    return from_csl(cited + items())


def _files(tmp_path: Path, itemset: ItemSet) -> dict[str, Path]:
    out = {}
    for fmt, name in (
        ("csl-json", "refs.json"),
        ("biblatex", "refs.bib"),
        ("bibtex", "refs.bibtex"),
    ):
        path = tmp_path / name
        path.write_text(render_items(itemset, fmt), encoding="utf-8")
        out[fmt] = path
    # A manuscript citing every item in its own footnote.
    doc = "\n\n".join(
        f"Text.[^{n}]\n\n[^{n}]: [@{i.id}]." for n, i in enumerate(itemset, 1)
    )
    (tmp_path / "doc.md").write_text(doc + "\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("fmt", ["csl-json", "biblatex", "bibtex"])
def test_pandoc_citeproc_formats_without_warnings(
    fmt: str, tmp_path: Path, itemset: ItemSet
) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        missing("pandoc is not installed (Debian package 'pandoc')")
    files = _files(tmp_path, itemset)
    run = subprocess.run(
        [pandoc, str(tmp_path / "doc.md"), "--citeproc", "--csl", str(STYLE),
         "--bibliography", str(files[fmt]), "-t", "plain", "--wrap=none"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == "", (
        run.stderr
    )  # no [WARNING] citeproc: citation not found …
    assert "???" not in run.stdout
    assert "John F. Kennedy Presidential Library" in run.stdout
    assert "Kennedy-Khrushchev Exchanges" in run.stdout
    if fmt == "csl-json":
        # pandoc reads the CSL archive variables; box and folder reach the note.
        assert "box 180, folder “USSR, General, 2/62,”" in run.stdout


def test_pybtex_reads_the_bib(tmp_path: Path, itemset: ItemSet) -> None:
    from pybtex.database import parse_file

    files = _files(tmp_path, itemset)
    for fmt in ("biblatex", "bibtex"):
        bib = parse_file(str(files[fmt]), "bibtex")
        assert len(bib.entries) == len(itemset)
        assert bib.entries["frus1961-63v06-d35"].fields["crossref"] == "frus1961-63v06"


def test_citeproc_js_reads_the_csl_json(tmp_path: Path, itemset: ItemSet) -> None:
    node = shutil.which("node")
    if node is None:
        missing("node is not installed")
    if not (HERE / "node_modules" / "citeproc").is_dir():
        missing("citeproc-js is not installed: npm ci --prefix tests/interop")
    files = _files(tmp_path, itemset)
    run = subprocess.run(
        [node, str(HERE / "citeproc_check.js"), str(files["csl-json"]), str(STYLE), str(LOCALE)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr + run.stdout
    out = json.loads(run.stdout)
    notes = {n["id"]: n["text"] for n in out["notes"]}
    assert set(notes) == {i.id for i in itemset}
    assert notes["jfkl-nsf-box180-ussr-general-2-62-rusk-19620220"].startswith(
        "Dean Rusk to John F. Kennedy, memorandum, February 20, 1962"
    )
    assert (
        "https://history.state.gov/historicaldocuments/frus1961-63v06/d35"
        in notes["frus1961-63v06-d35"]
    )
    assert out["errors"] == []
