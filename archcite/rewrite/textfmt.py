"""Writers for the text formats: plain text, Markdown, LaTeX.

The reader's source map gives the file line/column where each character of a
note's text starts; whitespace the reader collapsed and markup it removed map
to nothing. A span of note text ``[s, e)`` becomes the file range from the
first character's source to just after the last one's, widened over the markup
that touches it (``*`` or ``\\emph{`` before a title, ``}`` or ``](url)`` after),
as long as the brackets inside the range stay balanced, so an emphasis that the
citation begins with is replaced with it and a note's own braces never are.
Strategies, tried in turn for a note whose rewrite does not read back right:
widen both sides, widen after only, widen nothing.

Bytes outside the replaced ranges are kept exactly: a byte-order mark, ``\\r\\n``
line ends, indentation of note continuation lines. A plain-text fix whose range
runs across a line end keeps it: the replacement's spaces take the range's line
breaks (with their indentation) at the nearest places, and an edit with too few
spaces to hold them is widened to the whole edit, else refused; a fix never
joins two lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from archcite.model import Note
from archcite.rewrite import Edit, Refusal, Writer, register
from archcite.rewrite.rich import RichText, Run

_NEWLINE = re.compile(r"\r\n|\r|\n")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")
_PAIRS = {"]": "[", ")": "(", "}": "{"}


@dataclass(frozen=True, slots=True)
class _Syntax:
    """What one text format needs to place and write a replacement."""

    name: str
    #: brackets whose balance a replaced range must keep
    brackets: str
    #: characters that may be absorbed before a span, and after it
    widen_before: Callable[[str], bool]
    widen_after: Callable[[str], bool]
    render: Callable[[RichText], str]
    escape: Callable[[str], str]
    reads_as: Callable[[str], str]
    #: marks of a paragraph break that a replaced range must not contain
    paragraph: re.Pattern[str]


class _Unsafe(Exception):
    pass


def _line_starts(raw: str) -> list[int]:
    return [0, *(m.end() for m in _NEWLINE.finditer(raw))]


def _offsets(note: Note, starts: list[int]) -> list[int]:
    """The file offset of every character of the note's text."""
    out = []
    for k in range(len(note.text)):
        line, col = note.srcmap.locate(k)
        out.append(starts[line - 1] + col - 1)
    return out


