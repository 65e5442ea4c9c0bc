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

Fields are merged as :mod:`archcite.resolve.inherit` describes. The document itself
(``item``, ``classification``) is inherited only when the Ibid. is the whole
note, since "X's memorandum is ibid., 092 Bonin Islands" names a different
document.

Short forms: an archival citation that matches an earlier, fuller one by
identity (repository + collection + item author/recipient/date) within
:data:`SHORT_FORM_REACH` citations becomes kind ``short``; a short form that
names no place at all ("Rusk to Kennedy, February 20, 1962") matches by the
document alone (author/recipient surnames and date) a citation that has one; a clause starting
with a title declared by "hereafter cited as X" resolves to the declaring
citation. Internal FRUS references take the note's volume (TEI) or the last
FRUS volume cited earlier in the document. "See footnote 2 above/below" is a
footnote of a TEI document: the one holding the nearest note numbered 2 above
(below), else the note's own; in a manuscript it points at another note of the
text, and leaves as ``not-a-citation``.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Final

from archcite.authority.frus_volumes import (
    document_range,
    in_current_document,
    in_document,
    sibling,
    with_volume,
)
from archcite.grammar.shortforms import locators
from archcite.grammar.vocab import DECLARES
from archcite.model import (
    ArchivalRef,
    Citation,
    DocItem,
    FrusRef,
    Located,
    PublishedRef,
)
from archcite.resolve.history import History, lookahead_label
from archcite.resolve.inherit import FINER, Want, locates, merge, merge_archival

#: An Ibid. may refer at most this many notes back (FRUS-Explorer's ``ibidReach``);
#: notes without citations ("Not printed.") in between are allowed.
IBID_NOTE_REACH: Final = 3
#: A short form is matched by identity against at most this many earlier citations.
SHORT_FORM_REACH: Final = 50

_REFERRING: Final = ("ibid", "short")
_SEVERAL: Final = re.compile(r"\b(?:both|all|each)\s+$", re.IGNORECASE)


# -- small predicates -----------------------------------------------------------


def _is_declaration(c: Citation) -> bool:
    """A clause that only declares a short title: "(hereafter cited as NSF, JFKL)"."""
    return c.declares is not None and bool(DECLARES.match(c.text))


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
        and (c.archival is None or not locates(c.archival))
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
    # Its words were read but what it points to is not known: a consumer that
    # filters on status must not take it for a complete citation.
    status = "partial" if c.status == "parsed" else c.status
    return replace(c, antecedent=None, reason=reason, status=status)


# -- the pass ----------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    """What the pass remembers as it walks the document."""

    history: History = field(default_factory=lambda: History(SHORT_FORM_REACH))
    #: declared short title (normalized) -> the declaring citation and its position
    declared: dict[str, tuple[int, Located]] = field(default_factory=dict)
    #: (volume id, index of the citation that named it) of the last FRUS volume
    last_frus: tuple[str, int] | None = None
    #: citations read ahead ("see footnote 2 below") and the rest of the input
    ahead: deque[Located] = field(default_factory=deque)
    more: Iterator[Located] = field(default_factory=lambda: iter(()))


def _ibid_target(pos: int, loc: Located, h: History) -> int | str:
    """The position of the citation an Ibid. at ``pos`` refers to, or a reason."""
    for j, prev_in_note in h.in_note_before(pos):
        if _is_real(prev_in_note.citation):
            return j
    anchor = h.anchor
    if anchor is None:
        return "no earlier citation"
    prev = anchor.loc
    labels, numbered = h.between(loc, pos)
    if (
        loc.note.doc is not None
        and prev.note.doc is not None
        and prev.note.doc != loc.note.doc
        and not numbered
    ):
        return f"no earlier citation in document {loc.note.doc}"
    gap = loc.note.index - prev.note.index - labels
    if gap > IBID_NOTE_REACH:
        return (
            f"the last citation is {gap} notes back (Ibid. reaches {IBID_NOTE_REACH})"
        )
    if prev.citation.kind == "unrecognized":
        return "an unrecognized citation intervenes"
    # Several citations in that note make the Ibid. ambiguous, unless they all
    # stand for one source ("ibid., Box 12 … ibid." in the note before).
    if len(anchor.roots) > 1:
        return (
            f"ambiguous: note {prev.note.label} before it has {anchor.count} citations"
        )
    return anchor.pos


