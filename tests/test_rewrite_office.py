"""Rewriting citation spans in DOCX and ODT notes: only the runs of the span change."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rewrite_fixtures import SAMPLES, make_docx, members, notes_of

from archcite.pipeline import extract_source
from archcite.readers import Source, open_source
from archcite.rewrite import Edit, normalize, rewrite
from archcite.rewrite.rich import from_html

NOTE_PARTS = {"docx": "word/footnotes.xml", "odt": "content.xml"}


def _rewrite(name: str, data: bytes, edits: list[Edit]):  # type: ignore[no-untyped-def]
    return rewrite(Source(name, None, data), edits)


def _expected(text: str, edits: list[Edit]) -> str:
    out, at = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out += [text[at : e.start], e.text]
        at = e.end
    out.append(text[at:])
    return normalize("".join(out))


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_every_citation_of_the_pandoc_samples(suffix: str) -> None:
    name = f"manuscript.{suffix}"
    src = open_source(str(SAMPLES / name))
    located = extract_source(src)
    html = "<i>Foreign Relations</i>, vol. 6 &amp; <b>doc.</b>  35"
    edits = [
        Edit(loc.note.index, loc.citation.start, loc.citation.end, from_html(html))
        for loc in located
        if loc.citation.kind in ("archival", "frus", "published", "ibid", "short")
    ]
    result = rewrite(src, edits)
    assert not result.refused, result.refused
    old, new = notes_of(src.read_bytes(), name), notes_of(result.data, name)
    for a, b in zip(old, new, strict=True):
        assert b.text == _expected(a.text, [e for e in edits if e.note == a.index])
    # Every member but the notes' part is the same, byte for byte.
    before, after = members(src.read_bytes()), members(result.data)
    assert list(before) == list(after)
    for member, data in before.items():
        if member != NOTE_PARTS[suffix]:
            assert after[member] == data, member


def _note_element_bounds(
    xml: bytes, suffix: str, note_id: str | None, k: int
) -> tuple[int, int]:
    if suffix == "docx":
        start = xml.index(f'<w:footnote w:id="{note_id}"'.encode())
        return start, xml.index(b"</w:footnote>", start)
    at = -1
    for _ in range(k + 1):
        at = xml.index(b"<text:note ", at + 1)
    return at, xml.index(b"</text:note>", at)


@pytest.mark.parametrize("suffix", ["docx", "odt"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_bytes_outside_the_note_are_kept(suffix: str, data: st.DataObject) -> None:
    name = f"manuscript.{suffix}"
    raw = (SAMPLES / name).read_bytes()
    notes = notes_of(raw, name)
    note = data.draw(st.sampled_from([n for n in notes if len(n.text) > 2]))
    start = data.draw(st.integers(0, len(note.text) - 1))
    end = data.draw(st.integers(start + 1, len(note.text)))
    replacement = data.draw(
        st.sampled_from(
            [
                from_html("<i>Ibid.</i>"),
                from_html("A &amp; B"),
                "",
                "x",
                note.text[start:end],
            ]
        )
    )
    edit = Edit(note.index, start, end, replacement)
    result = _rewrite(name, raw, [edit])
    if isinstance(replacement, str) and replacement == note.text[start:end]:
        assert result.data == raw
        return
    if result.refused:
        assert result.data == raw
        return
    again = notes_of(result.data, name)
    assert again[note.index].text == _expected(note.text, [edit])
    assert [n.text for n in again if n.index != note.index] == [
        n.text for n in notes if n.index != note.index
    ]
    part = NOTE_PARTS[suffix]
    a, b = members(raw)[part], members(result.data)[part]
    lo, hi = _note_element_bounds(a, suffix, note.note_id, note.index)
    # Bytes before the note's element and after it are the same (an ODT may gain
    # automatic styles before its body, which is earlier than any note).
    tail = len(a) - hi
    assert b.endswith(a[hi:])
    head = a[:lo]
    if suffix == "odt" and not b.startswith(head):
        body = a.index(b"<office:body>")
        assert b.startswith(a[: a.index(b"</office:automatic-styles>")])
        assert b[: len(b) - tail].endswith(a[body:lo]) or a[body:lo] in b
    else:
        assert b.startswith(head)


def _docx_runs() -> list[list[tuple[str, str]]]:
    """Notes whose runs are split in odd places, as word processors leave them."""
    return [
        [
            ("Ken", ""),
            ("nedy Li", "i"),
            ("brary, Box 3", ""),
            ("34", "b"),
            (". Not printed.", ""),
        ],
        [(c, "i" if n % 2 else "") for n, c in enumerate("Rusk to Kennedy, 1962.")],
        [
            ("See ", ""),
            ("Title of a Book", "i"),
            (", 5; also ", ""),
            ("Other", "i"),
            (".", ""),
        ],
    ]


def test_python_docx_runs_split_oddly() -> None:
    data = make_docx(_docx_runs())
    notes = notes_of(data, "odd.docx")
    assert [n.text for n in notes] == [
        "Kennedy Library, Box 334. Not printed.",
        "Rusk to Kennedy, 1962.",
        "See Title of a Book, 5; also Other.",
    ]
    edits = [
        Edit(0, 0, 24, from_html("<i>JFKL</i>, box 334")),
        Edit(1, 0, 21, from_html("Rusk to <b>Kennedy</b>, 1962")),
        Edit(2, 4, 22, from_html("<i>Title</i>, 5")),
        Edit(2, 29, 34, "Another"),
    ]
    result = _rewrite("odd.docx", data, edits)
    assert not result.refused, result.refused
    again = notes_of(result.data, "odd.docx")
    assert [n.text for n in again] == [
        "JFKL, box 334. Not printed.",
        "Rusk to Kennedy, 1962.",
        "See Title, 5; also Another.",
    ]
    xml = members(result.data)["word/footnotes.xml"].decode()
    # The split runs keep their own properties; the new ones have the emphasis asked for.
    assert (
        '<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">JFKL</w:t></w:r>'
        in xml
    )
    assert '<w:t xml:space="preserve">. Not printed.</w:t>' in xml
    # A plain fix changes only what differs ("O" -> "Ano"), in the run's own italics.
    assert '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Ano</w:t></w:r>' in xml


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_python_docx_identity_and_property(data: st.DataObject) -> None:
    raw = make_docx(_docx_runs())
    notes = notes_of(raw, "odd.docx")
    note = data.draw(st.sampled_from(notes))
    start = data.draw(st.integers(0, len(note.text) - 1))
    end = data.draw(st.integers(start + 1, len(note.text)))
    same = _rewrite(
        "odd.docx", raw, [Edit(note.index, start, end, note.text[start:end])]
    )
    assert same.data == raw
    edit = Edit(note.index, start, end, from_html("<i>N</i> m"))
    result = _rewrite("odd.docx", raw, [edit])
    assert not result.refused, result.refused
    again = notes_of(result.data, "odd.docx")
    assert again[note.index].text == _expected(note.text, [edit])


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    ("runs", "reason"),
    [
        (
            [
                ("Kennedy ", ""),
                (
                    '<w:ins w:id="1" w:author="a"><w:r><w:t>Library</w:t></w:r></w:ins>',
                    '<w:ins w:id="1" w:author="a"><w:r><w:t>Library</w:t></w:r></w:ins>',
                ),
                (", Box 3.", ""),
            ],
            "tracked changes",
        ),
        (
            [
                ("", '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'),
                (
                    "",
                    '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM </w:instrText></w:r>',
                ),
                ("", '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'),
                ("Kennedy Library, Box 3.", ""),
                ("", '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
            ],
            "field",
        ),
        (
            [
                ("See ", ""),
                (
                    "",
                    '<w:hyperlink r:id="rId99"><w:r><w:t>Kennedy Library, Box 3</w:t></w:r></w:hyperlink>',
                ),
                (".", ""),
            ],
            "hyperlink",
        ),
    ],
)
def test_unsafe_spans_are_refused_with_the_reason(
    runs: list[tuple[str, str]], reason: str
) -> None:
    raw = make_docx([runs])
    note = notes_of(raw, "x.docx")[0]
    # (a span wholly inside a hyperlink is fine: this one begins in it and ends after)
    start = note.text.index("Library" if reason == "hyperlink" else "Kennedy")
    end = len(note.text) if reason == "hyperlink" else len(note.text) - 1
    result = _rewrite("x.docx", raw, [Edit(0, start, end, from_html("<i>X</i>"))])
    assert result.data == raw
    assert len(result.refused) == 1
    assert reason in result.refused[0].reason


def test_odt_adds_its_styles_once_and_splits_spans() -> None:
    raw = (SAMPLES / "manuscript.odt").read_bytes()
    notes = notes_of(raw, "m.odt")
    # Note 1 begins with an italic title: the new text starts inside nothing.
    first = notes[0]
    cut = first.text.index("1961") + 2  # inside the italic title
    edits = [
        Edit(0, cut, len(first.text) - 1, from_html("<i>A</i> B")),
        Edit(1, 0, 4, from_html("<b>X</b>")),
    ]
    result = _rewrite("m.odt", raw, edits)
    assert not result.refused, result.refused
    xml = members(result.data)["content.xml"].decode()
    assert xml.count('style:name="archcite-i"') == 1
    assert xml.count('style:name="archcite-b"') == 1
    assert (
        '<text:span text:style-name="T1">Foreign Relations of the United States, 19</text:span><text:span text:style-name="archcite-i">A</text:span> B.'
        in xml
    )
    assert notes_of(result.data, "m.odt")[0].text == first.text[:cut] + "A B."
