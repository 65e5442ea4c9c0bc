"""Recognize FRUS cross-references in one clause of a note.

Three families, each a :class:`~archcite.model.Citation` with a
:class:`~archcite.model.FrusRef`:

* **named volumes** (``kind="frus"``): a series anchor — "Foreign Relations",
  "Foreign Relations of the United States", "Papers Relating to the Foreign
  Relations of the United States", "FRUS", or a legacy "ibid., 1922," whose
  ibid. stands for *Foreign Relations* — then the subseries or year, title
  words, supplement, volume, part, editors and imprint, and the documents or
  pages. A second volume in the same clause ("…, and vol. XV, Document 3")
  inherits the subseries of the first, and each volume of a list ("vols. V
  and VI") or range ("vols. V–VII") is a reference of its own
  (:func:`_per_volume`);
* **elliptical volumes** (``kind="frus"``, no id yet): "Vol. ii, p. 6" as the
  legacy volumes write a reference to a sibling volume. The id comes from the
  volume the note belongs to (:func:`archcite.authority.frus_volumes.sibling`);
* **internal references** (``kind="internal"``): "See Document 389",
  "footnote 2, Document 6", "Ante, p. 5", "No. 12", "Supra". Their volume is
  filled in by the resolve stage with :func:`with_volume`. "See footnote 2
  above" (or "below") names no document: its footnotes carry
  :data:`~archcite.authority.frus_volumes.CURRENT_DOCUMENT` until the resolve stage
  puts in the document of the note (TEI) or, in a manuscript, where it is a
  note of the text itself, makes it ``not-a-citation``.

Offsets cover the reference itself, not the lead-in ("For texts, see").
``role`` is ``"printing"`` when "printed in" introduces the reference.
"""

from __future__ import annotations

import re
from dataclasses import replace

from archcite.authority.frus_volumes import (
    Parts,
    current_only,
    finish,
    identify,
    subseries_display,
    volume_label,
    years_key,
)
from archcite.grammar.frus_internal import (
    Prefixes,
    describes_document_at,
    internal_refs,
)
from archcite.grammar.frus_locators import (
    bare_pages,
    link,
    locators,
    modern,
    skip,
    volume_colon,
)
from archcite.grammar.frus_scan import Ref, Spans, page_items, tail_start
from archcite.grammar.frus_series import Anchor, anchors
from archcite.grammar.frus_urls import find_urls
from archcite.grammar.vocab import (
    DASH,
    DOCUMENT,
    IN_FULL,
    MONTH_STEM,
    NUM_LIST,
    PAGE_WORD,
    PRINTING_VERB,
    SEP,
    TITLE_CONTINUES,
    expand,
    int_to_roman,
    number,
)
from archcite.model import Citation, FrusRef, Role

__all__ = ["recognize"]

