"""The pandoc filter's work on pandoc's JSON, without pandoc."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from archcite.model import Located
from archcite.rewrite.pandoc import main, rewrite_document


def S(text: str) -> dict[str, Any]:
    return {"t": "Str", "c": text}


SP: dict[str, Any] = {"t": "Space"}


def words(text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for n, w in enumerate(text.split(" ")):
        if n:
            out.append(SP)
        out.append(S(w))
    return out


def doc(*notes: list[list[dict[str, Any]]]) -> dict[str, Any]:
    body: list[dict[str, Any]] = [S("Body")]
    for paras in notes:
        body.append({"t": "Note", "c": [{"t": "Para", "c": p} for p in paras]})
        body += [SP, S("more.")]
    return {
        "pandoc-api-version": [1, 22],
        "meta": {},
        "blocks": [{"t": "Para", "c": body}],
    }


def tag_all(located: Sequence[Located]) -> Mapping[int, str]:
    return {
        loc.index: f"<i>{loc.citation.kind}</i>"
        for loc in located
        if loc.citation.kind in ("archival", "ibid", "short", "frus", "published")
    }


def note_inlines(d: dict[str, Any], k: int) -> list[list[dict[str, Any]]]:
    notes = [x for x in d["blocks"][0]["c"] if x["t"] == "Note"]
    return [p["c"] for p in notes[k]["c"]]


def test_citation_with_quotes_and_emphasis_is_replaced_prose_kept() -> None:
    folder: dict[str, Any] = {
        "t": "Quoted",
        "c": [{"t": "DoubleQuote"}, words("USSR, General,")],
    }
    cite = [
        *words("Rusk to Kennedy, memorandum, February 20, 1962, folder"),
        SP,
        folder,
        SP,
        *words("box 180, National Security Files, John F. Kennedy Library."),
    ]
    prose = words("Not printed.")
    d = doc([cite], [prose], [words("Ibid., box 181.")])
    out, _ = rewrite_document(d, tag_all)
    assert note_inlines(out, 0)[0][0] == {"t": "Emph", "c": [S("archival")]}
    assert note_inlines(out, 1)[0] == prose
    assert note_inlines(out, 2)[0][0] == {"t": "Emph", "c": [S("ibid")]}
    assert note_inlines(out, 2)[0][1:] == [S(".")]
    # The body is the same object tree, untouched.
    assert out["blocks"][0]["c"][0] == S("Body")


def test_emphasis_cut_at_the_span_edge_keeps_its_outside_part() -> None:
    title = {"t": "Emph", "c": words("A Book Title, Box 3")}
    d = doc([[*words("Kennedy Library, National Security Files,"), SP, title]])
    out, _ = rewrite_document(d, lambda located: {loc.index: "X" for loc in located})
    flat = json.dumps(note_inlines(out, 0))
    assert '"X"' in flat


def test_unformatted_citations_are_kept_and_reported() -> None:
    text = "Smith Papers, box 5, Hoover Institution."
    d = doc([words(text)])
    out, kept = rewrite_document(d, lambda located: {})
    assert note_inlines(out, 0)[0] == words(text)
    assert len(kept) == 1
    assert "kept as written (not formatted)" in kept[0].describe("<pandoc>")


def test_main_reads_and_writes_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = doc([words("Ibid., box 181.")])
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(d).encode()))
    )
    main(tag_all)
    out = json.loads(capsys.readouterr().out)
    assert note_inlines(out, 0)[0][0] == {"t": "Emph", "c": [S("ibid")]}


def test_main_refuses_what_is_not_pandoc_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"{not json")))
    with pytest.raises(SystemExit) as exc:
        main(tag_all)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("archcite-pandoc: error:") and err.count("\n") == 1
