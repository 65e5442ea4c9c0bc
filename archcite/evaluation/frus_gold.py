"""Evaluate FRUS recognition on hand-written cases: ``tests/gold/frus_*.jsonl``.

Two gold files share one format: ``frus_manuscript.jsonl`` holds FRUS as
historians cite it in manuscripts (class 7 of issue 11: Chicago 17th/18th full
and short notes, *Diplomatic History* and *Journal of American History* house
styles, e-book URLs), ``frus_classes.jsonl`` examples of the other classes of
issue 11 written in the style of the volumes. One case a line::

    {"id": "c3-ibid-supplement", "class": "3", "style": null,
     "volume": "frus1930v01", "doc": "d12",
     "notes": ["Foreign Relations, 1928, vol. ii, p. 40.",
               "See ibid., 1918, supp. 1, vol. ii, p. 77."],
     "refs": [{"volume_id": "frus1918Supp01v02", "pages": ["77"]}],
     "records": [{"kind": "frus", "frus.reason~": "series taken from ibid."}],
     "unrecognized": false}

* ``notes`` are the notes of one document, in order; only the **last** is
  scored (the others give Ibid. its antecedent). With ``volume`` set they are
  notes of that TEI volume (in document ``doc``, default ``d1``), as the TEI
  reader gives them; without it, notes of a manuscript.
* ``refs`` are the FRUS references of the last note: volume id (``null`` for a
  reference whose volume is unknown), documents, pages as written. They are
  compared as the TEI evaluation compares links — (volume, ``dN``) per
  document, (volume, ``pg_N``) for each end of each page or range — with the
  FRUS data of every record of the note (Ibid. and short forms included).
* ``records`` (optional) are checks on single records, each to be met by a
  different record of the note: dotted field paths of the citation record
  (``kind``, ``status``, ``archival.collection``, ``published.volume``,
  ``frus.pages`` …) and their values; a key ending in ``~`` asks for a
  substring (``"reason~"`` searches the record's reason and its FRUS reason).
* ``unrecognized`` (default ``false``): whether the note may keep an
  ``unrecognized`` record.

A case passes when its pairs are exactly the expected ones and every check
holds. The report gives, per class (and per citation style in class 7), the
cases passed and the precision and recall of the pairs; the ids of failing
cases are what the known-failures list of the tests ratchets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archcite import pipeline
from archcite.authority.frus_pages import page_ends
from archcite.errors import InputError
from archcite.model import Located, Note
from archcite.record import to_record

Pair = tuple[str, str]
UNKNOWN = "?"
_KEYS = frozenset(
    {"id", "class", "style", "volume", "doc", "notes", "refs", "records"}
    | {"unrecognized", "comment"}
)


@dataclass(frozen=True)
class Case:
    """One gold case (see the module docstring)."""

    id: str
    cls: str
    notes: tuple[str, ...]
    refs: tuple[Mapping[str, Any], ...]
    records: tuple[Mapping[str, Any], ...] = ()
    style: str | None = None
    volume: str | None = None
    doc: str = "d1"
    unrecognized: bool = False


def _case(raw: Any, where: str) -> Case:
    if not isinstance(raw, dict):
        raise InputError("a case must be a JSON object", where)
    unknown = set(raw) - _KEYS
    if unknown:
        raise InputError(f"unknown keys {sorted(unknown)}", where)
    notes = raw.get("notes")
    if (
        not isinstance(raw.get("id"), str)
        or not isinstance(notes, list)
        or not notes
        or not all(isinstance(n, str) for n in notes)
        or not isinstance(raw.get("refs"), list)
    ):
        raise InputError(
            "a case needs an id, a list of notes and a list of refs", where
        )
    return Case(
        id=raw["id"],
        cls=str(raw.get("class", "")),
        notes=tuple(notes),
        refs=tuple(raw["refs"]),
        records=tuple(raw.get("records", ())),
        style=raw.get("style"),
        volume=raw.get("volume"),
        doc=raw.get("doc") or "d1",
        unrecognized=bool(raw.get("unrecognized", False)),
    )


def load_gold(path: str | Path) -> list[Case]:
    """The cases of a gold file; :class:`InputError` when it is unusable."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", str(p)) from None
    cases: list[Case] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {n}: not JSON ({exc.msg})", str(p)) from None
        cases.append(_case(raw, f"{p}:{n}"))
    ids = [c.id for c in cases]
    if len(set(ids)) != len(ids):
        raise InputError("case ids are not unique", str(p))
    if not cases:
        raise InputError("no cases", str(p))
    return cases


def ref_pairs(
    volume_id: str | None, documents: Iterable[int], pages: Iterable[str]
) -> set[Pair]:
    """The (volume, place) pairs of one reference, as links would name them."""
    vid = volume_id or UNKNOWN
    out = {(vid, f"d{d}") for d in documents}
    for page in pages:
        out.update((vid, f"pg_{end}") for end in page_ends(page))
    if not out and volume_id:
        out.add((vid, ""))
    return out


def _expected_pairs(case: Case) -> set[Pair]:
    out: set[Pair] = set()
    for ref in case.refs:
        out |= ref_pairs(
            ref.get("volume_id"), ref.get("documents", ()), ref.get("pages", ())
        )
    return out


