"""archcite-pandoc inside a real pandoc pipeline (Markdown manuscripts).

The filter is run through a small script that hands it a stand-in formatter
(``tests/data/rewrite/stub_filter.py``), so what is tested is the filter: which
inlines it replaces and that nothing else changes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_interop import missing

from archcite.readers import Source, read

pytestmark = pytest.mark.interop

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "manuscript.md"
STUB = ROOT / "tests" / "data" / "rewrite" / "stub_filter.py"


def _pandoc() -> str:
    exe = shutil.which("pandoc")
    if exe is None:
        missing("pandoc is not installed")
    return exe


@pytest.fixture()
def stub_filter(tmp_path: Path) -> Path:
    """The stand-in filter as an executable run by this test's Python."""
    script = tmp_path / "archcite-stub-filter"
    script.write_text(f"#!{sys.executable}\n" + STUB.read_text(encoding="utf-8"))
    script.chmod(0o755)
    return script


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_pandoc(), *args], capture_output=True, text=True, check=False, timeout=120
    )


def _split(markdown: str) -> tuple[str, list[str]]:
    """Body text and note definitions of pandoc's Markdown output."""
    body, _, notes = markdown.partition("\n[^1]:")
    return body, ("[^1]:" + notes).split("\n\n[^")


def test_filter_replaces_citations_and_nothing_else(stub_filter: Path) -> None:
    plain = _run(str(SAMPLE), "-t", "markdown")
    done = _run(str(SAMPLE), "--filter", str(stub_filter), "-t", "markdown")
    assert done.returncode == 0, done.stderr
    body_before, notes_before = _split(plain.stdout)
    body_after, notes_after = _split(done.stdout)
    assert body_after == body_before
    assert len(notes_after) == len(notes_before) == 13
    joined = " ".join(" ".join(n.split()) for n in notes_after)
    assert "*archival* \\[Rusk to Kennedy" not in joined  # the short form is "short"
    assert "*short* \\[Rusk to Kennedy, February 20, 1962, NSF, JFKL\\]." in joined
    assert "*ibid* \\[Ibid., box 181\\]." in joined
    # Prose around the citations stays as it was.
    assert "The Bureau estimated the first-year cost" in joined
    assert "McDougall's account stresses the propaganda value" in joined
    # The unrecognized citation is kept and reported.
    assert (
        "Dryden to Webb, June 8, 1962, ibid." in joined
        or "kept as written" in done.stderr
    )


def test_filter_output_as_docx_reads_back(stub_filter: Path, tmp_path: Path) -> None:
    out = tmp_path / "ms.docx"
    done = _run(str(SAMPLE), "--filter", str(stub_filter), "-o", str(out))
    assert done.returncode == 0, done.stderr
    notes = list(read(Source(out.name, out)))
    assert notes[2].text == "ibid [Ibid., box 181]."
    assert notes[6].text == "short [Rusk to Kennedy, February 20, 1962, NSF, JFKL]."


def test_console_script_formats_with_the_real_formatter() -> None:
    """``archcite-pandoc`` as installed: the body is untouched, the notes formatted."""
    exe = shutil.which("archcite-pandoc") or str(
        Path(sys.executable).parent / "archcite-pandoc"
    )
    if not Path(exe).exists():
        missing("archcite-pandoc is not installed in this environment")
    style = "archcite-style=chicago-notes-bibliography"
    done = _run(str(SAMPLE), "--filter", exe, "-M", style, "-t", "markdown")
    assert done.returncode == 0, done.stderr
    plain = _run(str(SAMPLE), "-t", "markdown")
    body_before, notes_before = _split(plain.stdout)
    body_after, notes_after = _split(done.stdout)
    assert body_after == body_before
    assert len(notes_after) == len(notes_before)
    changed = [a for a, b in zip(notes_after, notes_before, strict=True) if a != b]
    assert len(changed) >= 10
    assert all(
        line.startswith("archcite-pandoc: warning: ")
        for line in done.stderr.splitlines()
    )
    bad = _run(str(SAMPLE), "--filter", exe, "-M", "archcite-style=no-such-style")
    assert bad.returncode != 0
    assert "archcite-pandoc: error: unknown style" in bad.stderr
