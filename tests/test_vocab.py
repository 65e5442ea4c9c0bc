"""The grammar's shared vocabulary (archcite.grammar.vocab): every term's
examples, the data file's word lists, the builders, and that each word is read
the same way by every part of the grammar that uses it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archcite.grammar import vocab
from archcite.grammar.locators import classify
from archcite.grammar.note import recognize_text
from archcite.grammar.shortforms import locators
from archcite.pipeline import parse_text

TERMS = sorted(vocab.terms().items())


def _at_start(term: vocab.Term, text: str) -> bool:
    """The term matches at the start of ``text``, ending where a word ends."""
    return re.compile(rf"(?:{term})(?!\w)").match(text) is not None


@pytest.mark.parametrize(("name", "term"), TERMS)
def test_every_term_reads_its_examples(name: str, term: vocab.Term) -> None:
    assert term.examples and term.means, name
    for example in term.examples:
        assert _at_start(term, example), (name, example)
    for counter in term.counter:
        assert not _at_start(term, counter), (name, counter)


def _top_level_bars(regex: str) -> int:
    """How many ``|`` stand outside every group and character class."""
    depth, bars, i, in_class = 0, 0, 0, False
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if regex[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            bars += 1
        i += 1
    return bars


@pytest.mark.parametrize(("name", "term"), TERMS)
def test_every_term_embeds_as_one_piece(name: str, term: vocab.Term) -> None:
    # "a|b" + "c" is not "(a|b)c": a fragment must keep its alternatives in a group.
    assert _top_level_bars(term.regex) == 0, name
    assert _top_level_bars("a|(b|c)") == 1 and _top_level_bars(r"[|]\|(a|b)") == 0


def test_data_file_examples_are_read_by_the_grammar() -> None:
    data = vocab._data()
    for entry in data["subject_codes"]:
        for example in entry["examples"]:
            loc = classify(example)
            assert loc is not None and loc.kind == "subject", example
            after_ibid = locators(f", {example}")
            assert after_ibid.archival is not None, example
            assert after_ibid.archival.file_number == example
    for entry in data["foreign_box"]:
        for example in entry["examples"]:
            loc = classify(example)
            assert loc is not None and loc.kind == "box", example
            assert locators(f", {example}").archival is not None, example
    for entry in data["foreign_folder"]:
        for example in entry["examples"]:
            loc = classify(example)
            assert loc is not None and loc.kind == "folder", example
            assert loc.value[:1].isdigit(), example
    for entry in data["fonds_name"]:
        for example in entry["examples"]:
            ref = recognize_text(f"Archivo Nacional, Ministerio, {example}, caja 3.")
            arch = [c.archival for c in ref if c.archival is not None]
            assert len(arch) == 1 and arch[0].collection is not None, example
            assert arch[0].collection.endswith(example), example
    for entry in data["tna_series"]:
        for example in entry["examples"]:
            loc = classify(example)
            assert loc is not None and loc.kind == "tna", example


def test_record_book_examples_are_items_before_a_date() -> None:
    for entry in vocab._data()["record_book"]:
        for example in entry["examples"]:
            found = recognize_text(f"{example}, January 12, 1955, box 1, DDEL.")
            arch = [c.archival for c in found if c.archival is not None]
            assert len(arch) == 1, example
            assert arch[0].item.type == entry["word"], example
            assert arch[0].item.date == "1955-01-12", example


def test_archive_city_examples_are_the_place_after_a_repository() -> None:
    entries = vocab._data()["archive_city"]
    for entry in entries:
        assert entry["examples"], entry["word"]
        for example in entry["examples"]:
            found = recognize_text(example)
            arch = [c.archival for c in found if c.archival is not None]
            assert len(arch) == 1, example
            assert arch[0].place == entry["word"], example
            # Read as the place, the city is not the collection that follows it.
            assert arch[0].collection is not None, example
            assert entry["word"] not in arch[0].collection, example


def test_an_unknown_city_after_an_unknown_repository_is_no_place() -> None:
    found = recognize_text(
        "Municipal Archives, Springfield, Mayor's Office Records, box 3."
    )
    arch = [c.archival for c in found if c.archival is not None]
    assert len(arch) == 1 and arch[0].place is None


def test_word_lists_have_no_duplicates() -> None:
    for name in (
        "subject_codes",
        "foreign_box",
        "foreign_folder",
        "fonds_name",
        "tna_series",
        "record_book",
        "archive_city",
    ):
        listed = vocab._list(name)
        assert len(listed) == len(set(listed)), name


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ("217 and 218", [217, 218]),
        ("12–14", [12, 13, 14]),
        ("35, 36, and 37", [35, 36, 37]),
        ("35 & 36", [35, 36]),
        ("94—96", [94, 95, 96]),
        ("14–12", [14]),  # a reversed range is its first number
        ("1–2000", [1]),  # longer than RANGE_CAP: a misprint, not 2000 documents
    ],
)
def test_expand(numbers: str, expected: list[int]) -> None:
    assert vocab.expand(numbers) == expected


@given(st.integers(1, 3000), st.integers(0, 700))
def test_expand_never_exceeds_the_cap(first: int, span: int) -> None:
    found = vocab.expand(f"{first}–{first + span}")
    assert found[0] == first
    assert len(found) == (span + 1 if span <= vocab.RANGE_CAP else 1)


def test_ibid_documents_and_frus_documents_expand_alike() -> None:
    # One expander: the Ibid. locators and the FRUS grammar agree on a range.
    (frus,) = recognize_text("Foreign Relations, 1961–1963, vol. VI, Documents 30–300.")
    after_ibid = locators(", Documents 30–300")
    assert frus.frus is not None and after_ibid.frus is not None
    assert frus.frus.documents == after_ibid.frus.documents == tuple(range(30, 301))


def test_fold_class_holds_every_case_folding() -> None:
    cls = re.compile(vocab.fold_class("kis"))
    for code in range(0x10000):
        ch = chr(code)
        if any(re.fullmatch(letter, ch, re.I) for letter in "kis"):
            assert cls.fullmatch(ch), hex(code)
        else:
            assert not cls.fullmatch(ch), hex(code)


def test_after_first_letter_matches_the_words_behind_their_letter() -> None:
    built = vocab.after_first_letter(["Caja", "Carton", "Busta"])
    pattern = re.compile(rf"[BCbc](?i:{built})(?!\w)")
    for word in ("Caja", "caja", "Carton", "busta"):
        assert pattern.match(word), word
    assert not pattern.match("Cajun")
    assert not pattern.match("Basta")


# -- one vocabulary, read alike everywhere ---------------------------------------


def test_foreign_box_after_ibid_is_the_next_box() -> None:
    # The box words of the archival grammar are the Ibid.'s too.
    records = parse_text(
        "Archivo Histórico Nacional, Estado, Legajo 3. Ibid., Legajo 4."
    )
    first, ibid = (loc.citation for loc in records)
    assert first.kind == "archival" and first.archival is not None
    assert first.archival.box == "3"
    assert ibid.kind == "ibid" and ibid.status == "parsed"
    assert ibid.antecedent == 0 and ibid.reason is None
    assert ibid.archival is not None
    assert ibid.archival.repository == "Archivo Histórico Nacional"
    assert ibid.archival.collection == "Estado"
    assert ibid.archival.box == "4"


@pytest.mark.parametrize("code", vocab.SUBJECT_CODES)
def test_subject_codes_are_one_list(code: str) -> None:
    # A code the archival grammar reads as a file is one the Ibid. reads too.
    text = f"{code} 1 JAPAN"
    loc = classify(text)
    assert loc is not None and loc.kind == "subject"
    found = locators(f", {text}")
    assert found.archival is not None and found.archival.file_number == text


@pytest.mark.parametrize(
    "text",
    [
        "(hereafter cited as NSF, JFKL)",
        "henceforth cited as Rusk Papers",
        "cited hereafter as AWF",
        "(cited as Whitman File)",
    ],
)
def test_one_declaration_pattern(text: str) -> None:
    assert vocab.DECLARES.match(text)
    assert vocab.DECLARATION_HINT.search(text)


def test_henceforth_declares_a_short_title() -> None:
    (c,) = recognize_text(
        "Kennedy Library, National Security Files, Box 334 (henceforth NSF, JFKL)."
    )
    assert c.kind == "archival" and c.declares == "NSF, JFKL"
    assert c.archival is not None and c.archival.box == "334"


@pytest.mark.parametrize(
    "lead", ["printed in", "Printed in", "reprinted in full in", "published in",
             "quoted in", "excerpted in"]
)  # fmt: skip
def test_one_printing_lead_in(lead: str) -> None:
    (c,) = recognize_text(f"{lead} Foreign Relations, 1961–1963, vol. VI, Document 35.")
    assert c.kind == "frus" and c.role == "printing", lead


def test_segmenter_imports_no_frus_module() -> None:
    source = Path(vocab.__file__).with_name("segment.py").read_text("utf-8")
    imported = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not any("frus" in m for m in imported), imported