_YEARS = re.compile(
    rf"\[?((?:17|18|19|20)\d\d)\]?(?:\s*{DASH}\s*(\d{{4}}|\d{{2}})\b)?(?=[\s,.;:)\]]|$)"
)
_ROMAN_OR_NUM = r"(?:[IVXLC]+|[ivxlc]+|\d+)"
_VOLUME = re.compile(
    rf"""(?:[Vv]ol(?:ume)?(?P<plural>s)?(?:\.|,(?=\s*[IVXLCivxlc\d]))?)\s*
         (?:(?P<e>E\s*{DASH}\s*)(?P<enum>\d+)
           |(?P<num>{_ROMAN_OR_NUM})(?:\s*[–—/-]\s*(?P<last>{_ROMAN_OR_NUM})
             # "Volumes VII, VIII, IX", "vols. V and VI": Roman only, so that
             # "vol. XIV, 217" keeps its document
             |(?(plural)(?P<more>(?:{SEP}[IVXLC]+)+)))?)
         (?![\w–-])""",
    re.VERBOSE,
)
_ROMAN_ITEM = re.compile(r"[IVXLC]+")
# "Part 2", "pt. 2", and the slips and Chicago forms "pt 2", "part 2"
_PART = re.compile(rf"(?:[Pp]art|pt\.?)\s*(?P<n>{_ROMAN_OR_NUM})\b")
# "Supplement 2", "Supp.", "supp. 1", "suppl. 2"
_SUPPLEMENT = re.compile(
    r"[Ss]upp(?:lement|l?\.)(?:\s*(?P<n>\d+|[IVX]+)\b(?!\s*[:–-]))?"
)
_MICROFICHE = re.compile(r"[Mm]icrofiche\s+[Ss]upplement")
_EDITORS = re.compile(rf"eds?\.\s.*?(?=\s*\(|,\s*(?:{DOCUMENT}|{PAGE_WORD})\s|$)")
_IMPRINT = re.compile(r"\((?:[^()]*?(?:Washington|Printing\s+Office|GPO)[^()]*?)\)")
_BARE_ROMAN = re.compile(r"(?P<v>[IVXLC]+)(?=[,.;\s]|$)")
# A bare number ends the reference, or a link follows it ("…, 1286, https://…").
_BARE_END = r"(?=[.;)\s]|$|,\s*<?(?:https?://|history\.state\.gov))"
_BARE_NUM = re.compile(rf"(?P<list>{NUM_LIST}){_BARE_END}")
# A title may hold a parenthesis ("The Conference of Berlin (Potsdam)"), but
# not the imprint after it ("Korea (Washington, 1976)").
_TITLE = re.compile(
    r"(?:[A-Z“\"‘]|index\b)[^,;()]*"
    r"(?:\((?![^()]*?(?:Washington|Printing\s+Office|GPO))[^()]*\)[^,;()]*)?"
)
_AND_VOL = re.compile(r"\s*+,?\s*(?:and|also|see\s+also)\s+(?:in\s+)?(?=[Vv]ol)")
_LOCATOR_NEXT = re.compile(r",\s*(?:[Vv]ol|pp?\.)")
# "Foreign Relations for 1891"; "Foreign Relations; 1889, p. 112" (a slip)
_FOR_YEAR = re.compile(r"(?:for|;)\s*(?=\[?\d{4}\b)")
# "Foreign Relations of the United States [hereafter FRUS], 1952–1954"
_HEREAFTER = re.compile(
    r"[\[(](?:hereafter|henceforth|cited\s+(?:hereafter\s+)?as)\b[^\])]*[\])]",
    re.IGNORECASE,
)
# A year at the end of a title that came before any year: "The Conferences at
# Cairo and Tehran, 1943"; "General Index, 1900–1918".
_TITLE_YEARS = re.compile(rf",\s*\[?(\d{{4}})\]?(?:\s*{DASH}\s*(\d{{4}}|\d{{2}}))?$")
# The next year of a list after one series name: "Foreign Relations, 1920,
# vol. iii, pp. 12 ff.; 1921, vol. ii, pp. 40 ff.; and 1922, vol. i, p. 7".
_NEXT_YEAR = re.compile(
    rf"\s*[;,]\s*(?:and\s+)?(?=\[?\d{{4}}(?:\s*{DASH}\s*\d{{2,4}})?\s*,\s*"
    r"(?:[Vv]ol|pp?\.|[Ss]upp|pt\b|[Pp]art))"
)
# A supplement of the year of the volume being read: "Supplement 2, pp. 310
# et seq." inside frus1918Supp01v01 is 1918, Supplement 2.
_SUPPLEMENT_ALONE = re.compile(
    r"(?:^|(?<=\b[Ss]ee\s)|(?<=\b[Ss]ee\s\s))[Ss]upp(?:lement|l?\.)\s*(?P<n>\d+)\b"
)
# "printed in", "reprinted in full in", "published, in ibid., ": the reference
# is where the document is printed.
_PRINTING = re.compile(
    rf"{PRINTING_VERB}{IN_FULL},?\s+(?:in\s+)?(?:ibid\.,\s*)?$", re.I
)


