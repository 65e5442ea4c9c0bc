"""Print what Zotero keeps of every export format, measured through its importers.

    python scripts/zotero_import_table.py [samples|testset|PATH…]

Starts ../shared/tools/zotero-import/start.sh on a free port, imports every
format (tests/interop/zotero_survival.py) and prints a Markdown table: for each
field, items that carry it / items where Zotero kept it in a field or in Extra
under a label it reads back ("+N in a note": only in a child note).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "interop"))

from zotero_survival import (  # noqa: E402
    FORMATS,
    free_port,
    measure,
    missing_tools,
    rdf_importer,
    start_server,
    stop_server,
    table,
)

from archcite.cli.export import load_items  # noqa: E402
from archcite.items import from_csl  # noqa: E402


def main(args: list[str]) -> int:
    reason = missing_tools()
    if reason:
        print(f"zotero_import_table: {reason}", file=sys.stderr)
        return 2
    which = args or ["samples"]
    if which == ["testset"]:
        data = json.loads((ROOT / "tests/data/zotero/items.json").read_text("utf-8"))
        items = from_csl(data)
    elif which == ["samples"]:
        paths = [p for p in (ROOT / "samples").rglob("*") if p.is_file()]
        items = load_items([str(p) for p in sorted(paths) if p.name != "README.md"])
    else:
        items = load_items(which)
    port = free_port()
    pid = start_server(port)
    try:
        base = f"http://127.0.0.1:{port}"
        fmts = [f for f in FORMATS if f != "zotero-rdf" or rdf_importer()]
        print(table({fmt: measure(base, items, fmt) for fmt in fmts}))
        print(f"\n{len(items)} items; zotero-rdf measured: {'zotero-rdf' in fmts}")
    finally:
        stop_server(pid)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
