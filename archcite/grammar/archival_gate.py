"""The archival recognizer's gate: a cheap test that refuses most prose.

Split from :mod:`archcite.grammar.archival` so each stays a readable size.
The gate must never refuse a clause the full grammar would read
(tests/test_archival_gates.py checks it on examples, random text and every
corpus clause).
"""

from __future__ import annotations

import re

from archcite.authority import authority
from archcite.grammar.vocab import (
    DECIMAL_START,
    ENTRY_PREFIX,
    FONDS_UNIT,
    FOREIGN_BOX_WORDS,
    FOREIGN_FOLDER_WORDS,
    MONTH,
    PNUMBER,
    TNA_SERIES,
    after_first_letter,
    any_of,
    fold_class,
)

__all__ = ["UNKNOWN_REPO", "gate"]

# Cheap literal prefilter (substring tests run at C speed): a clause with none
# of these is never archival. "/" admits decimal files and "FO 371/135904".
_KEYWORDS = (
    "Librar", "Archiv", "Bundesarchiv", "BArch", "Record", "Papers", "File", "Box", "box", "older", "RG", "Group",
    "Lot ", "Job ", "Reel", "reel", "Roll", "FRC", "Entry", "Department", "Agency", "CIA",
    "Institut", "Universit", "Kew", "PRO", "NA", "WNRC", "JFK", "LBJ", "DDE", "HST", "FDR",
    "Diary", "Material", "Cent", "Division", "Correspondence", "Affairs", "Office",
    "Collection", "Museum", "Society", "Foundation", "/", "CMH", "LC", "LOC", "DOS",
    # classify() reads these locators in any case ("BOX 3", "rg 59", "roll 2").
    "BOX", "OLDER", "REEL",
    # Foreign archives ("Archivo General de la Nación, Caja 12"; their box words
    # are added below, without their first letter, which may be either case).
    "Arquivo", "Archief", "Archiwum", "Arkiv", "Bibliot", "archiv", "arkhiv",
    # Russian archives cited by their initials (RGANI and RGASPI have "RG").
    "GARF", "AVP", "AAN",
    # The units of a fonds, cited without the repository ("f. 5, op. 30, d. 335",
    # "fond 89, opis 46, delo 10"): a chain has an opis or a delo.
    "op.", "opis", "delo", "d. ",
    "roll", "ROLL", "ntry", "NTRY", "rg", "ecord", "ECORD",
    *(w[1:] for w in FOREIGN_BOX_WORDS),
    *(w[1:] for w in FOREIGN_FOLDER_WORDS),
)  # fmt: skip
# A P-reel number ("P860029–2278") is a locator with no keyword in it.
_PNUMBER_ANY = re.compile(str(PNUMBER))
# One pattern of the literals, nested by prefix, runs about twice as fast as
# their plain alternation (and far faster than an ``in`` test per keyword).
_PREFILTER = any_of(_KEYWORDS)
UNKNOWN_REPO = re.compile(
    r"\b(?:Library|Libraries|Archives?|Archiv|Archivo|Archivio|Arquivo|Archief|Archiwum|"
    r"Arkiv|Biblioteca|Biblioth[èe]que|Bibliothek|University|College|Institution|Institute|Records\s+"
    r"Center|Record\s+Office|Historical\s+Society|Museum|Foundation|Historical\s+(?:Center|"
    r"Office|Division)|Archive\s+Cent(?:er|re))\b"
)

# Somewhere in the clause, a locator that makes a citation without a
# repository: the start of every STRONG kind that classify() knows, as loose as
# its own pattern (tests/test_archival_gates.py checks the gate against the
# full grammar, and these patterns against their plain one-pattern spelling).
#
# ``re`` skips ahead only to a character a pattern must open with, and a
# leading \b or IGNORECASE letter gives it none, so it would try every
# alternative at every position. Each word therefore opens with its first
# letter as a plain class (all that IGNORECASE equates with it, "K" with the
# Kelvin sign too), the \b comes after that letter as "no word character
# before it", and a lookbehind (IGNORECASE) picks the word's alternatives.
# The first letters of the words below (the box words of the vocabulary too).
_FOREIGN_UNIT_WORDS = (*FOREIGN_BOX_WORDS, *FOREIGN_FOLDER_WORDS)
_STRONG_OPENERS = fold_class("rebf" + "".join(w[0] for w in _FOREIGN_UNIT_WORDS))
_STRONG_WORDS = re.compile(
    rf"{_STRONG_OPENERS}(?<!\w.)(?i:"
    r"(?<=r)(?:G|ecord\s+Group)\s*\d"
    rf"|(?<=e)ntry\s+(?:{ENTRY_PREFIX}[\s–-]*)?\d"
    r"|(?<=b)ox(?:es)?\s+[\w–-]"
    # The foreign box words of vocab.BOX, which need a number after them.
    rf"|{after_first_letter(_FOREIGN_UNIT_WORDS)}(?=\s+\d)\s+[\w–-]"
    r"|(?<=f)olders?\s"
    r"|(?<=r)(?:eel|oll)s?\s+[\w–-])"
)
# Case-sensitive words, each opening with a literal (so all of them together
# with a class of first letters).
_STRONG_LITERAL = re.compile(
    r"File(?<!\wFile)\s+No|Job(?<!\wJob)\s+(?:No\.\s*)?\d|FRC\s+\d|Lot\s+\d|"
    + "|".join(rf"{w[0]}(?<!\w.){w[1:]}\s+\d+/\d" for w in TNA_SERIES)
)
_DECIMAL_ANY = re.compile(str(DECIMAL_START))
# Two units of a fonds in a row, which locate a file without the repository
# (assign.assign calls them strong).
_FONDS_PAIR = re.compile(rf"(?<!\w){FONDS_UNIT}\s*,\s*{FONDS_UNIT}")


# A short form that names only the document, "Rusk to Kennedy, February 20,
# 1962" (archival._document_only): " to " and a date with its month after a
# comma. Looser than the grammar; it only has to let every such clause through.
_DATED = re.compile(rf",[”\"’]?\s*(?:\d{{1,2}}\s+)?{MONTH}")


def _has_strong(text: str) -> bool:
    return (
        _STRONG_LITERAL.search(text) is not None
        or _STRONG_WORDS.search(text) is not None
        # A decimal file number has its slash; most clauses have none.
        or ("/" in text and _DECIMAL_ANY.search(text) is not None)
        or _PNUMBER_ANY.search(text) is not None
        or _FONDS_PAIR.search(text) is not None
    )


def gate(text: str) -> bool:
    """Cheap test: may ``text`` hold an archival citation? Never a false refusal.

    A citation needs a keyword of :data:`_KEYWORDS` (substring tests at C
    speed), and then a repository the authority knows, a strong locator or a
    word that names an unknown repository — or it names a document "X to Y,
    date" that may be a short form. Clauses that open with Ibid., Id.
    or Cf. belong to the short-form recognizer.
    """
    head = text.lstrip("( \t")
    if head[:4].lower() == "ibid" or head.startswith(("Id.", "Cf.")):
        return False
    if " to " in text and _DATED.search(text) is not None:
        return True
    if not _PREFILTER.search(text) and not _PNUMBER_ANY.search(text):
        return False
    return not (
        authority().search_repository(text) is None
        and not _has_strong(text)
        and UNKNOWN_REPO.search(text) is None
    )
