"""archcite benchmarks: one runner for speed and memory at corpus scale (issue 13).

Sections (all by default; pick with ``--only a,b``):

``tei``          per TEI volume of ``../shared/corpus`` (frus/, frus-nyr/): the full
                 ``extract`` (read, recognize, resolve, normalize, JSON records) and
                 the read alone, each against a plain ``lxml.etree.parse`` of the
                 same file in the same process (best of ``--repeat``). Target ≤ 2×.
``recognize``    the recognize stage over every note of the corpus, MB/s of note
                 text (UTF-8) on one core, result caches cleared before each run;
                 a plain ``re`` scan of the same text is the baseline. Target ≥ 10.
``jobs``         ``archcite extract DIR --jobs N`` for N = 1, 2, 4 over the corpus
                 volumes, wall time and speed-up against N = 1.
``memory``       peak resident memory (VmHWM) of ``archcite extract VOLUME`` in a
                 fresh process per volume, and of a process that only imports
                 archcite and extracts one small file (the floor).
``scale``        numbered-notes text files of 1, 10 and 50 MB made by repeating the
                 notes of the corpus (or of ``samples/`` without it): wall time, peak
                 memory, notes read, and the time of reading the file's lines in
                 Python as the baseline. Target: 50 MB well under 200 MB.
``adversarial``  1 MB notes of hostile text (runs of "Box", commas, digits, dashes,
                 unmatched quotes, and dense reference lists): recognize and the
                 whole ``parse`` pipeline. Target < 1 s.

Timing never goes into the tests; this script prints a Markdown report (and
``--json FILE`` the raw numbers) that BENCHMARKS.md records with the machine.

Usage: ``.venv/bin/python benchmarks/run.py [--only SECTIONS] [--repeat N]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench_tei import maxrss_kib  # the same measure, one definition

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SECTIONS = ("tei", "recognize", "jobs", "memory", "scale", "adversarial")
_NOTE_INDEX = re.compile(rb'"note_index": (\d+)')


# -- measuring ------------------------------------------------------------------


def peak_rss_mib() -> float:
    """Peak resident memory of this process (VmHWM), in MiB."""
    return maxrss_kib() / 1024


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def child(args: list[str]) -> None:
    """Run the archcite CLI in this fresh process; print time and peak memory."""
    from archcite.cli import cli

    out = args[args.index("-o") + 1] if "-o" in args else None
    start = time.perf_counter()
    try:
        cli.main(args=args, prog_name="archcite")
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    elapsed = time.perf_counter() - start
    sys.stdout.flush()
    result = {"seconds": elapsed, "peak_mib": peak_rss_mib(), "exit": code, "out": out}
    os.write(3, json.dumps(result).encode())


def run_child(args: list[str]) -> dict[str, Any]:
    """``archcite ARGS`` in a fresh interpreter; stdout discarded."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", json.dumps(args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        pass_fds=(write_fd,),
        env={**os.environ, "ARCHCITE_BENCH_FD": str(write_fd)},
    )
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        payload = pipe.read()
    _, err = proc.communicate()
    if not payload:
        raise RuntimeError(f"child failed: {err.decode(errors='replace')[-2000:]}")
    result: dict[str, Any] = json.loads(payload)
    result["stderr"] = err.decode(errors="replace")
    return result


# -- inputs -----------------------------------------------------------------------


def tei_volumes() -> list[Path]:
    corpus = SHARED / "corpus"
    return sorted([*corpus.glob("frus/*.xml"), *corpus.glob("frus-nyr/*.xml")])


def corpus_note_texts() -> list[str]:
    """Note texts to repeat: the corpus's, else the samples'."""
    from archcite import read

    paths = tei_volumes() or [REPO / "samples" / "manuscript.txt"]
    # Notes of a manuscript run to a line or two; the shortest TEI notes
    # ("Not printed.") would make the file mostly note numbers.
    texts = [n.text for p in paths for n in read(str(p)) if len(n.text) >= 60]
    return texts or ["Kennedy Library, National Security Files, Box 334."]


def numbered_notes_file(size_mb: int, folder: Path, texts: list[str]) -> Path:
    """A plain-text manuscript of ``size_mb`` MB: a heading, then numbered notes."""
    path = folder / f"notes-{size_mb}mb.txt"
    if path.exists():
        return path
    target = size_mb * 1_000_000
    written = 0
    n = 0
    with path.open("w", encoding="utf-8") as out:
        head = "A manuscript made of the corpus's notes.\n\nNotes\n\n"
        out.write(head)
        written += len(head.encode())
        while written < target:
            n += 1
            line = f"{n}. {texts[(n - 1) % len(texts)]}\n"
            out.write(line)
            written += len(line.encode())
    return path


