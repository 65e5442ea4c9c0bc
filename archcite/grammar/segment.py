"""Split a note's text into clauses that may each hold one citation.

A note is cut into sentences, and sentences into ``;``-separated clauses, with
two kinds of care:

* a period after an abbreviation ("vol.", "No.", "U.S.", "Jr.", "pp.") or an
  initial ("John F. Kennedy") does not end a sentence;
* a parenthesis that holds a citation of its own ("… Soviet Union. (Kennedy
  Library, National Security Files, …, Box 334)") becomes its own clause,
  while a short one that belongs to its sentence ("Berlin (Potsdam)",
  "pp. 1091–1093 (Document 20)") stays inside it.

Classification and drafting lines are not cut at their semicolons:
"Top Secret; Sensitive; Eyes Only." is one marking, not three.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from archcite.grammar.noncitation import is_classification
from archcite.grammar.semicolons import joins_files
from archcite.grammar.vocab import (
    DASH,
    DECLARES,
    DOCUMENT,
    LIST_SEP,
    MONTH_STEM,
    SEP,
    SERIES_NAME,
    TITLE_CONTINUES,
    UNIT_ABBREVIATION,
    other_name,
    roman_to_int,
)

# Words whose trailing period is part of the word. Lower-cased, without the period.
ABBREVIATIONS = frozenset(
    [
        "vol",
        "vols",
        "no",
        "nos",
        "p",
        "pp",
        "pt",
        "pts",
        "pg",
        "para",
        "paras",
        "art",
        "arts",
        "sec",
        "secs",
        "ch",
        "chap",
        "fol",
        "fols",
        "f",
        "n",
        "nn",
        "ser",
        "ed",
        "eds",
        "comp",
        "comps",
        "trans",
        "repr",
        "rev",
        "ca",
        "c",
        "cf",
        "viz",
        "al",
        "approx",
        "esp",
        "fig",
        "figs",
        "jr",
        "sr",
        "dr",
        "mr",
        "mrs",
        "ms",
        "messrs",
        "st",
        "ste",
        "mt",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "adm",
        "cmdr",
        "sgt",
        "gov",
        "sen",
        "rep",
        "amb",
        "hon",
        "rev",
        "fr",
        "corres",
        "geo",
        "prof",
        "pres",
        "secy",
        "sec'y",
        "asst",
        "dept",
        "dep",
        "govt",
        "admin",
        "adm",
        "natl",
        "intl",
        "corp",
        "inc",
        "ltd",
        "co",
        "bros",
        "assn",
        "univ",
        "lib",
        "dir",
        "div",
        "bur",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mass",
        "calif",
        "conn",
        "wash",
        "va",
        "md",
        "pa",
        "ny",
        "ill",
        "mich",
        "tex",
        "fla",
        "tel",
        "telg",
        "memo",
        "memcon",
        "encl",
        "doc",
        "docs",
        # FRUS: "supp. 1, vol. ii", "For. Rels., 1907", "p. 435, l. 9", "ll. 4–6"
        "supp",
        "suppl",
        "rel",
        "rels",
        "l",
        "ll",
    ]
)
# Abbreviations that stand before a number ("47 Stat. 2228", "36 Stat. L. 2448",
# "H.J. Res. 23") or end a list ("H. J. Res. 340, etc. (Washington, …)"):
# their period ends no sentence, unless a word follows that opens one
# ("… 46 Stat. See also …", "… and so on, etc. The").
# British command papers too: "Cmd. 6019", "Cd. 7467", "Cmnd. 1552".
OPEN_ENDED_ABBREVIATIONS = frozenset(
    ["stat", "res", "rept", "etc", "cmd", "cd", "cmnd"]
)
_OPENS_SENTENCE = re.compile(r"\s*[A-Z][a-z]")
_UNIT_WORD = UNIT_ABBREVIATION.pattern
# A unit's number: "12", "3–7", "R-9401", "II".
_NUMBER_NEXT = re.compile(r"\s*(?:[A-Z][–-])?\d")
# Dotted abbreviations matched as a whole token ("U.S.", "U.S.S.R.", "D.C.").
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_RANGE_DASH = re.compile(r"[–—/-]")
_INITIAL = re.compile(r"(?:^|[\s(“\"‘])[A-Z]$")

# A sentence may end at . ? ! (after closing quotes/brackets) before whitespace
# and an opening capital, quote, bracket or digit.
_BOUNDARY = re.compile(r"[.?!][”’\"')\]]*\s+(?=[A-Z“\"‘(\[0-9])")

# "POL 27 VIET S." ends a sentence: a capital after an upper-case code word is
# the end of a file code, not an initial ("John F. Kennedy").
_AFTER_CODE = re.compile(r"\b[A-Z]{2,}\s+$")
# "OSD/OASD/ISA; FRC 330 68 A 306" and "S/S Files; Lot 66 D 110": a semicolon
# before an accession or lot number joins two parts of one location.
_LOCATOR_NEXT = re.compile(r"\s*(?:FRC|Lot)\s+\d")
# "Foreign Relations …, Volumes VII, VIII, IX, Arms Control; National Security
# Policy; Foreign Economic Policy" (or "vols. VII–IX, …"): the combined volume's
# titles, one per volume, are joined by semicolons that do not end the
# citation. A title must follow the list: "vols. V and VI; Memorandum …" ends.
_VOLUME_LIST = re.compile(
    rf"\b{SERIES_NAME}[^;]*?\b(?:Volumes|[Vv]ols\.)\s+"
    rf"(?:(?P<list>[IVXLC]+(?:{SEP}[IVXLC]+)+)"
    r"|(?P<first>[IVXLC]+)\s*[–—-]\s*(?P<last>[IVXLC]+))\b\s*[,:]\s*[^;\s][^;]*$"
)


def _titles_joined(m: re.Match[str]) -> int:
    """How many ``;`` join the titles of the volumes ``_VOLUME_LIST`` matched."""
    if m.group("list"):
        return len(LIST_SEP.findall(m.group("list")))
    first, last = roman_to_int(m.group("first")), roman_to_int(m.group("last"))
    return last - first if first and last and 0 < last - first <= 20 else 0


# "Foreign Relations. 1929, vol. i, p. 862" (frus1930v01 d274fn29): a printing
# slip for the comma, which the year and volume or page after it make plain.
_FRUS_SLIP = re.compile(
    r"(?<=Foreign Relations)\.\s+\[?\d{4}\]?(?:[–-]\d{2,4})?,\s*(?:[Vv]ol|pp?\.)"
)


# "For. Rel. of the United States, 1893" and "For. Rels., 1907": the series
# abbreviated; "for." ends no sentence there.
_FOR_REL = re.compile(r"(?<=\bFor)\.\s+Rels?\.")


def _frus_slip(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` is the slip "Foreign Relations. 1929, vol."
    of the series, not the end of another name ("Committee on Foreign
    Relations. 1950 …")."""
    if _FOR_REL.match(text, dot):
        return True
    return _FRUS_SLIP.match(text, dot) is not None and not other_name(
        text, dot - len("Foreign Relations")
    )


