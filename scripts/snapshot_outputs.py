"""Write every output archcite gives on the samples and the shared corpus to a folder.

Run it before and after a change and compare the two folders with ``diff -r``: a
refactoring must leave them byte-identical, and every other change must be one
that is meant (a behaviour decision, listed in the CHANGELOG).

    python scripts/snapshot_outputs.py /tmp/before
    ... change ...
    python scripts/snapshot_outputs.py /tmp/after
    diff -r /tmp/before /tmp/after

Inputs: every file in ``samples/``; every TEI volume in ``../shared/corpus``; the
frus-notes lines and the slices' notes, each wrapped in a TEI document; every
note of those as ``archcite parse`` input. Outputs: ``extract`` in every format,
``parse``, ``frus resolve`` and both evaluation commands. The commands run in this
process through click's test runner, so what is compared is exactly what a user
sees on stdout and stderr, with the exit code.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from click.testing import CliRunner

from archcite.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("..") / "shared" / "corpus"
FORMATS = (
    "jsonl",
    "csl-json",
    "bibtex",
    "biblatex",
    "ris",
    "zotero-json",
    "zotero-csl-json",
    "zotero-rdf",
)
_TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>{}</body></text></TEI>'


def _wrapped_notes(work: Path) -> list[Path]:
    """The frus-notes lines and the slices' whole notes as small TEI files."""
    made: list[Path] = []
    notes = SHARED / "frus-notes" / "frus1964-68v29p2.notes.jsonl"
    if notes.exists():
        rows = [json.loads(line) for line in notes.read_text("utf-8").splitlines()]
        path = work / "frus-notes.xml"
        path.write_text(_TEI.format("".join(r["xml"] for r in rows)), "utf-8")
        made.append(path)
    for sliced_path in sorted((SHARED / "frus-slices").glob("frus*.json")):
        sliced = json.loads(sliced_path.read_text("utf-8"))
        whole = re.findall(
            r"<note\b[^>]*>(?:(?!<note\b).)*?</note>", sliced["text"], re.S
        )
        path = work / f"slice-{sliced['volume_id']}.xml"
        path.write_text(_TEI.format("<p>" + "</p><p>".join(whole) + "</p>"), "utf-8")
        made.append(path)
    return made


def _run(runner: CliRunner, args: list[str], input: str | None = None) -> str:
    result = runner.invoke(cli, args, input=input, catch_exceptions=False)
    return f"exit {result.exit_code}\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}"


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    runner = CliRunner()
    # Inputs are named by paths relative to the checkout (records carry their
    # source path), so snapshots of two worktrees side by side compare equal;
    # the wrapped notes live inside the checkout, one copy per worktree.
    os.chdir(ROOT)
    work = Path(".snapshot-inputs")
    work.mkdir(exist_ok=True)
    inputs = sorted(p for p in Path("samples").rglob("*") if p.is_file())
    inputs = [p for p in inputs if p.suffix != ".md" or p.stem != "README"]
    if SHARED.exists():
        inputs += sorted((SHARED / "frus").glob("*.xml"))
        inputs += sorted((SHARED / "frus-nyr").glob("*.xml"))
        inputs += sorted((SHARED / "seed").glob("*.txt"))
        inputs += _wrapped_notes(work)
    for path in inputs:
        for fmt in FORMATS:
            target = out / f"{path.name}.{fmt}.out"
            target.write_text(_run(runner, ["extract", str(path), "--format", fmt]))
        texts = [
            r["text"]
            for r in (
                json.loads(line)
                for line in _run(runner, ["extract", str(path)])
                .split("--- stdout\n", 1)[1]
                .split("--- stderr\n", 1)[0]
                .splitlines()
            )
        ]
        # `parse` and `frus resolve` on each distinct citation text of the file
        parsed = [_run(runner, ["parse", t]) for t in dict.fromkeys(texts) if t]
        (out / f"{path.name}.parse.out").write_text("".join(parsed))
        resolved = [
            _run(runner, ["frus", "resolve", t])
            for t in dict.fromkeys(texts)
            if "Foreign Relations" in t or "FRUS" in t
        ]
        (out / f"{path.name}.frus-resolve.out").write_text("".join(resolved))
    for gold in sorted(Path("tests/gold").glob("archival*.jsonl")):
        (out / f"eval-{gold.stem}.out").write_text(
            _run(runner, ["eval", "archival", str(gold), "--show-failures"])
        )
    if SHARED.exists():
        (out / "frus-eval.out").write_text(_run(runner, ["frus", "eval"]))
    print(f"{len(list(out.iterdir()))} files in {out}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: snapshot_outputs.py OUT_DIR")
    main(Path(sys.argv[1]).resolve())
