"""DOCX writer: citation spans of Word footnotes and endnotes, run by run.

A span's characters are found again through the reader's own walk over the note
(:func:`archcite.readers.docx.pieces_with_source`). The runs (``w:r``) it covers
are replaced; a run that the span starts or ends inside is split there, both
halves keeping their run properties. Rich text becomes new runs whose
properties are the first covered run's, without its emphasis (``w:i``, ``w:b``,
``w:smallCaps``, ``w:caps`` and an emphasis character style), plus the emphasis
the replacement asks for; a plain-text fix becomes one run with the first covered
run's properties unchanged. Bookmarks and comment marks inside a span are kept
after the replacement; spelling marks (``w:proofErr``) are dropped.

Refused, with the reason, because no edit there is safe: a span across a
paragraph break, one that starts inside a hyperlink (or other inline container)
and ends outside it, tracked changes, fields (a Zotero or EndNote citation is
a field: edit it in its citation manager), hidden text, pictures, content
controls. Only the bytes of the rewritten runs change: every other byte of
``word/footnotes.xml``/``word/endnotes.xml`` and every other part is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from archcite.model import Note
from archcite.readers.docx import _hidden, pieces_with_source
from archcite.rewrite import Edit, Refusal, Writer, register
from archcite.rewrite.package import read_parts, replace_members
from archcite.rewrite.rich import RichText
from archcite.rewrite.textfmt import narrow
from archcite.rewrite.xmlbytes import Part, escape_text, splice

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = {"footnote": "word/footnotes.xml", "endnote": "word/endnotes.xml"}
_ONE_CHAR = frozenset(
    _W + t for t in ("tab", "br", "cr", "ptab", "sym", "noBreakHyphen")
)
_EMPHASIS = frozenset(_W + t for t in ("i", "iCs", "b", "bCs", "smallCaps", "caps"))
_FORBIDDEN = {
    **dict.fromkeys(
        ("del", "ins", "moveFrom", "moveTo", "delText", "rPrChange", "pPrChange"),
        "tracked changes (accept or reject them first)",
    ),
    **dict.fromkeys(
        ("fldChar", "instrText", "fldSimple", "delInstrText"),
        "a field (a Zotero or EndNote citation is one: edit it in its citation manager)",
    ),
    **dict.fromkeys(
        ("footnoteReference", "endnoteReference", "footnoteRef", "endnoteRef"),
        "a note mark",
    ),
    **dict.fromkeys(("drawing", "pict", "object"), "a picture or object"),
    "sdt": "a content control",
}
_FORBIDDEN_TAGS = {_W + k: v for k, v in _FORBIDDEN.items()}
_FORBIDDEN_TAGS[
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
] = "a picture or object"
_KEEP = frozenset(
    _W + t
    for t in (
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "permStart",
        "permEnd",
    )
)
_KEEP_RUN = frozenset(_W + t for t in ("commentReference", "annotationRef"))
_CONTAINERS = frozenset(_W + t for t in ("hyperlink", "smartTag", "customXml"))
# Order of w:rPr children in the schema (CT_RPr): Word is strict about it.
_RPR_ORDER = {
    _W + t: n
    for n, t in enumerate(
        [
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
        ]
    )
}

Cut = tuple[int, int]  # (content child index in its run, character offset)


class _Unsafe(Exception):
    pass


@dataclass(frozen=True, slots=True)
class _Span:
    edit: Edit
    new: str | RichText
    parent: etree._Element
    first: int  # index in parent of the first unit covered
    last: int
    start: Cut | None  # where in the first unit (a run) the span starts; None: whole
    end: Cut | None
    anchor: etree._Element  # the run whose properties the replacement takes


def _content(run: etree._Element) -> list[etree._Element]:
    return [c for c in run if isinstance(c.tag, str) and c.tag != _W + "rPr"]


def _length(el: etree._Element) -> int:
    if el.tag == _W + "t":
        return len(el.text or "")
    return 1 if el.tag in _ONE_CHAR else 0


def _flagged(el: etree._Element) -> bool:
    return el.get(_W + "val", "true") not in ("0", "false", "off")


def _emphasis_styles(styles: bytes | None, name: str) -> set[str]:
    """Character styles that set emphasis: a replacement must not inherit them."""
    if styles is None:
        return set()
    root = Part(styles, name).root
    found = set()
    for style in root.iter(_W + "style"):
        rpr = style.find(_W + "rPr")
        if rpr is not None and any(c.tag in _EMPHASIS and _flagged(c) for c in rpr):
            found.add(style.get(_W + "styleId", ""))
    return found


class _Note:
    """One note's element and where each character of its text comes from."""

    def __init__(self, part: Part, el: etree._Element, note: Note) -> None:
        self.part = part
        self.el = el
        cols: list[tuple[etree._Element, int]] = []
        first = True
        for piece, src in pieces_with_source(el):
            if piece == "\n":
                if first:
                    first = False
                    continue
                cols.append((src, 0))
                continue
            cols.extend((src, k) for k in range(len(piece)))
        self.chars = [cols[note.srcmap.locate(k)[1] - 1] for k in range(len(note.text))]
        self.field_depth: dict[etree._Element, int] = {}
        depth = 0
        for node in el.iter(_W + "r", _W + "fldChar"):
            if node.tag == _W + "fldChar":
                kind = node.get(_W + "fldCharType")
                depth += 1 if kind == "begin" else -1 if kind == "end" else 0
            else:
                self.field_depth[node] = depth

    def locate(self, k: int, after: bool) -> tuple[etree._Element, Cut]:
        src, off = self.chars[k]
        run = src.getparent()
        if src.tag == _W + "p" or run is None or run.tag != _W + "r":
            raise _Unsafe("the citation runs across a paragraph break")
        ci = _content(run).index(src)
        return run, (ci, off + 1 if after else off)


