"""ODT reader: the footnotes and endnotes of an OpenDocument text.

Every ``text:note`` in ``content.xml`` is a note, in document order; its
``text:note-class`` says footnote or endnote, and its label is the
``text:note-citation`` the office suite wrote (its ``text:label`` attribute when
the citation is a custom mark). The note text comes from ``text:note-body``:
``text:s`` and ``text:tab``/``text:line-break`` are spaces, soft page breaks and
annotations (comments) are left out, and so is the deleted text that tracked
changes keep in ``text:tracked-changes``.

What ``line``/``column`` mean: ``line`` is the 1-based number of the body
paragraph (``text:p`` or ``text:h`` of ``office:text``, in document order, not
counting paragraphs inside notes, comments or tracked changes) that holds the
note's citation mark; ``column`` is the 1-based position of the character in the
note's own text as stored, before whitespace is collapsed, counting a paragraph
break inside the note as one character. This matches the DOCX reader.
"""

from __future__ import annotations

from collections.abc import Iterator
from zipfile import ZipFile

from lxml import etree

from archcite.errors import InputError
from archcite.model import Note
from archcite.readers import Reader, Source, ziputil
from archcite.readers.textmap import paragraph_note_text

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
_SKIP = frozenset(
    {
        _TEXT + "tracked-changes",
        _TEXT + "soft-page-break",
        _TEXT + "note-citation",
        _OFFICE + "annotation",
        _OFFICE + "annotation-end",
    }
)
_SPACES = frozenset({_TEXT + "tab", _TEXT + "line-break"})
_PARAGRAPHS = frozenset({_TEXT + "p", _TEXT + "h"})
_TEXT_TYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
    "application/vnd.oasis.opendocument.text-master",
)


def _pieces(el: etree._Element) -> Iterator[str]:
    """Visible text of ``el`` with its tails; ``"\\n"`` starts a paragraph."""
    for piece, _, _ in pieces_with_source(el):
        yield piece


def pieces_with_source(
    el: etree._Element,
) -> Iterator[tuple[str, etree._Element, bool]]:
    """:func:`_pieces` with where each piece is: an element, and whether the
    piece is that element's tail (the text after it) rather than its own."""
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in _SKIP:
            if tag in _PARAGRAPHS:
                yield "\n", child, False
            if tag == _TEXT + "s":
                try:
                    count = int(child.get(_TEXT + "c", "1"))
                except ValueError:
                    count = 1
                yield " " * max(1, min(count, 1000)), child, False
            elif tag in _SPACES:
                yield " ", child, False
            else:
                if child.text:
                    yield child.text, child, False
                yield from pieces_with_source(child)
        if child.tail:
            yield child.tail, child, True


def _check_kind(zf: ZipFile, name: str) -> None:
    if ziputil.has_member(zf, "mimetype"):
        mimetype = ziputil.read_member(zf, "mimetype", name).decode("ascii", "replace")
        mimetype = mimetype.strip()
        if mimetype not in _TEXT_TYPES:
            raise InputError(f"not an ODT text document (mimetype {mimetype})", name)
    elif ziputil.has_member(zf, "word/document.xml"):
        raise InputError("a DOCX file, not an ODT (use --from docx)", name)
    if not ziputil.has_member(zf, "content.xml"):
        raise InputError("not an ODT file (the zip has no content.xml)", name)
    if ziputil.has_member(zf, "META-INF/manifest.xml"):
        manifest = ziputil.parse_member(zf, "META-INF/manifest.xml", name)
        if manifest.find(f".//{{{_MANIFEST}}}encryption-data") is not None:
            raise InputError("password-protected (encrypted) ODT file", name)


def read_odt(source: Source) -> Iterator[Note]:
    """Yield the notes of an ODT file in document order."""
    name = source.name
    zf = ziputil.open_package(source.read_bytes(), name, "ODT")
    with zf:
        _check_kind(zf, name)
        content = ziputil.parse_member(zf, "content.xml", name)
    text_root = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if text_root is None:
        raise InputError("content.xml has no office:text (not a text document)", name)
    paragraph = 0
    index = 0
    skip_depth: list[etree._Element] = []
    for event, el in etree.iterwalk(text_root, events=("start", "end")):
        tag = el.tag
        if skip_depth:
            if event == "end" and el is skip_depth[-1]:
                skip_depth.pop()
            continue
        if event != "start":
            continue
        if tag in _PARAGRAPHS:
            paragraph += 1
        elif tag in _SKIP and tag != _TEXT + "soft-page-break":
            skip_depth.append(el)
        elif tag == _TEXT + "note":
            skip_depth.append(el)  # its paragraphs are not body paragraphs
            citation = el.find(_TEXT + "note-citation")
            label = ""
            if citation is not None:
                label = citation.get(_TEXT + "label") or "".join(citation.itertext())
            body = el.find(_TEXT + "note-body")
            if body is None:
                continue
            text, srcmap = paragraph_note_text(_pieces(body), paragraph).build()
            yield Note(
                source=name,
                label=label.strip(),
                index=index,
                text=text,
                srcmap=srcmap,
                note_id=el.get(_TEXT + "id"),
                note_type=el.get(_TEXT + "note-class", "footnote"),
            )
            index += 1


#: This format as a plugin (entry point group ``archcite.readers``).
reader = Reader(read_odt, "OpenDocument text footnotes and endnotes", order=50)
