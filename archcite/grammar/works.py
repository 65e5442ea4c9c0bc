"""The grammar of one published work, as a note cites it.

:func:`parse_work` reads ``text[s:e]`` (after any lead-in) as

* a legal or treaty-series form: "16 UST 2029", "47 Stat. 2228", "TIAS 5432",
  "Treaty Series No. 822";
* authors and editors, a title (or a quoted article or chapter title and what
  holds it), publication facts in parentheses, then locators:
  ``Walter A. McDougall, …the Heavens and the Earth (New York: Basic Books,
  1985), 320–24``; ``John Doe, "Title," Diplomatic History 12, no. 3 (1988):
  245–67``; ``"Chapter," in Editor, ed., Book (Place: Publisher, Year), pp. 1–9``;
* a title (optionally after an author) and locators without publication facts:
  ``Papers of Woodrow Wilson, vol. 43, p. 459, n. 2``; ``Department of State
  Bulletin, vol. XLVI, March 5, 1962, pp. 371–372``; ``Leary, The Central
  Intelligence Agency: History and Documents, pp. 63, 147–148``.

The citation ends after the last part read, so trailing prose ("…, pp.
489–495, which provides …") is left out. Pure; never raises on text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archcite.grammar.frus_series import names_other_work
from archcite.grammar.locators import Component, classify, components, title_like
from archcite.grammar.vocab import MONTH, PAGE_WORD, SERIES_NAME
from archcite.model import PublishedRef

__all__ = [
    "DOC_WORDS",
    "FIRST_WORD",
    "FRUS",
    "KNOWN",
    "KNOWN_WORKS",
    "LEGAL",
    "NONE",
    "PRINTED",
    "SIGNAL",
    "Work",
    "parse_work",
]

#: Documentary editions, serials and newspapers that FRUS and historians cite.
KNOWN_WORKS = (
    "Public Papers of the Presidents",
    "American Foreign Policy: Current Documents",
    "American Foreign Policy, 1950–1955: Basic Documents",
    "American Foreign Policy",
    "Department of State Bulletin",
    "Papers of Woodrow Wilson",
    "The Papers of Woodrow Wilson",
    "Documents on Disarmament",
    "Documents on American Foreign Relations",
    "Documents on International Affairs",
    "Documents on Germany",
    "Congressional Record",
    "Weekly Compilation of Presidential Documents",
    "Treaty Series",
    "Executive Agreement Series",
    "League of Nations Treaty Series",
    "British and Foreign State Papers",
    "Treaties, Conventions, International Acts, Protocols and Agreements",
    "Treaties, Conventions, etc.",
    "United States Treaties and Other International Agreements",
    "Treaties and Other International Acts Series",
    "Statutes at Large",
    "Yearbook of the United Nations",
    "The Pentagon Papers",
    "Pentagon Papers",
    "New York Times",
    "The New York Times",
    "Washington Post",
    "The Washington Post",
    # official series the older volumes cite by volume and page (issue 11)
    "American State Papers",
    "Parliamentary Debates",
    "Hansard",
    "Appendix to the Case of the United States",
    "Appendix to the Case of Great Britain",
    "Appendix to the Counter-Case of the United States",
    "Appendix to the Counter-Case of Great Britain",
    "Case of the United States",
    "Case of Great Britain",
)
_NEWSPAPERS = re.compile(
    r"\b(?:Times|Post|Herald|Tribune|Journal|Monitor|Star|News|Gazette|Chronicle|Sun|"
    r"Daily|Telegraph|Guardian|Observer|Economist|Newsweek|Nation|Inquirer)\b"
)
KNOWN = re.compile(
    "|".join(re.escape(w) for w in sorted(KNOWN_WORKS, key=len, reverse=True))
)
LEGAL = re.compile(
    r"(?P<vol>\d+)\s+(?P<title>UST|U\.S\.T\.|Stat\.|UNTS|U\.N\.T\.S\.|Bevans)\s+(?P<page>\d+)"
    r"|(?:Department\s+of\s+State\s+)?"
    r"(?P<title2>TIAS|T\.I\.A\.S\.|Treaty\s+Series|Executive\s+Agreement\s+Series)\s+"
    r"(?:No\.\s*)?(?P<num>\d+)"
    # British command papers, "Cmd. 6019" whole (issue 11), with a page after it
    r"|(?:Great\s+Britain,\s+)?(?P<title3>Cmd\.|Cd\.|Cmnd\.)\s*(?P<paper>\d+)"
    r"(?:,\s*pp?\.\s*(?P<paper_pages>\d+(?:\s*[–-]\s*\d+)?))?"
)
_LEGAL_TITLES = {
    "UST": "United States Treaties and Other International Agreements",
    "U.S.T.": "United States Treaties and Other International Agreements",
    "Stat.": "Statutes at Large",
    "UNTS": "United Nations Treaty Series",
    "U.N.T.S.": "United Nations Treaty Series",
    "Bevans": "Treaties and Other International Agreements of the United States of America, 1776–1949",
    "TIAS": "Treaties and Other International Acts Series",
    "T.I.A.S.": "Treaties and Other International Acts Series",
    "Cmd.": "Parliamentary Papers (Command Papers)",
    "Cd.": "Parliamentary Papers (Command Papers)",
    "Cmnd.": "Parliamentary Papers (Command Papers)",
}
FRUS = re.compile(rf"(?:the\s+)?{SERIES_NAME}")


@dataclass(frozen=True, slots=True)
class Work:
    """A parsed work and where its citation ends in the text."""

    ref: PublishedRef
    end: int


# ---- locators after the title -------------------------------------------------

_ROMAN = r"[IVXLCivxlc]+"
_PAGE = r"[A-Z]?\d+[a-z]?|[ivxlc]+"
_PAGES_V = rf"(?:{_PAGE})(?:\s*[–-]\s*(?:{_PAGE}))?(?:\s*ff\.?)?"
_VOL = re.compile(
    rf"^(?:[Vv]ols?\.?|Volume|volume)\s+(?P<v>(?:\d+|{_ROMAN})(?:\s*[–-]\s*(?:\d+|{_ROMAN}))?)"
    rf"(?:[.,]?\s+(?:pp?\.)\s*(?P<p>{_PAGES_V}))?\.?$"
)
_PART = re.compile(rf"^(?:[Pp]ts?|[Pp]arts?)\.?\s+(?:\d+|{_ROMAN})$")
_NO = re.compile(r"^(?:[Nn]os?)\.\s*(?P<v>\d+[A-Za-z]?)$")
_PAGES = re.compile(rf"^(?:{PAGE_WORD}|(?P<col>cols?\.))\s*(?P<v>{_PAGES_V})$")
_BARE = re.compile(rf"^(?:{_PAGES_V})$")
_NOTE = re.compile(r"^(?:nn?\.|notes?)\s*\d+(?:\s*[–-]\s*\d+)?$")
_FF = re.compile(r"^ff\.?$")
# Finer places inside a work, kept in the citation's text only.
_MINOR = re.compile(
    r"^(?:[Aa]nnex|[Aa]ppendix|app\.|[Dd]ocuments?|[Dd]ocs?\.|[Aa]rts?\.|[Ss]ection|"
    r"[Ss]ecs?\.|[Cc]hapter|[Cc]hap\.|ch\.|Book|Series|Table|[Ss]upplement|"
    r"Special\s+Supplement\s+No\.)\s+[\w.–-]+(?:\s*[–-]\s*[\w.]+)?(?:\s*\([^()]*\))?$"
)
_DATE = re.compile(
    rf"^(?:{MONTH}(?:\s+\d{{1,2}})?,?\s+\d{{4}}|\d{{1,2}}\s+[A-Z][a-z]+\.?\s+\d{{4}})$"
)


def _starts_locators(text: str) -> bool:
    return bool(
        _VOL.match(text)
        or _PAGES.match(text)
        or _PART.match(text)
        or _NO.match(text)
        or _DATE.match(text)
    )


@dataclass(slots=True)
class _Tail:
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    date: str | None = None
    end: int = -1  # end offset of the last locator read, -1 when none


def _tail(comps: list[Component], bare_pages: bool) -> _Tail:
    """Read the locators after a title; stop at the first part that is none."""
    t = _Tail()
    in_pages = False
    for k, comp in enumerate(comps):
        text = comp.text
        if m := _VOL.match(text):
            if t.volume is not None:
                break
            t.volume = m.group("v")
            if m.group("p"):
                t.pages, in_pages = m.group("p"), True
        elif _PART.match(text) and t.volume is not None and t.pages is None:
            t.volume = f"{t.volume}, {text}"
        elif (m := _NO.match(text)) and t.pages is None:
            if t.volume is None:
                t.volume = m.group("v")
            else:
                t.issue = m.group("v")
        elif m := _PAGES.match(text):
            if t.pages is not None and not in_pages:
                break
            # a column of the debates keeps its label: "col. 1544"
            found = text if m.group("col") else m.group("v")
            t.pages = found if t.pages is None else f"{t.pages}, {text}"
            in_pages = True
        elif in_pages and (_BARE.match(text) or _NOTE.match(text) or _FF.match(text)):
            t.pages = f"{t.pages}, {text}" if not _FF.match(text) else f"{t.pages} ff."
        elif bare_pages and k == 0 and _BARE.match(text):
            t.pages, in_pages = text, True
        elif _DATE.match(text) and t.date is None and t.pages is None:
            t.date = text
        elif _MINOR.match(text) or (
            t.volume is not None and t.pages is None and title_like(text, strict=True)
        ):
            # "annex iii", "Documents 119–138", a volume's own title: kept in
            # the text only, and only when a locator follows (t.end stays put).
            continue
        else:
            break
        t.end = comp.end
    return t


# ---- authors, titles, publication facts --------------------------------------

# "[A-Z][a-z’'-]*[A-Z]?[a-z’'-]+" read the same names but tried every split of a
# long run of letters between its two runs (quadratic); the optional inner
# capital now closes the first run.
_GIVEN = r"(?:[A-Z](?:[a-z’'-]*[A-Z])?[a-z’'-]+|[A-Z]\.(?:\s?[A-Z]\.)*)"
_SURNAME = r"(?:(?:de|van|von|der|du|la|le)\s+){0,2}[A-Z](?:[a-z’'-]*[A-Z])?[a-z’'-]+"
_PERSON = rf"{_GIVEN}(?:\s+{_GIVEN}){{0,2}}\s+{_SURNAME}(?:\s+(?:Jr\.|Sr\.|II|III))?"
# "The Big Book" and "The New York Times" are titles, not people.
_NAMES = re.compile(
    rf"^(?:and\s+)?(?!(?:The|A|An)\s){_PERSON}(?:\s+and\s+(?!(?:The|A|An)\s){_PERSON})?$"
)
_ONE_SURNAME = re.compile(rf"^{_SURNAME}(?:\s+and\s+{_SURNAME})?$")
# Words that open a title, not a surname ("Treaties, Conventions, …").
_NOT_SURNAME = frozenset(
    {"Treaties", "Documents", "Papers", "Minutes", "Proceedings", "Hearings", "Report",
     "Reports", "Records", "Statutes", "Memoirs", "Congress", "Senate", "House"}
)  # fmt: skip
_EDITOR_MARK = re.compile(r"^(?:eds?\.|editors?|comps?\.|compilers?|trans\.)$")
_ED_BY = re.compile(r"^(?:ed\.|eds\.|edited\s+by|comp\.|compiled\s+by)\s+(?P<n>.+)$")
_SKIP_AFTER_TITLE = re.compile(
    r"^(?:\d+\s+vols?\.|\d+(?:st|nd|rd|th)\s+(?:ed|ser)\.?|rev\.\s+ed\.?|trans\.\s+.+|"
    r"translated\s+by\s+.+)$"
)
_QUOTED = re.compile(r"^[“\"‘](?P<t>.+?)[,.]?[”\"’]$")
_FACTS = re.compile(
    r"^(?P<pre>.*?)\s*\((?P<facts>[^()]*?(?<![–-])\[?\d{4}[a-z]?\]?)\)"
    rf"(?:\s*:\s*(?P<pp>{_PAGES_V}(?:,\s*{_PAGES_V})*))?$"
)
_PUBLISHER = re.compile(
    r"\b(?:Press|Books?|Publish\w*|Company|Co\.|Inc\.|Ltd\.?|Office|Verlag|Éditions|"
    r"Editions|Knopf|Norton|Harper|Macmillan|Praeger|Routledge|Wiley|Prentice|Sons|"
    r"Agency|House|Department|University|Institution|Council|Service)\b"
)
_JOURNAL = re.compile(rf"^(?P<j>.+?)\s+(?P<v>\d+|{_ROMAN})$")
DOC_WORDS = frozenset(
    {"Telegram", "Memorandum", "Letter", "Enclosure", "Annex", "Appendix", "Tab",
     "Attachment", "Section", "Paragraph", "Part", "Chapter", "Document", "Documents",
     "Despatch", "Dispatch", "Airgram", "Note", "Page", "Pages", "Footnote", "Ibid",
     "Vol", "Volume", "See", "No", "Nos", "Box", "Folder", "Reel", "Message", "Cable",
     "Item", "Paper", "Draft", "Enclosures", "Attachments", "Tabs", "Point", "Points"}
)  # fmt: skip
FIRST_WORD = re.compile(r"[A-Za-z]+")
_IBID = re.compile(r"\bibid\b", re.I)
# Locators of a manuscript collection, never of a printed work.
_ARCHIVAL = frozenset(
    {"box", "folder", "reel", "rg", "lot", "accession", "job", "entry"}
)


def _names(text: str) -> tuple[str, ...]:
    text = re.sub(r"^and\s+", "", text)
    return tuple(n.strip() for n in re.split(r"\s+and\s+", text) if n.strip())


def _clean(text: str) -> str:
    # TEI leaves a space where a tag ended: "Papers of Woodrow Wilson , vol. 43".
    return re.sub(r"\s+([,:])", r"\1", text).strip()


def _titled(text: str, strict: bool) -> bool:
    """Whether ``text`` reads as a title (headline case, no finite verb)."""
    body = text.lstrip("…. ").strip()
    if not body or _IBID.search(body):
        return False
    if FRUS.search(body) and not names_other_work(body):
        return False
    w = FIRST_WORD.match(body)
    if w is None or w.start() > 0 or (w.group() in DOC_WORDS and not KNOWN.match(body)):
        return False  # "1929, vol. i", "46 Stat", "Telegram 35 …": not a title
    if body[0].islower() and len(body) < len(text):
        body = body[0].upper() + body[1:]  # "…the Heavens and the Earth"
    return title_like(body, strict=strict)


_MONTH_ONLY = re.compile(
    rf"^\s*(?:(?:{MONTH}|Spring|Summer|Fall|Autumn|Winter)(?:\s+\d{{1,2}})?,?\s*)?$"
)


def _facts(body: str) -> tuple[str | None, str | None, str]:
    """Place, publisher and year of "(New York: Basic Books, 1985)"."""
    m = re.match(r"^(?P<rest>.*?)[,\s]*\[?(?P<y>\d{4}[a-z]?)\]?$", body)
    rest, year = (m.group("rest"), m.group("y")) if m else (body, body)
    if _MONTH_ONLY.match(rest):
        return None, None, year  # "(May 1962)", "(Spring 1988)": a date, no facts
    place: str | None = None
    publisher: str | None = None
    if ":" in rest:
        place, _, publisher = (p.strip(" ,") for p in rest.partition(":"))
    elif rest.strip(" ,"):
        parts = [p.strip() for p in rest.split(",") if p.strip()]
        if len(parts) >= 2:
            place, publisher = parts[0], ", ".join(parts[1:])
        elif _PUBLISHER.search(parts[0]):
            publisher = parts[0]
        else:
            place = parts[0]
    return place or None, publisher or None, year


@dataclass(slots=True)
class _Head:
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    type: str | None = None


def _people(comps: list[Component]) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """Authors (or editors, with "ed.") at the front; how many components they take."""
    names: list[str] = []
    i = 0
    while (
        i < len(comps) - 1
        and _NAMES.match(comps[i].text)
        and not KNOWN.match(comps[i].text)  # "American State Papers" is no person
        and not (i == 0 and comps[0].text.startswith("and "))  # "and" continues a list
    ):
        names += _names(comps[i].text)
        i += 1
    if not names and len(comps) > 1:
        first = comps[0].text
        if _ONE_SURNAME.match(first) and first.split()[0] not in _NOT_SURNAME:
            names, i = list(_names(first)), 1
    if names and i < len(comps) and _EDITOR_MARK.match(comps[i].text):
        return (), tuple(names), i + 1
    return tuple(names), (), i


#: A page range with no label that ends a short form; four-digit numbers are
#: years far more often than pages.
_SHORT_PAGE = re.compile(r"^(?!\d{4}\b)(?:\d{1,4})(?:\s*[–-]\s*\d{1,4})?$")
#: Emphasis written out in plain text: "Smith, *Cold War*, 45".
_EMPHASIS = re.compile(r"^([*_])(?P<t>[^*_]+)\1$")


def _short_page(comps: list[Component]) -> bool:
    """Whether ``comps`` is author, title, bare page ("Gaddis, We Now Know, 45")."""
    return len(comps) >= 3 and bool(_SHORT_PAGE.match(comps[-1].text))


def _book(comps: list[Component], h: _Head) -> bool:
    """Title and trailing editor/volume parts of a book; False if not a title."""
    parts: list[str] = []
    # Only an editor or volume read after the title closes it; editors named
    # before it ("Jane Doe, ed., Title") do not.
    closed = False
    for comp in comps:
        text = comp.text
        if m := _EMPHASIS.match(text):
            text = m.group("t")
        if parts and (m := _ED_BY.match(text)):
            h.editors, closed = _names(m.group("n")), True
        elif parts and (m := _VOL.match(text)) and not m.group("p"):
            h.volume, closed = m.group("v"), True
        elif parts and _SKIP_AFTER_TITLE.match(text):
            continue
        elif closed:
            return False  # more title after the editor: not a citation we can read
        else:
            parts.append(text)
    if not parts:
        return False
    h.title = _clean(", ".join(parts))
    return True


def _head(comps: list[Component], has_facts: bool) -> _Head | None:
    h = _Head()
    h.authors, h.editors, i = _people(comps)
    rest = comps[i:]
    if not rest:
        return None
    inside = next((k for k, c in enumerate(rest) if c.text.startswith("in ")), None)
    quoted = next(
        (k for k, c in enumerate(rest[: inside if inside is not None else len(rest)])
         if _QUOTED.match(c.text)),
        None,
    )  # fmt: skip
    if inside is not None and inside > 0:
        # A chapter: "“Chapter,” in Editor, ed., Book" or "in Book, ed. Editor".
        if quoted is None or not all(
            title_like(c.text) for k, c in enumerate(rest[:inside]) if k != quoted
        ):
            return None  # what precedes "in" names the document, not prose
        qm = _QUOTED.match(rest[quoted].text)
        h.title = qm.group("t").strip() if qm else None
        first = rest[inside]
        book = [Component(first.start + 3, first.end, first.text[3:].strip())]
        book += rest[inside + 1 :]
        _, eds, j = _people(book)
        if not eds:
            j = 0  # "in The Big Book, ed. John Smith": the book comes first
        inner = _Head()
        if not _book(book[j:], inner):
            return None
        h.editors = eds or inner.editors
        h.container, h.volume, h.type = inner.title, inner.volume, "chapter"
        return h
    if quoted == 0 and len(rest) > 1:
        qm = _QUOTED.match(rest[0].text)
        h.title = qm.group("t").strip() if qm else None
        journal = rest[1].text
        more = rest[2:]
        if jm := _JOURNAL.match(journal):
            h.container, h.volume = jm.group("j"), jm.group("v")
            if more and (nm := _NO.match(more[0].text)):
                h.issue, more = nm.group("v"), more[1:]
        else:
            h.container = journal
        if more:
            return None
        h.container = _clean(h.container or "")
        h.type = (
            "article"
            if has_facts or h.volume or not _NEWSPAPERS.search(h.container)
            else "newspaper"
        )
        return h
    if quoted is not None:
        return None
    if not _book(rest, h):
        return None
    h.type = "book"
    return h


def _legal(text: str, s: int, e: int, lead: int) -> Work | None:
    m = LEGAL.match(text, s, e)
    # After a lead-in the clause may go on: "printed in 47 Stat. 2228, are not …".
    if m is None or (
        m.end() != e and not (lead and text.startswith((",", " and "), m.end()))
    ):
        return None
    if m.group("vol"):
        ref = PublishedRef(
            title=_LEGAL_TITLES.get(m.group("title"), m.group("title")),
            volume=m.group("vol"),
            pages=m.group("page"),
            type="edition",
        )
    elif m.group("title3"):
        paper = f"{m.group('title3')} {m.group('paper')}"
        ref = PublishedRef(
            title=_LEGAL_TITLES[m.group("title3")],
            volume=paper,
            pages=m.group("paper_pages"),
            type="edition",
        )
    else:
        title2 = " ".join(m.group("title2").split())
        ref = PublishedRef(
            title=_LEGAL_TITLES.get(title2, title2),
            volume=m.group("num"),
            type="edition",
        )
    return Work(ref, m.end())


#: Lead-in strengths: none, a signal ("See", "Cf."), "Source:" or "printed in".
NONE, SIGNAL, PRINTED = 0, 1, 2


def parse_work(text: str, s: int, e: int, lead: int) -> Work | None:
    """One work cited in ``text[s:e]``; ``lead`` is the lead-in's strength.

    After "Source:" or "printed in" a title alone is enough; after a signal
    ("See") the work needs locators or publication facts; without a lead-in it
    needs a headline-case title and nothing but locators after it.
    """
    legal = _legal(text, s, e, lead)
    if legal is not None:
        return legal
    w = FIRST_WORD.match(text, s)
    if (
        not lead
        and w is not None
        and w.group() in DOC_WORDS
        and not KNOWN.match(text, s)
    ):
        return None  # "Telegram No. 1, January 6", "Enclosure to despatch No. 227"
    comps = components(text, s, e)
    if not comps or any(
        (loc := classify(c.text)) is not None and loc.kind in _ARCHIVAL for c in comps
    ):
        return None  # "Papers of Joseph C. Grew, Box 3" is a manuscript collection
    known = KNOWN.match(text, s) is not None
    facts_at = next(
        (k for k, c in enumerate(comps) if "(" in c.text and _FACTS.match(c.text)), None
    )
    place = publisher = year = None
    tail_pages: str | None = None
    if facts_at is not None:
        fc = comps[facts_at]
        fm = _FACTS.match(fc.text)
        assert fm is not None
        place, publisher, year = _facts(fm.group("facts"))
        pre = fm.group("pre").strip()
        head_comps = comps[:facts_at]
        if pre:
            head_comps.append(Component(fc.start, fc.start + len(pre), pre))
        tail_comps = comps[facts_at + 1 :]
        tail_pages = fm.group("pp")
        head_end = fc.end
    else:
        cut = next(
            (k for k, c in enumerate(comps) if k > 0 and _starts_locators(c.text)),
            len(comps),
        )
        if cut == len(comps) and _short_page(comps):
            cut = len(comps) - 1  # "Bundy, Danger and Survival, 45": a bare page
        head_comps, tail_comps = comps[:cut], comps[cut:]
        head_end = head_comps[-1].end if head_comps else s
    if not head_comps:
        return None
    h = _head(head_comps, facts_at is not None)
    if h is None or not h.title:
        return None
    bare = facts_at is not None and not tail_pages
    if facts_at is None and _short_page(comps) and len(tail_comps) == 1:
        if not h.authors or _MONTH_ONLY.match(h.title.split(",")[0]):
            return None  # a bare number after a title alone may be anything
        bare = True
    t = _tail(tail_comps, bare_pages=bare)
    pages = tail_pages or t.pages
    volume = h.volume or t.volume
    end = t.end if t.end >= 0 else head_end
    consumed = end == (comps[-1].end if comps else e)
    if facts_at is not None:
        # Publication facts are strong evidence; a bare "(1976)" needs more.
        strong = bool(place or publisher or h.authors or h.editors or pages or lead)
        # A book named by nothing but its title must read as one ("He flew to
        # Boston (May 1962)" is prose).
        loose = bool(h.authors or h.editors or publisher)
        if not strong or (h.type == "book" and not _titled(h.title, strict=not loose)):
            return None
        date = year
    else:
        date = t.date
        # Locators that make a title a citation rather than a phrase of prose.
        located = bool(pages or volume or (h.type != "book" and date))
        if not known and lead < PRINTED and not located:
            return None  # "See Rusk's memorandum to the President"
        if not known and not lead and (not consumed or not _titled(h.title, True)):
            return None  # no lead-in: a headline-case title and locators, nothing else
        if not known and not located:
            # "printed in a memorandum", "As officially printed in the United States"
            words = len(h.title.split())
            if not consumed or not 3 <= words <= 14 or not _titled(h.title, False):
                return None
        if known and not lead and not consumed:
            return None
        if h.type == "book" and not _titled(h.title, strict=False):
            return None  # "The New York Times, February 13, reported that …"
    kind = h.type
    if known and kind == "book" and not h.authors:
        kind = "newspaper" if _NEWSPAPERS.search(h.title) and date else "edition"
    ref = PublishedRef(
        title=h.title,
        volume=volume,
        pages=pages,
        date=date,
        type=kind,
        author=h.authors,
        editor=h.editors,
        container_title=h.container,
        issue=h.issue or t.issue,
        publisher=publisher,
        place=place,
    )
    return Work(ref, end)
