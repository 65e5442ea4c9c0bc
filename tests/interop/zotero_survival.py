"""What Zotero keeps of each export format, measured through its own importers.

Used by tests/interop/test_zotero_import.py and scripts/zotero_import_table.py.
``start_server`` runs ../shared/tools/zotero-import/start.sh (Zotero's
translation-server with its import translators); ``measure`` writes the items
in one format, POSTs the file to ``/import`` and counts, field by field, the
items that carry the field and the items whose imported Zotero item still has
it — in a Zotero field, or in Extra under the label Zotero reads back (a child
note is counted apart: a person sees it, Zotero does not read it).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archcite.cli.export import render_items
from archcite.csl.titles import document_number, is_archival, supply_title
from archcite.export.zotero import ITEM_TYPES
from archcite.items import ItemSet

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO.parent / "shared" / "tools" / "zotero-import"
FORMATS = ("zotero-rdf", "zotero-csl-json", "csl-json", "ris", "bibtex", "biblatex")
COLUMNS = (
    "title",
    "stored title",
    "archive",
    "box/folder",
    "collection",
    "archive place",
    "creators",
    "recipients",
    "item type",
    "telegram no.",
    "place sent from",
)
_CONTAINER = re.compile(r"\b(?:box|folder)\s+[^,]+", re.I)


def missing_tools() -> str | None:
    """Why the server cannot run here, or ``None``."""
    if not (TOOL / "start.sh").is_file():
        return "../shared/tools/zotero-import is not present"
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    return None


def rdf_importer(server_dir: Path | None = None) -> bool:
    """Whether the server has an import translator for RDF (Zotero's "RDF")."""
    base = server_dir or TOOL / "translation-server"
    for path in (base / "modules" / "translators").glob("*.js"):
        head = path.read_text("utf-8", "replace")[:600]
        if '"target": "rdf"' in head and re.search(r'"translatorType":\s*[13]', head):
            return True
    return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int) -> int:
    """Start the translation-server; its PID (the first run installs it)."""
    run = subprocess.run(
        ["bash", str(TOOL / "start.sh"), str(port)],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    if run.returncode != 0:
        raise RuntimeError(f"start.sh failed: {run.stderr.strip()}")
    return int(run.stdout.strip().splitlines()[-1])


def stop_server(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, 15)


def post(url: str, body: bytes, content_type: str = "text/plain") -> Any:
    req = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type}
    )
    with urllib.request.urlopen(req, timeout=120) as resp:
        return json.loads(resp.read().decode("utf-8"))


def import_items(base: str, text: str) -> list[dict[str, Any]]:
    """Zotero's items for a file, each with its child notes under ``_notes``."""
    out: list[dict[str, Any]] = []
    for entry in post(f"{base}/import", text.encode("utf-8")):
        if entry.get("itemType") == "note" and out:
            out[-1].setdefault("_notes", []).append(entry.get("note", ""))
        else:
            out.append(entry)
    return out


def _extra(item: Mapping[str, Any]) -> dict[str, list[str]]:
    lines: dict[str, list[str]] = {}
    for line in str(item.get("extra") or "").splitlines():
        label, sep, value = line.partition(":")
        if sep:
            lines.setdefault(label.strip().lower(), []).append(value.strip())
    return lines


def _in_notes(item: Mapping[str, Any], value: str) -> bool:
    return any(value in re.sub(r"<[^>]+>", "", n) for n in item.get("_notes", []))


def _families(names: Any) -> list[str]:
    return [str(n.get("family") or n.get("literal") or "") for n in names or []]


#: Zotero item types without an ``author`` creator: Zotero's CSL import gives the
#: CSL author their primary creator type (itemFromCSLJSON, getPrimaryIDForType).
_PRIMARY = {"interview": "interviewee"}


def _kept_names(zitem: Mapping[str, Any], names: Any, role: str) -> bool:
    have = {
        str(c.get("lastName") or c.get("name") or "")
        for c in zitem.get("creators", [])
        if c.get("creatorType") == role
    }
    have |= {v.split("||")[0].strip() for v in _extra(zitem).get(role, [])}
    return all(f in have for f in _families(names))


Check = Callable[[Mapping[str, Any], Mapping[str, Any]], str]
"""(written CSL item, imported Zotero item) -> "kept", "note" or "lost"."""


def _label(extra_label: str, *fields: str) -> Callable[[str], Check]:
    def make(var: str) -> Check:
        def check(csl: Mapping[str, Any], z: Mapping[str, Any]) -> str:
            value = str(csl[var])
            if any(z.get(f) == value for f in fields):
                return "kept"
            if value in _extra(z).get(extra_label, []):
                return "kept"
            return "note" if _in_notes(z, value) else "lost"

        return check

    return make


def _box(csl: Mapping[str, Any], z: Mapping[str, Any]) -> str:
    units = _CONTAINER.findall(str(csl["archive_location"]))
    where = str(z.get("archiveLocation") or "")
    if all(u in where for u in units):
        return "kept"
    return "note" if all(_in_notes(z, u) for u in units) else "lost"


