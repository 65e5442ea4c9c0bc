"""Resolve stage: Ibid., short forms and internal FRUS references -> antecedents.

One ordered pass over ONE document's citations (the pipeline calls it per
source file). Each ``ibid``, ``short`` and ``internal`` citation leaves with
either an ``antecedent`` (the ``Located.index`` of the citation it stands for)
or a ``reason`` saying why not. The resolver is conservative, as eyecite,
CiteURL and FRUS-Explorer are: a wrong antecedent is worse than none.

Rules, in the order they are applied to an Ibid.:

1. An Ibid. whose words are not finer locators (``partial``) inherits nothing.
2. Inside a note, an Ibid. refers to the citation right before it in that note.
3. Otherwise it refers to the last citation of the previous note that has
   citations, which must be in the same TEI document and at most
   :data:`IBID_NOTE_REACH` notes back, and must be that note's only source
   (after a note with several, Ibid. is ambiguous — Chicago, CSL #122; a note
   whose citations all resolve to one source counts as one).
4. An ``unrecognized`` citation there breaks the chain (eyecite's
   ``UnknownCitation``); ``not-a-citation`` clauses are transparent.
5. Ibid. after Ibid. (or after a short form) resolves to the same ultimate
   source, with the locators accumulated along the chain.

Fields are merged by level: the antecedent's repository, record group,
collection and series are inherited; from the highest level the Ibid. gives
downwards, the Ibid.'s own locators replace the antecedent's (a new box drops
the old folder; a new folder keeps the box). The document itself (``item``,
``classification``) is inherited only when the Ibid. is the whole note, since
"X's memorandum is ibid., 092 Bonin Islands" names a different document.

Short forms: an archival citation that matches an earlier, fuller one by
identity (repository + collection + item author/recipient/date) within
:data:`SHORT_FORM_REACH` citations becomes kind ``short``; a clause starting
with a title declared by "hereafter cited as X" resolves to the declaring
citation. Internal FRUS references take the note's volume (TEI) or the last
FRUS volume cited earlier in the document.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any, Final, cast

from archcite.grammar.shortforms import Locators, locators
from archcite.model import (
    ArchivalRef,
    Citation,
    DocItem,
    FrusRef,
    Located,
    Note,
    PublishedRef,
)

#: An Ibid. may refer at most this many notes back (FRUS-Explorer's ``ibidReach``);
#: notes without citations ("Not printed.") in between are allowed.
IBID_NOTE_REACH: Final = 3
#: A short form is matched by identity against at most this many earlier citations.
SHORT_FORM_REACH: Final = 50

# Archival fields from the largest unit to the smallest (docs/archival-fields.md).
# Fields on one level are replaced together.
_LEVELS: Final[tuple[tuple[str, ...], ...]] = (
    ("repository", "repository_as_cited", "place", "repository_id", "in_authority"),
    ("record_group",),
    ("entry",),
    ("collection",),
    ("series",),
    ("lot", "job", "accession"),
    ("box", "reel"),
    ("file_unit", "folder", "file_number", "frames"),
)
#: The first level of *finer* locators, the only ones a short form may change.
_FINER: Final = 6
_LOCATION_FIELDS: Final = tuple(
    name for level in _LEVELS for name in level if name not in ("place", "in_authority")
)
_REFERRING: Final = ("ibid", "short")
_DECLARATION: Final = re.compile(
    r"^[\s(\[“\"‘]*(?:hereafter|henceforth|cited\s+(?:hereafter\s+)?as)\b",
    re.IGNORECASE,
)


# -- the FRUS helper's hook ---------------------------------------------------


_FrusHook = Callable[[FrusRef, str], FrusRef]


@cache
def _frus_hook(name: str) -> _FrusHook | None:
    """A function of the FRUS grammar (``with_volume``, ``sibling``) when present.

    Looked up at run time so that this pass works, less well, without it.
    """
    try:
        module = importlib.import_module("archcite.grammar.frus")
    except ImportError:
        return None
    return cast("_FrusHook | None", getattr(module, name, None))


def _with_volume(ref: FrusRef, volume_id: str) -> FrusRef:
    """Place ``ref`` in volume ``volume_id`` (the FRUS grammar fills title, URLs)."""
    fn = _frus_hook("with_volume")
    if fn is None:
        return replace(ref, volume_id=volume_id)
    return fn(ref, volume_id)


def _sibling(ref: FrusRef, volume_id: str) -> FrusRef | None:
    """``ref`` ("vol. VIII, Document 68") placed among the siblings of
    ``volume_id`` (same subseries), or ``None`` when that is not certain."""
    fn = _frus_hook("sibling")
    if fn is None:
        return None
    found = fn(ref, volume_id)
    return found if found.volume_id else None


# -- small predicates -----------------------------------------------------------


def _note_key(note: Note) -> tuple[str, int]:
    return (note.source, note.index)


def _locates(ref: ArchivalRef) -> bool:
    return any(getattr(ref, name) for name in _LOCATION_FIELDS)


def _is_declaration(c: Citation) -> bool:
    """A clause that only declares a short title: "(hereafter cited as NSF, JFKL)"."""
    return c.declares is not None and bool(_DECLARATION.match(c.text))


def _is_real(c: Citation) -> bool:
    """Whether ``c`` counts as a citation for Ibid.: not prose, not a bare
    document description ("Memorandum from McNaughton, June 1") that only
    names the item the following Ibid. locates, not a "hereafter" clause."""
    if c.kind == "not-a-citation" or _is_declaration(c):
        return False
    return not (
        c.kind == "archival"
        and c.frus is None
        and c.published is None
        and (c.archival is None or not _locates(c.archival))
    )


def _alone(loc: Located) -> bool:
    """Whether the citation is the whole note ("Ibid." or "Ibid., 45.")."""
    strip = " \t\n.;,()[]"
    return loc.note.text.strip(strip) == loc.citation.text.strip(strip)


def _ultimate(loc: Located) -> int:
    c = loc.citation
    if c.kind in _REFERRING and c.antecedent is not None:
        return c.antecedent
    return loc.index


def _refuse(c: Citation, reason: str) -> Citation:
    return replace(c, antecedent=None, reason=reason)


# -- merging fields ---------------------------------------------------------------


def merge_archival(
    base: ArchivalRef,
    over: ArchivalRef | None,
    *,
    floor: int = 0,
    keep_item: bool = True,
) -> ArchivalRef:
    """``base`` with the levels ``over`` gives (at or below ``floor``) replaced.

    From the highest level ``over`` gives downwards every field comes from
    ``over`` (``None`` where it has none): a new box does not keep the old
    folder. Levels above are inherited from ``base``.
    """
    merged = base
    if over is not None:
        given = [
            n
            for n, level in enumerate(_LEVELS)
            if n >= floor
            and any(getattr(over, f) for f in level if f != "in_authority")
        ]
        if given:
            changes: dict[str, Any] = {
                f: getattr(over, f) for level in _LEVELS[min(given) :] for f in level
            }
            merged = replace(base, **changes)
    if not keep_item:
        merged = replace(merged, item=DocItem(), classification=None)
    return merged


def _split_pages(pages: str | None) -> tuple[str, ...]:
    if not pages:
        return ()
    return tuple(p.strip() for p in pages.split(",") if p.strip())


@dataclass(frozen=True, slots=True)
class _Want:
    """The locators a referring citation adds, flattened."""

    archival: ArchivalRef | None = None
    volume: str | None = None
    pages: tuple[str, ...] = ()
    documents: tuple[int, ...] = ()
    whole: bool = field(default=False)

    @classmethod
    def of(cls, c: Citation | Locators, whole: bool) -> _Want:
        frus, pub = c.frus, c.published
        volume = (frus.volume if frus else None) or (pub.volume if pub else None)
        pages = (
            frus.pages
            if frus and frus.pages
            else _split_pages(pub.pages if pub else None)
        )
        docs = frus.documents if frus else ()
        return cls(c.archival, volume, pages, docs, whole)


def _merge(c: Citation, base: Citation, want: _Want) -> Citation | str:
    """``c`` with fields inherited from ``base``, or the reason it cannot be."""
    if base.frus is not None:
        if want.archival is not None:
            return "it gives an archival locator, but the citation it follows is FRUS"
        frus = base.frus
        if want.volume and want.volume.lower() != (frus.volume or "").lower():
            # "ibid., vol. VIII, Document 68" after a 1961–1963 volume: volume
            # VIII of the same subseries, when the FRUS catalog knows it.
            ref = FrusRef(
                volume=want.volume, documents=want.documents, pages=want.pages
            )
            sib = _sibling(ref, frus.volume_id) if frus.volume_id else None
            if sib is None:
                return (
                    f"it names vol. {want.volume}, but the citation it follows is "
                    f"{frus.volume_id or 'another volume'}; the volume is not guessed"
                )
            return replace(c, archival=None, frus=sib, published=None)
        if want.documents or want.pages:
            frus = replace(
                frus, documents=want.documents, pages=want.pages, footnotes=(), urls=()
            )
            if frus.volume_id:
                frus = _with_volume(frus, frus.volume_id)
        return replace(c, archival=None, frus=frus, published=None)
    if base.archival is not None and _locates(base.archival):
        if want.volume or want.documents:
            return "it gives a volume or document number, but the citation it follows is archival"
        archival = merge_archival(base.archival, want.archival, keep_item=want.whole)
        # A page of an archival document has no ArchivalRef field; it is kept as
        # the pinpoint of the citation rather than dropped.
        published = PublishedRef(pages=", ".join(want.pages)) if want.pages else None
        return replace(c, archival=archival, frus=None, published=published)
    if base.published is not None:
        if want.archival is not None:
            return "it gives an archival locator, but the citation it follows is a published work"
        if want.documents:
            return "it gives document numbers, but the citation it follows is not FRUS"
        pub = base.published
        if want.volume and want.volume != pub.volume:
            pub = replace(pub, volume=want.volume, pages=None, date=None)
        if want.pages or want.volume:
            pub = replace(pub, pages=", ".join(want.pages) or None)
        return replace(c, archival=None, frus=None, published=pub)
    return "the citation it follows has no fields to inherit"


# -- the pass ----------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    """What the pass remembers as it walks the document."""

    out: list[Located] = field(default_factory=list)
    #: declared short title (normalized) -> position of the declaring citation
    declared: dict[str, int] = field(default_factory=dict)
    #: (volume id, index of the citation that named it) of the last FRUS volume
    last_frus: tuple[str, int] | None = None


def _ibid_target(pos: int, loc: Located, out: Sequence[Located]) -> int | str:
    """The position of the citation an Ibid. at ``pos`` refers to, or a reason."""
    key = _note_key(loc.note)
    j = pos - 1
    while j >= 0 and _note_key(out[j].note) == key:
        if _is_real(out[j].citation):
            return j
        j -= 1
    while j >= 0 and not _is_real(out[j].citation):
        j -= 1
    if j < 0:
        return "no earlier citation"
    prev = out[j]
    if (
        loc.note.doc is not None
        and prev.note.doc is not None
        and prev.note.doc != loc.note.doc
    ):
        return f"no earlier citation in document {loc.note.doc}"
    gap = loc.note.index - prev.note.index
    if gap > IBID_NOTE_REACH:
        return (
            f"the last citation is {gap} notes back (Ibid. reaches {IBID_NOTE_REACH})"
        )
    if prev.citation.kind == "unrecognized":
        return "an unrecognized citation intervenes"
    # Several citations in that note make the Ibid. ambiguous, unless they all
    # stand for one source ("ibid., Box 12 … ibid." in the note before).
    prev_key = _note_key(prev.note)
    roots: set[int] = set()
    count = 0
    k = j
    while k >= 0 and _note_key(out[k].note) == prev_key:
        if _is_real(out[k].citation):
            count += 1
            roots.add(_ultimate(out[k]))
        k -= 1
    if len(roots) > 1:
        return f"ambiguous: note {prev.note.label} before it has {count} citations"
    return j


def _resolve_ibid(pos: int, loc: Located, out: Sequence[Located]) -> Citation:
    c = loc.citation
    if c.status == "partial":
        return _refuse(c, c.reason or "words after Ibid. are not a finer locator")
    target = _ibid_target(pos, loc, out)
    if isinstance(target, str):
        return _refuse(c, target)
    base = out[target]
    bc = base.citation
    if bc.kind == "unrecognized":
        return _refuse(c, "an unrecognized citation intervenes")
    if bc.kind in _REFERRING and bc.antecedent is None:
        return _refuse(c, "the Ibid. or short form before it did not resolve")
    if bc.kind == "internal" and (bc.frus is None or bc.frus.volume_id is None):
        return _refuse(c, "the FRUS reference before it has no known volume")
    merged = _merge(c, bc, _Want.of(c, _alone(loc)))
    if isinstance(merged, str):
        return _refuse(c, "Ibid. " + merged)
    return replace(merged, antecedent=_ultimate(base), reason=None)


def _norm_title(text: str) -> str:
    return " ".join(text.strip(" \t\n“”\"'‘’.,;:()").split())


def _declared_match(c: Citation, declared: dict[str, int]) -> tuple[int, str] | None:
    """(position of the declaring citation, rest of the text) when ``c`` starts
    with a title declared by "hereafter cited as"."""
    text = c.text.lstrip(' ([“"‘')
    for title in sorted(declared, key=len, reverse=True):
        if text.startswith(title):
            after = text[len(title) : len(title) + 1]
            if not after or after in " ,.;:)":
                return declared[title], text[len(title) :]
    return None


def _resolve_declared(
    loc: Located, match: tuple[int, str], out: Sequence[Located]
) -> Citation | None:
    c = loc.citation
    decl_pos, rest = match
    found = locators(rest)
    if c.kind == "archival" and c.status == "parsed" and found.rest:
        return None  # a full citation that merely starts with the title
    base = out[decl_pos]
    short = replace(
        c,
        kind="short",
        status="partial" if found.rest else "parsed",
        archival=found.archival,
        published=found.published,
        frus=found.frus,
    )
    merged = _merge(
        short, base.citation, _Want.of(found, _alone(loc) and not rest.strip())
    )
    if isinstance(merged, str):
        return _refuse(short, "the short title's locators do not fit: " + merged)
    return replace(merged, antecedent=_ultimate(base), reason=None)


def _surnames(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n.split()[-1].lower().strip(".,") for n in names if n.split())


def _identity(ref: ArchivalRef | None) -> tuple[str, ...] | None:
    """Repository + collection + item author/recipient/date, when all are known."""
    if ref is None:
        return None
    repo = ref.repository or ref.repository_as_cited
    item = ref.item
    if not repo or not item.date or not (item.author or item.recipient):
        return None
    return (
        _norm_title(repo).lower(),
        _norm_title(ref.collection or "").lower(),
        item.date,
        *("a:" + s for s in _surnames(item.author)),
        *("r:" + s for s in _surnames(item.recipient)),
    )


def _weight(ref: ArchivalRef) -> int:
    filled = sum(
        1 for f in fields(ArchivalRef) if f.name != "item" and getattr(ref, f.name)
    )
    return filled + sum(1 for f in fields(DocItem) if getattr(ref.item, f.name))


def _resolve_identity(
    pos: int, loc: Located, out: Sequence[Located]
) -> Citation | None:
    """Match an archival or short citation to an earlier fuller one."""
    c = loc.citation
    ident = _identity(c.archival)
    if ident is None or c.archival is None:
        return None
    seen = 0
    matches: list[int] = []
    for j in range(pos - 1, -1, -1):
        prev = out[j].citation
        if not _is_real(prev):
            continue
        seen += 1
        if seen > SHORT_FORM_REACH:
            break
        if prev.kind in ("archival", "short") and _identity(prev.archival) == ident:
            matches.append(j)
    if not matches:
        return None
    roots = {_ultimate(out[j]) for j in matches}
    if len(roots) > 1:
        if c.kind == "short":
            return _refuse(c, f"ambiguous: {len(roots)} earlier citations match it")
        return None
    base = out[matches[0]]
    if base.citation.archival is None:  # cannot happen: matched by identity
        return None
    if c.kind != "short" and _weight(base.citation.archival) <= _weight(c.archival):
        return None  # a repeated full citation, not a short form
    archival = merge_archival(base.citation.archival, c.archival, floor=_FINER)
    filled = {
        f.name: getattr(c.archival.item, f.name)
        for f in fields(DocItem)
        if not getattr(archival.item, f.name) and getattr(c.archival.item, f.name)
    }
    archival = replace(archival, item=replace(archival.item, **filled))
    return replace(
        c, kind="short", archival=archival, antecedent=_ultimate(base), reason=None
    )


def _resolve_internal(loc: Located, state: _State) -> Citation:
    c = loc.citation
    ref = c.frus or FrusRef(internal=True)
    if ref.volume_id:
        return c
    if loc.note.volume_id:
        # The document being read is itself the volume: nothing is guessed.
        return replace(c, frus=_with_volume(ref, loc.note.volume_id), reason=None)
    if state.last_frus is not None:
        volume_id, index = state.last_frus
        return replace(
            c, frus=_with_volume(ref, volume_id), antecedent=index, reason=None
        )
    return _refuse(c, "no FRUS volume in context")


def _step(pos: int, loc: Located, state: _State) -> Citation:
    c = loc.citation
    out = state.out
    if c.kind == "ibid":
        return _resolve_ibid(pos, loc, out)
    if c.kind == "internal":
        return _resolve_internal(loc, state)
    if state.declared and (
        c.kind in ("unrecognized", "archival", "short") or c.status == "partial"
    ):
        match = _declared_match(c, state.declared)
        if match is not None and match[0] < pos:
            resolved = _resolve_declared(loc, match, out)
            if resolved is not None:
                return resolved
    if c.kind in ("archival", "short"):
        resolved = _resolve_identity(pos, loc, out)
        if resolved is not None:
            return resolved
    if c.kind == "short":
        return _refuse(
            c,
            f"no earlier fuller citation matches it (within {SHORT_FORM_REACH} citations)",
        )
    return c


def _remember(loc: Located, state: _State) -> None:
    c = loc.citation
    if c.declares and _norm_title(c.declares):
        pos = len(state.out) - 1
        if _is_declaration(c):
            # "(hereafter cited as X)" cut off as a clause of its own declares
            # the citation right before it in the note.
            pos = _previous_in_note(pos, state.out)
        if pos >= 0:
            state.declared[_norm_title(c.declares)] = pos
    if c.frus is not None and c.frus.volume_id:
        if c.kind == "frus":
            state.last_frus = (c.frus.volume_id, loc.index)
        elif c.kind in (*_REFERRING, "internal") and c.antecedent is not None:
            state.last_frus = (c.frus.volume_id, c.antecedent)


def _previous_in_note(pos: int, out: Sequence[Located]) -> int:
    key = _note_key(out[pos].note)
    j = pos - 1
    while j >= 0 and _note_key(out[j].note) == key:
        if _is_real(out[j].citation):
            return j
        j -= 1
    return -1


def resolve(citations: Sequence[Located]) -> tuple[Located, ...]:
    """Resolve one document's citations, in order; never raises, never reorders."""
    state = _State()
    for pos, loc in enumerate(citations):
        c = _step(pos, loc, state)
        # Most citations leave unchanged; copying each one cost half the pass.
        done = loc if c is loc.citation else replace(loc, citation=c)
        state.out.append(done)
        _remember(done, state)
    return tuple(state.out)
