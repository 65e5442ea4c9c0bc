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
    r"(?:memorand(?:um|a)(?:\s+of\s+(?:a\s+)?(?:telephone\s+)?conversations?|"
    r"\s+for\s+the\s+record)?|letters?|telegrams?|cables?|airgrams?|despatch(?:es)?|"
    r"dispatch(?:es)?|notes?|reports?|minutes|messages?|aide-m[ée]moire|transcripts?|"
    r"diary\s+entry|circulars?|backchannel\s+messages?|intelligence\s+notes?|papers?|"
    r"briefing\s+papers?|talking\s+points|memcon|telcon|summary|summaries)"
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|of|the|la|du)){0,5}"
_ITEM_FULL = re.compile(
    rf"^(?P<type>(?i:{_TYPE}))(?:\s+(?P<num>[A-Z]{{0,4}}[–-]?\d[\w–/-]*))?"
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
_QUOTED = re.compile(r"^[“\"](?P<t>.+?)[,.]?[”\"]$")


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


def parse_item(comps: list[Component]) -> ItemParts:
    """Read item components from the front of ``comps`` until one is not an item part."""
    kind: str | None = None
    title: str | None = None
    author: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    date: str | None = None
    used = 0
    for comp in comps:
        text = comp.text
        if kind is None and (m := _ITEM_FULL.match(text)):
            kind = " ".join(m.group("type").lower().split())
            author = author or _names(m.group("author"))
            recipient = recipient or _names(m.group("recipient"))
        elif kind is None and used == 0 and (m := _ITEM_LOOSE.match(text)):
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
        elif date is None and (d := iso_date(text)) is not None:
            date = d
        elif title is None and (m := _QUOTED.match(text)) and classify(text) is None:
            title = m.group("t").strip()
        else:
            break
        used += 1
    place: str | None = None
    if kind is not None and kind.split()[0] in _POST_KINDS:
        # "Telegram 14006 from Tokyo": a telegram's "from" and "to" name posts
        # (Tokyo, CINCPAC), not people; the sending post is the item's place.
        posts = tuple(n for n in author if _POST.match(n))
        if posts:
            place = posts[0]
            author = tuple(n for n in author if n not in posts)
        recipient = tuple(n for n in recipient if not _POST.match(n))
    return ItemParts(kind, title, author, recipient, date, used, place)


_POST_KINDS = frozenset(
    {"telegram", "airgram", "cable", "despatch", "dispatch", "message"}
)
# A one-word name is a post ("Tokyo", "Saigon", "CINCPAC", "USUN"), not a person.
_POST = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]{3,})$")