def _path(el: etree._Element, stop: etree._Element) -> list[etree._Element]:
    out = [el]
    while out[-1] is not stop:
        parent = out[-1].getparent()
        if parent is None:
            break
        out.append(parent)
    return out


def _check_units(units: list[etree._Element], note: _Note) -> None:
    for unit in units:
        for el in unit.iter():
            reason = _FORBIDDEN_TAGS.get(el.tag) if isinstance(el.tag, str) else None
            if reason:
                raise _Unsafe(f"the citation contains {reason}")
            if el.tag == _W + "r" and _hidden(el):
                raise _Unsafe("the citation contains hidden text")
            if el.tag == _W + "r" and note.field_depth.get(el, 0) > 0:
                raise _Unsafe(
                    "the citation is inside a field (a Zotero or EndNote citation?"
                    " edit it in its citation manager)"
                )


def _span(note: _Note, edit: Edit, source: Note) -> _Span:
    s, e, new = narrow(source, edit)
    if not note.chars:
        raise _Unsafe("the note has no text to rewrite")
    if s == e:
        at_end = s >= len(note.chars)
        run1, cut1 = note.locate(s - 1 if at_end else s, after=at_end)
        run2, cut2 = run1, cut1
    else:
        run1, cut1 = note.locate(s, after=False)
        run2, cut2 = note.locate(e - 1, after=True)
    para = next((a for a in _path(run1, note.el) if a.tag == _W + "p"), None)
    if para is None or para not in _path(run2, note.el):
        raise _Unsafe("the citation runs across a paragraph break")
    up1, up2 = _path(run1, para), _path(run2, para)
    parent = next(a for a in up1[1:] if a in up2)
    for el in _path(parent, para):
        if el.tag in _FORBIDDEN_TAGS:
            raise _Unsafe(f"the citation is inside {_FORBIDDEN_TAGS[el.tag]}")
    unit1 = up1[up1.index(parent) - 1]
    unit2 = up2[up2.index(parent) - 1]
    start: Cut | None = cut1
    end: Cut | None = cut2
    if unit1 is not run1:
        inner = [
            k for k, (src, _) in enumerate(note.chars) if unit1 in src.iterancestors()
        ]
        if s == e or not inner or inner[0] != s:
            raise _Unsafe(_container_reason(unit1, "begins"))
        start = None
    if unit2 is not run2:
        inner = [
            k for k, (src, _) in enumerate(note.chars) if unit2 in src.iterancestors()
        ]
        if s == e or not inner or inner[-1] != e - 1:
            raise _Unsafe(_container_reason(unit2, "ends"))
        end = None
    children = list(parent)
    first, last = children.index(unit1), children.index(unit2)
    units = children[first : last + 1]
    _check_units(units, note)
    return _Span(edit, new, parent, first, last, start, end, run1)


