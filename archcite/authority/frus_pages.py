"""The pages of a FRUS reference: both ends of a range.

A page range is one locator ("pp. 531–534" is one place in print), kept as
written in ``FrusRef.pages``; but a link names one page, and the Office of the
Historian's TEI links *both* ends of a range. :func:`page_ends` gives the ends
a link builder (or an evaluation) needs, with an abbreviated second end written
out as Chicago abbreviates it ("1286–88" ends at 1288, "112–14" at 114).
"""

from __future__ import annotations

import re

_RANGE = re.compile(
    r"(?P<a>\d+|[ivxlcdm]+)(?:\s*[–—-]\s*(?P<b>\d+|[ivxlcdm]+))?"
    r"(?:\s+(?:ff\.?|et\s+seq\.?))?",
    re.IGNORECASE,
)


def page_ends(page: str) -> tuple[str, ...]:
    """The first page of ``page`` and, for a range, its last page.

    >>> page_ends("531–534"), page_ends("1286–88"), page_ends("512 ff.")
    (('531', '534'), ('1286', '1288'), ('512',))
    >>> page_ends("ix–xvi"), page_ends("7")
    (('ix', 'xvi'), ('7',))
    """
    m = _RANGE.fullmatch(page.strip())
    if m is None:
        first = re.match(r"\d+|[ivxlcdm]+", page.strip(), re.IGNORECASE)
        return (first.group(0),) if first else ()
    a, b = m.group("a"), m.group("b")
    if b is None:
        return (a,)
    if a.isdigit() != b.isdigit():
        return (a,)
    if a.isdigit() and len(b) < len(a):
        b = a[: len(a) - len(b)] + b
    if a.isdigit() and int(b) <= int(a):
        return (a,)
    return (a,) if a == b else (a, b)
