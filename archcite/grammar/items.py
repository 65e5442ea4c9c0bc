"""The document itself, as a note describes it in front of its location.

Chicago notes name the document first ("Dean Rusk to John F. Kennedy",
"memorandum", "February 20, 1962", a quoted title); FRUS notes put a
description before the location's semicolon ("Letter from David E. McGiffert,
Under Secretary of the Army, to William P. Bundy, February 15"). This module
reads those leading components into an :class:`ItemParts`. Pure; never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archcite.authority import posts
from archcite.grammar.locators import STRONG, Component, classify
from archcite.grammar.noncitation import is_classification
from archcite.grammar.vocab import RECORD_BOOK, RECORD_BOOKS, iso_date, words
from archcite.model import DocItem

# The document types writers use most, also as the first word of a capitalized
# description ("Memorandum for the record", "Desk diary"); any other lower-case
# noun phrase in the type slot is read by _open_type.
_TYPE = (
    r"(?:(?:handwritten|typed|typewritten|draft|undated|desk|personal)\s+)?"
    r"(?:memorand(?:um|a)(?:\s+of\s+(?:a\s+)?(?:telephone\s+)?conversations?|"
    r"\s+for\s+the\s+(?:record|files?))?|letters?|telegrams?|cables?|airgrams?|"
    r"despatch(?:es)?|dispatch(?:es)?|notes?|reports?|minutes?|messages?|aide-m[ée]moire|"
    r"transcripts?|diary(?:\s+entry|\s+notes?)?|circulars?|backchannel\s+messages?|"
    r"intelligence\s+notes?|papers?|(?:briefing|position)\s+papers?|talking\s+points|"
    r"memcon|telcon|summary|summaries|(?:cabinet\s+)?conclusions|drafts?|"
    r"record\s+of\s+(?:a\s+)?(?:conversations?|meetings?|discussions?|talks?)|"
    r"policy\s+guidance|guidance|journal|directive|estimate|study)"
)
# "the Embassy in Tokyo", "Ambassador in Paris": an office at a post is a name too.
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|of|the|la|du|in)){0,5}"
# Several names in one component: "Truman and Harriman", "the President and Rusk".
_NAMES_AND = rf"(?:the\s+)?{_NAME}(?:\s+and\s+(?:the\s+)?{_NAME})*"
# "Summary of Talks", "Minutes of Meeting": a one-word "of" complement is part
# of the type as cited (docs: the description as cited, lower-cased).
_ITEM_FULL = re.compile(
    rf"^(?P<type>(?i:{_TYPE}))(?P<of>\s+of\s+[A-Za-z]+)?"
    rf"(?:\s+(?P<num>(?i:no\.\s*)?[A-Z]{{0,4}}[–-]?\d[\w–/-]*))?"
    rf"(?:\s+from\s+(?P<author>{_NAME}))?(?:\s+to\s+(?P<recipient>(?:the\s+)?{_NAME}))?$"
)
# A description that only starts like one ("Memorandum of conference with the
# President", "Notes of the President's Meeting with …"): the type is the
# leading type word and a lower-case "of …" complement.
_ITEM_LOOSE = re.compile(
    rf"^(?P<type>(?i:{_TYPE}))(?:\s+(?P<of>of\s+[a-z]+(?:\s+[a-z]+)?)(?![\w'’]))?\s+"
    r"(?:of|with|from|to|by|on|for|between|concerning|regarding|at|about|among)\b"
)
_FROM = re.compile(rf"\bfrom\s+(?P<n>{_NAMES_AND})")
_TO = re.compile(rf"\bto\s+(?P<n>{_NAMES_AND})")
# "Memorandum for the Director": the addressee, not part of the type.
_FOR = re.compile(rf"\bfor\s+(?P<n>(?:the\s+)?{_NAME})")
_PERSONS = re.compile(rf"^(?P<author>{_NAMES_AND})\s+to\s+(?P<recipient>{_NAMES_AND})$")
# "Andrew J. Goodpaster, memorandum of conversation", "Eisenhower, diary", "Sir
# Roger Makins, “Title,” memorandum", "Joint Chiefs of Staff, report": an author
# named alone right before the type (or a title or date and then the type).
_PERSON = re.compile(rf"^{_NAMES_AND}$")
# Author and recipient as their own component after a title ("Memorandum,
# “Future of the Ryukyus,” from Fearey to Bundy, June 3").
_FROM_TO = re.compile(rf"^from\s+(?P<a>{_NAMES_AND})(?:\s+to\s+(?P<r>{_NAMES_AND}))?$")
# The recipient as its own component after an appositive ("Letter from David E.
# McGiffert, Under Secretary of the Army, to William P. Bundy").
_TO_ALONE = re.compile(rf"^to\s+(?P<n>(?:the\s+)?{_NAME})$")
# One name of a list cut by commas ("to Hughes, Denney, and Evans"; "Ford,
# Kissinger, and Scowcroft").
_LIST_NAME = re.compile(rf"^(?:and\s+)?(?P<n>(?:the\s+)?{_NAME})$")
# A numbered document named as such ("NSC 68", "NSDD 75", "NSAM No. 263"): the
# number is the item's title when no quoted title is given.
_NUMBERED = re.compile(
    r"^(?:NSAM|NSDD|NSDM|NSSM|NSSD|NSPM|NSD|NSR|NSC|NIE|SNIE|PRM|PD|PDD|PRD|JCSM|JCS)"
    r"(?:[/-]NSC)?[\s–-]*(?:No\.\s*)?\d+(?:[/–-]\d+)*[A-Z]?$"
)
# Honorifics are dropped from names like ranks ("Sir Roger Makins").
_HONORIFIC = re.compile(r"^(?:Sir|Lord|Lady|Dame)\s+(?=[A-Z])")
# Participants of a conversation ("Rusk and Dobrynin"): neither author nor recipient.
_PARTICIPANTS = re.compile(rf"^{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME}$")
# A document number of its own ("CC(62)42", "No. 266").
_DOC_NUMBER = re.compile(
    r"^(?:(?i:no\.)\s*\d[\w–/-]*|[A-Z]{1,4}\s?\(\d+\)\s?\d+[A-Z]?)$"
)
# An interviewer or compiler after the date ("by Paige E. Mulhollan").
_BY = re.compile(rf"^by\s+{_NAME}$")
_QUOTED = re.compile(r"^[“\"](?P<t>.+?)[,.]?[”\"]$")
_CONVERSATION = re.compile(r"\bconversations?\b|\bmemcon\b|\btelcon\b")
# "Papers of Joseph C. Grew", "Papers of George Ball": a manuscript collection
# named for its creator, not a document of type "papers".
_COLLECTION = re.compile(r"^Papers\s+of\s+(?:the\s+)?[A-Z]")
# An office rather than a person ("the Chairman", "the Secretary"): a following
# component naming the body belongs to it ("the Chairman, Joint Chiefs of Staff").
_OFFICE = re.compile(r"^the\s+[A-Z]")


# "James C. Hagerty diary, January 12, 1955": a record book named after its
# keeper, then the day's date, is the document (type and author), not a folder.
_BOOK_END = re.compile(rf"(?:['’]s)?\s+(?P<book>(?i:{words(RECORD_BOOKS)}))$")
_THE = re.compile(r"^[Tt]he\s+")


def _record_book(text: str) -> tuple[str, str] | None:
    """The type and keeper of "James C. Hagerty diary" ("diary", "James C. Hagerty")."""
    if RECORD_BOOK.pattern.fullmatch(text) is None:
        return None
    end = _BOOK_END.search(text)
    assert end is not None  # the term ends with one of the words
    # "The President's Daily Diary": an office, kept as "the President".
    keeper = _THE.sub("the ", text[: end.start()])
    return " ".join(end.group("book").lower().split()), keeper


@dataclass(frozen=True, slots=True)
class ItemParts:
    """What the leading components say about the document itself."""

    type: str | None = None
    title: str | None = None
    author: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    date: str | None = None
    used: int = 0
    place: str | None = None
    number: str | None = None
    # A marking inside the description ("telegram 1234, Saigon, Eyes Only, …").
    classification: str | None = None
    # A JCS paper named among the item parts ("JCS 1844/46, …"): the location's
    # file number, not the document's title.
    filed: str | None = None

    def doc_item(self, default_type: str | None = None) -> DocItem:
        """The record's view of the document; ``default_type`` when none was read."""
        return DocItem(
            type=self.type or default_type,
            title=self.title,
            author=self.author,
            recipient=self.recipient,
            date=self.date,
            place=self.place,
            number=self.number,
        )


