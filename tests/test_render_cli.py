"""archcite format / bib / styles through click's runner, and style lookup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import cli
from archcite.render.styles import StyleError, aliases, bundled, load_style

REPO = Path(__file__).resolve().parents[1]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_format_nsam129_is_chicago() -> None:
    code, out, err = run(
        "format", "samples/nsam129.txt", "--style", "chicago-notes-bibliography"
    )
    assert code == 0
    assert out.startswith(
        "1. Source: NSAM No. 129, U.S.-USSR Space Cooperation, Meetings and "
        "Memoranda Series, box 334, National Security Files, John F. Kennedy "
        "Presidential Library, Boston, MA. No classification marking."
    )
    assert "n.d." not in out
    assert "Charles S. Sampson, ed., “Document 35,”" in out
    assert "Bibliography" in out
    assert "note 2: “Document 389” kept as written" in err


def test_format_markdown_manuscript_full_names() -> None:
    code, out, _ = run("format", "samples/manuscript.md", "--to", "markdown")
    assert code == 0
    assert "Dean Rusk, memorandum to John F. Kennedy" in out
    assert "D. Rusk" not in out


def test_format_csl_json_items(tmp_path: Path) -> None:
    items = [{"id": "b", "type": "book", "title": "Danger and Survival",
              "author": [{"family": "Bundy", "given": "McGeorge"}]}]  # fmt: skip
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    code, out, _ = run("format", str(path))
    assert code == 0
    assert out.startswith("1. McGeorge Bundy, Danger and Survival")


def test_bib_sections() -> None:
    code, out, _ = run("bib", "samples/manuscript.md", "--sections", "archival,frus")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Archival sources"
    assert "Foreign Relations of the United States" in lines
    assert not any("Frutkin" in x for x in lines)  # a published work


def test_bad_section_and_bad_style(tmp_path: Path) -> None:
    code, _, err = run("bib", "samples/nsam129.txt", "--sections", "nope")
    assert code == 2 and err.count("\n") == 1
    bad = tmp_path / "bad.csl"
    bad.write_text("<style xmlns='http://purl.org/net/xbiblio/csl'><nope/></style>")
    code, _, err = run("format", "samples/nsam129.txt", "--style", str(bad))
    assert code == 2
    assert err.startswith("archcite: error:") and "not a valid CSL style" in err
    assert err.count("\n") == 1
    code, _, err = run("format", "samples/nsam129.txt", "--style", "no-such-style")
    assert code == 2 and "unknown style" in err


def test_styles_lists_editions() -> None:
    code, out, _ = run("styles")
    assert code == 0
    assert "chicago-notes-bibliography-17th-edition" in out and "17th" in out


def test_manuscript_suffix_needs_a_writer(tmp_path: Path) -> None:
    # The rewrite stage registers a writer per manuscript suffix; it writes a
    # manuscript in its own format only (tests/test_rewrite_cli.py has the rest).
    code, _, err = run(
        "format", "samples/manuscript.md", "-o", str(tmp_path / "x.docx")
    )
    assert code == 2 and "rewritten as markdown" in err
    assert not (tmp_path / "x.docx").exists()


def test_old_names_and_shipped_styles_validate() -> None:
    assert (
        load_style("chicago-fullnote-bibliography").name == "chicago-notes-bibliography"
    )
    for info in bundled():
        style = load_style(info.name)
        assert style.xml.startswith(b"<?xml")
    assert set(aliases().values()) <= {s.name for s in bundled()}


def test_style_by_path_and_not_xml(tmp_path: Path) -> None:
    path = REPO / "styles" / "chicago-shortened-notes-bibliography.csl"
    assert load_style(str(path)).title.startswith("Chicago Manual of Style 18th")
    junk = tmp_path / "junk.csl"
    junk.write_text("not xml")
    with pytest.raises(StyleError):
        load_style(str(junk))


def test_every_package_is_shipped() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    for init in (REPO / "archcite").rglob("__init__.py"):
        package = ".".join(init.parent.relative_to(REPO).parts)
        assert f'"{package}"' in text, (
            f"{package} missing from [tool.setuptools] packages"
        )


@pytest.mark.parametrize(
    ("style", "imprint"),
    [
        ("chicago-notes-bibliography", "(Government Printing Office, 2006)"),
        (
            "chicago-notes-bibliography-17th-edition",
            "(Washington: Government Printing Office, 2006)",
        ),
    ],
)
def test_format_frus_volume_part(style: str, imprint: str, tmp_path: Path) -> None:
    # citeproc-js prints this note, given the item with part-number
    src = tmp_path / "n.txt"
    src.write_text("1. FRUS, 1964–1968, vol. XXIX, pt. 2, doc. 87.\n", encoding="utf-8")
    code, out, _ = run("format", str(src), "--style", style)
    assert code == 0
    assert out.startswith(
        "1. Karen L. Gatz, ed., “Document 87,” in Japan, vol. 29, pt. 2, Foreign "
        f"Relations of the United States 1964–1968 {imprint}, "
        "https://history.state.gov/historicaldocuments/frus1964-68v29p2/d87.\n"
    ), out
    assert "Japan. Vol. 29, pt. 2. Foreign Relations" in out


def test_format_frus_document_number_printed_once() -> None:
    code, out, _ = run(
        "format",
        "samples/manuscript.txt",
        "--style",
        "chicago-notes-bibliography-17th-edition",
    )
    assert code == 0
    assert (
        "“Document 35,” in Kennedy-Khrushchev Exchanges, vol. 6, Foreign Relations "
        "of the United States 1961–1963 (Washington: Government Printing Office, "
        "1996), https://history.state.gov/historicaldocuments/frus1961-63v06/d35"
    ) in out, out
    assert ", Document 35," not in out


def test_shortened_note_period_inside_quotes_not_doubled(tmp_path: Path) -> None:
    src = tmp_path / "n.txt"
    src.write_text(
        "1. Foreign Relations, 1961–1963, vol. VI, Document 35.\n"
        "2. The memorandum is printed in Foreign Relations, 1961–1963, vol. XXV, "
        "Document 388, and is also available online.\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        "format", str(src), "--style", "chicago-shortened-notes-bibliography"
    )
    assert code == 0
    # the style's period (moved inside the quotes) gives way to the note's own
    assert out.startswith(
        "1. Sampson, “Document 35”.\n"
        "2. The memorandum is printed in Claussen et al., “Document 388”, and is "
        "also available online.\n"
    ), out


def test_hereafter_clause_is_kept_as_written() -> None:
    code, out, _ = run(
        "format",
        "samples/manuscript.md",
        "--style",
        "chicago-shortened-notes-bibliography",
    )
    assert code == 0
    note2 = next(line for line in out.splitlines() if line.startswith("2. "))
    # the author's prose outside the span stays, after the formatted citation
    assert note2.startswith("2. Rusk, memorandum to Kennedy, February 20, 1962")
    assert note2.endswith(" (hereafter cited as NSF, JFKL).")


def test_folder_title_keeps_label_and_quotes() -> None:
    code, out, _ = run("format", "samples/manuscript.md")
    assert code == 0
    assert (
        "2. Dean Rusk, memorandum to John F. Kennedy, February 20, 1962, folder "
        "“USSR, General, 2/62,” box 180, National Security Files, John F. Kennedy "
        "Presidential Library, Boston, MA (hereafter cited as NSF, JFKL)."
    ) in out, out


def test_bibliography_lists_the_collection_without_box_or_file_unit() -> None:
    code, out, _ = run("bib", "samples/nsam129.txt")
    assert code == 0
    lines = out.splitlines()
    # one untitled, authorless file unit cited: Chicago lists its collection
    assert (
        "National Security Files. John F. Kennedy Presidential Library, Boston, MA."
        in lines
    ), out
    assert "box 334" not in out.lower() and "NSAM No. 129" not in out


def test_single_document_entry_has_no_box(tmp_path: Path) -> None:
    src = tmp_path / "n.txt"
    src.write_text(
        "1. Dean Rusk to John F. Kennedy, memorandum, February 20, 1962, box 180, "
        "National Security Files, John F. Kennedy Presidential Library, Boston, MA.\n",
        encoding="utf-8",
    )
    code, out, _ = run("bib", str(src))
    assert code == 0
    assert out.startswith("Rusk, Dean. "), out
    assert "National Security Files. John F. Kennedy Presidential Library" in out
    assert "180" not in out


@pytest.mark.parametrize("command", ["format", "bib"])
def test_format_and_bib_share_style_and_to(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "--style TEXT" in out and "--to [html|text|markdown|latex]" in out
    code, _, err = run(command, "samples/nsam129.txt", "--to", "rtf")
    assert code == 2 and "'rtf' is not one of" in err
    code, out, _ = run(command, "samples/nsam129.txt", "--to", "html")
    assert code == 0 and "National Security Files" in out


# -- several inputs, some unreadable: as extract and check treat them ----------


@pytest.mark.parametrize("command", ["format", "bib"])
def test_a_bad_input_among_several_is_reported_and_the_rest_formatted(
    command: str, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    alone_code, alone, _ = run(command, "samples/manuscript.md")
    code, out, err = run(command, "samples/manuscript.md", str(empty))
    assert alone_code == 0
    assert code == 1
    assert out == alone
    assert f"archcite: error: {empty}: empty file" in err.splitlines()


@pytest.mark.parametrize("command", ["format", "bib"])
def test_every_input_bad_reports_each_and_exits_2(command: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    rtf = tmp_path / "x.rtf"
    rtf.write_bytes(b"{\\rtf1 x}")
    out_file = tmp_path / "out.txt"
    code, out, err = run(command, str(empty), str(rtf), "-o", str(out_file))
    assert code == 2
    assert out == ""
    assert not out_file.exists()
    assert err.splitlines() == [
        f"archcite: error: {empty}: empty file",
        f"archcite: error: {rtf}: RTF is not supported; save as DOCX or ODT",
    ]
