"""Rich text from the formatter's HTML."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archcite.rewrite.rich import (
    RichText,
    RichTextError,
    Run,
    from_html,
    plain,
    to_html,
)


def test_tags_and_entities() -> None:
    text = from_html(
        "Rusk to Kennedy, <i>Foreign Relations</i>, <b>vol.</b> "
        '<span style="font-variant:small-caps;">vi</span> &amp; “more”'
    )
    assert text.plain == "Rusk to Kennedy, Foreign Relations, vol. vi & “more”"
    assert [r for r in text.runs if r.italic] == [Run("Foreign Relations", italic=True)]
    assert [r.text for r in text.runs if r.bold] == ["vol."]
    assert [r.text for r in text.runs if r.small_caps] == ["vi"]


def test_csl_flip_flop_turns_italics_off() -> None:
    text = from_html('<i>The <span style="font-style:normal;">Times</span> said</i>')
    assert [(r.text, r.italic) for r in text.runs] == [
        ("The ", True),
        ("Times", False),
        (" said", True),
    ]


def test_em_strong_and_links_keep_their_text() -> None:
    text = from_html(
        '<em>a</em><strong>b</strong><a href="https://x.org">https://x.org</a>'
    )
    assert text.plain == "abhttps://x.org"
    assert text.runs[0].italic and text.runs[1].bold


@pytest.mark.parametrize(
    "html",
    ["<u>x</u>", "<sup>1</sup>", '<span style="color:red">x</span>', "<i>x", "x</i>"],
)
def test_markup_it_cannot_keep_is_refused(html: str) -> None:
    with pytest.raises(RichTextError):
        from_html(html)


def test_neighbours_of_one_style_merge() -> None:
    assert RichText.of([Run("a"), Run(""), Run("b"), Run("c", italic=True)]).runs == (
        Run("ab"),
        Run("c", italic=True),
    )
    assert plain("x").runs == (Run("x"),)


runs = st.lists(
    st.builds(
        Run,
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1),
        st.booleans(),
        st.booleans(),
        st.booleans(),
    ),
    max_size=6,
)


@given(runs)
def test_html_round_trip(items: list[Run]) -> None:
    text = RichText.of(items)
    assert from_html(to_html(text)) == text
