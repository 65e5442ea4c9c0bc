"""Extension points: readers, recognizers and output formats as entry-point plugins.

archcite's own plugins are found the way another package's are; the example
package ``tests/plugin_pkg`` adds one of each and is used here through the command
line. It is never installed: a test that needs it puts its source and a
``.dist-info`` written from its ``pyproject.toml`` on ``sys.path`` for its own
duration, so the venv's ``archcite`` (``make demo``) shows archcite's own plugins.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

import archcite
from archcite import plugins, readers
from archcite.cli import cli
from archcite.errors import UnknownFormatError
from archcite.export import formats
from archcite.grammar import RecognizerPlugin, recognizer_plugins, recognizers
from archcite.items import ItemSet
from archcite.model import ArchivalRef, Citation, Note, SourceMap
from archcite.plugins import PluginError, PluginNotFound

REPO = Path(__file__).resolve().parents[1]
OWN_GROUPS = ("archcite.readers", "archcite.recognizers", "archcite.formats")


def _declared(group: str) -> dict[str, str]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    table: dict[str, str] = data["project"]["entry-points"].get(group, {})
    return table


def _installed(group: str) -> dict[str, str]:
    return {
        ep.name: ep.value
        for ep in importlib.metadata.entry_points(group=group)
        if ep.dist is not None and ep.dist.name == "archcite"
    }


@pytest.mark.parametrize(
    "group", [g for base in OWN_GROUPS for g in (base, f"{base}.suffixes")]
)
def test_installed_entry_points_are_those_of_pyproject(group: str) -> None:
    """A stale install (pyproject.toml edited, not reinstalled) fails here, not
    somewhere downstream: run pip install -e '.[dev,zotero]'."""
    assert _installed(group) == _declared(group)


def test_own_plugins_load_in_listing_order() -> None:
    own_readers = [n for n in readers.names() if n in _declared("archcite.readers")]
    assert own_readers == ["text", "markdown", "latex", "docx", "odt", "tei"]
    own_formats = [n for n in formats.names() if n in _declared("archcite.formats")]
    assert own_formats == [
        "csl-json",
        "bibtex",
        "biblatex",
        "ris",
        "zotero-json",
        "zotero-csl-json",
        "zotero-rdf",
    ]
    chain = [
        n for n, _ in recognizer_plugins() if n in _declared("archcite.recognizers")
    ]
    assert chain == [
        "noncitation",
        "frus",
        "shortforms",
        "collection_only",
        "oral_history",
        "archival",
        "personal",
        "published",
    ]


def test_suffixes_are_declared_once_and_select_the_reader() -> None:
    assert readers.get("text").suffixes == (".text", ".txt")
    assert readers.get("tei").suffixes == (".tei", ".xml")
    assert readers.for_suffix(".MD") == "markdown"
    assert readers.for_suffix(".pdf") is None
    for suffix, value in _declared("archcite.readers.suffixes").items():
        name = readers.for_suffix(suffix)
        assert name is not None and _declared("archcite.readers")[name] == value


def test_unknown_names_are_usage_errors() -> None:
    with pytest.raises(UnknownFormatError, match="unknown input format 'pdf'"):
        readers.get("pdf")
    with pytest.raises(UnknownFormatError, match="unknown export format 'mods'"):
        formats.get("mods")
    with pytest.raises(PluginNotFound, match=r"no plugin 'nope' in archcite\.readers"):
        plugins.find_plugin("archcite.readers", "nope", readers.Reader)
    with pytest.raises(ValueError, match="unknown plugin group"):
        plugins.names("archcite.reader")


# -- registered in memory ----------------------------------------------------------


def _read_pairs(source: readers.Source) -> Iterator[Note]:
    text = readers.decode_utf8(source.read_bytes(), source.name)
    for i, line in enumerate(text.splitlines()):
        label, _, note = line.partition("|")
        yield Note(source.name, label, i, note, SourceMap((0,), (i + 1,), (3,)))


def _drawer(clause: str) -> list[Citation]:
    if not clause.startswith("Drawer "):
        return []
    ref = ArchivalRef(repository="Cabinet", file_unit=clause.rstrip("."))
    return [Citation(clause, 0, len(clause), "archival", "parsed", archival=ref)]


def test_a_reader_registered_in_memory_reads_a_document_in_memory() -> None:
    reader = readers.Reader(_read_pairs, "label|text lines")
    with plugins.registered(
        "archcite.readers", "pairs", reader, suffixes=(".pairs",), aliases=("pr",)
    ):
        assert "pairs" in readers.names()
        assert readers.get("pr").name == "pairs"
        assert readers.get("pairs").suffixes == (".pairs",)
        found = archcite.extract_text(
            "1|Not printed.\n2|Foreign Relations, 1961–1963, vol. VI, Document 35.",
            source="memo.pairs",
        )
        assert [loc.citation.kind for loc in found] == ["not-a-citation", "frus"]
        assert found[1].line_column == (2, 3)
    assert "pairs" not in readers.names()
    assert readers.for_suffix(".pairs") is None


def test_a_recognizer_takes_its_place_in_the_chain() -> None:
    before = recognizers()
    assert archcite.recognize("Drawer 9.")[0].kind != "archival"
    plugin = RecognizerPlugin(_drawer, "drawers", order=150)
    with plugins.registered("archcite.recognizers", "drawer", plugin):
        names = [n for n, _ in recognizer_plugins()]
        assert names.index("noncitation") < names.index("drawer") < names.index("frus")
        [cite] = archcite.recognize("Drawer 9.")
        assert cite.kind == "archival" and cite.archival is not None
        assert cite.archival.file_unit == "Drawer 9"
    assert recognizers() == before


def test_a_format_registered_in_memory_is_a_choice_of_extract(tmp_path: Path) -> None:
    def count(items: ItemSet) -> str:
        return f"{len(items)} items\n"

    doc = tmp_path / "n.md"
    doc.write_text("Text.^[Kennedy Library, National Security Files, Box 334.]\n")
    with plugins.registered("archcite.formats", "count", formats.Format(count, "n")):
        result = CliRunner().invoke(cli, ["extract", str(doc), "--format", "count"])
    assert result.exit_code == 0, result.output
    # a box-level citation is its collection, cited at a box: one item, titled
    # by the collection, with no parent (docs/archival-fields.md)
    assert result.stdout == "1 items\n"


def test_a_broken_plugin_names_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = importlib.metadata.EntryPoint(
        "broken", "no_such_module_anywhere:reader", "archcite.readers"
    )
    real = plugins._installed("archcite.readers")
    monkeypatch.setattr(
        plugins,
        "_installed",
        lambda group: (*real, broken) if group == "archcite.readers" else (),
    )
    with pytest.raises(PluginError, match=r"plugin 'broken' of archcite\.readers"):
        readers.get("broken")
    result = CliRunner().invoke(cli, ["extract", "x.txt", "--from", "text"])
    assert result.exit_code == 2
    assert result.stderr.startswith("archcite: error: plugin 'broken'")
    assert "Traceback" not in result.output


def test_a_plugin_of_the_wrong_kind_is_refused() -> None:
    with (
        plugins.registered("archcite.formats", "odd", object()),
        pytest.raises(PluginError, match="not a Format"),
    ):
        formats.get("odd")


# -- the example package, visible while a test runs --------------------------------

PLUGIN_PKG = REPO / "tests" / "plugin_pkg"
PLUGIN_MODULE = "archcite_example_plugin"


def _write_dist_info(site: Path) -> None:
    """The metadata pip would install for tests/plugin_pkg, from its pyproject.toml:
    importlib.metadata finds a ``NAME-VERSION.dist-info`` on ``sys.path``."""
    project = tomllib.loads((PLUGIN_PKG / "pyproject.toml").read_text("utf-8"))
    meta = project["project"]
    stem = re.sub(r"[-_.]+", "_", meta["name"])
    dist_info = site / f"{stem}-{meta['version']}.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n",
        "utf-8",
    )
    sections = [
        f"[{group}]\n" + "".join(f"{name} = {value}\n" for name, value in eps.items())
        for group, eps in meta["entry-points"].items()
    ]
    (dist_info / "entry_points.txt").write_text("\n".join(sections), "utf-8")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("example-plugin-site")
    _write_dist_info(site)
    return site


@contextmanager
def example_package_visible(site: Path) -> Iterator[dict[str, str]]:
    """tests/plugin_pkg importable and its entry points found in this process;
    yields the environment that does the same for archcite in a subprocess."""
    # site first: its metadata wins over an egg-info a past pip install -e
    # left in tests/plugin_pkg (the first distribution of a name is used)
    dirs = [str(site), str(PLUGIN_PKG)]
    saved, loaded = list(sys.path), set(sys.modules)
    sys.path[:0] = dirs
    importlib.invalidate_caches()
    plugins.rescan()
    pythonpath = [*dirs, *filter(None, [os.environ.get("PYTHONPATH")])]
    try:
        yield {**os.environ, "PYTHONPATH": os.pathsep.join(pythonpath)}
    finally:
        sys.path[:] = saved
        for module in set(sys.modules) - loaded:
            if module.split(".")[0] == PLUGIN_MODULE:
                del sys.modules[module]
        importlib.invalidate_caches()
        plugins.rescan()


@pytest.fixture
def example_package(example_site: Path) -> Iterator[dict[str, str]]:
    """tests/plugin_pkg, visible for one test (not through monkeypatch: its undo
    would come after the rescan, which would then keep the plugins)."""
    with example_package_visible(example_site) as env:
        yield env


def _visible() -> tuple[tuple[str, ...], ...]:
    return (
        readers.names(),
        formats.names(),
        tuple(name for name, _ in recognizer_plugins()),
    )


def test_the_example_package_is_visible_only_while_a_test_uses_it(
    example_site: Path,
) -> None:
    before = _visible()
    imported = PLUGIN_MODULE in sys.modules  # only if a developer installed it
    with example_package_visible(example_site):
        dist = importlib.metadata.distribution("archcite-example-plugin")
        assert dist.version == "0.1.0"
        assert "ledger" in readers.names() and readers.for_suffix(".ledger")
        assert "item-lines" in formats.names()
        assert formats.canonical_name("lines") == "item-lines"
        assert "exemplum" in [name for name, _ in recognizer_plugins()]
    assert _visible() == before
    assert (PLUGIN_MODULE in sys.modules) == imported


def test_the_example_package_is_seen_by_archcite_in_a_subprocess(
    example_package: dict[str, str],
) -> None:
    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "archcite", *args],
            capture_output=True,
            text=True,
            env=example_package,
            check=True,
        )
        return done.stdout

    assert "ledger     .ledger" in run("readers")
    help_text = run("extract", "--help")
    assert "ledger" in help_text and "item-lines" in help_text


LEDGER = (
    "Minutes of the drawer committee.\n"
    "1\tExemplum Archive, Drawer 7, Sheet 12.\n"
    "2\tIbid.\n"
    "3\tKennedy Library, National Security Files, Box 334.\n"
)


@pytest.mark.usefixtures("example_package")
def test_the_example_package_reads_recognizes_and_writes(tmp_path: Path) -> None:
    doc = tmp_path / "minutes.ledger"
    doc.write_text(LEDGER, "utf-8")
    runner = CliRunner()

    listed = runner.invoke(cli, ["readers"])
    assert listed.exit_code == 0
    assert "ledger     .ledger" in listed.stdout

    # the reader is chosen by its suffix, the recognizer claims its archive
    result = runner.invoke(cli, ["extract", str(doc), "--format", "json"])
    assert result.exit_code == 0, result.output

    records = json.loads(result.stdout)
    assert [(r["note"], r["line"], r["kind"]) for r in records] == [
        ("1", 2, "archival"),
        ("2", 3, "ibid"),
        ("3", 4, "archival"),
    ]
    exemplum = records[0]["archival"]
    assert (exemplum["repository"], exemplum["file_unit"], exemplum["folder"]) == (
        "Exemplum Archive",
        "Drawer 7",
        "12",
    )
    assert records[1]["antecedent"] == 0  # resolve works on a plugin's citation

    # the output format, by its name and by its alias
    for name in ("item-lines", "lines"):
        out = runner.invoke(cli, ["extract", str(doc), "--format", name])
        assert out.exit_code == 0, out.output
        rows = [line.split("\t") for line in out.stdout.splitlines()]
        # file- and box-level items are collections, titled by the file unit or
        # by the collection (docs/archival-fields.md)
        assert rows[0][:2] == [records[0]["csl"]["id"], "collection"]
        assert ["jfkl-nsf-box334", "collection", "National Security Files"] in rows

    # --from names the reader for a file without its suffix
    plain = tmp_path / "minutes.dat"
    plain.write_text(LEDGER, "utf-8")
    out = runner.invoke(cli, ["extract", str(plain), "--from", "ledger"])
    assert out.exit_code == 0 and len(out.stdout.splitlines()) == 3


@pytest.mark.usefixtures("example_package")
def test_check_offers_a_reader_plugin_made_visible_after_import(
    tmp_path: Path,
) -> None:
    """check's --from reads the registry when used, as extract's does: the
    plugin became visible after archcite.cli.check was imported."""
    plain = tmp_path / "minutes.dat"
    plain.write_text(LEDGER, "utf-8")
    runner = CliRunner()
    assert "ledger" in runner.invoke(cli, ["check", "--help"]).stdout
    out = runner.invoke(cli, ["check", str(plain), "--from", "ledger"])
    assert out.exit_code == 0, out.output  # 2 (usage) while the choice was fixed
    assert "in 1 file" in out.stdout, out.output
