"""Ibid., short forms and "hereafter cited as": what points back, and whether it can.

The resolve stage already decided each Ibid.'s and short form's antecedent or
said in ``reason`` why there is none; these rules sort those reasons into the
defects a copy-editor looks for. An Ibid. that fails only because the one before
it failed is not reported again: the first failure is the defect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields

from archcite.authority import fold
from archcite.check.manuscript import CITING, Manuscript
from archcite.check.model import Hit
from archcite.check.names import find_word, name_key
from archcite.check.registry import rule
from archcite.model import ArchivalRef, DocItem, Located

#: ``reason`` prefixes the resolver gives an Ibid. -> the rule that reports them
IBID_REASONS: dict[str, str] = {
    "no earlier citation": "ibid-no-antecedent",
    "the last citation is": "ibid-no-antecedent",
    "an unrecognized citation intervenes": "ibid-after-unrecognized",
    "ambiguous: note": "ibid-ambiguous",
    "Ibid. stands for several documents": "ibid-mismatch",
    "Ibid. it gives": "ibid-mismatch",
}


def ibid_rule(reason: str | None) -> str | None:
    """The rule for an unresolved Ibid.'s ``reason`` (``None``: not a defect here)."""
    if not reason:
        return None
    for prefix, rule_id in IBID_REASONS.items():
        if reason.startswith(prefix):
            return rule_id
    return None


def _ibids(ms: Manuscript, rule_id: str, message: str) -> Iterator[Hit]:
    for loc in ms.citing("ibid"):
        c = loc.citation
        if c.antecedent is None and ibid_rule(c.reason) == rule_id:
            yield Hit(loc.note, c.start, c.end, f"{message}: {c.reason}", located=loc)


@rule("ibid-no-antecedent")
def ibid_no_antecedent(ms: Manuscript) -> Iterator[Hit]:
    return _ibids(ms, "ibid-no-antecedent", "Ibid. has nothing to refer to")


def _sources_before(ms: Manuscript, loc: Located) -> int:
    """How many sources the note before ``loc``'s cites, cross-references to
    other documents of the volume ("Document 123.") not counted: FRUS notes use
    them to name a document, and an Ibid. after them means the file cited."""
    j = loc.index - 1
    while j >= 0 and (
        ms.located[j].note.index == loc.note.index
        or ms.located[j].citation.kind not in CITING
    ):
        j -= 1
    if j < 0:
        return 0
    note = ms.located[j].note.index
    roots = set()
    for other in ms.in_note(ms.located[j].note):
        c = other.citation
        if other.note.index == note and c.kind in CITING and c.kind != "internal":
            roots.add(c.antecedent if c.kind in ("ibid", "short") else other.index)
    return len(roots)


@rule("ibid-ambiguous")
def ibid_ambiguous(ms: Manuscript) -> Iterator[Hit]:
    for hit in _ibids(ms, "ibid-ambiguous", "Ibid. after a note with several sources"):
        assert hit.located is not None
        if _sources_before(ms, hit.located) > 1:
            yield hit


@rule("ibid-after-unrecognized")
def ibid_after_unrecognized(ms: Manuscript) -> Iterator[Hit]:
    return _ibids(
        ms, "ibid-after-unrecognized", "Ibid. follows a citation archcite cannot read"
    )


def _follows_cross_reference(ms: Manuscript, loc: Located) -> bool:
    """Whether the citation right before ``loc`` is a cross-reference inside the
    volume ("see Document 131"). FRUS notes pass over those: "(Airgram A–1933 …;
    both ibid.)" after "see Document 131" means the file of the source note."""
    for j in range(loc.index - 1, -1, -1):
        kind = ms.located[j].citation.kind
        if kind in ("not-a-citation", "unrecognized"):
            continue
        return kind == "internal"
    return False


@rule("ibid-mismatch")
def ibid_mismatch(ms: Manuscript) -> Iterator[Hit]:
    for hit in _ibids(ms, "ibid-mismatch", "Ibid. does not fit the citation before it"):
        loc = hit.located
        assert loc is not None
        c = loc.citation
        located_in = (c.frus is not None and (c.frus.documents or c.frus.pages)) or (
            c.published is not None and c.published.pages
        )
        if not located_in and (c.reason or "").startswith("Ibid. it gives a volume"):
            continue  # "ibid., Vol. VI": as likely a volume of an archival file
        if _follows_cross_reference(ms, loc):
            continue
        yield hit


@rule("ibid-forbidden")
def ibid_forbidden(ms: Manuscript) -> Iterator[Hit]:
    if ms.settings.ibid:
        return
    for loc in ms.citing("ibid"):
        c = loc.citation
        target = ms.at(c.antecedent) if c.antecedent is not None else None
        where = f" (note {target.note.label})" if target is not None else ""
        yield Hit(
            loc.note,
            c.start,
            c.end,
            "the house style does not allow Ibid.",
            suggestion=f"a short form of the source{where}",
            located=loc,
        )


# -- short forms ------------------------------------------------------------------


def _identity(ref: ArchivalRef | None) -> tuple[str, ...] | None:
    """Repository, collection, date and people of a document, when all are known."""
    if ref is None or not ref.item.date or not (ref.item.author or ref.item.recipient):
        return None
    repo = ref.repository_id or fold(ref.repository or ref.repository_as_cited or "")
    surnames = [
        f"{tag}:{name.split()[-1].strip('.,').lower()}"
        for tag, names in (("a", ref.item.author), ("r", ref.item.recipient))
        for name in names
        if name.split()
    ]
    return (repo, name_key(ref.collection or ""), ref.item.date, *sorted(surnames))


