"""Chicago notes for archival letters, memoranda and telegrams (manuscript sample).

Each test pins a rule of CMOS 14.228–14.232 on what ``archcite format`` prints for
samples/manuscript.txt and on the engine alone, so the rule holds in every
Chicago style archcite ships.
"""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from export_fixtures import RUSK_MEMO

from archcite.cli import cli
from archcite.render import Cite, Cluster, Renderer, load_style

CHICAGO = (
    "chicago-notes-bibliography",
    "chicago-notes-bibliography-17th-edition",
    "chicago-notes-bibliography-archive-place-first",
    "chicago-notes-bibliography-subsequent-ibid",
)

# Note 2 of the sample manuscript, in box 180 only.
RUSK: dict[str, Any] = dict(RUSK_MEMO, id="rusk-180", archive_location="box 180")


def notes(path: str = "samples/manuscript.txt", *args: str) -> dict[str, str]:
    result = CliRunner().invoke(cli, ["format", path, *args])
    assert result.exit_code == 0, result.stderr
    out: dict[str, str] = {}
    for line in result.stdout.split("\n\nBibliography")[0].splitlines():
        number, _, text = line.partition(". ")
        out[number] = text
    return out


def test_manuscript_short_note_gives_the_date_once() -> None:
    # note 7 is the short form of note 2; note 3 (Ibid., box 181) is another
    # item whose short form reads the same
    assert notes()["7"] == "Rusk, memorandum to Kennedy, February 20, 1962."


@pytest.mark.parametrize("style", CHICAGO)
def test_two_letters_alike_in_short_form_print_the_date_once(style: str) -> None:
    other = dict(RUSK, id="rusk-181", archive_location="box 181")
    renderer = Renderer(load_style(style), [RUSK, other], "text")
    clusters = [
        Cluster((Cite("rusk-180"),), 1),
        Cluster((Cite("rusk-181"),), 2),
        Cluster((Cite("rusk-180", "12"),), 3),
    ]
    assert renderer.render(clusters)[-1] == (
        "Rusk, memorandum to Kennedy, February 20, 1962, 12."
    )


def test_manuscript_telegram_number_takes_the_genre_place() -> None:
    # like "Dean Rusk, memorandum to John F. Kennedy" in note 2: the type and
    # its number before "to", no comma between "to" and the sender's part
    assert notes()["8"].startswith(
        "Thompson, telegram no. 2231 to Rusk, Moscow, March 9, 1962, 700.5611/3-962, "
    )
    result = CliRunner().invoke(cli, ["bib", "samples/manuscript.txt"])
    assert "Thompson. Telegram no. 2231 to Rusk, Moscow. March 9, 1962." in (
        result.stdout
    ), result.stdout


@pytest.mark.parametrize("style", CHICAGO)
def test_numbered_letter_reads_like_a_memorandum(style: str) -> None:
    from archcite.csl.titles import supply_title

    telegram = supply_title(
        dict(
            RUSK, id="tel", genre="telegram", number="2231", **{"event-place": "Moscow"}
        )
    )
    note = Renderer(load_style(style), [telegram], "text").render(
        [Cluster((Cite("tel"),), 1)]
    )[0]
    assert note.startswith("Dean Rusk, telegram no. 2231 to John F. Kennedy, Moscow, ")
