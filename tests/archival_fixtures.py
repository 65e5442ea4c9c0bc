"""What the archival tests share: the one archival reference a text gives."""

from __future__ import annotations

from archcite.grammar.note import recognize_text
from archcite.model import ArchivalRef


def arch(text: str) -> ArchivalRef:
    """The archival reference of ``text``, which must hold exactly one."""
    found = [c for c in recognize_text(text) if c.kind == "archival"]
    assert len(found) == 1, recognize_text(text)
    assert found[0].archival is not None
    return found[0].archival
