#!/usr/bin/env bash
# Run archcite on every bundled sample: write the citation records to out/ and
# print what was found in each, then parse two notes of the seed document.
set -euo pipefail
BIN="${1:-.venv/bin}"
cd "$(dirname "$0")/.."
mkdir -p out
shopt -s nullglob
for f in samples/*.txt samples/manuscript.md samples/*.tex samples/*.docx samples/*.odt samples/tei/*.xml; do
    out="out/$(basename "$f").jsonl"
    rm -f "$out"
    "$BIN/archcite" extract "$f" -o "$out"
    "$BIN/python" - "$f" "$out" <<'PY'
import collections, json, sys
name, path = sys.argv[1], sys.argv[2]
records = [json.loads(line) for line in open(path, encoding="utf-8")]
kinds = collections.Counter(r["kind"] for r in records)
notes = len({r["note_index"] for r in records})
summary = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
print(f"{name:<34} {notes:>3} notes  {len(records):>3} citations  ({summary})")
PY
done
echo
echo '$ archcite parse "For texts, see Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36."'
"$BIN/archcite" parse "For texts, see Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36."
echo
echo "Records for every sample are in out/*.jsonl (one JSON citation record a line)."
