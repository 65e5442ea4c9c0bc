"""Typography inside citation spans: range dashes, volume numerals, locator case.

Only the text of recognized citations is looked at (prose around them is the
author's), and only what is mechanical: a hyphen between two years or two page
or document numbers is an en dash in Chicago and in FRUS; "vol. VI" and "vol. 6",
"Box" and "box" are each the manuscript's choice, but one choice. File numbers
("700.5611/3-962"), telegram, airgram and job numbers ("A-1933", "80-B01676R")
keep their hyphens.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from archcite.check.manuscript import Manuscript
from archcite.check.model import Hit
from archcite.check.registry import rule
from archcite.check.vocabulary import vocabulary
from archcite.model import Located, Note

_YEAR_RANGE = re.compile(r"(?<![\w./–-])(1[5-9]\d\d|20\d\d)-(\d{4}|\d{2})(?![\w/–-])")


@cache
def _labelled_range() -> re.Pattern[str]:
    label = vocabulary().range_label
    return re.compile(rf"(?<![\w]){label}\s*(?:\d+[–-]\d+,\s*)*?(\d+)-(\d+)(?![\w/–-])")


def _expanded(first: str, second: str) -> int:
    """The full end of a range written short ("1961-63" -> 1963, "453-73" -> 473)."""
    if len(second) < len(first):
        second = first[: len(first) - len(second)] + second
    return int(second)


def _year_range(first: str, second: str) -> bool:
    end = _expanded(first, second)
    return int(first) < end <= int(first) + 100


def hyphenated_ranges(text: str) -> list[tuple[int, str]]:
    """(offset of the hyphen, the range as written) of each range in ``text``."""
    out: dict[int, str] = {}
    for m in _YEAR_RANGE.finditer(text):
        if _year_range(m.group(1), m.group(2)):
            out[m.end(1)] = m.group()
    for m in _labelled_range().finditer(text):
        first, second = m.group(1), m.group(2)
        if _expanded(first, second) > int(first):
            out[m.end(1)] = f"{first}-{second}"
    return sorted(out.items())


_BARE_RANGE = re.compile(r"(\d+)-(\d+)")


def _page_fields(loc: Located) -> list[str]:
    """The pages the record itself holds (a book's "287-89" needs no label)."""
    c = loc.citation
    out = list(c.frus.pages) if c.frus is not None else []
    if c.published is not None and c.published.pages:
        out.append(c.published.pages)
    return out


def _field_ranges(loc: Located) -> dict[int, str]:
    text = loc.citation.text
    out: dict[int, str] = {}
    for pages in _page_fields(loc):
        at = text.rfind(pages)
        if at < 0:
            continue
        for m in _BARE_RANGE.finditer(pages):
            if _expanded(m.group(1), m.group(2)) > int(m.group(1)):
                out[at + m.end(1)] = m.group()
    return out


@rule("range-dash")
def range_dash(ms: Manuscript) -> Iterator[Hit]:
    for loc in ms.citing():
        c = loc.citation
        found = dict(hyphenated_ranges(c.text))
        found.update(_field_ranges(loc))
        for at, written in sorted(found.items()):
            fixed = written.replace("-", "–")
            yield Hit(
                loc.note,
                c.start + at,
                c.start + at + 1,
                f"hyphen in the range “{written}”: ranges take an en dash",
                suggestion=fixed,
                replacement="–",
                located=loc,
            )


@dataclass(frozen=True, slots=True)
class _Word:
    located: Located
    start: int
    text: str
    style: str


def _sentence_start(note: Note, at: int) -> bool:
    before = note.text[:at].rstrip(' (“"')
    return not before or before[-1] in ".?!:"


def _case(word: str) -> str | None:
    if word.islower():
        return "lower"
    if word[0].isupper() and word[1:].islower():
        return "capital"
    return None


@rule("locator-case")
def locator_case(ms: Manuscript) -> Iterator[Hit]:
    pattern = vocabulary().locator_re
    words: dict[str, list[_Word]] = {}
    for loc in ms.citing():
        c = loc.citation
        for m in pattern.finditer(c.text):
            at = c.start + m.start()
            style = _case(m.group())
            if style is None or _sentence_start(loc.note, at):
                continue
            base = m.group().lower().rstrip("s").removesuffix("e")  # boxes -> box
            words.setdefault(base, []).append(_Word(loc, at, m.group(), style))
    for base, found in words.items():
        counted = Counter(w.style for w in found)
        if len(counted) < 2:
            continue
        # Chicago lowercases locators in notes: the tie goes to lower case.
        target = "lower" if counted["lower"] >= counted["capital"] else "capital"
        for w in found:
            if w.style == target:
                continue
            fixed = w.text.lower() if target == "lower" else w.text.capitalize()
            yield Hit(
                w.located.note,
                w.start,
                w.start + len(w.text),
                f"“{w.text}” here, but {counted[target]} of {sum(counted.values())} "
                f"uses of “{base}” in the manuscript are “{fixed}”",
                suggestion=fixed,
                replacement=fixed,
                located=w.located,
            )


_VOLUME = re.compile(
    r"(?<![\w])(?:[Vv]ols?\.|Volumes?)\s+([IVXLCDM]+|[ivxlcdm]+|\d+)\b"
)
_NUMERALS = {
    "upper": "capital roman numerals (vol. VI)",
    "lower": "lower-case roman numerals (vol. vi)",
    "arabic": "arabic numerals (vol. 6)",
}


def _numeral_style(numeral: str) -> str:
    if numeral.isdigit():
        return "arabic"
    return "upper" if numeral.isupper() else "lower"


@rule("volume-numerals")
def volume_numerals(ms: Manuscript) -> Iterator[Hit]:
    # FRUS volumes are compared with each other, other works each with itself:
    # a manuscript may follow FRUS's roman numerals and Chicago's arabic ones
    # for everything else.
    groups: dict[str, list[tuple[Located, int, str, str]]] = {}
    for loc in ms.citing("frus", "published"):
        c = loc.citation
        if c.kind == "frus":
            group = "FRUS volumes"
        else:
            # Other works are numbered as each prints its volumes ("Treaty Series,
            # vol. cvi", "Congressional Record, vol. 72"): one work at a time.
            work = (
                c.published.title or c.published.container_title
                if c.published
                else None
            )
            if not work:
                continue
            group = work
        for m in _VOLUME.finditer(c.text):
            numeral = m.group(1)
            at = c.start + m.start(1)
            groups.setdefault(group, []).append(
                (loc, at, numeral, _numeral_style(numeral))
            )
    for group, found in groups.items():
        counted = Counter(style for *_, style in found)
        if len(counted) < 2:
            continue
        top = max(counted.values())
        target = next(s for *_, s in found if counted[s] == top)
        for loc, at, numeral, style in found:
            if style == target:
                continue
            yield Hit(
                loc.note,
                at,
                at + len(numeral),
                f"“vol. {numeral}” is in {_NUMERALS[style]}; {counted[target]} of "
                f"{sum(counted.values())} volume numbers of {group} in the "
                f"manuscript are in {_NUMERALS[target]}",
                suggestion=f"{_NUMERALS[target].split(' (')[0]}",
                located=loc,
            )
