"""Output formats: one HTML rendering, converted to text, Markdown or LaTeX (G11).

citeproc-py renders into a *formatter module*; archcite always renders with
:data:`HTML`, which prints exactly citeproc-js's HTML — ``<i>``, ``<b>``,
``<sup>``, ``<sub>``, small capitals as ``<span style="font-variant:small-caps;">``,
and ``& < >`` as ``&#38; &#60; &#62;`` — then :func:`convert` turns that small
language into the format asked for. Every format therefore says the same
thing, and the ``text`` form is the HTML with its markup removed, as
citeproc-js's own ``text`` output is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import Literal

from archcite.export.latex_text import to_latex

Output = Literal["html", "text", "markdown", "latex"]
OUTPUTS: tuple[Output, ...] = ("html", "text", "markdown", "latex")

_ESCAPES = {"&": "&#38;", "<": "&#60;", ">": "&#62;"}


def escape(text: str) -> str:
    """Escape text for the HTML output, with citeproc-js's numeric entities.

    Numeric entities survive the case changes a style applies (``&amp;``
    would become ``&AMP;`` in upper case).
    """
    return "".join(_ESCAPES.get(ch, ch) for ch in str(text))


# -- markup inside field values ----------------------------------------------------

#: Markup citeproc-js reads inside field values, held as private-use characters
#: while a style renders (a case change cannot touch them), then printed.
_FIELD_TAGS = {
    "i": ("\ue010", "\ue011", "<i>", "</i>"),
    "b": ("\ue012", "\ue013", "<b>", "</b>"),
    "sup": ("\ue014", "\ue015", "<sup>", "</sup>"),
    "sub": ("\ue016", "\ue017", "<sub>", "</sub>"),
    "sc": (
        "\ue018",
        "\ue019",
        '<span style="font-variant:small-caps;">',
        "</span>",
    ),
}
FIELD_MARKS = "".join(o + c for o, c, _, _ in _FIELD_TAGS.values())
_FIELD_TAG = re.compile(
    r"<(/?)(i|b|sup|sub|sc)>|<span\s+style=\"font-variant:\s*small-caps;?\">(.*?)</span>",
    re.IGNORECASE | re.DOTALL,
)
_FIELD_OUT = {o: t for o, _, t, _ in _FIELD_TAGS.values()} | {
    c: t for _, c, _, t in _FIELD_TAGS.values()
}


def field_markup_in(text: str) -> str:
    """A field value's own markup (``<i>``, ``<b>``, small caps) as marks."""

    def mark(m: re.Match[str]) -> str:
        if m.group(3) is not None:
            o, c, _, _ = _FIELD_TAGS["sc"]
            return o + field_markup_in(m.group(3)) + c
        o, c, _, _ = _FIELD_TAGS[m.group(2).lower()]
        return c if m.group(1) else o

    return _FIELD_TAG.sub(mark, text)


def field_markup_out(text: str) -> str:
    """The marks of :func:`field_markup_in` as HTML."""
    if not any(ch in FIELD_MARKS for ch in text):
        return text
    return "".join(_FIELD_OUT.get(ch, ch) for ch in text)


def _tag(name: str, style: str | None = None) -> Callable[[str], str]:
    def wrap(text: str) -> str:
        if style is None:
            return f"<{name}>{text}</{name}>"
        return f'<{name} style="{style}">{text}</{name}>'

    return wrap


#: citeproc-py formatter module printing citeproc-js's HTML.
HTML = SimpleNamespace(
    preformat=escape,
    Italic=_tag("i"),
    Oblique=_tag("span", "font-style:oblique;"),
    Bold=_tag("b"),
    Light=_tag("span", "font-weight:lighter;"),
    Underline=_tag("span", "text-decoration:underline;"),
    Superscript=_tag("sup"),
    Subscript=_tag("sub"),
    SmallCaps=_tag("span", "font-variant:small-caps;"),
)

_TOKEN = re.compile(r"<(/?)(i|b|sup|sub|span)(?:\s+style=\"([^\"]*)\")?>")

_STYLES = {
    "font-variant:small-caps;": "sc",
    "text-decoration:underline;": "u",
    "font-style:oblique;": "i",
    "font-style:italic;": "i",
    "font-weight:bold;": "b",
    "font-style:normal;": "n",
    "font-weight:normal;": "n",
    "font-variant:normal;": "n",
    "font-weight:lighter;": "n",
}

_MARKDOWN = {
    "i": ("*", "*"),
    "b": ("**", "**"),
    "sup": ("^", "^"),
    "sub": ("~", "~"),
    "sc": ("[", "]{.smallcaps}"),
    "u": ("[", "]{.underline}"),
    "n": ("", ""),
}
_LATEX = {
    "i": (r"\emph{", "}"),
    "b": (r"\textbf{", "}"),
    "sup": (r"\textsuperscript{", "}"),
    "sub": (r"\textsubscript{", "}"),
    "sc": (r"\textsc{", "}"),
    "u": (r"\underline{", "}"),
    "n": (r"\textup{", "}"),
}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~^])")


def _markdown_text(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _latex_text(text: str) -> str:
    return to_latex(text)


def convert(markup: str, output: Output) -> str:
    """The HTML rendering ``markup`` in ``output`` (``html`` returns it unchanged)."""
    if output == "html":
        return markup
    table = {"markdown": _MARKDOWN, "latex": _LATEX}.get(output)
    text_of: Callable[[str], str] = {
        "markdown": _markdown_text,
        "latex": _latex_text,
    }.get(output, lambda t: t)
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(markup):
        out.append(text_of(html.unescape(markup[pos : m.start()])))
        pos = m.end()
        closing, tag, style = m.group(1), m.group(2), m.group(3)
        if closing:
            kind = stack.pop() if stack else tag
            if table:
                out.append(table[kind][1])
            continue
        kind = tag if tag != "span" else _STYLES.get(style or "", "n")
        stack.append(kind)
        if table:
            out.append(table[kind][0])
    out.append(text_of(html.unescape(markup[pos:])))
    return "".join(out)


def to_text(markup: str) -> str:
    """The HTML rendering without markup (citeproc-js's ``text`` output)."""
    return convert(markup, "text")
