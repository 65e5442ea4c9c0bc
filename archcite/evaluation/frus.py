"""Evaluate FRUS cross-references against the ``<ref target>`` links of TEI notes.

The gold standard is the Office of the Historian's own markup: inside a note,
``<ref target="frus1961-63v06#d35">`` marks a cross-reference. What is scored
is the shipped pipeline — :func:`archcite.pipeline.locate` (recognize) and
:func:`archcite.pipeline.finish` (resolve, normalize) — run per volume exactly
as ``archcite extract`` runs per file, over the TEI material in
``../shared/corpus``: the full volume in ``frus/`` and the pre-review volumes in
``frus-nyr/`` are read by the TEI reader as they are; the complete ``<note>``
elements of a ``frus-slices/`` excerpt, and the notes of a ``frus-notes/``
volume, are put back into a TEI document of that volume (one ``<div
type="document">`` per document) and read the same way, so every note has its
volume id, document and text as the reader gives them.

Each note's records are compared, as (volume id, document-or-page) pairs, with
the pairs of its targets:

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

What a record with a FRUS reference whose volume is known (``frus``,
``internal``, and a resolved ``ibid`` or ``short``) becomes:

* documents -> one pair each; otherwise each cited page or range -> its first
  page, and the last page of a range (the gold links both ends of
  "pp. 1032–1073"; an abbreviated end is written out, "1286–88" ends at 1288:
  :func:`archcite.authority.frus_pages.page_ends`); a volume without locator ->
  (volume, None);
* a gold target naming only a volume is satisfied by any pair in that volume
  (the link does not say which page), so pairs of that volume compare as
  (volume, None).

Every note is scored, legacy document labels (``<note rend="inline"
type="source">``) and volumes without any link included: a note without links
has empty gold, so a reference archcite finds there is a false positive. Only
single notes listed in ``tests/gold/frus_gold_errors.toml`` (known-wrong gold,
each with its reason) are left out of the scores and reported separately; the
report also gives the pair scores with them counted (the figure issue 11
quotes), the scores of every file, and each missed or spurious pair by the
class of issue 11 it belongs to (:mod:`archcite.evaluation.frus_classes`).
A corpus with no notes at all is an error, not a perfect score.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from archcite import pipeline, readers
from archcite.authority.frus_pages import page_ends
from archcite.errors import InputError
from archcite.evaluation.frus_classes import CLASSES, classify
from archcite.model import FrusRef, Located, Note
from archcite.readers import Source

_TEI_NS = (
    'xmlns="http://www.tei-c.org/ns/1.0" '
    'xmlns:frus="http://history.state.gov/frus/ns/1.0"'
)
_NOTE_TAG = re.compile(r"<note\b[^>]*?(/?)>|</note\s*>")
_NOTE_ID = re.compile(r'<note\b[^>]*?xml:id="([^"]*)"')
_DOC_OF_ID = re.compile(r"(.+?)fn\w*$")

Pair = tuple[str, str | None]


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


def _tei(volume_id: str, docs: Iterable[tuple[str | None, list[str]]]) -> bytes:
    """A TEI document of ``volume_id`` holding the given notes, by document."""
    parts = [f"<TEI {_TEI_NS} xml:id={quoteattr(volume_id)}><text><body>"]
    for doc, notes in docs:
        attr = f" xml:id={quoteattr(doc)}" if doc else ""
        parts.append(f'<div type="document"{attr}>{"".join(notes)}</div>')
    parts.append("</body></text></TEI>")
    return "".join(parts).encode("utf-8")


def _by_document(
    rows: Iterable[tuple[str | None, str]],
) -> list[tuple[str | None, list[str]]]:
    """Consecutive (document, note XML) rows grouped by document, in order."""
    out: list[tuple[str | None, list[str]]] = []
    for doc, xml in rows:
        if out and out[-1][0] == doc:
            out[-1][1].append(xml)
        else:
            out.append((doc, [xml]))
    return out


def _read(name: str, data: bytes) -> list[Note]:
    return list(readers.read(Source(name, data=data), "tei"))


def _slice_doc(xml: str) -> str | None:
    m = _NOTE_ID.match(xml)
    d = _DOC_OF_ID.match(m.group(1)) if m else None
    return d.group(1) if d else None


def load_volumes(corpus: Path) -> Iterator[tuple[str, list[Note]]]:
    """(source name, notes) of each volume of TEI material under ``corpus``."""
    for path in sorted((corpus / "frus").glob("*.xml")) + sorted(
        (corpus / "frus-nyr").glob("*.xml")
    ):
        name = f"{path.parent.name}/{path.name}"
        yield name, _read(name, path.read_bytes())
    for path in sorted((corpus / "frus-slices").glob("frus*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        name = f"frus-slices/{path.name}"
        rows = [(_slice_doc(xml), xml) for xml in complete_notes(data["text"])]
        yield name, _read(name, _tei(data["volume_id"], _by_document(rows)))
    for path in sorted((corpus / "frus-notes").glob("*.notes.jsonl")):
        name = f"frus-notes/{path.name}"
        lines = path.read_text(encoding="utf-8").splitlines()
        recs = [json.loads(line) for line in lines if line.strip()]
        for volume in dict.fromkeys(r["volume"] for r in recs):
            rows = [(r.get("doc"), r["xml"]) for r in recs if r["volume"] == volume]
            notes = _read(name, _tei(volume, _by_document(rows)))
            # a nested note is inside its outer note's line and on a line of
            # its own: keep it once
            seen: set[str] = set()
            kept = []
            for note in notes:
                if note.note_id is not None and note.note_id in seen:
                    continue
                seen.add(note.note_id or "")
                kept.append(note)
            yield name, kept


def gold_pairs(volume: str, targets: Iterable[str]) -> set[Pair]:
    """The (volume, place) pairs of a note's ``<ref target>`` values."""
    pairs: set[Pair] = set()
    for target in targets:
        target = target.strip()
        if target.startswith("#"):
            vol, frag = volume, target[1:]
        elif target.startswith("frus"):
            vol, _, frag = target.partition("#")
        else:
            continue  # http(s), mailto: not FRUS
        m = re.match(r"(d\d+)(?:fn\w+)?$|(pg_\w+)$", frag)
        if frag and m is None:
            continue
        pairs.add((vol, (m.group(1) or m.group(2)) if m else None))
    return pairs


