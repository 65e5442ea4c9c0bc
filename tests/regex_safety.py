"""Find the regular expressions of a package and the inputs that make them backtrack.

A backtracking engine (Python's ``re``) goes exponential on a run of one
character when a repeated part can match that run in more than one way
(``(\\w+\\s?)+`` on "aaaa…!") and polynomial when two unbounded runs of the
same character can trade characters (``\\s*,?\\s*`` on a run of spaces that is
not followed by what the pattern needs). This module reads each compiled
pattern's parse tree (``re._parser``, the parser ``re.compile`` itself uses)
and reports both shapes with the character that pumps them, so a test can
refuse them without timing anything and feed each pattern its worst input.

The analysis works on runs of one character from a sample alphabet; it counts,
for a piece of pattern and a character ``c``, in how many ways the piece matches
``c`` repeated 0 … K times. Lookarounds, anchors and back-references count as
matching the empty string, which can only make it report more.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from re import _constants as C
from re import _parser
from types import ModuleType
from typing import Any

#: Characters tried as the pumped run: ASCII, the typography of notes, a letter.
ALPHABET = (
    "".join(chr(i) for i in range(0x20, 0x7F)) + "\t\n–—“”‘’…é\u00a0§†"
)  # fmt: skip
K = 4  # run lengths 0..K; K also stands for "longer"
CAP = 2  # ways are counted up to two: one way, or ambiguous
Counts = tuple[int, ...]  # counts[L]: ways to match c * L (L = K: K or more)


@dataclass(frozen=True)
class Ways:
    """Ways of a piece of pattern to match runs of one character.

    ``free`` ways may be followed by more of the run; ``pinned`` ways passed an
    assertion that holds only where the run ends (``(?!c)``, ``\\b``, ``$``), so
    nothing after them takes another character of it.
    """

    free: Counts
    pinned: Counts


_ZERO: Counts = (0,) * (K + 1)
_ONE: Counts = (1,) + (0,) * K
NONE = Ways(_ZERO, _ZERO)
EMPTY = Ways(_ONE, _ZERO)
RUN_END = Ways(_ZERO, _ONE)


@dataclass(frozen=True)
class Finding:
    kind: str  # "exponential" | "polynomial"
    char: str
    where: str

    def __str__(self) -> str:
        return f"{self.kind} on a run of {self.char!r} ({self.where})"


_CATEGORY = {
    C.CATEGORY_DIGIT: re.compile(r"\d"),
    C.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    C.CATEGORY_SPACE: re.compile(r"\s"),
    C.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    C.CATEGORY_WORD: re.compile(r"\w"),
    C.CATEGORY_NOT_WORD: re.compile(r"\W"),
}


def _in_class(items: list[tuple[Any, Any]], ch: str) -> bool:
    negate = False
    hit = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit = hit or ord(ch) == av
        elif op is C.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is C.CATEGORY:
            hit = hit or bool(_CATEGORY[av].match(ch))
    return hit != negate


def _one(op: Any, av: Any, ch: str, flags: int) -> bool:
    """Whether a single-character node matches ``ch``."""
    variants = {ch, ch.lower(), ch.upper()} if flags & re.IGNORECASE else {ch}
    for v in variants:
        if op is C.LITERAL and ord(v) == av:
            return True
        if op is C.NOT_LITERAL and ord(v) != av:
            return True
        if op is C.ANY and (v != "\n" or flags & re.DOTALL):
            return True
        if op is C.IN and _in_class(av, v):
            return True
    return False


def _sum(a: Counts, b: Counts) -> Counts:
    return tuple(min(CAP, x + y) for x, y in zip(a, b, strict=True))


def _conv(a: Counts, b: Counts) -> Counts:
    out = [0] * (K + 1)
    for i, x in enumerate(a):
        if not x:
            continue
        for j, y in enumerate(b):
            if y:
                k = min(K, i + j)
                out[k] = min(CAP, out[k] + x * y)
    return tuple(out)


def _add(a: Ways, b: Ways) -> Ways:
    return Ways(_sum(a.free, b.free), _sum(a.pinned, b.pinned))


def _seq(a: Ways, b: Ways) -> Ways:
    # after a pinned way only what takes no character of the run may follow
    zero_b = Ways((b.free[0],) + (0,) * K, (b.pinned[0],) + (0,) * K)
    pinned = _sum(
        _conv(a.free, b.pinned), _conv(a.pinned, _sum(zero_b.free, zero_b.pinned))
    )
    return Ways(_conv(a.free, b.free), pinned)


def _repeat(body: Ways, lo: int, hi: int) -> Ways:
    total = NONE
    power = EMPTY
    for n in range(0, min(hi, K + lo) + 1):
        if n >= lo:
            total = _add(total, power)
        power = _seq(power, body)
        if power == NONE:
            break
    if hi > K + lo and any(body.free[1:]):
        # more repetitions only make longer runs
        total = _add(total, Ways((0,) * K + (1,), _ZERO))
    return total


def _atomic(ways: Ways) -> Ways:
    """An atomic group or possessive repeat keeps one match: the longest."""
    for n in range(K, -1, -1):
        if ways.free[n] or ways.pinned[n]:
            one = (0,) * n + (1,) + (0,) * (K - n)
            return Ways(one, _ZERO) if ways.free[n] else Ways(_ZERO, one)
    return NONE


class _Analysis:
    def __init__(self, pattern: re.Pattern[Any]) -> None:
        self.pattern = pattern
        self.tree = _parser.parse(pattern.pattern, pattern.flags)
        # a bytes pattern reads ASCII classes only
        self.alphabet = (
            ALPHABET if isinstance(pattern.pattern, str) else ALPHABET[: 0x7F - 0x20]
        )
        self.findings: set[Finding] = set()
        self._memo: dict[tuple[int, str, int], Ways] = {}

    def ways(self, data: Any, ch: str, flags: int) -> Ways:
        """Ways of a sequence of nodes to match runs of ``ch``."""
        key = (id(data), ch, flags)
        if key in self._memo:
            return self._memo[key]
        out = EMPTY
        for op, av in data:
            out = _seq(out, self.node(op, av, ch, flags))
            if out == NONE:
                break
        self._memo[key] = out
        return out

    def node(self, op: Any, av: Any, ch: str, flags: int) -> Ways:
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            if _one(op, av, ch, flags):
                return Ways((0, 1) + (0,) * (K - 1), _ZERO)
            return NONE
        if op is C.SUBPATTERN:
            _gid, add, remove, sub = av
            return self.ways(sub, ch, (flags | add) & ~remove)
        if op is C.ATOMIC_GROUP:
            return _atomic(self.ways(av, ch, flags))
        if op is C.BRANCH:
            total = NONE
            for branch in av[1]:
                total = _add(total, self.ways(branch, ch, flags))
            return total
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            body = self.ways(sub, ch, flags)
            ways = _repeat(body, lo, hi)
            return _atomic(ways) if op is C.POSSESSIVE_REPEAT else ways
        if op is C.GROUPREF_EXISTS:
            _gid, yes, no = av
            return _add(self.ways(yes, ch, flags), self.ways(no or [], ch, flags))
        if op in (C.ASSERT, C.ASSERT_NOT) and av[0] == 1:
            # a lookahead inside the run sees more of the run
            inner = self.ways(av[1], ch, flags)
            sees_run = any(inner.free[1:]) or any(inner.pinned[1:])
            if op is C.ASSERT:
                return EMPTY if sees_run or inner.free[0] else RUN_END
            return RUN_END if sees_run or inner.free[0] else EMPTY
        if op is C.AT and av in (
            C.AT_BOUNDARY,
            C.AT_END,
            C.AT_END_STRING,
            C.AT_BEGINNING,
            C.AT_BEGINNING_STRING,
        ):
            return RUN_END
        # lookbehinds, \B, back-references: taken as matching nothing
        return EMPTY

    # -- the two shapes -------------------------------------------------------

    def walk(self, data: Any, flags: int, atomic: bool) -> None:
        items = list(data)
        for op, av in items:
            if op is C.SUBPATTERN:
                _gid, add, remove, sub = av
                self.walk(sub, (flags | add) & ~remove, atomic)
            elif op is C.ATOMIC_GROUP:
                self.walk(av, flags, True)
            elif op is C.BRANCH:
                for branch in av[1]:
                    self.walk(branch, flags, atomic)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                self.walk(av[1], flags, atomic)
            elif op is C.GROUPREF_EXISTS:
                self.walk(av[1], flags, atomic)
                self.walk(av[2] or [], flags, atomic)
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                _lo, hi, sub = av
                possessive = op is C.POSSESSIVE_REPEAT
                if hi == C.MAXREPEAT and not atomic and not possessive:
                    self._exponential(sub, flags)
                self.walk(sub, flags, atomic or possessive)
        if not atomic:
            self._polynomial(items, flags)

    def _exponential(self, body: Any, flags: int) -> None:
        for ch in self.alphabet:
            w = self.ways(body, ch, flags).free
            lengths = [n for n in range(1, K + 1) if w[n]]
            if len(lengths) > 1 or any(w[n] > 1 for n in lengths):
                self.findings.add(Finding("exponential", ch, _show(body)))
                return

    def _polynomial(self, items: list[tuple[Any, Any]], flags: int) -> None:
        """Two unbounded runs of one character with only optional parts between."""
        for ch in self.alphabet:
            open_run = False  # an earlier item can end with an unbounded run of ch
            for op, av in items:
                w = self.node(op, av, ch, flags)
                if open_run and self._starts_run(op, av, ch, flags):
                    self.findings.add(Finding("polynomial", ch, _show(items)))
                    return
                if self._ends_run(op, av, ch, flags):
                    open_run = True
                elif not w.free[0]:
                    open_run = False  # consumes or pins the run: no trading

    def _run(self, op: Any, av: Any, ch: str, flags: int) -> bool:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            _lo, hi, sub = av
            return hi == C.MAXREPEAT and any(self.ways(sub, ch, flags).free[1:])
        return False

    def _starts_run(self, op: Any, av: Any, ch: str, flags: int) -> bool:
        if self._run(op, av, ch, flags) or (
            op is C.POSSESSIVE_REPEAT
            and av[1] == C.MAXREPEAT
            and any(self.ways(av[2], ch, flags).free[1:])
        ):
            return True
        if op is C.SUBPATTERN:
            return self._edge(av[3], ch, (flags | av[1]) & ~av[2], first=True)
        if op is C.BRANCH:
            return any(self._edge(b, ch, flags, first=True) for b in av[1])
        return False

    def _ends_run(self, op: Any, av: Any, ch: str, flags: int) -> bool:
        if self._run(op, av, ch, flags):
            return True
        if op is C.SUBPATTERN:
            return self._edge(av[3], ch, (flags | av[1]) & ~av[2], first=False)
        if op is C.BRANCH:
            return any(self._edge(b, ch, flags, first=False) for b in av[1])
        return False  # atomic groups and possessive runs give nothing back

    def _edge(self, data: Any, ch: str, flags: int, first: bool) -> bool:
        items = list(data) if first else list(reversed(list(data)))
        for op, av in items:
            hit = (
                self._starts_run(op, av, ch, flags)
                if first
                else self._ends_run(op, av, ch, flags)
            )
            if hit:
                return True
            if not self.node(op, av, ch, flags).free[0]:
                return False
        return False


def _show(data: Any) -> str:
    text = str(data)
    return text if len(text) <= 120 else text[:117] + "..."


def findings(pattern: re.Pattern[Any]) -> set[Finding]:
    """The backtracking hazards of ``pattern`` (empty: none found)."""
    analysis = _Analysis(pattern)
    analysis.walk(analysis.tree.data, pattern.flags, False)
    return analysis.findings


def pump_chars(pattern: re.Pattern[Any]) -> str:
    """Characters the unbounded repeats of ``pattern`` run over: its worst inputs.

    One character stands for all that the same repeats accept ("a" for every
    letter of ``[a-z]+`` and ``.*``), so a pattern gets a handful, not a hundred.
    """
    analysis = _Analysis(pattern)
    bodies: list[tuple[Any, int]] = []

    def visit(data: Any, flags: int) -> None:
        for op, av in data:
            if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                _lo, hi, sub = av
                if hi == C.MAXREPEAT:
                    bodies.append((sub, flags))
                visit(sub, flags)
            elif op is C.SUBPATTERN:
                visit(av[3], (flags | av[1]) & ~av[2])
            elif op is C.ATOMIC_GROUP:
                visit(av, flags)
            elif op is C.BRANCH:
                for b in av[1]:
                    visit(b, flags)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                visit(av[1], flags)

    visit(analysis.tree.data, pattern.flags)
    chosen: dict[tuple[bool, ...], str] = {}
    for ch in analysis.alphabet:
        signature = tuple(
            any(analysis.ways(sub, ch, flags).free[1:]) for sub, flags in bodies
        )
        if any(signature):
            chosen.setdefault(signature, ch)
    return "".join(chosen.values())


def literal_prefix(pattern: re.Pattern[Any]) -> str:
    """The literal characters a match of ``pattern`` must start with, if any."""
    out = []
    for op, av in _parser.parse(pattern.pattern, pattern.flags).data:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.AT:
            continue
        else:
            break
    return "".join(out)


# -- finding every pattern of a package --------------------------------------------


def _patterns_in(
    value: Any, seen: set[int], depth: int, package: str
) -> Iterator[re.Pattern[Any]]:
    if id(value) in seen or depth > 6:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, dict):
        for v in list(value.values()) + list(value.keys()):
            yield from _patterns_in(v, seen, depth + 1, package)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _patterns_in(v, seen, depth + 1, package)
    elif inspect.isclass(value):
        if value.__module__.startswith(package):
            for v in list(vars(value).values()):
                yield from _patterns_in(v, seen, depth + 1, package)
    elif type(value).__module__.startswith(package):
        # an object of the package (an authority table holding its patterns)
        for name in getattr(value, "__slots__", ()):
            yield from _patterns_in(
                getattr(value, name, None), seen, depth + 1, package
            )
        for v in getattr(value, "__dict__", {}).values():
            yield from _patterns_in(v, seen, depth + 1, package)


def _loaders(module: ModuleType) -> Iterator[Any]:
    """Results of the module's argument-free cached loaders (authority tables)."""
    for value in list(vars(module).values()):
        if not callable(value) or not hasattr(value, "cache_info"):
            continue
        if getattr(value, "__module__", "") != module.__name__:
            continue
        try:
            signature = inspect.signature(value)
        except (TypeError, ValueError):
            continue
        if all(p.default is not p.empty for p in signature.parameters.values()):
            yield value()


@cache
def package_patterns(
    package: str = "archcite",
) -> tuple[tuple[str, re.Pattern[Any]], ...]:
    """``(module, pattern)`` for every compiled pattern reachable from ``package``.

    Every module is imported; module globals, containers, classes and objects
    of the package are walked, and argument-free cached loaders are called so
    that the patterns built from data tables are found too.
    """
    root = importlib.import_module(package)
    names = [package] + [
        m.name
        for m in pkgutil.walk_packages(root.__path__, prefix=f"{package}.")
        if not m.name.endswith("__main__")  # running it would start the CLI
    ]
    seen: set[int] = set()
    out: list[tuple[str, re.Pattern[Any]]] = []
    for name in sorted(names):
        module = importlib.import_module(name)
        values: list[Any] = list(vars(module).values())
        values += list(_loaders(module))
        for value in values:
            if isinstance(value, ModuleType):
                continue
            out.extend((name, p) for p in _patterns_in(value, seen, 0, package))
    return tuple(out)
