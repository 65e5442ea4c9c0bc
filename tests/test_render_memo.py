"""What the renderer remembers stays with one parsed style (archcite.render.memo).

Rendering remembers macros, terms and other answers fixed by the style tree on
the parsed style; a cite remembers its item. None of it may carry from one
document, renderer or style file into another: the same document rendered
twice, or after another document in the same process, prints the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import archcite
from archcite.render import Cite, Cluster, Renderer, load_style, render_document
from archcite.render.memo import Style

STYLE = "chicago-notes-bibliography"


def _document(repo: Path, name: str) -> list[archcite.model.Located]:
    return list(archcite.extract([str(repo / "samples" / name)]))


def _golden(repo: Path) -> tuple[list[dict[str, object]], list[Cluster]]:
    items = json.loads((repo / "tests/data/render/items.json").read_text("utf-8"))
    golden = json.loads((repo / f"tests/golden/render/{STYLE}.json").read_text("utf-8"))
    clusters = [
        Cluster(
            tuple(Cite(c["id"], c.get("locator"), c.get("label")) for c in k["cites"]),
            k["noteIndex"],
        )
        for k in golden["clusters"]
    ]
    return items, clusters


def test_documents_render_alike_in_any_order(repo_dir: Path) -> None:
    style = load_style(STYLE)
    nsam = _document(repo_dir, "nsam129.txt")
    manuscript = _document(repo_dir, "manuscript.md")
    first_nsam = render_document(nsam, style, "text")
    first_ms = render_document(manuscript, style, "text")
    again_nsam = render_document(nsam, style, "text")
    again_ms = render_document(manuscript, style, "text")
    alone_ms = render_document(manuscript, load_style(STYLE), "text")
    assert first_nsam.citations  # something was rendered
    assert again_nsam == first_nsam
    assert again_ms == first_ms == alone_ms


def test_renderers_of_one_style_print_the_same(repo_dir: Path) -> None:
    items, clusters = _golden(repo_dir)
    style = load_style(STYLE)
    one = Renderer(style, items, "text")
    first = one.render(clusters)
    other = Renderer(style, items, "text")
    # the second renderer starts with the notes in reverse: its positions
    # differ, and must not leak into a third renderer's first rendering
    other.render(list(reversed(clusters)))
    third = Renderer(style, items, "text").render(clusters)
    assert third == first
    assert Renderer(style, items, "text").render(clusters[:5]) == first[:5]


def test_each_parsed_style_keeps_its_own_memo(repo_dir: Path) -> None:
    items, clusters = _golden(repo_dir)
    style = load_style(STYLE)
    a = Renderer(style, items, "text")
    b = Renderer(style, items, "text")
    a.render(clusters[:3])
    b.render(clusters[:3])
    root_a, root_b = a._style.root, b._style.root
    assert isinstance(root_a, Style) and isinstance(root_b, Style)
    memo_a = root_a.__dict__["_macro_memo"]
    assert memo_a  # the memo was used
    assert memo_a is not root_b.__dict__["_macro_memo"]


def test_an_edited_style_file_is_read_again(repo_dir: Path, tmp_path: Path) -> None:
    items, _ = _golden(repo_dir)
    path = tmp_path / "mine.csl"
    ibid_style = repo_dir / "styles" / "chicago-notes-bibliography-subsequent-ibid.csl"
    xml = ibid_style.read_text("utf-8")
    path.write_text(xml, "utf-8")
    cite = Cite(str(items[0]["id"]))
    same = [Cluster((cite,), 1), Cluster((cite,), 2)]
    before = Renderer(load_style(str(path)), items, "text").render(same)
    assert before[1].startswith("Ibid.")
    # the same file, its ibid term changed: what was remembered of the old
    # file must not answer for the new one
    edited = xml.replace("<terms>", '<terms>\n      <term name="ibid">ibidem</term>', 1)
    assert edited != xml
    path.write_text(edited, "utf-8")
    after = Renderer(load_style(str(path)), items, "text").render(same)
    assert after[1].startswith("Ibidem")
    assert after[0] == before[0]
    path.write_text(xml, "utf-8")
    assert Renderer(load_style(str(path)), items, "text").render(same) == before
