"""One compiled pattern that finds any of a set of literal strings.

``re`` tries the branches of ``a|b|c`` one after another at every position
whose character may start one of them, so with many keywords most of the time
goes to branches that fail on their first character. Nesting the words by
shared prefix ("Archiv", "Arkiv" -> ``Ar(?:chiv|kiv)``) leaves one branch to
try per character, and the pattern matches exactly the same strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _trie(words: list[str]) -> str:
    if "" in words:
        rest = [w for w in words if w]
        # A word ends here, so the longer words that extend it are optional.
        return f"(?:{_trie(rest)})?" if rest else ""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    alts = [re.escape(ch) + _trie(tails) for ch, tails in by_first.items()]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern whose ``search`` finds a match iff the text contains a word.

    >>> bool(any_of(["Box", "Boxes", "Reel"]).search("see Boxes 3-4"))
    True
    """
    unique = sorted(set(words))
    if not unique or "" in unique:
        raise ValueError("any_of needs non-empty words")
    return re.compile(_trie(unique))
