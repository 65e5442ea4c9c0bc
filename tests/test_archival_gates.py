"""The archival and published recognizers' cheap gates never change a result.

Both recognizers refuse prose before their grammar runs: archival on keywords
and then a repository, strong locator or repository word; published on lead-in
words, known editions and (with a digit) locator labels, plus an early refusal
of clauses that cannot open a work. These tests check that the full grammar
finds nothing in any clause a gate refuses: on examples, on random text built
from the words the grammars look for, and on every clause of the corpus.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archcite.grammar import archival, archival_gate, published
from archcite.grammar.assign import chicago_order
from archcite.grammar.locators import components
from archcite.grammar.segment import clauses
from archcite.grammar.vocab import BOX, DECIMAL_START, PNUMBER, TNA_SERIES, words
from archcite.model import Citation
from archcite.readers import Source
from archcite.readers.tei import read_tei

TEI = "http://www.tei-c.org/ns/1.0"


def archival_full(text: str) -> list[Citation]:
    """The archival recognizer without its gate (and without its cache).

    A crash fails the test: the gate must not hide a grammar that breaks.
    """
    return archival._recognize(text)


def published_full(text: str) -> list[Citation]:
    return published._recognize(text, shortcut=False)


ARCHIVAL_FRAGMENTS = [
    "Kennedy Library", "National Archives", "Harvard University", "Houghton Library",
    "Papers of Joseph C. Grew", "National Security Files", "RG 59", "Record Group 84",
    "Box 3", "box 180", "Folder 8", "folder “USSR, General,”", "Reel 90", "Lot 66 D 204",
    "FRC 330 72 A 2468", "Job 79–01025A", "Entry 111", "File No. 861.51/131",
    "700.5611/3-962", "FO 371/135904", "POL 27 VIET S", "Central Files 1964–66",
    "Source: ", "Another copy is in the ", "see also ", "Ibid., ", "Rusk to Kennedy",
    "memorandum", "February 20, 1962", "Boston, MA", "Library", "Archives", "University",
    "Museum", "was", "met", ", ", "; ", ". ", "(", ")", " and ", " ", "x",
    "P860029–2278", "rg 59", "BOX 3", "Box A", "roll 2", "Roll 3", "FOLDER 2", "folder 3",
    "Job No. 79–01025A", "Entry UD 12", "ENTRY 5", "CAB 128/35", "reel 9", "Reels 3",
    "record group 84", "Microfilm Reel 4", "Boxes 3–4",
]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(ARCHIVAL_FRAGMENTS), min_size=1, max_size=10))
def test_archival_gate_is_conservative_on_random_text(parts: list[str]) -> None:
    text = "".join(parts)
    if not archival.gate(text):
        assert archival_full(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kennedy Library, National Security Files, Box 334.",
        "Source: Harvard University, Houghton Library, Papers of Joseph C. Grew, Box 3.",
        "Papers of Joseph C. Grew, Box 3.",
        "File No. 861.51/131",
        "FO 371/135904",
        "P860029–2278",
        "rg 59, BOX 3",
    ],
)
def test_archival_gate_passes_every_example(text: str) -> None:
    assert archival_full(text)
    assert archival.gate(text)


# The strong-locator test of the gate in its plain one-pattern spelling;
# archival_gate._has_strong is the same test written so that re can skip ahead.
PLAIN_STRONG = re.compile(
    r"(?i:\b(?:RG|Record\s+Group)\s*\d|\bEntry\s+(?:(?:UD|P|A1|NM|UD-UP)[\s–-]*)?\d|"
    rf"\b{BOX}\s+[\w–-]|\bFolders?\s|\b(?:Reel|Roll)s?\s+[\w–-])|"
    rf"\bFile\s+No|\bJob\s+(?:No\.\s*)?\d|FRC\s+\d|Lot\s+\d|{DECIMAL_START}|"
    rf"{PNUMBER}|\b{words(TNA_SERIES)}\s+\d+/\d"
)
STRONG_FRAGMENTS = [
    "RG", "rg", "Rg", "Record", "record", " Group", " GROUP", "Entry", "entry", "UD", "-",
    "Box", "box", "BOXES", "Caja", "cajas", "Caixa", "Legajo", "legajos", "Carton",
    "Kartons", "\u212aarton", "Busta", "buste", "Folder", "FOLDERS", "Reel", "ROLLS",
    "roll", "File", "File No", "Job", "Job No. ", "FRC", "Lot", "FO", "FCO", "T", "CAB",
    "xFO", "HS", "aT", "700.5611", "/", "P860029", "–", "1", "23", " ", "  ", "x", "é",
    ",", ";", ".", "(", "\n", "A",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(STRONG_FRAGMENTS), min_size=1, max_size=12))
def test_strong_locator_test_is_the_plain_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    assert archival_gate._has_strong(text) == (PLAIN_STRONG.search(text) is not None)


def _corpus_clauses(shared: Path) -> list[str]:
    corpus = shared / "corpus"
    texts: list[str] = []
    for folder in ("frus", "frus-nyr"):
        for path in sorted((corpus / folder).glob("*.xml")):
            texts += [
                n.text for n in read_tei(Source(path.name, path, path.read_bytes()))
            ]
    for path in sorted((corpus / "frus-notes").glob("*.notes.jsonl")):
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        body = "".join(r["xml"] for r in rows)
        data = f'<TEI xmlns="{TEI}"><text><body>{body}</body></text></TEI>'.encode()
        texts += [n.text for n in read_tei(Source(path.name, None, data))]
    return [t[s.start : s.end] for t in texts for s in clauses(t)]


def test_gates_are_conservative_on_corpus_clauses(shared_dir: Path) -> None:
    found = _corpus_clauses(shared_dir)
    assert len(found) > 3000
    refused = 0
    for clause in found:
        assert archival_gate._has_strong(clause) == bool(PLAIN_STRONG.search(clause))
        if not archival.gate(clause):
            refused += 1
            assert archival_full(clause) == [], clause
        assert published.recognize(clause) == published_full(clause), clause
    assert refused > 1000  # the gate does refuse most prose


def test_a_long_run_of_boxes_keeps_its_order() -> None:
    # Used to be quadratic ("c not in containers" over the run).
    text = "Box 1, " * 200 + "National Security Files"
    ordered = chicago_order(components(text), lambda name: False)
    assert ordered[0].text == "National Security Files"
    assert [c.text for c in ordered[1:]] == ["Box 1"] * 200
    (c,) = archival.recognize("Box 1, " * 200)
    assert c.archival is not None and c.archival.box == "1"


def test_strong_words_open_with_every_case_folding_of_their_letter() -> None:
    opener = re.compile(archival_gate._STRONG_WORDS.pattern.split("(?<!")[0])
    for letter in "rebclkf":
        folds = re.compile(letter, re.IGNORECASE)
        for code in range(0x10000):  # IGNORECASE equates no ASCII letter beyond
            if folds.fullmatch(chr(code)):
                assert opener.fullmatch(chr(code)), (letter, hex(code))
