"""placeholder"""

from __future__ import annotations

from archcite.render.engine import LoadedStyle


def load_style_text(text: str, name: str) -> LoadedStyle:
    return LoadedStyle(name=name, xml=text.encode("utf-8"))
