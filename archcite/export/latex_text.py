"""Plain text <-> the LaTeX that goes into a BibTeX field value.

pybtex's BibTeX writer runs every value through latexcodec, which escapes
``& % # _`` but also turns the ``~`` of ``\\~n`` into ``\\textasciitilde``, and
passes braces, ``$`` and ``\\`` through; its parser returns values as raw LaTeX.
archcite's data is plain text, so archcite writes with :class:`LatexWriter`
(pybtex's writer without that second encoding) and these two functions make
the round trip exact:

- ``to_latex`` escapes every TeX special (a literal brace becomes
  ``\\textbraceleft{}``, since BibTeX counts even ``\\{``), breaks TeX
  ligatures that would change the text (``--`` would print an en dash, so a
  literal double hyphen becomes ``-{}-``) and, for the ASCII flavour, spells
  accents, en dashes and curly quotes as TeX commands.
- ``from_latex`` undoes both, and also decodes what other tools write
  (``\\'e``, ``--``, ````q''``).
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import latexcodec  # noqa: F401  (registers the "ulatex" codec)
from pybtex.database.output.bibtex import Writer


class LatexWriter(Writer):  # type: ignore[misc]
    """pybtex's BibTeX writer for values that are LaTeX already."""

    def _encode(self, text: str) -> str:
        return text


# Characters that become TeX commands, in both flavours. Each is swapped for a
# private-use placeholder while latexcodec runs, so it cannot be re-encoded.
_COMMANDS = {
    "\\": r"\textbackslash{}",
    # BibTeX counts even escaped braces, so "\{" would unbalance a field.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "$": r"\$",
    "^": r"\^{}",
    "~": r"\textasciitilde{}",
    "`": r"\textasciigrave{}",
}
_ESCAPED = {ch: "\\" + ch for ch in "&%#_"}
#: Spelled as commands in ASCII output only (UTF-8 output keeps the character).
_ASCII_COMMANDS = {
    "‘": r"\textquoteleft{}",
    "’": r"\textquoteright{}",
    "“": r"\textquotedblleft{}",
    "”": r"\textquotedblright{}",
    # Commands rather than "--"/"---": next to a hyphen those would merge.
    "–": r"\textendash{}",
    "—": r"\textemdash{}",
    # Zotero's BibTeX importer reads "{\ldots}" as "\l" (ł) + "dots".
    "…": r"\textellipsis{}",
}
_LIGATURES = re.compile(r"-(?=-)|'(?=')|,(?=,)|<(?=<)|>(?=>)")
_PUA = 0xE000
_EN_DASH_MARK = "\uf8ff"
_LONE_EN_DASH = re.compile(r"(?<![-–—])–(?![-–—])")
_CONTROL_SPACE = re.compile(r"(\\[A-Za-z]+)\\ ")


def to_latex(text: str, ascii_only: bool = False, for_pybtex: bool = False) -> str:
    """The LaTeX for plain ``text``, for :class:`LatexWriter`.

    ``for_pybtex`` leaves ``& % # _ ~`` alone for pybtex's own writer, which
    escapes them itself (what a pybtex input plugin must produce).
    """
    table: dict[str, str] = dict(_COMMANDS)
    if for_pybtex:
        del table["~"]
    else:
        table.update(_ESCAPED)
    if ascii_only:
        table.update(_ASCII_COMMANDS)
    specials = {ch: chr(_PUA + i) for i, ch in enumerate(table)}
    back = {chr(_PUA + i): cmd for i, cmd in enumerate(table.values())}
    brace = chr(_PUA + len(table))
    back[brace] = "{}"
    if ascii_only:
        # The usual "--" where no hyphen is adjacent to merge with it.
        text = _LONE_EN_DASH.sub(_EN_DASH_MARK, text)
    protected = "".join(specials.get(ch, ch) for ch in text)
    protected = _LIGATURES.sub(lambda m: m.group(0) + brace, protected)
    if ascii_only:
        # "keep" leaves characters latexcodec cannot spell (CJK) as UTF-8.
        encoder: Any = codecs.getencoder("ulatex+ascii")
        protected = encoder(protected, "keep")[0]
        # "\ss\ " (command, control space) loses its space when BibTeX trims
        # a value's end; "{\ss} " means the same and survives.
        protected = _CONTROL_SPACE.sub(r"{\1} ", protected)
    out = "".join(back.get(ch, ch) for ch in protected)
    return out.replace(_EN_DASH_MARK, "--")


# Longest first so "\textbackslash{}" wins over "\t…"; each maps to its text.
_DECODE = {
    r"\textbackslash{}": "\\",
    r"\textbackslash": "\\",
    r"\textasciitilde{}": "~",
    r"\textasciigrave{}": "`",
    r"\textquoteleft{}": "‘",
    r"\textquoteright{}": "’",
    r"\textquotedblleft{}": "“",
    r"\textquotedblright{}": "”",
    r"\textendash{}": "–",
    r"\textemdash{}": "—",
    r"\textellipsis{}": "…",
    r"\^{}": "^",
    r"\textbraceleft{}": "{",
    r"\textbraceright{}": "}",
    r"\{": "{",
    r"\}": "}",
    r"\$": "$",
    r"\&": "&",
    r"\%": "%",
    r"\#": "#",
    r"\_": "_",
}
_DECODE_RE = re.compile(
    "|".join(re.escape(k) for k in sorted(_DECODE, key=len, reverse=True))
)
_BRACES = re.compile(r"[{}]")


def _decode(text: str) -> str:
    # latexcodec's "ulatex" codec decodes str to str; typeshed only knows bytes.
    decoder: Any = codecs.getdecoder("ulatex")
    try:
        out: str = decoder(text)[0]
    except (UnicodeError, ValueError):
        out = decoder(text, "ignore")[0]
    return out


def from_latex(value: str) -> str:
    """Plain text for a field value as pybtex's parser returns it."""
    slots: list[str] = []

    def stash(m: re.Match[str]) -> str:
        slots.append(_DECODE[m.group(0)])
        return chr(_PUA + len(slots) - 1)

    if len(value) > 5000 or any(_PUA <= ord(c) < _PUA + 5000 for c in value):
        # Very long or placeholder-clashing values skip the placeholder trick.
        return _BRACES.sub("", _decode(value))
    text = _DECODE_RE.sub(stash, value)
    text = _decode(text)
    text = _BRACES.sub("", text)
    return "".join(
        slots[ord(c) - _PUA] if _PUA <= ord(c) < _PUA + len(slots) else c for c in text
    )


__all__ = ["LatexWriter", "from_latex", "to_latex"]
