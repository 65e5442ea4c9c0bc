"""DOCX and ODT readers, cross-format agreement of the samples, and bad inputs.

Synthetic DOCX/ODT files are built at runtime from XML strings with zipfile; the
tracked-change DOCX is the pandoc sample with its ``word/footnotes.xml`` and
``word/document.xml`` edited in memory (a ``w:del``/``w:ins`` pair inside note 3,
and a deleted reference to note 7).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from archcite.cli import cli
from archcite.errors import InputError, UnsafeInputError
from archcite.model import Note
from archcite.readers import Source, open_source, read, ziputil

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
BAD = Path(__file__).resolve().parent / "data" / "bad"
FORMATS = ("txt", "md", "tex", "docx", "odt")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'


def sample(fmt: str) -> list[Note]:
    return list(read(open_source(str(SAMPLES / f"manuscript.{fmt}"))))


def zip_bytes(members: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx(
    body: str, footnotes: str = "", endnotes: str = "", settings: str = ""
) -> bytes:
    members: dict[str, str | bytes] = {
        "word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>"
    }
    if footnotes:
        members["word/footnotes.xml"] = f"<w:footnotes {W}>{footnotes}</w:footnotes>"
    if endnotes:
        members["word/endnotes.xml"] = f"<w:endnotes {W}>{endnotes}</w:endnotes>"
    if settings:
        members["word/settings.xml"] = f"<w:settings {W}>{settings}</w:settings>"
    return zip_bytes(members)


def read_docx(data: bytes) -> list[Note]:
    return list(read(Source("t.docx", None, data), "docx"))


def note_xml(kind: str, nid: str, runs: str, extra: str = "") -> str:
    return f'<w:{kind} w:id="{nid}"{extra}><w:p>{runs}</w:p></w:{kind}>'


# -- the five sample formats ---------------------------------------------------


def test_all_formats_give_the_same_labels_and_texts() -> None:
    """txt, md and tex agree exactly; DOCX and ODT differ only by no-break spaces.

    pandoc's default Markdown reader ("smart" extension) writes U+00A0 after the
    abbreviations "vol.", "No." and "pt." in the DOCX and ODT it makes; the
    Markdown source has ordinary spaces and so do the other formats. The sample
    uses curly quotes and en dashes literally, so smart quotes change nothing.
    """
    by_format = {fmt: sample(fmt) for fmt in FORMATS}
    reference = [(n.label, n.text) for n in by_format["md"]]
    assert len(reference) == 13
    for fmt in ("txt", "tex"):
        assert [(n.label, n.text) for n in by_format[fmt]] == reference, fmt
    for fmt in ("docx", "odt"):
        notes = by_format[fmt]
        assert [(n.label, n.text.replace("\u00a0", " ")) for n in notes] == reference
        nbsp = sorted(
            (n.label, m.group(1))
            for n in notes
            for m in re.finditer(r"(\S+)\u00a0", n.text)
        )
        assert nbsp == [
            ("1", "vol."),
            ("12", "vol."),
            ("13", "pt."),
            ("13", "vol."),
            ("4", "No."),
            ("4", "vol."),
            ("5", "No."),
        ], fmt


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_office_line_is_paragraph_and_column_is_note_position(fmt: str) -> None:
    notes = sample(fmt)
    # Title, heading, then the body paragraphs holding the references.
    paragraphs = [n.srcmap.locate(0)[0] for n in notes]
    assert paragraphs == [3, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7]
    note = notes[3]
    k = note.text.index("Box 334")
    # pandoc's DOCX puts a space run after the note mark; the ODT does not.
    lead = 1 if fmt == "docx" else 0
    assert note.srcmap.locate(k) == (5, k + 1 + lead)
    multi = notes[5]
    k = multi.text.index("McDougall’s")
    assert multi.srcmap.locate(k) == (5, k + 1 + lead)


def test_docx_note_types_and_ids() -> None:
    notes = sample("docx")
    assert {n.note_type for n in notes} == {"footnote"}
    assert notes[0].note_id == "20"


# -- DOCX details --------------------------------------------------------------


def test_docx_tracked_changes() -> None:
    data = (SAMPLES / "manuscript.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members: dict[str, str | bytes] = {n: zf.read(n) for n in zf.namelist()}
    foot = members["word/footnotes.xml"]
    assert isinstance(foot, bytes)
    old = '<w:t xml:space="preserve">Ibid., box 181.</w:t></w:r>'
    new = (
        '<w:t xml:space="preserve">Ibid., box </w:t></w:r>'
        '<w:del w:id="901" w:author="Ed" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:delText>180</w:delText></w:r></w:del>"
        '<w:ins w:id="902" w:author="Ed" w:date="2024-01-01T00:00:00Z">'
        "<w:r><w:t>181</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r>"
        # Some writers put w:t (not w:delText) inside a deletion; still deleted.
        '<w:del w:id="904" w:author="Ed"><w:r><w:t> See box 99.</w:t></w:r></w:del>'
    )
    assert old.encode() in foot
    members["word/footnotes.xml"] = foot.replace(old.encode(), new.encode())
    # Delete the reference of the seventh note ("Rusk to Kennedy …") in the body.
    doc = members["word/document.xml"]
    assert isinstance(doc, bytes)
    ref = re.search(
        rb"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\" /></w:rPr>"
        rb"<w:footnoteReference w:id=\"27\" /></w:r>",
        doc,
    )
    assert ref is not None
    members["word/document.xml"] = (
        doc[: ref.start()]
        + b'<w:del w:id="903" w:author="Ed">'
        + ref.group()
        + b"</w:del>"
        + doc[ref.end() :]
    )
    notes = read_docx(zip_bytes(members))
    assert notes[2].text == "Ibid., box 181."
    assert len(notes) == 12
    assert [n.label for n in notes] == [str(i) for i in range(1, 13)]
    assert notes[6].text.startswith("Thompson to Rusk")


def test_docx_runs_tabs_breaks_symbols_and_hidden_text() -> None:
    runs = (
        "<w:r><w:footnoteRef/></w:r><w:r><w:t>Central Decimal File 700.5611/3</w:t>"
        "</w:r><w:r><w:noBreakHyphen/><w:t>962,</w:t><w:tab/><w:t>box</w:t><w:br/>"
        '<w:t>3</w:t><w:sym w:font="Symbol" w:char="F0A7"/></w:r>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
        'HYPERLINK "http://x"</w:instrText></w:r><w:r><w:fldChar '
        'w:fldCharType="separate"/></w:r><w:r><w:t>link</w:t></w:r>'
    )
    body = '<w:p><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>'
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
        '</w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0">'
        "<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    )
    notes = read_docx(docx(body, separators + note_xml("footnote", "5", runs)))
    assert [(n.label, n.text) for n in notes] == [
        ("1", "Central Decimal File 700.5611/3-962, box 3§link")
    ]


def test_docx_numbering_formats_custom_marks_and_orphans() -> None:
    def ref(kind: str, nid: str, custom: bool = False) -> str:
        attr = ' w:customMarkFollows="1"' if custom else ""
        mark = "<w:r><w:t>*</w:t></w:r>" if custom else ""
        return f'<w:r><w:{kind}Reference w:id="{nid}"{attr}/></w:r>{mark}'

    body = (
        "<w:p>" + ref("footnote", "1") + ref("endnote", "1") + "</w:p>"
        "<w:p>" + ref("footnote", "2", custom=True) + ref("endnote", "2") + "</w:p>"
        "<w:p>" + ref("footnote", "3") + "</w:p>"
    )
    foot = "".join(
        note_xml("footnote", i, f"<w:r><w:t>F{i}</w:t></w:r>") for i in "1239"
    )
    end = "".join(note_xml("endnote", i, f"<w:r><w:t>E{i}</w:t></w:r>") for i in "12")
    notes = read_docx(docx(body, foot, end))
    assert [(n.label, n.note_type, n.text, n.srcmap.locate(0)[0]) for n in notes] == [
        ("1", "footnote", "F1", 1),
        ("i", "endnote", "E1", 1),
        ("*", "footnote", "F2", 2),
        ("ii", "endnote", "E2", 2),
        ("2", "footnote", "F3", 3),
    ]  # F9 has no reference: Word does not show it
    settings = (
        '<w:footnotePr><w:numFmt w:val="upperRoman"/><w:numStart w:val="4"/>'
        '</w:footnotePr><w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>'
    )
    notes = read_docx(docx(body, foot, end, settings))
    assert [n.label for n in notes] == ["IV", "1", "*", "2", "V"]


def test_docx_custom_mark_in_the_reference_run_as_word_writes_it() -> None:
    body = (
        '<w:p><w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/>'
        "<w:t>†</w:t></w:r><w:r><w:t>x more text</w:t></w:r>"
        '<w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
    )
    foot = "".join(note_xml("footnote", i, f"<w:r><w:t>F{i}</w:t></w:r>") for i in "12")
    notes = read_docx(docx(body, foot))
    assert [(n.label, n.text) for n in notes] == [("†", "F1"), ("1", "F2")]


@pytest.mark.parametrize(
    ("run", "label"),
    [
        # Insert Symbol, in the reference's run: a symbol-font code point
        ('<w:sym w:font="Symbol" w:char="F02A"/>', "*"),
        ('<w:sym w:font="Wingdings" w:char="2020"/>', "†"),
        ('<w:t>*</w:t><w:t xml:space="preserve"> The body goes on</w:t>', "*"),
        ('<w:t xml:space="preserve">* The body goes on</w:t>', "*"),
        ("<w:t></w:t>", "‡"),  # empty: the next run holds the mark
    ],
)
def test_docx_custom_mark_forms(run: str, label: str) -> None:
    body = (
        f'<w:p><w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/>{run}</w:r>'
        "<w:r><w:t>‡</w:t></w:r><w:r><w:t>x more text</w:t></w:r></w:p>"
    )
    [note] = read_docx(docx(body, note_xml("footnote", "1", "<w:r><w:t>F</w:t></w:r>")))
    assert note.label == label


def test_docx_multi_paragraph_note_columns() -> None:
    body = '<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    note = (
        '<w:footnote w:id="1"><w:p><w:r><w:t>One  two.</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Three.</w:t></w:r></w:p></w:footnote>"
    )
    (only,) = read_docx(docx(body, note))
    assert only.text == "One two. Three."
    # raw note text is "One  two.\nThree.": "Three" is its 11th character
    assert only.srcmap.locate(only.text.index("Three")) == (1, 11)


# -- ODT details ---------------------------------------------------------------

ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def odt(text: str, manifest: str = "") -> bytes:
    members: dict[str, str | bytes] = {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": f"<office:document-content {ODT_NS}><office:body><office:text>"
        f"{text}</office:text></office:body></office:document-content>",
    }
    if manifest:
        members["META-INF/manifest.xml"] = manifest
    return zip_bytes(members)


def test_odt_notes_classes_labels_and_tracked_changes() -> None:
    content = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<text:p>deleted words</text:p></text:deletion></text:changed-region>"
        "</text:tracked-changes>"
        '<text:h>Heading</text:h><text:p>Body<text:note text:id="n1" '
        'text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        '<text:note-body><text:p>Box<text:s text:c="3"/>334,<text:tab/>folder'
        '<text:change text:change-id="c1"/> 2.<office:annotation><dc:creator>A'
        "</dc:creator><text:p>a comment</text:p></office:annotation></text:p>"
        "<text:p>Second.</text:p></text:note-body></text:note></text:p>"
        '<text:p>More<text:note text:note-class="endnote"><text:note-citation '
        'text:label="*">i</text:note-citation><text:note-body><text:p>Ibid.'
        "</text:p></text:note-body></text:note></text:p>"
    )
    notes = list(read(Source("t.odt", None, odt(content)), "odt"))
    assert [(n.label, n.note_type, n.text, n.note_id) for n in notes] == [
        ("1", "footnote", "Box 334, folder 2. Second.", "n1"),
        ("*", "endnote", "Ibid.", None),
    ]
    assert notes[0].srcmap.locate(notes[0].text.index("folder")) == (2, 12)
    assert notes[1].srcmap.locate(0) == (3, 1)


def test_encrypted_odt() -> None:
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
        'manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
        "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>"
    )
    with pytest.raises(InputError, match=r"password-protected \(encrypted\) ODT"):
        list(read(Source("t.odt", None, odt("<text:p/>", manifest)), "odt"))


# -- bad input -----------------------------------------------------------------

BAD_CASES = [
    ("image.docx", "a PNG image, not a document"),
    ("truncated.docx", "not a DOCX file (bad zip: no zip directory; truncated or damaged)"),
    ("badcrc.docx", "corrupt zip member word/document.xml (Bad CRC-32 for file "
     "'word/document.xml')"),
    ("encrypted.docx", "encrypted or legacy .doc (OLE2) file, not a DOCX"),
    ("nodocument.docx", "not a DOCX file (the zip has no word/document.xml)"),
    ("malformed.docx", "word/document.xml: malformed XML at line 1, column 168: "
     "Opening and ending tag mismatch: p line 1 and x"),
    ("doctype.docx", "refused: word/footnotes.xml contains a DOCTYPE (never used by "
     "office documents; possible XXE or entity-expansion attack)"),
    ("malformed.odt", "content.xml: malformed XML at line 1, column 151: Opening and "
     "ending tag mismatch: text line 1 and body"),
    ("spreadsheet.odt", "not an ODT text document (mimetype "
     "application/vnd.oasis.opendocument.spreadsheet)"),
    ("bad-utf8.txt", "not valid UTF-8 (bad byte 0xe9 at byte offset 13); it looks like "
     "Latin-1 (ISO-8859-1) or Windows-1252: save it as UTF-8"),
    ("bad-utf8.md", "not valid UTF-8 (bad byte 0xe9 at byte offset 13); it looks like "
     "Latin-1 (ISO-8859-1) or Windows-1252: save it as UTF-8"),
    ("bad-utf8.tex", "not valid UTF-8 (bad byte 0xe9 at byte offset 13); it looks like "
     "Latin-1 (ISO-8859-1) or Windows-1252: save it as UTF-8"),
    ("binary.txt", "binary data, not a text document"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "message"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_input_message(name: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        list(read(open_source(str(BAD / name))))
    assert err.value.message == message
    assert err.value.path == str(BAD / name)


@pytest.mark.parametrize("name", ["image.docx", "encrypted.docx", "bad-utf8.tex"])
def test_bad_input_exits_2_with_one_line(name: str) -> None:
    result = CliRunner().invoke(cli, ["extract", str(BAD / name)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"archcite: error: {BAD / name}: ")
    assert "Traceback" not in result.stderr


def test_wrong_office_format() -> None:
    with pytest.raises(InputError, match=r"an OpenDocument file, not a DOCX"):
        read_docx((SAMPLES / "manuscript.odt").read_bytes())
    with pytest.raises(InputError, match=r"a DOCX file, not an ODT"):
        data = zip_bytes({"word/document.xml": "<x/>"})
        list(read(Source("t.odt", None, data), "odt"))


def test_zip_bomb_member_size_is_refused_before_decompressing() -> None:
    data = zip_bytes({"word/document.xml": b"\0" * (ziputil.MAX_MEMBER_BYTES + 1)})
    assert len(data) < 200_000
    with pytest.raises(UnsafeInputError, match=r"would unpack to 52428801 bytes"):
        read_docx(data)


def test_zip_bomb_ratio_and_total_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = zip_bytes({"word/document.xml": b" " * (2 * 1024 * 1024)})
    with pytest.raises(UnsafeInputError, match=r"compressed \d+:1 \(limit 200:1"):
        read_docx(data)
    monkeypatch.setattr(ziputil, "MAX_TOTAL_BYTES", 1000)
    data = zip_bytes({f"m{i}.xml": "<x>" + "y" * 400 + "</x>" for i in range(3)})
    with pytest.raises(UnsafeInputError, match=r"zip would unpack to 1221 bytes"):
        read_docx(data)


def test_ole2_on_stdin_is_sniffed_as_docx() -> None:
    data = (BAD / "encrypted.docx").read_bytes()
    with pytest.raises(
        InputError, match=r"^<stdin>: encrypted or legacy \.doc \(OLE2\) file"
    ):
        list(read(Source("<stdin>", None, data)))
    odt_data = (SAMPLES / "manuscript.odt").read_bytes()
    assert len(list(read(Source("<stdin>", None, odt_data)))) == 13
