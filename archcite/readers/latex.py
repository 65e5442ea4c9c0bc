"""LaTeX reader: ``\\footnote``, ``\\footnotetext`` and ``\\endnote``.

Labels follow LaTeX's own counter: each ``\\footnote{…}`` and ``\\footnotemark``
steps it; ``\\footnote[7]{…}`` and ``\\footnotemark[7]`` use 7 without stepping;
``\\footnotetext{…}`` takes the current value (``\\footnotetext[7]`` takes 7);
``\\setcounter{footnote}{n}`` and ``\\addtocounter{footnote}{n}`` are honoured.
``\\endnote{…}`` (endnotes package) has its own counter. Only the document body
(after ``\\begin{document}``, when present) is scanned, so macro definitions in
the preamble are not mistaken for notes; comments, ``\\verb`` and verbatim-like
environments are skipped. Labels are arabic: a redefined ``\\thefootnote`` is
not interpreted.

The text is what the typeset note shows: formatting commands (``\\emph``,
``\\textit``, ``{\\em …}``) disappear and keep their content; ``\\& \\% \\$ \\#
\\_ \\{ \\}`` are the characters; ``--``/``---`` are en/em dashes; ``~`` and
``\\\\`` are spaces; ````…''`` and ```…'`` are curly quotes, so a lone ``'`` is
the apostrophe ``’`` as LaTeX prints it; straight ``"`` is kept; accents such as
``\\'e`` and ``\\=o`` become ``é`` and ``ō``; ``%`` comments (with the line end and
the next line's indentation, as TeX does) are removed. ``\\href{url}{text}`` keeps
the text, ``\\url{…}`` the address; ``\\label``, ``\\index``, ``\\cite``,
``\\ref`` and similar commands are dropped with their arguments. As in TeX, the
spaces after a control word are skipped (``\\ldots and`` → ``…and``).

``line``/``column`` are the 1-based line and column of each character in the
``.tex`` file; a character made by a command (``\\&``, ``--``, ``\\'e``) maps to
the start of that command.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from archcite.errors import InputError
from archcite.model import Note
from archcite.readers import Reader, Source, decode_utf8
from archcite.readers.textmap import LineIndex, TextBuilder

_SCAN = re.compile(r"[\\%]")
_WORD = re.compile(r"[A-Za-z@]+\*?")
_VERBATIM = re.compile(r"\\begin\{(verbatim\*?|Verbatim|lstlisting|minted|comment)\}")

_SYMBOLS = {
    "ldots": "…", "dots": "…", "textellipsis": "…", "S": "§", "P": "¶",
    "dag": "†", "ddag": "‡", "textdagger": "†", "textdaggerdbl": "‡",
    "textendash": "–", "textemdash": "—", "textquoteleft": "‘",
    "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
    "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^",
    "textbar": "|", "textless": "<", "textgreater": ">", "textbullet": "•",
    "textsection": "§", "textparagraph": "¶", "copyright": "©",
    "textcopyright": "©", "textregistered": "®", "textdegree": "°",
    "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø",
    "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
    "guillemotleft": "«", "guillemotright": "»", "TeX": "TeX", "LaTeX": "LaTeX",
    "par": " ", "newline": " ", "linebreak": " ", "quad": " ", "qquad": " ",
    "enspace": " ", "thinspace": " ", "space": " ",
}  # fmt: skip
#: Commands dropped together with their arguments (optional and one braced).
_DROP = frozenset(
    [
        "label",
        "index",
        "cite",
        "citep",
        "citet",
        "citealt",
        "autocite",
        "parencite",
        "textcite",
        "footcite",
        "nocite",
        "ref",
        "pageref",
        "eqref",
        "cref",
        "Cref",
        "vref",
        "autoref",
        "hspace",
        "vspace",
        "hspace*",
        "vspace*",
        "marginpar",
        "footnotemark",
        "glossary",
        "includegraphics",
        "phantom",
        "hphantom",
        "vphantom",
        "setlength",
        "addvspace",
    ]
)
_VERBATIM_ARG = frozenset({"url", "nolinkurl", "path"})
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
    "c": "\u0327", "k": "\u0328", "r": "\u030a", "d": "\u0323", "b": "\u0331",
}  # fmt: skip
_ESCAPES = frozenset("&%$#_{}")


class _Tex:
    """One LaTeX file: brace matching and conversion to note text."""

    def __init__(self, src: str, name: str) -> None:
        self.src = src
        self.name = name
        self.index = LineIndex(src)

    def where(self, i: int) -> str:
        line, col = self.index.locate(i)
        return f"line {line}, column {col}"

    def comment_end(self, i: int) -> int:
        """Index after a ``%`` comment: its line end and the next indentation."""
        src = self.src
        nl = src.find("\n", i)
        if nl == -1:
            return len(src)
        j = nl + 1
        while j < len(src) and src[j] in " \t":
            j += 1
        return j

    def group_end(self, i: int, what: str) -> int:
        """Index of the ``}`` that closes the ``{`` at ``i``."""
        src = self.src
        depth = 0
        while i < len(src):
            ch = src[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "%":
                i = self.comment_end(i)
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    return i
            i += 1
        raise InputError(f"unbalanced braces: {what} is never closed", self.name)

    def skip_space(self, i: int, hi: int) -> int:
        src = self.src
        while i < hi:
            if src[i] in " \t\n":
                i += 1
            elif src[i] == "%":
                i = self.comment_end(i)
            else:
                break
        return i

    def optional(self, i: int, hi: int) -> tuple[str | None, int]:
        """An optional ``[…]`` argument at ``i``: its text and the index after it."""
        j = self.skip_space(i, hi)
        if j < hi and self.src[j] == "[":
            close = self.src.find("]", j, hi)
            if close != -1:
                return self.src[j + 1 : close], close + 1
        return None, i

    def required(self, i: int, hi: int, what: str) -> tuple[int, int] | None:
        """The span inside a braced argument at ``i`` (spaces skipped), or None."""
        j = self.skip_space(i, hi)
        if j < hi and self.src[j] == "{":
            end = self.group_end(j, what)
            return j + 1, end
        return None

    def put(self, out: TextBuilder, text: str, i: int) -> None:
        out.add_at(text, *self.index.locate(i))

    def convert(self, lo: int, hi: int, out: TextBuilder) -> None:
        """Append the typeset text of ``src[lo:hi]`` to ``out``."""
        src = self.src
        i = lo
        while i < hi:
            ch = src[i]
            if ch == "%":
                i = self.comment_end(i)
            elif ch in "{}$":
                i += 1
            elif ch == "~":
                self.put(out, " ", i)
                i += 1
            elif ch == "-":
                n = (
                    3
                    if src.startswith("---", i)
                    else 2
                    if src.startswith("--", i)
                    else 1
                )
                self.put(out, {1: "-", 2: "–", 3: "—"}[n], i)
                i += n
            elif ch in "`'":
                double = src.startswith(ch * 2, i)
                glyph = {"`": "‘“", "'": "’”"}[ch][double]
                self.put(out, glyph, i)
                i += 2 if double else 1
            elif ch == "\\":
                i = self.command(i, hi, out)
            else:
                nxt = _SCAN.search(src, i, hi)
                stop = hi if nxt is None else nxt.start()
                # Plain text up to the next character that needs attention.
                j = i
                while j < stop and src[j] not in "{}$~-`'":
                    j += 1
                j = max(j, i + 1)
                out.add(src[i:j], *self.index.locate(i))
                i = j

    def command(self, i: int, hi: int, out: TextBuilder) -> int:
        """Convert the control sequence at ``i``; return the index after it."""
        src = self.src
        if i + 1 >= hi:
            return hi
        nxt = src[i + 1]
        if nxt in _ESCAPES:
            self.put(out, nxt, i)
            return i + 2
        if nxt == "\\":
            self.put(out, " ", i)
            j = i + 2
            j = j + 1 if src.startswith("*", j) else j
            return self.optional(j, hi)[1]
        if nxt in " \t\n,;:>":
            self.put(out, " ", i)
            return i + 2
        if nxt in "!/@-()[]":
            return i + 2
        m = _WORD.match(src, i + 1, hi)
        if nxt in _ACCENTS and not nxt.isalpha():
            return self.accent(i, nxt, i + 2, hi, out)
        if m is None:
            self.put(out, nxt, i)
            return i + 2
        name, j = m.group(), m.end()
        if name in _SYMBOLS:
            self.put(out, _SYMBOLS[name], i)
            return self.skip_space(j, hi)
        if name in _DROP:
            _, j = self.optional(j, hi)
            _, j = self.optional(j, hi)
            span = self.required(j, hi, f"\\{name} at {self.where(i)}")
            return span[1] + 1 if span else j
        if name in _VERBATIM_ARG or name == "href" or name == "enquote":
            span = self.required(j, hi, f"\\{name} at {self.where(i)}")
            if span is None:
                return j
            if name == "href":
                text = self.required(span[1] + 1, hi, f"\\href at {self.where(i)}")
                if text is None:
                    return span[1] + 1
                self.convert(text[0], text[1], out)
                return text[1] + 1
            if name == "enquote":
                self.put(out, "“", i)
                self.convert(span[0], span[1], out)
                self.put(out, "”", span[1])
            else:
                out.add(src[span[0] : span[1]], *self.index.locate(span[0]))
            return span[1] + 1
        if name in _ACCENTS:
            return self.accent(i, name, self.skip_space(j, hi), hi, out)
        # Any other command (\emph, \textit, \em, \small …): drop the name and
        # typeset its arguments as ordinary text.
        return self.skip_space(j, hi)

    def accent(self, i: int, mark: str, j: int, hi: int, out: TextBuilder) -> int:
        src = self.src
        if j < hi and src[j] == "{":
            end = self.group_end(j, f"accent at {self.where(i)}")
            base = src[j + 1 : end].strip()
            j = end + 1
        elif j < hi:
            base = src[j]
            j += 1
        else:
            return j
        base = {"\\i": "ı", "\\j": "ȷ"}.get(base, base)
        if base == "ı":
            base = "i"  # the dotless i exists only to carry an accent
        self.put(out, unicodedata.normalize("NFC", base + _ACCENTS[mark]), i)
        return j


def _body_start(src: str) -> int:
    at = src.find("\\begin{document}")
    return 0 if at == -1 else at + len("\\begin{document}")


def read_latex(source: Source) -> Iterator[Note]:
    """Yield the footnotes and endnotes of a LaTeX document in source order."""
    src = decode_utf8(source.read_bytes(), source.name)
    tex = _Tex(src, source.name)
    counters = {"footnote": 0, "endnote": 0}
    index = 0
    i = _body_start(src)
    while True:
        m = _SCAN.search(src, i)
        if m is None:
            return
        i = m.start()
        if src[i] == "%":
            i = tex.comment_end(i)
            continue
        word = _WORD.match(src, i + 1)
        if word is None:
            i += 2
            continue
        name, j = word.group(), word.end()
        if name == "verb" or name == "verb*":
            close = src.find(src[j], j + 1) if j < len(src) else -1
            i = close + 1 if close != -1 else j
            continue
        if name == "begin":
            verb = _VERBATIM.match(src, i)
            if verb:
                end = src.find(f"\\end{{{verb.group(1)}}}", verb.end())
                i = end + 1 if end != -1 else len(src)
                continue
        if name in ("setcounter", "addtocounter"):
            counter = tex.required(j, len(src), f"\\{name} at {tex.where(i)}")
            value = tex.required(counter[1] + 1, len(src), name) if counter else None
            if counter and value and src[counter[0] : counter[1]] in counters:
                key = src[counter[0] : counter[1]]
                try:
                    n = int(src[value[0] : value[1]].strip())
                except ValueError:
                    n = 0
                counters[key] = n if name == "setcounter" else counters[key] + n
                i = value[1] + 1
                continue
        if name not in ("footnote", "footnotetext", "footnotemark", "endnote"):
            i = j
            continue
        kind = "endnote" if name == "endnote" else "footnote"
        given, j = tex.optional(j, len(src))
        if given is None and name != "footnotetext":
            counters[kind] += 1
        if name == "footnotemark":
            i = j
            continue
        span = tex.required(j, len(src), f"\\{name} at {tex.where(i)}")
        if span is None:
            i = j
            continue
        label = given.strip() if given is not None else str(counters[kind])
        builder = TextBuilder(origin=tex.index.locate(i))
        tex.convert(span[0], span[1], builder)
        text, srcmap = builder.build()
        yield Note(
            source=source.name,
            label=label,
            index=index,
            text=text,
            srcmap=srcmap,
            note_type=kind,
        )
        index += 1
        i = span[1] + 1


#: This format as a plugin (entry point group ``archcite.readers``).
reader = Reader(read_latex, "LaTeX \\footnote, \\footnotetext, \\endnote", order=30)
