"""Ibid. and short forms that stand for nothing known stay as written.

Formatting "Frutkin, International Cooperation, 5." with no earlier full
citation as a first note would make one up ("… (n.d.), 5.") and list it in
the bibliography; it is kept verbatim and reported with the resolver's reason,
and so is an Ibid. that stands for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from archcite.cli import cli
from archcite.render import render_document
from archcite.rewrite.formatter import formatter
from archcite.rewrite.pandoc import rewrite_document

FULL = (
    'Thompson to Rusk, telegram, March 3, 1962, folder "USSR, General, 3/62," '
    "box 180, National Security Files, John F. Kennedy Library."
)
SHORT = "Frutkin, International Cooperation, 5."
NO_MATCH = "no earlier fuller citation matches it"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def manuscript(tmp_path: Path, *notes: str) -> Path:
    path = tmp_path / "sh.txt"
    text = "".join(f"{n}. {note}\n" for n, note in enumerate(notes, 1))
    path.write_text(text, encoding="utf-8")
    return path


def test_unresolved_short_form_is_kept_and_reported(tmp_path: Path) -> None:
    path = manuscript(tmp_path, FULL, SHORT)
    code, out, err = run("format", str(path))
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "2. " + SHORT
    assert "n.d." not in out
    assert "Frutkin" not in out.split("Bibliography")[1]
    assert f"note 2: “{SHORT[:-1]}” kept as written ({NO_MATCH}" in err
    # the full citation is still formatted
    assert lines[0].startswith("1. Thompson, telegram to Rusk, March 3, 1962")


def test_ibid_of_an_unresolved_short_form_is_kept_too(tmp_path: Path) -> None:
    path = manuscript(tmp_path, FULL, SHORT, "Ibid., 7.")
    code, out, err = run("format", str(path))
    assert code == 0
    assert out.splitlines()[1:3] == ["2. " + SHORT, "3. Ibid., 7."]
    assert (
        "note 3: “Ibid., 7” kept as written (it stands for the citation of "
        "note 2, kept as written)" in err
    )


def test_unresolved_ibid_with_a_page_is_kept(tmp_path: Path) -> None:
    path = manuscript(tmp_path, "Ibid., 12.", FULL)
    code, out, err = run("format", str(path))
    assert code == 0
    assert out.splitlines()[0] == "1. Ibid., 12."
    assert "note 1: “Ibid., 12” kept as written (no earlier citation)" in err


def test_a_later_full_citation_of_the_work_is_a_first_note(tmp_path: Path) -> None:
    full = "Arnold W. Frutkin, International Cooperation in Space (Englewood Cliffs, NJ: Prentice-Hall, 1965), 9."
    path = manuscript(tmp_path, SHORT, full)
    code, out, _ = run("format", str(path))
    assert code == 0
    second = out.splitlines()[1]
    assert second.startswith("2. Arnold W. Frutkin, International Cooperation in Space")
    assert "1965" in second


def test_render_document_keeps_them_out_of_items(tmp_path: Path) -> None:
    import archcite

    path = manuscript(tmp_path, FULL, SHORT, "Ibid., 7.")
    located = list(archcite.extract([str(path)]))
    done = render_document(located, output="text")
    assert sorted(done.citations) == [0]
    assert [loc.index for loc, _ in done.kept] == [1, 2]
    assert not any("Frutkin" in entry for entry in done.bibliography)


def test_bib_leaves_out_unresolved_short_forms(tmp_path: Path) -> None:
    path = manuscript(tmp_path, FULL, SHORT)
    code, out, _ = run("bib", str(path))
    assert code == 0
    assert "Thompson" in out
    assert "Frutkin" not in out


def test_rewritten_manuscript_keeps_them_with_the_reason(tmp_path: Path) -> None:
    src = tmp_path / "sh.md"
    src.write_text(
        "Text.[^1] More.[^2] End.[^3]\n\n"
        f"[^1]: {FULL}\n[^2]: Frutkin, *International Cooperation*, 5.\n"
        "[^3]: Ibid., 7.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.md"
    result = CliRunner().invoke(cli, ["format", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "[^2]: Frutkin, *International Cooperation*, 5.\n" in text
    assert "[^3]: Ibid., 7.\n" in text
    assert "Presidential Library, Boston, MA." in text
    assert (
        f"note 2: “Frutkin, International Cooperation, 5” kept as written ({NO_MATCH}"
        in result.stderr
    )
    assert (
        "note 3: “Ibid., 7” kept as written (it stands for the citation of note 2"
        in result.stderr
    )


def _note(text: str) -> dict[str, Any]:
    inlines: list[dict[str, Any]] = []
    for n, w in enumerate(text.split(" ")):
        if n:
            inlines.append({"t": "Space"})
        inlines.append({"t": "Str", "c": w})
    return {"t": "Note", "c": [{"t": "Para", "c": inlines}]}


def test_pandoc_filter_keeps_them_with_the_reason() -> None:
    body = [{"t": "Str", "c": "Body"}, _note(FULL), _note(SHORT), _note("Ibid., 7.")]
    doc = {
        "pandoc-api-version": [1, 22],
        "meta": {},
        "blocks": [{"t": "Para", "c": body}],
    }
    out, kept = rewrite_document(doc, formatter(None))
    notes = [x for x in out["blocks"][0]["c"] if x["t"] == "Note"]
    assert notes[1] == _note(SHORT)
    assert notes[2] == _note("Ibid., 7.")
    assert notes[0] != _note(FULL)
    reasons = [k.reason for k in kept]
    assert reasons[0].startswith(NO_MATCH)
    assert reasons[1] == "it stands for the citation of note 2, kept as written"
