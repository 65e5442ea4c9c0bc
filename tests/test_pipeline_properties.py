"""Properties of the whole pipeline on any text (issue 13, item 6).

Notes are built from the pieces citations are made of (repositories, boxes,
FRUS volumes, Ibid., dates, quotes, brackets) mixed with arbitrary characters.
On any of them: the pipeline never raises (the suite runs with
ARCHCITE_STRICT=1, so a recognizer's crash is an error here, not a hidden
"unrecognized" record); every record validates against the record schema;
every citation's span lies inside its note and is exactly its text; the items
the citations make survive CSL-JSON, BibTeX/biblatex and Zotero round trips;
and every reader, given any bytes, either reads them or raises archcite's own
one-line error.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archcite.csl.titles import supply_title
from archcite.errors import ArchciteError
from archcite.export import bibtex
from archcite.export.zotero import from_zotero, to_zotero
from archcite.items import collect, from_csl
from archcite.pipeline import parse_text
from archcite.readers import Source, names, read
from archcite.record import to_record, validator

FRAGMENTS = [
    "Kennedy Library", "John F. Kennedy Presidential Library", "National Archives",
    "National Security Files", "NSF", "JFKL", "RG 59", "Record Group 84",
    "Central Files 1964–66", "POL 27 VIET S", "Box 334", "box 180", "Boxes 3–4",
    "Box 3 and 4", "folder “USSR, General,”", "Folder 8", "Reel 12", "frames 120–125",
    "Lot 67 D 548", "Job 79–01025A", "FRC 330 72 A 2468", "Entry 111",
    "File No. 861.51/131", "Source:", "Ibid.", "ibid., p. 3", "Ibid., Box 12",
    "Foreign Relations, 1961–1963, vol. VI, Document 35",
    "Foreign Relations, 1969–1976, vol. E–1, Document 2", "FRUS", "vol. VI",
    "See Document 389", "Documents 35 and 36", "footnote 2 above", "p. 13",
    "pp. 4–5", "Not printed.", "No classification marking.", "Top Secret",
    "(hereafter cited as NSF, JFKL)", "Rusk to Kennedy", "memorandum",
    "February 20, 1962", "Telegram 233292 to Saigon", "Public Papers: Kennedy, 1962",
    "(New York: Basic Books, 1985), 45", "Gaddis, We Now Know", "et seq.",
    ", ", "; ", ". ", " ", "(", ")", "[", "]", "“", "”", "\"", "'", "–", "—", "-",
    "&", "/", "0", "1", "12", "1962", "e", "Ω", "\u00a0", "\t", "\n",
]  # fmt: skip

note_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=6)),
    min_size=1,
    max_size=25,
).map("".join)

CITATION = (
    "Rusk to Kennedy, memorandum, February 20, 1962, folder “USSR, General,” box "
    "180, National Security Files, John F. Kennedy Presidential Library. Ibid., "
    "box 181. See Foreign Relations, 1961–1963, vol. VI, Document 35."
)

PROPERTY = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(note_text)
@example(CITATION)
@example("(((((((((((Box Box Box ,,,,,, “““ 1–2–3–")
def test_the_pipeline_never_raises_and_every_record_is_valid(text: str) -> None:
    if not text.strip():
        return
    v = validator()
    for loc in parse_text(text):
        record = to_record(loc)
        errors = sorted(v.iter_errors(record), key=str)
        assert not errors, f"{record['text']!r}: {errors[0].message}"
        json.dumps(record, ensure_ascii=False)


@PROPERTY
@given(note_text)
@example(CITATION)
def test_spans_lie_inside_the_note_and_are_its_text(text: str) -> None:
    if not text.strip():
        return
    located = parse_text(text)
    assert [loc.index for loc in located] == list(range(len(located)))
    previous_end = 0
    for loc in located:
        c, note = loc.citation, loc.note
        assert 0 <= c.start <= c.end <= len(note.text)
        assert note.text[c.start : c.end] == c.text
        # clauses come in order and do not overlap
        assert c.start >= previous_end or c.text == ""
        previous_end = max(previous_end, c.end)
        if c.text:
            # the citation points back into the text as given
            line, column = note.srcmap.locate(c.start)
            assert line >= 1 and column >= 1


def _documents(text: str) -> list[dict[str, Any]]:
    items = collect(parse_text(text))
    return [i.to_csl() for i in items if i.kind == "document"]


_KEPT = ("archive", "archive_collection", "archive_location", "archive-place")


@PROPERTY
@given(note_text)
@example(CITATION)
def test_the_items_of_any_note_survive_every_export(text: str) -> None:
    if not text.strip():
        return
    items = collect(parse_text(text))
    csl = items.csl()
    # CSL-JSON: reading the items back gives the same items (in any order)
    again = from_csl(csl).csl()
    assert sorted(again, key=lambda i: i["id"]) == sorted(csl, key=lambda i: i["id"])
    docs = [i.to_csl() for i in items if i.kind == "document"]
    for flavor in ("bibtex", "biblatex"):
        back = {i["id"]: i for i in bibtex.loads(bibtex.dumps(docs, flavor))}
        for item in docs:
            assert item["id"] in back, (flavor, item["id"])
            for var in _KEPT:
                assert back[item["id"]].get(var) == item.get(var), (flavor, var)
    for item in docs:
        again = from_zotero(json.loads(json.dumps(to_zotero(item))))
        before = supply_title(item)
        for var in _KEPT:
            assert again.get(var) == before.get(var), ("zotero", var)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(names()))
def test_every_reader_reads_any_bytes_or_says_why(data: bytes, fmt: str) -> None:
    try:
        for note in read(Source("fuzz.bin", None, data), fmt):
            assert isinstance(note.text, str)
    except ArchciteError as exc:
        assert str(exc) and "\n" not in str(exc)


@settings(max_examples=150, deadline=None)
@given(note_text, st.sampled_from(["md", "tex", "txt", "xml"]))
def test_every_text_reader_reads_any_text_or_says_why(text: str, suffix: str) -> None:
    wrapped = {
        "md": f"Body.[^1]\n\n[^1]: {text}\n",
        "tex": f"\\begin{{document}}Body.\\footnote{{{text}}}\\end{{document}}",
        "txt": f"Body.\n\nNotes\n\n1. {text}\n",
        "xml": f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><note n="1">{text}</note></TEI>',
    }[suffix]
    try:
        notes = list(read(Source(f"fuzz.{suffix}", None, wrapped.encode())))
    except ArchciteError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for note in notes:
        assert isinstance(note.text, str)
        if note.text:
            note.srcmap.locate(len(note.text) - 1)
