#!/usr/bin/env python3
"""Regenerate archcite/authority/frus_catalog.json from ../shared/corpus/frus-catalog-source.

Usage: python scripts/build_frus_catalog.py [SOURCE] [-o OUT]

SOURCE defaults to ../shared/corpus/frus-catalog-source relative to the
repository; it may also be a local clone of HistoryAtState/frus. The output is
deterministic, so re-running it on unchanged sources leaves git clean.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from archcite.authority.catalog_build import build, write  # noqa: E402
from archcite.errors import ArchciteError  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=REPO.parent / "shared" / "corpus" / "frus-catalog-source",
    )
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        default=REPO / "archcite" / "authority" / "frus_catalog.json",
    )
    args = parser.parse_args()
    try:
        catalog = build(args.source)
    except ArchciteError as exc:
        print(f"build_frus_catalog: error: {exc}", file=sys.stderr)
        return 2
    write(catalog, args.out)
    print(f"{len(catalog['volumes'])} volumes -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