def _names_work(c: Citation) -> bool:
    """An unresolved short form that still names its work by author and title
    ("Gaddis, We Now Know, 45"): an Ibid. after it cites the same work."""
    return c.kind == "short" and c.published is not None and bool(c.published.title)


def _citation_at(pos: int, h: History) -> Located:
    anchor = h.anchor
    if anchor is not None and anchor.pos == pos:
        return anchor.loc
    return h.at(pos)


def _resolve_ibid(pos: int, loc: Located, h: History) -> Citation:
    c = loc.citation
    if c.status == "partial":
        return _refuse(c, c.reason or "words after Ibid. are not a finer locator")
    target = _ibid_target(pos, loc, h)
    if isinstance(target, str):
        return _refuse(c, target)
    base = _citation_at(target, h)
    bc = base.citation
    if bc.kind == "unrecognized":
        return _refuse(c, "an unrecognized citation intervenes")
    if bc.kind in _REFERRING and bc.antecedent is None and not _names_work(bc):
        return _refuse(c, "the Ibid. or short form before it did not resolve")
    if bc.kind == "internal" and (bc.frus is None or bc.frus.volume_id is None):
        return _refuse(c, "the FRUS reference before it has no known volume")
    if (
        bc.frus is not None
        and len(bc.frus.documents) == 1
        and (c.frus is None or not c.frus.documents)
        and _SEVERAL.search(loc.note.text, 0, c.start)
    ):
        # "(Airgram A–1933 …, and Telegram 233292 …; both ibid.)" after "see
        # Document 131": two documents are in the file of the source note, not
        # both printed as one document of the volume.
        return _refuse(
            c,
            "Ibid. stands for several documents, but the citation it follows "
            "is one FRUS document",
        )
    merged = merge(c, bc, Want.of(c, _alone(loc)))
    if isinstance(merged, str):
        return _refuse(c, "Ibid. " + merged)
    return replace(merged, antecedent=_ultimate(base), reason=None)


def _norm_title(text: str) -> str:
    return " ".join(text.strip(" \t\n“”\"'‘’.,;:()").split())


def _declared_match(
    c: Citation, declared: dict[str, tuple[int, Located]]
) -> tuple[tuple[int, Located], str] | None:
    """(the declaring citation, rest of the text) when ``c`` starts with a
    title declared by "hereafter cited as"."""
    text = c.text.lstrip(' ([“"‘')
    for title in sorted(declared, key=len, reverse=True):
        if text.startswith(title):
            after = text[len(title) : len(title) + 1]
            if not after or after in " ,.;:)":
                return declared[title], text[len(title) :]
    return None


def _resolve_declared(
    loc: Located, match: tuple[tuple[int, Located], str]
) -> Citation | None:
    c = loc.citation
    (_decl_pos, base), rest = match
    found = locators(rest)
    if c.kind == "archival" and c.status == "parsed" and found.rest:
        return None  # a full citation that merely starts with the title
    short = replace(
        c,
        kind="short",
        status="partial" if found.rest else "parsed",
        archival=found.archival,
        published=found.published,
        frus=found.frus,
    )
    merged = merge(
        short, base.citation, Want.of(found, _alone(loc) and not rest.strip())
    )
    if isinstance(merged, str):
        return _refuse(short, "the short title's locators do not fit: " + merged)
    return replace(merged, antecedent=_ultimate(base), reason=None)


#: The levels a declared abbreviation of a collection stands for: the
#: repository and everything down to the collection (and its series), never the
#: box or folder of the document the declaring note cites.
_UNIT_LEVELS: Final = (
    "repository",
    "place",
    "repository_id",
    "in_authority",
    "record_group",
    "entry",
    "collection",
)


def _declared_unit(
    c: Citation, declared: dict[str, tuple[int, Located]]
) -> tuple[int, Located] | None:
    """The declaring citation when ``c`` ends with a declared title standing
    for a collection ("Bundy to Johnson, June 12, 1964, NSF, LBJL" after
    "… (hereafter cited as NSF, LBJL)"), and names a document before it."""
    ref = c.archival
    if ref is None or not (ref.item.author or ref.item.recipient or ref.item.title):
        return None
    if not ref.item.date:
        return None
    text = _norm_title(c.text)
    for title in sorted(declared, key=len, reverse=True):
        if text.endswith(title) and text[: -len(title)].rstrip().endswith(","):
            return declared[title]
    return None


