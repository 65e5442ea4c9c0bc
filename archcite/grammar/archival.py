"""Recognize archival citations in one clause of a note.

Two orders give the same fields (see ``docs/archival-fields.md``):

* FRUS source notes run largest to smallest: ``Kennedy Library, National
  Security Files, Meetings and Memoranda Series, NSAM No. 129, …, Box 334``;
* Chicago notes run smallest to largest and name the document first: ``Dean
  Rusk to John F. Kennedy, memorandum, February 20, 1962, folder "USSR,
  General, 2/62," box 180, National Security Files, John F. Kennedy
  Presidential Library, Boston, MA``.

The recognizer finds the repository through the authority tables
(:mod:`archcite.authority`), reads the document description in front of it,
and assigns the location components largest first; Chicago locations are
reversed into that order before assignment, so both orders share one grammar.
Without a repository it still answers when the clause carries strong locators
(RG, Lot, FRC, Job, Box, Folder, Reel, File No., decimal file numbers), as a
``partial`` citation — except for the legacy FRUS "File No. 861.51/131" and
"500.A15a3/621: Telegram" lines, which are complete as written.

Lead-ins decide the role: "Source:" is the source, "Another copy … is in the",
"A copy is in", "also in" a copy, anything else a reference. Clauses that start
with Ibid. belong to the short-form recognizer; printings ("Also printed in")
to :mod:`archcite.grammar.published`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from archcite.authority import Authority, RepositoryMatch, authority
from archcite.grammar.archival_gate import UNKNOWN_REPO, gate
from archcite.grammar.assign import (
    assign,
    chicago_order,
    drop_record_group_titles,
    join,
)
from archcite.grammar.items import ItemParts, parse_item
from archcite.grammar.leadins import body as find_body
from archcite.grammar.leadins import top_semicolon, trim_end
from archcite.grammar.locators import (
    LEGACY_IN_TEXT,
    STRONG,
    Component,
    classify,
    components,
    fonds_units,
    is_region,
    place_at,
    title_like,
)
from archcite.grammar.vocab import DECLARATION, DECLARATION_HINT, IN_FULL, PRINTING_VERB
from archcite.model import ArchivalRef, Citation, DocItem

__all__ = ["gate", "parse_doc_item", "parse_location", "recognize"]

# "Also printed in …": a printing, which the published recognizer reads.
_PRINTED = re.compile(rf"\b{PRINTING_VERB}{IN_FULL}\s+in\b")
# "(hereafter cited as NSF, JFKL)", "hereafter “Rusk Papers”": the short title
# the citation declares, in parentheses (p) or up to the next punctuation (u).
_HEREAFTER = re.compile(
    rf"[,;]?\s*(?:\(\s*{DECLARATION}\s+(?P<p>[^()]+?)\s*\)"
    rf"|{DECLARATION}\s+(?P<u>[“\"][^”\"]+[”\"]|[^,;.()]+))",
    re.I,
)
_SPLIT = re.compile(r"(?:,\s*|;\s*|\s+)and\s+(?:also\s+)?(?:in\s+)?(?:the\s+)?")
# A publisher, a series or a journal named for an archive or a library
# ("Revista del Archivo Nacional", "Boletín del Archivo General").
_NOT_REPO = re.compile(
    r"\b(?:Press|Publish\w*|Books|Review|Journal|Revista|Rivista|Revue|Bolet[íi]n|"
    r"Bollettino|Bulletin|Anales|Annales|Anuario|Cuadernos|Zeitschrift|Jahrbuch|"
    r"Quarterly)\b"
)
# What a published work has and an archival citation has not: an imprint
# "(Madrid: Atlas, 1952)", or a volume or number with its pages ("vol. 3, 1950,
# pp. 12–30", "Número 25, …, p. 112").
_IMPRINT = re.compile(r"\([^():]{2,60}:[^()]{2,80}\b\d{4}\)")
_VOLUME = re.compile(
    r"\b(?:[Vv]ols?|[Nn]os?|[Nn]úm|[Tt]omo|[Bb]d|[Tt]ome)\.?\s*\d|\bNúmero\s+\d"
)
_PAGES = re.compile(r"\bpp?\.\s*\d")


def _published_shape(text: str, comps: list[Component]) -> bool:
    """A work in print, not a repository: an imprint or a volume and pages,
    and no archival locator (box, folder, file …)."""
    if any((loc := classify(c.text)) is not None and loc.kind in STRONG for c in comps):
        return False
    return _IMPRINT.search(text) is not None or (
        _VOLUME.search(text) is not None and _PAGES.search(text) is not None
    )


@dataclass(frozen=True, slots=True)
class _Parsed:
    ref: ArchivalRef
    status: str
    short: bool = (
        False  # a Chicago short form ("Rusk to Kennedy, February 20, 1962, NSF, JFKL")
    )
    reason: str | None = None  # why a citation is only ``partial``, if said


def _repository_at(
    text: str, comps: list[Component], i: int, auth: Authority
) -> tuple[RepositoryMatch, int] | None:
    """A repository variant starting at component ``i`` and ending on a boundary."""
    m = auth.match_repository(text, comps[i].start)
    if m is None:
        return None
    for j in range(i, len(comps)):
        if comps[j].end == m.end:
            return m, j
        if comps[j].end > m.end:
            # "Politisches Archiv des Auswärtigen Amts (PA AA)", "Archives
            # diplomatiques (La Courneuve)": an abbreviation or place in
            # parentheses belongs to the name but not to what was cited.
            if _PAREN_TAIL.match(text, m.end, comps[j].end):
                return m, j
            return None
    return None


_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)$")
# "Ann Whitman File (AWF)": the abbreviation the writer declares.
_ABBR_TAIL = re.compile(r"\s*\((?:[A-Z][A-Za-z&./ ]{0,9})\)$")


def _find_repository(
    text: str, comps: list[Component], auth: Authority
) -> tuple[int, int, RepositoryMatch | None] | None:
    first: tuple[int, int, RepositoryMatch | None] | None = None
    n = len(comps)
    for i in range(n):
        hit = _repository_at(text, comps, i, auth)
        if hit is not None:
            first = i, hit[1], hit[0]
            break
    if first is not None:
        # Chicago order ends with the repository ("State Department, policy
        # guidance, …, box 113, NSF, JFKL"): an earlier name is the author. The
        # later name starts within _TAIL components of the end, after the
        # first repository (not inside it: "Manuscript Division, Library of …").
        start = max(first[1] + 1, n - _TAIL)
        if start < n and auth.search_repository(text, comps[start].start) is not None:
            for i in range(start, n):
                if classify(comps[i].text) is not None:
                    continue  # a locator ("Box 3", "POL 1 JAPAN") is no repository
                hit = _repository_at(text, comps, i, auth)
                if (
                    hit is not None
                    and hit[1]
                    + 1
                    + place_at(comps, hit[1] + 1, hit[0].repository.place)
                    == n
                ):
                    return i, hit[1], hit[0]
        return first
    if (
        len(comps) > 1
        and UNKNOWN_REPO.search(comps[0].text)
        and not _NOT_REPO.search(comps[0].text)
        and classify(comps[0].text) is None
        and _repository_name(comps[0].text)
    ):
        return 0, 0, None
    # Chicago order: the repository is the last component before an optional place.
    for k in (len(comps) - 3, len(comps) - 1):
        if (
            0 < k < len(comps)
            and UNKNOWN_REPO.search(comps[k].text)
            and not _NOT_REPO.search(comps[k].text)
            and classify(comps[k].text) is None
            and _repository_name(comps[k].text)
            and place_at(comps, k + 1, None) == len(comps) - k - 1
        ):
            return k, k, None
    return None


def _repository_name(text: str) -> bool:
    """Whether ``text`` reads as the name of a repository the authority lacks.

    Capitalized words only ("Archivo General de la Nación"), or — when the name
    opens with the archive's own word — lower-case adjectives as the
    Romance languages write them ("Archives nationales d'outre-mer",
    "Archivio centrale dello Stato", "Archivo histórico municipal").
    """
    return title_like(text, strict=True) or (
        UNKNOWN_REPO.match(text) is not None and title_like(text)
    )


# A repository that ends the citation starts within this many components of
# the end (a name of up to three parts and a place of up to three).
_TAIL = 6

_PARENT = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w.’'-]*\s+)*(?:University|College)(?:\s+of(?:\s+[A-Z][\w.’'-]*)+)?$"
)


def _parent_institution(before: list[Component]) -> bool:
    """Whether the components before a known repository name its university."""
    return len(before) == 1 and _PARENT.match(before[0].text) is not None


def _known_collection(auth: Authority, repo_id: str | None) -> Callable[[str], bool]:
    def known(name: str) -> bool:
        return auth.collection(repo_id, name) is not None

    return known


def _rg_name(auth: Authority) -> Callable[[str, str], bool]:
    def titled(number: str, cited: str) -> bool:
        rg = auth.record_group(number)
        return rg is not None and rg.titled(cited)

    return titled


def _parse_piece(text: str, start: int, end: int) -> _Parsed | None:
    auth = authority()
    comps = components(text, start, end)
    if not comps:
        return None
    repo_name: str | None = None
    repo_cited: str | None = None
    repo_id: str | None = None
    place: str | None = None
    found = _find_repository(text, comps, auth)
    item = ItemParts()
    after: list[Component] = []
    if found is not None:
        i, j, match = found
        if match is not None:
            repo_cited = match.cited
            repo_name = match.repository.name
            repo_id = match.repository.id
            place = match.repository.place
        else:
            if _published_shape(text[start:end], comps):
                return None  # "Biblioteca de Autores Españoles, vol. 12 (Madrid: …)"
            repo_cited = repo_name = comps[i].text
            if repo_cited == "The National Archives":
                # NARA's name too; with a TNA reference ("FO 371/135904") in the
                # citation it is the UK's National Archives.
                tna = any(
                    (loc := classify(c.text)) is not None and loc.kind == "tna"
                    for c in comps
                )
                known = auth.repository("tna" if tna else "nara")
                if known is not None:
                    match = RepositoryMatch(
                        known, comps[i].start, comps[i].end, repo_cited
                    )
                    repo_name, repo_id, place = known.name, known.id, known.place
        k = j + 1
        n_place = place_at(comps, k, place)
        if match is not None and place:
            # "The National Archives, Kew, UK": the variant ends with the city.
            city = place.split(",")[0]
            if repo_cited is not None and repo_cited.endswith(f", {city}"):
                repo_cited = repo_cited[: -len(city) - 2]
                if n_place == 0 and k < len(comps) and is_region(comps[k].text):
                    n_place = 1
        if n_place and match is None:
            place = ", ".join(c.text for c in comps[k : k + n_place])
        after = comps[k + n_place :]
        before = comps[:i]
        if match is not None and after and _parent_institution(before):
            # "Harvard University, Houghton Library, …": the parent institution
            # is part of the repository as cited.
            repo_cited = text[comps[0].start : comps[j].end]
            before = []
        item = parse_item(before)
        rest = before[item.used :]
        if after:
            if rest:  # prose or an unreadable prefix: not a citation we can place
                return None
            loc_comps = after
        else:
            if not all(title_like(c.text) or classify(c.text) for c in rest):
                return None
            loc_comps = chicago_order(
                drop_record_group_titles(rest, _rg_name(auth)),
                _known_collection(auth, repo_id),
            )
    elif UNKNOWN_REPO.search(comps[0].text) and _NOT_REPO.search(comps[0].text):
        # "Revista del Archivo Nacional, Caja 4, …": a journal named for an
        # archive; what follows its name is no location in that archive.
        return None
    else:
        item = parse_item(comps)
        rest = comps[item.used :]
        if not rest and not _document_only(item):
            return None
        first = classify(rest[0].text) if rest else None
        small_first = first is not None and first.kind in (
            "box",
            "folder",
            "reel",
            "frames",
        )
        units = fonds_units([c.text for c in rest])
        if not all(
            title_like(c.text) or classify(c.text) or u is not None
            for c, u in zip(rest, units, strict=True)
        ):
            return None
        loc_comps = (
            chicago_order(rest, _known_collection(auth, None))
            if small_first and len(rest) > 1
            else rest
        )
    f = assign(drop_record_group_titles(loc_comps, _rg_name(auth)))
    if found is None and not f.strong and loc_comps:
        return None
    collection = f.collection
    if collection and (am := _ABBR_TAIL.search(collection)) and am.start() > 0:
        collection = collection[: am.start()]
    if collection and repo_id:
        hit = auth.collection(repo_id, collection)
        if hit is not None and hit[1]:
            collection = hit[0].name
    # A JCS paper named in front ("JCS 1844/46, Records of the JCS, RG 218")
    # is filed inside whatever file the location names.
    files = [*f.file_number, item.filed] if item.filed else f.file_number
    ref = ArchivalRef(
        repository=repo_name,
        repository_as_cited=repo_cited,
        place=place,
        record_group=f.record_group,
        collection=collection,
        series=join(f.series),
        file_unit=join(f.file_unit),
        box=f.box,
        folder=join(f.folder),
        reel=f.reel,
        lot=f.lot,
        file_number=join(files),
        job=f.job,
        item=item.doc_item(f.item_type),
        entry=f.entry,
        accession=f.accession,
        frames=f.frames,
        folio=f.folio,
        classification=item.classification,
        repository_id=repo_id,
        in_authority=repo_id is not None,
    )
    if found is not None:
        detail = any(
            (ref.collection, ref.record_group, ref.box, ref.folder, ref.reel, ref.lot,
             ref.file_number, ref.job, ref.file_unit, ref.accession, ref.folio)
        )  # fmt: skip
        status = "parsed" if detail else "partial"
    else:
        status = "parsed" if f.legacy_only and ref.file_number else "partial"
    reason = None
    if repo_id is not None and _names_repository_again(loc_comps, repo_id, auth):
        status, reason = "partial", _REPEATED_REPOSITORY
    # A Chicago short form names the document without its type and the place
    # without folder or file, with or without the box: "Rusk to Kennedy,
    # February 20, 1962, NSF, JFKL", "Kennan to Lippmann, April 6, 1948, box
    # 17, Kennan Papers, Mudd Library" — or without any place at all, when
    # writer, addressee and date name the document ("Rusk to Kennedy,
    # February 20, 1962"; see _document_only). The resolver finds the fuller
    # citation; the place left out, it stays partial until then.
    short = (
        not after
        and item.used > 0
        and item.type is None
        and bool(item.author or (item.date and found is not None))
        and not any(
            (f.folder, f.reel, files, f.lot, f.accession, f.job, f.record_group,
             f.entry, f.fonds)
        )
        # With a box, only surnames make it short: "David E. Bell to Bundy, …,
        # box 334, NSF, JFKL" is a first, full citation without a type.
        and (f.box is None or all(" " not in n for n in item.author))
    )  # fmt: skip
    return _Parsed(ref, status, short, reason)


_REPEATED_REPOSITORY = "names its repository again among its units"


def _names_repository_again(
    units: Sequence[Component], repo_id: str, auth: Authority
) -> bool:
    """Whether a unit is the citation's repository once more.

    A location names its repository once; "Kennedy Library, National Security
    Files, Box 334, Kennedy Library, National Security Files, …" is locations
    run together (or one pasted many times), and its units would be read as
    folder and file titles.
    """
    for c in units:
        m = auth.match_repository(c.text)
        if m is not None and m.end == len(c.text) and m.repository.id == repo_id:
            return True
    return False


def _document_only(item: ItemParts) -> bool:
    """Whether the whole clause is a document named by writer, addressee and
    date, with no type and no place: Chicago's short form of a letter or
    memorandum cited in full before ("Rusk to Kennedy, February 20, 1962").

    Both names and a date with its month are needed: "Rusk to Kennedy was the
    usual channel" has no date, "Washington to Moscow, 1962" only a year, and
    a type ("Letter from Rusk to Kennedy, May 3") makes a description, not a
    short form.
    """
    return (
        item.used > 0
        and item.type is None
        and bool(item.author and item.recipient and item.date)
    )


def parse_location(text: str, start: int, end: int) -> ArchivalRef | None:
    """Where ``text[start:end]`` says a document is kept, or ``None``.

    The tail of a citation whose head another recognizer reads (an interview
    "…, Dean Rusk Oral History Collection, Richard B. Russell Library"); it
    must name a repository, or a collection with strong locators.
    """
    parsed = _parse_piece(text, start, end)
    return None if parsed is None else parsed.ref


def _recognize(text: str) -> list[Citation]:
    """The full grammar, without the gate (tests compare the two)."""
    head = text.lstrip("( \t")
    if head[:4].lower() == "ibid" or head.startswith(("Id.", "Cf.")):
        return []
    found = _citations(text)
    if not found and (
        "/" in text and ("(" in text or "File No" in text)
    ):  # cheap test before the legacy scan
        found = _legacy_numbers(text)
    return found


def _legacy_numbers(text: str) -> list[Citation]:
    """Legacy State Department file numbers inside prose.

    "… the Emperor of Japan ratified the treaty (500.A15a3/1108)", "… among the
    signatories (File No. 861.51/305)", "see report of Consul Frank C. Lee, File
    No. 811.20261 T/19": the number (with its label) is an archival citation
    with ``file_number`` only; the repository, the Department's decimal file,
    is implied (docs/archival-fields.md). A number must have the decimal
    point and the slash, so page numbers and dates are never read as one.
    """
    out: list[Citation] = []
    for m in LEGACY_IN_TEXT.finditer(text):
        number = m.group("num") or m.group("num2")
        kind = m.group("type") or m.group("type2")
        start = m.start()
        out.append(
            Citation(
                text=text[start : m.end()],
                start=start,
                end=m.end(),
                kind="archival",
                status="parsed",
                role="reference",
                archival=ArchivalRef(
                    file_number=" ".join(number.split()),
                    item=DocItem(type=kind.lower() if kind else None),
                ),
            )
        )
    return out


def _citations(text: str) -> list[Citation]:
    body = find_body(text)
    if body is None:
        return []
    start, end, role, classification = (
        body.start, body.end, body.role, body.classification
    )  # fmt: skip
    if _PRINTED.search(text, 0, start + 1) and role != "source":
        return []
    # "(Memorandum from Sisson to Creel; National Archives, …)" left whole by the
    # segmenter: the part before the semicolon describes the document.
    described: DocItem | None = None
    loc_start = start
    semi = top_semicolon(text, start, end)
    if semi is not None:
        after = semi + 1
        while after < end and text[after] == " ":
            after += 1
        if authority().match_repository(text, after) is not None:
            described = parse_doc_item(text[start:semi])
            loc_start = after
            if described is None:
                start = after
    declares: str | None = None
    masked = text
    if DECLARATION_HINT.search(text) and (hm := _HEREAFTER.search(text, start, end)):
        declares = (hm.group("p") or hm.group("u") or "").strip().strip('“”"').strip()
        # Blank the declaration out of the fields, keeping offsets intact.
        masked = text[: hm.start()] + " " * (hm.end() - hm.start()) + text[hm.end() :]
        if hm.end() >= end:
            end = hm.start()
    auth = authority()
    if ";" in masked[loc_start:end]:
        masked = _inner_semicolons(masked, loc_start, end, auth)
    cuts = [loc_start]
    for sm in _SPLIT.finditer(masked, loc_start, end) if "and " in masked else ():
        if auth.match_repository(masked, sm.end()) is not None:
            cuts.append(sm.start())
            cuts.append(sm.end())
    cuts.append(end)
    out: list[Citation] = []
    for k in range(0, len(cuts), 2):
        s, e = cuts[k], trim_end(masked, cuts[k], cuts[k + 1])
        parsed = _parse_piece(masked, s, e)
        if parsed is None:
            if k == 0:
                return []
            continue
        ref = parsed.ref
        if k == 0 and body.before_ibid and ref.repository is None:
            # "Another copy is in box 2, Memos to the President, …, ibid.": the
            # Ibid. supplies the repository; this is an Ibid. citation, not ours.
            return []
        if classification and k == 0:
            ref = _with_classification(ref, classification)
        if k == 0 and described is not None:
            ref = replace(ref, item=described)
            s = start
        out.append(
            Citation(
                text=text[s:e],
                start=s,
                end=e,
                kind="short" if parsed.short else "archival",
                status="parsed" if parsed.status == "parsed" else "partial",
                reason=parsed.reason,
                role=role if k == 0 else ("copy" if role == "copy" else "reference"),
                archival=ref,
                declares=declares if k == 0 else None,
            )
        )
    return out


# After a semicolon inside a location: a unit title, not a new citation, a
# lot or accession (which keep their semicolon), a conjunction or an Ibid.
_UNIT_AFTER = re.compile(r";\s+(?!(?:Lot|FRC|and|see|See|ibid|Ibid)\b)(?=[A-Z])")


def _inner_semicolons(text: str, start: int, end: int, auth: Authority) -> str:
    """Read "INR/IL Historical Files; EAP General, EA Reviews" as one location.

    A semicolon after the repository that is followed by a unit title (not by
    another repository) separates units like a comma; offsets stay the same.
    """
    repo = auth.search_repository(text, start)
    if repo is None or repo.start >= end:
        return text
    chars = list(text)
    for m in _UNIT_AFTER.finditer(text, repo.end, end):
        if auth.match_repository(text, m.end()) is None:
            chars[m.start()] = ","
    return "".join(chars)


def _with_classification(ref: ArchivalRef, classification: str) -> ArchivalRef:
    return replace(ref, classification=classification)


@lru_cache(maxsize=8192)
def _cached(text: str) -> tuple[Citation, ...]:
    # FRUS repeats its source lines verbatim ("Source: National Archives and
    # Records Administration, RG 59, Central Files 1964–66, POL 7 JAPAN."), and
    # citations are immutable, so a clause's answer can be reused. A crash is
    # not cached and not hidden: the note stage reports the clause (note.py).
    return tuple(_recognize(text)) if gate(text) else ()


def recognize(text: str) -> list[Citation]:
    """Archival citations in one clause, with offsets relative to it.

    A bug that raises is not swallowed here: the note stage turns it into an
    ``unrecognized`` citation with the reason (and tests fail on it).
    """
    return list(_cached(text))


_AND_LEAD = re.compile(r"\s*(?:and|see\s+also|see)\s+(?=[a-zA-Z])")


def parse_doc_item(text: str) -> DocItem | None:
    """Read a bare document description ("Memorandum from McNaughton to McNamara, June 1").

    The short-form resolver uses this for "(Memorandum …, June 1; ibid.)": the
    description names the item, ``ibid.`` supplies the location.
    """
    # "…; and memorandum of conversation, May 4; Johnson Library, …": the second
    # document of a parenthesis, cut from its conjunction by the segmenter.
    lead = _AND_LEAD.match(text)
    comps = components(text, lead.end() if lead else 0)
    item = parse_item(comps)
    if (
        item.used == 0
        or item.used != len(comps)
        or not (item.type or item.author or item.title)
    ):
        return None
    return item.doc_item()
