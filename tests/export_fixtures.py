"""Hand-written, realistic CSL-JSON items and citations for the export tests.

Modelled on the seed (FRUS 1961–63, vol. XXV, doc. 388) and the CMOS examples in
../shared/reference/anchors-formatting.md §9.2; they do not depend on the
recognizers or the CSL mapping modules.
"""

from __future__ import annotations

import copy
from typing import Any

from archcite.model import ArchivalRef, Citation, DocItem, FrusRef, Located, Note

JFKL = "John F. Kennedy Presidential Library"

NSAM129: dict[str, Any] = {
    "id": "nsam",
    "type": "manuscript",
    "title": "NSAM No. 129, U.S.-USSR Space Cooperation",
    "archive": JFKL,
    "archive-place": "Boston, MA",
    "archive_collection": "National Security Files",
    "archive_location": "Meetings and Memoranda Series, NSAM No. 129, "
    "U.S.-USSR Space Cooperation, Box 334",
}
RUSK_MEMO: dict[str, Any] = {
    "id": "rusk",
    "type": "personal_communication",
    "genre": "memorandum",
    "author": [{"family": "Rusk", "given": "Dean"}],
    "recipient": [{"family": "Kennedy", "given": "John F."}],
    "issued": {"date-parts": [[1962, 2, 20]]},
    "archive": JFKL,
    "archive-place": "Boston, MA",
    "archive_collection": "National Security Files",
    "archive_location": "box 180, folder “USSR, General, 2/62”",
}
FRUS_V06: dict[str, Any] = {
    "id": "frus",
    "type": "chapter",
    "title": "Documents 35 and 36",
    "collection-title": "Foreign Relations of the United States",
    "collection-number": "1961–1963",
    "volume": "VI",
    "container-title": "Kennedy-Khrushchev Exchanges",
    "editor": [{"family": "Sampson", "given": "Charles S."}],
    "publisher": "Government Printing Office",
    "publisher-place": "Washington",
    "issued": {"date-parts": [[1996]]},
}
CENTRAL_FILES: dict[str, Any] = {
    "id": "nara",
    "type": "document",
    "archive": "National Archives and Records Administration",
    "archive-place": "College Park, MD",
    "archive_collection": "RG 59, Central Files 1967–69",
    "archive_location": "POL 27 VIET S",
}

NSAM_REF = ArchivalRef(
    repository=JFKL,
    repository_as_cited="Kennedy Library",
    place="Boston, MA",
    collection="National Security Files",
    series="Meetings and Memoranda Series",
    file_unit="NSAM No. 129, U.S.-USSR Space Cooperation",
    box="334",
    classification="No classification marking",
    repository_id="jfkl",
    in_authority=True,
)
RUSK_REF = ArchivalRef(
    repository=JFKL,
    place="Boston, MA",
    collection="National Security Files",
    box="180",
    folder="USSR, General, 2/62",
    item=DocItem(
        type="memorandum",
        author=("Dean Rusk",),
        recipient=("John F. Kennedy",),
        date="1962-02-20",
    ),
)
FRUS_REF = FrusRef(
    volume_id="frus1961-63v06",
    subseries="1961–1963",
    volume="VI",
    documents=(35, 36),
    known=True,
)


def items() -> list[dict[str, Any]]:
    """Fresh copies of all the hand-written CSL items."""
    return copy.deepcopy([NSAM129, RUSK_MEMO, FRUS_V06, CENTRAL_FILES])


def nsam_citation(text: str = "Kennedy Library, NSF, …, Box 334") -> Citation:
    return Citation(
        text, 0, len(text), "archival", "parsed", archival=NSAM_REF, csl=NSAM129
    )


def rusk_citation() -> Citation:
    return Citation(
        "Rusk to Kennedy …",
        0,
        17,
        "archival",
        "parsed",
        archival=RUSK_REF,
        csl=RUSK_MEMO,
    )


def frus_citation() -> Citation:
    text = "Foreign Relations, 1961–1963, vol. VI, Documents 35 and 36"
    return Citation(text, 0, len(text), "frus", "parsed", frus=FRUS_REF, csl=FRUS_V06)


def located(citations: list[Citation], source: str = "ms.txt") -> list[Located]:
    """Each citation in its own note, numbered in document order."""
    out = []
    for i, c in enumerate(citations):
        note = Note(source=source, label=str(i + 1), index=i, text=c.text)
        out.append(Located(c, note, i))
    return out
