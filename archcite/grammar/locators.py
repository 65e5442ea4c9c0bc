"""The pieces of an archival citation: components, locators, places and the item.

An archival citation is a comma-separated list of *components* (repository,
collection, "Box 736", a folder title …). :func:`components` cuts the text
without breaking quoted folder titles, parentheses or dates ("May 1, 1965"
stays one component); :func:`classify` says what kind of locator a component
is; :func:`parse_item` reads the description of the document itself that
Chicago-style notes put first ("Dean Rusk to John F. Kennedy", "memorandum",
"February 20, 1962"). Everything here is pure and never raises on text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from archcite.grammar.segment import ends_with_abbreviation
from archcite.grammar.vocab import (
    ARCHIVE_CITIES,
    BOX,
    ENTRY_PREFIX,
    FILE_NO,
    FOLDER,
    FONDS_AMBIGUOUS,
    FONDS_UNIT,
    FONDS_UNITS,
    FOREIGN_BOX_WORDS,
    FOREIGN_FOLDER_WORDS,
    FRAMES,
    MONTH,
    PNUMBER,
    REEL,
    SUBJECT_CODE,
    TNA_SERIES,
    words,
)

# A component that ends in "Month D" continues into a following "YYYY…".
_ENDS_MONTH_DAY = re.compile(rf"{MONTH}\s+\d{{1,2}}$")
_STARTS_YEAR = re.compile(r"^\d{4}\b")


@dataclass(frozen=True, slots=True)
class Component:
    """One comma-separated part of a citation; ``text`` is trimmed, offsets exact."""

    start: int
    end: int
    text: str


def _trimmed(text: str, s: int, e: int) -> Component | None:
    while s < e and text[s] in " \t\n,":
        s += 1
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return Component(s, e, text[s:e]) if e > s else None


_SPECIAL = re.compile(r'[()\[\]“”",]')


def components(text: str, start: int = 0, end: int | None = None) -> list[Component]:
    """Split ``text[start:end]`` at top-level commas.

    Commas inside parentheses, brackets and quotes do not split; a Chicago
    folder title that closes with a comma inside the quote ("USSR, General,
    2/62,") ends its component at the closing quote. A date cut by its comma
    ("May 1", "1965") is joined again.
    """
    end = len(text) if end is None else end
    parts: list[Component] = []
    depth = 0
    quote = False
    s = start
    for m in _SPECIAL.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth:
                depth -= 1
        elif ch == "“" or (ch == '"' and not quote):
            quote = True
        elif ch == "”" or ch == '"':
            quote = False
            if i > s and text[i - 1] == ",":
                comp = _trimmed(text, s, i + 1)
                if comp:
                    parts.append(comp)
                s = i + 1
        elif depth == 0 and not quote:  # a comma
            comp = _trimmed(text, s, i)
            if comp:
                parts.append(comp)
            s = i + 1
    comp = _trimmed(text, s, end)
    if comp:
        parts.append(comp)
    merged: list[Component] = []
    for comp in parts:
        if (
            merged
            and _STARTS_YEAR.match(comp.text)
            and _ENDS_MONTH_DAY.search(merged[-1].text)
        ):
            prev = merged[-1]
            merged[-1] = Component(prev.start, comp.end, text[prev.start : comp.end])
        else:
            merged.append(comp)
    return merged


def unquote(value: str) -> str:
    """Strip surrounding quotes and the comma or period Chicago puts inside them.

    American style moves a sentence's period inside the closing quote
    ("folder “Italy.”"); an abbreviation's own period stays ("“Misc. Corres.”").
    """
    value = value.strip()
    if len(value) >= 2 and value[0] in '“"' and value[-1] in '”"':
        value = value[1:-1].strip().rstrip(",").strip()
        if value.endswith(".") and not ends_with_abbreviation(value):
            value = value[:-1].rstrip()
    return value.strip().rstrip(",").strip()


# ---- locators -------------------------------------------------------------

_SUBJECT_ONE = (
    rf"{SUBJECT_CODE}(?:\s+\d+(?:[–-]\d+)*)?"
    r"(?:\s+[A-Z][A-Za-z]*(?:[–-][A-Z][A-Za-z]*)*)*"
)
_SUBJECT = re.compile(rf"^{_SUBJECT_ONE}(?:,?\s+(?:and|&)\s+{_SUBJECT_ONE})*$")
_DECIMAL_ONE = (
    r"\d{3}[a-z]?\.[0-9A-Za-z]+(?:\s+(?:[A-Z][A-Za-z]*|for|of|and)){0,5}"
    r"/[0-9A-Za-z½¼¾–-]+(?:\s+supp\.)?"
)
_DECIMAL_LIST = (
    rf"{_DECIMAL_ONE}(?:(?:,\s*|,?\s+and\s+)(?:{_DECIMAL_ONE}|\d+[a-z]?\b))*"
)
_DECIMAL_TYPE = (
    r"(?::\s*(?P<type>Telegram|Memorandum|Letter|Despatch|Dispatch|Airgram|Circular|"
    r"Instruction|Note))?"
)
_DECIMAL = re.compile(rf"^(?P<num>{_DECIMAL_LIST}){_DECIMAL_TYPE}$")
#: A legacy file number inside prose: "(832.113/61)", "(File No. 861.51/305)",
#: "…, File No. 811.20261 T/19", "File Nos. 661.119/3420, 304g, and 861.51/451c".
LEGACY_IN_TEXT = re.compile(
    rf"(?:(?<=\()(?P<label>{FILE_NO}\s*)?(?P<num>{_DECIMAL_LIST}){_DECIMAL_TYPE}(?=\))"
    rf"|(?<![\w/.])(?P<label2>{FILE_NO}\s*)(?P<num2>{_DECIMAL_LIST}){_DECIMAL_TYPE.replace('type', 'type2')})"
)
# A decimal file number without the document's slash ("103.93", "680.1 Bonin
# Islands") or a subject file under a number ("560 Japan"): a filing unit, weaker
# than a full decimal number, so never enough to make a citation by itself.
_FILING = re.compile(
    r"^\d{3}(?:(?:\.\d+[a-z]?)+(?:\s+[A-Z][\w.’'-]*){0,3}|(?:\s+[A-Z][\w.’'-]*){1,3})"
    r"(?:\s+\([\d/–-]+\))?$"
)
# Filing codes with the subject first ("Laos 381", "Japan 091.112") or a JCS
# prefix ("CCS 092 Asia (6-25-48)"), JCS papers and conference files, and CREST document numbers
# ("CIA-RDP80B01676R000900030001-5"): file numbers, never a title.
_FILING_NAMED = re.compile(
    r"^(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+\d{3}(?:\.\d+[a-z]?)*"
    r"|(?:CCS|JCS)\s+\d{3}(?:\.\d+)*(?:\s+[A-Z][\w.’'-]*){0,3}(?:\s+\([\d/–-]+\))?"
    r"(?:,?\s+(?:Sec(?:tion)?\.?|sec\.)\s*\d+)?"
    # A JCS paper ("JCS 1844/46") and a conference file ("CF 2044") are
    # numbered documents and files, not collections.
    r"|JCS\s+\d{3,4}/\d+(?:\s*[–-]\s*\d+)?|CF\s+\d{2,4}[A-Z]?"
    r"|CIA-RDP[0-9A-Z]{10,}-\d)$"
)
# First words that are never a subject heading of a filing code.
_NOT_SUBJECT = frozenset(
    {
        "Box",
        "Folder",
        "Reel",
        "Roll",
        "Entry",
        "Vol",
        "Volume",
        "Part",
        "Tab",
        "Lot",
        "Job",
        "File",
        "Room",
        "Series",
        "Item",
        "Page",
    }
)
_PNUMBER = re.compile(rf"^{PNUMBER}(?:\s*(?:/|and|,)\s*{PNUMBER})*$")
_TNA = re.compile(
    rf"^(?P<cls>{words(TNA_SERIES)}\s+\d+)"
    r"/(?P<piece>\d+[A-Z]?)(?:/\d+)?$"
)

_LOCATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("rg", re.compile(r"^(?:RG|Record\s+Group)\s*(?P<v>\d+[A-Z]?)$", re.I)),
    (
        "entry",
        re.compile(rf"^Entry\s+(?P<v>(?:{ENTRY_PREFIX}[\s–-]*)?\d+[A-Z]?)$", re.I),
    ),
    (
        "box",
        # "caja 82/5432": the Spanish archives number a box within its series.
        re.compile(rf"^{BOX}\s+(?P<v>[\w–/-]+(?:\s*(?:–|-|and|&)\s*[\w–-]+)?)$", re.I),
    ),
    ("folder", re.compile(rf"^{FOLDER}\s+(?P<v>.+)$", re.I)),
    ("reel", re.compile(rf"^(?:Microfilm\s+)?{REEL}\s+(?P<v>[\w–-]+)$", re.I)),
    (
        "frames",
        re.compile(rf"^{FRAMES}\s+(?P<v>[\w–-]+(?:\s*[–-]\s*[\w–-]+)?)$", re.I),
    ),
    (
        "lot",
        re.compile(r"^(?:(?P<pre>[^:]+):\s*)?Lot\s+(?P<v>\d{2}\s*[DF]\s*\d+[A-Z]?)$"),
    ),
    (
        "accession",
        re.compile(
            r"^(?:(?P<pre>[^:;]+)[:;]\s*)?FRC\s+(?P<v>(?:\d{2,3}\s+)?\d{2}\s+[A-Z]\s+\d+[A-Z]?)$"
        ),
    ),
    # "Job 79–01025A", "Job 80R01731R" (CIA job numbers are also written without the dash).
    ("job", re.compile(r"^Job\s+(?:No\.\s*)?(?P<v>\d{2}[–-]?[A-Z]?\d{4,5}[A-Z]?)$")),
    ("file_no", re.compile(rf"^{FILE_NO}\s*(?P<v>.+)$")),
    # "Band 12" (German), "volume 371" (French): the volume of a series.
    (
        "vol",
        re.compile(
            r"^(?:Vol|Volume|Tab|Part|Pt|Band|Bd)\.?\s+[\dIVXLC]+[A-Za-z]?$", re.I
        ),
    ),
    # French "sous-série États-Unis": the series under a série (collection).
    ("subseries", re.compile(r"^[Ss]ous-s[ée]rie\s+\S.*$")),
    ("microfilm", re.compile(r"^Microfilm(?:\s+(?:edition|collection|copy))?$", re.I)),
)

#: kinds that make a text an archival citation even without a repository
STRONG = frozenset(
    {"rg", "entry", "box", "folder", "reel", "lot", "accession", "job", "file_no", "decimal",
     "pnumber", "tna"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Locator:
    kind: str
    value: str
    prefix: str | None = None
    item_type: str | None = None


# The first word of a component picks the one locator pattern worth trying.
_FIRST_WORD = {
    "rg": "rg", "record": "rg", "entry": "entry", "box": "box", "boxes": "box",
    **{w.lower(): "box" for w in FOREIGN_BOX_WORDS},
    **{w.lower(): "folder" for w in FOREIGN_FOLDER_WORDS},
    "folder": "folder", "folders": "folder", "reel": "reel", "reels": "reel", "roll": "reel",
    "rolls": "reel", "frame": "frames", "frames": "frames", "fr": "frames", "frs": "frames",
    "lot": "lot", "frc": "accession", "job": "job", "file": "file_no", "vol": "vol",
    "volume": "vol", "tab": "vol", "part": "vol", "pt": "vol", "band": "vol", "bd": "vol",
    "sous": "subseries",
}  # fmt: skip
_BY_KIND = dict(_LOCATORS)
_WORD0 = re.compile(r"[A-Za-z]+")


def _located(kind: str, m: re.Match[str], comp: str) -> Locator:
    groups = m.groupdict()
    value = groups.get("v") or comp
    if kind == "folder":
        value = unquote(value)
    pre = groups.get("pre")
    return Locator(kind, value.strip(), pre.strip() if pre else None)


# Pure and called on the same component by several passes (assignment, order,
# record-group titles); locators are frozen, so answers can be shared.
@lru_cache(maxsize=16384)
def classify(comp: str) -> Locator | None:
    """What locator ``comp`` is, or ``None`` for a plain title."""
    if not comp:
        return None
    first = comp[0]
    if first.isdigit():
        m = _DECIMAL.match(comp)
        if m is not None:
            t = m.group("type")
            return Locator(
                "decimal", m.group("num"), item_type=t.lower() if t else None
            )
        if _FILING.match(comp):
            return Locator("filing", comp)
        if "Lot " not in comp:
            return None
        # "1962–1964: Lot 70 D 199": the dates of the series the lot file is
        # named by, cut from it by the comma before them.
    w = _WORD0.match(comp)
    kind = _FIRST_WORD.get(w.group().lower()) if w else None
    if kind is None and "Lot " in comp:
        kind = "lot"
    elif kind is None and "FRC " in comp:
        kind = "accession"
    elif kind is None and w is not None and w.group() == "Microfilm":
        kind = "reel" if "Reel" in comp or "Roll" in comp else "microfilm"
    if kind is not None:
        m = _BY_KIND[kind].match(comp)
        if m is not None:
            return _located(kind, m, comp)
    if not first.isupper():
        return None
    if _SUBJECT.match(comp):
        return Locator("subject", comp)
    if first in "PDNO" and _PNUMBER.match(comp):
        return Locator("pnumber", comp)
    if _FILING_NAMED.match(comp) and (w is None or w.group() not in _NOT_SUBJECT):
        return Locator("filing", comp)
    m = _TNA.match(comp)
    if m is not None:
        return Locator("tna", comp, prefix=m.group("cls"))
    return None


_FONDS_UNIT = re.compile(rf"^{FONDS_UNIT}$")
_FONDS_WORD = re.compile(words(FONDS_UNITS))


def fonds_units(comps: list[str]) -> list[str | None]:
    """The unit of a fonds-based archive each component is, if any.

    "f. 5, op. 30, d. 335, ll. 1–9": fond, opis, delo, folio (the words and
    their units are in ``vocab.toml``). A component another locator reads is
    none; an ambiguous word ("p. 38", "f. 12") is a unit only when another
    component is an unambiguous one, so that a page stays a page.
    """
    found: list[tuple[str, bool] | None] = []
    for comp in comps:
        m = _FONDS_UNIT.match(comp) if comp[:1].isalpha() else None
        if m is None or classify(comp) is not None:
            found.append(None)
            continue
        word = _FONDS_WORD.match(comp)
        assert word is not None  # the unit pattern opens with one of the words
        found.append((FONDS_UNITS[word.group()], word.group() in FONDS_AMBIGUOUS))
    chain = any(f is not None and not f[1] for f in found)
    return [f[0] if f is not None and (chain or not f[1]) else None for f in found]


# ---- places ---------------------------------------------------------------

_STATES = frozenset(
    ["D.C", "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "UK", "ON", "ACT", "U.K", "U.K.", "USA", "U.S.A"]
) | {
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Calif.", "Colorado",
    "Connecticut", "Conn.", "D.C.", "Delaware", "Florida", "Georgia", "Ga.", "Hawaii",
    "Idaho", "Illinois", "Ill.", "Indiana", "Iowa", "Kansas", "Kans.", "Kan.", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Md.", "Massachusetts", "Mass.", "Michigan", "Mich.",
    "Minnesota", "Mississippi", "Missouri", "Mo.", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "N.J.", "New Mexico", "New York", "N.Y.",
    "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Pa.",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Tex.", "Utah",
    "Vermont", "Virginia", "Va.", "Washington", "West Virginia", "Wisconsin", "Wyoming",
    "Ark.", "England", "United Kingdom", "Great Britain", "Germany", "France", "Canada",
    "Australia", "Ontario", "Scotland", "Wales", "Belgium", "Netherlands", "Switzerland",
}  # fmt: skip
_CITY = re.compile(r"^[A-Z][a-zA-Z.]+(?:\s+[A-Z][a-zA-Z.]+){0,2}$")


def is_region(text: str) -> bool:
    """Whether ``text`` is a state or country that follows a city ("MA", "D.C.", "UK")."""
    return text in _STATES


def _place_part(text: str) -> bool:
    return text in _STATES or text in ARCHIVE_CITIES


def place_at(comps: list[Component], i: int, known: str | None) -> int:
    """How many components starting at ``comps[i]`` are a place ("Boston", "MA").

    The authority's city (with whatever region or city follows it: "Kew,
    London", "Princeton, New Jersey"), a city and its region, or — at the end of
    the citation — well-known archive cities and regions ("London", "Paris",
    "Washington, D.C.").
    """
    if i >= len(comps):
        return 0
    first = comps[i].text
    n = 0
    if known and first in (known.split(",")[0].strip(), known):
        n = 1
    elif _CITY.match(first) and i + 1 < len(comps) and comps[i + 1].text in _STATES:
        n = 2
    elif _place_part(first):
        n = 1
    else:
        return 0
    while n < 3 and i + n < len(comps) and _place_part(comps[i + n].text):
        n += 1
    if (
        i + n < len(comps)
        and not (known and first == known.split(",")[0].strip())
        and first not in ARCHIVE_CITIES
    ):
        # Only the authority's own city, or a city where archives are ("Archives
        # nationales, Paris, AG/5(1)/123", "Public Record Office, London, CAB
        # 128/36"), may stand before more locators; other place words must end
        # the citation ("Johnson Library, Vietnam" is not a place).
        return 0
    return n


# ---- titles and the item ----------------------------------------------------

_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "for",
        "on",
        "to",
        "in",
        "at",
        "by",
        "with",
        "from",
        "de",
        "la",
        "le",
        "du",
        "des",
        "del",
        "della",
        "dello",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "der",
        "und",
        "y",
        "or",
        "vs",
        "via",
        "as",
        "per",
        "re",
        "no",
        "nos",
        "vol",
    ]
)
# Whole words in any script: "Nación" is one capitalized word, not "Naci" and "n".
_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’.-])*")


def title_like(comp: str, strict: bool = False) -> bool:
    """Whether ``comp`` reads as a name or title rather than a clause of prose.

    ``strict`` allows no lower-case content word at all (for repository names).
    """
    if not comp:
        return False
    first = comp[0]
    if not (first.isupper() or first.isdigit() or first in "“\"‘'[("):
        return False
    lower = 0
    for w in _WORD.findall(comp):
        if w[0].islower():
            if w in _FINITE and first not in "“\"‘'":
                return False  # "David A. Salmon was Chief of the Bureau …": a sentence
            if w not in _SMALL:
                lower += 1
    return lower <= (0 if strict else 2)


# Finite verbs make a clause of prose; titles (outside quotes) do without them.
_FINITE = frozenset({"is", "was", "were", "are", "has", "had", "have", "wrote", "said"})
