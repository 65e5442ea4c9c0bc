"""Evaluate the FRUS recognizer against the ``<ref target>`` links of TEI notes.

The gold standard is the Office of the Historian's own markup: inside a note,
``<ref target="frus1961-63v06#d35">`` marks a cross-reference. For every note
of the TEI material in ``../shared/corpus`` (the full volume in ``frus/``, the
pre-review volumes in ``frus-nyr/``, the complete ``<note>`` elements of the
``frus-slices/`` excerpts and the notes of ``frus-notes/``) this module compares
the (volume id, document-or-page) pairs the recognizer finds in the note's
*text* — markup removed — with the pairs of its targets:

==================  =====================================
target              gold pair
==================  =====================================
``#d12``            (current volume, ``d12``)
``#d12fn3``         (current volume, ``d12``)
``#pg_5``           (current volume, ``pg_5``)
``frusX``           (``frusX``, None)
``frusX#d12``       (``frusX``, ``d12``)
``frusX#pg_5``      (``frusX``, ``pg_5``)
==================  =====================================

URLs and ``mailto:`` targets are not FRUS and are ignored.

What the recognizer's citations become:

* documents -> one pair each; otherwise each cited page or range -> its first
  page, and the last page of a range (the gold links both ends of
  "pp. 1032–1073"); a volume without locator -> (volume, None);
* a gold target naming only a volume is satisfied by any pair in that volume
  (the link does not say which page), so pairs of that volume compare as
  (volume, None).

The resolve stage is emulated in the smallest way the gold needs: internal
references go to the note's own volume, an elliptical "vol. ii" to the sibling
of the note's volume, and an "ibid., p. 31" whose antecedent (earlier in the
note, or in the previous note) is a FRUS reference goes to that volume.

Notes listed in ``tests/gold/frus_gold_errors.toml`` (known-wrong gold, each
with its reason) are left out of the scores and reported separately.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from archcite.grammar.frus import parse_ibid_locator, recognize, sibling, with_volume
from archcite.grammar.noncitation import has_anchor
from archcite.grammar.segment import clauses
from archcite.model import FrusRef
from archcite.readers.xmlsafe import parse_bytes

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_WRAP = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0" '
    'xmlns:frus="http://history.state.gov/frus/ns/1.0">{}</TEI>'
)
_NOTE_TAG = re.compile(r"<note\b[^>]*?(/?)>|</note\s*>")

Pair = tuple[str, str | None]
IBID = re.compile(r"\b[Ii]bid\.")
#: a clause that cites some other work (so a later ibid. is not FRUS)
_CITES = re.compile(r"\b(?:pp?\.|vols?\.)\s*[\dixvlc]")


@dataclass(frozen=True, slots=True)
class GoldNote:
    source: str
    volume: str
    note_id: str | None
    text: str
    targets: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.volume}#{self.note_id}"

    @property
    def doc(self) -> str | None:
        m = re.match(r"(d\d+)fn", self.note_id or "")
        return m.group(1) if m else None


def _note_text(note: etree._Element) -> tuple[str, tuple[str, ...]]:
    """Text and ``ref/@target`` of a note, leaving out notes nested in it."""
    parts: list[str] = []
    targets: list[str] = []

    def walk(el: etree._Element) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            if isinstance(child.tag, str) and child.tag != f"{TEI}note":
                if child.tag == f"{TEI}ref" and child.get("target"):
                    targets.append(child.get("target") or "")
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(note)
    return re.sub(r"\s+", " ", "".join(parts)).strip(), tuple(targets)


def _notes_of(root: etree._Element, source: str, volume: str) -> Iterator[GoldNote]:
    for note in root.iter(f"{TEI}note"):
        if note.get("rend") == "inline":
            # pre-review legacy files put document labels ("No. 12.",
            # "[Inclosure 1 in No. 12.]", "File No. 861.51/131") in inline
            # notes: they label the document and are not footnotes.
            continue
        text, targets = _note_text(note)
        yield GoldNote(source, volume, note.get(XML_ID), text, targets)


def complete_notes(fragment: str) -> list[str]:
    """The complete outermost ``<note>…</note>`` elements of a non-well-formed slice.

    Tags are matched with a depth count, so a note nested in another stays
    inside it, and notes cut by the slice edges (an unmatched start or end tag)
    are dropped.
    """
    out: list[str] = []
    depth = 0
    start = -1
    for m in _NOTE_TAG.finditer(fragment):
        if m.group(0).startswith("</"):
            if depth == 0:
                continue  # closes a note that began before the slice
            depth -= 1
            if depth == 0:
                out.append(fragment[start : m.end()])
        elif m.group(1) == "/":
            if depth == 0:
                out.append(m.group(0))
        else:
            if depth == 0:
                start = m.start()
            depth += 1
    return out


def load_notes(corpus: Path) -> Iterator[GoldNote]:
    """Every note of the TEI material under ``corpus`` (``../shared/corpus``)."""
    for path in sorted((corpus / "frus").glob("*.xml")) + sorted(
        (corpus / "frus-nyr").glob("*.xml")
    ):
        root = parse_bytes(path.read_bytes(), str(path))
        yield from _notes_of(root, f"{path.parent.name}/{path.name}", path.stem)
    for path in sorted((corpus / "frus-slices").glob("frus*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for xml in complete_notes(data["text"]):
            root = parse_bytes(_WRAP.format(xml).encode("utf-8"), str(path))
            yield from _notes_of(root, f"frus-slices/{path.name}", data["volume_id"])
    for path in sorted((corpus / "frus-notes").glob("*.notes.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            root = parse_bytes(_WRAP.format(rec["xml"]).encode("utf-8"), str(path))
            for note in _notes_of(root, f"frus-notes/{path.name}", rec["volume"]):
                # only the outer note of the line; nested ones have their own line
                if note.note_id == rec.get("id") or rec.get("id") is None:
                    yield note


def gold_pairs(note: GoldNote) -> set[Pair]:
    pairs: set[Pair] = set()
    for target in note.targets:
        target = target.strip()
        if target.startswith("#"):
            volume, frag = note.volume, target[1:]
        elif target.startswith("frus"):
            volume, _, frag = target.partition("#")
        else:
            continue  # http(s), mailto: not FRUS
        m = re.match(r"(d\d+)(?:fn\w+)?$|(pg_\w+)$", frag)
        if frag and m is None:
            continue
        pairs.add((volume, (m.group(1) or m.group(2)) if m else None))
    return pairs


def ref_pairs(ref: FrusRef) -> set[Pair]:
    if ref.volume_id is None or (ref.internal and not (ref.documents or ref.pages)):
        return set()  # "Supra." names no place a link could point to
    vid = ref.volume_id
    if ref.documents:
        return {(vid, f"d{d}") for d in ref.documents}
    if ref.pages:
        out: set[Pair] = set()
        for page in ref.pages:
            ends = re.findall(
                r"[0-9]+|[ivxlc]+", page.replace(" ff.", "").replace(" et seq.", "")
            )
            out.update((vid, f"pg_{e}") for e in ends[:1] + ends[1:2])
        return out
    return {(vid, None)}


@dataclass
class _State:
    """The stand-in for the resolve stage: the last FRUS volume and where it was."""

    last_volume: str | None = None
    last_note: int = -10


def predict(note: GoldNote, index: int, state: _State) -> set[Pair]:
    """The pairs the recognizer finds in one note, resolved as documented above."""
    pairs: set[Pair] = set()
    for span in clauses(note.text):
        clause = note.text[span.start : span.end]
        refs: list[FrusRef] = []
        for cit in recognize(clause):
            if cit.frus is None:
                continue
            ref = cit.frus
            if cit.kind == "internal":
                ref = with_volume(ref, note.volume)
            elif ref.volume_id is None and ref.subseries is None:
                ref = sibling(ref, note.volume)
            refs.append(ref)
        ibid = parse_ibid_locator(clause) if not refs else None
        if ibid is not None and state.last_volume:
            if ibid.volume:
                refs.append(sibling(ibid, state.last_volume))
            else:
                refs.append(with_volume(ibid, state.last_volume))
        elif (
            not refs
            and (_CITES.search(clause) or has_anchor(clause))
            and not IBID.search(clause)
        ):
            state.last_volume = None  # another work was cited: ibid. is not FRUS now
        for ref in refs:
            pairs |= ref_pairs(ref)
            if ref.volume_id and not ref.internal:
                state.last_volume, state.last_note = ref.volume_id, index
    return pairs


def _collapse(pred: set[Pair], gold: set[Pair]) -> set[Pair]:
    whole = {v for v, loc in gold if loc is None}
    return {(v, None) if v in whole else (v, loc) for v, loc in pred}


@dataclass
class Disagreement:
    key: str
    text: str
    gold: list[str]
    found: list[str]


@dataclass
class Report:
    notes: int = 0
    gold_notes: int = 0
    found_notes: int = 0
    correct_notes: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def note_precision(self) -> float:
        return self._ratio(self.correct_notes, self.found_notes)

    @property
    def note_recall(self) -> float:
        return self._ratio(self.correct_notes, self.gold_notes)

    @property
    def pair_precision(self) -> float:
        return self._ratio(self.tp, self.tp + self.fp)

    @property
    def pair_recall(self) -> float:
        return self._ratio(self.tp, self.tp + self.fn)

    def as_text(self) -> str:
        lines = [
            f"notes: {self.notes}  with gold links: {self.gold_notes}  "
            f"with found pairs: {self.found_notes}  exact: {self.correct_notes}",
            f"notes  precision {self.note_precision:.4f}  recall {self.note_recall:.4f}",
            f"pairs  precision {self.pair_precision:.4f}  recall {self.pair_recall:.4f}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})",
            f"disagreements: {len(self.disagreements)}  "
            f"excluded as gold errors: {len(self.excluded)}",
        ]
        for d in self.disagreements:
            lines.append(f"- {d.key}: gold {d.gold} found {d.found}")
            lines.append(f"    {d.text[:300]}")
        for key, reason in self.excluded:
            lines.append(f"- excluded {key}: {reason}")
        return "\n".join(lines)


def _fmt(pairs: set[Pair]) -> list[str]:
    return sorted(f"{v}#{loc}" if loc else v for v, loc in pairs)


def load_gold_errors(path: Path) -> dict[str, str]:
    """``note key -> reason`` from the documented gold-errors TOML file."""
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = {str(e["note"]): str(e["reason"]) for e in data.get("error", [])}
    # a whole file without gold: key "<volume>#*"
    out |= {f"{e['volume']}#*": str(e["reason"]) for e in data.get("volume", [])}
    return out


def evaluate(corpus: Path, gold_errors: dict[str, str] | None = None) -> Report:
    """Score the recognizer on every note under ``corpus``."""
    errors = gold_errors or {}
    report = Report()
    state = _State()
    current = ""
    for index, note in enumerate(load_notes(corpus)):
        if note.source != current:
            state, current = _State(), note.source
        pred = predict(note, index, state)
        gold = gold_pairs(note)
        if note.key in errors:
            report.excluded.append((note.key, errors[note.key].split("\n")[0]))
            continue
        if f"{note.volume}#*" in errors:
            continue
        pred = _collapse(pred, gold)
        report.notes += 1
        report.gold_notes += bool(gold)
        report.found_notes += bool(pred)
        report.correct_notes += bool(gold) and pred == gold
        report.tp += len(pred & gold)
        report.fp += len(pred - gold)
        report.fn += len(gold - pred)
        if pred != gold:
            report.disagreements.append(
                Disagreement(note.key, note.text, _fmt(gold), _fmt(pred))
            )
    return report


def main(argv: list[str] | None = None) -> int:
    """``python -m archcite.evaluation.frus [CORPUS] [GOLD_ERRORS]``."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    here = Path(__file__).resolve().parents[2]
    corpus = Path(args[0]) if args else here.parent / "shared" / "corpus"
    errors_file = (
        Path(args[1]) if len(args) > 1 else here / "tests/gold/frus_gold_errors.toml"
    )
    report = evaluate(corpus, load_gold_errors(errors_file))
    print(report.as_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
