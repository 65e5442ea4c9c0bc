"""Export formats for ``archcite extract --format …`` and the ``export`` command.

``render_items(items, fmt)`` is what ``extract`` calls (``render_format`` for
located citations, ``write_format`` to a file); ``export`` sends items to Zotero. Every format starts
from items (:mod:`archcite.items`): one entry per source, not per mention.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import click

from archcite.errors import ArchciteError
from archcite.export import formats, zotero
from archcite.items import ItemSet, collect
from archcite.model import Citation, Located
from archcite.output import write_atomic


def as_items(
    source: ItemSet | Iterable[Located | Citation | Mapping[str, Any]],
) -> ItemSet:
    """Items from an ItemSet, located citations, citations or CSL items."""
    if isinstance(source, ItemSet):
        return source
    entries = list(source)
    if entries and all(isinstance(e, Mapping) for e in entries):
        from archcite.items import from_csl

        return from_csl([e for e in entries if isinstance(e, Mapping)])
    return collect([e for e in entries if isinstance(e, Located | Citation)])


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_items(items: ItemSet, fmt: str) -> str:
    """The text of ``items`` in one output format (see :mod:`archcite.export.formats`)."""
    return formats.render(items, fmt)


def render_format(located: Sequence[Located], fmt: str) -> str:
    """``extract --format FMT``: the located citations' items in that format."""
    return render_items(collect(located), fmt)


def write_format(
    source: ItemSet | Iterable[Located | Citation | Mapping[str, Any]],
    fmt: str,
    out: str | os.PathLike[str] | None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> str:
    """Render and write to ``out`` atomically (``None`` or ``-``: stdout)."""
    text = render_items(as_items(source), fmt)
    if out is None or str(out) == "-":
        sys.stdout.write(text)
    else:
        write_atomic(out, text, inputs)
    return text


def load_items(paths: Sequence[str]) -> ItemSet:
    """Items of manuscripts (recognized) or bibliographies (read as they are)."""
    from archcite import readers
    from archcite.export.cslinput import is_bibliography, read_items
    from archcite.pipeline import extract_source

    located: list[Located] = []
    csl_items: list[dict[str, Any]] = []
    for name in paths:
        if is_bibliography(name):
            csl_items += read_items(name).csl()
        else:
            located += extract_source(readers.open_source(name))
    if csl_items and located:
        merged = collect(located).csl() + csl_items
        return as_items(merged)
    return as_items(csl_items) if csl_items else collect(located)


@click.command("export")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--to", "target", type=click.Choice(["zotero"]), required=True, help="Destination."
)
@click.option(
    "--library-id", envvar="ARCHCITE_ZOTERO_LIBRARY_ID", help="Zotero user or group id."
)
@click.option(
    "--library-type",
    type=click.Choice(["user", "group"]),
    default="user",
    show_default=True,
    envvar="ARCHCITE_ZOTERO_LIBRARY_TYPE",
)
@click.option(
    "--api-key",
    envvar="ARCHCITE_ZOTERO_API_KEY",
    help="Zotero API key with write access.",
)
@click.option(
    "--collection",
    envvar="ARCHCITE_ZOTERO_COLLECTION",
    help="Put the items in this collection (created if missing).",
)
@click.option(
    "--connector",
    is_flag=True,
    help="Send to the running Zotero desktop instead of the Web API.",
)
@click.option(
    "--connector-url",
    envvar="ARCHCITE_ZOTERO_CONNECTOR_URL",
    default="http://127.0.0.1:23119",
    show_default=True,
    hidden=True,
)
@click.option(
    "--api-url",
    envvar="ARCHCITE_ZOTERO_API_URL",
    default="https://api.zotero.org",
    show_default=True,
    hidden=True,
)
@click.option(
    "--dry-run", is_flag=True, help="Print the Zotero items instead of sending them."
)
def export(
    paths: tuple[str, ...],
    target: str,
    library_id: str | None,
    library_type: str,
    api_key: str | None,
    collection: str | None,
    connector: bool,
    connector_url: str,
    api_url: str,
    dry_run: bool,
) -> None:
    """Send the sources cited in PATHS (manuscripts, CSL-JSON or .bib) to Zotero.

    Through the Web API (needs pyzotero: pip install 'archcite[zotero]', a
    library id and an API key, also from ARCHCITE_ZOTERO_LIBRARY_ID /
    ARCHCITE_ZOTERO_API_KEY) or, with --connector, the Zotero desktop app.
    Items already in the collection (same citation key) are not sent again.
    """
    from archcite.export.zotero_push import push_connector, push_web

    items = zotero.zotero_items(load_items(paths))
    if dry_run:
        click.echo(_json(items), nl=False)
        return
    if not items:
        raise ArchciteError("no citable sources found; nothing sent")
    if connector:
        report = push_connector(items, connector_url, collection=collection)
    else:
        if not library_id:
            raise ArchciteError(
                "--library-id (or ARCHCITE_ZOTERO_LIBRARY_ID) is required"
            )
        if not api_key:
            raise ArchciteError("--api-key (or ARCHCITE_ZOTERO_API_KEY) is required")
        report = push_web(items, library_id, api_key, library_type, collection, api_url)
    click.echo(report.summary())
    if report.failed:
        raise SystemExit(1)


__all__ = [
    "as_items",
    "export",
    "load_items",
    "render_format",
    "render_items",
    "write_format",
]
