"""TEI XML reader for FRUS volumes: every ``<note>``, streamed, with exact positions.

What a note becomes
-------------------
Every TEI ``<note>`` element is one :class:`~archcite.model.Note`, in document
order (the order of the start tags): footnotes, ``type="source"`` notes, legacy
``rend="inline"`` source lines, and notes nested inside notes.

* ``label`` is ``@n`` exactly as written ("1", "0", "2a", "*"). A note without
  ``@n`` gets its running position in the file, counted from 1, as its label.
* ``index`` counts the notes of the file from 0.
* ``doc`` is the ``xml:id`` of the nearest enclosing ``<div type="document">``,
  else of the nearest enclosing ``<div>`` that has an ``xml:id`` (a chapter, an
  appendix), else ``None``.
* ``note_id``/``note_type`` are ``@xml:id``/``@type``.
* ``refs`` lists every ``<ref target>`` inside the note (not inside a nested note).
* ``volume_id`` is the root's ``xml:id``, else the header's
  ``<idno type="frus">``, else the file name's stem when it looks like a FRUS id.
* ``text`` has markup removed and whitespace collapsed; characters are kept
  exactly (en dashes, curly quotes, ``&amp;`` as "&"). XML comments and
  processing instructions are dropped; ``<lb/>`` and block elements (``<p>``,
  ``<item>`` …) stand for a space.
* A nested note is left out of the outer note's text, the way a footnote mark
  is: ``[Inclosure 2 in No. 61.<note n="*">…</note>`` reads
  "[Inclosure 2 in No. 61." and the inner note is a note of its own.

Positions
---------
lxml gives an element's line (that of the start tag's end) but not its column,
so the reader locates each note's start tag in the raw text itself and walks
the note's raw XML, mapping each text character (an entity reference maps to
its ``&``) to the 1-based line and column of the file. Note start tags are found by a scan that skips
comments, CDATA sections and processing instructions and is kept in step with
lxml's ``start`` events for every element named ``note`` (in any namespace), so
the two sequences line up by construction. Columns count characters, not bytes;
CRLF counts as one line end and a UTF-8 BOM is not a column.

Streaming
---------
The input is read in chunks and fed to lxml's pull parser (the feed-driven
form of ``iterparse``, see :func:`archcite.readers.xmlsafe.iterparse`). Every
element outside a note is cleared at its end and its processed earlier siblings
are deleted, so the tree in memory is the open ancestors plus one note. The
same chunks, decoded, go to a window of raw text that starts at the earliest
note start tag still needed; older text is dropped. Memory therefore depends on
the longest note and the chunk size, not on the size of the file.

Which files are read
--------------------
Only ``<note>`` elements in the TEI namespace count (or un-namespaced ones when
the root itself is an un-namespaced ``TEI``/``TEI.2``). Well-formed XML without
such notes yields nothing here; :func:`archcite.readers.read` refuses XML whose
root is not TEI (:mod:`archcite.readers.sniff`) and the pipeline reports a
document without notes. Input that is not well-formed
XML raises :class:`~archcite.errors.InputError` ("malformed XML at line L,
column C: …"); a DOCTYPE declaring entities raises
:class:`~archcite.errors.UnsafeInputError` (see :mod:`archcite.readers.xmlsafe`).
Notes read before a syntax error further down the file have already been
yielded when the error is raised.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from archcite.errors import InputError, InternalError
from archcite.model import Note
from archcite.readers import Reader, Source
from archcite.readers.textmap import TextBuilder
from archcite.readers.xmlsafe import CHUNK_SIZE, iterparse, read_head

TEI_NS = "http://www.tei-c.org/ns/1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_NOTE = f"{{{TEI_NS}}}note"
_DIV = f"{{{TEI_NS}}}div"
_REF = f"{{{TEI_NS}}}ref"
_IDNO = f"{{{TEI_NS}}}idno"
# The only elements whose events the reader acts on: lxml skips the others in C
# (most of a volume's elements are hi, ref, cell, …). Paragraphs are included
# so that their end still frees what they hold in a volume without divs.
_EVENTS = ("{*}note", "{*}div", "{*}p", _IDNO)

_FRUS_ID = re.compile(r"^frus[0-9A-Za-z][0-9A-Za-z_.-]*$")

# Elements whose boundaries separate words even when the source has no
# whitespace there (``…ff.</p><p>The acts…``). ``lb`` is an explicit line break.
_BREAKS = frozenset(
    {"lb", "p", "item", "list", "head", "l", "lg", "ab", "table", "row", "cell"}
    | {"div", "opener", "closer", "dateline", "signed", "salute", "label", "byline"}
)

# Start tags of elements named "note" in any namespace, and the openers of the
# constructs in which a "<note" would not be markup (comments, CDATA sections,
# processing instructions), found in one left-to-right scan.
_NOTE_SCAN = re.compile(r"<!--|<!\[CDATA\[|<\?|<(?:[^\s/>!?:<]+:)?note(?=[\s/>])")
_CLOSERS = {"<!--": "-->", "<![CDATA[": "]]>", "<?": "?>"}
# Text within this distance of the window's end is not scanned until more text
# arrives (or the input ends): a start tag's prefix and name fit in it.
_SCAN_MARGIN = 256
_NEWLINE = re.compile("\n")
#: Bytes read at a time (a module attribute so tests can make it tiny).
_CHUNK_SIZE = CHUNK_SIZE

# One token of a note's raw XML. Attribute values may legally contain ">", so
# start tags are matched attribute by attribute.
_TOKEN = re.compile(
    r"""
    (?P<text>[^<&]+)
  | (?P<ent>&[^;<&\s]{1,40};)
  | (?P<comment><!--.*?-->)
  | (?P<cdata><!\[CDATA\[(?P<cdtext>.*?)\]\]>)
  | (?P<pi><\?.*?\?>)
  | (?P<end></(?P<ename>[^\s>]+)\s*>)
  | (?P<start><(?P<sname>[^\s/>!?]+)
        (?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(?P<empty>/)?>)
    """,
    re.S | re.X,
)

_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


@dataclass(frozen=True, slots=True)
class _Pending:
    """A TEI note seen at its start event, waiting for its outermost note to end."""

    elem: etree._Element
    raw_start: int
    doc: str | None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag.split(":")[-1]


def _entity(ref: str, where: str, name: str) -> str:
    """The character an entity or character reference (``&…;``) stands for."""
    body = ref[1:-1]
    if body.startswith("#"):
        try:
            code = int(body[2:], 16) if body[1:2] in ("x", "X") else int(body[1:])
            return chr(code)
        except (ValueError, OverflowError):
            pass
    elif body in _PREDEFINED:
        return _PREDEFINED[body]
    raise InputError(f"undefined entity {ref} at {where} (archcite loads no DTD)", name)


class _Window:
    """The raw text of the input from the earliest note still needed onward.

    It is fed the same chunks as the parser, so it always holds the raw XML of
    every note lxml has reported; text before the earliest note start still
    needed (and before the scan position) is dropped. Offsets are absolute
    character offsets into the decoded file.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.buf = ""
        self.base = 0  # absolute offset of buf[0]
        self.line_starts = [0]  # absolute offsets of line starts, from first_line on
        self.first_line = 1
        self.final = False
        self._scan = 0  # absolute offset up to which note starts have been found
        self._found: deque[int] = deque()  # note start tags not yet claimed
        #: start of the earliest note claimed but not yet turned into a Note
        self.hold: int | None = None

    def append(self, text: str, final: bool) -> None:
        """Add decoded text; ``final`` marks the end of the input."""
        self.final = final
        end = self.base + len(self.buf)
        self.line_starts.extend(end + m.end() for m in _NEWLINE.finditer(text))
        self.buf += text
        self._find_notes()
        self._release()

    def _find_notes(self) -> None:
        buf, base = self.buf, self.base
        pos = self._scan - base
        limit = len(buf) if self.final else len(buf) - _SCAN_MARGIN
        while True:
            m = _NOTE_SCAN.search(buf, pos)
            if m is None:
                pos = max(pos, limit)
                break
            closer = _CLOSERS.get(m.group())
            if closer is None:
                self._found.append(base + m.start())
                pos = m.end()
                continue
            close = buf.find(closer, m.end())
            if close == -1:
                pos = m.start()  # wait for the rest of the comment
                break
            pos = close + len(closer)
        self._scan = base + pos

    def claim(self) -> int:
        """Offset of the next ``<note`` start tag (lxml just reported its element)."""
        if not self._found:
            # lxml reported a note the scan cannot see: a bug, not bad input.
            raise InternalError(
                "internal error: note start tag not found; please report it",
                self.name,
            )
        return self._found.popleft()

    def _release(self) -> None:
        """Drop the text before the earliest note start still needed."""
        cut = self._scan if not self._found else self._found[0]
        if self.hold is not None:
            cut = min(cut, self.hold)
        # Copying the tail costs its length, so cut only when it pays.
        if cut - self.base < max(len(self.buf) // 2, 1 << 16):
            return
        self.buf = self.buf[cut - self.base :]
        self.base = cut
        i = bisect_right(self.line_starts, cut) - 1
        self.first_line += i
        del self.line_starts[:i]

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of absolute ``offset``."""
        i = bisect_right(self.line_starts, offset) - 1
        return (self.first_line + i, offset - self.line_starts[i] + 1)

    def note_text(self, start: int) -> TextBuilder:
        """Walk the note whose start tag begins at ``start``; return its text."""
        text = self.buf
        base = self.base

        def locate(rel: int) -> tuple[int, int]:
            return self.locate(base + rel)

        builder = TextBuilder(origin=locate(start - base))
        match = _TOKEN.match
        m = match(text, start - base)
        if m is None or m.group("empty"):
            return builder  # <note/>: no text
        pos = m.end()
        depth = 1  # open elements, the note itself included
        skip_to = 0  # while > 0: inside a nested note opened at this depth
        while depth:
            m = match(text, pos)
            if m is None:
                raise _malformed(text, pos, locate(pos), self.name)
            tok_start = pos
            pos = m.end()
            if m.group("start") is not None:
                local = _local(m.group("sname"))
                if not skip_to and local == "note":
                    if m.group("empty"):
                        continue
                    depth += 1
                    skip_to = depth
                    continue
                if not skip_to and local in _BREAKS:
                    builder.space(*locate(tok_start))
                if not m.group("empty"):
                    depth += 1
            elif m.group("end") is not None:
                if skip_to and depth == skip_to:
                    skip_to = 0
                elif not skip_to and _local(m.group("ename")) in _BREAKS:
                    builder.space(*locate(tok_start))
                depth -= 1
            elif skip_to:
                continue
            elif m.group("text") is not None:
                line, col = locate(tok_start)
                builder.add(m.group("text"), line, col)
            elif m.group("ent") is not None:
                line, col = locate(tok_start)
                builder.add_at(
                    _entity(m.group("ent"), f"line {line}, column {col}", self.name),
                    line,
                    col,
                )
            elif m.group("cdata") is not None:
                inner = m.start("cdtext")
                builder.add(m.group("cdtext"), *locate(inner))
            # comments and processing instructions: dropped
        return builder


def _malformed(text: str, pos: int, where: tuple[int, int], name: str) -> InputError:
    """A note's raw XML that no token matches: lxml may hand out the events
    before a syntax error, so this is where malformed input shows first."""
    line, col = where
    ch = text[pos : pos + 1]
    if ch == "&":
        why = "'&' that starts no entity (write it as &amp;)"
    elif ch == "<":
        why = "'<' that starts no tag (write it as &lt;)"
    else:
        why = "unreadable markup"
    return InputError(f"malformed XML at line {line}, column {col}: {why}", name)


def _refs(note: etree._Element) -> tuple[str, ...]:
    """``@target`` of every ``<ref>`` in ``note`` but not in a note nested in it."""
    found: list[str] = []
    stack = list(reversed(note))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str):
            continue  # comment or processing instruction
        if _local(tag) == "note":
            continue
        if _local(tag) == "ref" and tag in (_REF, "ref"):
            target = el.get("target")
            if target is not None:
                found.append(target)
        stack.extend(reversed(el))
    return tuple(found)


def _stem_volume_id(source: Source) -> str | None:
    if source.path is None:
        return None
    stem = Path(source.name).stem
    return stem if _FRUS_ID.match(stem) else None


def read_tei(source: Source) -> Iterator[Note]:
    """Yield every TEI ``<note>`` of ``source`` in document order (see module doc)."""
    # Check the prolog now, so that an empty or unsafe file fails on the call,
    # not on the first iteration.
    with source.open() as stream:
        read_head(stream, source.name)
    return _read(source)


def _read(source: Source) -> Iterator[Note]:
    window = _Window(source.name)
    with source.open() as stream:
        events = iterparse(stream, source.name, window.append, _CHUNK_SIZE, _EVENTS)
        yield from _notes(source, events, window)


def _notes(
    source: Source,
    events: Iterator[tuple[str, etree._Element]],
    window: _Window,
) -> Iterator[Note]:
    note_tags = {_NOTE}
    div_tags = {_DIV}
    volume_id: str | None = None
    divs: list[tuple[str | None, str | None]] = []  # (xml:id, type) of open divs
    pending: list[_Pending] = []
    depth = 0  # open TEI notes
    index = 0
    first = True
    for event, elem in events:
        tag = elem.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            if first:
                # Events are limited to _EVENTS: the root is read from the tree.
                first = False
                root = elem.getroottree().getroot()
                volume_id = root.get(_XML_ID)
                if root.tag in ("TEI", "TEI.2"):
                    # An un-namespaced TEI document: its notes are plain "note".
                    note_tags.add("note")
                    div_tags.add("div")
            if tag in div_tags:
                divs.append((elem.get(_XML_ID), elem.get("type")))
            elif tag.endswith("note") and _local(tag) == "note":
                start = window.claim()
                if tag in note_tags:
                    depth += 1
                    if not pending:
                        window.hold = start
                    pending.append(_Pending(elem, start, _doc_of(divs)))
            continue
        # end event
        if tag in div_tags:
            divs.pop()
        elif tag == _IDNO and volume_id is None and elem.get("type") == "frus":
            volume_id = (elem.text or "").strip() or None
        if tag in note_tags:
            depth -= 1
            if depth:
                continue  # the outermost note is processed (with this one) at its end
            if volume_id is None:
                volume_id = _stem_volume_id(source)
            for item in pending:
                yield _make_note(source, window, item, index, volume_id)
                index += 1
            pending.clear()
            window.hold = None
        elif depth:
            continue  # inside a note: keep the subtree until the note is done
        # Bounded memory: drop what has been processed (clear() drops the tail
        # too, text the parent no longer needs).
        elem.clear()
        parent = elem.getparent()
        if parent is not None:
            while elem.getprevious() is not None:
                del parent[0]


def _doc_of(divs: list[tuple[str | None, str | None]]) -> str | None:
    for xml_id, kind in reversed(divs):
        if kind == "document" and xml_id:
            return xml_id
    for xml_id, _kind in reversed(divs):
        if xml_id:
            return xml_id
    return None


def _make_note(
    source: Source, window: _Window, item: _Pending, index: int, volume_id: str | None
) -> Note:
    elem = item.elem
    text, srcmap = window.note_text(item.raw_start).build()
    label = elem.get("n")
    return Note(
        source=source.name,
        label=label if label is not None else str(index + 1),
        index=index,
        text=text,
        srcmap=srcmap,
        doc=item.doc,
        note_id=elem.get(_XML_ID),
        note_type=elem.get("type"),
        refs=_refs(elem),
        volume_id=volume_id,
    )


#: This format as a plugin (entry point group ``archcite.readers``).
reader = Reader(read_tei, "TEI XML (FRUS volumes)", order=60)