def _scan_named(text: str, a: Anchor, start: int | None = None) -> Ref | None:
    """Parse the components after a series anchor; ``None`` if it is no FRUS ref.

    ``start`` is where a following year of a list begins ("…; 1921, vol. ii,
    …"), which the series name before it covers.
    """
    begin = a.start if start is None else start
    ref = Ref(start=begin, end=a.end if start is None else start, from_ibid=a.from_ibid)
    parts: dict[str, object] = {}
    titles: list[str] = []
    i = ref.end
    chunks = 0
    title_end = 0
    title_semicolons = 0
    more: list[tuple[int, int, int]] = []
    after_title = after_imprint = False
    scanned = 0  # the end of the last imprint or editors read
    if start is None and (f := _FOR_YEAR.match(text, skip(text, i))):
        i = f.end()
    while i < len(text) and chunks < 12:
        chunks += 1
        was_title, after_title = after_title, False
        j = skip(text, i)
        if j >= len(text):
            break
        if text.startswith(";", j):
            if (
                was_title
                and title_semicolons <= 0
                and TITLE_CONTINUES.match(text, j + 1)
            ):
                # "National Security Policy; Arms Control and Disarmament, ed. …"
                t = _TITLE.match(text, skip(text, j + 1))
                if t is not None:
                    titles[-1] += "; " + t.group(0).strip().rstrip(".")
                    after_title = True
                    i = t.end()
                    continue
            # "Volumes VII, VIII, IX, Arms Control; National Security Policy;
            # Foreign Economic Policy": one title per volume listed
            if title_semicolons <= 0 or not was_title:
                break
            title_semicolons -= 1
            i = j + 1
            continue
        k = locators(text, j, ref)
        if k > j:
            ref.end = i = k
            break
        if h := _HEREAFTER.match(text, j):
            i = h.end()
            continue
        if (im := _IMPRINT.match(text, j)) or (im := _EDITORS.match(text, j)):
            after_imprint = after_imprint or im.group(0).startswith("(")
            i = scanned = im.end()
            continue
        if "years" not in parts and (y := _YEARS.match(text, j)):
            if "." in text[i:j] and not _LOCATOR_NEXT.match(text, y.end()):
                # "Foreign Relations. 1929, vol. i" is a slip for the comma,
                # plain only when a volume or page follows the year
                break
            parts["years"] = years_key(y.group(1), y.group(2))
            ref.end = i = y.end()
            continue
        if titles and (y := _YEARS.match(text, j)):
            # a year inside a volume title: "Korea, 1969–1972"; "December 4, 1917"
            titles[-1] += ", " + y.group(0)
            i = title_end = y.end()
            continue
        if (
            "years" in parts
            and "volume" not in parts
            and (vc := volume_colon(text, j, ref))
        ):
            # Chicago's "FRUS, 1961–63, 6:35"
            parts["volume"], part, ref.end = vc
            if part is not None:
                parts["part"] = part
            i = ref.end
            break
        if "volume" not in parts and (v := _VOLUME.match(text, j)):
            if v.group("e"):
                parts["volume"], parts["electronic"] = int(v.group("enum")), True
            else:
                parts["volume"] = number(v.group("num"))
                ref.first_volume_end = v.end("num")
                if v.group("last"):
                    parts["microfiche_last"] = number(v.group("last"))
                    more = _range(v)
                    ref.volume_range = f"{v.group('num')}–{v.group('last')}"
                    title_semicolons = len(more)
                if v.group("more"):
                    at = v.start("more")
                    more = [
                        (vn, at + r.start(), at + r.end())
                        for r in _ROMAN_ITEM.finditer(v.group("more"))
                        if (vn := number(r.group(0))) is not None
                    ]
                    title_semicolons = len(more)
            ref.end = i = v.end()
            continue
        if "part" not in parts and (p := _PART.match(text, j)):
            parts["part"] = number(p.group("n"))
            ref.end = i = p.end()
            continue
        if (s := _SUPPLEMENT.match(text, j)) and not _MICROFICHE.match(text, j):
            parts["supplement"] = number(s.group("n")) if s.group("n") else 1
            ref.end = i = s.end()
            continue
        if mf := _MICROFICHE.match(text, j):
            parts["microfiche"] = True
            ref.end = i = mf.end()
            continue
        if (
            "years" in parts
            and "volume" not in parts
            and (b := _BARE_ROMAN.match(text, j))
        ):
            # compact "FRUS 1964–1968, XIV, 217"
            parts["volume"] = number(b.group("v"))
            ref.end = i = b.end()
            continue
        if after_imprint and "years" in parts and (k := bare_pages(text, j, ref)) > j:
            # Chicago: the number after the imprint is a page ("…, 2006), 45")
            ref.end = i = k
            break
        if "years" in parts and "volume" in parts and (n := _BARE_NUM.match(text, j)):
            if modern(str(parts["years"])):
                ref.documents.extend(expand(n.group("list")))
            else:
                ref.pages.extend(page_items(n.group("list")))
            ref.has_locator = True
            ref.end = i = n.end()
            break
        limit = 2 if ref.from_ibid else 5
        if (t := _TITLE.match(text, j)) and len(titles) < limit:
            titles.append(t.group(0).strip().rstrip("."))
            after_title = True
            i = t.end()
            title_end = i - (len(t.group(0)) - len(t.group(0).rstrip(" .")))
            continue
        break
    if "years" not in parts and titles and (ty := _TITLE_YEARS.search(titles[-1])):
        # "Foreign Relations …: The Conferences at Cairo and Tehran, 1943"
        parts["years"] = years_key(ty.group(1), ty.group(2))
        titles[-1] = titles[-1][: ty.start()]
    if "years" not in parts:
        return None
    if a.years and not a.years[0] <= int(str(parts["years"])[:4]) <= a.years[1]:
        return None  # "Diplomatic Correspondence" of a year it is not the name of
    if url := link(text, max(ref.end, title_end, scanned)):
        ref.url = url
        ref.end = url.end
    if not ref.has_locator and title_end > ref.end:
        ref.end = title_end  # a volume cited by its title: the title is the reference
    if more and parts.get("microfiche"):
        # a list of consecutive volumes shares one supplement, as "VII–IX" does
        parts["microfiche_last"] = more[-1][0]
        more = []
    if parts.get("microfiche_last") and not parts.get("microfiche"):
        parts.pop("microfiche_last")
    ref.more_volumes = more
    ref.parts = Parts(
        years=str(parts["years"]),
        volume=parts.get("volume"),  # type: ignore[arg-type]
        electronic=bool(parts.get("electronic")),
        part=parts.get("part"),  # type: ignore[arg-type]
        supplement=parts.get("supplement"),  # type: ignore[arg-type]
        microfiche=bool(parts.get("microfiche")),
        microfiche_last=parts.get("microfiche_last"),  # type: ignore[arg-type]
        title=", ".join(t for t in titles if t),
    )
    return ref


