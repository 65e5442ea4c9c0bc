"""Ibid., short forms and "hereafter cited as": what points back, and whether it can.

The resolve stage already decided each Ibid.'s and short form's antecedent or
said in ``reason`` why there is none; these rules sort those reasons into the
defects a copy-editor looks for. An Ibid. that fails only because the one before
it failed is not reported again: the first failure is the defect.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields

from archcite.authority import fold
from archcite.check.manuscript import Manuscript
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


@rule("ibid-ambiguous")
def ibid_ambiguous(ms: Manuscript) -> Iterator[Hit]:
    return _ibids(ms, "ibid-ambiguous", "Ibid. after a note with several sources")


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


def _fuller_later(ms: Manuscript, loc: Located) -> Located | None:
    """A later citation of the same document that says more than ``loc``."""
    ref = loc.citation.archival
    ident = _identity(ref)
    if ident is None or ref is None:
        return None
    for later in ms.located[loc.index + 1 :]:
        other = later.citation.archival
        if (
            later.citation.kind == "archival"
            and other is not None
            and _identity(other) == ident
            and _weight(other) > _weight(ref)
        ):
            return later
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


def _declarations(ms: Manuscript) -> Iterator[tuple[Located, str, int]]:
    """(declaring citation, short title, its offset in the note) of each declaration."""
    for loc in ms.located:
        title = (loc.citation.declares or "").strip(' .“”"')
        if title:
            at = find_word(loc.note.text, title, loc.citation.start)
            yield loc, title, at if at >= 0 else loc.citation.start


def _uses(ms: Manuscript, title: str, decl: Located) -> tuple[list[Located], bool]:
    """Citations that write ``title`` before the declaration; whether any after."""
    before: list[Located] = []
    after = False
    for loc in ms.located:
        if loc.index == decl.index:
            continue
        c = loc.citation
        if loc.index > decl.index and c.antecedent == decl.index and c.kind == "short":
            after = True
        elif find_word(c.text, title) >= 0:
            if loc.index < decl.index:
                before.append(loc)
            else:
                after = True
    return before, after


@rule("hereafter-unused")
def hereafter_unused(ms: Manuscript) -> Iterator[Hit]:
    for loc, title, at in _declarations(ms):
        if not _uses(ms, title, loc)[1]:
            yield Hit(
                loc.note,
                at,
                at + len(title),
                f"“{title}” is declared by “hereafter cited as” but never used",
                suggestion="use the short title later, or drop the declaration",
                located=loc,
            )


@rule("hereafter-before-declared")
def hereafter_before_declared(ms: Manuscript) -> Iterator[Hit]:
    for decl, title, _ in _declarations(ms):
        for loc in _uses(ms, title, decl)[0]:
            c = loc.citation
            at = find_word(c.text, title)
            yield Hit(
                loc.note,
                c.start + at,
                c.start + at + len(title),
                f"“{title}” is used before note {decl.note.label} declares it "
                "(“hereafter cited as”)",
                suggestion=f"declare “{title}” at its first use, or spell it out here",
                located=loc,
            )
