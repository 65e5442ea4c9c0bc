"""The rules: metadata and examples from ``rules.toml``, checks from ``rules/``.

``rules.toml`` says what each rule is (id, severity, one line, a bad and a good
example, whether ``--fix`` corrects it); a module in :mod:`archcite.check.rules`
registers the function that checks it with :func:`rule`. The two must match one
to one, and every example is a test (``tests/test_check_rules.py``): the rule
finds something in its bad example and nothing in its good one.
"""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any, cast

from archcite.check.manuscript import Manuscript
from archcite.check.model import SEVERITIES, Example, Hit, RuleInfo, Severity
from archcite.errors import ArchciteError

RuleFn = Callable[[Manuscript], Iterable[Hit]]

_FUNCS: dict[str, RuleFn] = {}
_MODULES = (
    "archcite.check.rules.recognition",
    "archcite.check.rules.forms",
    "archcite.check.rules.locators",
    "archcite.check.rules.referring",
    "archcite.check.rules.frus",
    "archcite.check.rules.dates",
    "archcite.check.rules.typography",
    "archcite.check.rules.notes",
)


class RuleError(ArchciteError):
    """A rule id given on the command line or in settings does not exist."""


def rule(rule_id: str) -> Callable[[RuleFn], RuleFn]:
    """Register ``fn`` as the check of ``rule_id`` (declared in ``rules.toml``)."""

    def deco(fn: RuleFn) -> RuleFn:
        _FUNCS[rule_id] = fn
        return fn

    return deco


def _example(data: Any, where: str) -> Example:
    if isinstance(data, list):
        data = {"notes": data}
    if not isinstance(data, dict) or not isinstance(data.get("notes"), list):
        raise AssertionError(f"rules.toml: {where}: an example is a list of notes")
    notes = data["notes"]
    if not notes or not all(isinstance(n, str) and n.strip() for n in notes):
        raise AssertionError(f"rules.toml: {where}: notes must be non-empty strings")
    return Example(tuple(notes), dict(data.get("settings", {})))


@cache
def infos() -> dict[str, RuleInfo]:
    """Every rule's metadata, in the order of ``rules.toml``."""
    raw = resources.files("archcite.check").joinpath("rules.toml").read_text("utf-8")
    out: dict[str, RuleInfo] = {}
    for entry in tomllib.loads(raw)["rule"]:
        rid = entry["id"]
        severity = entry["severity"]
        if severity not in SEVERITIES or rid in out:
            raise AssertionError(f"rules.toml: {rid}: bad severity or duplicate id")
        out[rid] = RuleInfo(
            id=rid,
            severity=cast(Severity, severity),
            summary=entry["summary"],
            bad=_example(entry["bad"], f"{rid}.bad"),
            good=_example(entry["good"], f"{rid}.good"),
            fixable=bool(entry.get("fixable", False)),
            help=" ".join(entry.get("help", "").split()),
        )
    return out


@cache
def checks() -> dict[str, RuleFn]:
    """The check function of every rule, keyed by id (modules imported once)."""
    for module in _MODULES:
        importlib.import_module(module)
    declared, registered = set(infos()), set(_FUNCS)
    if declared != registered:
        raise AssertionError(
            f"rules.toml and the rule modules differ: {sorted(declared ^ registered)}"
        )
    return {rid: _FUNCS[rid] for rid in infos()}


def ids() -> frozenset[str]:
    """Every rule id."""
    return frozenset(infos())


def _matches(rule_id: str, pattern: str) -> bool:
    """``frus`` selects ``frus-unknown-volume`` …; an id selects itself."""
    return rule_id == pattern or rule_id.startswith(pattern + "-")


def check_patterns(patterns: Iterable[str], where: str) -> None:
    """Refuse a rule id (or prefix) that matches no rule."""
    for pattern in patterns:
        if not any(_matches(r, pattern) for r in infos()):
            raise RuleError(f"{where}: unknown rule {pattern!r} (see 'archcite rules')")


def selected(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> tuple[str, ...]:
    """The rule ids to run: all, or those ``select`` names, less ``ignore``'s."""
    out = []
    for rid in infos():
        if select and not any(_matches(rid, p) for p in select):
            continue
        if any(_matches(rid, p) for p in ignore):
            continue
        out.append(rid)
    return tuple(out)


__all__ = [
    "RuleError",
    "RuleFn",
    "check_patterns",
    "checks",
    "ids",
    "infos",
    "rule",
    "selected",
]