def _resolve_declared_unit(c: Citation, decl: tuple[int, Located]) -> Citation | None:
    """A new document in the collection a "hereafter cited as" abbreviation
    names: a full citation whose repository and collection come from the
    declaring citation, linked to it by ``antecedent``."""
    decl_pos, declaring = decl
    base = declaring.citation.archival
    ref = c.archival
    if base is None or ref is None or not (base.collection or base.repository):
        return None
    unit = {name: getattr(base, name) for name in _UNIT_LEVELS}
    archival = replace(ref, **unit)
    return replace(
        c,
        kind="archival",
        status="parsed",
        archival=archival,
        antecedent=decl_pos,
        reason=None,
    )


#: Chicago's short title drops a leading article ("The Best Course Available"
#: → "Best Course Available").
_ARTICLE: Final = re.compile(r"^(?:the|a|an)\s+")


def _work_key(ref: PublishedRef) -> tuple[tuple[str, ...], str]:
    title = _norm_title(ref.title or "").lower()
    return _surnames(ref.author), _ARTICLE.sub("", title)


def _resolve_short_work(loc: Located, h: History) -> Citation:
    """ "Gaddis, We Now Know, 45": the nearest earlier citation of a work by the
    same author(s) whose title is, or begins with, the short title."""
    c = loc.citation
    assert c.published is not None
    names, short = _work_key(c.published)
    # the last SHORT_FORM_REACH real citations, nearest first
    for _j, prev_loc in reversed(h.recent):
        prev = prev_loc.citation
        pub = prev.published
        if pub is None or prev.kind not in ("published", "short"):
            continue
        if prev.kind == "short" and prev.antecedent is None:
            continue
        p_names, title = _work_key(pub)
        if p_names != names or not title.startswith(short):
            continue
        if len(title) > len(short) and title[len(short)] not in " :,;.":
            continue
        return replace(
            c,
            published=replace(pub, pages=c.published.pages),
            antecedent=_ultimate(prev_loc),
            status="parsed",
            reason=None,
        )
    return _refuse(
        c,
        "no earlier fuller citation matches it (a work by the same author whose "
        f"title begins with the short title, within {SHORT_FORM_REACH} citations)",
    )


def _surnames(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n.split()[-1].lower().strip(".,") for n in names if n.split())


def _document(ref: ArchivalRef | None) -> tuple[str, ...] | None:
    """The document by itself: item date and author/recipient surnames."""
    if ref is None:
        return None
    item = ref.item
    if not item.date or not (item.author or item.recipient):
        return None
    return (
        item.date,
        *("a:" + s for s in _surnames(item.author)),
        *("r:" + s for s in _surnames(item.recipient)),
    )


def _identity(ref: ArchivalRef | None) -> tuple[str, ...] | None:
    """Repository + collection + the document, when all are known."""
    if ref is None:
        return None
    repo = ref.repository or ref.repository_as_cited
    doc = _document(ref)
    if not repo or doc is None:
        return None
    return (_norm_title(repo).lower(), _norm_title(ref.collection or "").lower(), *doc)


def _placed_document(ref: ArchivalRef | None) -> tuple[str, ...] | None:
    """The document of a placed citation (one with its repository)."""
    return _document(ref) if _identity(ref) is not None else None


def _unplaced(ref: ArchivalRef) -> bool:
    """A short form that names the document and no place at all ("Rusk to
    Kennedy, February 20, 1962"): only the document identifies it."""
    return not any(
        getattr(ref, f.name) for f in fields(ArchivalRef) if f.name != "item"
    )


def _weight(ref: ArchivalRef) -> int:
    filled = sum(
        1 for f in fields(ArchivalRef) if f.name != "item" and getattr(ref, f.name)
    )
    return filled + sum(1 for f in fields(DocItem) if getattr(ref.item, f.name))


