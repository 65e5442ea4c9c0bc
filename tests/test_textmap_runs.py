"""TextBuilder.add works a run of characters at a time; it must give exactly what
feeding the builder one character at a time gives (text and source map)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from archcite.readers import textmap
from archcite.readers.textmap import TextBuilder

_ALPHABET = st.sampled_from([*sorted(textmap._SPACE), "a", "B", "–", "\u00a0", "7"])
_PIECE = st.tuples(
    st.text(_ALPHABET, max_size=12), st.integers(1, 5), st.integers(1, 9)
)


def _by_char(builder: TextBuilder, text: str, line: int, col: int) -> None:
    """The reference: the per-character walk that add() replaced."""
    for ch in text:
        builder._emit(ch, line, col)
        if ch == "\n":
            line, col = line + 1, 1
        else:
            col += 1


def test_word_pattern_is_the_complement_of_space() -> None:
    for code in range(0x3000):
        ch = chr(code)
        assert (textmap._WORD.fullmatch(ch) is None) == (ch in textmap._SPACE)


@given(st.lists(_PIECE, max_size=6), st.lists(st.booleans(), max_size=6))
def test_add_equals_per_character_walk(
    pieces: list[tuple[str, int, int]], spaces: list[bool]
) -> None:
    fast, slow = TextBuilder((1, 1)), TextBuilder((1, 1))
    for i, (text, line, col) in enumerate(pieces):
        fast.add(text, line, col)
        _by_char(slow, text, line, col)
        if i < len(spaces) and spaces[i]:
            fast.space(line, col)
            slow.space(line, col)
        assert len(fast) == len(slow)
    assert fast.build() == slow.build()


def test_add_keeps_columns_across_lines() -> None:
    b = TextBuilder()
    b.add("ab \n  cd", 3, 5)
    text, smap = b.build()
    assert text == "ab cd"
    # "ab" and the space after it are one run on line 3; "cd" starts line 4
    assert (smap.starts, smap.lines, smap.columns) == ((0, 3), (3, 4), (5, 3))
