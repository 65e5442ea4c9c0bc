"""Render archcite's test items with citeproc-js (Zotero's engine) into goldens.

    python scripts/citeproc_js_goldens.py        # needs node and `make tools`

Items: the CSL-JSON archcite extracts from samples/ and tests/data/tei, plus
hand-written archival letters, memoranda, telegrams, collections, FRUS
documents and volumes old and new, and published works
(tests/data/render/items.json, rewritten by this script). For each Chicago
edition (chicago-notes-bibliography, 18th; …-17th-edition) every item is cited
in its own note (full note), later again with a page (short note), then in
the next note with the same page (Ibid. position) and then another page
(Ibid. with locator); the bibliography lists every item. citeproc-js (npm
``citeproc``, pinned in tests/interop/package-lock.json) renders the notes one
``processCitationCluster`` call per note, as Zotero's word-processor plugin
does, with the en-US locale citeproc-py ships, so both engines read the same
terms. An item's ``part`` (the only key csl-data.json allows, what archcite
writes) is given to citeproc-js as ``part-number`` too, the variable the Chicago
styles print and archcite's adapter reads ``part`` as. The outputs go to tests/golden/render/STYLE.json; the tests compare
archcite's text output with them and need no Node.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from citeproc import LOCALES_PATH  # noqa: E402

from archcite.items import collect  # noqa: E402
from archcite.pipeline import extract  # noqa: E402

STYLES = ("chicago-notes-bibliography", "chicago-notes-bibliography-17th-edition")
SOURCES = [
    "samples/manuscript.md",
    "samples/nsam129.txt",
    "samples/tei/frus1917-72PubDip-excerpt.xml",
    *sorted(str(p.relative_to(REPO)) for p in (REPO / "tests/data/tei").glob("*.xml")),
]
HANDMADE: list[dict[str, Any]] = [
    {"id": "creel-house-1918", "type": "personal_communication", "genre": "letter",
     "author": [{"family": "Creel", "given": "George"}],
     "recipient": [{"family": "House", "given": "Edward M."}],
     "issued": {"date-parts": [[1918, 9, 25]]},
     "archive_collection": "Edward M. House Papers", "archive": "Yale University Library",
     "archive-place": "New Haven, CT"},
    {"id": "oglethorpe-1733", "type": "personal_communication",
     "author": [{"family": "Oglethorpe", "given": "James"}],
     "recipient": [{"literal": "the Trustees"}], "issued": {"date-parts": [[1733, 1, 13]]},
     "archive_collection": "Phillipps Collection of Egmont Manuscripts",
     "archive_location": "14200:13", "archive": "University of Georgia Library",
     "archive-place": "Athens"},
    {"id": "johnson-memo-1937", "type": "manuscript", "genre": "memorandum",
     "author": [{"family": "Johnson", "given": "Alvin"}], "issued": {"date-parts": [[1937]]},
     "archive_location": "file 36", "archive_collection": "Horace Kallen Papers",
     "archive": "YIVO Institute", "archive-place": "New York"},
    {"id": "thompson-tel-1962", "type": "personal_communication", "genre": "telegram",
     "number": "2231", "event-place": "Moscow",
     "author": [{"family": "Thompson", "given": "Llewellyn E."}],
     "recipient": [{"family": "Rusk", "given": "Dean"}], "issued": {"date-parts": [[1962, 3, 9]]},
     "archive_collection": "RG 59, Central Decimal File 1960–63",
     "archive_location": "700.5611/3-962",
     "archive": "National Archives and Records Administration", "archive-place": "College Park, MD"},
    {"id": "kissinger-nixon-1970", "type": "personal_communication", "genre": "memorandum",
     "event-place": "Washington",
     "author": [{"family": "Kissinger", "given": "Henry"}],
     "recipient": [{"family": "Nixon", "given": "Richard"}], "issued": {"date-parts": [[1970, 12, 18]]},
     "archive_collection": "National Security Council Files", "archive_location": "Box 773",
     "archive": "Richard Nixon Presidential Library", "archive-place": "Yorba Linda, CA"},
    {"id": "ryan-papers", "type": "collection", "title": "Papers of Desmond Ryan",
     "archive": "UCD Archives, University College Dublin", "archive-place": "Dublin"},
    {"id": "house-papers", "type": "collection", "title": "Edward M. House Papers",
     "archive": "Yale University Library", "archive-place": "New Haven, CT"},
    {"id": "frus1969-76v19p1-d75", "type": "chapter", "title": "Document 75",
     "collection-title": "Foreign Relations of the United States", "collection-number": "1969–1976",
     "container-title": "Korea, 1969–1972", "volume": "19", "part": "1",
     "editor": [{"family": "Lawler", "given": "Daniel J."}, {"family": "Mahan", "given": "Erin R."}],
     "publisher": "Government Printing Office", "publisher-place": "Washington",
     "issued": {"date-parts": [[2010]]},
     "URL": "https://history.state.gov/historicaldocuments/frus1969-76v19p1/d75"},
    {"id": "frus1918v03", "type": "book", "title": "Russia",
     "collection-title": "Papers Relating to the Foreign Relations of the United States",
     "collection-number": "1918", "volume": "3",
     "publisher": "Government Printing Office", "publisher-place": "Washington",
     "issued": {"date-parts": [[1932]]}},
    {"id": "frus1893", "type": "book",
     "title": "Papers Relating to the Foreign Relations of the United States, 1893",
     "publisher": "Government Printing Office", "publisher-place": "Washington",
     "issued": {"date-parts": [[1894]]}},
    {"id": "gaddis-1982", "type": "book", "title": "Strategies of Containment",
     "author": [{"family": "Gaddis", "given": "John Lewis"}], "publisher": "Oxford University Press",
     "publisher-place": "New York", "issued": {"date-parts": [[1982]]}},
    {"id": "leffler-1984", "type": "article-journal",
     "title": "The American Conception of National Security and the Beginnings of the Cold War, 1945–48",
     "author": [{"family": "Leffler", "given": "Melvyn P."}],
     "container-title": "American Historical Review", "volume": "89", "issue": "2",
     "page": "346-381", "issued": {"date-parts": [[1984]]}},
    {"id": "may-chapter", "type": "chapter", "title": "The Cold War",
     "author": [{"family": "May", "given": "Ernest R."}],
     "editor": [{"family": "Nye", "given": "Joseph S.", "suffix": "Jr."}],
     "container-title": "The Making of America’s Soviet Policy", "publisher": "Yale University Press",
     "publisher-place": "New Haven", "issued": {"date-parts": [[1984]]}, "page": "209-230"},
]  # fmt: skip


def items() -> list[dict[str, Any]]:
    """The goldens' items, written to tests/data/render/items.json."""
    out: dict[str, dict[str, Any]] = {}
    for path in SOURCES:
        for item in collect(extract([str(REPO / path)])).csl():
            out.setdefault(item["id"], item)
    for item in HANDMADE:
        out.setdefault(item["id"], item)
    return list(out.values())


