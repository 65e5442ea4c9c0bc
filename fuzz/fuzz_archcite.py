"""Coverage-guided fuzzing of archcite with atheris (issue 13, item 6).

Each input drives one of three targets, chosen by its first byte:

* ``parse``: the input as one note's text through the whole pipeline
  (``parse_text``: segment, recognize, resolve, CSL-JSON, record); the
  recognizers run strict (``ARCHCITE_STRICT=1``), so a crash inside one is a
  finding, not an ``unrecognized`` record; every span must lie inside its note
  and be its text, and every record must validate against the record schema;
* ``read``: the input as a document of the reader the second byte chooses
  (text, Markdown, LaTeX, DOCX, ODT, TEI): only archcite's one-line errors
  (:class:`archcite.errors.ArchciteError`) may come out;
* ``extract``: the input as a whole document, its format found from its
  content, resolved and normalized as ``archcite extract`` does.

Commands (see fuzz/README.md)::

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_archcite.py --seeds fuzz/corpus
    .venv/bin/python fuzz/fuzz_archcite.py fuzz/corpus -max_total_time=1800 \\
        -rss_limit_mb=4096 -timeout=30

A crash is saved as ``crash-<sha1>`` in the working directory; rerun it with
``.venv/bin/python fuzz/fuzz_archcite.py crash-<sha1>``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

os.environ["ARCHCITE_STRICT"] = "1"

import atheris

with atheris.instrument_imports(include=["archcite"]):
    import importlib
    import pkgutil

    import archcite
    from archcite.errors import ArchciteError
    from archcite.pipeline import extract_bytes, parse_text
    from archcite.readers import Source, names, read
    from archcite.record import to_record, validator

    # Readers and recognizers load lazily (entry points): import every module
    # now, so that all of them are instrumented for coverage.
    for _module in pkgutil.walk_packages(archcite.__path__, "archcite."):
        if not _module.name.endswith("__main__"):
            importlib.import_module(_module.name)

VALIDATOR = validator()
READERS = names()
REPO = Path(__file__).resolve().parents[1]
NOTES = (
    "Kennedy Library, National Security Files, Meetings and Memoranda Series, "
    "NSAM No. 129, U.S.-USSR Space Cooperation, Box 334.",
    "Ibid., Box 12.",
    "For texts, see Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36. "
    "See also Document 389.",
    "Rusk to Kennedy, memorandum, February 20, 1962, folder “USSR, General,” box "
    "180, National Security Files, John F. Kennedy Presidential Library, Boston, MA.",
    "National Archives, RG 59, Central Files 1964–66, POL 7 JAPAN. Secret. "
    "(hereafter cited as NSF, JFKL)",
    "Lot 67 D 548, Japan; Reel 12, frames 120–125; Job 79–01025A, Box 1.",
)


def _check(located: Iterable[Any]) -> None:
    for loc in located:
        c, note = loc.citation, loc.note
        assert 0 <= c.start <= c.end <= len(note.text), (c.start, c.end)
        assert note.text[c.start : c.end] == c.text, (c.text, note.text)
        errors = list(VALIDATOR.iter_errors(to_record(loc)))
        assert not errors, errors[0].message


def test_one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    target, choice, body = data[0] % 3, data[1], data[2:]
    if target == 0:
        text = body.decode("utf-8", "replace")
        if text.strip():
            _check(parse_text(text))
        return
    if target == 1:
        fmt = READERS[choice % len(READERS)]
        with contextlib.suppress(ArchciteError):
            for note in read(Source("fuzz", None, body), fmt):
                assert isinstance(note.text, str)
        return
    with contextlib.suppress(ArchciteError):
        _check(extract_bytes(body, None, "fuzz"))


def write_seeds(folder: Path) -> int:
    """The samples (each for every target) and a few notes, as seed inputs."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted((REPO / "samples").rglob("*")):
        if not path.is_file() or path.name == "README.md":
            continue
        data = path.read_bytes()[:200_000]
        reader = READERS.index(_reader_of(path)) if _reader_of(path) in READERS else 0
        for target in (0, 1, 2):
            (folder / f"{path.name}-{target}").write_bytes(
                bytes([target, reader]) + data
            )
            count += 1
    for n, note in enumerate(NOTES):
        (folder / f"note-{n}").write_bytes(b"\x00\x00" + note.encode())
        count += 1
    return count


def _reader_of(path: Path) -> str:
    return {".txt": "text", ".md": "markdown", ".tex": "latex", ".docx": "docx"}.get(
        path.suffix, {".odt": "odt", ".xml": "tei"}.get(path.suffix, "text")
    )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--seeds":
        print(f"{write_seeds(Path(sys.argv[2]))} seed inputs in {sys.argv[2]}")
        return
    sys.setrecursionlimit(10_000)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
