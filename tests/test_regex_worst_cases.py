"""No compiled pattern of archcite backtracks catastrophically (issue 13, item 4).

Every pattern reachable from the package (module globals, tables, the patterns
the authority loaders build from data) is found by walking the modules, so a
new pattern is covered without being listed. Each is checked structurally
(:mod:`tests.regex_safety`): no repeated part may match a run of one character
in two ways (exponential time), and two unbounded runs of one character may
not trade characters across optional parts (polynomial time) — except on
whitespace in the recognizers and the export layer, whose input has every run
of whitespace collapsed to one space before they see it. No timing: the shape
of the pattern is the assertion. Then each pattern is run on its worst inputs,
built from the characters its repeats run over.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from regex_safety import findings, literal_prefix, package_patterns, pump_chars

from archcite.readers.textmap import TextBuilder

PATTERNS = package_patterns()
#: Modules whose patterns only ever see whitespace-collapsed text or short values.
COLLAPSED = (
    "archcite.grammar",
    "archcite.export",
    "archcite.items",
    "archcite.csl",
    "archcite.resolve",
)
WHITESPACE = frozenset(" \t\n\u00a0")
#: Patterns outside those modules that may trade whitespace, and why that is
#: bounded: each reads one short line or attribute, never a note or a file.
TOLERATED = {
    "archcite.render.fixtures": "CSL test-suite fixture headers (trusted data)",
    "archcite.render.source": "one 'key: value' line of a style's metadata",
    "archcite.rewrite.rich": "one CSS-like style declaration of an office run",
}


def _ids() -> list[str]:
    return [f"{module}:{p.pattern[:40]!r}" for module, p in PATTERNS]


def test_the_walk_finds_the_patterns_of_every_layer() -> None:
    modules = {module for module, _ in PATTERNS}
    for layer in ("grammar.archival", "grammar.frus", "readers.text", "readers.tei"):
        assert f"archcite.{layer}" in modules
    # patterns built at run time from the authority tables are found too
    assert any(module == "archcite.authority" for module, _ in PATTERNS)
    assert len(PATTERNS) > 200


def test_the_analysis_catches_the_classic_shapes() -> None:
    def kinds(pattern: str) -> set[str]:
        return {f.kind for f in findings(re.compile(pattern))}

    assert kinds(r"^(\w+\s?)+$") == {"exponential"}
    assert kinds(r"(a|a)*b") == {"exponential"}
    assert kinds(r"(?:\d+,?)+x") == {"exponential"}
    assert kinds(r"x\s*,?\s*y") == {"polynomial"}
    assert kinds(r"^(?P<j>.+?)\s+(?P<v>\d+)$") == {"polynomial"}
    # safe shapes: separators the runs cannot share, possessive or atomic runs,
    # a run pinned to its end by a lookahead
    assert kinds(r"\d+(?:\s*,\s*\d+)*") == set()
    assert kinds(r"x\s*+,?\s*y") == set()
    assert kinds(r"(?>\w+\s?)+$") == set()
    assert kinds(r"(?:[A-Z]+(?![A-Z])\s?)+$") == set()


@pytest.mark.parametrize(("module", "pattern"), PATTERNS, ids=_ids())
def test_pattern_cannot_backtrack_catastrophically(
    module: str, pattern: re.Pattern[Any]
) -> None:
    found = findings(pattern)
    assert not [f for f in found if f.kind == "exponential"], found
    tolerated = module.startswith(COLLAPSED) or module in TOLERATED
    bad = [f for f in found if not (tolerated and f.char in WHITESPACE)]
    assert not bad, f"{module}: {pattern.pattern!r}: " + "; ".join(map(str, bad))


@pytest.mark.parametrize(("module", "pattern"), PATTERNS, ids=_ids())
def test_pattern_survives_its_worst_inputs(
    module: str, pattern: re.Pattern[Any]
) -> None:
    prefix = literal_prefix(pattern)
    n = 1000
    for ch in pump_chars(pattern) or "a":
        run = ch * n
        if module.startswith(COLLAPSED) and ch in WHITESPACE:
            # what the recognizers are given: whitespace collapsed
            builder = TextBuilder()
            builder.add(run, 1, 1)
            run = " " + builder.build()[0]
        for tail in ("", "\x00", "\n", "x", "1", ")"):
            text: str | bytes = prefix + run + tail
            if isinstance(pattern.pattern, bytes):
                text = text.encode("latin-1")
            for m in pattern.finditer(text):
                assert 0 <= m.start() <= m.end() <= len(text)
            pattern.match(text)
            pattern.fullmatch(text)