def _names(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(
        _HONORIFIC.sub("", n.strip())
        for n in re.split(r"\s+and\s+", value)
        if n.strip()
    )


# Words that end the type's noun phrase; what follows them names people or
# details ("memorandum of discussion at the 150th NSC meeting").
_PREPOSITIONS = frozenset(
    {"at", "on", "with", "from", "to", "by", "for", "between", "concerning", "regarding",
     "about", "among", "in", "re", "of", "after", "before", "during"}
)  # fmt: skip
_NOT_HEAD = frozenset(
    {"and", "or", "the", "a", "an", "not", "no", "also", "see", "is", "was", "were", "are",
     "has", "had", "have", "which", "that", "this", "these", "those", "it", "he", "she",
     "they", "as", "but", "if", "who", "whose", "ibid", "cf", "printed", "cited", "both",
     "all", "each", "one", "two", "three", "several", "other", "another", "same"}
)  # fmt: skip
_HEAD_WORD = re.compile(r"^[^\W\d_][^\W\d_’'-]*(?:[-’'][^\W\d_]+)*$")
# First words of a type a writer capitalizes ("Desk diary", "Policy guidance").
_TYPE_START = re.compile(rf"^(?i:{_TYPE})\b")


@dataclass(frozen=True, slots=True)
class _Open:
    type: str
    author: tuple[str, ...]
    recipient: tuple[str, ...]


def _open_type(text: str) -> _Open | None:
    """A description in the type slot: a lower-case noun phrase and what follows.

    "desk diary", "policy guidance", "memorandum of discussion at the 150th NSC
    meeting" (type "memorandum of discussion"), "Memorandum for the Director"
    (type "memorandum", recipient "the Director"). A capitalized description
    must start like a known type; prose (a finite verb, a participle at the
    end of the phrase, a pronoun) is refused.
    """
    if not text or len(text) > 120 or not text[0].isalpha():
        return None
    if text[0].isupper() and (not _TYPE_START.match(text) or _COLLECTION.match(text)):
        return None
    words = text.split()
    head: list[str] = []
    i = 0
    while i < len(words) and len(head) < 4:
        w = words[i]
        low = w.lower()
        if low in _PREPOSITIONS or not _HEAD_WORD.match(w):
            break
        if low in _NOT_HEAD or (i > 0 and not w[0].islower()):
            return None
        head.append(low)
        i += 1
    if not head or head[-1].endswith(("ed", "ing", "ly")) or head[-1] == "typed":
        return None
    kind = " ".join(head)
    if i + 2 <= len(words) and words[i] == "of":
        j = i + 1
        if words[j] in ("a", "the") and j + 1 < len(words):
            j += 1
        w = words[j]
        if (
            w.islower()
            and _HEAD_WORD.match(w)
            and w not in _PREPOSITIONS
            and w not in _NOT_HEAD
            and (j + 1 == len(words) or words[j + 1] in _PREPOSITIONS)
        ):
            kind += " " + " ".join(words[i : j + 1])
            i = j + 1
    if i < len(words) and words[i].lower() not in _PREPOSITIONS:
        return None
    rest = " ".join(words[i:])
    author: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    if (fm := _FROM.search(rest)) is not None:
        author = _names(fm.group("n"))
    if (tm := _TO.search(rest)) is not None:
        recipient = _names(tm.group("n"))
    elif (rm := _FOR.match(rest)) is not None:
        recipient = _names(rm.group("n"))
    return _Open(kind, author, recipient)


def _is_type(text: str) -> bool:
    return (
        _ITEM_FULL.match(text) is not None
        or (_ITEM_LOOSE.match(text) is not None and not _COLLECTION.match(text))
        or _open_type(text) is not None
    )


def _listed(comps: list[Component]) -> tuple[str, ...]:
    """The names of a run that :func:`_name_run` found."""
    out: list[str] = []
    for c in comps:
        if (m := _LIST_NAME.match(c.text)) is not None:
            out.extend(_names(m.group("n")))
    return tuple(out)


def _name_run(comps: list[Component], i: int) -> int:
    """Where a list of names cut by commas, starting at ``comps[i]``, ends.

    The list must close with "and X" ("Ford, Kissinger, and Scowcroft") or be
    followed by the date or a title; otherwise (``i`` is returned) the names
    may be collection titles ("Ann Whitman File").
    """
    j = i
    while (
        j < len(comps)
        and _LIST_NAME.match(comps[j].text)
        and not _marking(comps[j].text)
    ):
        if comps[j].text.startswith("and "):
            return j + 1
        j += 1
    if i < j < len(comps) and (_dated(comps, j) or _QUOTED.match(comps[j].text)):
        return j
    return i


def _marking(text: str) -> bool:
    """A classification or handling marking in words ("Secret", "Eyes Only").

    Upper-case runs are left out: in a description "NSC" or "INR" names a body.
    """
    return text != text.upper() and is_classification(text)


def _dated(comps: list[Component], i: int) -> bool:
    """Whether ``comps[i]`` is the date, after any markings ("Secret, March 9")."""
    while i < len(comps) and _marking(comps[i].text):
        i += 1
    return i < len(comps) and iso_date(comps[i].text) is not None


def _plain(text: str) -> bool:
    """A component that is neither a date, a locator nor a quoted title."""
    return iso_date(text) is None and classify(text) is None and text[:1] not in '“"'


def _type_of(m: re.Match[str]) -> str:
    kind = " ".join(m.group("type").lower().split())
    if m.group("of"):
        kind += " " + " ".join(m.group("of").lower().split())
    return kind


def parse_item(comps: list[Component]) -> ItemParts:
    """Read item components from the front of ``comps`` until one is not an item part."""
    kind: str | None = None
    title: str | None = None
    numbered: str | None = None
    filed: str | None = None
    author: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    date: str | None = None
    used = 0
    number: str | None = None
    place: str | None = None
    classification: str | None = None
    # A list of recipients goes on only right after the component that began
    # it ("A to B, C, and D"); after the type a lone name is where the
    # document was sent from ("Thompson to Rusk, telegram 2231, Moscow").
    named_at = -1
    # Posts ("Telegram 14006 from Tokyo") are only read from the type's own
    # "from"/"to"; "Rusk to Johnson, telegram" names people.
    posts_from_type = False
    n = len(comps)
    while used < n:
        text = comps[used].text
        named_before = recipient
        if (loc := classify(text)) is not None and loc.kind in STRONG:
            break  # "Box 3", "RG 59", "File No. 861.51/131": the location begins
        nxt = comps[used + 1].text if used + 1 < n else ""
        # "Draft, memorandum for the President": the draft of a document type.
        open_slot = kind is None or (kind == "draft" and used > 0)
        if open_slot and (m := _ITEM_FULL.match(text)):
            kind = _type_of(m) if kind is None else f"{kind} {_type_of(m)}"
            if m.group("author") or m.group("recipient"):
                posts_from_type = True
            number = number or _number(m.group("num"))
            author = author or _names(m.group("author"))
            recipient = recipient or _names(m.group("recipient"))
        elif (
            open_slot and not _COLLECTION.match(text) and (m := _ITEM_LOOSE.match(text))
        ):
            loose = _type_of(m)
            kind = loose if kind is None else f"{kind} {loose}"
            if not author and (fm := _FROM.search(text)) is not None:
                author = _names(fm.group("n"))
            if not recipient and (tm := _TO.search(text)) is not None:
                recipient = _names(tm.group("n"))
            if not recipient and (rm := _FOR.search(text)) is not None:
                recipient = _names(rm.group("n"))
        elif open_slot and (o := _open_type(text)) is not None:
            kind = o.type if kind is None else f"{kind} {o.type}"
            author = author or o.author
            recipient = recipient or o.recipient
        elif (
            used == 0
            and (book := _record_book(text)) is not None
            and _dated(comps, used + 1)
        ):
            kind, author = book[0], _names(book[1])
        elif (
            not author and kind is None and date is None and (m := _PERSONS.match(text))
        ):
            author, recipient = _names(m.group("author")), _names(m.group("recipient"))
        elif (
            used == 0
            and _PERSON.match(text)
            and not _NUMBERED.match(text)
            and (
                _is_type(nxt)
                or (
                    used + 2 < n
                    and (_QUOTED.match(nxt) or iso_date(nxt) is not None)
                    and _is_type(comps[used + 2].text)
                )
            )
        ):
            author = _names(text)
        elif author and not recipient and (m := _TO_ALONE.match(text)):
            recipient = _names(m.group("n"))
        elif kind is not None and not author and (m := _FROM_TO.match(text)):
            author, recipient = _names(m.group("a")), recipient or _names(m.group("r"))
        elif kind is not None and not recipient and (m := _TO_ALONE.match(text)):
            recipient = _names(m.group("n"))
        elif (
            author
            and not recipient
            and date is None
            and _plain(text)
            and _TO_ALONE.match(nxt)
        ):
            pass  # the author's rank or office, dropped (docs: item)
        elif (
            classification is None and (kind or author or recipient) and _marking(text)
        ):
            classification = text  # "Secret", "Eyes Only": not a name
        elif (
            len(recipient) == 1
            and date is None
            and _OFFICE.match(recipient[0])
            and _plain(text)
            and iso_date(nxt) is not None
        ):
            recipient = (f"{recipient[0]}, {text}",)
        elif (
            _dispatched(kind)
            and (author or recipient)
            and place is None
            and date is None
            and used != named_at + 1
            and _is_dispatch_place(text)
            and _dated(comps, used + 1)
        ):
            place = text  # the place of dispatch, not a person (docs: item)
        elif (
            recipient
            and date is None
            # After a telegram's or letter's type a lone name is its place.
            and (used == named_at + 1 or not _dispatched(kind))
            and (run := _name_run(comps, used)) > used
        ):
            recipient = (*recipient, *_listed(comps[used:run]))
            used = run
            continue
        elif (
            kind is not None
            and _CONVERSATION.search(kind)
            and not author
            and date is None
            and (_PARTICIPANTS.match(text) or _name_run(comps, used) > used)
        ):
            # The participants, neither author nor recipient (docs: item).
            used = max(used + 1, _name_run(comps, used))
            continue
        elif kind is not None and date is None and _DOC_NUMBER.match(text):
            number = number or _number(text)  # the document's own number
        elif (
            filed is None
            and date is None
            and loc is not None
            and loc.kind == "filing"
            and _NUMBERED.match(text)
        ):
            # "JCS 1844/46, Records of the JCS, RG 218": a JCS paper is filed by
            # its number, a file number in either order, and the
            # description may go on after it ("JCS 2101/113, “Title,” March 3").
            filed = text
        elif (
            title is None
            and numbered is None
            and date is None
            and _NUMBERED.match(text)
        ):
            numbered = text
        elif (
            kind is not None
            and date is None
            and title is None
            and _plain(text)
            and iso_date(nxt) is not None
            and not text[:1].isdigit()
        ):
            pass  # an unquoted descriptive title ("Dean Rusk Oral History Interview I")
        elif date is not None and kind is not None and _BY.match(text):
            pass  # the interviewer or compiler
        elif date is None and (d := iso_date(text)) is not None:
            date = d
        elif title is None and (m := _QUOTED.match(text)) and classify(text) is None:
            title = m.group("t").strip()
        else:
            break
        if recipient != named_before:
            named_at = used
        used += 1
    if posts_from_type and kind is not None and kind.split()[0] in _POST_KINDS:
        # "Telegram 14006 from Tokyo": a telegram's "from" and "to" name posts
        # (Tokyo, CINCPAC), not people; the sending post is the item's place.
        posts = tuple(n for n in author if _is_post(n))
        if posts:
            place = place or posts[0]
            author = tuple(n for n in author if n not in posts)
        people = tuple(n for n in recipient if not _is_post(n))
        if place is None and author and people and people != recipient:
            # "Telegram from Lodge to Rusk, Saigon": a post after the people is
            # where the telegram was sent from (not "to Washington", whose
            # sender is a post too and already gave the place).
            after = recipient[recipient.index(people[0]) + 1 :]
            place = next((n for n in after if _is_post(n)), None)
        recipient = people
    return ItemParts(
        kind, title or numbered, author, recipient, date, used, place, number,
        classification, filed,
    )  # fmt: skip


def _number(text: str | None) -> str | None:
    """A document's own number without its label ("no. 1245" → "1245")."""
    if not text:
        return None
    return _NO_LABEL.sub("", text).strip() or None


_NO_LABEL = re.compile(r"^(?i:no\.)\s*")


_POST_KINDS = frozenset(
    {"telegram", "telegrams", "airgram", "airgrams", "cable", "cables", "despatch",
     "dispatch", "message"}
)  # fmt: skip
# A post is a place in the authority's list of posts ("Tokyo", "Nanking"), an
# all-capitals command or mission ("CINCPAC", "USUN") or "… City"; any other
# name is a person ("Telegram from Lodge to Rusk").
_POST = re.compile(r"^(?:[A-Z]{3,}|[A-Z][a-z]+\s+City)$")


def _is_post(name: str) -> bool:
    return name in posts() or _POST.match(name) is not None


# Documents sent from somewhere: a lone name after their type is that place.
# A memorandum has none ("Rusk to Kennedy, memorandum, Bundy, …": a recipient).
_DISPATCHED = frozenset(
    {"telegram", "telegrams", "cable", "cables", "airgram", "airgrams", "despatch",
     "despatches", "dispatch", "dispatches", "letter", "letters", "note", "notes",
     "instruction", "instructions", "message", "messages"}
)  # fmt: skip
_PLACE_WORD = r"[A-Z][\w.'’-]*"
# A post named with its office: "Moscow Embassy", "Embassy in Moscow".
_OFFICE_AT_POST = re.compile(
    r"^(?:the\s+)?(?:(?:American|U\.S\.|British)\s+)?"
    r"(?:Embassy|Legation|Consulate(?:\s+General)?|Mission|Delegation)"
    rf"(?:\s+(?:in|at|to)\s+(?:the\s+)?|\s+)(?:{_PLACE_WORD}\s+)?{_PLACE_WORD}$"
    rf"|^(?:{_PLACE_WORD}\s+)?{_PLACE_WORD}\s+"
    r"(?:Embassy|Legation|Consulate(?:\s+General)?|Mission|Delegation)$"
)


def _dispatched(kind: str | None) -> bool:
    return kind is not None and any(w in _DISPATCHED for w in kind.split())


def _is_dispatch_place(text: str) -> bool:
    """A place of dispatch: a post, never an acronym ("NSC", "INR")."""
    if text == text.upper():
        return False
    return _is_post(text) or _OFFICE_AT_POST.match(text) is not None