def _notes(case: Case) -> list[Note]:
    if case.volume is None:
        return [
            Note(source=f"{case.id}.txt", label=str(i + 1), index=i, text=t)
            for i, t in enumerate(case.notes)
        ]
    return [
        Note(
            source=f"{case.id}.xml",
            label=str(i + 1),
            index=i,
            text=t,
            doc=case.doc,
            note_id=f"{case.doc}fn{i + 1}",
            volume_id=case.volume,
        )
        for i, t in enumerate(case.notes)
    ]


def _lookup(record: Mapping[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _meets(record: Mapping[str, Any], check: Mapping[str, Any]) -> bool:
    for key, want in check.items():
        if key.endswith("~"):
            path = key[:-1]
            if path == "reason":
                got = f"{record.get('reason') or ''} {_lookup(record, 'frus.reason') or ''}"
            else:
                got = str(_lookup(record, path) or "")
            if str(want) not in got:
                return False
        elif _lookup(record, key) != want:
            return False
    return True


def _unmet(
    records: Sequence[Mapping[str, Any]], checks: Sequence[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    """The checks no distinct record meets (greedy, in order)."""
    free = list(records)
    unmet = []
    for check in checks:
        hit = next((r for r in free if _meets(r, check)), None)
        if hit is None:
            unmet.append(check)
        else:
            free.remove(hit)
    return unmet


@dataclass
class Outcome:
    """What one case gave."""

    case: Case
    expected: set[Pair]
    found: set[Pair]
    problems: list[str]
    records: list[dict[str, Any]]

    @property
    def passed(self) -> bool:
        return not self.problems


def found_pairs(located: Iterable[Located]) -> set[Pair]:
    """The pairs of every record with FRUS data (Ibid. and short forms too)."""
    out: set[Pair] = set()
    for loc in located:
        ref = loc.citation.frus
        if ref is not None:
            out |= ref_pairs(ref.volume_id, ref.documents, ref.pages)
    return out


def run_case(case: Case) -> Outcome:
    """Run the pipeline on the case's notes and check the last one."""
    notes = _notes(case)
    located = pipeline.finish(pipeline.locate(notes))
    last = [loc for loc in located if loc.note.index == len(notes) - 1]
    records = [to_record(loc) for loc in last]
    expected, found = _expected_pairs(case), found_pairs(last)
    problems = []
    if found != expected:
        problems.append(f"pairs: expected {_fmt(expected)}, found {_fmt(found)}")
    for check in _unmet(records, case.records):
        problems.append(f"no record with {json.dumps(check, ensure_ascii=False)}")
    if not case.unrecognized:
        for r in records:
            if r["kind"] == "unrecognized":
                problems.append(f"unrecognized: {r['text']!r}")
    return Outcome(case, expected, found, problems, records)


def _fmt(pairs: set[Pair]) -> str:
    return ", ".join(sorted(f"{v}#{p}" if p else v for v, p in pairs)) or "nothing"


@dataclass
class Group:
    """Counts of one class or style."""

    cases: int = 0
    passed: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, o: Outcome) -> None:
        self.cases += 1
        self.passed += o.passed
        self.tp += len(o.found & o.expected)
        self.fp += len(o.found - o.expected)
        self.fn += len(o.expected - o.found)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "passed": self.passed,
            "pairs": {"tp": self.tp, "fp": self.fp, "fn": self.fn},
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    total: Group = field(default_factory=Group)
    classes: dict[str, Group] = field(default_factory=dict)
    styles: dict[str, Group] = field(default_factory=dict)

    @property
    def failing(self) -> list[str]:
        return [o.case.id for o in self.outcomes if not o.passed]


def evaluate(cases: Iterable[Case]) -> Report:
    report = Report()
    for case in cases:
        o = run_case(case)
        report.outcomes.append(o)
        report.total.add(o)
        report.classes.setdefault(case.cls, Group()).add(o)
        if case.style:
            report.styles.setdefault(case.style, Group()).add(o)
    return report


def _line(name: str, g: Group) -> str:
    return (
        f"{name:<18} {g.passed:>3} of {g.cases:<3} cases  pairs precision "
        f"{g.precision:.4f} recall {g.recall:.4f} (tp {g.tp}, fp {g.fp}, fn {g.fn})"
    )


def format_text(report: Report, show_failures: bool = False) -> str:
    lines = [_line("all", report.total), "by class:"]
    lines += [f"  {_line(k, g)}" for k, g in sorted(report.classes.items())]
    if report.styles:
        lines.append("by style:")
        lines += [f"  {_line(k, g)}" for k, g in sorted(report.styles.items())]
    if show_failures:
        for o in report.outcomes:
            if not o.passed:
                lines.append(f"- {o.case.id} (class {o.case.cls}): {o.case.notes[-1]}")
                lines += [f"    {p}" for p in o.problems]
    return "\n".join(lines) + "\n"


def to_json(report: Report, show_failures: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "all": report.total.as_dict(),
        "classes": {k: g.as_dict() for k, g in sorted(report.classes.items())},
        "styles": {k: g.as_dict() for k, g in sorted(report.styles.items())},
    }
    if show_failures:
        out["failures"] = {
            o.case.id: o.problems for o in report.outcomes if not o.passed
        }
    return out