def _range(v: re.Match[str]) -> list[tuple[int, int, int]]:
    """The volumes after the first of the range "vols. V–VII" (number, start,
    end): the last is its numeral, those between stand on the dash."""
    first, last = number(v.group("num")), number(v.group("last"))
    between = v.string[v.end("num") : v.start("last")]
    if first is None or last is None or not 0 < last - first <= 20 or "/" in between:
        return []
    dash = v.end("num") + len(between) - len(between.lstrip())
    dash_end = dash + len(between.strip())
    middle = [(n, dash, dash_end) for n in range(first + 1, last)]
    return [*middle, (last, v.start("last"), v.end("last"))]


def _scan_elliptical(text: str, start: int, inherit: Parts | None) -> Ref | None:
    """A "vol. XV, Document 3" reference at ``start`` (after its lead-in)."""
    v = _VOLUME.match(text, start)
    if v is None or v.group("last"):
        return None
    ref = Ref(start=start, end=v.end())
    if v.group("e"):
        vol, electronic = int(v.group("enum")), True
    else:
        vol, electronic = number(v.group("num")) or 0, False
    i = v.end()
    part = None
    if p := _PART.match(text, skip(text, i)):
        part = number(p.group("n"))
        i = p.end()
    k = locators(text, i, ref)
    if not ref.has_locator:
        return None
    ref.end = k
    base = inherit or Parts()
    ref.parts = Parts(
        years=base.years,
        volume=vol,
        electronic=electronic,
        part=part,
        supplement=base.supplement if inherit else None,
    )
    return ref


# A standalone "vol. ii, p. 6" is FRUS only when nothing before it names another
# work: the lead-in is empty, a verb or preposition, a date, a time, a quoted
# chapter title or a telegram number — not a title such as "Papers of Woodrow
# Wilson, vol. 43" or "League of Nations Treaty Series, vol. cvi".
_ELLIPTICAL_LEAD = re.compile(
    rf"""(?:^|[.;:]\s*|(?:^|\s)(?:[Ss]ee(?:\s+also)?|[Cc]f\.|in|and|also|[Ii]n\s+full|
         {PRINTING_VERB}{IN_FULL}|ante|post)\s*,?\s*
       | \b{MONTH_STEM}\s+\d{{1,2}},\s*
       | \b(?:\d{{1,2}}(?::\d\d)?\s+[ap]\.m\.|noon|midnight),\s*
       | ”,?\s*
       | \bNo\.\s+\d+,\s*
    )$""",
    re.VERBOSE,
)


def _role(text: str, start: int) -> Role:
    return (
        "printing"
        if _PRINTING.search(text[max(0, start - 40) : start])
        else "reference"
    )


