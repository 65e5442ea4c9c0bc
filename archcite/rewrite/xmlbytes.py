"""Where each element of a parsed XML part sits in its bytes.

The office writers change a few runs of a part and must leave every other byte
as it was: re-serializing the tree with lxml would rewrite quotes, empty tags and
the declaration. So the part is parsed twice: by lxml (hardened, as the readers
parse it) for meaning, and by a tag scanner for byte ranges. Both see the same
elements in the same document order, which ties each lxml element to the bytes
of its start and end tags; text between tags is mapped character by character
(an entity or ``\\r\\n`` is one character of parsed text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from archcite.errors import InputError
from archcite.readers import xmlsafe

_TOKEN = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<![^>]*>"
    rb"|</[^>]*>|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S,
)
_TEXT_UNIT = re.compile(r"&[^;]*;|\r\n|.", re.S)


@dataclass(frozen=True, slots=True)
class Tags:
    """Byte ranges of one element: its start tag and its end tag.

    For an empty element (``<w:tab/>``) both are the same range.
    """

    start: tuple[int, int]
    end: tuple[int, int]

    @property
    def outer(self) -> tuple[int, int]:
        return self.start[0], self.end[1]

    @property
    def inner(self) -> tuple[int, int]:
        return self.start[1], self.end[0]


class Part:
    """One XML part: its bytes, its lxml tree, and the bytes of each element."""

    def __init__(self, data: bytes, name: str) -> None:
        encoding = xmlsafe.xml_encoding(data[:1024], name).lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8", "utf-8-sig"):
            raise InputError(f"cannot rewrite XML encoded as {encoding}", name)
        self.data = data
        self.root = xmlsafe.parse_bytes(data, name)
        self._tags: dict[etree._Element, Tags] = {}
        elements = [el for el in self.root.iter() if isinstance(el.tag, str)]
        stack: list[tuple[etree._Element, tuple[int, int]]] = []
        it = iter(elements)
        for m in _TOKEN.finditer(data):
            tok = m.group()
            if tok.startswith((b"<!", b"<?")):
                continue
            span = (m.start(), m.end())
            if tok.startswith(b"</"):
                el, start = stack.pop()
                self._tags[el] = Tags(start, span)
                continue
            el = next(it)
            if tok.endswith(b"/>"):
                self._tags[el] = Tags(span, span)
            else:
                stack.append((el, span))
        if stack or next(it, None) is not None:
            raise InputError("XML tags could not be matched to elements", name)

    def tags(self, el: etree._Element) -> Tags:
        return self._tags[el]

    def bytes_of(self, lo: int, hi: int) -> bytes:
        return self.data[lo:hi]

    def outer(self, el: etree._Element) -> bytes:
        lo, hi = self._tags[el].outer
        return self.data[lo:hi]

    def text_range(self, el: etree._Element, tail: bool = False) -> tuple[int, int]:
        """Bytes of ``el.text`` (or ``el.tail``): up to the next tag."""
        at = self._tags[el].end[1] if tail else self._tags[el].start[1]
        if not tail and self._tags[el].start == self._tags[el].end:
            return at, at
        nxt = self.data.find(b"<", at)
        return at, (len(self.data) if nxt == -1 else nxt)

    def text_offset(self, lo: int, hi: int, chars: int) -> int:
        """Byte position of parsed-text character ``chars`` of the text in ``[lo, hi)``."""
        raw = self.data[lo:hi].decode("utf-8")
        if chars == 0:
            return lo
        for n, m in enumerate(_TEXT_UNIT.finditer(raw), start=1):
            if n == chars:
                return lo + len(raw[: m.end()].encode("utf-8"))
        return hi


def escape_text(text: str) -> bytes:
    """Character data for XML content."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .encode("utf-8")
    )


def splice(data: bytes, changes: list[tuple[int, int, bytes]]) -> bytes:
    """``data`` with each ``[lo, hi)`` replaced (ranges must not overlap)."""
    out: list[bytes] = []
    at = 0
    for lo, hi, new in sorted(changes, key=lambda c: (c[0], c[1])):
        if lo < at:
            raise ValueError("overlapping byte ranges")
        out.append(data[at:lo])
        out.append(new)
        at = hi
    out.append(data[at:])
    return b"".join(out)
