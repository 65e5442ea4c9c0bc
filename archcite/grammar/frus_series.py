"""Where a note names the FRUS series: the anchor of a named-volume reference.

The names come from the authority table ``frus_names.toml`` (the series' title
forms, the short forms "FRUS", "For. Rel.", and the nineteenth-century names
"Diplomatic Correspondence" and "Papers relating to Foreign Affairs", which name
the volumes of their years only). Two more anchors stand for the series without
naming it: a legacy "ibid., 1922," whose ibid. is *Foreign Relations* because a
year follows, and "ibid., General Index, 1900–1918".

A name is refused where it ends another name ("Senate Committee on Foreign
Relations", :func:`archcite.grammar.vocab.other_name`) or is part of a work
the table lists as not the series ("American State Papers, Foreign
Relations").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from archcite.authority.frus_names import SeriesName, frus_names
from archcite.grammar.vocab import other_name


def _name_pattern(name: SeriesName) -> str:
    words = [re.escape(w) for w in name.name.split()]
    body = r"\s+".join(words)
    # "Foreign Relations of the United States: Diplomatic Papers"
    body = body.replace(r",\s+Diplomatic", r"[,:]?\s+Diplomatic")
    return f"(?i:{body})" if name.any_case else body


@dataclass(frozen=True, slots=True)
class Anchor:
    """A series anchor found in a clause."""

    start: int
    end: int
    #: "ibid." standing for the series (a year or the General Index follows)
    from_ibid: bool
    #: the first and last year an old name covers, else ``None``
    years: tuple[int, int] | None


@cache
def _compiled() -> tuple[re.Pattern[str], dict[str, SeriesName]]:
    names = sorted(frus_names().names, key=lambda n: -len(n.name))
    by_group: dict[str, SeriesName] = {}
    alts = []
    for k, name in enumerate(names):
        group = f"n{k}"
        by_group[group] = name
        tail = ""
        if name.name == "Foreign Relations":
            # "Foreign Relations Committee", "… of the Senate": another body
            tail = r"(?!\s+(?:Committee|of\s+the\s+Senate|Authorization))"
        elif name.name.endswith("."):
            tail = ""
        else:
            tail = r"\b"
        alts.append(f"(?P<{group}>{_name_pattern(name)}){tail}")
    alts.append(
        r"(?P<ibid>[Ii](?<!\w[Ii])bid\.),?(?=\s*(?:\[?\d{4}\b|General\s+Index\b))"
    )
    return re.compile("|".join(alts)), by_group


def _not_series(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` belongs to a work that is not FRUS."""
    if other_name(text, start):
        return True
    for entry in frus_names().not_series:
        at = entry.name.find("Foreign Relations")
        if at < 0:
            continue
        before, after = entry.name[:at], entry.name[at + len("Foreign Relations") :]
        if (
            (before or after)
            and text.endswith(before, 0, start)
            and text.startswith(after, end)
        ):
            return True
    return False


def anchors(text: str, pos: int = 0) -> Iterator[Anchor]:
    """The series anchors of ``text`` from ``pos`` on, in order (lazily: the
    scanner usually needs only the next one)."""
    pattern, by_group = _compiled()
    for m in pattern.finditer(text, pos):
        group = m.lastgroup or ""
        if group == "ibid":
            yield Anchor(m.start(), m.end(), True, None)
            continue
        name = by_group[group]
        if "Foreign Relations" in name.name and _not_series(text, m.start(), m.end()):
            continue
        yield Anchor(m.start(), m.end(), False, name.years)


@cache
def _not_series_names() -> re.Pattern[str]:
    names = sorted((e.name for e in frus_names().not_series), key=len, reverse=True)
    return re.compile("|".join(r"\s+".join(map(re.escape, n.split())) for n in names))


def names_other_work(text: str) -> bool:
    """Whether ``text`` holds a name that has "Foreign Relations" in it but is no
    FRUS ("American State Papers, Foreign Relations")."""
    return _not_series_names().search(text) is not None
