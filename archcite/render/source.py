"""CSL-JSON items made ready for citeproc-py (G8).

citeproc-py's reader lower-cases ids, drops ``raw`` dates, warns about every
variable it does not list (``archive_collection`` among them) and escapes
nothing. Before items reach it archcite:

* gives each item an internal key (``k0``, ``k1`` …) so ids that differ only in
  case stay apart, and keeps the map back to the real ids;
* turns ``raw`` and EDTF-like dates ("1962-02-20", "1962-02/1962-03") into
  ``date-parts``;
* expands leading ``key: value`` lines of ``note`` into variables the item lacks
  (what Zotero users write in Extra: ``archive_collection: …``), as citeproc-js
  does;
* reads ``part`` (csl-data.json's only key for a volume's part, which archcite's
  items carry) as ``part-number``, the CSL 1.0.2 variable the Chicago styles
  print ("vol. 29, pt. 2"), as citeproc-js does when given ``part-number``;
* escapes text for the HTML output (``<span class="nocase">`` kept), and turns
  numbers into strings.

Nothing here reads documents: items in, items out.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping
from typing import Any

from citeproc.source import Reference
from citeproc.source.json import CiteProcJSON

from archcite.render.formats import escape, field_markup_in

_NOCASE = re.compile(r'(<span class="nocase">.*?</span>)', re.IGNORECASE | re.DOTALL)
_RAW_DATE = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")
_NOTE_FIELD = re.compile(r"^\s*([-_a-z]+|[A-Z]+)\s*:\s*(.+?)\s*$")
_NAME_VARS = frozenset(
    {
        "author", "chair", "collection-editor", "compiler", "composer",
        "container-author", "contributor", "curator", "director", "editor",
        "editorial-director", "editor-translator", "executive-producer",
        "guest", "host", "illustrator", "interviewer", "narrator", "organizer",
        "original-author", "performer", "producer", "recipient", "reviewed-author",
        "script-writer", "series-creator", "translator",
    }
)  # fmt: skip
_DATE_VARS = frozenset(
    {"accessed", "available-date", "event-date", "issued", "original-date",
     "submitted", "container"}
)  # fmt: skip
#: CSL-JSON spellings citeproc-js accepts for a variable, by the 1.0.2 name.
_ALIASES = {"shortTitle": "title-short", "journalAbbreviation": "container-title-short"}


def _text(value: Any) -> str:
    parts = _NOCASE.split(str(value))
    return "".join(p if _NOCASE.fullmatch(p) else escape_keeping_tags(p) for p in parts)


def escape_keeping_tags(text: str) -> str:
    """Escape text but keep the field markup citeproc-js reads (``<i>`` …)."""
    return escape(field_markup_in(text))


def parse_date(value: Any) -> dict[str, Any] | None:
    """A CSL date with ``date-parts`` (``raw``/EDTF read); ``None`` when empty."""
    if not isinstance(value, Mapping):
        return None
    out = dict(value)
    parts = out.get("date-parts")
    if parts:
        clean = [
            [int(p) for p in part if str(p).strip().lstrip("-").isdigit()]
            for part in parts
            if isinstance(part, list)
        ]
        clean = [p for p in clean if p]
        if clean:
            out["date-parts"] = clean[:2]
            return out
        out.pop("date-parts")
    raw = out.pop("raw", None)
    if isinstance(raw, str) and raw.strip():
        found: list[list[int]] = []
        for piece in raw.split("/")[:2]:
            m = _RAW_DATE.match(piece)
            if m is None:
                found = []
                break
            found.append([int(g) for g in m.groups() if g])
        if found:
            out["date-parts"] = found
            return out
        out.setdefault("literal", raw.strip())
    if out.get("literal"):
        out["literal"] = _text(out["literal"])
        return out
    return None


def note_fields(item: Mapping[str, Any]) -> dict[str, Any]:
    """``item`` with leading ``key: value`` lines of its note made variables."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return dict(item)
    out = dict(item)
    lines = note.split("\n")
    rest: list[str] = []
    for n, line in enumerate(lines):
        m = _NOTE_FIELD.match(line)
        if m is None:
            rest = lines[n:]
            break
        key = m.group(1).lower().replace(" ", "-")
        key = {"archive-collection": "archive_collection"}.get(key, key)
        if key in _NAME_VARS:
            family, _, given = m.group(2).partition("||")
            names = out.setdefault(key, [])
            if isinstance(names, list):
                name = {"family": family.strip()}
                if given.strip():
                    name["given"] = given.strip()
                names.append(name)
        elif key in _DATE_VARS:
            out.setdefault(key, {"raw": m.group(2)})
        else:
            out.setdefault(key, m.group(2))
    if rest and any(line.strip() for line in rest):
        out["note"] = "\n".join(rest)
    else:
        out.pop("note", None)
    return out


