"""Evaluate archival recognition against the gold set ``tests/gold/archival.jsonl``.

The gold file holds one note a line: its text exactly as a reader produces it and
the archival citations a person found in it, with the fields of
``docs/archival-fields.md`` (only the non-null ones). :func:`evaluate` runs the
recognize stage on every gold note, pairs predicted archival citations with gold
ones by how much their spans overlap, and counts each field:

* true positive  — both have the field and the values agree;
* false negative — gold has it, the prediction lacks it or has another value;
* false positive — the prediction has it, gold lacks it or has another value
  (a wrong value is therefore both a false positive and a false negative).

A gold citation no prediction overlaps contributes false negatives for all its
fields; an unpaired predicted archival citation contributes false positives for
all of its fields. Values are compared after whitespace is collapsed; the
canonical repository name must match exactly. Scores are micro-averaged.

Gold citations are of kind ``archival`` or ``short`` (a Chicago short form,
"Kennan to Lippmann, April 6, 1948, Kennan Papers, box 17"); both have the same
fields. Predictions of kind ``short`` are scored only against a gold set that
annotates short forms (the development set does not, and calls them "not an
archival citation"). A predicted citation paired with a gold one of the other
kind still has its fields compared, but the pair is a kind failure
(``NOTE-ID:CITATION-INDEX:kind``) and does not count as a matched citation.

Every failing field becomes a stable identifier ``NOTE-ID:CITATION-INDEX:FIELD``
(``NOTE-ID:extraK:citation`` for a spurious citation), which the known-failures
list of the tests ratchets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from archcite.errors import InputError
from archcite.model import ArchivalRef, Citation, DocItem

#: Fields the gold set does not score: what the authority adds to a citation
#: (``repository_id``, ``in_authority``), and the document's place and number
#: (``docs/archival-fields.md``). Every other field of the model is scored.
UNSCORED = frozenset({"repository_id", "in_authority", "item.place", "item.number"})


def _scored() -> tuple[str, ...]:
    """The fields of :class:`ArchivalRef` in their order, where the document is
    kept before what it is: the ``item.*`` sub-fields of the cited document last."""
    where = [f.name for f in fields(ArchivalRef) if f.name != "item"]
    what = [f"item.{f.name}" for f in fields(DocItem)]
    return tuple(name for name in where + what if name not in UNSCORED)


#: Archival fields compared (``item.*`` are the sub-fields of the cited document).
FIELDS: tuple[str, ...] = _scored()
#: The fields that hold a list (a document's authors and recipients).
_LIST_FIELDS = frozenset(
    f"item.{f.name}"
    for f in fields(DocItem)
    if isinstance(getattr(DocItem(), f.name), tuple)
)
ROLES = ("source", "copy", "printing", "reference")
KINDS = ("archival", "short")
#: ``frus``: published FRUS TEI; ``frus-nyr``: the pre-review volumes of
#: ``corpus/frus-nyr``; ``frus-notes``/``slice``: the other corpus folders.
SOURCES = ("frus-notes", "frus", "frus-nyr", "slice", "written")
#: Groups reported on their own (the targets of the quality section of issue 3).
GROUPS: Mapping[str, tuple[str, ...]] = {
    "repository": ("repository",),
    "box/folder": ("box", "folder"),
    "item": tuple(f for f in FIELDS if f.startswith("item.")),
    # every field that says where the document is kept, in FIELDS order
    "locators": tuple(
        f
        for f in FIELDS
        if not f.startswith("item.")
        and f not in ("repository", "repository_as_cited", "place", "classification")
    ),
}

Value = str | tuple[str, ...]
Recognize = Callable[[str], Sequence[Citation]]
# The reader collapses layout whitespace only; a no-break space is kept.
_SPACE = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class GoldCitation:
    """One hand-annotated archival citation of a gold note."""

    role: str
    text: str
    start: int
    end: int
    fields: Mapping[str, Value]
    #: ``archival`` or ``short``
    kind: str = "archival"


@dataclass(frozen=True, slots=True)
class GoldNote:
    id: str
    source: str
    text: str
    citations: tuple[GoldCitation, ...]
    remark: str | None = None


@dataclass(slots=True)
class Counts:
    """True/false positives and false negatives of one field or group."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """One field the recognizer got wrong, missed or invented."""

    id: str
    #: "missed" | "wrong" | "spurious" | "missed-citation" | "spurious-citation"
    #: | "wrong-kind"
    kind: str
    gold: Value | None
    predicted: Value | None


@dataclass(slots=True)
class Report:
    notes: int = 0
    gold_citations: int = 0
    predicted_citations: int = 0
    matched_citations: int = 0
    fields: dict[str, Counts] = field(
        default_factory=lambda: {f: Counts() for f in FIELDS}
    )
    role: Counts = field(default_factory=Counts)
    #: pairs whose predicted kind differs from the gold kind
    kind_mismatches: int = 0
    failures: list[Failure] = field(default_factory=list)
    recognizer: str = ""

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.fields.values():
            total.add(counts)
        return total

    def group(self, name: str) -> Counts:
        total = Counts()
        for f in GROUPS[name]:
            total.add(self.fields[f])
        return total

    @property
    def citations(self) -> Counts:
        m = self.matched_citations
        return Counts(m, self.predicted_citations - m, self.gold_citations - m)

    def failure_ids(self) -> list[str]:
        return sorted({f.id for f in self.failures})


# ---------------------------------------------------------------- loading gold


def _bad(path: str, lineno: int, message: str) -> InputError:
    return InputError(f"line {lineno}: {message}", path)


def _value(raw: Any, name: str, where: Callable[[str], InputError]) -> Value:
    if name in _LIST_FIELDS:
        if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
            raise where(f"{name} must be a list of non-empty strings")
        return tuple(_norm(x) for x in raw)
    if not isinstance(raw, str) or not raw.strip():
        raise where(f"{name} must be a non-empty string")
    return _norm(raw)


def gold_fields(
    archival: Mapping[str, Any], where: Callable[[str], InputError]
) -> dict[str, Value]:
    """Flatten a gold ``archival`` object to ``{field: value}`` (``item.*`` inlined)."""
    out: dict[str, Value] = {}
    for key, raw in archival.items():
        if key == "item":
            if not isinstance(raw, dict):
                raise where("item must be an object")
            for sub, subraw in raw.items():
                name = f"item.{sub}"
                if name not in FIELDS:
                    raise where(f"unknown item field {sub!r}")
                out[name] = _value(subraw, name, where)
        elif key in FIELDS:
            out[key] = _value(raw, key, where)
        else:
            raise where(f"unknown archival field {key!r}")
    return out


def _citation(raw: Any, text: str, where: Callable[[str], InputError]) -> GoldCitation:
    if not isinstance(raw, dict) or raw.get("kind") not in KINDS:
        raise where("each citation must be an object with kind 'archival' or 'short'")
    role, ctext = raw.get("role"), raw.get("text")
    if role not in ROLES:
        raise where(f"role must be one of {', '.join(ROLES)}")
    if not isinstance(ctext, str) or not ctext:
        raise where("citation text must be a non-empty string")
    start, end = raw.get("start"), raw.get("end")
    if start is None and end is None:
        start = text.find(ctext)
        end = start + len(ctext)
    if (
        not isinstance(start, int)
        or not isinstance(end, int)
        or text[start:end] != ctext
    ):
        raise where(
            f"citation text is not the note text at its offsets: {ctext[:40]!r}"
        )
    archival = raw.get("archival")
    if not isinstance(archival, dict):
        raise where("archival must be an object")
    return GoldCitation(
        role, ctext, start, end, gold_fields(archival, where), raw["kind"]
    )


def parse_gold(lines: Iterable[str], path: str = "gold") -> list[GoldNote]:
    """Parse gold JSON Lines; raise :class:`InputError` on the first bad line."""
    notes: list[GoldNote] = []
    seen: set[str] = set()
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue

        def where(message: str, lineno: int = lineno) -> InputError:
            return _bad(path, lineno, message)

        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise where(f"not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise where("a gold line must be a JSON object")
        nid, source, text = row.get("id"), row.get("source"), row.get("text")
        if not isinstance(nid, str) or not nid or nid in seen:
            raise where("id must be a unique non-empty string")
        if source not in SOURCES:
            raise where(f"source must be one of {', '.join(SOURCES)}")
        if not isinstance(text, str) or not text or text != _norm(text):
            raise where("text must be non-empty with whitespace collapsed")
        cites = row.get("citations")
        if not isinstance(cites, list):
            raise where("citations must be a list")
        if "short" in row:
            # The held-out set's first form: short forms now go in "citations".
            raise where("short forms belong in citations, with kind 'short'")
        remark = row.get("notes")
        seen.add(nid)
        notes.append(
            GoldNote(
                nid,
                source,
                text,
                tuple(_citation(c, text, where) for c in cites),
                remark if isinstance(remark, str) else None,
            )
        )
    return notes


def load_gold(path: str | Path) -> list[GoldNote]:
    """Read a gold file; a missing or malformed file is an :class:`InputError`."""
    p = Path(path)
    try:
        data = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read gold file ({exc})", str(path)) from None
    notes = parse_gold(data.splitlines(), str(path))
    if not notes:
        raise InputError("gold file has no notes", str(path))
    return notes


# ------------------------------------------------------------------ predicting


def default_recognizer() -> tuple[Recognize, str]:
    """The pipeline's recognize stage: what ``archcite parse`` runs."""
    from archcite.grammar.note import recognize_text

    return recognize_text, "archcite.grammar.note.recognize_text"


