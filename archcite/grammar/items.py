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

from archcite.grammar.locators import Component, classify, iso_date

_TYPE = (
    r"(?:(?:handwritten|typed|typewritten|draft|undated)\s+)?"
    r"(?:memorand(?:um|a)(?:\s+of\s+(?:a\s+)?(?:telephone\s+)?conversations?|"
    r"\s+for\s+the\s+record)?|letters?|telegrams?|cables?|airgrams?|despatch(?:es)?|"
    r"dispatch(?:es)?|notes?|reports?|minutes|messages?|aide-m[ée]moire|transcripts?|"
    r"diary\s+entry|circulars?|backchannel\s+messages?|intelligence\s+notes?|papers?|"
    r"briefing\s+papers?|talking\s+points|memcon|telcon|summary|summaries|"
    r"(?:cabinet\s+)?conclusions)"
)
# "the Embassy in Tokyo", "Ambassador in Paris": an office at a post is a name too.
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|of|the|la|du|in)){0,5}"
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
    r"(?:of|with|from|to|by|on|for|between|concerning|regarding)\b"
)
_FROM = re.compile(rf"\bfrom\s+(?P<n>{_NAME})")
_TO = re.compile(rf"\bto\s+(?P<n>(?:the\s+)?{_NAME})")
_PERSONS = re.compile(
    rf"^(?P<author>{_NAME})\s+to\s+(?P<recipient>(?:the\s+)?{_NAME})$"
)
# "Andrew J. Goodpaster, memorandum of conversation": an author named alone,
# with a given name or initial, right before the type.
_PERSON = re.compile(r"^[A-Z][a-z]+(?:\s+(?:[A-Z]\.|[A-Z][a-z]+)){1,3}$")
# The recipient as its own component after an appositive ("Letter from David E.
# McGiffert, Under Secretary of the Army, to William P. Bundy").
_TO_ALONE = re.compile(rf"^to\s+(?P<n>(?:the\s+)?{_NAME})$")
# More recipients after a comma ("to Hughes, Denney, and Evans").
_MORE_NAMES = re.compile(r"^(?:and\s+)?(?P<n>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)?)$")
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


def _names(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(n.strip() for n in re.split(r"\s+and\s+", value) if n.strip())


def _is_type(text: str) -> bool:
    return _ITEM_FULL.match(text) is not None


def _plain(text: str) -> bool:
    """A component that is neither a date, a locator nor a quoted title."""
    return iso_date(text) is None and classify(text) is None and text[:1] not in '“"'


def parse_item(comps: list[Component]) -> ItemParts:
    """Read item components from the front of ``comps`` until one is not an item part."""
    kind: str | None = None
    title: str | None = None
    author: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    date: str | None = None
    used = 0
    # Posts ("Telegram 14006 from Tokyo") are only read from the type's own
    # "from"/"to"; "Rusk to Johnson, telegram" names people.
    posts_from_type = False
    n = len(comps)
    while used < n:
        text = comps[used].text
        nxt = comps[used + 1].text if used + 1 < n else ""
        if kind is None and (m := _ITEM_FULL.match(text)):
            kind = " ".join(m.group("type").lower().split())
            if m.group("of"):
                kind += " " + " ".join(m.group("of").lower().split())
            if m.group("author") or m.group("recipient"):
                posts_from_type = True
            author = author or _names(m.group("author"))
            recipient = recipient or _names(m.group("recipient"))
        elif (
            kind is None
            and used == 0
            and not _COLLECTION.match(text)
            and (m := _ITEM_LOOSE.match(text))
        ):
            of = m.group("of")
            kind = " ".join(m.group("type").lower().split()) + (f" {of}" if of else "")
            if (fm := _FROM.search(text)) is not None:
                author = _names(fm.group("n"))
            if (tm := _TO.search(text)) is not None:
                recipient = _names(tm.group("n"))
        elif (
            not author and kind is None and date is None and (m := _PERSONS.match(text))
        ):
            author, recipient = _names(m.group("author")), _names(m.group("recipient"))
        elif used == 0 and _PERSON.match(text) and _is_type(nxt):
            author = (text,)
        elif author and not recipient and (m := _TO_ALONE.match(text)):
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
            len(recipient) == 1
            and date is None
            and _OFFICE.match(recipient[0])
            and _plain(text)
            and iso_date(nxt) is not None
        ):
            recipient = (f"{recipient[0]}, {text}",)
        elif recipient and date is None and (m := _MORE_NAMES.match(text)):
            recipient = (*recipient, m.group("n"))
        elif (
            kind is not None
            and _CONVERSATION.search(kind)
            and not author
            and date is None
            and _PARTICIPANTS.match(text)
        ):
            pass  # the participants, not an author and recipient
        elif kind is not None and date is None and _DOC_NUMBER.match(text):
            pass  # the document's own number
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
        used += 1
    place: str | None = None
    if posts_from_type and kind is not None and kind.split()[0] in _POST_KINDS:
        # "Telegram 14006 from Tokyo": a telegram's "from" and "to" name posts
        # (Tokyo, CINCPAC), not people; the sending post is the item's place.
        posts = tuple(n for n in author if _is_post(n))
        if posts:
            place = posts[0]
            author = tuple(n for n in author if n not in posts)
        recipient = tuple(n for n in recipient if not _is_post(n))
    return ItemParts(kind, title, author, recipient, date, used, place)


_POST_KINDS = frozenset(
    {"telegram", "telegrams", "airgram", "airgrams", "cable", "cables", "despatch",
     "dispatch", "message"}
)  # fmt: skip
# A one-word name is a post ("Tokyo", "Saigon", "CINCPAC", "USUN"), not a person;
# so are the capitals whose names have two words.
_POST = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]{3,}|[A-Z][a-z]+\s+City)$")
_POSTS = frozenset(
    {"New Delhi", "Buenos Aires", "Rio de Janeiro", "Hong Kong", "Tel Aviv", "San José",
     "San Jose", "San Salvador", "Santo Domingo", "Port-au-Prince", "Addis Ababa",
     "Kuala Lumpur", "The Hague", "New York", "Dar es Salaam", "Phnom Penh", "La Paz",
     "Abu Dhabi", "Sri Lanka", "Costa Rica", "Port of Spain", "Vientiane"}
)  # fmt: skip


def _is_post(name: str) -> bool:
    return name in _POSTS or _POST.match(name) is not None
