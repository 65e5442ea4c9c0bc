"""Rich text: the formatted replacement of a citation span.

The formatter (:mod:`archcite.render`) writes HTML; the writers need runs of
text with their emphasis. :func:`from_html` reads the small HTML subset a CSL
processor produces (``<i>``, ``<em>``, ``<b>``, ``<strong>``, ``<span
style="font-variant:small-caps">``, ``font-style``/``font-weight`` spans that
CSL uses to flip emphasis back off, and ``<a>``, whose text is kept) and refuses
any other tag, so no formatting is dropped without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import ClassVar

from archcite.errors import ArchciteError


class RichTextError(ArchciteError):
    """The replacement HTML uses markup the writers cannot express."""


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one set of emphasis."""

    text: str
    italic: bool = False
    bold: bool = False
    small_caps: bool = False

    def same_style(self, other: Run) -> bool:
        return (self.italic, self.bold, self.small_caps) == (
            other.italic,
            other.bold,
            other.small_caps,
        )


@dataclass(frozen=True, slots=True)
class RichText:
    """Runs of text, adjacent runs of the same style merged, empty runs dropped."""

    runs: tuple[Run, ...] = ()

    @property
    def plain(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def formatted(self) -> bool:
        """True when any run carries emphasis."""
        return any(r.italic or r.bold or r.small_caps for r in self.runs)

    @classmethod
    def of(cls, runs: tuple[Run, ...] | list[Run]) -> RichText:
        """Normalize: merge neighbours of one style, drop empty runs."""
        out: list[Run] = []
        for run in runs:
            if not run.text:
                continue
            if out and out[-1].same_style(run):
                out[-1] = replace(out[-1], text=out[-1].text + run.text)
            else:
                out.append(run)
        return cls(tuple(out))


def plain(text: str) -> RichText:
    """Rich text without emphasis."""
    return RichText.of([Run(text)])


_STYLE = re.compile(r"\s*([a-z-]+)\s*:\s*([^;]+?)\s*(?:;|$)")


def _span_style(style: str) -> dict[str, bool]:
    """The emphasis a ``<span style>`` sets (CSL's HTML vocabulary only)."""
    flags: dict[str, bool] = {}
    for prop, value in _STYLE.findall(style):
        value = value.strip().lower()
        if prop == "font-variant" and value == "small-caps":
            flags["small_caps"] = True
        elif prop == "font-variant" and value == "normal":
            flags["small_caps"] = False
        elif prop == "font-style" and value in ("italic", "oblique"):
            flags["italic"] = True
        elif prop == "font-style" and value == "normal":
            flags["italic"] = False
        elif prop == "font-weight" and value in ("bold", "bolder", "700"):
            flags["bold"] = True
        elif prop == "font-weight" and value in ("normal", "400"):
            flags["bold"] = False
        else:
            raise RichTextError(f"unsupported style in replacement HTML: {style!r}")
    return flags


class _Parser(HTMLParser):
    _FLAGS: ClassVar[dict[str, dict[str, bool]]] = {
        "i": {"italic": True},
        "em": {"italic": True},
        "b": {"bold": True},
        "strong": {"bold": True},
        "a": {},
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self.stack: list[tuple[str, Run]] = []
        self.current = Run("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._FLAGS:
            flags = self._FLAGS[tag]
        elif tag == "span":
            flags = _span_style(dict(attrs).get("style") or "")
        else:
            raise RichTextError(f"unsupported tag <{tag}> in replacement HTML")
        self.stack.append((tag, self.current))
        cur = self.current
        self.current = Run(
            "",
            flags.get("italic", cur.italic),
            flags.get("bold", cur.bold),
            flags.get("small_caps", cur.small_caps),
        )

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            raise RichTextError(f"unbalanced </{tag}> in replacement HTML")
        self.current = self.stack.pop()[1]

    def handle_data(self, data: str) -> None:
        self.runs.append(replace(self.current, text=data))


def from_html(html: str) -> RichText:
    """Parse the formatter's HTML into rich text; raise on markup it cannot keep."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    if parser.stack:
        raise RichTextError(f"unclosed <{parser.stack[-1][0]}> in replacement HTML")
    return RichText.of(parser.runs)


def to_html(text: RichText) -> str:
    """The inverse of :func:`from_html` (for messages and tests)."""
    from html import escape

    out = []
    for run in text.runs:
        piece = escape(run.text, quote=False)
        if run.small_caps:
            piece = f'<span style="font-variant:small-caps">{piece}</span>'
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.italic:
            piece = f"<i>{piece}</i>"
        out.append(piece)
    return "".join(out)