def _resolve_identity(loc: Located, h: History) -> Citation | None:
    """Match an archival or short citation to an earlier fuller one."""
    c = loc.citation
    # Without a place the document alone identifies a short form; what it
    # matches must have a place to give.
    unplaced = c.kind == "short" and c.archival is not None and _unplaced(c.archival)
    key = _placed_document if unplaced else _identity
    ident = (_document if unplaced else _identity)(c.archival)
    if ident is None or c.archival is None:
        return None
    # the last SHORT_FORM_REACH real citations, nearest first
    matches: list[Located] = [
        prev
        for _j, prev in reversed(h.recent)
        if prev.citation.kind in ("archival", "short")
        and key(prev.citation.archival) == ident
    ]
    if not matches:
        return None
    roots = {_ultimate(m) for m in matches}
    if len(roots) > 1:
        if c.kind == "short":
            return _refuse(c, f"ambiguous: {len(roots)} earlier citations match it")
        return None
    base = matches[0]
    if base.citation.archival is None:  # cannot happen: matched by identity
        return None
    if c.kind != "short" and _weight(base.citation.archival) <= _weight(c.archival):
        return None  # a repeated full citation, not a short form
    archival = merge_archival(base.citation.archival, c.archival, floor=FINER)
    filled = {
        f.name: getattr(c.archival.item, f.name)
        for f in fields(DocItem)
        if not getattr(archival.item, f.name) and getattr(c.archival.item, f.name)
    }
    archival = replace(archival, item=replace(archival.item, **filled))
    # A short form without a place was partial only for want of it.
    status = "parsed" if unplaced else c.status
    return replace(
        c,
        kind="short",
        status=status,
        archival=archival,
        antecedent=_ultimate(base),
        reason=None,
    )


_DOCUMENT_ID: Final = re.compile(r"d(\d+)$")


def _footnote_doc(loc: Located, label: str, state: _State) -> str | None:
    """The document of the note labelled ``label`` that "footnote N above"
    (or "below") points to: the nearest such note of the same source before
    (after) it, which in a legacy volume numbered through a chapter may be in
    an earlier document; the note's own document if none."""
    if "below" in loc.citation.text:
        found, doc = lookahead_label(state.ahead, state.more, loc, label)
        return doc if found else loc.note.doc
    return state.history.last_labelled(label, loc.note.doc)


def _resolve_footnote_here(pos: int, loc: Located, state: _State) -> Citation:
    """ "See footnote 2 above": a footnote of a document of the TEI volume; in
    a manuscript, another note of the text itself, which is no FRUS reference."""
    c = loc.citation
    ref = c.frus or FrusRef(internal=True)
    words = c.text.strip(" .;,()")
    if not loc.note.volume_id or loc.note.doc is None:
        return replace(
            c,
            kind="not-a-citation",
            status="parsed",
            role=None,
            frus=None,
            reason=f"cross-reference to another note of this text ({words}), "
            "not to a FRUS document",
        )
    pairs: list[tuple[int, int]] = []
    for _, n in ref.footnotes:
        doc = _footnote_doc(loc, str(n), state)
        m = _DOCUMENT_ID.match(doc or "")
        if m is None:
            return replace(
                c,
                kind="not-a-citation",
                status="parsed",
                role=None,
                frus=None,
                reason=f"cross-reference to a note of {doc} ({words}), which is "
                "not a numbered document",
            )
        pairs.append((int(m.group(1)), n))
    placed = with_volume(in_document(ref, tuple(pairs)), loc.note.volume_id)
    return replace(c, frus=placed, status="parsed", reason=None)


def _resolve_internal(pos: int, loc: Located, state: _State) -> Citation:
    c = loc.citation
    ref = c.frus or FrusRef(internal=True)
    if ref.volume_id:
        return c
    if in_current_document(ref):
        return _resolve_footnote_here(pos, loc, state)
    if loc.note.volume_id:
        # The document being read is itself the volume: nothing is guessed.
        return replace(c, frus=with_volume(ref, loc.note.volume_id), reason=None)
    if ref.pages and not ref.documents:
        # "Page 412.", "Printed on p. 58, ante.": a page of the book the note is
        # in. Read from a FRUS volume's TEI that is the volume; a manuscript is
        # no FRUS volume, and the last one it cited is not the book either.
        return _refuse(
            c,
            "no FRUS volume in context: a page of the text's own volume, and this "
            "text is not a FRUS volume",
        )
    if state.last_frus is not None:
        volume_id, index = state.last_frus
        span = document_range(volume_id)
        outside = [d for d in ref.documents if span and not span[0] <= d <= span[1]]
        if span and outside:
            # "See also Document 389" after vol. VI (120 documents) cites the
            # volume being written, not vol. VI: binding it would be wrong.
            which = ", ".join(str(d) for d in outside)
            noun = "Document" if len(outside) == 1 else "Documents"
            return _refuse(
                c,
                f"{noun} {which} cannot be in {volume_id} (documents "
                f"{span[0]}–{span[1]}), the last FRUS volume cited; the current "
                "volume is unknown",
            )
        return replace(
            c, frus=with_volume(ref, volume_id), antecedent=index, reason=None
        )
    return _refuse(c, "no FRUS volume in context")


