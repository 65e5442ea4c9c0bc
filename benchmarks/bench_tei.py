"""Time and memory of the TEI reader on the FRUS corpus (a script, not a test).

For every TEI file under ../shared/corpus/frus and ../shared/corpus/frus-nyr it
reports:

* ``read s``  best-of-N wall time to read every note (text + source map);
* ``parse s`` best-of-N wall time of a plain ``lxml.etree.parse`` of the same file
  in the same process (the baseline: a full tree, no note handling);
* ``ratio``   read / parse;
* ``MB/s``    file size / read time;
* ``peak MB`` extra peak resident memory (VmHWM) of reading, and ``parse MB`` of
  the plain parse, each in a fresh subprocess so the two do not mask each other;
* ``py MB``   tracemalloc peak of the read (Python objects only: lxml's C tree is
  invisible to tracemalloc, which is why resident memory is reported too).

``--scale K`` adds a synthetic file: frus1930v01's body repeated K times, to show
that the reader's memory stays flat while a full parse grows with the file.

Usage: .venv/bin/python benchmarks/bench_tei.py [--repeat N] [--scale K]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from lxml import etree

from archcite.readers import Source
from archcite.readers.tei import read_tei

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def read_all(path: Path) -> int:
    return sum(1 for _ in read_tei(Source(str(path), path)))


def best_of(repeat: int, fn: object, path: Path) -> float:
    assert callable(fn)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(path)
        best = min(best, time.perf_counter() - t0)
    return best


def maxrss_kib() -> int:
    """Peak resident set size of this process, in KiB."""
    # ru_maxrss of a child started by fork+exec inherits the parent's peak on
    # Linux, which would hide the child's own; VmHWM belongs to this process only.
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        status = ""
    m = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    if m:
        return int(m.group(1))
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def child(mode: str, path: Path) -> None:
    """Run one operation in this (fresh) process and print its peak RSS growth."""
    before = maxrss_kib()
    if mode == "read":
        read_all(path)
    else:
        tree = etree.parse(str(path))
        del tree
    print(json.dumps({"peak_kib": maxrss_kib() - before}))


def peak_in_subprocess(mode: str, path: Path) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)["peak_kib"] / 1024


def python_peak(path: Path) -> float:
    tracemalloc.start()
    read_all(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def synthetic(scale: int, tmp: Path) -> Path:
    """frus1930v01 with its <body> content repeated ``scale`` times (ids kept)."""
    text = (CORPUS / "frus-nyr" / "frus1930v01.xml").read_text(encoding="utf-8-sig")
    start = text.index("<body>") + len("<body>")
    end = text.index("</body>")
    body = text[start:end]
    # Each copy gets its own ids: lxml.etree.parse rejects duplicate xml:ids.
    copies = [body.replace('xml:id="', f'xml:id="c{k}_') for k in range(scale)]
    out = tmp / f"frus1930v01x{scale}.xml"
    out.write_text(text[:start] + "".join(copies) + text[end:], encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--scale", type=int, default=0)
    ap.add_argument(
        "--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS
    )
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    if not CORPUS.is_dir():
        sys.exit("bench_tei: ../shared/corpus is not present")
    files = sorted([*CORPUS.glob("frus/*.xml"), *CORPUS.glob("frus-nyr/*.xml")])
    with tempfile.TemporaryDirectory() as tmpdir:
        if args.scale:
            files.append(synthetic(args.scale, Path(tmpdir)))
        header = (
            f"{'file':<28}{'MB':>7}{'notes':>7}{'read s':>9}{'parse s':>9}"
            f"{'ratio':>7}{'MB/s':>7}{'peak MB':>9}{'parse MB':>10}{'py MB':>7}"
        )
        print(header)
        print("-" * len(header))
        total_mb = total_read = total_parse = 0.0
        for path in files:
            mb = path.stat().st_size / 2**20
            notes = read_all(path)
            t_read = best_of(args.repeat, read_all, path)
            t_parse = best_of(args.repeat, etree.parse, path)
            rss_read = peak_in_subprocess("read", path)
            rss_parse = peak_in_subprocess("parse", path)
            py = python_peak(path)
            total_mb += mb
            total_read += t_read
            total_parse += t_parse
            name = re.sub(r"\.xml$", "", path.name)
            print(
                f"{name:<28}{mb:>7.2f}{notes:>7}{t_read:>9.3f}{t_parse:>9.3f}"
                f"{t_read / t_parse:>7.1f}{mb / t_read:>7.1f}{rss_read:>9.1f}"
                f"{rss_parse:>10.1f}{py:>7.1f}"
            )
        print("-" * len(header))
        print(
            f"{'total':<28}{total_mb:>7.2f}{'':>7}{total_read:>9.3f}{total_parse:>9.3f}"
            f"{total_read / total_parse:>7.1f}{total_mb / total_read:>7.1f}"
        )


if __name__ == "__main__":
    main()
