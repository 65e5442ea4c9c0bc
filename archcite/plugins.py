"""Extension points: plugins found through entry points, the way pybtex finds its own.

A plugin is an object registered under a *name* in an entry-point *group*. A
group ``G`` has two companion groups: ``G.suffixes`` maps a file suffix
(``".txt"``) to the same object as a name does, and ``G.aliases`` gives a plugin
a second name that is accepted but not listed. archcite registers its own
readers, recognizers and output formats in its ``pyproject.toml`` exactly as
another package registers its own::

    [project.entry-points."archcite.readers"]
    myformat = "mypackage.reader:reader"

    [project.entry-points."archcite.readers.suffixes"]
    ".myf" = "mypackage.reader:reader"

What each group's objects are is up to the registry that owns the group
(:mod:`archcite.readers`, :mod:`archcite.grammar`, :mod:`archcite.export.formats`);
this module only finds them. Entry points are read once per process
(:func:`rescan` reads them again); :func:`register` adds a plugin held in memory (a pandoc filter's own reader, a
test's recognizer) and wins over an installed one of the same name.

Names are listed in a stable order: archcite's own plugins first, then every
other distribution's, by distribution name (within one distribution, in the
order its installer wrote them, which is alphabetical for setuptools). When two
distributions register one name, the first in that order is used: another
package can add a reader but not silently replace one of archcite's. Groups
whose order matters sort their plugins by an ``order`` attribute (:func:`ordered`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from typing import Protocol, TypeVar

from archcite.errors import ArchciteError, UnknownFormatError

#: The groups archcite reads. ``archcite.styles`` is reserved for CSL styles.
GROUPS = frozenset(
    {"archcite.readers", "archcite.recognizers", "archcite.formats", "archcite.styles"}
)
_OWN_DISTRIBUTION = "archcite"
#: Groups archcite itself fills: empty ones mean archcite is not installed.
_OWN_GROUPS = frozenset(
    {"archcite.readers", "archcite.recognizers", "archcite.formats"}
)

T = TypeVar("T")


class Ordered(Protocol):
    """A plugin with a place in its group's order (lower first)."""

    @property
    def order(self) -> int: ...


P = TypeVar("P", bound=Ordered)


class PluginNotFound(UnknownFormatError):
    """No plugin of a group is registered under that name or suffix."""


class PluginError(ArchciteError):
    """A registered plugin cannot be loaded, or is not what its group expects."""


@dataclass(frozen=True, slots=True)
class _Runtime:
    """A plugin registered in memory; ``value`` plays the part of an entry point's."""

    name: str
    plugin: object
    value: str


# group -> name -> plugin registered at run time (see register())
_RUNTIME: dict[str, dict[str, _Runtime]] = {}
_generation = 0


def _check_group(group: str) -> str:
    base = group.removesuffix(".suffixes").removesuffix(".aliases")
    if base not in GROUPS:
        raise ValueError(f"unknown plugin group {base!r} (one of {sorted(GROUPS)})")
    return base


@cache
def _installed(group: str) -> tuple[EntryPoint, ...]:
    """The installed entry points of ``group``, first one of a name kept."""

    def order(ep: EntryPoint) -> tuple[int, str]:
        dist = ep.dist.name if ep.dist is not None else ""
        return (dist != _OWN_DISTRIBUTION, dist.lower())

    seen: set[str] = set()
    out: list[EntryPoint] = []
    # sorted() is stable: a distribution's own order survives.
    for ep in sorted(entry_points(group=group), key=order):
        if ep.name not in seen:
            seen.add(ep.name)
            out.append(ep)
    if group in _OWN_GROUPS and not any(
        ep.dist is not None and ep.dist.name == _OWN_DISTRIBUTION for ep in out
    ):
        # Running from a source tree that was never installed: say so, rather
        # than offer no readers at all.
        raise PluginError(
            f"archcite's own {group} plugins are not registered: install the "
            "package (pip install -e .) so that its entry points exist"
        )
    return tuple(out)


def _entries(group: str) -> dict[str, EntryPoint | _Runtime]:
    table: dict[str, EntryPoint | _Runtime] = {ep.name: ep for ep in _installed(group)}
    for name, runtime in _RUNTIME.get(group, {}).items():
        table[name] = runtime
    return table


def generation() -> int:
    """A number that changes whenever what is registered may have changed
    (:func:`register`, :func:`unregister`, :func:`rescan`).

    Registries that cache what they loaded key their cache on it.
    """
    return _generation


def rescan() -> None:
    """Read the installed entry points again when they are next needed.

    For a process that changes what is importable while it runs: a test that
    puts a distribution on ``sys.path`` for its own duration, and takes it off.
    """
    global _generation
    _installed.cache_clear()
    _generation += 1  # registries key what they loaded on it


def names(group: str) -> tuple[str, ...]:
    """The names of the plugins in ``group`` (aliases not included)."""
    _check_group(group)
    return tuple(_entries(group))


def _load(group: str, name: str, entry: EntryPoint | _Runtime) -> object:
    if isinstance(entry, _Runtime):
        return entry.plugin
    try:
        return entry.load()
    except Exception as exc:  # a broken plugin must say which one it is
        dist = entry.dist.name if entry.dist is not None else "unknown distribution"
        raise PluginError(
            f"plugin {name!r} of {group} ({entry.value}, from {dist}) cannot be "
            f"loaded: {type(exc).__name__}: {exc}"
        ) from exc