def _weight(ref: ArchivalRef) -> int:
    filled = sum(
        1 for f in fields(ArchivalRef) if f.name != "item" and getattr(ref, f.name)
    )
    return filled + sum(1 for f in fields(DocItem) if getattr(ref.item, f.name))


def _full_citations(ms: Manuscript) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Identity -> (index, weight) of every archival citation with one, in order."""
    out: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for loc in ms.citing("archival"):
        ref = loc.citation.archival
        ident = _identity(ref)
        if ident is not None and ref is not None:
            out.setdefault(ident, []).append((loc.index, _weight(ref)))
    return out


def _fuller_later(ms: Manuscript, loc: Located) -> Located | None:
    """A later citation of the same document that says more than ``loc``."""
    ref = loc.citation.archival
    ident = _identity(ref)
    if ident is None or ref is None:
        return None
    weight = _weight(ref)
    for index, other in ms.memo("full-citations", _full_citations).get(ident, ()):
        if index > loc.index and other > weight:
            return ms.located[index]
    return None


@rule("short-before-full")
def short_before_full(ms: Manuscript) -> Iterator[Hit]:
    seen: set[tuple[str, ...]] = set()
    for loc in ms.citing("archival", "short"):
        c = loc.citation
        ident = _identity(c.archival)
        unresolved = (
            c.kind == "short"
            and c.antecedent is None
            and (c.reason or "").startswith("no earlier fuller citation")
        )
        first = c.kind == "archival" and ident is not None and ident not in seen
        if ident is not None:
            seen.add(ident)
        if not (unresolved or first):
            continue
        later = _fuller_later(ms, loc)
        if later is None and not unresolved:
            continue
        where = (
            f"; the full citation comes later, in note {later.note.label}"
            if later is not None
            else ""
        )
        yield Hit(
            loc.note,
            c.start,
            c.end,
            f"short form before any full citation of its source{where}",
            suggestion="give the full citation here and the short form after it",
            located=loc,
        )


@rule("short-ambiguous")
def short_ambiguous(ms: Manuscript) -> Iterator[Hit]:
    for loc in ms.citing("short"):
        c = loc.citation
        if c.antecedent is None and (c.reason or "").startswith("ambiguous"):
            yield Hit(
                loc.note,
                c.start,
                c.end,
                f"short form matches more than one source: {c.reason}",
                suggestion="add the detail that tells the sources apart",
                located=loc,
            )


# -- hereafter cited as ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Declaration:
    located: Located
    title: str
    #: offset of the title in the note (the citation's start when not found)
    at: int
    #: citations that write the title before it is declared
    before: tuple[Located, ...]
    used_after: bool


def _declarations(ms: Manuscript) -> list[_Declaration]:
    """Every "hereafter cited as" declaration, with where its title is written.

    One pass over the citations finds every declared title at once; a title
    declared twice is "before" only up to its first declaration.
    """
    declared: list[tuple[Located, str, int]] = []
    for loc in ms.located:
        title = (loc.citation.declares or "").strip(' .“”"')
        if title:
            at = find_word(loc.note.text, title, loc.citation.start)
            declared.append((loc, title, at if at >= 0 else loc.citation.start))
    if not declared:
        return []
    titles = sorted({t for _, t, _ in declared}, key=len, reverse=True)
    pattern = re.compile(
        "(?<![\\w’'-])(?:" + "|".join(re.escape(t) for t in titles) + ")(?![\\w’'-])"
    )
    written: dict[str, list[int]] = {t: [] for t in titles}
    for loc in ms.located:
        for m in pattern.finditer(loc.citation.text):
            written[m.group()].append(loc.index)
    pointed = {
        loc.citation.antecedent
        for loc in ms.located
        if loc.citation.kind == "short" and loc.citation.antecedent is not None
    }
    first: dict[str, int] = {}
    for loc, title, _ in declared:
        first.setdefault(title, loc.index)
    out: list[_Declaration] = []
    for loc, title, at in declared:
        uses = [i for i in written[title] if i != loc.index]
        before = tuple(
            ms.located[i] for i in uses if i < loc.index and loc.index == first[title]
        )
        used_after = loc.index in pointed or any(i > loc.index for i in uses)
        out.append(_Declaration(loc, title, at, before, used_after))
    return out


@rule("hereafter-unused")
def hereafter_unused(ms: Manuscript) -> Iterator[Hit]:
    for d in ms.memo("declarations", _declarations):
        if not d.used_after:
            yield Hit(
                d.located.note,
                d.at,
                d.at + len(d.title),
                f"“{d.title}” is declared by “hereafter cited as” but never used",
                suggestion="use the short title later, or drop the declaration",
                located=d.located,
            )


@rule("hereafter-before-declared")
def hereafter_before_declared(ms: Manuscript) -> Iterator[Hit]:
    for d in ms.memo("declarations", _declarations):
        for loc in d.before:
            c = loc.citation
            at = find_word(c.text, d.title)
            yield Hit(
                loc.note,
                c.start + at,
                c.start + at + len(d.title),
                f"“{d.title}” is used before note {d.located.note.label} declares it "
                "(“hereafter cited as”)",
                suggestion=f"declare “{d.title}” at its first use, or spell it out here",
                located=loc,
            )