def _to_frus(ref: Ref, internal: bool) -> FrusRef:
    documents = tuple(dict.fromkeys(ref.documents))
    pages, footnotes = tuple(ref.pages), tuple(ref.footnotes)
    if internal:
        reason: str | None = "reference inside the current volume; resolve with its id"
        if current_only(footnotes):
            reason = (
                "footnote of the current document; resolve with the note's document"
            )
        return FrusRef(
            documents=documents,
            pages=pages,
            footnotes=footnotes,
            internal=True,
            reason=reason,
        )
    parts = ref.parts
    volume_id = None
    url = ref.url
    if url is not None and not documents and not pages:
        # "…, https://history.state.gov/historicaldocuments/frus1977-80v01/d25"
        documents = (url.document,) if url.document is not None else ()
        pages = (url.page,) if url.page is not None else ()
    if parts.years is None and url is not None:
        volume_id, reason = url.volume_id, None
    elif parts.years is None:
        reason = "volume of the series being cited; resolve against the current volume"
    else:
        volume_id, reason = identify(parts)
        if ref.from_ibid:
            note = "series taken from ibid. (Foreign Relations)"
            reason = f"{note}; {reason}" if reason else note
        if url is not None and url.volume_id != volume_id:
            if volume_id is None:
                volume_id, reason = url.volume_id, None
            else:
                note = f"its link names {url.volume_id}"
                reason = f"{reason}; {note}" if reason else note
    if ref.note:
        reason = f"{reason}; {ref.note}" if reason else ref.note
    fr = FrusRef(
        volume_id=volume_id,
        subseries=subseries_display(parts.years) if parts.years else None,
        volume=volume_label(parts),
        part=str(parts.part) if parts.part is not None else None,
        title=parts.title if parts.years is None and parts.supplement else None,
        documents=documents,
        pages=pages,
        footnotes=footnotes,
        reason=reason,
    )
    return fr if volume_id is None and parts.years is None else finish(fr)


def _per_volume(ref: Ref) -> list[Ref]:
    """ "Foreign Relations, 1961–1963, vols. V and VI": one reference per volume.

    A volume id names one volume, so each volume of the list is a reference of
    its own: the first from the series anchor to its numeral, the others their
    numeral, the last up to the end (titles, locators). What is written after
    the last volume — a Part, documents or pages — is the last volume's
    ("vols. XXVII and XXIX, Part 2" is vol. XXVII and vol. XXIX, Part 2); the
    volumes before it are cited whole. In a range ("vols. V–VII") the
    volumes between the ends are cited by the dash, and their reason says so.
    """
    if not ref.more_volumes or ref.parts.volume is None:
        return [ref]
    spans = [(ref.parts.volume, ref.start, ref.first_volume_end), *ref.more_volumes]
    out: list[Ref] = []
    for k, (volume, start, end) in enumerate(spans):
        last = k == len(spans) - 1
        one = Ref(
            start=start,
            end=ref.end if last else end,
            parts=replace(
                ref.parts, volume=volume, part=ref.parts.part if last else None
            ),
            from_ibid=ref.from_ibid,
            lead_end=ref.start,
        )
        if ref.volume_range and k > 0 and not last:
            one.note = (
                f"vol. {int_to_roman(volume)} is inside the range "
                f"vols. {ref.volume_range}; its span is the dash"
            )
        if last:
            one.documents, one.pages = ref.documents, ref.pages
            one.footnotes, one.has_locator = ref.footnotes, ref.has_locator
        out.append(one)
    return out


def _citation(text: str, ref: Ref, internal: bool) -> Citation:
    fr = _to_frus(ref, internal)
    complete = fr.known or (internal and ref.has_locator)
    return Citation(
        text=text[ref.start : ref.end],
        start=ref.start,
        end=ref.end,
        kind="internal" if internal else "frus",
        status="parsed" if complete else "partial",
        role=_role(text, ref.start if ref.lead_end is None else ref.lead_end),
        frus=fr,
    )