def _escaped(raw: str, i: int) -> bool:
    n = 0
    while i - n - 1 >= 0 and raw[i - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _balance(
    raw: str,
    lo: int,
    hi: int,
    core: tuple[int, int],
    note: tuple[int, int],
    mapped: set[int],
    pairs: str,
) -> tuple[int, int]:
    """Shrink the widened range ``[lo, hi)`` back until its markup brackets pair,
    and never take a pair that encloses the whole note (``\\footnote{…}``, ``^[…]``).
    """
    while True:
        stack: list[int] = []
        matched: list[tuple[int, int]] = []
        closer: int | None = None
        for i in range(lo, hi):
            ch = raw[i]
            if ch not in pairs or i in mapped or _escaped(raw, i):
                continue
            if ch in _PAIRS.values():
                stack.append(i)
            elif stack and raw[stack[-1]] == _PAIRS[ch]:
                matched.append((stack.pop(), i))
            else:
                closer = i
                break
        if closer is not None:
            if closer < core[1]:
                raise _Unsafe("the citation ends a group of markup it does not open")
            hi = closer
            continue
        if stack:
            opener = stack[-1]
            if opener >= core[0]:
                raise _Unsafe("the citation opens a group of markup it does not end")
            lo = opener + 1
            continue
        around = [(o, c) for o, c in matched if o < note[0] and c >= note[1]]
        if around:
            lo, hi = max(lo, max(o for o, _ in around) + 1), min(c for _, c in around)
            continue
        return lo, hi


def _place(
    raw: str,
    offsets: list[int],
    mapped: set[int],
    start: int,
    end: int,
    syntax: _Syntax,
    strategy: int,
) -> tuple[int, int]:
    """The file range that stands for note text ``[start, end)``."""
    if start == end:
        # An insertion goes where the next character starts (or after the last).
        at = offsets[start] if start < len(offsets) else offsets[-1] + 1
        return at, at
    lo, hi = offsets[start], offsets[end - 1] + 1
    core = (lo, hi)
    if strategy == 0:
        while lo > 0 and lo - 1 not in mapped and syntax.widen_before(raw[lo - 1]):
            lo -= 1
    if strategy <= 1:
        while hi < len(raw) and hi not in mapped and syntax.widen_after(raw[hi]):
            hi += 1
    note = (offsets[0], offsets[-1] + 1)
    lo, hi = _balance(raw, lo, hi, core, note, mapped, syntax.brackets)
    if syntax.paragraph.search(raw[lo:hi].replace("\r\n", "\n").replace("\r", "\n")):
        raise _Unsafe("the citation runs across a paragraph break")
    return lo, hi


def narrow(note: Note, edit: Edit) -> tuple[int, int, str | RichText]:
    """A plain-text fix touches only the characters that differ."""
    new = edit.replacement
    if not isinstance(new, str):
        return edit.start, edit.end, new
    old = note.text[edit.start : edit.end]
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return edit.start + head, edit.end - tail, new[head : len(new) - tail]


_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def _keep_breaks(replaced: str, text: str) -> str | None:
    """``text`` with the line breaks of the ``replaced`` source range put in the
    place of its spaces: after the word a break followed, else nearest to where
    it stood; ``None`` if ``text`` has too few spaces."""
    breaks = list(_BREAK.finditer(replaced))
    if not breaks:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if len(spaces) < len(breaks):
        return None
    chosen: list[int] = []
    for k, brk in enumerate(breaks):
        where = brk.start() / len(replaced) * len(text)
        # leave a space for each break still to place, and take none twice
        first = chosen[-1] + 1 if chosen else 0
        last = len(spaces) - (len(breaks) - k)
        # a space after the word the break followed, else the nearest one
        word = re.search(r"\S*$", replaced[: brk.start()])
        after = word.group() if word else ""

        def cost(
            j: int, after: str = after, where: float = where
        ) -> tuple[bool, float]:
            same = bool(after) and text[: spaces[j]].endswith(after)
            return not same, abs(spaces[j] - where)

        pick = min(range(first, last + 1), key=cost)
        chosen.append(pick)
    out = list(text)
    for brk, j in zip(breaks, chosen, strict=True):
        out[spaces[j]] = brk.group()
    return "".join(out)


def _span(
    raw: str,
    offsets: list[int],
    mapped: set[int],
    note: Note,
    edit: Edit,
    syntax: _Syntax,
    strategy: dict[int, int],
) -> tuple[int, int, str]:
    """The file range an edit replaces and the text that goes there."""
    # The narrowed edit first; the whole one when the narrowed replacement has
    # too few spaces to keep the line breaks of the range it replaces.
    for s, e, new in (narrow(note, edit), (edit.start, edit.end, edit.replacement)):
        lo, hi = _place(raw, offsets, mapped, s, e, syntax, strategy.get(note.index, 0))
        if not isinstance(new, str):
            # A formatted citation replaces the whole span, its layout included.
            return lo, hi, syntax.render(new)
        kept = _keep_breaks(raw[lo:hi], syntax.escape(_SPACES.sub(" ", new)))
        if kept is not None:
            return lo, hi, kept
    raise _Unsafe("the replacement would join lines of the file")


def _write(syntax: _Syntax) -> Callable[..., tuple[bytes, list[Refusal]]]:
    def write(
        data: bytes,
        notes: Sequence[Note],
        grouped: dict[int, list[Edit]],
        name: str,
        strategy: dict[int, int],
    ) -> tuple[bytes, list[Refusal]]:
        bom = data.startswith(b"\xef\xbb\xbf")
        raw = data.decode("utf-8-sig")
        starts = _line_starts(raw)
        spans: list[tuple[int, int, str]] = []
        refused: list[Refusal] = []
        for note in notes:
            edits = grouped.get(note.index)
            if not edits:
                continue
            offsets = _offsets(note, starts)
            mapped = set(offsets)
            for edit in edits:
                try:
                    spans.append(
                        _span(raw, offsets, mapped, note, edit, syntax, strategy)
                    )
                except _Unsafe as exc:
                    refused.append(Refusal(edit, str(exc)))
        out: list[str] = []
        at = 0
        for lo, hi, text in sorted(spans):
            out.append(raw[at:lo])
            out.append(text)
            at = hi
        out.append(raw[at:])
        body = "".join(out).encode("utf-8")
        return (b"\xef\xbb\xbf" + body if bom else body), refused

    return write


def _styled(
    text: RichText, wrap: Callable[[Run, str], str], esc: Callable[[str], str]
) -> str:
    """Each run escaped and wrapped; spaces at a run's edges stay outside its marks."""
    out = []
    for run in text.runs:
        body = _SPACES.sub(" ", run.text)
        core = body.strip(" ")
        if not core:
            out.append(esc(body))
            continue
        lead = body[: len(body) - len(body.lstrip(" "))]
        trail = body[len(body.rstrip(" ")) :]
        out.append(esc(lead) + wrap(run, esc(core)) + esc(trail))
    return "".join(out)


# -- plain text -------------------------------------------------------------


def _plain_render(text: RichText) -> str:
    return _SPACES.sub(" ", text.plain)


def _identity(text: str) -> str:
    return text


TEXT = _Syntax(
    name="text",
    brackets="",
    widen_before=lambda ch: False,
    widen_after=lambda ch: False,
    render=_plain_render,
    escape=_identity,
    reads_as=_identity,
    paragraph=_BLANK_LINE,
)

# -- Markdown ---------------------------------------------------------------

# Characters pandoc's Markdown may read as markup when they stand in text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>$^~@])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_wrap(run: Run, body: str) -> str:
    if run.small_caps:
        body = f"[{body}]{{.smallcaps}}"
    if run.bold:
        body = f"**{body}**"
    if run.italic:
        body = f"*{body}*"
    return body


MARKDOWN = _Syntax(
    name="markdown",
    brackets="[]()",
    widen_before=lambda ch: ch in "*_[`\\<!",
    widen_after=lambda ch: not ch.isspace(),
    render=lambda t: _styled(t, _md_wrap, _md_escape),
    escape=_md_escape,
    reads_as=_identity,
    paragraph=_BLANK_LINE,
)

# -- LaTeX ------------------------------------------------------------------

_TEX_CHARS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "–": "--",
    "—": "---",
    "“": "``",
    "”": "''",
    "‘": "`",
    "’": "'",
    "'": "'",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}
