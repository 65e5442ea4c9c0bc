"""LaTeX reader: footnote numbering as LaTeX does it, text as typeset, exact maps."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archcite.errors import InputError
from archcite.model import Note
from archcite.readers import Source, open_source, read

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def notes_of(body: str, preamble: str = "") -> list[Note]:
    src = f"\\documentclass{{article}}\n{preamble}\\begin{{document}}\n{body}\n\\end{{document}}\n"
    return list(read(Source("t.tex", None, src.encode("utf-8")), "latex"))


def texts(body: str) -> list[str]:
    return [n.text for n in notes_of(body)]


def test_manuscript_notes() -> None:
    path = SAMPLES / "manuscript.tex"
    notes = list(read(open_source(str(path))))
    assert [n.label for n in notes] == [str(i) for i in range(1, 14)]
    # nested braces, \emph, -- and ~ in note 1
    assert notes[0].text == (
        "Foreign Relations of the United States, 1961–1963, vol. VI, "
        "Kennedy-Khrushchev Exchanges, Document 35."
    )
    # ``…'' quotes become curly quotes
    assert "folder “USSR, General, 2/62,” box 180" in notes[1].text
    # \$ and a % comment in the middle of note 9
    assert "at $10 million; see David E. Bell" in notes[8].text
    lines = path.read_text(encoding="utf-8").split("\n")
    k = notes[3].text.index("Box 334")
    line, col = notes[3].srcmap.locate(k)
    assert (line, col) == (43, 64)
    assert lines[line - 1][col - 1 : col + 6] == "Box 334"
    # Every letter and digit of every note sits at its mapped place.
    for note in notes:
        for k, ch in enumerate(note.text):
            if ch.isalnum():
                line, col = note.srcmap.locate(k)
                assert lines[line - 1][col - 1] == ch, (note.label, k)


def test_nested_braces_and_formatting() -> None:
    body = (
        r"Text.\footnote{See \emph{Foreign Relations, {1961--1963}, vol.~{VI, "
        r"{\itshape Kennedy-Khrushchev}}}, \textit{doc.} \textbf{35}.}"
    )
    assert texts(body) == [
        "See Foreign Relations, 1961–1963, vol. VI, Kennedy-Khrushchev, doc. 35."
    ]


def test_escapes_dashes_quotes_and_spaces() -> None:
    body = (
        r"X\footnote{Rusk \& Bundy, 100\% sure, \$5, \#3, file\_name, \{x\}, "
        r"1961--63---so ``quoted'' and `single' Rusk's, a~b, c\\d, e\ f.}"
    )
    assert texts(body) == [
        "Rusk & Bundy, 100% sure, $5, #3, file_name, {x}, 1961–63—so “quoted” and "
        "‘single’ Rusk’s, a b, c d, e f."
    ]


def test_comments_are_removed() -> None:
    body = "X\\footnote{Box 12,% a comment } with { braces\n     folder 3. % end\n}"
    assert texts(body) == ["Box 12,folder 3."]


def test_accents_and_symbols() -> None:
    body = (
        r"X\footnote{Caf\'e, \"{u}ber, Sat\=o Eisaku, \c{c}a, \v{S}, \ldots\ and \S 3.}"
    )
    assert texts(body) == ["Café, über, Satō Eisaku, ça, Š, … and §3."]


def test_links_urls_and_dropped_commands() -> None:
    body = (
        r"X\footnote{See \href{https://history.state.gov}{the FRUS site},"
        r" \url{https://x.org/a_b}, item\label{fn:x}\index{Rusk} \cite[p.~3]{key}.}"
    )
    assert texts(body) == ["See the FRUS site, https://x.org/a_b, item ."]


def test_counter_follows_latex() -> None:
    body = (
        r"a\footnote{one} b\footnote[7]{seven} c\footnote{two} d\footnotemark "
        r"\footnotetext{three} e\footnotemark[9]\footnotetext[9]{nine} "
        r"\setcounter{footnote}{20}f\footnote{twenty-one}"
        r"\addtocounter{footnote}{-5}g\footnote{seventeen}"
    )
    assert [(n.label, n.text) for n in notes_of(body)] == [
        ("1", "one"),
        ("7", "seven"),
        ("2", "two"),
        ("3", "three"),
        ("9", "nine"),
        ("21", "twenty-one"),
        ("17", "seventeen"),
    ]


def test_preamble_verbatim_and_verb_are_not_notes() -> None:
    preamble = "\\newcommand{\\fn}[1]{\\footnote{#1}}\n"
    body = (
        "\\verb|\\footnote{no}| \\begin{verbatim}\n\\footnote{no}\n\\end{verbatim}\n"
        "% \\footnote{commented out}\nText.\\footnote{yes}"
    )
    notes = notes_of(body, preamble)
    assert [(n.label, n.text) for n in notes] == [("1", "yes")]


def test_endnotes_have_their_own_counter() -> None:
    notes = notes_of(r"a\footnote{f} b\endnote{e1} c\endnote{e2} d\footnote{g}")
    assert [(n.label, n.note_type, n.text) for n in notes] == [
        ("1", "footnote", "f"),
        ("1", "endnote", "e1"),
        ("2", "endnote", "e2"),
        ("2", "footnote", "g"),
    ]


def test_srcmap_of_replaced_characters() -> None:
    src = "\\begin{document}\nX\\footnote{A \\& B --\n  C}\n"
    note = next(iter(read(Source("t.tex", None, src.encode()), "latex")))
    assert note.text == "A & B – C"
    assert note.srcmap.locate(0) == (2, 12)
    assert note.srcmap.locate(2) == (2, 14)  # "&" maps to the backslash of \&
    assert note.srcmap.locate(6) == (2, 19)  # "–" maps to the first "-"
    assert note.srcmap.locate(8) == (3, 3)


def test_unbalanced_braces_is_an_input_error() -> None:
    with pytest.raises(
        InputError, match=r"\\footnote at line 3, column 2 is never closed"
    ):
        notes_of("X\\footnote{open {but never closed}")


def test_invalid_utf8() -> None:
    path = Path(__file__).parent / "data" / "bad" / "bad-utf8.tex"
    with pytest.raises(
        InputError, match=r"not valid UTF-8 \(bad byte 0xe9 at byte offset 13\)"
    ):
        list(read(open_source(str(path))))


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("\\{}[]%$~-`'\"&_ \nab1^=.")), max_size=60)
)
def test_arbitrary_input_gives_notes_or_input_error(body: str) -> None:
    src = "\\footnote{" + body + "}" + body
    try:
        notes = list(read(Source("t.tex", None, src.encode()), "latex"))
    except InputError:
        return
    lines = src.split("\n")
    for note in notes:
        for k in range(len(note.text)):
            line, col = note.srcmap.locate(k)
            assert 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]) + 1
