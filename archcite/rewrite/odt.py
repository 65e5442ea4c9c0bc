"""ODT writer: citation spans of OpenDocument notes, by byte ranges of content.xml.

OpenDocument text is mixed content: a note paragraph holds text directly and in
``text:span``/``text:a`` elements. A span of note text is a byte range of
``content.xml`` from its first character to just after its last. Where the range
begins inside a span element whose content starts right there, the range takes
the whole element start (and likewise at the end), so an italic title a citation
begins with is replaced with it; where a span element goes on beyond the range,
it is closed before the replacement and opened again after it (a copy of its
start tag). Rich text is written as ``text:span`` elements with automatic styles
the writer adds (``archcite-i`` for italics, ``-b`` bold, ``-c`` small capitals);
a plain-text fix stays inside the formatting where it starts.

Bookmarks, reference marks and comments inside a span are kept after the
replacement; soft page breaks are dropped (the office suite recomputes them).
Refused, with the reason: a span across a paragraph break, tracked changes,
fields and anything else that is not plain formatted text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from archcite.model import Note
from archcite.readers.odt import pieces_with_source
from archcite.rewrite import Edit, Refusal, Writer, register
from archcite.rewrite.package import read_parts, replace_members
from archcite.rewrite.rich import RichText, Run
from archcite.rewrite.textfmt import narrow
from archcite.rewrite.xmlbytes import Part, escape_text, splice

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
_TEXT = f"{{{_NS['text']}}}"
_OFFICE = f"{{{_NS['office']}}}"
_STYLE = f"{{{_NS['style']}}}"
_PARAGRAPHS = frozenset({_TEXT + "p", _TEXT + "h"})
_SPLITTABLE = frozenset({_TEXT + "span", _TEXT + "a"})
_TEXTUAL = frozenset(
    {_TEXT + "span", _TEXT + "a", _TEXT + "s", _TEXT + "tab", _TEXT + "line-break"}
)
_DROPPED = frozenset({_TEXT + "soft-page-break"})
_KEPT = frozenset(
    {
        _TEXT + t
        for t in (
            "bookmark",
            "bookmark-start",
            "bookmark-end",
            "reference-mark",
            "reference-mark-start",
            "reference-mark-end",
            "alphabetical-index-mark",
            "alphabetical-index-mark-start",
            "alphabetical-index-mark-end",
        )
    }
    | {_OFFICE + "annotation", _OFFICE + "annotation-end"}
)
_SPACES = re.compile(r"  +")


class _Unsafe(Exception):
    pass


Where = tuple[etree._Element, bool, int]  # element, is its tail, offset


class _Note:
    def __init__(self, part: Part, body: etree._Element, note: Note) -> None:
        self.part = part
        cols: list[Where] = []
        first = True
        for piece, el, tail in pieces_with_source(body):
            if piece == "\n" and not tail and el.tag in _PARAGRAPHS:
                if first:
                    first = False
                    continue
                cols.append((el, False, -1))
                continue
            cols.extend((el, tail, k) for k in range(len(piece)))
        self.chars = [cols[note.srcmap.locate(k)[1] - 1] for k in range(len(note.text))]

    def byte(self, k: int, after: bool) -> tuple[int, list[etree._Element]]:
        """The byte position before (or after) character ``k``, and the elements
        open there, paragraph first."""
        el, tail, off = self.chars[k]
        if off < 0:
            raise _Unsafe("the citation runs across a paragraph break")
        part = self.part
        if el.tag in _TEXTUAL and el.tag not in _SPLITTABLE and not tail:
            if off and not after:
                raise _Unsafe("the citation starts inside a run of spaces")
            lo, hi = part.tags(el).outer
            pos = hi if after else lo
            holder = el.getparent()
        else:
            lo, hi = part.text_range(el, tail)
            pos = part.text_offset(lo, hi, off + 1 if after else off)
            holder = el.getparent() if tail else el
        stack: list[etree._Element] = []
        while holder is not None and holder.tag not in _PARAGRAPHS:
            stack.append(holder)
            holder = holder.getparent()
        if holder is None:
            raise _Unsafe("the citation is not in a paragraph")
        stack.append(holder)
        return pos, stack[::-1]


def _empty_between(part: Part, lo: int, hi: int) -> bool:
    """No character of text between two byte positions (tags only)."""
    raw = part.bytes_of(lo, hi)
    return (
        not re.sub(rb"<[^>]*>", b"", raw)
        and b"<text:s" not in raw
        and b":tab" not in raw
    )


class _Emitter:
    def __init__(self, part: Part) -> None:
        self.part = part
        nsmap = {v: k for k, v in (part.root.nsmap or {}).items() if k}
        self.prefix = {k: nsmap.get(v) for k, v in _NS.items()}
        if self.prefix["text"] is None:
            raise _Unsafe("content.xml declares no text namespace prefix")
        self.styles: set[str] = set()
        names = {el.get(_STYLE + "name") for el in part.root.iter(_STYLE + "style")}
        self.taken = {n for n in names if n}

    def _t(self, local: str) -> str:
        return f"{self.prefix['text']}:{local}"

    def text(self, text: str) -> bytes:
        """Character data; runs of spaces as ``text:s`` (ODF collapses spaces)."""
        text = " ".join(text.split("\n")).replace("\t", " ").replace("\r", " ")
        out: list[bytes] = []
        at = 0
        for m in _SPACES.finditer(text):
            out.append(escape_text(text[at : m.start() + 1]))
            out.append(
                f'<{self._t("s")} {self._t("c")}="{len(m.group()) - 1}"/>'.encode()
            )
            at = m.end()
        out.append(escape_text(text[at:]))
        return b"".join(out)

    def style_for(self, run: Run) -> str | None:
        flags = (
            ("i" if run.italic else "")
            + ("b" if run.bold else "")
            + ("c" if run.small_caps else "")
        )
        if not flags:
            return None
        name = f"archcite-{flags}"
        self.styles.add(name)
        return name

    def rich(self, text: RichText) -> bytes:
        out = []
        for run in text.runs:
            body = self.text(run.text)
            style = self.style_for(run)
            if style:
                body = (
                    f'<{self._t("span")} {self._t("style-name")}="{style}">'.encode()
                    + body
                    + f"</{self._t('span')}>".encode()
                )
            out.append(body)
        return b"".join(out)

    def style_defs(self) -> bytes:
        out = []
        decl = ""
        sp, fo = self.prefix["style"], self.prefix["fo"]
        if sp is None:
            sp, decl = "style", f' xmlns:style="{_NS["style"]}"'
        if fo is None:
            fo = "fo"
            decl += f' xmlns:fo="{_NS["fo"]}"'
        for name in sorted(self.styles - self.taken):
            flags = name.split("-", 1)[1]
            props = []
            if "i" in flags:
                props.append(
                    f'{fo}:font-style="italic" {sp}:font-style-asian="italic" {sp}:font-style-complex="italic"'
                )
            if "b" in flags:
                props.append(
                    f'{fo}:font-weight="bold" {sp}:font-weight-asian="bold" {sp}:font-weight-complex="bold"'
                )
            if "c" in flags:
                props.append(f'{fo}:font-variant="small-caps"')
            out.append(
                f'<{sp}:style{decl} {sp}:name="{name}" {sp}:family="text">'
                f"<{sp}:text-properties {' '.join(props)}/></{sp}:style>"
            )
        return "".join(out).encode()


def _range(
    note: _Note, s: int, e: int, rich: bool
) -> tuple[int, int, list[etree._Element], list[etree._Element]]:
    if s == e:
        at_end = s >= len(note.chars)
        a, sa = note.byte(s - 1 if at_end else s, after=at_end)
        return a, a, [], []
    a, sa = note.byte(s, after=False)
    b, sb = note.byte(e - 1, after=True)
    if sa[0] is not sb[0]:
        raise _Unsafe("the citation runs across a paragraph break")
    common = 0
    while common < min(len(sa), len(sb)) and sa[common] is sb[common]:
        common += 1
    extra_a, extra_b = sa[common:], sb[common:]
    part = note.part
    if rich:
        while extra_a and _empty_between(part, part.tags(extra_a[-1]).inner[0], a):
            a = part.tags(extra_a.pop()).outer[0]
        while extra_b and _empty_between(part, b, part.tags(extra_b[-1]).inner[1]):
            b = part.tags(extra_b.pop()).outer[1]
    for el in extra_a + extra_b:
        if el.tag not in _SPLITTABLE:
            raise _Unsafe(
                f"the citation cuts through a {etree.QName(el).localname} element"
            )
    return a, b, extra_a, extra_b


def _inside(part: Part, para: etree._Element, a: int, b: int) -> list[etree._Element]:
    """Elements of the paragraph wholly inside ``[a, b)``; refuse what cannot go."""
    kept = []
    for el in para.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        lo, hi = part.tags(el).outer
        if lo < a or hi > b:
            continue
        if el.tag in _KEPT:
            if not any(p.tag in _KEPT for p in el.iterancestors()):
                kept.append(el)
            continue
        if (
            el.tag in _TEXTUAL
            or el.tag in _DROPPED
            or any(p.tag in _KEPT for p in el.iterancestors())
        ):
            continue
        raise _Unsafe(f"the citation contains a {etree.QName(el).localname} element")
    return kept


def write_odt(
    data: bytes,
    notes: Sequence[Note],
    grouped: dict[int, list[Edit]],
    name: str,
    strategy: dict[int, int],
) -> tuple[bytes, list[Refusal]]:
    """Apply the edits to the notes of an ODT file."""
    raw = read_parts(data, name, "ODT", ["content.xml"])
    part = Part(raw["content.xml"], f"{name}: content.xml")
    emit = _Emitter(part)
    bodies = [
        el.find(_TEXT + "note-body")
        for el in part.root.iter(_TEXT + "note")
        if not any(
            a.tag in (_TEXT + "tracked-changes", _OFFICE + "annotation")
            for a in el.iterancestors()
        )
    ]
    refused: list[Refusal] = []
    changes: list[tuple[int, int, bytes]] = []
    for note in notes:
        edits = grouped.get(note.index)
        if not edits:
            continue
        body = bodies[note.index] if note.index < len(bodies) else None
        if body is None:
            refused.extend(Refusal(e, "the note is not found again") for e in edits)
            continue
        where = _Note(part, body, note)
        for edit in edits:
            s, e, new = narrow(note, edit)
            try:
                a, b, extra_a, extra_b = _range(where, s, e, not isinstance(new, str))
                para = (
                    extra_a
                    or extra_b
                    or [where.byte(min(s, len(where.chars) - 1), False)[1][0]]
                )[0]
                para = next(
                    (p for p in [para, *para.iterancestors()] if p.tag in _PARAGRAPHS),
                    para,
                )
                kept = b"".join(part.outer(el) for el in _inside(part, para, a, b))
            except _Unsafe as exc:
                refused.append(Refusal(edit, str(exc)))
                continue
            closes = b"".join(
                f"</{el.prefix}:{etree.QName(el).localname}>".encode()
                for el in reversed(extra_a)
            )
            opens = b"".join(part.bytes_of(*part.tags(el).start) for el in extra_b)
            if isinstance(new, str):
                new_bytes = emit.text(new) + closes + kept + opens
            else:
                new_bytes = closes + emit.rich(new) + kept + opens
            if changes and a < changes[-1][1]:
                refused.append(Refusal(edit, "the citation touches the one before it"))
                continue
            changes.append((a, b, new_bytes))
    if emit.styles - emit.taken:
        changes.append(_styles_change(part, emit.style_defs()))
    if not changes:
        return data, refused
    return replace_members(
        data, name, "ODT", {"content.xml": splice(part.data, changes)}
    ), refused


def _styles_change(part: Part, defs: bytes) -> tuple[int, int, bytes]:
    office = next(
        (k for k, v in (part.root.nsmap or {}).items() if v == _NS["office"]), "office"
    )
    auto = part.root.find(_OFFICE + "automatic-styles")
    if auto is not None:
        tags = part.tags(auto)
        if tags.start == tags.end:
            lo, hi = tags.outer
            return (
                lo,
                hi,
                f"<{office}:automatic-styles>".encode()
                + defs
                + f"</{office}:automatic-styles>".encode(),
            )
        return tags.end[0], tags.end[0], defs
    body = part.root.find(_OFFICE + "body")
    at = part.tags(body).start[0] if body is not None else part.tags(part.root).end[0]
    return (
        at,
        at,
        f"<{office}:automatic-styles>".encode()
        + defs
        + f"</{office}:automatic-styles>".encode(),
    )


register(Writer("odt", write_odt, lambda text: text))
