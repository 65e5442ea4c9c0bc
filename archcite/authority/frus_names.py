"""The names of the FRUS series and the cited volumes the catalog lacks.

Data in ``frus_names.toml`` (next to this module); :func:`frus_names` loads and
validates it once. The FRUS grammar builds its series anchor from
:attr:`FrusNames.names` (the old names carry the years they were used for) and
refuses :attr:`FrusNames.not_series`; the resolver gives a reference to one of
:attr:`FrusNames.volumes` that volume's id with a reason, since the catalog
has no record of it. Every entry's examples are tests
(``tests/test_frus_names.py``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from archcite.authority import AuthorityError

NameKind = Literal["series", "abbreviation", "old-name"]
_KINDS = ("series", "abbreviation", "old-name")
_YEARS = re.compile(r"(\d{4})-(\d{4})")


@dataclass(frozen=True, slots=True)
class Example:
    """A note and the FRUS reference it must give (none for ``not_series``)."""

    text: str
    volume_id: str | None = None
    documents: tuple[int, ...] = ()
    pages: tuple[str, ...] = ()
    in_volume: str | None = None


@dataclass(frozen=True, slots=True)
class SeriesName:
    name: str
    kind: NameKind
    #: whether the name matches with other capitals too
    any_case: bool
    #: the first and last year of the volumes an old name names
    years: tuple[int, int] | None
    examples: tuple[Example, ...]


@dataclass(frozen=True, slots=True)
class ExtraVolume:
    """A volume citations name that the catalog source lacks."""

    id: str
    years: tuple[int, int]
    names: tuple[str, ...]
    title: str
    examples: tuple[Example, ...]


@dataclass(frozen=True, slots=True)
class NotSeries:
    name: str
    examples: tuple[Example, ...]


@dataclass(frozen=True, slots=True)
class FrusNames:
    names: tuple[SeriesName, ...]
    volumes: tuple[ExtraVolume, ...]
    not_series: tuple[NotSeries, ...]

    def volume(self, name: str, first: int, last: int) -> ExtraVolume | None:
        """The extra volume called ``name`` that covers the years cited."""
        for vol in self.volumes:
            if name.lower() in (n.lower() for n in vol.names) and vol.years == (
                first,
                last,
            ):
                return vol
        return None


def _years(raw: Any, where: str) -> tuple[int, int]:
    m = _YEARS.fullmatch(str(raw))
    if m is None or int(m.group(1)) > int(m.group(2)):
        raise AuthorityError(f"{where}: years must be 'first-last', not {raw!r}")
    return int(m.group(1)), int(m.group(2))


def _examples(raw: Any, where: str, *, ref: bool) -> tuple[Example, ...]:
    if not isinstance(raw, list) or not raw:
        raise AuthorityError(f"{where}: every entry needs examples")
    out = []
    for ex in raw:
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
            raise AuthorityError(f"{where}: an example needs a text")
        if ref != ("volume_id" in ex):
            raise AuthorityError(f"{where}: {ex['text']!r}: volume_id is wrong here")
        out.append(
            Example(
                text=ex["text"],
                volume_id=ex.get("volume_id"),
                documents=tuple(ex.get("documents", ())),
                pages=tuple(ex.get("pages", ())),
                in_volume=ex.get("in_volume"),
            )
        )
    return tuple(out)


def parse(data: dict[str, Any]) -> FrusNames:
    """Validate the TOML structure; :class:`AuthorityError` when it is wrong."""
    names = []
    for raw in data.get("name", []):
        where = f"frus_names.toml: name {raw.get('name')!r}"
        kind = raw.get("kind")
        if kind not in _KINDS or raw.get("case") not in ("exact", "any"):
            raise AuthorityError(f"{where}: kind or case is missing or unknown")
        years = _years(raw["years"], where) if "years" in raw else None
        if (kind == "old-name") != (years is not None):
            raise AuthorityError(f"{where}: old names, and only they, have years")
        names.append(
            SeriesName(
                name=raw["name"],
                kind=kind,
                any_case=raw["case"] == "any",
                years=years,
                examples=_examples(raw.get("examples"), where, ref=True),
            )
        )
    if len({n.name.lower() for n in names}) != len(names):
        raise AuthorityError("frus_names.toml: a name is listed twice")
    volumes = tuple(
        ExtraVolume(
            id=raw["id"],
            years=_years(raw["years"], f"volume {raw['id']}"),
            names=tuple(raw["names"]),
            title=raw["title"],
            examples=_examples(raw.get("examples"), f"volume {raw['id']}", ref=True),
        )
        for raw in data.get("volume", [])
    )
    not_series = tuple(
        NotSeries(
            name=raw["name"],
            examples=_examples(raw.get("examples"), raw["name"], ref=False),
        )
        for raw in data.get("not_series", [])
    )
    return FrusNames(tuple(names), volumes, not_series)


@cache
def frus_names() -> FrusNames:
    """The packaged table, loaded once."""
    text = (
        resources.files("archcite.authority")
        .joinpath("frus_names.toml")
        .read_text(encoding="utf-8")
    )
    return parse(tomllib.loads(text))
