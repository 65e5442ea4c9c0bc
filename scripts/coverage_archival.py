#!/usr/bin/env python3
"""Coverage of the archival and published recognizers on every FRUS source note.

Reads every source note in ``../shared/corpus`` (TEI ``type="source"`` notes in
``frus/``, ``frus-nyr/`` and the ``frus-slices/``, and the ``type == "source"``
records of ``frus-notes/``), runs the whole recognize stage on each, and prints
how many notes were recognized as archival or published, how many are only
document labels ("[Telegram]", "No. 61.", "[Inclosure 2 in No. 61.]", which are
not citations at all), and how many are unrecognized, per corpus folder and in
total. ``--show N`` lists up to N unrecognized notes.

Usage: scripts/coverage_archival.py [--corpus DIR] [--show N]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from archcite.grammar.labels import text_label_reason
from archcite.grammar.note import recognize_text
from archcite.model import Citation

_SOURCE_NOTE = re.compile(r"<note\b[^>]*\btype=\"source\"[^>]*>", re.S)
_XML_ID = re.compile(r"\bxml:id=")
_TAG = re.compile(r"<[^>]+>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _plain(xml: str) -> str:
    text = _TAG.sub("", _COMMENT.sub("", xml))
    return " ".join(html.unescape(text).split())


_NOTE_TAG = re.compile(r"<(/?)note\b[^>]*?(/?)>")


def _balanced(text: str, start: int) -> str:
    """The XML of the note opening at ``start``, nested notes included."""
    depth = 0
    # scanning from ``start`` in place: slicing copied the rest of the volume
    for m in _NOTE_TAG.finditer(text, start):
        if m.group(2):
            continue
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return text[start : m.end()]
    return text[start:]


def _tei_notes(text: str) -> Iterator[tuple[str, bool]]:
    """(text, is a heading line) of each source note: the legacy inline lines
    are the source notes without an xml:id, as archcite.grammar.labels says."""
    for m in _SOURCE_NOTE.finditer(text):
        note = _balanced(text, m.start())
        # A nested footnote is its own note, not part of the source line.
        inner = re.sub(r"(<note\b[^>]*>)(.*)(</note>)$", r"\2", note, flags=re.S)
        inner = re.sub(r"<note\b.*?</note>", "", inner, flags=re.S)
        yield _plain(inner), not _XML_ID.search(m.group(0))


def source_notes(corpus: Path) -> Iterator[tuple[str, str, bool]]:
    """``(group, text, heading)`` for every source note of the corpus."""
    for folder in ("frus", "frus-nyr"):
        for path in sorted((corpus / folder).glob("*.xml")):
            for text, heading in _tei_notes(path.read_text(encoding="utf-8")):
                yield f"{folder}/{path.stem}", text, heading
    for path in sorted((corpus / "frus-slices").glob("frus*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for text, heading in _tei_notes(data["text"]):
            yield "frus-slices", text, heading
    for path in sorted((corpus / "frus-notes").glob("*.notes.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("type") == "source":
                xml = rec["xml"]
                heading = not _XML_ID.search(xml.split(">", 1)[0])
                yield f"frus-notes/{rec['volume']}", _plain(xml), heading


def classify(cites: tuple[Citation, ...]) -> str:
    kinds = {c.kind for c in cites}
    if "archival" in kinds:
        return "archival"
    if "published" in kinds:
        return "published"
    if kinds & {"frus", "ibid", "short", "internal"}:
        return "other-citation"
    if kinds <= {"not-a-citation"}:
        return "label-or-prose"
    return "unrecognized"


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=here.parent / "shared" / "corpus")
    ap.add_argument("--show", type=int, default=0, help="list N unrecognized notes")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"coverage: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    per: dict[str, Counter[str]] = {}
    shown = 0
    unrecognized_clauses = 0
    for group, text, heading in source_notes(args.corpus):
        # the pipeline's own decision: a label is not read as a citation
        label = text_label_reason(text, heading=heading)
        cites = (
            (Citation(text, 0, len(text), "not-a-citation", "parsed", reason=label),)
            if label
            else recognize_text(text)
        )
        verdict = classify(cites)
        unrecognized_clauses += sum(1 for c in cites if c.kind == "unrecognized")
        per.setdefault(group, Counter())[verdict] += 1
        if verdict == "unrecognized" and shown < args.show:
            print(f"  UNRECOGNIZED [{group}] {text[:200]}")
            shown += 1
    cols = ("archival", "published", "other-citation", "label-or-prose", "unrecognized")
    print(f"{'group':40} {'notes':>6} " + " ".join(f"{c[:12]:>12}" for c in cols))
    total: Counter[str] = Counter()
    for group in sorted(per):
        c = per[group]
        total.update(c)
        n = sum(c.values())
        print(f"{group:40} {n:6d} " + " ".join(f"{c[k]:12d}" for k in cols))
    n = sum(total.values())
    print(f"{'TOTAL':40} {n:6d} " + " ".join(f"{total[k]:12d}" for k in cols))
    citing = n - total["label-or-prose"]
    recognized = total["archival"] + total["published"] + total["other-citation"]
    print(
        f"\nsource notes: {n}; document labels/prose only: {total['label-or-prose']}; "
        f"notes that cite something: {citing}"
    )
    if citing:
        print(
            f"recognized as archival/published/other: {recognized} "
            f"({100 * recognized / citing:.2f}%); unrecognized: {total['unrecognized']} "
            f"({100 * total['unrecognized'] / citing:.2f}%)"
        )
    print(
        f"unrecognized notes over all source notes: {100 * total['unrecognized'] / n:.2f}%"
    )
    print(f"unrecognized clauses inside source notes: {unrecognized_clauses}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
