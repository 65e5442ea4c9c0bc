"""``archcite frus …``: the FRUS catalog and cross-reference resolver on the command line.

Commands (all print JSON on stdout, errors as one line on stderr):

``archcite frus show ID``
    The catalog record of a volume. An id not in the catalog is *not found*:
    exit 1 (a finding about the id, not a usage error); an empty id is a usage
    error (exit 2) that quotes what it got.
``archcite frus resolve TEXT [--in VOLUME_ID]``
    The FRUS references in a note's text (``-`` reads stdin), each with its
    volume id, documents, pages, links and validation. The text goes through
    the whole pipeline (recognize, then resolve), as ``archcite parse`` does:
    an Ibid. after a FRUS reference is printed with the volume it stands for,
    and a reference inside the current volume ("See Document 389") takes the
    last volume cited, or the volume ``--in`` names. Offsets are into the text
    as given; ``antecedent`` is the index, among ``archcite parse TEXT``'s
    records, of the citation a reference resolved through.
``archcite frus catalog build PATH [-o OUT]``
    Rebuild the catalog from a local clone of HistoryAtState/frus (or from the
    workspace's ``frus-catalog-source``). Point ``ARCHCITE_FRUS_CATALOG`` at the
    output to use it instead of the packaged catalog.
``archcite frus eval [CORPUS]``
    Score the recognizer against the ``<ref target>`` links of the FRUS TEI
    corpus (see :mod:`archcite.evaluation.frus`): overall, per file, and the
    missed pairs by class of issue 11. A corpus without notes is an error
    (exit 2).

The integrator registers the group with ``cli.add_command(frus)``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any, ClassVar

import click

from archcite.authority.catalog import catalog
from archcite.errors import ArchciteError, InputError
from archcite.model import Located
from archcite.pipeline import finish, locate, text_note
from archcite.readers.textmap import LineIndex


class NotFoundError(ArchciteError):
    """A volume id that is not in the FRUS catalog (exit 1: a finding)."""

    exit_code: ClassVar[int] = 1


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group("frus")
def frus() -> None:
    """FRUS volume catalog and cross-reference resolver."""


def _volume_id(volume_id: str) -> str:
    """``volume_id`` without surrounding spaces; an empty one is a usage error
    that names what it got (an id that is merely unknown is a finding)."""
    stripped = volume_id.strip()
    if not stripped:
        raise InputError(
            f"{volume_id!r} is not a FRUS volume id (such as frus1961-63v06)"
        )
    return stripped


@frus.command("show")
@click.argument("volume_id")
def show(volume_id: str) -> None:
    """Print the catalog record of VOLUME_ID (e.g. frus1961-63v06)."""
    vol = catalog().get(_volume_id(volume_id))
    if vol is None:
        raise NotFoundError("not in the FRUS catalog", volume_id)
    _echo_json(vol.as_dict())


def resolve_text(text: str, volume_id: str | None = None) -> list[dict[str, Any]]:
    """The FRUS references of ``text`` as JSON-ready dicts (offsets into ``text``).

    A citation is printed when the recognizer read it as a FRUS reference, or
    when the resolve stage gave it one (an Ibid. of a FRUS volume); "see
    footnote 2 above", which the resolve stage finds is no FRUS reference, is
    printed with its reason.
    """
    found = locate([text_note(text, volume_id=volume_id)])
    lines = LineIndex(text)
    out: list[dict[str, Any]] = []
    for before, loc in zip(found, finish(found), strict=True):
        if before.citation.kind in ("frus", "internal") or loc.citation.frus:
            out.append(_record(loc, text, lines))
    return out


def _raw_offset(loc: Located, lines: LineIndex, offset: int) -> int:
    """Where ``offset`` of the note's collapsed text is in the text as given."""
    line, column = loc.note.srcmap.locate(offset)
    return lines.offset(line, column)


def _record(loc: Located, text: str, lines: LineIndex) -> dict[str, Any]:
    c = loc.citation
    start = _raw_offset(loc, lines, c.start)
    end = _raw_offset(loc, lines, c.end - 1) + 1 if c.end > c.start else start
    return {
        "text": text[start:end],
        "start": start,
        "end": end,
        "kind": c.kind,
        "status": c.status,
        "role": c.role,
        "frus": dataclasses.asdict(c.frus) if c.frus is not None else None,
        "antecedent": c.antecedent,
        "reason": c.reason,
    }


@frus.command("resolve")
@click.argument("text")
@click.option(
    "--in",
    "volume_id",
    metavar="VOLUME_ID",
    help="Volume the note belongs to (resolves 'See Document 389', 'vol. ii').",
)
def resolve(text: str, volume_id: str | None) -> None:
    """Resolve the FRUS references in TEXT ('-' reads stdin)."""
    if text == "-":
        text = sys.stdin.read()
    if volume_id is not None:
        volume_id = _volume_id(volume_id)
        if volume_id not in catalog():
            raise NotFoundError("not in the FRUS catalog", volume_id)
    _echo_json(resolve_text(text, volume_id))


@frus.group("catalog")
def catalog_group() -> None:
    """Build the FRUS volume catalog."""


@catalog_group.command("build")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    default=Path("frus_catalog.json"),
    show_default=True,
    help="Where to write the catalog JSON.",
)
def build(path: Path, out: Path) -> None:
    """Rebuild the catalog from PATH: a HistoryAtState/frus clone or frus-catalog-source."""
    from archcite.authority.catalog_build import build as build_catalog
    from archcite.authority.catalog_build import write

    if not path.is_dir():
        raise InputError("not a directory", str(path))
    data = build_catalog(path)
    if not data["volumes"]:
        raise InputError("no volume records found", str(path))
    try:
        write(data, out)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", str(out)) from None
    click.echo(
        f"{len(data['volumes'])} volumes written to {out}; "
        f"use it with ARCHCITE_FRUS_CATALOG={out}",
        err=True,
    )


@frus.command("eval")
@click.argument(
    "corpus", required=False, type=click.Path(path_type=Path, file_okay=False)
)
@click.option(
    "--gold-errors",
    type=click.Path(path_type=Path, dir_okay=False),
    help="TOML file of documented gold errors to leave out.",
)
def evaluate_cmd(corpus: Path | None, gold_errors: Path | None) -> None:
    """Score the recognizer against the <ref target> gold of the FRUS TEI corpus."""
    from archcite.evaluation.frus import evaluate, load_gold_errors

    repo = Path(__file__).resolve().parents[2]  # archcite/cli/frus.py -> the checkout
    corpus = corpus or repo.parent / "shared" / "corpus"
    if not corpus.is_dir():
        raise InputError("corpus folder not found", str(corpus))
    errors_file = gold_errors or repo / "tests" / "gold" / "frus_gold_errors.toml"
    # evaluate() refuses a corpus without notes: scores over nothing are not 1.0
    click.echo(evaluate(corpus, load_gold_errors(errors_file)).as_text())