def prepare(item: Mapping[str, Any], key: str) -> dict[str, Any]:
    """One item as citeproc-py's reader should see it, under ``key``."""
    out: dict[str, Any] = {"id": key}
    fields = note_fields(item)
    for name, value in fields.items():
        name = _ALIASES.get(name, name)
        if name == "part":
            if fields.get("part-number") not in (None, ""):
                continue  # an explicit part-number wins
            name = "part-number"
        if (
            name in ("id", "key", "citation-key", "custom", "system_id")
            or value is None
        ):
            continue
        if name == "type":
            out["type"] = str(value)
        elif name in _NAME_VARS:
            if isinstance(value, list):
                names = [
                    {k: _text(v) for k, v in n.items() if isinstance(v, str)}
                    for n in value
                    if isinstance(n, Mapping)
                ]
                names = [
                    n
                    for n in names
                    if n.get("family") or n.get("literal") or n.get("given")
                ]
                if names:
                    out[name] = names
        elif name in _DATE_VARS:
            date = parse_date(value)
            if date is not None:
                out[name] = date
        elif isinstance(value, str | int | float):
            text = _text(value)
            if text.strip():
                out[name] = text
    out.setdefault("type", "document")
    return out


class Source:
    """Items under internal keys: a citeproc-py source and the map back."""

    def __init__(self, items: Iterable[Mapping[str, Any]]) -> None:
        self.keys: dict[str, str] = {}
        self.items: dict[str, Mapping[str, Any]] = {}
        prepared = []
        for item in items:
            item_id = str(item.get("id", ""))
            if item_id in self.keys:
                continue
            key = f"k{len(self.keys)}"
            self.keys[item_id] = key
            self.items[item_id] = item
            prepared.append(prepare(item, key))
        with warnings.catch_warnings():
            # citeproc-py warns about every variable and name part it does not
            # list; they are kept all the same, and archcite checks items itself.
            warnings.simplefilter("ignore")
            self.csl = _Reader(prepared)

    def key(self, item_id: str) -> str | None:
        return self.keys.get(str(item_id))


class _Reader(CiteProcJSON):  # type: ignore[misc]
    """citeproc-py's CSL-JSON reader that knows every CSL 1.0.2 name variable.

    Its own list lacks ``reviewed-author``, ``chair``, ``compiler`` and more,
    whose names it would read as a string.
    """

    def __init__(self, items: Iterable[Mapping[str, Any]]) -> None:
        dict.__init__(self)
        for item in items:
            data: dict[str, Any] = {}
            for key, value in item.items():
                if key in ("id", "type"):
                    continue
                name = key.replace("-", "_")
                if key in _NAME_VARS:
                    data[name] = self.parse_names(value)
                elif key in _DATE_VARS:
                    date = self.parse_date(value)
                    if date is None:
                        continue
                    data[name] = date
                elif key == "language":
                    data[name] = value
                else:
                    data[name] = self.parse_string(value)
            self.add(Reference(item["id"], item["type"], **data))
