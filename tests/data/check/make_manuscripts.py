"""Make the test manuscripts of ``archcite check`` from ``clean.md``.

    python tests/data/check/make_manuscripts.py

``defects.md`` is ``clean.md`` with every defect of ``defects.toml`` planted (each
replaces one string inside one footnote); both are then converted to DOCX with
pandoc (``clean.docx``, ``defects.docx``), as a writer's Word file would be made.
The committed DOCX files were made with pandoc 2.17.1.1; another version may write
different XML but must give the same notes (tests/test_check_manuscript.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _note_block(text: str, label: str) -> tuple[int, int]:
    """Start and end offsets of footnote ``label``'s definition in ``text``."""
    m = re.search(rf"^\[\^{re.escape(label)}\]:", text, re.MULTILINE)
    if m is None:
        raise SystemExit(f"make_manuscripts.py: no footnote [^{label}]")
    end = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE).search(text, m.end())
    return m.start(), end.start() if end else len(text)


def plant(clean: str, defects: list[dict[str, object]]) -> str:
    """``clean`` with every defect's ``find`` replaced by its ``replace``."""
    text = clean
    for d in defects:
        start, end = _note_block(text, str(d["note"]))
        block = text[start:end]
        find, replace = str(d["find"]), str(d["replace"])
        if block.count(find) != 1:
            raise SystemExit(
                f"make_manuscripts.py: defect {d['id']}: {find!r} occurs "
                f"{block.count(find)} times in note {d['note']}"
            )
        text = text[:start] + block.replace(find, replace) + text[end:]
    return text


def defects() -> list[dict[str, object]]:
    data = tomllib.loads((HERE / "defects.toml").read_text("utf-8"))
    found: list[dict[str, object]] = data["defect"]
    return found


def main() -> int:
    clean = (HERE / "clean.md").read_text("utf-8")
    (HERE / "defects.md").write_text(plant(clean, defects()), "utf-8")
    if shutil.which("pandoc") is None:
        print("make_manuscripts.py: pandoc not found; DOCX files not made", file=sys.stderr)
        return 1
    for name in ("clean", "defects"):
        subprocess.run(
            ["pandoc", str(HERE / f"{name}.md"), "-o", str(HERE / f"{name}.docx")],
            check=True,
        )
    print("make_manuscripts.py: wrote defects.md, clean.docx, defects.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