def clusters(ids: list[str]) -> list[dict[str, Any]]:
    """Full notes, then for each item: short, Ibid., Ibid. with another page."""
    out = [{"noteIndex": n, "cites": [{"id": i}]} for n, i in enumerate(ids, 1)]
    note = len(ids)
    for i in ids:
        for locator in ("12", "12", "14"):
            note += 1
            out.append(
                {
                    "noteIndex": note,
                    "cites": [{"id": i, "locator": locator, "label": "page"}],
                }
            )
    return out


def main() -> int:
    data = items()
    (REPO / "tests/data/render/items.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    ids = [str(i["id"]) for i in data]
    for style in STYLES:
        job = {
            "style": str(REPO / "styles" / f"{style}.csl"),
            "locale": str(Path(LOCALES_PATH) / "locales-en-US.xml"),
            "format": "text",
            "items": [
                {**i, "part-number": i["part"]} if "part" in i else i for i in data
            ],
            "clusters": clusters(ids),
            "bibliography": ids,
        }
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
            json.dump(job, fh)
        run = subprocess.run(
            ["node", str(REPO / "tests/interop/citeproc_render.js"), fh.name],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        result = json.loads(run.stdout)
        golden = {"style": style, "clusters": job["clusters"], **result}
        (REPO / "tests/golden/render" / f"{style}.json").write_text(
            json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(
            f"{style}: {len(result['citations'])} notes, {len(result['bibliography'])} entries"
        )
    print(f"{len(ids)} items")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
