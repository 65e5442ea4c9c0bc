"""``archcite-pandoc``: a pandoc filter that formats the citations in footnotes.

    pandoc ms.md --filter archcite-pandoc -M archcite-style=chicago-notes-bibliography -o ms.docx

pandoc hands the filter its document as JSON; each ``Note`` is read as archcite's
readers read a footnote (smart quotes as the curly quotes pandoc prints, spaces
collapsed), the notes are recognized and resolved together (Ibid. and short forms
need the document's order), the formatter gives each citation its formatted HTML,
and the citation's inlines are replaced by the formatted ones. Everything else in
the note, and the whole body, passes through untouched. A citation that is not
recognized, or that runs across two paragraphs of a note, is kept as written and
reported on stderr.

Built on ``pandocfilters``: it walks pandoc's JSON as plain lists and dicts, so
the filter works with every pandoc whose AST it does not need to understand in
full (only inline elements of notes are rewritten), and it adds no dependency of
its own.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import pandocfilters as pf

from archcite.errors import ArchciteError
from archcite.model import Located, Note
from archcite.readers.textmap import TextBuilder
from archcite.rewrite.manuscript import Formatter, Kept, edits_for
from archcite.rewrite.rich import RichText

Node = dict[str, Any]
_QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}
# Inline containers: where their child inlines are in "c".
_CHILDREN: dict[str, Callable[[Any], list[Node]]] = {
    **dict.fromkeys(
        (
            "Emph",
            "Strong",
            "SmallCaps",
            "Strikeout",
            "Superscript",
            "Subscript",
            "Underline",
        ),
        lambda c: c,
    ),
    "Span": lambda c: c[1],
    "Link": lambda c: c[1],
    "Cite": lambda c: c[1],
}
_SPACES = ("Space", "SoftBreak", "LineBreak")
_TEXTUAL_BLOCKS = ("Para", "Plain")


class _Text:
    """A note's text built from its inlines, with where each character came from."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.extent: dict[int, tuple[int, int]] = {}
        #: text index -> the block it is in (None: the break between blocks)
        self.block: list[int | None] = []

    def put(self, text: str, block: int | None) -> None:
        self.chars.extend(text)
        self.block.extend([block] * len(text))

    def inlines(self, nodes: list[Node], block: int) -> None:
        for node in nodes:
            start = len(self.chars)
            t = node["t"]
            c: Any = node.get("c")
            if t == "Str":
                self.put(c, block)
            elif t in _SPACES:
                self.put(" ", block)
            elif t in ("Code", "Math"):
                self.put(c[1], block)
            elif t == "Quoted":
                left, right = _QUOTES.get(c[0]["t"], ("“", "”"))
                self.put(left, block)
                self.inlines(c[1], block)
                self.put(right, block)
            elif t in _CHILDREN:
                self.inlines(_CHILDREN[t](c), block)
            self.extent[id(node)] = (start, len(self.chars))


def _blocks(blocks: list[Node]) -> list[list[Node]]:
    """The inline lists of a note's paragraphs, in order (nested blocks too)."""
    out: list[list[Node]] = []
    for block in blocks:
        t, c = block["t"], block.get("c", [])
        if t in _TEXTUAL_BLOCKS:
            out.append(c)
        elif t == "BlockQuote":
            out.extend(_blocks(c))
        elif t == "Div":
            out.extend(_blocks(c[1]))
        elif t in ("BulletList", "OrderedList"):
            for item in c if t == "BulletList" else c[1]:
                out.extend(_blocks(item))
    return out


def _slice(nodes: list[Node], lo: int, hi: int, text: _Text) -> list[Node]:
    """The inlines standing for text ``[lo, hi)``; elements cut at the edges."""
    out: list[Node] = []
    for node in nodes:
        a, b = text.extent[id(node)]
        if b <= lo or a >= hi:
            if a == b and lo <= a < hi:
                out.append(node)  # an element without text (a raw inline, a note mark)
            continue
        if lo <= a and b <= hi:
            out.append(node)
            continue
        t, c = node["t"], node["c"]
        x, y = max(lo, a) - a, min(hi, b) - a
        if t == "Str":
            out.append(pf.Str(c[x:y]))
        elif t in ("Code", "Math"):
            out.append({"t": t, "c": [c[0], c[1][x:y]]})
        elif t == "Quoted":
            left, right = _QUOTES.get(c[0]["t"], ("“", "”"))
            if lo <= a:
                out.append(pf.Str(left))
            out.extend(_slice(c[1], lo, hi, text))
            if hi >= b:
                out.append(pf.Str(right))
        elif t in _CHILDREN:
            inner = _slice(_CHILDREN[t](c), lo, hi, text)
            copy = json.loads(json.dumps(node))
            _CHILDREN[t](copy["c"])[:] = inner
            out.append(copy)
    return out


