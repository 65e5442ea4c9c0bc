#!/usr/bin/env python3
"""Share of notes with an ``unrecognized`` record, by TEI volume of the corpus.

The measurement of issue 11 (see :mod:`archcite.evaluation.unrecognized`):
every TEI volume in ``../shared/corpus`` (``frus/``, ``frus-nyr/``, and the
``frus-slices/`` and ``frus-notes/`` material wrapped in a TEI document of its
volume), run through the whole pipeline.

Usage: scripts/unrecognized_share.py [--corpus DIR] [--show N] [--keys]

``--show N`` lists up to N unrecognized notes per volume; ``--keys`` prints
only the ``volume#note`` keys, one a line (the form of
``tests/gold/unrecognized_notes.txt``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from archcite.evaluation.unrecognized import as_text, measure  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=REPO.parent / "shared" / "corpus"
    )
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--keys", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"unrecognized_share: error: {args.corpus}: not found", file=sys.stderr)
        return 2
    shares = measure(args.corpus)
    if args.keys:
        for s in shares:
            for key in s.keys:
                print(key)
    else:
        print(as_text(shares, args.show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
