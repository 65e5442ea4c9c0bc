"""history.state.gov links in FRUS citations (class 7 of issue 11)."""

from __future__ import annotations

import pytest

from archcite.grammar.frus_urls import FrusUrl, find_urls

HSG = "https://history.state.gov/historicaldocuments"


@pytest.mark.parametrize(
    ("text", "volume_id", "document", "page"),
    [
        (f"doc. 75, {HSG}/frus1969-76v19p1/d75.", "frus1969-76v19p1", 75, None),
        (f"<{HSG}/frus1964-68v30/d52>.", "frus1964-68v30", 52, None),
        (
            "history.state.gov/historicaldocuments/frus1945v03/pg_1286",
            "frus1945v03",
            None,
            "1286",
        ),
        (f"{HSG}/frus1961-63v06", "frus1961-63v06", None, None),
        (f"{HSG}/frus1961-63v06/ch3", "frus1961-63v06", None, None),
        (f"{HSG}/frus1961-63v06/d12fn3", "frus1961-63v06", 12, None),
        (f"{HSG}/frus1918Russiav03/pg_xii", "frus1918Russiav03", None, "xii"),
    ],
)
def test_a_link_names_volume_and_place(
    text: str, volume_id: str, document: int | None, page: str | None
) -> None:
    (url,) = find_urls(text)
    assert (url.volume_id, url.document, url.page) == (volume_id, document, page)
    # the sentence's period and the angle brackets' text stay outside
    assert not text[url.start : url.end].endswith(".")


def test_offsets_and_other_sites() -> None:
    text = f"See {HSG}/frus1961-63v05/d47 and https://example.org/frus1961-63v05/d47."
    assert find_urls(text) == [FrusUrl(4, 4 + len(HSG) + 19, "frus1961-63v05", 47)]
