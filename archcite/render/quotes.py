"""Quotation marks, placed after a cite is built (G5: punctuation-in-quote).

While a style renders, ``quotes="true"`` only marks where a quotation opens and
closes (two private-use characters, :data:`OPEN` and :data:`CLOSE`). When the
cite is complete, :func:`resolve` replaces the marks with the locale's terms,
alternating outer and inner marks when quotations nest, and — when the locale's
``punctuation-in-quote`` is true, as in American English — moves a comma or
period that follows a closing mark inside it: “Ann Whitman Diary,” not
“Ann Whitman Diary”,. A period or comma after a quotation that already ends in
. ? or ! is dropped (“Why?” not “Why?.”).

Doing this on the finished string, not inside citeproc-py's concatenation,
is what makes it right across group delimiters, affixes and the cite's own
suffix alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = "\ue000"
CLOSE = "\ue001"
#: marks a term (``ibid``) printed at the start of what contains it, so that a
#: cite that begins with one can capitalize it ("Ibid.")
TERM = "\ue002"
_TERM_START = re.compile(rf"^((?:<[^>]+>)*){TERM}(\W*)(\w)")

#: closing HTML tags that may stand between a closing mark and the punctuation
_TAGS = r"(?:</[a-z]+>)*"
_AFTER_CLOSE = re.compile(rf"{CLOSE}({_TAGS})([.,])")
_END_PUNCT = frozenset(".,?!")


@dataclass(frozen=True, slots=True)
class Marks:
    """The locale's quotation marks and its punctuation rule."""

    open: str = "\u201c"
    close: str = "\u201d"
    open_inner: str = "\u2018"
    close_inner: str = "\u2019"
    punctuation_inside: bool = True


def _move_inside(text: str) -> str:
    def swap(m: re.Match[str]) -> str:
        return f"{m.group(2)}{CLOSE}{m.group(1)}"

    previous = None
    while previous != text:
        previous = text
        text = _AFTER_CLOSE.sub(swap, text)
    return text


def _drop_doubled(text: str) -> str:
    """``?.`` or ``..`` at a closing mark: the quotation's own mark wins."""
    out = re.sub(rf"([.?!])([.,])({CLOSE})", r"\1\3", text)
    return out


def _drop_after(text: str) -> str:
    """Outside the quotation: “Why?”. → “Why?” (the period adds nothing)."""
    return re.sub(rf"([.?!]){CLOSE}({_TAGS})\.", rf"\1{CLOSE}\2", text)


def resolve(text: str, marks: Marks) -> str:
    """Replace the marks with quotation marks; apply punctuation-in-quote."""
    text = text.replace(TERM, "")
    if OPEN not in text and CLOSE not in text:
        return text
    if marks.punctuation_inside:
        text = _drop_doubled(_move_inside(text))
    else:
        text = _drop_after(text)
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == OPEN:
            out.append(marks.open if depth % 2 == 0 else marks.open_inner)
            depth += 1
        elif ch == CLOSE:
            depth = max(depth - 1, 0)
            out.append(marks.close if depth % 2 == 0 else marks.close_inner)
        else:
            out.append(ch)
    return "".join(out)


_STRAIGHT = re.compile(r'"([^"]*)"')


def curl(text: str, marks: Marks) -> str:
    """Pairs of straight double quotes in an affix become the locale's marks.

    Text a user typed around a cite keeps its punctuation where it is.
    """
    return _STRAIGHT.sub(lambda m: marks.open + m.group(1) + marks.close, text)


def capitalize_term(text: str) -> str:
    """Capitalize a term that starts ``text`` ("ibid." → "Ibid.")."""
    return _TERM_START.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), text)


def strip(text: str) -> str:
    """The text without any marks (for sorting and comparing)."""
    return text.replace(OPEN, "").replace(CLOSE, "").replace(TERM, "")
