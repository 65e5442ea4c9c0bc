"""Rewriting citation spans in plain text, Markdown and LaTeX manuscripts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rewrite_fixtures import SAMPLES, notes_of

from archcite.pipeline import extract_source
from archcite.readers import Source, open_source
from archcite.rewrite import Edit, RewriteError, normalize, rewrite
from archcite.rewrite.rich import from_html

TEXT_SAMPLES = ["manuscript.txt", "manuscript.md", "manuscript.tex", "nsam129.txt"]
ALL_SAMPLES = [*TEXT_SAMPLES, "manuscript.docx", "manuscript.odt"]
HTML = (
    "<i>Foreign Relations</i>, 1961–1963, 6: doc. 35 &amp; {50%} $5_000 ~x^ `q` *y* [z]"
)


def _source(name: str, data: bytes | None = None) -> Source:
    path = SAMPLES / name
    return Source(name, None, data if data is not None else path.read_bytes())


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_no_edits_give_the_same_bytes(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    assert rewrite(_source(name), []).data == data


@pytest.mark.parametrize("name", TEXT_SAMPLES)
def test_every_citation_replaced_and_nothing_else(name: str) -> None:
    src = open_source(str(SAMPLES / name))
    located = extract_source(src)
    edits = [
        Edit(loc.note.index, loc.citation.start, loc.citation.end, from_html(HTML))
        for loc in located
        if loc.citation.kind in ("archival", "frus", "published", "ibid", "short")
    ]
    assert edits
    result = rewrite(src, edits)
    assert not result.refused, result.refused
    notes = notes_of(src.read_bytes(), name)
    again = notes_of(result.data, name)
    want_piece = normalize(from_html(HTML).plain)
    if name.endswith(".tex"):
        want_piece = want_piece.replace("'", "’").replace("`", "‘")
    for old, new in zip(notes, again, strict=True):
        mine = sorted((e for e in edits if e.note == old.index), key=lambda e: e.start)
        expected, at = [], 0
        for e in mine:
            expected += [old.text[at : e.start], want_piece]
            at = e.end
        expected.append(old.text[at:])
        assert new.text == normalize("".join(expected))


def _spans(name: str) -> list[tuple[int, int, int]]:
    notes = notes_of((SAMPLES / name).read_bytes(), name)
    return [(n.index, len(n.text), 0) for n in notes if n.text]


@pytest.mark.parametrize("name", TEXT_SAMPLES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_identity_fix_keeps_every_byte(name: str, data: st.DataObject) -> None:
    raw = (SAMPLES / name).read_bytes()
    notes = notes_of(raw, name)
    note = data.draw(st.sampled_from([n for n in notes if n.text]))
    start = data.draw(st.integers(0, len(note.text)))
    end = data.draw(st.integers(start, len(note.text)))
    edit = Edit(note.index, start, end, note.text[start:end])
    assert rewrite(_source(name, raw), [edit]).data == raw


@pytest.mark.parametrize("name", TEXT_SAMPLES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_characters_outside_the_span_are_untouched(
    name: str, data: st.DataObject
) -> None:
    """Whatever span is replaced, the bytes that change lie between the source of
    the character before it and the source of the character after it."""
    raw = (SAMPLES / name).read_bytes()
    text = raw.decode("utf-8")
    notes = notes_of(raw, name)
    note = data.draw(st.sampled_from([n for n in notes if len(n.text) > 2]))
    start = data.draw(st.integers(1, len(note.text) - 2))
    end = data.draw(st.integers(start + 1, len(note.text) - 1))
    html = data.draw(st.sampled_from(["<i>Ibid.</i>", "X &amp; Y", "", "a <b>b</b> c"]))
    edit = Edit(note.index, start, end, from_html(html))
    result = rewrite(_source(name, raw), [edit])
    if result.refused:
        return  # refused spans leave the file as it was
    lines = text.split("\n")

    def offset(k: int) -> int:
        line, col = note.srcmap.locate(k)
        return (
            len("\n".join(lines[: line - 1]).encode())
            + (line > 1)
            + len(lines[line - 1][: col - 1].encode())
        )

    before, after = offset(start - 1) + 1, offset(end)
    out = result.data
    assert out.startswith(raw[:before])
    assert out.endswith(raw[after:])
    assert len(out) >= before + len(raw) - after


def test_crlf_and_bom_survive() -> None:
    body = (
        "\ufeffText.\r\n\r\nNotes\r\n\r\n1. Ibid.,\r\n   box 5.\r\n2. Not printed.\r\n"
    )
    src = Source("x.txt", None, body.encode("utf-8"))
    result = rewrite(src, [Edit(0, 0, 13, from_html("<i>Ibid.</i>"))])
    assert result.data == body.replace("Ibid.,\r\n   box 5.", "Ibid.").encode("utf-8")


def test_markdown_takes_the_emphasis_a_citation_begins_with() -> None:
    md = "Text.[^a]\n\n[^a]: *Title One*, 5; see also *Other*.\n"
    src = Source("x.md", None, md.encode())
    result = rewrite(src, [Edit(0, 0, 12, from_html("<b>New</b>"))])
    assert result.data.decode() == "Text.[^a]\n\n[^a]: **New**; see also *Other*.\n"


def test_markdown_inline_note_keeps_its_bracket() -> None:
    md = "Text.^[*Title*, 5.] More.\n"
    result = rewrite(Source("x.md", None, md.encode()), [Edit(0, 0, 8, from_html("T"))])
    assert result.data.decode() == "Text.^[T.] More.\n"
    whole = rewrite(Source("x.md", None, md.encode()), [Edit(0, 0, 9, from_html("T"))])
    assert whole.data.decode() == "Text.^[T] More.\n"


def test_latex_takes_emph_and_keeps_footnote_braces() -> None:
    tex = "Text.\\footnote{\\emph{Title}, 5.} More.\n"
    result = rewrite(
        Source("x.tex", None, tex.encode()), [Edit(0, 0, 8, from_html("<i>A</i> & B"))]
    )
    assert result.data.decode() == "Text.\\footnote{\\emph{A} \\& B.} More.\n"


def test_latex_escapes_read_back_exactly() -> None:
    tex = "Text.\\footnote{Old.}\n"
    new = "50% of $5 #3 a_b {x} ~ ^ \\ “q” ‘s’ – — --"
    result = rewrite(Source("x.tex", None, tex.encode()), [Edit(0, 0, 3, new)])
    assert not result.refused
    assert notes_of(result.data, "x.tex")[0].text == new + "."


def test_span_cutting_through_emphasis_is_refused_not_broken() -> None:
    md = "Text.[^a]\n\n[^a]: *See Title*, 5.\n"
    src = Source("x.md", None, md.encode())
    result = rewrite(src, [Edit(0, 4, 12, from_html("<i>X</i>"))])
    again = notes_of(result.data, "x.md")[0].text
    if result.refused:
        assert result.data == md.encode()
    else:
        assert again == "See X, 5."


def test_plain_fix_touches_only_what_differs() -> None:
    md = "Text.[^a]\n\n[^a]: *Kennedy Libary*, box 5.\n"
    result = rewrite(
        Source("x.md", None, md.encode()), [Edit(0, 0, 14, "Kennedy Library")]
    )
    assert result.data.decode() == md.replace("Libary", "Library")


def test_bad_edits_are_errors() -> None:
    src = _source("manuscript.md")
    with pytest.raises(RewriteError, match="no note"):
        rewrite(src, [Edit(99, 0, 1, "x")])
    with pytest.raises(RewriteError, match="outside note"):
        rewrite(src, [Edit(0, 0, 10_000, "x")])
    with pytest.raises(RewriteError, match="overlapping"):
        rewrite(src, [Edit(0, 0, 5, "x"), Edit(0, 3, 8, "y")])


def test_tei_cannot_be_rewritten() -> None:
    tei = next((SAMPLES / "tei").glob("*.xml"))
    with pytest.raises(RewriteError, match="cannot rewrite tei"):
        rewrite(open_source(str(tei)), [Edit(0, 0, 1, "x")])


def test_plain_fix_across_a_line_end_keeps_the_line_break() -> None:
    md = (
        "Text.[^a]\n\n[^a]: Rusk to Kennedy, box 180, National Security Files, "
        "John F. Kennedy\n    Presidential Library, Boston, MA.\n"
    )
    start = md.index("John") - md.index("Rusk")
    end = start + len("John F. Kennedy Presidential Library")
    result = rewrite(Source("x.md", None, md.encode()), [Edit(0, start, end, "JFKL")])
    # no space in the replacement to hold the line end: refused, not joined
    assert result.data == md.encode()
    assert [r.reason for r in result.refused] == [
        "the replacement would join lines of the file"
    ]
    result = rewrite(
        Source("x.md", None, md.encode()), [Edit(0, start, end, "Kennedy Library")]
    )
    assert result.data.decode() == md.replace(
        "John F. Kennedy\n    Presidential Library", "Kennedy\n    Library"
    )
    longer = "John Fitzgerald Kennedy Presidential Library and Museum"
    result = rewrite(Source("x.md", None, md.encode()), [Edit(0, start, end, longer)])
    assert result.data.decode() == md.replace(
        "John F. Kennedy\n    Presidential Library",
        "John Fitzgerald Kennedy\n    Presidential Library and Museum",
    )
