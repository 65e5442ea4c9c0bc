"""How the rules compare names and find them in a citation's text."""

from __future__ import annotations

import re
from functools import cache

from archcite.authority import fold
from archcite.check.manuscript import Manuscript


@cache
def _word_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])")


def find_word(text: str, word: str, start: int = 0) -> int:
    """Where ``word`` stands in ``text`` as a whole word (``-1`` if nowhere)."""
    m = _word_re(word).search(text, start)
    return m.start() if m else -1


def declared_forms(ms: Manuscript) -> dict[str, int]:
    """Words declared by "hereafter cited as" -> index of the declaring citation."""
    out: dict[str, int] = {}
    for loc in ms.located:
        declares = loc.citation.declares
        if declares:
            for word in re.split(r"[,;]\s*|\s+and\s+", declares.strip(' .“”"')):
                if word:
                    out.setdefault(word, loc.index)
    return out


def name_key(name: str) -> str:
    """Spellings of one name compare equal: case, dashes, spacing, a plural -s."""
    key = fold(name)
    key = re.sub(r"\s*[-–—]\s*", "-", key)
    return " ".join(w.removesuffix("s") for w in key.split())


__all__ = ["declared_forms", "find_word", "name_key"]
