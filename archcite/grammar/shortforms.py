"""Recognize "Ibid." (and "Id.", "Idem") and the locators that follow it.

An Ibid. says "the same place as the citation before", optionally narrowed by
finer locators: ``Ibid., Box 12.``, ``ibid., 092 Bonin Islands``,
``The original letter is ibid., Box 757, Presidential Correspondence
1969–1974, Korea: …``, ``Ibid., pages 39–41``, ``Ibid., vol. cv, p. 9``,
``ibid., Document 368``. This module only reads what the Ibid. itself says; the
antecedent and the merged fields come from :mod:`archcite.resolve`.

What is deliberately *not* claimed:

* ``ibid., 1922, vol. i, p. 33`` — "ibid." followed by a year is the legacy
  FRUS form where it stands for *Foreign Relations*; the FRUS recognizer owns it.
* an "ibid." preceded by words that are themselves a citation ("*Papers of
  Woodrow Wilson*, vol. 43, pp. 482–485, and ibid., vol. 44"), so that the
  citation in front is not swallowed by a later recognizer's loss.

Locators after an Ibid. are only ever *finer* than the antecedent (box, folder,
file unit, file number, reel, frames, volume, pages, documents): a tail that
names another unit ("ibid., S/PC Files: Lot 72 D 139") is kept as ``partial``
and the resolver refuses to inherit through it, as FRUS-Explorer does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from archcite.grammar.locators import components, title_like, unquote
from archcite.grammar.vocab import (
    BOX,
    DOCUMENT,
    DOCUMENT_KIND,
    FILE_NO,
    FOLDER,
    FOLDER_SHORT,
    FRAMES,
    NUM_LIST,
    PAGE_WORD,
    PNUMBER,
    PRINTING_VERB,
    REEL,
    SUBJECT_CODE,
    YEAR_SPAN,
    expand,
)
from archcite.model import ArchivalRef, Citation, DocItem, FrusRef, PublishedRef

# "ibid", "ibid.", "ibidem", any case; "id." and "idem" only open a clause,
# because "id." elsewhere is too rare and too easily something else.
_IBID = re.compile(r"\bibid(?:em)?\b\.?", re.IGNORECASE)
# What every _IBID match contains, spelled out case by case (these are all the
# characters IGNORECASE matches to b, i and d): a pattern that opens with a
# plain character class lets ``re`` skip ahead, where _IBID's leading \b makes
# it try every position. Most clauses have no Ibid. at all.
_BID = re.compile("[bB][iIİı][dD]")
_ID_START = re.compile(r"^[(\[“\"‘\s]*(?:Id\.|Idem\b\.?)")

# An ibid. followed by a year ("ibid., 1922, vol. i", "ibid., 1964–1968, vol.
# XXXIII") is the FRUS legacy form: Foreign Relations of that year.
_YEAR_TAIL = re.compile(r"^[\s,]*\[?\d{4}(?:[–-]\d{2,4})?\]?(?:\W|$)")

# Words that may stand right before an ibid. that belongs to a longer sentence
# ("The original letter is ibid.", "printed ibid.", "both ibid.").
_LINKING = re.compile(
    rf"(?:^|\s)(?:is|are|was|were|be|been|{PRINTING_VERB}|found|filed|"
    r"located|kept|see|also|cf\.|both|all|in|and|at|in\s+(?:full|part)),?$",
    re.IGNORECASE,
)
# "see telegram No. 50, September 12, 1929, to the Chargé in Bolivia, ibid.,
# p. 860": a document described before the ibid. that says where it is printed.
_DESCRIBED = re.compile(
    rf"\b{DOCUMENT_KIND}\b.*(?:\b\d{{4}}|\bNo\.\s*\d++).*,$", re.IGNORECASE
)
# A prefix with any of these is a citation of its own: leave the clause alone.
_PREFIX_CITES = re.compile(
    r"\b(?:Library|Archives?|Papers|Files?|Box|Boxes|Folder|Reel|RG\s*\d|Record\s+Group|"
    r"Lot\s+\d|Job\s+\d|Foreign\s+Relations|FRUS|vols?\.|pp?\.(?!m\.)|pages?\s+\d|"
    r"Documents?\s+\d|Collection|Series|Microfilm)\b",
    re.IGNORECASE,
)
_OPENERS = '([“"‘ '
_CLOSERS = ' .;,)]”"’'

# -- locator grammar ---------------------------------------------------------

# The unit words are the archival grammar's (:mod:`.vocab`): "Ibid., Legajo 4"
# after "Archivo Histórico Nacional, Estado, Legajo 3" is the next box.
_BOX = re.compile(rf"^{BOX}\.?\s+(.+)$", re.IGNORECASE)
_FOLDER = re.compile(rf"^(?:{FOLDER}|{FOLDER_SHORT})\s+(.+)$", re.IGNORECASE)
_REEL = re.compile(rf"^{REEL}\s+(.+)$", re.IGNORECASE)
_FRAMES = re.compile(rf"^{FRAMES}\s+(.+)$", re.IGNORECASE)
_FILE_NO = re.compile(rf"^{FILE_NO}\s*(.+)$", re.IGNORECASE)
_VOLUME = re.compile(r"^(?:vols?\.|volumes?)\s*(.+)$", re.IGNORECASE)
_PAGES = re.compile(rf"^{PAGE_WORD}\s*(.+)$", re.IGNORECASE)
# "Ibid., p. 31, footnote 1": the note on that page; the page is the place.
_PAGE_NOTE = re.compile(r"^(?:footnote|note|n\.)\s*\d+$", re.IGNORECASE)
_DOCUMENTS = re.compile(rf"^{DOCUMENT}\s+(.+)$", re.IGNORECASE)
# A bare page or page range, as Chicago writes it: "Ibid., 45." "Ibid., 45–47."
_BARE_PAGES = re.compile(r"^(?:[1-9]\d*|[ivxlcdm]+)(?:\s*[–-]\s*(?:\d+|[ivxlcdm]+))?$")
_PAGE_RANGE = re.compile(
    r"^(?:\d+|[ivxlcdm]+)(?:\s*[–-]\s*(?:\d+|[ivxlcdm]+))?(?:\s*ff?\.)?$"
)

# File numbers: decimal ("092 Bonin Islands", "711.5611/2–2162", "103.9302/12a"),
# subject-numeric ("POL 27 VIET S", "AID (JAPAN) VIET S", "POL JAPAN–US"),
# subject + decimal ("Okinawa 323.3", "Viet 385.1 ARC LIGHT"), CFPF ("P860029–2278").
_DECIMAL = re.compile(r"^\d{3}(?:\.[0-9A-Za-z]+)*(?:/[0-9A-Za-z–-]+)?(?:\s+\S.*)?$")
_SUBJECT_NUMERIC = re.compile(
    rf"^{SUBJECT_CODE}(?:\s*\([A-Z][A-Z .]*\))?(?:\s+[A-Z0-9][A-Z0-9–/.()-]*)+"
    rf"(?:\s+and\s+{SUBJECT_CODE}(?:\s+[A-Z0-9][A-Z0-9–/.()-]*)+)*$"
)
_SUBJECT_DECIMAL = re.compile(r"^[A-Z][A-Za-z]+\s+\d{3}\.\d+(?:\s+\S.*)?$")
_CFPF = re.compile(rf"^{PNUMBER}$")

# A new lot, job or WNRC accession inside the same collection ("ibid., FRC 330
# 70 A 4443, Japan 373.24"); a named unit before it ("Conference Files: Lot …")
# is another collection and stays unparsed.
_UNIT = re.compile(r"^(Lot|Job|FRC)\s+(\d.*)$", re.IGNORECASE)
_UNIT_FIELDS = {"lot": "lot", "job": "job", "frc": "accession"}

_LEADING_AND = re.compile(r"^(?:and|&)\s+")
_AND_CAPITAL = re.compile(r",?\s+and\s+(?=[A-Z])")
# Possessive first run: the two runs never trade characters (cubic before).
_JOINING_TAIL = re.compile(r"[\s,;]*+(?:and|also|&)?[\s,;]*$")


@dataclass(frozen=True, slots=True)
class Locators:
    """What the words after an Ibid. (or a declared short title) say.

    ``archival`` holds only finer locators; ``published`` a volume and pages;
    ``frus`` documents (and the volume/pages that go with them). ``rest`` is
    the text that was not understood, empty when everything was.
    """

    archival: ArchivalRef | None = None
    published: PublishedRef | None = None
    frus: FrusRef | None = None
    rest: str = ""

    @property
    def empty(self) -> bool:
        return self.archival is None and self.published is None and self.frus is None


def _split_segments(text: str) -> list[str]:
    """Split at commas, but not inside quotes or parentheses."""
    parts: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch in '“”"':
            closing = ch == "”" or (ch == '"' and quoted)
            quoted = not closing
            # Chicago puts the comma inside the quotes: folder "USSR, General,"
            # box 180 — the closing quote ends the segment.
            if closing and depth == 0 and i and text[i - 1] == ",":
                parts.append(text[start : i + 1])
                start = i + 1
        elif ch == "," and depth == 0 and not quoted:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _clean(value: str) -> str:
    """Trim a field value of surrounding punctuation and its quotes."""
    value = " ".join(value.split())
    return unquote(value.strip(" ,;."))


def _is_file_number(segment: str) -> bool:
    return bool(
        _DECIMAL.match(segment)
        or _SUBJECT_NUMERIC.match(segment)
        or _SUBJECT_DECIMAL.match(segment)
        or _CFPF.match(segment)
    )


def _documents(value: str) -> tuple[int, ...] | None:
    """Document numbers from "35", "35 and 36", "35, 36", "35–37" (ranges expanded)."""
    value = value.strip()
    if not NUM_LIST.pattern.fullmatch(value):
        return None
    return tuple(expand(value))


def locators(text: str) -> Locators:
    """Read the locators in ``text`` (the words after "Ibid.," or a short title).

    Never raises. Anything not understood ends up in ``rest``.
    """
    segments = _split_segments(text.strip().strip(" ,.;"))
    arch: dict[str, str] = {}
    volume: str | None = None
    pages: list[str] = []
    docs: tuple[int, ...] = ()
    rest: list[str] = []
    i = 0
    while i < len(segments):
        seg = _clean(segments[i])
        if (m := _BOX.match(seg)) and "box" not in arch:
            arch["box"] = _clean(m.group(1))
            # After a box, unlabelled words are the folder/file title, as in
            # "Box 542, Country Files, Far East, Korea, Vol. III, 6/70–Dec 70".
            tail = [_clean(s) for s in segments[i + 1 :]]
            if tail and not any(_labelled(s) for s in tail):
                arch["file_unit"] = ", ".join(tail)
                break
        elif (m := _FOLDER.match(seg)) and "folder" not in arch:
            arch["folder"] = _clean(m.group(1))
        elif (m := _REEL.match(seg)) and "reel" not in arch:
            arch["reel"] = _clean(m.group(1))
        elif (m := _FRAMES.match(seg)) and "frames" not in arch:
            arch["frames"] = _clean(m.group(1))
        elif (m := _FILE_NO.match(seg)) and "file_number" not in arch:
            arch["file_number"] = _clean(m.group(1))
        elif (m := _VOLUME.match(seg)) and volume is None:
            volume = _clean(m.group(1))
        elif (m := _PAGES.match(seg)) and not pages:
            pages.append(_clean(m.group(1)))
            # "pp. 482–485, 488–489": the next bare ranges belong to the same list.
            while i + 1 < len(segments) and _PAGE_RANGE.match(_clean(segments[i + 1])):
                i += 1
                pages.append(_clean(segments[i]))
            if i + 1 < len(segments) and _PAGE_NOTE.match(_clean(segments[i + 1])):
                i += 1
        elif (
            (m := _DOCUMENTS.match(seg)) and not docs and (d := _documents(m.group(1)))
        ):
            docs = d
        elif i == 0 and _BARE_PAGES.match(seg):
            pages.append(seg)
        elif (m := _UNIT.match(seg)) and _UNIT_FIELDS[m.group(1).lower()] not in arch:
            arch[_UNIT_FIELDS[m.group(1).lower()]] = _clean(m.group(2))
        elif "file_number" not in arch and _is_file_number(seg):
            # "ibid., POL JAPAN–US, POL CHICOM–JAPAN, …, and FT 1 JAPAN–US":
            # a list of files in the same collection stays one value.
            files = [seg]
            while i + 1 < len(segments):
                nxt = _LEADING_AND.sub("", _clean(segments[i + 1]))
                if not _is_file_number(nxt):
                    break
                files.append(nxt)
                i += 1
            arch["file_number"] = ", ".join(files)
        else:
            rest.append(segments[i])
        i += 1
    archival = None
    if arch:
        archival = ArchivalRef(
            box=arch.get("box"),
            folder=arch.get("folder"),
            reel=arch.get("reel"),
            frames=arch.get("frames"),
            file_number=arch.get("file_number"),
            file_unit=arch.get("file_unit"),
            lot=arch.get("lot"),
            job=arch.get("job"),
            accession=arch.get("accession"),
        )
    frus: FrusRef | None = None
    published: PublishedRef | None = None
    if docs:
        frus = FrusRef(volume=volume, documents=docs, pages=tuple(pages))
    elif volume is not None or pages:
        published = PublishedRef(volume=volume, pages=", ".join(pages) or None)
    return Locators(archival, published, frus, ", ".join(rest))


def _labelled(segment: str) -> bool:
    return any(
        p.match(segment)
        for p in (
            _BOX,
            _FOLDER,
            _REEL,
            _FRAMES,
            _FILE_NO,
            _VOLUME,
            _PAGES,
            _DOCUMENTS,
            _UNIT,
        )
    )


def _balanced_end(text: str) -> int:
    """Where ``text`` meets a ")" it did not open: the citation ends there
    ("(Ibid., POL 7 JAPAN) Rusk's calendar …" left whole by the segmenter)."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
    return len(text)