def _named_refs(text: str) -> list[Ref]:
    """The references that follow a series anchor, with the volumes listed
    after them ("…, and vol. XV, Document 3"; "…; 1921, vol. ii, p. 4")."""
    named: list[Ref] = []
    pos = 0
    while (a := next(anchors(text, pos), None)) is not None:
        ref = _scan_named(text, a)
        if ref is None:
            pos = a.end
            continue
        named.append(ref)
        pos = ref.end
        while True:
            # "…, Documents 217 and 218, and vol. XV, Document 3"
            if (m := _AND_VOL.match(text, pos)) is not None:
                extra = _scan_elliptical(text, m.end(), ref.parts)
            elif (m := _NEXT_YEAR.match(text, pos)) is not None:
                extra = _scan_named(text, a, m.end())
            else:
                break
            if extra is None:
                break
            named.append(extra)
            pos = extra.end
    return named


def _supplement_alone(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
    """ "Supplement 2, pp. 310 et seq.": a supplement of the year being read."""
    m = _SUPPLEMENT_ALONE.search(text)
    if m is None or any(a <= m.start() < b for a, b in taken):
        return []
    ref = Ref(start=m.start(), end=m.end())
    i = m.end()
    volume = None
    if (v := _VOLUME.match(text, skip(text, i))) and not v.group("last"):
        volume = number(v.group("num") or "")
        i = v.end()
    k = locators(text, i, ref)
    if not ref.has_locator:
        return []
    ref.end = k
    ref.parts = Parts(
        volume=volume, supplement=int(m.group("n")), title=f"Supplement {m.group('n')}"
    )
    return [ref]


def _bare_links(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
    """A history.state.gov link that no reference in words ends."""
    if "history.state.gov" not in text:
        return []
    out = []
    claimed = Spans(taken)
    for url in find_urls(text):
        if not claimed.covers(url.start):
            out.append(Ref(start=url.start, end=url.end, url=url, has_locator=True))
    return out


def _recognize(text: str) -> list[Citation]:
    named = _named_refs(text)
    taken = [(r.start, r.end) for r in named]
    claimed = Spans(taken)
    before = Prefixes(text)
    elliptical: list[Ref] = []
    for v in _VOLUME.finditer(text):
        at = v.start()
        if claimed.covers(at):
            continue
        # The lead-in is searched back from the volume, and the description
        # before it read through offsets: never a copy of the whole prefix.
        end = at
        while end > 0 and text[end - 1].isspace():
            end -= 1
        head = end
        while head > 0 and text[head - 1] in ',”"':
            head -= 1
        if not _ELLIPTICAL_LEAD.search(text, tail_start(text, at, 64), at) and not (
            end > 0 and text[end - 1] == "," and describes_document_at(before, head)
        ):
            continue
        ref = _scan_elliptical(text, at, None)
        if ref is not None:
            elliptical.append(ref)
            taken.append((ref.start, ref.end))
            claimed.add(ref.start, ref.end)
    elliptical += _supplement_alone(text, taken)
    elliptical += _bare_links(text, taken)
    taken += [(r.start, r.end) for r in elliptical]
    internal = internal_refs(text, taken)
    listed = [one for r in named for one in _per_volume(r)]
    out = [_citation(text, r, False) for r in listed + elliptical]
    out += [_citation(text, r, True) for r in internal]
    return sorted(out, key=lambda c: c.start)


# A cheap test every FRUS reference passes, so that two thirds of all clauses
# skip the scan: a loosened union of the heads of _SERIES, _VOLUME,
# the patterns of frus_internal ("Ante"/"Post" need pages) and PAGES, each
# behind one of a few letters. tests/test_recognize_gates.py checks it.
_GATE = re.compile(
    r"""[FIVDNSipvsfPh](?:oreign\s+(?:Relations|[Aa]ffairs)|RUS|bid\.,?\s*(?:\[?\d{4}|General)
      | or\.\s*Rel | iplomatic\s+Correspondence | istory\.state\.gov
      | ootnotes?\s+\d | upp(?:lement|l?\.)\s*\d
      | ol(?:ume)?s?[.,]?\s*[EIVXLCivxlc\d] | ocuments?\s+\d | os?\.\s+\d
      | upra | nfra | p?\.\s*[\divxlc] | p\s+\d | ages?\s*[\divxlc])""",
    re.VERBOSE,
)


def recognize(text: str) -> list[Citation]:
    """FRUS cross-references in one clause (offsets relative to ``text``)."""
    if _GATE.search(text) is None:
        return []
    try:
        return _recognize(text)
    except (ValueError, IndexError, TypeError, RecursionError):  # pragma: no cover
        # The recognizer contract: never raise on any input; a clause the
        # grammar trips over is simply not claimed.
        return []
