"""Click choices read from a plugin registry when an option is parsed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import click


class RegistryChoice(click.Choice[str]):
    """A choice among names read from a plugin registry when they are needed.

    Reading them at import would make every ``archcite`` call load the entry
    points before it knows whether the option is used, and would miss plugins
    registered in the same process after the import. An alias a plugin is also
    registered under is accepted and given as the plugin's own name.
    """

    def __init__(
        self,
        names: Callable[[], Sequence[str]],
        canonical: Callable[[str], str | None] = lambda name: None,
    ) -> None:
        self._names = names
        self._canonical = canonical
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(self._names())

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        pass  # the names always come from the registry

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> str:
        if isinstance(value, str) and value not in self.choices:
            value = self._canonical(value) or value
        return super().convert(value, param, ctx)