def predicted_fields(ref: ArchivalRef | None) -> dict[str, Value]:
    """The non-empty fields of a predicted :class:`ArchivalRef`, normalized like gold."""
    if ref is None:
        return {}
    out: dict[str, Value] = {}
    for name in FIELDS:
        if name.startswith("item."):
            raw: Any = getattr(ref.item, name[5:], None)
        else:
            raw = getattr(ref, name, None)
        if name in _LIST_FIELDS:
            values = tuple(
                _norm(x) for x in (raw or ()) if isinstance(x, str) and x.strip()
            )
            if values:
                out[name] = values
        elif isinstance(raw, str) and raw.strip():
            out[name] = _norm(raw)
    return out


# ------------------------------------------------------------------ comparing


def _pair(gold: Sequence[GoldCitation], pred: Sequence[Citation]) -> dict[int, int]:
    """Pair gold with predicted citations one-to-one, largest span overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                candidates.append((-overlap, abs(gi - pi), gi, pi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in sorted(candidates):
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def _compare(
    report: Report, fid: str, gold: Mapping[str, Value], pred: Mapping[str, Value]
) -> None:
    for name in FIELDS:
        g, p = gold.get(name), pred.get(name)
        counts = report.fields[name]
        if g is not None and p is not None and g == p:
            counts.tp += 1
            continue
        if g is None and p is None:
            continue
        if g is not None:
            counts.fn += 1
        if p is not None:
            counts.fp += 1
        kind = "missed" if p is None else "spurious" if g is None else "wrong"
        report.failures.append(Failure(f"{fid}:{name}", kind, g, p))


def evaluate(notes: Sequence[GoldNote], recognize: Recognize | None = None) -> Report:
    """Run ``recognize`` (default: the pipeline's) on every gold note and score it."""
    label = "custom"
    if recognize is None:
        recognize, label = default_recognizer()
    report = Report(notes=len(notes), recognizer=label)
    kinds = {"archival"} | {c.kind for n in notes for c in n.citations}
    for note in notes:
        pred = [c for c in recognize(note.text) if c.kind in kinds]
        report.gold_citations += len(note.citations)
        report.predicted_citations += len(pred)
        pairs = _pair(note.citations, pred)
        report.matched_citations += len(pairs)
        for gi, pi in pairs.items():
            if pred[pi].kind != note.citations[gi].kind:
                report.matched_citations -= 1
                report.kind_mismatches += 1
                report.failures.append(
                    Failure(
                        f"{note.id}:{gi}:kind",
                        "wrong-kind",
                        note.citations[gi].kind,
                        pred[pi].kind,
                    )
                )
        for gi, g in enumerate(note.citations):
            fid = f"{note.id}:{gi}"
            if gi not in pairs:
                report.failures.append(
                    Failure(f"{fid}:citation", "missed-citation", g.text, None)
                )
                _compare(report, fid, g.fields, {})
                report.role.fn += 1
                continue
            p = pred[pairs[gi]]
            _compare(report, fid, g.fields, predicted_fields(p.archival))
            if p.role == g.role:
                report.role.tp += 1
            else:
                report.role.fp += 1
                report.role.fn += 1
                report.failures.append(Failure(f"{fid}:role", "wrong", g.role, p.role))
        unpaired = sorted(set(range(len(pred))) - set(pairs.values()))
        for pi in unpaired:
            fid = f"{note.id}:extra{pi}"
            report.failures.append(
                Failure(f"{fid}:citation", "spurious-citation", None, pred[pi].text)
            )
            _compare(report, fid, {}, predicted_fields(pred[pi].archival))
    return report


# ------------------------------------------------------------------ reporting


def _fmt(value: Value | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return "[" + "; ".join(value) + "]"
    return value


def format_text(report: Report, show_failures: bool = False) -> str:
    """A plain-text table of scores, and (optionally) every failure."""
    lines = [
        f"archival gold evaluation: {report.notes} notes, recognizer {report.recognizer}",
        f"citations: gold {report.gold_citations}, predicted {report.predicted_citations}, "
        f"matched {report.matched_citations} (same kind), "
        f"kind mismatches {report.kind_mismatches}",
        "",
        f"{'field':<22}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}",
    ]

    def row(name: str, c: Counts) -> str:
        return (
            f"{name:<22}{c.tp + c.fn:>6}{c.tp + c.fp:>6}{c.tp:>6}"
            f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
        )

    for name in FIELDS:
        c = report.fields[name]
        if c.tp or c.fp or c.fn:
            lines.append(row(name, c))
    lines.append("-" * 64)
    lines.append(row("citations (span+kind)", report.citations))
    lines.append(row("role", report.role))
    for name in GROUPS:
        lines.append(row(f"[{name}]", report.group(name)))
    lines.append(row("OVERALL (micro)", report.overall))
    lines.append(f"failures: {len(report.failure_ids())}")
    if show_failures:
        lines.append("")
        for f in sorted(report.failures, key=lambda f: f.id):
            lines.append(
                f"FAIL {f.id}  {f.kind}  gold={_fmt(f.gold)}  pred={_fmt(f.predicted)}"
            )
    return "\n".join(lines) + "\n"


def to_json(report: Report, show_failures: bool = False) -> dict[str, Any]:
    """The report as JSON-ready data."""
    data: dict[str, Any] = {
        "notes": report.notes,
        "recognizer": report.recognizer,
        "citations": {
            "gold": report.gold_citations,
            "predicted": report.predicted_citations,
            "matched": report.matched_citations,
            "kind_mismatches": report.kind_mismatches,
            **report.citations.as_dict(),
        },
        "fields": {n: c.as_dict() for n, c in report.fields.items()},
        "role": report.role.as_dict(),
        "groups": {n: report.group(n).as_dict() for n in GROUPS},
        "overall": report.overall.as_dict(),
        "failure_count": len(report.failure_ids()),
    }
    if show_failures:
        data["failures"] = [
            {
                "id": f.id,
                "kind": f.kind,
                "gold": list(f.gold) if isinstance(f.gold, tuple) else f.gold,
                "predicted": list(f.predicted)
                if isinstance(f.predicted, tuple)
                else f.predicted,
            }
            for f in sorted(report.failures, key=lambda f: f.id)
        ]
    return data