ADVERSARIAL = {
    "Box Box Box": "Box Box Box ",
    "commas": ", , ,, ",
    "digits": "1 2 3 45 678 ",
    "dashes": "– — - –– ",
    "unmatched quotes": '“unclosed "quote ‘ ',
    "the issue's mix": 'Box 3, Box 4– “Folder, 12, 1962–1963, "x ',
    "repository list": "Kennedy Library, National Archives, RG 59, ",
    "page list": "p. 13, pp. 4–5, ",
    "volume list": "vol. V, p. 3, vols. II–IV, ",
    "Ibid. chain": "Ibid., Ibid., ",
    "document list": "Document 1, Documents 2 and 3, ",
    "FRUS list": "Foreign Relations, 1961–1963, vol. VI, Document 35, ",
}


def adversarial_note(piece: str, size: int = 1_000_000) -> str:
    return (piece * (size // len(piece) + 1))[:size]


# -- sections ---------------------------------------------------------------------


def section_tei(repeat: int) -> list[dict[str, Any]]:
    from lxml import etree

    from archcite.pipeline import extract_source
    from archcite.readers import open_source, read
    from archcite.record import to_record

    rows = []
    for path in tei_volumes():

        def extract(p: Path = path) -> int:
            return sum(
                len(json.dumps(to_record(loc), ensure_ascii=False))
                for loc in extract_source(open_source(str(p)))
            )

        def read_only(p: Path = path) -> int:
            return sum(1 for _ in read(open_source(str(p))))

        def parse(p: Path = path) -> object:
            return etree.parse(str(p))

        extract()  # warm the imports and tables
        t_lxml = best_of(repeat, parse)
        t_read = best_of(repeat, read_only)
        t_extract = best_of(repeat, extract)
        rows.append(
            {
                "volume": path.stem,
                "MB": path.stat().st_size / 1e6,
                "lxml s": t_lxml,
                "read s": t_read,
                "extract s": t_extract,
                "read/lxml": t_read / t_lxml,
                "extract/lxml": t_extract / t_lxml,
            }
        )
    return rows


def section_recognize(repeat: int) -> list[dict[str, Any]]:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_recognize import clear_result_caches, corpus_documents

    from archcite.grammar.note import recognize_text

    if not (SHARED / "corpus").is_dir():
        return []
    docs = corpus_documents(SHARED)
    texts = [n.text for doc in docs for n in doc]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    recognize_text("Kennedy Library, NSF, Box 1; see Document 2. Ibid., p. 3.")
    anchors = re.compile(r"\b(?:Library|Archives?|Papers|Box|Folder|Ibid|Document)")

    def run() -> None:
        clear_result_caches()
        for t in texts:
            recognize_text(t)

    t_rec = best_of(repeat, run)
    t_re = best_of(repeat, lambda: [anchors.findall(t) for t in texts])
    return [
        {
            "notes": len(texts),
            "MB": size_mb,
            "recognize s": t_rec,
            "MB/s": size_mb / t_rec,
            "re scan MB/s": size_mb / t_re,
            "re scan / recognize": t_rec / t_re,
        }
    ]


def section_jobs(repeat: int) -> list[dict[str, Any]]:
    volumes = tei_volumes()
    if not volumes:
        return []
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for v in volumes:
            (folder / v.name).symlink_to(v)
        base = None
        for jobs in (1, 2, 4):
            best = float("inf")
            for _ in range(max(1, repeat // 2)):
                out = Path(tmp) / f"out-{jobs}.jsonl"
                result = run_child(
                    [
                        "extract",
                        str(folder),
                        "--jobs",
                        str(jobs),
                        "--quiet",
                        "-o",
                        str(out),
                    ]
                )
                if result["exit"] != 0:
                    raise RuntimeError(result["stderr"])
                best = min(best, result["seconds"])
            base = base or best
            rows.append({"jobs": jobs, "wall s": best, "speed-up": base / best})
    return rows


def section_memory(_repeat: int) -> list[dict[str, Any]]:
    rows = []
    floor = run_child(["extract", str(REPO / "samples" / "nsam129.txt")])
    rows.append(
        {"input": "floor (nsam129.txt)", "MB": 0.0, "peak MiB": floor["peak_mib"]}
    )
    for path in tei_volumes():
        result = run_child(["extract", str(path)])
        rows.append(
            {
                "input": path.stem,
                "MB": path.stat().st_size / 1e6,
                "peak MiB": result["peak_mib"],
                "above floor": result["peak_mib"] - floor["peak_mib"],
            }
        )
    return rows


def section_scale(_repeat: int) -> list[dict[str, Any]]:
    sizes = tuple(
        int(s) for s in os.environ.get("ARCHCITE_BENCH_SIZES", "1,10,50").split(",")
    )
    texts = corpus_note_texts()
    rows = []
    work = Path(tempfile.gettempdir()) / "archcite-bench-scale"
    work.mkdir(exist_ok=True)
    for size in sizes:
        path = numbered_notes_file(size, work, texts)
        expected = _count_notes(path)
        out = work / f"out-{size}.jsonl"
        start = time.perf_counter()
        with path.open(encoding="utf-8") as handle:
            lines = sum(1 for _ in handle)
        t_lines = time.perf_counter() - start
        result = run_child(["extract", str(path), "-o", str(out)])
        notes = _notes_in_output(out)
        out.unlink(missing_ok=True)
        rows.append(
            {
                "MB": path.stat().st_size / 1e6,
                "notes": expected,
                "notes out": notes,
                "lines": lines,
                "wall s": result["seconds"],
                "peak MiB": result["peak_mib"],
                "MB/s": path.stat().st_size / 1e6 / result["seconds"],
                "vs reading lines": result["seconds"] / t_lines,
                "exit": result["exit"],
            }
        )
    return rows


def _count_notes(path: Path) -> int:
    start = re.compile(rb"^\d+\. ", re.M)
    with path.open("rb") as handle:
        return sum(len(start.findall(chunk)) for chunk in _line_chunks(handle))


def _line_chunks(handle: Any) -> Iterator[bytes]:
    rest = b""
    while chunk := handle.read(1 << 22):
        data = rest + chunk
        cut = data.rfind(b"\n") + 1
        yield data[:cut]
        rest = data[cut:]
    if rest:
        yield rest


def _notes_in_output(path: Path) -> int:
    """Distinct notes in a JSON Lines output (records are in note order)."""
    seen = 0
    last = -1
    with path.open("rb") as handle:
        for line in handle:
            m = _NOTE_INDEX.search(line)
            if m and int(m.group(1)) != last:
                last = int(m.group(1))
                seen += 1
    return seen


def section_adversarial(_repeat: int) -> list[dict[str, Any]]:
    from archcite.grammar.note import recognize_text
    from archcite.pipeline import parse_text

    recognize_text("Kennedy Library, NSF, Box 1.")
    rows = []
    for name, piece in ADVERSARIAL.items():
        text = adversarial_note(piece)
        start = time.perf_counter()
        found = recognize_text(text)
        t_rec = time.perf_counter() - start
        start = time.perf_counter()
        parse_text(text)
        t_all = time.perf_counter() - start
        rows.append(
            {
                "note (1 MB)": name,
                "citations": len(found),
                "recognize s": t_rec,
                "parse s": t_all,
            }
        )
    return rows


RUNNERS: dict[str, Callable[[int], list[dict[str, Any]]]] = {
    "tei": section_tei,
    "recognize": section_recognize,
    "jobs": section_jobs,
    "memory": section_memory,
    "scale": section_scale,
    "adversarial": section_adversarial,
}


# -- report -----------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(
            re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)  # type: ignore[union-attr]
        )
        memory = f"{mem_kb / 2**20:.1f} GiB"
    except (OSError, AttributeError):
        memory = "?"
    from lxml import etree

    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "lxml": ".".join(map(str, etree.LXML_VERSION)),
        "archcite commit": commit,
    }


def table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "(skipped: ../shared/corpus not present)\n"
    keys = list(dict.fromkeys(k for r in rows for k in r))

    def cell(v: Any) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for r in rows:
        lines.append("| " + " | ".join(cell(r.get(k, "")) for k in keys) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", default=",".join(SECTIONS))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(json.loads(args.child))
        return 0
    wanted = [s for s in args.only.split(",") if s]
    unknown = set(wanted) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    results: dict[str, Any] = {"machine": machine()}
    print("## Machine\n")
    for k, v in results["machine"].items():
        print(f"- {k}: {v}")
    for name in wanted:
        print(f"\n## {name}\n", flush=True)
        rows = RUNNERS[name](args.repeat)
        results[name] = rows
        print(table(rows), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    if "--child" in sys.argv and os.environ.get("ARCHCITE_BENCH_FD") not in (None, "3"):
        os.dup2(int(os.environ["ARCHCITE_BENCH_FD"]), 3)
    sys.exit(main())
