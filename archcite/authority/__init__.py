"""Authority tables: repositories, collections and NARA record groups.

The knowledge about archives lives in TOML files next to this module
(``repositories.toml``, ``collections.toml``, ``record_groups.toml``), not in
code. :func:`authority` loads them once (cached), validates them and builds the
matchers the recognizers use:

* :meth:`Authority.match_repository` finds a repository variant at a position
  of a text ("Kennedy Library", "JFKL", "National Archives and Records
  Administration"), longest variant first, so "National Archives" never
  swallows "National Archives of Australia";
* :meth:`Authority.collection` looks up a collection of a repository and says
  whether what was cited is an abbreviation to expand ("NSF" at the Johnson
  Library is "National Security File", at the Kennedy Library "National
  Security Files");
* :meth:`Authority.record_group` gives a NARA record group's title.

Every entry carries ``examples`` that ``tests/test_authority.py`` resolves.
Invalid tables raise :class:`AuthorityError` at load time, never later.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from archcite.errors import ArchciteError

__all__ = [
    "KINDS",
    "Authority",
    "AuthorityError",
    "Collection",
    "RecordGroup",
    "Repository",
    "RepositoryMatch",
    "authority",
    "fold",
]

KINDS = frozenset(
    {
        "presidential-library",
        "national-archives",
        "agency",
        "manuscript-repository",
        "foreign-archive",
        "records-center",
    }
)


class AuthorityError(ArchciteError):
    """An authority table is malformed (a packaging bug, not a user error)."""


@dataclass(frozen=True, slots=True)
class Repository:
    id: str
    name: str
    place: str | None
    kind: str
    variants: tuple[str, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Collection:
    id: str
    repository: str
    name: str
    abbreviations: tuple[str, ...]
    variants: tuple[str, ...]
    examples: tuple[str, ...]
    title: str | None = None


@dataclass(frozen=True, slots=True)
class RecordGroup:
    number: str
    name: str
    examples: tuple[str, ...]
    #: other spellings of the title ("Records of the Joint Chiefs of Staff")
    variants: tuple[str, ...] = ()

    def titled(self, cited: str) -> bool:
        """Whether ``cited`` is this record group's title (NARA's or a variant)."""
        key = fold(cited)
        return any(fold(t) == key for t in (self.name, *self.variants))


@dataclass(frozen=True, slots=True)
class RepositoryMatch:
    """A repository variant found in a text: ``text[start:end]`` is what was cited."""

    repository: Repository
    start: int
    end: int
    cited: str


def fold(text: str) -> str:
    """Normal form for comparing names: apostrophes, dashes, case, spacing."""
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return " ".join(text.split()).casefold()


def _tokens(variant: str) -> list[str]:
    """A variant as regex tokens: one per character, apostrophes and spaces loose."""
    out: list[str] = []
    for ch in variant:
        if ch in "'’":
            out.append("['’]")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return out


def _trie_pattern(variants: list[str]) -> str:
    """One regex for all variants, shared prefixes factored out.

    A flat alternation of some 250 names makes the engine try every branch at
    every position; the trie tries one character at a time. At each node the
    longer continuations come before the end of a name, so the match is still
    the longest variant that the trailing guard accepts (backtracking to a
    shorter one when the guard fails).
    """
    trie: dict[str, Any] = {}
    for v in variants:
        node = trie
        for tok in _tokens(v):
            node = node.setdefault(tok, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [tok + emit(child) for tok, child in node.items() if tok]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie)


class Authority:
    """The loaded, validated tables and their matchers."""

    def __init__(
        self,
        repositories: tuple[Repository, ...],
        collections: tuple[Collection, ...],
        record_groups: tuple[RecordGroup, ...],
    ) -> None:
        self.repositories = repositories
        self.collections = collections
        self.record_groups = record_groups
        self._by_id = {r.id: r for r in repositories}
        self._by_variant: dict[str, Repository] = {}
        for repo in repositories:
            for v in repo.variants:
                self._by_variant[fold(v)] = repo
        # Every spelling as written, longest first: two variants that differ
        # only in case ("Archives nationales", "Archives Nationales") are both
        # matched. Case-sensitive on purpose: "NA" and "PRO" are abbreviations,
        # "na" and "pro" are not. The trailing guard stops "Johnson Library"
        # matching inside "Johnson Libraryship" and "NA" inside "NATO".
        originals = sorted(
            {v for r in repositories for v in r.variants}, key=lambda v: (-len(v), v)
        )
        self._repo_re = re.compile(rf"{_trie_pattern(originals)}(?![\w’'-])")
        self._collections: dict[tuple[str, str], tuple[Collection, bool]] = {}
        for coll in collections:
            for v in coll.variants:
                self._collections[(coll.repository, fold(v))] = (coll, False)
            self._collections[(coll.repository, fold(coll.name))] = (coll, False)
            for a in coll.abbreviations:
                self._collections[(coll.repository, fold(a))] = (coll, True)
        self._rgs = {rg.number: rg for rg in record_groups}

    def collections_named(self, cited: str) -> tuple[Collection, ...]:
        """Every collection whose name or variant ``cited`` is, in any repository
        (abbreviations excluded: "NSF" alone names no one collection)."""
        key = fold(cited)
        found = {
            coll.id: coll
            for (_, k), (coll, abbreviated) in self._collections.items()
            if k == key and not abbreviated
        }
        return tuple(found.values())

    def repository(self, repo_id: str) -> Repository | None:
        return self._by_id.get(repo_id)

    def lookup_repository(self, cited: str) -> Repository | None:
        """The repository whose variant is exactly ``cited`` (after folding)."""
        return self._by_variant.get(fold(cited.removeprefix("the ").strip()))

    def match_repository(self, text: str, pos: int = 0) -> RepositoryMatch | None:
        """A repository variant starting exactly at ``text[pos]``, longest first."""
        m = self._repo_re.match(text, pos)
        if m is None:
            return None
        repo = self._by_variant[fold(m.group())]
        return RepositoryMatch(repo, m.start(), m.end(), m.group())

    def search_repository(self, text: str, pos: int = 0) -> RepositoryMatch | None:
        """The first repository variant at or after ``pos`` on a word start."""
        for m in self._repo_re.finditer(text, pos):
            if m.start() and (
                text[m.start() - 1].isalnum() or text[m.start() - 1] in "’'"
            ):
                continue
            repo = self._by_variant[fold(m.group())]
            return RepositoryMatch(repo, m.start(), m.end(), m.group())
        return None

    def collection(
        self, repo_id: str | None, cited: str
    ) -> tuple[Collection, bool] | None:
        """The collection ``cited`` names at ``repo_id`` and whether it was abbreviated.

        A dated collection ("Central Files 1967–69", "Central Decimal File
        1910–1929") is found by its name without the dates.
        """
        if repo_id is None:
            return None
        key = fold(cited)
        hit = self._collections.get((repo_id, key))
        if hit is None:
            undated = re.sub(r"[\s,]+\d{4}(?:\s*-\s*\d{2,4})?$", "", key)
            if undated != key:
                hit = self._collections.get((repo_id, undated))
        return hit

    def record_group(self, number: str) -> RecordGroup | None:
        return self._rgs.get(number.strip())


def _strs(entry: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise AuthorityError(f"{where}: {key} must be a list of non-empty strings")
    return tuple(value)


def _str(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise AuthorityError(f"{where}: {key} must be a non-empty string")
    return value


def _place(entry: dict[str, Any], where: str) -> str | None:
    value = entry.get("place", "")
    if not isinstance(value, str):
        raise AuthorityError(f"{where}: place must be a string")
    return value.strip() or None


def _load(name: str) -> dict[str, Any]:
    text = (
        resources.files("archcite.authority").joinpath(name).read_text(encoding="utf-8")
    )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - packaging bug
        raise AuthorityError(f"{name}: {exc}") from exc


def build(
    repo_data: dict[str, Any], coll_data: dict[str, Any], rg_data: dict[str, Any]
) -> Authority:
    """Validate raw tables and build an :class:`Authority` (used by tests too)."""
    repos: list[Repository] = []
    seen_ids: set[str] = set()
    seen_variants: dict[str, str] = {}
    for i, entry in enumerate(repo_data.get("repository", [])):
        where = f"repositories.toml entry {i + 1}"
        repo = Repository(
            id=_str(entry, "id", where),
            name=_str(entry, "name", where),
            place=_place(entry, where),
            kind=_str(entry, "kind", where),
            variants=_strs(entry, "variants", where),
            examples=_strs(entry, "examples", where),
        )
        if repo.id in seen_ids:
            raise AuthorityError(f"{where}: duplicate repository id {repo.id!r}")
        seen_ids.add(repo.id)
        if repo.kind not in KINDS:
            raise AuthorityError(f"{where}: unknown kind {repo.kind!r}")
        if not repo.variants or not repo.examples:
            raise AuthorityError(f"{where}: needs variants and examples")
        for v in repo.variants:
            other = seen_variants.get(fold(v))
            if other is not None and other != repo.id:
                raise AuthorityError(
                    f"{where}: variant {v!r} already belongs to {other!r}"
                )
            seen_variants[fold(v)] = repo.id
        repos.append(repo)

    colls: list[Collection] = []
    seen_colls: set[str] = set()
    names: dict[tuple[str, str], str] = {}
    for i, entry in enumerate(coll_data.get("collection", [])):
        where = f"collections.toml entry {i + 1}"
        title = entry.get("title")
        coll = Collection(
            id=_str(entry, "id", where),
            repository=_str(entry, "repository", where),
            name=_str(entry, "name", where),
            abbreviations=_strs(entry, "abbreviations", where),
            variants=_strs(entry, "variants", where),
            examples=_strs(entry, "examples", where),
            title=title if isinstance(title, str) else None,
        )
        if coll.id in seen_colls:
            raise AuthorityError(f"{where}: duplicate collection id {coll.id!r}")
        seen_colls.add(coll.id)
        if coll.repository not in seen_ids:
            raise AuthorityError(f"{where}: unknown repository {coll.repository!r}")
        if not coll.examples:
            raise AuthorityError(f"{where}: needs examples")
        for v in {*coll.variants, *coll.abbreviations, coll.name}:
            key = (coll.repository, fold(v))
            if names.get(key, coll.id) != coll.id:
                raise AuthorityError(f"{where}: {v!r} already names {names[key]!r}")
            names[key] = coll.id
        colls.append(coll)

    rgs: list[RecordGroup] = []
    seen_rgs: set[str] = set()
    for i, entry in enumerate(rg_data.get("record_group", [])):
        where = f"record_groups.toml entry {i + 1}"
        rg = RecordGroup(
            number=_str(entry, "number", where),
            name=_str(entry, "name", where),
            examples=_strs(entry, "examples", where),
            variants=_strs(entry, "variants", where),
        )
        if rg.number in seen_rgs:
            raise AuthorityError(f"{where}: duplicate record group {rg.number!r}")
        seen_rgs.add(rg.number)
        rgs.append(rg)
    return Authority(tuple(repos), tuple(colls), tuple(rgs))


@cache
def posts() -> frozenset[str]:
    """Diplomatic and consular posts, historical names included (posts.toml)."""
    data = _load("posts.toml")
    names = data.get("posts")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise AuthorityError("posts.toml: 'posts' must be a list of names")
    return frozenset(names)


@cache
def authority() -> Authority:
    """The package's authority tables, loaded and validated once."""
    return build(
        _load("repositories.toml"),
        _load("collections.toml"),
        _load("record_groups.toml"),
    )
