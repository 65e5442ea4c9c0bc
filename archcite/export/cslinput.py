"""Read existing bibliographies as items: CSL-JSON, Zotero item JSON, ``.bib``.

So that a historian's existing library can be formatted and checked like a
manuscript's citations: ``read_items("refs.json")`` gives the same
:class:`~archcite.items.ItemSet` that :func:`archcite.items.collect` gives for
a document (ids kept as the file has them; collection items added).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from archcite.csl import edtf_to_date
from archcite.errors import InputError
from archcite.export import bibtex
from archcite.export.zotero import from_zotero
from archcite.items import ItemSet, from_csl

BibFormat = Literal["csl-json", "bibtex"]
SUFFIXES: dict[str, BibFormat] = {
    ".json": "csl-json",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
}
_MAX_BYTES = 64 * 1024 * 1024


def _decode(data: bytes | str, name: str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", name) from None


def sniff(data: bytes | str) -> BibFormat | None:
    """``csl-json`` or ``bibtex`` from the content, or ``None``."""
    head = (
        data[:4096].decode("utf-8", "replace")
        if isinstance(data, bytes)
        else data[:4096]
    ).lstrip("\ufeff \t\r\n")
    if head.startswith(("[", "{")):
        return "csl-json"
    if "@" in head and any(line.lstrip().startswith("@") for line in head.splitlines()):
        return "bibtex"
    return None


@cache
def _csl_schema() -> dict[str, Any]:
    text = resources.files("archcite.schema").joinpath("csl-data.json").read_text()
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _csl_validator() -> Any:
    import jsonschema

    schema = _open_schema(_csl_schema())
    return jsonschema.validators.validator_for(schema)(schema)


def _open_schema(node: Any) -> Any:
    """The schema without its ``additionalProperties: false``: exporters write
    keys of their own (citation.js ``_graph``, Juris-M ``multi``), which
    archcite keeps in ``custom`` rather than refusing the file for them."""
    if isinstance(node, dict):
        return {
            k: _open_schema(v)
            for k, v in node.items()
            if not (k == "additionalProperties" and v is False)
        }
    if isinstance(node, list):
        return [_open_schema(v) for v in node]
    return node


def _as_read(item: dict[str, Any]) -> dict[str, Any]:
    """What exporters write that means no harm, put in CSL's own terms: a
    ``null`` is an absent value, an EDTF date string ("1962-03-01", which the
    schema calls the preferred form) becomes date-parts, any other date string
    a ``raw`` date, and a number where CSL wants a string is that string."""
    props = _csl_schema()["items"]["properties"]
    out: dict[str, Any] = {}
    for key, value in item.items():
        if value is None:
            continue
        expected = props.get(key, {})
        if isinstance(value, str) and expected.get("$ref", "").endswith(
            "date-variable"
        ):
            value = edtf_to_date(value) or {"raw": value}
        elif (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and expected.get("type") == "string"
        ):
            value = str(value)
        out[key] = value
    return out


def csl_problem(item: Mapping[str, Any]) -> str | None:
    """Why ``item`` is not a valid CSL-JSON 1.0.2 item, or ``None``.

    Formats and exporters trust the variables they read; an item outside the
    schema (a misspelt type, no id, a name as a string) would come out wrong
    somewhere later without a word, so it is refused when it comes in. Keys
    the schema does not know are not a fault (see :func:`_open_schema`).
    """
    from jsonschema.exceptions import best_match

    error = best_match(_csl_validator().iter_errors([dict(item)]))
    if error is None:
        return None
    where = "/".join(str(p) for p in list(error.absolute_path)[1:])
    # The enum message lists every CSL type: too long for one error line.
    message = (
        f"{error.instance!r} is not a CSL {where or 'value'}"
        if error.validator == "enum"
        else error.message
    )
    return f"{where}: {message}" if where else message


def parse_json(data: bytes | str, name: str = "<json>") -> list[dict[str, Any]]:
    """CSL items from CSL-JSON (an array, one item, or ``{"items": […]}``).

    Zotero item JSON (objects with ``itemType``, bare or as the Web API wraps
    them in ``data``) is accepted too and mapped to CSL.
    """
    try:
        doc = json.loads(_decode(data, name))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", name
        ) from None
    if isinstance(doc, Mapping) and isinstance(doc.get("items"), list):
        doc = doc["items"]
    if isinstance(doc, Mapping):
        doc = [doc]
    if not isinstance(doc, list):
        raise InputError("CSL-JSON must be an array of items", name)
    if not doc:
        raise InputError("no items in this CSL-JSON file", name)
    out: list[dict[str, Any]] = []
    for n, raw in enumerate(doc):
        if not isinstance(raw, Mapping):
            raise InputError(f"item {n + 1} is not an object", name)
        inner = raw.get("data") if isinstance(raw.get("data"), Mapping) else raw
        assert isinstance(inner, Mapping)
        if "itemType" in inner:
            item = from_zotero(inner)
            if not item.get("id"):
                item["id"] = f"item{n + 1}"
        elif isinstance(raw.get("type"), str):
            item = _as_read(dict(raw))
            if (problem := csl_problem(item)) is not None:
                label = f"item {n + 1}" + (f" ({item['id']})" if item.get("id") else "")
                raise InputError(f"{label} is not valid CSL-JSON: {problem}", name)
        else:
            raise InputError(f"item {n + 1} has no CSL 'type'", name)
        item["id"] = str(item["id"])
        out.append(item)
    return out


def parse_bib(data: bytes | str, name: str = "<bib>") -> list[dict[str, Any]]:
    """CSL items from BibTeX/biblatex text (archcite's own or anyone's)."""
    items = bibtex.loads(_decode(data, name), name)
    if not items:
        raise InputError("no entries in this BibTeX file", name)
    return items


def parse(
    data: bytes | str, name: str, fmt: BibFormat | None = None
) -> list[dict[str, Any]]:
    """CSL items from a bibliography file's content; ``fmt`` from suffix or content."""
    fmt = fmt or SUFFIXES.get(Path(name).suffix.lower()) or sniff(data)
    if fmt == "csl-json":
        return parse_json(data, name)
    if fmt == "bibtex":
        return parse_bib(data, name)
    raise InputError("not a CSL-JSON or BibTeX file", name)


def read_items(path: str | Path, fmt: BibFormat | None = None) -> ItemSet:
    """The items of a CSL-JSON, Zotero JSON or ``.bib`` file."""
    p = Path(path)
    try:
        if p.stat().st_size > _MAX_BYTES:
            raise InputError("file too large for a bibliography", str(path))
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", str(path)) from None
    return from_csl(parse(data, str(path), fmt))


def is_bibliography(path: str | Path) -> bool:
    """Whether a path names a bibliography (by suffix) rather than a manuscript."""
    return Path(path).suffix.lower() in SUFFIXES


__all__ = ["is_bibliography", "parse", "parse_bib", "parse_json", "read_items", "sniff"]
