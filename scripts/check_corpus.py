"""Run ``archcite check`` on every TEI volume of the shared corpus; count by rule.

    python scripts/check_corpus.py [OUT_DIR]

Inputs: the full volumes in ``corpus/frus/`` and ``corpus/frus-nyr/``; the notes
of ``corpus/frus-notes/`` and the whole notes of the five ``corpus/frus-slices/``,
each wrapped as a TEI volume. Unlike ``scripts/snapshot_outputs.py`` (which keeps
its wrapping as it was, for byte identity), the wrapping here keeps what the check
needs: each note inside the ``<div type="document">`` of its document (so an Ibid.
does not reach into another document, and notes are compared per document) and
the volume id on the root (so "Document 204" belongs to the volume). The findings
of each input go to ``OUT_DIR/NAME.jsonl`` (default ``out/check-corpus``); the
counts by rule are printed as a Markdown table (docs/check-corpus.md).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from itertools import groupby
from pathlib import Path

from click.testing import CliRunner

from archcite.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
_TEI = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0" '
    'xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:id="{volume}">'
    "<text><body>{body}</body></text></TEI>"
)
_DIV = '<div type="document" xml:id="{doc}">{notes}</div>'


def _tei(volume: str, docs: list[tuple[str, list[str]]]) -> str:
    body = "".join(
        _DIV.format(doc=doc, notes="".join(f"<p>{n}</p>" for n in notes))
        for doc, notes in docs
    )
    return _TEI.format(volume=volume, body=body)


def wrapped(work: Path) -> list[Path]:
    """The frus-notes and the slices as TEI volumes in ``work``."""
    made: list[Path] = []
    for path in sorted((SHARED / "frus-notes").glob("*.notes.jsonl")):
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        docs = [
            (doc, [r["xml"] for r in group])
            for doc, group in groupby(rows, key=lambda r: r["doc"])
        ]
        target = work / f"notes-{rows[0]['volume']}.xml"
        target.write_text(_tei(rows[0]["volume"], docs), "utf-8")
        made.append(target)
    for path in sorted((SHARED / "frus-slices").glob("frus*.json")):
        sliced = json.loads(path.read_text("utf-8"))
        notes = re.findall(
            r"<note\b[^>]*>(?:(?!<note\b).)*?</note>", sliced["text"], re.S
        )

        def doc_of(note: str) -> str:
            m = re.search(r'xml:id="(d\d+)fn', note)
            return m.group(1) if m else "unknown"

        docs = [(doc, list(group)) for doc, group in groupby(notes, key=doc_of)]
        target = work / f"slice-{sliced['volume_id']}.xml"
        target.write_text(_tei(sliced["volume_id"], docs), "utf-8")
        made.append(target)
    return made


def inputs(work: Path) -> list[Path]:
    """Every TEI input of the corpus check."""
    return [
        *sorted((SHARED / "frus").glob("*.xml")),
        *sorted((SHARED / "frus-nyr").glob("*.xml")),
        *wrapped(work),
    ]


def main(out: Path) -> int:
    if not SHARED.is_dir():
        print(f"check_corpus.py: {SHARED} is not there", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    work = out / "inputs"
    work.mkdir(exist_ok=True)
    runner = CliRunner()
    table: dict[str, Counter[str]] = {}
    notes: dict[str, int] = {}
    for path in inputs(work):
        result = runner.invoke(cli, ["check", str(path), "--format", "json"])
        if result.exit_code not in (0, 1):
            print(
                f"{path.name}: exit {result.exit_code}: {result.stderr}",
                file=sys.stderr,
            )
            return 1
        (out / f"{path.stem}.jsonl").write_text(result.stdout, "utf-8")
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        table[path.stem] = Counter(r["rule"] for r in rows)
        extract = runner.invoke(cli, ["extract", str(path)])
        notes[path.stem] = len(
            {json.loads(line)["note_index"] for line in extract.stdout.splitlines()}
        )
    rules = sorted({rule for counts in table.values() for rule in counts})
    names = list(table)
    print("| rule | " + " | ".join(names) + " | total |")
    print("|---|" + "---:|" * (len(names) + 1))
    print(
        "| (notes) | "
        + " | ".join(str(notes[n]) for n in names)
        + f" | {sum(notes.values())} |"
    )
    for rule in rules:
        counts = [table[n][rule] for n in names]
        print(
            f"| {rule} | " + " | ".join(str(c) for c in counts) + f" | {sum(counts)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "check-corpus")
    )
