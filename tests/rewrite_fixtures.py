"""Shared helpers for the rewrite tests: office files with notes built run by run."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from archcite.model import Note
from archcite.readers import Source, read

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: A run: its text and its properties ("i", "b") or raw XML to put instead.
RunSpec = tuple[str, str]


def _run_xml(text: str, props: str) -> str:
    if props.startswith("<"):
        return props
    rpr = "".join(f"<w:{p}/>" for p in props)
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    esc = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<w:r>{rpr}<w:t xml:space="preserve">{esc}</w:t></w:r>'


def make_docx(notes: list[list[RunSpec]]) -> bytes:
    """A DOCX made by python-docx whose footnotes have exactly the given runs."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    for n in range(len(notes)):
        p = document.add_paragraph(f"Body paragraph {n + 1}.")
        p._p.append(
            parse_xml(
                f'<w:r xmlns:w="{W}"><w:rPr><w:rStyle w:val="FootnoteReference"/>'
                f'</w:rPr><w:footnoteReference w:id="{n + 1}"/></w:r>'
            )
        )
    body = "".join(
        f'<w:footnote w:id="{n + 1}"><w:p><w:r><w:footnoteRef/></w:r>'
        + "".join(_run_xml(t, p) for t, p in runs)
        + "</w:p></w:footnote>"
        for n, runs in enumerate(notes)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{W}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:footnote>{body}</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        CT.WML_FOOTNOTES,
        xml.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def notes_of(data: bytes, name: str) -> list[Note]:
    return list(read(Source(name, None, data)))


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def changed(a: bytes, b: bytes) -> tuple[int, int] | None:
    """The one range of ``a`` that differs in ``b`` (common prefix and suffix cut)."""
    if a == b:
        return None
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, len(a) - tail


SAMPLES = Path(__file__).resolve().parents[1] / "samples"
