"""Sort keys compared as citeproc-js's collator compares them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from archcite.render.patches import collation_key


def order(*keys: str) -> list[str]:
    return sorted(keys, key=collation_key)


def test_numbers_inside_keys_compare_as_numbers() -> None:
    assert order("Box 151, Folder 9", "Box 98, Folder 7", "Box 7, Folder 2") == [
        "Box 7, Folder 2",
        "Box 98, Folder 7",
        "Box 151, Folder 9",
    ]
    assert order("103.9302/12a", "103.9302/8", "103.9302", "103.9302/37") == [
        "103.9302",
        "103.9302/8",
        "103.9302/12a",
        "103.9302/37",
    ]


def test_punctuation_ignored_space_before_letters() -> None:
    assert order("dalebout, arnie", "dale, zippy") == ["dale, zippy", "dalebout, arnie"]
    assert collation_key("R.H. Van Deman") == collation_key("RH Van Deman")


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_digit_runs_order_as_integers(a: int, b: int) -> None:
    assert (collation_key(f"Box {a}") < collation_key(f"Box {b}")) == (a < b)