def _resolve_elliptical(loc: Located) -> Citation:
    """ "Vol. ii, p. 436" in a legacy volume: volume II of the note's own set."""
    c = loc.citation
    ref = c.frus
    if ref is None or ref.volume_id or ref.subseries or not loc.note.volume_id:
        return c
    found = sibling(ref, loc.note.volume_id)
    if found is None:
        return c
    return replace(c, frus=found, status="parsed" if found.known else c.status)


def _step(pos: int, loc: Located, state: _State) -> Citation:
    c = loc.citation
    h = state.history
    if c.kind == "ibid":
        return _resolve_ibid(pos, loc, h)
    if c.kind == "internal":
        return _resolve_internal(pos, loc, state)
    if c.kind == "frus":
        return _resolve_elliptical(loc)
    if state.declared and (
        c.kind in ("unrecognized", "archival", "short") or c.status == "partial"
    ):
        match = _declared_match(c, state.declared)
        if match is not None and match[0][0] < pos:
            resolved = _resolve_declared(loc, match)
            if resolved is not None:
                return resolved
    if c.kind in ("archival", "short"):
        resolved = _resolve_identity(loc, h)
        if resolved is not None:
            return resolved
        decl = _declared_unit(c, state.declared) if state.declared else None
        if decl is not None and decl[0] < pos:
            resolved = _resolve_declared_unit(c, decl)
            if resolved is not None:
                return resolved
    if c.kind == "short" and c.published is not None and c.archival is None:
        return _resolve_short_work(loc, h)
    if c.kind == "short" and c.archival is not None and _unplaced(c.archival):
        return _refuse(
            c,
            "no earlier fuller citation matches it (a document with the same "
            "writer, addressee and date and its place, within "
            f"{SHORT_FORM_REACH} citations)",
        )
    if c.kind == "short":
        return _refuse(
            c,
            f"no earlier fuller citation matches it (within {SHORT_FORM_REACH} citations)",
        )
    return c


def _remember(pos: int, loc: Located, state: _State) -> None:
    c = loc.citation
    if c.declares and _norm_title(c.declares):
        decl: tuple[int, Located] | None = (pos, loc)
        if _is_declaration(c):
            # "(hereafter cited as X)" cut off as a clause of its own declares
            # the citation right before it in the note.
            decl = _previous_in_note(pos, state.history)
        if decl is not None:
            state.declared[_norm_title(c.declares)] = decl
    if c.frus is not None and c.frus.volume_id:
        if c.kind == "frus":
            state.last_frus = (c.frus.volume_id, loc.index)
        elif c.kind in (*_REFERRING, "internal") and c.antecedent is not None:
            state.last_frus = (c.frus.volume_id, c.antecedent)


def _previous_in_note(pos: int, h: History) -> tuple[int, Located] | None:
    for j, prev in h.in_note_before(pos):
        if _is_real(prev.citation):
            return j, prev
    return None


def resolve_stream(citations: Iterable[Located]) -> Iterator[Located]:
    """Resolve one document's citations as they come; never raises, never reorders.

    Memory stays bounded however long the document is (see
    :mod:`archcite.resolve.history`): only "see footnote 2 below" reads ahead,
    to the next note labelled 2.
    """
    state = _State(more=iter(citations))
    h = state.history
    while True:
        if state.ahead:
            loc = state.ahead.popleft()
        else:
            nxt = next(state.more, None)
            if nxt is None:
                return
            loc = nxt
        pos = h.count
        h.begin(loc)
        c = _step(pos, loc, state)
        # Most citations leave unchanged; copying each one cost half the pass.
        done = loc if c is loc.citation else replace(loc, citation=c)
        h.add(done, _is_real(done.citation), _ultimate(done))
        _remember(pos, done, state)
        yield done


def resolve(citations: Sequence[Located]) -> tuple[Located, ...]:
    """Resolve one document's citations, in order; never raises, never reorders."""
    return tuple(resolve_stream(citations))
