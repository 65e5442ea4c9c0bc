"""The grammar's shared vocabulary: the words and shapes every recognizer reads.

One home for what more than one part of the grammar (and the resolve stage)
must read the same way: the words for a box, a folder or a reel in the
archives' own languages, the State Department's subject codes, "hereafter
cited as", "printed in", lists and ranges of numbers, pages, documents, the
months, and the names that end in "Foreign Relations" without being the
series. A recognizer builds its own patterns *from* these terms, so a word
added here is read everywhere at once.

Each :class:`Term` is a pattern fragment (a group that can stand inside a
larger pattern; a case-insensitive term says so with a scoped ``(?i:…)``), what
the text it matches *means* — words fit for a reason or an error message, as
pybtex's ``Pattern(regexp, description)`` — and examples: the term matches at
the start of each example, ending where a word ends ("Caja 12"), and at the
start of no counter-example ("Caja Madrid"); ``tests/test_vocab.py`` checks
every one.
Word lists that are data, not syntax (the subject codes, the box words) are read
from ``vocab.toml`` beside this module, with their examples.

The builder helpers (:func:`alt`, :func:`words`, :func:`any_of`) are the
only way terms are combined, so that a scanner that compiles many terms into
one pattern (:func:`terms` lists them all) sees exactly what each recognizer
sees.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from archcite.authority.numerals import int_to_roman, number, roman_to_int
from archcite.grammar.literals import any_of

__all__ = [
    "ARCHIVE_CITIES",
    "BOX",
    "DASH",
    "DECIMAL_START",
    "DECLARATION",
    "DECLARATION_HINT",
    "DECLARES",
    "DOCUMENT",
    "DOCUMENT_KIND",
    "ENTRY_PREFIX",
    "FILE_NO",
    "FOLDER",
    "FOLDER_SHORT",
    "FONDS_AMBIGUOUS",
    "FONDS_NAME",
    "FONDS_UNIT",
    "FONDS_UNITS",
    "FOREIGN_BOX_WORDS",
    "FOREIGN_FOLDER_WORDS",
    "FRAMES",
    "INTERVIEW",
    "IN_FULL",
    "LIST_SEP",
    "MONTH",
    "MONTHS",
    "MONTH_STEM",
    "NUM_ITEM",
    "NUM_LIST",
    "PAGE",
    "PAGE_WORD",
    "PERSONAL_COMMUNICATION",
    "PNUMBER",
    "PRINTING_VERB",
    "RANGE_CAP",
    "RECORD_BOOK",
    "RECORD_BOOKS",
    "REEL",
    "SEP",
    "SERIES_NAME",
    "SUBJECT_CODES",
    "TITLE_CONTINUES",
    "TNA_SERIES",
    "UNIT_ABBREVIATION",
    "YEAR_SPAN",
    "Term",
    "after_first_letter",
    "alt",
    "any_of",
    "expand",
    "fold_class",
    "int_to_roman",
    "iso_date",
    "month_name",
    "number",
    "other_name",
    "roman_to_int",
    "terms",
    "words",
]


# -- building ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """A word or shape of the field, as a pattern fragment to build with.

    ``str(term)`` is the fragment itself, so ``rf"^{BOX}\\s+"`` embeds it.
    """

    regex: str
    #: what the matched text is, in words fit for a reason text
    means: str
    #: texts the fragment matches in full
    examples: tuple[str, ...]
    #: texts it must not match in full
    counter: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.regex

    @property
    def pattern(self) -> re.Pattern[str]:
        """The fragment compiled on its own (cached)."""
        return _compiled(self.regex)


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def alt(*options: str | Term) -> str:
    """The non-capturing alternation of pattern fragments, in the order given.

    >>> alt("Box", "Folder")
    '(?:Box|Folder)'
    """
    return "(?:" + "|".join(str(o) for o in options) + ")"


def words(items: Iterable[str]) -> str:
    """Literal words as one alternation, the longest first (so "FCO" is tried
    before "FO" would stop short of it).

    >>> words(["FO", "FCO"])
    '(?:FCO|FO)'
    """
    unique = sorted(set(items), key=lambda w: (-len(w), w))
    return alt(*(re.escape(w) for w in unique))


# The characters outside ASCII that IGNORECASE equates with an ASCII letter
# (the Kelvin sign with k, the long s with s, the dotted and dotless i with i).
_FOLDS = "\u212a\u017f\u0130\u0131"


def fold_class(letters: Iterable[str]) -> str:
    """A character class of every character IGNORECASE equates with the letters.

    A pattern that opens with a plain class lets ``re`` skip ahead to the next
    candidate; an IGNORECASE letter or a leading ``\\b`` gives it nothing.

    >>> fold_class("kb")
    '[BKbk\u212a]'
    """
    chars = {c for letter in letters for c in (letter.lower(), letter.upper())}
    chars |= {f for f in _FOLDS if any(re.fullmatch(c, f, re.I) for c in set(chars))}
    return "[" + "".join(sorted(chars)) + "]"


def after_first_letter(items: Iterable[str]) -> str:
    """Words as lookbehinds on their first letter and their rest, for a pattern
    whose opening :func:`fold_class` has already consumed that letter
    (case-insensitive): ``["Caja", "Carton", "Busta"]`` ->
    ``(?:(?<=b)(?:usta)|(?<=c)(?:aja|arton))``.
    """
    by_letter: dict[str, list[str]] = {}
    for w in items:
        by_letter.setdefault(w[0].lower(), []).append(w[1:])
    return alt(
        *(f"(?<={letter}){words(rests)}" for letter, rests in sorted(by_letter.items()))
    )


def terms() -> dict[str, Term]:
    """Every term of the vocabulary by name (for tests and combined scanners)."""
    return {k: v for k, v in globals().items() if isinstance(v, Term)}


@cache
def _data() -> dict[str, Any]:
    text = resources.files("archcite.grammar").joinpath("vocab.toml").read_text("utf-8")
    return tomllib.loads(text)


def _list(name: str) -> tuple[str, ...]:
    return tuple(entry["word"] for entry in _data()[name])


def _examples(name: str) -> tuple[str, ...]:
    return tuple(ex for entry in _data()[name] for ex in entry.get("examples", ()))


# -- numbers, lists and ranges -------------------------------------------------------

# Print uses the en dash for ranges, typewritten sources the hyphen, some the em dash.
DASH = r"[–—-]"

SEP = Term(
    r"(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)",
    "the separator of a list",
    (", ", ", and ", " and ", " & "),
    ("and",),
)
#: Splits a list at its separators: "35, 36 and 37", "V and VI", "35 & 36".
LIST_SEP = re.compile(str(SEP))

NUM_LIST = Term(
    rf"\d+(?:\s*{DASH}\s*\d+)?(?:{SEP}\d+(?:\s*{DASH}\s*\d+)?)*",
    "a list of numbers and ranges",
    ("35", "35 and 36", "12–14, 17", "35, 36, and 37", "35 & 36", "389 - 391"),
    ("and 36", "No. 5"),
)
NUM_ITEM = re.compile(rf"(\d+)(?:\s*{DASH}\s*(\d+))?")

#: A range longer than this is not expanded (only its first number is kept):
#: "Documents 1–4000" is a misprint or a span of pages, not 4000 citations. The
#: longest FRUS volumes hold about 1,900 documents, but no note cites a run of
#: more than a few dozen of them.
RANGE_CAP = 500


def expand(numbers: str) -> list[int]:
    """The numbers of a list, ranges expanded (up to :data:`RANGE_CAP`).

    >>> expand("217 and 218"), expand("12–14"), expand("3, 1–2000")
    ([217, 218], [12, 13, 14], [3, 1])
    """
    out: list[int] = []
    for item in LIST_SEP.split(numbers.strip()):
        m = NUM_ITEM.fullmatch(item.strip())
        if not m:
            continue
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        if last < first or last - first > RANGE_CAP:
            out.append(first)
        else:
            out.extend(range(first, last + 1))
    return out


# -- pages, documents ----------------------------------------------------------------

PAGE_WORD = Term(
    r"(?:pp?\.|pages?)",
    "a page label",
    ("p.", "pp.", "page", "pages"),
    ("pg.", "P."),
)
PAGE = Term(
    rf"(?:\d+|[ivxlc]+(?![a-z]))(?:\s*{DASH}\s*(?:\d+|[ivxlc]+(?![a-z])))?"
    r"(?:\s+ff\.?|\s+et\s+seq\.?)?",
    "a page or a range of pages, arabic or roman",
    ("45", "1091–1093", "ix–xvi", "112 ff.", "12 et seq."),
    ("xiv2", "ixth"),
)
DOCUMENT = Term(
    r"(?:Documents?|[Dd]ocs?\.)",
    "a document label of a documentary edition",
    ("Document", "Documents", "Doc.", "docs."),
    ("document", "Docs"),
)


#: The documents a note describes by kind before saying where they are printed
#: or kept ("see telegram No. 50, September 12, 1929, …, ibid., p. 860").
DOCUMENT_KIND = Term(
    r"(?i:telegrams?|despatch(?:es)?|dispatch(?:es)?|notes?|letters?|instructions?|"
    r"memorand(?:um|a)|aide-m[ée]moires?|airgrams?)",
    "a kind of diplomatic document",
    ("telegram", "Despatch", "dispatches", "note", "letters", "instruction",
     "memoranda", "aide-mémoire", "airgram"),
    ("telegraph", "noted"),
)  # fmt: skip


# -- the archives' units -------------------------------------------------------------

#: The box in the archives' own languages (Spanish caja and legajo, Portuguese
#: caixa, French carton, German Karton, Italian busta), from ``vocab.toml``.
FOREIGN_BOX_WORDS = _list("foreign_box")
BOX = Term(
    rf"(?i:Box(?:es)?|{words(FOREIGN_BOX_WORDS)}(?=\s+\d))",
    "a box",
    ("Box", "boxes", "BOX", *_examples("foreign_box")),
    # Only with a number: "Caja Madrid" and "Caja de Ahorros" are banks.
    ("Caja Madrid", "Carton Books", "Boxer"),
)
#: The folder in the archives' own languages (French dossier, Spanish
#: expediente, Italian fascicolo), from ``vocab.toml``.
FOREIGN_FOLDER_WORDS = _list("foreign_folder")
FOLDER = Term(
    rf"(?i:Folders?|{words(FOREIGN_FOLDER_WORDS)}(?=\s+\d))",
    "a folder",
    ("Folder", "folders", *_examples("foreign_folder")),
    # Only with a number: "Dossier secret" is a title.
    ("Fold", "Dossier secret", "Expediente X"),
)
#: "fol. 3", "f. 12": abbreviations read only after an Ibid., whose words are
#: all locators; elsewhere "F." is an initial ("F. Scott Fitzgerald Papers").
FOLDER_SHORT = Term(r"(?i:fol\.|f\.)", "a folder (abbreviated)", ("fol.", "f."))
REEL = Term(
    r"(?i:(?:Reel|Roll)s?)", "a microfilm reel", ("Reel", "reels", "Roll", "ROLLS")
)
FRAMES = Term(r"(?i:frames?|frs?\.)", "frames of a film", ("frames", "fr.", "frs."))
FILE_NO = Term(
    r"File\s+Nos?\.",
    "a file number's label",
    ("File No.", "File Nos."),
    ("File", "file no."),
)
ENTRY_PREFIX = Term(
    r"(?:UD|P|A1|NM|UD-UP)",
    "the prefix of a NARA entry number (Entry UD 12, Entry A1 5)",
    ("UD", "A1", "NM", "UD-UP"),
)
PNUMBER = Term(
    r"[PDNO]\d{6,}[–-]\d{3,4}",
    "a P-reel or D-reel number of the Central Foreign Policy File",
    ("P860029–2278", "D740123-0456", "N750001–0123"),
    ("P86002–2278", "X860029–2278"),
)
#: Where a decimal file number starts ("711.5611/2–2162", "700.5611/3-962"): the
#: decimal point and, within the number's words, its slash; loose enough for
#: every decimal number the archival grammar reads, so a cheap test may look for it.
DECIMAL_START = Term(
    r"\d{3}[a-z]?\.\w+[^/,;]{0,60}/",
    "the start of a decimal file number",
    ("711.5611/", "103.9302 Bonin Islands/", "500.A15a3/"),
    ("711/5611", "71.5611/"),
)
#: The record series of The National Archives (Kew) cited as "FO 371/135904".
TNA_SERIES = _list("tna_series")
#: The State Department's subject codes of the 1963–73 central files
#: ("POL 27 VIET S", "DEF 12 JAPAN"), from ``vocab.toml``.
SUBJECT_CODES = _list("subject_codes")
SUBJECT_CODE = Term(
    words(SUBJECT_CODES),
    "a subject code of the State Department's central files",
    ("POL", "DEF", "E", "INCO", "AID"),
    ("POLITICS", "Pol"),
)


# -- declarations and printings ------------------------------------------------------

DECLARATION = Term(
    r"(?i:(?:hereafter|henceforth)(?:\s+cited)?(?:\s+as)?|cited\s+(?:hereafter\s+)?as)\b",
    "the declaration of a short title",
    ("hereafter cited as", "hereafter", "Hereafter cited", "henceforth", "cited as",
     "cited hereafter as"),
    ("hereafterwards", "cited"),
)  # fmt: skip
#: A clause or parenthesis that opens with the declaration: "(hereafter cited as
#: NSF, JFKL)" cut off as a clause of its own.
DECLARES = re.compile(rf"[\s(\[“\"‘]*{DECLARATION}")
#: Literals every declaration contains: one fast scan refuses most clauses.
DECLARATION_HINT = any_of(
    ("ereafter", "EREAFTER", "enceforth", "ENCEFORTH", "ited as", "ITED AS",
     "ited hereafter", "ITED HEREAFTER")
)  # fmt: skip

PRINTING_VERB = Term(
    r"(?i:(?:re)?printed|published|excerpted|quoted)",
    "a printing of the text in a published work",
    ("printed", "Reprinted", "published", "excerpted", "quoted"),
    ("print", "printer"),
)
#: "printed in full in", "reprinted in part in".
IN_FULL = Term(
    r"(?:\s+in\s+(?:full|part))?", "in full or in part", ("", " in full", " in part")
)


#: Abbreviated unit words of European archives, each before its number:
#: German Band/Nummer/Blatt, folio(s), and the Russian fond/opis'/delo/list(y)
#: ("f. 5, op. 30, d. 335, ll. 1–9"). Their period ends no sentence.
UNIT_ABBREVIATION = Term(
    r"(?i:Bde?|Nr|Nrn|Bl|fols?|ff|f|op|d|ll?|p|sv|k|inv|sygn|t)\.",
    "an abbreviated unit word before its number",
    ("Bd.", "Bde.", "Nr.", "fol.", "fols.", "ff.", "Bl.", "f.", "op.", "d.", "l.", "ll.",
     "sv.", "k.", "inv.", "sygn."),
    ("Bd", "Band."),
)  # fmt: skip

#: The unit words of fonds-based archives, from ``vocab.toml``: word -> the
#: unit it names (fond, opis, papka, delo, svazek, file_unit, folio).
FONDS_UNITS: dict[str, str] = {e["word"]: e["unit"] for e in _data()["fonds_unit"]}
#: The words that are units only beside an unambiguous one ("p. 38" is a page
#: elsewhere, "f. 12" a folio).
FONDS_AMBIGUOUS = frozenset(
    e["word"] for e in _data()["fonds_unit"] if e.get("ambiguous")
)
#: One unit of a fonds-based archive with its number, the whole component:
#: "f. R-9401", "op. 30", "d. 335", "ll. 1–9", "l. 12 ob.", "sygn. 237/V-12".
FONDS_UNIT = Term(
    rf"{words(FONDS_UNITS)}\s*(?=[^\s,]*\d)[\w./]+(?:[–-][\w./]+)*"
    r"(?:\s*[–-]\s*\w+)?(?:\s+(?:ob|v|r)\.?)?",
    "a unit of a fonds-based archive with its number",
    _examples("fonds_unit"),
    ("op. cit.", "d. Gr.", "fond memories"),
)

#: A year or a span of years standing alone: "1967", "1962–1964", "1964-66"
#: (the dates of a series or a file after its name).
YEAR_SPAN = Term(
    r"\d{4}(?:\s*[–-]\s*\d{2,4})?",
    "a year or a span of years",
    ("1967", "1962–1964", "1964-66"),
    ("196", "May 1962", "FY 1962"),
)

#: Cities where archives are, cited after the repository without a region
#: ("Archives nationales, Paris, AG/5(1)/123"): the place, even before more
#: locators, from ``vocab.toml``.
ARCHIVE_CITIES = frozenset(_list("archive_city"))

#: Record books kept day by day ("diary", "telephone log", "appointment book"),
#: from ``vocab.toml``.
RECORD_BOOKS = _list("record_book")
#: A record book named after its keeper: "James C. Hagerty diary", "the
#: President's Daily Diary" (capitalized only after a possessive: "Eisenhower
#: Diary Series" is a series).
RECORD_BOOK = Term(
    r"(?:the\s+)?[A-Z][\w.-]*(?:\s+(?:[A-Z][\w.-]*|de|van|von)){0,4}?"
    rf"(?:['’]s\s+(?i:{words(RECORD_BOOKS)})|\s+{words(RECORD_BOOKS)})",
    "a diary, log or appointment book named after its keeper",
    _examples("record_book"),
    ("Eisenhower Diary Series", "diary", "Rusk Appointment Books", "Hagerty Papers"),
)


#: A fonds named with its word ("Fondo Presidentes", "Bestand B 136"), from
#: ``vocab.toml``: the collection, placed by the word and not by position.
FONDS_NAME = Term(
    # A capital or a number after the word, or a lower-case adjective
    # ("Fonds ministériels"), but not an article ("Fonds de commerce").
    rf"{words(_list('fonds_name'))}\s+"
    r"(?=[A-ZÀ-Þ\d]|(?!(?:de|del|der|des|di|do|du|la|le|les)\b)[a-zß-ÿ]{3})\S+",
    "a fonds named with its word",
    _examples("fonds_name"),
    ("Fondo", "Fonds de commerce", "Bestandteil"),
)

#: An interview as a source of its own (Chicago 14.211): the record kind
#: ``interview``.
INTERVIEW = Term(
    r"(?i:(?:(?:oral[\s-]+history|telephone|personal|recorded|taped)\s+)?interviews?)",
    "an interview or oral history",
    ("Interview", "oral history interview", "telephone interview", "Oral-history interview",
     "interviews"),
    ("interviewer", "interviewed"),
)  # fmt: skip
#: Unpublished messages to the writer (Chicago 14.214): the record kind
#: ``personal_communication``.
PERSONAL_COMMUNICATION = Term(
    r"(?i:personal\s+communication|e-?mail(?:\s+message)?|conversation\s+with\s+the\s+author|"
    r"letter\s+to\s+the\s+author|text\s+message)",
    "a personal communication, email or letter to the writer",
    ("Personal communication", "email", "E-mail message", "e-mail", "letter to the author",
     "conversation with the author"),
    ("emailed", "personal", "letter"),
)  # fmt: skip


# -- dates -----------------------------------------------------------------------------

MONTH = Term(
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|"
    r"Dec\.)",
    "a month, spelled out or abbreviated",
    ("February", "Feb.", "Sept.", "Sep.", "May"),
    ("Febr", "Sept"),
)
#: A month as its first three letters and whatever follows ("Sept", "Febr.").
MONTH_STEM = Term(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?",
    "a month, in any spelling",
    ("Sept", "Febr.", "June", "Dec."),
)


#: Month numbers by name and abbreviation (lower case, without the period).
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip


def month_name(number: int) -> str:
    """The month's name spelled out, from :data:`MONTHS` (its longest spelling).

    >>> month_name(2), month_name(5), month_name(9)
    ('February', 'May', 'September')
    """
    return max((k for k, v in MONTHS.items() if v == number), key=len).capitalize()


_DATE_MDY = re.compile(rf"^(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})$")
_DATE_DMY = re.compile(rf"^(?P<d>\d{{1,2}})\s+(?P<m>{MONTH})\s+(?P<y>\d{{4}})$")
_DATE_MY = re.compile(rf"^(?P<m>{MONTH}),?\s+(?P<y>\d{{4}})$")
_DATE_MD = re.compile(rf"^(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})$")


def iso_date(comp: str) -> str | None:
    """A cited date as ISO 8601 (full or year-month), as cited if partial;
    ``None`` for anything that is not a date.

    >>> iso_date("February 20, 1962"), iso_date("20 Feb. 1962"), iso_date("June 1")
    ('1962-02-20', '1962-02-20', 'June 1')
    """
    for rx in (_DATE_MDY, _DATE_DMY):
        m = rx.match(comp)
        if m is not None:
            month = MONTHS[m.group("m").rstrip(".").lower()]
            day = int(m.group("d"))
            if 1 <= day <= 31:
                return f"{m.group('y')}-{month:02d}-{day:02d}"
    m = _DATE_MY.match(comp)
    if m is not None:
        return f"{m.group('y')}-{MONTHS[m.group('m').rstrip('.').lower()]:02d}"
    if _DATE_MD.match(comp):
        return comp
    return None


# -- the series ------------------------------------------------------------------------

SERIES_NAME = Term(
    r"(?:Foreign\s+Relations|FRUS)\b",
    "the series Foreign Relations of the United States",
    ("Foreign Relations", "FRUS"),
    ("Foreign Relation",),
)

# "Senate Committee on Foreign Relations", "Journal of Foreign Relations": the
# words before "Foreign Relations" make it part of another name, not the series.
# Searched in the text before the anchor (``$`` is where the anchor starts).
_OTHER_NAME = re.compile(
    r"""(?:\b(?:(?:[Ss]ub)?[Cc]ommittee|Council|Commission|Journal|Review|Quarterly
         |Bulletin|Yearbook|Department|Ministry|Minister|Secretary|Secretariat
         |Institute|Bureau|Office|Division|Society|Association|Cent(?:er|re)|School
         |Academy|Board|Agency)\s+(?:on|of|for)\s+(?:the\s+)?
       |\bSenate\s+
       |\bAmerican\s+)$""",
    re.VERBOSE,
)


#: What follows a ";" that is inside a FRUS volume's title ("vol. 3, National
#: Security Policy; Arms Control and Disarmament, ed. Edward C. Keefer …
#: (Washington …)"): the rest of the title, then the editors or the imprint,
#: with no other ";" or parenthesis before them. The segmenter keeps such a
#: clause whole and the FRUS scanner reads the title on.
TITLE_CONTINUES = re.compile(
    r"[^;()]*?(?:,\s+eds?\.\s|\s\([^()]*?(?:Washington|Printing|Publishing|GPO))"
)


def other_name(text: str, anchor: int) -> bool:
    """Whether "Foreign Relations" at ``anchor`` ends another name (a committee,
    a journal, a ministry, the Council on Foreign Relations' *Documents on
    American Foreign Relations*) rather than naming the series.

    >>> other_name("Senate Committee on Foreign Relations", 21)
    True
    """
    return _OTHER_NAME.search(text, max(0, anchor - 40), anchor) is not None