_TEX_SPECIAL = re.compile("|".join(re.escape(k) for k in _TEX_CHARS) + "|-(?=-)")


def _tex_escape(text: str) -> str:
    return _TEX_SPECIAL.sub(lambda m: _TEX_CHARS.get(m.group(), "-{}"), text)


def _tex_reads_as(text: str) -> str:
    # LaTeX prints a straight apostrophe as a right quote, a backquote as a left one.
    return text.replace("'", "’").replace("`", "‘")


def _tex_wrap(run: Run, body: str) -> str:
    if run.small_caps:
        body = f"\\textsc{{{body}}}"
    if run.bold:
        body = f"\\textbf{{{body}}}"
    if run.italic:
        body = f"\\emph{{{body}}}"
    return body


LATEX = _Syntax(
    name="latex",
    brackets="{}",
    # Before a span: a command and its brace (``\\emph{``); after it: the rest
    # of a command whose character the span ends with, and closing braces.
    widen_before=lambda ch: ch.isalpha() or ch in "\\{*",
    widen_after=lambda ch: not ch.isspace() and ch not in "\\%",
    render=lambda t: _styled(t, _tex_wrap, _tex_escape),
    escape=_tex_escape,
    reads_as=_tex_reads_as,
    paragraph=re.compile(r"\n[ \t]*\n|\\par\b"),
)

for _syntax, _rounds in ((TEXT, 1), (MARKDOWN, 3), (LATEX, 3)):
    register(Writer(_syntax.name, _write(_syntax), _syntax.reads_as, _rounds))
