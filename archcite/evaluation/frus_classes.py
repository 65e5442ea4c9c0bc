"""Which class of issue 11 a wrong or missed FRUS link belongs to.

The FRUS evaluation (:mod:`archcite.evaluation.frus`) scores (volume, place)
pairs. A pair that is missed, or found though the gold lacks it, is put in one
of the classes under which issue 11 lists what the recognizer misses, so that
a change can be judged by the class it was meant to fix. The test is made on
the note's text and the pair alone, in this order (the first that applies):

==========  ==============================================================
class       the pair is …
==========  ==============================================================
``6``       a page that is the second end of a range in the text
            ("pp. 531–534": ``pg_534``)
``4``       in a supplement volume (``frus1918Supp01v02``)
``3``       in another volume, and the note has an Ibid.
``1``       in the volume being read: a bare page or document
``2``       in another volume of the same set as the one being read
            (``frus1919Parisv02`` from ``frus1919Parisv05``), and the note
            names no series
``5``       in another volume the note names by a series name, an
            abbreviation or an old name (lists, second locators, slips)
``other``   none of these
==========  ==============================================================

Class 7 (manuscripts) has no TEI links and class 8 (notes that are no FRUS
reference) is measured as the share of notes with an ``unrecognized`` record
(:mod:`archcite.evaluation.unrecognized`); neither occurs here.
"""

from __future__ import annotations

import re
from typing import Final

from archcite.authority.catalog import parse_id

CLASSES: Final[dict[str, str]] = {
    "1": "bare page or document inside the volume",
    "2": "relative volume of the same set",
    "3": "Ibid. of a FRUS reference",
    "4": "supplement volume",
    "5": "series named otherwise: lists, second locators, slips, old names",
    "6": "second end of a page range",
    "other": "none of the classes",
}

_IBID: Final = re.compile(r"\bibid\b", re.IGNORECASE)
# Any way the volumes name the series, the short and the old ones included.
_SERIES: Final = re.compile(
    r"Foreign\s+Relations|\bFRUS\b|\bFor\.\s*Rels?\b|Foreign\s+Affairs"
    r"|Diplomatic\s+Correspondence|General\s+Index",
    re.IGNORECASE,
)


def _range_end(text: str, page: str) -> bool:
    return re.search(rf"\d\s*[–—-]\s*{re.escape(page)}(?![\w–—-])", text) is not None


def _same_set(current: str, other: str) -> bool:
    a, b = parse_id(current), parse_id(other)
    return (
        a is not None
        and b is not None
        and (a.years, a.name, a.supplement) == (b.years, b.name, b.supplement)
    )


def classify(text: str, current: str, pair: tuple[str, str | None]) -> str:
    """The class of issue 11 of one missed or spurious pair of a note's text."""
    volume, place = pair
    if place and place.startswith("pg_") and _range_end(text, place[3:]):
        return "6"
    if "Supp" in volume:
        return "4"
    if volume != current and _IBID.search(text):
        return "3"
    if volume == current:
        return "1"
    series = _SERIES.search(text) is not None
    if _same_set(current, volume) and not series:
        return "2"
    return "5" if series else "other"
