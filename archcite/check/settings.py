"""House style for ``archcite check``: ``[tool.archcite]`` in ``pyproject.toml``, or
an ``archcite.toml`` beside the manuscript.

``archcite.toml`` holds the keys at its top level (or under ``[tool.archcite]``, so a
section can be copied between the two files); ``pyproject.toml`` under
``[tool.archcite]``. When both files are beside a manuscript, ``archcite.toml`` wins.

.. code-block:: toml

    [tool.archcite]
    edition = 17                    # Chicago edition: 17 or 18
    ibid = false                    # the house forbids Ibid. (default: allowed)
    ignore = ["date-style"]         # rules (or rule-id prefixes) turned off

    [tool.archcite.repositories]    # house forms of repository names
    jfkl = "Kennedy Library"        # key: a repository id or any name of it

Every value is checked; a bad one is one error line (exit 2), never a guess.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archcite.authority import authority, fold
from archcite.errors import ArchciteError

EDITIONS = (17, 18)
#: the keys ``[tool.archcite]`` may have; other commands add theirs here
KNOWN_KEYS = frozenset({"edition", "ibid", "ignore", "repositories"})
FILES = ("archcite.toml", "pyproject.toml")


class SettingsError(ArchciteError):
    """A settings file is unreadable or holds a value archcite cannot use."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The house style a manuscript is checked against."""

    edition: int = 17
    ibid: bool = True
    ignore: tuple[str, ...] = ()
    #: repository id -> the form the house writes
    repositories: Mapping[str, str] = field(default_factory=dict)
    #: the file the settings came from (``None``: defaults)
    path: str | None = None


def _fail(where: str, message: str) -> SettingsError:
    return SettingsError(message, where)


def _repositories(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _fail(where, 'repositories: must be a table of NAME = "house form"')
    table = authority()
    out: dict[str, str] = {}
    for key, house in value.items():
        if not isinstance(house, str) or not house.strip():
            raise _fail(where, f"repositories.{key}: must be a non-empty string")
        repo = table.repository(key) or table.lookup_repository(key)
        if repo is None:
            raise _fail(where, f"repositories: unknown repository {key!r}")
        known = {fold(v) for v in (repo.name, *repo.variants)}
        if fold(house) not in known:
            # A form archcite cannot read back would make every citation of the
            # house form itself unrecognized.
            raise _fail(
                where,
                f"repositories.{key}: {house!r} is not a name of {repo.name} "
                f"(known: {', '.join(repo.variants)})",
            )
        if repo.id in out and out[repo.id] != house:
            raise _fail(where, f"repositories: two house forms for {repo.name}")
        out[repo.id] = house
    return out


def _ignore(value: Any, where: str, rule_ids: frozenset[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(where, "ignore: must be a list of rule ids")
    for rule in value:
        if not any(r == rule or r.startswith(rule + "-") for r in rule_ids):
            raise _fail(where, f"ignore: unknown rule {rule!r} (see 'archcite rules')")
    return tuple(value)


def from_mapping(
    data: Mapping[str, Any], where: str, rule_ids: frozenset[str]
) -> Settings:
    """Validated settings from the ``[tool.archcite]`` table ``data``."""
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise _fail(
            where,
            f"unknown setting {unknown[0]!r} (known: {', '.join(sorted(KNOWN_KEYS))})",
        )
    edition = data.get("edition", 17)
    if isinstance(edition, bool) or edition not in EDITIONS:
        raise _fail(where, f"edition: must be 17 or 18, not {edition!r}")
    ibid = data.get("ibid", True)
    if not isinstance(ibid, bool):
        raise _fail(where, f"ibid: must be true or false, not {ibid!r}")
    return Settings(
        edition=int(edition),
        ibid=ibid,
        ignore=_ignore(data.get("ignore", []), where, rule_ids),
        repositories=_repositories(data.get("repositories", {}), where),
        path=where,
    )


def _table(path: Path) -> Mapping[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise _fail(str(path), f"cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise _fail(str(path), "not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(str(path), f"not valid TOML ({exc})") from None
    tool = data.get("tool", {})
    section = tool.get("archcite") if isinstance(tool, dict) else None
    if section is not None and not isinstance(section, dict):
        raise _fail(str(path), "[tool.archcite] must be a table")
    if path.name == "pyproject.toml":
        return section
    if section is not None:
        top = {k: v for k, v in data.items() if k != "tool"}
        if top:
            raise _fail(str(path), "settings both at the top and in [tool.archcite]")
        return section
    return data


def find(directory: Path) -> Path | None:
    """The settings file beside a manuscript in ``directory``, if any."""
    for name in FILES:
        candidate = directory / name
        if candidate.is_file():
            if name == "pyproject.toml" and _table(candidate) is None:
                continue
            return candidate
    return None


def load(path: Path, rule_ids: frozenset[str]) -> Settings:
    """Validated settings from one file (``archcite.toml`` or ``pyproject.toml``)."""
    table = _table(path)
    return from_mapping(table or {}, str(path), rule_ids)


def for_manuscript(manuscript: str, rule_ids: frozenset[str]) -> Settings:
    """The settings beside ``manuscript`` (the working directory for stdin)."""
    directory = Path.cwd() if manuscript == "-" else Path(manuscript).parent
    found = find(directory)
    return load(found, rule_ids) if found is not None else Settings()


__all__ = [
    "EDITIONS",
    "FILES",
    "KNOWN_KEYS",
    "Settings",
    "SettingsError",
    "find",
    "for_manuscript",
    "from_mapping",
    "load",
]