def ref_pairs(ref: FrusRef) -> set[Pair]:
    if ref.volume_id is None or (ref.internal and not (ref.documents or ref.pages)):
        return set()  # "Supra." names no place a link could point to
    vid = ref.volume_id
    if ref.documents:
        return {(vid, f"d{d}") for d in ref.documents}
    if ref.pages:
        return {(vid, f"pg_{end}") for page in ref.pages for end in page_ends(page)}
    return {(vid, None)}


def found_pairs(located: Iterable[Located]) -> dict[int, set[Pair]]:
    """Pairs of the FRUS references in the records, by note index."""
    out: dict[int, set[Pair]] = {}
    for loc in located:
        pairs = out.setdefault(loc.note.index, set())
        if loc.citation.frus is not None:
            pairs |= ref_pairs(loc.citation.frus)
    return out


def _collapse(pred: set[Pair], gold: set[Pair]) -> set[Pair]:
    whole = {v for v, loc in gold if loc is None}
    return {(v, None) if v in whole else (v, loc) for v, loc in pred}


@dataclass
class Disagreement:
    key: str
    text: str
    gold: list[str]
    found: list[str]
    #: the class of issue 11 of each missed ("-") and spurious ("+") pair
    classes: list[str] = field(default_factory=list)


@dataclass
class Tally:
    """Pair counts of a set of notes."""

    notes: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    def add(self, gold: set[Pair], pred: set[Pair]) -> None:
        self.notes += 1
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def as_text(self) -> str:
        return (
            f"precision {self.precision:.4f}  recall {self.recall:.4f}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


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
    #: pair counts by source file (documented gold errors left out)
    files: dict[str, Tally] = field(default_factory=dict)
    #: pair counts with the documented gold errors counted as the gold says
    with_gold_errors: Tally = field(default_factory=Tally)
    #: missed and spurious pairs by class of issue 11
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)

    @property
    def note_precision(self) -> float:
        return _ratio(self.correct_notes, self.found_notes)

    @property
    def note_recall(self) -> float:
        return _ratio(self.correct_notes, self.gold_notes)

    @property
    def pair_precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def pair_recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    def add(
        self,
        key: str,
        text: str,
        gold: set[Pair],
        pred: set[Pair],
        volume: str = "",
        file: str = "",
    ) -> None:
        """Count one note of ``file`` (read as volume ``volume``)."""
        self.notes += 1
        self.gold_notes += bool(gold)
        self.found_notes += bool(pred)
        self.correct_notes += bool(gold) and pred == gold
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)
        self.files.setdefault(file, Tally()).add(gold, pred)
        self.with_gold_errors.add(gold, pred)
        if pred != gold:
            classes = []
            for pair in sorted(gold - pred, key=_pair_key):
                cls = classify(text, volume, pair)
                self.missed[cls] += 1
                classes.append(f"-{_fmt({pair})[0]}: {cls}")
            for pair in sorted(pred - gold, key=_pair_key):
                cls = classify(text, volume, pair)
                self.spurious[cls] += 1
                classes.append(f"+{_fmt({pair})[0]}: {cls}")
            self.disagreements.append(
                Disagreement(key, text, _fmt(gold), _fmt(pred), classes)
            )

    def as_text(self) -> str:
        lines = [
            f"notes: {self.notes}  with gold links: {self.gold_notes}  "
            f"with found pairs: {self.found_notes}  exact: {self.correct_notes}",
            f"notes  precision {self.note_precision:.4f}  recall {self.note_recall:.4f}",
            f"pairs  precision {self.pair_precision:.4f}  recall {self.pair_recall:.4f}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})",
            f"pairs with the documented gold errors counted: "
            f"{self.with_gold_errors.as_text()}",
            f"disagreements: {len(self.disagreements)}  "
            f"excluded as gold errors: {len(self.excluded)}",
            "by file (pairs):",
        ]
        width = max((len(name) for name in self.files), default=0)
        for name, tally in self.files.items():
            lines.append(
                f"  {name:<{width}}  notes {tally.notes:>5}  {tally.as_text()}"
            )
        lines.append("missed / spurious pairs by class of issue 11:")
        for cls, what in CLASSES.items():
            lines.append(
                f"  {cls:>5}  {self.missed[cls]:>4} / {self.spurious[cls]:<4} {what}"
            )
        for d in self.disagreements:
            lines.append(f"- {d.key}: gold {d.gold} found {d.found}")
            lines.append(f"    classes: {'; '.join(d.classes)}")
            lines.append(f"    {d.text[:300]}")
        for key, reason in self.excluded:
            lines.append(f"- excluded {key}: {reason}")
        return "\n".join(lines)


