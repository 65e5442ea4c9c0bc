"""HTML: one self-contained page a copy-editor can read.

Counts at the top (by severity and by rule), then one section per rule with
findings: each note it concerns, with the spans marked, and the findings beside
it. Everything from the manuscript is escaped; the page loads nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from archcite.check import registry
from archcite.check.model import FileResult, Finding
from archcite.check.reports import where
from archcite.check.reports.text import summary
from archcite.model import Note

_STYLE = """
body{font:16px/1.5 Georgia,serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{vertical-align:top;padding:.4rem .6rem;
border-bottom:1px solid #eee;text-align:left}.counts td.n{text-align:right}
.error{color:#a00}.warning{color:#8a5a00}.sev{font:600 .8rem sans-serif;
text-transform:uppercase}.note{width:58%}.where{font:.8rem sans-serif;color:#666}
mark{background:#ffe08a}mark.error{background:#f6b3b3}.finding p{margin:.2rem 0}
.sugg{font-style:italic}.help{color:#555}code{font-size:.9em}.bad{color:#a00}
"""


def _marked(note: Note, findings: Sequence[Finding]) -> str:
    """The note's text with every finding's span marked (escaped)."""
    spans = sorted({(f.start, f.end, f.severity) for f in findings})
    out: list[str] = []
    pos = 0
    for start, end, severity in spans:
        if start < pos:
            continue  # overlapping spans: the first one marked is enough
        out.append(escape(note.text[pos:start]))
        body = escape(note.text[start:end]) or "&#8203;⟂"
        out.append(f'<mark class="{severity}">{body}</mark>')
        pos = end
    out.append(escape(note.text[pos:]))
    return "".join(out)


def _counts(results: Sequence[FileResult], rule_ids: Sequence[str]) -> str:
    found = Counter(f.rule for r in results for f in r.findings)
    rows = []
    for rid in rule_ids:
        info = registry.infos()[rid]
        n = found.get(rid, 0)
        name = f'<a href="#rule-{rid}">{rid}</a>' if n else escape(rid)
        rows.append(
            f'<tr><td>{name}</td><td class="sev {info.severity}">{info.severity}</td>'
            f'<td class="n">{n}</td><td>{escape(info.summary)}</td></tr>'
        )
    return (
        '<table class="counts"><tr><th>rule</th><th>severity</th><th>found</th>'
        "<th>what it looks for</th></tr>" + "".join(rows) + "</table>"
    )


def _section(rid: str, results: Sequence[FileResult]) -> str:
    info = registry.infos()[rid]
    rows = []
    total = 0
    for result in results:
        notes = {n.index: n for n in result.notes}
        by_note: dict[int, list[Finding]] = {}
        for f in result.findings:
            if f.rule == rid:
                by_note.setdefault(f.note_index, []).append(f)
        for index, findings in by_note.items():
            total += len(findings)
            note = notes.get(index)
            first = findings[0]
            text = _marked(note, findings) if note else escape(first.text)
            side = "".join(
                f'<p><span class="sev {f.severity}">{f.severity}</span> '
                f"{escape(f.message)}</p>"
                + (
                    f'<p class="sugg">suggested: {escape(f.suggestion)}</p>'
                    if f.suggestion
                    else ""
                )
                for f in findings
            )
            rows.append(
                f'<tr><td class="note"><div class="where">'
                f"{escape(where(first, result.office))} · note {escape(first.note)}"
                f'</div>{text}</td><td class="finding">{side}</td></tr>'
            )
    bad = escape(" | ".join(info.bad.notes))
    good = escape(" | ".join(info.good.notes))
    return (
        f'<section id="rule-{rid}"><h2>{rid} '
        f'<span class="sev {info.severity}">{info.severity}</span> ({total})</h2>'
        f'<p class="help">{escape(info.summary)}. {escape(info.help)}</p>'
        f'<p class="help">Bad: <code class="bad">{bad}</code><br>'
        f"Good: <code>{good}</code></p>"
        f"<table>{''.join(rows)}</table></section>"
    )


def render(results: Sequence[FileResult], rule_ids: Sequence[str]) -> str:
    names = ", ".join(r.source for r in results)
    unreadable = "".join(
        f'<li class="error">{escape(r.source)}: {escape(r.error)}</li>'
        for r in results
        if r.error is not None
    )
    fired = [
        rid
        for rid in rule_ids
        if any(f.rule == rid for r in results for f in r.findings)
    ]
    sections = "".join(_section(rid, results) for rid in fired)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>archcite check: {escape(names)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>Citation check: {escape(names)}</h1>"
        f"<p><strong>{escape(summary(results))}</strong></p>"
        + (f"<ul>{unreadable}</ul>" if unreadable else "")
        + _counts(results, rule_ids)
        + (sections or "<p>No findings.</p>")
        + "</body></html>\n"
    )
