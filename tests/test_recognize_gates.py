"""Speed shortcuts in the recognize stage never change a result.

The FRUS recognizer skips clauses its cheap gate rejects; these tests check
that the full scan finds nothing in every such clause (examples, random text
built from the words the patterns look for, and every clause of the corpus),
and that rewritten patterns match exactly what their plain spelling matches.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archcite.grammar import frus, frus_internal, noncitation, vocab
from archcite.grammar.segment import clauses
from archcite.model import Citation
from archcite.readers import Source
from archcite.readers.tei import read_tei

TEI = "http://www.tei-c.org/ns/1.0"


def full_scan(text: str) -> list[Citation]:
    """The FRUS recognizer without its gate."""
    try:
        return frus._recognize(text)
    except (ValueError, IndexError, TypeError, RecursionError):
        return []


EXAMPLES = [
    "For texts, see Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36.",
    "FRUS 1964–1968, XIV, 217",
    "FRUS, 1961–63, vol. 5, doc. 87",
    "Papers Relating to the Foreign Relations of the United States, 1918, Russia, "
    "Volume III, p. 51",
    "ibid., 1922, vol. i, p. 33",
    "Ibid., 1922, vol. i, p. 33",
    "See Document 389.",
    "footnote 2, Document 6",
    "Document 31, footnote 3",
    "Ante, p. 5",
    "ante, pp. 5–7",
    "Post, p. 12",
    "Supra.",
    "infra",
    "See No. 12.",
    "No. 12.",
    "in Nos. 3 and 4",
    "Vol. ii, p. 6",
    "See vol. E–15, Part 1, Document 3",
    "See p. 128.",
    "See pages 12–14.",
    "Telegram 35 from Moscow, page ii",
    "See footnote 36, p. 24.",
]


@pytest.mark.parametrize("text", EXAMPLES)
def test_gate_passes_every_example(text: str) -> None:
    assert full_scan(text), "the example must be a FRUS reference"
    assert frus._GATE.search(text)
    assert frus.recognize(text) == full_scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "National Archives, RG 59, Central Files 1964–66, POL 7 JAPAN.",
        "Secret; Nodis.",
        "Kennedy Library, National Security Files, Box 334.",
    ],
)
def test_gate_rejects_plain_archival_clauses(text: str) -> None:
    assert frus._GATE.search(text) is None
    assert full_scan(text) == []


FRAGMENTS = [
    "Foreign Relations",
    "Foreign  Relations",
    "FRUS",
    "ibid.",
    "Ibid.,",
    " 1922",
    "[1917]",
    "vol.",
    "Vol",
    "Volume",
    "vols.",
    " E–",
    " ii",
    " IV",
    " 5",
    "Document",
    "Documents",
    "doc.",
    "No.",
    "Nos.",
    "See ",
    "see ",
    "in ",
    "Ante",
    "post",
    "Supra",
    "infra",
    "p.",
    "pp.",
    "page",
    "pages",
    " 12",
    "–14",
    ", ",
    " and ",
    "footnote 3",
    ".",
    ";",
    "(",
    ")",
    "x",
    " ",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12))
def test_gate_is_conservative_on_random_text(parts: list[str]) -> None:
    text = "".join(parts)
    if frus._GATE.search(text) is None:
        assert full_scan(text) == []


# The plain spelling of frus_internal.NUMBERED: lookbehinds before the literal.
_NUMBERED_PLAIN = re.compile(
    rf"(?:(?<=\b[Ss]ee\s)|(?<=\bin\s)|^)Nos?\.\s+(?P<list>{vocab.NUM_LIST})\.?$"
    rf"|(?:(?<=\b[Ss]ee\s)|(?<=\bin\s))Nos?\.\s+(?P<list2>\d+)\b"
)


def _matches(pattern: re.Pattern[str], text: str) -> list[object]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from([*FRAGMENTS, "Seen ", "kin "]), max_size=10))
def test_numbered_pattern_matches_its_plain_spelling(parts: list[str]) -> None:
    text = "".join(parts)
    assert _matches(frus_internal.NUMBERED, text) == _matches(_NUMBERED_PLAIN, text)


def _corpus_clauses(shared: Path) -> list[str]:
    corpus = shared / "corpus"
    texts: list[str] = []
    for folder in ("frus", "frus-nyr"):
        for path in sorted((corpus / folder).glob("*.xml")):
            source = Source(path.name, path, path.read_bytes())
            texts += [n.text for n in read_tei(source)]
    for path in sorted((corpus / "frus-notes").glob("*.notes.jsonl")):
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        body = "".join(r["xml"] for r in rows)
        data = f'<TEI xmlns="{TEI}"><text><body>{body}</body></text></TEI>'.encode()
        texts += [n.text for n in read_tei(Source(path.name, None, data))]
    return [t[s.start : s.end] for t in texts for s in clauses(t)]


def test_gate_is_conservative_on_corpus_notes(shared_dir: Path) -> None:
    found = _corpus_clauses(shared_dir)
    assert len(found) > 3000
    for clause in found:
        assert frus.recognize(clause) == full_scan(clause), clause
        assert _matches(frus_internal.NUMBERED, clause) == _matches(
            _NUMBERED_PLAIN, clause
        )


# The plain spelling of noncitation._CLASSIFICATION (exponential on long
# upper-case runs and on failing lists of markings).
_CLASSIFICATION_PLAIN = re.compile(
    r"""^(?:
        (?:No\s+classification\s+marking|Top\s+Secret|Secret|Confidential|Unclassified|
           Limited\s+Official\s+Use|Official\s+Use\s+Only|Restricted|Strictly\s+Confidential|
           Sensitive|Personal|Nodis|Exdis|Limdis|Noforn|Immediate|Priority|Routine|Flash|
           Niact|Operational\s+Immediate|(?:Literally\s+|Exclusively\s+)?Eyes\s+Only|
           Roger\s+Channel|Cherokee|Via\s+\w+(?:\s+Channels?)?|Personal\s+and\s+Confidential|
           Administratively\s+Confidential|Special\s+Handling|No\s+Distribution|
           [A-Z][A-Z0-9/-]{2,}
        )\s*[;,.]?\s*
    )+$""",
    re.VERBOSE,
)
MARKINGS = [
    "Top Secret",
    "Secret",
    "Nodis",
    "Personal",
    "Personal and Confidential",
    "Eyes Only",
    "Exclusively Eyes Only",
    "No Distribution",
    "Via ",
    "Via CIA",
    " Channel",
    "Channels",
    "NODIS",
    "ABC",
    "AB",
    "A",
    "S/S",
    "-1",
    "9",
    "x",
    "and",
    " ",
    "  ",
    ";",
    "; ",
    ",",
    ".",
    "\n",
]


@settings(max_examples=5000, deadline=None)
@given(st.lists(st.sampled_from(MARKINGS), min_size=1, max_size=9))
def test_classification_pattern_accepts_what_its_plain_spelling_does(
    parts: list[str],
) -> None:
    text = "".join(parts)
    assert bool(noncitation._CLASSIFICATION.match(text)) == bool(
        _CLASSIFICATION_PLAIN.match(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "CONVERSATION AND CORRESPONDENCE BETWEEN MR. BANCROFT AND VISCOUNT "
        "PALMERSTON CONCERNING THE NORTHWESTERN BOUNDARY AND THE SAN JUAN ISLANDS",
        "Secret " * 60 + "x",
        "A" * 5000 + "a",
    ],
)
def test_classification_pattern_is_fast_on_long_runs(text: str) -> None:
    # Not a timing assertion: the plain spelling would not return for hours,
    # so this test simply would not finish.
    assert noncitation._CLASSIFICATION.match(text) is None
