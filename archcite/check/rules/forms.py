"""One source, one form: repositories, collections and the FRUS series title.

Each rule groups the citations of one repository (collection, series) and
compares the forms the manuscript writes it in. A form declared by "hereafter
cited as" is the manuscript's own abbreviation and is not counted against it.
The form suggested is the house form (settings), else the authority's canonical
name whenever the authority knows the name (whether or not the manuscript uses
it: an informal form is not made the rule by being frequent), else the form the
manuscript uses most (the earliest of equals); every citation in another form
is reported, with all forms and their counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from archcite.authority import authority, fold
from archcite.check.manuscript import Manuscript
from archcite.check.model import Hit
from archcite.check.names import declared_forms, find_word, name_key
from archcite.check.registry import rule
from archcite.check.vocabulary import vocabulary
from archcite.model import Located


@dataclass(frozen=True, slots=True)
class _Use:
    """One citation's form of a name, at ``start`` in its note."""

    located: Located
    form: str
    start: int


def _counts(uses: Sequence[_Use]) -> str:
    counted = Counter(u.form for u in uses)
    order = list(dict.fromkeys(u.form for u in uses))
    return ", ".join(f"“{f}” ×{counted[f]}" for f in order)


def _target(
    uses: Sequence[_Use], house: str | None, canonical: str | None
) -> tuple[str, str]:
    """The suggested form and why: house form, canonical name, form used most."""
    if house:
        return house, "the house form"
    if canonical:
        return canonical, "the canonical name"
    counted = Counter(u.form for u in uses)
    best = max(counted.values())
    return next(u.form for u in uses if counted[u.form] == best), "the form used most"


def _report(uses: Sequence[_Use], what: str, target: str, why: str) -> Iterator[Hit]:
    listing = _counts(uses)
    forms = {u.form for u in uses}
    for use in uses:
        if use.form == target:
            continue
        yield Hit(
            use.located.note,
            use.start,
            use.start + len(use.form),
            f"“{use.form}” here, but the manuscript writes {what} "
            f"{len(forms)} ways: {listing}",
            suggestion=f"“{target}” ({why})",
            replacement=target,
            located=use.located,
        )


def _declared_here(form: str, loc: Located, declared: dict[str, int]) -> bool:
    at = declared.get(form)
    return at is not None and at <= loc.index


@rule("repository-forms")
def repository_forms(ms: Manuscript) -> Iterator[Hit]:
    declared = declared_forms(ms)
    groups: dict[str, list[_Use]] = {}
    names: dict[str, str | None] = {}
    for loc in ms.citing("archival", "short", "ibid"):
        c = loc.citation
        a = c.archival
        if a is None or not a.repository_as_cited or not a.repository:
            continue
        # An Ibid. or short form carries its antecedent's repository: only a
        # name it writes itself is its own form.
        at = find_word(c.text, a.repository_as_cited)
        if at < 0 or _declared_here(a.repository_as_cited, loc, declared):
            continue
        key = a.repository_id or fold(a.repository)
        # Without an authority entry, a.repository is only the cited form again.
        names[key] = a.repository if a.repository_id else None
        groups.setdefault(key, []).append(
            _Use(loc, a.repository_as_cited, c.start + at)
        )
    for key, uses in groups.items():
        house = ms.settings.repositories.get(key)
        forms = {u.form for u in uses}
        if len(forms) < 2 and (house is None or forms == {house}):
            continue
        target, why = _target(uses, house, names[key])
        yield from _report(uses, names[key] or target, target, why)


def _collection_form(
    repo_id: str | None, collection: str, text: str
) -> tuple[str, str, str | None] | None:
    """(group key, form as written, canonical name) of a cited collection."""
    table = authority()
    hit = table.collection(repo_id, collection)
    if hit is not None:
        coll, _ = hit
        spellings = sorted(
            {coll.name, *coll.variants, *coll.abbreviations}, key=len, reverse=True
        )
        for form in spellings:
            if find_word(text, form) >= 0:
                return coll.id, form, coll.name
        return None
    if find_word(text, collection) < 0:
        return None
    return name_key(collection), collection, None


@rule("collection-forms")
def collection_forms(ms: Manuscript) -> Iterator[Hit]:
    declared = declared_forms(ms)
    groups: dict[tuple[str, ...], list[_Use]] = {}
    canon: dict[tuple[str, ...], str | None] = {}
    for loc in ms.citing("archival", "short"):
        c = loc.citation
        a = c.archival
        if a is None or not a.collection:
            continue
        repo = a.repository_id or fold(a.repository or a.repository_as_cited or "")
        found = _collection_form(a.repository_id, a.collection, c.text)
        if found is None:
            continue
        coll, form, canonical = found
        if not _declared_here(form, loc, declared):
            at = find_word(c.text, form)
            groups.setdefault((repo, coll), []).append(_Use(loc, form, c.start + at))
            canon[(repo, coll)] = canonical
        if a.series and find_word(c.text, a.series) >= 0:
            skey = (repo, coll, name_key(a.series))
            at = find_word(c.text, a.series)
            groups.setdefault(skey, []).append(_Use(loc, a.series, c.start + at))
            canon[skey] = None
    for group, uses in groups.items():
        if len({u.form for u in uses}) < 2:
            continue
        target, why = _target(uses, None, canon[group])
        what = "series" if len(group) == 3 else "collection"
        yield from _report(uses, f"the {what} {target}", target, why)


@rule("frus-series-title")
def frus_series_title(ms: Manuscript) -> Iterator[Hit]:
    vocab = vocabulary()
    declared = declared_forms(ms)
    seen_volumes: set[str] = set()
    uses: list[_Use] = []
    for loc in ms.citing("frus"):
        c = loc.citation
        m = vocab.series_re.search(c.text)
        volume = c.frus.volume_id if c.frus is not None else None
        # A volume archcite cannot identify is taken as cited for the first time.
        first = volume is None or volume not in seen_volumes
        if volume is not None:
            seen_volumes.add(volume)
        if m is None:
            continue
        form = m.group()
        # The first citation of a volume may spell the title out in full.
        if (first and form in vocab.series_full) or _declared_here(form, loc, declared):
            continue
        uses.append(_Use(loc, form, c.start + m.start()))
    if len({u.form for u in uses}) < 2:
        return
    target, why = _target(uses, None, None)
    yield from _report(uses, "the FRUS series title", target, why)