def _pair_key(pair: Pair) -> tuple[str, str]:
    return (pair[0], pair[1] or "")


def _fmt(pairs: set[Pair]) -> list[str]:
    return sorted(f"{v}#{loc}" if loc else v for v, loc in pairs)


def load_gold_errors(path: Path) -> dict[str, str]:
    """``note key -> reason`` from the documented gold-errors TOML file."""
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if "volume" in data:
        # Dropping a whole volume would hide every mistake made in it.
        raise ValueError(f"{path}: only single notes may be listed, not volumes")
    return {str(e["note"]): str(e["reason"]) for e in data.get("error", [])}


def evaluate(corpus: Path, gold_errors: dict[str, str] | None = None) -> Report:
    """Score the pipeline's FRUS references on every note under ``corpus``.

    Raises :class:`~archcite.errors.InputError` when ``corpus`` holds no note:
    an empty or misplaced corpus must not read as a perfect score.
    """
    errors = gold_errors or {}
    report = Report()
    for name, notes in load_volumes(corpus):
        found = found_pairs(pipeline.finish(pipeline.locate(notes)))
        report.files.setdefault(name, Tally())
        for note in notes:
            volume = note.volume_id or ""
            # a label has no xml:id: its running number keeps the key unique
            key = f"{volume}#{note.note_id or 'note' + note.label}"
            gold = gold_pairs(volume, note.refs)
            pred = _collapse(found.get(note.index, set()), gold)
            if key in errors:
                report.excluded.append((key, errors[key].split("\n")[0]))
                report.with_gold_errors.add(gold, pred)
                continue
            report.add(key, note.text, gold, pred, volume, name)
    if report.notes == 0:
        raise InputError("no FRUS TEI notes found (frus/, frus-nyr/, …)", str(corpus))
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