def rich_inlines(text: RichText) -> list[Node]:
    """Pandoc inlines for rich text: words and spaces, emphasis as elements."""
    out: list[Node] = []
    for run in text.runs:
        words: list[Node] = []
        for n, word in enumerate(run.text.split(" ")):
            if n:
                words.append(pf.Space())
            if word:
                words.append(pf.Str(word))
        if run.small_caps:
            words = [pf.SmallCaps(words)]
        if run.bold:
            words = [pf.Strong(words)]
        if run.italic:
            words = [pf.Emph(words)]
        out.extend(words)
    return out


def _notes(doc: Node) -> list[list[Node]]:
    found: list[list[Node]] = []

    def collect(key: str, value: Any, fmt: str, meta: Any) -> None:
        if key == "Note":
            found.append(value)

    pf.walk(doc["blocks"], collect, "", doc.get("meta", {}))
    return found


def rewrite_document(
    doc: Node, formatter: Formatter, source: str = "<pandoc>"
) -> tuple[Node, list[Kept]]:
    """The pandoc document with every formatted citation in its notes replaced."""
    from archcite.pipeline import extract_notes

    bodies = _notes(doc)
    texts: list[_Text] = []
    notes: list[Note] = []
    for index, blocks in enumerate(bodies):
        text = _Text()
        for n, inlines in enumerate(_blocks(blocks)):
            if n:
                text.put(" ", None)
            text.inlines(inlines, n)
        builder = TextBuilder()
        builder.add("".join(text.chars), 1, 1)
        body, srcmap = builder.build()
        texts.append(text)
        notes.append(Note(source, str(index + 1), index, body, srcmap))
    located: Sequence[Located] = extract_notes(notes)
    edits, kept = edits_for(located, formatter(located))
    by_span = {(loc.note.index, loc.citation.start): loc for loc in located}
    per_note: dict[int, list[tuple[int, int, RichText]]] = {}
    for edit in edits:
        note, text = notes[edit.note], texts[edit.note]
        lo = note.srcmap.locate(edit.start)[1] - 1
        hi = note.srcmap.locate(edit.end - 1)[1]
        where = {text.block[k] for k in range(lo, hi)}
        if None in where or len(where) != 1:
            kept.append(
                Kept(by_span[(edit.note, edit.start)], "runs across paragraphs")
            )
            continue
        assert isinstance(edit.replacement, RichText)
        per_note.setdefault(edit.note, []).append((lo, hi, edit.replacement))
    for index, spans in per_note.items():
        text = texts[index]
        for inlines in _blocks(bodies[index]):
            if not inlines:
                continue
            start = text.extent[id(inlines[0])][0]
            end = text.extent[id(inlines[-1])][1]
            mine = sorted(s for s in spans if start <= s[0] and s[1] <= end)
            if not mine:
                continue
            new: list[Node] = []
            at = start
            for lo, hi, rich in mine:
                new.extend(_slice(inlines, at, lo, text))
                new.extend(rich_inlines(rich))
                at = hi
            new.extend(_slice(inlines, at, end, text))
            inlines[:] = new
    kept.sort(key=lambda k: k.located.index)
    return doc, kept


def _style(doc: Node) -> str | None:
    meta = doc.get("meta", {}).get("archcite-style")
    if not meta:
        return None
    if meta.get("t") == "MetaString":  # -M archcite-style=NAME
        return str(meta["c"]).strip() or None
    return pf.stringify(meta.get("c", [])).strip() or None  # YAML metadata


def default_formatter(style: str | None) -> Formatter:
    """archcite's own formatter (:mod:`archcite.render`) in ``style``."""
    from archcite.rewrite.formatter import formatter

    return formatter(style)


def main(formatter: Formatter | None = None) -> None:
    """Read pandoc's JSON on stdin, write the rewritten JSON on stdout."""
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
    try:
        doc = json.load(stdin)
        use = formatter or default_formatter(_style(doc))
        out, kept = rewrite_document(doc, use)
    except ArchciteError as exc:
        sys.stderr.write(f"archcite-pandoc: error: {exc}\n")
        sys.exit(exc.exit_code)
    except (ValueError, KeyError, TypeError) as exc:
        sys.stderr.write(
            f"archcite-pandoc: error: not a pandoc JSON document ({exc})\n"
        )
        sys.exit(2)
    for k in kept:
        sys.stderr.write(f"archcite-pandoc: warning: {k.describe('<pandoc>')}\n")
    sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    main()
