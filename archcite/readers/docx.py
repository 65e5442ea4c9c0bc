"""DOCX reader: the footnotes and endnotes of a Word document.

Notes come from ``word/footnotes.xml`` and ``word/endnotes.xml``; the separator
and continuation notes Word keeps there are skipped, and so is any note that no
reference in ``word/document.xml`` points to (Word does not show it). Notes are
yielded in the order of their references in the document, footnotes and
endnotes interleaved, and labelled with the mark Word displays: footnotes and
endnotes are counted separately, from ``numStart`` (default 1), in the number
format of ``w:footnotePr``/``w:endnotePr`` (the body's section properties first,
then ``word/settings.xml``; Word's defaults are arabic for footnotes and lower-case
roman for endnotes). A reference with ``w:customMarkFollows`` shows the text of the
run after it and does not advance the count. Restarting numbering per section or
page is not modelled.

The text is what Word shows: runs are joined as they are; tracked deletions
(``w:del``, ``w:delText``, ``w:moveFrom``), field instructions, hidden runs
(``w:vanish``) and the note's own mark are left out; tracked insertions are kept;
``w:tab``, ``w:br`` and ``w:cr`` are spaces, ``w:noBreakHyphen`` is ``-``, and
``w:sym`` is its character (symbol-font code points F020–F0FF are taken as
U+0020–U+00FF, which is right for Wingdings-free text and approximate otherwise).

What ``line``/``column`` mean (a zipped XML file has no useful lines): ``line`` is
the 1-based number of the paragraph of ``word/document.xml`` that holds the
note's reference mark, counting every ``w:p`` of the body in document order
(table cells included); ``column`` is the 1-based position of the character in the
note's own text as Word stores it, before whitespace is collapsed, counting a
paragraph break inside the note as one character. A linter can say "note 3,
in paragraph 12, at character 40 of the note".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from zipfile import ZipFile

from lxml import etree

from archcite.errors import InputError
from archcite.model import Note
from archcite.readers import Reader, Source, ziputil
from archcite.readers.textmap import paragraph_note_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text Word does not show.
_SKIP = frozenset(
    _W + t for t in ("del", "moveFrom", "delText", "instrText", "delInstrText", "rPr")
) | {_MC_FALLBACK}
_SPACES = frozenset(_W + t for t in ("tab", "br", "cr", "ptab"))
_KINDS = {"footnote": "footnotes", "endnote": "endnotes"}
_DEFAULT_FMT = {"footnote": "decimal", "endnote": "lowerRoman"}
_SYMBOLS = "*†‡§‖¶"


@dataclass(frozen=True, slots=True)
class _Ref:
    kind: str  # "footnote" | "endnote"
    note_id: str
    paragraph: int
    custom_mark: str | None


def _roman(n: int) -> str:
    out = []
    for value, digits in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (unknown formats are arabic)."""
    if n < 1:
        return str(n)
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("lowerLetter", "upperLetter"):
        # Word repeats the letter: a … z, aa … zz, aaa …
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "chicago":
        return _SYMBOLS[(n - 1) % len(_SYMBOLS)] * ((n - 1) // len(_SYMBOLS) + 1)
    return str(n)


def _number_settings(
    settings: etree._Element | None, body: etree._Element
) -> dict[str, tuple[str, int]]:
    """Number format and start value per kind: section properties over settings."""
    found: dict[str, tuple[str, int]] = {}
    sect = body.find(_W + "sectPr")
    for kind in _KINDS:
        fmt, start = _DEFAULT_FMT[kind], 1
        for where in (settings, sect):
            pr = where.find(f"{_W}{kind}Pr") if where is not None else None
            if pr is None:
                continue
            num_fmt = pr.find(_W + "numFmt")
            if num_fmt is not None and num_fmt.get(_W + "val"):
                fmt = num_fmt.get(_W + "val", fmt)
            num_start = pr.find(_W + "numStart")
            if num_start is not None:
                try:
                    start = int(num_start.get(_W + "val", "1"))
                except ValueError:
                    start = 1
        found[kind] = (fmt, start)
    return found


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val", "true") not in ("0", "false")


def _deleted(el: etree._Element) -> bool:
    return any(a.tag in (_W + "del", _W + "moveFrom") for a in el.iterancestors())


def _sym_char(el: etree._Element) -> str:
    """The character of a ``w:sym`` (symbol fonts use the U+F0xx private range)."""
    code = int(el.get(_W + "char", "20") or "20", 16)
    return chr(code - 0xF000 if 0xF020 <= code <= 0xF0FF else code)


def _mark_text(el: etree._Element) -> str:
    """The mark a ``w:t`` or ``w:sym`` shows: a mark has no spaces, so only the
    first word of a text that runs on ("" for anything else)."""
    if el.tag == _W + "t":
        words = (el.text or "").split(None, 1)
        return words[0] if words else ""
    if el.tag == _W + "sym":
        return _sym_char(el).strip()
    return ""


def _custom_mark(ref: etree._Element) -> str | None:
    if ref.get(_W + "customMarkFollows") not in ("1", "true", "on"):
        return None
    # Word writes the mark in the same run, right after the reference, as text
    # or as an Insert-Symbol character (ECMA-376 §17.11.14); some writers put
    # it in a run of its own after. The mark is the first thing shown there,
    # not the rest of the sentence.
    for sibling in ref.itersiblings():
        if mark := _mark_text(sibling):
            return mark
    run = ref.getparent()
    nxt = run.getnext() if run is not None else None
    while nxt is not None and nxt.tag != _W + "r":
        nxt = nxt.getnext()
    if nxt is None:
        return ""
    for el in nxt.iter(_W + "t", _W + "sym"):
        if mark := _mark_text(el):
            return mark
    return ""


def _references(body: etree._Element) -> list[_Ref]:
    refs: list[_Ref] = []
    paragraph = 0
    tags = (_W + "p", _W + "footnoteReference", _W + "endnoteReference")
    for el in body.iter(*tags):
        if el.tag == _W + "p":
            paragraph += 1
            continue
        if _deleted(el):
            continue  # a deleted reference deletes its note
        kind = "footnote" if el.tag == _W + "footnoteReference" else "endnote"
        refs.append(_Ref(kind, el.get(_W + "id", ""), paragraph, _custom_mark(el)))
    return refs


def _pieces(el: etree._Element) -> Iterator[str]:
    """The visible text of ``el``, piece by piece; ``"\\n"`` marks a paragraph."""
    for piece, _ in pieces_with_source(el):
        yield piece


def pieces_with_source(el: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """:func:`_pieces` with the element each piece comes from (``w:t``, ``w:tab``,
    ``w:p`` for a paragraph mark …): what a writer needs to find a character again.
    """
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _W + "t":
            yield (child.text or "").replace("\n", " "), child
        elif tag in _SPACES:
            yield " ", child
        elif tag == _W + "noBreakHyphen":
            yield "-", child
        elif tag == _W + "sym":
            yield _sym_char(child), child
        elif tag == _W + "r" and _hidden(child):
            continue
        elif tag == _W + "p":
            yield "\n", child
            yield from pieces_with_source(child)
        else:
            yield from pieces_with_source(child)


def _notes(zf: ZipFile, kind: str, name: str) -> dict[str, etree._Element]:
    member = f"word/{_KINDS[kind]}.xml"
    if not ziputil.has_member(zf, member):
        return {}
    root = ziputil.parse_member(zf, member, name)
    found = {}
    for note in root.iter(_W + kind):
        if note.get(_W + "type", "normal") == "normal":
            found[note.get(_W + "id", "")] = note
    return found


def _check_kind(zf: ZipFile, name: str) -> None:
    if ziputil.has_member(zf, "word/document.xml"):
        return
    if ziputil.has_member(zf, "content.xml"):
        raise InputError("an OpenDocument file, not a DOCX (use --from odt)", name)
    raise InputError("not a DOCX file (the zip has no word/document.xml)", name)


def read_docx(source: Source) -> Iterator[Note]:
    """Yield the footnotes and endnotes of a DOCX file in reference order."""
    name = source.name
    zf = ziputil.open_package(source.read_bytes(), name, "DOCX")
    with zf:
        _check_kind(zf, name)
        document = ziputil.parse_member(zf, "word/document.xml", name)
        body = document.find(_W + "body")
        if body is None:
            raise InputError("word/document.xml has no w:body", name)
        settings = None
        if ziputil.has_member(zf, "word/settings.xml"):
            settings = ziputil.parse_member(zf, "word/settings.xml", name)
        numbering = _number_settings(settings, body)
        notes = {kind: _notes(zf, kind, name) for kind in _KINDS}
    counters = {kind: numbering[kind][1] for kind in _KINDS}
    index = 0
    for ref in _references(body):
        note = notes[ref.kind].get(ref.note_id)
        if ref.custom_mark is not None:
            label = ref.custom_mark
        else:
            label = format_number(counters[ref.kind], numbering[ref.kind][0])
            counters[ref.kind] += 1
        if note is None:
            continue
        text, srcmap = paragraph_note_text(_pieces(note), ref.paragraph).build()
        yield Note(
            source=name,
            label=label,
            index=index,
            text=text,
            srcmap=srcmap,
            note_id=ref.note_id,
            note_type=ref.kind,
        )
        index += 1


#: This format as a plugin (entry point group ``archcite.readers``).
reader = Reader(read_docx, "Word footnotes and endnotes", order=40)
