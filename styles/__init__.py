"""CSL styles shipped with archcite (data only; see README.md for provenance).

This folder is the top-level ``styles/`` of the source tree; it is installed as
the package ``archcite.styles`` so that :mod:`importlib.resources` finds the
files in a wheel and in an editable install alike.
"""