def _names(*roles: tuple[str, str]) -> Check:
    """Every name of the (CSL variable, Zotero creator type) pairs the item has.

    An ``author`` is looked for under the creator type the imported item type
    gives it (an interview's author is its interviewee).
    """

    def check(csl: Mapping[str, Any], z: Mapping[str, Any]) -> str:
        pairs = [(var, role) for var, role in roles if csl.get(var)]
        zrole = _PRIMARY.get(str(z.get("itemType")), "author")
        pairs = [(v, zrole if r == "author" else r) for v, r in pairs]
        lost = [(v, r) for v, r in pairs if not _kept_names(z, csl[v], r)]
        if not lost:
            return "kept"
        families = [f for var, _ in lost for f in _families(csl[var])]
        return "note" if all(_in_notes(z, f) for f in families) else "lost"

    return check


def _number(csl: Mapping[str, Any], z: Mapping[str, Any]) -> str:
    """Kept in a number field, in Extra, in the title ("Telegram 2231") or in a
    letter's type ("telegram no. 2231")."""
    value = str(document_number(csl))
    if value in (z.get("number"), z.get("reportNumber")):
        return "kept"
    if re.search(rf"\b{re.escape(value)}$", str(z.get("letterType") or "")):
        return "kept"
    if value in _extra(z).get("number", []):
        return "kept"
    if re.search(rf"\b{re.escape(value)}$", str(z.get("title") or "")):
        return "kept"
    return "note" if _in_notes(z, value) else "lost"


def _stored_title(csl: Mapping[str, Any], z: Mapping[str, Any]) -> str:
    return "kept" if z.get("title") else "lost"


def _title(csl: Mapping[str, Any], z: Mapping[str, Any]) -> str:
    """A title in the item list: stored, or Zotero's own for a letter.

    Zotero shows an untitled letter with a recipient, an untitled interview
    with an interviewer, by its people ("[Letter to Kennedy]", "[Interview by
    Mulhollan]", Zotero.Item.getDisplayTitle), so such a row is not blank;
    archcite leaves addressed documents and unarchived interviews untitled
    (archcite/csl/titles.py).
    """
    if z.get("title"):
        return "kept"
    people = {"letter": "recipient", "interview": "interviewer"}.get(
        str(z.get("itemType"))
    )
    named = any(c.get("creatorType") == people for c in z.get("creators") or [])
    return "kept" if people and named else "lost"


def _itype(csl: Mapping[str, Any], z: Mapping[str, Any]) -> str:
    expected = ITEM_TYPES.get(str(csl.get("type")), "document")
    return "kept" if z.get("itemType") == expected else "lost"


#: column -> (does the written item carry it?, check)
CHECKS: dict[str, tuple[Callable[[Mapping[str, Any]], bool], Check]] = {
    "title": (lambda c: True, _title),
    "stored title": (lambda c: True, _stored_title),
    "archive": (
        lambda c: bool(c.get("archive")),
        _label("archive", "archive")("archive"),
    ),
    "box/folder": (
        lambda c: bool(_CONTAINER.search(str(c.get("archive_location") or ""))),
        _box,
    ),
    "collection": (
        lambda c: bool(c.get("archive_collection")) and c.get("type") != "collection",
        _label("archive_collection")("archive_collection"),
    ),
    "archive place": (
        lambda c: bool(c.get("archive-place")),
        _label("archive place")("archive-place"),
    ),
    "creators": (
        lambda c: bool(c.get("author") or c.get("interviewer")),
        _names(("author", "author"), ("interviewer", "interviewer")),
    ),
    "recipients": (
        lambda c: bool(c.get("recipient")),
        _names(("recipient", "recipient")),
    ),
    "item type": (lambda c: True, _itype),
    "telegram no.": (lambda c: bool(document_number(c)) and is_archival(c), _number),
    "place sent from": (
        lambda c: bool(c.get("event-place")),
        _label("event place", "eventPlace")("event-place"),
    ),
}


@dataclass
class Count:
    carried: int = 0
    kept: int = 0
    in_note: int = 0
    lost_ids: list[str] = field(default_factory=list)

    def cell(self) -> str:
        text = f"{self.kept}/{self.carried}"
        if self.in_note:
            text += f" (+{self.in_note} in a note)"
        return text


def measure(base: str, items: ItemSet, fmt: str) -> dict[str, Count]:
    """Per column, how many items carry the field and how many Zotero kept."""
    written = [supply_title(c) for c in items.csl()]
    imported = import_items(base, render_items(items, fmt))
    counts = {col: Count() for col in COLUMNS}
    for n, csl in enumerate(written):
        z = imported[n] if n < len(imported) else {}
        for col, (carries, check) in CHECKS.items():
            if not carries(csl):
                continue
            count = counts[col]
            count.carried += 1
            verdict = check(csl, z)
            if verdict == "kept":
                count.kept += 1
            else:
                count.lost_ids.append(str(csl.get("id")))
                if verdict == "note":
                    count.in_note += 1
    return counts


def table(results: Mapping[str, Mapping[str, Count]]) -> str:
    """A Markdown table: one row per format, one column per field."""
    head = "| format | " + " | ".join(COLUMNS) + " |"
    rule = "|---" * (len(COLUMNS) + 1) + "|"
    rows = [
        f"| `{fmt}` | " + " | ".join(counts[c].cell() for c in COLUMNS) + " |"
        for fmt, counts in results.items()
    ]
    return "\n".join([head, rule, *rows])
