"""One name splitter for every name archcite puts into CSL-JSON.

The authors and recipients of archival documents ("Dean Rusk", "Rusk", "the
President", "Embassy in Tokyo"), the authors and editors of published works
("Walter A. McDougall", "William F. Sanford, Jr.") and the editors of FRUS
volumes as the catalog records them ("Claussen, Paul", "Henry P. Beers.") are
all split here, into a :class:`~archcite.model.Person`, and only when the split
is certain; anything else stays a ``literal`` name, which styles print as
written.

Decisions:

* A name of one word is a family name ("Rusk": a short form cites surnames).
* An office, a post or a body ("the President", "Embassy in Tokyo", "Joint
  Chiefs of Staff") is literal, as is anything with a digit or a lower-case
  word that is not a particle ("Mr. Rusk's assistant").
* "Family, Given" (the catalog's inverted form) is read as such.
* A lower-case particle before the family name is CSL's non-dropping particle
  ("Charles de Gaulle"); a capitalized one belongs to the family name ("James C.
  Van Hook" → family "Van Hook"), as American usage and citeproc-js have it.
* "Jr.", "Sr.", "II", "III", "IV" are the suffix, with or without a comma.
* The catalog's typing slips are mended: a trailing period that ends no
  initial ("Henry P. Beers."), a space before an initial's period ("Robert J .
  McMahon").
"""

from __future__ import annotations

import re

from archcite.model import Person

__all__ = ["csl_name", "person_csl", "split_name"]

_PARTICLES = frozenset({"de", "van", "von", "der", "den", "du", "la", "le", "da", "di"})
_SUFFIX = re.compile(r",?\s+(Jr\.|Sr\.|II|III|IV)$")
_INSTITUTIONAL = re.compile(
    r"^(?:the\s+)?(?:President|Secretary|Embassy|Department|Mission|Consulate|Delegation|"
    r"Ambassador|Director|Chairman|Chief|Commander|Office|Bureau|Legation|Joint\s+Chiefs|"
    r"White\s+House|Government|Great\s+Britain|United\s+(?:States|Kingdom)|"
    r"House\s+of\s+(?:Commons|Lords|Representatives)|Parliament|Congress|Senate)\b",
    re.I,
)
_SPACED_PERIOD = re.compile(r"\s+\.")
# A period that belongs to the name: an initial's or a suffix's.
_OWN_PERIOD = re.compile(r"(?:\b[A-Z]|Jr|Sr)\.$")


def _capitalized(words: list[str]) -> bool:
    return bool(words) and all(w[:1].isupper() or w in _PARTICLES for w in words)


def split_name(name: str) -> Person:
    """A name as cited, split into family and given names when that is certain.

    >>> split_name("U. Alexis Johnson")
    Person(literal='U. Alexis Johnson', family='Johnson', given='U. Alexis', particle=None, suffix=None)
    >>> split_name("the President").family is None
    True
    """
    literal = " ".join(name.split())
    text = _SPACED_PERIOD.sub(".", literal)
    if not text or _INSTITUTIONAL.match(text) or any(ch.isdigit() for ch in text):
        return Person(literal)
    if text.endswith(".") and not _OWN_PERIOD.search(text):
        text = text[:-1]
    suffix = None
    if m := _SUFFIX.search(text):
        suffix = m.group(1)
        text = text[: m.start()]
    if "," in text:
        # "Claussen, Paul": the catalog's inverted form
        last, _, first = (p.strip() for p in text.partition(","))
        if "," in first or not _capitalized(last.split()):
            return Person(literal)
        if not _capitalized(first.split()):
            return Person(literal)
        return Person(literal, family=last, given=first, suffix=suffix)
    words = text.split()
    if not _capitalized(words) or len(words) > 5:
        return Person(literal)
    if len(words) == 1:
        return Person(literal, family=words[0], suffix=suffix)
    i = len(words) - 1
    before = words[i - 1] if i else ""
    if before in _PARTICLES:  # "Charles de Gaulle"
        given = " ".join(words[: i - 1]) or None
        return Person(literal, words[i], given, particle=before, suffix=suffix)
    if before.lower() in _PARTICLES:  # "James C. Van Hook": family "Van Hook"
        rest = " ".join(words[: i - 1]) or None
        return Person(literal, f"{before} {words[i]}", rest, suffix=suffix)
    return Person(literal, words[i], " ".join(words[:i]) or None, suffix=suffix)


def person_csl(person: Person) -> dict[str, str]:
    """The CSL-JSON name of a person: its parts, or ``literal`` when unsplit."""
    if person.family is None:
        return {"literal": person.literal}
    out: dict[str, str] = {}
    if person.particle:
        out["non-dropping-particle"] = person.particle
    out["family"] = person.family
    if person.given:
        out["given"] = person.given
    if person.suffix:
        out["suffix"] = person.suffix
    return out


def csl_name(name: str) -> dict[str, str]:
    """The CSL-JSON name for a name as cited ("Dean Rusk" → family Rusk, given Dean)."""
    return person_csl(split_name(name))