def _container_reason(unit: etree._Element, where: str) -> str:
    tag = etree.QName(unit).localname
    return f"the citation {where} inside a w:{tag} that goes on beyond it"


class _Emitter:
    """Bytes for slices of runs and for replacement runs, in the part's own prefix."""

    def __init__(self, part: Part, emphasis_styles: set[str], prefix: str) -> None:
        self.part = part
        self.styles = emphasis_styles
        self.p = prefix

    def tag(self, local: str, close: bool = False) -> bytes:
        return f"<{'/' if close else ''}{self.p}:{local}>".encode()

    def slice(self, run: etree._Element, lo: Cut | None, hi: Cut | None) -> bytes:
        """The part of ``run`` between two cuts (None: its start / its end)."""
        part = self.part
        body: list[bytes] = []
        for ci, child in enumerate(_content(run)):
            n = _length(child)
            a = 0 if lo is None or lo[0] < ci else (min(lo[1], n) if lo[0] == ci else n)
            b = n if hi is None or hi[0] > ci else (min(hi[1], n) if hi[0] == ci else 0)
            if n == 0:
                inside = (lo is None or lo <= (ci, 0)) and (hi is None or (ci, 0) < hi)
                if inside:
                    body.append(part.outer(child))
                continue
            if a >= b:
                continue
            if a == 0 and b == n:
                body.append(part.outer(child))
                continue
            t_lo, t_hi = part.text_range(child)
            x = part.text_offset(t_lo, t_hi, a)
            y = part.text_offset(t_lo, t_hi, b)
            body.append(
                f'<{self.p}:t xml:space="preserve">'.encode()
                + part.bytes_of(x, y)
                + self.tag("t", close=True)
            )
        if not body:
            return b""
        tags = part.tags(run)
        rpr = run.find(_W + "rPr")
        head = part.bytes_of(*tags.start) + (
            part.outer(rpr) if rpr is not None else b""
        )
        return head + b"".join(body) + part.bytes_of(*tags.end)

    def _rpr(
        self, anchor: etree._Element, italic: bool, bold: bool, caps: bool
    ) -> bytes:
        items: list[tuple[int, bytes]] = []
        rpr = anchor.find(_W + "rPr")
        for child in rpr if rpr is not None else ():
            if not isinstance(child.tag, str) or child.tag in _EMPHASIS:
                continue
            if child.tag == _W + "rStyle" and child.get(_W + "val") in self.styles:
                continue
            items.append(
                (_RPR_ORDER.get(child.tag, len(_RPR_ORDER)), self.part.outer(child))
            )
        for on, names in (
            (bold, ("b", "bCs")),
            (italic, ("i", "iCs")),
            (caps, ("smallCaps",)),
        ):
            if on:
                items.extend(
                    (_RPR_ORDER[_W + t], f"<{self.p}:{t}/>".encode()) for t in names
                )
        items.sort(key=lambda i: i[0])
        if not items:
            return b""
        return self.tag("rPr") + b"".join(b for _, b in items) + self.tag("rPr", True)

    def _run(self, rpr: bytes, text: str) -> bytes:
        text = " ".join(text.split("\n")).replace("\t", " ").replace("\r", " ")
        return (
            self.tag("r")
            + rpr
            + f'<{self.p}:t xml:space="preserve">'.encode()
            + escape_text(text)
            + self.tag("t", True)
            + self.tag("r", True)
        )

    def replacement(self, span: _Span) -> bytes:
        new = span.new
        if isinstance(new, str):
            if not new:
                return b""
            rpr = span.anchor.find(_W + "rPr")
            own = self.part.outer(rpr) if rpr is not None else b""
            return self._run(own, new)
        return b"".join(
            self._run(self._rpr(span.anchor, r.italic, r.bold, r.small_caps), r.text)
            for r in new.runs
        )

    def kept(self, units: list[etree._Element], whole: list[bool]) -> bytes:
        """Marks inside replaced units that must survive (bookmarks, comments)."""
        out: list[bytes] = []
        for unit, is_whole in zip(units, whole, strict=True):
            if not is_whole:
                continue
            if unit.tag == _W + "r":
                if any(c.tag in _KEEP_RUN for c in unit):
                    out.append(self.part.outer(unit))
                continue
            out.extend(self.part.outer(el) for el in unit.iter(*_KEEP))
        return b"".join(out)