def find_plugin(group: str, name: str, kind: type[T]) -> T:
    """The plugin registered as ``name`` (or as an alias) in ``group``.

    Raises :class:`PluginNotFound` when there is none, :class:`PluginError` when
    it cannot be imported or is not a ``kind``.
    """
    _check_group(group)
    for search in (group, f"{group}.aliases"):
        entry = _entries(search).get(name)
        if entry is not None:
            plugin = _load(search, name, entry)
            if not isinstance(plugin, kind):
                raise PluginError(
                    f"plugin {name!r} of {group} is a {type(plugin).__name__}, "
                    f"not a {kind.__name__}"
                )
            return plugin
    known = ", ".join(names(group))
    raise PluginNotFound(f"no plugin {name!r} in {group} (known: {known})")


def ordered(group: str, kind: type[P]) -> tuple[tuple[str, P], ...]:
    """``(name, plugin)`` of every plugin of ``group``, loaded, by ``order``.

    Entry points have no order of their own (installers sort them), so a group
    whose order shows — the recognizers' chain, the readers ``archcite readers``
    lists — asks each plugin for its ``order``; equal ones keep :func:`names`
    order.
    """
    found = [(name, find_plugin(group, name, kind)) for name in names(group)]
    return tuple(sorted(found, key=lambda pair: pair[1].order))


def _named_values(group: str) -> list[tuple[str, str]]:
    """(name, value) of every plugin of ``group``, installed ones a runtime
    plugin replaces included, so that their suffixes still select the name."""
    pairs = [(ep.name, ep.value) for ep in _installed(group)]
    pairs += [(r.name, r.value) for r in _RUNTIME.get(group, {}).values()]
    return pairs


def canonical_name(group: str, name: str) -> str | None:
    """``name`` itself when it is a plugin's name, the plugin's name when it is an
    alias, ``None`` when it is neither."""
    _check_group(group)
    if name in _entries(group):
        return name
    alias = _entries(f"{group}.aliases").get(name)
    if alias is None:
        return None
    return next((n for n, v in _named_values(group) if v == alias.value), None)


def name_for_suffix(group: str, suffix: str) -> str | None:
    """The name of the plugin of ``group`` that file ``suffix`` (".txt") selects.

    A suffix entry point names the same object as the plugin's own entry point,
    so the two are matched by their ``module:attribute`` without importing
    anything; ``None`` when no plugin claims the suffix.
    """
    _check_group(group)
    entry = _entries(f"{group}.suffixes").get(suffix)
    if entry is None:
        return None
    for name, value in _named_values(group):
        if value == entry.value:
            return name
    raise PluginError(
        f"suffix {suffix!r} of {group} points to {entry.value}, which no plugin "
        "of the group is registered as"
    )


def suffixes(group: str, name: str) -> tuple[str, ...]:
    """The file suffixes that select plugin ``name`` of ``group``, in order."""
    _check_group(group)
    values = {value for named, value in _named_values(group) if named == name}
    return tuple(
        suffix
        for suffix, entry in _entries(f"{group}.suffixes").items()
        if entry.value in values
    )


def register(
    group: str,
    name: str,
    plugin: object,
    suffixes: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
) -> None:
    """Register ``plugin`` in memory as ``name`` of ``group``, with file suffixes
    and aliases; it replaces an installed plugin of the same name in this process.
    """
    global _generation
    _check_group(group)
    unregister(group, name)
    for suffix in suffixes:
        if not suffix.startswith("."):
            raise ValueError(f"a suffix starts with a period: {suffix!r}")
    # Installed plugins are told apart by "module:attribute"; a runtime one by
    # the object's identity, which no entry point value can equal.
    value = f"<runtime {group} {name} {id(plugin):x}>"
    entry = _Runtime(name, plugin, value)
    _RUNTIME.setdefault(group, {})[name] = entry
    for suffix in suffixes:
        _RUNTIME.setdefault(f"{group}.suffixes", {})[suffix] = _Runtime(
            suffix, plugin, value
        )
    for alias in aliases:
        _RUNTIME.setdefault(f"{group}.aliases", {})[alias] = _Runtime(
            alias, plugin, value
        )
    _generation += 1


def unregister(group: str, name: str) -> None:
    """Forget a plugin registered with :func:`register`, its suffixes and aliases."""
    global _generation
    _check_group(group)
    entry = _RUNTIME.get(group, {}).pop(name, None)
    if entry is None:
        return
    for companion in (f"{group}.suffixes", f"{group}.aliases"):
        table = _RUNTIME.get(companion, {})
        for key in [k for k, e in table.items() if e.value == entry.value]:
            del table[key]
    _generation += 1


@contextmanager
def registered(
    group: str,
    name: str,
    plugin: object,
    suffixes: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
) -> Iterator[None]:
    """:func:`register` for the duration of a ``with`` block."""
    register(group, name, plugin, suffixes, aliases)
    try:
        yield
    finally:
        unregister(group, name)


__all__ = [
    "GROUPS",
    "PluginError",
    "PluginNotFound",
    "canonical_name",
    "find_plugin",
    "generation",
    "name_for_suffix",
    "names",
    "ordered",
    "register",
    "registered",
    "rescan",
    "suffixes",
    "unregister",
]
