"""The citation style of an imaginary archive: ``Exemplum Archive, Drawer 7, Sheet 12``.

Drawer and sheet are the archive's own units (file unit and folder).
"""

from __future__ import annotations

import re

from archcite.grammar import RecognizerPlugin
from archcite.model import ArchivalRef, Citation

_EXEMPLUM = re.compile(
    r"Exemplum Archive,\s+(?P<drawer>Drawer\s+\d+)(?:,\s+Sheet\s+(?P<sheet>\d+))?"
)


def recognize_exemplum(clause: str) -> list[Citation]:
    """``Exemplum Archive, Drawer 7, Sheet 12`` as an archival citation."""
    m = _EXEMPLUM.match(clause)
    if m is None:
        return []
    ref = ArchivalRef(
        repository="Exemplum Archive",
        repository_as_cited="Exemplum Archive",
        file_unit=m["drawer"],
        folder=m["sheet"],
    )
    return [Citation(m[0], 0, m.end(), "archival", "parsed", archival=ref)]


# Before archcite's archival recognizer (400), which would read the drawer as
# a collection.
recognizer = RecognizerPlugin(
    recognize_exemplum, "Exemplum Archive: drawers and sheets", order=350
)
