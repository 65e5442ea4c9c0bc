"""``archcite check``: rules over a manuscript's citations, and their reports.

The checker is a layer over the pipeline's records: each rule
(:mod:`archcite.check.rules`, declared with its examples in ``rules.toml``)
reads the resolved citations of one manuscript and yields findings; a report
(:mod:`archcite.check.reports`: text, JSON lines, SARIF, HTML) prints them.

    from archcite.check import check_paths
    for finding in check_paths(["draft.md"]):
        print(finding.rule, finding.line, finding.message)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from archcite import readers
from archcite.check import registry
from archcite.check.manuscript import Manuscript
from archcite.check.model import Edit, Finding, RuleInfo, Severity
from archcite.check.runner import active, manuscript_of, run
from archcite.check.settings import Settings, SettingsError
from archcite.model import Note
from archcite.pipeline import finish, locate
from archcite.readers.textmap import TextBuilder


def rules() -> list[RuleInfo]:
    """Every rule, in the order ``archcite rules`` lists them."""
    return list(registry.infos().values())


def notes_manuscript(
    texts: Sequence[str], settings: Settings | None = None, source: str = "<notes>"
) -> Manuscript:
    """A manuscript whose notes are ``texts`` (note ``i`` on line ``i``)."""
    notes = []
    for i, text in enumerate(texts):
        builder = TextBuilder()
        builder.add(text, i + 1, 1)
        normalized, srcmap = builder.build()
        notes.append(Note(source, str(i + 1), i, normalized, srcmap))
    return Manuscript(source, finish(locate(notes)), settings)


def check_manuscript(
    manuscript: Manuscript, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> tuple[Finding, ...]:
    """The findings of the selected rules (house ``ignore`` applied)."""
    return run(manuscript, active(manuscript.settings, select, ignore))


def check_paths(
    paths: Iterable[str],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    settings: Settings | None = None,
) -> Iterator[Finding]:
    """Findings of every document in ``paths``, each with the settings beside it."""
    from archcite.check.settings import for_manuscript

    for path in paths:
        house = settings or for_manuscript(path, registry.ids())
        ms = manuscript_of(readers.open_source(path), house)
        yield from check_manuscript(ms, select, ignore)


__all__ = [
    "Edit",
    "Finding",
    "Manuscript",
    "RuleInfo",
    "Settings",
    "SettingsError",
    "Severity",
    "check_manuscript",
    "check_paths",
    "notes_manuscript",
    "rules",
]
