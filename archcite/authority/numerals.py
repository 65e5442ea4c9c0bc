"""Roman numerals, as series and archives number their volumes and parts.

FRUS writes "vol. VI", "Part 2", the legacy volumes "vol. ii"; a list of
volumes ("vols. VII–IX") is counted by their numbers. The grammar reads these
through :mod:`archcite.grammar.vocab`; the FRUS volume arithmetic
(:mod:`archcite.authority.frus_volumes`) writes them back.
"""

from __future__ import annotations

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_to_int(text: str) -> int | None:
    """``"XIX"`` / ``"xix"`` -> 19; ``None`` if ``text`` is not a roman numeral.

    >>> roman_to_int("xiv"), roman_to_int("IIII")
    (14, None)
    """
    s = text.lower()
    if not s or any(ch not in _ROMAN for ch in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        value = _ROMAN[ch]
        if i + 1 < len(s) and _ROMAN[s[i + 1]] > value:
            total -= value
        else:
            total += value
    return total if int_to_roman(total).lower() == s else None


def int_to_roman(n: int) -> str:
    """``19`` -> ``"XIX"`` (the capitals the Office of the Historian prints)."""
    out = []
    for value, sym in (
        (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
        (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def number(text: str) -> int | None:
    """A volume or part number written in arabic or roman figures.

    >>> number("12"), number("vi"), number("x2")
    (12, 6, None)
    """
    text = text.strip()
    if text.isdigit():
        return int(text)
    return roman_to_int(text)
