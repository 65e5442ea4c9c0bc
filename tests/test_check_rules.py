"""Every rule's examples from rules.toml are its tests: bad is found, good is not."""

from __future__ import annotations

import pytest

from archcite.check import check_manuscript, notes_manuscript, registry, rules
from archcite.check.model import RuleInfo
from archcite.check.settings import from_mapping

RULES = rules()


def _findings(rule: RuleInfo, which: str) -> list[str]:
    example = getattr(rule, which)
    settings = from_mapping(example.settings, "<example>", registry.ids())
    found = check_manuscript(notes_manuscript(example.notes, settings), [rule.id])
    return [f"{f.rule} note {f.note}: {f.message}" for f in found]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_bad_example_is_found(rule: RuleInfo) -> None:
    assert _findings(rule, "bad"), f"{rule.id} finds nothing in its bad example"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_good_example_is_clean(rule: RuleInfo) -> None:
    assert _findings(rule, "good") == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_good_example_is_clean_of_every_rule(rule: RuleInfo) -> None:
    """A good example shows the right form: no other rule objects to it either."""
    example = rule.good
    settings = from_mapping(example.settings, "<example>", registry.ids())
    found = check_manuscript(notes_manuscript(example.notes, settings))
    assert [(f.rule, f.note, f.message) for f in found] == []


def test_registry_and_modules_agree() -> None:
    assert set(registry.checks()) == set(registry.infos())


def test_rule_metadata() -> None:
    for rule in RULES:
        assert rule.summary and "\n" not in rule.summary
        assert rule.id == rule.id.lower() and " " not in rule.id


def test_selection_by_prefix() -> None:
    chosen = registry.selected(["ibid"], ["ibid-forbidden"])
    assert chosen and all(r.startswith("ibid-") for r in chosen)
    assert "ibid-forbidden" not in chosen
    assert registry.selected([], []) == tuple(registry.infos())