class Span(NamedTuple):
    start: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` belongs to the word before it."""
    i = dot
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in '(“"‘[':
        i -= 1
    word = text[i:dot]
    if not word:
        return False
    # In a range ("Nov. 1917–Apr. 1919", "ca. 1914–ca. 1944") the abbreviation
    # is the part after the dash.
    word = _RANGE_DASH.split(word)[-1] or word
    if _INITIAL.search(text[max(0, i - 1) : dot]) and len(word) == 1:
        return not _AFTER_CODE.search(text, max(0, i - 12), i)
    if _DOTTED.match(word + "."):
        # "U.S." before a capital usually continues ("U.S. Army"), but the
        # sentence-final "U.S." is rare in notes; keep it attached.
        return True
    low = word.lower().rstrip("'")
    if _UNIT_WORD.fullmatch(word + ".") and _NUMBER_NEXT.match(text, dot + 1):
        return True  # "B 150, Bd. 12", "f. 06, op. 10, d. 520, l. 3–7"
    if low in OPEN_ENDED_ABBREVIATIONS:
        return not _OPENS_SENTENCE.match(text, dot + 1)
    return low in ABBREVIATIONS


def ends_with_abbreviation(text: str) -> bool:
    """Whether the period ending ``text`` belongs to its last word.

    >>> ends_with_abbreviation("Misc. Corres.")
    True
    >>> ends_with_abbreviation("Italy.")
    False
    """
    return text.endswith(".") and _is_abbreviation(text, len(text) - 1)


def _quotations(text: str) -> list[Span]:
    """The “…” quotations of ``text`` that close (opening to closing mark)."""
    spans: list[Span] = []
    at = text.find("“")
    while at >= 0:
        close = text.find("”", at + 1)
        if close < 0:
            break  # never closed: a typo, not a reason to join the rest
        spans.append(Span(at, close))
        at = text.find("“", close + 1)
    return spans


def _inside(quotes: list[Span], m: re.Match[str]) -> bool:
    """Whether the boundary ``m`` is inside a quotation that goes on after it.

    “Paraphrase sent to Creel. File. PHP.” is one remark quoted; the sentence
    may end only where the quotation closes (“… PHP.” Next).
    """
    return any(q.start < m.start() and m.end() <= q.end for q in quotes)


def sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans (trimmed, punctuation kept)."""
    spans: list[Span] = []
    start = 0
    quotes = _quotations(text) if "“" in text else []
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and (
            _is_abbreviation(text, m.start()) or _frus_slip(text, m.start())
        ):
            continue
        if quotes and _inside(quotes, m):
            continue
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
        start = m.end()
    if start < len(text) and text[start:].strip():
        end = len(text)
        while text[end - 1].isspace():
            end -= 1
        spans.append(Span(start, end))
    return spans


# The characters the scanners below react to; finditer jumps from one to the
# next instead of looking at every character in Python.
_PARENS = re.compile(r"[()]")
_SEMICOLON_SYNTAX = re.compile(r"[();“”]")
_ALNUM = re.compile(r"[^\W_]")  # exactly str.isalnum()


def _paren_groups(text: str, span: Span) -> list[Span]:
    """Top-level parenthesised groups inside ``span`` (outer parens included)."""
    groups: list[Span] = []
    if text.find("(", span.start, span.end) < 0:
        return groups
    depth = 0
    open_at = -1
    for m in _PARENS.finditer(text, span.start, span.end):
        i = m.start()
        ch = text[i]
        if ch == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append(Span(open_at, i + 1))
    return groups


# "(Washington: Government Printing Office, 2010)" is the imprint of the
# citation around it, not a citation of its own.
_IMPRINT = re.compile(r"^[A-Z][\w .,]*:\s*[^()]*?,?\s*(?:\d{4}|n\.d\.)$")
# Without the colon ("(The University of Alabama Press, 1984)", the legacy
# "(Washington, Government Printing Office, 1923)") an imprint is a
# parenthesis ending in its year that names a publisher and no date of a
# document ("(Press Release 123, May 5, 1962)" is a citation).
_ENDS_IN_YEAR = re.compile(r",\s*(?:1[5-9]\d\d|20\d\d)(?:[–-]\d{2,4})?$|,\s*n\.d\.$")
_PUBLISHER = re.compile(
    r"\b(?:Press(?!\s+(?:[Rr]eleases?|[Cc]onference|[Bb]riefing))|Printing\s+Office"
    r"|GPO|Stationery\s+Office|Publish(?:ers?|ing)|Books|Verlag|[ÉE]ditions"
    r"|Presses|Company|Co(?=\.)|Sons|Brothers|Bros(?=\.)|Harper & Row|Little, Brown"
    r"|Houghton Mifflin|Random House|Macmillan|Routledge|Gallimard)\b"
)
_MONTH = re.compile(rf"\b{MONTH_STEM}\s+\d")

# "(Johnson Library, Rusk Appointment Books, 1967)" is where a document is.
_ARCHIVAL = re.compile(
    r"\b(?:Library|Archives?|Papers|Files?|Box|Folder|Collection|RG|Record Group)\b"
)


# The journals' short imprint, place and year(s): "(Washington, DC, 1979)",
# "(Washington, 1976)", "(16 vols., Washington, 1979–1989)".
_PLACE_YEAR = re.compile(
    r"^(?:\d+\s+vols?\.,\s*)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:,?\s+D\.?\s?C\.?)?,\s*"
    rf"(?:1[5-9]\d\d|20\d\d)(?:\s*{DASH}\s*\d{{2,4}})?$"
)


def is_imprint(inner: str) -> bool:
    """Whether a parenthesis' content is a publication imprint.

    >>> is_imprint("New York: Basic Books, 1985")
    True
    >>> is_imprint("The University of Alabama Press, 1984")
    True
    >>> is_imprint("Press Release 123, May 5, 1962")
    False
    """
    if _IMPRINT.match(inner) or _PLACE_YEAR.match(inner):
        return True
    return (
        "(" not in inner
        and _ENDS_IN_YEAR.search(inner) is not None
        and _PUBLISHER.search(inner) is not None
        and _MONTH.search(inner) is None
        and _ARCHIVAL.search(inner) is None
    )


def _standalone(inner: str) -> bool:
    """A parenthesis long and structured enough to be a citation of its own."""
    return (
        len(inner) >= 20
        and ", " in inner
        and not is_imprint(inner)
        # "(hereafter cited as NSF, JFKL)" declares a short title for the
        # citation it follows; cut off, it would look like a second citation.
        and not DECLARES.match(inner)
    )


def top_semicolons(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Positions of the ``;`` in ``text[start:end]`` outside parentheses and
    “…” quotations, in order.

    One scanner for every place that cuts at top-level semicolons (the
    segmenter here; ``grammar.leadins.top_semicolon`` is its first element).

    >>> top_semicolons("A (b; c); “d; e”; f")
    [8, 16]
    """
    if end is None:
        end = len(text)
    if text.find(";", start, end) < 0:
        return []
    out: list[int] = []
    depth = 0
    quoted = False
    for m in _SEMICOLON_SYNTAX.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch in "“”":
            quoted = ch == "“"
        elif ch == ";" and depth == 0 and not quoted:
            out.append(i)
    return out


# A semicolon that does not end a FRUS reference:
# * "Foreign Relations; 1889, p. 112": a slip for the comma;
# * "Foreign Relations, 1920, vol. iii, pp. 12 ff.; 1921, vol. ii, pp. 40 ff.;
#   and 1922, vol. i, p. 7": the next year of a list after one series name;
# * "vol. 3, National Security Policy; Arms Control and Disarmament, ed. …
#   (Washington …), doc. 23": a semicolon inside the volume's title, which the
#   editors or the imprint after it show.
_SERIES_BEFORE = re.compile(rf"\b{SERIES_NAME}|\bFor\.\s+Rels?\.")
_NEXT_YEAR = re.compile(
    rf"\s*(?:and\s+)?\[?\d{{4}}(?:\s*{DASH}\s*\d{{2,4}})?\s*,\s*"
    r"(?:[Vv]ol|pp?\.|[Ss]upp|pt\b|[Pp]art)"
)
_TITLE_GOES_ON = re.compile(
    r"[^;()]*?(?:,\s+eds?\.\s|\s\((?:[^()]*?)(?:Washington|Printing|Publishing|GPO))"
)
_LOCATOR_BEFORE = re.compile(rf"(?:{DOCUMENT}|pp?\.|:)\s*\d[^;]*$|\b\d+\s*$")
_VOLUME_BEFORE = re.compile(r"\b[Vv]ol(?:ume)?\.?\s*(?:[IVXLC]+|\d+)\b[,:]?[^;]*$")


def _frus_goes_on(text: str, start: int, at: int) -> bool:
    """Whether the ``;`` at ``at`` (in a clause from ``start``) is inside a FRUS
    reference, or between the years of one."""
    series = _SERIES_BEFORE.search(text, start, at)
    if series is None:
        return False
    if text[series.end() : at].strip() == "" and _NEXT_YEAR.match(text, at + 1):
        return True  # "Foreign Relations; 1889, p. 112"
    if _NEXT_YEAR.match(text, at + 1) and _LOCATOR_BEFORE.search(
        text, series.end(), at
    ):
        return True
    return (
        _VOLUME_BEFORE.search(text, series.end(), at) is not None
        and _LOCATOR_BEFORE.search(text, series.end(), at) is None
        and TITLE_CONTINUES.match(text, at + 1) is not None
    )


def _split_semicolons(text: str, span: Span) -> list[Span]:
    """Cut ``span`` (trimmed, not empty) at semicolons outside parens and quotes."""
    if text.find(";", span.start, span.end) < 0:
        return [span]
    chunk = text[span.start : span.end]
    if is_classification(chunk) or chunk.startswith(
        ("Drafted", "Cleared", "Approved", "Sent ", "Repeated")
    ):
        return [span]
    parts: list[Span] = []
    start = span.start
    titles = 0
    cuts = top_semicolons(text, span.start, span.end)
    for k, i in enumerate(cuts):
        if titles == 0 and (m := _VOLUME_LIST.search(text, start, i)):
            titles = _titles_joined(m)
        if titles > 0:
            titles -= 1  # joins the titles of the volumes listed
            continue
        if _LOCATOR_NEXT.match(text, i + 1) or _frus_goes_on(text, start, i):
            continue
        if joins_files(text, start, i, cuts[k + 1] if k + 1 < len(cuts) else span.end):
            continue
        parts.append(Span(start, i))
        start = i + 1
    parts.append(Span(start, span.end))
    return [p for p in (_trim(text, p) for p in parts) if p.end > p.start]


def _trim(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e)


def clauses(text: str) -> list[Span]:
    """Split a note's text into citation candidate spans, in order."""
    out: list[Span] = []
    for sent in sentences(text):
        pieces: list[Span] = []
        cursor = sent.start
        for group in _paren_groups(text, sent):
            inner = Span(group.start + 1, group.end - 1)
            if not _standalone(text[inner.start : inner.end]):
                continue
            if group.start > cursor:
                pieces.append(Span(cursor, group.start))
            pieces.append(inner)
            cursor = group.end
        if cursor < sent.end:
            pieces.append(Span(cursor, sent.end))
        for piece in pieces:
            piece = _trim(text, piece)
            if piece.end <= piece.start:
                continue
            # A lone "." or ")." left after a paren is punctuation, not a clause.
            if not _ALNUM.search(text, piece.start, piece.end):
                continue
            for part in _split_semicolons(text, piece):
                out.append(part)
    return out
