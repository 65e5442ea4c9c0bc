"""The formatter the rewriters use: :mod:`archcite.render`, in one style.

Kept apart so that the writers and the pandoc filter depend only on the
:data:`~archcite.rewrite.manuscript.Formatter` shape (located citations in,
HTML per citation index out), and tests can hand them any formatter.
"""

from __future__ import annotations

import importlib

from archcite.rewrite import RewriteError
from archcite.rewrite.manuscript import Formatter


def formatter(style: str | None) -> Formatter:
    """Format with archcite's renderer in ``style`` (its default when None)."""
    try:
        render = importlib.import_module("archcite.render")
    except ImportError:
        raise RewriteError(
            "formatting citations needs archcite.render, which this build lacks"
        ) from None
    fn = getattr(render, "citation_html", None)
    if fn is None:
        raise RewriteError("archcite.render has no citation_html()")
    return lambda located: fn(located, style=style)
