"""Measure recognizers against hand-checked gold sets (``tests/gold/``).

Each module evaluates one kind of citation and reports precision, recall and F1
per field, with every failure listed so that regressions and fixes are visible
(the tests ratchet them through ``tests/known_failures_*.txt``).
"""