def _cluster_bytes(em: _Emitter, spans: list[_Span]) -> tuple[int, int, bytes]:
    """One splice for spans under one parent whose units touch."""
    children = list(spans[0].parent)
    first, last = spans[0].first, max(s.last for s in spans)
    out: list[bytes] = []
    unit = children[first]
    if spans[0].start is not None:
        out.append(em.slice(unit, None, spans[0].start))
    for n, span in enumerate(spans):
        units = children[span.first : span.last + 1]
        whole = [
            not (
                (i == 0 and span.start is not None)
                or (i == len(units) - 1 and span.end is not None)
            )
            for i in range(len(units))
        ]
        out.append(em.replacement(span))
        out.append(em.kept(units, whole))
        nxt = spans[n + 1] if n + 1 < len(spans) else None
        if nxt is None:
            if span.end is not None:
                out.append(em.slice(children[span.last], span.end, None))
            continue
        if nxt.first == span.last:
            out.append(em.slice(children[span.last], span.end, nxt.start))
            continue
        if span.end is not None:
            out.append(em.slice(children[span.last], span.end, None))
        out.extend(em.part.outer(c) for c in children[span.last + 1 : nxt.first])
        if nxt.start is not None:
            out.append(em.slice(children[nxt.first], None, nxt.start))
    lo = em.part.tags(children[first]).outer[0]
    hi = em.part.tags(children[last]).outer[1]
    return lo, hi, b"".join(out)


def write_docx(
    data: bytes,
    notes: Sequence[Note],
    grouped: dict[int, list[Edit]],
    name: str,
    strategy: dict[int, int],
) -> tuple[bytes, list[Refusal]]:
    """Apply the edits to the notes of a DOCX file."""
    wanted = {n.note_type for n in notes if n.index in grouped}
    members = [_PARTS[k] for k in _PARTS if k in wanted] + ["word/styles.xml"]
    raw = read_parts(data, name, "DOCX", members)
    emphasis = _emphasis_styles(raw.get("word/styles.xml"), name)
    refused: list[Refusal] = []
    changed: dict[str, bytes] = {}
    for kind, member in _PARTS.items():
        if member not in raw or kind not in wanted:
            continue
        part = Part(raw[member], f"{name}: {member}")
        by_id = {
            el.get(_W + "id", ""): el
            for el in part.root.iter(_W + kind)
            if el.get(_W + "type", "normal") == "normal"
        }
        prefix = part.root.prefix or "w"
        em = _Emitter(part, emphasis, prefix)
        clusters: dict[etree._Element, list[_Span]] = {}
        for note in notes:
            edits = grouped.get(note.index)
            if not edits or note.note_type != kind or note.note_id not in by_id:
                continue
            where = _Note(part, by_id[note.note_id], note)
            for edit in edits:
                try:
                    span = _span(where, edit, note)
                except _Unsafe as exc:
                    refused.append(Refusal(edit, str(exc)))
                    continue
                clusters.setdefault(span.parent, []).append(span)
        changes = []
        for spans in clusters.values():
            spans.sort(key=lambda s: (s.first, s.start or (-1, 0)))
            group: list[_Span] = []
            for span in spans:
                if group and span.first > max(g.last for g in group):
                    changes.append(_cluster_bytes(em, group))
                    group = []
                group.append(span)
            if group:
                changes.append(_cluster_bytes(em, group))
        if changes:
            changed[member] = splice(part.data, changes)
    return replace_members(data, name, "DOCX", changed), refused


register(Writer("docx", write_docx, lambda text: text))