def _prefix_ok(prefix: str) -> bool:
    """Whether the words before an ibid. leave it free to be claimed."""
    prefix = prefix.strip(_OPENERS)
    if not prefix:
        return True
    if _PREFIX_CITES.search(prefix):
        return False
    return bool(_LINKING.search(prefix) or _DESCRIBED.search(prefix))


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop closing punctuation, but keep a ")" or closing quote the citation
    itself opened ("folder “Italy.”": the title's quotes, and the period
    American style puts inside them, belong to the citation)."""
    while end > start and text[end - 1] in _CLOSERS:
        ch = text[end - 1]
        if ch == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        if ch == "”" and text.count("“", start, end) >= text.count("”", start, end):
            break
        if ch == '"' and text.count('"', start, end) % 2 == 0:
            break
        end -= 1
    return end


def _unit_tail(tail: str) -> ArchivalRef | None:
    """Read a tail that names another unit of the same repository.

    FRUS writes "ibid., S/PC Files: Lot 72 D 139, Country Files" for another
    collection in the repository of the citation before. The archival grammar
    reads such a tail; it is accepted only when it covers the whole tail and
    names no repository (the Ibid. stands for that), so the resolver inherits
    just the repository and record group above the collection it names.
    """
    from archcite.grammar.archival import recognize as archival  # a cycle at import

    body = tail.strip().strip(" ,.;")
    found = archival(body)
    if len(found) != 1:
        return _named_unit(body)
    c = found[0]
    ref = c.archival
    if (
        c.kind != "archival"
        or ref is None
        or c.start > 1
        or c.end < len(body) - 1
        or ref.repository
        or ref.repository_as_cited
        or not (ref.collection or ref.series or ref.record_group)
    ):
        return None
    return replace(ref, item=DocItem(), classification=None, in_authority=False)


# "ibid., Rusk Appointment Books, 1967": a collection of the same repository,
# named by a headline-case title that ends in a word for a person's or an
# office's own records, then at most its years or a file title. "File(s)" and
# "Series" are left out: "ibid., Country File, Japan" after "National Security
# File, …" is a series of the collection before, not a collection of its own,
# and stays partial.
_RECORDS_WORD = re.compile(
    r"\b(?:Books|Diar(?:y|ies)|Papers|Calendars?|Logs?|Journals?|Correspondence|"
    r"Chronos?)$"
)


def _named_unit(body: str) -> ArchivalRef | None:
    segments = [_clean(p) for p in _split_segments(body)]
    if not segments or len(segments) > 3:
        return None
    name, rest = segments[0], segments[1:]
    if (
        not _RECORDS_WORD.search(name)
        or not title_like(name, strict=True)
        or len(name.split()) > 8
        or any(_labelled(s) for s in rest)
        or not all(
            YEAR_SPAN.pattern.fullmatch(s) or title_like(s, strict=True) for s in rest
        )
    ):
        return None
    return ArchivalRef(collection=name, file_unit=", ".join(rest) or None)


def _citation(text: str, start: int, end: int, found: Locators, tail: str) -> Citation:
    reason: str | None = None
    if found.rest and (unit := _unit_tail(tail)) is not None:
        found = Locators(archival=unit)
    if found.rest:
        shown = tail.strip().strip(" ,.;")
        reason = f"words after Ibid. are not a finer locator: {shown!r}"
    return Citation(
        text[start:end],
        start,
        end,
        "ibid",
        "partial" if found.rest else "parsed",
        archival=found.archival,
        published=found.published,
        frus=found.frus,
        reason=reason,
    )


def _and_citation(segment: str) -> tuple[int, int] | None:
    """Where "and <a citation of its own>" starts in an Ibid.'s tail: the
    (start of "and", start of the citation), or ``None``.

    "ibid., DEF 12 JAPAN and Washington National Records Center, …" is two
    citations; the second goes to the other recognizers.
    """
    for m in _AND_CAPITAL.finditer(segment):
        if _PREFIX_CITES.search(segment[m.end() :]) and not _labelled(
            segment[m.end() :]
        ):
            return m.start(), m.end()
    return None


def _others(text: str, offset: int) -> list[Citation]:
    """The citations other recognizers find in ``text`` (a clause remainder)."""
    from archcite.grammar import recognizers
    from archcite.grammar.noncitation import fallback

    for fn in recognizers():
        if fn is recognize:
            continue
        found = fn(text)
        if found:
            break
    else:
        found = [fallback(text)]
    return [
        replace(c, start=c.start + offset, end=c.end + offset)
        for c in found
        if c.end > c.start
    ]


# "(Telegram 797 to Tokyo; ibid.)": a document, then where it is.
_DOC_THEN_IBID = re.compile(r"^[(\[\s]*(?P<doc>[^;()]+?)\s*;\s*$")


def _document_before(prefix: str) -> tuple[int, DocItem] | None:
    """The document a prefix ending in ";" describes, and where it starts.

    Only a prefix that is wholly a document description (its type read by
    the item grammar, and nothing after it) qualifies: "He agreed; ibid."
    does not.
    """
    from archcite.grammar.items import parse_item  # a cycle at import

    m = _DOC_THEN_IBID.match(prefix)
    if m is None:
        return None
    s, e = m.span("doc")
    comps = components(prefix, s, e)
    parts = parse_item(comps)
    if parts.type is None or not comps or parts.used != len(comps):
        return None
    return s, parts.doc_item()


def recognize(text: str) -> list[Citation]:
    """Find Ibid./Id./Idem citations in one clause; offsets relative to ``text``."""
    starts: list[tuple[int, int]] = []  # (token start, token end)
    m_id = _ID_START.match(text)
    if m_id:
        token_start = len(m_id.group(0)) - len(m_id.group(0).lstrip(_OPENERS))
        starts.append((token_start, m_id.end()))
    elif _BID.search(text) is not None:
        starts.extend((m.start(), m.end()) for m in _IBID.finditer(text))
    if not starts:
        return []
    described = None
    if ";" in text[: starts[0][0]]:
        described = _document_before(text[: starts[0][0]])
    if described is None and not _prefix_ok(text[: starts[0][0]]):
        return []
    out: list[Citation] = []
    for n, (tok_start, tok_end) in enumerate(starts):
        limit = starts[n + 1][0] if n + 1 < len(starts) else len(text)
        segment = text[tok_end:limit]
        if n + 1 < len(starts):
            # "are ibid. and ibid., POL JAPAN–US": the joining word is not a locator.
            segment = _JOINING_TAIL.sub("", segment)
        if _YEAR_TAIL.match(segment):
            continue
        segment = segment[: _balanced_end(segment)]
        extra: list[Citation] = []
        if n + 1 == len(starts) and (cut := _and_citation(segment)) is not None:
            rest_at = tok_end + cut[1]
            extra = _others(text[rest_at:], rest_at)
            segment = segment[: cut[0]]
        # The period of "Ibid." is part of the word, not closing punctuation.
        end = max(_trim_end(text, tok_start, tok_end + len(segment)), tok_end)
        found = locators(text[tok_end:end])
        tail = text[tok_end:end].strip()
        # Without a comma the words that follow belong to the Ibid. only if
        # they are plainly locators ("Ibid. p. 45"); otherwise it is bare.
        if tail and not tail.startswith(",") and (found.rest or found.empty):
            end = tok_end
            found = Locators()
        cite = _citation(text, tok_start, end, found, text[tok_end:end])
        if n == 0 and described is not None:
            # The document is the one described; the Ibid. says where it is.
            at, item = described
            arch = replace(cite.archival or ArchivalRef(), item=item)
            cite = replace(cite, text=text[at:end], start=at, archival=arch)
        out.append(cite)
        out.extend(extra)
    return out
